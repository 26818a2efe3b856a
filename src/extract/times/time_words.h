// Time words: the closed-class vocabulary of English time expressions (month and weekday
// names, number words, calendar units, seasons, parts of the day, set adverbs), looked up by a
// token's case-folded norm. Pure functions over static tables; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/text.h"

namespace parley::extract::times {

// Calendar units, ordered from the smallest. kWeekend and kQuarter are units too because
// news measures in them ("the weekend", "the third quarter").
enum class Unit { kSecond, kMinute, kHour, kDay, kWeekend, kWeek, kMonth, kQuarter, kHalf, kYear,
                  kDecade, kCentury };

// 1..12 for "january", "jan", "jan.", "sept." ...
int MonthOf(std::string_view norm);
// 1..7 (ISO: Monday = 1) for "monday", "mon.", "mondays" is not a weekday (see SetWeekdayOf).
int WeekdayOf(std::string_view norm);
// 1..7 for a plural weekday ("mondays"), which names a set.
int SetWeekdayOf(std::string_view norm);
// A number written as a word or digits: "two" -> 2, "a"/"an"/"one" -> 1, "12" -> 12,
// "twenty-five" -> 25. Returns -1 when the token is not a plain count.
int CountOf(std::string_view norm);
// An ordinal: "first" -> 1, "third" -> 3, "27th" -> 27, "last" is not an ordinal. -1 otherwise.
int OrdinalOf(std::string_view norm);
// "day", "days", "week" ... ; `plural` tells whether the word was plural.
std::optional<Unit> UnitOf(std::string_view norm, bool* plural = nullptr);
// "spring" -> "SP", "summer" -> "SU", "fall"/"autumn" -> "FA", "winter" -> "WI"; "" otherwise.
std::string_view SeasonOf(std::string_view norm);
// "morning" -> "MO", "afternoon" -> "AF", "evening" -> "EV", "night" -> "NI"; "" otherwise.
std::string_view PartOfDayOf(std::string_view norm);
// The decade a word names: "twenties" -> 2 ... "nineties" -> 9; -1 otherwise.
int DecadeWordOf(std::string_view norm);
// "daily" -> "P1D", "weekly" -> "P1W", "annually" -> "P1Y" ...; "" otherwise.
std::string_view SetAdverbOf(std::string_view norm);

// What the vocabulary says about a word, from one lookup: the recognizer skips the patterns a
// word cannot begin. -1 where the word is no such thing.
struct WordFacts {
  int month = -1, weekday = -1, ordinal = -1, count = -1;
  bool unit = false;    // "day", "years" ...
  bool hyphen = false;  // "two-day", "mid-August", "third-quarter"
};
WordFacts FactsOf(std::string_view norm);
// The same answers for a token, found by its Token::key (one probe of a table of keys, the
// norm compared only on a hit) instead of hashing the norm again: the recognizer's lookups.
WordFacts FactsOf(const Token& t);
int MonthOf(const Token& t);
int WeekdayOf(const Token& t);
int CountOf(const Token& t);
int OrdinalOf(const Token& t);
std::optional<Unit> UnitOf(const Token& t, bool* plural = nullptr);

// Whether a time expression may start with this word: 2 for a word or number that can name a
// time itself ("May", "week", "2022", "today"), 1 for one that begins an expression only
// before such a word ("the", "last", "two", "within"), 0 otherwise. The cheap test that lets
// the recognizer skip most tokens.
int TriggerOf(std::string_view norm);
int TriggerOf(const Token& t);  // the same, by the token's key
// False when TriggerOf(t.norm) != 1 for certain, from one bit test on the token's key.
bool MayBeWeakTrigger(const Token& t);
// False when no pattern that begins with "the" can read `t` as the word after it: t is no
// count, ordinal, unit, number, hyphenated word or one of the words such patterns name
// ("following", "past", "first", "early", "summer", "nineties" ...), as most words after
// "the" are. One lookup by the token's key.
bool MayFollowThe(const Token& t);
// TriggerOf(norm) == 2, answered for most ordinary words by a bit test on their first two
// letters, without a lookup.
bool IsStrongTrigger(std::string_view norm);
bool IsStrongTrigger(const Token& t);  // the same, by the token's key
// True for a token that links a bare count to a time after it: a range ("10 to 12", "5-7",
// "3 or 4") or a clock suffix ("5 p.m.").
bool LinksCountToTime(std::string_view next);
// The tokens of a text that may be strong triggers (a superset of the exact test below), in
// order: numbers, tokens whose Token::key is a strong word's (a rare punctuation mark too,
// which MarkStrong turns away), and words holding a hyphen. One pass over the tokens of a
// document, with one bit test for most of them: the loop that runs on every token of a text.
// It then asks for the lookup-table lines of each candidate and its neighbours, which the
// matchers read next. The answer is kept in *buffer, which a caller may reuse from text to
// text (it is grown, never cleared).
std::span<const uint32_t> GateTokens(std::string_view text, const std::vector<Token>& tokens,
                                     std::vector<uint32_t>* buffer);
// IsStrongTrigger for the word and number tokens [first, end), written to out[0 .. end-first);
// true when any is. `candidates` are GateTokens' answers within [first, end): the other
// tokens are not strong. A number counts only where it may begin a time (a year's shape, a
// separator or letters, or a time word or link after it: "10 to 12", "5 p.m."), so that the
// counts of a text ("5 people") wake no matching around them.
bool MarkStrong(const std::vector<Token>& tokens, uint32_t first, uint32_t end,
                std::span<const uint32_t> candidates, uint8_t* out);
// False when the token is certainly none of the words the recognizer reads for tense: a tense
// cue (TenseCueOf), a word in -ed, "to" or "set". A bit test on its key and its last bytes.
bool MayBeTenseCue(const Token& t);
// The first token of [k, end) that MayBeTenseCue lets through, or `end`; the last one of
// [first, k), or kNoCue. The loops that look for the verb around an expression, kept beside
// the table so that the test on each word is inlined.
inline constexpr uint32_t kNoCue = UINT32_MAX;
uint32_t NextMayBeTenseCue(const std::vector<Token>& tokens, uint32_t k, uint32_t end);
uint32_t PrevMayBeTenseCue(const std::vector<Token>& tokens, uint32_t first, uint32_t k);
// The tense a word signals: +1 future ("will", "expected"), -1 past ("said", "ago", a word in
// -ed), 0 none.
int TenseCueOf(std::string_view norm);
int TenseCueOf(const Token& t);  // the same, by the token's key

// TIMEX3 duration of `n` units: (3, kYear) -> "P3Y", (5, kHour) -> "PT5H"; n < 0 gives "PXY".
std::string DurationValue(int n, Unit unit);

}  // namespace parley::extract::times
