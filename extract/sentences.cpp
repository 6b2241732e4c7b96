#include "extract/sentences.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <memory>

namespace claimdex {
namespace {

struct BreakIteratorCloser {
  void operator()(UBreakIterator* it) const { ubrk_close(it); }
};
struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};
using BreakIteratorPtr = std::unique_ptr<UBreakIterator, BreakIteratorCloser>;
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Appends [start, end) trimmed, split into pieces of at most kMaxSentenceBytes.
void AppendBounded(std::string_view text, size_t start, size_t end, std::vector<TextSpan>* out) {
  while (start < end) {
    while (start < end && IsSpaceByte(text[start])) ++start;
    size_t stop = end;
    while (stop > start && IsSpaceByte(text[stop - 1])) --stop;
    if (start >= stop) return;
    if (stop - start <= kMaxSentenceBytes) {
      out->push_back({start, stop});
      return;
    }
    size_t cut = start + kMaxSentenceBytes;
    size_t space = cut;
    while (space > start + kMaxSentenceBytes / 2 && !IsSpaceByte(text[space])) --space;
    if (IsSpaceByte(text[space])) {
      cut = space;
    } else {
      while (cut > start + 1 && IsContinuationByte(text[cut])) --cut;
    }
    size_t piece_end = cut;
    while (piece_end > start && IsSpaceByte(text[piece_end - 1])) --piece_end;
    out->push_back({start, piece_end});
    start = cut;
  }
}

// "Charles B. Rangel": a break right after a lone capital and its period, before another
// capitalised word, is a middle initial, not the end of a sentence.
bool AfterMiddleInitial(std::string_view text, size_t at) {
  size_t i = at;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i < 3 || text[i - 1] != '.') return false;
  char initial = text[i - 2];
  if (initial < 'A' || initial > 'Z' || text[i - 3] != ' ') return false;
  if (at == i || at >= text.size()) return false;  // no space: "U.S." and the like
  return text[at] >= 'A' && text[at] <= 'Z';
}

}  // namespace

std::vector<TextSpan> SplitSentences(std::string_view text, size_t begin, size_t end) {
  std::vector<TextSpan> out;
  if (end > text.size()) end = text.size();
  if (begin >= end) return out;
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" suppresses breaks after abbreviations ("Sen.", "U.S.").
  // UText over UTF-8 keeps native indexes, so every boundary is a byte offset.
  UTextPtr utext(
      utext_openUTF8(nullptr, text.data() + begin, static_cast<int64_t>(end - begin), &status));
  // Opening an "ss=standard" iterator builds its abbreviation filter (slow), so each thread
  // keeps one and points it at each new text.
  thread_local BreakIteratorPtr it;
  if (!it) {
    UErrorCode open_status = U_ZERO_ERROR;
    it.reset(ubrk_open(UBRK_SENTENCE, "en@ss=standard", nullptr, 0, &open_status));
    if (U_FAILURE(open_status)) it.reset();
  }
  if (it && U_SUCCESS(status)) ubrk_setUText(it.get(), utext.get(), &status);
  if (U_FAILURE(status) || !it) {
    AppendBounded(text, begin, end, &out);
    return out;
  }
  int32_t prev = ubrk_first(it.get());
  for (int32_t next = ubrk_next(it.get()); next != UBRK_DONE; next = ubrk_next(it.get())) {
    size_t at = begin + static_cast<size_t>(next);
    if (at < end && AfterMiddleInitial(text, at)) continue;
    AppendBounded(text, begin + static_cast<size_t>(prev), begin + static_cast<size_t>(next), &out);
    prev = next;
  }
  return out;
}

}  // namespace claimdex
