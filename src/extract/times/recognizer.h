// Recognizer: finds the time expression that starts at a given token of one sentence and
// normalizes it to a TIMEX3 type and value against a reference day (the anchor) and the tense
// of its clause. One pass over tokens with cheap closed-class lookups (time_words.h); no
// regular expressions. The driver (times.cc) chooses the anchor (document date, reported
// speech, a continued account) and turns Found into TimeExpr.
//
// Thread-safe: a Recognizer is built per sentence and only reads its inputs, which must
// outlive it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/times/calendar.h"
#include "extract/times/time_words.h"
#include "parley/text.h"

namespace parley::extract::times {

struct Found {
  uint32_t first = 0, end = 0;  // token range [first, end)
  // DATE, TIME, DURATION, SET: a literal, so that a failed attempt builds no string.
  std::string_view type;
  std::string value;
  std::optional<std::string> value_max;
  bool relative = false;        // resolved against the anchor
  std::optional<Day> day;       // the one day it denotes, when it does
  // A limit the expression sets ("within 10 to 12 days"): anchor + [limit_min, limit_max] units.
  bool limit = false;
  int limit_min = 0, limit_max = 0;
  Unit limit_unit = Unit::kDay;
  int quarter_year = 0, quarter = 0;  // a quarter it names (for "a year earlier" later on)
  bool clause_anchor = false;  // "a day after <clause>": dates the clause that follows
  bool time_of_day = false;    // "10:35 a.m.": its day comes from the dates around it
  std::optional<Day> anchor_day;  // the anchor it was resolved against (set by the driver)

  // Back to a default Found, keeping the room of `value`: what MatchFrom does before each token
  // it tries. Assigning Found{} zeroed the whole struct by `rep stos`, whose start-up cost more
  // than the rest of a failed attempt. Every member above must be reset here.
  void Clear() {
    first = end = 0;
    type = {};
    value.clear();
    value_max.reset();
    relative = false;
    day.reset();
    limit = false;
    limit_min = limit_max = 0;
    limit_unit = Unit::kDay;
    quarter_year = quarter = 0;
    clause_anchor = time_of_day = false;
    anchor_day.reset();
  }
};
// A member added to Found must be added to Found::Clear too (then update this size).
#if defined(__GLIBCXX__)  // the size with libstdc++'s 32-byte std::string on 64-bit targets
static_assert(sizeof(Found) == 144 || sizeof(void*) != 8, "update Found::Clear");
#endif

// What the recognizer may know from earlier sentences of the document.
struct DocMemory {
  int quarter_year = 0, quarter = 0;  // the last quarter named ("the third quarter")
  // The last date named, at the granularity it was named with (month and day 0 when absent):
  // what "that year", "the following month", "the next morning" refer back to.
  int year = 0, month = 0;
  std::optional<Day> day;
  // Records a finding when it names a calendar date (a value that opens with a year).
  void Remember(const Found& f);
};

class Recognizer {
 public:
  Recognizer(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
             uint32_t end, std::optional<Day> anchor, const DocMemory* memory);

  // Matches a time expression starting at token `i`; fills *out and returns true.
  // `strong_ahead` tells whether one of tokens i+1..i+3 is a strong trigger (IsStrongTrigger):
  // a weak word ("the", "last", "two") starts an expression only before one.
  // Inline: most calls are turned away by one bit test, before any of the matching.
  bool MatchAt(uint32_t i, bool strong_here, bool strong_ahead, Found* out) const {
    if (!strong_here && (!strong_ahead || !MayBeWeakTrigger(tokens_[i]))) return false;
    return MatchFrom(i, strong_here, out);
  }

  // The tense of the clause around token `i`, from the nearest tense cue in the sentence.
  Direction DirectionAt(uint32_t i) const;

 private:
  // The norm of token i, or "" outside the sentence. Inline: the recognizer's commonest call.
  std::string_view Norm(uint32_t i) const {
    return i >= first_ && i < end_ ? std::string_view(tokens_[i].norm) : std::string_view();
  }
  // Token i, or an empty token outside the sentence (as Norm gives ""): for the lookups by key.
  const Token& Tok(uint32_t i) const { return i >= first_ && i < end_ ? tokens_[i] : kNoToken; }
  static inline const Token kNoToken{};
  bool IsCapitalized(uint32_t i) const;
  bool IsQuotedTitle(const Found& f) const;  // "This Week", a programme's name
  bool Adjacent(uint32_t a, uint32_t b) const;  // no space between tokens a and b

