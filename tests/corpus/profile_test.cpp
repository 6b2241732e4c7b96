#include "corpus/profile.h"

#include <gtest/gtest.h>

#include "tests/corpus/corpus_test_util.h"

namespace claimdex {
namespace {

// Line numbers matter: the error tests below point into this text.
const char kValid[] = R"toml(name = "export-controls"

[crawl]
seeds = ["https://news.example/", "{{base:techwire}}/"]
feeds = ["http://news.example/feed.xml"]
sitemaps = ["{{base:techwire}}/sitemap.xml"]
allow_hosts = ["News.Example"]
deny_hosts = ["ads.example"]
max_pages = 50
max_depth = 0

[politeness]
user_agent = "claimdex-test/1.0 (+https://example.org/contact)"
delay = 0.25
concurrency = 2
allow_loopback = true

[topic]
keywords = ["export control", "chip"]

[[targets]]
id = "export-controls"
name = "export controls"
aliases = ["chip ban"]
support = ["stay the course"]
oppose = ["walk back"]

[[entities]]
id = "helen-toner"
name = "Helen Toner"
type = "person"
aliases = ["Toner"]
roles = ["CSET director"]
affiliations = ["cset", "not-in-the-kb"]
gender = "female"

[[entities]]
id = "cset"
name = "CSET"
type = "organization"
)toml";

// The message of parsing `text`, which must fail with kInvalidInput.
std::string ErrorOf(const std::string& text) {
  Result<Profile> p = ParseProfile(text, "claimdex.toml");
  EXPECT_FALSE(p.ok()) << text;
  if (p.ok()) return "";
  EXPECT_EQ(p.status().code(), Status::Code::kInvalidInput);
  return p.status().message();
}

// kValid with line `line` (1-based) replaced by `replacement`.
std::string WithLine(int line, const std::string& replacement) {
  std::string text = kValid;
  size_t start = 0;
  for (int i = 1; i < line; ++i) start = text.find('\n', start) + 1;
  size_t end = text.find('\n', start);
  return text.replace(start, end - start, replacement);
}

TEST(ParseProfile, ReadsEveryKeyOfAValidProfile) {
  Result<Profile> r = ParseProfile(kValid, "claimdex.toml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Profile& p = *r;
  EXPECT_EQ(p.name, "export-controls");
  EXPECT_EQ(p.seeds, (std::vector<std::string>{"https://news.example/", "{{base:techwire}}/"}));
  EXPECT_EQ(p.feeds, std::vector<std::string>{"http://news.example/feed.xml"});
  EXPECT_EQ(p.sitemaps, std::vector<std::string>{"{{base:techwire}}/sitemap.xml"});
  EXPECT_EQ(p.allow_hosts, std::vector<std::string>{"news.example"});  // lower-cased
  EXPECT_EQ(p.deny_hosts, std::vector<std::string>{"ads.example"});
  EXPECT_EQ(p.politeness.max_pages, 50);
  EXPECT_EQ(p.politeness.max_depth, 0);
  EXPECT_EQ(p.politeness.user_agent, "claimdex-test/1.0 (+https://example.org/contact)");
  EXPECT_DOUBLE_EQ(p.politeness.delay_seconds, 0.25);
  EXPECT_EQ(p.politeness.concurrency, 2);
  EXPECT_TRUE(p.politeness.allow_loopback);
  EXPECT_EQ(p.keywords, (std::vector<std::string>{"export control", "chip"}));
  ASSERT_EQ(p.targets.size(), 1u);
  EXPECT_EQ(p.targets[0].aliases, std::vector<std::string>{"chip ban"});
  EXPECT_EQ(p.targets[0].support, std::vector<std::string>{"stay the course"});
  EXPECT_EQ(p.targets[0].oppose, std::vector<std::string>{"walk back"});
  ASSERT_EQ(p.entities.size(), 2u);
  EXPECT_EQ(p.entities[0].roles, std::vector<std::string>{"CSET director"});
  EXPECT_EQ(p.entities[0].affiliations, (std::vector<std::string>{"cset", "not-in-the-kb"}));
  EXPECT_EQ(p.entities[0].gender, "female");
  EXPECT_EQ(p.entities[1].gender, "");
  ASSERT_NE(p.FindEntity("cset"), nullptr);
  EXPECT_EQ(p.FindEntity("cset")->type, "organization");
  EXPECT_EQ(p.FindEntity("nobody"), nullptr);
  ASSERT_NE(p.FindTarget("export-controls"), nullptr);
  EXPECT_EQ(p.FindTarget("chips"), nullptr);
}

TEST(ParseProfile, OnlyNameIsRequiredAndDefaultsApply) {
  Result<Profile> r = ParseProfile("name = \"x\"\n", "p.toml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Politeness defaults;
  EXPECT_EQ(r->politeness.max_pages, defaults.max_pages);
  EXPECT_EQ(r->politeness.max_depth, defaults.max_depth);
  EXPECT_DOUBLE_EQ(r->politeness.delay_seconds, defaults.delay_seconds);
  EXPECT_EQ(r->politeness.user_agent, defaults.user_agent);
  EXPECT_FALSE(r->politeness.allow_loopback);
  EXPECT_TRUE(r->seeds.empty());
  EXPECT_TRUE(r->entities.empty());
}

TEST(ParseProfile, IntegerDelayIsAccepted) {
  Result<Profile> r = ParseProfile(WithLine(14, "delay = 2"), "claimdex.toml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(r->politeness.delay_seconds, 2.0);
}

TEST(ParseProfile, MissingNameIsAnError) {
  EXPECT_EQ(ErrorOf("[topic]\nkeywords = []\n"), "claimdex.toml: missing 'name'");
}

TEST(ParseProfile, TomlSyntaxErrorNamesTheLine) {
  const std::string msg = ErrorOf(WithLine(9, "max_pages = = 3"));
  EXPECT_EQ(msg.rfind("claimdex.toml line 9: ", 0), 0u) << msg;
}

TEST(ParseProfile, WrongTypeNamesLineKeyAndValue) {
  EXPECT_EQ(ErrorOf(WithLine(9, "max_pages = \"ten\"")),
            "claimdex.toml line 9: crawl.max_pages: expected an integer >= 1, got \"ten\"");
}

TEST(ParseProfile, OutOfRangeIntegersAreErrors) {
  EXPECT_EQ(ErrorOf(WithLine(9, "max_pages = 0")),
            "claimdex.toml line 9: crawl.max_pages: expected an integer >= 1, got 0");
  EXPECT_EQ(ErrorOf(WithLine(10, "max_depth = -1")),
            "claimdex.toml line 10: crawl.max_depth: expected an integer >= 0, got -1");
  EXPECT_EQ(ErrorOf(WithLine(15, "concurrency = 99999999999")),
            "claimdex.toml line 15: politeness.concurrency: expected an integer >= 1, got "
            "99999999999");
}

TEST(ParseProfile, NegativeDelayAndNonBooleanAreErrors) {
  EXPECT_EQ(ErrorOf(WithLine(14, "delay = -0.5")),
            "claimdex.toml line 14: politeness.delay: expected a number of seconds >= 0, got -0.5");
  EXPECT_EQ(
      ErrorOf(WithLine(16, "allow_loopback = \"yes\"")),
      "claimdex.toml line 16: politeness.allow_loopback: expected true or false, got \"yes\"");
}

TEST(ParseProfile, UserAgentMustBeOnePrintableLine) {
  const std::string msg = ErrorOf(WithLine(13, "user_agent = \"a\\r\\nX-Evil: 1\""));
  EXPECT_EQ(
      msg.rfind("claimdex.toml line 13: politeness.user_agent: expected one line of printable text",
                0),
      0u)
      << msg;
}

TEST(ParseProfile, UnknownTopLevelKeyIsAnError) {
  EXPECT_EQ(ErrorOf(WithLine(2, "entites = []")), "claimdex.toml line 2: unknown key 'entites'");
}

TEST(ParseProfile, UnknownNestedKeyIsAnError) {
  EXPECT_EQ(ErrorOf(WithLine(5, "feedz = []")), "claimdex.toml line 5: unknown key 'crawl.feedz'");
  EXPECT_EQ(ErrorOf(WithLine(32, "alias = [\"Toner\"]")),
            "claimdex.toml line 32: unknown key 'entities[0].alias'");
}

TEST(ParseProfile, MissingTargetIdNamesTheTableLine) {
  EXPECT_EQ(ErrorOf(WithLine(22, "")), "claimdex.toml line 21: targets[0]: missing 'id'");
}

TEST(ParseProfile, MissingEntityNameAndTypeAreErrors) {
  EXPECT_EQ(ErrorOf(WithLine(30, "")), "claimdex.toml line 28: entities[0]: missing 'name'");
  EXPECT_EQ(ErrorOf(WithLine(40, "")), "claimdex.toml line 37: entities[1]: missing 'type'");
}

TEST(ParseProfile, BadIdAndBadEnumsAreErrors) {
  EXPECT_EQ(ErrorOf(WithLine(22, "id = \"Export Controls\"")),
            "claimdex.toml line 22: targets[0].id: expected lower-case letters, digits and '-', "
            "got \"Export Controls\"");
  EXPECT_EQ(ErrorOf(WithLine(31, "type = \"people\"")),
            "claimdex.toml line 31: entities[0].type: expected one of person, organization, "
            "government, policy, product, place, got \"people\"");
  EXPECT_EQ(ErrorOf(WithLine(35, "gender = \"f\"")),
            "claimdex.toml line 35: entities[0].gender: expected one of female, male, got \"f\"");
}

TEST(ParseProfile, DuplicateEntityIdIsAnError) {
  EXPECT_EQ(
      ErrorOf(WithLine(38, "id = \"helen-toner\"")),
      "claimdex.toml line 38: entities[1].id: duplicate id \"helen-toner\" (first at line 29)");
}

TEST(ParseProfile, NonHttpUrlsAreRejectedButPlaceholdersKept) {
  EXPECT_EQ(
      ErrorOf(WithLine(4, "seeds = [\"https://ok.example/\", \"ftp://x.example/\"]")),
      "claimdex.toml line 4: crawl.seeds[1]: expected an http(s) URL, got \"ftp://x.example/\"");
  EXPECT_EQ(
      ErrorOf(WithLine(5, "feeds = [\"news.example/feed\"]")),
      "claimdex.toml line 5: crawl.feeds[0]: expected an http(s) URL, got \"news.example/feed\"");
  EXPECT_EQ(
      ErrorOf(WithLine(6, "sitemaps = [\"https:///nohost\"]")),
      "claimdex.toml line 6: crawl.sitemaps[0]: expected an http(s) URL, got \"https:///nohost\"");
  Result<Profile> r = ParseProfile(
      WithLine(6, "sitemaps = [\"{{base:wire}}/a\", \"HTTPS://X.example/\"]"), "claimdex.toml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->sitemaps, (std::vector<std::string>{"{{base:wire}}/a", "HTTPS://X.example/"}));
}

TEST(ParseProfile, ArrayElementsMustBeNonEmptyStrings) {
  EXPECT_EQ(ErrorOf(WithLine(19, "keywords = [\"chip\", 3]")),
            "claimdex.toml line 19: topic.keywords[1]: expected a string, got 3");
  EXPECT_EQ(ErrorOf(WithLine(25, "support = [\"\"]")),
            "claimdex.toml line 25: targets[0].support[0]: empty string");
  EXPECT_EQ(ErrorOf(WithLine(19, "keywords = \"chip\"")),
            "claimdex.toml line 19: topic.keywords: expected an array of strings, got \"chip\"");
}

TEST(ParseProfile, SectionOfTheWrongShapeIsAnError) {
  EXPECT_EQ(ErrorOf("name = \"x\"\ncrawl = 3\n"),
            "claimdex.toml line 2: crawl: expected a table, got 3");
  EXPECT_EQ(
      ErrorOf("name = \"x\"\n[targets]\nid = \"a\"\n"),
      "claimdex.toml line 2: targets: expected an array of tables ([[targets]]), got a table");
}

TEST(LoadProfile, MissingFileIsInvalidInputNamingIt) {
  testing::TempDir dir;
  Result<Profile> r = LoadProfile(dir.Sub("none.toml"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(r.status().message().find(dir.Sub("none.toml")), std::string::npos);
}

TEST(LoadProfile, ErrorsNameThePath) {
  testing::TempDir dir;
  testing::Spit(dir.Sub("p.toml"), "name = 3\n");
  Result<Profile> r = LoadProfile(dir.Sub("p.toml"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), dir.Sub("p.toml") + " line 1: name: expected a string, got 3");
}

TEST(DefaultProfileToml, IsTheEmbeddedProfileFile) {
  const std::string expected =
      testing::Slurp(std::string(CLAIMDEX_SOURCE_DIR) + "/corpus/profiles/export-controls.toml");
  EXPECT_FALSE(DefaultProfileToml().empty());
  EXPECT_EQ(DefaultProfileToml(), expected);
}

TEST(DefaultProfileToml, ParsesCleanly) {
  if (DefaultProfileToml().rfind("# placeholder", 0) == 0) {
    GTEST_SKIP() << "corpus/profiles/export-controls.toml is still a placeholder";
  }
  Result<Profile> r = ParseProfile(DefaultProfileToml(), "export-controls.toml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r->targets.empty());
  EXPECT_FALSE(r->entities.empty());
}

}  // namespace
}  // namespace claimdex
