#include "index/schema.h"

#include <algorithm>
#include <cctype>

namespace claimdex::schema {

std::string NormaliseTermValue(const std::string& value) {
  std::string out;
  bool pending_dash = false;
  for (unsigned char c : value) {
    bool keep = std::isalnum(c) || c == '_' || c == ':' || c == '.' || c >= 0x80;
    if (!keep) {
      pending_dash = !out.empty();
      continue;
    }
    if (pending_dash) out += '-';
    pending_dash = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

Status CheckSchemaVersion(const std::string& db_path, const std::string& recorded,
                          unsigned long documents) {
  if (documents == 0 || recorded == kSchemaVersion) return Status::Ok();
  std::string version = recorded.empty() ? "1" : recorded;
  if (!OlderSchema(recorded)) {
    return Status::InvalidInput(db_path + ": index built with schema " + version +
                                " by a newer claimdex; this one reads schema " + kSchemaVersion);
  }
  return Status::InvalidInput(db_path + ": index built with schema " + version +
                              ", this claimdex needs " + kSchemaVersion +
                              ": run 'claimdex index' to re-index (it rebuilds it from docs/)");
}

bool OlderSchema(const std::string& recorded) {
  if (recorded.empty()) return true;
  if (recorded.size() > 6 || !std::all_of(recorded.begin(), recorded.end(),
                                          [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  return std::stoul(recorded) < std::stoul(kSchemaVersion);
}

std::string TimelineRef(const std::string& date_value, const std::string& cluster,
                        const std::string& claim_id, const std::string& url) {
  std::string out =
      date_value.size() == kRefDateBytes ? date_value : std::string(kRefDateBytes, '0');
  std::string c = cluster.substr(0, kRefClusterBytes);
  c.resize(kRefClusterBytes, '0');
  out += c;
  out += claim_id;
  out += '\0';
  out += url;
  return out;
}

std::string DateValue(const std::string& date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return "";
  std::string out = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
  for (char c : out) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  }
  return out;
}

bool DateNumber(std::string_view value, uint32_t* day) {
  if (value.size() != 8) return false;
  uint32_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint32_t>(c - '0');
  }
  *day = n;
  return true;
}

}  // namespace claimdex::schema

namespace claimdex::schema {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// U+2000..U+206F (General Punctuation: curly quotes, dashes, ellipsis, odd spaces) is
// E2 80 xx / E2 81 xx in UTF-8; U+00A0..U+00BF (nbsp, guillemets, ...) is C2 A0..BF.
size_t PunctuationLength(const std::string& s, size_t i) {
  unsigned char c = s[i];
  if (c == 0xE2 && i + 2 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) == 0x80 ||
       static_cast<unsigned char>(s[i + 1]) == 0x81)) {
    return 3;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0 &&
      static_cast<unsigned char>(s[i + 1]) <= 0xBF) {
    return 2;
  }
  return IsWordByte(c) ? 0 : 1;
}

}  // namespace

std::string NormaliseQuote(const std::string& quote) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < quote.size();) {
    size_t skip = PunctuationLength(quote, i);
    if (skip > 0) {
      pending_space = !out.empty();
      i += skip;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(quote[i])));
    ++i;
  }
  return out;
}

std::vector<std::string> NameWords(const std::string& name) {
  std::vector<std::string> words;
  std::string folded = NormaliseQuote(name);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string ImpactTerm(unsigned wdf, const std::string& word_term) {
  std::string term = kPrefixImpact;
  term += static_cast<char>('0' + std::min(std::max(wdf, 1u), kImpactMaxWdf));
  term += ':';
  term += word_term;
  return term;
}

bool IsWordTerm(const std::string& term) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (term.empty()) return false;
  if (!upper(term[0])) return true;
  return term[0] == 'Z' && term.size() > 1 && !upper(term[1]);
}

bool IsUnnamedSpeaker(const SpeakerRef& speaker) {
  return speaker.type == kSpeakerTypeUnnamed || speaker.id.empty();
}

std::string OutletName(const Document& doc) {
  if (!doc.publisher.empty()) return doc.publisher;
  size_t scheme = doc.url.find("://");
  size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  size_t end = doc.url.find_first_of("/?#:", start);
  std::string host = doc.url.substr(start, end == std::string::npos ? end : end - start);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

namespace {

// Who said it, for a cluster key: the speaker id, or for an unnamed source the words that
// describe it ("U.S. officials" is one source across outlets, "critics" another).
std::string SpeakerKey(const Claim& claim) {
  if (!claim.speaker) return "";
  if (IsUnnamedSpeaker(*claim.speaker)) return "unnamed:" + NormaliseQuote(claim.speaker->name);
  return claim.speaker->id;
}

}  // namespace

std::string QuoteClusterId(const Claim& claim) {
  std::string key = claim.id;
  if (!claim.quote.empty()) key = SpeakerKey(claim) + "|" + NormaliseQuote(claim.quote);
  return HexDigest(key).substr(0, 16);
}

std::string ArticleClusterId(const Document& doc) {
  return doc.cluster.empty() ? doc.id : doc.cluster;
}

std::string ClaimClusterId(const Document& doc, const Claim& claim) {
  if (!claim.quote.empty() || doc.cluster.empty()) return QuoteClusterId(claim);
  // Claim ids differ between copies (they hash the document id), so a quote-less claim needs a
  // key built from what the copies share: the article cluster and the words of the claim.
  std::string key = "a|" + doc.cluster + "|" + SpeakerKey(claim) + "|" + NormaliseQuote(claim.text);
  return HexDigest(key).substr(0, 16);
}

}  // namespace claimdex::schema
