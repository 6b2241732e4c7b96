#include "index/indexer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "corpus/data_dir.h"
#include "corpus/docs_store.h"
#include "index/schema.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::ClaimSpec;
using testing::MakeDoc;
using testing::SampleCorpus;
using testing::TempDir;

Xapian::doccount TermFreq(const std::string& db, const std::string& term) {
  return Xapian::Database(db).get_termfreq(term);
}

Xapian::Document DocWithTerm(const std::string& db_path, const std::string& term) {
  Xapian::Database db(db_path);
  Xapian::PostingIterator it = db.postlist_begin(term);
  EXPECT_NE(it, db.postlist_end(term)) << term;
  return db.get_document(*it);
}

TEST(Indexer, WritesOneDocumentPerArticleAndPerClaim) {
  TempDir tmp;
  Result<IndexReport> r = IndexDocuments(tmp.db(), SampleCorpus());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->articles, 7u);
  EXPECT_EQ(r->claims, 10u);
  EXPECT_EQ(Xapian::Database(tmp.db()).get_doccount(), 17u);
  EXPECT_EQ(TermFreq(tmp.db(), "XTclaim"), 10u);
  EXPECT_EQ(TermFreq(tmp.db(), "XTarticle"), 7u);
}

TEST(Indexer, ReindexingIsIdempotent) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  EXPECT_EQ(Xapian::Database(tmp.db()).get_doccount(), 17u);
  EXPECT_EQ(TermFreq(tmp.db(), "Qc:a101"), 1u);
  EXPECT_EQ(TermFreq(tmp.db(), "Qd:a1"), 1u);
  EXPECT_EQ(TermFreq(tmp.db(), "multipl"), 0u);  // stems are Z-prefixed
  EXPECT_EQ(TermFreq(tmp.db(), "Zmultipl"), 3u);  // 3 claims
}

TEST(Indexer, ArticleTextHasItsOwnPrefixSoPlainWordsAreOnClaimsOnly) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  Xapian::Database db(tmp.db());
  // Claim text: unprefixed, on the three claims only.
  EXPECT_EQ(db.get_termfreq("Zmultipl"), 3u);
  EXPECT_EQ(db.get_termfreq("multiplications"), 3u);
  // Article body and title: kPrefixArticleText, on the three articles only.
  std::string body = std::string(schema::kPrefixArticleText);
  EXPECT_EQ(db.get_termfreq("Z" + body + "multipl"), 3u);
  EXPECT_EQ(db.get_termfreq(body + "multiplications"), 3u);
  EXPECT_EQ(db.get_termfreq(body + "quixotic"), 3u);  // d:b1's title and the quote's body text
  Xapian::Document article = DocWithTerm(tmp.db(), "Qd:b1");
  EXPECT_TRUE(article.termlist_begin() != article.termlist_end());
  for (auto t = article.termlist_begin(); t != article.termlist_end(); ++t) {
    const std::string& term = *t;
    bool prefixed = term[0] >= 'A' && term[0] <= 'Z';
    EXPECT_TRUE(prefixed) << "unprefixed term on an article: " << term;
  }
  // Positions are kept for phrases in article text.
  EXPECT_TRUE(db.positionlist_begin(article.get_docid(), body + "quixotic") !=
              db.positionlist_end(article.get_docid(), body + "quixotic"));
  // Title words stay under the title prefix, on the article and on each of its claims.
  EXPECT_EQ(db.get_termfreq("Squixotic"), 3u);  // d:b1, c:b101, c:b102
}

