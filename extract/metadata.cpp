#include "extract/metadata.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extract/dates.h"
#include "extract/dom.h"
#include "extract/hints.h"
#include "extract/json_ld.h"
#include "extract/text_util.h"

namespace claimdex {
namespace {

constexpr size_t kMaxShortText = 300;
constexpr size_t kMaxTextNodes = 5000;
constexpr size_t kMaxTitleCandidates = 10;

struct MetaTag {
  std::string key;  // lower-case name, property or itemprop
  std::string content;
};

struct TextNode {
  std::string text;
  bool date_context;  // inside an element whose class/id speaks of dates or bylines
};

// Everything metadata needs from the DOM, gathered in one walk.
class MetaHandler : public DomHandler {
 public:
  void Enter(const GumboNode* node) override {
    if (node->type == GUMBO_NODE_TEXT) return OnText(node);
    if (!IsElement(node)) return;
    bool parent_ctx = !context_.empty() && context_.back();
    context_.push_back(parent_ctx || IsDateContext(node));
    switch (node->v.element.tag) {
      case GUMBO_TAG_HTML:
        html_lang = std::string(Attr(node, "lang"));
        break;
      case GUMBO_TAG_TITLE:
        if (title_tag.empty()) title_tag = NodeText(node, 2000);
        break;
      case GUMBO_TAG_META:
        OnMeta(node);
        break;
      case GUMBO_TAG_LINK:
        OnLink(node);
        break;
      case GUMBO_TAG_TIME:
        OnTime(node);
        break;
      case GUMBO_TAG_H1:
        if (h1.size() < kMaxTitleCandidates) h1.push_back(NodeText(node, 2000));
        break;
      default:
        break;
    }
    OnMicrodata(node);
    if (IsTag(node, GUMBO_TAG_A) && Attr(node, "rel") == "author")
      rel_authors.push_back(NodeText(node));
    if (LooksLikeBylineElement(node) && bylines.size() < kMaxTitleCandidates) {
      std::string t = NodeText(node, 400);
      if (!t.empty() && t.size() < kMaxShortText) bylines.push_back(t);
    }
    if (IsTitleClass(node) && title_class.size() < kMaxTitleCandidates) {
      std::string t = NodeText(node, 2000);
      if (t.size() >= 6 && t.size() < kMaxShortText) title_class.push_back(t);
    }
  }

  void Exit(const GumboNode* node) override {
    if (IsElement(node) && !context_.empty()) context_.pop_back();
  }

  std::string html_lang, title_tag, canonical, feed_site;
  std::vector<MetaTag> metas;
  std::vector<std::string> h1, title_class, bylines, rel_authors, item_authors;
  std::vector<std::string> time_published, time_other, item_published, item_modified;
  std::vector<TextNode> texts;

 private:
  static bool IsDateContext(const GumboNode* node) {
    std::string names = ClassAndId(node);
    for (const char* w :
         {"date", "time", "meta", "posted", "publish", "byline", "info", "dateline"}) {
      if (names.find(w) != std::string::npos) return true;
    }
    return false;
  }

  static bool IsTitleClass(const GumboNode* node) {
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_A || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) return false;
    std::string names = ClassAndId(node);
    if (names.find("title") == std::string::npos && names.find("headline") == std::string::npos)
      return false;
    if (names.find("widget") != std::string::npos || names.find("sub") != std::string::npos)
      return false;
    Hint hint = ElementHint(node);
    return hint != Hint::kStrongNegative;
  }

  void OnText(const GumboNode* node) {
    if (texts.size() >= kMaxTextNodes) return;
    std::string_view raw(node->v.text.text);
    if (raw.size() > kMaxShortText * 2) return;
    std::string t = CollapseWhitespace(raw);
    if (t.empty() || t.size() > kMaxShortText) return;
    texts.push_back({std::move(t), !context_.empty() && context_.back()});
  }

  void OnMeta(const GumboNode* node) {
    std::string content = CollapseWhitespace(Attr(node, "content"));
    for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
      std::string key = AsciiLower(CollapseWhitespace(Attr(node, attr)));
      if (!key.empty()) metas.push_back({key, content});
    }
  }

  void OnLink(const GumboNode* node) {
    std::string rel = AsciiLower(Attr(node, "rel"));
    if (rel.find("canonical") != std::string::npos && canonical.empty())
      canonical = std::string(Attr(node, "href"));
    std::string type = AsciiLower(Attr(node, "type"));
    if (rel.find("alternate") != std::string::npos &&
        (type.find("rss+xml") != std::string::npos || type.find("atom+xml") != std::string::npos) &&
        feed_site.empty())
      feed_site = SiteFromFeedTitle(std::string(Attr(node, "title")));
  }

  void OnTime(const GumboNode* node) {
    std::string dt(Attr(node, "datetime"));
    if (dt.empty()) dt = NodeText(node, 200);
    std::string names = ClassAndId(node) + " " + AsciiLower(Attr(node, "itemprop"));
    bool published = gumbo_get_attribute(&node->v.element.attributes, "pubdate") != nullptr ||
                     names.find("publish") != std::string::npos ||
                     names.find("posted") != std::string::npos;
    bool modified =
        names.find("modif") != std::string::npos || names.find("updat") != std::string::npos;
    if (published)
      time_published.push_back(dt);
    else if (!modified)
      time_other.push_back(dt);
  }

