#include "corpus/json_scan.h"

#include <charconv>
#include <limits>

namespace claimdex {
namespace {

// Skip() gives up (false) below this many nested arrays and objects; the caller's fallback,
// nlohmann, has no such limit.
constexpr int kMaxDepth = 256;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The length of the well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF) at `s[i]`, a byte of 0x80 or more; 0 when ill-formed.
size_t Utf8Length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return byte(k) >= lo && byte(k) <= hi;
  };
  unsigned b = byte(0);
  if (b >= 0xC2 && b <= 0xDF) return cont(1) ? 2 : 0;
  if (b == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (b == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (b == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xF1 && b <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

}  // namespace

bool JsonScanner::ReadString(std::string* out) {
  if (pos_ >= text_.size() || text_[pos_] != '"') return false;
  ++pos_;
  if (out) out->clear();
  while (pos_ < text_.size()) {
    // The run of plain characters up to the next quote, escape, control or non-ASCII byte.
    size_t run = pos_;
    while (run < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[run]);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
      ++run;
    }
    if (out) out->append(text_.data() + pos_, run - pos_);
    pos_ = run;
    if (pos_ >= text_.size()) return false;
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c < 0x20) return false;
    if (c >= 0x80) {
      size_t n = Utf8Length(text_, pos_);
      if (n == 0) return false;
      if (out) out->append(text_.data() + pos_, n);
      pos_ += n;
      continue;
    }
    // An escape.
    if (pos_ + 1 >= text_.size()) return false;
    char e = text_[pos_ + 1];
    pos_ += 2;
    char plain = e == '"'    ? '"'
                 : e == '\\' ? '\\'
                 : e == '/'  ? '/'
                 : e == 'b'  ? '\b'
                 : e == 'f'  ? '\f'
                 : e == 'n'  ? '\n'
                 : e == 'r'  ? '\r'
                 : e == 't'  ? '\t'
                             : '\0';
    if (plain != '\0') {
      if (out) out->push_back(plain);
      continue;
    }
    if (e != 'u') return false;
    auto hex4 = [&](uint32_t* v) {
      if (pos_ + 4 > text_.size()) return false;
      *v = 0;
      for (size_t k = 0; k < 4; ++k) {
        int h = HexValue(text_[pos_ + k]);
        if (h < 0) return false;
        *v = *v * 16 + static_cast<uint32_t>(h);
      }
      pos_ += 4;
      return true;
    };
    uint32_t cp = 0;
    if (!hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate with no high one
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = 0;
      if (pos_ + 2 > text_.size() || text_[pos_] != '\\' || text_[pos_ + 1] != 'u') return false;
      pos_ += 2;
      if (!hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (out) AppendUtf8(cp, out);
  }
  return false;
}

bool JsonScanner::String(std::string* out) { return Peek() == '"' && ReadString(out); }

bool JsonScanner::NumberToken(std::string_view* token, bool* integer) {
  SkipSpace();
  size_t start = pos_, i = pos_, n = text_.size();
  auto digit = [&](size_t k) { return k < n && text_[k] >= '0' && text_[k] <= '9'; };
  if (i < n && text_[i] == '-') ++i;
  if (!digit(i)) return false;
  if (text_[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  *integer = true;
  if (i < n && text_[i] == '.') {
    *integer = false;
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < n && (text_[i] == 'e' || text_[i] == 'E')) {
    *integer = false;
    ++i;
    if (i < n && (text_[i] == '+' || text_[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  *token = text_.substr(start, i - start);
  pos_ = i;
  return true;
}

bool JsonScanner::Unsigned(uint64_t* out) {
  std::string_view t;
  bool integer = false;
  if (!NumberToken(&t, &integer) || !integer || t[0] == '-') return false;
  auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

bool JsonScanner::Integer(int64_t* out) {
  std::string_view t;
  bool integer = false;
  if (!NumberToken(&t, &integer) || !integer) return false;
  auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

bool JsonScanner::Number(double* out) {
  std::string_view t;
  bool integer = false;
  if (!NumberToken(&t, &integer)) return false;
  const char* end = t.data() + t.size();
  if (integer) {  // nlohmann keeps an integer token as an integer ("-0" is 0, not -0.0)
    if (t[0] == '-') {
      int64_t v = 0;
      auto r = std::from_chars(t.data(), end, v);
      if (r.ec != std::errc() || r.ptr != end) return false;
      *out = static_cast<double>(v);
    } else {
      uint64_t v = 0;
      auto r = std::from_chars(t.data(), end, v);
      if (r.ec != std::errc() || r.ptr != end) return false;
      *out = static_cast<double>(v);
    }
    return true;
  }
  auto r = std::from_chars(t.data(), end, *out);
  return r.ec == std::errc() && r.ptr == end;
}

bool JsonScanner::Literal(std::string_view word) {
  SkipSpace();
  if (text_.substr(pos_, word.size()) != word) return false;
  pos_ += word.size();
  return true;
}

bool JsonScanner::TakeNull() { return Peek() == 'n' && Literal("null"); }

bool JsonScanner::Skip() { return SkipDepth(0); }

bool JsonScanner::SkipDepth(int depth) {
  if (depth > kMaxDepth) return false;
  switch (Peek()) {
    case '"':
      return ReadString(nullptr);
    case '{':
      return Object([&](const std::string&) { return SkipDepth(depth + 1); });
    case '[':
      return Array([&] { return SkipDepth(depth + 1); });
    case 't':
      return Literal("true");
    case 'f':
      return Literal("false");
    case 'n':
      return Literal("null");
    default: {
      // nlohmann refuses a number whose value overflows a double ("1E5555", or an integer too
      // long for 64 bits and for a double), so a skipped number must convert too. from_chars
      // also refuses an underflow nlohmann would read as 0; refusing more only falls back.
      std::string_view t;
      bool integer = false;
      if (!NumberToken(&t, &integer)) return false;
      double value = 0;
      auto r = std::from_chars(t.data(), t.data() + t.size(), value);
      return r.ec == std::errc() && r.ptr == t.data() + t.size();
    }
  }
}

bool JsonScanner::AtEnd() {
  SkipSpace();
  return pos_ == text_.size();
}

}  // namespace claimdex
