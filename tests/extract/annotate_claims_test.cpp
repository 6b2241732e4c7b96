// Quote shapes, speaker resolution and the never-guess rule, through the public Annotator.
#include <gtest/gtest.h>

#include <string>

#include "corpus/document.h"
#include "corpus/profile.h"
#include "extract/annotate.h"
#include "tests/extract/annotate_fixture.h"

namespace claimdex {
namespace {

using annotate_fixture::Annotated;
using annotate_fixture::ClaimWith;

struct ShapeCase {
  const char* text;
  const char* fragment;  // identifies the claim
  const char* speaker;   // entity id, "" for no speaker
  const char* kind;
  const char* cue;
};

class QuoteShapes : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(QuoteShapes, FindsSpeakerKindAndCue) {
  const ShapeCase& c = GetParam();
  Document doc = Annotated(c.text);
  const Claim* claim = ClaimWith(doc, c.fragment);
  ASSERT_NE(claim, nullptr) << c.text;
  annotate_fixture::ExpectSpeaker(*claim, c.speaker, c.text);
  EXPECT_EQ(claim->kind, c.kind);
  EXPECT_EQ(claim->cue, c.cue);
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, QuoteShapes,
    ::testing::Values(
        ShapeCase{"\u201cThe controls are working as intended,\u201d Toner said.", "working",
                  "helen-toner", "direct_quote", "said"},
        ShapeCase{"Helen Toner said: \u201cWe should keep the pressure on exports to China.\u201d",
                  "pressure", "helen-toner", "direct_quote", "said"},
        ShapeCase{
            "\u201cNobody expected the model to be this cheap,\u201d said Jane Doe, an analyst "
            "at Acme Research.",
            "cheap", "jane-doe", "direct_quote", "said"},
        ShapeCase{"\u201cRules cannot stop a determined rival,\u201d the Anthropic CEO said.",
                  "rival", "dario-amodei", "direct_quote", "said"},
        ShapeCase{"\"We are not worried about it at all,\" Amodei said.", "worried", "dario-amodei",
                  "direct_quote", "said"},
        ShapeCase{"Dario Amodei argues that the rules must be enforced more strictly.", "strictly",
                  "dario-amodei", "indirect", "argues"},
        ShapeCase{"Toner believes the restrictions have slowed progress.", "slowed", "helen-toner",
                  "indirect", "believes"},
        ShapeCase{"According to Helen Toner, the restrictions have bought time for allies.",
                  "bought time", "helen-toner", "indirect", "according to"},
        ShapeCase{"Toner sees the startup as a \u201cfast follower\u201d in the race.",
                  "fast follower", "helen-toner", "paraphrase", "sees"},
        ShapeCase{"Dario Amodei, chief executive of Anthropic, thinks the chips matter most.",
                  "matter most", "dario-amodei", "indirect", "thinks"},
        ShapeCase{"Dario Amodei published an essay on Monday, arguing that chips matter most.",
                  "essay", "dario-amodei", "indirect", "arguing"},
        ShapeCase{"Jensen Huang told reporters in Taipei that demand remained strong.", "Taipei",
                  "jensen-huang", "indirect", "told reporters"},
        ShapeCase{"Dario Amodei told Jane Roe, a reporter, that the deal was off.", "deal",
                  "dario-amodei", "indirect", "told"},
        ShapeCase{"Jansen Huang said the company would comply with every rule.", "comply",
                  "jensen-huang", "indirect", "said"},
        ShapeCase{"Commerce Secretary Howard Lutnick said the agency would act quickly.", "quickly",
                  "howard-lutnick", "indirect", "said"},
        ShapeCase{
            "\u201cThis is a turning point for the whole industry,\u201d the report concluded.",
            "turning point", "unnamed:the report", "direct_quote", "concluded"},
        ShapeCase{"\u201cWe will build our own chips if we have to,\u201d one executive said.",
                  "own chips", "unnamed:one executive", "direct_quote", "said"},
        // A short parenthetical between the name and its verb.
        ShapeCase{"Helen Toner (D-Md.) said the controls must stay in place for years.",
                  "stay in place", "helen-toner", "indirect", "said"},
        ShapeCase{"\u201cWe will comply with every rule,\u201d Nvidia (NASDAQ: NVDA) said.",
                  "comply", "nvidia", "direct_quote", "said"},
        // A title or honorific between the verb and a name after it; a middle initial
        // neither ends the sentence nor the name; "of PLACE" closes the clause.
        ShapeCase{"\u201cThe rules need more teeth,\u201d said Rep. Helen Toner, a Democrat.",
                  "teeth", "helen-toner", "direct_quote", "said"},
        ShapeCase{"\u201cThe rules need more teeth,\u201d said Ronald R. Fieldstone, a lawyer.",
                  "teeth", "ronald-r-fieldstone", "direct_quote", "said"},
        ShapeCase{"\u201cThe rules need more teeth,\u201d said Charles B. Rangel of New York.",
                  "teeth", "charles-b-rangel", "direct_quote", "said"},
        // The person before "of ORG" speaks, never the organisation (a claim in the wrong mouth).
        ShapeCase{
            "\u201cYou cannot be a gatekeeper,\u201d Helen Toner of Anthropic said of the rules.",
            "gatekeeper", "helen-toner", "direct_quote", "said"}));

TEST(Attribution, OrganisationOfAnUnnamedOrUnknownPersonIsNotTheSpeaker) {
  for (const char* text : {"\u201cThe rules leak,\u201d a researcher at Microsoft said.",
                           "\u201cThe rules leak,\u201d said Jane Roe of Microsoft.",
                           "\u201cThe rules leak,\u201d the head of Microsoft said.",
                           "Jane Roe at the Microsoft lab agreed with Toner about it."}) {
    for (const Claim& c : Annotated(text).claims) {
      EXPECT_FALSE(c.speaker && c.speaker->id == "microsoft") << text;
    }
  }
}

TEST(Attribution, QuoteOverSeveralSentencesIsOneClaim) {
  Document doc = Annotated(
      "\u201cThe first point is simple. The second one is harder to explain,\u201d Dario Amodei "
      "said.");
  ASSERT_EQ(doc.claims.size(), 1u);
  const Claim& c = doc.claims[0];
  EXPECT_NE(c.text.find("first point"), std::string::npos);
  EXPECT_NE(c.text.find("harder"), std::string::npos);
  ASSERT_TRUE(c.speaker);
  EXPECT_EQ(c.speaker->id, "dario-amodei");
}

TEST(Attribution, QuoteContinuedInNextParagraphKeepsSpeaker) {
  Document doc = Annotated(
      "Jensen Huang said: \u201cDemand for our chips keeps growing in every market.\n\n"
      "\u201cWe will keep shipping what the rules allow us to ship.\u201d");
  const Claim* c = ClaimWith(doc, "keep shipping");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "jensen-huang");
  EXPECT_EQ(c->speaker->via, "context");
  EXPECT_EQ(c->paragraph, 1);
}

TEST(Attribution, ColonIntroducesQuoteInNextParagraph) {
  Document doc = Annotated(
      "Dario Amodei wrote:\n\n\u201cThe case for the controls is stronger than ever before.\u201d");
  ASSERT_EQ(doc.claims.size(), 1u);
  const Claim& c = doc.claims[0];
  EXPECT_EQ(c.paragraph, 1);
  ASSERT_TRUE(c.speaker);
  EXPECT_EQ(c.speaker->id, "dario-amodei");
  EXPECT_EQ(c.cue, "wrote");
  EXPECT_EQ(c.kind, "direct_quote");
}

TEST(Attribution, NewQuoteAfterClosedOneIsNotGivenAway) {
  Document doc = Annotated(
      "Jensen Huang said: \u201cDemand for our chips keeps growing.\u201d\n\n"
      "\u201cThe market will decide who wins this race in the end.\u201d");
  const Claim* c = ClaimWith(doc, "market will decide");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->speaker.has_value());
}

