#include "index/indexer.h"

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "corpus/docs_store.h"
#include "index/doc_table.h"
#include "index/schema.h"

namespace claimdex {
namespace {

using Json = nlohmann::ordered_json;
namespace s = schema;
using s::NameWords;
using s::OutletName;
using s::ArticleClusterId;
using s::ClaimClusterId;

// Xapian rejects terms over 245 bytes; crawled ids and names are not bounded.
constexpr size_t kMaxTermBytes = 240;

void AddBoolean(Xapian::Document* xdoc, const char* prefix, const std::string& value) {
  if (value.empty()) return;
  std::string term = std::string(prefix) + value;
  if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
  xdoc->add_boolean_term(term);
}

std::string ParagraphText(const Document& doc, int index) {
  if (index < 0 || static_cast<size_t>(index) >= doc.paragraphs.size()) return "";
  const Paragraph& p = doc.paragraphs[index];
  if (p.start >= p.end || p.end > doc.text.size()) return "";
  return doc.text.substr(p.start, p.end - p.start);
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json WarcJson(const Document& doc) {
  if (!doc.warc) return Json(nullptr);
  return {{"file", doc.warc->file}, {"offset", doc.warc->offset},
          {"record_id", doc.warc->record_id}};
}

// The claim's document data, {"claim": ..., "source": ..., "cluster": ...}. The claim object is
// spliced in as ClaimToJson wrote it (compact, the same serializer): parsing it back only to
// dump it again cost a fifth of the indexing time.
std::string ClaimData(const Document& doc, const Claim& claim, const std::string& cluster) {
  Json names = Json::object();
  for (const std::string& id : claim.entities) {
    for (const Entity& e : doc.entities) {
      if (e.id == id) names[id] = e.name;
    }
  }
  Json source = {{"doc_id", doc.id},
                 {"title", doc.title},
                 {"url", doc.url},
                 {"outlet", OutletName(doc)},
                 {"outlet_slug", s::NormaliseTermValue(OutletName(doc))},
                 {"published", doc.published},
                 {"paragraph", claim.paragraph},
                 {"paragraph_text", ParagraphText(doc, claim.paragraph)},
                 {"fetched", doc.fetched},
                 {"warc", WarcJson(doc)},
                 {"entity_names", std::move(names)},
                 {"article_cluster", ArticleClusterId(doc)}};
  return "{\"claim\":" + ClaimToJson(claim) + ",\"source\":" + Dump(source) +
         ",\"cluster\":" + Dump(Json(cluster)) + "}";
}

Json ArticleData(const Document& doc) {
  Json claims = Json::array();
  for (const Claim& c : doc.claims) {
    claims.push_back({{"id", c.id}, {"speaker", c.speaker ? c.speaker->name : ""}});
  }
  return {{"article",
           {{"id", doc.id},
            {"title", doc.title},
            {"url", doc.url},
            {"outlet", OutletName(doc)},
            {"outlet_slug", s::NormaliseTermValue(OutletName(doc))},
            {"published", doc.published},
            {"fetched", doc.fetched},
            {"language", doc.language},
            {"authors", doc.authors},
            {"warc", WarcJson(doc)},
            {"quality", doc.quality},
            {"cluster", ArticleClusterId(doc)},
            {"claims", std::move(claims)}}}};
}

// Terms and values every document of an article shares: date, outlet, language, and the
// near-duplicate cluster (ids are written as they are, like XD).
void AddArticleTerms(const Document& doc, Xapian::Document* xdoc) {
  std::string article_cluster = ArticleClusterId(doc);
  AddBoolean(xdoc, s::kPrefixArticleCluster, article_cluster);
  xdoc->add_value(s::kSlotArticleCluster, article_cluster);
  std::string date = s::DateValue(doc.published);
  if (!date.empty()) {
    xdoc->add_value(s::kSlotDate, date);
    xdoc->add_value(s::kSlotMonth, date.substr(0, 4) + "-" + date.substr(4, 2));
    AddBoolean(xdoc, s::kPrefixYear, date.substr(0, 4));
    AddBoolean(xdoc, s::kPrefixMonth, date.substr(0, 6));
  }
  std::string outlet = OutletName(doc);
  AddBoolean(xdoc, s::kPrefixOutlet, s::NormaliseTermValue(outlet));
  xdoc->add_value(s::kSlotOutlet, s::NormaliseTermValue(outlet));
  xdoc->add_value(s::kSlotOutletName, outlet);
  AddBoolean(xdoc, s::kPrefixLanguage, s::NormaliseTermValue(doc.language));
}

// An unnamed source keeps its name words (speaker:officials finds "U.S. officials") but no id
// term or id/name value: facets and timelines by speaker are about identified people.
void AddSpeakerTerms(const SpeakerRef& speaker, Xapian::Document* xdoc) {
  for (const std::string& word : NameWords(speaker.name)) {
    AddBoolean(xdoc, s::kPrefixSpeakerWord, word);
  }
  bool unnamed = s::IsUnnamedSpeaker(speaker);
  xdoc->add_value(s::kSlotSpeakerType, unnamed ? s::kSpeakerTypeUnnamed : speaker.type);
  if (unnamed) return;
  AddBoolean(xdoc, s::kPrefixSpeaker, s::NormaliseTermValue(speaker.id));
  xdoc->add_value(s::kSlotSpeakerId, speaker.id);
  xdoc->add_value(s::kSlotSpeakerName, speaker.name.empty() ? speaker.id : speaker.name);
}

void AddStanceTerms(const Claim& claim, Xapian::Document* xdoc) {
  std::string joined;
  for (const ClaimStance& st : claim.stances) {
    std::string target = s::NormaliseTermValue(st.target);
    std::string label = s::NormaliseTermValue(st.label);
    AddBoolean(xdoc, s::kPrefixTarget, target);
    AddBoolean(xdoc, s::kPrefixStance, target + ":" + label);
    AddBoolean(xdoc, s::kPrefixStance, label);
    if (!joined.empty()) joined += '\n';
    joined += target + ":" + label;
  }
  if (!claim.stances.empty()) {
    xdoc->add_value(s::kSlotStances, joined);
    xdoc->add_value(s::kSlotStanceScore, Xapian::sortable_serialise(claim.stances[0].score));
  }
}

// The impact-tier terms of a claim (schema.h "impact tiers"). Called after the text is indexed
// and before any boolean term is added (they have wdf 0, so they would not change the length).
void AddImpactTerms(Xapian::Document* xdoc) {
  // One pass over the term list (each step copies the term): the length needs every wdf first.
  std::vector<std::pair<std::string, unsigned>> words;
  unsigned length = 0;
  for (auto t = xdoc->termlist_begin(); t != xdoc->termlist_end(); ++t) {
    unsigned wdf = t.get_wdf();
    length += wdf;
    if (wdf == 0) continue;
    std::string term = *t;
    if (s::IsWordTerm(term)) words.emplace_back(std::move(term), wdf);
  }
  for (const auto& [term, wdf] : words) {
    if (!s::InImpactTier(wdf, length)) continue;
    std::string tier = s::ImpactTerm(wdf, term);
    if (tier.size() <= kMaxTermBytes) xdoc->add_boolean_term(tier);
  }
}

Xapian::Document ClaimDocument(const Document& doc, const Claim& claim,
                               Xapian::TermGenerator* tg) {
  Xapian::Document xdoc;
  tg->set_document(xdoc);
  tg->index_text(claim.text);
  if (claim.speaker) {
    tg->increase_termpos();
    tg->index_text(claim.speaker->name);
  }
  tg->increase_termpos();
  tg->index_text(doc.title, s::kTitleWeight, s::kPrefixTitle);
  AddImpactTerms(&xdoc);

  std::string cluster = ClaimClusterId(doc, claim);
  AddBoolean(&xdoc, s::kPrefixId, claim.id);
  AddBoolean(&xdoc, s::kPrefixType, s::kTypeClaim);
  AddBoolean(&xdoc, s::kPrefixArticle, doc.id);
  AddBoolean(&xdoc, s::kPrefixCluster, cluster);
  AddBoolean(&xdoc, s::kPrefixKind, s::NormaliseTermValue(claim.kind));
  for (const std::string& e : claim.entities) {
    AddBoolean(&xdoc, s::kPrefixEntity, s::NormaliseTermValue(e));
  }
  if (claim.speaker) AddSpeakerTerms(*claim.speaker, &xdoc);
  AddStanceTerms(claim, &xdoc);
  AddArticleTerms(doc, &xdoc);
  xdoc.add_value(s::kSlotCluster, cluster);
  xdoc.add_value(s::kSlotArticleId, doc.id);
  xdoc.add_value(s::kSlotClaimRef,
                 s::TimelineRef(s::DateValue(doc.published), cluster, claim.id, doc.url));
  xdoc.set_data(ClaimData(doc, claim, cluster));
  return xdoc;
}

Xapian::Document ArticleDocument(const Document& doc, Xapian::TermGenerator* tg) {
  Xapian::Document xdoc;
  tg->set_document(xdoc);
  tg->index_text(doc.title, s::kTitleWeight, s::kPrefixTitle);
  tg->increase_termpos();
  tg->index_text(doc.title, s::kTitleWeight, s::kPrefixArticleText);
  tg->increase_termpos();
  tg->index_text(doc.text, 1, s::kPrefixArticleText);
  AddBoolean(&xdoc, s::kPrefixId, doc.id);
  AddBoolean(&xdoc, s::kPrefixType, s::kTypeArticle);
  AddArticleTerms(doc, &xdoc);
  xdoc.add_value(s::kSlotArticleId, doc.id);
  xdoc.set_data(Dump(ArticleData(doc)));
  return xdoc;
}

// An article's documents, built and ready to be written.
struct BuiltArticle {
  std::string id;
  Xapian::Document article;
  std::vector<std::pair<std::string, Xapian::Document>> claims;  // claim id, its document
};

// Builds the article's documents. Counts them in `report` (the caller writes every article it
// builds, or fails). The term generator keeps a reference to the document it last indexed;
// it is pointed at `blank` after each document, so that the built ones are referenced once
// and can be handed to another thread (Xapian's reference counts are not atomic).
BuiltArticle BuildArticle(const Document& doc, Xapian::TermGenerator* tg,
                          const Xapian::Document& blank, IndexReport* report) {
  BuiltArticle built;
  built.id = doc.id;
  built.article = ArticleDocument(doc, tg);
  ++report->articles;
  std::set<std::string> seen;
  for (const Claim& claim : doc.claims) {
    if (claim.id.empty() || !seen.insert(claim.id).second) continue;
    built.claims.emplace_back(claim.id, ClaimDocument(doc, claim, tg));
    ++report->claims;
  }
  tg->set_document(blank);
  return built;
}

// Replaces the article and all its claims. Old claims are deleted first because a re-extracted
// article may have fewer claims, or claims with new ids. An article seen for the first time (no
// document has its unique term, changes not yet committed included) has no old claims, and its
// claims' ids hash its own id ("c:" + SHA-1 of doc id, start, end), so they are added without
// the per-term look-ups of delete and replace: on a growing index those look-ups cost about a
// quarter of the indexing time.
void WriteArticle(const BuiltArticle& built, Xapian::WritableDatabase* db) {
  std::string article_term = std::string(s::kPrefixId) + built.id;
  if (!db->term_exists(article_term)) {
    db->add_document(built.article);
    for (const auto& claim : built.claims) db->add_document(claim.second);
    return;
  }
  db->delete_document(std::string(s::kPrefixArticle) + built.id);
  db->replace_document(article_term, built.article);
  for (const auto& [id, xdoc] : built.claims) {
    db->replace_document(std::string(s::kPrefixId) + id, xdoc);
  }
}

// Writes built articles to a database on a thread of its own, in the order they were queued.
// Analysing text and building documents (the caller's thread) then overlaps with Xapian's
// add_document (this thread), which is the larger part: on two cores the indexer's wall time
// comes down to about that of add_document alone (bench/index_bench.cpp). Articles are handed
// over in batches, and at most kMaxBatches wait, so memory stays bounded when Xapian is the
// slower side. The database is used by the writer thread only between Push and Drain; after
// Drain returns the caller may use it (commit, metadata) until the next Push.
// Thread-compatible: one caller thread.
class WriteQueue {
 public:
  WriteQueue(Xapian::WritableDatabase* db, std::string db_path)
      : db_(db), db_path_(std::move(db_path)), thread_([this] { Run(); }) {}

  // Writes whatever is queued, then stops the thread.
  ~WriteQueue() {
    Drain();
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    wake_writer_.notify_one();
    thread_.join();
  }

  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Queues `article`. Not ok once a write has failed (that error; later articles are dropped).
  Status Push(BuiltArticle&& article) {
    filling_.push_back(std::move(article));
    if (filling_.size() < kArticlesPerBatch) return Status::Ok();
    std::unique_lock<std::mutex> lock(mu_);
    wake_caller_.wait(lock, [this] { return batches_.size() < kMaxBatches; });
    batches_.push_back(std::move(filling_));
    filling_.clear();
    wake_writer_.notify_one();
    return error_;
  }

  // Waits until every queued article is written; the first write error, if any.
  Status Drain() {
    std::unique_lock<std::mutex> lock(mu_);
    if (!filling_.empty()) {
      batches_.push_back(std::move(filling_));
      filling_.clear();
      wake_writer_.notify_one();
    }
    wake_caller_.wait(lock, [this] { return batches_.empty() && !writing_; });
    return error_;
  }

 private:
  static constexpr size_t kArticlesPerBatch = 64;
  static constexpr size_t kMaxBatches = 4;

  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      wake_writer_.wait(lock, [this] { return stop_ || !batches_.empty(); });
      if (batches_.empty()) return;  // stop_
      std::vector<BuiltArticle> batch = std::move(batches_.front());
      batches_.pop_front();
      writing_ = true;
      bool failed = !error_.ok();
      lock.unlock();
      wake_caller_.notify_one();  // room in the queue
      Status status = failed ? Status::Ok() : WriteBatch(batch);
      batch.clear();  // the documents are freed on this thread, as they were used
      lock.lock();
      if (!status.ok() && error_.ok()) error_ = status;
      writing_ = false;
      wake_caller_.notify_one();
    }
  }

