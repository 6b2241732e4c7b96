#include "corpus/document.h"

#include <openssl/evp.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "corpus/json_scan.h"

namespace claimdex {
namespace {

// Keys keep the order of the Document JSON in DESIGN.md, so files diff and read well.
using Json = nlohmann::ordered_json;

// Thrown inside this file only, while reading; DocumentFromJson turns it into a Status.
struct KeyError {
  std::string path;
  std::string problem;
};

std::string Join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string Index(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// ---- writing ----

Json MentionJson(const Mention& m, bool with_via) {
  Json j = {{"start", m.start}, {"end", m.end}, {"text", m.text}};
  if (with_via) j["via"] = m.via;
  return j;
}

Json EntityJson(const Entity& e) {
  Json j = {{"id", e.id}, {"name", e.name}, {"type", e.type}};
  if (!e.role.empty()) j["role"] = e.role;
  Json mentions = Json::array();
  for (const Mention& m : e.mentions) mentions.push_back(MentionJson(m, true));
  j["mentions"] = std::move(mentions);
  return j;
}

Json SpeakerJson(const SpeakerRef& s) {
  Json j = {{"id", s.id}, {"name", s.name}, {"type", s.type}};
  if (!s.role.empty()) j["role"] = s.role;
  j["via"] = s.via;
  j["confidence"] = s.confidence;
  j["mention"] = MentionJson(s.mention, false);
  return j;
}

Json ClaimJson(const Claim& c) {
  Json j = {{"id", c.id},
            {"text", c.text},
            {"start", c.start},
            {"end", c.end},
            {"paragraph", c.paragraph},
            {"kind", c.kind},
            {"quote", c.quote},
            {"cue", c.cue}};
  j["speaker"] = c.speaker ? SpeakerJson(*c.speaker) : Json(nullptr);
  if (!c.co_speakers.empty()) {
    Json co = Json::array();
    for (const CoSpeaker& s : c.co_speakers) {
      co.push_back({{"id", s.id}, {"name", s.name}, {"type", s.type}});
    }
    j["co_speakers"] = std::move(co);
  }
  j["entities"] = c.entities;
  Json stances = Json::array();
  for (const ClaimStance& s : c.stances) {
    stances.push_back(
        {{"target", s.target}, {"label", s.label}, {"score", s.score}, {"cues", s.cues}});
  }
  j["stances"] = std::move(stances);
  return j;
}

Json DocumentJson(const Document& d) {
  Json j = {
      {"id", d.id}, {"url", d.url}, {"canonical_url", d.canonical_url}, {"fetched", d.fetched}};
  if (d.warc) {
    j["warc"] = {
        {"file", d.warc->file}, {"offset", d.warc->offset}, {"record_id", d.warc->record_id}};
  }
  j["title"] = d.title;
  j["authors"] = d.authors;
  j["published"] = d.published;
  j["modified"] = d.modified;
  j["publisher"] = d.publisher;
  j["language"] = d.language;
  j["charset"] = d.charset;
  j["charset_source"] = d.charset_source;
  j["cluster"] = d.cluster;
  j["quality"] = d.quality;
  j["text"] = d.text;
  Json paragraphs = Json::array();
  for (const Paragraph& p : d.paragraphs) {
    paragraphs.push_back({{"kind", p.kind}, {"start", p.start}, {"end", p.end}});
  }
  j["paragraphs"] = std::move(paragraphs);
  Json entities = Json::array();
  for (const Entity& e : d.entities) entities.push_back(EntityJson(e));
  j["entities"] = std::move(entities);
  Json claims = Json::array();
  for (const Claim& c : d.claims) claims.push_back(ClaimJson(c));
  j["claims"] = std::move(claims);
  Json stances = Json::array();
  for (const SpeakerStance& s : d.stances) {
    stances.push_back({{"speaker_id", s.speaker_id},
                       {"speaker", s.speaker},
                       {"target", s.target},
                       {"label", s.label},
                       {"score", s.score},
                       {"claims", s.claims}});
  }
  j["stances"] = std::move(stances);
  return j;
}

// Crawled text may hold invalid UTF-8 that slipped past extraction; replacing it (U+FFFD)
// keeps one bad byte from losing the whole document.
std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// ---- reading ----

// Returns the member `key` of `obj`, or nullptr when absent (or null and `null_ok`).
const Json* Member(const Json& obj, const std::string& key, const std::string& path,
                   bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) throw KeyError{Join(path, key), "missing"};
    return nullptr;
  }
  return &*it;
}

void ReadString(const Json& obj, const std::string& key, const std::string& path, std::string* out,
                bool required = false) {
  const Json* v = Member(obj, key, path, required);
  if (v == nullptr) return;
  if (!v->is_string()) throw KeyError{Join(path, key), "expected a string"};
  *out = v->get<std::string>();
}

template <typename Int>
void ReadUnsigned(const Json& obj, const std::string& key, const std::string& path, Int* out) {
  const Json* v = Member(obj, key, path, false);
  if (v == nullptr) return;
  const bool non_negative =
      v->is_number_unsigned() || (v->is_number_integer() && v->get<int64_t>() >= 0);
  if (!non_negative) {
    throw KeyError{Join(path, key), "expected a non-negative integer"};
  }
  *out = static_cast<Int>(v->get<uint64_t>());
}

void ReadInt(const Json& obj, const std::string& key, const std::string& path, int* out) {
  const Json* v = Member(obj, key, path, false);
  if (v == nullptr) return;
  if (!v->is_number_integer()) throw KeyError{Join(path, key), "expected an integer"};
  *out = v->get<int>();
}

void ReadDouble(const Json& obj, const std::string& key, const std::string& path, double* out) {
  const Json* v = Member(obj, key, path, false);
  if (v == nullptr) return;
  if (!v->is_number()) throw KeyError{Join(path, key), "expected a number"};
  *out = v->get<double>();
}

void ReadStrings(const Json& obj, const std::string& key, const std::string& path,
                 std::vector<std::string>* out) {
  const Json* v = Member(obj, key, path, false);
  if (v == nullptr) return;
  if (!v->is_array()) throw KeyError{Join(path, key), "expected an array of strings"};
  out->clear();
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string()) throw KeyError{Index(Join(path, key), i), "expected a string"};
    out->push_back((*v)[i].get<std::string>());
  }
}

