#include "ingest/json_fields.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "util/utf8.h"

namespace parley::ingest {
namespace {

constexpr int kMaxDepth = 64;       // the reader refuses deeper nesting (see jsonl_reader.cc)
constexpr size_t kMaxNumber = 300;  // longer numbers may overflow a double: the parser decides

// Bytes a string scan must stop at: the closing quote, an escape, a control byte (invalid in
// JSON strings) and every non-ASCII byte (validated as UTF-8).
constexpr std::array<bool, 256> MakeStringStops() {
  std::array<bool, 256> t{};
  for (int b = 0; b < 0x20; ++b) t[b] = true;
  for (int b = 0x80; b < 0x100; ++b) t[b] = true;
  t['"'] = true;
  t['\\'] = true;
  return t;
}
constexpr std::array<bool, 256> kStringStops = MakeStringStops();

// True when one of the 8 bytes of `w` is a string stop: >= 0x80, < 0x20, '"' or '\\'.
// (x - n*ones) & ~x & high is nonzero exactly when some byte of x is below n (n <= 0x80).
constexpr bool AnyStop(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const uint64_t below = ((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
                         ((backslash - kOnes) & ~backslash) | w;
  return (below & kHigh) != 0;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
  return -1;
}

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool Line(JsonLineFields* fields) {
    SkipSpace();
    if (!At('{') || !Object(fields, 1)) return false;
    SkipSpace();
    return pos_ == s_.size();
  }

 private:
  bool At(char c) const { return pos_ < s_.size() && s_[pos_] == c; }

  void SkipSpace() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      ++pos_;
    }
  }

  // An object at pos_ ('{'). With `fields`, the values of the keys it knows are kept.
  bool Object(JsonLineFields* fields, int depth) {
    if (depth > kMaxDepth) return false;
    ++pos_;
    SkipSpace();
    if (At('}')) return ++pos_, true;
    while (true) {
      std::string_view key;
      if (!At('"') || !Key(&key)) return false;
      SkipSpace();
      if (!At(':')) return false;
      ++pos_;
      SkipSpace();
      if (!Value(fields != nullptr ? fields->Find(key) : nullptr, depth)) return false;
      SkipSpace();
      if (At('}')) return ++pos_, true;
      if (!At(',')) return false;
      ++pos_;
      SkipSpace();
    }
  }

  bool Array(int depth) {
    if (depth > kMaxDepth) return false;
    ++pos_;
    SkipSpace();
    if (At(']')) return ++pos_, true;
    while (true) {
      if (!Value(nullptr, depth)) return false;
      SkipSpace();
      if (At(']')) return ++pos_, true;
      if (!At(',')) return false;
      ++pos_;
      SkipSpace();
    }
  }

  // One value; with `into`, its kind and (for a string) its text are recorded there.
  bool Value(JsonField* into, int depth) {
    if (pos_ >= s_.size()) return false;
    const char c = s_[pos_];
    JsonFieldKind kind = JsonFieldKind::kOther;
    bool ok;
    if (c == '"') {
      kind = JsonFieldKind::kString;
      if (into != nullptr) into->value.clear();
      ok = String(into != nullptr ? &into->value : nullptr);
    } else if (c == '{') {
      ok = Object(nullptr, depth + 1);
    } else if (c == '[') {
      ok = Array(depth + 1);
    } else if (c == 't') {
      ok = Literal("true");
    } else if (c == 'f') {
      ok = Literal("false");
    } else if (c == 'n') {
      kind = JsonFieldKind::kNull;
      ok = Literal("null");
    } else {
      ok = into == nullptr && Number();  // a number the reader uses: the library writes it
    }
    if (ok && into != nullptr) into->kind = kind;
    return ok;
  }

  bool Literal(std::string_view word) {
    if (s_.compare(pos_, word.size(), word) != 0) return false;
    pos_ += word.size();
    return true;
  }

