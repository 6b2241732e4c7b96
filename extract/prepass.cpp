#include "extract/prepass.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "extract/text_util.h"

namespace claimdex {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements removed with their content.
bool IsDroppedElement(std::string_view name) {
  // string_view comparisons check the length first: this runs on every tag of every page.
  using namespace std::string_view_literals;
  return name == "script"sv || name == "style"sv || name == "svg"sv || name == "noscript"sv ||
         name == "template"sv || name == "iframe"sv || name == "math"sv || name == "object"sv;
}

// Elements that never nest by themselves: void elements and those whose end tag is optional
// (a second <p> or <li> closes the first), so they do not deepen the tree.
bool IsNonNesting(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area",     "base",    "br",    "col",    "embed",    "hr",      "img",      "input",
      "link",     "meta",    "param", "source", "track",    "wbr",     "p",        "li",
      "dt",       "dd",      "rb",    "rt",     "rtc",      "rp",      "optgroup", "option",
      "colgroup", "caption", "thead", "tbody",  "tfoot",    "tr",      "td",       "th",
      "html",     "head",    "body",  "keygen", "basefont", "bgsound", "frame",    "image"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool self_closing = false;
  size_t end = 0;  // index just past '>'
  std::string_view attrs;
};

// Parses the tag at `pos` (s[pos] == '<'). Quoted attribute values may contain '>'.
Tag ReadTag(std::string_view s, size_t pos) {
  Tag tag;
  size_t i = pos + 1;
  if (i < s.size() && s[i] == '/') tag.closing = true, ++i;
  size_t name_start = i;
  while (i < s.size() && IsNameChar(s[i])) ++i;
  tag.name = AsciiLower(s.substr(name_start, i - name_start));
  size_t attrs_start = i;
  char quote = 0;
  while (i < s.size()) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Only a quote right after '=' opens a value; a stray quote elsewhere is text.
      size_t k = i;
      while (k > attrs_start && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n')) --k;
      if (k > attrs_start && s[k - 1] == '=') quote = c;
    } else if (c == '>') {
      break;
    }
    ++i;
  }
  tag.attrs = s.substr(attrs_start, std::min(i, s.size()) - attrs_start);
  tag.self_closing = !tag.attrs.empty() && tag.attrs.back() == '/';
  tag.end = std::min(i + 1, s.size());
  return tag;
}

// Position of "</name" (case-insensitive) at or after `from`, or npos.
size_t FindClose(std::string_view s, size_t from, const std::string& name) {
  std::string needle = "</" + name;
  while (from < s.size()) {
    size_t p = s.find("</", from);
    if (p == std::string_view::npos) return p;
    if (p + needle.size() <= s.size() && AsciiLower(s.substr(p, needle.size())) == needle &&
        (p + needle.size() == s.size() || !IsNameChar(s[p + needle.size()])))
      return p;
    from = p + 2;
  }
  return std::string_view::npos;
}

bool IsJsonLd(std::string_view attrs) {
  return AsciiLower(attrs).find("application/ld+json") != std::string::npos;
}

class Scanner {
 public:
  Scanner(std::string_view in, const PrepassOptions& options, PrepassResult* out)
      : in_(in), options_(options), out_(out) {}

  void Run() {
    size_t pos = 0;
    while (pos < in_.size()) {
      size_t lt = in_.find('<', pos);
      if (lt == std::string_view::npos) lt = in_.size();
      out_->html.append(in_.substr(pos, lt - pos));
      if (lt >= in_.size()) break;
      pos = HandleMarkup(lt);
    }
  }

 private:
  // Handles the markup at `lt` and returns where scanning resumes.
  size_t HandleMarkup(size_t lt) {
    std::string_view rest = in_.substr(lt);
    if (rest.substr(0, 4) == "<!--") {
      size_t end = in_.find("-->", lt + 4);
      return end == std::string_view::npos ? in_.size() : end + 3;
    }
    if (rest.size() >= 2 && (rest[1] == '!' || rest[1] == '?')) {
      size_t end = in_.find('>', lt);
      size_t stop = end == std::string_view::npos ? in_.size() : end + 1;
      out_->html.append(in_.substr(lt, stop - lt));  // doctype and friends matter to gumbo
      return stop;
    }
    bool is_tag = rest.size() >= 2 &&
                  (IsAlpha(rest[1]) || (rest[1] == '/' && rest.size() >= 3 && IsAlpha(rest[2])));
    if (!is_tag) {
      out_->html.push_back('<');
      return lt + 1;
    }
    Tag tag = ReadTag(in_, lt);
    if (!tag.closing && IsDroppedElement(tag.name)) return SkipElement(tag);
    if (tag.closing && IsDroppedElement(tag.name)) return tag.end;  // stray end tag
    if (!tag.closing && (tag.name == "title" || tag.name == "textarea"))
      return CopyRawText(lt, tag);
    if (!KeepForDepth(tag)) return tag.end;
    out_->html.append(in_.substr(lt, tag.end - lt));
    return tag.end;
  }

  size_t SkipElement(const Tag& tag) {
    if (tag.self_closing && tag.name != "script") return tag.end;
    size_t close = FindClose(in_, tag.end, tag.name);
    size_t body_end = close == std::string_view::npos ? in_.size() : close;
    if (tag.name == "script" && IsJsonLd(tag.attrs))
      out_->json_ld.emplace_back(in_.substr(tag.end, body_end - tag.end));
    if (close == std::string_view::npos) return in_.size();
    size_t gt = in_.find('>', close);
    return gt == std::string_view::npos ? in_.size() : gt + 1;
  }

  // <title> and <textarea> hold text in which '<' is not markup.
  size_t CopyRawText(size_t lt, const Tag& tag) {
    size_t close = FindClose(in_, tag.end, tag.name);
    if (close == std::string_view::npos) {
      out_->html.append(in_.substr(lt, tag.end - lt));
      return tag.end;
    }
    size_t gt = in_.find('>', close);
    size_t stop = gt == std::string_view::npos ? in_.size() : gt + 1;
    out_->html.append(in_.substr(lt, stop - lt));
    return stop;
  }

  // Tracks the depth of explicitly closed elements; false drops the tag.
  bool KeepForDepth(const Tag& tag) {
    if (IsNonNesting(tag.name) || tag.name.empty()) return true;
    if (tag.closing) {
      auto it = dropped_.find(tag.name);
      if (it != dropped_.end() && it->second > 0) {
        --it->second;
        return false;
      }
      if (depth_ > 0) --depth_;
      return true;
    }
    if (tag.self_closing) return true;
    if (depth_ >= options_.max_depth) {
      ++dropped_[tag.name];
      ++out_->dropped_tags;
      return false;
    }
    ++depth_;
    return true;
  }

  std::string_view in_;
  const PrepassOptions& options_;
  PrepassResult* out_;
  int depth_ = 0;
  std::unordered_map<std::string, size_t> dropped_;
};

}  // namespace

PrepassResult Prepass(std::string_view html, const PrepassOptions& options) {
  PrepassResult result;
  if (html.size() > options.max_bytes) {
    size_t cut = html.rfind('<', options.max_bytes);
    if (cut == std::string_view::npos || cut < options.max_bytes / 2) cut = options.max_bytes;
    html = html.substr(0, cut);
    result.truncated = true;
  }
  result.html.reserve(html.size());
  Scanner(html, options, &result).Run();
  return result;
}

}  // namespace claimdex
