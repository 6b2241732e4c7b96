// A one-word search reads the word's impact tier (index/schema.h) when it can prove the page is
// the one the whole posting list gives; these tests hold it to that on a real index built from
// a few thousand claims with a skewed vocabulary, varied lengths, repeated words, quote clusters
// across outlets and two years of dates (and a few undated articles).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "index/doc_table.h"
#include "index/indexer.h"
#include "index/schema.h"
#include "query/index_reader.h"
#include "query/search.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::ClaimSpec;
using testing::MakeDoc;
using testing::TempDir;

constexpr int kWords = 60;
constexpr int kArticles = 600;

std::string Word(int rank) {
  std::string w = "w";
  w += std::to_string(rank);
  w += 'x';
  return w;
}

// 600 articles of 10 claims: words drawn with probability ~ 1/(rank+1), 1-4 of them in a claim
// among rarer words, titles of 2-20 words (so some claims fall under the tier's length and
// most do not), one claim in eight repeating an earlier quote of the same speaker in another
// outlet. One speaker ("verbose") says the commonest word twice in very long claims (in its
// tier, but light) and once in claims of middling length (outside the tier, and heavier): a page
// of that speaker's claims drawn from the tier alone would be wrong.
std::vector<Document> Corpus() {
  std::mt19937 rng(11);
  std::vector<double> weights;
  for (int r = 0; r < kWords; ++r) weights.push_back(1.0 / (r + 1));
  std::discrete_distribution<int> word(weights.begin(), weights.end());
  auto words = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      if (i > 0) s += ' ';
      s += Word(word(rng));
    }
    return s;
  };
  std::vector<Document> docs;
  std::vector<ClaimSpec> quotes;
  for (int a = 0; a < kArticles; ++a) {
    std::vector<ClaimSpec> claims;
    for (int c = 0; c < 10; ++c) {
      ClaimSpec spec;
      if (!quotes.empty() && rng() % 8 == 0) {
        spec = quotes[rng() % quotes.size()];
      } else if (c == 9) {
        spec.speaker_id = "verbose";
        spec.speaker_name = "Verbose Speaker";
        int length = a % 2 ? 200 + static_cast<int>(rng() % 50) : 35 + static_cast<int>(rng() % 10);
        for (int i = 0; i < length; ++i) {
          spec.text += "pad" + std::to_string(rng() % 1000) + " ";
          if (i == 3 || (a % 2 && i == length / 2)) spec.text += Word(0) + " ";
        }
        spec.text += "end.";
      } else {
        int speaker = static_cast<int>(rng() % 12);
        spec.speaker_id = "speaker-" + std::to_string(speaker);
        spec.speaker_name = "Speaker Number" + std::to_string(speaker);
        // A few skewed words among many rarer ones, as in prose: the commonest words are in
        // most claims but repeated in few (a tier of about a fifth of their claims, as in
        // real text), and one claim in thirty is short enough to be in the tier anyway.
        int rare = rng() % 30 == 0 ? static_cast<int>(rng() % 8)
                                   : 60 + static_cast<int>(rng() % 50);
        spec.text = words(1 + static_cast<int>(rng() % 4));
        // Now and then the commonest word nine times or more (the tier's top bucket).
        if (c == 8 && a % 40 == 0) {
          for (int i = 0; i < 9 + a % 3; ++i) spec.text += " " + Word(0);
        }
        for (int i = 0; i < rare; ++i) spec.text += " r" + std::to_string(rng() % 5000);
        // Named in the text as well as by the speaker field: "speaker" is in every such claim
        // twice, as a speaker's surname is in theirs.
        spec.text += ", " + spec.speaker_name + " said.";
        if (rng() % 2) {
          spec.kind = "direct_quote";
          spec.quote = spec.text;
          quotes.push_back(spec);
        }
      }
      spec.id = "c:" + std::to_string(a) + "-" + std::to_string(c);
      claims.push_back(spec);
    }
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2024 + a % 2, 1 + a % 12, 1 + a % 28);
    if (a % 50 == 17) date[0] = '\0';  // now and then an undated article
    docs.push_back(MakeDoc("d:" + std::to_string(a), "Outlet " + std::to_string(a % 7), date,
                           words(2 + static_cast<int>(rng() % 19)), claims));
  }
  return docs;
}

class ImpactTierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    Result<IndexReport> r = IndexDocuments(tmp_->db(), Corpus());
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  static void TearDownTestSuite() { delete tmp_; }

  // `lengths`: with the index's document table (index/doc_table.h), as Search does.
  static SearchResult Run(const SearchOptions& o, bool tiers, bool* from_tier = nullptr,
                          bool lengths = false) {
    Xapian::Database db(tmp_->db());
    std::unique_ptr<DocTable> table = lengths ? DocTable::Open(tmp_->db(), db) : nullptr;
    EXPECT_EQ(lengths, table != nullptr);
    Result<SearchResult> r = query_internal::SearchOpen(db, o, tiers, from_tier, table.get());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : SearchResult{};
  }

  // The page as an analyst sees it: each hit's claim, weight and the outlets it is also in.
  static std::vector<std::string> Page(const SearchResult& r) {
    std::vector<std::string> page;
    for (const SearchHit& h : r.hits) {
      std::string line = h.claim.id + " " + std::to_string(h.weight);
      for (const SourceRef& s : h.also_in) line += " " + s.url;
      page.push_back(line);
    }
    return page;
  }

  static TempDir* tmp_;
};

TempDir* ImpactTierTest::tmp_ = nullptr;

TEST_F(ImpactTierTest, PagesFromTheTierEqualPagesFromTheWholePostingList) {
  int from_tiers = 0, compared = 0;
  for (int rank = 0; rank < 12; ++rank) {
    for (int variant = 0; variant < 6; ++variant) {
      for (size_t offset : {0, 7, 40}) {
        SearchOptions o;
        o.count_facets = false;
        o.query = Word(rank);
        o.offset = offset;
        o.limit = variant == 4 ? 3 : 10;
        if (variant == 1) o.speaker = "speaker-3";
        if (variant == 2) o.query += " date:2024-03-01..2024-09-30";
        if (variant == 3) o.outlet = "Outlet 2";
        if (variant == 5) o.speaker = "verbose";
        bool from_tier = false;
        SearchResult tiered = Run(o, true, &from_tier);
        SearchResult whole = Run(o, false);
        SCOPED_TRACE(o.query + " speaker=" + o.speaker + " outlet=" + o.outlet +
                     " offset=" + std::to_string(offset));
        EXPECT_EQ(Page(tiered), Page(whole));
        if (from_tier) {
          ++from_tiers;
          // The total is an estimate on this path (as on the whole list's without facets): it
          // must still be of the right size.
          SearchOptions counted = o;
          counted.count_facets = true;
          size_t exact = Run(counted, true).total;
          EXPECT_GT(tiered.total, exact / 2);
          EXPECT_LT(tiered.total, exact * 2);
        }
        ++compared;
      }
    }
  }
  // Claims with the commonest word nine times or more (the tier term's top bucket, whose
  // exact count the search reads from the word's own list) are among them.
  EXPECT_GT(Xapian::Database(tmp_->db()).get_termfreq(schema::ImpactTerm(9, "Z" + Word(0))), 0u);
  // The comparison means something only if many pages did come from a tier (the commonest
  // word with every filter and offset; 18 of 216 when written).
  EXPECT_GE(from_tiers, 15);
  EXPECT_EQ(compared, 12 * 6 * 3);
}

