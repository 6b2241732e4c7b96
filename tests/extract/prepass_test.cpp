#include "extract/prepass.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "extract/content.h"
#include "extract/dom.h"

namespace claimdex {
namespace {

TEST(Prepass, RemovesScriptStyleAndComments) {
  PrepassResult r = Prepass(
      "<p>a</p><script>if (a < b) { x = '</p>'; }</script><style>p{}</style>"
      "<!-- hidden <p>c</p> --><p>b</p><noscript><p>enable js</p></noscript>");
  EXPECT_EQ(r.html, "<p>a</p><p>b</p>");
}

TEST(Prepass, KeepsJsonLdAside) {
  PrepassResult r = Prepass(
      "<head><script type=\"application/ld+json\">{\"headline\": \"H\"}</script>"
      "<script>var x;</script></head>");
  ASSERT_EQ(r.json_ld.size(), 1u);
  EXPECT_EQ(r.json_ld[0], "{\"headline\": \"H\"}");
  EXPECT_EQ(r.html.find("script"), std::string::npos);
}

TEST(Prepass, RemovesSvgWithItsText) {
  PrepassResult r = Prepass("<p>x</p><svg><text>icon label</text></svg><p>y</p>");
  EXPECT_EQ(r.html, "<p>x</p><p>y</p>");
}

TEST(Prepass, UnterminatedCommentRunsToEnd) {
  PrepassResult r = Prepass("<p>x</p><!-- never closed <p>y</p>");
  EXPECT_EQ(r.html, "<p>x</p>");
}

TEST(Prepass, TitleContentIsNotMarkup) {
  PrepassResult r = Prepass("<title>a <script> b</title><p>z</p>");
  EXPECT_EQ(r.html, "<title>a <script> b</title><p>z</p>");
}

TEST(Prepass, QuotedGreaterThanInsideAttribute) {
  PrepassResult r = Prepass("<a title=\"x > y\" href=\"/\">link</a>");
  EXPECT_EQ(r.html, "<a title=\"x > y\" href=\"/\">link</a>");
}

TEST(Prepass, CapsNestingDepth) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<div>";
  html += "deep";
  for (int i = 0; i < 1000; ++i) html += "</div>";
  PrepassOptions options;
  options.max_depth = 100;
  PrepassResult r = Prepass(html, options);
  EXPECT_EQ(r.dropped_tags, 900u);
  EXPECT_NE(r.html.find("deep"), std::string::npos);
  size_t opens = 0, closes = 0;
  for (size_t p = 0; (p = r.html.find("<div>", p)) != std::string::npos; ++p) ++opens;
  for (size_t p = 0; (p = r.html.find("</div>", p)) != std::string::npos; ++p) ++closes;
  EXPECT_EQ(opens, 100u);
  EXPECT_EQ(closes, 100u);
}

TEST(Prepass, HundredThousandNestedDivsInBoundedTime) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div class=\"x\">";
  html += "<p>The text at the bottom of a very deep page should still be found by the parser.</p>";
  auto start = std::chrono::steady_clock::now();
  PrepassResult r = Prepass(html);
  HtmlDocument dom(std::move(r.html));
  std::vector<ContentBlock> blocks = ExtractContent(dom.root());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  ASSERT_FALSE(blocks.empty());
  EXPECT_NE(blocks.back().text.find("very deep page"), std::string::npos);
}

TEST(Prepass, TruncatesOversizedInput) {
  PrepassOptions options;
  options.max_bytes = 1000;
  std::string html;
  while (html.size() < 5000) html += "<p>some words here</p>";
  PrepassResult r = Prepass(html, options);
  EXPECT_TRUE(r.truncated);
  EXPECT_LE(r.html.size(), 1000u);
}

TEST(Prepass, LoneLessThanIsText) {
  PrepassResult r = Prepass("<p>1 < 2 and 3 <= 4</p>");
  EXPECT_EQ(r.html, "<p>1 < 2 and 3 <= 4</p>");
}

}  // namespace
}  // namespace claimdex
