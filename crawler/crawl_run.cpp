#include "crawler/crawl_run.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>

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

}  // namespace

CrawlRun::CrawlRun(const DataDir& dir, const Profile& profile, const CrawlOptions& options)
    : dir_(dir),
      profile_(profile),
      options_(options),
      max_pages_(options.max_pages >= 0 ? options.max_pages : profile.politeness.max_pages),
      product_token_(ProductToken(profile.politeness.user_agent)),
      base_delay_(std::max(0.0, profile.politeness.delay_seconds)) {}

CrawlRun::~CrawlRun() = default;

Result<CrawlReport> CrawlRun::Run() {
  start_time_ = NowUnix();
  CLAIMDEX_RETURN_IF_ERROR(CollectSeeds());
  CLAIMDEX_RETURN_IF_ERROR(PrepareState());
  FetcherOptions fetcher_options;
  fetcher_options.user_agent = profile_.politeness.user_agent;
  fetcher_options.allow_loopback = profile_.politeness.allow_loopback;
  auto fetcher = Fetcher::Create(fetcher_options);
  if (!fetcher.ok()) return fetcher.status();
  fetcher_ = std::move(fetcher.value());
  capture_ =
      std::make_unique<CaptureWriter>(dir_.warc_dir(), dir_.cdx_dir(),
                                      fmt::format("claimdex crawler; profile {}; user-agent {}",
                                                  profile_.name, profile_.politeness.user_agent));
  const size_t concurrency = static_cast<size_t>(std::max(1, profile_.politeness.concurrency));
  bool stopped = false;
  while (true) {
    stopped = options_.stop != nullptr && options_.stop->load();
    double now = NowUnix();
    if (!stopped && fetcher_->active() < concurrency) CLAIMDEX_RETURN_IF_ERROR(StartTransfers(now));
    int timeout_ms = 50;
    if (fetcher_->active() == 0) {
      double wait = SecondsUntilReady(now);
      if (stopped || wait < 0) break;
      timeout_ms = static_cast<int>(std::clamp(wait * 1000, 1.0, 100.0));
    }
    for (FetchResult& result : fetcher_->Poll(timeout_ms)) {
      CLAIMDEX_RETURN_IF_ERROR(Handle(std::move(result)));
    }
    MaybeReportProgress(false);
  }
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
  SqliteTransaction transaction(state_->db());
  for (const Seed& seed : seeds_) {
    FrontierEntry entry;
    entry.url = seed.url;
    entry.host = UrlHostPort(seed.url);
    entry.kind = seed.kind;
    CLAIMDEX_RETURN_IF_ERROR(state_->RequeueUrl(entry));
  }
  CLAIMDEX_RETURN_IF_ERROR(transaction.Commit());
  auto queued = state_->LoadQueued();
  if (!queued.ok()) return queued.status();
  for (FrontierEntry& entry : queued.value()) {
    if (!InShard(UrlHost(entry.url))) continue;
    HostFor(entry.host).queue.push_back(std::move(entry));
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
  if (inserted) it->second.delay = base_delay_;
  return it->second;
}

Status CrawlRun::StartTransfers(double now) {
  const size_t concurrency = static_cast<size_t>(std::max(1, profile_.politeness.concurrency));
  for (auto& [key, host] : hosts_) {
    if (fetcher_->active() >= concurrency || pages_started_ >= max_pages_) break;
    if (host.busy || host.parked || host.queue.empty() || host.next_allowed > now) continue;
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
      CLAIMDEX_RETURN_IF_ERROR(StartNextPage(key, host));
    }
  }
  return Status::Ok();
}

Status CrawlRun::StartNextPage(const std::string& key, HostRuntime& host) {
  while (!host.queue.empty()) {
    FrontierEntry entry = std::move(host.queue.front());
    host.queue.pop_front();
    if (!host.robots.IsAllowed(product_token_, UrlPathAndQuery(entry.url))) {
      ++report_.robots_blocked;
      url_errors_[entry.url] = "robots.txt disallows it";
      CLAIMDEX_RETURN_IF_ERROR(state_->SetUrlStatus(entry.url, "blocked", entry.attempts, 0));
      continue;
    }
    CLAIMDEX_RETURN_IF_ERROR(state_->SetUrlStatus(entry.url, "inflight", entry.attempts, 0));
    ++pages_started_;
    return Launch(key, host, entry, false);
  }
  return Status::Ok();
}

