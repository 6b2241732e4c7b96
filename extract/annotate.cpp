#include "extract/annotate.h"

#include <algorithm>
#include <map>
#include <utility>

#include "extract/claims.h"
#include "extract/entities.h"
#include "extract/stance.h"

namespace claimdex {

class Annotator::Impl {
 public:
  explicit Impl(const Profile& profile) : matcher_(profile.entities), stance_(profile.targets) {
    for (const Target& t : profile.targets) targets_.push_back(t.id);
  }

  void Annotate(Document* doc) const {
    if (doc->paragraphs.empty()) doc->paragraphs = SplitParagraphs(doc->text);
    std::vector<Token> tokens = Tokenize(doc->text);
    EntityMatches matches = matcher_.Find(doc->text, tokens);
    doc->entities = EntitiesOf(*doc, tokens, matches);
    doc->claims = FindClaims(*doc, tokens, matches);
    std::vector<bool> named = stance_.TargetsNamed(tokens);
    std::map<std::pair<size_t, size_t>, int> per_sentence;
    for (const Claim& claim : doc->claims) ++per_sentence[{claim.start, claim.end}];
    for (Claim& claim : doc->claims) {
      if (claim.kind != "direct_quote" && !claim.quote.empty()) {
        // Indirect speech: the reported content, so that two claims of one sentence ("Toner
        // said the rules work, but Sacks argued they are overly restrictive") each get their
        // own speaker's position. The cue stays with it: "He refutes that the controls failed"
        // turns the content round, "criticized the ban" takes a side.
        claim.stances = stance_.Score(claim.cue + " " + claim.quote, named, 0, 0);
        // A content that does not name the target ("it should stay the course") is read in
        // its sentence, unless another claim shares the sentence and would lend it its words.
        if (!claim.stances.empty() || per_sentence[{claim.start, claim.end}] > 1) continue;
      }
      auto [skip_begin, skip_end] = AttributionSpan(claim);
      claim.stances = stance_.Score(claim.text, named, skip_begin, skip_end);
    }
    doc->stances = AggregateStances(doc->claims, targets_);
  }

 private:
  static std::vector<Entity> EntitiesOf(const Document& doc, const std::vector<Token>& tokens,
                                        const EntityMatches& matches) {
    std::vector<int> slot(matches.entities.size(), -1);
    std::vector<Entity> out;
    for (const EntityMention& m : matches.mentions) {
      const EntityRecord& record = matches.entities[static_cast<size_t>(m.entity)];
      int& s = slot[static_cast<size_t>(m.entity)];
      if (s < 0) {
        s = static_cast<int>(out.size());
        out.push_back({record.id, record.name, record.type, record.role, {}});
      }
      Mention mention;
      mention.start = tokens[m.first].start;
      mention.end = tokens[m.last - 1].end;
      mention.text = doc.text.substr(mention.start, mention.end - mention.start);
      mention.via = m.via;
      out[static_cast<size_t>(s)].mentions.push_back(std::move(mention));
    }
    return out;
  }

  EntityMatcher matcher_;
  StanceScorer stance_;
  std::vector<std::string> targets_;  // profile target ids, for every speaker's stance
};

Annotator::Annotator(const Profile& profile) : impl_(std::make_unique<Impl>(profile)) {}
Annotator::~Annotator() = default;

void Annotator::Annotate(Document* doc) const { impl_->Annotate(doc); }

std::vector<Paragraph> SplitParagraphs(const std::string& text) {
  std::vector<Paragraph> out;
  size_t start = std::string::npos;  // first non-blank byte of the current paragraph
  size_t last = 0;                   // one past its last non-blank byte
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    size_t b = pos;
    size_t e = eol;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    if (b == e) {  // a blank line ends the paragraph
      if (start != std::string::npos) out.push_back({"paragraph", start, last});
      start = std::string::npos;
    } else {
      if (start == std::string::npos) start = b;
      last = e;
    }
    pos = eol + 1;
  }
  if (start != std::string::npos) out.push_back({"paragraph", start, last});
  return out;
}

}  // namespace claimdex
