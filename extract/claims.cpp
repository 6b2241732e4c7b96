#include "extract/claims.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/lexicon.h"
#include "extract/sentences.h"
#include "extract/text_util.h"

namespace claimdex {
namespace {

constexpr size_t kPronounLookback = 3;  // sentences searched for a pronoun's antecedent
constexpr size_t kMaxQuotedSkipped = 12;  // quoted sentences passed over on the way
constexpr size_t kMaxAppositiveTokens = 36;
constexpr size_t kMaxParenTokens = 8;  // "(D-Wis.)", "(NYSE: ACME)" between name and verb
constexpr size_t kMinQuoteWords = 5;  // shorter quotes without a cue are scare quotes

// ---------------------------------------------------------------- quotation marks

enum class MarkShape { kOpener, kCloser, kEither };

// Decodes the quotation mark starting at text[i], returning its length in bytes or 0.
size_t QuoteMarkAt(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == '"') return 1;
  // Two apostrophes stand for a double quotation mark in some wire and newspaper text
  // (''Like this,'' she said); a third would be an apostrophe after the mark.
  if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') return 2;
  if (c == '`' && i + 1 < text.size() && text[i + 1] == '`') return 2;
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(text[i + 2]);
    if (d == 0x9C || d == 0x9D || d == 0x9E || d == 0x9F) return 3;  // “ ” „ ‟
  }
  if (c == 0xC2 && i + 1 < text.size()) {
    unsigned char d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0xAB || d == 0xBB) return 2;  // « »
  }
  return 0;
}

bool IsSpaceOrEdge(std::string_view text, size_t i, size_t begin, size_t end, bool before) {
  if (before ? i <= begin : i >= end) return true;
  unsigned char c = static_cast<unsigned char>(before ? text[i - 1] : text[i]);
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return true;
  if (before) return c == '(' || c == '[';
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == 0xE2;  // a following dash or another mark
}

MarkShape ShapeOf(std::string_view text, size_t i, size_t len, size_t begin, size_t end) {
  bool space_before = IsSpaceOrEdge(text, i, begin, end, true);
  bool space_after = IsSpaceOrEdge(text, i + len, begin, end, false);
  if (space_before && !space_after) return MarkShape::kOpener;
  if (!space_before && space_after) return MarkShape::kCloser;
  return MarkShape::kEither;
}

// ---------------------------------------------------------------- sentence analysis

struct Np {
  size_t first = 0;  // token range
  size_t last = 0;
  int mention = -1;     // index into EntityMatches::mentions, or -1 for a pronoun
  std::string pronoun;  // "he" | "she" when mention < 0
  bool unnamed = false;   // a source described, not named ("U.S. officials"); mention < 0
  bool relative = false;  // "Jane Roe, who argued": the token range is "who"
};

struct Attribution {
  Np speaker;
  std::vector<Np> co_speakers;
  size_t cue_first = 0;
  size_t cue_last = 0;
  std::string cue;
  bool according_to = false;  // "according to X": the speaker follows the cue
  bool takes_object = false;  // "told Y that", "urged Y to"
  bool label = false;         // "NAME: words" opening a line
  bool invertible = false;    // a speech verb that may close the sentence ("..., X said")
  size_t source_note = 0;     // the comma before a closing "according to Y"; 0 when none
};

struct CuePattern {
  std::vector<std::string> words;
  const CueEntry* entry = nullptr;
};

const std::vector<CuePattern>& CuePatterns() {
  static const std::vector<CuePattern> patterns = [] {
    std::vector<CuePattern> out;
    for (const CueEntry& e : SpeechCues()) {
      CuePattern p;
      for (const Token& t : Tokenize(e.phrase)) p.words.push_back(t.fold);
      p.entry = &e;
      out.push_back(std::move(p));
    }
    return out;
  }();
  return patterns;
}

// The cue patterns by their first word, each list longest first: one hash lookup per token
// instead of a scan of every pattern.
const std::unordered_map<std::string, std::vector<const CuePattern*>>& CuesByFirstWord() {
  static const auto* index = [] {
    auto* out = new std::unordered_map<std::string, std::vector<const CuePattern*>>();
    for (const CuePattern& p : CuePatterns()) (*out)[p.words.front()].push_back(&p);
    return out;
  }();
  return *index;
}

bool IsSingleWordCue(const std::string& fold);

// "Wells Fargo just this month announced": words of a time adjunct between a subject and its
// verb.
// "told", "tells", "tell", "telling": a verb whose object is the listener.
bool IsTell(std::string_view w) {
  return w == "told" || w == "tells" || w == "tell" || w == "telling";
}

// "he", "she", "they", "it" as a subject, alone or with a contracted auxiliary ("He's
// claiming", "they're saying", "she'd said"); "" for any other word.
std::string_view SubjectPronoun(const Token& t) {
  if (!t.word) return "";
  std::string_view w = t.fold;
  if (size_t apostrophe = w.find('\''); apostrophe != std::string_view::npos) {
    std::string_view tail = w.substr(apostrophe);
    if (tail != "'s" && tail != "'re" && tail != "'ve" && tail != "'d" && tail != "'ll") return "";
    w = w.substr(0, apostrophe);
  }
  if (w == "he" || w == "she" || w == "they" || w == "it") return w;
  return "";
}

bool IsTimeWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "this",    "month",    "week",      "year",     "day",     "morning", "afternoon",
      "evening", "night",    "yesterday", "today",    "earlier", "monday",  "tuesday",
      "wednesday", "thursday", "friday",  "saturday", "sunday",  "on",      "last"};
  return kWords.count(w) != 0;
}

// "by saying", "after arguing", "without acknowledging": a preposition that takes a
// participle whose subject is the sentence's.
bool IsParticiplePreposition(std::string_view w) {
  return w == "by" || w == "after" || w == "before" || w == "while" || w == "when" ||
         w == "without" || w == "from" || w == "for" || w == "in" || w == "since";
}

// `word` is longer than `min_size` and ends with `suffix` ("-ing", "-ed", "-ly" forms).
bool HasSuffix(std::string_view word, std::string_view suffix, size_t min_size) {
  return word.size() > min_size &&
         word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "four", "ten": a small number spelled out.
bool IsNumberWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kNumbers = {
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  return kNumbers.count(w) != 0;
}

// "is", "were", "has", "will", "could": a finite auxiliary, so a clause has begun.
bool IsFiniteAuxiliary(std::string_view w) {
  static const std::unordered_set<std::string_view> kFinite = {
      "is",    "are", "was", "were", "has", "have", "had", "will", "would",
      "could", "should", "can", "may", "might", "must", "did", "does", "do"};
  return kFinite.count(w) != 0;
}

bool IsBeForm(const std::string& w) {
  return w == "is" || w == "was" || w == "were" || w == "are" || w == "been" || w == "be" ||
         w == "being";
}

bool IsSpeakerType(const std::string& type) {
  // A country speaks through its government ("China said it was resolutely opposed").
  return type == "person" || type == "organization" || type == "government" || type == "place";
}

class DocAnalysis {
 public:
  DocAnalysis(const Document& doc, const std::vector<Token>& tokens, const EntityMatches& m)
      : doc_(doc),
        tokens_(tokens),
        m_(m),
        mention_ending_(tokens.size() + 1, -1),
        mention_starting_(tokens.size(), -1),
        mention_covering_(tokens.size(), false),
        in_quote_(tokens.size(), false),
        quote_mark_(tokens.size(), false),
        title_case_(TitleCaseLines(doc.text, tokens)) {
    for (size_t i = 0; i < m.mentions.size(); ++i) {
      mention_ending_[m.mentions[i].last] = static_cast<int>(i);
      mention_starting_[m.mentions[i].first] = static_cast<int>(i);
      for (size_t t = m.mentions[i].first; t < m.mentions[i].last; ++t) mention_covering_[t] = true;
    }
    for (const Token& t : tokens) {
      if (t.word && t.capitalized) ++capitalised_[t.fold];
    }
  }

  std::vector<Claim> Run();

 private:
  struct SentenceInfo {
    TextSpan span;
    size_t first = 0;  // tokens
    size_t last = 0;
    int paragraph = 0;
    std::optional<Attribution> attribution;
    std::vector<Attribution> more;  // further attributions of the sentence, in order
    std::vector<std::optional<SpeakerRef>> more_speakers;
    std::string unattributed_cue;
    bool consumed = false;
    bool wholly_quoted = false;  // every word inside a quotation (set once in Run())
  };

  size_t TokenAt(size_t byte) const;
  bool Blocked(size_t i) const { return in_quote_[i] || quote_mark_[i]; }
  // Mention index m (-1 for none) names a person.
  bool PersonMention(int m) const {
    return m >= 0 &&
           m_.entities[static_cast<size_t>(m_.mentions[static_cast<size_t>(m)].entity)].type ==
               "person";
  }
  std::optional<Np> NpEndingAt(size_t end, size_t floor) const;
  std::optional<Np> NpStartingAt(size_t i, size_t limit) const;
  std::optional<Np> UnnamedEndingAt(size_t end, size_t floor) const;
  std::optional<Np> TitledPersonAt(size_t i, size_t limit) const;
  std::optional<Np> ModifiedNameAt(size_t i, size_t limit) const;
  std::optional<Np> UnnamedStartingAt(size_t i, size_t limit) const;
  // The object of "according to" when no named or described source is found there: any
  // noun phrase ("the summary", "his Facebook profile") except a standard ("plan", "law").
  std::optional<Np> AccordingToObjectAt(size_t i, size_t limit) const;
  // Tokens [from, to) are empty or a short adjunct of words ("of the families", "on
  // Tuesday"), with no name, cue or quotation in it.
  bool AdjunctOnlyBetween(size_t from, size_t to) const;
  // Between tokens [from, to) a clause of its own opens: ", and the union has sued".
  bool NewSubjectBetween(size_t from, size_t to) const;
  bool KnowsOfAt(size_t k) const;
  // A "-" token with spaces on both sides: a dash typed as a hyphen.
  bool SpacedHyphen(size_t k) const {
    return k > 0 && k + 1 < tokens_.size() && tokens_[k].fold == "-" &&
           tokens_[k - 1].end < tokens_[k].start && tokens_[k].end < tokens_[k + 1].start;
  }
  // A dash at k, typed as one or as a spaced hyphen.
  bool DashAt(size_t k) const { return IsDash(tokens_[k].fold) || SpacedHyphen(k); }
  bool AnonymousHeadAt(size_t k) const;
  std::optional<Np> SentenceSubject(const SentenceInfo& s) const;
  std::optional<Np> InvertedSpeaker(const SentenceInfo& s, size_t cue_first, size_t cue_end) const;
  bool LooksLikeAppositive(size_t first, size_t last) const;
  bool AbbreviationDot(size_t k, size_t limit) const;
  // ", Fla.", ", N.Y.", ", Texas," after a place at `comma`: the token after the state, or
  // `comma` when no state follows.
  size_t StateAfter(size_t comma, size_t limit) const;
  bool DescribesPerson(size_t first, size_t last) const;
  std::optional<Np> ParticipleSubject(const SentenceInfo& s, size_t end,
                                      bool after_comma = false) const;
  std::optional<Np> SubjectWithPhrase(const SentenceInfo& s, size_t cue_first) const;
  std::optional<Np> SubjectWithPhraseFrom(size_t start, size_t cue_first) const;
  // The speaker left of a verb cue; a person named as a preposition's object never.
  std::optional<Np> LeftSubject(const SentenceInfo& s, size_t cue_first, bool participle,
                                bool after_be = false) const;
  std::optional<Np> NearestLeftSubject(const SentenceInfo& s, size_t cue_first, bool participle,
                                       bool after_be) const;
  std::optional<Np> PlainSubjectEndingAt(const SentenceInfo& s, size_t end, size_t cue_first) const;
  std::optional<Np> PersonOfPlaceEndingAt(const SentenceInfo& s, size_t end) const;
  std::optional<Attribution> Attribute(const SentenceInfo& s, std::string* any_cue,
                                       std::vector<Attribution>* more) const;
  size_t ContentLimit(const SentenceInfo& s, const Attribution& a, const Attribution* next) const;
  bool ClosesSentence(const SentenceInfo& s, const Attribution& a) const;
  std::optional<Attribution> LabelAttribution(const SentenceInfo& s) const;
  std::optional<Attribution> AsAttribution(const SentenceInfo& s) const;
  bool TitleCase(const SentenceInfo& s) const;
  std::optional<Attribution> DocumentAct(const SentenceInfo& s, size_t i) const;
  std::optional<Attribution> CueNounAttribution(const SentenceInfo& s) const;
  std::optional<Attribution> QuotedLabelAttribution(const SentenceInfo& s, size_t at) const;
  std::optional<SpeakerRef> DocumentBefore(const SentenceInfo& s) const;
  std::optional<Attribution> BylineAttribution(const SentenceInfo& s) const;
  std::optional<Attribution> ColonQuoteAttribution(const SentenceInfo& s) const;
  bool OpensClauseWithSubject(size_t main_end, size_t subject) const;
  std::optional<SpeakerRef> Resolve(const Np& np, size_t sentence) const;
  int ResolvePronoun(const Np& np, size_t sentence) const;
  bool PossessesAPerson(const EntityMention& mention) const;
  // "a Donald Trump supporter": the name is followed by a noun it modifies.
  bool NameModifiesNoun(const EntityMention& mention) const;
  bool WritersQuestion(const SentenceInfo& s) const;
  bool SharesSubject(const SentenceInfo& s, const Attribution& before, size_t cue_first) const;
  int RecentSpeaker(size_t sentence, const std::string& gender) const;
  void LearnGenders();
  std::optional<SpeakerRef> ResolveGroupPronoun(const Np& np, size_t sentence,
                                                const Mention& mention) const;
  int SubjectOf(const SentenceInfo& s, size_t stop, const std::string& gender, int chained) const;
  size_t FirstMentionFrom(size_t token) const;
  void AddCoSpeakers(const SentenceInfo& s, Attribution* a) const;
  Claim MakeClaim(size_t start, size_t end) const;
  struct ClaimSpan {
    size_t start = 0;  // bytes
    size_t end = 0;
    size_t last = 0;  // last sentence covered
    std::vector<const QuoteSpan*> quotes;
  };
  ClaimSpan GrowOverQuotes(size_t i, size_t first_quote);
  size_t QuotedWords(const ClaimSpan& span, std::string* quote) const;
  void DropDistantQuotes(const Attribution& a, ClaimSpan* span) const;
  // `floor`: the first token the content may start at (an earlier attribution's words end
  // there).
  std::string ContentOf(const SentenceInfo& s, const Attribution& a, size_t limit,
                        size_t floor = 0) const;
  size_t TrimTrailingClause(size_t first, size_t last, bool clause_reported = false) const;
  bool StartsAdjunct(size_t first, size_t last) const;
  size_t TrimTrailingAdjunct(size_t first, size_t last) const;
  size_t TrimCoordinatedClause(size_t first, size_t last, bool clause_reported = false) const;
  bool ContractedPassive(size_t cue_first) const;
  bool ObjectOfSubjectsVerb(const Np& subject, const EntityMention& mention) const;
  size_t TitlesStart(size_t first, size_t floor) const;
  bool InObjectGap(const Np& speaker, size_t floor) const;
  bool BeginsNounPhrase(size_t j, size_t last) const;
  bool ObjectOfPreposition(size_t first, size_t floor) const;
  bool PersonAfterPreposition(const Np& np, size_t floor, std::optional<Np>* head) const;
  size_t EventAdjunctStart(size_t first, size_t end) const;
  std::string TextBetween(size_t first, size_t last) const;
  Claim LabelClaim(size_t i, const SpeakerRef& speaker) const;
  void AddFurtherClaims(size_t i, size_t sentence_claims, std::vector<Claim>* claims) const;
  bool ReportedByAnother(const Attribution& a, const SpeakerRef& speaker,
                         const std::vector<Claim>& claims, size_t sentence_claims) const;
  static bool HasQuoteMark(std::string_view text);
  static bool WholeQuotation(std::string_view text, std::string* inner);
  static size_t WordsIn(std::string_view text);
  static size_t MinContentWords(const Attribution& a);
  static bool EndsWithWhat(std::string_view content);
  static bool OnlyCircumstance(std::string_view content);
  bool TellsATale(size_t after_cue, size_t last) const;
  bool NotACue(const SentenceInfo& s, size_t cue_first, size_t cue_end) const;
  size_t PollPhraseEnd(const SentenceInfo& s, size_t in) const;
  bool CoordinatedAfterModalClause(size_t from, size_t join, size_t cue) const;
  std::vector<Claim> BuildClaims(const std::vector<std::optional<SpeakerRef>>& speakers,
                                 const std::vector<std::vector<CoSpeaker>>& co);
  size_t WordCount(size_t begin, size_t end) const;
  bool QuoteAdjacent(const Attribution& a, const std::vector<const QuoteSpan*>& quotes,
                     size_t claim_start) const;
  int CapitalisedCount(const std::string& fold) const;
  Claim BlockQuoteClaim(size_t i, const SpeakerRef& speaker, const std::string& cue) const;
  bool FollowsIndirectClaim(const std::vector<Claim>& claims, size_t last_claimed, size_t i,
                            const ClaimSpan& span, size_t quote_words) const;
  bool QuoteParagraphFollows(const std::vector<Claim>& claims, size_t last_claimed, size_t i,
                             const ClaimSpan& span, size_t quote_words) const;
  bool ContinuesQuote(const std::vector<Claim>& claims, size_t last_claimed, size_t i,
                      const ClaimSpan& span, size_t quote_words) const;

  const Document& doc_;
  const std::vector<Token>& tokens_;
  const EntityMatches& m_;
  // Each entity's gender: the knowledge base's or the text's, else learnt from a "she"/"he"
  // subject right after a sentence naming that person alone (LearnGenders).
  std::vector<std::string> gender_;
  std::vector<int> mention_ending_;
  std::vector<int> mention_starting_;
  std::vector<bool> mention_covering_;
  std::vector<bool> in_quote_;
  std::vector<bool> quote_mark_;
  std::vector<bool> title_case_;  // per token: its line is a title-case headline
  std::vector<QuoteSpan> quotes_;
  std::vector<SentenceInfo> sentences_;
  std::unordered_map<std::string, int> capitalised_;  // capitalised occurrences per folded word
  // Entity resolved for each sentence's speaker (for pronoun chains); -1 when none.
  std::vector<int> resolved_speaker_;
  std::vector<std::optional<SpeakerRef>> speakers_;  // each sentence's speaker, as found
};

size_t DocAnalysis::TokenAt(size_t byte) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), byte,
                             [](const Token& t, size_t b) { return t.start < b; });
  return static_cast<size_t>(it - tokens_.begin());
}

std::optional<Np> DocAnalysis::NpEndingAt(size_t end, size_t floor) const {
  if (end <= floor || end == 0) return std::nullopt;
  if (std::string_view pronoun = SubjectPronoun(tokens_[end - 1]); !pronoun.empty()) {
    return Np{end - 1, end, -1, std::string(pronoun)};
  }
  // "North Korea's claims", "Scott's family said": a possessive names an owner, not a subject.
  if (tokens_[end - 1].word && tokens_[end - 1].fold != tokens_[end - 1].base) return std::nullopt;
  int m = mention_ending_[end];
  if (m >= 0 && m_.mentions[static_cast<size_t>(m)].first >= floor) {
    const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
    if (!IsSpeakerType(m_.entities[static_cast<size_t>(mention.entity)].type)) return std::nullopt;
    if (m_.entities[static_cast<size_t>(mention.entity)].type != "person" &&
        mention.first > floor && tokens_[mention.first - 1].word) {
      // "Alexandra Mousavizadeh of Evident said", "a researcher at Brookings said": the head of
      // the phrase speaks, not the organisation it belongs to. With no named person there, the
      // speaker is somebody unnamed: no speaker rather than the organisation.
      // "Dan Roe at the National Review said": an article may stand before the name.
      size_t at = mention.first - 1;
      if (tokens_[at].fold == "the" && at > floor && tokens_[at - 1].word) --at;
      const std::string& prep = tokens_[at].fold;
      // "The dynamic on the Affordable Care Act suggests", "a report by Brookings found": the
      // organisation is a preposition's object too.
      static const std::unordered_set<std::string_view> kLinks = {
          "of", "at", "from", "on", "about", "over", "for", "with", "to", "against", "by",
          "regarding", "under", "in", "into", "within"};
      if (kLinks.count(prep) != 0) {
        std::optional<Np> head = NpEndingAt(at, floor);
        if (head && head->mention >= 0 &&
            m_.entities[static_cast<size_t>(m_.mentions[static_cast<size_t>(head->mention)].entity)].type ==
                "person") {
          head->last = mention.last;  // the source phrase: "Mr. Morgan of the Sierra Club"
          return head;
        }
        if (head && head->unnamed) {  // "a researcher at Microsoft": unnamed, described
          head->last = mention.last;
          return head;
        }
        return std::nullopt;
      }
    }
    return Np{mention.first, mention.last, m, ""};
  }
  const Token& t = tokens_[end - 1];
  if (t.word && IsGroupNoun(t.fold) && end - 1 > floor) {  // "Brookings analysts"
    std::optional<Np> owner = NpEndingAt(end - 1, floor);
    // "Brookings analysts" speak for Brookings; "U.S. officials" are unnamed, not the country.
    if (owner && owner->mention >= 0 &&
        m_.entities[static_cast<size_t>(m_.mentions[static_cast<size_t>(owner->mention)].entity)]
                .type != "place") {
      return Np{owner->first, end, owner->mention, ""};
    }
  }
  return UnnamedEndingAt(end, floor);
}

// A lower-case word that may modify a source noun: not a function word, not a verb form
// that would make the phrase a clause ("officials said", "have shown").
bool IsContentWord(const Token& t) {
  static const std::unordered_set<std::string_view> kFunction = {
      "and", "or", "but", "that", "which", "who", "whom", "to", "of", "in", "on", "for",
      "with", "by", "at", "from", "as", "is", "was", "are", "were", "be", "been", "has", "have",
      "had", "not", "said", "says", "say", "told", "if", "when", "while", "because", "than",
      "then", "also", "so", "it", "they", "he", "she", "we", "i", "you", "there", "what",
      "would", "will", "could", "should", "can", "may", "might", "do", "does", "did", "how",
      "why", "where", "whom", "whose", "about", "into", "over", "after", "before", "since"};
  return t.word && !t.capitalized && kFunction.count(t.fold) == 0 && t.fold == t.base &&
         t.fold.size() > 2 && !HasSuffix(t.fold, "ed", 3);
}

// "U.S. officials", "a campaign spokesman", "the new poll", "Senate Democrats" ending at `end`:
// a source noun as head, with determiners, modifiers and capitalised words before it.
std::optional<Np> DocAnalysis::UnnamedEndingAt(size_t end, size_t floor) const {
  size_t head = end - 1;
  const Token& t = tokens_[head];
  // "Mexicans often say", "many Americans believe": a people in the plural.
  bool people = t.word && t.capitalized && HasSuffix(t.fold, "ans", 5) && !mention_covering_[head];
  if (!t.word || Blocked(head) || (!IsSourceNoun(t.fold) && !people) || t.fold != t.base) {
    return std::nullopt;
  }
  if (end < tokens_.size() && tokens_[end].start == t.end && tokens_[end].fold == "-") {
    return std::nullopt;  // "post-debate", "report-card": the noun is part of a compound
  }
  bool party = t.fold == "democrats" || t.fold == "republicans" || people;
  // In a title-case headline every word is capitalised ("New Poll Shows", "Black Lawmakers
  // Rip"); elsewhere a capitalised head is part of a name ("Campaign Zero", "Court Street")
  // and a capitalised word after it makes it a title ("Attorney General Roy Cooper").
  bool headline = t.capitalized && title_case_[head];
  if (t.capitalized && !party && head > floor && tokens_[head - 1].word &&
      !IsDiscourseOpener(tokens_[head - 1].fold) && !headline) {
    return std::nullopt;
  }
  if (end < tokens_.size() && tokens_[end].word && tokens_[end].capitalized &&
      tokens_[end].start == t.end + 1 && !headline && !IsTimeWord(tokens_[end].fold)) {
    return std::nullopt;  // but "a letter Thursday"
  }
  size_t first = head;
  for (int steps = 0; first > floor && steps < 5; ++steps) {
    const Token& p = tokens_[first - 1];
    if (mention_covering_[first - 1] && mention_ending_[first] >= 0 && !Blocked(first - 1)) {
      // "U.S. officials", "Brookings analysts": a whole named modifier, periods and all.
      size_t m_first = m_.mentions[static_cast<size_t>(mention_ending_[first])].first;
      if (m_first < floor) break;
      first = m_first;
      continue;
    }
    if (!p.word && p.fold == "-" && first >= floor + 2 && tokens_[first - 2].word &&
        tokens_[first - 2].end == p.start && p.end == tokens_[first].start) {
      first -= 2;  // "a cease-and-desist letter": a hyphenated modifier
      continue;
    }
    if (!p.word || Blocked(first - 1)) break;
    // "only 25 percent would vote": the number is the phrase's, and what comes before it.
    if (std::isdigit(static_cast<unsigned char>(p.fold[0])) != 0) {
      --first;
      // "Four in 10 voters": a share of them, not ten voters.
      if (first >= floor + 2 && tokens_[first - 1].fold == "in" && tokens_[first - 2].word &&
          (std::isdigit(static_cast<unsigned char>(tokens_[first - 2].fold[0])) != 0 ||
           IsNumberWord(tokens_[first - 2].fold))) {
        first -= 2;
      }
      if (first > floor && tokens_[first - 1].word &&
          (tokens_[first - 1].fold == "only" || tokens_[first - 1].fold == "about" ||
           tokens_[first - 1].fold == "nearly" || tokens_[first - 1].fold == "almost" ||
           tokens_[first - 1].fold == "some")) {
        --first;
      }
      break;
    }
    // "no terrorist organization has claimed": nobody did. "whether candidates supported":
    // nobody has yet.
    if (p.fold == "no" || p.fold == "neither" || p.fold == "whether") return std::nullopt;
    if (IsDeterminer(p.fold)) {
      --first;
      break;
    }
    bool possessive = p.fold != p.base;  // "Clinton's campaign"
    // "by slamming candidates who": a participle after a preposition governs the phrase.
    if (HasSuffix(p.fold, "ing", 4) && first - 1 > floor && tokens_[first - 2].word &&
        IsParticiplePreposition(tokens_[first - 2].fold)) {
      break;
    }
    if (IsSourceModifier(p.fold) || IsSourceNoun(p.fold) || possessive ||
        mention_covering_[first - 1] || (p.capitalized && !IsNameStopword(p.base)) ||
        (steps < 2 && IsContentWord(p))) {  // "show insiders", "coal industry lobbyists"
      --first;
      continue;
    }
    break;
  }
  Np np{first, end, -1, ""};
  np.unnamed = true;
  return np;
}

// "familiar with", "close to", "briefed on", "with knowledge of" at k: how news names a source
// it may not name.
bool DocAnalysis::KnowsOfAt(size_t k) const {
  if (k + 1 >= tokens_.size() || !tokens_[k].word || !tokens_[k + 1].word || Blocked(k)) {
    return false;
  }
  const std::string& w = tokens_[k].fold;
  const std::string& next = tokens_[k + 1].fold;
  return (w == "familiar" && next == "with") || (w == "close" && next == "to") ||
         (w == "briefed" && (next == "on" || next == "about")) ||
         (w == "knowledgeable" && next == "about") || (w == "aware" && next == "of") ||
         (w == "with" && (next == "knowledge" || next == "direct") && k + 2 < tokens_.size() &&
          (tokens_[k + 2].fold == "of" || tokens_[k + 2].fold == "knowledge"));
}

// "a person familiar with the matter", "people close to the campaign": an ordinary noun that
// heads a source only with such a phrase after it.
bool DocAnalysis::AnonymousHeadAt(size_t k) const {
  const std::string& w = tokens_[k].fold;
  // Capitalised only where a sentence or line opens: "People close to him said".
  bool opens = k == 0 || !tokens_[k - 1].word;
  return tokens_[k].word && (!tokens_[k].capitalized || opens) &&
         (w == "person" || w == "people" || w == "persons") && KnowsOfAt(k + 1);
}

// The same, starting at i ("according to a report by the Tax Policy Center", "said a
// spokesman for the campaign"): an of/for/by phrase after the head belongs to the source.
std::optional<Np> DocAnalysis::UnnamedStartingAt(size_t i, size_t limit) const {
  static const std::unordered_set<std::string_view> kLinks = {
      "for", "of", "at", "with", "from", "by", "close", "familiar", "in", "on", "briefed"};
  size_t glued = 0;  // hyphens and numbers of compound modifiers ("52-count") seen so far
  for (size_t k = i; k < limit && k < i + 9; ++k) {
    const Token& t = tokens_[k];
    if ((!t.word && t.fold != "/" && t.fold != "-") || Blocked(k)) return std::nullopt;
    bool next_noun = k + 1 < limit && tokens_[k + 1].word && IsSourceNoun(tokens_[k + 1].fold);
    // "a 52-count complaint": a noun glued after a hyphen is part of a modifier.
    bool compound = k > i && tokens_[k - 1].fold == "-" && tokens_[k - 1].end == t.start;
    if (((IsSourceNoun(t.fold) && t.fold == t.base) || AnonymousHeadAt(k)) && !next_noun &&
        !compound) {
      size_t last = k + 1;
      // "President Obama's policy": a possessive name after the noun owns what follows.
      if (last < limit && tokens_[last].word && tokens_[last].capitalized &&
          tokens_[last].fold != tokens_[last].base) {
        return std::nullopt;
      }
      if (last < limit && mention_starting_[last] >= 0) {
        // "conservative talk radio host Rush Limbaugh": the words before are the title of
        // the person named after them.
        const EntityMention& m = m_.mentions[static_cast<size_t>(mention_starting_[last])];
        if (m.last > limit || !IsSpeakerType(m_.entities[static_cast<size_t>(m.entity)].type)) {
          return std::nullopt;
        }
        // "President Obama's policy shows": the name owns what follows; no source here.
        const Token& owner = tokens_[m.last - 1];
        if (owner.word && owner.fold != owner.base) return std::nullopt;
        return Np{i, m.last, mention_starting_[last], ""};
      }
      if (last < limit && kLinks.count(tokens_[last].fold) != 0) {
        // "a spokeswoman for Janney also declined to comment, saying": the phrase ends where
        // its clause's verb begins.
        // "A group of doctors sent a letter": irregular past forms end the phrase too.
        static const std::unordered_set<std::string_view> kIrregularPast = {
            "sent",  "wrote", "took",   "gave",    "made",  "held",  "met",    "went",
            "came",  "got",   "put",    "kept",    "left",  "told",  "thought", "brought",
            "found", "began", "spoke",  "saw",     "knew",  "ran",   "won",    "lost",
            "paid",  "led",   "felt",   "stood",   "sought", "chose", "drew",  "rose",
            "fell",  "became", "grew",  "taught",  "fought", "threw", "built", "spent"};
        auto verb = [&](const Token& w) {
          return w.word && !w.capitalized &&
                 (IsVerbFiller(w.fold) || IsFiniteAuxiliary(w.fold) || IsSingleWordCue(w.fold) ||
                  HasSuffix(w.fold, "ed", 4) || kIrregularPast.count(w.fold) != 0);
        };
        // "The former secretary of State began her speech": after a capitalised word, a
        // lower-case word other than a link or article is the clause's verb.
        auto after_name = [&](size_t k) {
          return k > last + 1 && tokens_[k - 1].word && tokens_[k - 1].capitalized &&
                 tokens_[k].word && !tokens_[k].capitalized && kLinks.count(tokens_[k].fold) == 0 &&
                 !IsDeterminer(tokens_[k].fold) && tokens_[k].fold != "and";
        };
        size_t j = last;
        while (j < limit && j < last + 10 && tokens_[j].fold != "," && tokens_[j].fold != "." &&
               tokens_[j].fold != ";" && !Blocked(j) && !(j > last + 1 && verb(tokens_[j])) &&
               !after_name(j)) {
          ++j;
        }
        if (j == limit || tokens_[j].fold == "," || tokens_[j].fold == "." ||
            tokens_[j].fold == ";" || (j > last + 1 && verb(tokens_[j])) || after_name(j)) {
          last = j;
        }
      }
      Np np{i, last, -1, ""};
      np.unnamed = true;
      return np;
    }
    bool possessive = t.fold != t.base;
    // "a 52-count civil complaint": a number glued to a hyphen is a modifier too.
    bool number = t.word && !t.fold.empty() && t.fold[0] >= '0' && t.fold[0] <= '9' &&
                  k + 1 < limit && tokens_[k + 1].fold == "-";
    // "one unaligned Florida Republican strategist", "a retired general": a participle
    // right after the determiner qualifies the noun.
    bool participle = k == i + 1 && t.word && !t.capitalized && HasSuffix(t.fold, "ed", 4) &&
                      IsDeterminer(tokens_[i].fold);
    if (!(IsSourceModifier(t.fold) || possessive || mention_covering_[k] || number ||
          participle || (t.capitalized && (!IsNameStopword(t.base) || k > i)) ||
          (k < i + 3 + glued && IsContentWord(t)) || t.fold == "-" || t.fold == "/")) {
      return std::nullopt;
    }
    glued += number || t.fold == "-" || compound;
  }
  return std::nullopt;
}

