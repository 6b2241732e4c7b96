// Small text helpers shared by the article half of the extractor: whitespace normalisation,
// NFC, ASCII case folding, and UTF-8 validation. All functions take and return UTF-8.
#ifndef CLAIMDEX_EXTRACT_TEXT_UTIL_H_
#define CLAIMDEX_EXTRACT_TEXT_UTIL_H_

#include <string>
#include <string_view>

namespace claimdex {

// Collapses every run of whitespace (ASCII, NBSP, the U+2000 spaces, U+3000, line and paragraph
// separators) into one space, drops control characters and zero-width characters, and trims.
std::string CollapseWhitespace(std::string_view text);

// NFC form of valid UTF-8 text (ICU). Returns the input unchanged when it is already NFC or
// when ICU reports an error.
std::string NormalizeNfc(const std::string& text);

// ASCII lower-case copy.
std::string AsciiLower(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view text);

// Number of code points (bytes that are not UTF-8 continuation bytes).
size_t CountCodePoints(std::string_view text);

// Repairs UTF-8 that was decoded once more as Latin-1 or windows-1252 and re-encoded
// ("Investorâ€™s" -> "Investor’s", "cafÃ©" -> "café"): each run of 2 to 4 code points that,
// read back as single bytes, forms exactly one valid multi-byte UTF-8 sequence is replaced by
// it. Only text with at least two such runs led by "Â", "Ã" or "â" is touched, so that
// real Latin-1 letters next to punctuation are left alone. Invalid UTF-8 is returned as is.
std::string RepairDoubleEncoding(const std::string& text);

// True when `text` starts with `prefix`, ignoring ASCII case.
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_TEXT_UTIL_H_
