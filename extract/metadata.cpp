#include "extract/metadata.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
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
  bool shown;         // page text a reader sees (not <title>, script or style)
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
    if (IsTag(node, GUMBO_TAG_A) && author_links.empty() && IsAuthorPageLink(node)) {
      std::string t = NodeText(node, 400);  // the avatar's link has no text; the name's does
      if (!t.empty()) author_links.push_back(t);
    }
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
  std::vector<std::string> h1, title_class, bylines, rel_authors, item_authors, author_links;
  std::vector<std::string> by_marked;  // the text right after a lone "By" / "Written by"
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

  // A link to the author's page ("/author/jane-doe", "?author=12"): its text is a name.
  static bool IsAuthorPageLink(const GumboNode* node) {
    std::string href = AsciiLower(Attr(node, "href"));
    for (const char* w : {"/author/", "/authors/", "?author=", "&author="}) {
      if (href.find(w) != std::string::npos) return true;
    }
    return false;
  }

  static bool IsShown(const GumboNode* text) {
    const GumboNode* parent = text->parent;
    if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) return true;
    GumboTag tag = parent->v.element.tag;
    return tag != GUMBO_TAG_TITLE && tag != GUMBO_TAG_SCRIPT && tag != GUMBO_TAG_STYLE &&
           tag != GUMBO_TAG_NOSCRIPT && tag != GUMBO_TAG_TEMPLATE;
  }

  static bool IsByMarker(const std::string& t) {
    std::string lower = AsciiLower(t);
    while (!lower.empty() && lower.back() == ':') lower.pop_back();
    return lower == "by" || lower == "written by" || lower == "posted by" || lower == "words by" ||
           lower == "author";
  }

  void OnText(const GumboNode* node) {
    if (texts.size() >= kMaxTextNodes) return;
    std::string_view raw(node->v.text.text);
    if (raw.size() > kMaxShortText * 2) return;
    std::string t = CollapseWhitespace(raw);
    if (t.empty() || t.size() > kMaxShortText) return;
    // Bylines are often split over elements: <span>By</span><a>Jane Doe</a>.
    if (pending_by_ && by_marked.size() < kMaxTitleCandidates) by_marked.push_back("By " + t);
    pending_by_ = IsByMarker(t);
    texts.push_back({std::move(t), !context_.empty() && context_.back(), IsShown(node)});
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
  bool pending_by_ = false;
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

// Lower-case letters and digits only: "Acme-News.com" and "acme news com" compare equal.
std::string SquashName(const std::string& s) {
  std::string out;
  for (char c : AsciiLower(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)) out.push_back(c);
  }
  return out;
}

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

// True when some word of four or more letters of `a` is also a word of `b` (both normalised).
bool SharesLongWord(const std::string& a, const std::string& b) {
  auto words = [](const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s + " ") {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)) {
        cur.push_back(c);
      } else {
        if (cur.size() >= 4) out.push_back(cur);
        cur.clear();
      }
    }
    return out;
  };
  std::vector<std::string> wb = words(b);
  for (const std::string& w : words(a)) {
    if (std::find(wb.begin(), wb.end(), w) != wb.end()) return true;
  }
  return false;
}

size_t Words(const std::string& s) {
  std::string c = CollapseWhitespace(s);
  return c.empty() ? 0 : std::count(c.begin(), c.end(), ' ') + 1;
}

