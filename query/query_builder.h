// Internal to the query module: SearchOptions -> Xapian::Query, using the schema's prefixes.
#ifndef CLAIMDEX_QUERY_QUERY_BUILDER_H_
#define CLAIMDEX_QUERY_QUERY_BUILDER_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "index/doc_table.h"
#include "query/search.h"

namespace claimdex::query_internal {

// Filter queries for one option value, each matching the schema's boolean terms.
// Speaker: the id term OR all of the name's words ("sacks", "David Sacks", "david-sacks").
Xapian::Query SpeakerFilter(const std::string& value);
Xapian::Query EntityFilter(const std::string& value);
Xapian::Query TargetFilter(const std::string& value);
Xapian::Query OutletFilter(const std::string& value);
Xapian::Query KindFilter(const std::string& value);
// "oppose" (any target) or "export-controls:oppose". kInvalidInput for an unknown label.
Result<Xapian::Query> StanceFilter(const std::string& target, const std::string& label);

// A date condition: the date slot between `first` and `last` ("YYYYMMDD", inclusive; "" for an
// open end). Undated documents never meet one.
struct DateBounds {
  std::string first, last;
};
// Each date:A..B the parser turned into a value range, by the range query's description.
using DateRanges = std::vector<std::pair<std::string, DateBounds>>;

// A QueryParser set up with the field prefixes, the date range and English stemming, bound to
// `db` for wildcards and spelling. Owns its field processors. A bad field value (an unknown
// stance label) parses to MatchNothing and its message is stored in `*field_error`.
// `articles`: plain words look in article text (schema::kPrefixArticleText), not claim text.
// `date_ranges` (optional) receives each date range parsed.
Xapian::QueryParser MakeParser(const Xapian::Database& db,
                               const std::shared_ptr<std::string>& field_error,
                               bool articles = false,
                               const std::shared_ptr<DateRanges>& date_ranges = nullptr);

// True when every document `query` can match is a claim (it needs an unprefixed word or a
// claim-only boolean term such as a speaker or stance), so the claim type filter can be left
// out. False when unsure (match-all, value ranges, wildcards, outlet or title terms alone).
bool MatchesClaimsOnly(const Xapian::Query& query);
// The QueryParser flags used for user queries (no spelling correction: the index has no
// spelling table; SpellingSuggestion is asked only when nothing matched).
unsigned ParserFlags();

// `query` with each plain word that is not a term of the index replaced by the nearest
// unprefixed term that some claim contains (same first letter, at most 1 edit for words under
// 6 letters, else 2; ties go to the more frequent term), or "" when no word was replaced.
// Field values, operators and wildcards are left alone. Bounded: at most 200,000 terms are
// scanned per unknown word. Defined in spelling.cpp. Throws what Xapian throws.
std::string SpellingSuggestion(const Xapian::Database& db, const std::string& query);

// The whole query: the parsed text (MatchAll when empty) filtered by type (claim or article)
// and every option. A bad query or option value is kInvalidInput with one line.
// `parser` receives the parser used, for the spelling suggestion.
// With `dates`, the date conditions every match must meet (--since, --until, and each
// date:A..B ANDed with the rest of the query) are left out of the query and appended to
// `*dates` instead, for a DateDecider: Xapian then checks a document's date only when it could
// enter the page, not for every candidate (a value range reads the date of each).
// Date ranges under OR or NOT stay in the query.
Result<Xapian::Query> BuildQuery(const Xapian::Database& db, const SearchOptions& options,
                                 Xapian::QueryParser* parser,
                                 std::vector<DateBounds>* dates = nullptr);

// `query` with `dates` put back as value-range filters: the query BuildQuery returns without
// `dates`.
Xapian::Query WithDates(const Xapian::Query& query, const std::vector<DateBounds>& dates);

// The publication months of the index (its month terms, schema::kPrefixMonth), oldest first,
// each with its number of documents. Looked up one by one between the oldest and newest dates
// the date slot holds, not listed from the term list: listing walks past every block of the
// months' posting lists, a few megabytes at a million claims.
std::vector<std::pair<std::string, Xapian::doccount>> IndexMonths(const Xapian::Database& db);

// Accepts a document whose date slot meets every one of `dates`. With the index's document
// table (index/doc_table.h) the date comes from the table, not from the document's values.
class DateDecider : public Xapian::MatchDecider {
 public:
  explicit DateDecider(std::vector<DateBounds> dates, const DocTable* table = nullptr);
  bool operator()(const Xapian::Document& doc) const override;
  // The share of the documents it was asked about that it accepted (1 before any).
  double AcceptedShare() const { return asked_ ? static_cast<double>(accepted_) / asked_ : 1.0; }

 private:
  bool Accepts(const std::string& date) const;
  bool AcceptsDay(uint32_t day) const;

  std::vector<DateBounds> dates_;
  const DocTable* table_;                            // null when a bound is not YYYYMMDD
  std::vector<std::pair<uint32_t, uint32_t>> days_;  // dates_ as day numbers, inclusive
  mutable size_t asked_ = 0, accepted_ = 0;
};

}  // namespace claimdex::query_internal

#endif  // CLAIMDEX_QUERY_QUERY_BUILDER_H_
