// Claims: direct quotes, indirect speech and paraphrase with partial quotes, each with the
// speaker the text names (explicitly, by surname, pronoun or role) or no speaker at all.
// A speaker is never guessed: an ambiguous pronoun or an unnamed source leaves it empty.
#ifndef CLAIMDEX_EXTRACT_CLAIMS_H_
#define CLAIMDEX_EXTRACT_CLAIMS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "extract/entities.h"

namespace claimdex {

struct QuoteSpan {
  size_t open = 0;   // byte offset of the opening mark
  size_t begin = 0;  // first byte of the quoted words
  size_t end = 0;    // one past the quoted words (the closing mark, or the paragraph end)
  bool closed = false;
};

// Quotations in text[begin, end): curly, straight, low-9 and guillemet marks. A mark that can
// only close ("word” ") while no quote is open is ignored; a quote still open at `end` runs to
// it (closed = false). Linear in the input.
std::vector<QuoteSpan> FindQuotes(std::string_view text, size_t begin, size_t end);

// Claims of `doc` (text and paragraphs set) given its tokens and entity mentions. Fills every
// Claim field except stances; ids are "c:" + 16 hex of HexDigest(doc.id:start:end). Bounded
// time: each sentence is at most kMaxSentenceBytes and looks back a fixed number of sentences.
std::vector<Claim> FindClaims(const Document& doc, const std::vector<Token>& tokens,
                              const EntityMatches& entities);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_CLAIMS_H_
