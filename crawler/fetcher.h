// HTTP transfers for the crawler: libcurl multi, several transfers in parallel on the calling
// thread. The Fetcher does no politeness of its own (the crawl loop decides what to start and
// when); it guarantees what every transfer looks like:
//  - redirects are not followed (the crawler records each hop and queues the Location);
//  - HTTP/2 where a TLS server offers it (ALPN), else HTTP/1.1; http and https only; no proxy
//    (the SSRF guard checks the real peer);
//  - connect timeout 10 s, total 30 s, and a transfer slower than 1 KB/s for 15 s is cut;
//  - connections and DNS answers are cached in the multi handle and reused across transfers;
//    the pool keeps one idle connection per active host (SetPoolSize);
//  - Accept-Encoding offered by curl; the body handed back is decoded;
//  - the body is cut at max_body_bytes (the result says truncated);
//  - SSRF guard: a connection to a loopback, private, link-local, CGNAT, multicast or
//    unspecified address is refused before it is made (loopback allowed when allow_loopback).
//
// Thread-safety: one thread at a time.
#ifndef CLAIMDEX_CRAWLER_FETCHER_H_
#define CLAIMDEX_CRAWLER_FETCHER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "corpus/status.h"

namespace claimdex {

struct FetcherOptions {
  std::string user_agent;
  bool allow_loopback = false;
  long connect_timeout_ms = 10'000;
  long total_timeout_ms = 30'000;
  long low_speed_bytes_per_second = 1000;  // with low_speed_seconds: cut a stalled transfer
  long low_speed_seconds = 15;
  long dns_cache_seconds = 300;
  size_t max_body_bytes = size_t{10} << 20;
};

struct FetchRequest {
  uint64_t id = 0;  // chosen by the caller, handed back in the result
  std::string url;
  std::string if_none_match;      // sent as If-None-Match when not empty
  std::string if_modified_since;  // sent as If-Modified-Since when not empty
  // The crawl expects nothing more of this server: close the connection when the transfer
  // ends instead of keeping it idle in the cache (and a server thread waiting on it).
  bool close_connection = false;
};

struct FetchResult {
  uint64_t id = 0;
  std::string url;
  bool responded = false;     // an HTTP response was received (any status)
  std::string error;          // when !responded: "connection refused", "timed out", ...
  bool ssrf_refused = false;  // the guard refused the peer address
  int status = 0;
  std::string status_line;                                   // "HTTP/1.1 200 OK"
  std::vector<std::pair<std::string, std::string>> headers;  // as received, in order
  std::string body;                                          // decoded
  bool truncated = false;    // body cut at max_body_bytes (or the transfer ended early)
  std::string ip;            // peer address
  std::string request_head;  // the request line and headers exactly as sent

  std::string Header(const std::string& name) const;  // case-insensitive, "" when absent
};

// True when the guard refuses `ip` (a numeric IPv4 or IPv6 address).
bool IsForbiddenAddress(const std::string& ip, bool allow_loopback);

class Fetcher {
 public:
  static Result<std::unique_ptr<Fetcher>> Create(FetcherOptions options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Starts a transfer. A setup failure comes back as a failed FetchResult from Poll().
  void Start(const FetchRequest& request);
  // Drives the transfers for up to `timeout_ms` and returns the ones that finished.
  std::vector<FetchResult> Poll(int timeout_ms);
  size_t active() const;
  // Sizes the connection cache (CURLMOPT_MAXCONNECTS): the crawl loop passes the number of hosts
  // it is working on, so each keeps its connection between two polite requests.
  void SetPoolSize(size_t connections);

 private:
  class Impl;
  explicit Fetcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_FETCHER_H_
