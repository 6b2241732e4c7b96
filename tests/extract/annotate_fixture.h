// The knowledge base and helpers shared by the annotation tests: a few people and
// organisations of the export-control debate and one target.
#ifndef CLAIMDEX_TESTS_EXTRACT_ANNOTATE_FIXTURE_H_
#define CLAIMDEX_TESTS_EXTRACT_ANNOTATE_FIXTURE_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/document.h"
#include "corpus/profile.h"
#include "extract/annotate.h"

namespace claimdex {
namespace annotate_fixture {

inline KbEntity Person(std::string id, std::string name, std::string gender,
                std::vector<std::string> aliases = {}, std::vector<std::string> roles = {}) {
  KbEntity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = "person";
  e.gender = std::move(gender);
  e.aliases = std::move(aliases);
  e.roles = std::move(roles);
  return e;
}

inline KbEntity Org(std::string id, std::string name) {
  KbEntity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = "organization";
  return e;
}

inline KbEntity Place(std::string id, std::string name, std::vector<std::string> aliases = {}) {
  KbEntity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = "place";
  e.aliases = std::move(aliases);
  return e;
}

inline Profile TestProfile() {
  Profile p;
  p.name = "test";
  p.entities = {Person("helen-toner", "Helen Toner", "female", {}, {"CSET director"}),
                Person("dario-amodei", "Dario Amodei", "male", {}, {"Anthropic CEO"}),
                Person("jensen-huang", "Jensen Huang", "male", {"Jansen Huang"}),
                Org("nvidia", "Nvidia"),
                Org("microsoft", "Microsoft"),
                Org("anthropic", "Anthropic"),
                Place("china", "China"),
                Place("united-states", "United States", {"US", "U.S."})};
  Target t;
  t.id = "export-controls";
  t.name = "export controls";
  t.aliases = {"export controls", "chip ban"};
  t.support = {"stay the course"};
  t.oppose = {"overly restrictive"};
  p.targets = {t};
  return p;
}

inline Document Annotated(const std::string& text) {
  static const Annotator annotator(TestProfile());
  Document doc;
  doc.id = "d:test";
  doc.text = text;
  annotator.Annotate(&doc);
  return doc;
}

// The claim whose quote (content) contains `fragment`, else the first whose sentence text
// does (several claims of one sentence share its text), or nullptr.
inline const Claim* ClaimWith(const Document& doc, const std::string& fragment) {
  for (const Claim& c : doc.claims) {
    if (c.quote.find(fragment) != std::string::npos) return &c;
  }
  for (const Claim& c : doc.claims) {
    if (c.text.find(fragment) != std::string::npos) return &c;
  }
  return nullptr;
}

// Checks a claim's speaker against `want`: an entity id, "unnamed:WORDS" for a source the
// text describes without naming (its words, no id, never a person), or "" for no speaker.
inline void ExpectSpeaker(const Claim& claim, const std::string& want, const std::string& text) {
  if (want.empty()) {
    EXPECT_FALSE(claim.speaker.has_value()) << claim.speaker->name << " in " << text;
  } else if (want.rfind("unnamed:", 0) == 0) {
    ASSERT_TRUE(claim.speaker.has_value()) << text;
    EXPECT_EQ(claim.speaker->type, "unnamed") << text;
    EXPECT_EQ(claim.speaker->id, "") << text;
    EXPECT_EQ(claim.speaker->name, want.substr(8)) << text;
  } else {
    ASSERT_TRUE(claim.speaker.has_value()) << text;
    EXPECT_EQ(claim.speaker->id, want) << text;
  }
}

}  // namespace annotate_fixture
}  // namespace claimdex

#endif  // CLAIMDEX_TESTS_EXTRACT_ANNOTATE_FIXTURE_H_
