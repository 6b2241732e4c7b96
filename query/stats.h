// `claimdex stats`: what the index holds.
#ifndef CLAIMDEX_QUERY_STATS_H_
#define CLAIMDEX_QUERY_STATS_H_

#include <string>
#include <utility>
#include <vector>

#include "corpus/status.h"

namespace claimdex {

struct IndexStats {
  size_t claims = 0, articles = 0;
  size_t speakers = 0;  // distinct speaker ids
  size_t outlets = 0;   // distinct outlets
  size_t targets = 0;   // distinct targets with at least one stance
  size_t docs_files = 0;  // docs/*.jsonl files recorded as indexed
  std::string first_date, last_date;  // YYYY-MM-DD over dated documents; "" when none
  bool doc_table = false;             // the document table (index/doc_table.h) matches the index
  std::vector<std::pair<std::string, size_t>> top_speakers;  // display name, claims; most first
  std::vector<std::pair<std::string, size_t>> top_targets;   // target id, claims; most first
};

// Reads counts from the database at `db_path`. A missing database is kNotFound
// ("DB: no index yet (run 'claimdex index')"). `top` bounds the top_* lists.
Result<IndexStats> ReadIndexStats(const std::string& db_path, size_t top = 10);

// A few aligned lines for the terminal.
std::string FormatIndexStats(const IndexStats& stats);

}  // namespace claimdex

#endif  // CLAIMDEX_QUERY_STATS_H_
