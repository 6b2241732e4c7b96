#include "extract/entities.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>

namespace claimdex {
namespace {

KbEntity Kb(std::string id, std::string name, std::string type,
            std::vector<std::string> aliases = {}, std::vector<std::string> roles = {}) {
  KbEntity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = std::move(type);
  e.aliases = std::move(aliases);
  e.roles = std::move(roles);
  return e;
}

std::vector<KbEntity> TestKb() {
  return {Kb("helen-toner", "Helen Toner", "person", {}, {"CSET director"}),
          Kb("jensen-huang", "Jensen Huang", "person", {"Jansen Huang"}),
          Kb("alex-karp", "Alex Karp", "person"),
          Kb("commerce", "Commerce Department", "government", {"Department of Commerce"}),
          Kb("us-commerce", "US Commerce Department", "government"),
          Kb("ann-lee", "Ann Lee", "person"),
          Kb("bo-lee", "Bo Lee", "person"),
          Kb("openai", "OpenAI", "organization"),
          Kb("marco-rubio", "Marco Rubio", "person", {"Rubio"}),
          Kb("united-states", "United States", "place", {"Washington"})};
}

struct Found {
  std::string id;
  std::string text;
  std::string via;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << f.id << "/" << f.text << "/" << f.via;
}

std::vector<Found> Mentions(const std::string& text) {
  static const EntityMatcher matcher(TestKb());
  std::vector<Token> tokens = Tokenize(text);
  EntityMatches m = matcher.Find(text, tokens);
  std::vector<Found> out;
  for (const EntityMention& mention : m.mentions) {
    size_t b = tokens[mention.first].start;
    size_t e = tokens[mention.last - 1].end;
    out.push_back(
        {m.entities[static_cast<size_t>(mention.entity)].id, text.substr(b, e - b), mention.via});
  }
  return out;
}

const EntityRecord* NewPerson(const std::string& text, const std::string& id) {
  static const EntityMatcher matcher(TestKb());
  static EntityMatches m;
  m = matcher.Find(text, Tokenize(text));
  for (const EntityRecord& e : m.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

TEST(Tokenize, KeepsApostrophesInsideWordsAndStripsPossessive) {
  std::vector<Token> t = Tokenize("Toner\u2019s view doesn't change.");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].fold, "toner's");
  EXPECT_EQ(t[0].base, "toner");
  EXPECT_TRUE(t[0].capitalized);
  EXPECT_EQ(t[2].fold, "doesn't");
  EXPECT_FALSE(t[4].word);
}

TEST(Tokenize, KeepsNumbersWhole) {
  // A comma or full stop between digits is the number's; after it, with a space, its own.
  std::vector<Token> t = Tokenize("gave $2,400, then 3.5 percent in 2016.");
  std::vector<std::string> folds;
  for (const Token& token : t) folds.push_back(token.fold);
  EXPECT_EQ(folds, (std::vector<std::string>{"gave", "$", "2,400", ",", "then", "3.5", "percent",
                                             "in", "2016", "."}));
}

TEST(Tokenize, FoldsCaseAndCompatibilityForms) {
  std::vector<Token> t = Tokenize("\u00c9COLE \uff2e\uff36\uff29\uff24\uff29\uff21");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].fold, "\u00e9cole");
  EXPECT_EQ(t[1].fold, "nvidia");
}

TEST(Slug, LowerCaseAsciiWithHyphens) {
  EXPECT_EQ(Slug("Jane O'Doe"), "jane-o-doe");
  EXPECT_EQ(Slug("Martin  Chorzempa"), "martin-chorzempa");
}

TEST(EntityMatcher, LongestMatchWins) {
  EXPECT_EQ(Mentions("The US Commerce Department said no."),
            (std::vector<Found>{{"us-commerce", "US Commerce Department", "name"}}));
}

TEST(EntityMatcher, MatchesAliasesCaseInsensitively) {
  EXPECT_EQ(Mentions("Officials at the department of commerce agreed."),
            (std::vector<Found>{{"commerce", "department of commerce", "alias"}}));
}

TEST(EntityMatcher, MisspellingListedAsAlias) {
  EXPECT_EQ(Mentions("Jansen Huang met them."),
            (std::vector<Found>{{"jensen-huang", "Jansen Huang", "alias"}}));
}

TEST(EntityMatcher, SurnameAfterFullNameAndPossessive) {
  EXPECT_EQ(Mentions("Helen Toner spoke. Toner\u2019s point stood."),
            (std::vector<Found>{{"helen-toner", "Helen Toner", "name"},
                                {"helen-toner", "Toner\u2019s", "surname"}}));
}