  size_t Digits() {
    const size_t from = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    return pos_ - from;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?; an exponent is left to the parser (it may overflow).
  bool Number() {
    const size_t from = pos_;
    if (At('-')) ++pos_;
    if (At('0')) {
      ++pos_;
    } else if (pos_ >= s_.size() || s_[pos_] < '1' || s_[pos_] > '9' || Digits() == 0) {
      return false;
    }
    if (At('.')) {
      ++pos_;
      if (Digits() == 0) return false;
    }
    if (At('e') || At('E')) return false;
    return pos_ - from <= kMaxNumber;
  }

  // A key without escapes (escaped keys are rare: the parser decides).
  bool Key(std::string_view* key) {
    const size_t from = ++pos_;
    while (pos_ < s_.size()) {
      const auto b = static_cast<unsigned char>(s_[pos_]);
      if (!kStringStops[b]) {
        ++pos_;
      } else if (b == '"') {
        *key = s_.substr(from, pos_ - from);
        ++pos_;
        return true;
      } else if (b < 0x80 || !ValidUtf8At()) {
        return false;
      }
    }
    return false;
  }

  // Steps over the valid UTF-8 sequence at pos_, or returns false.
  bool ValidUtf8At() {
    size_t len;
    if (util::DecodeUtf8(s_, pos_, &len) == util::kInvalid) return false;
    pos_ += len;
    return true;
  }

  // Steps over bytes that need no attention inside a string (locals: the hot loop of a line),
  // eight at a time while none of them is a stop.
  void SkipPlain() {
    const char* p = s_.data() + pos_;
    const char* const end = s_.data() + s_.size();
    for (uint64_t w; end - p >= 8; p += 8) {
      std::memcpy(&w, p, 8);
      if (AnyStop(w)) break;
    }
    while (p < end && !kStringStops[static_cast<unsigned char>(*p)]) ++p;
    pos_ = static_cast<size_t>(p - s_.data());
  }

  // A string at pos_ ('"'), decoded into `out` when it is not null.
  bool String(std::string* out) {
    size_t run = ++pos_;  // start of the bytes not yet copied
    while (true) {
      SkipPlain();
      if (pos_ >= s_.size()) return false;
      const auto b = static_cast<unsigned char>(s_[pos_]);
      if (b >= 0x80) {
        if (!ValidUtf8At()) return false;
        continue;
      }
      if (b < 0x20) return false;
      if (out != nullptr) out->append(s_.data() + run, pos_ - run);
      if (b == '"') return ++pos_, true;
      if (!Escape(out)) return false;
      run = pos_;
    }
  }

  // An escape at pos_ ('\\'), appended to `out` when it is not null.
  bool Escape(std::string* out) {
    if (++pos_ >= s_.size()) return false;
    const char c = s_[pos_++];
    char plain;
    switch (c) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': return UnicodeEscape(out);
      default: return false;
    }
    if (out != nullptr) out->push_back(plain);
    return true;
  }

  // Four hex digits after "\u", or -1.
  int32_t Hex4() {
    if (s_.size() - pos_ < 4) return -1;
    int32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = HexValue(s_[pos_ + k]);
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    pos_ += 4;
    return v;
  }

  // "\uXXXX", with a UTF-16 surrogate pair written as two escapes; a lone surrogate is invalid.
  bool UnicodeEscape(std::string* out) {
    int32_t cp = Hex4();
    if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (s_.compare(pos_, 2, "\\u") != 0) return false;
      pos_ += 2;
      const int32_t low = Hex4();
      if (low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (out != nullptr) util::AppendUtf8(static_cast<char32_t>(cp), out);
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

JsonField* JsonLineFields::Find(std::string_view key) {
  if (key == "text") return &text;
  if (key == "id") return &id;
  if (key == "title") return &title;
  if (key == "date") return &date;
  if (key == "published") return &published;
  if (key == "url") return &url;
  if (key == "source") return &source;
  return nullptr;
}

bool ScanJsonLine(std::string_view line, JsonLineFields* fields) {
  return Scanner(line).Line(fields);
}

}  // namespace parley::ingest
