// Stance timelines: claims grouped by speaker, entity or outlet and by week, month or quarter,
// with counts, support/oppose/mixed, net stance and evidence; exported as CSV, JSON, SVG.
#ifndef CLAIMDEX_QUERY_TIMELINE_H_
#define CLAIMDEX_QUERY_TIMELINE_H_

#include <string>
#include <vector>

#include "corpus/status.h"

namespace claimdex {

struct TimelineOptions {
  std::string target;              // target id; empty: the first target found
  std::string by = "speaker";      // "speaker" | "entity" | "outlet"
  std::string interval = "month";  // "week" | "month" | "quarter"
  std::string since, until;        // YYYY-MM-DD inclusive, may be empty
  size_t max_rows = 20;            // rows (most claims first) in SVG/HTML
};

struct TimelineCell {
  std::string row;     // speaker/entity/outlet display name
  std::string row_id;
  std::string period;  // "2025-02", "2025-W07", "2025-Q1"
  size_t claims = 0, support = 0, oppose = 0, mixed = 0, neutral = 0;
  double net = 0;  // (support - oppose) / claims, in [-1, 1]
  std::vector<std::string> claim_ids;
  std::vector<std::string> urls;
};

struct Timeline {
  std::string target, target_name, by, interval, since, until;
  std::vector<std::string> rows;     // most claims first
  std::vector<std::string> periods;  // chronological, contiguous
  std::vector<TimelineCell> cells;   // non-empty cells only
};

Result<Timeline> BuildTimeline(const std::string& db_path, const TimelineOptions& options);
std::string TimelineCsv(const Timeline& t);
std::string TimelineJson(const Timeline& t);
std::string TimelineSvg(const Timeline& t);

}  // namespace claimdex

#endif  // CLAIMDEX_QUERY_TIMELINE_H_
