// The crawler against a real HTTP server on 127.0.0.1, writing into a temp data directory.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <set>

#include "corpus/cdxj.h"
#include "corpus/data_dir.h"
#include "corpus/warc.h"
#include "crawler/crawler.h"
#include "test_site.h"

namespace claimdex {
namespace {

using testing::LoopbackProfile;
using testing::ReadAllRecords;
using testing::StoredRecord;
using testing::TempDir;
using testing::TestSite;

std::string Page(const std::string& title, const std::string& links = "") {
  return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>" + links +
         "</body></html>";
}

// The news site: robots.txt keeps crawlers out of /private; the home page links to articles,
// a redirect, a 404, a 500 and a page that answers 429 once; a feed and a sitemap list pages
// linked from nowhere.
void BuildNewsSite(TestSite* site, std::atomic<int>* busy_calls) {
  httplib::Server& s = site->server();
  s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /private\n", "text/plain");
  });
  s.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(Page("Home",
                         "<a href='/news/1'>Chip export controls</a> <a href=\"news/2\">Two</a>"
                         "<a href='/private/secret'>Secret</a> <a href='/old'>Old</a>"
                         "<a href='/missing'>Missing</a> <a href='/broken'>Broken</a>"
                         "<a href='/busy'>Busy</a> <a href='mailto:desk@example.com'>Mail</a>"
                         "<a href='http://elsewhere.invalid/x'>Elsewhere</a>"),
                    "text/html; charset=utf-8");
  });
  for (const char* path :
       {"/news/1", "/news/2", "/news/3", "/feed-only", "/sitemap-only", "/private/secret"}) {
    s.Get(path, [path](const httplib::Request&, httplib::Response& res) {
      res.set_content(Page(std::string("Article ") + path), "text/html");
    });
  }
  s.Get("/old",
        [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/news/3", 301); });
  s.Get("/broken", [](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content("oops", "text/plain");
  });
  s.Get("/busy", [busy_calls](const httplib::Request&, httplib::Response& res) {
    if ((*busy_calls)++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      res.set_content("slow down", "text/plain");
      return;
    }
    res.set_content(Page("Busy but fine"), "text/html");
  });
  s.Get("/feed.xml", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", "\"feed-v1\"");
    if (req.get_header_value("If-None-Match") == "\"feed-v1\"") {
      res.status = 304;
      return;
    }
    res.set_content(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>"
        "<item><link>/news/1</link></item><item><link>/feed-only</link></item></channel></rss>",
        "application/rss+xml");
  });
  s.Get("/sitemap.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<url><loc>/sitemap-only</loc></url><url><loc>/news/2</loc></url></urlset>",
        "application/xml");
  });
}

class CrawlerIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    BuildNewsSite(&site_, &busy_calls_);
    site_.Start();
    auto dir = DataDir::Open(temp_.path() + "/data", true);
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    dir_ = std::make_unique<DataDir>(dir.value());
    profile_ = LoopbackProfile(site_.base());
    profile_.feeds = {site_.base() + "/feed.xml"};
    profile_.sitemaps = {site_.base() + "/sitemap.xml"};
  }

  Result<CrawlReport> RunCrawl(const CrawlOptions& options = {}) {
    return Crawl(*dir_, profile_, options);
  }

  std::string Url(const std::string& path) const { return site_.base() + path; }

  // Records of `type` whose target is `path` on the test site.
  std::vector<StoredRecord> RecordsFor(const std::vector<StoredRecord>& all,
                                       const std::string& type, const std::string& path) const {
    std::vector<StoredRecord> out;
    for (const StoredRecord& stored : all) {
      if (stored.record.type == type && stored.record.target_uri == Url(path))
        out.push_back(stored);
    }
    return out;
  }

  TestSite site_;
  std::atomic<int> busy_calls_{0};
  TempDir temp_;
  std::unique_ptr<DataDir> dir_;
  Profile profile_;
};

TEST_F(CrawlerIntegration, ObeysRobotsTxtAndFetchesItFirst) {
  auto report = RunCrawl();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(site_.Hits("/private/secret"), 0);
  EXPECT_EQ(site_.Hits("/robots.txt"), 1);
  EXPECT_GE(report->robots_blocked, 1u);
  auto robots_times = site_.HitTimes("/robots.txt");
  auto home_times = site_.HitTimes("/");
  ASSERT_EQ(home_times.size(), 1u);
  EXPECT_LT(robots_times[0], home_times[0]);
}

