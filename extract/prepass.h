// A linear pre-pass over decoded HTML before gumbo sees it: removes what never carries article
// text (script, style, svg, noscript, template, iframe, comments), keeps JSON-LD scripts aside
// for metadata, and caps element nesting so gumbo's cost (quadratic in depth) stays bounded.
#ifndef CLAIMDEX_EXTRACT_PREPASS_H_
#define CLAIMDEX_EXTRACT_PREPASS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimdex {

struct PrepassOptions {
  size_t max_bytes = size_t{8} << 20;  // input beyond this is cut (at a tag boundary if possible)
  int max_depth = 400;  // opening tags of explicitly closed elements beyond this are dropped
};

struct PrepassResult {
  std::string html;                  // the cleaned HTML
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
  bool truncated = false;            // input was longer than max_bytes
  size_t dropped_tags = 0;           // opening tags dropped by the depth cap
};

// Never fails; linear in the input size. Unterminated comments or raw-text elements run to
// the end of the input, as in a browser.
PrepassResult Prepass(std::string_view html, const PrepassOptions& options = {});

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_PREPASS_H_
