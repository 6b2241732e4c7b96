// `claimdex show ID --verify`: re-reads the WARC record a claim's article was extracted from,
// re-extracts it with the extractor and the profile in use, and checks that the claim (same id,
// same text span) still comes from that exact capture.
#ifndef CLAIMDEX_QUERY_VERIFY_H_
#define CLAIMDEX_QUERY_VERIFY_H_

#include <cstdint>
#include <string>

#include "corpus/profile.h"
#include "corpus/status.h"

namespace claimdex {

struct VerifyReport {
  bool verified = false;
  // One line. Verified: what was checked ("c:... is at bytes 120-245 of d:..., re-extracted
  // from the capture"). Not verified: why ("WARC record at offset 4096 of FILE is unreadable:
  // ...", "the capture no longer yields claim c:...", "claim c:... text differs: ...").
  std::string reason;
  std::string warc_file;  // as recorded in the index (relative to `warc_dir`)
  uint64_t offset = 0;
  std::string record_id;  // as recorded in the index
  std::string url;        // the capture's WARC-Target-URI
  std::string captured;   // the capture's WARC-Date
};

// Looks `claim_id` up in the index at `db_path`, reads the WARC record recorded for its article
// from `warc_dir`, re-extracts the page with an Extractor built from `profile` exactly as
// `claimdex extract` does (the HTTP body, the record's target URI, Content-Type and date), and
// compares the claim it yields under the same id: text, start and end must be identical.
//
// Errors (a Status): a malformed id is kInvalidInput; an id that is not a claim ("d:...") is
// kInvalidInput; an id not in the index is kNotFound; a missing index is kNotFound; a Xapian
// failure is kRuntime. Everything about the capture itself (no WARC recorded, file missing,
// record corrupt or with another record id, no longer an HTML response, claim gone or changed)
// is a report with verified = false and the reason. Reads only; thread-compatible.
Result<VerifyReport> VerifyClaim(const std::string& db_path, const std::string& warc_dir,
                                 const Profile& profile, const std::string& claim_id);

// "verified: ..." or "NOT verified: ..." (one line), then the capture's file, offset, record
// id, URL and date when known.
std::string FormatVerifyReport(const VerifyReport& report);

}  // namespace claimdex

#endif  // CLAIMDEX_QUERY_VERIFY_H_
