// What a fetched resource adds to the frontier: the links CollectLinks (discovery.h) found,
// judged by the link policy. Part of CrawlRun (crawl_run.h).
#include "crawler/crawl_run.h"
#include "crawler/url.h"

namespace claimdex {

Status CrawlRun::ApplyLinks(const FrontierEntry& from, const FoundLinks& found) {
  if (!found.problem.empty()) Warn(from.url + ": " + found.problem);
  // Page links one hop deeper than max_depth are never followed: skip them without a lookup.
  bool page_links_too_deep = from.depth + 1 > policy_->max_depth();
  for (const FoundLink& link : found.links) {
    if (link.source == LinkSource::kPageLink && page_links_too_deep) continue;
    if (known_urls_.count(link.url) > 0) continue;  // Enqueue would be a no-op
    // ShouldFollow judges a page link's host itself; the other sources need it here.
    std::string host = link.source == LinkSource::kPageLink ? "" : UrlHost(link.url);
    switch (link.source) {
      case LinkSource::kRedirect: {
        // A redirect within the same site (http -> https, example.com -> www.example.com) is
        // followed even when allow_hosts would not list the new host.
        bool same_site = RegisteredDomain(host) == RegisteredDomain(UrlHost(from.url));
        if (!same_site && !policy_->HostAllowed(host)) break;
        CLAIMDEX_RETURN_IF_ERROR(Enqueue(link.url, from.kind, from.depth, from.url));
        break;
      }
      case LinkSource::kChildSitemap:
        if (policy_->HostAllowed(host))
          CLAIMDEX_RETURN_IF_ERROR(Enqueue(link.url, UrlKind::kSitemap, from.depth, from.url));
        break;
      case LinkSource::kFeedEntry:
        if (policy_->HostAllowed(host) && from.depth + 1 <= policy_->max_depth())
          CLAIMDEX_RETURN_IF_ERROR(Enqueue(link.url, UrlKind::kPage, from.depth + 1, from.url));
        break;
      case LinkSource::kPageLink:
        if (policy_->ShouldFollow(link.url, link.text, from.depth + 1, found.page_on_topic))
          CLAIMDEX_RETURN_IF_ERROR(Enqueue(link.url, UrlKind::kPage, from.depth + 1, from.url));
        break;
    }
  }
  return Status::Ok();
}

// New URLs go to state.sqlite only; the host's window is refilled from there in discovery
// order when it runs dry, so memory stays bounded whatever the size of the frontier.
Status CrawlRun::Enqueue(const std::string& url, UrlKind kind, int depth, const std::string& from) {
  if (known_urls_.size() >= kMaxKnownUrls) known_urls_.clear();
  known_urls_.insert(url);
  std::string key = UrlHostPort(url);
  if (!InShard(UrlHost(url))) return Status::Ok();
  FrontierEntry entry;
  entry.url = url;
  entry.host = key;
  entry.kind = kind;
  entry.depth = depth;
  bool added = false;
  CLAIMDEX_RETURN_IF_ERROR(state_->AddUrl(entry, from, &added));
  if (!added) return Status::Ok();
  HostRuntime& host = HostFor(key);
  host.more_in_db = true;
  ++host.queued_in_db;
  return Status::Ok();
}

}  // namespace claimdex
