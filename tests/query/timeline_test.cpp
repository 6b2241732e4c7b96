#include "query/timeline.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>

#include "index/indexer.h"
#include "tests/index/test_docs.h"
#include "tests/query/csv_reader.h"

namespace claimdex {
namespace {

using testing::MakeDoc;
using testing::SampleCorpus;
using testing::TempDir;
using Strings = std::vector<std::string>;

class TimelineTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(IndexDocuments(tmp_.db(), SampleCorpus()).ok()); }

  Timeline Build(TimelineOptions o) {
    if (o.target.empty()) o.target = "export-controls";
    Result<Timeline> t = BuildTimeline(tmp_.db(), o);
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() ? *t : Timeline{};
  }

  static const TimelineCell* Cell(const Timeline& t, const std::string& row,
                                  const std::string& period) {
    for (const TimelineCell& c : t.cells) {
      if (c.row == row && c.period == period) return &c;
    }
    return nullptr;
  }

  TempDir tmp_;
};

TEST_F(TimelineTest, MonthCellsCountLabelsAndNet) {
  Timeline t = Build({});
  EXPECT_EQ(t.target_name, "export controls");
  EXPECT_EQ(t.rows, (Strings{"David Sacks", "Helen Toner", "John Villasenor"}));
  EXPECT_EQ(t.periods, (Strings{"2025-01", "2025-02", "2025-03", "2025-04"}));
  EXPECT_EQ(t.since, "2025-01-01");
  EXPECT_EQ(t.until, "2025-04-01");
  const TimelineCell* c = Cell(t, "David Sacks", "2025-02");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->claims, 1u);
  EXPECT_EQ(c->oppose, 1u);
  EXPECT_DOUBLE_EQ(c->net, -1.0);
  EXPECT_EQ(c->claim_ids, "c:a102");
  EXPECT_EQ(c->urls, "https://a1.example.com/story/a1");
  c = Cell(t, "Helen Toner", "2025-03");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->mixed, 1u);
  EXPECT_DOUBLE_EQ(c->net, 0.0);
  EXPECT_EQ(Cell(t, "Helen Toner", "2025-01"), nullptr);  // empty cells are not listed
}

TEST_F(TimelineTest, SameQuoteInSeveralOutletsCountsOnceForItsSpeaker) {
  Timeline t = Build({});
  const TimelineCell* c = Cell(t, "John Villasenor", "2025-02");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->claims, 1u);
  EXPECT_EQ(c->claim_ids, "c:b101");  // the earliest capture, 2025-02-21
}

TEST_F(TimelineTest, UndatedClaimsAreLeftOut) {
  Timeline t = Build({});
  size_t toner = 0;
  for (const TimelineCell& c : t.cells) {
    if (c.row == "Helen Toner") toner += c.claims;
  }
  EXPECT_EQ(toner, 2u);  // c:b102 and c:f101, not the undated c:bb101
}

TEST_F(TimelineTest, WeeksAreIsoWeeksAndContiguous) {
  TimelineOptions o;
  o.interval = "week";
  Timeline t = Build(o);
  ASSERT_EQ(t.periods.size(), 14u);  // 2025-01-01 is in 2025-W01, 2025-04-01 in 2025-W14
  EXPECT_EQ(t.periods.front(), "2025-W01");
  EXPECT_EQ(t.periods[6], "2025-W07");
  EXPECT_EQ(t.periods.back(), "2025-W14");
  EXPECT_NE(Cell(t, "David Sacks", "2025-W01"), nullptr);
  EXPECT_NE(Cell(t, "David Sacks", "2025-W08"), nullptr);  // 2025-02-22
  EXPECT_NE(Cell(t, "John Villasenor", "2025-W08"), nullptr);  // 2025-02-21
}

