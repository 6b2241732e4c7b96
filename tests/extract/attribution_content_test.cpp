// Sentence in, (speaker, kind, cue, content) out: the reported content of each attribution
// shape, unnamed sources, pronouns for groups, transcript labels and the per-speaker stance.
#include <gtest/gtest.h>

#include <string>

#include "corpus/document.h"
#include "tests/extract/annotate_fixture.h"

namespace claimdex {
namespace {

using annotate_fixture::Annotated;
using annotate_fixture::ClaimWith;

struct ContentCase {
  const char* text;
  const char* fragment;  // identifies the claim
  const char* speaker;   // entity id; "unnamed:WORDS" for a described source; "" for none
  const char* kind;
  const char* cue;
  const char* content;  // the claim's "quote": what the speaker is reported to have said
};

class ContentShapes : public ::testing::TestWithParam<ContentCase> {};

TEST_P(ContentShapes, FindsSpeakerKindCueAndContent) {
  const ContentCase& c = GetParam();
  Document doc = Annotated(c.text);
  const Claim* claim = ClaimWith(doc, c.fragment);
  ASSERT_NE(claim, nullptr) << c.text;
  annotate_fixture::ExpectSpeaker(*claim, c.speaker, c.text);
  EXPECT_EQ(claim->kind, c.kind) << c.text;
  EXPECT_EQ(claim->cue, c.cue) << c.text;
  EXPECT_EQ(claim->quote, c.content) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, ContentShapes,
    ::testing::Values(
        // Indirect speech: the clause after the verb and its complementiser.
        ContentCase{"Dario Amodei argues that the rules must be enforced more strictly.",
                    "strictly", "dario-amodei", "indirect", "argues",
                    "the rules must be enforced more strictly"},
        ContentCase{"Jensen Huang told reporters in Taipei that demand remained strong.", "Taipei",
                    "jensen-huang", "indirect", "told reporters", "demand remained strong"},
        // The attribution after the content, with or without an adjunct.
        ContentCase{"The export rules are failing badly, Toner said on Tuesday.", "failing",
                    "helen-toner", "indirect", "said", "The export rules are failing badly"},
        // The attribution in the middle: both sides.
        ContentCase{"The rules, Toner said, are working better than anyone expected.", "working",
                    "helen-toner", "indirect", "said",
                    "The rules \u2026 are working better than anyone expected"},
        // "according to" before and after.
        ContentCase{"According to Helen Toner, the restrictions have bought time for allies.",
                    "bought time", "helen-toner", "indirect", "according to",
                    "the restrictions have bought time for allies"},
        ContentCase{"Demand for the chips collapsed in March, according to Nvidia.", "collapsed",
                    "nvidia", "indirect", "according to",
                    "Demand for the chips collapsed in March"},
        // Sources described, not named: attributed to their words, never to a person.
        ContentCase{"U.S. officials said the controls would be tightened next month.", "tightened",
                    "unnamed:U.S. officials", "indirect", "said",
                    "the controls would be tightened next month"},
        ContentCase{
            "The new rules will hurt American firms, a senior administration official said.",
            "hurt", "unnamed:a senior administration official", "indirect", "said",
            "The new rules will hurt American firms"},
        ContentCase{"According to a report by the Tax Policy Center, the plan would cost billions.",
                    "billions", "unnamed:a report by the Tax Policy Center", "indirect",
                    "according to", "the plan would cost billions"},
        // The described source's phrase ends before the verb's auxiliaries.
        ContentCase{"The city of Phoenix is demanding that the campaign stop using images of "
                    "its police officers.",
                    "images", "unnamed:The city of Phoenix", "indirect", "demanding",
                    "the campaign stop using images of its police officers"},
        // A noun in "-ly" is no adverb before the verb.
        ContentCase{"The export rules were never enforced, attorneys for the family said.",
                    "enforced", "unnamed:attorneys for the family", "indirect", "said",
                    "The export rules were never enforced"},
        // A capitalised title before the name: the person speaks.
        ContentCase{"Former Secretary of State Helen Toner urged the allies to tighten the "
                    "export rules.",
                    "tighten", "helen-toner", "indirect", "urged",
                    "the allies to tighten the export rules"},
        // A relative clause set off inside what was said, which goes on after it.
        ContentCase{"Helen Toner said the export rules, which took effect in October, have "
                    "bought the allies time.",
                    "bought", "helen-toner", "indirect", "said",
                    "the export rules, which took effect in October, have bought the allies time"},
        // But a writer's relative clause and adjunct after what was said are cut.
        ContentCase{"David Sacks compared the export rules to a tariff, which raises prices, in "
                    "an interview on Monday.",
                    "tariff", "david-sacks", "indirect", "compared",
                    "the export rules to a tariff"},
        // "but" and a second verb, no comma: after a reported clause it is still the clause's
        // subject's; after an object it is the speaker's next act, the writer's account.
        ContentCase{"Helen Toner said the rules would not be lifted but would first be "
                    "reviewed.",
                    "lifted", "helen-toner", "indirect", "said",
                    "the rules would not be lifted but would first be reviewed"},
        ContentCase{"Helen Toner praised the export rules but had to admit they leak.", "praised",
                    "helen-toner", "indirect", "praised", "the export rules"},
        // A dash right after the quoted words opens the writer's aside.
        ContentCase{"David Sacks dismissed the export rules as a \u201cpaper wall\u201d \u2014 a "
                    "metaphor the chip industry likes to repeat.",
                    "paper wall", "david-sacks", "paraphrase", "dismissed",
                    "the export rules as a \u201cpaper wall\u201d"},
        // ", despite ...": the speaker's concession after a reported clause; the writer's
        // after an object.
        ContentCase{"Helen Toner said the export rules had worked, despite the smuggling.",
                    "worked", "helen-toner", "indirect", "said",
                    "the export rules had worked, despite the smuggling"},
        ContentCase{"Helen Toner praised the export rules, despite the smuggling.", "praised",
                    "helen-toner", "indirect", "praised", "the export rules"},
        // ", including ...": the list is what was said, no writer's participle.
        ContentCase{"Helen Toner said the export rules had worked, including those on chips "
                    "sold to China.",
                    "worked", "helen-toner", "indirect", "said",
                    "the export rules had worked, including those on chips sold to China"},
        // A people in the plural.
        ContentCase{"Many Europeans say the export rules came too late.", "too late",
                    "unnamed:Many Europeans", "indirect", "say", "the export rules came too late"},
        // A questioner, a friend, a colleague: people described by what they did.
        ContentCase{"One questioner claimed that the export rules had failed.", "failed",
                    "unnamed:One questioner", "indirect", "claimed", "the export rules had failed"},
        // "has learned": what a newspaper reports it found out.
        ContentCase{"Nvidia has learned that the export rules will be loosened.", "loosened",
                    "nvidia", "indirect", "has learned", "the export rules will be loosened"},
        // "charges that", "laments": more forms of the verbs of position.
        ContentCase{"Helen Toner charges that the export rules came too late.", "too late",
                    "helen-toner", "indirect", "charges that", "the export rules came too late"},
        ContentCase{"Dario Amodei laments that the export rules came too late.", "too late",
                    "dario-amodei", "indirect", "laments", "the export rules came too late"},
        // A city or a university speaks through its officials.
        ContentCase{"The city demanded that the campaign stop using images of its police "
                    "officers.",
                    "images", "unnamed:The city", "indirect", "demanded",
                    "the campaign stop using images of its police officers"},
        // A plain noun phrase opening the clause before a verb of saying, its head no source
        // noun: a plural, a determiner and a singular, a share of those asked.
        ContentCase{"In the free-trade zone, Chinese traders also say business is poor.", "poor",
                    "unnamed:Chinese traders", "indirect", "say", "business is poor"},
        ContentCase{"The budget office said the deficit would widen next year.", "widen",
                    "unnamed:The budget office", "indirect", "said",
                    "the deficit would widen next year"},
        ContentCase{"Nearly nine out of 10 say they will need new skills.", "skills",
                    "unnamed:Nearly nine out of 10", "indirect", "say",
                    "they will need new skills"},
        // A description before the name between commas is the source's: nothing before the
        // name was said. After the listener, a possessive and its noun open what was told.
        ContentCase{"The director of the Acme Institute, Jane Roe, told the AP her group never "
                    "worked with the lobbyists.",
                    "lobbyists", "jane-roe", "indirect", "told",
                    "her group never worked with the lobbyists"},
        // A second verb shares the subject after a wire dateline and a title before the name.
        ContentCase{"WASHINGTON (AP) \u2014 Sen. Jane Roe visited a plant on Monday and said the "
                    "plan would fail.",
                    "plan would fail", "jane-roe", "indirect", "said", "the plan would fail"},
        ContentCase{"ORLANDO, Fla. (Reuters) - Jane Roe met survivors of the attack on Thursday "
                    "and said the nation must act.",
                    "must act", "jane-roe", "indirect", "said", "the nation must act"},
        // A participle after the determiner of an inverted unnamed source qualifies its noun.
        ContentCase{"\u201cThere is no data to suggest that,\u201d said one unaligned Florida "
                    "Republican strategist.",
                    "no data", "unnamed:one unaligned Florida Republican strategist",
                    "direct_quote", "said", "There is no data to suggest that"},
        // A person and the place after "of" or "from", a city and its state between commas.
        ContentCase{"Rep. Tom Cole of Oklahoma said his biggest worry is the cost.", "worry",
                    "tom-cole", "indirect", "said", "his biggest worry is the cost"},
        ContentCase{"Stacy Baker of Columbia, South Carolina says the race is close.", "close",
                    "stacy-baker", "indirect", "says", "the race is close"},
        ContentCase{"Rep. Tom Cole of Oklahoma, an ally of the leadership, said the bill is dead.",
                    "dead", "tom-cole", "indirect", "said", "the bill is dead"},
        ContentCase{"Christopher Harvey, a delegate from Houston, Texas, said the turmoil was "
                    "part of the circus.",
                    "turmoil", "christopher-harvey", "indirect", "said",
                    "the turmoil was part of the circus"},
        // A join right after "that" opens a clause inside what was said.
        ContentCase{"And a third, Jane Roe, said that while she was opposed to the rules, she "
                    "backed the bill.",
                    "backed", "jane-roe", "indirect", "said",
                    "while she was opposed to the rules, she backed the bill"},
        // An owner's name is the plain subject's determiner; the owner does not speak.
        ContentCase{"Jane Roe spoke on Monday. Roe's office said she is not planning an "
                    "endorsement.",
                    "endorsement", "unnamed:Roe's office", "indirect", "said",
                    "she is not planning an endorsement"},
        // An adjective after "and" in a reported clause is not the speaker's next verb.
        ContentCase{"Jane Roe said the heat and unsettled weather could last through the week.",
                    "weather", "jane-roe", "indirect", "said",
                    "the heat and unsettled weather could last through the week"},
        // A verb that frames the whole sentence from its end wins over one inside the content.
        ContentCase{"Officials felt that the rule was fair, said Jane Roe, a lawyer at Acme.",
                    "fair", "jane-roe", "indirect", "said",
                    "Officials felt that the rule was fair"},
        // "As X has argued, ...": the verb phrase is the cue, the rest of the sentence the content.
        ContentCase{"As Dario Amodei has long argued, chips are the real bottleneck for China.",
                    "bottleneck", "dario-amodei", "indirect", "has long argued",
                    "chips are the real bottleneck for China"},
        // Acts that put a position on record: signing or issuing a document, ordering.
        ContentCase{"On Monday Dario Amodei signed a public letter urging Congress to keep the "
                    "chip ban in place.",
                    "public letter", "dario-amodei", "indirect", "signed a public letter",
                    "urging Congress to keep the chip ban in place"},
        ContentCase{"Helen Toner ordered her staff to study the chip ban in detail.", "study",
                    "helen-toner", "indirect", "ordered",
                    "her staff to study the chip ban in detail"},
        // Two apostrophes as quotation marks (NYT style).
        ContentCase{"''The controls are working as intended,'' Toner said.", "intended",
                    "helen-toner", "direct_quote", "said", "The controls are working as intended"},
        // A country speaks through its government.
        ContentCase{"Even China said it was resolutely opposed to the new chip rules.", "opposed",
                    "china", "indirect", "said", "it was resolutely opposed to the new chip rules"},
        // An indirect claim with no content at all is no claim; the attribution alone here is
        // not a claim about anything, so the only claim is the quote before it.
        ContentCase{"\u201cWe will comply with every rule,\u201d Nvidia said.", "comply", "nvidia",
                    "direct_quote", "said", "We will comply with every rule"},
        // A question or exclamation in quotation marks does not end the sentence before its
        // attribution.
        ContentCase{"\u201cWhy would anyone sell these chips to China?\u201d Amodei asked. "
                    "\u201cIt makes no sense.\u201d",
                    "anyone sell", "dario-amodei", "direct_quote", "asked",
                    "Why would anyone sell these chips to China? \u2026 It makes no sense."},
        // Title abbreviations ICU does not know are no sentence end.
        ContentCase{"\u201cThe controls are working,\u201d Sen. Claire McCaskill said.", "working",
                    "claire-mccaskill", "direct_quote", "said", "The controls are working"},
        // A party and state in parentheses after an inverted speaker's name.
        ContentCase{"\u201cThe controls are working,\u201d said Rep. Joseph Crowley (D-N.Y.), a "
                    "leading advocate of the rules.",
                    "working", "joseph-crowley", "direct_quote", "said",
                    "The controls are working"},
        // An adjunct after the verb is not what was said; an honorific belongs to the source.
        ContentCase{"Barack Obama spoke on Monday. The controls are working, Mr. Obama said in "
                    "his interview with the Times.",
                    "controls", "barack-obama", "indirect", "said", "The controls are working"},
        // A "that" after a finite verb introduces a relative clause, not the reported one.
        ContentCase{"Jensen Huang said officials are in possession of a memo that shows the "
                    "change.",
                    "memo", "jensen-huang", "indirect", "said",
                    "officials are in possession of a memo that shows the change"},
        // A title elsewhere vouches for a one-word name next to a speech verb; a hyphenated
        // surname after an honorific stays one name.
        ContentCase{"President Obama met the press. \u201cWe have had problems with Russia,\u201d "
                    "Obama said after the meeting.",
                    "Russia", "obama", "direct_quote", "said", "We have had problems with Russia"},
        ContentCase{"''Nobody has heard a peep about the rules,'' said Mr. Holtz-Eakin.", "peep",
                    "holtz-eakin", "direct_quote", "said",
                    "Nobody has heard a peep about the rules"},
        // A long description between commas, with apostrophes in it, keeps the name vouched.
        ContentCase{"Helen Toner spoke. Rucker Culpepper, who runs Toner's get-out-the-vote effort "
                    "for military veterans' families, said, \"The rules have been ignored for "
                    "years.\"",
                    "ignored", "rucker-culpepper", "direct_quote", "said",
                    "The rules have been ignored for years."},
        // Initials open a name and end no sentence.
        ContentCase{"\u201cThis is a disgusting day,\u201d said Rep. G.K. Butterfield (D-N.C.), "
                    "head of the caucus.",
                    "disgusting", "g-k-butterfield", "direct_quote", "said",
                    "This is a disgusting day"},
        // The verb opening the sentence, the name after it, then a colon and the words.
        ContentCase{"Ryan Ellis, a tax analyst, disagrees. Said Ellis: \u201cI do not get the "
                    "sense she is interested in the rules.\u201d",
                    "sense", "ryan-ellis", "direct_quote", "said",
                    "I do not get the sense she is interested in the rules."},
        // "She" as the subject right after the only person named tells that person's gender,
        // so a later "she said" reaches back past sentences that name nobody.
        ContentCase{"Lynch said the case was closed. Now the top prosecutor, Loretta Lynch rose "
                    "to prominence despite obstacles. She occupies one of the key positions. Her "
                    "appointment sends a signal. \"The rules must be enforced,\" she said.",
                    "enforced", "loretta-lynch", "direct_quote", "said",
                    "The rules must be enforced"},
        // "“A,” X said, adding that B": B is a claim of the same speaker, after the quote too.
        ContentCase{"\u201cThe rules are fine,\u201d Jensen Huang said on Monday, adding that "
                    "demand stayed strong.",
                    "demand stayed", "jensen-huang", "indirect", "adding", "demand stayed strong"},
        ContentCase{"Jensen Huang said: \u201cThe rules are fine,\u201d adding that demand "
                    "stayed strong.",
                    "demand stayed", "jensen-huang", "indirect", "adding", "demand stayed strong"},
        // "told Y to do Z" is an instruction; its object and the errand are the content.
        ContentCase{"Barack Obama told his advisers to find a way around the chip rules.",
                    "advisers", "barack-obama", "indirect", "told",
                    "his advisers to find a way around the chip rules"},
        // "told Y he ...": a clause whose subject is a pronoun, without "that".
        ContentCase{"Barack Obama told the forum this weekend he would never lift the chip "
                    "controls.",
                    "never lift", "barack-obama", "indirect", "told",
                    "he would never lift the chip controls"},
        // "A, X told Y on Thursday.": what was told stands before the attribution.
        ContentCase{"The chip controls have bought time for allies, Sen. Lindsey Graham (R-S.C.) "
                    "told The Huffington Post on Thursday.",
                    "bought time", "lindsey-graham", "indirect", "told",
                    "The chip controls have bought time for allies"},
        // "told me, “...”" is a direct quote; so is "..., saying, “...”".
        ContentCase{"John Dickey, the chief executive of Ora Media, told me, \"We follow the "
                    "rules.\"",
                    "follow", "john-dickey", "direct_quote", "told", "We follow the rules."},
        ContentCase{"Jensen Huang attacked the rules on Monday, saying, \"They only help our "
                    "rivals.\"",
                    "rivals", "jensen-huang", "direct_quote", "saying",
                    "They only help our rivals."},
        // "according to" cites by name what no earlier rule knew: a publication, an agency
        // behind modifiers, a place's name inside a longer one, and a person's surname.
        ContentCase{"According to Politico, the chip rules are working.", "working", "politico",
                    "indirect", "according to", "the chip rules are working"},
        ContentCase{"The chip rules are working, according to China Daily.", "working",
                    "china-daily", "indirect", "according to", "The chip rules are working"},
        ContentCase{"The rules cost $1 billion a year, according to the nonpartisan "
                    "Congressional Budget Office.",
                    "billion", "congressional-budget-office", "indirect", "according to",
                    "The rules cost $1 billion a year"},
        ContentCase{"Retired Gen. Norman Ham spoke out on Monday. According to Ham, the chip "
                    "rules are failing.",
                    "failing", "norman-ham", "indirect", "according to",
                    "the chip rules are failing"},
        // A participle's content is what follows it, not the clause before it; after a
        // preposition ("by saying") its speaker is the subject when that is a person.
        ContentCase{"During a speech on Monday, Jensen Huang attacked the rules, saying, \"They "
                    "help our rivals.\"",
                    "rivals", "jensen-huang", "direct_quote", "saying", "They help our rivals."},
        ContentCase{"Helen Toner appeared on MSNBC and began by saying the controls were working.",
                    "were working", "helen-toner", "indirect", "saying",
                    "the controls were working"},
        // A description, then the name between commas before the verb.
        ContentCase{"A lawyer for the chip makers, David Schulz, said no decision had been made "
                    "about an appeal.",
                    "appeal", "david-schulz", "indirect", "said",
                    "no decision had been made about an appeal"},
        // A described source with a prepositional phrase up to the verb.
        ContentCase{"Experts on export controls and nonproliferation said the new rules could "
                    "change that.",
                    "change that", "unnamed:Experts on export controls and nonproliferation",
                    "indirect", "said", "the new rules could change that"},
        // A relative clause after an inverted speaker belongs to the source phrase.
        ContentCase{"\u201cThat is the weak point,\u201d said Luis Rubio, who heads a research "
                    "center in Mexico City.",
                    "weak point", "luis-rubio", "direct_quote", "said", "That is the weak point"},
        // Described sources with a participle phrase or a relative clause before the verb.
        ContentCase{"A Quinnipiac University poll released in late August found that most voters "
                    "back the chip rules.",
                    "most voters", "unnamed:A Quinnipiac University poll released in late August",
                    "indirect", "found", "most voters back the chip rules"},
        ContentCase{"A 2014 study that appeared in a medical journal found that the rules had "
                    "failed.",
                    "had failed", "unnamed:A 2014 study that appeared in a medical journal",
                    "indirect", "found", "the rules had failed"},
        // Publications as subjects of reporting verbs, "The New York Times" included.
        ContentCase{"The New York Times reported Saturday that the chip rules had been delayed.",
                    "delayed", "new-york-times", "indirect", "reported",
                    "the chip rules had been delayed"},
        // Base verb forms after plural subjects; "they" then speaks for the same source.
        ContentCase{"Environmentalists worry that the cost could fall to taxpayers. The chip "
                    "rules will not help, they say.",
                    "will not help", "unnamed:Environmentalists", "indirect", "say",
                    "The chip rules will not help"},
        ContentCase{"Critics contend the chip rules have failed.", "failed", "unnamed:Critics",
                    "indirect", "contend", "the chip rules have failed"},
        // A place in an opening phrase is no member of a list of speakers: the claim is the
        // person's, not China's.
        ContentCase{"In China, Jane Roe, the chief executive of the league, told reporters that "
                    "the chip rules work.",
                    "rules work", "jane-roe", "indirect", "told reporters", "the chip rules work"},
        // A document that is the object of the sentence's verb does not speak; its issuer does.
        ContentCase{"The Security Council issued a statement calling the chip rules a gift to "
                    "rivals.",
                    "gift", "unnamed:The Security Council", "indirect", "calling",
                    "the chip rules a gift to rivals"},
        // A quotation right after a person's reported words in the same paragraph is theirs.
        ContentCase{"The chip rules may be too weak, Toner said. \u201cThe other factor is "
                    "enforcement.\u201d",
                    "enforcement", "helen-toner", "direct_quote", "said",
                    "The other factor is enforcement."},
        // ... also when the reported words named the person by a pronoun.
        ContentCase{"Helen Toner spoke on Monday.\n\nToner said she felt the chip rules were "
                    "worth keeping because \u201cmost people miss the loophole,\u201d she said. "
                    "\u201cThe other factor is enforcement.\u201d",
                    "enforcement", "helen-toner", "direct_quote", "said",
                    "The other factor is enforcement."},
        // A name in a coordination inside a quotation is no glued caption.
        ContentCase{"\u201cThe rules stay,\u201d Toner said. \u201cWhether it is Clinton or "
                    "Trump, nothing changes.\u201d",
                    "nothing changes", "helen-toner", "direct_quote", "said",
                    "The rules stay \u2026 Whether it is Clinton or Trump, nothing changes."},
        // ... nor a possessive one ("the Donald's horrible week").
        ContentCase{"\u201cThe rules stay,\u201d Toner said. \u201cJust when you thought the "
                    "Donald\u2019s horrible week could not get worse, it did.\u201d",
                    "horrible week", "helen-toner", "direct_quote", "said",
                    "The rules stay \u2026 Just when you thought the Donald\u2019s horrible week "
                    "could not get worse, it did."},
        // "X added:" alone in its paragraph announces a block quotation without marks.
        ContentCase{"Helen Toner spoke on Monday.\n\nToner added:\n\nThe chip rules bought time. "
                    "Allies must now follow.\n\nThe writer goes on.",
                    "bought time", "helen-toner", "direct_quote", "added",
                    "The chip rules bought time. Allies must now follow."},
        // A description, then a name with a middle initial, then the verb "called".
        ContentCase{"His former business partner at Lenox, Lawrence B. Cummings, called the "
                    "rules a master stroke.",
                    "master stroke", "lawrence-b-cummings", "indirect", "called",
                    "the rules a master stroke"},
        // The first cue's speaker resolves to nobody: the next attribution leads.
        ContentCase{"Back when he wrote his book, Mr. McKinley said that the chip rules were a "
                    "last resort.",
                    "last resort", "mckinley", "indirect", "said",
                    "the chip rules were a last resort"},
        // "who" past a description and an adjunct; the relative clause ends at the main verb.
        ContentCase{"Jensen Huang, now the chief of the largest chip maker, who in 2010 said the "
                    "chip rules would fail, left early.",
                    "would fail", "jensen-huang", "indirect", "said", "the chip rules would fail"},
        // An opening adjunct before the subject of a participle's sentence.
        ContentCase{"On Thursday, however, Jensen Huang spoke to chip makers, promising to fight "
                    "the rules.",
                    "fight", "jensen-huang", "indirect", "promising", "to fight the rules"},
        // A time adjunct between the subject and the verb.
        ContentCase{"Nvidia just this month announced it would stop selling the H20 chip.",
                    "stop selling", "nvidia", "indirect", "announced",
                    "it would stop selling the H20 chip"},
        // A lower-case part after a hyphen stays in the name; "that" before a noun is no
        // complementiser.
        ContentCase{"Ban Ki-moon, the secretary general of the United Nations, vowed not to "
                    "repeat that mistake.",
                    "repeat", "ban-ki-moon", "indirect", "vowed", "not to repeat that mistake"},
        // A described source with an -ing participle phrase.
        ContentCase{"A union representing chip workers endorsed the export rules on Thursday.",
                    "export rules", "unnamed:A union representing chip workers", "indirect",
                    "endorsed", "the export rules"},
        // The source phrase after "according to" runs to the clause's end; the content is
        // what came before it.
        ContentCase{"Chip exports fell by half, according to a Commerce database tracking such "
                    "sales.",
                    "fell by half", "unnamed:a Commerce database tracking such sales", "indirect",
                    "according to", "Chip exports fell by half"},
        // Where it was said ("in a statement on Thursday") is not what was said; when it
        // happens ("take effect on Monday") is.
        ContentCase{"Helen Toner called for tighter chip rules in a statement on Thursday.",
                    "tighter", "helen-toner", "indirect", "called for", "tighter chip rules"},
        ContentCase{"Helen Toner said the chip rules would take effect on Monday.", "take effect",
                    "helen-toner", "indirect", "said",
                    "the chip rules would take effect on Monday"},
        // "“A,” X said, adding later, “B.”": two claims, each with its own quotation.
        ContentCase{"\u201cWe cannot sell these chips,\u201d Jensen Huang said, adding later, "
                    "\u201cThe rules cost us a fortune.\u201d",
                    "cannot sell", "jensen-huang", "direct_quote", "said",
                    "We cannot sell these chips"},
        ContentCase{"\u201cWe cannot sell these chips,\u201d Jensen Huang said, adding later, "
                    "\u201cThe rules cost us a fortune.\u201d",
                    "fortune", "jensen-huang", "direct_quote", "adding",
                    "The rules cost us a fortune."},
        // A relative clause's words follow it, however short.
        ContentCase{"Nvidia praised the move by Jensen Huang, who says he is honored.", "honored",
                    "jensen-huang", "indirect", "says", "he is honored"},
        // A quotation after a paraphrase of the same person in one paragraph is theirs too.
        ContentCase{"The rules are \"not meeting the demand,\" says Helen Toner, a CSET "
                    "director. \"We often compare it to an arms race.\"",
                    "arms race", "helen-toner", "direct_quote", "says",
                    "We often compare it to an arms race."},
        // Compound source nouns, slashes and possessives in a described source.
        ContentCase{"The latest Reuters/Ipsos opinion poll released Friday shows that most voters "
                    "back the chip rules.",
                    "most voters", "unnamed:The latest Reuters/Ipsos opinion poll released Friday",
                    "indirect", "shows", "most voters back the chip rules"},
        // Four descriptions between the name and the verb, a state's abbreviation among them.
        ContentCase{"Donna Sampson Rawlings, 59, of Ashton, Md., who watched the hearing on a "
                    "screen, said the chip rules brought back memories.",
                    "memories", "donna-sampson-rawlings", "indirect", "said",
                    "the chip rules brought back memories"},
        // A news agency after a reporting verb that closes a quotation.
        ContentCase{"This is \u201croughly the same advantage the rules gave all month,\u201d "
                    "reported Reuters.",
                    "advantage", "reuters", "direct_quote", "reported",
                    "roughly the same advantage the rules gave all month"},
        // "St." before a name ends no sentence.
        ContentCase{"The company, which is based in St. Louis, sold fewer chips, according to the "
                    "union.",
                    "fewer chips", "unnamed:the union", "indirect", "according to",
                    "The company, which is based in St. Louis, sold fewer chips"},
        // The comma closing "According to X," joins nothing: the attribution after it is
        // nested in the content.
        ContentCase{"According to police, officers saw the chips loaded onto a truck.", "loaded",
                    "unnamed:police", "indirect", "according to",
                    "officers saw the chips loaded onto a truck"},
        // A slash inside a described source.
        ContentCase{"Most voters back the chip rules, according to a New York Times/CBS News poll "
                    "released last week.",
                    "Most voters", "unnamed:a New York Times/CBS News poll released last week",
                    "indirect", "according to", "Most voters back the chip rules"},
        // A title-case headline: any cue may be capitalised, not only the invertible ones.
        ContentCase{"Helen Toner Calls The Chip Rules A Success Worth Keeping\n\nThe story "
                    "follows.",
                    "Worth Keeping", "helen-toner", "indirect", "calls",
                    "The Chip Rules A Success Worth Keeping"},
        // A headline's "Poll: ..." reports what a described source found.
        ContentCase{"Poll: Most Voters Back The Chip Rules\n\nThe story follows.", "Most Voters",
                    "unnamed:Poll", "paraphrase", ":", "Most Voters Back The Chip Rules"},
        // A description that opens with a possessive name.
        ContentCase{"Even China, Pyongyang's only ally and its economic lifeline, said it was "
                    "opposed to the chip rules.",
                    "opposed", "china", "indirect", "said", "it was opposed to the chip rules"},
        // "Those close to him" is a described source, never the person it is close to.
        ContentCase{"Jensen Huang left early. Those close to him say the chip rules will stay.",
                    "will stay", "unnamed:Those close to him", "indirect", "say",
                    "the chip rules will stay"},
        // "many of whom" speaks for part of the group before it.
        ContentCase{"The rules angered chip executives, many of whom say the controls have failed.",
                    "have failed", "unnamed:chip executives", "indirect", "say",
                    "the controls have failed"},
        // A described subject after an opening subordinate clause.
        ContentCase{"Although the rules are new, elected officials from both parties say they "
                    "have worked.",
                    "have worked", "unnamed:elected officials from both parties", "indirect", "say",
                    "they have worked"},
        // The writer's comment after a comma may open with an adverb before its participle.
        ContentCase{"Barack Obama told voters he would keep the chip rules, implicitly putting his "
                    "name on the line.",
                    "keep the chip", "barack-obama", "indirect", "told",
                    "he would keep the chip rules"},
        // An aside between dashes: the name before it speaks, not a source noun inside it.
        ContentCase{"Jensen Huang -- co-author of a report on the chip trade -- said the rules "
                    "would backfire.",
                    "backfire", "jensen-huang", "indirect", "said", "the rules would backfire"},
        ContentCase{"Jensen Huang \u2014 co-author of a report on the chip trade \u2014 said the "
                    "rules would backfire.",
                    "backfire", "jensen-huang", "indirect", "said", "the rules would backfire"},
        // A position on a short noun phrase: the object is the content.
        ContentCase{"Helen Toner endorsed the ban.", "endorsed", "helen-toner", "indirect",
                    "endorsed", "the ban"},
        ContentCase{"Jensen Huang complained about exports.", "complained", "jensen-huang",
                    "indirect", "complained about", "exports"},
        // A second past-tense verb after a reported "would" clause is the subject's own.
        ContentCase{"Jensen Huang said this week that sales would fall and suggested that prices "
                    "would rise.",
                    "prices", "jensen-huang", "indirect", "suggested", "prices would rise"},
        ContentCase{"Jensen Huang said this week that sales would fall and suggested that prices "
                    "would rise.",
                    "sales", "jensen-huang", "indirect", "said", "sales would fall"},
        // A participle phrase, "and" and all, between the name and its verb.
        ContentCase{"Helen Toner, opening the Center for Security and Emerging Technology on "
                    "Saturday, said the rules would hold.",
                    "hold", "helen-toner", "indirect", "said", "the rules would hold"},
        ContentCase{"The bank said that it had fired the traders.", "traders", "unnamed:The bank",
                    "indirect", "said", "it had fired the traders"},
        // The place after the name, article and all, is the name's.
        ContentCase{"\u201cThe rules are a waste of time,\u201d said Helen Toner of the Virgin "
                    "Islands.",
                    "waste", "helen-toner", "direct_quote", "said",
                    "The rules are a waste of time"},
        // A relative or "aside from" clause after a comma is the writer's, not the content.
        ContentCase{"Polls show a close contest in the state, where 18 electoral votes are up "
                    "for grabs.",
                    "close contest", "unnamed:Polls", "indirect", "show",
                    "a close contest in the state"},
        ContentCase{"Helen Toner cited criticism of Jensen Huang, who took heat for the sales "
                    "last month.",
                    "criticism", "helen-toner", "indirect", "cited", "criticism of Jensen Huang"},
        // A position named by a noun its holder owns.
        ContentCase{"Analysts checked Jensen Huang's claim that sales had doubled this year.",
                    "doubled", "jensen-huang", "indirect", "claim", "sales had doubled this year"},
        ContentCase{"Reporters asked about Helen Toner's refusal to endorse the ban.", "endorse",
                    "helen-toner", "indirect", "refusal", "to endorse the ban"},
        ContentCase{"Reporters asked about Helen Toner's criticism of the rule.", "criticism",
                    "helen-toner", "indirect", "criticism of", "the rule"},
        // After a preposition the object is the content; a "that" in it is a relative.
        ContentCase{"Helen Toner called for chip firms to file reports that show every sale.",
                    "file reports", "helen-toner", "indirect", "called for",
                    "chip firms to file reports that show every sale"},
        // Less common verbs of a position.
        ContentCase{"Jensen Huang likened the rules to a tariff on American firms.", "likened",
                    "jensen-huang", "indirect", "likened",
                    "the rules to a tariff on American firms"},
        // A described group and its restrictive relative clause: the group speaks.
        ContentCase{"There are some economists who argue that the controls should be much "
                    "narrower.",
                    "narrower", "unnamed:some economists", "indirect", "argue that",
                    "the controls should be much narrower"},
        // When, then a clause of the writer's: the content is before the attribution.
        ContentCase{"The chip rules are an insult to allies, Helen Toner said Friday afternoon, "
                    "as critics bristled at the questions.",
                    "insult", "helen-toner", "indirect", "said",
                    "The chip rules are an insult to allies"},
        // An opening participle phrase with its agent comes before the subject.
        ContentCase{"Chastened by the analyses, as well as complaints over the costs, Jensen "
                    "Huang revised his plan, promising to focus on chips.",
                    "focus", "jensen-huang", "indirect", "promising", "to focus on chips"},
        // An "as" clause with a named subject of its own ends the content.
        ContentCase{"The poll indicates a tightening race as Jensen Huang consolidates support "
                    "among investors.",
                    "tightening", "unnamed:The poll", "indirect", "indicates", "a tightening race"},
        // An owner between the subject and "and" is no subject of the second verb.
        ContentCase{"Helen Toner called Nvidia\u2019s behavior \u201coutrageous\u201d and called "
                    "for compensation to be \u201cclawed back\u201d from executives.",
                    "compensation", "helen-toner", "paraphrase", "called for",
                    "compensation to be \u201cclawed back\u201d from executives"},
        // An acronym before a verb of position is an organisation.
        ContentCase{"In July, the NAACP called for a moratorium on charter schools.", "moratorium",
                    "naacp", "indirect", "called for", "a moratorium on charter schools"},
        // After "according to X, a description," more of the source phrase is no content.
        ContentCase{"The training cuts risk sharply, according to Helen Toner, a researcher at "
                    "Georgetown, and other scientists.",
                    "training", "helen-toner", "indirect", "according to",
                    "The training cuts risk sharply"},
        // At a sentence's start "according to" runs its source phrase to the first comma.
        ContentCase{"According to a 52-count civil complaint filed by the SEC, the developers "
                    "looted millions.",
                    "looted", "unnamed:a 52-count civil complaint filed by the SEC", "indirect",
                    "according to", "the developers looted millions"},
        // Newspapers the knowledge base lacks, and countries as a group.
        ContentCase{"The Charlotte Observer found that 1 in 4 residents lived in poor "
                    "neighborhoods.",
                    "residents", "charlotte-observer", "indirect", "found",
                    "1 in 4 residents lived in poor neighborhoods"},
        ContentCase{"Many European countries agreed to share a single currency.", "currency",
                    "unnamed:Many European countries", "indirect", "agreed",
                    "to share a single currency"},
        // A study "by" someone is a described source.
        ContentCase{"A 2014 study by Harvard and the University of California at Berkeley found "
                    "that poor children have the worst odds.",
                    "worst odds",
                    "unnamed:A 2014 study by Harvard and the University of California at Berkeley",
                    "indirect", "found", "poor children have the worst odds"},
        // "May" as a surname after a first name.
        ContentCase{"Theresa May said that the country would leave.", "leave", "theresa-may",
                    "indirect", "said", "the country would leave"},
        // A later speaker's content never takes in the earlier speaker's clause.
        ContentCase{"When Helen Toner noted that exports had fallen, Jensen Huang boasted, "
                    "\u201cThat makes us stronger.\u201d",
                    "stronger", "jensen-huang", "direct_quote", "boasted",
                    "That makes us stronger."},
        // When or at which event it was said ends an object content; not a reported clause,
        // and not one whose quoted words come after it.
        ContentCase{"Helen Toner endorsed the chip ban on Thursday, another sign of the times.",
                    "chip ban", "helen-toner", "indirect", "endorsed", "the chip ban"},
        ContentCase{"Dario Amodei criticized the export rules as a \u201cleaky sieve\u201d "
                    "during a campaign stop in Ohio for his party.",
                    "leaky", "dario-amodei", "paraphrase", "criticized",
                    "the export rules as a \u201cleaky sieve\u201d"},
        ContentCase{"Helen Toner said Huang will defend the rules at an event in Taipei.", "defend",
                    "helen-toner", "indirect", "said",
                    "Huang will defend the rules at an event in Taipei"},
        // After a verb that takes no listener, "that" following its object is a relative
        // pronoun; after an adjunct it opens the reported clause.
        // The described source's phrase ends where its own verb begins.
        ContentCase{"A spokeswoman for Nvidia also declined to comment, saying that the rules "
                    "were under review.",
                    "under review", "unnamed:A spokeswoman for Nvidia", "indirect", "saying",
                    "the rules were under review"},
        ContentCase{"The survey found that most firms backed the rules, while only 25 percent "
                    "opposed the ban.",
                    "the ban", "unnamed:only 25 percent", "indirect", "opposed", "the ban"},
        // A title between the comma and the name; an owner between a subject and its
        // participle is no other speaker.
        ContentCase{"Amodei's closest ally, Commerce Secretary Jensen Huang, plans to keep "
                    "the rules.",
                    "keep the rules", "jensen-huang", "indirect", "plans", "to keep the rules"},
        ContentCase{"Helen Toner, a former board member, poked at Huang's speech, tweeting, "
                    "\u201cThe rules work.\u201d",
                    "rules work", "helen-toner", "direct_quote", "tweeting", "The rules work."},
        // A second verb after "and" ends the object and shares its subject; a bare day after
        // the object ends it too, "as of Friday" in a clause does not.
        ContentCase{"Helen Toner attacked the export rules and blamed the chip makers for the "
                    "leaks.",
                    "export rules", "helen-toner", "indirect", "attacked", "the export rules"},
        ContentCase{"Helen Toner attacked the export rules and blamed the chip makers for the "
                    "leaks.",
                    "chip makers", "helen-toner", "indirect", "blamed",
                    "the chip makers for the leaks"},
        ContentCase{"Dario Amodei criticized the ban as a \u201cleaky sieve\u201d Wednesday on "
                    "a podcast.",
                    "leaky", "dario-amodei", "paraphrase", "criticized",
                    "the ban as a \u201cleaky sieve\u201d"},
        ContentCase{"Helen Toner said that as of Friday, the rules were in force.", "in force",
                    "helen-toner", "indirect", "said", "as of Friday, the rules were in force"},
        // "and said" after an object with clauses of its own still has the sentence's subject.
        ContentCase{"Helen Toner, the former board member, stressed her support of the rules "
                    "that closed the loophole during a forum sponsored by NBC News and said the "
                    "allies had caught up.",
                    "allies had caught up", "helen-toner", "indirect", "said",
                    "the allies had caught up"},
        ContentCase{"Dario Amodei accused Jane Roe, who was born and raised in Ohio, of leaking "
                    "the plan.",
                    "leaking", "dario-amodei", "indirect", "accused",
                    "Jane Roe, who was born and raised in Ohio, of leaking the plan"},
        ContentCase{"Two candidates for president said the chip rules work.", "rules work",
                    "unnamed:Two candidates for president", "indirect", "said",
                    "the chip rules work"},
        ContentCase{"Helen Toner wants rules that close the loopholes for good.", "loopholes",
                    "helen-toner", "indirect", "wants", "rules that close the loopholes for good"},
        ContentCase{"Helen Toner argued on Tuesday that the loopholes were closing.", "closing",
                    "helen-toner", "indirect", "argued", "the loopholes were closing"},
        // A second clause joined by "but", or by "and" after a comma, with a subject and verb
        // of its own, or a verb of the speaker's own, is the writer's, not what was said.
        ContentCase{"Helen Toner is promising tighter rules and more audits, but she has no "
                    "plan for enforcement.",
                    "tighter rules", "helen-toner", "indirect", "promising",
                    "tighter rules and more audits"},
        ContentCase{"Jensen Huang said demand stayed strong in China, but Nvidia did not give "
                    "figures.",
                    "demand stayed", "jensen-huang", "indirect", "said",
                    "demand stayed strong in China"},
        ContentCase{"Dario Amodei vowed to keep the chips at home, and Jensen Huang is moving "
                    "the plants abroad.",
                    "keep the chips", "dario-amodei", "indirect", "vowed",
                    "to keep the chips at home"},
        ContentCase{"Helen Toner said the loopholes were closing but has offered no evidence.",
                    "loopholes", "helen-toner", "indirect", "said", "the loopholes were closing"},
        // Inside what was said, a clause joined by "and" stays: only the writer's verb of
        // saying, or a comma and a new subject, ends it.
        ContentCase{"Helen Toner said the rules work and the allies follow them.", "rules work",
                    "helen-toner", "indirect", "said", "the rules work and the allies follow them"},
        ContentCase{"Helen Toner said the rules work, but that the allies must follow.",
                    "rules work", "helen-toner", "indirect", "said",
                    "the rules work, but that the allies must follow"},
        // The coordinated verb of saying is a claim of its own, by the same speaker.
        ContentCase{"Jensen Huang declined to name the buyers but said one was a Chinese cloud "
                    "company.",
                    "name the buyers", "jensen-huang", "indirect", "declined",
                    "to name the buyers"},
        ContentCase{"There, the Nvidia chief Jensen Huang declined to name the buyers but said "
                    "one was a Chinese cloud company.",
                    "cloud company", "jensen-huang", "indirect", "said",
                    "one was a Chinese cloud company"},
        ContentCase{"Helen Toner praised the rules and then added that allies should follow.",
                    "allies should", "helen-toner", "indirect", "added", "allies should follow"},
        // The writer's words introduce the quotation with a colon; the attribution follows
        // the closing mark.
        ContentCase{"The rules have one effect few have noticed: \u201cThe allies now follow "
                    "them,\u201d Helen Toner, a former board member, wrote in a note to readers.",
                    "allies now", "helen-toner", "direct_quote", "wrote in",
                    "The allies now follow them"},
        // "according to" right after a speaker's verb names where the writer found the words:
        // they stay the speaker's, and the note is no part of them.
        ContentCase{"\u201cThe rules are working,\u201d Helen Toner said, according to a "
                    "transcript of the hearing.",
                    "working", "helen-toner", "direct_quote", "said", "The rules are working"},
        ContentCase{"The rules work well enough for now, Helen Toner said, according to a "
                    "transcript.",
                    "well enough", "helen-toner", "indirect", "said",
                    "The rules work well enough for now"},
        // After a quotation, an adjunct of place or time may follow the inverted speaker.
        ContentCase{"\u201cThe rules work,\u201d said Helen Toner in her speech on Monday.",
                    "rules work", "helen-toner", "direct_quote", "said", "The rules work"},
        // "writing" takes the sentence's subject only before what was written.
        ContentCase{"Helen Toner took to Twitter, writing: \u201cThe rules work.\u201d",
                    "rules work", "helen-toner", "direct_quote", "writing", "The rules work."},
        // A verb of saying opening the sentence, then the name and a colon.
        ContentCase{"Helen Toner spoke.\n\nContinued Toner: \u201cThe rules work.\u201d",
                    "rules work", "helen-toner", "direct_quote", "continued", "The rules work."},
        // "both" between a joint subject and its verb.
        ContentCase{"Helen Toner and Dario Amodei have both argued that the rules work.",
                    "both argued", "helen-toner", "indirect", "argued", "the rules work"},
        // Two verbs sharing one object: the first's content is not "and criticized ...".
        ContentCase{"Helen Toner both praised and criticized the rules.", "praised", "helen-toner",
                    "indirect", "praised", "the rules"},
        // A "that" right before a finite verb is a relative pronoun or a demonstrative.
        ContentCase{"Dario Amodei wants Congress to pass new rules that would close the gaps.",
                    "gaps", "dario-amodei", "indirect", "wants",
                    "Congress to pass new rules that would close the gaps"},
        ContentCase{"Toner said that was a mistake.", "mistake", "helen-toner", "indirect", "said",
                    "that was a mistake"},
        // A role without a title word of its own before the name: "campaign manager".
        ContentCase{"\u201cThe rules hurt us,\u201d said Acme campaign manager Jon Kohan.", "Kohan",
                    "jon-kohan", "direct_quote", "said", "The rules hurt us"},
        // Two roles joined by "and", the second with a capitalised word.
        ContentCase{
            "\u201cThe rules hurt us,\u201d said lobbyist and GOP strategist Charlie Black.",
            "Black", "charlie-black", "direct_quote", "said", "The rules hurt us"},
        // Less common verbs of saying invert too.
        ContentCase{"\u201cThe rules work,\u201d agrees Michelle Stevens, 30, of Gainesville.",
                    "Stevens", "michelle-stevens", "direct_quote", "agrees", "The rules work"},
        // ", as well as ..." goes on with the list; ", as ..." would open the writer's clause.
        ContentCase{"Toner said the rules cover the H20, as well as the H800.", "H800",
                    "helen-toner", "indirect", "said",
                    "the rules cover the H20, as well as the H800"},
        // A hyphen with spaces on both sides is a dash: an aside, a relative clause.
        ContentCase{"Jensen Huang - a former engineer - said that the rules work.", "engineer",
                    "jensen-huang", "indirect", "said", "the rules work"},
        ContentCase{"Jensen Huang - who said the rules fail - spoke on Monday.", "fail",
                    "jensen-huang", "indirect", "said", "the rules fail"},
        // "however" between the subject and its verb.
        ContentCase{"Helen Toner however said the rules work.", "however", "helen-toner",
                    "indirect", "said", "the rules work"},
        // A paper after "wrote in" is where the words appeared.
        ContentCase{"The rules are failing, Helen Toner wrote in The Washington Post.", "failing",
                    "helen-toner", "indirect", "wrote in", "The rules are failing"},
        // A parenthetical attribution inside a relative clause says only that clause.
        ContentCase{"The plant is near the border, which, Toner said, is closed to chip traffic.",
                    "closed", "helen-toner", "indirect", "said",
                    "which \u2026 is closed to chip traffic"},
        // Sources news will not name: "familiar with", "close to", "briefed on".
        ContentCase{"People familiar with the talks said the rules would change.", "talks",
                    "unnamed:People familiar with the talks", "indirect", "said",
                    "the rules would change"},
        ContentCase{"The rules would change, said a person close to the company.", "change",
                    "unnamed:a person close to the company", "indirect", "said",
                    "The rules would change"},
        ContentCase{"The rules would change, said officials briefed on the plan.", "briefed",
                    "unnamed:officials briefed on the plan", "indirect", "said",
                    "The rules would change"},
        ContentCase{"A source briefed on the plan says the rules would change.", "plan",
                    "unnamed:A source briefed on the plan", "indirect", "says",
                    "the rules would change"},
        ContentCase{"A U.S. law enforcement official familiar with the case said the rules would "
                    "change.",
                    "case", "unnamed:A U.S. law enforcement official familiar with the case",
                    "indirect", "said", "the rules would change"},
        // After "according to", any noun phrase is where the words come from: a summary, a
        // profile, records (with an abbreviation's full stops), a document and its clause.
        ContentCase{"Nvidia did not ship the chips, according to the summary.", "summary",
                    "unnamed:the summary", "indirect", "according to",
                    "Nvidia did not ship the chips"},
        ContentCase{"The engineer had worked at Nvidia since 2004, according to his LinkedIn "
                    "profile.",
                    "profile", "unnamed:his LinkedIn profile", "indirect", "according to",
                    "The engineer had worked at Nvidia since 2004"},
        ContentCase{"Chip imports fell 30 percent last year, according to U.S. customs records.",
                    "imports", "unnamed:U.S. customs records", "indirect", "according to",
                    "Chip imports fell 30 percent last year"},
        ContentCase{"The rules would cost $1 billion a year, according to the document he "
                    "released.",
                    "billion", "unnamed:the document he released", "indirect", "according to",
                    "The rules would cost $1 billion a year"},
        // An opening adjunct is no content: the words are after the source phrase too.
        ContentCase{"Over the long term, according to the budget office, the rise in chip "
                    "prices is mainly attributable to the rules.",
                    "long term", "unnamed:the budget office", "indirect", "according to",
                    "Over the long term \u2026 the rise in chip prices is mainly attributable to "
                    "the rules"},
        // A joint subject after the source phrase is the content's, not a second source's.
        ContentCase{"According to the summary, Huang and another Nvidia executive asked the "
                    "engineers to delete the files.",
                    "delete", "unnamed:the summary", "indirect", "according to",
                    "Huang and another Nvidia executive asked the engineers to delete the files"},
        // A semicolon right after the source phrase ends what it reports.
        ContentCase{"To win, Nvidia needs the Chinese market, analysts say; in 2024, AMD "
                    "stumbled there.",
                    "analysts", "unnamed:analysts", "indirect", "say",
                    "To win, Nvidia needs the Chinese market"},
        // ", and the ... has": a described subject and an auxiliary open the writer's clause.
        ContentCase{"Nvidia announced that it is lowering its forecast, and the downgrade is "
                    "casting a shadow on chip stocks.",
                    "forecast", "nvidia", "indirect", "announced", "it is lowering its forecast"},
        // A participle that borrows the first speaker closes no sentence of its own.
        ContentCase{"On Thursday, Toner said that the rules would stay, conceding the point to "
                    "Huang.",
                    "stay", "helen-toner", "indirect", "said", "the rules would stay"},
        // Voices of the web are described sources.
        ContentCase{"\u201cThe chip rules are a farce,\u201d one commenter wrote.", "farce",
                    "unnamed:one commenter", "direct_quote", "wrote", "The chip rules are a farce"},
        // ", but NAME ... were": a subject of the writer's own; ", but this would not" is the
        // speaker's turn.
        ContentCase{"Helen Toner said the rules work, but Republican leaders were hard-pressed "
                    "to agree.",
                    "hard-pressed", "helen-toner", "indirect", "said", "the rules work"},
        ContentCase{"Helen Toner said critics had predicted a retreat, but this would not happen.",
                    "retreat", "helen-toner", "indirect", "said",
                    "critics had predicted a retreat, but this would not happen"},
        // "who" is said of people: an object and its relative clause name a source.
        ContentCase{"The plant stopped paying an engineer who said he was owed for the chips.",
                    "owed", "unnamed:an engineer", "indirect", "said", "he was owed for the chips"},
        // A quotation opening the reported clause, with more of the clause after its closing
        // mark, is a phrase inside a paraphrase; closed by its own punctuation, or followed by
        // an adjunct, it is the quotation itself; a verb of naming names the quoted term.
        ContentCase{"Toner said \u201cthe rules\u201d would work well for the allies.", "allies",
                    "helen-toner", "paraphrase", "said",
                    "\u201cthe rules\u201d would work well for the allies"},
        ContentCase{"Toner said \u201cthe rules work,\u201d and left.", "left", "helen-toner",
                    "direct_quote", "said", "the rules work"},
        ContentCase{"Toner said \u201cthe rules work\u201d in a speech.", "speech", "helen-toner",
                    "direct_quote", "said", "the rules work"},
        ContentCase{"What Toner called \u201ca disaster\u201d led to new rules.", "disaster",
                    "helen-toner", "direct_quote", "called", "a disaster"},
        // ", but Mrs. Sacks would": the name after an honorific opens the writer's clause.
        ContentCase{"Helen Toner called for tighter export rules on chips, but Mrs. Sacks would "
                    "leave them as they are.",
                    "tighter", "helen-toner", "indirect", "called for",
                    "tighter export rules on chips"},
        // ", but instant polls are": a subject of the writer's own and its auxiliary.
        ContentCase{"Helen Toner said the export rules were working, but instant polls are not "
                    "a measure of how voters will judge them.",
                    "working", "helen-toner", "indirect", "said", "the export rules were working"},
        // ", but couldn't say": the speaker's own second verb, no new subject.
        ContentCase{"David Sacks said the export rules had failed, but couldn't say which of "
                    "them was the worst.",
                    "failed", "david-sacks", "indirect", "said",
                    "the export rules had failed, but couldn't say which of them was the worst"},
        // "X said [adjunct], according to Y": the words stay X's.
        ContentCase{"\u201cThe rules are working,\u201d Helen Toner said of the export controls, "
                    "according to a pool report.",
                    "working", "helen-toner", "direct_quote", "said", "The rules are working"}));

TEST(Attribution, AccordingToAStandardFollowedIsNoSource) {
  // "according to plan", "according to the rules": what was followed, not who spoke.
  for (const char* text : {"The launch of the H20 went ahead according to plan.",
                           "Nvidia shipped the chips according to the rules."}) {
    Document doc = Annotated(text);
    for (const Claim& c : doc.claims) {
      EXPECT_NE(c.cue, "according to") << text;
    }
  }
}

TEST(Attribution, AnOpeningAdjunctIsNeverTheSubjectOfAParticiple) {
  // "In a statement," opens the sentence; the statement is not who adds.
  Document doc = Annotated(
      "In a statement, Peabody said: \"The chip rules were a success,\" adding that sales "
      "quadrupled.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_EQ(c.speaker->name.find("statement"), std::string::npos) << c.text;
    }
  }
}

TEST(Attribution, AFirstNameSaysWhoSheCanBe) {
  // "she" is never Brian Roe: his first name says he is a man; with no woman named, the claim
  // stays unattributed rather than put in his mouth.
  Document doc = Annotated(
      "Brian Roe, the campaign's press secretary, said it was late. Later she said that the tax "
      "plan was a disaster for families.");
  for (const Claim& c : doc.claims) {
    if (c.speaker && c.text.find("disaster") != std::string::npos) {
      EXPECT_NE(c.speaker->id, "brian-roe") << c.text;
    }
  }
  // A first name that says nothing leaves the person a possible antecedent.
  Document unknown = Annotated(
      "Jordan Roe, the campaign's press secretary, said it was late. Later she said that the "
      "tax plan was a disaster for families.");
  const Claim* c = ClaimWith(unknown, "disaster");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "jordan-roe", c->text);
  doc = Annotated(
      "Brian Roe, the campaign's press secretary, spoke first. Susan Doe said it was late. "
      "Later she said that the tax plan was a disaster for families.");
  c = ClaimWith(doc, "disaster");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "susan-doe", c->text);
}

