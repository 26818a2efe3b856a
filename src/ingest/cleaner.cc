#include "ingest/cleaner.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/bytestream.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "util/utf8.h"

namespace parley::ingest {
namespace {

using util::AppendUtf8;
using util::DecodeUtf8;
using util::kInvalid;

// Windows-1252 bytes 0x80..0x9F; 0 marks the five undefined bytes.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t Cp1252ToUnicode(unsigned char b) {
  if (b < 0x80 || b >= 0xA0) return b;
  char32_t cp = kCp1252High[b - 0x80];
  return cp == 0 ? util::kReplacementChar : cp;
}

// The Windows-1252 byte a code point came from, or -1 when it has none. Undefined bytes
// (0x81, 0x8D, ...) survive mis-decoding as U+0081 etc., so U+0080..U+009F map to themselves.
int UnicodeToCp1252(char32_t cp) {
  if (cp <= 0xFF) return static_cast<int>(cp);
  for (size_t k = 0; k < kCp1252High.size(); ++k) {
    if (kCp1252High[k] == cp) return static_cast<int>(0x80 + k);
  }
  return -1;
}

// Bytes the fast path must stop at.
constexpr std::array<bool, 256> MakeInteresting() {
  std::array<bool, 256> t{};
  for (int b = 0; b < 0x20; ++b) t[b] = (b != '\n' && b != '\t');
  for (int b = 0x80; b < 0x100; ++b) t[b] = true;
  t['<'] = true;
  t['&'] = true;
  t[0x7F] = true;
  return t;
}
constexpr std::array<bool, 256> kInteresting = MakeInteresting();

struct NamedEntity {
  const char* name;
  char32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},      {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},   {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},   {"hellip", 0x2026}, {"laquo", 0xAB},
    {"raquo", 0xBB},    {"copy", 0xA9},      {"reg", 0xAE},      {"trade", 0x2122},
    {"deg", 0xB0},      {"eacute", 0xE9},    {"egrave", 0xE8},   {"aacute", 0xE1},
    {"agrave", 0xE0},   {"oacute", 0xF3},    {"uacute", 0xFA},   {"iacute", 0xED},
    {"ntilde", 0xF1},   {"ccedil", 0xE7},    {"uuml", 0xFC},     {"ouml", 0xF6},
    {"auml", 0xE4},     {"euml", 0xEB},      {"iuml", 0xEF},     {"szlig", 0xDF},
    {"Eacute", 0xC9},   {"Uuml", 0xDC},      {"Ouml", 0xD6},     {"Auml", 0xC4},
    {"euro", 0x20AC},   {"pound", 0xA3},     {"yen", 0xA5},      {"cent", 0xA2},
    {"bull", 0x2022},   {"middot", 0xB7},    {"times", 0xD7},    {"shy", 0xAD},
    {"thinsp", 0x2009}, {"ensp", 0x2002},    {"emsp", 0x2003},   {"zwj", 0x200D},
    {"zwnj", 0x200C},   {"prime", 0x2032},   {"sect", 0xA7},     {"para", 0xB6},
    {"frac12", 0xBD},   {"acirc", 0xE2},     {"ecirc", 0xEA},    {"ocirc", 0xF4},
    {"atilde", 0xE3},   {"otilde", 0xF5},    {"oslash", 0xF8},   {"aring", 0xE5},
};

// Tag names whose leftovers are removed. Block-level ones leave a space between words.
struct TagName {
  const char* name;
  bool block;
};
constexpr TagName kTags[] = {
    {"a", false},       {"abbr", false},     {"b", false},        {"big", false},
    {"cite", false},    {"code", false},     {"del", false},      {"em", false},
    {"font", false},    {"i", false},        {"img", false},      {"ins", false},
    {"kbd", false},     {"mark", false},     {"q", false},        {"s", false},
    {"small", false},   {"span", false},     {"strike", false},   {"strong", false},
    {"sub", false},     {"sup", false},      {"tt", false},       {"u", false},
    {"time", false},    {"wbr", false},      {"br", true},        {"p", true},
    {"div", true},      {"li", true},        {"ul", true},        {"ol", true},
    {"h1", true},       {"h2", true},        {"h3", true},        {"h4", true},
    {"h5", true},       {"h6", true},        {"blockquote", true}, {"hr", true},
    {"table", true},    {"tbody", true},     {"thead", true},     {"tr", true},
    {"td", true},       {"th", true},        {"section", true},   {"article", true},
    {"header", true},   {"footer", true},    {"figure", true},    {"figcaption", true},
    {"nav", true},      {"aside", true},     {"iframe", true},    {"pre", true},
    {"dl", true},       {"dt", true},        {"dd", true},        {"center", true},
    {"script", true},   {"style", true},     {"noscript", true},
};

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

