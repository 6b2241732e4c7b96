// The indexer: docs/*.jsonl -> the Xapian database (schema in index/schema.h). One Xapian
// document per claim and one per article. Idempotent: a document is replaced on its unique
// term, and a docs file already indexed (same name, size and content digest, recorded in the
// database's metadata) is not read again.
//
// Each call builds the Xapian documents on the calling thread and writes them to the database on
// a second thread of its own, which has stopped when the call returns. Not for concurrent calls
// on one database (Xapian allows one writer; the second gets kBusy).
#ifndef CLAIMDEX_INDEX_INDEXER_H_
#define CLAIMDEX_INDEX_INDEXER_H_

#include <functional>
#include <string>
#include <vector>

#include "corpus/data_dir.h"
#include "corpus/document.h"
#include "corpus/status.h"

namespace claimdex {

struct IndexOptions {
  bool all = false;  // re-index every docs file
  std::function<void(size_t done, size_t total)> progress;
};

struct IndexReport {
  size_t files = 0;     // docs files read
  size_t articles = 0;  // article documents written
  size_t claims = 0;    // claim documents written
  std::vector<std::string> warnings;
};

// Caller holds the DataLock. Commits after each docs file (a crash loses at most the file being
// read) and records it in the metadata ("file:<name>" -> "<size> <sha1>"). A malformed line is
// skipped and reported in IndexReport::warnings. A Xapian error is kRuntime naming the
// database; another writer holding the database is kBusy. Documents of a docs file that was
// deleted stay in the index (re-index into a fresh xapian/ folder to drop them). After the last
// commit it writes the document table searches read (index/doc_table.h); one that cannot be
// written is a warning.
Result<IndexReport> IndexDataDir(const DataDir& dir, const IndexOptions& options);

// Writes `docs` into the database at `db_path` (created if missing) and commits. An article
// that was indexed before has its old claim documents removed first. Documents without an id
// are skipped with a warning. Writes the document table as IndexDataDir does. Errors as for
// IndexDataDir.
Result<IndexReport> IndexDocuments(const std::string& db_path, const std::vector<Document>& docs);

}  // namespace claimdex

#endif  // CLAIMDEX_INDEX_INDEXER_H_
