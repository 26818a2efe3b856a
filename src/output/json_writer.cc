#include "output/json_writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The rest of a string from byte i on, when a byte there needs escaping or a UTF-8 check:
// bytes before i were plain ASCII (so no UTF-8 sequence starts before i) and are written at
// p[0, i). Writes the closing quote.
[[gnu::noinline]] char* PutEscapedFrom(char* p, std::string_view s, size_t i) {
  char* q = p + i;
  Escape(s.substr(i), [&q](std::string_view run) {
    std::memcpy(q, run.data(), run.size());
    q += run.size();
  });
  *q++ = '"';
  return q;
}

// True when one of the 4 bytes of `w` is not verbatim (AnySpecial for a 32-bit word).
constexpr bool AnySpecial4(uint32_t w) {
  constexpr uint32_t kOnes = 0x01010101U, kHigh = 0x80808080U;
  const uint32_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const uint32_t below = ((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
                         ((backslash - kOnes) & ~backslash) | w;
  return (below & kHigh) != 0;
}

#if defined(__SSE2__)
// A bit for each of the 16 bytes at s that is not verbatim: a signed compare with 0x20 finds
// the control bytes and the bytes >= 0x80 at once.
int SpecialMask16(const char* s) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
  const __m128i special = _mm_or_si128(
      _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  return _mm_movemask_epi8(special);
}

void Copy16(char* to, const char* from) {
  _mm_storeu_si128(reinterpret_cast<__m128i*>(to), _mm_loadu_si128(reinterpret_cast<const __m128i*>(from)));
}
#else
int SpecialMask16(const char* s) {
  uint64_t a, b;
  std::memcpy(&a, s, 8);
  std::memcpy(&b, s + 8, 8);
  return AnySpecial(a) || AnySpecial(b) ? 1 : 0;
}

void Copy16(char* to, const char* from) { std::memcpy(to, from, 16); }
#endif

}  // namespace

// Most strings are plain ASCII: checked and copied in words (16 bytes, or two overlapping
// words for short ones), leaving for the escaping path at the first word with a special byte.
char* PutJsonString(char* p, std::string_view s) {
  *p++ = '"';
  const char* src = s.data();
  const size_t n = s.size();
  if (n >= 16) {
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
      if (SpecialMask16(src + i) != 0) return PutEscapedFrom(p, s, i);
      Copy16(p + i, src + i);
    }
    if (i < n) {  // the last 16 bytes, overlapping what was checked
      if (SpecialMask16(src + n - 16) != 0) return PutEscapedFrom(p, s, i);
      Copy16(p + n - 16, src + n - 16);
    }
  } else if (n >= 8) {
    uint64_t a, b;
    std::memcpy(&a, src, 8);
    std::memcpy(&b, src + n - 8, 8);
    if (AnySpecial(a) || AnySpecial(b)) return PutEscapedFrom(p, s, 0);
    std::memcpy(p, &a, 8);
    std::memcpy(p + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, src, 4);
    std::memcpy(&b, src + n - 4, 4);
    if (AnySpecial4(a) || AnySpecial4(b)) return PutEscapedFrom(p, s, 0);
    std::memcpy(p, &a, 4);
    std::memcpy(p + n - 4, &b, 4);
  } else {
    for (size_t i = 0; i < n; ++i) {
      if (!kVerbatim[static_cast<unsigned char>(src[i])]) return PutEscapedFrom(p, s, i);
      p[i] = src[i];
    }
  }
  p += n;
  *p++ = '"';
  return p;
}

// Six significant digits, like printf's "%.6g" (std::to_chars with a precision is specified
// to give exactly that), and always a fraction or an exponent so the value reads as a double.
char* PutJsonDouble(char* p, double v) {
  if (!std::isfinite(v)) return PutJsonLiteral(p, "null");
  if (const size_t n = ShortDecimal(v, p)) return p + n;
  char* end = std::to_chars(p, p + 36, v, std::chars_format::general, 6).ptr;
  if (std::string_view(p, static_cast<size_t>(end - p)).find_first_of(".eE") == std::string_view::npos) {
    *end++ = '.';
    *end++ = '0';
  }
  return end;
}

constexpr size_t kKeptRoom = size_t{16} << 20;

JsonRoom::JsonRoom(std::string* out) : out_(out) {
  thread_local Buffer buffer;
  buffer_ = buffer.busy ? &own_ : &buffer;
  buffer_->busy = true;
  data_ = buffer_->data.get();
  size_ = buffer_->size;
}

JsonRoom::~JsonRoom() {
  out_->append(data_, used_);
  buffer_->busy = false;
  // A very large document's room is not kept for the thread's life.
  if (buffer_->size > kKeptRoom) {
    buffer_->data.reset();
    buffer_->size = 0;
  }
}

void JsonRoom::Grow(size_t n) {
  const size_t size = std::max({used_ + n, 2 * size_, size_t{4096}});
  std::unique_ptr<char[]> bigger(new char[size]);  // not zero-filled
  if (used_ > 0) std::memcpy(bigger.get(), data_, used_);
  buffer_->data = std::move(bigger);
  buffer_->size = size;
  data_ = buffer_->data.get();
  size_ = size;
}

void AppendEscaped(std::string_view s, std::string* out) {
  Escape(s, [out](std::string_view run) { out->append(run.data(), run.size()); });
}

}  // namespace parley::output