// The title from the page's headings, confirmed or corrected by its markup. *markup gets the
// markup's own titles without site names: <title>, og:title, twitter:title, JSON-LD headline.
std::string PickTitleFromHeadings(const MetaHandler& h, const JsonLdArticle& ld,
                                  const std::string& site, const std::string& url,
                                  std::string* title_site, std::vector<std::string>* markup) {
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
  const std::string& strip_site = site.empty() ? *title_site : site;
  // A heading that is only the site's name ("Acme Blog" over every page) is no headline.
  std::vector<std::string> site_names;
  for (const std::string& n : {site, *title_site, HostWithoutWww(url)}) {
    if (!SquashName(n).empty()) site_names.push_back(SquashName(n));
  }
  auto is_site = [&](const std::string& c) {
    return std::find(site_names.begin(), site_names.end(), SquashName(c)) != site_names.end();
  };
  std::string og_head = StripTitleSite(og, strip_site, &ignored);
  std::string ld_head = StripTitleSite(ld.headline, strip_site, &ignored);
  *markup = {from_tag, StripTitleSite(Meta(h, {"og:title"}), strip_site, &ignored),
             StripTitleSite(Meta(h, {"twitter:title"}), strip_site, &ignored), ld_head};
  // A visible heading that the page's own <title> or og:title confirms is the best title.
  std::vector<std::string> visible = h.h1;
  visible.insert(visible.end(), h.title_class.begin(), h.title_class.end());
  for (const std::string& cand : visible) {
    std::string c = StripTitleSite(cand, strip_site, &ignored);
    std::string nc = Norm(c);
    if (nc.size() < 4 || is_site(c)) continue;
    for (const std::string& ref : {h.title_tag, og, ld.headline}) {
      if (!ref.empty() && Norm(ref).find(nc) != std::string::npos) return c;
    }
    // The heading is a kicker or a date before the headline ("Blog: X", "Dec 18 2025 X"):
    // the markup's headline without it.
    for (const std::string& ref : {from_tag, og_head, ld_head}) {
      std::string nr = Norm(ref);
      if (nr.size() >= 12 && nc.size() > nr.size() &&
          nc.compare(nc.size() - nr.size(), nr.size(), nr) == 0 && Words(c) <= Words(ref) + 3)
        return ref;
    }
  }
  // Otherwise the page's first real <h1> is what a reader sees as the title; SEO variants in
  // og:title and JSON-LD often differ from it.
  // An <h1> sharing no word with any of them is page furniture ("Contact Us").
  std::string markup_words = Norm(from_tag + " " + og_head + " " + ld_head);
  bool have_markup = Words(markup_words) >= 3;
  for (const std::string& cand : h.h1) {
    std::string c = StripTitleSite(cand, strip_site, &ignored);
    if (std::count(c.begin(), c.end(), ' ') < 2 || Norm(c) == Norm(site) || is_site(c)) continue;
    if (have_markup && !SharesLongWord(Norm(c), markup_words)) continue;
    return c;
  }
  if (!ld.headline.empty()) return StripTitleSite(ld.headline, site, &ignored);
  if (!og.empty()) return StripTitleSite(og, site, &ignored);
  size_t words = std::count(from_tag.begin(), from_tag.end(), ' ') + 1;
  if (from_tag.empty() || words < 4) {
    if (!h.h1.empty() && !h.h1.front().empty() && !is_site(h.h1.front())) return h.h1.front();
    for (const std::string& c : h.title_class) {
      if (std::count(c.begin(), c.end(), ' ') >= 2) return c;
    }
  }
  return from_tag;
}

// `heading` is a proper word prefix of `longer` and the rest is a subtitle or qualifier
// ("Index funds" of "Index Funds: How to Invest"), not a site name after a separator.
bool ExtendsHeading(const std::string& heading, const std::string& longer) {
  std::string nh = Norm(heading), nl = Norm(longer);
  if (nh.empty() || nl.size() <= nh.size() || nl.compare(0, nh.size(), nh) != 0) return false;
  char next = nl[nh.size()];
  if (next != ' ' && next != ':' && next != ',') return false;
  std::string rest = CollapseWhitespace(nl.substr(nh.size() + (next == ' ' ? 0 : 1)));
  for (std::string_view sep : {"|", "-", "–", "—", "::", "»", "·", "•", "/"}) {
    if (rest.compare(0, sep.size(), sep) == 0) return false;
  }
  return Words(rest) >= 1;
}

