#include "extract/stance.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_set>

#include "extract/lexicon.h"
#include "extract/text_util.h"

namespace claimdex {
namespace {

constexpr size_t kNegationWindow = 3;  // words before a cue that a negator reaches
constexpr double kDecisive = 0.34;     // |score| at or above which a side wins

// A word that matches no phrase: stands for the left-out attribution so that phrases cannot
// join its two sides.
const char kGap[] = "\x01";

std::vector<std::string> Words(const std::string& text, size_t skip_begin = 0,
                               size_t skip_end = 0) {
  std::vector<std::string> out;
  bool gap = false;
  for (const Token& t : Tokenize(text)) {
    if (!t.word) continue;
    if (t.start >= skip_begin && t.start < skip_end) {
      if (!gap) out.push_back(kGap);
      gap = true;
      continue;
    }
    out.push_back(t.fold);
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Words that open an apposition or relative clause about a person.
bool OpensApposition(std::string_view rest) {
  static constexpr std::string_view kOpeners[] = {
      "who ",  "whose ", "whom ", "which ", "the ",     "a ",   "an ",    "his ",
      "her ",  "its ",   "their ", "former ", "now ",  "then ", "chief ", "head "};
  for (std::string_view o : kOpeners) {
    if (rest.substr(0, o.size()) == o) return true;
  }
  return false;
}

size_t SkipSpaces(const std::string& s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

bool IsQuoteMark(const std::string& s, size_t i) {
  if (s[i] == '"') return true;
  return s.compare(i, 3, "\u201C") == 0 || s.compare(i, 3, "\u201D") == 0 ||
         s.compare(i, 2, "\u00AB") == 0 || s.compare(i, 2, "\u00BB") == 0;
}

bool MatchAt(const std::vector<std::string>& words, size_t i, const std::vector<std::string>& p) {
  if (p.empty() || i + p.size() > words.size()) return false;
  for (size_t k = 0; k < p.size(); ++k) {
    if (words[i + k] != p[k]) return false;
  }
  return true;
}

bool Contains(const std::vector<std::string>& words, const std::vector<std::string>& p) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (MatchAt(words, i, p)) return true;
  }
  return false;
}

bool IsGenericPolicyWord(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "ban",    "bans",      "restrictions", "restriction", "controls",   "curbs",
      "rules",  "rule",      "restrict",     "restricting", "restricted", "measures",
      "limits", "sanctions", "embargo",      "blacklist",   "regulations"};
  return kWords.count(w) != 0;
}

}  // namespace

std::string StanceLabel(double score, bool evidence) {
  if (!evidence) return "neutral";
  if (score >= kDecisive) return "support";
  if (score <= -kDecisive) return "oppose";
  return "mixed";
}

StanceScorer::StanceScorer(const std::vector<Target>& targets) {
  for (const std::string& r : ReversalPhrases()) reversals_.push_back(Words(r));
  for (const Target& t : targets) {
    CompiledTarget c;
    c.id = t.id;
    c.aliases.push_back(Words(t.name));
    for (const std::string& a : t.aliases) c.aliases.push_back(Words(a));
    for (const std::string& s : t.support) c.cues.push_back({Words(s), 1.0, true, s});
    for (const std::string& o : t.oppose) c.cues.push_back({Words(o), -1.0, true, o});
    for (const WeightedPhrase& w : EvaluativePhrases()) {
      c.cues.push_back({Words(w.phrase), w.weight, false, w.phrase});
    }
    c.cues.erase(std::remove_if(c.cues.begin(), c.cues.end(),
                                [](const Phrase& p) { return p.words.empty(); }),
                 c.cues.end());
    targets_.push_back(std::move(c));
  }
}

std::vector<bool> StanceScorer::TargetsNamed(const std::vector<Token>& tokens) const {
  std::vector<std::string> words;
  for (const Token& t : tokens) {
    if (t.word) words.push_back(t.fold);
  }
  std::vector<bool> named;
  for (const CompiledTarget& t : targets_) {
    named.push_back(std::any_of(t.aliases.begin(), t.aliases.end(),
                                [&](const auto& a) { return Contains(words, a); }));
  }
  return named;
}

std::pair<size_t, size_t> AttributionSpan(const Claim& claim) {
  if (!claim.speaker) return {0, 0};
  const Mention& m = claim.speaker->mention;
  const std::string& text = claim.text;
  if (m.start < claim.start || m.end > claim.end || m.end <= m.start) return {0, 0};
  size_t begin = m.start - claim.start;
  size_t end = m.end - claim.start;
  // The cue right before the name ("according to Toner") belongs to the attribution.
  std::string lower = AsciiLower(text);
  if (!claim.cue.empty() && begin > claim.cue.size()) {
    size_t b = begin;
    while (b > 0 && IsSpace(text[b - 1])) --b;
    if (b >= claim.cue.size() && lower.compare(b - claim.cue.size(), claim.cue.size(),
                                               AsciiLower(claim.cue)) == 0)
      begin = b - claim.cue.size();
  }
  size_t i = SkipSpaces(text, end);
  bool comma = i < text.size() && text[i] == ',';
  size_t rest = SkipSpaces(text, comma ? i + 1 : i);
  std::string_view after = std::string_view(lower).substr(rest);
  bool relative = after.substr(0, 4) == "who " || after.substr(0, 6) == "whose " ||
                  after.substr(0, 6) == "which ";
  if ((comma && OpensApposition(after)) || relative) {
    // Content before the attribution: the description may run to the sentence end.
    bool content_before = Words(text.substr(0, begin)).size() >= 3;
    size_t j = rest;
    while (j < text.size() && text[j] != ',' && !IsQuoteMark(text, j)) ++j;
    if (j < text.size() && text[j] == ',') {
      end = j;
    } else if (j == text.size() && content_before) {
      end = j;
    }
  }
  return {begin, end};
}

namespace {

// "walking the controls back", "roll the rules back": a particle verb of undoing with its
// object between the verb and "back".
bool SplitReversal(const std::vector<std::string>& words) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "walk", "walks", "walking", "walked", "roll", "rolls", "rolling", "rolled",
      "dial", "dials", "dialing", "dialed", "scale", "scales", "scaling", "scaled"};
  for (size_t i = 0; i < words.size(); ++i) {
    if (kVerbs.count(words[i]) == 0) continue;
    for (size_t k = i + 2; k < words.size() && k <= i + 5; ++k) {
      if (words[k] == "back") return true;
    }
  }
  return false;
}

}  // namespace

