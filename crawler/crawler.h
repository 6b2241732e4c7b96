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
};
Result<std::vector<HostHealth>> ReadHostHealth(const DataDir& dir);

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_CRAWLER_H_