TEST(Attribution, ASurnameTheTextCallsSheIsNotTheManOfThatName) {
  // The only full name is a man's; the text follows the bare surname with "she": the claims
  // are Roe's, a woman of her own, never Bill Roe's.
  Document doc = Annotated(
      "Former president Bill Roe will travel to Ohio on Friday, his office said. "
      "Roe told the debate audience that she believes the chip rules are working. "
      "Roe said the export controls had bought time.");
  for (const char* fragment : {"she believes", "bought time"}) {
    const Claim* c = ClaimWith(doc, fragment);
    ASSERT_NE(c, nullptr) << fragment;
    ASSERT_TRUE(c->speaker) << fragment;
    EXPECT_EQ(c->speaker->name, "Roe") << fragment;
  }
  // With "he" the bare surname is the man named.
  doc = Annotated(
      "Former president Bill Roe will travel to Ohio on Friday, his office said. "
      "Roe told the debate audience that he believes the chip rules are working.");
  const Claim* c = ClaimWith(doc, "he believes");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "bill-roe", c->text);
}

TEST(Attribution, TitleCaseHeadlineSpeakers) {
  // Every word of a headline is capitalised: a surname before its verb, or a described
  // source, still speaks.
  Document doc = Annotated(
      "Toner Seeks Tighter Rules For Chips As Smuggling Grows.\n\n"
      "Helen Toner said on Monday that the rules leak.");
  const Claim* c = ClaimWith(doc, "Tighter Rules");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "helen-toner", c->text);
  doc = Annotated("New Poll Shows Minor Bump For The Export Rules.\n\nThe poll was taken Monday.");
  c = ClaimWith(doc, "Minor Bump");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "unnamed:New Poll", c->text);
  // In running text a capitalised word after a name still makes a longer name.
  doc = Annotated("Helen Toner spoke. \u201cNo,\u201d said Luis Toner, a farmer.");
  c = ClaimWith(doc, "farmer");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_NE(c->speaker->id, "helen-toner");
}

