#include "store/schema.h"

namespace parley::store {
namespace {

// Version 1. Documents are grouped into versions by doc_key (URL, else id); only the current
// version keeps annotations. Sentences are spans that mean nothing without their document, so
// they are kept with it as one packed blob (little-endian uint32 start, end, paragraph per
// sentence) rather than as a row each: half of all rows, for no query that needs them. Events
// are deduplicated (source, target, code, event date); each
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

// Version 2.
// (a) A document is known by the hash of its raw input bytes (raw_hash: the file, or the JSONL
//     line). The v1 content_hash (title, date and clean text) stays as text_hash: it identifies
//     rows stored before raw bytes were hashed (raw_hash NULL) and documents a program built
//     rather than read. text_hash is not unique: two inputs may clean to the same text.
// (b) Actors, places and time expressions move into their document's row as JSON arrays of
//     arrays (src/store/pack.h gives the field order); views of the old names and columns unpack
//     them for SQL. No parley query filters on them, and a row each was two thirds of all rows.
// (c) Quotations keep their table, but their text is NULL when it is the span of the body it
//     points at (as in the packed arrays): offsets instead of copies.
// (d) The full-text index of the evidence is filled by the writer once per batch, not by a
//     trigger per row: FTS5 flushes its buffer at every statement of a transaction it is part
//     of, so a trigger made one tiny index segment per mention.
// SQLite cannot relax NOT NULL in place, so tables are rebuilt (rows keep their ids).
constexpr const char* kV2 = R"sql(
CREATE TABLE documents_v2 (
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  current INTEGER NOT NULL,
  raw_hash TEXT UNIQUE,
  text_hash TEXT NOT NULL,
  url TEXT, source TEXT, title TEXT, published TEXT,
  format TEXT NOT NULL,
  body TEXT,
  sentences BLOB,
  captions TEXT,
  actors TEXT, places TEXT, times TEXT,
  ingested_at TEXT NOT NULL,
  coded_at TEXT NOT NULL);
INSERT INTO documents_v2 SELECT d.id, d.doc_key, d.doc_id, d.version, d.current, NULL,
  d.content_hash, d.url, d.source, d.title, d.published, d.format, d.body, d.sentences, d.captions,
  (SELECT json_group_array(json(r)) FROM (SELECT json_array(span_start, span_end, sentence, kind,
     code, country, sector, name, entity, antecedent, text) AS r FROM actors
     WHERE doc = d.id ORDER BY idx)),
  (SELECT json_group_array(json(r)) FROM (SELECT json_array(span_start, span_end, sentence, name,
     country, lat, lon, text) AS r FROM places WHERE doc = d.id ORDER BY idx)),
  (SELECT json_group_array(json(r)) FROM (SELECT json_array(span_start, span_end, sentence, type,
     value, value_max, anchor, deadline_earliest, deadline_latest, text) AS r FROM times
     WHERE doc = d.id ORDER BY idx)),
  d.ingested_at, d.coded_at FROM documents d;
UPDATE documents_v2 SET actors = NULLIF(actors, '[]'), places = NULLIF(places, '[]'),
  times = NULLIF(times, '[]');
DROP TABLE documents;
DROP TABLE actors;
DROP TABLE places;
DROP TABLE times;
ALTER TABLE documents_v2 RENAME TO documents;
CREATE INDEX documents_key ON documents(doc_key) WHERE current = 1;
CREATE INDEX documents_id ON documents(doc_id);
CREATE INDEX documents_text_hash ON documents(text_hash) WHERE raw_hash IS NULL;
CREATE VIEW actors(doc, idx, text, span_start, span_end, sentence, kind, code, country, sector,
  name, entity, antecedent) AS
  SELECT d.id, CAST(j.key AS INTEGER), coalesce(j.value ->> 10, CAST(substr(CAST(d.body AS BLOB),
    (j.value ->> 0) + 1, (j.value ->> 1) - (j.value ->> 0)) AS TEXT)),
    j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5,
    j.value ->> 6, j.value ->> 7, j.value ->> 8, j.value ->> 9
  FROM documents d, json_each(d.actors) j WHERE d.actors IS NOT NULL;
CREATE VIEW places(doc, idx, text, span_start, span_end, sentence, name, country, lat, lon) AS
  SELECT d.id, CAST(j.key AS INTEGER), coalesce(j.value ->> 7, CAST(substr(CAST(d.body AS BLOB),
    (j.value ->> 0) + 1, (j.value ->> 1) - (j.value ->> 0)) AS TEXT)),
    j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5,
    j.value ->> 6
  FROM documents d, json_each(d.places) j WHERE d.places IS NOT NULL;
CREATE VIEW times(doc, idx, text, span_start, span_end, sentence, type, value, value_max, anchor,
  deadline_earliest, deadline_latest) AS
  SELECT d.id, CAST(j.key AS INTEGER), coalesce(j.value ->> 9, CAST(substr(CAST(d.body AS BLOB),
    (j.value ->> 0) + 1, (j.value ->> 1) - (j.value ->> 0)) AS TEXT)),
    j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5,
    j.value ->> 6, j.value ->> 7, j.value ->> 8
  FROM documents d, json_each(d.times) j WHERE d.times IS NOT NULL;
CREATE TABLE quotes_v2 (doc INTEGER NOT NULL, idx INTEGER NOT NULL,
  text TEXT, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL, kind TEXT NOT NULL, speaker TEXT, speaker_code TEXT,
  speaker_start INTEGER, speaker_end INTEGER, cue TEXT, PRIMARY KEY (doc, idx)) WITHOUT ROWID;
INSERT INTO quotes_v2 SELECT * FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes_v2 RENAME TO quotes;
DROP TRIGGER mentions_ai;
)sql";

}  // namespace

const std::vector<std::string>& Migrations() {
  static const std::vector<std::string> kAll = {kV1, kV2};
  return kAll;
}

}  // namespace parley::store
