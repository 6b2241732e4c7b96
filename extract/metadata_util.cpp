// Helpers of metadata.h that work on strings only: title suffixes, bylines, URLs, language.
#include <algorithm>
#include <string>
#include <vector>

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>

#include "extract/metadata.h"
#include "extract/text_util.h"

namespace claimdex {
namespace {

constexpr std::string_view kSeparators[] = {
    " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " ｜ ", " • ", " : "};

// Separators after which the rest is nearly always the site's name.
bool IsStrongSeparator(std::string_view sep) {
  return sep == " | " || sep == " :: " || sep == " » " || sep == " · " || sep == " ｜ " ||
         sep == " • ";
}

std::string Squash(std::string_view s) {
  std::string out;
  for (char c : AsciiLower(s)) {
    if (c != ' ' && c != '.' && c != '-' && c != '\'' && c != ',') out.push_back(c);
  }
  return out;
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool AllWordsCapitalised(std::string_view s) {
  bool start = true;
  for (char c : s) {
    if (c == ' ') {
      start = true;
      continue;
    }
    if (start && c >= 'a' && c <= 'z') return false;
    start = false;
  }
  return true;
}

bool IsGenericAuthor(const std::string& name) {
  std::string lower = AsciiLower(name);
  static constexpr std::string_view kWords[] = {
      "staff",     "editor",      "editorial", "admin",    "newsroom",      "news desk",
      "team",      "contributor", "guest",     "reporter", "correspondent", "wire",
      "anonymous", "unknown",     "webmaster", "author"};
  for (std::string_view w : kWords) {
    if (lower.find(w) != std::string::npos) return true;
  }
  return lower.find("http") != std::string::npos || lower.find('@') != std::string::npos;
}

bool IsNameParticle(std::string_view w) {
  return w == "van" || w == "von" || w == "de" || w == "der" || w == "den" || w == "da" ||
         w == "del" || w == "della" || w == "di" || w == "du" || w == "la" || w == "le" ||
         w == "bin" || w == "al" || w == "el" || w == "ten" || w == "ter" || w == "dos";
}

// "MD", "Ph.D.", "M.D. FACLM", "PhD": a professional credential written after a name.
bool IsCredential(std::string_view part) {
  if (part.empty() || part.size() > 16) return false;
  size_t upper = 0;
  for (char c : part) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (!(c == '.' || c == ' ' || (c >= 'a' && c <= 'z'))) {
      return false;
    }
  }
  if (part == "PhD" || part == "Ph.D." || part == "Ph.D") return true;
  // Words of at most five letters; several words only with an abbreviation among them
  // ("M.D. FACLM"), so that a name in capitals ("JANE DOE") is not taken for one.
  size_t words = 0, letters_in_word = 0;
  bool dotted = false;
  for (size_t i = 0; i <= part.size(); ++i) {
    if (i == part.size() || part[i] == ' ') {
      words += letters_in_word > 0;
      letters_in_word = 0;
    } else if (part[i] == '.') {
      dotted = true;
    } else if (++letters_in_word > 5) {
      return false;
    }
  }
  if (words > 1 && !dotted) return false;
  // Mostly capitals: "MD", "FOMA", "M.D.", "RN"; a lower-case word ("Reuters") is not one.
  size_t letters = 0;
  for (char c : part) letters += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  return upper >= 2 && upper * 4 >= letters * 3;
}

// Trims a candidate name and checks that it reads like one: no lower-case word except
// particles, no digits, at most six words; `check` says how far to relax that.
bool IsCalendarWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar",
      "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
      "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "today", "yesterday"};
  std::string lower = AsciiLower(w);
  for (std::string_view k : kWords) {
    if (lower == k) return true;
  }
  return false;
}

std::string CleanName(std::string_view raw, NameCheck check) {
  std::string name = CollapseWhitespace(raw);
  while (!name.empty() && (name.back() == ',' || name.back() == ':')) name.pop_back();
  // A final period ends an abbreviation ("Ph.D.", "Jr.") only when the word has another one.
  if (!name.empty() && name.back() == '.') {
    size_t word = name.rfind(' ');
    std::string_view last = std::string_view(name).substr(word == std::string::npos ? 0 : word + 1);
    if (last.substr(0, last.size() - 1).find('.') == std::string_view::npos) name.pop_back();
  }
  if (name.empty() || name.size() > 80 || WordCount(name) > 6 || IsCalendarWord(name)) return "";
  std::string lower = AsciiLower(name);
  if (lower.find("http") != std::string::npos || lower.find('@') != std::string::npos ||
      lower.find("www.") != std::string::npos)
    return "";
  if (check == NameCheck::kLenient) {
    for (char c : name) {
      if (c == '<' || c == '>' || c == '{' || c == '=' || c == '*') return "";
    }
    // Link and button texts ("Articles by Jane", "View all posts") are not user names.
    static constexpr std::string_view kNotInNames[] = {"by",   "of",    "more",  "view", "all",
                                                       "read", "posts", "about", "see",  "articles"};
    for (const std::string& w : SplitWords(lower)) {
      for (std::string_view n : kNotInNames) {
        if (w == n) return "";
      }
    }
    return name;
  }
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string::npos) end = name.size();
    std::string_view w = std::string_view(name).substr(start, end - start);
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z' && !IsNameParticle(w)) return "";
    start = end + 1;
  }
  for (char c : name) {
    if (c >= '0' && c <= '9') return "";
  }
  return check == NameCheck::kStrict && IsGenericAuthor(name) ? "" : name;
}

}  // namespace

