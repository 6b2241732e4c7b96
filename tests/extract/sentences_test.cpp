#include "extract/sentences.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace claimdex {
namespace {

std::vector<std::string> Texts(const std::string& text) {
  std::vector<std::string> out;
  for (const TextSpan& s : SplitSentences(text, 0, text.size())) {
    out.push_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

TEST(SplitSentences, BreaksOnTerminalPunctuationAndTrims) {
  EXPECT_EQ(Texts("  First one here. Second one? Third!  "),
            (std::vector<std::string>{"First one here.", "Second one?", "Third!"}));
}

TEST(SplitSentences, KeepsClosingQuoteWithItsSentence) {
  EXPECT_EQ(Texts("\u201cIt works.\u201d She left."),
            (std::vector<std::string>{"\u201cIt works.\u201d", "She left."}));
}

TEST(SplitSentences, NoBreakAfterCommonAbbreviation) {
  EXPECT_EQ(Texts("Mr. Smith went home. He slept."),
            (std::vector<std::string>{"Mr. Smith went home.", "He slept."}));
}

TEST(SplitSentences, NoBreakAfterTitleAbbreviationBeforeAName) {
  EXPECT_EQ(Texts("He met Gov. Jerry Brown and Sen. Claire McCaskill. They talked."),
            (std::vector<std::string>{"He met Gov. Jerry Brown and Sen. Claire McCaskill.",
                                      "They talked."}));
}

TEST(SplitSentences, CountryInitialsBeforeABodyOrOfficeDoNotEndTheSentence) {
  EXPECT_EQ(Texts("Le Pen backed U.S. Republican presidential candidate Donald Trump, saying "
                  "so. She met the U.N. Security Council. It was late."),
            (std::vector<std::string>{
                "Le Pen backed U.S. Republican presidential candidate Donald Trump, saying so.",
                "She met the U.N. Security Council.", "It was late."}));
  // Any other capitalised word after them may open a sentence.
  EXPECT_EQ(Texts("She lives in the U.S. Republicans said so."),
            (std::vector<std::string>{"She lives in the U.S.", "Republicans said so."}));
}

TEST(SplitSentences, QuotedQuestionStaysWithAnAttributionAndItsParticiple) {
  EXPECT_EQ(Texts("\u201cWho would have believed it?\u201d Trump said, looking out on the cheering "
                  "crowd of supporters. They cheered."),
            (std::vector<std::string>{"\u201cWho would have believed it?\u201d Trump said, looking "
                                      "out on the cheering crowd of supporters.",
                                      "They cheered."}));
}

TEST(SplitSentences, QuotedQuestionStaysWithAShortAttributionBeforeAComma) {
  EXPECT_EQ(Texts("\u201cYou winning?\u201d Helen Toner asked, but the analyst was drifting "
                  "off again."),
            (std::vector<std::string>{"\u201cYou winning?\u201d Helen Toner asked, but the "
                                      "analyst was drifting off again."}));
  // A short opener that ends in no verb is a new sentence.
  EXPECT_EQ(Texts("\u201cWhy now?\u201d In Washington, officials said the rules were late."),
            (std::vector<std::string>{"\u201cWhy now?\u201d",
                                      "In Washington, officials said the rules were late."}));
}

TEST(SplitSentences, DelegateTitleBeforeANameButDelawareEndsASentence) {
  EXPECT_EQ(Texts("It was said by Del. Stacey Plaskett. They talked."),
            (std::vector<std::string>{"It was said by Del. Stacey Plaskett.", "They talked."}));
  EXPECT_EQ(Texts("They met in Dover, Del. The vote was late."),
            (std::vector<std::string>{"They met in Dover, Del.", "The vote was late."}));
}

TEST(SplitSentences, InitialsBeforeANameAreNoBreakButCountryAbbreviationsMayBe) {
  EXPECT_EQ(Texts("It was said by G.K. Butterfield. He went to the U.S. Then he left."),
            (std::vector<std::string>{"It was said by G.K. Butterfield.", "He went to the U.S.",
                                      "Then he left."}));
}

TEST(SplitSentences, QuotedQuestionStaysWithItsShortAttribution) {
  EXPECT_EQ(Texts("\u201cWhy now?\u201d Vitter demanded. \u201cIt is late.\u201d"),
            (std::vector<std::string>{"\u201cWhy now?\u201d Vitter demanded.",
                                      "\u201cIt is late.\u201d"}));
  // A longer sentence after the question is a sentence of its own.
  EXPECT_EQ(Texts("\u201cWhy now?\u201d The question hung over the hearing for the rest of the "
                  "afternoon."),
            (std::vector<std::string>{"\u201cWhy now?\u201d",
                                      "The question hung over the hearing for the rest of the "
                                      "afternoon."}));
  // A question that does not close a quotation ends its sentence.
  EXPECT_EQ(Texts("Why now? Vitter demanded answers."),
            (std::vector<std::string>{"Why now?", "Vitter demanded answers."}));
}

TEST(SplitSentences, QuotedQuestionStaysWithANameAndAVerbOfSaying) {
  EXPECT_EQ(Texts("\u201cWho are they?\u201d Helen Toner told reporters at a rally in Iowa on "
                  "Monday. They cheered."),
            (std::vector<std::string>{"\u201cWho are they?\u201d Helen Toner told reporters at "
                                      "a rally in Iowa on Monday.",
                                      "They cheered."}));
  // The line's end is the attribution's end.
  EXPECT_EQ(Texts("\u201cWhy now?\u201d Toner said.\nThey cheered."),
            (std::vector<std::string>{"\u201cWhy now?\u201d Toner said.", "They cheered."}));
  // A verb with a clause of its own opens a new sentence.
  EXPECT_EQ(Texts("\u201cYou are a star!\u201d She replied to him that it was an honor."),
            (std::vector<std::string>{"\u201cYou are a star!\u201d",
                                      "She replied to him that it was an honor."}));
}

TEST(SplitSentences, FullStopInsideTheMarksStaysWithAShortAttribution) {
  EXPECT_EQ(Texts("\u201cWe will find the chips.\u201d Toner said. They cheered."),
            (std::vector<std::string>{"\u201cWe will find the chips.\u201d Toner said.",
                                      "They cheered."}));
  // Without a verb of saying, or with a long sentence after it, the full stop ends it.
  EXPECT_EQ(Texts("\u201cWe will find the chips.\u201d Toner left."),
            (std::vector<std::string>{"\u201cWe will find the chips.\u201d", "Toner left."}));
  EXPECT_EQ(Texts("\u201cWe will win.\u201d Toner said the polls were wrong all along."),
            (std::vector<std::string>{"\u201cWe will win.\u201d",
                                      "Toner said the polls were wrong all along."}));
}

TEST(SplitSentences, OffsetsAreBytesIntoTheWholeText) {
  std::string text = "Ignored. \u00c9t\u00e9 chaud. Fin.";
  std::vector<TextSpan> spans = SplitSentences(text, 9, text.size());
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].start, spans[0].end - spans[0].start), "\u00c9t\u00e9 chaud.");
  EXPECT_EQ(spans[1].end, text.size());
}

