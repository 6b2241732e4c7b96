// Dates as pages write them -> "YYYY-MM-DD". ISO 8601 and RFC 3339 ("2025-02-22",
// "2025-02-22T09:12:00+00:00"), slashed and dotted forms, month names in English in either
// order ("Saturday, February 22, 2025", "14 Jan 2025", "Feb. 6th, 2025"), RFC 822
// ("Sat, 22 Feb 2025 10:00:00 GMT"), and CJK ("2025年2月6日"). Ambiguous all-numeric day/month
// forms other than Y-M-D and D.M.Y are not guessed: "2/24/2026" and "24/2/2026" are read (one
// part exceeds 12), "2/3/2026" is not.
#ifndef CLAIMDEX_EXTRACT_DATES_H_
#define CLAIMDEX_EXTRACT_DATES_H_

#include <string>
#include <string_view>

namespace claimdex {

// The first plausible date (years 1990..2099, a real calendar day) in `text`, or "".
// Only the first 512 bytes are searched (bounded time on any input).
std::string FindDate(std::string_view text);

// A date written into a URL path: /2025/02/22/, /2025-02-22-slug, /20250222/; or "".
std::string DateFromUrl(std::string_view url);

// True when `ymd` ("YYYY-MM-DD") is after `limit_ymd`; false when either is empty.
bool IsAfter(const std::string& ymd, const std::string& limit_ymd);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_DATES_H_
