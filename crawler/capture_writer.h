// Turns finished fetches into WARC records and CDXJ lines (docs/formats-crawler.md "WARC
// records"). For each HTTP response: a response record (or a revisit record when the payload
// is unchanged or the server said 304) followed by the request record, cross-linked with
// WARC-Concurrent-To, and — for a new response when the caller passes CaptureMetadata — a
// metadata record (application/warc-fields: via, hopsFromSeed, fetchTimeMs, one outlink line per
// discovered link) that refers to the response; then one CDXJ line in cdx/<warc file stem>.cdxj.
// The WARC records are flushed before the CDXJ line is written, so a CDXJ line never points past
// the data.
//
// The WARC file is opened lazily on the first capture: a run that fetches nothing leaves no
// empty WARC file behind.
//
// Thread-safety: one thread at a time.
#ifndef CLAIMDEX_CRAWLER_CAPTURE_WRITER_H_
#define CLAIMDEX_CRAWLER_CAPTURE_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "corpus/warc.h"
#include "crawler/fetcher.h"
#include "crawler/state.h"

namespace claimdex {

// One instant in the two spellings the archive uses.
struct CaptureTime {
  std::string rfc3339;  // "2025-02-22T10:01:02Z" (WARC-Date, state.sqlite)
  std::string cdx;      // "20250222100102" (CDXJ)
  double unix_seconds = 0;
};
CaptureTime NowCaptureTime();

inline constexpr char kRevisitIdenticalDigest[] =
    "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest";
inline constexpr char kRevisitNotModified[] =
    "http://netpreserve.org/warc/1.1/revisit/server-not-modified";

// The HTTP message as stored: status line, headers, blank line, decoded body. When curl decoded
// a Content-Encoding or de-chunked the body, Content-Encoding and Transfer-Encoding are dropped,
// Content-Length is set to the stored body's length, and the original coding is kept as
// "X-Claimdex-Decoded-Content-Encoding". `with_body` false gives the head only (revisits).
std::string StoredHttpMessage(const FetchResult& result, bool with_body);

// What the crawler knew about a capture beyond the HTTP exchange (Heritrix's metadata record).
struct CaptureMetadata {
  std::string via;  // the page, feed or sitemap that listed the URL ("" for a seed)
  int hops = 0;     // link hops from a seed
  long fetch_ms = 0;
  std::vector<std::string> outlinks;
};

class CaptureWriter {
 public:
  CaptureWriter(std::string warc_dir, std::string cdx_dir, std::string operator_info);
  ~CaptureWriter();
  CaptureWriter(const CaptureWriter&) = delete;
  CaptureWriter& operator=(const CaptureWriter&) = delete;

  // Archives `result` (which must have responded). `prior` is the URL's last capture ("" record
  // id when none). Returns the fetch-history row describing what was written (the caller adds
  // it to state.sqlite after this returns: WARC, then CDXJ, then state).
  Result<FetchRow> Write(const FetchResult& result, const PriorCapture& prior,
                         const CaptureTime& time, const CaptureMetadata* metadata = nullptr);
  // The WARC file being written ("" before the first capture).
  std::string current_file() const;

 private:
  Status EnsureWriter();
  Status WriteMetadata(const CaptureMetadata& metadata, const WarcLocation& response,
                       const std::string& url, const CaptureTime& time);
  const std::string warc_dir_;
  const std::string cdx_dir_;
  const std::string operator_info_;
  std::unique_ptr<WarcWriter> writer_;
};

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_CAPTURE_WRITER_H_
