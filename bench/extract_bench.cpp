// extract_bench: extraction throughput over a folder of real pages.
//
//   extract_bench [--dir DIR] [--rounds N] [--threads N] [--readability SCRIPT] [--python PY]
//                 [--no-readability]
//
// Loads every DIR/*.html and DIR/*.html.gz (gunzipped in memory; the page URL is taken from
// DIR/../gold/<stem>.json when present, as in the wcxb-dev layout) and then times:
//   article    ExtractArticle (text + metadata), one thread
//   article    ExtractArticle on all cores (pages shared out by an atomic counter)
//   annotate   Extractor::ExtractHtml with the default profile, one thread
//   readability-lxml on the same pages (bench/readability_baseline.py under Debian's python3)
// and prints pages/s, ms/page median and p99, peak RSS, and the ratios the issues set goals
// for. A timed program, not a Google Benchmark: the figures wanted are per-page percentiles
// over a fixed page set, which Google Benchmark's per-iteration model does not give directly.
#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/profile.h"
#include "extract/article.h"
#include "extract/extractor.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr char kDefaultDir[] = "/work/shared/eval/wcxb-dev/html";

struct Args {
  std::string dir = kDefaultDir;
  int rounds = 3;
  int threads = 0;  // 0: all cores
  std::string readability_script = std::string(CLAIMDEX_SOURCE_DIR) + "/bench/readability_baseline.py";
  std::string python = "/usr/bin/python3";  // Debian's, where python3-readability lives
  bool readability = true;
};

struct Page {
  std::string name;
  claimdex::PageInput input;
};

struct Figures {
  std::string label;
  int threads = 1;
  size_t pages = 0;
  double seconds = 0;      // wall time of the whole run
  double cpu_seconds = 0;  // CPU time of the threads that ran it (robust on a busy machine)
  double median_ms = 0;
  double p99_ms = 0;
  double PagesPerSecond() const { return seconds > 0 ? pages / seconds : 0; }
  double PagesPerCpuSecond() const { return cpu_seconds > 0 ? pages / cpu_seconds : 0; }
};

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// gzip (or zlib) member(s) -> bytes. False on corrupt data.
bool Gunzip(const std::string& gz, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out->append(buf, sizeof buf - zs.avail_out);
    // Concatenated members: start the next one.
    if (rc == Z_STREAM_END && zs.avail_in > 0) {
      inflateReset(&zs);
      rc = Z_OK;
    }
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END;
}

// "DIR/../gold/<stem>.json" -> its "url", or "".
std::string GoldUrl(const fs::path& dir, const std::string& stem) {
  std::string text;
  if (!ReadFile(dir.parent_path() / "gold" / (stem + ".json"), &text)) return "";
  try {
    nlohmann::json j = nlohmann::json::parse(text);
    if (j.contains("url") && j["url"].is_string()) return j["url"].get<std::string>();
  } catch (const nlohmann::json::exception&) {
  }
  return "";
}

std::vector<Page> LoadPages(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".html") || name.ends_with(".html.gz") || name.ends_with(".htm"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Page> pages;
  for (const fs::path& path : files) {
    std::string raw;
    if (!ReadFile(path, &raw)) {
      std::fprintf(stderr, "extract_bench: cannot read %s\n", path.c_str());
      continue;
    }
    Page page;
    page.name = path.filename().string();
    if (page.name.ends_with(".gz")) {
      if (!Gunzip(raw, &page.input.bytes)) {
        std::fprintf(stderr, "extract_bench: %s: corrupt gzip data, skipped\n", path.c_str());
        continue;
      }
    } else {
      page.input.bytes = std::move(raw);
    }
    std::string stem = page.name.substr(0, page.name.find('.'));
    page.input.url = GoldUrl(dir, stem);
    pages.push_back(std::move(page));
  }
  return pages;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(q * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Runs `fn` over every page `rounds` times on `threads` threads; per-page latencies in ms.
Figures Run(const std::string& label, const std::vector<Page>& pages, int rounds, int threads,
            const std::function<size_t(const claimdex::PageInput&)>& fn) {
  size_t total = pages.size() * rounds;
  std::vector<double> ms(total);
  std::atomic<size_t> next{0};
  std::atomic<size_t> sink{0};  // keeps the results observable so nothing is optimised away
  std::mutex mu;
  double cpu = 0;
  auto worker = [&] {
    double cpu0 = ThreadCpuSeconds();
    for (size_t i; (i = next.fetch_add(1)) < total;) {
      auto t0 = Clock::now();
      size_t n = fn(pages[i % pages.size()].input);
      ms[i] = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      sink.fetch_add(n, std::memory_order_relaxed);
    }
    std::lock_guard<std::mutex> lock(mu);
    cpu += ThreadCpuSeconds() - cpu0;
  };
  auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  Figures f;
  f.label = label;
  f.threads = threads;
  f.pages = total;
  f.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  f.cpu_seconds = cpu;
  f.median_ms = Percentile(ms, 0.5);
  f.p99_ms = Percentile(ms, 0.99);
  if (sink.load() == 0) std::fprintf(stderr, "extract_bench: %s extracted no text at all\n", label.c_str());
  return f;
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;  // KiB on Linux
}

// Runs the readability-lxml baseline and returns its "pages_per_s=" figure (0 on failure).
double RunReadability(const Args& args, Figures* fig) {
  std::string cmd = "'" + args.python + "' '" + args.readability_script + "' --dir '" + args.dir + "' 2>&1";
  std::fprintf(stderr, "extract_bench: running %s\n", cmd.c_str());
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return 0;
  char line[4096];
  double pps = 0;
  while (std::fgets(line, sizeof line, p) != nullptr) {
    std::fputs(line, stderr);
    double v;
    if (std::sscanf(line, "pages_per_s=%lf", &v) == 1) pps = v;
    if (std::sscanf(line, "median_ms=%lf", &v) == 1) fig->median_ms = v;
    if (std::sscanf(line, "p99_ms=%lf", &v) == 1) fig->p99_ms = v;
    unsigned long n;
    if (std::sscanf(line, "pages=%lu", &n) == 1) fig->pages = n;
    if (std::sscanf(line, "seconds=%lf", &v) == 1) fig->seconds = v;
    if (std::sscanf(line, "cpu_seconds=%lf", &v) == 1) fig->cpu_seconds = v;
  }
  int rc = pclose(p);
  if (rc != 0) {
    std::fprintf(stderr, "extract_bench: readability baseline failed (exit %d); is python3-readability installed?\n", rc);
    return 0;
  }
  return pps;
}

bool ParseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--no-readability") {
      a->readability = false;
      continue;
    }
    if (i + 1 >= argc) return false;
    std::string value = argv[++i];
    if (flag == "--dir")
      a->dir = value;
    else if (flag == "--rounds")
      a->rounds = std::max(1, std::atoi(value.c_str()));
    else if (flag == "--threads")
      a->threads = std::max(0, std::atoi(value.c_str()));
    else if (flag == "--readability")
      a->readability_script = value;
    else if (flag == "--python")
      a->python = value;
    else
      return false;
  }
  return true;
}

