// Thin RAII wrappers over the SQLite C API: a connection and prepared statements with typed
// binds and column reads. Errors come back as parley::Status carrying SQLite's message.
// Thread-safety: a Db and its statements belong to one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parley/status.h"

namespace parley::store {

// Maps a SQLite result code to a Status with `what` as context.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  ~Stmt();

  // Binds by 1-based index. Empty optionals bind NULL. Text and blobs are not copied: they must
  // stay alive until the statement has run (Run/Step) or is reset.
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::optional<std::string>& v);
  Stmt& Bind(int i, const std::optional<double>& v);
  Stmt& BindNull(int i);
  Stmt& BindBlob(int i, const void* data, size_t size);

  // Steps once: true when a row is ready, false when done; errors go to *status.
  bool Step(Status* status);
  // Runs to completion (for writes); resets for the next use. Without `clear_bindings` the
  // values stay bound (pointers included): for statements whose every parameter is bound
  // before each run, where clearing hundreds of parameters would be wasted work.
  Status Run(bool clear_bindings = true);
  void Reset(bool clear_bindings = true);

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  std::optional<std::string> OptText(int col) const;
  std::optional<double> OptReal(int col) const;
  std::optional<int64_t> OptInt(int col) const;
  std::string Blob(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Binds values to consecutive parameters of a statement, from `first` on: one row of a
// multi-row INSERT is bound as `Binder(stmt, row * columns + 1) << a << b << ...`. Empty
// optionals bind NULL; unsigned and size values bind as integers.
class Binder {
 public:
  explicit Binder(Stmt& stmt, int first = 1) : stmt_(stmt), next_(first) {}
  template <typename T>
  Binder& operator<<(const T& v) {
    stmt_.Bind(next_++, v);
    return *this;
  }
  Binder& operator<<(int v) { return *this << int64_t{v}; }
  Binder& operator<<(uint32_t v) { return *this << int64_t{v}; }
  Binder& operator<<(uint64_t v) { return *this << static_cast<int64_t>(v); }
  Binder& operator<<(const std::optional<uint32_t>& v) {
    return v ? *this << *v : Null();
  }
  Binder& operator<<(const std::optional<uint64_t>& v) {
    return v ? *this << *v : Null();
  }
  Binder& operator<<(const std::optional<std::string_view>& v) {
    return v ? *this << *v : Null();
  }
  Binder& Null() {
    stmt_.BindNull(next_++);
    return *this;
  }

 private:
  Stmt& stmt_;
  int next_;
};

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Status Open(const std::string& path, int flags);
  sqlite3* get() const { return db_; }

  Result<Stmt> Prepare(std::string_view sql);
  // Runs one statement without parameters (pragmas, BEGIN/COMMIT, schema scripts).
  Status Exec(const std::string& sql);
  // The first column of the first row of a parameterless query, as an integer.
  Result<int64_t> QueryInt(std::string_view sql);

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace parley::store
