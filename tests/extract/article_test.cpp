#include "extract/article.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "extract/text_util.h"

namespace claimdex {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(CLAIMDEX_SOURCE_DIR) + "/tests/extract/data/" + name,
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool HasFlag(const Document& d, const std::string& flag) {
  return std::find(d.quality.begin(), d.quality.end(), flag) != d.quality.end();
}

TEST(ExtractArticle, GoldenNewsPage) {
  std::string html = ReadFixture("article_basic.html");
  ASSERT_FALSE(html.empty());
  Document d = ExtractArticle({html, "https://ledger.example/news/x?ref=rss", "", ""});
  std::string expected = ReadFixture("article_basic.expected.txt");
  while (!expected.empty() && expected.back() == '\n') expected.pop_back();
  EXPECT_EQ(d.text, expected);
  EXPECT_EQ(d.title, "Harbour Council Approves Tidal Barrier Plan");
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Ana Lima", "Tom Greaves"}));
  EXPECT_EQ(d.published, "2024-05-14");
  EXPECT_EQ(d.publisher, "The Coastal Ledger");
  EXPECT_EQ(d.canonical_url, "https://ledger.example/news/2024/05/tidal-barrier");
  EXPECT_EQ(d.language, "en");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_TRUE(d.quality.empty());
}

TEST(ExtractArticle, ParagraphSpansIndexText) {
  Document d =
      ExtractArticle({ReadFixture("article_basic.html"), "https://ledger.example/x", "", ""});
  ASSERT_EQ(d.paragraphs.size(), 8u);
  EXPECT_EQ(d.paragraphs[2].kind, "heading");
  EXPECT_EQ(d.paragraphs[4].kind, "list");
  EXPECT_EQ(d.paragraphs[5].kind, "quote");
  EXPECT_EQ(d.paragraphs[0].start, 0u);
  EXPECT_EQ(d.paragraphs.back().end, d.text.size());
  for (size_t i = 1; i < d.paragraphs.size(); ++i) {
    EXPECT_EQ(d.text.substr(d.paragraphs[i - 1].end, 2), "\n\n");
    EXPECT_EQ(d.paragraphs[i].start, d.paragraphs[i - 1].end + 2);
  }
  EXPECT_EQ(d.text.substr(d.paragraphs[2].start, d.paragraphs[2].end - d.paragraphs[2].start),
            "What the barrier will cost");
}

TEST(ExtractArticle, IdFromCanonicalUrl) {
  Document d =
      ExtractArticle({ReadFixture("article_basic.html"), "https://ledger.example/x", "", ""});
  EXPECT_EQ(d.id,
            "d:" + HexDigest("https://ledger.example/news/2024/05/tidal-barrier").substr(0, 16));
  Document no_url = ExtractArticle({"<p>Only text.</p>", "", "", ""});
  EXPECT_EQ(no_url.id, "d:" + HexDigest("Only text.").substr(0, 16));
}

TEST(ExtractArticle, Windows1252BytesBecomeUtf8) {
  std::string html =
      "<html><head><meta charset=\"windows-1252\"><title>Quotes</title></head><body><p>He said "
      "\x93yes\x94 to the caf\xE9 plan.</p></body></html>";
  Document d = ExtractArticle({html, "", "", ""});
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.charset_source, "meta");
  EXPECT_EQ(d.text, "He said \xE2\x80\x9Cyes\xE2\x80\x9D to the caf\xC3\xA9 plan.");
}

TEST(ExtractArticle, TextIsNfc) {
  // "e" + combining acute accent becomes the precomposed U+00E9.
  Document d = ExtractArticle({"<meta charset=utf-8><p>cafe\xCC\x81</p>", "", "", ""});
  EXPECT_EQ(d.text, "caf\xC3\xA9");
}

TEST(ExtractArticle, EmptyInputGivesFlags) {
  Document d = ExtractArticle({"", "", "", ""});
  EXPECT_TRUE(d.text.empty());
  EXPECT_TRUE(HasFlag(d, "no_text"));
  EXPECT_TRUE(HasFlag(d, "no_title"));
  EXPECT_TRUE(HasFlag(d, "no_date"));
  EXPECT_EQ(d.id.size(), 18u);
}

