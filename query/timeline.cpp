#include "query/timeline.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <optional>
#include <string_view>
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
  if (date.size() != 8) return 0;
  uint32_t day = 0;
  for (char c : date) {
    if (c < '0' || c > '9') return 0;
    day = day * 10 + static_cast<uint32_t>(c - '0');
  }
  return day;
}

// A quote-cluster id as a number: the 16 hex digits the indexer writes, or a hash of anything
// else (an index written by hand or damaged); 0 for none.
uint64_t ClusterKey(std::string_view cluster) {
  if (cluster.empty()) return 0;
  uint64_t key = 0;
  if (cluster.size() == 16) {
    for (char c : cluster) {
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (digit < 0) return std::hash<std::string_view>()(cluster) | 1;
      key = key << 4 | static_cast<uint64_t>(digit);
    }
    return key == 0 ? 1 : key;
  }
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

// One counted claim on the target: numbers only. Its claim id is Claims::claim_ids[i] for
// entries[i], its URL Claims::urls[url], its rows Claims::row_of[first_row, first_row + rows).
struct Entry {
  Xapian::docid docid = 0;
  uint32_t day = 0;  // YYYYMMDD
  uint32_t first_row = 0, rows = 0;
  uint32_t url = 0;
  uint64_t cluster = 0;
  Label label = kNeutral;
};

struct Claims {
  std::vector<Entry> entries;  // docid order
  std::vector<uint32_t> row_of;
  std::vector<std::string> claim_ids;
  std::deque<std::string> urls;  // each URL once (an article's claims share it); a deque keeps
                                 // the strings in place for the views in url_ids
  std::unordered_map<std::string_view, uint32_t> url_ids;
  RowTable rows;

  void Add(Entry e, std::string claim_id, std::string_view url,
           const std::vector<uint32_t>& rows_in) {
    e.first_row = static_cast<uint32_t>(row_of.size());
    e.rows = static_cast<uint32_t>(rows_in.size());
    e.url = UrlId(url);
    row_of.insert(row_of.end(), rows_in.begin(), rows_in.end());
    entries.push_back(e);
    claim_ids.push_back(std::move(claim_id));
  }

 private:
  // A URL becomes a string only the first time it is seen.
  uint32_t UrlId(std::string_view url) {
    // Claims come in docid order and an article's claims are neighbours.
    if (!urls.empty() && urls.back() == url) return static_cast<uint32_t>(urls.size() - 1);
    auto it = url_ids.find(url);
    if (it != url_ids.end()) return it->second;
    auto id = static_cast<uint32_t>(urls.size());
    urls.emplace_back(url);
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
  out->Add(e, std::move(r->claim.id), r->source.url, rows);
  return true;
}

Claims Collect(Xapian::Database& db, const std::string& target, const TimelineOptions& o,
               const std::string& since, const std::string& until) {
  Claims out;
  Slots values(db);
  std::vector<uint8_t> labels = LabelsByDocid(db, target);
  std::vector<uint32_t> speaker_rows;
  if (o.by == "speaker") speaker_rows = SpeakerRowsByDocid(db, &out.rows);
  uint32_t first = since.empty() ? 0 : DayNumber(since);
  uint32_t last = until.empty() ? UINT32_MAX : DayNumber(until);
  std::string term = std::string(s::kPrefixTarget) + target;
  Xapian::doccount expected = db.get_termfreq(term);
  out.entries.reserve(expected);
  out.claim_ids.reserve(expected);
  out.row_of.reserve(expected);
  std::vector<uint32_t> one_row(1);
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
    uint32_t row = o.by == "outlet" ? OutletRow(&values, docid, &out.rows)
                   : docid < speaker_rows.size() ? speaker_rows[docid]
                                                 : RowTable::kNone;
    if (row == RowTable::kNone) continue;
    Entry e;
    e.docid = docid;
    e.day = ref.day;
    e.label = docid < labels.size() ? static_cast<Label>(labels[docid]) : kNeutral;
    e.cluster = ref.cluster;
    one_row[0] = row;
    out.Add(e, std::string(ref.claim_id), ref.url, one_row);
  }
  return out;
}

// Entry indexes, oldest first, then in index order (docid). Entries are in docid order, so a
// stable counting sort by day does it in two passes when the days span a sane range (YYYYMMDD
// numbers of a few years are a few tens of thousands apart).
std::vector<uint32_t> Chronological(const std::vector<Entry>& entries) {
  std::vector<uint32_t> order(entries.size());
  if (entries.empty()) return order;
  auto [lo, hi] = std::minmax_element(entries.begin(), entries.end(),
                                      [](const Entry& a, const Entry& b) { return a.day < b.day; });
  uint32_t first = lo->day, span = hi->day - lo->day + 1;
  if (span > (1u << 22)) {
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return entries[a].day < entries[b].day;
    });
    return order;
  }
  std::vector<uint32_t> start(span + 1, 0);
  for (const Entry& e : entries) ++start[e.day - first + 1];
  for (uint32_t d = 1; d <= span; ++d) start[d] += start[d - 1];
  for (uint32_t i = 0; i < entries.size(); ++i) order[start[entries[i].day - first]++] = i;
  return order;
}

