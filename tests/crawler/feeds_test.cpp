#include "crawler/feeds.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace claimdex {
namespace {

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(FeedParser, GzippedSitemapIsInflated) {
  FeedDocument doc = ParseFeed(
      Gzip("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
           "<url><loc>http://example.com/a</loc></url><url><loc>http://example.com/b</loc></url>"
           "</urlset>"));
  EXPECT_EQ(doc.kind, FeedKind::kSitemap);
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[1].url, "http://example.com/b");
}

TEST(FeedParser, TruncatedGzipYieldsWhatInflated) {
  std::string xml = "<urlset>";
  for (int i = 0; i < 200; ++i)
    xml += "<url><loc>http://example.com/" + std::to_string(i) + "</loc></url>";
  std::string gz = Gzip(xml + "</urlset>");
  FeedDocument doc = ParseFeed(gz.substr(0, gz.size() / 2));
  EXPECT_EQ(doc.kind, FeedKind::kSitemap);
  EXPECT_GT(doc.entries.size(), 0u);
  EXPECT_LT(doc.entries.size(), 200u);
}

TEST(FeedParser, GzipBombIsCutAtTheParseLimit) {
  std::string bomb = Gzip("<urlset>" + std::string(40u << 20, ' ') + "</urlset>");
  FeedDocument doc = ParseFeed(bomb);  // 40 MiB of spaces: inflated only up to 10 MiB
  EXPECT_TRUE(doc.entries.empty());
}

TEST(FeedParser, GoogleNewsSitemapGivesPublicationDateAndTitle) {
  FeedDocument doc = ParseFeed(
      "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
      " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
      "<url><loc>http://example.com/story</loc><lastmod>2025-03-02</lastmod>"
      "<news:news><news:publication><news:name>Example</news:name>"
      "<news:language>en</news:language></news:publication>"
      "<news:publication_date>2025-03-01T10:00:00Z</news:publication_date>"
      "<news:title>Chip rules tightened</news:title></news:news></url></urlset>");
  ASSERT_EQ(doc.entries.size(), 1u);
  EXPECT_EQ(doc.entries[0].date, "2025-03-01T10:00:00Z");
  EXPECT_EQ(doc.entries[0].title, "Chip rules tightened");
}

TEST(FeedParser, Rss2ItemsGiveLinksAndDates) {
  FeedDocument doc = ParseFeed(R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title><link>http://example.com/</link>
<item><title>A</title><link>http://example.com/a</link><pubDate>Sat, 22 Feb 2025 10:00:00 GMT</pubDate></item>
<item><title>B</title><link> /b </link></item>
</channel></rss>)");
  EXPECT_EQ(doc.kind, FeedKind::kRss);
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[0].url, "http://example.com/a");
  EXPECT_EQ(doc.entries[0].date, "Sat, 22 Feb 2025 10:00:00 GMT");
  EXPECT_EQ(doc.entries[1].url, "/b");  // trimmed, left relative for the caller to resolve
}

TEST(FeedParser, Rss1RdfItems) {
  FeedDocument doc = ParseFeed(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.com/"><title>T</title></channel>
<item rdf:about="http://example.com/x"><link>http://example.com/x</link><dc:date>2025-01-02</dc:date></item>
</rdf:RDF>)");
  EXPECT_EQ(doc.kind, FeedKind::kRss);
  ASSERT_EQ(doc.entries.size(), 1u);
  EXPECT_EQ(doc.entries[0].date, "2025-01-02");
}

TEST(FeedParser, AtomEntriesPreferTheAlternateLink) {
  FeedDocument doc = ParseFeed(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>A</title><link rel="self" href="http://example.com/a.atom"/>
<link rel="alternate" href="http://example.com/a"/><updated>2025-02-01T00:00:00Z</updated></entry>
<entry><title>B</title><link href="http://example.com/b"/><published>2025-02-02</published></entry>
</feed>)");
  EXPECT_EQ(doc.kind, FeedKind::kAtom);
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[0].url, "http://example.com/a");
  EXPECT_EQ(doc.entries[0].date, "2025-02-01T00:00:00Z");
  EXPECT_EQ(doc.entries[1].url, "http://example.com/b");
  EXPECT_EQ(doc.entries[1].date, "2025-02-02");
}

TEST(FeedParser, SitemapUrlset) {
  FeedDocument doc = ParseFeed(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://example.com/p1</loc><lastmod>2025-03-01</lastmod></url>
<url><loc>http://example.com/p2</loc></url></urlset>)");
  EXPECT_EQ(doc.kind, FeedKind::kSitemap);
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[0].url, "http://example.com/p1");
  EXPECT_EQ(doc.entries[0].date, "2025-03-01");
}

TEST(FeedParser, SitemapIndexListsChildSitemaps) {
  FeedDocument doc = ParseFeed(R"(<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://example.com/sitemap-1.xml</loc></sitemap>
<sitemap><loc>http://example.com/sitemap-2.xml</loc></sitemap></sitemapindex>)");
  EXPECT_EQ(doc.kind, FeedKind::kSitemapIndex);
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[1].url, "http://example.com/sitemap-2.xml");
}

TEST(FeedParser, RecoversLinksFromBrokenXml) {
  FeedDocument doc = ParseFeed(
      "<rss><channel><item><link>http://example.com/ok</link></item>"
      "<item><link>http://example.com/amp?a=1&b=2</link></item>"
      "<item><title>unclosed <b>tag</title><link>http://example.com/third</link></item>");
  EXPECT_EQ(doc.kind, FeedKind::kRss);
  ASSERT_GE(doc.entries.size(), 1u);
  EXPECT_EQ(doc.entries[0].url, "http://example.com/ok");
}

TEST(FeedParser, GarbageGivesNothing) {
  EXPECT_EQ(ParseFeed("").kind, FeedKind::kUnknown);
  EXPECT_EQ(ParseFeed("not xml at all").entries.size(), 0u);
  EXPECT_EQ(ParseFeed("<html><body><a href='/x'>x</a></body></html>").kind, FeedKind::kUnknown);
  EXPECT_EQ(ParseFeed(std::string("\0\0\0<rss>", 8)).entries.size(), 0u);
}

TEST(FeedParser, DoesNotExpandExternalEntities) {
  FeedDocument doc = ParseFeed(R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
<rss><channel><item><link>http://example.com/&xxe;</link></item></channel></rss>)");
  for (const FeedEntry& entry : doc.entries) {
    EXPECT_EQ(entry.url.find('\n'), std::string::npos);
    EXPECT_TRUE(entry.url.rfind("http://example.com/", 0) == 0);
    EXPECT_LT(entry.url.size(), 40u) << entry.url;
  }
}

}  // namespace
}  // namespace claimdex
