// Opening (checks before any write, then WAL and migrations) and writing coded documents.
#include <sys/stat.h>

#include <ctime>
#include <filesystem>

#include "parley/store.h"
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
  PARLEY_RETURN_IF_ERROR(CheckNotLocked(db, path));
  PARLEY_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
  PARLEY_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL"));
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
  if (impl_) impl_->cache.clear();  // statements must go before the connection closes
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
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
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
  Status st = impl_->db.Exec("COMMIT");
  if (st.ok()) impl_->in_batch = false;
  return st;
}

void Store::Rollback() {
  (void)impl_->db.Exec("ROLLBACK");
  impl_->in_batch = false;
}

Result<bool> Store::HasContent(const std::string& hash) {
  static const char* kSql = "SELECT 1 FROM documents WHERE content_hash = ?";
  Status st;
  Stmt* s = impl_->Cached(kSql, &st);
  if (!s) return st;
  s->Bind(1, hash);
  const bool found = s->Step(&st);
  s->Reset();
  if (!st.ok()) return st;
  return found;
}

namespace {

// Writes of one document's annotations, all through cached prepared statements.
class Writer {
 public:
  Writer(Store::Impl& impl, int64_t doc) : impl_(impl), doc_(doc) {}

  Status DeleteAnnotations();
  Status InsertAnnotations(const CodedDocument& cd);

 private:
  Stmt* S(const char* sql) { return status_.ok() ? impl_.Cached(sql, &status_) : nullptr; }
  Status Errors(const std::vector<DocError>& errors);
  Status Actors(const std::vector<ActorMention>& actors);
  Status Places(const std::vector<Place>& places);
  Status Times(const std::vector<TimeExpr>& times);
  Status Quotes(const std::vector<Quote>& quotes);
  Status Events(const CodedDocument& cd);
  Result<int64_t> EventId(const Event& e);

