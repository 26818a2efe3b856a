#include "output/json_writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "util/utf8.h"

namespace parley::output {
namespace {

// Bytes copied as they are: printable ASCII other than '"' and '\\'. Bytes >= 0x80 are
// checked as UTF-8 sequences; the rest are escaped.
constexpr std::array<bool, 256> MakeVerbatimTable() {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return t;
}
constexpr std::array<bool, 256> kVerbatim = MakeVerbatimTable();

// True when one of the 8 bytes of `w` is not verbatim: >= 0x80, < 0x20, '"' or '\\'.
// (x - n*ones) & ~x & high is nonzero exactly when some byte of x is below n (n <= 0x80).
constexpr bool AnySpecial(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const uint64_t below = ((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
                         ((backslash - kOnes) & ~backslash) | w;
  return (below & kHigh) != 0;
}

// The JSON escape of '"', '\\' or a byte below 0x20 (written into `buf` when it is \u00XX).
std::string_view ControlEscape(unsigned char c, char* buf) {
  static const char* kHex = "0123456789abcdef";
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default: {
      const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      std::memcpy(buf, u, 6);
      return {buf, 6};
    }
  }
}

// Hands runs of verbatim bytes to `append` whole; escapes the rest.
template <typename Append>
void Escape(std::string_view s, Append&& append) {
  const size_t n = s.size();
  size_t run = 0;  // start of the pending verbatim run
  size_t i = 0;
  while (true) {
    // Eight plain ASCII bytes at a time (most of any news text), then byte by byte.
    for (uint64_t w; i + 8 <= n; i += 8) {
      std::memcpy(&w, s.data() + i, 8);
      if (AnySpecial(w)) break;
    }
    while (i < n && kVerbatim[static_cast<unsigned char>(s[i])]) ++i;
    if (i == n) break;
    const auto c = static_cast<unsigned char>(s[i]);
    char buf[6];
    if (c >= 0x80) {
      size_t len;
      if (util::DecodeUtf8(s, i, &len) != util::kInvalid) {
        i += len;  // a valid sequence stays in the run
        continue;
      }
      append(s.substr(run, i - run));
      append("\xEF\xBF\xBD");
    } else {
      append(s.substr(run, i - run));
      append(ControlEscape(c, buf));
    }
    run = ++i;
  }
  append(s.substr(run, n - run));
}

// True when every byte of `s` is copied as it is (no escape, no UTF-8 check needed).
bool AllVerbatim(std::string_view s) {
  size_t i = 0;
  for (uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (AnySpecial(w)) return false;
  }
  for (; i < s.size(); ++i) {
    if (!kVerbatim[static_cast<unsigned char>(s[i])]) return false;
  }
  return true;
}

// A value of at most four decimals and six significant digits (every Goldstein value, most
// coordinates), written from an integer: the digits "%.6g" gives for it, plus ".0" when it has
// no decimals, without the general formatter (ten times the cost). Returns the length
// written, or 0 for any other value.
size_t ShortDecimal(double v, char* out) {
  if (v == 0) return 0;  // 0 and -0: the general path
  int64_t scale = 1;
  for (int decimals = 0; decimals <= 4; ++decimals, scale *= 10) {
    const double scaled = v * static_cast<double>(scale);
    if (!(std::fabs(scaled) < 1e6)) return 0;
    const int64_t k = std::llround(scaled);
    // The quotient of two exact integers is correctly rounded: equal means v is the double
    // nearest k / 10^decimals, which "%.6g" prints as that decimal. The first (smallest)
    // such scale leaves k without trailing zeros.
    if (static_cast<double>(k) / static_cast<double>(scale) != v) continue;
    char* p = out;
    if (k < 0) *p++ = '-';
    const auto digits = static_cast<uint64_t>(k < 0 ? -k : k);
    p = std::to_chars(p, p + 8, digits / static_cast<uint64_t>(scale)).ptr;
    *p++ = '.';
    if (decimals == 0) {
      *p++ = '0';
    } else {
      uint64_t frac = digits % static_cast<uint64_t>(scale);
      for (int i = decimals - 1; i >= 0; --i, frac /= 10) p[i] = static_cast<char>('0' + frac % 10);
      p += decimals;
    }
    return static_cast<size_t>(p - out);
  }
  return 0;
}

}  // namespace

JsonWriter::JsonWriter(std::string* out) : out_(out) {
  const size_t used = out_->size();
  out_->resize(used + 256);
  pos_ = out_->data() + used;
  end_ = out_->data() + out_->size();
}

JsonWriter::~JsonWriter() { out_->resize(static_cast<size_t>(pos_ - out_->data())); }

void JsonWriter::Grow(size_t n) {
  const size_t used = static_cast<size_t>(pos_ - out_->data());
  out_->resize(std::max(used + n, 2 * out_->size()));
  pos_ = out_->data() + used;
  end_ = out_->data() + out_->size();
}

void JsonWriter::Escaped(std::string_view s) {
  Escape(s, [this](std::string_view run) { Put(run); });
}

// Most values are short plain strings: copied whole after a quick check.
void JsonWriter::String(std::string_view s) {
  Separate();
  if (s.size() <= kShort && AllVerbatim(s)) {
    Reserve(s.size() + 2);
    *pos_++ = '"';
    std::memcpy(pos_, s.data(), s.size());
    pos_ += s.size();
  } else {
    Put('"');
    Escaped(s);
  }
  Put('"');
  need_comma_ = true;
}

void JsonWriter::Int(int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  Raw(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
}

// Six significant digits, like printf's "%.6g" (std::to_chars with a precision is specified
// to give exactly that), and always a fraction or an exponent so the value reads as a double.
void JsonWriter::Double(double v) {
  if (!std::isfinite(v)) {
    Null();
    return;
  }
  char buf[40];
  if (const size_t n = ShortDecimal(v, buf)) {
    Raw(std::string_view(buf, n));
    return;
  }
  auto r = std::to_chars(buf, buf + 36, v, std::chars_format::general, 6);
  std::string_view s(buf, static_cast<size_t>(r.ptr - buf));
  if (s.find_first_of(".eE") == std::string_view::npos) {
    *r.ptr++ = '.';
    *r.ptr++ = '0';
    s = std::string_view(buf, static_cast<size_t>(r.ptr - buf));
  }
  Raw(s);
}

void AppendEscaped(std::string_view s, std::string* out) {
  Escape(s, [out](std::string_view run) { out->append(run.data(), run.size()); });
}

}  // namespace parley::output
