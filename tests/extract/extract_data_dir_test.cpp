#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/data_dir.h"
#include "corpus/docs_store.h"
#include "corpus/warc.h"
#include "extract/extractor.h"

namespace claimdex {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "claimdex-extract-XXXXXX").string();
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

std::string Page(const std::string& title, const std::string& body) {
  return "<html><head><title>" + title + "</title></head><body><article><p>" + body +
         ", with enough words, commas, and clauses to count as the body of an article.</p>"
         "</article></body></html>";
}

WarcRecord Response(const std::string& url, int status, const std::string& content_type,
                    const std::string& body) {
  WarcRecord r;
  r.type = "response";
  r.target_uri = url;
  r.date = "2025-02-22T10:01:02Z";
  r.content_type = "application/http; msgtype=response";
  r.block = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + content_type +
            "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return r;
}

class ExtractDataDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<DataDir> dir = DataDir::Open(tmp_.path() + "/data", true);
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    dir_ = std::make_unique<DataDir>(*dir);
    Result<std::unique_ptr<WarcWriter>> writer = WarcWriter::Create(dir_->warc_dir(), "test");
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    std::vector<WarcRecord> records = {
        Response("https://a.example/one", 200, "text/html; charset=utf-8", Page("One", "First")),
        Response("https://a.example/missing", 404, "text/html", Page("Gone", "Not found")),
        Response("https://a.example/robots.txt", 200, "text/plain", "User-agent: *\n"),
        Response("https://a.example/two", 200, "text/html", Page("Two", "Second")),
        Response("https://a.example/logo.png", 200, "image/png", "\x89PNG"),
        Response("https://a.example/three", 200, "application/xhtml+xml", Page("Three", "Third")),
    };
    WarcRecord revisit = Response("https://a.example/one", 200, "text/html", "");
    revisit.type = "revisit";
    records.insert(records.begin() + 4, revisit);
    for (WarcRecord& r : records) {
      Result<WarcLocation> loc = (*writer)->Write(r);
      ASSERT_TRUE(loc.ok()) << loc.status().message();
      if (r.type == "response" && r.block.find("<article>") != std::string::npos &&
          r.block.find(" 200 ") != std::string::npos)
        page_locations_.push_back(*loc);
    }
  }

  std::vector<Document> ReadDocs() {
    std::vector<std::string> files = ListDocsFiles(dir_->docs_dir());
    std::vector<Document> docs;
    for (const std::string& f : files) {
      std::vector<std::string> warnings;
      Status st = ReadDocsFile(
          f,
          [&](Document&& d) {
            docs.push_back(std::move(d));
            return true;
          },
          &warnings);
      EXPECT_TRUE(st.ok()) << st.message();
    }
    return docs;
  }

  TempDir tmp_;
  std::unique_ptr<DataDir> dir_;
  std::vector<WarcLocation> page_locations_;
};

TEST_F(ExtractDataDirTest, HtmlResponsesBecomeDocumentsInWarcOrder) {
  ExtractOptions options;
  options.threads = 3;
  size_t progress_calls = 0;
  options.progress = [&](size_t done, size_t total) {
    ++progress_calls;
    EXPECT_LE(done, total);
  };
  Result<ExtractReport> report = ExtractDataDir(*dir_, Profile{}, options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->warc_files, 1u);
  EXPECT_EQ(report->pages, 3u);
  EXPECT_EQ(report->skipped, 4u);  // 404, robots.txt, revisit, image
  EXPECT_EQ(progress_calls, 1u);
  std::vector<Document> docs = ReadDocs();
  ASSERT_EQ(docs.size(), 3u);
  ASSERT_EQ(page_locations_.size(), 3u);
  const char* const kUrls[] = {"https://a.example/one", "https://a.example/two",
                               "https://a.example/three"};
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(docs[i].url, kUrls[i]);
    ASSERT_TRUE(docs[i].warc.has_value());
    EXPECT_EQ(docs[i].warc->file, page_locations_[i].file);
    EXPECT_EQ(docs[i].warc->offset, page_locations_[i].offset);
    EXPECT_EQ(docs[i].warc->record_id, page_locations_[i].record_id);
    EXPECT_EQ(docs[i].fetched, "2025-02-22T10:01:02Z");
  }
  EXPECT_EQ(docs[1].title, "Two");
  EXPECT_NE(docs[2].text.find("Third"), std::string::npos);
}

