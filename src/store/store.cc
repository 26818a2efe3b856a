// Opening (checks before any write, then WAL and migrations) and writing coded documents.
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "parley/store.h"
#include "store/pack.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace parley::store {
namespace {

namespace fs = std::filesystem;

#define PARLEY_RETURN_IF_ERROR(expr) \
  do {                               \
    Status _st = (expr);             \
    if (!_st.ok()) return _st;       \
  } while (0)

std::string FormatNow(const char* fmt) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, fmt, &tm);
  return buf;
}

const char* FormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kHtml: return "html";
    case InputFormat::kJsonl: return "jsonl";
    default: return "text";
  }
}

// What the file holds, read without writing anything.
struct Inspection {
  bool empty = false;  // no schema at all: a new database
  int64_t version = 0;
};

Result<Inspection> Inspect(Db& db, const std::string& path) {
  auto app_id = db.QueryInt("PRAGMA application_id");
  if (!app_id.ok()) {
    return Status(StatusCode::kConflict, path + " is not a SQLite database or is corrupt (" +
                                             app_id.status().message() + ")");
  }
  auto version = db.QueryInt("PRAGMA user_version");
  auto tables = db.QueryInt("SELECT count(*) FROM sqlite_schema");
  if (!version.ok() || !tables.ok()) {
    return Status(StatusCode::kConflict, path + " is corrupt: cannot read its schema");
  }
  Inspection in;
  in.version = *version;
  if (*app_id != kApplicationId) {
    if (*tables > 0 || *version != 0) {
      return Status(StatusCode::kConflict,
                    path + " is a SQLite database but not parley's; give another --db");
    }
    in.empty = true;
    return in;
  }
  if (*version > kSchemaVersion) {
    return Status(StatusCode::kConflict,
                  path + " was written by a newer parley (schema " + std::to_string(*version) +
                      "; this parley knows up to " + std::to_string(kSchemaVersion) + ")");
  }
  return in;
}

Status QuickCheck(Db& db, const std::string& path) {
  auto stmt = db.Prepare("PRAGMA quick_check(1)");
  if (!stmt.ok()) return Status(StatusCode::kConflict, path + " is corrupt: " + stmt.status().message());
  Status st;
  if (!stmt->Step(&st)) return Status(StatusCode::kConflict, path + " is corrupt: " + st.message());
  const std::string verdict = stmt->Text(0);
  if (verdict != "ok") return Status(StatusCode::kConflict, path + " is corrupt: " + verdict);
  return Status::Ok();
}

// Takes the write lock once, briefly, so a database another writer holds is refused before
// anything is written.
Status CheckNotLocked(Db& db, const std::string& path) {
  sqlite3_busy_timeout(db.get(), 1500);
  Status st = db.Exec("BEGIN IMMEDIATE");
  if (!st.ok()) {
    if (st.code() == StatusCode::kConflict) {
      return Status(StatusCode::kConflict, path +
                                               " is locked by another writer (is another parley "
                                               "ingest running?); nothing was changed");
    }
    return st;
  }
  return db.Exec("ROLLBACK");
}

Status Migrate(Db& db, int64_t from, bool fresh) {
  PARLEY_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  const auto& scripts = Migrations();
  for (size_t v = static_cast<size_t>(from); v < scripts.size(); ++v) {
    Status st = db.Exec(scripts[v]);
    if (!st.ok()) {
      (void)db.Exec("ROLLBACK");
      return Status(st.code(), "migrating the store to schema " + std::to_string(v + 1) + ": " +
                                   st.message());
    }
  }
  if (fresh) {
    PARLEY_RETURN_IF_ERROR(db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId)));
    auto meta = db.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('created_at', ?)");
    if (!meta.ok()) return meta.status();
    PARLEY_RETURN_IF_ERROR(meta->Bind(1, NowIso()).Run());
  }
  PARLEY_RETURN_IF_ERROR(db.Exec("PRAGMA user_version = " + std::to_string(scripts.size())));
  return db.Exec("COMMIT");
}

