#include "crawler/fetcher.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <strings.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <mutex>

namespace claimdex {
namespace {

bool ForbiddenV4(const unsigned char* a, bool allow_loopback) {
  if (a[0] == 127) return !allow_loopback;
  return a[0] == 0 || a[0] == 10 || (a[0] == 100 && (a[1] & 0xC0) == 64) ||
         (a[0] == 169 && a[1] == 254) || (a[0] == 172 && (a[1] & 0xF0) == 16) ||
         (a[0] == 192 && a[1] == 168) || (a[0] == 192 && a[1] == 0 && a[2] == 0) ||
         (a[0] == 198 && (a[1] & 0xFE) == 18) || a[0] >= 224;
}

bool ForbiddenV6(const unsigned char* a, bool allow_loopback) {
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  if (std::equal(kMapped, kMapped + 12, a)) return ForbiddenV4(a + 12, allow_loopback);
  bool zero_prefix = std::all_of(a, a + 15, [](unsigned char b) { return b == 0; });
  if (zero_prefix && a[15] == 1) return !allow_loopback;  // ::1
  if (zero_prefix && a[15] == 0) return true;             // ::
  return (a[0] & 0xFE) == 0xFC || (a[0] == 0xFE && (a[1] & 0xC0) == 0x80) || a[0] == 0xFF;
}

std::string AddressText(const struct sockaddr* addr) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(addr)->sin_addr, text, sizeof text);
  } else if (addr->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(addr)->sin6_addr, text, sizeof text);
  }
  return text;
}

std::string_view TrimLine(std::string_view text) {
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

// One transfer: the easy handle and everything its callbacks write into.
struct Transfer {
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  Transfer() = default;
  ~Transfer() {
    if (easy != nullptr) curl_easy_cleanup(easy);
    curl_slist_free_all(request_headers);
  }
  CURL* easy = nullptr;
  curl_slist* request_headers = nullptr;
  FetchResult result;
  size_t max_body = 0;
  size_t expected_body = 0;  // Content-Length of the final response, 0 when unknown
  bool allow_loopback = false;
  std::string refused_ip;
  char error_buffer[CURL_ERROR_SIZE] = "";
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  size_t bytes = size * count;
  std::string& body = transfer->result.body;
  // One allocation for the whole body instead of a doubling series of copies (a page is often
  // larger than the allocator's mmap threshold, where each regrowth costs page faults too).
  if (body.empty() && transfer->expected_body > 0)
    body.reserve(std::min(transfer->expected_body, transfer->max_body));
  size_t room = transfer->max_body - std::min(transfer->max_body, body.size());
  if (bytes > room) {
    body.append(data, room);
    transfer->result.truncated = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR; what arrived is kept
  }
  body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  size_t bytes = size * count;
  std::string_view line = TrimLine(std::string_view(data, bytes));
  FetchResult& result = transfer->result;
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after 1xx): start over
    result.status_line = std::string(line);
    result.headers.clear();
    transfer->expected_body = 0;
  } else if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    result.headers.emplace_back(std::string(TrimLine(line.substr(0, colon))),
                                std::string(TrimLine(line.substr(colon + 1))));
    if (strcasecmp(result.headers.back().first.c_str(), "Content-Length") == 0)
      transfer->expected_body = std::strtoull(result.headers.back().second.c_str(), nullptr, 10);
  }
  return bytes;
}

int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT)
    static_cast<Transfer*>(user)->result.request_head.append(data, size);
  return 0;
}

