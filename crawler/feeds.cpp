#include "crawler/feeds.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>

namespace claimdex {
namespace {

constexpr size_t kMaxFeedBytes = 10 * 1024 * 1024;
constexpr size_t kMaxEntries = 50000;                // the sitemap protocol's own per-file limit
constexpr size_t kMaxInflatedBytes = kMaxFeedBytes;  // only that much is parsed anyway

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

// What a gzip stream inflates to, cut at kMaxInflatedBytes; a corrupt tail ends the output
// where the damage starts (recovery mode parsing takes what came before).
std::string Gunzip(std::string_view data) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return "";
  std::string out;
  char buffer[64 * 1024];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), UINT32_MAX));
  int rc = Z_OK;
  while (rc == Z_OK && out.size() < kMaxInflatedBytes) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - zs.avail_out);
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  if (out.size() > kMaxInflatedBytes) out.resize(kMaxInflatedBytes);
  return out;
}

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocDeleter>;

bool IsNamed(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string Text(const xmlNode* node) {
  xmlChar* raw = xmlNodeGetContent(node);
  if (raw == nullptr) return "";
  std::string text(reinterpret_cast<const char*>(raw));
  xmlFree(raw);
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* raw = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (raw == nullptr) return "";
  std::string value(reinterpret_cast<const char*>(raw));
  xmlFree(raw);
  return value;
}

const xmlNode* Child(const xmlNode* parent, const char* name) {
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (IsNamed(c, name)) return c;
  }
  return nullptr;
}

std::string ChildText(const xmlNode* parent, const char* name) {
  const xmlNode* child = Child(parent, name);
  return child != nullptr ? Text(child) : "";
}

// An Atom entry's page is its link with rel="alternate" (or no rel); failing that, any link.
std::string AtomLink(const xmlNode* entry) {
  std::string fallback;
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (!IsNamed(c, "link")) continue;
    std::string rel = Attribute(c, "rel");
    std::string href = Attribute(c, "href");
    if (rel.empty() || rel == "alternate") return href;
    if (fallback.empty()) fallback = href;
  }
  return fallback;
}

void IgnoreGenericError(void*, const char*, ...) {}
void IgnoreStructuredError(void*, xmlError*) {}

// libxml2 prints parse errors to stderr even with XML_PARSE_NOERROR for some encoding
// problems; a broken feed is normal input here, so its errors are silenced for this thread.
class QuietXmlErrors {
 public:
  QuietXmlErrors() {
    xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
    xmlSetStructuredErrorFunc(nullptr, IgnoreStructuredError);
  }
  ~QuietXmlErrors() {
    xmlSetGenericErrorFunc(nullptr, nullptr);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
  }
};

void AddEntry(FeedDocument* out, std::string url, std::string date, std::string title = "") {
  if (url.empty() || out->entries.size() >= kMaxEntries) return;
  out->entries.push_back({std::move(url), std::move(date), std::move(title)});
}

void CollectRssItems(const xmlNode* parent, FeedDocument* out) {
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (IsNamed(c, "channel")) {
      CollectRssItems(c, out);
    } else if (IsNamed(c, "item")) {
      std::string link = ChildText(c, "link");
      if (link.empty()) link = Attribute(c, "about");  // RSS 1.0 rdf:about
      std::string date = ChildText(c, "pubDate");
      if (date.empty()) date = ChildText(c, "date");  // dc:date
      AddEntry(out, std::move(link), std::move(date));
    }
  }
}

void CollectAtomEntries(const xmlNode* feed, FeedDocument* out) {
  for (const xmlNode* c = feed->children; c != nullptr; c = c->next) {
    if (!IsNamed(c, "entry")) continue;
    std::string date = ChildText(c, "published");
    if (date.empty()) date = ChildText(c, "updated");
    AddEntry(out, AtomLink(c), std::move(date));
  }
}

// A Google News sitemap adds <news:news><news:publication_date/><news:title/></news:news>
// to each <url>: the publication date is the better date when present.
void CollectSitemapEntries(const xmlNode* root, const char* item, FeedDocument* out) {
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (!IsNamed(c, item)) continue;
    std::string date = ChildText(c, "lastmod");
    std::string title;
    if (const xmlNode* news = Child(c, "news"); news != nullptr) {
      std::string published = ChildText(news, "publication_date");
      if (!published.empty()) date = std::move(published);
      title = ChildText(news, "title");
    }
    AddEntry(out, ChildText(c, "loc"), std::move(date), std::move(title));
  }
}

}  // namespace

FeedDocument ParseFeed(std::string_view xml) {
  // libxml2's global set-up is not safe to race; the capture threads parse feeds concurrently.
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  FeedDocument out;
  std::string inflated;
  if (IsGzip(xml)) {
    inflated = Gunzip(xml);
    xml = inflated;
  }
  if (xml.size() > kMaxFeedBytes) xml = xml.substr(0, kMaxFeedBytes);
  // No XML_PARSE_NOENT: entities are not substituted. NONET: no DTD or entity is fetched.
  QuietXmlErrors quiet;
  int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  XmlDoc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr, options));
  if (doc == nullptr) return out;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return out;
  if (IsNamed(root, "rss") || IsNamed(root, "RDF")) {
    out.kind = FeedKind::kRss;
    CollectRssItems(root, &out);
  } else if (IsNamed(root, "feed")) {
    out.kind = FeedKind::kAtom;
    CollectAtomEntries(root, &out);
  } else if (IsNamed(root, "urlset")) {
    out.kind = FeedKind::kSitemap;
    CollectSitemapEntries(root, "url", &out);
  } else if (IsNamed(root, "sitemapindex")) {
    out.kind = FeedKind::kSitemapIndex;
    CollectSitemapEntries(root, "sitemap", &out);
  }
  return out;
}

const char* FeedKindName(FeedKind kind) {
  switch (kind) {
    case FeedKind::kRss:
      return "rss";
    case FeedKind::kAtom:
      return "atom";
    case FeedKind::kSitemap:
      return "sitemap";
    case FeedKind::kSitemapIndex:
      return "sitemapindex";
    case FeedKind::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace claimdex
