// robots.txt and what state.sqlite remembers of a host between runs: the cached rules, the
// delay still running, and the check of WARC files a killed run left behind. Part of CrawlRun
// (crawl_run.h).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "corpus/warc.h"
#include "crawler/crawl_run.h"
#include "crawler/url.h"

namespace claimdex {
namespace {

double NowSeconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// "20250222100102" for an RFC 3339 time, as in WARC file names.
std::string FileStamp(const std::string& rfc3339) {
  std::string digits;
  for (char c : rfc3339) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits.substr(0, 14);
}

}  // namespace

// A delay still running from an earlier run is honoured, and robots.txt under 24 hours old is
// used again (RFC 9309 §2.4 lets a crawler cache it that long).
void CrawlRun::LoadStoredHost(const std::string& key, HostRuntime& host) {
  auto stored = state_->LoadHost(key);
  if (!stored.ok()) {
    Warn(key + ": " + stored.status().message());
    return;
  }
  host.next_allowed = stored->next_allowed;
  double age = NowSeconds() - stored->robots_fetched;
  bool fresh = stored->robots_fetched > 0 && age < kRobotsCacheSeconds;
  if (!fresh) return;
  if (stored->robots_status == "ok") {
    host.robots = RobotsRules::Parse(stored->robots_text);
  } else if (stored->robots_status.rfind("allow-all", 0) == 0) {
    host.robots = RobotsRules::AllowAll();
  } else {
    return;  // unreachable last time: ask again
  }
  host.robots_state = RobotsState::kReady;
  double crawl_delay = std::min(kMaxCrawlDelaySeconds, host.robots.CrawlDelay(product_token_));
  host.delay = std::max(base_delay_, crawl_delay);
}

Status CrawlRun::HandleRobots(const InFlight& job, HostRuntime& host, FetchResult& result,
                              const CaptureTime& time) {
  std::string status_text;
  std::string body;
  if (!result.responded) {
    host.robots_state = RobotsState::kBlocked;
    host.robots_error = result.error;
    status_text = "unreachable";
    ++report_.errors;
  } else {
    std::string location = result.Header("Location");
    int status = result.status;
    body = result.body;
    SubmitCapture(next_id_++, std::move(result), job, time);
    if (status / 100 == 3 && !location.empty() && host.robots_hops < kMaxRobotsRedirects) {
      auto next = ResolveUrl(job.entry.url, location);
      if (next.ok()) {
        host.robots_url = next.value();
        ++host.robots_hops;
        host.robots_state = RobotsState::kUnknown;
        return Status::Ok();
      }
    }
    if (status / 100 == 2) {
      host.robots = RobotsRules::Parse(body);
      status_text = "ok";
    } else if (status >= 500 || status == 429) {
      host.robots = RobotsRules::ForStatus(503);
      host.robots_error = fmt::format("robots.txt answered HTTP {}", status);
      status_text = "unreachable";
    } else {  // 4xx, or a redirect chain that did not end: no usable robots.txt, no limits
      host.robots = RobotsRules::ForStatus(404);
      status_text = fmt::format("allow-all ({})", status);
    }
    host.robots_state = host.robots.disallow_all() ? RobotsState::kBlocked : RobotsState::kReady;
    // A long Crawl-delay is scheduled like any other delay: never shortened, never a reason
    // to drop the host (SecondsUntilReady leaves it to a later run when it is too long).
    double crawl_delay = std::min(kMaxCrawlDelaySeconds, host.robots.CrawlDelay(product_token_));
    host.delay = std::max(base_delay_, crawl_delay);
    host.next_allowed = time.unix_seconds + host.delay;
    DomainSlot& slot = SlotFor(host);
    slot.next_allowed = std::max(slot.next_allowed, host.next_allowed);
  }
  if (host.robots_state == RobotsState::kBlocked) {
    Warn(fmt::format("{}: robots.txt: {}; its URLs wait for the next run", job.host_key,
                     host.robots_error));
  }
  SqliteTransaction transaction(state_->db());
  CLAIMDEX_RETURN_IF_ERROR(transaction.begin_status());
  CLAIMDEX_RETURN_IF_ERROR(
      state_->SaveRobots(job.host_key, status_text == "ok" ? body : "", status_text, time.rfc3339));
  if (status_text == "ok") CLAIMDEX_RETURN_IF_ERROR(FollowRobotsSitemaps(job, host));
  CLAIMDEX_RETURN_IF_ERROR(
      state_->UpdateHost(job.host_key, false, host.parked, host.next_allowed, time.rfc3339));
  return transaction.Commit();
}

// RFC 9309 §2.2.4: Sitemap lines are how a site lists its pages; they are fetched as sitemaps
// (when the host is one the profile allows).
Status CrawlRun::FollowRobotsSitemaps(const InFlight& job, const HostRuntime& host) {
  for (const std::string& raw : host.robots.sitemaps()) {
    auto url = ResolveUrl(job.entry.url, raw);
    if (!url.ok()) {
      Warn(job.entry.url + ": Sitemap line is not a valid http(s) URL: " + raw.substr(0, 120));
      continue;
    }
    if (!policy_->HostAllowed(UrlHost(url.value()))) continue;
    CLAIMDEX_RETURN_IF_ERROR(Enqueue(url.value(), UrlKind::kSitemap, 0, job.entry.url));
  }
  return Status::Ok();
}

// A crawl killed while writing may leave a torn record at the end of a WARC file. The readers
// skip it; saying so once, here, is what tells the operator why that file reports an error.
Status CrawlRun::CheckKilledRuns() {
  auto starts = state_->StartsOfKilledRuns(run_id_);
  if (!starts.ok()) return starts.status();
  if (starts->empty()) return Status::Ok();
  std::string since = FileStamp(starts->front());
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.warc_dir(), error)) {
    std::string name = entry.path().filename().string();
    // claimdex-YYYYMMDDhhmmss-NNNNN.warc.gz
    if (name.size() > 23 && name.compare(0, 9, "claimdex-") == 0 && name.substr(9, 14) >= since)
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    auto reader = WarcReader::Open(file);
    if (!reader.ok()) continue;
    WarcRecord record;
    uint64_t offset = 0;
    while (reader.value()->Next(&record, &offset)) {
    }
    for (const std::string& problem : reader.value()->errors()) {
      Warn(problem + " (left by a crawl that was killed; skipped, new records go to a new file)");
    }
  }
  return Status::Ok();
}

}  // namespace claimdex