TEST(EntityMatcher, UnambiguousSurnameAloneIsEnough) {
  EXPECT_EQ(Mentions("Karp disagreed."), (std::vector<Found>{{"alex-karp", "Karp", "surname"}}));
}

TEST(EntityMatcher, SharedSurnameNeedsTheFullName) {
  EXPECT_TRUE(Mentions("Lee disagreed.").empty());
  EXPECT_EQ(Mentions("Bo Lee spoke. Lee disagreed."),
            (std::vector<Found>{{"bo-lee", "Bo Lee", "name"}, {"bo-lee", "Lee", "surname"}}));
}

TEST(EntityMatcher, ASurnameTheKnowledgeBaseAloneHasGoesToThePersonTheTextNames) {
  // The text names Marty Karp in full and never Alex Karp: the bare "Karp" is Marty.
  std::vector<Found> found =
      Mentions("Marty Karp, an education professor at Harvard, spoke. Karp said it worked.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "Marty Karp");
  EXPECT_EQ(found[1], (Found{found[0].id, "Karp", "surname"}));
  EXPECT_NE(found[0].id, "alex-karp");
  // Named in full, the knowledge-base person keeps the surname.
  EXPECT_EQ(Mentions("Alex Karp spoke. Karp said it worked.").back(),
            (Found{"alex-karp", "Karp", "surname"}));
}

TEST(EntityMatcher, ASurnameAliasYieldsToThePersonTheTextNames) {
  // "Rubio" is Marco Rubio's alias; a text that names only Luis Rubio means Luis.
  std::vector<Found> found =
      Mentions("Luis Rubio, an analyst in Mexico City, spoke. Mr. Rubio said it worked.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], (Found{"luis-rubio", "Luis Rubio", "name"}));
  EXPECT_EQ(found[1].id, "luis-rubio");
  // Named in full, the knowledge-base person keeps it.
  EXPECT_EQ(Mentions("Marco Rubio spoke. Rubio said it worked.").back().id, "marco-rubio");
}

TEST(EntityMatcher, AKnowledgeBaseSurnameAfterAFirstNameAndInitialIsAnotherPerson) {
  std::vector<Found> found = Mentions("It worked, said Marty C. Karp. Karp said so.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], (Found{"marty-c-karp", "Marty C. Karp", "name"}));
  EXPECT_EQ(found[1].id, "marty-c-karp");
  // A surname that is a knowledge-base alias ("Rubio") likewise.
  EXPECT_EQ(Mentions("It worked, said Luis C. Rubio.").front(),
            (Found{"luis-c-rubio", "Luis C. Rubio", "name"}));
}

TEST(EntityMatcher, ANameJoinedByAndToAVouchedNameIsAPersonToo) {
  EXPECT_EQ(Mentions("Todd Rogers and Adan Acevedo said it."),
            (std::vector<Found>{{"todd-rogers", "Todd Rogers", "name"},
                                {"adan-acevedo", "Adan Acevedo", "name"}}));
  // Not a word that only looks like a name: one word joined is no one.
  EXPECT_EQ(Mentions("Rogers and Adan Acevedo said it."),
            (std::vector<Found>{{"adan-acevedo", "Adan Acevedo", "name"}}));
}

TEST(EntityMatcher, AnAdverbBetweenANameAndItsSpeechVerbStillVouches) {
  EXPECT_EQ(Mentions("Fight doctor Ferdie Pacheco once said it."),
            (std::vector<Found>{{"ferdie-pacheco", "Ferdie Pacheco", "name"}}));
  // A form of "be" is no such adverb: "was told" makes no speaker.
  EXPECT_TRUE(Mentions("Fight doctor Ferdie Pacheco was told it.").empty());
}

TEST(EntityMatcher, TwoSurnamesAfterAMiddleInitial) {
  EXPECT_EQ(Mentions("Julie A. Diaz Martinez said it."),
            (std::vector<Found>{{"julie-a-diaz-martinez", "Julie A. Diaz Martinez", "name"}}));
  // A suffix is no second surname.
  EXPECT_EQ(Mentions("Charles B. Rangel Jr. said it."),
            (std::vector<Found>{{"charles-b-rangel-jr", "Charles B. Rangel Jr.", "name"}}));
}

TEST(EntityMatcher, ATwoWordSurnameIsThePersonNamedWithIt) {
  std::vector<Found> found =
      Mentions("Debbie Wasserman Schultz, a congresswoman, spoke. Wasserman Schultz said it.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, "debbie-wasserman-schultz");
  EXPECT_EQ(found[1].id, "debbie-wasserman-schultz");
  EXPECT_EQ(found[1].text, "Wasserman Schultz");
  // Named in full with nothing vouching for the full name, then by the surname alone.
  found = Mentions("Jane Van Roe and others met. Van Roe said it.");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back(), (Found{"jane-van-roe", "Van Roe", "name"}));
  // Only a first name opens a full name ("Deport Wasserman Schultz" is a headline's words),
  // and a first name and a surname are someone's own full name.
  found = Mentions("Deport Wasserman Schultz, a lawyer, spoke. Wasserman Schultz said it.");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back().id, "wasserman-schultz");
  found = Mentions("Mark Hillary Roe, a lawyer, spoke. Hillary Roe said it.");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back().id, "hillary-roe");
}

TEST(EntityMatcher, AHeadlinesWordBeforeAKnownFirstNameIsNotTheName) {
  std::vector<Found> found = Mentions(
      "Trump Makes Announcement For Speech Against \u2018Crooked Hillary Roe.\u2019\n\n"
      "Hillary Roe and others met on Monday. Roe said the rules work.");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back(), (Found{"hillary-roe", "Roe", "surname"}));
}

