// Index and query benchmark on synthetic claims: indexing throughput through claimdex's indexer
// against raw Xapian add_document of the same Xapian documents, search latency (top-10 page,
// and with facets), a timeline over every claim, and the index size on disk. Everything is
// measured in one run, so the ratios compare like with like on a shared machine.
//
//   index_bench [--claims N] [--queries N] [--dir DIR] [--keep] [--queries-only]
//               [--no-facets] [--timeline-runs N] [--slowest N]
//
// --no-facets skips the faceted pass and --timeline-runs N times the timeline N times (the
// figures are of the fastest run): for A/B comparisons with --queries-only.
//
// The generator: claims of 12-45 words drawn from a Zipfian vocabulary (s = 1.07, 30,000 words),
// 500 speakers, 3 targets (every claim takes a stance on the first, a third also on another),
// 200 outlets, publication dates spread over 2023-2024, five claims per article; one claim in
// twenty repeats an earlier quote in another outlet (a quote cluster).
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "corpus/document.h"
#include "index/indexer.h"
#include "query/index_reader.h"
#include "query/search.h"
#include "query/timeline.h"

namespace claimdex {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU seconds of this process, all its threads (the indexer writes on a thread of its own): on a
// machine shared with other jobs, wall time says as much about the neighbours as about the code,
// so throughput ratios are given in both.
double CpuNow() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Timing {
  double wall = 0, cpu = 0;
};

// Adds the wall and CPU time of `fn()` to `*t`.
template <typename Fn>
void Timed(Timing* t, const Fn& fn) {
  auto start = Clock::now();
  double cpu = CpuNow();
  fn();
  t->cpu += CpuNow() - cpu;
  t->wall += Seconds(start);
}

struct Flags {
  size_t claims = 1000000;
  size_t queries = 1000;
  std::string dir;
  bool keep = false;
  bool queries_only = false;  // reuse the index already in --dir: search and timeline only
  bool facets = true;         // also time the mix with --facets
  size_t timeline_runs = 1;   // the timeline is timed this many times; the fastest is shown
  size_t slowest = 0;         // list this many slowest queries of the mix (to stderr)
};

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "index_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--claims") {
      f.claims = std::stoul(next());
    } else if (a == "--queries") {
      f.queries = std::stoul(next());
    } else if (a == "--dir") {
      f.dir = next();
    } else if (a == "--keep") {
      f.keep = true;
    } else if (a == "--queries-only") {
      f.queries_only = true;
      f.keep = true;
    } else if (a == "--no-facets") {
      f.facets = false;
    } else if (a == "--timeline-runs") {
      f.timeline_runs = std::max<size_t>(1, std::stoul(next()));
    } else if (a == "--slowest") {
      f.slowest = std::stoul(next());
    } else {
      std::fprintf(stderr,
                   "usage: index_bench [--claims N] [--queries N] [--dir DIR] [--keep] "
                   "[--queries-only] [--no-facets] [--timeline-runs N]\n");
      std::exit(2);
    }
  }
  return f;
}

// ---- the synthetic corpus ----

class Vocabulary {
 public:
  explicit Vocabulary(std::mt19937_64* rng) : rng_(rng) {
    const char* onsets[] = {"b", "c", "d", "f", "g", "h",  "k",  "l",  "m",  "n",  "p",
                            "r", "s", "t", "v", "w", "st", "tr", "pl", "ch", "sh", "gr"};
    const char* vowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
    const char* codas[] = {"", "n", "r", "s", "t", "l", "nd", "st", "ng", "x"};
    std::uniform_int_distribution<int> syllables(1, 3);
    while (words_.size() < kWords) {
      std::string w;
      int n = syllables(*rng_);
      for (int s = 0; s < n; ++s) {
        w += onsets[(*rng_)() % std::size(onsets)];
        w += vowels[(*rng_)() % std::size(vowels)];
      }
      w += codas[(*rng_)() % std::size(codas)];
      words_.push_back(w);
    }
    double sum = 0;
    for (size_t r = 1; r <= kWords; ++r) {
      sum += 1.0 / std::pow(static_cast<double>(r), 1.07);
      cdf_.push_back(sum);
    }
    for (double& c : cdf_) c /= sum;
  }

  const std::string& Draw() {
    double u = std::uniform_real_distribution<double>(0, 1)(*rng_);
    size_t i = std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin();
    return words_[std::min(i, kWords - 1)];
  }
  // The word of Zipf rank `rank` (0 = most frequent).
  const std::string& Ranked(size_t rank) const { return words_[std::min(rank, kWords - 1)]; }

