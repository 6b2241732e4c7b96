// RSS 2.0 (and RSS 1.0/RDF), Atom 1.0, XML sitemaps and sitemap indexes: the URLs they list.
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
  std::string date;  // pubDate / updated / published / lastmod as written; "" when absent
};

struct FeedDocument {
  FeedKind kind = FeedKind::kUnknown;
  // Items of a feed, pages of a sitemap, or (kSitemapIndex) the child sitemaps to fetch.
  std::vector<FeedEntry> entries;
};

// Parses `xml` (at most the first 10 MiB are considered). An unparseable document or an
// unknown root element gives kind kUnknown and no entries.
FeedDocument ParseFeed(std::string_view xml);

const char* FeedKindName(FeedKind kind);  // "rss", "atom", "sitemap", "sitemapindex", "unknown"

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_FEEDS_H_