  Status WriteBatch(const std::vector<BuiltArticle>& batch) {
    for (const BuiltArticle& built : batch) {
      try {
        WriteArticle(built, db_);
      } catch (const Xapian::Error& e) {
        return Status::Runtime(db_path_ + ": indexing " + built.id + ": " + e.get_description());
      } catch (const std::exception& e) {
        return Status::Runtime(db_path_ + ": indexing " + built.id + ": " + e.what());
      }
    }
    return Status::Ok();
  }

  Xapian::WritableDatabase* const db_;
  const std::string db_path_;
  std::vector<BuiltArticle> filling_;  // the caller's batch being filled; caller thread only

  std::mutex mu_;
  std::condition_variable wake_writer_;  // a batch was queued, or stop_
  std::condition_variable wake_caller_;  // a batch was taken, or one was written
  std::deque<std::vector<BuiltArticle>> batches_;  // guarded by mu_
  bool writing_ = false;                           // guarded by mu_
  bool stop_ = false;                              // guarded by mu_
  Status error_;                                   // guarded by mu_
  std::thread thread_;  // last: starts once everything above is initialised
};

// The English stemmer with a memo: Snowball costs about a microsecond a word, and a corpus says
// the same few thousand words again and again (claim text, speaker names and titles are
// analysed once per claim and again in the article). The stems are Xapian::Stem("english")'s,
// so the terms are exactly those the QueryParser makes of a query.
class MemoStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    auto it = memo_.find(word);
    if (it != memo_.end()) return it->second;
    if (memo_.size() >= kMaxWords) memo_.clear();  // bounded on a huge vocabulary
    std::string stem = english_(word);
    memo_.emplace(word, stem);
    return stem;
  }
  std::string get_description() const override { return "english (memoised)"; }

 private:
  static constexpr size_t kMaxWords = 1 << 18;
  Xapian::Stem english_{"english"};
  std::unordered_map<std::string, std::string> memo_;
};

