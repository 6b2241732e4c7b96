#include "extract/content.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/dom.h"
#include "extract/hints.h"
#include "extract/text_util.h"

namespace claimdex {
namespace {

constexpr int kMaxEmitDepth = 600;
constexpr size_t kMinParagraphChars = 25;
constexpr size_t kRetryBelowChars = 250;
constexpr size_t kWeakKeepChars = 500;
constexpr size_t kTopCandidates = 5;
constexpr int kMaxWidenSteps = 2;
constexpr int kWidenLevels = 3;
constexpr size_t kLongProseChars = 2000;

struct NodeStats {
  size_t text = 0;  // visible code points, whitespace excluded
  size_t link = 0;  // of which inside <a>
  size_t commas = 0;
  bool block_desc = false;  // has a structural block element below it
  bool excluded = false;    // inside an element the hints call boilerplate
};

bool IsStructuralBlock(const GumboNode* node) {
  return IsElement(node) && node->v.element.tag != GUMBO_TAG_BR && IsBlockTag(node->v.element.tag);
}

bool HoldsMostText(const NodeStats& s, const NodeStats& whole) {
  if (s.text * 2 > whole.text && s.link * 10 < s.text * 3) return true;
  // A long run of nearly link-free prose holding a good share of a page with heavy chrome.
  return s.text >= kLongProseChars && s.text * 10 >= whole.text * 3 && s.link * 20 < s.text;
}

bool IsUnlikely(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
      return false;
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
      return true;
    default:
      break;
  }
  Hint hint = ElementHint(node);
  return hint == Hint::kStrongNegative || hint == Hint::kWeakNegative;
}

// Bottom-up text statistics for every element, in one walk.
class StatsHandler : public DomHandler {
 public:
  explicit StatsHandler(bool relaxed) : relaxed_(relaxed) {}

  void Enter(const GumboNode* node) override {
    if (IsElement(node)) {
      frames_.push_back(NodeStats{});
      elements.push_back(node);
      if (IsTag(node, GUMBO_TAG_A)) ++in_link_;
      if (Hidden(node)) ++hidden_;
      return;
    }
    if (frames_.empty() || hidden_ > 0 || node->type != GUMBO_NODE_TEXT) return;
    std::string_view text(node->v.text.text);
    size_t n = 0, commas = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if ((c & 0xC0) == 0x80 || c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
      ++n;
      if (c == ',') ++commas;
      // U+FF0C fullwidth comma and U+3001 ideographic comma.
      if (text.compare(i, 3, "\xEF\xBC\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0)
        ++commas;
    }
    NodeStats& top = frames_.back();
    top.text += n;
    top.commas += commas;
    if (in_link_ > 0) top.link += n;
  }

  void Exit(const GumboNode* node) override {
    if (!IsElement(node)) return;
    NodeStats frame = frames_.back();
    frames_.pop_back();
    if (IsTag(node, GUMBO_TAG_A)) --in_link_;
    bool hidden = Hidden(node);
    if (hidden) --hidden_;
    stats[node] = frame;
    if (frames_.empty() || hidden) return;
    NodeStats& parent = frames_.back();
    parent.text += frame.text;
    parent.link += frame.link;
    parent.commas += frame.commas;
    parent.block_desc = parent.block_desc || frame.block_desc || IsStructuralBlock(node);
  }

  // Marks boilerplate subtrees, top-down, once the text statistics are known. A container
  // holding most of the page's prose is never boilerplate, whatever its class says
  // ("section--article-template under-menu").
  void MarkExcluded() {
    if (relaxed_ || elements.empty()) return;
    const NodeStats& page = stats.at(elements.front());
    for (const GumboNode* el : elements) {
      NodeStats& s = stats.at(el);
      const GumboNode* parent = el->parent;
      bool parent_excluded = IsElement(parent) && stats.count(parent) && stats.at(parent).excluded;
      s.excluded = parent_excluded || (IsUnlikely(el) && !HoldsMostText(s, page));
    }
  }

  // Streaming server renderers send the article in a <div hidden> that a script reveals; when
  // the strict pass finds too little text, the relaxed pass reads such blocks. Hiding by style
  // or aria-hidden always holds.
  bool relaxed() const { return relaxed_; }

  bool Hidden(const GumboNode* node) const {
    if (!relaxed_ || !IsElement(node) ||
        gumbo_get_attribute(&node->v.element.attributes, "hidden") == nullptr)
      return IsHidden(node);
    std::string style;
    for (char c : AsciiLower(Attr(node, "style"))) {
      if (c != ' ') style.push_back(c);
    }
    return AsciiLower(Attr(node, "aria-hidden")) == "true" ||
           style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
  }

  std::unordered_map<const GumboNode*, NodeStats> stats;
  std::vector<const GumboNode*> elements;  // pre-order

 private:
  bool relaxed_;
  std::vector<NodeStats> frames_;
  int in_link_ = 0;
  int hidden_ = 0;
};

double TagBonus(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ARTICLE:
      return 10;
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_DIV:
      return 5;
    case GUMBO_TAG_SECTION:
      return 3;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

double ClassWeight(const GumboNode* node) {
  switch (ElementHint(node)) {
    case Hint::kPositive:
      return 25;
    case Hint::kStrongNegative:
      return -50;
    case Hint::kWeakNegative:
      return -25;
    default:
      return 0;
  }
}

bool IsParagraphLike(const GumboNode* node, const NodeStats& s) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_DD:
      return true;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_SPAN:
      return !s.block_desc;
    default:
      return false;
  }
}

class Scorer {
 public:
  explicit Scorer(const StatsHandler& stats) : stats_(stats) {}