// Calls `read(element, element_path)` for each object of the array `key`.
template <typename Fn>
void ForEachObject(const Json& obj, const std::string& key, const std::string& path, Fn read) {
  const Json* v = Member(obj, key, path, false);
  if (v == nullptr) return;
  if (!v->is_array()) throw KeyError{Join(path, key), "expected an array"};
  for (size_t i = 0; i < v->size(); ++i) {
    const std::string at = Index(Join(path, key), i);
    if (!(*v)[i].is_object()) throw KeyError{at, "expected an object"};
    read((*v)[i], at);
  }
}

void RequireObject(const Json& j, const std::string& path) {
  if (!j.is_object()) throw KeyError{path.empty() ? "(top level)" : path, "expected an object"};
}

Mention ReadMention(const Json& j, const std::string& path) {
  RequireObject(j, path);
  Mention m;
  ReadUnsigned(j, "start", path, &m.start);
  ReadUnsigned(j, "end", path, &m.end);
  ReadString(j, "text", path, &m.text);
  ReadString(j, "via", path, &m.via);
  return m;
}

Entity ReadEntity(const Json& j, const std::string& path) {
  Entity e;
  ReadString(j, "id", path, &e.id);
  ReadString(j, "name", path, &e.name);
  ReadString(j, "type", path, &e.type);
  ReadString(j, "role", path, &e.role);
  ForEachObject(j, "mentions", path, [&](const Json& m, const std::string& at) {
    e.mentions.push_back(ReadMention(m, at));
  });
  return e;
}