// One writer for one database: opens it, sets up the term generator (English stemming), and
// turns Xapian exceptions into a Status naming the database.
// No spelling table is written: keeping it up to date cost about 8 % of the indexer's CPU
// (bench/index_bench.cpp, 30,000 claims), and "did you mean" is computed at query time from the
// term list instead (query/spelling.cpp), only for the rare query that matches nothing.
class Writer {
 public:
  // `rebuild_older`: an index of an older schema is deleted and started afresh (its
  // documents are re-read by the caller); `*rebuilt` says whether that happened.
  static Result<std::unique_ptr<Writer>> Open(const std::string& db_path,
                                              bool rebuild_older = false,
                                              std::string* rebuilt = nullptr) {
    try {
      auto writer = std::unique_ptr<Writer>(new Writer(db_path));
      std::string recorded = writer->db_.get_metadata(s::kMetaSchema);
      Status version = s::CheckSchemaVersion(db_path, recorded, writer->db_.get_doccount());
      if (!version.ok() && rebuild_older && s::OlderSchema(recorded)) {
        writer.reset();  // closes the database and releases its lock
        std::error_code ec;
        std::filesystem::remove_all(db_path, ec);
        if (ec) return Status::IoError(db_path + ": cannot remove the old index: " + ec.message());
        writer = std::unique_ptr<Writer>(new Writer(db_path));
        if (rebuilt) *rebuilt = recorded.empty() ? "1" : recorded;
        return writer;
      }
      CLAIMDEX_RETURN_IF_ERROR(version);
      return writer;
    } catch (const Xapian::DatabaseLockError&) {
      return Status::Busy(db_path + ": another process is writing the index");
    } catch (const Xapian::Error& e) {
      return Status::Runtime(db_path + ": cannot open the index: " + e.get_description());
    }
  }

