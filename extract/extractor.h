// The extractor: HTML (or plain text) in, Document out: main text, paragraphs, metadata,
// entities, claims with speakers, and stances toward the profile's targets.
//
// Lenient on the web: a bad page gives a Document with quality flags, never an error.
// Thread-safety: an Extractor is immutable after construction and may be used from many
// threads at once.
#ifndef CLAIMDEX_EXTRACT_EXTRACTOR_H_
#define CLAIMDEX_EXTRACT_EXTRACTOR_H_

#include <functional>
#include <memory>
#include <string>

#include "corpus/data_dir.h"
#include "corpus/document.h"
#include "corpus/profile.h"
#include "corpus/status.h"

namespace claimdex {

struct PageInput {
  std::string bytes;         // the HTML as fetched (any charset)
  std::string url;           // may be empty
  std::string content_type;  // HTTP Content-Type header, may be empty
  std::string fetched;       // RFC 3339 UTC fetch time; empty = unknown (no future-date check)
};

// Quality flag of home, section and listing pages (teasers linking to articles; see
// extract/page_kind.h). ExtractHtml returns them with text and metadata but without
// entities, claims or stances.
inline constexpr char kNotArticleFlag[] = "not_article";

class Extractor {
 public:
  // Keeps a copy of the profile (knowledge base, targets, cues).
  explicit Extractor(const Profile& profile);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // The full pipeline on one page. Never fails.
  Document ExtractHtml(const PageInput& page) const;
  // Plain text already extracted (paragraphs separated by blank lines): entities, claims,
  // stances. `origin` (a file name or URL) goes into url; may be empty.
  Document ExtractText(const std::string& text, const std::string& origin) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

struct ExtractOptions {
  bool all = false;  // re-extract every WARC file, not only those without a docs file
  int threads = 0;   // 0: all cores
  std::vector<std::string> warc_files;  // restrict to these (paths or names); empty: all
  // Called on the calling thread after each WARC file: (files done, files to do).
  std::function<void(size_t done, size_t total)> progress;
};

struct ExtractReport {
  size_t warc_files = 0;  // files processed
  size_t pages = 0;       // documents written
  // Records that were not HTML pages (robots.txt, feeds, errors), and HTML pages flagged
  // kNotArticleFlag: those are NOT written to the docs file, so that the index and searches
  // never show a home or section page as an article.
  size_t skipped = 0;
  size_t claims = 0;
  std::vector<std::string> warnings;
};

// warc/*.warc.gz -> docs/<stem>.jsonl for each WARC file that has no docs file yet (all with
// options.all). Response records with status 200 and an HTML content type become Documents,
// except pages flagged kNotArticleFlag (counted in skipped); revisit records are skipped.
// Output order is deterministic (WARC order), whatever the thread count. Each document's
// `cluster` is the id of the earliest document (in earlier docs files, then this run) whose
// main text is a near duplicate of it (extract/near_duplicate.h), else its own id, so
// syndicated copies share one cluster across runs. Caller holds the DataLock.
Result<ExtractReport> ExtractDataDir(const DataDir& dir, const Profile& profile,
                                     const ExtractOptions& options);

}  // namespace claimdex

#endif  // CLAIMDEX_EXTRACT_EXTRACTOR_H_
