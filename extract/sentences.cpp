#include "extract/sentences.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <memory>

namespace claimdex {
namespace {

struct BreakIteratorCloser {
  void operator()(UBreakIterator* it) const { ubrk_close(it); }
};
struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};
using BreakIteratorPtr = std::unique_ptr<UBreakIterator, BreakIteratorCloser>;
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Appends [start, end) trimmed, split into pieces of at most kMaxSentenceBytes.
void AppendBounded(std::string_view text, size_t start, size_t end, std::vector<TextSpan>* out) {
  while (start < end) {
    while (start < end && IsSpaceByte(text[start])) ++start;
    size_t stop = end;
    while (stop > start && IsSpaceByte(text[stop - 1])) --stop;
    if (start >= stop) return;
    if (stop - start <= kMaxSentenceBytes) {
      out->push_back({start, stop});
      return;
    }
    size_t cut = start + kMaxSentenceBytes;
    size_t space = cut;
    while (space > start + kMaxSentenceBytes / 2 && !IsSpaceByte(text[space])) --space;
    if (IsSpaceByte(text[space])) {
      cut = space;
    } else {
      while (cut > start + 1 && IsContinuationByte(text[cut])) --cut;
    }
    size_t piece_end = cut;
    while (piece_end > start && IsSpaceByte(text[piece_end - 1])) --piece_end;
    out->push_back({start, piece_end});
    start = cut;
  }
}

// "Charles B. Rangel": a break right after a lone capital and its period, before another
// capitalised word, is a middle initial, not the end of a sentence.
// "G.K. Butterfield" likewise, with up to three initials, except "U.S.", "U.N.", "U.K.",
// "E.U." and "D.C.", which end sentences as often as not.
bool AfterMiddleInitial(std::string_view text, size_t at) {
  size_t i = at;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (at == i || at >= text.size()) return false;  // no space: "U.S." and the like
  std::string initials;
  while (i >= 2 && text[i - 1] == '.' && text[i - 2] >= 'A' && text[i - 2] <= 'Z' &&
         initials.size() < 3) {
    initials.insert(initials.begin(), text[i - 2]);
    i -= 2;
  }
  if (initials.empty() || i == 0 || text[i - 1] != ' ') return false;
  if (initials == "US" || initials == "UN" || initials == "UK" || initials == "EU" ||
      initials == "DC") {
    return false;
  }
  return text[at] >= 'A' && text[at] <= 'Z';
}

// "U.S. Republican presidential candidate Donald Trump", "the U.N. Security Council": after
// "U.S.", "U.N.", "U.K." or "E.U.", a capitalised word that so often qualifies a body, office
// or party continues the noun phrase rather than opening a sentence.
bool AfterCountryInitials(std::string_view text, size_t at) {
  size_t i = at;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == at || i < 4 || at >= text.size()) return false;
  std::string_view before = text.substr(i - 4, 4);
  if (before != "U.S." && before != "U.N." && before != "U.K." && before != "E.U.") return false;
  if (i > 4 && text[i - 5] != ' ' && text[i - 5] != '(' && text[i - 5] != '\n') return false;
  size_t k = at;
  while (k < text.size() &&
         ((text[k] >= 'A' && text[k] <= 'Z') || (text[k] >= 'a' && text[k] <= 'z'))) {
    ++k;
  }
  static constexpr std::string_view kQualified[] = {
      "Republican",  "Democrat",   "Democratic",     "President",     "Senator",
      "Sen",         "Rep",        "Representative", "Secretary",     "Ambassador",
      "Attorney",    "Army",       "Navy",           "Air",           "Marine",
      "Coast",       "Supreme",    "District",       "Embassy",       "Senate",
      "House",       "Congress",   "Department",     "Treasury",      "Chamber",
      "Census",      "Customs",    "Border",         "Capitol",       "Justice",
      "Commerce",    "Trade",      "Intelligence",   "Central",       "Federal",
      "Agency",      "Energy",     "Defense",        "Homeland",      "Immigration",
      "Citizenship", "Special",    "Security",       "General",       "Secret",
      "Securities",  "Export",     "Food",           "Environmental", "Military",
      "Government",  "Postal",     "Olympic",        "Open",          "Steel",
      "Conference",  "Catholic",   "Chief",          "Commission",    "Court",
      "Appeals",     "Geological", "Patent",         "Labor",         "Education",
      "Agriculture", "Interior",   "Transportation", "Health",        "Envoy",
      "Gen",         "Adm",        "Prime",          "Foreign",       "Home",
      "Parliament",  "Labour",     "Conservative",   "Tory",          "Independence",
      "Human",       "Refugee",    "High",           "Commissioner",  "Council",
      "Peacekeeping"};
  std::string_view word = text.substr(at, k - at);
  for (std::string_view q : kQualified) {
    if (word == q) return true;
  }
  return false;
}

