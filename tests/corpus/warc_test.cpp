#include "corpus/warc.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <random>
#include <regex>
#include <set>

#include "tests/corpus/corpus_test_util.h"

namespace claimdex {
namespace {

using testing::Slurp;
using testing::Spit;
using testing::TempDir;

const char kHttpBlock[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html>chips</html>";

WarcRecord Response(const std::string& url, const std::string& body) {
  WarcRecord r;
  r.type = "response";
  r.target_uri = url;
  r.content_type = "application/http; msgtype=response";
  r.fields = {{"WARC-IP-Address", "127.0.0.1"}, {"WARC-Payload-Digest", WarcSha1Digest(body)}};
  r.block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
  return r;
}

// Decompresses exactly one gzip member from `data` (which may hold more after it); returns
// the bytes and sets *consumed, or fails the test.
std::string InflateOneMember(const std::string& data, size_t* consumed) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 16 + MAX_WBITS), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[4096];
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof(buf) - zs.avail_out);
  } while (rc == Z_OK);
  EXPECT_EQ(rc, Z_STREAM_END);
  *consumed = zs.total_in;
  inflateEnd(&zs);
  return out;
}

struct Written {
  std::string path;
  std::vector<WarcLocation> locations;
};

Written WriteRecords(const TempDir& dir, const std::vector<WarcRecord>& records) {
  auto writer = WarcWriter::Create(dir.Sub("warc"), "tests");
  EXPECT_TRUE(writer.ok()) << writer.status().message();
  Written w;
  for (const WarcRecord& r : records) {
    auto loc = (*writer)->Write(r);
    EXPECT_TRUE(loc.ok()) << loc.status().message();
    w.locations.push_back(*loc);
  }
  w.path = dir.Sub("warc") + "/" + (*writer)->current_file();
  return w;
}

std::vector<std::pair<WarcRecord, uint64_t>> ReadAll(const std::string& path,
                                                     std::vector<std::string>* errors) {
  auto reader = WarcReader::Open(path);
  EXPECT_TRUE(reader.ok()) << reader.status().message();
  std::vector<std::pair<WarcRecord, uint64_t>> out;
  WarcRecord r;
  uint64_t offset = 0;
  while ((*reader)->Next(&r, &offset)) out.emplace_back(r, offset);
  *errors = (*reader)->errors();
  return out;
}

