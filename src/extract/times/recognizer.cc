#include "extract/times/recognizer.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace parley::extract::times {
namespace {


}  // namespace

Recognizer::Recognizer(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                       uint32_t end, std::optional<Day> anchor, const DocMemory* memory)
    : text_(text), tokens_(tokens), first_(first), end_(end), anchor_(anchor), memory_(memory) {}

// Tense cues are read once per sentence, and only when an expression asks for them.
void Recognizer::ReadCues() const {
  cues_read_ = true;
  for (uint32_t i = first_; i < end_; ++i) {
    const std::string& w = tokens_[i].norm;
    const int cue = TenseCueOf(w);
    if (cue > 0 || (w == "to" && i + 1 < end_ && tokens_[i + 1].norm == "be")) {
      cues_.emplace_back(i, Direction::kFuture);
    } else if (cue < 0 && !(i > first_ && (tokens_[i - 1].norm == "be" || tokens_[i - 1].norm == "to"))) {
      // A participle after "be" ("will be held") belongs to the tense of its auxiliary.
      cues_.emplace_back(i, Direction::kPast);
    }
  }
}

Direction Recognizer::DirectionAt(uint32_t i) const {
  if (!cues_read_) ReadCues();
  Direction best = Direction::kNearest;
  uint32_t best_distance = UINT32_MAX;
  for (const auto& [pos, dir] : cues_) {
    const uint32_t d = pos > i ? pos - i : i - pos;
    if (d < best_distance) {
      best_distance = d;
      best = dir;
    }
  }
  return best;
}

std::string_view Recognizer::Norm(uint32_t i) const {
  return i >= first_ && i < end_ ? std::string_view(tokens_[i].norm) : std::string_view();
}

bool Recognizer::IsCapitalized(uint32_t i) const {
  if (i >= end_) return false;
  const char c = text_[tokens_[i].start];
  return c >= 'A' && c <= 'Z';
}

bool Recognizer::Adjacent(uint32_t a, uint32_t b) const {
  return b < end_ && tokens_[a].end == tokens_[b].start;
}

bool Recognizer::MatchAt(uint32_t i, bool strong_here, bool strong_ahead, Found* out) const {
  if (!strong_here && (!strong_ahead || TriggerOf(Norm(i)) != 1)) return false;
  *out = Found{};
  if (MatchLimit(i, out)) return true;
  if (MatchModified(i, out)) return true;
  *out = Found{};
  return MatchCore(i, out);
}

bool Recognizer::MatchCore(uint32_t i, Found* out) const {
  if (i < end_ && tokens_[i].kind == TokenKind::kNumber) {
    // Most numbers count things ("5 people"): a time needs a year's shape, a separator
    // ("10:35", "7/29"), letters ("27th", "1990s", "5pm") or a time word or link after it.
    const std::string_view w = Norm(i), next = Norm(i + 1);
    const bool shaped = w.size() == 4 || w.find_first_not_of("0123456789") != std::string_view::npos;
    if (!shaped && !IsStrongTrigger(next) && next != "-" && next != "to" && next != "or" &&
        next != "\xe2\x80\x93" && next != "a.m." && next != "p.m." && next != "am" &&
        next != "pm" && next != "a.m" && next != "p.m")
      return false;
    // Only the patterns that can begin with a number.
    return MatchNumericDate(i, out) || MatchDayFirst(i, out) || MatchCount(i, out) ||
           MatchAdjectiveDuration(i, out) || MatchTimeOfDay(i, out) || MatchYear(i, out);
  }
  return MatchWeekday(i, out) || MatchMonthFirst(i, out) || MatchDayFirst(i, out) ||
         MatchDeictic(i, out) || MatchWord(i, out) || MatchQuarter(i, out) ||
         MatchSeason(i, out) || MatchHoliday(i, out) || MatchYearAgo(i, out) ||
         MatchTheUnit(i, false, out) || MatchCount(i, out) || MatchAdjectiveDuration(i, out) ||
         MatchVagueDuration(i, out) || MatchTimeOfDay(i, out) || MatchSet(i, out) ||
         MatchYear(i, out);
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
