// ExtractDataDir and near-duplicate clusters: syndicated copies share a cluster, in one run and
// across runs, whatever the thread count.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "corpus/data_dir.h"
#include "corpus/docs_store.h"
#include "corpus/warc.h"
#include "extract/extractor.h"
#include "tests/extract/syndication_fixture.h"

namespace claimdex {
namespace {

namespace fs = std::filesystem;
using testing_fixture::kOtherStoryText;
using testing_fixture::kWireStoryText;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "claimdex-syn-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// An article page whose paragraphs are the blank-line separated blocks of `text`.
std::string ArticlePage(const std::string& title, const std::string& byline,
                        const std::string& text) {
  std::string html = "<html><head><title>" + title + "</title></head><body><article><h1>" +
                     title + "</h1><p class=\"byline\">" + byline + "</p>";
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    html += "<p>" + text.substr(start, end - start) + "</p>";
    start = end + 2;
  }
  return html + "</article></body></html>";
}

WarcRecord Response(const std::string& url, const std::string& html) {
  WarcRecord r;
  r.type = "response";
  r.target_uri = url;
  r.date = "2025-02-22T10:01:02Z";
  r.content_type = "application/http; msgtype=response";
  r.block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
            std::to_string(html.size()) + "\r\n\r\n" + html;
  return r;
}

std::string EditedCopy() {
  std::string copy = kWireStoryText;
  copy.replace(copy.find("lawmakers"), 9, "members of Congress");
  return copy + "\n\nThis story first appeared on Techwire and is republished with permission.";
}

class SyndicationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<DataDir> dir = DataDir::Open(tmp_.path() + "/data", true);
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    dir_ = std::make_unique<DataDir>(*dir);
  }

  void WriteWarc(const std::string& operator_info, const std::vector<WarcRecord>& records) {
    Result<std::unique_ptr<WarcWriter>> writer = WarcWriter::Create(dir_->warc_dir(),
                                                                    operator_info);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    for (const WarcRecord& r : records) ASSERT_TRUE((*writer)->Write(r).ok());
  }

  void Extract(bool all, int threads) {
    ExtractOptions options;
    options.all = all;
    options.threads = threads;
    Result<ExtractReport> report = ExtractDataDir(*dir_, Profile{}, options);
    ASSERT_TRUE(report.ok()) << report.status().message();
  }

  // url -> document, over every docs file.
  std::map<std::string, Document> Docs() {
    std::map<std::string, Document> docs;
    for (const std::string& f : ListDocsFiles(dir_->docs_dir())) {
      std::vector<std::string> warnings;
      EXPECT_TRUE(ReadDocsFile(
                      f,
                      [&](Document&& d) {
                        std::string url = d.url;
                        docs[url] = std::move(d);
                        return true;
                      },
                      &warnings)
                      .ok());
    }
    return docs;
  }

  TempDir tmp_;
  std::unique_ptr<DataDir> dir_;
};

constexpr char kTechwire[] = "https://techwire.example/2025/01/amodei-export-controls.html";
constexpr char kOldpress[] = "https://oldpress.example/news/2025/01/amodei.htm";
constexpr char kOther[] = "https://techwire.example/2025/01/diffusion-lobbying.html";
constexpr char kShort[] = "https://policyline.example/briefs/short.html";
constexpr char kShortCopy[] = "https://oldpress.example/briefs/short.htm";

std::vector<WarcRecord> FirstCrawl() {
  std::string brief = "Amodei says export controls work, and the rules should stay in place.";
  return {Response(kTechwire, ArticlePage("Amodei defends chip export controls",
                                          "By Jane Roe", kWireStoryText)),
          Response(kOther, ArticlePage("Chip makers lobby against the diffusion rule",
                                       "By John Doe", kOtherStoryText)),
          Response(kShort, ArticlePage("Brief: Amodei", "By Staff", brief)),
          Response(kShortCopy, ArticlePage("Brief: Amodei on chips", "By Staff", brief))};
}

std::vector<WarcRecord> SecondCrawl() {
  return {Response(kOldpress, ArticlePage("Anthropic chief presses for tight chip rules",
                                          "By Jane Roe, Techwire", EditedCopy()))};
}

TEST_F(SyndicationTest, CopiesShareTheEarliestIdOthersKeepTheirOwn) {
  WriteWarc("one", FirstCrawl());
  WriteWarc("two", SecondCrawl());
  Extract(false, 3);
  std::map<std::string, Document> docs = Docs();
  ASSERT_EQ(docs.size(), 5u);
  const Document& techwire = docs[kTechwire];
  EXPECT_EQ(techwire.cluster, techwire.id);
  EXPECT_EQ(docs[kOldpress].cluster, techwire.id);
  EXPECT_NE(docs[kOldpress].id, techwire.id);
  EXPECT_EQ(docs[kOther].cluster, docs[kOther].id);
  EXPECT_EQ(docs[kShort].cluster, docs[kShort].id);  // too short to cluster, even identical
  EXPECT_EQ(docs[kShortCopy].cluster, docs[kShortCopy].id);
}

TEST_F(SyndicationTest, ACopyExtractedInALaterRunJoinsTheEarlierCluster) {
  WriteWarc("one", FirstCrawl());
  Extract(false, 2);
  std::string techwire_id = Docs()[kTechwire].id;
  WriteWarc("two", SecondCrawl());
  Extract(false, 2);  // only the new WARC file: the first docs file is read, not rewritten
  std::map<std::string, Document> docs = Docs();
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs[kOldpress].cluster, techwire_id);
  EXPECT_EQ(docs[kTechwire].cluster, techwire_id);
  EXPECT_EQ(docs[kOther].cluster, docs[kOther].id);
}

TEST_F(SyndicationTest, ClustersDoNotDependOnTheThreadCountOrOnReextraction) {
  WriteWarc("one", FirstCrawl());
  WriteWarc("two", SecondCrawl());
  Extract(true, 1);
  std::map<std::string, std::string> one_thread;
  for (const auto& [url, doc] : Docs()) one_thread[url] = doc.cluster;
  Extract(true, 4);
  std::map<std::string, std::string> four_threads;
  for (const auto& [url, doc] : Docs()) four_threads[url] = doc.cluster;
  EXPECT_EQ(one_thread, four_threads);
  EXPECT_EQ(one_thread[kOldpress], one_thread[kTechwire]);
}

}  // namespace
}  // namespace claimdex
