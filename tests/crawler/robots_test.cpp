#include "crawler/robots.h"

#include <gtest/gtest.h>

#include <string>

namespace claimdex {
namespace {

bool Allowed(const std::string& robots, const std::string& path,
             const std::string& agent = "claimdex") {
  return RobotsRules::Parse(robots).IsAllowed(agent, path);
}

TEST(RobotsMatcher, Rfc9309_EmptyFileAllowsEverything) { EXPECT_TRUE(Allowed("", "/anything")); }

TEST(RobotsMatcher, Rfc9309_DisallowIsAPrefixMatch) {
  const std::string robots = "User-agent: *\nDisallow: /private\n";
  EXPECT_FALSE(Allowed(robots, "/private"));
  EXPECT_FALSE(Allowed(robots, "/private/page.html"));
  EXPECT_FALSE(Allowed(robots, "/privateer"));
  EXPECT_TRUE(Allowed(robots, "/public"));
  EXPECT_TRUE(Allowed(robots, "/"));
}

TEST(RobotsMatcher, Rfc9309_LongestMatchWins) {
  const std::string robots = "User-agent: *\nDisallow: /news\nAllow: /news/public\n";
  EXPECT_FALSE(Allowed(robots, "/news/secret"));
  EXPECT_TRUE(Allowed(robots, "/news/public/1"));
  const std::string reversed = "User-agent: *\nAllow: /news\nDisallow: /news/private\n";
  EXPECT_TRUE(Allowed(reversed, "/news/1"));
  EXPECT_FALSE(Allowed(reversed, "/news/private/1"));
}

TEST(RobotsMatcher, Rfc9309_AllowWinsTies) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /page\nAllow: /page\n", "/page"));
  EXPECT_TRUE(Allowed("User-agent: *\nAllow: /page\nDisallow: /page\n", "/page"));
  // Equal length by octets, different patterns.
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /a*c\nAllow: /ab*\n", "/abc"));
}

TEST(RobotsMatcher, Rfc9309_WildcardMatchesAnySequence) {
  const std::string robots = "User-agent: *\nDisallow: /*.pdf\nDisallow: /a*/b*/c\n";
  EXPECT_FALSE(Allowed(robots, "/files/report.pdf"));
  EXPECT_FALSE(Allowed(robots, "/report.pdf?download=1"));
  EXPECT_FALSE(Allowed(robots, "/aaa/bbb/c"));
  EXPECT_TRUE(Allowed(robots, "/files/report.html"));
  EXPECT_TRUE(Allowed(robots, "/aaa/c"));
}

TEST(RobotsMatcher, Rfc9309_DollarAnchorsTheEnd) {
  const std::string robots = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /exact$\n";
  EXPECT_FALSE(Allowed(robots, "/x/report.pdf"));
  EXPECT_TRUE(Allowed(robots, "/x/report.pdf?page=2"));
  EXPECT_FALSE(Allowed(robots, "/exact"));
  EXPECT_TRUE(Allowed(robots, "/exactly"));
}

TEST(RobotsMatcher, Rfc9309_ProductTokenGroupIsCaseInsensitive) {
  const std::string robots =
      "User-agent: *\nDisallow: /\n\nUser-agent: ClaimDex\nDisallow: /private\n";
  EXPECT_TRUE(Allowed(robots, "/news", "claimdex"));
  EXPECT_FALSE(Allowed(robots, "/private", "claimdex"));
  EXPECT_FALSE(Allowed(robots, "/news", "otherbot"));
}

TEST(RobotsMatcher, Rfc9309_FallsBackToStarGroup) {
  const std::string robots =
      "User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp\n";
  EXPECT_TRUE(Allowed(robots, "/news"));
  EXPECT_FALSE(Allowed(robots, "/tmp/x"));
}

TEST(RobotsMatcher, Rfc9309_NoMatchingGroupAllowsEverything) {
  EXPECT_TRUE(Allowed("User-agent: googlebot\nDisallow: /\n", "/news"));
}

TEST(RobotsMatcher, Rfc9309_GroupsForTheSameAgentAreMerged) {
  const std::string robots =
      "User-agent: claimdex\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\n"
      "User-agent: claimdex\nDisallow: /c\n";
  EXPECT_FALSE(Allowed(robots, "/a"));
  EXPECT_TRUE(Allowed(robots, "/b"));
  EXPECT_FALSE(Allowed(robots, "/c"));
}

TEST(RobotsMatcher, Rfc9309_ConsecutiveUserAgentLinesShareAGroup) {
  const std::string robots = "User-agent: alpha\nUser-agent: claimdex\nDisallow: /shared\n";
  EXPECT_FALSE(Allowed(robots, "/shared"));
  EXPECT_FALSE(Allowed(robots, "/shared", "alpha"));
}

TEST(RobotsMatcher, Rfc9309_AgentValueMatchesOnItsProductToken) {
  EXPECT_FALSE(Allowed("User-agent: claimdex/2.0\nDisallow: /x\n", "/x"));
}

TEST(RobotsMatcher, Rfc9309_EmptyDisallowRestrictsNothing) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow:\n", "/anything"));
}

