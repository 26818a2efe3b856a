// JSON fields of one JSONL line: the few fields the JSONL reader takes (id, title, date,
// published, url, source, text), read by a fast single-pass scanner that never builds a DOM.
//
// The scanner is strict: it accepts a line only when it is one JSON object that a conforming
// parser accepts too (every value is checked, nesting is at most 64 levels), and it gives up
// (returns false) on anything it does not handle itself: malformed or truncated input, invalid
// UTF-8, a byte order mark, escaped keys, numbers in the fields read (their text is the JSON
// library's), exponents. The JSONL reader then falls back to nlohmann::json, so a line always
// reads exactly as the full parser reads it; the scanner only makes the common case cheap
// (parsing the corpus with nlohmann cost more than cleaning it).
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::ingest {

enum class JsonFieldKind : uint8_t {
  kAbsent,  // no such key
  kNull,
  kString,  // value holds the decoded string
  kNumber,  // value holds the number as the JSON library writes it (only from the fallback)
  kOther,   // true, false, an array or an object
};

struct JsonField {
  JsonFieldKind kind = JsonFieldKind::kAbsent;
  std::string value;
};

struct JsonLineFields {
  JsonField id, title, date, published, url, source, text;
  // The field for `key`, or nullptr when the reader does not use it.
  JsonField* Find(std::string_view key);
};

// Reads `line` into `fields` (for duplicate keys the last one wins, as in nlohmann::json).
// Returns false when the full parser must decide; `fields` is then unspecified.
bool ScanJsonLine(std::string_view line, JsonLineFields* fields);

}  // namespace parley::ingest
