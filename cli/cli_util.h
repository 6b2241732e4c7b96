// Helpers shared by the subcommands: the data directory, progress on stderr, signals,
// durations, errors. No pipeline logic lives in cli/.
#ifndef CLAIMDEX_CLI_CLI_UTIL_H_
#define CLAIMDEX_CLI_CLI_UTIL_H_

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>

#include "corpus/data_dir.h"
#include "corpus/profile.h"
#include "corpus/status.h"

namespace claimdex::cli {

// Set by SIGINT/SIGTERM once InstallStopHandlers() ran; a second SIGINT kills the process.
std::atomic<bool>& StopFlag();
void InstallStopHandlers();

// Prints "claimdex: <message>" on stderr and returns the status's exit code.
int Fail(const Status& status);

// Opens the data directory named by --data / $CLAIMDEX_DATA / ./claimdex-data.
Result<DataDir> OpenData(const std::string& flag, bool create);

// The profile in use: `profile_flag` if given, else the data directory's claimdex.toml.
Result<Profile> LoadProfileFor(const DataDir& dir, const std::string& profile_flag);

// "30m", "1h", "90s", "2h30m" -> seconds. kInvalidInput naming the flag on a bad value.
Result<std::chrono::seconds> ParseDuration(const std::string& flag, const std::string& text);

// True when `fd` is a terminal (progress as one live line, colour in search output).
bool IsTerminal(FILE* f);

// Progress on stderr: on a terminal one line rewritten in place; otherwise a plain line at
// most every `interval` (and always the final one from Done()).
class Progress {
 public:
  explicit Progress(std::string stage, double interval_seconds = 5.0);
  void Update(const std::string& line);
  void Done(const std::string& line);

 private:
  std::string stage_;
  double interval_;
  bool tty_;
  bool dirty_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// Sleeps up to `seconds`, waking early when the stop flag is set. False when stopped.
bool SleepUnlessStopped(std::chrono::seconds seconds);

}  // namespace claimdex::cli

#endif  // CLAIMDEX_CLI_CLI_UTIL_H_
