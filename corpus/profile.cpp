// The watch profile: TOML (toml++) in, a validated Profile out. The layout is fixed in
// docs/formats.md ("The watch profile"); every key is checked here so that a typo or a bad
// value stops the run with the line that holds it.
#include "corpus/profile.h"

#include <toml++/toml.h>

#include <climits>
#include <map>
#include <sstream>

#include "corpus/data_dir.h"
#include "corpus/embedded.h"

namespace claimdex {
namespace {

// Thrown inside this file while validating; ParseProfile turns it into a Status.
struct ProfileError {
  uint32_t line;  // 0: no line (a key that is missing from the top level)
  std::string message;
};

[[noreturn]] void Fail(uint32_t line, std::string message) {
  throw ProfileError{line, std::move(message)};
}

uint32_t LineOf(const toml::node& node) { return node.source().begin.line; }

std::string Join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

// How a value looks in an error message: "\"ten\"", "3", "an array".
std::string Describe(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "\"" + node.as_string()->get() + "\"";
    case toml::node_type::integer:
      return std::to_string(node.as_integer()->get());
    case toml::node_type::floating_point: {
      std::ostringstream out;
      out << node.as_floating_point()->get();
      return out.str();
    }
    case toml::node_type::boolean:
      return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "a date or time";
  }
}

[[noreturn]] void Expected(const toml::node& node, const std::string& path, const char* what) {
  Fail(LineOf(node), path + ": expected " + what + ", got " + Describe(node));
}

void CheckKeys(const toml::table& table, const std::string& path,
               std::initializer_list<const char*> allowed) {
  for (const auto& [key, node] : table) {
    bool known = false;
    for (const char* a : allowed) known = known || key.str() == a;
    if (!known) {
      uint32_t line = key.source().begin.line != 0 ? key.source().begin.line : LineOf(node);
      Fail(line, "unknown key '" + Join(path, std::string(key.str())) + "'");
    }
  }
}

// The table at `key` of `parent`, or nullptr when absent.
const toml::table* SubTable(const toml::table& parent, const char* key, const std::string& path) {
  const toml::node* node = parent.get(key);
  if (node == nullptr) return nullptr;
  if (!node->is_table()) Expected(*node, Join(path, key), "a table");
  return node->as_table();
}

std::string GetString(const toml::table& table, const char* key, const std::string& path,
                      bool required, uint32_t table_line) {
  const std::string at = Join(path, key);
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) Fail(table_line, (path.empty() ? "" : path + ": ") + "missing '" + key + "'");
    return "";
  }
  if (!node->is_string()) Expected(*node, at, "a string");
  std::string value = node->as_string()->get();
  if (required && value.empty()) Fail(LineOf(*node), at + ": must not be empty");
  return value;
}

std::vector<std::string> GetStrings(const toml::table& table, const char* key,
                                    const std::string& path) {
  std::vector<std::string> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) return out;
  const std::string at = Join(path, key);
  if (!node->is_array()) Expected(*node, at, "an array of strings");
  size_t i = 0;
  for (const toml::node& element : *node->as_array()) {
    const std::string element_at = at + "[" + std::to_string(i++) + "]";
    if (!element.is_string()) Expected(element, element_at, "a string");
    // An empty phrase would match every text.
    if (element.as_string()->get().empty()) Fail(LineOf(element), element_at + ": empty string");
    out.push_back(element.as_string()->get());
  }
  return out;
}

void GetInt(const toml::table& table, const char* key, const std::string& path, int min, int* out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return;
  const std::string at = Join(path, key);
  const std::string what = "an integer >= " + std::to_string(min);
  if (!node->is_integer()) Expected(*node, at, what.c_str());
  const int64_t value = node->as_integer()->get();
  if (value < min || value > INT_MAX) Expected(*node, at, what.c_str());
  *out = static_cast<int>(value);
}

void GetSeconds(const toml::table& table, const char* key, const std::string& path, double* out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return;
  const std::string at = Join(path, key);
  double value = -1;
  if (node->is_integer()) value = static_cast<double>(node->as_integer()->get());
  if (node->is_floating_point()) value = node->as_floating_point()->get();
  if (!(value >= 0 && value < 1e9)) Expected(*node, at, "a number of seconds >= 0");
  *out = value;
}

void GetBool(const toml::table& table, const char* key, const std::string& path, bool* out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return;
  if (!node->is_boolean()) Expected(*node, Join(path, key), "true or false");
  *out = node->as_boolean()->get();
}

