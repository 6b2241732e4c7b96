#include "crawler/crawler.h"

#include <filesystem>

#include "crawler/crawl_run.h"
#include "crawler/state.h"

namespace claimdex {

Result<CrawlReport> Crawl(const DataDir& dir, const Profile& profile, const CrawlOptions& options) {
  auto lock = DataLock::Acquire(dir);
  if (!lock.ok()) return lock.status();
  CrawlRun run(dir, profile, options);
  return run.Run();
}

Result<std::vector<HostHealth>> ReadHostHealth(const DataDir& dir) {
  std::error_code error;
  if (!std::filesystem::exists(dir.state_path(), error)) return std::vector<HostHealth>{};
  auto state = CrawlState::Open(dir.state_path());
  if (!state.ok()) return state.status();
  return state.value()->ReadHealth();
}

}  // namespace claimdex
