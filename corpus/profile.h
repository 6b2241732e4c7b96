// The watch profile (claimdex.toml): what to crawl, what is on topic, the targets whose stance
// is tracked, and the entity knowledge base. docs/formats.md documents every key; the default
// is corpus/profiles/export-controls.toml, compiled into the binary.
//
// Thread-safety: a loaded Profile is immutable and may be shared between threads.
#ifndef CLAIMDEX_CORPUS_PROFILE_H_
#define CLAIMDEX_CORPUS_PROFILE_H_

#include <string>
#include <vector>

#include "corpus/status.h"

namespace claimdex {

struct Politeness {
  std::string user_agent = "claimdex/0.1 (+https://example.invalid/claimdex)";
  double delay_seconds = 1.0;  // minimum gap between two requests to one host
  int concurrency = 8;         // transfers in flight across all hosts
  int max_pages = 1000;        // per crawl run, unless --max-pages says otherwise
  int max_depth = 3;           // link hops from a seed
  bool allow_loopback = false; // SSRF guard: private/loopback targets only when true
};

struct Target {
  std::string id;                    // "export-controls"
  std::string name;                  // "export controls"
  std::vector<std::string> aliases;  // phrases that mean the target ("the chip ban", ...)
  std::vector<std::string> support;  // cue phrases that signal support of the target
  std::vector<std::string> oppose;   // cue phrases that signal opposition
};

struct KbEntity {
  std::string id;    // "helen-toner"
  std::string name;  // "Helen Toner"
  std::string type;  // "person" | "organization" | "government" | "policy" | "product" | "place"
  std::vector<std::string> aliases;       // other names ("Toner" is derived, not needed here)
  std::vector<std::string> roles;         // role nouns that may stand for the person ("Anthropic CEO")
  std::vector<std::string> affiliations;  // organisation ids or names
  std::string gender;                     // "female" | "male" | "" (for he/she resolution)
};

struct Profile {
  std::string name;
  std::vector<std::string> seeds;       // start URLs
  std::vector<std::string> feeds;       // RSS/Atom URLs
  std::vector<std::string> sitemaps;    // sitemap URLs
  std::vector<std::string> allow_hosts; // empty: the seeds' hosts
  std::vector<std::string> deny_hosts;
  std::vector<std::string> keywords;    // topic keywords (case-insensitive)
  Politeness politeness;
  std::vector<Target> targets;
  std::vector<KbEntity> entities;

  const KbEntity* FindEntity(const std::string& id) const;
  const Target* FindTarget(const std::string& id) const;
};

// Parses a profile from TOML text. `origin` names the input in messages. Every key is
// validated up front; an error names the key and its line ("claimdex.toml line 14: targets[0]:
// missing 'id'"), code kInvalidInput. Unknown keys are an error too (a typo should not be
// silently ignored).
Result<Profile> ParseProfile(const std::string& toml_text, const std::string& origin);

// Reads and parses the file at `path`; a missing or unreadable file is kInvalidInput naming it.
Result<Profile> LoadProfile(const std::string& path);

// The text of the default profile (corpus/profiles/export-controls.toml), built into the binary.
const std::string& DefaultProfileToml();

}  // namespace claimdex

#endif  // CLAIMDEX_CORPUS_PROFILE_H_
