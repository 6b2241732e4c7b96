// Quote shapes, speaker resolution and the never-guess rule, through the public Annotator.
#include <gtest/gtest.h>

#include <string>

#include "corpus/document.h"
#include "corpus/profile.h"
#include "extract/annotate.h"

namespace claimdex {
namespace {

KbEntity Person(std::string id, std::string name, std::string gender,
                std::vector<std::string> aliases = {}, std::vector<std::string> roles = {}) {
  KbEntity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = "person";
  e.gender = std::move(gender);
  e.aliases = std::move(aliases);
  e.roles = std::move(roles);
  return e;
}

KbEntity Org(std::string id, std::string name) {
  KbEntity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = "organization";
  return e;
}

Profile TestProfile() {
  Profile p;
  p.name = "test";
  p.entities = {Person("helen-toner", "Helen Toner", "female", {}, {"CSET director"}),
                Person("dario-amodei", "Dario Amodei", "male", {}, {"Anthropic CEO"}),
                Person("jensen-huang", "Jensen Huang", "male", {"Jansen Huang"}),
                Org("nvidia", "Nvidia"),
                Org("microsoft", "Microsoft"),
                Org("anthropic", "Anthropic")};
  Target t;
  t.id = "export-controls";
  t.name = "export controls";
  t.aliases = {"export controls", "chip ban"};
  t.support = {"stay the course"};
  t.oppose = {"overly restrictive"};
  p.targets = {t};
  return p;
}

Document Annotated(const std::string& text) {
  static const Annotator annotator(TestProfile());
  Document doc;
  doc.id = "d:test";
  doc.text = text;
  annotator.Annotate(&doc);
  return doc;
}

// The claim whose text contains `fragment`, or nullptr.
const Claim* ClaimWith(const Document& doc, const std::string& fragment) {
  for (const Claim& c : doc.claims) {
    if (c.text.find(fragment) != std::string::npos) return &c;
  }
  return nullptr;
}

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
  if (std::string(c.speaker).empty()) {
    EXPECT_FALSE(claim->speaker.has_value()) << claim->speaker->name;
  } else {
    ASSERT_TRUE(claim->speaker.has_value()) << c.text;
    EXPECT_EQ(claim->speaker->id, c.speaker);
  }
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
            "turning point", "", "direct_quote", "concluded"},
        ShapeCase{"\u201cWe will build our own chips if we have to,\u201d one executive said.",
                  "own chips", "", "direct_quote", "said"},
        // The person before "of ORG" speaks, never the organisation (a claim in the wrong mouth).
        ShapeCase{"\u201cYou cannot be a gatekeeper,\u201d Helen Toner of Anthropic said of the rules.",
                  "gatekeeper", "helen-toner", "direct_quote", "said"}));

TEST(Attribution, OrganisationOfAnUnnamedOrUnknownPersonIsNotTheSpeaker) {
  for (const char* text : {"\u201cThe rules leak,\u201d a researcher at Microsoft said.",
                           "\u201cThe rules leak,\u201d said Jane Roe of Microsoft.",
                           "\u201cThe rules leak,\u201d the head of Microsoft said."}) {
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

}  // namespace
}  // namespace claimdex