  void OnMicrodata(const GumboNode* node) {
    std::string prop = AsciiLower(Attr(node, "itemprop"));
    if (prop.empty() || IsTag(node, GUMBO_TAG_META)) return;
    auto value = [&] {
      for (const char* a : {"content", "datetime"}) {
        std::string v(Attr(node, a));
        if (!v.empty()) return v;
      }
      return NodeText(node, 400);
    };
    if (prop == "datepublished") item_published.push_back(value());
    if (prop == "datemodified") item_modified.push_back(value());
    if (prop == "author" || prop == "creator") item_authors.push_back(NodeText(node, 400));
  }

  std::vector<bool> context_;
};

std::string Meta(const MetaHandler& h, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    for (const MetaTag& m : h.metas) {
      if (m.key == key && !m.content.empty()) return m.content;
    }
  }
  return "";
}

std::string Norm(const std::string& s) { return AsciiLower(CollapseWhitespace(s)); }

// The first candidate that parses as a date no later than the fetch date.
std::string FirstDate(const std::vector<std::string>& candidates, const std::string& fetched) {
  for (const std::string& c : candidates) {
    std::string d = FindDate(c);
    if (!d.empty() && !IsAfter(d, fetched)) return d;
  }
  return "";
}

// Meta values are often entity-encoded twice ("&amp;amp;"); gumbo undoes one level only.
std::string DecodeLeftoverEntities(std::string s) {
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"},        {"&#039;", "'"}, {"&apos;", "'"},
      {"&lt;", "<"},  {"&gt;", ">"},    {"&#8217;", "\u2019"}, {"&nbsp;", " "}};
  if (s.find('&') == std::string::npos) return s;
  for (const auto& [from, to] : kEntities) {
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
      s.replace(pos, from.size(), to);
  }
  return s;
}

std::string PickTitle(const MetaHandler& h, const JsonLdArticle& ld, const std::string& site,
                      std::string* title_site) {
  std::string from_tag = StripTitleSite(h.title_tag, site, title_site);
  std::string og = Meta(h, {"og:title", "twitter:title"});
  if (site.empty() || title_site->empty()) {
    // No known site name at either end: a heading that confirms one side of the <title>
    // tells headline from site name, whichever end the site name is on.
    std::vector<std::string> refs = h.h1;
    refs.insert(refs.end(), h.title_class.begin(), h.title_class.end());
    refs.push_back(og);
    refs.push_back(ld.headline);
    std::string headline, other;
    if (SplitTitleByReference(h.title_tag, refs, &headline, &other)) {
      from_tag = headline;
      *title_site = other;
    }
  }
  std::string ignored;
  // A visible heading that the page's own <title> or og:title confirms is the best title.
  std::vector<std::string> visible = h.h1;
  visible.insert(visible.end(), h.title_class.begin(), h.title_class.end());
  for (const std::string& cand : visible) {
    std::string c = StripTitleSite(cand, site.empty() ? *title_site : site, &ignored);
    std::string nc = Norm(c);
    if (nc.size() < 4) continue;
    for (const std::string& ref : {h.title_tag, og, ld.headline}) {
      if (!ref.empty() && Norm(ref).find(nc) != std::string::npos) return c;
    }
  }
  // Otherwise the page's first real <h1> is what a reader sees as the title; SEO variants in
  // og:title and JSON-LD often differ from it.
  for (const std::string& cand : h.h1) {
    std::string c = StripTitleSite(cand, site.empty() ? *title_site : site, &ignored);
    if (std::count(c.begin(), c.end(), ' ') >= 2 && Norm(c) != Norm(site)) return c;
  }
  if (!ld.headline.empty()) return StripTitleSite(ld.headline, site, &ignored);
  if (!og.empty()) return StripTitleSite(og, site, &ignored);
  size_t words = std::count(from_tag.begin(), from_tag.end(), ' ') + 1;
  if (from_tag.empty() || words < 4) {
    if (!h.h1.empty() && !h.h1.front().empty()) return h.h1.front();
    for (const std::string& c : h.title_class) {
      if (std::count(c.begin(), c.end(), ' ') >= 2) return c;
    }
  }
  return from_tag;
}

