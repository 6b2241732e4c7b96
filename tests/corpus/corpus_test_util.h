// Helpers shared by the corpus tests: a temporary directory removed at the end of the test.
#ifndef CLAIMDEX_TESTS_CORPUS_CORPUS_TEST_UTIL_H_
#define CLAIMDEX_TESTS_CORPUS_CORPUS_TEST_UTIL_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace claimdex::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "claimdex-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void Spit(const std::string& path, const std::string& data,
                 std::ios::openmode mode = std::ios::binary | std::ios::trunc) {
  std::ofstream out(path, mode);
  out << data;
}

}  // namespace claimdex::testing

#endif  // CLAIMDEX_TESTS_CORPUS_CORPUS_TEST_UTIL_H_