// "Sen. Claire McCaskill", "Gov. Jerry Brown": a break after a title abbreviation that ICU's
// list lacks, before a capitalised word, is no sentence end.
bool AfterTitleAbbreviation(std::string_view text, size_t at) {
  static const char* const kTitles[] = {"Sen",  "Gov",  "Gen", "Lt",  "Col",  "Sgt", "Capt",
                                        "Adm",  "Rev",  "Maj", "Cmdr", "Supt", "Amb", "Atty",
                                        "Det",  "Cpl",  "Pvt", "Prof", "Rep",  "Reps", "Sens",
                                        "Gens", "Hon",  "Pres", "Brig", "Fr",   "Msgr",
                                        "St",   "Mt",   "Ft"};
  size_t i = at;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == at || i < 2 || text[i - 1] != '.' || at >= text.size()) return false;
  if (text[at] < 'A' || text[at] > 'Z') return false;
  size_t w = i - 1;
  while (w > 0 && ((text[w - 1] >= 'A' && text[w - 1] <= 'Z') ||
                   (text[w - 1] >= 'a' && text[w - 1] <= 'z'))) {
    --w;
  }
  if (w > 0 && text[w - 1] != ' ' && text[w - 1] != '(' && text[w - 1] != '\n' &&
      text[w - 1] != '"') {
    return false;
  }
  std::string_view word = text.substr(w, i - 1 - w);
  for (const char* t : kTitles) {
    if (word == t) return true;
  }
  if (word == "Del") {
    // "Del. Stacey Plaskett" (a delegate), but "in Dover, Del. The vote ...": the
    // abbreviation of Delaware ends sentences, so a name needs two capitalised words.
    size_t k = at;
    while (k < text.size() &&
           ((text[k] >= 'A' && text[k] <= 'Z') || (text[k] >= 'a' && text[k] <= 'z'))) {
      ++k;
    }
    return k + 1 < text.size() && text[k] == ' ' && text[k + 1] >= 'A' && text[k + 1] <= 'Z';
  }
  return false;
}

// A verb of saying that follows its speaker after a closing quotation mark.
bool IsAttributionVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "said",    "says",     "asked",    "asks",     "told",      "tells",     "wrote",
      "writes",  "added",    "adds",     "replied",  "continued", "explained", "stated",
      "shouted", "tweeted",  "declared", "noted",    "insisted",  "recalled",  "joked",
      "quipped", "demanded", "wondered", "remarked", "responded", "yelled",    "exclaimed"};
  for (std::string_view v : kVerbs) {
    if (w == v) return true;
  }
  return false;
}

