// WARC/1.1 record format and the writer. The reader is in warc_reader.cpp.
#include "corpus/warc.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string_view>
#include <vector>

#include "corpus/posix_io.h"
#include "corpus/warc_format.h"

namespace claimdex {
namespace {

constexpr char kSoftware[] = "claimdex/0.1";

bool EqualsIgnoreCase(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Fields the writer computes or takes from WarcRecord's members; copies in `fields` would
// contradict them.
bool IsReservedField(const std::string& name) {
  static const char* const kReserved[] = {"WARC-Type",        "WARC-Record-ID", "WARC-Date",
                                          "WARC-Target-URI",  "Content-Type",   "Content-Length",
                                          "WARC-Block-Digest"};
  for (const char* r : kReserved) {
    if (EqualsIgnoreCase(name, r)) return true;
  }
  return false;
}

// A header value must stay on its line whatever a crawled URL or header contains.
std::string OneLine(const std::string& value) {
  std::string out = value;
  for (char& c : out) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

std::string Base32(const unsigned char* data, size_t len) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < len; ++i) {
    buffer = (buffer << 8) | data[i];
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  while (out.size() % 8 != 0) out.push_back('=');
  return out;
}

std::string FormatUtc(std::time_t t, const char* format) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), format, &tm);
  return buf;
}

std::string NewRecordId() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof(b)) != 1) {
    // RAND_bytes only fails without an entropy source; a clock-seeded id is still unique
    // enough for one writer, and a record without an id would be invalid WARC.
    std::srand(static_cast<unsigned>(std::time(nullptr)) ^ static_cast<unsigned>(getpid()));
    for (unsigned char& c : b) c = static_cast<unsigned char>(std::rand());
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "<urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0xf]);
  }
  return out + ">";
}

void AppendField(std::string* out, const std::string& name, const std::string& value) {
  *out += name;
  *out += ": ";
  *out += OneLine(value);
  *out += "\r\n";
}

}  // namespace

namespace warc_internal {

std::string SerializeRecord(const WarcRecord& record) {
  std::string out = SerializeHead(record);
  out += record.block;
  out += "\r\n\r\n";
  return out;
}

std::string SerializeHead(const WarcRecord& record) {
  std::string out = "WARC/1.1\r\n";
  AppendField(&out, "WARC-Type", record.type);
  AppendField(&out, "WARC-Record-ID", record.record_id);
  AppendField(&out, "WARC-Date", record.date);
  if (!record.target_uri.empty()) AppendField(&out, "WARC-Target-URI", record.target_uri);
  for (const auto& [name, value] : record.fields) {
    if (!IsReservedField(name)) AppendField(&out, OneLine(name), value);
  }
  AppendField(&out, "WARC-Block-Digest", WarcSha1Digest(record.block));
  if (!record.content_type.empty()) AppendField(&out, "Content-Type", record.content_type);
  AppendField(&out, "Content-Length", std::to_string(record.block.size()));
  out += "\r\n";
  return out;
}

namespace {

// One deflate stream per thread, reset between members: setting a stream up allocates and
// faults in about 256 KiB of window and hash tables, which per record cost as much as
// compressing a small page. The output buffer is kept too.
class Deflater {
 public:
  Deflater() {
    ok_ = deflateInit2(&zs_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                       Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Deflater() {
    if (ok_) deflateEnd(&zs_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  Result<std::string> Member(const std::vector<std::string_view>& parts) {
    if (!ok_ || deflateReset(&zs_) != Z_OK) return Status::Runtime("zlib: deflateInit2 failed");
    size_t total = 0;
    for (std::string_view p : parts) total += p.size();
    buffer_.resize(deflateBound(&zs_, total) + 64);
    zs_.next_out = buffer_.data();
    zs_.avail_out = static_cast<uInt>(buffer_.size());
    for (size_t i = 0; i < parts.size(); ++i) {
      zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(parts[i].data()));
      zs_.avail_in = static_cast<uInt>(parts[i].size());
      int flush = i + 1 == parts.size() ? Z_FINISH : Z_NO_FLUSH;
      int rc = deflate(&zs_, flush);
      if (flush == Z_FINISH ? rc != Z_STREAM_END : (rc != Z_OK && rc != Z_BUF_ERROR)) {
        return Status::Runtime("zlib: deflate did not finish");
      }
    }
    return std::string(reinterpret_cast<const char*>(buffer_.data()), zs_.total_out);
  }

 private:
  z_stream zs_{};
  bool ok_ = false;
  std::vector<Bytef> buffer_;
};

Deflater& ThreadDeflater() {
  thread_local Deflater deflater;
  return deflater;
}

}  // namespace

Result<std::string> GzipMember(const std::string& data) {
  return ThreadDeflater().Member({data});
}

Result<std::string> GzipRecord(const WarcRecord& record) {
  // Head, block and trailer go into one member without first being joined into one string.
  std::string head = SerializeHead(record);
  return ThreadDeflater().Member({head, record.block, "\r\n\r\n"});
}

}  // namespace warc_internal

std::string WarcRecord::Field(const std::string& name) const {
  for (const auto& [n, v] : fields) {
    if (EqualsIgnoreCase(n, name)) return v;
  }
  if (EqualsIgnoreCase(name, "WARC-Type")) return type;
  if (EqualsIgnoreCase(name, "WARC-Record-ID")) return record_id;
  if (EqualsIgnoreCase(name, "WARC-Date")) return date;
  if (EqualsIgnoreCase(name, "WARC-Target-URI")) return target_uri;
  if (EqualsIgnoreCase(name, "Content-Type")) return content_type;
  return "";
}

std::string WarcSha1Digest(const std::string& data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha1(), nullptr);
  return "sha1:" + Base32(md, len);
}

class WarcWriter::Impl {
 public:
  Impl(std::string dir, std::string operator_info, uint64_t max_bytes)
      : dir_(std::move(dir)), operator_info_(std::move(operator_info)), max_bytes_(max_bytes) {}
  ~Impl() { CloseFile(); }

