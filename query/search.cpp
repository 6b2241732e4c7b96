#include "query/search.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "index/schema.h"
#include "query/index_reader.h"
#include "query/query_builder.h"

namespace claimdex {
namespace {

namespace s = schema;

// Counts speaker, stance, outlet and month over every matching document (unnamed sources in one
// speaker bucket, schema::kUnnamedSpeakersFacet). Xapian calls a match
// spy before collapsing, so a quote cluster is counted once (its first document seen), which
// keeps the facets consistent with the collapsed total. A claim with stances on several targets
// counts once per distinct label (only `target`'s when set).
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(std::string target) : target_(s::NormaliseTermValue(target)) {}

  // Called for every match of a faceted search (up to a million): hash tables, and no string
  // made that is not a new key.
  void operator()(const Xapian::Document& doc, double) override {
    std::string cluster = doc.get_value(s::kSlotCluster);
    if (!cluster.empty() && !clusters_.insert(std::move(cluster)).second) return;
    std::string speaker = doc.get_value(s::kSlotSpeakerName);
    if (speaker.empty() && doc.get_value(s::kSlotSpeakerType) == s::kSpeakerTypeUnnamed) {
      speaker = s::kUnnamedSpeakersFacet;
    }
    Count(kSpeaker, std::move(speaker));
    Count(kOutlet, doc.get_value(s::kSlotOutletName));
    Count(kMonth, doc.get_value(s::kSlotMonth));
    std::vector<std::string_view> labels;
    std::string stances = doc.get_value(s::kSlotStances);
    std::string_view rest = stances;
    while (!rest.empty()) {
      size_t end = std::min(rest.find('\n'), rest.size());
      std::string_view pair = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      size_t colon = pair.rfind(':');
      if (colon == std::string_view::npos ||
          (!target_.empty() && pair.substr(0, colon) != target_)) {
        continue;
      }
      std::string_view label = pair.substr(colon + 1);
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
    }
    for (std::string_view label : labels) Count(kStance, std::string(label));
  }

  // Most first, ties by name (month: newest first). Facets with no value are left out.
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> Facets() const {
    std::map<std::string, std::vector<std::pair<std::string, size_t>>> out;
    for (size_t f = 0; f < kFacets; ++f) {
      if (counts_[f].empty()) continue;
      std::vector<std::pair<std::string, size_t>> v(counts_[f].begin(), counts_[f].end());
      std::sort(v.begin(), v.end(), [&](const auto& a, const auto& b) {
        if (f == kMonth) return a.first > b.first;
        if (a.second != b.second) return a.second > b.second;
        return a.first < b.first;
      });
      out[kNames[f]] = std::move(v);
    }
    return out;
  }

 private:
  enum Facet : size_t { kSpeaker, kStance, kOutlet, kMonth, kFacets };
  static constexpr const char* kNames[kFacets] = {"speaker", "stance", "outlet", "month"};

  void Count(Facet facet, std::string value) {
    if (!value.empty()) ++counts_[facet][std::move(value)];
  }

  std::string target_;
  std::unordered_set<std::string> clusters_;
  std::unordered_map<std::string, size_t> counts_[kFacets];
};

// The words and stems the query looks for, to mark them in the claim text.
class Highlighter {
 public:
  // `prefix`: the free-text prefix of the words searched ("" for claim text).
  Highlighter(const Xapian::Query& query, std::string prefix)
      : stem_("english"), prefix_(std::move(prefix)) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
      terms_.insert(*it);
    }
  }

  // `text` with every matching word wrapped in \x01 ... \x02.
  std::string Mark(const std::string& text) const {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
      size_t end = i;
      while (end < text.size() && IsWordByte(text[end])) ++end;
      if (end == i) {
        out += text[i++];
        continue;
      }
      std::string word = text.substr(i, end - i);
      if (Matches(word)) {
        out += '\x01' + word + '\x02';
      } else {
        out += word;
      }
      i = end;
    }
    return out;
  }

 private:
  static bool IsWordByte(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  }

  bool Matches(const std::string& word) const {
    std::string lower = word;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string stemmed = "Z";  // built in place: GCC 12 warns (-Wrestrict) on "Z" + string
    stemmed += prefix_;
    stemmed += stem_(lower);
    return terms_.count(prefix_ + lower) > 0 || terms_.count(stemmed) > 0;
  }

  Xapian::Stem stem_;
  std::string prefix_;
  std::set<std::string> terms_;
};

bool EarlierSource(const SourceRef& a, const SourceRef& b) {
  if (a.published.empty() != b.published.empty()) return !a.published.empty();
  if (a.published != b.published) return a.published < b.published;
  return a.url < b.url;
}

// The other documents of `hit_docid`'s quote cluster, earliest first.
std::vector<SourceRef> ClusterMembers(Xapian::Database& db, const std::string& cluster,
                                      Xapian::docid hit_docid) {
  std::vector<SourceRef> out;
  std::string term = std::string(s::kPrefixCluster) + cluster;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    if (*it == hit_docid) continue;
    SourceRef source;
    if (query_internal::DecodeClaimHit(db.get_document(*it).get_data(), nullptr, &source)) {
      out.push_back(std::move(source));
    }
  }
  std::sort(out.begin(), out.end(), EarlierSource);
  return out;
}