TEST(Attribution, PronounResolvesToOnlyPersonOfThatGender) {
  Document doc = Annotated(
      "Dario Amodei and Helen Toner spoke on a panel. He said: \u201cCompute is the bottleneck "
      "for everyone.\u201d");
  const Claim* c = ClaimWith(doc, "bottleneck");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "dario-amodei");
  EXPECT_EQ(c->speaker->via, "pronoun");
  EXPECT_EQ(c->speaker->mention.text, "He");
}

TEST(Attribution, PronounFromEarlierSentence) {
  Document doc = Annotated(
      "Helen Toner spoke at the conference on Monday. She said the rules had raised the stakes "
      "for everyone.");
  const Claim* c = ClaimWith(doc, "raised the stakes");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
}

TEST(Attribution, QuotedSentencesDoNotCountAgainstThePronounsLookBack) {
  // Four sentences back, but three of them are Toner's own quoted words: they name nobody.
  Document doc = Annotated(
      "\u201cWill the rules hold?\u201d Helen Toner said. \u201cThe allies are slow. The loopholes "
      "are wide. The chips still flow to the labs.\u201d\n\n\u201cMaybe we can still fix it,\u201d she "
      "continued.");
  const Claim* c = ClaimWith(doc, "still fix it");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  // Sentences of the writer's own between them still do.
  doc = Annotated(
      "\u201cWill the rules hold?\u201d Helen Toner said. The allies were slow. The loopholes were "
      "wide. The chips still flowed to the labs.\n\n\u201cMaybe we can still fix it,\u201d she "
      "continued.");
  c = ClaimWith(doc, "still fix it");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->speaker.has_value());
}

