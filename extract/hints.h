// Class/id/role hints: what a page's own markup says an element is (article body, share bar,
// comment section, ...). Words are matched after splitting class and id on '-', '_' and spaces.
#ifndef CLAIMDEX_EXTRACT_HINTS_H_
#define CLAIMDEX_EXTRACT_HINTS_H_

#include <gumbo.h>

namespace claimdex {

enum class Hint {
  kNone,
  kPositive,        // article, content, story, post, entry, body, ...
  kWeakNegative,    // meta, tags, author, footer, nav, widget, ... (overridden by a positive word)
  kStrongNegative,  // comment, share, social, related, newsletter, caption, credit, promo, ad...
};

// The hint of one element from its class, id and role attributes (not its ancestors).
Hint ElementHint(const GumboNode* node);

// True when the element's class or id names a byline or author box.
bool LooksLikeBylineElement(const GumboNode* node);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_HINTS_H_
