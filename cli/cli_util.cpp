#include "cli/cli_util.h"

#include <csignal>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

namespace claimdex::cli {

std::atomic<bool>& StopFlag() {
  static std::atomic<bool> stop{false};
  return stop;
}

namespace {
extern "C" void OnStopSignal(int sig) {
  if (StopFlag().load()) {  // second interrupt: the user insists
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  StopFlag().store(true);
}
}  // namespace

void InstallStopHandlers() {
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
}

int Fail(const Status& status) {
  std::fflush(stdout);
  std::fprintf(stderr, "claimdex: %s\n", status.message().c_str());
  return status.ExitCode();
}

Result<DataDir> OpenData(const std::string& flag, bool create) {
  return DataDir::Open(DataDir::Resolve(flag), create);
}

Result<Profile> LoadProfileFor(const DataDir& dir, const std::string& profile_flag) {
  if (!profile_flag.empty()) return LoadProfile(profile_flag);
  return dir.LoadProfile();
}

Result<std::chrono::seconds> ParseDuration(const std::string& flag, const std::string& text) {
  long long total = 0;
  long long number = -1;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      number = (number < 0 ? 0 : number) * 10 + (c - '0');
      if (number > 10'000'000) break;
      continue;
    }
    long long unit = c == 's' ? 1 : c == 'm' ? 60 : c == 'h' ? 3600 : c == 'd' ? 86400 : 0;
    if (unit == 0 || number < 0) { total = -1; break; }
    total += number * unit;
    number = -1;
  }
  if (total <= 0 || number >= 0) {
    return Status::InvalidInput(
        fmt::format("{} '{}': not a duration (use e.g. 45s, 30m, 1h, 2h30m)", flag, text));
  }
  return std::chrono::seconds(total);
}

bool IsTerminal(FILE* f) { return isatty(fileno(f)) == 1; }

Progress::Progress(std::string stage, double interval_seconds)
    : stage_(std::move(stage)), interval_(interval_seconds), tty_(IsTerminal(stderr)) {}

void Progress::Update(const std::string& line) {
  auto now = std::chrono::steady_clock::now();
  if (tty_) {
    std::fprintf(stderr, "\r\033[K%s: %s", stage_.c_str(), line.c_str());
    std::fflush(stderr);
    dirty_ = true;
    return;
  }
  if (last_ != std::chrono::steady_clock::time_point{} &&
      std::chrono::duration<double>(now - last_).count() < interval_) {
    return;
  }
  last_ = now;
  std::fprintf(stderr, "%s: %s\n", stage_.c_str(), line.c_str());
}

void Progress::Done(const std::string& line) {
  if (tty_ && dirty_) std::fprintf(stderr, "\r\033[K");
  std::fprintf(stderr, "%s: %s\n", stage_.c_str(), line.c_str());
  dirty_ = false;
}

bool SleepUnlessStopped(std::chrono::seconds seconds) {
  auto until = std::chrono::steady_clock::now() + seconds;
  while (std::chrono::steady_clock::now() < until) {
    if (StopFlag().load()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return !StopFlag().load();
}

}  // namespace claimdex::cli
