#include "ingest/dates.h"

#include <date/date.h>

#include <array>
#include <cctype>
#include <cstdio>

#include "parley/ingest.h"

namespace parley::ingest {
namespace {

constexpr std::array<const char*, 12> kMonths = {"january", "february", "march",     "april",
                                                 "may",     "june",     "july",      "august",
                                                 "september", "october", "november", "december"};
constexpr std::array<const char*, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};

bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A cursor over a short string with the few scanning steps date parsing needs.
struct Cursor {
  std::string_view s;
  size_t i = 0;

  bool AtEnd() const { return i >= s.size(); }
  void SkipSpaces() {
    while (i < s.size()) {
      if (s[i] == ' ' || s[i] == '\t') {
        ++i;
      } else if (s.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
        i += 2;
      } else {
        break;
      }
    }
  }
  bool Take(char c) {
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  std::string_view Word() {
    size_t j = i;
    while (j < s.size() && IsAlpha(s[j])) ++j;
    return s.substr(i, j - i);
  }
  // Reads 1..max_digits digits; -1 when there are none or more than max_digits.
  int Number(size_t max_digits) {
    size_t j = i;
    int v = 0;
    while (j < s.size() && IsDigit(s[j])) {
      if (j - i < max_digits) v = v * 10 + (s[j] - '0');  // a long digit run must not overflow
      ++j;
    }
    if (j == i || j - i > max_digits) return -1;
    i = j;
    return v;
  }
};

std::string Lower(std::string_view w) {
  std::string out(w);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Month from a full name or a 3+ letter abbreviation ("Sept", "Feb"); 0 when none.
int MonthFromWord(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string w = Lower(word);
  for (size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view full = kMonths[m];
    if (w == full) return static_cast<int>(m) + 1;
    if (w.size() <= 4 && full.substr(0, w.size()) == w && (w.size() == 3 || w == "sept"))
      return static_cast<int>(m) + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  std::string w = Lower(word);
  for (const char* d : kWeekdays) {
    std::string_view full = d;
    if (w == full || (w.size() == 3 && full.substr(0, 3) == w)) return true;
  }
  return false;
}

// "July 29, 2025" / "Jul. 29 2025" / "July 29" after the month word was read.
bool ReadDayYear(Cursor* c, DateMatch* m) {
  c->Take('.');
  c->SkipSpaces();
  int day = c->Number(2);
  if (day < 1) return false;
  if (c->s.compare(c->i, 2, "st") == 0 || c->s.compare(c->i, 2, "nd") == 0 ||
      c->s.compare(c->i, 2, "rd") == 0 || c->s.compare(c->i, 2, "th") == 0)
    c->i += 2;
  if (c->i < c->s.size() && IsAlpha(c->s[c->i])) return false;
  m->day = day;
  m->length = c->i;
  Cursor save = *c;
  c->Take(',');
  c->SkipSpaces();
  int year = c->Number(4);
  if (year >= 1000 && (c->AtEnd() || !IsDigit(c->s[c->i]))) {
    m->year = year;
    m->length = c->i;
  } else {
    *c = save;
  }
  return true;
}

// "29 July 2025" / "29 Jul 2025" / "29.07.2025" / "2025-07-29" after the first number.
bool ReadAfterNumber(Cursor* c, int first, size_t first_len, DateMatch* m) {
  if (first_len == 4 && (c->Take('-') || c->Take('/') || c->Take('.'))) {
    const char sep = c->s[c->i - 1];
    int month = c->Number(2);
    if (month < 1 || !c->Take(sep)) return false;
    int day = c->Number(2);
    if (day < 1) return false;
    *m = {first, month, day, c->i};
    return true;
  }
  if (first_len <= 2 && (c->Take('.') || c->Take('/') || c->Take('-'))) {
    const char sep = c->s[c->i - 1];
    int second = c->Number(2);
    if (second < 1 || !c->Take(sep)) return false;
    int year = c->Number(4);
    if (year < 1000) return false;
    int day = first, month = second;
    // Dots are day-first (European); slashes are month-first unless that is impossible.
    if (sep == '/' && first <= 12) {
      month = first;
      day = second;
    }
    if (month > 12) std::swap(month, day);
    *m = {year, month, day, c->i};
    return true;
  }
  if (first_len <= 2) {
    c->SkipSpaces();
    int month = MonthFromWord(c->Word());
    if (month == 0) return false;
    c->i += c->Word().size();
    c->Take('.');
    m->day = first;
    m->month = month;
    m->length = c->i;
    Cursor save = *c;
    c->Take(',');
    c->SkipSpaces();
    int year = c->Number(4);
    if (year >= 1000) {
      m->year = year;
      m->length = c->i;
    } else {
      *c = save;
    }
    return true;
  }
  return false;
}

bool ValidDay(const DateMatch& m) {
  if (m.month < 1 || m.month > 12 || m.day < 1 || m.day > 31) return false;
  if (m.year == 0) return m.day <= 31;
  return date::year_month_day{date::year{m.year}, date::month{static_cast<unsigned>(m.month)},
                              date::day{static_cast<unsigned>(m.day)}}
      .ok();
}

// Whatever may follow a date on a date line: a time, a zone, "Updated ...".
bool OnlyTimeLeft(std::string_view rest) {
  for (char c : rest) {
    if (IsDigit(c) || c == ':' || c == ' ' || c == '.' || c == ',' || c == '|' || c == '-' ||
        c == '(' || c == ')' || c == '+' || c == '/' || c == 'T' || c == 'Z')
      continue;
    if (IsAlpha(c)) continue;  // am/pm, GMT, UTC, MSK, at ...; checked by length below
    if (static_cast<unsigned char>(c) >= 0x80) continue;  // no-break spaces
    return false;
  }
  size_t letters = 0;
  for (char c : rest) letters += IsAlpha(c) ? 1 : 0;
  return letters <= 12;
}

}  // namespace

std::optional<DateMatch> MatchDateAt(std::string_view s) {
  Cursor c{s, 0};
  c.SkipSpaces();
  std::string_view w = c.Word();
  if (!w.empty() && IsWeekday(w)) {
    c.i += w.size();
    c.Take('.');
    c.Take(',');
    c.SkipSpaces();
    w = c.Word();
  }
  DateMatch m;
  if (!w.empty()) {
    m.month = MonthFromWord(w);
    if (m.month == 0) return std::nullopt;
    c.i += w.size();
    if (!ReadDayYear(&c, &m)) return std::nullopt;
  } else {
    size_t start = c.i;
    int first = c.Number(4);
    if (first < 0 || !ReadAfterNumber(&c, first, c.i - start, &m)) return std::nullopt;
  }
  if (!ValidDay(m)) return std::nullopt;
  return m;
}

std::optional<std::string> FormatDate(int year, int month, int day) {
  DateMatch m{year, month, day, 0};
  if (year < 1000 || year > 9999 || !ValidDay(m)) return std::nullopt;
  // Digits written directly: snprintf cost more than the rest of reading a JSONL date.
  const char buf[10] = {static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
                        static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10), '-',
                        static_cast<char>('0' + month / 10), static_cast<char>('0' + month % 10), '-',
                        static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10)};
  return std::string(buf, sizeof buf);
}

std::optional<std::string> ParsePublicationDate(std::string_view s) {
  // Strip a label such as "Published:", "Updated on", "Date:".
  static constexpr const char* kLabels[] = {"published on", "published", "updated on", "updated",
                                            "posted on",    "posted",    "last updated", "date"};
  Cursor c{s, 0};
  c.SkipSpaces();
  std::string lower = Lower(s.substr(c.i, 20));
  for (const char* label : kLabels) {
    std::string_view l = label;
    if (lower.compare(0, l.size(), l) == 0) {
      c.i += l.size();
      c.Take(':');
      c.SkipSpaces();
      break;
    }
  }
  if (s.size() - c.i > 80) return std::nullopt;
  auto m = MatchDateAt(s.substr(c.i));
  if (!m || m->year == 0) return std::nullopt;
  if (!OnlyTimeLeft(s.substr(c.i + m->length))) return std::nullopt;
  return FormatDate(m->year, m->month, m->day);
}

std::optional<std::string> DateFromUrl(std::string_view url) {
  // /YYYY/MM/DD/ or /YYYY-MM-DD or /YYYYMMDD/
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/' || !IsDigit(url[i + 1])) continue;
    Cursor c{url, i + 1};
    int y = c.Number(4);
    if (y < 1990 || y > 2100) continue;
    if (c.Take('/') || c.Take('-')) {
      int mo = c.Number(2);
      if (mo < 1 || !(c.Take('/') || c.Take('-'))) continue;
      int d = c.Number(2);
      if (d < 1) continue;
      if (auto f = FormatDate(y, mo, d)) return f;
    }
  }
  for (size_t i = 0; i + 9 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    size_t j = i + 1;
    while (j < url.size() && IsDigit(url[j])) ++j;
    if (j - i - 1 != 8 || (j < url.size() && url[j] != '/')) continue;
    int v = 0;
    for (size_t k = i + 1; k < j; ++k) v = v * 10 + (url[k] - '0');
    if (auto f = FormatDate(v / 10000, v / 100 % 100, v % 100)) return f;
  }
  return std::nullopt;
}

