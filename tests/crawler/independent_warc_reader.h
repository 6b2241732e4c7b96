// A second, deliberately separate WARC reader for the tests: it inflates the gzip members one by
// one with zlib and parses records straight from ISO 28500:2017 (WARC/1.1), sharing no code
// with corpus/warc_reader.cpp — so the crawler's files are checked against the specification,
// not against the reader written alongside the writer. (Debian 12 packages no WARC reader:
// `apt-cache search warc` finds nothing, python3-warcio included.)
#ifndef CLAIMDEX_TESTS_CRAWLER_INDEPENDENT_WARC_READER_H_
#define CLAIMDEX_TESTS_CRAWLER_INDEPENDENT_WARC_READER_H_

#include <openssl/sha.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace claimdex::testing {

struct RawWarcRecord {
  uint64_t offset = 0;                                      // of its gzip member in the file
  uint64_t member_bytes = 0;                                // compressed size of the member
  std::string version;                                      // "WARC/1.1"
  std::vector<std::pair<std::string, std::string>> fields;  // in order, as written
  std::string block;
  bool trailer_ok = false;  // the block is followed by exactly CRLF CRLF, ending the member
  bool length_ok = false;   // Content-Length is a decimal and equals the block's size
  std::string Get(const std::string& name) const {
    for (const auto& [key, value] : fields) {
      if (key == name) return value;  // WARC field names are written in their canonical case
    }
    return "";
  }
  int Count(const std::string& name) const {
    int n = 0;
    for (const auto& field : fields) n += field.first == name ? 1 : 0;
    return n;
  }
};

struct RawWarcFile {
  std::vector<RawWarcRecord> records;
  std::vector<std::string> problems;  // "offset N: ..."
};

// RFC 4648 base32 of SHA-1, as WARC digests are written ("sha1:...").
inline std::string IndependentSha1Base32(const std::string& data) {
  unsigned char md[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out = "sha1:";
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : md) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;  // 160 bits = 32 characters, no padding needed
}

// Inflates the member at data[offset..]; *used is its compressed size. False when it is not a
// complete gzip member.
inline bool InflateMember(const std::string& data, size_t offset, std::string* out, size_t* used) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + offset));
  zs.avail_in = static_cast<uInt>(data.size() - offset);
  char buffer[65536];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    out->append(buffer, sizeof buffer - zs.avail_out);
  }
  *used = zs.total_in;
  inflateEnd(&zs);
  return rc == Z_STREAM_END;  // stops at the end of this member: one record, one member
}

inline void ParseRawRecord(const std::string& text, RawWarcRecord* record) {
  size_t head_end = text.find("\r\n\r\n");
  if (head_end == std::string::npos) return;
  size_t line_start = 0;
  size_t line_end = text.find("\r\n");
  record->version = text.substr(0, line_end);
  while (line_end < head_end) {
    line_start = line_end + 2;
    line_end = text.find("\r\n", line_start);
    std::string line = text.substr(line_start, line_end - line_start);
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    size_t value = line.find_first_not_of(' ', colon + 1);
    record->fields.emplace_back(line.substr(0, colon),
                                value == std::string::npos ? "" : line.substr(value));
  }
  std::string length_text = record->Get("Content-Length");
  bool digits =
      !length_text.empty() && length_text.find_first_not_of("0123456789") == std::string::npos;
  size_t length = digits ? std::stoull(length_text) : 0;
  size_t block_start = head_end + 4;
  record->length_ok = digits && block_start + length + 4 == text.size();
  record->block = text.substr(block_start, std::min(length, text.size() - block_start));
  record->trailer_ok = record->length_ok && text.compare(block_start + length, 4, "\r\n\r\n") == 0;
}

inline RawWarcFile ReadWarcIndependently(const std::string& path) {
  RawWarcFile file;
  std::ifstream in(path, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t offset = 0;
  while (offset < data.size()) {
    RawWarcRecord record;
    record.offset = offset;
    std::string text;
    size_t used = 0;
    if (!InflateMember(data, offset, &text, &used)) {
      file.problems.push_back("offset " + std::to_string(offset) + ": not a complete gzip member");
      break;
    }
    record.member_bytes = used;
    ParseRawRecord(text, &record);
    file.records.push_back(std::move(record));
    offset += used;
  }
  return file;
}

}  // namespace claimdex::testing

#endif  // CLAIMDEX_TESTS_CRAWLER_INDEPENDENT_WARC_READER_H_