  std::string Sentence(size_t words) {
    std::string s;
    for (size_t i = 0; i < words; ++i) {
      if (i > 0) s += ' ';
      s += Draw();
    }
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
  }

 private:
  static constexpr size_t kWords = 30000;
  std::mt19937_64* rng_;
  std::vector<std::string> words_;
  std::vector<double> cdf_;
};

const char* const kTargets[] = {"export-controls", "diffusion-rule", "chip-subsidies"};
const char* const kLabels[] = {"support", "oppose", "mixed", "neutral"};
constexpr size_t kSpeakers = 500, kOutlets = 200, kClaimsPerArticle = 5;
constexpr int kDays = 731;  // 2023-01-01 .. 2024-12-31

std::string DateOf(int day) {
  static const int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int year = 2023;
  if (day >= 365) {
    year = 2024;
    day -= 365;
  }
  int m = 0;
  while (true) {
    int len = kMonthDays[m] + (m == 1 && year == 2024 ? 1 : 0);
    if (day < len) break;
    day -= len;
    ++m;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m + 1, day + 1);
  return buf;
}

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed), vocab_(&rng_) {
    for (size_t i = 0; i < kSpeakers; ++i) {
      std::string first = vocab_.Ranked(2000 + i * 7), last = vocab_.Ranked(9000 + i * 11);
      first[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(first[0])));
      last[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(last[0])));
      speakers_.push_back({first + "-" + last + "-" + std::to_string(i), first + " " + last});
    }
    for (size_t i = 0; i < kOutlets; ++i) outlets_.push_back("Outlet " + vocab_.Ranked(500 + i));
  }

  Vocabulary& vocab() { return vocab_; }
  const std::vector<std::pair<std::string, std::string>>& speakers() const { return speakers_; }
  const std::vector<std::string>& outlets() const { return outlets_; }

  Document Article(size_t n) {
    Document d;
    d.id = "d:" + HexDigest("article " + std::to_string(n)).substr(0, 16);
    std::string outlet = outlets_[Zipf(kOutlets)];
    d.url = "https://" + outlet.substr(7) + ".example.com/" + std::to_string(n);
    d.canonical_url = d.url;
    d.publisher = outlet;
    d.published = DateOf(static_cast<int>(rng_() % kDays));
    d.fetched = d.published + "T12:00:00Z";
    d.warc = WarcRef{"claimdex-20250101000000-00000.warc.gz", n * 9000, "<urn:uuid:" + d.id + ">"};
    d.title = vocab_.Sentence(6 + rng_() % 6);
    d.language = "en";
    for (size_t c = 0; c < kClaimsPerArticle; ++c) AddClaim(&d);
    return d;
  }

 private:
  // A Zipf-ish skew over `n` items: a few are much more frequent, as speakers and outlets are.
  size_t Zipf(size_t n) {
    double u = std::uniform_real_distribution<double>(0, 1)(rng_);
    return std::min(n - 1, static_cast<size_t>(std::pow(u, 2.2) * static_cast<double>(n)));
  }

  void AddClaim(Document* d) {
    const auto& speaker = speakers_[Zipf(kSpeakers)];
    Claim c;
    std::string quote;
    if (!quotes_.empty() && rng_() % 20 == 0) {
      quote = quotes_[rng_() % quotes_.size()];  // the same quote carried by another outlet
    } else {
      quote = vocab_.Sentence(12 + rng_() % 34);
      if (quotes_.size() < 5000) quotes_.push_back(quote);
    }
    c.kind = rng_() % 2 ? "direct_quote" : "indirect";
    c.quote = quote;
    c.text = c.kind == "direct_quote"
                 ? "\xE2\x80\x9C" + quote + ",\xE2\x80\x9D " + speaker.second + " said."
                 : speaker.second + " said that " + quote + ".";
    if (!d->text.empty()) d->text += "\n\n";
    c.start = d->text.size();
    d->text += c.text;
    c.end = d->text.size();
    d->paragraphs.push_back({"paragraph", c.start, c.end});
    c.paragraph = static_cast<int>(d->paragraphs.size() - 1);
    c.id = "c:" + HexDigest(d->id + " " + std::to_string(c.start)).substr(0, 16);
    c.cue = "said";
    c.speaker = SpeakerRef{speaker.first, speaker.second, "person", "", "explicit", 0.9, {}};
    double score = std::uniform_real_distribution<double>(-1, 1)(rng_);
    c.stances.push_back({kTargets[0], kLabels[rng_() % 4], score, {}});
    if (rng_() % 3 == 0)
      c.stances.push_back({kTargets[1 + rng_() % 2], kLabels[rng_() % 4], score, {}});
    d->claims.push_back(std::move(c));
  }

  std::mt19937_64 rng_;
  Vocabulary vocab_;
  std::vector<std::pair<std::string, std::string>> speakers_;  // id, name
  std::vector<std::string> outlets_;
  std::vector<std::string> quotes_;
};

