// state.sqlite: the crawl frontier, per-host politeness state and the fetch history
// (docs/formats-crawler.md lists every table and column).
//
// Status of a frontier URL: "queued" (waiting), "inflight" (handed to the fetcher; turned back
// into "queued" when a crawl starts, since a killed crawl never finished it), "done",
// "failed" (gave up: 4xx/5xx or too many transport errors), "blocked" (robots.txt disallows).
// A "done" URL with a revisit interval is due again at its next_try (RequeueDue): articles on a
// decaying schedule, feeds and sitemaps on an adaptive one.
//
// Thread-safety: one thread at a time.
#ifndef CLAIMDEX_CRAWLER_STATE_H_
#define CLAIMDEX_CRAWLER_STATE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "corpus/status.h"
#include "crawler/crawler.h"
#include "crawler/sqlite_db.h"

namespace claimdex {

// What kind of resource a frontier URL is; decides how its body is used.
enum class UrlKind { kPage, kFeed, kSitemap, kRobots };
const char* UrlKindName(UrlKind kind);
UrlKind ParseUrlKind(const std::string& name);  // unknown names are kPage

struct FrontierEntry {
  std::string url;
  std::string host;
  UrlKind kind = UrlKind::kPage;
  int depth = 0;
  int attempts = 0;
  double next_try = 0;          // unix seconds
  double revisit_interval = 0;  // seconds between fetches of a "done" URL; 0: never again
  std::string discovered_from;  // "" for seeds (filled by LoadHostWindow and LoadQueued)
};

// What state.sqlite remembers of a host between runs.
struct StoredHost {
  double next_allowed = 0;    // unix seconds (a Retry-After or Crawl-delay still running)
  std::string robots_text;    // the last robots.txt body
  std::string robots_status;  // as in HostHealth::robots_status
  double robots_fetched = 0;  // unix seconds, 0 when never
};

// The newest stored capture of a URL with a payload (status 200 response or revisit of one).
struct PriorCapture {
  std::string etag;
  std::string last_modified;
  std::string payload_digest;
  std::string record_id;  // of the original response record
  std::string date;       // its WARC-Date
};

struct FetchRow {
  std::string url;
  std::string host;
  std::string time;  // RFC 3339
  int status = 0;
  std::string etag;
  std::string last_modified;
  std::string payload_digest;
  std::string warc_file;
  uint64_t warc_offset = 0;
  std::string record_id;
  std::string record_type;  // "response" | "revisit"
  std::string refers_to;    // for revisits: the original response's record id
  std::string refers_to_date;
};

class CrawlState {
 public:
  static Result<std::unique_ptr<CrawlState>> Open(const std::string& path);

  SqliteDb* db() { return db_.get(); }

  // Start of a run: "inflight" URLs back to "queued", parked flags cleared.
  Status ResetForRun();
  // Adds a URL as "queued" when it is not in the frontier yet. *added tells which happened.
  Status AddUrl(const FrontierEntry& entry, const std::string& discovered_from, bool* added);
  // Seeds, feeds and sitemaps are re-polled every run: queued again whatever their status.
  Status RequeueUrl(const FrontierEntry& entry);
  Result<std::vector<FrontierEntry>> LoadQueued();
  // Queued URLs per host ("host" -> count), for hosts with any.
  Result<std::vector<std::pair<std::string, int64_t>>> QueuedHosts();
  // Up to `limit` queued URLs of `host` with a rowid above *cursor, in rowid (discovery) order;
  // advances *cursor past them. The crawl keeps only such a window per host in memory.
  Result<std::vector<FrontierEntry>> LoadHostWindow(const std::string& host, int limit,
                                                    int64_t* cursor);
  // "done" URLs with a revisit interval whose next_try <= now become "queued"; the count.
  Result<int64_t> RequeueDue(double now);
  // Re-queues a seed's URL (like RequeueUrl) unless it is a feed or sitemap polled on an
  // adaptive interval that is not due yet; *queued says which happened.
  Status RequeueSeed(const FrontierEntry& entry, double now, bool* queued);
  // Marks a fetched URL "done" and schedules its next fetch (interval 0: none).
  Status ScheduleRevisit(const std::string& url, double next_try, double interval);
  Status SetUrlStatus(const std::string& url, const std::string& status, int attempts,
                      double next_try);
  // The newest capture with a payload, or nullopt-like empty record_id when none.
  Result<PriorCapture> LastCapture(const std::string& url);
  Status RecordFetch(const FetchRow& row);

  Status SaveRobots(const std::string& host, const std::string& text, const std::string& status,
                    const std::string& time);
  // Records the outcome of a fetch for the host: ok resets the consecutive-failure count.
  Status UpdateHost(const std::string& host, bool failed, bool parked, double next_allowed,
                    const std::string& time);

  Result<std::vector<HostHealth>> ReadHealth();
  // The stored row of `host`; a host never seen gives a default StoredHost.
  Result<StoredHost> LoadHost(const std::string& host);

  // Runs: BeginRun marks a run as started (its id); EndRun as finished, killed or not.
  // StartsOfKilledRuns gives, once, the start times (RFC 3339) of earlier runs that never
  // ended — killed — so their WARC files can be checked for a torn last record.
  Result<int64_t> BeginRun(const std::string& time);
  Status EndRun(int64_t run, const std::string& time);
  Result<std::vector<std::string>> StartsOfKilledRuns(int64_t current_run);

 private:
  explicit CrawlState(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  Status EnsureHost(const std::string& host);
  Status Migrate();
  std::unique_ptr<SqliteDb> db_;
};

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_STATE_H_
