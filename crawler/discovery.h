// What a fetched resource points at: the redirect target of a 3xx, the entries of a feed or
// sitemap, the links of an HTML page — resolved and canonicalised, but not yet judged by the
// link policy (the crawl loop does that, since it needs the frontier).
//
// Thread-safety: CollectLinks is reentrant; the capture threads call it off the fetch loop.
#ifndef CLAIMDEX_CRAWLER_DISCOVERY_H_
#define CLAIMDEX_CRAWLER_DISCOVERY_H_

#include <string>
#include <vector>

#include "crawler/fetcher.h"
#include "crawler/links.h"
#include "crawler/state.h"

namespace claimdex {

enum class LinkSource {
  kRedirect,      // the Location of a 3xx answer
  kFeedEntry,     // an item of a feed or a page of a sitemap
  kChildSitemap,  // a sitemap listed by a sitemap index (or by robots.txt)
  kPageLink,      // <a href> of an HTML page
};

struct FoundLink {
  std::string url;   // canonical absolute http(s) URL
  std::string text;  // anchor text (kPageLink) or news:title (kFeedEntry); may be ""
  LinkSource source = LinkSource::kPageLink;
};

struct FoundLinks {
  std::vector<FoundLink> links;
  // Bad input worth a warning, naming the problem ("redirect to an invalid or non-http(s)
  // URL: ...", "not a feed or sitemap", "3 entries with invalid URLs"); "" when none.
  std::string problem;
  bool page_on_topic = false;  // an HTML page where a topic keyword occurs (LinkPolicy)
};

// Links out of `result`, fetched as a URL of `kind`. Pages only yield links when the
// Content-Type is (or could be) HTML; feeds and sitemaps are parsed whatever their type.
// `policy` (may be null) decides page_on_topic; it must outlive the call.
FoundLinks CollectLinks(UrlKind kind, const FetchResult& result,
                        const LinkPolicy* policy = nullptr);

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_DISCOVERY_H_
