// A small news site on 127.0.0.1 (cpp-httplib on an ephemeral port) for the crawler's
// integration tests, plus helpers to read back what a crawl stored.
#ifndef CLAIMDEX_TESTS_CRAWLER_TEST_SITE_H_
#define CLAIMDEX_TESTS_CRAWLER_TEST_SITE_H_

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "corpus/profile.h"
#include "corpus/warc.h"

namespace claimdex::testing {

class TestSite {
 public:
  using Clock = std::chrono::steady_clock;

  explicit TestSite(std::string address = "127.0.0.1") : address_(std::move(address)) {
    server_.set_logger([this](const httplib::Request& req, const httplib::Response&) {
      std::lock_guard<std::mutex> lock(mutex_);
      hits_[req.path].push_back(Clock::now());
    });
  }
  ~TestSite() { Stop(); }

  httplib::Server& server() { return server_; }

  void Start() {
    port_ = server_.bind_to_any_port(address_);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void Stop() {
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  std::string base() const { return "http://" + host_port(); }
  std::string host_port() const { return address_ + ":" + std::to_string(port_); }

  int Hits(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = hits_.find(path);
    return it == hits_.end() ? 0 : static_cast<int>(it->second.size());
  }
  int TotalHits() {
    std::lock_guard<std::mutex> lock(mutex_);
    int total = 0;
    for (const auto& [path, times] : hits_) total += static_cast<int>(times.size());
    return total;
  }
  std::vector<Clock::time_point> HitTimes(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    return hits_[path];
  }

 private:
  std::string address_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::map<std::string, std::vector<Clock::time_point>> hits_;
};

// A bare TCP server on 127.0.0.1 for answers no HTTP library will give: resets, lies about
// Content-Length, stalls. `answer(path, fd)` writes raw bytes to the connection; the connection
// is then closed (or reset, when answer returns true). One connection at a time.
class RawServer {
 public:
  using Answer = std::function<bool(const std::string& path, int fd)>;
  explicit RawServer(Answer answer) : answer_(std::move(answer)) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    listen(listener_, 16);
    thread_ = std::thread([this] { Serve(); });
  }
  ~RawServer() {
    stopping_ = true;
    shutdown(listener_, SHUT_RDWR);
    close(listener_);
    thread_.join();
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int Hits(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    return hits_[path];
  }

 private:
  void Serve() {
    while (!stopping_) {
      int fd = accept(listener_, nullptr, nullptr);
      if (fd < 0) return;
      std::string request;
      char buffer[4096];
      while (request.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        request.append(buffer, static_cast<size_t>(n));
      }
      size_t start = request.find(' ') + 1;
      std::string path = request.substr(start, request.find(' ', start) - start);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        ++hits_[path];
      }
      if (answer_(path, fd)) {
        linger reset{1, 0};  // close with RST
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
      }
      close(fd);
    }
  }

  Answer answer_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::map<std::string, int> hits_;
};

inline void SendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "claimdex-crawler-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code error;
    std::filesystem::remove_all(path_, error);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline Profile LoopbackProfile(const std::string& base) {
  Profile profile;
  profile.name = "crawler-test";
  profile.seeds = {base + "/"};
  profile.politeness.user_agent = "claimdex-test/0.1 (+http://example.invalid/)";
  profile.politeness.delay_seconds = 0.01;
  profile.politeness.concurrency = 4;
  profile.politeness.allow_loopback = true;
  profile.politeness.max_pages = 100;
  profile.politeness.max_depth = 3;
  return profile;
}

struct StoredRecord {
  WarcRecord record;
  std::string file;
  uint64_t offset = 0;
};

// Every record of every WARC file in `warc_dir`, in file-name then offset order.
inline std::vector<StoredRecord> ReadAllRecords(const std::string& warc_dir) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(warc_dir, error)) {
    if (entry.path().string().find(".warc.gz") != std::string::npos)
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<StoredRecord> records;
  for (const std::string& file : files) {
    auto reader = WarcReader::Open(file);
    if (!reader.ok()) continue;
    StoredRecord stored;
    while (reader.value()->Next(&stored.record, &stored.offset)) {
      stored.file = file;
      records.push_back(stored);
    }
  }
  return records;
}

}  // namespace claimdex::testing

#endif  // CLAIMDEX_TESTS_CRAWLER_TEST_SITE_H_