TEST(EntityMatcher, LowerCaseWordIsNotAPerson) {
  EXPECT_TRUE(Mentions("They karp about it.").empty());
}

TEST(EntityMatcher, RoleNounNeedsDefiniteArticle) {
  EXPECT_EQ(Mentions("the CSET director agreed"),
            (std::vector<Found>{{"helen-toner", "CSET director", "role"}}));
}

TEST(EntityMatcher, UnknownPersonWithAppositiveRole) {
  std::string text = "Martin Chorzempa, a senior fellow at the Peterson Institute, disagreed.";
  const EntityRecord* e = NewPerson(text, "martin-chorzempa");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Martin Chorzempa");
  EXPECT_EQ(e->type, "person");
  EXPECT_EQ(e->role, "senior fellow at the Peterson Institute");
  EXPECT_FALSE(e->from_kb);
}

TEST(EntityMatcher, UnknownPersonWithTitle) {
  const EntityRecord* e = NewPerson("Commerce Secretary Howard Lutnick spoke.", "howard-lutnick");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->role, "Commerce Secretary");
}

TEST(EntityMatcher, UnknownPersonNextToSpeechVerbThenSurname) {
  EXPECT_EQ(Mentions("\u201cNo,\u201d said Jane Doe. Later Doe left."),
            (std::vector<Found>{{"jane-doe", "Jane Doe", "name"}, {"jane-doe", "Doe", "surname"}}));
}

TEST(EntityMatcher, DashAfterAQuoteSignsItWithAName) {
  EXPECT_NE(
      NewPerson("\u201cWe need change.\u201d \u2015 Sonya Herridge\n\nNext.", "sonya-herridge"),
      nullptr);
  EXPECT_NE(NewPerson("\u201cWe need change.\u201d\u2014 Carla Sanchez.", "carla-sanchez"),
            nullptr);
  // A dash inside narration, or a name that runs on into a sentence, vouches for nothing.
  EXPECT_EQ(NewPerson("The vote \u2014 Silver Bullet theory aside \u2014 passed.", "silver-bullet"),
            nullptr);
  EXPECT_EQ(NewPerson("\u201cNo.\u201d \u2014 Silver Bullet theory spread.", "silver-bullet"),
            nullptr);
}

TEST(EntityMatcher, AFirstNameAloneNamesAPersonWhoSpeaksTwice) {
  const EntityRecord* e = NewPerson(
      "\u201cHere he is,\u201d Melanie said. \u201cI would,\u201d Melanie said to the TV.", "melanie");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "person");
  EXPECT_EQ(e->gender, "female");
  // Once is not enough; a surname of someone named is no first name; nor is a word glued to
  // another capitalised one.
  EXPECT_EQ(NewPerson("\u201cHere he is,\u201d Melanie said.", "melanie"), nullptr);
  EXPECT_EQ(NewPerson("Jane Warren spoke. \u201cNo,\u201d Warren said. \u201cYes,\u201d Warren said.",
                      "warren"),
            nullptr);
  // The one person of the text with that first name is who it is.
  EntityMatcher matcher(TestKb());
  std::string text = "Melanie Roe said it was late. \u201cNo,\u201d Melanie said.";
  EntityMatches m = matcher.Find(text, Tokenize(text));
  int roe = -1;
  for (size_t k = 0; k < m.entities.size(); ++k) {
    if (m.entities[k].id == "melanie-roe") roe = static_cast<int>(k);
    EXPECT_NE(m.entities[k].id, "melanie");
  }
  ASSERT_GE(roe, 0);
  int mentions = 0;
  for (const EntityMention& mention : m.mentions) mentions += mention.entity == roe;
  EXPECT_EQ(mentions, 2);
}