std::vector<ClaimStance> StanceScorer::Score(const std::string& claim_text,
                                             const std::vector<bool>& named) const {
  return Score(claim_text, named, 0, 0);
}

std::vector<ClaimStance> StanceScorer::Score(const std::string& claim_text,
                                             const std::vector<bool>& named, size_t skip_begin,
                                             size_t skip_end) const {
  std::vector<ClaimStance> out;
  const std::vector<std::string> words = Words(claim_text, skip_begin, skip_end);
  bool reversal = std::any_of(reversals_.begin(), reversals_.end(),
                              [&](const auto& r) { return Contains(words, r); }) ||
                  SplitReversal(words);
  for (size_t ti = 0; ti < targets_.size(); ++ti) {
    const CompiledTarget& t = targets_[ti];
    bool about = std::any_of(t.aliases.begin(), t.aliases.end(),
                             [&](const auto& a) { return Contains(words, a); });
    if (!about && ti < named.size() && named[ti]) {
      about = std::any_of(words.begin(), words.end(), IsGenericPolicyWord);
    }
    if (!about) continue;
    double pos = 0.0;
    double neg = 0.0;
    ClaimStance stance;
    stance.target = t.id;
    for (size_t i = 0; i < words.size();) {
      const Phrase* best = nullptr;
      for (const Phrase& p : t.cues) {
        if ((!best || p.words.size() > best->words.size()) && MatchAt(words, i, p.words)) best = &p;
      }
      if (!best) {
        ++i;
        continue;
      }
      double w = best->weight;
      for (size_t k = 1; k <= kNegationWindow && k <= i; ++k) {
        if (IsNegator(words[i - k])) {
          w = -w;
          break;
        }
      }
      // An undoing of the policy turns the sentence's evaluation around; the profile's own
      // cues already name the direction they mean.
      if (reversal && !best->from_profile) w = -w;
      if (w > 0) pos += w;
      if (w < 0) neg -= w;
      if (w == 0) {  // "mixed feelings", "open question"
        pos += 0.5;
        neg += 0.5;
      }
      stance.cues.push_back(best->text);
      i += best->words.size();
    }
    bool evidence = pos + neg > 0;
    stance.score = evidence ? (pos - neg) / (pos + neg) : 0.0;
    stance.label = StanceLabel(stance.score, evidence);
    out.push_back(std::move(stance));
  }
  return out;
}

std::vector<SpeakerStance> AggregateStances(const std::vector<Claim>& claims,
                                            const std::vector<std::string>& targets) {
  struct Sum {
    SpeakerStance stance;
    double total = 0.0;
    int decided = 0;
  };
  std::vector<Sum> sums;
  std::map<std::pair<std::string, std::string>, size_t> index;
  auto add = [&](const std::string& id, const std::string& name, const Claim& c,
                 const ClaimStance& s) {
    auto key = std::make_pair(id, s.target);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, sums.size()).first;
      Sum sum;
      sum.stance.speaker_id = id;
      sum.stance.speaker = name;
      sum.stance.target = s.target;
      sums.push_back(sum);
    }
    Sum& sum = sums[it->second];
    sum.stance.claims.push_back(c.id);
    if (s.label != "neutral") {
      sum.total += s.score;
      ++sum.decided;
    }
  };
  for (const Claim& c : claims) {
    // An unnamed source ("officials") is no one to hold a position over time.
    if (!c.speaker || c.speaker->type == "author" || c.speaker->type == "unnamed") continue;
    for (const ClaimStance& s : c.stances) {
      add(c.speaker->id, c.speaker->name, c, s);
      for (const CoSpeaker& co : c.co_speakers) add(co.id, co.name, c, s);
    }
  }
  for (const Claim& c : claims) {
    if (!c.speaker || c.speaker->id.empty() || c.speaker->type == "author" ||
        c.speaker->type == "unnamed") {
      continue;
    }
    for (const std::string& target : targets) {
      if (index.count({c.speaker->id, target}) != 0) continue;
      index.emplace(std::make_pair(c.speaker->id, target), sums.size());
      Sum sum;
      sum.stance.speaker_id = c.speaker->id;
      sum.stance.speaker = c.speaker->name;
      sum.stance.target = target;
      sums.push_back(sum);
    }
  }
  std::vector<SpeakerStance> out;
  for (Sum& sum : sums) {
    sum.stance.score = sum.decided ? sum.total / sum.decided : 0.0;
    sum.stance.label = StanceLabel(sum.stance.score, sum.decided > 0);
    out.push_back(std::move(sum.stance));
  }
  return out;
}

}  // namespace claimdex
