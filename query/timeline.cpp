#include "query/timeline.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <future>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include "index/schema.h"
#include "query/index_reader.h"
#include "query/periods.h"

namespace claimdex {
namespace {

namespace s = schema;
using query_internal::Json;

Status Validate(const TimelineOptions& o) {
  if (o.by != "speaker" && o.by != "entity" && o.by != "outlet") {
    return Status::InvalidInput("--by '" + o.by + "': expected speaker, entity or outlet");
  }
  if (o.interval != "week" && o.interval != "month" && o.interval != "quarter") {
    return Status::InvalidInput("--interval '" + o.interval + "': expected week, month or quarter");
  }
  return Status::Ok();
}

// Target ids with their claim counts, most first.
std::vector<std::pair<std::string, size_t>> Targets(Xapian::Database& db) {
  std::vector<std::pair<std::string, size_t>> out;
  std::string prefix = s::kPrefixTarget;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    out.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

Result<std::string> ResolveTarget(Xapian::Database& db, const std::string& db_path,
                                  const std::string& wanted) {
  std::vector<std::pair<std::string, size_t>> targets = Targets(db);
  if (targets.empty()) return Status::NotFound(db_path + ": no claims with a stance on any target");
  if (wanted.empty()) return targets.front().first;
  std::string id = s::NormaliseTermValue(wanted);
  for (const auto& t : targets) {
    if (t.first == id) return id;
  }
  std::string list;
  for (const auto& t : targets) list += (list.empty() ? "" : ", ") + t.first;
  return Status::NotFound("target '" + wanted + "': no claims in " + db_path + " (targets: " +
                          list + ")");
}

std::vector<std::pair<std::string, std::string>> RowsOf(const query_internal::ClaimRecord& r,
                                                        const std::string& by) {
  std::vector<std::pair<std::string, std::string>> rows;
  if (by == "speaker") {
    if (r.claim.speaker && !s::IsUnnamedSpeaker(*r.claim.speaker)) {
      const SpeakerRef& sp = *r.claim.speaker;
      rows.emplace_back(sp.id, sp.name.empty() ? sp.id : sp.name);
    }
  } else if (by == "outlet") {
    rows.emplace_back(s::NormaliseTermValue(r.source.outlet), r.source.outlet);
  } else {
    const Json& names = r.source_json.contains("entity_names") ? r.source_json["entity_names"]
                                                               : Json::object();
    for (const std::string& e : r.claim.entities) {
      auto it = names.find(e);
      rows.emplace_back(e, it != names.end() && it->is_string() ? it->get<std::string>() : e);
    }
  }
  return rows;
}
// The values of one slot, read in ascending docid order from the value stream: far cheaper
// than fetching each document (a timeline over a million claims reads nothing else).
class SlotReader {
 public:
  SlotReader(const Xapian::Database& db, Xapian::valueno slot)
      : it_(db.valuestream_begin(slot)), end_(db.valuestream_end(slot)) {}

  // The value of `docid`, "" when it has none. Calls must come in ascending docid order; a
  // docid may be skipped.
  std::string At(Xapian::docid docid) {
    if (it_ == end_) return "";
    if (it_.get_docid() < docid) it_.skip_to(docid);
    if (it_ == end_ || it_.get_docid() != docid) return "";
    return *it_;
  }

 private:
  Xapian::ValueIterator it_, end_;
};

enum Label : uint8_t { kNeutral, kSupport, kOppose, kMixed };
const char* const kLabelNames[] = {"neutral", "support", "oppose", "mixed"};

Label LabelFromName(const std::string& name) {
  for (uint8_t i = kSupport; i <= kMixed; ++i) {
    if (name == kLabelNames[i]) return static_cast<Label>(i);
  }
  return kNeutral;
}

// "YYYYMMDD" -> the number, 0 when it is not eight digits.
uint32_t DayNumber(std::string_view date) {
  uint32_t day = 0;
  return s::DateNumber(date, &day) ? day : 0;
}

// The value of each lower-case hex digit by its byte; 0xFF for every other byte.
struct HexDigits {
  uint8_t value[256];
  constexpr HexDigits() : value() {
    for (int b = 0; b < 256; ++b) {
      value[b] = b >= '0' && b <= '9'   ? static_cast<uint8_t>(b - '0')
                 : b >= 'a' && b <= 'f' ? static_cast<uint8_t>(b - 'a' + 10)
                                        : 0xFF;
    }
  }
};
constexpr HexDigits kHexDigits;

// 16 lower-case hex digits as a number; false for anything else. Two per claim of a timeline:
// a table look-up per digit, and one test of them all at the end.
bool HexNumber(std::string_view hex, uint64_t* out) {
  if (hex.size() != 16) return false;
  uint64_t n = 0;
  uint8_t bad = 0;
  for (char c : hex) {
    uint8_t digit = kHexDigits.value[static_cast<unsigned char>(c)];
    bad |= digit;
    n = n << 4 | (digit & 0xF);
  }
  if (bad & 0xF0) return false;
  *out = n;
  return true;
}

// A quote-cluster id as a number: the 16 hex digits the indexer writes, or a hash of anything
// else (an index written by hand or damaged); 0 for none.
uint64_t ClusterKey(std::string_view cluster) {
  if (cluster.empty()) return 0;
  uint64_t key = 0;
  if (HexNumber(cluster, &key)) return key == 0 ? 1 : key;
  return std::hash<std::string_view>()(cluster) | 1;
}

// Rows (speakers, entities or outlets) by id, each string kept once: a timeline over a million
// claims has a few hundred rows, so the claims refer to them by number.
struct RowTable {
  static constexpr uint32_t kNone = UINT32_MAX;
  std::vector<std::string> ids, names;
  std::unordered_map<std::string, uint32_t> by_id;
  std::unordered_map<std::string, uint32_t> by_outlet_name;  // by=outlet: name -> row

  uint32_t Find(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? kNone : it->second;
  }
  uint32_t Intern(const std::string& id, const std::string& name) {
    auto [it, added] = by_id.emplace(id, static_cast<uint32_t>(ids.size()));
    if (added) {
      ids.push_back(id);
      names.push_back(name);
    }
    return it->second;
  }
};

// One (claim, row) pair on the target: numbers only, so a timeline over a million claims sorts
// and counts small records. A claim with several rows (entities) has one entry per row, side
// by side. Its claim id is Claims::ClaimId(entry), its URL Claims::urls[url].
struct Entry {
  Xapian::docid docid = 0;
  uint32_t day = 0;  // YYYYMMDD
  uint32_t row = 0;
  uint32_t url = 0;
  uint64_t cluster = 0;
  uint64_t id = 0;  // the claim id's 16 hex digits as a number when `packed` (ids the indexer
                    // writes: "c:" + 16 hex), else its offset in Claims::other_ids
  uint32_t id_size = 0;
  bool packed = false;
  Label label = kNeutral;
};

// Strings that stay where they are once added (views into them stay valid), in a few large
// blocks instead of one allocation each.
class StringArena {
 public:
  std::string_view Add(std::string_view s) {
    if (s.size() > free_) {
      size_t size = std::max(kBlock, s.size());
      blocks_.push_back(std::make_unique<char[]>(size));
      next_ = blocks_.back().get();
      free_ = size;
    }
    std::copy(s.begin(), s.end(), next_);
    std::string_view out(next_, s.size());
    next_ += s.size();
    free_ -= s.size();
    return out;
  }

 private:
  static constexpr size_t kBlock = size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t free_ = 0;
};

struct Claims {
  std::vector<Entry> entries;  // docid order
  std::string other_ids;  // claim ids not of the indexer's form, back to back
  StringArena url_text;
  std::vector<std::string_view> urls;  // each URL once (an article's claims share it)
  std::unordered_map<std::string_view, uint32_t> url_ids;
  RowTable rows;

  // Appends the claim id of `e` to `out`.
  void AppendClaimId(const Entry& e, std::string* out) const {
    if (!e.packed) {
      out->append(other_ids, e.id, e.id_size);
      return;
    }
    static const char kHex[] = "0123456789abcdef";
    size_t at = out->size();
    out->resize(at + 18);
    (*out)[at] = 'c';
    (*out)[at + 1] = ':';
    for (int i = 0; i < 16; ++i) (*out)[at + 2 + i] = kHex[(e.id >> (60 - 4 * i)) & 0xF];
  }
  std::string ClaimId(const Entry& e) const {
    std::string id;
    AppendClaimId(e, &id);
    return id;
  }

  // Adds the claim `e` (day, cluster, label set) once for each of `n` rows. Claim ids the
  // indexer wrote are kept as numbers, in the entry itself: a timeline reads them again in
  // another order, and a number in the record costs no jump to a string elsewhere.
  void Add(Entry e, std::string_view claim_id, std::string_view url, const uint32_t* row_ids,
           size_t n) {
    e.packed = claim_id.size() == 18 && claim_id.substr(0, 2) == "c:" &&
               HexNumber(claim_id.substr(2), &e.id);
    if (!e.packed) {
      e.id = other_ids.size();
      e.id_size = static_cast<uint32_t>(claim_id.size());
      other_ids.append(claim_id);
    }
    e.url = UrlId(url);
    for (size_t i = 0; i < n; ++i) {
      e.row = row_ids[i];
      entries.push_back(e);
    }
  }

 private:
  // A URL becomes a string only the first time it is seen.
  uint32_t UrlId(std::string_view url) {
    // Claims come in docid order and an article's claims are neighbours.
    if (!urls.empty() && urls.back() == url) return static_cast<uint32_t>(urls.size() - 1);
    auto it = url_ids.find(url);
    if (it != url_ids.end()) return it->second;
    auto id = static_cast<uint32_t>(urls.size());
    urls.push_back(url_text.Add(url));
    url_ids.emplace(urls.back(), id);
    return id;
  }
};

// Every claim's label on `target`, by docid, from the stance terms' posting lists (a few
// posting lists instead of a value per claim). A claim with no stance term on the target
// reads as neutral.
std::vector<uint8_t> LabelsByDocid(const Xapian::Database& db, const std::string& target) {
  std::vector<uint8_t> labels(db.get_lastdocid() + 1, kNeutral);
  for (uint8_t l = kSupport; l <= kMixed; ++l) {
    std::string term = std::string(s::kPrefixStance) + target + ":" + kLabelNames[l];
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      if (*it < labels.size() && labels[*it] == kNeutral) labels[*it] = l;
    }
  }
  return labels;
}

// by=speaker: each claim's row by docid, from the speaker terms' posting lists (one list per
// speaker rather than a value per claim). Unnamed sources have no speaker term. A row's id and
// name are the values of its first claim.
std::vector<uint32_t> SpeakerRowsByDocid(const Xapian::Database& db, RowTable* rows) {
  std::vector<uint32_t> row_of(db.get_lastdocid() + 1, RowTable::kNone);
  std::string prefix = s::kPrefixSpeaker;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    uint32_t row = RowTable::kNone;
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      if (row == RowTable::kNone) {
        Xapian::Document doc = db.get_document(*p);
        std::string id = doc.get_value(s::kSlotSpeakerId);
        if (id.empty() || doc.get_value(s::kSlotSpeakerType) == s::kSpeakerTypeUnnamed) continue;
        std::string name = doc.get_value(s::kSlotSpeakerName);
        row = rows->Intern(id, name.empty() ? id : name);
      }
      if (*p < row_of.size()) row_of[*p] = row;
    }
  }
  return row_of;
}

