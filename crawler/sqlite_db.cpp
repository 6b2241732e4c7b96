#include "crawler/sqlite_db.h"

#include <sqlite3.h>

namespace claimdex {

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return Status::IoError(path + ": cannot open: " + message);
  }
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw, path));
  sqlite3_busy_timeout(raw, 5000);
  // WAL keeps readers (claimdex stats) unblocked while a crawl writes; NORMAL sync is durable
  // against a process kill, which is the failure the kill-safety ordering is about.
  CLAIMDEX_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
  return db;
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status SqliteDb::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    return Status::IoError(path_ + ": " + sql.substr(0, 60) + ": " + text);
  }
  return Status::Ok();
}

Result<SqliteStmt> SqliteDb::Prepare(const std::string& sql) {
  // The crawl loop runs the same few statements hundreds of thousands of times; compiling the
  // SQL each time cost more than running it.
  if (auto it = cache_.find(sql); it != cache_.end()) {
    sqlite3_stmt* cached = it->second;
    cache_.erase(it);
    return SqliteStmt(this, cached, sql);
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    return Error(sql);
  }
  return SqliteStmt(this, stmt, sql);
}

int64_t SqliteDb::Changes() const { return sqlite3_changes(db_); }

Status SqliteDb::Error(std::string_view what) const {
  return Status::IoError(path_ + ": " + std::string(what.substr(0, 60)) + ": " +
                         sqlite3_errmsg(db_));
}

SqliteStmt::SqliteStmt(SqliteStmt&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), sql_(std::move(other.sql_)), status_(other.status_) {
  other.stmt_ = nullptr;
}

void SqliteDb::Release(sqlite3_stmt* stmt, std::string sql) {
  // Reset ends any read the statement holds open, so an idle cached statement keeps no lock.
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  auto [it, inserted] = cache_.try_emplace(std::move(sql), stmt);
  if (!inserted) sqlite3_finalize(stmt);
}

SqliteStmt::~SqliteStmt() {
  if (stmt_ != nullptr) db_->Release(stmt_, std::move(sql_));
}

SqliteStmt& SqliteStmt::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStmt& SqliteStmt::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

SqliteStmt& SqliteStmt::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

bool SqliteStmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE && status_.ok()) status_ = db_->Error(sql_);
  return false;
}

Status SqliteStmt::Run() {
  while (Step()) {
  }
  return status_;
}

std::string SqliteStmt::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

int64_t SqliteStmt::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double SqliteStmt::Real(int column) const { return sqlite3_column_double(stmt_, column); }

SqliteTransaction::SqliteTransaction(SqliteDb* db) : db_(db), begin_(db->Exec("BEGIN IMMEDIATE")) {}

SqliteTransaction::~SqliteTransaction() {
  if (!done_ && begin_.ok()) db_->Exec("ROLLBACK");
}

Status SqliteTransaction::Commit() {
  CLAIMDEX_RETURN_IF_ERROR(begin_);
  CLAIMDEX_RETURN_IF_ERROR(db_->Exec("COMMIT"));
  done_ = true;
  return Status::Ok();
}

}  // namespace claimdex
