#include "extract/content.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/dom.h"
#include "extract/prepass.h"

namespace claimdex {
namespace {

// A paragraph long enough, with commas, to score as article text.
std::string Para(const std::string& topic) {
  return "<p>" + topic +
         " was discussed at length, with several speakers, a long agenda, and a detailed report "
         "that ran to many pages and covered every angle of the question.</p>";
}

std::vector<ContentBlock> Extract(const std::string& body) {
  PrepassResult pre = Prepass("<html><body>" + body + "</body></html>");
  HtmlDocument dom(std::move(pre.html));
  return ExtractContent(dom.root());
}

std::string AllText(const std::vector<ContentBlock>& blocks) {
  std::string all;
  for (const ContentBlock& b : blocks) all += b.kind + ": " + b.text + "\n";
  return all;
}

std::string Article(const std::string& inner) {
  return "<nav><a href=/>Home</a> <a href=/a>World</a></nav><article><div "
         "class=\"entry-content\">" +
         Para("The budget") + inner + Para("The harbour") + Para("The school") +
         "</div></article><aside class=sidebar><p>Popular: a list of things, other things, and "
         "more things that people clicked on yesterday, today, and tomorrow.</p></aside>";
}

TEST(ContentExtractor, PicksArticleOverSidebarAndNav) {
  std::string all = AllText(Extract(Article("")));
  EXPECT_NE(all.find("The budget"), std::string::npos);
  EXPECT_NE(all.find("The school"), std::string::npos);
  EXPECT_EQ(all.find("Popular"), std::string::npos);
  EXPECT_EQ(all.find("Home"), std::string::npos);
}

TEST(ContentExtractor, DropsShareBar) {
  std::string all = AllText(Extract(
      Article("<div class=\"share-buttons\"><a href=#>Share on X</a> <a href=#>Email</a></div>")));
  EXPECT_EQ(all.find("Share on X"), std::string::npos);
}

TEST(ContentExtractor, DropsRelatedTeasers) {
  std::string all = AllText(Extract(Article(
      "<div class=\"td-related-inline\"><a href=/r>Another story, about something, else</a></div>"
      "<div class=\"related-posts\"><h3>Read next</h3><p>Teaser text for another story that "
      "is long enough, with commas, to look like a paragraph of body text.</p></div>")));
  EXPECT_EQ(all.find("Another story"), std::string::npos);
  EXPECT_EQ(all.find("Teaser text"), std::string::npos);
  EXPECT_EQ(all.find("Read next"), std::string::npos);
}

TEST(ContentExtractor, DropsCaptionsAndPhotoCredits) {
  std::string all = AllText(Extract(
      Article("<figure><img src=x.jpg><figcaption>The mayor at the podium.</figcaption></figure>"
              "<p class=\"wp-caption-text\">A crowd outside the hall.</p>"
              "<span class=\"photo-credit\">Jane Roe | Agency</span>")));
  EXPECT_EQ(all.find("podium"), std::string::npos);
  EXPECT_EQ(all.find("crowd outside"), std::string::npos);
  EXPECT_EQ(all.find("Agency"), std::string::npos);
}

TEST(ContentExtractor, DropsCommentFormAndNewsletterBox) {
  std::string all = AllText(Extract(
      Article("<div class=\"newsletter-box\"><p>Sign up for our daily briefing, with the news, the "
              "weather, and the sport, delivered every morning.</p></div>"
              "<div id=\"respond\" class=\"comment-respond\"><h3>Leave a reply</h3><form>"
              "<textarea></textarea></form></div>")));
  EXPECT_EQ(all.find("daily briefing"), std::string::npos);
  EXPECT_EQ(all.find("Leave a reply"), std::string::npos);
}

TEST(ContentExtractor, KeepsHeadingsListsAndBlockquotes) {
  std::vector<ContentBlock> blocks = Extract(
      Article("<h2>Where the money goes</h2><ul><li>Roads and bridges</li><li>Schools</li></ul>"
              "<blockquote><p>We have waited long enough.</p></blockquote>"));
  std::string all = AllText(blocks);
  EXPECT_NE(all.find("heading: Where the money goes"), std::string::npos);
  EXPECT_NE(all.find("list: Roads and bridges\nSchools"), std::string::npos);
  EXPECT_NE(all.find("quote: We have waited long enough."), std::string::npos);
}

TEST(ContentExtractor, KeepsReadingOrder) {
  std::vector<ContentBlock> blocks = Extract(Article(""));
  ASSERT_GE(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].text.rfind("The budget", 0), 0u);
  EXPECT_EQ(blocks[1].text.rfind("The harbour", 0), 0u);
  EXPECT_EQ(blocks[2].text.rfind("The school", 0), 0u);
}

TEST(ContentExtractor, SplitsBrBrIntoParagraphs) {
  std::vector<ContentBlock> blocks = Extract(
      "<div class=content>First part of the text, long enough, with commas, and more words to "
      "count.<br><br>Second part of the text, also long, with commas, and more words to count."
      "</div>");
  ASSERT_EQ(blocks.size(), 2u) << AllText(blocks);
  EXPECT_EQ(blocks[1].text.rfind("Second part", 0), 0u);
}

TEST(ContentExtractor, IgnoresHiddenText) {
  std::string all =
      AllText(Extract(Article("<p style=\"display: none\">secret words</p>"
                              "<div hidden><p>more secret words</p></div>")));
  EXPECT_EQ(all.find("secret"), std::string::npos);
}

TEST(ContentExtractor, EmptyPageGivesNoBlocks) {
  EXPECT_TRUE(Extract("").empty());
  EXPECT_TRUE(ExtractContent(nullptr).empty());
}

TEST(ContentExtractor, ShortPageStillGivesItsText) {
  std::vector<ContentBlock> blocks = Extract("<div><p>Just one short line.</p></div>");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "Just one short line.");
}

