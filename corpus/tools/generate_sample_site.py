#!/usr/bin/env python3
"""Regenerates the bundled sample news site (corpus/sample/) from the story texts below.

Sample data for the claimdex demo: three fictional outlets reporting the real, public debate
on chip export controls. Rule for the texts: the only words inside quotation marks that are
put in a real person's mouth are words that public reporting attributed to that person (the
seed articles of the evaluation set); everything else about real people is indirect speech.

Run from anywhere: python3 corpus/sample/generate.py  (then re-run the cmake configure step if
files were added). The oldpress outlet is written in windows-1252 on purpose.
"""
import datetime
import html
import json
import os

HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "sample")
FOOTER = "Sample data for the claimdex demo \u2014 not a real news site."

OUTLETS = {
    "techwire": {"address": "127.0.0.1", "publisher": "TechWire Daily", "charset": "utf-8",
                 "http_charset": "UTF-8"},
    "oldpress": {"address": "127.0.0.2", "publisher": "The Oldpress Chronicle",
                 "charset": "windows-1252", "http_charset": ""},
    "policyline": {"address": "127.0.0.3", "publisher": "Policyline", "charset": "utf-8",
                   "http_charset": "utf-8"},
}

# discovery: how a crawler can reach the page: "link" (from a page), "sitemap", "feed",
# "redirect" (only through the 301 from an old URL).
ARTICLES = []


def story(outlet, path, date, title, author, summary, speakers, body, discovery="link",
          on_topic=True, syndicated_from=None, section="Policy"):
    ARTICLES.append(dict(outlet=outlet, path=path, published=date, title=title, author=author,
                         summary=summary, speakers=speakers, on_topic=on_topic,
                         discovery=discovery, syndicated_from=syndicated_from, section=section,
                         paragraphs=[p.strip().replace("\n", " ")
                                     for p in body.strip().split("\n\n")]))


# ---------------------------------------------------------------------------------------------
# October 2024
story("oldpress", "/news/2024/10/huawei-tsmc-die.htm", "2024-10-24",
      "Teardown finds TSMC-made die inside Huawei AI processor", "Staff Reporter",
      "A teardown of Huawei's Ascend 910B reportedly found a die made by TSMC, raising fresh "
      "questions about how the export controls are enforced.",
      ["Gregory C. Allen"], """
A teardown of one of Huawei\u2019s Ascend 910B AI processors has reportedly turned up a die
made by TSMC, the Taiwanese contract chipmaker that has not been allowed to make chips for
Huawei without a US licence since 2020.

TSMC has said it has not supplied Huawei since the autumn of 2020 and that it informed the
US Commerce Department of the finding. The company said it was cooperating with the
authorities.

The discovery puts new pressure on the Bureau of Industry and Security, the small agency
inside the Commerce Department that writes and enforces the export controls on advanced
chips. Critics have long argued that restricted companies can reach advanced chips through
intermediaries and shell companies faster than the agency can list them.

Gregory C. Allen, who directs the AI work at CSIS, has argued for years that the controls
can only work if the bureau gets the staff and the budget to police them, and that
enforcement has lagged behind the rules.

Huawei relies largely on SMIC, China\u2019s biggest chipmaker, for domestic production of its
chips. SMIC cannot buy the most advanced lithography machines made by ASML, which limits how
many leading chips it can make.
""")

story("techwire", "/2024/10/two-years-of-chip-controls.html", "2024-10-30",
      "Two years of chip controls: what the October rules changed", "Wren Calloway",
      "An explainer on the October 2022 export controls on AI chips, the chips Nvidia designed "
      "for China, and the 2023 update.",
      ["Jake Sullivan", "Gina Raimondo", "Chris Miller"], """
Two years ago this month, the Commerce Department issued the rules that started the chip
war in earnest. The October 2022 export controls barred sales of the most capable AI chips,
such as Nvidia\u2019s A100 and H100, to China, and restricted the tools used to make advanced
chips.

Nvidia responded with versions built for the Chinese market, the A800 and the H800, which
stayed under the performance thresholds of the first rules. An update in October 2023
closed that route, and Nvidia then introduced the H20 for Chinese customers.

Jake Sullivan, the national security adviser, has described the approach as a small yard of
critical technologies protected by a high fence, and has said the aim is to keep the most
advanced chips away from military uses.

Commerce Secretary Gina Raimondo has warned chipmakers that if they redesign a chip to slip
under a control threshold, her department will control the new chip as well.

Chris Miller, the author of Chip War, has written that semiconductors are the choke point of
the modern economy, which is why Washington treats them as a national security matter.

Industry groups such as the Semiconductor Industry Association have warned that controls
imposed by the US alone hurt American companies and push customers towards foreign
suppliers.
""", discovery="sitemap")

# November 2024
story("policyline", "/briefs/2024/11/tsmc-halts-advanced-shipments", "2024-11-12",
      "TSMC halts advanced AI chip shipments to Chinese customers", "Policyline Desk",
      "After an order from the Commerce Department, TSMC is reported to have stopped shipping "
      "its most advanced AI chips to customers in China.",
      ["Donald Trump", "Dmitri Alperovitch"], """
TSMC has told Chinese customers that it will stop shipping chips made on its 7-nanometre
and more advanced processes for AI accelerators and graphics processors, according to
reports, after an order from the US Commerce Department.

The move follows the discovery of a TSMC-made die in a Huawei AI processor last month, and
it lands a week after Donald Trump won the presidential election. During the campaign, Trump
criticised the subsidies of the CHIPS Act and argued that tariffs would do more to bring chip
production home.

Dmitri Alperovitch, the chairman of the Silverado Policy Accelerator, has long argued that
the United States should tighten the controls and enforce them against smuggling and shell
companies, and that the government should plan on China trying to work around every rule.

China\u2019s Ministry of Commerce has repeatedly said that it opposes the US export controls
and has accused Washington of stretching the idea of national security to hold back Chinese
companies.

What the incoming administration will do with the controls is unclear. Both parties in
Congress have backed restrictions on chips for China, but the new team has also promised to
cut regulation.
""")

