#include "extract/times/calendar.h"

#include <date/iso_week.h>

#include <cstdio>
#include <cstdlib>

namespace parley::extract::times {
namespace {

bool ParseDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

// Signed distance in days from `anchor` to a candidate (year, month, day); a month alone
// counts as its first day when in the future and its last day when in the past, so that the
// anchor's own month is both past and future.
long DistanceDays(Day anchor, int year, int month, int day) {
  using namespace date;
  const year_month_day a{anchor};
  if (day > 0) {
    auto d = MakeDay(year, month, day);
    if (!d) return 1000000;  // Feb. 29 of a common year: never chosen
    return (*d - anchor).count();
  }
  if (static_cast<int>(a.year()) == year && static_cast<unsigned>(a.month()) == static_cast<unsigned>(month))
    return 0;
  const Day first = sys_days{date::year{year} / date::month{static_cast<unsigned>(month)} / 1};
  return (first - anchor).count();
}

}  // namespace

std::optional<Day> ParseIsoDay(std::string_view s) {
  int y, m, d;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!ParseDigits(s, 0, 4, &y) || !ParseDigits(s, 5, 2, &m) || !ParseDigits(s, 8, 2, &d))
    return std::nullopt;
  return MakeDay(y, m, d);
}

std::optional<Day> MakeDay(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Day{ymd};
}

namespace {

// Writes `value` as `width` digits at out (zero-padded); values out of range keep their last digits.
void PutDigits(int value, int width, char* out) {
  unsigned v = value < 0 ? 0u : static_cast<unsigned>(value);
  for (int k = width - 1; k >= 0; --k) {
    out[k] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

// Years outside 0..9999 are not TIMEX3 values; they keep snprintf's spelling.
bool PlainYear(int year) { return year >= 0 && year <= 9999; }

}  // namespace

// Formatting runs for every expression found: plain digit writes, no snprintf.
std::string FormatDay(Day d) {
  const date::year_month_day ymd{d};
  const int year = static_cast<int>(ymd.year());
  if (!PlainYear(year)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
  }
  std::string out(10, '-');
  PutDigits(year, 4, &out[0]);
  PutDigits(static_cast<int>(static_cast<unsigned>(ymd.month())), 2, &out[5]);
  PutDigits(static_cast<int>(static_cast<unsigned>(ymd.day())), 2, &out[8]);
  return out;
}

std::string FormatMonth(int year, int month) {
  if (!PlainYear(year) || month < 0 || month > 99) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
  }
  std::string out(7, '-');
  PutDigits(year, 4, &out[0]);
  PutDigits(month, 2, &out[5]);
  return out;
}

std::string FormatYear(int year) {
  if (!PlainYear(year)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", year);
    return buf;
  }
  std::string out(4, '0');
  PutDigits(year, 4, &out[0]);
  return out;
}

std::string FormatWeek(Day d) {
  const iso_week::year_weeknum_weekday w{d};
  const int year = static_cast<int>(w.year());
  if (!PlainYear(year)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-W%02u", year, static_cast<unsigned>(w.weeknum()));
    return buf;
  }
  std::string out = "0000-W00";
  PutDigits(year, 4, &out[0]);
  PutDigits(static_cast<int>(static_cast<unsigned>(w.weeknum())), 2, &out[6]);
  return out;
}

int YearOf(Day d) { return static_cast<int>(date::year_month_day{d}.year()); }
int MonthOf(Day d) { return static_cast<int>(static_cast<unsigned>(date::year_month_day{d}.month())); }
int WeekdayNumber(Day d) { return static_cast<int>(date::weekday{d}.iso_encoding()); }

Day WeekdayFrom(Day anchor, int wd, Direction dir, bool strict) {
  const int today = WeekdayNumber(anchor);
  if (dir == Direction::kFuture) {
    int ahead = (wd - today + 7) % 7;
    if (ahead == 0 && strict) ahead = 7;
    return anchor + date::days{ahead};
  }
  int back = (today - wd + 7) % 7;
  if (back == 0 && strict) back = 7;
  return anchor - date::days{back};
}

int YearForMonthDay(Day anchor, int month, int day, Direction dir) {
  // The nearest candidate on each side of the anchor.
  const int y = YearOf(anchor);
  int past = y, future = y;
  long past_distance = 100000000, future_distance = 100000000;
  // The neighbouring years hold the nearest dates on both sides, but a Feb. 29 may be up to
  // eight years away (1896 and 1904 are leap years, 1900 is not).
  const int reach = month == 2 && day == 29 ? 8 : 1;
  for (int candidate = y - reach; candidate <= y + reach; ++candidate) {
    const long dist = DistanceDays(anchor, candidate, month, day);
    if (dist >= 1000000) continue;
    if (dist <= 0 && -dist < past_distance) past_distance = -dist, past = candidate;
    if (dist >= 0 && dist < future_distance) future_distance = dist, future = candidate;
  }
  // The tense decides unless the other side is much nearer: "said the dividend is payable
  // Dec. 15" in late November means the coming December. A month named alone is a wider
  // target: "was sold in January" in late October is the January past, not the next one two
  // months away, so the other side needs to be within weeks.
  constexpr long kOtherSideWeight = 3, kMonthReach = 45;
  const auto other_side = [&](long other, long own) {
    return kOtherSideWeight * other < own && (day > 0 || other <= kMonthReach);
  };
  switch (dir) {
    case Direction::kPast:
      return other_side(future_distance, past_distance) ? future : past;
    case Direction::kFuture:
      return other_side(past_distance, future_distance) ? past : future;
    case Direction::kNearest:
      break;
  }
  return future_distance < past_distance ? future : past;
}

Day ShiftDay(Day d, Unit unit, int amount) {
  using namespace date;
  if (unit < Unit::kDay) return d;
  if (unit == Unit::kDay) return d + days{amount};
  if (unit == Unit::kWeek || unit == Unit::kWeekend) return d + days{7 * amount};
  int months = amount;
  if (unit == Unit::kQuarter) months = 3 * amount;
  if (unit == Unit::kHalf) months = 6 * amount;
  if (unit == Unit::kYear) months = 12 * amount;
  if (unit == Unit::kDecade) months = 120 * amount;
  if (unit == Unit::kCentury) months = 1200 * amount;
  const year_month_day ymd{d};
  const year_month ym = year_month{ymd.year(), ymd.month()} + date::months{months};
  const date::day last = (ym / date::last).day();
  return sys_days{ym / (ymd.day() > last ? last : ymd.day())};
}

void AddMonths(int* year, int* month, int delta) {
  int index = *year * 12 + (*month - 1) + delta;
  *year = index / 12;
  *month = index % 12 + 1;
}

}  // namespace parley::extract::times
