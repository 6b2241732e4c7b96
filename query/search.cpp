#include "query/search.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "index/doc_table.h"
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
  // Only the query's words and stems are kept: its filters (speaker, target, ...) never mark a
  // word, and a query of filters alone then marks nothing without stemming the page's text.
  Highlighter(const Xapian::Query& query, std::string prefix)
      : stem_("english"), prefix_(std::move(prefix)) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
      const std::string& term = *it;
      // The word after the prefix: "XBchip" or "ZXBchip" with prefix "XB".
      size_t skip = std::string::npos;
      if (term.compare(0, prefix_.size(), prefix_) == 0) {
        skip = prefix_.size();
      } else if (term.size() > prefix_.size() && term[0] == 'Z' &&
                 term.compare(1, prefix_.size(), prefix_) == 0) {
        skip = prefix_.size() + 1;
      }
      if (skip == std::string::npos || !s::IsWordTerm(term.substr(skip))) continue;
      terms_.insert(term);
      // The word's first byte (after the prefix, and the stem's "Z").
      size_t first = term[0] == 'Z' && term.size() > prefix_.size() + 1 ? prefix_.size() + 1 : skip;
      if (first < term.size() && first_bytes_.find(term[first]) == std::string::npos) {
        first_bytes_ += term[first];
      }
    }
  }

  // `text` with every matching word wrapped in \x01 ... \x02.
  std::string Mark(const std::string& text) const {
    if (terms_.empty()) return text;
    std::string out;
    out.reserve(text.size() + 16);
    size_t i = 0;
    while (i < text.size()) {
      size_t end = i;
      while (end < text.size() && IsWordByte(text[end])) ++end;
      if (end == i) {
        out += text[i++];
        continue;
      }
      // Most words cannot match (Matches' first-byte test): copied without building a string.
      char first = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
      if (first_bytes_.find(first) == std::string::npos) {
        out.append(text, i, end - i);
        i = end;
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

  // Memoised: the hits of a page share most of their words, and stemming is most of the cost.
  // A word is stemmed only when it begins as a query word or stem does (the English stemmer
  // changes endings only), so a page's text costs a few stems rather than one per word.
  bool Matches(const std::string& word) const {
    if (terms_.empty()) return false;
    std::string lower = word;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (first_bytes_.find(lower[0]) == std::string::npos) return false;
    auto known = memo_.find(lower);
    if (known != memo_.end()) return known->second;
    std::string stemmed = "Z";  // built in place: GCC 12 warns (-Wrestrict) on "Z" + string
    stemmed += prefix_;
    stemmed += stem_(lower);
    bool match = terms_.count(prefix_ + lower) > 0 || terms_.count(stemmed) > 0;
    memo_.emplace(std::move(lower), match);
    return match;
  }

  Xapian::Stem stem_;
  std::string prefix_;
  std::set<std::string> terms_;
  std::string first_bytes_;                             // the first byte of each word in terms_
  mutable std::unordered_map<std::string, bool> memo_;  // lower-cased word -> Matches
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
SearchHit MakeHit(Xapian::Database& db, const Xapian::MSetIterator& m, const std::string& cluster,
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

// ---- impact tiers (index/schema.h) ----

// Xapian 1.4's default BM25Weight (k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5), set explicitly:
// the tier check below repeats its length normalisation.
constexpr double kBm25K1 = 1, kBm25K2 = 0, kBm25K3 = 1, kBm25B = 0.5, kBm25MinNormLen = 0.5;

// Below this many postings a word's whole list is read in a fraction of a millisecond; the tier
// would only add its own look-ups.
constexpr Xapian::doccount kTierMinPostings = 2000;

// A claim of the tier costs about four postings of the word's own list (a virtual call and a
// length look-up each, bench/index_bench.cpp), so a tier of more than this share of the word's
// claims is not read: a speaker's surname, said again in every claim of theirs, has nearly all
// its claims in the tier.
constexpr double kTierMaxShare = 1.0 / 3;

// A word under filters that Xapian's statistics expect to match fewer claims than this: Xapian
// looks up the lengths of so few about as fast as the document table gives them, where the
// tier's page and the table's would each run a query more: Xapian ranks it alone
// (bench/index_bench.cpp: speaker + word, outlet + word).
constexpr double kSmallFilteredMatch = 200;

// The part of a one-term BM25 weight that depends on the document (the rest, the term's idf,
// is the same for every document of the match).
double LocalScore(double wdf, double length, double avlength) {
  double normlen = std::max(avlength > 0 ? length / avlength : 0.0, kBm25MinNormLen);
  return wdf / (kBm25K1 * (normlen * kBm25B + (1 - kBm25B)) + wdf);
}

// The one term carrying weight in `query` when it is a claim word (IsWordTerm), alone or with
// boolean filters (OP_FILTER: only the first subquery is weighted); else "".
std::string SingleWordTerm(const Xapian::Query& query) {
  Xapian::Query q = query;
  if (q.get_type() == Xapian::Query::OP_FILTER && q.get_num_subqueries() >= 2) {
    q = q.get_subquery(0);
  }
  if (q.get_type() != Xapian::Query::LEAF_TERM || q.get_terms_begin() == q.get_terms_end()) {
    return "";
  }
  std::string term = *q.get_terms_begin();
  return s::IsWordTerm(term) ? term : "";
}

// One hit of a page before it is decoded: the ranked item and its quote cluster (the
// kSlotCluster value; "" in articles mode), and whether other members of the cluster are known
// to match too.
struct PageItem {
  Xapian::MSetIterator m;
  std::string cluster;
  bool members = false;
};

// A page (items offset .. offset+limit-1 of the collapsed ranking) with quote clusters
// collapsed here instead of by Xapian. Xapian's collapse reads the cluster value of every
// candidate that passes the weight check — with the many equal weights of short claims, most
// candidates — where here only the top of the uncollapsed ranking is read: the first member of a
// cluster in the ranking is the one Xapian's collapse keeps, so the page is the same. Asks
// Xapian for a few times the page and more while clusters eat it; an empty optional when a
// page still cannot be filled from 40 times its size (then Xapian collapses).
// `*estimated`: Xapian's estimate of the uncollapsed matches, scaled by `*distinct_share`, the
// share of distinct clusters among the items read. With the document `table`, a claim it marks
// as alone in its cluster (most claims) is taken as distinct without reading its cluster value:
// nothing else can share it.
std::optional<std::vector<PageItem>> CollapsedPage(Xapian::Enquire* enquire,
                                                   const SearchOptions& options,
                                                   Xapian::MatchDecider* decider,
                                                   const DocTable* table, size_t* estimated,
                                                   double* distinct_share) {
  auto cluster_of = [table](const Xapian::MSetIterator& m) {
    if (table && !table->Clustered(*m)) return std::string();
    return m.get_document().get_value(s::kSlotCluster);
  };
  size_t want = options.offset + options.limit;
  for (Xapian::doccount n = 2 * want + 8; n <= 40 * want + 8; n *= 4) {
    Xapian::MSet mset = enquire->get_mset(0, n, 0, nullptr, decider);
    std::vector<PageItem> page;
    std::unordered_map<std::string, size_t> seen;  // cluster -> index in `page`, or SIZE_MAX
    size_t distinct = 0, read = 0;
    for (auto m = mset.begin(); m != mset.end() && distinct < want; ++m, ++read) {
      std::string cluster = cluster_of(m);
      if (!cluster.empty()) {
        auto [it, fresh] = seen.emplace(cluster, SIZE_MAX);
        if (!fresh) {
          if (it->second != SIZE_MAX) page[it->second].members = true;
          continue;
        }
        if (distinct >= options.offset) it->second = page.size();
      }
      if (distinct++ >= options.offset) page.push_back({m, std::move(cluster)});
    }
    // Members of a page's clusters further down the ranking count too.
    for (auto m = mset[static_cast<Xapian::doccount>(read)]; m != mset.end(); ++m) {
      if (seen.empty()) break;
      auto it = seen.find(cluster_of(m));
      if (it != seen.end() && it->second != SIZE_MAX) page[it->second].members = true;
    }
    if (distinct >= want || mset.size() < n) {
      double share = read > 0 ? static_cast<double>(distinct) / read : 1.0;
      *distinct_share = share;
      *estimated = static_cast<size_t>(mset.get_matches_estimated() * share + 0.5);
      if (mset.size() < n) *estimated = distinct;  // the whole match was read
      return page;
    }
  }
  return std::nullopt;
}

// The claims of a word's impact tier (index/schema.h), in docid order, each weighted by the
// document part of its BM25 weight for the word (LocalScore): its wdf comes from the tier term
// it has (the word's own posting list is read only for the rare claim with kImpactMaxWdf or
// more), its length from the database. Ranks the tier as the word's weight would.
// A tier term's claims weigh at most LocalScore(wdf, 0) (the shortest length normalises to
// kBm25MinNormLen), so once the page's weakest hit (Xapian's `min_wt`) outweighs that, the
// term's list is dropped, and the source's upper bound falls to the best list left: for a
// common word the page is made of claims that repeat it, and the thousands of claims that have
// it once are never read.
class ImpactTierSource : public Xapian::PostingSource {
 public:
  // `table`: the index's document table, or null to ask Xapian for each claim's length.
  ImpactTierSource(std::string word, const DocTable* table)
      : word_(std::move(word)), table_(table) {}

  void init(const Xapian::Database& db) override {
    db_ = db;
    avlength_ = db.get_avlength();
    lists_.clear();
    total_ = 0;
    for (unsigned wdf = 1; wdf <= s::kImpactMaxWdf; ++wdf) {
      std::string term = s::ImpactTerm(wdf, word_);
      Xapian::doccount n = db.get_termfreq(term);
      if (n == 0) continue;
      lists_.push_back({wdf, db.postlist_begin(term), db.postlist_end(term)});
      total_ += n;
    }
    word_list_ = db.postlist_begin(word_);
    started_ = false;
    dropped_below_ = 0;
    SetBound();
  }
  Xapian::doccount get_termfreq_min() const override { return total_; }
  Xapian::doccount get_termfreq_est() const override { return total_; }
  Xapian::doccount get_termfreq_max() const override { return total_; }

  void next(double min_wt) override {
    if (started_) {
      for (List& l : lists_) {
        if (l.it != l.end && *l.it == current_) ++l.it;
      }
    }
    started_ = true;
    Drop(min_wt);
    Settle();
  }
  void skip_to(Xapian::docid did, double min_wt) override {
    started_ = true;
    Drop(min_wt);
    for (List& l : lists_) {
      if (l.it != l.end) l.it.skip_to(did);
    }
    Settle();
  }
  bool at_end() const override { return current_ == 0; }
  Xapian::docid get_docid() const override { return current_; }
  double get_weight() const override {
    double wdf = current_wdf_;
    if (current_wdf_ >= s::kImpactMaxWdf) {  // "that many or more": the exact count
      word_list_.skip_to(current_);
      if (word_list_ != db_.postlist_end(word_) && *word_list_ == current_) {
        wdf = word_list_.get_wdf();
      }
    }
    double length = table_ ? table_->Length(current_) : db_.get_doclength(current_);
    return LocalScore(wdf, length, avlength_);
  }
  ImpactTierSource* clone() const override { return new ImpactTierSource(word_, table_); }
  std::string name() const override { return "claimdex::ImpactTierSource"; }

 private:
  struct List {
    unsigned wdf;
    Xapian::PostingIterator it, end;
  };
  // The most a claim of tier term `wdf` can weigh (kImpactMaxWdf: "that many or more", any).
  static double MaxWeight(unsigned wdf) {
    return wdf >= s::kImpactMaxWdf ? 1.0 : LocalScore(wdf, 0, 1);
  }
  // Drops the lists none of whose claims can reach `min_wt` (they are in ascending wdf order).
  void Drop(double min_wt) {
    if (min_wt <= dropped_below_ || lists_.empty()) return;
    dropped_below_ = min_wt;
    size_t weak = 0;
    while (weak < lists_.size() && MaxWeight(lists_[weak].wdf) < min_wt) ++weak;
    if (weak == 0) return;
    lists_.erase(lists_.begin(), lists_.begin() + static_cast<std::ptrdiff_t>(weak));
    SetBound();
  }
  void SetBound() { set_maxweight(lists_.empty() ? 0.0 : MaxWeight(lists_.back().wdf)); }
  // The lowest docid any list is at (the lists are disjoint: one wdf per claim and word).
  void Settle() {
    current_ = 0;
    for (const List& l : lists_) {
      if (l.it != l.end && (current_ == 0 || *l.it < current_)) {
        current_ = *l.it;
        current_wdf_ = l.wdf;
      }
    }
  }

  std::string word_;
  const DocTable* table_;
  Xapian::Database db_;
  double avlength_ = 0;
  std::vector<List> lists_;
  mutable Xapian::PostingIterator word_list_;
  Xapian::doccount total_ = 0;
  Xapian::docid current_ = 0;
  unsigned current_wdf_ = 1;
  bool started_ = false;
  double dropped_below_ = 0;  // the `min_wt` lists were last dropped for
};

// A word's whole posting list, each claim weighted by LocalScore with its length from the
// index's document table (index/doc_table.h) rather than from Xapian, which decodes its
// length list from the start of a chunk for every claim: for a word in a few thousand of a
// million claims, nearly all of a search's time. Ranks the claims as the word's BM25 weight
// would (the rest of that weight is the same for every claim). A posting whose wdf cannot reach
// Xapian's `min_wt` even at the shortest length is passed over without its length.
class WordSource : public Xapian::PostingSource {
 public:
  WordSource(std::string word, const DocTable* table) : word_(std::move(word)), table_(table) {}

  void init(const Xapian::Database& db) override {
    it_ = db.postlist_begin(word_);
    end_ = db.postlist_end(word_);
    avlength_ = db.get_avlength();
    shortest_ = db.get_doclength_lower_bound();
    termfreq_ = db.get_termfreq(word_);
    started_ = false;
    set_maxweight(LocalScore(db.get_wdf_upper_bound(word_), shortest_, avlength_));
  }
  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }

  void next(double min_wt) override {
    if (started_ && it_ != end_) ++it_;
    started_ = true;
    PassWeak(min_wt);
  }
  void skip_to(Xapian::docid did, double min_wt) override {
    started_ = true;
    if (it_ != end_) it_.skip_to(did);
    PassWeak(min_wt);
  }
  bool at_end() const override { return it_ == end_; }
  Xapian::docid get_docid() const override { return *it_; }
  double get_weight() const override {
    return LocalScore(it_.get_wdf(), table_->Length(*it_), avlength_);
  }
  WordSource* clone() const override { return new WordSource(word_, table_); }
  std::string name() const override { return "claimdex::WordSource"; }

 private:
  // Xapian only wants postings that can weigh `min_wt` or more.
  void PassWeak(double min_wt) {
    if (min_wt <= 0) return;
    while (it_ != end_ && LocalScore(it_.get_wdf(), shortest_, avlength_) < min_wt) ++it_;
  }

  std::string word_;
  const DocTable* table_;
  Xapian::PostingIterator it_, end_;
  double avlength_ = 0, shortest_ = 0;
  Xapian::doccount termfreq_ = 0;
  bool started_ = false;
};

// `query` with its one weighted term (SingleWordTerm) replaced by `weighted`.
Xapian::Query ReplaceWord(const Xapian::Query& query, const Xapian::Query& weighted) {
  if (query.get_type() != Xapian::Query::OP_FILTER) return weighted;
  std::vector<Xapian::Query> filters;
  for (size_t i = 1; i < query.get_num_subqueries(); ++i) filters.push_back(query.get_subquery(i));
  return Xapian::Query(Xapian::Query::OP_FILTER, weighted,
                       Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

// The factor (the term's idf and constants) that turns LocalScore into Xapian's BM25 weight of
// `term` as the one weighted term of a query (within its wqf of 1, the only one QueryParser
// gives a single word), as Xapian 1.4's BM25Weight computes it: the log of the ratio
// (N - tf + 0.5) / (tf + 0.5), a ratio under 2 first replaced by ratio / 2 + 1, times k1 + 1.
// Computed rather than read from a one-document query, which cost a tenth of a one-word search;
// tests hold the pages' weights to Xapian's own.
double WeightFactor(const Xapian::Database& db, const std::string& term) {
  double documents = db.get_doccount(), tf = db.get_termfreq(term);
  double ratio = (documents - tf + 0.5) / (tf + 0.5);
  if (ratio < 2) ratio = ratio * 0.5 + 1;
  return std::log(ratio) * (kBm25K1 + 1);
}

// Xapian's estimate of the matches of `query`, from term statistics alone.
double MatchEstimate(Xapian::Enquire* enquire, const Xapian::Query& query) {
  enquire->set_query(query);
  return enquire->get_mset(0, 0).get_matches_estimated();
}

// The total of a page read from part of the match: Xapian's estimate `whole` of the whole query
// from term statistics, times `distinct_share` (distinct clusters among the items read) and
// the share of the part's claims the date conditions accepted.
size_t PartEstimate(double whole, double distinct_share, const query_internal::DateDecider* dates) {
  if (dates) distinct_share *= dates->AcceptedShare();
  return static_cast<size_t>(whole * distinct_share + 0.5);
}

// The page of a one-word search ranked by relevance, read from the word's impact tier alone
// (ImpactTierSource: the tier terms and the claims' lengths, not the word's posting list); an
// empty optional when the tier is not worth reading (kTierMinPostings, kTierMaxShare) or cannot
// be shown to give the exact page: a short page, or a last hit that a claim outside the tier
// could outweigh (such a claim has the word once and is longer than kImpactMaxLength). Quote
// clusters keep the page exact: a cluster whose best member in the tier is on this page
// outweighs every claim outside it. `*weight_factor` turns the page's
// weights into the word's BM25 weights. `*estimated`: Xapian's estimate of the whole query from
// term statistics (the word's postings; filters taken as independent), times the share of the
// tier's claims the date conditions accepted and the share of distinct clusters on the way to
// the page. `whole`: that estimate of Xapian's when the caller has it, else negative.
std::optional<std::vector<PageItem>> TierPage(Xapian::Database& db, Xapian::Enquire* enquire,
                                              const Xapian::Query& query,
                                              const SearchOptions& options,
                                              query_internal::DateDecider* dates,
                                              const DocTable* table, double whole,
                                              size_t* estimated, double* weight_factor) {
  std::string term = SingleWordTerm(query);
  if (term.empty() || options.limit == 0) return std::nullopt;
  Xapian::doccount postings = db.get_termfreq(term);
  if (postings < kTierMinPostings) return std::nullopt;
  Xapian::doccount tier = 0;
  for (unsigned wdf = 1; wdf <= s::kImpactMaxWdf; ++wdf) {
    tier += db.get_termfreq(s::ImpactTerm(wdf, term));
  }
  if (tier > kTierMaxShare * postings) return std::nullopt;
  ImpactTierSource source(term, table);
  if (whole < 0) whole = MatchEstimate(enquire, query);
  enquire->set_query(ReplaceWord(query, Xapian::Query(&source)));
  double share = 1;
  std::optional<std::vector<PageItem>> page =
      CollapsedPage(enquire, options, dates, table, estimated, &share);
  enquire->set_query(query);  // the source lives in this frame only
  if (!page || page->size() < options.limit) return std::nullopt;
  double outside = LocalScore(1, s::kImpactMaxLength + 1, db.get_avlength());
  if (!(page->back().m.get_weight() > outside * (1 + 1e-9))) return std::nullopt;
  *weight_factor = WeightFactor(db, term);
  *estimated = PartEstimate(whole, share, dates);
  return page;
}

// The page of a one-word search ranked by relevance, read from the word's whole posting list
// with the claims' lengths from the document table (WordSource): the same page as Xapian's, whose
// weights `*weight_factor` turns into the word's BM25 weights. An empty optional for any other
// query. `*estimated` as for CollapsedPage.
std::optional<std::vector<PageItem>> WordPage(Xapian::Database& db, Xapian::Enquire* enquire,
                                              const Xapian::Query& query,
                                              const SearchOptions& options,
                                              query_internal::DateDecider* dates,
                                              const DocTable* table, size_t* estimated,
                                              double* weight_factor) {
  std::string term = SingleWordTerm(query);
  if (term.empty() || options.limit == 0) return std::nullopt;
  WordSource source(term, table);
  enquire->set_query(ReplaceWord(query, Xapian::Query(&source)));
  double share = 1;
  std::optional<std::vector<PageItem>> page =
      CollapsedPage(enquire, options, dates, table, estimated, &share);
  enquire->set_query(query);  // the source lives in this frame only
  if (!page) return std::nullopt;
  *weight_factor = WeightFactor(db, term);
  return page;
}

// Every document of the index (in docid order, as the document table lists them) weighted by its
// publication day as the number YYYYMMDD, 0 when undated: under filters, a ranking by weight is
// the ranking by date, newest first, undated last, ties in docid order — Xapian's sort by the
// date value, without reading a value per match. Xapian passes the page's lowest weight so
// far, and documents older than that are passed over in the table.
// Only for a table with no odd dates (DocTable::odd_dates), whose days sort as the values do.
class DaySource : public Xapian::PostingSource {
 public:
  explicit DaySource(const DocTable* table) : table_(table) {}

  void init(const Xapian::Database& db) override {
    current_ = 0;
    last_ = std::min(table_->last_docid(), db.get_lastdocid());
    documents_ = db.get_doccount();
    std::string newest = db.get_value_upper_bound(s::kSlotDate);
    set_maxweight(newest.size() == 8 ? std::stod(newest) : 99991231.0);
  }
  Xapian::doccount get_termfreq_min() const override { return documents_; }
  Xapian::doccount get_termfreq_est() const override { return documents_; }
  Xapian::doccount get_termfreq_max() const override { return documents_; }

  void next(double min_wt) override { MoveTo(current_ + 1, min_wt); }
  void skip_to(Xapian::docid did, double min_wt) override {
    if (did > current_) MoveTo(did, min_wt);
  }
  bool at_end() const override { return current_ > last_; }
  Xapian::docid get_docid() const override { return current_; }
  double get_weight() const override { return table_->Day(current_); }
  DaySource* clone() const override { return new DaySource(table_); }
  std::string name() const override { return "claimdex::DaySource"; }

 private:
  // The first document at or after `did` whose day can weigh `min_wt`.
  void MoveTo(Xapian::docid did, double min_wt) {
    for (current_ = did; current_ <= last_; ++current_) {
      uint32_t day = table_->Day(current_);
      if (day != kTableNoDocument && static_cast<double>(day) >= min_wt) return;
    }
  }

  const DocTable* table_;
  Xapian::docid current_ = 0, last_ = 0;
  Xapian::doccount documents_ = 0;
};

// The page of a search of filters alone sorted by date, from the document table's days
// (DaySource): the same page as Xapian's sort, whole and exact. Its weights are days:
// `*weight_factor` is 0, the weight of every hit of a search of filters. An empty optional when
// the table has odd dates. `*estimated` as for CollapsedPage.
std::optional<std::vector<PageItem>> DatePage(Xapian::Enquire* enquire, const Xapian::Query& query,
                                              const SearchOptions& options,
                                              query_internal::DateDecider* dates,
                                              const DocTable* table, size_t* estimated,
                                              double* weight_factor) {
  if (table->odd_dates() > 0) return std::nullopt;
  DaySource source(table);
  enquire->set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(&source), query));
  // Under BoolWeight Xapian leaves a source's weights unread; the filters weigh nothing anyway.
  enquire->set_weighting_scheme(Xapian::BM25Weight());
  enquire->set_sort_by_relevance();
  double share = 1;
  std::optional<std::vector<PageItem>> page =
      CollapsedPage(enquire, options, dates, table, estimated, &share);
  enquire->set_query(query);  // the source lives in this frame only
  enquire->set_weighting_scheme(Xapian::BoolWeight());
  enquire->set_sort_by_value(s::kSlotDate, true);
  *weight_factor = 0;
  return page;
}

// The page of a search sorted by date (newest first), read from the newest months alone: enough
// of them to hold the page several times over at the rate Xapian's term statistics expect the
// query to match. Every claim of those months sorts before every claim of an earlier month and
// every undated one, so a full page from them is the page of the whole match (and a quote
// cluster's first member in that order is the same). An empty optional when the months cannot
// fill the page, or when they hold most of the index anyway. `*estimated` as for TierPage.
std::optional<std::vector<PageItem>> NewestMonthsPage(Xapian::Database& db,
                                                      Xapian::Enquire* enquire,
                                                      const Xapian::Query& query,
                                                      const SearchOptions& options,
                                                      query_internal::DateDecider* dates,
                                                      const DocTable* table, size_t* estimated) {
  constexpr double kMargin = 4;  // read this many pages' worth, by the statistics
  size_t want = options.offset + options.limit;
  if (options.limit == 0) return std::nullopt;
  enquire->set_query(query);
  double whole = enquire->get_mset(0, 0).get_matches_estimated();  // statistics only
  double documents = db.get_doccount();
  if (whole <= 0 || documents <= 0) return std::nullopt;
  double needed = kMargin * static_cast<double>(want) * documents / whole;
  if (needed > documents / 4) return std::nullopt;  // a quarter of the index: read it all
  std::vector<std::pair<std::string, Xapian::doccount>> months = query_internal::IndexMonths(db);
  std::vector<Xapian::Query> newest;
  double covered = 0;
  for (auto m = months.rbegin(); m != months.rend() && covered < needed; ++m) {
    newest.emplace_back(m->first);
    covered += m->second;
  }
  if (newest.empty() || newest.size() == months.size()) return std::nullopt;
  enquire->set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                   Xapian::Query(Xapian::Query::OP_OR, newest.begin(),
                                                 newest.end())));
  double share = 1;
  std::optional<std::vector<PageItem>> page =
      CollapsedPage(enquire, options, dates, table, estimated, &share);
  if (!page || page->size() < options.limit) return std::nullopt;
  *estimated = PartEstimate(whole, share, dates);
  return page;
}

}  // namespace

