// JSON-LD (schema.org) article metadata: the first Article-like object in a page's ld+json
// scripts, including those inside @graph and arrays. Internal to extract/.
#ifndef CLAIMDEX_EXTRACT_JSON_LD_H_
#define CLAIMDEX_EXTRACT_JSON_LD_H_

#include <string>
#include <vector>

namespace claimdex {

struct JsonLdArticle {
  std::string headline;
  std::vector<std::string> authors;
  std::string date_published;  // as written
  std::string date_modified;
  std::string publisher;
  std::string url;
};

// Never fails: malformed JSON is skipped. Article types (NewsArticle, BlogPosting, Report, ...)
// win over WebPage; fields missing from the article are taken from a WebPage when present.
JsonLdArticle ParseJsonLd(const std::vector<std::string>& scripts);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_JSON_LD_H_