story("oldpress", "/life/2024/11/pumpkin-soup.htm", "2024-11-17",
      "Recipe: roasted pumpkin soup for a cold weekend", "Kitchen Desk",
      "A simple pumpkin soup with ginger and toasted seeds.", [], """
Roast a small pumpkin, cut into wedges, with olive oil and a pinch of salt until the edges
caramelise, about forty minutes.

Soften an onion, two cloves of garlic and a thumb of ginger in butter, add the pumpkin and a
litre of stock, and simmer for fifteen minutes.

Blend until smooth, season, and finish with a swirl of cream and the toasted seeds. Serves
four, and it keeps for three days in the fridge.
""", on_topic=False, section="Life")

# December 2024
story("oldpress", "/news/2024/12/memory-tool-curbs.htm", "2024-12-03",
      "New US curbs hit chipmaking tools and high-bandwidth memory", "Staff Reporter",
      "The Commerce Department added controls on high-bandwidth memory and chipmaking tools "
      "and put 140 entities on the Entity List.",
      ["Gina Raimondo", "Alan Estevez"], """
The Commerce Department on Monday announced another round of export controls aimed at
China\u2019s chip industry, adding limits on high-bandwidth memory, on two dozen types of
chipmaking equipment and on software used to design and make chips.

The package also put 140 entities, most of them Chinese toolmakers and chip companies, on
the Entity List, which bars US suppliers from selling to them without a licence.

Gina Raimondo, the Commerce Secretary, described the package as one of the strongest sets of
controls the department has imposed, and said it was aimed at China\u2019s ability to make
advanced chips for military AI.

Alan Estevez, who leads the Bureau of Industry and Security, said the rules targeted the
equipment China needs to build its own advanced chips, and that the bureau would keep
updating the controls as the technology changes.

China\u2019s Ministry of Commerce said it firmly opposed the move. A day later, Beijing banned
exports of gallium, germanium and antimony to the United States.

Shares of several toolmakers, among them Applied Materials, Lam Research and Tokyo
Electron, rose, as the final rules were less sweeping than some investors had feared. Memory makers Samsung
and SK Hynix are among the suppliers of the high-bandwidth memory now covered.
""")

story("techwire", "/2024/12/sacks-ai-crypto-czar.html", "2024-12-06",
      "Trump names David Sacks White House AI and crypto czar", "Theo Marchetti",
      "The venture capitalist will guide policy on AI and crypto in the new administration.",
      ["Donald Trump", "David Sacks"], """
President-elect Donald Trump said on Thursday that David Sacks, the venture capitalist and
former PayPal executive, will serve as the White House AI and crypto czar.

Sacks, a co-founder of Craft Ventures, has argued for a light touch on AI. He has said the
government should \u201clet the private sector cook\u201d rather than write rules in advance
of the technology.

On chips, Sacks has argued that overly restrictive measures can weaken American tech
leadership by pushing buyers abroad towards rival suppliers, a view that puts him at odds
with the hawks who want the export controls tightened further.

Advocates of the controls worry that the new administration could ease them under pressure
from chipmakers, whose sales in China have been cut by the rules. Others expect the
administration to keep them and add tariffs on top.

The appointment does not need Senate confirmation.
""")

story("policyline", "/culture/2024/12/winter-reading-list", "2024-12-14",
      "Ten novels for the long winter evenings", "Policyline Culture",
      "Our culture desk picks ten novels for the holidays.", [], """
Long nights call for long books. Our culture desk has picked ten novels, old and new, for
the weeks around the new year.

The list runs from a sprawling family saga to a slim mystery that can be read in one
sitting, with two translated novels and one debut.

Libraries in most towns will hold them, and several are out in paperback this month.
""", on_topic=False, section="Culture")

# January 2025
story("policyline", "/briefs/2025/01/diffusion-rule-three-tiers", "2025-01-14",
      "Biden\u2019s parting AI rule sorts the world into three tiers", "Policyline Desk",
      "The Framework for Artificial Intelligence Diffusion caps AI chip sales to most of the "
      "world. Nvidia and Oracle attacked it.",
      ["Joe Biden", "Gina Raimondo", "Ned Finkle", "Ken Glueck"], """
The Biden administration on Monday issued the Framework for Artificial Intelligence
Diffusion, a rule that decides how many advanced AI chips can go to which country.

The AI diffusion rule sorts the world into three tiers. About eighteen close allies can buy
without limits. Countries already under arms embargoes, China among them, remain barred.
Everyone else faces caps on how much computing power they can import, unless their data
centres meet security standards. The rule also controls the weights of the most advanced
closed AI models.

Gina Raimondo, the outgoing Commerce Secretary, said the rule was built to protect national
security while keeping trade with allies open, and that it would keep the most advanced AI
anchored in the United States and among its partners.

Nvidia was scathing. Ned Finkle, the company\u2019s vice president of government affairs,
called the rule unprecedented and misguided in a company blog post, and argued that it would
hurt American companies and weaken the country\u2019s lead without making anyone safer.

Ken Glueck of Oracle had criticised a draft of the rule in similar terms, arguing that it
would hand market share to Chinese suppliers in the countries it caps.

The rule takes effect with a 120-day comment period, and companies must comply by May 15.
President Joe Biden leaves office next week, so the decision to keep, change or scrap it
will fall to his successor.
""")

story("oldpress", "/sports/2025/01/harbour-cup-final.htm", "2025-01-19",
      "Harbour Cup final: Millbrook edge Eastport in extra time", "Sports Desk",
      "A fictional cup final report.", [], """
Millbrook won the Harbour Cup on Sunday, beating Eastport 2-1 after extra time in front of a
sold-out crowd at the old riverside ground.

Eastport led at half-time through a header from a corner, but Millbrook levelled with ten
minutes left and scored the winner from the penalty spot in the second period of extra
time.

It is the club\u2019s first cup in eleven seasons. Both teams in this report are fictional.
""", on_topic=False, section="Sports")

story("techwire", "/2025/01/trump-order-export-loopholes.html", "2025-01-21",
      "Trump\u2019s first-day trade memo orders a review of export control loopholes",
      "Wren Calloway",
      "A day-one memo tells officials to find and close loopholes in the export controls.",
      ["Donald Trump"], """
On his first day in office, President Donald Trump signed a trade memo directing officials
to \u201cidentify and eliminate loopholes in existing export controls\u201d, in particular
those that let strategic goods and technology reach rivals of the United States.

The language suggests the new administration may take a hard line on chips, even as some of
its allies in the tech industry hope for a lighter one. Several chief executives of large
tech companies attended the inauguration.

The memo does not mention the AI diffusion rule that the Biden administration issued last
week. Officials can keep it, revise it or scrap it before companies have to comply in May.

By coincidence, the Chinese start-up DeepSeek released its R1 reasoning model on the same
day. The company says the model matches OpenAI\u2019s o1 on several benchmarks.
""")

