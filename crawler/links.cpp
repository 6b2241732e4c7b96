#include "crawler/links.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "crawler/url.h"

namespace claimdex {
namespace {

constexpr size_t kMaxAnchorText = 200;

// ASCII only, inline: the tag scanner calls it for every '<' of every page, and std::tolower
// is an out-of-line, locale-dependent call.
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool StartsWithNoCase(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

size_t FindNoCase(std::string_view text, size_t pos, std::string_view needle) {
  for (; pos + needle.size() <= text.size(); ++pos) {
    pos = text.find(needle[0], pos);
    if (pos == std::string_view::npos) return pos;
    if (StartsWithNoCase(text, pos, needle)) return pos;
  }
  return std::string_view::npos;
}

// Decodes &amp; &quot; &lt; &gt; &#NN; &#xNN; (ASCII only); anything else is kept as written.
std::string DecodeEntities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);  // the usual case
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 8) {
      out += '&';
      continue;
    }
    std::string name = Lower(text.substr(i + 1, semi - i - 1));
    long code = -1;
    if (name == "amp")
      code = '&';
    else if (name == "quot")
      code = '"';
    else if (name == "lt")
      code = '<';
    else if (name == "gt")
      code = '>';
    else if (name == "nbsp")
      code = ' ';
    else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x';
      code = std::strtol(name.c_str() + (hex ? 2 : 1), nullptr, hex ? 16 : 10);
    }
    if (code > 0 && code < 128) {
      out += static_cast<char>(code);
      i = semi;
    } else {
      out += '&';
    }
  }
  return out;
}

// Reads the attributes of a tag starting at `pos` (just after its name) up to '>'. Returns the
// value of attribute `wanted` ("" if absent) and sets *end to the position after '>'.
std::string ReadAttribute(std::string_view html, size_t pos, std::string_view wanted, size_t* end) {
  std::string value;
  while (pos < html.size() && html[pos] != '>') {
    if (IsSpace(html[pos]) || html[pos] == '/') {
      ++pos;
      continue;
    }
    size_t name_start = pos;
    while (pos < html.size() && !IsSpace(html[pos]) && html[pos] != '=' && html[pos] != '>') ++pos;
    std::string name = Lower(html.substr(name_start, pos - name_start));
    while (pos < html.size() && IsSpace(html[pos])) ++pos;
    if (pos >= html.size() || html[pos] != '=') continue;
    ++pos;
    while (pos < html.size() && IsSpace(html[pos])) ++pos;
    size_t value_start = pos;
    size_t value_end;
    if (pos < html.size() && (html[pos] == '"' || html[pos] == '\'')) {
      char quote = html[pos];
      value_start = pos + 1;
      value_end = html.find(quote, value_start);
      if (value_end == std::string_view::npos) value_end = html.size();
      pos = std::min(html.size(), value_end + 1);
    } else {
      while (pos < html.size() && !IsSpace(html[pos]) && html[pos] != '>') ++pos;
      value_end = pos;
    }
    if (name == wanted && value.empty()) {
      value = DecodeEntities(html.substr(value_start, value_end - value_start));
    }
  }
  *end = std::min(html.size(), pos + 1);
  return value;
}

void AppendText(std::string_view raw, std::string* text) {
  if (text->size() >= kMaxAnchorText) return;  // full: the rest of the anchor is not read
  for (char c : DecodeEntities(raw)) {
    if (text->size() >= kMaxAnchorText) return;
    if (IsSpace(c)) {
      if (!text->empty() && text->back() != ' ') *text += ' ';
    } else {
      *text += c;
    }
  }
}

bool TagNameIs(std::string_view html, size_t pos, std::string_view name) {
  if (!StartsWithNoCase(html, pos, name)) return false;
  size_t after = pos + name.size();
  return after >= html.size() || IsSpace(html[after]) || html[after] == '>' || html[after] == '/';
}

}  // namespace

