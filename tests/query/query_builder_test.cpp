#include "query/query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <string>
#include <vector>

#include "index/schema.h"

namespace claimdex::query_internal {
namespace {

bool HasValueRange(const Xapian::Query& q) {
  return q.get_description().find("VALUE_") != std::string::npos;
}

class BuildQueryTest : public ::testing::Test {
 protected:
  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Xapian::QueryParser parser_;
};

// A date range ANDed with the rest of the query, --since and --until leave the query for the
// match decider; WithDates puts them back.
TEST_F(BuildQueryTest, DateConditionsEveryMatchMeetsLeaveTheQuery) {
  SearchOptions o;
  o.query = "export date:2025-01-01..2025-03-31";
  o.since = "2025-02-01";
  std::vector<DateBounds> dates;
  Result<Xapian::Query> q = BuildQuery(db_, o, &parser_, &dates);
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_FALSE(HasValueRange(*q)) << q->get_description();
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[0].first, "20250201");  // --since
  EXPECT_EQ(dates[0].last, "");
  EXPECT_EQ(dates[1].first, "20250101");  // date:A..B
  EXPECT_EQ(dates[1].last, "20250331");
  EXPECT_TRUE(HasValueRange(WithDates(*q, dates)));
  // Without `dates` nothing moves.
  Result<Xapian::Query> whole = BuildQuery(db_, o, &parser_);
  ASSERT_TRUE(whole.ok());
  EXPECT_TRUE(HasValueRange(*whole));
}

TEST_F(BuildQueryTest, DateRangeUnderOrOrNotStaysInTheQuery) {
  for (const char* text : {"export OR date:2025-01-01..2025-03-31",
                           "export NOT date:2025-01-01..2025-03-31"}) {
    SearchOptions o;
    o.query = text;
    std::vector<DateBounds> dates;
    Result<Xapian::Query> q = BuildQuery(db_, o, &parser_, &dates);
    ASSERT_TRUE(q.ok()) << q.status().message();
    EXPECT_TRUE(dates.empty()) << text;
    EXPECT_TRUE(HasValueRange(*q)) << text;
  }
}

// A query of nothing but a date range keeps a weightless match-all in its place, still
// filtered to claims.
TEST_F(BuildQueryTest, DateOnlyQueryBecomesWeightlessMatchAllForClaims) {
  SearchOptions o;
  o.query = "date:2025-01-01..";
  std::vector<DateBounds> dates;
  Result<Xapian::Query> q = BuildQuery(db_, o, &parser_, &dates);
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].first, "20250101");
  EXPECT_EQ(dates[0].last, "");
  std::string d = q->get_description();
  EXPECT_NE(d.find("XTclaim"), std::string::npos) << d;
  EXPECT_NE(d.find("0 * <alldocuments>"), std::string::npos) << d;
}

// A range within a few of the index's publication months also filters on those months' terms
// (fast to skip through); a wide one, or one on an empty index, does not.
TEST_F(BuildQueryTest, NarrowDateRangeAlsoFiltersOnItsMonths) {
  for (int month = 1; month <= 12; ++month) {
    Xapian::Document d;
    char term[16];
    std::snprintf(term, sizeof term, "%s2025%02d", schema::kPrefixMonth, month);
    d.add_boolean_term(term);
    db_.add_document(d);
  }
  auto described = [&](const std::string& text) {
    SearchOptions o;
    o.query = text;
    std::vector<DateBounds> dates;
    Result<Xapian::Query> q = BuildQuery(db_, o, &parser_, &dates);
    EXPECT_TRUE(q.ok()) << q.status().message();
    EXPECT_EQ(dates.size(), 1u) << text;
    return q.ok() ? q->get_description() : "";
  };
  std::string narrow = described("export date:2025-03-20..2025-04-02");
  EXPECT_NE(narrow.find("XM202503 OR XM202504"), std::string::npos) << narrow;
  EXPECT_EQ(narrow.find("XM202505"), std::string::npos) << narrow;
  EXPECT_EQ(described("export date:2025-02-01..2025-07-31").find("XM"), std::string::npos);
  // Without words to rank the page is the first matches found: no months.
  EXPECT_EQ(described("date:2025-03-20..2025-04-02").find("XM"), std::string::npos);
  // No month of the index can hold it: nothing matches.
  EXPECT_EQ(described("export date:2026-01-01..2026-01-31"), "Query()");
}

// The months of the index, looked up between the date slot's bounds (or listed, when the dates
// span over half a century): only months with documents, oldest first, with their counts.
TEST_F(BuildQueryTest, IndexMonthsAreTheMonthsWithDocumentsOldestFirst) {
  auto add = [&](const std::string& yyyymmdd, int copies) {
    for (int i = 0; i < copies; ++i) {
      Xapian::Document d;
      d.add_boolean_term(schema::kPrefixMonth + yyyymmdd.substr(0, 6));
      d.add_value(schema::kSlotDate, yyyymmdd);
      db_.add_document(d);
    }
  };
  add("20241215", 2);
  add("20250301", 1);  // January and February 2025 have none
  add("20250317", 2);
  using Months = std::vector<std::pair<std::string, Xapian::doccount>>;
  Months want = {{"XM202412", 2}, {"XM202503", 3}};
  EXPECT_EQ(IndexMonths(db_), want);
  add("19600105", 1);  // 65 years from the oldest to the newest: listed from the term list
  want.insert(want.begin(), {"XM196001", 1});
  EXPECT_EQ(IndexMonths(db_), want);
}

TEST(DateDecider, AcceptsDatesInsideEveryConditionAndNeverUndated) {
  DateDecider decider({{"20250101", "20250331"}, {"20250201", ""}});
  auto dated = [](const std::string& date) {
    Xapian::Document d;
    if (!date.empty()) d.add_value(schema::kSlotDate, date);
    return d;
  };
  EXPECT_TRUE(decider(dated("20250201")));   // both lower ends are inclusive
  EXPECT_TRUE(decider(dated("20250331")));   // the upper end is inclusive
  EXPECT_FALSE(decider(dated("20250131")));  // inside the first, before the second
  EXPECT_FALSE(decider(dated("20250401")));
  EXPECT_FALSE(decider(dated("")));
  DateDecider open_start(std::vector<DateBounds>{{"", "20991231"}});
  EXPECT_FALSE(open_start(dated("")));  // an open start still excludes the undated
}

}  // namespace
}  // namespace claimdex::query_internal
