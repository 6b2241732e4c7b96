#include "crawler/discovery.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <unordered_map>
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
  std::string_view head = href.substr(start, 11);
  auto starts = [head](std::string_view scheme) {
    if (head.size() < scheme.size()) return false;
    for (size_t i = 0; i < scheme.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(head[i])) != scheme[i]) return false;
    }
    return true;
  };
  return starts("javascript:") || starts("mailto:") || starts("tel:") || starts("data:");
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

// Canonical forms of the hrefs whose resolution does not depend on the page's own path:
// absolute http(s) URLs (the same whatever the base) and root-relative paths (the same for every
// page of one origin). Site menus, footers and share links repeat them on every page, and
// resolving one through libcurl's URL API costs a dozen parses and allocations. Each capture
// thread keeps its own memo in two generations of kGenerationSize entries: when the newer one
// is full the older is dropped, so hrefs seen again and again survive one-off ones.
class HrefMemo {
 public:
  static constexpr size_t kGenerationSize = 25'000;

  // The key under which `href` resolves alike on every page whose base is `base`; "" when its
  // resolution depends on more than the base's origin.
  static std::string KeyOf(std::string_view href, std::string_view base) {
    std::string key;
    if (StartsWithNoCase(href, "http://") || StartsWithNoCase(href, "https://")) {
      key.reserve(href.size() + 1);
      key += 'A';  // tagged: absolute and relative keys never collide
      key += href;
      return key;
    }
    if (href.size() < 2 || href[0] != '/' || href[1] == '/' || href[1] == '\\') return "";
    size_t authority = base.find("://");
    if (authority == std::string_view::npos) return "";
    size_t path = base.find_first_of("/?#", authority + 3);
    key += 'R';
    key += base.substr(0, path);
    key += ' ';  // cannot occur in a canonical origin: it ends the origin
    key += href;
    return key;
  }

  // Resolves `href` through `resolver` (whose base is `base`), or recalls the answer.
  std::optional<std::string> Resolve(const UrlResolver& resolver, std::string_view base,
                                     std::string_view href) {
    std::string key = resolver.ok() ? KeyOf(href, base) : "";
    if (key.empty()) return Answer(resolver.Resolve(href));
    if (auto it = newer_.find(key); it != newer_.end()) return it->second;
    std::optional<std::string> answer;
    if (auto it = older_.find(key); it != older_.end()) {
      answer = it->second;  // still in use: carried into the newer generation
    } else {
      answer = Answer(resolver.Resolve(href));
    }
    if (newer_.size() >= kGenerationSize) {
      older_ = std::move(newer_);
      newer_.clear();
    }
    newer_.emplace(std::move(key), answer);
    return answer;
  }

 private:
  static bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    }
    return true;
  }

  static std::optional<std::string> Answer(Result<std::string> url) {
    if (!url.ok()) return std::nullopt;
    return std::move(url.value());
  }

  std::unordered_map<std::string, std::optional<std::string>> newer_;
  std::unordered_map<std::string, std::optional<std::string>> older_;
};

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
  thread_local HrefMemo memo;
  for (HtmlLink& link : links.links) {
    if (!seen.insert(link.href).second || IsNotHttp(link.href)) continue;
    std::optional<std::string> url = memo.Resolve(resolver, base, link.href);
    if (url.has_value())
      out.links.push_back({std::move(*url), std::move(link.text), LinkSource::kPageLink});
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
