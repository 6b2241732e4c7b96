// Built-in word lists for attribution and stance: speech cues, pronouns, titles, and a small
// evaluative vocabulary. Words are case-folded single tokens or space-separated token
// sequences, matched against the output of Tokenize() (entities.h).
//
// The speech-cue list was built from the frequency of Cue spans in the PolNeAR training
// attributions (counts only), plus the verbs news writing uses for opinions.
#ifndef CLAIMDEX_EXTRACT_LEXICON_H_
#define CLAIMDEX_EXTRACT_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

namespace claimdex {

enum class CueKind {
  kVerb,         // "said", "argues", "warned" (subject is the speaker)
  kAccordingTo,  // "according to X", "in X" (a poll)
};

struct CueEntry {
  std::string phrase;  // folded tokens joined by single spaces
  CueKind kind = CueKind::kVerb;
  bool may_invert = false;    // "..., said X" is a speaker-after shape for this verb
  bool takes_object = false;  // "told Y", "urged Y": the noun after it is not the speaker
  bool after_be = false;      // "X is critical of", "X was adamant that": an adjective
};

// All speech cues, longest phrases first.
const std::vector<CueEntry>& SpeechCues();
// `folded` is a verb cue of one word by itself ("said", "wants", "endorsed").
bool IsOneWordCue(std::string_view folded);

// Countries a text may name as actors ("Russia insisted that ..."), as written; used as places
// when the profile does not list them. Names that are as often a person's or a US state's
// (Jordan, Georgia, Chad) are left out.
const std::vector<std::string_view>& CountryNames();

// Nouns that carry a claim in "her main point is that ..." (point, argument, view, ...).
bool IsCueNoun(std::string_view folded);
// Auxiliaries and adverbs that may stand between a subject and its speech verb.
bool IsVerbFiller(std::string_view folded);
// Sentence openers skipped before a sentence subject ("however", "well", "but", ...).
bool IsDiscourseOpener(std::string_view folded);
// Capitalised words that never start or belong to a person's name ("The", "But", "Monday").
bool IsNameStopword(std::string_view folded);
// Title words that precede a name ("Secretary", "CEO", "Senator").
bool IsTitleWord(std::string_view folded);
// Honorifics that precede a surname ("mr", "mrs", "ms", "dr", "sen", "rep", "gov").
bool IsHonorific(std::string_view folded);
// "female" or "male" for a given name that is strongly one or the other in English-language
// news ("hillary", "brian"), "" for any other word. Names shared by both sexes (Jordan,
// Taylor, Kim) are not listed; names that are also common words (Bill, Mark, Grace) only
// `with_common_words`, for the first word of a name already known to be a person's.
std::string_view GivenNameGender(std::string_view folded, bool with_common_words = false);
// Prepositions and time words that open an adjunct after a speech verb ("said in an
// interview", "said on Tuesday", "said last week"), not a reported clause.
bool IsAdjunctOpener(std::string_view folded);
// Group nouns after an organisation that keep it the speaker ("Brookings analysts").
bool IsGroupNoun(std::string_view folded);

// Head nouns of a source the text describes without naming it: "officials", "a spokesman",
// "the campaign", "a new poll", "critics". Plural and singular folded forms.
bool IsSourceNoun(std::string_view folded);
// Words that may stand before such a head inside the same noun phrase: determiners,
// quantifiers and the adjectives news writing puts there ("two senior administration").
bool IsSourceModifier(std::string_view folded);
// Determiners that open a noun phrase ("the", "a", "some", "many", "two").
bool IsDeterminer(std::string_view folded);

// Prepositions whose object is a name inside a longer phrase ("an adviser to Trump", "said
// of Bill Clinton").
bool IsPrepositionBeforeName(std::string_view folded);

// Dashes that sign a quotation with a name ("“...” ― Jane Doe"): em dash, horizontal bar,
// en dash, as single tokens.
bool IsDash(std::string_view folded);
// Marks that can close a quotation ("”", "\"", "»"), as single tokens.
bool IsClosingQuoteMark(std::string_view folded);

// Built-in evaluative vocabulary for stance: +1 favourable, -1 unfavourable, 0 unknown.
// Phrases (several tokens) are listed by EvaluativePhrases().
struct WeightedPhrase {
  std::string phrase;   // folded tokens joined by spaces
  double weight = 0.0;  // > 0 favourable to whatever is evaluated, < 0 unfavourable
};
const std::vector<WeightedPhrase>& EvaluativePhrases();
// Actions that undo a policy ("reverse", "lift", "walk back") and denials ("refutes the
// notion"): they flip the sign of the evaluation in their sentence ("reversing the ban would
// be a victory for China" supports the ban; "refutes that the controls failed" too).
const std::vector<std::string>& ReversalPhrases();
// Negators that flip the next evaluative cue within a few tokens ("not", "n't", "never").
bool IsNegator(std::string_view folded);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_LEXICON_H_
