// Claim-level search over the Xapian database: Xapian's QueryParser with the field prefixes of
// DESIGN.md, boolean filters, date ranges, sorting, facets, quote-cluster collapse.
#ifndef CLAIMDEX_QUERY_SEARCH_H_
#define CLAIMDEX_QUERY_SEARCH_H_

#include <map>
#include <string>
#include <vector>

#include "corpus/document.h"
#include "corpus/status.h"

namespace claimdex {

// Query semantics: words are stemmed (English) and combined with AND unless the query says
// OR/NOT; "phrases", +must/-mustnot and word* wildcards work. Field values are normalised like
// the index's terms, so speaker:Sacks, speaker:"David Sacks" and speaker:david-sacks all match;
// the same field twice means either value, different fields must all hold.
// stance:oppose is any target; stance:export-controls:oppose one target.
// Any date filter (--since, --until, date:A..B; all inclusive) excludes undated claims.
struct SearchOptions {
  std::string query;  // Xapian syntax with speaker:, entity:, target:, stance:, outlet:, kind:,
                      // title:, date:A..B fields; empty matches every claim
  std::string speaker, entity, target, stance, outlet, kind;  // filters (ids or names)
  std::string since, until;  // YYYY-MM-DD, inclusive
  size_t limit = 10;
  size_t offset = 0;
  std::string sort = "relevance";  // "relevance" | "date" (newest first, undated last)
  bool facets = false;             // count facets and print them all (text) or return them
  bool count_facets = true;  // count facets even without `facets` (the text summary line shows
                             // the top 3). Either costs a pass over every match and makes
                             // SearchResult::total exact; with both false (a page for a tool,
                             // the fast path) facets stay empty and total is an estimate.
  bool articles = false;  // search article documents instead of claims
};

// Where a claim (or an article) comes from.
struct SourceRef {
  std::string doc_id, title, url, outlet, published;
  int paragraph = 0;
};

struct SearchHit {
  double weight = 0;
  Claim claim;                // the claim with its full attribution (empty in articles mode)
  SourceRef source;           // where this hit's claim was captured (the best-ranked member of
                              // its quote cluster)
  std::vector<SourceRef> also_in;  // the other members of its quote cluster (the same quote by
                                   // the same speaker elsewhere), earliest first
  std::string snippet;        // claim text (article title in articles mode) with the matched
                              // words marked by \x01 ... \x02
};

struct SearchResult {
  size_t total = 0;  // matching claims after collapse: exact when facets were counted, else
                     // an estimate (Xapian's, scaled by the share of distinct quote clusters
                     // on the way to the page; for a page read from an impact tier,
                     // index/schema.h, from term statistics and the date filter's pass rate)
  std::vector<SearchHit> hits;
  // facet name ("speaker", "stance", "outlet", "month") -> (value, count), most first (month:
  // newest first), counted over the whole collapsed match (a quote cluster counts once); empty
  // unless SearchOptions::facets or count_facets.
  // Speaker and outlet values are display names; unnamed sources ("U.S. officials") are one
  // speaker value, "(unnamed sources)".
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> facets;
  std::string suggestion;  // a spelling suggestion when nothing matched, else ""
};

// A malformed query is kInvalidInput "bad query 'Q': <reason>"; a bad option value is
// kInvalidInput naming the flag ("--since '2025-13-01': not a date (YYYY-MM-DD)"); a missing
// database is kNotFound "DB: no index yet (run 'claimdex index')". Opens the database read-only
// for the call; safe to call from several threads at once.
Result<SearchResult> Search(const std::string& db_path, const SearchOptions& options);

// Renders results. Text: per hit a header line (rank, speaker · role, stance · target, date),
// the claim text wrapped at 90 columns, "outlet — title", "URL  ¶N  c:ID  also in ...", then a
// summary line with the top facets (all facets when options.facets); ANSI colour (bold
// speaker, highlighted matches) only when `color` is true. JSON: JSON Lines, one object per
// hit with weight, claim, speaker, stances, source, also_in. CSV: RFC 4180 with a header row.
std::string FormatSearchText(const SearchResult& result, const SearchOptions& options, bool color);
std::string FormatSearchJson(const SearchResult& result);
std::string FormatSearchCsv(const SearchResult& result);

}  // namespace claimdex

#endif  // CLAIMDEX_QUERY_SEARCH_H_
