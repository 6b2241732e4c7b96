// claimdex: one binary, subcommands. Parsing and dispatch only; see commands.h.
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/cli_util.h"
#include "cli/commands.h"

namespace {

// The first word that is neither a global option (or its value) nor a known subcommand, if it
// comes before any subcommand: CLI11 only says "A subcommand is required" for it.
std::string UnknownCommand(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--data" || arg == "--profile") {
      ++i;
      continue;
    }
    if (!arg.empty() && arg[0] == '-') continue;
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == arg) return "";
    }
    return arg;
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace claimdex::cli;
  CLI::App app{
      "claimdex: crawl news on a watched topic, extract who said what and where they stand, "
      "and search it.\nData directory: --data DIR, else $CLAIMDEX_DATA, else ./claimdex-data."};
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--data", global.data, "Data directory (default $CLAIMDEX_DATA or ./claimdex-data)");
  app.add_option("--profile", global.profile,
                 "Watch profile TOML to use instead of the data directory's claimdex.toml");
  app.add_flag("-q,--quiet", global.quiet, "No progress lines on stderr");
  app.set_version_flag("--version", "claimdex 0.1.0");

  auto commands = MakeCommands();
  std::vector<std::pair<CLI::App*, Command*>> subs;
  for (auto& c : commands) subs.emplace_back(c->Register(app), c.get());

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string unknown = UnknownCommand(app, argc, argv);
    if (!unknown.empty()) {
      std::fprintf(stderr, "claimdex: unknown command '%s' (see 'claimdex --help')\n", unknown.c_str());
    } else {
      std::fprintf(stderr, "claimdex: %s (see 'claimdex --help')\n", e.what());
    }
    return 2;
  }
  try {
    for (auto& [sub, cmd] : subs) {
      if (sub->parsed()) return cmd->Run(global);
    }
  } catch (const std::exception& e) {  // a bug: still one line, never a stack trace
    std::fprintf(stderr, "claimdex: internal error: %s\n", e.what());
    return 1;
  }
  return 2;
}