  Status Add(const Document& doc, IndexReport* report) {
    if (doc.id.empty()) {
      report->warnings.push_back("document without an id skipped (" + doc.url + ")");
      return Status::Ok();
    }
    BuiltArticle built;
    try {
      built = BuildArticle(doc, &tg_, blank_, report);
    } catch (const Xapian::Error& e) {
      return Status::Runtime(path_ + ": indexing " + doc.id + ": " + e.get_description());
    }
    return queue_.Push(std::move(built));
  }

  // Records `key` -> `value` in the metadata (empty key: none) and commits.
  Status Commit(const std::string& key = "", const std::string& value = "") {
    CLAIMDEX_RETURN_IF_ERROR(queue_.Drain());
    try {
      if (!key.empty()) db_.set_metadata(key, value);
      db_.set_metadata(s::kMetaSchema, s::kSchemaVersion);
      db_.commit();
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::Runtime(path_ + ": commit failed: " + e.get_description());
    }
  }

  // The last commit of a run, then the document table of what was committed
  // (index/doc_table.h; a fifth of a second at a million claims, so once a run rather than
  // after each docs file: a run killed before it leaves a table searches ignore). A table that
  // cannot be written is a warning in `report`: searches ask Xapian instead, slower but the same.
  Status CommitWithTable(IndexReport* report) {
    CLAIMDEX_RETURN_IF_ERROR(Commit());
    try {
      Status table = WriteDocTable(db_, path_);
      if (!table.ok()) report->warnings.push_back(table.message());
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::Runtime(path_ + ": document table: " + e.get_description());
    }
  }