  Store::Impl& impl_;
  int64_t doc_;
  Status status_;
};

Status Writer::DeleteAnnotations() {
  static const char* kOrphans =
      "DELETE FROM events WHERE id IN (SELECT event_id FROM mentions WHERE doc = ?1) AND NOT "
      "EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.id AND m.doc <> ?1)";
  static const char* kDeletes[] = {
      "DELETE FROM mentions WHERE doc = ?",  "DELETE FROM quotes WHERE doc = ?",
      "DELETE FROM times WHERE doc = ?",     "DELETE FROM places WHERE doc = ?",
      "DELETE FROM actors WHERE doc = ?",    "DELETE FROM doc_errors WHERE doc = ?"};
  Stmt* orphans = S(kOrphans);
  if (!orphans) return status_;
  PARLEY_RETURN_IF_ERROR(orphans->Bind(1, doc_).Run());
  for (const char* sql : kDeletes) {
    Stmt* s = S(sql);
    if (!s) return status_;
    PARLEY_RETURN_IF_ERROR(s->Bind(1, doc_).Run());
  }
  return Status::Ok();
}

Status Writer::InsertAnnotations(const CodedDocument& cd) {
  PARLEY_RETURN_IF_ERROR(Errors(cd.doc.errors));
  PARLEY_RETURN_IF_ERROR(Actors(cd.actors));
  PARLEY_RETURN_IF_ERROR(Places(cd.places));
  PARLEY_RETURN_IF_ERROR(Times(cd.times));
  PARLEY_RETURN_IF_ERROR(Quotes(cd.quotes));
  return Events(cd);
}

Status Writer::Errors(const std::vector<DocError>& errors) {
  static const char* kSql =
      "INSERT INTO doc_errors(doc, idx, code, message, byte_offset) VALUES (?,?,?,?,?)";
  for (size_t i = 0; i < errors.size(); ++i) {
    Stmt* s = S(kSql);
    if (!s) return status_;
    s->Bind(1, doc_).Bind(2, int64_t(i)).Bind(3, errors[i].code).Bind(4, errors[i].message);
    if (errors[i].offset) s->Bind(5, int64_t(*errors[i].offset));
    PARLEY_RETURN_IF_ERROR(s->Run());
  }
  return Status::Ok();
}

Status Writer::Actors(const std::vector<ActorMention>& actors) {
  static const char* kSql =
      "INSERT INTO actors(doc, idx, text, span_start, span_end, sentence, kind, code, country, "
      "sector, name, entity, antecedent) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
  for (size_t i = 0; i < actors.size(); ++i) {
    const ActorMention& a = actors[i];
    Stmt* s = S(kSql);
    if (!s) return status_;
    s->Bind(1, doc_).Bind(2, int64_t(i)).Bind(3, a.text).Bind(4, int64_t(a.start));
    s->Bind(5, int64_t(a.end)).Bind(6, int64_t(a.sentence)).Bind(7, a.kind).Bind(8, a.code);
    s->Bind(9, a.country).Bind(10, a.sector).Bind(11, a.name).Bind(12, int64_t(a.entity));
    if (a.antecedent) s->Bind(13, int64_t(*a.antecedent));
    PARLEY_RETURN_IF_ERROR(s->Run());
  }
  return Status::Ok();
}

Status Writer::Places(const std::vector<Place>& places) {
  static const char* kSql =
      "INSERT INTO places(doc, idx, text, span_start, span_end, sentence, name, country, lat, "
      "lon) VALUES (?,?,?,?,?,?,?,?,?,?)";
  for (size_t i = 0; i < places.size(); ++i) {
    const Place& p = places[i];
    Stmt* s = S(kSql);
    if (!s) return status_;
    s->Bind(1, doc_).Bind(2, int64_t(i)).Bind(3, p.text).Bind(4, int64_t(p.start));
    s->Bind(5, int64_t(p.end)).Bind(6, int64_t(p.sentence)).Bind(7, p.name).Bind(8, p.country);
    PARLEY_RETURN_IF_ERROR(s->Bind(9, p.lat).Bind(10, p.lon).Run());
  }
  return Status::Ok();
}

Status Writer::Times(const std::vector<TimeExpr>& times) {
  static const char* kSql =
      "INSERT INTO times(doc, idx, text, span_start, span_end, sentence, type, value, value_max, "
      "anchor, deadline_earliest, deadline_latest) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
  for (size_t i = 0; i < times.size(); ++i) {
    const TimeExpr& t = times[i];
    Stmt* s = S(kSql);
    if (!s) return status_;
    s->Bind(1, doc_).Bind(2, int64_t(i)).Bind(3, t.text).Bind(4, int64_t(t.start));
    s->Bind(5, int64_t(t.end)).Bind(6, int64_t(t.sentence)).Bind(7, t.type).Bind(8, t.value);
    s->Bind(9, t.value_max).Bind(10, t.anchor);
    if (t.deadline) s->Bind(11, t.deadline->earliest).Bind(12, t.deadline->latest);
    PARLEY_RETURN_IF_ERROR(s->Run());
  }
  return Status::Ok();
}

Status Writer::Quotes(const std::vector<Quote>& quotes) {
  static const char* kSql =
      "INSERT INTO quotes(doc, idx, text, span_start, span_end, sentence, kind, speaker, "
      "speaker_code, speaker_start, speaker_end, cue) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
  for (size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    Stmt* s = S(kSql);
    if (!s) return status_;
    s->Bind(1, doc_).Bind(2, int64_t(i)).Bind(3, q.text).Bind(4, int64_t(q.start));
    s->Bind(5, int64_t(q.end)).Bind(6, int64_t(q.sentence)).Bind(7, q.kind).Bind(8, q.speaker);
    s->Bind(9, q.speaker_code);
    if (q.speaker_start) s->Bind(10, int64_t(*q.speaker_start));
    if (q.speaker_end) s->Bind(11, int64_t(*q.speaker_end));
    PARLEY_RETURN_IF_ERROR(s->Bind(12, q.cue).Run());
  }
  return Status::Ok();
}

// The id of the deduplicated event this statement is a mention of (created when new).
Result<int64_t> Writer::EventId(const Event& e) {
  static const char* kFind =
      "SELECT id FROM events WHERE source = ? AND target = ? AND code = ? AND event_date = ?";
  static const char* kAdd =
      "INSERT INTO events(source, target, code, event_date, root, plover, quad_class, goldstein, "
      "date_lo, date_hi, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
  const std::string date = e.date.value_or("");
  Stmt* find = S(kFind);
  if (!find) return status_;
  find->Bind(1, e.source).Bind(2, e.target).Bind(3, e.code).Bind(4, date);
  Status st;
  const bool found = find->Step(&st);
  const int64_t id = found ? find->Int(0) : 0;
  find->Reset();
  if (!st.ok()) return st;
  if (found) return id;
  Stmt* add = S(kAdd);
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
  static const char* kSql =
      "INSERT INTO mentions(event_id, doc, idx, sentence, paragraph, mentions, modality, "
      "evidence, source_text, target_text, verb_text, pattern, explanation, loc_name, "
      "loc_country, loc_lat, loc_lon) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  for (size_t i = 0; i < cd.events.size(); ++i) {
    const Event& e = cd.events[i];
    auto event_id = EventId(e);
    if (!event_id.ok()) return event_id.status();
    const uint32_t paragraph =
        e.sentence < cd.layer.sentences.size() ? cd.layer.sentences[e.sentence].paragraph : 0;
    Stmt* s = S(kSql);
    if (!s) return status_;
    s->Bind(1, *event_id).Bind(2, doc_).Bind(3, int64_t(i)).Bind(4, int64_t(e.sentence));
    s->Bind(5, int64_t(paragraph)).Bind(6, int64_t(e.mentions)).Bind(7, e.modality);
    s->Bind(8, e.evidence).Bind(9, e.source_text).Bind(10, e.target_text).Bind(11, e.verb_text);
    s->Bind(12, e.pattern);
    if (!e.explanation.empty()) s->Bind(13, e.explanation);
    if (e.location) {
      s->Bind(14, e.location->name).Bind(15, e.location->country);
      s->Bind(16, e.location->lat).Bind(17, e.location->lon);
    }
    PARLEY_RETURN_IF_ERROR(s->Run());
  }
  return Status::Ok();
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

}  // namespace

