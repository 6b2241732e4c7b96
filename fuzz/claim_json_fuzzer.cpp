// libFuzzer target: the claim JSON scanner (corpus/json_scan.h) against nlohmann on any bytes.
// Whatever the scanner reads, nlohmann's reading must read too, and give the same claim.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "corpus/document.h"
#include "corpus/json_scan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;
  const std::string text(reinterpret_cast<const char*>(data), size);
  claimdex::JsonScanner in(text);
  claimdex::Claim scanned;
  if (!claimdex::ScanClaim(&in, &scanned) || !in.AtEnd()) return 0;
  // nlohmann alone: a document holding the claim (parsed and dumped first, so the text cannot
  // close the document's array early).
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
  if (j.is_discarded()) __builtin_trap();
  claimdex::Result<claimdex::Document> doc =
      claimdex::DocumentFromJson("{\"id\":\"d\",\"text\":\"t\",\"claims\":[" + j.dump() + "]}");
  if (!doc.ok() || doc->claims.size() != 1) __builtin_trap();
  if (claimdex::ClaimToJson(doc->claims[0]) != claimdex::ClaimToJson(scanned)) __builtin_trap();
  return 0;
}
