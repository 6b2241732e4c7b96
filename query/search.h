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

struct SearchOptions {
  std::string query;  // Xapian syntax with speaker:, entity:, target:, stance:, outlet:, kind:,
                      // title:, date:A..B fields; empty matches every claim
  std::string speaker, entity, target, stance, outlet, kind;  // filters (ids or names)
  std::string since, until;  // YYYY-MM-DD, inclusive
  size_t limit = 10;
  size_t offset = 0;
  std::string sort = "relevance";  // "relevance" | "date"
  bool facets = false;
  bool articles = false;  // search article documents instead of claims
};

// Where a claim (or an article) comes from.
struct SourceRef {
  std::string doc_id, title, url, outlet, published;
  int paragraph = 0;
};

struct SearchHit {
  double weight = 0;
  Claim claim;                // the claim with its full attribution
  SourceRef source;           // the earliest capture of it
  std::vector<SourceRef> also_in;  // the same quote in other outlets (cluster), earliest first
  std::string snippet;        // claim text with matches marked by \x01 ... \x02
};

struct SearchResult {
  size_t total = 0;  // estimated matching claims (after collapse)
  std::vector<SearchHit> hits;
  // facet name ("speaker", "stance", "outlet", "month") -> (value, count), most first
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> facets;
  std::string suggestion;  // a spelling suggestion when nothing matched, else ""
};

// A malformed query or a bad filter value is kInvalidInput with one line saying what is wrong;
// a missing database is kNotFound naming it.
Result<SearchResult> Search(const std::string& db_path, const SearchOptions& options);

// Renders results. Text uses colour for matched words only when `color` is true.
std::string FormatSearchText(const SearchResult& result, const SearchOptions& options, bool color);
std::string FormatSearchJson(const SearchResult& result);
std::string FormatSearchCsv(const SearchResult& result);

}  // namespace claimdex

#endif  // CLAIMDEX_QUERY_SEARCH_H_
