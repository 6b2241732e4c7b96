// Article metadata from a page's markup: title, authors, published and modified dates,
// publisher, canonical URL and language. Sources, best first, are JSON-LD, <meta> tags
// (Open Graph, article:*, Dublin Core, parsely, ...), microdata, <link rel>, <time>, the URL
// and finally visible text (bylines, dates).
#ifndef CLAIMDEX_EXTRACT_METADATA_H_
#define CLAIMDEX_EXTRACT_METADATA_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace claimdex {

struct PageMetadata {
  std::string title;
  std::vector<std::string> authors;
  std::string published;  // YYYY-MM-DD or ""
  std::string modified;   // YYYY-MM-DD or ""
  std::string publisher;
  std::string canonical_url;
  std::string language;  // primary subtag, lower case ("en", "zh"), or ""
};

// `json_ld` are the bodies of the page's ld+json scripts (see prepass.h); `url` the page URL
// (may be empty); `fetched_ymd` the fetch date "YYYY-MM-DD" or "" (dates after it are
// ignored). Never fails; missing fields stay empty.
PageMetadata ExtractMetadata(const GumboNode* root, const std::vector<std::string>& json_ld,
                             const std::string& url, const std::string& fetched_ymd);

// "Headline | Site" -> "Headline"; *site gets the removed part ("" when none). `site_hint`
// (a known site name, may be empty) is removed from either end when present.
std::string StripTitleSite(const std::string& title, const std::string& site_hint,
                           std::string* site);

// "Site :: Headline" or "Headline | Site" when a heading, og:title or JSON-LD headline in
// `refs` confirms one side (equal, or one contains the other) and not the other: *headline
// and *site get the parts and the result is true. False (outputs untouched) otherwise.
bool SplitTitleByReference(const std::string& title, const std::vector<std::string>& refs,
                           std::string* headline, std::string* site);

// A site name from an RSS/Atom <link rel="alternate"> title ("The Daily Bugle",
// "The Daily Bugle » Feed" -> "The Daily Bugle"); "" for generic titles ("RSS", "Feed").
std::string SiteFromFeedTitle(const std::string& feed_title);

// How strictly ParseByline checks that a part of a byline is a name.
enum class NameCheck {
  kStrict,        // capitalised words only; generic names ("Staff", "Editorial Board") dropped
  kAllowGeneric,  // capitalised words; team bylines ("The Acme Team") kept
  kLenient,       // any short string: user names ("q_admin") from an author field
};

// "By Jane Doe and John Roe" -> {"Jane Doe", "John Roe"}; credentials stay with their name
// ("Jane Doe, MD, FACP"). Weekday and month names are never names; URLs and e-mail
// addresses are always dropped.
std::vector<std::string> ParseByline(std::string_view text, NameCheck check = NameCheck::kStrict);

// The host of an http(s) URL without a leading "www.", or "".
std::string HostWithoutWww(const std::string& url);

// `href` resolved against `base` (absolute, scheme-relative, root-relative and relative
// forms); "" when neither gives an http(s) URL.
std::string ResolveUrl(const std::string& base, const std::string& href);

// A rough language guess from text: "zh", "ja", "ko", "ru", "en", or "" when unsure.
std::string GuessLanguage(std::string_view text);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_METADATA_H_