TEST(EntityMatcher, ACapitalInsideOneWordBeforeASpeechVerbIsABrand) {
  const EntityRecord* e = NewPerson("\u201cFollow the stream,\u201d PolitiFact says.", "politifact");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "organization");
  e = NewPerson("On Monday, BuzzFeed reported that the rules leaked.", "buzzfeed");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "organization");
  // Surname and first-name prefixes are no brand.
  EXPECT_EQ(NewPerson("\u201cNo,\u201d DuVernay said.", "duvernay"), nullptr);
  EXPECT_EQ(NewPerson("\u201cNo,\u201d DeShawn said.", "deshawn"), nullptr);
  EXPECT_EQ(NewPerson("\u201cNo,\u201d MacArthur said.", "macarthur"), nullptr);
}

TEST(EntityMatcher, GenerationalSuffixBelongsToTheName) {
  const EntityRecord* e = NewPerson(
      "\u201cNo,\u201d Vann R. Newkirk II, a writer, said.", "vann-r-newkirk-ii");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Vann R. Newkirk II");
  e = NewPerson("Martin Luther King Jr. said that the arc is long.", "martin-luther-king-jr");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Martin Luther King Jr.");
  // A full stop after the suffix that ends a sentence stays out of the name.
  e = NewPerson("\u201cNo,\u201d said Ronald Roe Jr. He left.", "ronald-roe-jr");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Ronald Roe Jr");
}

TEST(EntityMatcher, MiddleInitialBelongsToTheName) {
  const EntityRecord* e =
      NewPerson("\u201cNo,\u201d said Ronald R. Fieldstone.", "ronald-r-fieldstone");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Ronald R. Fieldstone");
  // An initial that ends a line is no middle initial.
  EXPECT_EQ(NewPerson("Plan B.\nRonald said no.", "plan-b-ronald"), nullptr);
}

TEST(EntityMatcher, CapitalisedPairWithoutEvidenceIsNoPerson) {
  EXPECT_EQ(NewPerson("Silver Bullet theory spread.", "silver-bullet"), nullptr);
}

TEST(EntityMatcher, UnknownOrganisationAsSubjectOfSpeechVerb) {
  const EntityRecord* e = NewPerson("Palantir Technologies said no.", "palantir-technologies");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "organization");
  const EntityRecord* acronym = NewPerson("The NAACP said no.", "naacp");
  ASSERT_NE(acronym, nullptr);
  EXPECT_EQ(acronym->name, "NAACP");
  EXPECT_EQ(NewPerson("Palantir Technologies grew.", "palantir-technologies"), nullptr);
}

TEST(EntityMatcher, GroupsAndOrganisationTailsAreNoPeople) {
  EXPECT_EQ(NewPerson("Most Cuban Americans said they would vote.", "cuban-americans"), nullptr);
  EXPECT_EQ(NewPerson("The Association of Flight Attendants said it would strike.",
                      "flight-attendants"),
            nullptr);
  EXPECT_NE(NewPerson("Maria Lopez said she would vote.", "maria-lopez"), nullptr);
  // A long -ly adverb opening the sentence is no first name; "Beverly" is.
  EXPECT_EQ(NewPerson("Interestingly Okafor said she would vote.", "interestingly-okafor"),
            nullptr);
  EXPECT_NE(NewPerson("Beverly Okafor said she would vote.", "beverly-okafor"), nullptr);
  EXPECT_EQ(NewPerson("The House Majority PAC said it would spend more.", "majority-pac"),
            nullptr);
  // A preposition opening the sentence ("Outside Carrier's plant, a worker said ...").
  EXPECT_EQ(NewPerson("Workers at Okafor make furnaces. Outside Okafor's plant on Galeana Street, a "
                      "worker likes his job. Okafor said it will return public money.",
                      "outside-okafor"),
            nullptr);
  // Words that open place names ("in the suburb of Santa Catarina").
  EXPECT_EQ(NewPerson("A worker in the suburb of Santa Catarina said he liked the job.",
                      "santa-catarina"),
            nullptr);
}