story("policyline", "/briefs/2025/01/deepseek-shock", "2025-01-28",
      "DeepSeek shock wipes hundreds of billions off Nvidia", "Policyline Desk",
      "Nvidia shares fell about 17 percent as DeepSeek's low-cost models raised doubts about "
      "AI spending and about the chip controls.",
      ["Donald Trump", "Sam Altman", "Satya Nadella", "Lennart Heim"], """
Nvidia shares fell about 17 percent on Monday, wiping close to 600 billion dollars off the
company\u2019s market value, after the Chinese start-up DeepSeek\u2019s R1 app climbed to
the top of the App Store in the United States.

DeepSeek has said that the final training run of its V3 model used about two thousand Nvidia
H800 chips and cost under six million dollars in computing time, a figure that leaves out
research and earlier experiments.

President Donald Trump called DeepSeek \u201ca wake-up call for our industry\u201d and said
that cheaper AI could turn out to be a good thing for the United States.

Sam Altman, the OpenAI chief executive, called R1 an impressive model, especially for its
price, and said OpenAI would deliver better models. Microsoft\u2019s Satya Nadella pointed to
the Jevons paradox: as AI gets cheaper, people will use far more of it.

Lennart Heim of RAND has argued that DeepSeek\u2019s efficiency gains are in line with the
long-run trend of falling training costs, and that access to computing power remains
decisive for whoever wants to build the next generation of models.
""")

story("techwire", "/2025/01/lutnick-deepseek-hearing.html", "2025-01-30",
      "Lutnick accuses DeepSeek of stealing US technology at confirmation hearing",
      "Theo Marchetti",
      "Trump's Commerce nominee promised tough enforcement; the White House AI czar says China "
      "is months behind.",
      ["Howard Lutnick", "David Sacks"], """
Howard Lutnick, President Trump\u2019s nominee for Commerce Secretary, accused DeepSeek on
Wednesday of stealing US technology and of getting around the export controls to obtain
Nvidia chips.

Lutnick told senators at his confirmation hearing that he would enforce the rules
rigorously, and that the Bureau of Industry and Security would get what it needs to stop
Chinese companies from using American chips against American interests.

His remarks came a day after David Sacks, the White House AI and crypto czar, said there
was substantial evidence that DeepSeek had distilled knowledge out of OpenAI\u2019s models.
OpenAI itself said it had found \u201csubstantial evidence\u201d that this had happened.

Sacks has also said that China is \u201cmonths, not years\u201d behind the United States in
AI.

But Sacks sees a risk in the other direction too. He has argued that overly restrictive
measures can weaken American tech leadership, and that DeepSeek shows China can innovate
around the restrictions.
""")

AMODEI_BODY = """
Dario Amodei, the chief executive of Anthropic, has published an essay titled
\u201cOn DeepSeek and Export Controls\u201d, arguing that the Chinese company\u2019s
breakthroughs make the US export controls on AI chips more urgent, not less.

Amodei credits DeepSeek\u2019s engineers. He describes its V3 and R1 models as real technical
achievements that come close to the best American models at a lower cost.

But he argues that the cost of reaching a given level of AI falls every year, and that
DeepSeek sits roughly where that curve predicted. What is new, in his view, is that a
Chinese company got there first.

According to Amodei, the decisive question is whether China can get the millions of advanced
chips needed for the most capable systems. If it can, he expects a bipolar world in which
both countries have powerful AI. If it cannot, the United States and its allies could hold
a lead that he considers more stable.

He argues that well-enforced export controls are the primary means of keeping those chips
out of China, and that DeepSeek\u2019s progress reflects strong engineering rather than a
failure of the rules. He believes the controls are now \u201ceven more existentially
important than they were a week ago\u201d.

Amodei adds that the controls are no substitute for building better models at home:
\u201cThey are not a way to avoid competition between the United States and China\u201d.
"""

story("techwire", "/2025/01/amodei-deepseek-export-controls.html", "2025-01-30",
      "Amodei: DeepSeek makes chip export controls more important, not less", "Wren Calloway",
      "The Anthropic chief argues that DeepSeek's progress strengthens the case for the controls.",
      ["Dario Amodei"], AMODEI_BODY, discovery="redirect")

story("oldpress", "/news/2025/01/amodei-export-controls.htm", "2025-01-30",
      "Amodei: DeepSeek makes chip export controls more important, not less", "Wren Calloway",
      "The Anthropic chief argues that DeepSeek's progress strengthens the case for the controls.",
      ["Dario Amodei"], AMODEI_BODY,
      syndicated_from="techwire:/2025/01/amodei-deepseek-export-controls.html")

story("techwire", "/2025/01/toner-chip-ban.html", "2025-01-31",
      "Toner: lifting the Nvidia chip ban would be a \u201chuge victory\u201d for China",
      "Theo Marchetti",
      "The former OpenAI board member says Washington should stay the course on the chip "
      "export controls.",
      ["Helen Toner", "Dario Amodei", "David Sacks"], """
Reversing the ban on exports of Nvidia\u2019s AI chips to China would be a \u201chuge
victory\u201d for China and for DeepSeek, according to Helen Toner, the former OpenAI board
member who now works at Georgetown\u2019s Center for Security and Emerging Technology.

Toner is no cheerleader for the rules. She has \u201cmixed feelings\u201d about the current
export controls, and she calls it an \u201copen question\u201d whether they were wise in the
first place.

But now that the United States has started down this road, she argues, it should stay the
course. It \u201cdoesn\u2019t make any sense to try to walk it back,\u201d she said.

According to Toner, the controls have already put China on \u201chigh alert\u201d that chips
are a strategic technology, so Washington has paid the price of the signal and should not
give up the benefit. She also warned that Nvidia might start lobbying the Trump
administration to revoke the controls.

She sees DeepSeek as a \u201cfast follower, not leading the pack\u201d, and believes China is
\u201cdoing well at fast-following\u201d.

Toner is not alone. Dario Amodei, the Anthropic CEO, said this week that the controls are
\u201ceven more existentially important than they were a week ago\u201d.

Others draw the opposite lesson. David Sacks, the White House AI and crypto czar, has argued
that overly restrictive measures can weaken American tech leadership.
""")