TEST(Attribution, ThePersonAPronounSpeaksToIsNotThePronoun) {
  // Both men are in the sentence before, Huang as its subject; "he told Huang" leaves Amodei.
  Document doc = Annotated(
      "Jensen Huang asked Dario Amodei how many chips the lab needed.\n\n\u201cWe need every chip "
      "we can get,\u201d he told Huang.");
  const Claim* c = ClaimWith(doc, "every chip");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "dario-amodei");
  // Named later, in what was said, the person may still be the speaker.
  doc = Annotated(
      "Dario Amodei met Helen Toner on Monday. He said Amodei's lab would need more chips.");
  c = ClaimWith(doc, "need more chips");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "dario-amodei");
}

TEST(Attribution, AmbiguousPronounGivesNoSpeaker) {
  Document doc = Annotated(
      "Helen Toner met Jane Smith, a trade lawyer, in Washington. She said: \u201cThe talks went "
      "well for both delegations.\u201d");
  const Claim* c = ClaimWith(doc, "talks went well");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->speaker.has_value());
}

TEST(Attribution, GenderFromHonorificAndRoleNoun) {
  Document doc = Annotated(
      "Jane Roe, a spokeswoman for the firm, met Mr. Poe on Monday. She said: \u201cWe are ready "
      "for the ruling today.\u201d");
  const Claim* c = ClaimWith(doc, "ready for the ruling");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "jane-roe");
  EXPECT_EQ(c->speaker->role, "spokeswoman for the firm");
}

TEST(Attribution, PronounWithoutAntecedentGivesNoSpeaker) {
  Document doc = Annotated("She said: \u201cThe talks went well for both delegations.\u201d");
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_FALSE(doc.claims[0].speaker.has_value());
}

TEST(Attribution, PossessiveCueNoun) {
  Document doc = Annotated(
      "Helen Toner wrote a long essay. Her main point is that the policy is here to stay.");
  const Claim* c = ClaimWith(doc, "here to stay");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
}

TEST(Attribution, JointStatementNamesCoSpeakers) {
  Document doc = Annotated("Microsoft and Nvidia urged the administration to drop the rule.");
  ASSERT_EQ(doc.claims.size(), 1u);
  const Claim& c = doc.claims[0];
  ASSERT_TRUE(c.speaker);
  EXPECT_EQ(c.speaker->id, "microsoft");
  ASSERT_EQ(c.co_speakers.size(), 1u);
  EXPECT_EQ(c.co_speakers[0].id, "nvidia");
  EXPECT_EQ(c.cue, "urged");
  // The source phrase as written is the whole list.
  EXPECT_EQ(c.speaker->mention.text, "Microsoft and Nvidia");
}

TEST(Attribution, PassiveVoiceIsNotSpeech) {
  Document doc = Annotated(
      "Dario Amodei was accused of \u201cplaying both sides of the chip debate\u201d by critics.");
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_FALSE(doc.claims[0].speaker.has_value());
}

TEST(Attribution, PossessiveIsNotASubject) {
  Document doc = Annotated(
      "Nvidia\u2019s claims that \u201cthe rules cost us billions in sales\u201d were disputed.");
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_FALSE(doc.claims[0].speaker.has_value());
}

TEST(Attribution, ContractedPronounIsTheSubject) {
  Document doc = Annotated(
      "Helen Toner spoke in Washington on Monday. She\u2019s claiming that the export rules "
      "have bought the allies time.");
  const Claim* c = ClaimWith(doc, "bought the allies");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  EXPECT_EQ(c->quote, "the export rules have bought the allies time");
}

TEST(Attribution, ContractedPassiveIsSpokenAbout) {
  // "He's believed to want": the pronoun is spoken about, as in "He is believed to want".
  Document doc = Annotated(
      "David Sacks spoke in Washington on Monday. He\u2019s widely believed to want the "
      "export rules repealed.");
  EXPECT_EQ(ClaimWith(doc, "repealed"), nullptr);
}

