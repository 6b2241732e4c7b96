#include "extract/dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

namespace claimdex {
namespace {

// FindDate runs on many text nodes of every page, so the date forms are matched by small
// hand-written scanners (std::regex took about a fifth of all extraction time). Each scanner
// accepts exactly what the documented pattern beside it accepts, including where a match starts.

constexpr size_t kMaxSearchBytes = 512;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

// The byte at `i`, or '\0' past the end (no scanner accepts '\0' where it needs a byte).
char At(std::string_view s, size_t i) { return i < s.size() ? s[i] : '\0'; }

size_t DigitRun(std::string_view s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && IsDigit(s[i + n])) ++n;
  return n;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

int Number(std::string_view s, size_t i, size_t n) {
  int v = 0;
  for (size_t k = 0; k < n; ++k) v = v * 10 + (s[i + k] - '0');
  return v;
}

// True when `word` (lower case ASCII) is at s[i..], ignoring ASCII case.
bool HasWordAt(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - std::min(s.size(), i) < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (Lower(s[i + k]) != word[k]) return false;
  }
  return true;
}

// Consumes an ordinal suffix ("st", "nd", "rd", "th", any case) at `*i` when there is one.
void SkipOrdinal(std::string_view s, size_t* i) {
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (HasWordAt(s, *i, suffix)) {
      *i += 2;
      return;
    }
  }
}

struct MonthName {
  std::string_view name;
  int number;
};

// In the order the alternation tried them; at most one can be followed by a non-letter.
constexpr MonthName kMonthNames[] = {
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},
    {"june", 6},    {"july", 7},     {"august", 8},    {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},      {"mar", 3},
    {"apr", 4},     {"jun", 6},      {"jul", 7},       {"aug", 8},      {"sept", 9},
    {"sep", 9},     {"oct", 10},     {"nov", 11},      {"dec", 12}};

// A quick test before trying the 24 names: j f m a s o n d, any case.
bool IsMonthInitial(char c) {
  switch (Lower(c)) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd':
      return true;
    default:
      return false;
  }
}

struct DateMatch {
  size_t end = 0;  // one past the last byte of the match
  int year = 0, month = 0, day = 0;
};

// A match of one pattern starting at `p`; `at_begin` is true where "^" may match (the start of
// the current search, as with std::regex_search on a sub-range).
using Matcher = bool (*)(std::string_view s, size_t p, bool at_begin, DateMatch* m);

// Where the digits of a "(?:^|[^<excluded>])" prefixed pattern start when the match starts at
// `p`: each candidate in the order the alternation tries them.
template <typename Rest>
bool WithPrefix(std::string_view s, size_t p, bool at_begin, bool (*excluded)(char), Rest rest) {
  if (at_begin && rest(p)) return true;
  return p < s.size() && !excluded(s[p]) && rest(p + 1);
}

bool IsDigitOrDot(char c) { return IsDigit(c) || c == '.'; }
bool IsDigitOrSlash(char c) { return IsDigit(c) || c == '/'; }
bool IsDateSeparator(char c) { return c == '-' || c == '/' || c == '.'; }

// (?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)
bool MatchYmd(std::string_view s, size_t p, bool at_begin, DateMatch* m) {
  return WithPrefix(s, p, at_begin, IsDigit, [&](size_t q) {
    if (DigitRun(s, q) != 4 || !IsDateSeparator(At(s, q + 4))) return false;
    size_t mi = q + 5, mn = DigitRun(s, mi);
    if (mn < 1 || mn > 2 || !IsDateSeparator(At(s, mi + mn))) return false;
    size_t di = mi + mn + 1, dn = DigitRun(s, di);
    if (dn < 1 || dn > 2) return false;
    *m = {di + dn, Number(s, q, 4), Number(s, mi, mn), Number(s, di, dn)};
    return true;
  });
}

// \s+(\d{4})(?!\d) at `i`: the year after a month name and day.
bool MatchSpacedYear(std::string_view s, size_t i, DateMatch* m) {
  size_t yi = SkipSpaces(s, i);
  if (yi == i || DigitRun(s, yi) != 4) return false;
  m->year = Number(s, yi, 4);
  m->end = yi + 4;
  return true;
}

