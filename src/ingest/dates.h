// Publication-date parsing for ingest: whole date lines, dates at the start of a text
// (weekday datelines, "MOSCOW, July 29 (Reuters) -"), and dates in URLs. Calendar checks use
// Howard Hinnant's date library. Time expressions inside the text are the times stage's job.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parley::ingest {

struct DateMatch {
  int year = 0;  // 0 when the text gives none
  int month = 0;
  int day = 0;
  size_t length = 0;  // bytes consumed from the start
};

// Matches a calendar date at the very start of `s` (after an optional weekday).
std::optional<DateMatch> MatchDateAt(std::string_view s);

// Formats a complete date as YYYY-MM-DD when it is a valid calendar date.
std::optional<std::string> FormatDate(int year, int month, int day);

// A news dateline at the start of a paragraph: "MOSCOW, July 29 (Reuters) - ",
// "WASHINGTON (AP) — ", "Friday, January 4, 2019 ". Returns the date (year may be 0) and
// the byte length of the dateline when one is there.
std::optional<DateMatch> MatchDateline(std::string_view paragraph);

}  // namespace parley::ingest
