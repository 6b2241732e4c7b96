// CDXJ index lines. The JSON part follows pywb's CDXJ (numbers written as strings), so the
// cdx/ folder can be handed to pywb or other replay tools as it is.
#include "corpus/cdxj.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <tuple>

namespace claimdex {
namespace {

using Json = nlohmann::ordered_json;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsIpv4(const std::string& host) {
  return !host.empty() && host.find_first_not_of("0123456789.") == std::string::npos;
}

// "www.example.com" -> "com,example"; IP addresses are not reversed (they have no labels).
std::string ReverseHost(std::string host) {
  if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
  if (IsIpv4(host) || host.find(':') != std::string::npos) return host;
  std::vector<std::string> labels;
  size_t pos = 0;
  for (size_t dot; (dot = host.find('.', pos)) != std::string::npos; pos = dot + 1) {
    labels.push_back(host.substr(pos, dot - pos));
  }
  labels.push_back(host.substr(pos));
  std::string out;
  for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
    if (!out.empty()) out += ',';
    out += *it;
  }
  return out;
}

// A number as a JSON string or a JSON number; pywb writes strings, other tools numbers.
uint64_t ReadNumber(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return 0;
  if (it->is_number_unsigned()) return it->get<uint64_t>();
  if (it->is_string()) {
    const std::string s = it->get<std::string>();
    if (!s.empty() && s.size() < 20 && s.find_first_not_of("0123456789") == std::string::npos) {
      return std::stoull(s);
    }
    if (s == "-") return 0;  // pywb's "no status" for revisits and metadata
  }
  throw std::invalid_argument(std::string("'") + key + "' is not a non-negative number");
}

std::string ReadText(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return "";
  if (!it->is_string()) throw std::invalid_argument(std::string("'") + key + "' is not a string");
  return it->get<std::string>();
}

}  // namespace

std::string SurtKey(const std::string& url) {
  size_t scheme_end = url.find("://");
  const std::string scheme =
      scheme_end == std::string::npos ? "" : Lower(url.substr(0, scheme_end));
  size_t host_start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  size_t path_start = url.find_first_of("/?#", host_start);
  if (path_start == std::string::npos) path_start = url.size();
  std::string authority = url.substr(host_start, path_start - host_start);
  size_t at = authority.rfind('@');
  if (at != std::string::npos) authority.erase(0, at + 1);  // user info is not part of the key
  std::string host = Lower(authority);
  std::string port;
  size_t colon = host.rfind(':');
  if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
    port = host.substr(colon + 1);
    host.erase(colon);
  }
  if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) port.clear();
  while (!host.empty() && host.back() == '.') host.pop_back();
  std::string rest = url.substr(path_start);
  rest = rest.substr(0, rest.find('#'));
  std::string key = ReverseHost(host);
  if (!port.empty()) key.append(1, ':').append(port);
  key += ')';
  if (rest.empty() || rest[0] != '/') key += '/';
  return key + Lower(rest);
}

std::string CdxLine(const CdxEntry& e) {
  Json j = {{"url", e.url},
            {"mime", e.mime},
            {"status", std::to_string(e.status)},
            {"digest", e.digest},
            {"length", std::to_string(e.length)},
            {"offset", std::to_string(e.offset)},
            {"filename", e.filename}};
  if (e.revisit) j["revisit"] = true;
  return e.surt + " " + e.timestamp + " " + j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<CdxEntry> ParseCdxLine(const std::string& line) {
  size_t first = line.find(' ');
  size_t second = first == std::string::npos ? first : line.find(' ', first + 1);
  if (second == std::string::npos) {
    return Status::InvalidInput("CDXJ line: expected 'SURT TIMESTAMP {json}'");
  }
  CdxEntry e;
  e.surt = line.substr(0, first);
  e.timestamp = line.substr(first + 1, second - first - 1);
  if (e.surt.empty() || e.timestamp.size() < 4 ||
      e.timestamp.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidInput("CDXJ line: bad SURT or timestamp \"" + e.timestamp + "\"");
  }
  try {
    const Json j = Json::parse(line.substr(second + 1));
    if (!j.is_object()) return Status::InvalidInput("CDXJ line: JSON part is not an object");
    e.url = ReadText(j, "url");
    e.digest = ReadText(j, "digest");
    e.filename = ReadText(j, "filename");
    e.mime = ReadText(j, "mime");
    e.offset = ReadNumber(j, "offset");
    e.length = ReadNumber(j, "length");
    e.status = static_cast<int>(std::min<uint64_t>(ReadNumber(j, "status"), 999));
    auto revisit = j.find("revisit");
    e.revisit = revisit != j.end() && revisit->is_boolean() && revisit->get<bool>();
  } catch (const nlohmann::json::exception& ex) {
    return Status::InvalidInput(std::string("CDXJ line: ") + ex.what());
  } catch (const std::invalid_argument& ex) {
    return Status::InvalidInput(std::string("CDXJ line: ") + ex.what());
  }
  if (e.url.empty() || e.filename.empty()) {
    return Status::InvalidInput("CDXJ line: missing 'url' or 'filename'");
  }
  return e;
}

Status AppendCdx(const std::string& path, const CdxEntry& entry) {
  // One write(2) of a whole line on an O_APPEND descriptor: lines never interleave, and a
  // crash leaves at most one torn line at the end, which readers skip.
  const std::string line = CdxLine(entry) + "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  ssize_t n;
  do {
    n = ::write(fd, line.data(), line.size());
  } while (n < 0 && errno == EINTR);
  const int err = errno;
  ::close(fd);
  if (n != static_cast<ssize_t>(line.size())) {
    return Status::IoError(path +
                           ": write failed: " + (n < 0 ? std::strerror(err) : "short write"));
  }
  return Status::Ok();
}

Result<std::vector<CdxEntry>> ReadCdxDir(const std::string& dir,
                                         std::vector<std::string>* warnings) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": no such directory");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".cdxj") files.push_back(entry.path().string());
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<CdxEntry> entries;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::IoError(file + ": cannot open");
    std::string line;
    for (size_t number = 1; std::getline(in, line); ++number) {
      if (line.empty()) continue;
      Result<CdxEntry> e = ParseCdxLine(line);
      if (e.ok()) {
        entries.push_back(std::move(*e));
      } else if (warnings != nullptr) {
        warnings->push_back(file + " line " + std::to_string(number) + ": " + e.status().message());
      }
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [](const CdxEntry& a, const CdxEntry& b) {
    return std::tie(a.surt, a.timestamp) < std::tie(b.surt, b.timestamp);
  });
  return entries;
}

}  // namespace claimdex