  Status OpenNewFile();
  Result<WarcLocation> Write(WarcRecord record, bool sync);
  const std::string& file() const { return file_; }

 private:
  void CloseFile() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  Result<WarcLocation> Append(WarcRecord record, bool sync);

  const std::string dir_;
  const std::string operator_info_;
  const uint64_t max_bytes_;
  int fd_ = -1;
  std::string file_;  // name of the open file, no directory
  uint64_t size_ = 0;
  int serial_ = 0;
};

Status WarcWriter::Impl::OpenNewFile() {
  CloseFile();
  const std::string stamp = FormatUtc(std::time(nullptr), "%Y%m%d%H%M%S");
  // O_EXCL plus a rising serial: two writers (or two rotations in one second) never share
  // a file, and names still sort by creation time.
  for (int attempts = 0; attempts < 100000; ++attempts, ++serial_) {
    char name[64];
    std::snprintf(name, sizeof(name), "claimdex-%s-%05d.warc.gz", stamp.c_str(), serial_ % 100000);
    const std::string path = dir_ + "/" + name;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST) continue;
    if (fd < 0) return Status::IoError(path + ": cannot create: " + std::strerror(errno));
    fd_ = fd;
    file_ = name;
    size_ = 0;
    ++serial_;
    WarcRecord info;
    info.type = "warcinfo";
    info.content_type = "application/warc-fields";
    info.fields.emplace_back("WARC-Filename", file_);
    info.block = std::string("software: ") + kSoftware +
                 "\r\nformat: WARC File Format 1.1\r\n"
                 "conformsTo: http://iipc.github.io/warc-specifications/specifications/"
                 "warc-format/warc-1.1/\r\n";
    if (!operator_info_.empty()) info.block += "operator: " + OneLine(operator_info_) + "\r\n";
    return Append(std::move(info), /*sync=*/false).status();
  }
  return Status::IoError(dir_ + ": no free WARC file name for " + stamp);
}

Result<WarcLocation> WarcWriter::Impl::Write(WarcRecord record, bool sync) {
  if (record.type.empty()) return Status::InvalidInput("WARC record without a WARC-Type");
  if (fd_ < 0 || size_ >= max_bytes_) CLAIMDEX_RETURN_IF_ERROR(OpenNewFile());
  return Append(std::move(record), sync);
}

Result<WarcLocation> WarcWriter::Impl::Append(WarcRecord record, bool sync) {
  if (record.record_id.empty()) record.record_id = NewRecordId();
  if (record.date.empty()) record.date = FormatUtc(std::time(nullptr), "%Y-%m-%dT%H:%M:%SZ");
  Result<std::string> member = warc_internal::GzipRecord(record);
  if (!member.ok()) return member.status();
  const std::string path = dir_ + "/" + file_;
  // The offset comes from the file itself, not from a running count: after a failed (partial)
  // write the next record still gets its true offset.
  struct stat st;
  if (::fstat(fd_, &st) != 0) return Status::IoError(path + ": " + std::strerror(errno));
  size_ = static_cast<uint64_t>(st.st_size);
  CLAIMDEX_RETURN_IF_ERROR(WriteAll(fd_, *member, path));
  if (sync && ::fdatasync(fd_) != 0) {
    return Status::IoError(path + ": fdatasync failed: " + std::strerror(errno));
  }
  WarcLocation loc{file_, size_, member->size(), record.record_id};
  size_ += member->size();
  return loc;
}

WarcWriter::WarcWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcWriter::~WarcWriter() = default;

Result<std::unique_ptr<WarcWriter>> WarcWriter::Create(const std::string& dir,
                                                       const std::string& operator_info,
                                                       uint64_t max_bytes) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(dir + ": cannot create directory: " + ec.message());
  auto impl = std::make_unique<Impl>(dir, operator_info, max_bytes);
  CLAIMDEX_RETURN_IF_ERROR(impl->OpenNewFile());
  return std::unique_ptr<WarcWriter>(new WarcWriter(std::move(impl)));
}

Result<WarcLocation> WarcWriter::Write(WarcRecord record, bool sync) {
  return impl_->Write(std::move(record), sync);
}

const std::string& WarcWriter::current_file() const { return impl_->file(); }

}  // namespace claimdex
