// Kill safety: a crawl killed with SIGKILL mid-run leaves a data directory whose CDXJ lines all
// point at readable records, and the next crawl finishes the job.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "corpus/cdxj.h"
#include "corpus/data_dir.h"
#include "corpus/warc.h"
#include "crawler/crawler.h"
#include "test_site.h"

namespace claimdex {
namespace {

using testing::LoopbackProfile;
using testing::TempDir;
using testing::TestSite;

constexpr int kPages = 30;

TEST(CrawlerKillSafety, SigkillMidCrawlLosesNothingAndTheNextRunResumes) {
  TestSite site;
  site.server().Get("/robots.txt",
                    [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  site.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    std::string links;
    for (int i = 0; i < kPages; ++i) links += "<a href='/p/" + std::to_string(i) + "'>p</a>";
    res.set_content(links, "text/html");
  });
  site.server().Get(R"(/p/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(15));
    res.set_content("page " + std::string(req.matches[1]), "text/html");
  });
  site.Start();
  TempDir temp;
  auto dir = DataDir::Open(temp.path() + "/data", true);
  ASSERT_TRUE(dir.ok());
  Profile profile = LoopbackProfile(site.base());

  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto report = Crawl(dir.value(), profile, CrawlOptions{});
    _exit(report.ok() ? 0 : 1);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (site.Hits("/p/10") == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kill(child, SIGKILL);
  int wait_status = 0;
  waitpid(child, &wait_status, 0);
  ASSERT_TRUE(WIFSIGNALED(wait_status)) << "the crawl finished before it could be killed";
  EXPECT_EQ(site.Hits("/p/" + std::to_string(kPages - 1)), 0);

  auto resumed = Crawl(dir.value(), profile, CrawlOptions{});
  ASSERT_TRUE(resumed.ok()) << resumed.status().message();
  for (int i = 0; i < kPages; ++i) {
    int hits = site.Hits("/p/" + std::to_string(i));
    EXPECT_GE(hits, 1) << i;
    EXPECT_LE(hits, 2) << i;  // only a fetch in flight at the kill may be repeated
  }
  std::vector<std::string> warnings;
  auto entries = ReadCdxDir(dir->cdx_dir(), &warnings);
  ASSERT_TRUE(entries.ok());
  EXPECT_GE(entries->size(), static_cast<size_t>(kPages));
  for (const CdxEntry& entry : entries.value()) {
    auto record = ReadWarcRecordAt(dir->warc_dir() + "/" + entry.filename, entry.offset);
    ASSERT_TRUE(record.ok()) << entry.filename << " " << entry.offset << ": "
                             << record.status().message();
    EXPECT_EQ(record->target_uri, entry.url);
  }
}

}  // namespace
}  // namespace claimdex
