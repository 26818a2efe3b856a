#include "lexicon/dict_parser.h"

#include <algorithm>
#include <charconv>

#include "util/utf8.h"

namespace parley::lexicon {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

constexpr size_t SepSize(char) { return 1; }
constexpr size_t SepSize(std::string_view sep) { return sep.size(); }

// Calls f(part) for each part of `s` between separators, trimmed, in order, until f returns
// false (then returns false). No vector: every dictionary line is split several times.
template <typename Sep, typename F>
bool ForEachPart(std::string_view s, Sep sep, F&& f) {
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    if (!f(Trim(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)))) return false;
    if (at == std::string_view::npos) return true;
    start = at + SepSize(sep);
  }
}

// Splits `s` into at most N trimmed parts. Returns the part count; N + 1 means more than N.
template <size_t N, typename Sep>
size_t SplitInto(std::string_view s, Sep sep, std::string_view (&parts)[N]) {
  size_t n = 0;
  ForEachPart(s, sep, [&](std::string_view part) {
    if (n == N) {
      ++n;
      return false;
    }
    parts[n++] = part;
    return true;
  });
  return n;
}

// "file:line", built in the entry (every entry keeps one).
void SetOrigin(const LineContext& ctx, Entry* e) {
  char digits[16];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, ctx.line);
  e->origin.reserve(ctx.file.size() + 1 + static_cast<size_t>(end - digits));
  e->origin.append(ctx.file).append(1, ':').append(digits, end);
  (void)ec;
}

void Report(const LineContext& ctx, bool error, std::string message) {
  if (ctx.diagnostics != nullptr) ctx.diagnostics->push_back({ctx.file, ctx.line, error, std::move(message)});
}

// A leading "the " is optional in matching, so it is not part of the stored phrase.
std::string_view WithoutThe(std::string_view name) {
  if (name.size() > 4 && (name[0] == 't' || name[0] == 'T') && name.substr(1, 3) == "he ") return Trim(name.substr(4));
  return name;
}

bool ParseNames(std::string_view field, const LineContext& ctx, Entry* e) {
  e->names.reserve(1 + static_cast<size_t>(std::count(field.begin(), field.end(), '|')));
  const bool ok = ForEachPart(field, '|', [&](std::string_view raw) {
    const std::string_view name = WithoutThe(raw);
    if (name.empty()) {
      Report(ctx, true, "empty name in \"" + std::string(field) + "\"");
      return false;
    }
    for (const auto& seen : e->names) {
      if (seen == name) Report(ctx, true, "duplicate name \"" + std::string(name) + "\" in one entry");
    }
    e->names.emplace_back(name);
    return true;
  });
  if (ok) e->name = e->names.front();
  return ok;
}

bool IsInternational(std::string_view prefix) { return prefix == "IGO" || prefix == "NGO" || prefix == "IMG"; }

void CheckCountryPrefix(std::string_view code, const LineContext& ctx) {
  const std::string_view prefix = code.substr(0, 3);
  if (IsInternational(prefix)) return;
  if (ctx.iso3 != nullptr && !ctx.iso3->Contains(prefix)) {
    Report(ctx, false, "country code \"" + std::string(prefix) + "\" is neither ISO 3166-1 nor a known CAMEO code");
  }
}

bool ParseDatedCode(std::string_view part, std::string_view code, std::string_view range, const LineContext& ctx,
                    Entry* e) {
  const size_t dots = range.find("..");
  if (dots == std::string_view::npos) {
    Report(ctx, true, "bad date range \"" + std::string(part) + "\" (expected CODE FROM..TO)");
    return false;
  }
  const std::string_view from = range.substr(0, dots), to = range.substr(dots + 2);
  if ((!from.empty() && !IsIsoDate(from)) || (!to.empty() && !IsIsoDate(to)) || (from.empty() && to.empty())) {
    Report(ctx, true, "bad date range \"" + std::string(range) + "\"");
    return false;
  }
  if (!from.empty() && !to.empty() && from > to) {
    Report(ctx, true, "date range ends before it starts: " + std::string(range));
    return false;
  }
  e->dated.push_back(DatedCode{std::string(code), std::string(from), std::string(to)});
  return true;
}

bool ParseCode(std::string_view part, const LineContext& ctx, Entry* e) {
  std::string_view words[2];
  const size_t count = SplitInto(part, ' ', words);
  const std::string_view code = words[0];
  if (!IsActorCode(code)) {
    Report(ctx, true, "bad code \"" + std::string(code) + "\" (expected three capital letters, then groups of three, or IGO/NGO/IMG + letters)");
    return false;
  }
  CheckCountryPrefix(code, ctx);
  if (count == 1) {
    if (!e->code.empty()) Report(ctx, true, "two undated codes (" + e->code + " and " + std::string(code) + ")");
    e->code = std::string(code);
    return true;
  }
  return ParseDatedCode(part, code, count == 2 ? words[1] : std::string_view(), ctx, e);
}