bool DocAnalysis::AdjunctOnlyBetween(size_t from, size_t to) const {
  if (from == to) return true;
  if (to < from || to - from > 8) return false;
  if (!tokens_[from].word || (tokens_[from].fold != "of" && !IsAdjunctOpener(tokens_[from].fold))) {
    return false;
  }
  for (size_t k = from; k < to; ++k) {
    if (!tokens_[k].word || Blocked(k) || mention_covering_[k] || IsOneWordCue(tokens_[k].fold)) {
      return false;
    }
  }
  return true;
}

// "F.A.A.", "John F. Hackett", "Mr. Schoen": the full stop of an initial or an
// abbreviation, with a word after it before `limit`; not the sentence's.
bool DocAnalysis::AbbreviationDot(size_t k, size_t limit) const {
  if (k == 0 || k + 1 >= limit || tokens_[k].fold != ".") return false;
  const Token& before = tokens_[k - 1];
  // ("A.F.L.-C.I.O.": a hyphen may follow; "by the A.F.L.-C.I.O., even as": a comma.)
  return before.end == tokens_[k].start && before.word && before.capitalized &&
         (before.fold.size() == 1 || IsHonorific(before.fold)) &&
         (tokens_[k + 1].word || tokens_[k + 1].fold == "," ||
          (tokens_[k + 1].fold == "-" && k + 2 < limit && tokens_[k].end == tokens_[k + 1].start));
}

std::optional<Np> DocAnalysis::AccordingToObjectAt(size_t i, size_t limit) const {
  // Heads after "according to" that name a standard followed, not a source that speaks.
  static const std::unordered_set<std::string_view> kStandards = {
      "plan",   "plans", "schedule", "law",    "laws",         "rule",         "rules",
      "script", "form",  "custom",   "design", "tradition",    "procedure",    "procedures",
      "need",   "needs", "merit",    "merits", "instructions", "expectations", "wishes"};
  // A determiner or possessive, then up to five words to the clause's end; the last word
  // before a link ("a count by The Associated Press", "records obtained by") is the head.
  if (i >= limit || !tokens_[i].word || Blocked(i)) return std::nullopt;
  const Token& opener = tokens_[i];
  bool determined = IsDeterminer(opener.fold) || opener.fold == "my" || opener.fold == "your" ||
                    (opener.fold != opener.base && opener.capitalized);
  if (!determined && !opener.capitalized) return std::nullopt;
  size_t head = i;
  size_t k = determined && opener.fold == opener.base ? i + 1 : i;
  for (; k < limit && k < i + 6; ++k) {
    const Token& t = tokens_[k];
    if (Blocked(k)) return std::nullopt;
    if (!t.word) {
      // "F.A.A. records": full stops inside an abbreviation.
      if (t.fold == "-" || t.fold == "/" || (k > i && AbbreviationDot(k, limit))) continue;
      break;
    }
    if (IsFiniteAuxiliary(t.fold) || t.fold == "and" || t.fold == "or") return std::nullopt;
    if (t.fold == "of" || t.fold == "by" || t.fold == "from" || t.fold == "in" ||
        t.fold == "that" || t.fold == "which" || t.fold == "who" || t.fold == "obtained" ||
        t.fold == "released" || t.fold == "filed" || t.fold == "provided" ||
        t.fold == "published" || t.fold == "reviewed" || t.fold == "he" || t.fold == "she" ||
        t.fold == "they" || t.fold == "it" || t.fold == "on" || t.fold == "at") {
      break;
    }
    head = k;
  }
  if (head == i && determined && opener.fold == opener.base) return std::nullopt;
  if (kStandards.count(tokens_[head].fold) != 0) return std::nullopt;
  Np np{i, head + 1, -1, ""};
  np.unnamed = true;
  return np;
}

std::optional<Np> DocAnalysis::NpStartingAt(size_t i, size_t limit) const {
  if (i >= limit) return std::nullopt;
  if (tokens_[i].word && tokens_[i].fold == "the" && i + 1 < limit &&
      mention_starting_[i + 1] >= 0) {
    // "the Anthropic CEO", "the NAACP", "the Commerce Department"; not "the Toner family".
    const EntityMention& next = m_.mentions[static_cast<size_t>(mention_starting_[i + 1])];
    if (next.via == "role" || m_.entities[static_cast<size_t>(next.entity)].type != "person") ++i;
  }
  int m = mention_starting_[i];
  if (m >= 0) {
    const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
    if (mention.last > limit) return std::nullopt;
    const Token& end = tokens_[mention.last - 1];
    if (end.word && end.fold != end.base) return UnnamedStartingAt(i, limit);  // "Scott's family"
    // "Obama consultant Cornell Belcher": the name after the noun is the subject.
    if (NameModifiesNoun(mention)) return UnnamedStartingAt(i, limit);
    if (!IsSpeakerType(m_.entities[static_cast<size_t>(mention.entity)].type)) return std::nullopt;
    return Np{mention.first, mention.last, m, ""};
  }
  if (std::string_view pronoun = SubjectPronoun(tokens_[i]); !pronoun.empty()) {
    return Np{i, i + 1, -1, std::string(pronoun)};
  }
  return UnnamedStartingAt(i, limit);
}

std::optional<Np> DocAnalysis::SentenceSubject(const SentenceInfo& s) const {
  size_t i = s.first;
  // "ORLANDO, Fla. (Reuters) - President Barack Obama met ...", "WASHINGTON, June 10 (UPI) —":
  // a dateline in capitals, then a dash, opens a wire story before its subject.
  // ("(Reuters) - ..." when "ORLANDO, Fla." was taken for a sentence of its own.)
  if (i < s.last &&
      (tokens_[i].fold == "(" ||
       (tokens_[i].word && tokens_[i].end - tokens_[i].start >= 3 &&
        std::none_of(doc_.text.begin() + static_cast<long>(tokens_[i].start),
                     doc_.text.begin() + static_cast<long>(tokens_[i].end),
                     [](char c) { return c >= 'a' && c <= 'z'; })))) {
    for (size_t k = i + 1; k + 1 < s.last && k < i + 14; ++k) {
      const Token& t = tokens_[k];
      bool dash = IsDash(t.fold) || (t.fold == "-" && tokens_[k - 1].end < t.start &&
                                     t.end < tokens_[k + 1].start);
      if (dash) {
        i = k + 1;
        if (i < s.last && tokens_[i].fold == "-") ++i;  // "--"
        break;
      }
      if (t.word ? !(t.capitalized || std::isdigit(static_cast<unsigned char>(t.fold[0])))
                 : !(t.fold == "," || t.fold == "." || t.fold == "(" || t.fold == ")" ||
                     t.fold == "-")) {
        break;
      }
    }
  }
  for (int steps = 0; i < s.last && steps < 12; ++steps) {
    // "On Thursday, however, Trump ...", "In a statement, the union ...": an opening adjunct
    // up to its comma, before any single opener word ("In" opens both).
    if (tokens_[i].word && IsAdjunctOpener(tokens_[i].fold)) {
      // ("In a widely read column in the day before the debate, two speechwriters ...")
      size_t k = i + 1;
      while (k < s.last && k < i + 14 && tokens_[k].fold != "," && !Blocked(k)) ++k;
      if (k < s.last && tokens_[k].fold == ",") {
        i = k + 1;
        continue;
      }
    }
    // "Stung by criticism, Trump ...", "Chastened by the analyses, as well as complaints over
    // the plan's costs, Trump ...": a participle phrase with its "by" agent opens the
    // sentence; the subject follows its last comma before a capitalised word.
    if (i == s.first && i + 2 < s.last && tokens_[i].word && tokens_[i + 1].fold == "by" &&
        (HasSuffix(tokens_[i].fold, "ed", 3) || tokens_[i].fold == "stung" ||
         tokens_[i].fold == "shaken" || tokens_[i].fold == "driven")) {
      size_t k = i + 2;
      size_t comma = 0;
      while (k < s.last && k < i + 24 && !Blocked(k)) {
        if (tokens_[k].fold == "," && k + 1 < s.last && tokens_[k + 1].word &&
            (tokens_[k + 1].capitalized || mention_starting_[k + 1] >= 0)) {
          comma = k;
          break;
        }
        ++k;
      }
      if (comma > 0) {
        i = comma + 1;
        continue;
      }
    }
    if ((tokens_[i].word && IsDiscourseOpener(tokens_[i].fold)) || tokens_[i].fold == ",") {
      ++i;
      continue;
    }
    break;
  }
  if (std::optional<Np> np = NpStartingAt(i, s.last)) {
    // "Dean, a medical doctor, then appeared ... and began by saying": the description
    // between commas is the subject's.
    size_t open = np->last;
    if (np->mention >= 0 && np->pronoun.empty() && !np->relative && open + 2 < s.last &&
        tokens_[open].fold == ",") {
      for (size_t k = open + 1; k < s.last && k <= open + 20; ++k) {
        const std::string& w = tokens_[k].fold;
        if (Blocked(k) || w == "said" || w == "says" || w == "that" || w == "if" || w == "when" ||
            w == ";") {
          break;
        }
        if (size_t state = StateAfter(k, s.last);
            state > k + 1 && state < s.last && tokens_[state].fold == ",") {
          k = state - 1;  // "a city council member in Somerton, Ariz., said"
          continue;
        }
        if (w == ",") {
          if (LooksLikeAppositive(open + 1, k)) np->last = k;
          break;
        }
      }
    }
    return np;
  }
  // "Sen. Jane Roe visited ...", "Mr. Roe met ...", "Former President Bill Roe": titles and
  // honorifics before the name, and nothing else.
  std::optional<Np> titled = TitledPersonAt(i, s.last);
  if (!titled || titled->mention < 0) return std::nullopt;
  const EntityMention& m = m_.mentions[static_cast<size_t>(titled->mention)];
  for (size_t k = i; k < m.first; ++k) {
    const Token& t = tokens_[k];
    if (t.word ? !(IsTitleWord(t.base) || IsHonorific(t.fold) || t.fold == "former")
               : t.fold != ".") {
      return std::nullopt;
    }
  }
  const Token& end = tokens_[m.last - 1];
  if (end.word && end.fold != end.base) return std::nullopt;  // "Mr. Rubio's father"
  return titled;
}

