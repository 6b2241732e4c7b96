// The files of corpus/sample/ and corpus/profiles/, compiled into the binary (see
// cmake/EmbedFiles.cmake), so `claimdex demo` and the default profile need no source tree.
#ifndef CLAIMDEX_CORPUS_EMBEDDED_H_
#define CLAIMDEX_CORPUS_EMBEDDED_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimdex {

struct EmbeddedFile {
  const char* path;  // relative to corpus/, e.g. "profiles/export-controls.toml", "sample/..."
  const unsigned char* data;
  size_t size;
  std::string_view view() const { return {reinterpret_cast<const char*>(data), size}; }
};

// Every embedded file, sorted by path. The storage is static; views stay valid forever.
const std::vector<EmbeddedFile>& EmbeddedCorpusFiles();

// The content of the embedded file at `path`, or an empty view when there is none.
inline std::string_view EmbeddedFileContent(std::string_view path) {
  for (const auto& f : EmbeddedCorpusFiles()) {
    if (path == f.path) return f.view();
  }
  return {};
}

}  // namespace claimdex

#endif  // CLAIMDEX_CORPUS_EMBEDDED_H_
