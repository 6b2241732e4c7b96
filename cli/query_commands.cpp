// search, show, timeline and stats: the reading subcommands. None takes the lock.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "corpus/cdxj.h"
#include "corpus/data_dir.h"
#include "corpus/docs_store.h"
#include "crawler/crawler.h"
#include "query/search.h"
#include "query/show.h"
#include "query/stats.h"
#include "query/timeline.h"
#include "query/verify.h"

namespace claimdex::cli {
namespace {

class SearchCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    auto* sub = app.add_subcommand("search", "Claim-level search; every hit names its speaker and source");
    sub->add_option("query", opt_.query,
                    "Xapian query: words, \"phrases\", AND/OR/NOT, speaker: entity: target: stance: "
                    "outlet: kind: title: date:A..B");
    sub->add_option("--speaker", opt_.speaker, "Only claims by this speaker (id, name or surname)");
    sub->add_option("--entity", opt_.entity, "Only claims that mention this entity");
    sub->add_option("--target", opt_.target, "Only claims with a stance on this target");
    sub->add_option("--stance", opt_.stance, "Only claims with this stance")
        ->check(CLI::IsMember({"support", "oppose", "mixed", "neutral"}));
    sub->add_option("--since", opt_.since, "Claims published on or after YYYY-MM-DD");
    sub->add_option("--until", opt_.until, "Claims published on or before YYYY-MM-DD");
    sub->add_option("--outlet", opt_.outlet, "Only claims from this outlet");
    sub->add_option("--kind", opt_.kind, "direct_quote, indirect, paraphrase or author");
    sub->add_option("--limit", opt_.limit, "Hits to print (default 10)")->check(CLI::Range(1, 100000));
    sub->add_option("--sort", opt_.sort, "relevance or date")->check(CLI::IsMember({"relevance", "date"}));
    sub->add_flag("--facets", opt_.facets, "Print counts by speaker, stance, outlet and month");
    sub->add_option("--format", format_, "text, json (JSON Lines) or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    return sub;
  }
  int Run(const GlobalOptions& g) override {
    auto dir = OpenData(g.data, false);
    if (!dir.ok()) return Fail(dir.status());
    opt_.count_facets = format_ == "text";  // the summary line shows the top speakers, outlets
    auto result = Search(dir->xapian_dir(), opt_);
    if (!result.ok()) return Fail(result.status());
    if (format_ == "json") {
      std::cout << FormatSearchJson(*result);
    } else if (format_ == "csv") {
      std::cout << FormatSearchCsv(*result);
    } else {
      bool color = IsTerminal(stdout) && std::getenv("NO_COLOR") == nullptr;
      std::cout << FormatSearchText(*result, opt_, color);
    }
    return 0;
  }

 private:
  SearchOptions opt_;
  std::string format_ = "text";
};

class ShowCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    auto* sub = app.add_subcommand("show", "A claim (c:...) or article (d:...) with its full attribution and context");
    sub->add_option("id", id_, "Claim or article id")->required();
    sub->add_option("--format", format_, "text or json")->check(CLI::IsMember({"text", "json"}));
    sub->add_flag(
        "--verify", verify_,
        "Re-read the claim's WARC record, re-extract it with the profile in use and confirm "
        "the claim (same id, same text span) still comes from that capture; exit 1 if not");
    return sub;
  }
  int Run(const GlobalOptions& g) override {
    auto dir = OpenData(g.data, false);
    if (!dir.ok()) return Fail(dir.status());
    if (verify_) return Verify(g, *dir);
    auto out = Show(dir->xapian_dir(), id_, format_ == "json");
    if (!out.ok()) return Fail(out.status());
    std::cout << *out;
    if (!out->empty() && out->back() != '\n') std::cout << "\n";
    return 0;
  }

 private:
  int Verify(const GlobalOptions& g, const DataDir& dir) {
    auto profile = LoadProfileFor(dir, g.profile);
    if (!profile.ok()) return Fail(profile.status());
    auto report = VerifyClaim(dir.xapian_dir(), dir.warc_dir(), *profile, id_);
    if (!report.ok()) return Fail(report.status());
    std::cout << FormatVerifyReport(*report);
    if (report->verified) return 0;
    std::fprintf(stderr, "claimdex: %s: %s\n", id_.c_str(), report->reason.c_str());
    return 1;
  }

  std::string id_, format_ = "text";
  bool verify_ = false;
};

class TimelineCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    auto* sub = app.add_subcommand("timeline", "Stance over time by speaker, entity or outlet");
    sub->add_option("--target", opt_.target, "Target id (default: the profile's first target)");
    sub->add_option("--by", opt_.by, "speaker, entity or outlet")->check(CLI::IsMember({"speaker", "entity", "outlet"}));
    sub->add_option("--interval", opt_.interval, "week, month or quarter")
        ->check(CLI::IsMember({"week", "month", "quarter"}));
    sub->add_option("--since", opt_.since, "From YYYY-MM-DD (inclusive)");
    sub->add_option("--until", opt_.until, "To YYYY-MM-DD (inclusive)");
    sub->add_option("--format", format_,
                    "csv (default), json, svg (the chart) or html (a page with the chart and the "
                    "evidence table)")
        ->check(CLI::IsMember({"csv", "json", "svg", "html"}));
    sub->add_option("--out", out_, "Write to this file instead of stdout");
    sub->add_option("--rows", opt_.max_rows,
                    "Rows drawn in the svg and html chart, most claims first (default 20)")
        ->check(CLI::Range(1, 500));
    return sub;
  }
  int Run(const GlobalOptions& g) override {
    auto dir = OpenData(g.data, false);
    if (!dir.ok()) return Fail(dir.status());
    // The profile only supplies defaults and display names: a timeline of an index whose
    // profile is gone still works.
    auto profile = LoadProfileFor(*dir, g.profile);
    if (profile.ok()) {
      if (opt_.target.empty() && !profile->targets.empty()) opt_.target = profile->targets[0].id;
      const Target* target = profile->FindTarget(opt_.target);
      if (target != nullptr) opt_.target_name = target->name;
    }
    auto t = BuildTimeline(dir->xapian_dir(), opt_);
    if (!t.ok()) return Fail(t.status());
    std::string text = Render(*t);
    if (out_.empty()) {
      std::cout << text;
      return 0;
    }
    Status st = WriteFileAtomic(out_, text);
    if (!st.ok()) return Fail(Status::InvalidInput(st.message()));
    std::fprintf(stderr, "timeline: %zu rows x %zu periods written to %s\n", t->rows.size(), t->periods.size(),
                 out_.c_str());
    return 0;
  }

 private:
  std::string Render(const Timeline& t) const {
    if (format_ == "json") return TimelineJson(t);
    if (format_ == "svg") return TimelineSvg(t);
    if (format_ == "html") return TimelineHtml(t);
    return TimelineCsv(t);
  }

  TimelineOptions opt_;
  std::string format_ = "csv", out_;
};

class StatsCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    return app.add_subcommand("stats", "What is stored, extracted and indexed; crawl health per host");
  }
  int Run(const GlobalOptions& g) override {
    auto dir = OpenData(g.data, false);
    if (!dir.ok()) return Fail(dir.status());
    namespace fs = std::filesystem;
    size_t warcs = 0;
    uintmax_t warc_bytes = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir->warc_dir(), ec)) {
      if (e.path().extension() == ".gz") {
        ++warcs;
        warc_bytes += e.file_size(ec);
      }
    }
    std::vector<std::string> warnings;
    auto cdx = ReadCdxDir(dir->cdx_dir(), &warnings);
    size_t captures = cdx.ok() ? cdx->size() : 0, revisits = 0;
    if (cdx.ok()) {
      for (const auto& c : *cdx) revisits += c.revisit;
    }
    size_t docs = 0, claims = 0;
    auto files = ListDocsFiles(dir->docs_dir());
    for (const auto& f : files) {
      (void)ReadDocsFile(
          f, [&](Document&& d) { ++docs; claims += d.claims.size(); return true; }, &warnings);
    }
    std::cout << fmt::format("data directory  {}\n", dir->root());
    std::cout << fmt::format("stored          {} WARC files, {:.1f} MB, {} captures ({} revisits)\n", warcs,
                             warc_bytes / 1e6, captures, revisits);
    std::cout << fmt::format("extracted       {} docs files, {} articles, {} claims\n", files.size(), docs, claims);
    auto idx = ReadIndexStats(dir->xapian_dir());
    if (idx.ok()) {
      std::cout << FormatIndexStats(*idx);
    } else {
      std::cout << "indexed         nothing yet (run 'claimdex index')\n";
    }
    auto hosts = ReadHostHealth(*dir);
    if (hosts.ok() && !hosts->empty()) {
      std::cout << fmt::format("\n{:<28} {:>7} {:>6} {:>6}  {:<20}  {:<22} {}\n", "host", "fetched", "errors",
                               "queued", "last fetch", "robots.txt", "state");
      for (const auto& h : *hosts) {
        std::cout << fmt::format("{:<28} {:>7} {:>6} {:>6}  {:<20}  {:<22} {}\n", h.host, h.fetched, h.errors,
                                 h.queued, h.last_fetch.empty() ? "-" : h.last_fetch, h.robots_status,
                                 h.parked                ? std::string("PARKED")
                                 : !h.not_before.empty() ? "wait until " + h.not_before
                                                         : std::string("ok"));
      }
    } else if (!hosts.ok()) {
      std::cout << fmt::format("crawl state     unavailable: {}\n", hosts.status().message());
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> MakeQueryCommand(const std::string& name) {
  if (name == "search") return std::make_unique<SearchCommand>();
  if (name == "show") return std::make_unique<ShowCommand>();
  if (name == "timeline") return std::make_unique<TimelineCommand>();
  return std::make_unique<StatsCommand>();
}

}  // namespace claimdex::cli
