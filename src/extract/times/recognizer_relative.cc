// The relative expressions of the Recognizer: deictic words ("today", "last week", "next
// Tuesday"), counted units ("two days ago", "a day after", "10 to 12 days"), vague
// references (PRESENT_REF, PAST_REF, FUTURE_REF), times of day and sets.
#include <algorithm>
#include <array>
#include <cstdio>

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

int ShiftOf(std::string_view w) {
  if (w == "last" || w == "past" || w == "previous" || w == "preceding") return -1;
  if (w == "next" || w == "coming" || w == "following" || w == "upcoming") return 1;
  if (w == "this" || w == "current" || w == "present") return 0;
  return 99;
}

// Words after a counted unit that make it a point in time ("a year earlier").
bool IsRelationWord(std::string_view w) {
  return w == "ago" || w == "earlier" || w == "later" || w == "before" || w == "after" ||
         w == "from";
}

// A modal or a subject pronoun, after which "one day" is a time ahead, not a length.
bool IsFutureSubject(std::string_view w) {
  return w == "will" || w == "would" || w == "could" || w == "may" || w == "might" ||
         w == "can" || w == "shall" || w == "he" || w == "she" || w == "they" || w == "we" ||
         w == "i" || w == "you" || w == "it";
}

// Words between a count and its unit that leave the count a length of time.
bool IsCountFiller(std::string_view w) {
  return w == "more" || w == "additional" || w == "extra" || w == "further" || w == "trading" ||
         w == "business" || w == "working";
}

// n and a half units, as TIMEX3 writes it ("P2Y6M", "PT5H30M"); "" where the half of the unit
// has no exact smaller unit (months, weeks).
std::string DurationWithHalf(int n, Unit unit) {
  const std::string count = std::to_string(n);
  switch (unit) {
    case Unit::kYear: return "P" + count + "Y6M";
    case Unit::kDay: return "P" + count + "DT12H";
    case Unit::kHour: return "PT" + count + "H30M";
    case Unit::kMinute: return "PT" + count + "M30S";
    default: return "";
  }
}

bool IsTimeZone(std::string_view w) {
  return w == "est" || w == "edt" || w == "cst" || w == "cdt" || w == "mst" || w == "mdt" ||
         w == "pst" || w == "pdt" || w == "gmt" || w == "utc" || w == "bst" || w == "cet";
}

std::string Quarter(Day d) {
  return FormatYear(YearOf(d)) + "-Q" + std::to_string((MonthOf(d) - 1) / 3 + 1);
}

}  // namespace

// The anchor moved by `amount` units, written at the unit's granularity.
std::string Recognizer::ShiftedValue(Unit unit, int amount, Found* out) const {
  const Day d = ShiftDay(*anchor_, unit, amount);
  out->relative = true;
  switch (unit) {
    case Unit::kSecond:
    case Unit::kMinute:
    case Unit::kHour:
    case Unit::kDay: out->day = d; return FormatDay(d);
    case Unit::kWeek: return FormatWeek(d);
    case Unit::kWeekend: return FormatWeek(d) + "-WE";
    case Unit::kMonth: return FormatMonth(YearOf(d), MonthOf(d));
    case Unit::kQuarter: return Quarter(d);
    case Unit::kHalf: return FormatYear(YearOf(d)) + (MonthOf(d) <= 6 ? "-H1" : "-H2");
    case Unit::kYear: return FormatYear(YearOf(d));
    case Unit::kDecade: return FormatYear(YearOf(d)).substr(0, 3);
    case Unit::kCentury: return FormatYear(YearOf(d)).substr(0, 2);
  }
  return FormatDay(d);
}

