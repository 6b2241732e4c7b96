#include "extract/dates.h"

#include <gtest/gtest.h>

namespace claimdex {
namespace {

TEST(Dates, Iso8601AndRfc3339) {
  EXPECT_EQ(FindDate("2025-02-22"), "2025-02-22");
  EXPECT_EQ(FindDate("2025-01-31T09:12:00+00:00"), "2025-01-31");
  EXPECT_EQ(FindDate("Updated 2025/3/7 10:00"), "2025-03-07");
}

TEST(Dates, MonthNameFirst) {
  EXPECT_EQ(FindDate("Saturday, February 22, 2025"), "2025-02-22");
  EXPECT_EQ(FindDate("February 22, 2025"), "2025-02-22");
  EXPECT_EQ(FindDate("Posted Feb. 6th, 2025 at noon"), "2025-02-06");
  EXPECT_EQ(FindDate("Sept 9 2024"), "2024-09-09");
}

TEST(Dates, DayFirst) {
  EXPECT_EQ(FindDate("14 Jan 2025"), "2025-01-14");
  EXPECT_EQ(FindDate("Tuesday, 14 May 2024"), "2024-05-14");
  EXPECT_EQ(FindDate("Sat, 22 Feb 2025 10:00:00 GMT"), "2025-02-22");
  EXPECT_EQ(FindDate("3rd of March, 2023"), "2023-03-03");
  EXPECT_EQ(FindDate("22.02.2025"), "2025-02-22");
}

TEST(Dates, Cjk) {
  EXPECT_EQ(FindDate("\xE5\x8F\x91\xE5\xB8\x83\xE4\xBA\x8E 2025\xE5\xB9\xB4"
                     "2\xE6\x9C\x88"
                     "6\xE6\x97\xA5"),
            "2025-02-06");
}

TEST(Dates, RejectsImpossibleDates) {
  EXPECT_EQ(FindDate("2025-13-45"), "");
  EXPECT_EQ(FindDate("February 30, 2025"), "");
  EXPECT_EQ(FindDate("1850-01-01"), "");
  EXPECT_EQ(FindDate("version 12.3.4"), "");
  EXPECT_EQ(FindDate("no date here"), "");
}

TEST(Dates, LeapYears) {
  EXPECT_EQ(FindDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(FindDate("2023-02-29"), "");
}

TEST(Dates, SkipsAnImpossibleMatchForALaterRealOne) {
  EXPECT_EQ(FindDate("ref 2025-99-99, published 2025-01-02"), "2025-01-02");
}

TEST(Dates, EarliestInTextWins) {
  EXPECT_EQ(FindDate("March 3, 2024; updated 2024-04-01"), "2024-03-03");
}

TEST(Dates, FromUrlPath) {
  EXPECT_EQ(DateFromUrl("https://x.example/2025/02/22/slug"), "2025-02-22");
  EXPECT_EQ(DateFromUrl("https://x.example/news/2025-02-22-slug.html"), "2025-02-22");
  EXPECT_EQ(DateFromUrl("https://x.example/a/20250222/slug"), "2025-02-22");
  EXPECT_EQ(DateFromUrl("https://x.example/p/4821.html"), "");
  EXPECT_EQ(DateFromUrl("https://x.example/p?d=2025/02/22/"), "");
}

TEST(Dates, IsAfter) {
  EXPECT_TRUE(IsAfter("2025-03-01", "2025-02-28T10:00:00Z"));
  EXPECT_FALSE(IsAfter("2025-02-28", "2025-02-28T10:00:00Z"));
  EXPECT_FALSE(IsAfter("2025-03-01", ""));
}

TEST(Dates, LongInputIsBounded) {
  std::string s(100000, '9');
  EXPECT_EQ(FindDate(s), "");
}

TEST(Dates, SlashedDayMonthOnlyWhenUnambiguous) {
  EXPECT_EQ(FindDate("Updated 2/24/2026"), "2026-02-24");
  EXPECT_EQ(FindDate("le 24/2/2026"), "2026-02-24");
  EXPECT_EQ(FindDate("on 2/3/2026"), "");
  EXPECT_EQ(FindDate("13/13/2026"), "");
}

}  // namespace
}  // namespace claimdex