  // The best-scoring container and its score, or nullptr when no paragraph was found.
  const GumboNode* Run(double* best_score) {
    for (const GumboNode* el : stats_.elements) {
      const NodeStats& s = stats_.stats.at(el);
      if (s.excluded || s.text < kMinParagraphChars || !IsParagraphLike(el, s)) continue;
      double score = 1.0 + static_cast<double>(s.commas) + std::min(s.text / 100.0, 3.0);
      const GumboNode* anc = el->parent;
      for (int level = 0; level < 5 && IsElement(anc); ++level, anc = anc->parent) {
        double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        Score(anc) += score / divider;
      }
    }
    const GumboNode* best = nullptr;
    *best_score = 0;
    for (const auto& [node, raw] : scores_) {
      double final_score = raw * (1.0 - LinkDensity(node));
      final_[node] = final_score;
      if (best == nullptr || final_score > *best_score ||
          (final_score == *best_score && Order(node) < Order(best))) {
        best = node, *best_score = final_score;
      }
    }
    if (best == nullptr) return best;
    best = Promote(best, *best_score);
    return Widen(best, *best_score);
  }

  double FinalScore(const GumboNode* node) const {
    auto it = final_.find(node);
    return it == final_.end() ? 0.0 : it->second;
  }

  double LinkDensity(const GumboNode* node) const {
    const NodeStats& s = stats_.stats.at(node);
    return s.text == 0 ? 0.0 : static_cast<double>(s.link) / static_cast<double>(s.text);
  }

 private:
  double& Score(const GumboNode* node) {
    auto it = scores_.find(node);
    if (it != scores_.end()) return it->second;
    double init = TagBonus(node->v.element.tag) + ClassWeight(node);
    return scores_.emplace(node, init).first->second;
  }

  size_t Order(const GumboNode* node) {
    if (order_.empty()) {
      for (size_t i = 0; i < stats_.elements.size(); ++i) order_[stats_.elements[i]] = i;
    }
    return order_[node];
  }

