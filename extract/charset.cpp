#include "extract/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <memory>
#include <vector>

#include "extract/text_util.h"

namespace claimdex {
namespace {

constexpr size_t kPrescanBytes = 1024;
constexpr int32_t kMinDetectorConfidence = 30;
// Above this share of malformed non-ASCII sequences a declared UTF-8 is not believed.
constexpr double kMaxInvalidUtf8Share = 0.2;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '"' || s[b] == '\'')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '"' || s[e - 1] == '\'' ||
                   s[e - 1] == ';'))
    --e;
  return std::string(s.substr(b, e - b));
}

// The value after "charset=" in a Content-Type-like string, or "".
std::string CharsetParam(std::string_view value) {
  std::string lower = AsciiLower(value);
  size_t pos = lower.find("charset");
  if (pos == std::string::npos) return "";
  pos += 7;
  while (pos < lower.size() && lower[pos] == ' ') ++pos;
  if (pos >= lower.size() || lower[pos] != '=') return "";
  ++pos;
  size_t end = pos;
  while (end < lower.size() && lower[end] == ' ') ++end;
  pos = end;
  while (end < lower.size() && lower[end] != ';' && lower[end] != ',' && lower[end] != ' ' &&
         lower[end] != '>')
    ++end;
  return Trim(std::string_view(lower).substr(pos, end - pos));
}

// Attributes of one tag starting after "<meta", up to '>'. Lenient: unquoted values allowed.
void ParseMetaAttributes(std::string_view s, size_t pos, std::string* charset,
                         std::string* http_equiv, std::string* content) {
  while (pos < s.size() && s[pos] != '>') {
    while (pos < s.size() &&
           (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r' || s[pos] == '/'))
      ++pos;
    size_t name_start = pos;
    while (pos < s.size() && s[pos] != '=' && s[pos] != '>' && s[pos] != ' ' && s[pos] != '/')
      ++pos;
    std::string name = AsciiLower(s.substr(name_start, pos - name_start));
    std::string value;
    if (pos < s.size() && s[pos] == '=') {
      ++pos;
      if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
        char q = s[pos++];
        size_t end = s.find(q, pos);
        if (end == std::string_view::npos) end = s.size();
        value = s.substr(pos, end - pos);
        pos = end + 1;
      } else {
        size_t start = pos;
        while (pos < s.size() && s[pos] != ' ' && s[pos] != '>') ++pos;
        value = s.substr(start, pos - start);
      }
    }
    if (name.empty() && pos < s.size() && s[pos] != '>') ++pos;
    if (name == "charset") *charset = Trim(value);
    if (name == "http-equiv") *http_equiv = AsciiLower(Trim(value));
    if (name == "content") *content = value;
  }
}

bool CanOpen(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(name.c_str(), &status));
  return U_SUCCESS(status) && conv != nullptr;
}

// Converts with ICU. First strictly (to learn whether anything is invalid), then with the
// substitute callback so invalid bytes become U+FFFD.
bool ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string* out,
                   bool* replaced) {
  for (int pass = 0; pass < 2; ++pass) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr conv(ucnv_open(charset.c_str(), &status));
    if (U_FAILURE(status)) return false;
    if (pass == 0) {
      ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    } else {
      static const UChar kReplacement[] = {0xFFFD};
      ucnv_setSubstString(conv.get(), kReplacement, 1, &status);
      ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr,
                          &status);
    }
    std::vector<UChar> utf16(bytes.size() * 2 + 16);
    int32_t n = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                              bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) {
      if (pass == 0) continue;
      return false;
    }
    *replaced = pass == 1;
    int32_t len8 = 0;
    UErrorCode s8 = U_ZERO_ERROR;
    u_strToUTF8WithSub(nullptr, 0, &len8, utf16.data(), n, 0xFFFD, nullptr, &s8);
    out->assign(static_cast<size_t>(len8), '\0');
    s8 = U_ZERO_ERROR;
    u_strToUTF8WithSub(out->data(), len8, &len8, utf16.data(), n, 0xFFFD, nullptr, &s8);
    return U_SUCCESS(s8) || s8 == U_STRING_NOT_TERMINATED_WARNING;
  }
  return false;
}

std::string DetectCharset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  DetectorPtr det(ucsdet_open(&status));
  if (U_FAILURE(status)) return "";
  size_t n = std::min<size_t>(bytes.size(), 64 * 1024);
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(n), &status);
  ucsdet_enableInputFilter(det.get(), true);  // ignore markup when guessing
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  int32_t confidence = ucsdet_getConfidence(match, &status);
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr || confidence < kMinDetectorConfidence) return "";
  return CanonicalCharset(name);
}

bool HasNonAscii(std::string_view bytes) {
  for (char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// The length of the valid UTF-8 sequence at `i` (s[i] >= 0x80), or 0 when it is malformed.
size_t ValidSequenceAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  return IsValidUtf8(s.substr(i, n)) ? n : 0;
}

// The number of UTF-8 continuation bytes (at most `max`) right after `i`.
size_t ContinuationsAfter(std::string_view s, size_t i, size_t max) {
  size_t k = 0;
  while (k < max && i + 1 + k < s.size() &&
         (static_cast<unsigned char>(s[i + 1 + k]) & 0xC0) == 0x80)
    ++k;
  return k;
}

// True when more than kMaxInvalidUtf8Share of the non-ASCII sequences of `bytes` are not
// UTF-8-shaped: the page is in some other encoding, whatever it declares. A lead byte with
// some but too few continuation bytes is UTF-8 damaged in transit (a cut), not another
// encoding; a stray continuation byte or a lead byte followed by none is another encoding
// (GBK, Latin-1).
bool MostlyNotUtf8(std::string_view bytes) {
  size_t utf8_shaped = 0, foreign = 0;
  for (size_t i = 0; i < bytes.size();) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = ValidSequenceAt(bytes, i);
    if (n > 0) {
      ++utf8_shaped, i += n;
      continue;
    }
    size_t need = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    size_t k = need > 0 ? ContinuationsAfter(bytes, i, need - 1) : 0;
    if (k > 0) {
      ++utf8_shaped, i += 1 + k;
    } else if (need > 0 && i + 1 == bytes.size()) {
      ++i;  // a lead byte cut off by the end of the page
    } else {
      ++foreign, ++i;
    }
  }
  return foreign > 0 &&
         static_cast<double>(foreign) > kMaxInvalidUtf8Share * (utf8_shaped + foreign);
}

