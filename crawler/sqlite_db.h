// A thin RAII layer over sqlite3: a database handle, prepared statements and transactions,
// with every SQLite error turned into a Status naming the database file and the statement.
//
// Thread-safety: one thread at a time per SqliteDb (the crawler's loop is single-threaded).
#ifndef CLAIMDEX_CRAWLER_SQLITE_DB_H_
#define CLAIMDEX_CRAWLER_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "corpus/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace claimdex {

class SqliteStmt;

class SqliteDb {
 public:
  // Opens (creating when absent) the database at `path` in WAL mode with a 5 s busy timeout.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements without results.
  Status Exec(const std::string& sql);
  // Prepares one statement; the statement must not outlive this database. Statements are
  // cached by their SQL text: a finished SqliteStmt hands its compiled statement back (reset,
  // bindings cleared) for the next Prepare of the same text.
  Result<SqliteStmt> Prepare(const std::string& sql);
  int64_t Changes() const;
  // "PATH: SQL: sqlite message" for the last error.
  Status Error(std::string_view what) const;

 private:
  friend class SqliteStmt;
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  // Takes back a statement a SqliteStmt is done with (finalizes it when one is cached already).
  void Release(sqlite3_stmt* stmt, std::string sql);
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;  // idle, reset statements
};

// A prepared statement. Bind parameters are 1-based; Step() returns true while a row is
// available, false when done, and records an error retrievable through status().
class SqliteStmt {
 public:
  SqliteStmt(SqliteStmt&& other) noexcept;
  SqliteStmt& operator=(SqliteStmt&&) = delete;
  SqliteStmt(const SqliteStmt&) = delete;
  ~SqliteStmt();

  SqliteStmt& Bind(int index, std::string_view text);
  SqliteStmt& Bind(int index, int64_t value);
  SqliteStmt& Bind(int index, double value);
  SqliteStmt& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }

  bool Step();
  // Steps to completion; the error, if any.
  Status Run();
  Status status() const { return status_; }

  std::string Text(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;

 private:
  friend class SqliteDb;
  SqliteStmt(SqliteDb* db, sqlite3_stmt* stmt, std::string sql)
      : db_(db), stmt_(stmt), sql_(std::move(sql)) {}
  SqliteDb* db_;
  sqlite3_stmt* stmt_;
  std::string sql_;
  Status status_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() succeeded.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteDb* db);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  const Status& begin_status() const { return begin_; }
  Status Commit();

 private:
  SqliteDb* db_;
  Status begin_;
  bool done_ = false;
};

}  // namespace claimdex

#endif  // CLAIMDEX_CRAWLER_SQLITE_DB_H_
