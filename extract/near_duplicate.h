// Near-duplicate detection of main texts: syndicated copies of one article carried by several
// outlets (the same wire story with another headline, byline or a few edited words).
//
// Method: MinHash over word 4-shingles with LSH banding (see near_duplicate.cpp for why MinHash
// rather than SimHash). Words are ICU word-break tokens of the NFKC-case-folded text, so any
// script works and case, width and compatibility forms do not matter.
//
// Thread-safety: the free functions are pure. A NearDuplicateIndex is not thread-safe; its
// users add and look up from one thread, in document order, which keeps clusters deterministic.
#ifndef CLAIMDEX_EXTRACT_NEAR_DUPLICATE_H_
#define CLAIMDEX_EXTRACT_NEAR_DUPLICATE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimdex {

// Texts with fewer words than this are never fingerprinted: short texts (teasers, stubs,
// error pages) share too much boilerplate to be told apart safely.
inline constexpr size_t kNearDuplicateMinWords = 50;
// Words per shingle.
inline constexpr size_t kShingleWords = 4;
// MinHash signature length, and its LSH split into bands of kMinHashRows values.
inline constexpr size_t kMinHashSize = 128;
inline constexpr size_t kMinHashRows = 4;
inline constexpr size_t kMinHashBands = kMinHashSize / kMinHashRows;
// Two texts are near duplicates when their estimated Jaccard resemblance (over shingle sets)
// is at least this.
inline constexpr double kNearDuplicateJaccard = 0.8;

// Only the first kMaxSignatureBytes of a text are read, so a hostile 10 MB page costs bounded
// time; news articles are far shorter, and copies that agree on their first 256 KiB are copies.
inline constexpr size_t kMaxSignatureBytes = 256 * 1024;

using MinHashSignature = std::vector<uint32_t>;  // kMinHashSize values

// The words of `text` (UTF-8, invalid bytes tolerated): ICU word-break tokens that contain a
// letter, digit or ideograph, NFKC-case-folded, typographic apostrophes read as "'".
// "Don’t  STOP, Ａｌｌ!" -> {"don't", "stop", "all"}.
std::vector<std::string> NormalisedWords(std::string_view text);

// The MinHash signature of the word shingles of `text` (its first kMaxSignatureBytes); nullopt
// when it has fewer than kNearDuplicateMinWords words. Deterministic across runs, threads and
// platforms.
std::optional<MinHashSignature> TextSignature(std::string_view text);

// Estimated Jaccard resemblance: the share of positions where `a` and `b` agree; 0 when the
// sizes differ or are 0.
double EstimatedJaccard(const MinHashSignature& a, const MinHashSignature& b);

// True when both texts are long enough and their estimated resemblance reaches
// kNearDuplicateJaccard.
bool IsNearDuplicate(std::string_view a, std::string_view b);

// Signatures in insertion order, found again through LSH bands: a query looks only at earlier
// entries that agree with it on at least one whole band, then checks the full signature.
class NearDuplicateIndex {
 public:
  // Adds an entry with caller's `key` (a cluster id). Returns its position.
  size_t Add(const MinHashSignature& signature, std::string key);

  // The key of the EARLIEST entry (lowest position) that is a near duplicate of `signature`;
  // nullopt when none is.
  std::optional<std::string> FindEarliest(const MinHashSignature& signature) const;

  size_t size() const { return keys_.size(); }

 private:
  std::vector<MinHashSignature> signatures_;
  std::vector<std::string> keys_;
  // band hash (band number mixed in) -> positions, ascending.
  std::unordered_map<uint64_t, std::vector<uint32_t>> bands_;
};

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_NEAR_DUPLICATE_H_