TEST(Attribution, PronounInsideARelativeClauseOnANounSaysNothingAfter) {
  // "the job he has wanted to hold since ...": the verb's object is the job; what follows is
  // the writer's sentence.
  Document doc = Annotated(
      "David Sacks spoke in Washington on Monday. It is the job he has wanted to hold since "
      "the export rules were first written.");
  EXPECT_EQ(ClaimWith(doc, "first written"), nullptr);
  Document again = Annotated(
      "Helen Toner spoke in Washington on Monday. This time she praised the export rules as a "
      "success for the allies.");
  const Claim* c = ClaimWith(again, "success");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
}

TEST(Attribution, ParticipleAfterTheVerbsObjectAndACommaIsTheSubjects) {
  Document doc = Annotated(
      "Helen Toner granted David Sacks an extension, saying the export rules on chips were "
      "working.");
  const Claim* c = ClaimWith(doc, "were working");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  // After a preposition the object may be who does it: Sacks backed the rules, not Toner.
  Document other = Annotated(
      "Helen Toner thanked David Sacks on Twitter for backing the export rules on chips.");
  for (const Claim& claim : other.claims) {
    if (claim.cue != "backing") continue;
    ASSERT_TRUE(claim.speaker.has_value());
    EXPECT_NE(claim.speaker->id, "helen-toner");
  }
}

TEST(Attribution, DescribedSourceOfAPassiveVerbSaysNothing) {
  Document doc = Annotated(
      "The city of Phoenix was told that the campaign would stop using images of its police.");
  // The city is who was told: nobody reported as saying it.
  EXPECT_EQ(ClaimWith(doc, "stop using"), nullptr);
}

TEST(Attribution, ChargesIsACueOnlyBeforeThat) {
  // "charges" names a price as often as an accusation.
  Document doc = Annotated("David Sacks charges about $20,000 for a speech on the export rules.");
  EXPECT_EQ(ClaimWith(doc, "speech"), nullptr);
}

TEST(Attribution, ScareQuoteWithoutCueIsNoClaim) {
  Document doc = Annotated("The so-called \u201cfix\u201d did not work out.");
  EXPECT_TRUE(doc.claims.empty());
}

TEST(Attribution, SpeakerMentionLiesOnTheText) {
  Document doc = Annotated("\u201cChips are the new oil of this century,\u201d said Helen Toner.");
  ASSERT_EQ(doc.claims.size(), 1u);
  const Claim& c = doc.claims[0];
  ASSERT_TRUE(c.speaker);
  EXPECT_EQ(
      doc.text.substr(c.speaker->mention.start, c.speaker->mention.end - c.speaker->mention.start),
      "Helen Toner");
  EXPECT_EQ(doc.text.substr(c.start, c.end - c.start), c.text);
  EXPECT_EQ(c.quote, "Chips are the new oil of this century");
}

TEST(Attribution, SecondQuoteOfParagraphJoinsTheSpeakersClaim) {
  Document doc = Annotated(
      "\u201cThe controls are working as intended,\u201d Toner said. \u201cThey have bought the "
      "allies real time to catch up.\u201d\n\nThe hearing went on.");
  ASSERT_EQ(doc.claims.size(), 1u);
  const Claim& c = doc.claims[0];
  ASSERT_TRUE(c.speaker);
  EXPECT_EQ(c.speaker->id, "helen-toner");
  EXPECT_EQ(c.kind, "direct_quote");
  EXPECT_EQ(c.quote,
            "The controls are working as intended \u2026 They have bought the allies real time to "
            "catch up.");
  EXPECT_EQ(doc.text.substr(c.start, c.end - c.start), c.text);
  EXPECT_NE(c.text.find("catch up"), std::string::npos);
}

TEST(Attribution, QuoteWithItsOwnCueIsNotJoined) {
  Document doc = Annotated(
      "\u201cThe controls are working as intended,\u201d Toner said. \u201cThey leak like a "
      "sieve and always will,\u201d Amodei said.");
  const Claim* c = ClaimWith(doc, "sieve");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "dario-amodei");
  EXPECT_EQ(c->text.find("intended"), std::string::npos);
}

TEST(Attribution, NarrationOpeningWithAQuoteIsNotJoined) {
  Document doc = Annotated(
      "\u201cThe controls are working as intended,\u201d Toner said. \u201cFast "
      "followers\u201d is what the report calls the firms that copy the leaders within months.");
  for (const Claim& c : doc.claims) {
    if (c.speaker && c.speaker->id == "helen-toner") {
      EXPECT_EQ(c.text.find("Fast"), std::string::npos) << c.text;
    }
  }
}