struct Slots {
  explicit Slots(const Xapian::Database& db)
      : ref(db, s::kSlotClaimRef), outlet(db, s::kSlotOutletName) {}
  SlotReader ref, outlet;
};

// A kSlotClaimRef value (schema::TimelineRef) taken apart; views into the value.
struct ClaimRef {
  uint32_t day = 0;  // 0: undated
  uint64_t cluster = 0;
  std::string_view claim_id, url;
};

bool ParseClaimRef(std::string_view v, ClaimRef* out) {
  constexpr size_t kHead = s::kRefDateBytes + s::kRefClusterBytes;
  size_t nul = v.find('\0', kHead);
  if (v.size() < kHead || nul == std::string_view::npos || nul == kHead) return false;
  out->day = DayNumber(v.substr(0, s::kRefDateBytes));
  out->cluster = ClusterKey(v.substr(s::kRefDateBytes, s::kRefClusterBytes));
  out->claim_id = v.substr(kHead, nul - kHead);
  out->url = v.substr(nul + 1);
  return true;
}

// by=outlet: the row of a claim's outlet, by its display name.
uint32_t OutletRow(Slots* v, Xapian::docid docid, RowTable* rows) {
  std::string outlet = v->outlet.At(docid);
  auto it = rows->by_outlet_name.find(outlet);
  if (it != rows->by_outlet_name.end()) return it->second;
  uint32_t row = rows->Intern(s::NormaliseTermValue(outlet), outlet);
  rows->by_outlet_name.emplace(outlet, row);
  return row;
}

