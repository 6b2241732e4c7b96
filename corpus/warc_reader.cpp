// Reading WARC files made of gzip members, one record each; resumes after damage.
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "corpus/warc.h"
#include "corpus/warc_format.h"

namespace claimdex {
namespace {

// A record bigger than this is refused rather than held in memory; the crawler caps bodies
// far below it, so only a damaged or foreign file gets here.
constexpr size_t kMaxRecordBytes = size_t{256} << 20;
constexpr size_t kReadChunk = size_t{1} << 16;
constexpr char kGzipMagic[] = "\x1f\x8b\x08";

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

class ZStream {
 public:
  ZStream() { ok_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK; }
  ~ZStream() {
    if (ok_) inflateEnd(&zs_);
  }
  ZStream(const ZStream&) = delete;
  ZStream& operator=(const ZStream&) = delete;
  bool ok() const { return ok_; }
  z_stream* get() { return &zs_; }

 private:
  z_stream zs_{};
  bool ok_ = false;
};

enum class MemberResult { kOk, kEnd, kTruncated, kCorrupt, kTooLarge };

// Buffered reading of consecutive gzip members from a file descriptor.
class MemberStream {
 public:
  explicit MemberStream(int fd) : fd_(fd) {}
  ~MemberStream() { ::close(fd_); }
  MemberStream(const MemberStream&) = delete;
  MemberStream& operator=(const MemberStream&) = delete;

  uint64_t Tell() const { return buf_start_ + pos_; }
  bool Seek(uint64_t offset) {
    buf_.clear();
    pos_ = 0;
    buf_start_ = offset;
    eof_ = false;
    return ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) >= 0;
  }
  // True when at least `n` unread bytes are buffered (reading more as needed).
  bool Have(size_t n) {
    while (buf_.size() - pos_ < n) {
      if (!Fill()) return false;
    }
    return true;
  }
  bool AtMagic() { return Have(3) && buf_.compare(pos_, 3, kGzipMagic) == 0; }
  // Moves to the next gzip header; returns false (at end of file) when there is none.
  bool SkipToMagic();
  MemberResult ReadMember(std::string* out, std::string* detail);

 private:
  bool Fill();