// ---- indexing ----

constexpr size_t kBatchArticles = 2000;  // 10,000 claims per IndexDocuments call and commit

Timing IndexWithClaimdex(const Flags& f, const std::string& db, size_t* claims) {
  Generator gen(42);
  size_t articles = (f.claims + kClaimsPerArticle - 1) / kClaimsPerArticle;
  Timing timed;
  for (size_t done = 0; done < articles;) {
    std::vector<Document> batch;
    for (; done < articles && batch.size() < kBatchArticles; ++done)
      batch.push_back(gen.Article(done));
    Result<IndexReport> r = Status::Runtime("not run");
    Timed(&timed, [&] { r = IndexDocuments(db, batch); });
    if (!r.ok()) {
      std::fprintf(stderr, "index_bench: %s\n", r.status().message().c_str());
      std::exit(1);
    }
    *claims += r->claims;
    if ((done / kBatchArticles) % 20 == 0) {
      std::fprintf(stderr, "  claimdex indexer: %zu claims, %.0f claims/s\n", *claims,
                   static_cast<double>(*claims) / timed.wall);
    }
  }
  return timed;
}

// A standalone copy of a stored document: its terms with wdf and positions, values, data.
Xapian::Document Copy(const Xapian::Document& in) {
  Xapian::Document out;
  for (auto t = in.termlist_begin(); t != in.termlist_end(); ++t) {
    Xapian::termcount positions = 0;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      out.add_posting(*t, *p, 0);
      ++positions;
    }
    if (t.get_wdf() > 0) {
      out.add_term(*t, t.get_wdf());
    } else if (positions == 0) {
      out.add_boolean_term(*t);
    }
  }
  for (auto v = in.values_begin(); v != in.values_end(); ++v) out.add_value(v.get_valueno(), *v);
  out.set_data(in.get_data());
  return out;
}

// Raw Xapian: add_document of copies of the very documents claimdex wrote, in batches of the
// same size, with a commit after each batch. Copying is not timed; add_document and commit are.
Timing IndexRaw(const std::string& from, const std::string& to) {
  Xapian::Database src(from);
  Xapian::WritableDatabase dst(to, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::docid last = src.get_lastdocid();
  constexpr Xapian::docid kBatch = kBatchArticles * (kClaimsPerArticle + 1);
  Timing timed;
  for (Xapian::docid first = 1; first <= last; first += kBatch) {
    std::vector<Xapian::Document> batch;
    for (Xapian::docid id = first; id < first + kBatch && id <= last; ++id) {
      try {
        batch.push_back(Copy(src.get_document(id)));
      } catch (const Xapian::DocNotFoundError&) {
      }
    }
    Timed(&timed, [&] {
      for (const Xapian::Document& d : batch) dst.add_document(d);
      dst.commit();
    });
  }
  return timed;
}

// ---- queries ----

struct Latency {
  std::vector<double> ms;
  double Percentile(double p) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    size_t i = static_cast<size_t>(std::ceil(p * static_cast<double>(ms.size()))) - 1;
    return ms[std::min(i, ms.size() - 1)];
  }
};

