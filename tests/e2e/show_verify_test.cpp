// `claimdex show ID --verify` end to end: crawl the bundled sample site on loopback, extract,
// index, then check claims against their WARC captures, untouched and tampered with.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "corpus/data_dir.h"
#include "corpus/sample_site.h"
#include "corpus/warc.h"
#include "crawler/crawler.h"
#include "extract/extractor.h"
#include "index/indexer.h"
#include "query/search.h"
#include "tests/e2e/run_binary.h"

namespace claimdex::testing {
namespace {

namespace fs = std::filesystem;

// Where a claim's capture is, from `show --format json`.
struct Capture {
  std::string file;
  uint64_t offset = 0;
};

// ---- gzip members, for tampering with one record in place ----

// Inflates the gzip member starting at `offset`; `*member_size` receives its compressed size.
std::string Inflate(const std::string& bytes, size_t offset, size_t* member_size) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 16 + MAX_WBITS), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + offset));
  zs.avail_in = static_cast<uInt>(bytes.size() - offset);
  std::string out;
  char buf[65536];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  EXPECT_EQ(rc, Z_STREAM_END);
  *member_size = zs.total_in;
  inflateEnd(&zs);
  return out;
}

std::string Deflate(const std::string& raw) {
  z_stream zs{};
  EXPECT_EQ(
      deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&zs, raw.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  zs.avail_in = static_cast<uInt>(raw.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// Rewrites the record at `offset` of `path` through `edit` (on the uncompressed record), as one
// new gzip member in the same place; later records shift, earlier ones stay where they were.
template <typename Edit>
void EditRecord(const std::string& path, uint64_t offset, const Edit& edit) {
  std::string bytes = Slurp(path);
  size_t member = 0;
  std::string raw = Inflate(bytes, offset, &member);
  ASSERT_GT(member, 0u);
  edit(&raw);
  std::string out = bytes.substr(0, offset) + Deflate(raw) + bytes.substr(offset + member);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << out;
}

// Replaces every `from` in the record with `to` (same length, so Content-Length still holds).
void ReplaceAll(std::string* raw, const std::string& from, const std::string& to) {
  ASSERT_EQ(from.size(), to.size());
  size_t n = 0;
  for (size_t p = raw->find(from); p != std::string::npos; p = raw->find(from, p + to.size())) {
    raw->replace(p, from.size(), to);
    ++n;
  }
  ASSERT_GT(n, 0u) << from << " not in the record";
}

// Makes the record's WARC-Block-Digest match its (edited) block again: a tamper that hides.
void FixBlockDigest(std::string* raw) {
  size_t header_end = raw->find("\r\n\r\n");
  ASSERT_NE(header_end, std::string::npos);
  std::string block =
      raw->substr(header_end + 4, raw->size() - header_end - 8);  // trailing CRLFCRLF
  size_t field = raw->find("WARC-Block-Digest: ");
  ASSERT_LT(field, header_end);
  size_t value = field + std::string("WARC-Block-Digest: ").size();
  size_t end = raw->find("\r\n", value);
  raw->replace(value, end - value, WarcSha1Digest(block));
}

class ShowVerify : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new std::string(MakeTempDir("verify"));
    auto site = SampleSite::Start();
    ASSERT_TRUE(site.ok()) << site.status().message();
    auto dir = DataDir::Open(*root_ + "/data", true);
    ASSERT_TRUE(dir.ok()) << dir.status().message();
    ASSERT_TRUE(WriteFileAtomic(dir->profile_path(), (*site)->ProfileToml()).ok());
    auto profile = dir->LoadProfile();
    ASSERT_TRUE(profile.ok()) << profile.status().message();
    auto crawl = Crawl(*dir, *profile, CrawlOptions{});
    ASSERT_TRUE(crawl.ok()) << crawl.status().message();
    auto lock = DataLock::Acquire(*dir);
    ASSERT_TRUE(lock.ok()) << lock.status().message();
    auto ex = ExtractDataDir(*dir, *profile, ExtractOptions{});
    ASSERT_TRUE(ex.ok()) << ex.status().message();
    auto ix = IndexDataDir(*dir, IndexOptions{});
    ASSERT_TRUE(ix.ok()) << ix.status().message();
  }
  static void TearDownTestSuite() {
    if (root_) fs::remove_all(*root_);
    delete root_;
    root_ = nullptr;
  }

  // A fresh copy of the data directory, so that each test tampers with its own.
  void SetUp() override {
    scratch_ = MakeTempDir("verify-case");
    data_ = scratch_ + "/data";
    fs::copy(*root_ + "/data", data_, fs::copy_options::recursive);
    fs::remove(data_ + "/lock");
  }
  void TearDown() override { fs::remove_all(scratch_); }

  RunResult Claimdex(const std::string& args) {
    return RunClaimdex("--data '" + data_ + "' " + args, scratch_);
  }

  // The Sacks claim with "let the private sector cook", which the sample site carries.
  std::string SacksClaim() {
    SearchOptions o;
    o.query = "\"private sector cook\"";
    o.speaker = "David Sacks";
    auto r = Search(data_ + "/xapian", o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (!r.ok() || r->hits.empty()) return "";
    return r->hits[0].claim.id;
  }

  Capture CaptureOf(const std::string& id) {
    RunResult r = Claimdex("show " + id + " --format json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
    Capture c;
    if (j.is_object() && j["source"]["warc"].is_object()) {
      c.file = j["source"]["warc"]["file"];
      c.offset = j["source"]["warc"]["offset"];
    }
    EXPECT_FALSE(c.file.empty()) << r.out;
    return c;
  }

  // Exit 1 with a "NOT verified: ..." verdict and a one-line reason on stderr.
  void ExpectNotVerified(const RunResult& r, const std::string& id, const std::string& reason) {
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_EQ(r.out.rfind("NOT verified: ", 0), 0u) << r.out;
    EXPECT_NE(r.out.find(reason), std::string::npos) << r.out;
    EXPECT_EQ(r.err.rfind("claimdex: " + id + ": ", 0), 0u) << r.err;
    EXPECT_EQ(CountLines(r.err), 1u) << r.err;
  }

  static std::string* root_;
  std::string scratch_, data_;
};
std::string* ShowVerify::root_ = nullptr;

TEST_F(ShowVerify, EveryIndexedClaimComesFromItsCapture) {
  RunResult list = Claimdex("search --format csv --limit 1000");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  size_t checked = 0;
  std::istringstream lines(list.out);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    size_t a = line.find(','), b = line.find(',', a + 1);
    std::string id = line.substr(a + 1, b - a - 1);
    RunResult r = Claimdex("show " + id + " --verify");
    EXPECT_EQ(r.exit_code, 0) << id << "\n" << r.out << r.err;
    EXPECT_EQ(r.out.rfind("verified: " + id + " is bytes ", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("capture:  claimdex-"), std::string::npos) << r.out;
    ++checked;
  }
  EXPECT_GE(checked, 20u);
}

TEST_F(ShowVerify, CorruptCompressedRecordIsNotVerified) {
  std::string id = SacksClaim();
  ASSERT_FALSE(id.empty());
  Capture c = CaptureOf(id);
  std::string path = data_ + "/warc/" + c.file;
  std::string bytes = Slurp(path);
  ASSERT_GT(bytes.size(), c.offset + 200);
  for (size_t i = 60; i < 120; ++i)
    bytes[c.offset + i] = static_cast<char>(bytes[c.offset + i] ^ 0x5a);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  ExpectNotVerified(
      Claimdex("show " + id + " --verify"), id,
      "WARC record at offset " + std::to_string(c.offset) + " of " + c.file + " is unreadable");
}

TEST_F(ShowVerify, RecordEditedInPlaceFailsItsBlockDigest) {
  std::string id = SacksClaim();
  ASSERT_FALSE(id.empty());
  Capture c = CaptureOf(id);
  EditRecord(data_ + "/warc/" + c.file, c.offset, [](std::string* raw) {
    ReplaceAll(raw, "private sector cook", "private sector cool");
  });
  ExpectNotVerified(Claimdex("show " + id + " --verify"), id,
                    "was altered: its block no longer matches WARC-Block-Digest");
}

TEST_F(ShowVerify, EditedRecordWithAMatchingDigestNoLongerYieldsTheClaimText) {
  std::string id = SacksClaim();
  ASSERT_FALSE(id.empty());
  Capture c = CaptureOf(id);
  EditRecord(data_ + "/warc/" + c.file, c.offset, [](std::string* raw) {
    ReplaceAll(raw, "private sector cook", "private sector cool");
    FixBlockDigest(raw);
  });
  RunResult r = Claimdex("show " + id + " --verify");
  ExpectNotVerified(r, id, "claim " + id + " text differs: the capture gives '");
  EXPECT_NE(r.out.find("cool"), std::string::npos) << r.out;
}

TEST_F(ShowVerify, MissingWarcFileIsNotVerified) {
  std::string id = SacksClaim();
  ASSERT_FALSE(id.empty());
  Capture c = CaptureOf(id);
  fs::remove(data_ + "/warc/" + c.file);
  ExpectNotVerified(Claimdex("show " + id + " --verify"), id,
                    "WARC file " + c.file + " is missing from ");
}

TEST_F(ShowVerify, OtherRecordAtTheOffsetIsNotVerified) {
  std::string id = SacksClaim();
  ASSERT_FALSE(id.empty());
  Capture c = CaptureOf(id);
  // The warcinfo record at offset 0 stands where the capture should be.
  std::string path = data_ + "/warc/" + c.file;
  std::string bytes = Slurp(path);
  size_t first = 0;
  Inflate(bytes, 0, &first);
  std::string out = bytes.substr(0, c.offset) + bytes.substr(0, first) + bytes.substr(c.offset);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << out;
  ExpectNotVerified(Claimdex("show " + id + " --verify"), id, ", not the recorded <urn:uuid:");
}

TEST_F(ShowVerify, ArticleOrUnknownIdIsAUsageError) {
  RunResult r = Claimdex("show d:0123456789abcdef --verify");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "claimdex: 'd:0123456789abcdef': --verify needs a claim id (c:HEX)\n");
  r = Claimdex("show c:0123456789abcdef --verify");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("c:0123456789abcdef: no such claim in "), std::string::npos) << r.err;
}

// The timeline subcommand's formats, on the same crawled data directory.
class TimelineCli : public ShowVerify {};

TEST_F(TimelineCli, HtmlPageWithChartAndEvidenceToAFile) {
  std::string out = scratch_ + "/timeline.html";
  RunResult r = Claimdex("timeline --target export-controls --format html --out '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find(" written to " + out), std::string::npos) << r.err;
  std::string html = Slurp(out);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find(">Month of publication</text>"), std::string::npos);
  EXPECT_NE(html.find("<h2>Evidence ("), std::string::npos);
  EXPECT_NE(html.find(">David Sacks<"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(TimelineCli, EveryFormatGoesToStdoutAndHelpListsThem) {
  RunResult help = Claimdex("timeline --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("{csv,json,svg,html}"), std::string::npos) << help.out;
  RunResult csv = Claimdex("timeline --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(
      csv.out.rfind("row,period,claims,support,oppose,mixed,neutral,net,claim_ids,urls\r\n", 0),
      0u);
  RunResult json = Claimdex("timeline --format json --interval quarter");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  nlohmann::json j = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["interval"], "quarter");
  EXPECT_FALSE(j["cells"].empty());
  RunResult svg = Claimdex("timeline --format svg --by outlet --rows 2");
  ASSERT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_NE(svg.out.find("<svg"), std::string::npos);
  EXPECT_NE(svg.out.find(" more rows not shown"), std::string::npos);
  RunResult bad = Claimdex("timeline --format pdf");
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(TimelineCli, ReversedDatesAndUnknownTargetAreOneLineErrors) {
  RunResult r = Claimdex("timeline --since 2025-03-01 --until 2025-01-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "claimdex: --since 2025-03-01 is after --until 2025-01-01\n");
  r = Claimdex("timeline --target moon-landing");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("claimdex: target 'moon-landing': no claims in ", 0), 0u) << r.err;
  EXPECT_EQ(CountLines(r.err), 1u);
  r = Claimdex("search 'export date:2025-03-01..2025-01-01'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("ends before it starts"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace claimdex::testing
