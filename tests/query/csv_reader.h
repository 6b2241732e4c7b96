// A strict RFC 4180 reader for checking the CSV the query module writes.
#ifndef CLAIMDEX_TESTS_QUERY_CSV_READER_H_
#define CLAIMDEX_TESTS_QUERY_CSV_READER_H_

#include <string>
#include <vector>

namespace claimdex::testing {

// Rows of fields; records end in CRLF; quoted fields may hold commas, quotes ("") and newlines.
inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
      ++i;
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace claimdex::testing

#endif  // CLAIMDEX_TESTS_QUERY_CSV_READER_H_
