// The document table beside the database (index/doc_table.h): written at every commit, equal
// to Xapian's own lengths and dates, and refused whenever it might not describe the database it
// sits in.
#include "index/doc_table.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "corpus/data_dir.h"
#include "corpus/docs_store.h"
#include "index/indexer.h"
#include "index/schema.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::ClaimSpec;
using testing::MakeDoc;
using testing::SampleCorpus;
using testing::TempDir;

std::string TablePath(const TempDir& tmp) { return tmp.db() + "/" + kDocTableFile; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void Spit(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << data;
}

// Every document's length and day from the table equal Xapian's, and it is marked clustered
// exactly when its quote cluster's term has other documents; docids without a document say so.
// Returns how many documents are marked clustered.
size_t ExpectTableOf(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::unique_ptr<DocTable> table = DocTable::Open(db_path, db);
  EXPECT_NE(table, nullptr);
  if (!table) return 0;
  EXPECT_EQ(table->last_docid(), db.get_lastdocid());
  EXPECT_EQ(table->odd_dates(), 0u);
  size_t documents = 0, dated = 0, undated = 0, clustered = 0;
  for (Xapian::docid d = 1; d <= db.get_lastdocid() + 1; ++d) {
    Xapian::Document doc;
    try {
      doc = db.get_document(d);
    } catch (const Xapian::DocNotFoundError&) {
      EXPECT_EQ(table->Day(d), kTableNoDocument) << "docid " << d;
      continue;
    }
    ++documents;
    EXPECT_EQ(table->Length(d), db.get_doclength(d)) << "docid " << d;
    std::string cluster = doc.get_value(schema::kSlotCluster);
    bool shared = !cluster.empty() && db.get_termfreq(schema::kPrefixCluster + cluster) >= 2;
    EXPECT_EQ(table->Clustered(d), shared) << "docid " << d;
    clustered += shared;
    std::string date = doc.get_value(schema::kSlotDate);
    if (date.empty()) {
      EXPECT_EQ(table->Day(d), 0u) << "docid " << d;
      ++undated;
    } else {
      EXPECT_EQ(table->Day(d), std::stoul(date)) << "docid " << d;
      ++dated;
    }
  }
  EXPECT_EQ(documents, db.get_doccount());
  EXPECT_GT(dated, 0u);
  EXPECT_GT(undated, 0u);
  EXPECT_FALSE(table->Clustered(db.get_lastdocid() + 1));
  return clustered;
}

ClaimSpec Said(const std::string& id, const std::string& text) {
  return {id, text, "ann-lee", "Ann Lee", "", "indirect", "", {{"rates", "support"}}, {}};
}

TEST(DocTable, EachCommitWritesTheLengthsAndDaysXapianHas) {
  TempDir tmp;
  std::vector<Document> docs = SampleCorpus();
  docs.push_back(MakeDoc("d:u1", "Wire", "", "Undated", {Said("c:u11", "Ann Lee said rates.")}));
  ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
  EXPECT_EQ(ExpectTableOf(tmp.db()), 3u);  // the Villasenor quote in three outlets
  // More documents, and one article re-indexed with longer claims (its documents replaced,
  // leaving docids without a document).
  std::vector<Document> more = {
      MakeDoc("d:l1", "Wire", "2025-03-03", "One",
              {Said("c:l11", "Ann Lee said rates should fall."),
               Said("c:l12", "Ann Lee said so twice, rates rates rates.")})};
  ASSERT_TRUE(IndexDocuments(tmp.db(), more).ok());
  more[0].claims[0].text += " And again, at much greater length than before.";
  more[0].published = "2025-03-04";
  ASSERT_TRUE(IndexDocuments(tmp.db(), more).ok());
  EXPECT_EQ(ExpectTableOf(tmp.db()), 3u);
  // The outlets' articles re-indexed with other quotes one by one: the cluster shrinks to two
  // documents, still marked, then to one, no longer marked.
  for (const char* id : {"d:a1", "d:b1"}) {
    for (Document& d : docs) {
      if (d.id != id) continue;
      d.claims[0].quote = std::string("something else entirely, said in ") + id;
      d.claims[0].text = "\xE2\x80\x9C" + d.claims[0].quote + "\xE2\x80\x9D said John Villasenor.";
    }
    ASSERT_TRUE(IndexDocuments(tmp.db(), docs).ok());
    EXPECT_EQ(ExpectTableOf(tmp.db()), std::string(id) == "d:a1" ? 2u : 0u) << id;
  }
  Xapian::Database db(tmp.db());
  EXPECT_EQ(DocTable::Open(tmp.db(), db)->Day(db.get_lastdocid() + 1), kTableNoDocument);
}

// A data directory's run writes the table once, after its last commit: every docs file's
// documents are in it.
TEST(DocTable, ADataDirectoryRunWritesTheTableOfEveryFile) {
  TempDir tmp;
  Result<DataDir> dir = DataDir::Open(tmp.path() + "/data", true);
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  std::vector<Document> docs = SampleCorpus();
  docs.push_back(MakeDoc("d:u1", "Wire", "", "Undated", {Said("c:u11", "Ann Lee said rates.")}));
  ASSERT_TRUE(WriteDocsFile(dir->docs_dir() + "/one.jsonl", {docs[0], docs[1]}).ok());
  ASSERT_TRUE(WriteDocsFile(dir->docs_dir() + "/two.jsonl",
                            std::vector<Document>(docs.begin() + 2, docs.end()))
                  .ok());
  Result<IndexReport> r = IndexDataDir(*dir, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->files, 2u);
  ExpectTableOf(dir->xapian_dir());
}

// A date slot that is not eight digits (an index written by other means) is marked for the
// reader to ask Xapian, never turned into a wrong day.
TEST(DocTable, ADateThatIsNotEightDigitsIsMarkedOdd) {
  TempDir tmp;
  {
    Xapian::WritableDatabase db(tmp.db(), Xapian::DB_CREATE_OR_OPEN);
    for (const char* date : {"20250303", "2025-03-03", ""}) {
      Xapian::Document doc;
      doc.add_term("word");
      if (*date) doc.add_value(schema::kSlotDate, date);
      db.add_document(doc);
    }
    db.commit();
    ASSERT_TRUE(WriteDocTable(db, tmp.db()).ok());
  }
  Xapian::Database db(tmp.db());
  std::unique_ptr<DocTable> table = DocTable::Open(tmp.db(), db);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->Day(1), 20250303u);
  EXPECT_EQ(table->Day(2), kTableOddDate);
  EXPECT_EQ(table->Day(3), 0u);
  EXPECT_EQ(table->odd_dates(), 1u);
  EXPECT_EQ(table->Length(1), 1u);
}