// Everything from the document data: for entity rows (entity names live only there).
bool AddFromData(Xapian::Database& db, Xapian::docid docid, uint32_t day, const std::string& target,
                 const std::string& by, Claims* out) {
  std::optional<query_internal::ClaimRecord> r =
      query_internal::DecodeClaim(db.get_document(docid).get_data());
  if (!r) return false;
  Entry e;
  e.docid = docid;
  e.day = day;
  e.cluster = ClusterKey(r->cluster);
  for (const ClaimStance& st : r->claim.stances) {
    if (s::NormaliseTermValue(st.target) == target) e.label = LabelFromName(st.label);
  }
  std::vector<uint32_t> rows;
  for (const auto& [id, name] : RowsOf(*r, by)) rows.push_back(out->rows.Intern(id, name));
  if (rows.empty()) return false;
  out->Add(e, r->claim.id, r->source.url, rows.data(), rows.size());
  return true;
}

// The stance labels (and, by speaker, the rows) of every claim, from posting lists.
struct PostingFacts {
  std::vector<uint8_t> labels;         // by docid
  std::vector<uint32_t> speaker_rows;  // by docid, when by=speaker
};

PostingFacts ReadPostingFacts(const Xapian::Database& db, const std::string& target,
                              const std::string& by, RowTable* rows) {
  PostingFacts f;
  f.labels = LabelsByDocid(db, target);
  if (by == "speaker") f.speaker_rows = SpeakerRowsByDocid(db, rows);
  return f;
}