TEST(Attribution, GluedHeadingInsideASecondQuoteIsNotJoined) {
  // A capitalised word no name explains, between lower-case words: text the page glued in.
  Document doc = Annotated(
      "\u201cThe controls are working as intended,\u201d Toner said. \u201cNow open models get "
      "closer, and we see Price fell to zero.\u201d");
  const Claim* c = ClaimWith(doc, "Price fell");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->speaker.has_value());
}

TEST(Attribution, DashBylineSignsTheQuoteBeforeIt) {
  Document doc = Annotated(
      "Readers wrote in.\n\n\u201cThe controls hurt us. They must be lifted soon.\u201d "
      "\u2015 Sonya Herridge\n\n\u201cThe chips are all we need to compete.\u201d\u2014 Carla "
      "Sanchez.");
  const Claim* first = ClaimWith(doc, "lifted soon");
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(first->speaker);
  EXPECT_EQ(first->speaker->name, "Sonya Herridge");
  EXPECT_EQ(first->kind, "direct_quote");
  EXPECT_EQ(first->quote, "The controls hurt us. They must be lifted soon.");
  const Claim* second = ClaimWith(doc, "compete");
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(second->speaker);
  EXPECT_EQ(second->speaker->name, "Carla Sanchez");
  for (const Claim& c : doc.claims) EXPECT_NE(c.text.rfind("\u2015", 0), 0u) << c.text;
}

TEST(Attribution, DashBylineDoesNotOverrideANamedSpeaker) {
  Document doc = Annotated(
      "\u201cThe controls are working as intended,\u201d Toner said.\u201d \u2015 Jane Roe");
  const Claim* c = ClaimWith(doc, "intended");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
}

TEST(Attribution, PronounPrefersTheSubjectAmongSeveralPeople) {
  Document doc = Annotated(
      "Dario Amodei dismissed the letter from the lawyers of Jensen Huang. \u201cThe letter gets "
      "the chips and the rules wrong,\u201d he said.");
  const Claim* c = ClaimWith(doc, "rules wrong");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "dario-amodei");
  EXPECT_EQ(c->speaker->via, "pronoun");
}

TEST(Attribution, PronounWithSeveralPeopleAndNoPersonSubjectGivesNoSpeaker) {
  Document doc = Annotated(
      "The letter named Dario Amodei and Jensen Huang. \u201cThe letter gets the chips and the "
      "rules wrong,\u201d he said.");
  const Claim* c = ClaimWith(doc, "rules wrong");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->speaker.has_value());
}

TEST(Attribution, LineBreakEndsAQuoteContinuation) {
  Document doc = Annotated(
      "\u201cThe controls are working as intended,\u201d Toner said.\n\u201cThey leak "
      "everywhere and always will, whatever the rules say.\u201d");
  const Claim* c = ClaimWith(doc, "leak everywhere");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->speaker.has_value());
  EXPECT_EQ(c->text.find("intended"), std::string::npos);
}

TEST(Attribution, SignedSecondQuoteGoesToItsByline) {
  Document doc = Annotated(
      "\u201cThe controls are working as intended,\u201d Toner said. \u201cThey leak "
      "everywhere and always will, whatever the rules say.\u201d \u2015 Jane Roe");
  const Claim* c = ClaimWith(doc, "leak everywhere");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Jane Roe");
  const Claim* first = ClaimWith(doc, "intended");
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(first->speaker);
  EXPECT_EQ(first->speaker->id, "helen-toner");
}

TEST(Attribution, SecondQuoteWithAnAdjectiveOfAPeopleIsJoined) {
  // "Trojan" is capitalised between lower-case words, written once, and still no heading.
  Document doc = Annotated(
      "The hearing opened.\n\n\u201cThe controls are working,\u201d Toner said. \u201cThis "
      "could be the great Trojan horse of the decade.\u201d");
  const Claim* c = ClaimWith(doc, "Trojan");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  EXPECT_NE(c->quote.find("working"), std::string::npos) << c->quote;
}

TEST(Attribution, SecondQuoteWithAPeoplesPluralIsJoined) {
  // "Americans" and "Israelis", each written once between lower-case words, are peoples named
  // in the speaker's words, not a heading glued into the quotation.
  Document doc = Annotated(
      "The hearing opened.\n\n\u201cThe controls are working,\u201d Toner said. \u201cThey "
      "protect all Americans and their allies, and ask nothing of the Israelis in return.\u201d");
  const Claim* c = ClaimWith(doc, "Americans");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  EXPECT_NE(c->quote.find("working"), std::string::npos) << c->quote;
}