TEST(Attribution, HeadlineNamingAPersonThenAColonAndAQuotation) {
  Document doc = Annotated(
      "A lesson from Helen Toner: \u201cBe the voice that people hear.\u201d\n\nToner spoke.");
  const Claim* c = ClaimWith(doc, "voice");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "helen-toner", c->text);
  EXPECT_EQ(c->cue, ":");
  doc = Annotated(
      "Toner on Chip Smuggling: The Leaks Are \u201cTerrifying.\u201d\n\nHelen Toner said so.");
  c = ClaimWith(doc, "Leaks");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "helen-toner", c->text);
  // Without a quotation the line is a heading about the person.
  doc = Annotated("A profile of Helen Toner: Her Years In Washington\n\nToner spoke.");
  c = ClaimWith(doc, "Years");
  EXPECT_TRUE(c == nullptr || !c->speaker);
}

TEST(Attribution, TitleCaseHeadlineNamesTheFirstNameAndTheWordAfter) {
  // "Hillary Roe Goes After ...": the headline names Hillary Roe, so "Roe said" is hers.
  Document doc = Annotated(
      "Hillary Roe Goes After Jensen Huang As The New Villain.\n\n"
      "\u201cHe started his business with borrowed money. I don\u2019t buy that,\u201d Roe said.");
  const Claim* c = ClaimWith(doc, "borrowed money");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "hillary-roe", c->text);
}

