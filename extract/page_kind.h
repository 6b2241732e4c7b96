// Page kind: is a page one article, or a home, section or listing page (teasers that link to
// articles)? Listing pages repeat their articles' sentences, so they must not yield claims.
// Internal to extract/.
#ifndef CLAIMDEX_EXTRACT_PAGE_KIND_H_
#define CLAIMDEX_EXTRACT_PAGE_KIND_H_

#include <gumbo.h>

#include <string>
#include <vector>

namespace claimdex {

struct PageKindSignals {
  bool ld_article = false;     // JSON-LD names an Article-like type
  bool ld_listing = false;     // JSON-LD names CollectionPage, ItemList, SearchResultsPage
  bool ld_website = false;     // JSON-LD names WebSite (also common on article pages)
  bool listing_path = false;   // "/", "/index.html", "/news/", "/tag/x", "/2025/01/", ...
  int teasers = 0;             // links of 4+ words to other pages of the site
  int heading_teasers = 0;     // of those, inside or around a heading or bold text
  double link_density = 0.0;   // linked text / all visible body text
};

// Evidence from the DOM, the ld+json bodies and the URL (may be empty). Bounded by the DOM.
PageKindSignals PageKindOf(const GumboNode* root, const std::vector<std::string>& json_ld,
                           const std::string& url);

// True when the signals say home/section/listing page. An Article type in JSON-LD always
// wins; otherwise two of: a listing path, several heading teasers (or many teasers), a high
// link density, a listing JSON-LD type. An article with a related-links box has only one.
bool IsListingPage(const PageKindSignals& s);

// True for a URL path that names a site root or section rather than one story.
bool IsListingPath(const std::string& url);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_PAGE_KIND_H_
