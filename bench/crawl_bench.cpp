// crawl_bench: crawler throughput against the two costs no crawler can avoid, and the memory a
// large frontier costs.
//
//   crawl_bench [--hosts N] [--pages N] [--kb N] [--level N] [--threads N] [--dir DIR]
//               [--rounds N]
//   crawl_bench --frontier N [--hosts N]
//
// The first form serves a generated news site on loopback: N hosts (127.0.1.1, 127.0.1.2, ...,
// one cpp-httplib server each, all on one port), each with a robots.txt (404), an index page
// linking its pages, and --pages pages of about --kb KB of generated HTML — or, with --dir, the
// real pages in DIR (*.html and *.html.gz, gunzipped in memory, served in turn). It then times,
// in this
// order and on the same URLs:
//   (a) fetch    a bare libcurl multi loop, as many transfers in flight as there are hosts,
//                bodies counted and dropped;
//   (b) gzip     one gzip member per body at --level (the WARC writer's level, 6 =
//                Z_DEFAULT_COMPRESSION) on --threads threads (default: all cores), plus level 1
//                for comparison;
//   (c) crawl    claimdex's Crawl() into a temp data directory, no politeness delay, concurrency
//                = hosts: robots.txt, frontier, SQLite state, link discovery, WARC + CDXJ.
// and prints responses/s, MB/s and CPU seconds for each, and crawl / min(fetch, gzip). With
// --rounds N the three are run N times, interleaved, and the fastest round of each is kept: on
// a shared machine that is the figure least disturbed by other work.
//
// The second form measures memory: it inserts N URLs (spread over the hosts) into the frontier
// through CrawlState::AddUrl, then runs a crawl of 2,000 pages over that frontier against the
// loopback hosts, and prints the peak RSS (ru_maxrss) of the whole process, servers included.
//
// A timed program, not a Google Benchmark: one crawl is one measurement.
#include <curl/curl.h>
#include <httplib.h>
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "corpus/data_dir.h"
#include "corpus/profile.h"
#include "crawler/crawler.h"
#include "crawler/state.h"
#include "crawler/url.h"

namespace {

using claimdex::Crawl;
using claimdex::CrawlOptions;
using claimdex::DataDir;
using claimdex::Profile;

struct Options {
  int hosts = 100;
  int pages = 30;
  int kb = 100;
  int level = Z_DEFAULT_COMPRESSION;
  int threads = 0;
  long frontier = 0;
  std::string dir;
  int rounds = 1;
  bool crawl_only = false;  // --crawl-only 1: skip (a) and (b), for profiling the crawler
};

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Varied text in news-page markup: words drawn from a few thousand made-up ones with a skewed
// distribution, so it compresses about as well as real HTML (4-5x at level 6), not like noise
// or like one sentence repeated.
std::vector<std::string> MakeBodies(int count, int kb) {
  std::mt19937 random(42);
  std::vector<std::string> vocabulary;
  const char* syllables[] = {"ex",   "port", "chip", "con", "trol", "na", "tion", "al",  "se", "cu",
                             "ri",   "ty",   "mar",  "ket", "re",   "gu", "la",   "tor", "ai", "de",
                             "bate", "pol",  "i",    "cy",  "tech", "no", "lo",   "gy"};
  for (int i = 0; i < 3000; ++i) {
    std::string word;
    int parts = 1 + static_cast<int>(random() % 4);
    for (int p = 0; p < parts; ++p) word += syllables[random() % std::size(syllables)];
    vocabulary.push_back(word);
  }
  std::vector<std::string> bodies;
  for (int b = 0; b < count; ++b) {
    std::string html = "<!doctype html><html><head><title>Story " + std::to_string(b) +
                       "</title><meta charset='utf-8'></head><body><article>";
    while (html.size() < static_cast<size_t>(kb) * 1024) {
      html += "<p class=\"para\">";
      int words = 40 + static_cast<int>(random() % 80);
      for (int w = 0; w < words; ++w) {
        double u = std::generate_canonical<double, 32>(random);
        html += vocabulary[static_cast<size_t>(u * u * u * vocabulary.size())];
        html += w % 17 == 16 ? ". " : " ";
      }
      html += "</p>\n";
    }
    bodies.push_back(html + "</article></body></html>");
  }
  return bodies;
}

std::string Gunzip(const std::string& data) {
  z_stream zs{};
  inflateInit2(&zs, 16 + MAX_WBITS);
  std::string out;
  char buffer[65536];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - zs.avail_out);
  }
  inflateEnd(&zs);
  return out;
}