Status PrepareForWriting(Db& db, const std::string& path, const Inspection& in) {
  if (!in.empty) PARLEY_RETURN_IF_ERROR(QuickCheck(db, path));
  // 32 KB pages for a new database (before anything, BEGIN included, fixes the size): a
  // document row (body, packed mentions) fits in its page instead of a chain of 4 KB overflow
  // pages, and each commit and checkpoint moves fewer, fuller pages: a quarter less CPU storing.
  if (in.empty) PARLEY_RETURN_IF_ERROR(db.Exec("PRAGMA page_size = 32768"));
  PARLEY_RETURN_IF_ERROR(CheckNotLocked(db, path));
  PARLEY_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
  PARLEY_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL"));  // WAL: durable at checkpoints
  // Checkpoint every 16 MB of WAL (counted in pages of the database's size), not every 1,000
  // pages: pages every batch touches again (tree interiors, right edges) go back to the
  // database once per checkpoint, and 1,000 pages of 32 KB would let the WAL grow to 32 MB.
  auto page_size = db.QueryInt("PRAGMA page_size");
  const int64_t pages = (16 << 20) / std::max<int64_t>(512, page_size.ok() ? *page_size : 4096);
  (void)db.Exec("PRAGMA wal_autocheckpoint = " + std::to_string(pages));
  sqlite3_busy_timeout(db.get(), 10000);
  if (in.empty || in.version < kSchemaVersion) return Migrate(db, in.version, in.empty);
  return Status::Ok();
}

}  // namespace

std::string NowIso() { return FormatNow("%Y-%m-%dT%H:%M:%SZ"); }
std::string NowStamp() { return FormatNow("%Y%m%d%H%M%S"); }