  const int fd_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t buf_start_ = 0;  // file offset of buf_[0]
  bool eof_ = false;
};

bool MemberStream::Fill() {
  if (eof_) return false;
  if (pos_ >= kReadChunk) {  // drop consumed bytes so the buffer stays small
    buf_.erase(0, pos_);
    buf_start_ += pos_;
    pos_ = 0;
  }
  char chunk[kReadChunk];
  ssize_t n;
  do {
    n = ::read(fd_, chunk, sizeof(chunk));
  } while (n < 0 && errno == EINTR);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  buf_.append(chunk, static_cast<size_t>(n));
  return true;
}

bool MemberStream::SkipToMagic() {
  for (;;) {
    size_t found = buf_.find(kGzipMagic, pos_, 3);
    if (found != std::string::npos) {
      pos_ = found;
      return true;
    }
    // Keep the last two bytes: the magic may straddle the next read.
    if (buf_.size() - pos_ > 2) pos_ = buf_.size() - 2;
    if (!Fill()) {
      pos_ = buf_.size();
      return false;
    }
  }
}

MemberResult MemberStream::ReadMember(std::string* out, std::string* detail) {
  out->clear();
  if (!Have(1)) return MemberResult::kEnd;
  ZStream zs;
  if (!zs.ok()) {
    *detail = "zlib: inflateInit2 failed";
    return MemberResult::kCorrupt;
  }
  z_stream* z = zs.get();
  char chunk[kReadChunk];
  for (;;) {
    if (pos_ == buf_.size() && !Fill()) return MemberResult::kTruncated;
    z->next_in = reinterpret_cast<Bytef*>(buf_.data() + pos_);
    z->avail_in = static_cast<uInt>(buf_.size() - pos_);
    int rc;
    do {
      z->next_out = reinterpret_cast<Bytef*>(chunk);
      z->avail_out = sizeof(chunk);
      rc = inflate(z, Z_NO_FLUSH);
      out->append(chunk, sizeof(chunk) - z->avail_out);
      if (out->size() > kMaxRecordBytes) return MemberResult::kTooLarge;
    } while (rc == Z_OK && (z->avail_in > 0 || z->avail_out == 0));
    pos_ = buf_.size() - z->avail_in;
    if (rc == Z_STREAM_END) return MemberResult::kOk;
    if ((rc != Z_OK && rc != Z_BUF_ERROR) || (rc == Z_BUF_ERROR && z->avail_in > 0)) {
      *detail = z->msg != nullptr ? z->msg : "zlib error " + std::to_string(rc);
      return MemberResult::kCorrupt;
    }
  }
}

// Splits the header block into fields, joining folded continuation lines.
Status ParseHeaderFields(const std::string& head, size_t first_line_end, WarcRecord* record) {
  size_t pos = first_line_end;
  while (pos < head.size()) {
    size_t eol = head.find('\n', pos);
    if (eol == std::string::npos) eol = head.size();
    std::string line = head.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !record->fields.empty()) {
      record->fields.back().second.append(1, ' ').append(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0) {
      return Status::InvalidInput("header line without a field name: \"" + line.substr(0, 60) +
                                  "\"");
    }
    record->fields.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
  return Status::Ok();
}

Result<uint64_t> ParseLength(const std::string& value) {
  if (value.empty() || value.size() > 18 ||
      value.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidInput("bad Content-Length \"" + value + "\"");
  }
  return std::stoull(value);
}

// Reads the one record whose member starts at `offset`, without resynchronising.
Result<WarcRecord> ReadRecordAt(MemberStream& stream, const std::string& name, uint64_t offset) {
  const std::string where = name + " offset " + std::to_string(offset) + ": ";
  if (!stream.Seek(offset)) return Status::IoError(where + "cannot seek");
  if (!stream.AtMagic()) return Status::InvalidInput(where + "no gzip member starts here");
  std::string bytes;
  std::string detail;
  switch (stream.ReadMember(&bytes, &detail)) {
    case MemberResult::kOk:
      break;
    case MemberResult::kEnd:
    case MemberResult::kTruncated:
      return Status::InvalidInput(where + "truncated gzip member");
    case MemberResult::kCorrupt:
      return Status::InvalidInput(where + "corrupt gzip member (" + detail + ")");
    case MemberResult::kTooLarge:
      return Status::InvalidInput(where + "record too large");
  }
  WarcRecord record;
  Status st = warc_internal::ParseRecord(bytes, &record);
  if (!st.ok()) return st.WithContext(where + "not a WARC record");
  return record;
}

}  // namespace

namespace warc_internal {

Status ParseRecord(const std::string& bytes, WarcRecord* record) {
  *record = WarcRecord();
  if (bytes.compare(0, 5, "WARC/") != 0) return Status::InvalidInput("no WARC/ version line");
  size_t head_end = bytes.find("\r\n\r\n");
  size_t sep = 4;
  if (head_end == std::string::npos) {  // tolerate bare LF from other tools
    head_end = bytes.find("\n\n");
    sep = 2;
  }
  if (head_end == std::string::npos) return Status::InvalidInput("header not terminated");
  const std::string head = bytes.substr(0, head_end);
  size_t first_line_end = head.find('\n');
  if (first_line_end == std::string::npos) first_line_end = head.size();
  CLAIMDEX_RETURN_IF_ERROR(ParseHeaderFields(head, first_line_end + 1, record));
  const std::string length_field = record->Field("Content-Length");
  if (length_field.empty()) return Status::InvalidInput("missing Content-Length");
  Result<uint64_t> length = ParseLength(length_field);
  if (!length.ok()) return length.status();
  const size_t block_start = head_end + sep;
  if (*length > bytes.size() - block_start) {
    return Status::InvalidInput("block shorter than Content-Length (" +
                                std::to_string(bytes.size() - block_start) + " < " + length_field +
                                ")");
  }
  record->block = bytes.substr(block_start, *length);
  // Field() looks in `fields` first, so the members below come from the file's own headers.
  record->type = record->Field("WARC-Type");
  record->record_id = record->Field("WARC-Record-ID");
  record->date = record->Field("WARC-Date");
  record->target_uri = record->Field("WARC-Target-URI");
  record->content_type = record->Field("Content-Type");
  if (record->type.empty()) return Status::InvalidInput("missing WARC-Type");
  return Status::Ok();
}

}  // namespace warc_internal

class WarcReader::Impl {
 public:
  Impl(std::string path, int fd) : name_(BaseName(path)), stream_(fd) {}
  bool Next(WarcRecord* record, uint64_t* offset);
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  void Report(uint64_t offset, const std::string& problem) {
    // While resynchronising, the candidates that fail are noise after the first report.
    if (!resyncing_)
      errors_.push_back(name_ + " offset " + std::to_string(offset) + ": " + problem);
    resyncing_ = true;
  }
  bool TryMember(uint64_t start, WarcRecord* record);

