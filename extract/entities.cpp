#include "extract/entities.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "extract/lexicon.h"

namespace claimdex {
namespace {

constexpr UChar32 kRightSingleQuote = 0x2019;

bool IsWordChar(UChar32 c) {
  if (c < 0) return false;
  if (u_isalnum(c)) return true;
  int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK || u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == kRightSingleQuote; }

std::string Fold(std::string_view raw) {
  bool ascii = std::all_of(raw.begin(), raw.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string out;
  if (ascii) {
    out.reserve(raw.size());
    for (char c : raw) out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  s.findAndReplace(icu::UnicodeString(kRightSingleQuote), icu::UnicodeString('\''));
  if (U_SUCCESS(status)) {
    icu::UnicodeString normal = nfkc_cf->normalize(s, status);
    if (U_SUCCESS(status)) s = normal;
  }
  s.toUTF8String(out);
  return out;
}

bool StartsUpper(std::string_view raw) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(raw.data(), i, static_cast<int32_t>(raw.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

Token MakeToken(std::string_view text, size_t start, size_t end, bool word) {
  Token t;
  t.start = start;
  t.end = end;
  t.word = word;
  std::string_view raw = text.substr(start, end - start);
  t.fold = Fold(raw);
  t.base = t.fold;
  if (word && t.base.size() > 2 && t.base.compare(t.base.size() - 2, 2, "'s") == 0) {
    t.base.resize(t.base.size() - 2);
  }
  t.capitalized = word && StartsUpper(raw);
  return t;
}

const std::unordered_set<std::string_view>& OrgSuffixes() {
  static const std::unordered_set<std::string_view> kSuffixes = {
      "technologies", "inc", "corp", "corporation", "group", "institute", "university",
      "department", "ministry", "company", "labs", "news", "post", "times", "journal", "agency",
      "council", "committee", "association", "foundation", "bank", "partners", "capital",
      "administration", "party", "house", "office", "center", "centre", "media", "systems",
      "semiconductor", "intelligence", "review", "street", "act", "rule", "law", "court",
      "congress", "senate", "police", "campaign", "commission", "service", "services", "board",
      "bureau", "network", "fund", "organization", "union", "league", "club", "team", "force",
      "army", "navy", "federation", "forum", "initiative", "project", "program", "alliance",
      "coalition", "caucus", "daily", "tribune", "herald", "press", "magazine", "institution",
      "school", "college", "hospital", "reserve", "exchange", "airlines", "republicans",
      "democrats", "officials", "members", "leaders", "voters", "supporters", "mall", "park",
      "square", "island", "islands", "county", "city", "river", "valley",
      // Newspaper names ("The Charlotte Observer", "the Boston Globe").
      "observer", "gazette", "chronicle", "inquirer", "examiner", "globe", "courier", "dispatch",
      "bulletin", "telegraph", "register", "sentinel", "dealer", "today", "pac", "front",
      "movement", "watch", "province", "avenue", "boulevard", "airport", "stadium"};
  return kSuffixes;
}

// The last words of newspapers' and broadcasters' names ("Post", "Times", "News").
bool IsOutletSuffix(std::string_view w) {
  static const std::unordered_set<std::string_view> kOutlets = {
      "post",  "times",    "news",     "journal",  "daily",     "tribune",  "herald",
      "press", "magazine", "observer", "gazette",  "chronicle", "inquirer", "examiner",
      "globe", "courier",  "dispatch", "bulletin", "telegraph", "register", "sentinel",
      "today", "review",   "network",  "media"};
  return kOutlets.count(w) != 0;
}

// Parties and political leanings, as capitalised in news ("Democrat", "GOP").
bool IsPartyWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kParties = {
      "democrat", "democrats",   "democratic",   "republican",  "republicans",
      "gop",      "libertarian", "libertarians", "independent", "conservative",
      "liberal",  "progressive", "socialist"};
  return kParties.count(w) != 0;
}

bool IsSpeechWord(const Token& t);

// The words of a name, by their base forms.
std::vector<std::string> WordsOf(std::string_view name) {
  std::vector<std::string> words;
  for (const Token& t : Tokenize(name)) {
    if (t.word) words.push_back(t.base);
  }
  return words;
}

// Three words or more opened by a first name: a full name whose last two words may be a
// surname of two ("Debbie Wasserman Schultz"), not a headline's words ("Calls Hillary Clinton").
bool IsFullNameWithTail(const std::vector<std::string>& words) {
  return words.size() >= 3 && !GivenNameGender(words.front(), true).empty();
}

bool IsNameWord(const Token& t) {
  if (!t.word || !t.capitalized || t.base.size() < 2) return false;
  if (IsNameStopword(t.base) || IsTitleWord(t.base)) return false;
  // "Continued Toner: “...”": a verb of saying opens the sentence, not a name.
  if (IsSpeechWord(t)) return false;
  // "Interestingly Blocher continued": a long -ly adverb opening a sentence (not "Beverly",
  // nor the surnames "Donnelly", "Connolly", "Schlafly": adverbs do not end so).
  auto ends = [&](std::string_view e) {
    return t.base.size() >= e.size() && t.base.compare(t.base.size() - e.size(), e.size(), e) == 0;
  };
  if (t.base.size() >= 8 && ends("ly") && !ends("elly") && !ends("olly") &&
      !(ends("fly") && !ends("efly")) && GivenNameGender(t.base, true).empty()) {
    return false;
  }
  // "other than Jim Eastland I’ve presided": a contraction is no part of a name.
  for (std::string_view c : {"'ve", "'m", "'ll", "'d", "'re", "n't", "\u2019ve", "\u2019m",
                             "\u2019ll", "\u2019d", "\u2019re", "n\u2019t"}) {
    if (ends(c)) return false;
  }
  return std::none_of(t.base.begin(), t.base.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The last word of a newspaper's or magazine's name, by which the text may call it again.
bool IsPublicationWord(std::string_view w) {
  return w == "times" || w == "post" || w == "journal" || w == "globe" || w == "tribune" ||
         w == "herald" || w == "guardian" || w == "examiner" || w == "telegraph" ||
         w == "chronicle" || w == "inquirer" || w == "observer";
}

// A one-word cue of the lexicon ("wants", "vowed", "endorsed"), lower case.
bool IsCueVerb(const Token& t) { return t.word && !t.capitalized && IsOneWordCue(t.fold); }

bool IsSpeechWord(const Token& t) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "said",         "says",      "told",      "added",     "wrote",     "argued",   "argues",
      "explained",    "noted",     "warned",    "believes",  "insisted",  "stated",   "claimed",
      "asked",        "tweeted",   "writes",    "explains",  "notes",     "adds",     "tells",
      "acknowledged", "cautioned", "contended", "suggested", "predicted", "stressed", "emphasized",
      "continued",    "recalled",  "replied",   "say",       "responded", "countered", "declared",
      "announced",    "confirmed", "testified", "urged",     "maintained", "insists",  "warns",
      "conceded",     "admitted",  "denied",    "asserted",  "remarked",  "observed",
      "agreed",       "agrees",    "joked",     "quipped",   "mused",     "opined",   "declares",
      "complained"};
  return t.word && kVerbs.count(t.fold) != 0;
}

// Verbs that vouch for the name before them but not after it: "Cummings called the deal a
// master stroke", but "she called Wells Fargo's behavior outrageous" names an object.
bool IsSpeechWordAfterName(const Token& t) {
  return IsSpeechWord(t) || (t.word && (t.fold == "called" || t.fold == "calls"));
}

// Words that never open a name of any kind: prepositions, conjunctions, pronouns.
bool IsFunctionWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "in",  "on",   "at",   "of",    "for",   "to",    "and",  "or",   "but",  "by",
      "with", "from", "as",  "if",    "when",  "while", "after", "before", "he", "she",
      "it",  "they", "we",   "i",     "you",   "there", "here", "however", "so", "then",
      "also", "not", "no",   "yes",   "his",   "her",   "their", "our",  "my",  "its"};
  return kWords.count(w) != 0;
}

// Verbs whose subject is as often a publication, a study or a poll as a person ("The New York
// Times reported", "Christian News Service reported", "the survey found"): they vouch for an
// organisation's name, never for a person's.
bool IsReportingWord(const Token& t) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "reported", "reports", "found", "finds", "shows", "showed", "estimated", "estimates",
      "published", "concluded", "projected", "projects", "revealed"};
  return t.word && kVerbs.count(t.fold) != 0;
}

// "has said", "have long argued", "had previously warned": the auxiliary of a perfect, and an
// adverb after it, before a verb at `j`. Returns the index of the verb's place, or `j`.
size_t AfterPerfectAuxiliary(const std::vector<Token>& tokens, size_t j) {
  if (j >= tokens.size() || !tokens[j].word ||
      (tokens[j].fold != "has" && tokens[j].fold != "have" && tokens[j].fold != "had")) {
    return j;
  }
  size_t k = j + 1;
  if (k < tokens.size() && tokens[k].word && !tokens[k].capitalized &&
      (tokens[k].fold == "also" || tokens[k].fold == "long" ||
       (tokens[k].fold.size() > 4 &&
        tokens[k].fold.compare(tokens[k].fold.size() - 2, 2, "ly") == 0))) {
    ++k;
  }
  return k;
}

// "on Saturday", "just this month", "also": a short phrase of time, or an adverb, that may
// stand between a name and its verb ("The New York Times on Saturday wrote"). Returns the
// index after it, or `j` when there is none.
size_t AfterTimeAdjunct(const std::vector<Token>& tokens, size_t j) {
  static const std::unordered_set<std::string_view> kAdverbs = {
      "also", "just", "again", "recently", "previously", "later", "earlier", "first", "then"};
  static const std::unordered_set<std::string_view> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  static const std::unordered_set<std::string_view> kPeriods = {
      "week", "month", "year", "weekend", "spring", "summer", "fall", "winter"};
  size_t k = j;
  for (int phrases = 0; phrases < 2 && k < tokens.size() && tokens[k].word; ++phrases) {
    const std::string& w = tokens[k].fold;
    if (!tokens[k].capitalized && kAdverbs.count(w) != 0) {
      ++k;
    } else if (w == "on" && k + 1 < tokens.size() && kDays.count(tokens[k + 1].fold) != 0) {
      k += 2;
    } else if ((w == "this" || w == "last" || w == "earlier") && k + 1 < tokens.size() &&
               kPeriods.count(tokens[k + 1].fold) != 0) {
      k += 2;
    } else {
      break;
    }
  }
  return k;
}

// "Commerce Secretary" before a name: title words and the capitalised words that qualify
// them. Returns the first token of the title, or `at` when there is none.
size_t TitleStart(const std::vector<Token>& tokens, size_t at) {
  size_t i = at;
  bool has_title = false;
  while (i > 0 && at - i < 5) {
    const Token& t = tokens[i - 1];
    if (t.fold == "." && i >= 2 && tokens[i - 2].word && IsTitleWord(tokens[i - 2].base)) {
      --i;  // "Rep. Gwen Moore", "Sen. Jane Roe"
      continue;
    }
    if (!t.word) break;
    if (IsTitleWord(t.base)) {
      has_title = true;
    } else if (!t.capitalized || IsNameStopword(t.base)) {
      break;
    }
    --i;
  }
  if (!has_title) return at;
  while (i < at && !IsTitleWord(tokens[i].base) && !has_title) ++i;
  return i;
}

// ", a senior fellow at the Peterson Institute," after a name: the role text, or "".
std::string AppositiveRole(std::string_view text, const std::vector<Token>& tokens, size_t after) {
  if (after >= tokens.size() || tokens[after].fold != ",") return "";
  size_t i = after + 1;
  if (i >= tokens.size() || !tokens[i].word) return "";
  const std::string& first = tokens[i].fold;
  bool article = first == "a" || first == "an" || first == "the";
  // "a senior fellow", "spokeswoman", "political science professor at": a title word among
  // the first three lower-case words.
  bool titled = false;
  for (size_t k = i; k < tokens.size() && k < i + 3 && !titled && tokens[k].word; ++k) {
    titled = IsTitleWord(tokens[k].fold);
    if (k > i && !article && tokens[k].capitalized) break;
  }
  if (!article && !titled) {
    // "Patti Davis, Ronald Reagan's daughter,": a possessive name, then a word of kinship
    // or a title.
    static const std::unordered_set<std::string_view> kKin = {
        "daughter",        "son",          "wife",    "husband", "brother",
        "sister",          "father",       "mother",  "widow",   "widower",
        "granddaughter",   "grandson",     "niece",   "nephew",  "cousin",
        "spouse",          "stepdaughter", "stepson", "uncle",   "aunt",
        "daughter-in-law", "son-in-law",   "fiancée", "fiance"};
    size_t k = i;
    while (k < tokens.size() && k < i + 4 && tokens[k].word && tokens[k].capitalized &&
           tokens[k].fold == tokens[k].base) {
      ++k;
    }
    if (k >= tokens.size() || !tokens[k].word || !tokens[k].capitalized ||
        tokens[k].fold == tokens[k].base) {
      return "";
    }
    size_t end = k + 1;
    while (end < tokens.size() && end < k + 4 && tokens[end].word && !tokens[end].capitalized) {
      ++end;
    }
    if (end == k + 1 || end >= tokens.size() ||
        (tokens[end].fold != "," && tokens[end].fold != ".")) {
      return "";
    }
    const std::string& head = tokens[end - 1].fold;
    if (kKin.count(head) == 0 && !IsTitleWord(head)) return "";
    return std::string(text.substr(tokens[i].start, tokens[end - 1].end - tokens[i].start));
  }
  size_t role_begin = article ? i + 1 : i;
  size_t j = role_begin;
  while (j < tokens.size() && j - role_begin < 16 && tokens[j].fold != "," &&
         tokens[j].fold != "." && tokens[j].fold != ";") {
    ++j;
  }
  if (j >= tokens.size() || j == role_begin || j - role_begin >= 16) return "";
  return std::string(
      text.substr(tokens[role_begin].start, tokens[j - 1].end - tokens[role_begin].start));
}

// ", a secessionist group," or ", a chipmaker based in ...": the role's head noun, the last
// word before a preposition or relative pronoun, names an organisation.
bool AppositiveNamesAnOrganization(std::string_view role) {
  static const std::unordered_set<std::string_view> kHeads = {
      "firm",        "company",    "group",       "organization", "organisation", "movement",
      "front",       "faction",    "militia",     "outlet",       "newspaper",    "website",
      "nonprofit",   "charity",    "startup",     "chipmaker",    "automaker",    "broadcaster",
      "publication", "network",    "tank",        "party",        "agency",       "coalition",
      "alliance",    "union",      "association", "institute",    "foundation",   "bank",
      "lab",         "laboratory", "magazine",    "channel"};
  static const std::unordered_set<std::string_view> kStops = {
      "at",     "of",  "for",  "with",  "in",  "from",  "on",    "to",     "by",    "under",
      "behind", "who", "that", "which", "and", "based", "since", "within", "inside"};
  std::string head;
  for (const Token& t : Tokenize(role)) {
    if (!t.word) continue;
    if (kStops.count(t.fold) != 0) break;
    head = t.fold;
  }
  return kHeads.count(head) != 0;
}

// The text's spelling of tokens [first, last), without a final possessive.
std::string SpanText(std::string_view text, const std::vector<Token>& tokens, size_t first,
                     size_t last) {
  std::string out(text.substr(tokens[first].start, tokens[last - 1].end - tokens[first].start));
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
    if (out.size() > suffix.size() + 1 &&
        out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.resize(out.size() - suffix.size());
      break;
    }
  }
  return out;
}

