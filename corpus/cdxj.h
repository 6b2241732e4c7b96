// CDXJ: one line per capture in cdx/*.cdxj, "SURT TIMESTAMP {json}", the json holding url,
// digest, filename, offset, length, status, mime (and "revisit": true for revisit records).
// Files are appended to, one line per write; a torn last line is skipped when reading.
#ifndef CLAIMDEX_CORPUS_CDXJ_H_
#define CLAIMDEX_CORPUS_CDXJ_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace claimdex {

struct CdxEntry {
  std::string surt;       // SURT form of the URL ("com,example)/news/1")
  std::string timestamp;  // 14 digits, YYYYMMDDhhmmss UTC
  std::string url;
  std::string digest;  // "sha1:BASE32" payload digest
  std::string filename;
  uint64_t offset = 0;
  uint64_t length = 0;
  int status = 0;
  std::string mime;
  bool revisit = false;
};

std::string CdxLine(const CdxEntry& entry);  // no trailing newline
// Parses one line; kInvalidInput naming the problem.
Result<CdxEntry> ParseCdxLine(const std::string& line);

// Appends a line to `path` (created if needed) and flushes it.
Status AppendCdx(const std::string& path, const CdxEntry& entry);
// Reads every well-formed line of every *.cdxj file in `dir`, sorted by (surt, timestamp).
// Malformed lines are skipped and described in *warnings when it is not null.
Result<std::vector<CdxEntry>> ReadCdxDir(const std::string& dir, std::vector<std::string>* warnings);

// SURT key of an absolute URL: host labels reversed, "www." dropped, lower-cased, ")" before
// the path ("https://www.Example.com:443/a?b" -> "com,example)/a?b").
std::string SurtKey(const std::string& url);

}  // namespace claimdex

#endif  // CLAIMDEX_CORPUS_CDXJ_H_
