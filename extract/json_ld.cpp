#include "extract/json_ld.h"

#include <nlohmann/json.hpp>

#include "extract/text_util.h"

namespace claimdex {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 8;

std::string Str(const json& j) {
  if (j.is_string()) return CollapseWhitespace(j.get<std::string>());
  if (j.is_array() && !j.empty()) return Str(j.front());
  if (j.is_object() && j.contains("@value")) return Str(j["@value"]);
  return "";
}

std::string NameOf(const json& j) {
  if (j.is_string()) return CollapseWhitespace(j.get<std::string>());
  if (j.is_object() && j.contains("name")) return Str(j["name"]);
  return "";
}

bool TypeMatches(const json& type, bool article) {
  auto one = [&](const std::string& t) {
    if (article) {
      return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
             t == "LiveBlogPosting" || t == "SocialMediaPosting" || t == "Review" || t == "Blog" ||
             t == "PressRelease";
    }
    return t == "WebPage" || t == "ItemPage" || t == "CollectionPage";
  };
  if (type.is_string()) return one(type.get<std::string>());
  if (type.is_array()) {
    for (const json& t : type) {
      if (t.is_string() && one(t.get<std::string>())) return true;
    }
  }
  return false;
}

void Collect(const json& j, bool article, int depth, std::vector<const json*>* out) {
  if (depth > kMaxDepth) return;
  if (j.is_array()) {
    for (const json& item : j) Collect(item, article, depth + 1, out);
  } else if (j.is_object()) {
    if (j.contains("@type") && TypeMatches(j["@type"], article)) out->push_back(&j);
    if (j.contains("@graph")) Collect(j["@graph"], article, depth + 1, out);
    if (j.contains("mainEntity")) Collect(j["mainEntity"], article, depth + 1, out);
  }
}

void Fill(const json& o, JsonLdArticle* a) {
  if (a->headline.empty() && o.contains("headline")) a->headline = Str(o["headline"]);
  if (a->date_published.empty() && o.contains("datePublished"))
    a->date_published = Str(o["datePublished"]);
  if (a->date_published.empty() && o.contains("dateCreated"))
    a->date_published = Str(o["dateCreated"]);
  if (a->date_modified.empty() && o.contains("dateModified"))
    a->date_modified = Str(o["dateModified"]);
  if (a->publisher.empty() && o.contains("publisher")) {
    const json& p = o["publisher"];
    a->publisher = p.is_array() && !p.empty() ? NameOf(p.front()) : NameOf(p);
  }
  if (a->url.empty() && o.contains("url")) a->url = Str(o["url"]);
  if (a->authors.empty() && o.contains("author")) {
    const json& au = o["author"];
    if (au.is_array()) {
      for (const json& x : au) {
        std::string n = NameOf(x);
        if (!n.empty()) a->authors.push_back(n);
      }
    } else {
      std::string n = NameOf(au);
      if (!n.empty()) a->authors.push_back(n);
    }
  }
}

}  // namespace

JsonLdArticle ParseJsonLd(const std::vector<std::string>& scripts) {
  JsonLdArticle result;
  std::vector<json> docs;
  for (const std::string& s : scripts) {
    json j = json::parse(s, nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded()) docs.push_back(std::move(j));
  }
  for (bool article : {true, false}) {
    std::vector<const json*> objects;
    for (const json& d : docs) Collect(d, article, 0, &objects);
    for (const json* o : objects) {
      try {
        Fill(*o, &result);
      } catch (const json::exception&) {
        // A field of an unexpected shape: keep what was read so far.
      }
    }
  }
  return result;
}

}  // namespace claimdex
