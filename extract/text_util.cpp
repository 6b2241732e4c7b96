#include "extract/text_util.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstdint>
#include <cstring>

namespace claimdex {
namespace {

// Decodes one code point at `i` of valid-looking UTF-8; on a malformed byte returns the byte
// as-is with length 1 so that callers never loop forever.
char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + n > s.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

bool IsInvisible(char32_t cp) {
  return (cp < 0x20) || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x200B || cp == 0x200C ||
         cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // the common case, without decoding or appending a view
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        pending_space = !out.empty();
      } else if (c >= 0x20 && c != 0x7F) {
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    size_t len = 1;
    char32_t cp = DecodeAt(text, i, &len);
    if (IsSpace(cp)) {
      pending_space = !out.empty();
    } else if (!IsInvisible(cp)) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string NormalizeNfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? out : text;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Pages are mostly ASCII: skip it eight bytes at a time.
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    char32_t cp, min;
    if ((c >> 5) == 0x6) {
      n = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c >> 4) == 0xE) {
      n = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c >> 3) == 0x1E) {
      n = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

size_t CountCodePoints(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return AsciiLower(text.substr(0, prefix.size())) == AsciiLower(prefix);
}

namespace {

constexpr size_t kMinTelltales = 2;

// windows-1252's characters for bytes 0x80..0x9F (0 where the byte is undefined there).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte a code point stood for when UTF-8 was misread as Latin-1/windows-1252, or -1.
int ByteOf(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  for (int i = 0; i < 32; ++i) {
    if (kCp1252High[i] == cp) return 0x80 + i;
  }
  return -1;
}

// Decodes one code point of valid UTF-8 at `i`; `*len` gets its length.
char32_t DecodeAt(const std::string& s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  *len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  if (i + *len > s.size()) *len = 1;
  char32_t cp = *len == 1 ? c : *len == 2 ? (c & 0x1F) : *len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < *len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

}  // namespace

// The repaired bytes of the misread sequence starting at `i` ("" when there is none);
// `*end` gets the offset after it.
std::string RepairAt(const std::string& text, size_t i, size_t* end) {
  size_t len0 = 0;
  int lead = ByteOf(DecodeAt(text, i, &len0));
  size_t need = lead >= 0xC2 && lead <= 0xDF   ? 2
                : lead >= 0xE0 && lead <= 0xEF ? 3
                : lead >= 0xF0 && lead <= 0xF4 ? 4
                                               : 0;
  if (need == 0) return "";
  std::string bytes(1, static_cast<char>(lead));
  size_t j = i + len0;
  while (bytes.size() < need && j < text.size()) {
    size_t len = 0;
    int b = ByteOf(DecodeAt(text, j, &len));
    if (b < 0x80 || b > 0xBF) break;  // not a continuation byte
    bytes.push_back(static_cast<char>(b));
    j += len;
  }
  if (bytes.size() != need || !IsValidUtf8(bytes)) return "";
  *end = j;
  return bytes;
}

std::string RepairDoubleEncoding(const std::string& text) {
  // Without a 0xC3 byte there is no telltale, whatever the validity: return before validating.
  if (text.find('\xC3') == std::string::npos) return text;
  if (!IsValidUtf8(text)) return text;
  // Only on text that shows the telltale forms of misread Latin punctuation and letters
  // ("â€™", "Ã©", "Â ") at least twice: a lone "é”—" in French prose is left alone.
  size_t telltales = 0;
  for (size_t i = 0; i + 1 < text.size() && telltales < kMinTelltales; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned char d = static_cast<unsigned char>(text[i + 1]);
    bool latin_lead = c == 0xC3 && (d == 0x82 || d == 0x83 || d == 0xA2);  // Â Ã â
    size_t end = 0;
    if (latin_lead && !RepairAt(text, i, &end).empty()) ++telltales;
  }
  if (telltales < kMinTelltales) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t end = 0;
    std::string bytes = RepairAt(text, i, &end);
    if (!bytes.empty()) {
      out += bytes;
      i = end;
      continue;
    }
    size_t len = 0;
    DecodeAt(text, i, &len);
    out.append(text, i, len);
    i += len;
  }
  return out;
}

}  // namespace claimdex
