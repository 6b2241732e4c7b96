// Tokens and entity mentions: the profile's knowledge base matched over case-folded tokens
// (longest match first), surnames and misspellings of people already named, and people the
// knowledge base does not know, found by name patterns next to speech verbs, titles and
// appositives.
#ifndef CLAIMDEX_EXTRACT_ENTITIES_H_
#define CLAIMDEX_EXTRACT_ENTITIES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/profile.h"

namespace claimdex {

struct Token {
  size_t start = 0;  // byte span in the tokenized text
  size_t end = 0;
  std::string fold;          // NFKC case-folded; typographic apostrophes become '
  std::string base;          // fold without a possessive "'s"
  bool word = false;         // letters/digits; otherwise one punctuation character
  bool capitalized = false;  // first letter is upper case
};

// Words (letters, digits, marks, inner apostrophes, a comma or full stop between digits:
// "2,400", "3.5") and single punctuation characters; white space is dropped. Any bytes are
// accepted; linear in the input.
std::vector<Token> Tokenize(std::string_view text);

// For each token, whether its line is a title-case headline: at least four words, three
// in four of them capitalised ("Obama Seeks More Muslim Refugees"). Linear in the tokens.
std::vector<bool> TitleCaseLines(std::string_view text, const std::vector<Token>& tokens);

// Lower-case ASCII slug of a name: "Jane O'Doe" -> "jane-o-doe".
std::string Slug(std::string_view name);

struct EntityRecord {
  std::string id;
  std::string name;
  std::string type;
  std::string role;
  std::string gender;  // "female" | "male" | ""
  bool from_kb = false;
  // Folded short form a text uses alone: a one-word KB alias that is one of the name's words
  // ("Liang" for "Liang Wenfeng", family name first), else the name's last word. KB people
  // only; "" otherwise.
  std::string surname;
};

// The sex the text or knowledge base gives a person, else the one their first name marks
// ("Bill Clinton": male, GivenNameGender with common words), else "". "" for non-persons.
std::string SexOf(const EntityRecord& e);

struct EntityMention {
  size_t first = 0;  // token range [first, last)
  size_t last = 0;
  int entity = 0;   // index into EntityMatches::entities
  std::string via;  // "name" | "alias" | "surname" | "role" | "fuzzy"
};

struct EntityMatches {
  std::vector<EntityRecord> entities;   // the knowledge base first, then new people
  std::vector<EntityMention> mentions;  // ordered by position, never overlapping
};

class EntityMatcher {
 public:
  explicit EntityMatcher(const std::vector<KbEntity>& kb);

  // Mentions in `tokens` (from Tokenize(text)). Bounded: linear in the tokens times the few
  // patterns that share a first word (and the people named so far, for misspellings).
  EntityMatches Find(std::string_view text, const std::vector<Token>& tokens) const;

 private:
  struct Pattern {
    std::vector<std::string> words;
    int entity = 0;
    std::string via;
    bool acronym = false;  // "US", "AI": matches only as written in capitals, never "us"
  };
  void AddPattern(std::string_view phrase, int entity, const std::string& via);
  bool SurnameAllowed(const Pattern& p, const std::vector<bool>& seen_full) const;

  std::vector<EntityRecord> kb_;
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, std::vector<size_t>> by_first_word_;
  std::unordered_map<std::string, int> surname_count_;  // KB people per surname
};

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_ENTITIES_H_
