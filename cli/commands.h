// The subcommands. Each registers its flags on a CLI11 sub-app and runs after parsing;
// Run returns the process exit code (0 ok, 1 runtime failure, 2 usage or bad input).
#ifndef CLAIMDEX_CLI_COMMANDS_H_
#define CLAIMDEX_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "corpus/data_dir.h"
#include "corpus/profile.h"

namespace claimdex::cli {

struct GlobalOptions {
  std::string data;     // --data DIR
  std::string profile;  // --profile FILE
  bool quiet = false;   // --quiet: no progress lines
};

// The data directory named by the global flags and the profile in use there.
struct Workspace {
  DataDir dir;
  Profile profile;
};
Result<Workspace> OpenWorkspace(const GlobalOptions& global, bool create);

// One stage each, shared by crawl/extract/index, run and demo. Each prints its own progress
// and summary on stderr and returns a Status (kCancelled when interrupted).
struct StageFlags {
  std::vector<std::string> seeds;
  int max_pages = -1;
  std::string shard;  // "I/N"
  bool all = false;
  bool quiet = false;
};
Status CrawlStage(const DataDir& dir, const Profile& profile, const StageFlags& flags);
Status ExtractStage(const DataDir& dir, const Profile& profile, const StageFlags& flags,
                    const std::vector<std::string>& warc_files);
Status IndexStage(const DataDir& dir, const StageFlags& flags);

class Command {
 public:
  virtual ~Command() = default;
  virtual CLI::App* Register(CLI::App& app) = 0;
  virtual int Run(const GlobalOptions& global) = 0;
};

std::vector<std::unique_ptr<Command>> MakeCommands();

}  // namespace claimdex::cli

#endif  // CLAIMDEX_CLI_COMMANDS_H_