// "according to Virginia AFL-CIO President Doris Crouse-Mays": capitalised words of a title
// and an organisation before a person's name.
std::optional<Np> DocAnalysis::TitledPersonAt(size_t i, size_t limit) const {
  for (size_t k = i; k < limit && k < i + 8; ++k) {
    if (mention_starting_[k] >= 0) {
      const EntityMention& m = m_.mentions[static_cast<size_t>(mention_starting_[k])];
      if (k == i || m_.entities[static_cast<size_t>(m.entity)].type != "person" || m.last > limit) {
        return std::nullopt;
      }
      return Np{i, m.last, mention_starting_[k], ""};
    }
    const Token& t = tokens_[k];
    // "Sen. Jane Roe": an abbreviated title's full stop.
    bool abbreviation = t.fold == "." && k > i && tokens_[k - 1].word &&
                        tokens_[k - 1].capitalized && tokens_[k - 1].end == t.start;
    if (Blocked(k) ||
        !((t.word && (t.capitalized || t.fold == "the")) || t.fold == "-" || abbreviation)) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// "the nonpartisan Congressional Budget Office", "the conservative-leaning Tax Foundation":
// "the", a few lower-case modifiers, then a named speaker; the phrase is the source.
std::optional<Np> DocAnalysis::ModifiedNameAt(size_t i, size_t limit) const {
  if (i >= limit || tokens_[i].fold != "the") return std::nullopt;
  for (size_t k = i + 1; k < limit && k < i + 6; ++k) {
    int m = mention_starting_[k];
    if (m >= 0) {
      const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
      if (k == i + 1 || mention.last > limit ||
          !IsSpeakerType(m_.entities[static_cast<size_t>(mention.entity)].type)) {
        return std::nullopt;
      }
      return Np{i, mention.last, m, ""};
    }
    const Token& t = tokens_[k];
    if (Blocked(k) || t.capitalized || (!t.word && t.fold != "-")) return std::nullopt;
  }
  return std::nullopt;
}

// "“...,” said Jane Doe, a lawyer." The name ends the clause; a pronoun ("said he") only
// right after the closing quote, where it cannot start a reported clause ("..., said he was").
std::optional<Np> DocAnalysis::InvertedSpeaker(const SentenceInfo& s, size_t cue_first,
                                               size_t cue_end) const {
  // "said Rep. Elijah Cummings", "said Mr. McGinley": the title is not part of the mention.
  size_t at = cue_end;
  if (at + 1 < s.last && tokens_[at].fold == "the" && tokens_[at + 1].capitalized &&
      IsTitleWord(tokens_[at + 1].base)) {
    ++at;  // "said the Rev. Peter Wherry"
  }
  while (at < s.last && at < cue_end + 5 && mention_starting_[at] < 0 &&
         ((tokens_[at].word && tokens_[at].capitalized && IsTitleWord(tokens_[at].base)) ||
          (tokens_[at].fold == "." && at > cue_end))) {
    ++at;
  }
  if (at < s.last && mention_starting_[at] < 0) at = cue_end;
  if (at < s.last && mention_starting_[at] < 0) {
    // "said 9/11 widow Terry Strada": lower-case words describing the named person first;
    // capitalised ones too before a title word ("said Florida-based Republican strategist
    // Al Cardenas").
    bool capitalised = false, titled = false;
    for (size_t k = cue_end; k < s.last && k < cue_end + 7; ++k) {
      if (mention_starting_[k] >= 0) {
        const EntityMention& m = m_.mentions[static_cast<size_t>(mention_starting_[k])];
        if (k > cue_end && m_.entities[static_cast<size_t>(m.entity)].type == "person" &&
            (!capitalised || (titled && !tokens_[k - 1].capitalized))) {
          at = k;
        }
        break;
      }
      const Token& t = tokens_[k];
      if (Blocked(k) || (!t.word && t.fold != "/" && t.fold != "-")) break;
      // "..., says she could not support Hillary Clinton": a pronoun or a verb opens what was
      // said; the name in it is no speaker. ("wrote a man calling himself Paul Paul" goes on.)
      if (t.word && !t.capitalized &&
          (t.fold == "she" || t.fold == "he" || t.fold == "they" || t.fold == "we" ||
           t.fold == "i" || t.fold == "it" || t.fold == "not" || IsFiniteAuxiliary(t.fold) ||
           (IsSingleWordCue(t.fold) && !HasSuffix(t.fold, "ing", 4)))) {
        break;
      }
      // "noted congressional testimony by Gregory Hicks": a preposition starts another phrase.
      // ("said master of ceremonies Asab Al-Tabchi" goes on: the name does not follow "of").
      if (t.word &&
          (t.fold == "by" ||
           ((IsPrepositionBeforeName(t.fold) || t.fold == "in" || t.fold == "on") &&
            (k + 1 >= s.last || mention_starting_[k + 1] >= 0 || tokens_[k + 1].capitalized)))) {
        break;
      }
      if (t.capitalized) {
        if (titled || k - cue_end >= 4) break;
        capitalised = true;
      } else if (t.word && IsTitleWord(t.fold)) {
        titled = true;
      } else if (t.fold == "and") {
        titled = false;  // "said lobbyist and GOP strategist Charlie Black": a second role
      }
    }
  }
  // "responded that the businessman “is right ...”": after the verb, "that" opens what was
  // said, never its speaker.
  if (at < s.last && tokens_[at].fold == "that") return std::nullopt;
  std::optional<Np> np = NpStartingAt(at, s.last);
  if (!np) return std::nullopt;
  // "said the bureau's director, James B. Comey, on Monday": a description, then between
  // commas the person's name: the named person is the speaker, the mention spans both.
  // "a spokesman for the senator, Ann Lee" leaves open whom the name is of: not when a title
  // follows a preposition in the description.
  bool two_people = false;
  for (size_t k = np->first, prep = 0; k < np->last && !two_people; ++k) {
    if (!tokens_[k].word) continue;
    if (IsPrepositionBeforeName(tokens_[k].fold)) prep = 1;
    two_people = prep != 0 && IsTitleWord(tokens_[k].base);
  }
  if (np->unnamed && !np->relative && !two_people && np->last + 1 < s.last &&
      tokens_[np->last].fold == "," && mention_starting_[np->last + 1] >= 0) {
    int named = mention_starting_[np->last + 1];
    const EntityMention& m = m_.mentions[static_cast<size_t>(named)];
    const Token& end = tokens_[m.last - 1];
    if (m_.entities[static_cast<size_t>(m.entity)].type == "person" && m.via != "role" &&
        end.fold == end.base &&
        (m.last == s.last || tokens_[m.last].fold == "," || tokens_[m.last].fold == "." ||
         tokens_[m.last].fold == ";")) {
      np->mention = named;
      np->unnamed = false;
      np->last = m.last;
    }
  }
  size_t after = np->last;
  if (np->mention >= 0 && after + 1 < s.last &&
      (tokens_[after].fold == "of" || tokens_[after].fold == "at" || tokens_[after].fold == "from") &&
      mention_starting_[after + 1] >= 0) {
    // "said Jane Roe of Acme Corp.": the affiliation belongs to the name and ends the clause.
    after = m_.mentions[static_cast<size_t>(mention_starting_[after + 1])].last;
  } else if (np->mention >= 0 && after + 1 < s.last &&
             (tokens_[after].fold == "of" || tokens_[after].fold == "from" ||
              tokens_[after].fold == "for" || tokens_[after].fold == "with")) {
    // "said Charles B. Rangel of New York.", "wrote Cameron Easley for Morning Consult.":
    // capitalised words the text does not know ("of the Virgin Islands" too).
    size_t k = after + 1;
    if (k + 1 < s.last && tokens_[k].fold == "the" && tokens_[k + 1].capitalized) ++k;
    while (k < s.last && k < after + 5 && tokens_[k].word && tokens_[k].capitalized &&
           !Blocked(k)) {
      ++k;
    }
    if (k > after + 1) after = k;
  }
  if (np->mention >= 0 && after < s.last && tokens_[after].fold == "(") {
    // "said Rep. Joseph Crowley (D-N.Y.), a leading advocate": a short parenthesis is the
    // name's.
    size_t k = after + 1;
    while (k < s.last && k < after + kMaxParenTokens && tokens_[k].fold != ")") ++k;
    if (k < s.last && tokens_[k].fold == ")") after = k + 1;
  }
  bool after_quote =
      quote_mark_[cue_first - 1] || (cue_first >= s.first + 2 && quote_mark_[cue_first - 2]);
  if (after < s.last) {
    const std::string& next = tokens_[after].fold;
    // "“...,” said Trump in his speech.": after a quotation, an adjunct of place or time may
    // follow the name.
    static const std::unordered_set<std::string_view> kAdjuncts = {
        "in", "at", "on", "during", "after", "before", "to", "outside", "inside", "from"};
    bool adjunct = after_quote && np->mention >= 0 && tokens_[after].word &&
                   !tokens_[after].capitalized && (kAdjuncts.count(next) != 0 || IsTimeWord(next));
    if (next != "," && next != "." && next != ";" && next != ":" && !quote_mark_[after] &&
        !adjunct) {
      return std::nullopt;
    }
  }
  if (np->mention >= 0 && after + 1 < s.last && tokens_[after].fold == "," &&
      LooksLikeAppositive(after + 1, s.last)) {
    // "said Jane Roe, a lawyer at Acme, who represents Mr. Doe." — the descriptions are
    // part of the source phrase; a full stop inside the sentence is an abbreviation's.
    size_t k = after + 1;
    size_t limit = std::min(s.last, after + 2 * kMaxAppositiveTokens);
    while (k < limit && tokens_[k].fold != ";" && !quote_mark_[k] && !Blocked(k) &&
           !(tokens_[k].fold == "." && k + 1 == s.last)) {
      if (size_t state = StateAfter(k, s.last); state > k) {
        k = state;  // "a broker based in Tampa, Fla., who represents sellers"
        continue;
      }
      if (tokens_[k].fold == "," && !LooksLikeAppositive(k + 1, s.last)) break;
      ++k;
    }
    np->last = k;
  } else if (after > np->last) {
    np->last = after;
  }
  if (!np->pronoun.empty() && !after_quote) return std::nullopt;
  return np;
}

// ", a senior fellow at ...,", ", CEO of Palantir,", ", who ...,": a description of the name
// before it, not a clause of its own.
// A short phrase between commas after a person's name that is no clause and no list:
// "Democrat of California", "31", "at a later press gaggle".
bool DocAnalysis::DescribesPerson(size_t first, size_t last) const {
  // "Obama, dedicating the Museum of African American History and Culture on Saturday,
  // said": a participle phrase may be longer and hold an "and" of its own.
  bool participle = first < last && tokens_[first].word && !tokens_[first].capitalized &&
                    HasSuffix(tokens_[first].fold, "ing", 4) &&
                    !IsSingleWordCue(tokens_[first].fold);
  if (first >= last || last - first > (participle ? 20 : 12)) return false;
  static const std::unordered_set<std::string_view> kNot = {"and", "or", "but", "nor", "said",
                                                            "says", "that", "if", "when"};
  for (size_t k = first; k < last; ++k) {
    bool excluded = kNot.count(tokens_[k].fold) != 0 && !(participle && tokens_[k].fold == "and");
    if (Blocked(k) || excluded) {
      return false;
    }
  }
  return true;
}

bool DocAnalysis::LooksLikeAppositive(size_t first, size_t last) const {
  if (first >= last) return false;
  // "said Leslie Feldman, 34, a plaintiff": an age alone between commas.
  const std::string& age = tokens_[first].fold;
  if (!age.empty() && age.size() <= 3 &&
      std::all_of(age.begin(), age.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      (first + 1 == last || tokens_[first + 1].fold == "," || tokens_[first + 1].fold == ".")) {
    return true;
  }
  if (!tokens_[first].word) return false;
  static const std::unordered_set<std::string_view> kOpeners = {
      "a",         "an",      "the",   "who", "whose", "former",   "then",  "now",
      "currently", "also",    "one",   "its", "his",   "her",      "their", "itself",
      "himself",   "herself", "which", "of",  "from",  "including"};
  const std::string& w = tokens_[first].fold;
  if (kOpeners.count(w) != 0 || IsTitleWord(w)) return true;
  // "Senator Chris Coons, Democrat of Delaware,": a party and a state.
  if ((w == "democrat" || w == "republican" || w == "independent") && first + 1 < last &&
      (tokens_[first + 1].fold == "of" || tokens_[first + 1].fold == "from")) {
    return true;
  }
  // "China, Pyongyang's only ally, said": a possessive name opening a description.
  if (tokens_[first].word && tokens_[first].capitalized && tokens_[first].fold != tokens_[first].base &&
      last > first + 1) {
    return true;
  }
  // "..., of Ashton, Md., said": a state's abbreviation after a place.
  if (last == first + 2 && tokens_[first].capitalized && tokens_[first + 1].fold == "." &&
      tokens_[first].end - tokens_[first].start <= 4) {
    return true;
  }
  for (size_t k = first; k < last && k < first + 3; ++k) {
    if (tokens_[k].word && IsTitleWord(tokens_[k].fold)) return true;
  }
  return false;
}

size_t DocAnalysis::StateAfter(size_t comma, size_t limit) const {
  static const std::unordered_set<std::string_view> kAbbreviations = {
      "ala", "ariz", "ark", "calif", "colo", "conn", "del",  "fla",  "ga",  "ill",  "ind",
      "kan", "ky",   "la",  "md",    "mass", "mich", "minn", "miss", "mo",  "mont", "neb",
      "nev", "okla", "ore", "pa",    "tenn", "vt",   "va",   "wash", "wis", "wyo"};
  static const std::unordered_set<std::string_view> kStates = {
      "alabama",     "alaska",       "arizona",       "arkansas", "california", "colorado",
      "connecticut", "delaware",     "florida",       "georgia",  "hawaii",     "idaho",
      "illinois",    "indiana",      "iowa",          "kansas",   "kentucky",   "louisiana",
      "maine",       "maryland",     "massachusetts", "michigan", "minnesota",  "mississippi",
      "missouri",    "montana",      "nebraska",      "nevada",   "ohio",       "oklahoma",
      "oregon",      "pennsylvania", "tennessee",     "texas",    "utah",       "vermont",
      "virginia",    "washington",   "wisconsin",     "wyoming"};
  static const std::unordered_set<std::string_view> kFirstOfTwo = {"new", "north", "south", "west",
                                                                   "rhode"};
  static const std::unordered_set<std::string_view> kInitials = {"ny", "nj", "nh", "nm", "nc",
                                                                 "nd", "sc", "sd", "ri", "dc"};
  if (comma == 0 || comma + 1 >= limit || tokens_[comma].fold != "," || !tokens_[comma - 1].word ||
      !tokens_[comma - 1].capitalized) {
    return comma;
  }
  size_t k = comma + 1;
  auto cap = [&](size_t t) { return t < limit && tokens_[t].word && tokens_[t].capitalized; };
  auto stop = [&](size_t t) {
    return t < limit && tokens_[t].fold == "." && tokens_[t].start == tokens_[t - 1].end;
  };
  if (k + 3 < limit && cap(k) && tokens_[k].fold.size() == 1 && stop(k + 1) && cap(k + 2) &&
      (tokens_[k + 2].fold.size() == 1 || tokens_[k + 2].fold == "va") && stop(k + 3)) {
    // "N.Y.", "W.Va."
    std::string pair = tokens_[k].fold + tokens_[k + 2].fold.substr(0, 1);
    if (kInitials.count(pair) == 0 && !(tokens_[k].fold == "w" && tokens_[k + 2].fold == "va")) {
      return comma;
    }
    k += 4;
  } else if (cap(k) && kFirstOfTwo.count(tokens_[k].fold) != 0 && cap(k + 1) &&
             (tokens_[k].fold != "new" || tokens_[k + 1].fold == "york" ||
              tokens_[k + 1].fold == "jersey" || tokens_[k + 1].fold == "mexico" ||
              tokens_[k + 1].fold == "hampshire") &&
             (tokens_[k].fold != "rhode" || tokens_[k + 1].fold == "island") &&
             (tokens_[k].fold == "new" || tokens_[k].fold == "rhode" ||
              tokens_[k + 1].fold == "carolina" || tokens_[k + 1].fold == "dakota" ||
              tokens_[k + 1].fold == "virginia")) {
    k += 2;  // "New Hampshire", "North Carolina"
  } else if (cap(k) && kAbbreviations.count(tokens_[k].fold) != 0 && stop(k + 1)) {
    k += 2;  // "Fla."
  } else if (cap(k) && kStates.count(tokens_[k].fold) != 0) {
    ++k;
  } else {
    return comma;
  }
  // The state ends the place: a comma, the sentence's end or a quotation mark follows.
  if (k < limit && tokens_[k].fold != "," && tokens_[k].fold != "." && tokens_[k].fold != ";" &&
      tokens_[k].fold != ")" && !quote_mark_[k] && !(tokens_[k - 1].fold == "." && k > comma + 2)) {
    return comma;
  }
  return k;
}

// "Experts on North Korea and nuclear nonproliferation said", "A Quinnipiac University poll
// released in late August found", "A 2014 study that appeared in the BMJ found": a described
// source whose head noun opens the sentence, then a prepositional phrase, a participle phrase
// or a short relative clause right up to the verb.
std::optional<Np> DocAnalysis::SubjectWithPhrase(const SentenceInfo& s, size_t cue_first) const {
  if (std::optional<Np> np = SubjectWithPhraseFrom(s.first, cue_first)) return np;
  // "Although Scott lacks an achievement, elected officials from both parties say ...": the
  // clause after the last comma before the verb.
  for (size_t k = cue_first; k > s.first + 1 && k + 14 > cue_first; --k) {
    if (tokens_[k - 1].fold == "," && !Blocked(k - 1)) {
      return SubjectWithPhraseFrom(k, cue_first);
    }
  }
  return std::nullopt;
}

std::optional<Np> DocAnalysis::SubjectWithPhraseFrom(size_t start, size_t cue_first) const {
  static const std::unordered_set<std::string_view> kPrepositions = {
      "on", "for", "at", "from", "with", "in", "of", "by"};  // "a 2014 study by Harvard found"
  // "the decision by the FBI to not recommend charges": an infinitive has no subject.
  size_t before = cue_first;
  while (before > start &&
         (tokens_[before - 1].fold == "not" || tokens_[before - 1].fold == "never")) {
    --before;
  }
  if (before > start && tokens_[before - 1].fold == "to") return std::nullopt;
  // "A reporter for USA Today spotted Stein and tweeted": a second verb after "and" has the
  // first verb's subject, not the words before it.
  if (before > start && (tokens_[before - 1].fold == "and" || tokens_[before - 1].fold == "but")) {
    return std::nullopt;
  }
  // "The city of Phoenix is demanding", "A group of donors has also asked": the phrase ends
  // before the auxiliaries and adverbs of the verb. Not a passive ("The city of Phoenix was
  // told").
  size_t verb_first = cue_first;
  bool be = false;
  auto verb_part = [&](const Token& t) {
    if (!t.word || t.capitalized) return false;
    const std::string& w = t.fold;
    if (IsFiniteAuxiliary(w) || w == "been" || w == "also" || w == "now" || w == "already" ||
        w == "still") {
      return true;
    }
    // An adverb; not a noun in "-ly" ("attorneys for the family said").
    return HasSuffix(w, "ly", 4) && !IsSourceNoun(w) && w != "rally" && w != "supply" &&
           w != "assembly";
  };
  while (verb_first > start + 3 && !Blocked(verb_first - 1) && verb_part(tokens_[verb_first - 1])) {
    be = be || IsBeForm(tokens_[verb_first - 1].fold);
    --verb_first;
  }
  if (be && !HasSuffix(tokens_[cue_first].fold, "ing", 4)) return std::nullopt;
  size_t i = start;
  while (i < cue_first && ((tokens_[i].word && IsDiscourseOpener(tokens_[i].fold)) ||
                           tokens_[i].fold == ",")) {
    ++i;
  }
  size_t head = i;
  size_t dots = 0;  // "A U.S. law enforcement official": a name's periods are no words
  while (head < verb_first && head < i + 6 + dots && !Blocked(head) &&
         !(tokens_[head].word && IsSourceNoun(tokens_[head].fold)) && !AnonymousHeadAt(head)) {
    const Token& t = tokens_[head];
    bool modifier = t.word && !IsSingleWordCue(t.fold) && t.fold != "he" && t.fold != "she" &&
                    t.fold != "they" && t.fold != "it" && t.fold != "we" &&
                    (IsDeterminer(t.fold) || IsSourceModifier(t.fold) || IsContentWord(t) ||
                     // "elected officials", "retired generals"
                     (head == i && HasSuffix(t.fold, "ed", 4)) ||
                     (t.capitalized && !IsNameStopword(t.base)) ||
                     std::isdigit(static_cast<unsigned char>(t.fold[0])) != 0);
    // "A U.S. official": the periods of a named modifier.
    if (!modifier && t.fold != "-" && t.fold != "/" && !mention_covering_[head]) {
      return std::nullopt;
    }
    dots += !t.word && mention_covering_[head];
    ++head;
  }
  // "opinion poll", "campaign spokesman": the last of two source nouns is the head.
  while (head + 1 < verb_first && tokens_[head].word && IsSourceNoun(tokens_[head].fold) &&
         tokens_[head + 1].word && IsSourceNoun(tokens_[head + 1].fold)) {
    ++head;
  }
  bool anonymous = head < verb_first && AnonymousHeadAt(head);
  if (head + 2 >= verb_first || !tokens_[head].word ||
      (!IsSourceNoun(tokens_[head].fold) && !anonymous) ||
      tokens_[head].fold != tokens_[head].base || verb_first - head > 12) {
    return std::nullopt;
  }
  const Token& link = tokens_[head + 1];
  // "released in late August", "published last year" — not "released an ad", where the
  // word is the sentence's own verb; "representing flight attendants".
  bool participle = !link.capitalized &&
                    ((HasSuffix(link.fold, "ed", 4) && tokens_[head + 2].word &&
                      IsAdjunctOpener(tokens_[head + 2].fold)) ||
                     (HasSuffix(link.fold, "ing", 4) && !IsSingleWordCue(link.fold)));
  bool relative = link.fold == "that" || link.fold == "which";
  bool knows = KnowsOfAt(head + 1);  // "a source familiar with the talks said"
  if (!link.word || (kPrepositions.count(link.fold) == 0 && !participle && !relative && !knows)) {
    return std::nullopt;
  }
  for (size_t k = head + 2; k < verb_first; ++k) {
    const Token& t = tokens_[k];
    // A hyphen inside a word ("post-debate") is part of the phrase; a spaced "--" or a dash
    // closes an aside the subject is not in.
    bool glued_hyphen = t.fold == "-" && k > 0 && tokens_[k - 1].end == t.start &&
                        k + 1 < tokens_.size() && tokens_[k + 1].start == t.end;
    // "a pastor puzzled about what Rubio believed": a clause of its own.
    if (Blocked(k) || (!t.word && !glued_hyphen) || t.fold == "that" || t.fold == "who" ||
        t.fold == "which" || t.fold == "what" || t.fold == "whether" || t.fold == "how" ||
        t.fold == "why" || IsFiniteAuxiliary(t.fold) || IsSingleWordCue(t.fold)) {
      return std::nullopt;
    }
    // "The former secretary of State began her speech by": a lower-case word right after a
    // name is its clause's verb, unless it is a noun of the phrase ("Harvard economists").
    if (k > head + 2 && tokens_[k - 1].word && tokens_[k - 1].capitalized && t.word &&
        !t.capitalized && kPrepositions.count(t.fold) == 0 && !IsDeterminer(t.fold) &&
        t.fold != "and" && !IsSourceNoun(t.fold) && !IsGroupNoun(t.fold) &&
        !IsTimeWord(t.fold)) {
      return std::nullopt;
    }
  }
  // "Former Secretary of State Madeleine Albright urged": a capitalised title and the person's
  // name; the person speaks. (Not "a spokesman for House Speaker Paul Ryan", "senators vented
  // about Sanders": the person is the object of a preposition.)
  if (int m = mention_ending_[verb_first];
      m >= 0 && PersonMention(m) && tokens_[head].capitalized) {
    bool title = true;
    for (size_t k = head + 1; k < m_.mentions[static_cast<size_t>(m)].first && title; ++k) {
      title = tokens_[k].capitalized || tokens_[k].fold == "of" || tokens_[k].fold == ".";
    }
    if (title) return std::nullopt;
  }
  Np np{i, verb_first, -1, ""};
  np.unnamed = true;
  return np;
}

// "X went ..., arguing that": the sentence's subject argues — unless someone else who could
// be speaking stands before `end` ("McConnell remains confident despite supporters such as
// Lindsey Graham, now saying ..."). Names inside quotation marks do not count.
// "House Speaker Paul Ryan", "Sen. Lamar Alexander": where the capitalised titles and
// honorifics before a name starting at `first` begin, not before `floor`.
size_t DocAnalysis::TitlesStart(size_t first, size_t floor) const {
  size_t at = first;
  while (at > floor && tokens_[at - 1].word && tokens_[at - 1].capitalized &&
         (IsTitleWord(tokens_[at - 1].base) || IsHonorific(tokens_[at - 1].base))) {
    --at;
  }
  if (at > floor + 1 && tokens_[at - 1].fold == "." && tokens_[at - 2].word &&
      IsHonorific(tokens_[at - 2].base)) {
    at -= 2;  // "Sen." with its full stop
  }
  return at;
}

// "Environmental groups granted Mr. Clarke an extension, saying", "Cruz attacked Trump,
// calling": the person right after the subject's past-tense verb is its object, not who says
// the participle after the comma. (After a preposition he may be: "slammed Obama ... for
// suggesting", "thanked Trump for backing".)
bool DocAnalysis::ObjectOfSubjectsVerb(const Np& subject, const EntityMention& mention) const {
  size_t at = TitlesStart(mention.first, subject.last);
  if (at != subject.last + 1) return false;  // the verb alone between
  const Token& verb = tokens_[subject.last];
  return verb.word && !verb.capitalized && !Blocked(subject.last) &&
         (HasSuffix(verb.fold, "ed", 3) || IsSingleWordCue(verb.fold));
}

std::optional<Np> DocAnalysis::ParticipleSubject(const SentenceInfo& s, size_t end,
                                                 bool after_comma) const {
  std::optional<Np> subject = SentenceSubject(s);
  if (!subject) return std::nullopt;
  int subject_entity =
      subject->mention >= 0 ? m_.mentions[static_cast<size_t>(subject->mention)].entity : -1;
  if (NewSubjectBetween(subject->last, end)) return std::nullopt;
  for (size_t k = subject->last; k < end; ++k) {
    int m = mention_starting_[k];
    if (m < 0 || Blocked(k)) continue;
    const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
    // "poked at Trump's sniffing, tweeting": an owner is no one who could be tweeting.
    const Token& last = tokens_[mention.last - 1];
    if (last.word && last.fold != last.base) continue;
    if (m_.entities[static_cast<size_t>(mention.entity)].type == "person" &&
        mention.entity != subject_entity &&
        !(after_comma && ObjectOfSubjectsVerb(*subject, mention))) {
      return std::nullopt;
    }
  }
  return subject;
}

// The phrase starting at token `first` is the object of a preposition that never links a
// source to its own description: "to (the) officials", "with business and political leaders".
bool DocAnalysis::ObjectOfPreposition(size_t first, size_t floor) const {
  // Not "of", "for", "in", "at", "by": "a spokesman for the campaign", "many of his
  // supporters", "a narrator in the ad" end in the described source's own phrase.
  static const std::unordered_set<std::string_view> kPrepositions = {
      "to", "with", "about", "between", "against", "like", "than", "toward", "towards"};
  if (first <= floor) return false;
  size_t k = first - 1;
  if ((tokens_[k].fold == "and" || tokens_[k].fold == "or") && !Blocked(k)) {
    // A coordinated phrase: look past up to three words of the phrase before "and".
    size_t words = 0;
    while (k > floor && words < 3 && tokens_[k - 1].word && !Blocked(k - 1) &&
           kPrepositions.count(tokens_[k - 1].fold) == 0 &&
           !IsFiniteAuxiliary(tokens_[k - 1].fold)) {
      --k;
      ++words;
    }
    if (k == floor || words == 0) return false;
    --k;
  }
  return tokens_[k].word && !Blocked(k) && kPrepositions.count(tokens_[k].fold) != 0;
}

// "A spokesman for Sen. Lamar Alexander said", "a commission appointed by President Bush
// estimated", "who worked for Sen. Alexander, ..., called it": a person named as the object of
// a preposition is not the subject of the verb after the phrase. True when `np` is such a
// person; `*head` is then the phrase it hangs from when that is a described source ("a
// spokesman for Sen. Alexander"), else nothing.
bool DocAnalysis::PersonAfterPreposition(const Np& np, size_t floor,
                                         std::optional<Np>* head) const {
  if (np.mention < 0) return false;
  const EntityMention& mention = m_.mentions[static_cast<size_t>(np.mention)];
  if (m_.entities[static_cast<size_t>(mention.entity)].type != "person") return false;
  // "footage of Hillary Clinton asking": the person is the participle's subject.
  if (np.last < tokens_.size() && HasSuffix(tokens_[np.last].fold, "ing", 4)) return false;
  size_t at = TitlesStart(np.first, floor);
  static const std::unordered_set<std::string_view> kLinks = {
      "for", "by", "with", "to", "of", "under", "against", "about", "than"};
  // "a campaign for Cruz or Rubio or Ben Carson said": the last of a list of names the
  // preposition governs.
  if (at > floor + 1 && (tokens_[at - 1].fold == "and" || tokens_[at - 1].fold == "or") &&
      !Blocked(at - 1)) {
    // Names and "or"/"and" only: a comma may close a clause ("the staff Trump assembled with
    // Lewandowski, and Trump refused"); the list opens with a person or an unknown name.
    size_t k = at - 1;
    for (size_t n = 0; k > floor && n < 16; ++n) {
      const Token& w = tokens_[k - 1];
      if (Blocked(k - 1) ||
          !(w.fold == "or" || w.fold == "and" || w.fold == "." || (w.word && w.capitalized))) {
        break;
      }
      --k;
    }
    int first_named = mention_starting_[k];
    bool person_first = first_named < 0
                            ? tokens_[k].word && tokens_[k].capitalized && !mention_covering_[k]
                            : PersonMention(first_named);
    // Not "of": "Johnny Isakson of Georgia and John Boozman of Arkansas said".
    if (k < at - 1 && person_first && k > floor && tokens_[k - 1].word &&
        kLinks.count(tokens_[k - 1].fold) != 0 && tokens_[k - 1].fold != "of" && !Blocked(k - 1)) {
      at = k;
    }
  }
  if (at <= floor || !tokens_[at - 1].word || kLinks.count(tokens_[at - 1].fold) == 0 ||
      Blocked(at - 1)) {
    return false;
  }
  head->reset();
  std::optional<Np> phrase = NpEndingAt(at - 1, floor);
  // "working on a campaign for Ben Carson said": the phrase is a preposition's object too.
  static const std::unordered_set<std::string_view> kGoverned = {
      "on", "in", "at", "for", "with", "to", "of", "by", "about", "from", "into", "against"};
  if (phrase && phrase->first > floor && tokens_[phrase->first - 1].word &&
      kGoverned.count(tokens_[phrase->first - 1].fold) != 0) {
    phrase.reset();
  }
  if (phrase && phrase->unnamed) {
    phrase->last = np.last;
    *head = phrase;
  }
  return true;
}

// The subject of the speech verb at cue_first: an adjacent name or pronoun on its left, past
// auxiliaries, adverbs and one appositive ("Dario Amodei, CEO of Anthropic, thinks").
std::optional<Np> DocAnalysis::LeftSubject(const SentenceInfo& s, size_t cue_first,
                                           bool participle, bool after_be) const {
  std::optional<Np> np = NearestLeftSubject(s, cue_first, participle, after_be);
  if (std::optional<Np> head; np && PersonAfterPreposition(*np, s.first, &head)) return head;
  // "hosts an MSNBC show", "freshly filed Federal Election Commission reports that": a name
  // after "a", "an" or a participle modifies a noun, and the cue word is that noun; "told
  // NBC's Today show" names who heard it.
  if (np && np->unnamed && np->first >= s.first + 2 && tokens_[np->first - 1].fold == "in" &&
      mention_ending_[np->first - 1] >= 0) {
    // "Jeb Bush in a Medium post said": the post is where; the person before it speaks.
    int m = mention_ending_[np->first - 1];
    const EntityMention& named = m_.mentions[static_cast<size_t>(m)];
    if (named.first >= s.first && m_.entities[static_cast<size_t>(named.entity)].type == "person") {
      return Np{named.first, named.last, m, ""};
    }
  }
  if (np && np->mention >= 0) {
    // "the organizer of a pro-Trump rally said", "a Trump-backed group said": a name glued to
    // a hyphen is part of a modifier, never who speaks.
    const EntityMention& m = m_.mentions[static_cast<size_t>(np->mention)];
    // (Not "Mark-Viverito": a capitalised word on the hyphen's other side makes one name.)
    bool glued_before = m.first > s.first + 1 && tokens_[m.first - 1].fold == "-" &&
                        tokens_[m.first - 1].end == tokens_[m.first].start &&
                        tokens_[m.first - 2].word && !tokens_[m.first - 2].capitalized &&
                        tokens_[m.first - 2].end == tokens_[m.first - 1].start;
    bool glued_after = m.last + 1 < s.last && tokens_[m.last].fold == "-" &&
                       tokens_[m.last - 1].end == tokens_[m.last].start &&
                       tokens_[m.last + 1].word && !tokens_[m.last + 1].capitalized &&
                       tokens_[m.last].end == tokens_[m.last + 1].start;
    if (glued_before || glued_after) return std::nullopt;
  }
  if (np && np->mention >= 0 && np->first > s.first) {
    const Token& w = tokens_[np->first - 1];
    if (w.fold == "a" || w.fold == "an" ||
        (w.word && !w.capitalized && HasSuffix(w.fold, "ed", 4) && !IsVerbFiller(w.fold)) ||
        IsTell(w.fold) || w.fold == "asked" || w.fold == "asks" || w.fold == "urged" ||
        w.fold == "thanked") {
      return std::nullopt;
    }
  }
  // "the examples that critics point to": "that" opens a relative clause about the examples, and
  // what the critics point to is those, not a statement. After a verb or adjective ("said that
  // critics argue", "obvious that voters want") it is a conjunction, not part of the source.
  if (np && np->unnamed && np->first < np->last && tokens_[np->first].fold == "that") {
    static const std::unordered_set<std::string_view> kTakesThat = {
        "said", "says", "say", "argued", "argues", "claimed", "claims", "believe", "believes",
        "noted", "notes", "obvious", "clear", "evident", "likely", "true", "apparent", "possible",
        "suggests", "suggested", "shows", "showed", "found", "finds", "think", "thinks",
        "thought", "added", "adds", "warned", "warns", "insisted", "know", "knows", "knew",
        "means", "meant", "reported", "reports", "wrote", "writes", "is", "was", "so"};
    bool conjunction = np->first > s.first && kTakesThat.count(tokens_[np->first - 1].fold) != 0;
    if (!conjunction) return std::nullopt;
    ++np->first;
  }
  // "The only other action would be more government support for research": a phrase right
  // after a form of "be" is its complement, and the cue word a noun in it.
  if (np && np->unnamed && !np->relative && np->first > s.first &&
      IsBeForm(tokens_[np->first - 1].fold)) {
    return std::nullopt;
  }
  // "The group asked whether candidates supported the act": a question about a position, not
  // one taken.
  if (np && np->first > s.first && !np->relative &&
      (tokens_[np->first - 1].fold == "whether" || tokens_[np->first - 1].fold == "if")) {
    return std::nullopt;
  }
  return np;
}

// "He's believed to want", "they're expected to": a pronoun with a contracted "is" or "are"
// before a passive verb. The subject is spoken about. ("He's said the same thing", "she's
// wanted to": "has".) `cue_first` is the verb; the caller checks there is a word each side.
bool DocAnalysis::ContractedPassive(size_t cue_first) const {
  size_t b = cue_first - 1;  // "he's widely believed to": past an adverb or two
  while (b > 0 && cue_first - b <= 2 && tokens_[b].word && HasSuffix(tokens_[b].fold, "ly", 3)) --b;
  const Token& before = tokens_[b];
  const std::string& verb = tokens_[cue_first].fold;
  bool participle =
      HasSuffix(verb, "ed", 3) || HasSuffix(verb, "n", 3) || verb == "said" || verb == "thought";
  if (SubjectPronoun(before).empty() || !participle) return false;
  if (HasSuffix(before.fold, "'re", 3)) return true;
  static const std::unordered_set<std::string_view> kRaising = {
      "said",       "believed", "thought",    "reported", "expected", "rumored",   "known",
      "considered", "seen",     "understood", "alleged",  "supposed", "estimated", "reputed"};
  return HasSuffix(before.fold, "'s", 2) && kRaising.count(verb) != 0 &&
         tokens_[cue_first + 1].fold == "to";
}

std::optional<Np> DocAnalysis::NearestLeftSubject(const SentenceInfo& s, size_t cue_first,
                                                  bool participle, bool after_be) const {
  if (std::optional<Np> np = SubjectWithPhrase(s, cue_first)) return np;
  if (!participle && !after_be && cue_first > s.first && cue_first + 1 < s.last &&
      ContractedPassive(cue_first)) {
    return std::nullopt;
  }
  if (participle) {
    // "The Security Council issued a statement calling ...": the document is the object of
    // the sentence's verb; its subject speaks through it.
    static const std::unordered_set<std::string_view> kDocuments = {
        "statement", "letter", "memo", "report", "ad", "video", "release", "filing",
        "lawsuit", "complaint", "editorial", "tweet", "post", "message", "email", "order"};
    std::optional<Np> object = NpEndingAt(cue_first, s.first);
    if (object && object->unnamed && object->first > s.first && tokens_[object->first - 1].word &&
        kDocuments.count(tokens_[object->last - 1].fold) != 0) {
      std::optional<Np> subject = ParticipleSubject(s, object->first);
      if (subject && subject->last < object->first) return subject;
    }
  }
  size_t i = cue_first;
  int fillers = 0;
  size_t described_end = 0;  // end of a parenthesis after the name: part of the source phrase
  while (i > s.first) {
    if (std::optional<Np> np = NpEndingAt(i, s.first)) {
      // "A slide they show to business and political leaders shows ...": described people
      // after a preposition are its object, and the subject is further left.
      if (np->unnamed && ObjectOfPreposition(np->first, s.first)) return std::nullopt;
      // "the leading candidates for president found": the phrase is the head's, not the
      // preposition's object's.
      if (np->unnamed && np->first > s.first + 1 &&
          (tokens_[np->first - 1].fold == "for" || tokens_[np->first - 1].fold == "of")) {
        if (std::optional<Np> head = UnnamedEndingAt(np->first - 1, s.first)) {
          head->last = np->last;
          return head;
        }
      }
      if (np->mention >= 0 && !np->relative) np->last = std::max(np->last, described_end);
      return np;
    }
    const Token& t = tokens_[i - 1];
    // "X said: “...,” adding that ...": the comma inside the closing quotation mark.
    if (participle && i == cue_first && i >= s.first + 2 && quote_mark_[i - 1] &&
        tokens_[i - 2].fold == ",") {
      return ParticipleSubject(s, i - 1);
    }
    // "Dean began by saying he would never ...", "after saying that ...": the subject says
    // it, when the subject is a person or a pronoun.
    if (participle && i == cue_first && i > s.first && t.word && IsParticiplePreposition(t.fold)) {
      std::optional<Np> subject = ParticipleSubject(s, i - 1);
      // "Byrne gives an account of Clinton telling one agent to ..., while telling another
      // to ...": after a participle with a subject of its own, the second one's is unclear.
      for (size_t k = subject ? subject->last + 1 : s.first + 1; k + 1 < i; ++k) {
        if (tokens_[k].word && !tokens_[k].capitalized && HasSuffix(tokens_[k].fold, "ing", 4) &&
            tokens_[k - 1].word && tokens_[k - 1].capitalized &&
            !IsNameStopword(tokens_[k - 1].base)) {
          return std::nullopt;
        }
      }
      if (subject && (!subject->pronoun.empty() || PersonMention(subject->mention))) {
        return subject;
      }
      return std::nullopt;
    }
    if (Blocked(i - 1)) return std::nullopt;
    // "Donald Trump - who previously said ... - said": a hyphen with spaces is a dash.
    bool spaced = SpacedHyphen(i - 1);
    if (!participle && i == cue_first && !t.word &&
        (IsDash(t.fold) || spaced ||
         (t.fold == "-" && i >= s.first + 2 && tokens_[i - 2].fold == "-"))) {
      // "Aaron Kall -- co-editor of a book on the debates -- said": an aside between dashes.
      bool double_hyphen = t.fold == "-" && !spaced;
      size_t k = double_hyphen ? i - 2 : i - 1;
      while (k > s.first && k + 40 > i && !Blocked(k - 1) &&
             !(double_hyphen
                   ? (tokens_[k - 1].fold == "-" && k >= s.first + 2 && tokens_[k - 2].fold == "-")
                   : DashAt(k - 1))) {
        --k;
      }
      size_t open = double_hyphen ? k - 2 : k - 1;
      if (k <= s.first || open <= s.first) return std::nullopt;
      std::optional<Np> np = NpEndingAt(open, s.first);
      if (!np || !PersonMention(np->mention)) {
        return std::nullopt;
      }
      np->last = i;
      return np;
    }
    if (!participle && i == cue_first && t.word && !IsVerbFiller(t.fold)) {
      // "McConnell, who in 2010 said ...": a short adjunct between "who" and the verb.
      for (size_t k = i - 1; k > s.first && k + 5 > i; --k) {
        if (tokens_[k - 1].fold == "who" && tokens_[k].word && IsAdjunctOpener(tokens_[k].fold)) {
          i = k;
          break;
        }
        if (!tokens_[k - 1].word || Blocked(k - 1) || IsSingleWordCue(tokens_[k - 1].fold)) break;
      }
      if (i != cue_first) continue;
    }
    if (t.word && t.fold == "whom" && !participle && i == cue_first && i >= s.first + 4 &&
        tokens_[i - 2].fold == "of" && IsDeterminer(tokens_[i - 3].fold) &&
        tokens_[i - 4].fold == ",") {
      // "family members of 9/11 victims, many of whom say": part of the group before speaks.
      std::optional<Np> group = NpEndingAt(i - 4, s.first);
      if (!group) {
        for (size_t k = i - 4; k > s.first && k + 10 > i && !group; --k) {
          if (std::optional<Np> u = UnnamedStartingAt(k - 1, i - 4); u && u->last == i - 4) {
            group = u;
          }
        }
      }
      if (!group) return std::nullopt;
      // The source phrase names the group: "family members of 9/11 victims, many of whom".
      Np np{group->first, i, group->mention, ""};
      np.unnamed = group->mention < 0;
      np.relative = true;
      return np;
    }
    if (t.word && (t.fold == "him" || t.fold == "her" || t.fold == "them") && !participle &&
        i == cue_first && i >= s.first + 3 && tokens_[i - 2].fold == "to" &&
        tokens_[i - 3].fold == "close" && i >= s.first + 4 &&
        (tokens_[i - 4].fold == "those" || tokens_[i - 4].fold == "people" ||
         tokens_[i - 4].fold == "sources")) {
      // "Those close to him say": a described source, never the person it is close to.
      size_t first = i - 4;
      if (first > s.first && IsDeterminer(tokens_[first - 1].fold)) --first;
      Np np{first, i, -1, ""};
      np.unnamed = true;
      return np;
    }
    if (t.word && t.fold == "who" && !participle && i >= s.first + 2 &&
        tokens_[i - 2].fold != "," && !DashAt(i - 2)) {
      // "some economists who argue that": a described group and its restrictive relative
      // clause; the source phrase runs through "who", as with "many of whom".
      std::optional<Np> group = UnnamedEndingAt(i - 1, s.first);
      if (!group) {
        // "an architect who said", "a woman who told": "who" is said of people, so an article
        // or a quantifier and up to three lower-case words before it are a person described.
        static const std::unordered_set<std::string_view> kOpeners = {
            "a", "an", "the", "some", "many", "several", "few", "two", "three", "other"};
        for (size_t k = i - 1; k + 4 >= i && k > s.first; --k) {
          const Token& w = tokens_[k - 1];
          if (!w.word || Blocked(k - 1)) break;
          if (kOpeners.count(w.fold) != 0) {
            // Only as an object ("paying an architect who said"): a subject's relative
            // clause runs into the main verb ("A woman who said she was a nurse told ...").
            if (k - 1 > s.first && tokens_[k - 2].word && !tokens_[k - 2].capitalized) {
              group = Np{k - 1, i, -1, ""};
            }
            break;
          }
          if (w.capitalized || IsFiniteAuxiliary(w.fold) || IsDeterminer(w.fold) ||
              IsPrepositionBeforeName(w.fold) || IsSingleWordCue(w.fold) ||
              HasSuffix(w.fold, "ly", 3)) {
            break;
          }
        }
      }
      if (!group) return std::nullopt;
      Np np{group->first, i, -1, ""};
      np.unnamed = true;
      np.relative = true;
      return np;
    }
    if (t.word && t.fold == "who" && !participle) {
      // "Jane Roe, who argued that": the relative pronoun speaks for its antecedent ("Jane
      // Roe - who argued" too).
      if (i < s.first + 3 || (tokens_[i - 2].fold != "," && !DashAt(i - 2))) {
        return std::nullopt;
      }
      if (tokens_[i - 2].fold != ",") {
        // Only an opening dash: in "candidates — like Donald Trump — who say" it closes an
        // aside, and "who" is the candidates'.
        for (size_t k = i - 2; k > s.first && k + kMaxAppositiveTokens > i; --k) {
          if (DashAt(k - 1)) return std::nullopt;
        }
      }
      std::optional<Np> antecedent = NpEndingAt(i - 2, s.first);
      if (!antecedent || antecedent->mention < 0) {
        // "McConnell, now the Senate majority leader, who ...": past the description.
        size_t comma = i - 2;
        size_t j = comma;
        while (j > s.first && comma - j < kMaxAppositiveTokens && tokens_[j - 1].fold != "," &&
               !Blocked(j - 1)) {
          --j;
        }
        antecedent.reset();
        if (j > s.first + 1 && tokens_[j - 1].fold == "," &&
            (LooksLikeAppositive(j, comma) || DescribesPerson(j, comma))) {
          antecedent = NpEndingAt(j - 1, s.first);
        }
        if (!antecedent || antecedent->mention < 0) return std::nullopt;
      }
      // "said a longtime adviser to Trump, who declined to be identified": after a person's
      // description and a preposition, "who" may as well stand for the person described.
      size_t named = m_.mentions[static_cast<size_t>(antecedent->mention)].first;
      // ("an article by Gabriel Sherman, who reported" is Sherman's.)
      if (named > s.first + 1 && tokens_[named - 1].word && tokens_[named - 1].fold != "by" &&
          IsPrepositionBeforeName(tokens_[named - 1].fold) && tokens_[named - 2].word &&
          (IsSourceNoun(tokens_[named - 2].fold) || IsTitleWord(tokens_[named - 2].fold))) {
        return std::nullopt;
      }
      Np np{i - 1, i, antecedent->mention, ""};
      np.relative = true;
      return np;
    }
    if (t.fold == ")" && !participle) {
      // "Rep. Gwen Moore (D-Wis.) said", "Acme (NYSE: ACME) said": a short aside in
      // parentheses between the name and its verb.
      size_t j = i - 1;
      while (j > s.first && i - 1 - j <= kMaxParenTokens && tokens_[j - 1].fold != "(" &&
             tokens_[j - 1].fold != ")" && !Blocked(j - 1)) {
        --j;
      }
      if (j <= s.first || tokens_[j - 1].fold != "(" || i - 1 - j > kMaxParenTokens) {
        return std::nullopt;
      }
      described_end = std::max(described_end, i);
      i = j - 1;
      continue;
    }
    if (t.word && (IsVerbFiller(t.fold) || IsTimeWord(t.fold)) && fillers < 4) {
      // "He was accused of", "has been criticized": the subject is spoken about, not speaking.
      if (IsBeForm(t.fold) && !participle && !after_be) return std::nullopt;
      ++fillers;
      --i;
      continue;
    }
    if (t.fold == ",") {
      if (participle) return ParticipleSubject(s, i, /*after_comma=*/true);
      // "A lawyer for the outlets, David Schulz, said": a description, then the name between
      // commas right before the verb. Not a list ("Toner, Amodei, said").
      if (described_end == 0) {
        size_t k = i - 1;  // the comma before the verb
        size_t j = k;
        while (j > s.first && k - j < 6 && tokens_[j - 1].fold != "," && !Blocked(j - 1)) --j;
        // "Trump's running mate, Indiana Gov. Mike Pence, plans": a title before the name.
        size_t name = j;
        while (name < k && mention_starting_[name] < 0 &&
               ((tokens_[name].word && tokens_[name].capitalized) || tokens_[name].fold == ".")) {
          ++name;
        }
        if (name < k && name > j && mention_starting_[name] >= 0) {
          bool titled = false;
          for (size_t t = j; t < name; ++t) titled = titled || IsTitleWord(tokens_[t].base);
          if (!titled) name = j;
        } else {
          name = j;
        }
        int m = name < k ? mention_starting_[name] : -1;
        if (m >= 0 && j > s.first + 1 && tokens_[j - 1].fold == ",") {
          const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
          std::optional<Np> before = NpEndingAt(j - 1, s.first);
          bool listed = before && before->mention >= 0;
          if (mention.last == k && !listed &&
              m_.entities[static_cast<size_t>(mention.entity)].type == "person") {
            // The description is the source's too: "The director of the European Centre, Ina
            // Kirsch, told the AP her group ..." reports nothing before the name.
            size_t d = j - 1;
            // ("Aug 31 (Reuters) - France's party leader, Marine Le Pen,": not the dateline.)
            while (d > s.first && j - 1 - d < kMaxAppositiveTokens && tokens_[d - 1].fold != "," &&
                   !Blocked(d - 1) && !DashAt(d - 1) && tokens_[d - 1].fold != ")" &&
                   !(tokens_[d - 1].fold == "-" && d >= 2 && tokens_[d - 2].fold == "-")) {
              --d;
            }
            while (d + 1 < j && tokens_[d].word && IsDiscourseOpener(tokens_[d].fold)) ++d;
            return Np{d, k, m, ""};
          }
        }
      }
      // Up to five descriptions: "X, the foreign minister of France, a member of ..., said",
      // "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said".
      size_t comma = i - 1;
      // "Jean-Marc Ayrault, the foreign minister of France, a member of ..., said": a
      // described source between commas is only taken when no name stands before it.
      std::optional<Np> described;
      for (int segment = 0; segment < 5; ++segment) {
        size_t j = comma;
        while (j > s.first && comma - j < kMaxAppositiveTokens && tokens_[j - 1].fold != "," &&
               !Blocked(j - 1)) {
          --j;
        }
        if (j <= s.first || tokens_[j - 1].fold != ",") break;
        // "a delegate from Houston, Texas, said": a state after its city's comma is the rest of
        // the place's name, not a description of its own.
        bool state = j >= s.first + 2 && tokens_[j - 2].word && tokens_[j - 2].capitalized &&
                     comma - j <= 3;
        for (size_t k = j; k < comma && state; ++k) {
          state = (tokens_[k].word && tokens_[k].capitalized && !mention_covering_[k]) ||
                  (tokens_[k].fold == "." && k > j);
        }
        if (state && segment < 4) {
          comma = j - 1;
          continue;
        }
        // "Rep. Gregory W. Meeks (D-N.Y.), chairman of ...,": a parenthesis before the comma.
        size_t name_end = j - 1;
        if (name_end > s.first + 2 && tokens_[name_end - 1].fold == ")") {
          size_t open = name_end - 1;
          while (open > s.first && name_end - 1 - open <= kMaxParenTokens &&
                 tokens_[open - 1].fold != "(") {
            --open;
          }
          if (open > s.first && tokens_[open - 1].fold == "(") name_end = open - 1;
        }
        std::optional<Np> np = NpEndingAt(name_end, s.first);
        if (!np) np = PersonOfPlaceEndingAt(s, name_end);  // "Tom Cole of Oklahoma, an ally"
        // After a person's name almost any short phrase between commas describes the person
        // ("Dianne Feinstein, Democrat of California, said"; "Jimmy Tompkins, 31, said").
        bool person = np && !np->relative && PersonMention(np->mention);
        if (!LooksLikeAppositive(j, comma) && !(person && DescribesPerson(j, comma))) break;
        if (np && np->unnamed && !described) {
          described = np;
          described->last = std::max({np->last, i - 1, described_end});
        } else if (np && !np->unnamed) {
          // The source phrase is the name with what the text says of it: "Jane Roe, a
          // lawyer at Acme,". The entity stays the name's.
          if (!np->pronoun.empty() || np->relative) return np;
          np->last = std::max({np->last, i - 1, described_end});
          return np;
        }
        comma = j - 1;
      }
      return described;
    }
    if (t.word && (t.fold == "and" || t.fold == "but")) {
      // A coordinated verb phrase: "She has ..., and has expressed that".
      std::optional<Np> subject = SentenceSubject(s);
      if (!subject) return std::nullopt;
      if (CoordinatedAfterModalClause(subject->last, i - 1, cue_first)) return subject;
      for (size_t k = subject->last; k + 1 < i; ++k) {
        // "she called Wells Fargo's behavior “outrageous” and called for ...": an owner is
        // no subject the second verb could have.
        // "Rendell, a Clinton surrogate, said ... and called": nor is a name that qualifies
        // a noun.
        bool owner = false;
        if (int m = mention_starting_[k]; m >= 0) {
          const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
          const Token& end = tokens_[mention.last - 1];
          owner = (end.word && end.fold != end.base) || NameModifiesNoun(mention);
        }
        if ((mention_starting_[k] >= 0 && !owner) || tokens_[k].fold == "that" ||
            tokens_[k].fold == "who" || tokens_[k].fold == "which" || tokens_[k].fold == "he" ||
            tokens_[k].fold == "she") {
          return std::nullopt;
        }
      }
      return subject;
    }
    if (participle) return std::nullopt;
    if (std::optional<Np> np = PersonOfPlaceEndingAt(s, i)) return np;
    return PlainSubjectEndingAt(s, i, cue_first);
  }
  return std::nullopt;
}

// "Rep. Tom Cole of Oklahoma said", "Stacy Baker of Columbia, South Carolina, says": a person
// and the place the text gives after "of" or "from", a name nothing took for an entity.
std::optional<Np> DocAnalysis::PersonOfPlaceEndingAt(const SentenceInfo& s, size_t end) const {
  size_t k = end;
  if (k > s.first && tokens_[k - 1].fold == ",") --k;  // "of Columbia, South Carolina, says"
  int words = 0;
  bool comma = false;
  while (k > s.first && words < 5) {
    const Token& t = tokens_[k - 1];
    if (Blocked(k - 1)) return std::nullopt;
    if (t.word && t.capitalized && !mention_covering_[k - 1] && t.fold == t.base) {
      ++words;
    } else if (t.fold == "." && k - 1 > s.first && tokens_[k - 2].word &&
               tokens_[k - 2].capitalized) {
      // "Md.", "N.Y.": an abbreviation's full stop
    } else if (t.fold == "," && !comma && words > 0) {
      comma = true;
    } else {
      break;
    }
    --k;
  }
  if (words == 0 || k <= s.first + 1 || !tokens_[k].word) return std::nullopt;
  if (tokens_[k - 1].fold != "of" && tokens_[k - 1].fold != "from") return std::nullopt;
  int m = mention_ending_[k - 1];
  if (m < 0) return std::nullopt;
  const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
  if (mention.first < s.first ||
      m_.entities[static_cast<size_t>(mention.entity)].type != "person") {
    return std::nullopt;
  }
  // "aides to Gov. Chris Christie of New Jersey ... and Gov. John R. Kasich of Ohio, ..., said":
  // the last of a list that is a preposition's object is not who speaks.
  size_t before = mention.first;
  while (before > s.first && (tokens_[before - 1].fold == "." ||
                              (tokens_[before - 1].word && tokens_[before - 1].capitalized &&
                               (IsTitleWord(tokens_[before - 1].base) ||
                                IsHonorific(tokens_[before - 1].fold))))) {
    --before;
  }
  if (before > s.first && (tokens_[before - 1].fold == "and" || tokens_[before - 1].fold == "or")) {
    for (size_t j = before - 1; j > s.first && j + kMaxAppositiveTokens > before; --j) {
      const Token& w = tokens_[j - 1];
      // ("Sens. Johnny Isakson of Georgia and John Boozman of Arkansas": a place's "of".)
      bool place = (w.fold == "of" || w.fold == "from") && tokens_[j].word &&
                   tokens_[j].capitalized;
      if (Blocked(j - 1)) break;
      if (w.word && IsPrepositionBeforeName(w.fold) && !place) return std::nullopt;
    }
  }
  Np np{mention.first, end, m, ""};
  return np;
}

// "Traders say business is poor", "The budget office said", "Almost half said", "Six in 10
// say": a plain noun phrase that opens the clause right before a verb of saying is its
// source, though its head is no source noun of the lexicon. A singular head needs its
// determiner ("The plan said", not "Business said").
std::optional<Np> DocAnalysis::PlainSubjectEndingAt(const SentenceInfo& s, size_t end,
                                                    size_t cue_first) const {
  static const std::unordered_set<std::string_view> kSays = {
      "say",    "says",    "said",     "told",    "tell",     "tells",    "argue", "argues",
      "argued", "believe", "believes", "think",   "thinks",   "warn",     "warns", "warned",
      "insist", "insists", "insisted", "predict", "predicts", "predicted"};
  static const std::unordered_set<std::string_view> kQuantities = {
      "half", "third",   "quarter", "majority", "majorities", "most",
      "many", "several", "others",  "few",      "both",       "some"};
  if (!kSays.count(tokens_[cue_first].fold) || end <= s.first) return std::nullopt;
  size_t head = end - 1;
  const Token& h = tokens_[head];
  if (!h.word || Blocked(head) || h.capitalized || IsTimeWord(h.fold) || IsVerbFiller(h.fold)) {
    return std::nullopt;
  }
  bool quantity = kQuantities.count(h.fold) != 0;
  // "Six in 10", "nine out of 10": a share of those asked.
  bool share = h.fold == "10" && head >= s.first + 2 &&
               (tokens_[head - 1].fold == "in" || tokens_[head - 1].fold == "of");
  if (!quantity && !share && !IsContentWord(h)) return std::nullopt;
  bool plural = quantity || share ||
                (HasSuffix(h.fold, "s", 4) && !HasSuffix(h.fold, "ss", 3) &&
                 !HasSuffix(h.fold, "us", 3) && !HasSuffix(h.fold, "is", 3));
  size_t first = head;
  bool determiner = false;
  if (share) {
    first = head - 1;
    if (first > s.first && tokens_[first].fold == "of" && tokens_[first - 1].fold == "out") --first;
    if (first > s.first) --first;  // the number before "in" or "out of"
  }
  for (int steps = 0; first > s.first && steps < 4; ++steps) {
    const Token& p = tokens_[first - 1];
    if (!p.word || Blocked(first - 1)) break;
    if (mention_covering_[first - 1]) {
      // "Chinese traders": a place's name or people modifies the head; "Powell's office": an
      // owner's name is its determiner.
      int m = mention_ending_[first];
      if (determiner || m < 0) break;
      const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
      bool owner = p.fold != p.base;
      if (!owner && m_.entities[static_cast<size_t>(mention.entity)].type != "place") break;
      first = mention.first;
      if (owner) {
        determiner = true;
        break;
      }
      continue;
    }
    if (IsDeterminer(p.fold) || p.fold == "nearly" || p.fold == "almost" || p.fold == "about" ||
        p.fold == "just" || p.fold == "only" || p.fold == "roughly") {
      --first;
      determiner = determiner || IsDeterminer(p.fold);
      continue;
    }
    if (determiner || !(IsContentWord(p) || IsSourceModifier(p.fold) ||
                        (p.capitalized && !IsNameStopword(p.base)))) {
      break;
    }
    --first;
  }
  if (!plural && !determiner) return std::nullopt;
  // The verb agrees: "a progressive think tank" has no verb "think".
  const std::string& verb = tokens_[cue_first].fold;
  bool base_form = verb == "say" || verb == "tell" || verb == "argue" || verb == "believe" ||
                   verb == "think" || verb == "warn" || verb == "insist" || verb == "predict";
  bool s_form = verb.back() == 's';
  if (!quantity && !share && ((!plural && base_form) || (plural && s_form))) return std::nullopt;
  // The phrase opens the sentence, or follows an opening adjunct and its comma ("In the
  // free-trade zone, traders say").
  size_t open = first;
  while (open > s.first && open + 4 > first && tokens_[open - 1].word &&
         IsDiscourseOpener(tokens_[open - 1].fold)) {
    --open;
  }
  if (open > s.first) {
    // An opening adjunct is short (and a giant sentence stays linear).
    if (tokens_[open - 1].fold != "," || open - s.first > 24) return std::nullopt;
    for (size_t k = s.first; k + 1 < open; ++k) {
      const Token& t = tokens_[k];
      if (Blocked(k) || (t.word && (IsFiniteAuxiliary(t.fold) || IsSingleWordCue(t.fold) ||
                                    (!t.capitalized && HasSuffix(t.fold, "ed", 4))))) {
        return std::nullopt;
      }
    }
  }
  Np np{first, end, -1, ""};
  np.unnamed = true;
  return np;
}

// A position named by a noun its holder owns: "her main point is that ...", "Toner's argument
// is that ...", "Trump's claim that ...", "his promise to ...", "Obama's call for ...",
// "Sacks's criticism of ...". The owner is the source; what follows the link is the content.
std::optional<Attribution> DocAnalysis::CueNounAttribution(const SentenceInfo& s) const {
  // The link each noun takes, when the noun alone is not enough ("her claim that").
  static const std::unordered_map<std::string_view, std::vector<std::string_view>> kLinked = {
      {"claim", {"that"}},          {"assertion", {"that"}},       {"insistence", {"that"}},
      {"argument", {"that"}},       {"contention", {"that"}},      {"suggestion", {"that"}},
      {"warning", {"that"}},        {"belief", {"that"}},          {"view", {"that"}},
      {"allegation", {"that"}},     {"accusation", {"that"}},      {"charge", {"that"}},
      {"prediction", {"that"}},     {"denial", {"that"}},          {"conclusion", {"that"}},
      {"promise", {"that", "to"}},  {"pledge", {"that", "to"}},    {"vow", {"to"}},
      {"refusal", {"to"}},          {"decision", {"to"}},          {"threat", {"to"}},
      {"plan", {"to", "for"}},      {"proposal", {"to", "for"}},   {"call", {"for"}},
      {"calls", {"for"}},           {"demand", {"for", "that"}},   {"push", {"for"}},
      {"criticism", {"of"}},        {"critique", {"of"}},          {"attacks", {"on"}},
      {"attack", {"on"}},           {"support", {"for"}},          {"opposition", {"to"}},
      {"endorsement", {"of"}},      {"praise", {"for"}},           {"comments", {"about", "on"}},
      {"remarks", {"about", "on"}}, {"condemnation", {"of"}},      {"defense", {"of"}}};
  for (size_t i = s.first; i + 2 < s.last; ++i) {
    if (!tokens_[i].word || Blocked(i)) continue;
    const std::string& next = tokens_[i + 1].fold;
    size_t cue_last = 0;
    std::string cue;
    if (IsCueNoun(tokens_[i].base) && (next == "is" || next == "was") &&
        tokens_[i + 2].fold == "that") {
      cue_last = i + 2;
      cue = tokens_[i].fold + " " + next;
    } else if (auto linked = kLinked.find(tokens_[i].fold); linked != kLinked.end() &&
               std::find(linked->second.begin(), linked->second.end(), next) !=
                   linked->second.end()) {
      // "refusal to release", not "threat to Eastern Europe" (only "opposition to" takes a
      // noun after "to").
      if (next == "to" && tokens_[i].fold != "opposition" &&
          (!tokens_[i + 2].word || tokens_[i + 2].capitalized ||
           IsDeterminer(tokens_[i + 2].fold))) {
        continue;
      }
      // "claim that" keeps "that" as the complementiser; "criticism of" takes the link.
      bool clause = next == "that" || (next == "to" && tokens_[i].fold != "opposition");
      cue_last = clause ? i + 1 : i + 2;
      cue = clause ? tokens_[i].fold : tokens_[i].fold + " " + next;
    } else {
      continue;
    }
    // The owner right before the noun, or before up to two modifiers ("his latest claim").
    for (size_t back = 1; back <= 3 && back <= i - s.first; ++back) {
      const Token& owner = tokens_[i - back];
      if (back > 1 && !(tokens_[i - back + 1].word && !tokens_[i - back + 1].capitalized &&
                        IsContentWord(tokens_[i - back + 1]))) {
        break;
      }
      Attribution a;
      a.cue_first = i;
      a.cue_last = cue_last;
      a.cue = cue;
      if (owner.word && (owner.fold == "her" || owner.fold == "his" || owner.fold == "their")) {
        a.speaker = Np{i - back, i - back + 1, -1,
                       owner.fold == "her" ? "she" : owner.fold == "his" ? "he" : "they"};
        return a;
      }
      if (owner.word && owner.fold != owner.base) {
        int m = mention_ending_[i - back + 1];
        if (m >= 0 && m_.mentions[static_cast<size_t>(m)].first >= s.first) {
          a.speaker = Np{m_.mentions[static_cast<size_t>(m)].first, i - back + 1, m, ""};
          return a;
        }
      }
    }
  }
  return std::nullopt;
}

// "A, X said." / "A, said X." / "A, according to X.": an attribution that closes the
// sentence after a comma frames everything before it, including other cues ("officials felt
// that ..., said Mr. Barrett").
bool DocAnalysis::ClosesSentence(const SentenceInfo& s, const Attribution& a) const {
  size_t src_first = std::min(a.speaker.first, a.cue_first);
  size_t src_last = std::max(a.speaker.last, a.cue_last);
  if (src_first <= s.first + 2) return false;
  const Token& before = tokens_[src_first - 1];
  if (before.fold != "," && !quote_mark_[src_first - 1]) return false;
  size_t words = 0;
  for (size_t k = src_last; k < s.last; ++k) {
    if (Blocked(k) || tokens_[k].fold == "that") return false;
    words += tokens_[k].word;
  }
  // "..., she backed the bill.": the words after a verb with an object are that object (not
  // after "told": ", the campaign told the Register." names who heard it).
  if (a.takes_object && !IsTell(tokens_[a.cue_first].fold) && words > 0) return false;
  return words <= 4;
}

bool IsSingleWordCue(const std::string& fold) { return IsOneWordCue(fold); }

// "signed a trade memo", "issued an executive order", "sent a letter": an act that puts a
// position on record, the document named within four words of the verb.
std::optional<Attribution> DocAnalysis::DocumentAct(const SentenceInfo& s, size_t i) const {
  static const std::unordered_set<std::string_view> kVerbs = {
      "signed", "signs", "signing", "issued", "issues", "issuing", "sent", "sends", "released",
      "releases", "published", "publishes", "filed", "files", "introduced", "introduces"};
  static const std::unordered_set<std::string_view> kDocuments = {
      "order", "orders", "memo", "memorandum", "bill", "law", "letter", "directive",
      "proclamation", "statement", "pledge", "petition", "decree", "resolution", "report",
      "amendment", "guidance", "rule", "rules", "regulation", "regulations", "brief"};
  if (kVerbs.count(tokens_[i].fold) == 0 || tokens_[i].capitalized) return std::nullopt;
  for (size_t k = i + 1; k < s.last && k <= i + 4; ++k) {
    if (!tokens_[k].word || Blocked(k)) return std::nullopt;
    if (kDocuments.count(tokens_[k].fold) == 0) continue;
    // What the document says must follow it: "a memo directing officials to", "a statement
    // saying", "a letter that"; "published a report on DeepSeek" only names its subject.
    static const std::unordered_set<std::string_view> kIntroducers = {
        "that",    "directing", "urging",  "calling", "ordering", "saying", "requiring",
        "asking",  "telling",   "warning", "arguing", "demanding", "banning", "restricting",
        "declaring", "stating", "to",      ":",       ","};
    if (k + 1 >= s.last || kIntroducers.count(tokens_[k + 1].fold) == 0) return std::nullopt;
    std::optional<Np> speaker = LeftSubject(s, i, false);
    if (!speaker) return std::nullopt;
    Attribution a;
    a.speaker = *speaker;
    a.cue_first = i;
    a.cue_last = k + 1;
    for (size_t t = i; t <= k; ++t) a.cue += (a.cue.empty() ? "" : " ") + tokens_[t].fold;
    return a;
  }
  return std::nullopt;
}

// Most words of the sentence capitalised: a headline in title case.
bool DocAnalysis::TitleCase(const SentenceInfo& s) const {
  size_t words = 0;
  size_t caps = 0;
  for (size_t k = s.first; k < s.last; ++k) {
    if (!tokens_[k].word || tokens_[k].fold.size() < 4) continue;  // "of", "the", "and"
    ++words;
    caps += tokens_[k].capitalized;
  }
  return words >= 3 && caps * 10 >= words * 8;
}

// "As David Sacks, the former czar, has been banging on about, these measures can weaken
// American leadership": "As" + a speaker + a verb phrase whose object is missing (it ends in
// a speech verb or a stranded "about", "out", "on") + a comma frames the rest of the
// sentence. "As Trump spoke, protesters chanted" ends in neither and is left alone.
std::optional<Attribution> DocAnalysis::AsAttribution(const SentenceInfo& s) const {
  if (s.last < s.first + 6 || tokens_[s.first].fold != "as") return std::nullopt;
  std::optional<Np> np = NpStartingAt(s.first + 1, s.last);
  if (!np) return std::nullopt;
  size_t k = np->last;
  if (k < s.last && tokens_[k].fold == ",") {  // the speaker's description
    size_t c = k + 1;
    while (c < s.last && c < k + kMaxAppositiveTokens && tokens_[c].fold != "," && !Blocked(c)) {
      ++c;
    }
    if (c >= s.last || tokens_[c].fold != "," ||
        !(LooksLikeAppositive(k + 1, c) || DescribesPerson(k + 1, c))) {
      return std::nullopt;
    }
    k = c + 1;
  }
  size_t v = k;
  while (v < s.last && v < k + 7 && tokens_[v].word && !Blocked(v)) ++v;
  if (v == k || v + 3 >= s.last || tokens_[v].fold != ",") return std::nullopt;
  const std::string& end = tokens_[v - 1].fold;
  if (!IsSingleWordCue(end) && end != "about" && end != "out" && end != "on") {
    return std::nullopt;
  }
  Attribution a;
  a.speaker = *np;
  a.cue_first = k;
  a.cue_last = v;
  for (size_t t = k; t < v; ++t) a.cue += (a.cue.empty() ? "" : " ") + tokens_[t].fold;
  return a;
}

// "WALLACE: Governor, ..." in a transcript, "Pat Caddell: Voters Worried" in a headline: a
// speaker's name opening a line, then a colon.
std::optional<Attribution> DocAnalysis::LabelAttribution(const SentenceInfo& s) const {
  if (s.first >= s.last) return std::nullopt;
  size_t at = s.first;
  if (at > 0 && doc_.text.find('\n', tokens_[at - 1].end) >= tokens_[at].start) {
    return std::nullopt;
  }
  bool quoted = quote_mark_[at];  // "\"PENCE: Well, ...\"": the line quoted as a whole
  while (at < s.last && quote_mark_[at]) ++at;
  if (at >= s.last) return std::nullopt;
  int m = mention_starting_[at];
  // "Source: NATO." under a chart credits the figures; it reports nothing.
  bool credit = tokens_[at].fold == "source" || tokens_[at].fold == "sources";
  // A headline is a paragraph of its own: "Superdelegates: Clinton is backed by 520 ...",
  // followed by more sentences, opens a section of the article.
  auto alone = [&]() {
    size_t index = static_cast<size_t>(&s - sentences_.data());
    return index < sentences_.size() &&
           (index == 0 || sentences_[index - 1].paragraph != s.paragraph) &&
           (index + 1 >= sentences_.size() || sentences_[index + 1].paragraph != s.paragraph);
  };
  if (m < 0 && at + 4 < s.last && tokens_[at].word && IsSourceNoun(tokens_[at].fold) &&
      tokens_[at].capitalized && tokens_[at + 1].fold == ":" && !Blocked(at) && !credit &&
      alone()) {
    // "Poll: Wealthy Voters Abandon ...": a headline's report by a described source.
    Attribution a;
    a.speaker = Np{at, at + 1, -1, ""};
    a.speaker.unnamed = true;
    a.cue_first = at + 1;
    a.cue_last = at + 2;
    a.cue = ":";
    a.label = true;
    return a;
  }
  if (m < 0 || (Blocked(at) && !quoted)) return QuotedLabelAttribution(s, at);
  const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
  if (!IsSpeakerType(m_.entities[static_cast<size_t>(mention.entity)].type)) return std::nullopt;
  if (mention.last + 1 >= s.last || tokens_[mention.last].fold != ":") {
    return QuotedLabelAttribution(s, at);
  }
  // "DeepSeek: The Fast Follower" is a heading about DeepSeek; a headline's "Name: words"
  // speaks for a person only.
  if (m_.entities[static_cast<size_t>(mention.entity)].type != "person") return std::nullopt;
  Attribution a;
  a.speaker = Np{mention.first, mention.last, m, ""};
  a.cue_first = mention.last;
  a.cue_last = mention.last + 1;
  a.cue = ":";
  a.label = true;
  return a;
}

// "Obama on Climate Change: The Trends Are 'Terrifying.'", "A lesson from Loretta Lynch: 'Be
// the voice ...'": a line that names a person, perhaps with what the words are about, then a
// colon and a quotation right after it.
std::optional<Attribution> DocAnalysis::QuotedLabelAttribution(const SentenceInfo& s,
                                                               size_t at) const {
  for (size_t k = at; k < s.last && k < at + 8; ++k) {
    int m = mention_starting_[k];
    if (m < 0) continue;
    const EntityMention& mention = m_.mentions[static_cast<size_t>(m)];
    if (m_.entities[static_cast<size_t>(mention.entity)].type != "person") return std::nullopt;
    // "Said Toner: “...”", "Continued Toner:": the verb opens an inverted attribution.
    if (k == at + 1 && tokens_[at].word && IsSingleWordCue(tokens_[at].fold)) return std::nullopt;
    size_t colon = mention.last;
    if (colon < s.last && (tokens_[colon].fold == "on" || tokens_[colon].fold == "about")) {
      while (colon < s.last && colon < mention.last + 7 && tokens_[colon].fold != ":" &&
             !Blocked(colon)) {
        ++colon;
      }
    }
    if (colon + 1 >= s.last || tokens_[colon].fold != ":") return std::nullopt;
    // The quotation: right after the colon, or after one or two words of a headline that
    // quotes a word ("The Trends Are 'Terrifying.'").
    bool quote_after = false;
    for (size_t q = colon + 1; q < s.last && q < colon + 6 && !quote_after; ++q) {
      quote_after = quote_mark_[q];
    }
    if (!quote_after) return std::nullopt;
    Attribution a;
    a.speaker = Np{mention.first, mention.last, m, ""};
    a.cue_first = colon;
    a.cue_last = colon + 1;
    a.cue = ":";
    a.label = true;
    return a;
  }
  return std::nullopt;
}

// "she attacked law enforcement officers nationwide and blamed police shootings on ...": a cue
// verb right after "and" whose object phrase since the attribution `before` has no verb of its
// own is that attribution's subject's second verb.
bool DocAnalysis::SharesSubject(const SentenceInfo& s, const Attribution& before,
                                size_t cue_first) const {
  if (before.according_to || before.label || before.speaker.first >= before.cue_first ||
      cue_first < before.cue_last + 2) {
    return false;
  }
  // "... and said", "... but said", "... and then said", "... but also warned".
  size_t join = cue_first - 1;
  if (join > before.cue_last && (tokens_[join].fold == "also" || tokens_[join].fold == "then" ||
                                 tokens_[join].fold == "later")) {
    --join;
  }
  if (tokens_[join].fold != "and" && tokens_[join].fold != "but") return false;
  cue_first = join + 1;  // below: where the coordinated verb phrase starts, adverb included
  // "Mr. Schultz generally supported Democrats during his time on MSNBC, which let him go in
  // 2015, and said he did not support Mr. Trump": the sentence's own subject, named, goes on.
  // Only when that verb took an object, not a clause: in "Figueroa said the candidate was
  // headed ..., when security located her and told her to leave" the later verb is inside
  // what she said.
  bool clause = before.cue_last < cue_first && tokens_[before.cue_last].fold == "that";
  for (size_t k = before.cue_last; k < cue_first && k < before.cue_last + 6 && !clause; ++k) {
    const Token& t = tokens_[k];
    // "her support of the rules that closed ...": a relative clause inside the object.
    if (t.fold == "," || t.fold == "that" || t.fold == "which" || t.fold == "who") break;
    clause = IsFiniteAuxiliary(t.fold) ||
             (t.word && !t.capitalized && (HasSuffix(t.fold, "ed", 4) || t.fold == "he" ||
                                          t.fold == "she" || t.fold == "they"));
  }
  if (!clause && cue_first - before.cue_last <= 40 && before.speaker.mention >= 0 &&
      !before.speaker.unnamed) {
    std::optional<Np> subject = SentenceSubject(s);
    if (subject && subject->mention == before.speaker.mention) return true;
  }
  if (cue_first - before.cue_last > 12) return false;
  for (size_t k = before.cue_last; k + 1 < cue_first; ++k) {
    const Token& t = tokens_[k];
    if (Blocked(k) || !t.word || IsFiniteAuxiliary(t.fold) || IsSingleWordCue(t.fold) ||
        t.fold == "that" || t.fold == "who" || t.fold == "which" ||
        (!t.capitalized && HasSuffix(t.fold, "ed", 4))) {
      return false;
    }
  }
  return true;
}

// "Can he maintain the enthusiasm of his followers?", "Did Trump say that ...?": the writer
// asks; nobody is reported saying anything.
bool DocAnalysis::WritersQuestion(const SentenceInfo& s) const {
  static const std::unordered_set<std::string_view> kOpeners = {
      "can", "could", "will", "would", "should", "does", "did", "do", "is", "are", "was",
      "were", "has", "have", "how", "why", "what", "who", "when", "where", "which"};
  if (s.last <= s.first + 2 || tokens_[s.last - 1].fold != "?" || in_quote_[s.first] ||
      quote_mark_[s.first] || !tokens_[s.first].word) {
    return false;
  }
  for (size_t k = s.first; k < s.last; ++k) {
    if (quote_mark_[k]) return false;  // a quotation inside: someone may be reported asking
  }
  return kOpeners.count(tokens_[s.first].fold) != 0;
}

std::optional<Attribution> DocAnalysis::Attribute(const SentenceInfo& s, std::string* any_cue,
                                                  std::vector<Attribution>* more) const {
  if (std::optional<Attribution> label = LabelAttribution(s)) return label;
  if (WritersQuestion(s)) return std::nullopt;
  if (std::optional<Attribution> as = AsAttribution(s)) return as;
  std::optional<Attribution> first;
  std::vector<Attribution> later;
  for (size_t i = s.first; i < s.last; ++i) {
    if (!tokens_[i].word || Blocked(i)) continue;
    if (std::optional<Attribution> act = DocumentAct(s, i)) {
      // "Trump signed a trade memo directing officials to ...": a position put on record.
      if (!first) {
        first = act;
      } else {
        later.push_back(*act);
      }
      i = act->cue_last - 1;
      continue;
    }
    auto candidates = CuesByFirstWord().find(tokens_[i].fold);
    if (candidates == CuesByFirstWord().end()) continue;
    for (const CuePattern* pattern : candidates->second) {
      const CuePattern& p = *pattern;
      if (i + p.words.size() > s.last) continue;
      bool match = true;
      for (size_t k = 1; k < p.words.size() && match; ++k) {
        match = tokens_[i + k].fold == p.words[k] && !Blocked(i + k);
      }
      if (!match) continue;
      size_t cue_end = i + p.words.size();
      // A capitalised cue word is a name or a heading unless a verb filler precedes it, or
      // the line is a title-case headline ("..., Lindsey Graham Says").
      // "Said Ellis: “...”" opens the sentence with the verb and names the speaker after it.
      bool opens_inverted = tokens_[i].capitalized && i == s.first && p.entry->may_invert;
      if (tokens_[i].capitalized && p.entry->kind == CueKind::kVerb &&
          !(i > s.first && tokens_[i - 1].word && IsVerbFiller(tokens_[i - 1].fold)) &&
          !TitleCase(s) && !opens_inverted) {
        break;
      }
      if (mention_covering_[i]) break;
      // "backing down", "called off", "walked away": a particle makes another verb.
      if (p.words.size() == 1 && cue_end < s.last &&
          (tokens_[cue_end].fold == "down" || tokens_[cue_end].fold == "off" ||
           tokens_[cue_end].fold == "away")) {
        break;
      }
      if (p.entry->takes_object && TellsATale(cue_end, s.last)) break;
      if (NotACue(s, i, cue_end)) break;
      if (any_cue->empty()) *any_cue = p.entry->phrase;
      std::optional<Np> speaker;
      if (p.entry->kind == CueKind::kAccordingTo) {
        speaker = NpStartingAt(cue_end, s.last);
        if (!speaker) speaker = TitledPersonAt(cue_end, s.last);
        if (!speaker) speaker = ModifiedNameAt(cue_end, s.last);
        // "according to F.A.A. records", "according to U.S. customs records": a described
        // source cut short by an abbreviation, or a place or body that only modifies it.
        if (!speaker || !PersonMention(speaker->mention)) {
          std::optional<Np> object = AccordingToObjectAt(cue_end, s.last);
          bool whole = object && (object->last >= s.last || !tokens_[object->last].word);
          for (size_t k = object ? object->first : 0; whole && k < object->last; ++k) {
            whole = !PersonMention(mention_starting_[k]);
          }
          if (object && (!speaker || (whole && object->last > speaker->last))) speaker = object;
        }
        if (p.words.size() == 1 && p.words[0] == "in") {
          // "in a new Washington Post-ABC News poll released Sunday": the whole phrase.
          Np poll{cue_end, PollPhraseEnd(s, i), -1, ""};
          poll.unnamed = true;
          speaker = poll;
        }
        if (speaker && speaker->unnamed && i == s.first) {
          // "According to a civil complaint filed by the SEC, the developers ...": at the
          // sentence's start the source phrase runs to the first comma.
          size_t k = speaker->last;
          while (k < s.last && k < speaker->last + 24 && tokens_[k].fold != "," &&
                 !Blocked(k) && !IsFiniteAuxiliary(tokens_[k].fold)) {
            ++k;
          }
          if (k < s.last && tokens_[k].fold == ",") {
            speaker->last = k;
            // "In the latest poll, conducted in May, Clinton led": a participle phrase
            // between commas describes the source.
            size_t c = k + 1;
            if (c < s.last && tokens_[c].word && !tokens_[c].capitalized &&
                HasSuffix(tokens_[c].fold, "ed", 3) && !IsSingleWordCue(tokens_[c].fold)) {
              while (c < s.last && c < k + 12 && tokens_[c].fold != "," && !Blocked(c)) ++c;
              if (c + 1 < s.last && tokens_[c].fold == ",") speaker->last = c;
            }
          }
        }
        if (speaker && i > s.first && tokens_[i - 1].fold == ",") {
          // "..., according to a Washington Post database tracking such deaths.": the source
          // phrase runs to the end of the clause.
          size_t k = speaker->last;
          size_t words = 0;  // ("A.F.L.-C.I.O.": the full stops do not count)
          while (k < s.last && words < 10 && tokens_[k].fold != "," &&
                 (tokens_[k].fold != "." || AbbreviationDot(k, s.last)) && tokens_[k].fold != ";" &&
                 !Blocked(k)) {
            words += tokens_[k].word;
            ++k;
          }
          if (k == s.last || tokens_[k].fold == "." || tokens_[k].fold == ";" ||
              tokens_[k].fold == ",") {
            speaker->last = k;
          }
        }
        if (speaker && i > s.first + 2 && tokens_[i - 1].fold == "," &&
            speaker->last + 1 < s.last && tokens_[speaker->last].fold == "," &&
            !Blocked(speaker->last) && LooksLikeAppositive(speaker->last + 1, s.last)) {
          // "..., according to an analysis by Lily Batchelder, a former tax aide now teaching
          // at New York University.": after the content, the description is part of the
          // source phrase, when a comma closes it or the sentence ends after it. (Not at the
          // sentence's start: "According to the same poll, Clinton's favorability fell".)
          size_t k = speaker->last + 1;
          while (k < s.last && k < speaker->last + kMaxAppositiveTokens && tokens_[k].fold != "," &&
                 !Blocked(k)) {
            ++k;
          }
          size_t end = k;
          while (end > speaker->last + 1 && !tokens_[end - 1].word) --end;  // the full stop
          if ((k == s.last && !StartsAdjunct(s.first, i - 1)) ||
              (k < s.last && tokens_[k].fold == ",")) {
            speaker->last = end;
          }
        }
      } else {
        bool participle = HasSuffix(p.words.front(), "ing", 4);
        const Attribution* before = later.empty() ? (first ? &*first : nullptr) : &later.back();
        if (participle && before && i > s.first + 1 && tokens_[i - 1].fold == "," &&
            std::max(before->cue_last, before->speaker.last) == i - 1 && !before->according_to) {
          // "Washington did not complain ..., a Chinese official said, adding that ...": the
          // participle right after an attribution adds to what its speaker said.
          speaker = before->speaker;
        } else {
          speaker = LeftSubject(s, i, participle, p.entry->after_be);
          // "Rodriguez became a victim after some of her followers attacked her skills and
          // even questioned ...": a verb after "and" shares the subject of the clause it is
          // joined to, the nearer attribution's, not the sentence's.
          size_t join = i > s.first ? i - 1 : i;
          if (join > s.first && (tokens_[join].fold == "even" || tokens_[join].fold == "also" ||
                                 tokens_[join].fold == "then" || tokens_[join].fold == "later")) {
            --join;
          }
          bool coordinated =
              join < i && (tokens_[join].fold == "and" || tokens_[join].fold == "but");
          if (speaker && before && coordinated && !before->according_to &&
              before->speaker.first > speaker->last && before->speaker.first < before->cue_first &&
              before->cue_last <= join &&
              OpensClauseWithSubject(speaker->last, before->speaker.first)) {
            speaker = before->speaker;
          }
        }
        if (!speaker && before && SharesSubject(s, *before, i)) {
          speaker = before->speaker;  // "she attacked the officers and blamed the shootings"
        }
        // "He said that Clinton is playing ... and said that Rubio is ...": the same verb again
        // after "and" is the same speaker's, whatever subjects the first one's clause had.
        if (!speaker && before && !before->according_to && i > s.first + 1 &&
            (tokens_[i - 1].fold == "and" || tokens_[i - 1].fold == "but") &&
            before->cue_last < i - 1 && tokens_[before->cue_first].fold == tokens_[i].fold &&
            before->speaker.last <= before->cue_first) {
          speaker = before->speaker;
        }
        if (!speaker && participle && first && i > s.first &&
            (tokens_[i - 1].fold == "," || quote_mark_[i - 1]) &&
            !NewSubjectBetween(std::max(first->cue_last, first->speaker.last), i)) {
          speaker = first->speaker;  // "“A,” Roe said, adding that B": the same speaker adds
        }
        if (!speaker && p.entry->may_invert && i > s.first &&
            (tokens_[i - 1].fold == "," || quote_mark_[i - 1])) {
          speaker = InvertedSpeaker(s, i, cue_end);  // "..., said Jane Doe."
        } else if (opens_inverted) {
          speaker = InvertedSpeaker(s, i, cue_end);
          // Only a name, then a colon or comma and the words.
          if (speaker && (speaker->mention < 0 || speaker->last >= s.last ||
                          (tokens_[speaker->last].fold != ":" &&
                           tokens_[speaker->last].fold != ","))) {
            speaker.reset();
          }
        }
      }
      if (!speaker) break;
      // "what Trump says his plan would do", "Everything Trump says is a lie": the words are
      // named, not reported. "what he called a “brazen breach”" names them: the term after
      // a verb of naming is the content.
      if (speaker->first > s.first && speaker->first < i && tokens_[speaker->first - 1].word) {
        const std::string& before = tokens_[speaker->first - 1].fold;
        const std::string& cue_word = tokens_[i].fold;
        // "what he said was a sanitized version of history": what he said it was.
        bool naming = cue_word == "called" || cue_word == "calls" || cue_word == "call" ||
                      cue_word == "described" || cue_word == "describes" ||
                      cue_word == "sees" || cue_word == "saw" || cue_word == "views" ||
                      (cue_end < s.last && IsBeForm(tokens_[cue_end].fold));
        // "asked whom she supported": the words are the question's "whom", not reported.
        if ((before == "what" && !naming) || before == "whom" || before == "everything" ||
            before == "anything" ||
            before == "nothing" || before == "something") {
          break;
        }
      }
      // "Rendell, a Clinton surrogate, said ... and called it ...": the shared subject keeps
      // the source phrase the first cue gave it.
      if (first && speaker->first == first->speaker.first && speaker->mention >= 0 &&
          speaker->mention == first->speaker.mention) {
        speaker = first->speaker;
      }
      Attribution a;
      a.speaker = *speaker;
      a.cue_first = i;
      a.cue_last = cue_end;
      a.cue = p.entry->phrase;
      if (a.cue.size() > 1 && a.cue.back() == ':') a.cue.pop_back();  // "writing:"
      a.according_to = p.entry->kind == CueKind::kAccordingTo;
      a.takes_object = p.entry->takes_object;
      a.invertible = p.entry->may_invert;
      if (!first) {
        first = a;
      } else if (ClosesSentence(s, a) && a.according_to && first->speaker.mention >= 0 &&
                 !first->according_to && !first->takes_object && first->invertible &&
                 tokens_[a.cue_first - 1].fold == "," &&
                 AdjunctOnlyBetween(std::max(first->cue_last, first->speaker.last),
                                    a.cue_first - 1)) {
        // "“...,” Hewitt said, according to a transcript", "“...,” Obama said of the
        // families, according to a pool report": the transcript is where the writer found
        // Hewitt's words; they stay his, and its phrase is no part of them.
        first->source_note = a.cue_first - 1;
      } else if (ClosesSentence(s, a) && !(a.speaker.first == first->speaker.first &&
                                           a.speaker.last == first->speaker.last)) {
        // Not "On Thursday, Sanders said that ..., conceding the race": a participle that
        // borrows the first speaker closes no sentence of its own.
        return a;
      } else {
        later.push_back(a);
      }
      i = std::max(i, std::max(a.cue_last, a.speaker.last) - 1);
      break;
    }
  }
  if (first) {
    // "He claimed A and said B", "X said A, but she denied B", "X said that Y wants B": each
    // further cue with a speaker of its own is a claim of its own.
    *more = std::move(later);
    return first;
  }
  return BylineAttribution(s);
}

// Where the content of `a` ends: before the source of the next attribution in the sentence
// when that one is coordinated with it ("..., and Y said B", "..., saying B", "but she
// denied B", "cites the crowds as an example: He says B"); at the sentence end when it is nested in
// the content ("X said that Y wants B").
size_t DocAnalysis::ContentLimit(const SentenceInfo& s, const Attribution& a,
                                 const Attribution* next) const {
  if (a.source_note > 0) {
    Attribution plain = a;
    plain.source_note = 0;
    return std::min(ContentLimit(s, plain, next), a.source_note);
  }
  // "When Obama announced the plan last year, he summoned ...", "When veterans call for help,
  // too many calls ...": a cue inside an opening clause of time or condition says no more than
  // that clause; the main clause after its comma is the writer's. ("As Toner said, the rules
  // work" is not one: there the main clause is what was said.)
  static const std::unordered_set<std::string_view> kSubordinators = {
      "when", "if", "after", "before", "while", "because", "since", "although", "though",
      "until", "once", "whenever", "unless"};
  // "And after the Supreme Court refused ..., Gov. McCrory blamed": past an opening "and".
  size_t opener = s.first;
  if (opener + 1 < s.last && (tokens_[opener].fold == "and" || tokens_[opener].fold == "but")) {
    ++opener;
  }
  if (opener < s.last && tokens_[opener].word && kSubordinators.count(tokens_[opener].fold)) {
    // An opening clause is short; past that nothing is cut (and a giant sentence stays linear).
    constexpr size_t kMaxOpeningClauseTokens = 80;
    for (size_t k = opener + 1; k < s.last && k < a.cue_last + kMaxOpeningClauseTokens; ++k) {
      if (Blocked(k)) {
        // "After Scalia said that they might do better at “less advanced schools,” Trump
        // said ...": the clause ends at a comma inside the closing mark too.
        if (tokens_[k].fold == "," && k + 1 < s.last && quote_mark_[k + 1] && k > a.cue_last) {
          return k + 2;
        }
        continue;
      }
      if (tokens_[k].fold == ",") {
        if (k > a.cue_last) return k;
        break;
      }
    }
  }
  if (next == nullptr) return s.last;
  // "Democrats described it as ominous, and said ...": a shared subject stands before both
  // cues; the boundary is then the second cue.
  size_t src = next->speaker.first > a.cue_last ? std::min(next->speaker.first, next->cue_first)
                                                : next->cue_first;
  if (src <= std::max(a.cue_last, a.speaker.last)) return s.last;
  static const std::unordered_set<std::string_view> kJoins = {
      ",", "and", "but", ";", ":", "while", "although", "though", "yet", "-", "\xE2\x80\x94"};
  size_t k = src;
  // "..., and a few lawmakers have called for ...": the article the source phrase left out.
  if (k > s.first + 1 && (tokens_[k - 2].fold == "and" || tokens_[k - 2].fold == "but") &&
      (tokens_[k - 1].fold == "a" || tokens_[k - 1].fold == "an" || tokens_[k - 1].fold == "the")) {
    --k;
  }
  bool joined = false;
  while (k > s.first && (kJoins.count(tokens_[k - 1].fold) != 0 ||
                         (tokens_[k - 1].word && IsVerbFiller(tokens_[k - 1].fold)))) {
    --k;
    joined = joined || kJoins.count(tokens_[k].fold) != 0;
  }
  // "According to police, officers saw ...": the comma that closes the first attribution
  // joins nothing; the second attribution is inside its content.
  if (joined && k <= std::max(a.cue_last, a.speaker.last)) return s.last;
  // "According to the FBI summary, Mills and another aide asked ...": a join inside the next
  // attribution's joint subject leaves no words of the first one's own.
  if (joined && a.according_to && a.speaker.last < k) {
    size_t words = 0;
    for (size_t j = std::max(a.cue_last, a.speaker.last); j < k; ++j) words += tokens_[j].word;
    if (words < 3) return s.last;
  }
  // "said that while he was opposed to Trump, he ...": a join right after the complementiser
  // opens a clause inside what was said.
  if (joined && k == a.cue_last + 1 && tokens_[a.cue_last].fold == "that") return s.last;
  return joined ? k : s.last;
}

// Words that open no verb phrase after a sentence's subject: "Trump on trade:", "Obama and
// Biden:", "Clinton, again:".
bool IsFunctionWordForColon(std::string_view w) {
  static const std::unordered_set<std::string_view> kNot = {
      "on",    "about", "and",  "or", "but", "of",     "in",  "at", "for",
      "with",  "to",    "from", "by", "vs",  "versus", "the", "a",  "an",
      "again", "too",   "also", "is", "was", "has",    "had"};
  return kNot.count(w) != 0;
}

// The subject at `subject` opens a clause of its own inside the sentence whose subject ends at
// `main_end`: a conjunction right before it ("after some of her followers attacked", "but
// attorneys for the department said"), and the sentence's own verb phrase is no series that
// the later "and" may close ("He mocked his rivals, talked over them as they answered
// questions and even assured ...").
bool DocAnalysis::NewSubjectBetween(size_t from, size_t to) const {
  // "Protest groups say ..., and the A.C.L.U. has sued the city, saying ...": ", and", ", but"
  // or ";", a noun phrase, then a finite verb: the participle is that clause's.
  for (size_t k = from; k + 2 < to; ++k) {
    if (Blocked(k)) continue;
    bool join =
        tokens_[k].fold == ";" ||
        (tokens_[k].fold == "," && (tokens_[k + 1].fold == "and" || tokens_[k + 1].fold == "but"));
    if (!join) continue;
    size_t np = tokens_[k].fold == ";" ? k + 1 : k + 2;
    if (np >= to || !tokens_[np].word ||
        !(IsDeterminer(tokens_[np].fold) || tokens_[np].capitalized)) {
      continue;
    }
    for (size_t j = np + 1; j < to && j < np + 10 && tokens_[j].word && !Blocked(j); ++j) {
      if (IsFiniteAuxiliary(tokens_[j].fold)) return true;
    }
  }
  return false;
}

bool DocAnalysis::OpensClauseWithSubject(size_t main_end, size_t subject) const {
  static const std::unordered_set<std::string_view> kOpeners = {
      "after",  "when",  "because", "while",   "since", "although", "though", "as",      "if",
      "before", "until", "unless",  "whereas", "but",   "and",      "once",   "whenever"};
  static const std::unordered_set<std::string_view> kShares = {
      "some", "many", "most", "all", "several", "one", "two", "few", "none", "both", "each"};
  // "after some of her followers": the share of a group opens the phrase.
  if (subject >= 3 && tokens_[subject - 1].fold == "of" &&
      kShares.count(tokens_[subject - 2].fold) != 0) {
    subject -= 2;
  }
  if (subject == 0 || !tokens_[subject - 1].word ||
      kOpeners.count(tokens_[subject - 1].fold) == 0) {
    return false;
  }
  for (size_t k = main_end; k + 1 < subject; ++k) {
    const Token& next = tokens_[k + 1];
    if (tokens_[k].fold == "," && next.word && !next.capitalized && HasSuffix(next.fold, "ed", 4)) {
      return false;
    }
  }
  return true;
}

// "Trump boomed: “Let's defeat her in November.”", "Rubio fired back forcefully: “...”": a
// person or he/she opening the sentence, a short verb phrase of no known cue, a colon, and a
// quotation that runs to the sentence's end. The verb phrase is the cue.
std::optional<Attribution> DocAnalysis::ColonQuoteAttribution(const SentenceInfo& s) const {
  std::optional<Np> subject = SentenceSubject(s);
  if (!subject || subject->unnamed || subject->relative) return std::nullopt;
  if (subject->mention >= 0) {
    const EntityMention& m = m_.mentions[static_cast<size_t>(subject->mention)];
    if (m_.entities[static_cast<size_t>(m.entity)].type != "person") return std::nullopt;
  } else if (subject->pronoun != "he" && subject->pronoun != "she") {
    return std::nullopt;
  }
  size_t verb = subject->last;
  if (verb >= s.last || !tokens_[verb].word || tokens_[verb].capitalized) return std::nullopt;
  // A verb: not a preposition, a conjunction or a possessive's noun ("Trump's message:").
  if (IsFunctionWordForColon(tokens_[verb].fold)) return std::nullopt;
  size_t colon = verb;
  while (colon < s.last && colon < verb + 8 && tokens_[colon].word && !Blocked(colon)) ++colon;
  if (colon + 1 >= s.last || tokens_[colon].fold != ":" || !quote_mark_[colon + 1]) {
    return std::nullopt;
  }
  // Where the quotation closes (perhaps sentences later), its sentence ends: "Clinton seemed
  // irritated: “It's a public statement! Just email it,” she wrote." is hers by "she wrote".
  size_t open = tokens_[colon + 1].start;
  auto q = std::lower_bound(quotes_.begin(), quotes_.end(), open,
                            [](const QuoteSpan& a, size_t at) { return a.open < at; });
  if (q == quotes_.end() || q->open != open || !q->closed) return std::nullopt;
  size_t k = TokenAt(q->end);
  while (k < tokens_.size() && quote_mark_[k]) ++k;
  while (k < tokens_.size() && tokens_[k].fold == ".") ++k;
  if (k < tokens_.size() && doc_.text.find('\n', q->end) >= tokens_[k].start &&
      !(tokens_[k].word && tokens_[k].capitalized)) {
    return std::nullopt;
  }
  Attribution a;
  a.speaker = *subject;
  a.cue_first = verb;
  a.cue_last = colon;
  a.cue = TextBetween(verb, colon);
  return a;
}

// "“...” ― Sonya Herridge": a dash after a closing quotation mark, then a name that ends the
// sentence, signs the quotation before it.
std::optional<Attribution> DocAnalysis::BylineAttribution(const SentenceInfo& s) const {
  for (size_t k = std::max<size_t>(s.first, 1); k + 1 < s.last; ++k) {
    if (!IsDash(tokens_[k].fold) || !quote_mark_[k - 1] ||
        !IsClosingQuoteMark(tokens_[k - 1].fold)) {
      continue;
    }
    std::optional<Np> np = NpStartingAt(k + 1, s.last);
    if (!np || np->mention < 0) continue;
    size_t end = np->last;
    if (end < s.last && tokens_[end].fold == ".") ++end;
    if (end != s.last) continue;
    Attribution a;
    a.speaker = *np;
    a.cue_first = k;
    a.cue_last = k + 1;
    a.cue = tokens_[k].fold;
    return a;
  }
  if (std::optional<Attribution> colon = ColonQuoteAttribution(s)) return colon;
  return CueNounAttribution(s);
}

// The nearest sentence (this one, then back) with a person of a compatible gender decides,
// and only when it holds exactly one such person. Returns the entity index or -1.
bool DocAnalysis::NameModifiesNoun(const EntityMention& mention) const {
  if (mention.last >= tokens_.size()) return false;
  const Token& next = tokens_[mention.last];
  // "White House-era documents", "Obama-appointed judges": glued by a hyphen to a modifier.
  if (next.fold == "-" && tokens_[mention.last - 1].end == next.start &&
      mention.last + 1 < tokens_.size() && tokens_[mention.last + 1].start == next.end &&
      tokens_[mention.last + 1].word && !tokens_[mention.last + 1].capitalized) {
    return true;
  }
  // "The Murdoch outlets", "the Obama era", "Trump rallies": nouns a name qualifies.
  static const std::unordered_set<std::string_view> kQualified = {
      "outlets",  "properties",   "empire",     "era",          "years",      "presidency",
      "doctrine", "plan",         "policies",   "policy",       "rally",      "rallies",
      "fans",     "base",         "camp",       "machine",      "brand",      "family",
      "children", "name",         "style",      "victory",      "speech",     "speeches",
      "remarks",  "comments",     "tweets",     "tweet",        "memoir",     "agenda",
      "proposal", "proposals",    "approach",   "strategy",     "nomination", "candidacy",
      "movement", "revolution",   "phenomenon", "wing",         "loyalists",  "voters",
      "effect",   "presidential", "foundation", "organization", "cabinet",    "estate",
      "tower"};
  // "the U.S. Court of Appeals", "the U.N. Security Council": a country's name before a
  // body's capitalised name that the text does not know.
  const Token& end = tokens_[mention.last - 1];
  if (next.word && next.capitalized && mention_starting_[mention.last] < 0 &&
      end.fold == end.base && end.end < next.start &&
      m_.entities[static_cast<size_t>(mention.entity)].type == "place" &&
      !IsNameStopword(next.base)) {
    return true;
  }
  // Not "Sanders's candidacy took root ... His populist attacks": an owner is an antecedent.
  return next.word && !next.capitalized && end.end < next.start &&
         (IsSourceNoun(next.fold) || IsGroupNoun(next.fold) || IsTitleWord(next.fold) ||
          (kQualified.count(next.fold) != 0 && end.fold == end.base));
}

// "Sanders's campaign manager", "Trump's spokeswoman", "her lawyer": a possessive name whose
// phrase names another person.
bool DocAnalysis::PossessesAPerson(const EntityMention& mention) const {
  static const std::unordered_set<std::string_view> kPeople = {
      "spokesman", "spokeswoman", "spokesperson", "manager", "aide",     "aides",
      "adviser",   "advisers",    "advisor",      "lawyer",  "attorney", "wife",
      "husband",   "son",         "daughter",     "brother", "sister",   "father",
      "mother",    "chief",       "director",     "secretary", "strategist", "friend"};
  const Token& end = tokens_[mention.last - 1];
  if (!end.word || end.fold == end.base) return false;
  for (size_t k = mention.last; k < tokens_.size() && k < mention.last + 3 && tokens_[k].word;
       ++k) {
    if (kPeople.count(tokens_[k].fold) != 0) return true;
  }
  return false;
}

int DocAnalysis::ResolvePronoun(const Np& np, size_t sentence) const {
  const std::string want = np.pronoun == "she" ? "female" : "male";
  // "Mr. Trump fits that bill for many people, he added": the pronoun speaks after the words
  // it reports; the people named in them are what was said, not who said it.
  const SentenceInfo& own = sentences_[sentence];
  // With quotation marks the words are inside them ("McCaskill scolded him: “...,” she said"
  // keeps McCaskill); without, everything before the pronoun is what was said.
  bool trailing = np.first > own.first &&
                  (tokens_[np.first - 1].fold == "," || quote_mark_[np.first - 1]) &&
                  own.last <= np.last + 8;  // "..., he added." ends the sentence
  for (size_t k = np.last; k < own.last && trailing; ++k) {
    trailing = tokens_[k].fold != "that" && !quote_mark_[k];
  }
  // "Hannity asked Trump ... “...,” he told Hannity": the person right after the pronoun's
  // verb is its object, the listener, never whom the pronoun stands for. (Further on, in what
  // was said, reporters do repeat the speaker's name: "he noted that Trump's microphone ...")
  std::unordered_set<int> named_after;
  for (size_t m = FirstMentionFrom(np.last); m < m_.mentions.size(); ++m) {
    const EntityMention& mention = m_.mentions[m];
    if (mention.first >= std::min(own.last, np.last + 3)) break;
    const Token& end = tokens_[mention.last - 1];
    if (!Blocked(mention.first) && end.fold == end.base) named_after.insert(mention.entity);
  }
  // "He said he and Trump differ on Israel": a person the reported clause pairs with the
  // speaker's own pronoun is someone else.
  for (size_t k = np.last; k + 2 < own.last && k < np.last + 6; ++k) {
    const std::string& w = tokens_[k].fold;
    if ((w == "he" || w == "she") && tokens_[k + 1].fold == "and" &&
        mention_starting_[k + 2] >= 0) {
      named_after.insert(m_.mentions[static_cast<size_t>(mention_starting_[k + 2])].entity);
      break;
    }
  }
  // "The inspector general had indicated that he thought ...": the pronoun of a clause that an
  // unnamed person reports is that person, whom no name stands for.
  if (std::optional<Np> subject = SentenceSubject(own);
      subject && subject->unnamed && !subject->relative && subject->last <= np.first &&
      np.first - subject->last <= 12) {
    // (Not "the candidate", "the nominee", "the senator": often the story's own figure.)
    static const std::unordered_set<std::string_view> kPersons = {
        "official",  "spokesman",    "spokeswoman", "spokesperson", "aide",      "adviser",
        "advisor",   "strategist",   "consultant",  "analyst",      "expert",    "economist",
        "critic",    "source",       "insider",     "prosecutor",   "lawyer",    "attorney",
        "inspector", "investigator", "researcher",  "scientist",    "professor", "historian",
        "person",    "man",          "woman"};
    size_t head = subject->last;
    while (head > subject->first && !tokens_[head - 1].word) --head;
    bool person = false;
    for (size_t k = subject->first; k < head; ++k) {
      person = person || (tokens_[k].word && kPersons.count(tokens_[k].base) != 0);
    }
    if (person) return -1;
  }
  bool quoted = false;
  size_t from = std::max(own.first, np.first > 200 ? np.first - 200 : 0);  // bounded look
  for (size_t k = from; k < np.first && !quoted; ++k) quoted = quote_mark_[k];
  // A sentence wholly inside a quotation ("“In Tulsa, ... This is just unbearable.”") is the
  // speaker's words: it names no antecedent and does not count against the look-back.
  size_t looked = 0;
  size_t skipped = 0;
  for (size_t back = 0; back <= sentence; ++back) {
    const SentenceInfo& s = sentences_[sentence - back];
    if (back > 0 && s.wholly_quoted && ++skipped <= kMaxQuotedSkipped) continue;
    if (looked++ > kPronounLookback) break;
    if (back == 0 && trailing && !quoted) {
      // Unless the words name someone who could be the speaker talking of themselves ("Though
      // Ms. Olivieri has lived there all her life, ..., she said"): then nobody can tell.
      for (size_t m = FirstMentionFrom(s.first); m < m_.mentions.size(); ++m) {
        const EntityMention& mention = m_.mentions[m];
        if (mention.first >= np.first) break;
        const std::string& gender = gender_[static_cast<size_t>(mention.entity)];
        if (m_.entities[static_cast<size_t>(mention.entity)].type == "person" &&
            (gender.empty() || gender == want)) {
          return -1;
        }
      }
      continue;
    }
    size_t stop = back == 0 ? np.first : s.last;
    // "As he has long done at forums like this, Sanders pivoted ... to talk about what he
    // sees": a capitalised word nothing took for a name, as the subject after an opening
    // clause, may be whom the pronoun means; nobody can tell.
    for (size_t k = s.first + 1; back == 0 && k + 1 < np.first; ++k) {
      const Token& t = tokens_[k];
      const Token& next = tokens_[k + 1];
      if (tokens_[k - 1].fold == "," && t.word && t.capitalized && t.fold == t.base &&
          !mention_covering_[k] && !Blocked(k) && !IsNameStopword(t.base) && !IsTitleWord(t.base) &&
          !IsSourceNoun(t.fold) && !IsGroupNoun(t.fold) && next.word && !next.capitalized &&
          next.fold != "and" && next.fold != "or" && next.fold != "of" && next.fold != "in" &&
          next.fold != "to" && next.fold != "for" && next.fold != "on" && next.fold != "at") {
        return -1;
      }
    }
    // "After examining Clinton's leg, she insisted": the pronoun is who examined; the people
    // named in such an opening clause are never who it stands for.
    size_t opener_first = s.first;
    size_t opener_end = s.first;
    for (size_t k = s.first; back == 0 && k + 2 < stop; ++k) {
      const std::string& w = tokens_[k].fold;
      if (!(w == "after" || w == "before" || w == "while" || w == "upon" || w == "since" ||
            w == "when") ||
          !tokens_[k + 1].word || !HasSuffix(tokens_[k + 1].fold, "ing", 4)) {
        continue;
      }
      size_t c = k + 2;
      while (c < stop && tokens_[c].fold != ",") ++c;
      if (c < stop) {
        opener_first = k;
        opener_end = c;
      }
      break;
    }
    std::unordered_set<int> candidates;
    for (size_t m = FirstMentionFrom(s.first); m < m_.mentions.size(); ++m) {
      const EntityMention& mention = m_.mentions[m];
      if (mention.first >= stop) break;
      if (Blocked(mention.first) ||
          (mention.first >= opener_first && mention.first < opener_end) ||
          (back == 0 && trailing && in_quote_[mention.first])) {
        continue;
      }
      const EntityRecord& e = m_.entities[static_cast<size_t>(mention.entity)];
      const std::string& gender = gender_[static_cast<size_t>(mention.entity)];
      if (e.type != "person" || (!gender.empty() && gender != want)) continue;
      if (named_after.count(mention.entity) != 0) continue;
      // "Sanders's campaign manager said he expects ...": the pronoun may as well be the
      // person the owner's phrase names; nobody can say which.
      if (back == 0 && PossessesAPerson(mention)) return -1;
      // "a Donald Trump supporter", "Obama consultant Cornell Belcher": a name that modifies
      // a noun after it is no antecedent.
      if (NameModifiesNoun(mention)) continue;
      // "after examining Clinton's leg, she insisted": an owner of unknown gender is no
      // antecedent for "she" or "he".
      const Token& end = tokens_[mention.last - 1];
      if (gender.empty() && end.word && end.fold != end.base) continue;
      candidates.insert(mention.entity);
    }
    // "He said Trump needs to do more work. “...,” he said.": when the sentence before had a
    // speaker referred to by the same pronoun whom nothing resolved, this one is that unknown
    // person too, not someone named in their words.
    if (back > 0 && s.attribution && s.attribution->speaker.pronoun == np.pronoun &&
        resolved_speaker_[sentence - back] < 0) {
      return -1;
    }
    // "Joseph R. Murray II later came out as gay. ... He wrote": a sentence opening with a
    // person's name nothing else took for a person may be about whom the pronoun means.
    if (back > 0 && s.first + 1 < s.last && mention_starting_[s.first] < 0 &&
        tokens_[s.first].word && tokens_[s.first].capitalized &&
        !GivenNameGender(tokens_[s.first].base).empty() && tokens_[s.first + 1].capitalized &&
        !mention_covering_[s.first + 1]) {
      return -1;
    }
    // "Rubio spoke. The Florida senator sought to calm his supporters ... at Trump's rallies.
    // He said": when a sentence before is about a person it describes without a name, the
    // people it names in passing are not who the pronoun means; the description's referent is
    // named further back.
    if (back > 0 && resolved_speaker_[sentence - back] < 0) {
      std::optional<Np> subject = SentenceSubject(s);
      if (subject && subject->unnamed && subject->mention < 0) {
        const Token& head = tokens_[subject->last - 1];
        // Not "the top prosecutor, Loretta Lynch rose": the description names its person.
        bool named_next = subject->last < s.last && (tokens_[subject->last].fold == "," ||
                                                     mention_starting_[subject->last] >= 0);
        if (head.word && head.fold.back() != 's' && !named_next &&
            (IsTitleWord(head.fold) || IsSourceNoun(head.fold))) {
          continue;
        }
      }
    }
    int chained = back > 0 ? resolved_speaker_[sentence - back] : -1;
    // "The Review agreed with ... “...,” he wrote": "he" and "she" chain only to a person.
    if (chained >= 0 && m_.entities[static_cast<size_t>(chained)].type == "person" &&
        named_after.count(chained) == 0) {
      const std::string& gender = gender_[static_cast<size_t>(chained)];
      if (gender.empty() || gender == want) candidates.insert(chained);
    }
    if (candidates.size() > 1) {
      int subject = SubjectOf(s, stop, want, chained);
      if (subject >= 0) return subject;
      // "“A,” he said." in a run of the same speaker's quotes: the speaker of the claim just
      // before, when that person is among the candidates, carries on.
      int recent = RecentSpeaker(sentence, want);
      return recent >= 0 && candidates.count(recent) != 0 ? recent : -1;
    }
    if (candidates.size() == 1) {
      // A person of unknown gender ("Vladimir Putin" in an object phrase two sentences back)
      // is taken for "she" or "he" from further than the sentence before only as the subject
      // or the speaker of that sentence: the pronoun more likely points past them.
      int only = *candidates.begin();
      if (!gender_[static_cast<size_t>(only)].empty() || only == chained ||
          back <= 1) {
        return only;
      }
      std::optional<Np> subject = SentenceSubject(s);
      bool is_subject = subject && subject->mention >= 0 &&
                        m_.mentions[static_cast<size_t>(subject->mention)].entity == only;
      return is_subject ? only : -1;
    }
  }
  return -1;
}

// "Democrats said ... They added": "they" (or "it") speaks for the source of one of the two
// sentences before — a group, an organisation, an unnamed source of the pronoun's number —
// when exactly one such source is there. People are never "they" or "it" here.
std::optional<SpeakerRef> DocAnalysis::ResolveGroupPronoun(const Np& np, size_t sentence,
                                                           const Mention& mention) const {
  bool plural = np.pronoun == "they";
  std::optional<SpeakerRef> found;
  for (size_t back = 1; back <= 2 && back <= sentence; ++back) {
    const std::optional<SpeakerRef>& prev = speakers_[sentence - back];
    if (!prev || prev->via == "pronoun") continue;
    bool group = prev->type == "organization" || prev->type == "government";
    if (prev->type == "unnamed") {
      // The number is the head noun's: "people briefed on the move" are plural, "a person
      // close to him" is nobody's "it".
      std::string_view head = prev->name;
      bool person = false;
      for (size_t at = 0; at < prev->name.size();) {
        size_t space = prev->name.find(' ', at);
        if (space == std::string::npos) space = prev->name.size();
        std::string word = AsciiLower(std::string_view(prev->name).substr(at, space - at));
        if (word == "person" || word == "people" || word == "persons") {
          person = true;
          head = word == "person" ? "person" : "people";
          break;
        }
        if (IsSourceNoun(word)) {
          head = std::string_view(prev->name).substr(at, space - at);
          break;
        }
        at = space + 1;
      }
      bool plural_head = head == "people" || (!head.empty() && head.back() == 's');
      group = plural_head == plural && !(person && !plural);
      // "Polls show that a large majority of voters believe ... They are hungry for change -
      // and they see Trump as ...": a plural "they" after polls or reports is more often the
      // people they speak of.
      static const std::unordered_set<std::string_view> kDocuments = {
          "polls",   "surveys",   "reports", "studies",  "data",      "figures",    "numbers",
          "results", "documents", "records", "analyses", "estimates", "projections"};
      if (plural && kDocuments.count(AsciiLower(head)) != 0) return std::nullopt;
    } else if (group && plural) {
      // "Senate Democrats ... they"; not "the Commerce Department ... they", where a plural
      // more often means the people around the body.
      group = !prev->name.empty() && prev->name.back() == 's';
    }
    if (!group) return std::nullopt;  // the nearest speaker is a person: ambiguous at best
    found = prev;
    break;
  }
  if (!found && !plural && np.first == sentences_[sentence].first && sentence > 0 &&
      sentences_[sentence - 1].paragraph == sentences_[sentence].paragraph) {
    found = DocumentBefore(sentences_[sentence - 1]);
  }
  if (!found) return std::nullopt;
  found->via = "pronoun";
  found->confidence = 0.6;
  found->mention = mention;
  return found;
}

// "The city sent a cease-and-desist letter Thursday. It says ...": "it" opening a sentence
// after one that has exactly one document in it (and no speaker) is that document.
std::optional<SpeakerRef> DocAnalysis::DocumentBefore(const SentenceInfo& s) const {
  static const std::unordered_set<std::string_view> kDocuments = {
      "letter", "memo", "report", "video", "statement", "ad", "rule", "order", "study",
      "analysis", "filing", "lawsuit", "complaint", "release", "poll", "survey", "brief"};
  std::optional<Np> document;
  for (size_t k = s.first; k < s.last; ++k) {
    if (!tokens_[k].word || kDocuments.count(tokens_[k].fold) == 0 || Blocked(k)) continue;
    if (k + 1 < s.last && tokens_[k + 1].word && IsSourceNoun(tokens_[k + 1].fold)) continue;
    std::optional<Np> np = UnnamedEndingAt(k + 1, s.first);
    if (!np) continue;
    if (document) return std::nullopt;  // two documents: which one?
    document = np;
  }
  if (!document) return std::nullopt;
  SpeakerRef ref;
  size_t start = tokens_[document->first].start;
  size_t end = tokens_[document->last - 1].end;
  ref.name = doc_.text.substr(start, end - start);
  ref.type = "unnamed";
  return ref;
}

// "Lynch rose to prominence despite obstacles. She occupies ...": a sentence whose subject
// is "she" or "he", right after a sentence of the same paragraph that names exactly one
// person, says that person's gender when nothing else did.
void DocAnalysis::LearnGenders() {
  gender_.clear();
  // "Brian Fallon": a first name that marks a sex; a lone surname ("Warren") says nothing.
  for (const EntityRecord& e : m_.entities) gender_.push_back(SexOf(e));
  for (size_t i = 1; i < sentences_.size(); ++i) {
    const SentenceInfo& s = sentences_[i];
    const SentenceInfo& prev = sentences_[i - 1];
    if (prev.paragraph != s.paragraph) continue;
    std::optional<Np> subject = SentenceSubject(s);
    if (!subject || (subject->pronoun != "she" && subject->pronoun != "he")) continue;
    int only = -1;
    bool single = true;
    bool subject_like = false;  // "..., Lynch rose": a clause's subject, not an object
    for (size_t m = FirstMentionFrom(prev.first); m < m_.mentions.size(); ++m) {
      const EntityMention& mention = m_.mentions[m];
      if (mention.first >= prev.last) break;
      if (m_.entities[static_cast<size_t>(mention.entity)].type != "person") continue;
      if (only >= 0 && only != mention.entity) single = false;
      only = mention.entity;
      const Token& end = tokens_[mention.last - 1];
      bool opens = mention.first == prev.first || tokens_[mention.first - 1].fold == ",";
      bool verb_after = mention.last < prev.last && tokens_[mention.last].word &&
                        !tokens_[mention.last].capitalized && tokens_[mention.last].fold != "and";
      subject_like = subject_like || (opens && verb_after && end.fold == end.base);
    }
    if (only < 0 || !single || !subject_like || !gender_[static_cast<size_t>(only)].empty()) {
      continue;
    }
    gender_[static_cast<size_t>(only)] = subject->pronoun == "she" ? "female" : "male";
  }
}

// The person who spoke last within the lookback, if the pronoun's gender fits; -1 otherwise.
int DocAnalysis::RecentSpeaker(size_t sentence, const std::string& gender) const {
  size_t looked = 0;
  size_t skipped = 0;
  for (size_t back = 1; back <= sentence; ++back) {
    if (sentences_[sentence - back].wholly_quoted && ++skipped <= kMaxQuotedSkipped) continue;
    if (++looked > kPronounLookback) break;
    int e = resolved_speaker_[sentence - back];
    if (e < 0) continue;
    const EntityRecord& r = m_.entities[static_cast<size_t>(e)];
    const std::string& known = gender_[static_cast<size_t>(e)];
    if (r.type != "person" || (!known.empty() && known != gender)) return -1;
    return e;
  }
  return -1;
}

// "Mr. Obama dismissed the criticism as the voice of Mr. Tribe's client. “...,” he said.":
// with several people of the pronoun's gender in a sentence, the subject is the antecedent
// when it is a person whose gender is known to match and every other one only qualifies a
// noun ("Tribe's client", "the lawyers of X"). "Toner met Jane Smith" stays ambiguous.
// Returns the entity index or -1.
int DocAnalysis::SubjectOf(const SentenceInfo& s, size_t stop, const std::string& gender,
                           int chained) const {
  std::optional<Np> subject = SentenceSubject(s);
  if (!subject || subject->mention < 0) return -1;
  // "Sanders's campaign manager, Jeff Weaver, appeared": the owner is not the subject.
  const Token& subject_end = tokens_[m_.mentions[static_cast<size_t>(subject->mention)].last - 1];
  if (subject_end.word && subject_end.fold != subject_end.base) return -1;
  int entity = m_.mentions[static_cast<size_t>(subject->mention)].entity;
  const EntityRecord& e = m_.entities[static_cast<size_t>(entity)];
  if (e.type != "person" || gender_[static_cast<size_t>(entity)] != gender) return -1;
  if (chained >= 0 && chained != entity) return -1;
  for (size_t m = FirstMentionFrom(s.first); m < m_.mentions.size(); ++m) {
    const EntityMention& mention = m_.mentions[m];
    if (mention.first >= stop) break;
    if (mention.entity == entity || Blocked(mention.first)) continue;
    const EntityRecord& other = m_.entities[static_cast<size_t>(mention.entity)];
    const std::string& known = gender_[static_cast<size_t>(mention.entity)];
    if (other.type != "person" || (!known.empty() && known != gender)) continue;
    const Token& last = tokens_[mention.last - 1];
    bool possessive = last.word && last.fold != last.base;
    bool of_phrase = mention.first > s.first && tokens_[mention.first - 1].fold == "of";
    if (!possessive && !of_phrase) return -1;
  }
  return entity;
}

size_t DocAnalysis::FirstMentionFrom(size_t token) const {
  auto it = std::lower_bound(m_.mentions.begin(), m_.mentions.end(), token,
                             [](const EntityMention& m, size_t t) { return m.first < t; });
  return static_cast<size_t>(it - m_.mentions.begin());
}

std::optional<SpeakerRef> DocAnalysis::Resolve(const Np& np, size_t sentence) const {
  SpeakerRef ref;
  ref.mention.start = tokens_[np.first].start;
  ref.mention.end = tokens_[np.last - 1].end;
  ref.mention.text = doc_.text.substr(ref.mention.start, ref.mention.end - ref.mention.start);
  if (np.unnamed) {
    // Described, not named: the words of the text, no knowledge-base id, never a person.
    ref.name = ref.mention.text;
    if (np.relative) {
      // "some economists who", "family members of 9/11 victims, many of whom": the mention
      // runs through the relative pronoun, the name is the group before it.
      size_t k = np.first + 1;
      while (k < np.last && tokens_[k].fold != "," && tokens_[k].fold != "who") ++k;
      ref.name = doc_.text.substr(ref.mention.start, tokens_[k - 1].end - ref.mention.start);
    }
    ref.type = "unnamed";
    ref.via = "explicit";
    ref.confidence = 0.8;
    return ref;
  }
  int entity = -1;
  if (np.mention >= 0) {
    const EntityMention& mention = m_.mentions[static_cast<size_t>(np.mention)];
    entity = mention.entity;
    ref.via = mention.via == "name" || mention.via == "alias" ? "explicit"
              : mention.via == "fuzzy"                        ? "surname"
                                                              : mention.via;
    ref.confidence = mention.via == "fuzzy" ? 0.6 : mention.via == "role" ? 0.75 : 0.9;
    if (np.relative) {
      ref.via = "pronoun";
      ref.confidence = std::min(ref.confidence, 0.85);
    }
  } else if (np.pronoun == "they" || np.pronoun == "it") {
    return ResolveGroupPronoun(np, sentence, ref.mention);
  } else {
    entity = ResolvePronoun(np, sentence);
    if (entity < 0) return std::nullopt;
    ref.via = "pronoun";
    ref.confidence = 0.7;
  }
  const EntityRecord& e = m_.entities[static_cast<size_t>(entity)];
  ref.id = e.id;
  ref.name = e.name;
  ref.type = e.type;
  ref.role = e.role;
  return ref;
}

void DocAnalysis::AddCoSpeakers(const SentenceInfo& s, Attribution* a) const {
  // "Microsoft and Nvidia urged ...": the first named is the speaker, the rest co-speakers.
  Np first = a->speaker;
  if (first.relative) return;  // "Jane Roe, who said": the name before is the same speaker
  // A list ends in "and" next to the verb's subject ("Microsoft, Nvidia and AMD"); a comma
  // alone joins no list ("In Washington, Marc Morial, ... told"), nor does a name inside a
  // prepositional phrase.
  static const std::unordered_set<std::string_view> kPrepositions = {
      "in", "at", "on", "from", "for", "with", "by", "of", "to", "after", "before", "during"};
  bool and_seen = false;
  while (first.first >= s.first + 2 && first.mention >= 0) {
    // "Mr. Grassley and Mr. Leahy say": an honorific or title the mention left out.
    size_t at = first.first;
    while (at > s.first + 2 &&
           ((tokens_[at - 1].fold == "." && tokens_[at - 2].word &&
             IsHonorific(tokens_[at - 2].fold)) ||
            (tokens_[at - 1].word && tokens_[at - 1].capitalized &&
             (IsHonorific(tokens_[at - 1].fold) || IsTitleWord(tokens_[at - 1].base))))) {
      at -= tokens_[at - 1].fold == "." ? 2 : 1;
    }
    const Token& joiner = tokens_[at - 1];
    if (joiner.fold == "and") {
      and_seen = true;
    } else if (joiner.fold != "," || !and_seen) {
      break;
    }
    std::optional<Np> before = NpEndingAt(at - 1, s.first);
    if (!before || before->mention < 0) break;
    if (before->first > s.first && tokens_[before->first - 1].word &&
        kPrepositions.count(tokens_[before->first - 1].fold) != 0) {
      break;
    }
    a->co_speakers.insert(a->co_speakers.begin(), first);
    first = *before;
  }
  // The source phrase is the whole list: "France and Germany unveiled".
  if (!a->co_speakers.empty() && a->co_speakers.back().last <= a->cue_first) {
    first.last = std::max(first.last, a->co_speakers.back().last);
  }
  a->speaker = first;
}

Claim DocAnalysis::MakeClaim(size_t start, size_t end) const {
  Claim c;
  c.start = start;
  c.end = end;
  c.text = doc_.text.substr(start, end - start);
  c.id = "c:" + HexDigest(fmt::format("{}:{}:{}", doc_.id, start, end)).substr(0, 16);
  std::unordered_set<std::string> seen;
  for (size_t m = FirstMentionFrom(TokenAt(start)); m < m_.mentions.size(); ++m) {
    const EntityMention& mention = m_.mentions[m];
    if (tokens_[mention.first].start >= end) break;
    const std::string& id = m_.entities[static_cast<size_t>(mention.entity)].id;
    if (seen.insert(id).second) c.entities.push_back(id);
  }
  return c;
}

std::vector<Claim> DocAnalysis::Run() {
  const std::string& text = doc_.text;
  for (size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    const Paragraph& para = doc_.paragraphs[p];
    size_t pend = std::min(para.end, text.size());
    if (para.start >= pend) continue;
    for (const QuoteSpan& q : FindQuotes(text, para.start, pend)) {
      quotes_.push_back(q);
      for (size_t t = TokenAt(q.open); t < tokens_.size() && tokens_[t].start < q.end; ++t) {
        if (tokens_[t].start < q.begin) {
          quote_mark_[t] = true;
        } else {
          in_quote_[t] = true;
        }
      }
      if (q.closed) {
        size_t close_end = q.end + std::max<size_t>(1, QuoteMarkAt(text, q.end));
        for (size_t t = TokenAt(q.end); t < tokens_.size() && tokens_[t].start < close_end; ++t) {
          quote_mark_[t] = true;  // both halves of a '' mark
        }
      }
    }
    for (const TextSpan& span : SplitSentences(text, para.start, pend)) {
      SentenceInfo s;
      s.span = span;
      s.first = TokenAt(span.start);
      s.last = TokenAt(span.end);
      s.paragraph = static_cast<int>(p);
      sentences_.push_back(s);
    }
  }
  for (SentenceInfo& s : sentences_) {
    bool any = false;
    bool all = true;
    for (size_t k = s.first; k < s.last && all; ++k) {
      if (!tokens_[k].word) continue;
      all = Blocked(k);
      any = true;
    }
    s.wholly_quoted = any && all;
  }
  LearnGenders();
  resolved_speaker_.assign(sentences_.size(), -1);
  speakers_.assign(sentences_.size(), std::nullopt);
  std::vector<std::optional<SpeakerRef>>& speakers = speakers_;
  std::vector<std::vector<CoSpeaker>> co(sentences_.size());
  for (size_t i = 0; i < sentences_.size(); ++i) {
    SentenceInfo& s = sentences_[i];
    s.attribution = Attribute(s, &s.unattributed_cue, &s.more);
    if (!s.attribution) continue;
    for (const Attribution& a : s.more) s.more_speakers.push_back(Resolve(a.speaker, i));
    AddCoSpeakers(s, &*s.attribution);
    speakers[i] = Resolve(s.attribution->speaker, i);
    const Np& said_by = s.attribution->speaker;
    if (!speakers[i] && said_by.pronoun == "they" && said_by.mention < 0 && !said_by.unnamed) {
      // "Mr. Grassley and Mr. Leahy say ... The program has expanded, they say.": "they" are
      // the joint speakers of the nearest sentence with a speaker, one or two before.
      for (size_t back = 1; back <= 2 && back <= i; ++back) {
        if (!speakers[i - back]) continue;
        if (!co[i - back].empty() && speakers[i - back]->via != "pronoun") {
          speakers[i] = speakers[i - back];
          speakers[i]->via = "pronoun";
          speakers[i]->confidence = 0.6;
          speakers[i]->mention.start = tokens_[said_by.first].start;
          speakers[i]->mention.end = tokens_[said_by.last - 1].end;
          speakers[i]->mention.text = text.substr(
              speakers[i]->mention.start, speakers[i]->mention.end - speakers[i]->mention.start);
          co[i] = co[i - back];
        }
        break;
      }
    }
    if (!speakers[i]) {
      // "Back when he wrote his book, Mr. McKinley said that ...": the first cue's speaker
      // resolves to nobody; the next attribution with a speaker leads the sentence instead.
      size_t k = 0;
      while (k < s.more.size() && !s.more_speakers[k]) ++k;
      if (k == s.more.size()) continue;
      // "“It never crossed my mind,” she said ..., and a big reason was Trump, who ...": a
      // quotation before the later cue is the unresolved speaker's, never the later one's.
      bool quote_before = false;
      for (size_t t = s.first; t < s.more[k].cue_first && !quote_before; ++t) {
        quote_before = quote_mark_[t];
      }
      if (quote_before) continue;
      s.attribution = s.more[k];
      speakers[i] = s.more_speakers[k];
      s.more.erase(s.more.begin(), s.more.begin() + static_cast<long>(k) + 1);
      s.more_speakers.erase(s.more_speakers.begin(),
                            s.more_speakers.begin() + static_cast<long>(k) + 1);
    }
    if (s.attribution->speaker.mention >= 0) {
      resolved_speaker_[i] =
          m_.mentions[static_cast<size_t>(s.attribution->speaker.mention)].entity;
    } else if (!s.attribution->speaker.unnamed && (s.attribution->speaker.pronoun == "he" ||
                                                   s.attribution->speaker.pronoun == "she")) {
      resolved_speaker_[i] = ResolvePronoun(s.attribution->speaker, i);
    }
    for (const Np& np : s.attribution->co_speakers) {
      if (std::optional<SpeakerRef> r = Resolve(np, i)) co[i].push_back({r->id, r->name, r->type});
    }
  }
  return BuildClaims(speakers, co);
}

size_t DocAnalysis::WordCount(size_t begin, size_t end) const {
  size_t n = 0;
  for (size_t t = TokenAt(begin); t < tokens_.size() && tokens_[t].start < end; ++t) {
    n += tokens_[t].word;
  }
  return n;
}

// The quote is the claim itself, not a phrase inside a paraphrase: it opens the claim, or
// follows the speech verb or the speaker's name ("X said: “...”").
bool DocAnalysis::QuoteAdjacent(const Attribution& a, const std::vector<const QuoteSpan*>& quotes,
                                size_t claim_start) const {
  size_t after = std::max(a.cue_last, a.speaker.last);
  if (a.takes_object) {
    // "told me, “...”", "told reporters: “...”": a short object before the quotation.
    size_t k = after;
    while (k < tokens_.size() && k < after + 4 && tokens_[k].word && !Blocked(k)) ++k;
    if (k > after && k < tokens_.size() && (tokens_[k].fold == ":" || tokens_[k].fold == ",")) {
      after = k;
    }
  }
  while (after < tokens_.size() && (tokens_[after].fold == ":" || tokens_[after].fold == ",")) {
    ++after;
  }
  // "It has an impact: “...,” Jane Roe, an analyst, wrote in a note.": the quotation the
  // writer's words introduce with a colon closes right before the attribution.
  size_t before = tokens_[std::min(a.speaker.first, a.cue_first)].start;
  for (const QuoteSpan* q : quotes) {
    if (q->open == claim_start) return true;
    if (after < tokens_.size() && tokens_[after].start == q->open) {
      // Not "he said “budget reforms” and unpaid taxes would pay for them": words of the
      // clause after the closing mark make the quotation a phrase inside a paraphrase. (An
      // adjunct may follow: "said “the rules work” in a speech".)
      if (!q->closed || q->end == 0) return true;
      // ("what lawmakers called “fraud” led ...": a verb of naming names the quoted term.)
      static const std::unordered_set<std::string_view> kNaming = {
          "called", "calls",     "call",       "calling",   "dubbed",    "labeled", "labelled",
          "termed", "considers", "considered", "described", "describes", "deemed"};
      if (kNaming.count(tokens_[a.cue_first].fold) != 0) return true;
      // ("said “the rules work,” and left": punctuation inside the marks closes the words.)
      char last = doc_.text[q->end - 1];
      if (last == ',' || last == '.' || last == '!' || last == '?') return true;
      size_t next = TokenAt(q->end);
      while (next < tokens_.size() && quote_mark_[next]) ++next;
      return next >= tokens_.size() || !tokens_[next].word || tokens_[next].capitalized ||
             IsAdjunctOpener(tokens_[next].fold) || IsTimeWord(tokens_[next].fold);
    }
    // (Between the closing mark and the source only spaces, a comma and the bytes of the
    // closing marks.)
    if (q->closed && q->end < before && !a.according_to && q->open > claim_start &&
        doc_.text[doc_.text.find_last_not_of(" ", q->open - 1)] == ':' &&
        doc_.text.find_first_not_of(" ,\"'\xE2\x80\x9D\xE2\x80\x99", q->end) == before) {
      return true;
    }
  }
  return false;
}

int DocAnalysis::CapitalisedCount(const std::string& fold) const {
  auto it = capitalised_.find(fold);
  return it == capitalised_.end() ? 0 : it->second;
}

// Sentence i, with no attribution of its own, is a further quotation of the speaker of the
// claim just before it: the sentences are adjacent in one paragraph, that claim is a direct
// quote with a speaker, and this one opens with a quotation mark and is nearly all quote.
// "Trojan", "Syrian", "Chinese", "British": a word with the ending of an adjective of a
// people or place, capitalised inside a sentence without being a name or a heading. The
// people's plural too ("all Americans", "Israelis"; not "Analysis").
bool IsDemonym(std::string_view w) {
  if (w.size() > 5 && w.back() == 's' &&
      (HasSuffix(w, "ans", 5) || (HasSuffix(w, "is", 5) && !HasSuffix(w, "sis", 5)))) {
    w.remove_suffix(1);
  }
  return HasSuffix(w, "an", 4) || HasSuffix(w, "ese", 4) || HasSuffix(w, "ish", 4) ||
         HasSuffix(w, "ic", 4) || HasSuffix(w, "i", 4);
}

// "“No one is writing songs for her,” he said. ¶ “Right now, the vote is against Trump.”": a
// paragraph that is one quotation and nothing else, right after a paragraph that ended with a
// named speaker's quotation, goes on with that speaker's words. Not a question (an interview
// alternates speakers), not one signed with a byline.
bool DocAnalysis::QuoteParagraphFollows(const std::vector<Claim>& claims, size_t last_claimed,
                                        size_t i, const ClaimSpan& span,
                                        size_t quote_words) const {
  const SentenceInfo& s = sentences_[i];
  if (claims.empty() || last_claimed + 1 != i || span.quotes.empty()) return false;
  const Claim& prev = claims.back();
  if (!prev.speaker || prev.kind != "direct_quote" || prev.paragraph + 1 != s.paragraph ||
      prev.cue.empty() || !std::isalpha(static_cast<unsigned char>(prev.cue[0]))) {
    return false;  // a speech verb said whose words they were, not a label or a byline
  }
  if (i == 0 || sentences_[i - 1].paragraph != prev.paragraph) return false;
  // The paragraph before ended with its attribution ("..., Toner said."), not with the
  // quotation ("Huang said: “...”" leaves the next quotation's speaker open).
  const SentenceInfo& before = sentences_[i - 1];
  size_t end = before.last;
  while (end > before.first && tokens_[end - 1].fold == ".") --end;
  if (end == before.first || quote_mark_[end - 1] || !tokens_[end - 1].word) return false;
  if (span.quotes.front()->open != s.span.start || !s.unattributed_cue.empty()) return false;
  if (!span.quotes.back()->closed) return false;
  // The whole paragraph, nothing after the quotation but its full stop.
  if (span.last + 1 < sentences_.size() && sentences_[span.last + 1].paragraph == s.paragraph) {
    return false;
  }
  for (size_t k = TokenAt(span.quotes.back()->end) + 1;
       k < tokens_.size() && tokens_[k].start < span.end; ++k) {
    if (tokens_[k].fold != ".") return false;
  }
  for (size_t k = TokenAt(span.start); k < tokens_.size() && tokens_[k].start < span.end; ++k) {
    if (tokens_[k].fold == "?") return false;
  }
  size_t words = std::max<size_t>(1, WordCount(span.start, span.end));
  return quote_words * 10 >= words * 9;
}

bool DocAnalysis::ContinuesQuote(const std::vector<Claim>& claims, size_t last_claimed, size_t i,
                                 const ClaimSpan& span, size_t quote_words) const {
  const SentenceInfo& s = sentences_[i];
  if (claims.empty() || last_claimed + 1 != i || span.quotes.empty()) return false;
  const Claim& prev = claims.back();
  if (!prev.speaker || prev.kind != "direct_quote" || prev.paragraph != s.paragraph) return false;
  if (span.quotes.front()->open != s.span.start || !s.unattributed_cue.empty()) return false;
  // A line break starts a new paragraph in plain text, whatever the paragraph list says.
  if (doc_.text.find('\n', prev.end) < s.span.start) return false;
  // "“B.” ― Jane Roe": a quotation signed by its own byline is not a continuation.
  if (span.last + 1 < sentences_.size()) {
    const SentenceInfo& next = sentences_[span.last + 1];
    if (next.paragraph == s.paragraph && next.first < next.last &&
        IsDash(tokens_[next.first].fold)) {
      return false;
    }
  }
  size_t words = std::max<size_t>(1, WordCount(span.start, span.end));
  if (quote_words * 10 < words * 8) return false;
  // "closer to closed functions, and we see Price fell to zero": a lone capitalised word
  // between lower-case ones that is no name (the text never capitalises it again) is a heading
  // or caption the page glued in, not the speaker's words.
  for (size_t t = s.first + 1; t + 1 < tokens_.size() && tokens_[t].start < span.end; ++t) {
    const Token& w = tokens_[t];
    const Token& before = tokens_[t - 1];
    const Token& after = tokens_[t + 1];
    if (!w.word || !w.capitalized || mention_covering_[t] || !before.word || before.capitalized ||
        !after.word || after.capitalized) {
      continue;
    }
    if (w.fold == "i" || w.fold.rfind("i'", 0) == 0) continue;
    // "whether it is Clinton or Trump", "a letter to Pelosi": a name in a coordination or a
    // prepositional phrase reads as a name, not as a caption.
    static const std::unordered_set<std::string_view> kNameContext = {
        "and", "or", "nor", "of", "to", "for", "with", "by", "from", "at", "than", "like", "as",
        "about", "against", "versus", "vs"};
    if (kNameContext.count(before.fold) != 0 || kNameContext.count(after.fold) != 0) continue;
    // "the great Trojan horse", "our Syrian allies": an adjective of a people or place
    // inside a noun phrase.
    if (IsDemonym(w.fold)) continue;
    // "the Donald's horrible week": a possessive is a name's, never a caption's.
    if (w.fold != w.base) continue;
    if (CapitalisedCount(w.fold) <= 1) return false;
  }
  return true;
}

// Sentence i, with no attribution of its own, opens with a quotation and is nearly all quote,
// right after an indirect claim of a person in the same paragraph whose attribution ended that
// sentence ("..., Schiff said." or "Schiff said ..."), named or resolved from a pronoun ("...
// because “...,” she said. “...”"). Not one that itself came from the sentence before.
bool DocAnalysis::FollowsIndirectClaim(const std::vector<Claim>& claims, size_t last_claimed,
                                       size_t i, const ClaimSpan& span, size_t quote_words) const {
  const SentenceInfo& s = sentences_[i];
  if (claims.empty() || last_claimed + 1 != i || span.quotes.empty()) return false;
  const Claim& prev = claims.back();
  if (!prev.speaker || (prev.kind != "indirect" && prev.kind != "paraphrase") ||
      prev.paragraph != s.paragraph || prev.speaker->type != "person" ||
      prev.speaker->via == "context") {
    return false;
  }
  if (span.quotes.front()->open != s.span.start || !s.unattributed_cue.empty()) return false;
  if (doc_.text.find('\n', prev.end) < s.span.start) return false;
  // Another person named in the quotation's sentence may be its speaker: leave it alone.
  for (size_t m = FirstMentionFrom(s.first); m < m_.mentions.size(); ++m) {
    const EntityMention& mention = m_.mentions[m];
    if (tokens_[mention.first].start >= span.end) break;
    if (!in_quote_[mention.first] &&
        m_.entities[static_cast<size_t>(mention.entity)].type == "person") {
      return false;
    }
  }
  size_t words = std::max<size_t>(1, WordCount(span.start, span.end));
  return quote_words * 10 >= words * 8;
}

// The paragraph opened by sentence i, whole, as the words of `speaker` (a block quotation
// announced by "X added:" in the paragraph before).
Claim DocAnalysis::BlockQuoteClaim(size_t i, const SpeakerRef& speaker,
                                   const std::string& cue) const {
  const SentenceInfo& s = sentences_[i];
  size_t end = s.span.end;
  for (size_t k = i + 1; k < sentences_.size() && sentences_[k].paragraph == s.paragraph; ++k) {
    end = sentences_[k].span.end;
  }
  Claim c = MakeClaim(s.span.start, end);
  c.paragraph = s.paragraph;
  c.cue = cue;
  c.kind = "direct_quote";
  c.quote = c.text;
  c.speaker = speaker;
  c.speaker->via = "context";
  c.speaker->confidence = 0.7;
  return c;
}

// Sentence i and the sentences of its paragraph that its quotes run on into.
DocAnalysis::ClaimSpan DocAnalysis::GrowOverQuotes(size_t i, size_t first_quote) {
  const SentenceInfo& s = sentences_[i];
  ClaimSpan span{s.span.start, s.span.end, i, {}};
  for (size_t k = first_quote; k < quotes_.size() && quotes_[k].open < span.end; ++k) {
    span.quotes.push_back(&quotes_[k]);
    while (quotes_[k].end > span.end && span.last + 1 < sentences_.size() &&
           sentences_[span.last + 1].paragraph == s.paragraph) {
      ++span.last;
      sentences_[span.last].consumed = true;
      span.end = sentences_[span.last].span.end;
    }
  }
  return span;
}

// The quoted words inside the span, joined by an ellipsis; returns how many words.
size_t DocAnalysis::QuotedWords(const ClaimSpan& span, std::string* quote) const {
  size_t words = 0;
  for (const QuoteSpan* q : span.quotes) {
    size_t b = std::max(q->begin, span.start);
    size_t e = std::min(q->end, span.end);
    if (b >= e) continue;
    words += WordCount(b, e);
    std::string piece = doc_.text.substr(b, e - b);
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == ',')) piece.pop_back();
    if (!quote->empty()) *quote += " \xE2\x80\xA6 ";
    *quote += piece;
  }
  return words;
}

// "“You winning?” she said, but Kevin was drifting off, and as Trump went on about “how the
// system is rigged,” ...": a quotation after the attribution that a clause of the writer's
// (over six words, with a comma) separates from it is somebody else's words.
void DocAnalysis::DropDistantQuotes(const Attribution& a, ClaimSpan* span) const {
  size_t after = tokens_[std::max(a.cue_last, a.speaker.last) - 1].end;
  size_t kept = 0;
  size_t prev_end = after;
  bool dropping = false;
  for (const QuoteSpan* q : span->quotes) {
    if (!dropping && q->begin >= after) {
      size_t gap = WordCount(prev_end, q->begin);
      bool comma = doc_.text.find(',', prev_end) < q->begin;
      dropping = gap > 6 && comma;
    }
    if (dropping) continue;
    span->quotes[kept++] = q;
    prev_end = std::max(prev_end, q->end);
  }
  span->quotes.resize(kept);
}

// "May said that the country would leave and suggested that ...": after a reported clause
// in "would/will/could + verb", a past-tense verb cannot share that clause's subject, so it is
// the sentence subject's. Any other verb in the reported clause leaves it ambiguous.
bool DocAnalysis::CoordinatedAfterModalClause(size_t from, size_t join, size_t cue) const {
  static const std::unordered_set<std::string_view> kModals = {"would", "will", "could",
                                                                "might", "should", "can"};
  if (!tokens_[cue].word || !HasSuffix(tokens_[cue].fold, "ed", 3)) return false;
  bool modal = false;
  for (size_t k = from; k < join; ++k) {
    const std::string& w = tokens_[k].fold;
    if (kModals.count(w) != 0) {
      if (modal) return false;
      modal = true;
    } else if (modal && (HasSuffix(w, "ed", 3) || IsFiniteAuxiliary(w) || w == "who" ||
                         w == "which" || w == "that" || IsSingleWordCue(w))) {
      return false;
    }
  }
  return modal;
}

// "tells so many lies that Clinton could ...", "told the truth", "tells stories": the
// object is what is told, not who hears it, and a "that" after it opens no reported clause.
bool DocAnalysis::TellsATale(size_t after_cue, size_t last) const {
  static const std::unordered_set<std::string_view> kTales = {
      "lies", "lie", "truth", "stories", "story", "jokes", "joke", "tales", "tale"};
  if (after_cue < last && (tokens_[after_cue].fold == "so" || tokens_[after_cue].fold == "such")) {
    return true;
  }
  for (size_t k = after_cue; k < last && k < after_cue + 3; ++k) {
    if (kTales.count(tokens_[k].fold) != 0) return true;
  }
  return false;
}

// Uses of cue words that report nothing: "called" for a telephone call, a meeting convened
// or a name given ("a group called Lashkar-e-Taiba"); a noun that is also a cue verb
// ("85 percent support among black voters", "rely less on U.S. support").
// `base` opens a cue in some form: "argue" ("argues"), "call" ("called for"), "say".
bool OpensCue(const std::string& base) {
  const auto& cues = CuesByFirstWord();
  return cues.count(base) != 0 || cues.count(base + "s") != 0 || cues.count(base + "ed") != 0 ||
         cues.count(base + "d") != 0;
}

// "In the latest CNN/ORC poll, Trump ...", "..., a decisive lead in the polls.": "in" at
// `in` opens a phrase headed by a poll or survey that either opens the sentence before its
// comma or ends it. Not "in polling stations" or "in the poll's margin of error". Returns
// the end of the phrase (the comma, or the sentence's closing punctuation), 0 for none.
size_t DocAnalysis::PollPhraseEnd(const SentenceInfo& s, size_t in) const {
  static const std::unordered_set<std::string_view> kPolls = {"poll", "polls", "survey", "surveys",
                                                              "polling"};
  static const std::unordered_set<std::string_view> kAfterHead = {
      "released", "conducted", "taken",   "published", "from", "of",    "this",   "last",  "in",
      "on",       "to",        "earlier", "among",     "with", "after", "before", "since", "out"};
  static const std::unordered_set<std::string_view> kPrepositions = {
      "before", "after", "during", "at", "on",  "over",    "through", "with", "to",    "for",
      "about",  "by",    "from",   "in", "via", "outside", "while",   "when", "since", "until"};
  bool opens = in == s.first;
  if (!opens && (in < s.first + 3 || !tokens_[in - 1].word)) return 0;
  size_t head = 0;
  size_t k = in + 1;
  for (; k < s.last && k < in + 18; ++k) {
    const Token& t = tokens_[k];
    if (Blocked(k) || quote_mark_[k]) return 0;
    if (!t.word) {
      if (t.fold == "-" || t.fold == "/" || AbbreviationDot(k, s.last)) continue;
      break;
    }
    if (IsFiniteAuxiliary(t.fold) || t.fold == "he" || t.fold == "she" || t.fold == "they" ||
        t.fold == "it" || t.fold == "we" || t.fold == "i" || t.fold == "who" || t.fold == "that" ||
        t.fold == "which") {
      return 0;
    }
    // "in the hours before the first Super Tuesday polls": before the head, only the
    // poll's own words ("the RealClearPolitics average of New Hampshire polls").
    if (head == 0 && kPrepositions.count(t.fold) != 0) return 0;
    if (kPolls.count(t.fold) != 0 && head == 0) {
      head = k;
      if (k + 1 < s.last && tokens_[k + 1].word && kAfterHead.count(tokens_[k + 1].fold) == 0 &&
          !IsTimeWord(tokens_[k + 1].fold) && !tokens_[k + 1].capitalized) {
        return 0;  // "polling stations"
      }
    }
  }
  if (head == 0 || k >= s.last + (opens ? 0 : 1)) return 0;
  if (opens) {
    // ("In the polls, anyway.": a few words more are no finding.)
    size_t words = 0;
    for (size_t e = k + 1; e < s.last && words < 3; ++e) words += tokens_[e].word;
    return k < s.last && tokens_[k].fold == "," && words >= 3 ? k : 0;
  }
  for (size_t e = k; e < s.last; ++e) {
    if (tokens_[e].word) return 0;  // the phrase ends the sentence
  }
  // At the end, the sentence before it is one plain clause: no quotation, no relative
  // clause, no other verb of saying ("..., the tycoon told Reuters, ... Trump, who leads in
  // opinion polls"), and a clause at all ("15 percent mark in polls." is a fragment).
  size_t words = 0;
  for (size_t e = s.first; e < in; ++e) {
    const Token& t = tokens_[e];
    if (quote_mark_[e] || t.fold == "who" || t.fold == "which" || t.fold == "that" ||
        (t.word && IsSingleWordCue(t.fold))) {
      return 0;
    }
    words += t.word;
  }
  if (words < 4) return 0;
  // At the end, only a standing in the race is the poll's ("has a decisive lead in the
  // polls"), not "their growing influence in the polls" or "plummeted in the polls".
  static const std::unordered_set<std::string_view> kStanding = {
      "lead",     "leads", "leading", "led",    "ahead", "behind", "trails",   "trail",
      "trailing", "tied",  "percent", "points", "edge",  "margin", "advantage"};
  for (size_t e = s.first; e < in; ++e) {
    if (kStanding.count(tokens_[e].fold) != 0) return k;
  }
  return 0;
}

bool DocAnalysis::NotACue(const SentenceInfo& s, size_t cue_first, size_t cue_end) const {
  const std::string& w = tokens_[cue_first].fold;
  // "feel-good value", "a say-so": a cue word glued to a hyphen is part of a compound.
  if (cue_end < s.last && tokens_[cue_end].fold == "-" &&
      tokens_[cue_end].start == tokens_[cue_end - 1].end) {
    return true;
  }
  if (w == "in" && cue_end == cue_first + 1) return PollPhraseEnd(s, cue_first) == 0;
  const Token* next = cue_end < s.last ? &tokens_[cue_end] : nullptr;
  // "Trump continues to dominate the field": going on doing something is no speech; "continued
  // to argue that" is, by the verb after "to".
  bool going_on = w == "continue" || w == "continues" || w == "continued" || w == "continuing";
  if (cue_end == cue_first + 1 && going_on && next && next->fold == "to" &&
      (cue_end + 1 >= s.last || !OpensCue(tokens_[cue_end + 1].fold))) {
    return true;
  }
  // "voters in all 50 states", "the next two states", "these claims": a plural noun after a
  // number or a determiner ("This says a lot" is the pronoun's verb).
  if (cue_end == cue_first + 1 && cue_first > s.first && HasSuffix(w, "s", 3) &&
      tokens_[cue_first - 1].word) {
    const std::string& before = tokens_[cue_first - 1].fold;
    bool number = std::all_of(before.begin(), before.end(),
                              [](char c) { return (c >= '0' && c <= '9') || c == ','; });
    if (number ||
        (IsDeterminer(before) && before != "this" && before != "that" && before != "one")) {
      return true;
    }
  }
  // "Critics call it the enforcement of political correctness", "64 percent call him
  // competent": the plain form names what its object is, after a subject ("a phone call",
  // "to call", "will call", "call for" are no such naming).
  if (cue_end == cue_first + 1 && w == "call") {
    const Token* before = cue_first > s.first ? &tokens_[cue_first - 1] : nullptr;
    if (before == nullptr || !before->word || IsDeterminer(before->fold) || before->fold == "to" ||
        IsFiniteAuxiliary(before->fold) || before->fold != before->base || before->fold == "not" ||
        before->fold == "phone") {
      return true;
    }
    static const std::unordered_set<std::string_view> kObjects = {
        "it", "him", "her", "them", "this", "that", "themselves"};
    bool object =
        next && next->word && (kObjects.count(next->fold) != 0 || mention_starting_[cue_end] >= 0);
    if (!object || cue_end + 1 >= s.last || !tokens_[cue_end + 1].word) return true;
  }
  // "The sign read “Hispanics 4 Trump”", "“I am still Sanders,” it read": a text's words,
  // only right next to the quotation ("read his decision", "read the words he had come to
  // deliver" read something out).
  if (cue_end == cue_first + 1 && (w == "read" || w == "reads")) {
    bool quote_after =
        cue_end < s.last &&
        (quote_mark_[cue_end] || ((tokens_[cue_end].fold == "," || tokens_[cue_end].fold == ":") &&
                                  cue_end + 1 < s.last && quote_mark_[cue_end + 1]));
    bool quote_before =
        (cue_first > s.first && quote_mark_[cue_first - 1]) ||
        (cue_first >= s.first + 2 && quote_mark_[cue_first - 2] && tokens_[cue_first - 1].word);
    if (!quote_after && !quote_before) return true;
  }
  // "Critics see the program as an opportunity", "Some view his nomination as a takeover": the
  // plain forms of "sees" and "views" only with the "as" of a view held, and not after "to"
  // or a modal ("want to see Clinton as president", "will see").
  if (cue_end == cue_first + 1 && (w == "see" || w == "view")) {
    if (cue_first > s.first && tokens_[cue_first - 1].word &&
        (tokens_[cue_first - 1].fold == "to" || IsFiniteAuxiliary(tokens_[cue_first - 1].fold) ||
         IsDeterminer(tokens_[cue_first - 1].fold) || tokens_[cue_first - 1].fold == "not")) {
      return true;
    }
    bool as = false;
    for (size_t k = cue_end + 1; k < s.last && k < cue_end + 16 && !as; ++k) {
      const std::string& t = tokens_[k].fold;
      if (t == "." || t == ";" || t == ":" || t == "that" || Blocked(k)) break;
      as = t == "as";
    }
    if (!as) return true;
  }
  // "Blocher continued as a member of parliament": stayed, not went on speaking.
  if (cue_end == cue_first + 1 && going_on && next && next->fold == "as") return true;
  // "the candidates found themselves targeted": a state they ended in, not a finding.
  if (cue_end == cue_first + 1 && (w == "found" || w == "finds" || w == "find") && next &&
      (next->fold == "themselves" || next->fold == "himself" || next->fold == "herself" ||
       next->fold == "itself" || next->fold == "myself" || next->fold == "ourselves")) {
    return true;
  }
  // "Trump reminds me of Lincoln": a likeness the writer sees, not a reminder given.
  if (cue_end == cue_first + 1 && (w == "reminds" || w == "reminded" || w == "remind") && next &&
      cue_end + 1 < s.last && tokens_[cue_end + 1].fold == "of") {
    return true;
  }
  if (cue_end == cue_first + 1 && (w == "called" || w == "calls" || w == "calling")) {
    static const std::unordered_set<std::string_view> kParticles = {"in", "up", "back", "off"};
    static const std::unordered_set<std::string_view> kConvened = {
        "hearing", "meeting", "vote", "votes", "election", "session", "strike", "conference",
        "summit", "recess", "halt", "timeout"};
    if (next && kParticles.count(next->fold) != 0) return true;
    // "called the hearing", "called a vote", "called hearings"; not "called her vote a mistake".
    size_t head = next && (next->fold == "a" || next->fold == "an" || next->fold == "the")
                      ? cue_end + 1
                      : cue_end;
    if (head < s.last && kConvened.count(tokens_[head].fold) != 0) return true;
    // "a Pakistan-based group called Lashkar-e-Taiba": a noun, then the name it goes by.
    if (cue_first > s.first && tokens_[cue_first - 1].word &&
        IsSourceNoun(tokens_[cue_first - 1].fold) &&
        next && next->word && next->capitalized) {
      return true;
    }
    // "writing a book called “Women Who Work”", "an ad called Arrogant": a thing brought in
    // by "a" or "an" and named.
    if (cue_first >= s.first + 2 && tokens_[cue_first - 1].word &&
        !tokens_[cue_first - 1].capitalized &&
        (tokens_[cue_first - 2].fold == "a" || tokens_[cue_first - 2].fold == "an") && next &&
        ((next->word && next->capitalized) || quote_mark_[cue_end])) {
      return true;
    }
    // "called Alicia Machado on Friday to express gratitude": a call made, for a purpose.
    for (size_t k = cue_end; k + 1 < s.last && k < cue_end + 8; ++k) {
      if (tokens_[k].fold == "to" && tokens_[k + 1].word && !tokens_[k + 1].capitalized &&
          k > cue_end && IsTimeWord(tokens_[k - 1].fold)) {
        return true;
      }
      if (!tokens_[k].word) break;
    }
  }
  // "the forum viewed by 14.7 million people": a passive participle, its subject is what was
  // viewed.
  if (cue_end == cue_first + 1 && next && next->fold == "by" && HasSuffix(w, "ed", 3) &&
      !(cue_end + 1 < s.last && HasSuffix(tokens_[cue_end + 1].fold, "ing", 4))) {
    return true;  // but "responded by using ..." is active
  }
  // "Julie Davis reported from Midway Atoll": a reporter's dateline, not a report.
  if ((w == "reported" || w == "reporting" || w == "contributed") && next &&
      (next->fold == "from" || next->fold == "reporting")) {
    return true;
  }
  // "declared bankruptcy", "filed for bankruptcy": a legal step, not a declaration.
  if (cue_end < s.last && (tokens_[cue_end].fold == "bankruptcy" ||
                           (tokens_[cue_end].fold == "for" && cue_end + 1 < s.last &&
                            tokens_[cue_end + 1].fold == "bankruptcy"))) {
    return true;
  }
  // "would eventually add $84 billion": a sum, not a remark.
  bool adds = w == "add" || w == "adds" || w == "added" || w == "adding";
  // ("added around 292,000 jobs": an approximation first.)
  size_t sum = cue_end;
  if (next && (next->fold == "about" || next->fold == "around" || next->fold == "nearly" ||
               next->fold == "roughly" || next->fold == "almost" || next->fold == "some" ||
               next->fold == "over" || next->fold == "another")) {
    ++sum;
  }
  if (cue_end == cue_first + 1 && adds && sum < s.last &&
      (tokens_[sum].fold == "$" ||
       std::isdigit(static_cast<unsigned char>(tokens_[sum].fold[0])))) {
    return true;
  }
  // "In a Facebook message posted Friday, Cruz said": the message was posted (a passive
  // participle after the thing made); Cruz is the one speaking.
  static const std::unordered_set<std::string_view> kMedia = {
      "message", "statement", "video", "letter", "post", "tweet", "report", "memo",
      "document", "email", "note", "release", "ad", "advertisement", "column", "essay",
      "article", "book", "study", "survey", "poll", "op-ed", "interview", "speech", "filing",
      "figures", "data", "numbers", "results", "documents", "records", "filings", "reports"};
  // "Figures reported Sunday show ...": the same at the start of a sentence.
  bool opens = cue_first == s.first + 1;
  if (cue_end == cue_first + 1 && HasSuffix(w, "ed", 4) && cue_first > s.first &&
      tokens_[cue_first - 1].word && (!tokens_[cue_first - 1].capitalized || opens) &&
      kMedia.count(tokens_[cue_first - 1].fold) != 0 && next && next->word &&
      (IsTimeWord(next->fold) || next->fold == "by" || next->fold == "in")) {
    return true;
  }
  // "In a statement announcing the pick, the union called ...": the statement is where the
  // words are; the one who made it is the sentence's subject.
  if (cue_end == cue_first + 1 && (HasSuffix(w, "ing", 5) || HasSuffix(w, "ed", 4)) &&
      cue_first > s.first && tokens_[cue_first - 1].word &&
      kMedia.count(tokens_[cue_first - 1].fold) != 0) {
    for (size_t k = cue_first - 1; k > s.first && k + 5 > cue_first; --k) {
      const std::string& before = tokens_[k - 1].fold;
      if (before == "in" || before == "during" || before == "through") return true;
      if (!tokens_[k - 1].word) break;
    }
  }
  // "his approval rating has declined slightly from 58 percent": fell, not refused. Refusing
  // takes "to" or an object ("declined to comment", "declined comment", "declined the offer").
  if (cue_end == cue_first + 1 && (w == "declined" || w == "declines" || w == "decline") &&
      (!next || !next->word ||
       (next->fold != "to" && !IsDeterminer(next->fold) && next->fold != "comment" &&
        next->fold != "comments" && next->fold != "requests" && next->fold != "interviews"))) {
    return true;
  }
  // "The real Trump showed up at the debate": came, not showed something.
  if (cue_end == cue_first + 1 && next && next->fold == "up" &&
      (w == "show" || w == "shows" || w == "showed" || w == "showing" || w == "shown")) {
    return true;
  }
  static const std::unordered_set<std::string_view> kNounToo = {
      "support", "fear", "hope", "want", "demand", "claim", "plan", "call", "promise"};
  if (cue_end == cue_first + 1 && kNounToo.count(w) != 0) {
    static const std::unordered_set<std::string_view> kPrepositions = {
        "among", "of", "from", "in", "at", "by", "within", "across"};
    if (!next || !next->word || kPrepositions.count(next->fold) != 0) return true;
  }
  return false;
}

// "posted Friday", "According to MSNBC, basically.": a content of nothing but when and how —
// time words, adverbs in -ly, numbers — says nothing.
bool DocAnalysis::OnlyCircumstance(std::string_view content) {
  std::vector<Token> words;
  for (Token& t : Tokenize(content)) {
    if (t.word) words.push_back(std::move(t));
  }
  // "Washington pulled out", "said ... before he died": a particle, or a short clause of when.
  static const std::unordered_set<std::string_view> kParticles = {"out", "up", "off", "back",
                                                                   "down", "away", "over"};
  if (words.size() == 1 && kParticles.count(words[0].fold) != 0) return true;
  if (!words.empty() && words.size() <= 5 &&
      (words[0].fold == "before" || words[0].fold == "after" || words[0].fold == "until")) {
    return true;
  }
  // "denied ... and which the former Mrs. Trump recently backed away from": a relative clause
  // hanging off something else.
  if (words.size() >= 2 && (words[0].fold == "and" || words[0].fold == "but") &&
      (words[1].fold == "which" || words[1].fold == "who" || words[1].fold == "whom")) {
    return true;
  }
  bool any = false;
  for (const Token& t : words) {
    any = true;
    bool number = !t.fold.empty() && std::isdigit(static_cast<unsigned char>(t.fold[0]));
    if (!IsTimeWord(t.fold) && !number && !HasSuffix(t.fold, "ly", 5) && t.fold != "the" &&
        t.fold != "in" && t.fold != "at") {
      return false;
    }
  }
  return any;
}

// "At least that's what the campaign hopes", "That is not what Toner said": the words before
// the verb point at something said elsewhere; they are not what was said.
bool DocAnalysis::EndsWithWhat(std::string_view content) {
  std::vector<Token> words = Tokenize(content);
  while (!words.empty() && !words.back().word) words.pop_back();
  return !words.empty() && words.back().fold == "what";
}

// The cue's last word: "about" of "complained about", "said" of "said".
std::string_view LastCueWord(const Attribution& a) {
  std::string_view last = a.cue;
  if (size_t sp = last.rfind(' '); sp != std::string_view::npos) last = last.substr(sp + 1);
  return last;
}

// "Clinton said." alone says nothing, but "Sacks opposed the ban" and "critics of the rule"
// take a position on a short noun phrase.
size_t DocAnalysis::MinContentWords(const Attribution& a) {
  std::string_view last = LastCueWord(a);
  static const std::unordered_set<std::string_view> kPrepositions = {
      "about", "of", "for", "on", "against", "at", "with", "over", "to", "in"};
  static const std::unordered_set<std::string_view> kListener = {
      "told", "tells", "telling", "tell", "informed", "assured", "reassured", "called", "calls",
      "calling", "urged", "urges", "urging", "ordered", "orders", "directed", "instructed"};
  if (kPrepositions.count(last) || (a.takes_object && !kListener.count(a.cue))) return 1;
  return 3;
}

size_t DocAnalysis::WordsIn(std::string_view text) {
  size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    bool w = c != ' ' && c != ',' && c != '.' && c != '\n';
    n += w && !in_word;
    in_word = w;
  }
  return n;
}

