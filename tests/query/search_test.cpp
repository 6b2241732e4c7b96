#include "query/search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::SampleCorpus;
using testing::TempDir;

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<IndexReport> r = IndexDocuments(tmp_.db(), SampleCorpus());
    ASSERT_TRUE(r.ok()) << r.status().message();
  }

  SearchResult Run(SearchOptions o) {
    if (o.limit == 10) o.limit = 50;
    Result<SearchResult> r = Search(tmp_.db(), o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : SearchResult{};
  }

  SearchResult Query(const std::string& q) {
    SearchOptions o;
    o.query = q;
    return Run(o);
  }

  using Ids_t = std::set<std::string>;

  // The claim ids of the hits; duplicates would show as a size mismatch with hits.
  static Ids_t Ids(const SearchResult& r) {
    Ids_t ids;
    for (const SearchHit& h : r.hits) ids.insert(h.claim.id);
    EXPECT_EQ(ids.size(), r.hits.size());
    return ids;
  }
  TempDir tmp_;
};

TEST_F(SearchTest, EmptyQueryMatchesEveryClaimWithQuoteClustersCollapsed) {
  SearchResult r = Query("");
  // 10 claims, the three copies of the Villasenor quote collapse to one hit.
  EXPECT_EQ(r.total, 8u);
  EXPECT_EQ(r.hits.size(), 8u);
}

TEST_F(SearchTest, SameQuoteInThreeOutletsIsOneHitWithAlsoInEarliestFirst) {
  SearchResult r = Query("multiplications");
  ASSERT_EQ(r.hits.size(), 1u);
  const SearchHit& hit = r.hits[0];
  ASSERT_EQ(hit.also_in.size(), 2u);
  Ids_t dates = {hit.source.published, hit.also_in[0].published, hit.also_in[1].published};
  EXPECT_EQ(dates, (Ids_t{"2025-02-21", "2025-02-22", "2025-02-25"}));
  EXPECT_LT(hit.also_in[0].published, hit.also_in[1].published);
  EXPECT_NE(hit.also_in[0].outlet, hit.source.outlet);
}

TEST_F(SearchTest, ReindexingGivesNoDuplicateHits) {
  ASSERT_TRUE(IndexDocuments(tmp_.db(), SampleCorpus()).ok());
  EXPECT_EQ(Ids(Query("Toner")), (Ids_t{"c:b102", "c:f101", "c:bb101"}));
}

TEST_F(SearchTest, StemmingFindsOtherFormsOfAWord) {
  EXPECT_EQ(Ids(Query("restrict")), (Ids_t{"c:a102", "c:aa101"}));
}

TEST_F(SearchTest, PhraseSearchNeedsTheWordsInOrder) {
  EXPECT_EQ(Ids(Query("\"diffusion rule\"")), (Ids_t{"c:a102"}));
  EXPECT_TRUE(Query("\"rule diffusion\"").hits.empty());
}

TEST_F(SearchTest, DefaultOperatorIsAnd) {
  EXPECT_EQ(Ids(Query("chip ban")), (Ids_t{"c:e101"}));
}

TEST_F(SearchTest, BooleanOperatorsAndLoveHate) {
  EXPECT_EQ(Ids(Query("Toner NOT mixed")), (Ids_t{"c:b102", "c:bb101"}));
  EXPECT_EQ(Ids(Query("praised OR backfires")), (Ids_t{"c:e101", "c:aa101"}));
  EXPECT_EQ(Ids(Query("Toner -undated -mixed")), (Ids_t{"c:b102"}));
}

TEST_F(SearchTest, SpeakerFilterAcceptsIdNameAndSurname) {
  Ids_t sacks = {"c:a102", "c:e101", "c:aa101"};
  for (const char* v : {"david-sacks", "David Sacks", "sacks", "SACKS"}) {
    SearchOptions o;
    o.speaker = v;
    EXPECT_EQ(Ids(Run(o)), sacks) << v;
  }
  EXPECT_EQ(Ids(Query("speaker:sacks")), sacks);
  EXPECT_EQ(Ids(Query("speaker:david-sacks")), sacks);
  EXPECT_EQ(Ids(Query("speaker:\"David Sacks\"")), sacks);
  SearchOptions nobody;
  nobody.speaker = "Jensen Huang";
  EXPECT_TRUE(Run(nobody).hits.empty());
}

