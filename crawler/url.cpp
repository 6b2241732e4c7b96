#include "crawler/url.h"

#include <curl/curl.h>
#include <libpsl.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace claimdex {
namespace {

struct CurlUrlDeleter {
  void operator()(CURLU* handle) const { curl_url_cleanup(handle); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

struct CurlStringDeleter {
  void operator()(char* text) const { curl_free(text); }
};
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimAscii(std::string_view text) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Links in the wild carry raw spaces and UTF-8; libcurl rejects both, so they are
// percent-encoded first. Embedded tabs and newlines are dropped, as browsers do.
std::string EscapeForCurl(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' ||
        c == '}' || c == '|' || c == '\\' || c == '^') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

std::string GetPart(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK || raw == nullptr) return "";
  CurlString owned(raw);
  return std::string(raw);
}

bool IsTrackingParam(std::string_view param) {
  std::string key = ToLowerAscii(param.substr(0, param.find('=')));
  return key.rfind("utm_", 0) == 0 || key == "fbclid" || key == "gclid";
}

std::string FilterQuery(std::string_view query) {
  std::string out;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view param = query.substr(start, end - start);
    if (!param.empty() && !IsTrackingParam(param)) {
      if (!out.empty()) out += '&';
      out += param;
    }
    start = end + 1;
  }
  return out;
}

// Applies the normalisations libcurl does not do itself to an already parsed URL.
Result<std::string> Normalize(CURLU* url, std::string_view original) {
  auto invalid = [&](const char* why) {
    return Status::InvalidInput(std::string(original) + ": " + why);
  };
  std::string scheme = ToLowerAscii(GetPart(url, CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") return invalid("not an http(s) URL");
  std::string host = ToLowerAscii(GetPart(url, CURLUPART_HOST));
  if (host.empty()) return invalid("no host");
  curl_url_set(url, CURLUPART_SCHEME, scheme.c_str(), 0);
  curl_url_set(url, CURLUPART_HOST, host.c_str(), 0);
  char* port = nullptr;
  if (curl_url_get(url, CURLUPART_PORT, &port, CURLU_NO_DEFAULT_PORT) == CURLUE_NO_PORT) {
    curl_url_set(url, CURLUPART_PORT, nullptr, 0);
  }
  curl_free(port);
  curl_url_set(url, CURLUPART_FRAGMENT, nullptr, 0);
  std::string query = GetPart(url, CURLUPART_QUERY);
  std::string filtered = FilterQuery(query);
  curl_url_set(url, CURLUPART_QUERY, filtered.empty() ? nullptr : filtered.c_str(), 0);
  std::string result = GetPart(url, CURLUPART_URL);
  if (result.empty()) return invalid("cannot be written back as a URL");
  return result;
}

CurlUrl ParseAbsolute(std::string_view url, CURLUcode* code) {
  CurlUrl handle(curl_url());
  std::string escaped = EscapeForCurl(TrimAscii(url));
  *code = curl_url_set(handle.get(), CURLUPART_URL, escaped.c_str(), 0);
  return handle;
}

}  // namespace

Result<std::string> CanonicalizeUrl(std::string_view url) {
  CURLUcode code;
  CurlUrl handle = ParseAbsolute(url, &code);
  if (code != CURLUE_OK) {
    return Status::InvalidInput(std::string(url) + ": " + curl_url_strerror(code));
  }
  return Normalize(handle.get(), url);
}

Result<std::string> ResolveUrl(std::string_view base, std::string_view href) {
  CURLUcode code;
  CurlUrl handle = ParseAbsolute(base, &code);
  if (code != CURLUE_OK) {
    return Status::InvalidInput(std::string(base) + ": " + curl_url_strerror(code));
  }
  std::string escaped = EscapeForCurl(TrimAscii(href));
  // A fragment-only reference names the base document itself (libcurl 7.88 resolves it
  // against the base's directory instead).
  if (escaped.empty() || escaped.front() == '#') return Normalize(handle.get(), base);
  // With a base already set, libcurl resolves a relative reference against it (RFC 3986 §5).
  code = curl_url_set(handle.get(), CURLUPART_URL, escaped.c_str(), 0);
  if (code != CURLUE_OK) {
    return Status::InvalidInput(std::string(href) + ": " + curl_url_strerror(code));
  }
  return Normalize(handle.get(), href);
}

std::string UrlHost(std::string_view url) {
  CURLUcode code;
  CurlUrl handle = ParseAbsolute(url, &code);
  if (code != CURLUE_OK) return "";
  return ToLowerAscii(GetPart(handle.get(), CURLUPART_HOST));
}

std::string UrlHostPort(std::string_view url) {
  CURLUcode code;
  CurlUrl handle = ParseAbsolute(url, &code);
  if (code != CURLUE_OK) return "";
  std::string host = ToLowerAscii(GetPart(handle.get(), CURLUPART_HOST));
  std::string port = GetPart(handle.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  return port.empty() ? host : host + ":" + port;
}

std::string UrlOrigin(std::string_view url) {
  CURLUcode code;
  CurlUrl handle = ParseAbsolute(url, &code);
  if (code != CURLUE_OK) return "";
  std::string scheme = ToLowerAscii(GetPart(handle.get(), CURLUPART_SCHEME));
  return scheme + "://" + UrlHostPort(url);
}

std::string UrlPathAndQuery(std::string_view url) {
  CURLUcode code;
  CurlUrl handle = ParseAbsolute(url, &code);
  if (code != CURLUE_OK) return "/";
  std::string path = GetPart(handle.get(), CURLUPART_PATH);
  if (path.empty()) path.push_back('/');
  std::string query = GetPart(handle.get(), CURLUPART_QUERY);
  return query.empty() ? path : path + "?" + query;
}

std::string RegisteredDomain(std::string_view host) {
  std::string lower = ToLowerAscii(host);
  if (lower.empty() || lower.front() == '[') return lower;
  bool numeric = std::all_of(lower.begin(), lower.end(),
                             [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  if (numeric) return lower;
  const char* domain = psl_registrable_domain(psl_builtin(), lower.c_str());
  return domain != nullptr ? std::string(domain) : lower;
}

bool HostMatches(std::string_view host, std::string_view pattern) {
  std::string h = ToLowerAscii(host);
  std::string p = ToLowerAscii(TrimAscii(pattern));
  if (p.empty()) return false;
  if (h == p) return true;
  return h.size() > p.size() && h.compare(h.size() - p.size(), p.size(), p) == 0 &&
         h[h.size() - p.size() - 1] == '.';
}

}  // namespace claimdex
