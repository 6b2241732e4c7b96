// The near-duplicate (syndication) cluster of an article in the index: the XA term and slot on
// articles and claims, and quote-less claims of syndicated copies collapsing together.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <set>

#include "index/indexer.h"
#include "index/schema.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::ClaimSpec;
using testing::MakeDoc;
using testing::TempDir;

Xapian::Document DocWithTerm(const std::string& db_path, const std::string& term) {
  Xapian::Database db(db_path);
  Xapian::PostingIterator it = db.postlist_begin(term);
  EXPECT_NE(it, db.postlist_end(term)) << term;
  if (it == db.postlist_end(term)) return Xapian::Document();
  return db.get_document(*it);
}

bool HasTerm(const Xapian::Document& doc, const std::string& term) {
  std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  return terms.count(term) > 0;
}

// Two syndicated copies (d:w1 first) and an unrelated article, each with one quote-less claim.
std::vector<Document> SyndicatedDocs() {
  ClaimSpec w1{"c:w11", "Amodei said the controls were working as intended.", "dario-amodei",
               "Dario Amodei", "", "indirect", "", {}, {}};
  ClaimSpec w2 = w1;
  w2.id = "c:w21";
  w2.text = "Amodei said the controls were working  as intended!";  // same words
  ClaimSpec x{"c:x11", "Amodei said the controls were working as intended.", "dario-amodei",
              "Dario Amodei", "", "indirect", "", {}, {}};
  Document a = MakeDoc("d:w1", "Techwire", "2025-01-29", "Amodei defends controls", {w1});
  Document b = MakeDoc("d:w2", "Old Press", "2025-01-30", "Anthropic chief on chips", {w2});
  Document c = MakeDoc("d:x1", "Policyline", "2025-02-02", "Another story", {x});
  a.cluster = "d:w1";
  b.cluster = "d:w1";
  c.cluster = "d:x1";
  return {a, b, c};
}

TEST(ArticleCluster, TermAndSlotAreOnArticlesAndClaims) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SyndicatedDocs()).ok());
  Xapian::Database db(tmp.db());
  EXPECT_EQ(db.get_termfreq("XAd:w1"), 4u);  // two articles and their two claims
  EXPECT_EQ(db.get_termfreq("XAd:x1"), 2u);
  Xapian::Document copy = DocWithTerm(tmp.db(), "Qd:w2");
  EXPECT_TRUE(HasTerm(copy, "XAd:w1"));
  EXPECT_EQ(copy.get_value(schema::kSlotArticleCluster), "d:w1");
  EXPECT_EQ(nlohmann::json::parse(copy.get_data())["article"]["cluster"], "d:w1");
  Xapian::Document claim = DocWithTerm(tmp.db(), "Qc:w21");
  EXPECT_TRUE(HasTerm(claim, "XAd:w1"));
  EXPECT_EQ(claim.get_value(schema::kSlotArticleCluster), "d:w1");
  EXPECT_EQ(nlohmann::json::parse(claim.get_data())["source"]["article_cluster"], "d:w1");
}

TEST(ArticleCluster, DocumentWithoutClusterStandsForItself) {
  TempDir tmp;
  Document old = MakeDoc("d:o1", "Techwire", "2025-01-29", "Old extraction", {});
  ASSERT_TRUE(old.cluster.empty());
  ASSERT_TRUE(IndexDocuments(tmp.db(), {old}).ok());
  EXPECT_EQ(DocWithTerm(tmp.db(), "Qd:o1").get_value(schema::kSlotArticleCluster), "d:o1");
  EXPECT_EQ(Xapian::Database(tmp.db()).get_termfreq("XAd:o1"), 1u);
}

TEST(ArticleCluster, QuotelessClaimOfSyndicatedCopiesSharesTheCollapseKey) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SyndicatedDocs()).ok());
  std::string first = DocWithTerm(tmp.db(), "Qc:w11").get_value(schema::kSlotCluster);
  EXPECT_EQ(first.size(), 16u);
  EXPECT_EQ(DocWithTerm(tmp.db(), "Qc:w21").get_value(schema::kSlotCluster), first);
  // The same words in an article that is not a copy stay a claim of their own.
  EXPECT_NE(DocWithTerm(tmp.db(), "Qc:x11").get_value(schema::kSlotCluster), first);
  EXPECT_EQ(Xapian::Database(tmp.db()).get_termfreq("XC" + first), 2u);
}

TEST(ArticleCluster, QuotedClaimsKeepTheQuoteCluster) {
  Document doc = MakeDoc("d:q1", "Techwire", "2025-01-29", "Quote",
                         {{"c:q11", "\"Stay the course,\" Amodei said.", "dario-amodei",
                           "Dario Amodei", "", "direct_quote", "Stay the course", {}, {}}});
  doc.cluster = "d:q0";
  EXPECT_EQ(schema::ClaimClusterId(doc, doc.claims[0]), schema::QuoteClusterId(doc.claims[0]));
  doc.claims[0].quote.clear();
  EXPECT_NE(schema::ClaimClusterId(doc, doc.claims[0]), schema::QuoteClusterId(doc.claims[0]));
  doc.cluster.clear();
  EXPECT_EQ(schema::ClaimClusterId(doc, doc.claims[0]), schema::QuoteClusterId(doc.claims[0]));
}

}  // namespace
}  // namespace claimdex
