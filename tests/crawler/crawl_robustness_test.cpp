// The crawler's answers to awkward servers: encodings, oversized bodies, robots.txt failures,
// Crawl-delay, failing hosts, and a frontier left behind by a killed crawl.
#include <gtest/gtest.h>

#include <atomic>

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

// gzip of "<html><body><h1>Compressed story</h1></body></html>"
const char kGzipped[] =
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xb3\xc9\x28\xc9\xcd\xb1\xb3\x49\xca\x4f\xa9\xb4\xb3"
    "\xc9\x30\xb4\x73\xce\xcf\x2d\x28\x4a\x2d\x2e\x4e\x4d\x51\x28\x2e\xc9\x2f\xaa\xb4\xd1\x07\x0a"
    "\xda\xe8\x43\xe4\xf5\xc1\x8a\x01\x99\xc7\x2e\x95\x33\x00\x00\x00";
const size_t kGzippedSize = 62;

class CrawlerRobustness : public ::testing::Test {
 protected:
  void StartSite() {
    site_.Start();
    auto dir = DataDir::Open(temp_.path() + "/data", true);
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    dir_ = std::make_unique<DataDir>(dir.value());
    profile_ = LoopbackProfile(site_.base());
  }
  void NoRobots() {
    site_.server().Get("/robots.txt",
                       [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  }
  std::vector<StoredRecord> Responses(const std::string& path) {
    std::vector<StoredRecord> out;
    for (StoredRecord& stored : ReadAllRecords(dir_->warc_dir())) {
      if (stored.record.type == "response" && stored.record.target_uri == site_.base() + path) {
        out.push_back(std::move(stored));
      }
    }
    return out;
  }

  TestSite site_;
  TempDir temp_;
  std::unique_ptr<DataDir> dir_;
  Profile profile_;
};

TEST_F(CrawlerRobustness, StoresTheDecodedBodyWithoutContentEncoding) {
  NoRobots();
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(std::string(kGzipped, kGzippedSize), "text/html");
  });
  StartSite();
  ASSERT_TRUE(Crawl(*dir_, profile_, {}).ok());
  auto responses = Responses("/");
  ASSERT_EQ(responses.size(), 1u);
  auto http = ParseHttpResponse(responses[0].record.block);
  ASSERT_TRUE(http.ok());
  EXPECT_EQ(http->body, "<html><body><h1>Compressed story</h1></body></html>");
  EXPECT_EQ(http->Header("Content-Encoding"), "");
  EXPECT_EQ(http->Header("X-Claimdex-Decoded-Content-Encoding"), "gzip");
  EXPECT_EQ(http->Header("Content-Length"), std::to_string(http->body.size()));
  EXPECT_EQ(responses[0].record.Field("WARC-Payload-Digest"), WarcSha1Digest(http->body));
}

TEST_F(CrawlerRobustness, DechunkedBodyGetsAContentLength) {
  NoRobots();
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [](size_t offset, httplib::DataSink& sink) {
      if (offset == 0) sink.write("<html>chunk one ", 16);
      sink.write("and two</html>", 14);
      sink.done();
      return true;
    });
  });
  StartSite();
  ASSERT_TRUE(Crawl(*dir_, profile_, {}).ok());
  auto responses = Responses("/");
  ASSERT_EQ(responses.size(), 1u);
  auto http = ParseHttpResponse(responses[0].record.block);
  ASSERT_TRUE(http.ok());
  EXPECT_EQ(http->body, "<html>chunk one and two</html>");
  EXPECT_EQ(http->Header("Transfer-Encoding"), "");
  EXPECT_EQ(http->Header("Content-Length"), "30");
}

TEST_F(CrawlerRobustness, CutsBodiesAtTenMebibytesAndSaysSo) {
  NoRobots();
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string((size_t{10} << 20) + 4096, 'x'), "text/html");
  });
  StartSite();
  auto report = Crawl(*dir_, profile_, {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  auto responses = Responses("/");
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].record.Field("WARC-Truncated"), "length");
  auto http = ParseHttpResponse(responses[0].record.block);
  ASSERT_TRUE(http.ok());
  EXPECT_EQ(http->body.size(), size_t{10} << 20);
}

TEST_F(CrawlerRobustness, Rfc9309_ServerErrorOnRobotsTxtFetchesNothingFromTheHost) {
  site_.server().Get("/robots.txt",
                     [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("home", "text/html");
  });
  StartSite();
  auto report = Crawl(*dir_, profile_, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kRuntime);
  EXPECT_NE(report.status().message().find("robots.txt answered HTTP 503"), std::string::npos)
      << report.status().message();
  EXPECT_EQ(site_.Hits("/"), 0);
  auto health = ReadHostHealth(*dir_);
  ASSERT_TRUE(health.ok());
  ASSERT_EQ(health->size(), 1u);
  EXPECT_EQ(health->front().robots_status, "unreachable");
  EXPECT_EQ(health->front().queued, 1u);  // the seed waits for the next run
}

TEST_F(CrawlerRobustness, FollowsRobotsTxtRedirects) {
  site_.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/real-robots.txt", 301);
  });
  site_.server().Get("/real-robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /no\n", "text/plain");
  });
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<a href='/no'>no</a><a href='/yes'>yes</a>", "text/html");
  });
  site_.server().Get("/yes", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("y", "text/html");
  });
  StartSite();
  ASSERT_TRUE(Crawl(*dir_, profile_, {}).ok());
  EXPECT_EQ(site_.Hits("/real-robots.txt"), 1);
  EXPECT_EQ(site_.Hits("/no"), 0);
  EXPECT_EQ(site_.Hits("/yes"), 1);
}

