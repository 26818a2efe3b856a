#include "store/schema.h"

namespace parley::store {
namespace {

// Version 1. Documents are grouped into versions by doc_key (URL, else id); only the current
// version keeps annotations. Sentences are spans that mean nothing without their document, so
// they are kept with it as one packed blob (little-endian uint32 start, end, paragraph per
// sentence) rather than as a row each: half of all rows, for no query that needs them. Events are deduplicated (source, target, code, event date); each
// statement of one in a document is a mention with its evidence, indexed by FTS5 (external
// content, kept in step by triggers).
constexpr const char* kV1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  current INTEGER NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  url TEXT, source TEXT, title TEXT, published TEXT,
  format TEXT NOT NULL,
  body TEXT,
  sentences BLOB,
  captions TEXT,
  ingested_at TEXT NOT NULL,
  coded_at TEXT NOT NULL);
CREATE INDEX documents_key ON documents(doc_key) WHERE current = 1;
CREATE INDEX documents_id ON documents(doc_id);
CREATE TABLE doc_errors (doc INTEGER NOT NULL, idx INTEGER NOT NULL, code TEXT NOT NULL,
  message TEXT NOT NULL, byte_offset INTEGER, PRIMARY KEY (doc, idx)) WITHOUT ROWID;
CREATE TABLE actors (doc INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, sentence INTEGER NOT NULL,
  kind TEXT NOT NULL, code TEXT NOT NULL, country TEXT NOT NULL, sector TEXT, name TEXT NOT NULL,
  entity INTEGER NOT NULL, antecedent INTEGER, PRIMARY KEY (doc, idx)) WITHOUT ROWID;
CREATE TABLE places (doc INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, sentence INTEGER NOT NULL,
  name TEXT NOT NULL, country TEXT NOT NULL, lat REAL, lon REAL, PRIMARY KEY (doc, idx)) WITHOUT ROWID;
CREATE TABLE times (doc INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, sentence INTEGER NOT NULL,
  type TEXT NOT NULL, value TEXT NOT NULL, value_max TEXT, anchor TEXT,
  deadline_earliest TEXT, deadline_latest TEXT, PRIMARY KEY (doc, idx)) WITHOUT ROWID;
CREATE TABLE quotes (doc INTEGER NOT NULL, idx INTEGER NOT NULL,
  text TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL, kind TEXT NOT NULL, speaker TEXT, speaker_code TEXT,
  speaker_start INTEGER, speaker_end INTEGER, cue TEXT, PRIMARY KEY (doc, idx)) WITHOUT ROWID;
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,
  event_date TEXT NOT NULL,
  root TEXT NOT NULL, plover TEXT, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  date_lo TEXT, date_hi TEXT,
  added_at TEXT NOT NULL,
  UNIQUE (source, target, code, event_date));
CREATE INDEX events_target ON events(target);
CREATE INDEX events_date ON events(date_lo);
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL,
  doc INTEGER NOT NULL, idx INTEGER NOT NULL,
  sentence INTEGER NOT NULL, paragraph INTEGER NOT NULL, mentions INTEGER NOT NULL,
  modality TEXT NOT NULL, evidence TEXT NOT NULL,
  source_text TEXT NOT NULL, target_text TEXT NOT NULL, verb_text TEXT NOT NULL,
  pattern TEXT NOT NULL, explanation TEXT,
  loc_name TEXT, loc_country TEXT, loc_lat REAL, loc_lon REAL);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE VIRTUAL TABLE mentions_fts USING fts5(evidence, content='mentions', content_rowid='id');
CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
  INSERT INTO mentions_fts(rowid, evidence) VALUES (new.id, new.evidence);
END;
CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
  INSERT INTO mentions_fts(mentions_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
END;
)sql";

}  // namespace

const std::vector<std::string>& Migrations() {
  static const std::vector<std::string> kAll = {kV1};
  return kAll;
}

}  // namespace parley::store
