// Unnamed sources ("U.S. officials", "a campaign spokesman": speaker type "unnamed", empty id)
// and indirect claims (whose "quote" is the reported clause, not verbatim words), through the
// index, search, facets, show, timeline and stats, on a real on-disk Xapian database.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "index/indexer.h"
#include "index/schema.h"
#include "query/search.h"
#include "query/show.h"
#include "query/stats.h"
#include "query/timeline.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::ClaimSpec;
using testing::MakeDoc;
using testing::TempDir;
using Strings = std::vector<std::string>;

// MakeDoc gives every claim with a speaker id a named person; these become unnamed sources.
void MakeUnnamed(Claim* c, const std::string& words) {
  SpeakerRef s;
  s.name = words;
  s.type = "unnamed";
  s.via = "explicit";
  s.confidence = 0.8;
  c->speaker = s;
}

std::vector<Document> Corpus() {
  Document a = MakeDoc("d:a1a", "Wire A", "2025-02-10", "Officials defend the chip rule",
                       {{"c:a1a1",
                         "U.S. officials said the rule would be enforced strictly.",
                         "x",
                         "x",
                         "",
                         "indirect",
                         "the rule would be enforced strictly",
                         {{"export-controls", "support"}},
                         {}},
                        {"c:a1a2",
                         "\xE2\x80\x9CLet the private sector cook,\xE2\x80\x9D David Sacks said.",
                         "david-sacks",
                         "David Sacks",
                         "AI czar",
                         "direct_quote",
                         "Let the private sector cook",
                         {{"export-controls", "oppose"}},
                         {}}});
  MakeUnnamed(&a.claims[0], "U.S. officials");
  Document b = MakeDoc("d:b2b", "Wire B", "2025-02-12", "Campaign weighs in on chips",
                       {{"c:b2b1",
                         "A campaign spokesman said the controls had failed.",
                         "x",
                         "x",
                         "",
                         "indirect",
                         "the controls had failed",
                         {{"export-controls", "oppose"}},
                         {}}});
  MakeUnnamed(&b.claims[0], "a campaign spokesman");
  return {a, b};
}

class UnnamedSpeakerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<IndexReport> r = IndexDocuments(tmp_.db(), Corpus());
    ASSERT_TRUE(r.ok()) << r.status().message();
  }

  Xapian::Document ClaimDoc(const std::string& id) {
    Xapian::Database db(tmp_.db());
    Xapian::PostingIterator it = db.postlist_begin("Q" + id);
    EXPECT_NE(it, db.postlist_end("Q" + id));
    return db.get_document(*it);
  }

  SearchResult Run(SearchOptions o) {
    o.limit = 50;
    Result<SearchResult> r = Search(tmp_.db(), o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : SearchResult{};
  }

  TempDir tmp_;
};

TEST_F(UnnamedSpeakerTest, IndexedWithoutSpeakerIdTermOrSlotsButWithNameWordsAndType) {
  Xapian::Document doc = ClaimDoc("c:a1a1");
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    EXPECT_NE((*t).rfind(schema::kPrefixSpeaker, 0), 0u) << "unexpected speaker term " << *t;
  }
  EXPECT_EQ(doc.get_value(schema::kSlotSpeakerId), "");
  EXPECT_EQ(doc.get_value(schema::kSlotSpeakerName), "");
  EXPECT_EQ(doc.get_value(schema::kSlotSpeakerType), "unnamed");
  Xapian::Database db(tmp_.db());
  EXPECT_EQ(db.get_termfreq("XNofficials"), 1u);
  EXPECT_EQ(db.get_termfreq("XS"), 0u);
  // A named speaker keeps all three.
  Xapian::Document named = ClaimDoc("c:a1a2");
  EXPECT_EQ(named.get_value(schema::kSlotSpeakerId), "david-sacks");
  EXPECT_EQ(named.get_value(schema::kSlotSpeakerType), "person");
  EXPECT_EQ(db.get_termfreq("XSdavid-sacks"), 1u);
}

TEST_F(UnnamedSpeakerTest, SpeakerFacetPutsUnnamedSourcesInOneLabelledBucket) {
  SearchOptions o;
  o.facets = true;
  SearchResult r = Run(o);
  EXPECT_EQ(r.total, 3u);
  std::vector<std::pair<std::string, size_t>> want = {{"(unnamed sources)", 2}, {"David Sacks", 1}};
  EXPECT_EQ(r.facets["speaker"], want);
}