Stmt* Store::Impl::Cached(const char* sql, Status* status) {
  auto it = cache.find(sql);
  if (it != cache.end()) return &it->second;
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) {
    *status = stmt.status();
    return nullptr;
  }
  return &cache.emplace(sql, std::move(stmt.value())).first->second;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() {
  if (impl_ && impl_->in_batch) Rollback();
  if (impl_) {  // statements must go before the connection closes
    impl_->cache.clear();
    impl_->bulk.clear();
  }
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, Mode mode) {
  const bool read_only = mode == Mode::kReadOnly;
  std::error_code ec;
  if (read_only && !fs::exists(path, ec)) {
    return Status(StatusCode::kNotFound,
                  "no parley database at " + path + " (run `parley ingest` first, or give --db)");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->read_only = read_only;
  // NOMUTEX: a Store belongs to one thread at a time, so SQLite need not lock the connection
  // around every bind, step and column read.
  const int flags = SQLITE_OPEN_NOMUTEX |
                    (read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  PARLEY_RETURN_IF_ERROR(impl->db.Open(path, flags));
  sqlite3_busy_timeout(impl->db.get(), 5000);
  auto in = Inspect(impl->db, path);
  if (!in.ok()) return in.status();
  if (read_only) {
    if (in->empty) return Status(StatusCode::kNotFound, path + " holds no parley data yet");
    if (in->version < kSchemaVersion) {
      return Status(StatusCode::kConflict,
                    path + " has an older schema; run `parley ingest` on it once to upgrade");
    }
  } else {
    PARLEY_RETURN_IF_ERROR(PrepareForWriting(impl->db, path, *in));
  }
  (void)impl->db.Exec("PRAGMA cache_size = -65536");
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::Begin() {
  PARLEY_RETURN_IF_ERROR(impl_->db.Exec("BEGIN IMMEDIATE"));
  impl_->in_batch = true;
  impl_->batch_time = NowIso();
  impl_->batch_stamp = NowStamp();
  return Status::Ok();
}

Status Store::Commit() {
  PARLEY_RETURN_IF_ERROR(impl_->IndexPendingMentions());
  Status st = impl_->db.Exec("COMMIT");
  if (st.ok()) impl_->in_batch = false;
  return st;
}

void Store::Rollback() {
  (void)impl_->db.Exec("ROLLBACK");
  impl_->in_batch = false;
  impl_->fts_pending_from = 0;
}

namespace {

// Rows per multi-row INSERT: one statement per table per document for most documents (a
// statement costs more than a row), few distinct statements to prepare. The INSERTs say OR FAIL
// rather than the default ABORT: a failed row fails the whole batch, which is rolled back, so
// SQLite need not keep a statement journal to undo the rows before it.
constexpr size_t kRowsPerInsert = 32;

// Writes of one document's annotation rows (errors, quotes, event mentions): multi-row INSERTs
// through cached prepared statements. Actors, places and times are packed into the document's
// row instead (pack.h). A quote's text is stored only when it is not the span of the body it
// points at (NULL otherwise; readers rebuild it).
class Writer {
 public:
  Writer(Store::Impl& impl, int64_t doc, const std::string& body)
      : impl_(impl), doc_(doc), body_(body) {}

  Status DeleteAnnotations();
  Status InsertAnnotations(const CodedDocument& cd);

 private:
  // Inserts `rows` with `head` (`columns` parameters a row); `bind(binder, index, row)` binds one.
  template <typename T, typename BindRow>
  Status InsertRows(const char* head, int columns, const std::vector<T>& rows, BindRow bind);
  Status Errors(const std::vector<DocError>& errors);
  Status Quotes(const std::vector<Quote>& quotes);
  Status Events(const CodedDocument& cd);
  Result<int64_t> EventId(const Event& e);

  Store::Impl& impl_;
  int64_t doc_;
  const std::string& body_;
  Status status_;
};

template <typename T, typename BindRow>
Status Writer::InsertRows(const char* head, int columns, const std::vector<T>& rows, BindRow bind) {
  for (size_t i = 0; i < rows.size();) {
    const size_t n = std::min(kRowsPerInsert, rows.size() - i);
    Stmt* s = impl_.Bulk(head, columns, n, &status_);
    if (!s) return status_;
    for (size_t r = 0; r < n; ++r) {
      Binder b(*s, static_cast<int>(r) * columns + 1);
      bind(b, i + r, rows[i + r]);  // binds every column, NULLs included
    }
    PARLEY_RETURN_IF_ERROR(s->Run(/*clear_bindings=*/false));
    i += n;
  }
  return Status::Ok();
}

Status Writer::DeleteAnnotations() {
  static const char* kOrphans =
      "DELETE FROM events WHERE id IN (SELECT event_id FROM mentions WHERE doc = ?1) AND NOT "
      "EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.id AND m.doc <> ?1)";
  static const char* kDeletes[] = {
      "DELETE FROM mentions WHERE doc = ?", "DELETE FROM quotes WHERE doc = ?",
      "DELETE FROM doc_errors WHERE doc = ?"};
  // The delete trigger takes mentions out of the full-text index: they must be in it first.
  PARLEY_RETURN_IF_ERROR(impl_.IndexPendingMentions());
  Stmt* orphans = impl_.Cached(kOrphans, &status_);
  if (!orphans) return status_;
  PARLEY_RETURN_IF_ERROR(orphans->Bind(1, doc_).Run());
  for (const char* sql : kDeletes) {
    Stmt* s = impl_.Cached(sql, &status_);
    if (!s) return status_;
    PARLEY_RETURN_IF_ERROR(s->Bind(1, doc_).Run());
  }
  return Status::Ok();
}

Status Writer::InsertAnnotations(const CodedDocument& cd) {
  PARLEY_RETURN_IF_ERROR(Errors(cd.doc.errors));
  PARLEY_RETURN_IF_ERROR(Quotes(cd.quotes));
  return Events(cd);
}

Status Writer::Errors(const std::vector<DocError>& errors) {
  static const char* kHead = "INSERT OR FAIL INTO doc_errors(doc, idx, code, message, byte_offset) VALUES ";
  return InsertRows(kHead, 5, errors, [&](Binder& b, size_t i, const DocError& e) {
    b << doc_ << i << e.code << e.message << e.offset;
  });
}

Status Writer::Quotes(const std::vector<Quote>& quotes) {
  static const char* kHead =
      "INSERT OR FAIL INTO quotes(doc, idx, text, span_start, span_end, sentence, kind, speaker, "
      "speaker_code, speaker_start, speaker_end, cue) VALUES ";
  return InsertRows(kHead, 12, quotes, [&](Binder& b, size_t i, const Quote& q) {
    b << doc_ << i << UnlessSpan(q.text, q.start, q.end, body_) << q.start << q.end << q.sentence;
    b << q.kind << q.speaker << q.speaker_code << q.speaker_start << q.speaker_end << q.cue;
  });
}

// The id of the deduplicated event this statement is a mention of (created when new).
Result<int64_t> Writer::EventId(const Event& e) {
  static const char* kFind =
      "SELECT id FROM events WHERE source = ? AND target = ? AND code = ? AND event_date = ?";
  static const char* kAdd =
      "INSERT INTO events(source, target, code, event_date, root, plover, quad_class, goldstein, "
      "date_lo, date_hi, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
  const std::string date = e.date.value_or("");
  Stmt* find = impl_.Cached(kFind, &status_);
  if (!find) return status_;
  find->Bind(1, e.source).Bind(2, e.target).Bind(3, e.code).Bind(4, date);
  Status st;
  const bool found = find->Step(&st);
  const int64_t id = found ? find->Int(0) : 0;
  find->Reset();
  if (!st.ok()) return st;
  if (found) return id;
  Stmt* add = impl_.Cached(kAdd, &status_);
  if (!add) return status_;
  add->Bind(1, e.source).Bind(2, e.target).Bind(3, e.code).Bind(4, date).Bind(5, e.root);
  add->Bind(6, e.plover).Bind(7, int64_t(e.quad_class)).Bind(8, e.goldstein);
  const auto bounds = DateBounds(date);  // outlives Run(): bound without a copy
  if (bounds) add->Bind(9, bounds->first).Bind(10, bounds->second);
  add->Bind(11, impl_.batch_stamp);
  PARLEY_RETURN_IF_ERROR(add->Run());
  return sqlite3_last_insert_rowid(impl_.db.get());
}

Status Writer::Events(const CodedDocument& cd) {
  static const char* kHead =
      "INSERT OR FAIL INTO mentions(event_id, doc, idx, sentence, paragraph, mentions, modality, "
      "evidence, source_text, target_text, verb_text, pattern, explanation, loc_name, "
      "loc_country, loc_lat, loc_lon) VALUES ";
  if (cd.events.empty()) return Status::Ok();
  std::vector<int64_t> ids;
  ids.reserve(cd.events.size());
  for (const Event& e : cd.events) {
    auto id = EventId(e);
    if (!id.ok()) return id.status();
    ids.push_back(*id);
  }
  if (impl_.fts_pending_from == 0) {  // rows get ids max + 1, max + 2, ...: the batch's are from here on
    static const char* kNextId = "SELECT coalesce(max(id), 0) + 1 FROM mentions";
    Stmt* next = impl_.Cached(kNextId, &status_);
    if (!next) return status_;
    Status st;
    const bool row = next->Step(&st);
    impl_.fts_pending_from = row ? next->Int(0) : 0;
    next->Reset();
    if (!st.ok()) return st;
  }
  const auto& sentences = cd.layer.sentences;
  return InsertRows(kHead, 17, cd.events, [&](Binder& b, size_t i, const Event& e) {
    const uint32_t paragraph = e.sentence < sentences.size() ? sentences[e.sentence].paragraph : 0;
    b << ids[i] << doc_ << i << e.sentence << paragraph << e.mentions << e.modality << e.evidence;
    b << e.source_text << e.target_text << e.verb_text << e.pattern;
    if (e.explanation.empty()) b.Null(); else b << e.explanation;
    if (e.location) {
      b << e.location->name << e.location->country << e.location->lat << e.location->lon;
    } else {
      b.Null().Null().Null().Null();
    }
  });
}

// Sentences as stored: (start, end, paragraph) little-endian uint32 triples.
std::string PackSentences(const std::vector<Sentence>& sentences) {
  std::string out;
  out.reserve(sentences.size() * 12);
  for (const Sentence& s : sentences) {
    for (uint32_t v : {s.start, s.end, s.paragraph}) {
      for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>((v >> (8 * b)) & 0xff));
    }
  }
  return out;
}

std::string JoinCaptions(const std::vector<std::string>& captions) {
  std::string out;
  for (const auto& c : captions) out += c + "\n";
  return out;
}

struct Packed {
  std::optional<std::string> actors, places, times;
};

Packed PackAnnotations(const CodedDocument& cd) {
  return Packed{PackActors(cd.actors, cd.doc.text), PackPlaces(cd.places, cd.doc.text),
                PackTimes(cd.times, cd.doc.text)};
}

struct Known {
  int64_t id = 0;
  bool current = false;
};

// The stored document with these hashes: by raw bytes, else (rows stored without them) by text.
Result<std::optional<Known>> FindStored(Store::Impl& impl, const DocHashes& h) {
  static const char* kByRaw = "SELECT id, current FROM documents WHERE raw_hash = ?";
  // Without INDEXED BY the planner walks every raw_hash IS NULL row of the unique index. At
  // most one row matches: a second document with the same text hash would be a duplicate.
  static const char* kByText =
      "SELECT id, current FROM documents INDEXED BY documents_text_hash "
      "WHERE raw_hash IS NULL AND text_hash = ?";
  Status st;
  for (const char* sql : {kByRaw, kByText}) {
    if (sql == kByRaw && h.raw.empty()) continue;
    Stmt* s = impl.Cached(sql, &st);
    if (!s) return st;
    s->Bind(1, sql == kByRaw ? h.raw : h.text);
    const bool found = s->Step(&st);
    const Known k{found ? s->Int(0) : 0, found && s->Int(1) == 1};
    s->Reset();
    if (!st.ok()) return st;
    if (found) return std::optional<Known>(k);
  }
  return std::optional<Known>();
}

}  // namespace

Stmt* Store::Impl::Bulk(const char* head, int columns, size_t rows, Status* status) {
  auto it = bulk.find({head, rows});
  if (it != bulk.end()) return &it->second;
  std::string group = "(";
  for (int c = 0; c < columns; ++c) group += c ? ",?" : "?";
  group += ")";
  std::string sql = head;
  for (size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + group;
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) {
    *status = stmt.status();
    return nullptr;
  }
  return &bulk.emplace(std::make_pair(head, rows), std::move(stmt.value())).first->second;
}

Status Store::Impl::IndexPendingMentions() {
  static const char* kIndex =
      "INSERT INTO mentions_fts(rowid, evidence) SELECT id, evidence FROM mentions WHERE id >= ?";
  if (fts_pending_from == 0) return Status::Ok();
  Status st;
  Stmt* s = Cached(kIndex, &st);
  if (!s) return st;
  PARLEY_RETURN_IF_ERROR(s->Bind(1, fts_pending_from).Run());
  fts_pending_from = 0;
  return Status::Ok();
}

Result<bool> Store::HasContent(const DocHashes& hashes) {
  auto known = FindStored(*impl_, hashes);
  if (!known.ok()) return known.status();
  return known->has_value();
}

Result<PutOutcome> Store::Put(const CodedDocument& cd, const DocHashes& hashes, bool recode) {
  static const char* kByKey = "SELECT id, version FROM documents WHERE doc_key = ? AND current = 1";
  static const char* kRetire =
      "UPDATE documents SET current = 0, body = NULL, sentences = NULL, actors = NULL, "
      "places = NULL, times = NULL WHERE id = ?";
  static const char* kRecoded =
      "UPDATE documents SET coded_at = ?, sentences = ?, actors = ?, places = ?, times = ? "
      "WHERE id = ?";
  static const char* kInsert =
      "INSERT INTO documents(doc_key, doc_id, version, current, raw_hash, text_hash, url, source, "
      "title, published, format, body, sentences, captions, actors, places, times, ingested_at, "
      "coded_at) VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  PARLEY_CHECK(impl_->in_batch);
  auto known = FindStored(*impl_, hashes);
  if (!known.ok()) return known.status();
  Status st;
  const std::string packed = PackSentences(cd.layer.sentences);
  const Packed p = PackAnnotations(cd);
  if (known->has_value()) {
    const Known k = **known;
    if (!recode || !k.current) return PutOutcome::kDuplicate;
    Writer w(*impl_, k.id, cd.doc.text);
    PARLEY_RETURN_IF_ERROR(w.DeleteAnnotations());
    PARLEY_RETURN_IF_ERROR(w.InsertAnnotations(cd));
    Stmt* upd = impl_->Cached(kRecoded, &st);
    if (!upd) return st;
    upd->Bind(1, impl_->batch_time).BindBlob(2, packed.data(), packed.size());
    Binder(*upd, 3) << p.actors << p.places << p.times << k.id;
    PARLEY_RETURN_IF_ERROR(upd->Run());
    return PutOutcome::kRecoded;
  }
  const std::string key = cd.doc.url.value_or(cd.doc.id);
  Stmt* by_key = impl_->Cached(kByKey, &st);
  if (!by_key) return st;
  by_key->Bind(1, key);
  const bool has_prev = by_key->Step(&st);
  const int64_t prev_id = has_prev ? by_key->Int(0) : 0;
  const int64_t version = has_prev ? by_key->Int(1) + 1 : 1;
  by_key->Reset();
  if (!st.ok()) return st;
  if (has_prev) {
    Writer old(*impl_, prev_id, cd.doc.text);
    PARLEY_RETURN_IF_ERROR(old.DeleteAnnotations());
    Stmt* retire = impl_->Cached(kRetire, &st);
    if (!retire) return st;
    PARLEY_RETURN_IF_ERROR(retire->Bind(1, prev_id).Run());
  }
  Stmt* ins = impl_->Cached(kInsert, &st);
  if (!ins) return st;
  const Document& d = cd.doc;
  Binder b(*ins);
  b << key << d.id << version;
  if (hashes.raw.empty()) b.Null(); else b << hashes.raw;
  b << hashes.text << d.url << d.source << d.title << d.published;
  b << std::string_view(FormatName(d.format)) << d.text;
  ins->BindBlob(12, packed.data(), packed.size());
  const std::string captions = JoinCaptions(d.captions);
  if (!d.captions.empty()) ins->Bind(13, captions);
  Binder(*ins, 14) << p.actors << p.places << p.times << impl_->batch_time << impl_->batch_time;
  PARLEY_RETURN_IF_ERROR(ins->Run());
  Writer w(*impl_, sqlite3_last_insert_rowid(impl_->db.get()), d.text);
  PARLEY_RETURN_IF_ERROR(w.InsertAnnotations(cd));
  return has_prev ? PutOutcome::kNewVersion : PutOutcome::kNew;
}

}  // namespace parley::store