TEST(Attribution, WhatIsToldIsNoListener) {
  // "tells so many lies that ...": a result clause, not words reported from Jensen Huang.
  Document doc = Annotated(
      "Helen Toner argued that Jensen Huang tells so many lies that the rules could fail.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_NE(c.speaker->id, "jensen-huang") << c.text;
    }
  }
  const Claim* c = ClaimWith(doc, "argued");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "helen-toner", c->text);
  doc = Annotated("Jensen Huang told the truth that nobody wanted to hear.");
  for (const Claim& claim : doc.claims) EXPECT_FALSE(claim.speaker) << claim.text;
  // A listener still makes "told Y that" a report.
  doc = Annotated("Jensen Huang told investors that the rules could fail.");
  c = ClaimWith(doc, "could fail");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "jensen-huang", c->text);
}

TEST(Attribution, AThreatToAPlaceIsNoReportedInfinitive) {
  Document doc = Annotated("Analysts weighed Jensen Huang's threat to Eastern Europe on Monday.");
  for (const Claim& c : doc.claims) EXPECT_FALSE(c.speaker) << c.text;
}

TEST(Attribution, AQuotationTheWriterSetsApartIsNotTheSpeakers) {
  Document doc = Annotated(
      "\u201cYou winning?\u201d Helen Toner asked, but the analyst was drifting off again, and as "
      "Jensen Huang went on about \u201cthe rigged rules\u201d and \u201cthe lost sales,\u201d "
      "the room emptied.");
  const Claim* c = ClaimWith(doc, "winning");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "helen-toner", c->text);
  EXPECT_EQ(c->quote, "You winning?");
  // Quotations the attribution joins directly stay together.
  doc = Annotated(
      "\u201cThe rules work,\u201d Helen Toner said, \u201cand they will keep working.\u201d");
  c = ClaimWith(doc, "rules work");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote, "The rules work \u2026 and they will keep working.");
}

TEST(Attribution, AKnownFirstNameBeforeAVerbOfPositionIsAPerson) {
  Document doc = Annotated("Hillary Roe wants to make tuition free for most families.");
  const Claim* c = ClaimWith(doc, "tuition");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "hillary-roe", c->text);
  // Not without a known first name: "Wells Fargo wants" names no person.
  doc = Annotated("Wells Fargo wants to make tuition free for most families.");
  for (const Claim& claim : doc.claims) {
    if (claim.speaker) {
      EXPECT_NE(claim.speaker->type, "person") << claim.text;
    }
  }
}

TEST(Attribution, AnOrganisationNameBeforeAVerbOfPositionSpeaks) {
  Document doc = Annotated("The Security Council condemned the latest missile launch on Monday.");
  const Claim* c = ClaimWith(doc, "missile");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Security Council");
  EXPECT_EQ(c->speaker->type, "organization");
}

TEST(Attribution, WordsNamedNotReported) {
  // "what X says" and "everything X says" name the words; they report none.
  for (const char* text :
       {"The gap between what Jensen Huang says his plan would do and what it does is wide.",
        "Everything Jensen Huang says is a lie unless proven otherwise."}) {
    Document doc = Annotated(text);
    for (const Claim& c : doc.claims) EXPECT_FALSE(c.speaker) << text << " -> " << c.quote;
  }
  // A verb of naming, or "what X said was", does report.
  Document doc = Annotated("Officials condemned what Helen Toner called a brazen breach of the rules.");
  const Claim* c = nullptr;
  for (const Claim& claim : doc.claims) {
    if (claim.cue == "called") c = &claim;
  }
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "helen-toner", c->text);
  EXPECT_EQ(c->quote, "a brazen breach of the rules");
  doc = Annotated("He criticized what Jensen Huang said was a sanitized history of the rules.");
  c = ClaimWith(doc, "sanitized");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "jensen-huang", c->text);
}

TEST(Attribution, AnOpeningAdjunctBeforeTheSubjectIsNoContent) {
  Document doc = Annotated(
      "In her 2003 book, Living History, Helen Toner noted the clot\u2019s existence.");
  const Claim* c = ClaimWith(doc, "existence");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote, "the clot\u2019s existence");
}

TEST(Attribution, AQuotationIsNeverHandedToALaterSpeakerInItsSentence) {
  // "she" has no antecedent here; the quotation stays unattributed rather than going to
  // Jensen Huang, who speaks later in the sentence.
  Document doc = Annotated(
      "\u201cIt never crossed my mind that the rules would fail,\u201d she said months later, and "
      "a big reason was Jensen Huang, who argued that the rules work.");
  for (const Claim& claim : doc.claims) {
    if (claim.quote.find("crossed") != std::string::npos && claim.speaker) {
      EXPECT_NE(claim.speaker->id, "jensen-huang") << claim.quote;
    }
  }
}

TEST(Attribution, ASourcePhraseHoldsNoVerbOfItsOwn) {
  // "... spotted Stein and tweeted": no speaker named "A reporter ... spotted Stein and".
  Document doc = Annotated(
      "A reporter for USA Today spotted Helen Toner and her aide and tweeted her presence on "
      "Twitter.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_EQ(c.speaker->name.find("spotted"), std::string::npos) << c.speaker->name;
    }
  }
}

TEST(Attribution, CueWordsThatReportNothing) {
  // A telephone call, a meeting convened, a name given, nouns that are also cue verbs, and
  // words that only point at what was said elsewhere.
  for (const char* text :
       {"Helen Toner called Jensen Huang on Friday to thank him for the visit.",
        "Helen Toner called in to a radio show about chips.",
        "Republicans had called the hearing because the rules were unclear.",
        "Analysts watched a Shenzhen-based group called Silicon Harbor closely.",
        "The ban has 85 percent support among voters in Ohio.",
        "The alliance aims to rely less on U.S. support.",
        "At least that's what Helen Toner now hopes.",
        "Helen Toner reported from Midway Atoll, and Jensen Huang from Taipei.",
        "The Commander-in-Chief Forum viewed by 14.7 million people ran long.",
        "This political decision by the agency to not recommend charges destroys trust."}) {
    Document doc = Annotated(text);
    for (const Claim& c : doc.claims) EXPECT_FALSE(c.speaker) << text << " -> " << c.quote;
  }
  // The same words as cues.
  Document doc = Annotated("Helen Toner called the ban a success for allies.");
  const Claim* c = ClaimWith(doc, "success");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "helen-toner", c->text);
  EXPECT_EQ(c->quote, "the ban a success for allies");
  doc = Annotated("Jensen Huang called his vote for the rule a mistake.");
  c = ClaimWith(doc, "mistake");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "jensen-huang", c->text);
  doc = Annotated("Most voters support the ban on chip sales.");
  c = ClaimWith(doc, "chip sales");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "unnamed:Most voters", c->text);
}

TEST(Attribution, AnOwnerOfUnknownGenderIsNoAntecedentForShe) {
  // "she" is the physician of the sentence before, not the patient whose leg she examined.
  Document doc = Annotated(
      "Jane Roe, a physician, treated Jim Doe, a patient, in 1998. Roe wrote a memoir of her "
      "time at the clinic. After examining Doe's leg, she insisted that he go to a hospital for "
      "an ultrasound.");
  const Claim* c = ClaimWith(doc, "ultrasound");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "jane-roe", c->text);
}

TEST(Attribution, WhoIsNamedInAnOpeningParticipleClauseIsNotItsSubject) {
  // Both women; "she" is who examined, never the patient named inside "after examining ...".
  Document doc = Annotated(
      "Susan Doe, a physician, treated Mary Roe, a teacher, in 1998. Doe wrote a memoir of her "
      "time at the clinic. According to her account, after examining Roe's leg, she insisted "
      "that the patient go to a hospital for an ultrasound.");
  const Claim* c = ClaimWith(doc, "ultrasound");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "susan-doe", c->text);
}

TEST(Attribution, RelativePronounSpeaksForItsAntecedent) {
  Document doc = Annotated("Helen Toner, who argued that the controls were working, spoke on Monday.");
  const Claim* c = ClaimWith(doc, "controls were working");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  EXPECT_EQ(c->speaker->mention.text, "who");
  EXPECT_EQ(c->speaker->via, "pronoun");
  // The relative clause ends where the main clause's verb resumes.
  EXPECT_EQ(c->quote, "the controls were working");
}

TEST(Attribution, ItAndTheySpeakForTheGroupBefore) {
  Document doc = Annotated(
      "Nvidia said it would comply with the rules. It added that sales would fall. "
      "Senate Democrats said the ban works. They warned that loopholes remain wide open.");
  const Claim* it = ClaimWith(doc, "sales would fall");
  ASSERT_NE(it, nullptr);
  ASSERT_TRUE(it->speaker);
  EXPECT_EQ(it->speaker->id, "nvidia");
  EXPECT_EQ(it->speaker->mention.text, "It");
  const Claim* they = ClaimWith(doc, "loopholes remain wide");
  ASSERT_NE(they, nullptr);
  ASSERT_TRUE(they->speaker);
  EXPECT_EQ(they->speaker->name, "Senate Democrats");
  EXPECT_EQ(they->speaker->mention.text, "They");
}