# February 2025
story("policyline", "/briefs/2025/02/huawei-smic-bottleneck", "2025-02-06",
      "Can Huawei fill Nvidia\u2019s shoes in China? The SMIC bottleneck", "Policyline Desk",
      "Huawei's Ascend chips are China's main alternative to Nvidia, but SMIC's capacity "
      "limits how many can be made.",
      ["Chris Miller", "Lennart Heim", "Gregory C. Allen"], """
Days after DeepSeek\u2019s R1 rattled markets, several Chinese cloud providers began
offering the model on Huawei\u2019s Ascend processors, the main domestic alternative to
Nvidia\u2019s chips.

The bottleneck is manufacturing. Huawei\u2019s most advanced chips are made by SMIC, which
produces 7-nanometre chips without the extreme ultraviolet lithography machines that ASML
is not allowed to sell to China.

Chris Miller, the historian of the chip industry at Tufts University, has argued that
making leading chips without those machines is possible but costly, with lower yields and
smaller volumes.

Lennart Heim of RAND has argued that the controls are about quantity as much as quality:
what matters is how many advanced chips China can make or buy, not whether it can make a
handful of them.

Gregory C. Allen of CSIS has pointed out that DeepSeek built its models partly on Nvidia
chips that were legal to buy before the 2023 update of the rules, which in his view shows
that the controls act with a lag rather than that they have failed.
""")

story("techwire", "/2025/02/weekend-weather.html", "2025-02-08",
      "Weekend weather: a cold snap, then rain", "Weather Desk",
      "Frost on Saturday morning, rain from Sunday afternoon.", [], """
Expect a hard frost on Saturday morning, with temperatures dipping to minus four in the
valleys before a bright, still afternoon.

Cloud thickens overnight, and rain spreads from the west by Sunday afternoon, heavy at
times on the hills. Winds pick up along the coast.

Next week looks milder but unsettled, with showers most days.
""", on_topic=False, section="Weather")

story("oldpress", "/news/2025/02/chorzempa-speed-limits.htm", "2025-02-14",
      "How DeepSeek drove around the chip speed limits", "Staff Reporter",
      "DeepSeek trained on Nvidia chips that were legal under the 2022 rules; a PIIE economist "
      "warns against a hasty ratchet of new controls.",
      ["Martin Chorzempa", "Liang Wenfeng", "Helen Toner"], """
The first US chip controls of 2022 did not cap the raw power of a single chip so much as the
speed at which chips could talk to each other. Nvidia\u2019s H800, built to stay under that
limit, could be sold to China until the rules were tightened in 2023.

Martin Chorzempa, a senior fellow at the Peterson Institute for International Economics,
said that DeepSeek had been able to use chips sold under the 2022 speed limits before they
were banned, once Washington realised the limits were set in the wrong place.

DeepSeek appears to have been \u201cheavily optimized with clever software and hardware
engineering\u201d to get around those limits, Chorzempa said.

He cautioned against a rushed response. He is worried that Washington will keep ratcheting
up the controls \u201cbefore we completely consider the tradeoffs\u201d.

Liang Wenfeng, the founder of DeepSeek, said in an interview last year that his company\u2019s
biggest constraint was not money but the embargo on high-end chips.

Helen Toner of Georgetown\u2019s CSET sees DeepSeek as a fast follower rather than a leader,
catching up quickly by learning from the front-runners.
""")

story("policyline", "/briefs/2025/02/after-deepseek-chip-war", "2025-02-22",
      "After DeepSeek, the AI trade war will not be easy to win", "Policyline Desk",
      "Economists, think tanks and executives disagree on what DeepSeek means for the export "
      "controls.",
      ["John Villasenor", "Martin Chorzempa", "Donald Trump", "Jensen Huang",
       "Alexandra Mousavizadeh", "Dario Amodei", "Alex Karp", "Joe Biden"], """
Tight US controls on chips, including on Nvidia\u2019s most advanced products, did not stop
DeepSeek from building AI models that rival the best American ones. The question now is how
far Washington should go to keep American chip technology out of Chinese hands.

The AI diffusion rule that President Joe Biden\u2019s Commerce Department issued in January
has drawn fire from chipmakers and from policy experts. Analysts at Brookings argued that
it attempts to create a \u201ccentral planned global computing economy\u201d.

John Villasenor, a nonresident senior fellow at Brookings and a professor at UCLA, predicted
that a decade from now people will look back with puzzlement on the attempt to limit the
ability of people in 150 countries \u201cto perform fast multiplication\u201d.

Brookings also listed the risks of the rule: it could speed up the growth of AI ecosystems
outside the United States, push more countries towards China, and let chipmakers outside the
US win market share at the expense of American companies.

Martin Chorzempa of the Peterson Institute warned against a knee-jerk ratchet of new
controls before the tradeoffs are understood.

Unless President Donald Trump revokes or revises the rule first, its comment period ends on
May 15. On his first day in office Trump ordered officials to \u201cidentify and eliminate
loopholes in existing export controls\u201d, and he has called DeepSeek \u201ca wake-up call
for our industry\u201d. Nvidia\u2019s chief executive Jensen Huang met Trump at the White House
in recent weeks, and restrictions on chip sales to China were reported to be on the agenda.

\u201cThis story is really about the gap between open source and closed source models,\u201d
said Alexandra Mousavizadeh, the chief executive of Evident. According to Mousavizadeh, the
restrictions pushed Chinese labs towards techniques that do more with less computing power,
such as mixture-of-experts models. \u201cYou can\u2019t really be a real gatekeeper,\u201d she
said.

Dario Amodei of Anthropic, who backs the controls, has argued that they still matter while
conceding that \u201cThey are not a way to avoid competition between the United States and
China\u201d.

Alex Karp, the Palantir chief executive, told CNBC that America\u2019s answer has to be
speed: \u201cWe have to work harder, run faster\u201d. He expects a \u201chuge policy
discussion\u201d about the controls, but he believes the lasting advantage belongs to whoever
moves first and keeps moving.

Karp described his company\u2019s own approach in the same terms: \u201cWe\u2019re not
focused on the game.

\u201cWe\u2019re focused on how to execute.\u201d
""")