TEST(ContentExtractor, CommonAncestorOfSplitTextIsPromoted) {
  // Each paragraph sits in its own positively-hinted wrapper, so each wrapper scores alike;
  // the article is their common ancestor, not the best single wrapper.
  std::string body = "<div class=page><div class=rich-text-component>" + Para("Alpha") +
                     "</div><h2>Middle heading</h2><div class=rich-text-component>" + Para("Beta") +
                     "</div><div class=rich-text-component>" + Para("Gamma") + "</div></div>";
  std::string all = AllText(Extract(body));
  EXPECT_NE(all.find("Alpha"), std::string::npos);
  EXPECT_NE(all.find("heading: Middle heading"), std::string::npos);
  EXPECT_NE(all.find("Beta"), std::string::npos);
  EXPECT_NE(all.find("Gamma"), std::string::npos);
}

TEST(ContentExtractor, WeakHintOnLongProseIsKept) {
  std::string widget = "<div class=\"product-widget\">" + Para("The first kettle") +
                       Para("Its handle") + Para("The spout") + "</div>";
  std::string all = AllText(Extract(Article(widget)));
  EXPECT_NE(all.find("The first kettle"), std::string::npos);
  EXPECT_NE(all.find("The spout"), std::string::npos);
}

TEST(ContentExtractor, BoilerplateClassOnTheWholeArticleIsIgnored) {
  // A generated class that happens to contain "menu" must not hide the article it wraps.
  std::string body = "<div class=\"section--article under-menu\"><div>" + Para("One") +
                     Para("Two") + Para("Three") +
                     "</div></div><div class=menu><a href=/>Home</a></div>";
  std::string all = AllText(Extract(body));
  EXPECT_NE(all.find("One"), std::string::npos);
  EXPECT_NE(all.find("Three"), std::string::npos);
  EXPECT_EQ(all.find("Home"), std::string::npos);
}