TEST_F(CrawlerIntegration, FeedAndSitemapFindPagesLinkedNowhere) {
  ASSERT_TRUE(RunCrawl().ok());
  EXPECT_EQ(site_.Hits("/feed-only"), 1);
  EXPECT_EQ(site_.Hits("/sitemap-only"), 1);
  EXPECT_EQ(site_.Hits("/news/1"), 1);  // linked, in the feed: fetched once
  EXPECT_EQ(site_.Hits("/news/2"), 1);
}

TEST_F(CrawlerIntegration, RecordsBothHopsOfARedirect) {
  ASSERT_TRUE(RunCrawl().ok());
  auto records = ReadAllRecords(dir_->warc_dir());
  auto hop1 = RecordsFor(records, "response", "/old");
  auto hop2 = RecordsFor(records, "response", "/news/3");
  ASSERT_EQ(hop1.size(), 1u);
  ASSERT_EQ(hop2.size(), 1u);
  auto first = ParseHttpResponse(hop1[0].record.block);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->status, 301);
  EXPECT_NE(first->Header("Location").find("/news/3"), std::string::npos);
  EXPECT_EQ(ParseHttpResponse(hop2[0].record.block)->status, 200);
}

TEST_F(CrawlerIntegration, StoresErrorResponsesAndBacksOffOn429) {
  auto report = RunCrawl();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(site_.Hits("/missing"), 1);
  EXPECT_EQ(site_.Hits("/broken"), 1);  // a 500 is not retried within the run
  auto busy = site_.HitTimes("/busy");
  ASSERT_EQ(busy.size(), 2u);  // 429 with Retry-After: 1, then 200
  EXPECT_GE(busy[1] - busy[0], std::chrono::milliseconds(950));
  EXPECT_GE(report->errors, 2u);  // the 500 and the 429
  auto records = ReadAllRecords(dir_->warc_dir());
  auto missing = RecordsFor(records, "response", "/missing");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(ParseHttpResponse(missing[0].record.block)->status, 404);
}

TEST_F(CrawlerIntegration, WritesLinkedRequestAndResponseRecords) {
  ASSERT_TRUE(RunCrawl().ok());
  auto records = ReadAllRecords(dir_->warc_dir());
  auto responses = RecordsFor(records, "response", "/news/1");
  auto requests = RecordsFor(records, "request", "/news/1");
  ASSERT_EQ(responses.size(), 1u);
  ASSERT_EQ(requests.size(), 1u);
  const WarcRecord& response = responses[0].record;
  const WarcRecord& request = requests[0].record;
  EXPECT_EQ(response.Field("WARC-Concurrent-To"), request.record_id);
  EXPECT_EQ(request.Field("WARC-Concurrent-To"), response.record_id);
  EXPECT_EQ(response.Field("WARC-IP-Address"), "127.0.0.1");
  EXPECT_EQ(response.content_type, "application/http; msgtype=response");
  auto http = ParseHttpResponse(response.block);
  ASSERT_TRUE(http.ok());
  EXPECT_EQ(response.Field("WARC-Payload-Digest"), WarcSha1Digest(http->body));
  EXPECT_NE(http->body.find("Article /news/1"), std::string::npos);
  EXPECT_EQ(request.block.rfind("GET /news/1 HTTP/1.1\r\n", 0), 0u) << request.block;
  EXPECT_NE(request.block.find("User-Agent: claimdex-test/0.1"), std::string::npos);
  // robots.txt, the feed and the sitemap are captures too.
  EXPECT_EQ(RecordsFor(records, "response", "/robots.txt").size(), 1u);
  EXPECT_EQ(RecordsFor(records, "response", "/feed.xml").size(), 1u);
  EXPECT_EQ(RecordsFor(records, "response", "/sitemap.xml").size(), 1u);
}

