#include "extract/page_kind.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/dom.h"
#include "extract/metadata.h"
#include "extract/text_util.h"

namespace claimdex {
namespace {

using json = nlohmann::json;

constexpr int kMaxJsonDepth = 8;
constexpr size_t kMinTeaserWords = 4;
constexpr size_t kMaxTeasers = 1000;

size_t Words(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

void CollectTypes(const json& j, int depth, PageKindSignals* s) {
  if (depth > kMaxJsonDepth) return;
  if (j.is_array()) {
    for (const json& item : j) CollectTypes(item, depth + 1, s);
    return;
  }
  if (!j.is_object()) return;
  auto one = [&](const std::string& t) {
    if (t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
        t == "LiveBlogPosting" || t == "Review" || t == "PressRelease")
      s->ld_article = true;
    if (t == "CollectionPage" || t == "ItemList" || t == "SearchResultsPage") s->ld_listing = true;
    if (t == "WebSite") s->ld_website = true;
  };
  if (auto it = j.find("@type"); it != j.end()) {
    if (it->is_string()) one(it->get<std::string>());
    if (it->is_array()) {
      for (const json& t : *it) {
        if (t.is_string()) one(t.get<std::string>());
      }
    }
  }
  // Items of an ItemList are often Articles: they describe other pages, not this one.
  for (const char* key : {"@graph", "mainEntity"}) {
    if (auto it = j.find(key); it != j.end()) CollectTypes(*it, depth + 1, s);
  }
}

std::string PathOf(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  size_t start = url.find('/', scheme + 3);
  if (start == std::string::npos) return "/";
  size_t end = url.find_first_of("?#", start);
  return url.substr(start, end == std::string::npos ? end : end - start);
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsYear(const std::string& s) {
  return s.size() == 4 && AllDigits(s) &&
         (s.compare(0, 2, "19") == 0 || s.compare(0, 2, "20") == 0);
}

// Counts the text under <body>, the part of it inside links, and links that read like story
// teasers (several words, to another page of the same site).
class LinkHandler : public DomHandler {
 public:
  explicit LinkHandler(const std::string& url)
      : url_(url), host_(HostWithoutWww(url)), path_(PathOf(url)) {}

  void Enter(const GumboNode* node) override {
    if (node->type == GUMBO_NODE_TEXT) {
      if (skip_ > 0) return;
      size_t n = CollapseWhitespace(node->v.text.text).size();
      text_ += n;
      if (in_link_ > 0) link_text_ += n;
      return;
    }
    if (!IsElement(node)) return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
        tag == GUMBO_TAG_HEAD)
      ++skip_;
    if (IsHeadingLike(tag)) ++in_heading_;
    if (tag == GUMBO_TAG_A) {
      ++in_link_;
      OnLink(node);
    }
  }

  void Exit(const GumboNode* node) override {
    if (!IsElement(node)) return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
        tag == GUMBO_TAG_HEAD)
      --skip_;
    if (IsHeadingLike(tag)) --in_heading_;
    if (tag == GUMBO_TAG_A) --in_link_;
  }

  size_t text_ = 0, link_text_ = 0;
  int teasers_ = 0, heading_teasers_ = 0;

 private:
  static bool IsHeadingLike(GumboTag tag) {
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
           tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6 ||
           tag == GUMBO_TAG_B || tag == GUMBO_TAG_STRONG;
  }

  static bool HasHeadingChild(const GumboNode* node) {
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (IsElement(kid) && IsHeadingLike(kid->v.element.tag)) return true;
    }
    return false;
  }

  void OnLink(const GumboNode* node) {
    if (skip_ > 0 || teasers_ >= static_cast<int>(kMaxTeasers)) return;
    std::string href = CollapseWhitespace(Attr(node, "href"));
    if (href.empty() || href[0] == '#' || StartsWithIgnoreCase(href, "mailto:") ||
        StartsWithIgnoreCase(href, "javascript:"))
      return;
    if (Words(NodeText(node, 400)) < kMinTeaserWords) return;
    std::string target;
    if (!host_.empty()) {
      target = ResolveUrl(url_, href);
      if (HostWithoutWww(target) != host_) return;
    } else if (StartsWithIgnoreCase(href, "http:") || StartsWithIgnoreCase(href, "https:") ||
               href.rfind("//", 0) == 0) {
      return;  // without a page URL only relative links are known to stay on the site
    } else {
      target = "http://x/" + href;
    }
    std::string path = PathOf(target);
    if (path == "/" || (!path_.empty() && path == path_)) return;
    ++teasers_;
    if (in_heading_ > 0 || HasHeadingChild(node)) ++heading_teasers_;
  }

  std::string url_, host_, path_;
  int skip_ = 0, in_link_ = 0, in_heading_ = 0;
};

}  // namespace

bool IsListingPath(const std::string& url) {
  std::string path = AsciiLower(PathOf(url));
  if (path.empty()) return false;
  std::vector<std::string> segments;
  size_t pos = 0;
  while (pos < path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    if (slash > pos) segments.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  if (!segments.empty()) {
    const std::string& last = segments.back();
    for (const char* index : {"index.html", "index.htm", "index.php", "index.shtml",
                              "default.aspx", "default.asp", "home", "home.html"}) {
      if (last == index) {
        segments.pop_back();
        break;
      }
    }
  }
  if (segments.empty()) return true;
  for (const std::string& seg : segments) {
    // A story slug, a file name or a numeric id names one page.
    if (std::count(seg.begin(), seg.end(), '-') >= 2 || seg.find('.') != std::string::npos)
      return false;
    if (AllDigits(seg) && seg.size() > 2 && !IsYear(seg)) return false;
  }
  static const char* const kListingWords[] = {
      "tag",     "tags",   "category", "categories", "topic", "topics",  "section",
      "sections", "author", "authors",  "archive",    "page",  "search",  "series"};
  for (const char* w : kListingWords) {
    if (segments.front() == w) return true;
  }
  if (segments.size() > 2) return false;
  for (const std::string& seg : segments) {
    bool date_part = AllDigits(seg) && (seg.size() <= 2 || IsYear(seg));
    bool word = seg.size() <= 20 && std::all_of(seg.begin(), seg.end(), [](char c) {
                  return (c >= 'a' && c <= 'z') || c == '-' || c == '_';
                });
    if (!date_part && !word) return false;
  }
  return true;
}

PageKindSignals PageKindOf(const GumboNode* root, const std::vector<std::string>& json_ld,
                           const std::string& url) {
  PageKindSignals s;
  for (const std::string& script : json_ld) {
    json j = json::parse(script, nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded()) CollectTypes(j, 0, &s);
  }
  s.listing_path = IsListingPath(url);
  LinkHandler links(url);
  WalkDom(root, {&links});
  s.teasers = links.teasers_;
  s.heading_teasers = links.heading_teasers_;
  if (links.text_ > 0) {
    s.link_density =
        static_cast<double>(links.link_text_) / static_cast<double>(links.text_);
  }
  return s;
}

bool IsListingPage(const PageKindSignals& s) {
  if (s.ld_article) return false;
  int points = 0;
  if (s.ld_listing) points += 2;
  if (s.listing_path) points += s.ld_website ? 2 : 1;
  if (s.heading_teasers >= 3 || s.teasers >= 6) ++points;
  if ((s.heading_teasers >= 8 || s.teasers >= 15) && s.link_density >= 0.3) ++points;
  if (s.link_density >= 0.5) ++points;
  return points >= 2;
}

}  // namespace claimdex