TEST_F(UnnamedSpeakerTest, SpeakerFilterFindsUnnamedSourcesByTheirWordsOnly) {
  SearchOptions o;
  o.speaker = "officials";
  SearchResult r = Run(o);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].claim.id, "c:a1a1");
  o.speaker = "Sacks";
  r = Run(o);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].claim.id, "c:a1a2");
}

TEST_F(UnnamedSpeakerTest, TextHitSaysUnnamedSource) {
  SearchOptions o;
  o.query = "enforced";
  SearchResult r = Run(o);
  std::string text = FormatSearchText(r, o, false);
  EXPECT_NE(text.find("unnamed source: U.S. officials"), std::string::npos) << text;
  std::string json = FormatSearchJson(r);
  nlohmann::json line = nlohmann::json::parse(json.substr(0, json.find('\n')));
  EXPECT_EQ(line["speaker"]["type"], "unnamed");
  EXPECT_EQ(line["speaker"]["name"], "U.S. officials");
}

TEST_F(UnnamedSpeakerTest, ShowPrintsUnnamedSourceAndReportedClauseWithoutQuotationMarks) {
  Result<std::string> out = Show(tmp_.db(), "c:a1a1", false);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_NE(out->find("Speaker     unnamed source: U.S. officials"), std::string::npos) << *out;
  EXPECT_NE(out->find("Reported    the rule would be enforced strictly\n"), std::string::npos)
      << *out;
  EXPECT_EQ(out->find("\xE2\x80\x9Cthe rule"), std::string::npos) << *out;
  EXPECT_EQ(out->find("Quote "), std::string::npos) << *out;
}

TEST_F(UnnamedSpeakerTest, ShowPutsADirectQuoteInQuotationMarks) {
  Result<std::string> out = Show(tmp_.db(), "c:a1a2", false);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_NE(out->find("Quote       \xE2\x80\x9CLet the private sector cook\xE2\x80\x9D"),
            std::string::npos)
      << *out;
  EXPECT_EQ(out->find("Reported"), std::string::npos) << *out;
}

TEST_F(UnnamedSpeakerTest, SpeakerTimelineLeavesUnnamedSourcesOut) {
  TimelineOptions o;
  o.target = "export-controls";
  Result<Timeline> t = BuildTimeline(tmp_.db(), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->rows, Strings{"David Sacks"});
  EXPECT_EQ(t->evidence_total, 1u);
  // By outlet, every claim counts, whoever spoke.
  o.by = "outlet";
  t = BuildTimeline(tmp_.db(), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->rows, (Strings{"Wire A", "Wire B"}));
  EXPECT_EQ(t->evidence_total, 3u);
}

TEST_F(UnnamedSpeakerTest, StatsCountOnlyNamedSpeakers) {
  Result<IndexStats> st = ReadIndexStats(tmp_.db());
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->claims, 3u);
  EXPECT_EQ(st->speakers, 1u);
  ASSERT_EQ(st->top_speakers.size(), 1u);
  EXPECT_EQ(st->top_speakers[0].first, "David Sacks");
}

// The quote cluster of an unnamed source is keyed on its words: the same report from
// "U.S. officials" in two outlets collapses; "Officials" saying the same is another source.
Document Report(const std::string& id, const std::string& outlet, const std::string& date,
                const std::string& who) {
  Document d = MakeDoc("d:" + id, outlet, date, "Report " + id,
                       {{"c:" + id + "01",
                         who + " said the rule would be enforced strictly.",
                         "x",
                         "x",
                         "",
                         "indirect",
                         "the rule would be enforced strictly",
                         {{"export-controls", "support"}},
                         {}}});
  MakeUnnamed(&d.claims[0], who);
  return d;
}

TEST_F(UnnamedSpeakerTest, SameUnnamedSourceCollapsesAcrossOutletsButOthersDoNot) {
  ASSERT_TRUE(IndexDocuments(tmp_.db(), {Report("e3", "Wire C", "2025-02-09", "U.S. officials"),
                                         Report("e4", "Wire D", "2025-02-15", "Officials")})
                  .ok());
  SearchOptions o;
  o.query = "enforced";
  SearchResult r = Run(o);
  ASSERT_EQ(r.hits.size(), 2u);
  for (const SearchHit& h : r.hits) {
    ASSERT_TRUE(h.claim.speaker);
    if (h.claim.speaker->name == "U.S. officials") {
      ASSERT_EQ(h.also_in.size(), 1u);
    } else {
      EXPECT_EQ(h.claim.speaker->name, "Officials");
      EXPECT_TRUE(h.also_in.empty());
    }
  }
}

}  // namespace
}  // namespace claimdex
