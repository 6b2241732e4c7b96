// The gumbo DOM behind a small RAII wrapper, and the single traversal that feeds separate
// handlers (content scoring, metadata) so each can be tested alone. Internal to extract/.
#ifndef CLAIMDEX_EXTRACT_DOM_H_
#define CLAIMDEX_EXTRACT_DOM_H_

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace claimdex {

// Owns a GumboOutput*. The source text must outlive the document (gumbo points into it for
// original tag text); HtmlDocument keeps its own copy, so callers need not.
class HtmlDocument {
 public:
  // Parses `html` (UTF-8; invalid bytes become U+FFFD inside gumbo). Never fails.
  explicit HtmlDocument(std::string html);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const;  // the <html> element

 private:
  std::string html_;
  GumboOutput* output_;
};

// Lower-case tag name; for unknown tags the name as written ("x-foo").
std::string TagName(const GumboNode* node);
bool IsElement(const GumboNode* node);
bool IsTag(const GumboNode* node, GumboTag tag);
// Attribute value, or "" when absent. Valid while the document lives.
std::string_view Attr(const GumboNode* node, const char* name);
// Lower-case class + " " + id of an element.
std::string ClassAndId(const GumboNode* node);
// Elements that start a new block of text (p, div, li, h1..h6, table parts, ...).
bool IsBlockTag(GumboTag tag);
// Visible text under `node` with whitespace collapsed; block boundaries and <br> become
// spaces. Stops after `max_bytes` of output.
std::string NodeText(const GumboNode* node, size_t max_bytes = 1 << 20);
// True for hidden subtrees: hidden attribute, aria-hidden="true", display:none in style.
bool IsHidden(const GumboNode* node);

// One pre-order walk, many observers. Enter is called before a node's children, Exit after.
class DomHandler {
 public:
  virtual ~DomHandler() = default;
  virtual void Enter(const GumboNode* node) = 0;
  virtual void Exit(const GumboNode* /*node*/) {}
};

// Iterative (no recursion, so deep trees cannot overflow the stack).
void WalkDom(const GumboNode* root, const std::vector<DomHandler*>& handlers);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_DOM_H_
