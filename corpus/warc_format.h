// Internal to claimdex_corpus: the byte format of one WARC record, shared by the writer
// (warc.cpp) and the reader (warc_reader.cpp). Other modules use corpus/warc.h.
#ifndef CLAIMDEX_CORPUS_WARC_FORMAT_H_
#define CLAIMDEX_CORPUS_WARC_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "corpus/warc.h"

namespace claimdex::warc_internal {

// The uncompressed bytes of `record` (version line, header fields, block, CRLF CRLF).
// Precondition: record.type, record_id and date are set. Computes Content-Length and
// WARC-Block-Digest; fields named like those or like the standard members are not repeated.
std::string SerializeRecord(const WarcRecord& record);
// The same up to and including the blank line after the header fields (no block, no trailer).
std::string SerializeHead(const WarcRecord& record);

// Parses the uncompressed bytes of one record. Every header field lands in record->fields
// (in file order) and the standard ones also in their members. kInvalidInput describing the
// problem ("no WARC/ version line", "block shorter than Content-Length").
Status ParseRecord(const std::string& bytes, WarcRecord* record);

// One gzip member holding `data`. Each thread reuses one deflate stream.
Result<std::string> GzipMember(const std::string& data);
// One gzip member holding SerializeRecord(record), without building that string.
Result<std::string> GzipRecord(const WarcRecord& record);

}  // namespace claimdex::warc_internal

#endif  // CLAIMDEX_CORPUS_WARC_FORMAT_H_