TEST(Attribution, ItAfterASentenceWithOneDocumentIsThatDocument) {
  Document doc = Annotated(
      "The city sent a cease-and-desist letter Thursday. It says the campaign violated federal "
      "law.");
  const Claim* c = ClaimWith(doc, "violated");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "unnamed:a cease-and-desist letter", c->text);
  EXPECT_EQ(c->speaker->mention.text, "It");
  // Two documents: which one says it is not known.
  doc = Annotated(
      "The city sent a letter and a report Thursday. It says the campaign violated federal law.");
  c = ClaimWith(doc, "violated");
  EXPECT_TRUE(c == nullptr || !c->speaker);
}

TEST(Attribution, TheyAfterAPersonStaysUnattributed) {
  // A person is never "they" here; guessing the group around them would be a guess.
  Document doc = Annotated("Helen Toner said the ban works. They warned that loopholes remain wide open.");
  const Claim* c = ClaimWith(doc, "loopholes remain wide");
  if (c != nullptr) {
    EXPECT_FALSE(c->speaker.has_value()) << c->speaker->name;
  }
}

TEST(Attribution, TemporalAsClauseIsNoAttribution) {
  Document doc = Annotated("As Dario Amodei spoke, protesters outside chanted against the chip ban.");
  for (const Claim& c : doc.claims) {
    EXPECT_FALSE(c.speaker && c.speaker->id == "dario-amodei") << c.text;
  }
}

TEST(Attribution, TranscriptLabelsNameTheSpeaker) {
  Document doc = Annotated(
      "TONER: The controls are working. They buy time.\n"
      "AMODEI: I agree with that, mostly.\n"
      "TONER: Then we should keep them.\n"
      "AMODEI: Yes.");
  const Claim* first = ClaimWith(doc, "buy time");
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(first->speaker);
  EXPECT_EQ(first->speaker->id, "helen-toner");
  EXPECT_EQ(first->kind, "direct_quote");
  EXPECT_EQ(first->cue, ":");
  EXPECT_EQ(first->quote, "The controls are working. They buy time.");
  const Claim* second = ClaimWith(doc, "mostly");
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(second->speaker);
  EXPECT_EQ(second->speaker->id, "dario-amodei");
}

TEST(Attribution, UnknownTranscriptLabelNeedsToRepeat) {
  // A lone "UPDATE:" opening a line is a heading, not a person.
  Document doc = Annotated("UPDATE: The rules were published on Monday evening.");
  for (const Claim& c : doc.claims) EXPECT_FALSE(c.speaker.has_value()) << c.speaker->name;
  for (const Entity& e : doc.entities) EXPECT_NE(e.name, "Update");
}

TEST(Attribution, AFullNameLabelOnceThenTheSurnameIsOnePerson) {
  // "JAKE TAPPER:" once, then "TAPPER:": the full label names the person for all of them.
  Document doc = Annotated(
      "JAKE TAPPER: The chip rules came out on Friday. Take a listen.\n"
      "MARY FALLIN: Well, I think the whole nation needs to work together.\n"
      "TAPPER: Do you think the rules will last?\n"
      "FALLIN: I do.");
  const Claim* first = ClaimWith(doc, "came out");
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(first->speaker);
  EXPECT_EQ(first->speaker->name, "Jake Tapper");
  const Claim* later = ClaimWith(doc, "will last");
  ASSERT_NE(later, nullptr);
  ASSERT_TRUE(later->speaker);
  EXPECT_EQ(later->speaker->name, "Jake Tapper");
  EXPECT_EQ(later->speaker->id, first->speaker->id);
  // Two full names of one surname stay two people.
  Document two = Annotated(
      "BILL CLINTON: The rules came out on Friday.\n"
      "HILLARY CLINTON: They will last.\n"
      "BILL CLINTON: Maybe.\n"
      "HILLARY CLINTON: Surely.");
  const Claim* bill = ClaimWith(two, "came out");
  const Claim* hillary = ClaimWith(two, "will last");
  ASSERT_NE(bill, nullptr);
  ASSERT_NE(hillary, nullptr);
  ASSERT_TRUE(bill->speaker);
  ASSERT_TRUE(hillary->speaker);
  EXPECT_EQ(bill->speaker->name, "Bill Clinton");
  EXPECT_EQ(hillary->speaker->name, "Hillary Clinton");
}

TEST(Attribution, TitleWithPeriodVouchesForAnUnknownName) {
  Document doc = Annotated(
      "\u201cIt is a dog whistle,\u201d Rep. Gwen Moore (D-Wis.) said Friday.\n\n"
      "\u201cThey are wrong,\u201d said 9/11 widow Terry Strada.");
  const Claim* moore = ClaimWith(doc, "dog whistle");
  ASSERT_NE(moore, nullptr);
  ASSERT_TRUE(moore->speaker);
  EXPECT_EQ(moore->speaker->name, "Gwen Moore");
  EXPECT_EQ(moore->speaker->mention.text, "Gwen Moore (D-Wis.)");
  const Claim* strada = ClaimWith(doc, "wrong");
  ASSERT_NE(strada, nullptr);
  ASSERT_TRUE(strada->speaker);
  EXPECT_EQ(strada->speaker->name, "Terry Strada");
}

TEST(Attribution, CapitalisedDescriptionBeforeATitleLeadsToTheName) {
  Document doc = Annotated(
      "\u201cHow much worse could it get?\u201d said Florida-based Republican strategist Al "
      "Cardenas, referring to the polls.\n\n"
      "\u201cThat would be a mistake,\u201d CNN's Gloria Borger said.\n\n"
      "\u201cIt is over,\u201d said Acme Holdings Jane Roe.\n\n"
      "\u201cIt is done,\u201d said Acme Holdings chairman Jane Roe.");
  const Claim* cardenas = ClaimWith(doc, "worse");
  ASSERT_NE(cardenas, nullptr);
  ASSERT_TRUE(cardenas->speaker);
  EXPECT_EQ(cardenas->speaker->name, "Al Cardenas");
  const Claim* borger = ClaimWith(doc, "mistake");
  ASSERT_NE(borger, nullptr);
  ASSERT_TRUE(borger->speaker);
  EXPECT_EQ(borger->speaker->name, "Gloria Borger");
  EXPECT_EQ(borger->speaker->mention.text, "CNN's Gloria Borger");
  const Claim* chairman = ClaimWith(doc, "done");
  ASSERT_NE(chairman, nullptr);
  ASSERT_TRUE(chairman->speaker);
  EXPECT_EQ(chairman->speaker->name, "Jane Roe");
  // Capitalised words with no title word after them lead to no one.
  const Claim* roe = ClaimWith(doc, "over");
  if (roe != nullptr) {
    EXPECT_FALSE(roe->speaker.has_value()) << roe->speaker->name;
  }
}

TEST(Attribution, NameBeforeWhoIsAPersonAndKeepsTheBareSurname) {
  // "who" vouches for a person; a relative named in passing that way does not take the bare
  // surname the text had already used for the first person.
  Document doc = Annotated(
      "Sen. Ted Roe endorsed the plan on Friday.\n\n"
      "Roe said he had disagreements with the party.\n\n"
      "Critics attacked his father, Rafael Roe, who was born in Cuba, for his past.\n\n"
      "\u201cI will tell the truth,\u201d Roe said.\n\n"
      "The marathoner Feyisa Lilesa, who won the silver medal, crossed his arms at the finish; "
      "he says he fears returning home.");
  const Claim* truth = ClaimWith(doc, "tell the truth");
  ASSERT_NE(truth, nullptr);
  ASSERT_TRUE(truth->speaker);
  EXPECT_EQ(truth->speaker->name, "Ted Roe");
  const Claim* fears = ClaimWith(doc, "fears returning home");
  ASSERT_NE(fears, nullptr);
  ASSERT_TRUE(fears->speaker);
  EXPECT_EQ(fears->speaker->name, "Feyisa Lilesa");
}

TEST(Attribution, BareSurnameOfSomeoneNamedWithoutVouchingStaysNobodys) {
  // Hillary Roe is named in full but nothing vouches for her; Chelsea Roe and Bill Roe are
  // vouched for. The bare "Mrs. Roe" may be Hillary or Chelsea.
  Document doc = Annotated(
      "The donors have yet to hear from Hillary Roe.\n\n"
      "The foundation paid for a visit by Chelsea Roe, who is its vice chairwoman, to Kyiv.\n\n"
      "Mrs. Roe replied, \u201cAs you know, hearing nice things about your children is as good "
      "as it gets.\u201d\n\n"
      "Former President Bill Roe told donors that the foundation would change.");
  const Claim* replied = ClaimWith(doc, "nice things");
  if (replied != nullptr && replied->speaker) {
    EXPECT_NE(replied->speaker->name, "Chelsea Roe");
  }
}

TEST(Attribution, APlainNounSubjectNeedsItsDeterminerAndTheVerbsAgreement) {
  // A singular without its determiner is no subject ("business said"), and "think" after a
  // singular is no verb ("a progressive think tank").
  for (const char* text :
       {"In March, business said the deficit would widen next year.",
        "Felicia Wong, president of the Roosevelt Institute, a progressive think tank, and Stan "
        "Greenberg, co-founder of the Democratic polling firm Democracy Corps, applauded "
        "Clinton\u2019s remarks."}) {
    Document doc = Annotated(text);
    for (const Claim& c : doc.claims) {
      EXPECT_NE(c.cue, "said") << text;
      EXPECT_NE(c.cue, "think") << text;
    }
  }
}

TEST(Attribution, ADescriptionBeforeTheNameIsTheSourcesNotWhatWasSaid) {
  Document doc = Annotated(
      "The director of the Acme Institute, Jane Roe, told the AP on Monday.\n\n"
      "And a third, Bo Doe, said that the bill was dead.");
  for (const Claim& c : doc.claims) {
    EXPECT_EQ(c.quote.find("director"), std::string::npos) << c.quote;
  }
  const Claim* dead = ClaimWith(doc, "bill was dead");
  ASSERT_NE(dead, nullptr);
  ASSERT_TRUE(dead->speaker);
  EXPECT_EQ(dead->speaker->name, "Bo Doe");
  EXPECT_EQ(dead->speaker->mention.text, "a third, Bo Doe");
}

TEST(Attribution, TheLastOfAListAfterAPrepositionIsNotTheSpeaker) {
  // The aides speak, not the second governor they work for.
  Document doc = Annotated(
      "And aides to Gov. Ann Roe of Ohio, a former prosecutor, and Gov. Bo Doe of Iowa, who had "
      "a long career in Congress, said their speeches would focus on security.");
  const Claim* c = ClaimWith(doc, "focus on security");
  ASSERT_NE(c, nullptr);
  if (c->speaker) {
    EXPECT_NE(c->speaker->type, "person") << c->speaker->name;
  }
}

TEST(Attribution, ANameInsideWhatFollowsTheVerbIsNoInvertedSpeaker) {
  // After ", says" a pronoun and a verb open what was said: Hillary Roe is spoken of.
  Document doc = Annotated(
      "Hillary Roe wants a carbon tax.\n\n"
      "Paradis, who volunteered for Bill Roe when he ran in 1992, says she could not support "
      "Hillary Roe.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_FALSE(c.cue == "says" && c.speaker->name == "Hillary Roe") << c.quote;
    }
  }
}

TEST(Attribution, AParticipleAfterAnotherWithItsOwnSubjectIsNotTheSentenceSubjects) {
  // Byrne recounts; the unclear "Roe" is the one telling, twice. Byrne told nobody.
  Document doc = Annotated(
      "Hillary Roe and Bill Roe met Gary Byrne, who wrote a book.\n\n"
      "At one point in the book, Byrne gives an account of Roe telling one agent to leave the "
      "room at once, while telling another to \u201cGo to hell!\u201d\n\n"
      "Byrne later gave an account of Roe telling the agents that they were fired.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_NE(c.speaker->name, "Gary Byrne") << c.cue << ": " << c.quote;
    }
  }
}

TEST(Attribution, AnAgeBetweenCommasOpensTheInvertedSpeakersDescription) {
  Document doc = Annotated(
      "\u201cThe rules work,\u201d said Helen Toner, 34, a director at Georgetown.");
  const Claim* c = ClaimWith(doc, "rules work");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  EXPECT_EQ(c->speaker->mention.text, "Helen Toner, 34, a director at Georgetown");
}

TEST(Attribution, AStateAfterAPlaceStaysInTheSpeakersDescription) {
  Document doc = Annotated(
      "\u201cThe rules work,\u201d said Jane Roe, a broker based in Tampa, Fla., who sells "
      "chips.\n\nJohn Doe, a teacher in Austin, Texas, said the rules work too.");
  const Claim* c = ClaimWith(doc, "The rules work");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Jane Roe");
  EXPECT_EQ(c->speaker->mention.text, "Jane Roe, a broker based in Tampa, Fla., who sells chips");
  c = ClaimWith(doc, "work too");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->mention.text, "John Doe, a teacher in Austin, Texas");
}

TEST(Attribution, ANameAfterAnInvertedSpeakersDescriptionIsTheSpeaker) {
  Document doc = Annotated(
      "The chips were diverted, said the bureau's director, James B. Comey, on Monday.");
  const Claim* c = ClaimWith(doc, "diverted");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "James B. Comey");
  EXPECT_EQ(c->speaker->mention.text, "the bureau's director, James B. Comey");
  // A name after "a spokesman for the senator" may be the senator's: nobody is named.
  doc = Annotated("The chips were diverted, said a spokesman for the senator, Jane Roe.");
  c = ClaimWith(doc, "diverted");
  ASSERT_NE(c, nullptr);
  if (c->speaker) {
    EXPECT_NE(c->speaker->name, "Jane Roe");
  }
}

TEST(Attribution, ACountryBeforeABodysNameIsNotTheSpeaker) {
  Document doc = Annotated(
      "But the U.S. Court of Appeals for the 6th Circuit overruled and said Ohio already "
      "provided more early voting.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_NE(c.speaker->id, "united-states") << c.quote;
    }
  }
}

TEST(Attribution, APersonPairedWithThePronounInTheReportedClauseIsNotItsReferent) {
  Document doc = Annotated(
      "Jensen Huang is drawing sharp contrasts between himself and the Anthropic chief Dario "
      "Amodei.\n\nHe said he and Amodei differ on the export rules.");
  const Claim* c = ClaimWith(doc, "differ on the export rules");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "jensen-huang");
}

TEST(Attribution, APersonsVerbPhraseBeforeAColonAndAQuotationIsItsCue) {
  Document doc = Annotated(
      "Jensen Huang went even further: \u201cThe rules will fail. Nobody will obey them.\u201d "
      "He left.\n\nHelen Toner seemed irritated: \u201cIt works! Just read it,\u201d she "
      "wrote.");
  const Claim* c = ClaimWith(doc, "rules will fail");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "jensen-huang");
  EXPECT_EQ(c->kind, "direct_quote");
  EXPECT_EQ(c->cue, "went even further");
  EXPECT_EQ(c->quote, "The rules will fail. Nobody will obey them.");
  // Words after the quotation name its own cue: "she wrote", not "seemed irritated".
  c = ClaimWith(doc, "Just read it");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cue, "wrote");
}

TEST(Attribution, AParticipleRightAfterAnAttributionIsItsSpeakers) {
  Document doc = Annotated(
      "The U.S. did not complain when the chips sold, a Chinese official said, adding that "
      "the impact of the rules was hard to estimate.");
  const Claim* c = nullptr;
  for (const Claim& claim : doc.claims) {
    if (claim.cue == "adding") c = &claim;
  }
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "a Chinese official");
}

TEST(Attribution, AVerbAfterAndSharesTheSubjectOfTheClauseItJoins) {
  Document doc = Annotated(
      "Helen Toner became a target this year, after some of her critics attacked her papers "
      "and even questioned the export rules.\n\nJensen Huang mocked his rivals, talked over "
      "them as they answered questions and even assured the crowd that the chips were safe.");
  auto with_cue = [&](const std::string& cue) -> const Claim* {
    for (const Claim& claim : doc.claims) {
      if (claim.cue == cue) return &claim;
    }
    return nullptr;
  };
  const Claim* c = with_cue("questioned");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "her critics");
  // A series of the subject's own verbs closed by "and": the subject's still.
  c = with_cue("assured");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "jensen-huang");
}

TEST(Attribution, APhraseAfterAFormOfBeIsNoSpeaker) {
  Document doc = Annotated(
      "The only other necessary step, in Helen Toner's view, would be more government support "
      "for research and development.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_NE(c.speaker->name, "more government") << c.quote;
    }
  }
}

TEST(Attribution, AnOpeningClauseAfterAndSaysNoMoreThanItself) {
  Document doc = Annotated(
      "And after Jensen Huang opposed the rules, the chip stocks fell sharply.");
  const Claim* c = nullptr;
  for (const Claim& claim : doc.claims) {
    if (claim.cue == "opposed") c = &claim;
  }
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote, "the rules");
}

TEST(Attribution, AThingCalledByANameReportsNothing) {
  Document doc = Annotated(
      "Helen Toner built her brand around the cause, writing a book called \u201cChips Who "
      "Work\u201d and leading the charge.");
  for (const Claim& c : doc.claims) {
    EXPECT_NE(c.cue, "called") << c.quote;
  }
}