// Token `next` opens a new line (or the text ends before it).
bool LineBreakBefore(std::string_view text, const std::vector<Token>& tokens, size_t next) {
  if (next == 0 || next >= tokens.size()) return true;
  std::string_view gap =
      text.substr(tokens[next - 1].end, tokens[next].start - tokens[next - 1].end);
  return gap.find('\n') != std::string_view::npos;
}

}  // namespace

std::vector<bool> TitleCaseLines(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<bool> out(tokens.size(), false);
  size_t first = 0;
  while (first < tokens.size()) {
    size_t last = first + 1;
    while (last < tokens.size() && !LineBreakBefore(text, tokens, last)) ++last;
    size_t words = 0, capitalised = 0;
    for (size_t k = first; k < last; ++k) {
      if (!tokens[k].word) continue;
      ++words;
      capitalised += tokens[k].capitalized;
    }
    bool headline = words >= 4 && capitalised * 4 >= words * 3;
    for (size_t k = first; k < last; ++k) out[k] = headline;
    first = last;
  }
  return out;
}

namespace {

// "Phil Smith" is not Brad Smith: a surname glued to another capitalised name word
// ("Luis Rubio", "Rubio Energy"). In a title-case headline
// every word is capitalised, so only a name word before it counts there ("Obama Seeks").
bool InLongerName(std::string_view text, const std::vector<Token>& tokens,
                  const std::vector<bool>& title_case, size_t i) {
  // The end of an outlet's name before it is no given name ("of the Washington Post Trump said").
  bool before = i > 0 && IsNameWord(tokens[i - 1]) && tokens[i - 1].fold == tokens[i - 1].base &&
                !IsOutletSuffix(tokens[i - 1].base) && !LineBreakBefore(text, tokens, i);
  // A possessive ends a name: "Mr. Trump's RT appearance".
  bool after = i + 1 < tokens.size() && tokens[i].fold == tokens[i].base && tokens[i + 1].word &&
               tokens[i + 1].capitalized && !LineBreakBefore(text, tokens, i + 1);
  return before || (after && !title_case[i]);
}

// "Roger C. Altman": a first name and a middle initial before token i. A knowledge-base
// person's surname there is someone else's.
bool AfterNameAndInitial(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  return i >= 3 && tokens[i - 1].fold == "." && tokens[i - 2].word && tokens[i - 2].capitalized &&
         tokens[i - 2].end - tokens[i - 2].start == 1 && tokens[i - 1].start == tokens[i - 2].end &&
         IsNameWord(tokens[i - 3]) && tokens[i - 3].fold == tokens[i - 3].base &&
         !LineBreakBefore(text, tokens, i);
}

// "female", "male" or "" from the words around a new name: an honorific or a gendered noun
// in its title or appositive ("Ms.", "spokeswoman", "congressman").
std::string GenderFrom(std::string_view words) {
  static const std::unordered_set<std::string_view> kFemale = {
      "ms",         "mrs",           "miss",          "spokeswoman",
      "chairwoman", "congresswoman", "businesswoman", "councilwoman",
      "wife",       "mother",        "daughter",      "sister",
      "actress",    "queen",         "madam",         "lady",
      "woman",      "grandmother",   "widow",         "niece",
      "aunt"};
  static const std::unordered_set<std::string_view> kMale = {
      "mr",     "spokesman", "chairman", "congressman", "businessman", "councilman", "husband",
      "father", "son",       "brother",  "actor",       "king",        "sir",
      "man",    "grandfather", "widower", "nephew",     "uncle"};
  for (const Token& t : Tokenize(words)) {
    if (kFemale.count(t.base) != 0) return "female";
    if (kMale.count(t.base) != 0) return "male";
  }
  return "";
}

// "U.S.", "U.N.", "U.K.", "E.U.", "D.C." as folded letters: places and bodies, not a person's
// initials nor an organisation's acronym.
bool IsPlaceInitials(std::string_view letters) {
  return letters == "us" || letters == "un" || letters == "uk" || letters == "eu" ||
         letters == "dc";
}

bool IsHonorificOnly(std::string_view role) {
  std::vector<Token> t = Tokenize(role);
  return !t.empty() && std::all_of(t.begin(), t.end(), [](const Token& x) {
    return !x.word || x.fold == "mr" || x.fold == "mrs" || x.fold == "ms" || x.fold == "dr";
  });
}

// One letter changed ("Jansen" for Jensen), or, in a name of six letters or more, one letter
// dropped or doubled ("McLenney" for McClenney); the first letter always agrees.
bool OneEdit(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a[0] != b[0]) return false;
  if (a.size() == b.size()) {
    int diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff += a[i] != b[i];
    return diff == 1;
  }
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  if (longer.size() != shorter.size() + 1 || shorter.size() < 6) return false;
  size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  return shorter.compare(i, std::string::npos, longer, i + 1, std::string::npos) == 0;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR ||
        u_charType(c) == U_FORMAT_CHAR) {
      continue;
    }
    if (!IsWordChar(c)) {
      tokens.push_back(MakeToken(text, static_cast<size_t>(start), static_cast<size_t>(i), false));
      continue;
    }
    int32_t end = i;
    UChar32 last = c;
    while (end < n) {
      int32_t next = end;
      UChar32 d;
      U8_NEXT(s, next, n, d);
      if (IsWordChar(d)) {
        end = next;
        last = d;
        continue;
      }
      // "$2,400", "3.5": a separator between digits is part of the number, not a comma or a
      // full stop of the sentence's.
      if ((d == ',' || d == '.') && last >= '0' && last <= '9' && next < n && s[next] >= '0' &&
          s[next] <= '9') {
        end = next;
        continue;
      }
      if (IsApostrophe(d) && next < n) {  // "doesn't", "Toner's"
        int32_t after = next;
        UChar32 e;
        U8_NEXT(s, after, n, e);
        if (IsWordChar(e) && u_isalpha(e)) {
          end = after;
          continue;
        }
      }
      break;
    }
    tokens.push_back(MakeToken(text, static_cast<size_t>(start), static_cast<size_t>(end), true));
    i = end;
  }
  return tokens;
}

std::string SexOf(const EntityRecord& e) {
  if (!e.gender.empty() || e.type != "person") return e.gender;
  std::vector<Token> words = Tokenize(e.name);
  if (words.size() < 2 || !words.front().word) return "";
  return std::string(GivenNameGender(words.front().fold, true));
}

std::string Slug(std::string_view name) {
  std::string out;
  for (const Token& t : Tokenize(name)) {
    if (!t.word) continue;
    std::string part;
    for (char c : t.base) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        part.push_back(c);
      } else if (!part.empty() && part.back() != '-') {
        part.push_back('-');
      }
    }
    while (!part.empty() && part.back() == '-') part.pop_back();
    if (part.empty()) continue;
    if (!out.empty()) out.push_back('-');
    out += part;
  }
  return out.empty() ? "unknown" : out;
}

namespace {

// See EntityRecord::surname. Chinese, Korean and Hungarian names put the family name first,
// so the last word is not always what a text uses alone; a one-word alias says which is.
std::string KbSurname(const KbEntity& e) {
  std::vector<Token> words = Tokenize(e.name);
  if (words.size() < 2 || !words.back().word) return "";
  for (const std::string& alias : e.aliases) {
    std::vector<Token> a = Tokenize(alias);
    if (a.size() != 1 || !a.front().word) continue;
    for (const Token& w : words) {
      if (w.word && w.base == a.front().base) return w.base;
    }
  }
  return words.back().base;
}

}  // namespace

