// Pages in legacy character sets other than Windows-1252 (windows-1251, KOI8-R, ISO-8859-2,
// Shift_JIS, GBK...): ICU converts them to UTF-8, keeping for every UTF-8 byte the raw byte
// offset it came from, so that the Document's map can be carried back to the raw page.
// Only ASCII-compatible charsets are converted (HTML markup must stay readable).
// Thread-safe (each call opens its own converter).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"

namespace parley::ingest::html {

struct Transcoded {
  std::string utf8;
  std::vector<uint64_t> raw_of;  // raw offset of each byte of utf8, plus one for the end
};

// Nothing when ICU does not know `charset` or it is not ASCII-compatible.
std::optional<Transcoded> TranscodeToUtf8(std::string_view raw, const std::string& charset);

// Rewrites a map into `t.utf8` as a map into the raw page.
void MapToRaw(const Transcoded& t, OffsetMap* map);

}  // namespace parley::ingest::html
