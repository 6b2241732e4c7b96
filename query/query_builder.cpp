#include "query/query_builder.h"

#include <functional>
#include <memory>
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

// "date:2025-01-01..2025-03-31", inclusive, either end may be empty. Xapian's
// DateRangeProcessor turns an impossible date into an empty query (which would then match
// everything); a bad date here is a parse error the user sees instead.
class DateRange : public Xapian::RangeProcessor {
 public:
  DateRange() : Xapian::RangeProcessor(s::kSlotDate, "date:") {}

  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    std::string b = Checked(begin), e = Checked(end);
    // An empty range would otherwise parse to an empty query, which reads as "nothing to
    // search for" instead of naming the mistake.
    if (!b.empty() && !e.empty() && b > e) {
      throw Xapian::QueryParserError("date range " + begin + ".." + end + " ends before it starts");
    }
    if (b.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, e);
    if (e.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, b);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, b, e);
  }

 private:
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
// query text matches claim documents only (MatchesClaimsOnly).
Result<std::vector<Xapian::Query>> OptionFilters(const SearchOptions& o, bool text_claims_only) {
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
  if (!since->empty()) f.push_back(Xapian::Query(Xapian::Query::OP_VALUE_GE, s::kSlotDate, *since));
  if (!until->empty()) f.push_back(Xapian::Query(Xapian::Query::OP_VALUE_LE, s::kSlotDate, *until));
  return f;
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
                               const std::shared_ptr<std::string>& field_error, bool articles) {
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
  qp.add_rangeprocessor((new DateRange())->release());
  return qp;
}

Result<Xapian::Query> BuildQuery(const Xapian::Database& db, const SearchOptions& options,
                                 Xapian::QueryParser* parser) {
  auto field_error = std::make_shared<std::string>();
  *parser = MakeParser(db, field_error, options.articles);
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
  Result<std::vector<Xapian::Query>> filters = OptionFilters(options, MatchesClaimsOnly(text));
  if (!filters.ok()) return filters.status();
  // An AND of nothing is an empty query, which would filter everything out.
  if (filters->empty()) return text;
  return Xapian::Query(Xapian::Query::OP_FILTER, text, AndAll(*filters));
}

}  // namespace claimdex::query_internal
