// SplitParagraphs, Document-level output of the Annotator, and hostile inputs.
#include "extract/annotate.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace claimdex {
namespace {

Profile SmallProfile() {
  Profile p;
  p.name = "test";
  KbEntity toner;
  toner.id = "helen-toner";
  toner.name = "Helen Toner";
  toner.type = "person";
  toner.gender = "female";
  KbEntity nvidia;
  nvidia.id = "nvidia";
  nvidia.name = "Nvidia";
  nvidia.type = "organization";
  p.entities = {toner, nvidia};
  Target t;
  t.id = "export-controls";
  t.name = "export controls";
  t.aliases = {"export controls"};
  t.support = {"stay the course"};
  t.oppose = {"overly restrictive"};
  p.targets = {t};
  return p;
}

Document AnnotateText(const std::string& text) {
  static const Annotator annotator(SmallProfile());
  Document doc;
  doc.id = "d:abc";
  doc.text = text;
  annotator.Annotate(&doc);
  return doc;
}

void ExpectOffsetsOnText(const Document& doc) {
  for (const Entity& e : doc.entities) {
    for (const Mention& m : e.mentions) {
      ASSERT_LT(m.start, m.end);
      ASSERT_LE(m.end, doc.text.size());
      EXPECT_EQ(doc.text.substr(m.start, m.end - m.start), m.text);
    }
  }
  for (const Claim& c : doc.claims) {
    ASSERT_LE(c.end, doc.text.size());
    EXPECT_EQ(doc.text.substr(c.start, c.end - c.start), c.text);
    if (c.speaker) {
      ASSERT_LE(c.speaker->mention.end, doc.text.size());
      EXPECT_EQ(doc.text.substr(c.speaker->mention.start,
                                c.speaker->mention.end - c.speaker->mention.start),
                c.speaker->mention.text);
    }
  }
}

TEST(SplitParagraphs, SplitsOnBlankLinesAndTrims) {
  std::string text = "  One line\nstill one.\r\n \t\r\nTwo.\n\n\n\nThree  ";
  std::vector<Paragraph> p = SplitParagraphs(text);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(text.substr(p[0].start, p[0].end - p[0].start), "One line\nstill one.");
  EXPECT_EQ(text.substr(p[1].start, p[1].end - p[1].start), "Two.");
  EXPECT_EQ(text.substr(p[2].start, p[2].end - p[2].start), "Three");
  EXPECT_EQ(p[0].kind, "paragraph");
  EXPECT_TRUE(SplitParagraphs("\n \n").empty());
}

TEST(Annotator, FillsParagraphsWhenMissing) {
  Document doc = AnnotateText("First.\n\nSecond.");
  EXPECT_EQ(doc.paragraphs.size(), 2u);
}

TEST(Annotator, ClaimIdIsDigestOfDocumentAndSpan) {
  Document doc = AnnotateText(
      "Intro.\n\n\u201cWe must stay the course on export controls,\u201d Helen Toner said.");
  ASSERT_EQ(doc.claims.size(), 1u);
  const Claim& c = doc.claims[0];
  EXPECT_EQ(c.id, "c:" + HexDigest("d:abc:" + std::to_string(c.start) + ":" + std::to_string(c.end))
                             .substr(0, 16));
  EXPECT_EQ(c.paragraph, 1);
  ExpectOffsetsOnText(doc);
}

TEST(Annotator, EntitiesCarryKbTypeAndMentions) {
  Document doc = AnnotateText("Helen Toner praised Nvidia. Toner left.");
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].id, "helen-toner");
  EXPECT_EQ(doc.entities[0].type, "person");
  ASSERT_EQ(doc.entities[0].mentions.size(), 2u);
  EXPECT_EQ(doc.entities[0].mentions[1].via, "surname");
  EXPECT_EQ(doc.entities[1].type, "organization");
  ExpectOffsetsOnText(doc);
}

