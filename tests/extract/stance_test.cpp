#include "extract/stance.h"

#include <gtest/gtest.h>

namespace claimdex {
namespace {

StanceScorer Scorer() {
  Target t;
  t.id = "export-controls";
  t.name = "export controls";
  t.aliases = {"export controls", "chip ban"};
  t.support = {"stay the course"};
  t.oppose = {"overly restrictive"};
  return StanceScorer({t});
}

struct StanceCase {
  const char* text;
  bool doc_names_target;
  const char* label;  // "" when the claim is about no target
};

class ClaimStances : public ::testing::TestWithParam<StanceCase> {};

TEST_P(ClaimStances, Label) {
  const StanceCase& c = GetParam();
  std::vector<ClaimStance> got = Scorer().Score(c.text, {c.doc_names_target});
  if (std::string(c.label).empty()) {
    EXPECT_TRUE(got.empty()) << c.text;
    return;
  }
  ASSERT_EQ(got.size(), 1u) << c.text;
  EXPECT_EQ(got[0].target, "export-controls");
  EXPECT_EQ(got[0].label, c.label) << c.text;
  EXPECT_GE(got[0].score, -1.0);
  EXPECT_LE(got[0].score, 1.0);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClaimStances,
    ::testing::Values(
        StanceCase{"Export controls are essential to keep the lead.", true, "support"},
        StanceCase{"These overly restrictive export controls will backfire.", true, "oppose"},
        StanceCase{"Export controls are not effective.", true, "oppose"},
        StanceCase{"It doesn't make any sense to walk back the export controls now.", true,
                   "support"},
        // The object between the particle verb and "back" still undoes the policy.
        StanceCase{"Walking the export controls back now would make no sense.", true, "support"},
        StanceCase{"Rolling the chip ban back would be a mistake.", true, "support"},
        StanceCase{"Reversing the chip ban would be a huge victory for China.", true, "support"},
        StanceCase{"Lifting the export controls would be a mistake.", true, "support"},
        StanceCase{"We should stay the course on export controls.", true, "support"},
        StanceCase{"He refutes the notion that the export controls were a failure.", true,
                   "support"},
        StanceCase{"I have mixed feelings about the export controls.", true, "mixed"},
        StanceCase{"Export controls are crucial, but they will backfire.", true, "mixed"},
        StanceCase{"The chip ban was announced on Monday.", true, "neutral"},
        StanceCase{"The restrictions are crucial.", true, "support"},
        StanceCase{"The restrictions are crucial.", false, ""},
        StanceCase{"The weather was fine.", true, ""}));

TEST(StanceScorer, ReportsDecidingCues) {
  std::vector<ClaimStance> got =
      Scorer().Score("We must stay the course on export controls.", {true});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cues, std::vector<std::string>{"stay the course"});
  EXPECT_DOUBLE_EQ(got[0].score, 1.0);
}

TEST(StanceScorer, TargetsNamedLooksForAliases) {
  EXPECT_EQ(Scorer().TargetsNamed(Tokenize("The Chip Ban is back.")), std::vector<bool>{true});
  EXPECT_EQ(Scorer().TargetsNamed(Tokenize("The ban is back.")), std::vector<bool>{false});
}

Claim ClaimBy(const std::string& id, const std::string& speaker, double score,
              const std::string& label) {
  Claim c;
  c.id = id;
  c.speaker = SpeakerRef{};
  c.speaker->id = speaker;
  c.speaker->name = speaker;
  c.speaker->type = "person";
  c.stances = {{"export-controls", label, score, {}}};
  return c;
}

TEST(AggregateStances, OpposingClaimsOfOneSpeakerAreMixed) {
  std::vector<SpeakerStance> got =
      AggregateStances({ClaimBy("c:1", "a", 1.0, "support"), ClaimBy("c:2", "a", -1.0, "oppose"),
                        ClaimBy("c:3", "b", -1.0, "oppose"), ClaimBy("c:4", "b", 0.0, "neutral")});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].speaker_id, "a");
  EXPECT_EQ(got[0].label, "mixed");
  EXPECT_EQ(got[0].claims, (std::vector<std::string>{"c:1", "c:2"}));
  EXPECT_EQ(got[1].label, "oppose");
  EXPECT_DOUBLE_EQ(got[1].score, -1.0);
}

TEST(AggregateStances, ClaimsWithoutSpeakerAreLeftOut) {
  Claim c = ClaimBy("c:1", "a", 1.0, "support");
  c.speaker.reset();
  EXPECT_TRUE(AggregateStances({c}).empty());
}

TEST(AggregateStances, CoSpeakersShareTheStance) {
  Claim c = ClaimBy("c:1", "microsoft", 1.0, "support");
  c.co_speakers = {{"nvidia", "Nvidia", "organization"}};
  std::vector<SpeakerStance> got = AggregateStances({c});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].speaker_id, "nvidia");
  EXPECT_EQ(got[1].label, "support");
}

TEST(StanceScorer, SkippedSpanGivesNoCuesAndPhrasesDoNotBridgeIt) {
  std::string text = "The export controls are vital, said Jo, who is a wise person.";
  size_t skip = text.find(", said");
  std::vector<ClaimStance> got = Scorer().Score(text, {true}, skip, text.size());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cues, std::vector<std::string>{"vital"});
}

TEST(StanceScorer, JobWordsAreNoCues) {
  std::vector<ClaimStance> got =
      Scorer().Score("She works at a key supplier and says the export controls exist.", {true});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].cues.empty());
  EXPECT_EQ(got[0].label, "neutral");
  got = Scorer().Score("He has been critical of the export controls.", {true});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].label, "oppose");
}

TEST(AttributionSpan, CoversCueSpeakerAndTrailingDescription) {
  Claim c;
  c.text = "The ban would hurt, according to Jo Bloggs, the analyst who works at a lab.";
  c.start = 100;
  c.end = 100 + c.text.size();
  c.cue = "according to";
  SpeakerRef s;
  size_t at = c.text.find("Jo Bloggs");
  s.mention.start = 100 + at;
  s.mention.end = s.mention.start + 9;
  c.speaker = s;
  auto [b, e] = AttributionSpan(c);
  EXPECT_EQ(c.text.substr(b, e - b),
            "according to Jo Bloggs, the analyst who works at a lab.");
  c.speaker.reset();
  EXPECT_EQ(AttributionSpan(c), (std::pair<size_t, size_t>{0, 0}));
}

}  // namespace
}  // namespace claimdex