TEST(Indexer, ChangedArticleReplacesItsOldClaims) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  Document changed = MakeDoc("d:a1", "Real Time Headlines", "2025-02-23", "Updated story",
                             {{"c:a199", "Sacks said something new.", "david-sacks",
                               "David Sacks", "", "indirect", "", {}, {}}});
  ASSERT_TRUE(IndexDocuments(tmp.db(), {changed}).ok());
  EXPECT_EQ(TermFreq(tmp.db(), "Qc:a101"), 0u);
  EXPECT_EQ(TermFreq(tmp.db(), "Qc:a102"), 0u);
  EXPECT_EQ(TermFreq(tmp.db(), "Qc:a199"), 1u);
  EXPECT_EQ(TermFreq(tmp.db(), "XDd:a1"), 1u);
  EXPECT_EQ(Xapian::Database(tmp.db()).get_doccount(), 16u);
  EXPECT_EQ(DocWithTerm(tmp.db(), "Qd:a1").get_value(schema::kSlotDate), "20250223");
}

TEST(Indexer, SameArticleTwiceInOneCallIsIndexedOnce) {
  TempDir tmp;
  std::vector<Document> docs = SampleCorpus();
  Document again = docs[0];
  again.title = "Second version";
  docs.push_back(again);
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  EXPECT_EQ(TermFreq(tmp.db(), "Qd:a1"), 1u);
  EXPECT_EQ(TermFreq(tmp.db(), "Qc:a101"), 1u);
  EXPECT_EQ(TermFreq(tmp.db(), "XDd:a1"), 2u);  // its two claims, once each
  EXPECT_EQ(Xapian::Database(tmp.db()).get_doccount(), 17u);
}

// More articles than the writer thread's queue holds (index/indexer.cpp WriteQueue), some of
// them twice: once soon after the first time (in the same batch) and once far after (batches
// later). Every article ends as its last version, written in the order given.
TEST(Indexer, ManyArticlesThroughTheWriteQueueEndAsTheirLastVersion) {
  TempDir tmp;
  constexpr int kArticles = 1500;
  auto article = [](int i, const std::string& version, int claims) {
    std::vector<ClaimSpec> specs;
    for (int c = 0; c < claims; ++c) {
      std::string n = std::to_string(i) + version + std::to_string(c);
      specs.push_back({"c:" + n, "Sacks said claim " + n + " about chips.", "david-sacks",
                       "David Sacks", "", "indirect", "", {}, {}});
    }
    return MakeDoc("d:" + std::to_string(i), "Chip Times", "2025-02-01", "Version " + version,
                   specs);
  };
  std::vector<Document> docs;
  for (int i = 0; i < kArticles; ++i) {
    docs.push_back(article(i, "a", 3));
    if (i % 10 == 0) docs.push_back(article(i, "b", 2));  // right after
    if (i % 7 == 0 && i >= 700) docs.push_back(article(i - 700, "c", 1));  // batches later
  }
  Result<IndexReport> r = IndexDocuments(tmp.db(), docs);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->articles, docs.size());

  Xapian::Database db(tmp.db());
  size_t claims = 0;
  for (int i = 0; i < kArticles; ++i) {
    std::string id = std::to_string(i);
    // The last version given: c (i < 800, i % 7 == 0), else b (i % 10 == 0), else a.
    std::string last = (i < 800 && i % 7 == 0) ? "c" : (i % 10 == 0 ? "b" : "a");
    int last_claims = last == "c" ? 1 : last == "b" ? 2 : 3;
    claims += static_cast<size_t>(last_claims);
    ASSERT_EQ(db.get_termfreq("Qd:" + id), 1u) << id;
    EXPECT_EQ(db.get_termfreq("XDd:" + id), static_cast<unsigned>(last_claims)) << id;
    EXPECT_EQ(db.get_termfreq("Qc:" + id + last + "0"), 1u) << id;
    for (const char* older : {"a", "b", "c"}) {
      if (last == older) continue;
      EXPECT_EQ(db.get_termfreq("Qc:" + id + older + "0"), 0u) << id << older;
    }
    nlohmann::json data = nlohmann::json::parse(DocWithTerm(tmp.db(), "Qd:" + id).get_data());
    EXPECT_EQ(data["article"]["title"], "Version " + last) << id;
  }
  EXPECT_EQ(db.get_doccount(), kArticles + claims);
}