EntityMatcher::EntityMatcher(const std::vector<KbEntity>& kb) {
  std::unordered_map<std::string, int> role_count;
  for (const KbEntity& e : kb) {
    for (const std::string& role : e.roles) ++role_count[Fold(role)];
  }
  for (const KbEntity& e : kb) {
    int index = static_cast<int>(kb_.size());
    kb_.push_back(
        {e.id, e.name, e.type, e.roles.empty() ? "" : e.roles.front(), e.gender, true, ""});
    AddPattern(e.name, index, "name");
    std::string surname = e.type == "person" ? KbSurname(e) : "";
    std::vector<Token> name_words = Tokenize(e.name);
    bool family_first = !surname.empty() && name_words.back().base != surname;
    for (const std::string& alias : e.aliases) {
      // A family name written first is matched as a surname (once the full name was seen, or
      // when no other KB person shares it), not as an alias that matches anywhere.
      if (!family_first || Fold(alias) != surname) AddPattern(alias, index, "alias");
    }
    for (const std::string& role : e.roles) {
      if (role_count[Fold(role)] == 1) AddPattern(role, index, "role");
    }
    if (!surname.empty()) {
      kb_.back().surname = surname;
      AddPattern(surname, index, "surname");
      ++surname_count_[surname];
    }
  }
  // Countries the profile does not list, as places: "Russia insisted that ...".
  std::unordered_set<std::string> known;
  for (const KbEntity& e : kb) {
    known.insert(Fold(e.name));
    for (const std::string& alias : e.aliases) known.insert(Fold(alias));
  }
  for (std::string_view country : CountryNames()) {
    if (known.count(Fold(country)) != 0) continue;
    int index = static_cast<int>(kb_.size());
    kb_.push_back({Slug(country), std::string(country), "place", "", "", false, ""});
    AddPattern(country, index, "name");
  }
}

void EntityMatcher::AddPattern(std::string_view phrase, int entity, const std::string& via) {
  Pattern p;
  for (const Token& t : Tokenize(phrase)) p.words.push_back(t.word ? t.base : t.fold);
  if (p.words.empty()) return;
  p.entity = entity;
  p.via = via;
  p.acronym = p.words.size() == 1 && phrase.size() <= 5 &&
              std::all_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  by_first_word_[p.words.front()].push_back(patterns_.size());
  patterns_.push_back(std::move(p));
}

bool EntityMatcher::SurnameAllowed(const Pattern& p, const std::vector<bool>& seen_full) const {
  if (seen_full[static_cast<size_t>(p.entity)]) return true;
  auto it = surname_count_.find(p.words.front());
  return it != surname_count_.end() && it->second == 1;
}

namespace {

bool IsOpeningQuoteMark(std::string_view t) {
  return t == "\"" || t == "\xE2\x80\x9C" || t == "\xC2\xAB";
}

// One Find() call: the mentions found so far and which tokens they cover.
class MentionCollector {
 public:
  MentionCollector(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<bool>& title_case, std::vector<EntityRecord> entities)
      : text_(text), tokens_(tokens), title_case_(title_case), owner_(tokens.size(), -1) {
    out_.entities = std::move(entities);
    known_count_ = out_.entities.size();
  }

  bool Free(size_t i) const { return owner_[i] < 0; }
  // The token before `i` (i > 0), past an abbreviation's full stop: "Mr" of "Mr. Obama".
  size_t WordBefore(size_t i) const {
    return i > 1 && tokens_[i - 1].fold == "." ? i - 2 : i - 1;
  }
  void Add(size_t first, size_t last, int entity, const std::string& via) {
    out_.mentions.push_back({first, last, entity, via});
    for (size_t k = first; k < last; ++k) owner_[k] = static_cast<int>(out_.mentions.size() - 1);
  }
  // The tokens of [first, last) that open a word of a name: "Texas-based Matt Mackowiak" has
  // three, as a hyphen glues the parts it joins.
  std::vector<size_t> NameWordStarts(size_t first, size_t last) const {
    std::vector<size_t> starts;
    for (size_t k = first; k < last; ++k) {
      bool glued =
          k > first && tokens_[k - 1].fold == "-" && tokens_[k - 1].end == tokens_[k].start;
      if (tokens_[k].word && !glued) starts.push_back(k);
    }
    return starts;
  }
  void UnknownPeople();
  // The two capitalised words at `at` are written together somewhere else in the text, not
  // right after the word at `before`. Counts of capitalised pairs and triples, built once.
  bool NamedElsewhere(size_t at, size_t before) const {
    if (pairs_.empty()) {
      for (size_t k = 0; k + 1 < tokens_.size(); ++k) {
        if (!tokens_[k].capitalized || !tokens_[k + 1].capitalized) continue;
        std::string pair = tokens_[k].base + ' ' + tokens_[k + 1].base;
        if (k > 0) ++triples_[tokens_[k - 1].base + ' ' + pair];
        ++pairs_[pair];
      }
      pairs_[""] = 0;  // built, even for a text with no pair
    }
    std::string pair = tokens_[at].base + ' ' + tokens_[at + 1].base;
    auto p = pairs_.find(pair);
    auto t = triples_.find(tokens_[before].base + ' ' + pair);
    return p != pairs_.end() && p->second > (t == triples_.end() ? 0 : t->second);
  }
  void DottedAcronyms();
  // False when the text gave the unvouched full name a gender and `gender`, or an honorific
  // used anywhere with its surname ("the first lady, Michelle Obama" ... "Mr. Obama"), is the
  // other one: the surname alone is then not safely that person.
  // A first name that marks a sex counts as what the text says ("Mrs. Clinton" is not Bill).
  bool GenderFits(const std::string& full, const std::string& gender) const {
    std::vector<Token> words = Tokenize(full);
    if (words.empty()) return true;
    std::string known;
    if (auto it = unvouched_gender_.find(full); it != unvouched_gender_.end()) {
      known = it->second;
    } else if (words.size() > 1 && words.front().word) {
      known = std::string(GivenNameGender(words.front().fold, true));
    }
    if (known.empty()) return true;
    if (!gender.empty() && known != gender) return false;
    auto used = honorific_genders_.find(words.back().base);
    return used == honorific_genders_.end() ||
           std::all_of(used->second.begin(), used->second.end(),
                       [&](const std::string& g) { return g == known; });
  }
  void HonorificSurnames();
  void SurnamesOfNamedPeople();
  void FirstNamesAlone();
  void PronounGendersOfSurnames();
  // True when the text refers to a bare `surname` with a pronoun of the other sex than the
  // full name `full` has ("Clinton told the audience that she ..." is not Bill Clinton).
  bool PronounsContradict(const std::string& surname, const std::string& full,
                          const std::string& gender) const;
  // The bare surname at i as a person of its own, of the sex its pronouns give.
  void AddSurnameOnly(size_t i);
  void UnknownOrganizations();
  void RepeatedNewNames();
  void KnownSurnamesOfNewPeople();
  void SpeakerLabels();
  void MisspeltSurnames();
  EntityMatches Finish();

 private:
  int NewEntity(const std::string& name, const std::string& type, const std::string& role,
                const std::string& gender = "");
  // "“...” ― Sonya Herridge" at a line's end: the dash after a closing quotation mark signs
  // the quote with the name.
  bool QuoteByline(size_t first, size_t last) const {
    if (first < 2 || !IsDash(tokens_[first - 1].fold) ||
        !IsClosingQuoteMark(tokens_[first - 2].fold)) {
      return false;
    }
    return last >= tokens_.size() || tokens_[last].fold == "." || LineEnds(last);
  }

  bool AgeFollows(size_t j) const;
  bool DescribedBefore(size_t first, size_t end) const;

  // "Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)": a party letter glued by a hyphen to
  // a state, in parentheses right after the name, marks an American politician.
  bool PartyTag(size_t at) const {
    if (at + 4 >= tokens_.size() || tokens_[at].fold != "(") return false;
    const Token& party = tokens_[at + 1];
    if (!party.word || party.end - party.start != 1 ||
        (party.fold != "d" && party.fold != "r" && party.fold != "i") ||
        tokens_[at + 2].fold != "-" || tokens_[at + 2].start != party.end ||
        !tokens_[at + 3].word || !tokens_[at + 3].capitalized ||
        tokens_[at + 3].start != tokens_[at + 2].end) {
      return false;
    }
    for (size_t k = at + 4; k < tokens_.size() && k < at + 9; ++k) {
      if (tokens_[k].fold == ")") return true;
    }
    return false;
  }

  // "B." of "Charles B. Rangel": one capital letter and its period, both free.
  // "G.K." or "J. D." opening a name: the token after the last initial when one to three
  // initials stand at `at` before a capitalised name word; `at` itself otherwise. "U.S.",
  // "U.N.", "U.K.", "E.U." and "D.C." are places and bodies, not initials.
  size_t InitialsEnd(size_t at) const {
    size_t k = at;
    std::string letters;
    while (letters.size() < 3 && IsMiddleInitial(k) && (k == at || tokens_[k].start <= tokens_[k - 1].end + 1)) {
      letters += tokens_[k].fold;
      k += 2;
    }
    if (letters.empty() || IsPlaceInitials(letters)) return at;
    if (k >= tokens_.size() || !Free(k) || !IsNameWord(tokens_[k]) || LineEnds(k)) return at;
    return k;
  }

  bool IsMiddleInitial(size_t at) const {
    if (at + 1 >= tokens_.size() || !Free(at) || !Free(at + 1)) return false;
    const Token& t = tokens_[at];
    return t.word && t.capitalized && t.end - t.start == 1 && tokens_[at + 1].fold == "." &&
           tokens_[at + 1].start == t.end && !LineEnds(at);
  }

  // A line break lies between token `next` and the one before it.
  bool LineEnds(size_t next) const {
    if (next == 0 || next >= tokens_.size()) return true;
    std::string_view gap =
        text_.substr(tokens_[next - 1].end, tokens_[next].start - tokens_[next - 1].end);
    return gap.find('\n') != std::string_view::npos;
  }

  // Token i opens what "according to (the)" cites.
  // "according to (the) X", also "according to the nonpartisan X" and "the
  // conservative-leaning X": up to four lower-case modifier tokens after "the".
  bool AfterAccordingTo(size_t i) const {
    size_t k = i;
    while (k > 0 && i - k < 4 && !tokens_[k - 1].capitalized &&
           (tokens_[k - 1].word ? tokens_[k - 1].fold != "the" && tokens_[k - 1].fold != "to"
                                : tokens_[k - 1].fold == "-")) {
      --k;
    }
    if (k >= 1 && tokens_[k - 1].fold == "the") {
      --k;
    } else {
      k = i;  // modifiers only after "the"
    }
    return k >= 2 && tokens_[k - 1].fold == "to" && tokens_[k - 2].fold == "according";
  }

