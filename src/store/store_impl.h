// Private to the store: the connection and its cache of prepared statements, shared by the
// files that implement Store (store.cc writes, query.cc and load.cc read).
#pragma once

#include <string>
#include <unordered_map>

#include "parley/store.h"
#include "store/sqlite.h"

namespace parley::store {

struct Store::Impl {
  Db db;
  std::string path;
  bool read_only = false;
  bool in_batch = false;
  std::string batch_time;   // ISO 8601 UTC, set by Begin
  std::string batch_stamp;  // YYYYMMDDHHMMSS, GDELT's DATEADDED
  // Statements prepared once per connection, keyed by their SQL text's address (the SQL lives
  // in static storage).
  std::unordered_map<const char*, Stmt> cache;

  // The cached statement for `sql` (prepared on first use), or nullptr with *status set.
  Stmt* Cached(const char* sql, Status* status);
};

// "2026-11-24T21:40:05Z" and "20261124214005" for now.
std::string NowIso();
std::string NowStamp();

}  // namespace parley::store