TEST(Attribution, HeOrSheNeverChainsToAnOrganisation) {
  // The sentence before was Microsoft's; "he" is some man, not the company.
  Document doc = Annotated(
      "The panel met.\n\nMicrosoft agreed with the ruling about the export rules.\n\n"
      "\u201cThe rules have been a success,\u201d he wrote.");
  const Claim* c = ClaimWith(doc, "success");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->speaker && c->speaker->id == "microsoft") << c->speaker->name;
}

TEST(Attribution, SharedSurnameIsTheOneNamedNearby) {
  // Two new people named Okafor: the bare surname is the one written in full just before, and
  // stays nobody's when both were.
  std::string filler;
  for (int i = 0; i < 40; ++i) filler += "The market moved a little again today. ";
  Document near = Annotated("Analyst Amara Okafor wrote a note.\n\n" + filler +
                            "\n\nSenator Bayo Okafor said the rules would stay in place.\n\n"
                            "Okafor said the rules were a great success.");
  const Claim* c = ClaimWith(near, "great success");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Bayo Okafor");
  Document both = Annotated(
      "Analyst Amara Okafor wrote a note.\n\nSenator Bayo Okafor said the rules would stay in "
      "place.\n\nOkafor said the rules were a great success.");
  for (const Claim& claim : both.claims) {
    if (claim.text.find("great success") == std::string::npos) continue;
    EXPECT_FALSE(claim.speaker) << claim.speaker->name;
  }
}

TEST(Attribution, SharedSurnameOfSomeoneNamedInPassingStaysTheSpeakers) {
  // Bayo Okafor is quoted in full; Amara Okafor is only named in a list nearby. The bare
  // surname after both is the one who speaks, not nobody's, and "he" is not the other man.
  Document doc = Annotated(
      "Senator Bayo Okafor said the rules would stay in place.\n\nTwo senators voted against "
      "it: Jane Roe (D-N.J.) and Amara Okafor (R-S.C.).\n\nOkafor said the rules were a great "
      "success.\n\n\u201cThey bought us time,\u201d he said.");
  const Claim* c = ClaimWith(doc, "great success");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Bayo Okafor");
  const Claim* quote = ClaimWith(doc, "bought us time");
  ASSERT_NE(quote, nullptr);
  ASSERT_TRUE(quote->speaker);
  EXPECT_EQ(quote->speaker->name, "Bayo Okafor");
}

TEST(Attribution, TitleWordInsideAnAppositiveMakesAPerson) {
  Document doc = Annotated(
      "Jo-Anne Formica, political science professor at Seton Hall University, described the "
      "rules.\n\n\u201cThey will hold for years,\u201d she said.");
  const Claim* c = ClaimWith(doc, "hold for years");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Jo-Anne Formica");
  EXPECT_EQ(c->speaker->type, "person");
}

TEST(Attribution, DescribedPeopleAfterAPrepositionAreNoSubject) {
  // The slide shows, not the leaders it is shown to; "critics of the plan" stay a source.
  Document doc = Annotated(
      "The forum opened.\n\nA slide the aides carry as they speak to business and political "
      "leaders shows what the chips would cost under a tariff.\n\nA group of critics of the "
      "rules said the chips would cost far more.");
  for (const Claim& c : doc.claims) {
    if (c.text.find("slide") == std::string::npos) continue;
    EXPECT_FALSE(c.speaker && c.speaker->name.find("leaders") != std::string::npos)
        << c.speaker->name;
  }
  const Claim* critics = ClaimWith(doc, "far more");
  ASSERT_NE(critics, nullptr);
  ASSERT_TRUE(critics->speaker);
  EXPECT_EQ(critics->speaker->type, "unnamed");
}

TEST(Attribution, HonorificOfTheOtherSexIsNotTheNamedPerson) {
  // "Bill" marks a man even though it is also a word; "Mrs. Okafor" is someone else.
  for (const char* text :
       {"The hearing opened.\n\nBill Okafor spoke in Ohio on Monday.\n\nMrs. Okafor said the "
        "rules would stay in place.",
        "The hearing opened.\n\nBill Okafor said the market was calm.\n\nMrs. Okafor said the "
        "rules would stay in place."}) {
    Document doc = Annotated(text);
    const Claim* c = ClaimWith(doc, "stay in place");
    ASSERT_NE(c, nullptr) << text;
    EXPECT_FALSE(c->speaker && c->speaker->name == "Bill Okafor") << text;
  }
}