TEST(Indexer, ClaimDataHoldsTheClaimAsWrittenWithSourceAndCluster) {
  TempDir tmp;
  std::vector<Document> docs = SampleCorpus();
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  Xapian::Document doc = DocWithTerm(tmp.db(), "Qc:a102");
  nlohmann::json data = nlohmann::json::parse(doc.get_data());
  EXPECT_EQ(data["claim"], nlohmann::json::parse(ClaimToJson(docs[0].claims[1])));
  EXPECT_EQ(data["source"]["doc_id"], "d:a1");
  EXPECT_EQ(data["source"]["warc"]["offset"], 4096);
  EXPECT_EQ(data["cluster"], doc.get_value(schema::kSlotCluster));
  EXPECT_EQ(doc.get_value(schema::kSlotClaimRef),
            "20250222" + doc.get_value(schema::kSlotCluster) + "c:a102" + std::string(1, '\0') +
                "https://a1.example.com/story/a1");
  EXPECT_EQ(doc.get_value(schema::kSlotCluster).size(), schema::kRefClusterBytes);
}

TEST(Indexer, ClaimDocumentCarriesFilterTermsAndValues) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  Xapian::Document doc = DocWithTerm(tmp.db(), "Qc:a102");
  std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  for (const char* t : {"XTclaim", "XSdavid-sacks", "XNdavid", "XNsacks", "XEnvidia",
                        "XGexport-controls", "XGdiffusion-rule", "XPexport-controls:oppose",
                        "XPdiffusion-rule:oppose", "XPoppose", "XOreal-time-headlines",
                        "XKindirect", "XLen", "XDd:a1", "XY2025", "XM202502", "Sdeepseek"}) {
    EXPECT_TRUE(terms.count(t)) << t;
  }
  EXPECT_EQ(doc.get_value(schema::kSlotDate), "20250222");
  EXPECT_EQ(doc.get_value(schema::kSlotMonth), "2025-02");
  EXPECT_EQ(doc.get_value(schema::kSlotSpeakerId), "david-sacks");
  EXPECT_EQ(doc.get_value(schema::kSlotOutlet), "real-time-headlines");
  EXPECT_EQ(doc.get_value(schema::kSlotArticleId), "d:a1");
  EXPECT_DOUBLE_EQ(Xapian::sortable_unserialise(doc.get_value(schema::kSlotStanceScore)), -0.7);
  EXPECT_NE(doc.get_data().find("\"paragraph_text\""), std::string::npos);
}

TEST(Indexer, UndatedDocumentHasNoDateValue) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  Xapian::Document doc = DocWithTerm(tmp.db(), "Qc:bb101");
  EXPECT_EQ(doc.get_value(schema::kSlotDate), "");
  // The timeline reference says "no date" with zeros, which no day range includes.
  EXPECT_EQ(doc.get_value(schema::kSlotClaimRef).substr(0, 8), "00000000");
}

TEST(Indexer, SameQuoteBySameSpeakerSharesCluster) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  std::string a = DocWithTerm(tmp.db(), "Qc:a101").get_value(schema::kSlotCluster);
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(DocWithTerm(tmp.db(), "Qc:b101").get_value(schema::kSlotCluster), a);
  EXPECT_EQ(DocWithTerm(tmp.db(), "Qc:c101").get_value(schema::kSlotCluster), a);
  EXPECT_NE(DocWithTerm(tmp.db(), "Qc:a102").get_value(schema::kSlotCluster), a);
}

// "Did you mean" is computed at query time from the term list (query/spelling.cpp): keeping a
// spelling table up to date was the largest single cost of indexing.
TEST(Indexer, NoSpellingTableIsWritten) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  Xapian::Database db(tmp.db());
  EXPECT_EQ(db.spellings_begin(), db.spellings_end());
  EXPECT_GT(db.get_termfreq("multiplications"), 0u);  // the words a suggestion is taken from
}