// "last week", "this year", "next Tuesday", "last November", "this summer", "the past two
// months", "the next 10 days", "the first nine months".
bool Recognizer::MatchDeictic(uint32_t i, Found* out) const {
  const bool the = Norm(i) == "the";
  const uint32_t j = the ? i + 1 : i;
  const std::string_view w = Norm(j);
  int shift = ShiftOf(w);
  if (shift == 99 && !(w == "first" && the)) return false;
  // A counted span: "the past two months", "the next 10 days".
  int lo, hi;
  const uint32_t k = ReadCount(j + 1, &lo, &hi);
  bool plural = false;
  if (k > 0 && UnitOf(Tok(k), &plural) && (plural || lo == 1)) {
    const Unit unit = *UnitOf(Tok(k));
    out->type = "DURATION";
    out->value = DurationValue(lo, unit);
    if (hi != lo) out->value_max = DurationValue(hi, unit);
    out->first = i;
    out->end = k + 1;
    if (shift == 1 && lo >= 0 && unit >= Unit::kDay) {
      out->limit = true, out->limit_min = lo, out->limit_max = hi, out->limit_unit = unit;
    }
    return true;
  }
  if (w == "first" || (shift != 0 && the && w != "past" && w != "previous" && w != "following" &&
                       w != "coming"))
    return false;
  return MatchDeicticUnit(i, j + 1, shift, out) || MatchDeicticName(i, j + 1, shift, out);
}

bool Recognizer::MatchDeicticUnit(uint32_t i, uint32_t k, int shift, Found* out) const {
  // "this fiscal year", "the current fiscal year": TimeML dates it as the calendar year.
  if (Norm(k) == "fiscal" && Norm(k + 1) == "year") ++k;
  bool plural = false;
  const auto unit = UnitOf(Tok(k), &plural);
  const std::string_view part = PartOfDayOf(Norm(k));
  if (!part.empty() && anchor_ && shift <= 0 && Norm(i) != "the") {
    // "this morning", "last night".
    out->type = "TIME";
    out->value = FormatDay(*anchor_ + date::days{shift}) + "T" + std::string(part);
    out->relative = true;
    out->first = i, out->end = k + 1;
    return shift == 0 || part == "NI";
  }
  if (!unit || plural || *unit <= Unit::kDay) return false;
  out->first = i, out->end = k + 1;
  out->type = "DATE";
  if (Norm(i) == "the" && Norm(i + 1) == "past" && *unit == Unit::kYear && anchor_) {
    // "over the past year": TimeML dates it as the year before the anchor's.
    out->value = ShiftedValue(*unit, -1, out);
    return true;
  }
  if (Norm(i) == "the" && Norm(i + 1) == "past") {
    out->type = "DURATION";  // "the past decade": the length up to now
    out->value = DurationValue(1, *unit);
    return true;
  }
  if (!anchor_) {
    out->value = shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "PRESENT_REF";
    return true;
  }
  out->value = ShiftedValue(*unit, shift, out);
  // "this year's third quarter": one expression, the quarter of that year.
  if (*unit == Unit::kYear && Norm(k + 1) == "'s") {
    QuarterOfYear(k + 2, YearOf(ShiftDay(*anchor_, Unit::kYear, shift)), out);
  }
  return true;
}