bool ParseKind(std::string_view value, Kind* kind) {
  static const std::pair<std::string_view, Kind> kKinds[] = {
      {"person", Kind::kPerson}, {"country", Kind::kCountry}, {"capital", Kind::kCapital},
      {"seat", Kind::kSeat}, {"organisation", Kind::kOrganisation}, {"organization", Kind::kOrganisation},
      {"group", Kind::kGroup}, {"adjective", Kind::kAdjective}};
  for (const auto& [name, k] : kKinds) {
    if (value == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

void ParseTitles(std::string_view value, Entry* e) {
  ForEachPart(value, ',', [&](std::string_view t) {
    std::string title = util::FoldCase(t);
    std::replace(title.begin(), title.end(), '_', ' ');
    if (!title.empty()) e->titles.push_back(std::move(title));
    return true;
  });
}

void ParseAttribute(std::string_view kv, const LineContext& ctx, Entry* e) {
  size_t eq = kv.find('=');
  std::string_view key = kv.substr(0, eq), value = eq == std::string_view::npos ? "" : kv.substr(eq + 1);
  if (eq == std::string_view::npos || value.empty()) {
    Report(ctx, true, "bad attribute \"" + std::string(kv) + "\" (expected key=value)");
  } else if (key == "gender") {
    if (value == "m" || value == "f") e->gender = value[0];
    else Report(ctx, true, "gender must be m or f, not \"" + std::string(value) + "\"");
  } else if (key == "type") {
    if (!ParseKind(value, &e->kind)) Report(ctx, true, "unknown type \"" + std::string(value) + "\"");
  } else if (key == "number") {
    if (value == "plural" || value == "singular") e->plural = value == "plural";
    else Report(ctx, true, "number must be plural or singular");
  } else if (key == "title") {
    ParseTitles(value, e);
  } else {
    Report(ctx, false, "unknown attribute \"" + std::string(key) + "\" (ignored)");
  }
}

// Applies the space-separated key=value attributes; true when one of them is type=.
bool ParseAttributes(std::string_view field, const LineContext& ctx, Entry* e) {
  bool typed = false;
  ForEachPart(field, ' ', [&](std::string_view kv) {
    if (kv.empty()) return true;
    typed = typed || kv.substr(0, 5) == "type=";
    ParseAttribute(kv, ctx, e);
    return true;
  });
  return typed;
}

// "Russia" vs "russia": guesses the kind of an actor line without a type= attribute.
Kind InferKind(const Entry& e, Kind fallback) {
  if (fallback == Kind::kPerson) return Kind::kPerson;
  if (e.code.size() == 3 && e.dated.empty()) return Kind::kCountry;
  return fallback;
}

// Up to kMaxFields "::"-separated fields; a count above kMaxFields means too many.
constexpr size_t kMaxFields = 3;
size_t SplitFields(std::string_view line, std::string_view (&fields)[kMaxFields]) {
  return SplitInto(line, std::string_view("::"), fields);
}

// A gazetteer row's tab-separated columns; a count above kMaxCols means too many.
constexpr size_t kMaxCols = 6;

constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// [-]digits[.digits] filling all of `s` with at most 15 digits: the digits as an integer
// and the count after the point. Such an integer and 10^k are exact doubles, so one division
// gives the correctly rounded value, the one std::from_chars gives.
bool ParsePlainDecimal(std::string_view s, double* value) {
  size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0;
  const bool negative = i == 1;
  uint64_t mantissa = 0;
  int digits = 0, decimals = 0;
  bool point = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
      ++digits;
      decimals += point ? 1 : 0;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  if (digits == 0 || digits > 15) return false;
  const double v = static_cast<double>(mantissa) / kPowersOfTen[decimals];
  *value = negative ? -v : v;
  return true;
}

// All of `s` as an int the way std::from_chars reads it (an optional minus, then digits).
bool ParseInt(std::string_view s, int* value) {
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  // More than nine digits may not fit an int: out of range, as std::from_chars says.
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = negative ? -v : v;
  return true;
}

}  // namespace

void CodeSet::Insert(std::string_view code) {
  if (code.size() == 3 && IsActorCode(code)) {
    const uint32_t i = static_cast<uint32_t>((code[0] - 'A') * 676 + (code[1] - 'A') * 26 + (code[2] - 'A'));
    bits_[i >> 6] |= uint64_t{1} << (i & 63);
  } else {
    other_.emplace(code);
  }
}

bool CodeSet::Contains(std::string_view code) const {
  if (code.size() == 3 && IsActorCode(code)) {
    const uint32_t i = static_cast<uint32_t>((code[0] - 'A') * 676 + (code[1] - 'A') * 26 + (code[2] - 'A'));
    return ((bits_[i >> 6] >> (i & 63)) & 1) != 0;
  }
  return !other_.empty() && other_.count(std::string(code)) != 0;
}

std::string_view StripLine(std::string_view line) {
  size_t hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  return Trim(line);
}

bool ParseDouble(std::string_view s, double* value) {
  if (ParsePlainDecimal(s, value)) return true;
  return std::from_chars(s.data(), s.data() + s.size(), *value).ec == std::errc();
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int year = 0, month = 0, day = 0;
  if (!ParseInt(s.substr(0, 4), &year) || !ParseInt(s.substr(5, 2), &month) || !ParseInt(s.substr(8, 2), &day)) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

bool IsActorCode(std::string_view s) {
  if (s.size() < 3) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  // International organisations carry their own code after IGO/NGO/IMG, not always three
  // letters long (the contract's IGOEU).
  return s.size() % 3 == 0 || IsInternational(s.substr(0, 3));
}

bool ParseActorLine(std::string_view line, const LineContext& ctx, Entry* e) {
  std::string_view fields[kMaxFields];
  const size_t count = SplitFields(line, fields);
  if (count < 2 || count > kMaxFields || fields[1].empty()) {
    Report(ctx, true, "malformed line (expected NAMES :: CODES [:: ATTRIBUTES])");
    return false;
  }
  e->kind = ctx.default_kind;
  SetOrigin(ctx, e);
  if (!ParseNames(fields[0], ctx, e)) return false;
  if (!ForEachPart(fields[1], ';', [&](std::string_view part) { return ParseCode(part, ctx, e); })) return false;
  const bool typed = count == 3 && ParseAttributes(fields[2], ctx, e);
  if (!typed) e->kind = InferKind(*e, ctx.default_kind);
  return true;
}

bool ParseAgentLine(std::string_view line, const LineContext& ctx, Entry* e) {
  std::string_view fields[kMaxFields];
  const size_t count = SplitFields(line, fields);
  if (count < 2 || count > kMaxFields || !IsActorCode(fields[1])) {
    Report(ctx, true, "malformed agent line (expected NAMES :: ROLE [:: ATTRIBUTES], ROLE like MIL or GOVMIL)");
    return false;
  }
  e->kind = Kind::kAgent;
  SetOrigin(ctx, e);
  if (!ParseNames(fields[0], ctx, e)) return false;
  e->code = std::string(fields[1]);
  e->plural = !e->name.empty() && (e->name.back() == 's' || e->name == "police" || e->name == "people");
  if (count == 3) ParseAttributes(fields[2], ctx, e);
  e->kind = Kind::kAgent;  // a type= attribute does not turn an agent into something else
  return true;
}

bool ParsePlaceLine(std::string_view line, const LineContext& ctx, Entry* e) {
  std::string_view cols[kMaxCols];
  const size_t ncols = SplitInto(line, '\t', cols);
  if (ncols < 5 || ncols > kMaxCols || cols[0].empty()) {
    Report(ctx, true, "malformed place line (expected 5 or 6 tab-separated columns)");
    return false;
  }
  if (ctx.iso3 != nullptr && !ctx.iso3->Contains(cols[1])) {
    Report(ctx, true, "unknown country code \"" + std::string(cols[1]) + "\"");
    return false;
  }
  double lat = 0, lon = 0;
  const bool numbers = ParseDouble(cols[2], &lat) && ParseDouble(cols[3], &lon) &&
                       std::from_chars(cols[4].data(), cols[4].data() + cols[4].size(), e->population).ec == std::errc();
  if (!numbers || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    Report(ctx, true, "bad latitude, longitude or population");
    return false;
  }
  const std::string_view alternates = ncols == 6 ? cols[5] : std::string_view();
  e->kind = Kind::kPlace;
  SetOrigin(ctx, e);
  e->name.assign(cols[0]);
  e->names.reserve(1 + (alternates.empty() ? 0 : 1 + std::count(alternates.begin(), alternates.end(), '|')));
  e->names.push_back(e->name);
  e->country.assign(cols[1]);
  e->lat = lat;
  e->lon = lon;
  ForEachPart(alternates, '|', [&](std::string_view alt) {
    if (!alt.empty()) e->names.emplace_back(alt);
    return true;
  });
  return true;
}

}  // namespace parley::lexicon
