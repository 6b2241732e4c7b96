// What a fetched resource adds to the frontier: redirect targets, links out of HTML pages,
// entries of feeds and sitemaps. Part of CrawlRun (crawl_run.h).
#include <algorithm>
#include <cctype>

#include "crawler/crawl_run.h"
#include "crawler/feeds.h"
#include "crawler/links.h"
#include "crawler/url.h"

namespace claimdex {
namespace {

bool LooksLikeHtml(const FetchResult& result) {
  std::string type = result.Header("Content-Type");
  if (type.empty()) return true;  // sniffing is the extractor's job; links are cheap to try
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type.find("html") != std::string::npos;
}

}  // namespace

Status CrawlRun::Discover(const FrontierEntry& from, const FetchResult& result) {
  if (result.status / 100 == 3) {
    std::string location = result.Header("Location");
    if (location.empty()) return Status::Ok();
    auto target = ResolveUrl(result.url, location);
    if (!target.ok()) return Status::Ok();
    std::string host = UrlHost(target.value());
    // A redirect within the same site (http -> https, example.com -> www.example.com) is
    // followed even when allow_hosts would not list the new host.
    bool same_site = RegisteredDomain(host) == RegisteredDomain(UrlHost(from.url));
    if (!same_site && !policy_->HostAllowed(host)) return Status::Ok();
    return Enqueue(target.value(), from.kind, from.depth, from.url);
  }
  if (result.status / 100 != 2) return Status::Ok();
  if (from.kind == UrlKind::kFeed || from.kind == UrlKind::kSitemap) {
    FeedDocument document = ParseFeed(result.body);
    bool index = document.kind == FeedKind::kSitemapIndex;
    for (const FeedEntry& item : document.entries) {
      auto url = ResolveUrl(result.url, item.url);
      if (!url.ok() || !policy_->HostAllowed(UrlHost(url.value()))) continue;
      if (index) {
        CLAIMDEX_RETURN_IF_ERROR(Enqueue(url.value(), UrlKind::kSitemap, from.depth, result.url));
      } else if (from.depth + 1 <= policy_->max_depth()) {
        CLAIMDEX_RETURN_IF_ERROR(Enqueue(url.value(), UrlKind::kPage, from.depth + 1, result.url));
      }
    }
    return Status::Ok();
  }
  if (!LooksLikeHtml(result)) return Status::Ok();
  HtmlLinks links = ExtractLinks(result.body);
  std::string base = result.url;
  if (!links.base_href.empty()) {
    auto resolved = ResolveUrl(result.url, links.base_href);
    if (resolved.ok()) base = resolved.value();
  }
  for (const HtmlLink& link : links.links) {
    auto url = ResolveUrl(base, link.href);
    if (!url.ok() || !policy_->ShouldFollow(url.value(), link.text, from.depth + 1)) continue;
    CLAIMDEX_RETURN_IF_ERROR(Enqueue(url.value(), UrlKind::kPage, from.depth + 1, result.url));
  }
  return Status::Ok();
}

Status CrawlRun::Enqueue(const std::string& url, UrlKind kind, int depth, const std::string& from) {
  if (!InShard(UrlHost(url))) return Status::Ok();
  FrontierEntry entry;
  entry.url = url;
  entry.host = UrlHostPort(url);
  entry.kind = kind;
  entry.depth = depth;
  bool added = false;
  CLAIMDEX_RETURN_IF_ERROR(state_->AddUrl(entry, from, &added));
  if (added) HostFor(entry.host).queue.push_back(std::move(entry));
  return Status::Ok();
}

}  // namespace claimdex
