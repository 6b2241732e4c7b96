// Sentence boundaries (ICU) over UTF-8 text, as byte spans.
#ifndef CLAIMDEX_EXTRACT_SENTENCES_H_
#define CLAIMDEX_EXTRACT_SENTENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimdex {

struct TextSpan {
  size_t start = 0;  // byte offsets, [start, end)
  size_t end = 0;
};

// No sentence is longer than this; a longer run without a break is cut at the last space
// before the cap (or at a character boundary), so that later stages stay bounded.
inline constexpr size_t kMaxSentenceBytes = 2000;

// Sentences of text[begin, end) as spans into `text`, trimmed of surrounding white space,
// empty ones dropped. Any bytes are accepted (ill-formed UTF-8 is stepped over). Linear in
// the input.
std::vector<TextSpan> SplitSentences(std::string_view text, size_t begin, size_t end);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_SENTENCES_H_
