// crawl, extract, index and run: the writing subcommands.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "corpus/data_dir.h"
#include "extract/extractor.h"

namespace claimdex::cli {
namespace {

// Runs `body` once, or every `every` until interrupted. A failed round ends the loop only for
// input errors; runtime failures are reported and retried at the next round.
int RunScheduled(const std::string& every_flag, const std::string& every,
                 const std::function<Status()>& body) {
  std::chrono::seconds period{0};
  if (!every.empty()) {
    auto parsed = ParseDuration(every_flag, every);
    if (!parsed.ok()) return Fail(parsed.status());
    period = *parsed;
  }
  InstallStopHandlers();
  while (true) {
    Status st = body();
    if (st.code() == Status::Code::kCancelled) {
      std::fprintf(stderr, "claimdex: %s\n", st.message().c_str());
      return 0;
    }
    if (!st.ok() && (every.empty() || st.ExitCode() == 2 || st.code() == Status::Code::kBusy)) {
      return Fail(st);
    }
    if (!st.ok()) std::fprintf(stderr, "claimdex: %s (will retry)\n", st.message().c_str());
    if (every.empty()) return 0;
    std::fprintf(stderr, "claimdex: next round in %s (Ctrl-C to stop)\n", every.c_str());
    if (!SleepUnlessStopped(period)) return 0;
  }
}

class CrawlCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    auto* sub = app.add_subcommand("crawl", "Fetch the profile's seeds, feeds and sitemaps (and --seed URLs) into WARC files");
    sub->add_option("--seed", flags_.seeds, "Extra start URL (repeatable)");
    sub->add_option("--max-pages", flags_.max_pages, "Stop after this many pages (default: the profile's crawl.max_pages)")
        ->check(CLI::PositiveNumber);
    sub->add_option("--every", every_, "Repeat the crawl at this interval (e.g. 30m) until interrupted");
    sub->add_option("--shard", flags_.shard, "Crawl only shard I of N (hosts split by registered domain), as I/N");
    return sub;
  }
  int Run(const GlobalOptions& g) override {
    flags_.quiet = g.quiet;
    auto ws = OpenWorkspace(g, true);
    if (!ws.ok()) return Fail(ws.status());
    return RunScheduled("--every", every_, [&] { return CrawlStage(ws->dir, ws->profile, flags_); });
  }

 private:
  StageFlags flags_;
  std::string every_;
};

class ExtractCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    auto* sub = app.add_subcommand(
        "extract",
        "Stored pages -> docs/*.jsonl (only new WARC files unless --all); or one page/text file -> "
        "Document JSON on stdout");
    sub->add_option("warc", warcs_, "WARC files to extract (default: every one without a docs file)");
    sub->add_flag("--all", flags_.all, "Re-extract every WARC file");
    sub->add_option("--html", html_, "Extract one HTML file and print its Document JSON");
    sub->add_option("--text", text_, "Annotate one plain-text file (paragraphs split by blank lines)");
    sub->add_option("--url", url_, "The page's URL (with --html)");
    sub->add_option("--format", format_, "Output format for --html/--text")->check(CLI::IsMember({"json"}));
    return sub;
  }
  int Run(const GlobalOptions& g) override {
    flags_.quiet = g.quiet;
    if (!html_.empty() || !text_.empty()) return RunOne(g);
    if (!url_.empty()) return Fail(Status::InvalidInput("--url goes with --html FILE"));
    auto ws = OpenWorkspace(g, false);
    if (!ws.ok()) return Fail(ws.status());
    auto lock = DataLock::Acquire(ws->dir);
    if (!lock.ok()) return Fail(lock.status());
    Status st = ExtractStage(ws->dir, ws->profile, flags_, warcs_);
    return st.ok() ? 0 : Fail(st);
  }

 private:
  int RunOne(const GlobalOptions& g) {
    if (!html_.empty() && !text_.empty()) return Fail(Status::InvalidInput("give --html or --text, not both"));
    auto profile = SingleFileProfile(g);
    if (!profile.ok()) return Fail(profile.status());
    const std::string& path = html_.empty() ? text_ : html_;
    auto bytes = ReadFile(path);
    if (!bytes.ok()) return Fail(Status::InvalidInput(bytes.status().message()));
    Extractor extractor(*profile);
    Document doc;
    if (!html_.empty()) {
      if (LooksBinary(*bytes)) return Fail(Status::InvalidInput(path + ": not an HTML file (binary data)"));
      doc = extractor.ExtractHtml(PageInput{*bytes, url_, "", ""});
    } else {
      if (LooksBinary(*bytes)) return Fail(Status::InvalidInput(path + ": not a text file (binary data)"));
      doc = extractor.ExtractText(*bytes, path);
    }
    std::cout << DocumentToJson(doc, true) << "\n";
    return 0;
  }
  // --profile, else the data directory's profile when one exists, else the built-in default.
  static Result<Profile> SingleFileProfile(const GlobalOptions& g) {
    if (!g.profile.empty()) return LoadProfile(g.profile);
    auto dir = OpenData(g.data, false);
    if (dir.ok()) return dir->LoadProfile();
    return ParseProfile(DefaultProfileToml(), "built-in profile");
  }
  static bool LooksBinary(const std::string& bytes) {
    size_t n = std::min<size_t>(bytes.size(), 4096);
    size_t zeros = 0;
    for (size_t i = 0; i < n; ++i) zeros += bytes[i] == '\0';
    // UTF-16 text has zeros too, but a BOM announces it.
    bool utf16 = n >= 2 && ((bytes[0] == '\xff' && bytes[1] == '\xfe') || (bytes[0] == '\xfe' && bytes[1] == '\xff'));
    return zeros > 0 && !utf16;
  }

  StageFlags flags_;
  std::vector<std::string> warcs_;
  std::string html_, text_, url_, format_ = "json";
};

class IndexCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    auto* sub = app.add_subcommand("index", "docs/*.jsonl -> the Xapian index (idempotent; only new files unless --all)");
    sub->add_flag("--all", flags_.all, "Re-index every docs file");
    return sub;
  }
  int Run(const GlobalOptions& g) override {
    flags_.quiet = g.quiet;
    auto dir = OpenData(g.data, false);
    if (!dir.ok()) return Fail(dir.status());
    auto lock = DataLock::Acquire(*dir);
    if (!lock.ok()) return Fail(lock.status());
    Status st = IndexStage(*dir, flags_);
    return st.ok() ? 0 : Fail(st);
  }

 private:
  StageFlags flags_;
};

class RunCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    auto* sub = app.add_subcommand("run", "crawl + extract + index: the scheduled job");
    sub->add_option("--every", every_, "Repeat at this interval (e.g. 1h) until interrupted");
    sub->add_option("--max-pages", flags_.max_pages, "Pages per crawl round")->check(CLI::PositiveNumber);
    sub->add_option("--seed", flags_.seeds, "Extra start URL (repeatable)");
    return sub;
  }
  int Run(const GlobalOptions& g) override {
    flags_.quiet = g.quiet;
    auto ws = OpenWorkspace(g, true);
    if (!ws.ok()) return Fail(ws.status());
    const DataDir& dir = ws->dir;
    const Profile& profile = ws->profile;
    return RunScheduled("--every", every_, [&]() -> Status {
      Status crawled = CrawlStage(dir, profile, flags_);
      if (!crawled.ok() && crawled.code() != Status::Code::kCancelled) return crawled;
      // Even an interrupted crawl's pages are extracted and indexed: nothing fetched is left out.
      auto lock = DataLock::Acquire(dir);
      if (!lock.ok()) return lock.status();
      CLAIMDEX_RETURN_IF_ERROR(ExtractStage(dir, profile, flags_, {}));
      CLAIMDEX_RETURN_IF_ERROR(IndexStage(dir, flags_));
      return crawled;
    });
  }

 private:
  StageFlags flags_;
  std::string every_;
};

}  // namespace

std::unique_ptr<Command> MakeQueryCommand(const std::string& name);
std::unique_ptr<Command> MakeDemoCommand();

std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(MakeDemoCommand());
  out.push_back(std::make_unique<CrawlCommand>());
  out.push_back(std::make_unique<ExtractCommand>());
  out.push_back(std::make_unique<IndexCommand>());
  out.push_back(std::make_unique<RunCommand>());
  for (const char* name : {"search", "show", "timeline", "stats"}) out.push_back(MakeQueryCommand(name));
  return out;
}

}  // namespace claimdex::cli
