// Schema 3: article text under its own prefix, so that a plain word's posting list holds claims
// only and a text search for claims runs without the claim type filter. These tests check that
// results stay claims-only whatever the query, that article searches still find body text, and
// that an index of an older schema is refused with a line saying to re-index.
#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "index/indexer.h"
#include "index/schema.h"
#include "query/query_builder.h"
#include "query/search.h"
#include "query/timeline.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::SampleCorpus;
using testing::TempDir;
using Ids = std::set<std::string>;

class ArticleTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<IndexReport> r = IndexDocuments(tmp_.db(), SampleCorpus());
    ASSERT_TRUE(r.ok()) << r.status().message();
  }

  // Claim ids of the hits; a hit that is not a claim (an article document) shows as "".
  Ids ClaimIds(const std::string& query) {
    SearchOptions o;
    o.query = query;
    o.limit = 50;
    Result<SearchResult> r = Search(tmp_.db(), o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    Ids ids;
    if (r.ok()) {
      for (const SearchHit& h : r->hits) ids.insert(h.claim.id);
    }
    return ids;
  }

  SearchResult Articles(const std::string& query) {
    SearchOptions o;
    o.query = query;
    o.articles = true;
    o.limit = 50;
    Result<SearchResult> r = Search(tmp_.db(), o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : SearchResult{};
  }

  TempDir tmp_;
};

TEST_F(ArticleTextTest, PlainWordsFindClaimsNotTheArticlesRepeatingThem) {
  // "semiconductors" is in c:aa102's text and so in the body of its article d:aa1.
  EXPECT_EQ(ClaimIds("semiconductors"), (Ids{"c:aa102"}));
  EXPECT_EQ(ClaimIds("\"nothing in particular\""), (Ids{"c:aa102"}));
  EXPECT_EQ(ClaimIds("semiconductors OR praised"), (Ids{"c:aa102", "c:e101"}));
  EXPECT_EQ(ClaimIds("semiconductors -praised"), (Ids{"c:aa102"}));
}

TEST_F(ArticleTextTest, QueriesThatArticlesCouldMatchStillReturnClaimsOnly) {
  // Title terms and outlet terms are on articles too: the type filter must stay.
  EXPECT_EQ(ClaimIds("title:quixotic"), (Ids{"c:b101", "c:b102"}));
  EXPECT_EQ(ClaimIds("outlet:chip-times"), (Ids{"c:e101", "c:f101"}));
  EXPECT_EQ(ClaimIds("title:quixotic OR praised"), (Ids{"c:b101", "c:b102", "c:e101"}));
  EXPECT_EQ(ClaimIds("date:2025-03-31..2025-03-31"), (Ids{"c:f101"}));
  EXPECT_EQ(ClaimIds("outlet:chip-times NOT praised"), (Ids{"c:f101"}));
  EXPECT_EQ(ClaimIds("semicond*"), (Ids{"c:aa102"}));
}

TEST_F(ArticleTextTest, ArticleSearchFindsBodyAndTitleWordsAndMarksTheTitle) {
  SearchResult r = Articles("semiconductors");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].source.doc_id, "d:aa1");
  EXPECT_TRUE(r.hits[0].claim.id.empty());

  r = Articles("quixotic");  // d:b1's title; the Villasenor quote in the bodies of a1, b1, c1
  Ids docs;
  for (const SearchHit& h : r.hits) docs.insert(h.source.doc_id);
  EXPECT_EQ(docs, (Ids{"d:a1", "d:b1", "d:c1"}));
  for (const SearchHit& h : r.hits) {
    if (h.source.doc_id == "d:b1") {
      EXPECT_EQ(h.snippet, "Chip war: a \x01quixotic\x02 fight");
    }
  }

  r = Articles("\"fast multiplications\"");  // a phrase in article text: positions are kept
  EXPECT_EQ(r.hits.size(), 3u);
  EXPECT_TRUE(Articles("\"multiplications fast\"").hits.empty());
  // Stemming applies to article text too.
  EXPECT_EQ(Articles("restriction").hits.size(), 2u);  // "restrictions" (a1), "restricting" (aa1)
}

