// The length table beside the database (index/length_table.h): written at every commit, equal
// to Xapian's own lengths, and refused whenever it might not describe the database it sits in.
#include "index/length_table.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "index/indexer.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::ClaimSpec;
using testing::MakeDoc;
using testing::SampleCorpus;
using testing::TempDir;

std::string TablePath(const TempDir& tmp) { return tmp.db() + "/" + kLengthTableFile; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void Spit(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << data;
}

// Every document's length from the table equals Xapian's.
void ExpectLengthsOf(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::unique_ptr<LengthTable> table = LengthTable::Open(db_path, db);
  ASSERT_NE(table, nullptr);
  size_t checked = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it, ++checked) {
    ASSERT_EQ(table->Get(*it), it.get_doclength()) << "docid " << *it;
  }
  EXPECT_EQ(checked, db.get_doccount());
}

ClaimSpec Said(const std::string& id, const std::string& text) {
  return {id, text, "ann-lee", "Ann Lee", "", "indirect", "", {{"rates", "support"}}, {}};
}

TEST(LengthTable, EachCommitWritesTheLengthsXapianHas) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  ExpectLengthsOf(tmp.db());
  // More documents, and one article re-indexed with longer claims (its documents replaced).
  std::vector<Document> more = {
      MakeDoc("d:l1", "Wire", "2025-03-03", "One",
              {Said("c:l11", "Ann Lee said rates should fall."),
               Said("c:l12", "Ann Lee said so twice, rates rates rates.")})};
  ASSERT_TRUE(IndexDocuments(tmp.db(), more).ok());
  more[0].claims[0].text += " And again, at much greater length than before.";
  ASSERT_TRUE(IndexDocuments(tmp.db(), more).ok());
  ExpectLengthsOf(tmp.db());
}

TEST(LengthTable, ATableOfAnotherRevisionOrDamagedIsRefused) {
  TempDir tmp;
  ASSERT_TRUE(IndexDocuments(tmp.db(), SampleCorpus()).ok());
  std::string old = Slurp(TablePath(tmp));
  ASSERT_FALSE(old.empty());
  ASSERT_TRUE(IndexDocuments(tmp.db(), {MakeDoc("d:r1", "Wire", "2025-03-03", "One",
                                                {Said("c:r11", "Ann Lee said rates.")})})
                  .ok());
  std::string current = Slurp(TablePath(tmp));
  Xapian::Database db(tmp.db());
  ASSERT_NE(LengthTable::Open(tmp.db(), db), nullptr);

  Spit(TablePath(tmp), old);  // left by an indexer killed between commit and table
  EXPECT_EQ(LengthTable::Open(tmp.db(), db), nullptr);
  Spit(TablePath(tmp), current.substr(0, current.size() - 2));  // cut short
  EXPECT_EQ(LengthTable::Open(tmp.db(), db), nullptr);
  std::string bad_magic = current;
  bad_magic[0] ^= 0x55;
  Spit(TablePath(tmp), bad_magic);
  EXPECT_EQ(LengthTable::Open(tmp.db(), db), nullptr);
  Spit(TablePath(tmp), "");
  EXPECT_EQ(LengthTable::Open(tmp.db(), db), nullptr);
  std::filesystem::remove(TablePath(tmp));
  EXPECT_EQ(LengthTable::Open(tmp.db(), db), nullptr);

  // The same table in a copy of the database with its own identity: another UUID.
  TempDir other;
  ASSERT_TRUE(IndexDocuments(other.db(), SampleCorpus()).ok());
  ASSERT_TRUE(IndexDocuments(other.db(), {MakeDoc("d:r1", "Wire", "2025-03-03", "One",
                                                  {Said("c:r11", "Ann Lee said rates.")})})
                  .ok());
  Spit(TablePath(tmp), Slurp(TablePath(other)));
  EXPECT_EQ(LengthTable::Open(tmp.db(), db), nullptr);
  Spit(TablePath(tmp), current);
  EXPECT_NE(LengthTable::Open(tmp.db(), db), nullptr);
}

// A table that cannot be written costs speed, not the index: the run succeeds with a warning.
TEST(LengthTable, ATableThatCannotBeWrittenIsAWarning) {
  TempDir tmp;
  std::filesystem::create_directories(TablePath(tmp) + "/in-the-way");
  Result<IndexReport> r = IndexDocuments(tmp.db(), SampleCorpus());
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find(kLengthTableFile), std::string::npos) << r->warnings[0];
  Xapian::Database db(tmp.db());
  EXPECT_EQ(db.get_doccount(), SampleCorpus().size() + db.get_termfreq("XTclaim"));
  EXPECT_EQ(LengthTable::Open(tmp.db(), db), nullptr);
}

}  // namespace
}  // namespace claimdex
