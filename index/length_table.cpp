#include "index/length_table.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "corpus/data_dir.h"

namespace claimdex {
namespace {

constexpr uint32_t kMagic = 0x4E454C43;  // "CLEN" in little-endian bytes
constexpr uint32_t kFormat = 1;

struct Header {
  uint32_t magic;
  uint32_t format;
  uint64_t revision;
  char uuid[40];
  uint32_t last;
  uint32_t reserved;
};
static_assert(sizeof(Header) == 64, "the header is 64 bytes on disk");

std::string TablePath(const std::string& db_path) { return db_path + "/" + kLengthTableFile; }

}  // namespace

Status WriteLengthTable(const Xapian::Database& db, const std::string& db_path) {
  std::string path = TablePath(db_path);
  Header h{};
  h.magic = kMagic;
  h.format = kFormat;
  h.revision = db.get_revision();
  std::string uuid = db.get_uuid();
  std::memcpy(h.uuid, uuid.data(), std::min(uuid.size(), sizeof h.uuid));
  h.last = db.get_lastdocid();
  // One pass over Xapian's length list: tens of milliseconds at a million documents.
  std::vector<uint16_t> lengths(size_t{h.last} + 1, 0);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    if (*it > h.last) break;
    lengths[*it] = static_cast<uint16_t>(
        std::min<Xapian::termcount>(it.get_doclength(), kLengthTableOverflow));
  }
  std::string data(reinterpret_cast<const char*>(&h), sizeof h);
  data.append(reinterpret_cast<const char*>(lengths.data()), lengths.size() * sizeof(uint16_t));
  Status st = WriteFileAtomic(path, data);
  if (!st.ok()) ::unlink(path.c_str());  // a stale table would be ignored; a missing one is clearer
  return st;
}

std::unique_ptr<LengthTable> LengthTable::Open(const std::string& db_path,
                                               const Xapian::Database& db) {
  int fd = ::open(TablePath(db_path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  if (::fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) < sizeof(Header)) {
    ::close(fd);
    return nullptr;
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return nullptr;
  Header h;
  std::memcpy(&h, map, sizeof h);
  std::string uuid = db.get_uuid();
  char want[sizeof h.uuid] = {};
  std::memcpy(want, uuid.data(), std::min(uuid.size(), sizeof want));
  bool valid = h.magic == kMagic && h.format == kFormat && h.revision == db.get_revision() &&
               std::memcmp(h.uuid, want, sizeof want) == 0 && h.last == db.get_lastdocid() &&
               size == sizeof h + (size_t{h.last} + 1) * sizeof(uint16_t);
  if (!valid) {
    ::munmap(map, size);
    return nullptr;
  }
  const auto* lengths =
      reinterpret_cast<const uint16_t*>(static_cast<const char*>(map) + sizeof(Header));
  return std::unique_ptr<LengthTable>(new LengthTable(db, map, size, lengths, h.last));
}

LengthTable::~LengthTable() { ::munmap(map_, size_); }

}  // namespace claimdex