// "last Friday", "next April", "this summer".
bool Recognizer::MatchDeicticName(uint32_t i, uint32_t k, int shift, Found* out) const {
  if (!anchor_ || Norm(i) == "the") return false;
  const std::string_view w = Norm(k);
  out->first = i, out->end = k + 1;
  out->relative = true;
  const Direction dir = shift < 0 ? Direction::kPast : shift > 0 ? Direction::kFuture : DirectionAt(i);
  if (const int wd = WeekdayOf(Tok(k)); wd > 0) {
    SetDay(WeekdayFrom(*anchor_, wd, dir, shift != 0), out);
    out->end = AddPartOfDay(k + 1, out);
    return true;
  }
  int month = MonthOf(Tok(k));
  if (month > 0 && !IsCapitalized(k)) month = -1;  // "this march" through the city: a noun
  std::string_view season = SeasonOf(w);
  if (month < 0 && season.empty()) return false;
  const bool is_season = month < 0;
  if (is_season) month = season == "SP" ? 3 : season == "SU" ? 6 : season == "FA" ? 9 : 12;
  // "this summer", "this March": of the anchor's year, whichever side of the anchor it lies.
  int year = shift == 0 ? YearOf(*anchor_) : YearForMonthDay(*anchor_, month, 0, dir);
  // "last November" in November means a year ago; "next July" in July a year ahead.
  const int anchor_index = YearOf(*anchor_) * 12 + MonthOf(*anchor_);
  const int index = year * 12 + month;
  const int span = is_season ? 3 : 1;
  if (shift < 0 && anchor_index < index + span) --year;
  if (shift > 0 && anchor_index >= index) ++year;
  if (const int day = is_season ? -1 : DayNumberAt(k + 1); day > 0) {
    SetDate(year, month, day, out);  // "last Oct. 23": that day of the month named
    out->end = k + 2;
    return true;
  }
  out->type = "DATE";
  out->value = is_season ? FormatYear(year) + "-" + std::string(season) : FormatMonth(year, month);
  return true;
}

void DocMemory::Remember(const Found& f) {
  const std::string_view v = f.value;
  // An earnings report turning from its quarter to "the nine months" or "the first half"
  // compares those with the year before: "a year earlier" there is a year, not the quarter.
  // (Tested on the last bytes first: this runs for every expression found.)
  const size_t n = v.size();
  if (n >= 3 && ((v[n - 3] == '-' && v[n - 2] == 'H' && (v[n - 1] == '1' || v[n - 1] == '2')) ||
                 (f.type == "DURATION" && (v == "P6M" || v == "P9M"))))
    quarter = 0;
  if (f.type != "DATE" || v.size() < 4 || !IsDigits(v.substr(0, 4))) return;
  year = ToInt(v.substr(0, 4));
  month = v.size() >= 7 && v[4] == '-' && IsDigits(v.substr(5, 2))
              ? ToInt(v.substr(5, 2))
              : 0;
  day = f.day;
}

bool Recognizer::MatchAnaphoric(uint32_t i, Found* out) const {
  if (memory_ == nullptr || memory_->year == 0) return false;
  const std::string_view w = Norm(i), next = Norm(i + 1);
  int shift = 0;
  uint32_t k = i + 1;
  if (w == "that") {
    if (next == "same") ++k;
  } else if (w == "the" && (next == "following" || next == "previous" || next == "preceding")) {
    shift = next == "following" ? 1 : -1, k = i + 2;
  } else if (w == "the" && next == "next" && (Norm(i + 2) == "day" || Norm(i + 2) == "morning")) {
    shift = 1, k = i + 2;
  } else {
    return false;
  }
  const std::string_view u = Norm(k);
  const DocMemory& m = *memory_;
  out->type = "DATE";
  out->first = i, out->end = k + 1;
  // Resolved against the day named, when one was; a named month or year is no anchor day.
  out->relative = m.day.has_value();
  out->anchor_day = m.day;
  if (const int wd = WeekdayOf(u); wd > 0 && shift < 0 && m.day) {
    SetDay(WeekdayFrom(*m.day, wd, Direction::kPast, true), out);
  } else if ((u == "day" || u == "morning") && m.day && (u == "day" || shift > 0)) {
    SetDay(*m.day + date::days{shift}, out);
  } else if (u == "week" && m.day) {
    out->value = FormatWeek(*m.day + date::days{7 * shift});
  } else if (u == "month" && m.month > 0) {
    int year = m.year, month = m.month;
    AddMonths(&year, &month, shift);
    out->value = FormatMonth(year, month);
  } else if (u == "year") {
    out->value = FormatYear(m.year + shift);
  } else {
    return false;
  }
  return true;
}

