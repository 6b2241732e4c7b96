// docs/*.jsonl: extracted documents, one JSON object (Document JSON) per line, one file per
// WARC file (docs/<warc-file-stem>.jsonl). Files are written whole and renamed into place,
// so a crash never leaves a half-written docs file.
#ifndef CLAIMDEX_CORPUS_DOCS_STORE_H_
#define CLAIMDEX_CORPUS_DOCS_STORE_H_

#include <functional>
#include <string>
#include <vector>

#include "corpus/document.h"
#include "corpus/status.h"

namespace claimdex {

// Writes all `docs` to `path` atomically, one line each.
Status WriteDocsFile(const std::string& path, const std::vector<Document>& docs);

// Calls `fn` for every document in `path`, in file order. kNotFound when `path` is missing. A malformed line is skipped and
// described in *warnings ("FILE line N: ..."); reading goes on. `fn` returning false stops.
Status ReadDocsFile(const std::string& path, const std::function<bool(Document&&)>& fn,
                    std::vector<std::string>* warnings);

// The *.jsonl files of `docs_dir` as full paths (docs_dir + "/" + name), sorted by name;
// empty when the folder is missing.
std::vector<std::string> ListDocsFiles(const std::string& docs_dir);

}  // namespace claimdex

#endif  // CLAIMDEX_CORPUS_DOCS_STORE_H_