  // Whether a speech verb stands next to the name; with `as_speaker`, only as the name's own
  // verb.
  bool NearSpeech(size_t first, size_t last, bool as_speaker = false) const {
    if (AfterAccordingTo(first)) return true;
    // "Jane Roe (D-Wis.) said": a short parenthesis may stand between the name and the verb.
    if (last < tokens_.size() && tokens_[last].fold == "(") {
      size_t k = last + 1;
      while (k < tokens_.size() && k < last + 8 && tokens_[k].fold != ")") ++k;
      if (k < tokens_.size() && tokens_[k].fold == ")") last = k + 1;
    }
    if (last < tokens_.size() && IsSpeechWordAfterName(tokens_[last])) return true;
    // "Ferdie Pacheco once said", "Jane Roe has long argued": up to two adverbs or
    // auxiliaries first (not a form of "be": "Jane Roe was told").
    for (size_t k = last; k < tokens_.size() && k < last + 2; ++k) {
      const Token& t = tokens_[k];
      if (!t.word || t.capitalized || !IsVerbFiller(t.fold) || t.fold == "is" || t.fold == "was" ||
          t.fold == "are" || t.fold == "were" || t.fold == "been") {
        break;
      }
      if (k + 1 < tokens_.size() && IsSpeechWordAfterName(tokens_[k + 1])) return true;
    }
    // "Todd Rogers and Adan Acevedo said": a name joined to another the verb vouches for.
    if (last + 3 < tokens_.size() && tokens_[last].fold == "and" && !as_speaker) {
      size_t k = last + 1;
      while (k < tokens_.size() && k < last + 4 && IsNameWord(tokens_[k]) &&
             tokens_[k].fold == tokens_[k].base) {
        ++k;
      }
      if (k >= last + 3 && k < tokens_.size() && IsSpeechWordAfterName(tokens_[k])) return true;
    }
    // "A lawyer for the outlets, David Schulz, said".
    if (last + 1 < tokens_.size() && tokens_[last].fold == "," &&
        IsSpeechWordAfterName(tokens_[last + 1])) {
      return true;
    }
    // "Johnnie Wilson, of Springfield, Va., said": short descriptions between commas first.
    if (last < tokens_.size() && tokens_[last].fold == ",") {
      size_t k = last + 1;
      int commas = 0;
      int words = 0;  // hyphens and apostrophes are tokens too: count words
      // "Donna Sampson Rawlings, 59, of Ashton, Md., who watched ..., said": up to four
      // descriptions; the full stop of an abbreviation before a comma ends none.
      auto abbreviation = [&](size_t at) {
        return at > 0 && at + 1 < tokens_.size() && tokens_[at + 1].fold == "," &&
               tokens_[at - 1].word && tokens_[at - 1].capitalized &&
               tokens_[at - 1].end - tokens_[at - 1].start <= 4;
      };
      while (k < tokens_.size() && k < last + 64 && words < 24 &&
             (tokens_[k].fold != "." || abbreviation(k)) && tokens_[k].fold != ";" &&
             !IsClosingQuoteMark(tokens_[k].fold) && tokens_[k].fold != "and") {
        if (tokens_[k].fold == ",") {
          if (++commas > 4) break;
          if (k + 1 < tokens_.size() && IsSpeechWordAfterName(tokens_[k + 1])) return true;
        }
        words += tokens_[k].word;
        ++k;
      }
    }
    // "said 9/11 widow Terry Strada.": lower-case words describing the person between the
    // verb and a name that ends the clause.
    bool ends_clause = last >= tokens_.size() || tokens_[last].fold == "." ||
                       tokens_[last].fold == "," || LineEnds(last);
    for (size_t back = 1; back <= 5 && back <= first; ++back) {
      const Token& t = tokens_[first - back];
      // "said Hillary Clinton should be ready": as a speaker, the name ends the clause.
      if (IsSpeechWord(t)) return (back == 1 && !as_speaker) || ends_clause;
      // "Sanders said of Bill Clinton.": a person, but what was spoken of, not who spoke.
      if (t.capitalized || (!t.word && t.fold != "/" && t.fold != "-") ||
          (as_speaker && t.word &&
           (t.fold == "of" || t.fold == "about" || t.fold == "to" || t.fold == "for" ||
            t.fold == "with" || t.fold == "against" || t.fold == "on" || t.fold == "at" ||
            t.fold == "by"))) {
        return false;
      }
    }
    return false;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<bool>& title_case_;  // per token: its line is a title-case headline
  std::vector<int> owner_;  // mention index covering each token, -1 when none
  EntityMatches out_;
  std::unordered_map<std::string, int> new_ids_;  // slug -> entity index
  struct NewName {
    std::vector<std::string> words;
    int entity = 0;
  };
  std::vector<NewName> new_names_;
  // Whom the bare surname at i means among the new people `all` of that surname, of the sex
  // `sex` when an honorific gives one; nullptr when nobody can tell.
  const NewName* NearestOfSurname(const std::vector<const NewName*>& all,
                                  const std::unordered_map<int, std::vector<size_t>>& full_at,
                                  size_t i, const std::string& sex) const;
  // Where a full name of `surname` was first written unvouched, of someone whose first word is
  // none of `people`'s ("Hillary Clinton" against Chelsea Clinton); the text's size when
  // nowhere.
  size_t OtherUnvouchedAt(const std::string& surname,
                          const std::vector<const NewName*>& people) const;
  std::unordered_map<std::string, std::vector<int>> new_by_last_;  // last word -> entities
  // Names seen without anything vouching for them, by last word ("clinton" -> Hillary Clinton).
  std::unordered_map<std::string, std::set<std::string>> unvouched_;
  // Where each unvouched full name was first written, and its first word.
  struct Unvouched {
    size_t at = 0;
    std::string given;
  };
  std::unordered_map<std::string, Unvouched> unvouched_first_;
  size_t known_count_ = 0;  // the knowledge base's entities come first in out_.entities
  // "Debbie Wasserman Schultz": new people, and full names seen unvouched, by their last two
  // words when a first name opens them (IsFullNameWithTail).
  std::unordered_map<std::string, int> full_by_tail_;
  std::unordered_map<std::string, std::string> unvouched_by_tail_;
  // NamedElsewhere's counts of capitalised word pairs and of the triples that end in them.
  mutable std::unordered_map<std::string, int> pairs_;
  mutable std::unordered_map<std::string, int> triples_;
  // NearestOfSurname's memo: where each new person's surname is first used alone after their
  // first full mention (the text's size when never).
  mutable std::unordered_map<int, size_t> first_bare_use_;
  // The new people some full mention of whom has a speech verb next to it, as RepeatedNewNames
  // finds them.
  std::unordered_set<int> quoted_in_full_;
  // What the text says of an unvouched full name's gender ("the first lady, Michelle Obama").
  std::unordered_map<std::string, std::string> unvouched_gender_;
  // Genders of the honorifics used with each one-word name ("Mr. Obama" -> male).
  std::unordered_map<std::string, std::set<std::string>> honorific_genders_;
  // The sex of the pronouns that follow a bare surname in its sentence, by surname.
  std::unordered_map<std::string, std::set<std::string>> pronoun_genders_;
};

int MentionCollector::NewEntity(const std::string& name, const std::string& type,
                                const std::string& role, const std::string& gender) {
  std::string slug = Slug(name);
  auto it = new_ids_.find(slug);
  if (it != new_ids_.end()) {
    EntityRecord& e = out_.entities[static_cast<size_t>(it->second)];
    if (e.role.empty()) e.role = role;
    if (e.gender.empty()) e.gender = gender;
    return it->second;
  }
  NewName n;
  n.words = WordsOf(name);
  // "Debbie Wasserman Schultz ... Wasserman Schultz said": a surname of two words is the
  // person named with it before, not someone new. Both first words tell: no first name opens
  // the surname, and a known one opens the full name ("Calls Hillary Clinton" in a headline
  // is nobody's full name).
  if (type == "person" && n.words.size() == 2 && GivenNameGender(n.words[0], true).empty()) {
    std::string tail = n.words[0] + ' ' + n.words[1];
    if (auto known = full_by_tail_.find(tail); known != full_by_tail_.end()) {
      new_ids_[slug] = known->second;
      return known->second;
    }
    // Or named in full without anything vouching for the full name ("Chandler Van Voorhis").
    if (auto full = unvouched_by_tail_.find(tail); full != unvouched_by_tail_.end()) {
      int entity = NewEntity(full->second, type, role, gender);
      new_ids_[slug] = entity;
      return entity;
    }
  }
  int index = static_cast<int>(out_.entities.size());
  out_.entities.push_back({slug, name, type, role, gender, false, ""});
  new_ids_[slug] = index;
  // "Vann R. Newkirk II" is "Newkirk" when the text says the surname alone.
  while (n.words.size() > 1 && (n.words.back() == "jr" || n.words.back() == "sr" ||
                                n.words.back() == "ii" || n.words.back() == "iii" ||
                                n.words.back() == "iv")) {
    n.words.pop_back();
  }
  n.entity = index;
  if (!n.words.empty()) {
    new_by_last_[n.words.back()].push_back(index);
    if (type == "person" && IsFullNameWithTail(n.words)) {
      full_by_tail_.emplace(n.words[n.words.size() - 2] + ' ' + n.words.back(), index);
    }
    new_names_.push_back(std::move(n));
  }
  return index;
}

// Two or three capitalised words the text vouches for as a person: a title before them, an
// appositive after them, or a speech verb next to them.
void MentionCollector::UnknownPeople() {
  for (size_t i = 0; i < tokens_.size();) {
    size_t initials_end = InitialsEnd(i);
    if (initials_end == i && (!Free(i) || !IsNameWord(tokens_[i]))) {
      ++i;
      continue;
    }
    size_t j = initials_end;
    // A name never runs across a line break ("― Jane Doe\n\nNext paragraph").
    // "G.K. Butterfield": initials count as the first word.
    size_t len = initials_end > i ? 1 : 0;
    auto suffix = [&](size_t k) {  // "Jr.", "Sr.", "II": part of the name before it
      return k < tokens_.size() && Free(k) && tokens_[k].word && tokens_[k].capitalized &&
             (tokens_[k].base == "jr" || tokens_[k].base == "sr" || tokens_[k].base == "ii" ||
              tokens_[k].base == "iii" || tokens_[k].base == "iv");
    };
    while (j < tokens_.size() && Free(j) && IsNameWord(tokens_[j]) && len < 4 &&
           !(len >= 2 && suffix(j)) &&
           (j == i || (tokens_[j - 1].end < tokens_[j].start && !LineEnds(j)))) {
      ++j;
      ++len;
      // "Crouse-Mays", "AFL-CIO", "Ki-moon": a hyphen glued between parts keeps one word.
      while (j + 1 < tokens_.size() && tokens_[j].fold == "-" && Free(j) && Free(j + 1) &&
             tokens_[j].start == tokens_[j - 1].end && tokens_[j + 1].start == tokens_[j].end &&
             tokens_[j + 1].word &&
             std::none_of(tokens_[j + 1].fold.begin(), tokens_[j + 1].fold.end(),
                          [](char c) { return c >= '0' && c <= '9'; })) {
        j += 2;
      }
    }
    // "Theresa May said": a month that is also a surname ends a name after a first name,
    // when no date number or further capitalised word follows it ("Clinton May Win").
    if (len == 1 && j + 1 < tokens_.size() && Free(j) && tokens_[j].capitalized &&
        tokens_[j].base == "may" && tokens_[j - 1].end < tokens_[j].start &&
        (IsSpeechWord(tokens_[j + 1]) || tokens_[j + 1].fold == ",")) {
      ++j;
      ++len;
    }
    if (len == 1 && IsMiddleInitial(j) && j + 2 < tokens_.size() && Free(j + 2) &&
        IsNameWord(tokens_[j + 2]) && !LineEnds(j + 2)) {
      j += 3;  // "Charles B. Rangel"
      len = 2;
      // "Julie A. Diaz Martinez": a second surname after the initial.
      if (j < tokens_.size() && Free(j) && IsNameWord(tokens_[j]) && !suffix(j) && !LineEnds(j) &&
          tokens_[j - 1].end < tokens_[j].start &&
          (j + 1 >= tokens_.size() || !(tokens_[j + 1].word && tokens_[j + 1].capitalized))) {
        ++j;
        len = 3;
      }
    }
    if (len >= 2 && suffix(j) && !LineEnds(j)) {  // "Vann R. Newkirk II", "King Jr."
      ++j;
      if (j < tokens_.size() && tokens_[j].fold == "." && tokens_[j].start == tokens_[j - 1].end &&
          j + 1 < tokens_.size() && !(tokens_[j + 1].word && tokens_[j + 1].capitalized)) {
        ++j;
      }
    }
    // "Speech Against ‘Crooked Hillary Clinton.’", "the uber-white Vermonter Bernie Sanders
    // isn't": a capitalised word before a known first name is the headline's or the
    // description's, not the name's, when the text names the person without it elsewhere
    // ("Rand Paul Drops Out" keeps "Rand").
    if (initials_end == i && j >= i + 3 && tokens_[i].fold == tokens_[i].base &&
        GivenNameGender(tokens_[i].base, true).empty() &&
        !GivenNameGender(tokens_[i + 1].base).empty() && NamedElsewhere(i + 1, i)) {
      ++i;
      continue;
    }
    bool headline_name = false;
    if (initials_end == i && j >= i + 3 && OrgSuffixes().count(tokens_[j - 1].base) == 0 &&
        !GivenNameGender(tokens_[i].base).empty() && tokens_[i + 1].base.size() > 1 &&
        tokens_[i + 2].word && title_case_[i]) {
      // "Hillary Clinton Goes After Donald Trump": in a title-case headline a known first
      // name and the word after it are the name; the capitalised words after them are not.
      j = i + 2;
      len = 2;
      headline_name = true;
    }
    if (len < 2 || len > 3 || OrgSuffixes().count(tokens_[j - 1].base) != 0 ||
        (!headline_name && j < tokens_.size() && tokens_[j].word && tokens_[j].capitalized &&
         !LineEnds(j))) {
      i = std::max(j, i + 1);
      continue;
    }
    // "CNN's Gloria Borger", "North Carolina's Ada Fisher": the name is what follows the
    // possessive. "Trump's RT" or "Washington Post Trump" leaves one word: no person's name.
    const size_t vouch_first = i;  // what vouches for the name stands around all of it
    size_t after_owner = i;
    for (size_t k = i; k + 1 < j; ++k) {
      bool possessive = tokens_[k].word && tokens_[k].fold != tokens_[k].base;
      bool outlet = tokens_[k].word && k > i && IsOutletSuffix(tokens_[k].base);
      if (possessive || outlet) after_owner = k + 1;
    }
    if (after_owner > i) {
      if (NameWordStarts(after_owner, j).size() < 2) {
        i = after_owner;  // the word left may still be a known surname
        continue;
      }
      i = after_owner;
      initials_end = InitialsEnd(i);
      len = NameWordStarts(i, j).size();
    }
    // "Democrat Hillary Clinton", "Chief of Staff Denis McDonough", "Person of the Year
    // Barack Obama", "Texas-based Matt Mackowiak": a party, the end of a title or a place
    // before a known first name is no part of the name.
    // "Co-anchor Norah O'Donnell": a hyphened title.
    if (std::vector<size_t> starts = NameWordStarts(i, j);
        starts.size() == 3 && initials_end == i &&
        ((starts[1] - i > 1 && IsTitleWord(tokens_[starts[1] - 1].fold)) ||
         (GivenNameGender(tokens_[i].base).empty() &&
          !GivenNameGender(tokens_[starts[1]].base, true).empty() &&
          (IsPartyWord(tokens_[i].base) ||
           (starts[1] - i > 1 && !tokens_[starts[1] - 1].capitalized) ||
           (i > 0 && (tokens_[i - 1].fold == "of" || tokens_[i - 1].fold == "the")))))) {
      i = starts[1];
      initials_end = i;
      len = 2;
    }
    // "The South Carolina Republican admitted": a description, not a name.
    if (IsPartyWord(tokens_[j - 1].base)) {
      i = j;
      continue;
    }
    // "Cuban Americans", "House Republicans", "Senate Democrats": a group, not a person.
    static const std::unordered_set<std::string_view> kGroups = {
        "americans", "democrats",   "republicans", "latinos",  "hispanics",
        "muslims",   "christians",  "jews",        "catholics", "evangelicals",
        "liberals",  "conservatives", "progressives", "independents", "voters",
        "advocates", "activists",   "leaders",     "officials", "lawmakers",
        "residents", "supporters",  "critics",     "protesters", "workers"};
    if (kGroups.count(tokens_[j - 1].base) != 0) {
      i = j;
      continue;
    }
    // "the Association of Flight Attendants", "Department of Homeland Security": the end of
    // an organisation's name, not a person's.
    if (i >= 2 && tokens_[i - 1].fold == "of" && tokens_[i - 2].word &&
        tokens_[i - 2].capitalized && OrgSuffixes().count(tokens_[i - 2].base) != 0) {
      i = j;
      continue;
    }
    size_t title = TitleStart(tokens_, vouch_first);
    std::string role = title < vouch_first ? SpanText(text_, tokens_, title, vouch_first) : "";
    std::string appositive = AppositiveRole(text_, tokens_, j);
    if (AppositiveNamesAnOrganization(appositive)) {
      i = j;  // "the Oromo Liberation Front, a secessionist group,": no person
      continue;
    }
    std::string gender = GenderFrom(role + " " + appositive);
    if (gender.empty() && i >= 2 && tokens_[i - 1].fold == ",") {
      // "the first lady, Michelle Obama,": a description before the name.
      size_t from = i - 1 >= 5 ? i - 6 : 0;
      gender = GenderFrom(SpanText(text_, tokens_, from, i - 1));
    }
    // "Hillary Clinton wants to ...", "Ted Cruz is drawing sharp contrasts", "Bernie Sanders
    // spoke": a common first name and a lower-case word after the name (its verb, or a noun
    // it qualifies: "the Bernie Sanders campaign"; not a conjunction, "Hillary Clinton and
    // Bill Clinton", which leaves the name as it found it) vouch for a person.
    bool given_cue = initials_end == i && !GivenNameGender(tokens_[i].base).empty() &&
                     j < tokens_.size() && tokens_[j].word && !tokens_[j].capitalized &&
                     tokens_[j].fold != "and" && tokens_[j].fold != "or";
    if (gender.empty() && given_cue) gender = std::string(GivenNameGender(tokens_[i].base));
    // "The Ethiopian marathoner Feyisa Lilesa, who won the silver medal", "Phyllis Schlafly,
    // whose grass-roots campaigns ...": "who" and "whose" are said of people.
    bool who_follows = j + 1 < tokens_.size() && tokens_[j].fold == "," &&
                       (tokens_[j + 1].fold == "who" || tokens_[j + 1].fold == "whose");
    if (role.empty() && appositive.empty() && !given_cue && !who_follows && !AgeFollows(j) &&
        !DescribedBefore(vouch_first, j) && !NearSpeech(vouch_first, j) &&
        !QuoteByline(vouch_first, j) && !PartyTag(j)) {
      std::string full = SpanText(text_, tokens_, i, j);
      unvouched_[tokens_[j - 1].base].insert(full);
      if (std::vector<std::string> words = WordsOf(full); IsFullNameWithTail(words)) {
        unvouched_by_tail_.emplace(words[words.size() - 2] + ' ' + words.back(), full);
      }
      unvouched_first_.emplace(full, Unvouched{i, tokens_[i].base});
      if (!gender.empty()) unvouched_gender_[full] = gender;
      i = j;
      continue;
    }
    if (IsHonorificOnly(role)) role.clear();
    // The mention is all the text wrote ("CNN's Gloria Borger"); the name is the person's.
    Add(vouch_first, j,
        NewEntity(SpanText(text_, tokens_, i, j), "person", appositive.empty() ? role : appositive,
                  gender),
        "name");
    i = j;
  }
}

// "Sandra Paradis, 78, arrived": an age between commas after a name is said of a person.
bool MentionCollector::AgeFollows(size_t j) const {
  if (j + 2 >= tokens_.size() || tokens_[j].fold != "," || tokens_[j + 2].fold != ",") {
    return false;
  }
  const std::string& age = tokens_[j + 1].fold;
  if (age.empty() || age.size() > 3 || age.front() == '0' ||
      !std::all_of(age.begin(), age.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  return std::stoi(age) <= 115;
}

// "the bureau's director, James B. Comey,", "the American ambassador at the time, John E.
// Herbst.": a description with a title word, a comma, then the name, closed by a comma or the
// sentence's end.
bool MentionCollector::DescribedBefore(size_t first, size_t end) const {
  if (first < 3 || tokens_[first - 1].fold != ",") return false;
  if (end < tokens_.size() && tokens_[end].fold != "," && tokens_[end].fold != "." &&
      tokens_[end].fold != ";" && !LineEnds(end)) {
    return false;
  }
  for (size_t k = first - 1; k-- > 0 && k + 9 > first;) {
    const Token& t = tokens_[k];
    static const std::unordered_set<std::string_view> kVerbs = {
        "is", "was", "are", "were", "has", "have", "had", "will", "would", "did", "does"};
    if (!t.word || IsSpeechWord(t) || IsCueVerb(t) || kVerbs.count(t.fold) != 0) return false;
    if (!t.capitalized && IsTitleWord(t.base)) return true;
  }
  return false;
}

// "The S.E.C. said": letters and full stops glued together, then a speech verb.
void MentionCollector::DottedAcronyms() {
  for (size_t i = 0; i + 3 < tokens_.size(); ++i) {
    size_t k = i;
    std::string letters;
    while (k + 1 < tokens_.size() && letters.size() < 6 && Free(k) && Free(k + 1) &&
           tokens_[k].word && tokens_[k].end - tokens_[k].start == 1 && tokens_[k].capitalized &&
           tokens_[k + 1].fold == "." && tokens_[k + 1].start == tokens_[k].end &&
           (k == i || tokens_[k].start == tokens_[k - 1].end)) {
      letters += tokens_[k].fold;
      k += 2;
    }
    size_t verb = AfterPerfectAuxiliary(tokens_, k);  // "the F.B.I. has said"
    if (letters.size() < 2 || IsPlaceInitials(letters) || verb >= tokens_.size() ||
        !IsSpeechWord(tokens_[verb])) {
      continue;
    }
    Add(i, k, NewEntity(SpanText(text_, tokens_, i, k), "organization", ""), "name");
    i = k;
  }
}

// "Mr. Schultz said", "Mr. Holtz-Eakin": an honorific vouches for a one-word name. A
// capitalised title does too when the word is next to a speech verb somewhere in the text
// ("President Obama" ... "“...,” Obama said").
void MentionCollector::HonorificSurnames() {
  for (size_t i = 2; i < tokens_.size(); ++i) {
    size_t h = WordBefore(i);
    if (!tokens_[i].word || !tokens_[i].capitalized || !tokens_[h].word) continue;
    std::string g = GenderFrom(tokens_[h].fold);
    if (!g.empty() && IsHonorific(tokens_[h].fold)) honorific_genders_[tokens_[i].base].insert(g);
  }
  std::unordered_set<std::string> spoken;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (Free(i) && IsNameWord(tokens_[i]) && NearSpeech(i, i + 1)) spoken.insert(tokens_[i].base);
  }
  for (size_t i = 1; i < tokens_.size(); ++i) {
    if (!Free(i) || !IsNameWord(tokens_[i])) continue;
    size_t h = WordBefore(i);
    // "President Obama condemned": a verb of position right after the titled name vouches too.
    bool titled = tokens_[h].word && tokens_[h].capitalized && IsTitleWord(tokens_[h].base) &&
                  OrgSuffixes().count(tokens_[i].base) == 0 &&
                  (NearSpeech(i, i + 1) || spoken.count(tokens_[i].base) != 0 ||
                   (i + 1 < tokens_.size() && IsCueVerb(tokens_[i + 1])));
    if (!tokens_[h].word || (!IsHonorific(tokens_[h].fold) && !titled)) continue;
    size_t j = i + 1;
    while (j + 1 < tokens_.size() && tokens_[j].fold == "-" && tokens_[j].start == tokens_[j - 1].end &&
           tokens_[j + 1].start == tokens_[j].end && tokens_[j + 1].word &&
           tokens_[j + 1].capitalized && Free(j) && Free(j + 1)) {
      j += 2;  // "Holtz-Eakin"
    }
    if (j < tokens_.size() && tokens_[j].word && tokens_[j].capitalized) continue;
    int known = -1;
    int matches = 0;
    if (auto it = new_by_last_.find(tokens_[i].base); it != new_by_last_.end()) {
      known = it->second.front();
      matches = static_cast<int>(it->second.size());
    }
    if (matches > 1) continue;
    std::string gender = GenderFrom(tokens_[h].fold);
    if (matches == 1) {
      // "Mr. Obama" is not Michelle Obama, "Mrs. Clinton" not Bill: a gender the honorific
      // gives must fit.
      std::string sex = SexOf(out_.entities[static_cast<size_t>(known)]);
      if (!gender.empty() && !sex.empty() && sex != gender) {
        Add(i, j, NewEntity(SpanText(text_, tokens_, i, j), "person", "", gender), "name");
        i = j - 1;
        continue;  // someone else of that name
      }
    }
    if (matches == 1) {
      EntityRecord& e = out_.entities[static_cast<size_t>(known)];
      if (e.gender.empty()) e.gender = gender;
      Add(i, j, known, "surname");
    } else if (auto it = unvouched_.find(tokens_[i].base);
               j == i + 1 && it != unvouched_.end() && it->second.size() == 1 &&
               GenderFits(*it->second.begin(), gender)) {
      // "Barack Obama spoke. ... Mr. Obama said": the one full name seen with that surname.
      const std::string& full = *it->second.begin();
      auto known_gender = unvouched_gender_.find(full);
      Add(i, j,
          NewEntity(full, "person", "",
                    known_gender != unvouched_gender_.end() ? known_gender->second : gender),
          "surname");
    } else {
      Add(i, j, NewEntity(SpanText(text_, tokens_, i, j), "person", "", gender), "name");
    }
    i = j - 1;
  }
}

// "Clinton said" after "Hillary Clinton" appeared: the speech verb vouches for the earlier
// full name, when only one full name ends with that word.
void MentionCollector::SurnamesOfNamedPeople() {
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (!Free(i) || !IsNameWord(tokens_[i]) || !NearSpeech(i, i + 1)) continue;
    // "Said Ellis:" opens a sentence with the verb; any other capitalised word next to the
    // name makes it part of a longer one.
    if ((i + 1 < tokens_.size() && tokens_[i + 1].word && tokens_[i + 1].capitalized) ||
        (i > 0 && tokens_[i - 1].word && tokens_[i - 1].capitalized &&
         !IsSpeechWord(tokens_[i - 1]))) {
      continue;
    }
    auto it = unvouched_.find(tokens_[i].base);
    if (it == unvouched_.end() || it->second.size() != 1) continue;
    // A person the text vouched for has this surname too: RepeatedNewNames weighs them all.
    if (new_by_last_.count(tokens_[i].base) != 0) continue;
    size_t h = WordBefore(i);
    if (i > 0 && tokens_[h].word && !GenderFits(*it->second.begin(), GenderFrom(tokens_[h].fold))) {
      continue;  // "Mr. Obama said" is not "the first lady, Michelle Obama"
    }
    if (PronounsContradict(tokens_[i].base, *it->second.begin(), "")) {
      AddSurnameOnly(i);
      continue;
    }
    auto known_gender = unvouched_gender_.find(*it->second.begin());
    Add(i, i + 1,
        NewEntity(*it->second.begin(), "person", "",
                  known_gender != unvouched_gender_.end() ? known_gender->second : ""),
        "surname");
  }
}

// "Clinton told the debate audience that she believes ...": a bare capitalised word, the
// subject, then a he/she in the same sentence with no other capitalised word between.
void MentionCollector::PronounGendersOfSurnames() {
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (!Free(i) || !IsNameWord(tokens_[i]) || tokens_[i].fold != tokens_[i].base) continue;
    if ((i + 1 < tokens_.size() && tokens_[i + 1].word && tokens_[i + 1].capitalized) ||
        (i > 0 && tokens_[i - 1].word && tokens_[i - 1].capitalized && !LineEnds(i))) {
      continue;
    }
    // "don't expect him to back Clinton when he speaks": after a verb or a preposition the
    // surname is an object, and the pronoun is the subject's.
    static const std::unordered_set<std::string_view> kClauseOpeners = {
        "and",   "but",   "that",    "while", "when",   "because",  "as",
        "since", "after", "before",  "if",    "though", "although", "so",
        "then",  "where", "whether", "until", "once",   "also"};
    if (i > 0 && tokens_[i - 1].word && !tokens_[i - 1].capitalized && !LineEnds(i) &&
        kClauseOpeners.count(tokens_[i - 1].fold) == 0) {
      continue;
    }
    for (size_t k = i + 1; k < tokens_.size() && k < i + 25; ++k) {
      const Token& t = tokens_[k];
      if (t.fold == "." || t.fold == ";" || LineEnds(k) || IsOpeningQuoteMark(t.fold)) break;
      if (t.word && t.capitalized) break;
      // Subject pronouns only: "her" and "his" as often stand for whoever was spoken about.
      if (t.fold == "she" || t.fold == "herself") {
        pronoun_genders_[tokens_[i].base].insert("female");
        break;
      }
      if (t.fold == "he" || t.fold == "himself") {
        pronoun_genders_[tokens_[i].base].insert("male");
        break;
      }
    }
  }
}

bool MentionCollector::PronounsContradict(const std::string& surname, const std::string& full,
                                          const std::string& gender) const {
  auto seen = pronoun_genders_.find(surname);
  if (seen == pronoun_genders_.end()) return false;
  std::string sex = gender;
  if (sex.empty()) {
    auto known = unvouched_gender_.find(full);
    if (known != unvouched_gender_.end()) sex = known->second;
  }
  if (sex.empty()) {
    std::vector<Token> words = Tokenize(full);
    if (words.size() >= 2 && words.front().word) {
      sex = std::string(GivenNameGender(words.front().fold, true));
    }
  }
  // Pronouns in reported clauses often stand for someone else ("Clinton said he ..."): only
  // a text that never follows the surname with a pronoun of the person's sex contradicts it.
  if (sex.empty() || seen->second.count(sex) != 0) return false;
  return seen->second.count(sex == "female" ? "male" : "female") != 0;
}

void MentionCollector::AddSurnameOnly(size_t i) {
  const std::set<std::string>& sexes = pronoun_genders_[tokens_[i].base];
  Add(i, i + 1,
      NewEntity(SpanText(text_, tokens_, i, i + 1), "person", "",
                sexes.size() == 1 ? *sexes.begin() : ""),
      "name");
}

// "Melanie said": a known first name alone next to a speech verb is the one person of the
// text with that first name, or, when nobody has it, a person known only by it. Two people
// with that first name, or a full name with it that nothing vouched for, leave it alone.
void MentionCollector::FirstNamesAlone() {
  std::unordered_map<std::string, std::set<int>> by_first;
  for (const EntityMention& m : out_.mentions) {
    const EntityRecord& e = out_.entities[static_cast<size_t>(m.entity)];
    if (e.type != "person") continue;
    std::vector<Token> words = Tokenize(e.name);
    if (words.size() >= 2 && words.front().word) by_first[words.front().base].insert(m.entity);
  }
  std::unordered_set<std::string> unvouched_first;
  for (const auto& [last, names] : unvouched_) {
    for (const std::string& full : names) {
      std::vector<Token> words = Tokenize(full);
      if (!words.empty()) unvouched_first.insert(words.front().base);
    }
  }
  // Surnames of the people named ("Warren" of Elizabeth Warren) are never first names here.
  std::unordered_set<std::string> surnames;
  for (const EntityRecord& e : out_.entities) {
    if (e.type != "person") continue;
    std::vector<Token> words = Tokenize(e.name);
    if (words.size() >= 2 && words.back().word) surnames.insert(words.back().base);
  }
  std::vector<size_t> alone;
  std::unordered_map<std::string, int> spoken;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (!Free(i) || !IsNameWord(t) || t.fold != t.base) continue;
    if (GivenNameGender(t.base).empty() || surnames.count(t.base) != 0 ||
        unvouched_.count(t.base) != 0 || !NearSpeech(i, i + 1)) {
      continue;
    }
    // Any capitalised word glued to it makes a longer name ("Melanie Roe"), a heading or a
    // sentence start of some other kind.
    if ((i + 1 < tokens_.size() && tokens_[i + 1].word && tokens_[i + 1].capitalized &&
         !LineEnds(i + 1)) ||
        (i > 0 && tokens_[i - 1].word && tokens_[i - 1].capitalized && !LineEnds(i) &&
         !IsSpeechWord(tokens_[i - 1]))) {
      continue;
    }
    alone.push_back(i);
    ++spoken[t.base];
  }
  for (size_t i : alone) {
    const std::string& base = tokens_[i].base;
    auto known = by_first.find(base);
    if (known != by_first.end()) {
      if (known->second.size() == 1) Add(i, i + 1, *known->second.begin(), "alias");
      continue;
    }
    // A person known by a first name alone speaks more than once ("Melanie said" twice).
    if (unvouched_first.count(base) != 0 || spoken[base] < 2) continue;
    int entity = NewEntity(SpanText(text_, tokens_, i, i + 1), "person", "",
                           std::string(GivenNameGender(base)));
    Add(i, i + 1, entity, "name");
  }
}