  // Article text split over several sibling wrappers makes each wrapper a candidate; when
  // three of the top candidates score alike, their common ancestor is the article.
  const GumboNode* Promote(const GumboNode* best, double best_score) const {
    std::vector<std::pair<double, const GumboNode*>> top;
    for (const auto& [node, score] : final_) top.push_back({score, node});
    size_t n = std::min(top.size(), kTopCandidates);
    std::partial_sort(top.begin(), top.begin() + n, top.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const GumboNode*> alike;
    for (size_t i = 0; i < n; ++i) {
      if (top[i].second != best && top[i].first >= 0.75 * best_score)
        alike.push_back(top[i].second);
    }
    if (alike.size() >= 2) {
      for (const GumboNode* anc = best->parent; IsElement(anc) && !IsTag(anc, GUMBO_TAG_BODY);
           anc = anc->parent) {
        size_t inside = 0;
        for (const GumboNode* c : alike) inside += IsAncestor(anc, c);
        if (inside >= 2) {
          best = anc;
          break;
        }
      }
    }
    // A wrapper with a single child says nothing; its parent may hold siblings of the text.
    while (IsElement(best->parent) && !IsTag(best->parent, GUMBO_TAG_BODY) &&
           ElementChildren(best->parent) == 1)
      best = best->parent;
    return best;
  }

  // The article split into sibling sections (one per heading, one per product) leaves the
  // best one a part of it. A near ancestor that scores at least half as high from all their
  // paragraphs together and holds far more prose is the article, unless link-heavy (a
  // listing or sidebar).
  const GumboNode* Widen(const GumboNode* best, double best_score) const {
    for (int step = 0; step < kMaxWidenSteps; ++step) {
      const NodeStats& bs = stats_.stats.at(best);
      const GumboNode* found = nullptr;
      const GumboNode* anc = best->parent;
      for (int up = 0; up < kWidenLevels && IsElement(anc); ++up, anc = anc->parent) {
        if (IsTag(anc, GUMBO_TAG_BODY) || IsTag(anc, GUMBO_TAG_HTML)) break;
        const NodeStats& as = stats_.stats.at(anc);
        if (as.excluded || LinkDensity(anc) >= 0.2) break;
        if (FinalScore(anc) >= 0.5 * best_score &&
            (as.text - as.link) * 10 >= (bs.text - bs.link) * 25) {
          found = anc;
          break;
        }
      }
      if (found == nullptr) break;
      best = found;
    }
    return best;
  }

  static bool IsAncestor(const GumboNode* anc, const GumboNode* node) {
    for (const GumboNode* p = node->parent; p; p = p->parent) {
      if (p == anc) return true;
    }
    return false;
  }

  static size_t ElementChildren(const GumboNode* node) {
    size_t n = 0;
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
      n += IsElement(static_cast<const GumboNode*>(kids.data[i]));
    return n;
  }

  const StatsHandler& stats_;
  std::unordered_map<const GumboNode*, double> scores_;
  std::unordered_map<const GumboNode*, double> final_;
  std::unordered_map<const GumboNode*, size_t> order_;
};

// The top candidate plus those of its siblings that look like more of the same article.
std::vector<const GumboNode*> ContentRoots(const GumboNode* top, double top_score,
                                           const Scorer& scorer, const StatsHandler& stats) {
  const GumboNode* parent = top->parent;
  if (!IsElement(parent)) return {top};
  std::vector<const GumboNode*> roots;
  double threshold = std::max(10.0, top_score * 0.2);
  std::string top_class(Attr(top, "class"));
  const GumboVector& kids = parent->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const GumboNode* sib = static_cast<const GumboNode*>(kids.data[i]);
    if (!IsElement(sib)) continue;
    if (sib == top) {
      roots.push_back(sib);
      continue;
    }
    const NodeStats& s = stats.stats.at(sib);
    if (s.excluded) continue;
    double bonus = (!top_class.empty() && Attr(sib, "class") == top_class) ? top_score * 0.2 : 0;
    double ld = scorer.LinkDensity(sib);
    bool take = scorer.FinalScore(sib) + bonus >= threshold;
    if (!take && IsTag(sib, GUMBO_TAG_P)) {
      std::string text = NodeText(sib);
      take = (s.text > 80 && ld < 0.25) ||
             (s.text > 0 && s.text <= 80 && ld == 0 && text.find(". ") != std::string::npos);
    }
    if (take) roots.push_back(sib);
  }
  return roots;
}

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_SOURCE:
      return true;
    default:
      return false;
  }
}

