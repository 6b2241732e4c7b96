// Document: one extracted article, its claims and stances; the C++ form of the Document JSON
// in DESIGN.md ("Document JSON") and docs/formats.md. Offsets are UTF-8 byte offsets into
// `text`. Every stage after extraction (index, query, CLI) reads this type.
//
// Thread-safety: plain values.
#ifndef CLAIMDEX_CORPUS_DOCUMENT_H_
#define CLAIMDEX_CORPUS_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace claimdex {

struct WarcRef {
  std::string file;       // WARC file name, relative to the data directory's warc/ folder
  uint64_t offset = 0;    // byte offset of the record's gzip member in that file
  std::string record_id;  // "<urn:uuid:...>"
};

struct Paragraph {
  std::string kind;  // "heading" | "paragraph" | "quote" | "list"
  size_t start = 0;  // [start, end) byte span in Document::text
  size_t end = 0;
};

struct Mention {
  size_t start = 0;
  size_t end = 0;
  std::string text;
  std::string via;  // "name" | "alias" | "surname" | "pronoun" | "role" | "fuzzy"
};

struct Entity {
  std::string id;    // knowledge-base id ("helen-toner"), or a slug of the name for a new person
  std::string name;  // canonical name
  std::string type;  // "person" | "organization" | "government" | "policy" | "product" | "place"
  std::string role;  // what the knowledge base or the text says the person is (may be empty)
  std::vector<Mention> mentions;
};

struct SpeakerRef {
  std::string id;
  std::string name;
  std::string type;  // an entity type, or "author" for the outlet's own voice
  std::string role;
  std::string via;  // "explicit" | "surname" | "pronoun" | "role" | "context"
  double confidence = 0.0;
  Mention mention;  // where in the text the speaker is named (via left empty)
};

struct CoSpeaker {
  std::string id;
  std::string name;
  std::string type;
};

struct ClaimStance {
  std::string target;  // profile target id ("export-controls")
  std::string label;   // "support" | "oppose" | "mixed" | "neutral"
  double score = 0.0;  // -1 (oppose) .. +1 (support)
  std::vector<std::string> cues;
};

struct Claim {
  std::string id;  // "c:" + hex digest of (document id, start, end)
  std::string text;
  size_t start = 0;
  size_t end = 0;
  int paragraph = 0;  // index into Document::paragraphs
  std::string kind;   // "direct_quote" | "indirect" | "paraphrase" | "author"
  std::string quote;  // the quoted words, if any
  std::string cue;    // the speech verb or phrase ("said", "according to")
  std::optional<SpeakerRef> speaker;  // nullopt: no identifiable speaker (never guessed)
  std::vector<CoSpeaker> co_speakers;
  std::vector<std::string> entities;  // entity ids mentioned in the claim
  std::vector<ClaimStance> stances;
};

struct SpeakerStance {
  std::string speaker_id;
  std::string speaker;
  std::string target;
  std::string label;
  double score = 0.0;
  std::vector<std::string> claims;  // claim ids
};

struct Document {
  std::string id;  // "d:" + hex digest of the canonical URL (or of the text for --text input)
  std::string url;
  std::string canonical_url;
  std::string fetched;  // RFC 3339 UTC, "2025-02-22T10:01:02Z"; empty when unknown
  std::optional<WarcRef> warc;
  std::string title;
  std::vector<std::string> authors;
  std::string published;  // "YYYY-MM-DD", empty when unknown
  std::string modified;   // "YYYY-MM-DD", empty when unknown
  std::string publisher;
  std::string language;
  std::string charset;
  std::string charset_source;  // "meta" | "http" | "bom" | "detected" | "default"
  std::string cluster;
  std::vector<std::string> quality;  // flags: "no_date", "short_text", "no_title", ...
  std::string text;
  std::vector<Paragraph> paragraphs;
  std::vector<Entity> entities;
  std::vector<Claim> claims;
  std::vector<SpeakerStance> stances;
};

// JSON (nlohmann) for the Document JSON contract. ToJson omits optional fields that are empty
// where DESIGN.md says so (co_speakers when empty; speaker is null when absent).
std::string DocumentToJson(const Document& doc, bool pretty = false);
std::string ClaimToJson(const Claim& claim);
// Parses one Document JSON object. Unknown keys are ignored; a missing or mistyped required
// key ("id", "text") gives kInvalidInput naming the key.
Result<Document> DocumentFromJson(const std::string& json);
Result<Claim> ClaimFromJson(const std::string& json);

class JsonScanner;
// Reads the claim object at `in`'s cursor as ClaimFromJson does, without a DOM
// (corpus/json_scan.h). False for anything ClaimFromJson would reject and for a duplicated key: the
// caller then asks ClaimFromJson, which reads such input and names what is wrong.
bool ScanClaim(JsonScanner* in, Claim* out);

// Lower-case hex of SHA-1 over `data`; ids are built from its first 16 characters.
std::string HexDigest(const std::string& data);

}  // namespace claimdex

#endif  // CLAIMDEX_CORPUS_DOCUMENT_H_
