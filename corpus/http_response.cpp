// Parsing the HTTP response message stored as a WARC response record's block.
#include <cctype>

#include "corpus/warc.h"

namespace claimdex {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Decodes a chunked body. Returns false when `body` is not well-formed chunked data: the
// fetcher may have stored an already de-chunked body under its original
// Transfer-Encoding header, and then the body is used as it is.
bool Dechunk(const std::string& body, std::string* out) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    size_t eol = body.find("\r\n", pos);
    if (eol == std::string::npos || eol == pos) return false;
    std::string size_text = body.substr(pos, eol - pos);
    size_text = Trim(size_text.substr(0, size_text.find(';')));
    if (size_text.empty() || size_text.size() > 15 ||
        size_text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
      return false;
    }
    const size_t size = std::stoull(size_text, nullptr, 16);
    pos = eol + 2;
    if (size == 0) return true;  // trailers, if any, carry nothing we keep
    if (size > body.size() - pos) return false;
    out->append(body, pos, size);
    pos += size;
    if (body.compare(pos, 2, "\r\n") != 0) return false;
    pos += 2;
  }
}

// Parses "HTTP/1.1 200 OK"; returns the status code or -1.
int ParseStatusLine(const std::string& line) {
  if (line.compare(0, 5, "HTTP/") != 0) return -1;
  size_t space = line.find(' ');
  if (space == std::string::npos || line.size() < space + 4) return -1;
  int code = 0;
  for (size_t i = space + 1; i < space + 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(line[i]))) return -1;
    code = code * 10 + (line[i] - '0');
  }
  if (line.size() > space + 4 && line[space + 4] != ' ') return -1;
  return code;
}

}  // namespace

std::string HttpResponse::Header(const std::string& name) const {
  const std::string want = Lower(name);
  for (const auto& [n, v] : headers) {
    if (Lower(n) == want) return v;
  }
  return "";
}

Result<HttpResponse> ParseHttpResponse(const std::string& block) {
  size_t head_end = block.find("\r\n\r\n");
  size_t sep = 4;
  if (head_end == std::string::npos) {  // bare LF from a sloppy server
    head_end = block.find("\n\n");
    sep = 2;
  }
  if (head_end == std::string::npos) {  // headers only (HEAD, 304)
    head_end = block.size();
    sep = 0;
  }
  const std::string head = block.substr(0, head_end);
  size_t eol = head.find('\n');
  HttpResponse response;
  response.status = ParseStatusLine(Trim(head.substr(0, eol)));
  if (response.status < 0) {
    return Status::InvalidInput("not an HTTP response: no status line (\"" +
                                Trim(head.substr(0, std::min<size_t>(eol, 40))) + "\")");
  }
  size_t pos = eol == std::string::npos ? head.size() : eol + 1;
  while (pos < head.size()) {
    eol = head.find('\n', pos);
    if (eol == std::string::npos) eol = head.size();
    std::string line = head.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !response.headers.empty()) {
      response.headers.back().second.append(1, ' ').append(Trim(line));  // obsolete line folding
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0) continue;  // junk line: skip, keep the rest
    response.headers.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
  std::string body = block.substr(std::min(block.size(), head_end + sep));
  if (Lower(response.Header("Transfer-Encoding")).find("chunked") != std::string::npos &&
      Dechunk(body, &response.body)) {
    return response;
  }
  response.body = std::move(body);
  return response;
}

}  // namespace claimdex