TEST_F(SearchTest, EntityTargetOutletAndKindFilters) {
  SearchOptions o;
  o.entity = "nvidia";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:a102", "c:e101"}));
  EXPECT_EQ(Ids(Query("entity:nvidia")), (Ids_t{"c:a102", "c:e101"}));

  o = {};
  o.target = "diffusion-rule";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:a102"}));
  EXPECT_EQ(Ids(Query("target:diffusion-rule")), (Ids_t{"c:a102"}));

  o = {};
  o.outlet = "Chip Times";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:e101", "c:f101"}));
  EXPECT_EQ(Ids(Query("outlet:chip-times")), (Ids_t{"c:e101", "c:f101"}));

  o = {};
  o.kind = "paraphrase";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:f101"}));
  EXPECT_EQ(Ids(Query("kind:author")), (Ids_t{"c:aa102"}));
  EXPECT_EQ(Query("kind:direct-quote").hits.size(), 1u);  // the collapsed Villasenor quote
}

TEST_F(SearchTest, StanceFilterWithAndWithoutTarget) {
  SearchOptions o;
  o.stance = "oppose";
  SearchResult any = Run(o);
  EXPECT_EQ(any.total, 3u);  // Villasenor (collapsed), Sacks twice
  o.target = "diffusion-rule";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:a102"}));
  o.target = "export-controls";
  o.stance = "support";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:b102", "c:e101"}));
  EXPECT_EQ(Ids(Query("stance:export-controls:mixed")), (Ids_t{"c:f101"}));
  EXPECT_EQ(Ids(Query("stance:neutral")), (Ids_t{"c:bb101"}));
}

TEST_F(SearchTest, FiltersCombineWithAnd) {
  SearchOptions o;
  o.speaker = "sacks";
  o.stance = "oppose";
  o.outlet = "tech-daily";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:aa101"}));
  EXPECT_EQ(Ids(Query("speaker:sacks stance:oppose outlet:tech-daily")), (Ids_t{"c:aa101"}));
}

TEST_F(SearchTest, SameFieldTwiceMeansEither) {
  EXPECT_EQ(Ids(Query("outlet:chip-times outlet:policy-wire")).size(), 3u);
}

TEST_F(SearchTest, DateRangeIsInclusiveAtBothEnds) {
  SearchOptions o;
  o.since = "2025-01-01";
  o.until = "2025-03-31";
  o.speaker = "sacks";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:a102", "c:e101"}));
  o.speaker = "toner";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:b102", "c:f101"}));  // not the undated c:bb101
  EXPECT_EQ(Ids(Query("speaker:toner date:2025-01-01..2025-03-31")), (Ids_t{"c:b102", "c:f101"}));
  EXPECT_EQ(Ids(Query("date:2025-04-01..2025-04-01")), (Ids_t{"c:aa101", "c:aa102"}));
  o = {};
  o.since = "2025-03-31";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:f101", "c:aa101", "c:aa102"}));
  o = {};
  o.until = "2025-01-01";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:e101"}));
}

TEST_F(SearchTest, ClaimsWithoutDateAreExcludedByAnyDateFilter) {
  SearchOptions o;
  o.since = "1900-01-01";
  for (const SearchHit& h : Run(o).hits) EXPECT_NE(h.claim.id, "c:bb101");
  EXPECT_EQ(Ids(Query("undated")), (Ids_t{"c:bb101"}));
}

TEST_F(SearchTest, SortByDateIsNewestFirst) {
  SearchOptions o;
  o.sort = "date";
  SearchResult r = Run(o);
  ASSERT_GE(r.hits.size(), 3u);
  for (size_t i = 1; i < r.hits.size(); ++i) {
    if (r.hits[i].source.published.empty()) continue;  // undated sort last
    EXPECT_GE(r.hits[i - 1].source.published, r.hits[i].source.published) << i;
  }
  EXPECT_EQ(r.hits[0].source.published, "2025-04-01");
}

