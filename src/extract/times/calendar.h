// Calendar arithmetic for time expressions, on Howard Hinnant's date library: parsing the
// document date, choosing the year of a month or day named without one, weekdays relative to a
// day, ISO weeks, quarters, and TIMEX3 formatting. Pure functions; thread-safe.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

#include "extract/times/time_words.h"

namespace parley::extract::times {

using Day = date::sys_days;

// Which way a bare date points from the anchor, from the tense of its clause.
enum class Direction { kPast, kFuture, kNearest };

// "2025-07-29" (a longer string such as "2025-07-29T10:00" is cut to its date). Nothing when
// the string is not a real calendar date.
std::optional<Day> ParseIsoDay(std::string_view s);
// Makes a day from parts; nothing when they are not a real date (Feb. 30, Feb. 29, 2025).
std::optional<Day> MakeDay(int year, int month, int day);

std::string FormatDay(Day d);                  // 2025-07-29
std::string FormatMonth(int year, int month);  // 2025-07
std::string FormatYear(int year);              // 2025
std::string FormatWeek(Day d);                 // 2025-W31 (ISO week)

int YearOf(Day d);
int MonthOf(Day d);
// ISO weekday, Monday = 1 .. Sunday = 7.
int WeekdayNumber(Day d);

// The day of ISO weekday `wd` nearest `anchor` in `dir`: kPast gives the latest such day on or
// before the anchor, kFuture the earliest on or after it (the anchor itself when it is that
// weekday); kNearest behaves as kPast. `strict` excludes the anchor ("last Friday").
Day WeekdayFrom(Day anchor, int wd, Direction dir, bool strict = false);

// The year for a month (and day, 0 when absent) named without a year: kPast gives the latest
// such date on or before the anchor, kFuture the earliest on or after it, kNearest the closest.
// A Feb. 29 goes to a leap year.
int YearForMonthDay(Day anchor, int month, int day, Direction dir);

// The day `amount` units after `d` (negative: before); units below a day leave it unchanged;
// month arithmetic keeps the day, clamped to the month's end (Jan. 31 + 1 month = Feb. 28).
Day ShiftDay(Day d, Unit unit, int amount);

// Adds months to a (year, month) pair.
void AddMonths(int* year, int* month, int delta);

}  // namespace parley::extract::times