TEST_F(CrawlerIntegration, CdxjLinesPointAtTheirRecords) {
  ASSERT_TRUE(RunCrawl().ok());
  std::vector<std::string> warnings;
  auto entries = ReadCdxDir(dir_->cdx_dir(), &warnings);
  ASSERT_TRUE(entries.ok()) << entries.status().message();
  EXPECT_TRUE(warnings.empty());
  std::set<std::string> urls;
  for (const CdxEntry& entry : entries.value()) {
    urls.insert(entry.url);
    auto record = ReadWarcRecordAt(dir_->warc_dir() + "/" + entry.filename, entry.offset);
    ASSERT_TRUE(record.ok()) << entry.url << ": " << record.status().message();
    EXPECT_EQ(record->target_uri, entry.url);
    EXPECT_EQ(record->type, "response");
    EXPECT_EQ(record->Field("WARC-Payload-Digest"), entry.digest);
    EXPECT_EQ(entry.surt, SurtKey(entry.url));
  }
  EXPECT_TRUE(urls.count(Url("/feed-only")));
  EXPECT_TRUE(urls.count(Url("/old")));
  EXPECT_FALSE(urls.count(Url("/private/secret")));
  for (const CdxEntry& entry : entries.value()) {
    if (entry.url == Url("/old")) {
      EXPECT_EQ(entry.status, 301);
    }
    if (entry.url == Url("/news/1")) {
      EXPECT_EQ(entry.mime, "text/html");
    }
  }
}

TEST_F(CrawlerIntegration, SecondCrawlWritesRevisitsNotDuplicateResponses) {
  CrawlOptions options;
  options.feed_poll_min_seconds = 0;  // feeds and sitemaps due again at once
  ASSERT_TRUE(RunCrawl(options).ok());
  auto second = RunCrawl(options);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->fetched, 0u);
  EXPECT_EQ(second->not_modified, 1u);  // the feed answers 304 to If-None-Match
  EXPECT_GE(second->revisits, 2u);      // home page and sitemap: identical payload
  EXPECT_EQ(site_.Hits("/news/1"), 1);  // articles already done are not refetched
  EXPECT_EQ(site_.Hits("/"), 2);        // seeds and feeds are re-polled
  EXPECT_EQ(site_.Hits("/feed.xml"), 2);

  auto records = ReadAllRecords(dir_->warc_dir());
  std::map<std::string, int> responses_200;
  for (const StoredRecord& stored : records) {
    if (stored.record.type != "response") continue;
    auto http = ParseHttpResponse(stored.record.block);
    if (http.ok() && http->status == 200) ++responses_200[stored.record.target_uri];
  }
  for (const auto& [url, count] : responses_200) EXPECT_EQ(count, 1) << url;

  auto home_revisits = RecordsFor(records, "revisit", "/");
  ASSERT_EQ(home_revisits.size(), 1u);
  const WarcRecord& revisit = home_revisits[0].record;
  EXPECT_EQ(revisit.Field("WARC-Profile"),
            "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
  EXPECT_EQ(revisit.Field("WARC-Refers-To"),
            RecordsFor(records, "response", "/")[0].record.record_id);
  auto feed_revisits = RecordsFor(records, "revisit", "/feed.xml");
  ASSERT_EQ(feed_revisits.size(), 1u);
  EXPECT_EQ(feed_revisits[0].record.Field("WARC-Profile"),
            "http://netpreserve.org/warc/1.1/revisit/server-not-modified");

  std::vector<std::string> warnings;
  auto entries = ReadCdxDir(dir_->cdx_dir(), &warnings);
  ASSERT_TRUE(entries.ok());
  int revisit_lines = 0;
  for (const CdxEntry& entry : entries.value()) revisit_lines += entry.revisit ? 1 : 0;
  EXPECT_GE(revisit_lines, 3);
}

TEST_F(CrawlerIntegration, ReportsHostHealth) {
  ASSERT_TRUE(RunCrawl().ok());
  auto health = ReadHostHealth(*dir_);
  ASSERT_TRUE(health.ok()) << health.status().message();
  ASSERT_EQ(health->size(), 1u);
  const HostHealth& host = health->front();
  EXPECT_EQ(host.host, site_.host_port());
  EXPECT_EQ(host.robots_status, "ok");
  EXPECT_GE(host.fetched, 10u);
  EXPECT_GE(host.errors, 2u);
  EXPECT_FALSE(host.last_fetch.empty());
  EXPECT_FALSE(host.parked);
  EXPECT_EQ(host.queued, 0u);
}

TEST_F(CrawlerIntegration, CallsProgressWhileCrawling) {
  int calls = 0;
  CrawlProgress last;
  CrawlOptions options;
  options.progress = [&](const CrawlProgress& progress) {
    ++calls;
    last = progress;
  };
  ASSERT_TRUE(RunCrawl(options).ok());
  EXPECT_GE(calls, 2);  // the 429 makes the crawl last more than a second
  EXPECT_GT(last.fetched, 0u);
  EXPECT_GT(last.bytes, 0u);
}

