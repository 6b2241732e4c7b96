// Links out of an HTML page, and the policy that decides which of them the crawler follows.
//
// ExtractLinks is a bounded tag scanner, not an HTML parser (the extract module does real DOM
// work): it finds <a href> and <base href>, skips comments, <script> and <style>, decodes the
// few entities that occur in URLs (&amp; and numeric ones), and takes the anchor text up to
// </a> with tags removed. Linear in the input; at most kMaxLinksPerPage links per page.
//
// Thread-safety: both are reentrant; a LinkPolicy is immutable after construction.
#ifndef CLAIMDEX_CRAWLER_LINKS_H_
#define CLAIMDEX_CRAWLER_LINKS_H_

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/profile.h"

namespace claimdex {

inline constexpr size_t kMaxLinksPerPage = 2000;

struct HtmlLink {
  std::string href;  // as written (entity-decoded, not resolved)
  std::string text;  // anchor text, whitespace collapsed, at most 200 bytes
};

struct HtmlLinks {
  std::string base_href;  // <base href>, "" when absent
  std::vector<HtmlLink> links;
};

HtmlLinks ExtractLinks(std::string_view html);

// Which discovered URLs to follow (docs/formats-crawler.md "Link policy"):
//  1. the host is allowed: it matches profile.allow_hosts, or (allow_hosts empty) one of the
//     "seed hosts" (hosts of the seeds, extra seeds, feeds and sitemaps); and it never matches
//     deny_hosts;
//  2. depth <= max_depth (a seed is depth 0; a page linked from it depth 1; feed and sitemap
//     entries depth 1);
//  3. the link is on a seed host, or the profile has no keywords, or a keyword occurs
//     (case-insensitively) in the anchor text or in the URL (where "export control" also
//     matches "export-control" and "export_control"), or in the page the link is on.
class LinkPolicy {
 public:
  LinkPolicy(const Profile& profile, const std::vector<std::string>& seed_urls);

  bool HostAllowed(const std::string& host) const;
  bool IsSeedHost(const std::string& host) const { return seed_hosts_.count(host) > 0; }
  bool OnTopic(const std::string& url, const std::string& anchor_text) const;
  // True when a keyword occurs (ASCII case-insensitively) in the first MiB of `html`.
  bool PageOnTopic(std::string_view html) const;
  // Rules 1-3 for a link found on a page (`page_on_topic`: PageOnTopic of that page).
  bool ShouldFollow(const std::string& url, const std::string& anchor_text, int depth,
                    bool page_on_topic = false) const;
  int max_depth() const { return max_depth_; }

 private:
  std::set<std::string> seed_hosts_;
  std::vector<std::string> allow_hosts_;
  std::vector<std::string> deny_hosts_;
  std::vector<std::string> keywords_;  // lower-cased
  int max_depth_;
};

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_LINKS_H_
