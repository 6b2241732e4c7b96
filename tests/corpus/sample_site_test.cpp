// The bundled sample site: each outlet served on its own loopback address, the files the
// crawler meets (robots.txt, feeds, sitemap, redirect, 404), the manifest the tests rely on,
// and the editorial rule that no invented words are put in a real person's mouth.
#include "corpus/sample_site.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "corpus/embedded.h"
#include "corpus/profile.h"

namespace claimdex {
namespace {

constexpr char kSampleNotice[] = "Sample data for the claimdex demo";

class SampleSiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto site = SampleSite::Start();
    ASSERT_TRUE(site.ok()) << site.status().message();
    site_ = std::move(site).value().release();
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }

  static httplib::Result Get(const std::string& outlet, const std::string& path) {
    httplib::Client client(site_->bases().at(outlet));
    client.set_connection_timeout(5);
    client.set_read_timeout(5);
    return client.Get(path.c_str());
  }

  static std::string Body(const std::string& outlet, const std::string& path) {
    auto res = Get(outlet, path);
    if (!res) return "<no response>";
    return res->body;
  }

  static SampleSite* site_;
};

SampleSite* SampleSiteTest::site_ = nullptr;

nlohmann::json Manifest() { return nlohmann::json::parse(EmbeddedFileContent("sample/site.json")); }

bool IsValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t extra = 0;
    if (c >= 0x80) {
      if ((c >> 5) == 0x6) {
        extra = 1;
      } else if ((c >> 4) == 0xE) {
        extra = 2;
      } else if ((c >> 3) == 0x1E) {
        extra = 3;
      } else {
        return false;
      }
    }
    if (i + extra >= s.size() && extra > 0) return false;
    for (size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += extra + 1;
  }
  return true;
}

// windows-1252 -> UTF-8, for the few non-ASCII bytes the oldpress pages use.
std::string Cp1252ToUtf8(const std::string& in) {
  std::string out;
  for (unsigned char c : in) {
    switch (c) {
      case 0x91:
        out += "\u2018";
        break;
      case 0x92:
        out += "\u2019";
        break;
      case 0x93:
        out += "\u201c";
        break;
      case 0x94:
        out += "\u201d";
        break;
      case 0x96:
        out += "\u2013";
        break;
      case 0x97:
        out += "\u2014";
        break;
      default:
        if (c < 0x80) {
          out += static_cast<char>(c);
        } else {
          out += static_cast<char>(0xC0 | (c >> 6));
          out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quote audit: a quoted span in a block of text that names a real person must be (part of) a
// quote that public reporting attributed to someone in the debate.

const std::vector<std::string>& AllowedQuotes() {
  static const std::vector<std::string> kQuotes = {
      // Helen Toner
      "huge victory",
      "mixed feelings",
      "open question",
      "doesn't make any sense to try to walk it back",
      "high alert",
      "fast follower, not leading the pack",
      "doing well at fast-following",
      // Dario Amodei (and the title of his essay)
      "even more existentially important than they were a week ago",
      "They are not a way to avoid competition between the United States and China",
      "On DeepSeek and Export Controls",
      // David Sacks; OpenAI; Brookings
      "months, not years",
      "let the private sector cook",
      "substantial evidence",
      "central planned global computing economy",
      // John Villasenor
      "A decade from now on, we will review and recognize that the U.S. government attempted to "
      "restrict people from 150 countries to perform fast multiplication in the mid-2020s",
      // Martin Chorzempa
      "I'm worried that we'll have a significant control over the knee response of ratchet "
      "before we completely consider the tradeoffs",
      "DeepSeeks seems to have been heavily optimized with clever software and hardware "
      "engineering to make the speed limits designed to block these chips",
      // Alexandra Mousavizadeh
      "This story is really about the gap between open source and closed source models",
      "You can't really be a real gatekeeper",
      // Alex Karp
      "We have to work harder, run faster, and do our national efforts",
      "huge policy discussion",
      "We're not focused on the game",
      "We're focused on how to execute",
      // Donald Trump (and his first-day trade memo)
      "A wake-up call for our industry, we need to win with laser competition",
      "identify and eliminate loopholes in existing export controls",
  };
  return kQuotes;
}

const std::vector<std::string>& RealPeople() {
  static const std::vector<std::string> kNames = {
      "Toner",        "Amodei",     "Sacks",         "Lutnick",       "Villasenor",   "Chorzempa",
      "Mousavizadeh", "Karp",       "Trump",         "Huang",         "Biden",        "Raimondo",
      "Estevez",      "Sullivan",   "Liang Wenfeng", "Altman",        "Nadella",      "Lisa Su",
      "Rubio",        "Xi Jinping", "Allen",         "Heim",          "Chris Miller", "Alperovitch",
      "Goodrich",     "Musk",       "Zuckerberg",    "von der Leyen", "Kevin Xu",     "Finkle",
      "Glueck",       "Moolenaar"};
  return kNames;
}

// Curly apostrophes become ASCII ones, letters lower case, surrounding punctuation dropped.
std::string NormalizeQuote(const std::string& in) {
  std::string s;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in.compare(i, 3, "\u2019") == 0 || in.compare(i, 3, "\u2018") == 0) {
      s += '\'';
      i += 2;
    } else {
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(in[i])));
    }
  }
  const auto keep = [](char c) { return c != ' ' && c != '.' && c != ',' && c != ';' && c != ':'; };
  while (!s.empty() && !keep(s.back())) s.pop_back();
  size_t start = 0;
  while (start < s.size() && !keep(s[start])) ++start;
  return s.substr(start);
}

