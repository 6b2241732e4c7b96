#include "extract/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/dom.h"
#include "extract/prepass.h"

namespace claimdex {
namespace {

PageMetadata Meta(const std::string& head, const std::string& body,
                  const std::string& url = "https://www.news.example/a/b",
                  const std::string& fetched = "") {
  PrepassResult pre = Prepass("<html><head>" + head + "</head><body>" + body + "</body></html>");
  HtmlDocument dom(std::move(pre.html));
  return ExtractMetadata(dom.root(), pre.json_ld, url, fetched);
}

TEST(Metadata, JsonLdArticle) {
  PageMetadata m = Meta(
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
      "{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":\"NewsArticle\",\"headline\":\"JSON "
      "headline\",\"datePublished\":\"2025-01-31T09:12:00Z\",\"dateModified\":\"2025-02-01\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Maya Patel\"},{\"name\":\"Li Wei\"}],"
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"TechVro\"}}]}</script>",
      "<p>x</p>");
  EXPECT_EQ(m.title, "JSON headline");
  EXPECT_EQ(m.published, "2025-01-31");
  EXPECT_EQ(m.modified, "2025-02-01");
  EXPECT_EQ(m.publisher, "TechVro");
  EXPECT_EQ(m.authors, (std::vector<std::string>{"Maya Patel", "Li Wei"}));
}

TEST(Metadata, MalformedJsonLdIsIgnored) {
  PageMetadata m = Meta(
      "<script type=\"application/ld+json\">{\"headline\": </script>"
      "<title>Plain title here now</title>",
      "");
  EXPECT_EQ(m.title, "Plain title here now");
}

TEST(Metadata, OpenGraphAndArticleTags) {
  PageMetadata m = Meta(
      "<meta property=\"og:title\" content=\"OG title\"><meta property=\"og:site_name\" "
      "content=\"The Site\"><meta property=\"article:published_time\" "
      "content=\"2024-11-05T08:00:00-05:00\"><meta name=\"author\" content=\"Jane Roe\">"
      "<meta property=\"og:url\" content=\"https://news.example/og\">",
      "");
  EXPECT_EQ(m.title, "OG title");
  EXPECT_EQ(m.publisher, "The Site");
  EXPECT_EQ(m.published, "2024-11-05");
  EXPECT_EQ(m.authors, std::vector<std::string>{"Jane Roe"});
  EXPECT_EQ(m.canonical_url, "https://news.example/og");
}

TEST(Metadata, TitleTagSuffixRemovedAndUsedAsPublisher) {
  PageMetadata m = Meta("<title>Rates rise again | Daily Planet</title>", "");
  EXPECT_EQ(m.title, "Rates rise again");
  EXPECT_EQ(m.publisher, "Daily Planet");
  m = Meta("<title>Rates rise again - Daily Planet</title>", "");
  EXPECT_EQ(m.title, "Rates rise again");
  EXPECT_EQ(m.publisher, "Daily Planet");
}

TEST(Metadata, H1ConfirmedByTitleTagWins) {
  PageMetadata m = Meta("<title>Headline of the story | Site</title>",
                        "<div class=cat-title>Categories</div><h1>Headline of the story</h1>");
  EXPECT_EQ(m.title, "Headline of the story");
}

TEST(Metadata, H1WithSiteSuffixIsStripped) {
  PageMetadata m = Meta("<title>Headline of the story | Real Site</title>",
                        "<h1>Headline of the story | Real Site</h1>");
  EXPECT_EQ(m.title, "Headline of the story");
  EXPECT_EQ(m.publisher, "Real Site");
}

TEST(Metadata, GenericTitleTagFallsBackToHeadlineElement) {
  PageMetadata m = Meta("<title>Industry news - Acme Widgets Co., Ltd.</title>",
                        "<div class=cat-title>Products</div><div class=news-title>Widget "
                        "makers face new export rules</div>");
  EXPECT_EQ(m.title, "Widget makers face new export rules");
  EXPECT_EQ(m.publisher, "Acme Widgets Co., Ltd.");
}

TEST(Metadata, PublisherFallsBackToHost) {
  PageMetadata m = Meta("<title>Just a title with words</title>", "");
  EXPECT_EQ(m.publisher, "news.example");
}

TEST(Metadata, StripTitleSite) {
  std::string site;
  EXPECT_EQ(StripTitleSite("A - B - Known Site", "Known Site", &site), "A - B");
  EXPECT_EQ(site, "Known Site");
  EXPECT_EQ(StripTitleSite("Known Site | Story of the day", "Known Site", &site),
            "Story of the day");
  EXPECT_EQ(StripTitleSite("Trump - the man and the myth of the deal", "", &site),
            "Trump - the man and the myth of the deal");
  EXPECT_EQ(site, "");
}

TEST(Metadata, BylineByAAndB) {
  EXPECT_EQ(ParseByline("By Ana Lima and Tom Greaves"),
            (std::vector<std::string>{"Ana Lima", "Tom Greaves"}));
  EXPECT_EQ(ParseByline("By Ana Lima, Tom Greaves and Li Wei"),
            (std::vector<std::string>{"Ana Lima", "Tom Greaves", "Li Wei"}));
  EXPECT_EQ(ParseByline("By Maya Patel · January 31, 2025"),
            std::vector<std::string>{"Maya Patel"});
  EXPECT_EQ(ParseByline("Jan van der Berg"), std::vector<std::string>{"Jan van der Berg"});
}

TEST(Metadata, BylineRejectsStaff) {
  EXPECT_TRUE(ParseByline("By Staff Reporter").empty());
  EXPECT_TRUE(ParseByline("By Staff").empty());
  EXPECT_TRUE(ParseByline("Editorial Board").empty());
  EXPECT_TRUE(ParseByline("https://facebook.com/someone").empty());
}

TEST(Metadata, VisibleBylineAndRelAuthor) {
  PageMetadata m = Meta("", "<p class=byline>By Ana Lima and Tom Greaves</p>");
  EXPECT_EQ(m.authors, (std::vector<std::string>{"Ana Lima", "Tom Greaves"}));
  m = Meta("", "<div>By <a rel=author href=/a>Maya Patel</a></div>");
  EXPECT_EQ(m.authors, std::vector<std::string>{"Maya Patel"});
  m = Meta("", "<p>By Staff Reporter</p>");
  EXPECT_TRUE(m.authors.empty());
}

TEST(Metadata, TimeElement) {
  PageMetadata m = Meta("", "<time datetime=\"2023-06-02T10:00\">June 2</time>");
  EXPECT_EQ(m.published, "2023-06-02");
}

TEST(Metadata, DateFromUrl) {
  PageMetadata m = Meta("", "", "https://news.example/2022/07/04/fireworks");
  EXPECT_EQ(m.published, "2022-07-04");
}

TEST(Metadata, VisibleTextDates) {
  EXPECT_EQ(Meta("", "<div class=td_data_time>Saturday, February 22, 2025</div>").published,
            "2025-02-22");
  EXPECT_EQ(Meta("", "<span>Published 14 Jan 2025</span>").published, "2025-01-14");
  EXPECT_EQ(Meta("", "<div class=news-info>Date: 2025-01-30 Views: 3</div>").published,
            "2025-01-30");
  EXPECT_EQ(Meta("",
                 "<div class=postmeta>\xE5\x8F\x91\xE5\xB8\x83\xE4\xBA\x8E "
                 "2025\xE5\xB9\xB4"
                 "2\xE6\x9C\x88"
                 "6\xE6\x97\xA5</div>")
                .published,
            "2025-02-06");
}

TEST(Metadata, DateContextBeatsEarlierPlainText) {
  PageMetadata m = Meta("", "<p>Founded March 1, 1999</p><span class=post-date>May 5, 2024</span>");
  EXPECT_EQ(m.published, "2024-05-05");
}

TEST(Metadata, FutureDatesAreIgnored) {
  PageMetadata m =
      Meta("<meta property=\"article:published_time\" content=\"2031-01-01\">",
           "<span class=date>March 3, 2024</span>", "https://news.example/x", "2025-02-22");
  EXPECT_EQ(m.published, "2024-03-03");
}

TEST(Metadata, PublishedPreferredOverModified) {
  PageMetadata m = Meta(
      "<meta property=\"article:modified_time\" content=\"2025-03-01\">"
      "<meta property=\"article:published_time\" content=\"2025-02-01\">",
      "");
  EXPECT_EQ(m.published, "2025-02-01");
  EXPECT_EQ(m.modified, "2025-03-01");
}

TEST(Metadata, CanonicalLinkResolvedAgainstUrl) {
  PageMetadata m =
      Meta("<link rel=\"canonical\" href=\"/story/1\">", "", "https://news.example/story/1?utm=x");
  EXPECT_EQ(m.canonical_url, "https://news.example/story/1");
  m = Meta("", "", "https://news.example/story/2");
  EXPECT_EQ(m.canonical_url, "https://news.example/story/2");
}

TEST(Metadata, Language) {
  PrepassResult pre = Prepass("<html lang=\"en-US\"><body></body></html>");
  HtmlDocument dom(std::move(pre.html));
  EXPECT_EQ(ExtractMetadata(dom.root(), {}, "", "").language, "en");
  EXPECT_EQ(Meta("<meta http-equiv=\"content-language\" content=\"de\">", "").language, "de");
  EXPECT_EQ(GuessLanguage("The cat sat on the mat and it was happy with the food that was "
                          "given to it by the people of the house, as is the way of cats."),
            "en");
  EXPECT_EQ(GuessLanguage("\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96"
                          "\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6"
                          "\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD"
                          "\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"),
            "zh");
}

TEST(Metadata, LanguageDetectedFromTextInLatinScripts) {
  EXPECT_EQ(GuessLanguage("Die Bundesregierung hat am Dienstag neue Regeln f\u00fcr die Ausfuhr von "
                          "Halbleitern beschlossen, die vor allem Hersteller in China treffen sollen."),
            "de");
  EXPECT_EQ(GuessLanguage("Le gouvernement a annonc\u00e9 mardi de nouvelles r\u00e8gles sur "
                          "l'exportation des puces, qui visent surtout les fabricants chinois."),
            "fr");
  EXPECT_EQ(GuessLanguage("ok"), "");  // too short to call
}

TEST(Metadata, ResolveUrl) {
  EXPECT_EQ(ResolveUrl("https://a.example/x/y.html", "z.html"), "https://a.example/x/z.html");
  EXPECT_EQ(ResolveUrl("https://a.example/x/y.html", "//b.example/q"), "https://b.example/q");
  EXPECT_EQ(ResolveUrl("https://a.example/x/y.html", "https://c.example/"), "https://c.example/");
  EXPECT_EQ(ResolveUrl("", "/rel"), "");
  EXPECT_EQ(HostWithoutWww("https://www.Example.com:8080/p"), "example.com");
}

TEST(Metadata, VisibleH1PreferredOverSeoTitle) {
  PageMetadata m =
      Meta("<meta property=\"og:title\" content=\"Ten Best Kettles (2025) - Buy Now\">",
           "<h1>The kettles we liked best this year</h1>");
  EXPECT_EQ(m.title, "The kettles we liked best this year");
}

TEST(Metadata, SitePrefixInTitleTagNamedByFeedLink) {
  PageMetadata m = Meta(
      "<title>The Daily Bugle :: How the startup drove around the chip speed limits</title>"
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"The Daily Bugle\" "
      "href=\"/rss.xml\">",
      "<div class=\"storyhead\"><b>How the startup drove around the chip speed limits</b></div>"
      "<p>Body text.</p>",
      "http://127.0.0.2:8080/news/2025/02/speed-limits.htm");
  EXPECT_EQ(m.title, "How the startup drove around the chip speed limits");
  EXPECT_EQ(m.publisher, "The Daily Bugle");
}

TEST(Metadata, SitePrefixInTitleTagConfirmedByHeading) {
  PageMetadata m = Meta("<title>Daily Bugle - Chip ban stays in place for now</title>",
                        "<h1>Chip ban stays in place for now</h1><p>Body.</p>");
  EXPECT_EQ(m.title, "Chip ban stays in place for now");
  EXPECT_EQ(m.publisher, "Daily Bugle");
  m = Meta("<title>Chip ban stays in place for now | Daily Bugle</title>",
           "<h1>Chip ban stays in place for now</h1><p>Body.</p>");
  EXPECT_EQ(m.title, "Chip ban stays in place for now");
  EXPECT_EQ(m.publisher, "Daily Bugle");
}

TEST(Metadata, GenericFeedTitlesAreNoSiteName) {
  EXPECT_EQ(SiteFromFeedTitle("RSS"), "");
  EXPECT_EQ(SiteFromFeedTitle(" Feed "), "");
  EXPECT_EQ(SiteFromFeedTitle("Daily Bugle \u00BB Feed"), "Daily Bugle");
  EXPECT_EQ(SiteFromFeedTitle("Daily Bugle \u00BB Comments Feed"), "Daily Bugle");
  EXPECT_EQ(SiteFromFeedTitle("Daily Bugle RSS"), "Daily Bugle");
  PageMetadata m = Meta("<title>Chip ban stays in place for now</title>"
                        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Atom\">",
                        "<p>Body.</p>", "https://www.news.example/a/b");
  EXPECT_EQ(m.publisher, "news.example");
}

TEST(Metadata, CredentialsStayWithTheirName) {
  EXPECT_EQ(ParseByline("By Doris Munoz-Mantilla, MD, FOMA"),
            std::vector<std::string>{"Doris Munoz-Mantilla, MD, FOMA"});
  EXPECT_EQ(ParseByline("Genevieve Carlton, Ph.D."),
            std::vector<std::string>{"Genevieve Carlton, Ph.D."});
  EXPECT_EQ(ParseByline("Ana Lima, Tom Greaves, and Li Wei"),
            (std::vector<std::string>{"Ana Lima", "Tom Greaves", "Li Wei"}));
}

TEST(Metadata, WeekdaysAndMonthsAreNotNames) {
  EXPECT_TRUE(ParseByline("Sat, 20 Dec, 2025 - 06:36").empty());
  EXPECT_EQ(Meta("", "<div class=byline>Sat, 20 Dec, 2025</div>").authors.size(), 0u);
}

TEST(Metadata, NameCheckLevels) {
  EXPECT_TRUE(ParseByline("The Acme Team").empty());
  EXPECT_EQ(ParseByline("The Acme Team", NameCheck::kAllowGeneric),
            std::vector<std::string>{"The Acme Team"});
  EXPECT_TRUE(ParseByline("q_admin", NameCheck::kAllowGeneric).empty());
  EXPECT_EQ(ParseByline("q_admin", NameCheck::kLenient), std::vector<std::string>{"q_admin"});
  EXPECT_TRUE(ParseByline("https://x.example/u/1", NameCheck::kLenient).empty());
}

TEST(Metadata, BylineSplitOverElements) {
  EXPECT_EQ(Meta("", "<p><span>Written by</span> <a href=/u/9>Moses Kim</a></p>").authors,
            std::vector<std::string>{"Moses Kim"});
  EXPECT_EQ(Meta("", "<div><span>By</span><span>Daryl Austin</span></div>").authors,
            std::vector<std::string>{"Daryl Austin"});
  EXPECT_EQ(Meta("", "<span>Posted by David at December 16, 2025 11:15 AM</span>").authors,
            std::vector<std::string>{"David"});
}

TEST(Metadata, AuthorPageLinkNamesTheAuthor) {
  EXPECT_EQ(Meta("", "<div><a href=\"/news/author/chris-carroll/\"><p>Chris Carroll</p></a></div>"
                     "<a href=\"/author/other-person/\">Other Person</a>")
                .authors,
            std::vector<std::string>{"Chris Carroll"});
  EXPECT_TRUE(Meta("", "<a href=\"/topics/chris-carroll/\">Chris Carroll</a>").authors.empty());
}

TEST(Metadata, SiteNamedAsAuthorLosesToAPerson) {
  const std::string head =
      "<meta property=og:site_name content=\"Acme News\"><meta name=author content=\"Acme News\">";
  EXPECT_EQ(Meta(head, "<p class=byline>By Jane Roe</p>").authors,
            std::vector<std::string>{"Jane Roe"});
  EXPECT_EQ(Meta(head, "<p>Text.</p>").authors, std::vector<std::string>{"Acme News"});
}

TEST(Metadata, AuthorFieldKeepsTeamAndUserNames) {
  EXPECT_EQ(Meta("<meta name=author content=\"Workzone Team\">", "").authors,
            std::vector<std::string>{"Workzone Team"});
  EXPECT_EQ(Meta("<meta name=author content=\"q_admin\">", "").authors,
            std::vector<std::string>{"q_admin"});
  EXPECT_EQ(Meta("<meta name=\"twitter:label1\" content=\"Written by\">"
                 "<meta name=\"twitter:data1\" content=\"Rui Ma\">",
                 "")
                .authors,
            std::vector<std::string>{"Rui Ma"});
  // A real name anywhere still beats a team byline in an author field.
  EXPECT_EQ(Meta("<meta name=author content=\"Resy Staff\">", "<p>By Ben Hon</p>").authors,
            std::vector<std::string>{"Ben Hon"});
}

TEST(Metadata, ShownModifiedDateBeatsHiddenPublishedDate) {
  const std::string ld =
      "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":"
      "\"2019-08-11T18:59:51Z\",\"dateModified\":\"2025-11-21T18:51:10Z\"}</script>";
  EXPECT_EQ(Meta(ld, "<p>Updated <span>Nov 21, 2025</span></p>").published, "2025-11-21");
  // The published date shown too: it stays.
  EXPECT_EQ(Meta(ld, "<p>Published August 11, 2019</p><p>Updated Nov 21, 2025</p>").published,
            "2019-08-11");
  EXPECT_EQ(Meta(ld, "<p>No dates shown.</p>").published, "2019-08-11");
}

TEST(Metadata, LocalDateShownBeatsUtcTimestampOneDayOff) {
  EXPECT_EQ(Meta("<meta property=article:published_time content=\"2025-12-19T03:05:00+00:00\">",
                 "<time datetime=\"2025-12-18T19:05:00-08:00\">Dec 18</time>")
                .published,
            "2025-12-18");
}

TEST(Metadata, OriginallyPublishedDateWins) {
  EXPECT_EQ(Meta("<meta property=article:published_time content=\"2022-09-30\">",
                 "<p>This article was originally published on <b>26 Sep 2019 at 4:12pm</b></p>")
                .published,
            "2019-09-26");
}

TEST(Metadata, SiteNameHeadingIsNotTheTitle) {
  PageMetadata m = Meta("<title>What is Git and How Does It Work? | Terabyte Systems</title>",
                        "<h1>Terabyte Systems</h1><h1>What is Git and How Does It Work?</h1>",
                        "https://terabyte.example/posts/git");
  EXPECT_EQ(m.title, "What is Git and How Does It Work?");
  m = Meta("<title>example.org Vibe Coding</title>", "<h1>example.org</h1><h2>Vibe Coding</h2>",
           "https://example.org/2025/vibe");
  EXPECT_NE(m.title, "example.org");
}

TEST(Metadata, KickerOrDateBeforeHeadlineIsDropped) {
  PageMetadata m = Meta("<meta property=og:title content=\"Preparing a transition in Debusine\">",
                        "<h1><span>Dec 18 2025</span> Preparing a transition in Debusine</h1>");
  EXPECT_EQ(m.title, "Preparing a transition in Debusine");
  m = Meta("<title>Best Agencies in the U.S. in 2025 | Acme Strategies</title>",
           "<h1>Blog: Best Agencies in the U.S. in 2025</h1>");
  EXPECT_EQ(m.title, "Best Agencies in the U.S. in 2025");
}

TEST(Metadata, FurnitureHeadingSharingNoWordIsSkipped) {
  PageMetadata m = Meta(
      "<title>Addressing Cybersecurity Concerns Around the Smart Home – Acme Group</title>"
      "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":"
      "\"Addressing Cybersecurity Concerns Around the Smart Home\"}</script>",
      "<h1>Return to Main Website</h1>");
  EXPECT_EQ(m.title, "Addressing Cybersecurity Concerns Around the Smart Home");
  // An unconfirmed heading that shares words with the markup headline is still preferred.
  m = Meta("<title>Affordable food for low-income families | Acme</title>",
           "<h1>Affordable food for families on a budget</h1>");
  EXPECT_EQ(m.title, "Affordable food for families on a budget");
}

TEST(Metadata, CredentialAloneIsNoNameAndCapitalsNameIsNoCredential) {
  EXPECT_TRUE(ParseByline("SMT").empty());
  EXPECT_EQ(ParseByline("LEONARDO GARCIA"), std::vector<std::string>{"LEONARDO GARCIA"});
  EXPECT_EQ(ParseByline("Michael Greger, M.D. FACLM"),
            std::vector<std::string>{"Michael Greger, M.D. FACLM"});
}

TEST(Metadata, AuthorPageLinkUserNameButNotLinkLabels) {
  EXPECT_EQ(Meta("", "<a href=\"/author/cl/\"><img src=a.jpg></a>"
                     "<a href=\"/author/cl/\"><h4>crazy lennys</h4></a>")
                .authors,
            std::vector<std::string>{"crazy lennys"});
  EXPECT_TRUE(Meta("", "<a href=\"/authors/jc\">Articles by Juliette</a>").authors.empty());
}

TEST(Metadata, MarkupTitleShownOnPageBeatsADifferentHeading) {
  const std::string head =
      "<title>A guide to wine types and styles | Wine Trust</title>"
      "<meta property=\"og:title\" content=\"A guide to wine types and styles\">";
  const std::string heading = "<h1>How many wine types and styles are there?</h1><p>Text.</p>";
  // Not shown anywhere but the markup: the visible heading stays the title.
  EXPECT_EQ(Meta(head, heading).title, "How many wine types and styles are there?");
  // The page shows the markup's title as a text of its own (a teaser, a second heading).
  EXPECT_EQ(Meta(head, heading + "<div><span>A guide to wine types and styles</span></div>").title,
            "A guide to wine types and styles");
  // Text in <script> or <noscript> is not shown.
  EXPECT_EQ(Meta(head, heading + "<noscript>A guide to wine types and styles</noscript>").title,
            "How many wine types and styles are there?");
}

TEST(Metadata, ShownTwitterTitleBeatsUnshownOgTitle) {
  const std::string head =
      "<meta property=\"og:site_name\" content=\"Angle\">"
      "<title>Cloud runs inference at production scale - Angle</title>"
      "<meta property=\"og:title\" content=\"Cloud runs inference at production scale - Angle\">"
      "<meta name=\"twitter:title\" content=\"How Cloud is shaping the inference moment\">";
  EXPECT_EQ(Meta(head, "<p>Body text.</p>").title, "Cloud runs inference at production scale");
  EXPECT_EQ(Meta(head, "<h2>How Cloud is shaping the inference moment</h2><p>Body.</p>").title,
            "How Cloud is shaping the inference moment");
}

TEST(Metadata, ShownHeadlineWithTaglineKeepsTheStrippedHeadline) {
  // The whole "Headline | Tagline" heading is on the page, but the tagline was dropped on
  // purpose: seeing it shown is no reason to put it back.
  PageMetadata m = Meta(
      "<title>Best Movers in NYC 2025 | Top 19 Companies | Supermove</title>"
      "<meta property=\"og:site_name\" content=\"Supermove\">",
      "<h1>Best Movers in NYC 2025 | Top 19 Companies</h1><p>Body.</p>");
  EXPECT_EQ(m.title, "Best Movers in NYC 2025");
}

TEST(Metadata, HeadingExtendedByTwoMarkupTitlesTakesTheirSubtitle) {
  const std::string body = "<h1>Index funds</h1><p>Body.</p>";
  const std::string title = "<title>Index Funds: How to Invest | Vanguard</title>";
  // <title> alone does not outvote the heading.
  EXPECT_EQ(Meta(title, body).title, "Index funds");
  // <title> and og:title agree on a longer form of the heading.
  EXPECT_EQ(Meta(title + "<meta property=\"og:title\" content=\"Index Funds: How to Invest\">",
                 body)
                .title,
            "Index Funds: How to Invest");
  // What follows a separator is a site name, not a subtitle.
  EXPECT_EQ(Meta("<title>History of coffee - NCA</title>"
                 "<meta property=\"og:title\" content=\"History of coffee - NCA\">",
                 "<h1>History of coffee</h1><p>Body.</p>")
                .title,
            "History of coffee");
}

TEST(Metadata, MarkupTitleSpelledByUrlSlugOutvotesTheHeading) {
  const std::string url = "https://www.law.example/articles/how-to-start-an-llc-in-new-york";
  const std::string title = "<title>How to Start an LLC in New York</title>";
  const std::string og = "<meta property=\"og:title\" content=\"How to Start an LLC in New York\">";
  const std::string body = "<h1>Form your New York LLC today</h1><p>Body.</p>";
  // <title>, og:title and the slug agree.
  EXPECT_EQ(Meta(title + og, body, url).title, "How to Start an LLC in New York");
  // One markup title and the slug are not enough.
  EXPECT_EQ(Meta(title, body, url).title, "Form your New York LLC today");
  // Without the slug the heading stays.
  EXPECT_EQ(Meta(title + og, body, "https://www.law.example/articles/12345").title,
            "Form your New York LLC today");
  // A heading that is the agreed title with a subtitle added is the fuller title.
  EXPECT_EQ(Meta(title + og, "<h1>How to Start an LLC in New York: A Guide for 2025</h1>", url)
                .title,
            "How to Start an LLC in New York: A Guide for 2025");
}

}  // namespace
}  // namespace claimdex
