// DataDir: the on-disk layout of a claimdex data directory (DESIGN.md "Data directory").
//
//   claimdex.toml  warc/  cdx/  state.sqlite  docs/  xapian/  lock
//
// Thread-safety: a DataDir is an immutable set of paths; DataLock is owned by one thread.
#ifndef CLAIMDEX_CORPUS_DATA_DIR_H_
#define CLAIMDEX_CORPUS_DATA_DIR_H_

#include <memory>
#include <string>

#include "corpus/profile.h"
#include "corpus/status.h"

namespace claimdex {

class DataDir {
 public:
  // Resolves the directory: `flag` if non-empty, else $CLAIMDEX_DATA, else "./claimdex-data".
  static std::string Resolve(const std::string& flag);

  // Opens `root`, creating it (with parents) and its sub-folders warc/, cdx/ and docs/ when
  // `create` is true (xapian/ and state.sqlite are made by their writers). Writes the default
  // profile to claimdex.toml on first use. Errors (kInvalidInput) name the path: "DIR: not a
  // directory", "DIR: permission denied". With create=false a missing directory is kNotFound
  // ("DIR: no claimdex data directory here (run 'claimdex crawl' or 'claimdex demo' first)").
  static Result<DataDir> Open(const std::string& root, bool create);

  const std::string& root() const { return root_; }
  std::string profile_path() const { return root_ + "/claimdex.toml"; }
  std::string warc_dir() const { return root_ + "/warc"; }
  std::string cdx_dir() const { return root_ + "/cdx"; }
  std::string docs_dir() const { return root_ + "/docs"; }
  std::string xapian_dir() const { return root_ + "/xapian"; }
  std::string state_path() const { return root_ + "/state.sqlite"; }
  std::string lock_path() const { return root_ + "/lock"; }

  // Loads claimdex.toml (validated; errors name the key and line).
  Result<Profile> LoadProfile() const;

 private:
  explicit DataDir(std::string root) : root_(std::move(root)) {}
  std::string root_;
};

// An exclusive flock on DataDir::lock_path(), held for the object's lifetime. Any command that
// writes takes it. A second writer gets kBusy: "DIR is in use by another claimdex process
// (pid N)". The lock is released by the kernel if the process dies, so a crash never leaves a
// stale lock.
class DataLock {
 public:
  static Result<std::unique_ptr<DataLock>> Acquire(const DataDir& dir);
  ~DataLock();
  DataLock(const DataLock&) = delete;
  DataLock& operator=(const DataLock&) = delete;

 private:
  explicit DataLock(int fd) : fd_(fd) {}
  int fd_;
};

// Writes `data` to `path` atomically (temp file in the same folder, fsync, rename).
Status WriteFileAtomic(const std::string& path, const std::string& data);
// Reads a whole file; kNotFound / kIoError name the path.
Result<std::string> ReadFile(const std::string& path);

}  // namespace claimdex

#endif  // CLAIMDEX_CORPUS_DATA_DIR_H_
