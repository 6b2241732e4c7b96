// libFuzzer target: robots.txt parsing and matching. The input is "pattern\npath\nrobots.txt":
// the first two lines also go to RobotsPatternMatches and IsAllowed, so the wildcard matcher
// sees hostile patterns and paths.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crawler/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 600 * 1024) return -1;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t nl1 = text.find('\n');
  std::string_view pattern = text.substr(0, nl1);
  std::string_view rest = nl1 == std::string_view::npos ? std::string_view() : text.substr(nl1 + 1);
  std::string_view path = rest.substr(0, rest.find('\n'));
  // Bounded worst case is part of the contract: keep the pair small enough that a slow
  // matcher shows up as a timeout, not as a legitimately large input.
  if (pattern.size() <= 4096 && path.size() <= 4096) claimdex::RobotsPatternMatches(pattern, path);

  claimdex::RobotsRules rules = claimdex::RobotsRules::Parse(text);
  for (std::string_view agent : {"claimdex", "*", "Googlebot"}) {
    rules.IsAllowed(agent, path.size() <= 4096 ? path : path.substr(0, 4096));
    rules.IsAllowed(agent, "/robots.txt");
    rules.IsAllowed(agent, "/");
    rules.CrawlDelay(agent);
  }
  claimdex::ProductToken(pattern);
  return 0;
}