// Which (claim, row) pairs count: with by=speaker or by=entity a quote cluster counts once per
// row, for its earliest capture. Indexed like Claims::row_of.
// Most clusters have one claim: two bitsets over a hash of the cluster find those seen more than
// once (and a few false positives), and only their pairs are sorted to find the earliest.
std::vector<bool> CountedPairs(const Claims& c, const std::vector<uint32_t>& order, bool dedup) {
  std::vector<bool> counted(c.row_of.size(), true);
  if (!dedup) return counted;
  constexpr uint64_t kBits = 1u << 24;
  auto bit = [](uint64_t cluster) { return (cluster * 0x9E3779B97F4A7C15ull) >> 40; };
  std::vector<bool> seen(kBits), repeated(kBits);
  for (const Entry& e : c.entries) {
    if (e.cluster == 0) continue;
    uint64_t b = bit(e.cluster);
    if (seen[b]) repeated[b] = true;
    seen[b] = true;
  }
  struct Key {
    uint64_t cluster;
    uint32_t row, rank, pair;
  };
  std::vector<Key> keys;
  for (uint32_t rank = 0; rank < order.size(); ++rank) {
    const Entry& e = c.entries[order[rank]];
    if (e.cluster == 0 || !repeated[bit(e.cluster)]) continue;
    for (uint32_t p = e.first_row; p < e.first_row + e.rows; ++p) {
      keys.push_back({e.cluster, c.row_of[p], rank, p});
    }
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.cluster != b.cluster) return a.cluster < b.cluster;
    return a.row != b.row ? a.row < b.row : a.rank < b.rank;
  });
  for (size_t i = 1; i < keys.size(); ++i) {
    if (keys[i].cluster == keys[i - 1].cluster && keys[i].row == keys[i - 1].row) {
      counted[keys[i].pair] = false;
    }
  }
  return counted;
}