std::string DocAnalysis::TextBetween(size_t first, size_t last) const {
  if (first >= last) return "";
  return doc_.text.substr(tokens_[first].start, tokens_[last - 1].end - tokens_[first].start);
}

// The reported clause ends before a comment the writer adds after a comma: ", which ...",
// ", although ...", ", even as ...", a participle (", engaging in ..."). Quoted words are
// never cut. Returns the new end token.
size_t DocAnalysis::TrimTrailingClause(size_t first, size_t last, bool clause_reported) const {
  static const std::unordered_set<std::string_view> kOpeners = {
      "which",   "although", "though",     "whereas",      "while",     "even",
      "despite", "yet",      "especially", "particularly", "according", "amid",
      "after",   "before",   "as",         "where",        "aside",     "who"};
  static const std::unordered_set<std::string_view> kSubordinators = {"as"};
  for (size_t k = first + 3; k + 1 < last; ++k) {
    if (tokens_[k].fold == ";" && !Blocked(k)) return k;  // "...; they only learned ..."
    // "... in the “suburbs of St. Petersburg” — a metaphor for ...": a dash right after the
    // quoted words opens the writer's aside.
    if (DashAt(k) && !Blocked(k) && !in_quote_[k] && quote_mark_[k - 1] &&
        IsClosingQuoteMark(tokens_[k - 1].fold)) {
      return k;
    }
    // "a tightening race as Trump consolidates the support ...": an "as" clause with a
    // named subject and its verb, comma or not.
    // ("as Pyongyang fired three missiles": a capitalised word the text names nothing else by
    // is a subject too.)
    if (!Blocked(k) && tokens_[k].word && kSubordinators.count(tokens_[k].fold) != 0 &&
        k + 2 < last && !Blocked(k + 1) &&
        (mention_starting_[k + 1] >= 0 ||
         (tokens_[k + 1].word && tokens_[k + 1].capitalized && !mention_covering_[k + 1] &&
          !IsNameStopword(tokens_[k + 1].base)))) {
      size_t after = mention_starting_[k + 1] >= 0
                         ? m_.mentions[static_cast<size_t>(mention_starting_[k + 1])].last
                         : k + 2;
      if (after < last && tokens_[after].word && !tokens_[after].capitalized &&
          (HasSuffix(tokens_[after].fold, "s", 3) || HasSuffix(tokens_[after].fold, "ed", 3))) {
        return k;
      }
    }
    if (tokens_[k].fold != "," || Blocked(k) || in_quote_[k + 1] || quote_mark_[k + 1]) continue;
    const Token& next = tokens_[k + 1];
    if (!next.word) continue;
    // (", including those of Republicans": a list of what the words named, not the writer's
    // clause.)
    auto is_participle = [](const Token& t) {
      return t.word && !t.capitalized && HasSuffix(t.fold, "ing", 5) && t.fold != "including";
    };
    // ", implicitly putting his name on the line": an adverb before the participle too.
    bool participle = is_participle(next) ||
                      (k + 2 < last && HasSuffix(next.fold, "ly", 4) &&
                       is_participle(tokens_[k + 2]));
    // ", as well as ...": more of the list, not a clause.
    bool as_well = next.fold == "as" && k + 3 < last && tokens_[k + 2].fold == "well" &&
                   tokens_[k + 3].fold == "as";
    if (next.fold == "which" && k + 2 < last && tokens_[k + 2].fold != "," && !participle) {
      // "to form a task force, which would include the military, to crack down on hackers",
      // "the special entities, which include structures in Liechtenstein, are still ...": a
      // relative clause set off inside what was said, which goes on after its comma. (Not
      // "..., which receives some funding, in an interview": an adjunct of the writer's;
      // not "..., the footage showed": another source.)
      auto resumes = [&](size_t c) {
        const Token& t = tokens_[c + 1];
        return tokens_[c].fold == "," && !Blocked(c) && t.word && !t.capitalized &&
               t.fold != "and" && t.fold != "or" && t.fold != "but" &&
               kOpeners.count(t.fold) == 0 && !is_participle(t) && !IsDeterminer(t.fold) &&
               (t.fold == "to" || !IsAdjunctOpener(t.fold));
      };
      size_t close = k + 2;
      while (close + 1 < last && close < k + 25 &&
             !(tokens_[close].fold == "," && resumes(close))) {
        ++close;
      }
      if (close + 3 < last && close < k + 25 && tokens_[close].fold == ",") {
        k = close;
        continue;
      }
    }
    // "said his assessment hasn't changed, despite their recent call": after a reported
    // clause, a concession is the speaker's; after an object ("lobbied for the membership,
    // despite deep reservations") the writer's.
    // "..., with RealClearPolitics showing her ahead 3 points": an absolute clause of the
    // writer's, another source with its participle.
    if (next.fold == "with") {
      // (Named: "with 13 percent supporting another candidate" is more of the finding.)
      bool absolute = false;
      bool named = false;
      for (size_t n = k + 2; n < last && n < k + 7 && tokens_[n].word && !Blocked(n); ++n) {
        if (n > k + 2 && !tokens_[n].capitalized && HasSuffix(tokens_[n].fold, "ing", 4)) {
          absolute = named && IsSingleWordCue(tokens_[n].fold);
          break;
        }
        named = named || tokens_[n].capitalized;
      }
      if (absolute) return k;
    }
    if (next.fold == "despite" && clause_reported) continue;
    if ((kOpeners.count(next.fold) != 0 && !as_well) || participle) return k;
  }
  return last;
}