TEST_F(TimelineTest, IsoWeekYearDiffersFromCalendarYearAtNewYear) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), {MakeDoc("d:1", "X", "2024-12-30", "t",
                                                {{"c:1", "a", "p", "P", "", "indirect", "",
                                                  {{"t", "support"}}, {}}}),
                                        MakeDoc("d:2", "X", "2021-01-03", "t",
                                                {{"c:2", "b", "p", "P", "", "indirect", "",
                                                  {{"t", "oppose"}}, {}}})})
                  .ok());
  TimelineOptions o;
  o.target = "t";
  o.interval = "week";
  o.since = "2024-12-30";
  Result<Timeline> t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->periods, (Strings{"2025-W01"}));
  o.since = "2021-01-03";
  o.until = "2021-01-04";
  t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->periods, (Strings{"2020-W53", "2021-W01"}));
}

TEST_F(TimelineTest, QuartersSumTheirMonths) {
  TimelineOptions o;
  o.interval = "quarter";
  Timeline t = Build(o);
  EXPECT_EQ(t.periods, (Strings{"2025-Q1", "2025-Q2"}));
  const TimelineCell* c = Cell(t, "David Sacks", "2025-Q1");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->claims, 2u);
  EXPECT_EQ(c->support, 1u);
  EXPECT_EQ(c->oppose, 1u);
  EXPECT_DOUBLE_EQ(c->net, 0.0);
  c = Cell(t, "David Sacks", "2025-Q2");
  ASSERT_NE(c, nullptr);
  EXPECT_DOUBLE_EQ(c->net, -1.0);
}

TEST_F(TimelineTest, SinceAndUntilBoundThePeriodsInclusively) {
  TimelineOptions o;
  o.since = "2025-02-22";
  o.until = "2025-03-31";
  Timeline t = Build(o);
  EXPECT_EQ(t.periods, (Strings{"2025-02", "2025-03"}));
  EXPECT_EQ(t.rows, (Strings{"David Sacks", "Helen Toner", "John Villasenor"}));
  ASSERT_NE(Cell(t, "Helen Toner", "2025-03"), nullptr);      // 2025-03-31, the last day
  EXPECT_EQ(Cell(t, "Helen Toner", "2025-02"), nullptr);      // 2025-02-21, before since
  ASSERT_NE(Cell(t, "John Villasenor", "2025-02"), nullptr);  // the 2025-02-22 copy
  EXPECT_EQ(Cell(t, "John Villasenor", "2025-02")->claim_ids, "c:a101");
}

TEST_F(TimelineTest, ByOutletCountsEveryCopy) {
  TimelineOptions o;
  o.by = "outlet";
  Timeline t = Build(o);
  EXPECT_EQ(t.rows, (Strings{"Tech Daily", "Chip Times", "Real Time Headlines", "Policy Wire"}));
  const TimelineCell* c = Cell(t, "Real Time Headlines", "2025-02");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->claims, 2u);
  EXPECT_EQ(c->urls, "https://a1.example.com/story/a1");  // one article, listed once
}

TEST_F(TimelineTest, ByEntityUsesEntityNames) {
  TimelineOptions o;
  o.by = "entity";
  Timeline t = Build(o);
  EXPECT_EQ(t.rows, (Strings{"Name of nvidia", "Name of deepseek"}));
  EXPECT_EQ(Cell(t, "Name of nvidia", "2025-01")->row_id, "nvidia");
}

TEST_F(TimelineTest, EmptyTargetPicksTheTargetWithMostClaims) {
  Result<Timeline> t = BuildTimeline(tmp_.db(), TimelineOptions{});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->target, "export-controls");
}

TEST_F(TimelineTest, UnknownTargetIsNotFoundListingKnownTargets) {
  TimelineOptions o;
  o.target = "chip-subsidies";
  Result<Timeline> t = BuildTimeline(tmp_.db(), o);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kNotFound);
  EXPECT_NE(t.status().message().find("export-controls, diffusion-rule"), std::string::npos)
      << t.status().message();
}