TEST(ContentExtractor, ArticleSplitOverDeepSiblingSectionsIsWidened) {
  // One long section and many shorter ones, differently named, each with its own wrapper:
  // the long one wins the scoring alone and no sibling scores enough to join it; their
  // common ancestor, scoring over half as high with far more prose, is the article.
  auto section = [](const std::string& id, int paras) {
    std::string s = "<section class=\"s-" + id + "\"><div class=box><div class=rich>";
    for (int i = 0; i < paras; ++i) s += Para("Topic " + id + std::to_string(i));
    return s + "</div></div></section>";
  };
  std::string body = "<div class=page>" + section("alpha", 8);
  for (const char* id : {"beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
                         "kappa", "lambda", "mu", "nu"})
    body += section(id, 3);
  body += "</div>";
  std::string all = AllText(Extract(body));
  for (const char* id : {"alpha0", "beta0", "gamma2", "iota1"})
    EXPECT_NE(all.find(std::string("Topic ") + id), std::string::npos) << id << "\n" << all;
}

TEST(ContentExtractor, ArticleStreamedInHiddenDivIsReadWhenNothingElseIs) {
  std::string body = "<div id=root><p>x</p></div><div hidden id=\"S:7\"><div>" +
                     Para("The streamed budget") + Para("The streamed harbour") +
                     Para("The streamed school") + "</div></div>";
  std::string all = AllText(Extract(body));
  EXPECT_NE(all.find("The streamed harbour"), std::string::npos) << all;
}

TEST(ContentExtractor, HiddenDivStaysHiddenWhenThePageHasAnArticle) {
  std::string body = Article("") + "<div hidden>" + Para("The hidden draft") + "</div>" +
                     "<div style=\"display: none\">" + Para("The styled away") + "</div>";
  std::string all = AllText(Extract(body));
  EXPECT_NE(all.find("The harbour"), std::string::npos) << all;
  EXPECT_EQ(all.find("The hidden draft"), std::string::npos) << all;
  EXPECT_EQ(all.find("The styled away"), std::string::npos) << all;
}

TEST(ContentExtractor, LongProseOutweighsANegativeClassFragment) {
  // The article body's class names the site's section ("newsletter") like a signup box would;
  // two thousand characters of link-free prose are the article nonetheless, though the page's
  // chrome holds more text than they do.
  std::string prose;
  for (int i = 0; i < 16; ++i) prose += Para("Issue point " + std::to_string(i));
  std::string chrome;
  for (int i = 0; i < 70; ++i)
    chrome += "<li><a href=/l" + std::to_string(i) + ">Menu entry number " + std::to_string(i) +
              " with words</a></li>";
  std::string body = "<nav><ul>" + chrome + "</ul></nav><div class=\"rich-text-newsletter\">" +
                     prose + "</div><div class=cards>" + Para("Card one") + Para("Card two") +
                     "</div><footer><ul>" + chrome + "</ul></footer>";
  std::string all = AllText(Extract(body));
  EXPECT_NE(all.find("Issue point 3"), std::string::npos) << all;
  EXPECT_NE(all.find("Issue point 15"), std::string::npos) << all;
  // A short signup box so named is still dropped.
  all = AllText(Extract(Article("<div class=newsletter-signup><p>Sign up for our daily "
                                "briefing, with news, views, and more, every morning.</p></div>")));
  EXPECT_EQ(all.find("Sign up"), std::string::npos) << all;
}

TEST(ContentExtractor, PageBuilderWidgetsHoldingEveryParagraphAreRead) {
  // Each paragraph of the article sits in its own builder "widget" wrapper, a weak boilerplate
  // hint: with no other candidate anywhere, the prose in them is the article.
  std::string body = "<nav><a href=/>Home</a> <a href=/b>Blog</a></nav><div class=entry-content>";
  for (int i = 0; i < 8; ++i)
    body += "<div class=\"builder-widget\"><div class=\"builder-widget-container\">" +
            Para("Widget point " + std::to_string(i)) + "</div></div>";
  body += "</div><div class=\"sidebar-widget\"><a href=/x>Recent post one</a> "
          "<a href=/y>Recent post two</a></div>";
  std::string all = AllText(Extract(body));
  EXPECT_NE(all.find("Widget point 0"), std::string::npos) << all;
  EXPECT_NE(all.find("Widget point 7"), std::string::npos) << all;
  EXPECT_EQ(all.find("Recent post"), std::string::npos) << all;
}

}  // namespace
}  // namespace claimdex
