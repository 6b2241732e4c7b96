#include "extract/charset.h"

#include <gtest/gtest.h>

#include <string>

namespace claimdex {
namespace {

const std::string kCurlyQuotesUtf8 = "\xE2\x80\x9Chi\xE2\x80\x9D";  // “hi”

TEST(Charset, HttpHeaderWinsOverMeta) {
  std::string html = "<meta charset=\"utf-8\"><p>\x93hi\x94</p>";
  DecodedHtml d = DecodeHtml(html, "text/html; charset=windows-1252");
  EXPECT_EQ(d.source, "http");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_NE(d.utf8.find(kCurlyQuotesUtf8), std::string::npos);
  EXPECT_FALSE(d.replaced);
}

TEST(Charset, Latin1LabelMeansWindows1252) {
  // 0x93/0x94 are C1 controls in ISO-8859-1 but curly quotes in windows-1252, which is what
  // the HTML standard says the label means.
  DecodedHtml d = DecodeHtml("<html><head><meta charset=iso-8859-1></head><p>\x93hi\x94</p>", "");
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_NE(d.utf8.find(kCurlyQuotesUtf8), std::string::npos);
}

TEST(Charset, CanonicalLabels) {
  EXPECT_EQ(CanonicalCharset("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("latin1"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("US-ASCII"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("GB2312"), "gbk");
  EXPECT_EQ(CanonicalCharset(" UTF8 "), "utf-8");
  EXPECT_EQ(CanonicalCharset("no-such-charset"), "");
}

TEST(Charset, MetaHttpEquivGbk) {
  // "中文" in GBK is D6 D0 CE C4.
  std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />"
      "</head><body><p>\xD6\xD0\xCE\xC4</p></body></html>";
  DecodedHtml d = DecodeHtml(html, "");
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.charset, "gbk");
  EXPECT_NE(d.utf8.find("\xE4\xB8\xAD\xE6\x96\x87"), std::string::npos);
}

TEST(Charset, PrescanOnlyLooksAtFirst1024Bytes) {
  std::string html = "<html><head>" + std::string(1100, ' ') + "<meta charset=gbk></head>";
  EXPECT_EQ(PrescanMetaCharset(html), "");
  EXPECT_EQ(PrescanMetaCharset("<meta charset='Shift_JIS'>"), "shift_jis");
}

TEST(Charset, BomWinsOverEverything) {
  std::string html = "\xEF\xBB\xBF<meta charset=gbk><p>caf\xC3\xA9</p>";
  DecodedHtml d = DecodeHtml(html, "text/html; charset=iso-8859-1");
  EXPECT_EQ(d.source, "bom");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.utf8.rfind("<meta", 0), 0u) << "the BOM is removed";
  EXPECT_NE(d.utf8.find("caf\xC3\xA9"), std::string::npos);
}

TEST(Charset, Utf16LeBom) {
  std::string bytes("\xFF\xFE<\0p\0>\0h\0i\0", 12);
  DecodedHtml d = DecodeHtml(bytes, "");
  EXPECT_EQ(d.source, "bom");
  EXPECT_EQ(d.utf8, "<p>hi");
}

TEST(Charset, WrongDeclaredLatin1OnUtf8BytesIsOverridden) {
  DecodedHtml d = DecodeHtml("<meta charset=iso-8859-1><p>caf\xC3\xA9 \xE2\x80\x94 ok</p>", "");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "detected");
  EXPECT_NE(d.utf8.find("caf\xC3\xA9"), std::string::npos);
}

TEST(Charset, TruncatedUtf8IsReplacedNotFatal) {
  std::string html = "<meta charset=utf-8><p>caf\xC3";  // cut inside a two-byte sequence
  DecodedHtml d = DecodeHtml(html, "");
  EXPECT_TRUE(d.replaced);
  EXPECT_NE(d.utf8.find("caf\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

TEST(Charset, DeclaredUtf8OnGbkBytesFallsBackToDetection) {
  const std::string gbk =
      "\xd6\xd0\xb9\xfa\xcf\xc8\xbd\xf8\xc8\xcb\xb9\xa4\xd6\xc7\xc4\xdc\xd0\xbe"
      "\xc6\xac\xb5\xc4\xb3\xf6\xbf\xda\xb9\xdc\xd6\xc6\xa1\xa3";
  std::string html = "<meta charset=\"utf-8\"><title>chips</title>";
  for (int i = 0; i < 12; ++i) html += "<p>" + gbk + gbk + "</p>";
  for (std::string_view content_type : {"", "text/html; charset=UTF-8"}) {
    DecodedHtml d = DecodeHtml(html, content_type);
    EXPECT_EQ(d.source, "detected") << content_type;
    EXPECT_TRUE(d.charset == "gbk" || d.charset == "gb18030") << d.charset;
    EXPECT_NE(d.utf8.find("中国先进人工智能芯片的出口管制。"), std::string::npos);
  }
}

TEST(Charset, FewStrayBytesKeepDeclaredUtf8) {
  // One Latin-1 byte among ten real UTF-8 characters: below the share, so still UTF-8.
  std::string html = "<meta charset=utf-8><p>";
  for (int i = 0; i < 10; ++i) html += "caf\xC3\xA9 ";
  html += "na\xEFve</p>";
  DecodedHtml d = DecodeHtml(html, "");
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_TRUE(d.replaced);
  EXPECT_NE(d.utf8.find("caf\xC3\xA9"), std::string::npos);
}

TEST(Charset, UndeclaredValidUtf8IsDetected) {
  DecodedHtml d = DecodeHtml("<p>na\xC3\xAFve</p>", "");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "detected");
}

TEST(Charset, PureAsciiIsDefault) {
  DecodedHtml d = DecodeHtml("<p>plain</p>", "");
  EXPECT_EQ(d.source, "default");
  EXPECT_EQ(d.utf8, "<p>plain</p>");
}

TEST(Charset, BinaryGarbageGivesValidUtf8) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 131 + 7) % 256));
  DecodedHtml d = DecodeHtml(garbage, "");
  EXPECT_FALSE(d.charset.empty());
  EXPECT_FALSE(d.utf8.empty());
}

TEST(Charset, UnknownHttpLabelFallsThroughToMeta) {
  DecodedHtml d = DecodeHtml("<meta charset=gbk><p>\xD6\xD0</p>", "text/html; charset=bogus-9");
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.charset, "gbk");
}

}  // namespace
}  // namespace claimdex