// With the document table, a one-word page is read from the word's list with lengths from the
// table (and a tier with them): the same hits, weights and clusters as Xapian's own ranking,
// for common and rare words, the speaker's name said in every claim, filters, dates and pages.
TEST_F(ImpactTierTest, PagesWithTheDocTableEqualXapiansOwn) {
  int compared = 0;
  for (int rank : {0, 1, 3, 7, 15, 30, kWords - 1}) {
    for (int variant = 0; variant < 7; ++variant) {
      for (size_t offset : {0, 7, 40}) {
        SearchOptions o;
        o.count_facets = false;
        o.query = variant == 5 ? "speaker" : Word(rank);
        if (variant == 6) o.query += " date:2024-05-05..2024-05-05";  // one day, both ends
        o.offset = offset;
        o.limit = variant == 4 ? 3 : 10;
        if (variant == 1) o.speaker = "speaker-3";
        if (variant == 2) o.query += " date:2024-03-01..2024-09-30";
        if (variant == 3) o.outlet = "Outlet 2";
        if (variant == 4) o.until = "2024-06-30";
        SCOPED_TRACE(o.query + " speaker=" + o.speaker + " outlet=" + o.outlet +
                     " offset=" + std::to_string(offset));
        std::vector<std::string> xapian = Page(Run(o, false));
        EXPECT_EQ(Page(Run(o, false, nullptr, true)), xapian);
        EXPECT_EQ(Page(Run(o, true, nullptr, true)), xapian);
        compared += !xapian.empty();
      }
    }
  }
  EXPECT_GE(compared, 100);
}

// Sorted by date, a page is read from the newest months when they can hold it.
TEST_F(ImpactTierTest, DateSortedPagesFromTheNewestMonthsEqualTheWholeSort) {
  int from_months = 0;
  for (int variant = 0; variant < 9; ++variant) {
    for (size_t offset : {0, 9, 60}) {
      SearchOptions o;
      o.count_facets = false;
      o.sort = "date";
      o.offset = offset;
      if (variant == 0) o.speaker = "speaker-3";
      if (variant == 1) o.query = Word(2);
      if (variant == 2) o.kind = "direct_quote";  // quote clusters across outlets
      if (variant == 3) o.outlet = "Outlet 4";
      if (variant == 4) o.until = "2025-06-30";
      if (variant == 5) o.query = Word(40);  // few matches: the whole index is read
      if (variant == 6) o.since = "2024-05-01";
      if (variant == 7) {  // undated claims come last
        o.speaker = "speaker-5";
        o.offset += 300;
      }
      if (variant == 8) o.since = o.until = "2024-05-05";  // one day, both ends
      bool from_tier = false;
      SearchResult months = Run(o, true, &from_tier);
      SearchResult whole = Run(o, false);
      SCOPED_TRACE("variant " + std::to_string(variant) + " offset " + std::to_string(offset));
      EXPECT_EQ(Page(months), Page(whole));
      from_months += from_tier;
      // With the document table: days from the table, for the sort (filters alone) and for
      // the date conditions.
      EXPECT_EQ(Page(Run(o, true, nullptr, true)), Page(whole));
      EXPECT_EQ(Page(Run(o, false, nullptr, true)), Page(whole));
    }
  }
  EXPECT_GE(from_months, 6);
}

TEST_F(ImpactTierTest, RareWordsFacetsAndOtherQueriesReadTheWholeList) {
  auto from_tier = [](SearchOptions o) {
    o.count_facets = false;
    bool used = true;
    Run(o, true, &used);
    return used;
  };
  SearchOptions o;
  o.query = Word(0);
  EXPECT_TRUE(from_tier(o));
  o.query = Word(kWords - 1);  // a few hundred postings: not worth a tier
  EXPECT_FALSE(from_tier(o));
  o.query = "speaker";  // a tier of nearly all its claims: the word's own list is quicker
  EXPECT_FALSE(from_tier(o));
  o.query = Word(0) + " " + Word(1);  // two words: Xapian's own pruning does well
  EXPECT_FALSE(from_tier(o));
  o.query = Word(0);
  o.sort = "date";  // the newest months instead
  EXPECT_TRUE(from_tier(o));
  o.sort = "relevance";
  o.count_facets = true;  // facets need every match
  bool used = true;
  Run(o, true, &used);
  EXPECT_FALSE(used);
}

}  // namespace
}  // namespace claimdex
