// One crawl run: the scheduling loop behind Crawl() (crawler.h). Internal to the crawler.
//
// Per politeness key (host[:port]) the run keeps a FIFO queue, the robots.txt rules, the time
// the next request may start and whether a transfer is in flight: at most one transfer per
// host at a time, at least max(profile delay, Crawl-delay capped at 60 s) between the end of
// one and the start of the next, robots.txt fetched before anything else on the host.
//
// Thread-safety: single-threaded; options.stop may be set from elsewhere.
#ifndef CLAIMDEX_CRAWLER_CRAWL_RUN_H_
#define CLAIMDEX_CRAWLER_CRAWL_RUN_H_

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "corpus/data_dir.h"
#include "corpus/profile.h"
#include "crawler/capture_writer.h"
#include "crawler/crawler.h"
#include "crawler/fetcher.h"
#include "crawler/links.h"
#include "crawler/robots.h"
#include "crawler/state.h"

namespace claimdex {

inline constexpr int kMaxConsecutiveFailures = 5;  // then the host is parked for the run
inline constexpr int kMaxTransportAttempts = 3;    // per URL per run, connection-level errors
inline constexpr int kMaxBusyAttempts = 5;         // per URL, 429/503 answers
inline constexpr double kMaxBackoffSeconds = 3600;
inline constexpr double kMaxCrawlDelaySeconds = 60;
inline constexpr int kMaxRobotsRedirects = 5;

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
    std::deque<FrontierEntry> queue;
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
  struct InFlight {
    std::string host_key;
    FrontierEntry entry;
    bool robots = false;
    PriorCapture prior;
  };
  struct Seed {
    std::string url;
    UrlKind kind;
  };

  Status CollectSeeds();
  Status PrepareState();
  bool InShard(const std::string& host) const;
  HostRuntime& HostFor(const std::string& key);

  Status StartTransfers(double now);
  Status StartNextPage(const std::string& key, HostRuntime& host);
  Status Launch(const std::string& key, HostRuntime& host, const FrontierEntry& entry, bool robots);
  double SecondsUntilReady(double now) const;

  Status Handle(FetchResult result);
  Status HandleRobots(const InFlight& job, HostRuntime& host, const FetchResult& result,
                      const CaptureTime& time);
  Status HandlePage(const InFlight& job, HostRuntime& host, const FetchResult& result,
                    const CaptureTime& time);
  Status HandleTransportError(const InFlight& job, HostRuntime& host, const FetchResult& result,
                              const CaptureTime& time);
  // Backs the host off after a 429/503; true when the URL should be tried again.
  bool BackOff(HostRuntime& host, const FetchResult& result, double now);
  void CountFailure(const std::string& key, HostRuntime& host, const std::string& error);
  Status Discover(const FrontierEntry& from, const FetchResult& result);
  Status Enqueue(const std::string& url, UrlKind kind, int depth, const std::string& from);
  Status Requeue(HostRuntime& host, FrontierEntry entry, double next_try);

  void MaybeReportProgress(bool force);
  Result<CrawlReport> Finish(bool stopped);

  const DataDir& dir_;
  const Profile& profile_;
  const CrawlOptions& options_;
  const int max_pages_;
  const std::string product_token_;
  const double base_delay_;

  std::vector<Seed> seeds_;
  std::unique_ptr<LinkPolicy> policy_;
  std::unique_ptr<CrawlState> state_;
  std::unique_ptr<Fetcher> fetcher_;
  std::unique_ptr<CaptureWriter> capture_;
  std::map<std::string, HostRuntime> hosts_;
  std::map<uint64_t, InFlight> inflight_;
  uint64_t next_id_ = 1;
  int pages_started_ = 0;

  std::set<std::string> seeds_reached_;
  std::map<std::string, std::string> url_errors_;
  CrawlReport report_;
  uint64_t captures_ = 0;
  double start_time_ = 0;
  double last_progress_ = 0;
};

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_CRAWL_RUN_H_
