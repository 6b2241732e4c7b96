// A forward-only JSON reader for the records claimdex writes itself (a claim, a search hit's
// source), read field by field into structs without building a DOM. nlohmann's parser builds an
// ordered DOM first and reads one character at a time through an input adapter: decoding the ten
// claims of a search page that way was a fifth of a fast search (bench/index_bench.cpp).
//
// The scanner accepts exactly JSON (RFC 8259) as nlohmann does: strings must be valid UTF-8
// with valid escapes (surrogate pairs joined), numbers follow the grammar. A reader built on it
// returns false at anything it does not expect, and its caller then falls back to nlohmann,
// which gives the error message: the scanner never has to explain a failure, only to be right
// when it succeeds.

#ifndef CLAIMDEX_CORPUS_JSON_SCAN_H_
#define CLAIMDEX_CORPUS_JSON_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimdex {

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view text) : text_(text) {}

  // Calls `on_key(key)` for each member of the object at the cursor; `on_key` reads the value
  // (or Skip()s it) and returns false to fail. False on any syntax error.
  template <typename Fn>
  bool Object(Fn on_key);
  // Calls `on_element()` for each element of the array at the cursor, which reads it.
  template <typename Fn>
  bool Array(Fn on_element);

  // The value at the cursor, if it is of that type (else false, cursor unspecified).
  bool String(std::string* out);
  bool Unsigned(uint64_t* out);  // a non-negative integer (no fraction, no exponent)
  bool Integer(int64_t* out);    // an integer (no fraction, no exponent)
  // Any number, as nlohmann reads it: an integer token converted from its integer value, any
  // other token parsed as a double.
  bool Number(double* out);
  // Consumes a null if the value at the cursor is one.
  bool TakeNull();
  // Whether the value at the cursor starts a string / an object.
  bool AtString() { return Peek() == '"'; }
  bool AtObject() { return Peek() == '{'; }
  // Skips any one value, checking its syntax.
  bool Skip();
  // Only whitespace is left.
  bool AtEnd();
  // Where the cursor is (after whitespace skipped by the last read).
  size_t position() const { return pos_; }

 private:
  char Peek() {
    SkipSpace();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }
  bool Take(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }
  // The number token at the cursor (checked against JSON's grammar); `*integer`: no fraction
  // or exponent.
  bool NumberToken(std::string_view* token, bool* integer);
  bool Literal(std::string_view word);
  bool ReadString(std::string* out);  // out may be null: checked and skipped
  bool SkipDepth(int depth);

  std::string_view text_;
  size_t pos_ = 0;
};

template <typename Fn>
bool JsonScanner::Object(Fn on_key) {
  if (!Take('{')) return false;
  if (Take('}')) return true;
  std::string key;
  do {
    if (Peek() != '"' || !ReadString(&key) || !Take(':') || !on_key(key)) return false;
  } while (Take(','));
  return Take('}');
}

template <typename Fn>
bool JsonScanner::Array(Fn on_element) {
  if (!Take('[')) return false;
  if (Take(']')) return true;
  do {
    if (!on_element()) return false;
  } while (Take(','));
  return Take(']');
}

}  // namespace claimdex

#endif  // CLAIMDEX_CORPUS_JSON_SCAN_H_
