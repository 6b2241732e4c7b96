#include "corpus/document.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace claimdex {
namespace {

Document SampleDocument() {
  Document d;
  d.id = "d:1f3a";
  d.url = "https://news.example/a";
  d.canonical_url = "https://news.example/a?x=1";
  d.fetched = "2025-02-22T10:01:02Z";
  d.warc = WarcRef{"claimdex-20250222100102-00000.warc.gz", 1234, "<urn:uuid:abc>"};
  d.title = "After DeepSeek";
  d.authors = {"Ann Writer", "Bo Reporter"};
  d.published = "2025-02-22";
  d.modified = "2025-02-23";
  d.publisher = "Real Time Headlines";
  d.language = "en";
  d.charset = "gbk";
  d.charset_source = "meta";
  d.cluster = "k:77";
  d.quality = {"short_text"};
  d.text = "Toner said \"stay the course\".\n\nSecond paragraph \xe2\x80\x94 with a dash.";
  d.paragraphs = {{"paragraph", 0, 30}, {"quote", 32, 60}};
  Entity e{"helen-toner", "Helen Toner", "person", "CSET director", {{0, 5, "Toner", "surname"}}};
  d.entities = {e};
  Claim c;
  c.id = "c:8f2a19";
  c.text = "Toner said \"stay the course\".";
  c.start = 0;
  c.end = 30;
  c.paragraph = 0;
  c.kind = "direct_quote";
  c.quote = "stay the course";
  c.cue = "said";
  c.speaker = SpeakerRef{"helen-toner", "Helen Toner", "person",           "CSET director",
                         "surname",     0.9,           {0, 5, "Toner", ""}};
  c.co_speakers = {{"openai", "OpenAI", "organization"}};
  c.entities = {"helen-toner"};
  c.stances = {{"export-controls", "support", 0.7, {"stay the course"}}};
  d.claims = {c};
  Claim unattributed = c;
  unattributed.id = "c:0000";
  unattributed.speaker.reset();
  unattributed.co_speakers.clear();
  d.claims.push_back(unattributed);
  d.stances = {{"helen-toner", "Helen Toner", "export-controls", "support", 0.6, {"c:8f2a19"}}};
  return d;
}

TEST(DocumentJson, RoundTripKeepsEveryField) {
  const Document d = SampleDocument();
  Result<Document> back = DocumentFromJson(DocumentToJson(d));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->id, d.id);
  EXPECT_EQ(back->canonical_url, d.canonical_url);
  ASSERT_TRUE(back->warc.has_value());
  EXPECT_EQ(back->warc->file, d.warc->file);
  EXPECT_EQ(back->warc->offset, 1234u);
  EXPECT_EQ(back->warc->record_id, "<urn:uuid:abc>");
  EXPECT_EQ(back->authors, d.authors);
  EXPECT_EQ(back->modified, "2025-02-23");
  EXPECT_EQ(back->charset_source, "meta");
  EXPECT_EQ(back->quality, d.quality);
  EXPECT_EQ(back->text, d.text);
  ASSERT_EQ(back->paragraphs.size(), 2u);
  EXPECT_EQ(back->paragraphs[1].kind, "quote");
  EXPECT_EQ(back->paragraphs[1].start, 32u);
  ASSERT_EQ(back->entities.size(), 1u);
  EXPECT_EQ(back->entities[0].role, "CSET director");
  ASSERT_EQ(back->entities[0].mentions.size(), 1u);
  EXPECT_EQ(back->entities[0].mentions[0].via, "surname");
  ASSERT_EQ(back->claims.size(), 2u);
  const Claim& c = back->claims[0];
  ASSERT_TRUE(c.speaker.has_value());
  EXPECT_EQ(c.speaker->id, "helen-toner");
  EXPECT_EQ(c.speaker->via, "surname");
  EXPECT_DOUBLE_EQ(c.speaker->confidence, 0.9);
  EXPECT_EQ(c.speaker->mention.text, "Toner");
  EXPECT_EQ(c.speaker->mention.end, 5u);
  ASSERT_EQ(c.co_speakers.size(), 1u);
  EXPECT_EQ(c.co_speakers[0].type, "organization");
  ASSERT_EQ(c.stances.size(), 1u);
  EXPECT_DOUBLE_EQ(c.stances[0].score, 0.7);
  EXPECT_EQ(c.stances[0].cues, std::vector<std::string>{"stay the course"});
  EXPECT_FALSE(back->claims[1].speaker.has_value());
  ASSERT_EQ(back->stances.size(), 1u);
  EXPECT_EQ(back->stances[0].claims, std::vector<std::string>{"c:8f2a19"});
  // Writing the read-back document gives the same bytes: nothing is lost or reordered.
  EXPECT_EQ(DocumentToJson(*back), DocumentToJson(d));
}