TEST_F(TimelineTest, BadOptionsAreInvalidInput) {
  TimelineOptions o;
  o.interval = "fortnight";
  EXPECT_EQ(BuildTimeline(tmp_.db(), o).status().code(), Status::Code::kInvalidInput);
  o = {};
  o.by = "colour";
  EXPECT_EQ(BuildTimeline(tmp_.db(), o).status().code(), Status::Code::kInvalidInput);
  o = {};
  o.since = "2025-02-29";
  EXPECT_EQ(BuildTimeline(tmp_.db(), o).status().message(),
            "--since '2025-02-29': not a date (YYYY-MM-DD)");
  o = {};
  o.since = "2025-03-01";
  o.until = "2025-02-01";
  EXPECT_EQ(BuildTimeline(tmp_.db(), o).status().code(), Status::Code::kInvalidInput);
}

TEST_F(TimelineTest, MissingDatabaseIsNotFound) {
  EXPECT_EQ(BuildTimeline(tmp_.path() + "/nope", {}).status().code(), Status::Code::kNotFound);
}

TEST_F(TimelineTest, CsvHasOneRowPerCellAndParsesBack) {
  Timeline t = Build({});
  std::vector<std::vector<std::string>> rows = testing::ParseCsv(TimelineCsv(t));
  ASSERT_EQ(rows.size(), t.cells.size() + 1);
  EXPECT_EQ(rows[0], (Strings{"row", "period", "claims", "support", "oppose", "mixed", "neutral",
                              "net", "claim_ids", "urls"}));
  EXPECT_EQ(rows[1], (Strings{"David Sacks", "2025-01", "1", "1", "0", "0", "0", "1.000",
                              "c:e101", "https://e1.example.com/story/e1"}));
}

TEST_F(TimelineTest, JsonParsesBackWithCells) {
  Timeline t = Build({});
  nlohmann::json j = nlohmann::json::parse(TimelineJson(t));
  EXPECT_EQ(j["target"], "export-controls");
  EXPECT_EQ(j["periods"].size(), 4u);
  EXPECT_EQ(j["cells"].size(), t.cells.size());
  EXPECT_EQ(j["cells"][0]["row"], "David Sacks");
}

bool WellFormedXml(const std::string& xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "t.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) return false;
  xmlFreeDoc(doc);
  return true;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1))
    ++n;
  return n;
}

TEST_F(TimelineTest, SvgIsWellFormedWithTitleAxesAndOneRectPerCell) {
  Timeline t = Build({});
  std::string svg = TimelineSvg(t);
  EXPECT_TRUE(WellFormedXml(svg));
  EXPECT_NE(svg.find("Stance on export controls by speaker, 1 Jan 2025 – 1 Apr 2025"),
            std::string::npos);
  EXPECT_NE(svg.find(">David Sacks<"), std::string::npos);
  // Axis: month names with the ISO period as a tooltip, the year once, and both axis titles.
  EXPECT_NE(svg.find(">Mar<title>2025-03</title></text>"), std::string::npos);
  EXPECT_EQ(Count(svg, ">2025</text>"), 1u);
  EXPECT_NE(svg.find(">Month of publication</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Speaker (most claims first)</text>"), std::string::npos);
  EXPECT_NE(svg.find("net stance = (support − oppose) / claims"), std::string::npos);
  size_t tooltips = 0;
  for (size_t p = svg.find("<g><title>"); p != std::string::npos; p = svg.find("<g><title>", p + 1)) {
    ++tooltips;
  }
  EXPECT_EQ(tooltips, t.cells.size());
  EXPECT_NE(svg.find("David Sacks · 2025-02\n1 claim: 0 support, 1 oppose"), std::string::npos);
}

TEST(TimelineSvg, EscapesCrawledNames) {
  TempDir tmp;
  std::string evil = "<script>alert('x')</script> & \"Co\"";
  ASSERT_TRUE(IndexDocuments(tmp.db(), {MakeDoc("d:1", "<b>Outlet</b>", "2025-01-02", "t",
                                                {{"c:1", "text", "evil", evil, "", "indirect", "",
                                                  {{"t", "support"}}, {}}})})
                  .ok());
  TimelineOptions o;
  o.target = "t";
  o.target_name = "<tarrget>";
  Result<Timeline> t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok());
  std::string svg = TimelineSvg(*t);
  EXPECT_TRUE(WellFormedXml(svg));
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<tarrget>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;Co&quot;"),
            std::string::npos);
  o.by = "outlet";
  t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok());
  svg = TimelineSvg(*t);
  EXPECT_TRUE(WellFormedXml(svg));
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
}

