// Small pure functions of the store: document hashes and event-date intervals.
#include <cstdio>

#include "parley/store.h"
#include "util/hash.h"

namespace parley::store {
namespace {

bool AllDigits(const std::string& s, size_t from, size_t n) {
  if (from + n > s.size()) return false;
  for (size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// First and last day of one TIMEX3-like date: YYYY, YYYY-MM or YYYY-MM-DD.
std::optional<std::pair<std::string, std::string>> SingleBounds(const std::string& d) {
  if (!AllDigits(d, 0, 4)) return std::nullopt;
  if (d.size() == 4) return std::make_pair(d + "-01-01", d + "-12-31");
  if (d.size() < 7 || d[4] != '-' || !AllDigits(d, 5, 2)) return std::nullopt;
  const int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2));
  if (m < 1 || m > 12) return std::nullopt;
  if (d.size() == 7) {
    char last[16];
    std::snprintf(last, sizeof last, "%s-%02d", d.c_str(), DaysInMonth(y, m));
    return std::make_pair(d + "-01", std::string(last));
  }
  if (d.size() != 10 || d[7] != '-' || !AllDigits(d, 8, 2)) return std::nullopt;
  const int day = std::stoi(d.substr(8, 2));
  if (day < 1 || day > DaysInMonth(y, m)) return std::nullopt;
  return std::make_pair(d, d);
}

}  // namespace

std::string TextHash(const Document& doc) {
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  // Fields are separated by a byte that cannot occur in UTF-8 text, so no two different
  // (title, date, text) triples feed the same bytes.
  const char sep = '\xff';
  const std::string& title = doc.title ? *doc.title : std::string();
  const std::string& published = doc.published ? *doc.published : std::string();
  XXH3_128bits_update(&state, title.data(), title.size());
  XXH3_128bits_update(&state, &sep, 1);
  XXH3_128bits_update(&state, published.data(), published.size());
  XXH3_128bits_update(&state, &sep, 1);
  XXH3_128bits_update(&state, doc.text.data(), doc.text.size());
  return HashHex(XXH3_128bits_digest(&state));
}

DocHashes HashDocument(const Document& doc) { return DocHashes{doc.raw_hash, TextHash(doc)}; }

std::optional<std::pair<std::string, std::string>> DateBounds(const std::string& date) {
  const size_t slash = date.find('/');
  if (slash == std::string::npos) return SingleBounds(date);
  auto lo = SingleBounds(date.substr(0, slash));
  auto hi = SingleBounds(date.substr(slash + 1));
  if (!lo || !hi || hi->second < lo->first) return std::nullopt;
  return std::make_pair(lo->first, hi->second);
}

}  // namespace parley::store
