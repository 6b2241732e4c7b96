// URL canonicalisation and resolution for the crawler, on top of libcurl's URL API (curl_url).
//
// The canonical form is what the frontier, the fetch history and the CDXJ index key on, so two
// spellings of one page must map to one string: scheme and host lower-cased, default port
// dropped, dot segments removed, fragment dropped, tracking parameters (utm_*, fbclid, gclid)
// removed, an empty path written as "/". Only http and https URLs are accepted.
//
// Thread-safety: all functions are reentrant.
#ifndef CLAIMDEX_CRAWLER_URL_H_
#define CLAIMDEX_CRAWLER_URL_H_

#include <memory>
#include <string>
#include <string_view>

#include "corpus/status.h"

namespace claimdex {

// Canonical form of an absolute http(s) URL. Leading and trailing ASCII whitespace is ignored.
// kInvalidInput naming the URL when it is not absolute, not http(s), or has no host.
Result<std::string> CanonicalizeUrl(std::string_view url);

// Resolves `href` (absolute or relative, as found in a page, feed or Location header) against
// the absolute URL `base` and canonicalises the result. kInvalidInput when the result is not a
// valid http(s) URL (mailto:, javascript:, data:, a malformed href, ...).
Result<std::string> ResolveUrl(std::string_view base, std::string_view href);

// ResolveUrl for many references against one base (the links of a page): the base is parsed
// once. A base that does not parse makes every Resolve fail. Not thread-safe per object.
class UrlResolver {
 public:
  explicit UrlResolver(std::string_view base);
  ~UrlResolver();
  UrlResolver(const UrlResolver&) = delete;
  UrlResolver& operator=(const UrlResolver&) = delete;
  // As ResolveUrl(base, href).
  Result<std::string> Resolve(std::string_view href) const;
  // False when the base did not parse (every Resolve then fails).
  bool ok() const;

 private:
  std::string base_;
  struct Parsed;
  std::unique_ptr<Parsed> parsed_;
};

// The lower-cased host of an absolute URL ("" when it cannot be parsed). IPv6 hosts keep
// their brackets ("[::1]").
std::string UrlHost(std::string_view url);

// The authority without user info: "host" or "host:port" for a non-default port. The crawler's
// politeness key (one robots.txt, one delay, one transfer at a time per authority).
std::string UrlHostPort(std::string_view url);

// "scheme://host[:port]" of an absolute URL ("" when it cannot be parsed).
std::string UrlOrigin(std::string_view url);

// Path and query of an absolute URL ("/a/b?x=1"), the part robots.txt rules match against.
// "/" when it cannot be parsed.
std::string UrlPathAndQuery(std::string_view url);

// The registered domain of `host` per the Public Suffix List (libpsl's built-in list):
// "news.bbc.co.uk" -> "bbc.co.uk". IP addresses, "localhost" and hosts the list has no answer
// for are returned unchanged (lower-cased).
std::string RegisteredDomain(std::string_view host);

// True when lower-cased `host` equals `pattern` or is a subdomain of it ("www.a.com" matches
// "a.com"). Used for allow_hosts / deny_hosts.
bool HostMatches(std::string_view host, std::string_view pattern);

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_URL_H_
