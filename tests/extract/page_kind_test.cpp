// Home, section and listing pages: flagged "not_article" and left unannotated, while a real
// article with a related-links box stays an article.
#include "extract/page_kind.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "extract/dom.h"
#include "extract/extractor.h"

namespace claimdex {
namespace {

Profile TonerProfile() {
  Profile p;
  p.name = "test";
  KbEntity toner;
  toner.id = "helen-toner";
  toner.name = "Helen Toner";
  toner.type = "person";
  p.entities = {toner};
  Target t;
  t.id = "export-controls";
  t.name = "export controls";
  t.aliases = {"export controls"};
  p.targets = {t};
  return p;
}

std::string Teaser(int i) {
  return "<div class=\"card\"><h2><a href=\"/2025/01/story-number-" + std::to_string(i) +
         ".html\">Story number " + std::to_string(i) +
         " about the chip export controls</a></h2><p>Helen Toner said the export controls are "
         "vital and that Washington should keep them in place for years.</p></div>";
}

std::string FrontPage() {
  std::string html = "<html><head><title>Daily Bugle | Home</title></head><body>"
                     "<h1><a href=\"/\">Daily Bugle</a></h1><main>";
  for (int i = 0; i < 6; ++i) html += Teaser(i);
  return html + "</main></body></html>";
}

std::string ArticleWithRelatedBox() {
  std::string html =
      "<html><head><title>Toner backs the chip controls | Daily Bugle</title></head><body>"
      "<article><h1>Toner backs the chip controls</h1>"
      "<p class=\"date\">January 30, 2025</p>";
  for (int i = 0; i < 4; ++i) {
    html += "<p>Helen Toner said the export controls are vital, that they slowed the rivals "
            "down, and that the evidence from the last two years supports keeping them.</p>";
  }
  html += "</article><aside class=\"related\"><h3>Related</h3><ul>";
  for (int i = 0; i < 5; ++i) {
    html += "<li><h4><a href=\"/2025/01/other-story-" + std::to_string(i) +
            ".html\">Another story about chips and the rules " + std::to_string(i) +
            "</a></h4></li>";
  }
  return html + "</ul></aside></body></html>";
}

bool Flagged(const Document& doc) {
  return std::find(doc.quality.begin(), doc.quality.end(), "not_article") != doc.quality.end();
}

TEST(PageKind, FrontPageOfTeasersIsNotAnArticleAndGetsNoClaims) {
  Extractor extractor(TonerProfile());
  Document doc = extractor.ExtractHtml({FrontPage(), "https://bugle.example/", "", ""});
  EXPECT_TRUE(Flagged(doc));
  EXPECT_FALSE(doc.text.empty());
  EXPECT_TRUE(doc.claims.empty());
  EXPECT_TRUE(doc.entities.empty());
  EXPECT_TRUE(doc.stances.empty());
}

TEST(PageKind, SectionPathWithTeasersIsNotAnArticle) {
  Extractor extractor(TonerProfile());
  Document doc = extractor.ExtractHtml({FrontPage(), "https://bugle.example/politics/", "", ""});
  EXPECT_TRUE(Flagged(doc));
}

TEST(PageKind, ArticleWithRelatedLinksBoxStaysAnArticle) {
  Extractor extractor(TonerProfile());
  Document doc = extractor.ExtractHtml(
      {ArticleWithRelatedBox(), "https://bugle.example/2025/01/toner-backs-controls.html", "", ""});
  EXPECT_FALSE(Flagged(doc));
  EXPECT_FALSE(doc.claims.empty());
}

TEST(PageKind, JsonLdCollectionPageIsNotAnArticle) {
  std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\": \"CollectionPage\", "
      "\"name\": \"Chips\"}</script></head><body><p>Helen Toner said the export controls are "
      "vital, and that they work well for everyone involved in this.</p></body></html>";
  HtmlDocument dom(html);
  PageKindSignals s = PageKindOf(dom.root(), {"{\"@type\": \"CollectionPage\"}"},
                                 "https://bugle.example/2025/01/chips-coverage.html");
  EXPECT_TRUE(s.ld_listing);
  EXPECT_TRUE(IsListingPage(s));
}

TEST(PageKind, JsonLdArticleTypeAlwaysWins) {
  HtmlDocument dom(FrontPage());
  PageKindSignals s = PageKindOf(dom.root(), {"{\"@type\": \"NewsArticle\"}"},
                                 "https://bugle.example/");
  EXPECT_TRUE(s.ld_article);
  EXPECT_FALSE(IsListingPage(s));
}

TEST(PageKind, ListingPathsAreRootsSectionsTagsAndDateArchives) {
  EXPECT_TRUE(IsListingPath("https://bugle.example/"));
  EXPECT_TRUE(IsListingPath("https://bugle.example"));
  EXPECT_TRUE(IsListingPath("https://bugle.example/index.html"));
  EXPECT_TRUE(IsListingPath("https://bugle.example/news/"));
  EXPECT_TRUE(IsListingPath("https://bugle.example/tag/export-controls"));
  EXPECT_TRUE(IsListingPath("https://bugle.example/2025/01/"));
  EXPECT_FALSE(IsListingPath("https://bugle.example/news/2025/02/chip-speed-limits.htm"));
  EXPECT_FALSE(IsListingPath("https://bugle.example/archives/1042"));
  EXPECT_FALSE(IsListingPath("https://bugle.example/briefs/2025/02/after-deepseek-chip-war"));
  EXPECT_FALSE(IsListingPath(""));
}

}  // namespace
}  // namespace claimdex
