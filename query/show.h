// `claimdex show ID`: a claim ("c:...") or an article ("d:...") with its attribution and context.
#ifndef CLAIMDEX_QUERY_SHOW_H_
#define CLAIMDEX_QUERY_SHOW_H_

#include <string>

#include "corpus/status.h"

namespace claimdex {

// Text (or JSON when `json`) describing the claim or article: speaker, role, stance and cues,
// the paragraph around it, title, outlet, date, URL, WARC file and offset. kNotFound when the
// id is not in the database; kInvalidInput when it is not of the form c:HEX or d:HEX.
Result<std::string> Show(const std::string& db_path, const std::string& id, bool json);

}  // namespace claimdex

#endif  // CLAIMDEX_QUERY_SHOW_H_