TEST_F(CrawlerRobustness, HonoursCrawlDelay) {
  site_.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: claimdex-test\nCrawl-delay: 0.4\nAllow: /\n", "text/plain");
  });
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<a href='/a'>a</a>", "text/html");
  });
  site_.server().Get("/a", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("a", "text/html");
  });
  StartSite();
  ASSERT_TRUE(Crawl(*dir_, profile_, {}).ok());
  auto home = site_.HitTimes("/");
  auto page = site_.HitTimes("/a");
  ASSERT_EQ(home.size(), 1u);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_GE(page[0] - home[0], std::chrono::milliseconds(380));
}

TEST_F(CrawlerRobustness, ParksAHostAfterFiveConsecutiveFailures) {
  NoRobots();
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    std::string links;
    for (int i = 0; i < 8; ++i) links += "<a href='/e/" + std::to_string(i) + "'>e</a>";
    res.set_content(links, "text/html");
  });
  site_.server().Get(R"(/e/(\d+))",
                     [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  StartSite();
  auto report = Crawl(*dir_, profile_, {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  int fetched = 0;
  for (int i = 0; i < 8; ++i) fetched += site_.Hits("/e/" + std::to_string(i));
  EXPECT_EQ(fetched, 5);
  bool warned = false;
  for (const std::string& warning : report->warnings)
    warned = warned || warning.find("parked") != std::string::npos;
  EXPECT_TRUE(warned);
  auto health = ReadHostHealth(*dir_);
  ASSERT_TRUE(health.ok());
  EXPECT_TRUE(health->front().parked);
  EXPECT_EQ(health->front().queued, 3u);
}

TEST_F(CrawlerRobustness, RequeuesUrlsLeftInFlightByAKilledCrawl) {
  NoRobots();
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("home", "text/html");
  });
  site_.server().Get("/orphan", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("orphan", "text/html");
  });
  StartSite();
  {
    auto state = CrawlState::Open(dir_->state_path());
    ASSERT_TRUE(state.ok()) << state.status().message();
    FrontierEntry entry;
    entry.url = site_.base() + "/orphan";
    entry.host = site_.host_port();
    entry.depth = 1;
    bool added = false;
    ASSERT_TRUE(state.value()->AddUrl(entry, site_.base() + "/", &added).ok());
    ASSERT_TRUE(state.value()->SetUrlStatus(entry.url, "inflight", 0, 0).ok());
  }
  ASSERT_TRUE(Crawl(*dir_, profile_, {}).ok());
  EXPECT_EQ(site_.Hits("/orphan"), 1);
}

TEST_F(CrawlerRobustness, ShardsSplitHostsByRegisteredDomain) {
  NoRobots();
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("home", "text/html");
  });
  StartSite();
  int crawls_that_fetched = 0;
  for (int shard = 0; shard < 2; ++shard) {
    auto dir = DataDir::Open(temp_.path() + "/shard" + std::to_string(shard), true);
    ASSERT_TRUE(dir.ok());
    CrawlOptions options;
    options.shard_index = shard;
    options.shard_count = 2;
    int before = site_.Hits("/");
    auto report = Crawl(dir.value(), profile_, options);
    ASSERT_TRUE(report.ok()) << report.status().message();
    crawls_that_fetched += site_.Hits("/") > before ? 1 : 0;
  }
  EXPECT_EQ(crawls_that_fetched, 1);  // one host: exactly one shard owns it
}

TEST_F(CrawlerRobustness, RobotsTxtIsObeyedOnEveryRunEvenWithValidators) {
  site_.server().Get("/robots.txt", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", "\"r1\"");
    if (req.get_header_value("If-None-Match") == "\"r1\"") {
      res.status = 304;
      return;
    }
    res.set_content("User-agent: *\nDisallow: /private\n", "text/plain");
  });
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("home", "text/html");
  });
  site_.server().Get("/private/x", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("p", "text/html");
  });
  StartSite();
  ASSERT_TRUE(Crawl(*dir_, profile_, {}).ok());
  CrawlOptions options;
  options.extra_seeds = {site_.base() + "/private/x"};
  auto second = Crawl(*dir_, profile_, options);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->robots_blocked, 1u);
  EXPECT_EQ(site_.Hits("/private/x"), 0);
}

TEST_F(CrawlerRobustness, RejectsABadShard) {
  StartSite();
  CrawlOptions options;
  options.shard_index = 2;
  options.shard_count = 2;
  auto report = Crawl(*dir_, profile_, options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kInvalidInput);
}

TEST_F(CrawlerRobustness, ExtraSeedsAreCrawledToo) {
  NoRobots();
  site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("home", "text/html");
  });
  site_.server().Get("/extra", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("x", "text/html");
  });
  StartSite();
  CrawlOptions options;
  options.extra_seeds = {site_.base() + "/extra#frag"};
  ASSERT_TRUE(Crawl(*dir_, profile_, options).ok());
  EXPECT_EQ(site_.Hits("/extra"), 1);
}

}  // namespace
}  // namespace claimdex
