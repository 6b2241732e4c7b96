#include "crawler/state.h"

#include <ctime>

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
  next_try REAL NOT NULL DEFAULT 0,
  revisit_interval REAL NOT NULL DEFAULT 0);
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
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT NOT NULL DEFAULT '',
  checked INTEGER NOT NULL DEFAULT 0);
)sql";

// RFC 3339 UTC ("2025-02-22T10:01:02Z") to unix seconds; 0 when unreadable.
double ParseRfc3339(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') return 0;
  return static_cast<double>(timegm(&tm));
}

// RFC 3339 of `unix_seconds` when it is still in the future, else "".
std::string FutureRfc3339(double unix_seconds) {
  std::time_t now = std::time(nullptr);
  if (unix_seconds <= static_cast<double>(now)) return "";
  std::time_t when = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&when, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

FrontierEntry ReadEntry(SqliteStmt& stmt) {
  FrontierEntry entry;
  entry.url = stmt.Text(0);
  entry.host = stmt.Text(1);
  entry.kind = ParseUrlKind(stmt.Text(2));
  entry.depth = static_cast<int>(stmt.Int(3));
  entry.attempts = static_cast<int>(stmt.Int(4));
  entry.next_try = stmt.Real(5);
  entry.revisit_interval = stmt.Real(6);
  entry.discovered_from = stmt.Text(7);
  return entry;
}

constexpr char kEntryColumns[] =
    "url, host, kind, depth, attempts, next_try, revisit_interval, discovered_from";

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
  CLAIMDEX_RETURN_IF_ERROR(state->Migrate());
  return state;
}

// A state.sqlite written before revisit scheduling lacks frontier.revisit_interval.
Status CrawlState::Migrate() {
  auto stmt = db_->Prepare(
      "SELECT COUNT(*) FROM pragma_table_info('frontier')"
      " WHERE name='revisit_interval'");
  if (!stmt.ok()) return stmt.status();
  bool present = stmt->Step() && stmt->Int(0) > 0;
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  if (present) return Status::Ok();
  return db_->Exec("ALTER TABLE frontier ADD COLUMN revisit_interval REAL NOT NULL DEFAULT 0");
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
  auto stmt = db_->Prepare(std::string("SELECT ") + kEntryColumns +
                           " FROM frontier WHERE status='queued' ORDER BY depth, rowid");
  if (!stmt.ok()) return stmt.status();
  std::vector<FrontierEntry> entries;
  while (stmt->Step()) entries.push_back(ReadEntry(stmt.value()));
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  return entries;
}

Result<std::vector<std::pair<std::string, int64_t>>> CrawlState::QueuedHosts() {
  auto stmt = db_->Prepare(
      "SELECT host, COUNT(*) FROM frontier WHERE status='queued' GROUP BY host ORDER BY host");
  if (!stmt.ok()) return stmt.status();
  std::vector<std::pair<std::string, int64_t>> hosts;
  while (stmt->Step()) hosts.emplace_back(stmt->Text(0), stmt->Int(1));
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  return hosts;
}

Result<std::vector<FrontierEntry>> CrawlState::LoadHostWindow(const std::string& host, int limit,
                                                              int64_t* cursor) {
  auto stmt = db_->Prepare(std::string("SELECT ") + kEntryColumns +
                           ", rowid FROM frontier WHERE status='queued' AND host=? AND rowid>?"
                           " ORDER BY rowid LIMIT ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, host).Bind(2, *cursor).Bind(3, limit);
  std::vector<FrontierEntry> entries;
  while (stmt->Step()) {
    entries.push_back(ReadEntry(stmt.value()));
    *cursor = stmt->Int(8);
  }
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  return entries;
}

Result<int64_t> CrawlState::RequeueDue(double now) {
  auto stmt = db_->Prepare(
      "UPDATE frontier SET status='queued', attempts=0 WHERE status='done' AND"
      " revisit_interval>0 AND next_try<=?");
  if (!stmt.ok()) return stmt.status();
  CLAIMDEX_RETURN_IF_ERROR(stmt->Bind(1, now).Run());
  return db_->Changes();
}

Status CrawlState::RequeueSeed(const FrontierEntry& entry, double now, bool* queued) {
  auto stmt =
      db_->Prepare("SELECT kind, status, next_try, revisit_interval FROM frontier WHERE url=?");
  if (!stmt.ok()) return stmt.status();
  bool waiting = false;
  if (stmt->Bind(1, entry.url).Step()) {
    bool adaptive = entry.kind == UrlKind::kFeed || entry.kind == UrlKind::kSitemap;
    waiting = adaptive && ParseUrlKind(stmt->Text(0)) == entry.kind && stmt->Text(1) == "done" &&
              stmt->Real(3) > 0 && stmt->Real(2) > now;
  }
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  *queued = !waiting;
  if (waiting) return Status::Ok();
  return RequeueUrl(entry);
}

Status CrawlState::ScheduleRevisit(const std::string& url, double next_try, double interval) {
  auto stmt =
      db_->Prepare("UPDATE frontier SET status='done', next_try=?, revisit_interval=? WHERE url=?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, next_try).Bind(2, interval).Bind(3, url).Run();
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
      " WHERE q.host=h.host AND q.status IN ('queued','inflight')), h.next_allowed_time"
      " FROM hosts h ORDER BY h.host");
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
    health.not_before = FutureRfc3339(stmt->Real(7));
    hosts.push_back(std::move(health));
  }
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  return hosts;
}

Result<StoredHost> CrawlState::LoadHost(const std::string& host) {
  auto stmt = db_->Prepare(
      "SELECT next_allowed_time, robots_text, robots_status, robots_fetched FROM hosts"
      " WHERE host=?");
  if (!stmt.ok()) return stmt.status();
  StoredHost stored;
  if (stmt->Bind(1, host).Step()) {
    stored.next_allowed = stmt->Real(0);
    stored.robots_text = stmt->Text(1);
    stored.robots_status = stmt->Text(2);
    stored.robots_fetched = ParseRfc3339(stmt->Text(3));
  }
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  return stored;
}

Result<int64_t> CrawlState::BeginRun(const std::string& time) {
  auto stmt = db_->Prepare("INSERT INTO runs(started) VALUES(?)");
  if (!stmt.ok()) return stmt.status();
  CLAIMDEX_RETURN_IF_ERROR(stmt->Bind(1, time).Run());
  auto id = db_->Prepare("SELECT last_insert_rowid()");
  if (!id.ok()) return id.status();
  int64_t run = id->Step() ? id->Int(0) : 0;
  CLAIMDEX_RETURN_IF_ERROR(id->status());
  return run;
}

Status CrawlState::EndRun(int64_t run, const std::string& time) {
  auto stmt = db_->Prepare("UPDATE runs SET finished=?, checked=1 WHERE id=?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, time).Bind(2, run).Run();
}

Result<std::vector<std::string>> CrawlState::StartsOfKilledRuns(int64_t current_run) {
  auto stmt = db_->Prepare("SELECT started FROM runs WHERE checked=0 AND id<>? ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  std::vector<std::string> starts;
  stmt->Bind(1, current_run);
  while (stmt->Step()) starts.push_back(stmt->Text(0));
  CLAIMDEX_RETURN_IF_ERROR(stmt->status());
  auto mark = db_->Prepare("UPDATE runs SET checked=1 WHERE checked=0 AND id<>?");
  if (!mark.ok()) return mark.status();
  CLAIMDEX_RETURN_IF_ERROR(mark->Bind(1, current_run).Run());
  return starts;
}

}  // namespace claimdex
