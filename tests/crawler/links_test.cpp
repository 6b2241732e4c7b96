#include "crawler/links.h"

#include <gtest/gtest.h>

namespace claimdex {
namespace {

TEST(LinkExtractor, FindsHrefsAndAnchorText) {
  HtmlLinks links = ExtractLinks(
      "<html><body><A HREF=\"/one\">First <b>story</b></a> <a class=x href='two.html'>Two</a>"
      "<a href=three>3</a><a name=anchor>no href</a></body></html>");
  ASSERT_EQ(links.links.size(), 3u);
  EXPECT_EQ(links.links[0].href, "/one");
  EXPECT_EQ(links.links[0].text, "First story");
  EXPECT_EQ(links.links[1].href, "two.html");
  EXPECT_EQ(links.links[2].href, "three");
}

TEST(LinkExtractor, DecodesEntitiesInHref) {
  HtmlLinks links = ExtractLinks("<a href=\"/s?a=1&amp;b=2&#38;c=3\">x</a>");
  ASSERT_EQ(links.links.size(), 1u);
  EXPECT_EQ(links.links[0].href, "/s?a=1&b=2&c=3");
}

TEST(LinkExtractor, SkipsCommentsScriptsAndStyles) {
  HtmlLinks links = ExtractLinks(
      "<!-- <a href='/commented'>c</a> --><script>var s = '<a href=\"/script\">';</script>"
      "<style>a[href='/style']{}</style><a href='/real'>real</a>");
  ASSERT_EQ(links.links.size(), 1u);
  EXPECT_EQ(links.links[0].href, "/real");
}

TEST(LinkExtractor, ReadsBaseHref) {
  HtmlLinks links =
      ExtractLinks("<head><base href='http://example.com/dir/'></head><a href='x'>x</a>");
  EXPECT_EQ(links.base_href, "http://example.com/dir/");
}

TEST(LinkExtractor, SurvivesTruncatedMarkup) {
  EXPECT_NO_FATAL_FAILURE(ExtractLinks("<a href='/x"));
  EXPECT_NO_FATAL_FAILURE(ExtractLinks("<a href="));
  EXPECT_NO_FATAL_FAILURE(ExtractLinks("<!-- never closed <a href='/y'>"));
  EXPECT_TRUE(ExtractLinks("<script>never closed <a href='/z'>").links.empty());
  HtmlLinks cut = ExtractLinks("<a href='/ok'>text that never ends");
  ASSERT_EQ(cut.links.size(), 1u);
  EXPECT_EQ(cut.links[0].href, "/ok");
}

TEST(LinkExtractor, CapsLinksPerPage) {
  std::string html;
  for (size_t i = 0; i < kMaxLinksPerPage + 50; ++i)
    html += "<a href='/p" + std::to_string(i) + "'>p</a>";
  EXPECT_EQ(ExtractLinks(html).links.size(), kMaxLinksPerPage);
}

Profile PolicyProfile() {
  Profile profile;
  profile.keywords = {"export control", "chip"};
  profile.politeness.max_depth = 2;
  return profile;
}

TEST(LinkPolicy, FollowsAnyLinkOnASeedHost) {
  LinkPolicy policy(PolicyProfile(), {"http://news.example.com/"});
  EXPECT_TRUE(policy.ShouldFollow("http://news.example.com/sports", "Sports", 1));
}

TEST(LinkPolicy, NeverLeavesTheAllowedHosts) {
  LinkPolicy policy(PolicyProfile(), {"http://news.example.com/"});
  EXPECT_FALSE(policy.ShouldFollow("http://other.org/chip-story", "chip story", 1));
}

TEST(LinkPolicy, OffSeedHostsNeedATopicKeyword) {
  Profile profile = PolicyProfile();
  profile.allow_hosts = {"example.com"};
  LinkPolicy policy(profile, {"http://news.example.com/"});
  EXPECT_TRUE(policy.ShouldFollow("http://blog.example.com/2025/export-controls-tighten", "", 1));
  EXPECT_TRUE(policy.ShouldFollow("http://blog.example.com/p/123", "New CHIP rules", 1));
  EXPECT_FALSE(policy.ShouldFollow("http://blog.example.com/p/124", "Football", 1));
}

TEST(LinkPolicy, LinksOfAnOnTopicPageAreFollowedOffTheSeedHosts) {
  Profile profile = PolicyProfile();
  profile.allow_hosts = {"example.com"};
  LinkPolicy policy(profile, {"http://news.example.com/"});
  EXPECT_TRUE(policy.PageOnTopic("<p>New EXPORT CONTROLS on chips</p>"));
  EXPECT_FALSE(policy.PageOnTopic("<p>Football results</p>"));
  EXPECT_TRUE(policy.ShouldFollow("http://blog.example.com/p/124", "Football", 1, true));
  EXPECT_FALSE(policy.ShouldFollow("http://other.org/p/1", "x", 1, true));  // host still rules
}

TEST(LinkPolicy, DenyHostsWin) {
  Profile profile = PolicyProfile();
  profile.deny_hosts = {"ads.example.com"};
  LinkPolicy policy(profile, {"http://ads.example.com/", "http://example.com/"});
  EXPECT_FALSE(policy.ShouldFollow("http://ads.example.com/chip", "chip", 1));
}

TEST(LinkPolicy, StopsBeyondMaxDepth) {
  LinkPolicy policy(PolicyProfile(), {"http://example.com/"});
  EXPECT_TRUE(policy.ShouldFollow("http://example.com/a", "a", 2));
  EXPECT_FALSE(policy.ShouldFollow("http://example.com/a", "a", 3));
}

}  // namespace
}  // namespace claimdex
