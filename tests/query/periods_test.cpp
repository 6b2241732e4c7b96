#include "query/periods.h"

#include <gtest/gtest.h>

namespace claimdex::query_internal {
namespace {

using Strings = std::vector<std::string>;

TEST(Periods, MonthAndQuarterOfADate) {
  EXPECT_EQ(PeriodOf("20250222", "month"), "2025-02");
  EXPECT_EQ(PeriodOf("20250331", "quarter"), "2025-Q1");
  EXPECT_EQ(PeriodOf("20250401", "quarter"), "2025-Q2");
  EXPECT_EQ(PeriodOf("20251231", "quarter"), "2025-Q4");
}

TEST(Periods, IsoWeeksFollowIso8601) {
  EXPECT_EQ(PeriodOf("20250101", "week"), "2025-W01");  // Wednesday of the week of 2024-12-30
  EXPECT_EQ(PeriodOf("20241230", "week"), "2025-W01");
  EXPECT_EQ(PeriodOf("20241229", "week"), "2024-W52");
  EXPECT_EQ(PeriodOf("20210103", "week"), "2020-W53");
  EXPECT_EQ(PeriodOf("20250217", "week"), "2025-W08");  // a Monday
  EXPECT_EQ(PeriodOf("20250216", "week"), "2025-W07");  // the Sunday before
  EXPECT_EQ(PeriodOf("20261231", "week"), "2026-W53");
}

TEST(Periods, RangesAreContiguousAcrossYearEnds) {
  EXPECT_EQ(PeriodsBetween("20241115", "20250210", "month"),
            (Strings{"2024-11", "2024-12", "2025-01", "2025-02"}));
  EXPECT_EQ(PeriodsBetween("20241115", "20250210", "quarter"), (Strings{"2024-Q4", "2025-Q1"}));
  EXPECT_EQ(PeriodsBetween("20241225", "20250108", "week"),
            (Strings{"2024-W52", "2025-W01", "2025-W02"}));
  EXPECT_EQ(PeriodsBetween("20250222", "20250222", "week"), (Strings{"2025-W08"}));
}

}  // namespace
}  // namespace claimdex::query_internal