// Organisations the knowledge base does not know, only as the subject of a speech verb: an
// acronym ("NAACP said") or capitalised words ending in an organisation word ("the Tax
// Policy Center estimates").
void MentionCollector::UnknownOrganizations() {
  for (size_t i = 0; i < tokens_.size(); ++i) {
    // "The New York Times", "according to China Daily": a place word or "New" may open an
    // organisation's name (checked below), never a function word.
    bool weak_start = IsNameStopword(tokens_[i].base);
    if (!Free(i) || !tokens_[i].word || !tokens_[i].capitalized ||
        (weak_start && (IsDeterminer(tokens_[i].fold) || IsFunctionWord(tokens_[i].fold)))) {
      continue;
    }
    size_t j = i;
    bool org_word = false;
    bool org_of = false;  // "Association of Flight Attendants": an organisation word, then "of"
    while (j < tokens_.size() && Free(j) && tokens_[j].word && j - i < 8 &&
           (tokens_[j].capitalized ||
            ((tokens_[j].fold == "of" || tokens_[j].fold == "for") && j > i))) {
      if (tokens_[j].fold == "of" || tokens_[j].fold == "for") {
        // "Jane Roe of Acme Corp said": the organisation starts after "of" unless what came
        // before it names one too ("Bank of America", "University of Chicago").
        if (!org_word) i = j + 1;
        org_of = org_word;
      } else {
        org_word = org_word || OrgSuffixes().count(tokens_[j].base) != 0;
      }
      ++j;
    }
    while (j > i && !tokens_[j - 1].capitalized) --j;
    // "according to the Federal Bureau of Prisons": the source named right after the cue;
    // "“...,” reported Reuters.": after a reporting verb that follows a quotation.
    bool after_report = i >= 2 && IsReportingWord(tokens_[i - 1]) &&
                        (IsClosingQuoteMark(tokens_[i - 2].fold) || tokens_[i - 2].fold == ",") &&
                        (j >= tokens_.size() || tokens_[j].fold == "." || tokens_[j].fold == ",");
    bool cited = j > i && (AfterAccordingTo(i) || after_report) &&
                 (j >= tokens_.size() || !tokens_[j].word || !tokens_[j].capitalized);
    // "the Security Council condemned": a name ending in an organisation word before any
    // verb of position, too.
    // "the NAACP called for": an acronym too.
    bool acronym_like = j == i + 1 && tokens_[i].end - tokens_[i].start >= 3 &&
                        tokens_[i].end - tokens_[i].start <= 6 && !IsTitleWord(tokens_[i].base) &&
                        std::all_of(text_.begin() + static_cast<long>(tokens_[i].start),
                                    text_.begin() + static_cast<long>(tokens_[i].end),
                                    [](char c) { return c >= 'A' && c <= 'Z'; });
    // "PolitiFact says", "BuzzFeed reported": a capital inside one word marks a brand, past
    // the two-letter prefixes of surnames and first names ("DuVernay", "DeShawn", "McCain").
    bool camel = false;
    if (j == i + 1 && tokens_[i].end - tokens_[i].start >= 5) {
      std::string_view w = text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
      size_t inner = w.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1);
      camel = inner != std::string_view::npos && inner >= 3 && w.substr(0, 3) != "Mac" &&
              std::all_of(w.begin(), w.end(), [](char c) {
                return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
              }) &&
              w.find_first_of("abcdefghijklmnopqrstuvwxyz", inner) != std::string_view::npos;
    }
    size_t cue_at = AfterPerfectAuxiliary(tokens_, j);  // "The FBI has said"
    bool org_cue = cue_at < tokens_.size() &&
                   (IsCueVerb(tokens_[cue_at]) || (camel && IsSpeechWord(tokens_[cue_at]))) &&
                   ((j >= i + 2 && OrgSuffixes().count(tokens_[j - 1].base) != 0) ||
                    (org_of && j >= i + 3) || acronym_like || camel);
    size_t verb = j < tokens_.size() ? AfterTimeAdjunct(tokens_, j) : j;
    if (j == i || (!cited && !org_cue &&
                   (verb >= tokens_.size() ||
                    (!IsSpeechWord(tokens_[verb]) && !IsReportingWord(tokens_[verb]))))) {
      i = std::max(i, j);
      continue;
    }
    const Token& last = tokens_[j - 1];
    bool acronym = j - i == 1 && last.base.size() >= 2 && last.base.size() <= 6 &&
                   !IsNameStopword(last.base) && !IsTitleWord(last.base) &&
                   std::all_of(text_.begin() + static_cast<long>(last.start),
                               text_.begin() + static_cast<long>(last.end),
                               [](char c) { return c >= 'A' && c <= 'Z'; });
    // "according to Politico", "according to the Washington Post": what the cue cites by a
    // capitalised name no earlier pass took for a person is an organisation or a publication.
    if (weak_start && (j - i < 2 || (OrgSuffixes().count(last.base) == 0 && !cited))) {
      i = std::max(i, j);
      continue;
    }
    bool named = (j - i >= 2 && (OrgSuffixes().count(last.base) != 0 || (cited && org_word))) ||
                 (org_cue && org_of && j - i >= 3) ||
                 (cited && j - i <= 4 && tokens_[i].base.size() >= 2 &&
                  new_by_last_.count(last.base) == 0 &&  // "according to Ham": Norman Ham
                  // "the top British medical journal": a noun after it makes it an adjective
                  (j >= tokens_.size() ||
                   (tokens_[j].fold != "-" && !tokens_[j].capitalized &&
                    (!tokens_[j].word || IsFunctionWord(tokens_[j].fold)))));
    if (acronym || named || (camel && org_cue)) {
      Add(i, j, NewEntity(SpanText(text_, tokens_, i, j), "organization", ""), "name");
    }
    i = j;
  }
}

