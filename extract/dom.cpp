#include "extract/dom.h"

#include <utility>

#include "extract/text_util.h"

namespace claimdex {

HtmlDocument::HtmlDocument(std::string html) : html_(std::move(html)) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 16;  // errors are not used; recording them all costs memory
  output_ = gumbo_parse_with_options(&options, html_.data(), html_.size());
}

HtmlDocument::~HtmlDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

const GumboNode* HtmlDocument::root() const { return output_->root; }

bool IsElement(const GumboNode* node) { return node && node->type == GUMBO_NODE_ELEMENT; }

bool IsTag(const GumboNode* node, GumboTag tag) {
  return IsElement(node) && node->v.element.tag == tag;
}

std::string TagName(const GumboNode* node) {
  if (!IsElement(node)) return "";
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN)
    return gumbo_normalized_tagname(node->v.element.tag);
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return AsciiLower(std::string_view(piece.data, piece.length));
}

std::string_view Attr(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

std::string ClassAndId(const GumboNode* node) {
  std::string s(Attr(node, "class"));
  s += ' ';
  s += Attr(node, "id");
  return AsciiLower(s);
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BR:
      return true;
    default:
      return false;
  }
}

bool IsHidden(const GumboNode* node) {
  if (!IsElement(node)) return false;
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
  if (AsciiLower(Attr(node, "aria-hidden")) == "true") return true;
  std::string style = AsciiLower(Attr(node, "style"));
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (c != ' ') compact.push_back(c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

namespace {

class TextCollector : public DomHandler {
 public:
  explicit TextCollector(size_t max_bytes) : max_bytes_(max_bytes) {}
  void Enter(const GumboNode* node) override {
    if (raw_.size() > max_bytes_) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      raw_ += node->v.text.text;
    } else if (IsElement(node) && IsBlockTag(node->v.element.tag)) {
      raw_ += ' ';
    }
  }
  void Exit(const GumboNode* node) override {
    if (IsElement(node) && IsBlockTag(node->v.element.tag)) raw_ += ' ';
  }
  std::string Result() const { return CollapseWhitespace(raw_); }

 private:
  size_t max_bytes_;
  std::string raw_;
};

}  // namespace

std::string NodeText(const GumboNode* node, size_t max_bytes) {
  TextCollector collector(max_bytes);
  WalkDom(node, {&collector});
  return collector.Result();
}

void WalkDom(const GumboNode* root, const std::vector<DomHandler*>& handlers) {
  if (root == nullptr) return;
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack;
  auto enter = [&](const GumboNode* n) {
    for (DomHandler* h : handlers) h->Enter(n);
    stack.push_back({n, 0});
  };
  enter(root);
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboNode* n = top.node;
    const GumboVector* children = nullptr;
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
      children = &n->v.element.children;
    } else if (n->type == GUMBO_NODE_DOCUMENT) {
      children = &n->v.document.children;
    }
    if (children && top.next_child < children->length) {
      const GumboNode* child = static_cast<const GumboNode*>(children->data[top.next_child++]);
      enter(child);
      continue;
    }
    stack.pop_back();
    for (DomHandler* h : handlers) h->Exit(n);
  }
}

}  // namespace claimdex