std::vector<std::string> LoadBodies(const std::string& dir) {
  std::vector<std::string> bodies;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    std::string name = path.filename().string();
    bool gz = name.size() > 8 && name.compare(name.size() - 8, 8, ".html.gz") == 0;
    bool html = name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0;
    if (!gz && !html) continue;
    std::ifstream in(path, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bodies.push_back(gz ? Gunzip(data) : data);
  }
  return bodies;
}

std::string HostAddress(int index) {
  return "127.0." + std::to_string(1 + index / 250) + "." + std::to_string(1 + index % 250);
}

// The generated site: one server per loopback address, all on one port.
class Site {
 public:
  Site(int hosts, int pages, const std::vector<std::string>* bodies)
      : pages_(pages), bodies_(bodies) {
    for (int h = 0; h < hosts; ++h) servers_.push_back(std::make_unique<httplib::Server>());
  }
  ~Site() {
    for (auto& server : servers_) server->stop();
    for (std::thread& thread : threads_) thread.join();
  }

  bool Start() {
    for (size_t h = 0; h < servers_.size(); ++h) {
      httplib::Server& server = *servers_[h];
      Configure(server, static_cast<int>(h));
      if (h == 0) {
        port_ = server.bind_to_any_port(HostAddress(0));
        if (port_ <= 0) return false;
      } else if (!server.bind_to_port(HostAddress(static_cast<int>(h)), port_)) {
        std::fprintf(stderr, "crawl_bench: cannot bind %s:%d\n", HostAddress(h).c_str(), port_);
        return false;
      }
      threads_.emplace_back([&server] { server.listen_after_bind(); });
    }
    for (auto& server : servers_) {
      while (!server->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
  }

  std::string Base(int host) const {
    return "http://" + HostAddress(host) + ":" + std::to_string(port_);
  }
  std::string Body(int host, int page) const {
    const std::string& body =
        (*bodies_)[static_cast<size_t>(host * pages_ + page) % bodies_->size()];
    return "<!-- " + std::to_string(host) + "/" + std::to_string(page) + " -->" + body;
  }
  std::string Index(int host) const {
    std::string html = "<html><body><h1>Index</h1>";
    for (int p = 0; p < pages_; ++p)
      html += "<a href='/p/" + std::to_string(p) + "'>story " + std::to_string(p) + "</a>\n";
    (void)host;
    return html + "</body></html>";
  }
  // Every URL a crawl of the site fetches, hosts interleaved.
  std::vector<std::string> Urls() const {
    std::vector<std::string> urls;
    for (int h = 0; h < static_cast<int>(servers_.size()); ++h)
      urls.push_back(Base(h) + "/robots.txt");
    for (int h = 0; h < static_cast<int>(servers_.size()); ++h) urls.push_back(Base(h) + "/");
    for (int p = 0; p < pages_; ++p) {
      for (int h = 0; h < static_cast<int>(servers_.size()); ++h)
        urls.push_back(Base(h) + "/p/" + std::to_string(p));
    }
    return urls;
  }

 private:
  // Debian's cpp-httplib compresses text answers with brotli at quality 11 whenever the client
  // offers it (curl offers everything it supports): ~100 ms of CPU per 100 KB page, which would
  // measure the server, not the crawler. So the site ignores Accept-Encoding and sends every
  // page as it is, to the bare loop and to the crawler alike.
  static constexpr char kPageType[] = "text/html; charset=utf-8";

  void Configure(httplib::Server& server, int host) {
    server.new_task_queue = [] { return new httplib::ThreadPool(4); };
    server.set_keep_alive_max_count(100000);
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
      const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.Get("/robots.txt",
               [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    server.Get("/", [this, host](const httplib::Request&, httplib::Response& res) {
      res.set_content(Index(host), kPageType);
    });
    server.Get(R"(/p/(\d+))", [this, host](const httplib::Request& req, httplib::Response& res) {
      res.set_content(Body(host, std::atoi(req.matches[1].str().c_str())), kPageType);
    });
  }

  const int pages_;
  const std::vector<std::string>* bodies_;
  int port_ = 0;
  std::vector<std::unique_ptr<httplib::Server>> servers_;
  std::vector<std::thread> threads_;
};

struct Figures {
  double seconds = 0;
  double cpu = 0;
  uint64_t responses = 0;
  uint64_t bytes = 0;
  double PerSecond() const { return seconds > 0 ? responses / seconds : 0; }
  double MbPerSecond() const { return seconds > 0 ? bytes / 1e6 / seconds : 0; }
};

size_t CountBytes(char*, size_t size, size_t count, void* user) {
  *static_cast<uint64_t*>(user) += size * count;
  return size * count;
}

// (a): the same URLs through a plain curl multi loop, `parallel` transfers at a time.
Figures BareFetch(const std::vector<std::string>& urls, size_t parallel) {
  Figures figures;
  CURLM* multi = curl_multi_init();
  curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(parallel * 2));
  size_t next = 0;
  int running = 0;
  std::vector<CURL*> idle;
  double cpu = CpuSeconds();
  double start = Now();
  auto add = [&](const std::string& url) {
    CURL* easy = idle.empty() ? curl_easy_init() : idle.back();
    if (!idle.empty()) idle.pop_back();
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, CountBytes);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &figures.bytes);
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_multi_add_handle(multi, easy);
  };
  size_t in_flight = 0;
  while (next < urls.size() || in_flight > 0) {
    while (in_flight < parallel && next < urls.size()) {
      add(urls[next++]);
      ++in_flight;
    }
    curl_multi_perform(multi, &running);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      curl_multi_remove_handle(multi, message->easy_handle);
      idle.push_back(message->easy_handle);
      ++figures.responses;
      --in_flight;
    }
    curl_multi_poll(multi, nullptr, 0, 50, nullptr);
  }
  figures.seconds = Now() - start;
  figures.cpu = CpuSeconds() - cpu;
  for (CURL* easy : idle) curl_easy_cleanup(easy);
  curl_multi_cleanup(multi);
  return figures;
}

