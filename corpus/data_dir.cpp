#include "corpus/data_dir.h"
#include "corpus/posix_io.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace claimdex {

Status WriteAll(int fd, const std::string& data, const std::string& path) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(path + ": write failed: " + std::strerror(errno));
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

namespace {

constexpr const char* kSubdirs[] = {"warc", "cdx", "docs"};

std::string ErrnoMessage(const std::string& path, int err) {
  if (err == EACCES || err == EPERM) return path + ": permission denied";
  return path + ": " + std::strerror(err);
}

Status MakeDir(const std::string& path) {
  if (::mkdir(path.c_str(), 0755) == 0 || errno == EEXIST) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return Status::IoError(ErrnoMessage(path, errno));
    if (!S_ISDIR(st.st_mode)) return Status::InvalidInput(path + ": not a directory");
    return Status::Ok();
  }
  if (errno == EACCES || errno == EPERM) return Status::InvalidInput(ErrnoMessage(path, errno));
  return Status::IoError(ErrnoMessage(path, errno));
}

// mkdir -p, so that --data a/b/c works on a fresh machine.
Status MakeDirs(const std::string& path) {
  for (size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    CLAIMDEX_RETURN_IF_ERROR(MakeDir(path.substr(0, slash)));
  }
  return MakeDir(path);
}

std::string StripTrailingSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The rename is only durable once the directory entry is on disk too.
void SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string DataDir::Resolve(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("CLAIMDEX_DATA");
  if (env != nullptr && *env != '\0') return env;
  return "./claimdex-data";
}

Result<DataDir> DataDir::Open(const std::string& root_arg, bool create) {
  const std::string root = StripTrailingSlashes(root_arg);
  if (root.empty()) return Status::InvalidInput("empty data directory path");
  struct stat st;
  if (::stat(root.c_str(), &st) != 0) {
    if (errno != ENOENT) return Status::InvalidInput(ErrnoMessage(root, errno));
    if (!create) {
      return Status::NotFound(root +
                              ": no claimdex data directory here (run 'claimdex crawl' or "
                              "'claimdex demo' first)");
    }
  } else if (!S_ISDIR(st.st_mode)) {
    return Status::InvalidInput(root + ": not a directory");
  }
  const int needed = create ? (R_OK | W_OK | X_OK) : (R_OK | X_OK);
  if (create) {
    // The user named a directory that cannot be made: bad input (exit 2), not a runtime fault.
    Status made = MakeDirs(root);
    if (!made.ok()) return Status::InvalidInput("cannot create data directory: " + made.message());
  }
  if (::access(root.c_str(), needed) != 0) return Status::InvalidInput(ErrnoMessage(root, errno));
  DataDir dir(root);
  if (!create) return dir;
  for (const char* sub : kSubdirs) CLAIMDEX_RETURN_IF_ERROR(MakeDir(root + "/" + sub));
  if (::access(dir.profile_path().c_str(), F_OK) != 0) {
    CLAIMDEX_RETURN_IF_ERROR(WriteFileAtomic(dir.profile_path(), DefaultProfileToml()));
  }
  return dir;
}

Result<Profile> DataDir::LoadProfile() const { return claimdex::LoadProfile(profile_path()); }

Result<std::unique_ptr<DataLock>> DataLock::Acquire(const DataDir& dir) {
  const std::string path = dir.lock_path();
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(ErrnoMessage(path, errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    std::string holder(32, '\0');
    ssize_t n = ::pread(fd, holder.data(), holder.size(), 0);
    ::close(fd);
    if (err != EWOULDBLOCK) return Status::IoError(path + ": flock failed: " + std::strerror(err));
    holder.resize(n > 0 ? static_cast<size_t>(n) : 0);
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\0')) holder.pop_back();
    return Status::Busy(dir.root() + " is in use by another claimdex process (pid " +
                        (holder.empty() ? std::string("unknown") : holder) + ")");
  }
  // The pid is only a hint for the message above; the flock is what excludes.
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0) (void)::pwrite(fd, pid.data(), pid.size(), 0);
  return std::unique_ptr<DataLock>(new DataLock(fd));
}

DataLock::~DataLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

Status WriteFileAtomic(const std::string& path, const std::string& data) {
  static std::atomic<unsigned> counter{0};
  const std::string tmp =
      path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  // Errors name `path`, the file the caller asked for; the temporary name means nothing to them.
  if (fd < 0) return Status::IoError(ErrnoMessage(path, errno));
  Status st = WriteAll(fd, data, path);
  if (st.ok() && ::fsync(fd) != 0)
    st = Status::IoError(path + ": fsync failed: " + std::strerror(errno));
  if (::close(fd) != 0 && st.ok())
    st = Status::IoError(path + ": close failed: " + std::strerror(errno));
  if (st.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) {
    st = Status::IoError(path + ": rename failed: " + std::strerror(errno));
  }
  if (!st.ok()) {
    ::unlink(tmp.c_str());
    return st;
  }
  SyncDir(DirName(path));
  return Status::Ok();
}

Result<std::string> ReadFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IoError(ErrnoMessage(path, errno));
  }
  std::string data;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return Status::IoError(path + ": read failed: " + std::strerror(err));
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return data;
}

}  // namespace claimdex