TEST(EntityMatcher, OneWordPlaceInsideALongerNameIsNoPlace) {
  EXPECT_EQ(Mentions("The rules were fine, according to the Washington Post."),
            (std::vector<Found>{{"washington-post", "Washington Post", "name"}}));
  EXPECT_EQ(Mentions("Officials in Washington agreed."),
            (std::vector<Found>{{"united-states", "Washington", "alias"}}));
  // A newspaper word after it, or a word in capitals after a place in capitals.
  EXPECT_EQ(Mentions("A reporter for Washington Today spotted her."), std::vector<Found>{});
  EXPECT_EQ(Mentions("WASHINGTON TODAY reported the deal."),
            (std::vector<Found>{{"washington-today", "WASHINGTON TODAY", "name"}}));
}

TEST(EntityMatcher, OneWordAliasOfAPersonInsideAnotherNameIsNotThatPerson) {
  EXPECT_EQ(Mentions("Luis Rubio said no."),
            (std::vector<Found>{{"luis-rubio", "Luis Rubio", "name"}}));
  EXPECT_EQ(Mentions("Rubio said no."), (std::vector<Found>{{"marco-rubio", "Rubio", "alias"}}));
}

TEST(EntityMatcher, InitialsOpenAName) {
  EXPECT_EQ(Mentions("Rep. G.K. Butterfield said no."),
            (std::vector<Found>{{"g-k-butterfield", "G.K. Butterfield", "name"}}));
}

TEST(EntityMatcher, TitleElsewhereVouchesForOneWordNameNextToASpeechVerb) {
  EXPECT_EQ(Mentions("President Obama arrived. Obama said no."),
            (std::vector<Found>{{"obama", "Obama", "name"}, {"obama", "Obama", "name"}}));
  // Without a speech verb anywhere, a title alone does not make a person.
  EXPECT_EQ(Mentions("President Obama arrived."), (std::vector<Found>{}));
}

TEST(EntityMatcher, HonorificOfTheOtherGenderKeepsASurnameFromAWomanNamedOnce) {
  // "Mr. Obama" and "President Obama" are not "the first lady, Michelle Obama".
  std::vector<Found> found = Mentions(
      "President Obama said no. The campaign will employ the first lady, Michelle Obama, too. "
      "Mr. Obama said yes.");
  for (const Found& f : found) {
    if (f.id == "michelle-obama") {
      EXPECT_EQ(f.text, "Michelle Obama") << f;
    }
  }
  EXPECT_NE(std::find(found.begin(), found.end(), Found{"obama", "Obama", "name"}), found.end());
}

TEST(EntityMatcher, CalledVouchesForTheNameBeforeItNotTheObjectAfter) {
  EXPECT_EQ(Mentions("Lawrence Cummings called the deal a master stroke."),
            (std::vector<Found>{{"lawrence-cummings", "Lawrence Cummings", "name"}}));
  EXPECT_EQ(Mentions("She called Wells Fargo's behavior outrageous."), (std::vector<Found>{}));
}

TEST(EntityMatcher, IndefinitePronounsOpenNoName) {
  EXPECT_EQ(Mentions("Everything Trump says is a lie."), (std::vector<Found>{}));
}

TEST(EntityMatcher, DottedAcronymBeforeASpeechVerbIsAnOrganisation) {
  EXPECT_EQ(Mentions("The S.E.C. said it would act."),
            (std::vector<Found>{{"s-e-c", "S.E.C.", "name"}}));
  EXPECT_EQ(Mentions("The U.S. said it would act."), (std::vector<Found>{}));
}

TEST(EntityMatcher, ATimeBetweenANameAndItsSpeechVerbStillVouchesForIt) {
  EXPECT_EQ(Mentions("The New York Times on Saturday wrote that the rules leaked."),
            (std::vector<Found>{{"new-york-times", "New York Times", "name"}}));
  EXPECT_EQ(Mentions("The New York Times just this month reported that the rules leaked."),
            (std::vector<Found>{{"new-york-times", "New York Times", "name"}}));
  // A title is no organisation's acronym: "Trump's potential VP then revealed".
  EXPECT_EQ(Mentions("The VP then revealed that the rules leaked."), (std::vector<Found>{}));
}

TEST(EntityMatcher, TheLastWordOfANewspapersNameIsTheNewspaper) {
  EXPECT_EQ(Mentions("The New York Times said the rules leaked. Later the Times wrote more."),
            (std::vector<Found>{{"new-york-times", "New York Times", "name"},
                                {"new-york-times", "Times", "alias"}}));
  // Not without "the" before it: "a Times article" is an adjective.
  EXPECT_EQ(Mentions("The New York Times said the rules leaked. A Times article agreed."),
            (std::vector<Found>{{"new-york-times", "New York Times", "name"}}));
}