TEST_F(TimelineTest, EvidenceListsEveryCountedClaimOldestFirst) {
  Timeline t = Build({});
  size_t counted = 0;
  for (const TimelineCell& c : t.cells) counted += c.claims;
  ASSERT_EQ(t.evidence.size(), counted);
  EXPECT_EQ(t.evidence.front().claim_id, "c:e101");
  EXPECT_EQ(t.evidence.front().date, "2025-01-01");
  EXPECT_EQ(t.evidence.front().label, "support");
  EXPECT_EQ(t.evidence.front().outlet, "Chip Times");
  for (size_t i = 1; i < t.evidence.size(); ++i) {
    EXPECT_LE(t.evidence[i - 1].date, t.evidence[i].date);
  }
}

TEST_F(TimelineTest, EvidenceIsCappedButCountedInFullWithTextAndTitle) {
  TimelineOptions o;
  o.max_evidence = 2;
  Timeline t = Build(o);
  EXPECT_EQ(t.evidence.size(), 2u);
  size_t counted = 0;
  for (const TimelineCell& c : t.cells) counted += c.claims;
  EXPECT_EQ(t.evidence_total, counted);
  EXPECT_GT(counted, 2u);
  EXPECT_EQ(t.evidence[0].text, "Sacks praised the chip ban as smart policy.");
  EXPECT_EQ(t.evidence[0].title, "New year, new chip rules");
  std::string html = TimelineHtml(t);
  EXPECT_NE(html.find("Evidence (" + std::to_string(counted) + " claims, the first 2 shown"),
            std::string::npos);
}

TEST_F(TimelineTest, WeeklyAxisLabelsWeeksByTheirMonday) {
  TimelineOptions o;
  o.interval = "week";
  o.since = "2025-02-17";
  o.until = "2025-03-02";
  Timeline t = Build(o);
  std::string svg = TimelineSvg(t);
  EXPECT_TRUE(WellFormedXml(svg));
  EXPECT_NE(svg.find(">17 Feb<title>2025-W08</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">Week (labelled by its Monday) of publication</text>"), std::string::npos);
}

TEST_F(TimelineTest, HtmlPageHasChartAxesLegendAndEvidenceOfARealIndex) {
  Timeline t = Build({});
  std::string html = TimelineHtml(t);
  EXPECT_NE(html.find("<title>Stance on export controls by speaker"), std::string::npos);
  EXPECT_NE(html.find(">Month of publication</text>"), std::string::npos);
  EXPECT_NE(html.find("oppose −1"), std::string::npos);
  EXPECT_NE(html.find("<th>Speaker</th>"), std::string::npos);
  // Each evidence row carries its claim id and a link to its article.
  for (const TimelineEvidence& e : t.evidence) {
    EXPECT_NE(html.find(e.claim_id), std::string::npos) << e.claim_id;
    EXPECT_NE(html.find("href=\"" + e.url + "\""), std::string::npos) << e.url;
  }
}

TEST(TimelineHtml, EscapesCrawledTextAndLinksOnlyWebUrls) {
  TempDir tmp;
  Document d = MakeDoc("d:1", "Evil <i>Outlet</i>", "2025-01-02", "<img src=x onerror=alert(1)>",
                       {{"c:1", "He said <script>alert(1)</script>.", "evil", "<b>Evil</b>", "",
                         "indirect", "", {{"t", "oppose"}}, {}}});
  d.url = "javascript:alert(1)";
  Document ok = MakeDoc("d:2", "Good", "2025-01-03", "Fine", {{"c:2", "Fine text", "good", "Good",
                                                               "", "indirect", "", {{"t", "support"}}, {}}});
  ASSERT_TRUE(IndexDocuments(tmp.db(), {d, ok}).ok());
  TimelineOptions o;
  o.target = "t";
  Result<Timeline> t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok());
  std::string html = TimelineHtml(*t);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://2.example.com/story/2\""), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<?xml"), std::string::npos);
  EXPECT_NE(html.find("Evidence (2 claims)"), std::string::npos);
}

TEST(TimelineSvg, EmptyTimelineStillRendersAWellFormedChart) {
  Timeline t;
  t.target = "x";
  t.target_name = "x";
  t.by = "speaker";
  t.interval = "month";
  std::string svg = TimelineSvg(t);
  EXPECT_TRUE(WellFormedXml(svg));
  EXPECT_NE(svg.find("No dated claims"), std::string::npos);
}

TEST(TimelineSvg, MaxRowsLimitsRowsAndSaysHowManyAreHidden) {
  Timeline t;
  t.target_name = "x";
  t.by = "speaker";
  t.interval = "month";
  t.periods = {"2025-01"};
  t.max_rows = 2;
  for (const char* name : {"A", "B", "C", "D"}) {
    t.rows.push_back(name);
    TimelineCell c;
    c.row = name;
    c.period = "2025-01";
    c.claims = 1;
    t.cells.push_back(c);
  }
  std::string svg = TimelineSvg(t);
  EXPECT_TRUE(WellFormedXml(svg));
  EXPECT_NE(svg.find(">B<title>"), std::string::npos);
  EXPECT_EQ(svg.find(">C<title>"), std::string::npos);
  EXPECT_NE(svg.find("+2 more rows not shown"), std::string::npos);
}

}  // namespace
}  // namespace claimdex

