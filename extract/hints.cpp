#include "extract/hints.h"

#include <string>
#include <string_view>
#include <vector>

#include "extract/dom.h"
#include "extract/text_util.h"

namespace claimdex {
namespace {

bool InList(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (word == w) return true;
  }
  return false;
}

// Fragments distinctive enough to match inside a longer word ("sharebar", "relatedPosts").
bool HasStrongFragment(std::string_view token) {
  static constexpr std::string_view kFragments[] = {
      "share",   "social",     "related", "newsletter", "sidebar",  "advert",  "promo",
      "caption", "breadcrumb", "sponsor", "subscri",    "outbrain", "taboola", "recommend",
      "cookie",  "byline",     "popup",   "disqus",     "comment"};
  for (std::string_view f : kFragments) {
    size_t pos = token.find(f);
    if (pos == std::string_view::npos) continue;
    if (f == "comment" && token.find("commentar") != std::string_view::npos) continue;
    return true;
  }
  return false;
}

bool IsStrongWord(std::string_view w) {
  return InList(
      w, {"ad",    "ads",    "adv",        "advertisement", "credit",      "credits", "gallery",
          "modal", "banner", "skip",       "jump",          "nav",         "navbar",  "navigation",
          "menu",  "footer", "pagination", "pager",         "breadcrumbs", "masthead"});
}

bool IsWeakWord(std::string_view w) {
  return InList(w, {"meta",     "tags",   "tag",       "author",   "authors", "date",
                    "dateline", "widget", "tools",     "toolbar",  "print",   "rating",
                    "bio",      "hidden", "timestamp", "signup",   "header",  "hdr",
                    "aside",    "extra",  "links",     "feedback", "ratings", "reactions",
                    "donate",   "sr",     "visually",  "screen",   "toc"});
}

bool IsPositiveWord(std::string_view w) {
  return InList(w, {"article", "articlebody", "body", "content", "entry", "hentry", "main", "post",
                    "text", "blog", "story", "prose", "richtext"});
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == ':' || c == '.') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

std::vector<std::string> Tokens(const std::string& s) {
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!cur.empty()) tokens.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) tokens.push_back(cur);
  return tokens;
}

}  // namespace

Hint ElementHint(const GumboNode* node) {
  if (!IsElement(node)) return Hint::kNone;
  std::string names = ClassAndId(node);
  std::string role = AsciiLower(Attr(node, "role"));
  bool strong = role == "complementary" || role == "navigation" || role == "banner" ||
                role == "contentinfo" || role == "dialog" || role == "alert";
  bool weak = false, positive = role == "main" || role == "article";
  for (const std::string& token : Tokens(names)) {
    if (HasStrongFragment(token)) strong = true;
  }
  for (const std::string& w : Words(names)) {
    if (IsStrongWord(w)) strong = true;
    if (IsWeakWord(w)) weak = true;
    if (IsPositiveWord(w)) positive = true;
  }
  // <article> and <main> say what they are more reliably than a theme's class names
  // ("newsletter-content" on the article of a newsletter archive).
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN)
    return positive ? Hint::kPositive : Hint::kNone;
  if (strong) return Hint::kStrongNegative;
  if (positive) return Hint::kPositive;
  if (weak) return Hint::kWeakNegative;
  return Hint::kNone;
}

bool LooksLikeBylineElement(const GumboNode* node) {
  if (!IsElement(node)) return false;
  std::string names = ClassAndId(node);
  if (names.find("byline") != std::string::npos) return true;
  for (const std::string& w : Words(names)) {
    if (w == "author" || w == "authors" || w == "writer" || w == "by") return true;
  }
  std::string_view rel = Attr(node, "rel");
  return rel == "author";
}

}  // namespace claimdex
