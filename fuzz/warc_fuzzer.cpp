// libFuzzer target: WarcReader, ReadWarcRecordAt and ParseHttpResponse on a hostile file.
//
// Input: a mode byte, then the file content. Mode bit 0 set: the bytes are written as they
// are (gzip framing itself under attack). Clear: the content is split before each "WARC/1."
// and each piece is gzipped as its own member, as the writer does, so the fuzzer reaches the
// record parser; the upper bits cut that many bytes off the end (a torn last member).
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "corpus/warc.h"

namespace {

constexpr size_t kMaxInput = 256 * 1024;
constexpr int kMaxRecords = 10000;

std::string GzipMember(std::string_view plain) {
  z_stream zs{};
  if (deflateInit2(&zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
  std::string out(deflateBound(&zs, plain.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  zs.avail_in = static_cast<uInt>(plain.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string MembersOf(std::string_view content) {
  std::string file;
  size_t start = 0;
  while (start < content.size()) {
    size_t next = content.find("WARC/1.", start + 1);
    if (next == std::string_view::npos) next = content.size();
    file += GzipMember(content.substr(start, next - start));
    start = next;
  }
  return file;
}

// One file per fuzzing process, written for each input and removed after it (libFuzzer may
// end the process without running static destructors).
const std::string& TempPath() {
  static const std::string path = "/tmp/claimdex-warc-fuzz-" + std::to_string(getpid()) + ".warc.gz";
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > kMaxInput) return -1;
  uint8_t mode = data[0];
  std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string file;
  if (mode & 1) {
    file.assign(content);
  } else {
    file = MembersOf(content);
    file.resize(file.size() - std::min<size_t>(file.size(), mode >> 1));
  }
  FILE* f = std::fopen(TempPath().c_str(), "wb");
  if (f == nullptr) std::abort();
  std::fwrite(file.data(), 1, file.size(), f);
  std::fclose(f);

  auto reader = claimdex::WarcReader::Open(TempPath());
  if (reader.ok()) {
    claimdex::WarcRecord record;
    uint64_t offset = 0;
    uint64_t last = 0;
    bool first = true;
    for (int n = 0; n < kMaxRecords && reader.value()->Next(&record, &offset); ++n) {
      // Records come in file order; a reader that went backwards could loop forever.
      if (!first && offset <= last) __builtin_trap();
      first = false;
      last = offset;
      record.Field("WARC-Type");
      auto response = claimdex::ParseHttpResponse(record.block);
      if (response.ok()) response.value().Header("content-type");
      auto again = claimdex::ReadWarcRecordAt(TempPath(), offset);
      if (again.ok() && again.value().block != record.block) __builtin_trap();
    }
  }
  claimdex::ReadWarcRecordAt(TempPath(), 0);
  claimdex::ReadWarcRecordAt(TempPath(), file.size() / 2);
  std::remove(TempPath().c_str());
  return 0;
}
