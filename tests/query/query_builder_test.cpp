#include "query/query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

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
