// Kill safety: a crawl killed with SIGKILL mid-run leaves a data directory whose CDXJ lines all
// point at readable records, and the next crawl finishes the job.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "corpus/cdxj.h"
#include "corpus/data_dir.h"
#include "corpus/warc.h"
#include "crawler/crawler.h"
#include "crawler/state.h"
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

void ServePages(TestSite* site) {
  site->server().Get("/robots.txt",
                     [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  site->server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    std::string links;
    for (int i = 0; i < kPages; ++i) links += "<a href='/p/" + std::to_string(i) + "'>p</a>";
    res.set_content(links, "text/html");
  });
  site->server().Get(R"(/p/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    res.set_content("page " + std::string(req.matches[1]), "text/html");
  });
}

// Half of a gzip member holding a WARC record: what a write cut short by a crash leaves.
std::string TornMember() {
  std::string record = "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 4000\r\n\r\n" +
                       std::string(4000, 'x') + "\r\n\r\n";
  uLongf size = compressBound(record.size()) + 32;
  std::string out(size, '\0');
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  zs.next_in = reinterpret_cast<Bytef*>(record.data());
  zs.avail_in = static_cast<uInt>(record.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out / 2);
  deflateEnd(&zs);
  return out;
}

// URLs of the 2xx/4xx response records (not revisits) in a data directory.
std::set<std::string> CapturedUrls(const DataDir& dir) {
  std::set<std::string> urls;
  for (const auto& stored : testing::ReadAllRecords(dir.warc_dir())) {
    if (stored.record.type == "response") urls.insert(stored.record.target_uri);
  }
  return urls;
}

TEST(CrawlerKillSafety, KilledAndResumedCrawlStoresWhatAnUninterruptedOneStores) {
  TestSite site;
  ServePages(&site);
  site.Start();
  TempDir temp;
  auto killed_dir = DataDir::Open(temp.path() + "/killed", true);
  auto clean_dir = DataDir::Open(temp.path() + "/clean", true);
  ASSERT_TRUE(killed_dir.ok() && clean_dir.ok());
  Profile profile = LoopbackProfile(site.base());

  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) _exit(Crawl(killed_dir.value(), profile, CrawlOptions{}).ok() ? 0 : 1);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (site.Hits("/p/12") == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  kill(child, SIGKILL);
  int wait_status = 0;
  waitpid(child, &wait_status, 0);
  ASSERT_TRUE(WIFSIGNALED(wait_status)) << "the crawl finished before it could be killed";

  // The kill tore the record being written (SIGKILL alone cannot cut one write(2) in half; a
  // power cut or a full disk can, so the torn tail is made by hand).
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(killed_dir->warc_dir()))
    files.push_back(entry.path().string());
  ASSERT_FALSE(files.empty());
  std::sort(files.begin(), files.end());
  std::ofstream(files.back(), std::ios::binary | std::ios::app) << TornMember();

  auto resumed = Crawl(killed_dir.value(), profile, CrawlOptions{});
  ASSERT_TRUE(resumed.ok()) << resumed.status().message();
  bool reported = false;
  for (const std::string& warning : resumed->warnings) {
    reported = reported || (warning.find(std::filesystem::path(files.back()).filename().string()) !=
                                std::string::npos &&
                            warning.find("killed") != std::string::npos);
  }
  EXPECT_TRUE(reported) << "the torn record was not reported";

  auto clean = Crawl(clean_dir.value(), profile, CrawlOptions{});
  ASSERT_TRUE(clean.ok()) << clean.status().message();
  EXPECT_EQ(CapturedUrls(killed_dir.value()), CapturedUrls(clean_dir.value()));
  EXPECT_EQ(CapturedUrls(clean_dir.value()).size(), static_cast<size_t>(kPages) + 2);

  // The torn file is still read up to the damage, and says where it is.
  auto reader = WarcReader::Open(files.back());
  ASSERT_TRUE(reader.ok());
  WarcRecord record;
  uint64_t offset = 0;
  int sound = 0;
  while (reader.value()->Next(&record, &offset)) ++sound;
  EXPECT_GT(sound, 0);
  EXPECT_FALSE(reader.value()->errors().empty());

  // state.sqlite never points at a record that is not there.
  auto state = CrawlState::Open(killed_dir->state_path());
  ASSERT_TRUE(state.ok());
  auto rows = state.value()->db()->Prepare("SELECT url, warc_file, warc_offset FROM fetches");
  ASSERT_TRUE(rows.ok());
  int checked = 0;
  while (rows->Step()) {
    auto stored = ReadWarcRecordAt(killed_dir->warc_dir() + "/" + rows->Text(1),
                                   static_cast<uint64_t>(rows->Int(2)));
    ASSERT_TRUE(stored.ok()) << rows->Text(0) << ": " << stored.status().message();
    EXPECT_EQ(stored->target_uri, rows->Text(0));
    ++checked;
  }
  EXPECT_GE(checked, kPages + 2);
}

}  // namespace
}  // namespace claimdex