// Single words and fixed phrases: "today", "yesterday", "now", "recently", "the future".
bool Recognizer::MatchWord(uint32_t i, Found* out) const {
  const bool the = Norm(i) == "the";
  const std::string_view w = Norm(the ? i + 1 : i);
  out->first = i;
  out->end = the ? i + 2 : i + 1;
  out->type = "DATE";
  int offset = 99;
  if (w == "today") offset = 0;
  if (w == "yesterday") offset = -1;
  if (w == "tomorrow") offset = 1;
  if (w == "tonight") offset = 0;
  if (offset != 99 && !the) {
    if (!anchor_) {
      out->value = offset < 0 ? "PAST_REF" : offset > 0 ? "FUTURE_REF" : "PRESENT_REF";
      return true;
    }
    SetDay(*anchor_ + date::days{offset}, out);
    out->relative = true;
    if (w == "tonight") out->value += "TNI";
    out->end = AddPartOfDay(out->end, out);
    return true;
  }
  if (!the && (w == "now" || w == "currently" || w == "presently" || w == "nowadays")) {
    out->value = "PRESENT_REF";
  } else if (!the && (w == "recently" || w == "lately")) {
    out->value = "PAST_REF";
  } else if (!the && w == "current" && !UnitOf(Tok(i + 1))) {
    out->value = "PRESENT_REF";
  } else if (the && w == "past" && UnitOf(Tok(i + 2)) == std::nullopt && ReadCount(i + 2, nullptr, nullptr) == 0) {
    out->value = "PAST_REF";
  } else if (w == "future" && (the || Norm(i - 1) == "near")) {
    out->value = "FUTURE_REF";
  } else {
    return false;
  }
  return true;
}

uint32_t Recognizer::ReadCount(uint32_t j, int* lo, int* hi) const {
  int a = -1, b = -1;
  std::string_view w = Norm(j);
  uint32_t next = j + 1;
  if (w == "between") {
    a = CountOf(Tok(j + 1));
    b = CountOf(Tok(j + 3));
    if (a < 0 || Norm(j + 2) != "and" || b < a) return 0;
    next = j + 4;
  } else if (w == "few" || w == "several" || w == "many" || (w == "a" && Norm(j + 1) == "few")) {
    next = w == "a" ? j + 2 : j + 1;
  } else if (w == "a" && Norm(j + 1) == "couple" && Norm(j + 2) == "of") {
    a = b = 2, next = j + 3;
  } else if (w == "couple" && Norm(j + 1) == "of" && j > first_ && ShiftOf(Norm(j - 1)) != 99) {
    a = b = 2, next = j + 2;  // "the next couple of years"
  } else {
    a = b = CountOf(Tok(j));
    if (a < 0) return 0;
    const std::string_view link = Norm(j + 1);
    const int c = CountOf(Tok(j + 2));
    if ((link == "to" || link == "-" || link == "or" || link == "\xe2\x80\x93") && c > a &&
        w != "a" && w != "an") {
      b = c, next = j + 3;
    }
  }
  if (lo != nullptr) *lo = a, *hi = b;
  return next;
}

