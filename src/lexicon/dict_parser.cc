#include "lexicon/dict_parser.h"

#include <charconv>

#include "util/utf8.h"

namespace parley::lexicon {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Splits on a separator string, trimming each part.
std::vector<std::string_view> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> parts;
  size_t count = 1;  // one allocation per line, not one per doubling (the gazetteer has 24,000 lines)
  for (size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, at + sep.size())) ++count;
  parts.reserve(count);
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    parts.push_back(Trim(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
    if (at == std::string_view::npos) break;
    start = at + sep.size();
  }
  return parts;
}

// "file:line", in one allocation (every gazetteer row keeps one).
std::string Origin(const LineContext& ctx) {
  char digits[16];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, ctx.line);
  std::string origin;
  origin.reserve(ctx.file.size() + 1 + static_cast<size_t>(end - digits));
  origin.append(ctx.file).append(1, ':').append(digits, end);
  (void)ec;
  return origin;
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
  for (std::string_view raw : Split(field, "|")) {
    std::string_view name = WithoutThe(raw);
    if (name.empty()) {
      Report(ctx, true, "empty name in \"" + std::string(field) + "\"");
      return false;
    }
    for (const auto& seen : e->names) {
      if (seen == name) Report(ctx, true, "duplicate name \"" + std::string(name) + "\" in one entry");
    }
    e->names.emplace_back(name);
  }
  e->name = e->names.front();
  return true;
}

bool CheckCountryPrefix(std::string_view code, const LineContext& ctx) {
  std::string prefix(code.substr(0, 3));
  if (prefix == "IGO" || prefix == "NGO" || prefix == "IMG") return true;
  if (ctx.iso3 != nullptr && ctx.iso3->count(prefix) == 0) {
    Report(ctx, false, "country code \"" + prefix + "\" is neither ISO 3166-1 nor a known CAMEO code");
  }
  return true;
}

bool ParseCode(std::string_view part, const LineContext& ctx, Entry* e) {
  std::vector<std::string_view> words = Split(part, " ");
  std::string_view code = words[0];
  if (!IsActorCode(code)) {
    Report(ctx, true, "bad code \"" + std::string(code) + "\" (expected three capital letters, then groups of three, or IGO/NGO/IMG + letters)");
    return false;
  }
  CheckCountryPrefix(code, ctx);
  if (words.size() == 1) {
    if (!e->code.empty()) Report(ctx, true, "two undated codes (" + e->code + " and " + std::string(code) + ")");
    e->code = std::string(code);
    return true;
  }
  size_t dots = words.size() == 2 ? words[1].find("..") : std::string_view::npos;
  if (dots == std::string_view::npos) {
    Report(ctx, true, "bad date range \"" + std::string(part) + "\" (expected CODE FROM..TO)");
    return false;
  }
  DatedCode dc{std::string(code), std::string(words[1].substr(0, dots)), std::string(words[1].substr(dots + 2))};
  if ((!dc.from.empty() && !IsIsoDate(dc.from)) || (!dc.to.empty() && !IsIsoDate(dc.to)) ||
      (dc.from.empty() && dc.to.empty())) {
    Report(ctx, true, "bad date range \"" + std::string(words[1]) + "\"");
    return false;
  }
  if (!dc.from.empty() && !dc.to.empty() && dc.from > dc.to) {
    Report(ctx, true, "date range ends before it starts: " + std::string(words[1]));
    return false;
  }
  e->dated.push_back(std::move(dc));
  return true;
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
    for (std::string_view t : Split(value, ",")) {
      std::string title = util::FoldCase(t);
      for (char& c : title) c = c == '_' ? ' ' : c;
      if (!title.empty()) e->titles.push_back(title);
    }
  } else {
    Report(ctx, false, "unknown attribute \"" + std::string(key) + "\" (ignored)");
  }
}

// "Russia" vs "russia": guesses the kind of an actor line without a type= attribute.
Kind InferKind(const Entry& e, Kind fallback) {
  if (fallback == Kind::kPerson) return Kind::kPerson;
  if (e.code.size() == 3 && e.dated.empty()) return Kind::kCountry;
  return fallback;
}

std::vector<std::string_view> SplitFields(std::string_view line) { return Split(line, "::"); }

}  // namespace

std::string_view StripLine(std::string_view line) {
  size_t hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  return Trim(line);
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  for (int k = 0, at = 0; k < 3; ++k) {
    size_t len = k == 0 ? 4 : 2;
    auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + len, v[k]);
    if (ec != std::errc() || p != s.data() + at + len) return false;
    at += static_cast<int>(len) + 1;
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > kDays[v[1] - 1]) return false;
  const bool leap = (v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0;
  return !(v[1] == 2 && v[2] == 29 && !leap);
}

