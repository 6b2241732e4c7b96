#include "corpus/cdxj.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/corpus/corpus_test_util.h"

namespace claimdex {
namespace {

using testing::Slurp;
using testing::Spit;
using testing::TempDir;

CdxEntry Entry(const std::string& url, const std::string& timestamp, uint64_t offset) {
  CdxEntry e;
  e.surt = SurtKey(url);
  e.timestamp = timestamp;
  e.url = url;
  e.digest = "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ";
  e.filename = "claimdex-20250222100102-00000.warc.gz";
  e.offset = offset;
  e.length = 321;
  e.status = 200;
  e.mime = "text/html";
  return e;
}

TEST(SurtKey, ReversesHostDropsWwwDefaultPortAndFragment) {
  EXPECT_EQ(SurtKey("https://www.Example.com:443/a?b"), "com,example)/a?b");
  EXPECT_EQ(SurtKey("http://news.example.co.uk/World/Story.html#top"),
            "uk,co,example,news)/world/story.html");
  EXPECT_EQ(SurtKey("http://example.com"), "com,example)/");
  EXPECT_EQ(SurtKey("http://example.com?q=1"), "com,example)/?q=1");
  EXPECT_EQ(SurtKey("http://example.com:80/"), "com,example)/");
}

TEST(SurtKey, KeepsOtherPortsAndIpAddresses) {
  EXPECT_EQ(SurtKey("http://127.0.0.2:41234/news/1"), "127.0.0.2:41234)/news/1");
  EXPECT_EQ(SurtKey("https://example.com:8443/"), "com,example:8443)/");
  EXPECT_EQ(SurtKey("http://[::1]:8080/x"), "[::1]:8080)/x");
}

TEST(SurtKey, DropsUserInfoAndTrailingDot) {
  EXPECT_EQ(SurtKey("http://user:pw@example.com./p"), "com,example)/p");
}

TEST(CdxLine, HasSurtTimestampAndJsonFields) {
  CdxEntry e = Entry("https://www.example.com/a", "20250222100102", 1234);
  const std::string line = CdxLine(e);
  ASSERT_EQ(line.rfind("com,example)/a 20250222100102 {", 0), 0u) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto j = nlohmann::json::parse(line.substr(line.find('{')));
  EXPECT_EQ(j["url"], "https://www.example.com/a");
  EXPECT_EQ(j["offset"], "1234");  // pywb writes numbers as strings
  EXPECT_EQ(j["length"], "321");
  EXPECT_EQ(j["status"], "200");
  EXPECT_EQ(j["mime"], "text/html");
  EXPECT_EQ(j["digest"], e.digest);
  EXPECT_EQ(j["filename"], e.filename);
  EXPECT_FALSE(j.contains("revisit"));
}

TEST(CdxLine, RoundTripsThroughParse) {
  CdxEntry e = Entry("https://example.com/x", "20250101000000", 99);
  e.revisit = true;
  Result<CdxEntry> back = ParseCdxLine(CdxLine(e));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->surt, e.surt);
  EXPECT_EQ(back->timestamp, e.timestamp);
  EXPECT_EQ(back->url, e.url);
  EXPECT_EQ(back->digest, e.digest);
  EXPECT_EQ(back->filename, e.filename);
  EXPECT_EQ(back->offset, 99u);
  EXPECT_EQ(back->length, 321u);
  EXPECT_EQ(back->status, 200);
  EXPECT_EQ(back->mime, "text/html");
  EXPECT_TRUE(back->revisit);
}

TEST(ParseCdxLine, AcceptsNumbersAsJsonNumbers) {
  Result<CdxEntry> e = ParseCdxLine(
      R"(com,example)/ 20250101000000 {"url": "http://example.com/", "filename": "f.warc.gz", "offset": 5, "length": 6, "status": 301})");
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->offset, 5u);
  EXPECT_EQ(e->status, 301);
}

TEST(ParseCdxLine, RejectsMalformedLines) {
  for (const char* line :
       {"", "com,example)/", "com,example)/ 2025 notjson", "com,example)/ abc {\"url\": \"u\"}",
        R"(com,example)/ 20250101000000 {"url": "u", "filename": "f", "offset": "-3"})",
        R"(com,example)/ 20250101000000 {"url": "u"})",
        R"(com,example)/ 20250101000000 {"url": "u", "filename": "f", "offset": 1, "len)"}) {
    Result<CdxEntry> e = ParseCdxLine(line);
    EXPECT_FALSE(e.ok()) << line;
    if (!e.ok()) {
      EXPECT_EQ(e.status().code(), Status::Code::kInvalidInput);
    }
  }
}

TEST(AppendCdx, AppendsOneLineEach) {
  TempDir tmp;
  const std::string path = tmp.Sub("a.cdxj");
  ASSERT_TRUE(AppendCdx(path, Entry("http://b.example/", "20250101000000", 1)).ok());
  ASSERT_TRUE(AppendCdx(path, Entry("http://a.example/", "20250101000000", 2)).ok());
  const std::string text = Slurp(path);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  EXPECT_EQ(text.back(), '\n');
}

TEST(ReadCdxDir, ReadsAllFilesSortedBySurtThenTimestamp) {
  TempDir tmp;
  ASSERT_TRUE(AppendCdx(tmp.Sub("1.cdxj"), Entry("http://b.example/", "20250102000000", 1)).ok());
  ASSERT_TRUE(AppendCdx(tmp.Sub("1.cdxj"), Entry("http://a.example/", "20250103000000", 2)).ok());
  ASSERT_TRUE(AppendCdx(tmp.Sub("2.cdxj"), Entry("http://a.example/", "20250101000000", 3)).ok());
  Spit(tmp.Sub("ignored.txt"), "not cdxj\n");
  std::vector<std::string> warnings;
  auto entries = ReadCdxDir(tmp.path(), &warnings);
  ASSERT_TRUE(entries.ok()) << entries.status().message();
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].offset, 3u);
  EXPECT_EQ((*entries)[1].offset, 2u);
  EXPECT_EQ((*entries)[2].offset, 1u);
  EXPECT_TRUE(warnings.empty());
}

TEST(ReadCdxDir, SkipsTornLastLineWithAWarning) {
  TempDir tmp;
  const std::string path = tmp.Sub("x.cdxj");
  ASSERT_TRUE(AppendCdx(path, Entry("http://a.example/", "20250101000000", 1)).ok());
  const std::string whole = CdxLine(Entry("http://b.example/", "20250101000000", 2));
  Spit(path, whole.substr(0, whole.size() / 2), std::ios::binary | std::ios::app);
  std::vector<std::string> warnings;
  auto entries = ReadCdxDir(tmp.path(), &warnings);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rfind(path + " line 2: ", 0), 0u) << warnings[0];
  EXPECT_TRUE(ReadCdxDir(tmp.path(), nullptr).ok());  // warnings are optional
}

TEST(ReadCdxDir, MissingDirectoryIsNotFound) {
  TempDir tmp;
  EXPECT_EQ(ReadCdxDir(tmp.Sub("none"), nullptr).status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace claimdex
