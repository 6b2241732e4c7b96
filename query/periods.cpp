#include "query/periods.h"

#include <cstdio>

namespace claimdex::query_internal {
namespace {

struct Ymd {
  int y, m, d;
};

Ymd Parse(const std::string& v) {
  return {std::stoi(v.substr(0, 4)), std::stoi(v.substr(4, 2)), std::stoi(v.substr(6, 2))};
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long DaysFromCivil(Ymd t) {
  int y = t.y - (t.m <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (t.m + (t.m > 2 ? -3 : 9)) + 2) / 5 + t.d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd CivilFromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

// 0 = Monday .. 6 = Sunday; 1970-01-01 was a Thursday.
int Weekday(long days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

std::string IsoWeek(long days) {
  long thursday = days - Weekday(days) + 3;  // the week's Thursday decides its year
  Ymd t = CivilFromDays(thursday);
  long jan1 = DaysFromCivil({t.y, 1, 1});
  int week = static_cast<int>((thursday - jan1) / 7 + 1);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", t.y, week);
  return buf;
}

std::string Month(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

std::string Quarter(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-Q%d", y, (m - 1) / 3 + 1);
  return buf;
}

const char* const kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The Monday of ISO week `week` of ISO year `year`: week 1 holds 4 January.
Ymd IsoWeekMonday(int year, int week) {
  long jan4 = DaysFromCivil({year, 1, 4});
  return CivilFromDays(jan4 - Weekday(jan4) + 7L * (week - 1));
}

}  // namespace

PeriodLabel LabelOf(const std::string& period) {
  if (period.size() < 7 || period[4] != '-' || !AllDigits(period.substr(0, 4))) return {period, ""};
  std::string year = period.substr(0, 4);
  std::string rest = period.substr(5);
  if (rest.size() == 2 && AllDigits(rest)) {
    int m = std::stoi(rest);
    if (m >= 1 && m <= 12) return {kMonthNames[m - 1], year};
  } else if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    return {rest, year};
  } else if (rest.size() == 3 && rest[0] == 'W' && AllDigits(rest.substr(1))) {
    int week = std::stoi(rest.substr(1));
    if (week >= 1 && week <= 53) {
      Ymd monday = IsoWeekMonday(std::stoi(year), week);
      return {std::to_string(monday.d) + " " + kMonthNames[monday.m - 1], std::to_string(monday.y)};
    }
  }
  return {period, ""};
}

std::string ReadableDate(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return date;
  std::string y = date.substr(0, 4), m = date.substr(5, 2), d = date.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return date;
  int month = std::stoi(m);
  if (month < 1 || month > 12) return date;
  return std::to_string(std::stoi(d)) + " " + kMonthNames[month - 1] + " " + y;
}

std::string PeriodOf(const std::string& yyyymmdd, const std::string& interval) {
  Ymd t = Parse(yyyymmdd);
  if (interval == "week") return IsoWeek(DaysFromCivil(t));
  if (interval == "quarter") return Quarter(t.y, t.m);
  return Month(t.y, t.m);
}

std::vector<std::string> PeriodsBetween(const std::string& first, const std::string& last,
                                        const std::string& interval) {
  std::vector<std::string> out;
  Ymd a = Parse(first), b = Parse(last);
  if (interval == "week") {
    long start = DaysFromCivil(a), end = DaysFromCivil(b);
    for (long d = start - Weekday(start); d <= end; d += 7) out.push_back(IsoWeek(d));
    return out;
  }
  int step = interval == "quarter" ? 3 : 1;
  int y = a.y, m = interval == "quarter" ? (a.m - 1) / 3 * 3 + 1 : a.m;
  while (y < b.y || (y == b.y && m <= b.m)) {
    out.push_back(interval == "quarter" ? Quarter(y, m) : Month(y, m));
    m += step;
    if (m > 12) {
      m -= 12;
      ++y;
    }
  }
  return out;
}

}  // namespace claimdex::query_internal
