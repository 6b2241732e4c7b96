#include "crawler/state.h"

namespace claimdex {
namespace {

constexpr char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS frontier(
  url TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  kind TEXT NOT NULL,
  depth INTEGER NOT NULL,
  status TEXT NOT NULL,
  discovered_from TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_try REAL NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS frontier_by_status ON frontier(status, host);
CREATE TABLE IF NOT EXISTS hosts(
  host TEXT PRIMARY KEY,
  next_allowed_time REAL NOT NULL DEFAULT 0,
  robots_text TEXT NOT NULL DEFAULT '',
  robots_fetched TEXT NOT NULL DEFAULT '',
  robots_status TEXT NOT NULL DEFAULT 'not fetched',
  errors INTEGER NOT NULL DEFAULT 0,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  parked INTEGER NOT NULL DEFAULT 0,
  last_fetch TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS fetches(
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  host TEXT NOT NULL,
  time TEXT NOT NULL,
  status INTEGER NOT NULL,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  payload_digest TEXT NOT NULL DEFAULT '',
  warc_file TEXT NOT NULL DEFAULT '',
  warc_offset INTEGER NOT NULL DEFAULT 0,
  record_id TEXT NOT NULL DEFAULT '',
  record_type TEXT NOT NULL DEFAULT 'response',
  refers_to TEXT NOT NULL DEFAULT '',
  refers_to_date TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS fetches_by_url ON fetches(url, id);
CREATE INDEX IF NOT EXISTS fetches_by_host ON fetches(host);
)sql";

}  // namespace

const char* UrlKindName(UrlKind kind) {
  switch (kind) {
    case UrlKind::kFeed:
      return "feed";
    case UrlKind::kSitemap:
      return "sitemap";
    case UrlKind::kRobots:
      return "robots";
    case UrlKind::kPage:
      break;
  }
  return "page";
}

UrlKind ParseUrlKind(const std::string& name) {
  if (name == "feed") return UrlKind::kFeed;
  if (name == "sitemap") return UrlKind::kSitemap;
  if (name == "robots") return UrlKind::kRobots;
  return UrlKind::kPage;
}

Result<std::unique_ptr<CrawlState>> CrawlState::Open(const std::string& path) {
  auto db = SqliteDb::Open(path);
  if (!db.ok()) return db.status();
  std::unique_ptr<CrawlState> state(new CrawlState(std::move(db.value())));
  CLAIMDEX_RETURN_IF_ERROR(state->db_->Exec(kSchema));
  return state;
}

Status CrawlState::ResetForRun() {
  return db_->Exec(
      "UPDATE frontier SET status='queued' WHERE status='inflight';"
      "UPDATE hosts SET parked=0, consecutive_failures=0;");
}

Status CrawlState::EnsureHost(const std::string& host) {
  auto stmt = db_->Prepare("INSERT OR IGNORE INTO hosts(host) VALUES(?)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, host).Run();
}

Status CrawlState::AddUrl(const FrontierEntry& entry, const std::string& discovered_from,
                          bool* added) {
  auto stmt = db_->Prepare(
      "INSERT OR IGNORE INTO frontier(url, host, kind, depth, status, discovered_from, attempts,"
      " next_try) VALUES(?, ?, ?, ?, 'queued', ?, 0, 0)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, entry.url)
      .Bind(2, entry.host)
      .Bind(3, UrlKindName(entry.kind))
      .Bind(4, entry.depth);
  CLAIMDEX_RETURN_IF_ERROR(stmt->Bind(5, discovered_from).Run());
  *added = db_->Changes() > 0;
  if (*added) CLAIMDEX_RETURN_IF_ERROR(EnsureHost(entry.host));
  return Status::Ok();
}

Status CrawlState::RequeueUrl(const FrontierEntry& entry) {
  auto stmt = db_->Prepare(
      "INSERT INTO frontier(url, host, kind, depth, status) VALUES(?, ?, ?, ?, 'queued')"
      " ON CONFLICT(url) DO UPDATE SET status='queued', attempts=0, next_try=0,"
      " kind=excluded.kind, depth=MIN(depth, excluded.depth)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, entry.url).Bind(2, entry.host).Bind(3, UrlKindName(entry.kind));
  CLAIMDEX_RETURN_IF_ERROR(stmt->Bind(4, entry.depth).Run());
  return EnsureHost(entry.host);
}

Result<std::vector<FrontierEntry>> CrawlState::LoadQueued() {
  auto stmt = db_->Prepare(
      "SELECT url, host, kind, depth, attempts, next_try FROM frontier WHERE status='queued'"
      " ORDER BY depth, rowid");
  if (!stmt.ok()) return stmt.status();
  std::vector<FrontierEntry> entries;
  while (stmt->Step()) {
    FrontierEntry entry;
    entry.url = stmt->Text(0);
    entry.host = stmt->Text(1);
    entry.kind = ParseUrlKind(stmt->Text(2));
    entry.depth = static_cast<int>(stmt->Int(3));
    entry.attempts = static_cast<int>(stmt->Int(4));
    entry.next_try = stmt->Real(5);
    entries.push_back(std::move(entry));
  }
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  return entries;
}

Status CrawlState::SetUrlStatus(const std::string& url, const std::string& status, int attempts,
                                double next_try) {
  auto stmt = db_->Prepare("UPDATE frontier SET status=?, attempts=?, next_try=? WHERE url=?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, status).Bind(2, attempts).Bind(3, next_try).Bind(4, url).Run();
}

Result<PriorCapture> CrawlState::LastCapture(const std::string& url) {
  auto stmt = db_->Prepare(
      "SELECT etag, last_modified, payload_digest, record_id, time, record_type, refers_to,"
      " refers_to_date FROM fetches WHERE url=? AND status IN (200, 304) ORDER BY id DESC LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  PriorCapture prior;
  if (stmt->Bind(1, url).Step()) {
    bool revisit = stmt->Text(5) == "revisit";
    prior.etag = stmt->Text(0);
    prior.last_modified = stmt->Text(1);
    prior.payload_digest = stmt->Text(2);
    prior.record_id = revisit ? stmt->Text(6) : stmt->Text(3);
    prior.date = revisit ? stmt->Text(7) : stmt->Text(4);
  }
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  return prior;
}

Status CrawlState::RecordFetch(const FetchRow& row) {
  auto stmt = db_->Prepare(
      "INSERT INTO fetches(url, host, time, status, etag, last_modified, payload_digest,"
      " warc_file, warc_offset, record_id, record_type, refers_to, refers_to_date)"
      " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, row.url).Bind(2, row.host).Bind(3, row.time).Bind(4, row.status);
  stmt->Bind(5, row.etag).Bind(6, row.last_modified).Bind(7, row.payload_digest);
  stmt->Bind(8, row.warc_file).Bind(9, static_cast<int64_t>(row.warc_offset));
  stmt->Bind(10, row.record_id).Bind(11, row.record_type).Bind(12, row.refers_to);
  return stmt->Bind(13, row.refers_to_date).Run();
}

Status CrawlState::SaveRobots(const std::string& host, const std::string& text,
                              const std::string& status, const std::string& time) {
  CLAIMDEX_RETURN_IF_ERROR(EnsureHost(host));
  auto stmt = db_->Prepare(
      "UPDATE hosts SET robots_text=?, robots_status=?, robots_fetched=? WHERE host=?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, text).Bind(2, status).Bind(3, time).Bind(4, host).Run();
}

Status CrawlState::UpdateHost(const std::string& host, bool failed, bool parked,
                              double next_allowed, const std::string& time) {
  CLAIMDEX_RETURN_IF_ERROR(EnsureHost(host));
  auto stmt = db_->Prepare(
      "UPDATE hosts SET errors=errors+?, consecutive_failures=CASE WHEN ? THEN"
      " consecutive_failures+1 ELSE 0 END, parked=?, next_allowed_time=?, last_fetch=?"
      " WHERE host=?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, failed ? 1 : 0).Bind(2, failed ? 1 : 0).Bind(3, parked ? 1 : 0);
  return stmt->Bind(4, next_allowed).Bind(5, time).Bind(6, host).Run();
}

Result<std::vector<HostHealth>> CrawlState::ReadHealth() {
  auto stmt = db_->Prepare(
      "SELECT h.host, (SELECT COUNT(*) FROM fetches f WHERE f.host=h.host), h.errors,"
      " h.last_fetch, h.robots_status, h.parked, (SELECT COUNT(*) FROM frontier q"
      " WHERE q.host=h.host AND q.status IN ('queued','inflight')) FROM hosts h ORDER BY h.host");
  if (!stmt.ok()) return stmt.status();
  std::vector<HostHealth> hosts;
  while (stmt->Step()) {
    HostHealth health;
    health.host = stmt->Text(0);
    health.fetched = static_cast<uint64_t>(stmt->Int(1));
    health.errors = static_cast<uint64_t>(stmt->Int(2));
    health.last_fetch = stmt->Text(3);
    health.robots_status = stmt->Text(4);
    health.parked = stmt->Int(5) != 0;
    health.queued = static_cast<uint64_t>(stmt->Int(6));
    hosts.push_back(std::move(health));
  }
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  return hosts;
}

}  // namespace claimdex