size_t GzipSize(const std::string& data, int level) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  size_t size = zs.total_out;
  deflateEnd(&zs);
  return size;
}

// (b): every body the crawl stores, one gzip member each, shared out over `threads`.
Figures GzipAll(const Site& site, const Options& options, int threads, int level,
                uint64_t* compressed) {
  Figures figures;
  int total = options.hosts * (options.pages + 1);
  std::atomic<int> next{0};
  std::atomic<uint64_t> bytes{0};
  std::atomic<uint64_t> out_bytes{0};
  double cpu = CpuSeconds();
  double start = Now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (int i = next++; i < total; i = next++) {
        int host = i % options.hosts;
        int page = i / options.hosts;
        std::string body = page == options.pages ? site.Index(host) : site.Body(host, page);
        out_bytes += GzipSize(body, level);
        bytes += body.size();
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  figures.seconds = Now() - start;
  figures.cpu = CpuSeconds() - cpu;
  figures.responses = static_cast<uint64_t>(total);
  figures.bytes = bytes;
  *compressed = out_bytes;
  return figures;
}

Profile BenchProfile(const Site& site, int hosts) {
  Profile profile;
  profile.name = "crawl-bench";
  for (int h = 0; h < hosts; ++h) profile.seeds.push_back(site.Base(h) + "/");
  profile.politeness.user_agent = "claimdex-bench/0.1 (+http://example.invalid/)";
  profile.politeness.delay_seconds = 0;
  profile.politeness.concurrency = hosts;
  profile.politeness.allow_loopback = true;
  profile.politeness.max_pages = 100000000;
  profile.politeness.max_depth = 1;
  return profile;
}

std::string TempDataDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "crawl-bench-XXXXXX").string();
  return std::string(mkdtemp(pattern.data()));
}

