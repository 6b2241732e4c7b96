#include "corpus/docs_store.h"

#include <gtest/gtest.h>

#include "tests/corpus/corpus_test_util.h"

namespace claimdex {
namespace {

using testing::Slurp;
using testing::Spit;
using testing::TempDir;

Document Doc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.url = "https://news.example/" + id;
  d.text = text;
  Claim c;
  c.id = "c:" + id;
  c.text = text;
  d.claims.push_back(c);
  return d;
}

std::vector<Document> ReadAll(const std::string& path, std::vector<std::string>* warnings,
                              Status* status) {
  std::vector<Document> docs;
  *status = ReadDocsFile(
      path,
      [&](Document&& d) {
        docs.push_back(std::move(d));
        return true;
      },
      warnings);
  return docs;
}

TEST(DocsStore, RoundTripKeepsOrderAndOneLinePerDocument) {
  TempDir tmp;
  const std::string path = tmp.Sub("a.jsonl");
  ASSERT_TRUE(WriteDocsFile(path, {Doc("d:1", "line one\n\nline two"), Doc("d:2", "x")}).ok());
  const std::string text = Slurp(path);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  std::vector<std::string> warnings;
  Status st;
  auto docs = ReadAll(path, &warnings, &st);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "d:1");
  EXPECT_EQ(docs[0].text, "line one\n\nline two");
  EXPECT_EQ(docs[1].claims[0].id, "c:d:2");
  EXPECT_FALSE(docs[1].claims[0].speaker.has_value());
  EXPECT_TRUE(warnings.empty());
}

TEST(DocsStore, MalformedLineIsSkippedWithAWarning) {
  TempDir tmp;
  const std::string path = tmp.Sub("a.jsonl");
  ASSERT_TRUE(WriteDocsFile(path, {Doc("d:1", "a")}).ok());
  Spit(path, "{\"id\": 3, \"text\": \"x\"}\nnot json\n\n", std::ios::binary | std::ios::app);
  ASSERT_TRUE(WriteDocsFile(tmp.Sub("b.jsonl"), {Doc("d:2", "b")}).ok());
  Spit(path, Slurp(tmp.Sub("b.jsonl")), std::ios::binary | std::ios::app);
  std::vector<std::string> warnings;
  Status st;
  auto docs = ReadAll(path, &warnings, &st);
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "d:2");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].rfind(path + " line 2: ", 0), 0u) << warnings[0];
  EXPECT_NE(warnings[0].find("'id'"), std::string::npos) << warnings[0];
  EXPECT_EQ(warnings[1].rfind(path + " line 3: ", 0), 0u) << warnings[1];
}

TEST(DocsStore, CallbackReturningFalseStops) {
  TempDir tmp;
  const std::string path = tmp.Sub("a.jsonl");
  ASSERT_TRUE(WriteDocsFile(path, {Doc("d:1", "a"), Doc("d:2", "b"), Doc("d:3", "c")}).ok());
  int calls = 0;
  ASSERT_TRUE(ReadDocsFile(
                  path, [&](Document&&) { return ++calls < 2; }, nullptr)
                  .ok());
  EXPECT_EQ(calls, 2);
}

TEST(DocsStore, MissingFileIsNotFound) {
  TempDir tmp;
  Status st = ReadDocsFile(
      tmp.Sub("none.jsonl"), [](Document&&) { return true; }, nullptr);
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
}

TEST(DocsStore, ListsJsonlFilesSortedByName) {
  TempDir tmp;
  ASSERT_TRUE(WriteDocsFile(tmp.Sub("b.jsonl"), {}).ok());
  ASSERT_TRUE(WriteDocsFile(tmp.Sub("a.jsonl"), {}).ok());
  Spit(tmp.Sub("c.txt"), "");
  EXPECT_EQ(ListDocsFiles(tmp.path()),
            (std::vector<std::string>{tmp.Sub("a.jsonl"), tmp.Sub("b.jsonl")}));
  EXPECT_TRUE(ListDocsFiles(tmp.Sub("none")).empty());
}

}  // namespace
}  // namespace claimdex