bool StartsWithIgnoreCase(const std::string& s, const char* prefix) {
  for (size_t i = 0; prefix[i] != '\0'; ++i) {
    if (i >= s.size() || std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// http(s) URLs with a host; "{{base:OUTLET}}" placeholders are kept for the sample site.
std::vector<std::string> GetUrls(const toml::table& table, const char* key,
                                 const std::string& path) {
  std::vector<std::string> urls = GetStrings(table, key, path);
  const toml::array* array = urls.empty() ? nullptr : table.get(key)->as_array();
  for (size_t i = 0; i < urls.size(); ++i) {
    const std::string& url = urls[i];
    if (url.find("{{base:") != std::string::npos) continue;
    size_t host = StartsWithIgnoreCase(url, "https://")  ? 8
                  : StartsWithIgnoreCase(url, "http://") ? 7
                                                         : 0;
    if (host == 0 || host >= url.size() || url[host] == '/') {
      Expected(*array->get(i), Join(path, key) + "[" + std::to_string(i) + "]", "an http(s) URL");
    }
  }
  return urls;
}

std::vector<std::string> GetHosts(const toml::table& table, const char* key,
                                  const std::string& path) {
  std::vector<std::string> hosts = GetStrings(table, key, path);
  for (size_t i = 0; i < hosts.size(); ++i) {
    if (hosts[i].find_first_of("/ ") != std::string::npos) {
      Expected(*table.get(key)->as_array()->get(i), Join(path, key) + "[" + std::to_string(i) + "]",
               "a host name");
    }
    for (char& c : hosts[i]) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return hosts;
}

void CheckId(const toml::table& table, const std::string& path, const std::string& id) {
  if (id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
    Expected(*table.get("id"), path + ".id", "lower-case letters, digits and '-'");
  }
}

void CheckOneOf(const toml::table& table, const char* key, const std::string& path,
                const std::string& value, std::initializer_list<const char*> allowed) {
  std::string list;
  for (const char* a : allowed) {
    if (value == a) return;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  const std::string what = "one of " + list;
  Expected(*table.get(key), Join(path, key), what.c_str());
}

void ReadCrawl(const toml::table& root, Profile* p) {
  const toml::table* t = SubTable(root, "crawl", "");
  if (t == nullptr) return;
  CheckKeys(*t, "crawl",
            {"seeds", "feeds", "sitemaps", "allow_hosts", "deny_hosts", "max_pages", "max_depth"});
  p->seeds = GetUrls(*t, "seeds", "crawl");
  p->feeds = GetUrls(*t, "feeds", "crawl");
  p->sitemaps = GetUrls(*t, "sitemaps", "crawl");
  p->allow_hosts = GetHosts(*t, "allow_hosts", "crawl");
  p->deny_hosts = GetHosts(*t, "deny_hosts", "crawl");
  GetInt(*t, "max_pages", "crawl", 1, &p->politeness.max_pages);
  GetInt(*t, "max_depth", "crawl", 0, &p->politeness.max_depth);
}

void ReadPoliteness(const toml::table& root, Profile* p) {
  const toml::table* t = SubTable(root, "politeness", "");
  if (t == nullptr) return;
  CheckKeys(*t, "politeness", {"user_agent", "delay", "concurrency", "allow_loopback"});
  if (t->get("user_agent") != nullptr) {
    p->politeness.user_agent = GetString(*t, "user_agent", "politeness", true, LineOf(*t));
    // It goes into an HTTP header line as it is.
    for (char c : p->politeness.user_agent) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        Expected(*t->get("user_agent"), "politeness.user_agent", "one line of printable text");
      }
    }
  }
  GetSeconds(*t, "delay", "politeness", &p->politeness.delay_seconds);
  GetInt(*t, "concurrency", "politeness", 1, &p->politeness.concurrency);
  GetBool(*t, "allow_loopback", "politeness", &p->politeness.allow_loopback);
}

void ReadTopic(const toml::table& root, Profile* p) {
  const toml::table* t = SubTable(root, "topic", "");
  if (t == nullptr) return;
  CheckKeys(*t, "topic", {"keywords"});
  p->keywords = GetStrings(*t, "keywords", "topic");
}

// Calls `read(table, path)` for each table of the array of tables `key`.
template <typename Fn>
void ForEachTable(const toml::table& root, const char* key, Fn read) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return;
  const std::string what = std::string("an array of tables ([[") + key + "]])";
  if (!node->is_array()) Expected(*node, key, what.c_str());
  size_t i = 0;
  for (const toml::node& element : *node->as_array()) {
    const std::string path = std::string(key) + "[" + std::to_string(i++) + "]";
    if (!element.is_table()) Expected(element, path, "a table");
    read(*element.as_table(), path);
  }
}

// Ids must be unique within targets and within entities: lookups by id would be ambiguous.
void CheckUnique(std::map<std::string, uint32_t>* seen, const toml::table& t,
                 const std::string& path, const std::string& id) {
  auto [it, inserted] = seen->emplace(id, LineOf(*t.get("id")));
  if (!inserted) {
    Fail(LineOf(*t.get("id")), path + ".id: duplicate id \"" + id + "\" (first at line " +
                                   std::to_string(it->second) + ")");
  }
}

void ReadTargets(const toml::table& root, Profile* p) {
  std::map<std::string, uint32_t> seen;
  ForEachTable(root, "targets", [&](const toml::table& t, const std::string& path) {
    CheckKeys(t, path, {"id", "name", "aliases", "support", "oppose"});
    Target target;
    target.id = GetString(t, "id", path, true, LineOf(t));
    CheckId(t, path, target.id);
    CheckUnique(&seen, t, path, target.id);
    target.name = GetString(t, "name", path, true, LineOf(t));
    target.aliases = GetStrings(t, "aliases", path);
    target.support = GetStrings(t, "support", path);
    target.oppose = GetStrings(t, "oppose", path);
    p->targets.push_back(std::move(target));
  });
}

void ReadEntities(const toml::table& root, Profile* p) {
  std::map<std::string, uint32_t> seen;
  ForEachTable(root, "entities", [&](const toml::table& t, const std::string& path) {
    CheckKeys(t, path, {"id", "name", "type", "aliases", "roles", "affiliations", "gender"});
    KbEntity e;
    e.id = GetString(t, "id", path, true, LineOf(t));
    CheckId(t, path, e.id);
    CheckUnique(&seen, t, path, e.id);
    e.name = GetString(t, "name", path, true, LineOf(t));
    e.type = GetString(t, "type", path, true, LineOf(t));
    CheckOneOf(t, "type", path, e.type,
               {"person", "organization", "government", "policy", "product", "place"});
    e.aliases = GetStrings(t, "aliases", path);
    e.roles = GetStrings(t, "roles", path);
    e.affiliations = GetStrings(t, "affiliations", path);
    e.gender = GetString(t, "gender", path, false, LineOf(t));
    if (t.get("gender") != nullptr) CheckOneOf(t, "gender", path, e.gender, {"female", "male"});
    p->entities.push_back(std::move(e));
  });
}

Profile BuildProfile(const toml::table& root) {
  CheckKeys(root, "", {"name", "crawl", "politeness", "topic", "targets", "entities"});
  Profile p;
  p.name = GetString(root, "name", "", true, 0);
  ReadCrawl(root, &p);
  ReadPoliteness(root, &p);
  ReadTopic(root, &p);
  ReadTargets(root, &p);
  ReadEntities(root, &p);
  return p;
}

Status ErrorAt(const std::string& origin, uint32_t line, const std::string& message) {
  if (line == 0) return Status::InvalidInput(origin + ": " + message);
  return Status::InvalidInput(origin + " line " + std::to_string(line) + ": " + message);
}

Result<Profile> BuildChecked(const toml::table& root, const std::string& origin) {
  try {
    return BuildProfile(root);
  } catch (const ProfileError& e) {
    return ErrorAt(origin, e.line, e.message);
  }
}

}  // namespace

const KbEntity* Profile::FindEntity(const std::string& id) const {
  for (const KbEntity& e : entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

const Target* Profile::FindTarget(const std::string& id) const {
  for (const Target& t : targets) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

Result<Profile> ParseProfile(const std::string& toml_text, const std::string& origin) {
#if TOML_EXCEPTIONS
  try {
    toml::table root = toml::parse(toml_text, origin);
    return BuildChecked(root, origin);
  } catch (const toml::parse_error& e) {
    return ErrorAt(origin, e.source().begin.line, std::string(e.description()));
  }
#else
  toml::parse_result result = toml::parse(toml_text, origin);
  if (!result) {
    return ErrorAt(origin, result.error().source().begin.line,
                   std::string(result.error().description()));
  }
  return BuildChecked(result.table(), origin);
#endif
}

Result<Profile> LoadProfile(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return Status::InvalidInput(text.status().message());
  return ParseProfile(*text, path);
}

const std::string& DefaultProfileToml() {
  static const std::string kText(EmbeddedFileContent("profiles/export-controls.toml"));
  return kText;
}

}  // namespace claimdex