TEST_F(ExtractDataDirTest, OnlyNewFilesUnlessAll) {
  ASSERT_TRUE(ExtractDataDir(*dir_, Profile{}, {}).ok());
  Result<ExtractReport> again = ExtractDataDir(*dir_, Profile{}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->warc_files, 0u);
  EXPECT_EQ(again->pages, 0u);
  ExtractOptions all;
  all.all = true;
  Result<ExtractReport> forced = ExtractDataDir(*dir_, Profile{}, all);
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced->warc_files, 1u);
  EXPECT_EQ(forced->pages, 3u);
  EXPECT_EQ(ReadDocs().size(), 3u);
}

TEST_F(ExtractDataDirTest, UnknownWarcFileIsAWarning) {
  ExtractOptions options;
  options.warc_files = {"no-such.warc.gz"};
  Result<ExtractReport> report = ExtractDataDir(*dir_, Profile{}, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->warc_files, 0u);
  ASSERT_EQ(report->warnings.size(), 1u);
  EXPECT_NE(report->warnings[0].find("no-such.warc.gz"), std::string::npos);
}

}  // namespace
}  // namespace claimdex

namespace claimdex {
namespace {

TEST(ExtractDataDirListing, HomePagesAreSkippedAndCounted) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.path() + "/data", true);
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  Result<std::unique_ptr<WarcWriter>> writer = WarcWriter::Create(dir->warc_dir(), "home");
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  std::string home = "<html><head><title>Bugle</title></head><body><main>";
  for (int i = 0; i < 6; ++i) {
    home += "<div><h2><a href=\"/2025/01/story-" + std::to_string(i) +
            ".html\">A long teaser headline number " + std::to_string(i) +
            "</a></h2><p>The teaser text of the story.</p></div>";
  }
  home += "</main></body></html>";
  for (WarcRecord r : {Response("https://a.example/", 200, "text/html", home),
                       Response("https://a.example/2025/01/story-0.html", 200, "text/html",
                                Page("Story", "The story"))}) {
    ASSERT_TRUE((*writer)->Write(r).ok());
  }
  writer->reset();
  Result<ExtractReport> report = ExtractDataDir(*dir, Profile{}, ExtractOptions{});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->pages, 1u);
  EXPECT_EQ(report->skipped, 1u);
}

}  // namespace
}  // namespace claimdex

namespace claimdex {
namespace {

// Many pages in one WARC file, extracted with 1 and with 4 threads: the docs files must be
// byte for byte the same, whatever order the workers finish in.
TEST(ExtractDataDirThreads, OutputIsIdenticalWhateverTheThreadCount) {
  std::vector<std::string> outputs;
  for (int threads : {1, 4}) {
    TempDir tmp;
    Result<DataDir> dir = DataDir::Open(tmp.path() + "/data", true);
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    {
      Result<std::unique_ptr<WarcWriter>> writer = WarcWriter::Create(dir->warc_dir(), "test");
      ASSERT_TRUE(writer.ok()) << writer.status().message();
      for (int i = 0; i < 60; ++i) {
        // Pages of very different sizes, so that workers finish out of order.
        std::string body = "Story " + std::to_string(i) + " about the chip export controls";
        for (int k = 0; k < (i % 7) * 40; ++k) body += ", and a further clause number " + std::to_string(k);
        ASSERT_TRUE((*writer)
                        ->Write(Response("https://a.example/s" + std::to_string(i), 200, "text/html",
                                         Page("Story " + std::to_string(i), body)))
                        .ok());
      }
    }
    ExtractOptions options;
    options.threads = threads;
    Result<ExtractReport> report = ExtractDataDir(*dir, Profile{}, options);
    ASSERT_TRUE(report.ok()) << report.status().message();
    EXPECT_EQ(report->pages, 60u);
    std::vector<std::string> files = ListDocsFiles(dir->docs_dir());
    ASSERT_EQ(files.size(), 1u);
    // The WARC reference (file name, record UUID) differs between two runs; nothing else may.
    std::string text;
    std::vector<std::string> warnings;
    ASSERT_TRUE(ReadDocsFile(
                    files[0],
                    [&](Document&& d) {
                      d.warc.reset();
                      text += DocumentToJson(d) + "\n";
                      return true;
                    },
                    &warnings)
                    .ok());
    outputs.push_back(text);
  }
  EXPECT_EQ(outputs[0], outputs[1]);
}

}  // namespace
}  // namespace claimdex