// A mix an analyst might type: free text (one or two words of middling frequency, a phrase),
// a speaker, a target and stance, an outlet, and date ranges, alone and combined.
std::vector<SearchOptions> QueryMix(Generator* gen, size_t n) {
  std::mt19937_64 rng(7);
  std::vector<SearchOptions> out;
  auto word = [&] { return gen->vocab().Ranked(20 + rng() % 3000); };
  auto month = [&] { return DateOf(static_cast<int>(rng() % (kDays - 90))); };
  for (size_t i = 0; i < n; ++i) {
    SearchOptions o;
    switch (i % 8) {
      case 0:
        o.query = word();
        break;
      case 1:
        o.query = word() + " " + word();
        break;
      case 2:
        o.query = "\"" + word() + " " + word() + "\"";
        break;
      case 3:
        o.query = word();
        o.speaker = gen->speakers()[rng() % kSpeakers].second;
        break;
      case 4:
        o.target = kTargets[rng() % 3];
        o.stance = kLabels[rng() % 2];
        o.since = month();
        break;
      case 5: {
        int from = static_cast<int>(rng() % (kDays - 30));
        int to = from + 30 + static_cast<int>(rng() % (kDays - from - 30 + 1));
        o.query = word() + " date:" + DateOf(from) + ".." + DateOf(std::min(to, kDays - 1));
        break;
      }
      case 6:
        o.outlet = gen->outlets()[rng() % kOutlets];
        o.query = word();
        break;
      default:
        o.speaker = gen->speakers()[rng() % kSpeakers].first;
        o.target = kTargets[0];
        o.stance = kLabels[rng() % 4];
        o.sort = "date";
        break;
    }
    if (!o.since.empty() && o.until.empty() && rng() % 2) o.until = DateOf(kDays - 1);
    out.push_back(o);
  }
  return out;
}

// The query kinds of QueryMix, by i % 8, for the per-kind figures.
const char* const kQueryKinds[] = {"one word",
                                   "two words",
                                   "phrase",
                                   "speaker + word",
                                   "target + stance + since",
                                   "word + date:A..B",
                                   "outlet + word",
                                   "speaker + target + stance, by date"};

// One search of the mix, timed in ms (`*hits` counts the hits). `tiers` false: the same search
// reading whole posting lists, never a word's impact tier (index/schema.h): the baseline.
double TimeQuery(const std::string& db, SearchOptions o, bool facets, bool tiers, size_t* hits) {
  o.limit = 10;
  o.facets = facets;
  o.count_facets = facets;
  auto start = Clock::now();
  Result<SearchResult> r = Status::Runtime("not run");
  if (tiers) {
    r = Search(db, o);
  } else {
    Xapian::Database handle(db);  // opened per query, as Search does
    r = query_internal::SearchOpen(handle, o, false);
  }
  double ms = Seconds(start) * 1000;
  if (!r.ok()) {
    std::fprintf(stderr, "index_bench: query '%s': %s\n", o.query.c_str(),
                 r.status().message().c_str());
    return ms;
  }
  *hits += r->hits.size();
  return ms;
}

Latency RunQueries(const std::string& db, const std::vector<SearchOptions>& queries, bool facets,
                   size_t* hits) {
  Latency lat;
  for (const SearchOptions& o : queries) lat.ms.push_back(TimeQuery(db, o, facets, true, hits));
  return lat;
}

// The mix with tiers (`*tiers`) and without (`*whole`), each query both ways in turn. The second
// run of a query finds what the first read in the page cache, so which goes first alternates
// every round of the mix's kinds: both ways meet the same cache, whether the index fits in it
// or not.
void RunPairs(const std::string& db, const std::vector<SearchOptions>& queries, Latency* tiers,
              std::vector<Latency>* tiers_by_kind, Latency* whole,
              std::vector<Latency>* whole_by_kind, size_t* hits) {
  tiers_by_kind->assign(std::size(kQueryKinds), Latency());
  whole_by_kind->assign(std::size(kQueryKinds), Latency());
  size_t whole_hits = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    double with = 0, without = 0;
    if ((i / std::size(kQueryKinds)) % 2 == 0) {
      with = TimeQuery(db, queries[i], false, true, hits);
      without = TimeQuery(db, queries[i], false, false, &whole_hits);
    } else {
      without = TimeQuery(db, queries[i], false, false, &whole_hits);
      with = TimeQuery(db, queries[i], false, true, hits);
    }
    tiers->ms.push_back(with);
    whole->ms.push_back(without);
    (*tiers_by_kind)[i % std::size(kQueryKinds)].ms.push_back(with);
    (*whole_by_kind)[i % std::size(kQueryKinds)].ms.push_back(without);
  }
}

uintmax_t DiskBytes(const std::string& path) {
  uintmax_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(path, ec)) {
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  }
  return total;
}

Timing TimeTimeline(const std::string& db, size_t* counted) {
  TimelineOptions topt;
  topt.target = kTargets[0];
  Timing t;
  Result<Timeline> timeline = Status::Runtime("not run");
  Timed(&t, [&] { timeline = BuildTimeline(db, topt); });
  if (!timeline.ok()) {
    std::fprintf(stderr, "index_bench: timeline: %s\n", timeline.status().message().c_str());
    return t;
  }
  for (const TimelineCell& c : timeline->cells) *counted += c.claims;
  return t;
}