// A block whose lines are separated by <br><br> holds several paragraphs.
bool HasBrChild(const GumboNode* node) {
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    if (IsTag(static_cast<const GumboNode*>(kids.data[i]), GUMBO_TAG_BR)) return true;
  }
  return false;
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Walks the chosen containers and writes their blocks in reading order.
class Emitter {
 public:
  explicit Emitter(const StatsHandler& stats) : stats_(stats) {}

  void EmitRoot(const GumboNode* root) {
    root_stats_ = &stats_.stats.at(root);
    Emit(root, 0, true, false);
    Flush(false);
  }

  std::vector<ContentBlock> Take() { return std::move(blocks_); }

 private:
  void Emit(const GumboNode* node, int depth, bool is_root, bool quote) {
    if (depth > kMaxEmitDepth || stats_.Hidden(node)) return;
    GumboTag tag = node->v.element.tag;
    if (!is_root && Skip(node)) return;
    const NodeStats& s = stats_.stats.at(node);
    if (IsHeading(tag)) return Block(quote ? "quote" : "heading", NodeText(node), quote);
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL) {
      if (EmitList(node, quote)) return;
    }
    if (tag == GUMBO_TAG_BLOCKQUOTE) quote = true;
    bool block = IsStructuralBlock(node);
    if (!s.block_desc && !(block && HasBrChild(node))) {
      if (!block) return AppendInline(node);
      return Block(quote ? "quote" : "paragraph", NodeText(node), quote);
    }
    if (block) Flush(quote);
    const GumboVector& kids = node->v.element.children;
    bool last_br = false;
    for (unsigned i = 0; i < kids.length; ++i) {
      const GumboNode* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (kid->type == GUMBO_NODE_TEXT || kid->type == GUMBO_NODE_WHITESPACE) {
        pending_ += kid->v.text.text;
        if (kid->type == GUMBO_NODE_TEXT) last_br = false;
      } else if (IsTag(kid, GUMBO_TAG_BR)) {
        if (last_br) Flush(quote);
        pending_ += ' ';
        last_br = true;
      } else if (IsElement(kid)) {
        Emit(kid, depth + 1, false, quote);
        last_br = false;
      }
    }
    if (block) Flush(quote);
  }

  bool Skip(const GumboNode* node) const {
    GumboTag tag = node->v.element.tag;
    if (IsSkippedTag(tag)) return true;
    Hint hint = ElementHint(node);
    const NodeStats& s = stats_.stats.at(node);
    if (hint != Hint::kNone && hint != Hint::kPositive && HoldsMostText(s, *root_stats_))
      hint = Hint::kNone;
    if (hint == Hint::kStrongNegative) return true;
    if (s.text == 0) return false;
    double ld = static_cast<double>(s.link) / static_cast<double>(s.text);
    // A weak hint ("widget", "meta") on a block of real prose is not enough to drop it.
    // In the relaxed pass (nothing found otherwise) only link-heavy weak blocks go.
    if (hint == Hint::kWeakNegative &&
        ((!stats_.relaxed() && s.text < kWeakKeepChars) || ld > 0.25))
      return true;
    if (tag == GUMBO_TAG_A) return false;  // an inline link inside running text
    return ld > (tag == GUMBO_TAG_P ? 0.75 : 0.5);
  }

  // A list whose items hold only inline content becomes one "list" block.
  bool EmitList(const GumboNode* list, bool quote) {
    std::vector<std::string> items;
    const GumboVector& kids = list->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const GumboNode* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (!IsElement(kid) || stats_.Hidden(kid)) continue;
      if (stats_.stats.at(kid).block_desc) return false;
      std::string text = NodeText(kid);
      if (!text.empty()) items.push_back(std::move(text));
    }
    Flush(quote);
    std::string joined;
    for (const std::string& item : items) {
      if (!joined.empty()) joined += '\n';
      joined += item;
    }
    Block(quote ? "quote" : "list", joined, quote);
    return true;
  }

  void AppendInline(const GumboNode* node) {
    pending_ += ' ';
    pending_ += NodeText(node);
    pending_ += ' ';
  }

  void Block(const std::string& kind, const std::string& text, bool quote) {
    Flush(quote);
    if (!text.empty()) blocks_.push_back({kind, text});
  }

  void Flush(bool quote) {
    std::string text = CollapseWhitespace(pending_);
    pending_.clear();
    if (!text.empty()) blocks_.push_back({quote ? "quote" : "paragraph", std::move(text)});
  }

  const StatsHandler& stats_;
  const NodeStats* root_stats_ = nullptr;
  std::vector<ContentBlock> blocks_;
  std::string pending_;
};

