#include "crawler/url.h"

#include <gtest/gtest.h>

namespace claimdex {
namespace {

struct CanonicalCase {
  const char* input;
  const char* expected;
};

class UrlCanonicalization : public ::testing::TestWithParam<CanonicalCase> {};

TEST_P(UrlCanonicalization, MapsSpellingsOfOnePageToOneString) {
  auto result = CanonicalizeUrl(GetParam().input);
  ASSERT_TRUE(result.ok()) << GetParam().input << ": " << result.status().message();
  EXPECT_EQ(result.value(), GetParam().expected) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Table, UrlCanonicalization,
    ::testing::Values(CanonicalCase{"HTTP://Example.COM/a", "http://example.com/a"},
                      CanonicalCase{"http://example.com", "http://example.com/"},
                      CanonicalCase{"http://example.com:80/a", "http://example.com/a"},
                      CanonicalCase{"https://example.com:443/a", "https://example.com/a"},
                      CanonicalCase{"http://example.com:8080/a", "http://example.com:8080/a"},
                      CanonicalCase{"https://example.com:80/a", "https://example.com:80/a"},
                      CanonicalCase{"http://example.com/a/./b/../c", "http://example.com/a/c"},
                      CanonicalCase{"http://example.com/a#section", "http://example.com/a"},
                      CanonicalCase{"http://example.com/a?utm_source=x&id=3&utm_medium=y",
                                    "http://example.com/a?id=3"},
                      CanonicalCase{"http://example.com/a?fbclid=abc", "http://example.com/a"},
                      CanonicalCase{"http://example.com/a?gclid=1&UTM_Campaign=2&q=chips",
                                    "http://example.com/a?q=chips"},
                      CanonicalCase{"  http://example.com/a  ", "http://example.com/a"},
                      CanonicalCase{"http://example.com/a b", "http://example.com/a%20b"},
                      CanonicalCase{"http://127.0.0.1:8080/x", "http://127.0.0.1:8080/x"},
                      CanonicalCase{"http://example.com/Path/Keeps/Case",
                                    "http://example.com/Path/Keeps/Case"}));

TEST(UrlCanonicalization, RejectsNonHttpSchemes) {
  for (const char* url : {"ftp://example.com/a", "mailto:someone@example.com",
                          "javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi"}) {
    auto result = CanonicalizeUrl(url);
    EXPECT_FALSE(result.ok()) << url;
    EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput) << url;
  }
}

TEST(UrlCanonicalization, RejectsRelativeAndEmptyInput) {
  EXPECT_FALSE(CanonicalizeUrl("example.com/a").ok());
  EXPECT_FALSE(CanonicalizeUrl("/a/b").ok());
  EXPECT_FALSE(CanonicalizeUrl("").ok());
}

TEST(UrlCanonicalization, ErrorNamesTheUrl) {
  auto result = CanonicalizeUrl("ftp://example.com/x");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("ftp://example.com/x"), std::string::npos);
}

TEST(UrlResolution, ResolvesRelativeReferencesAgainstTheBase) {
  const char* base = "http://example.com/news/2025/story.html?page=2";
  EXPECT_EQ(ResolveUrl(base, "other.html").value(), "http://example.com/news/2025/other.html");
  EXPECT_EQ(ResolveUrl(base, "../index.html").value(), "http://example.com/news/index.html");
  EXPECT_EQ(ResolveUrl(base, "/about").value(), "http://example.com/about");
  EXPECT_EQ(ResolveUrl(base, "//cdn.Example.com/x").value(), "http://cdn.example.com/x");
  EXPECT_EQ(ResolveUrl(base, "https://other.org:443/y#frag").value(), "https://other.org/y");
  EXPECT_EQ(ResolveUrl(base, "#top").value(), "http://example.com/news/2025/story.html?page=2");
  EXPECT_EQ(ResolveUrl(base, "?page=3").value(), "http://example.com/news/2025/story.html?page=3");
  EXPECT_EQ(ResolveUrl(base, "").value(), "http://example.com/news/2025/story.html?page=2");
}

