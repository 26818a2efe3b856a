// The peers' validation records: PETRARCH's XML (`<Environment>` naming the dictionaries,
// `<Sentence date id category>` with `<EventCoding>`, `<Text>` and `<Parse>`, and `<Config>`
// switches between records) and TABARI's validation text format (see dict/README.md, "The
// peers' formats").
//
// Input: a file. Output: a RecordSet with the dictionary paths resolved relative to the file
// and each record carrying the options in force where it stands. A file that cannot be read
// or parsed is a Status; a bad record is kept with `problem` set. Pure functions.
#pragma once

#include <string>
#include <tuple>
#include <vector>

#include "parley/status.h"

namespace parley::peers {

struct ExpectedEvent {
  std::string source, target, code;
  bool operator==(const ExpectedEvent&) const = default;
  bool operator<(const ExpectedEvent& o) const {
    return std::tie(source, target, code) < std::tie(o.source, o.target, o.code);
  }
};

// What a coder made of one record.
struct CodeResult {
  std::vector<ExpectedEvent> events;  // sorted, without duplicates
  std::string error;                  // "bad_input_parse", "dateline", "sentencediscard", "storydiscard"
  std::vector<std::string> trace;     // why each event was coded (for --explain)
};

// The coder switches a record runs with (PETRARCH's <Config> options that change coding).
struct RecordOptions {
  bool require_dyad = true;   // false: an event with one side unknown is coded with "---"
  int new_actor_length = 0;   // > 0: an uncoded proper-noun phrase of at most this many words is an actor
};

struct ValidationRecord {
  std::string id, category;
  std::string date;             // YYYYMMDD
  bool sentence = true;         // PETRARCH's sentence="false": not a sentence-level test
  std::string text;
  std::string parse;            // Penn brackets ("" when absent)
  std::vector<ExpectedEvent> expected;
  bool expect_none = false;     // noevents="True"
  std::string expect_error;     // error="..." ("dateline", "bad_input_parse", "sentencediscard", ...)
  RecordOptions options;
  std::string problem;          // why the record itself is malformed ("" when fine)
};

struct RecordSet {
  std::string actors, agents, verbs, discards;  // dictionary paths ("" when not named)
  std::vector<std::string> include;             // categories to run (empty: all)
  bool tabari = false;                          // the dictionaries are in TABARI's format
  std::vector<ValidationRecord> records;
};

// PETRARCH XML records.
Result<RecordSet> ReadPetrarchRecords(const std::string& path);
// TABARI validation text records.
Result<RecordSet> ReadTabariRecords(const std::string& path);
// Either, by the file's first non-blank character ('<' is XML).
Result<RecordSet> ReadRecords(const std::string& path);

}  // namespace parley::peers