TEST(EntityMatcher, WhatAccordingToCitesByNameIsAnOrganisation) {
  EXPECT_EQ(Mentions("It rose, according to Politico."),
            (std::vector<Found>{{"politico", "Politico", "name"}}));
  EXPECT_EQ(Mentions("It rose, according to the nonpartisan Congressional Budget Office."),
            (std::vector<Found>{{"congressional-budget-office", "Congressional Budget Office",
                                 "name"}}));
}

TEST(EntityMatcher, HonorificVouchesForOneWordName) {
  EXPECT_EQ(Mentions("Mr. Schultz said no."), (std::vector<Found>{{"schultz", "Schultz", "name"}}));
}

TEST(EntityMatcher, SpeechVerbVouchesForEarlierFullName) {
  EXPECT_EQ(Mentions("Hillary Clinton arrived. Clinton said no."),
            (std::vector<Found>{{"hillary-clinton", "Hillary Clinton", "name"},
                                {"hillary-clinton", "Clinton", "surname"}}));
  // Two full names share the surname: nobody is chosen.
  EXPECT_EQ(Mentions("Hillary Clinton and Bill Clinton arrived. Clinton said no."),
            (std::vector<Found>{}));
}

TEST(EntityMatcher, AnAgeBetweenCommasVouchesForAPerson) {
  // The age makes Sandra Paradis a person; the caption's unvouched "Sandy Paradis" no longer
  // leaves the bare surname with two full names to choose from.
  EXPECT_EQ(Mentions("Sandra Paradis, 78, arrived at noon. Jim Bennett and Sandy Paradis stood "
                     "outside. Later Paradis said no."),
            (std::vector<Found>{{"sandra-paradis", "Sandra Paradis", "name"},
                                {"sandra-paradis", "Paradis", "surname"}}));
  // A year is no age.
  EXPECT_EQ(Mentions("Ward Eight, 2016, was quiet."), (std::vector<Found>{}));
}

TEST(EntityMatcher, AKinOfANamedPersonVouchesForAPerson) {
  // "Ronald Reagan's daughter": a possessive name, then a word of kinship.
  EXPECT_EQ(Mentions("Patti Davis, Ronald Reagan's daughter, attacked the ad."),
            (std::vector<Found>{{"patti-davis", "Patti Davis", "name"},
                                {"ronald-reagan", "Ronald Reagan's", "name"}}));
  // A possessive name and a word of no kinship or title vouch for nobody.
  EXPECT_EQ(Mentions("Ward Eight, Acme's neighborhood, was quiet."), (std::vector<Found>{}));
}

TEST(EntityMatcher, ADescriptionWithATitleBeforeTheNameVouchesForAPerson) {
  EXPECT_EQ(Mentions("It was late, said the bureau's director, James B. Comey, on Monday."),
            (std::vector<Found>{{"james-b-comey", "James B. Comey", "name"}}));
  // The name goes on into lower-case words: a phrase, not a closed appositive.
  EXPECT_EQ(Mentions("It was late for the director, Wall Street analysts noted."),
            (std::vector<Found>{}));
}

TEST(EntityMatcher, ADescriptionsWordBeforeAFirstNameNamedElsewhereIsNotTheNames) {
  std::vector<Found> found = Mentions(
      "If Bernie Sanders or Ted Cruz wins, it matters. The uber-white Vermonter Bernie Sanders "
      "isn't a threat. On Sunday, Sanders announced his total.");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back(), (Found{"bernie-sanders", "Sanders", "surname"}));
  EXPECT_TRUE(std::find(found.begin(), found.end(),
                        Found{"bernie-sanders", "Bernie Sanders", "name"}) != found.end());
}

TEST(EntityMatcher, AQuotedNamesakeOfTheOtherSexDoesNotTakeTheSurname) {
  // Gabriela Lazar wrote nearby, but the text calls the bare Lazar "he": the man named first
  // keeps the surname.
  std::vector<Found> found = Mentions(
      "Marcel Lazar, 44, pleaded guilty. Lazar admitted the thefts. His wife, Gabriela "
      "Lazar, wrote to the court. In court, Lazar told agents that he guessed passwords.");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back(), (Found{"marcel-lazar", "Lazar", "surname"}));
}

TEST(EntityMatcher, MisspeltSurnameNextToSpeechVerbIsFuzzy) {
  EXPECT_EQ(
      Mentions("Alex Karp spoke. \u201cYes,\u201d Kalp said."),
      (std::vector<Found>{{"alex-karp", "Alex Karp", "name"}, {"alex-karp", "Kalp", "fuzzy"}}));
}

