// Main content: which part of a page is the article, and its blocks in reading order.
// Readability-style scoring of candidate containers by text density, link density, commas,
// class/id/role hints and semantic tags; then the best container's paragraphs, headings,
// lists and blockquotes, with boilerplate inside it (share bars, related teasers, captions,
// newsletter boxes, comment forms, bylines) dropped.
#ifndef CLAIMDEX_EXTRACT_CONTENT_H_
#define CLAIMDEX_EXTRACT_CONTENT_H_

#include <gumbo.h>

#include <string>
#include <vector>

namespace claimdex {

struct ContentBlock {
  std::string kind;  // "heading" | "paragraph" | "quote" | "list" (Paragraph::kind)
  std::string text;  // whitespace-collapsed; list items separated by '\n'
};

// Never fails; an empty vector when the page has no text. Bounded by the DOM size.
std::vector<ContentBlock> ExtractContent(const GumboNode* root);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_CONTENT_H_