TEST(DocumentJson, UsesTheKeyNamesOfTheContract) {
  const auto j = nlohmann::json::parse(DocumentToJson(SampleDocument()));
  for (const char* key :
       {"id", "url", "canonical_url", "fetched", "warc", "title", "authors", "published",
        "publisher", "language", "charset", "charset_source", "cluster", "quality", "text",
        "paragraphs", "entities", "claims", "stances"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_TRUE(j["warc"].contains("record_id"));
  const auto& claim = j["claims"][0];
  for (const char* key : {"id", "text", "start", "end", "paragraph", "kind", "quote", "cue",
                          "speaker", "co_speakers", "entities", "stances"}) {
    EXPECT_TRUE(claim.contains(key)) << key;
  }
  EXPECT_TRUE(claim["speaker"].contains("confidence"));
  EXPECT_TRUE(claim["speaker"]["mention"].contains("start"));
  EXPECT_TRUE(j["stances"][0].contains("speaker_id"));
}

TEST(DocumentJson, AbsentSpeakerIsNullAndEmptyCoSpeakersAreOmitted) {
  const auto j = nlohmann::json::parse(DocumentToJson(SampleDocument()));
  const auto& claim = j["claims"][1];
  ASSERT_TRUE(claim.contains("speaker"));
  EXPECT_TRUE(claim["speaker"].is_null());
  EXPECT_FALSE(claim.contains("co_speakers"));
}

TEST(DocumentJson, AbsentWarcIsOmitted) {
  Document d = SampleDocument();
  d.warc.reset();
  const std::string json = DocumentToJson(d);
  EXPECT_FALSE(nlohmann::json::parse(json).contains("warc"));
  Result<Document> back = DocumentFromJson(json);
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->warc.has_value());
}

TEST(DocumentJson, CompactFormIsOneLineAndPrettyIsIndented) {
  const Document d = SampleDocument();
  EXPECT_EQ(DocumentToJson(d).find('\n'), std::string::npos);
  EXPECT_NE(DocumentToJson(d, /*pretty=*/true).find("\n  \"id\""), std::string::npos);
}

TEST(DocumentJson, InvalidUtf8IsReplacedNotFatal) {
  Document d = SampleDocument();
  d.title = "bad \xff byte";
  Result<Document> back = DocumentFromJson(DocumentToJson(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->title, "bad \xef\xbf\xbd byte");
}

TEST(DocumentFromJson, MissingIdNamesTheKey) {
  Result<Document> r = DocumentFromJson(R"({"text": "x"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(r.status().message().find("'id'"), std::string::npos) << r.status().message();
}

TEST(DocumentFromJson, MissingTextNamesTheKey) {
  Result<Document> r = DocumentFromJson(R"({"id": "d:1"})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("'text'"), std::string::npos) << r.status().message();
}

TEST(DocumentFromJson, MistypedNestedKeyNamesItsPath) {
  Result<Document> r = DocumentFromJson(
      R"({"id": "d:1", "text": "t", "claims": [{"id": "c:1", "speaker": {"confidence": "high"}}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("claims[0].speaker.confidence"), std::string::npos)
      << r.status().message();
}

TEST(DocumentFromJson, NegativeOffsetIsRejected) {
  Result<Document> r =
      DocumentFromJson(R"({"id": "d:1", "text": "t", "paragraphs": [{"start": -1, "end": 2}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("paragraphs[0].start"), std::string::npos);
}

TEST(DocumentFromJson, NotJsonIsInvalidInput) {
  Result<Document> r = DocumentFromJson("{\"id\": ");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_FALSE(DocumentFromJson("[1, 2]").ok());
}

TEST(DocumentFromJson, UnknownKeysAreIgnored) {
  Result<Document> r = DocumentFromJson(R"({"id": "d:1", "text": "t", "future_field": [1]})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->id, "d:1");
}

TEST(ClaimJson, RoundTripAndNullSpeaker) {
  Claim c = SampleDocument().claims[1];
  const std::string json = ClaimToJson(c);
  EXPECT_NE(json.find("\"speaker\":null"), std::string::npos) << json;
  Result<Claim> back = ClaimFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->id, "c:0000");
  EXPECT_FALSE(back->speaker.has_value());
  EXPECT_EQ(back->quote, "stay the course");
  EXPECT_FALSE(ClaimFromJson(R"({"text": "no id"})").ok());
}

TEST(HexDigest, IsLowerCaseHexSha1) {
  EXPECT_EQ(HexDigest(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(HexDigest("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

}  // namespace
}  // namespace claimdex