TEST(Indexer, UnopenableDatabaseIsRuntimeErrorNamingPath) {
  TempDir tmp;
  std::string path = tmp.path() + "/not-a-db";
  std::ofstream(path) << "plain file";
  Result<IndexReport> r = IndexDocuments(path, SampleCorpus());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kRuntime);
  EXPECT_NE(r.status().message().find(path), std::string::npos) << r.status().message();
}

TEST(Indexer, SecondWriterIsBusy) {
  TempDir tmp;
  Xapian::WritableDatabase holder(tmp.db(), Xapian::DB_CREATE_OR_OPEN);
  Result<IndexReport> r = IndexDocuments(tmp.db(), SampleCorpus());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBusy);
  EXPECT_NE(r.status().message().find(tmp.db()), std::string::npos);
}

// Impact-tier terms (schema.h): a short claim is in the tier of every word it has; a long one
// only in the tier of a word it repeats; never of a prefixed (title, filter) term; articles get
// none.
TEST(Indexer, ClaimsGetImpactTierTermsForShortTextsAndRepeatedWords) {
  TempDir tmp;
  testing::ClaimSpec short_claim;
  short_claim.id = "c:short";
  short_claim.text = "Chips matter.";
  short_claim.speaker_id = "ann-lee";
  short_claim.speaker_name = "Ann Lee";
  std::string long_text = "Export rules matter";
  for (int i = 0; i < 40; ++i) long_text += " and filler" + std::to_string(i);
  testing::ClaimSpec long_claim = short_claim;
  long_claim.id = "c:long";
  long_claim.text = long_text + " so export rules stay.";
  ASSERT_TRUE(IndexDocuments(tmp.db(), {MakeDoc("d:t1", "Outlet", "2025-03-01", "Title words",
                                                {short_claim, long_claim})})
                  .ok());
  Xapian::Document s = DocWithTerm(tmp.db(), "Qc:short");
  std::set<std::string> short_terms(s.termlist_begin(), s.termlist_end());
  for (const char* t : {"XI1:chips", "XI1:Zchip", "XI1:matter", "XI1:Zmatter", "XI1:ann", "XI1:lee"}) {
    EXPECT_TRUE(short_terms.count(t)) << t;
  }
  for (const std::string& t : short_terms) {
    EXPECT_FALSE(t.rfind("XI1:S", 0) == 0 || t.rfind("XI1:ZS", 0) == 0 ||
                 t.rfind("XI1:X", 0) == 0 || t.rfind("XI1:Q", 0) == 0)
        << t;
  }
  Xapian::Document l = DocWithTerm(tmp.db(), "Qc:long");
  std::set<std::string> long_terms(l.termlist_begin(), l.termlist_end());
  EXPECT_TRUE(long_terms.count("XI2:export"));  // twice: the term says how often
  EXPECT_TRUE(long_terms.count("XI2:Zrule"));   // "rules" twice
  EXPECT_FALSE(long_terms.count("XI1:matter"));  // once, in a long claim
  EXPECT_FALSE(long_terms.count("XI1:filler7"));
  for (const std::string& t : long_terms) EXPECT_NE(t.rfind("XI1:", 0), 0u) << t;
  Xapian::Document article = DocWithTerm(tmp.db(), "Qd:t1");
  for (auto t = article.termlist_begin(); t != article.termlist_end(); ++t) {
    EXPECT_NE((*t).rfind("XI", 0), 0u) << *t;
  }
}

TEST(Indexer, RecordsTheSchemaVersionOnCommit) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  EXPECT_EQ(Xapian::Database(tmp.db()).get_metadata(schema::kMetaSchema), schema::kSchemaVersion);
  EXPECT_EQ(std::string(schema::kSchemaVersion), "4");
}

