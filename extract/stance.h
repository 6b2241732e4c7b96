// Stance of a claim toward each profile target: is the claim about the target (its aliases,
// or "the ban"/"the rules"/... in a document that names it), and which way do its cue
// phrases point (the target's own support/oppose lists plus a small built-in evaluative
// vocabulary), with negation and counterfactual reversal ("reversing the ban would be a
// victory for China" supports the ban).
#ifndef CLAIMDEX_EXTRACT_STANCE_H_
#define CLAIMDEX_EXTRACT_STANCE_H_

#include <string>
#include <utility>
#include <vector>

#include "corpus/document.h"
#include "corpus/profile.h"
#include "extract/entities.h"

namespace claimdex {

class StanceScorer {
 public:
  explicit StanceScorer(const std::vector<Target>& targets);

  // For each target (profile order): does the text name it by its name or an alias?
  std::vector<bool> TargetsNamed(const std::vector<Token>& tokens) const;

  // One ClaimStance per target the claim is about (none when it is about no target).
  // `named` comes from TargetsNamed over the whole document.
  std::vector<ClaimStance> Score(const std::string& claim_text,
                                 const std::vector<bool>& named) const;
  // The same, with claim_text[skip_begin, skip_end) left out of cue and target matching (the
  // attribution: who says it is not what is said). Phrases never match across the gap.
  std::vector<ClaimStance> Score(const std::string& claim_text, const std::vector<bool>& named,
                                 size_t skip_begin, size_t skip_end) const;

 private:
  struct Phrase {
    std::vector<std::string> words;
    double weight = 0.0;
    bool from_profile = false;
    std::string text;
  };
  struct CompiledTarget {
    std::string id;
    std::vector<std::vector<std::string>> aliases;
    std::vector<Phrase> cues;  // profile cues first, then the built-in vocabulary
  };
  std::vector<CompiledTarget> targets_;
  std::vector<std::vector<std::string>> reversals_;
};

// The attribution part of a claim as a byte range of claim.text: the speaker's mention, an
// adjacent cue ("according to"), and the apposition or relative clause that describes the
// speaker (", the former board member who now works at ..."), which runs to the next comma, or
// to the sentence end when the attribution comes after the reported content. {0, 0} when the
// claim names no speaker inside its text.
std::pair<size_t, size_t> AttributionSpan(const Claim& claim);

// Per (speaker, target): the net stance of that speaker's claims (co-speakers included).
// Claims without a speaker, the outlet's own voice and unnamed sources are left out. Order:
// first claim of each pair. Every named speaker of the claims also gets an entry for each of
// `targets` their claims never touch: "neutral", score 0, no claims (they spoke in the
// document without taking a position on it).
std::vector<SpeakerStance> AggregateStances(const std::vector<Claim>& claims,
                                            const std::vector<std::string>& targets = {});

// "support" | "oppose" | "mixed" | "neutral" for a score in [-1, 1] with `evidence` cues.
std::string StanceLabel(double score, bool evidence);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_STANCE_H_
