// Internal to the query module: calendar periods for timelines (ISO weeks, months, quarters).
#ifndef CLAIMDEX_QUERY_PERIODS_H_
#define CLAIMDEX_QUERY_PERIODS_H_

#include <string>
#include <vector>

namespace claimdex::query_internal {

// The period a "YYYYMMDD" date falls in: "2025-W07" (ISO 8601 week, its year may differ from
// the calendar year near New Year), "2025-02", or "2025-Q1". `interval` is "week", "month" or
// "quarter" (anything else is treated as "month").
std::string PeriodOf(const std::string& yyyymmdd, const std::string& interval);

// Every period from the one holding `first` to the one holding `last` ("YYYYMMDD",
// first <= last), in order, with no gaps.
std::vector<std::string> PeriodsBetween(const std::string& first, const std::string& last,
                                        const std::string& interval);

// How a period reads on a chart axis: `label` is short ("Feb", "10 Feb" for the week starting
// Monday 10 February, "Q1") and `year` the year it belongs to ("2025"; for a week, its Monday's
// calendar year). An unparseable period gives itself as the label and an empty year.
struct PeriodLabel {
  std::string label, year;
};
PeriodLabel LabelOf(const std::string& period);

// "2025-02-22" -> "22 Feb 2025"; anything not YYYY-MM-DD is returned as is.
std::string ReadableDate(const std::string& date);

}  // namespace claimdex::query_internal

#endif  // CLAIMDEX_QUERY_PERIODS_H_