const GumboNode* FindBody(const GumboNode* root) {
  if (!IsElement(root)) return nullptr;
  const GumboVector& kids = root->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const GumboNode* kid = static_cast<const GumboNode*>(kids.data[i]);
    if (IsTag(kid, GUMBO_TAG_BODY)) return kid;
  }
  return root;
}

bool IsBoilerplateLine(const std::string& text) {
  if (text.size() > 60) return false;
  std::string lower = AsciiLower(text);
  static constexpr std::string_view kStarts[] = {
      "advertisement",    "sponsored",  "share this", "share on",  "read more", "related:",
      "continue reading", "click here", "sign up",    "subscribe", "skip to",   "follow us",
      "scroll to",        "loading",    "photo:",     "image:",    "credit:",   "getty images"};
  for (std::string_view s : kStarts) {
    if (lower.rfind(s, 0) == 0) return true;
  }
  return false;
}

size_t TotalChars(const std::vector<ContentBlock>& blocks) {
  size_t n = 0;
  for (const ContentBlock& b : blocks) n += b.text.size();
  return n;
}

// `*found` tells whether a scored container was found (else the whole body was taken).
std::vector<ContentBlock> ExtractWith(const GumboNode* root, bool relaxed, bool* found) {
  StatsHandler stats(relaxed);
  WalkDom(root, {&stats});
  stats.MarkExcluded();
  Scorer scorer(stats);
  double top_score = 0;
  const GumboNode* top = scorer.Run(&top_score);
  *found = top != nullptr;
  Emitter emitter(stats);
  if (top == nullptr) {
    const GumboNode* body = FindBody(root);
    if (body != nullptr) emitter.EmitRoot(body);
  } else {
    for (const GumboNode* r : ContentRoots(top, top_score, scorer, stats)) emitter.EmitRoot(r);
  }
  std::vector<ContentBlock> blocks = emitter.Take();
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                              [](const ContentBlock& b) { return IsBoilerplateLine(b.text); }),
               blocks.end());
  return blocks;
}

}  // namespace

std::vector<ContentBlock> ExtractContent(const GumboNode* root) {
  if (root == nullptr) return {};
  bool found = false, relaxed_found = false;
  std::vector<ContentBlock> blocks = ExtractWith(root, false, &found);
  if (found && TotalChars(blocks) >= kRetryBelowChars) return blocks;
  std::vector<ContentBlock> relaxed = ExtractWith(root, true, &relaxed_found);
  // Every paragraph inside hinted-away wrappers (page builders call each block a "widget"):
  // the relaxed pass's scored container beats the strict pass's whole-body fallback.
  if (!found && relaxed_found && TotalChars(relaxed) >= kRetryBelowChars) return relaxed;
  return TotalChars(relaxed) > TotalChars(blocks) ? relaxed : blocks;
}

}  // namespace claimdex