// A transcript's speaker labels: one or two words in capitals opening a line, then a colon
// ("WALLACE: Governor, ..."), used at least twice in the text (a lone "UPDATE:" is no one).
void MentionCollector::SpeakerLabels() {
  auto all_caps = [&](const Token& t) {
    return t.word && t.end - t.start >= 2 &&
           std::all_of(text_.begin() + static_cast<long>(t.start),
                       text_.begin() + static_cast<long>(t.end),
                       [](char c) { return (c >= 'A' && c <= 'Z') || c == '.' || c == '\''; });
  };
  std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> labels;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    // At a line's start, or right after a quotation mark that starts it ("\"PENCE: Well,").
    bool quoted = i > 0 && IsOpeningQuoteMark(tokens_[i - 1].fold) && LineEnds(i - 1);
    if (i > 0 && !LineEnds(i) && !quoted) continue;
    size_t j = i;
    while (j < tokens_.size() && j - i < 2 && Free(j) && all_caps(tokens_[j])) ++j;
    if (j == i || j >= tokens_.size() || tokens_[j].fold != ":") continue;
    if (IsNameStopword(tokens_[j - 1].base) || IsTitleWord(tokens_[j - 1].base)) continue;
    std::string key;
    for (size_t k = i; k < j; ++k) key += tokens_[k].base + " ";
    labels[key].push_back({i, j});
  }
  // "JAKE TAPPER: ..." once, then "TAPPER: ..." for the rest: one person, named in full.
  // Not when two full names share the surname ("BILL CLINTON:", "HILLARY CLINTON:").
  std::unordered_map<std::string, int> full_names;
  for (const auto& [key, places] : labels) {
    const auto& [first, last] = places.front();
    if (last - first > 1) ++full_names[tokens_[last - 1].base];
  }
  std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> by_surname;
  for (const auto& [key, places] : labels) {
    const auto& [first, last] = places.front();
    const std::string& surname = tokens_[last - 1].base;
    std::vector<std::pair<size_t, size_t>>& all =
        by_surname[full_names[surname] > 1 ? key : surname];
    all.insert(all.end(), places.begin(), places.end());
  }
  for (auto& [surname, places] : by_surname) {
    if (places.size() < 2) continue;
    std::sort(places.begin(), places.end());
    // The longest label gives the name; the first of them when several are as long.
    std::pair<size_t, size_t> longest = places.front();
    for (const auto& place : places) {
      if (place.second - place.first > longest.second - longest.first) longest = place;
    }
    std::string name;  // "WALLACE" -> "Wallace"
    for (size_t k = longest.first; k < longest.second; ++k) {
      std::string_view w = text_.substr(tokens_[k].start, tokens_[k].end - tokens_[k].start);
      if (!name.empty()) name += ' ';
      name += w.substr(0, 1);
      for (char c : w.substr(1)) name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    int entity = NewEntity(name, "person", "");
    for (const auto& [first, last] : places) Add(first, last, entity, "name");
  }
}