// A second handle on the index at the same revision as `db`, for another thread (a Xapian
// object is used by one thread at a time); nullopt when it cannot be had, e.g. an indexer
// committed in between.
std::optional<Xapian::Database> SecondHandle(const Xapian::Database& db,
                                             const std::string& db_path) {
  try {
    Xapian::Database other(db_path);
    if (other.get_revision() == db.get_revision()) return other;
  } catch (const Xapian::Error&) {
  }
  return std::nullopt;
}

Claims Collect(Xapian::Database& db, const std::string& db_path, const std::string& target,
               const TimelineOptions& o, const std::string& since, const std::string& until) {
  Claims out;
  Slots values(db);
  // The labels and speaker rows come from posting lists, the claims from a value stream: with
  // a second handle the lists are read on a thread of their own while this one reads the
  // values (at a million claims, a fifth of a timeline's time overlapped). Only that thread
  // touches out.rows until it is done: here by=speaker adds no rows.
  std::optional<Xapian::Database> second =
      o.by == "entity" || !o.parallel ? std::nullopt : SecondHandle(db, db_path);
  std::future<PostingFacts> pending;
  PostingFacts facts;
  if (second) {
    try {
      pending = std::async(std::launch::async, [&second, &target, &o, &out] {
        return ReadPostingFacts(*second, target, o.by, &out.rows);
      });
    } catch (const std::system_error&) {  // no thread to be had: all on this one
    }
  }
  if (!pending.valid()) facts = ReadPostingFacts(db, target, o.by, &out.rows);
  const bool deferred = pending.valid();  // labels and speaker rows are set after the pass
  uint32_t first = since.empty() ? 0 : DayNumber(since);
  uint32_t last = until.empty() ? UINT32_MAX : DayNumber(until);
  std::string term = std::string(s::kPrefixTarget) + target;
  Xapian::doccount expected = db.get_termfreq(term);
  out.entries.reserve(expected);
  out.url_ids.reserve(expected / 4 + 16);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    Xapian::docid docid = *it;
    std::string value = values.ref.At(docid);
    ClaimRef ref;
    if (!ParseClaimRef(value, &ref)) continue;  // not a claim the indexer wrote
    if (ref.day == 0 || ref.day < first || ref.day > last) continue;
    if (o.by == "entity") {  // entity names live in the document data only
      AddFromData(db, docid, ref.day, target, o.by, &out);
      continue;
    }
    uint32_t row = o.by == "outlet"                    ? OutletRow(&values, docid, &out.rows)
                   : deferred                          ? 0
                   : docid < facts.speaker_rows.size() ? facts.speaker_rows[docid]
                                                       : RowTable::kNone;
    if (row == RowTable::kNone) continue;
    Entry e;
    e.docid = docid;
    e.day = ref.day;
    e.label = !deferred && docid < facts.labels.size() ? static_cast<Label>(facts.labels[docid])
                                                       : kNeutral;
    e.cluster = ref.cluster;
    out.Add(e, ref.claim_id, ref.url, &row, 1);
  }
  if (deferred) {
    facts = pending.get();  // rethrows the thread's Xapian::Error, if any
    const bool by_speaker = o.by == "speaker";
    size_t kept = 0;
    for (Entry& e : out.entries) {
      if (by_speaker) {
        e.row = e.docid < facts.speaker_rows.size() ? facts.speaker_rows[e.docid] : RowTable::kNone;
        if (e.row == RowTable::kNone) continue;  // no speaker, or an unnamed source
      }
      e.label =
          e.docid < facts.labels.size() ? static_cast<Label>(facts.labels[e.docid]) : kNeutral;
      out.entries[kept++] = e;
    }
    out.entries.resize(kept);
  }
  return out;
}