// (c): the crawler itself.
Figures CrawlSite(const Site& site, const Options& options, std::string* note) {
  Figures figures;
  std::string root = TempDataDir();
  auto dir = DataDir::Open(root + "/data", true);
  if (!dir.ok()) {
    *note = dir.status().message();
    return figures;
  }
  Profile profile = BenchProfile(site, options.hosts);
  CrawlOptions crawl;
  crawl.capture_threads = options.threads;
  double cpu = CpuSeconds();
  double start = Now();
  auto report = Crawl(dir.value(), profile, crawl);
  figures.seconds = Now() - start;
  figures.cpu = CpuSeconds() - cpu;
  if (!report.ok()) {
    *note = report.status().message();
  } else {
    figures.responses = report->fetched + static_cast<uint64_t>(options.hosts);  // + robots.txt
    figures.bytes = report->bytes;
    uint64_t warc_bytes = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir->warc_dir()))
      warc_bytes += entry.file_size();
    *note = std::to_string(report->fetched) + " responses stored, " +
            std::to_string(report->errors) + " errors, WARC " +
            std::to_string(warc_bytes / 1000000) + " MB";
  }
  std::filesystem::remove_all(root);
  return figures;
}

void PrintRow(const char* name, const Figures& figures, const char* extra = "") {
  std::printf("%-34s %8.2f s %9.0f resp/s %8.1f MB/s %7.2f CPU s  %s\n", name, figures.seconds,
              figures.PerSecond(), figures.MbPerSecond(), figures.cpu, extra);
}

int RunThroughput(const Options& options) {
  int threads = options.threads > 0
                    ? options.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> bodies =
      options.dir.empty() ? MakeBodies(64, options.kb) : LoadBodies(options.dir);
  if (bodies.empty()) {
    std::fprintf(stderr, "crawl_bench: no *.html or *.html.gz in %s\n", options.dir.c_str());
    return 1;
  }
  uint64_t body_bytes = 0;
  for (const std::string& body : bodies) body_bytes += body.size();
  Site site(options.hosts, options.pages, &bodies);
  if (!site.Start()) return 1;
  std::vector<std::string> urls = site.Urls();
  std::printf(
      "%d hosts x (robots.txt + index + %d pages) = %zu responses; pages: %s, %zu "
      "distinct, %.0f KB on average; %d threads\n",
      options.hosts, options.pages, urls.size(),
      options.dir.empty() ? "generated" : options.dir.c_str(), bodies.size(),
      body_bytes / 1024.0 / bodies.size(), threads);

  auto faster = [](const Figures& a, const Figures& b) {
    return b.seconds > 0 && b.seconds < a.seconds ? b : a;
  };
  Figures fetch, gzip, gzip1, crawl;
  fetch.seconds = gzip.seconds = gzip1.seconds = crawl.seconds = 1e300;
  uint64_t compressed = 0;
  uint64_t compressed1 = 0;
  std::string note;
  for (int round = 0; round < options.rounds; ++round) {
    if (!options.crawl_only) {
      fetch = faster(fetch, BareFetch(urls, static_cast<size_t>(options.hosts)));
      gzip = faster(gzip, GzipAll(site, options, threads, options.level, &compressed));
      gzip1 = faster(gzip1, GzipAll(site, options, threads, 1, &compressed1));
    }
    crawl = faster(crawl, CrawlSite(site, options, &note));
  }
  if (options.crawl_only) {
    PrintRow("(c) claimdex crawl", crawl, note.c_str());
    return 0;
  }
  PrintRow("(a) bare libcurl multi loop", fetch);
  std::string ratio =
      "ratio " + std::to_string(static_cast<double>(gzip.bytes) / compressed).substr(0, 4);
  std::string label = "(b) gzip level " + std::to_string(options.level < 0 ? 6 : options.level) +
                      ", " + std::to_string(threads) + " threads";
  PrintRow(label.c_str(), gzip, ratio.c_str());
  std::string ratio1 =
      "ratio " + std::to_string(static_cast<double>(gzip1.bytes) / compressed1).substr(0, 4);
  PrintRow("    gzip level 1 (for comparison)", gzip1, ratio1.c_str());
  PrintRow("(c) claimdex crawl", crawl, note.c_str());
  double slower = std::min(fetch.PerSecond(), gzip.PerSecond());
  std::printf(
      "crawl / min(fetch, gzip) = %.2f (goal >= 0.70); crawl / fetch = %.2f; crawl / gzip = %.2f\n",
      crawl.PerSecond() / slower, crawl.PerSecond() / fetch.PerSecond(),
      crawl.PerSecond() / gzip.PerSecond());
  std::printf("peak RSS %.1f MB\n", PeakRssMb());
  return 0;
}