  // MatchAt past its first test: a weak word (not `strong`) must be one of TriggerOf's.
  bool MatchFrom(uint32_t i, bool strong, Found* out) const;
  bool MatchCore(uint32_t i, Found* out) const;
  bool MatchModified(uint32_t i, Found* out) const;
  bool MatchLimit(uint32_t i, Found* out) const;
  bool MatchNumericDate(uint32_t i, Found* out) const;
  bool MatchWeekday(uint32_t i, Found* out) const;
  bool MatchMonthFirst(uint32_t i, Found* out) const;
  bool MatchDayFirst(uint32_t i, Found* out) const;
  bool MatchDeictic(uint32_t i, Found* out) const;
  bool MatchDeicticUnit(uint32_t i, uint32_t j, int shift, Found* out) const;
  bool MatchDeicticName(uint32_t i, uint32_t j, int shift, Found* out) const;
  bool MatchWord(uint32_t i, Found* out) const;
  bool MatchQuarter(uint32_t i, Found* out) const;
  bool MatchSeason(uint32_t i, Found* out) const;
  bool MatchCount(uint32_t i, Found* out) const;
  bool MatchCountTail(uint32_t i, uint32_t j, int lo, int hi, Unit unit, Found* out) const;
  bool MatchAdjectiveDuration(uint32_t i, Found* out) const;
  bool MatchVagueDuration(uint32_t i, Found* out) const;
  bool MatchTimeOfDay(uint32_t i, Found* out) const;
  bool MatchSet(uint32_t i, Found* out) const;
  bool MatchYear(uint32_t i, Found* out) const;
  bool MatchHoliday(uint32_t i, Found* out) const;
  bool MatchYearAgo(uint32_t i, Found* out) const;
  // "that year", "that same day", "the following month", "the next morning", "the previous
  // Friday": relative to the last date the document named (DocMemory), not to the anchor.
  bool MatchAnaphoric(uint32_t i, Found* out) const;
  // "the year", "the fiscal year", "the weekend"; as a date after "the end of" and the like.
  bool MatchTheUnit(uint32_t i, bool as_date, Found* out) const;

  // Reads a count or a range of counts ("10", "ten", "10 to 12", "10-12", "a few") at j;
  // returns the token after it, or 0 when there is none. lo/hi are -1 for a vague count.
  uint32_t ReadCount(uint32_t j, int* lo, int* hi) const;
  // A year written as a number token at i (1000..2099 in a year-like context), or -1.
  int YearAt(uint32_t i, bool lenient) const;
  // A year spelled out as broadcast transcripts write it ("nineteen ninety-six", "two
  // thousand"), or -1; *end is the token after it.
  int SpelledYearAt(uint32_t i, uint32_t* end) const;
  // A year in digits or spelled out at k ("January 1997", "January nineteen ninety-seven");
  // *end is set to the token after it when there is one, else left alone.
  int YearAfter(uint32_t k, uint32_t* end) const;
  // A named quarter or half at j ("third quarter", "third-quarter", "first half"): *q and
  // *half are set and the token after it returned, or 0 when there is none.
  uint32_t ReadQuarter(uint32_t j, int* q, bool* half) const;
  // A quarter or half after a year given by other words ("this year's third quarter", "the
  // year-ago third quarter"); true when one follows at j, with out->value and out->end set.
  bool QuarterOfYear(uint32_t j, int year, Found* out) const;
  int DayNumberAt(uint32_t i) const;
  bool MonthAt(uint32_t i, int* month) const;
  // Fills a DATE for one day, a month (day 0) or a year (month 0) of an absolute date.
  void SetDate(int year, int month, int day, Found* out) const;
  void SetDay(Day d, Found* out) const;
  // A part of the day after token j ("Tuesday evening"): turns the DATE into a TIME.
  uint32_t AddPartOfDay(uint32_t j, Found* out) const;
  std::string ShiftedValue(Unit unit, int amount, Found* out) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  uint32_t first_, end_;
  std::optional<Day> anchor_;
  const DocMemory* memory_;
  std::optional<Direction> CueAt(uint32_t i) const;  // the tense token i signals, if any
};

}  // namespace parley::extract::times