TEST(WarcWriter, RoundTripKeepsEveryField) {
  TempDir dir;
  WarcRecord request;
  request.type = "request";
  request.target_uri = "https://news.example/a";
  request.content_type = "application/http; msgtype=request";
  request.block = "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n";
  WarcRecord response = Response("https://news.example/a", "<html>chips</html>");
  response.fields.emplace_back("WARC-Concurrent-To", "<urn:uuid:0000>");
  WarcRecord metadata;
  metadata.type = "metadata";
  metadata.record_id = "<urn:uuid:11111111-2222-4333-8444-555555555555>";
  metadata.date = "2025-02-22T10:01:02Z";
  metadata.content_type = "application/warc-fields";
  metadata.block = "";  // an empty block is legal
  Written w = WriteRecords(dir, {request, response, metadata});

  std::vector<std::string> errors;
  auto records = ReadAll(w.path, &errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].first.type, "warcinfo");
  EXPECT_EQ(records[0].first.Field("WARC-Filename"), std::filesystem::path(w.path).filename());
  EXPECT_NE(records[0].first.block.find("operator: tests"), std::string::npos);

  const WarcRecord& got = records[2].first;
  EXPECT_EQ(got.type, "response");
  EXPECT_EQ(got.target_uri, "https://news.example/a");
  EXPECT_EQ(got.content_type, "application/http; msgtype=response");
  EXPECT_EQ(got.block, response.block);
  EXPECT_EQ(got.Field("warc-ip-address"), "127.0.0.1");
  EXPECT_EQ(got.Field("WARC-Concurrent-To"), "<urn:uuid:0000>");
  EXPECT_EQ(got.Field("WARC-Payload-Digest"), WarcSha1Digest("<html>chips</html>"));
  EXPECT_EQ(got.Field("Content-Length"), std::to_string(response.block.size()));
  EXPECT_EQ(got.Field("WARC-Block-Digest"), WarcSha1Digest(response.block));
  EXPECT_TRUE(
      std::regex_match(got.record_id, std::regex("<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-"
                                                 "[89ab][0-9a-f]{3}-[0-9a-f]{12}>")))
      << got.record_id;
  EXPECT_TRUE(std::regex_match(got.date, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << got.date;
  EXPECT_EQ(got.record_id, w.locations[1].record_id);
  EXPECT_NE(records[1].first.record_id, got.record_id);

  EXPECT_EQ(records[1].first.block, request.block);
  EXPECT_EQ(records[3].first.record_id, metadata.record_id);  // given ids and dates are kept
  EXPECT_EQ(records[3].first.date, "2025-02-22T10:01:02Z");
  EXPECT_EQ(records[3].first.Field("Content-Length"), "0");
}

TEST(WarcWriter, EachRecordIsOneGzipMemberWithVersionLineAndMandatoryFields) {
  TempDir dir;
  Written w = WriteRecords(
      dir, {Response("http://a.example/", "one"), Response("http://a.example/2", "two")});
  const std::string file = Slurp(w.path);
  uint64_t expected_next = w.locations[0].offset;
  EXPECT_GT(expected_next, 0u);  // the warcinfo record comes first
  for (const WarcLocation& loc : w.locations) {
    EXPECT_EQ(loc.offset, expected_next);
    size_t consumed = 0;
    const std::string bytes = InflateOneMember(file.substr(loc.offset), &consumed);
    EXPECT_EQ(consumed, loc.length);  // the member ends exactly where the location says
    expected_next = loc.offset + loc.length;
    ASSERT_EQ(bytes.compare(0, 10, "WARC/1.1\r\n"), 0) << bytes.substr(0, 20);
    const size_t head_end = bytes.find("\r\n\r\n");
    ASSERT_NE(head_end, std::string::npos);
    const std::string head = bytes.substr(0, head_end + 2);
    for (const char* field :
         {"\r\nWARC-Type: response\r\n", "\r\nWARC-Record-ID: <urn:uuid:", "\r\nWARC-Date: ",
          "\r\nContent-Length: ", "\r\nWARC-Block-Digest: sha1:"}) {
      EXPECT_NE(head.find(field), std::string::npos) << field;
    }
    // Content-Length counts the block: what lies between the blank line and the closing CRLFs.
    const size_t length_at = head.find("Content-Length: ") + 16;
    const size_t length = std::stoul(head.substr(length_at, head.find("\r\n", length_at)));
    EXPECT_EQ(bytes.size(), head_end + 4 + length + 4);
    EXPECT_EQ(bytes.substr(bytes.size() - 4), "\r\n\r\n");
  }
  EXPECT_EQ(expected_next, file.size());
}

TEST(WarcSha1Digest, IsBase32OfSha1) {
  EXPECT_EQ(WarcSha1Digest(""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
  EXPECT_EQ(WarcSha1Digest("abc"), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
}

TEST(WarcWriter, FileNameHasTimestampAndSerial) {
  TempDir dir;
  auto writer = WarcWriter::Create(dir.path(), "");
  ASSERT_TRUE(writer.ok());
  EXPECT_TRUE(
      std::regex_match((*writer)->current_file(), std::regex(R"(claimdex-\d{14}-\d{5}\.warc\.gz)")))
      << (*writer)->current_file();
}

TEST(WarcWriter, RotatesOnceMaxBytesIsPassed) {
  TempDir dir;
  auto writer = WarcWriter::Create(dir.path(), "", /*max_bytes=*/1);
  ASSERT_TRUE(writer.ok());
  std::set<std::string> files;
  std::vector<WarcLocation> locs;
  for (int i = 0; i < 3; ++i) {
    auto loc = (*writer)->Write(Response("http://a.example/" + std::to_string(i), "x"));
    ASSERT_TRUE(loc.ok());
    EXPECT_EQ(loc->file, (*writer)->current_file());
    files.insert(loc->file);
    locs.push_back(*loc);
  }
  EXPECT_EQ(files.size(), 3u);
  for (const WarcLocation& loc : locs) {
    auto rec = ReadWarcRecordAt(dir.path() + "/" + loc.file, loc.offset);
    ASSERT_TRUE(rec.ok()) << rec.status().message();
    EXPECT_EQ(rec->record_id, loc.record_id);
    // Every file starts with its own warcinfo record.
    auto first = ReadWarcRecordAt(dir.path() + "/" + loc.file, 0);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->type, "warcinfo");
  }
}

TEST(WarcWriter, StaysInOneFileBelowMaxBytes) {
  TempDir dir;
  auto writer = WarcWriter::Create(dir.path(), "");
  ASSERT_TRUE(writer.ok());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE((*writer)->Write(Response("http://a/", "x")).ok());
  size_t count = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    count += e.is_regular_file();
  EXPECT_EQ(count, 1u);
}

TEST(WarcWriter, RecordWithoutTypeIsRejected) {
  TempDir dir;
  auto writer = WarcWriter::Create(dir.path(), "");
  ASSERT_TRUE(writer.ok());
  WarcRecord r;
  r.block = "x";
  auto loc = (*writer)->Write(r);
  ASSERT_FALSE(loc.ok());
  EXPECT_EQ(loc.status().code(), Status::Code::kInvalidInput);
}

TEST(WarcWriter, HostileHeaderValueCannotInjectFields) {
  TempDir dir;
  WarcRecord r = Response("http://a.example/\r\nWARC-Type: revisit", "x");
  Written w = WriteRecords(dir, {r});
  auto rec = ReadWarcRecordAt(w.path, w.locations[0].offset);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->type, "response");
  EXPECT_EQ(rec->target_uri.find('\n'), std::string::npos);
}

TEST(ReadWarcRecordAt, ReadsAtEveryOffsetReturnedByWrite) {
  TempDir dir;
  Written w = WriteRecords(dir, {Response("http://a/1", "one"), Response("http://a/2", "two"),
                                 Response("http://a/3", "three")});
  for (size_t i = 0; i < w.locations.size(); ++i) {
    auto rec = ReadWarcRecordAt(w.path, w.locations[i].offset);
    ASSERT_TRUE(rec.ok()) << rec.status().message();
    EXPECT_EQ(rec->record_id, w.locations[i].record_id);
    EXPECT_EQ(rec->target_uri, "http://a/" + std::to_string(i + 1));
  }
}

TEST(ReadWarcRecordAt, WrongOffsetOrMissingFileIsAnError) {
  TempDir dir;
  Written w = WriteRecords(dir, {Response("http://a/1", "one")});
  auto bad = ReadWarcRecordAt(w.path, w.locations[0].offset + 3);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("offset " + std::to_string(w.locations[0].offset + 3)),
            std::string::npos)
      << bad.status().message();
  auto missing = ReadWarcRecordAt(dir.Sub("nope.warc.gz"), 0);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

TEST(WarcReader, TruncatedLastRecordIsReportedAndEarlierOnesRead) {
  TempDir dir;
  Written w = WriteRecords(dir, {Response("http://a/1", "one"), Response("http://a/2", "two"),
                                 Response("http://a/3", std::string(5000, 'z'))});
  const WarcLocation& last = w.locations.back();
  std::filesystem::resize_file(w.path, last.offset + last.length / 2);
  std::vector<std::string> errors;
  auto records = ReadAll(w.path, &errors);
  ASSERT_EQ(records.size(), 3u);  // warcinfo + the two complete records
  EXPECT_EQ(records[2].first.target_uri, "http://a/2");
  ASSERT_EQ(errors.size(), 1u);
  const std::string name = std::filesystem::path(w.path).filename();
  EXPECT_EQ(errors[0], name + " offset " + std::to_string(last.offset) + ": truncated gzip member");
}

TEST(WarcReader, GarbageBetweenMembersIsSkippedAndReported) {
  TempDir dir;
  Written w = WriteRecords(dir, {Response("http://a/1", "one"), Response("http://a/2", "two")});
  const std::string file = Slurp(w.path);
  const uint64_t cut = w.locations[1].offset;
  const std::string garbage = "this is not gzip at all";
  Spit(w.path, file.substr(0, cut) + garbage + file.substr(cut));
  std::vector<std::string> errors;
  auto records = ReadAll(w.path, &errors);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].first.target_uri, "http://a/2");
  EXPECT_EQ(records[2].second, cut + garbage.size());  // offsets stay true file offsets
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("offset " + std::to_string(cut) + ": 23 bytes"), std::string::npos)
      << errors[0];
}

