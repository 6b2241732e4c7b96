// robots.txt per RFC 9309: a lenient parser and a matcher with a bounded worst case.
//
// Parsing never fails: unknown keys and malformed lines are skipped (and counted in
// diagnostics), only the first kRobotsMaxBytes are read (RFC 9309 §2.5 lets a crawler stop
// there). Matching selects the group whose user-agent line equals the crawler's product token
// (case-insensitive; several such groups are merged), else the "*" groups, else allows
// everything; within the group the rule with the longest matching pattern wins and Allow wins
// a tie (§2.2.2). Patterns support "*" (any run of characters) and a trailing "$" (end of
// path). "/robots.txt" itself is always allowed.
//
// Fetch semantics (§2.3.1): a 2xx body is parsed; 4xx means no restrictions; 5xx or an
// unreachable server means "disallow everything for now" (the crawler retries on a later run).
//
// Thread-safety: a RobotsRules is immutable after construction and may be shared.
#ifndef CLAIMDEX_CRAWLER_ROBOTS_H_
#define CLAIMDEX_CRAWLER_ROBOTS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimdex {

inline constexpr size_t kRobotsMaxBytes = 500 * 1024;

class RobotsRules {
 public:
  // Parses robots.txt text (any bytes; lines end in LF, CR or CRLF).
  static RobotsRules Parse(std::string_view text);
  // The rules implied by an HTTP status without a usable body: 4xx -> allow all; 5xx or
  // `http_status` <= 0 (unreachable) -> disallow all.
  static RobotsRules ForStatus(int http_status);
  static RobotsRules AllowAll() { return RobotsRules(); }

  // True when `path_and_query` ("/a/b?c", as sent in the request line) may be fetched by a
  // crawler whose product token is `product_token` ("claimdex"). Worst case
  // O(len(path) * len(pattern)) per rule: wildcards are matched by a set of positions, never
  // by backtracking.
  bool IsAllowed(std::string_view product_token, std::string_view path_and_query) const;

  // Crawl-delay of the group that applies to `product_token`, in seconds; 0 when none.
  double CrawlDelay(std::string_view product_token) const;

  const std::vector<std::string>& sitemaps() const { return sitemaps_; }
  // Number of lines skipped as malformed or unknown (for stats; never an error).
  int skipped_lines() const { return skipped_lines_; }
  bool disallow_all() const { return disallow_all_; }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;
  };
  struct Group {
    std::vector<std::string> agents;  // lower-cased
    std::vector<Rule> rules;
    double crawl_delay = -1;
  };

  // The groups that apply to `product_token`, merged (empty when none do).
  std::vector<const Group*> SelectGroups(std::string_view product_token) const;

  std::vector<Group> groups_;
  std::vector<std::string> sitemaps_;
  int skipped_lines_ = 0;
  bool disallow_all_ = false;
};

// The product token of a User-Agent string: its first word up to '/' ("claimdex/0.1 (+...)"
// -> "claimdex").
std::string ProductToken(std::string_view user_agent);

// True when `path` matches the robots.txt `pattern` ("*" wildcards, trailing "$" anchor).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_ROBOTS_H_