TEST(ExtractArticle, NoBodyGivesFlags) {
  Document d = ExtractArticle(
      {"<html><head><title>Only a head</title></head></html>", "https://x.example/a", "", ""});
  EXPECT_EQ(d.title, "Only a head");
  EXPECT_TRUE(HasFlag(d, "no_text"));
  EXPECT_TRUE(HasFlag(d, "no_date"));
  EXPECT_EQ(d.publisher, "x.example");
}

TEST(ExtractArticle, RandomBytesServedAsHtmlAreFlaggedBinary) {
  std::mt19937 rng(20250206);
  std::string bytes(1 << 20, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  Document d = ExtractArticle({bytes, "https://x.example/bin", "text/html", ""});
  EXPECT_TRUE(d.text.empty());
  EXPECT_TRUE(d.title.empty());
  EXPECT_TRUE(d.published.empty());
  EXPECT_TRUE(d.authors.empty());
  for (const char* flag : {"binary", "no_text", "no_title", "no_date"})
    EXPECT_TRUE(HasFlag(d, flag)) << flag;
  EXPECT_EQ(d.id.size(), 18u);
}

TEST(ExtractArticle, NulBytesInsideMarkupAreBinary) {
  std::string bytes = "<html><body><p>";
  for (int i = 0; i < 4000; ++i) bytes += std::string("ab\0\x01", 4);
  Document d = ExtractArticle({bytes, "https://x.example/nul", "text/html", ""});
  EXPECT_TRUE(HasFlag(d, "binary"));
  EXPECT_TRUE(d.text.empty());
}

TEST(ExtractArticle, StrayControlCharactersAreNotBinary) {
  std::string body;
  for (int i = 0; i < 40; ++i) body += "<p>Officials said the export rule takes effect soon.\x01</p>";
  Document d = ExtractArticle({"<html><body>" + body + "</body></html>", "", "", ""});
  EXPECT_FALSE(HasFlag(d, "binary"));
  EXPECT_NE(d.text.find("export rule"), std::string::npos);
}

TEST(ExtractArticle, BinaryGarbageDoesNotCrash) {
  std::string garbage;
  for (int i = 0; i < 20000; ++i) garbage.push_back(static_cast<char>((i * 7919 + 13) % 256));
  Document d = ExtractArticle({garbage, "https://x.example/bin", "application/octet-stream", ""});
  EXPECT_FALSE(d.id.empty());
  EXPECT_FALSE(d.charset.empty());
}

TEST(ExtractArticle, ShortTextAndCharsetReplacedFlags) {
  Document d = ExtractArticle({"<meta charset=utf-8><p>Short \xFF text.</p>", "", "", ""});
  EXPECT_TRUE(HasFlag(d, "short_text"));
  EXPECT_TRUE(HasFlag(d, "charset_replaced"));
}

TEST(ExtractArticle, FutureDateAgainstFetchTime) {
  std::string html =
      "<html><head><meta property=\"article:published_time\" content=\"2030-05-01\"></head>"
      "<body><span class=date>January 9, 2025</span><p>Body text.</p></body></html>";
  EXPECT_EQ(ExtractArticle({html, "", "", "2025-02-01T00:00:00Z"}).published, "2025-01-09");
  EXPECT_EQ(ExtractArticle({html, "", "", ""}).published, "2030-05-01");
}

TEST(ExtractArticle, HeadingRepeatingTitleIsDropped) {
  std::string html =
      "<title>Big news today | Site</title><div class=content><h2>Big news today</h2><p>The news "
      "is big, very big, and people are talking about it everywhere, all day long.</p></div>";
  Document d = ExtractArticle({html, "", "", ""});
  EXPECT_EQ(d.title, "Big news today");
  EXPECT_EQ(d.text.find("Big news today"), std::string::npos);
}

TEST(ExtractArticle, DeeplyNestedPageIsBounded) {
  std::string html = "<body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Bottom.</p>";
  Document d = ExtractArticle({html, "", "", ""});
  EXPECT_NE(d.text.find("Bottom."), std::string::npos);
}

TEST(ExtractArticle, RandomTagSoupNeverCrashes) {
  // Deterministic tag soup: unbalanced tags, stray quotes, comments, scripts, entities and
  // broken UTF-8. Every page must give a Document with an id, never a crash or a hang.
  static const char* const kPieces[] = {"<div>",
                                        "</div>",
                                        "<p>",
                                        "</p>",
                                        "<a href='x'>",
                                        "</a>",
                                        "<script>",
                                        "</script>",
                                        "<!--",
                                        "-->",
                                        "<h1>",
                                        "</h1>",
                                        "<ul><li>",
                                        "</li>",
                                        "\"",
                                        "'",
                                        "<",
                                        ">",
                                        "&amp;",
                                        "&#x",
                                        "text, more text. ",
                                        "\xC3",
                                        "\xE2\x80",
                                        "<br>",
                                        "<table><tr><td>",
                                        "<style>",
                                        "<svg>",
                                        "<meta charset=gbk>",
                                        "<title>",
                                        "By Jane Doe",
                                        "2025-02-30",
                                        "<time datetime=x>",
                                        "<article class=comment>",
                                        "<noscript>",
                                        "\x00",
                                        "<![CDATA[",
                                        "<?xml ?>",
                                        "</body>"};
  uint32_t state = 12345;
  for (int page = 0; page < 200; ++page) {
    std::string html;
    int n = 20 + page * 3;
    for (int i = 0; i < n; ++i) {
      state = state * 1103515245u + 12345u;
      html += kPieces[(state >> 16) % (sizeof(kPieces) / sizeof(kPieces[0]))];
    }
    Document d = ExtractArticle({html, page % 2 ? "https://x.example/p" : "", "", ""});
    ASSERT_EQ(d.id.size(), 18u) << html;
    for (const Paragraph& p : d.paragraphs) ASSERT_LE(p.end, d.text.size());
  }
}

TEST(RepairDoubleEncoding, MisreadUtf8IsRepaired) {
  // "Investor’s café" encoded as UTF-8, misread as windows-1252 / Latin-1, encoded again.
  EXPECT_EQ(RepairDoubleEncoding("Investor\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s caf\xC3\x83\xC2\xA9"),
            "Investor\xE2\x80\x99s caf\xC3\xA9");
  // The C1-control form: U+00E2 U+0080 U+0099 twice.
  EXPECT_EQ(RepairDoubleEncoding("a\xC3\xA2\xC2\x80\xC2\x99" "b \xC3\xA2\xC2\x80\xC2\x99" "c"),
            "a\xE2\x80\x99" "b \xE2\x80\x99" "c");
}

TEST(RepairDoubleEncoding, RealLatinTextIsLeftAlone) {
  // "café”—" in French: é, ” and — read as bytes would form a valid CJK character.
  const std::string french = "Un caf\xC3\xA9\xE2\x80\x9D\xE2\x80\x94 et \xC3\xA0 bient\xC3\xB4t";
  EXPECT_EQ(RepairDoubleEncoding(french), french);
  // One misread run alone is not enough evidence.
  const std::string one = "caf\xC3\x83\xC2\xA9 ok";
  EXPECT_EQ(RepairDoubleEncoding(one), one);
  const std::string invalid = "bad \xFF bytes";
  EXPECT_EQ(RepairDoubleEncoding(invalid), invalid);
}

TEST(ExtractArticle, DoubleEncodedPageIsRepaired) {
  std::string p = "<p>The investor\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s guide, with notes, "
                  "covers every fund\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s cost in detail.</p>";
  Document d = ExtractArticle({"<meta charset=utf-8><title>Guide</title>" + p + p, "", "", ""});
  EXPECT_NE(d.text.find("investor\xE2\x80\x99s guide"), std::string::npos) << d.text;
}

}  // namespace
}  // namespace claimdex