TEST_F(SearchTest, LimitAndOffsetPage) {
  SearchOptions o;
  o.sort = "date";
  o.limit = 3;
  SearchResult first = Run(o);
  o.offset = 3;
  SearchResult second = Run(o);
  ASSERT_EQ(first.hits.size(), 3u);
  ASSERT_EQ(second.hits.size(), 3u);
  EXPECT_EQ(first.total, 8u);
  EXPECT_NE(first.hits[2].claim.id, second.hits[0].claim.id);
}

TEST_F(SearchTest, FacetsCountTheWholeCollapsedMatch) {
  SearchOptions o;
  o.target = "export-controls";
  o.limit = 1;
  SearchResult r = Run(o);
  ASSERT_EQ(r.hits.size(), 1u);
  auto facet = [&](const std::string& name) {
    std::map<std::string, size_t> m;
    for (const auto& [k, v] : r.facets[name]) m[k] = v;
    return m;
  };
  EXPECT_EQ(facet("speaker")["David Sacks"], 3u);
  EXPECT_EQ(facet("speaker")["Helen Toner"], 3u);
  EXPECT_EQ(facet("stance")["oppose"], 3u);
  EXPECT_EQ(facet("stance")["support"], 2u);
  EXPECT_EQ(facet("stance")["mixed"], 1u);
  EXPECT_EQ(facet("outlet")["Chip Times"], 2u);
  EXPECT_EQ(facet("month")["2025-02"], 3u);  // the Villasenor quote once, Sacks, Toner
  EXPECT_EQ(r.facets["month"].front().first, "2025-04");  // newest month first
}

TEST_F(SearchTest, SnippetMarksMatchedWordsAndStems) {
  SearchResult r = Query("restrict");
  ASSERT_FALSE(r.hits.empty());
  for (const SearchHit& h : r.hits) {
    EXPECT_TRUE(h.snippet.find("\x01restrictions\x02") != std::string::npos ||
                h.snippet.find("\x01restricting\x02") != std::string::npos)
        << h.snippet;
  }
}

TEST_F(SearchTest, SnippetMarksWordsWhateverTheirCase) {
  SearchResult r = Query("toner");
  ASSERT_FALSE(r.hits.empty());
  for (const SearchHit& h : r.hits) {
    EXPECT_NE(h.snippet.find("\x01Toner\x02"), std::string::npos) << h.snippet;
  }
}

TEST_F(SearchTest, SpellingSuggestionWhenNothingMatches) {
  SearchResult r = Query("multiplicatoins");
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.suggestion, "multiplications");
}

TEST_F(SearchTest, ArticlesModeSearchesArticleDocuments) {
  SearchOptions o;
  o.articles = true;
  o.query = "title:quixotic";
  SearchResult r = Run(o);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].source.doc_id, "d:b1");
}

TEST_F(SearchTest, MalformedQueryIsInvalidInputNamingTheQuery) {
  SearchOptions o;
  o.query = "stance:loves";
  Result<SearchResult> r = Search(tmp_.db(), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(r.status().message().find("bad query 'stance:loves'"), std::string::npos)
      << r.status().message();
  for (const char* bad : {"export AND", "date:2025-01-01..2024-13-45", "date:yesterday..today",
                          "(((", "x..y"}) {
    o.query = bad;
    r = Search(tmp_.db(), o);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput) << bad;
    EXPECT_EQ(r.status().message().rfind("bad query '" + std::string(bad) + "': ", 0), 0u)
        << r.status().message();
  }
}

