// Writers for what the store returns: deduplicated events, mentions and quotes as a table for
// people (100 columns, with the evidence), CSV (RFC 4180), JSON Lines, and events as GDELT 2.0's
// 61-column event table (tab-separated; FIPS 10-4 geo codes; columns parley has no source for
// left empty). Pure functions over plain rows; thread-safe.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "parley/store.h"

namespace parley::analysis {

enum class Format { kTable, kCsv, kJsonl, kGdelt };

// GDELT 2.0 event table column names, in order.
extern const std::array<const char*, 61> kGdeltColumns;

// The 61 GDELT fields of one event (empty strings for the columns parley cannot fill).
std::vector<std::string> GdeltRow(const store::StoredEvent& event);

// Appends `events` in `format` (with a header line for csv and gdelt).
void WriteEvents(const std::vector<store::StoredEvent>& events, Format format, std::string* out);
// Mentions (one row per statement in a document); kGdelt is not offered for mentions.
void WriteMentions(const std::vector<store::StoredMention>& mentions, Format format,
                   std::string* out);
void WriteQuotes(const std::vector<store::StoredQuote>& quotes, Format format, std::string* out);

// Wraps `text` at `width` columns (counting UTF-8 code points), each line indented by `indent`.
std::string Wrap(const std::string& text, size_t width, size_t indent);

}  // namespace parley::analysis
