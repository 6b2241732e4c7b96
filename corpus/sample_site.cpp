#include "corpus/sample_site.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <nlohmann/json.hpp>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include "corpus/embedded.h"
#include "corpus/profile.h"

namespace claimdex {
namespace {

constexpr std::string_view kManifestPath = "sample/site.json";
constexpr char kFallbackAddress[] = "127.0.0.1";
constexpr char kNotFoundBody[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404 Not Found</title></head>"
    "<body><h1>Not Found</h1><p>Sample data for the claimdex demo \xe2\x80\x94 not a real news "
    "site.</p></body></html>\n";

struct Outlet {
  std::string key;
  std::string address;
  std::string http_charset;  // empty: the HTTP header names no charset (the page's meta decides)
};

struct Redirect {
  std::string outlet;
  std::string from;
  std::string to;
  int status = 301;
};

struct Manifest {
  std::vector<Outlet> outlets;
  std::vector<Redirect> redirects;
  std::map<std::string, std::string> content_types;  // ".html" -> "text/html"
  std::vector<std::string> feeds;                    // "outlet:/path"
  std::vector<std::string> sitemaps;
};

// The manifest is our own file: any deviation is a build defect, reported precisely.
Result<Manifest> LoadManifest() {
  std::string_view text = EmbeddedFileContent(kManifestPath);
  if (text.empty()) return Status::Runtime(std::string(kManifestPath) + ": not embedded");
  try {
    const auto json = nlohmann::json::parse(text);
    Manifest m;
    for (const auto& o : json.at("outlets")) {
      m.outlets.push_back({o.at("key").get<std::string>(), o.at("address").get<std::string>(),
                           o.value("http_charset", std::string())});
    }
    for (const auto& r : json.at("redirects")) {
      m.redirects.push_back({r.at("outlet").get<std::string>(), r.at("from").get<std::string>(),
                             r.at("to").get<std::string>(), r.value("status", 301)});
    }
    m.content_types = json.at("content_types").get<std::map<std::string, std::string>>();
    m.feeds = json.at("feeds").get<std::vector<std::string>>();
    m.sitemaps = json.at("sitemaps").get<std::vector<std::string>>();
    if (m.outlets.empty()) return Status::Runtime(std::string(kManifestPath) + ": no outlets");
    return m;
  } catch (const nlohmann::json::exception& e) {
    return Status::Runtime(std::string(kManifestPath) + ": " + e.what());
  }
}

// Replaces each "{{base:KEY}}" whose KEY is known; leaves unknown placeholders alone. Works on
// bytes, so windows-1252 pages pass through untouched (the placeholders are ASCII).
std::string SubstituteBases(std::string_view body,
                            const std::map<std::string, std::string>& bases) {
  static constexpr std::string_view kOpen = "{{base:";
  std::string out;
  out.reserve(body.size());
  size_t pos = 0;
  while (true) {
    const size_t start = body.find(kOpen, pos);
    if (start == std::string_view::npos) break;
    const size_t close = body.find("}}", start + kOpen.size());
    if (close == std::string_view::npos) break;
    const std::string key(body.substr(start + kOpen.size(), close - start - kOpen.size()));
    const auto it = bases.find(key);
    out.append(body.substr(pos, start - pos));
    if (it != bases.end()) {
      out.append(it->second);
    } else {
      out.append(body.substr(start, close + 2 - start));
    }
    pos = close + 2;
  }
  out.append(body.substr(pos));
  return out;
}

// "outlet:/path" -> base + "/path"; empty when the outlet is unknown.
std::string ResolveOutletUrl(const std::string& spec,
                             const std::map<std::string, std::string>& bases) {
  const size_t colon = spec.find(':');
  if (colon == std::string::npos) return {};
  const auto it = bases.find(spec.substr(0, colon));
  return it == bases.end() ? std::string() : it->second + spec.substr(colon + 1);
}

std::string Extension(std::string_view path) {
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return std::string(path.substr(dot));
}

// The embedded file that serves `url_path` of `outlet`: exact file, directory index, or a clean
// URL ("/briefs/x" -> "briefs/x.html"). Empty when there is none.
std::string ResolveFile(const std::string& outlet, const std::string& url_path) {
  if (url_path.empty() || url_path[0] != '/' || url_path.find("..") != std::string::npos) return {};
  const std::string root = "sample/" + outlet;
  std::vector<std::string> candidates;
  if (url_path.back() == '/') {
    candidates.push_back(root + url_path + "index.html");
  } else {
    candidates.push_back(root + url_path);
    if (Extension(url_path).empty()) {
      candidates.push_back(root + url_path + ".html");
      candidates.push_back(root + url_path + "/index.html");
    }
  }
  for (const auto& c : candidates) {
    if (!EmbeddedFileContent(c).empty()) return c;
  }
  return {};
}

// True when a socket can be bound to `address` (some systems only route 127.0.0.1).
bool CanBind(const std::string& address) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  if (inet_pton(AF_INET, address.c_str(), &addr.sin_addr) != 1) return false;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  const bool ok = ::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) == 0;
  ::close(fd);
  return ok;
}

// Replaces the value of the first line "key = ..." in the [politeness] table, or adds the key
// right under the table header when the line is missing.
std::string SetPolitenessKey(std::string toml, const std::string& key, const std::string& value) {
  const std::string header = "[politeness]";
  const size_t section = toml.find(header);
  if (section == std::string::npos) return toml + "\n" + header + "\n" + key + " = " + value + "\n";
  size_t line = toml.find('\n', section);
  while (line != std::string::npos && line + 1 < toml.size() && toml[line + 1] != '[') {
    const size_t begin = line + 1;
    const size_t end = toml.find('\n', begin);
    const std::string_view text = std::string_view(toml).substr(
        begin, end == std::string::npos ? std::string::npos : end - begin);
    if (text.substr(0, key.size()) == key && text.find('=') != std::string_view::npos &&
        text.find_first_not_of(' ', key.size()) == text.find('=')) {
      toml.replace(begin, text.size(), key + " = " + value);
      return toml;
    }
    line = end;
  }
  const size_t after_header = toml.find('\n', section);
  toml.insert(after_header == std::string::npos ? toml.size() : after_header + 1,
              key + " = " + value + "\n");
  return toml;
}

}  // namespace