// An index of schema 2 (article text unprefixed) would give wrong search results with this
// code: the indexer refuses to add to it and says how to re-index, in one line.
TEST(Indexer, IndexOfAnOlderSchemaIsRefusedWithOneLineSayingToReindex) {
  TempDir tmp;
  {
    Xapian::WritableDatabase old(tmp.db(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_boolean_term("Qd:old");
    doc.add_term("multiplications");
    old.add_document(doc);
    old.set_metadata(schema::kMetaSchema, "2");
    old.commit();
  }
  Result<IndexReport> r = IndexDocuments(tmp.db(), SampleCorpus());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  std::string m = r.status().message();
  EXPECT_EQ(m.find('\n'), std::string::npos) << m;
  EXPECT_NE(m.find(tmp.db()), std::string::npos) << m;
  EXPECT_NE(m.find("schema 2"), std::string::npos) << m;
  EXPECT_NE(m.find("claimdex index"), std::string::npos) << m;
  EXPECT_NE(m.find("re-index"), std::string::npos) << m;
  // Nothing was written.
  EXPECT_EQ(Xapian::Database(tmp.db()).get_doccount(), 1u);
  EXPECT_EQ(Xapian::Database(tmp.db()).get_metadata(schema::kMetaSchema), "2");
}

TEST(Indexer, IndexWithoutSchemaKeyCountsAsVersionOne) {
  TempDir tmp;
  {
    Xapian::WritableDatabase old(tmp.db(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_boolean_term("Qd:old");
    old.add_document(doc);
    old.commit();
  }
  Result<IndexReport> r = IndexDocuments(tmp.db(), SampleCorpus());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("schema 1"), std::string::npos) << r.status().message();
}

TEST(Indexer, EmptyDatabaseWithoutSchemaKeyIsIndexedInto) {
  TempDir tmp;
  { Xapian::WritableDatabase empty(tmp.db(), Xapian::DB_CREATE_OR_OPEN); }
  Result<IndexReport> r = IndexDocuments(tmp.db(), SampleCorpus());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->claims, 10u);
}

TEST(Indexer, DocumentWithoutIdIsSkippedWithWarning) {
  TempDir tmp;
  Document no_id = SampleCorpus()[0];
  no_id.id.clear();
  Result<IndexReport> r = IndexDocuments(tmp.db(), {no_id});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->articles, 0u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(Xapian::Database(tmp.db()).get_doccount(), 0u);
}

// The data directory's index is made from docs/: one of an older schema is rebuilt from
// them, with a warning, instead of stopping every scheduled run until someone deletes it.
TEST(IndexDataDir, IndexOfAnOlderSchemaIsRebuiltFromTheDocuments) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.path() + "/data", true);
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  std::vector<Document> docs = SampleCorpus();
  ASSERT_TRUE(WriteDocsFile(dir->docs_dir() + "/one.jsonl", {docs[0], docs[1]}).ok());
  {
    Xapian::WritableDatabase old(dir->xapian_dir(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_boolean_term("Qd:old");
    doc.add_term("zzoldword");  // an article word, unprefixed as schema 2 had it
    old.add_document(doc);
    old.set_metadata(schema::kMetaSchema, "2");
    old.set_metadata("file:one.jsonl", "recorded by the old index");
    old.commit();
  }
  Result<IndexReport> r = IndexDataDir(*dir, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->files, 1u);  // read again although the old index had recorded it
  EXPECT_EQ(r->claims, docs[0].claims.size() + docs[1].claims.size());
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("schema 2"), std::string::npos) << r->warnings[0];
  Xapian::Database db(dir->xapian_dir());
  EXPECT_EQ(db.get_metadata(schema::kMetaSchema), schema::kSchemaVersion);
  EXPECT_FALSE(db.term_exists("Qd:old"));
  EXPECT_FALSE(db.term_exists("zzoldword"));
  // A newer schema than this build's is never deleted.
  {
    Xapian::WritableDatabase newer(dir->xapian_dir(), Xapian::DB_OPEN);
    newer.set_metadata(schema::kMetaSchema, "99");
    newer.commit();
  }
  Result<IndexReport> refused = IndexDataDir(*dir, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(Xapian::Database(dir->xapian_dir()).get_metadata(schema::kMetaSchema), "99");
}

TEST(IndexDataDir, SkipsDocsFilesAlreadyIndexed) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.path() + "/data", true);
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  std::vector<Document> docs = SampleCorpus();
  ASSERT_TRUE(WriteDocsFile(dir->docs_dir() + "/one.jsonl", {docs[0], docs[1]}).ok());
  ASSERT_TRUE(WriteDocsFile(dir->docs_dir() + "/two.jsonl", {docs[2]}).ok());

  Result<IndexReport> first = IndexDataDir(*dir, {});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->files, 2u);
  EXPECT_EQ(first->claims, 5u);

  Result<IndexReport> again = IndexDataDir(*dir, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->files, 0u);
  EXPECT_EQ(again->claims, 0u);

  ASSERT_TRUE(WriteDocsFile(dir->docs_dir() + "/two.jsonl", {docs[2], docs[3]}).ok());
  Result<IndexReport> changed = IndexDataDir(*dir, {});
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->files, 1u);
  EXPECT_EQ(changed->claims, 2u);

  IndexOptions all;
  all.all = true;
  size_t progress_calls = 0;
  all.progress = [&](size_t done, size_t total) {
    ++progress_calls;
    EXPECT_EQ(total, 2u);
    EXPECT_LE(done, total);
  };
  Result<IndexReport> forced = IndexDataDir(*dir, all);
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced->files, 2u);
  EXPECT_EQ(progress_calls, 2u);
  EXPECT_EQ(Xapian::Database(dir->xapian_dir()).get_doccount(), 10u);
}