// (?:^|[^a-z])MONTH\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d), ignoring case
bool MatchMonthDayYear(std::string_view s, size_t p, bool at_begin, DateMatch* m) {
  return WithPrefix(s, p, at_begin, IsAsciiLetter, [&](size_t q) {
    if (!IsMonthInitial(At(s, q))) return false;
    for (const MonthName& month : kMonthNames) {
      if (!HasWordAt(s, q, month.name)) continue;
      size_t i = q + month.name.size();
      if (At(s, i) == '.') ++i;
      size_t di = SkipSpaces(s, i);
      size_t dn = DigitRun(s, di);
      if (di == i || dn < 1 || dn > 2) continue;
      i = di + dn;
      SkipOrdinal(s, &i);
      if (At(s, i) == ',') ++i;
      if (!MatchSpacedYear(s, i, m)) continue;
      m->month = month.number;
      m->day = Number(s, di, dn);
      return true;
    }
    return false;
  });
}

// (?:^|[^\d])(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?MONTH\.?,?\s+(\d{4})(?!\d), ignoring case
bool MatchDayMonthYear(std::string_view s, size_t p, bool at_begin, DateMatch* m) {
  return WithPrefix(s, p, at_begin, IsDigit, [&](size_t q) {
    size_t dn = DigitRun(s, q);
    if (dn < 1 || dn > 2) return false;
    size_t i = q + dn;
    SkipOrdinal(s, &i);
    if (At(s, i) == '.') ++i;
    size_t mi = SkipSpaces(s, i);
    if (mi == i) return false;
    if (HasWordAt(s, mi, "of")) {
      size_t after_of = SkipSpaces(s, mi + 2);
      if (after_of == mi + 2) return false;  // "of" not followed by a space: no month can start
      mi = after_of;
    }
    if (!IsMonthInitial(At(s, mi))) return false;
    for (const MonthName& month : kMonthNames) {
      if (!HasWordAt(s, mi, month.name)) continue;
      size_t j = mi + month.name.size();
      if (At(s, j) == '.') ++j;
      if (At(s, j) == ',') ++j;
      if (!MatchSpacedYear(s, j, m)) continue;
      m->month = month.number;
      m->day = Number(s, q, dn);
      return true;
    }
    return false;
  });
}

// (\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日
bool MatchCjk(std::string_view s, size_t p, bool, DateMatch* m) {
  static constexpr std::string_view kYear = "\xE5\xB9\xB4", kMonth = "\xE6\x9C\x88",
                                    kDay = "\xE6\x97\xA5";
  if (DigitRun(s, p) != 4) return false;
  size_t i = SkipSpaces(s, p + 4);
  if (s.substr(i, kYear.size()) != kYear) return false;
  size_t mi = SkipSpaces(s, i + kYear.size()), mn = DigitRun(s, mi);
  if (mn < 1 || mn > 2) return false;
  i = SkipSpaces(s, mi + mn);
  if (s.substr(i, kMonth.size()) != kMonth) return false;
  size_t di = SkipSpaces(s, i + kMonth.size()), dn = DigitRun(s, di);
  if (dn < 1 || dn > 2) return false;
  i = SkipSpaces(s, di + dn);
  if (s.substr(i, kDay.size()) != kDay) return false;
  *m = {i + kDay.size(), Number(s, p, 4), Number(s, mi, mn), Number(s, di, dn)};
  return true;
}

// (?:^|[^\d<sep>])(\d{1,2})<sep>(\d{1,2})<sep>(\d{4})(?![\d<sep>]); the first number is the
// day when `day_first`.
template <char kSep, bool kDayFirst>
bool MatchNumericDmy(std::string_view s, size_t p, bool at_begin, DateMatch* m) {
  auto excluded = kSep == '.' ? IsDigitOrDot : IsDigitOrSlash;
  return WithPrefix(s, p, at_begin, excluded, [&](size_t q) {
    size_t an = DigitRun(s, q);
    if (an < 1 || an > 2 || At(s, q + an) != kSep) return false;
    size_t bi = q + an + 1, bn = DigitRun(s, bi);
    if (bn < 1 || bn > 2 || At(s, bi + bn) != kSep) return false;
    size_t yi = bi + bn + 1;
    if (DigitRun(s, yi) != 4 || At(s, yi + 4) == kSep) return false;
    int a = Number(s, q, an), b = Number(s, bi, bn);
    *m = {yi + 4, Number(s, yi, 4), kDayFirst ? b : a, kDayFirst ? a : b};
    return true;
  });
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
  Matcher match;
  bool either_order = false;  // "d/m/yyyy" or "m/d/yyyy": only read when one part exceeds 12
};