// "called for more school investment in a statement on Thursday": where it was said is not
// what was said. A final "in a statement", "in an interview with CNN", "on Twitter" phrase,
// with the day or week that may follow it, is cut off. Returns the new end.
size_t DocAnalysis::TrimTrailingAdjunct(size_t first, size_t last) const {
  static const std::unordered_set<std::string_view> kMedia = {
      "statement", "interview", "tweet", "post", "email", "letter", "speech", "twitter",
      "facebook", "television", "radio", "podcast", "briefing", "conference", "op-ed"};
  static const std::unordered_set<std::string_view> kAfter = {
      "on", "with", "last", "this", "week", "month", "year", "earlier", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "a", "an", "the", "news",
      "morning", "afternoon", "evening", "night"};
  size_t end = last;
  while (end > first && (tokens_[end - 1].fold == "." || tokens_[end - 1].fold == ",")) --end;
  size_t cut = end;
  for (size_t k = end; k-- > first + 3 && k + 10 > end;) {
    const std::string& w = tokens_[k].fold;
    if (Blocked(k) || !tokens_[k].word) break;
    if (w != "in" && w != "on") continue;
    size_t media = k + 1;
    if (media < end && IsDeterminer(tokens_[media].fold)) ++media;
    if (media >= end || kMedia.count(tokens_[media].fold) == 0) continue;
    bool rest_ok = true;
    for (size_t j = media + 1; j < end && rest_ok; ++j) {
      rest_ok = tokens_[j].word && (tokens_[j].capitalized || kAfter.count(tokens_[j].fold) != 0);
    }
    if (rest_ok) cut = k;
  }
  cut = std::min(cut, EventAdjunctStart(first, end));
  return cut < end ? cut : last;
}