  Result<std::string> Metadata(const std::string& key) {
    CLAIMDEX_RETURN_IF_ERROR(queue_.Drain());
    try {
      return db_.get_metadata(key);
    } catch (const Xapian::Error& e) {
      return Status::Runtime(path_ + ": " + e.get_description());
    }
  }

 private:
  explicit Writer(const std::string& path)
      : path_(path), db_(path, Xapian::DB_CREATE_OR_OPEN), queue_(&db_, path) {
    tg_.set_stemmer(Xapian::Stem(new MemoStem()));
  }

  std::string path_;
  Xapian::WritableDatabase db_;
  Xapian::TermGenerator tg_;
  Xapian::Document blank_;  // what tg_ points at between documents (BuildArticle)
  WriteQueue queue_;        // after db_: stopped before the database is closed
};

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Indexes one docs file unless the metadata says this exact content was indexed already.
Status IndexFile(const std::string& path, bool all, Writer* writer, IndexReport* report) {
  Result<std::string> content = ReadFile(path);
  if (!content.ok()) return content.status();
  std::string key = std::string(s::kMetaFilePrefix) + BaseName(path);
  std::string stamp = std::to_string(content->size()) + " " + HexDigest(*content);
  Result<std::string> old = writer->Metadata(key);
  if (!old.ok()) return old.status();
  if (!all && *old == stamp) return Status::Ok();
  Status add_status;
  Status read = ReadDocsFile(
      path,
      [&](Document&& doc) {
        add_status = writer->Add(doc, report);
        return add_status.ok();
      },
      &report->warnings);
  CLAIMDEX_RETURN_IF_ERROR(read);
  CLAIMDEX_RETURN_IF_ERROR(add_status);
  ++report->files;
  return writer->Commit(key, stamp);
}

}  // namespace