TEST(WarcReader, CorruptMemberInTheMiddleIsSkipped) {
  TempDir dir;
  Written w = WriteRecords(
      dir, {Response("http://a/1", std::string(3000, 'a')),
            Response("http://a/2", std::string(3000, 'b')), Response("http://a/3", "three")});
  std::string file = Slurp(w.path);
  const WarcLocation& bad = w.locations[1];
  for (uint64_t i = bad.offset + 12; i < bad.offset + bad.length - 10; ++i) file[i] ^= 0x5a;
  Spit(w.path, file);
  std::vector<std::string> errors;
  auto records = ReadAll(w.path, &errors);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].first.target_uri, "http://a/1");
  EXPECT_EQ(records[2].first.target_uri, "http://a/3");
  EXPECT_EQ(records[2].second, w.locations[2].offset);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("offset " + std::to_string(bad.offset) + ": corrupt gzip member"),
            std::string::npos)
      << errors[0];
}

TEST(WarcReader, MemberThatIsNotAWarcRecordIsReported) {
  TempDir dir;
  Written w = WriteRecords(dir, {Response("http://a/1", "one")});
  // A valid gzip member holding something else, appended at the end.
  z_stream zs{};
  ASSERT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string text = "hello, not warc";
  std::string out(256, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(text.data());
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  Spit(w.path, out, std::ios::binary | std::ios::app);
  std::vector<std::string> errors;
  auto records = ReadAll(w.path, &errors);
  EXPECT_EQ(records.size(), 2u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("not a WARC record"), std::string::npos) << errors[0];
}

TEST(WarcReader, EmptyFileHasNoRecordsAndNoErrors) {
  TempDir dir;
  Spit(dir.Sub("empty.warc.gz"), "");
  std::vector<std::string> errors;
  EXPECT_TRUE(ReadAll(dir.Sub("empty.warc.gz"), &errors).empty());
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(WarcReader::Open(dir.Sub("missing.warc.gz")).status().code(), Status::Code::kNotFound);
}

TEST(WarcReader, EveryPrefixOfAFileReadsTheCompleteRecordsBeforeTheCut) {
  TempDir dir;
  Written w = WriteRecords(dir, {Response("http://a/1", "one"), Response("http://a/2", "two")});
  const std::string file = Slurp(w.path);
  for (size_t cut = 0; cut <= file.size(); ++cut) {
    Spit(dir.Sub("cut.warc.gz"), file.substr(0, cut));
    std::vector<std::string> errors;
    auto records = ReadAll(dir.Sub("cut.warc.gz"), &errors);
    size_t complete = 0;
    if (cut >= w.locations[0].offset) ++complete;  // the warcinfo record
    for (const WarcLocation& loc : w.locations) complete += cut >= loc.offset + loc.length;
    ASSERT_EQ(records.size(), complete) << "cut at " << cut;
    const bool at_boundary = cut == 0 || cut == w.locations[0].offset ||
                             cut == w.locations[0].offset + w.locations[0].length ||
                             cut == file.size();
    EXPECT_EQ(errors.empty(), at_boundary) << "cut at " << cut;
  }
}

TEST(WarcReader, RandomDamageNeverCrashesAndLeavesSoundRecordsReadable) {
  TempDir dir;
  std::vector<WarcRecord> records;
  for (int i = 0; i < 8; ++i) records.push_back(Response("http://a/" + std::to_string(i), "body"));
  Written w = WriteRecords(dir, records);
  const std::string file = Slurp(w.path);
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    std::string damaged = file;
    const size_t at = rng() % damaged.size();
    const size_t len = 1 + rng() % 40;
    for (size_t i = at; i < std::min(damaged.size(), at + len); ++i) {
      damaged[i] = static_cast<char>(rng());
    }
    Spit(dir.Sub("d.warc.gz"), damaged);
    std::vector<std::string> errors;
    auto got = ReadAll(dir.Sub("d.warc.gz"), &errors);
    // Members entirely before the damage are intact and must all be read.
    size_t intact = at >= w.locations[0].offset ? 1 : 0;
    for (const WarcLocation& loc : w.locations) intact += at >= loc.offset + loc.length;
    ASSERT_GE(got.size(), intact) << "round " << round;
    ASSERT_LE(got.size(), records.size() + 1);
  }
}

