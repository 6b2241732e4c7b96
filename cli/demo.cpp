// `claimdex demo`: the whole pipeline on the bundled sample site, served on loopback from
// inside the binary, into a data directory the user can go on querying.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "corpus/sample_site.h"
#include "query/search.h"
#include "query/timeline.h"

namespace claimdex::cli {
namespace {

struct DemoSearch {
  const char* command;  // shown to the user, runnable as is with --data
  SearchOptions options;
};

std::vector<DemoSearch> DemoSearches() {
  std::vector<DemoSearch> out;
  SearchOptions a;
  a.target = "export-controls";
  a.stance = "oppose";
  a.sort = "date";
  a.limit = 3;
  out.push_back({"search --target export-controls --stance oppose --sort date --limit 3", a});
  SearchOptions b;
  b.speaker = "Helen Toner";
  b.limit = 3;
  out.push_back({"search --speaker \"Helen Toner\" --limit 3", b});
  SearchOptions c;
  c.query = "DeepSeek";
  c.since = "2025-01-01";
  c.sort = "date";
  c.limit = 3;
  c.facets = true;
  out.push_back({"search DeepSeek --since 2025-01-01 --sort date --limit 3 --facets", c});
  return out;
}

Result<std::string> MakeTempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/claimdex-demo-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    return Status::IoError(fmt::format("{}: cannot create a temporary directory", pattern));
  }
  return pattern;
}

class DemoCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    auto* sub = app.add_subcommand(
        "demo",
        "Serve the bundled sample news site on 127.0.0.1, crawl, extract, index, search and write a "
        "timeline, into a fresh data directory (a temporary one unless --data is given)");
    return sub;
  }
  int Run(const GlobalOptions& g) override {
    auto start = std::chrono::steady_clock::now();
    std::string root = g.data;
    if (root.empty()) {
      auto tmp = MakeTempDir();
      if (!tmp.ok()) return Fail(tmp.status());
      root = *tmp;
    }
    auto dir = DataDir::Open(root, true);
    if (!dir.ok()) return Fail(dir.status());

    auto site = SampleSite::Start();
    if (!site.ok()) return Fail(site.status());
    std::fprintf(stderr, "demo: sample news site serving %zu outlets:", (*site)->bases().size());
    for (const auto& [name, base] : (*site)->bases()) std::fprintf(stderr, " %s=%s", name.c_str(), base.c_str());
    std::fprintf(stderr, "\n");

    // The data directory's profile points at this run's site, so stages read it like any other.
    Status st = WriteFileAtomic(dir->profile_path(), (*site)->ProfileToml());
    if (!st.ok()) return Fail(st);
    auto profile = dir->LoadProfile();
    if (!profile.ok()) return Fail(profile.status());

    InstallStopHandlers();
    StageFlags flags;
    flags.quiet = g.quiet;
    st = CrawlStage(*dir, *profile, flags);
    if (!st.ok()) return Fail(st);
    {
      auto lock = DataLock::Acquire(*dir);
      if (!lock.ok()) return Fail(lock.status());
      st = ExtractStage(*dir, *profile, flags, {});
      if (st.ok()) st = IndexStage(*dir, flags);
      if (!st.ok()) return Fail(st);
    }
    site->reset();  // the crawl is over; nothing below needs the network

    const std::string data_flag = "--data " + dir->root();
    for (const auto& s : DemoSearches()) {
      std::cout << fmt::format("\n$ claimdex {} {}\n", data_flag, s.command);
      auto result = Search(dir->xapian_dir(), s.options);
      if (!result.ok()) return Fail(result.status());
      std::cout << FormatSearchText(*result, s.options, IsTerminal(stdout) && !std::getenv("NO_COLOR"));
    }

    TimelineOptions topt;
    topt.target = profile->targets.empty() ? "" : profile->targets[0].id;
    topt.by = "speaker";
    topt.interval = "month";
    auto timeline = BuildTimeline(dir->xapian_dir(), topt);
    if (!timeline.ok()) return Fail(timeline.status());
    std::string csv = dir->root() + "/timeline.csv", svg = dir->root() + "/timeline.svg";
    std::string html = dir->root() + "/timeline.html";
    st = WriteFileAtomic(csv, TimelineCsv(*timeline));
    if (st.ok()) st = WriteFileAtomic(svg, TimelineSvg(*timeline));
    if (st.ok()) st = WriteFileAtomic(html, TimelineHtml(*timeline));
    if (!st.ok()) return Fail(st);

    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format(
        "\n$ claimdex {} timeline --target {} --by speaker --interval month --format html --out {}\n"
        "stance timeline: {} speakers x {} months -> {}, {} and {} (open it in a browser)\n\n"
        "Done in {:.1f} s. Everything is in {}:\n"
        "  warc/     the pages as fetched (WARC/1.1)     cdx/    the capture index (CDXJ)\n"
        "  docs/     extracted documents (JSON Lines)   xapian/ the search index\n"
        "  state.sqlite  crawl state                    claimdex.toml  the watch profile used\n"
        "Go on with, for example:\n"
        "  claimdex {} search \"chip ban\" --facets\n"
        "  claimdex {} show <c:id from a hit above>\n"
        "  claimdex {} stats\n",
        data_flag, topt.target, html, timeline->rows.size(), timeline->periods.size(), html, csv, svg,
        secs,
        dir->root(), data_flag, data_flag, data_flag);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> MakeDemoCommand() { return std::make_unique<DemoCommand>(); }

}  // namespace claimdex::cli