Result<IndexReport> IndexDataDir(const DataDir& dir, const IndexOptions& options) {
  // The index is made from docs/: one of an older schema is rebuilt from them.
  std::string rebuilt;
  Result<std::unique_ptr<Writer>> writer = Writer::Open(dir.xapian_dir(), true, &rebuilt);
  if (!writer.ok()) return writer.status();
  std::vector<std::string> files = ListDocsFiles(dir.docs_dir());
  for (std::string& f : files) {
    if (f.find('/') == std::string::npos) f = dir.docs_dir() + "/" + f;
  }
  IndexReport report;
  if (!rebuilt.empty()) {
    report.warnings.push_back(dir.xapian_dir() + ": index built with schema " + rebuilt +
                              ", rebuilt for schema " + s::kSchemaVersion + " from docs/");
  }
  for (size_t i = 0; i < files.size(); ++i) {
    CLAIMDEX_RETURN_IF_ERROR(IndexFile(files[i], options.all, writer->get(), &report));
    if (options.progress) options.progress(i + 1, files.size());
  }
  CLAIMDEX_RETURN_IF_ERROR((*writer)->CommitWithTable(&report));
  return report;
}

Result<IndexReport> IndexDocuments(const std::string& db_path, const std::vector<Document>& docs) {
  Result<std::unique_ptr<Writer>> writer = Writer::Open(db_path);
  if (!writer.ok()) return writer.status();
  IndexReport report;
  for (const Document& doc : docs) CLAIMDEX_RETURN_IF_ERROR((*writer)->Add(doc, &report));
  CLAIMDEX_RETURN_IF_ERROR((*writer)->CommitWithTable(&report));
  return report;
}

}  // namespace claimdex