std::string Dashed(const std::string& yyyymmdd) {
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

// A cell being filled: counters in `cell`, its claims and URLs as numbers until the end.
struct OpenCell {
  TimelineCell cell;
  bool listed = false;         // its period is one of Timeline::periods
  std::vector<uint32_t> claims;  // entry indexes
  std::vector<uint32_t> urls;    // URL ids, each listed once (see Aggregate)
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

// The cells' claim ids and URLs as strings, and `rows` in order into `t`. A URL is listed once
// per cell: `mark[url]` is the last cell that listed it, exact because cells are done one at a
// time.
void Emit(Claims& c, std::vector<RowState>& rows, Timeline* t) {
  std::vector<uint32_t> ranked;
  for (uint32_t r = 0; r < rows.size(); ++r) {
    if (rows[r].claims > 0) ranked.push_back(r);
  }
  std::sort(ranked.begin(), ranked.end(), [&](uint32_t a, uint32_t b) {
    if (rows[a].claims != rows[b].claims) return rows[a].claims > rows[b].claims;
    return c.rows.names[a] < c.rows.names[b];
  });
  std::vector<size_t> mark(c.urls.size(), 0);
  size_t cell_number = 0;
  for (uint32_t r : ranked) {
    t->rows.push_back(c.rows.names[r]);
    for (OpenCell& open : rows[r].cells) {
      if (!open.listed) continue;  // only cells of the listed periods are shown
      ++cell_number;
      TimelineCell& cell = open.cell;
      cell.net = (static_cast<double>(cell.support) - static_cast<double>(cell.oppose)) /
                 static_cast<double>(cell.claims);
      cell.claim_ids.reserve(open.claims.size());
      for (uint32_t i : open.claims) {
        // The claim id moves into its cell, unless another row (an entity) still needs it.
        if (c.entries[i].rows == 1) {
          cell.claim_ids.push_back(std::move(c.claim_ids[i]));
        } else {
          cell.claim_ids.push_back(c.claim_ids[i]);
        }
      }
      for (uint32_t u : open.urls) {
        if (mark[u] == cell_number) continue;
        mark[u] = cell_number;
        cell.urls.push_back(c.urls[u]);
      }
      t->cells.push_back(std::move(cell));
    }
  }
}

// A timeline over a whole index aggregates a million claims: the loop below works on numbers;
// strings are copied once per row, per cell and per URL in a cell, not once per claim.
void Aggregate(Claims& c, size_t max_evidence, Timeline* t,
               std::vector<Xapian::docid>* evidence_docids) {
  std::vector<uint32_t> order = Chronological(c.entries);
  std::vector<bool> counted = CountedPairs(c, order, t->by != "outlet");
  std::unordered_map<std::string, size_t> period_index;
  for (size_t i = 0; i < t->periods.size(); ++i) period_index.emplace(t->periods[i], i);
  std::vector<RowState> rows(c.rows.ids.size());
  uint32_t day = 0;
  std::string date, period;
  size_t index = 0;
  for (uint32_t i : order) {
    const Entry& e = c.entries[i];
    if (e.day != day) {  // a few hundred distinct days
      day = e.day;
      date = std::to_string(day);
      period = query_internal::PeriodOf(date, t->interval);
      auto it = period_index.find(period);
      index = it == period_index.end() ? t->periods.size() : it->second;
    }
    for (uint32_t p = e.first_row; p < e.first_row + e.rows; ++p) {
      if (!counted[p]) continue;
      uint32_t r = c.row_of[p];
      RowState& row = rows[r];
      ++row.claims;
      if (row.period != index) {
        row.period = index;
        OpenCell& open = row.cells.emplace_back();
        open.listed = index < t->periods.size();
        open.cell.row = c.rows.names[r];
        open.cell.row_id = c.rows.ids[r];
        open.cell.period = period;
      }
      ++t->evidence_total;
      if (t->evidence.size() < max_evidence) {
        t->evidence.push_back({c.claim_ids[i], c.rows.names[r], period, Dashed(date),
                               kLabelNames[e.label], "", "", "", c.urls[e.url]});
        evidence_docids->push_back(e.docid);
      }
      OpenCell& open = row.cells.back();
      Count(e.label, &open.cell);
      open.claims.push_back(i);
      // An article's claims are neighbours here: most repeats are of the last URL.
      if (open.urls.empty() || open.urls.back() != e.url) open.urls.push_back(e.url);
    }
  }
  Emit(c, rows, t);
}

// The claim text and article title of the evidence rows kept.
void FillEvidenceText(Xapian::Database& db, const std::vector<Xapian::docid>& docids, Timeline* t) {
  // Evidence is oldest first, which is no order on disk: fetched in docid order, neighbouring
  // documents share B-tree blocks.
  std::vector<size_t> order;
  for (size_t i = 0; i < docids.size() && i < t->evidence.size(); ++i) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return docids[a] < docids[b]; });
  for (size_t i : order) {
    // Two fields of the data: one parse, not the full claim decode.
    Json data = Json::parse(db.get_document(docids[i]).get_data(), nullptr, false);
    if (!data.is_object()) continue;
    const Json& claim = data.contains("claim") ? data["claim"] : Json();
    const Json& source = data.contains("source") ? data["source"] : Json();
    if (claim.is_object()) t->evidence[i].text = claim.value("text", "");
    if (source.is_object()) {
      t->evidence[i].title = source.value("title", "");
      t->evidence[i].outlet = source.value("outlet", "");
    }
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
  Claims claims = Collect(db, *target, o, since, until);
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
  Aggregate(claims, o.max_evidence, &t, &evidence_docids);
  FillEvidenceText(db, evidence_docids, &t);
  return t;
}

std::string Net(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& x : v) out += (out.empty() ? "" : " ") + x;
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
                                       Joined(c.claim_ids),
                                       Joined(c.urls)};
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
                     {"claim_ids", c.claim_ids}, {"urls", c.urls}});
  }
  Json j = {{"target", t.target}, {"target_name", t.target_name}, {"by", t.by},
            {"interval", t.interval}, {"since", t.since}, {"until", t.until},
            {"rows", t.rows}, {"periods", t.periods}, {"cells", std::move(cells)}};
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace claimdex