bool EqualsIgnoreCase(std::string_view a, const char* b) {
  size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

class Cleaner {
 public:
  Cleaner(std::string_view raw, uint64_t raw_offset, const CleanOptions& options,
          util::TextBuilder* out, CleanStats* stats)
      : raw_(raw), base_(raw_offset), options_(options), out_(out), stats_(stats) {}

  void Run() {
    size_t i = 0;
    size_t run_start = 0;
    while (i < raw_.size()) {
      const auto b = static_cast<unsigned char>(raw_[i]);
      if (!kInteresting[b]) {
        ++i;
        continue;
      }
      if (const size_t len = PlainUtf8At(i)) {  // curly quotes, dashes, letters: kept as they are
        i += len;
        continue;
      }
      Flush(run_start, i);
      i = HandleSpecial(i);
      run_start = i;
    }
    Flush(run_start, raw_.size());
  }

 private:
  void Flush(size_t from, size_t to) {
    if (to > from) out_->AppendVerbatim(raw_.substr(from, to - from), base_ + from);
  }
  void Replace(std::string_view with, size_t from, size_t to) {
    out_->AppendReplacement(with, base_ + from, to - from);
  }

  // The length of the UTF-8 character at i when it is kept verbatim (valid, not a byte order
  // mark, not a possible mojibake lead U+00C2..U+00F4), else 0: HandleNonAscii decides.
  size_t PlainUtf8At(size_t i) const {
    if (static_cast<unsigned char>(raw_[i]) < 0x80 || options_.encoding != RawEncoding::kUtf8) return 0;
    size_t len;
    const char32_t cp = DecodeUtf8(raw_, i, &len);
    if (cp == kInvalid || cp == 0xFEFF || (cp >= 0xC2 && cp <= 0xF4)) return 0;
    return len;
  }

  // Handles the interesting byte at i; returns the next position to scan from.
  size_t HandleSpecial(size_t i) {
    const char c = raw_[i];
    if (c == '<' && options_.strip_tags) return HandleTag(i);
    if (c == '&') return HandleEntity(i);
    if (c == '\r') {
      if (i + 1 < raw_.size() && raw_[i + 1] == '\n') return i + 1;  // CRLF -> LF
      Replace("\n", i, i + 1);
      return i + 1;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      if (c == '<') {
        Flush(i, i + 1);
        return i + 1;
      }
      ++stats_->controls_removed;  // other control characters and DEL
      return i + 1;
    }
    return HandleNonAscii(i);
  }

  size_t HandleTag(size_t i) {
    if (raw_.compare(i, 4, "<!--") == 0) {
      // Remember where the next "-->" is (or that there is none) so that many unclosed
      // "<!--" do not each scan to the end of the input (quadratic time).
      if (comment_end_ != std::string_view::npos && comment_end_ < i + 4) {
        comment_end_ = raw_.find("-->", i + 4);
      }
      const size_t end = comment_end_;
      if (end == std::string_view::npos) return Keep(i);
      ++stats_->tags_removed;
      return end + 3;
    }
    size_t j = i + 1;
    if (j < raw_.size() && raw_[j] == '/') ++j;
    size_t name_start = j;
    while (j < raw_.size() && IsAsciiAlnum(raw_[j]) && j - name_start < 12) ++j;
    std::string_view name = raw_.substr(name_start, j - name_start);
    const TagName* tag = nullptr;
    for (const auto& t : kTags) {
      if (EqualsIgnoreCase(name, t.name)) tag = &t;
    }
    if (tag == nullptr || j >= raw_.size()) return Keep(i);
    if (raw_[j] != '>' && raw_[j] != ' ' && raw_[j] != '/' && raw_[j] != '\t' && raw_[j] != '\n')
      return Keep(i);
    // Find the closing '>' within a bounded distance, without crossing another '<'.
    size_t k = j;
    const size_t limit = std::min(raw_.size(), i + 1024);
    while (k < limit && raw_[k] != '>' && raw_[k] != '<') ++k;
    if (k >= limit || raw_[k] != '>') return Keep(i);
    ++stats_->tags_removed;
    size_t next = k + 1;
    const bool closing = raw_[i + 1] == '/';
    if (!closing && (EqualsIgnoreCase(name, "script") || EqualsIgnoreCase(name, "style"))) {
      next = SkipElementBody(next, name);
    }
    if (tag->block) SeparateWords(next);
    return next;
  }

  // Skips to after </name>, or to the end of the input when it is never closed.
  size_t SkipElementBody(size_t from, std::string_view name) {
    std::string close = "</" + std::string(name);
    for (size_t p = from; p < raw_.size(); ++p) {
      if (raw_[p] == '<' && raw_.size() - p >= close.size()) {
        bool match = true;
        for (size_t q = 0; q < close.size() && match; ++q) match = (raw_[p + q] | 0x20) == (close[q] | 0x20);
        if (match) {
          size_t gt = raw_.find('>', p);
          return gt == std::string_view::npos ? raw_.size() : gt + 1;
        }
      }
    }
    return raw_.size();
  }

  // A removed block tag between two words leaves one space.
  void SeparateWords(size_t next) {
    if (out_->empty() || next >= raw_.size()) return;
    const char prev = out_->back();
    const char nxt = raw_[next];
    const bool prev_space = prev == ' ' || prev == '\n' || prev == '\t';
    const bool next_space = nxt == ' ' || nxt == '\n' || nxt == '\t' || nxt == '<';
    if (!prev_space && !next_space) Replace(" ", next, next);
  }

  size_t Keep(size_t i) {
    Flush(i, i + 1);
    return i + 1;
  }

  size_t HandleEntity(size_t i) {
    size_t j = i + 1;
    char32_t cp = 0;
    if (j < raw_.size() && raw_[j] == '#') {
      ++j;
      const bool hex = j < raw_.size() && (raw_[j] == 'x' || raw_[j] == 'X');
      if (hex) ++j;
      size_t digits_start = j;
      while (j < raw_.size() && j - digits_start < 7 &&
             (hex ? std::isxdigit(static_cast<unsigned char>(raw_[j])) != 0
                  : (raw_[j] >= '0' && raw_[j] <= '9'))) {
        cp = cp * (hex ? 16 : 10) +
             static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(raw_[j]))
                                       ? raw_[j] - '0'
                                       : (raw_[j] | 0x20) - 'a' + 10);
        ++j;
      }
      if (j == digits_start || j >= raw_.size() || raw_[j] != ';') return Keep(i);
      if (cp >= 0x80 && cp < 0xA0) cp = Cp1252ToUnicode(static_cast<unsigned char>(cp));
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = util::kReplacementChar;
    } else {
      size_t name_start = j;
      while (j < raw_.size() && IsAsciiAlnum(raw_[j]) && j - name_start < 10) ++j;
      if (j >= raw_.size() || raw_[j] != ';') return Keep(i);
      std::string_view name = raw_.substr(name_start, j - name_start);
      for (const auto& e : kEntities) {
        if (name == e.name) cp = e.cp;
      }
      if (cp == 0) return Keep(i);
    }
    std::string utf8;
    AppendUtf8(cp, &utf8);
    Replace(utf8, i, j + 1);
    ++stats_->entities_decoded;
    return j + 1;
  }

  size_t HandleNonAscii(size_t i) {
    const auto b = static_cast<unsigned char>(raw_[i]);
    if (options_.encoding == RawEncoding::kWindows1252) {
      std::string utf8;
      AppendUtf8(Cp1252ToUnicode(b), &utf8);
      Replace(utf8, i, i + 1);
      ++stats_->cp1252_bytes;
      return i + 1;
    }
    size_t len;
    char32_t cp = DecodeUtf8(raw_, i, &len);
    if (cp == kInvalid) {
      NoteInvalid();
      Replace("\xEF\xBF\xBD", i, i + 1);
      ++stats_->invalid_bytes;
      return i + 1;
    }
    if (cp == 0xFEFF) return i + len;  // byte order mark / zero-width no-break space
    if (cp >= 0xC2 && cp <= 0xF4) {
      size_t end;
      std::string repaired;
      if (RepairMojibake(i, cp, &end, &repaired)) {
        Replace(repaired, i, end);
        ++stats_->mojibake_repaired;
        return end;
      }
    }
    Flush(i, i + len);
    return i + len;
  }

  void NoteInvalid() {
    if (stats_->first_invalid_clean_offset < 0)
      stats_->first_invalid_clean_offset = static_cast<int64_t>(out_->size());
  }

  // UTF-8 that was decoded as Windows-1252 and re-encoded: "â€™" is the three bytes of "’"
  // each turned into a character. Re-encoding those characters to Windows-1252 bytes gives
  // back a valid UTF-8 sequence.
  bool RepairMojibake(size_t i, char32_t lead, size_t* end, std::string* repaired) {
    const int need = lead <= 0xDF ? 1 : lead <= 0xEF ? 2 : 3;
    std::string bytes(1, static_cast<char>(lead));
    size_t j = i + 2;  // lead characters U+00C2..U+00F4 are two bytes long
    for (int k = 0; k < need; ++k) {
      if (j >= raw_.size()) return false;
      size_t len;
      char32_t cp = DecodeUtf8(raw_, j, &len);
      if (cp == kInvalid) return false;
      int byte = UnicodeToCp1252(cp);
      if (byte < 0x80 || byte > 0xBF) return false;
      bytes.push_back(static_cast<char>(byte));
      j += len;
    }
    size_t len;
    char32_t fixed = DecodeUtf8(bytes, 0, &len);
    if (fixed == kInvalid || len != bytes.size()) return false;
    *end = j;
    *repaired = bytes;
    return true;
  }

  std::string_view raw_;
  size_t comment_end_ = 0;  // position of the next "-->" at or after the last search, or npos
  uint64_t base_;
  CleanOptions options_;
  util::TextBuilder* out_;
  CleanStats* stats_;
};

}  // namespace

