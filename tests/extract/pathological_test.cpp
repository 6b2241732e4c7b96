// Hostile pages through the whole extractor (Extractor::ExtractHtml, default profile): each
// must come back as a Document with quality flags, in bounded time and memory, with every
// span inside the text and text that serialises as JSON. The wall-clock bound is a generous
// sanity check against runaway (quadratic, exponential) work, not a performance target:
// bench/extract_bench measures speed.
#include <sys/resource.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>

#include "corpus/document.h"
#include "corpus/profile.h"
#include "extract/extractor.h"

namespace claimdex {
namespace {

constexpr double kMaxSeconds = 20.0;
constexpr long kMaxPeakRssKb = 2L * 1024 * 1024;  // 2 GiB for the whole test binary

const Extractor& DefaultExtractor() {
  static const Extractor* extractor = [] {
    Result<Profile> profile = ParseProfile(DefaultProfileToml(), "default profile");
    EXPECT_TRUE(profile.ok()) << profile.status().message();
    return new Extractor(profile.ok() ? profile.value() : Profile());
  }();
  return *extractor;
}

bool HasFlag(const Document& d, const std::string& flag) {
  return std::find(d.quality.begin(), d.quality.end(), flag) != d.quality.end();
}

std::string Flags(const Document& d) {
  std::string out;
  for (const std::string& f : d.quality) out += f + " ";
  return out;
}

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool IsValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) {
      unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

struct Timed {
  Document doc;
  double seconds = 0;
};

Timed Extract(const std::string& html, const std::string& content_type = "") {
  PageInput page;
  page.bytes = html;
  page.url = "https://news.example/world/hostile-page";  // no date in the path
  page.content_type = content_type;
  page.fetched = "2025-03-01T12:00:00Z";
  auto start = std::chrono::steady_clock::now();
  Timed t;
  t.doc = DefaultExtractor().ExtractHtml(page);
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return t;
}

// What every Document must satisfy, however bad the page.
void ExpectSoundDocument(const Timed& t) {
  const Document& d = t.doc;
  EXPECT_LT(t.seconds, kMaxSeconds);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  EXPECT_LT(ru.ru_maxrss, kMaxPeakRssKb);
  EXPECT_FALSE(d.id.empty());
  EXPECT_TRUE(IsValidUtf8(d.text));
  EXPECT_TRUE(IsValidUtf8(d.title));
  for (const Paragraph& p : d.paragraphs) {
    EXPECT_LE(p.start, p.end);
    EXPECT_LE(p.end, d.text.size());
  }
  for (const Claim& c : d.claims) {
    EXPECT_LE(c.start, c.end);
    EXPECT_LE(c.end, d.text.size());
  }
  std::string json;
  EXPECT_NO_THROW(json = DocumentToJson(d));
  EXPECT_FALSE(json.empty());
}

std::string Sentence(int i) {
  return "Officials in Washington reviewed export rule number " + std::to_string(i) +
         " for advanced chips on Thursday, and industry groups responded within hours. ";
}

TEST(PathologicalPage, TenMegabytePageIsCutAndFlagged) {
  std::string html = "<html><head><title>A very long page</title></head><body><article>";
  for (int i = 0; html.size() < (size_t{10} << 20); ++i) {
    html += "<p>";
    for (int k = 0; k < 4; ++k) html += Sentence(i * 4 + k);
    html += "</p>\n";
  }
  html += "</article></body></html>";
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  EXPECT_TRUE(HasFlag(t.doc, "truncated_input")) << Flags(t.doc);
  EXPECT_NE(t.doc.text.find("export rule number 0 "), std::string::npos);
  EXPECT_GT(t.doc.text.size(), size_t{1} << 20);
}

TEST(PathologicalPage, HundredThousandNestedDivsKeepTheText) {
  std::string html = "<html><head><title>Deep</title></head><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>" + Sentence(1) + Sentence(2) + Sentence(3) + Sentence(4) + "</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  EXPECT_NE(t.doc.text.find("export rule number 3"), std::string::npos) << Flags(t.doc);
}

TEST(PathologicalPage, HundredThousandUnclosedNestedTagsFinish) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += (i % 3 == 0) ? "<div>" : (i % 3 == 1) ? "<span>" : "<b>";
  html += Sentence(7);
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  EXPECT_NE(t.doc.text.find("export rule number 7"), std::string::npos) << Flags(t.doc);
}

TEST(PathologicalPage, NoBodyGivesTitleAndNoText) {
  Timed t = Extract("<html><head><title>Only a head here</title></head></html>");
  ExpectSoundDocument(t);
  EXPECT_EQ(t.doc.title, "Only a head here");
  EXPECT_TRUE(t.doc.text.empty());
  EXPECT_TRUE(HasFlag(t.doc, "no_text")) << Flags(t.doc);
  EXPECT_TRUE(HasFlag(t.doc, "no_date")) << Flags(t.doc);
}

TEST(PathologicalPage, EmptyInputIsFlaggedNotAnError) {
  Timed t = Extract("");
  ExpectSoundDocument(t);
  EXPECT_TRUE(HasFlag(t.doc, "no_text")) << Flags(t.doc);
  EXPECT_TRUE(HasFlag(t.doc, "no_title")) << Flags(t.doc);
}

TEST(PathologicalPage, BinaryGarbageGivesNoTextAndNoClaims) {
  std::mt19937 rng(20250206);
  std::string bytes(1 << 20, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  Timed t = Extract(bytes, "text/html");
  ExpectSoundDocument(t);
  // Decoded as windows-1252, random bytes would be ~850 KB of mojibake "text" with thousands
  // of speakerless claims; they must be recognised as binary instead.
  EXPECT_TRUE(HasFlag(t.doc, "binary")) << Flags(t.doc);
  EXPECT_TRUE(HasFlag(t.doc, "no_text")) << Flags(t.doc);
  EXPECT_TRUE(HasFlag(t.doc, "no_title")) << Flags(t.doc);
  EXPECT_TRUE(t.doc.text.empty());
  EXPECT_TRUE(t.doc.claims.empty()) << t.doc.claims.size() << " claims";
}

TEST(PathologicalPage, TextWithAFewControlBytesIsNotBinary) {
  std::string html = "<html><head><title>Control bytes</title></head><body><article>";
  for (int i = 0; i < 6; ++i) html += "<p>" + Sentence(i) + "\x01\x02 stray\x7f bytes</p>";
  html += "</article></body></html>";
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  EXPECT_FALSE(HasFlag(t.doc, "binary")) << Flags(t.doc);
  EXPECT_NE(t.doc.text.find("export rule number 5"), std::string::npos);
}

TEST(PathologicalPage, TruncatedUtf8IsReplacedAndFlagged) {
  std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Zürich talks</title></head><body><p>" +
      Sentence(1) + "Delegates met in Zürich \xE2\x80 and then \xF0\x9F\x98 left";
  html += "\xE4\xB8";  // the page ends inside a three-byte sequence
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  EXPECT_TRUE(HasFlag(t.doc, "charset_replaced")) << Flags(t.doc);
  EXPECT_EQ(t.doc.charset, "utf-8");
  EXPECT_NE(t.doc.text.find("Delegates met in Zürich"), std::string::npos);
}

TEST(PathologicalPage, DeclaredWindows1252ButUtf8IsReadAsUtf8) {
  std::string html =
      "<html><head><meta charset=\"windows-1252\"><title>Zürich’s “chip” talks</title></head>"
      "<body><article><p>" +
      Sentence(1) + "Delegates met in Zürich and São Paulo; “the rules stand,” an aide said.</p>"
      "</article></body></html>";
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  EXPECT_EQ(t.doc.charset, "utf-8") << t.doc.charset_source;
  EXPECT_EQ(t.doc.title, "Zürich’s “chip” talks");
  EXPECT_NE(t.doc.text.find("Zürich and São Paulo; “the rules stand,”"), std::string::npos);
  EXPECT_FALSE(HasFlag(t.doc, "charset_replaced")) << Flags(t.doc);
}

TEST(PathologicalPage, DeclaredUtf8ButGbkIsDecodedOrFlagged) {
  // "美国商务部周四扩大了对中国先进人工智能芯片的出口管制。…" in GBK.
  const std::string gbk =
      "\xc3\xc0\xb9\xfa\xc9\xcc\xce\xf1\xb2\xbf\xd6\xdc\xcb\xc4\xc0\xa9\xb4\xf3\xc1\xcb\xb6\xd4"
      "\xd6\xd0\xb9\xfa\xcf\xc8\xbd\xf8\xc8\xcb\xb9\xa4\xd6\xc7\xc4\xdc\xd0\xbe\xc6\xac\xb5\xc4"
      "\xb3\xf6\xbf\xda\xb9\xdc\xd6\xc6\xa1\xa3\xb9\xd9\xd4\xb1\xb1\xed\xca\xbe\xa3\xac\xd5\xe2"
      "\xd0\xa9\xb9\xe6\xd4\xf2\xd6\xbc\xd4\xda\xb1\xa3\xbb\xa4\xb9\xfa\xbc\xd2\xb0\xb2\xc8\xab"
      "\xa1\xa3\xd3\xa2\xce\xb0\xb4\xef\xb1\xed\xca\xbe\xa3\xac\xd0\xc2\xb9\xe6\xbd\xab\xcb\xf0"
      "\xba\xa6\xc3\xc0\xb9\xfa\xc6\xf3\xd2\xb5\xb5\xc4\xbe\xba\xd5\xf9\xc1\xa6\xa1\xa3";
  std::string html = "<html><head><meta charset=\"utf-8\"><title>chips</title></head><body><article>";
  for (int i = 0; i < 6; ++i) html += "<p>" + gbk + "</p>";
  html += "</article></body></html>";
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  // Either the mislabel is caught and the text is Chinese, or the bad bytes are replaced and
  // the document says so; silently passing the bytes through is the failure.
  if (t.doc.charset == "gbk" || t.doc.charset == "gb18030") {
    EXPECT_NE(t.doc.text.find("中国先进人工智能芯片的出口管制"), std::string::npos);
  } else {
    EXPECT_TRUE(HasFlag(t.doc, "charset_replaced")) << t.doc.charset << ": " << Flags(t.doc);
  }
}

// KNOWN WEAKNESS (extract/charset.cpp, reported to the lead): a page that declares
// <meta charset="utf-8"> but is GBK keeps charset "utf-8" (source "meta") and every Chinese
// character becomes U+FFFD; the page is flagged charset_replaced, so the test above passes, but
// the text is lost. Enable once a declared UTF-8 that fails to decode on most non-ASCII bytes
// falls back to ICU's detector.
TEST(PathologicalPage, DeclaredUtf8ButGbkFallsBackToDetection) {
  std::string gbk =
      "\xd6\xd0\xb9\xfa\xcf\xc8\xbd\xf8\xc8\xcb\xb9\xa4\xd6\xc7\xc4\xdc\xd0\xbe"
      "\xc6\xac\xb5\xc4\xb3\xf6\xbf\xda\xb9\xdc\xd6\xc6\xa1\xa3";  // 中国先进人工智能芯片的出口管制。
  std::string html = "<html><head><meta charset=\"utf-8\"><title>chips</title></head><body>";
  for (int i = 0; i < 12; ++i) html += "<p>" + gbk + gbk + "</p>";
  html += "</body></html>";
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  EXPECT_EQ(t.doc.charset_source, "detected");
  EXPECT_NE(t.doc.text.find("中国先进人工智能芯片的出口管制。"), std::string::npos);
}

TEST(PathologicalPage, FiftyThousandWordParagraphFinishes) {
  std::string words;
  const char* kWords[] = {"export", "controls", "said", "Nvidia", "China", "rules", "“quote”", "policy"};
  for (int i = 0; i < 50000; ++i) {
    words += kWords[i % 8];
    words += (i % 97 == 96) ? ". " : " ";
  }
  Timed t = Extract("<html><head><title>One paragraph</title></head><body><p>" + words +
                    "</p></body></html>");
  ExpectSoundDocument(t);
  EXPECT_GT(t.doc.text.size(), size_t{300000});
  EXPECT_FALSE(HasFlag(t.doc, "no_text")) << Flags(t.doc);
}

TEST(PathologicalPage, ThousandsOfQuotationMarksFinish) {
  std::string body;
  for (int i = 0; i < 4000; ++i) {
    body += (i % 4 == 0) ? "\"" : (i % 4 == 1) ? "“" : (i % 4 == 2) ? "”" : "«";
    if (i % 50 == 0) body += " Gina Raimondo said ";
    if (i % 7 == 0) body += " export controls ";
  }
  std::string html = "<html><head><title>Quotes</title></head><body><article>";
  for (int i = 0; i < 5; ++i) html += "<p>" + Sentence(i) + body + "</p>";
  html += "</article></body></html>";
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  EXPECT_GT(t.doc.text.size(), body.size());
}

TEST(PathologicalPage, ParagraphOfNothingButAttributionsFinishes) {
  // Every few words a speaker and a cue, with commas and no full stop: each sentence piece
  // holds hundreds of candidate attributions, subjects, appositives and pronouns.
  std::string words;
  const char* kPieces[] = {"Helen Toner, a fellow, said", "and officials warned that",
                           "they added", "he argued, saying", "according to the report",
                           "who believes", "As Dario Amodei has argued,", "WALLACE:"};
  for (int i = 0; i < 12000; ++i) {
    words += kPieces[i % 8];
    words += (i % 3 == 0) ? " the export controls work, " : " ";
  }
  Timed t = Extract("<html><head><title>Attributions</title></head><body><p>" + words +
                    "</p></body></html>");
  ExpectSoundDocument(t);
  EXPECT_FALSE(t.doc.claims.empty());
  // Claims come from sentences of at most 2,000 bytes: never more than one per cue.
  EXPECT_LT(t.doc.claims.size(), size_t{12000});
}

TEST(PathologicalPage, ThousandsOfPeopleSharingASurnameFinish) {
  // Several people of one surname, some vouched for, some not, and the bare surname over and
  // over: who the bare surname is must not rescan the text at each one (it did, quadratically).
  const char* kSentences[] = {"Sen. Ted Roe spoke on Monday. ",
                              "Roe said the plan would fail. ",
                              "His father, Rafael Roe, who was born in Cuba, left. ",
                              "Hillary Roe has yet to answer. ",
                              "Mrs. Roe replied that it was late. ",
                              "Chelsea Roe, who is vice chairwoman, agreed. ",
                              "The Roe outlets, he said, were wrong. "};
  std::mt19937 random(7);
  std::string body;
  for (int i = 0; i < 24000; ++i) body += kSentences[random() % 7];
  Timed t =
      Extract("<html><head><title>Roes</title></head><body><p>" + body + "</p></body></html>");
  ExpectSoundDocument(t);
  EXPECT_FALSE(t.doc.claims.empty());
}

TEST(PathologicalPage, ParagraphOfPlainSubjectsAndPlacesFinishes) {
  // The subjects found by walking back from each verb: plain noun phrases after an opening
  // adjunct, people of a place in lists after a preposition, datelines and titles.
  std::string words;
  const char* kPieces[] = {"In the zone, Chinese traders also say",
                           "aides to Gov. Ann Roe of Ohio",
                           "and Gov. Bo Doe of Iowa, who ran, said",
                           "WASHINGTON (AP) \u2014",
                           "Sen. Jo Poe visited and said",
                           "and and and nearly half said",
                           "the budget office said",
                           "Ted Roe of Columbia, South Carolina says"};
  for (int i = 0; i < 12000; ++i) {
    words += kPieces[i % 8];
    words += (i % 5 == 0) ? " the export controls work, " : " ";
  }
  Timed t =
      Extract("<html><head><title>Subjects</title></head><body><p>" + words + "</p></body></html>");
  ExpectSoundDocument(t);
  EXPECT_FALSE(t.doc.claims.empty());
}

TEST(PathologicalPage, TitleCaseLinesOfNamesFinish) {
  // Headline words before first names, each line asking whether the text names the person
  // elsewhere (nowhere, for each line's own surname); surnames of two words; names of four.
  std::string body;
  for (int i = 0; i < 16000; ++i) {
    std::string surname = "Roe";
    for (int n = i; n > 0; n /= 26) surname += static_cast<char>('a' + n % 26);
    body += "<p>Speech Against Crooked Hillary " + surname +
            " And Wasserman Schultz Today</p><p>Julie A. Diaz Martinez said Wasserman "
            "Schultz, who met her, thinks the controls work.</p>";
  }
  Timed t = Extract("<html><head><title>Names</title></head><body>" + body + "</body></html>");
  ExpectSoundDocument(t);
  EXPECT_FALSE(t.doc.claims.empty());
}

TEST(PathologicalPage, MixedScriptsSurviveIntact) {
  const std::string mixed =
      "Chip export rules — Экспортный контроль — ضوابط التصدير — 出口管制 — "
      "निर्यात नियंत्रण — 수출 통제 — ตัวควบคุม — קיצוב — 🇺🇸🤖 — e\u0301 café";
  std::string html = "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mixed</title></head>"
                     "<body><article>";
  for (int i = 0; i < 4; ++i) html += "<p>" + Sentence(i) + mixed + "</p>";
  html += "</article></body></html>";
  Timed t = Extract(html);
  ExpectSoundDocument(t);
  for (const char* piece : {"Экспортный контроль", "ضوابط التصدير", "出口管制", "निर्यात नियंत्रण",
                            "수출 통제", "ตัวควบคุม", "קיצוב", "🇺🇸🤖", "café"}) {
    EXPECT_NE(t.doc.text.find(piece), std::string::npos) << piece;
  }
  EXPECT_FALSE(HasFlag(t.doc, "charset_replaced")) << Flags(t.doc);
}

}  // namespace
}  // namespace claimdex