// Of the new names sharing a surname, the one a bare surname at token `i` stands for: the only
// one, or, when several people share it ("Gary Johnson" ... "Jeh Johnson says ... Johnson
// tells"), the only one written in full within the last kSurnameWindow tokens. When several
// were, the only one of them the text ever quotes in full ("Bobby Scott said ..." beside
// "two: Cory Booker and Tim Scott (R-S.C.)"): a name in passing does not take over the speaker's
// surname. Null when it is not clear.
size_t MentionCollector::OtherUnvouchedAt(const std::string& surname,
                                          const std::vector<const NewName*>& people) const {
  size_t earliest = tokens_.size();
  auto u = unvouched_.find(surname);
  if (u == unvouched_.end()) return earliest;
  for (const std::string& full : u->second) {
    auto at = unvouched_first_.find(full);
    if (at == unvouched_first_.end()) continue;
    bool same = std::any_of(people.begin(), people.end(),
                            [&](const NewName* n) { return n->words.front() == at->second.given; });
    if (!same) earliest = std::min(earliest, at->second.at);
  }
  return earliest;
}

const MentionCollector::NewName* MentionCollector::NearestOfSurname(
    const std::vector<const NewName*>& all,
    const std::unordered_map<int, std::vector<size_t>>& full_at, size_t i,
    const std::string& sex) const {
  constexpr size_t kSurnameWindow = 300;
  // A single person of the surname takes it (a rule that doubted it whenever someone else of
  // the surname was named in full, unvouched, lost far more right claims than wrong ones).
  if (all.size() == 1) return all.front();
  // "Hillary Clinton has yet to ... a visit by Chelsea Clinton ... Mrs. Clinton replied ...
  // Bill Clinton": with someone else of the surname named in full before, nobody can tell
  // whom it means, unless one is quoted in full nearby or the text used the bare surname
  // before (below). The same first word is the same person ("Loretta Lynch", "Loretta E.
  // Lynch").
  bool other_named = OtherUnvouchedAt(all.front()->words.back(), all) < i;
  // "Mrs. Clinton" with Bill Clinton nearby and Hillary Clinton further back: an honorific
  // leaves out the people of the other sex, and the one person left takes it.
  std::vector<const NewName*> names;
  for (const NewName* n : all) {
    std::string of = SexOf(out_.entities[static_cast<size_t>(n->entity)]);
    if (sex.empty() || of.empty() || of == sex) names.push_back(n);
  }
  if (names.empty()) return nullptr;
  if (names.size() == 1 && names.size() < all.size() && !other_named) return names.front();
  auto spoke = [&](const NewName* n) { return quoted_in_full_.count(n->entity) != 0; };
  // "Sen. Ted Cruz ... Cruz said ... his father, Rafael Cruz, who was born in Cuba, ... Cruz
  // wrote": the first of them, when the text used the bare surname for them before it named
  // any other, keeps it unless another is quoted in full nearby.
  const NewName* first = nullptr;
  size_t first_at = 0, others_at = tokens_.size();
  for (const NewName* n : names) {
    auto at = full_at.find(n->entity);
    if (at == full_at.end() || at->second.front() >= i) continue;
    if (first == nullptr || at->second.front() < first_at) {
      if (first != nullptr) others_at = std::min(others_at, first_at);
      first = n;
      first_at = at->second.front();
    } else {
      others_at = std::min(others_at, at->second.front());
    }
  }
  // Someone of the surname the text named without vouching for them ("Hillary Clinton has
  // yet to ...") may be whom the bare surname means: nobody is established before them.
  if (first != nullptr) {
    others_at = std::min(others_at, OtherUnvouchedAt(first->words.back(), {first}));
  }
  const NewName* established = nullptr;
  if (first != nullptr) {
    // The first bare use after the first full name, found once per person: a long text of
    // shared surnames must not rescan itself at every one.
    auto [bare, fresh] = first_bare_use_.try_emplace(first->entity, tokens_.size());
    for (size_t k = first_at + first->words.size(); fresh && k < tokens_.size(); ++k) {
      if (tokens_[k].word && tokens_[k].capitalized && tokens_[k].base == first->words.back() &&
          !InLongerName(text_, tokens_, title_case_, k)) {
        bare->second = k;
        break;
      }
    }
    if (bare->second < others_at && bare->second < i) established = first;
  }
  std::vector<const NewName*> near;
  for (const NewName* n : names) {
    auto at = full_at.find(n->entity);
    if (at == full_at.end()) continue;
    auto after = std::lower_bound(at->second.begin(), at->second.end(), i);
    if (after == at->second.begin() || i - *(after - 1) > kSurnameWindow) continue;
    near.push_back(n);
  }
  // "Gary Johnson ... Johnson said ... Jeh Johnson says ... Johnson tells": the one quoted in
  // full nearby.
  // "Lazar admitted ... his wife, Gabriela Violeta Lazar, wrote ... Lazar told agents that he
  // ...": not one whose sex the pronouns after the bare surname contradict.
  const NewName* quoted = nullptr;
  for (const NewName* n : near) {
    if (n == established || !spoke(n)) continue;
    if (established != nullptr) {
      const EntityRecord& e = out_.entities[static_cast<size_t>(n->entity)];
      if (PronounsContradict(n->words.back(), e.name, e.gender)) continue;
    }
    if (quoted != nullptr) return nullptr;
    quoted = n;
  }
  if (quoted != nullptr) return quoted;
  if (established != nullptr) return established;
  if (other_named) return nullptr;
  if (near.size() == 1) return near.front();
  // Several nearby and none established: the only one of them ever quoted in full.
  const NewName* only = nullptr;
  for (const NewName* n : near) {
    if (!spoke(n)) continue;
    if (only != nullptr) return nullptr;
    only = n;
  }
  return only;
}

