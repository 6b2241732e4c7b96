#include "corpus/json_scan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "corpus/document.h"

namespace claimdex {
namespace {

using Json = nlohmann::ordered_json;

std::optional<std::string> ScanOneString(const std::string& json) {
  JsonScanner in(json);
  std::string out;
  if (!in.String(&out) || !in.AtEnd()) return std::nullopt;
  return out;
}

TEST(JsonScanner, StringsAsJsonDefinesThem) {
  EXPECT_EQ(ScanOneString(R"("plain")"), "plain");
  EXPECT_EQ(ScanOneString(R"( "a\"b\\c\/d\b\f\n\r\t" )"), "a\"b\\c/d\b\f\n\r\t");
  EXPECT_EQ(ScanOneString(R"("\u00e9\u4E2D")"), "\xC3\xA9\xE4\xB8\xAD");
  EXPECT_EQ(ScanOneString(R"("\ud83d\ude00")"), "\xF0\x9F\x98\x80");  // a surrogate pair
  EXPECT_EQ(ScanOneString("\"caf\xC3\xA9 \xF0\x9F\x98\x80\""), "caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(ScanOneString(R"("")"), "");
  // Rejected, as nlohmann rejects them.
  for (const char* bad : {R"("open)", R"("\x")", R"("\u12")", R"("\u12G4")", R"("\ud83d")",
                          R"("\ude00")", R"("\ud83d\u0041")", "\"tab\there\"", "\"nl\nhere\"",
                          "\"\xC3\"", "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"",
                          "\"\xFF\"", "\"\x80\"", "'single'", R"("a" "b")"}) {
    EXPECT_FALSE(ScanOneString(bad).has_value()) << bad;
    EXPECT_TRUE(Json::parse(bad, nullptr, false).is_discarded()) << bad;
  }
}

TEST(JsonScanner, NumbersFollowTheGrammar) {
  auto number = [](const std::string& text) -> std::optional<double> {
    JsonScanner in(text);
    double v = 0;
    if (!in.Number(&v) || !in.AtEnd()) return std::nullopt;
    return v;
  };
  EXPECT_EQ(number("0"), 0.0);
  EXPECT_EQ(number("-12"), -12.0);
  EXPECT_EQ(number("0.5"), 0.5);
  EXPECT_EQ(number("-2.5e3"), -2500.0);
  EXPECT_EQ(number("1E-2"), 0.01);
  EXPECT_EQ(number("0.30000000000000004"), 0.30000000000000004);
  // nlohmann reads "-0" as the integer 0: the sign is lost, as here.
  ASSERT_TRUE(number("-0").has_value());
  EXPECT_FALSE(std::signbit(*number("-0")));
  EXPECT_TRUE(std::signbit(*number("-0.0")));
  for (const char* bad : {"01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "--1", "1.2.3"}) {
    EXPECT_FALSE(number(bad).has_value()) << bad;
  }
  JsonScanner u("-1");
  uint64_t n = 0;
  EXPECT_FALSE(u.Unsigned(&n));
  JsonScanner f("1.0");
  EXPECT_FALSE(f.Unsigned(&n));
  JsonScanner big("18446744073709551616");  // 2^64: not a uint64
  EXPECT_FALSE(big.Unsigned(&n));
  JsonScanner max("18446744073709551615");
  EXPECT_TRUE(max.Unsigned(&n));
  EXPECT_EQ(n, 18446744073709551615u);
}

TEST(JsonScanner, SkipsAnyValueAndChecksIt) {
  auto skips = [](const std::string& text) {
    JsonScanner in(text);
    return in.Skip() && in.AtEnd();
  };
  EXPECT_TRUE(skips(R"({"a": [1, -2.5e1, "x", true, false, null, {"b": {}}, []]})"));
  EXPECT_TRUE(skips(" [ ] "));
  for (const char* bad : {"[1,]", "{\"a\":1,}", "{\"a\" 1}", "{1: 2}", "[1 2]", "tru", "nul", "[",
                          "{", "", "]", "[\"\\q\"]"}) {
    EXPECT_FALSE(skips(bad)) << bad;
  }
  std::string deep(300, '[');
  deep += std::string(300, ']');
  EXPECT_FALSE(skips(deep));  // deeper than the scanner goes: the caller falls back
  // A number whose value overflows a double is an error to nlohmann, so to the skip too (the
  // fuzzer found "555555555555555E5555" in an unknown field read as a claim).
  EXPECT_TRUE(skips("[123456789012345678901234567890, 1.5e300]"));
  for (const char* overflow : {"1E5555", "-1e309", "[555555555555555E5555]", "{\"a\": 1e400}"}) {
    EXPECT_FALSE(skips(overflow)) << overflow;
    EXPECT_TRUE(Json::parse(overflow, nullptr, false).is_discarded()) << overflow;
  }
  std::string long_integer(400, '9');  // past uint64 and past a double: nlohmann refuses it
  EXPECT_FALSE(skips(long_integer));
  EXPECT_TRUE(Json::parse(long_integer, nullptr, false).is_discarded());
}

// ---- ScanClaim against ClaimFromJson's nlohmann reading ----

// What nlohmann's reading gives for a claim's JSON text, as ClaimToJson, or nullopt when it
// rejects it. Read through DocumentFromJson, which reads claims with nlohmann alone (the text is
// parsed and dumped first, so nothing in it can close the document's array early).
std::optional<std::string> NlohmannClaim(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  Result<Document> d =
      DocumentFromJson("{\"id\":\"d\",\"text\":\"t\",\"claims\":[" + j.dump() + "]}");
  if (!d.ok() || d->claims.size() != 1) return std::nullopt;
  return ClaimToJson(d->claims[0]);
}

std::optional<std::string> ScannedClaim(const std::string& text) {
  JsonScanner in(text);
  Claim c;
  if (!ScanClaim(&in, &c) || !in.AtEnd()) return std::nullopt;
  return ClaimToJson(c);
}

// Whenever the scan reads a text, nlohmann reads the same claim from it; whenever nlohmann
// rejects one, so does the scan.
void ExpectAgrees(const std::string& text, bool scan_must_read) {
  std::optional<std::string> scanned = ScannedClaim(text);
  std::optional<std::string> reference = NlohmannClaim(text);
  if (scanned) {
    ASSERT_TRUE(reference.has_value()) << "scan read what nlohmann rejects: " << text;
    ASSERT_EQ(*scanned, *reference) << text;
  }
  if (scan_must_read) {
    ASSERT_TRUE(scanned.has_value()) << text;
  }
}

TEST(ScanClaim, ReadsWhatClaimFromJsonReads) {
  ExpectAgrees(R"({"id":"c:1"})", true);
  ExpectAgrees(R"({"id":"c:1","text":null,"start":null,"speaker":null,"stances":null})", true);
  ExpectAgrees(R"( { "id" : "c:1" , "future" : {"x": [1, {"y": null}]}, "start": 3 } )", true);
  ExpectAgrees(R"({"id":"c:1","speaker":{"name":"N","confidence":1,"mention":null}})", true);
  ExpectAgrees(R"({"id":"c:1","stances":[{"target":"t","score":-1,"cues":["a","b"]}]})", true);
  ExpectAgrees(R"({"id":"c:1","paragraph":-3,"co_speakers":[{"id":"x","name":null}]})", true);
  // Rejected by both: ClaimFromJson then gives nlohmann's error.
  for (const char* bad :
       {R"({"text":"no id"})", R"({"id":null})", R"({"id":1})", R"({"id":"c","start":-1})",
        R"({"id":"c","start":1.5})", R"({"id":"c","paragraph":"2"})",
        R"({"id":"c","speaker":"Toner"})", R"({"id":"c","entities":[1]})",
        R"({"id":"c","entities":"e"})", R"({"id":"c","stances":[1]})",
        R"({"id":"c","speaker":{"mention":[]}})", R"({"id":"c","stances":[{"score":"high"}]})",
        R"({"id":"c"} trailing)", "[]", R"({"id":"c","future":[555555555555555E5555]})",
        R"({"id":"c","score":1e999})"}) {
    EXPECT_FALSE(ScannedClaim(bad).has_value()) << bad;
    EXPECT_FALSE(NlohmannClaim(bad).has_value()) << bad;
    EXPECT_FALSE(ClaimFromJson(bad).ok()) << bad;
  }
  // Left to nlohmann: a duplicated key (nlohmann keeps the last) and a paragraph beyond an int.
  const std::string dup = R"({"id":"c:1","text":"first","text":"second"})";
  EXPECT_FALSE(ScannedClaim(dup).has_value());
  Result<Claim> c = ClaimFromJson(dup);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->text, "second");
  EXPECT_FALSE(ScannedClaim(R"({"id":"c","paragraph":3000000000})").has_value());
  EXPECT_EQ(ClaimFromJson(R"({"id":"c","paragraph":3000000000})").ok(),
            NlohmannClaim(R"({"id":"c","paragraph":3000000000})").has_value());
  // The error message is nlohmann's reading's, naming the key.
  Result<Claim> missing = ClaimFromJson(R"({"text": "no id"})");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("'id'"), std::string::npos)
      << missing.status().message();
}

std::string RandomText(std::mt19937* rng) {
  static const std::vector<std::string> kPieces = {"a",
                                                   "Z",
                                                   " ",
                                                   "said",
                                                   "\"",
                                                   "\\",
                                                   "/",
                                                   "\n",
                                                   "\t",
                                                   "\x01",
                                                   "\x1f",
                                                   "\xC3\xA9",
                                                   "\xE4\xB8\xAD",
                                                   "\xF0\x9F\x98\x80",
                                                   "\xE2\x80\x9C",
                                                   "{",
                                                   "}",
                                                   "[",
                                                   "]",
                                                   ":",
                                                   ","};
  std::string out;
  for (size_t n = (*rng)() % 12; n > 0; --n) out += kPieces[(*rng)() % kPieces.size()];
  return out;
}

Claim RandomClaim(std::mt19937* rng) {
  auto text = [&] { return RandomText(rng); };
  auto chance = [&](int in) { return (*rng)() % in == 0; };
  std::uniform_real_distribution<double> unit(-1, 1);
  Claim c;
  c.id = "c:" + text();
  c.text = text();
  c.start = (*rng)() % 100000;
  c.end = c.start + (*rng)() % 1000;
  c.paragraph = static_cast<int>((*rng)() % 50);
  c.kind = text();
  c.quote = text();
  c.cue = text();
  if (!chance(3)) {
    SpeakerRef s;
    s.id = text();
    s.name = text();
    s.type = text();
    s.role = text();
    s.via = text();
    s.confidence = chance(4) ? 1.0 : unit(*rng);
    s.mention = {static_cast<size_t>((*rng)() % 5000), static_cast<size_t>((*rng)() % 5000), text(),
                 ""};
    c.speaker = s;
  }
  for (size_t n = (*rng)() % 3; n > 0; --n) c.co_speakers.push_back({text(), text(), text()});
  for (size_t n = (*rng)() % 4; n > 0; --n) c.entities.push_back(text());
  for (size_t n = (*rng)() % 3; n > 0; --n) {
    ClaimStance s{text(), text(), chance(5) ? 0.0 : unit(*rng), {}};
    for (size_t k = (*rng)() % 3; k > 0; --k) s.cues.push_back(text());
    c.stances.push_back(s);
  }
  return c;
}

// Claims as the indexer writes them read back exactly, with non-ASCII as it is and escaped as
// \u sequences; and any corruption of them that the scan still reads, nlohmann reads the same.
TEST(ScanClaim, AgreesWithNlohmannOnRandomClaimsAndTheirCorruptions) {
  std::mt19937 rng(20261124);
  static const std::string kInserts = "{}[]\":,\\-.0123456789eEnulltruefalse \x01\xC3\x80\xFF";
  size_t scanned_corrupt = 0;
  for (int i = 0; i < 1500; ++i) {
    Claim c = RandomClaim(&rng);
    const std::string json = ClaimToJson(c);
    ExpectAgrees(json, true);
    ASSERT_EQ(*ScannedClaim(json), json);
    const std::string ascii = Json::parse(json).dump(-1, ' ', /*ensure_ascii=*/true);
    ExpectAgrees(ascii, true);
    for (int m = 0; m < 12; ++m) {
      std::string bad = json;
      size_t at = rng() % (bad.size() + 1);
      switch (rng() % 4) {
        case 0:
          if (at < bad.size()) bad.erase(at, 1 + rng() % 3);
          break;
        case 1:
          bad.insert(at, 1, kInserts[rng() % kInserts.size()]);
          break;
        case 2:
          if (at < bad.size()) bad[at] = kInserts[rng() % kInserts.size()];
          break;
        default: {
          size_t from = rng() % bad.size(), len = rng() % 12;
          bad.insert(at, bad.substr(from, len));
        }
      }
      ExpectAgrees(bad, false);
      if (::testing::Test::HasFatalFailure()) return;
      scanned_corrupt += ScannedClaim(bad).has_value();
    }
  }
  // Some corruptions leave valid claims (a digit changed): both read those, and the same.
  EXPECT_GT(scanned_corrupt, 100u);
}

}  // namespace
}  // namespace claimdex
