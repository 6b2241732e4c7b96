#include "query/query_builder.h"

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "index/schema.h"
#include "query/index_reader.h"

namespace claimdex::query_internal {
namespace {

namespace s = schema;

Xapian::Query Term(const char* prefix, const std::string& value) {
  return Xapian::Query(std::string(prefix) + value);
}

const char* const kLabels[] = {"support", "oppose", "mixed", "neutral"};

bool IsLabel(const std::string& label) {
  for (const char* l : kLabels) {
    if (label == l) return true;
  }
  return false;
}

std::string BadLabel(const std::string& label) {
  return "unknown stance '" + label + "' (expected support, oppose, mixed or neutral)";
}

// Lets a field in the query text ("speaker:Sacks") use the same normalisation as the options.
class FilterProcessor : public Xapian::FieldProcessor {
 public:
  explicit FilterProcessor(std::function<Xapian::Query(const std::string&)> fn)
      : fn_(std::move(fn)) {}
  Xapian::Query operator()(const std::string& value) override { return fn_(value); }

 private:
  std::function<Xapian::Query(const std::string&)> fn_;
};

// "stance:oppose" or "stance:export-controls:oppose" in the query text. A bad label is
// recorded in `*error` rather than thrown: Xapian 1.4's parser leaks its state when a field
// processor throws. BuildQuery reports the error after parsing.
Xapian::Query StanceField(const std::string& value, std::string* error) {
  size_t colon = value.rfind(':');
  std::string target = colon == std::string::npos ? "" : value.substr(0, colon);
  std::string label = s::NormaliseTermValue(value.substr(colon == std::string::npos ? 0 : colon + 1));
  Result<Xapian::Query> q = StanceFilter(target, label);
  if (q.ok()) return *q;
  if (error->empty()) *error = q.status().message();
  return Xapian::Query::MatchNothing;
}

// The date slot between `first` and `last` ("YYYYMMDD", inclusive, "" for an open end).
Xapian::Query RangeQuery(const std::string& first, const std::string& last) {
  if (first.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, s::kSlotDate, last);
  if (last.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, s::kSlotDate, first);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, s::kSlotDate, first, last);
}

// "date:2025-01-01..2025-03-31", inclusive, either end may be empty. Xapian's
// DateRangeProcessor turns an impossible date into an empty query (which would then match
// everything); a bad date here is a parse error the user sees instead.
class DateRange : public Xapian::RangeProcessor {
 public:
  explicit DateRange(std::shared_ptr<DateRanges> parsed)
      : Xapian::RangeProcessor(s::kSlotDate, "date:"), parsed_(std::move(parsed)) {}

  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    std::string b = Checked(begin), e = Checked(end);
    // An empty range would otherwise parse to an empty query, which reads as "nothing to
    // search for" instead of naming the mistake.
    if (!b.empty() && !e.empty() && b > e) {
      throw Xapian::QueryParserError("date range " + begin + ".." + end + " ends before it starts");
    }
    Xapian::Query q = RangeQuery(b, e);
    if (parsed_) parsed_->emplace_back(q.get_description(), DateBounds{b, e});
    return q;
  }

 private:
  std::shared_ptr<DateRanges> parsed_;

  static std::string Checked(const std::string& date) {
    Result<std::string> v = DateFlag("date:", date);
    if (!v.ok()) throw Xapian::QueryParserError("'" + date + "' is not a date (YYYY-MM-DD)");
    return *v;
  }
};

void AddField(Xapian::QueryParser* qp, const std::string& field,
              std::function<Xapian::Query(const std::string&)> fn) {
  qp->add_boolean_prefix(field, (new FilterProcessor(std::move(fn)))->release());
}

