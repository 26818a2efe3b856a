// Document: what the ingest stage hands to every later stage. The clean `text` is what all
// offsets point into (UTF-8 bytes); `raw_map` maps any clean offset back to the raw input, so
// every later span can be shown in the original. Plain data, no behaviour beyond lookups.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley {

// A warning or error about one document. `code` is a short stable identifier
// (e.g. "invalid_utf8", "empty_document", "bad_json"); `offset` is a byte offset into the
// clean text when the problem has a place.
struct DocError {
  std::string code;
  std::string message;
  std::optional<uint64_t> offset;
};

// Maps offsets of the clean text back to the raw input. Segments are sorted by clean_start;
// a verbatim segment maps byte for byte; a replaced segment (a decoded entity, a joined line
// break) maps every byte inside it to raw_start.
struct OffsetMap {
  struct Segment {
    uint64_t clean_start;
    uint64_t raw_start;
    uint64_t raw_length;
    uint64_t clean_length;
  };
  std::vector<Segment> segments;

  // The raw offset of a clean offset (clean offsets past the end map to the raw end).
  uint64_t ToRaw(uint64_t clean_offset) const;
  // The raw offset of a span's exclusive end: the end of the raw bytes the span's last clean
  // byte came from, so a word before a removed tag ("said</u>") maps to "said", not past the tag.
  uint64_t ToRawEnd(uint64_t clean_end) const;
};

// What the raw input was.
enum class InputFormat { kText, kHtml, kJsonl };

struct Document {
  std::string id;
  std::optional<std::string> title;
  std::optional<std::string> published;  // YYYY-MM-DD
  std::optional<std::string> url;
  std::optional<std::string> source;
  std::string text;                     // clean body text
  std::vector<std::string> captions;    // photo captions and credits found outside the body
  InputFormat format = InputFormat::kText;
  OffsetMap raw_map;
  // XXH3-128 (32 hex digits) of the raw input bytes: the file, or the JSONL line without its
  // line break. Set by ingest::ReadSource; empty for documents not read from input.
  std::string raw_hash;
  std::vector<DocError> errors;
  bool unreadable = false;  // the input could not be read at all (exit status 1)
};

}  // namespace parley
