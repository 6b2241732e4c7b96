#include "query/index_reader.h"

#include <filesystem>
#include <iterator>

#include "corpus/json_scan.h"
#include "index/schema.h"

namespace claimdex::query_internal {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ValidDate(const std::string& v) {
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  int y = std::stoi(v.substr(0, 4)), m = std::stoi(v.substr(5, 2)), d = std::stoi(v.substr(8, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

Result<Xapian::Database> OpenIndex(const std::string& db_path) {
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) {
    return Status::NotFound(db_path + ": no index yet (run 'claimdex index')");
  }
  try {
    Xapian::Database db(db_path);
    CLAIMDEX_RETURN_IF_ERROR(schema::CheckSchemaVersion(
        db_path, db.get_metadata(schema::kMetaSchema), db.get_doccount()));
    return db;
  } catch (const Xapian::DatabaseOpeningError&) {
    return Status::NotFound(db_path + ": no index yet (run 'claimdex index')");
  } catch (const Xapian::Error& e) {
    return Status::Runtime(db_path + ": cannot open the index: " + e.get_description());
  }
}

Result<std::string> DateFlag(const std::string& flag, const std::string& value) {
  if (value.empty()) return std::string();
  if (!ValidDate(value)) {
    return Status::InvalidInput(flag + " '" + value + "': not a date (YYYY-MM-DD)");
  }
  return value.substr(0, 4) + value.substr(5, 2) + value.substr(8, 2);
}

namespace {

// The end (one past the closing brace) of the JSON object starting at `start`, or npos. Strings
// are skipped with their escapes; nothing else is checked (the parsers that follow do that).
size_t ObjectEnd(const std::string& data, size_t start) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = start; i < data.size(); ++i) {
    char c = data[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string::npos;
}

// The claim's JSON text and the rest of the data as an object ({"source": ..., "cluster": ...}).
// The indexer writes `{"claim":<claim>,...}`; splitting there lets the claim be parsed once
// instead of parsed, dumped and parsed again (a search decodes every hit it shows).
bool SplitClaimData(const std::string& data, std::string* claim, std::string* rest) {
  static const std::string kHead = "{\"claim\":";
  if (data.compare(0, kHead.size(), kHead) != 0) return false;
  size_t end = ObjectEnd(data, kHead.size());
  if (end == std::string::npos || end >= data.size() || data[end] != ',') return false;
  *claim = data.substr(kHead.size(), end - kHead.size());
  rest->assign(1, '{');  // appended, not "{" + ...: GCC 12 warns (-Wrestrict) on that form
  rest->append(data, end + 1, std::string::npos);
  return true;
}

}  // namespace

std::optional<ClaimRecord> DecodeClaim(const std::string& data) {
  std::string claim_text, rest;
  Json j;
  if (SplitClaimData(data, &claim_text, &rest)) {
    j = Json::parse(rest, nullptr, false);
  } else {  // any other layout: the slow way
    j = Json::parse(data, nullptr, false);
    if (j.is_object() && j.contains("claim")) claim_text = j["claim"].dump();
  }
  if (!j.is_object() || claim_text.empty() || !j.contains("source")) return std::nullopt;
  Result<Claim> claim = ClaimFromJson(claim_text);
  if (!claim.ok()) return std::nullopt;
  ClaimRecord r;
  r.claim = std::move(*claim);
  r.source_json = j["source"];
  const Json& s = r.source_json;
  r.source.doc_id = Str(s, "doc_id");
  r.source.title = Str(s, "title");
  r.source.url = Str(s, "url");
  r.source.outlet = Str(s, "outlet");
  r.source.published = Str(s, "published");
  r.source.paragraph = s.value("paragraph", 0);
  r.cluster = Str(j, "cluster");
  return r;
}

namespace {

// The six SourceRef fields a hit shows, as bits of a mask of those read.
constexpr unsigned kAllSourceFields = 63, kParagraphField = 32;

// The SourceRef string field a key of the "source" object names, or null (the paragraph, the one
// integer field, and any other key); `*bit` is its bit, kParagraphField or 0.
std::string* SourceStringField(SourceRef* out, const std::string& key, unsigned* bit) {
  struct Field {
    const char* key;
    std::string SourceRef::*field;
  };
  static const Field kFields[] = {{"doc_id", &SourceRef::doc_id},
                                  {"title", &SourceRef::title},
                                  {"url", &SourceRef::url},
                                  {"outlet", &SourceRef::outlet},
                                  {"published", &SourceRef::published}};
  for (size_t i = 0; i < std::size(kFields); ++i) {
    if (key == kFields[i].key) {
      *bit = 1u << i;
      return &(out->*kFields[i].field);
    }
  }
  *bit = key == "paragraph" ? kParagraphField : 0;
  return nullptr;
}

// The SourceRef fields of {"source": {...}, ...}, read as the parser meets them; the parse
// stops once all are in (the indexer writes them before the long paragraph text).
class SourceFields : public TopLevelFields {
 public:
  explicit SourceFields(SourceRef* out) : out_(out) {}
  bool seen_source() const { return seen_source_; }

 protected:
  void EnterSection(const std::string& section) override {
    seen_source_ = seen_source_ || section == "source";
  }
  bool String(string_t& v) override {
    if (!In("source")) return true;
    unsigned bit = 0;
    std::string* field = SourceStringField(out_, key(), &bit);
    if (field == nullptr) return true;
    *field = std::move(v);
    return Seen(bit);
  }
  bool Integer(number_integer_t v) override {
    if (!In("source") || key() != "paragraph") return true;
    out_->paragraph = static_cast<int>(v);
    return Seen(kParagraphField);
  }

 private:
  // False (stop parsing) once every field has been read.
  bool Seen(unsigned bit) {
    seen_ |= bit;
    return seen_ != kAllSourceFields;
  }

  SourceRef* out_;
  bool seen_source_ = false;
  unsigned seen_ = 0;
};

}  // namespace

bool TopLevelFields::key(string_t& k) {
  if (depth_ <= 2) key_ = k;
  return true;
}

bool TopLevelFields::start_object(std::size_t) {
  if (++depth_ == 2) {
    section_ = key_;
    EnterSection(section_);
  }
  return true;
}

bool TopLevelFields::end_object() {
  if (--depth_ < 2) section_.clear();
  return true;
}

bool TopLevelFields::start_array(std::size_t) {
  ++depth_;
  return true;
}

bool TopLevelFields::end_array() {
  --depth_;
  return true;
}

bool TopLevelFields::parse_error(std::size_t, const std::string&,
                                 const nlohmann::detail::exception&) {
  failed_ = true;
  return false;
}

namespace {

// The source's SourceRef fields, as SourceFields reads them: strings for the five strings, an
// integer for the paragraph; values of other types are passed over. `*stop`: every field read,
// and the claim too when `claim_done`; the scan stops there (the paragraph text that follows is
// long).
bool ScanSource(JsonScanner* in, SourceRef* out, bool claim_done, bool* stop) {
  unsigned seen = 0;
  bool ok = in->Object([&](const std::string& key) {
    unsigned bit = 0;
    std::string* field = SourceStringField(out, key, &bit);
    if (field != nullptr && in->AtString()) {
      if (!in->String(field)) return false;
    } else if (bit == kParagraphField && !in->AtString()) {
      int64_t v = 0;
      JsonScanner probe = *in;
      if (!probe.Integer(&v)) return in->Skip();  // not an integer: passed over
      *in = probe;
      out->paragraph = static_cast<int>(v);
    } else {
      return in->Skip();
    }
    seen |= bit;
    *stop = seen == kAllSourceFields && claim_done;
    return !*stop;
  });
  return ok || *stop;
}

// DecodeClaimHit's reading in one scan with JsonScanner; false for anything unexpected (the
// caller then reads with nlohmann).
bool ScanClaimHit(const std::string& data, Claim* claim, SourceRef* source) {
  JsonScanner in(data);
  bool claim_done = claim == nullptr, source_done = false, stop = false;
  Claim c;
  SourceRef s;
  bool ok = in.Object([&](const std::string& key) {
    if (key == "claim" && !claim_done) {
      claim_done = true;
      if (!ScanClaim(&in, &c)) return false;
      stop = source_done;
      return !stop;
    }
    if (key == "source" && !source_done) {
      source_done = true;
      if (!in.AtObject() || !ScanSource(&in, &s, claim_done, &stop)) return false;
      stop = stop || claim_done;
      return !stop;
    }
    return in.Skip();
  });
  if (!(ok || stop) || !claim_done || !source_done) return false;
  if (claim) *claim = std::move(c);
  *source = std::move(s);
  return true;
}

}  // namespace

bool DecodeClaimHit(const std::string& data, Claim* claim, SourceRef* source) {
  if (ScanClaimHit(data, claim, source)) return true;
  std::string claim_text, rest;
  if (!SplitClaimData(data, &claim_text, &rest)) {  // any other layout: the full decode
    std::optional<ClaimRecord> r = DecodeClaim(data);
    if (!r) return false;
    if (claim) *claim = std::move(r->claim);
    *source = std::move(r->source);
    return true;
  }
  SourceRef s;
  SourceFields fields(&s);
  Json::sax_parse(rest, &fields);
  // Stopping early is not a failure; a parse error before the source was read is.
  if (!fields.seen_source() || (fields.failed() && s.doc_id.empty())) return false;
  if (claim) {
    Result<Claim> c = ClaimFromJson(claim_text);
    if (!c.ok()) return false;
    *claim = std::move(*c);
  }
  *source = std::move(s);
  return true;
}

Json DecodeArticle(const std::string& data) {
  Json j = Json::parse(data, nullptr, false);
  if (!j.is_object() || !j.contains("article") || !j["article"].is_object()) return Json();
  return j["article"];
}

SourceRef SourceFromArticle(const Json& a) {
  SourceRef s;
  s.doc_id = Str(a, "id");
  s.title = Str(a, "title");
  s.url = Str(a, "url");
  s.outlet = Str(a, "outlet");
  s.published = Str(a, "published");
  return s;
}

std::string TargetDisplayName(const std::string& target_id) {
  std::string out = target_id;
  for (char& c : out) {
    if (c == '-' || c == '_') c = ' ';
  }
  return out;
}

size_t DisplayWidth(const std::string& text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c == 0x1b) {  // ANSI CSI: ESC [ ... letter
      while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i])) ) ++i;
      continue;
    }
    if (c == 0x01 || c == 0x02 || IsContinuation(c)) continue;
    ++width;
  }
  return width;
}

std::string Truncate(const std::string& text, size_t width) {
  if (DisplayWidth(text) <= width) return text;
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (!IsContinuation(c) && c != 0x01 && c != 0x02) {
      if (w + 1 >= width) break;
      ++w;
    }
    out += text[i];
  }
  // A cut inside a highlighted word must not leave the highlight open.
  if (out.rfind('\x01') != std::string::npos &&
      (out.rfind('\x02') == std::string::npos || out.rfind('\x02') < out.rfind('\x01'))) {
    out += '\x02';
  }
  return out + "…";
}

std::vector<std::string> Wrap(const std::string& text, size_t width, const std::string& indent) {
  std::vector<std::string> lines;
  std::string line;
  size_t line_width = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(" \n\t", start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    size_t w = DisplayWidth(word);
    if (!line.empty() && line_width + 1 + w > width) {
      lines.push_back(indent + line);
      line.clear();
      line_width = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += w;
  }
  if (!line.empty()) lines.push_back(indent + line);
  return lines;
}

std::string CsvField(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string XmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = ch;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most C0 controls even when escaped.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += ch;
    }
  }
  return out;
}

}  // namespace claimdex::query_internal