Xapian::Query AndAll(const std::vector<Xapian::Query>& parts) {
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// Whether `term` is only ever on claim documents: an unprefixed word (claim text, speaker name;
// stemmed "Zword" too) or a speaker, speaker-word, entity, target, stance, kind, cluster or
// article-id term. Prefixes are upper case; "Z" + an upper-case letter is a stemmed prefixed
// word ("ZSword" of a title).
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool ClaimOnlyTerm(const std::string& term) {
  if (term.empty()) return false;
  if (term[0] == 'Z') return term.size() > 1 && !IsUpper(term[1]);  // a claim word's stem
  if (!IsUpper(term[0])) return true;
  static const char* const kClaimPrefixes[] = {s::kPrefixSpeaker, s::kPrefixSpeakerWord,
                                               s::kPrefixEntity,  s::kPrefixTarget,
                                               s::kPrefixStance,  s::kPrefixKind,
                                               s::kPrefixCluster, s::kPrefixArticle};
  for (const char* p : kClaimPrefixes) {
    if (term.rfind(p, 0) == 0) return true;
  }
  return false;
}

}  // namespace

bool MatchesClaimsOnly(const Xapian::Query& q) {
  using Q = Xapian::Query;
  size_t n = q.get_num_subqueries();
  switch (q.get_type()) {
    case Q::LEAF_TERM:
      return q.get_unique_terms_begin() != q.get_unique_terms_end() &&
             ClaimOnlyTerm(*q.get_unique_terms_begin());
    case Q::LEAF_MATCH_NOTHING:
      return true;
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_NEAR:
    case Q::OP_PHRASE:
      // Every match matches each subquery: one claims-only subquery is enough.
      for (size_t i = 0; i < n; ++i) {
        if (MatchesClaimsOnly(q.get_subquery(i))) return true;
      }
      return false;
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      return n > 0 && MatchesClaimsOnly(q.get_subquery(0));
    case Q::OP_OR:
    case Q::OP_XOR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_ELITE_SET:
      for (size_t i = 0; i < n; ++i) {
        if (!MatchesClaimsOnly(q.get_subquery(i))) return false;
      }
      return n > 0;
    default:  // match-all, value ranges, wildcards: articles could match
      return false;
  }
}

namespace {

// Filters from the options, each AND-ed with the type filter; `text_claims_only`: the parsed
// query text matches claim documents only (MatchesClaimsOnly). With `dates`, --since and
// --until go there instead of into the filters.
Result<std::vector<Xapian::Query>> OptionFilters(const SearchOptions& o, bool text_claims_only,
                                                 std::vector<DateBounds>* dates) {
  std::vector<Xapian::Query> f;
  // Speaker, entity, kind, target and stance terms and unprefixed words are only on claim
  // documents, so with one of them the type term is implied; leaving it out spares a skip
  // through the longest posting list of the index for every candidate (most of the time of a
  // search for a common word).
  bool claim_only = text_claims_only || !o.speaker.empty() || !o.entity.empty() ||
                    !o.kind.empty() || !o.target.empty() || !o.stance.empty();
  if (o.articles || !claim_only) {
    f.push_back(Term(s::kPrefixType, o.articles ? s::kTypeArticle : s::kTypeClaim));
  }
  if (!o.speaker.empty()) f.push_back(SpeakerFilter(o.speaker));
  if (!o.entity.empty()) f.push_back(EntityFilter(o.entity));
  if (!o.outlet.empty()) f.push_back(OutletFilter(o.outlet));
  if (!o.kind.empty()) f.push_back(KindFilter(o.kind));
  if (!o.stance.empty()) {
    Result<Xapian::Query> q = StanceFilter(o.target, o.stance);
    if (!q.ok()) return q.status().WithContext("--stance");
    f.push_back(*q);
  } else if (!o.target.empty()) {
    f.push_back(TargetFilter(o.target));
  }
  Result<std::string> since = DateFlag("--since", o.since);
  if (!since.ok()) return since.status();
  Result<std::string> until = DateFlag("--until", o.until);
  if (!until.ok()) return until.status();
  if (!since->empty() && !until->empty() && *since > *until) {
    return Status::InvalidInput("--since " + o.since + " is after --until " + o.until);
  }
  if (since->empty() && until->empty()) return f;
  if (dates) {
    dates->push_back({*since, *until});
  } else {
    f.push_back(RangeQuery(*since, *until));
  }
  return f;
}

bool IsValueRange(const Xapian::Query& q) {
  Xapian::Query::op type = q.get_type();
  return type == Xapian::Query::OP_VALUE_RANGE || type == Xapian::Query::OP_VALUE_GE ||
         type == Xapian::Query::OP_VALUE_LE;
}

// The bounds of `q` when it is one of the date ranges the parser made.
const DateBounds* ParsedRange(const Xapian::Query& q, const DateRanges& parsed) {
  if (!IsValueRange(q)) return nullptr;
  std::string description = q.get_description();
  for (const auto& [d, bounds] : parsed) {
    if (d == description) return &bounds;
  }
  return nullptr;
}

// `q` without the parsed date ranges that every match must meet: those that are `q` itself or
// a conjunct of an AND or FILTER (recursively); they go to `*dates`. A query that was nothing
// but such ranges becomes an empty Query.
Xapian::Query LiftDates(const Xapian::Query& q, const DateRanges& parsed,
                        std::vector<DateBounds>* dates) {
  if (const DateBounds* bounds = ParsedRange(q, parsed)) {
    dates->push_back(*bounds);
    return Xapian::Query();
  }
  Xapian::Query::op type = q.get_type();
  if (type != Xapian::Query::OP_AND && type != Xapian::Query::OP_FILTER) return q;
  std::vector<Xapian::Query> kept;
  bool weighted_part_left = true;  // FILTER: its first subquery is the one that is weighted
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    Xapian::Query sub = LiftDates(q.get_subquery(i), parsed, dates);
    if (!sub.empty()) {
      kept.push_back(sub);
    } else if (i == 0 && type == Xapian::Query::OP_FILTER) {
      weighted_part_left = false;
    }
  }
  if (kept.empty()) return Xapian::Query();
  if (type == Xapian::Query::OP_FILTER && !weighted_part_left) {
    // A value range weighs nothing: what stands in for it must not either.
    kept.insert(kept.begin(), Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                            Xapian::Query::MatchAll, 0.0));
  }
  if (kept.size() == 1) return kept[0];
  return Xapian::Query(type, kept.begin(), kept.end());
}

}  // namespace