// Lower-case ASCII words of `s` the way a URL slug spells them: apostrophes dropped
// ("What's" -> "whats"), every other byte that is no ASCII letter or digit splits words.
std::vector<std::string> SlugWords(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\'') continue;
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {  // right single quotation mark
      i += 2;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      cur.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      cur.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// The words of the last segment of the URL's path ("/blog/how-to-x.html" -> how to x); none
// for percent-encoded segments, which hold no ASCII slug.
std::vector<std::string> UrlSlugWords(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  size_t path = url.find('/', scheme + 3);
  if (path == std::string::npos) return {};
  std::string p = url.substr(path, url.find_first_of("?#", path) - path);
  while (!p.empty() && p.back() == '/') p.pop_back();
  std::string segment = p.substr(p.rfind('/') + 1);
  if (segment.find('%') != std::string::npos) return {};
  for (std::string_view ext : {".html", ".htm", ".shtml", ".php", ".aspx", ".asp"}) {
    if (segment.size() > ext.size() &&
        AsciiLower(segment).compare(segment.size() - ext.size(), ext.size(), ext) == 0) {
      segment.resize(segment.size() - ext.size());
      break;
    }
  }
  return SlugWords(segment);
}

// The markup can overrule a visible heading. A markup title the page also shows as a text of
// its own (a second heading, a breadcrumb, a teaser) is what the page calls itself; a heading
// that two markup titles extend with the same subtitle lost that subtitle to the layout; and
// a title that two markup titles and the URL's slug all spell alike outvotes a heading that
// is not it with a subtitle added (the slug was made from the headline when it was written).
std::string PickTitle(const MetaHandler& h, const JsonLdArticle& ld, const std::string& site,
                      const std::string& url, std::string* title_site) {
  std::vector<std::string> markup;
  std::string picked = PickTitleFromHeadings(h, ld, site, url, title_site, &markup);
  auto shown = [&](const std::string& title) {
    std::string n = Norm(title);  // text nodes are whitespace-collapsed already
    for (const TextNode& t : h.texts) {
      if (t.shown && t.text.size() == n.size() && AsciiLower(t.text) == n) return true;
    }
    return false;
  };
  std::string np = Norm(picked);
  bool from_markup = std::any_of(markup.begin(), markup.end(),
                                 [&](const std::string& m) { return !m.empty() && Norm(m) == np; });
  if (!from_markup || !shown(picked)) {
    for (const std::string& m : markup) {
      // "Headline | Tagline" shown whole lost its tagline on purpose: no correction.
      bool affix_of_picked = Norm(m).rfind(np, 0) == 0 && !ExtendsHeading(picked, m);
      if (Words(m) >= 3 && Norm(m) != np && !affix_of_picked && shown(m)) return m;
    }
  }
  if (from_markup) return picked;
  constexpr size_t kMinSlugWords = 3;  // "/news", "/about-us" say nothing
  std::vector<std::string> slug = UrlSlugWords(url);
  for (size_t i = 0; i < markup.size(); ++i) {
    const std::string& m = markup[i];
    bool agreed = false;
    for (size_t j = i + 1; j < markup.size(); ++j) agreed |= Norm(m) == Norm(markup[j]);
    if (m.empty() || !agreed) continue;
    if (ExtendsHeading(picked, m)) return m;
    if (slug.size() >= kMinSlugWords && SlugWords(m) == slug && !ExtendsHeading(m, picked))
      return m;
  }
  return picked;
}

std::vector<std::string> PickAuthors(const MetaHandler& h, const JsonLdArticle& ld,
                                     const std::vector<std::string>& site_names) {
  std::vector<std::string> sites;
  for (const std::string& s : site_names) {
    std::string n = SquashName(s);
    if (!n.empty()) sites.push_back(n);
  }
  // The publisher named as author ("Acme News" by "Acme News") says nothing about who wrote it.
  auto is_site = [&](const std::string& name) {
    return std::find(sites.begin(), sites.end(), SquashName(name)) != sites.end();
  };
  // A site named as author is kept only when no person is named anywhere (lenient pass).
  auto clean = [&](const std::vector<std::string>& raw, NameCheck check, bool allow_site) {
    std::vector<std::string> out;
    for (const std::string& r : raw) {
      for (std::string& n : ParseByline(DecodeLeftoverEntities(r), check)) {
        if ((allow_site || !is_site(n)) && std::find(out.begin(), out.end(), n) == out.end())
          out.push_back(std::move(n));
      }
    }
    return out;
  };
  std::vector<std::string> meta_authors;
  for (const MetaTag& m : h.metas) {
    if ((m.key == "author" || m.key == "article:author" || m.key == "dc.creator" ||
         m.key == "parsely-author" || m.key == "sailthru.author" || m.key == "byl" ||
         m.key == "dcterms.creator" || m.key == "citation_author") &&
        !m.content.empty())
      meta_authors.push_back(m.content);
  }
  // WordPress-style <meta name="twitter:label1" content="Written by"> + twitter:data1.
  for (const char* n : {"1", "2"}) {
    if (AsciiLower(Meta(h, {("twitter:label" + std::string(n)).c_str()})) == "written by")
      meta_authors.push_back(Meta(h, {("twitter:data" + std::string(n)).c_str()}));
  }
  std::vector<std::string> by_text;
  for (const TextNode& t : h.texts) {
    if (t.text.size() < 100 &&
        (StartsWithIgnoreCase(t.text, "by ") || StartsWithIgnoreCase(t.text, "written by ") ||
         StartsWithIgnoreCase(t.text, "posted by ")))
      by_text.push_back(t.text);
  }
  // Author fields first; then what the page shows as a byline, which a reader trusts too.
  const std::vector<std::string>* fields[] = {&ld.authors, &meta_authors, &h.item_authors,
                                              &h.rel_authors, &h.author_links};
  const std::vector<std::string>* author_fields[] = {&ld.authors, &meta_authors,
                                                     &h.item_authors, &h.author_links};
  const std::vector<std::string>* visible[] = {&h.by_marked, &h.bylines, &by_text};
  // Real names first, then the site named as author, then team bylines ("The Acme Team").
  for (auto [check, allow_site] : {std::pair{NameCheck::kStrict, false},
                                   std::pair{NameCheck::kStrict, true},
                                   std::pair{NameCheck::kAllowGeneric, true}}) {
    for (const auto* source : fields) {
      std::vector<std::string> names = clean(*source, check, allow_site);
      if (!names.empty()) return names;
    }
    // Free text saying "By Staff Reporter" names nobody; an author field saying so does.
    if (check == NameCheck::kAllowGeneric) continue;
    for (const auto* source : visible) {
      std::vector<std::string> names = clean(*source, check, allow_site);
      if (!names.empty()) return names;
    }
  }
  // No name anywhere: a user name in an author field or author-page link is the byline.
  for (const auto* source : author_fields) {
    std::vector<std::string> names = clean(*source, NameCheck::kLenient, true);
    if (!names.empty()) return names;
  }
  return {};
}

// "This article was originally published on 26 Sep 2019": the page's own word beats markup,
// which republished pages re-date. The date may sit in the next text node.
std::string OriginallyPublished(const MetaHandler& h, const std::string& fetched) {
  for (size_t i = 0; i < h.texts.size(); ++i) {
    std::string lower = AsciiLower(h.texts[i].text);
    if (lower.find("originally published") == std::string::npos &&
        lower.find("first published") == std::string::npos)
      continue;
    std::string d = FindDate(h.texts[i].text);
    if (d.empty() && i + 1 < h.texts.size()) d = FindDate(h.texts[i + 1].text);
    if (!d.empty() && !IsAfter(d, fetched)) return d;
  }
  return "";
}

std::string PickPublished(const MetaHandler& h, const JsonLdArticle& ld, const std::string& url,
                          const std::string& fetched) {
  std::string original = OriginallyPublished(h, fetched);
  if (!original.empty()) return original;
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

// Days since the epoch of a "YYYY-MM-DD" date (FindDate output, always valid).
int DayNumber(const std::string& ymd) {
  using namespace std::chrono;
  year_month_day d{year(std::stoi(ymd.substr(0, 4))), month(std::stoi(ymd.substr(5, 2))),
                   day(std::stoi(ymd.substr(8, 2)))};
  return static_cast<int>(sys_days(d).time_since_epoch().count());
}

// The dates a reader sees: in short text nodes and in <time> elements.
std::vector<std::string> VisibleDates(const MetaHandler& h, const std::string& fetched) {
  std::vector<std::string> out;  // <time> elements first: the page header's date leads
  auto add = [&](const std::string& text) {
    std::string d = FindDate(text);
    if (!d.empty() && !IsAfter(d, fetched) &&
        std::find(out.begin(), out.end(), d) == out.end())
      out.push_back(d);
  };
  for (const std::string& t : h.time_published) add(t);
  for (const std::string& t : h.time_other) add(t);
  for (const TextNode& t : h.texts) add(t.text);
  return out;
}

// Markup dates are often not the one the page shows: an article re-dated "Updated <date>"
// shows its modification date, and a UTC timestamp can fall on the next day of the local
// date printed. When the page shows no copy of `published` but shows the modified date, or
// its first shown date is one day off, the shown date wins.
std::string PreferShownDate(const std::string& published, const std::string& modified,
                            const std::vector<std::string>& shown) {
  if (published.empty() || shown.empty() ||
      std::find(shown.begin(), shown.end(), published) != shown.end())
    return published;
  if (!modified.empty() && modified > published &&
      std::find(shown.begin(), shown.end(), modified) != shown.end())
    return modified;
  if (std::abs(DayNumber(shown.front()) - DayNumber(published)) == 1) return shown.front();
  return published;
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
  md.title = DecodeLeftoverEntities(PickTitle(h, ld, site, url, &title_site));
  md.publisher = !site.empty() ? site : !title_site.empty() ? title_site : HostWithoutWww(url);
  md.authors = PickAuthors(h, ld, {site, title_site, ld.publisher, HostWithoutWww(url)});
  md.published = PickPublished(h, ld, url, fetched_ymd);
  md.modified = PickModified(h, ld, fetched_ymd);
  md.published = PreferShownDate(md.published, md.modified, VisibleDates(h, fetched_ymd));
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
