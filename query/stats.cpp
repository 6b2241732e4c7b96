#include "query/stats.h"

#include <xapian.h>

#include <algorithm>

#include "index/doc_table.h"
#include "index/schema.h"
#include "query/index_reader.h"

namespace claimdex {
namespace {

namespace s = schema;

using Counts = std::vector<std::pair<std::string, size_t>>;

// Every term under `prefix` with its document frequency, most first, ties by name.
Counts TermCounts(Xapian::Database& db, const std::string& prefix) {
  Counts out;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    out.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::string Dashed(const std::string& v) {
  if (v.size() != 8) return "";
  return v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2);
}

std::string SpeakerName(Xapian::Database& db, const std::string& id) {
  std::string term = std::string(s::kPrefixSpeaker) + id;
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return id;
  std::string name = db.get_document(*it).get_value(s::kSlotSpeakerName);
  return name.empty() ? id : name;
}

IndexStats Read(Xapian::Database& db, size_t top) {
  IndexStats st;
  st.claims = db.get_termfreq(std::string(s::kPrefixType) + s::kTypeClaim);
  st.articles = db.get_termfreq(std::string(s::kPrefixType) + s::kTypeArticle);
  Counts speakers = TermCounts(db, s::kPrefixSpeaker);
  st.speakers = speakers.size();
  st.outlets = TermCounts(db, s::kPrefixOutlet).size();
  Counts targets = TermCounts(db, s::kPrefixTarget);
  st.targets = targets.size();
  for (auto it = db.metadata_keys_begin(s::kMetaFilePrefix);
       it != db.metadata_keys_end(s::kMetaFilePrefix); ++it) {
    ++st.docs_files;
  }
  if (db.get_doccount() > 0) {
    st.first_date = Dashed(db.get_value_lower_bound(s::kSlotDate));
    st.last_date = Dashed(db.get_value_upper_bound(s::kSlotDate));
  }
  for (size_t i = 0; i < speakers.size() && i < top; ++i) {
    st.top_speakers.emplace_back(SpeakerName(db, speakers[i].first), speakers[i].second);
  }
  targets.resize(std::min(targets.size(), top));
  st.top_targets = targets;
  return st;
}

std::string List(const Counts& counts) {
  std::string out;
  for (const auto& [name, n] : counts) {
    out += (out.empty() ? "" : ", ") + name + " " + std::to_string(n);
  }
  return out.empty() ? "-" : out;
}

}  // namespace

Result<IndexStats> ReadIndexStats(const std::string& db_path, size_t top) {
  Result<Xapian::Database> db = query_internal::OpenIndex(db_path);
  if (!db.ok()) return db.status();
  try {
    IndexStats st = Read(*db, top);
    st.doc_table = DocTable::Open(db_path, *db) != nullptr;
    return st;
  } catch (const Xapian::Error& e) {
    return Status::Runtime(db_path + ": " + e.get_description());
  }
}

std::string FormatIndexStats(const IndexStats& st) {
  // Labels padded to 16 columns, the width the CLI's own stats lines use.
  std::string out;
  out += "indexed         " + std::to_string(st.claims) + " claims, " + std::to_string(st.articles) +
         " articles (from " + std::to_string(st.docs_files) + " docs files)\n";
  out += "                " + std::to_string(st.speakers) + " speakers, " + std::to_string(st.outlets) +
         " outlets, " + std::to_string(st.targets) + " targets\n";
  out += "dates           " + (st.first_date.empty() ? std::string("-") : st.first_date + " – " + st.last_date) +
         "\n";
  out += "targets         " + List(st.top_targets) + "\n";
  out += "top speakers    " + List(st.top_speakers) + "\n";
  out += std::string("search table    ") +
         (st.doc_table ? "current\n"
                       : "missing or stale (searches are slower until 'claimdex index' runs)\n");
  return out;
}

}  // namespace claimdex
