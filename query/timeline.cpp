#include "query/timeline.h"

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "index/schema.h"
#include "query/index_reader.h"
#include "query/periods.h"

namespace claimdex {
namespace {

namespace s = schema;
using query_internal::Json;

// One claim on the target, ready to be counted.
struct Entry {
  std::string date;  // YYYYMMDD
  std::string claim_id, url, label, cluster;
  std::string text, outlet, title;
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
    if (r.claim.speaker) {
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

std::vector<Entry> Collect(Xapian::Database& db, const std::string& target,
                           const TimelineOptions& o, const std::string& since,
                           const std::string& until) {
  std::vector<Entry> out;
  std::string term = std::string(s::kPrefixTarget) + target;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    Xapian::Document doc = db.get_document(*it);
    std::string date = doc.get_value(s::kSlotDate);
    if (date.empty() || (!since.empty() && date < since) || (!until.empty() && date > until)) continue;
    std::optional<query_internal::ClaimRecord> r = query_internal::DecodeClaim(doc.get_data());
    if (!r) continue;
    Entry e{date, r->claim.id, r->source.url, "neutral", r->cluster,
            r->claim.text, r->source.outlet, r->source.title, RowsOf(*r, o.by)};
    for (const ClaimStance& st : r->claim.stances) {
      if (s::NormaliseTermValue(st.target) == target) e.label = st.label;
    }
    if (!e.rows.empty()) out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return a.date != b.date ? a.date < b.date : a.claim_id < b.claim_id;
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
  cell->claim_ids.push_back(e.claim_id);
  if (std::find(cell->urls.begin(), cell->urls.end(), e.url) == cell->urls.end()) {
    cell->urls.push_back(e.url);
  }
}

void Aggregate(const std::vector<Entry>& entries, Timeline* t) {
  std::map<std::pair<std::string, std::string>, TimelineCell> cells;  // (row id, period)
  std::map<std::string, std::pair<std::string, size_t>> rows;        // id -> (name, claims)
  std::set<std::string> seen;                                         // row id | cluster
  for (const Entry& e : entries) {
    std::string period = query_internal::PeriodOf(e.date, t->interval);
    for (const auto& [id, name] : e.rows) {
      if (t->by != "outlet" && !e.cluster.empty() && !seen.insert(id + "|" + e.cluster).second) {
        continue;
      }
      TimelineCell& cell = cells[{id, period}];
      cell.row = name;
      cell.row_id = id;
      cell.period = period;
      Count(e, &cell);
      t->evidence.push_back({e.claim_id, name, period, Dashed(e.date), e.label, e.text, e.outlet,
                             e.title, e.url});
      rows[id].first = name;
      ++rows[id].second;
    }
  }
  std::vector<std::pair<std::string, std::pair<std::string, size_t>>> order(rows.begin(), rows.end());
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.second.second != b.second.second) return a.second.second > b.second.second;
    return a.second.first < b.second.first;
  });
  for (const auto& [id, row] : order) {
    t->rows.push_back(row.first);
    for (const std::string& period : t->periods) {
      auto it = cells.find({id, period});
      if (it != cells.end()) t->cells.push_back(it->second);
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
  Aggregate(entries, &t);
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