// `members_matched`: other members of the hit's quote cluster match the query too (the hit
// stands for them), so they are listed in also_in.
SearchHit MakeHit(Xapian::Database& db, const Xapian::MSetIterator& m,
                  const Highlighter& highlighter, bool articles, bool members_matched) {
  SearchHit hit;
  hit.weight = m.get_weight();
  Xapian::Document doc = m.get_document();
  if (articles) {
    hit.source = query_internal::SourceFromArticle(query_internal::DecodeArticle(doc.get_data()));
    hit.snippet = highlighter.Mark(hit.source.title);
    return hit;
  }
  // The page shows the claim and where it comes from, not the rest of the stored source.
  if (!query_internal::DecodeClaimHit(doc.get_data(), &hit.claim, &hit.source)) return hit;
  hit.snippet = highlighter.Mark(hit.claim.text);
  std::string cluster = m.get_collapse_key();  // the cluster slot: the stored "cluster" too
  if (members_matched && !cluster.empty()) hit.also_in = ClusterMembers(db, cluster, *m);
  return hit;
}

Status ValidateOptions(const SearchOptions& o) {
  if (o.sort != "relevance" && o.sort != "date") {
    return Status::InvalidInput("--sort '" + o.sort + "': expected relevance or date");
  }
  return Status::Ok();
}

void SetOrder(const SearchOptions& options, bool text, Xapian::Enquire* enquire) {
  if (options.sort != "date") return;
  if (!text) {
    // Filters only: every weight would be 0, so skip computing them.
    enquire->set_weighting_scheme(Xapian::BoolWeight());
    enquire->set_sort_by_value(s::kSlotDate, true);
  } else {
    enquire->set_sort_by_value_then_relevance(s::kSlotDate, true);
  }
}

// Whether members of the cluster `key` other than the hit match `query`. Needed when the match
// was not counted through (a page without facets): Xapian's collapse count is then only a lower
// bound, and 0 for a cluster whose other members it never looked at.
bool OtherMembersMatch(Xapian::Database& db, const Xapian::Query& query, const std::string& key) {
  std::string term = std::string(s::kPrefixCluster) + key;
  if (key.empty() || db.get_termfreq(term) < 2) return false;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(term)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 2).size() >= 2;
}

Result<SearchResult> RunSearch(Xapian::Database& db, const SearchOptions& options) {
  Xapian::QueryParser parser;
  // Date conditions are checked by a match decider rather than as value ranges in the query:
  // Xapian calls it only for a document that could enter the page (or for every match when
  // facets are counted), where a value range reads the date of every candidate. A word with a
  // date range cost twice the word alone (bench/index_bench.cpp).
  std::vector<query_internal::DateBounds> dates;
  Result<Xapian::Query> query = query_internal::BuildQuery(db, options, &parser, &dates);
  if (!query.ok()) return query.status();
  query_internal::DateDecider decider(dates);
  Xapian::Enquire enquire(db);
  if (!options.articles) enquire.set_collapse_key(s::kSlotCluster);
  bool text = options.query.find_first_not_of(" \t\n") != std::string::npos;
  SetOrder(options, text, &enquire);
  // Facets need every match seen; a plain page only needs the top of the ranking.
  bool facets = options.facets || options.count_facets;
  enquire.set_query(*query);
  FacetSpy spy(options.target);
  if (facets) enquire.add_matchspy(&spy);
  Xapian::doccount check_at_least = facets ? db.get_doccount() : 0;
  Xapian::MSet mset = enquire.get_mset(options.offset, options.limit, check_at_least, nullptr,
                                       dates.empty() ? nullptr : &decider);
  SearchResult result;
  result.total = mset.get_matches_estimated();
  Highlighter highlighter(*query, options.articles ? s::kPrefixArticleText : "");
  Xapian::Query whole = query_internal::WithDates(*query, dates);
  for (auto m = mset.begin(); m != mset.end(); ++m) {
    bool members = !options.articles &&
                   (m.get_collapse_count() > 0 ||
                    (!facets && OtherMembersMatch(db, whole, m.get_collapse_key())));
    result.hits.push_back(MakeHit(db, m, highlighter, options.articles, members));
  }
  if (facets) result.facets = spy.Facets();
  if (result.total == 0 && !options.query.empty()) {
    result.suggestion = query_internal::SpellingSuggestion(db, options.query);
  }
  return result;
}

}  // namespace

Result<SearchResult> Search(const std::string& db_path, const SearchOptions& options) {
  CLAIMDEX_RETURN_IF_ERROR(ValidateOptions(options));
  Result<Xapian::Database> db = query_internal::OpenIndex(db_path);
  if (!db.ok()) return db.status();
  try {
    return RunSearch(*db, options);
  } catch (const Xapian::QueryParserError& e) {
    return Status::InvalidInput("bad query '" + options.query + "': " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::Runtime(db_path + ": search failed: " + e.get_description());
  }
}

}  // namespace claimdex
