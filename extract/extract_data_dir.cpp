#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "corpus/docs_store.h"
#include "corpus/warc.h"
#include "extract/extractor.h"
#include "extract/near_duplicate.h"
#include "extract/text_util.h"

namespace claimdex {
namespace {

namespace fs = std::filesystem;

constexpr size_t kBatchPages = 256;  // pages held in memory at once per WARC file
constexpr std::string_view kWarcSuffix = ".warc.gz";

struct PendingPage {
  PageInput input;
  WarcRef ref;
};

std::string Stem(const std::string& name) {
  return name.substr(0, name.size() - kWarcSuffix.size());
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsHtmlContentType(const std::string& content_type) {
  std::string ct = AsciiLower(content_type);
  if (ct.empty()) return true;  // servers that send none usually send HTML
  return ct.find("text/html") != std::string::npos ||
         ct.find("application/xhtml") != std::string::npos;
}

// Pages that are crawl plumbing rather than articles.
bool IsPlumbingUrl(const std::string& url) {
  std::string u = AsciiLower(url);
  size_t q = u.find_first_of("?#");
  std::string path = q == std::string::npos ? u : u.substr(0, q);
  return EndsWith(path, "/robots.txt") || EndsWith(path, ".xml") || EndsWith(path, ".rss") ||
         EndsWith(path, "/feed") || EndsWith(path, "/feed/") || EndsWith(path, ".atom");
}

// The WARC files to process, sorted by name.
std::vector<std::string> SelectWarcFiles(const DataDir& dir, const ExtractOptions& options,
                                         std::vector<std::string>* warnings) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir.warc_dir(), ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && EndsWith(name, kWarcSuffix)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  if (!options.warc_files.empty()) {
    std::vector<std::string> wanted;
    for (const std::string& w : options.warc_files) {
      std::string base = fs::path(w).filename().string();
      if (std::find(names.begin(), names.end(), base) != names.end()) {
        wanted.push_back(base);
      } else {
        warnings->push_back(w + ": no such WARC file in " + dir.warc_dir());
      }
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    names = wanted;
  }
  if (!options.all) {
    std::vector<std::string> fresh;
    for (const std::string& n : names) {
      if (!fs::exists(dir.docs_dir() + "/" + Stem(n) + ".jsonl")) fresh.push_back(n);
    }
    names = fresh;
  }
  return names;
}

// Runs `fn(i)` for i in [0, n) on `threads` workers.
template <typename Fn>
void ParallelFor(size_t n, int threads, const Fn& fn) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  int workers_wanted = std::max(1, std::min<int>(threads, static_cast<int>(n)));
  std::vector<std::thread> workers;
  for (int t = 1; t < workers_wanted; ++t) workers.emplace_back(work);
  work();
  for (std::thread& w : workers) w.join();
}

struct ExtractedPage {
  Document doc;
  std::optional<MinHashSignature> signature;  // nullopt: text too short to cluster
};

// Extracts `pages` on `threads` workers; results keep the input order. The near-duplicate
// signature is computed here too, on the workers; clusters are assigned later, in order.
std::vector<ExtractedPage> ExtractBatch(const Extractor& extractor,
                                        std::vector<PendingPage>& pages, int threads) {
  std::vector<ExtractedPage> out(pages.size());
  ParallelFor(pages.size(), threads, [&](size_t i) {
    Document& doc = out[i].doc;
    doc = extractor.ExtractHtml(pages[i].input);
    doc.warc = pages[i].ref;
    doc.fetched = pages[i].input.fetched;
    if (std::find(doc.quality.begin(), doc.quality.end(), kNotArticleFlag) == doc.quality.end()) {
      out[i].signature = TextSignature(doc.text);
    }
  });
  return out;
}

// The cluster of a new document: that of the earliest earlier document whose text is a near
// duplicate, else its own id. The document then becomes findable by later ones.
void AssignCluster(const std::optional<MinHashSignature>& signature, Document* doc,
                   NearDuplicateIndex* clusters) {
  if (!signature) {
    doc->cluster = doc->id;
    return;
  }
  std::optional<std::string> earlier = clusters->FindEarliest(*signature);
  doc->cluster = earlier ? *earlier : doc->id;
  clusters->Add(*signature, doc->cluster);
}

// Loads the documents of the docs files this run does not rewrite into `clusters`, files in
// name order, so a copy extracted today joins the cluster of one extracted in an earlier run.
// Documents written before clusters existed (empty "cluster") stand for their own id.
void LoadEarlierClusters(const DataDir& dir, const std::vector<std::string>& rewritten,
                         int threads, NearDuplicateIndex* clusters,
                         std::vector<std::string>* warnings) {
  std::set<std::string> skip;
  for (const std::string& name : rewritten) skip.insert(Stem(name) + ".jsonl");
  for (const std::string& path : ListDocsFiles(dir.docs_dir())) {
    if (skip.count(fs::path(path).filename().string())) continue;
    std::vector<std::string> texts;
    std::vector<std::string> keys;
    Status st = ReadDocsFile(
        path,
        [&](Document&& d) {
          keys.push_back(d.cluster.empty() ? d.id : d.cluster);
          texts.push_back(std::move(d.text));
          return true;
        },
        warnings);
    if (!st.ok()) {
      warnings->push_back(st.message());
      continue;
    }
    std::vector<std::optional<MinHashSignature>> sigs(texts.size());
    ParallelFor(texts.size(), threads, [&](size_t i) { sigs[i] = TextSignature(texts[i]); });
    for (size_t i = 0; i < sigs.size(); ++i) {
      if (sigs[i]) clusters->Add(*sigs[i], keys[i]);
    }
  }
}

// Turns one WARC record into a page, or false when it is not an HTML page worth extracting.
bool ToPage(const WarcRecord& record, uint64_t offset, const std::string& file, PendingPage* page) {
  if (record.type != "response") return false;
  if (IsPlumbingUrl(record.target_uri)) return false;
  Result<HttpResponse> http = ParseHttpResponse(record.block);
  if (!http.ok() || http->status != 200) return false;
  std::string content_type = http->Header("Content-Type");
  if (!IsHtmlContentType(content_type)) return false;
  page->input.bytes = std::move(http->body);
  page->input.url = record.target_uri;
  page->input.content_type = content_type;
  page->input.fetched = record.date;
  page->ref = WarcRef{file, offset, record.record_id};
  return true;
}

Status ExtractOneFile(const DataDir& dir, const std::string& name, const Extractor& extractor,
                      int threads, NearDuplicateIndex* clusters, ExtractReport* report) {
  Result<std::unique_ptr<WarcReader>> reader = WarcReader::Open(dir.warc_dir() + "/" + name);
  if (!reader.ok()) {
    // One unreadable file should not stop the others; the caller sees it in the warnings.
    report->warnings.push_back(reader.status().message());
    return Status::Ok();
  }
  std::vector<Document> docs;
  std::vector<PendingPage> batch;
  WarcRecord record;
  uint64_t offset = 0;
  auto flush = [&] {
    for (ExtractedPage& page : ExtractBatch(extractor, batch, threads)) {
      Document& d = page.doc;
      if (std::find(d.quality.begin(), d.quality.end(), kNotArticleFlag) != d.quality.end()) {
        ++report->skipped;
        continue;
      }
      AssignCluster(page.signature, &d, clusters);
      report->claims += d.claims.size();
      docs.push_back(std::move(d));
    }
    batch.clear();
  };
  while ((*reader)->Next(&record, &offset)) {
    PendingPage page;
    if (!ToPage(record, offset, name, &page)) {
      if (record.type == "response" || record.type == "revisit") ++report->skipped;
      continue;
    }
    batch.push_back(std::move(page));
    if (batch.size() >= kBatchPages) flush();
  }
  flush();
  for (const std::string& e : (*reader)->errors()) report->warnings.push_back(e);
  report->pages += docs.size();
  return WriteDocsFile(dir.docs_dir() + "/" + Stem(name) + ".jsonl", docs);
}

}  // namespace

Result<ExtractReport> ExtractDataDir(const DataDir& dir, const Profile& profile,
                                     const ExtractOptions& options) {
  ExtractReport report;
  std::error_code ec;
  fs::create_directories(dir.docs_dir(), ec);
  if (ec) return Status::IoError(dir.docs_dir() + ": " + ec.message());
  std::vector<std::string> files = SelectWarcFiles(dir, options, &report.warnings);
  int threads = options.threads > 0
                    ? options.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  NearDuplicateIndex clusters;
  if (!files.empty()) LoadEarlierClusters(dir, files, threads, &clusters, &report.warnings);
  Extractor extractor(profile);
  for (size_t i = 0; i < files.size(); ++i) {
    size_t warnings_before = report.warnings.size();
    Status st = ExtractOneFile(dir, files[i], extractor, threads, &clusters, &report);
    if (!st.ok()) return st.WithContext("extract " + files[i]);
    if (report.warnings.size() == warnings_before || report.pages > 0) ++report.warc_files;
    if (options.progress) options.progress(i + 1, files.size());
  }
  return report;
}

}  // namespace claimdex