TEST(Attribution, PersonAfterAPrepositionIsNotTheSubject) {
  Document doc = Annotated(
      "The hearing opened.\n\nA spokesman for Sen. Helen Toner said the bill would pass.\n\n"
      "Jane Roe said that a commission appointed by Dario Amodei estimated that the chips would "
      "cost more.\n\nMarty Weston, a professor at Harvard who once worked for Sen. Helen Toner, "
      "one of the bill's architects, called it \u201ca turning point.\u201d\n\nThe ad shows "
      "footage of Dario Amodei asking, \u201cWhy are we not ahead?\u201d");
  const Claim* spokesman = ClaimWith(doc, "would pass");
  ASSERT_NE(spokesman, nullptr);
  ASSERT_TRUE(spokesman->speaker);
  EXPECT_EQ(spokesman->speaker->type, "unnamed");
  EXPECT_EQ(spokesman->speaker->name, "A spokesman for Sen. Helen Toner");
  for (const Claim& c : doc.claims) {
    if (c.quote.find("cost more") != std::string::npos) {
      EXPECT_FALSE(c.speaker && c.speaker->id == "dario-amodei") << c.quote;
    }
  }
  for (const Claim& c : doc.claims) {
    if (c.quote.find("turning point") == std::string::npos) continue;
    EXPECT_FALSE(c.speaker && c.speaker->id == "helen-toner") << c.quote;
  }
  const Claim* asking = nullptr;
  for (const Claim& c : doc.claims) {
    if (c.cue == "asking") asking = &c;
  }
  ASSERT_NE(asking, nullptr);
  ASSERT_TRUE(asking->speaker);
  EXPECT_EQ(asking->speaker->id, "dario-amodei");
}

TEST(Attribution, OrganisationWordOfANameIsAnOrganisation) {
  Document doc = Annotated(
      "The hearing opened.\n\nThe Association of Chip Designers called the rules a "
      "\u201cdisaster\u201d for its members.");
  const Claim* c = ClaimWith(doc, "disaster");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->type, "organization");
  EXPECT_EQ(c->speaker->name, "Association of Chip Designers");
}

TEST(Attribution, PronounAfterAPossessedPersonIsNobodyKnown) {
  // "he" may be Amodei or his spokesman: no speaker rather than a guess.
  Document doc = Annotated(
      "The hearing opened.\n\nDario Amodei spoke on Monday.\n\nAmodei's spokesman said he "
      "expects the rules to stay in place.\n\nAmodei's chief strategist, Jo Bloggs, appeared on "
      "television and outlined how he thinks the rules could be changed.");
  for (const Claim& c : doc.claims) {
    if (c.quote.find("the rules to stay") != std::string::npos ||
        c.quote.find("could be changed") != std::string::npos) {
      EXPECT_FALSE(c.speaker && c.speaker->id == "dario-amodei") << c.quote;
    }
  }
}

TEST(Attribution, OrganisationAfterAPrepositionIsNotTheSubject) {
  Document doc = Annotated(
      "The hearing opened.\n\nThe debate over Microsoft suggests a broader shift in the "
      "industry.\n\nA report by Microsoft found that the rules work.");
  for (const Claim& c : doc.claims) {
    EXPECT_FALSE(c.speaker && c.speaker->id == "microsoft") << c.quote;
  }
  for (const char* text :
       {"That is the takeaway from freshly filed Microsoft reports that track spending.",
        "Helen Toner told Nvidia's Today show that she was fine.",
        "The deal could shape the role of the chip firms in China once agreed."}) {
    for (const Claim& c : Annotated(text).claims) {
      EXPECT_FALSE(c.speaker && (c.speaker->id == "microsoft" || c.speaker->id == "nvidia" ||
                                 c.speaker->id == "china"))
          << text << " -> " << c.speaker->name;
    }
  }
  const Claim* report = ClaimWith(doc, "rules work");
  ASSERT_NE(report, nullptr);
  ASSERT_TRUE(report->speaker);
  EXPECT_EQ(report->speaker->name, "A report by Microsoft");
}

TEST(Attribution, CountriesTheProfileDoesNotListStillSpeak) {
  Document doc = Annotated("Russia insisted that Pyongyang stop its missile tests.");
  const Claim* c = ClaimWith(doc, "missile tests");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "russia");
  EXPECT_EQ(c->speaker->type, "place");
}

