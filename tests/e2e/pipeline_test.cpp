// End to end: crawl the bundled sample site on loopback with the real crawler, extract, index,
// search; named claims must come back attributed to the right speaker with the right source.
#include <filesystem>

#include <gtest/gtest.h>

#include "corpus/cdxj.h"
#include "corpus/data_dir.h"
#include "corpus/sample_site.h"
#include "crawler/crawler.h"
#include "extract/extractor.h"
#include "index/indexer.h"
#include "query/search.h"
#include "query/timeline.h"
#include "tests/e2e/run_binary.h"

namespace claimdex::testing {
namespace {

// One crawl + extract + index of the sample site, shared by the tests of this suite.
class SamplePipeline : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new std::string(MakeTempDir("e2e"));
    auto site = SampleSite::Start();
    ASSERT_TRUE(site.ok()) << site.status().message();
    auto dir = DataDir::Open(*root_ + "/data", true);
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    dir_ = new DataDir(*dir);
    ASSERT_TRUE(WriteFileAtomic(dir_->profile_path(), (*site)->ProfileToml()).ok());
    auto profile = dir_->LoadProfile();
    ASSERT_TRUE(profile.ok()) << profile.status().message();
    profile_ = new Profile(*profile);

    auto crawl = Crawl(*dir_, *profile_, CrawlOptions{});
    ASSERT_TRUE(crawl.ok()) << crawl.status().message();
    crawl_ = new CrawlReport(*crawl);
    {
      auto lock = DataLock::Acquire(*dir_);
      ASSERT_TRUE(lock.ok()) << lock.status().message();
      auto ex = ExtractDataDir(*dir_, *profile_, ExtractOptions{});
      ASSERT_TRUE(ex.ok()) << ex.status().message();
      auto ix = IndexDataDir(*dir_, IndexOptions{});
      ASSERT_TRUE(ix.ok()) << ix.status().message();
    }
    bases_ = new std::map<std::string, std::string>((*site)->bases());
  }
  static void TearDownTestSuite() {
    if (root_) std::filesystem::remove_all(*root_);
    delete root_;
    delete dir_;
    delete profile_;
    delete crawl_;
    delete bases_;
  }

  static std::vector<std::string> CapturedUrls() {
    std::vector<std::string> urls;
    auto cdx = ReadCdxDir(dir_->cdx_dir(), nullptr);
    EXPECT_TRUE(cdx.ok());
    if (cdx.ok()) {
      for (const auto& c : *cdx) urls.push_back(c.url);
    }
    return urls;
  }
  static bool Captured(const std::string& outlet, const std::string& path) {
    for (const auto& u : CapturedUrls()) {
      if (u == bases_->at(outlet) + path) return true;
    }
    return false;
  }

  static std::string* root_;
  static DataDir* dir_;
  static Profile* profile_;
  static CrawlReport* crawl_;
  static std::map<std::string, std::string>* bases_;
};
std::string* SamplePipeline::root_ = nullptr;
DataDir* SamplePipeline::dir_ = nullptr;
Profile* SamplePipeline::profile_ = nullptr;
CrawlReport* SamplePipeline::crawl_ = nullptr;
std::map<std::string, std::string>* SamplePipeline::bases_ = nullptr;

TEST_F(SamplePipeline, CrawlObeysRobotsTxt) {
  EXPECT_FALSE(Captured("techwire", "/private/draft-memo.html"));
  EXPECT_GE(crawl_->robots_blocked, 1u);
}

TEST_F(SamplePipeline, CrawlFindsPagesOnlyInFeedsAndSitemap) {
  EXPECT_TRUE(Captured("techwire", "/2024/10/two-years-of-chip-controls.html"));   // sitemap only
  EXPECT_TRUE(Captured("policyline", "/briefs/2025/04/h20-licence-requirement"));  // feed only
  EXPECT_TRUE(Captured("techwire", "/2025/04/diffusion-rule-deadline.html"));      // feed only
}

TEST_F(SamplePipeline, CrawlFollowsTheRedirect) {
  EXPECT_TRUE(Captured("techwire", "/archives/1042"));
  EXPECT_TRUE(Captured("techwire", "/2025/01/amodei-deepseek-export-controls.html"));
}

TEST_F(SamplePipeline, SacksQuoteAttributedWithSource) {
  SearchOptions o;
  o.query = "\"private sector cook\"";
  o.limit = 10;
  auto r = Search(dir_->xapian_dir(), o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->hits.empty());
  bool found = false;
  for (const auto& h : r->hits) {
    if (!h.claim.speaker || h.claim.speaker->name != "David Sacks") continue;
    std::vector<SourceRef> sources = h.also_in;
    sources.push_back(h.source);
    for (const auto& s : sources) {
      if (s.url == bases_->at("techwire") + "/2024/12/sacks-ai-crypto-czar.html") {
        EXPECT_EQ(s.published, "2024-12-06");
        EXPECT_EQ(s.outlet, "TechWire Daily");
        found = true;
      }
    }
  }
  EXPECT_TRUE(found) << "no hit gives the Sacks quote to David Sacks with the TechWire source";
}

