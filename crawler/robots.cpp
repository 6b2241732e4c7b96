#include "crawler/robots.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace claimdex {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The leading token of a user-agent value: letters, '_' and '-' (RFC 9309 §2.2.1), lower-cased.
std::string AgentToken(std::string_view value) {
  value = Trim(value);
  if (!value.empty() && value.front() == '*') return "*";
  size_t n = 0;
  while (n < value.size() && (std::isalpha(static_cast<unsigned char>(value[n])) ||
                              value[n] == '_' || value[n] == '-')) {
    ++n;
  }
  return Lower(value.substr(0, n));
}

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kUnknown };

Key ParseKey(std::string_view raw) {
  std::string key = Lower(Trim(raw));
  if (key == "user-agent" || key == "useragent" || key == "user agent") return Key::kUserAgent;
  if (key == "allow") return Key::kAllow;
  if (key == "disallow" || key == "dissallow" || key == "disalow") return Key::kDisallow;
  if (key == "crawl-delay" || key == "crawldelay") return Key::kCrawlDelay;
  if (key == "sitemap" || key == "site-map") return Key::kSitemap;
  return Key::kUnknown;
}

// Splits at LF, CR or CRLF. Drops a last line cut by the size cap: a truncated pattern
// would mean something the site did not write.
std::vector<std::string_view> SplitLines(std::string_view text, bool truncated) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size() && !truncated) lines.push_back(text.substr(start));
  return lines;
}

}  // namespace

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  if (pattern.find('*') == std::string_view::npos) {  // the common case: a plain prefix
    if (anchored) return path == pattern;
    return path.substr(0, pattern.size()) == pattern;
  }
  // reachable[i]: the pattern read so far can end right before path[i].
  std::vector<char> reachable(path.size() + 1, 0);
  reachable[0] = 1;
  for (char p : pattern) {
    if (p == '*') {
      auto first = std::find(reachable.begin(), reachable.end(), 1);
      std::fill(first, reachable.end(), 1);
      continue;
    }
    bool any = false;
    for (size_t i = path.size(); i-- > 0;) {
      reachable[i + 1] = reachable[i] && path[i] == p;
      any = any || reachable[i + 1];
    }
    reachable[0] = 0;
    if (!any) return false;
  }
  if (anchored) return reachable[path.size()] != 0;
  return std::find(reachable.begin(), reachable.end(), 1) != reachable.end();
}

std::string ProductToken(std::string_view user_agent) {
  std::string_view token = Trim(user_agent);
  size_t end = token.find_first_of("/ \t");
  return Lower(token.substr(0, end));
}

RobotsRules RobotsRules::Parse(std::string_view text) {
  RobotsRules rules;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // editors on Windows add it
  bool truncated = text.size() > kRobotsMaxBytes;
  if (truncated) text = text.substr(0, kRobotsMaxBytes);
  bool last_was_agent = false;
  for (std::string_view line : SplitLines(text, truncated)) {
    line = line.substr(0, line.find('#'));
    if (Trim(line).empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      ++rules.skipped_lines_;
      continue;
    }
    Key key = ParseKey(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    switch (key) {
      case Key::kUserAgent:
        if (!last_was_agent || rules.groups_.empty()) rules.groups_.emplace_back();
        rules.groups_.back().agents.push_back(AgentToken(value));
        last_was_agent = true;
        break;
      case Key::kAllow:
      case Key::kDisallow: {
        if (rules.groups_.empty()) {  // a rule outside any group binds no crawler
          ++rules.skipped_lines_;
          break;
        }
        last_was_agent = false;
        if (value.empty()) break;  // "Disallow:" with no path restricts nothing
        std::string pattern(value);
        if (pattern.front() != '/' && pattern.front() != '*')
          pattern = std::string(1, '/') + pattern;
        rules.groups_.back().rules.push_back({key == Key::kAllow, std::move(pattern)});
        break;
      }
      case Key::kCrawlDelay: {
        if (rules.groups_.empty()) break;
        last_was_agent = false;
        std::string number(value);
        char* end = nullptr;
        double seconds = std::strtod(number.c_str(), &end);
        if (end != number.c_str() && seconds >= 0) rules.groups_.back().crawl_delay = seconds;
        break;
      }
      case Key::kSitemap:
        if (!value.empty()) rules.sitemaps_.emplace_back(value);
        break;
      case Key::kUnknown:
        ++rules.skipped_lines_;
        break;
    }
  }
  return rules;
}

RobotsRules RobotsRules::ForStatus(int http_status) {
  RobotsRules rules;
  rules.disallow_all_ = !(http_status >= 400 && http_status < 500);
  return rules;
}

std::vector<const RobotsRules::Group*> RobotsRules::SelectGroups(
    std::string_view product_token) const {
  std::string token = Lower(product_token);
  std::vector<const Group*> named;
  std::vector<const Group*> star;
  for (const Group& group : groups_) {
    for (const std::string& agent : group.agents) {
      if (!token.empty() && agent == token) {
        named.push_back(&group);
        break;
      }
      if (agent == "*") {
        star.push_back(&group);
        break;
      }
    }
  }
  return named.empty() ? star : named;
}

bool RobotsRules::IsAllowed(std::string_view product_token, std::string_view path_and_query) const {
  std::string_view path = path_and_query.empty() ? std::string_view("/") : path_and_query;
  if (path == "/robots.txt") return true;
  if (disallow_all_) return false;
  int longest_allow = -1;
  int longest_disallow = -1;
  for (const Group* group : SelectGroups(product_token)) {
    for (const Rule& rule : group->rules) {
      if (!RobotsPatternMatches(rule.pattern, path)) continue;
      int length = static_cast<int>(rule.pattern.size());
      int& longest = rule.allow ? longest_allow : longest_disallow;
      longest = std::max(longest, length);
    }
  }
  return longest_disallow < 0 || longest_allow >= longest_disallow;
}

double RobotsRules::CrawlDelay(std::string_view product_token) const {
  double delay = 0;
  for (const Group* group : SelectGroups(product_token)) {
    delay = std::max(delay, group->crawl_delay);
  }
  return delay;
}

}  // namespace claimdex
