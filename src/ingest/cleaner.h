// The cleaner: repairs one span of raw text into a TextBuilder, touching only what needs
// repair so that clean input comes out byte-identical:
//   - HTML tag leftovers (<u>said</u> -> said) and comments are removed;
//   - entities (&amp; &#8217; &nbsp;) are decoded;
//   - mojibake (UTF-8 read as Windows-1252, "â€™" -> "’", "Ã©" -> "é") is repaired;
//   - invalid UTF-8 is replaced with U+FFFD, or, when the input has no valid multi-byte
//     sequence at all, decoded as Windows-1252 (the reverse mojibake);
//   - control characters other than tab and newline are dropped; CRLF becomes LF.
// Linear in the input. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "util/text_builder.h"

namespace parley::ingest {

struct CleanStats {
  uint64_t tags_removed = 0;
  uint64_t entities_decoded = 0;
  uint64_t mojibake_repaired = 0;
  uint64_t invalid_bytes = 0;       // replaced with U+FFFD
  uint64_t cp1252_bytes = 0;        // decoded as Windows-1252
  uint64_t controls_removed = 0;
  int64_t first_invalid_clean_offset = -1;
};

// How the raw input should be decoded: chosen once per document by ChooseEncoding.
enum class RawEncoding { kUtf8, kWindows1252 };

// Looks at the whole raw input: Windows-1252 when it has invalid UTF-8 and no valid
// multi-byte sequence, else UTF-8.
RawEncoding ChooseEncoding(std::string_view raw);

// True when the input looks binary (NUL bytes, or mostly control bytes) and is not text.
bool LooksBinary(std::string_view raw);

struct CleanOptions {
  RawEncoding encoding = RawEncoding::kUtf8;
  bool strip_tags = true;  // false for text that came out of an HTML parser
};

// Cleans raw[0, size) (whose first byte is at `raw_offset` in the whole input) into `out`.
void CleanInto(std::string_view raw, uint64_t raw_offset, const CleanOptions& options,
               util::TextBuilder* out, CleanStats* stats);

// Adds the document-level warnings that `stats` calls for to `errors`.
void ReportCleanStats(const CleanStats& stats, std::vector<DocError>* errors);

// Normalizes text to NFC (ICU) when it is not already, keeping the offset map in step.
// Returns true when anything changed.
bool NormalizeNfc(std::string* text, OffsetMap* map);

}  // namespace parley::ingest