// "10 to 12 days", "two days ago", "a year earlier", "a day after", "the nine months".
bool Recognizer::MatchCount(uint32_t i, Found* out) const {
  const uint32_t j = Norm(i) == "the" ? i + 1 : i;
  int lo, hi;
  if (Norm(i) == "one" && Norm(i + 1) == "day" && i > first_ && IsFutureSubject(Norm(i - 1))) {
    // "Islam will one day be ...", "the hope he one day follows": some time ahead, no length.
    out->first = i, out->end = i + 2, out->type = "DATE", out->value = "FUTURE_REF";
    return true;
  }
  uint32_t k = ReadCount(j, &lo, &hi);
  if (k == 0 || hi >= 1000) return false;
  // "5 1/2 hours": a half more of the unit.
  const bool half = lo >= 0 && lo == hi && Norm(k) == "1/2";
  if (half) ++k;
  // "two more weeks", "an additional year", "eight trading days": the unit comes one word later.
  if (IsCountFiller(Norm(k)) && UnitOf(Tok(k + 1))) ++k;
  bool plural = false;
  const auto unit = UnitOf(Tok(k), &plural);
  if (!unit || (plural && lo == 1 && Norm(j) != "1")) return false;
  if (j > i && (lo < 0 || Norm(k + 1) == "ago")) return false;
  // "$500 million a year", "20 flights a week": a rate, which TimeML writes as a SET.
  const std::string_view rate_of = Norm(i - 1);
  bool counted_before = false;  // "700 seats a week", "fifty thousand CDs a year"
  for (uint32_t p = i > first_ + 3 ? i - 3 : first_; p < i; ++p) {
    counted_before |= tokens_[p].kind == TokenKind::kNumber || CountOf(tokens_[p].norm) > 1;
  }
  if (Norm(i) == "a" && !plural && *unit >= Unit::kHour && i > first_ &&
      (counted_before || rate_of == "million" || rate_of == "billion" || rate_of == "trillion" ||
       rate_of == "thousand" || rate_of == "percent" || rate_of == "cents" ||
       rate_of == "dollars") &&
      !IsRelationWord(Norm(k + 1))) {
    out->first = i, out->end = k + 1, out->type = "SET", out->value = DurationValue(1, *unit);
    return true;
  }
  // "a second round": the ordinal, not the unit.
  const std::string_view after = Norm(k + 1);
  if (*unit == Unit::kSecond && !plural && k + 1 < end_ && tokens_[k + 1].kind == TokenKind::kWord &&
      after != "ago" && after != "later" && after != "earlier" && after != "after" && after != "before")
    return false;
  if (!MatchCountTail(i, k + 1, lo, hi, *unit, out)) return false;
  // "a minute and a half", "2 1/2 years": TIMEX3 writes the half in the next smaller unit.
  const bool and_a_half = Norm(k + 1) == "and" && Norm(k + 2) == "a" && Norm(k + 3) == "half";
  if (out->type == "DURATION" && out->end == k + 1 && (half || and_a_half)) {
    const std::string value = DurationWithHalf(lo, *unit);
    if (!value.empty()) out->value = value, out->end = and_a_half ? k + 4 : k + 1;
  }
  return true;
}

bool Recognizer::MatchCountTail(uint32_t i, uint32_t j, int lo, int hi, Unit unit,
                                Found* out) const {
  const std::string_view next = Norm(j);
  // "52 years old" is an age; "a quarter of the votes" a fraction.
  if (next == "old" || (lo > 0 && (unit == Unit::kQuarter || unit == Unit::kHalf) && next == "of"))
    return false;
  const std::string_view after = Norm(j + 1);
  const bool clause_follows = !after.empty() && after != "," && after != "." && after != ";";
  int sign = 0;
  if (next == "ago" || next == "earlier" || (next == "before" && !clause_follows)) sign = -1;
  if (next == "later" || (next == "after" && !clause_follows) || (next == "from" && after == "now")) sign = 1;
  // "a day after <event>": the event is that long before the time being told.
  const bool short_unit = unit == Unit::kDay || unit == Unit::kWeek;
  if (next == "after" && clause_follows) sign = short_unit ? -1 : 0;
  if (next == "before" && clause_follows) sign = short_unit ? 1 : 0;
  out->first = i;
  if (sign != 0 && lo == hi && anchor_) {
    out->end = j + 1 + (next == "from" ? 1 : 0);
    out->type = "DATE";
    if (lo < 0) {
      out->value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
    } else if (unit == Unit::kYear && memory_ != nullptr && memory_->quarter > 0 &&
               (next == "earlier" || next == "ago")) {
      out->value = FormatYear(memory_->quarter_year - lo) + "-Q" + std::to_string(memory_->quarter);
    } else {
      out->value = ShiftedValue(unit, sign * lo, out);
    }
    out->clause_anchor = clause_follows && (next == "after" || next == "before");
    return true;
  }
  out->end = j;
  out->type = "DURATION";
  out->value = DurationValue(lo, unit);
  if (hi != lo) out->value_max = DurationValue(hi, unit);
  out->limit_min = lo, out->limit_max = hi, out->limit_unit = unit;
  // "had 10 to 12 days to end the war": a limit.
  uint32_t p = i;
  while (p > first_ && (Norm(p - 1) == "just" || Norm(p - 1) == "only")) --p;
  const std::string_view verb = Norm(p - 1);
  if (next == "to" && lo >= 0 && unit >= Unit::kDay &&
      (verb == "has" || verb == "had" || verb == "have" || verb == "given" || verb == "gave")) {
    out->limit = true;
  }
  return true;
}