Xapian::Query SpeakerFilter(const std::string& value) {
  std::vector<Xapian::Query> words;
  for (const std::string& w : s::NameWords(value)) words.push_back(Term(s::kPrefixSpeakerWord, w));
  Xapian::Query id = Term(s::kPrefixSpeaker, s::NormaliseTermValue(value));
  if (words.empty()) return id;
  return Xapian::Query(Xapian::Query::OP_OR, id, AndAll(words));
}

Xapian::Query EntityFilter(const std::string& v) { return Term(s::kPrefixEntity, s::NormaliseTermValue(v)); }
Xapian::Query TargetFilter(const std::string& v) { return Term(s::kPrefixTarget, s::NormaliseTermValue(v)); }
Xapian::Query OutletFilter(const std::string& v) { return Term(s::kPrefixOutlet, s::NormaliseTermValue(v)); }

Xapian::Query KindFilter(const std::string& value) {
  std::string kind = s::NormaliseTermValue(value);
  for (char& c : kind) {
    if (c == '-') c = '_';  // "direct-quote" means "direct_quote"
  }
  return Term(s::kPrefixKind, kind);
}

Result<Xapian::Query> StanceFilter(const std::string& target, const std::string& label) {
  std::string l = s::NormaliseTermValue(label);
  if (!IsLabel(l)) return Status::InvalidInput(BadLabel(label));
  if (target.empty()) return Term(s::kPrefixStance, l);
  return Term(s::kPrefixStance, s::NormaliseTermValue(target) + ":" + l);
}

unsigned ParserFlags() {
  return Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD;
}