HtmlLinks ExtractLinks(std::string_view html) {
  HtmlLinks result;
  HtmlLink* open = nullptr;  // the <a> whose text is being collected
  size_t pos = 0;
  while (pos < html.size()) {
    size_t lt = html.find('<', pos);
    if (open != nullptr) AppendText(html.substr(pos, std::min(lt, html.size()) - pos), &open->text);
    if (lt == std::string_view::npos) break;
    pos = lt + 1;
    if (StartsWithNoCase(html, pos, "!--")) {
      size_t close = html.find("-->", pos + 3);
      pos = close == std::string_view::npos ? html.size() : close + 3;
    } else if (TagNameIs(html, pos, "script") || TagNameIs(html, pos, "style")) {
      std::string closing = TagNameIs(html, pos, "script") ? "</script" : "</style";
      size_t close = FindNoCase(html, pos, closing);
      pos = close == std::string_view::npos ? html.size() : close + closing.size();
    } else if (TagNameIs(html, pos, "a")) {
      size_t end;
      std::string href = ReadAttribute(html, pos + 1, "href", &end);
      pos = end;
      open = nullptr;
      if (href.empty() || result.links.size() >= kMaxLinksPerPage) continue;
      result.links.push_back({std::move(href), ""});
      open = &result.links.back();
    } else if (TagNameIs(html, pos, "base") && result.base_href.empty()) {
      size_t end;
      result.base_href = ReadAttribute(html, pos + 4, "href", &end);
      pos = end;
    } else {
      if (open != nullptr && TagNameIs(html, pos, "/a")) open = nullptr;
      size_t gt = html.find('>', pos);
      pos = gt == std::string_view::npos ? html.size() : gt + 1;
    }
  }
  for (HtmlLink& link : result.links) {
    while (!link.text.empty() && link.text.back() == ' ') link.text.pop_back();
  }
  return result;
}

LinkPolicy::LinkPolicy(const Profile& profile, const std::vector<std::string>& seed_urls)
    : allow_hosts_(profile.allow_hosts),
      deny_hosts_(profile.deny_hosts),
      max_depth_(profile.politeness.max_depth) {
  for (const std::string& url : seed_urls) {
    std::string host = UrlHost(url);
    if (!host.empty()) seed_hosts_.insert(host);
  }
  for (const std::string& keyword : profile.keywords) {
    if (!keyword.empty()) keywords_.push_back(Lower(keyword));
  }
}

bool LinkPolicy::HostAllowed(const std::string& host) const {
  for (const std::string& deny : deny_hosts_) {
    if (HostMatches(host, deny)) return false;
  }
  if (allow_hosts_.empty()) return seed_hosts_.count(host) > 0;
  return std::any_of(allow_hosts_.begin(), allow_hosts_.end(),
                     [&](const std::string& allow) { return HostMatches(host, allow); });
}

bool LinkPolicy::OnTopic(const std::string& url, const std::string& anchor_text) const {
  if (keywords_.empty()) return true;
  std::string lower_url = Lower(url);
  std::string lower_text = Lower(anchor_text);
  for (const std::string& keyword : keywords_) {
    if (lower_text.find(keyword) != std::string::npos) return true;
    for (char joiner : {' ', '-', '_', '+'}) {
      std::string variant = keyword;
      std::replace(variant.begin(), variant.end(), ' ', joiner);
      if (lower_url.find(variant) != std::string::npos) return true;
    }
  }
  return false;
}

bool LinkPolicy::PageOnTopic(std::string_view html) const {
  if (keywords_.empty()) return true;
  std::string lower = Lower(html.substr(0, size_t{1} << 20));
  return std::any_of(keywords_.begin(), keywords_.end(), [&](const std::string& keyword) {
    return lower.find(keyword) != std::string::npos;
  });
}

bool LinkPolicy::ShouldFollow(const std::string& url, const std::string& anchor_text, int depth,
                              bool page_on_topic) const {
  if (depth > max_depth_) return false;  // before parsing the URL: the cheap test first
  std::string host = UrlHost(url);
  if (host.empty() || !HostAllowed(host)) return false;
  return IsSeedHost(host) || page_on_topic || OnTopic(url, anchor_text);
}

}  // namespace claimdex