class SampleSite::Impl {
 public:
  explicit Impl(Manifest manifest) : manifest_(std::move(manifest)) {}
  ~Impl() { Stop(); }

  Status Start() {
    bool all_bindable = true;
    for (const auto& o : manifest_.outlets) all_bindable = all_bindable && CanBind(o.address);
    for (const auto& o : manifest_.outlets) {
      const std::string address = all_bindable ? o.address : kFallbackAddress;
      auto server = std::make_unique<httplib::Server>();
      const int port = server->bind_to_any_port(address);
      if (port <= 0)
        return Status::Runtime("sample site: cannot bind " + address + " for outlet " + o.key);
      bases_[o.key] = "http://" + address + ":" + std::to_string(port);
      servers_.push_back(std::move(server));
    }
    // Handlers are installed after every outlet is bound, so each can substitute every base.
    for (size_t i = 0; i < servers_.size(); ++i) {
      const Outlet outlet = manifest_.outlets[i];
      servers_[i]->Get(R"(/.*)",
                       [this, outlet](const httplib::Request& req, httplib::Response& res) {
                         Serve(outlet, req.path, res);
                       });
    }
    try {
      for (auto& server : servers_) {
        finished_.push_back(std::make_unique<std::atomic<bool>>(false));
        threads_.emplace_back([s = server.get(), done = finished_.back().get()] {
          s->listen_after_bind();
          done->store(true);
        });
      }
    } catch (const std::system_error& e) {
      return Status::Runtime(std::string("sample site: cannot start a server thread: ") + e.what());
    }
    return Status::Ok();
  }

