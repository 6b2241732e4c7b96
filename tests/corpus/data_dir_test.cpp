#include "corpus/data_dir.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "corpus/profile.h"
#include "tests/corpus/corpus_test_util.h"

namespace claimdex {
namespace {

using testing::Slurp;
using testing::Spit;
using testing::TempDir;

// Runs `fn` in a child process and returns its exit code. As root the child drops to
// "nobody" first, so permission checks mean something there too.
template <typename Fn>
int InChild(Fn fn, bool unprivileged) {
  pid_t pid = fork();
  if (pid == 0) {
    if (unprivileged && geteuid() == 0 && setuid(65534) != 0) _exit(99);
    _exit(fn());
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(DataDir, ResolvePrefersFlagThenEnvironmentThenDefault) {
  const char* saved = getenv("CLAIMDEX_DATA");
  std::string saved_value = saved ? saved : "";
  setenv("CLAIMDEX_DATA", "/from/env", 1);
  EXPECT_EQ(DataDir::Resolve("/from/flag"), "/from/flag");
  EXPECT_EQ(DataDir::Resolve(""), "/from/env");
  unsetenv("CLAIMDEX_DATA");
  EXPECT_EQ(DataDir::Resolve(""), "./claimdex-data");
  if (saved) setenv("CLAIMDEX_DATA", saved_value.c_str(), 1);
}

TEST(DataDir, CreateMakesLayoutAndWritesDefaultProfile) {
  TempDir tmp;
  const std::string root = tmp.Sub("a/b/data");
  Result<DataDir> dir = DataDir::Open(root + "/", /*create=*/true);
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  EXPECT_EQ(dir->root(), root);
  for (const std::string& sub : {dir->warc_dir(), dir->cdx_dir(), dir->docs_dir()}) {
    EXPECT_TRUE(std::filesystem::is_directory(sub)) << sub;
  }
  EXPECT_EQ(Slurp(dir->profile_path()), DefaultProfileToml());
  EXPECT_EQ(dir->state_path(), root + "/state.sqlite");
  EXPECT_EQ(dir->xapian_dir(), root + "/xapian");
}

TEST(DataDir, ReopeningKeepsAnEditedProfile) {
  TempDir tmp;
  ASSERT_TRUE(DataDir::Open(tmp.Sub("d"), true).ok());
  Spit(tmp.Sub("d/claimdex.toml"), "name = \"mine\"\n");
  Result<DataDir> again = DataDir::Open(tmp.Sub("d"), true);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Slurp(again->profile_path()), "name = \"mine\"\n");
  Result<Profile> profile = again->LoadProfile();
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile->name, "mine");
}

TEST(DataDir, LoadProfileErrorNamesFileAndLine) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.Sub("d"), true);
  ASSERT_TRUE(dir.ok());
  Spit(dir->profile_path(), "name = \"x\"\n[crawl]\nmax_pages = \"ten\"\n");
  Result<Profile> profile = dir->LoadProfile();
  ASSERT_FALSE(profile.ok());
  EXPECT_EQ(
      profile.status().message(),
      dir->profile_path() + " line 3: crawl.max_pages: expected an integer >= 1, got \"ten\"");
}

TEST(DataDir, OpenMissingWithoutCreateIsNotFound) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.Sub("missing"), /*create=*/false);
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(
      dir.status().message().rfind(tmp.Sub("missing") + ": no claimdex data directory here", 0), 0u)
      << dir.status().message();
  EXPECT_FALSE(std::filesystem::exists(tmp.Sub("missing")));
}

TEST(DataDir, OpenExistingWithoutCreateSucceeds) {
  TempDir tmp;
  ASSERT_TRUE(DataDir::Open(tmp.Sub("d"), true).ok());
  EXPECT_TRUE(DataDir::Open(tmp.Sub("d"), false).ok());
}

