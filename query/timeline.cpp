#include "query/timeline.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
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

// One claim on the target, ready to be counted. Text and title are read later, and only for
// the evidence rows kept.
struct Entry {
  Xapian::docid docid = 0;
  std::string date;  // YYYYMMDD
  uint32_t day = 0;  // the date as a number, for sorting
  std::string claim_id, url, label, cluster;
  std::string outlet;  // by=outlet only; evidence rows read theirs from the document data
  std::vector<std::pair<std::string, std::string>> rows;  // (row id, display name)
};
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

  // The value of `docid`, "" when it has none. Calls must come in ascending docid order.
  std::string At(Xapian::docid docid) {
    if (it_ == end_) return "";
    if (it_.get_docid() < docid) it_.skip_to(docid);
    if (it_ == end_ || it_.get_docid() != docid) return "";
    return *it_;
  }

 private:
  Xapian::ValueIterator it_, end_;
};

// The claim's label on `target` from the "target:label\n..." stances value.
std::string LabelOn(const std::string& stances, const std::string& target) {
  size_t start = 0;
  while (start < stances.size()) {
    size_t end = stances.find('\n', start);
    if (end == std::string::npos) end = stances.size();
    size_t colon = stances.rfind(':', end);
    if (colon != std::string::npos && colon >= start && colon - start == target.size() &&
        stances.compare(start, target.size(), target) == 0) {
      return stances.substr(colon + 1, end - colon - 1);
    }
    start = end + 1;
  }
  return "neutral";
}

// Everything from the document data: for entity rows (entity names live only there) and for
// indexes written before the claim id and URL slots existed.
std::optional<Entry> EntryFromData(Xapian::Database& db, Xapian::docid docid,
                                   const std::string& target, const std::string& by) {
  std::optional<query_internal::ClaimRecord> r =
      query_internal::DecodeClaim(db.get_document(docid).get_data());
  if (!r) return std::nullopt;
  Entry e;
  e.docid = docid;
  e.claim_id = r->claim.id;
  e.url = r->source.url;
  e.label = "neutral";
  e.cluster = r->cluster;
  e.outlet = r->source.outlet;
  e.rows = RowsOf(*r, by);
  for (const ClaimStance& st : r->claim.stances) {
    if (s::NormaliseTermValue(st.target) == target) e.label = st.label;
  }
  return e;
}

struct Slots {
  explicit Slots(const Xapian::Database& db)
      : date(db, s::kSlotDate),
        claim_id(db, s::kSlotClaimId),
        url(db, s::kSlotUrl),
        stances(db, s::kSlotStances),
        cluster(db, s::kSlotCluster),
        outlet(db, s::kSlotOutletName),
        speaker_id(db, s::kSlotSpeakerId),
        speaker_name(db, s::kSlotSpeakerName),
        speaker_type(db, s::kSlotSpeakerType) {}
  SlotReader date, claim_id, url, stances, cluster, outlet, speaker_id, speaker_name, speaker_type;
};

std::optional<Entry> EntryFromValues(Slots* v, Xapian::docid docid, const std::string& target,
                                     const std::string& by) {
  Entry e;
  e.docid = docid;
  e.claim_id = v->claim_id.At(docid);
  if (e.claim_id.empty()) return std::nullopt;
  e.url = v->url.At(docid);
  e.label = LabelOn(v->stances.At(docid), target);
  e.cluster = v->cluster.At(docid);
  if (by == "outlet") {
    e.outlet = v->outlet.At(docid);
    e.rows.emplace_back(s::NormaliseTermValue(e.outlet), e.outlet);
  } else {
    std::string id = v->speaker_id.At(docid);
    std::string name = v->speaker_name.At(docid);
    // An unnamed source has no id value; the type check covers indexes written before that.
    if (!id.empty() && v->speaker_type.At(docid) != s::kSpeakerTypeUnnamed) {
      e.rows.emplace_back(id, name.empty() ? id : name);
    }
  }
  return e;
}

std::vector<Entry> Collect(Xapian::Database& db, const std::string& target,
                           const TimelineOptions& o, const std::string& since,
                           const std::string& until) {
  std::vector<Entry> out;
  Slots values(db);
  std::string term = std::string(s::kPrefixTarget) + target;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    Xapian::docid docid = *it;
    std::string date = values.date.At(docid);
    if (date.empty() || (!since.empty() && date < since) || (!until.empty() && date > until)) continue;
    std::optional<Entry> e;
    if (o.by != "entity") e = EntryFromValues(&values, docid, target, o.by);
    if (!e) e = EntryFromData(db, docid, target, o.by);
    if (!e || e->rows.empty()) continue;
    e->date = std::move(date);
    out.push_back(std::move(*e));
  }
  // Oldest first, then in index order: numbers compare faster than a million claim ids.
  for (Entry& e : out) e.day = static_cast<uint32_t>(std::stoul(e.date));
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return a.day != b.day ? a.day < b.day : a.docid < b.docid;
  });
  return out;
}