TEST_F(SamplePipeline, AmodeiQuoteAttributedOnTheDayItRan) {
  SearchOptions o;
  o.query = "existentially";
  o.speaker = "Dario Amodei";
  auto r = Search(dir_->xapian_dir(), o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->hits.empty());
  const SearchHit& h = r->hits[0];
  ASSERT_TRUE(h.claim.speaker.has_value());
  EXPECT_EQ(h.claim.speaker->id, "dario-amodei");
  EXPECT_EQ(h.source.published, "2025-01-30");
  EXPECT_NE(h.claim.text.find("existentially important"), std::string::npos);
}

TEST_F(SamplePipeline, NoClaimOnTheOffTopicRecipe) {
  SearchOptions o;
  o.query = "pumpkin";
  auto r = Search(dir_->xapian_dir(), o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (const auto& h : r->hits) EXPECT_FALSE(h.claim.speaker.has_value()) << h.claim.text;
}

TEST_F(SamplePipeline, StanceFilterReturnsOnlyThatStance) {
  SearchOptions o;
  o.stance = "oppose";
  o.target = "export-controls";
  o.limit = 100;
  auto r = Search(dir_->xapian_dir(), o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->hits.empty());
  for (const auto& h : r->hits) {
    bool oppose = false;
    for (const auto& s : h.claim.stances) oppose |= s.target == "export-controls" && s.label == "oppose";
    EXPECT_TRUE(oppose) << h.claim.text;
  }
}

TEST_F(SamplePipeline, TimelineSpansSeveralMonths) {
  TimelineOptions t;
  t.target = "export-controls";
  auto tl = BuildTimeline(dir_->xapian_dir(), t);
  ASSERT_TRUE(tl.ok()) << tl.status().message();
  EXPECT_GE(tl->periods.size(), 3u);
  EXPECT_GE(tl->rows.size(), 3u);
  EXPECT_NE(TimelineSvg(*tl).find("<svg"), std::string::npos);
}

TEST_F(SamplePipeline, ReindexIsIdempotent) {
  SearchOptions o;
  o.limit = 1;
  auto before = Search(dir_->xapian_dir(), o);
  ASSERT_TRUE(before.ok());
  auto lock = DataLock::Acquire(*dir_);
  ASSERT_TRUE(lock.ok());
  IndexOptions all;
  all.all = true;
  ASSERT_TRUE(IndexDataDir(*dir_, all).ok());
  auto after = Search(dir_->xapian_dir(), o);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(before->total, after->total);
}

TEST_F(SamplePipeline, CliSearchPrintsAttributionAndBadQueryIsExit2) {
  std::string scratch = MakeTempDir("e2e-cli");
  RunResult r = RunClaimdex("--data '" + dir_->root() + "' search --speaker sacks --format json", scratch);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("David Sacks"), std::string::npos);
  EXPECT_NE(r.out.find(bases_->at("techwire")), std::string::npos);

  RunResult bad = RunClaimdex("--data '" + dir_->root() + "' search 'chips AND (OR'", scratch);
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_EQ(CountLines(bad.err), 1u) << bad.err;

  RunResult missing = RunClaimdex("--data '" + dir_->root() + "' show c:0000000000000000", scratch);
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  std::filesystem::remove_all(scratch);
}

TEST_F(SamplePipeline, TimelineToAnUnwritablePathNamesThatPath) {
  std::string scratch = MakeTempDir("e2e-out");
  RunResult r = RunClaimdex("--data '" + dir_->root() + "' timeline --format svg --out /proc/claimdex-t.svg",
                            scratch);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(CountLines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("/proc/claimdex-t.svg:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(".tmp."), std::string::npos) << r.err;
  std::filesystem::remove_all(scratch);
}

TEST(Demo, RunsEndToEndAndLeavesAQueryableDataDirectory) {
  std::string scratch = MakeTempDir("demo");
  RunResult r = RunClaimdex("--data '" + scratch + "/data' demo", scratch);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("$ claimdex"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(scratch + "/data/timeline.svg"));
  EXPECT_TRUE(std::filesystem::exists(scratch + "/data/timeline.csv"));
  EXPECT_TRUE(std::filesystem::exists(scratch + "/data/timeline.html"));
  RunResult again = RunClaimdex("--data '" + scratch + "/data' search --speaker toner --limit 2", scratch);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("Toner"), std::string::npos);
  std::filesystem::remove_all(scratch);
}

}  // namespace
}  // namespace claimdex::testing
