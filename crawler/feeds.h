// RSS 2.0 (and RSS 1.0/RDF), Atom 1.0, XML sitemaps and sitemap indexes (plain or gzipped,
// with Google News sitemap tags): the URLs they list.
//
// Parsed with libxml2 in recover mode with network access and entity substitution off, so a
// broken or hostile document yields whatever links could be recovered, never an error or a
// fetch. URLs are returned as written (possibly relative); the caller resolves them against
// the document's URL.
//
// Thread-safety: ParseFeed is reentrant.
#ifndef CLAIMDEX_CRAWLER_FEEDS_H_
#define CLAIMDEX_CRAWLER_FEEDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace claimdex {

enum class FeedKind { kUnknown, kRss, kAtom, kSitemap, kSitemapIndex };

struct FeedEntry {
  std::string url;
  std::string date;   // pubDate / updated / published / news:publication_date / lastmod as
                      // written; "" when absent
  std::string title;  // news:title of a Google News sitemap entry; "" otherwise
};

struct FeedDocument {
  FeedKind kind = FeedKind::kUnknown;
  // Items of a feed, pages of a sitemap, or (kSitemapIndex) the child sitemaps to fetch.
  std::vector<FeedEntry> entries;
};

// Parses `xml` (at most the first 10 MiB are considered). A gzip stream (a sitemap.xml.gz served
// without Content-Encoding) is inflated first, again to at most 10 MiB, so a gzip bomb yields
// only what fits. An unparseable document or an unknown root element gives kind kUnknown and
// no entries.
FeedDocument ParseFeed(std::string_view xml);

const char* FeedKindName(FeedKind kind);  // "rss", "atom", "sitemap", "sitemapindex", "unknown"

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_FEEDS_H_