// ", but the vast majority were", ", but instant debate polls are": after "but", a word that can
// start a subject of its own. Not "this" or "that" (", but that he would not": the speaker's own
// turn), not a preposition or adverb (", but in a later interview said", ", but rather move"),
// not a verb (", but couldn't provide").
bool DocAnalysis::BeginsNounPhrase(size_t j, size_t last) const {
  const Token& t = tokens_[j];
  if (!t.word || t.fold == "this" || t.fold == "that" || t.fold == "it" || t.fold == "rather" ||
      t.fold == "not" || t.fold == "also" || IsFiniteAuxiliary(t.fold) || IsAdjunctOpener(t.fold) ||
      HasSuffix(t.fold, "ly", 4) || HasSuffix(t.fold, "ed", 4) || HasSuffix(t.fold, "ing", 5)) {
    return false;
  }
  // "couldn't", "didn't": a contracted auxiliary, one token or two.
  if (HasSuffix(t.fold, "n't", 4) || HasSuffix(t.fold, "n\u2019t", 4)) return false;
  return !(j + 1 < last && !tokens_[j + 1].fold.empty() &&
           (tokens_[j + 1].fold[0] == '\'' || tokens_[j + 1].fold.rfind("\u2019", 0) == 0));
}

// "promised to keep supporting Clinton and said she would ...", "... lower taxes, but he has
// also intensified ...", "... environmental regulations, and Hillary Clinton is promising ...":
// a second clause joined to the reported one by "but", or by "and" after a comma, with a
// subject and verb of its own, or a verb of the speaker's own (a past tense or auxiliary after
// "but", a verb of saying after "and"), is the writer's account, not what was said. Returns
// the new end.
size_t DocAnalysis::TrimCoordinatedClause(size_t first, size_t last, bool clause_reported) const {
  static const std::unordered_set<std::string_view> kSubjects = {"he", "she", "they", "we", "i"};
  static const std::unordered_set<std::string_view> kSays = {
      "said", "says", "told", "tells", "added", "adds", "warned", "argued", "insisted",
      "noted", "wrote", "urged", "called", "accused", "vowed", "promised", "claimed"};
  auto finite = [&](size_t k) {
    if (k >= last || !tokens_[k].word || tokens_[k].capitalized) return false;
    const std::string& w = tokens_[k].fold;
    return IsFiniteAuxiliary(w) || HasSuffix(w, "ed", 4) || kSays.count(w) != 0;
  };
  for (size_t k = first + 3; k + 2 < last; ++k) {
    if (Blocked(k) || !tokens_[k].word) continue;
    const std::string& w = tokens_[k].fold;
    bool comma = tokens_[k - 1].fold == "," || DashAt(k - 1);  // or "— and thinks"
    if (w != "but" && w != "and") continue;
    size_t j = k + 1;
    if (j < last && (tokens_[j].fold == "also" || tokens_[j].fold == "then" ||
                     tokens_[j].fold == "later")) {
      ++j;
    }
    // ", but Mrs. Clinton would leave it": the name after the honorific is the subject.
    if (j + 2 < last && IsHonorific(tokens_[j].fold) && tokens_[j + 1].fold == "." &&
        mention_starting_[j + 2] >= 0) {
      j += 2;
    }
    if (j >= last || Blocked(j)) continue;
    bool cut = false;
    if (w == "and" && !comma) {
      cut = kSays.count(tokens_[j].fold) != 0 && !tokens_[j].capitalized;
    } else if (kSubjects.count(tokens_[j].fold) != 0) {
      // ("but he hasn't endorsed her": a negated auxiliary after the pronoun too; not "but
      // couldn't provide", the speaker's own second verb.)
      cut = finite(j + 1) || (j + 1 < last && (HasSuffix(tokens_[j + 1].fold, "s", 3) ||
                                               HasSuffix(tokens_[j + 1].fold, "n't", 3)));
    } else if (mention_starting_[j] >= 0) {
      size_t after = m_.mentions[static_cast<size_t>(mention_starting_[j])].last;
      cut = finite(after) ||
            (after < last && tokens_[after].word && !tokens_[after].capitalized &&
             HasSuffix(tokens_[after].fold, "s", 3) && IsSingleWordCue(tokens_[after].fold));
    } else if (w == "but" && finite(j)) {
      // "said he would not come to their defense but would first review ...": after a
      // reported clause, a second verb without a comma is still its subject's. After an
      // object ("praised Mr. Clarke's work but also had to give him more time") it is the
      // speaker's next act, told by the writer.
      cut = comma || !clause_reported;
    } else if (comma && tokens_[j].word &&
               ((w == "and" && tokens_[j].fold == "the") || tokens_[j].capitalized ||
                (w == "but" && BeginsNounPhrase(j, last)))) {
      // ", and the American Civil Liberties Union has already sued", ", but Democrats weren't
      // the only ones": a subject of its own, up to six words, then an auxiliary. (Not ", but
      // this would not happen", ", but that he would not": the speaker's own turn.)
      for (size_t n = j + 1; n < last && n < j + 8 && tokens_[n].word && !Blocked(n); ++n) {
        if (IsFiniteAuxiliary(tokens_[n].fold)) {
          cut = true;
          break;
        }
      }
    } else if (w == "but") {
      cut = false;
    } else {
      cut = kSays.count(tokens_[j].fold) != 0 && !tokens_[j].capitalized;
    }
    if (!cut && w == "and") {
      // ", and a third said that of Cruz's campaign", ", and three-quarters say": another
      // source, a few words long, and its verb of saying. ("and others have said they are
      // not interested": with a perfect's auxiliary, no comma is needed.)
      bool subject = tokens_[j].word && !IsFiniteAuxiliary(tokens_[j].fold) &&
                     kSays.count(tokens_[j].fold) == 0;
      for (size_t n = j + 1; subject && n < last && n < j + 6 &&
                             (tokens_[n].word || tokens_[n].fold == "-") && !Blocked(n);
           ++n) {
        const std::string& v = tokens_[n].fold;
        if ((v == "have" || v == "has") && n + 1 < last && kSays.count(tokens_[n + 1].fold) != 0) {
          cut = true;
          break;
        }
        if (v == "that" || v == "what" || v == "who" || v == "which" || IsFiniteAuxiliary(v) ||
            kSubjects.count(tokens_[n - 1].fold) != 0) {
          break;
        }
        if (comma && (kSays.count(v) != 0 || v == "say") && !tokens_[n].capitalized) {
          cut = true;
          break;
        }
      }
    }
    if (!cut) continue;
    size_t end = k;
    while (end > first && (tokens_[end - 1].fold == "," || DashAt(end - 1))) --end;
    return end;
  }
  return last;
}