  void Stop() {
    for (size_t i = 0; i < threads_.size(); ++i) {
      // httplib's stop() is a no-op until the accept loop runs, so wait for the loop to start
      // (or for the thread to have given up already) before stopping it.
      while (!servers_[i]->is_running() && !finished_[i]->load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      servers_[i]->stop();
    }
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
    threads_.clear();
  }

  const std::map<std::string, std::string>& bases() const { return bases_; }
  const Manifest& manifest() const { return manifest_; }
  size_t requests_served() const { return requests_.load(); }

 private:
  void Serve(const Outlet& outlet, const std::string& path, httplib::Response& res) {
    requests_.fetch_add(1);
    for (const auto& r : manifest_.redirects) {
      if (r.outlet == outlet.key && r.from == path) {
        res.status = r.status;
        res.set_header("Location", bases_.at(outlet.key) + r.to);
        res.set_content("Moved\n", "text/plain");
        return;
      }
    }
    const std::string file = ResolveFile(outlet.key, path);
    if (file.empty()) {
      res.status = 404;
      res.set_content(kNotFoundBody, "text/html; charset=utf-8");
      return;
    }
    res.status = 200;
    res.set_content(SubstituteBases(EmbeddedFileContent(file), bases_), ContentType(outlet, file));
  }

  std::string ContentType(const Outlet& outlet, const std::string& file) const {
    const auto it = manifest_.content_types.find(Extension(file));
    std::string type =
        it == manifest_.content_types.end() ? "application/octet-stream" : it->second;
    if (type == "text/html" && !outlet.http_charset.empty())
      type += "; charset=" + outlet.http_charset;
    return type;
  }

  const Manifest manifest_;
  std::map<std::string, std::string> bases_;  // written in Start(), read-only while serving
  std::vector<std::unique_ptr<httplib::Server>> servers_;
  std::vector<std::thread> threads_;
  std::vector<std::unique_ptr<std::atomic<bool>>> finished_;  // one per thread: loop returned
  std::atomic<size_t> requests_{0};
};

Result<std::unique_ptr<SampleSite>> SampleSite::Start() {
  auto manifest = LoadManifest();
  if (!manifest.ok()) return manifest.status();
  auto impl = std::make_unique<Impl>(std::move(manifest).value());
  CLAIMDEX_RETURN_IF_ERROR(impl->Start());
  return std::unique_ptr<SampleSite>(new SampleSite(std::move(impl)));
}

SampleSite::SampleSite(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SampleSite::~SampleSite() = default;

const std::map<std::string, std::string>& SampleSite::bases() const { return impl_->bases(); }

std::vector<std::string> SampleSite::Seeds() const {
  std::vector<std::string> seeds;
  for (const auto& o : impl_->manifest().outlets) seeds.push_back(impl_->bases().at(o.key) + "/");
  return seeds;
}

std::vector<std::string> SampleSite::Feeds() const {
  std::vector<std::string> urls;
  for (const auto& f : impl_->manifest().feeds) urls.push_back(ResolveOutletUrl(f, impl_->bases()));
  return urls;
}

std::vector<std::string> SampleSite::Sitemaps() const {
  std::vector<std::string> urls;
  for (const auto& s : impl_->manifest().sitemaps)
    urls.push_back(ResolveOutletUrl(s, impl_->bases()));
  return urls;
}

std::string SampleSite::ProfileToml() const {
  std::string toml = SubstituteBases(DefaultProfileToml(), impl_->bases());
  toml = SetPolitenessKey(std::move(toml), "allow_loopback", "true");
  return SetPolitenessKey(std::move(toml), "delay", "0.05");
}

size_t SampleSite::requests_served() const { return impl_->requests_served(); }

}  // namespace claimdex
