// The length table: every document's length (Xapian's doc length, the sum of its wdf) in one flat
// file beside the database, so a search can weigh a word's postings without asking Xapian for
// each length. Xapian keeps lengths in a posting list that is decoded from the start of a chunk
// on every look-up: a word in 7,000 claims of a million costs ~6 ms in those look-ups alone,
// ~0.1 ms from this table (bench/index_bench.cpp).
//
// The file is <db>/claimdex.lengths, written by the indexer after each commit (the whole table,
// to a temporary file renamed over the old one). It names the database's UUID and revision; a
// reader uses it only when both match the database it opened, so a table left behind by a
// killed indexer or a copied database is ignored (searches then ask Xapian: slower, same
// results). Layout, native byte order (the magic number checks it):
//   uint32 magic 0x4E454C43 ("CLEN" little-endian), uint32 format 1,
//   uint64 revision, char uuid[40] (NUL-padded), uint32 last docid N, uint32 0,
//   uint16 length[N + 1] (index 0 unused; kLengthTableOverflow: look it up in Xapian).
//
// Thread-safety: a LengthTable is read-only once open; WriteLengthTable is for the writer.
#ifndef CLAIMDEX_INDEX_LENGTH_TABLE_H_
#define CLAIMDEX_INDEX_LENGTH_TABLE_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>

#include "corpus/status.h"

namespace claimdex {

inline constexpr char kLengthTableFile[] = "claimdex.lengths";
// A length this large or larger is stored as this value (article documents can be that long).
inline constexpr uint16_t kLengthTableOverflow = 0xFFFF;

// Writes the table of `db` (just committed) into the database folder `db_path`. kIoError naming
// the file when it cannot be written (the old table, if any, is then removed).
Status WriteLengthTable(const Xapian::Database& db, const std::string& db_path);

class LengthTable {
 public:
  // The table of `db` (opened from `db_path`), or null when there is none or it does not match
  // the database's UUID, revision and last docid, or is damaged.
  static std::unique_ptr<LengthTable> Open(const std::string& db_path, const Xapian::Database& db);
  ~LengthTable();
  LengthTable(const LengthTable&) = delete;
  LengthTable& operator=(const LengthTable&) = delete;

  // Xapian's doc length of `docid`.
  Xapian::termcount Get(Xapian::docid docid) const {
    if (docid <= last_ && lengths_[docid] != kLengthTableOverflow) return lengths_[docid];
    return db_.get_doclength(docid);
  }

 private:
  LengthTable(Xapian::Database db, void* map, size_t size, const uint16_t* lengths,
              Xapian::docid last)
      : db_(std::move(db)), map_(map), size_(size), lengths_(lengths), last_(last) {}

  Xapian::Database db_;
  void* map_;
  size_t size_;
  const uint16_t* lengths_;
  Xapian::docid last_;
};

}  // namespace claimdex

#endif  // CLAIMDEX_INDEX_LENGTH_TABLE_H_
