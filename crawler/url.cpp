#include "crawler/url.h"

#include <curl/curl.h>
#include <libpsl.h>
#include <unicode/uidna.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>

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

// Where the authority ("user@host:port") of a URL or network-path reference lies, as
// [begin, end); begin == end when there is none.
std::pair<size_t, size_t> AuthoritySpan(std::string_view text) {
  size_t start = 0;
  size_t colon = text.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      std::isalpha(static_cast<unsigned char>(text[0])) &&
      std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      })) {
    start = colon + 1;
  }
  if (text.substr(start, 2) != "//") return {0, 0};
  start += 2;
  size_t end = text.find_first_of("/?#\\", start);
  if (end == std::string_view::npos) end = text.size();
  return {start, end};
}

// Links in the wild carry raw spaces and UTF-8; libcurl rejects both, so they are
// percent-encoded first — except UTF-8 in the host, which libcurl turns into punycode
// (CURLU_PUNYCODE) and which must reach it as written. Embedded tabs and newlines are dropped,
// as browsers do.
std::string EscapeForCurl(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  auto [host_begin, host_end] = AuthoritySpan(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    bool in_host = i >= host_begin && i < host_end;
    if ((c >= 0x80 && !in_host) || c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' ||
        c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

struct UidnaDeleter {
  void operator()(UIDNA* idna) const { uidna_close(idna); }
};

// UTS #46 (IDNA2008 with the browser mappings), nontransitional like current browsers: the
// ASCII (punycode) form of a host, "" when it is not a valid domain name. libcurl's own
// CURLU_PUNYCODE goes through libidn2's locale-dependent entry point and fails in the "C"
// locale a crawler runs under, so ICU does it from UTF-8 directly.
std::string HostToAscii(const std::string& host) {
  bool ascii = std::all_of(host.begin(), host.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return ToLowerAscii(host);
  static const std::unique_ptr<UIDNA, UidnaDeleter> idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    UIDNA* handle = uidna_openUTS46(
        UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ, &status);
    return std::unique_ptr<UIDNA, UidnaDeleter>(U_SUCCESS(status) ? handle : nullptr);
  }();
  if (idna == nullptr) return "";
  char out[256];
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  int32_t length =
      uidna_nameToASCII_UTF8(idna.get(), host.data(), static_cast<int32_t>(host.size()), out,
                             static_cast<int32_t>(sizeof out), &info, &status);
  if (U_FAILURE(status) || info.errors != 0 || length <= 0) return "";
  return ToLowerAscii(std::string_view(out, static_cast<size_t>(length)));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 §6.2.2: "%7e" and "~" are one URL, so escapes of unreserved characters are
// decoded. (libcurl writes the hex digits of the remaining escapes in lower case itself.)
std::string NormalizePercentEncoding(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    int high = i + 2 < text.size() && text[i] == '%' ? HexValue(text[i + 1]) : -1;
    int low = high >= 0 ? HexValue(text[i + 2]) : -1;
    if (low < 0) {
      out += text[i];
      continue;
    }
    char decoded = static_cast<char>(high * 16 + low);
    if (std::isalnum(static_cast<unsigned char>(decoded)) || decoded == '-' || decoded == '.' ||
        decoded == '_' || decoded == '~') {
      out += decoded;
    } else {
      out += '%';
      out += kHex[high];
      out += kHex[low];
    }
    i += 2;
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
  // Scheme and host are set back only when they change: each curl_url_set copies and
  // re-validates, and most links have them in canonical form already.
  std::string raw_scheme = GetPart(url, CURLUPART_SCHEME);
  std::string scheme = ToLowerAscii(raw_scheme);
  if (scheme != "http" && scheme != "https") return invalid("not an http(s) URL");
  std::string raw_host = GetPart(url, CURLUPART_HOST);
  if (raw_host.empty()) return invalid("no host");
  // Internationalised names become their ASCII (punycode) form, the one DNS, robots.txt
  // matching and the SURT key all use.
  std::string host = HostToAscii(raw_host);
  if (host.empty()) return invalid("host is not a valid internationalised domain name");
  if (scheme != raw_scheme) curl_url_set(url, CURLUPART_SCHEME, scheme.c_str(), 0);
  if (host != raw_host) curl_url_set(url, CURLUPART_HOST, host.c_str(), 0);
  char* port = nullptr;
  if (curl_url_get(url, CURLUPART_PORT, &port, CURLU_NO_DEFAULT_PORT) == CURLUE_NO_PORT) {
    curl_url_set(url, CURLUPART_PORT, nullptr, 0);
  }
  curl_free(port);
  curl_url_set(url, CURLUPART_FRAGMENT, nullptr, 0);
  // Path and query are always set back: that is where libcurl lower-cases percent escapes.
  std::string path = NormalizePercentEncoding(GetPart(url, CURLUPART_PATH));
  curl_url_set(url, CURLUPART_PATH, path.c_str(), 0);
  std::string query = GetPart(url, CURLUPART_QUERY);
  std::string filtered = NormalizePercentEncoding(FilterQuery(query));
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
  return UrlResolver(base).Resolve(href);
}

struct UrlResolver::Parsed {
  CurlUrl handle;
  CURLUcode code = CURLUE_OK;
};

UrlResolver::UrlResolver(std::string_view base) : base_(base), parsed_(std::make_unique<Parsed>()) {
  parsed_->handle = ParseAbsolute(base, &parsed_->code);
}

UrlResolver::~UrlResolver() = default;

bool UrlResolver::ok() const { return parsed_->code == CURLUE_OK; }

Result<std::string> UrlResolver::Resolve(std::string_view href) const {
  if (parsed_->code != CURLUE_OK) {
    return Status::InvalidInput(base_ + ": " + curl_url_strerror(parsed_->code));
  }
  CurlUrl handle(curl_url_dup(parsed_->handle.get()));
  if (handle == nullptr)
    return Status::Runtime("libcurl: out of memory resolving " + std::string(href));
  std::string escaped = EscapeForCurl(TrimAscii(href));
  // A fragment-only reference names the base document itself (libcurl 7.88 resolves it
  // against the base's directory instead).
  if (escaped.empty() || escaped.front() == '#') return Normalize(handle.get(), base_);
  // With a base already set, libcurl resolves a relative reference against it (RFC 3986 §5).
  CURLUcode code = curl_url_set(handle.get(), CURLUPART_URL, escaped.c_str(), 0);
  if (code != CURLUE_OK) {
    return Status::InvalidInput(std::string(href) + ": " + curl_url_strerror(code));
  }
  return Normalize(handle.get(), href);
}

std::string UrlHost(std::string_view url) {
  CURLUcode code;
  CurlUrl handle = ParseAbsolute(url, &code);
  if (code != CURLUE_OK) return "";
  return HostToAscii(GetPart(handle.get(), CURLUPART_HOST));
}

std::string UrlHostPort(std::string_view url) {
  CURLUcode code;
  CurlUrl handle = ParseAbsolute(url, &code);
  if (code != CURLUE_OK) return "";
  std::string host = HostToAscii(GetPart(handle.get(), CURLUPART_HOST));
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