bool IsSingleByteLegacy(const std::string& charset) {
  return charset == "windows-1252" || charset.rfind("iso-8859-", 0) == 0 ||
         charset.rfind("windows-125", 0) == 0;
}

}  // namespace

std::string CanonicalCharset(std::string_view label) {
  std::string l = AsciiLower(Trim(label));
  if (l.empty()) return "";
  if (l == "utf8" || l == "utf-8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8")
    return "utf-8";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "latin-1" || l == "l1" ||
      l == "ascii" || l == "us-ascii" || l == "iso_8859-1" || l == "cp1252" || l == "cp819" ||
      l == "x-cp1252" || l == "windows-1252" || l == "ansi_x3.4-1968")
    return "windows-1252";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "gb_2312-80" || l == "cp936" ||
      l == "chinese" || l == "csgb2312" || l == "iso-ir-58")
    return "gbk";
  if (l == "gb18030") return "gb18030";
  if (l == "big5" || l == "big5-hkscs" || l == "x-x-big5") return "big5";
  if (l == "shift_jis" || l == "sjis" || l == "x-sjis" || l == "ms_kanji" || l == "windows-31j")
    return "shift_jis";
  if (l == "euc-jp") return "euc-jp";
  if (l == "euc-kr" || l == "ks_c_5601-1987" || l == "windows-949") return "euc-kr";
  if (l == "utf-16" || l == "utf-16le") return "utf-16le";
  if (l == "utf-16be") return "utf-16be";
  if (l == "koi8-r" || l == "koi8-u") return l;
  if (l.rfind("windows-125", 0) == 0 || l.rfind("iso-8859-", 0) == 0) return l;
  return CanOpen(l) ? l : "";
}

std::string CharsetFromContentType(std::string_view content_type) {
  return CharsetParam(content_type);
}

std::string PrescanMetaCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, std::min(bytes.size(), kPrescanBytes));
  std::string lower = AsciiLower(head);
  size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    pos += 5;
    if (pos < lower.size() && lower[pos] != ' ' && lower[pos] != '\t' && lower[pos] != '\n' &&
        lower[pos] != '\r' && lower[pos] != '/')
      continue;
    std::string charset, http_equiv, content;
    ParseMetaAttributes(head, pos, &charset, &http_equiv, &content);
    if (!charset.empty()) return AsciiLower(charset);
    if (http_equiv == "content-type") {
      std::string c = CharsetParam(content);
      if (!c.empty()) return c;
    }
  }
  return "";
}

DecodedHtml DecodeHtml(std::string_view bytes, std::string_view content_type) {
  DecodedHtml out;
  std::string charset;
  size_t skip = 0;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    charset = "utf-8", out.source = "bom", skip = 3;
  } else if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    charset = "utf-16be", out.source = "bom", skip = 2;
  } else if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
    charset = "utf-16le", out.source = "bom", skip = 2;
  }
  // The HTML standard puts the BOM first, the transport layer's label second.
  if (charset.empty()) {
    charset = CanonicalCharset(CharsetFromContentType(content_type));
    if (!charset.empty()) out.source = "http";
  }
  if (charset.empty()) {
    charset = CanonicalCharset(PrescanMetaCharset(bytes));
    // A meta tag cannot really declare UTF-16: the prescan read it as ASCII.
    if (charset.rfind("utf-16", 0) == 0) charset = "utf-8";
    if (!charset.empty()) out.source = "meta";
  }
  std::string_view body = bytes.substr(skip);
  bool utf8_valid = IsValidUtf8(body);
  if (!charset.empty() && out.source != "bom" && IsSingleByteLegacy(charset) && utf8_valid &&
      HasNonAscii(body)) {
    charset = "utf-8", out.source = "detected";
  }
  // The converse mislabel: "utf-8" declared on GBK or Latin-1 bytes would turn every non-ASCII
  // character into U+FFFD; a few stray bytes in real UTF-8 stay below the share.
  if (charset == "utf-8" && (out.source == "http" || out.source == "meta") && !utf8_valid &&
      MostlyNotUtf8(body)) {
    std::string detected = DetectCharset(body);
    if (!detected.empty() && detected != "utf-8") charset = detected, out.source = "detected";
  }
  if (charset.empty()) {
    if (!HasNonAscii(body)) {
      charset = "utf-8", out.source = "default";
    } else if (utf8_valid) {
      charset = "utf-8", out.source = "detected";
    } else {
      charset = DetectCharset(body);
      out.source = charset.empty() ? "default" : "detected";
      if (charset.empty()) charset = "windows-1252";
    }
  }
  out.charset = charset;
  if (charset == "utf-8" && utf8_valid) {
    out.utf8.assign(body);
    return out;
  }
  if (!ConvertToUtf8(body, charset, &out.utf8, &out.replaced)) {
    out.charset = "windows-1252";
    out.source = "default";
    ConvertToUtf8(body, out.charset, &out.utf8, &out.replaced);
  }
  return out;
}

}  // namespace claimdex
