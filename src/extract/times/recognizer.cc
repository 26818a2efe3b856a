#include "extract/times/recognizer.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace parley::extract::times {
namespace {

// The words of a deictic shift ("last", "next", "this": ShiftOf in recognizer_relative.cc).
bool IsShiftWord(std::string_view w) {
  return w == "last" || w == "past" || w == "previous" || w == "preceding" || w == "next" ||
         w == "coming" || w == "following" || w == "upcoming" || w == "this" || w == "current" ||
         w == "present";
}

}  // namespace

Recognizer::Recognizer(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                       uint32_t end, std::optional<Day> anchor, const DocMemory* memory)
    : text_(text), tokens_(tokens), first_(first), end_(end), anchor_(anchor), memory_(memory) {}

// The tense a token signals, if any. A participle after "be" or "to" ("will be held", "is to
// be signed") belongs to the tense of its auxiliary; "to be" looks ahead.
std::optional<Direction> Recognizer::CueAt(uint32_t i) const {
  // Most words are no cue at all: one bit test on their key (a cue is one of time_words' cues,
  // a word in -ed, "to" or "set").
  if (!MayBeTenseCue(tokens_[i])) return std::nullopt;
  const std::string_view w = tokens_[i].norm;  // a view: == compares lengths before bytes
  const int cue = TenseCueOf(tokens_[i]);
  // "Until Thursday, they had not called him": opening its clause, "until" leaves the tense to
  // the verb that follows; after a verb ("has until Friday to leave") it looks ahead.
  if (w == "until" && (i == first_ || tokens_[i - 1].norm == "," || IsCapitalized(i)))
    return std::nullopt;
  // "plans to visit" looks ahead; "vacation plans" and "the plan" are nouns with no tense.
  if ((w == "plans" || w == "plan") && Norm(i + 1) != "to") return std::nullopt;
  // A capitalized word in -ed inside a sentence is a name ("the United States"), no past form.
  if (cue < 0 && i > first_ && IsCapitalized(i) && w.size() > 4 && w.ends_with("ed"))
    return std::nullopt;
  // After a determiner or an adverb a word in -ed is an adjective ("a still unspecified date",
  // "the reduced dividend"): the verb of the clause gives the tense.
  if (cue < 0 && i > first_ && w.size() > 4 && w.ends_with("ed")) {
    const std::string_view before = tokens_[i - 1].norm;
    if (before == "a" || before == "an" || before == "the" || before == "its" ||
        before == "their" || before == "still" || (before.size() > 4 && before.ends_with("ly")))
      return std::nullopt;
  }
  // A plan told in the past tense ("was due to expire Friday", "had been scheduled for
  // Monday") is over by the time of writing.
  if (cue > 0 && i > first_ && (w == "due" || w == "scheduled" || w == "planned")) {
    // "has been scheduled for November" is still ahead; "had been scheduled" is not.
    const std::string_view before = tokens_[i - 1].norm;
    const bool had_been = before == "been" && i - 1 > first_ && tokens_[i - 2].norm == "had";
    if (before == "was" || before == "were" || before == "had" || had_been) return Direction::kPast;
  }
  // "planned to leave", "is planned" look ahead; as an adjective ("a hastily planned trip", "a
  // service planned at the university") it leaves the tense to the main verb.
  if (w == "planned" && i > first_) {
    const std::string_view before = tokens_[i - 1].norm;
    const std::string_view after = Norm(i + 1);
    if (before == "the" || before == "a" || before == "an" || before.ends_with("ly") ||
        after == "at" || after == "by" || after == "in")
      return std::nullopt;
  }
  if (cue > 0 || (w == "to" && i + 1 < end_ && tokens_[i + 1].norm == "be")) return Direction::kFuture;
  // "is set to", "set for Friday" and "is to resume" look ahead; "set Friday as the deadline"
  // is a past form like any other.
  if ((w == "set" && (Norm(i + 1) == "to" || Norm(i + 1) == "for")) ||
      (w == "to" && i > first_ && (tokens_[i - 1].norm == "is" || tokens_[i - 1].norm == "are")))
    return Direction::kFuture;
  if (cue < 0 && !(i > first_ && (tokens_[i - 1].norm == "be" || tokens_[i - 1].norm == "to")))
    return Direction::kPast;
  return std::nullopt;
}