namespace claimdex {
namespace {

testing::ClaimSpec SaidBy(const std::string& id, const std::string& who, const std::string& name,
                          const std::string& label) {
  return {id, name + " said something about rates (" + id + ").", who, name, "", "indirect", "",
          {{"rates", label}}, {}};
}

// Speakers alternate inside one article (A, B, A) and one URL is shared by several articles:
// each cell still lists a URL once, and counts every claim.
TEST(TimelineUrls, EachUrlOncePerCellWhenSpeakersAlternateAndArticlesShareAUrl) {
  testing::TempDir tmp;
  std::vector<Document> docs = {
      testing::MakeDoc("d:u1", "Wire", "2025-03-03", "One",
                       {SaidBy("c:u11", "ann-lee", "Ann Lee", "support"),
                        SaidBy("c:u12", "bo-park", "Bo Park", "oppose"),
                        SaidBy("c:u13", "ann-lee", "Ann Lee", "oppose")}),
      testing::MakeDoc("d:u2", "Wire", "2025-03-09", "Two",
                       {SaidBy("c:u21", "ann-lee", "Ann Lee", "support")}),
      testing::MakeDoc("d:u3", "Wire", "2025-03-20", "Three (same URL as one)",
                       {SaidBy("c:u31", "ann-lee", "Ann Lee", "mixed")}),
  };
  docs[2].url = docs[0].url;  // a re-crawl under another document id
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  TimelineOptions o;
  o.target = "rates";
  Result<Timeline> t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows, (Strings{"Ann Lee", "Bo Park"}));
  const TimelineCell& ann = t->cells[0];
  EXPECT_EQ(ann.claims, 4u);
  EXPECT_EQ(ann.support, 2u);
  EXPECT_EQ(ann.oppose, 1u);
  EXPECT_EQ(ann.mixed, 1u);
  EXPECT_DOUBLE_EQ(ann.net, 0.25);
  EXPECT_EQ(ann.claim_ids, "c:u11 c:u13 c:u21 c:u31");
  EXPECT_EQ(ann.urls, docs[0].url + " " + docs[1].url);
  EXPECT_EQ(t->cells[1].urls, docs[0].url);
  EXPECT_EQ(t->evidence_total, 5u);
}

// URLs are listed per cell as each period ends: the same URL in the next period (a re-crawl
// dated later) is listed again in that period's cells, once each, whichever rows came between.
TEST(TimelineUrls, AUrlIsListedOnceInEachCellOfEachPeriod) {
  testing::TempDir tmp;
  std::vector<Document> docs = {
      testing::MakeDoc("d:p1", "Wire", "2025-03-03", "One",
                       {SaidBy("c:p11", "ann-lee", "Ann Lee", "support"),
                        SaidBy("c:p12", "bo-park", "Bo Park", "oppose")}),
      testing::MakeDoc("d:p2", "Wire", "2025-04-02", "One again",
                       {SaidBy("c:p21", "bo-park", "Bo Park", "support"),
                        SaidBy("c:p22", "ann-lee", "Ann Lee", "oppose"),
                        SaidBy("c:p23", "bo-park", "Bo Park", "mixed")}),
      testing::MakeDoc("d:p3", "Wire", "2025-04-05", "Two",
                       {SaidBy("c:p31", "ann-lee", "Ann Lee", "support")}),
  };
  docs[1].url = docs[0].url;
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  TimelineOptions o;
  o.target = "rates";
  Result<Timeline> t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows, (Strings{"Ann Lee", "Bo Park"}));
  ASSERT_EQ(t->cells.size(), 4u);  // Ann Mar, Ann Apr, Bo Mar, Bo Apr
  EXPECT_EQ(t->cells[0].urls, docs[0].url);
  EXPECT_EQ(t->cells[1].period, "2025-04");
  EXPECT_EQ(t->cells[1].claim_ids, "c:p22 c:p31");
  EXPECT_EQ(t->cells[1].urls, docs[0].url + " " + docs[2].url);
  EXPECT_EQ(t->cells[2].urls, docs[0].url);
  EXPECT_EQ(t->cells[3].claim_ids, "c:p21 c:p23");
  EXPECT_EQ(t->cells[3].urls, docs[0].url);
}

