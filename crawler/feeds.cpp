#include "crawler/feeds.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

namespace claimdex {
namespace {

constexpr size_t kMaxFeedBytes = 10 * 1024 * 1024;
constexpr size_t kMaxEntries = 50000;  // the sitemap protocol's own per-file limit

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

void AddEntry(FeedDocument* out, std::string url, std::string date) {
  if (url.empty() || out->entries.size() >= kMaxEntries) return;
  out->entries.push_back({std::move(url), std::move(date)});
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

void CollectSitemapEntries(const xmlNode* root, const char* item, FeedDocument* out) {
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (IsNamed(c, item)) AddEntry(out, ChildText(c, "loc"), ChildText(c, "lastmod"));
  }
}

}  // namespace

FeedDocument ParseFeed(std::string_view xml) {
  FeedDocument out;
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