bool IsActorCode(std::string_view s) {
  if (s.size() < 3) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  // International organisations carry their own code after IGO/NGO/IMG, not always three
  // letters long (the contract's IGOEU).
  const std::string_view prefix = s.substr(0, 3);
  return s.size() % 3 == 0 || prefix == "IGO" || prefix == "NGO" || prefix == "IMG";
}

std::optional<Entry> ParseActorLine(std::string_view line, const LineContext& ctx) {
  std::vector<std::string_view> fields = SplitFields(line);
  if (fields.size() < 2 || fields.size() > 3 || fields[1].empty()) {
    Report(ctx, true, "malformed line (expected NAMES :: CODES [:: ATTRIBUTES])");
    return std::nullopt;
  }
  Entry e;
  e.kind = ctx.default_kind;
  e.origin = Origin(ctx);
  if (!ParseNames(fields[0], ctx, &e)) return std::nullopt;
  for (std::string_view part : Split(fields[1], ";")) {
    if (!ParseCode(part, ctx, &e)) return std::nullopt;
  }
  bool typed = false;
  if (fields.size() == 3) {
    for (std::string_view kv : Split(fields[2], " ")) {
      if (kv.empty()) continue;
      typed = typed || kv.substr(0, 5) == "type=";
      ParseAttribute(kv, ctx, &e);
    }
  }
  if (!typed) e.kind = InferKind(e, ctx.default_kind);
  return e;
}

std::optional<Entry> ParseAgentLine(std::string_view line, const LineContext& ctx) {
  std::vector<std::string_view> fields = SplitFields(line);
  if (fields.size() < 2 || fields.size() > 3 || !IsActorCode(fields[1])) {
    Report(ctx, true, "malformed agent line (expected NAMES :: ROLE [:: ATTRIBUTES], ROLE like MIL or GOVMIL)");
    return std::nullopt;
  }
  Entry e;
  e.kind = Kind::kAgent;
  e.origin = Origin(ctx);
  if (!ParseNames(fields[0], ctx, &e)) return std::nullopt;
  e.code = std::string(fields[1]);
  e.plural = !e.name.empty() && (e.name.back() == 's' || e.name == "police" || e.name == "people");
  if (fields.size() == 3) {
    for (std::string_view kv : Split(fields[2], " ")) {
      if (!kv.empty()) ParseAttribute(kv, ctx, &e);
    }
  }
  e.kind = Kind::kAgent;  // a type= attribute does not turn an agent into something else
  return e;
}

namespace {

// Splits a gazetteer row on tabs into `cols` (trimmed) without allocating: the gazetteer has
// 24,000 rows. Returns the column count; more than kMaxCols means too many.
constexpr size_t kMaxCols = 6;
size_t SplitTabs(std::string_view line, std::string_view (&cols)[kMaxCols]) {
  size_t n = 0, start = 0;
  while (true) {
    const size_t at = line.find('\t', start);
    if (n == kMaxCols) return n + 1;
    cols[n++] = Trim(line.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return n;
    start = at + 1;
  }
}

}  // namespace

std::optional<Entry> ParsePlaceLine(std::string_view line, const LineContext& ctx) {
  std::string_view cols[kMaxCols];
  const size_t ncols = SplitTabs(line, cols);
  if (ncols < 5 || ncols > kMaxCols || cols[0].empty()) {
    Report(ctx, true, "malformed place line (expected 5 or 6 tab-separated columns)");
    return std::nullopt;
  }
  Entry e;
  e.kind = Kind::kPlace;
  e.origin = Origin(ctx);
  e.name = std::string(cols[0]);
  e.names.push_back(e.name);
  e.country = std::string(cols[1]);
  if (ctx.iso3 != nullptr && ctx.iso3->count(e.country) == 0) {
    Report(ctx, true, "unknown country code \"" + e.country + "\"");
    return std::nullopt;
  }
  double lat = 0, lon = 0;
  auto lat_r = std::from_chars(cols[2].data(), cols[2].data() + cols[2].size(), lat);
  auto lon_r = std::from_chars(cols[3].data(), cols[3].data() + cols[3].size(), lon);
  auto pop_r = std::from_chars(cols[4].data(), cols[4].data() + cols[4].size(), e.population);
  if (lat_r.ec != std::errc() || lon_r.ec != std::errc() || pop_r.ec != std::errc() || lat < -90 ||
      lat > 90 || lon < -180 || lon > 180) {
    Report(ctx, true, "bad latitude, longitude or population");
    return std::nullopt;
  }
  e.lat = lat;
  e.lon = lon;
  if (ncols == 6 && !cols[5].empty()) {
    for (std::string_view alt : Split(cols[5], "|")) {
      if (!alt.empty()) e.names.emplace_back(alt);
    }
  }
  return e;
}

}  // namespace parley::lexicon