// English puts the verb before the adverbial that dates it ("will meet Bush on Thursday",
// "said Friday"), so the nearest cue before the expression decides; a cue after it ("On
// Friday, Bush said") only when there is none before. Scanning outward from the expression
// reads only the few tokens up to the verb.
Direction Recognizer::DirectionAt(uint32_t i) const {
  for (uint32_t p = i; (p = PrevMayBeTenseCue(tokens_, first_, p)) != kNoCue;) {
    if (const auto d = CueAt(p)) return *d;
  }
  for (uint32_t p = i + 1; (p = NextMayBeTenseCue(tokens_, p, end_)) < end_; ++p) {
    if (const auto d = CueAt(p)) return *d;
  }
  return Direction::kNearest;
}

bool Recognizer::IsCapitalized(uint32_t i) const {
  if (i >= end_) return false;
  const char c = text_[tokens_[i].start];
  return c >= 'A' && c <= 'Z';
}

bool Recognizer::Adjacent(uint32_t a, uint32_t b) const {
  return b < end_ && tokens_[a].end == tokens_[b].start;
}

bool Recognizer::MatchFrom(uint32_t i, bool strong, Found* out) const {
  if (!strong && TriggerOf(tokens_[i]) != 1) return false;
  out->Clear();
  // Only the words MatchLimit and MatchModified begin with can leave a failed attempt in *out.
  const std::string_view w = Norm(i);
  if (w == "within" || w == "the" || w == "early" || w == "late" || w == "earlier" || w == "later" ||
      w == "mid") {
    if (MatchLimit(i, out) || MatchModified(i, out)) return !IsQuotedTitle(*out);
    out->Clear();
  }
  return MatchCore(i, out) && !IsQuotedTitle(*out);
}

// ABC's "This Week", CBS's "60 Minutes": words of two or more, all capitalized, right after a
// quote mark, name a programme or a book, not a time ("Last week we ..." keeps its lower case).
bool Recognizer::IsQuotedTitle(const Found& f) const {
  if (f.end < f.first + 2 || f.first <= first_ || tokens_[f.first - 1].kind != TokenKind::kQuote)
    return false;
  for (uint32_t k = f.first; k < f.end; ++k) {
    if (tokens_[k].kind == TokenKind::kWord && !IsCapitalized(k)) return false;
  }
  return true;
}