TEST(Attribution, AClauseJoinedByAndWithAnArticleBeforeItsSourceEndsTheFirst) {
  Document doc = Annotated(
      "Jensen Huang called the rules rigged, and a few lawmakers have called for a review.");
  const Claim* c = nullptr;
  for (const Claim& claim : doc.claims) {
    if (claim.cue == "called") c = &claim;
  }
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote, "the rules rigged");
}

TEST(Attribution, AColonBeforeTheNextSourceEndsTheFirstClaim) {
  Document doc =
      Annotated("Helen Toner cites the chip rules as an example: She says the controls work.");
  const Claim* c = nullptr;
  for (const Claim& claim : doc.claims) {
    if (claim.cue == "cites") c = &claim;
  }
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote, "the chip rules as an example");
}

TEST(Attribution, AThatAfterACommaIsNoComplementiserOfAVerbWithoutAListener) {
  // "defended the rules, a move that ...": the "that" is the writer's relative clause.
  Document doc =
      Annotated("Jensen Huang defended the rules, a move that was less surprising than the fact.");
  const Claim* c = nullptr;
  for (const Claim& claim : doc.claims) {
    if (claim.cue == "defended") c = &claim;
  }
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote.rfind("the rules", 0), 0u) << c->quote;
  // A listener's description may still stand between the verb and its "that".
  doc = Annotated("Jensen Huang told Jane Roe, a reporter, that the rules work.");
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].quote, "the rules work");
}

TEST(Attribution, AnUnnamedSourcesNumberIsItsHeadNouns) {
  // "People briefed on the move" are no "it"; "a person close to Huang" is no "they" or "it".
  for (const char* text :
       {"People briefed on the move said the rules would change. But it indicates that the plan "
        "failed.",
        "A person close to Huang said the rules would change. They believe that the rules "
        "work.",
        "A person close to Huang said the rules would change. It also shows that the rules "
        "work."}) {
    Document doc = Annotated(text);
    ASSERT_FALSE(doc.claims.empty()) << text;
    for (const Claim& c : doc.claims) {
      if (c.cue == "said" || !c.speaker) continue;
      ADD_FAILURE() << text << ": \"" << c.cue << "\" given to " << c.speaker->name;
    }
  }
  // Officials are "they".
  Document doc = Annotated(
      "Two officials close to Huang said the rules would change. They believe that the rules "
      "work.");
  const Claim* c = nullptr;
  for (const Claim& claim : doc.claims) {
    if (claim.cue == "believe") c = &claim;
  }
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker.has_value());
  EXPECT_EQ(c->speaker->name, "Two officials close to Huang");
}

TEST(Attribution, TheSameVerbAgainAfterAndIsTheSameSpeakers) {
  // The first "that" clause has a subject of its own (Huang); the second "said" is still Toner's.
  Document doc = Annotated(
      "Helen Toner said that Jensen Huang is wrong and said that the rules work.");
  ASSERT_EQ(doc.claims.size(), 2u);
  ASSERT_TRUE(doc.claims[1].speaker.has_value());
  EXPECT_EQ(doc.claims[1].speaker->id, "helen-toner");
  EXPECT_EQ(doc.claims[1].quote, "the rules work");
}

TEST(Attribution, AWhoAfterAClosingDashIsNotTheAsidesPersons) {
  // "candidates — like Donald Trump — who say": "who" is the candidates'.
  for (const char* text :
       {"Critics of the rules - like Jensen Huang - who say the rules fail, spoke on Monday.",
        "Critics of the rules \u2014 like Jensen Huang \u2014 who say the rules fail, spoke."}) {
    Document doc = Annotated(text);
    for (const Claim& c : doc.claims) {
      EXPECT_FALSE(c.speaker && c.speaker->id == "jensen-huang") << text << ": " << c.quote;
    }
  }
}

TEST(Attribution, ADescribedSourceLabelIsAHeadlineOnItsOwnLine) {
  // "Poll: ..." alone in its paragraph reports; "Analysts: ..." opening a paragraph that goes
  // on is a section's heading.
  Document doc = Annotated("Poll: Voters back the export rules by a wide margin.");
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].cue, ":");
  doc = Annotated(
      "Analysts: Nvidia is backed by 520 of them, compared with 39 for AMD. The rest have not "
      "said.");
  for (const Claim& c : doc.claims) EXPECT_NE(c.cue, ":") << c.quote;
}

TEST(Attribution, ADescriptionBeforeTheNameStartsAfterTheDateline) {
  for (const char* text :
       {"PARIS, Aug 31 (Reuters) - The chip-industry group's chief, Jane Roe, backed the rules on "
        "Wednesday.",
        "PARIS -- The chip-industry group's chief, Jane Roe, backed the rules on Wednesday."}) {
    Document doc = Annotated(text);
    ASSERT_EQ(doc.claims.size(), 1u) << text;
    ASSERT_TRUE(doc.claims[0].speaker.has_value()) << text;
    EXPECT_EQ(doc.claims[0].speaker->mention.text, "The chip-industry group's chief, Jane Roe")
        << text;
  }
}

TEST(Attribution, ThePersonEndingAListAPrepositionGovernsIsNoSpeaker) {
  // "leaders who would rather work for Ted Cruz or Ben Carson said": the leaders said it.
  for (const char* text :
       {"Many leaders who would rather work for Ted Cruz or Ben Carson said they backed the rules.",
        "Many of the local leaders who'd rather be working on a campaign for Ben Carson said "
        "they backed the rules."}) {
    Document doc = Annotated(text);
    for (const Claim& c : doc.claims) {
      EXPECT_FALSE(c.speaker && c.speaker->type == "person") << text << ": " << c.speaker->name;
      EXPECT_FALSE(c.speaker && c.speaker->name.rfind("a campaign", 0) == 0) << text;
    }
  }
}

TEST(Attribution, AnAttributionInsideParenthesesSaysNothingOutsideThem) {
  Document doc = Annotated(
      "Headline writers had a field day (\u201cChips Banned,\u201d declared Helen Toner on Monday), "
      "but the rules stayed in force for years.");
  const Claim* c = nullptr;
  for (const Claim& claim : doc.claims) {
    if (claim.cue == "declared") c = &claim;
  }
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker.has_value());
  EXPECT_EQ(c->speaker->id, "helen-toner");
  EXPECT_NE(c->quote.find("Chips Banned"), std::string::npos) << c->quote;
  EXPECT_EQ(c->quote.find("field day"), std::string::npos) << c->quote;
  EXPECT_EQ(c->quote.find("force"), std::string::npos) << c->quote;
}

TEST(Attribution, AnOpeningClauseEndsAtACommaInsideItsClosingQuotationMark) {
  // "After X said ... “less advanced schools,” Trump said ...": Trump's words are not X's.
  Document doc = Annotated(
      "After Helen Toner said that labs might do better with \u201cfewer chips,\u201d Jensen Huang "
      "said he did not like it.");
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].quote.find("Huang"), std::string::npos) << doc.claims[0].quote;
  ASSERT_TRUE(doc.claims[1].speaker.has_value());
  EXPECT_EQ(doc.claims[1].speaker->id, "jensen-huang");
  EXPECT_EQ(doc.claims[1].quote, "he did not like it");
}

TEST(Attribution, ASentenceSubjectsDescriptionIsPartOfALaterVerbsSource) {
  Document doc = Annotated(
      "Helen Toner, a former board member, then appeared on television and began by saying "
      "the rules would work.");
  const Claim* c = ClaimWith(doc, "would work");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  EXPECT_EQ(c->speaker->mention.text, "Helen Toner, a former board member");
}

TEST(Attribution, APersonNamedWithAKnownFirstNameIsWhomAPronounMeans) {
  // Nothing but a known first name and a verb vouch for Ted Roe.
  Document doc = Annotated(
      "Ted Roe is drawing sharp contrasts with the front-runner.\n\n"
      "He said he and the front-runner differ on Israel and the Iranian nuclear deal.");
  const Claim* c = ClaimWith(doc, "differ on Israel");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Ted Roe");
}

TEST(Attribution, AnHonorificChoosesAmongPeopleOfTheSurname) {
  // Hillary Roe is named far back, Bill Roe nearby: "Mrs. Roe" is still Hillary.
  std::string text = "Hillary Roe wants a carbon tax.\n\n";
  for (int i = 0; i < 30; ++i) text += "The weather in the valley was mild and dry all week. ";
  text +=
      "\n\nFormer President Bill Roe campaigned in Ohio on Monday.\n\n"
      "Mrs. Roe has embraced the plan, saying it would cut emissions.";
  Document doc = Annotated(text);
  const Claim* c = ClaimWith(doc, "cut emissions");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Hillary Roe");
}

TEST(Attribution, ANameSpokenOfOrOpeningTheWordsIsNotQuoted) {
  // Ted Roe and Hillary Roe are both near the bare "Roe", and neither has spoken: nobody can
  // tell whom it means. "said of Hillary Roe" and "said Hillary Roe should" do not make her
  // a speaker.
  for (const char* mention : {"A voter said Hillary Roe should be ready for questions.",
                              "\u201cShe is ready,\u201d a voter said of Hillary Roe."}) {
    Document doc = Annotated(
        std::string("Ted Roe campaigned in Nashua on Monday for his wife.\n\n"
                    "Hillary Roe spoke in Iowa.\n\n"
                    "\u201cNobody was better qualified,\u201d Roe declared of his wife.\n\n") +
        mention);
    const Claim* c = ClaimWith(doc, "better qualified");
    if (c != nullptr) {
      EXPECT_FALSE(c->speaker) << mention;
    }
  }
}

TEST(Attribution, ASurnameAfterAVerbTakesNoPronounsSex) {
  // "to back Roe when he speaks": "he" is the subject's, not Roe's, and Hillary Roe stays one
  // woman rather than a man called Roe whom "he" could mean.
  Document doc = Annotated(
      "Hillary Roe wants a carbon tax.\n\n"
      "Sen. Bernie Doe met his aides on Monday. Most of them do not expect him to back Roe "
      "when he speaks on Thursday.\n\n"
      "\u201cLet me make it very clear that the tax is a mistake,\u201d he told reporters.");
  const Claim* c = ClaimWith(doc, "tax is a mistake");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Bernie Doe");
}

TEST(Attribution, ANameQualifyingANounInTheSubjectLeavesTheSecondVerbItsSpeaker) {
  Document doc = Annotated(
      "Jane Doakes wants a carbon tax.\n\n"
      "Ed Roe, a Doakes surrogate, said he\u2019d battled pneumonia three times and called it a "
      "common ailment.");
  const Claim* called = nullptr;
  for (const Claim& c : doc.claims) {
    if (c.cue == "called") called = &c;
  }
  ASSERT_NE(called, nullptr);
  ASSERT_TRUE(called->speaker);
  EXPECT_EQ(called->speaker->name, "Ed Roe");
}

TEST(Attribution, NamesThatAreNoSpeakerOfTheirSentence) {
  Document doc = Annotated(
      "Jane Doe, a strategist whose agency made the ads, said the goal was a carbon market. "
      "The Murdoch outlets have been standing in the way, she said, by creating a bubble.\n\n"
      "Acme Watch, in releasing the email, noted congressional testimony by Gregory Hicks, the "
      "former deputy chief of mission.\n\n"
      "\u201cHis knowledge is about 20 years old,\u201d said a longtime adviser to Bill Roe, "
      "who declined to be identified.");
  const Claim* outlets = ClaimWith(doc, "standing in the way");
  ASSERT_NE(outlets, nullptr);
  ASSERT_TRUE(outlets->speaker);
  EXPECT_EQ(outlets->speaker->name, "Jane Doe");
  for (const Claim& c : doc.claims) {
    if (!c.speaker) continue;
    EXPECT_NE(c.speaker->name, "Gregory Hicks") << c.text;
    EXPECT_NE(c.speaker->name, "Bill Roe") << c.text;
  }
  // An organisation the appositive names is nobody "he" can stand for.
  doc = Annotated(
      "Thousands were jailed for supporting the Oromo Liberation Front, a secessionist group. "
      "He says he fears returning home.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_NE(c.speaker->name, "Oromo Liberation Front") << c.text;
    }
  }
  for (const Entity& e : doc.entities) {
    if (e.name == "Oromo Liberation Front") {
      EXPECT_NE(e.type, "person");
    }
  }
}

TEST(Attribution, ThatAfterTheVerbAndAnUnknownSubjectNameNoSpeaker) {
  Document doc = Annotated(
      "Ted Roe, when asked what about the plan is wrong, responded that the businessman "
      "\u201cis right about the problems, but his solutions are wrong.\u201d\n\n"
      "The billionaire Charles Koch said on Monday that taxes were too high.\n\n"
      "As he has long done at forums like this, Sanders pivoted with every answer to talk "
      "about what he sees as the larger problems.");
  for (const Claim& c : doc.claims) {
    if (!c.speaker) continue;
    // "that" opens what was said; it is never a speaker's first word.
    EXPECT_NE(c.speaker->name.rfind("that ", 0), size_t{0}) << c.speaker->name;
    // "Sanders", whom nothing named in full, may be "he": not the man named before.
    if (c.cue == "sees") {
      EXPECT_NE(c.speaker->name, "Charles Koch") << c.text;
    }
  }
  const Claim* koch = ClaimWith(doc, "taxes were too high");
  ASSERT_NE(koch, nullptr);
  ASSERT_TRUE(koch->speaker);
  EXPECT_EQ(koch->speaker->name, "Charles Koch");
}

TEST(Attribution, SourcePhraseIncludesTheDescription) {
  Document doc = Annotated(
      "\u201cThe rules leak,\u201d said Jane Roe, a lawyer at Acme, who represents Mr. Doe.");
  const Claim* c = ClaimWith(doc, "leak");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Jane Roe");
  EXPECT_EQ(c->speaker->mention.text, "Jane Roe, a lawyer at Acme, who represents Mr. Doe");
}

TEST(Attribution, AllCapitalAliasDoesNotMatchThePronoun) {
  Document doc = Annotated("\u201cLet us wait and see what happens,\u201d Toner said.");
  for (const Entity& e : doc.entities) EXPECT_NE(e.id, "united-states") << e.name;
}

TEST(Attribution, TwoSpeakersInOneSentenceEachGetTheirClaimAndStance) {
  Document doc = Annotated(
      "Helen Toner said the chip ban must stay the course, but Dario Amodei argued that the "
      "chip ban is overly restrictive.");
  const Claim* toner = nullptr;
  const Claim* amodei = nullptr;
  for (const Claim& c : doc.claims) {
    if (c.speaker && c.speaker->id == "helen-toner") toner = &c;
    if (c.speaker && c.speaker->id == "dario-amodei") amodei = &c;
  }
  ASSERT_NE(toner, nullptr);
  ASSERT_NE(amodei, nullptr);
  EXPECT_NE(toner->id, amodei->id);
  EXPECT_EQ(toner->quote, "the chip ban must stay the course");
  EXPECT_EQ(amodei->quote, "the chip ban is overly restrictive");
  ASSERT_EQ(toner->stances.size(), 1u);
  EXPECT_EQ(toner->stances[0].label, "support");
  ASSERT_EQ(amodei->stances.size(), 1u);
  EXPECT_EQ(amodei->stances[0].label, "oppose");
}

// What Amodei believes is Toner's account of him here, not words of his: one claim, Toner's.
TEST(Attribution, AttributionNestedInAnotherSpeakersContentIsTheirReport) {
  for (const char* text : {"Toner said that Amodei believes the rules work well enough.",
                           "Toner said Amodei has long argued that the rules work well enough.",
                           "According to Toner, Amodei believes the rules work well enough."}) {
    Document doc = Annotated(text);
    ASSERT_EQ(doc.claims.size(), 1u) << text;
    ASSERT_TRUE(doc.claims[0].speaker) << text;
    EXPECT_EQ(doc.claims[0].speaker->id, "helen-toner") << text;
    EXPECT_NE(doc.claims[0].quote.find("Amodei"), std::string::npos) << text;
  }
}

// The same speaker inside their own content, or a second speaker whose words follow the first
// claim's, still makes a claim of its own.
TEST(Attribution, AttributionAfterAnotherSpeakersContentIsAClaimOfItsOwn) {
  Document doc = Annotated(
      "Toner said the rules work well enough, and Amodei argued that they are too strict.");
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].speaker->id, "helen-toner");
  ASSERT_TRUE(doc.claims[1].speaker);
  EXPECT_EQ(doc.claims[1].speaker->id, "dario-amodei");
  EXPECT_EQ(doc.claims[1].quote, "they are too strict");

  doc = Annotated("Toner said she believes the rules work well enough.");
  ASSERT_FALSE(doc.claims.empty());
  for (const Claim& c : doc.claims) {
    ASSERT_TRUE(c.speaker) << c.quote;
    EXPECT_EQ(c.speaker->id, "helen-toner") << c.quote;
  }
}

TEST(Attribution, ParticipleWithAnotherPersonBetweenIsNotTheSubjects) {
  // "saying" could belong to Amodei as well as to Toner: no speaker rather than a guess.
  Document doc = Annotated(
      "Helen Toner remains confident despite critics such as Dario Amodei, now saying that the "
      "rules should be changed soon.");
  for (const Claim& c : doc.claims) {
    if (c.quote.find("should be changed") == std::string::npos) continue;
    EXPECT_FALSE(c.speaker && c.speaker->id == "helen-toner") << c.quote;
  }
}