std::optional<DateMatch> MatchDateline(std::string_view p) {
  // Weekday datelines: "Friday, January 4, 2019 " at the very start.
  if (auto m = MatchDateAt(p); m && m->year != 0) {
    Cursor c{p, m->length};
    c.SkipSpaces();
    c.Take('-');
    c.SkipSpaces();
    m->length = c.i;
    return m;
  }
  // "CITY, Month D (Agency) - " or "CITY, Country, D Month - ": an upper-case place first.
  Cursor c{p, 0};
  size_t caps = 0;
  while (c.i < p.size() && c.i < 60 && (std::isupper(static_cast<unsigned char>(p[c.i])) ||
                                        p[c.i] == ' ' || p[c.i] == '.' || p[c.i] == '\'' ||
                                        p[c.i] == '-')) {
    caps += std::isupper(static_cast<unsigned char>(p[c.i])) ? 1 : 0;
    ++c.i;
  }
  if (caps < 3 || !c.Take(',')) return std::nullopt;
  for (int hop = 0; hop < 2; ++hop) {
    c.SkipSpaces();
    auto m = MatchDateAt(p.substr(c.i));
    if (m) {
      Cursor after{p, c.i + m->length};
      after.SkipSpaces();
      if (after.Take('(')) {
        while (after.i < p.size() && after.i < c.i + 60 && p[after.i] != ')') ++after.i;
        if (!after.Take(')')) return std::nullopt;
        after.SkipSpaces();
      }
      if (!(after.Take('-') || p.compare(after.i, 3, "\xE2\x80\x94") == 0 ||
            p.compare(after.i, 3, "\xE2\x80\x93") == 0))
        return std::nullopt;
      if (p[after.i - 1] != '-') after.i += 3;
      after.SkipSpaces();
      m->length = after.i;
      return m;
    }
    // One more comma-separated place name ("KYIV, Ukraine, July 29 ...").
    while (c.i < p.size() && c.i < 80 && p[c.i] != ',') ++c.i;
    if (!c.Take(',')) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace parley::ingest