Result<PutOutcome> Store::Put(const CodedDocument& cd, const std::string& hash, bool recode) {
  static const char* kByHash = "SELECT id, current FROM documents WHERE content_hash = ?";
  static const char* kByKey = "SELECT id, version FROM documents WHERE doc_key = ? AND current = 1";
  static const char* kRetire =
      "UPDATE documents SET current = 0, body = NULL, sentences = NULL WHERE id = ?";
  static const char* kRecoded = "UPDATE documents SET coded_at = ?, sentences = ? WHERE id = ?";
  static const char* kInsert =
      "INSERT INTO documents(doc_key, doc_id, version, current, content_hash, url, source, title, "
      "published, format, body, sentences, captions, ingested_at, coded_at) "
      "VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?,?)";
  PARLEY_CHECK(impl_->in_batch);
  Status st;
  Stmt* by_hash = impl_->Cached(kByHash, &st);
  if (!by_hash) return st;
  by_hash->Bind(1, hash);
  const bool known = by_hash->Step(&st);
  const int64_t known_id = known ? by_hash->Int(0) : 0;
  const bool known_current = known && by_hash->Int(1) == 1;
  by_hash->Reset();
  if (!st.ok()) return st;
  if (known) {
    if (!recode || !known_current) return PutOutcome::kDuplicate;
    Writer w(*impl_, known_id);
    PARLEY_RETURN_IF_ERROR(w.DeleteAnnotations());
    PARLEY_RETURN_IF_ERROR(w.InsertAnnotations(cd));
    Stmt* upd = impl_->Cached(kRecoded, &st);
    if (!upd) return st;
    const std::string packed = PackSentences(cd.layer.sentences);
    upd->Bind(1, impl_->batch_time).BindBlob(2, packed.data(), packed.size());
    PARLEY_RETURN_IF_ERROR(upd->Bind(3, known_id).Run());
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
    Writer old(*impl_, prev_id);
    PARLEY_RETURN_IF_ERROR(old.DeleteAnnotations());
    Stmt* retire = impl_->Cached(kRetire, &st);
    if (!retire) return st;
    PARLEY_RETURN_IF_ERROR(retire->Bind(1, prev_id).Run());
  }
  Stmt* ins = impl_->Cached(kInsert, &st);
  if (!ins) return st;
  const Document& d = cd.doc;
  ins->Bind(1, key).Bind(2, d.id).Bind(3, version).Bind(4, hash).Bind(5, d.url).Bind(6, d.source);
  ins->Bind(7, d.title).Bind(8, d.published).Bind(9, std::string_view(FormatName(d.format)));
  ins->Bind(10, d.text);
  const std::string packed = PackSentences(cd.layer.sentences);
  ins->BindBlob(11, packed.data(), packed.size());
  const std::string captions = JoinCaptions(d.captions);
  if (!d.captions.empty()) ins->Bind(12, captions);
  ins->Bind(13, impl_->batch_time).Bind(14, impl_->batch_time);
  PARLEY_RETURN_IF_ERROR(ins->Run());
  Writer w(*impl_, sqlite3_last_insert_rowid(impl_->db.get()));
  PARLEY_RETURN_IF_ERROR(w.InsertAnnotations(cd));
  return has_prev ? PutOutcome::kNewVersion : PutOutcome::kNew;
}

}  // namespace parley::store
