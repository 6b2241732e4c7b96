// Runs the built claimdex binary in a child process and captures its output and exit code.
#ifndef CLAIMDEX_TESTS_E2E_RUN_BINARY_H_
#define CLAIMDEX_TESTS_E2E_RUN_BINARY_H_

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace claimdex::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `CLAIMDEX_BINARY args` through the shell (args are shell words the caller quoted).
inline RunResult RunClaimdex(const std::string& args, const std::string& scratch) {
  std::string out = scratch + "/stdout.txt", err = scratch + "/stderr.txt";
  std::string cmd = std::string("'") + CLAIMDEX_BINARY + "' " + args + " >'" + out + "' 2>'" + err + "' </dev/null";
  int rc = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + WTERMSIG(rc);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

inline std::string MakeTempDir(const std::string& tag) {
  std::string pattern = (std::filesystem::temp_directory_path() / ("claimdex-" + tag + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  return pattern;
}

inline size_t CountLines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace claimdex::testing

#endif  // CLAIMDEX_TESTS_E2E_RUN_BINARY_H_