void PrintKinds(std::vector<Latency>* by_kind) {
  for (size_t k = 0; k < by_kind->size(); ++k) {
    std::string label = std::string("  ") + kQueryKinds[k] + ", p50 / p99 ms";
    std::printf("%-46s %7.3f / %.3f\n", label.c_str(), (*by_kind)[k].Percentile(0.50),
                (*by_kind)[k].Percentile(0.99));
  }
}

void PrintQueryFigures(Latency* page, std::vector<Latency>* by_kind, Latency* whole,
                       std::vector<Latency>* whole_by_kind, Latency* faceted,
                       const Timing& timeline, size_t counted) {
  std::printf("%-46s %14.3f %10s\n", "search top-10 page p50, ms", page->Percentile(0.50), "<= 1");
  std::printf("%-46s %14.3f %10s\n", "search top-10 page p99, ms", page->Percentile(0.99), "<= 10");
  PrintKinds(by_kind);
  std::printf("%-46s %14.3f\n", "baseline, whole posting lists: p50, ms", whole->Percentile(0.50));
  std::printf("%-46s %14.3f\n", "baseline, whole posting lists: p99, ms", whole->Percentile(0.99));
  PrintKinds(whole_by_kind);
  std::printf("%-46s %14.3f\n", "search with --facets p50, ms", faceted->Percentile(0.50));
  std::printf("%-46s %14.3f\n", "search with --facets p99, ms", faceted->Percentile(0.99));
  std::printf("%-46s %14.3f %10s\n", "timeline over all claims (by speaker, month), s",
              timeline.wall, "<= 1");
  std::printf("%-46s %14.3f\n", "  the same, CPU seconds", timeline.cpu);
  std::printf("%-46s %14zu\n", "  claims counted in the timeline", counted);
}

// The `n` slowest queries of `mix` by `lat` (in mix order, unsorted), to stderr: what the p99 is
// made of.
void PrintSlowest(const std::vector<SearchOptions>& mix, const Latency& lat, size_t n) {
  std::vector<size_t> order(std::min(mix.size(), lat.ms.size()));
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lat.ms[a] > lat.ms[b]; });
  for (size_t k = 0; k < std::min(n, order.size()); ++k) {
    const SearchOptions& o = mix[order[k]];
    std::fprintf(stderr, "  slow %7.3f ms  %-34s q='%s' speaker=%s outlet=%s target=%s "
                 "stance=%s since=%s until=%s sort=%s\n", lat.ms[order[k]],
                 kQueryKinds[order[k] % std::size(kQueryKinds)], o.query.c_str(),
                 o.speaker.c_str(), o.outlet.c_str(), o.target.c_str(), o.stance.c_str(),
                 o.since.c_str(), o.until.c_str(), o.sort.c_str());
  }
}

// Search and timeline figures over an index an earlier run left in --dir.
// Search latency (a warm-up, then the whole mix without and with facets) and a timeline over
// every claim, on the index in `db`: the query half of both the full run and --queries-only.
struct QueryFigures {
  Latency page, whole, faceted;
  std::vector<Latency> by_kind, whole_by_kind;
  Timing timeline;
  size_t counted = 0, hits = 0, queries = 0;
};

QueryFigures MeasureQueries(const std::string& db, const Flags& f) {
  size_t n_queries = f.queries;
  QueryFigures q;
  Generator gen(42);
  std::vector<SearchOptions> mix = QueryMix(&gen, n_queries);
  q.queries = mix.size();
  RunQueries(
      db, std::vector<SearchOptions>(mix.begin(), mix.begin() + std::min<size_t>(50, mix.size())),
      false, &q.hits);  // warm the page cache
  q.hits = 0;
  RunPairs(db, mix, &q.page, &q.by_kind, &q.whole, &q.whole_by_kind, &q.hits);
  PrintSlowest(mix, q.page, f.slowest);
  size_t facet_hits = 0;
  if (f.facets) q.faceted = RunQueries(db, mix, true, &facet_hits);
  for (size_t run = 0; run < f.timeline_runs; ++run) {
    size_t counted = 0;
    Timing t = TimeTimeline(db, &counted);
    if (run == 0 || t.cpu < q.timeline.cpu) q.timeline = t;
    q.counted = counted;
  }
  return q;
}