TEST(Attribution, NameBeforeDescriptionsWithPlacesIsTheSpeaker) {
  Document doc = Annotated(
      "\u201cThe test cannot go unanswered,\u201d said the minister.\n\nJane Roe, the foreign "
      "minister of France, a permanent member of the Security Council, said the rules must "
      "tighten.");
  const Claim* c = ClaimWith(doc, "must tighten");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Jane Roe");
}

TEST(Attribution, TitledNameBeforeAVerbOfPositionIsAPerson) {
  Document doc = Annotated(
      "In a statement, President Okafor condemned the test as \u201cprovocative.\u201d He "
      "said the allies would respond.");
  const Claim* c = ClaimWith(doc, "allies would respond");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->name, "Okafor");
  EXPECT_EQ(c->speaker->type, "person");
}

TEST(Attribution, PronounLooksPastASentenceAboutAnUnnamedDescription) {
  // The sentence before is about "the senator", described, not named; the
  // man it names in passing (Huang) is not who "he" is.
  Document doc = Annotated(
      "Dario Amodei spoke on Tuesday as the hearing ended.\n\nThe senator sought to calm the "
      "room, a swipe at some of Jensen Huang's remarks.\n\nHe said the rules would hold.");
  const Claim* c = ClaimWith(doc, "rules would hold");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->speaker && c->speaker->id == "jensen-huang");
}

TEST(Attribution, NameModifyingANounIsNoAntecedentNorSubject) {
  // "Amodei consultant Jo Bloggs" is Bloggs; "a Jensen Huang supporter" is no antecedent, and
  // neither is anyone before a sentence opening with a name nothing vouched for.
  Document doc = Annotated(
      "The hearing opened.\n\nAmodei consultant Jo Bloggs picked up a similar thread.\n\n"
      "\u201cThe rules are working,\u201d he said.\n\nMarcus Webb later left the firm. He "
      "counts himself a devout Jensen Huang supporter.\n\nHe wrote that the rules had failed.");
  for (const Claim& c : doc.claims) {
    if (c.quote.find("rules are working") == std::string::npos) continue;
    EXPECT_FALSE(c.speaker && c.speaker->id == "dario-amodei");
  }
  for (const Claim& c : doc.claims) {
    if (c.quote.find("had failed") == std::string::npos) continue;
    EXPECT_FALSE(c.speaker && (c.speaker->id == "jensen-huang" || c.speaker->name == "Jo Bloggs"))
        << c.speaker->name;
  }
}

TEST(Attribution, TrailingPronounIsNotAPersonItsWordsName) {
  // "Amodei ..., he added": what he added names Amodei; the speaker is the man before.
  Document doc = Annotated(
      "Dario Amodei spoke on Monday.\n\n\u201cI need rules that hold,\u201d Mr. Okafor "
      "said.\n\nMr. Amodei, who is not taking money from chip makers, fits that bill for many "
      "people, he added.");
  // Amodei could be speaking of himself, too: nobody, rather than a guess.
  for (const Claim& c : doc.claims) {
    if (c.quote.find("fits that bill") == std::string::npos) continue;
    EXPECT_FALSE(c.speaker && c.speaker->id == "dario-amodei") << c.speaker->name;
  }
}

TEST(Attribution, AnUnresolvedSpeakerStaysUnknownInTheNextSentence) {
  // Nothing says who "he" is in the first sentence; the man named in his words is not him in
  // the next one either.
  Document doc = Annotated(
      "The hearing opened.\n\nHe said on Thursday that Dario Amodei needs to do more work on "
      "the rules.\n\n\u201cWe want a standard-bearer who bears our standards,\u201d he "
      "said.");
  for (const Claim& c : doc.claims) {
    EXPECT_FALSE(c.speaker && c.speaker->id == "dario-amodei") << c.quote;
  }
}

TEST(Attribution, QuoteParagraphAfterAnAttributedQuoteIsTheSameSpeakers) {
  Document doc = Annotated(
      "The hearing opened.\n\n\u201cThe controls are working,\u201d Toner said.\n\n"
      "\u201cThe allies have caught up. The gap is closing.\u201d\n\n\u201cIs that "
      "right?\u201d\n\nThe hearing went on.");
  const Claim* c = ClaimWith(doc, "gap is closing");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker);
  EXPECT_EQ(c->speaker->id, "helen-toner");
  EXPECT_NE(c->quote.find("controls are working"), std::string::npos) << c->quote;
  // A question paragraph may be someone else's.
  for (const Claim& q : doc.claims) {
    if (q.quote.find("Is that right") == std::string::npos) continue;
    EXPECT_FALSE(q.speaker.has_value()) << q.speaker->name;
  }
}

}  // namespace
}  // namespace claimdex
