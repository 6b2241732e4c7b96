// The crawler's per-response shortcuts must give the answers the long way gives: the href memo
// of link discovery, SQLite's statement cache, and closing a connection the crawl is done with.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "crawler/capture_writer.h"
#include "crawler/discovery.h"
#include "crawler/fetcher.h"
#include "crawler/sqlite_db.h"
#include "crawler/url.h"
#include "test_site.h"

namespace claimdex {
namespace {

FetchResult HtmlPage(const std::string& url, const std::string& body) {
  FetchResult result;
  result.url = url;
  result.responded = true;
  result.status = 200;
  result.status_line = "HTTP/1.1 200 OK";
  result.headers = {{"Content-Type", "text/html"}};
  result.body = body;
  return result;
}

std::vector<std::string> Urls(const FoundLinks& found) {
  std::vector<std::string> urls;
  for (const FoundLink& link : found.links) urls.push_back(link.url);
  return urls;
}

// Every link of `body` on `url`, resolved one by one with ResolveUrl (no memo).
std::vector<std::string> ResolvedOneByOne(const std::string& url, const std::string& body) {
  HtmlLinks links = ExtractLinks(body);
  std::string base = links.base_href.empty() ? url : ResolveUrl(url, links.base_href).value();
  std::vector<std::string> urls;
  for (const HtmlLink& link : links.links) {
    auto resolved = ResolveUrl(base, link.href);
    if (resolved.ok()) urls.push_back(resolved.value());
  }
  return urls;
}

TEST(HrefMemo, RootRelativeLinksResolveAgainstEachPagesOwnOrigin) {
  const std::string body = "<a href='/news/1'>a</a><a href='http://Other.example/x#f'>b</a>";
  FoundLinks first = CollectLinks(UrlKind::kPage, HtmlPage("http://a.example/p/1", body));
  FoundLinks second = CollectLinks(UrlKind::kPage, HtmlPage("https://b.example:8443/q", body));
  EXPECT_EQ(Urls(first),
            (std::vector<std::string>{"http://a.example/news/1", "http://other.example/x"}));
  EXPECT_EQ(Urls(second),
            (std::vector<std::string>{"https://b.example:8443/news/1", "http://other.example/x"}));
}

TEST(HrefMemo, RepeatedPagesGiveTheSameLinksAsResolvingEachHref) {
  const std::string body =
      "<a href='/a/../b?utm_source=x&id=2'>1</a><a href='rel/c'>2</a><a href='HTTPS://X.example'>3"
      "</a><a href='//cdn.example/d'>4</a><a href='#top'>5</a><a href='http://[bad'>6</a>"
      "<a href='/%7Euser'>7</a><a href='/a b'>8</a>";
  for (const std::string& url :
       {std::string("http://s.example/dir/page"), std::string("http://s.example/other/x"),
        std::string("http://t.example/dir/page"), std::string("http://s.example/dir/page")}) {
    FoundLinks found = CollectLinks(UrlKind::kPage, HtmlPage(url, body));
    EXPECT_EQ(Urls(found), ResolvedOneByOne(url, body)) << url;
  }
}

TEST(HrefMemo, BaseHrefDecidesTheOriginOfRootRelativeLinks) {
  const std::string plain = "<a href='/x'>x</a>";
  const std::string based = "<base href='http://c.example/dir/'><a href='/x'>x</a>";
  EXPECT_EQ(Urls(CollectLinks(UrlKind::kPage, HtmlPage("http://a.example/", plain))),
            std::vector<std::string>{"http://a.example/x"});
  EXPECT_EQ(Urls(CollectLinks(UrlKind::kPage, HtmlPage("http://a.example/", based))),
            std::vector<std::string>{"http://c.example/x"});
}

class StatementCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("claimdex-stmt-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = SqliteDb::Open((dir_ / "t.sqlite").string()).value();
    ASSERT_TRUE(db_->Exec("CREATE TABLE t(k TEXT, v TEXT)").ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::vector<std::string> Values() {
    auto stmt = db_->Prepare("SELECT ifnull(v, 'NULL') FROM t ORDER BY rowid");
    std::vector<std::string> out;
    while (stmt->Step()) out.push_back(stmt->Text(0));
    return out;
  }
  std::filesystem::path dir_;
  std::unique_ptr<SqliteDb> db_;
};

TEST_F(StatementCache, AReusedStatementStartsWithoutTheOldBindings) {
  const std::string insert = "INSERT INTO t(k, v) VALUES(?, ?)";
  ASSERT_TRUE(db_->Prepare(insert)->Bind(1, "a").Bind(2, "first").Run().ok());
  ASSERT_TRUE(db_->Prepare(insert)->Bind(1, "b").Run().ok());  // v left unbound: NULL
  EXPECT_EQ(Values(), (std::vector<std::string>{"first", "NULL"}));
}

TEST_F(StatementCache, TheSameSqlCanBeOpenTwiceAtOnce) {
  ASSERT_TRUE(db_->Exec("INSERT INTO t VALUES('1','x'); INSERT INTO t VALUES('2','y')").ok());
  const std::string select = "SELECT v FROM t WHERE k >= ? ORDER BY k";
  auto outer = db_->Prepare(select);
  ASSERT_TRUE(outer.ok());
  outer->Bind(1, "1");
  std::vector<std::string> pairs;
  while (outer->Step()) {
    auto inner = db_->Prepare(select);
    inner->Bind(1, "2");
    ASSERT_TRUE(inner->Step());
    pairs.push_back(outer->Text(0) + inner->Text(0));
  }
  EXPECT_EQ(pairs, (std::vector<std::string>{"xy", "yy"}));
}

TEST_F(StatementCache, AnAbandonedReadDoesNotBlockAWriter) {
  ASSERT_TRUE(db_->Exec("INSERT INTO t VALUES('1','x'); INSERT INTO t VALUES('2','y')").ok());
  {
    auto read = db_->Prepare("SELECT v FROM t");
    ASSERT_TRUE(read->Step());  // left mid-way: back in the cache it must hold no read lock
  }
  auto other = SqliteDb::Open((dir_ / "t.sqlite").string()).value();
  ASSERT_TRUE(other->Exec("DELETE FROM t").ok());
  auto checkpoint = other->Prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  ASSERT_TRUE(checkpoint->Step());
  EXPECT_EQ(checkpoint->Int(0), 0);  // 1 (busy) while another connection still reads
}

// Each request reports the client port its connection came from.
class PortEcho {
 public:
  PortEcho() {
    site_.server().Get("/", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(std::to_string(req.remote_port), "text/plain");
    });
    site_.Start();
  }
  std::string url() const { return site_.base() + "/"; }

 private:
  testing::TestSite site_;
};

std::vector<std::string> FetchTwice(const std::string& url, bool close_first) {
  FetcherOptions options;
  options.user_agent = "claimdex-test";
  options.allow_loopback = true;
  auto fetcher = Fetcher::Create(options).value();
  std::vector<std::string> ports;
  for (int i = 0; i < 2; ++i) {
    FetchRequest request;
    request.id = static_cast<uint64_t>(i + 1);
    request.url = url;
    request.close_connection = close_first && i == 0;
    fetcher->Start(request);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (ports.size() <= static_cast<size_t>(i) && std::chrono::steady_clock::now() < deadline) {
      for (FetchResult& result : fetcher->Poll(50)) ports.push_back(result.body);
    }
  }
  return ports;
}

TEST(FetcherConnections, KeptByDefaultAndClosedWhenTheRequestSaysSo) {
  PortEcho server;
  std::vector<std::string> kept = FetchTwice(server.url(), false);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0], kept[1]);
  std::vector<std::string> closed = FetchTwice(server.url(), true);
  ASSERT_EQ(closed.size(), 2u);
  EXPECT_NE(closed[0], closed[1]);
}