# March 2025
story("techwire", "/2025/03/lutnick-enforcement-pledge.html", "2025-03-04",
      "New Commerce Secretary Lutnick vows to police the chip rules", "Wren Calloway",
      "Lutnick takes charge of the export controls as hawks press for enforcement and sceptics "
      "doubt it can work.",
      ["Howard Lutnick", "Dmitri Alperovitch", "Alexandra Mousavizadeh", "David Sacks"], """
Howard Lutnick, sworn in as Commerce Secretary last month, now runs the department that
writes and enforces the export controls on AI chips.

At his confirmation hearing Lutnick promised to enforce the controls rigorously and to
combine them with tariffs, and he accused DeepSeek of using American technology to get
ahead.

Hawks want him to start with smuggling. Dmitri Alperovitch of the Silverado Policy
Accelerator has argued that chips reach China through third countries and shell companies,
and that the government should tighten the rules on those routes and track where the chips
end up.

Sceptics doubt that any amount of enforcement can hold the line. \u201cYou can\u2019t really
be a real gatekeeper,\u201d Alexandra Mousavizadeh of Evident said of the controls last
month.

David Sacks, the White House AI and crypto czar, has said that China is \u201cmonths, not
years\u201d behind, and has argued that overly restrictive measures can weaken American tech
leadership.
""")

story("policyline", "/culture/2025/03/museum-late-nights", "2025-03-08",
      "City museum opens late on Fridays this spring", "Policyline Culture",
      "Late openings, talks and a new print room.", [], """
The city museum will stay open until ten on Fridays from March to June, with talks in the
main hall and music in the courtyard when the weather allows.

A new print room opens on the first floor, showing a rotating selection of etchings from the
collection, most of which have not been on display for decades.

Entry to the late openings is free; the talks need a ticket.
""", on_topic=False, section="Culture")

story("techwire", "/2025/03/budget-phone-roundup.html", "2025-03-12",
      "Five budget phones worth a look this spring", "Reviews Desk",
      "Good screens and long battery life for under 300 dollars.", [], """
You do not need to spend a fortune for a good phone any more. Our reviewers tried a dozen
handsets under 300 dollars and picked five.

The best all-rounder has a bright screen and two days of battery life; the runner-up takes
the sharpest photos in its class but charges slowly.

All five get security updates for at least four years. Prices vary by retailer, and every
model named in our full review is fictional.
""", on_topic=False, section="Reviews")

story("oldpress", "/news/2025/03/huang-gtc-blackwell.htm", "2025-03-19",
      "Huang shows off Blackwell Ultra as China questions linger", "Staff Reporter",
      "Nvidia's chief presented new chips at GTC while its China business depends on the H20.",
      ["Jensen Huang", "Helen Toner"], """
Jensen Huang, the Nvidia chief executive, used his keynote at the company\u2019s GTC
conference on Tuesday to present Blackwell Ultra and to sketch the chips that will follow
it.

Huang argued that reasoning models need far more computing power than the chatbots of a year
ago, and that demand for Nvidia\u2019s systems will keep growing as a result.

In China, Nvidia can sell only the H20, the chip it designed to comply with the 2023 rules.
Orders for the H20 from Chinese companies have reportedly risen since DeepSeek\u2019s models
became popular.

That business depends on Washington. Helen Toner of Georgetown\u2019s CSET warned earlier this
year that Nvidia might start lobbying the Trump administration to revoke the controls.
""", discovery="feed")

# April 2025
story("policyline", "/briefs/2025/04/h20-licence-requirement", "2025-04-16",
      "Washington requires licences for Nvidia\u2019s H20; the company books a 5.5 billion "
      "dollar charge", "Policyline Desk",
      "The H20, Nvidia's China chip, now needs a licence. AMD is hit too.",
      ["John Moolenaar", "Helen Toner", "David Sacks"], """
Nvidia said on Tuesday that the US government had told it that exports of its H20 chip to
China now require a licence, for the indefinite future. The company expects a charge of
about 5.5 billion dollars for inventory and commitments it cannot sell.

AMD said its MI308 chips were caught by the same requirement and expects a charge of up to
800 million dollars.

The House Select Committee on the CCP published a report on DeepSeek the following day.
John Moolenaar, the committee\u2019s chairman, has pressed the administration to tighten the
controls, including on the H20.

China\u2019s foreign ministry said the United States was politicising trade and technology
and that the controls would not stop China\u2019s development.

The decision pleases those who argued that Washington should stay the course. Helen Toner
has said that walking the controls back now would make no sense. Those on the other side,
including David Sacks, have argued that overly restrictive measures can weaken American tech
leadership.
""", discovery="feed")

story("techwire", "/2025/04/diffusion-rule-deadline.html", "2025-04-30",
      "Diffusion rule faces calls to scrap it as the May deadline nears", "Theo Marchetti",
      "Critics want the three-tier AI diffusion rule repealed before companies must comply.",
      ["John Villasenor", "Dario Amodei", "David Sacks"], """
Companies have until May 15 to comply with the AI diffusion rule, and the pressure to scrap
it before then is rising. Administration officials are reported to be weighing changes,
including dropping the three tiers.

Critics point to the analysis from Brookings, which called the rule an attempt at a
\u201ccentral planned global computing economy\u201d. John Villasenor of Brookings has argued
that limiting the computing power of countries around the world is quixotic and will push
them towards Chinese suppliers.

David Sacks has argued that overly restrictive measures can weaken American tech leadership,
and that American companies should win markets abroad rather than be fenced out of them.

Supporters of the rule want it kept and tightened. Dario Amodei of Anthropic has argued that
well-enforced export controls are the primary means of keeping the chips for the most
capable AI out of China.
""", discovery="feed")

# Linked from the techwire home page but disallowed by robots.txt: a crawler must not fetch it.
PRIVATE = dict(outlet="techwire", path="/private/draft-memo.html", published="2025-02-01",
               title="Draft: internal memo on export control coverage")

REDIRECTS = [{"outlet": "techwire", "from": "/archives/1042",
              "to": "/2025/01/amodei-deepseek-export-controls.html", "status": 301}]
