// Output writers for coded documents: the contract's JSON Lines (one object per document,
// fields in the contract's order) and a table for people, readable at 100 columns.
#pragma once

#include <string>

#include "parley/annotations.h"

namespace parley::output {

inline constexpr int kSchemaVersion = 1;

// Appends one JSON object (no trailing newline) for `doc` to `out`.
void WriteJson(const CodedDocument& doc, std::string* out);

// Appends a human-readable view of `doc`, wrapped at `width` columns.
void WriteTable(const CodedDocument& doc, int width, std::string* out);

}  // namespace parley::output
