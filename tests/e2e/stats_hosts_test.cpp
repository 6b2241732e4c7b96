// `claimdex stats` reports each host's crawl health from a real state.sqlite: parked hosts,
// and hosts that asked for a pause (Retry-After) still running at the time of the report.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "corpus/data_dir.h"
#include "crawler/state.h"
#include "tests/e2e/run_binary.h"

namespace claimdex {
namespace {

double UnixNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string LineOf(const std::string& text, const std::string& host) {
  size_t at = text.find(host);
  if (at == std::string::npos) return "";
  return text.substr(at, text.find('\n', at) - at);
}

TEST(StatsHosts, ShowsParkedHostsAndPausesStillRunning) {
  std::string scratch = ::testing::TempDir() + "/stats_hosts";
  std::filesystem::remove_all(scratch);
  std::filesystem::create_directories(scratch);
  Result<DataDir> dir = DataDir::Open(scratch + "/data", true);
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  {
    Result<std::unique_ptr<CrawlState>> state = CrawlState::Open(dir->state_path());
    ASSERT_TRUE(state.ok()) << state.status().message();
    const std::string now = "2026-11-22T10:00:00Z";
    ASSERT_TRUE((*state)->UpdateHost("slow.example", true, false, UnixNow() + 3600, now).ok());
    ASSERT_TRUE((*state)->UpdateHost("broken.example", true, true, 0, now).ok());
    ASSERT_TRUE((*state)->UpdateHost("fine.example", false, false, UnixNow() - 60, now).ok());
  }
  testing::RunResult r = testing::RunClaimdex("--data '" + scratch + "/data' stats", scratch);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(LineOf(r.out, "slow.example").find("wait until 20"), std::string::npos) << r.out;
  EXPECT_NE(LineOf(r.out, "broken.example").find("PARKED"), std::string::npos) << r.out;
  std::string fine = LineOf(r.out, "fine.example");
  EXPECT_EQ(fine.find("wait until"), std::string::npos) << r.out;
  EXPECT_NE(fine.find(" ok"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace claimdex
