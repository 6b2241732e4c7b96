// The crawler's WARC files, field by field against WARC/1.1 (ISO 28500:2017), read by the
// independent reader in independent_warc_reader.h.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "corpus/data_dir.h"
#include "crawler/crawler.h"
#include "independent_warc_reader.h"
#include "test_site.h"

namespace claimdex {
namespace {

using testing::LoopbackProfile;
using testing::RawWarcFile;
using testing::RawWarcRecord;
using testing::TempDir;
using testing::TestSite;

const std::regex kRecordId(
    "<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>");
const std::regex kDate("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
const std::regex kDigest("sha1:[A-Z2-7]{32}");

// The HTTP payload: what follows the message head.
std::string Payload(const std::string& http) {
  size_t end = http.find("\r\n\r\n");
  return end == std::string::npos ? "" : http.substr(end + 4);
}

class CrawlArchive : public ::testing::Test {
 protected:
  void SetUp() override {
    site_.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nAllow: /\n", "text/plain");
    });
    site_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<a href='/story'>story</a>", "text/html");
    });
    site_.server().Get("/story", [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("ETag", "\"v1\"");
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
        return;
      }
      res.set_content("<p>the story</p>", "text/html");
    });
    site_.Start();
    auto dir = DataDir::Open(temp_.path() + "/data", true);
    ASSERT_TRUE(dir.ok());
    dir_ = std::make_unique<DataDir>(dir.value());
    CrawlOptions options;
    options.page_revisit_first_seconds = 1e-3;  // the story is due again at once: a 304
    ASSERT_TRUE(Crawl(*dir_, LoopbackProfile(site_.base()), options).ok());
    ASSERT_TRUE(Crawl(*dir_, LoopbackProfile(site_.base()), options).ok());
    for (const auto& entry : std::filesystem::directory_iterator(dir_->warc_dir())) {
      files_[entry.path().filename().string()] =
          testing::ReadWarcIndependently(entry.path().string());
    }
  }

  std::vector<const RawWarcRecord*> All(const std::string& type) const {
    std::vector<const RawWarcRecord*> out;
    for (const auto& [name, file] : files_) {
      for (const RawWarcRecord& record : file.records) {
        if (type.empty() || record.Get("WARC-Type") == type) out.push_back(&record);
      }
    }
    return out;
  }
  const RawWarcRecord* ById(const std::string& id) const {
    for (const RawWarcRecord* record : All("")) {
      if (record->Get("WARC-Record-ID") == id) return record;
    }
    return nullptr;
  }

  TestSite site_;
  TempDir temp_;
  std::unique_ptr<DataDir> dir_;
  std::map<std::string, RawWarcFile> files_;
};

TEST_F(CrawlArchive, Warc11_EveryRecordIsOneGzipMemberWithTheMandatoryFields) {
  ASSERT_FALSE(files_.empty());
  std::set<std::string> ids;
  for (const auto& [name, file] : files_) {
    EXPECT_TRUE(file.problems.empty()) << name << ": " << file.problems.front();
    for (const RawWarcRecord& record : file.records) {
      SCOPED_TRACE(name + " @" + std::to_string(record.offset));
      EXPECT_EQ(record.version, "WARC/1.1");
      EXPECT_TRUE(record.length_ok) << "Content-Length does not match the block";
      EXPECT_TRUE(record.trailer_ok) << "block not followed by CRLF CRLF";
      for (const char* field : {"WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length"})
        EXPECT_EQ(record.Count(field), 1) << field;
      EXPECT_TRUE(std::regex_match(record.Get("WARC-Record-ID"), kRecordId));
      EXPECT_TRUE(std::regex_match(record.Get("WARC-Date"), kDate));
      EXPECT_EQ(record.Get("WARC-Block-Digest"), testing::IndependentSha1Base32(record.block));
      EXPECT_TRUE(ids.insert(record.Get("WARC-Record-ID")).second) << "duplicate record id";
    }
  }
}

TEST_F(CrawlArchive, Warc11_EachFileStartsWithAWarcinfoRecordNamingIt) {
  for (const auto& [name, file] : files_) {
    ASSERT_FALSE(file.records.empty()) << name;
    const RawWarcRecord& info = file.records.front();
    EXPECT_EQ(info.Get("WARC-Type"), "warcinfo");
    EXPECT_EQ(info.Get("WARC-Filename"), name);
    EXPECT_EQ(info.Get("Content-Type"), "application/warc-fields");
    EXPECT_NE(info.block.find("software: "), std::string::npos);
    EXPECT_NE(info.block.find("format: WARC File Format 1.1"), std::string::npos);
  }
}

