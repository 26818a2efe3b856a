// Parsers for one line of parley's dictionary files (format in dict/README.md): actor lines
// `NAMES :: CODES [:: ATTRIBUTES]`, agent lines `NAMES :: ROLE [:: ATTRIBUTES]` and gazetteer
// rows `name<TAB>country<TAB>lat<TAB>lon<TAB>population<TAB>alternates`. Each returns the
// entry or nothing, and appends what is wrong with the line to `diagnostics`. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "parley/lexicon.h"

namespace parley::lexicon {

struct LineContext {
  std::string file;
  uint32_t line = 0;
  Kind default_kind = Kind::kOrganisation;  // people files: kPerson
  const std::unordered_set<std::string>* iso3 = nullptr;  // known alpha-3 codes
  std::vector<Diagnostic>* diagnostics = nullptr;
};

// Strips a comment and surrounding spaces; "" for a blank or comment-only line.
std::string_view StripLine(std::string_view line);

std::optional<Entry> ParseActorLine(std::string_view line, const LineContext& ctx);
std::optional<Entry> ParseAgentLine(std::string_view line, const LineContext& ctx);
std::optional<Entry> ParsePlaceLine(std::string_view line, const LineContext& ctx);

// True for an ISO date YYYY-MM-DD that exists in the calendar.
bool IsIsoDate(std::string_view s);
// True for CAMEO-style codes: three capital letters, then more groups of three.
bool IsActorCode(std::string_view s);

}  // namespace parley::lexicon
