// The crawler: fetches what a profile asks for, politely, into the data directory's WARC files,
// CDXJ index and state.sqlite (frontier, host state, fetch history).
//
// Thread-safety: Crawl() runs on the calling thread (libcurl multi drives all transfers there);
// `stop` may be set from a signal handler or another thread.
#ifndef CLAIMDEX_CRAWLER_CRAWLER_H_
#define CLAIMDEX_CRAWLER_CRAWLER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "corpus/data_dir.h"
#include "corpus/profile.h"
#include "corpus/status.h"

namespace claimdex {

struct CrawlProgress {
  uint64_t fetched = 0;  // responses stored this run
  uint64_t queued = 0;   // URLs waiting in the frontier
  uint64_t errors = 0;   // transport errors and 5xx this run
  uint64_t bytes = 0;    // body bytes received this run
  int active_hosts = 0;  // hosts with a transfer in flight
  double seconds = 0;    // since the run started
};

struct CrawlOptions {
  std::vector<std::string> extra_seeds;     // --seed URL, added to the profile's seeds
  int max_pages = -1;                       // -1: the profile's crawl.max_pages
  int shard_index = 0;                      // --shard I/N: only hosts whose registered domain
  int shard_count = 1;                      //   hashes to I modulo N
  const std::atomic<bool>* stop = nullptr;  // when set to true: finish transfers in flight,
                                            // save state, return kCancelled
  std::function<void(const CrawlProgress&)> progress;  // called at most every 250 ms

  // Revisit schedule, in seconds. An article (a page that answered 2xx) is fetched again after
  // page_revisit_first, then at doubling intervals while it stays unchanged (a revisit record),
  // up to page_revisit_max; a change is stored as a new response record (a new version) and
  // starts the schedule over. Feeds and sitemaps are polled adaptively: the interval halves when
  // they changed and doubles when they did not, within [feed_poll_min, feed_poll_max]. Seed pages
  // (front pages) are fetched on every run.
  double page_revisit_first_seconds = 3600;
  double page_revisit_max_seconds = 30 * 86400.0;
  double feed_poll_min_seconds = 900;
  double feed_poll_max_seconds = 12 * 3600.0;
  // When only delayed hosts are left (Retry-After, Crawl-delay, back-off), the run waits for
  // them at most this long; a longer delay ends the run and the host's URLs stay queued, with
  // the delay saved in state.sqlite, for a later run. Never a reason to crawl faster.
  double max_idle_wait_seconds = 60;
  // Threads that find links and compress and write the WARC records (0: one per core, at most
  // 8). Each writes its own WARC file.
  int capture_threads = 0;
  // Per transfer: connecting, and the whole exchange (a slower answer is an error, retried).
  double connect_timeout_seconds = 10;
  double total_timeout_seconds = 30;
  // First back-off after a failure without Retry-After (a transport error, a 429/503 without
  // the header); it doubles with each consecutive failure of the host, with jitter, up to 1 h,
  // and is never shorter than the host's politeness delay.
  double backoff_base_seconds = 1;
};

struct CrawlReport {
  uint64_t fetched = 0;         // new response records written for pages, feeds and sitemaps
                                // (robots.txt captures are stored but not counted here)
  uint64_t revisits = 0;        // unchanged pages recorded as revisit records
  uint64_t not_modified = 0;    // 304s
  uint64_t robots_blocked = 0;  // URLs skipped because robots.txt disallows them
  uint64_t errors = 0;
  uint64_t bytes = 0;
  std::vector<std::string> warnings;  // one line each: unreachable seeds, parked hosts, ...
};

// Crawls until the frontier is empty, max_pages is reached or `stop` is set. Takes the data
// directory's lock. A seed that is not a valid http(s) URL is kInvalidInput naming it; a seed
// that cannot be reached is a warning (and kRuntime if no seed could be reached at all).
// A killed crawl resumes from state.sqlite on the next call.
Result<CrawlReport> Crawl(const DataDir& dir, const Profile& profile, const CrawlOptions& options);

// Per-host crawl health from state.sqlite, for `claimdex stats`.
struct HostHealth {
  std::string host;
  uint64_t fetched = 0;
  uint64_t errors = 0;
  std::string last_fetch;     // RFC 3339, "" if never
  std::string robots_status;  // "ok" | "allow-all (404)" | "unreachable" | "not fetched"
  bool parked = false;
  uint64_t queued = 0;
  std::string not_before;  // RFC 3339: a Retry-After or Crawl-delay still running; "" if none
};
Result<std::vector<HostHealth>> ReadHostHealth(const DataDir& dir);

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_CRAWLER_H_
