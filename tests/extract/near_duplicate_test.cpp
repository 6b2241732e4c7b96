#include "extract/near_duplicate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/extract/syndication_fixture.h"

namespace claimdex {
namespace {

using testing_fixture::kOtherStoryText;
using testing_fixture::kWireStoryText;

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(NormalisedWords, FoldsCaseWidthAndApostrophes) {
  EXPECT_EQ(NormalisedWords("Don\u2019t  STOP, \uFF21\uFF4C\uFF4C! -- 2025"),
            (std::vector<std::string>{"don't", "stop", "all", "2025"}));
}

TEST(NormalisedWords, BreaksWordsInAnyScript) {
  EXPECT_EQ(NormalisedWords("Über die Straße"),
            (std::vector<std::string>{"über", "die", "strasse"}));
  EXPECT_GE(NormalisedWords("出口管制が強化された").size(), 2u);  // dictionary word breaks
}

TEST(NormalisedWords, InvalidUtf8IsNotACrash) {
  EXPECT_EQ(NormalisedWords("ok \xff\xfe\xc3 fine"), (std::vector<std::string>{"ok", "fine"}));
}

TEST(TextSignature, IsDeterministic) {
  std::optional<MinHashSignature> a = TextSignature(kWireStoryText);
  std::optional<MinHashSignature> b = TextSignature(std::string(kWireStoryText));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->size(), kMinHashSize);
  EXPECT_EQ(*a, *b);
}

TEST(NearDuplicate, IdenticalTextIsADuplicate) {
  EXPECT_TRUE(IsNearDuplicate(kWireStoryText, kWireStoryText));
}

TEST(NearDuplicate, CaseAndSpacingDoNotMatter) {
  std::string shouted;
  for (char c : std::string(kWireStoryText)) {
    shouted += c == ' ' ? std::string("  \n") : std::string(1, static_cast<char>(toupper(c)));
  }
  EXPECT_TRUE(IsNearDuplicate(kWireStoryText, shouted));
}

TEST(NearDuplicate, ChangedHeadlineBylineAndAFewWordsIsStillADuplicate) {
  std::string copy = "Amodei presses for tighter chip rules\n\nBy Wire Staff, The Old Press\n\n" +
                     std::string(kWireStoryText);
  copy = Replace(copy, "on Tuesday", "on Tuesday evening");
  copy = Replace(copy, "lawmakers", "members of Congress");
  copy = Replace(copy, "the company", "Anthropic");
  copy += "\n\nThis story was first published by Techwire and is republished with permission.";
  std::optional<MinHashSignature> a = TextSignature(kWireStoryText);
  std::optional<MinHashSignature> b = TextSignature(copy);
  ASSERT_TRUE(a && b);
  EXPECT_GE(EstimatedJaccard(*a, *b), kNearDuplicateJaccard);
  EXPECT_TRUE(IsNearDuplicate(kWireStoryText, copy));
}

TEST(NearDuplicate, DifferentArticleOnTheSameTopicIsNotADuplicate) {
  std::optional<MinHashSignature> a = TextSignature(kWireStoryText);
  std::optional<MinHashSignature> b = TextSignature(kOtherStoryText);
  ASSERT_TRUE(a && b);
  EXPECT_LT(EstimatedJaccard(*a, *b), 0.3);
  EXPECT_FALSE(IsNearDuplicate(kWireStoryText, kOtherStoryText));
}

TEST(NearDuplicate, ShortTextsNeverCluster) {
  std::string short_text =
      "Subscribe to our newsletter for the latest news on chips, export controls and "
      "artificial intelligence policy, delivered every morning.";
  ASSERT_LT(NormalisedWords(short_text).size(), kNearDuplicateMinWords);
  EXPECT_FALSE(TextSignature(short_text).has_value());
  EXPECT_FALSE(IsNearDuplicate(short_text, short_text));
}

TEST(TextSignature, HugeTextIsReadOnlyUpToTheCap) {
  std::string huge;
  while (huge.size() < 8 * kMaxSignatureBytes) huge += std::string(kWireStoryText) + "\n\n";
  std::optional<MinHashSignature> whole = TextSignature(huge + std::string(kOtherStoryText));
  std::optional<MinHashSignature> head = TextSignature(huge.substr(0, kMaxSignatureBytes));
  ASSERT_TRUE(whole && head);
  EXPECT_EQ(*whole, *head);
}

TEST(NearDuplicateIndex, FindsTheEarliestMatchingEntry) {
  NearDuplicateIndex index;
  MinHashSignature wire = *TextSignature(kWireStoryText);
  MinHashSignature other = *TextSignature(kOtherStoryText);
  EXPECT_FALSE(index.FindEarliest(wire).has_value());
  index.Add(other, "d:other");
  index.Add(wire, "d:first");
  index.Add(wire, "d:second");
  EXPECT_EQ(index.FindEarliest(wire), "d:first");
  EXPECT_EQ(index.FindEarliest(other), "d:other");
  MinHashSignature edited =
      *TextSignature(Replace(std::string(kWireStoryText), "lawmakers", "senators"));
  EXPECT_EQ(index.FindEarliest(edited), "d:first");
}

TEST(NearDuplicateIndex, MalformedSignatureMatchesNothing) {
  NearDuplicateIndex index;
  index.Add(MinHashSignature{}, "d:empty");
  EXPECT_FALSE(index.FindEarliest(MinHashSignature{}).has_value());
  EXPECT_FALSE(index.FindEarliest(*TextSignature(kWireStoryText)).has_value());
}

}  // namespace
}  // namespace claimdex