curl_socket_t OnOpenSocket(void* user, curlsocktype, struct curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(user);
  std::string ip = AddressText(&address->addr);
  if (ip.empty() || IsForbiddenAddress(ip, transfer->allow_loopback)) {
    transfer->refused_ip = ip.empty() ? "an unknown address family" : ip;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

std::string LowerAscii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A short, stable description of a transport failure for warnings and host health.
std::string DescribeError(CURLcode code, long os_errno, const Transfer& transfer) {
  if (!transfer.refused_ip.empty()) {
    return "refused by the SSRF guard (" + transfer.refused_ip +
           " is a loopback or private address; set politeness.allow_loopback for 127.0.0.1)";
  }
  std::string detail = LowerAscii(transfer.error_buffer);
  if (code == CURLE_COULDNT_CONNECT && os_errno == ECONNREFUSED) return "connection refused";
  if (code == CURLE_OPERATION_TIMEDOUT) return "timed out";
  if (code == CURLE_COULDNT_RESOLVE_HOST) return "could not resolve host";
  std::string message = LowerAscii(curl_easy_strerror(code));
  if (!detail.empty()) message += " (" + detail + ")";
  return message;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

std::string FetchResult::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
  }
  return "";
}

bool IsForbiddenAddress(const std::string& ip, bool allow_loopback) {
  unsigned char bytes[16];
  if (inet_pton(AF_INET, ip.c_str(), bytes) == 1) return ForbiddenV4(bytes, allow_loopback);
  if (inet_pton(AF_INET6, ip.c_str(), bytes) == 1) return ForbiddenV6(bytes, allow_loopback);
  return true;  // not an address we can judge: refuse
}

class Fetcher::Impl {
 public:
  Impl(FetcherOptions options, CURLM* multi) : options_(std::move(options)), multi_(multi) {}
  ~Impl() {
    for (auto& [easy, transfer] : transfers_) curl_multi_remove_handle(multi_, easy);
    transfers_.clear();
    curl_multi_cleanup(multi_);
  }

  void Start(const FetchRequest& request) {
    auto transfer = std::make_unique<Transfer>();
    transfer->result.id = request.id;
    transfer->result.url = request.url;
    transfer->max_body = options_.max_body_bytes;
    transfer->allow_loopback = options_.allow_loopback;
    transfer->easy = curl_easy_init();
    if (transfer->easy == nullptr || !Configure(request, transfer.get()) ||
        curl_multi_add_handle(multi_, transfer->easy) != CURLM_OK) {
      transfer->result.error = "could not set up the transfer";
      failed_.push_back(std::move(transfer->result));
      return;
    }
    CURL* easy = transfer->easy;
    transfers_[easy] = std::move(transfer);
  }

  std::vector<FetchResult> Poll(int timeout_ms) {
    std::vector<FetchResult> done = std::move(failed_);
    failed_.clear();
    int running = 0;
    curl_multi_perform(multi_, &running);
    Collect(&done);
    if (done.empty()) {
      // With nothing to wait on, curl_multi_poll still sleeps the timeout: the loop's pacing.
      curl_multi_poll(multi_, nullptr, 0, timeout_ms, nullptr);
      curl_multi_perform(multi_, &running);
      Collect(&done);
    }
    return done;
  }

  size_t active() const { return transfers_.size(); }

  void SetPoolSize(size_t connections) {
    long size = static_cast<long>(std::clamp<size_t>(connections, 4, 10'000));
    if (size != pool_size_) curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, size);
    pool_size_ = size;
  }

 private:
  void Collect(std::vector<FetchResult>* done) {
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_, &left)) {
      if (message->msg == CURLMSG_DONE)
        done->push_back(Finish(message->easy_handle, message->data.result));
    }
  }

  bool Configure(const FetchRequest& request, Transfer* transfer) {
    CURL* easy = transfer->easy;
    bool ok = true;
    auto set = [&](CURLcode code) { ok = ok && code == CURLE_OK; };
    set(curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str()));
    set(curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer));
    set(curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https"));
    set(curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L));
    set(curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS)));
    set(curl_easy_setopt(easy, CURLOPT_PROXY, ""));
    set(curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L));
    set(curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms));
    set(curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, options_.total_timeout_ms));
    set(curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes_per_second));
    set(curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, options_.low_speed_seconds));
    set(curl_easy_setopt(easy, CURLOPT_DNS_CACHE_TIMEOUT, options_.dns_cache_seconds));
    set(curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""));
    set(curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.user_agent.c_str()));
    set(curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error_buffer));
    set(curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, OnBody));
    set(curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer));
    set(curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader));
    set(curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer));
    set(curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, OnDebug));
    set(curl_easy_setopt(easy, CURLOPT_DEBUGDATA, transfer));
    set(curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L));  // needed for the request head
    set(curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, OnOpenSocket));
    set(curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, transfer));
    if (request.close_connection) set(curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L));
    if (!request.if_none_match.empty()) {
      transfer->request_headers = curl_slist_append(
          transfer->request_headers, ("If-None-Match: " + request.if_none_match).c_str());
    }
    if (!request.if_modified_since.empty()) {
      transfer->request_headers = curl_slist_append(
          transfer->request_headers, ("If-Modified-Since: " + request.if_modified_since).c_str());
    }
    if (transfer->request_headers != nullptr) {
      set(curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->request_headers));
    }
    return ok;
  }

  FetchResult Finish(CURL* easy, CURLcode code) {
    auto it = transfers_.find(easy);
    curl_multi_remove_handle(multi_, easy);
    std::unique_ptr<Transfer> transfer = std::move(it->second);
    transfers_.erase(it);
    FetchResult result = std::move(transfer->result);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    char* ip = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr)
      result.ip = ip;
    result.status = static_cast<int>(status);
    // A cut body (our cap, or the peer closing early) still leaves a response worth keeping.
    bool got_response = status > 0 && !result.status_line.empty();
    result.responded =
        got_response && (code == CURLE_OK || result.truncated || code == CURLE_PARTIAL_FILE ||
                         code == CURLE_OPERATION_TIMEDOUT);
    if (got_response && code != CURLE_OK) result.truncated = true;
    if (!result.responded) {
      long os_errno = 0;
      curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &os_errno);
      result.error = DescribeError(code, os_errno, *transfer);
      result.ssrf_refused = !transfer->refused_ip.empty();
    }
    return result;
  }

  FetcherOptions options_;
  CURLM* multi_;
  std::map<CURL*, std::unique_ptr<Transfer>> transfers_;
  std::vector<FetchResult> failed_;
  long pool_size_ = 0;
};

Result<std::unique_ptr<Fetcher>> Fetcher::Create(FetcherOptions options) {
  GlobalInit();
  CURLM* multi = curl_multi_init();
  if (multi == nullptr) return Status::Runtime("libcurl: cannot create a multi handle");
  return std::unique_ptr<Fetcher>(new Fetcher(std::make_unique<Impl>(std::move(options), multi)));
}

Fetcher::Fetcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Fetcher::~Fetcher() = default;
void Fetcher::Start(const FetchRequest& request) { impl_->Start(request); }
std::vector<FetchResult> Fetcher::Poll(int timeout_ms) { return impl_->Poll(timeout_ms); }
size_t Fetcher::active() const { return impl_->active(); }
void Fetcher::SetPoolSize(size_t connections) { impl_->SetPoolSize(connections); }

}  // namespace claimdex