// The entries oldest first, then in index order (docid). They come in docid order, so a stable
// counting sort by day does it when the days span a sane range (YYYYMMDD numbers of a few years
// are a few tens of thousands apart). The records themselves are moved, not indexes to them:
// everything after this reads them in order instead of jumping about a large array.
std::vector<Entry> Chronological(std::vector<Entry> entries) {
  if (entries.empty()) return entries;
  auto [lo, hi] = std::minmax_element(entries.begin(), entries.end(),
                                      [](const Entry& a, const Entry& b) { return a.day < b.day; });
  uint32_t first = lo->day, span = hi->day - lo->day + 1;
  if (span > (1u << 22)) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.day < b.day; });
    return entries;
  }
  std::vector<uint32_t> start(span + 1, 0);
  for (const Entry& e : entries) ++start[e.day - first + 1];
  for (uint32_t d = 1; d <= span; ++d) start[d] += start[d - 1];
  std::vector<Entry> out(entries.size());
  for (const Entry& e : entries) out[start[e.day - first]++] = e;
  return out;
}

struct ClusterRow {
  uint64_t cluster;
  uint32_t row;
  bool operator==(const ClusterRow& o) const { return cluster == o.cluster && row == o.row; }
};
struct ClusterRowHash {
  size_t operator()(const ClusterRow& k) const {
    return static_cast<size_t>((k.cluster ^ (uint64_t{k.row} << 40)) * 0x9E3779B97F4A7C15ull);
  }
};

// Which entries (oldest first) count: with by=speaker or by=entity a quote cluster counts once
// per row, for its earliest capture. Most clusters have one claim: two bitsets over a hash of the
// cluster find those seen more than once (and a few false positives), and only their entries
// are looked up.
std::vector<uint8_t> CountedEntries(const std::vector<Entry>& sorted, bool dedup) {
  std::vector<uint8_t> counted(sorted.size(), 1);
  if (!dedup) return counted;
  constexpr uint64_t kBits = 1u << 24;
  auto bit = [](uint64_t cluster) { return (cluster * 0x9E3779B97F4A7C15ull) >> 40; };
  std::vector<bool> seen(kBits), repeated(kBits);
  Xapian::docid previous = 0;
  for (const Entry& e : sorted) {
    // The rows of one claim are neighbours and share its cluster: not a repeat.
    if (e.cluster == 0 || e.docid == previous) continue;
    previous = e.docid;
    uint64_t b = bit(e.cluster);
    if (seen[b]) repeated[b] = true;
    seen[b] = true;
  }
  std::unordered_set<ClusterRow, ClusterRowHash> first_seen;
  for (size_t i = 0; i < sorted.size(); ++i) {
    const Entry& e = sorted[i];
    if (e.cluster == 0 || !repeated[bit(e.cluster)]) continue;
    if (!first_seen.insert({e.cluster, e.row}).second) counted[i] = 0;
  }
  return counted;
}

