#include <gtest/gtest.h>
#include <xapian.h>

#include <random>

#include "corpus/document.h"
#include "index/indexer.h"
#include "query/index_reader.h"
#include "tests/index/test_docs.h"

namespace claimdex::query_internal {
namespace {

// A search hit reads the claim and the source fields it shows without building the source's
// JSON; what it reads must be exactly what the full decode gives, for every claim indexed.
TEST(DecodeClaimHit, GivesTheSameClaimAndSourceAsTheFullDecode) {
  testing::TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), testing::SampleCorpus()).ok());
  Xapian::Database db(tmp.db());
  size_t claims = 0;
  for (auto it = db.postlist_begin("XTclaim"); it != db.postlist_end("XTclaim"); ++it) {
    std::string data = db.get_document(*it).get_data();
    std::optional<ClaimRecord> full = DecodeClaim(data);
    ASSERT_TRUE(full.has_value());
    Claim claim;
    SourceRef source;
    ASSERT_TRUE(DecodeClaimHit(data, &claim, &source));
    EXPECT_EQ(ClaimToJson(claim), ClaimToJson(full->claim));
    EXPECT_EQ(source.doc_id, full->source.doc_id);
    EXPECT_EQ(source.title, full->source.title);
    EXPECT_EQ(source.url, full->source.url);
    EXPECT_EQ(source.outlet, full->source.outlet);
    EXPECT_EQ(source.published, full->source.published);
    EXPECT_EQ(source.paragraph, full->source.paragraph);
    SourceRef only;
    ASSERT_TRUE(DecodeClaimHit(data, nullptr, &only));  // the source alone
    EXPECT_EQ(only.url, full->source.url);
    ++claims;
  }
  EXPECT_EQ(claims, 10u);
}

// Corrupted data: whatever DecodeClaimHit still reads (it stops once the fields it shows are in,
// so it may read data whose tail is broken) is what the full decode reads, when that reads it.
TEST(DecodeClaimHit, AgreesWithTheFullDecodeOnCorruptedData) {
  testing::TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), testing::SampleCorpus()).ok());
  Xapian::Database db(tmp.db());
  std::mt19937 rng(11);
  static const std::string kInserts = "{}[]\":,\\-.019enul \x01\xC3\xFF";
  size_t both = 0;
  for (auto it = db.postlist_begin("XTclaim"); it != db.postlist_end("XTclaim"); ++it) {
    const std::string data = db.get_document(*it).get_data();
    for (int m = 0; m < 300; ++m) {
      std::string bad = data;
      size_t at = rng() % std::min<size_t>(bad.size(), 1500);
      if (rng() % 2) {
        bad.erase(at, 1);
      } else {
        bad.insert(at, 1, kInserts[rng() % kInserts.size()]);
      }
      Claim claim;
      SourceRef source;
      std::optional<ClaimRecord> full = DecodeClaim(bad);
      if (!DecodeClaimHit(bad, &claim, &source) || !full) continue;
      ++both;
      ASSERT_EQ(ClaimToJson(claim), ClaimToJson(full->claim)) << bad;
      ASSERT_EQ(source.doc_id, full->source.doc_id) << bad;
      ASSERT_EQ(source.title, full->source.title) << bad;
      ASSERT_EQ(source.url, full->source.url) << bad;
      ASSERT_EQ(source.outlet, full->source.outlet) << bad;
      ASSERT_EQ(source.published, full->source.published) << bad;
      ASSERT_EQ(source.paragraph, full->source.paragraph) << bad;
    }
  }
  EXPECT_GT(both, 100u);
}

TEST(DecodeClaimHit, FieldsInAnyOrderAndOtherDataAreHandled) {
  SourceRef s;
  Claim c;
  // Source fields in another order than the indexer's, the paragraph first.
  std::string data =
      "{\"claim\":{\"id\":\"c:1\",\"text\":\"T\",\"start\":0,\"end\":1,\"paragraph\":2,"
      "\"kind\":\"indirect\",\"quote\":\"\",\"cue\":\"said\",\"speaker\":null,\"co_speakers\":[],"
      "\"entities\":[],\"stances\":[]},\"source\":{\"paragraph\":2,\"published\":\"2025-01-02\","
      "\"outlet\":\"O\",\"url\":\"https://u\",\"title\":\"Ti\",\"doc_id\":\"d:1\"},"
      "\"cluster\":\"x\"}";
  ASSERT_TRUE(DecodeClaimHit(data, &c, &s));
  EXPECT_EQ(c.id, "c:1");
  EXPECT_EQ(s.paragraph, 2);
  EXPECT_EQ(s.published, "2025-01-02");
  EXPECT_EQ(s.doc_id, "d:1");
  EXPECT_FALSE(DecodeClaimHit("{\"article\":{\"id\":\"d:1\"}}", &c, &s));
  EXPECT_FALSE(DecodeClaimHit("not json", &c, &s));
}

}  // namespace
}  // namespace claimdex::query_internal