RawEncoding ChooseEncoding(std::string_view raw) {
  bool invalid = false;
  size_t i = 0;
  while ((i = util::SkipAscii(raw, i)) < raw.size()) {
    size_t len;
    if (DecodeUtf8(raw, i, &len) != kInvalid) return RawEncoding::kUtf8;  // one valid sequence decides
    invalid = true;
    i += len;
  }
  return invalid ? RawEncoding::kWindows1252 : RawEncoding::kUtf8;
}

bool LooksBinary(std::string_view raw) {
  const size_t n = std::min<size_t>(raw.size(), 64 * 1024);
  if (n == 0) return false;
  size_t controls = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto b = static_cast<unsigned char>(raw[i]);
    if (b == 0) return true;
    if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') ++controls;
  }
  return controls * 10 > n;  // more than 10% control bytes
}

void CleanInto(std::string_view raw, uint64_t raw_offset, const CleanOptions& options,
               util::TextBuilder* out, CleanStats* stats) {
  Cleaner(raw, raw_offset, options, out, stats).Run();
}

void ReportCleanStats(const CleanStats& stats, std::vector<DocError>* errors) {
  auto offset = [&]() -> std::optional<uint64_t> {
    if (stats.first_invalid_clean_offset < 0) return std::nullopt;
    return static_cast<uint64_t>(stats.first_invalid_clean_offset);
  };
  if (stats.invalid_bytes > 0) {
    errors->push_back({"invalid_utf8",
                       std::to_string(stats.invalid_bytes) +
                           " invalid UTF-8 bytes replaced with U+FFFD",
                       offset()});
  }
  if (stats.cp1252_bytes > 0) {
    errors->push_back({"decoded_windows_1252",
                       "input is not UTF-8; " + std::to_string(stats.cp1252_bytes) +
                           " bytes decoded as Windows-1252",
                       std::nullopt});
  }
  if (stats.mojibake_repaired > 0) {
    errors->push_back({"mojibake_repaired",
                       std::to_string(stats.mojibake_repaired) +
                           " mis-decoded characters repaired (UTF-8 read as Windows-1252)",
                       std::nullopt});
  }
  if (stats.controls_removed > 0) {
    errors->push_back({"control_characters",
                       std::to_string(stats.controls_removed) + " control characters removed",
                       std::nullopt});
  }
}

