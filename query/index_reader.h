// Internal to the query module: opening the index, decoding stored document data, validating
// dates, and the small text helpers the formatters share. Not a public header: it exposes
// Xapian types.
#ifndef CLAIMDEX_QUERY_INDEX_READER_H_
#define CLAIMDEX_QUERY_INDEX_READER_H_

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "index/doc_table.h"
#include "query/search.h"

namespace claimdex::query_internal {

using Json = nlohmann::ordered_json;

// Opens the database read-only. A missing database is kNotFound
// "DB: no index yet (run 'claimdex index')"; an index of another schema version is
// kInvalidInput saying to re-index (schema::CheckSchemaVersion); other Xapian errors are
// kRuntime naming `db_path`.
Result<Xapian::Database> OpenIndex(const std::string& db_path);

// Search (query/search.h) over an open database. `impact_tiers` false always reads the whole
// match, never a part that provably holds the page (a word's impact tier, index/schema.h, or
// for a sort by date the newest months); `*from_tier` (when not null) says whether the page
// came from such a part. Tests compare the two. Throws Xapian::Error.
// `table`: the index's document table (index/doc_table.h), or null to ask Xapian for lengths
// and dates (the same results, slower).
Result<SearchResult> SearchOpen(Xapian::Database& db, const SearchOptions& options,
                                bool impact_tiers = true, bool* from_tier = nullptr,
                                const DocTable* table = nullptr);

// Checks a YYYY-MM-DD flag value and returns it as "YYYYMMDD" (the date slot's form). Empty
// `value` gives "". A bad date is kInvalidInput "--since '2025-13-01': not a date (YYYY-MM-DD)".
Result<std::string> DateFlag(const std::string& flag, const std::string& value);

// The document data of a claim document, decoded. nullopt when the data is not a claim's.
struct ClaimRecord {
  Claim claim;
  SourceRef source;
  Json source_json;  // the stored "source" object (paragraph text, WARC, entity names, ...)
  std::string cluster;
};
std::optional<ClaimRecord> DecodeClaim(const std::string& data);
// What a search hit needs of a claim document's data, without building the JSON of its source
// (paragraph text, WARC, entity names): the claim and the SourceRef fields. `claim` may be null
// (the cluster members a hit lists need only their source). False when the data is not a
// claim's.
bool DecodeClaimHit(const std::string& data, Claim* claim, SourceRef* source);
// A SAX reader of stored document data that keeps track of where it is, for readers that
// want a few fields and stop the parse once they have them (nlohmann calls the overrides; false
// from one ends the parse). Subclasses read the fields they want in String() and Integer(),
// which see scalars at any depth; In("source") says the value is a field of the top-level
// "source" object, key() names it.
class TopLevelFields : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t v) override { return Integer(v); }
  bool number_unsigned(number_unsigned_t v) override {
    return Integer(static_cast<number_integer_t>(v));
  }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool string(string_t& value) override { return String(value); }
  bool key(string_t& k) override;
  bool start_object(std::size_t) override;
  bool end_object() override;
  bool start_array(std::size_t) override;
  bool end_array() override;
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override;
  bool failed() const { return failed_; }

 protected:
  virtual bool String(string_t&) { return true; }
  virtual bool Integer(number_integer_t) { return true; }
  // Called when the top-level object under `key` opens.
  virtual void EnterSection(const std::string&) {}
  bool In(const char* section) const { return depth_ == 2 && section_ == section; }
  const std::string& key() const { return key_; }

 private:
  int depth_ = 0;
  std::string key_;      // the last key at depth 1 or 2
  std::string section_;  // the top-level key whose object the parser is in, or ""
  bool failed_ = false;
};

// The "article" object of an article document, or a null Json.
Json DecodeArticle(const std::string& data);
SourceRef SourceFromArticle(const Json& article);

// "export-controls" -> "export controls": a display name for a target id.
std::string TargetDisplayName(const std::string& target_id);

// Display width of UTF-8 text: code points, not counting \x01/\x02 markers or ANSI escapes.
size_t DisplayWidth(const std::string& text);
// Cuts `text` to at most `width` display columns, ending with "…" when cut.
std::string Truncate(const std::string& text, size_t width);
// Greedy word wrap at `width` columns; each line prefixed with `indent`.
std::vector<std::string> Wrap(const std::string& text, size_t width, const std::string& indent);
// RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
std::string CsvField(const std::string& field);
// &, <, >, " and ' escaped for XML text and attributes; control characters dropped.
std::string XmlEscape(const std::string& text);

}  // namespace claimdex::query_internal

#endif  // CLAIMDEX_QUERY_INDEX_READER_H_