TEST(SplitSentences, EmptyAndBlankInputGiveNothing) {
  EXPECT_TRUE(Texts("").empty());
  EXPECT_TRUE(Texts(" \n\t ").empty());
  EXPECT_TRUE(SplitSentences("abc", 5, 9).empty());
}

TEST(SplitSentences, LongRunWithoutPunctuationIsCappedAtSpaces) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "word ";
  auto begin = std::chrono::steady_clock::now();
  std::vector<TextSpan> spans = SplitSentences(text, 0, text.size());
  auto elapsed = std::chrono::steady_clock::now() - begin;
  EXPECT_LT(elapsed, std::chrono::seconds(2));
  ASSERT_GT(spans.size(), 100u);
  for (const TextSpan& s : spans) {
    EXPECT_LE(s.end - s.start, kMaxSentenceBytes);
    EXPECT_NE(text[s.start], ' ');
    EXPECT_EQ(text[s.end - 1], 'd');  // cut between words, never inside one
  }
}

TEST(SplitSentences, CapNeverSplitsACharacter) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "\u4e2d";  // no spaces, 3 bytes each
  for (const TextSpan& s : SplitSentences(text, 0, text.size())) {
    EXPECT_EQ(s.start % 3, 0u);
    EXPECT_EQ(s.end % 3, 0u);
    EXPECT_LE(s.end - s.start, kMaxSentenceBytes);
  }
}

TEST(SplitSentences, IllFormedUtf8IsSteppedOver) {
  std::string text = "Bad \xff\xfe bytes here. Next one.";
  std::vector<std::string> got = Texts(text);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1], "Next one.");
}

}  // namespace
}  // namespace claimdex