TEST(DataDir, AFileIsNotADirectory) {
  TempDir tmp;
  Spit(tmp.Sub("file"), "x");
  for (bool create : {true, false}) {
    Result<DataDir> dir = DataDir::Open(tmp.Sub("file"), create);
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(dir.status().message(), tmp.Sub("file") + ": not a directory");
  }
}

TEST(DataDir, UnwritableDirectoryIsPermissionDenied) {
  TempDir tmp;
  const std::string root = tmp.Sub("ro");
  ASSERT_EQ(mkdir(root.c_str(), 0555), 0);
  // The child (unprivileged) must be able to reach the temp dir itself.
  chmod(tmp.path().c_str(), 0755);
  const int code = InChild(
      [&] {
        Result<DataDir> dir = DataDir::Open(root, /*create=*/true);
        if (dir.ok()) return 1;
        if (dir.status().code() != Status::Code::kInvalidInput) return 2;
        return dir.status().message() == root + ": permission denied" ? 0 : 3;
      },
      /*unprivileged=*/true);
  EXPECT_EQ(code, 0);
}

TEST(DataLock, SecondAcquireInAnotherProcessIsBusy) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.Sub("d"), true);
  ASSERT_TRUE(dir.ok());
  auto lock = DataLock::Acquire(*dir);
  ASSERT_TRUE(lock.ok()) << lock.status().message();
  const std::string expected =
      dir->root() + " is in use by another claimdex process (pid " + std::to_string(getpid()) + ")";
  const int code = InChild(
      [&] {
        auto second = DataLock::Acquire(*dir);
        if (second.ok()) return 1;
        if (second.status().code() != Status::Code::kBusy) return 2;
        return second.status().message() == expected ? 0 : 3;
      },
      /*unprivileged=*/false);
  EXPECT_EQ(code, 0);
}

TEST(DataLock, IsReleasedWhenDestroyed) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.Sub("d"), true);
  ASSERT_TRUE(dir.ok());
  { ASSERT_TRUE(DataLock::Acquire(*dir).ok()); }
  const int code = InChild([&] { return DataLock::Acquire(*dir).ok() ? 0 : 1; }, false);
  EXPECT_EQ(code, 0);
}

TEST(DataLock, IsReleasedWhenTheHolderDies) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.Sub("d"), true);
  ASSERT_TRUE(dir.ok());
  // The child takes the lock and exits without any cleanup.
  ASSERT_EQ(InChild([&] { return DataLock::Acquire(*dir).ok() ? 0 : 1; }, false), 0);
  EXPECT_TRUE(DataLock::Acquire(*dir).ok());
}

TEST(WriteFileAtomic, ReplacesContentAndLeavesNoTempFiles) {
  TempDir tmp;
  const std::string path = tmp.Sub("f.txt");
  ASSERT_TRUE(WriteFileAtomic(path, "first").ok());
  ASSERT_TRUE(WriteFileAtomic(path, std::string("second\0bytes", 12)).ok());
  EXPECT_EQ(Slurp(path), std::string("second\0bytes", 12));
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path())) {
    ++files;
    EXPECT_EQ(e.path().filename(), "f.txt");
  }
  EXPECT_EQ(files, 1u);
}

TEST(WriteFileAtomic, MissingFolderIsIoErrorNamingThePath) {
  TempDir tmp;
  Status st = WriteFileAtomic(tmp.Sub("no/such/f.txt"), "x");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kIoError);
  EXPECT_NE(st.message().find(tmp.Sub("no/such/f.txt")), std::string::npos) << st.message();
}

TEST(ReadFile, ReadsWholeFileAndReportsMissingOne) {
  TempDir tmp;
  std::string big(200000, 'q');
  Spit(tmp.Sub("big"), big);
  Result<std::string> r = ReadFile(tmp.Sub("big"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, big);
  Result<std::string> missing = ReadFile(tmp.Sub("none"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(missing.status().message(), tmp.Sub("none") + ": no such file");
}

}  // namespace
}  // namespace claimdex