// "year-earlier", "the year-ago quarter", "the comparable year-earlier period": the quarter
// last named (or the year) a year before.
bool Recognizer::MatchYearAgo(uint32_t i, Found* out) const {
  uint32_t j = Norm(i) == "the" ? i + 1 : i;
  if (j > i && (Norm(j) == "comparable" || Norm(j) == "same")) ++j;
  const std::string_view w = Norm(j);
  if ((w != "year-earlier" && w != "year-ago") || !anchor_) return false;
  ++j;
  // "the year-ago third quarter": that quarter of the year before.
  const int year_before = (memory_ != nullptr && memory_->quarter > 0 ? memory_->quarter_year
                                                                       : YearOf(*anchor_)) - 1;
  if (QuarterOfYear(j, year_before, out)) {
    out->first = i, out->relative = true;
    out->quarter = 0;  // the comparison quarter is not the one the report is about
    return true;
  }
  const bool period = Norm(j) == "quarter" || Norm(j) == "period";
  if (period) ++j;
  if (j - i > 1 && !period) return false;
  out->first = i, out->end = j, out->type = "DATE", out->relative = true;
  if (memory_ != nullptr && memory_->quarter > 0) {
    out->value = FormatYear(memory_->quarter_year - 1) + "-Q" + std::to_string(memory_->quarter);
  } else {
    out->value = ShiftedValue(Unit::kYear, -1, out);
  }
  return true;
}

bool Recognizer::MatchTheUnit(uint32_t i, bool as_date, Found* out) const {
  if (Norm(i) != "the") return false;
  uint32_t j = i + 1;
  const std::string_view adj = Norm(j);
  if (adj == "full" || adj == "fiscal" || adj == "whole" || adj == "entire") ++j;
  bool plural = false;
  const auto unit = UnitOf(Tok(j), &plural);
  if (!unit || plural || !anchor_) return false;
  out->first = i, out->end = j + 1;
  if (*unit == Unit::kWeekend && j == i + 1) {
    const Direction dir = DirectionAt(i);
    const Day saturday = WeekdayFrom(*anchor_, 6, dir == Direction::kFuture ? dir : Direction::kPast);
    out->type = "DATE", out->value = FormatWeek(saturday) + "-WE", out->relative = true;
    return true;
  }
  if (as_date && *unit >= Unit::kWeek) {
    out->type = "DATE", out->value = ShiftedValue(*unit, 0, out);
    return true;
  }
  if (*unit != Unit::kYear) return false;
  // "the year ended Sept. 30", "throughout the fiscal year": a stretch of a year; "for the
  // year", "the end of the year", "earlier in the year": the current year.
  const std::string_view next = Norm(j + 1), prev = Norm(i - 1);
  const bool stretch = next == "ended" || next == "ending" || next == "to" || next == "before" ||
                       prev == "throughout" || prev == "during" || prev == "over";
  if (j == i + 1 || adj == "fiscal") {
    uint32_t year_end = 0;
    if (const int year = SpelledYearAt(j + 1, &year_end); year > 0) {
      SetDate(year, 0, 0, out);  // "the year two thousand"
      out->end = year_end;
      return true;
    }
    out->type = stretch ? "DURATION" : "DATE";
    out->value = stretch ? "P1Y" : ShiftedValue(*unit, 0, out);
  } else {
    out->type = "DATE", out->value = ShiftedValue(*unit, 0, out);  // "the full year"
  }
  return true;
}

