// Charset detection and conversion of fetched HTML to UTF-8, in the order the HTML standard
// uses: the HTTP Content-Type charset, a byte order mark, the <meta> prescan of the first
// 1024 bytes, then ICU's detector, then a default.
#ifndef CLAIMDEX_EXTRACT_CHARSET_H_
#define CLAIMDEX_EXTRACT_CHARSET_H_

#include <string>
#include <string_view>

namespace claimdex {

struct DecodedHtml {
  std::string utf8;     // the page as UTF-8 (BOM removed)
  std::string charset;  // canonical lower-case label actually used ("utf-8", "windows-1252", "gbk")
  std::string source;   // "http" | "bom" | "meta" | "detected" | "default"
  bool replaced = false;  // some bytes were not valid in `charset` and became U+FFFD
};

// Never fails: undecodable bytes become U+FFFD. A declared single-byte charset on bytes that
// are valid multi-byte UTF-8 is overridden (source "detected"), as servers often mislabel.
DecodedHtml DecodeHtml(std::string_view bytes, std::string_view content_type);

// The charset label of an HTTP Content-Type value ("text/html; charset=GBK" -> "gbk"), or "".
std::string CharsetFromContentType(std::string_view content_type);

// The HTML standard's meta prescan over the first 1024 bytes: <meta charset=...> or
// <meta http-equiv="Content-Type" content="...charset=...">. Returns the raw label or "".
std::string PrescanMetaCharset(std::string_view bytes);

// Maps a label to the encoding the HTML standard means by it, in ICU's naming, or "" when
// unknown: "iso-8859-1", "latin1" and "ascii" -> "windows-1252"; "gb2312" -> "gbk".
std::string CanonicalCharset(std::string_view label);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_CHARSET_H_