Xapian::QueryParser MakeParser(const Xapian::Database& db,
                               const std::shared_ptr<std::string>& field_error, bool articles,
                               const std::shared_ptr<DateRanges>& date_ranges) {
  Xapian::QueryParser qp;
  // Article text is indexed under its own prefix; claim text unprefixed.
  if (articles) qp.add_prefix("", s::kPrefixArticleText);
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  // An analyst typing two words means both (like a web search engine), not either.
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.add_prefix("title", s::kPrefixTitle);
  AddField(&qp, "speaker", SpeakerFilter);
  AddField(&qp, "entity", EntityFilter);
  AddField(&qp, "target", TargetFilter);
  AddField(&qp, "outlet", OutletFilter);
  AddField(&qp, "kind", KindFilter);
  AddField(&qp, "stance", [field_error](const std::string& v) {
    return StanceField(v, field_error.get());
  });
  qp.add_rangeprocessor((new DateRange(date_ranges))->release());
  return qp;
}

std::vector<std::pair<std::string, Xapian::doccount>> IndexMonths(const Xapian::Database& db) {
  std::vector<std::pair<std::string, Xapian::doccount>> months;
  std::string lo = db.get_value_lower_bound(s::kSlotDate);
  std::string hi = db.get_value_upper_bound(s::kSlotDate);
  auto month_number = [](const std::string& date) {  // "YYYYMMDD" -> years * 12 + month - 1
    uint32_t day = 0;
    if (!s::DateNumber(date, &day)) return -1;
    int month = static_cast<int>(day / 100 % 100);
    return month < 1 || month > 12 ? -1 : static_cast<int>(day / 10000) * 12 + month - 1;
  };
  int first = month_number(lo), last = month_number(hi);
  if (first >= 0 && last >= first && last - first < 12 * 50) {
    for (int m = first; m <= last; ++m) {
      char term[32];
      std::snprintf(term, sizeof term, "%s%04d%02d", s::kPrefixMonth, m / 12, m % 12 + 1);
      Xapian::doccount n = db.get_termfreq(term);
      if (n > 0) months.emplace_back(term, n);
    }
    return months;
  }
  // Dates that are not all YYYYMMDD (an index written by hand), or over half a century: list
  // the terms.
  for (auto t = db.allterms_begin(s::kPrefixMonth); t != db.allterms_end(s::kPrefixMonth); ++t) {
    months.emplace_back(*t, t.get_termfreq());
  }
  return months;
}

namespace {

// The publication months (month terms) that can hold a date meeting every one of `dates`, OR-ed
// into a boolean filter — when they hold less than a quarter of the index. A date condition left
// to the DateDecider is checked only for a document that could enter the page, but under a
// narrow range most of a common word's postings fail it, and the page's weight threshold rises
// slowly while they do: each check reads a date value (a word with six weeks of two years took
// 10 ms at a million claims, bench/index_bench.cpp). The months' posting lists let Xapian skip
// those postings instead. Exact as a prefilter: every dated document has its month's term and an
// undated one meets no date condition; the decider still checks the days at either end.
// MatchNothing when no month of the index can hold such a date.
std::optional<Xapian::Query> MonthsFilter(const Xapian::Database& db,
                                          const std::vector<DateBounds>& dates) {
  constexpr double kMaxShare = 1.0 / 4;
  std::string first, last;  // "YYYYMMDD", the intersection of `dates`; "" for an open end
  for (const DateBounds& d : dates) {
    if (!d.first.empty() && d.first > first) first = d.first;
    if (!d.last.empty() && (last.empty() || d.last < last)) last = d.last;
  }
  if ((first.empty() && last.empty()) || db.get_doccount() == 0) return std::nullopt;
  const size_t prefix = std::strlen(s::kPrefixMonth);
  std::string lo = first.substr(0, 6), hi = last.substr(0, 6);  // "YYYYMM"
  std::vector<Xapian::Query> months;
  double covered = 0;
  for (const auto& [term, n] : IndexMonths(db)) {
    std::string month = term.substr(prefix);
    if (month < lo) continue;
    if (!hi.empty() && month > hi) break;
    months.emplace_back(term);
    covered += n;
  }
  if (covered > kMaxShare * db.get_doccount()) return std::nullopt;
  if (months.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, months.begin(), months.end());
}

}  // namespace

