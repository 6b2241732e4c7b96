// libFuzzer target: RSS, Atom and sitemap parsing (libxml2 in recover mode) on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crawler/feeds.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1024 * 1024) return -1;
  claimdex::FeedDocument doc =
      claimdex::ParseFeed(std::string_view(reinterpret_cast<const char*>(data), size));
  claimdex::FeedKindName(doc.kind);
  if (doc.kind == claimdex::FeedKind::kUnknown && !doc.entries.empty()) __builtin_trap();
  return 0;
}
