#include "crawler/capture_writer.h"

#include <openssl/rand.h>
#include <pthread.h>
#include <strings.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>

#include "corpus/cdxj.h"

namespace claimdex {
namespace {

// A forked child must not hand out the bytes its parent still holds: a fork empties the pools.
std::atomic<unsigned> fork_generation{0};

// `count` random bytes from OpenSSL's generator, drawn a few KB at a time per thread: one
// RAND_bytes call per record cost more than the rest of making its id.
bool RandomBytes(unsigned char* out, size_t count) {
  static std::once_flag once;
  std::call_once(once, [] { pthread_atfork(nullptr, nullptr, [] { ++fork_generation; }); });
  thread_local unsigned char pool[4096];
  thread_local size_t used = sizeof pool;
  thread_local unsigned generation = 0;
  if (used + count > sizeof pool || generation != fork_generation.load()) {
    if (RAND_bytes(pool, sizeof pool) != 1) return false;
    used = 0;
    generation = fork_generation.load();
  }
  std::memcpy(out, pool + used, count);
  used += count;
  return true;
}

std::string NewRecordId() {
  unsigned char bytes[16];
  if (!RandomBytes(bytes, sizeof bytes)) {
    // Uniqueness is what matters here; the clock and address mix is a fallback only.
    auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    for (int i = 0; i < 16; ++i) bytes[i] = static_cast<unsigned char>(now >> ((i % 8) * 8));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char text[64];
  std::snprintf(text, sizeof text,
                "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x>",
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14],
                bytes[15]);
  return text;
}

bool IsNamed(const std::string& name, const char* wanted) {
  return strcasecmp(name.c_str(), wanted) == 0;
}

std::string MimeOf(const FetchResult& result) {
  std::string type = result.Header("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

// What went on the wire when curl did not report it (it always does with VERBOSE; this is a
// fallback so a request record is never empty).
std::string FallbackRequestHead(const std::string& url) {
  return "GET " + url + " HTTP/1.1\r\n\r\n";
}

std::string FileStem(const std::string& file) {
  const std::string suffix = ".warc.gz";
  if (file.size() > suffix.size() &&
      file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return file.substr(0, file.size() - suffix.size());
  }
  return file;
}

}  // namespace

CaptureTime NowCaptureTime() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char rfc[32];
  char cdx[32];
  std::strftime(rfc, sizeof rfc, "%Y-%m-%dT%H:%M:%SZ", &utc);
  std::strftime(cdx, sizeof cdx, "%Y%m%d%H%M%S", &utc);
  CaptureTime time;
  time.rfc3339 = rfc;
  time.cdx = cdx;
  time.unix_seconds = std::chrono::duration<double>(now.time_since_epoch()).count();
  return time;
}

std::string StoredHttpMessage(const FetchResult& result, bool with_body) {
  std::string encoding = result.Header("Content-Encoding");
  bool decoded = !encoding.empty() && strcasecmp(encoding.c_str(), "identity") != 0;
  bool chunked = !result.Header("Transfer-Encoding").empty();
  bool transformed = decoded || chunked;
  std::string out;
  // The body is most of the message: one allocation for all of it.
  out.reserve(result.status_line.size() + 512 + (with_body ? result.body.size() : 0));
  out += result.status_line;
  out += "\r\n";
  for (const auto& [name, value] : result.headers) {
    if (transformed && (IsNamed(name, "Content-Encoding") || IsNamed(name, "Transfer-Encoding") ||
                        IsNamed(name, "Content-Length"))) {
      continue;
    }
    out += name + ": " + value + "\r\n";
  }
  if (decoded) out += "X-Claimdex-Decoded-Content-Encoding: " + encoding + "\r\n";
  if (transformed && with_body)
    out += "Content-Length: " + std::to_string(result.body.size()) + "\r\n";
  out += "\r\n";
  if (with_body) out += result.body;
  return out;
}

CaptureWriter::CaptureWriter(std::string warc_dir, std::string cdx_dir, std::string operator_info)
    : warc_dir_(std::move(warc_dir)),
      cdx_dir_(std::move(cdx_dir)),
      operator_info_(std::move(operator_info)) {}

CaptureWriter::~CaptureWriter() = default;

Status CaptureWriter::EnsureWriter() {
  if (writer_ != nullptr) return Status::Ok();
  auto writer = WarcWriter::Create(warc_dir_, operator_info_);
  if (!writer.ok()) return writer.status();
  writer_ = std::move(writer.value());
  return Status::Ok();
}

std::string CaptureWriter::current_file() const {
  return writer_ != nullptr ? writer_->current_file() : std::string();
}

Status CaptureWriter::WriteMetadata(const CaptureMetadata& metadata, const WarcLocation& response,
                                    const std::string& url, const CaptureTime& time) {
  WarcRecord record;
  record.type = "metadata";
  record.record_id = NewRecordId();
  record.date = time.rfc3339;
  record.target_uri = url;
  record.content_type = "application/warc-fields";
  record.fields.emplace_back("WARC-Refers-To", response.record_id);
  std::string& block = record.block;
  if (!metadata.via.empty()) block += "via: " + metadata.via + "\r\n";
  block += "hopsFromSeed: " + std::to_string(metadata.hops) + "\r\n";
  block += "fetchTimeMs: " + std::to_string(metadata.fetch_ms) + "\r\n";
  size_t size = block.size();
  for (const std::string& link : metadata.outlinks) size += link.size() + 11;
  block.reserve(size);
  for (const std::string& link : metadata.outlinks) {
    block += "outlink: ";
    block += link;
    block += "\r\n";
  }
  return writer_->Write(std::move(record)).status();
}

Result<FetchRow> CaptureWriter::Write(const FetchResult& result, const PriorCapture& prior,
                                      const CaptureTime& time, const CaptureMetadata* metadata) {
  CLAIMDEX_RETURN_IF_ERROR(EnsureWriter());
  std::string payload_digest = WarcSha1Digest(result.body);
  bool has_prior = !prior.record_id.empty();
  bool not_modified = result.status == 304 && has_prior;
  bool identical = result.status / 100 == 2 && !result.truncated && has_prior &&
                   prior.payload_digest == payload_digest;
  bool revisit = not_modified || identical;
  if (not_modified) payload_digest = prior.payload_digest;

  WarcRecord response;
  response.type = revisit ? "revisit" : "response";
  response.record_id = NewRecordId();
  response.date = time.rfc3339;
  response.target_uri = result.url;
  response.content_type = "application/http; msgtype=response";
  std::string request_id = NewRecordId();
  response.fields.emplace_back("WARC-Concurrent-To", request_id);
  if (!result.ip.empty()) response.fields.emplace_back("WARC-IP-Address", result.ip);
  if (revisit) {
    response.fields.emplace_back("WARC-Profile",
                                 not_modified ? kRevisitNotModified : kRevisitIdenticalDigest);
    response.fields.emplace_back("WARC-Refers-To", prior.record_id);
    response.fields.emplace_back("WARC-Refers-To-Target-URI", result.url);
    response.fields.emplace_back("WARC-Refers-To-Date", prior.date);
  }
  response.fields.emplace_back("WARC-Payload-Digest", payload_digest);
  if (result.truncated && !revisit) response.fields.emplace_back("WARC-Truncated", "length");
  response.block = StoredHttpMessage(result, !revisit);
  auto location = writer_->Write(std::move(response));
  if (!location.ok()) return location.status();

  WarcRecord request;
  request.type = "request";
  request.record_id = request_id;
  request.date = time.rfc3339;
  request.target_uri = result.url;
  request.content_type = "application/http; msgtype=request";
  request.fields.emplace_back("WARC-Concurrent-To", location->record_id);
  if (!result.ip.empty()) request.fields.emplace_back("WARC-IP-Address", result.ip);
  request.block =
      result.request_head.empty() ? FallbackRequestHead(result.url) : result.request_head;
  auto request_location = writer_->Write(std::move(request));
  if (!request_location.ok()) return request_location.status();
  if (metadata != nullptr && !revisit) {
    CLAIMDEX_RETURN_IF_ERROR(WriteMetadata(*metadata, location.value(), result.url, time));
  }

  CdxEntry cdx;
  cdx.surt = SurtKey(result.url);
  cdx.timestamp = time.cdx;
  cdx.url = result.url;
  cdx.digest = payload_digest;
  cdx.filename = location->file;
  cdx.offset = location->offset;
  cdx.length = location->length;
  cdx.status = result.status;
  cdx.mime = revisit ? "warc/revisit" : MimeOf(result);
  cdx.revisit = revisit;
  CLAIMDEX_RETURN_IF_ERROR(AppendCdx(cdx_dir_ + "/" + FileStem(location->file) + ".cdxj", cdx));

  FetchRow row;
  row.url = result.url;
  row.time = time.rfc3339;
  row.status = result.status;
  row.etag = result.Header("ETag");
  row.last_modified = result.Header("Last-Modified");
  if (not_modified && row.etag.empty()) row.etag = prior.etag;
  if (not_modified && row.last_modified.empty()) row.last_modified = prior.last_modified;
  row.payload_digest = payload_digest;
  row.warc_file = location->file;
  row.warc_offset = location->offset;
  row.record_id = location->record_id;
  row.record_type = revisit ? "revisit" : "response";
  if (revisit) {
    row.refers_to = prior.record_id;
    row.refers_to_date = prior.date;
  }
  return row;
}

}  // namespace claimdex