int RunFrontier(const Options& options) {
  std::vector<std::string> bodies = MakeBodies(4, 8);
  int pages = static_cast<int>(options.frontier / options.hosts);
  Site site(options.hosts, pages, &bodies);
  if (!site.Start()) return 1;
  std::string root = TempDataDir();
  auto dir = DataDir::Open(root + "/data", true);
  if (!dir.ok()) return 1;
  double before = PeakRssMb();
  double start = Now();
  {
    auto state = claimdex::CrawlState::Open(dir->state_path());
    if (!state.ok()) return 1;
    for (int p = 0; p < pages; p += 1000) {
      claimdex::SqliteTransaction transaction(state.value()->db());
      for (int q = p; q < std::min(pages, p + 1000); ++q) {
        for (int h = 0; h < options.hosts; ++h) {
          claimdex::FrontierEntry entry;
          entry.url = site.Base(h) + "/p/" + std::to_string(q);
          entry.host = claimdex::UrlHostPort(entry.url);
          entry.depth = 1;
          bool added = false;
          if (!state.value()->AddUrl(entry, site.Base(h) + "/", &added).ok()) return 1;
        }
      }
      if (!transaction.Commit().ok()) return 1;
    }
  }
  std::printf(
      "inserted %ld URLs over %d hosts in %.1f s (peak RSS %.1f MB before, %.1f MB after)\n",
      static_cast<long>(pages) * options.hosts, options.hosts, Now() - start, before, PeakRssMb());
  Profile profile = BenchProfile(site, options.hosts);
  profile.politeness.max_pages = 2000;
  start = Now();
  auto report = Crawl(dir.value(), profile, CrawlOptions{});
  std::printf("crawl of 2000 pages over that frontier: %.1f s, %s\n", Now() - start,
              report.ok() ? (std::to_string(report->fetched) + " stored").c_str()
                          : report.status().message().c_str());
  std::printf("peak RSS of the whole process (servers included): %.1f MB (goal < 200 MB)\n",
              PeakRssMb());
  std::filesystem::remove_all(root);
  return 0;
}

bool ParseArgs(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (i + 1 >= argc) return false;
    if (flag == "--dir") {
      options->dir = argv[++i];
      continue;
    }
    long value = std::atol(argv[++i]);
    if (flag == "--hosts")
      options->hosts = static_cast<int>(value);
    else if (flag == "--crawl-only")
      options->crawl_only = value != 0;
    else if (flag == "--rounds")
      options->rounds = static_cast<int>(std::max(1L, value));
    else if (flag == "--pages")
      options->pages = static_cast<int>(value);
    else if (flag == "--kb")
      options->kb = static_cast<int>(value);
    else if (flag == "--level")
      options->level = static_cast<int>(value);
    else if (flag == "--threads")
      options->threads = static_cast<int>(value);
    else if (flag == "--frontier")
      options->frontier = value;
    else
      return false;
  }
  return options->hosts >= 1 && options->hosts <= 60000 && options->pages >= 1 && options->kb >= 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseArgs(argc, argv, &options)) {
    std::fprintf(stderr,
                 "usage: crawl_bench [--hosts N] [--pages N] [--kb N] [--level N] [--threads N] "
                 "[--dir DIR]\n"
                 "                   [--rounds N]\n"
                 "       crawl_bench --frontier N [--hosts N]\n");
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  return options.frontier > 0 ? RunFrontier(options) : RunThroughput(options);
}
