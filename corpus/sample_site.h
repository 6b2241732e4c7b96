// SampleSite: the bundled offline news web (corpus/sample/), served on loopback for the demo
// and the tests. Each outlet is served by its own HTTP server on its own loopback address
// (127.0.0.1, 127.0.0.2, ...), on an ephemeral port, so the crawler sees several hosts.
//
// The site's files are compiled into the binary. In them, "{{base:OUTLET}}" stands for the
// base URL of an outlet ("http://127.0.0.2:41234") and is substituted when served.
//
// Thread-safety: Start/Stop from one thread; the servers run on their own threads.
#ifndef CLAIMDEX_CORPUS_SAMPLE_SITE_H_
#define CLAIMDEX_CORPUS_SAMPLE_SITE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace claimdex {

class SampleSite {
 public:
  // Binds every outlet's server and starts serving. kRuntime if a socket cannot be bound.
  static Result<std::unique_ptr<SampleSite>> Start();
  ~SampleSite();  // stops the servers and joins their threads
  SampleSite(const SampleSite&) = delete;
  SampleSite& operator=(const SampleSite&) = delete;

  // Outlet key ("techwire") -> base URL without trailing slash.
  const std::map<std::string, std::string>& bases() const;
  // Start URLs for a crawl: each outlet's home page.
  std::vector<std::string> Seeds() const;
  // Feed and sitemap URLs of the site.
  std::vector<std::string> Feeds() const;
  std::vector<std::string> Sitemaps() const;
  // The default profile with seeds/feeds/sitemaps pointed at this running site and loopback
  // allowed: what the demo and the tests crawl with.
  std::string ProfileToml() const;
  // Number of requests served so far (all outlets).
  size_t requests_served() const;

 private:
  class Impl;
  explicit SampleSite(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimdex

#endif  // CLAIMDEX_CORPUS_SAMPLE_SITE_H_
