// Store: parley's embedded record (SQLite, one file, no server). Keeps documents (with the hash
// of their content, source, URL and dates), sentences, actors, places, time expressions,
// quotations and events with every contract field and their evidence, and answers the queries
// of `parley events`, `parley quotes` and `parley dyad`.
//
// Inputs: CodedDocuments from the pipeline (Put) and filters (Events, Quotes, DyadEvents).
// Outputs: stored rows; deduplicated events (one per source, target, code and event date, with
// GDELT-style mentions/sources/articles counts); mentions (one per statement in a document).
//
// Rules: the same raw input (DocHashes) is stored once; the same document key (URL, else id) with
// different content is a new version (the old one keeps its row and hash, loses its
// annotations); Put with recode replaces a stored document's annotations. Every write runs inside
// a batch transaction, so a crash leaves whole documents only. A database that is not parley's,
// is corrupt, is from a newer schema or is locked by another writer is refused before anything is
// written.
//
// Thread-safety: one Store is used by one thread at a time. Several Stores (connections) may be
// open on the same file: WAL lets readers run while one writer writes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/annotations.h"
#include "parley/status.h"

namespace parley::store {

inline constexpr int kSchemaVersion = 2;          // PRAGMA user_version after migrations
inline constexpr int32_t kApplicationId = 0x50524C59;  // "PRLY", PRAGMA application_id

// What identifies a document (XXH3-128, 32 hex digits each). `raw`: its raw input bytes
// (Document::raw_hash; empty when it was not read from input). `text`: its title, publication
// date and clean text. Ids and URLs are not hashed apart from the raw bytes that hold them: the
// same file under two paths is one article; the same URL with other content is a new version.
// A document is stored once per raw hash; documents without one are known by their text hash.
struct DocHashes {
  std::string raw;
  std::string text;
  // The raw hash when there is one, else the text hash.
  const std::string& Identity() const { return raw.empty() ? text : raw; }
};
DocHashes HashDocument(const Document& doc);
// The text hash alone (title, date, clean text).
std::string TextHash(const Document& doc);

// The FIPS 10-4 country code GDELT uses for an ISO 3166-1 alpha-3 code (also CAMEO's KSV, USR,
// YUG); "" when there is none.
std::string IsoToFips(const std::string& iso3);

// Interval of an event date ("2025-07-28", "2025-07", "2025", "2016/2018") as first and last
// day (YYYY-MM-DD); nothing for other values.
std::optional<std::pair<std::string, std::string>> DateBounds(const std::string& date);

enum class PutOutcome { kNew, kNewVersion, kDuplicate, kRecoded };

struct Totals {
  int64_t documents = 0;  // current versions
  int64_t versions = 0;   // all document rows, superseded versions included
  int64_t sentences = 0, actors = 0, places = 0, times = 0, quotes = 0;
  int64_t events = 0;     // deduplicated events that have at least one mention
  int64_t mentions = 0;
};

// Filters of `parley events`. Codes are actor-code prefixes ("RUS" matches RUSGOV); `code` is a
// CAMEO code prefix ("13" matches 130..139x); dates are YYYY, YYYY-MM or YYYY-MM-DD and compare
// with the event's date interval; `text` is an FTS5 query over the evidence.
struct EventFilter {
  std::optional<std::string> source, target, actor;
  std::optional<std::pair<std::string, std::string>> dyad;
  std::optional<std::string> code;
  std::optional<int> quad;
  std::optional<std::string> since, until;
  std::optional<std::string> modality;
  std::optional<std::string> text;
  std::optional<int64_t> limit;
};

// Checks and normalizes (upper-cases codes) a filter; kInvalidArgument names the bad value.
Status ValidateEventFilter(EventFilter* filter);
// Checks and upper-cases one actor code given for `what` (an option name, for the message).
Status ValidateActorCode(const char* what, std::string* code);
// Checks a YYYY / YYYY-MM / YYYY-MM-DD bound and turns it into its first (since) or last day.
Status ValidateDateBound(const char* what, bool first_day, std::optional<std::string>* date);

struct QuoteFilter {
  std::optional<std::string> speaker;  // an actor-code prefix, or a name (case-insensitive part)
  std::optional<std::string> since, until;  // on the document's publication date
  std::optional<int64_t> limit;
};
Status ValidateQuoteFilter(QuoteFilter* filter);

// Where a stored mention or quote came from.
struct DocRef {
  std::string id;
  std::optional<std::string> url, source, title, published;
};

// One statement of an event in one document (all contract fields of Event).
struct StoredMention {
  int64_t id = 0;
  int64_t event_id = 0;
  DocRef doc;
  uint32_t paragraph = 0;
  Event event;
};

// A deduplicated event: its first mention (evidence and all) plus GDELT-style counts.
struct StoredEvent {
  int64_t id = 0;
  StoredMention first;
  int64_t mentions = 0;  // sum of the per-document mention counts
  int64_t sources = 0;   // distinct news sources
  int64_t articles = 0;  // distinct documents
  bool in_lead = false;  // some mention is in a document's first paragraph
  std::string added_at;  // UTC, YYYYMMDDHHMMSS, when the event was first stored
};

struct StoredQuote {
  DocRef doc;
  Quote quote;
};

// One deduplicated event of a dyad, in the direction it went.
struct DyadEvent {
  std::string date;       // first day of the event's date interval
  std::string last_date;  // last day (differs for "2025-07", "2007", "2016/2018")
  bool forward = true;  // A -> B (else B -> A)
  int quad_class = 0;
  double goldstein = 0;
};

class Store {
 public:
  enum class Mode { kReadOnly, kReadWrite };

  // Opens (kReadWrite: creates and migrates) the store at `path`. Refuses, changing nothing: a
  // file that is not SQLite or is corrupt, a SQLite database that is not parley's, a newer
  // schema, a database another writer holds (kConflict), a missing file in kReadOnly (kNotFound).
  static Result<std::unique_ptr<Store>> Open(const std::string& path, Mode mode);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // A batch is one transaction: Begin, any number of Put, Commit.
  Status Begin();
  Status Commit();
  void Rollback();

  // Whether a document with these hashes is stored (any version).
  Result<bool> HasContent(const DocHashes& hashes);
  // Stores a coded document (inside a batch). With `recode`, a document already stored with the
  // same hashes gets its annotations replaced (kRecoded) instead of being a duplicate.
  Result<PutOutcome> Put(const CodedDocument& doc, const DocHashes& hashes, bool recode);

  Result<Totals> Count();
  Result<std::vector<StoredEvent>> Events(const EventFilter& filter);
  Result<std::vector<StoredMention>> Mentions(const EventFilter& filter);
  Result<std::vector<StoredQuote>> Quotes(const QuoteFilter& filter);
  // Deduplicated events between actor-code prefixes a and b, both directions, dated, in date order.
  Result<std::vector<DyadEvent>> DyadEvents(const std::string& a, const std::string& b,
                                            const std::optional<std::string>& since,
                                            const std::optional<std::string>& until);
  // Coded documents as stored (text and every annotation), for re-coding and for tests.
  Result<std::vector<CodedDocument>> LoadDocuments(const std::vector<std::string>& ids);

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::store
