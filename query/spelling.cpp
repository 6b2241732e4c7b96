// "Did you mean": a correction for the words of a query that matched nothing, taken from the
// index's own term list at query time. The indexer writes no spelling table (keeping one cost
// about 8 % of the indexer's CPU in bench/index_bench.cpp at 30,000 claims), and a query that
// finds nothing is rare enough to pay for a bounded scan of the terms instead.
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "index/schema.h"
#include "query/query_builder.h"

namespace claimdex::query_internal {
namespace {

namespace s = schema;

// Edits allowed: one for short words (two would turn "cat" into most three-letter words), two
// from six letters up.
size_t MaxEdits(size_t length) { return length < 6 ? 1 : 2; }

// Terms looked at per misspelt word, at most: keeps a query on a huge vocabulary bounded.
constexpr size_t kMaxScannedTerms = 200000;

// Optimal string alignment distance (insertions, deletions, substitutions and transpositions of
// neighbours, one each) between byte strings, or `limit` + 1 as soon as it must exceed `limit`.
size_t BoundedDistance(std::string_view a, std::string_view b, size_t limit) {
  size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return limit + 1;
  const size_t n = b.size();
  std::vector<size_t> prev2(n + 1), prev(n + 1), cur(n + 1);
  for (size_t j = 0; j <= n; ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= n; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[n];
}

struct Candidate {
  std::string term;
  size_t distance = 0;
  Xapian::doccount freq = 0;
};

// Unprefixed terms (claim and speaker words; prefixes are upper case) that start with
// the word's first byte, are within MaxEdits of it, nearest then most frequent first. A typo in
// the first letter is not corrected: that is the price of scanning one letter's terms only.
std::vector<Candidate> NearTerms(const Xapian::Database& db, const std::string& word) {
  std::vector<Candidate> out;
  size_t limit = MaxEdits(word.size());
  std::string first = word.substr(0, 1);
  size_t scanned = 0;
  for (auto it = db.allterms_begin(first); it != db.allterms_end(first); ++it) {
    if (++scanned > kMaxScannedTerms) break;
    const std::string& term = *it;
    size_t d = BoundedDistance(word, term, limit);
    if (d <= limit) out.push_back({term, d, it.get_termfreq()});
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.freq != b.freq) return a.freq > b.freq;
    return a.term < b.term;
  });
  return out;
}

// The best correction of one lower-cased word, "" when none is close enough. Unprefixed terms
// are claim words only (article text has its own prefix, schema::kPrefixArticleText), so every
// candidate leads to claims.
std::string Correct(const Xapian::Database& db, const std::string& word) {
  std::vector<Candidate> candidates = NearTerms(db, word);
  return candidates.empty() ? "" : candidates.front().term;
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

bool IsOperator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

// Whether the word at [start, end) of `query` is one to check: not an operator, not a field
// name or a field value ("speaker:sacks", "date:2025-01-01..") and not a wildcard.
bool Checkable(const std::string& query, size_t start, size_t end) {
  if (IsOperator(std::string_view(query).substr(start, end - start))) return false;
  if (end < query.size() && (query[end] == ':' || query[end] == '*')) return false;
  size_t chunk = query.find_last_of(" \t\n", start == 0 ? 0 : start - 1);
  chunk = chunk == std::string::npos || start == 0 ? 0 : chunk + 1;
  return query.find(':', chunk) >= start;  // no field name earlier in this chunk
}

}  // namespace

std::string SpellingSuggestion(const Xapian::Database& db, const std::string& query) {
  std::string out;
  bool changed = false;
  size_t i = 0;
  while (i < query.size()) {
    if (!IsWordByte(static_cast<unsigned char>(query[i]))) {
      out += query[i++];
      continue;
    }
    size_t end = i;
    while (end < query.size() && IsWordByte(static_cast<unsigned char>(query[end]))) ++end;
    std::string word = query.substr(i, end - i);
    std::string lower = word;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string fix;
    if (Checkable(query, i, end) && !db.term_exists(lower)) fix = Correct(db, lower);
    if (!fix.empty()) {
      out += fix;
      changed = true;
    } else {
      out += word;
    }
    i = end;
  }
  return changed ? out : "";
}

}  // namespace claimdex::query_internal
