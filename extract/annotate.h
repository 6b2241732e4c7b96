// Text -> entities, claims with speakers, and stances. Works on Document::text and
// Document::paragraphs (which must already be set; plain text input gets paragraphs from
// blank-line splits) and fills Document::entities, claims and stances.
#ifndef CLAIMDEX_EXTRACT_ANNOTATE_H_
#define CLAIMDEX_EXTRACT_ANNOTATE_H_

#include <memory>

#include "corpus/document.h"
#include "corpus/profile.h"

namespace claimdex {

// Compiled form of a profile's knowledge base and cue lexicons; build once, share across
// threads (immutable after construction).
class Annotator {
 public:
  explicit Annotator(const Profile& profile);
  ~Annotator();
  Annotator(const Annotator&) = delete;
  Annotator& operator=(const Annotator&) = delete;

  // Fills doc->entities, doc->claims (ids "c:" + 16 hex of SHA-1 over doc id, start, end) and
  // doc->stances. Bounded time on any input; never fails.
  void Annotate(Document* doc) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits plain text into paragraphs on blank lines, as Document::paragraphs ("paragraph").
std::vector<Paragraph> SplitParagraphs(const std::string& text);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_ANNOTATE_H_