TEST(MatchesClaimsOnly, NeedsAClaimWordOrClaimTermOnEveryBranch) {
  using Q = Xapian::Query;
  using query_internal::MatchesClaimsOnly;
  EXPECT_TRUE(MatchesClaimsOnly(Q("Zchip")));
  EXPECT_TRUE(MatchesClaimsOnly(Q("chip")));
  EXPECT_TRUE(MatchesClaimsOnly(Q("XSdavid-sacks")));
  EXPECT_TRUE(MatchesClaimsOnly(Q("XPexport-controls:oppose")));
  EXPECT_FALSE(MatchesClaimsOnly(Q("Schip")));
  EXPECT_FALSE(MatchesClaimsOnly(Q("ZSchip")));
  EXPECT_FALSE(MatchesClaimsOnly(Q("XBchip")));
  EXPECT_FALSE(MatchesClaimsOnly(Q("ZXBchip")));
  EXPECT_FALSE(MatchesClaimsOnly(Q("XOtech-daily")));
  EXPECT_FALSE(MatchesClaimsOnly(Q::MatchAll));
  EXPECT_FALSE(MatchesClaimsOnly(Q(Q::OP_VALUE_RANGE, schema::kSlotDate, "20250101", "20251231")));
  EXPECT_TRUE(MatchesClaimsOnly(Q(Q::OP_AND, Q("Schip"), Q("Zwar"))));
  EXPECT_TRUE(MatchesClaimsOnly(Q(Q::OP_FILTER, Q("Zwar"), Q("XOtech-daily"))));
  EXPECT_FALSE(MatchesClaimsOnly(Q(Q::OP_OR, Q("Schip"), Q("Zwar"))));
  EXPECT_TRUE(MatchesClaimsOnly(Q(Q::OP_OR, Q("chip"), Q("Zwar"))));
  EXPECT_FALSE(MatchesClaimsOnly(Q(Q::OP_AND_NOT, Q("XOtech-daily"), Q("Zwar"))));
  EXPECT_TRUE(MatchesClaimsOnly(Q(Q::OP_AND_NOT, Q("Zwar"), Q("XOtech-daily"))));
  EXPECT_FALSE(MatchesClaimsOnly(Q(Q::OP_AND_MAYBE, Q("Schip"), Q("Zwar"))));
  EXPECT_TRUE(MatchesClaimsOnly(Q(Q::OP_SCALE_WEIGHT, Q("Zwar"), 2.0)));
}

// Writes a database that says it has schema `version` and holds one document.
void WriteOldIndex(const std::string& path, const std::string& version) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document doc;
  doc.add_boolean_term("XTclaim");
  doc.add_term("chips");
  db.add_document(doc);
  db.set_metadata(schema::kMetaSchema, version);
  db.commit();
}

TEST(OldSchema, SearchAndTimelineOnAnOlderIndexSayToReindex) {
  TempDir tmp;
  WriteOldIndex(tmp.db(), "2");
  SearchOptions o;
  o.query = "chips";
  Result<SearchResult> r = Search(tmp.db(), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(r.status().message(), tmp.db() + ": index built with schema 2, this claimdex needs " +
                                       schema::kSchemaVersion +
                                       ": run 'claimdex index' to re-index (it rebuilds it from "
                                       "docs/)");
  Result<Timeline> t = BuildTimeline(tmp.db(), TimelineOptions{});
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("re-index"), std::string::npos) << t.status().message();
}

TEST(OldSchema, CurrentIndexOpens) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  SearchOptions o;
  o.query = "chips";
  EXPECT_TRUE(Search(tmp.db(), o).ok());
}

}  // namespace
}  // namespace claimdex
