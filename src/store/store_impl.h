// Private to the store: the connection and its cache of prepared statements, shared by the
// files that implement Store (store.cc writes, query.cc and load.cc read).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <utility>

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
  // Multi-row INSERTs, keyed by the statement's head (static storage) and its row count.
  std::map<std::pair<const char*, size_t>, Stmt> bulk;
  // The first mention row of this batch not yet in the full-text index (0: none). The index is
  // filled once per batch (IndexPendingMentions), before Commit and before any delete.
  int64_t fts_pending_from = 0;

  // The cached statement for `sql` (prepared on first use), or nullptr with *status set.
  Stmt* Cached(const char* sql, Status* status);
  // `head` ("INSERT INTO t(a, b) VALUES ") followed by `rows` groups of `columns` parameters,
  // prepared on first use; nullptr with *status set on failure.
  Stmt* Bulk(const char* head, int columns, size_t rows, Status* status);
  // Adds the batch's new mentions to the full-text index, in one statement.
  Status IndexPendingMentions();
};

// "2026-11-24T21:40:05Z" and "20261124214005" for now.
std::string NowIso();
std::string NowStamp();

}  // namespace parley::store