Result<Xapian::Query> BuildQuery(const Xapian::Database& db, const SearchOptions& options,
                                 Xapian::QueryParser* parser, std::vector<DateBounds>* dates) {
  auto field_error = std::make_shared<std::string>();
  auto date_ranges = dates ? std::make_shared<DateRanges>() : nullptr;
  *parser = MakeParser(db, field_error, options.articles, date_ranges);
  Xapian::Query text = Xapian::Query::MatchAll;
  if (options.query.find_first_not_of(" \t\n") != std::string::npos) {
    try {
      text = parser->parse_query(options.query, ParserFlags());
    } catch (const Xapian::QueryParserError& e) {
      return Status::InvalidInput("bad query '" + options.query + "': " + e.get_msg());
    }
    if (!field_error->empty()) {
      return Status::InvalidInput("bad query '" + options.query + "': " + *field_error);
    }
    // A query of fields only ("speaker:sacks") parses to a boolean filter, not to an empty
    // query; empty means nothing searchable was left ("((("), which must not match everything.
    if (text.empty()) {
      return Status::InvalidInput("bad query '" + options.query + "': nothing to search for");
    }
  }
  Result<std::vector<Xapian::Query>> filters =
      OptionFilters(options, MatchesClaimsOnly(text), dates);
  if (!filters.ok()) return filters.status();
  if (date_ranges && !date_ranges->empty()) {
    text = LiftDates(text, *date_ranges, dates);
    if (text.empty()) {
      text = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query::MatchAll, 0.0);
    }
  }
  // Without words to rank, the page is the first matches in index order: Xapian stops as soon as
  // it has them, and the months' lists would only be more to read.
  // (The parser makes a query of fields alone weightless, OP_SCALE_WEIGHT by 0.)
  bool ranked = text.get_type() != Xapian::Query::LEAF_MATCH_ALL &&
                text.get_type() != Xapian::Query::OP_SCALE_WEIGHT;
  if (dates && !dates->empty() && ranked) {
    if (std::optional<Xapian::Query> months = MonthsFilter(db, *dates)) filters->push_back(*months);
  }
  // An AND of nothing is an empty query, which would filter everything out.
  if (filters->empty()) return text;
  return Xapian::Query(Xapian::Query::OP_FILTER, text, AndAll(*filters));
}

Xapian::Query WithDates(const Xapian::Query& query, const std::vector<DateBounds>& dates) {
  if (dates.empty()) return query;
  std::vector<Xapian::Query> ranges;
  for (const DateBounds& d : dates) ranges.push_back(RangeQuery(d.first, d.last));
  return Xapian::Query(Xapian::Query::OP_FILTER, query, AndAll(ranges));
}

DateDecider::DateDecider(std::vector<DateBounds> dates, const DocTable* table)
    : dates_(std::move(dates)), table_(table) {
  for (const DateBounds& d : dates_) {
    uint32_t first = 0, last = UINT32_MAX;
    if ((!d.first.empty() && !s::DateNumber(d.first, &first)) ||
        (!d.last.empty() && !s::DateNumber(d.last, &last))) {
      table_ = nullptr;  // compare as strings, as the slot sorts
      break;
    }
    days_.emplace_back(first, last);
  }
}

bool DateDecider::operator()(const Xapian::Document& doc) const {
  ++asked_;
  uint32_t day = table_ ? table_->Day(doc.get_docid()) : kTableOddDate;
  bool accepted = day == kTableOddDate || day == kTableNoDocument
                      ? Accepts(doc.get_value(s::kSlotDate))
                      : AcceptsDay(day);
  if (!accepted) return false;
  ++accepted_;
  return true;
}

bool DateDecider::AcceptsDay(uint32_t day) const {
  if (day == 0) return false;  // undated documents meet no date condition
  for (const auto& [first, last] : days_) {
    if (day < first || day > last) return false;
  }
  return true;
}

bool DateDecider::Accepts(const std::string& date) const {
  if (date.empty()) return false;  // undated documents meet no date condition
  for (const DateBounds& d : dates_) {
    if (!d.first.empty() && date < d.first) return false;
    if (!d.last.empty() && date > d.last) return false;
  }
  return true;
}

}  // namespace claimdex::query_internal
