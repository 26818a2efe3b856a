// Parsers for one line of parley's dictionary files (format in dict/README.md): actor lines
// `NAMES :: CODES [:: ATTRIBUTES]`, agent lines `NAMES :: ROLE [:: ATTRIBUTES]` and gazetteer
// rows `name<TAB>country<TAB>lat<TAB>lon<TAB>population<TAB>alternates`. Each fills a fresh
// (default) entry in place and returns false when the line gives none; what is wrong with the
// line is appended to `diagnostics`. Pure functions. They run once per dictionary line at every
// load (the gazetteer alone has 24,000 rows), so they build no temporary strings or vectors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "parley/lexicon.h"

namespace parley::lexicon {

// Known country-level codes (ISO alpha-3 and CAMEO's extras). Three capital letters are one
// bit each (every gazetteer row asks); any other string sits in a set. Not thread-safe to fill.
class CodeSet {
 public:
  void Insert(std::string_view code);
  bool Contains(std::string_view code) const;

 private:
  static constexpr uint32_t kLetterCodes = 26 * 26 * 26;
  std::vector<uint64_t> bits_ = std::vector<uint64_t>(kLetterCodes / 64 + 1, 0);
  std::unordered_set<std::string> other_;
};

struct LineContext {
  std::string file;
  uint32_t line = 0;
  Kind default_kind = Kind::kOrganisation;  // people files: kPerson
  const CodeSet* iso3 = nullptr;            // known alpha-3 codes
  std::vector<Diagnostic>* diagnostics = nullptr;
};

// Strips a comment and surrounding spaces; "" for a blank or comment-only line.
std::string_view StripLine(std::string_view line);

bool ParseActorLine(std::string_view line, const LineContext& ctx, Entry* entry);
bool ParseAgentLine(std::string_view line, const LineContext& ctx, Entry* entry);
bool ParsePlaceLine(std::string_view line, const LineContext& ctx, Entry* entry);

// Parses a whole field as a number the way std::from_chars(first, last, double) does (same
// value, same acceptance of a trailing rest); false when from_chars fails. Plain decimals of up
// to 15 digits (every gazetteer coordinate) take an exact shortcut.
bool ParseDouble(std::string_view s, double* value);

// True for an ISO date YYYY-MM-DD that exists in the calendar.
bool IsIsoDate(std::string_view s);
// True for CAMEO-style codes: three capital letters, then more groups of three.
bool IsActorCode(std::string_view s);

}  // namespace parley::lexicon