TEST_F(SearchTest, BadOptionValuesAreInvalidInput) {
  SearchOptions o;
  o.since = "2025-13-01";
  Result<SearchResult> r = Search(tmp_.db(), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(r.status().message(), "--since '2025-13-01': not a date (YYYY-MM-DD)");
  o = {};
  o.until = "2025-02-30";
  EXPECT_EQ(Search(tmp_.db(), o).status().code(), Status::Code::kInvalidInput);
  o = {};
  o.stance = "loves";
  EXPECT_EQ(Search(tmp_.db(), o).status().code(), Status::Code::kInvalidInput);
  o = {};
  o.sort = "weight";
  EXPECT_EQ(Search(tmp_.db(), o).status().code(), Status::Code::kInvalidInput);
}

TEST_F(SearchTest, ReversedDateRangesSayWhichEndIsWrong) {
  SearchOptions o;
  o.query = "export date:2025-03-01..2025-02-01";
  Result<SearchResult> r = Search(tmp_.db(), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(r.status().message(),
            "bad query 'export date:2025-03-01..2025-02-01': date range 2025-03-01..2025-02-01 "
            "ends before it starts");
  o = {};
  o.since = "2025-03-01";
  o.until = "2025-02-01";
  r = Search(tmp_.db(), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "--since 2025-03-01 is after --until 2025-02-01");
  // A one-day range is not reversed.
  o.until = "2025-03-01";
  EXPECT_TRUE(Search(tmp_.db(), o).ok());
}

TEST_F(SearchTest, OpenEndedDateRangesInTheQuery) {
  SearchOptions o;
  o.query = "date:2025-03-31..";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:f101", "c:aa101", "c:aa102"}));
  o.query = "date:..2025-01-01";
  EXPECT_EQ(Ids(Run(o)), (Ids_t{"c:e101"}));
}

// Date conditions every match must meet are checked by a match decider, not as value ranges in
// the query; a date range under OR or NOT is still part of the query and keeps its meaning
// (an undated claim can match through the other branch).
TEST_F(SearchTest, DateRangeUnderOrAndNotKeepsItsMeaning) {
  EXPECT_EQ(Ids(Query("undated OR date:2025-04-01..2025-04-01")),
            (Ids_t{"c:bb101", "c:aa101", "c:aa102"}));
  EXPECT_EQ(Ids(Query("toner NOT date:2025-01-01..2025-03-31")), (Ids_t{"c:bb101"}));
  EXPECT_EQ(Ids(Query("toner AND date:2025-01-01..2025-03-31")), (Ids_t{"c:b102", "c:f101"}));
}

// The decider runs before the quote-cluster collapse: a copy outside the range neither shows
// nor hides the copies inside it, with or without facets.
TEST_F(SearchTest, DateRangeIsCheckedBeforeQuoteClustersCollapse) {
  SearchOptions o;
  o.query = "quixotic date:2025-02-22..2025-02-28";  // not the 2025-02-21 copy
  for (bool count : {true, false}) {
    o.count_facets = count;
    SearchResult r = Run(o);
    ASSERT_EQ(r.hits.size(), 1u) << count;
    EXPECT_NE(r.hits[0].source.published, "2025-02-21") << count;
    EXPECT_EQ(r.total, 1u) << count;
  }
  o.query = "quixotic date:2025-02-21..2025-02-21";
  SearchResult r = Run(o);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].claim.id, "c:b101");
}

TEST_F(SearchTest, FacetsCountOnlyClaimsInsideTheDateRange) {
  SearchOptions o;
  o.query = "date:2025-02-01..2025-02-28";
  o.facets = true;
  SearchResult r = Run(o);
  EXPECT_EQ(r.total, 3u);  // the Villasenor quote once, Sacks, Toner
  ASSERT_EQ(r.facets["month"].size(), 1u);
  EXPECT_EQ(r.facets["month"][0], (std::pair<std::string, size_t>{"2025-02", 3u}));
  std::map<std::string, size_t> speakers(r.facets["speaker"].begin(), r.facets["speaker"].end());
  EXPECT_EQ(speakers, (std::map<std::string, size_t>{
                          {"David Sacks", 1u}, {"Helen Toner", 1u}, {"John Villasenor", 1u}}));
  o.since = "2025-02-22";  // every condition holds: the query's range and the flags'
  o.until = "2025-03-31";
  r = Run(o);
  ASSERT_EQ(r.hits.size(), 2u);  // Sacks 02-22 and the quote (02-22 or 02-25), not 02-21
  EXPECT_EQ(Ids(r).count("c:a102"), 1u);
  for (const SearchHit& h : r.hits) EXPECT_GE(h.source.published, "2025-02-22");
}

