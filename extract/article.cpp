#include "extract/article.h"

#include <string>
#include <string_view>
#include <vector>

#include "extract/charset.h"
#include "extract/content.h"
#include "extract/dates.h"
#include "extract/dom.h"
#include "extract/metadata.h"
#include "extract/page_kind.h"
#include "extract/prepass.h"
#include "extract/text_util.h"

namespace claimdex {
namespace {

constexpr size_t kShortTextChars = 300;
constexpr size_t kBinarySampleBytes = 64 * 1024;

// Random or binary bytes served as HTML decode to text full of control characters; real
// pages, even badly mislabelled ones (whose bad bytes become U+FFFD, flagged elsewhere), have
// almost none.
bool LooksBinary(std::string_view utf8) {
  std::string_view sample = utf8.substr(0, kBinarySampleBytes);
  size_t chars = 0, controls = 0;
  for (size_t i = 0; i < sample.size();) {
    unsigned char c = static_cast<unsigned char>(sample[i]);
    ++chars;
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        ++controls;
      ++i;
      continue;
    }
    size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    std::string_view seq = sample.substr(i, n);
    if (n == 2 && c == 0xC2 && seq.size() == 2 && static_cast<unsigned char>(seq[1]) < 0xA0)
      ++controls;  // C1 controls U+0080..U+009F
    i += n;
  }
  if (chars < 64) return false;
  return controls * 50 > chars;
}

Document BinaryDocument(const PageInput& page, const DecodedHtml& decoded) {
  Document doc;
  doc.url = page.url;
  doc.fetched = page.fetched;
  doc.charset = decoded.charset;
  doc.charset_source = decoded.source;
  doc.quality = {"binary", "no_text", "no_title", "no_date"};
  if (decoded.replaced) doc.quality.push_back("charset_replaced");
  doc.id = "d:" + HexDigest(!doc.url.empty() ? doc.url : page.bytes).substr(0, 16);
  return doc;
}

std::string Norm(const std::string& s) { return AsciiLower(CollapseWhitespace(s)); }

// Headings that repeat the title, and blocks repeated back to back, are not body text.
std::vector<ContentBlock> CleanBlocks(std::vector<ContentBlock> blocks, const std::string& title) {
  std::vector<ContentBlock> out;
  std::string norm_title = Norm(title);
  for (ContentBlock& b : blocks) {
    b.text = NormalizeNfc(b.text);
    if (b.text.empty()) continue;
    if (b.kind == "heading" && !norm_title.empty() && Norm(b.text) == norm_title) continue;
    if (!out.empty() && out.back().text == b.text) continue;
    out.push_back(std::move(b));
  }
  return out;
}

// A short first or last block that is only a byline or a date is page furniture.
bool IsBylineOrDateline(const ContentBlock& b) {
  if (b.text.size() > 100 || b.kind == "list") return false;
  if (StartsWithIgnoreCase(b.text, "by ") && b.text.size() < 80 && b.text.size() > 3 &&
      b.text[3] >= 'A' && b.text[3] <= 'Z')
    return true;
  std::string date = FindDate(b.text);
  return !date.empty() && b.text.size() < 40;
}

void DropEdgeFurniture(std::vector<ContentBlock>* blocks) {
  while (!blocks->empty() && IsBylineOrDateline(blocks->front())) blocks->erase(blocks->begin());
  while (!blocks->empty() && IsBylineOrDateline(blocks->back())) blocks->pop_back();
}

void SetText(const std::vector<ContentBlock>& blocks, Document* doc) {
  for (const ContentBlock& b : blocks) {
    if (!doc->text.empty()) doc->text += "\n\n";
    Paragraph p;
    p.kind = b.kind;
    p.start = doc->text.size();
    doc->text += b.text;
    p.end = doc->text.size();
    doc->paragraphs.push_back(p);
  }
}

void SetQuality(const DecodedHtml& decoded, const PrepassResult& pre, Document* doc) {
  if (doc->published.empty()) doc->quality.push_back("no_date");
  if (doc->title.empty()) doc->quality.push_back("no_title");
  if (doc->text.empty()) {
    doc->quality.push_back("no_text");
  } else if (CountCodePoints(doc->text) < kShortTextChars) {
    doc->quality.push_back("short_text");
  }
  if (decoded.replaced) doc->quality.push_back("charset_replaced");
  if (pre.truncated) doc->quality.push_back("truncated_input");
}

}  // namespace

Document ExtractArticle(const PageInput& page) {
  Document doc;
  doc.url = page.url;
  doc.fetched = page.fetched;
  DecodedHtml decoded = DecodeHtml(page.bytes, page.content_type);
  if (LooksBinary(decoded.utf8)) return BinaryDocument(page, decoded);
  decoded.utf8 = RepairDoubleEncoding(decoded.utf8);
  doc.charset = decoded.charset;
  doc.charset_source = decoded.source;
  PrepassResult pre = Prepass(decoded.utf8);
  decoded.utf8.clear();
  HtmlDocument dom(std::move(pre.html));
  std::string fetched_ymd = page.fetched.size() >= 10 ? page.fetched.substr(0, 10) : "";
  PageMetadata md = ExtractMetadata(dom.root(), pre.json_ld, page.url, fetched_ymd);
  doc.title = NormalizeNfc(md.title);
  doc.authors = md.authors;
  doc.published = md.published;
  doc.modified = md.modified;
  doc.publisher = NormalizeNfc(md.publisher);
  doc.canonical_url = md.canonical_url;
  // Read before content extraction, which may prune the teaser links from the tree's view.
  bool listing = IsListingPage(PageKindOf(dom.root(), pre.json_ld, page.url));
  std::vector<ContentBlock> blocks = CleanBlocks(ExtractContent(dom.root()), doc.title);
  DropEdgeFurniture(&blocks);
  SetText(blocks, &doc);
  doc.language = !md.language.empty() ? md.language : GuessLanguage(doc.text);
  SetQuality(decoded, pre, &doc);
  if (listing) doc.quality.push_back(kNotArticleFlag);
  const std::string& key = !doc.canonical_url.empty() ? doc.canonical_url
                           : !doc.url.empty()         ? doc.url
                                                      : doc.text;
  doc.id = "d:" + HexDigest(key).substr(0, 16);
  return doc;
}

}  // namespace claimdex