namespace {

// The BMP code points that NFC never changes and that never combine with a neighbour
// (NFC_Quick_Check=Yes and canonical combining class 0): a text made only of them is NFC, as
// Unicode's quick check defines it, so ICU need not look at it.
class NfcStable {
 public:
  NfcStable() {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet set(icu::UnicodeString(u"[[:NFC_Quick_Check=Yes:]&[:Canonical_Combining_Class=0:]]"), status);
    if (U_FAILURE(status)) return;  // nothing is known stable: ICU decides everything
    for (int32_t r = 0; r < set.getRangeCount(); ++r) {
      const UChar32 last = std::min<UChar32>(set.getRangeEnd(r), 0xFFFF);
      for (UChar32 c = set.getRangeStart(r); c <= last; ++c) bits_[c >> 6] |= uint64_t{1} << (c & 63);
    }
  }
  bool Contains(char32_t cp) const { return cp <= 0xFFFF && ((bits_[cp >> 6] >> (cp & 63)) & 1) != 0; }

 private:
  std::array<uint64_t, 0x10000 / 64> bits_{};
};

bool SurelyNfc(std::string_view text) {
  static const NfcStable stable;
  size_t i = 0;
  while ((i = util::SkipAscii(text, i)) < text.size()) {
    size_t len;
    const char32_t cp = DecodeUtf8(text, i, &len);
    if (cp == kInvalid || !stable.Contains(cp)) return false;
    i += len;
  }
  return true;
}

}  // namespace