// "endorsed Clinton for president on Thursday, another ...", "rejected that argument in a
// ruling released ...", "cited the figure at last week's forum", "criticized the law as a
// “crazy system” during a campaign stop in Flint": a phrase of when or at which event, after
// at least two words of content, ends what was said whatever follows it. `end` when there is
// none.
size_t DocAnalysis::EventAdjunctStart(size_t first, size_t end) const {
  auto IsSpeakerPronoun = [](std::string_view w) {
    return w == "he" || w == "she" || w == "they" || w == "it" || w == "we" || w == "i";
  };
  static const std::unordered_set<std::string_view> kEvents = {
      "ruling", "decision", "debate", "rally", "stop", "hearing", "meeting", "forum",
      "event", "visit", "appearance", "address", "speech", "interview", "statement",
      "session", "summit", "convention", "news", "press", "town", "luncheon", "dinner",
      "breakfast", "ceremony", "fundraiser", "campaign", "op-ed", "tweet", "briefing",
      "conference", "broadcast", "episode", "court", "filing"};
  static const std::unordered_set<std::string_view> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (first + 2 >= end) return end;  // also an empty content at the text's end
  // Only after an object: in a reported clause ("said Roe will speak at an event") all of it
  // belongs to what was said.
  if (tokens_[first].fold == "that" || tokens_[first].fold == "to") return end;
  auto clausal = [&](const Token& t) {
    return t.word && !t.capitalized &&
           (IsFiniteAuxiliary(t.fold) || HasSuffix(t.fold, "ed", 3) ||
            HasSuffix(t.fold, "n't", 3) || IsSpeakerPronoun(t.fold));
  };
  if (first < end && clausal(tokens_[first])) return end;
  bool relative = false;  // "the rules that closed ...": verbs of a relative clause don't count
  // An object phrase is short; past kMaxObjectTokens nothing is cut (and a giant sentence stays
  // linear).
  constexpr size_t kMaxObjectTokens = 60;
  for (size_t k = first + 2; k + 1 < end && k < first + kMaxObjectTokens; ++k) {
    const Token& before = tokens_[k - 1];
    relative = relative || (k - 1 > first && (before.fold == "that" || before.fold == "which" ||
                                              before.fold == "who"));
    if (!relative && clausal(before)) return end;  // tokens [first, k) are checked by now
    if (Blocked(k) || in_quote_[k]) continue;
    const std::string& w = tokens_[k].fold;
    const Token& next = tokens_[k + 1];
    // "attacked law enforcement officers nationwide and blamed police shootings on ...": the
    // subject's next verb.
    // Inside a relative clause ("Cruz, who was born and raised in Cuba") only a verb of
    // saying leaves it.
    bool says = next.fold == "said" || next.fold == "says" || next.fold == "told" ||
                next.fold == "tells" || next.fold == "wrote";
    // Not an adjective before the noun of a reported clause: "said the heat and unsettled
    // weather could last".
    auto verb_after = [&]() {
      if (IsSingleWordCue(next.fold)) return true;
      for (size_t j = k + 2; j < end && j < k + 5 && tokens_[j].word; ++j) {
        if (IsFiniteAuxiliary(tokens_[j].fold)) return false;
        if (tokens_[j].capitalized || IsDeterminer(tokens_[j].fold)) break;
      }
      return true;
    };
    if ((w == "and" || w == "but") && next.word && !next.capitalized &&
        (says || (!relative && HasSuffix(next.fold, "ed", 4) && verb_after()))) {
      return k;
    }
    // A bare day after the object ("as a “disgrace” Wednesday on ..."), not "as of Friday" or
    // "Monday's showdown".
    static const std::unordered_set<std::string_view> kBefore = {
        "of", "since", "until", "by", "before", "after", "on", "from", "through", "till"};
    bool day = kDays.count(tokens_[k].fold) != 0 && tokens_[k].capitalized &&
               (quote_mark_[k - 1] || (before.word && kBefore.count(before.fold) == 0));
    if (w != "on" && w != "during" && w != "at" && w != "in" && !day) continue;
    if (!before.word && !quote_mark_[k - 1]) continue;
    // "called Obama's remarks on Saturday “a wake-up call”": quoted words after it are still
    // what was said.
    bool quoted = false;
    for (size_t q = k + 1; q < end && !quoted; ++q) quoted = quote_mark_[q];
    if (quoted) return end;
    // "Clinton as a “disgrace” Wednesday on the show", "on Thursday": a day is a time.
    if (day || (w == "on" && kDays.count(next.base) != 0)) return k;
    size_t j = k + 1;
    // "a", "his", "last week's", "Monday's", "the first presidential": the words before the head.
    for (size_t n = 0; j < end && n < 4 && tokens_[j].word && kEvents.count(tokens_[j].fold) == 0;
         ++n, ++j) {
    }
    if (j < end && tokens_[j].word && kEvents.count(tokens_[j].fold) != 0 && j > k + 1 &&
        (IsDeterminer(next.fold) || next.fold != next.base || next.fold == "last" ||
         next.fold == "this")) {
      return k;
    }
  }
  return end;
}

// Tokens [first, last) are an adjunct of the speech verb, not a reported clause: they open
// with a preposition or time word and hold no further verb of saying or finite "be"/"have"
// ("in his interview with the Times", "on Tuesday", not "in 2019 the rules were weaker").
bool DocAnalysis::StartsAdjunct(size_t first, size_t last) const {
  if (first >= last || !tokens_[first].word || !IsAdjunctOpener(tokens_[first].fold)) return false;
  for (size_t k = first; k < last; ++k) {
    if (tokens_[k].fold == "that" || IsFiniteAuxiliary(tokens_[k].fold) || quote_mark_[k]) {
      return false;
    }
  }
  return true;
}

// "a job he's widely believed to want", "the policy he has advocated in years past is": a
// pronoun subject inside a relative clause whose object is the noun before it. The verb's
// object is that thing, and the words after it are the sentence's, not the speaker's. (Not
// after "what": "what he thinks is an unfair perception" is what he thinks.)
bool DocAnalysis::InObjectGap(const Np& speaker, size_t floor) const {
  if (speaker.pronoun.empty() || speaker.first < floor + 2) return false;
  const Token& before = tokens_[speaker.first - 1];
  if (!before.word || Blocked(speaker.first - 1)) return false;
  // A noun after its determiner: "a job", "the policy". Not a time ("this time he praised",
  // "the day he said").
  static const std::unordered_set<std::string_view> kWhen = {"time", "moment", "point",
                                                             "hour", "minute", "season"};
  const Token& det = tokens_[speaker.first - 2];
  return !before.capitalized && det.word && IsDeterminer(det.fold) && det.fold != "that" &&
         !IsTimeWord(before.fold) && kWhen.count(before.fold) == 0 &&
         !IsSingleWordCue(before.fold) && !IsFiniteAuxiliary(before.fold) &&
         !HasSuffix(before.fold, "ly", 3);
}

