// Stance timelines: claims grouped by speaker, entity or outlet and by week, month or quarter,
// with counts, support/oppose/mixed, net stance and evidence; exported as CSV, JSON, SVG.
#ifndef CLAIMDEX_QUERY_TIMELINE_H_
#define CLAIMDEX_QUERY_TIMELINE_H_

#include <string>
#include <vector>

#include "corpus/status.h"

namespace claimdex {

struct TimelineOptions {
  std::string target;              // target id; empty: the target with the most claims
  std::string target_name;         // display name for titles (the profile's Target::name);
                                   // empty: the id with '-' as spaces
  std::string by = "speaker";      // "speaker" | "entity" | "outlet"
  std::string interval = "month";  // "week" | "month" | "quarter"
  std::string since, until;        // YYYY-MM-DD inclusive, may be empty
  size_t max_rows = 20;            // rows (most claims first) in SVG/HTML
  size_t max_evidence = 2000;      // evidence rows kept (oldest first); the rest are counted in
                                   // Timeline::evidence_total and listed in the cells' claim_ids
  bool parallel = true;            // read the stance and speaker posting lists on a second
                                   // thread, with a handle of its own on the index; false: all
                                   // on the calling thread. The timeline is the same.
};
// Counting rules: only dated claims with a stance on the target count (an undated claim cannot
// be placed in a period). With by=speaker, claims without a speaker or by an unnamed source
// ("U.S. officials") are left out. With by=speaker or by=entity, the same quote carried by
// several outlets (one quote cluster) counts once per row, in the period of its earliest
// capture; with by=outlet each outlet's copy counts for that outlet. A claim with several
// entities counts in each entity's row.

struct TimelineCell {
  std::string row;     // speaker/entity/outlet display name
  std::string row_id;
  std::string period;  // "2025-02", "2025-W07", "2025-Q1"
  size_t claims = 0, support = 0, oppose = 0, mixed = 0, neutral = 0;
  double net = 0;  // (support - oppose) / claims, in [-1, 1]
  // Every counted claim's id, oldest first, and the URLs of their articles, each once, in the
  // order first seen; both space-separated (claim ids have no spaces; a space in a URL is
  // written %20): one string per cell rather than one per claim, as a timeline over a whole
  // index lists millions of ids. TimelineJson gives them as arrays.
  std::string claim_ids;
  std::string urls;
};

// One counted claim, for the evidence table under the chart.
struct TimelineEvidence {
  std::string claim_id, row, period;
  std::string date;   // YYYY-MM-DD
  std::string label;  // the claim's stance on the target
  std::string text, outlet, title, url;
};

struct Timeline {
  std::string target, target_name, by, interval, since, until;
  std::vector<std::string> rows;     // most claims first
  std::vector<std::string> periods;  // chronological, contiguous
  std::vector<TimelineCell> cells;   // non-empty cells only, in row order then period order
  size_t max_rows = 20;              // from TimelineOptions, for the SVG
  std::vector<TimelineEvidence> evidence;  // counted claims, oldest first (index order within
                                           // a day), at most TimelineOptions::max_evidence
  size_t evidence_total = 0;               // every counted claim
};

// kInvalidInput for a bad --by, --interval or date; kNotFound when the database is missing or
// the target has no claims (the message lists the targets that have some).
Result<Timeline> BuildTimeline(const std::string& db_path, const TimelineOptions& options);
// CSV (RFC 4180, header row): row,period,claims,support,oppose,mixed,neutral,net,claim_ids,urls
// with ids and URLs space-separated (as in TimelineCell). JSON: one pretty-printed object with
// every field, ids and URLs as arrays. SVG: a standalone grid chart (rows x periods, colour =
// net stance, size = claims); all crawled text XML-escaped.
std::string TimelineCsv(const Timeline& t);
std::string TimelineJson(const Timeline& t);
std::string TimelineSvg(const Timeline& t);
// A standalone HTML page: the SVG chart, then the evidence table (date, row, stance, claim,
// outlet, link). Every crawled string is escaped; only http(s) URLs become links.
std::string TimelineHtml(const Timeline& t);

}  // namespace claimdex

#endif  // CLAIMDEX_QUERY_TIMELINE_H_