int QueriesOnly(const Flags& f, const std::string& db) {
  size_t claims = 0;
  try {
    claims = Xapian::Database(db).get_termfreq("XTclaim");
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "index_bench: %s: %s\n", db.c_str(), e.get_description().c_str());
    return 1;
  }
  std::printf("index_bench --queries-only: %zu claims already indexed in %s\n", claims, db.c_str());
  // An index an older claimdex wrote has no document table (index/doc_table.h): an index run
  // with nothing new commits and writes it, as 'claimdex index' does.
  Result<IndexReport> refreshed = Status::Runtime("not run");
  Timing commit;
  Timed(&commit, [&] { refreshed = IndexDocuments(db, {}); });
  if (!refreshed.ok()) {
    std::fprintf(stderr, "index_bench: %s\n", refreshed.status().message().c_str());
    return 1;
  }
  std::printf("an empty commit with its document table: %.3f s\n", commit.wall);
  QueryFigures q = MeasureQueries(db, f);
  std::printf("\n%-46s %14s %10s\n", "measure", "value", "goal");
  PrintQueryFigures(&q.page, &q.by_kind, &q.whole, &q.whole_by_kind, &q.faceted, q.timeline,
                    q.counted);
  std::printf("%-46s %14.1f\n", "index size on disk, MB", static_cast<double>(DiskBytes(db)) / 1e6);
  return 0;
}

int Main(int argc, char** argv) {
  Flags f = ParseFlags(argc, argv);
  std::string root = f.dir;
  if (root.empty()) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "claimdex-index-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return 1;
    root = pattern;
  }
  std::filesystem::create_directories(root);
  std::string db = root + "/xapian", raw = root + "/raw";
  if (f.queries_only) return QueriesOnly(f, db);
  std::filesystem::remove_all(db);
  std::filesystem::remove_all(raw);
  std::printf(
      "index_bench: %zu synthetic claims (%zu per article), %zu speakers, 3 targets, "
      "%zu outlets, 2023-01-01..2024-12-31, in %s\n",
      f.claims, kClaimsPerArticle, kSpeakers, kOutlets, root.c_str());

  size_t claims = 0;
  Timing claimdex_t = IndexWithClaimdex(f, db, &claims);
  size_t docs = claims + claims / kClaimsPerArticle;
  std::fprintf(stderr, "  raw Xapian add_document of the same documents...\n");
  Timing raw_t = IndexRaw(db, raw);
  double n = static_cast<double>(claims);

  QueryFigures q = MeasureQueries(db, f);

  uintmax_t bytes = DiskBytes(db), raw_bytes = DiskBytes(raw);
  std::printf("\n%-46s %14s %10s\n", "measure", "value", "goal");
  std::printf("%-46s %14.0f\n", "claimdex indexer, claims/s (wall)", n / claimdex_t.wall);
  std::printf("%-46s %14.0f\n", "raw Xapian add_document, claims/s (wall)", n / raw_t.wall);
  std::printf("%-46s %14.2f %10s\n", "  ratio claimdex / raw (wall)", raw_t.wall / claimdex_t.wall,
              ">= 0.80");
  std::printf("%-46s %14.0f\n", "claimdex indexer, claims per CPU second", n / claimdex_t.cpu);
  std::printf("%-46s %14.0f\n", "raw Xapian add_document, claims per CPU s", n / raw_t.cpu);
  std::printf("%-46s %14.2f %10s\n", "  ratio claimdex / raw (CPU)", raw_t.cpu / claimdex_t.cpu,
              ">= 0.80");
  PrintQueryFigures(&q.page, &q.by_kind, &q.whole, &q.whole_by_kind, &q.faceted, q.timeline,
                    q.counted);
  std::printf("%-46s %14.1f\n", "index size on disk, MB", static_cast<double>(bytes) / 1e6);
  std::printf("%-46s %14.0f\n", "  bytes per claim (claim + article docs)",
              static_cast<double>(bytes) / static_cast<double>(std::max<size_t>(claims, 1)));
  std::printf("%-46s %14.1f\n", "raw copy size on disk, MB", static_cast<double>(raw_bytes) / 1e6);
  std::printf("(%zu Xapian documents; %zu queries, %zu hits returned)\n", docs, q.queries, q.hits);
  if (!f.keep && f.dir.empty()) std::filesystem::remove_all(root);
  return 0;
}

}  // namespace
}  // namespace claimdex

int main(int argc, char** argv) { return claimdex::Main(argc, argv); }
