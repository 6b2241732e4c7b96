#include "extract/dates.h"

#include <fmt/format.h>

#include <regex>
#include <string>

#include "extract/text_util.h"

namespace claimdex {
namespace {

constexpr size_t kMaxSearchBytes = 512;

const char kMonths[] =
    "(january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

int MonthNumber(const std::string& name) {
  static const char* const kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = AsciiLower(name).substr(0, 3);
  for (int i = 0; i < 12; ++i) {
    if (lower == kNames[i]) return i + 1;
  }
  return 0;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::string Ymd(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1) return "";
  int max_day = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  if (d > max_day) return "";
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

struct Pattern {
  std::regex re;
  int year, month, day;  // capture group numbers
  bool month_name;
  bool either_order = false;  // "d/m/yyyy" or "m/d/yyyy": only read when one part exceeds 12
};

const std::vector<Pattern>& Patterns() {
  static const std::vector<Pattern> kPatterns = [] {
    auto icase = std::regex::ECMAScript | std::regex::icase;
    std::string months = kMonths;
    std::vector<Pattern> p;
    p.push_back(
        {std::regex(R"((?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))"), 1, 2, 3, false});
    p.push_back({std::regex(R"((?:^|[^a-z]))" + months +
                                R"(\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d))",
                            icase),
                 3, 1, 2, true});
    p.push_back({std::regex(R"((?:^|[^\d])(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?)" + months +
                                R"(\.?,?\s+(\d{4})(?!\d))",
                            icase),
                 3, 2, 1, true});
    p.push_back({std::regex("(\\d{4})\\s*\xE5\xB9\xB4\\s*(\\d{1,2})\\s*\xE6\x9C\x88\\s*(\\d{1,2})"
                            "\\s*\xE6\x97\xA5"),
                 1, 2, 3, false});
    p.push_back(
        {std::regex(R"((?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]))"), 3, 2, 1, false});
    p.push_back({std::regex(R"((?:^|[^\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/]))"), 3, 1, 2, false,
                 true});
    return p;
  }();
  return kPatterns;
}

}  // namespace

// Scans with std::regex, which may throw on pathological input.
static std::string FindDateOrThrow(std::string_view text) {
  std::string s(text.substr(0, std::min(text.size(), kMaxSearchBytes)));
  std::string best;
  std::ptrdiff_t best_pos = -1;
  for (const Pattern& p : Patterns()) {
    std::smatch m;
    auto begin = s.cbegin();
    // A pattern may match an impossible date first ("2025-13-45"); try its later matches.
    while (std::regex_search(begin, s.cend(), m, p.re)) {
      std::ptrdiff_t pos = (begin - s.cbegin()) + m.position(0);
      if (best_pos >= 0 && pos >= best_pos) break;
      int month = p.month_name ? MonthNumber(m[p.month].str()) : std::stoi(m[p.month].str());
      int day = std::stoi(m[p.day].str());
      if (p.either_order && month > 12) std::swap(month, day);
      std::string ymd;
      // Both parts 12 or less: day and month cannot be told apart, so no date is guessed.
      if (!p.either_order || day > 12) ymd = Ymd(std::stoi(m[p.year].str()), month, day);
      if (!ymd.empty()) {
        best = ymd, best_pos = pos;
        break;
      }
      begin += m.position(0) + std::max<std::ptrdiff_t>(1, m.length(0));
    }
  }
  return best;
}

std::string FindDate(std::string_view text) {
  try {
    return FindDateOrThrow(text);
  } catch (const std::regex_error&) {
    return "";  // regex_search gave up (complexity); treat as no date
  }
}

std::string DateFromUrl(std::string_view url) {
  static const std::regex kSlashed(
      R"([/_-]((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$))");
  static const std::regex kCompact(R"([/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$))");
  std::string s(url.substr(0, std::min<size_t>(url.size(), 2048)));
  size_t q = s.find_first_of("?#");
  if (q != std::string::npos) s.resize(q);
  for (const std::regex* re : {&kSlashed, &kCompact}) {
    std::smatch m;
    if (std::regex_search(s, m, *re)) {
      std::string ymd = Ymd(std::stoi(m[1].str()), std::stoi(m[2].str()), std::stoi(m[3].str()));
      if (!ymd.empty()) return ymd;
    }
  }
  return "";
}

bool IsAfter(const std::string& ymd, const std::string& limit_ymd) {
  if (ymd.size() < 10 || limit_ymd.size() < 10) return false;
  return ymd.substr(0, 10) > limit_ymd.substr(0, 10);
}

}  // namespace claimdex
