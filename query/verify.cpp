#include "query/verify.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "corpus/warc.h"
#include "extract/extractor.h"
#include "index/schema.h"
#include "query/index_reader.h"

namespace claimdex {
namespace {

namespace s = schema;
using query_internal::ClaimRecord;
using query_internal::Json;

constexpr size_t kQuotedChars = 60;
constexpr size_t kLeadChars = 24;  // context shown before the first differing byte

bool IsClaimId(const std::string& id) {
  if (id.size() < 3 || id.compare(0, 2, "c:") != 0) return false;
  for (size_t i = 2; i < id.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  return true;
}

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A short, one-line excerpt of claim text for a reason line, from byte `from` (moved back to a
// character boundary), with "…" in front when it does not start at the beginning.
std::string Excerpt(const std::string& text, size_t from = 0) {
  from = std::min(from, text.size());
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  std::string flat = from > 0 ? "…" : "";
  for (char c : text.substr(from)) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  std::string out = "'";  // built in place: GCC 12 warns (-Wrestrict) on "'" + string
  out += query_internal::Truncate(flat, kQuotedChars);
  return out + "'";
}

std::string Span(const Claim& c) {
  return "bytes " + std::to_string(c.start) + "-" + std::to_string(c.end);
}

Result<ClaimRecord> LookUp(const std::string& db_path, const std::string& id) {
  Result<Xapian::Database> db = query_internal::OpenIndex(db_path);
  if (!db.ok()) return db.status();
  try {
    std::string term = std::string(s::kPrefixId) + id;
    Xapian::PostingIterator it = db->postlist_begin(term);
    if (it == db->postlist_end(term)) return Status::NotFound(id + ": no such claim in " + db_path);
    std::optional<ClaimRecord> r = query_internal::DecodeClaim(db->get_document(*it).get_data());
    if (!r) return Status::Runtime(id + ": unreadable document data in " + db_path);
    return std::move(*r);
  } catch (const Xapian::Error& e) {
    return Status::Runtime(db_path + ": " + e.get_description());
  }
}

// The page `claimdex extract` would have built from this record, or the reason there is none.
// Mirrors extract's rule: a 200 response whose body it extracted as HTML.
Result<PageInput> PageOf(const WarcRecord& record, const std::string& where) {
  if (record.type != "response") {
    return Status::InvalidInput(where + " is a " + record.type + " record, not a response");
  }
  Result<HttpResponse> http = ParseHttpResponse(record.block);
  if (!http.ok()) return Status::InvalidInput(where + ": " + http.status().message());
  if (http->status != 200) {
    return Status::InvalidInput(where + ": HTTP status " + std::to_string(http->status));
  }
  PageInput page;
  page.bytes = std::move(http->body);
  page.url = record.target_uri;
  page.content_type = http->Header("Content-Type");
  page.fetched = record.date;
  return page;
}

// Reads and checks the record itself: present, sound, the recorded record id, and a block
// that still matches its own WARC-Block-Digest (a record edited in place fails here).
Result<WarcRecord> ReadCapture(const std::string& warc_dir, VerifyReport* report) {
  std::string where =
      "WARC record at offset " + std::to_string(report->offset) + " of " + report->warc_file;
  Result<WarcRecord> record = ReadWarcRecordAt(warc_dir + "/" + report->warc_file, report->offset);
  if (!record.ok()) {
    if (record.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("WARC file " + report->warc_file + " is missing from " + warc_dir);
    }
    return Status::InvalidInput(where + " is unreadable: " + record.status().message());
  }
  if (!report->record_id.empty() && record->record_id != report->record_id) {
    return Status::InvalidInput(where + " is " + record->record_id + ", not the recorded " +
                                report->record_id);
  }
  std::string digest = record->Field("WARC-Block-Digest");
  if (!digest.empty() && digest != WarcSha1Digest(record->block)) {
    return Status::InvalidInput(where + " was altered: its block no longer matches " +
                                "WARC-Block-Digest " + digest);
  }
  return record;
}

// Compares the re-extracted document's claim with the indexed one.
void Compare(const Document& doc, const ClaimRecord& indexed, VerifyReport* report) {
  const Claim& want = indexed.claim;
  if (doc.id != indexed.source.doc_id) {
    report->reason = "the capture now extracts as article " + doc.id + ", not " +
                     indexed.source.doc_id + " (its canonical URL changed)";
    return;
  }
  const Claim* got = nullptr;
  for (const Claim& c : doc.claims) {
    if (c.id == want.id) got = &c;
  }
  if (got == nullptr) {
    report->reason = "the capture no longer yields claim " + want.id + " (" +
                     std::to_string(doc.claims.size()) + " claims re-extracted from " + doc.id +
                     "; the indexed one was " + Span(want) + ": " + Excerpt(want.text) + ")";
    return;
  }
  if (got->text != want.text || got->start != want.start || got->end != want.end) {
    // Both excerpts start a little before the first difference, so the line shows it.
    size_t same = 0;
    while (same < got->text.size() && same < want.text.size() &&
           got->text[same] == want.text[same]) {
      ++same;
    }
    size_t from = same > kLeadChars ? same - kLeadChars : 0;
    report->reason = "claim " + want.id + " text differs: the capture gives " +
                     Excerpt(got->text, from) + " (" + Span(*got) + "), the index has " +
                     Excerpt(want.text, from) + " (" + Span(want) + ")";
    return;
  }
  report->verified = true;
  report->reason = want.id + " is " + Span(want) + " of " + doc.id +
                   ", re-extracted from the capture with the same text";
  std::string now = got->speaker ? got->speaker->name : "";
  std::string then = want.speaker ? want.speaker->name : "";
  if (now != then) {
    report->reason += " (its speaker now extracts as '" + now + "', indexed as '" + then +
                      "': re-extract and re-index to update)";
  }
}

}  // namespace

Result<VerifyReport> VerifyClaim(const std::string& db_path, const std::string& warc_dir,
                                 const Profile& profile, const std::string& claim_id) {
  if (!IsClaimId(claim_id)) {
    return Status::InvalidInput("'" + claim_id + "': --verify needs a claim id (c:HEX)");
  }
  Result<ClaimRecord> indexed = LookUp(db_path, claim_id);
  if (!indexed.ok()) return indexed.status();
  VerifyReport report;
  auto warc = indexed->source_json.find("warc");
  if (warc == indexed->source_json.end() || !warc->is_object() || Str(*warc, "file").empty()) {
    report.reason = "the index records no WARC capture for " + indexed->source.doc_id +
                    " (extracted from a file, not from a crawl)";
    return report;
  }
  report.warc_file = Str(*warc, "file");
  report.offset = warc->value("offset", uint64_t{0});
  report.record_id = Str(*warc, "record_id");
  Result<WarcRecord> record = ReadCapture(warc_dir, &report);
  if (!record.ok()) {
    report.reason = record.status().message();
    return report;
  }
  report.url = record->target_uri;
  report.captured = record->date;
  Result<PageInput> page =
      PageOf(*record,
             "WARC record at offset " + std::to_string(report.offset) + " of " + report.warc_file);
  if (!page.ok()) {
    report.reason = page.status().message();
    return report;
  }
  Extractor extractor(profile);
  Compare(extractor.ExtractHtml(*page), *indexed, &report);
  return report;
}

std::string FormatVerifyReport(const VerifyReport& r) {
  std::string out = (r.verified ? "verified: " : "NOT verified: ") + r.reason + "\n";
  if (!r.warc_file.empty()) {
    out += "capture:  " + r.warc_file + " @ " + std::to_string(r.offset) +
           (r.record_id.empty() ? "" : "  " + r.record_id) + "\n";
  }
  if (!r.url.empty())
    out += "url:      " + r.url + (r.captured.empty() ? "" : "  " + r.captured) + "\n";
  return out;
}

}  // namespace claimdex
