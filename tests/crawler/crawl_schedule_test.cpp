// Scheduling across runs: revisits of articles on a decaying schedule, adaptive feed polling,
// long delays that are kept rather than waited out, robots.txt caching and its Sitemap lines,
// and politeness per registered domain.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "corpus/data_dir.h"
#include "corpus/warc.h"
#include "crawler/crawler.h"
#include "crawler/state.h"
#include "test_site.h"

namespace claimdex {
namespace {

using testing::LoopbackProfile;
using testing::ReadAllRecords;
using testing::StoredRecord;
using testing::TempDir;
using testing::TestSite;

class CrawlSchedule : public ::testing::Test {
 protected:
  void StartSite() {
    site_.Start();
    auto dir = DataDir::Open(temp_.path() + "/data", true);
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    dir_ = std::make_unique<DataDir>(dir.value());
    profile_ = LoopbackProfile(site_.base());
  }
  void NoRobots(TestSite* site) {
    site->server().Get("/robots.txt",
                       [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  }
  std::vector<StoredRecord> Records(const std::string& type, const std::string& url) {
    std::vector<StoredRecord> out;
    for (StoredRecord& stored : ReadAllRecords(dir_->warc_dir())) {
      if (stored.record.type == type && stored.record.target_uri == url)
        out.push_back(std::move(stored));
    }
    return out;
  }
  double RevisitInterval(const std::string& url) {
    auto state = CrawlState::Open(dir_->state_path());
    EXPECT_TRUE(state.ok());
    auto stmt = state.value()->db()->Prepare("SELECT revisit_interval FROM frontier WHERE url=?");
    EXPECT_TRUE(stmt.ok());
    return stmt->Bind(1, url).Step() ? stmt->Real(0) : -1;
  }
  static void Sleep(double seconds) {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  }

  TestSite site_;
  TempDir temp_;
  std::unique_ptr<DataDir> dir_;
  Profile profile_;
};

TEST_F(CrawlSchedule, ChangedArticleIsStoredAsANewVersionAndUnchangedOneAsARevisit) {
  NoRobots(&site_);
  std::atomic<int> version{1};
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<a href='/a'>a</a>", "text/html");
  });
  site_.server().Get("/a", [&version](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>story, version " + std::to_string(version.load()) + "</p>", "text/html");
  });
  StartSite();
  CrawlOptions options;
  options.page_revisit_first_seconds = 0.3;
  ASSERT_TRUE(Crawl(*dir_, profile_, options).ok());
  EXPECT_NEAR(RevisitInterval(site_.base() + "/a"), 0.3, 1e-9);

  ASSERT_TRUE(Crawl(*dir_, profile_, options).ok());
  EXPECT_EQ(site_.Hits("/a"), 1);  // not due yet

  Sleep(0.35);
  version = 2;  // a correction
  ASSERT_TRUE(Crawl(*dir_, profile_, options).ok());
  EXPECT_EQ(site_.Hits("/a"), 2);
  auto responses = Records("response", site_.base() + "/a");
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_NE(responses[0].record.Field("WARC-Payload-Digest"),
            responses[1].record.Field("WARC-Payload-Digest"));
  EXPECT_NEAR(RevisitInterval(site_.base() + "/a"), 0.3, 1e-9);  // changed: start over

  Sleep(0.35);
  ASSERT_TRUE(Crawl(*dir_, profile_, options).ok());
  EXPECT_EQ(site_.Hits("/a"), 3);
  auto revisits = Records("revisit", site_.base() + "/a");
  ASSERT_EQ(revisits.size(), 1u);
  EXPECT_EQ(revisits[0].record.Field("WARC-Refers-To"), responses[1].record.record_id);
  EXPECT_NEAR(RevisitInterval(site_.base() + "/a"), 0.6, 1e-9);  // unchanged: decays
}

TEST_F(CrawlSchedule, FeedsArePolledOnAnAdaptiveInterval) {
  NoRobots(&site_);
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("home", "text/html");
  });
  site_.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<rss version='2.0'><channel><item><link>/a</link></item></channel></rss>",
                    "application/rss+xml");
  });
  site_.server().Get("/a", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("a", "text/html");
  });
  StartSite();
  profile_.feeds = {site_.base() + "/feed.xml"};
  CrawlOptions options;
  options.feed_poll_min_seconds = 0.3;
  options.feed_poll_max_seconds = 10;
  ASSERT_TRUE(Crawl(*dir_, profile_, options).ok());
  EXPECT_NEAR(RevisitInterval(site_.base() + "/feed.xml"), 0.3, 1e-9);
  ASSERT_TRUE(Crawl(*dir_, profile_, options).ok());
  EXPECT_EQ(site_.Hits("/feed.xml"), 1);  // not due
  EXPECT_EQ(site_.Hits("/"), 2);          // the seed page is fetched every run
  Sleep(0.35);
  ASSERT_TRUE(Crawl(*dir_, profile_, options).ok());
  EXPECT_EQ(site_.Hits("/feed.xml"), 2);
  EXPECT_NEAR(RevisitInterval(site_.base() + "/feed.xml"), 0.6, 1e-9);  // unchanged: later
}