constexpr Pattern kPatterns[] = {
    {MatchYmd},
    {MatchMonthDayYear},
    {MatchDayMonthYear},
    {MatchCjk},
    {MatchNumericDmy<'.', true>},
    {MatchNumericDmy<'/', false>, true},
};

// The leftmost match at or after `from`, as regex_search would find it; its start in `*pos`.
bool Search(std::string_view s, size_t from, Matcher match, DateMatch* m, size_t* pos) {
  for (size_t p = from; p < s.size(); ++p) {
    if (match(s, p, p == from, m)) {
      *pos = p;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string FindDate(std::string_view text) {
  std::string_view s = text.substr(0, std::min(text.size(), kMaxSearchBytes));
  std::string best;
  size_t best_pos = std::string_view::npos;
  for (const Pattern& p : kPatterns) {
    DateMatch m;
    size_t pos = 0;
    // A pattern may match an impossible date first ("2025-13-45"); try its later matches.
    for (size_t from = 0; Search(s, from, p.match, &m, &pos); from = m.end) {
      if (pos >= best_pos) break;
      int month = m.month, day = m.day;
      if (p.either_order && month > 12) std::swap(month, day);
      std::string ymd;
      // Both parts 12 or less: day and month cannot be told apart, so no date is guessed.
      if (!p.either_order || day > 12) ymd = Ymd(m.year, month, day);
      if (!ymd.empty()) {
        best = ymd, best_pos = pos;
        break;
      }
    }
  }
  return best;
}

namespace {

bool IsUrlSeparator(char c) { return c == '/' || c == '_' || c == '-'; }

bool IsCentury(std::string_view s, size_t i) {
  return (s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0');
}

// (?:[/_.-]|$) at `i`.
bool UrlPartEnds(std::string_view s, size_t i) {
  return i == s.size() || IsUrlSeparator(s[i]) || s[i] == '.';
}

// [/_-]((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)
bool MatchSlashedUrlDate(std::string_view s, size_t p, DateMatch* m) {
  if (!IsUrlSeparator(s[p]) || DigitRun(s, p + 1) != 4 || !IsCentury(s, p + 1) ||
      !IsUrlSeparator(At(s, p + 5))) {
    return false;
  }
  size_t mi = p + 6, mn = DigitRun(s, mi);
  if (mn < 1 || mn > 2 || !IsUrlSeparator(At(s, mi + mn))) return false;
  size_t di = mi + mn + 1, dn = DigitRun(s, di);
  if (dn < 1 || dn > 2 || !UrlPartEnds(s, di + dn)) return false;
  *m = {di + dn, Number(s, p + 1, 4), Number(s, mi, mn), Number(s, di, dn)};
  return true;
}

// [/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)
bool MatchCompactUrlDate(std::string_view s, size_t p, DateMatch* m) {
  if (!IsUrlSeparator(s[p]) || DigitRun(s, p + 1) < 8 || !IsCentury(s, p + 1) ||
      !UrlPartEnds(s, p + 9)) {
    return false;
  }
  *m = {p + 9, Number(s, p + 1, 4), Number(s, p + 5, 2), Number(s, p + 7, 2)};
  return true;
}

}  // namespace

std::string DateFromUrl(std::string_view url) {
  std::string_view s = url.substr(0, std::min<size_t>(url.size(), 2048));
  size_t q = s.find_first_of("?#");
  if (q != std::string_view::npos) s = s.substr(0, q);
  // Only the first match of each form is read, as before.
  for (auto match : {MatchSlashedUrlDate, MatchCompactUrlDate}) {
    for (size_t p = 0; p < s.size(); ++p) {
      DateMatch m;
      if (!match(s, p, &m)) continue;
      std::string ymd = Ymd(m.year, m.month, m.day);
      if (!ymd.empty()) return ymd;
      break;
    }
  }
  return "";
}

bool IsAfter(const std::string& ymd, const std::string& limit_ymd) {
  if (ymd.size() < 10 || limit_ymd.size() < 10) return false;
  return ymd.substr(0, 10) > limit_ymd.substr(0, 10);
}

}  // namespace claimdex
