// The Xapian schema of the claimdex index: the one place term prefixes, value slots and the
// document data layout are written down (DESIGN.md "Xapian schema", docs/formats-xapian.md).
// The indexer writes with these constants and the query module reads with them; nothing else
// spells a prefix or a slot number.
//
// One Xapian document per claim (XTclaim) and one per article (XTarticle).
//
// Boolean terms are the prefix followed by a normalised value (see NormaliseTermValue):
// lower case, runs of anything but letters, digits, '_', ':' and '.' folded to one '-'.
//
// Thread-safety: constants and pure functions only.
#ifndef CLAIMDEX_INDEX_SCHEMA_H_
#define CLAIMDEX_INDEX_SCHEMA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "corpus/status.h"

namespace claimdex::schema {

// ---- boolean term prefixes ----
inline constexpr char kPrefixId[] = "Q";         // unique id: "Qc:1f3a..." or "Qd:9b0c..."
inline constexpr char kPrefixType[] = "XT";      // "XTclaim" | "XTarticle"
inline constexpr char kPrefixSpeaker[] = "XS";   // speaker id: "XSdavid-sacks"
inline constexpr char kPrefixSpeakerWord[] = "XN";  // each lower-cased word of the speaker's
                                                    // name: "XNdavid", "XNsacks"
inline constexpr char kPrefixEntity[] = "XE";    // entity id mentioned in the claim
inline constexpr char kPrefixTarget[] = "XG";    // target id a claim takes a stance on
inline constexpr char kPrefixStance[] = "XP";    // "XP<target>:<label>" per stance, plus
                                                 // "XP<label>" for "any target"
inline constexpr char kPrefixOutlet[] = "XO";    // outlet slug: "XOreal-time-headlines"
inline constexpr char kPrefixKind[] = "XK";      // claim kind: "XKdirect_quote"
inline constexpr char kPrefixLanguage[] = "XL";  // document language: "XLen"
inline constexpr char kPrefixArticle[] = "XD";   // on a claim: its article id "XDd:9b0c..."
inline constexpr char kPrefixCluster[] = "XC";   // quote-cluster id (16 hex), for also_in
inline constexpr char kPrefixArticleCluster[] = "XA";  // near-duplicate cluster of the article
                                                       // (Document::cluster, "XAd:9b0c..."),
                                                       // on articles and claims
inline constexpr char kPrefixYear[] = "XY";      // publication year: "XY2025"
inline constexpr char kPrefixMonth[] = "XM";     // publication month: "XM202502"
inline constexpr char kPrefixImpact[] = "XI";    // on claims: ImpactTerm(wdf, word) for each
                                                 // word term whose impact tier the claim is in
                                                 // (InImpactTier): "XI1:Zchip", "XI2:nvidia"

// ---- free-text prefixes (TermGenerator, with positions) ----
// Claim text and speaker name are indexed unprefixed, so an unprefixed word's posting list
// holds claims only and a text search for claims needs no type filter.
inline constexpr char kPrefixTitle[] = "S";  // the article title ("title:" in queries), on
                                             // claims and articles
inline constexpr char kPrefixArticleText[] = "XB";  // an article's title and body text: the
                                                    // default field of article searches

inline constexpr char kTypeClaim[] = "claim";
inline constexpr char kTypeArticle[] = "article";

// ---- value slots ----
enum Slot : unsigned {
  kSlotDate = 0,             // "YYYYMMDD" (sorts as a string; RangeProcessor); absent if unknown
  kSlotSpeakerId = 1,        // speaker id, "" when no speaker
  kSlotOutlet = 2,           // outlet slug
  kSlotStanceScore = 3,      // sortable_serialise(score of the first stance), absent if none
  kSlotCluster = 4,          // quote-cluster id (Enquire::set_collapse_key)
  kSlotArticleId = 5,        // article id ("d:...") of a claim; the id itself on an article
  kSlotMonth = 6,            // "YYYY-MM" for the month facet; absent if no date
  kSlotSpeakerName = 7,      // speaker display name, for the speaker facet
  kSlotOutletName = 8,       // outlet display name, for the outlet facet
  kSlotStances = 9,          // "target:label" pairs joined by '\n', for the stance facet
  kSlotArticleCluster = 10,  // near-duplicate cluster of the article (ArticleClusterId)
  kSlotSpeakerType = 11,     // the speaker's type ("person", "author", "unnamed", ...); absent
                             // when the claim has no speaker
  kSlotClaimRef = 12,        // on claims: what a timeline needs of a claim, in one value so a
                             // timeline reads one value stream instead of four: TimelineRef()
  // 13 is unused (schema 2 had the URL there).
};

// The kSlotClaimRef value: the date as in kSlotDate or "00000000" when unknown (8 bytes), the
// collapse cluster (16 hex digits, ClaimClusterId), the claim id, a NUL byte, the article URL.
std::string TimelineRef(const std::string& date_value, const std::string& cluster,
                        const std::string& claim_id, const std::string& url);
inline constexpr size_t kRefDateBytes = 8, kRefClusterBytes = 16;

// A source the text describes but does not name ("U.S. officials", "a campaign spokesman"):
// SpeakerRef::type "unnamed" (or an empty id). It gets no kPrefixSpeaker term and no
// kSlotSpeakerId / kSlotSpeakerName value, so per-person filters, facets and timelines never
// count it; its name words are still indexed (kPrefixSpeakerWord) and kSlotSpeakerType says
// "unnamed", which the speaker facet counts under kUnnamedSpeakersFacet.
inline constexpr char kSpeakerTypeUnnamed[] = "unnamed";
inline constexpr char kUnnamedSpeakersFacet[] = "(unnamed sources)";

// ---- metadata keys ----
// "file:<docs file name>" -> "<size> <sha1 hex of the content>": a docs file already indexed.
inline constexpr char kMetaFilePrefix[] = "file:";
// "schema" -> kSchemaVersion; written on every commit.
inline constexpr char kMetaSchema[] = "schema";
// 2: slots 11-13. 3: article text under kPrefixArticleText instead of unprefixed. 4: impact-tier
// terms (kPrefixImpact). An index of an earlier version is refused by the readers and rebuilt by
// IndexDataDir (CheckSchemaVersion).
inline constexpr char kSchemaVersion[] = "4";

// Ok for `recorded` (the "schema" metadata of the database at `db_path`) == kSchemaVersion,
// and for an empty database (`documents` == 0). Otherwise kInvalidInput in one line: for an
// older schema "DB: index built with schema 2, this claimdex needs 3: run 'claimdex index' to
// re-index (it rebuilds it from docs/)" — IndexDataDir does that rebuild —, for a newer one
// that a newer claimdex built it. A database without the key counts as version 1.
Status CheckSchemaVersion(const std::string& db_path, const std::string& recorded,
                          unsigned long documents);
// `recorded` (a database's "schema" metadata; "" for version 1) names an older schema than
// this build's: the index can be rebuilt from the documents it was made of.
bool OlderSchema(const std::string& recorded);

// Weight of the title words relative to claim text (TermGenerator wdf_inc).
inline constexpr unsigned kTitleWeight = 2;

// ---- impact tiers ----
// For a one-word search ranked by BM25, a claim's rank depends only on the word's wdf in it and
// its length: more occurrences and a shorter claim rank higher. Every claim that has a word
// twice or more, or whose length (the sum of its wdf, as Xapian counts it) is at most
// kImpactMaxLength, gets the term ImpactTerm(wdf, word) for each such word: the tier term says
// how often the claim has the word, so a search can rank the tier from the tier terms and the
// claims' lengths alone, without reading the word's own (ten times longer) posting list. Every
// other claim with the word has it once and is longer, so its BM25 weight is at most that of
// (wdf 1, length kImpactMaxLength + 1); a page drawn from the tier whose last hit outweighs that
// bound is exactly the page of the whole posting list (query/search.cpp).
// 76 is about the 12th percentile of claim lengths, both in the bundled sample and in
// bench/index_bench.cpp's synthetic claims.
inline constexpr unsigned kImpactMaxLength = 76;
// Tier terms record wdf 1 .. kImpactMaxWdf; kImpactMaxWdf stands for that many or more.
inline constexpr unsigned kImpactMaxWdf = 9;
// "XI" + the wdf (1 .. kImpactMaxWdf, one digit) + ":" + the word term: "XI2:Zchip".
std::string ImpactTerm(unsigned wdf, const std::string& word_term);
// A term the TermGenerator makes of claim text or a speaker name: unprefixed (does not start
// with an upper-case ASCII letter) or an unprefixed word's stem ("Z" + a non-upper-case byte).
bool IsWordTerm(const std::string& term);
inline bool InImpactTier(unsigned wdf, unsigned length) {
  return wdf >= 2 || length <= kImpactMaxLength;
}

// Document data: a JSON object.
//   claim:   {"claim": <ClaimToJson>, "source": {"doc_id", "title", "url", "outlet",
//             "outlet_slug", "published", "paragraph", "paragraph_text", "fetched",
//             "warc": {"file", "offset", "record_id"} | null, "entity_names": {id: name},
//             "article_cluster"}, "cluster": "<16 hex>"}
//   article: {"article": {"id", "title", "url", "outlet", "outlet_slug", "published",
//             "fetched", "language", "authors", "warc", "quality", "cluster",
//             "claims": [{"id", "speaker"}]}}

// Lower case (ASCII), every run of characters other than [a-z0-9_:.] and non-ASCII bytes
// folded into one '-', no leading or trailing '-'. "Real Time Headlines" -> "real-time-headlines".
std::string NormaliseTermValue(const std::string& value);

// "2025-02-22" -> "20250222"; "" when `date` is not YYYY-MM-DD (only the shape is checked).
std::string DateValue(const std::string& date);
// A date value ("YYYYMMDD") as the number YYYYMMDD in `*day`; false when it is not eight digits.
bool DateNumber(std::string_view value, uint32_t* day);

// The lower-cased words (ASCII letters and digits, and non-ASCII bytes) of a speaker's name:
// "David O. Sacks" -> {"david", "o", "sacks"}. Indexed as kPrefixSpeakerWord terms.
std::vector<std::string> NameWords(const std::string& name);

// True for an unnamed source: type "unnamed" or an empty id.
bool IsUnnamedSpeaker(const SpeakerRef& speaker);

// The outlet of a document: its publisher, else the URL's host without "www.".
std::string OutletName(const Document& doc);

// The quote-cluster id of a claim: the first 16 hex digits of
// HexDigest(speaker id + "|" + the quote lower-cased with punctuation and whitespace folded to
// single spaces) when the claim has a quote, else of the claim id. The same quote by the same
// speaker carried by several outlets shares it. For an unnamed source the speaker part is
// "unnamed:" + NormaliseQuote(its name), so "U.S. officials" in two outlets is one source.
std::string QuoteClusterId(const Claim& claim);

// The near-duplicate (syndication) cluster of an article: Document::cluster, or the document
// id when it is empty (documents extracted before clusters existed).
std::string ArticleClusterId(const Document& doc);

// The collapse cluster of a claim as indexed (kPrefixCluster, kSlotCluster): QuoteClusterId
// when the claim has a quote; otherwise, when the document has a near-duplicate cluster, the
// first 16 hex digits of HexDigest("a|" + cluster + "|" + speaker id + "|" + NormaliseQuote(
// claim text)), so the same quote-less claim in syndicated copies of one article collapses
// too; else QuoteClusterId (the claim's own cluster).
std::string ClaimClusterId(const Document& doc, const Claim& claim);

// The fold used by QuoteClusterId: "“Stay  the Course,” he" -> "stay the course he".
std::string NormaliseQuote(const std::string& quote);

}  // namespace claimdex::schema

#endif  // CLAIMDEX_INDEX_SCHEMA_H_
