// Test fixtures shared by the index and query tests: a temp directory and a small corpus of
// Documents built in code (no files from /work/shared).
#ifndef CLAIMDEX_TESTS_INDEX_TEST_DOCS_H_
#define CLAIMDEX_TESTS_INDEX_TEST_DOCS_H_

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus/document.h"

namespace claimdex::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "claimdex-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string db() const { return path_ + "/xapian"; }

 private:
  std::string path_;
};

struct ClaimSpec {
  std::string id, text, speaker_id, speaker_name, role, kind = "indirect", quote;
  std::vector<std::pair<std::string, std::string>> stances;  // target, label
  std::vector<std::string> entities;
};

inline double ScoreOf(const std::string& label) {
  return label == "support" ? 0.7 : label == "oppose" ? -0.7 : 0.0;
}

// One paragraph per claim; claim texts joined by blank lines.
inline Document MakeDoc(const std::string& id, const std::string& outlet, const std::string& date,
                        const std::string& title, const std::vector<ClaimSpec>& claims) {
  Document d;
  d.id = id;
  d.url = "https://" + id.substr(2) + ".example.com/story/" + id.substr(2);
  d.canonical_url = d.url;
  d.fetched = "2025-04-02T10:00:00Z";
  d.warc = WarcRef{"claimdex-20250402100000-00001.warc.gz", 4096, "<urn:uuid:" + id + ">"};
  d.title = title;
  d.published = date;
  d.publisher = outlet;
  d.language = "en";
  for (const ClaimSpec& spec : claims) {
    if (!d.text.empty()) d.text += "\n\n";
    Paragraph p{"paragraph", d.text.size(), d.text.size() + spec.text.size()};
    d.text += spec.text;
    d.paragraphs.push_back(p);
    Claim c;
    c.id = spec.id;
    c.text = spec.text;
    c.start = p.start;
    c.end = p.end;
    c.paragraph = static_cast<int>(d.paragraphs.size() - 1);
    c.kind = spec.kind;
    c.quote = spec.quote;
    c.cue = "said";
    if (!spec.speaker_id.empty()) {
      SpeakerRef s;
      s.id = spec.speaker_id;
      s.name = spec.speaker_name;
      s.type = "person";
      s.role = spec.role;
      s.via = "explicit";
      s.confidence = 0.9;
      c.speaker = s;
    }
    for (const auto& [target, label] : spec.stances) {
      c.stances.push_back({target, label, ScoreOf(label), {"cue for " + label}});
    }
    c.entities = spec.entities;
    for (const std::string& e : spec.entities) {
      bool known = false;
      for (const Entity& x : d.entities) known = known || x.id == e;
      if (!known) d.entities.push_back(Entity{e, "Name of " + e, "organization", "", {}});
    }
    d.claims.push_back(c);
  }
  return d;
}

inline const char* kVillasenorQuote =
    "to attempt to limit the ability of people in 150 countries to perform fast multiplications";

inline ClaimSpec VillasenorClaim(const std::string& id, const std::string& punct) {
  return {id,
          "\xE2\x80\x9C" "A decade from now, people will look back at how quixotic it was " +
              std::string(kVillasenorQuote) + punct + "\xE2\x80\x9D said John Villasenor.",
          "john-villasenor",
          "John Villasenor",
          "Brookings, UCLA",
          "direct_quote",
          kVillasenorQuote + punct,
          {{"export-controls", "oppose"}},
          {"deepseek"}};
}

// Seven articles, ten claims: the same Villasenor quote in three outlets (2025-02-21,
// 2025-02-22, 2025-02-25), Sacks and Toner on export controls from 2025-01-01 to 2025-04-01,
// one undated article.
inline std::vector<Document> SampleCorpus() {
  return {
      MakeDoc("d:a1", "Real Time Headlines", "2025-02-22",
              "After DeepSeek, the AI version of the trade war is not easy",
              {VillasenorClaim("c:a101", ","),
               {"c:a102", "Sacks said the diffusion rule restrictions would hurt American chip exports.",
                "david-sacks", "David Sacks", "White House AI and crypto czar", "indirect", "",
                {{"export-controls", "oppose"}, {"diffusion-rule", "oppose"}}, {"nvidia"}}}),
      MakeDoc("d:b1", "Tech Daily", "2025-02-21", "Chip war: a quixotic fight",
              {VillasenorClaim("c:b101", "!"),
               {"c:b102", "Toner said the export controls should stay the course.", "helen-toner",
                "Helen Toner", "Georgetown CSET", "indirect", "",
                {{"export-controls", "support"}}, {}}}),
      MakeDoc("d:c1", "Policy Wire", "2025-02-25", "Experts weigh the AI race",
              {VillasenorClaim("c:c101", "")}),
      MakeDoc("d:e1", "Chip Times", "2025-01-01", "New year, new chip rules",
              {{"c:e101", "Sacks praised the chip ban as smart policy.", "david-sacks",
                "David Sacks", "", "indirect", "", {{"export-controls", "support"}}, {"nvidia"}}}),
      MakeDoc("d:f1", "Chip Times", "2025-03-31", "Quarter end: export rules, reviewed",
              {{"c:f101", "Toner called the rules a mixed bag for \"allies, partners, and friends\".",
                "helen-toner", "Helen Toner", "Georgetown CSET", "paraphrase", "",
                {{"export-controls", "mixed"}}, {}}}),
      MakeDoc("d:bb1", "Undated Blog", "", "An undated post on export controls",
              {{"c:bb101", "Toner discussed export controls in an undated interview.", "helen-toner",
                "Helen Toner", "", "indirect", "", {{"export-controls", "neutral"}}, {}}}),
      MakeDoc("d:aa1", "Tech Daily", "2025-04-01", "April: the diffusion rule debate",
              {{"c:aa101", "Sacks argued that restricting chips to allies backfires.", "david-sacks",
                "David Sacks", "", "indirect", "", {{"export-controls", "oppose"}}, {}},
               {"c:aa102", "The outlet noted nothing in particular about semiconductors.", "", "", "",
                "author", "", {}, {}}}),
  };
}

}  // namespace claimdex::testing

#endif  // CLAIMDEX_TESTS_INDEX_TEST_DOCS_H_
