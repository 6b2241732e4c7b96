// HTML page -> the article part of a Document: charset, main text, paragraphs, title, authors,
// dates, publisher, canonical URL, language, quality flags. No entities or claims (annotate.h).
#ifndef CLAIMDEX_EXTRACT_ARTICLE_H_
#define CLAIMDEX_EXTRACT_ARTICLE_H_

#include "corpus/document.h"
#include "extract/extractor.h"

namespace claimdex {

// Never fails: a page with no recoverable text gives an empty text and quality flags.
// Sets id ("d:" + 16 hex of SHA-1 over the canonical URL, else the URL, else the text).
Document ExtractArticle(const PageInput& page);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_ARTICLE_H_