TEST(EntityMatcher, MisspeltLongSurnameMayDropOrDoubleALetter) {
  EntityMatcher matcher({Kb("howard-lutnick", "Howard Lutnick", "person")});
  auto fuzzy = [&](const std::string& text) {
    std::vector<Token> tokens = Tokenize(text);
    EntityMatches m = matcher.Find(text, tokens);
    std::vector<std::string> got;
    for (const EntityMention& mention : m.mentions) {
      if (mention.via != "fuzzy") continue;
      got.push_back(m.entities[static_cast<size_t>(mention.entity)].name + "/" +
                    text.substr(tokens[mention.first].start,
                                tokens[mention.last - 1].end - tokens[mention.first].start));
    }
    return got;
  };
  EXPECT_EQ(fuzzy("Howard Lutnick spoke. Lutnik said no."),
            (std::vector<std::string>{"Howard Lutnick/Lutnik"}));
  EXPECT_EQ(fuzzy("Howard Lutnick spoke. Luttnick said no."),
            (std::vector<std::string>{"Howard Lutnick/Luttnick"}));
  // Two letters off, or another first letter, is another name.
  EXPECT_TRUE(fuzzy("Howard Lutnick spoke. Lutnk said no.").empty());
  EXPECT_TRUE(fuzzy("Howard Lutnick spoke. Mutnick said no.").empty());
  // A person the text introduces, not the knowledge base, is found the same way.
  EXPECT_EQ(fuzzy("Tyresha McClenney, a voter, came to the rally. McLenney said it was late."),
            (std::vector<std::string>{"Tyresha McClenney/McLenney"}));
}

TEST(EntityMatcher, PartyAndStateTagMarksAPolitician) {
  EntityMatcher matcher(TestKb());
  auto people = [&](const std::string& text) {
    EntityMatches m = matcher.Find(text, Tokenize(text));
    std::vector<std::string> got;
    for (const EntityMention& mention : m.mentions) {
      const EntityRecord& e = m.entities[static_cast<size_t>(mention.entity)];
      if (e.type == "person") got.push_back(e.name);
    }
    return got;
  };
  EXPECT_EQ(people("Sens. Jane Roe (D-Mont.) and John Doe (R-La.) pressed the bank."),
            (std::vector<std::string>{"Jane Roe", "John Doe"}));
  EXPECT_EQ(people("Reps. Ann Poe (D-N.J.) and Bob Kay (I-Vt.) wrote to the agency."),
            (std::vector<std::string>{"Ann Poe", "Bob Kay"}));
  // Other words in parentheses vouch for nobody.
  EXPECT_TRUE(people("Acme Holdings (NYSE: ACME) and Bolt Motors (2019) were sold.").empty());
}

TEST(EntityMatcher, ShortSurnameMustKeepItsLength) {
  // "Rubo" is one letter short of Rubio, but under six letters a dropped letter makes
  // another name too often.
  EXPECT_EQ(Mentions("Marco Rubio spoke. Rubo said no."),
            (std::vector<Found>{{"marco-rubio", "Marco Rubio", "name"}}));
}

TEST(EntityMatcher, FamilyNameFirstAliasIsTheSurname) {
  EntityMatcher matcher({Kb("liang-wenfeng", "Liang Wenfeng", "person", {"Liang"}),
                         Kb("liang-other", "Mei Liang", "person")});
  std::string text = "Liang Wenfeng founded the lab. Liang said it was hard. Wenfeng left.";
  std::vector<Token> tokens = Tokenize(text);
  EntityMatches m = matcher.Find(text, tokens);
  std::vector<std::string> got;
  for (const EntityMention& mention : m.mentions) {
    got.push_back(m.entities[static_cast<size_t>(mention.entity)].id + "/" +
                  text.substr(tokens[mention.first].start,
                              tokens[mention.last - 1].end - tokens[mention.first].start) +
                  "/" + mention.via);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"liang-wenfeng/Liang Wenfeng/name",
                                           "liang-wenfeng/Liang/surname"}));
  EXPECT_EQ(m.entities[0].surname, "liang");
  EXPECT_EQ(m.entities[1].surname, "liang");
}

TEST(EntityMatcher, SharedFamilyNameFirstNeedsTheFullName) {
  EntityMatcher matcher({Kb("liang-wenfeng", "Liang Wenfeng", "person", {"Liang"}),
                         Kb("liang-other", "Mei Liang", "person")});
  std::string text = "Liang said it was hard.";
  EXPECT_TRUE(matcher.Find(text, Tokenize(text)).mentions.empty());
}