// "“How many times?” Clinton said. “In Tulsa, ...”": a question or exclamation inside
// quotation marks does not end the sentence when what follows the closing mark is its
// attribution: a lower-case word ("she asked"), a name and a verb of saying ("Trump said to a
// crowd of about 500."), or a short sentence of up to six words ("Vitter demanded.") on the
// same line that opens with no quotation mark of its own. A full stop inside the marks
// ("... the emails.” Trump said.") gives way only to a short sentence with a verb of saying.
bool QuestionBeforeAttribution(std::string_view text, size_t at, size_t next_break) {
  size_t i = at;
  while (i > 0 && IsSpaceByte(text[i - 1])) {
    if (text[i - 1] == '\n') return false;
    --i;
  }
  // The closing mark: ", ” (E2 80 9D) or ''.
  size_t mark = 0;
  if (i >= 1 && text[i - 1] == '"') {
    mark = 1;
  } else if (i >= 3 && text.substr(i - 3, 3) == "\xE2\x80\x9D") {
    mark = 3;
  } else if (i >= 2 && text.substr(i - 2, 2) == "''") {
    mark = 2;
  }
  if (mark == 0 || i < mark + 1) return false;
  char before = text[i - mark - 1];
  bool stop = before == '.';
  if (before != '?' && before != '!' && !stop) return false;
  if (at >= text.size() || text[at] == '"' || text[at] == '\'' ||
      static_cast<unsigned char>(text[at]) >= 0x80) {
    return false;
  }
  if (text[at] >= 'a' && text[at] <= 'z') return !stop;
  if (text[at] < 'A' || text[at] > 'Z') return false;
  int words = 0;
  bool names = true;  // every word so far is capitalised ("Sen. Ted Cruz")
  bool verb = false;
  size_t k = at;
  while (k < next_break && k < text.size()) {
    char c = text[k];
    if (c == '\n') break;  // the line ends: the sentence's own break
    if (c == '"' || c == '?' || c == '!') return false;
    if (IsSpaceByte(c)) {
      ++k;
      continue;
    }
    size_t w = k;
    while (k < next_break && k < text.size() && !IsSpaceByte(text[k]) && text[k] != ',' &&
           text[k] != '"' && text[k] != '?' && text[k] != '!' && text[k] != '\n') {
      ++k;
    }
    std::string_view word = text.substr(w, k - w);
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.empty()) {
      ++k;
      continue;
    }
    if (++words > 6) return verb && !stop;
    // "... all-star player!” She replied to him that it was ...": a verb with a clause of its
    // own starts a new sentence.
    if (verb && word == "that") return false;
    if (IsAttributionVerb(word)) {
      if (names && words > 1) verb = true;
      names = false;
    } else if (!(word[0] >= 'A' && word[0] <= 'Z')) {
      names = false;
    }
    if (k < text.size() && text[k] == ',') {
      // "Trump said, looking out on the cheering crowd.", "Toner asked, but the analyst was
      // drifting off ...": a short attribution ending in a verb, then a comma and anything.
      if (!stop && words <= 4 &&
          (IsAttributionVerb(word) || (word.size() > 4 && word.substr(word.size() - 2) == "ed"))) {
        return true;
      }
      ++k;
    }
  }
  return !stop || verb;
}

}  // namespace

std::vector<TextSpan> SplitSentences(std::string_view text, size_t begin, size_t end) {
  std::vector<TextSpan> out;
  if (end > text.size()) end = text.size();
  if (begin >= end) return out;
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" suppresses breaks after abbreviations ("Sen.", "U.S.").
  // UText over UTF-8 keeps native indexes, so every boundary is a byte offset.
  UTextPtr utext(
      utext_openUTF8(nullptr, text.data() + begin, static_cast<int64_t>(end - begin), &status));
  // Opening an "ss=standard" iterator builds its abbreviation filter (slow), so each thread
  // keeps one and points it at each new text.
  thread_local BreakIteratorPtr it;
  if (!it) {
    UErrorCode open_status = U_ZERO_ERROR;
    it.reset(ubrk_open(UBRK_SENTENCE, "en@ss=standard", nullptr, 0, &open_status));
    if (U_FAILURE(open_status)) it.reset();
  }
  if (it && U_SUCCESS(status)) ubrk_setUText(it.get(), utext.get(), &status);
  if (U_FAILURE(status) || !it) {
    AppendBounded(text, begin, end, &out);
    return out;
  }
  std::vector<size_t> breaks;
  for (int32_t next = ubrk_next(it.get()); next != UBRK_DONE; next = ubrk_next(it.get())) {
    breaks.push_back(begin + static_cast<size_t>(next));
  }
  size_t prev = begin;
  for (size_t b = 0; b < breaks.size(); ++b) {
    size_t at = breaks[b];
    if (at < end && (AfterMiddleInitial(text, at) || AfterTitleAbbreviation(text, at) ||
                     AfterCountryInitials(text, at))) {
      continue;
    }
    if (at < end && b + 1 < breaks.size() && QuestionBeforeAttribution(text, at, breaks[b + 1])) {
      continue;
    }
    AppendBounded(text, prev, at, &out);
    prev = at;
  }
  if (prev < end) AppendBounded(text, prev, end, &out);
  return out;
}

}  // namespace claimdex