void PrintRow(const Figures& f) {
  std::printf("%-34s %7d %7zu %10.1f %12.1f %10.2f %10.2f\n", f.label.c_str(), f.threads, f.pages,
              f.PagesPerSecond(), f.PagesPerCpuSecond(), f.median_ms, f.p99_ms);
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::fprintf(stderr,
                 "usage: extract_bench [--dir DIR] [--rounds N] [--threads N] "
                 "[--readability SCRIPT] [--python PY] [--no-readability]\n");
    return 2;
  }
  std::error_code ec;
  if (!fs::is_directory(args.dir, ec)) {
    std::printf("extract_bench: no page folder at %s; nothing to measure (use --dir DIR)\n", args.dir.c_str());
    return 0;
  }
  std::vector<Page> pages = LoadPages(args.dir);
  if (pages.empty()) {
    std::printf("extract_bench: no *.html or *.html.gz pages in %s; nothing to measure\n", args.dir.c_str());
    return 0;
  }
  size_t bytes = 0;
  for (const Page& p : pages) bytes += p.input.bytes.size();
  long rss_loaded = PeakRssKb();
  int cores = args.threads > 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());

  claimdex::Result<claimdex::Profile> profile =
      claimdex::ParseProfile(claimdex::DefaultProfileToml(), "default profile");
  if (!profile.ok()) {
    std::fprintf(stderr, "extract_bench: %s\n", profile.status().message().c_str());
    return 1;
  }
  claimdex::Extractor extractor(profile.value());

  auto article = [](const claimdex::PageInput& in) { return claimdex::ExtractArticle(in).text.size(); };
  auto annotate = [&](const claimdex::PageInput& in) { return extractor.ExtractHtml(in).text.size(); };

  Run("warm-up", pages, 1, 1, article);  // first-touch costs (ICU data, allocator) out of the figures
  Figures single = Run("claimdex article (text+metadata)", pages, args.rounds, 1, article);
  long rss_single = PeakRssKb();
  Figures multi = Run("claimdex article, all cores", pages, args.rounds, cores, article);
  long rss_multi = PeakRssKb();
  Figures full = Run("claimdex ExtractHtml (annotated)", pages, args.rounds, 1, annotate);
  long rss_full = PeakRssKb();

  Figures rdb;
  rdb.label = "readability-lxml 0.8 (python3)";
  double rdb_pps = args.readability ? RunReadability(args, &rdb) : 0;

  std::printf("\nextract_bench: %zu pages, %.1f MB of HTML, from %s; %d round(s); %d core(s)\n",
              pages.size(), bytes / 1e6, args.dir.c_str(), args.rounds, cores);
  std::printf("%-34s %7s %7s %10s %12s %10s %10s\n", "run", "threads", "pages", "pages/s",
              "pages/CPU-s", "median ms", "p99 ms");
  PrintRow(single);
  PrintRow(multi);
  PrintRow(full);
  if (rdb_pps > 0) PrintRow(rdb);
  std::printf("\npeak RSS (ru_maxrss): %.1f MB after loading pages, %.1f MB after single-thread, "
              "%.1f MB after all cores, %.1f MB after annotated\n",
              rss_loaded / 1024.0, rss_single / 1024.0, rss_multi / 1024.0, rss_full / 1024.0);
  std::printf("all cores / single thread:              %.2fx\n",
              multi.PagesPerSecond() / single.PagesPerSecond());
  std::printf("annotated / article-only time per page:  %.2fx wall, %.2fx CPU (issue 4 goal <= 1.5x)\n",
              single.PagesPerSecond() / full.PagesPerSecond(),
              single.PagesPerCpuSecond() / full.PagesPerCpuSecond());
  if (rdb_pps > 0) {
    std::printf("claimdex / readability-lxml, 1 thread:  %.1fx wall, %.1fx CPU (issue 3 goal >= 5x)\n",
                single.PagesPerSecond() / rdb_pps, single.PagesPerCpuSecond() / rdb.PagesPerCpuSecond());
  } else if (args.readability) {
    std::printf("claimdex / readability-lxml: not measured (baseline did not run)\n");
  }
  return 0;
}