TEST_F(SearchTest, PageWithoutFacetsReturnsTheSameHitsAndNoFacets) {
  SearchOptions o;
  o.query = "Sacks";
  o.sort = "date";
  SearchResult with = Run(o);
  o.count_facets = false;
  SearchResult without = Run(o);
  ASSERT_EQ(with.hits.size(), without.hits.size());
  for (size_t i = 0; i < with.hits.size(); ++i) {
    EXPECT_EQ(with.hits[i].claim.id, without.hits[i].claim.id);
  }
  EXPECT_FALSE(with.facets.empty());
  EXPECT_TRUE(without.facets.empty());
  EXPECT_EQ(without.total, with.total);  // small index: Xapian's estimate is exact
}

TEST(Search, MissingDatabaseIsNotFound) {
  TempDir tmp;
  Result<SearchResult> r = Search(tmp.db(), SearchOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(r.status().message(), tmp.db() + ": no index yet (run 'claimdex index')");
}

}  // namespace
}  // namespace claimdex

namespace claimdex {
namespace {

// Pages of a date-sorted search (filters only: no weights are computed) are slices of the whole
// sorted match.
TEST_F(SearchTest, DateSortedPagesEqualTheFullSortAtEveryLimitAndOffset) {
  SearchOptions o;
  o.sort = "date";
  o.count_facets = false;
  o.limit = 100;  // more than every claim
  Result<SearchResult> full = Search(tmp_.db(), o);
  ASSERT_TRUE(full.ok());
  ASSERT_EQ(full->hits.size(), 8u);
  for (size_t offset = 0; offset < 4; ++offset) {
    for (size_t limit = 1; limit + offset <= 8; ++limit) {
      o.offset = offset;
      o.limit = limit;
      Result<SearchResult> page = Search(tmp_.db(), o);
      ASSERT_TRUE(page.ok());
      ASSERT_EQ(page->hits.size(), limit) << offset << "+" << limit;
      for (size_t i = 0; i < limit; ++i) {
        EXPECT_EQ(page->hits[i].claim.id, full->hits[offset + i].claim.id) << offset << "+" << i;
        EXPECT_EQ(page->hits[i].also_in.size(), full->hits[offset + i].also_in.size());
      }
      EXPECT_GE(page->total, offset + limit);
    }
  }
}

TEST(SearchByDate, QuoteRepeatedMonthsEarlierListsTheOlderCopyInAlsoIn) {
  TempDir tmp;
  std::vector<Document> docs;
  for (int i = 0; i < 3; ++i) {
    std::string id = "d:n" + std::to_string(i);
    docs.push_back(testing::MakeDoc(id, "Wire", "2025-04-1" + std::to_string(i), "April",
                                    {{"c:n" + std::to_string(i), "Lee said rates stay.", "ann-lee",
                                      "Ann Lee", "", "indirect", "", {{"rates", "support"}}, {}}}));
  }
  testing::ClaimSpec quote{"c:q1", "\xE2\x80\x9CHold the line,\xE2\x80\x9D said Bo Park.",
                           "bo-park", "Bo Park", "", "direct_quote", "Hold the line",
                           {{"rates", "oppose"}}, {}};
  docs.push_back(testing::MakeDoc("d:q1", "Wire", "2025-04-20", "Newest", {quote}));
  quote.id = "c:q0";
  docs.push_back(testing::MakeDoc("d:q0", "Other Wire", "2024-11-02", "Older", {quote}));
  docs.push_back(testing::MakeDoc("d:x", "Wire", "2025-01-05", "Filler",
                                  {{"c:x", "Lee said nothing new.", "ann-lee", "Ann Lee", "",
                                    "indirect", "", {{"rates", "neutral"}}, {}}}));
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  SearchOptions o;
  o.sort = "date";
  o.count_facets = false;
  o.limit = 1;
  Result<SearchResult> r = Search(tmp.db(), o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].claim.id, "c:q1");
  ASSERT_EQ(r->hits[0].also_in.size(), 1u);
  EXPECT_EQ(r->hits[0].also_in[0].doc_id, "d:q0");
  o.speaker = "ann-lee";  // the older copy does not match: no also_in
  o.query = "";
  o.limit = 2;
  r = Search(tmp.db(), o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].claim.id, "c:n2");
  EXPECT_TRUE(r->hits[0].also_in.empty());
}