TEST_F(CrawlerIntegration, MaxPagesLimitsPageFetches) {
  CrawlOptions options;
  options.max_pages = 2;
  auto report = RunCrawl(options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(site_.TotalHits() - site_.Hits("/robots.txt"), 2);
}

TEST_F(CrawlerIntegration, SecondConcurrentCrawlIsBusy) {
  auto lock = DataLock::Acquire(*dir_);
  ASSERT_TRUE(lock.ok());
  auto report = RunCrawl();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kBusy);
  EXPECT_EQ(site_.TotalHits(), 0);
}

TEST_F(CrawlerIntegration, InvalidSeedIsInvalidInputNamingIt) {
  profile_.seeds = {"ftp://files.example.com/x"};
  auto report = RunCrawl();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(report.status().message().find("ftp://files.example.com/x"), std::string::npos);
}

TEST_F(CrawlerIntegration, SsrfGuardRefusesLoopbackUnlessAllowed) {
  profile_.politeness.allow_loopback = false;
  auto report = RunCrawl();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kRuntime);
  EXPECT_NE(report.status().message().find("no seed could be fetched"), std::string::npos);
  EXPECT_NE(report.status().message().find("SSRF"), std::string::npos) << report.status().message();
  EXPECT_EQ(site_.TotalHits(), 0);
}

int ClosedPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);  // never listened: connecting is refused
  return ntohs(address.sin_port);
}

TEST_F(CrawlerIntegration, UnreachableSeedIsARuntimeErrorWhenNothingCouldBeFetched) {
  std::string dead = "http://127.0.0.1:" + std::to_string(ClosedPort()) + "/";
  profile_.seeds = {dead};
  profile_.feeds.clear();
  profile_.sitemaps.clear();
  auto report = RunCrawl();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kRuntime);
  EXPECT_EQ(report.status().message(),
            "no seed could be fetched: " + dead + ": connection refused");
}

TEST_F(CrawlerIntegration, UnreachableSeedIsAWarningWhenAnotherWorks) {
  std::string dead = "http://127.0.0.1:" + std::to_string(ClosedPort()) + "/";
  profile_.seeds.push_back(dead);
  auto report = RunCrawl();
  ASSERT_TRUE(report.ok()) << report.status().message();
  bool warned = false;
  for (const std::string& warning : report->warnings) {
    warned = warned || warning.find(dead + ": connection refused") != std::string::npos;
  }
  EXPECT_TRUE(warned);
}

// A site of 20 articles; serving /p/3 sets the stop flag, as SIGINT would.
class StoppableCrawl : public ::testing::Test {
 protected:
  void SetUp() override {
    httplib::Server& s = site_.server();
    s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    s.Get("/", [](const httplib::Request&, httplib::Response& res) {
      std::string links;
      for (int i = 0; i < 20; ++i) links += "<a href='/p/" + std::to_string(i) + "'>p</a>";
      res.set_content(Page("Index", links), "text/html");
    });
    s.Get(R"(/p/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.matches[1] == "3") stop_ = true;
      res.set_content(Page("Page " + std::string(req.matches[1])), "text/html");
    });
    site_.Start();
    auto dir = DataDir::Open(temp_.path() + "/data", true);
    ASSERT_TRUE(dir.ok());
    dir_ = std::make_unique<DataDir>(dir.value());
    profile_ = LoopbackProfile(site_.base());
    profile_.politeness.concurrency = 1;
  }

  TestSite site_;
  std::atomic<bool> stop_{false};
  TempDir temp_;
  std::unique_ptr<DataDir> dir_;
  Profile profile_;
};

TEST_F(StoppableCrawl, StopFlagCancelsAndTheNextCrawlFinishesWithoutRefetching) {
  CrawlOptions options;
  options.stop = &stop_;
  auto first = Crawl(*dir_, profile_, options);
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.status().code(), Status::Code::kCancelled) << first.status().message();
  EXPECT_EQ(site_.Hits("/p/3"), 1);
  EXPECT_EQ(site_.Hits("/p/19"), 0);

  auto health = ReadHostHealth(*dir_);
  ASSERT_TRUE(health.ok());
  ASSERT_EQ(health->size(), 1u);
  EXPECT_GT(health->front().queued, 0u);
  EXPECT_EQ(health->front().robots_status, "allow-all (404)");

  auto second = Crawl(*dir_, profile_, CrawlOptions{});
  ASSERT_TRUE(second.ok()) << second.status().message();
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(site_.Hits("/p/" + std::to_string(i)), 1) << "/p/" << i;
  }
}

}  // namespace
}  // namespace claimdex
