#include "crawler/crawl_run.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

#include "crawler/url.h"

namespace claimdex {
namespace {

double NowUnix() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// FNV-1a: stable across runs and machines, which std::hash is not promised to be.
uint64_t StableHash(const std::string& text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

// Retry-After as delta-seconds or an HTTP-date; -1 when absent or unreadable.
double RetryAfterSeconds(const std::string& value, double now) {
  if (value.empty()) return -1;
  char* end = nullptr;
  double seconds = std::strtod(value.c_str(), &end);
  if (end != value.c_str() && *end == '\0') return seconds >= 0 ? seconds : -1;
  time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return -1;
  return std::max(0.0, static_cast<double>(when) - now);
}

// The host of a politeness key ("host", "host:port", "[v6]:port").
std::string HostOfKey(const std::string& key) {
  if (!key.empty() && key.front() == '[') return key.substr(0, key.find(']') + 1);
  return key.substr(0, key.rfind(':'));
}

// Full jitter keeps hosts that failed together from retrying together.
double Jitter(double seconds, uint64_t salt) {
  double unit = static_cast<double>(StableHash(std::to_string(salt)) % 1000) / 1000.0;
  return seconds * (0.5 + 0.5 * unit);
}

int CaptureThreads(int requested) {
  if (requested > 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(cores, 1u, 8u));
}

}  // namespace

CrawlRun::CrawlRun(const DataDir& dir, const Profile& profile, const CrawlOptions& options)
    : dir_(dir),
      profile_(profile),
      options_(options),
      max_pages_(options.max_pages >= 0 ? options.max_pages : profile.politeness.max_pages),
      product_token_(ProductToken(profile.politeness.user_agent)),
      base_delay_(std::max(0.0, profile.politeness.delay_seconds)),
      concurrency_(static_cast<size_t>(std::max(1, profile.politeness.concurrency))) {}

CrawlRun::~CrawlRun() = default;

Result<CrawlReport> CrawlRun::Run() {
  start_time_ = NowUnix();
  CLAIMDEX_RETURN_IF_ERROR(CollectSeeds());
  CLAIMDEX_RETURN_IF_ERROR(PrepareState());
  FetcherOptions fetcher_options;
  fetcher_options.user_agent = profile_.politeness.user_agent;
  fetcher_options.allow_loopback = profile_.politeness.allow_loopback;
  fetcher_options.connect_timeout_ms = std::lround(options_.connect_timeout_seconds * 1000);
  fetcher_options.total_timeout_ms = std::lround(options_.total_timeout_seconds * 1000);
  auto fetcher = Fetcher::Create(fetcher_options);
  if (!fetcher.ok()) return fetcher.status();
  fetcher_ = std::move(fetcher.value());
  int threads = CaptureThreads(options_.capture_threads);
  pool_ = std::make_unique<CapturePool>(threads, dir_.warc_dir(), dir_.cdx_dir(),
                                        fmt::format("claimdex crawler; profile {}; user-agent {}",
                                                    profile_.name, profile_.politeness.user_agent),
                                        policy_.get());
  max_pending_captures_ = 4 * static_cast<size_t>(threads) + concurrency_;
  bool stopped = false;
  while (true) {
    stopped = options_.stop != nullptr && options_.stop->load();
    double now = NowUnix();
    if (!stopped && fetcher_->active() < concurrency_ && pool_->pending() < max_pending_captures_)
      CLAIMDEX_RETURN_IF_ERROR(StartTransfers(now));
    int timeout_ms = fetcher_->active() > 0 ? 50 : 5;
    if (fetcher_->active() == 0 && pool_->pending() == 0) {
      double wait = stopped ? -1 : SecondsUntilReady(now);
      if (wait < 0) break;
      timeout_ms = static_cast<int>(std::clamp(wait * 1000, 1.0, 100.0));
    }
    for (FetchResult& result : fetcher_->Poll(timeout_ms)) {
      CLAIMDEX_RETURN_IF_ERROR(HandleFetched(std::move(result)));
    }
    CLAIMDEX_RETURN_IF_ERROR(DrainCaptures());
    MaybeReportProgress(false);
  }
  pool_->WaitIdle();
  CLAIMDEX_RETURN_IF_ERROR(DrainCaptures());
  CLAIMDEX_RETURN_IF_ERROR(state_->EndRun(run_id_, NowCaptureTime().rfc3339));
  MaybeReportProgress(true);
  return Finish(stopped);
}

Status CrawlRun::CollectSeeds() {
  if (options_.shard_count < 1 || options_.shard_index < 0 ||
      options_.shard_index >= options_.shard_count) {
    return Status::InvalidInput(
        fmt::format("--shard {}/{}: need 0 <= I < N", options_.shard_index, options_.shard_count));
  }
  auto add = [this](const std::string& raw, UrlKind kind, const char* what) -> Status {
    auto url = CanonicalizeUrl(raw);
    if (!url.ok()) return Status::InvalidInput(std::string(what) + " " + url.status().message());
    seeds_.push_back({url.value(), kind});
    seed_urls_.insert(url.value());
    return Status::Ok();
  };
  for (const std::string& seed : profile_.seeds)
    CLAIMDEX_RETURN_IF_ERROR(add(seed, UrlKind::kPage, "seed"));
  for (const std::string& seed : options_.extra_seeds)
    CLAIMDEX_RETURN_IF_ERROR(add(seed, UrlKind::kPage, "seed"));
  for (const std::string& feed : profile_.feeds)
    CLAIMDEX_RETURN_IF_ERROR(add(feed, UrlKind::kFeed, "feed"));
  for (const std::string& map : profile_.sitemaps)
    CLAIMDEX_RETURN_IF_ERROR(add(map, UrlKind::kSitemap, "sitemap"));
  std::vector<std::string> urls;
  for (const Seed& seed : seeds_) urls.push_back(seed.url);
  policy_ = std::make_unique<LinkPolicy>(profile_, urls);
  return Status::Ok();
}

Status CrawlRun::PrepareState() {
  auto state = CrawlState::Open(dir_.state_path());
  if (!state.ok()) return state.status();
  state_ = std::move(state.value());
  CLAIMDEX_RETURN_IF_ERROR(state_->ResetForRun());
  auto run = state_->BeginRun(NowCaptureTime().rfc3339);
  if (!run.ok()) return run.status();
  run_id_ = run.value();
  CLAIMDEX_RETURN_IF_ERROR(CheckKilledRuns());
  double now = NowUnix();
  SqliteTransaction transaction(state_->db());
  CLAIMDEX_RETURN_IF_ERROR(transaction.begin_status());
  auto due = state_->RequeueDue(now);
  if (!due.ok()) return due.status();
  for (const Seed& seed : seeds_) {
    FrontierEntry entry;
    entry.url = seed.url;
    entry.host = UrlHostPort(seed.url);
    entry.kind = seed.kind;
    bool queued = false;
    CLAIMDEX_RETURN_IF_ERROR(state_->RequeueSeed(entry, now, &queued));
  }
  CLAIMDEX_RETURN_IF_ERROR(transaction.Commit());
  auto queued = state_->QueuedHosts();
  if (!queued.ok()) return queued.status();
  for (const auto& [key, count] : queued.value()) {
    if (!InShard(HostOfKey(key))) continue;
    HostRuntime& host = HostFor(key);
    host.more_in_db = true;
    host.queued_in_db = count;
  }
  return Status::Ok();
}

bool CrawlRun::InShard(const std::string& host) const {
  if (options_.shard_count <= 1) return true;
  uint64_t bucket =
      StableHash(RegisteredDomain(host)) % static_cast<uint64_t>(options_.shard_count);
  return bucket == static_cast<uint64_t>(options_.shard_index);
}

CrawlRun::HostRuntime& CrawlRun::HostFor(const std::string& key) {
  auto [it, inserted] = hosts_.try_emplace(key);
  if (inserted) {
    it->second.delay = base_delay_;
    it->second.domain = RegisteredDomain(HostOfKey(key));
    LoadStoredHost(key, it->second);
    if (fetcher_ != nullptr) fetcher_->SetPoolSize(hosts_.size());
  }
  return it->second;
}

Status CrawlRun::RefillWindow(const std::string& key, HostRuntime& host) {
  if (!host.queue.empty() || !host.more_in_db) return Status::Ok();
  auto window = state_->LoadHostWindow(key, kHostWindow, &host.cursor);
  if (!window.ok()) return window.status();
  host.more_in_db = window->size() == static_cast<size_t>(kHostWindow);
  host.queued_in_db =
      std::max<int64_t>(0, host.queued_in_db - static_cast<int64_t>(window->size()));
  if (!host.more_in_db) host.queued_in_db = 0;
  for (FrontierEntry& entry : window.value()) host.queue.push_back(std::move(entry));
  return Status::Ok();
}

bool CrawlRun::HasWork(const HostRuntime& host) const {
  return !host.queue.empty() || host.more_in_db;
}

Status CrawlRun::StartTransfers(double now) {
  // One commit for all the launches of this pass instead of one WAL append per URL.
  std::optional<SqliteTransaction> batch;
  for (auto& [key, host] : hosts_) {
    if (fetcher_->active() >= concurrency_ || pages_started_ >= max_pages_) break;
    // Back-pressure: what is fetched must be archived, so fetching far ahead of the capture
    // threads only keeps connections idle and bodies in memory.
    if (fetcher_->active() + pool_->pending() >= max_pending_captures_) break;
    if (host.busy || host.parked || !HasWork(host) || host.next_allowed > now) continue;
    DomainSlot& slot = SlotFor(host);
    if (slot.busy || slot.next_allowed > now) continue;
    CLAIMDEX_RETURN_IF_ERROR(RefillWindow(key, host));
    if (host.queue.empty()) continue;
    if (host.robots_state == RobotsState::kUnknown) {
      if (host.robots_url.empty())
        host.robots_url = UrlOrigin(host.queue.front().url) + "/robots.txt";
      FrontierEntry robots;
      robots.url = host.robots_url;
      robots.host = key;
      robots.kind = UrlKind::kRobots;
      CLAIMDEX_RETURN_IF_ERROR(Launch(key, host, robots, true));
      host.robots_state = RobotsState::kFetching;
    } else if (host.robots_state == RobotsState::kReady) {
      CLAIMDEX_RETURN_IF_ERROR(StartNextPage(key, host, batch));
    }
  }
  return batch.has_value() ? batch->Commit() : Status::Ok();
}

Status CrawlRun::StartNextPage(const std::string& key, HostRuntime& host,
                               std::optional<SqliteTransaction>& batch) {
  if (!batch.has_value() && !host.queue.empty()) {
    batch.emplace(state_->db());
    CLAIMDEX_RETURN_IF_ERROR(batch->begin_status());
  }
  while (!host.queue.empty()) {
    FrontierEntry entry = std::move(host.queue.front());
    host.queue.pop_front();
    if (!host.robots.IsAllowed(product_token_, UrlPathAndQuery(entry.url))) {
      ++report_.robots_blocked;
      if (seed_urls_.count(entry.url) > 0) url_errors_[entry.url] = "robots.txt disallows it";
      CLAIMDEX_RETURN_IF_ERROR(state_->SetUrlStatus(entry.url, "blocked", entry.attempts, 0));
      CLAIMDEX_RETURN_IF_ERROR(RefillWindow(key, host));
      continue;
    }
    CLAIMDEX_RETURN_IF_ERROR(state_->SetUrlStatus(entry.url, "inflight", entry.attempts, 0));
    ++pages_started_;
    // The host's last queued URL, and a page whose links are too deep to follow: the run asks
    // nothing more of this server (bar a redirect), so its connection is not kept.
    bool last = host.queue.empty() && !host.more_in_db && entry.kind == UrlKind::kPage &&
                entry.depth + 1 > policy_->max_depth();
    return Launch(key, host, entry, false, last);
  }
  return Status::Ok();
}

Status CrawlRun::Launch(const std::string& key, HostRuntime& host, const FrontierEntry& entry,
                        bool robots, bool close_connection) {
  auto prior = state_->LastCapture(entry.url);
  if (!prior.ok()) return prior.status();
  FetchRequest request;
  request.id = next_id_++;
  request.url = entry.url;
  request.close_connection = close_connection;
  // robots.txt is always fetched whole: a 304 would leave the run without rules to parse.
  if (!robots) {
    request.if_none_match = prior->etag;
    request.if_modified_since = prior->last_modified;
  }
  inflight_[request.id] = InFlight{key, entry, robots, prior.value(), NowUnix()};
  host.busy = true;
  SlotFor(host).busy = true;
  fetcher_->Start(request);
  return Status::Ok();
}

double CrawlRun::SecondsUntilReady(double now) const {
  if (pages_started_ >= max_pages_) return -1;
  double best = -1;
  for (const auto& [key, host] : hosts_) {
    if (host.busy || host.parked || !HasWork(host) || host.robots_state == RobotsState::kBlocked)
      continue;
    auto slot = domains_.find(host.domain);
    double slot_ready = slot == domains_.end() ? 0 : slot->second.next_allowed;
    double wait = std::max({0.0, host.next_allowed - now, slot_ready - now});
    if (wait > options_.max_idle_wait_seconds) continue;  // left for a later run
    if (best < 0 || wait < best) best = wait;
  }
  return best;
}

Status CrawlRun::HandleFetched(FetchResult result) {
  auto it = inflight_.find(result.id);
  if (it == inflight_.end())
    return Status::Runtime("fetcher returned an unknown transfer: " + result.url);
  InFlight job = std::move(it->second);
  inflight_.erase(it);
  HostRuntime& host = HostFor(job.host_key);
  host.busy = false;
  CaptureTime time = NowCaptureTime();
  host.next_allowed = time.unix_seconds + host.delay;
  DomainSlot& slot = SlotFor(host);
  slot.busy = false;
  slot.next_allowed = std::max(slot.next_allowed, time.unix_seconds + host.delay);
  report_.bytes += result.body.size();
  if (job.robots) return HandleRobots(job, host, result, time);
  if (!result.responded) return HandleTransportError(job, host, result, time);
  return HandlePage(std::move(job), host, result, time);
}

Status CrawlRun::HandlePage(InFlight job, HostRuntime& host, FetchResult& result,
                            const CaptureTime& time) {
  Capturing capture;
  capture.status = result.status;
  capture.failed = result.status >= 500 || result.status == 429;
  if (capture.failed) {
    ++report_.errors;
    std::string error = fmt::format("HTTP {}", result.status);
    CountFailure(job.host_key, host, error);
    if (seed_urls_.count(job.entry.url) > 0) url_errors_[job.entry.url] = error;
    if ((result.status == 429 || result.status == 503) &&
        job.entry.attempts + 1 < kMaxBusyAttempts) {
      capture.retry = BackOff(host, result, time.unix_seconds);
      capture.keep_queued = !capture.retry;
    }
  } else {
    host.consecutive_failures = 0;
  }
  if (seed_urls_.count(job.entry.url) > 0) seeds_reached_.insert(job.entry.url);
  uint64_t id = next_id_++;
  capture.job = job;
  capturing_[id] = std::move(capture);
  SubmitCapture(id, std::move(result), job, time);
  return Status::Ok();
}

void CrawlRun::SubmitCapture(uint64_t id, FetchResult result, const InFlight& job,
                             const CaptureTime& time) {
  CaptureJob capture;
  capture.id = id;
  capture.kind = job.robots ? UrlKind::kRobots : job.entry.kind;
  capture.prior = job.prior;
  capture.time = time;
  capture.with_metadata = !job.robots;
  capture.metadata.via = job.entry.discovered_from;
  capture.metadata.hops = job.entry.depth;
  capture.metadata.fetch_ms = std::lround((time.unix_seconds - job.started) * 1000);
  capture.result = std::move(result);
  if (job.robots) {
    Capturing robots;
    robots.job = job;
    robots.status = capture.result.status;
    capturing_[id] = std::move(robots);
  }
  pool_->Submit(std::move(capture));
}

Status CrawlRun::DrainCaptures() {
  std::vector<CaptureDone> done = pool_->TakeDone();
  if (done.empty()) return Status::Ok();
  // Kill-safety order: the pool wrote WARC records (flushed) and the CDXJ line; only now does
  // state.sqlite learn of them.
  SqliteTransaction transaction(state_->db());
  CLAIMDEX_RETURN_IF_ERROR(transaction.begin_status());
  for (CaptureDone& item : done) {
    auto it = capturing_.find(item.id);
    if (it == capturing_.end()) return Status::Runtime("capture pool returned an unknown job");
    Capturing capture = std::move(it->second);
    capturing_.erase(it);
    CLAIMDEX_RETURN_IF_ERROR(item.status);
    item.row.host = capture.job.host_key;
    ++captures_;
    if (capture.job.robots) {
      CLAIMDEX_RETURN_IF_ERROR(state_->RecordFetch(item.row));
      continue;
    }
    CLAIMDEX_RETURN_IF_ERROR(CompletePage(capture, item));
  }
  return transaction.Commit();
}

Status CrawlRun::CompletePage(const Capturing& capture, CaptureDone& done) {
  const FetchRow& row = done.row;
  const FrontierEntry& entry = capture.job.entry;
  if (row.record_type == "response") ++report_.fetched;
  if (capture.status == 304)
    ++report_.not_modified;
  else if (row.record_type == "revisit")
    ++report_.revisits;
  CLAIMDEX_RETURN_IF_ERROR(state_->RecordFetch(row));
  HostRuntime& host = HostFor(capture.job.host_key);
  if (capture.retry) {
    FrontierEntry retry = entry;
    ++retry.attempts;
    CLAIMDEX_RETURN_IF_ERROR(Requeue(host, retry, host.next_allowed));
  } else if (capture.keep_queued) {
    CLAIMDEX_RETURN_IF_ERROR(state_->SetUrlStatus(entry.url, "queued", entry.attempts + 1, 0));
  } else if (capture.status >= 400) {
    CLAIMDEX_RETURN_IF_ERROR(state_->SetUrlStatus(entry.url, "failed", entry.attempts, 0));
  } else {
    CLAIMDEX_RETURN_IF_ERROR(ScheduleNext(capture, row));
  }
  CLAIMDEX_RETURN_IF_ERROR(state_->UpdateHost(capture.job.host_key, capture.failed, host.parked,
                                              host.next_allowed, row.time));
  if (capture.failed) return Status::Ok();
  return ApplyLinks(entry, done.found);
}

// Articles decay: each unchanged re-fetch doubles the wait, a change starts over. Feeds and
// sitemaps adapt: halve when they changed, double when they did not.
Status CrawlRun::ScheduleNext(const Capturing& capture, const FetchRow& row) {
  const FrontierEntry& entry = capture.job.entry;
  bool changed = row.record_type == "response";
  double current = entry.revisit_interval;
  double interval = 0;
  if (capture.status / 100 == 3 && capture.status != 304) {
    interval = 0;  // a redirect hop: its target carries the schedule
  } else if (entry.kind == UrlKind::kFeed || entry.kind == UrlKind::kSitemap) {
    double low = options_.feed_poll_min_seconds;
    double next = current <= 0 ? low : (changed ? current / 2 : current * 2);
    interval = std::clamp(next, low, std::max(low, options_.feed_poll_max_seconds));
  } else {
    double first = options_.page_revisit_first_seconds;
    double next = changed || current <= 0 ? first : current * 2;
    interval = std::min(next, std::max(first, options_.page_revisit_max_seconds));
  }
  if (capture.status / 100 != 3 || capture.status == 304) interval = std::max(interval, 1e-3);
  return state_->ScheduleRevisit(entry.url, NowUnix() + interval, interval);
}

Status CrawlRun::HandleTransportError(const InFlight& job, HostRuntime& host,
                                      const FetchResult& result, const CaptureTime& time) {
  ++report_.errors;
  if (seed_urls_.count(job.entry.url) > 0) url_errors_[job.entry.url] = result.error;
  CountFailure(job.host_key, host, result.error);
  SqliteTransaction transaction(state_->db());
  CLAIMDEX_RETURN_IF_ERROR(transaction.begin_status());
  FrontierEntry retry = job.entry;
  ++retry.attempts;
  if (!result.ssrf_refused && retry.attempts < kMaxTransportAttempts && !host.parked) {
    double backoff = std::min(kMaxBackoffSeconds, options_.backoff_base_seconds *
                                                      std::pow(2.0, host.consecutive_failures - 1));
    host.next_allowed = time.unix_seconds + std::max(host.delay, Jitter(backoff, next_id_));
    CLAIMDEX_RETURN_IF_ERROR(Requeue(host, retry, host.next_allowed));
  } else {
    CLAIMDEX_RETURN_IF_ERROR(state_->SetUrlStatus(job.entry.url, "failed", retry.attempts, 0));
  }
  CLAIMDEX_RETURN_IF_ERROR(
      state_->UpdateHost(job.host_key, true, host.parked, host.next_allowed, time.rfc3339));
  return transaction.Commit();
}

bool CrawlRun::BackOff(HostRuntime& host, const FetchResult& result, double now) {
  double wait = RetryAfterSeconds(result.Header("Retry-After"), now);
  if (wait < 0) {
    wait = Jitter(options_.backoff_base_seconds * std::pow(2.0, host.consecutive_failures - 1),
                  next_id_);
  }
  host.next_allowed = now + std::min(kMaxBackoffSeconds, std::max(wait, host.delay));
  return !host.parked;
}

void CrawlRun::CountFailure(const std::string& key, HostRuntime& host, const std::string& error) {
  host.last_error = error;
  if (++host.consecutive_failures < kMaxConsecutiveFailures || host.parked) return;
  host.parked = true;
  Warn(fmt::format("{}: parked for this run after {} consecutive failures (last: {})", key,
                   host.consecutive_failures, error));
}

Status CrawlRun::Requeue(HostRuntime& host, FrontierEntry entry, double next_try) {
  CLAIMDEX_RETURN_IF_ERROR(state_->SetUrlStatus(entry.url, "queued", entry.attempts, next_try));
  host.queue.push_back(std::move(entry));
  return Status::Ok();
}

void CrawlRun::Warn(std::string warning) {
  if (report_.warnings.size() >= kMaxWarnings) {
    ++warnings_dropped_;
    return;
  }
  report_.warnings.push_back(std::move(warning));
}

void CrawlRun::MaybeReportProgress(bool force) {
  if (!options_.progress) return;
  double now = NowUnix();
  if (!force && now - last_progress_ < 0.25) return;
  last_progress_ = now;
  CrawlProgress progress;
  progress.fetched = captures_;
  progress.errors = report_.errors;
  progress.bytes = report_.bytes;
  progress.seconds = now - start_time_;
  for (const auto& [key, host] : hosts_) {
    progress.queued += host.queue.size() + static_cast<uint64_t>(host.queued_in_db);
    if (host.busy) ++progress.active_hosts;
  }
  options_.progress(progress);
}

Result<CrawlReport> CrawlRun::Finish(bool stopped) {
  size_t reached = 0;
  size_t in_shard = 0;
  std::string first_failure;
  for (const Seed& seed : seeds_) {
    std::string key = UrlHostPort(seed.url);
    if (!InShard(UrlHost(seed.url))) continue;
    ++in_shard;
    if (seeds_reached_.count(seed.url) > 0) {
      ++reached;
      continue;
    }
    std::string reason;
    if (auto it = url_errors_.find(seed.url); it != url_errors_.end())
      reason = it->second;
    else if (!HostFor(key).robots_error.empty())
      reason = HostFor(key).robots_error;
    if (!reason.empty() && first_failure.empty()) first_failure = seed.url + ": " + reason;
    if (reason.empty() && HostFor(key).next_allowed > NowUnix() + options_.max_idle_wait_seconds)
      continue;                                                   // said below, with the host
    if (reason.empty() && seed.kind != UrlKind::kPage) continue;  // polled when due
    if (reason.empty())
      reason = stopped ? "not fetched (stopped)" : "not fetched (max_pages reached)";
    Warn(seed.url + ": " + reason);
  }
  uint64_t queued = 0;
  double now = NowUnix();
  for (const auto& [key, host] : hosts_) {
    uint64_t left = host.queue.size() + static_cast<uint64_t>(host.queued_in_db);
    queued += left;
    if (!stopped && left > 0 && host.next_allowed > now + options_.max_idle_wait_seconds) {
      Warn(
          fmt::format("{}: next request not before {} s from now (Retry-After, Crawl-delay or "
                      "back-off); its queued URLs wait for a later run",
                      key, std::lround(host.next_allowed - now)));
    }
  }
  if (warnings_dropped_ > 0) {
    report_.warnings.push_back(fmt::format("... and {} more warnings", warnings_dropped_));
  }
  if (stopped) {
    return Status::Cancelled(fmt::format(
        "crawl stopped: {} responses stored, {} URLs still queued (run the crawl again to resume)",
        captures_, queued));
  }
  if (in_shard > 0 && reached == 0 && !first_failure.empty()) {
    return Status::Runtime("no seed could be fetched: " + first_failure);
  }
  return report_;
}

}  // namespace claimdex