TEST(Attribution, OnlyASpeechVerbClosesTheSentenceBeforeIt) {
  Document doc = Annotated(
      "Whatever the setting and whatever the stakes, Amodei will insist on being himself.");
  for (const Claim& c : doc.claims) {
    EXPECT_EQ(c.quote.find("whatever the stakes"), std::string::npos) << c.quote;
  }
}

TEST(Attribution, TitleCaseHeadlineEndingInSays) {
  Document doc = Annotated("Chip Rules Are Working Better Than Expected, Helen Toner Says");
  const Claim* c = ClaimWith(doc, "Working");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  EXPECT_EQ(c->quote, "Chip Rules Are Working Better Than Expected");
}

TEST(Stance, TheCueCountsWithTheContent) {
  // "refutes" turns the reported "failure" round; the content alone would read as opposition.
  Document doc = Annotated("Amodei refutes the claim that the chip ban has been a failure so far.");
  ASSERT_FALSE(doc.claims.empty());
  ASSERT_EQ(doc.claims[0].stances.size(), 1u);
  EXPECT_EQ(doc.claims[0].stances[0].label, "support");
}

TEST(Attribution, HeadingAboutAnOrganisationIsNoLabel) {
  Document doc = Annotated("Nvidia: The Chip Maker Caught In The Middle\nThe rules changed again.");
  for (const Claim& c : doc.claims) EXPECT_FALSE(c.speaker && c.speaker->id == "nvidia") << c.text;
}

TEST(Attribution, ParticleMakesAnotherVerb) {
  Document doc = Annotated("The United States is backing down in its tech competition with China.");
  for (const Claim& c : doc.claims) EXPECT_FALSE(c.speaker.has_value()) << c.speaker->name;
}

TEST(Attribution, SumsArrivalsAndWhenAloneAreNoSpeech) {
  // A sum added, someone showing up, a message that was posted, a content of nothing but a
  // time or an adverb: no claim with these cues.
  for (const char* text :
       {"Helen Toner says the rule would cut exports at first, but would eventually add $84 "
        "billion over 10 years.",
        "The real Jensen Huang showed up at the hearing on Monday.",
        "In a LinkedIn message posted Friday, Dario Amodei said the rules work.",
        "The rules were dropped. Pretty much the same, right? According to Nvidia, basically.",
        "But when the time came, under pressure from the unions, Washington backed out.",
        "Helen Toner has declined slightly from 58 percent in the last poll to 55 percent now.",
        "Protesters wore shirts with the words \u2018no chips,\u2019 as Jensen Huang, gasping "
        "on a sidewalk in Taipei, said before he left."}) {
    for (const Claim& c : Annotated(text).claims) {
      EXPECT_NE(c.cue, "add") << text;
      EXPECT_NE(c.cue, "showed") << text;
      EXPECT_NE(c.cue, "posted") << text;
      EXPECT_NE(c.cue, "declined") << text;
      EXPECT_NE(c.quote, "basically") << text;
      EXPECT_NE(c.quote, "out") << text;
      EXPECT_NE(c.quote, "before he left") << text;
    }
  }
  // A chart's credit line reports nothing.
  for (const Claim& c : Annotated("The U.S. spends more than all others.\n\nSource: Nvidia.").claims) {
    EXPECT_FALSE(c.speaker.has_value()) << c.text;
  }
  // "In a statement announcing ...": the union speaks, not the statement.
  Document union_doc = Annotated(
      "In a statement announcing the pick, the Association of Flight Attendants called the "
      "rules a disaster for its members.");
  ASSERT_EQ(union_doc.claims.size(), 1u);
  EXPECT_EQ(union_doc.claims[0].cue, "called");
  // "the examples that critics point to": the critics point to examples, they state nothing;
  // after "obvious that" the source is "analysts", not "that analysts".
  for (const Claim& c :
       Annotated("Helen Toner said many of the examples that critics point to as chip leaks "
                 "were old.")
           .claims) {
    EXPECT_NE(c.cue, "point to") << c.text;
  }
  Document obvious = Annotated("By now it is obvious that analysts believe the rules have failed.");
  ASSERT_EQ(obvious.claims.size(), 1u);
  ASSERT_TRUE(obvious.claims[0].speaker.has_value());
  EXPECT_EQ(obvious.claims[0].speaker->mention.text, "analysts");
  // "A group of analysts sent a letter to the board, calling for ...": the group calls for
  // it (its phrase ends at its verb, "sent"), and the letter's recipient is no content.
  Document letter = Annotated(
      "A group of analysts sent a letter to the board, calling for tighter chip rules.");
  ASSERT_EQ(letter.claims.size(), 1u);
  ASSERT_TRUE(letter.claims[0].speaker.has_value());
  EXPECT_EQ(letter.claims[0].speaker->name, "A group of analysts");
  EXPECT_EQ(letter.claims[0].quote, "tighter chip rules");
  // "White House-era documents": the name modifies the documents, which are the source.
  Document era = Annotated(
      "According to White House-era documents from a former aide, the rules had been drafted "
      "in haste.");
  ASSERT_EQ(era.claims.size(), 1u);
  ASSERT_TRUE(era.claims[0].speaker.has_value());
  EXPECT_NE(era.claims[0].speaker->name, "White House");
  EXPECT_EQ(era.claims[0].quote, "the rules had been drafted in haste");
  // "Figures reported Sunday show ...": the figures were reported; they show.
  Document figures = Annotated("Figures reported Sunday show that Nvidia sold fewer chips.");
  ASSERT_EQ(figures.claims.size(), 1u);
  EXPECT_EQ(figures.claims[0].cue, "show");
  // The message was posted; Amodei is the one who said something.
  Document doc = Annotated("In a LinkedIn message posted Friday, Dario Amodei said the rules work.");
  ASSERT_EQ(doc.claims.size(), 1u);
  ASSERT_TRUE(doc.claims[0].speaker.has_value());
  EXPECT_EQ(doc.claims[0].speaker->id, "dario-amodei");
  EXPECT_EQ(doc.claims[0].quote, "the rules work");
}

TEST(Attribution, OpeningClauseOfTimeEndsAtItsComma) {
  // The main clause after the comma is the writer's, not part of what was announced.
  Document doc = Annotated(
      "When Dario Amodei announced the final version of the plan last year, he summoned his "
      "adviser to the office.");
  ASSERT_FALSE(doc.claims.empty());
  EXPECT_EQ(doc.claims[0].cue, "announced");
  EXPECT_EQ(doc.claims[0].quote, "the final version of the plan last year");
  // "As Toner said, ...": there the main clause is what she said.
  Document as = Annotated("As Helen Toner said, the rules work.");
  ASSERT_EQ(as.claims.size(), 1u);
  EXPECT_EQ(as.claims[0].quote, "the rules work");
}

TEST(Attribution, GoingOnOrResemblingIsNoSpeech) {
  // Nobody is reported saying anything in these; "continued to argue" still reports.
  for (const char* text :
       {"Dario Amodei continues to dominate the market despite the export rules.",
        "Jensen Huang reminds me of a general preparing for the last war.",
        "So far, no chip maker has claimed that the rules were unfair.",
        "The leading candidates for president found themselves targeted by the chip makers.",
        "Dario Amodei spoke.\n\nInterestingly Amodei continued as a member of the board until "
        "resigning in 2014.",
        "Dario Amodei spoke.\n\nCan he maintain the support of the chip makers?",
        "Why did Jensen Huang say that the rules failed?"}) {
    for (const Claim& c : Annotated(text).claims) {
      EXPECT_FALSE(c.speaker.has_value()) << text << " -> " << c.speaker->name;
    }
  }
  // "whom she supported" asks; "an Nvidia show" is a noun.
  for (const char* text :
       {"Helen Toner spoke first.\n\nWhen asked whom she supported, Ms. Roe smiled and said, "
        "\u201cI am waiting for the rules to change.\u201d",
        "The host of an Nvidia show and a podcast spoke first."}) {
    for (const Claim& c : Annotated(text).claims) {
      EXPECT_FALSE(c.speaker && (c.speaker->id == "helen-toner" || c.speaker->id == "nvidia"))
          << text << " -> " << c.speaker->name;
    }
  }
  // A source phrase never runs into its own clause's verb, nor stops at an owner.
  for (const char* text :
       {"The former secretary of State began her speech by slamming critics who think the "
        "rules can be dropped.",
        "Senator Toner's policy toward China has barely budged and shows no sign of change."}) {
    for (const Claim& c : Annotated(text).claims) {
      if (!c.speaker) continue;
      EXPECT_EQ(c.speaker->name.find("began"), std::string::npos) << text;
      EXPECT_EQ(c.speaker->name.find("slamming"), std::string::npos) << text;
      EXPECT_NE(c.speaker->name, "Senator") << text;
    }
  }
  // A verb after "and" inside what someone said is not theirs.
  for (const Claim& c :
       Annotated("Helen Toner said the chips were headed to the port, which was closing when "
                 "customs officers stopped the trucks and told the drivers to leave.")
           .claims) {
    if (c.cue != "told") continue;
    EXPECT_FALSE(c.speaker && c.speaker->id == "helen-toner");
  }
  // Who asks speaks; who is asked about takes no position.
  for (const char* text : {"The panel asked whether chip makers supported the export rules.",
                           "Reporters asked whether Jensen Huang supported the export rules."}) {
    for (const Claim& c : Annotated(text).claims) {
      if (!c.speaker) continue;
      EXPECT_EQ(c.speaker->name.find("chip makers"), std::string::npos) << text;
      EXPECT_NE(c.speaker->id, "jensen-huang") << text;
    }
  }
  Document argued = Annotated("Helen Toner continued to argue that the rules work.");
  const Claim* c = ClaimWith(argued, "rules work");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
}

TEST(Stance, EveryNamedSpeakerHasAPositionOnEveryTarget) {
  // Amodei speaks without a word on the controls: neutral, with no claims as evidence. The
  // unnamed officials get no per-speaker stance at all.
  Document doc = Annotated(
      "\u201cOur models keep getting better,\u201d Amodei said. Officials said the chip ban is "
      "overly restrictive.");
  bool amodei = false;
  for (const SpeakerStance& s : doc.stances) {
    EXPECT_FALSE(s.speaker_id.empty()) << s.speaker;
    if (s.speaker_id == "dario-amodei" && s.target == "export-controls") {
      amodei = true;
      EXPECT_EQ(s.label, "neutral");
      EXPECT_TRUE(s.claims.empty());
    }
  }
  EXPECT_TRUE(amodei);
  const Claim* officials = ClaimWith(doc, "overly restrictive");
  ASSERT_NE(officials, nullptr);
  ASSERT_TRUE(officials->speaker);
  EXPECT_EQ(officials->speaker->type, "unnamed");
  ASSERT_FALSE(officials->stances.empty());
  EXPECT_EQ(officials->stances[0].label, "oppose");
}

TEST(Attribution, AParticipleAfterANewClauseIsNotTheFirstSubjects) {
  // The union sued, saying the rules violate free speech; the protest groups did not say it.
  for (const char* text :
       {"Protest groups say the chip rules are unfair, and the Electronic Frontier Foundation "
        "has already sued the government over them, saying they violate free speech.",
        "\u201cThe rules are unfair,\u201d protest groups say; the Electronic Frontier "
        "Foundation has sued the government over them, saying they violate free speech."}) {
    Document doc = Annotated(text);
    bool first_found = false;
    for (const Claim& c : doc.claims) {
      if (!c.speaker) continue;
      bool groups = c.speaker->name == "Protest groups" || c.speaker->name == "protest groups";
      // The first claim is still the protest groups'.
      if (c.cue == "say") first_found = groups;
      if (c.cue == "saying") {
        EXPECT_FALSE(groups) << text;
      }
    }
    EXPECT_TRUE(first_found) << text;
  }
}

TEST(Attribution, TheSourcePhraseKeepsItsDescription) {
  struct Case {
    const char* text;
    const char* fragment;
    const char* mention;
  };
  for (const Case& c : {
           // After the content, the description is part of the source phrase.
           Case{"The rules work, according to Helen Toner, a former OpenAI board member.", "work",
                "Helen Toner, a former OpenAI board member"},
           // Not at the sentence's start: what follows the comma is the content.
           Case{"According to the same poll, Nvidia's share fell to 20 percent, a drop of half.",
                "share", "the same poll"},
           // Not "according to", but the same source phrase: a person of an organisation.
           Case{"Jane Roe of Nvidia said the rules work.", "work", "Jane Roe of Nvidia"},
           Case{"Jane Roe at the Commerce Department said the rules work.", "work",
                "Jane Roe at the Commerce Department"},
           // A party and a state describe a lawmaker.
           Case{"\u201cThe rules work,\u201d said Senator Jane Roe, Democrat of Delaware.", "work",
                "Jane Roe, Democrat of Delaware"},
           // Not after an opening adjunct: the clause after the comma is the content.
           Case{"About 10 p.m., according to a timeline, the engineers left the plant.",
                "engineers", "a timeline"}}) {
    Document doc = Annotated(c.text);
    const Claim* claim = ClaimWith(doc, c.fragment);
    ASSERT_NE(claim, nullptr) << c.text;
    ASSERT_TRUE(claim->speaker) << c.text;
    EXPECT_EQ(claim->speaker->mention.text, c.mention) << c.text;
  }
}

TEST(Attribution, JointSpeakersWithHonorificsAndTheirThey) {
  Document doc = Annotated(
      "Helen Toner and Dario Amodei spoke on Monday.\n\nBut Ms. Toner and Mr. Amodei say other "
      "changes are needed.\n\nThe rules have grown well beyond their first intent, they say.");
  // "Ms. Toner and Mr. Amodei say": both, the honorifics left out of the mentions.
  const Claim* joint = ClaimWith(doc, "other changes");
  ASSERT_NE(joint, nullptr);
  ASSERT_TRUE(joint->speaker);
  EXPECT_EQ(joint->speaker->id, "helen-toner");
  ASSERT_EQ(joint->co_speakers.size(), 1u);
  EXPECT_EQ(joint->co_speakers[0].id, "dario-amodei");
  // "they" in the next sentence are the two of them.
  const Claim* they = ClaimWith(doc, "first intent");
  ASSERT_NE(they, nullptr);
  ASSERT_TRUE(they->speaker);
  EXPECT_EQ(they->speaker->id, "helen-toner");
  EXPECT_EQ(they->speaker->mention.text, "they");
  EXPECT_EQ(they->speaker->via, "pronoun");
  ASSERT_EQ(they->co_speakers.size(), 1u);
  EXPECT_EQ(they->co_speakers[0].id, "dario-amodei");
  // A "they" after one person names nobody.
  Document one = Annotated(
      "Helen Toner spoke on Monday.\n\nThe rules have grown beyond their intent, they say.");
  const Claim* alone = ClaimWith(one, "intent");
  EXPECT_TRUE(alone == nullptr || !alone->speaker || alone->speaker->id != "helen-toner");
}

TEST(Attribution, ASubjectsRelativeClauseIsNotAnUnnamedSource) {
  // The relative clause of a sentence's subject runs into the main verb; no "A woman who".
  Document doc = Annotated("A woman who said she was a nurse told the crowd the rules hurt.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_NE(c.speaker->name, "A woman") << c.quote;
    }
  }
}

TEST(Attribution, ANameInsideAModifierOrAnAdjunctIsNotTheSource) {
  // "pro-Nvidia": a name glued to a hyphen is part of a modifier, never who speaks.
  for (const char* text : {"The organizer of a pro-Nvidia rally said the rules hurt.",
                           "An Nvidia-backed group said the rules hurt."}) {
    Document doc = Annotated(text);
    for (const Claim& c : doc.claims) {
      if (c.speaker) {
        EXPECT_NE(c.speaker->id, "nvidia") << text;
      }
    }
  }
  // A hyphenated surname is one name.
  Document named =
      Annotated("Melissa Mark-Viverito, the council speaker, spoke. Mark-Viverito said the rules "
                "hurt.");
  const Claim* hyphenated = ClaimWith(named, "hurt");
  ASSERT_NE(hyphenated, nullptr);
  ASSERT_TRUE(hyphenated->speaker);
  EXPECT_EQ(hyphenated->speaker->name, "Melissa Mark-Viverito");
  // "in a Medium post" is where the person wrote, not who.
  Document post = Annotated("Helen Toner in a Medium post said the rules work.");
  const Claim* c = ClaimWith(post, "work");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "helen-toner", c->text);
}

