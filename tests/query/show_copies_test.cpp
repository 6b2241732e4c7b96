// `show` lists the other syndicated copies of an article (same near-duplicate cluster).
#include <gtest/gtest.h>

#include "index/indexer.h"
#include "query/show.h"
#include "tests/index/test_docs.h"

namespace claimdex {
namespace {

using testing::ClaimSpec;
using testing::MakeDoc;
using testing::TempDir;

class ShowCopiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ClaimSpec claim{"c:5a11", "Amodei said the controls were working.", "dario-amodei",
                    "Dario Amodei", "", "indirect", "", {}, {}};
    Document first = MakeDoc("d:5a1", "Techwire", "2025-01-29", "Amodei defends controls",
                             {claim});
    claim.id = "c:5b1";
    Document copy = MakeDoc("d:5b2", "Old Press", "2025-01-30", "Anthropic chief", {claim});
    Document other = MakeDoc("d:5c3", "Policyline", "2025-02-02", "Another story", {});
    first.cluster = copy.cluster = "d:5a1";
    other.cluster = "d:5c3";
    ASSERT_TRUE(IndexDocuments(tmp_.db(), {first, copy, other}).ok());
  }
  TempDir tmp_;
};

TEST_F(ShowCopiesTest, ArticleListsTheOtherCopies) {
  Result<std::string> out = Show(tmp_.db(), "d:5a1", false);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_NE(out->find("Also published by: Old Press (d:5b2)"), std::string::npos) << *out;
  EXPECT_EQ(out->find("Techwire (d:5a1)"), std::string::npos) << *out;  // not itself
  EXPECT_EQ(out->find("Policyline"), std::string::npos) << *out;
}

TEST_F(ShowCopiesTest, ClaimListsTheCopiesOfItsArticle) {
  Result<std::string> out = Show(tmp_.db(), "c:5b1", false);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_NE(out->find("Also published by: Techwire (d:5a1)"), std::string::npos) << *out;
}

TEST_F(ShowCopiesTest, ArticleWithoutCopiesPrintsNoCopiesLine) {
  Result<std::string> out = Show(tmp_.db(), "d:5c3", false);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->find("Also published by"), std::string::npos) << *out;
}

}  // namespace
}  // namespace claimdex