  const std::string name_;
  MemberStream stream_;
  std::vector<std::string> errors_;
  bool resyncing_ = false;
};

bool WarcReader::Impl::Next(WarcRecord* record, uint64_t* offset) {
  for (;;) {
    const uint64_t start = stream_.Tell();
    if (!stream_.Have(1)) return false;
    if (!stream_.AtMagic()) {
      bool found = stream_.SkipToMagic();
      if (!resyncing_) {
        errors_.push_back(name_ + " offset " + std::to_string(start) + ": " +
                          std::to_string(stream_.Tell() - start) +
                          " bytes that are not a gzip member skipped");
      }
      if (!found) return false;
      continue;
    }
    if (TryMember(start, record)) {
      *offset = start;
      return true;
    }
  }
}

// Reads the member at `start`; on damage reports it and positions the stream past it.
bool WarcReader::Impl::TryMember(uint64_t start, WarcRecord* record) {
  std::string bytes;
  std::string detail;
  switch (stream_.ReadMember(&bytes, &detail)) {
    case MemberResult::kOk: {
      Status st = warc_internal::ParseRecord(bytes, record);
      if (st.ok()) {
        resyncing_ = false;
        return true;
      }
      Report(start, "not a WARC record: " + st.message());
      resyncing_ = false;  // the member itself was sound; the next one starts cleanly
      return false;
    }
    case MemberResult::kEnd:
      return false;
    case MemberResult::kTruncated:
      Report(start, "truncated gzip member");
      break;
    case MemberResult::kCorrupt:
      Report(start, "corrupt gzip member (" + detail + ")");
      break;
    case MemberResult::kTooLarge:
      Report(start, "record larger than " + std::to_string(kMaxRecordBytes) + " bytes");
      break;
  }
  stream_.Seek(start + 1);
  return false;
}

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcReader::~WarcReader() = default;

static Result<int> OpenForReading(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) return fd;
  if (errno == ENOENT) return Status::NotFound(path + ": no such file");
  return Status::IoError(path + ": " + std::strerror(errno));
}

Result<std::unique_ptr<WarcReader>> WarcReader::Open(const std::string& path) {
  Result<int> fd = OpenForReading(path);
  if (!fd.ok()) return fd.status();
  return std::unique_ptr<WarcReader>(new WarcReader(std::make_unique<Impl>(path, *fd)));
}

bool WarcReader::Next(WarcRecord* record, uint64_t* offset) { return impl_->Next(record, offset); }

const std::vector<std::string>& WarcReader::errors() const { return impl_->errors(); }

Result<WarcRecord> ReadWarcRecordAt(const std::string& path, uint64_t offset) {
  Result<int> fd = OpenForReading(path);
  if (!fd.ok()) return fd.status();
  MemberStream stream(*fd);
  return ReadRecordAt(stream, BaseName(path), offset);
}

}  // namespace claimdex
