#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "index/indexer.h"
#include "query/search.h"
#include "tests/index/test_docs.h"
#include "tests/query/csv_reader.h"

namespace claimdex {
namespace {

using testing::SampleCorpus;
using testing::TempDir;

class FormatTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(IndexDocuments(tmp_.db(), SampleCorpus()).ok()); }

  SearchResult Run(const SearchOptions& o) {
    Result<SearchResult> r = Search(tmp_.db(), o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : SearchResult{};
  }

  static std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  static size_t Columns(const std::string& line) {
    size_t n = 0;
    for (unsigned char c : line) n += (c & 0xC0) != 0x80;
    return n;
  }

  TempDir tmp_;
};

TEST_F(FormatTest, TextHitShowsSpeakerStanceDateSourceAndCluster) {
  SearchOptions o;
  o.query = "multiplications";
  SearchResult r = Run(o);
  ASSERT_EQ(r.hits.size(), 1u);
  std::string text = FormatSearchText(r, o, false);
  std::vector<std::string> lines = Lines(text);
  ASSERT_GE(lines.size(), 5u);
  EXPECT_EQ(lines[0].rfind("1  John Villasenor · Brookings, UCLA", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("oppose · export controls"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find(r.hits[0].source.published), std::string::npos);
  EXPECT_EQ(lines[1].rfind("   \xE2\x80\x9C" "A decade from now", 0), 0u) << lines[1];
  EXPECT_NE(text.find(r.hits[0].source.outlet + " — " + r.hits[0].source.title), std::string::npos);
  EXPECT_NE(text.find(r.hits[0].source.url + "  ¶0  " + r.hits[0].claim.id), std::string::npos);
  EXPECT_NE(text.find("also in 2 other outlets (first: " + r.hits[0].also_in[0].published + ")"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n1 of 1 claims · speaker: John Villasenor 1 · stance: oppose 1"),
            std::string::npos)
      << text;
  for (const std::string& line : lines) EXPECT_LE(Columns(line), 100u) << line;
}

TEST_F(FormatTest, TextWithoutColourHasNoEscapesOrMarkers) {
  SearchOptions o;
  o.query = "restrict";
  SearchResult r = Run(o);
  std::string plain = FormatSearchText(r, o, false);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_EQ(plain.find('\x01'), std::string::npos);
  EXPECT_EQ(plain.find('\x02'), std::string::npos);
  std::string colour = FormatSearchText(r, o, true);
  EXPECT_NE(colour.find("\x1b[1mDavid Sacks\x1b[0m"), std::string::npos);
  EXPECT_NE(colour.find("\x1b[1;33mrestrictions\x1b[0m"), std::string::npos) << colour;
}

TEST_F(FormatTest, SummaryLineListsTopFacetsAndPointsToFacetsFlag) {
  SearchOptions o;
  o.limit = 3;
  o.sort = "date";
  std::string text = FormatSearchText(Run(o), o, false);
  EXPECT_NE(text.find("\n3 of 8 claims · speaker: "), std::string::npos) << text;
  EXPECT_NE(text.find("(--facets for all)"), std::string::npos) << text;
  o.facets = true;
  text = FormatSearchText(Run(o), o, false);
  EXPECT_NE(text.find("\n  month: 2025-04 2, 2025-03 1, 2025-02 3, 2025-01 1\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  outlet: "), std::string::npos);
}

TEST_F(FormatTest, NoMatchSaysSoAndSuggestsASpelling) {
  SearchOptions o;
  o.query = "multiplicatoins";
  EXPECT_EQ(FormatSearchText(Run(o), o, false),
            "no claims match 'multiplicatoins' — did you mean 'multiplications'?\n");
  o.query = "zebra";
  EXPECT_EQ(FormatSearchText(Run(o), o, false), "no claims match 'zebra'\n");
}

TEST_F(FormatTest, JsonLinesParseBackWithClaimSpeakerStancesSourceAlsoIn) {
  SearchOptions o;
  o.limit = 20;
  SearchResult r = Run(o);
  std::string json = FormatSearchJson(r);
  std::vector<std::string> lines = Lines(json);
  ASSERT_EQ(lines.size(), r.hits.size());
  bool saw_cluster = false;
  for (const std::string& line : lines) {
    nlohmann::json j = nlohmann::json::parse(line);
    for (const char* key : {"claim", "speaker", "stances", "source", "also_in"}) {
      EXPECT_TRUE(j.contains(key)) << key << " in " << line;
    }
    EXPECT_TRUE(j["claim"]["id"].get<std::string>().rfind("c:", 0) == 0);
    EXPECT_FALSE(j["source"]["url"].get<std::string>().empty());
    if (j["also_in"].size() == 2) {
      saw_cluster = true;
      EXPECT_EQ(j["speaker"]["id"], "john-villasenor");
      EXPECT_EQ(j["stances"][0]["label"], "oppose");
    }
  }
  EXPECT_TRUE(saw_cluster);
}

TEST_F(FormatTest, CsvQuotesCommasAndQuotesAndParsesBack) {
  SearchOptions o;
  o.query = "\"mixed bag\"";
  SearchResult r = Run(o);
  ASSERT_EQ(r.hits.size(), 1u);
  std::string csv = FormatSearchCsv(r);
  std::vector<std::vector<std::string>> rows = testing::ParseCsv(csv);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].size(), 16u);
  EXPECT_EQ(rows[0][0], "rank");
  EXPECT_EQ(rows[0][12], "text");
  ASSERT_EQ(rows[1].size(), 16u);
  EXPECT_EQ(rows[1][1], "c:f101");
  EXPECT_EQ(rows[1][12], "Toner called the rules a mixed bag for \"allies, partners, and friends\".");
  EXPECT_EQ(rows[1][6], "export-controls:mixed");
}

TEST_F(FormatTest, ArticlesModeShowsTitleOutletAndDate) {
  SearchOptions o;
  o.articles = true;
  o.query = "title:quixotic";
  SearchResult r = Run(o);
  std::string text = FormatSearchText(r, o, false);
  EXPECT_NE(text.find("1  Chip war: a quixotic fight\n   Tech Daily · 2025-02-21\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find(" articles"), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(Lines(FormatSearchJson(r)).at(0));
  EXPECT_TRUE(j["claim"].is_null());
}

TEST_F(FormatTest, CsvOfEveryClaimHasOneRowPerHit) {
  SearchOptions o;
  o.limit = 50;
  SearchResult r = Run(o);
  std::vector<std::vector<std::string>> rows = testing::ParseCsv(FormatSearchCsv(r));
  ASSERT_EQ(rows.size(), r.hits.size() + 1);
  for (const auto& row : rows) EXPECT_EQ(row.size(), 16u);
}

}  // namespace
}  // namespace claimdex