TEST(Annotator, DocumentStancesAggregatePerSpeaker) {
  Document doc = AnnotateText(
      "Helen Toner said the US should stay the course on export controls.\n\n"
      "Toner added that export controls are crucial.");
  ASSERT_EQ(doc.stances.size(), 1u);
  EXPECT_EQ(doc.stances[0].speaker_id, "helen-toner");
  EXPECT_EQ(doc.stances[0].target, "export-controls");
  EXPECT_EQ(doc.stances[0].label, "support");
  EXPECT_EQ(doc.stances[0].claims.size(), 2u);
  ASSERT_FALSE(doc.claims[0].stances.empty());
  EXPECT_EQ(doc.claims[0].stances[0].cues, std::vector<std::string>{"stay the course"});
}

// Hostile inputs: each finishes well inside the time limit and keeps offsets valid.
void ExpectFastAndSane(const std::string& text) {
  auto begin = std::chrono::steady_clock::now();
  Document doc = AnnotateText(text);
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(5));
  ExpectOffsetsOnText(doc);
}

TEST(AnnotatorHostile, FiftyThousandWordParagraph) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += (i % 7 == 0) ? "Helen Toner said " : "word ";
  ExpectFastAndSane(text);
}

TEST(AnnotatorHostile, FiveThousandQuotationMarks) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += i % 3 ? "\u201c" : "\" said Toner ";
  ExpectFastAndSane(text);
  ExpectFastAndSane(std::string(5000, '"'));
}

TEST(AnnotatorHostile, MixedScriptsAndBadBytes) {
  ExpectFastAndSane(
      "\u4e60\u8fd1\u5e73\u8bf4\uff1a\u201c\u6211\u4eec\u5c06\u7ee7\u7eed\u3002\u201d "
      "\u0645\u0631\u062d\u0628\u0627 \u201cHello there, everyone in the room,\u201d said "
      "Helen Toner \xf0\x9f\x98\x80 \xff\xfe\xc3 Toner\xe2\x80");
}

TEST(AnnotatorHostile, ThousandsOfDistinctNamesAndPronouns) {
  std::string text;
  for (int i = 0; i < 6000; ++i) {
    std::string first = "A";
    std::string last = "B";
    for (int k = i; k > 0; k /= 26) first += static_cast<char>('a' + k % 26);
    for (int k = i * 7 + 3; k > 0; k /= 26) last += static_cast<char>('a' + k % 26);
    text +=
        first + "x " + last + "x said no. He said: \u201cYes.\u201d Mr. " + last + "y said so. ";
  }
  ExpectFastAndSane(text);
}

TEST(AnnotatorHostile, EmptyAndWhitespace) {
  ExpectFastAndSane("");
  ExpectFastAndSane("\n\n\n   \n");
}

const Claim* ClaimWith(const Document& doc, const std::string& words) {
  for (const Claim& c : doc.claims) {
    if (c.text.find(words) != std::string::npos) return &c;
  }
  return nullptr;
}

TEST(Annotator, StanceCuesComeFromTheContentNotTheSpeakerDescription) {
  Document doc = AnnotateText(
      "The export controls are back in the news.\n\n"
      "Reversing the ban on exports of Nvidia\u2019s AI chips to China would be a \u201Chuge "
      "victory\u201D for China, according to Helen Toner, the former board member who now "
      "works at the vital research centre in Georgetown.");
  const Claim* c = ClaimWith(doc, "Reversing the ban");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker.has_value());
  EXPECT_EQ(c->speaker->id, "helen-toner");
  ASSERT_EQ(c->stances.size(), 1u);
  EXPECT_EQ(c->stances[0].label, "support");
  for (const std::string& cue : c->stances[0].cues) {
    EXPECT_EQ(cue.find("vital"), std::string::npos) << cue;
    EXPECT_EQ(cue.find("works"), std::string::npos) << cue;
  }
}

TEST(Annotator, SpeakerDescriptionBeforeTheContentEndsAtItsComma) {
  Document doc = AnnotateText(
      "According to Helen Toner, the former board member, the export controls have failed.");
  const Claim* c = ClaimWith(doc, "have failed");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->stances.size(), 1u);
  EXPECT_EQ(c->stances[0].label, "oppose");
  doc = AnnotateText("According to Helen Toner, the export controls have failed.");
  c = ClaimWith(doc, "have failed");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->stances.size(), 1u);
  EXPECT_EQ(c->stances[0].label, "oppose");
}

}  // namespace
}  // namespace claimdex
