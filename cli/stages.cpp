// crawl, extract and index as stages, shared by their subcommands, `run` and `demo`.
#include <fmt/format.h>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "crawler/crawler.h"
#include "extract/extractor.h"
#include "index/indexer.h"

namespace claimdex::cli {
namespace {

Status ParseShard(const std::string& text, int* index, int* count) {
  if (text.empty()) return Status::Ok();
  int i = -1, n = -1;
  char slash = 0;
  if (std::sscanf(text.c_str(), "%d%c%d", &i, &slash, &n) != 3 || slash != '/' || n < 1 || i < 0 ||
      i >= n) {
    return Status::InvalidInput(fmt::format("--shard '{}': expected I/N with 0 <= I < N", text));
  }
  *index = i;
  *count = n;
  return Status::Ok();
}

void PrintWarnings(const std::vector<std::string>& warnings, const char* stage) {
  const size_t kMax = 20;
  for (size_t i = 0; i < warnings.size() && i < kMax; ++i) {
    std::fprintf(stderr, "%s: warning: %s\n", stage, warnings[i].c_str());
  }
  if (warnings.size() > kMax) {
    std::fprintf(stderr, "%s: ... and %zu more warnings\n", stage, warnings.size() - kMax);
  }
}

}  // namespace

Result<Workspace> OpenWorkspace(const GlobalOptions& global, bool create) {
  auto dir = OpenData(global.data, create);
  if (!dir.ok()) return dir.status();
  auto profile = LoadProfileFor(*dir, global.profile);
  if (!profile.ok()) return profile.status();
  return Workspace{std::move(*dir), std::move(*profile)};
}

Status CrawlStage(const DataDir& dir, const Profile& profile, const StageFlags& flags) {
  CrawlOptions options;
  options.extra_seeds = flags.seeds;
  options.max_pages = flags.max_pages;
  CLAIMDEX_RETURN_IF_ERROR(ParseShard(flags.shard, &options.shard_index, &options.shard_count));
  options.stop = &StopFlag();
  Progress progress("crawl", 5.0);
  if (!flags.quiet) {
    options.progress = [&progress](const CrawlProgress& p) {
      double secs = p.seconds > 0 ? p.seconds : 1;
      progress.Update(fmt::format("{} fetched, {} queued, {} errors, {:.1f} pages/s, {:.0f} KB/s, "
                                  "{} active hosts",
                                  p.fetched, p.queued, p.errors, p.fetched / secs,
                                  p.bytes / 1024.0 / secs, p.active_hosts));
    };
  }
  Result<CrawlReport> report = Crawl(dir, profile, options);
  if (!report.ok()) return report.status();
  PrintWarnings(report->warnings, "crawl");
  if (!flags.quiet) {
    progress.Done(fmt::format("{} pages stored, {} unchanged (revisits), {} not modified, {} "
                              "blocked by robots.txt, {} errors, {:.1f} MB",
                              report->fetched, report->revisits, report->not_modified,
                              report->robots_blocked, report->errors, report->bytes / 1e6));
  }
  if (StopFlag().load()) return Status::Cancelled("crawl interrupted; state saved, run again to continue");
  return Status::Ok();
}

Status ExtractStage(const DataDir& dir, const Profile& profile, const StageFlags& flags,
                    const std::vector<std::string>& warc_files) {
  ExtractOptions options;
  options.all = flags.all;
  options.warc_files = warc_files;
  Progress progress("extract", 5.0);
  if (!flags.quiet) {
    options.progress = [&progress](size_t done, size_t total) {
      progress.Update(fmt::format("{}/{} WARC files", done, total));
    };
  }
  Result<ExtractReport> report = ExtractDataDir(dir, profile, options);
  if (!report.ok()) return report.status();
  PrintWarnings(report->warnings, "extract");
  if (!flags.quiet) {
    progress.Done(fmt::format("{} WARC files, {} pages extracted, {} claims, {} other records skipped",
                              report->warc_files, report->pages, report->claims, report->skipped));
  }
  return Status::Ok();
}

Status IndexStage(const DataDir& dir, const StageFlags& flags) {
  IndexOptions options;
  options.all = flags.all;
  Progress progress("index", 5.0);
  if (!flags.quiet) {
    options.progress = [&progress](size_t done, size_t total) {
      progress.Update(fmt::format("{}/{} docs files", done, total));
    };
  }
  Result<IndexReport> report = IndexDataDir(dir, options);
  if (!report.ok()) return report.status();
  PrintWarnings(report->warnings, "index");
  if (!flags.quiet) {
    progress.Done(fmt::format("{} docs files, {} articles and {} claims indexed", report->files,
                              report->articles, report->claims));
  }
  return Status::Ok();
}

}  // namespace claimdex::cli