TEST(RobotsMatcher, Rfc9309_RobotsTxtItselfIsAlwaysAllowed) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /\n", "/robots.txt"));
}

TEST(RobotsMatcher, Rfc9309_RulesBeforeAnyUserAgentAreIgnored) {
  EXPECT_TRUE(Allowed("Disallow: /\nUser-agent: *\nAllow: /\n", "/page"));
  EXPECT_TRUE(Allowed("Disallow: /\n", "/page"));
}

TEST(RobotsParser, LenientOnGarbage) {
  const std::string robots =
      "\xEF\xBB\xBFUser-agent: *\r\nthis line has no colon\r\nFoo: bar\r\nDisallow: /x # "
      "comment\r\n"
      "\x01\x02\x03\rDisallow: /y";
  RobotsRules rules = RobotsRules::Parse(robots);
  EXPECT_FALSE(rules.IsAllowed("claimdex", "/x"));
  EXPECT_FALSE(rules.IsAllowed("claimdex", "/y"));
  EXPECT_TRUE(rules.IsAllowed("claimdex", "/z"));
  EXPECT_GE(rules.skipped_lines(), 2);
}

TEST(RobotsParser, PatternWithoutLeadingSlashGetsOne) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: private\n", "/private/1"));
}

TEST(RobotsParser, ReadsCrawlDelayOfTheMatchingGroup) {
  RobotsRules rules =
      RobotsRules::Parse("User-agent: *\nCrawl-delay: 2.5\n\nUser-agent: other\nCrawl-delay: 9\n");
  EXPECT_DOUBLE_EQ(rules.CrawlDelay("claimdex"), 2.5);
  EXPECT_DOUBLE_EQ(rules.CrawlDelay("other"), 9);
  EXPECT_DOUBLE_EQ(RobotsRules::Parse("").CrawlDelay("claimdex"), 0);
}

TEST(RobotsParser, CollectsSitemapLinesAnywhere) {
  RobotsRules rules = RobotsRules::Parse(
      "Sitemap: http://example.com/a.xml\nUser-agent: *\nDisallow: /x\nsitemap: "
      "http://example.com/b.xml\n");
  ASSERT_EQ(rules.sitemaps().size(), 2u);
  EXPECT_EQ(rules.sitemaps()[1], "http://example.com/b.xml");
  EXPECT_FALSE(rules.IsAllowed("claimdex", "/x"));  // a Sitemap line does not end the group
}

TEST(RobotsParser, Rfc9309_StopsReadingAtTheSizeCap) {
  std::string robots = "User-agent: *\nDisallow: /early\n";
  while (robots.size() < kRobotsMaxBytes) robots += "# padding padding padding padding\n";
  robots += "Disallow: /late\n";
  RobotsRules rules = RobotsRules::Parse(robots);
  EXPECT_FALSE(rules.IsAllowed("claimdex", "/early"));
  EXPECT_TRUE(rules.IsAllowed("claimdex", "/late"));
}

TEST(RobotsParser, LineCutByTheCapIsDropped) {
  std::string robots = "User-agent: *\n";
  robots += std::string(kRobotsMaxBytes - robots.size() - 10, '\n');
  robots += "Disallow: /abcdefghijklmnop\n";  // cut inside the pattern
  EXPECT_TRUE(RobotsRules::Parse(robots).IsAllowed("claimdex", "/abcd"));
}

TEST(RobotsFetch, Rfc9309_ClientErrorMeansAllowAll) {
  for (int status : {400, 401, 403, 404, 410}) {
    EXPECT_TRUE(RobotsRules::ForStatus(status).IsAllowed("claimdex", "/x")) << status;
  }
}

TEST(RobotsFetch, Rfc9309_ServerErrorOrUnreachableMeansDisallowAll) {
  for (int status : {500, 502, 503, 0}) {
    RobotsRules rules = RobotsRules::ForStatus(status);
    EXPECT_FALSE(rules.IsAllowed("claimdex", "/x")) << status;
    EXPECT_TRUE(rules.disallow_all()) << status;
  }
}

TEST(RobotsMatcher, WildcardMatchingStaysFastOnHostileInput) {
  std::string pattern = "/";
  for (int i = 0; i < 200; ++i) pattern += "*a";
  pattern += "$";
  std::string path = "/" + std::string(20000, 'a') + "b";
  EXPECT_FALSE(RobotsPatternMatches(pattern, path));  // bounded: O(len(path) * len(pattern))
}

TEST(ProductToken, IsTheFirstWordBeforeTheSlash) {
  EXPECT_EQ(ProductToken("claimdex/0.1 (+https://example.invalid)"), "claimdex");
  EXPECT_EQ(ProductToken("MyBot"), "mybot");
}

}  // namespace
}  // namespace claimdex