TEST(ParseHttpResponse, ParsesStatusHeadersAndBody) {
  auto r = ParseHttpResponse(kHttpBlock);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r->Header("X-Missing"), "");
  EXPECT_EQ(r->body, "<html>chips</html>");
}

TEST(ParseHttpResponse, DecodesChunkedBody) {
  auto r = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "hello, world");
}

TEST(ParseHttpResponse, KeepsBodyThatIsNotReallyChunked) {
  auto r = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>already decoded</html>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "<html>already decoded</html>");
}

TEST(ParseHttpResponse, ToleratesBareLfFoldedHeadersAndJunkLines) {
  auto r =
      ParseHttpResponse("HTTP/1.0 404 Not Found\nX-Long: a\n  b\njunk line\nServer: t\n\nmissing");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->Header("X-Long"), "a b");
  EXPECT_EQ(r->Header("Server"), "t");
  EXPECT_EQ(r->body, "missing");
}

TEST(ParseHttpResponse, HeadersOnlyHasEmptyBody) {
  auto r = ParseHttpResponse("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 304);
  EXPECT_EQ(r->Header("ETag"), "\"x\"");
  EXPECT_EQ(r->body, "");
}

TEST(ParseHttpResponse, RejectsWhatIsNotAResponse) {
  for (const char* block : {"", "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n", "<html>"}) {
    auto r = ParseHttpResponse(block);
    ASSERT_FALSE(r.ok()) << block;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  }
}

}  // namespace
}  // namespace claimdex
