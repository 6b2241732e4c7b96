// libFuzzer target: any bytes as a fetched HTML page through the whole extractor (charset,
// pre-pass, gumbo, content, metadata, entities, claims, stances with the default profile),
// then the Document JSON. Checks the contracts the index relies on: every span lies inside
// the text and the JSON serialises (nlohmann throws on invalid UTF-8).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "corpus/document.h"
#include "corpus/profile.h"
#include "extract/article.h"
#include "extract/extractor.h"

namespace {

constexpr size_t kMaxInput = 256 * 1024;  // larger pages only slow the fuzzer down

// The first input byte picks how the page was served, so the charset paths are reached.
constexpr const char* kContentTypes[] = {
    "",
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=windows-1252",
    "text/html; charset=GBK",
    "text/html; charset=Shift_JIS",
    "text/html; charset=utf-16le",
    "text/html; charset=bogus-label",
};

const claimdex::Extractor& TheExtractor() {
  static const claimdex::Extractor* extractor = [] {
    auto profile = claimdex::ParseProfile(claimdex::DefaultProfileToml(), "default profile");
    if (!profile.ok()) std::abort();
    return new claimdex::Extractor(profile.value());
  }();
  return *extractor;
}

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

void CheckSpans(const claimdex::Document& doc) {
  size_t n = doc.text.size();
  Check(!doc.id.empty());
  for (const claimdex::Paragraph& p : doc.paragraphs) Check(p.start <= p.end && p.end <= n);
  for (const claimdex::Claim& c : doc.claims) {
    Check(c.start <= c.end && c.end <= n);
    Check(c.paragraph >= 0 && static_cast<size_t>(c.paragraph) < doc.paragraphs.size());
  }
  for (const claimdex::Entity& e : doc.entities)
    for (const claimdex::Mention& m : e.mentions) Check(m.start <= m.end && m.end <= n);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > kMaxInput) return -1;  // -1: not added to the corpus
  claimdex::PageInput page;
  page.content_type = kContentTypes[data[0] % (sizeof kContentTypes / sizeof kContentTypes[0])];
  page.bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  page.url = "https://news.example/2025/02/06/chip-export-rules.html";
  page.fetched = "2025-03-01T12:00:00Z";

  claimdex::Document article = claimdex::ExtractArticle(page);
  CheckSpans(article);
  claimdex::Document doc = TheExtractor().ExtractHtml(page);
  CheckSpans(doc);
  claimdex::DocumentToJson(doc);
  // The --text path reads a user's file: any bytes again, but as plain text.
  claimdex::Document text_doc = TheExtractor().ExtractText(page.bytes, "fuzz.txt");
  CheckSpans(text_doc);
  claimdex::DocumentToJson(text_doc);
  return 0;
}