TEST_F(CrawlSchedule, LongRetryAfterIsKeptForALaterRunWhileOtherHostsGoOn) {
  TestSite other("127.0.0.2");
  NoRobots(&site_);
  NoRobots(&other);
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "3600");
    res.set_content("maintenance", "text/plain");
  });
  other.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<a href='/b'>b</a>", "text/html");
  });
  other.server().Get("/b", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("b", "text/html");
  });
  other.Start();
  StartSite();
  profile_.seeds.push_back(other.base() + "/");
  auto started = std::chrono::steady_clock::now();
  auto report = Crawl(*dir_, profile_, {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(other.Hits("/b"), 1);
  EXPECT_EQ(site_.Hits("/"), 1);
  bool warned = false;
  for (const std::string& warning : report->warnings)
    warned = warned || (warning.find(site_.host_port()) != std::string::npos &&
                        warning.find("later run") != std::string::npos);
  EXPECT_TRUE(warned);

  auto health = ReadHostHealth(*dir_);
  ASSERT_TRUE(health.ok());
  bool found = false;
  for (const HostHealth& host : health.value()) {
    if (host.host != site_.host_port()) continue;
    found = true;
    EXPECT_FALSE(host.not_before.empty());
    EXPECT_EQ(host.queued, 1u);
  }
  EXPECT_TRUE(found);

  // The next run must not ask earlier than the server said.
  ASSERT_TRUE(Crawl(*dir_, profile_, {}).ok());
  EXPECT_EQ(site_.Hits("/"), 1);
}

TEST_F(CrawlSchedule, LongCrawlDelayIsScheduledNotShortenedAndRobotsTxtIsCached) {
  site_.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nCrawl-delay: 120\n", "text/plain");
  });
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<a href='/a'>a</a>", "text/html");
  });
  site_.server().Get("/a", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("a", "text/html");
  });
  StartSite();
  auto started = std::chrono::steady_clock::now();
  auto first = Crawl(*dir_, profile_, {});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  // robots.txt, then (120 s later) the seed: neither page this run, nothing dropped.
  EXPECT_EQ(site_.Hits("/"), 0);
  ASSERT_TRUE(Crawl(*dir_, profile_, {}).ok());
  EXPECT_EQ(site_.Hits("/"), 0);
  EXPECT_EQ(site_.Hits("/robots.txt"), 1);  // cached for 24 hours
  auto health = ReadHostHealth(*dir_);
  ASSERT_TRUE(health.ok());
  ASSERT_EQ(health->size(), 1u);
  EXPECT_EQ(health->front().queued, 1u);
  EXPECT_FALSE(health->front().not_before.empty());
}

TEST_F(CrawlSchedule, Rfc9309_SitemapLinesOfRobotsTxtAreFollowed) {
  site_.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "User-agent: *\nDisallow: /private\nSitemap: /maps/news.xml\n"
        "Sitemap: ftp://bad.example/x.xml\n",
        "text/plain");
  });
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("home", "text/html");
  });
  site_.server().Get("/maps/news.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<urlset><url><loc>/only-in-sitemap</loc></url></urlset>", "application/xml");
  });
  site_.server().Get("/only-in-sitemap", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("found", "text/html");
  });
  StartSite();
  auto report = Crawl(*dir_, profile_, {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(site_.Hits("/maps/news.xml"), 1);
  EXPECT_EQ(site_.Hits("/only-in-sitemap"), 1);
  bool warned = false;
  for (const std::string& warning : report->warnings)
    warned = warned || warning.find("ftp://bad.example/x.xml") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST_F(CrawlSchedule, PolitenessHoldsPerRegisteredDomainAcrossPorts) {
  TestSite second;  // another port of 127.0.0.1: another host, the same site
  for (TestSite* site : {&site_, &second}) {
    NoRobots(site);
    site->server().Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<a href='/x'>x</a>", "text/html");
    });
    site->server().Get("/x", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("x", "text/html");
    });
  }
  second.Start();
  StartSite();
  profile_.seeds.push_back(second.base() + "/");
  profile_.politeness.delay_seconds = 0.25;
  ASSERT_TRUE(Crawl(*dir_, profile_, {}).ok());
  std::vector<TestSite::Clock::time_point> times;
  for (TestSite* site : {&site_, &second}) {
    for (const char* path : {"/robots.txt", "/", "/x"}) {
      auto hits = site->HitTimes(path);
      EXPECT_EQ(hits.size(), 1u) << path;
      times.insert(times.end(), hits.begin(), hits.end());
    }
  }
  std::sort(times.begin(), times.end());
  for (size_t i = 1; i < times.size(); ++i)
    EXPECT_GE(times[i] - times[i - 1], std::chrono::milliseconds(230)) << i;
}

}  // namespace
}  // namespace claimdex
