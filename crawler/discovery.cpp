#include "crawler/discovery.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_set>

#include "crawler/feeds.h"
#include "crawler/links.h"
#include "crawler/url.h"

namespace claimdex {
namespace {

std::string LowerAscii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool LooksLikeHtml(const FetchResult& result) {
  std::string type = LowerAscii(result.Header("Content-Type"));
  if (type.empty()) return true;  // sniffing is the extractor's job; links are cheap to try
  return type.find("html") != std::string::npos;
}

// Schemes that never resolve to an http(s) URL, skipped before the (dearer) resolution.
bool IsNotHttp(std::string_view href) {
  size_t start = href.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return true;
  std::string head = LowerAscii(std::string(href.substr(start, 11)));
  return head.rfind("javascript:", 0) == 0 || head.rfind("mailto:", 0) == 0 ||
         head.rfind("tel:", 0) == 0 || head.rfind("data:", 0) == 0;
}

std::string Shorten(std::string text) {
  if (text.size() > 120) text = text.substr(0, 117) + "...";
  return text;
}

FoundLinks RedirectTarget(const FetchResult& result) {
  FoundLinks out;
  std::string location = result.Header("Location");
  if (location.empty()) {
    out.problem = fmt::format("HTTP {} without a Location header", result.status);
    return out;
  }
  auto target = ResolveUrl(result.url, location);
  if (!target.ok()) {
    out.problem = "redirect to an invalid or non-http(s) URL: " + Shorten(location);
    return out;
  }
  out.links.push_back({target.value(), "", LinkSource::kRedirect});
  return out;
}

FoundLinks FeedEntries(const FetchResult& result) {
  FoundLinks out;
  FeedDocument document = ParseFeed(result.body);
  UrlResolver resolver(result.url);
  if (document.kind == FeedKind::kUnknown) {
    std::string type = result.Header("Content-Type");
    out.problem =
        fmt::format("not a feed or sitemap (Content-Type {})", type.empty() ? "none" : type);
    return out;
  }
  LinkSource source =
      document.kind == FeedKind::kSitemapIndex ? LinkSource::kChildSitemap : LinkSource::kFeedEntry;
  int invalid = 0;
  for (const FeedEntry& item : document.entries) {
    auto url = resolver.Resolve(item.url);
    if (!url.ok()) {
      ++invalid;
      continue;
    }
    out.links.push_back({url.value(), item.title, source});
  }
  if (invalid > 0) out.problem = fmt::format("{} entries with invalid URLs", invalid);
  return out;
}

FoundLinks PageLinks(const FetchResult& result, const LinkPolicy* policy) {
  FoundLinks out;
  if (!LooksLikeHtml(result)) return out;
  out.page_on_topic = policy != nullptr && policy->PageOnTopic(result.body);
  HtmlLinks links = ExtractLinks(result.body);
  std::string base = result.url;
  if (!links.base_href.empty()) {
    auto resolved = ResolveUrl(result.url, links.base_href);
    if (resolved.ok()) base = resolved.value();
  }
  out.links.reserve(links.links.size());
  UrlResolver resolver(base);
  std::unordered_set<std::string_view> seen;  // menus repeat links; resolve each href once
  for (HtmlLink& link : links.links) {
    if (!seen.insert(link.href).second || IsNotHttp(link.href)) continue;
    auto url = resolver.Resolve(link.href);
    if (url.ok()) out.links.push_back({url.value(), std::move(link.text), LinkSource::kPageLink});
  }
  return out;
}

}  // namespace

FoundLinks CollectLinks(UrlKind kind, const FetchResult& result, const LinkPolicy* policy) {
  if (result.status / 100 == 3 && result.status != 304) return RedirectTarget(result);
  if (result.status / 100 != 2) return {};
  if (kind == UrlKind::kFeed || kind == UrlKind::kSitemap) return FeedEntries(result);
  if (kind == UrlKind::kPage) return PageLinks(result, policy);
  return {};
}

}  // namespace claimdex