MISSING = [{"outlet": "techwire", "path": "/2024/09/missing-story.html"}]

CONTENT_TYPES = {".html": "text/html", ".htm": "text/html", ".xml": "application/xml",
                 ".txt": "text/plain", ".json": "application/json", ".css": "text/css"}

# ---------------------------------------------------------------------------------------------
# Templates.

def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def day(a):
    return datetime.date.fromisoformat(a["published"])


def long_date(a):
    d = day(a)
    return f"{d:%B} {d.day}, {d.year}"


def by_outlet(outlet, discovery=None, on_topic=None):
    out = [a for a in ARTICLES if a["outlet"] == outlet]
    if discovery is not None:
        out = [a for a in out if a["discovery"] == discovery]
    if on_topic is not None:
        out = [a for a in out if a["on_topic"] == on_topic]
    return sorted(out, key=lambda a: a["published"], reverse=True)


def body_html(a, indent="  "):
    return "\n".join(f"{indent}<p>{esc(p)}</p>" for p in a["paragraphs"])


def techwire_article(a):
    base = "{{base:techwire}}"
    url = base + a["path"]
    ts = a["published"] + "T09:30:00+00:00"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": ts, "dateModified": ts, "mainEntityOfPage": url,
          "author": {"@type": "Person", "name": a["author"]},
          "publisher": {"@type": "Organization", "name": "TechWire Daily",
                        "logo": {"@type": "ImageObject", "url": base + "/logo.png"}},
          "description": a["summary"], "articleSection": a["section"]}
    related = [r for r in by_outlet("techwire", "link") if r is not a][:3]
    rel = "\n".join(f'      <li><a href="{r["path"]}">{esc(r["title"])}</a></li>' for r in related)
    share = ("  <div class=\"share-bar\"><span>Share:</span>\n"
             f"    <a class=\"share-x\" href=\"https://share.example.invalid/x?u={attr(url)}\">X</a>\n"
             f"    <a class=\"share-li\" href=\"https://share.example.invalid/li?u={attr(url)}\">LinkedIn</a>\n"
             "    <a class=\"share-mail\" href=\"mailto:?subject=TechWire\">Email</a></div>")
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a["title"])} &#8211; TechWire Daily</title>
<meta name="generator" content="WordPress 6.4 (sample)">
<meta name="description" content="{attr(a["summary"])}">
<meta name="author" content="{attr(a["author"])}">
<link rel="canonical" href="{url}">
<link rel="alternate" type="application/rss+xml" title="TechWire Daily &raquo; Feed" href="{base}/feed.xml">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a["title"])}">
<meta property="og:description" content="{attr(a["summary"])}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="TechWire Daily">
<meta property="article:published_time" content="{ts}">
<meta property="article:section" content="{attr(a["section"])}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<style>body{{font-family:sans-serif;margin:0}} .wrap{{max-width:1100px;margin:auto;display:flex}} main{{flex:3}} .sidebar{{flex:1}}</style>
</head>
<body class="post-template-default single single-post postid-{sum(a["path"].encode()) % 9000 + 1000} single-format-standard">
<header id="masthead" class="site-header">
  <p class="site-title"><a href="/" rel="home">TechWire Daily</a></p>
  <nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
    <li class="menu-item"><a href="/">Home</a></li>
    <li class="menu-item"><a href="/#policy">Policy</a></li>
    <li class="menu-item"><a href="/#chips">Chips</a></li>
  </ul></nav>
</header>
<div class="wrap">
<main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry category-{a["section"].lower()}">
  <header class="entry-header">
    <span class="cat-links"><a href="/#{a["section"].lower()}" rel="category tag">{esc(a["section"])}</a></span>
    <h1 class="entry-title">{esc(a["title"])}</h1>
    <div class="entry-meta">By <span class="author vcard">{esc(a["author"])}</span> &middot;
      <time class="entry-date published" datetime="{ts}">{long_date(a)}</time></div>
  </header>
{share}
  <div class="entry-content">
{body_html(a)}
  </div>
{share}
  <footer class="entry-footer"><span class="tags-links">Tagged <a href="/#chips" rel="tag">chips</a>, <a href="/#policy" rel="tag">policy</a></span></footer>
</article>
<aside class="related-posts"><h3>Related posts</h3>
    <ul>
{rel}
    </ul>
</aside>
<section class="newsletter-box"><h3>Get the TechWire briefing</h3>
  <p>The day&#8217;s tech policy news in your inbox every morning.</p>
  <form action="/newsletter/subscribe" method="post"><input type="email" name="email" placeholder="you@example.com"><button type="submit">Subscribe</button></form>
</section>
<section id="comments" class="comments-area"><h3 id="reply-title">Leave a Reply</h3>
  <form action="/wp-comments-post.php" method="post" id="commentform">
    <p class="comment-notes">Your email address will not be published.</p>
    <p><label for="comment">Comment</label><textarea id="comment" name="comment" rows="6"></textarea></p>
    <p><label for="author">Name</label><input id="author" name="author" type="text"></p>
    <p class="form-submit"><input name="submit" type="submit" value="Post Comment"></p>
  </form>
</section>
</main>
<aside id="secondary" class="sidebar widget-area">
  <section class="widget"><h2 class="widget-title">Trending</h2><ul>
{chr(10).join(f'    <li><a href="{r["path"]}">{esc(r["title"])}</a></li>' for r in by_outlet("techwire", "link")[:4])}
  </ul></section>
  <section class="widget"><h2 class="widget-title">Elsewhere</h2><ul>
    <li><a href="{{{{base:policyline}}}}/">Policyline</a></li>
  </ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><p class="sample-notice">{esc(FOOTER)}</p>
  <p>&copy; 2025 TechWire Daily (fictional outlet). Proudly powered by a WordPress-like template.</p></footer>
</body>
</html>
"""


def oldpress_nav():
    return """<table width="100%" cellpadding="2" cellspacing="0" border="0">