TEST(DocTable, ATableOfAnotherRevisionOrDamagedIsRefused) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  std::string old = Slurp(TablePath(tmp));
  ASSERT_FALSE(old.empty());
  ASSERT_TRUE(IndexDocuments(tmp.db(), {MakeDoc("d:r1", "Wire", "2025-03-03", "One",
                                                {Said("c:r11", "Ann Lee said rates.")})})
                  .ok());
  std::string current = Slurp(TablePath(tmp));
  Xapian::Database db(tmp.db());
  ASSERT_NE(DocTable::Open(tmp.db(), db), nullptr);

  Spit(TablePath(tmp), old);  // left by an indexer killed between commit and table
  EXPECT_EQ(DocTable::Open(tmp.db(), db), nullptr);
  Spit(TablePath(tmp), current.substr(0, current.size() - 2));  // cut short
  EXPECT_EQ(DocTable::Open(tmp.db(), db), nullptr);
  std::string bad_magic = current;
  bad_magic[0] ^= 0x55;
  Spit(TablePath(tmp), bad_magic);
  EXPECT_EQ(DocTable::Open(tmp.db(), db), nullptr);
  Spit(TablePath(tmp), "");
  EXPECT_EQ(DocTable::Open(tmp.db(), db), nullptr);
  std::filesystem::remove(TablePath(tmp));
  EXPECT_EQ(DocTable::Open(tmp.db(), db), nullptr);

  // The same table in a copy of the database with its own identity: another UUID.
  TempDir other;
  ASSERT_TRUE(IndexDocuments(other.db(), SampleCorpus()).ok());
  ASSERT_TRUE(IndexDocuments(other.db(), {MakeDoc("d:r1", "Wire", "2025-03-03", "One",
                                                  {Said("c:r11", "Ann Lee said rates.")})})
                  .ok());
  Spit(TablePath(tmp), Slurp(TablePath(other)));
  EXPECT_EQ(DocTable::Open(tmp.db(), db), nullptr);
  Spit(TablePath(tmp), current);
  EXPECT_NE(DocTable::Open(tmp.db(), db), nullptr);
}

// A table that cannot be written costs speed, not the index: the run succeeds with a warning.
TEST(DocTable, ATableThatCannotBeWrittenIsAWarning) {
  TempDir tmp;
  std::filesystem::create_directories(TablePath(tmp) + "/in-the-way");
  Result<IndexReport> r = IndexDocuments(tmp.db(), SampleCorpus());
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find(kDocTableFile), std::string::npos) << r->warnings[0];
  Xapian::Database db(tmp.db());
  EXPECT_EQ(db.get_doccount(), SampleCorpus().size() + db.get_termfreq("XTclaim"));
  EXPECT_EQ(DocTable::Open(tmp.db(), db), nullptr);
}

}  // namespace
}  // namespace claimdex
