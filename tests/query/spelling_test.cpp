// "Did you mean" computed at query time from the index's term list (query/spelling.cpp), on real
// databases in temp dirs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/indexer.h"
#include "query/search.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::ClaimSpec;
using testing::MakeDoc;
using testing::SampleCorpus;
using testing::TempDir;

SearchResult Find(const TempDir& tmp, const std::string& query) {
  SearchOptions o;
  o.query = query;
  Result<SearchResult> r = Search(tmp.db(), o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : SearchResult{};
}

ClaimSpec Said(const std::string& id, const std::string& text) {
  return {id, text, "ann-lee", "Ann Lee", "", "indirect", "", {{"export-controls", "support"}}, {}};
}

TEST(SpellingSuggestion, TranspositionIsOneEditAndKnownWordsAndFieldsStay) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  SearchResult r = Find(tmp, "speaker:sacks AND multiplicatoins");
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.suggestion, "speaker:sacks AND multiplications");
}

TEST(SpellingSuggestion, NoneWhenTheQueryMatches) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  SearchResult r = Find(tmp, "multiplications");
  EXPECT_FALSE(r.hits.empty());
  EXPECT_EQ(r.suggestion, "");
}

TEST(SpellingSuggestion, NoneWhenNoTermIsClose) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  EXPECT_EQ(Find(tmp, "zebra").suggestion, "");
  EXPECT_EQ(Find(tmp, "multiplxxxxxxns").suggestion, "");  // four edits away
}

TEST(SpellingSuggestion, EqualDistancePrefersTheMoreFrequentTerm) {
  TempDir tmp;
  std::vector<Document> docs = {
      MakeDoc("d:g1", "Farm News", "2025-01-02", "Harvest",
              {Said("c:g101", "Lee said grain prices rise."),
               Said("c:g102", "Lee said the grain deal holds.")}),
      MakeDoc("d:g2", "Farm News", "2025-01-03", "More harvest",
              {Said("c:g201", "Lee said grain exports grow."),
               Said("c:g202", "Lee said the grail is a myth.")}),
  };
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  EXPECT_EQ(Find(tmp, "graim").suggestion, "grain");
  EXPECT_EQ(Find(tmp, "graul").suggestion, "grail");  // nearer beats more frequent
}

TEST(SpellingSuggestion, WordsOnlyInArticleBodiesAreNotSuggested) {
  TempDir tmp;
  std::vector<Document> docs = SampleCorpus();
  docs[0].text += "\n\nA paragraph about semiconductorfabrication that quotes nobody.";
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  EXPECT_EQ(Find(tmp, "semiconductorfabricatoin").suggestion, "");
  EXPECT_EQ(Find(tmp, "restrictoins").suggestion, "restrictions");  // a claim's word
}

TEST(SpellingSuggestion, ShortWordsAllowOneEditOnly) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  EXPECT_EQ(Find(tmp, "cjip").suggestion, "chip");
  EXPECT_EQ(Find(tmp, "cjiq").suggestion, "");  // two edits in a four-letter word
}

}  // namespace
}  // namespace claimdex