TEST(Attribution, AColonOfAnotherClauseCarriesNoSpeaker) {
  // The colon is the writer's clause's ("and CNN has proof:"); the quotation in the next
  // paragraph is a reporter's question, never Huang's.
  Document doc = Annotated(
      "Jensen Huang did support the idea of such a database on Thursday, and CNN has proof:\n\n"
      "\u201cShould there be a database of chip buyers?\u201d a reporter can be heard asking Huang.");
  const Claim* question = ClaimWith(doc, "chip buyers");
  if (question != nullptr && question->speaker) {
    EXPECT_NE(question->speaker->id, "jensen-huang");
  }
  // The same colon, and a quotation with no cue of its own.
  Document bare = Annotated(
      "Jensen Huang did support the idea of such a database on Thursday, and CNN has proof:\n\n"
      "\u201cShould there be a database of chip buyers?\u201d");
  const Claim* bare_question = ClaimWith(bare, "chip buyers");
  if (bare_question != nullptr && bare_question->speaker) {
    EXPECT_NE(bare_question->speaker->id, "jensen-huang");
  }
  // "Huang said:", then a quotation whose own sentence has a cue with no speaker found.
  Document asked = Annotated(
      "Jensen Huang said:\n\n\u201cShould there be a database of chip buyers?\u201d a reporter "
      "can be heard asking.");
  const Claim* asked_question = ClaimWith(asked, "chip buyers");
  if (asked_question != nullptr && asked_question->speaker) {
    EXPECT_NE(asked_question->speaker->id, "jensen-huang");
  }
  // "Huang said:" alone carries him to the quotation that opens the next paragraph.
  Document carried = Annotated("Jensen Huang said:\n\n\u201cThe rules work.\u201d");
  const Claim* c = ClaimWith(carried, "rules work");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "jensen-huang", c->text);
}

TEST(Attribution, APronounInAnUnnamedPersonsReportIsThatPerson) {
  // "he" is the inspector general, whom no name stands for: not Huang from before.
  Document doc = Annotated(
      "Jensen Huang spoke on Monday.\n\nThe department's inspector general had indicated that "
      "he thought some of the chips were smuggled.");
  for (const Claim& c : doc.claims) {
    if (c.speaker) {
      EXPECT_NE(c.speaker->id, "jensen-huang") << c.quote;
    }
  }
}

TEST(Attribution, FullStopsOfInitialsAndCommasOfNumbersDoNotEndTheSource) {
  // "according to data from the U.S. Department of Education": the source runs past the
  // abbreviation; before, it was "data from the U" and its content ". Department ...".
  Document data = Annotated(
      "Student debt rose by a third, according to data from the U.S. Department of Education.");
  const Claim* debt = ClaimWith(data, "Student debt");
  ASSERT_NE(debt, nullptr);
  annotate_fixture::ExpectSpeaker(*debt, "unnamed:data from the U.S. Department of Education",
                                  debt->text);
  EXPECT_EQ(debt->quote, "Student debt rose by a third");
  // An initial in a name inside the source, then the description after it.
  Document filed = Annotated(
      "The searches missed the records, according to a declaration filed in federal court by "
      "John F. Hackett, director of the Office of Information Programs.");
  const Claim* missed = ClaimWith(filed, "searches missed");
  ASSERT_NE(missed, nullptr);
  ASSERT_TRUE(missed->speaker.has_value());
  EXPECT_EQ(missed->speaker->mention.text,
            "a declaration filed in federal court by John F. Hackett, director of the Office of "
            "Information Programs");
  EXPECT_EQ(missed->quote, "The searches missed the records");
  // "$2,400" is one number: its comma does not end the description of the speaker.
  Document donor = Annotated(
      "\u201cI just liked what he said,\u201d said Hayati Camlica, who owns a repair shop and "
      "donated $2,400 to Ayotte on the same day.");
  const Claim* liked = ClaimWith(donor, "just liked");
  ASSERT_NE(liked, nullptr);
  ASSERT_TRUE(liked->speaker.has_value());
  EXPECT_EQ(liked->speaker->mention.text,
            "Hayati Camlica, who owns a repair shop and donated $2,400 to Ayotte on the same day");
}

TEST(Attribution, APluralNounAfterANumberOrDeterminerIsNoCue) {
  // "in all 50 states", "the next two states": the noun, not the verb "states".
  for (const char* text :
       {"The new poll of voters in all 50 states revealed wide support for third parties.",
        "Insiders in the next two states said Clinton must close the gap."}) {
    Document doc = Annotated(text);
    for (const Claim& c : doc.claims) {
      EXPECT_NE(c.cue, "states") << text;
    }
  }
  // The verb after a noun stays a cue.
  Document report = Annotated("The report states that Nvidia shipped the chips in March.");
  const Claim* c = ClaimWith(report, "shipped");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cue, "states");
}

TEST(Attribution, AddingASumIsNoRemark) {
  // "added around 292,000 jobs": an approximate number after "added" is a sum.
  Document doc = Annotated("The United States added around 292,000 jobs in December.");
  for (const Claim& c : doc.claims) {
    EXPECT_NE(c.cue, "added") << c.quote;
  }
}

TEST(Attribution, VotedInFavorOfIsTheVotersStance) {
  // The verb is part of the cue, not of the source phrase.
  Document doc =
      Annotated("Ultimately 54.6 percent of the electorate voted in favor of the export rules.");
  const Claim* c = ClaimWith(doc, "export rules");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cue, "voted in favor of");
  ASSERT_TRUE(c->speaker.has_value());
  EXPECT_EQ(c->speaker->mention.text.find("voted"), std::string::npos) << c->speaker->mention.text;
}

TEST(Attribution, SeeingOrViewingSomethingAsSomethingIsAView) {
  // "see X as Y": the plain forms of "sees" and "views" report a view held ...
  Document doc = Annotated(
      "Critics of the chip rules see the licence program as an opportunity to fix loopholes.");
  const Claim* c = ClaimWith(doc, "opportunity");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cue, "see");
  annotate_fixture::ExpectSpeaker(*c, "unnamed:Critics of the chip rules", c->text);
  EXPECT_EQ(c->quote, "the licence program as an opportunity to fix loopholes");
  // ... only with that "as", and not after "to" or a modal.
  for (const char* text : {"We will see what happens when the export vote comes.",
                           "Voters want to see the rules as law by spring.",
                           "Analysts see the same numbers every quarter."}) {
    Document other = Annotated(text);
    for (const Claim& claim : other.claims) {
      EXPECT_NE(claim.cue, "see") << text;
    }
  }
}

TEST(Attribution, AShareOfAGroupKeepsItsProportion) {
  // "Four in 10 voters" are not ten voters.
  Document doc = Annotated("Four in 10 voters say the export rules are too weak.");
  const Claim* c = ClaimWith(doc, "too weak");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "unnamed:Four in 10 voters", c->text);
}

TEST(Attribution, AnotherSourceAfterAndEndsWhatWasSaid) {
  // ", and a third said ...": another source and its own verb of saying.
  Document doc = Annotated(
      "Six in 10 voters said the chip rules are fair, and three-quarters said the same of the "
      "tariffs.");
  const Claim* c = ClaimWith(doc, "are fair");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote, "the chip rules are fair");
  // The speaker's own next verb after "and" is left alone here.
  Document same = Annotated(
      "Helen Toner has attacked loopholes that benefit smugglers, and has called for stricter "
      "licences.");
  const Claim* attacked = ClaimWith(same, "loopholes");
  ASSERT_NE(attacked, nullptr);
  EXPECT_NE(attacked->quote.find("called for"), std::string::npos) << attacked->quote;
}

TEST(Attribution, TheyAfterAPollIsThePeopleNotThePoll) {
  // "Polls show ... They ... they see": polls hold no views; the pronoun stays open.
  Document doc = Annotated(
      "Polls show that a large majority of voters believe the country is going in the wrong "
      "direction. They are hungry for change, and they see Nvidia as most likely to deliver it.");
  const Claim* show = ClaimWith(doc, "wrong direction");
  ASSERT_NE(show, nullptr);
  annotate_fixture::ExpectSpeaker(*show, "unnamed:Polls", show->text);
  for (const Claim& c : doc.claims) {
    if (c.cue == "see" && c.speaker) {
      EXPECT_EQ(c.speaker->name.find("Polls"), std::string::npos) << c.quote;
    }
  }
}

TEST(Attribution, ATextReadsTheQuotedWordsNextToIt) {
  // "the email reads, “...”": the words of a text ...
  Document doc = Annotated(
      "The email reads, \u201cFriend, let me be blunt. The chip rules will not hold.\u201d");
  const Claim* c = ClaimWith(doc, "be blunt");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cue, "reads");
  annotate_fixture::ExpectSpeaker(*c, "unnamed:The email", c->text);
  // ... but reading something out is no claim of the reader's.
  for (const char* text : {"As the judge read his decision on the chip smuggling case, the "
                           "defendant smiled.",
                           "Helen Toner read the words she had come to deliver to the panel."}) {
    Document other = Annotated(text);
    for (const Claim& claim : other.claims) {
      EXPECT_NE(claim.cue, "read") << text;
    }
  }
}

TEST(Attribution, CallingSomethingANameAfterAPluralSubject) {
  // "Critics call it ...": the plain form names what its object is ...
  Document doc = Annotated("Critics call it the enforcement of political correctness.");
  const Claim* c = ClaimWith(doc, "enforcement");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cue, "call");
  annotate_fixture::ExpectSpeaker(*c, "unnamed:Critics", c->text);
  // ... not a phone call, a call to come, nor a call on someone to act.
  for (const char* text : {"They will call him tomorrow about the export rules.",
                           "The phone call lasted an hour, officials said later.",
                           "Lawmakers call on Congress to tighten the chip rules."}) {
    Document other = Annotated(text);
    for (const Claim& claim : other.claims) {
      EXPECT_NE(claim.cue, "call") << text;
    }
  }
}

TEST(Attribution, APollIsTheSourceOfWhatIsFoundInIt) {
  // "In a poll, ...": the poll phrase before the comma, with its participle, is the source.
  Document doc = Annotated(
      "In the latest Washington Post-ABC News poll, conducted in May, Nvidia led AMD 47 "
      "percent to 39 percent among chip buyers.");
  const Claim* c = ClaimWith(doc, "led AMD");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cue, "in");
  annotate_fixture::ExpectSpeaker(
      *c, "unnamed:the latest Washington Post-ABC News poll, conducted in May", c->text);
  EXPECT_EQ(c->quote, "Nvidia led AMD 47 percent to 39 percent among chip buyers");
  // At the sentence's end, a standing in the race.
  Document lead = Annotated("Helen Toner has a decisive lead in the polls.");
  const Claim* l = ClaimWith(lead, "decisive lead");
  ASSERT_NE(l, nullptr);
  annotate_fixture::ExpectSpeaker(*l, "unnamed:the polls", l->text);
  EXPECT_EQ(l->quote, "Helen Toner has a decisive lead");
  // Not other phrases with "in", nor a poll that only locates something.
  for (const char* text :
       {"In 2012, Obama won the state by a wide margin.",
        "Clinton held a lead among voters in polling stations statewide.",
        "The senator's influence grew steadily in the polls.", "In the polls, anyway.",
        "The tycoon met Trump, who leads in opinion polls of Republican voters.",
        "The chip rules, he told Reuters, lead in opinion polls of voters."}) {
    Document other = Annotated(text);
    for (const Claim& claim : other.claims) {
      EXPECT_NE(claim.cue, "in") << text;
    }
  }
}

TEST(Attribution, AnUnknownAgencyWithAPerfectSpeaks) {
  // "The FBI has said": the auxiliary between the acronym and its verb.
  for (const char* text : {"The FBI has said that the chip rules work.",
                           "The F.B.I. has said that the chip rules work.",
                           "The NAACP has long argued that the chip rules work."}) {
    Document doc = Annotated(text);
    const Claim* c = ClaimWith(doc, "rules work");
    ASSERT_NE(c, nullptr) << text;
    ASSERT_TRUE(c->speaker) << text;
    EXPECT_EQ(c->speaker->type, "organization") << text;
    EXPECT_EQ(c->quote, "the chip rules work") << text;
  }
}

TEST(Attribution, ANewSubjectAfterButOrAndEndsWhatWasSaid) {
  // ", but he hasn't endorsed her": a pronoun and a negated auxiliary.
  Document but = Annotated(
      "Helen Toner has said she will back the rules, but she hasn't "
      "endorsed the tariffs.");
  const Claim* c = ClaimWith(but, "back the rules");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote, "she will back the rules");
  // "and others have said ...": another source with a perfect, no comma needed.
  Document others = Annotated(
      "Many lawmakers have said they will not attend the hearing and "
      "others have said they are not interested in the rules.");
  const Claim* o = ClaimWith(others, "not attend");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->quote, "they will not attend the hearing");
  // "— and thinks ...": a dash before "and" as a comma.
  Document dash = Annotated(
      "Six in 10 voters said the rules hold \u2014 and three-quarters "
      "said the same of the tariffs.");
  const Claim* d = ClaimWith(dash, "rules hold");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->quote, "the rules hold");
  // The speaker's own second verb stays: ", but couldn't provide them".
  Document own = Annotated(
      "Helen Toner added that smugglers had moved the chips, but couldn't "
      "provide the records.");
  const Claim* a = ClaimWith(own, "smugglers");
  ASSERT_NE(a, nullptr);
  EXPECT_NE(a->quote.find("couldn't provide"), std::string::npos) << a->quote;
}

TEST(Attribution, ProponentsDetractorsAndAnalysesAreSources) {
  for (const char* text :
       {"Proponents say the chip rules work.", "Skeptics say the chip rules work.",
        "Its defenders say the chip rules work.", "Independent analyses agree the chip rules work.",
        "Polling averages show the chip rules work."}) {
    Document doc = Annotated(text);
    const Claim* c = ClaimWith(doc, "rules work");
    ASSERT_NE(c, nullptr) << text;
    ASSERT_TRUE(c->speaker) << text;
    EXPECT_EQ(c->speaker->type, "unnamed") << text;
  }
}

TEST(Attribution, AnIncludingPhraseDescribesTheSource) {
  // "Proponents, including the US Conference of Mayors, have urged": the source's own list.
  Document doc = Annotated(
      "Proponents, including the United States Conference of Mayors, have urged Congress to "
      "leave the chip rules intact.");
  const Claim* c = ClaimWith(doc, "intact");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(
      *c, "unnamed:Proponents, including the United States Conference of Mayors", c->text);
  // Going bankrupt is no declaration.
  Document bankrupt =
      Annotated("One after another, mining companies, including Patriot, declared bankruptcy.");
  for (const Claim& claim : bankrupt.claims) {
    EXPECT_NE(claim.cue, "declared") << claim.quote;
  }
}

TEST(Attribution, AWithClauseOfAnotherNamedSourceEndsWhatWasSaid) {
  // ", with RealClearPolitics showing her ahead": another source and its participle.
  Document doc = Annotated(
      "Polling averages show Nvidia with a lead in the low single digits, with RealClearPolitics "
      "showing it ahead 3 points.");
  const Claim* c = ClaimWith(doc, "single digits");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote, "Nvidia with a lead in the low single digits");
  // Not more of the same finding ("with 13 percent supporting another candidate").
  Document more = Annotated(
      "The latest poll shows Nvidia leading AMD 44 percent to 37 percent, with 13 percent "
      "supporting another chipmaker.");
  const Claim* m = ClaimWith(more, "leading AMD");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->quote.find("13 percent"), std::string::npos) << m->quote;
}

TEST(Attribution, AnAsClauseWithACapitalisedSubjectIsTheWriters) {
  // "... as Pyongyang fired three missiles": an unknown capitalised subject and its verb.
  Document doc = Annotated(
      "Helen Toner condemned the latest chip shipment as Pyongyang fired three missiles into "
      "the sea.");
  const Claim* c = ClaimWith(doc, "chip shipment");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quote, "the latest chip shipment");
}

TEST(Attribution, EvenBeforeTheSubjectOpensTheSentence) {
  // "Even China, ..., said ... and warned ...": the second verb shares the subject.
  Document doc = Annotated(
      "Even China, Pyongyang's only ally, said it was opposed to the test and warned North "
      "Korea to refrain from further actions.");
  const Claim* c = ClaimWith(doc, "refrain");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cue, "warned");
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "China");
}

TEST(Attribution, ALongOpeningAdjunctComesBeforeTheSubject) {
  // Up to 14 words of "In ..." before the comma; the participle's subject follows it.
  Document doc = Annotated(
      "In a widely read column in the day before the export vote, two speechwriters implored "
      "her to bring it back, arguing that it rattled Nvidia.");
  const Claim* c = ClaimWith(doc, "rattled");
  ASSERT_NE(c, nullptr);
  annotate_fixture::ExpectSpeaker(*c, "unnamed:two speechwriters", c->text);
  EXPECT_EQ(c->quote, "it rattled Nvidia");
  // A shared subject far before its second verb: the words after that verb, not the adjunct.
  Document shared = Annotated(
      "In one memorable moment after the primary in February, Helen Toner declared on national "
      "television that the rules work and asked for people to back the export controls.");
  const Claim* asked = ClaimWith(shared, "people to back");
  ASSERT_NE(asked, nullptr);
  EXPECT_EQ(asked->quote.find("memorable"), std::string::npos) << asked->quote;
  // "since announcing her decision": the participle's object, not the words before it.
  Document since = Annotated(
      "In the six months since announcing her decision in New York, Helen Toner had waged a "
      "charm offensive.");
  for (const Claim& claim : since.claims) {
    EXPECT_EQ(claim.quote.find("six months"), std::string::npos) << claim.quote;
  }
  // "feel-good value": a cue word in a compound is none.
  Document compound = Annotated(
      "Yet for all the symbolism and feel-good value of the rules, some lawmakers privately "
      "express reservations about them.");
  for (const Claim& claim : compound.claims) {
    EXPECT_NE(claim.cue, "feel") << claim.quote;
  }
}

}  // namespace
}  // namespace claimdex