// Claim ids of the indexer's form ("c:" + 16 hex digits) are kept as numbers inside the
// timeline; any other id as it is. Every id comes back exactly, leading zeros included, in the
// cell and in the JSON array.
TEST(TimelineIds, EveryClaimIdComesBackExactlyInCellAndJson) {
  testing::TempDir tmp;
  std::vector<Document> docs = {
      testing::MakeDoc("d:i1", "Wire", "2025-03-03", "One",
                       {SaidBy("c:000000000000000a", "ann-lee", "Ann Lee", "support"),
                        SaidBy("c:ffffffffffffffff", "ann-lee", "Ann Lee", "oppose")}),
      testing::MakeDoc("d:i2", "Wire", "2025-03-04", "Two",
                       {SaidBy("c:0123456789ABCDEF", "ann-lee", "Ann Lee", "support"),
                        SaidBy("c:short", "ann-lee", "Ann Lee", "mixed"),
                        SaidBy("c:0123456789abcdef0", "ann-lee", "Ann Lee", "neutral")}),
  };
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  TimelineOptions o;
  o.target = "rates";
  Result<Timeline> t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->cells.size(), 1u);
  EXPECT_EQ(t->cells[0].claim_ids,
            "c:000000000000000a c:ffffffffffffffff c:0123456789ABCDEF c:short "
            "c:0123456789abcdef0");
  nlohmann::json j = nlohmann::json::parse(TimelineJson(*t));
  EXPECT_EQ(j["cells"][0]["claim_ids"],
            nlohmann::json({"c:000000000000000a", "c:ffffffffffffffff", "c:0123456789ABCDEF",
                            "c:short", "c:0123456789abcdef0"}));
  EXPECT_EQ(j["cells"][0]["urls"], nlohmann::json({docs[0].url, docs[1].url}));
  ASSERT_EQ(t->evidence.size(), 5u);
  EXPECT_EQ(t->evidence[0].claim_id, "c:000000000000000a");
  EXPECT_EQ(t->evidence[2].claim_id, "c:0123456789ABCDEF");
}