// Full names and surnames of the new people and organisations wherever else they occur.
void MentionCollector::RepeatedNewNames() {
  std::unordered_map<std::string, std::vector<const NewName*>> by_first;
  std::unordered_map<std::string, std::vector<const NewName*>> by_last;
  // A copy: AddSurnameOnly below adds new names, and the maps must not point into a vector
  // that grows.
  const std::vector<NewName> names = new_names_;
  for (const NewName& n : names) {
    by_first[n.words.front()].push_back(&n);
    if (n.words.size() > 1) by_last[n.words.back()].push_back(&n);
  }
  // Where each new name is written in full, by entity, in token order.
  std::unordered_map<int, std::vector<size_t>> full_at;
  for (const EntityMention& m : out_.mentions) {
    if (m.via != "name") continue;
    full_at[m.entity].push_back(m.first);
    if (NearSpeech(m.first, m.last, true)) quoted_in_full_.insert(m.entity);
  }
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (!Free(i) || !tokens_[i].word || !tokens_[i].capitalized) continue;
    bool added = false;
    if (auto it = by_first.find(tokens_[i].base); it != by_first.end()) {
      for (const NewName* n : it->second) {
        bool full = i + n->words.size() <= tokens_.size();
        for (size_t k = 0; k < n->words.size() && full; ++k) {
          full = Free(i + k) && tokens_[i + k].base == n->words[k];
        }
        // "the Bill, Hillary and Chelsea Clinton Foundation": not the person.
        size_t end = i + n->words.size();
        if (full && end < tokens_.size() && tokens_[end].word && tokens_[end].capitalized &&
            tokens_[end - 1].fold == tokens_[end - 1].base && !title_case_[i] &&
            !LineBreakBefore(text_, tokens_, end)) {
          full = false;
        }
        if (full) {
          Add(i, i + n->words.size(), n->entity, "name");
          std::vector<size_t>& at = full_at[n->entity];
          at.insert(std::upper_bound(at.begin(), at.end(), i), i);
          if (NearSpeech(i, i + n->words.size(), true)) quoted_in_full_.insert(n->entity);
          added = true;
          break;
        }
      }
    }
    if (added || InLongerName(text_, tokens_, title_case_, i)) continue;
    if (auto it = by_last.find(tokens_[i].base); it != by_last.end()) {
      // "Mr. Obama" is not Michelle Obama.
      size_t h = WordBefore(i);
      std::string honorific = i > 0 && tokens_[h].word ? GenderFrom(tokens_[h].fold) : "";
      const NewName* n = NearestOfSurname(it->second, full_at, i, honorific);
      if (n == nullptr) continue;
      const EntityRecord& e = out_.entities[static_cast<size_t>(n->entity)];
      std::string sex = SexOf(e);
      bool clash = !honorific.empty() && !sex.empty() && honorific != sex;
      if (it->second.size() == 1 && e.type == "person" && !clash &&
          PronounsContradict(tokens_[i].base, e.name, e.gender)) {
        AddSurnameOnly(i);
      } else if (e.type == "person" && !clash) {
        Add(i, i + 1, n->entity, "surname");
      } else if (e.type == "organization" && it->second.size() == 1 && i > 0 &&
                 tokens_[i - 1].fold == "the" && IsPublicationWord(tokens_[i].base)) {
        // "The New York Times ... the Times wrote": a newspaper by the last word of its name.
        Add(i, i + 1, n->entity, "alias");
      }
    }
  }
}

// "Marty Smith, an education professor ... Smith said": a knowledge-base person the text
// never names in full (Brad Smith) took the bare surname only because the knowledge base has
// no other Smith; the text's own person of that surname is whom it means. With several of
// them, RepeatedNewNames chooses.
void MentionCollector::KnownSurnamesOfNewPeople() {
  // A surname, or a person's one-word alias that is their surname ("Altman" for Sam Altman).
  auto bare = [&](const EntityMention& m) {
    if (m.via == "surname") return true;
    if (m.via != "alias" || m.last != m.first + 1) return false;
    const EntityRecord& e = out_.entities[static_cast<size_t>(m.entity)];
    std::vector<std::string> words = WordsOf(e.name);
    return e.type == "person" && words.size() >= 2 && words.back() == tokens_[m.first].base;
  };
  std::unordered_set<int> named;
  for (const EntityMention& m : out_.mentions) {
    if (!bare(m)) named.insert(m.entity);
  }
  std::vector<bool> release(out_.mentions.size(), false);
  bool any = false;
  for (size_t k = 0; k < out_.mentions.size(); ++k) {
    const EntityMention& m = out_.mentions[k];
    if (!bare(m) || static_cast<size_t>(m.entity) >= known_count_ || named.count(m.entity) != 0 ||
        m.last != m.first + 1) {
      continue;
    }
    auto people = new_by_last_.find(tokens_[m.first].base);
    if (people == new_by_last_.end()) continue;
    bool person = std::any_of(people->second.begin(), people->second.end(), [&](int e) {
      return out_.entities[static_cast<size_t>(e)].type == "person";
    });
    if (!person) continue;
    release[k] = true;
    any = true;
  }
  if (!any) return;
  std::vector<EntityMention> kept;
  for (size_t k = 0; k < out_.mentions.size(); ++k) {
    if (release[k]) continue;
    kept.push_back(out_.mentions[k]);
  }
  out_.mentions = std::move(kept);
  std::fill(owner_.begin(), owner_.end(), -1);
  for (size_t k = 0; k < out_.mentions.size(); ++k) {
    for (size_t t = out_.mentions[k].first; t < out_.mentions[k].last; ++t) {
      owner_[t] = static_cast<int>(k);
    }
  }
}

// A misspelt surname ("Kalp" for Karp) next to a speech verb, once the person was named.
void MentionCollector::MisspeltSurnames() {
  struct Known {
    std::string surname;
    size_t first_seen;
    int entity;
  };
  // Surnames of the people mentioned so far, keyed by first letter and length.
  std::unordered_map<std::string, std::vector<Known>> by_shape;
  std::unordered_set<int> indexed;
  std::vector<EntityMention> sorted = out_.mentions;
  std::sort(sorted.begin(), sorted.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.first < b.first; });
  for (const EntityMention& m : sorted) {
    const EntityRecord& e = out_.entities[static_cast<size_t>(m.entity)];
    if (e.type != "person" || !indexed.insert(m.entity).second) continue;
    std::string surname = e.surname;
    if (surname.empty()) {
      std::vector<Token> name = Tokenize(e.name);
      if (name.empty() || name.back().base.empty()) continue;
      surname = name.back().base;
    }
    by_shape[surname.substr(0, 1) + std::to_string(surname.size())].push_back(
        {surname, m.first, m.entity});
  }
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const std::string& word = tokens_[i].base;
    if (!Free(i) || !tokens_[i].word || !tokens_[i].capitalized || word.size() < 4 ||
        IsNameStopword(word) || !NearSpeech(i, i + 1)) {
      continue;
    }
    std::unordered_set<int> candidates;
    for (size_t size : {word.size() - 1, word.size(), word.size() + 1}) {
      auto it = by_shape.find(word.substr(0, 1) + std::to_string(size));
      if (it == by_shape.end()) continue;
      for (const Known& k : it->second) {
        if (k.first_seen < i && OneEdit(word, k.surname)) candidates.insert(k.entity);
      }
    }
    if (candidates.size() == 1) Add(i, i + 1, *candidates.begin(), "fuzzy");
  }
}

EntityMatches MentionCollector::Finish() {
  std::sort(out_.mentions.begin(), out_.mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.first < b.first; });
  return std::move(out_);
}

}  // namespace

EntityMatches EntityMatcher::Find(std::string_view text, const std::vector<Token>& tokens) const {
  const std::vector<bool> title_case = TitleCaseLines(text, tokens);
  MentionCollector collector(text, tokens, title_case, kb_);
  std::vector<bool> seen_full(kb_.size(), false);
  auto key = [&](size_t i) -> const std::string& {
    return tokens[i].word ? tokens[i].base : tokens[i].fold;
  };
  // The knowledge base first, longest match first at each position.
  for (size_t i = 0; i < tokens.size();) {
    auto it = by_first_word_.find(key(i));
    const Pattern* best = nullptr;
    if (it != by_first_word_.end()) {
      for (size_t pi : it->second) {
        const Pattern& p = patterns_[pi];
        if (best && p.words.size() <= best->words.size()) continue;
        if (i + p.words.size() > tokens.size()) continue;
        bool match = true;
        for (size_t k = 1; k < p.words.size() && match; ++k) match = key(i + k) == p.words[k];
        if (!match) continue;
        const EntityRecord& e = kb_[static_cast<size_t>(p.entity)];
        if (e.type == "person" && p.via != "role" && !tokens[i].capitalized) continue;
        if (p.acronym && !std::all_of(text.begin() + static_cast<long>(tokens[i].start),
                                      text.begin() + static_cast<long>(tokens[i].end),
                                      [](char c) { return c >= 'A' && c <= 'Z'; })) {
          continue;
        }
        if (p.via == "surname" &&
            (!SurnameAllowed(p, seen_full) || InLongerName(text, tokens, title_case, i) ||
             AfterNameAndInitial(text, tokens, i))) {
          continue;
        }
        // "Luis Rubio" is not Marco Rubio: a one-word alias of a person glued to another name.
        if (e.type == "person" && p.via == "alias" && p.words.size() == 1 &&
            (InLongerName(text, tokens, title_case, i) || AfterNameAndInitial(text, tokens, i))) {
          continue;
        }
        if (p.via == "role" && (i == 0 || tokens[i - 1].fold != "the")) continue;
        // "the Washington Post", "China Daily": a one-word place glued to a capitalised name
        // word that starts nothing the knowledge base knows is part of a longer name.
        size_t after = i + p.words.size();
        auto all_caps = [&](size_t k) {
          return tokens[k].end - tokens[k].start >= 3 &&
                 std::all_of(text.begin() + static_cast<long>(tokens[k].start),
                             text.begin() + static_cast<long>(tokens[k].end),
                             [](char c) { return c >= 'A' && c <= 'Z'; });
        };
        if (e.type == "place" && p.words.size() == 1 && after < tokens.size() &&
            tokens[after].word && tokens[after].capitalized &&
            // "USA TODAY": a word in capitals after a place in capitals, whatever the word.
            (!IsNameStopword(tokens[after].base) || (all_caps(i) && all_caps(after)) ||
             OrgSuffixes().count(tokens[after].base) != 0) &&
            by_first_word_.count(key(after)) == 0 && tokens[after].start == tokens[i].end + 1) {
          continue;
        }
        best = &p;
      }
    }
    if (!best) {
      ++i;
      continue;
    }
    if (best->via == "name" || best->via == "alias") {
      seen_full[static_cast<size_t>(best->entity)] = true;
    }
    collector.Add(i, i + best->words.size(), best->entity, best->via);
    i += best->words.size();
  }
  collector.UnknownPeople();
  collector.PronounGendersOfSurnames();
  collector.HonorificSurnames();
  collector.SurnamesOfNamedPeople();
  collector.FirstNamesAlone();
  collector.UnknownOrganizations();
  collector.DottedAcronyms();
  collector.KnownSurnamesOfNewPeople();
  collector.RepeatedNewNames();
  collector.SpeakerLabels();
  collector.MisspeltSurnames();
  return collector.Finish();
}

}  // namespace claimdex