bool Recognizer::MatchCore(uint32_t i, Found* out) const {
  if (i < end_ && tokens_[i].kind == TokenKind::kNumber) {
    // Most numbers count things ("5 people"): a time needs a year's shape, a separator
    // ("10:35", "7/29"), letters ("27th", "1990s", "5pm") or a time word or link after it.
    const std::string_view w = Norm(i), next = Norm(i + 1);
    const bool shaped =
        w.size() == 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!shaped && !IsStrongTrigger(Tok(i + 1)) && !LinksCountToTime(next)) return false;
    // Four plain digits from 1000 ("2019") with no hyphen after them can begin only a year or
    // a quarter: no numeric date, day number, count (under 1000), duration or clock time is
    // written so ("0800 hours" is a count).
    if (w.size() == 4 && w[0] != '0' && next != "-" &&
        std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return MatchYear(i, out) || MatchQuarter(i, out);
    // Only the patterns that can begin with a number.
    return MatchNumericDate(i, out) || MatchDayFirst(i, out) || MatchCount(i, out) ||
           MatchAdjectiveDuration(i, out) || MatchTimeOfDay(i, out) || MatchYear(i, out) ||
           MatchQuarter(i, out);
  }
  // The commonest openers can begin only a few patterns: the others would each look the word
  // up again only to fail.
  const std::string_view w = Norm(i);
  if (w == "the") {
    // Most "the" open no time ("the US on Monday"): each of these patterns needs one of the
    // words MayFollowThe lets through right after it.
    if (!MayFollowThe(Tok(i + 1))) return false;
    return MatchAnaphoric(i, out) || MatchDeictic(i, out) || MatchWord(i, out) ||
           MatchQuarter(i, out) || MatchSeason(i, out) || MatchYearAgo(i, out) ||
           MatchTheUnit(i, false, out) || MatchCount(i, out) || MatchVagueDuration(i, out) ||
           MatchYear(i, out);
  }
  if (w == "a" || w == "an") return MatchCount(i, out);
  if (w == "that") return MatchAnaphoric(i, out);
  // A shift word is no month, weekday, unit, count, season, holiday, clock time, set or year:
  // those patterns turn it away at their first test, and none writes to *out before it does.
  if (IsShiftWord(w))
    return MatchDeictic(i, out) || MatchWord(i, out) || (w == "coming" && MatchVagueDuration(i, out));
  // Otherwise one lookup tells which patterns the word may begin (each guard below is a
  // condition the pattern itself would test first). MatchTheUnit needs "the".
  const WordFacts f = FactsOf(Tok(i));
  const bool digit = !w.empty() && w[0] >= '0' && w[0] <= '9';
  // A month, weekday or unit name with no count, ordinal or hyphen in it ("may", "day",
  // "years", "Friday") begins only its own class's pattern: none of the other patterns reads
  // such a word at its start, and most of these words fail ("may" the verb, "day" alone), so
  // they skip the ten lookups that would only fail again.
  if (f.count < 0 && f.ordinal < 0 && !f.hyphen && !digit &&
      (f.month > 0 || f.weekday > 0 || f.unit)) {
    return (f.weekday > 0 && MatchWeekday(i, out)) || (f.month > 0 && MatchMonthFirst(i, out)) ||
           (f.unit && MatchVagueDuration(i, out));
  }
  const bool counts = f.count >= 0 || f.hyphen || digit || w == "between" || w == "few" ||
                      w == "several" || w == "many";
  return (f.weekday > 0 && MatchWeekday(i, out)) ||
         ((f.month > 0 || f.hyphen) && MatchMonthFirst(i, out)) ||
         (digit && MatchDayFirst(i, out)) || MatchDeictic(i, out) || MatchWord(i, out) ||
         ((f.ordinal > 0 || f.hyphen || digit) && MatchQuarter(i, out)) ||
         MatchSeason(i, out) || MatchHoliday(i, out) || MatchYearAgo(i, out) ||
         (counts && MatchCount(i, out)) || ((f.hyphen || digit) && MatchAdjectiveDuration(i, out)) ||
         ((f.unit || w == "recent" || w == "coming") && MatchVagueDuration(i, out)) ||
         MatchTimeOfDay(i, out) || MatchSet(i, out) || MatchYear(i, out);
}

// "early 2024", "mid-August", "late Tuesday", "the end of the year", "earlier this month":
// TimeML keeps the modifier inside the span and the value of the modified expression.
bool Recognizer::MatchModified(uint32_t i, Found* out) const {
  const std::string_view w = Norm(i);
  uint32_t core = 0;
  if (w == "early" || w == "late" || w == "earlier" || w == "later" || w == "mid") {
    core = i + 1;
    if (w == "mid" && Norm(core) == "-") ++core;
  } else if (w == "the" && Norm(i + 2) == "of") {
    const std::string_view m = Norm(i + 1);
    if (m == "end" || m == "beginning" || m == "start" || m == "middle" || m == "rest") core = i + 3;
  }
  if (core == 0 || !(MatchTheUnit(core, true, out) || MatchCore(core, out))) return false;
  if (out->type != "DATE" && out->type != "TIME") return false;
  out->first = i;
  return true;
}

// "within 10 to 12 days": a duration that sets a limit counted from the anchor.
bool Recognizer::MatchLimit(uint32_t i, Found* out) const {
  if (Norm(i) != "within") return false;
  if (!MatchCount(i + 1, out) || out->type != "DURATION" || out->limit_unit < Unit::kDay) return false;
  if (out->limit_min < 0) return false;
  out->first = i;
  out->limit = true;
  return true;
}

void Recognizer::SetDate(int year, int month, int day, Found* out) const {
  out->type = "DATE";
  if (month == 0) {
    out->value = FormatYear(year);
  } else if (day == 0) {
    out->value = FormatMonth(year, month);
  } else if (auto d = MakeDay(year, month, day)) {
    SetDay(*d, out);
  } else {
    out->value = FormatMonth(year, month);
  }
}

void Recognizer::SetDay(Day d, Found* out) const {
  out->type = "DATE";
  out->value = FormatDay(d);
  out->day = d;
}

uint32_t Recognizer::AddPartOfDay(uint32_t j, Found* out) const {
  const std::string_view part = PartOfDayOf(Norm(j));
  if (part.empty() || out->type != "DATE") return j;
  out->value += "T";
  out->value += part;
  return j + 1;
}

}  // namespace parley::extract::times
