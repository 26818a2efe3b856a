// The contract's output arrays as plain structs (see ../shared/docs/contract.md). Each
// extraction stage fills one of them; the output stage writes them. Offsets are UTF-8 byte
// offsets into Document::text; `sentence` is a 0-based index into TextLayer::sentences.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/document.h"
#include "parley/text.h"

namespace parley {

struct ActorMention {
  std::string text;
  uint32_t start = 0, end = 0;
  uint32_t sentence = 0;
  std::string kind = "actor";      // "actor" (more kinds may come: "pronoun", "nominal")
  std::string code;                // CAMEO-style code, e.g. "RUSGOV", "IGOUNO"
  std::string country;             // first three letters of code
  std::optional<std::string> sector;  // first role code after the country, or null
  std::string name;                // resolved canonical name ("Dmitry Peskov", "Russia")
  int32_t entity = -1;             // coreference chain id within the document
  std::optional<uint32_t> antecedent;  // index into actors of the mention referred back to
};

struct Place {
  std::string text;
  uint32_t start = 0, end = 0;
  uint32_t sentence = 0;
  std::string name;
  std::string country;  // ISO 3166-1 alpha-3
  std::optional<double> lat, lon;
};

struct Deadline {
  std::string earliest;  // YYYY-MM-DD
  std::string latest;
};

struct TimeExpr {
  std::string text;
  uint32_t start = 0, end = 0;
  uint32_t sentence = 0;
  std::string type;   // DATE, TIME, DURATION, SET
  std::string value;  // TIMEX3 value
  std::optional<std::string> value_max;
  std::optional<std::string> anchor;  // YYYY-MM-DD the expression was resolved against
  std::optional<Deadline> deadline;
};

struct Quote {
  std::string text;
  uint32_t start = 0, end = 0;
  uint32_t sentence = 0;
  std::string kind;  // direct, partial, indirect
  std::optional<std::string> speaker;
  std::optional<std::string> speaker_code;
  std::optional<uint32_t> speaker_start, speaker_end;
  std::optional<std::string> cue;
};

struct EventLocation {
  std::string name;
  std::string country;
  std::optional<double> lat, lon;
};

struct Event {
  std::string source, target;  // actor codes
  std::string code;            // CAMEO code, 2 to 4 digits
  std::string root;            // first two digits
  std::optional<std::string> plover;
  int quad_class = 0;
  double goldstein = 0.0;
  std::optional<std::string> date;
  std::optional<EventLocation> location;
  uint32_t sentence = 0;
  uint32_t mentions = 1;
  std::string evidence;
  std::string source_text, target_text, verb_text;
  std::string pattern;
  std::string modality = "asserted";  // asserted, negated, hypothetical, reported
  std::string explanation;            // filled only with --explain
};

// Everything parley knows about one document after coding.
struct CodedDocument {
  Document doc;
  TextLayer layer;
  std::vector<ActorMention> actors;
  std::vector<Place> places;
  std::vector<TimeExpr> times;
  std::vector<Quote> quotes;
  std::vector<Event> events;
};

}  // namespace parley
