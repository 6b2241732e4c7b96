// Archiving off the fetch loop: a few threads, each with its own CaptureWriter (its own WARC file
// and CDXJ file, as Heritrix keeps a pool of WARC writers), take finished fetches, find their
// links and write their records. Compressing ~100 KB pages is the crawler's dearest work; done
// here it runs on every core while the loop keeps the transfers going.
//
// A job's records and CDXJ line are written (and flushed) before the job is handed back, so the
// loop records it in state.sqlite only after it is in the archive.
//
// Thread-safety: Submit, TakeDone, WaitIdle and pending() are called from one thread (the loop).
#ifndef CLAIMDEX_CRAWLER_CAPTURE_POOL_H_
#define CLAIMDEX_CRAWLER_CAPTURE_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "corpus/status.h"
#include "crawler/capture_writer.h"
#include "crawler/discovery.h"
#include "crawler/fetcher.h"
#include "crawler/state.h"

namespace claimdex {

struct CaptureJob {
  uint64_t id = 0;
  FetchResult result;  // must have responded
  PriorCapture prior;
  CaptureTime time;
  UrlKind kind = UrlKind::kPage;
  bool with_metadata = false;  // write a metadata record (pages, feeds, sitemaps)
  CaptureMetadata metadata;    // via, hops, fetch time; outlinks are filled in here
};

struct CaptureDone {
  uint64_t id = 0;
  Status status;         // why nothing (or not everything) was written
  FetchRow row;          // valid when status.ok()
  FoundLinks found;      // links of the body (empty for robots.txt)
  std::string new_file;  // a WARC file this job opened, "" when none
};

class CapturePool {
 public:
  // Starts `threads` (>= 1) workers writing into warc_dir/cdx_dir. `policy` (immutable, may be
  // null) judges whether a page is on topic; it must outlive the pool.
  CapturePool(int threads, std::string warc_dir, std::string cdx_dir, std::string operator_info,
              const LinkPolicy* policy = nullptr);
  // Finishes the queued jobs, then joins the workers.
  ~CapturePool();
  CapturePool(const CapturePool&) = delete;
  CapturePool& operator=(const CapturePool&) = delete;

  void Submit(CaptureJob job);
  // The jobs finished since the last call, in no particular order; never blocks.
  std::vector<CaptureDone> TakeDone();
  // Blocks until every submitted job is finished (they are then in TakeDone()).
  void WaitIdle();
  // Jobs submitted and not yet taken back.
  size_t pending() const;

 private:
  void Work(int index);
  CaptureDone Process(CaptureWriter& writer, CaptureJob& job);

  const LinkPolicy* const policy_;
  mutable std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<CaptureJob> queue_;
  std::vector<CaptureDone> done_;
  size_t busy_ = 0;
  size_t pending_ = 0;
  bool closing_ = false;
  std::vector<std::unique_ptr<CaptureWriter>> writers_;
  std::vector<std::thread> threads_;
};

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_CAPTURE_POOL_H_