// "two-day", "16-hour", "five-year", "week-long".
bool Recognizer::MatchAdjectiveDuration(uint32_t i, Found* out) const {
  const std::string_view w = Norm(i);
  int n = -1;
  std::optional<Unit> unit;
  uint32_t end = i + 1;
  bool some = false;  // a plural unit with no count
  const size_t dash = w.rfind('-');
  if (dash != std::string_view::npos && i < end_ && tokens_[i].kind == TokenKind::kWord) {
    std::string_view head = w.substr(0, dash), tail = w.substr(dash + 1);
    if (tail == "long" || tail == "old") {
      if (tail == "old") return false;
      unit = UnitOf(head, &some), n = some ? -1 : 1;  // "decades-long": some decades
    } else {
      n = CountOf(head), unit = UnitOf(tail);
    }
  } else if (IsDigits(w) && Norm(i + 1) == "-" && Adjacent(i, i + 1) && Adjacent(i + 1, i + 2)) {
    n = ToInt(w), unit = UnitOf(Tok(i + 2)), end = i + 3;
    if (Norm(i + 3) == "-" && Norm(i + 4) == "old") return false;
  }
  if ((n < 1 && !some) || !unit) return false;
  if (*unit == Unit::kQuarter && Norm(end) == "of") return false;  // "three-quarters of"
  out->first = i;
  out->end = end;
  out->type = "DURATION";
  out->value = DurationValue(n, *unit);
  return true;
}

// "for years", "over decades", "in recent weeks".
bool Recognizer::MatchVagueDuration(uint32_t i, Found* out) const {
  const std::string_view w = Norm(i);
  bool plural = false;
  if (w == "recent" && UnitOf(Tok(i + 1), &plural) && plural) {
    out->first = i, out->end = i + 2, out->type = "DURATION";
    out->value = DurationValue(-1, *UnitOf(Tok(i + 1)));
    // "in recent years": TimeML takes the years as an unspecified past, not a length.
    if (*UnitOf(Tok(i + 1)) >= Unit::kYear) out->type = "DATE", out->value = "PAST_REF";
    return true;
  }
  // "in (the) coming weeks": an unspecified length ahead.
  const uint32_t after_the = w == "the" ? i + 1 : i;
  if (Norm(after_the) == "coming" && UnitOf(Tok(after_the + 1), &plural) && plural) {
    out->first = i, out->end = after_the + 2, out->type = "DURATION";
    out->value = DurationValue(-1, *UnitOf(Tok(after_the + 1)));
    return true;
  }
  if (w == "recent" && !UnitOf(Tok(i + 1))) {
    // "the recent attacks": an unspecified past (TimeML's PAST_REF).
    out->first = i, out->end = i + 1, out->type = "DATE", out->value = "PAST_REF";
    return true;
  }
  const std::string_view prev = Norm(i - 1);
  const auto unit = UnitOf(w, &plural);
  if (!unit || !plural || (prev != "for" && prev != "over")) return false;
  out->first = i, out->end = i + 1, out->type = "DURATION", out->value = DurationValue(-1, *unit);
  return true;
}

