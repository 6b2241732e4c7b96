#include "extract/claims.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace claimdex {
namespace {

std::vector<std::string> Quoted(const std::string& text) {
  std::vector<std::string> out;
  for (const QuoteSpan& q : FindQuotes(text, 0, text.size())) {
    out.push_back(text.substr(q.begin, q.end - q.begin) + (q.closed ? "" : "<open>"));
  }
  return out;
}

TEST(FindQuotes, CurlyAndStraightPairs) {
  EXPECT_EQ(Quoted("He said \u201cyes\u201d and \"no\"."), (std::vector<std::string>{"yes", "no"}));
}

TEST(FindQuotes, GuillemetsAndLowNine) {
  EXPECT_EQ(Quoted("\u00abOui\u00bb, \u201eJa\u201c."), (std::vector<std::string>{"Oui", "Ja"}));
}

TEST(FindQuotes, UnclosedQuoteRunsToTheEnd) {
  EXPECT_EQ(Quoted("She said: \u201cIt goes on"), (std::vector<std::string>{"It goes on<open>"}));
}

TEST(FindQuotes, StrayClosingMarkIsIgnored) {
  EXPECT_EQ(Quoted("The end. \u201d Then \u201cmore\u201d."), (std::vector<std::string>{"more"}));
}

TEST(FindQuotes, WrongWayMarkStillClosesAnOpenQuote) {
  EXPECT_EQ(Quoted("an \u201cultraefficient model\u201c that won"),
            (std::vector<std::string>{"ultraefficient model"}));
}

TEST(FindQuotes, GluedMarkGivesWayToARealOpening) {
  EXPECT_EQ(Quoted("spread\u201cIn the days of decline. They want a \u201ccentral plan.\u201d"),
            (std::vector<std::string>{"central plan."}));
}

TEST(FindQuotes, ThousandsOfMarksStayLinear) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "\u201c";
  auto begin = std::chrono::steady_clock::now();
  std::vector<QuoteSpan> q = FindQuotes(text, 0, text.size());
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(1));
  EXPECT_FALSE(q.empty());
}

}  // namespace
}  // namespace claimdex