std::string Dashed(const std::string& yyyymmdd) {
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

// A cell being filled: counters and claim ids in `cell`; its claims' URLs (UrlList numbers,
// repeats included) until its period ends, when they become the cell's list of URLs.
struct OpenCell {
  TimelineCell cell;
  bool listed = false;         // its period is one of Timeline::periods
  std::vector<uint32_t> urls;  // oldest first
};

// The cells of one row. Claims arrive oldest first, so a row's periods only move forward: only
// its last cell can still grow.
struct RowState {
  size_t claims = 0;
  size_t period = SIZE_MAX;
  std::vector<OpenCell> cells;  // in period order
};

void Count(Label label, TimelineCell* cell) {
  ++cell->claims;
  switch (label) {
    case kSupport: ++cell->support; break;
    case kOppose: ++cell->oppose; break;
    case kMixed: ++cell->mixed; break;
    default: ++cell->neutral;
  }
}

// The URLs of the counted claims as the cells list them, numbered in the order the timeline
// first meets them (oldest first): the URLs of one period's cells then lie side by side, where
// Collect's numbering (index order) scatters them over every URL of the index, and listing a
// million of them was a cache miss each.
class UrlList {
 public:
  explicit UrlList(const Claims& c) : c_(c), number_(c.urls.size(), kNone) {}

  // The number of Collect's URL `url`, given the first time it is asked for.
  uint32_t Number(uint32_t url) {
    uint32_t& n = number_[url];
    if (n == kNone) {
      n = static_cast<uint32_t>(listed_.size());
      listed_.push_back(Listed(c_.urls[url]));
    }
    return n;
  }
  size_t size() const { return listed_.size(); }
  std::string_view operator[](uint32_t n) const { return listed_[n]; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;

  // A URL as a space-separated list writes it: a space in it (a file name given to 'extract
  // --text') as %20, so the list still splits into the URLs.
  std::string_view Listed(std::string_view url) {
    if (url.find(' ') == std::string_view::npos) return text_.Add(url);
    std::string escaped;
    for (char ch : url) {
      if (ch == ' ') {
        escaped += "%20";
      } else {
        escaped += ch;
      }
    }
    return text_.Add(escaped);
  }

  const Claims& c_;
  std::vector<uint32_t> number_;  // by Collect's URL number
  StringArena text_;
  std::vector<std::string_view> listed_;
};

// Turns the URLs of the cells of a period that has ended into their lists, each URL once per
// cell: `mark[n]` is the last cell that listed URL n, exact because cells are done one at a time.
class CellUrls {
 public:
  explicit CellUrls(const UrlList* urls) : urls_(urls) {}

  void List(OpenCell* open) {
    ++cell_number_;
    if (mark_.size() < urls_->size()) mark_.resize(urls_->size() + urls_->size() / 2 + 1024, 0);
    std::string& out = open->cell.urls;
    for (uint32_t n : open->urls) {
      if (mark_[n] == cell_number_) continue;
      mark_[n] = cell_number_;
      if (!out.empty()) out += ' ';
      out.append((*urls_)[n]);
    }
    std::vector<uint32_t>().swap(open->urls);
  }

 private:
  const UrlList* urls_;
  std::vector<uint32_t> mark_;
  uint32_t cell_number_ = 0;
};

// The rows most claims first (ties by name), their listed cells in period order, into `t`.
void Emit(const Claims& c, std::vector<RowState>& rows, Timeline* t) {
  std::vector<uint32_t> ranked;
  for (uint32_t r = 0; r < rows.size(); ++r) {
    if (rows[r].claims > 0) ranked.push_back(r);
  }
  std::sort(ranked.begin(), ranked.end(), [&](uint32_t a, uint32_t b) {
    if (rows[a].claims != rows[b].claims) return rows[a].claims > rows[b].claims;
    return c.rows.names[a] < c.rows.names[b];
  });
  for (uint32_t r : ranked) {
    t->rows.push_back(c.rows.names[r]);
    for (OpenCell& open : rows[r].cells) {
      if (!open.listed) continue;  // only cells of the listed periods are shown
      TimelineCell& cell = open.cell;
      cell.net = (static_cast<double>(cell.support) - static_cast<double>(cell.oppose)) /
                 static_cast<double>(cell.claims);
      t->cells.push_back(std::move(cell));
    }
  }
}

// The period of each day met, computed once per day (claims come oldest first, a few hundred
// distinct days).
class DayPeriods {
 public:
  DayPeriods(const Timeline& t, const std::unordered_map<std::string, size_t>& index)
      : t_(t), index_(index) {}

  // Moves to `day`; true when it is another day than the one before.
  bool Move(uint32_t day) {
    if (day == day_) return false;
    day_ = day;
    date = std::to_string(day);
    period = query_internal::PeriodOf(date, t_.interval);
    auto it = index_.find(period);
    number = it == index_.end() ? t_.periods.size() : it->second;
    return true;
  }

  std::string date, period;  // YYYYMMDD and the period's name
  size_t number = SIZE_MAX;  // in Timeline::periods; its size when not listed

 private:
  const Timeline& t_;
  const std::unordered_map<std::string, size_t>& index_;
  uint32_t day_ = 0;
};

// The cells of the rows r with r % parts == part, from the counted entries (oldest first).
// Rows are independent, so parts can be filled on threads of their own: each has its own URL
// numbering, and only touches its own rows.
void FillRows(const Claims& c, const std::vector<Entry>& sorted,
              const std::vector<uint8_t>& counted,
              const std::unordered_map<std::string, size_t>& period_index, const Timeline& t,
              uint32_t part, uint32_t parts, std::vector<RowState>* rows) {
  UrlList urls(c);
  CellUrls cell_urls(&urls);
  std::vector<OpenCell*> period_cells;  // the listed cells of the period under way
  auto end_period = [&] {
    for (OpenCell* open : period_cells) cell_urls.List(open);
    period_cells.clear();
  };
  DayPeriods day(t, period_index);
  size_t index = SIZE_MAX;
  for (uint32_t i = 0; i < sorted.size(); ++i) {
    const Entry& e = sorted[i];
    if (!counted[i] || e.row % parts != part) continue;
    if (day.Move(e.day)) {
      if (day.number != index) end_period();
      index = day.number;
    }
    RowState& row = (*rows)[e.row];
    ++row.claims;
    if (row.period != index) {
      row.period = index;
      OpenCell& open = row.cells.emplace_back();
      open.listed = index < t.periods.size();
      open.cell.row = c.rows.names[e.row];
      open.cell.row_id = c.rows.ids[e.row];
      open.cell.period = day.period;
      // A row opens at most one cell a period, and the pointers of earlier periods are gone
      // (end_period): adding this cell cannot move one still held.
      if (open.listed) period_cells.push_back(&open);
    }
    OpenCell& open = row.cells.back();
    Count(e.label, &open.cell);
    if (!open.listed) continue;
    if (!open.cell.claim_ids.empty()) open.cell.claim_ids += ' ';
    c.AppendClaimId(e, &open.cell.claim_ids);
    open.urls.push_back(urls.Number(e.url));
  }
  end_period();
}

// A timeline over a whole index aggregates a million claims: one pass over them oldest first,
// on numbers; strings are copied once per row, per cell, per claim id and per URL in a cell.
// Each cell's claim ids and URLs are one string, not one per claim: a timeline over a million
// claims lists a million ids. With `parallel`, half the rows are filled on a second thread.
void Aggregate(Claims& c, size_t max_evidence, bool parallel, Timeline* t,
               std::vector<Xapian::docid>* evidence_docids) {
  std::vector<Entry> sorted = Chronological(std::move(c.entries));
  std::vector<uint8_t> counted = CountedEntries(sorted, t->by != "outlet");
  std::unordered_map<std::string, size_t> period_index;
  for (size_t i = 0; i < t->periods.size(); ++i) period_index.emplace(t->periods[i], i);
  std::vector<RowState> rows(c.rows.ids.size());
  const uint32_t parts = parallel && rows.size() > 1 ? 2 : 1;
  std::future<void> other;
  if (parts == 2) {
    try {
      other = std::async(std::launch::async,
                         [&] { FillRows(c, sorted, counted, period_index, *t, 1, parts, &rows); });
    } catch (const std::system_error&) {  // no thread to be had: this one fills every row
    }
  }
  FillRows(c, sorted, counted, period_index, *t, 0, other.valid() ? parts : 1, &rows);
  if (other.valid()) other.get();
  // The evidence: the first counted claims, oldest first.
  DayPeriods day(*t, period_index);
  for (uint32_t i = 0; i < sorted.size(); ++i) {
    if (!counted[i]) continue;
    ++t->evidence_total;
    if (t->evidence.size() >= max_evidence) continue;
    const Entry& e = sorted[i];
    day.Move(e.day);
    t->evidence.push_back({c.ClaimId(e), c.rows.names[e.row], day.period, Dashed(day.date),
                           kLabelNames[e.label], "", "", "", std::string(c.urls[e.url])});
    evidence_docids->push_back(e.docid);
  }
  Emit(c, rows, t);
}

// The claim text, article title and outlet of a claim's document data, read without building
// the JSON document (a timeline fetches up to TimelineOptions::max_evidence of them): the claim
// object comes first and "title" and "outlet" early in the source, so the parse stops there.
class EvidenceFields : public query_internal::TopLevelFields {
 public:
  std::string text, title, outlet;

 protected:
  bool String(string_t& value) override {
    if (In("claim") && key() == "text") {
      text = std::move(value);
      done_ |= 1;
    } else if (In("source") && key() == "title") {
      title = std::move(value);
      done_ |= 2;
    } else if (In("source") && key() == "outlet") {
      outlet = std::move(value);
      done_ |= 4;
    }
    return done_ != 7;  // false ends the parse: nothing more is needed
  }

 private:
  unsigned done_ = 0;
};

// The claim text and article title of the evidence rows kept.
void FillEvidenceText(Xapian::Database& db, const std::vector<Xapian::docid>& docids, Timeline* t) {
  // Evidence is oldest first, which is no order on disk: fetched in docid order, neighbouring
  // documents share B-tree blocks.
  std::vector<size_t> order;
  for (size_t i = 0; i < docids.size() && i < t->evidence.size(); ++i) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return docids[a] < docids[b]; });
  for (size_t i : order) {
    EvidenceFields fields;
    Json::sax_parse(db.get_document(docids[i]).get_data(), &fields);
    t->evidence[i].text = std::move(fields.text);
    t->evidence[i].title = std::move(fields.title);
    t->evidence[i].outlet = std::move(fields.outlet);
  }
}
Result<Timeline> Build(Xapian::Database& db, const std::string& db_path, const TimelineOptions& o,
                       const std::string& since, const std::string& until) {
  Result<std::string> target = ResolveTarget(db, db_path, o.target);
  if (!target.ok()) return target.status();
  Timeline t;
  t.target = *target;
  t.target_name = o.target_name.empty() ? query_internal::TargetDisplayName(*target) : o.target_name;
  t.by = o.by;
  t.interval = o.interval;
  t.max_rows = o.max_rows;
  Claims claims = Collect(db, db_path, *target, o, since, until);
  uint32_t min_day = UINT32_MAX, max_day = 0;
  for (const Entry& e : claims.entries) {
    min_day = std::min(min_day, e.day);
    max_day = std::max(max_day, e.day);
  }
  std::string first = !since.empty() ? since : claims.entries.empty() ? "" : std::to_string(min_day);
  std::string last = !until.empty() ? until : claims.entries.empty() ? "" : std::to_string(max_day);
  if (!first.empty() && !last.empty() && first <= last) {
    t.since = Dashed(first);
    t.until = Dashed(last);
    t.periods = query_internal::PeriodsBetween(first, last, o.interval);
  }
  std::vector<Xapian::docid> evidence_docids;
  Aggregate(claims, o.max_evidence, o.parallel, &t, &evidence_docids);
  FillEvidenceText(db, evidence_docids, &t);
  return t;
}