// Record ids come from a per-thread pool of random bytes; a forked child must not repeat the
// ids its parent goes on to use.
TEST(RecordIds, AForkedChildDoesNotRepeatItsParentsIds) {
  auto dir = std::filesystem::temp_directory_path() /
             ("claimdex-ids-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  FetchResult page = HtmlPage("http://a.example/", "<p>hi</p>");
  page.request_head = "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n";
  auto id_of_next_capture = [&](const std::string& sub) {
    CaptureWriter writer((dir / sub / "warc").string(), (dir / sub / "cdx").string(), "test");
    std::filesystem::create_directories(dir / sub / "cdx");
    auto row = writer.Write(page, PriorCapture{}, NowCaptureTime());
    return row.ok() ? row->record_id : std::string("error: ") + row.status().message();
  };
  std::string first = id_of_next_capture("parent1");
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::string id = id_of_next_capture("child");
    ssize_t written = ::write(pipe_fds[1], id.data(), id.size());
    ::_exit(written == static_cast<ssize_t>(id.size()) ? 0 : 1);
  }
  ::close(pipe_fds[1]);
  std::string from_child;
  char buffer[256];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) from_child.append(buffer, n);
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  std::string from_parent = id_of_next_capture("parent2");
  std::filesystem::remove_all(dir);
  ASSERT_EQ(from_child.rfind("<urn:uuid:", 0), 0u) << from_child;
  EXPECT_NE(from_child, from_parent);
  EXPECT_NE(first, from_parent);
}

}  // namespace
}  // namespace claimdex
