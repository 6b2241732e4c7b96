// The crawler on the bundled sample site (corpus/sample, several outlets on several loopback
// hosts), with the profile the demo uses.
#include <gtest/gtest.h>

#include "corpus/cdxj.h"
#include "corpus/data_dir.h"
#include "corpus/profile.h"
#include "corpus/sample_site.h"
#include "crawler/crawler.h"
#include "test_site.h"

namespace claimdex {
namespace {

TEST(SampleSiteCrawl, CrawlsEveryOutletWithoutErrors) {
  auto site = SampleSite::Start();
  ASSERT_TRUE(site.ok()) << site.status().message();
  auto profile = ParseProfile(site.value()->ProfileToml(), "sample profile");
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  profile->politeness.delay_seconds = 0.01;
  testing::TempDir temp;
  auto dir = DataDir::Open(temp.path() + "/data", true);
  ASSERT_TRUE(dir.ok());

  auto report = Crawl(dir.value(), profile.value(), CrawlOptions{});
  ASSERT_TRUE(report.ok()) << report.status().message();
  for (const std::string& warning : report->warnings) ADD_FAILURE() << warning;
  EXPECT_GE(report->fetched, site.value()->Seeds().size() + site.value()->Feeds().size());

  std::vector<std::string> cdx_warnings;
  auto entries = ReadCdxDir(dir->cdx_dir(), &cdx_warnings);
  ASSERT_TRUE(entries.ok());
  EXPECT_GT(entries->size(), 3 * site.value()->bases().size());
  for (const CdxEntry& entry : entries.value()) {
    EXPECT_LT(entry.status, 500) << entry.url;
    EXPECT_EQ(entry.url.find("/private/"), std::string::npos)
        << "robots.txt disallows " << entry.url;
  }
  auto health = ReadHostHealth(dir.value());
  ASSERT_TRUE(health.ok());
  EXPECT_EQ(health->size(), site.value()->bases().size());
  for (const HostHealth& host : health.value()) {
    EXPECT_NE(host.robots_status, "unreachable") << host.host;
    EXPECT_EQ(host.queued, 0u) << host.host;
    EXPECT_GT(host.fetched, 1u) << host.host;
  }
}

}  // namespace
}  // namespace claimdex