std::vector<std::string> PickAuthors(const MetaHandler& h, const JsonLdArticle& ld) {
  auto clean = [](const std::vector<std::string>& raw) {
    std::vector<std::string> out;
    for (const std::string& r : raw) {
      for (std::string& n : ParseByline(r)) {
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(std::move(n));
      }
    }
    return out;
  };
  std::vector<std::vector<std::string>> sources = {ld.authors};
  std::vector<std::string> meta_authors;
  for (const MetaTag& m : h.metas) {
    if ((m.key == "author" || m.key == "article:author" || m.key == "dc.creator" ||
         m.key == "parsely-author" || m.key == "sailthru.author" || m.key == "byl" ||
         m.key == "dcterms.creator" || m.key == "citation_author") &&
        !m.content.empty())
      meta_authors.push_back(m.content);
  }
  sources.push_back(meta_authors);
  sources.push_back(h.item_authors);
  sources.push_back(h.rel_authors);
  sources.push_back(h.bylines);
  std::vector<std::string> by_text;
  for (const TextNode& t : h.texts) {
    if (t.text.size() < 100 &&
        (StartsWithIgnoreCase(t.text, "by ") || StartsWithIgnoreCase(t.text, "written by ")))
      by_text.push_back(t.text);
  }
  sources.push_back(by_text);
  for (const auto& source : sources) {
    std::vector<std::string> names = clean(source);
    if (!names.empty()) return names;
  }
  return {};
}

std::string PickPublished(const MetaHandler& h, const JsonLdArticle& ld, const std::string& url,
                          const std::string& fetched) {
  std::vector<std::string> structured = {ld.date_published};
  for (const char* key : {"article:published_time",
                          "og:published_time",
                          "published_time",
                          "article:published",
                          "datepublished",
                          "pubdate",
                          "publishdate",
                          "publish-date",
                          "publish_date",
                          "publication_date",
                          "pub_date",
                          "date.published",
                          "parsely-pub-date",
                          "sailthru.date",
                          "dc.date.issued",
                          "dcterms.issued",
                          "dc.date",
                          "dcterms.date",
                          "dcterms.created",
                          "citation_publication_date",
                          "citation_date",
                          "article_date_original",
                          "original-publish-date",
                          "date",
                          "displaydate",
                          "article.published"}) {
    structured.push_back(Meta(h, {key}));
  }
  structured.insert(structured.end(), h.item_published.begin(), h.item_published.end());
  structured.insert(structured.end(), h.time_published.begin(), h.time_published.end());
  std::string d = FirstDate(structured, fetched);
  if (!d.empty()) return d;
  d = FirstDate(h.time_other, fetched);
  if (!d.empty()) return d;
  d = DateFromUrl(url);
  if (!d.empty() && !IsAfter(d, fetched)) return d;
  std::vector<std::string> in_context, anywhere;
  for (const TextNode& t : h.texts) (t.date_context ? in_context : anywhere).push_back(t.text);
  d = FirstDate(in_context, fetched);
  if (!d.empty()) return d;
  d = FirstDate(anywhere, fetched);
  if (!d.empty()) return d;
  std::vector<std::string> modified = {ld.date_modified, Meta(h, {"article:modified_time"}),
                                       Meta(h, {"og:updated_time"}), Meta(h, {"datemodified"})};
  modified.insert(modified.end(), h.item_modified.begin(), h.item_modified.end());
  return FirstDate(modified, fetched);
}

std::string PickModified(const MetaHandler& h, const JsonLdArticle& ld,
                         const std::string& fetched) {
  std::vector<std::string> c = {ld.date_modified, Meta(h, {"article:modified_time"}),
                                Meta(h, {"og:updated_time"}), Meta(h, {"datemodified"})};
  c.insert(c.end(), h.item_modified.begin(), h.item_modified.end());
  return FirstDate(c, fetched);
}

std::string PickLanguage(const MetaHandler& h) {
  std::string lang = h.html_lang;
  if (lang.empty()) lang = Meta(h, {"content-language", "og:locale", "dc.language", "language"});
  lang = AsciiLower(CollapseWhitespace(lang));
  size_t cut = lang.find_first_of("-_,; ");
  if (cut != std::string::npos) lang.resize(cut);
  if (lang.size() < 2 || lang.size() > 3) return "";
  for (char c : lang) {
    if (c < 'a' || c > 'z') return "";
  }
  return lang;
}

}  // namespace

PageMetadata ExtractMetadata(const GumboNode* root, const std::vector<std::string>& json_ld,
                             const std::string& url, const std::string& fetched_ymd) {
  MetaHandler h;
  WalkDom(root, {&h});
  JsonLdArticle ld = ParseJsonLd(json_ld);
  PageMetadata md;
  std::string site = Meta(h, {"og:site_name", "application-name"});
  if (site.empty()) site = ld.publisher;
  if (site.empty()) site = h.feed_site;
  std::string title_site;
  md.title = DecodeLeftoverEntities(PickTitle(h, ld, site, &title_site));
  md.publisher = !site.empty() ? site : !title_site.empty() ? title_site : HostWithoutWww(url);
  md.authors = PickAuthors(h, ld);
  md.published = PickPublished(h, ld, url, fetched_ymd);
  md.modified = PickModified(h, ld, fetched_ymd);
  for (const std::string& c : {ResolveUrl(url, h.canonical), ResolveUrl(url, Meta(h, {"og:url"})),
                               ResolveUrl(url, ld.url)}) {
    if (!c.empty()) {
      md.canonical_url = c;
      break;
    }
  }
  if (md.canonical_url.empty() && !HostWithoutWww(url).empty()) md.canonical_url = url;
  md.language = PickLanguage(h);
  return md;
}

}  // namespace claimdex