std::string Net(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

// "a b c" -> {"a", "b", "c"}.
std::vector<std::string> Words(const std::string& joined) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < joined.size()) {
    size_t end = joined.find(' ', start);
    if (end == std::string::npos) end = joined.size();
    if (end > start) out.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

Result<Timeline> BuildTimeline(const std::string& db_path, const TimelineOptions& options) {
  CLAIMDEX_RETURN_IF_ERROR(Validate(options));
  Result<std::string> since = query_internal::DateFlag("--since", options.since);
  if (!since.ok()) return since.status();
  Result<std::string> until = query_internal::DateFlag("--until", options.until);
  if (!until.ok()) return until.status();
  if (!since->empty() && !until->empty() && *since > *until) {
    return Status::InvalidInput("--since " + options.since + " is after --until " + options.until);
  }
  Result<Xapian::Database> db = query_internal::OpenIndex(db_path);
  if (!db.ok()) return db.status();
  try {
    return Build(*db, db_path, options, *since, *until);
  } catch (const Xapian::Error& e) {
    return Status::Runtime(db_path + ": timeline failed: " + e.get_description());
  }
}

std::string TimelineCsv(const Timeline& t) {
  std::string out = "row,period,claims,support,oppose,mixed,neutral,net,claim_ids,urls\r\n";
  for (const TimelineCell& c : t.cells) {
    std::vector<std::string> fields = {c.row,
                                       c.period,
                                       std::to_string(c.claims),
                                       std::to_string(c.support),
                                       std::to_string(c.oppose),
                                       std::to_string(c.mixed),
                                       std::to_string(c.neutral),
                                       Net(c.net),
                                       c.claim_ids,
                                       c.urls};
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += query_internal::CsvField(fields[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string TimelineJson(const Timeline& t) {
  Json cells = Json::array();
  for (const TimelineCell& c : t.cells) {
    cells.push_back({{"row", c.row},         {"row_id", c.row_id},   {"period", c.period},
                     {"claims", c.claims},   {"support", c.support}, {"oppose", c.oppose},
                     {"mixed", c.mixed},     {"neutral", c.neutral}, {"net", c.net},
                     {"claim_ids", Words(c.claim_ids)}, {"urls", Words(c.urls)}});
  }
  Json j = {{"target", t.target}, {"target_name", t.target_name}, {"by", t.by},
            {"interval", t.interval}, {"since", t.since}, {"until", t.until},
            {"rows", t.rows}, {"periods", t.periods}, {"cells", std::move(cells)}};
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace claimdex
