#include "corpus/docs_store.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "corpus/data_dir.h"

namespace claimdex {

Status WriteDocsFile(const std::string& path, const std::vector<Document>& docs) {
  std::string data;
  for (const Document& doc : docs) {
    data += DocumentToJson(doc);  // compact JSON escapes newlines, so one line each
    data += '\n';
  }
  return WriteFileAtomic(path, data);
}

Status ReadDocsFile(const std::string& path, const std::function<bool(Document&&)>& fn,
                    std::vector<std::string>* warnings) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    Result<Document> doc = DocumentFromJson(line);
    if (!doc.ok()) {
      if (warnings != nullptr) {
        warnings->push_back(path + " line " + std::to_string(number) + ": " +
                            doc.status().message());
      }
      continue;
    }
    if (!fn(std::move(*doc))) break;
  }
  if (in.bad()) return Status::IoError(path + ": read failed");
  return Status::Ok();
}

std::vector<std::string> ListDocsFiles(const std::string& docs_dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(docs_dir, ec)) {
    if (entry.path().extension() == ".jsonl" && entry.is_regular_file(ec)) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace claimdex