bool NormalizeNfc(std::string* text, OffsetMap* map) {
  if (SurelyNfc(*text)) return false;  // all ASCII, or no character NFC would touch
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  if (nfc->isNormalizedUTF8(*text, status) || U_FAILURE(status)) return false;
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  nfc->normalizeUTF8(0, *text, sink, &edits, status);
  if (U_FAILURE(status)) return false;
  // Compose the maps: unchanged spans keep their raw offsets, changed spans map to the raw
  // offset of their source.
  OffsetMap composed;
  auto it = edits.getFineIterator();
  while (it.next(status)) {
    const uint64_t src = static_cast<uint64_t>(it.sourceIndex());
    const uint64_t dst = static_cast<uint64_t>(it.destinationIndex());
    const uint64_t old_len = static_cast<uint64_t>(it.oldLength());
    const uint64_t new_len = static_cast<uint64_t>(it.newLength());
    const uint64_t raw_a = map->ToRaw(src);
    const uint64_t raw_b = map->ToRaw(src + old_len);
    if (!it.hasChange() && raw_b - raw_a == old_len) {
      composed.segments.push_back({dst, raw_a, old_len, new_len});
    } else if (!it.hasChange()) {
      // Unchanged here but not contiguous in the raw input: map piece by piece.
      for (uint64_t k = 0; k < old_len; ++k) {
        composed.segments.push_back({dst + k, map->ToRaw(src + k), 1, 1});
      }
    } else if (new_len > 0) {
      composed.segments.push_back({dst, raw_a, raw_b - raw_a, new_len});
    }
  }
  *text = std::move(out);
  *map = std::move(composed);
  return true;
}

}  // namespace parley::ingest