Status CrawlRun::Launch(const std::string& key, HostRuntime& host, const FrontierEntry& entry,
                        bool robots) {
  auto prior = state_->LastCapture(entry.url);
  if (!prior.ok()) return prior.status();
  FetchRequest request;
  request.id = next_id_++;
  request.url = entry.url;
  // robots.txt is always fetched whole: a 304 would leave the run without rules to parse.
  if (!robots) {
    request.if_none_match = prior->etag;
    request.if_modified_since = prior->last_modified;
  }
  inflight_[request.id] = InFlight{key, entry, robots, prior.value()};
  host.busy = true;
  fetcher_->Start(request);
  return Status::Ok();
}

double CrawlRun::SecondsUntilReady(double now) const {
  if (pages_started_ >= max_pages_) return -1;
  double best = -1;
  for (const auto& [key, host] : hosts_) {
    if (host.busy || host.parked || host.queue.empty() ||
        host.robots_state == RobotsState::kBlocked) {
      continue;
    }
    double wait = std::max(0.0, host.next_allowed - now);
    if (best < 0 || wait < best) best = wait;
  }
  return best;
}

Status CrawlRun::Handle(FetchResult result) {
  auto it = inflight_.find(result.id);
  if (it == inflight_.end())
    return Status::Runtime("fetcher returned an unknown transfer: " + result.url);
  InFlight job = std::move(it->second);
  inflight_.erase(it);
  HostRuntime& host = HostFor(job.host_key);
  host.busy = false;
  CaptureTime time = NowCaptureTime();
  host.next_allowed = time.unix_seconds + host.delay;
  report_.bytes += result.body.size();
  if (job.robots) return HandleRobots(job, host, result, time);
  if (!result.responded) return HandleTransportError(job, host, result, time);
  return HandlePage(job, host, result, time);
}

Status CrawlRun::HandleRobots(const InFlight& job, HostRuntime& host, const FetchResult& result,
                              const CaptureTime& time) {
  std::string status_text;
  SqliteTransaction transaction(state_->db());
  if (!result.responded) {
    host.robots_state = RobotsState::kBlocked;
    host.robots_error = result.error;
    status_text = "unreachable";
    ++report_.errors;
  } else {
    auto row = capture_->Write(result, job.prior, time);
    if (!row.ok()) return row.status();
    row->host = job.host_key;
    ++captures_;
    CLAIMDEX_RETURN_IF_ERROR(state_->RecordFetch(row.value()));
    std::string location = result.Header("Location");
    if (result.status / 100 == 3 && !location.empty() && host.robots_hops < kMaxRobotsRedirects) {
      auto next = ResolveUrl(result.url, location);
      if (next.ok()) {
        host.robots_url = next.value();
        ++host.robots_hops;
        host.robots_state = RobotsState::kUnknown;
        return transaction.Commit();
      }
    }
    if (result.status / 100 == 2) {
      host.robots = RobotsRules::Parse(result.body);
      status_text = "ok";
    } else if (result.status >= 500 || result.status == 429) {
      host.robots = RobotsRules::ForStatus(503);
      host.robots_error = fmt::format("robots.txt answered HTTP {}", result.status);
      status_text = "unreachable";
    } else {  // 4xx, or a redirect chain that did not end: no usable robots.txt, no limits
      host.robots = RobotsRules::ForStatus(404);
      status_text = fmt::format("allow-all ({})", result.status);
    }
    host.robots_state = host.robots.disallow_all() ? RobotsState::kBlocked : RobotsState::kReady;
    double crawl_delay = std::min(kMaxCrawlDelaySeconds, host.robots.CrawlDelay(product_token_));
    host.delay = std::max(base_delay_, crawl_delay);
  }
  if (host.robots_state == RobotsState::kBlocked) {
    report_.warnings.push_back(fmt::format("{}: robots.txt: {}; its URLs wait for the next run",
                                           job.host_key, host.robots_error));
  }
  CLAIMDEX_RETURN_IF_ERROR(
      state_->SaveRobots(job.host_key, result.body, status_text, time.rfc3339));
  return transaction.Commit();
}

