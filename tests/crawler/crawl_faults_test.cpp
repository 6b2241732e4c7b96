// Fault injection: servers that reset connections, lie about Content-Length, stall, loop
// redirects, send odd schemes, wrong Content-Types and broken feeds. Each is logged with the URL
// and the reason, and the crawl goes on.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "corpus/data_dir.h"
#include "corpus/warc.h"
#include "crawler/crawler.h"
#include "test_site.h"

namespace claimdex {
namespace {

using testing::LoopbackProfile;
using testing::RawServer;
using testing::ReadAllRecords;
using testing::SendAll;
using testing::StoredRecord;
using testing::TempDir;
using testing::TestSite;

bool HasWarning(const CrawlReport& report, const std::string& a, const std::string& b) {
  for (const std::string& warning : report.warnings) {
    if (warning.find(a) != std::string::npos && warning.find(b) != std::string::npos) return true;
  }
  return false;
}

class CrawlFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = DataDir::Open(temp_.path() + "/data", true);
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    dir_ = std::make_unique<DataDir>(dir.value());
  }
  std::vector<StoredRecord> Responses(const std::string& url) {
    std::vector<StoredRecord> out;
    for (StoredRecord& stored : ReadAllRecords(dir_->warc_dir())) {
      if (stored.record.type == "response" && stored.record.target_uri == url)
        out.push_back(std::move(stored));
    }
    return out;
  }

  TempDir temp_;
  std::unique_ptr<DataDir> dir_;
};

// The raw site: / links to a reset, a short body, a stall and a good page.
bool RawSite(const std::string& path, int fd) {
  const std::string ok = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n";
  if (path == "/robots.txt") {
    SendAll(fd, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  } else if (path == "/") {
    std::string body =
        "<a href='/reset'>r</a><a href='/short'>s</a><a href='/stall'>t</a>"
        "<a href='/good'>g</a>";
    SendAll(fd, ok + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  } else if (path == "/reset") {
    return true;  // RST before any answer
  } else if (path == "/short") {
    SendAll(fd, ok + "Content-Length: 5000\r\n\r\nonly this much arrives");
  } else if (path == "/stall") {
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
  } else {
    SendAll(fd, ok + "Content-Length: 4\r\n\r\ngood");
  }
  return false;
}

TEST_F(CrawlFaults, ResetsShortBodiesAndStallsAreLoggedAndTheCrawlGoesOn) {
  RawServer server(RawSite);
  Profile profile = LoopbackProfile(server.base());
  profile.politeness.delay_seconds = 0;
  CrawlOptions options;
  options.total_timeout_seconds = 0.4;
  options.backoff_base_seconds = 0.05;
  auto started = std::chrono::steady_clock::now();
  auto report = Crawl(*dir_, profile, options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  EXPECT_EQ(server.Hits("/good"), 1);
  // A reset and a stall are transport errors, retried (3 tries in all), then given up.
  EXPECT_EQ(server.Hits("/reset"), 3);
  EXPECT_EQ(server.Hits("/stall"), 3);
  EXPECT_GE(report->errors, 6u);
  // A body shorter than its Content-Length is kept, marked truncated.
  auto short_body = Responses(server.base() + "/short");
  ASSERT_EQ(short_body.size(), 1u);
  EXPECT_EQ(short_body[0].record.Field("WARC-Truncated"), "length");
  auto http = ParseHttpResponse(short_body[0].record.block);
  ASSERT_TRUE(http.ok());
  EXPECT_EQ(http->body, "only this much arrives");
  auto health = ReadHostHealth(*dir_);
  ASSERT_TRUE(health.ok());
  ASSERT_EQ(health->size(), 1u);
  EXPECT_GE(health->front().errors, 6u);
}

TEST_F(CrawlFaults, RedirectLoopsEndAndOddSchemesAreLogged) {
  TestSite site;
  site.server().Get("/robots.txt",
                    [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  site.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<a href='/loop1'>l</a><a href='/ftp'>f</a><a href='/nowhere'>n</a>",
                    "text/html");
  });
  site.server().Get("/loop1", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop2");
  });
  site.server().Get("/loop2", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop1");
  });
  site.server().Get("/ftp", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("ftp://files.example.com/x");
  });
  site.server().Get("/nowhere",
                    [](const httplib::Request&, httplib::Response& res) { res.status = 302; });
  site.Start();
  auto report = Crawl(*dir_, LoopbackProfile(site.base()), {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(site.Hits("/loop1"), 1);  // each hop recorded once; the frontier ends the loop
  EXPECT_EQ(site.Hits("/loop2"), 1);
  EXPECT_EQ(Responses(site.base() + "/loop2").size(), 1u);
  EXPECT_TRUE(HasWarning(*report, site.base() + "/ftp", "ftp://files.example.com/x"));
  EXPECT_TRUE(HasWarning(*report, site.base() + "/nowhere", "without a Location"));
}

TEST_F(CrawlFaults, WrongContentTypesAndBrokenFeedsAreHandledByWhatTheBodyIs) {
  TestSite site;
  site.server().Get("/robots.txt",
                    [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  site.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    // Links in a body labelled as an image are not followed.
    res.set_content("<a href='/hidden'>h</a>", "image/png");
  });
  site.server().Get("/feed", [](const httplib::Request&, httplib::Response& res) {
    // A feed labelled text/html, cut off mid-item: what can be recovered is used.
    res.set_content("<rss><channel><item><link>/from-feed</link></item><item><link>/cut",
                    "text/html");
  });
  site.server().Get("/notafeed", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><body>a page, not a feed</body></html>", "text/html");
  });
  for (const char* path : {"/hidden", "/from-feed"}) {
    site.server().Get(path, [](const httplib::Request&, httplib::Response& res) {
      res.set_content("x", "text/html");
    });
  }
  site.Start();
  Profile profile = LoopbackProfile(site.base());
  profile.feeds = {site.base() + "/feed", site.base() + "/notafeed"};
  auto report = Crawl(*dir_, profile, {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(site.Hits("/hidden"), 0);
  EXPECT_EQ(site.Hits("/from-feed"), 1);
  EXPECT_TRUE(HasWarning(*report, site.base() + "/notafeed", "not a feed or sitemap"));
}

}  // namespace
}  // namespace claimdex
