#include "query/show.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "index/doc_table.h"
#include "index/indexer.h"
#include "query/stats.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::SampleCorpus;
using testing::TempDir;

class ShowTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(IndexDocuments(tmp_.db(), SampleCorpus()).ok()); }
  TempDir tmp_;
};

TEST_F(ShowTest, ClaimShowsAttributionStanceContextAndProvenance) {
  Result<std::string> out = Show(tmp_.db(), "c:a102", false);
  ASSERT_TRUE(out.ok()) << out.status().message();
  const std::string& s = *out;
  for (const char* want :
       {"Claim       c:a102  (indirect, cue \"said\")",
        "Speaker     David Sacks — White House AI and crypto czar [david-sacks, person; via",
        "Text        Sacks said the diffusion rule restrictions would hurt American chip exports.",
        "Stance      oppose · export controls (score -0.70) cues: \"cue for oppose\"",
        "Stance      oppose · diffusion rule",
        "Entities    Name of nvidia (nvidia)",
        "Context     ¶1 Sacks said the diffusion rule",
        "Article     After DeepSeek, the AI version of the trade war is not easy (d:a1)",
        "Outlet      Real Time Headlines", "Published   2025-02-22",
        "URL         https://a1.example.com/story/a1",
        "WARC        claimdex-20250402100000-00001.warc.gz @ 4096 <urn:uuid:d:a1>"}) {
    EXPECT_NE(s.find(want), std::string::npos) << want << "\n--- in ---\n" << s;
  }
}

TEST_F(ShowTest, ClaimWithoutSpeakerSaysSo) {
  Result<std::string> out = Show(tmp_.db(), "c:aa102", false);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_NE(out->find("(no identifiable speaker)"), std::string::npos);
  EXPECT_NE(out->find("Stance      none detected"), std::string::npos);
}

TEST_F(ShowTest, ArticleListsItsClaims) {
  Result<std::string> out = Show(tmp_.db(), "d:a1", false);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_NE(out->find("Article     d:a1"), std::string::npos) << *out;
  EXPECT_NE(out->find("Title       After DeepSeek"), std::string::npos);
  EXPECT_NE(out->find("Claims      2"), std::string::npos);
  EXPECT_NE(out->find("c:a101  John Villasenor"), std::string::npos);
  EXPECT_NE(out->find("c:a102  David Sacks"), std::string::npos);
}

TEST_F(ShowTest, JsonIsTheStoredDocumentData) {
  Result<std::string> out = Show(tmp_.db(), "c:a101", true);
  ASSERT_TRUE(out.ok());
  nlohmann::json j = nlohmann::json::parse(*out);
  EXPECT_EQ(j["claim"]["id"], "c:a101");
  EXPECT_EQ(j["source"]["outlet"], "Real Time Headlines");
  EXPECT_EQ(j["source"]["warc"]["offset"], 4096);
  nlohmann::json a = nlohmann::json::parse(*Show(tmp_.db(), "d:a1", true));
  EXPECT_EQ(a["article"]["claims"].size(), 2u);
}

TEST_F(ShowTest, UnknownIdIsNotFoundAndMalformedIdIsInvalidInput) {
  Result<std::string> missing = Show(tmp_.db(), "c:0123456789abcdef", false);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(missing.status().message().rfind("c:0123456789abcdef: no such claim in ", 0), 0u)
      << missing.status().message();
  for (const char* bad : {"", "c:", "x:12", "c:xyz", "d:12 34"}) {
    Result<std::string> r = Show(tmp_.db(), bad, false);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput) << bad;
  }
  EXPECT_EQ(Show(tmp_.path() + "/none", "c:12", false).status().code(), Status::Code::kNotFound);
}

TEST_F(ShowTest, StatsCountClaimsArticlesSpeakersOutletsAndDates) {
  Result<IndexStats> st = ReadIndexStats(tmp_.db());
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->claims, 10u);
  EXPECT_EQ(st->articles, 7u);
  EXPECT_EQ(st->speakers, 3u);
  EXPECT_EQ(st->outlets, 5u);
  EXPECT_EQ(st->targets, 2u);
  EXPECT_EQ(st->first_date, "2025-01-01");
  EXPECT_EQ(st->last_date, "2025-04-01");
  ASSERT_FALSE(st->top_speakers.empty());
  EXPECT_EQ(st->top_speakers[0].second, 3u);
  EXPECT_EQ(st->top_targets[0].first, "export-controls");
  EXPECT_NE(FormatIndexStats(*st).find("indexed         10 claims"), std::string::npos);
  EXPECT_TRUE(st->doc_table);
  EXPECT_NE(FormatIndexStats(*st).find("search table    current"), std::string::npos);
  EXPECT_EQ(ReadIndexStats(tmp_.path() + "/none").status().code(), Status::Code::kNotFound);
}

TEST(Stats, SayWhenTheDocumentTableIsMissing) {
  testing::TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), testing::SampleCorpus()).ok());
  std::filesystem::remove(tmp.db() + "/" + kDocTableFile);
  Result<IndexStats> st = ReadIndexStats(tmp.db());
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_FALSE(st->doc_table);
  EXPECT_NE(FormatIndexStats(*st).find("search table    missing or stale"), std::string::npos);
}

}  // namespace
}  // namespace claimdex