SpeakerRef ReadSpeaker(const Json& j, const std::string& path) {
  RequireObject(j, path);
  SpeakerRef s;
  ReadString(j, "id", path, &s.id);
  ReadString(j, "name", path, &s.name);
  ReadString(j, "type", path, &s.type);
  ReadString(j, "role", path, &s.role);
  ReadString(j, "via", path, &s.via);
  ReadDouble(j, "confidence", path, &s.confidence);
  if (const Json* m = Member(j, "mention", path, false)) {
    s.mention = ReadMention(*m, Join(path, "mention"));
  }
  return s;
}

Claim ReadClaim(const Json& j, const std::string& path) {
  RequireObject(j, path);
  Claim c;
  ReadString(j, "id", path, &c.id, /*required=*/true);
  ReadString(j, "text", path, &c.text);
  ReadUnsigned(j, "start", path, &c.start);
  ReadUnsigned(j, "end", path, &c.end);
  ReadInt(j, "paragraph", path, &c.paragraph);
  ReadString(j, "kind", path, &c.kind);
  ReadString(j, "quote", path, &c.quote);
  ReadString(j, "cue", path, &c.cue);
  if (const Json* s = Member(j, "speaker", path, false)) {
    c.speaker = ReadSpeaker(*s, Join(path, "speaker"));
  }
  ForEachObject(j, "co_speakers", path, [&](const Json& o, const std::string& at) {
    CoSpeaker s;
    ReadString(o, "id", at, &s.id);
    ReadString(o, "name", at, &s.name);
    ReadString(o, "type", at, &s.type);
    c.co_speakers.push_back(std::move(s));
  });
  ReadStrings(j, "entities", path, &c.entities);
  ForEachObject(j, "stances", path, [&](const Json& o, const std::string& at) {
    ClaimStance s;
    ReadString(o, "target", at, &s.target);
    ReadString(o, "label", at, &s.label);
    ReadDouble(o, "score", at, &s.score);
    ReadStrings(o, "cues", at, &s.cues);
    c.stances.push_back(std::move(s));
  });
  return c;
}

// ---- reading with JsonScanner ----
// The same fields and rules as ReadClaim above, read straight from the text. Any input those
// rules reject, and any duplicated key (nlohmann keeps the last; these readers would have read
// both), makes the scan fail; ClaimFromJson then reads with nlohmann, which says what is wrong.

// Reads the members of the object at the cursor: `on_field(i)` for a key `keys[i]`, each key
// at most once; members with other keys are skipped.
template <size_t N, typename Fn>
bool ScanFields(JsonScanner* in, const char* const (&keys)[N], Fn on_field) {
  uint32_t seen = 0;
  return in->Object([&](const std::string& key) {
    for (size_t i = 0; i < N; ++i) {
      if (key != keys[i]) continue;
      if (seen & (1u << i)) return false;
      seen |= 1u << i;
      return on_field(i);
    }
    return in->Skip();
  });
}

// A string member; null leaves `*out` as it is.
bool ScanString(JsonScanner* in, std::string* out) { return in->TakeNull() || in->String(out); }

template <typename Int>
bool ScanUnsigned(JsonScanner* in, Int* out) {
  if (in->TakeNull()) return true;
  uint64_t v = 0;
  if (!in->Unsigned(&v) || v > std::numeric_limits<Int>::max()) return false;
  *out = static_cast<Int>(v);
  return true;
}