// Text blocks (paragraphs, headings, titles, list items) of an HTML page, tags stripped.
std::vector<std::string> TextBlocks(std::string html) {
  html = std::regex_replace(html, std::regex(R"(<script[\s\S]*?</script>|<style[\s\S]*?</style>)"),
                            "");
  html = std::regex_replace(
      html, std::regex(R"(<(p|h1|h2|h3|li|title|div|td|br)\b)", std::regex::icase), "\n<$1");
  html = std::regex_replace(html, std::regex(R"(<[^>]*>)"), "");
  html = std::regex_replace(html, std::regex("&amp;"), "&");
  std::vector<std::string> blocks;
  size_t pos = 0;
  while (pos <= html.size()) {
    const size_t nl = html.find('\n', pos);
    blocks.push_back(html.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return blocks;
}

// Quoted spans of a block: “...” (an unclosed one runs to the block's end, as a quote that
// continues into the next paragraph does) and "...".
std::vector<std::string> QuotedSpans(const std::string& block) {
  std::vector<std::string> spans;
  static const std::string kOpen = "\u201c", kClose = "\u201d";
  for (size_t p = block.find(kOpen); p != std::string::npos; p = block.find(kOpen, p + 1)) {
    const size_t end = block.find(kClose, p + kOpen.size());
    spans.push_back(block.substr(
        p + kOpen.size(), end == std::string::npos ? std::string::npos : end - p - kOpen.size()));
    if (end == std::string::npos) break;
    p = end;
  }
  for (size_t p = block.find('"'); p != std::string::npos;) {
    const size_t end = block.find('"', p + 1);
    if (end == std::string::npos) break;
    spans.push_back(block.substr(p + 1, end - p - 1));
    p = block.find('"', end + 1);
  }
  return spans;
}

// The quoted spans next to a real person's name that are not allowed quotes.
std::vector<std::string> InventedQuotes(const std::string& page_utf8) {
  std::vector<std::string> allowed;
  for (const auto& q : AllowedQuotes()) allowed.push_back(NormalizeQuote(q));
  std::vector<std::string> invented;
  for (const auto& block : TextBlocks(page_utf8)) {
    const bool names_person =
        std::any_of(RealPeople().begin(), RealPeople().end(),
                    [&](const std::string& n) { return block.find(n) != std::string::npos; });
    if (!names_person) continue;
    for (const auto& span : QuotedSpans(block)) {
      const std::string q = NormalizeQuote(span);
      const bool ok =
          !q.empty() && std::any_of(allowed.begin(), allowed.end(), [&](const std::string& a) {
            return a.find(q) != std::string::npos;
          });
      if (!ok) invented.push_back(span);
    }
  }
  return invented;
}

// ---------------------------------------------------------------------------------------------

TEST_F(SampleSiteTest, EachOutletHasItsOwnLoopbackAddressAndPort) {
  const auto& bases = site_->bases();
  ASSERT_EQ(bases.size(), 3u);
  EXPECT_EQ(bases.at("techwire").rfind("http://127.0.0.1:", 0), 0u);
  EXPECT_EQ(bases.at("oldpress").rfind("http://127.0.0.2:", 0), 0u);
  EXPECT_EQ(bases.at("policyline").rfind("http://127.0.0.3:", 0), 0u);
  std::set<std::string> distinct;
  for (const auto& [key, base] : bases) distinct.insert(base);
  EXPECT_EQ(distinct.size(), 3u);
}

TEST_F(SampleSiteTest, HomePagesServeWithSampleNoticeAndCrossOutletLinks) {
  for (const auto& [key, base] : site_->bases()) {
    auto res = Get(key, "/");
    ASSERT_TRUE(res) << key;
    EXPECT_EQ(res->status, 200) << key;
    EXPECT_NE(res->body.find(kSampleNotice), std::string::npos) << key;
    const bool links_other =
        std::any_of(site_->bases().begin(), site_->bases().end(), [&](const auto& other) {
          return other.first != key && res->body.find(other.second + "/") != std::string::npos;
        });
    EXPECT_TRUE(links_other) << key << " links no other outlet";
  }
}

TEST_F(SampleSiteTest, SeedsAreTheHomePages) {
  const auto seeds = site_->Seeds();
  ASSERT_EQ(seeds.size(), 3u);
  for (const auto& [key, base] : site_->bases()) {
    EXPECT_NE(std::find(seeds.begin(), seeds.end(), base + "/"), seeds.end()) << key;
  }
}

TEST_F(SampleSiteTest, TechwireRobotsDisallowsPrivateAndNamesTheSitemap) {
  auto res = Get("techwire", "/robots.txt");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain");
  EXPECT_NE(res->body.find("Disallow: /private/"), std::string::npos);
  EXPECT_NE(res->body.find("Sitemap: " + site_->bases().at("techwire") + "/sitemap.xml"),
            std::string::npos);
  // The disallowed page exists and is linked from the home page, so obeying robots.txt matters.
  EXPECT_EQ(Get("techwire", "/private/draft-memo.html")->status, 200);
  EXPECT_NE(Body("techwire", "/").find("href=\"/private/draft-memo.html\""), std::string::npos);
  for (const std::string outlet : {"oldpress", "policyline"}) {
    EXPECT_EQ(Get(outlet, "/robots.txt")->status, 200) << outlet;
  }
}

TEST_F(SampleSiteTest, FeedsAndSitemapServeWithSubstitutedUrls) {
  const auto feeds = site_->Feeds();
  ASSERT_EQ(feeds.size(), 3u);
  bool saw_rss = false, saw_atom = false;
  for (const auto& url : feeds) {
    const size_t slash = url.find('/', std::string("http://").size());
    httplib::Client client(url.substr(0, slash));
    auto res = client.Get(url.substr(slash).c_str());
    ASSERT_TRUE(res) << url;
    EXPECT_EQ(res->status, 200) << url;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/xml") << url;
    saw_rss = saw_rss || res->body.find("<rss version=\"2.0\">") != std::string::npos;
    saw_atom = saw_atom ||
               res->body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">") != std::string::npos;
    EXPECT_NE(res->body.find(url.substr(0, slash) + "/"), std::string::npos) << url;
    EXPECT_EQ(res->body.find("{{base:"), std::string::npos) << url;
  }
  EXPECT_TRUE(saw_rss);
  EXPECT_TRUE(saw_atom);
  ASSERT_EQ(site_->Sitemaps().size(), 1u);
  EXPECT_EQ(site_->Sitemaps()[0], site_->bases().at("techwire") + "/sitemap.xml");
  const std::string sitemap = Body("techwire", "/sitemap.xml");
  EXPECT_NE(sitemap.find("<urlset"), std::string::npos);
  EXPECT_NE(sitemap.find("<loc>" + site_->bases().at("techwire") +
                         "/2024/10/two-years-of-chip-controls.html</loc>"),
            std::string::npos);
}

TEST_F(SampleSiteTest, TechwireArticleCarriesWordPressMetadata) {
  auto res = Get("techwire", "/2025/01/toner-chip-ban.html");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=UTF-8");
  EXPECT_NE(res->body.find("\"@type\": \"NewsArticle\""), std::string::npos);
  EXPECT_NE(res->body.find("\"datePublished\": \"2025-01-31T09:30:00+00:00\""), std::string::npos);
  EXPECT_NE(res->body.find(
                "<meta property=\"article:published_time\" content=\"2025-01-31T09:30:00+00:00\">"),
            std::string::npos);
  EXPECT_NE(res->body.find("<link rel=\"canonical\" href=\"" + site_->bases().at("techwire") +
                           "/2025/01/toner-chip-ban.html\">"),
            std::string::npos);
  EXPECT_NE(res->body.find("Helen Toner"), std::string::npos);
  EXPECT_TRUE(IsValidUtf8(res->body));
}

TEST_F(SampleSiteTest, PolicylineCleanUrlHasDateOnlyInVisibleText) {
  auto res = Get("policyline", "/briefs/2025/02/after-deepseek-chip-war");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(res->body.find("Saturday, February 22, 2025"), std::string::npos);
  EXPECT_EQ(res->body.find("2025-02-22"), std::string::npos);
  EXPECT_EQ(res->body.find("published_time"), std::string::npos);
  EXPECT_EQ(res->body.find("datePublished"), std::string::npos);
}

TEST_F(SampleSiteTest, OldpressPageIsWindows1252WithNoCharsetInHttpHeader) {
  auto res = Get("oldpress", "/news/2025/01/amodei-export-controls.htm");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html");
  EXPECT_NE(res->body.find(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"),
            std::string::npos);
  EXPECT_NE(res->body.find('\x93'), std::string::npos);
  EXPECT_NE(res->body.find('\x94'), std::string::npos);
  EXPECT_NE(res->body.find('\x97'), std::string::npos);
  EXPECT_FALSE(IsValidUtf8(res->body));
  EXPECT_NE(res->body.find("Posted 30 Jan 2025"), std::string::npos);
  // Placeholders are substituted byte-wise without touching the windows-1252 bytes.
  EXPECT_NE(res->body.find(site_->bases().at("techwire") + "/archives/1042"), std::string::npos);
}

TEST_F(SampleSiteTest, OldUrlRedirectsWith301ToTheArticle) {
  auto res = Get("techwire", "/archives/1042");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 301);
  EXPECT_EQ(res->get_header_value("Location"),
            site_->bases().at("techwire") + "/2025/01/amodei-deepseek-export-controls.html");
  EXPECT_EQ(Get("techwire", "/2025/01/amodei-deepseek-export-controls.html")->status, 200);
}

TEST_F(SampleSiteTest, MissingPageIs404AndIsLinkedFromHome) {
  EXPECT_NE(Body("techwire", "/").find("href=\"/2024/09/missing-story.html\""), std::string::npos);
  auto res = Get("techwire", "/2024/09/missing-story.html");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(Get("oldpress", "/no/such/page.htm")->status, 404);
  EXPECT_EQ(Get("policyline", "/../site.json")->status, 404);
  EXPECT_EQ(Get("policyline", "/generate.py")->status, 404);
}

TEST_F(SampleSiteTest, NoPlaceholderSurvivesOnAnyServedPage) {
  const auto manifest = Manifest();
  for (const auto& a : manifest.at("articles")) {
    const std::string outlet = a.at("outlet"), path = a.at("path");
    auto res = Get(outlet, path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << outlet << path;
    EXPECT_EQ(res->body.find("{{base:"), std::string::npos) << outlet << path;
    EXPECT_NE(res->body.find(kSampleNotice), std::string::npos) << outlet << path;
  }
}

TEST_F(SampleSiteTest, FeedSitemapAndRedirectOnlyArticlesAreLinkedFromNoPage) {
  const auto manifest = Manifest();
  std::vector<std::pair<std::string, std::string>> pages;  // path, body
  for (const auto& [key, base] : site_->bases()) pages.emplace_back("/", Body(key, "/"));
  for (const auto& a : manifest.at("articles"))
    pages.emplace_back(a.at("path"), Body(a.at("outlet"), a.at("path")));
  int hidden = 0;
  for (const auto& a : manifest.at("articles")) {
    if (a.at("discovery") == "link") continue;
    ++hidden;
    const std::string path = a.at("path");
    for (const auto& [page_path, body] : pages) {
      if (page_path == path) continue;  // its own canonical link does not count
      EXPECT_EQ(body.find(path + "\""), std::string::npos) << path << " linked from " << page_path;
    }
  }
  EXPECT_GE(hidden, 4);
}

TEST_F(SampleSiteTest, ProfileTomlTargetsTheRunningSiteWithLoopbackAllowed) {
  const std::string toml = site_->ProfileToml();
  for (const auto& line : TextBlocks(toml)) {
    if (line.rfind("#", 0) == 0) continue;
    EXPECT_EQ(line.find("{{base:"), std::string::npos) << line;
  }
  EXPECT_NE(toml.find("\nallow_loopback = true\n"), std::string::npos);
  EXPECT_NE(toml.find("\ndelay = 0.05\n"), std::string::npos);
  auto profile = ParseProfile(toml, "sample profile");
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile->seeds, site_->Seeds());
  EXPECT_EQ(profile->feeds, site_->Feeds());
  EXPECT_EQ(profile->sitemaps, site_->Sitemaps());
  EXPECT_TRUE(profile->politeness.allow_loopback);
  EXPECT_DOUBLE_EQ(profile->politeness.delay_seconds, 0.05);
}

TEST_F(SampleSiteTest, CountsRequestsServed) {
  const size_t before = site_->requests_served();
  Get("policyline", "/");
  Get("policyline", "/missing");
  EXPECT_GE(site_->requests_served(), before + 2);
}

TEST(SampleSiteLifecycle, StartsAndStopsRepeatedly) {
  for (int i = 0; i < 3; ++i) {
    auto site = SampleSite::Start();
    ASSERT_TRUE(site.ok()) << site.status().message();
    httplib::Client client((*site)->bases().at("oldpress"));
    auto res = client.Get("/robots.txt");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
}

TEST(SampleManifest, ListsEnoughDatedOnTopicAndOffTopicPages) {
  const auto manifest = Manifest();
  int on_topic = 0, off_topic = 0, syndicated = 0;
  std::set<std::string> months, outlets, discovery;
  for (const auto& a : manifest.at("articles")) {
    const std::string date = a.at("published");
    ASSERT_TRUE(std::regex_match(date, std::regex(R"(\d{4}-\d{2}-\d{2})"))) << date;
    ASSERT_FALSE(EmbeddedFileContent("sample/" + a.at("file").get<std::string>()).empty())
        << a.at("file");
    if (!a.at("on_topic").get<bool>()) {
      ++off_topic;
      continue;
    }
    ++on_topic;
    EXPECT_GE(date, "2024-10-01");
    EXPECT_LE(date, "2025-04-30");
    EXPECT_FALSE(a.at("speakers").empty()) << a.at("path");
    months.insert(date.substr(0, 7));
    outlets.insert(a.at("outlet"));
    discovery.insert(a.at("discovery"));
    if (!a.at("syndicated_from").is_null()) ++syndicated;
  }
  EXPECT_GE(on_topic, 15);
  EXPECT_GE(off_topic, 5);
  EXPECT_GE(months.size(), 6u);
  EXPECT_EQ(outlets.size(), 3u);
  EXPECT_GE(syndicated, 1);
  EXPECT_EQ(discovery, (std::set<std::string>{"feed", "link", "redirect", "sitemap"}));
}

TEST(SampleManifest, SyndicatedCopyHasTheSameParagraphsAsItsOriginal) {
  const auto manifest = Manifest();
  for (const auto& a : manifest.at("articles")) {
    if (a.at("syndicated_from").is_null()) continue;
    const std::string from = a.at("syndicated_from");
    const std::string orig_path = from.substr(from.find(':') + 1);
    std::string orig_file;
    for (const auto& b : manifest.at("articles")) {
      if (b.at("path") == orig_path) orig_file = b.at("file");
    }
    ASSERT_FALSE(orig_file.empty()) << from;
    const std::string copy =
        Cp1252ToUtf8(std::string(EmbeddedFileContent("sample/" + a.at("file").get<std::string>())));
    const std::string original(EmbeddedFileContent("sample/" + orig_file));
    const std::string sentence = "that the cost of reaching a given level of AI falls every year";
    EXPECT_NE(copy.find(sentence), std::string::npos);
    EXPECT_NE(original.find(sentence), std::string::npos);
  }
}

TEST(QuoteAudit, FlagsAnInventedQuoteNextToARealPerson) {
  const std::string page =
      "<p>\u201cWe will never give up,\u201d Toner said.</p>"
      "<p>\u201cdoesn\u2019t make any sense to try to walk it back,\u201d she said, Toner "
      "added.</p>"
      "<p>A \u201cscare quote\u201d with nobody named.</p>";
  EXPECT_EQ(InventedQuotes(page), std::vector<std::string>{"We will never give up,"});
}

TEST(QuoteAudit, AQuoteRunningIntoTheNextParagraphIsCheckedInBothParts) {
  EXPECT_TRUE(InventedQuotes("<p>Karp said: \u201cWe\u2019re not focused on the game.</p>"
                             "<p>\u201cWe\u2019re focused on how to execute.\u201d Karp</p>")
                  .empty());
  EXPECT_EQ(InventedQuotes("<p>Karp said: \u201cWe win everything.</p>").size(), 1u);
}

TEST(QuoteAudit, SampleArticlesQuoteRealPeopleOnlyWithSeedQuotes) {
  int pages = 0;
  const auto manifest = Manifest();
  for (const auto& a : manifest.at("articles")) {
    if (!a.at("on_topic").get<bool>()) continue;
    std::string page(EmbeddedFileContent("sample/" + a.at("file").get<std::string>()));
    if (a.at("outlet") == "oldpress") page = Cp1252ToUtf8(page);
    ++pages;
    for (const auto& q : InventedQuotes(page))
      ADD_FAILURE() << a.at("file") << ": invented quote: " << q;
  }
  EXPECT_GE(pages, 15);
}

TEST(DefaultProfile, ParsesAndKnowsTheSeedArticlesPeopleAndOrganisations) {
  auto profile = ParseProfile(DefaultProfileToml(), "export-controls.toml");
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile->name, "export-controls");
  ASSERT_NE(profile->FindTarget("export-controls"), nullptr);
  EXPECT_GE(profile->FindTarget("export-controls")->support.size(), 25u);
  EXPECT_GE(profile->FindTarget("export-controls")->oppose.size(), 25u);
  int people = 0, organisations = 0;
  for (const auto& e : profile->entities) {
    people += e.type == "person";
    organisations += e.type == "organization" || e.type == "government";
    for (const auto& aff : e.affiliations)
      EXPECT_NE(profile->FindEntity(aff), nullptr) << e.id << " -> " << aff;
  }
  EXPECT_GE(people, 25);
  EXPECT_GE(organisations, 30);
  for (const char* id : {"helen-toner",
                         "dario-amodei",
                         "david-sacks",
                         "howard-lutnick",
                         "john-villasenor",
                         "martin-chorzempa",
                         "alexandra-mousavizadeh",
                         "alex-karp",
                         "donald-trump",
                         "jensen-huang",
                         "joe-biden",
                         "deepseek",
                         "nvidia",
                         "openai",
                         "anthropic",
                         "huawei",
                         "smic",
                         "tsmc",
                         "microsoft",
                         "commerce-department",
                         "brookings",
                         "piie",
                         "palantir"}) {
    EXPECT_NE(profile->FindEntity(id), nullptr) << id;
  }
  const KbEntity* huang = profile->FindEntity("jensen-huang");
  ASSERT_NE(huang, nullptr);
  EXPECT_NE(std::find(huang->aliases.begin(), huang->aliases.end(), "Jansen Huang"),
            huang->aliases.end());
  EXPECT_EQ(huang->gender, "male");
}

}  // namespace
}  // namespace claimdex