TEST(UrlResolution, ResolverGivesWhatResolveUrlGives) {
  const char* base = "http://example.com/news/2025/story.html?page=2";
  UrlResolver resolver(base);
  for (const char* href : {"other.html", "../index.html", "/about", "//cdn.Example.com/x", "#top",
                           "?page=3", "", "mailto:a@b.c", "http://bücher.example/"}) {
    auto expected = ResolveUrl(base, href);
    auto actual = resolver.Resolve(href);
    ASSERT_EQ(actual.ok(), expected.ok()) << href;
    if (expected.ok()) {
      EXPECT_EQ(actual.value(), expected.value()) << href;
    }
  }
  EXPECT_FALSE(UrlResolver("not a url").Resolve("/a").ok());
}

TEST(UrlResolution, RejectsNonHttpLinks) {
  const char* base = "http://example.com/";
  EXPECT_FALSE(ResolveUrl(base, "mailto:a@b.c").ok());
  EXPECT_FALSE(ResolveUrl(base, "javascript:void(0)").ok());
  EXPECT_FALSE(ResolveUrl(base, "tel:+123").ok());
}

TEST(UrlParts, HostPortAndPath) {
  EXPECT_EQ(UrlHost("http://WWW.Example.com:8080/a"), "www.example.com");
  EXPECT_EQ(UrlHostPort("http://example.com:8080/a"), "example.com:8080");
  EXPECT_EQ(UrlHostPort("http://example.com:80/a"), "example.com");
  EXPECT_EQ(UrlOrigin("https://example.com/a/b"), "https://example.com");
  EXPECT_EQ(UrlPathAndQuery("http://example.com/a/b?x=1"), "/a/b?x=1");
  EXPECT_EQ(UrlPathAndQuery("http://example.com"), "/");
}

TEST(UrlCanonicalization, InternationalisedHostBecomesPunycode) {
  EXPECT_EQ(CanonicalizeUrl("http://bücher.example/straße").value(),
            "http://xn--bcher-kva.example/stra%c3%9fe");
  EXPECT_EQ(CanonicalizeUrl("https://例え.jp/").value(), "https://xn--r8jz45g.jp/");
  EXPECT_EQ(UrlHost("http://bücher.example/"), "xn--bcher-kva.example");
  EXPECT_EQ(ResolveUrl("http://example.com/", "//bücher.example/a").value(),
            "http://xn--bcher-kva.example/a");
}

TEST(UrlCanonicalization, PunycodeAndUnicodeSpellingsAreOneUrl) {
  EXPECT_EQ(CanonicalizeUrl("http://bücher.example/").value(),
            CanonicalizeUrl("http://XN--BCHER-KVA.example/").value());
}

TEST(UrlCanonicalization, NormalisesPercentEncoding) {
  // Unreserved characters are decoded; other escapes keep one spelling (lower-case hex).
  EXPECT_EQ(CanonicalizeUrl("http://example.com/%7euser/%41b%2Fc?q=%E2%82%AC&x=%2D").value(),
            "http://example.com/~user/Ab%2fc?q=%e2%82%ac&x=-");
  EXPECT_EQ(CanonicalizeUrl("http://example.com/%7Euser").value(),
            CanonicalizeUrl("http://example.com/~user").value());
  EXPECT_EQ(CanonicalizeUrl("http://example.com/a%2").value(), "http://example.com/a%2");
}

TEST(UrlCanonicalization, InvalidInternationalisedHostIsRejectedNamingIt) {
  // U+200F RIGHT-TO-LEFT MARK is disallowed in host names (UTS #46).
  const std::string url =
      "http://a\xE2\x80\x8F"
      "b.example/";
  auto result = CanonicalizeUrl(url);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(result.status().message().find("internationalised"), std::string::npos)
      << result.status().message();
}

TEST(RegisteredDomain, UsesThePublicSuffixList) {
  EXPECT_EQ(RegisteredDomain("news.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(RegisteredDomain("www.example.com"), "example.com");
  EXPECT_EQ(RegisteredDomain("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(RegisteredDomain("localhost"), "localhost");
}

TEST(HostMatches, MatchesTheHostAndItsSubdomainsOnly) {
  EXPECT_TRUE(HostMatches("example.com", "example.com"));
  EXPECT_TRUE(HostMatches("www.example.com", "Example.com"));
  EXPECT_FALSE(HostMatches("badexample.com", "example.com"));
  EXPECT_FALSE(HostMatches("example.com", "www.example.com"));
}

}  // namespace
}  // namespace claimdex