bool ScanInt(JsonScanner* in, int* out) {
  if (in->TakeNull()) return true;
  int64_t v = 0;
  if (!in->Integer(&v) || v < std::numeric_limits<int>::min() ||
      v > std::numeric_limits<int>::max()) {
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

bool ScanDouble(JsonScanner* in, double* out) { return in->TakeNull() || in->Number(out); }

bool ScanStrings(JsonScanner* in, std::vector<std::string>* out) {
  if (in->TakeNull()) return true;
  out->clear();
  return in->Array([&] {
    out->emplace_back();
    return in->String(&out->back());
  });
}

// An array of objects, each read by `read(element)`; null reads nothing.
template <typename T, typename Fn>
bool ScanObjects(JsonScanner* in, std::vector<T>* out, Fn read) {
  if (in->TakeNull()) return true;
  return in->Array([&] {
    out->emplace_back();
    return in->AtObject() && read(&out->back());
  });
}

bool ScanMention(JsonScanner* in, Mention* m) {
  static const char* const kKeys[] = {"start", "end", "text", "via"};
  return in->AtObject() && ScanFields(in, kKeys, [&](size_t i) {
           switch (i) {
             case 0:
               return ScanUnsigned(in, &m->start);
             case 1:
               return ScanUnsigned(in, &m->end);
             case 2:
               return ScanString(in, &m->text);
             default:
               return ScanString(in, &m->via);
           }
         });
}

bool ScanSpeaker(JsonScanner* in, SpeakerRef* s) {
  static const char* const kKeys[] = {"id", "name", "type", "role", "via", "confidence", "mention"};
  return in->AtObject() && ScanFields(in, kKeys, [&](size_t i) {
           switch (i) {
             case 0:
               return ScanString(in, &s->id);
             case 1:
               return ScanString(in, &s->name);
             case 2:
               return ScanString(in, &s->type);
             case 3:
               return ScanString(in, &s->role);
             case 4:
               return ScanString(in, &s->via);
             case 5:
               return ScanDouble(in, &s->confidence);
             default:
               return in->TakeNull() || ScanMention(in, &s->mention);
           }
         });
}

}  // namespace

bool ScanClaim(JsonScanner* in, Claim* c) {
  static const char* const kKeys[] = {"id",        "text",        "start",    "end",
                                      "paragraph", "kind",        "quote",    "cue",
                                      "speaker",   "co_speakers", "entities", "stances"};
  static const char* const kCoSpeakerKeys[] = {"id", "name", "type"};
  static const char* const kStanceKeys[] = {"target", "label", "score", "cues"};
  *c = Claim();
  bool has_id = false;
  bool ok = in->AtObject() && ScanFields(in, kKeys, [&](size_t i) {
              switch (i) {
                case 0:
                  has_id = !in->TakeNull();
                  return !has_id || in->String(&c->id);
                case 1:
                  return ScanString(in, &c->text);
                case 2:
                  return ScanUnsigned(in, &c->start);
                case 3:
                  return ScanUnsigned(in, &c->end);
                case 4:
                  return ScanInt(in, &c->paragraph);
                case 5:
                  return ScanString(in, &c->kind);
                case 6:
                  return ScanString(in, &c->quote);
                case 7:
                  return ScanString(in, &c->cue);
                case 8:
                  if (in->TakeNull()) return true;
                  c->speaker.emplace();
                  return ScanSpeaker(in, &*c->speaker);
                case 9:
                  return ScanObjects(in, &c->co_speakers, [&](CoSpeaker* s) {
                    return ScanFields(in, kCoSpeakerKeys, [&](size_t k) {
                      return ScanString(in, k == 0 ? &s->id : k == 1 ? &s->name : &s->type);
                    });
                  });
                case 10:
                  return ScanStrings(in, &c->entities);
                default:
                  return ScanObjects(in, &c->stances, [&](ClaimStance* s) {
                    return ScanFields(in, kStanceKeys, [&](size_t k) {
                      switch (k) {
                        case 0:
                          return ScanString(in, &s->target);
                        case 1:
                          return ScanString(in, &s->label);
                        case 2:
                          return ScanDouble(in, &s->score);
                        default:
                          return ScanStrings(in, &s->cues);
                      }
                    });
                  });
              }
            });
  return ok && has_id;
}

namespace {

void ReadDocumentHeader(const Json& j, Document* d) {
  ReadString(j, "id", "", &d->id, /*required=*/true);
  ReadString(j, "url", "", &d->url);
  ReadString(j, "canonical_url", "", &d->canonical_url);
  ReadString(j, "fetched", "", &d->fetched);
  if (const Json* w = Member(j, "warc", "", false)) {
    RequireObject(*w, "warc");
    WarcRef ref;
    ReadString(*w, "file", "warc", &ref.file);
    ReadUnsigned(*w, "offset", "warc", &ref.offset);
    ReadString(*w, "record_id", "warc", &ref.record_id);
    d->warc = std::move(ref);
  }
  ReadString(j, "title", "", &d->title);
  ReadStrings(j, "authors", "", &d->authors);
  ReadString(j, "published", "", &d->published);
  ReadString(j, "modified", "", &d->modified);
  ReadString(j, "publisher", "", &d->publisher);
  ReadString(j, "language", "", &d->language);
  ReadString(j, "charset", "", &d->charset);
  ReadString(j, "charset_source", "", &d->charset_source);
  ReadString(j, "cluster", "", &d->cluster);
  ReadStrings(j, "quality", "", &d->quality);
  ReadString(j, "text", "", &d->text, /*required=*/true);
}

Document ReadDocument(const Json& j) {
  RequireObject(j, "");
  Document d;
  ReadDocumentHeader(j, &d);
  ForEachObject(j, "paragraphs", "", [&](const Json& o, const std::string& at) {
    Paragraph p;
    ReadString(o, "kind", at, &p.kind);
    ReadUnsigned(o, "start", at, &p.start);
    ReadUnsigned(o, "end", at, &p.end);
    d.paragraphs.push_back(std::move(p));
  });
  ForEachObject(j, "entities", "", [&](const Json& o, const std::string& at) {
    d.entities.push_back(ReadEntity(o, at));
  });
  ForEachObject(j, "claims", "", [&](const Json& o, const std::string& at) {
    d.claims.push_back(ReadClaim(o, at));
  });
  ForEachObject(j, "stances", "", [&](const Json& o, const std::string& at) {
    SpeakerStance s;
    ReadString(o, "speaker_id", at, &s.speaker_id);
    ReadString(o, "speaker", at, &s.speaker);
    ReadString(o, "target", at, &s.target);
    ReadString(o, "label", at, &s.label);
    ReadDouble(o, "score", at, &s.score);
    ReadStrings(o, "claims", at, &s.claims);
    d.stances.push_back(std::move(s));
  });
  return d;
}

// Parses `json` and applies `read`, translating nlohmann and key errors into kInvalidInput.
template <typename T, typename Fn>
Result<T> ParseWith(const std::string& json, const char* what, Fn read) {
  try {
    return read(Json::parse(json));
  } catch (const KeyError& e) {
    if (e.problem == "missing") {
      return Status::InvalidInput(std::string(what) + " JSON: missing key '" + e.path + "'");
    }
    return Status::InvalidInput(std::string(what) + " JSON: '" + e.path + "': " + e.problem);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(std::string(what) + " JSON: " + e.what());
  }
}

}  // namespace

std::string DocumentToJson(const Document& doc, bool pretty) {
  return Dump(DocumentJson(doc), pretty ? 2 : -1);
}

std::string ClaimToJson(const Claim& claim) { return Dump(ClaimJson(claim), -1); }

Result<Document> DocumentFromJson(const std::string& json) {
  return ParseWith<Document>(json, "document", [](const Json& j) { return ReadDocument(j); });
}

Result<Claim> ClaimFromJson(const std::string& json) {
  JsonScanner in(json);
  Claim fast;
  if (ScanClaim(&in, &fast) && in.AtEnd()) return fast;
  return ParseWith<Claim>(json, "claim", [](const Json& j) { return ReadClaim(j, ""); });
}

std::string HexDigest(const std::string& data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha1(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[md[i] >> 4]);
    out.push_back(kHex[md[i] & 0xf]);
  }
  return out;
}

}  // namespace claimdex