namespace query_internal {

Result<SearchResult> SearchOpen(Xapian::Database& db, const SearchOptions& options,
                                bool impact_tiers, bool* from_tier, const DocTable* table) {
  Xapian::QueryParser parser;
  // Date conditions are checked by a match decider rather than as value ranges in the query:
  // Xapian calls it only for a document that could enter the page (or for every match when
  // facets are counted), where a value range reads the date of every candidate. A word with a
  // date range cost twice the word alone (bench/index_bench.cpp).
  std::vector<query_internal::DateBounds> dates;
  Result<Xapian::Query> query = query_internal::BuildQuery(db, options, &parser, &dates);
  if (!query.ok()) return query.status();
  query_internal::DateDecider decider(dates, table);
  query_internal::DateDecider* date_decider = dates.empty() ? nullptr : &decider;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormLen));
  bool text = options.query.find_first_not_of(" \t\n") != std::string::npos;
  SetOrder(options, text, &enquire);
  // Facets need every match seen; a plain page only needs the top of the ranking.
  bool facets = options.facets || options.count_facets;
  SearchResult result;
  std::optional<std::vector<PageItem>> page;
  double weight_factor = 1;  // a tier page's weights to the query's
  if (from_tier) *from_tier = false;
  // A word under filters matching few claims is ranked by Xapian alone (kSmallFilteredMatch).
  double filtered_word = -1;  // Xapian's estimate of such a query's matches
  if (!facets && !options.articles && options.sort == "relevance" &&
      query->get_type() == Xapian::Query::OP_FILTER && !SingleWordTerm(*query).empty()) {
    filtered_word = MatchEstimate(&enquire, *query);
  }
  if (!facets && !options.articles &&
      !(filtered_word >= 0 && filtered_word < kSmallFilteredMatch)) {
    if (impact_tiers && options.sort == "relevance") {
      page = TierPage(db, &enquire, *query, options, date_decider, table, filtered_word,
                      &result.total, &weight_factor);
    } else if (table && !text && options.sort == "date") {
      page =
          DatePage(&enquire, *query, options, date_decider, table, &result.total, &weight_factor);
    } else if (impact_tiers) {
      page = NewestMonthsPage(db, &enquire, *query, options, date_decider, table, &result.total);
    }
    if (from_tier) *from_tier = page.has_value();
    if (!page && table && options.sort == "relevance") {
      page = WordPage(db, &enquire, *query, options, date_decider, table, &result.total,
                      &weight_factor);
    }
    if (!page) {
      enquire.set_query(*query);
      double share = 1;
      page = CollapsedPage(&enquire, options, date_decider, table, &result.total, &share);
    }
  }
  FacetSpy spy(options.target);
  Xapian::MSet mset;
  if (!page) {
    if (!options.articles) enquire.set_collapse_key(s::kSlotCluster);
    enquire.set_query(*query);
    if (facets) enquire.add_matchspy(&spy);
    Xapian::doccount check_at_least = facets ? db.get_doccount() : 0;
    mset = enquire.get_mset(options.offset, options.limit, check_at_least, nullptr,
                            date_decider);
    result.total = mset.get_matches_estimated();
    page.emplace();
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      page->push_back({m, m.get_collapse_key(), m.get_collapse_count() > 0});
    }
  }
  Highlighter highlighter(*query, options.articles ? s::kPrefixArticleText : "");
  Xapian::Query whole = query_internal::WithDates(*query, dates);
  for (const PageItem& item : *page) {
    // The table says which hits have no other cluster member to look for.
    bool members =
        !options.articles && (item.members || (!facets && (!table || table->Clustered(*item.m)) &&
                                               OtherMembersMatch(db, whole, item.cluster)));
    result.hits.push_back(
        MakeHit(db, item.m, item.cluster, highlighter, options.articles, members));
    result.hits.back().weight *= weight_factor;
  }
  if (facets) result.facets = spy.Facets();
  if (result.total == 0 && !options.query.empty()) {
    result.suggestion = query_internal::SpellingSuggestion(db, options.query);
  }
  return result;
}

}  // namespace query_internal

Result<SearchResult> Search(const std::string& db_path, const SearchOptions& options) {
  CLAIMDEX_RETURN_IF_ERROR(ValidateOptions(options));
  Result<Xapian::Database> db = query_internal::OpenIndex(db_path);
  if (!db.ok()) return db.status();
  try {
    std::unique_ptr<DocTable> table = DocTable::Open(db_path, *db);
    return query_internal::SearchOpen(*db, options, true, nullptr, table.get());
  } catch (const Xapian::QueryParserError& e) {
    return Status::InvalidInput("bad query '" + options.query + "': " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::Runtime(db_path + ": search failed: " + e.get_description());
  }
}

}  // namespace claimdex
