#include "query/show.h"

#include <xapian.h>

#include <cstdio>

#include "index/schema.h"
#include "query/index_reader.h"

namespace claimdex {
namespace {

namespace s = schema;
using query_internal::Json;
using query_internal::Wrap;

constexpr size_t kWidth = 90;
const char kIndent[] = "            ";  // under the 12-column labels

std::string Field(const std::string& label, const std::string& value) {
  if (value.empty()) return "";
  std::string padded = label;
  padded.resize(12, ' ');
  std::vector<std::string> lines = Wrap(value, kWidth - 12, kIndent);
  if (lines.empty()) return "";
  lines[0] = padded + lines[0].substr(12);
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string WarcLine(const Json& source) {
  auto it = source.find("warc");
  if (it == source.end() || !it->is_object()) return "";
  return Str(*it, "file") + " @ " + Str(*it, "offset") + "  " + Str(*it, "record_id");
}

std::string SpeakerLine(const Claim& c) {
  if (!c.speaker) return "(no identifiable speaker)";
  const SpeakerRef& sp = *c.speaker;
  if (s::IsUnnamedSpeaker(sp)) {
    return "unnamed source: " + sp.name + "  [via " + (sp.via.empty() ? "?" : sp.via) +
           ", confidence " + Fixed(sp.confidence) + "]";
  }
  std::string line = sp.name.empty() ? sp.id : sp.name;
  if (!sp.role.empty()) line += " — " + sp.role;
  line += "  [" + sp.id + ", " + (sp.type.empty() ? "?" : sp.type) + "; via " +
          (sp.via.empty() ? "?" : sp.via) + ", confidence " + Fixed(sp.confidence) + "]";
  return line;
}

std::string StanceLines(const Claim& c) {
  std::string out;
  for (const ClaimStance& st : c.stances) {
    std::string v = st.label + " · " + query_internal::TargetDisplayName(st.target) + "  (score " +
                    Fixed(st.score) + ")";
    for (size_t i = 0; i < st.cues.size(); ++i) {
      v += (i == 0 ? "  cues: \"" : ", \"") + st.cues[i] + "\"";
    }
    out += Field("Stance", v);
  }
  return out.empty() ? Field("Stance", "none detected") : out;
}

std::string ShowClaim(const query_internal::ClaimRecord& r) {
  const Claim& c = r.claim;
  std::string entities;
  const Json& names = r.source_json.contains("entity_names") ? r.source_json["entity_names"] : Json();
  for (const std::string& e : c.entities) {
    if (!entities.empty()) entities += ", ";
    entities += names.is_object() && names.contains(e) ? Str(names, e.c_str()) + " (" + e + ")" : e;
  }
  std::string co;
  for (const CoSpeaker& cs : c.co_speakers) co += (co.empty() ? "" : ", ") + cs.name;
  std::string out = "Claim       " + c.id + "  (" + c.kind + (c.cue.empty() ? "" : ", cue \"" + c.cue + "\"") + ")\n";
  out += Field("Speaker", SpeakerLine(c));
  out += Field("With", co);
  // Only a direct quote is the speaker's own words; an indirect claim's "quote" is the
  // reported clause, which quotation marks would misrepresent.
  if (c.kind == "direct_quote") {
    out += Field("Quote", c.quote.empty() ? "" : "“" + c.quote + "”");
  } else {
    out += Field("Reported", c.quote);
  }
  out += Field("Text", c.text);
  out += StanceLines(c);
  out += Field("Entities", entities);
  out += "\n";
  out += Field("Context", "¶" + std::to_string(c.paragraph) + "  " + Str(r.source_json, "paragraph_text"));
  out += "\n";
  out += Field("Article", r.source.title + "  (" + r.source.doc_id + ")");
  out += Field("Outlet", r.source.outlet);
  out += Field("Published", r.source.published.empty() ? "unknown" : r.source.published);
  out += Field("URL", r.source.url);
  out += Field("WARC", WarcLine(r.source_json));
  out += Field("Fetched", Str(r.source_json, "fetched"));
  return out;
}

std::string ShowArticle(const Json& a) {
  std::string authors;
  if (a.contains("authors") && a["authors"].is_array()) {
    for (const Json& x : a["authors"]) {
      if (x.is_string()) authors += (authors.empty() ? "" : ", ") + x.get<std::string>();
    }
  }
  std::string out = "Article     " + Str(a, "id") + "\n";
  out += Field("Title", Str(a, "title"));
  out += Field("Outlet", Str(a, "outlet"));
  out += Field("Published", Str(a, "published").empty() ? "unknown" : Str(a, "published"));
  out += Field("Authors", authors);
  out += Field("Language", Str(a, "language"));
  out += Field("URL", Str(a, "url"));
  out += Field("WARC", WarcLine(a));
  out += Field("Fetched", Str(a, "fetched"));
  const Json& claims = a.contains("claims") ? a["claims"] : Json::array();
  out += Field("Claims", std::to_string(claims.size()));
  for (const Json& c : claims) {
    std::string who = Str(c, "speaker");
    out += std::string(kIndent) + Str(c, "id") + "  " + (who.empty() ? "(no speaker)" : who) + "\n";
  }
  return out;
}

bool IsId(const std::string& id) {
  if (id.size() < 3 || (id[0] != 'c' && id[0] != 'd') || id[1] != ':') return false;
  for (size_t i = 2; i < id.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  return true;
}

// "Also published by": the other articles of the article's near-duplicate cluster (XA), as
// "Outlet (d:...)" in document order; "" when the article has no copy in the index.
std::string AlsoPublished(Xapian::Database& db, const Xapian::Document& xdoc) {
  std::string cluster = xdoc.get_value(s::kSlotArticleCluster);
  std::string own = xdoc.get_value(s::kSlotArticleId);
  if (cluster.empty()) return "";
  Xapian::Query query(Xapian::Query::OP_AND,
                      Xapian::Query(std::string(s::kPrefixArticleCluster) + cluster),
                      Xapian::Query(std::string(s::kPrefixType) + s::kTypeArticle));
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  constexpr Xapian::doccount kMaxCopies = 50;  // a wire story can run in hundreds of outlets
  Xapian::MSet copies = enquire.get_mset(0, kMaxCopies + 1);
  std::string out;
  Xapian::doccount listed = 0;
  for (Xapian::MSetIterator it = copies.begin(); it != copies.end(); ++it) {
    Xapian::Document copy = it.get_document();
    std::string id = copy.get_value(s::kSlotArticleId);
    if (id == own) continue;
    if (++listed > kMaxCopies) {
      out += ", …";
      break;
    }
    std::string outlet = copy.get_value(s::kSlotOutletName);
    out += (out.empty() ? "" : ", ") + (outlet.empty() ? id : outlet + " (" + id + ")");
  }
  return out;
}

Result<std::string> ShowFrom(Xapian::Database& db, const std::string& db_path,
                             const std::string& id, bool json) {
  std::string term = std::string(s::kPrefixId) + id;
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) {
    return Status::NotFound(id + ": no such " + (id[0] == 'c' ? "claim" : "article") + " in " +
                            db_path);
  }
  Xapian::Document xdoc = db.get_document(*it);
  std::string data = xdoc.get_data();
  if (json) {
    Json j = Json::parse(data, nullptr, false);
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  std::string copies = AlsoPublished(db, xdoc);
  std::string also = copies.empty() ? "" : Field("Copies", "Also published by: " + copies);
  if (id[0] == 'd') return ShowArticle(query_internal::DecodeArticle(data)) + also;
  std::optional<query_internal::ClaimRecord> r = query_internal::DecodeClaim(data);
  if (!r) return Status::Runtime(id + ": unreadable document data in " + db_path);
  return ShowClaim(*r) + also;
}

}  // namespace

Result<std::string> Show(const std::string& db_path, const std::string& id, bool json) {
  if (!IsId(id)) {
    return Status::InvalidInput("'" + id + "': not a claim or article id (c:HEX or d:HEX)");
  }
  Result<Xapian::Database> db = query_internal::OpenIndex(db_path);
  if (!db.ok()) return db.status();
  try {
    return ShowFrom(*db, db_path, id, json);
  } catch (const Xapian::Error& e) {
    return Status::Runtime(db_path + ": " + e.get_description());
  }
}

}  // namespace claimdex