Status CrawlRun::HandlePage(const InFlight& job, HostRuntime& host, const FetchResult& result,
                            const CaptureTime& time) {
  // Kill-safety order: WARC records (flushed) -> CDXJ line -> state.sqlite commit.
  auto row = capture_->Write(result, job.prior, time);
  if (!row.ok()) return row.status();
  row->host = job.host_key;
  ++captures_;
  seeds_reached_.insert(job.entry.url);
  if (row->record_type == "response") ++report_.fetched;
  if (result.status == 304)
    ++report_.not_modified;
  else if (row->record_type == "revisit")
    ++report_.revisits;

  SqliteTransaction transaction(state_->db());
  CLAIMDEX_RETURN_IF_ERROR(state_->RecordFetch(row.value()));
  bool failed = result.status >= 500 || result.status == 429;
  std::string url_status = result.status >= 400 ? "failed" : "done";
  if (failed) {
    ++report_.errors;
    CountFailure(job.host_key, host, fmt::format("HTTP {}", result.status));
    url_errors_[job.entry.url] = fmt::format("HTTP {}", result.status);
    FrontierEntry retry = job.entry;
    ++retry.attempts;
    if ((result.status == 429 || result.status == 503) && retry.attempts < kMaxBusyAttempts) {
      if (BackOff(host, result, time.unix_seconds)) {
        CLAIMDEX_RETURN_IF_ERROR(Requeue(host, retry, host.next_allowed));
        url_status.clear();
      } else {
        url_status = "queued";  // the host is parked: try again on the next run
      }
    }
  } else {
    host.consecutive_failures = 0;
    CLAIMDEX_RETURN_IF_ERROR(Discover(job.entry, result));
  }
  if (!url_status.empty()) {
    CLAIMDEX_RETURN_IF_ERROR(
        state_->SetUrlStatus(job.entry.url, url_status, job.entry.attempts, 0));
  }
  CLAIMDEX_RETURN_IF_ERROR(
      state_->UpdateHost(job.host_key, failed, host.parked, host.next_allowed, time.rfc3339));
  return transaction.Commit();
}

Status CrawlRun::HandleTransportError(const InFlight& job, HostRuntime& host,
                                      const FetchResult& result, const CaptureTime& time) {
  ++report_.errors;
  url_errors_[job.entry.url] = result.error;
  CountFailure(job.host_key, host, result.error);
  SqliteTransaction transaction(state_->db());
  FrontierEntry retry = job.entry;
  ++retry.attempts;
  if (!result.ssrf_refused && retry.attempts < kMaxTransportAttempts && !host.parked) {
    double backoff = std::min(kMaxBackoffSeconds, std::max(1.0, host.delay) *
                                                      std::pow(2.0, host.consecutive_failures - 1));
    host.next_allowed = time.unix_seconds + backoff;
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
  if (wait < 0) wait = std::max(1.0, host.delay) * std::pow(2.0, host.consecutive_failures - 1);
  host.next_allowed = now + std::min(kMaxBackoffSeconds, std::max(wait, host.delay));
  return !host.parked;
}

void CrawlRun::CountFailure(const std::string& key, HostRuntime& host, const std::string& error) {
  host.last_error = error;
  if (++host.consecutive_failures < kMaxConsecutiveFailures || host.parked) return;
  host.parked = true;
  report_.warnings.push_back(
      fmt::format("{}: parked for this run after {} consecutive failures (last: {})", key,
                  host.consecutive_failures, error));
}

Status CrawlRun::Requeue(HostRuntime& host, FrontierEntry entry, double next_try) {
  CLAIMDEX_RETURN_IF_ERROR(state_->SetUrlStatus(entry.url, "queued", entry.attempts, next_try));
  host.queue.push_back(std::move(entry));
  return Status::Ok();
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
    progress.queued += host.queue.size();
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
    if (reason.empty())
      reason = stopped ? "not fetched (stopped)" : "not fetched (max_pages reached)";
    report_.warnings.push_back(seed.url + ": " + reason);
  }
  uint64_t queued = 0;
  for (const auto& [key, host] : hosts_) queued += host.queue.size();
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
