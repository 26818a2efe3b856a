// Packing a document's actors, places and time expressions as JSON arrays of arrays (one per
// mention, fields by position), stored in the document's row and unpacked by SQL views (schema
// v2). No parley query filters on them; a row each cost two thirds of all rows stored. The text
// of a mention is left null when it is the body's bytes of its span; the views rebuild it.
//
// Input: the annotations and the clean body. Output: JSON text, or nothing when there are no
// mentions. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/annotations.h"

namespace parley::store {

// `text`, or nothing when it is the body's bytes [start, end) (stored as NULL, rebuilt on read).
std::optional<std::string_view> UnlessSpan(const std::string& text, uint32_t start, uint32_t end,
                                           const std::string& body);

// [start, end, sentence, kind, code, country, sector, name, entity, antecedent, text]
std::optional<std::string> PackActors(const std::vector<ActorMention>& actors, const std::string& body);
// [start, end, sentence, name, country, lat, lon, text]
std::optional<std::string> PackPlaces(const std::vector<Place>& places, const std::string& body);
// [start, end, sentence, type, value, value_max, anchor, deadline_earliest, deadline_latest, text]
std::optional<std::string> PackTimes(const std::vector<TimeExpr>& times, const std::string& body);

}  // namespace parley::store
