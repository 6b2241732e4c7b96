#include "extract/near_duplicate.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <limits>
#include <memory>

// Why MinHash rather than SimHash: the 64-bit SimHash with a Hamming threshold of 3 was tuned for
// whole web pages with weighted features. On a 300-word news story with unweighted shingles,
// three edited words change about 3% of the shingles, and the expected SimHash distance is then
// already 4 to 5 bits: syndicated copies with a changed line would be missed. MinHash estimates
// the Jaccard resemblance of the shingle sets directly (standard error about 0.035 at 0.8 with
// 128 values), so the threshold means what it says, and LSH banding (32 bands of 4) finds the
// candidates without comparing every pair: a pair with resemblance 0.8 shares at least one band
// with probability 1 - (1 - 0.8^4)^32 > 0.9999, a pair at 0.3 only in ~23% of cases, and every
// candidate is checked on the full signature.

namespace claimdex {
namespace {

// splitmix64's finaliser: a fixed, well-mixed 64-bit permutation (not std::hash, whose values
// may change between library versions and would make clusters unstable across runs).
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t Fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// The 128 hash functions of the signature: Mix(shingle hash ^ seed[i]).
const std::vector<uint64_t>& Seeds() {
  static const std::vector<uint64_t> seeds = [] {
    std::vector<uint64_t> s(kMinHashSize);
    for (size_t i = 0; i < kMinHashSize; ++i) s[i] = Mix(0x636c61696d646578ULL + i);
    return s;
  }();
  return seeds;
}

// Typographic apostrophes and the modifier letter read as ASCII, so "don’t" and "don't" match.
void FoldApostrophes(icu::UnicodeString* text) {
  text->findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), "'");
  text->findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), "'");
  text->findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x02BC)), "'");
}

uint64_t BandKey(size_t band, const MinHashSignature& sig) {
  uint64_t h = Mix(band);
  for (size_t r = 0; r < kMinHashRows; ++r) h = Mix(h ^ sig[band * kMinHashRows + r]);
  return h;
}

}  // namespace

std::vector<std::string> NormalisedWords(std::string_view text) {
  std::vector<std::string> words;
  UErrorCode status = U_ZERO_ERROR;
  // fromUTF8 replaces invalid bytes with U+FFFD, which is never a word: hostile input is safe.
  size_t size = std::min<size_t>(text.size(), std::numeric_limits<int32_t>::max());
  icu::UnicodeString raw =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(size)));
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return words;
  icu::UnicodeString folded = nfkc_cf->normalize(raw, status);
  if (U_FAILURE(status)) return words;
  FoldApostrophes(&folded);
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !it) return words;
  it->setText(folded);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    // Rule status below UBRK_WORD_NONE_LIMIT: spaces and punctuation, not words.
    if (it->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    std::string word;
    folded.tempSubStringBetween(start, end).toUTF8String(word);
    words.push_back(std::move(word));
  }
  return words;
}

std::optional<MinHashSignature> TextSignature(std::string_view text) {
  // A cut inside a UTF-8 sequence becomes U+FFFD in NormalisedWords, which is not a word.
  std::vector<std::string> words = NormalisedWords(text.substr(0, kMaxSignatureBytes));
  if (words.size() < kNearDuplicateMinWords) return std::nullopt;
  const std::vector<uint64_t>& seeds = Seeds();
  MinHashSignature sig(kMinHashSize, std::numeric_limits<uint32_t>::max());
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t k = 0; k < kShingleWords; ++k) {
      h = Fnv1a(words[i + k], h);
      h = Fnv1a(" ", h);  // word boundary, so "ab c" and "a bc" differ
    }
    for (size_t j = 0; j < kMinHashSize; ++j) {
      uint32_t v = static_cast<uint32_t>(Mix(h ^ seeds[j]) >> 32);
      if (v < sig[j]) sig[j] = v;
    }
  }
  return sig;
}

double EstimatedJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.size() != b.size() || a.empty()) return 0.0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

bool IsNearDuplicate(std::string_view a, std::string_view b) {
  std::optional<MinHashSignature> sa = TextSignature(a);
  if (!sa) return false;
  std::optional<MinHashSignature> sb = TextSignature(b);
  return sb && EstimatedJaccard(*sa, *sb) >= kNearDuplicateJaccard;
}

size_t NearDuplicateIndex::Add(const MinHashSignature& signature, std::string key) {
  uint32_t pos = static_cast<uint32_t>(keys_.size());
  signatures_.push_back(signature);
  keys_.push_back(std::move(key));
  if (signature.size() != kMinHashSize) return pos;  // findable by nobody; never matches
  for (size_t b = 0; b < kMinHashBands; ++b) bands_[BandKey(b, signature)].push_back(pos);
  return pos;
}

std::optional<std::string> NearDuplicateIndex::FindEarliest(
    const MinHashSignature& signature) const {
  if (signature.size() != kMinHashSize) return std::nullopt;
  uint32_t best = std::numeric_limits<uint32_t>::max();
  for (size_t b = 0; b < kMinHashBands; ++b) {
    auto found = bands_.find(BandKey(b, signature));
    if (found == bands_.end()) continue;
    // Positions are ascending; only those before the best so far can improve it.
    for (uint32_t pos : found->second) {
      if (pos >= best) break;
      if (EstimatedJaccard(signatures_[pos], signature) >= kNearDuplicateJaccard) {
        best = pos;
        break;
      }
    }
  }
  if (best == std::numeric_limits<uint32_t>::max()) return std::nullopt;
  return keys_[best];
}

}  // namespace claimdex
