// The document table: every document's length (Xapian's doc length, the sum of its wdf),
// publication day and whether its quote cluster has other documents, in one flat file beside the
// database, so a search can weigh a word's postings, check date conditions, sort by date and
// list a hit's other outlets without asking Xapian for each document.
// Xapian keeps lengths in a posting list and values in chunked streams, each decoded from the
// start of a chunk on every look-up: a word in 7,000 claims of a million costs ~6 ms in length
// look-ups alone, ~0.1 ms from this table (bench/index_bench.cpp).
//
// The file is <db>/claimdex.table, written by the indexer after each commit (the whole table, to
// a temporary file renamed over the old one). It names the database's UUID and revision; a
// reader uses it only when both match the database it opened, so a table left behind by a
// killed indexer or a copied database is ignored (searches then ask Xapian: slower, the same
// results). Layout, native byte order (the magic number checks it):
//   uint32 magic 0x4C424154 ("TABL" little-endian), uint32 format 2,
//   uint64 revision, char uuid[40] (NUL-padded), uint32 last docid N, uint32 odd dates,
//   uint16 length[N + 1], padding to a multiple of 4 bytes, uint32 day[N + 1],
//   uint8 clustered[N + 1].
// Index 0 of each array is unused. length: kTableLengthOverflow means "ask Xapian". day: the
// kSlotDate value as the number YYYYMMDD, 0 when the document has none, kTableNoDocument for a
// docid with no document, kTableOddDate for a value that is not eight digits ("ask Xapian").
// clustered: 1 when another document has the same kSlotCluster value (a quote cluster of two or
// more), else 0. A format 1 table (no clustered array) is not read.
//
// Thread-safety: a DocTable is read-only once open; WriteDocTable is for the writer.
#ifndef CLAIMDEX_INDEX_DOC_TABLE_H_
#define CLAIMDEX_INDEX_DOC_TABLE_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>

#include "corpus/status.h"

namespace claimdex {

inline constexpr char kDocTableFile[] = "claimdex.table";
inline constexpr uint16_t kTableLengthOverflow = 0xFFFF;
inline constexpr uint32_t kTableNoDocument = 0xFFFFFFFF;
inline constexpr uint32_t kTableOddDate = 0xFFFFFFFE;

// Writes the table of `db` (just committed) into the database folder `db_path`. kIoError naming
// the file when it cannot be written (the old table, if any, is then removed).
Status WriteDocTable(const Xapian::Database& db, const std::string& db_path);

class DocTable {
 public:
  // The table of `db` (opened from `db_path`), or null when there is none, or it does not match
  // the database's UUID, revision and last docid, or is damaged.
  static std::unique_ptr<DocTable> Open(const std::string& db_path, const Xapian::Database& db);
  ~DocTable();
  DocTable(const DocTable&) = delete;
  DocTable& operator=(const DocTable&) = delete;

  Xapian::docid last_docid() const { return last_; }
  // How many documents have a date value that is not eight digits (kTableOddDate).
  uint32_t odd_dates() const { return odd_dates_; }

  // Xapian's doc length of `docid`, a document of the database.
  Xapian::termcount Length(Xapian::docid docid) const {
    if (docid <= last_ && lengths_[docid] != kTableLengthOverflow) return lengths_[docid];
    return db_.get_doclength(docid);
  }
  // The day entry of `docid` (see the layout above); kTableNoDocument past the last docid.
  uint32_t Day(Xapian::docid docid) const {
    return docid <= last_ ? days_[docid] : kTableNoDocument;
  }
  // Whether another document shares `docid`'s quote cluster (false past the last docid).
  bool Clustered(Xapian::docid docid) const { return docid <= last_ && clustered_[docid] != 0; }

 private:
  DocTable(Xapian::Database db, void* map, size_t size, const uint16_t* lengths,
           const uint32_t* days, const uint8_t* clustered, Xapian::docid last, uint32_t odd_dates)
      : db_(std::move(db)),
        map_(map),
        size_(size),
        lengths_(lengths),
        days_(days),
        clustered_(clustered),
        last_(last),
        odd_dates_(odd_dates) {}

  Xapian::Database db_;
  void* map_;
  size_t size_;
  const uint16_t* lengths_;
  const uint32_t* days_;
  const uint8_t* clustered_;
  Xapian::docid last_;
  uint32_t odd_dates_;
};

}  // namespace claimdex

#endif  // CLAIMDEX_INDEX_DOC_TABLE_H_