// What the speaker is reported to have said, without the attribution: the clause after
// "X said (that)", the words before "..., X said" or "..., said X", both sides of "A, X said,
// B", and the rest of the sentence around "according to X". PARC calls this the content.
std::string DocAnalysis::ContentOf(const SentenceInfo& s, const Attribution& a,
                                   size_t limit, size_t floor) const {
  size_t first = std::max(s.first, std::min(floor, std::min(a.speaker.first, a.cue_first)));
  size_t last = std::min(limit, s.last);
  while (last > first && !tokens_[last - 1].word && !quote_mark_[last - 1] &&
         !in_quote_[last - 1]) {
    --last;  // the closing full stop
  }
  size_t src_first = std::min(a.speaker.first, a.cue_first);
  size_t src_last = std::max(a.speaker.last, a.cue_last);
  // "(“Francesco Excommunicates Trump,” declared La Stampa in Italy), but ...": an attribution
  // inside parentheses says nothing outside them. (Bounded looks: a parenthesis is short.)
  for (size_t k = src_first, n = 0; k > first && n < 40; --k, ++n) {
    if (tokens_[k - 1].fold == ")" && !Blocked(k - 1)) break;
    if (tokens_[k - 1].fold != "(" || Blocked(k - 1)) continue;
    for (size_t j = src_last, m = 0; j < last && m < 40; ++j, ++m) {
      if (tokens_[j].fold == "(" && !Blocked(j)) break;
      if (tokens_[j].fold != ")" || Blocked(j)) continue;
      first = k;
      last = j;
      break;
    }
    break;
  }
  // "Donald Trump — who said he would bomb oil fields — spoke": a relative clause between
  // dashes ends at the second.
  if (a.speaker.relative && a.speaker.first > first && DashAt(a.speaker.first - 1)) {
    for (size_t k = src_last; k < last && k < src_last + kMaxAppositiveTokens; ++k) {
      if (!Blocked(k) && DashAt(k)) {
        last = k;
        break;
      }
    }
  }
  bool speaker_after = a.speaker.first >= a.cue_last;
  if (!speaker_after && InObjectGap(a.speaker, s.first)) return "";
  // "according to Jane Roe, a fellow at Brookings, ...": the appositive is the source's.
  if (speaker_after && src_last < last && tokens_[src_last].fold == "," && a.cue != "in" &&
      LooksLikeAppositive(src_last + 1, last)) {
    size_t k = src_last + 1;
    while (k < last && k < src_last + kMaxAppositiveTokens && tokens_[k].fold != ",") ++k;
    // Or the sentence end, when the content came before "according to" ("Over the long
    // term, according to the budget office, the rise ...": not when only an adjunct did).
    if ((k >= last && src_first > first + 2 && !StartsAdjunct(first, src_first)) ||
        (k < last && tokens_[k].fold == ",")) {
      src_last = k;
    }
  }
  // "..., The Wall Street Journal reported": the article the mention left out is the source's.
  if (src_first > first && !speaker_after && tokens_[src_first - 1].fold == "the") --src_first;
  // "..., Mr. Obama said": an honorific or title the mention left out still belongs to it.
  while (src_first > first + 1 && !speaker_after &&
         ((tokens_[src_first - 1].fold == "." && tokens_[src_first - 2].word &&
           IsHonorific(tokens_[src_first - 2].fold)) ||
          (tokens_[src_first - 1].word && tokens_[src_first - 1].capitalized &&
           (IsHonorific(tokens_[src_first - 1].fold) ||
            IsTitleWord(tokens_[src_first - 1].fold))))) {
    src_first -= tokens_[src_first - 1].fold == "." ? 2 : 1;
  }
  size_t l_end = src_first;
  while (l_end > first && (tokens_[l_end - 1].fold == "," || IsDash(tokens_[l_end - 1].fold))) {
    --l_end;
  }
  // "Not paying taxes ''makes me smart,'' Trump said": a closing mark ends the clause too.
  bool comma_before = l_end < src_first || (l_end > first && quote_mark_[l_end - 1]);
  size_t r = src_last;
  // "both praised and criticized the rules": the first verb's object is the second's.
  if (!speaker_after && r + 2 < last && (tokens_[r].fold == "and" || tokens_[r].fold == "or") &&
      tokens_[r + 1].word && !tokens_[r + 1].capitalized &&
      (IsSingleWordCue(tokens_[r + 1].fold) || HasSuffix(tokens_[r + 1].fold, "ed", 4))) {
    r += 2;
  }
  // "..., political analysts say; in 2012, Romney ...": a semicolon right after the source
  // phrase ends what it reports.
  if (r < last && tokens_[r].fold == ";" && !Blocked(r) && r > first) last = r;
  bool comma_after = r < last && tokens_[r].fold == ",";
  // "told reporters on Tuesday that ...": an object or adjunct before the complementiser.
  bool complementiser = false;
  bool told_like = a.takes_object;
  // "called for contestants to wear dresses that showed ...": after a preposition the
  // content is its object; a "that" in it is a relative pronoun, no complementiser.
  std::string_view last_cue_word = LastCueWord(a);
  bool prepositional = last_cue_word == "for" || last_cue_word == "about" ||
                       last_cue_word == "against" || last_cue_word == "of" ||
                       last_cue_word == "on" || last_cue_word == "at";
  // "told Jane Roe, a reporter, that ...": commas of the listener's description too; not
  // after an object that hears nothing ("defended the plan, a move that was ...").
  static const std::unordered_set<std::string_view> kListenerVerbs = {
      "told",  "tells", "telling", "tell",   "informed", "assured",  "reassured",
      "urged", "urges", "urging",  "warned", "ordered",  "directed", "instructed"};
  bool listener = told_like && kListenerVerbs.count(a.cue) != 0;
  for (size_t k = r; k < last && !prepositional && k < r + (listener ? 14 : 8); ++k) {
    // "said officials are in possession of video that shows ...", "vowed to repeat that
    // mistake": the clause has begun.
    if ((Blocked(k) && !listener) || (tokens_[k].fold == "," && !listener) ||
        tokens_[k].fold == "." || IsFiniteAuxiliary(tokens_[k].fold) || tokens_[k].fold == "not" ||
        tokens_[k].fold == "never") {
      break;
    }
    if (tokens_[k].fold == "that") {
      // "want policies that create more revenue": after a verb that takes no listener, words
      // before "that" other than an adjunct ("said on Tuesday that", "argued again that") are
      // its object, and "that" a relative pronoun.
      if (!told_like && k > r && tokens_[r].word && !IsAdjunctOpener(tokens_[r].fold) &&
          !IsTimeWord(tokens_[r].fold) && !IsVerbFiller(tokens_[r].fold) &&
          !tokens_[r].capitalized) {
        break;
      }
      // "defended - remarks that were ...": a relative pronoun, the subject of its verb.
      if (k + 1 < last && IsFiniteAuxiliary(tokens_[k + 1].fold)) break;
      // "vowed to repeat that mistake": a determiner, when no clause follows.
      size_t words = 0;
      for (size_t w = k + 1; w < last && words < 3; ++w) words += tokens_[w].word;
      if (words < 3) break;
      r = k + 1;
      complementiser = true;
      break;
    }
  }
  // "Graham told The Huffington Post on Thursday." names who heard it, not what was said.
  bool told = IsTell(a.cue);
  // "told his advisers to figure out ...": an instruction; the object and what it was told
  // to do are the content.
  bool instruction = false;
  if (told && !complementiser && !speaker_after) {
    for (size_t k = r + 1; k + 1 < last && k < r + 6 && !Blocked(k); ++k) {
      if (tokens_[k].fold == "," || tokens_[k].fold == ".") break;
      if (tokens_[k].fold == "to" && tokens_[k + 1].word && !tokens_[k + 1].capitalized &&
          !IsDeterminer(tokens_[k + 1].fold)) {
        instruction = true;
        break;
      }
    }
  }
  if (told && !complementiser && !speaker_after && !instruction && !(r < last && quote_mark_[r])) {
    // What was told follows a colon, a comma and a quotation ("told me, ''...''"), or a clause
    // whose subject is a personal pronoun ("told the forum he was against the war").
    size_t k = r;
    size_t clause = last;
    while (k < last && k < r + 12 && !Blocked(k) && tokens_[k].fold != ":" &&
           tokens_[k].fold != "." && tokens_[k].fold != ";") {
      if (tokens_[k].fold == "," && k + 1 < last && quote_mark_[k + 1]) break;
      static const std::unordered_set<std::string_view> kSubjects = {"he", "she", "they", "it",
                                                                     "we", "i"};
      if (k > r && tokens_[k].word && !tokens_[k].capitalized &&
          kSubjects.count(tokens_[k].fold) != 0 && k + 1 < last && tokens_[k + 1].word) {
        clause = k;
        break;
      }
      // "told the AP her group never worked with ...": after the listener, a possessive and
      // its noun open the clause.
      static const std::unordered_set<std::string_view> kOwners = {"his", "her", "their", "its",
                                                                   "our", "my"};
      if (k > r + 1 && tokens_[k].word && kOwners.count(tokens_[k].fold) != 0 && k + 2 < last &&
          tokens_[k + 1].word && !tokens_[k + 1].capitalized && tokens_[k + 2].word &&
          !tokens_[k + 2].capitalized &&
          (IsFiniteAuxiliary(tokens_[k + 2].fold) || HasSuffix(tokens_[k + 2].fold, "ed", 4) ||
           tokens_[k + 2].fold == "never" || tokens_[k + 2].fold == "not")) {
        clause = k;
        break;
      }
      ++k;
    }
    if (clause < last) {
      r = clause;
    } else if (k < last && (tokens_[k].fold == ":" || tokens_[k].fold == ",")) {
      r = k + 1;
    } else if (comma_before && l_end > first) {
      // "A, Graham told The Huffington Post on Thursday."
      r = last;
    } else {
      return "";
    }
  }
  while (r < last && (tokens_[r].fold == ":" || tokens_[r].fold == "," || IsDash(tokens_[r].fold) ||
                      // "adding later, “...”": an adverb set off before the words
                      (r + 1 < last && tokens_[r].word && IsVerbFiller(tokens_[r].fold) &&
                       tokens_[r + 1].fold == ","))) {
    ++r;
  }
  // Verbs whose object is a clause: "said he would ...", "thinks the video should ...".
  static const std::unordered_set<std::string_view> kClauseVerbs = {
      "said",  "says",   "say",    "told",  "tells", "thinks",  "think",    "believes", "believe",
      "added", "argued", "argues", "wrote", "noted", "claimed", "insisted", "warned"};
  bool clause_reported = kClauseVerbs.count(LastCueWord(a)) != 0;
  last = TrimTrailingClause(r, last, clause_reported);
  last = TrimTrailingAdjunct(r, last);
  last = TrimCoordinatedClause(r, last, clause_reported);
  if (a.speaker.relative) {
    // "Toner, who argued that the rules work, left": the relative clause ends where the
    // main clause's verb resumes after a comma.
    static const std::unordered_set<std::string_view> kGoesOn = {"and", "but", "or", "which",
                                                                  "who", "that", "as", "so"};
    for (size_t k = r + 2; k + 1 < last; ++k) {
      if (tokens_[k].fold == "," && !Blocked(k) && tokens_[k + 1].word &&
          !tokens_[k + 1].capitalized && kGoesOn.count(tokens_[k + 1].fold) == 0 &&
          !IsDeterminer(tokens_[k + 1].fold)) {
        last = k;
        break;
      }
    }
  }
  size_t left_words = 0;
  for (size_t k = first; k < l_end; ++k) left_words += tokens_[k].word;
  size_t right_words = 0;
  for (size_t k = r; k < last; ++k) right_words += tokens_[k].word;
  std::string left = TextBetween(first, l_end);
  std::string right = TextBetween(r, last);
  // "..., saying B", "by saying B": what comes before the participle is another clause.
  const std::string& verb = tokens_[a.cue_first].fold;
  bool participle = HasSuffix(verb, "ing", 4) &&
                    a.speaker.last <= a.cue_first;
  if (participle && right_words >= 2) return right;
  // "In the six months since announcing her decision in New York, Fiorina had waged ...": a
  // participle after a preposition, its subject the sentence's, later; its object is what.
  if (HasSuffix(verb, "ing", 4) && speaker_after && a.cue_first > s.first &&
      IsParticiplePreposition(tokens_[a.cue_first - 1].fold)) {
    size_t end = a.cue_last;
    while (end < a.speaker.first && tokens_[end].fold != "," && !Blocked(end)) ++end;
    return end >= a.cue_last + 2 ? TextBetween(a.cue_last, end) : "";
  }
  // "Ted Cruz endorses Trump, who says he is honored": a relative clause's words follow it.
  if (a.speaker.relative && right_words >= 2) return right;
  // "..., said Jane Roe, a lawyer."; "Said Jane Roe: ..." has its words after the name.
  if (speaker_after && !a.according_to && left_words > 0) return left;
  // "..., according to Craig Bryan, head of ..., and other scientists", "..., whose
  // conclusions were seconded by ...": what follows the source phrase is more of it.
  if (a.according_to && comma_before && comma_after && r < last && tokens_[r].word &&
      (tokens_[r].fold == "and" || tokens_[r].fold == "or" || tokens_[r].fold == "whose" ||
       tokens_[r].fold == "who" || tokens_[r].fold == "which") &&
      left_words >= 3) {
    return left;
  }
  // "the stadium, which, Tompkins said, is usually full": the relative clause is what was said.
  if (comma_before && comma_after && l_end > first && right_words >= 2 && !speaker_after &&
      (tokens_[l_end - 1].fold == "which" || tokens_[l_end - 1].fold == "who")) {
    return TextBetween(l_end - 1, l_end) + " \xE2\x80\xA6 " + right;
  }
  if (comma_before && comma_after && left_words >= 2 && right_words >= 3) {
    return left + " \xE2\x80\xA6 " + right;  // "The rules, Toner said, are working"
  }
  // "In her 2003 book, Living History, Clinton noted the clot's existence.": what comes
  // before the subject is where, not what; the object after the verb is the content.
  if (comma_before && right_words >= 2 && left_words <= 8 && !a.according_to &&
      StartsAdjunct(first, l_end)) {
    return right;
  }
  // "“...,” Monica Crowley wrote in The Washington Times last week": the paper is where the
  // words appeared, not what they were.
  if (comma_before && left_words >= 3 && last_cue_word == "in" && r < last &&
      (tokens_[r].capitalized ||
       (tokens_[r].fold == "the" && r + 1 < last && tokens_[r + 1].capitalized))) {
    return left;
  }
  // "In one memorable moment after he won, Sanders declared ... and asked for people to chip
  // in": a verb whose subject stands far before it (a shared one) has its words after it;
  // what precedes the subject is no part of them.
  if (!speaker_after && !a.according_to && a.cue_first > a.speaker.last + 4 && right_words >= 2 &&
      l_end <= a.speaker.first) {
    return right;
  }
  if (comma_before && left_words >= 3) {
    // "..., Roe said on Tuesday." — but not "..., Trump will insist on being Trump": only a
    // speech verb closes a sentence that way.
    // A short right side that is a clause of its own ("..., officials say they have worked")
    // is the content.
    bool right_clause = false;
    for (size_t k = r; k < last && !right_clause; ++k) {
      const std::string& w = tokens_[k].fold;
      right_clause = IsFiniteAuxiliary(w) ||
                     (k == r && (w == "he" || w == "she" || w == "they" || w == "it" ||
                                 w == "we" || w == "i"));
    }
    if (right_words <= 4 && !a.according_to && a.invertible && !right_clause) return left;
    // "..., Obama said in his interview with the Times on Monday.": an adjunct is no clause.
    if (!a.according_to && a.invertible && right_words <= 10 && StartsAdjunct(r, last)) {
      return left;
    }
    // "..., top black lawmakers said Friday afternoon, as they bristled at ...": when the
    // verb, then a clause of the writer's after a comma.
    if (!a.according_to && a.invertible) {
      size_t k = r;
      while (k < last && tokens_[k].word &&
             (IsTimeWord(tokens_[k].fold) || tokens_[k].fold == "afternoon" ||
              tokens_[k].fold == "morning" || tokens_[k].fold == "evening" ||
              tokens_[k].fold == "night")) {
        ++k;
      }
      static const std::unordered_set<std::string_view> kSubordinators = {
          "as", "while", "when", "after", "before", "because", "though", "although"};
      if (k > r && k + 1 < last && tokens_[k].fold == "," &&
          kSubordinators.count(tokens_[k + 1].fold) != 0) {
        return left;
      }
    }
    if (a.according_to && right_words < 3) return left;
    // "..., according to the event organizer Alliance to Reclaim Our Schools (AROS).": words
    // glued to the source without a comma still name it.
    if (a.according_to && !comma_after) return left;
  }
  return right.empty() ? left : right;
}

// The claim of a "NAME: words" line: everything after the colon up to the line's end. A
// transcript's label in capitals introduces the speaker's own words; a headline's name
// ("Pat Caddell: Voters Worried About ...") a summary of them.
Claim DocAnalysis::LabelClaim(size_t i, const SpeakerRef& speaker) const {
  const SentenceInfo& s = sentences_[i];
  const Attribution& a = *s.attribution;
  size_t end = doc_.text.find('\n', s.span.start);
  const Paragraph& para = doc_.paragraphs[static_cast<size_t>(s.paragraph)];
  end = std::min({end, para.end, doc_.text.size()});
  while (end > s.span.start && (doc_.text[end - 1] == ' ' || doc_.text[end - 1] == '\n')) --end;
  Claim c = MakeClaim(s.span.start, std::max(end, s.span.end));
  c.paragraph = s.paragraph;
  c.cue = a.cue;
  c.speaker = speaker;
  size_t content = tokens_[a.cue_last].start;
  c.quote = doc_.text.substr(content, c.end - content);
  while (!c.quote.empty()) {  // the closing mark of a quoted line
    size_t n = c.quote.size();
    if (c.quote.back() == '"' || c.quote.back() == ' ') {
      c.quote.pop_back();
    } else if (n >= 3 && c.quote.compare(n - 3, 3, "\xE2\x80\x9D") == 0) {
      c.quote.resize(n - 3);
    } else {
      break;
    }
  }
  bool caps = true;
  for (size_t k = a.speaker.first; k < a.speaker.last; ++k) {
    for (size_t b = tokens_[k].start; b < tokens_[k].end; ++b) {
      caps = caps && !(doc_.text[b] >= 'a' && doc_.text[b] <= 'z');
    }
  }
  c.kind = caps ? "direct_quote" : "paraphrase";
  return c;
}

// "White House spokesman Josh Earnest said President Barack Obama has long called for tax
// fairness", "Merrill says Machado promised to keep supporting Clinton": the later source stands
// inside the content of an earlier claim of the sentence (`claims` from `sentence_claims` on)
// that another speaker made. It is part of what that speaker reported, Obama's call as Earnest
// tells it, not words of Obama's that the text carries: giving it a claim of its own would put
// the reporter's account in the other person's mouth. ("Mulgrew said he hopes ...", the same
// speaker, is not reported by another; nor are the words of a quotation, "footage of Amodei
// asking, “Why ...?”", nor the writer's "condemned what Toner called a breach".)
bool DocAnalysis::ReportedByAnother(const Attribution& a, const SpeakerRef& speaker,
                                    const std::vector<Claim>& claims,
                                    size_t sentence_claims) const {
  size_t first = std::min(a.speaker.first, a.cue_first);
  if (first > 0 && tokens_[first - 1].fold == "what") return false;
  size_t source = tokens_[first].start;
  for (size_t c = sentence_claims; c < claims.size(); ++c) {
    const Claim& outer = claims[c];
    if (!outer.speaker || outer.quote.empty()) continue;
    if (outer.speaker->id == speaker.id && outer.speaker->name == speaker.name) continue;
    size_t at = doc_.text.find(outer.quote, outer.start);
    if (at == std::string::npos || at + outer.quote.size() > outer.end) continue;
    if (source >= at && source < at + outer.quote.size()) return true;
  }
  return false;
}

// The claims of sentence i after its first: one per further attribution with a speaker,
// each with the content up to the next coordinated attribution, except those another speaker
// reports (ReportedByAnother). `claims` from `sentence_claims` on are the sentence's so far.
void DocAnalysis::AddFurtherClaims(size_t i, size_t sentence_claims,
                                   std::vector<Claim>* claims) const {
  const SentenceInfo& s = sentences_[i];
  for (size_t k = 0; k < s.more.size(); ++k) {
    if (!s.more_speakers[k]) continue;
    const Attribution& a = s.more[k];
    const Attribution* next = k + 1 < s.more.size() ? &s.more[k + 1] : nullptr;
    // "When Clinton noted that A, Trump boasted, “B”": A is the earlier cue's content, not
    // this one's; after "A, Roe said, and B, Doe added" the words after the comma may be.
    const Attribution& prev = k == 0 ? *s.attribution : s.more[k - 1];
    size_t prev_end = std::max(prev.cue_last, prev.speaker.last);
    size_t floor = 0;
    if (prev_end <= std::min(a.speaker.first, a.cue_first)) {
      floor = prev_end < s.last && tokens_[prev_end].fold == ","
                  ? prev_end
                  : std::min(a.speaker.first, a.cue_first);
    }
    std::string content = ContentOf(s, a, ContentLimit(s, a, next), floor);
    if (WordsIn(content) < 2) continue;
    Claim c = MakeClaim(s.span.start, s.span.end);
    // Same sentence, another claim: the id also names where its cue is.
    c.id = "c:" + HexDigest(fmt::format("{}:{}:{}:{}", doc_.id, c.start, c.end,
                                        tokens_[a.cue_first].start))
                      .substr(0, 16);
    c.paragraph = s.paragraph;
    c.cue = a.cue;
    c.speaker = s.more_speakers[k];
    c.kind = HasQuoteMark(content) ? "paraphrase" : "indirect";
    if (std::string inner; WholeQuotation(content, &inner)) {
      c.kind = "direct_quote";  // "..., saying, “She is unstable.”"
      content = std::move(inner);
    }
    if (c.kind != "direct_quote" && ReportedByAnother(a, *c.speaker, *claims, sentence_claims)) {
      continue;
    }
    c.quote = std::move(content);
    claims->push_back(std::move(c));
  }
}

// `text` is one quotation and nothing else (a final full stop or comma aside): its words
// go to *inner.
bool DocAnalysis::WholeQuotation(std::string_view text, std::string* inner) {
  size_t open = QuoteMarkAt(text, 0);
  if (open == 0) return false;
  size_t end = text.size();
  while (end > open && (text[end - 1] == '.' || text[end - 1] == ',')) --end;
  for (size_t i = open; i < end; ++i) {
    size_t mark = QuoteMarkAt(text, i);
    if (mark == 0) continue;
    if (i + mark < end) return false;  // another quotation, or words after this one
    std::string_view words = text.substr(open, i - open);
    while (!words.empty() && (words.back() == ',' || words.back() == ' ')) words.remove_suffix(1);
    if (words.empty()) return false;
    *inner = std::string(words);
    return true;
  }
  return false;
}

bool DocAnalysis::HasQuoteMark(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (QuoteMarkAt(text, i) != 0) return true;
  }
  return false;
}

std::vector<Claim> DocAnalysis::BuildClaims(const std::vector<std::optional<SpeakerRef>>& speakers,
                                            const std::vector<std::vector<CoSpeaker>>& co) {
  std::vector<Claim> claims;
  std::optional<SpeakerRef> carried;  // speaker of a quote left open at a paragraph's end
  std::string carried_cue;
  int carried_paragraph = -1;
  bool carried_block = false;  // the colon line is a paragraph of its own
  size_t q = 0;  // first quote that may overlap the current sentence
  size_t last_claimed = sentences_.size();  // last sentence of claims.back()
  for (size_t i = 0; i < sentences_.size(); ++i) {
    if (sentences_[i].consumed) continue;
    const SentenceInfo& s = sentences_[i];
    while (q < quotes_.size() && quotes_[q].end <= s.span.start) ++q;
    ClaimSpan span = GrowOverQuotes(i, q);
    // "“A. B,” said X.": the attribution may sit in a later sentence of the span.
    size_t from = i;
    while (from < span.last && !speakers[from]) ++from;
    std::optional<SpeakerRef> speaker = speakers[from];
    const Attribution* attribution = speaker ? &*sentences_[from].attribution : nullptr;
    std::string cue = attribution ? attribution->cue : s.unattributed_cue;
    if (attribution && attribution->label && from == i) {
      claims.push_back(LabelClaim(i, *speaker));
      last_claimed = i;
      while (last_claimed + 1 < sentences_.size() &&
             sentences_[last_claimed + 1].span.start < claims.back().end) {
        sentences_[++last_claimed].consumed = true;
      }
      carried.reset();
      continue;
    }
    bool opens_paragraph = i == 0 || sentences_[i - 1].paragraph != s.paragraph;
    if (!speaker && carried && carried_block && opens_paragraph &&
        carried_paragraph + 1 == s.paragraph && span.quotes.empty() && !s.attribution) {
      // "Limbaugh added:" alone in its paragraph, then a paragraph with no quotation marks:
      // a block quotation whose marks the page's layout carried.
      claims.push_back(BlockQuoteClaim(i, *carried, carried_cue));
      last_claimed = i;
      while (last_claimed + 1 < sentences_.size() &&
             sentences_[last_claimed + 1].paragraph == s.paragraph) {
        sentences_[++last_claimed].consumed = true;
      }
      carried.reset();
      continue;
    }
    // (Not when the quotation's own sentence has a cue whose speaker was not found: "“...?”
    // a reporter can be heard asking Trump".)
    if (!speaker && carried && opens_paragraph && carried_paragraph + 1 == s.paragraph &&
        !span.quotes.empty() && span.quotes.front()->open == s.span.start &&
        s.unattributed_cue.empty()) {
      speaker = carried;
      speaker->via = "context";
      speaker->confidence = 0.7;
      cue = carried_cue;
    }
    if (attribution && span.quotes.empty() && attribution->cue_first == s.first &&
        IsDash(attribution->cue)) {
      // A byline on its own ("― Sonya Herridge") signs the quotation just before it.
      if (!claims.empty() && last_claimed + 1 == i && claims.back().paragraph == s.paragraph &&
          !claims.back().speaker && claims.back().kind == "direct_quote") {
        Claim& prev = claims.back();
        Claim grown = MakeClaim(prev.start, span.end);
        prev.id = grown.id;
        prev.end = grown.end;
        prev.text = std::move(grown.text);
        prev.entities = std::move(grown.entities);
        prev.speaker = speaker;
        prev.cue = cue;
        last_claimed = span.last;
      }
      continue;
    }
    if (attribution && from == i && span.last == i) DropDistantQuotes(*attribution, &span);
    std::string quote;
    size_t quote_words = QuotedWords(span, &quote);
    if (speaker && span.quotes.empty() && s.last > s.first && tokens_[s.last - 1].fold == ":" &&
        !NewSubjectBetween(std::max(attribution->cue_last, attribution->speaker.last),
                           s.last - 1)) {
      // "He said:" introduces the quotation that opens the next paragraph. (Not "Trump did
      // support the idea, and NBC News has proof:": the colon is another clause's.)
      carried = speaker;
      carried_cue = cue;
      carried_paragraph = s.paragraph;
      carried_block = opens_paragraph && WordCount(s.span.start, s.span.end) <= 8 &&
                      (i + 1 >= sentences_.size() || sentences_[i + 1].paragraph != s.paragraph);
      continue;
    }
    if (!speaker && FollowsIndirectClaim(claims, last_claimed, i, span, quote_words)) {
      // "The rules failed, Schiff said. “The other factor ...”": the quotation after a
      // person's reported words in the same paragraph is that person's.
      speaker = claims.back().speaker;
      speaker->via = "context";
      speaker->confidence = 0.7;
      cue = claims.back().cue;
    }
    if (!speaker && (ContinuesQuote(claims, last_claimed, i, span, quote_words) ||
                     QuoteParagraphFollows(claims, last_claimed, i, span, quote_words))) {
      // "“A,” X said. “B.”": news style leaves the second quote of a paragraph
      // unattributed; it is the same speaker's, one claim with the first.
      Claim& prev = claims.back();
      Claim grown = MakeClaim(prev.start, span.end);
      prev.id = grown.id;
      prev.end = grown.end;
      prev.text = std::move(grown.text);
      prev.entities = std::move(grown.entities);
      if (!prev.quote.empty()) prev.quote += " \xE2\x80\xA6 ";
      prev.quote += quote;
      last_claimed = span.last;
      carried.reset();
      if (!span.quotes.back()->closed) {
        carried = prev.speaker;
        carried_cue = prev.cue;
        carried_paragraph = s.paragraph;
      }
      continue;
    }
    if (!speaker && quote_words < kMinQuoteWords) continue;
    Claim c = MakeClaim(span.start, span.end);
    c.paragraph = s.paragraph;
    c.cue = cue;
    size_t words = std::max<size_t>(1, WordCount(span.start, span.end));
    bool direct = quote_words * 10 >= words * 6 ||
                  (attribution && QuoteAdjacent(*attribution, span.quotes, span.start));
    c.kind = quote_words == 0 ? "indirect" : direct ? "direct_quote" : "paraphrase";
    // A phrase or two quoted inside a paraphrase is not "the quote" (it would cluster claims
    // that merely share a catchword).
    if (c.kind != "paraphrase" || quote_words >= kMinQuoteWords) c.quote = quote;
    if (c.kind == "direct_quote" && attribution && from == i && span.last == i &&
        !s.more.empty() && s.more.front().cue_first > attribution->cue_last) {
      // "“A,” Trump said, adding later, “B.”": A is this claim's, B the next cue's.
      std::string before;
      ClaimSpan head = span;
      head.end = tokens_[s.more.front().cue_first].start;
      if (QuotedWords(head, &before) >= kMinQuoteWords) c.quote = std::move(before);
    }
    bool further = false;
    if (c.kind != "direct_quote" && attribution && from == i && span.last == i) {
      // Indirect speech and paraphrase: the reported clause, not the attribution around it.
      const Attribution* next = s.more.empty() ? nullptr : &s.more.front();
      std::string content = ContentOf(s, *attribution, ContentLimit(s, *attribution, next));
      // "sent a letter to the dean, calling for ...": who got the letter, not what it says.
      std::string_view last_cue = LastCueWord(*attribution);
      bool recipient = content.rfind("to ", 0) == 0 &&
                       (last_cue == "letter" || last_cue == "message" || last_cue == "note" ||
                        last_cue == "memo" || last_cue == "email" || last_cue == "letters");
      if ((c.kind == "indirect" &&
           (WordsIn(content) < MinContentWords(*attribution) || EndsWithWhat(content))) ||
          OnlyCircumstance(content) || recipient) {
        AddFurtherClaims(i, claims.size(), &claims);  // "In a message posted Friday, Cruz said"
        continue;
      }
      if (!content.empty()) c.quote = std::move(content);
      further = true;
    } else if (attribution && from == i && span.last == i) {
      further = true;  // "“A,” Roe said, adding that B": B is a claim of its own
    }
    c.speaker = speaker;
    if (attribution) c.co_speakers = co[from];
    claims.push_back(std::move(c));
    if (further) AddFurtherClaims(i, claims.size() - 1, &claims);
    last_claimed = span.last;
    carried.reset();
    if (speaker && !span.quotes.empty() && !span.quotes.back()->closed) {
      carried = speaker;
      carried_cue = cue;
      carried_paragraph = s.paragraph;
    }
  }
  return claims;
}

}  // namespace

std::vector<QuoteSpan> FindQuotes(std::string_view text, size_t begin, size_t end) {
  std::vector<QuoteSpan> out;
  end = std::min(end, text.size());
  bool open = false;
  MarkShape opened_by = MarkShape::kOpener;
  QuoteSpan current;
  for (size_t i = begin; i < end;) {
    size_t len = QuoteMarkAt(text, i);
    if (len == 0 || i + len > end) {
      ++i;
      continue;
    }
    MarkShape shape = ShapeOf(text, i, len, begin, end);
    if (open && opened_by == MarkShape::kEither && shape == MarkShape::kOpener) {
      // "spread“In ... a “central": the glued mark was not a real opening; this one is.
      current = QuoteSpan{i, i + len, i + len, false};
    } else if (open) {
      current.end = i;
      current.closed = true;
      out.push_back(current);
      open = false;
    } else if (shape != MarkShape::kCloser) {
      current = QuoteSpan{i, i + len, i + len, false};
      opened_by = shape;
      open = true;
    }
    i += len;
  }
  if (open) {
    current.end = end;
    out.push_back(current);
  }
  return out;
}

std::vector<Claim> FindClaims(const Document& doc, const std::vector<Token>& tokens,
                              const EntityMatches& entities) {
  DocAnalysis analysis(doc, tokens, entities);
  return analysis.Run();
}

}  // namespace claimdex