// "10:35 a.m.", "5 p.m.", "noon", "midnight".
bool Recognizer::MatchTimeOfDay(uint32_t i, Found* out) const {
  const std::string_view w = Norm(i);
  int hour = -1, minute = 0;
  uint32_t end = i + 1;
  if (w == "noon" || w == "midday") {
    hour = 12;
  } else if (w == "midnight") {
    hour = 24;
  } else if (i < end_ && tokens_[i].kind == TokenKind::kNumber) {
    std::string_view digits = w;
    std::string_view suffix;
    const size_t letters = w.find_first_of("ap");
    if (letters != std::string_view::npos) digits = w.substr(0, letters), suffix = w.substr(letters);
    const size_t colon = digits.find(':');
    std::string_view h = digits.substr(0, colon);
    if (!IsDigits(h) || h.size() > 2) return false;
    hour = ToInt(h);
    if (colon != std::string_view::npos) {
      std::string_view m = digits.substr(colon + 1);
      if (!IsDigits(m) || m.size() != 2) return false;
      minute = ToInt(m);
    }
    if (suffix.empty()) {
      suffix = Norm(i + 1);
      if (suffix == "a.m." || suffix == "p.m." || suffix == "am" || suffix == "pm" || suffix == "a.m" ||
          suffix == "p.m") {
        end = i + 2;
      } else if (colon == std::string_view::npos || suffix == ":" || hour > 23 || minute > 59) {
        return false;
      } else {
        suffix = "";
      }
    } else if (suffix != "am" && suffix != "pm") {
      return false;
    }
    if (hour > 23 || minute > 59 || (!suffix.empty() && (hour < 1 || hour > 12))) return false;
    if (!suffix.empty() && suffix[0] == 'p' && hour < 12) hour += 12;
    if (!suffix.empty() && suffix[0] == 'a' && hour == 12) hour = 0;
  } else {
    return false;
  }
  out->first = i;
  out->end = end;
  out->type = "TIME";
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  out->value = (anchor_ ? FormatDay(*anchor_) : std::string("XXXX-XX-XX")) + buf;
  out->relative = anchor_.has_value();
  out->time_of_day = true;
  // "9 a.m. Tuesday", "4 a.m. EDT Thursday", "noon Saturday": the day is part of the expression.
  uint32_t day_at = end;
  if (IsTimeZone(Norm(day_at))) ++day_at;
  Found day;
  if (anchor_ && WeekdayOf(Tok(day_at)) > 0 && MatchWeekday(day_at, &day) && day.day) {
    out->value = FormatDay(*day.day) + out->value.substr(out->value.find('T'));
    out->end = day.end;
    out->time_of_day = false;
  } else if (day_at > end || Norm(day_at) == ",") {
    // "5 p.m. EST Nov. 9", "5 p.m. EST, Nov. 6": the zone ties the date to the time.
    if (Norm(day_at) == ",") ++day_at;
    if (MatchMonthFirst(day_at, &day) && day.day) {
      out->value = FormatDay(*day.day) + out->value.substr(out->value.find('T'));
      out->end = day.end;
      out->time_of_day = false;
    }
  }
  return true;
}

// "every week", "each year", "every Monday", "daily", "twice a week".
bool Recognizer::MatchSet(uint32_t i, Found* out) const {
  const std::string_view w = Norm(i);
  out->first = i;
  out->type = "SET";
  if (const std::string_view adverb = SetAdverbOf(w); !adverb.empty()) {
    out->end = i + 1, out->value = std::string(adverb);
    return true;
  }
  if (const int wd = SetWeekdayOf(w); wd > 0 && IsCapitalized(i)) {
    out->end = i + 1, out->value = "XXXX-WXX-" + std::to_string(wd);
    return true;
  }
  if (w != "every" && w != "each" && w != "twice" && w != "once") return false;
  uint32_t j = i + 1;
  if ((w == "twice" || w == "once") && (Norm(j) == "a" || Norm(j) == "per")) ++j;
  else if (w == "twice" || w == "once") return false;
  int n = 1;
  if (w == "every" && CountOf(Tok(j)) > 1) n = CountOf(Tok(j)), ++j;
  if (const int wd = WeekdayOf(Tok(j)); wd > 0 && w != "twice" && w != "once") {
    out->end = j + 1, out->value = "XXXX-WXX-" + std::to_string(wd);
    return true;
  }
  bool plural = false;
  const auto unit = UnitOf(Tok(j), &plural);
  if (!unit || (plural != (n > 1))) return false;
  out->end = j + 1;
  out->value = DurationValue(n, *unit);
  return true;
}

}  // namespace parley::extract::times
