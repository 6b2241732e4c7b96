#include "extract/extractor.h"

#include <algorithm>
#include <string>

#include "extract/annotate.h"
#include "extract/article.h"

namespace claimdex {

class Extractor::Impl {
 public:
  explicit Impl(const Profile& profile) : annotator(profile) {}
  const Annotator annotator;
};

Extractor::Extractor(const Profile& profile) : impl_(std::make_unique<Impl>(profile)) {}
Extractor::~Extractor() = default;

Document Extractor::ExtractHtml(const PageInput& page) const {
  Document doc = ExtractArticle(page);
  // A home or listing page repeats its articles' teasers: their claims belong to the articles.
  if (std::find(doc.quality.begin(), doc.quality.end(), kNotArticleFlag) != doc.quality.end())
    return doc;
  impl_->annotator.Annotate(&doc);
  return doc;
}

Document Extractor::ExtractText(const std::string& text, const std::string& origin) const {
  Document doc;
  // Line endings are normalised so that offsets agree whatever platform wrote the file.
  doc.text.reserve(text.size());
  size_t begin = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a UTF-8 BOM is not text
  for (size_t i = begin; i < text.size(); ++i) {
    if (text[i] == '\r') {
      doc.text.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      doc.text.push_back(text[i]);
    }
  }
  doc.url = origin;
  doc.paragraphs = SplitParagraphs(doc.text);
  doc.id = "d:" + HexDigest(doc.text).substr(0, 16);
  impl_->annotator.Annotate(&doc);
  return doc;
}

}  // namespace claimdex