<tr><td class="navhead"><b>SECTIONS</b></td></tr>
<tr><td><a href="/">Front page</a></td></tr>
<tr><td><a href="/#news">News</a></td></tr>
<tr><td><a href="/#sports">Sports</a></td></tr>
<tr><td><a href="/#life">Life</a></td></tr>
<tr><td><a href="/rss.xml">RSS</a></td></tr>
</table>"""


def oldpress_page(title, inner):
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>The Oldpress Chronicle :: {esc(title)}</title>
<link rel="alternate" type="application/rss+xml" title="The Oldpress Chronicle" href="/rss.xml">
</head>
<body bgcolor="#FFFFFF" text="#000000" link="#003366" vlink="#663366" topmargin="0" leftmargin="0">
<table width="780" cellpadding="0" cellspacing="0" border="0" align="center">
<tr><td colspan="2" bgcolor="#003366"><div id="masthead"><font face="Georgia" size="6" color="#FFFFFF"><b>The Oldpress Chronicle</b></font><br>
<font face="Arial" size="1" color="#CCCCCC">News since (never) &mdash; {esc(FOOTER)}</font></div></td></tr>
<tr>
<td width="160" valign="top" bgcolor="#EEEEEE"><div class="leftnav">
{oldpress_nav()}
<div class="ad"><font size="1">ADVERTISEMENT</font><br><font size="1">Your ad here! Call 555-0100.</font></div>
</div></td>
<td width="620" valign="top"><div id="content"><div class="inner">
{inner}
</div></div></td>
</tr>
<tr><td colspan="2" align="center"><div class="footer"><font face="Arial" size="1">{esc(FOOTER)}<br>&copy; 2025 The Oldpress Chronicle (fictional). All rights reserved. <a href="/">Home</a></font></div></td></tr>
</table>
</body>
</html>
"""


def oldpress_article(a):
    d = day(a)
    posted = f"Posted {d.day} {d:%b} {d.year} by {a['author']}"
    note = ""
    if a["syndicated_from"]:
        note = ('<div class="credit"><font size="1"><i>This story first appeared in TechWire '
                'Daily. <a href="{{base:techwire}}/archives/1042">Read it there</a>.</i>'
                '</font></div>\n')
    paras = "\n".join(f"<p><font face=\"Georgia\" size=\"3\">{esc(p)}</font></p>"
                      for p in a["paragraphs"])
    inner = f"""<div class="storyhead"><font face="Georgia" size="5"><b>{esc(a["title"])}</b></font></div>
<div class="byline"><font face="Arial" size="2" color="#666666">{esc(posted)}</font></div>
{note}<div class="storybody">
<table width="100%" cellpadding="4"><tr><td>
{paras}
</td></tr></table>
</div>
<div class="printlinks"><font size="1"><a href="/">&laquo; Back to front page</a> | <a href="javascript:window.print()">Print this story</a> | <a href="mailto:editor@oldpress.example.invalid">Email the editor</a></font></div>"""
    return oldpress_page(a["title"], inner)


def policyline_page(title, inner, description=""):
    desc = f'\n<meta name="description" content="{attr(description)}">' if description else ""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | Policyline</title>{desc}