TEST_F(CrawlArchive, Warc11_ResponseAndRequestRecordsDescribeTheExchange) {
  auto responses = All("response");
  ASSERT_GE(responses.size(), 3u);  // robots.txt, /, /story
  for (const RawWarcRecord* response : responses) {
    SCOPED_TRACE(response->Get("WARC-Target-URI"));
    EXPECT_EQ(response->Get("Content-Type"), "application/http; msgtype=response");
    EXPECT_EQ(response->Get("WARC-Target-URI").rfind(site_.base(), 0), 0u);
    EXPECT_EQ(response->Get("WARC-IP-Address"), "127.0.0.1");
    EXPECT_EQ(response->block.rfind("HTTP/1.1 ", 0), 0u);
    EXPECT_TRUE(std::regex_match(response->Get("WARC-Payload-Digest"), kDigest));
    EXPECT_EQ(response->Get("WARC-Payload-Digest"),
              testing::IndependentSha1Base32(Payload(response->block)));
    const RawWarcRecord* request = ById(response->Get("WARC-Concurrent-To"));
    ASSERT_NE(request, nullptr);
    EXPECT_EQ(request->Get("WARC-Type"), "request");
    EXPECT_EQ(request->Get("Content-Type"), "application/http; msgtype=request");
    EXPECT_EQ(request->Get("WARC-Target-URI"), response->Get("WARC-Target-URI"));
    EXPECT_EQ(request->Get("WARC-Concurrent-To"), response->Get("WARC-Record-ID"));
    EXPECT_EQ(request->block.rfind("GET /", 0), 0u);
  }
}

TEST_F(CrawlArchive, Warc11_RevisitRecordsReferToTheOriginalCapture) {
  auto revisits = All("revisit");
  ASSERT_GE(revisits.size(), 2u);  // "/" (identical payload) and /story (304)
  std::set<std::string> profiles;
  for (const RawWarcRecord* revisit : revisits) {
    SCOPED_TRACE(revisit->Get("WARC-Target-URI"));
    profiles.insert(revisit->Get("WARC-Profile"));
    const RawWarcRecord* original = ById(revisit->Get("WARC-Refers-To"));
    ASSERT_NE(original, nullptr);
    EXPECT_EQ(original->Get("WARC-Type"), "response");
    EXPECT_EQ(revisit->Get("WARC-Refers-To-Target-URI"), original->Get("WARC-Target-URI"));
    EXPECT_EQ(revisit->Get("WARC-Refers-To-Date"), original->Get("WARC-Date"));
    EXPECT_EQ(revisit->Get("WARC-Payload-Digest"), original->Get("WARC-Payload-Digest"));
    EXPECT_EQ(revisit->Get("Content-Type"), "application/http; msgtype=response");
    EXPECT_EQ(Payload(revisit->block), "");  // the HTTP head only
    EXPECT_EQ(revisit->block.substr(revisit->block.size() - 4), "\r\n\r\n");
  }
  EXPECT_TRUE(profiles.count("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"));
  EXPECT_TRUE(profiles.count("http://netpreserve.org/warc/1.1/revisit/server-not-modified"));
}

TEST_F(CrawlArchive, Warc11_MetadataRecordsDescribeTheirResponse) {
  auto metadata = All("metadata");
  ASSERT_GE(metadata.size(), 2u);  // "/" and /story on the first run
  bool home_seen = false;
  for (const RawWarcRecord* record : metadata) {
    SCOPED_TRACE(record->Get("WARC-Target-URI"));
    EXPECT_EQ(record->Get("Content-Type"), "application/warc-fields");
    const RawWarcRecord* response = ById(record->Get("WARC-Refers-To"));
    ASSERT_NE(response, nullptr);
    EXPECT_EQ(response->Get("WARC-Type"), "response");
    EXPECT_EQ(response->Get("WARC-Target-URI"), record->Get("WARC-Target-URI"));
    EXPECT_NE(record->block.find("hopsFromSeed: "), std::string::npos);
    if (record->Get("WARC-Target-URI") == site_.base() + "/") {
      home_seen = true;
      EXPECT_NE(record->block.find("outlink: " + site_.base() + "/story\r\n"), std::string::npos);
    }
    if (record->Get("WARC-Target-URI") == site_.base() + "/story") {
      EXPECT_NE(record->block.find("via: " + site_.base() + "/\r\n"), std::string::npos);
    }
  }
  EXPECT_TRUE(home_seen);
}

}  // namespace
}  // namespace claimdex