std::string StripTitleSite(const std::string& title, const std::string& site_hint,
                           std::string* site) {
  site->clear();
  std::string squashed_site = Squash(site_hint);
  for (std::string_view sep : kSeparators) {
    size_t last = title.rfind(sep);
    if (last != std::string::npos && !squashed_site.empty() &&
        Squash(title.substr(last + sep.size())) == squashed_site) {
      *site = title.substr(last + sep.size());
      return title.substr(0, last);
    }
    size_t first = title.find(sep);
    if (first != std::string::npos && !squashed_site.empty() &&
        Squash(title.substr(0, first)) == squashed_site) {
      *site = title.substr(0, first);
      return title.substr(first + sep.size());
    }
  }
  size_t best = std::string::npos;
  std::string_view best_sep;
  for (std::string_view sep : kSeparators) {
    size_t pos = title.rfind(sep);
    if (pos != std::string::npos && (best == std::string::npos || pos > best)) {
      best = pos, best_sep = sep;
    }
  }
  if (best == std::string::npos || best == 0) return title;
  std::string head = title.substr(0, best);
  std::string tail = title.substr(best + best_sep.size());
  size_t tail_words = WordCount(tail);
  bool strip = IsStrongSeparator(best_sep)
                   ? tail_words <= 8
                   : tail_words <= 6 && AllWordsCapitalised(tail) && WordCount(head) >= 2;
  if (!strip || tail.empty()) return title;
  *site = tail;
  return head;
}

bool SplitTitleByReference(const std::string& title, const std::vector<std::string>& refs,
                           std::string* headline, std::string* site) {
  constexpr size_t kMinChars = 8;  // shorter parts ("News") say nothing
  auto confirmed = [&](const std::string& part) {
    std::string np = AsciiLower(CollapseWhitespace(part));
    if (np.size() < kMinChars) return false;
    for (const std::string& ref : refs) {
      std::string nr = AsciiLower(CollapseWhitespace(ref));
      if (nr.size() < kMinChars) continue;
      if (nr.find(np) != std::string::npos || np.find(nr) != std::string::npos) return true;
    }
    return false;
  };
  for (std::string_view sep : kSeparators) {
    for (size_t pos : {title.find(sep), title.rfind(sep)}) {
      if (pos == std::string::npos || pos == 0) continue;
      std::string head = CollapseWhitespace(title.substr(0, pos));
      std::string tail = CollapseWhitespace(title.substr(pos + sep.size()));
      if (head.empty() || tail.empty()) continue;
      bool head_ok = confirmed(head);
      bool tail_ok = confirmed(tail);
      if (head_ok == tail_ok) continue;
      *headline = head_ok ? head : tail;
      *site = head_ok ? tail : head;
      return true;
    }
  }
  return false;
}

std::string SiteFromFeedTitle(const std::string& feed_title) {
  static constexpr std::string_view kGeneric[] = {
      "rss", "rss feed", "rss 2.0", "atom", "atom feed", "feed", "news feed", "comments feed",
      "comments", "posts", "all posts", "latest", "latest news", "news", "home", "subscribe"};
  auto generic = [](const std::string& s) {
    std::string n = AsciiLower(CollapseWhitespace(s));
    if (n.empty()) return true;
    for (std::string_view g : kGeneric) {
      if (n == g) return true;
    }
    return false;
  };
  std::string t = CollapseWhitespace(feed_title);
  // "Site » Feed", "Site - Comments Feed", "Site RSS": keep the site part.
  for (std::string_view sep : kSeparators) {
    size_t pos = t.find(sep);
    if (pos == std::string::npos) continue;
    std::string head = t.substr(0, pos);
    std::string tail = t.substr(pos + sep.size());
    if (generic(tail) || AsciiLower(tail).find("comments") != std::string::npos) {
      t = head;
      break;
    }
  }
  for (std::string_view suffix : {" RSS Feed", " Atom Feed", " RSS", " Feed"}) {
    if (t.size() > suffix.size() &&
        AsciiLower(t.substr(t.size() - suffix.size())) == AsciiLower(suffix))
      t.resize(t.size() - suffix.size());
  }
  t = CollapseWhitespace(t);
  return generic(t) ? "" : t;
}

