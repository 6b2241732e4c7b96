// Small POSIX I/O helpers shared inside the corpus module (not a public contract).
#ifndef CLAIMDEX_CORPUS_POSIX_IO_H_
#define CLAIMDEX_CORPUS_POSIX_IO_H_

#include <string>

#include "corpus/status.h"

namespace claimdex {

// Writes all of `data` to `fd`, retrying short writes and EINTR. kIoError names `path`.
Status WriteAll(int fd, const std::string& data, const std::string& path);

}  // namespace claimdex

#endif  // CLAIMDEX_CORPUS_POSIX_IO_H_
