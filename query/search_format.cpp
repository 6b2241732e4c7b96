// FormatSearchText, FormatSearchJson, FormatSearchCsv: the three renderings of SearchResult.
#include <nlohmann/json.hpp>
#include <set>

#include "index/schema.h"
#include "query/index_reader.h"
#include "query/search.h"

namespace claimdex {
namespace {

using Json = nlohmann::ordered_json;
using query_internal::CsvField;
using query_internal::DisplayWidth;
using query_internal::TargetDisplayName;
using query_internal::Truncate;

constexpr size_t kWidth = 90;
constexpr size_t kFacetsShown = 3;

const char kBold[] = "\x1b[1m";
const char kDim[] = "\x1b[2m";
const char kMatch[] = "\x1b[1;33m";
const char kReset[] = "\x1b[0m";

std::string Paint(const std::string& text, const char* code, bool color) {
  return color ? code + text + kReset : text;
}

// Turns the \x01 ... \x02 match markers into colour, or drops them.
std::string RenderMarks(const std::string& text, bool color) {
  std::string out;
  for (char c : text) {
    if (c == '\x01') {
      if (color) out += kMatch;
    } else if (c == '\x02') {
      if (color) out += kReset;
    } else {
      out += c;
    }
  }
  return out;
}

std::string PadRight(const std::string& text, size_t width) {
  size_t w = DisplayWidth(text);
  return w >= width ? text + " " : text + std::string(width - w, ' ');
}

const ClaimStance* ShownStance(const Claim& claim, const std::string& target) {
  for (const ClaimStance& st : claim.stances) {
    if (target.empty() || st.target == target) return &st;
  }
  return nullptr;
}

std::string SpeakerLabel(const Claim& claim) {
  if (!claim.speaker) return "(unattributed)";
  if (schema::IsUnnamedSpeaker(*claim.speaker)) return "unnamed source: " + claim.speaker->name;
  std::string label = claim.speaker->name.empty() ? claim.speaker->id : claim.speaker->name;
  if (claim.speaker->type == "author") label += " (author)";
  return label;
}

const char* StanceColour(const std::string& label) {
  if (label == "support") return "\x1b[34m";
  if (label == "oppose") return "\x1b[31m";
  return "\x1b[2m";
}

std::string HeaderLine(const SearchHit& hit, size_t rank, size_t rank_width,
                       const SearchOptions& options, bool color) {
  std::string num = std::to_string(rank);
  std::string who = SpeakerLabel(hit.claim);
  std::string role = hit.claim.speaker ? hit.claim.speaker->role : "";
  std::string left = Paint(who, kBold, color) + (role.empty() ? "" : " · " + role);
  left = Truncate(left, 46);
  std::string stance = "no stance";
  const ClaimStance* st = ShownStance(hit.claim, options.target);
  if (st) stance = Paint(st->label, StanceColour(st->label), color) + " · " + TargetDisplayName(st->target);
  return num + std::string(rank_width - num.size(), ' ') + PadRight(left, 47) +
         PadRight(Truncate(stance, 28), 29) +
         (hit.source.published.empty() ? "undated" : hit.source.published);
}

std::string AlsoIn(const SearchHit& hit) {
  if (hit.also_in.empty()) return "";
  std::set<std::string> outlets;
  for (const SourceRef& s : hit.also_in) outlets.insert(s.outlet);
  bool distinct = outlets.size() == hit.also_in.size() && !outlets.count(hit.source.outlet);
  std::string n = std::to_string(hit.also_in.size());
  std::string what = distinct ? (hit.also_in.size() == 1 ? " other outlet" : " other outlets")
                              : (hit.also_in.size() == 1 ? " other article" : " other articles");
  std::string first = hit.also_in.front().published;
  return "also in " + n + what + (first.empty() ? "" : " (first: " + first + ")");
}

void AppendHit(const SearchHit& hit, size_t rank, size_t rank_width, const SearchOptions& options,
               bool color, std::string* out) {
  std::string indent(rank_width, ' ');
  *out += HeaderLine(hit, rank, rank_width, options, color) + "\n";
  std::string text = hit.snippet.empty() ? hit.claim.text : hit.snippet;
  for (const std::string& line : query_internal::Wrap(text, kWidth - rank_width, indent)) {
    *out += RenderMarks(line, color) + "\n";
  }
  // Indirect speech: what exactly is attributed. One sentence may hold several claims ("Toner
  // said the ban works, but Sacks argued it is overly restrictive"), each with its own.
  if (hit.claim.kind != "direct_quote" && !hit.claim.quote.empty() &&
      hit.claim.quote.size() + 20 < hit.claim.text.size()) {
    for (const std::string& line :
         query_internal::Wrap("reported: " + hit.claim.quote, kWidth - rank_width, indent)) {
      *out += Paint(line, kDim, color) + "\n";
    }
  }
  std::string where = hit.source.outlet;
  if (!hit.source.title.empty()) where += (where.empty() ? "" : " — ") + hit.source.title;
  *out += indent + Truncate(where, kWidth - rank_width) + "\n";
  std::string link = hit.source.url;
  if (!hit.claim.id.empty()) {
    link += "  ¶" + std::to_string(hit.claim.paragraph) + "  " + hit.claim.id;
  }
  std::string also = AlsoIn(hit);
  *out += indent + Paint(link, kDim, color) + (also.empty() ? "" : "   " + also) + "\n";
}

// Articles mode: the title is the headline, the outlet and date below it.
void AppendArticle(const SearchHit& hit, size_t rank, size_t rank_width, bool color,
                   std::string* out) {
  std::string indent(rank_width, ' ');
  std::string num = std::to_string(rank);
  std::string title = hit.snippet.empty() ? hit.source.title : hit.snippet;
  *out += num + std::string(rank_width - num.size(), ' ') +
          RenderMarks(Truncate(title, kWidth - rank_width), color) + "\n";
  std::string date = hit.source.published.empty() ? "undated" : hit.source.published;
  *out += indent + Paint(hit.source.outlet, kBold, color) + " · " + date + "\n";
  *out += indent + Paint(hit.source.url + "  " + hit.source.doc_id, kDim, color) + "\n";
}

std::string FacetList(const std::string& facet,
                      const std::vector<std::pair<std::string, size_t>>& values, size_t max,
                      bool* cut) {
  std::string out = facet + ": ";
  for (size_t i = 0; i < values.size() && i < max; ++i) {
    if (i > 0) out += ", ";
    out += values[i].first + " " + std::to_string(values[i].second);
  }
  if (values.size() > max) {
    out += ", …";
    *cut = true;
  }
  return out;
}

// "3 of 41 claims · speaker: Villasenor 3, Sacks 2, … · outlet: …", broken between segments
// so that no line is wider than the page.
std::string SummaryLine(const SearchResult& result, const SearchOptions& options) {
  std::string noun = options.articles ? " articles" : " claims";
  std::string shown = std::to_string(options.offset + result.hits.size());
  if (options.offset > 0) shown = std::to_string(options.offset + 1) + "–" + shown;
  std::vector<std::string> segments = {shown + " of " + std::to_string(result.total) + noun};
  bool cut = false;
  if (!options.facets) {
    for (const char* facet : {"speaker", "stance", "outlet"}) {
      auto it = result.facets.find(facet);
      if (it == result.facets.end() || it->second.empty()) continue;
      segments.push_back(FacetList(facet, it->second, kFacetsShown, &cut));
    }
  }
  if (cut) segments.back() += " (--facets for all)";
  std::string out = segments[0];
  size_t width = DisplayWidth(out);
  for (size_t i = 1; i < segments.size(); ++i) {
    size_t w = DisplayWidth(segments[i]);
    if (width + 3 + w > kWidth) {
      out += "\n  " + segments[i];
      width = 2 + w;
    } else {
      out += " · " + segments[i];
      width += 3 + w;
    }
  }
  return out;
}

Json SourceJson(const SourceRef& s) {
  return {{"doc_id", s.doc_id}, {"title", s.title},         {"url", s.url},
          {"outlet", s.outlet}, {"published", s.published}, {"paragraph", s.paragraph}};
}

std::string StancesCell(const Claim& claim) {
  std::string out;
  for (const ClaimStance& st : claim.stances) {
    if (!out.empty()) out += ";";
    out += st.target + ":" + st.label;
  }
  return out;
}

}  // namespace

std::string FormatSearchText(const SearchResult& result, const SearchOptions& options, bool color) {
  if (result.hits.empty()) {
    std::string what = options.query.empty() ? "these filters" : "'" + options.query + "'";
    std::string out = std::string("no ") + (options.articles ? "articles" : "claims") +
                      " match " + what;
    if (!result.suggestion.empty()) out += " — did you mean '" + result.suggestion + "'?";
    return out + "\n";
  }
  std::string out;
  size_t last_rank = options.offset + result.hits.size();
  size_t rank_width = std::to_string(last_rank).size() + 2;
  for (size_t i = 0; i < result.hits.size(); ++i) {
    if (i > 0) out += "\n";
    if (options.articles) {
      AppendArticle(result.hits[i], options.offset + i + 1, rank_width, color, &out);
    } else {
      AppendHit(result.hits[i], options.offset + i + 1, rank_width, options, color, &out);
    }
  }
  out += '\n';
  out += SummaryLine(result, options) + "\n";
  if (options.facets) {
    for (const char* facet : {"speaker", "stance", "outlet", "month"}) {
      auto it = result.facets.find(facet);
      if (it == result.facets.end() || it->second.empty()) continue;
      bool cut = false;
      out += "  " + FacetList(facet, it->second, it->second.size(), &cut) + "\n";
    }
  }
  return out;
}

std::string FormatSearchJson(const SearchResult& result) {
  std::string out;
  for (const SearchHit& hit : result.hits) {
    // Articles mode has no claim: null rather than an empty claim object.
    Json claim = hit.claim.id.empty() ? Json(nullptr)
                                      : Json::parse(ClaimToJson(hit.claim), nullptr, false);
    Json also = Json::array();
    for (const SourceRef& s : hit.also_in) also.push_back(SourceJson(s));
    Json line = {{"weight", hit.weight},
                 {"claim", claim},
                 {"speaker", claim.is_object() ? claim["speaker"] : Json(nullptr)},
                 {"stances", claim.is_object() ? claim["stances"] : Json::array()},
                 {"source", SourceJson(hit.source)},
                 {"also_in", std::move(also)}};
    out += line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  return out;
}

std::string FormatSearchCsv(const SearchResult& result) {
  std::string out =
      "rank,claim_id,speaker_id,speaker,role,kind,stances,date,outlet,title,url,paragraph,text,"
      "quote,also_in,also_in_urls\r\n";
  size_t rank = 0;
  for (const SearchHit& hit : result.hits) {
    const Claim& c = hit.claim;
    std::string urls;
    for (const SourceRef& s : hit.also_in) urls += (urls.empty() ? "" : " ") + s.url;
    std::vector<std::string> fields = {
        std::to_string(++rank), c.id, c.speaker ? c.speaker->id : "",
        c.speaker ? c.speaker->name : "", c.speaker ? c.speaker->role : "", c.kind,
        StancesCell(c), hit.source.published, hit.source.outlet, hit.source.title,
        hit.source.url, std::to_string(c.paragraph), c.text, c.quote,
        std::to_string(hit.also_in.size()), urls};
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvField(fields[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace claimdex