// The stance and speaker posting lists are read on a second thread while the claims' values
// are read on this one: the timeline must be the one read all on one thread, whatever the mix
// of speakers (none, unnamed sources), stances (none, another target's) and dates (none).
TEST(TimelineThreads, ReadingPostingListsOnASecondThreadGivesTheSameTimeline) {
  testing::TempDir tmp;
  std::mt19937 rng(7);
  const Strings labels = {"support", "oppose", "mixed", "neutral"};
  const std::vector<std::pair<std::string, std::string>> people = {{"ann-lee", "Ann Lee"},
                                                                   {"bo-park", "Bo Park"},
                                                                   {"cy-diaz", "Cy Diaz"},
                                                                   {"", ""},
                                                                   {"officials", "U.S. officials"}};
  std::vector<Document> docs;
  for (int d = 0; d < 60; ++d) {
    char date[16] = "";  // every 13th undated
    if (d % 13 != 5) {
      std::snprintf(date, sizeof date, "2025-%02u-%02u", 1 + static_cast<unsigned>(rng() % 6),
                    10 + static_cast<unsigned>(rng() % 10));
    }
    std::vector<testing::ClaimSpec> specs;
    for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k) {
      const auto& [id, name] = people[rng() % people.size()];
      std::string claim_id = "c:" + std::to_string(d) + "-" + std::to_string(k);
      testing::ClaimSpec spec = SaidBy(claim_id, id, name, labels[rng() % labels.size()]);
      if (rng() % 5 == 0) spec.stances = {{"tariffs", "oppose"}};
      if (rng() % 7 == 0) spec.stances.clear();
      spec.entities = {"e" + std::to_string(rng() % 3)};
      specs.push_back(spec);
    }
    docs.push_back(testing::MakeDoc("d:t" + std::to_string(d), "Outlet " + std::to_string(d % 4),
                                    date, "Story " + std::to_string(d), specs));
    for (Claim& c : docs.back().claims) {
      if (c.speaker && c.speaker->id == "officials") c.speaker->type = "unnamed";
    }
  }
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  for (const char* by : {"speaker", "outlet", "entity"}) {
    for (const char* interval : {"week", "quarter"}) {
      TimelineOptions o;
      o.target = "rates";
      o.by = by;
      o.interval = interval;
      o.max_evidence = 25;
      Result<Timeline> two = BuildTimeline(tmp.db(), o);
      o.parallel = false;
      Result<Timeline> one = BuildTimeline(tmp.db(), o);
      ASSERT_TRUE(two.ok() && one.ok()) << by << " " << interval;
      EXPECT_GE(two->rows.size(), 3u) << by;
      EXPECT_EQ(TimelineCsv(*two), TimelineCsv(*one)) << by << " " << interval;
      EXPECT_EQ(TimelineJson(*two), TimelineJson(*one)) << by << " " << interval;
    }
  }
  TimelineOptions o;
  o.target = "rates";
  Result<Timeline> t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows.size(), 3u);  // Ann Lee, Bo Park, Cy Diaz: no unnamed source, no blank
  for (const std::string& row : t->rows) EXPECT_NE(row, "U.S. officials");
}

// The cell lists URLs space-separated, so a space inside one (a file given to 'extract --text')
// is written %20 and the list still splits into whole URLs.
TEST(TimelineUrls, SpaceInsideAUrlIsWrittenPercent20) {
  testing::TempDir tmp;
  std::vector<Document> docs = {testing::MakeDoc(
      "d:s1", "Wire", "2025-03-03", "One", {SaidBy("c:s11", "ann-lee", "Ann Lee", "support")})};
  docs[0].url = "notes/my file.txt";
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  TimelineOptions o;
  o.target = "rates";
  Result<Timeline> t = BuildTimeline(tmp.db(), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->cells.size(), 1u);
  EXPECT_EQ(t->cells[0].urls, "notes/my%20file.txt");
  nlohmann::json j = nlohmann::json::parse(TimelineJson(*t));
  EXPECT_EQ(j["cells"][0]["urls"], nlohmann::json({"notes/my%20file.txt"}));
  ASSERT_EQ(t->evidence.size(), 1u);
  EXPECT_EQ(t->evidence[0].url, "notes/my file.txt");  // the evidence row keeps it as it is
  EXPECT_EQ(t->evidence[0].text, "Ann Lee said something about rates (c:s11).");
  EXPECT_EQ(t->evidence[0].title, "One");
  EXPECT_EQ(t->evidence[0].outlet, "Wire");
}

}  // namespace
}  // namespace claimdex