<link rel="alternate" type="application/atom+xml" title="Policyline" href="/atom.xml">
<style>body{{font:17px/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}} .kicker{{text-transform:uppercase;font-size:.8rem;color:#a33}} .dateline{{color:#666}}</style>
</head>
<body>
<header class="site"><a class="brand" href="/">Policyline</a>
  <nav><a href="/">Briefs</a> <a href="/#culture">Culture</a> <a href="/atom.xml">Feed</a></nav>
</header>
{inner}
<footer class="site"><p class="sample-notice">{esc(FOOTER)}</p><p>Policyline is a fictional outlet.</p></footer>
</body>
</html>
"""


def policyline_article(a):
    d = day(a)
    dateline = f"{d:%A}, {d:%B} {d.day}, {d.year}"
    inner = f"""<main>
<article>
  <p class="kicker">{esc(a["section"])}</p>
  <h1>{esc(a["title"])}</h1>
  <p class="standfirst">{esc(a["summary"])}</p>
  <p class="dateline">{esc(a["author"])} &middot; {dateline}</p>
  <div class="body">
{body_html(a, "    ")}
  </div>
</article>
<aside class="more"><h2>More from Policyline</h2><ul>
{chr(10).join(f'  <li><a href="{r["path"]}">{esc(r["title"])}</a></li>' for r in by_outlet("policyline", "link") if r is not a)}
</ul></aside>
</main>"""
    return policyline_page(a["title"], inner, a["summary"])


# ---------------------------------------------------------------------------------------------
# Home pages, robots, feeds, sitemap.

def techwire_home():
    items = "\n".join(
        f'  <article class="post-card"><h2><a href="{a["path"]}">{esc(a["title"])}</a></h2>'
        f'<p class="excerpt">{esc(a["summary"])}</p><time datetime="{a["published"]}">{long_date(a)}</time></article>'
        for a in by_outlet("techwire", "link"))
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>TechWire Daily &#8211; Tech policy, chips and AI</title>
<link rel="alternate" type="application/rss+xml" title="TechWire Daily &raquo; Feed" href="{{{{base:techwire}}}}/feed.xml">
<meta property="og:site_name" content="TechWire Daily">
</head>
<body class="home blog">
<header id="masthead" class="site-header"><h1 class="site-title"><a href="/">TechWire Daily</a></h1>
  <p class="site-description">Tech policy, chips and AI</p></header>
<main id="main" class="site-main">
{items}
  <article class="post-card"><h2><a href="/archives/1042">From the archive: Amodei on DeepSeek and the chip controls</a></h2></article>
  <article class="post-card"><h2><a href="/2024/09/missing-story.html">September: the chip story we lost</a></h2></article>
  <article class="post-card"><h2><a href="/private/draft-memo.html">Staff only: coverage memo</a></h2></article>
</main>
<aside class="sidebar"><h2>Partner outlets</h2><ul>
  <li><a href="{{{{base:oldpress}}}}/">The Oldpress Chronicle</a></li>
  <li><a href="{{{{base:policyline}}}}/">Policyline</a></li>
</ul></aside>
<footer class="site-footer"><p class="sample-notice">{esc(FOOTER)}</p></footer>
</body>
</html>
"""


def techwire_private():
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>Draft memo &#8211; TechWire Daily</title>
<meta name="robots" content="noindex"></head>
<body><main><h1>{esc(PRIVATE["title"])}</h1>
<p>Internal draft: which export control stories to follow up on. Not for publication.
A crawler that obeys robots.txt never fetches this page.</p></main>
<footer><p class="sample-notice">{esc(FOOTER)}</p></footer></body></html>
"""


def oldpress_home():
    rows = "\n".join(
        f'<tr><td valign="top"><font face="Arial" size="1">{day(a).day} {day(a):%b} {day(a).year}</font></td>'
        f'<td><a href="{a["path"]}"><b>{esc(a["title"])}</b></a><br><font size="2">{esc(a["summary"])}</font></td></tr>'
        for a in by_outlet("oldpress", "link"))
    inner = f"""<div class="frontpage"><font face="Georgia" size="4"><b>Latest stories</b></font>
<table width="100%" cellpadding="4" cellspacing="0" border="0">
{rows}
</table>
<p><font size="2">Also read our friends at <a href="{{{{base:policyline}}}}/">Policyline</a>.</font></p>
</div>"""
    return oldpress_page("Front page", inner)


def policyline_home():
    items = "\n".join(
        f'  <li><a href="{a["path"]}">{esc(a["title"])}</a> <span class="dateline">{day(a):%A}, {long_date(a)}</span></li>'
        for a in by_outlet("policyline", "link"))
    inner = f"""<main class="home"><h1>Policyline</h1><p>Briefs on technology policy.</p>
<ul class="latest">
{items}
</ul>
<p>Elsewhere: <a href="{{{{base:techwire}}}}/">TechWire Daily</a></p>
</main>"""
    return policyline_page("Home", inner)


def rss(outlet, title, items, encoding):
    base = "{{base:" + outlet + "}}"
    entries = "\n".join(f"""  <item>
    <title>{esc(a["title"])}</title>
    <link>{base}{a["path"]}</link>
    <guid isPermaLink="true">{base}{a["path"]}</guid>
    <pubDate>{day(a):%a, %d %b %Y} 09:30:00 +0000</pubDate>
    <description>{esc(a["summary"])}</description>
  </item>""" for a in items)
    return f"""<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0">
<channel>
  <title>{esc(title)}</title>
  <link>{base}/</link>
  <description>{esc(title)} &#8212; {esc(FOOTER)}</description>
  <language>en</language>
{entries}
</channel>
</rss>
"""


def atom(items):
    base = "{{base:policyline}}"
    entries = "\n".join(f"""  <entry>
    <title>{esc(a["title"])}</title>
    <link rel="alternate" href="{base}{a["path"]}"/>
    <id>{base}{a["path"]}</id>
    <updated>{a["published"]}T08:00:00Z</updated>
    <summary>{esc(a["summary"])}</summary>
  </entry>""" for a in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Policyline</title>
  <subtitle>{esc(FOOTER)}</subtitle>
  <link rel="self" href="{base}/atom.xml"/>
  <link rel="alternate" href="{base}/"/>
  <id>{base}/</id>
  <updated>{items[0]["published"]}T08:00:00Z</updated>
{entries}
</feed>
"""


def sitemap(items):
    urls = "\n".join(f"""  <url><loc>{{{{base:techwire}}}}{a["path"]}</loc><lastmod>{a["published"]}</lastmod></url>"""
                     for a in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{{{{base:techwire}}}}/</loc></url>
{urls}
</urlset>
"""


def file_for(outlet, path):
    """The file under sample/<outlet>/ that serves URL `path` (policyline uses clean URLs)."""
    if path.endswith("/"):
        path += "index.html"
    elif "." not in os.path.basename(path):
        path += ".html"
    return os.path.join(outlet, path.lstrip("/"))


def write(rel, text, encoding="utf-8"):
    full = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(text.encode(encoding))


def main():
    renderers = {"techwire": techwire_article, "oldpress": oldpress_article,
                 "policyline": policyline_article}
    for a in ARTICLES:
        enc = OUTLETS[a["outlet"]]["charset"]
        write(file_for(a["outlet"], a["path"]), renderers[a["outlet"]](a), enc)
    write("techwire/index.html", techwire_home())
    write("techwire/private/draft-memo.html", techwire_private())
    write("oldpress/index.html", oldpress_home(), "windows-1252")
    write("policyline/index.html", policyline_home())
    write("techwire/robots.txt",
          "# Sample data for the claimdex demo\nUser-agent: *\nDisallow: /private/\n"
          "Disallow: /wp-admin/\n\nSitemap: {{base:techwire}}/sitemap.xml\n")
    write("oldpress/robots.txt", "User-agent: *\nDisallow:\n")
    write("policyline/robots.txt", "User-agent: *\nAllow: /\n")
    tw = by_outlet("techwire")
    write("techwire/sitemap.xml", sitemap([a for a in tw if a["discovery"] in ("link", "sitemap")]))
    write("techwire/feed.xml", rss("techwire", "TechWire Daily",
                                   [a for a in tw if a["discovery"] in ("link", "feed")
                                    and a["on_topic"]], "UTF-8"))
    op = by_outlet("oldpress", on_topic=True)
    write("oldpress/rss.xml", rss("oldpress", "The Oldpress Chronicle",
                                  [a for a in op if a["discovery"] in ("link", "feed")],
                                  "windows-1252"), "windows-1252")
    pl = by_outlet("policyline", on_topic=True)
    write("policyline/atom.xml", atom([a for a in pl if a["discovery"] in ("link", "feed")]))

    manifest = {
        "about": "The bundled sample site of claimdex: " + FOOTER,
        "outlets": [dict(key=k, address=v["address"], publisher=v["publisher"],
                         charset=v["charset"], http_charset=v["http_charset"])
                    for k, v in OUTLETS.items()],
        "feeds": ["techwire:/feed.xml", "oldpress:/rss.xml", "policyline:/atom.xml"],
        "sitemaps": ["techwire:/sitemap.xml"],
        "redirects": REDIRECTS,
        "missing": MISSING,
        "disallowed": [dict(outlet=PRIVATE["outlet"], path=PRIVATE["path"])],
        "content_types": CONTENT_TYPES,
        "articles": [dict(outlet=a["outlet"], path=a["path"], file=file_for(a["outlet"], a["path"]),
                          title=a["title"], published=a["published"], author=a["author"],
                          on_topic=a["on_topic"], discovery=a["discovery"],
                          syndicated_from=a["syndicated_from"], speakers=a["speakers"])
                     for a in sorted(ARTICLES, key=lambda a: (a["published"], a["outlet"]))],
    }
    write("site.json", json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
