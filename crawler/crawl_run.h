// One crawl run: the scheduling loop behind Crawl() (crawler.h). Internal to the crawler.
//
// Per host (host[:port]) the run keeps a window of its queued URLs (the rest stay in
// state.sqlite, so a frontier of millions costs little memory), the robots.txt rules (fetched
// before anything else on the host, or taken from state.sqlite when under 24 hours old), the
// time the next request may start, and whether a transfer is in flight. Politeness holds per
// registered domain: one transfer at a time and at least max(profile delay, Crawl-delay)
// between the end of one and the start of the next. A host whose next request is further away
// than options.max_idle_wait_seconds does not hold the run up: its URLs wait for a later run.
//
// Finished fetches go to a CapturePool (links found and records written off the loop); the loop
// then records them in state.sqlite, in one transaction per batch.
//
// Thread-safety: single-threaded apart from the pool; options.stop may be set from elsewhere.
#ifndef CLAIMDEX_CRAWLER_CRAWL_RUN_H_
#define CLAIMDEX_CRAWLER_CRAWL_RUN_H_

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "corpus/data_dir.h"
#include "corpus/profile.h"
#include "crawler/capture_pool.h"
#include "crawler/crawler.h"
#include "crawler/discovery.h"
#include "crawler/fetcher.h"
#include "crawler/links.h"
#include "crawler/robots.h"
#include "crawler/state.h"

namespace claimdex {

inline constexpr int kMaxConsecutiveFailures = 5;  // then the host is parked for the run
inline constexpr int kMaxTransportAttempts = 3;    // per URL per run, connection-level errors
inline constexpr int kMaxBusyAttempts = 5;         // per URL, 429/503 answers
inline constexpr double kMaxBackoffSeconds = 3600;
inline constexpr double kMaxCrawlDelaySeconds = 7 * 86400;  // only guards against absurd values
inline constexpr int kMaxRobotsRedirects = 5;
inline constexpr double kRobotsCacheSeconds = 24 * 3600;
inline constexpr int kHostWindow = 64;  // queued URLs per host held in memory
inline constexpr size_t kMaxWarnings = 200;
// URLs remembered as already offered to the frontier this run (a cache: cleared when full).
inline constexpr size_t kMaxKnownUrls = 1'000'000;

class CrawlRun {
 public:
  CrawlRun(const DataDir& dir, const Profile& profile, const CrawlOptions& options);
  ~CrawlRun();
  CrawlRun(const CrawlRun&) = delete;
  CrawlRun& operator=(const CrawlRun&) = delete;

  // Runs to completion; the caller holds the data directory lock.
  Result<CrawlReport> Run();

 private:
  enum class RobotsState { kUnknown, kFetching, kReady, kBlocked };
  struct HostRuntime {
    std::string domain;  // politeness slot: the registered domain
    std::deque<FrontierEntry> queue;
    bool more_in_db = false;  // queued URLs beyond the window
    int64_t cursor = 0;       // rowid of the last URL loaded into the window
    int64_t queued_in_db = 0;
    RobotsState robots_state = RobotsState::kUnknown;
    RobotsRules robots;
    std::string robots_url;  // where to fetch robots.txt (follows its redirects)
    int robots_hops = 0;
    std::string robots_error;  // why robots.txt could not be had, for warnings
    double next_allowed = 0;
    double delay = 0;
    bool busy = false;
    bool parked = false;
    int consecutive_failures = 0;
    std::string last_error;
  };
  struct DomainSlot {
    bool busy = false;
    double next_allowed = 0;
  };
  struct InFlight {
    std::string host_key;
    FrontierEntry entry;
    bool robots = false;
    PriorCapture prior;
    double started = 0;
  };
  // A fetch whose records are being written, and what to do once they are.
  struct Capturing {
    InFlight job;
    int status = 0;
    bool failed = false;       // 5xx or 429: counted against the host
    bool retry = false;        // 429/503 with attempts left: queued again
    bool keep_queued = false;  // 429/503 on a parked host: left for the next run
  };
  struct Seed {
    std::string url;
    UrlKind kind;
  };