std::vector<std::string> ParseByline(std::string_view text, NameCheck check) {
  std::string s = CollapseWhitespace(text);
  for (std::string_view prefix : {"written by ", "posted by ", "words by ", "by: ", "by ", "by:",
                                  "author: ", "author:"}) {
    if (StartsWithIgnoreCase(s, prefix)) {
      s = CollapseWhitespace(s.substr(prefix.size()));
      break;
    }
  }
  // The byline often runs on into the date, the role or the section: cut there.
  for (std::string_view stop : {" | ", " · ", " • ", " — ", " – ", " - ", "\n", " on ", " Updated",
                                " Published", " Posted", " at ", " in "}) {
    size_t pos = s.find(stop);
    if (pos != std::string::npos) s.resize(pos);
  }
  std::vector<std::string> parts;
  std::string cur;
  auto push = [&] {
    parts.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' || s[i] == '&' || s[i] == ';') {
      push();
    } else if (s.compare(i, 5, " and ") == 0) {
      push();
      i += 4;
    } else {
      cur.push_back(s[i]);
    }
  }
  push();
  std::vector<std::string> names;
  for (const std::string& p : parts) {
    std::string trimmed = CollapseWhitespace(p);
    if (StartsWithIgnoreCase(trimmed, "and ")) trimmed = trimmed.substr(4);  // "A, B, and C"
    if (trimmed.empty()) continue;
    // "Jane Doe, MD, FACP": credentials stay with the name they follow.
    if (IsCredential(trimmed)) {
      if (!names.empty()) names.back() += ", " + trimmed;
      continue;  // never a name on its own
    }
    std::string name = CleanName(trimmed, check);
    if (name.empty()) {
      // "Jane Doe, a senior writer" or "Jane Doe, Reuters staff": stop at the first non-name.
      if (!names.empty()) break;
      continue;
    }
    names.push_back(name);
  }
  return names;
}

std::string HostWithoutWww(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  std::string scheme_name = AsciiLower(url.substr(0, scheme));
  if (scheme_name != "http" && scheme_name != "https") return "";
  size_t start = scheme + 3;
  size_t end = url.find_first_of("/?#", start);
  std::string host = AsciiLower(url.substr(start, end == std::string::npos ? end : end - start));
  size_t at = host.rfind('@');
  if (at != std::string::npos) host = host.substr(at + 1);
  size_t colon = host.rfind(':');
  if (colon != std::string::npos && host.find(']') == std::string::npos) host.resize(colon);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

std::string ResolveUrl(const std::string& base, const std::string& href_raw) {
  std::string href = CollapseWhitespace(href_raw);
  if (href.empty()) return "";
  std::string lower = AsciiLower(href);
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0) return href;
  size_t scheme_end = base.find("://");
  if (scheme_end == std::string::npos || HostWithoutWww(base).empty()) return "";
  if (href.rfind("//", 0) == 0) return base.substr(0, scheme_end + 1) + href;
  size_t path_start = base.find('/', scheme_end + 3);
  std::string origin = path_start == std::string::npos ? base : base.substr(0, path_start);
  size_t q = origin.find_first_of("?#");
  if (q != std::string::npos) origin.resize(q);
  if (href[0] == '/') return origin + href;
  if (href[0] == '?' || href[0] == '#') {
    std::string b = base.substr(0, base.find(href[0] == '?' ? '?' : '#'));
    return b + href;
  }
  std::string path = path_start == std::string::npos ? "/" : base.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  path = path.substr(0, path.rfind('/') + 1);
  return origin + path + href;
}

std::string GuessLanguage(std::string_view text) {
  // CLD2 (Debian's libcld2) on the first 64 KiB: enough for a reliable call, bounded cost.
  const int length = static_cast<int>(std::min<size_t>(text.size(), 64 * 1024));
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang =
      CLD2::DetectLanguageCheckUTF8(text.data(), length, /*is_plain_text=*/true, &reliable, &valid_prefix);
  if (valid_prefix < length) {
    // A cut through the middle of a UTF-8 sequence at the 64 KiB mark: try the valid prefix.
    lang = CLD2::DetectLanguageCheckUTF8(text.data(), valid_prefix, true, &reliable, &valid_prefix);
  }
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(lang);
  size_t dash = code.find('-');  // "zh-Hant" -> "zh"
  if (dash != std::string::npos) code.resize(dash);
  return code == "un" ? "" : code;
}

}  // namespace claimdex