TEST(IndexDataDir, MalformedLineIsReportedAndTheRestIndexed) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.path() + "/data", true);
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  std::vector<Document> docs = SampleCorpus();
  std::ofstream(dir->docs_dir() + "/mixed.jsonl")
      << DocumentToJson(docs[0]) << "\n{not json\n" << DocumentToJson(docs[1]) << "\n";
  Result<IndexReport> r = IndexDataDir(*dir, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->articles, 2u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("mixed.jsonl"), std::string::npos) << r->warnings[0];
}

TEST(IndexDataDir, EmptyDocsFolderCreatesAnEmptyIndex) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.path() + "/data", true);
  ASSERT_TRUE(dir.ok());
  Result<IndexReport> r = IndexDataDir(*dir, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->files, 0u);
  EXPECT_EQ(Xapian::Database(dir->xapian_dir()).get_doccount(), 0u);
}

TEST(Schema, NormaliseTermValueFoldsCaseAndPunctuation) {
  EXPECT_EQ(schema::NormaliseTermValue("Real Time Headlines"), "real-time-headlines");
  EXPECT_EQ(schema::NormaliseTermValue("  The  Verge!! "), "the-verge");
  EXPECT_EQ(schema::NormaliseTermValue("direct_quote"), "direct_quote");
}

TEST(Schema, QuoteClusterIgnoresCasePunctuationAndSpacing) {
  Claim a, b, c;
  a.id = "c:1";
  b.id = "c:2";
  c.id = "c:3";
  a.speaker = SpeakerRef{"x", "X", "person", "", "explicit", 1.0, {}};
  b.speaker = a.speaker;
  c.speaker = SpeakerRef{"y", "Y", "person", "", "explicit", 1.0, {}};
  a.quote = "\xE2\x80\x9CStay the  course,\xE2\x80\x9D";
  b.quote = "stay the course";
  c.quote = b.quote;
  EXPECT_EQ(schema::QuoteClusterId(a), schema::QuoteClusterId(b));
  EXPECT_NE(schema::QuoteClusterId(b), schema::QuoteClusterId(c));
  Claim no_quote;
  no_quote.id = "c:9";
  EXPECT_EQ(schema::QuoteClusterId(no_quote), HexDigest("c:9").substr(0, 16));
}

TEST(Schema, OutletFallsBackToHostWithoutWww) {
  Document d;
  d.url = "https://www.example.org:8080/a/b";
  EXPECT_EQ(schema::OutletName(d), "example.org");
  d.publisher = "Example News";
  EXPECT_EQ(schema::OutletName(d), "Example News");
}

}  // namespace
}  // namespace claimdex