  Status CollectSeeds();
  Status PrepareState();
  Status CheckKilledRuns();
  bool InShard(const std::string& host) const;
  HostRuntime& HostFor(const std::string& key);
  void LoadStoredHost(const std::string& key, HostRuntime& host);
  DomainSlot& SlotFor(const HostRuntime& host) { return domains_[host.domain]; }
  Status RefillWindow(const std::string& key, HostRuntime& host);

  Status StartTransfers(double now);
  // `batch` is the transaction the launches of one StartTransfers share, begun on first use.
  Status StartNextPage(const std::string& key, HostRuntime& host,
                       std::optional<SqliteTransaction>& batch);
  Status Launch(const std::string& key, HostRuntime& host, const FrontierEntry& entry, bool robots,
                bool close_connection = false);
  double SecondsUntilReady(double now) const;
  bool HasWork(const HostRuntime& host) const;

  Status HandleFetched(FetchResult result);
  Status HandleRobots(const InFlight& job, HostRuntime& host, FetchResult& result,
                      const CaptureTime& time);
  Status FollowRobotsSitemaps(const InFlight& job, const HostRuntime& host);
  Status HandlePage(InFlight job, HostRuntime& host, FetchResult& result, const CaptureTime& time);
  Status HandleTransportError(const InFlight& job, HostRuntime& host, const FetchResult& result,
                              const CaptureTime& time);
  void SubmitCapture(uint64_t id, FetchResult result, const InFlight& job, const CaptureTime& time);
  // Records the captures the pool finished in state.sqlite, one transaction.
  Status DrainCaptures();
  Status CompletePage(const Capturing& capture, CaptureDone& done);
  Status ScheduleNext(const Capturing& capture, const FetchRow& row);
  // Backs the host off after a 429/503; true when the URL should be tried again this run.
  bool BackOff(HostRuntime& host, const FetchResult& result, double now);
  void CountFailure(const std::string& key, HostRuntime& host, const std::string& error);
  Status ApplyLinks(const FrontierEntry& from, const FoundLinks& found);
  Status Enqueue(const std::string& url, UrlKind kind, int depth, const std::string& from);
  Status Requeue(HostRuntime& host, FrontierEntry entry, double next_try);
  void Warn(std::string warning);

  void MaybeReportProgress(bool force);
  Result<CrawlReport> Finish(bool stopped);

  const DataDir& dir_;
  const Profile& profile_;
  const CrawlOptions& options_;
  const int max_pages_;
  const std::string product_token_;
  const double base_delay_;
  const size_t concurrency_;

  std::vector<Seed> seeds_;
  std::set<std::string> seed_urls_;
  std::unique_ptr<LinkPolicy> policy_;
  std::unique_ptr<CrawlState> state_;
  std::unique_ptr<Fetcher> fetcher_;
  std::unique_ptr<CapturePool> pool_;
  size_t max_pending_captures_ = 0;
  int64_t run_id_ = 0;
  std::map<std::string, HostRuntime> hosts_;
  std::map<std::string, DomainSlot> domains_;
  std::map<uint64_t, InFlight> inflight_;
  std::map<uint64_t, Capturing> capturing_;
  uint64_t next_id_ = 1;
  int pages_started_ = 0;

  // URLs already handed to Enqueue this run: the frontier ignores them a second time, so
  // menus and footers repeated on every page cost a hash lookup, not a policy check and an
  // SQLite insert.
  std::unordered_set<std::string> known_urls_;

  std::set<std::string> seeds_reached_;
  std::map<std::string, std::string> url_errors_;  // seeds only
  size_t warnings_dropped_ = 0;
  CrawlReport report_;
  uint64_t captures_ = 0;
  double start_time_ = 0;
  double last_progress_ = 0;
};

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_CRAWL_RUN_H_
