// The absolute and calendar-named dates of the Recognizer: numeric dates, weekdays, month
// names with or without day and year, years and decades, quarters, seasons and holidays.
#include <algorithm>
#include <array>

#include "extract/times/recognizer.h"

namespace parley::extract::times {
namespace {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

template <size_t N>
bool In(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

constexpr std::array<std::string_view, 14> kCountContext = {
    "about", "some", "nearly", "than", "over", "approximately", "almost", "least", "around",
    "roughly", "$", "no.", "number", "only"};

constexpr std::array<std::string_view, 19> kYearContext = {
    "in", "since", "of", "until", "till", "by", "from", "between", "and", "to", "before",
    "after", "during", "through", "fiscal", "early", "late", "mid", "year"};

constexpr std::array<std::string_view, 16> kCountNouns = {
    "people", "troops", "soldiers", "members", "votes", "workers", "police", "officers",
    "percent", "%", "km", "miles", "meters", "feet", "tons", "families"};

constexpr std::array<std::string_view, 20> kMonthContext = {
    "in", "since", "until", "by", "of", "last", "next", "early", "late", "mid", "this",
    "during", "before", "after", "from", "through", "to", "between", "and", "on"};

// Splits "1998/08/07", "29.07.2025", "7/29/2025" into three numbers.
bool SplitNumericDate(std::string_view s, std::array<std::string_view, 3>* parts, char* sep) {
  size_t a = s.find_first_of("/.");
  if (a == std::string_view::npos) return false;
  *sep = s[a];
  size_t b = s.find(*sep, a + 1);
  if (b == std::string_view::npos || s.find(*sep, b + 1) != std::string_view::npos) return false;
  *parts = {s.substr(0, a), s.substr(a + 1, b - a - 1), s.substr(b + 1)};
  return std::all_of(parts->begin(), parts->end(), IsDigits);
}

}  // namespace

int Recognizer::DayNumberAt(uint32_t i) const {
  const std::string_view w = Norm(i);
  if (IsDigits(w) && w.size() <= 2) {
    const int d = ToInt(w);
    return d >= 1 && d <= 31 ? d : -1;
  }
  if (i < end_ && tokens_[i].kind == TokenKind::kNumber) return OrdinalOf(tokens_[i]);
  return -1;
}

bool Recognizer::MonthAt(uint32_t i, int* month) const {
  std::string_view w = Norm(i);
  size_t skip = 0;
  if (w.substr(0, 4) == "mid-") w.remove_prefix(4), skip = 4;
  if (w.substr(0, 5) == "late-") w.remove_prefix(5), skip = 5;
  if (w.substr(0, 6) == "early-") w.remove_prefix(6), skip = 6;
  *month = skip == 0 ? MonthOf(Tok(i)) : MonthOf(w);
  if (*month < 0 || i >= end_) return false;
  const char c = text_[tokens_[i].start + skip];
  if (c < 'A' || c > 'Z') return false;
  const bool number_next = i + 1 < end_ && tokens_[i + 1].kind == TokenKind::kNumber;
  if (w == "may" || w == "march") return number_next || In(kMonthContext, Norm(i - 1));
  if (w.size() == 3) return number_next;  // "Jan", "Aug" without their dot: names too
  return true;
}

int Recognizer::YearAt(uint32_t i, bool lenient) const {
  const std::string_view w = Norm(i);
  if (w.size() != 4 || !IsDigits(w)) return -1;
  const int y = ToInt(w);
  if (y < 1000 || y > 2099) return -1;
  if (lenient) return y;
  const std::string_view prev = Norm(i - 1);
  if (In(kCountContext, prev) || In(kCountNouns, Norm(i + 1))) return -1;
  if (y < 1900 && !In(kYearContext, prev)) return -1;
  if (Norm(i + 1) == "," && i + 2 < end_ && tokens_[i + 2].kind == TokenKind::kNumber) return -1;
  return y;
}

int Recognizer::SpelledYearAt(uint32_t i, uint32_t* end) const {
  const std::string_view w = Norm(i);
  if (w == "nineteen" || w == "eighteen") {
    const int n = CountOf(Tok(i + 1));
    if (n < 10 || n > 99 || tokens_[i + 1].kind != TokenKind::kWord) return -1;
    *end = i + 2;
    return (w == "nineteen" ? 1900 : 1800) + n;
  }
  if (w != "two" || Norm(i + 1) != "thousand") return -1;
  uint32_t j = i + 2;
  if (Norm(j) == "and") ++j;
  const int n = CountOf(Tok(j));
  const bool ones = n >= 1 && n <= 99 && tokens_[j].kind == TokenKind::kWord && Norm(j) != "a";
  *end = ones ? j + 1 : i + 2;
  return 2000 + (ones ? n : 0);
}

int Recognizer::YearAfter(uint32_t k, uint32_t* end) const {
  const int year = YearAt(k, true);
  if (year > 0) {
    *end = k + 1;
    return year;
  }
  uint32_t spelled_end = k;
  const int spelled = SpelledYearAt(k, &spelled_end);
  if (spelled > 0) *end = spelled_end;
  return spelled;
}

bool Recognizer::MatchNumericDate(uint32_t i, Found* out) const {
  const std::string_view w = Norm(i);
  int y = -1, m = -1, d = -1;
  uint32_t end = i + 1;
  std::array<std::string_view, 3> p;
  char sep;
  if (w.size() == 4 && IsDigits(w) && Norm(i + 1) == "-" && Norm(i + 3) == "-" &&
      Adjacent(i, i + 1) && Adjacent(i + 2, i + 3) && IsDigits(Norm(i + 2)) &&
      IsDigits(Norm(i + 4)) && Norm(i + 2).size() == 2 && Norm(i + 4).size() == 2) {
    y = ToInt(w), m = ToInt(Norm(i + 2)), d = ToInt(Norm(i + 4));
    end = i + 5;
  } else if (i < end_ && tokens_[i].kind == TokenKind::kNumber && SplitNumericDate(w, &p, &sep)) {
    if (p[0].size() == 4) {
      y = ToInt(p[0]), m = ToInt(p[1]), d = ToInt(p[2]);
    } else if (p[2].size() == 4) {
      y = ToInt(p[2]), m = ToInt(p[1]), d = ToInt(p[0]);
      if (sep == '/' && m <= 12 && d <= 12) std::swap(m, d);  // 7/29/2025: American order
      if (m > 12) std::swap(m, d);
    }
  }
  auto day = y > 0 ? MakeDay(y, m, d) : std::nullopt;
  if (!day) return false;
  SetDay(*day, out);
  out->first = i;
  out->end = end;
  return true;
}

// "Tuesday", "Friday, January 4, 2019", "Tuesday evening".
bool Recognizer::MatchWeekday(uint32_t i, Found* out) const {
  const int wd = WeekdayOf(Tok(i));
  if (wd < 0 || !IsCapitalized(i)) return false;
  uint32_t j = i + 1;
  Found explicit_date;
  const uint32_t k = Norm(j) == "," ? j + 1 : j;
  if ((MatchMonthFirst(k, &explicit_date) || MatchDayFirst(k, &explicit_date)) && explicit_date.day) {
    // "Monday, Oct. 26": a date without its year takes the nearby year where it is a Monday.
    for (int shift : {0, -1, 1}) {
      const Day d = ShiftDay(*explicit_date.day, Unit::kYear, shift);
      if (explicit_date.relative && WeekdayNumber(d) != wd) continue;
      SetDay(d, &explicit_date);
      break;
    }
    *out = explicit_date;
    out->first = i;
    return true;
  }
  out->first = i;
  if (anchor_) {
    // "Wednesday's ruling": news names by its day an event already told, whatever the tense of
    // the clause around it ("would look for ways to get around Wednesday's ruling").
    const Direction dir = Norm(j) == "'s" ? Direction::kPast : DirectionAt(i);
    SetDay(WeekdayFrom(*anchor_, wd, dir), out);
    out->relative = true;
  } else {
    out->type = "DATE";
    out->value = "XXXX-WXX-" + std::to_string(wd);
  }
  out->end = AddPartOfDay(j, out);
  return true;
}

// "July 29, 2025", "Feb. 27", "July 1997", "July of 2024", "April", "mid-August".
bool Recognizer::MatchMonthFirst(uint32_t i, Found* out) const {
  int month;
  if (!MonthAt(i, &month)) return false;
  uint32_t j = i + 1;
  int day = DayNumberAt(j);
  if (day > 0 && YearAt(j, true) < 0) {
    ++j;
  } else {
    day = 0;
  }
  uint32_t k = Norm(j) == "," || (day == 0 && Norm(j) == "of") ? j + 1 : j;
  int year = YearAfter(k, &j);
  if (year < 0 && anchor_ && Norm(j + 1) == "year" && Norm(j + 2) != "'s") {
    // "January this year", "October last year": the month of that year.
    const std::string_view which = Norm(j);
    const int shift = which == "this" ? 0 : which == "last" ? -1 : which == "next" ? 1 : 99;
    if (shift != 99) year = YearOf(*anchor_) + shift, j += 2;
  }
  out->first = i;
  out->end = j;
  if (year < 0) {
    if (!anchor_) {
      out->type = "DATE";
      out->value = day > 0 ? "XXXX-" + FormatMonth(0, month).substr(5) + "-" +
                                 FormatMonth(0, day).substr(5)
                           : "XXXX-" + FormatMonth(0, month).substr(5);
      return true;
    }
    year = YearForMonthDay(*anchor_, month, day, DirectionAt(i));
    out->relative = true;
  }
  SetDate(year, month, day, out);
  return true;
}

// "29 July 2025", "29th of July".
bool Recognizer::MatchDayFirst(uint32_t i, Found* out) const {
  const int day = DayNumberAt(i);
  if (day < 0) return false;
  uint32_t j = i + 1;
  if (Norm(j) == "of" && OrdinalOf(Tok(i)) > 0) ++j;
  int month;
  if (!MonthAt(j, &month)) return false;
  Found rest;
  if (!MatchMonthFirst(j, &rest) || rest.end != j + 1) {
    // "29 July 2025": the month has a year but no day of its own.
    int year = YearAt(j + 1, true);
    if (year < 0) return false;
    SetDate(year, month, day, out);
    out->first = i;
    out->end = j + 2;
    return true;
  }
  const int year = anchor_ ? YearForMonthDay(*anchor_, month, day, DirectionAt(i)) : 0;
  SetDate(year, month, day, out);
  out->relative = true;
  out->first = i;
  out->end = j + 1;
  return true;
}

// "2022", "fiscal 1989", "the 1990s", "between 2016 and 2018", "2016-18".
bool Recognizer::MatchYear(uint32_t i, Found* out) const {
  std::string_view w = Norm(i);
  uint32_t j = i;
  if (const int decade = w == "the" ? DecadeWordOf(Norm(i + 1)) : -1; decade > 0) {
    // "the nineties": the last such decade begun by the anchor's year ("in his nineties",
    // an age, has no "the").
    const int year = anchor_ ? YearOf(*anchor_) : 1999;
    int start = year / 100 * 100 + decade * 10;
    if (start > year) start -= 100;
    out->type = "DATE", out->value = FormatYear(start).substr(0, 3);
    out->first = i, out->end = i + 2;
    return true;
  }
  if (w == "fiscal") {
    ++j;
    if (Norm(j) == "year") ++j;
  }
  if (w == "between" || w == "from") ++j;
  w = Norm(j);
  if (w.size() == 5 && w.back() == 's' && IsDigits(w.substr(0, 4)) && w[3] == '0') {
    // TIMEX3 writes a decade as its first three digits ("the 1990s": 199), as TimeML's
    // guidelines and TimeBank do, and as "the last decade" comes out.
    out->type = "DATE";
    out->value = std::string(w.substr(0, 3));
    out->first = i;
    out->end = j + 1;
    return true;
  }
  uint32_t spelled_end = 0;
  if (const int spelled = SpelledYearAt(j, &spelled_end);
      spelled > 0 && (spelled < 2000 || In(kYearContext, Norm(i - 1)))) {
    SetDate(spelled, 0, 0, out);
    out->first = i, out->end = spelled_end;
    return true;
  }
  const int y = YearAt(j, j > i);
  if (y < 0) return false;
  out->first = i;
  out->end = j + 1;
  SetDate(y, 0, 0, out);
  // A range of years.
  const std::string_view link = Norm(j + 1);
  const bool ranged = (link == "-" || link == "\xe2\x80\x93") ||
                      (Norm(i) == "between" && link == "and") || (Norm(i) == "from" && link == "to");
  if (!ranged) return Norm(i) != "between" && Norm(i) != "from" ? true : (out->first = j, true);
  std::string_view second = Norm(j + 2);
  int y2 = -1;
  if (second.size() == 4 && IsDigits(second)) y2 = ToInt(second);
  if (second.size() == 2 && IsDigits(second) && link != "and") y2 = y / 100 * 100 + ToInt(second);
  if (y2 <= y || y2 > 2099) {
    if (Norm(i) == "between" || Norm(i) == "from") out->first = j;
    return true;
  }
  out->value = FormatYear(y) + "/" + FormatYear(y2);
  out->end = j + 3;
  return true;
}

// "the third quarter", "third-quarter", "the first quarter of 2024", "the quarter",
// "the first half".
bool Recognizer::MatchQuarter(uint32_t i, Found* out) const {
  uint32_t j = Norm(i) == "the" ? i + 1 : i;
  int year = -1;
  if (j > i && (year = YearAt(j, true)) > 0) ++j;  // "the 1988 third quarter"
  std::string_view w = Norm(j);
  if (const int n = OrdinalOf(w); n > 0 && year < 0 && Norm(j + 1) == "century") {
    // "the 20th century": TIMEX3 writes a century as its first two digits ("19").
    out->type = "DATE";
    out->value = FormatYear(100 * (n - 1)).substr(0, 2);
    out->first = i, out->end = j + 2;
    return true;
  }
  int q = -1;
  bool half = false;
  if (year > 0 && w == "period" && memory_ != nullptr && memory_->quarter > 0) {
    // "the 1988 period" in a report on a quarter: that quarter of 1988.
    out->type = "DATE", out->value = FormatYear(year) + "-Q" + std::to_string(memory_->quarter);
    out->first = i, out->end = j + 1;
    return true;
  }
  if (w.size() > 8 && w.substr(w.size() - 8) == "-quarter") {
    q = OrdinalOf(w.substr(0, w.size() - 8));
    ++j;
  } else if (OrdinalOf(w) > 0 && (Norm(j + 1) == "quarter" || Norm(j + 1) == "half")) {
    q = OrdinalOf(w);
    half = Norm(j + 1) == "half";
    j += 2;
  } else if (j > i && (w == "quarter" || ((w == "latest" || w == "current" || w == "recent") &&
                                          Norm(j + 1) == "quarter"))) {
    j += w == "quarter" ? 1 : 2;
    q = 0;  // the quarter being reported
  }
  if (q < 0 || q > (half ? 2 : 4)) return false;
  uint32_t k = Norm(j) == "of" ? j + 1 : j;
  if (Norm(k) == "fiscal") ++k;
  if (year < 0 && (k > j || Norm(k).size() == 4)) {
    year = YearAt(k, true);
    if (year > 0) j = k + 1;
  }
  out->first = i;
  out->end = j;
  out->type = "DATE";
  if (!anchor_ && year < 0) {
    out->value = half ? "XXXX-H" + std::to_string(q) : "XXXX-Q" + std::to_string(q);
    return true;
  }
  Found end_date;
  if (q == 0 && year < 0 && (Norm(j) == "ended" || Norm(j) == "ending") &&
      MatchMonthFirst(j + 1, &end_date) && end_date.day) {
    // "the quarter ended July 31": the calendar quarter holding most of its three months.
    q = (MonthOf(*end_date.day) + 10) % 12 / 3 + 1;
    year = YearOf(*end_date.day) - (MonthOf(*end_date.day) == 1 ? 1 : 0);
  }
  if (q == 0) {
    // The last quarter that ended, as in earnings reports.
    const Day back = *anchor_ - date::days{45};
    q = (MonthOf(back) - 1) / 3 + 1;
    year = year > 0 ? year : YearOf(back);
  }
  if (year < 0) {
    // Quarters are reported after they end: the last one begun unless the clause looks ahead.
    const int first_month = half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1;
    year = YearOf(*anchor_);
    if (first_month > MonthOf(*anchor_) && DirectionAt(i) != Direction::kFuture) --year;
    out->relative = true;
  }
  out->value = FormatYear(year) + (half ? "-H" : "-Q") + std::to_string(q);
  if (!half) out->quarter_year = year, out->quarter = q;
  return true;
}

uint32_t Recognizer::ReadQuarter(uint32_t j, int* q, bool* half) const {
  const std::string_view w = Norm(j);
  *half = false;
  if (w.size() > 8 && w.substr(w.size() - 8) == "-quarter") {
    *q = OrdinalOf(w.substr(0, w.size() - 8));
    return *q >= 1 && *q <= 4 ? j + 1 : 0;
  }
  const std::string_view unit = Norm(j + 1);
  if (unit != "quarter" && unit != "half") return 0;
  *q = OrdinalOf(w);
  *half = unit == "half";
  return *q >= 1 && *q <= (*half ? 2 : 4) ? j + 2 : 0;
}

bool Recognizer::QuarterOfYear(uint32_t j, int year, Found* out) const {
  int q = 0;
  bool half = false;
  const uint32_t end = ReadQuarter(j, &q, &half);
  if (end == 0) return false;
  out->type = "DATE";
  out->value = FormatYear(year) + (half ? "-H" : "-Q") + std::to_string(q);
  out->end = end;
  if (!half) out->quarter_year = year, out->quarter = q;
  return true;
}

// "summer 2024", "the summer of 2024", "the summer" (this, last, next: see MatchDeictic).
bool Recognizer::MatchSeason(uint32_t i, Found* out) const {
  uint32_t j = Norm(i) == "the" ? i + 1 : i;
  // "the early summer": TimeML keeps the modifier and the value of the season.
  if (j > i && (Norm(j) == "early" || Norm(j) == "late" || Norm(j) == "mid")) ++j;
  const std::string_view season = SeasonOf(Norm(j));
  if (season.empty()) return false;
  uint32_t k = Norm(j + 1) == "of" ? j + 2 : j + 1;
  uint32_t year_end = k;
  int year = YearAfter(k, &year_end);
  if (year < 0 && (j == i || !anchor_)) return false;
  out->type = "DATE";
  out->first = i;
  if (year > 0) {
    out->end = year_end;
  } else {
    out->end = j + 1;
    const int start = season == "SP" ? 3 : season == "SU" ? 6 : season == "FA" ? 9 : 12;
    year = YearForMonthDay(*anchor_, start, 0, DirectionAt(i));
    out->relative = true;
  }
  out->value = FormatYear(year) + "-" + std::string(season);
  return true;
}

// Fixed-date holidays news mentions by name.
bool Recognizer::MatchHoliday(uint32_t i, Found* out) const {
  const std::string_view w = Norm(i);
  int month = 0, day = 0;
  uint32_t end = i + 1;
  if (w == "christmas" && IsCapitalized(i)) {
    month = 12, day = 25;
    if (Norm(i + 1) == "eve") day = 24, ++end;
    if (Norm(i + 1) == "day") ++end;
  } else if (w == "new" && Norm(i + 1) == "year" && Norm(i + 2) == "'s" &&
             (Norm(i + 3) == "day" || Norm(i + 3) == "eve")) {
    month = Norm(i + 3) == "day" ? 1 : 12, day = Norm(i + 3) == "day" ? 1 : 31;
    end = i + 4;
  } else if (w == "halloween") {
    month = 10, day = 31;
  } else if (w == "thanksgiving" && IsCapitalized(i)) {
    month = 11;
    if (Norm(i + 1) == "day") ++end;
  } else if (w == "election" && IsCapitalized(i) && Norm(i + 1) == "day" && IsCapitalized(i + 1)) {
    month = 11, day = -2, end = i + 2;  // U.S. Election Day: the Tuesday after Nov. 1
  } else {
    return false;
  }
  out->first = i;
  out->end = end;
  int year = YearAt(end, true);
  if (year > 0) {
    ++out->end;
  } else if (anchor_) {
    year = YearForMonthDay(*anchor_, month, day <= 0 ? 28 : day, DirectionAt(i));
    out->relative = true;
  } else {
    return false;
  }
  if (day == 0) {  // Thanksgiving: the fourth Thursday of November
    const Day first{date::year{year} / date::November / 1};
    day = 1 + (4 - WeekdayNumber(first) + 7) % 7 + 21;
  } else if (day == -2) {  // Election Day: the first Tuesday from Nov. 2
    const Day second{date::year{year} / date::November / 2};
    day = 2 + (2 - WeekdayNumber(second) + 7) % 7;
  }
  SetDate(year, month, day, out);
  return true;
}

}  // namespace parley::extract::times