// Each person mention of `text` as the person's name, with "/" and the mention's text when
// `with_text`.
std::vector<std::string> People(const std::string& text, bool with_text) {
  static const EntityMatcher matcher(TestKb());
  std::vector<Token> tokens = Tokenize(text);
  EntityMatches m = matcher.Find(text, tokens);
  std::vector<std::string> got;
  for (const EntityMention& mention : m.mentions) {
    const EntityRecord& e = m.entities[static_cast<size_t>(mention.entity)];
    if (e.type != "person") continue;
    std::string name = e.name;
    if (with_text) {
      size_t b = tokens[mention.first].start;
      name.append("/").append(text, b, tokens[mention.last - 1].end - b);
    }
    got.push_back(name);
  }
  return got;
}

TEST(EntityMatcher, PersonNameLeavesOutOwnerPartyAndTitleEnd) {
  auto people = [](const std::string& text) { return People(text, true); };
  using V = std::vector<std::string>;
  // An outlet or place before a possessive owns the person; the mention keeps what was written.
  EXPECT_EQ(people("\"That would be a mistake,\" CNN's Gloria Borger said."),
            (V{"Gloria Borger/CNN's Gloria Borger"}));
  EXPECT_EQ(people("It was late, noted NBC\u2019s Dante Chinni."),
            (V{"Dante Chinni/NBC\u2019s Dante Chinni"}));
  // A party, the end of a title, or a "-based" place before a known first name.
  EXPECT_EQ(people("Democrat Hillary Clinton said the plan works."),
            (V{"Hillary Clinton/Democrat Hillary Clinton"}));
  EXPECT_EQ(people("The RNC Chief of Staff Katie Walsh wrote that it was over."),
            (V{"Katie Walsh/Staff Katie Walsh"}));
  EXPECT_EQ(people("Texas-based Matt Mackowiak said the race was over."),
            (V{"Matt Mackowiak/Texas-based Matt Mackowiak"}));
  // A three-word name whose first word is no known first name stays whole.
  EXPECT_EQ(people("Billie Jean King said the match was long."),
            (V{"Billie Jean King/Billie Jean King"}));
  // One word left after the owner, or a description ending in a party, is nobody's name.
  EXPECT_TRUE(people("Mr. Trump's RT appearance drew fire, and RT said so.").empty());
  EXPECT_TRUE(people("The South Carolina Republican admitted that it was late.").empty());
  EXPECT_TRUE(people("Purple PAC's Crane said it was wrong.").empty());
  // "whose" is said of people; surnames ending in -elly, -olly or -fly are no adverbs.
  EXPECT_EQ(people("Phyllis Schlafly, whose campaigns shaped politics, died on Monday."),
            (V{"Phyllis Schlafly/Phyllis Schlafly"}));
  EXPECT_EQ(people("\"It is unfair,\" said Senator Joe Donnelly of Indiana."),
            (V{"Joe Donnelly/Joe Donnelly"}));
  EXPECT_TRUE(people("Interestingly Blocher continued to speak.").empty());
  // The end of an outlet's name glued to a surname does not hide it.
  EXPECT_EQ(people("Marco Rubio spoke. At a meeting with the Washington Post Rubio said no."),
            (V{"Marco Rubio/Marco Rubio", "Marco Rubio/Rubio"}));
}

TEST(EntityMatcher, KnownFirstNameBeforeAnyLowerCaseWordIsAPerson) {
  auto people = [](const std::string& text) { return People(text, false); };
  using V = std::vector<std::string>;
  // Its verb, whatever it is, or a noun it qualifies.
  EXPECT_EQ(people("Ted Cruz is drawing sharp contrasts with the front-runner."), (V{"Ted Cruz"}));
  EXPECT_EQ(people("Bernie Sanders spoke in Vermont."), (V{"Bernie Sanders"}));
  EXPECT_EQ(people("The Bernie Sanders campaign spent more."), (V{"Bernie Sanders"}));
  EXPECT_EQ(people("Ben Carson is a retired neurosurgeon."), (V{"Ben Carson"}));
  EXPECT_EQ(people("Carly Fiorina endorsed the senator."), (V{"Carly Fiorina"}));
  // Not a name whose first word is no known first name, nor one before a conjunction.
  EXPECT_TRUE(people("Wells Fargo is drawing sharp contrasts with its rivals.").empty());
  EXPECT_TRUE(people("Hillary Clinton and Bill Clinton arrived.").empty());
  // A contraction is no part of a name.
  EXPECT_TRUE(
      people("Other than Jim Eastland I\u2019ve presided over more nominees than anyone.").empty());
  EXPECT_TRUE(people("Other than Jim Eastland I've presided over more nominees.").empty());
}

}  // namespace
}  // namespace claimdex
