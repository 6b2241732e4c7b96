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

TEST(Periods, AxisLabelsAreShortWithTheirYear) {
  EXPECT_EQ(LabelOf("2025-02").label, "Feb");
  EXPECT_EQ(LabelOf("2025-02").year, "2025");
  EXPECT_EQ(LabelOf("2025-Q3").label, "Q3");
  // A week reads as its Monday; the ISO year and the Monday's calendar year may differ.
  EXPECT_EQ(LabelOf("2025-W07").label, "10 Feb");
  EXPECT_EQ(LabelOf("2025-W01").label, "30 Dec");
  EXPECT_EQ(LabelOf("2025-W01").year, "2024");
  EXPECT_EQ(LabelOf("2020-W53").label, "28 Dec");
  EXPECT_EQ(LabelOf("junk").label, "junk");
  EXPECT_EQ(LabelOf("junk").year, "");
  EXPECT_EQ(LabelOf("2025-13").label, "2025-13");
}

TEST(Periods, ReadableDatesSpellTheMonth) {
  EXPECT_EQ(ReadableDate("2025-02-07"), "7 Feb 2025");
  EXPECT_EQ(ReadableDate("2024-12-31"), "31 Dec 2024");
  EXPECT_EQ(ReadableDate("2024-13-01"), "2024-13-01");
  EXPECT_EQ(ReadableDate(""), "");
}

}  // namespace
}  // namespace claimdex::query_internal