std::string Dashed(const std::string& yyyymmdd) {
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

void Count(const Entry& e, TimelineCell* cell) {
  ++cell->claims;
  if (e.label == "support") {
    ++cell->support;
  } else if (e.label == "oppose") {
    ++cell->oppose;
  } else if (e.label == "mixed") {
    ++cell->mixed;
  } else {
    ++cell->neutral;
  }
  cell->net = (static_cast<double>(cell->support) - static_cast<double>(cell->oppose)) /
              static_cast<double>(cell->claims);
}

// Cells of one row, by period index, with the URLs each has listed (views into the entries,
// which outlive the aggregation).
struct RowCells {
  std::string name;
  size_t claims = 0;
  std::unordered_map<size_t, TimelineCell> cells;
  std::unordered_map<size_t, std::unordered_set<std::string_view>> urls;
};

// (row, quote cluster) pairs already counted.
struct SeenKeyHash {
  size_t operator()(const std::pair<const RowCells*, std::string_view>& k) const {
    return std::hash<std::string_view>()(k.second) ^ (std::hash<const void*>()(k.first) << 1);
  }
};

// A timeline over a whole index aggregates a million entries: the loop below keeps to lookups
// and counters, and strings are copied once per row or cell, not once per claim.
void Aggregate(std::vector<Entry>& entries, size_t max_evidence, Timeline* t,
               std::vector<Xapian::docid>* evidence_docids) {
  std::unordered_map<std::string, size_t> period_index;
  for (size_t i = 0; i < t->periods.size(); ++i) period_index.emplace(t->periods[i], i);
  // date -> (period, its index): a few hundred distinct dates
  std::unordered_map<std::string, std::pair<std::string, size_t>> period_of;
  std::unordered_map<std::string, RowCells> rows;  // by row id
  std::unordered_set<std::pair<const RowCells*, std::string_view>, SeenKeyHash> seen;
  seen.reserve(entries.size());
  for (Entry& e : entries) {
    auto p = period_of.find(e.date);
    if (p == period_of.end()) {
      std::string period = query_internal::PeriodOf(e.date, t->interval);
      auto it = period_index.find(period);
      size_t index = it == period_index.end() ? t->periods.size() : it->second;
      p = period_of.emplace(e.date, std::make_pair(period, index)).first;
    }
    const auto& [period, index] = p->second;
    for (const auto& [id, name] : e.rows) {
      RowCells& row = rows[id];
      if (t->by != "outlet" && !e.cluster.empty() && !seen.emplace(&row, e.cluster).second) {
        continue;
      }
      if (row.claims++ == 0) row.name = name;
      TimelineCell& cell = row.cells[index];
      if (cell.claims == 0) {
        cell.row = row.name;
        cell.row_id = id;
        cell.period = period;
      }
      ++t->evidence_total;
      if (t->evidence.size() < max_evidence) {
        t->evidence.push_back(
            {e.claim_id, row.name, period, Dashed(e.date), e.label, "", e.outlet, "", e.url});
        evidence_docids->push_back(e.docid);
      }
      Count(e, &cell);
      // The entry's id moves into its cell, unless another row (an entity) still needs it.
      if (e.rows.size() == 1) {
        cell.claim_ids.push_back(std::move(e.claim_id));
      } else {
        cell.claim_ids.push_back(e.claim_id);
      }
      if (row.urls[index].insert(e.url).second) cell.urls.push_back(e.url);
    }
  }
  std::vector<RowCells*> order;
  for (auto& [id, row] : rows) {
    if (row.claims > 0) order.push_back(&row);
  }
  std::sort(order.begin(), order.end(), [](const RowCells* a, const RowCells* b) {
    if (a->claims != b->claims) return a->claims > b->claims;
    return a->name < b->name;
  });
  for (RowCells* row : order) {
    t->rows.push_back(row->name);
    for (size_t i = 0; i < t->periods.size(); ++i) {
      auto it = row->cells.find(i);
      if (it != row->cells.end()) t->cells.push_back(std::move(it->second));
    }
  }
}

// The claim text and article title of the evidence rows kept.
void FillEvidenceText(Xapian::Database& db, const std::vector<Xapian::docid>& docids, Timeline* t) {
  for (size_t i = 0; i < docids.size() && i < t->evidence.size(); ++i) {
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
  std::vector<Entry> entries = Collect(db, *target, o, since, until);
  std::string first = !since.empty() ? since : entries.empty() ? "" : entries.front().date;
  std::string last = !until.empty() ? until : entries.empty() ? "" : entries.back().date;
  if (!first.empty() && !last.empty() && first <= last) {
    t.since = Dashed(first);
    t.until = Dashed(last);
    t.periods = query_internal::PeriodsBetween(first, last, o.interval);
  }
  std::vector<Xapian::docid> evidence_docids;
  Aggregate(entries, o.max_evidence, &t, &evidence_docids);
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