// A narrow date range is also met by a filter on the publication months it can fall in
// (query_builder.cpp, MonthsFilter): the days at either end of the range, month edges, leap
// days, undated claims and ranges no month of the index holds must all still read right.
TEST(SearchByDate, NarrowRangesThroughTheMonthsAgreeDayByDay) {
  TempDir tmp;
  std::vector<Document> docs;
  std::vector<std::string> dates;
  for (int year = 2023; year <= 2024; ++year) {
    for (int month = 1; month <= 12; ++month) {
      static const int kLast[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int last = kLast[month - 1] + (month == 2 && year == 2024);
      for (int day : {1, 15, last}) {
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
        dates.push_back(date);
      }
    }
  }
  for (size_t i = 0; i < dates.size(); ++i) {
    std::string n = std::to_string(i);
    docs.push_back(testing::MakeDoc("d:" + n, "Wire", dates[i], "Rates",
                                    {{"c:" + n, "Lee said tariffs stay.", "ann-lee", "Ann Lee",
                                      "", "indirect", "", {{"rates", "support"}}, {}}}));
  }
  docs.push_back(testing::MakeDoc("d:undated", "Wire", "", "Rates",
                                  {{"c:undated", "Lee said tariffs stay.", "ann-lee", "Ann Lee",
                                    "", "indirect", "", {{"rates", "support"}}, {}}}));
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  struct Range {
    std::string first, last;  // YYYY-MM-DD, "" for an open end
  };
  const Range kRanges[] = {{"2024-02-15", "2024-03-01"}, {"2024-02-29", "2024-02-29"},
                           {"2024-02-28", "2024-03-14"}, {"2023-12-31", "2024-01-01"},
                           {"2023-12-16", "2024-01-14"}, {"2023-06-02", "2023-06-14"},
                           {"2024-12-31", ""},           {"", "2023-01-01"},
                           {"2022-01-01", "2022-12-31"}, {"2025-01-01", "2025-02-01"},
                           {"2023-03-01", "2023-08-31"}, {"2023-01-01", "2024-12-31"}};
  for (const Range& range : kRanges) {
    std::set<std::string> expected;
    for (size_t i = 0; i < dates.size(); ++i) {
      if ((range.first.empty() || dates[i] >= range.first) &&
          (range.last.empty() || dates[i] <= range.last)) {
        expected.insert("c:" + std::to_string(i));
      }
    }
    for (int form = 0; form < 3; ++form) {
      SearchOptions o;
      o.limit = 100;
      o.count_facets = form == 2;
      if (form == 0) {
        o.query = "tariffs date:" + range.first + ".." + range.last;
      } else {
        o.query = "tariffs";
        o.since = range.first;
        o.until = range.last;
      }
      SCOPED_TRACE(o.query + " since=" + o.since + " until=" + o.until);
      Result<SearchResult> r = Search(tmp.db(), o);
      ASSERT_TRUE(r.ok()) << r.status().message();
      std::set<std::string> ids;
      for (const SearchHit& h : r->hits) ids.insert(h.claim.id);
      EXPECT_EQ(ids, expected);
      if (form == 2) {
        EXPECT_EQ(r->total, expected.size());
      }
    }
  }
}

}  // namespace
}  // namespace claimdex
