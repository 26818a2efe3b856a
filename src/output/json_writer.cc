#include "output/json_writer.h"

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

void AppendControl(unsigned char c, std::string* out) {
  static const char* kHex = "0123456789abcdef";
  switch (c) {
    case '"': out->append("\\\""); break;
    case '\\': out->append("\\\\"); break;
    case '\n': out->append("\\n"); break;
    case '\r': out->append("\\r"); break;
    case '\t': out->append("\\t"); break;
    case '\b': out->append("\\b"); break;
    case '\f': out->append("\\f"); break;
    default: {
      const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out->append(u, 6);
    }
  }
}

}  // namespace

void JsonWriter::Key(std::string_view key) {
  Separate();
  out_->push_back('"');
  AppendEscaped(key, out_);
  out_->append("\":", 2);
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  Separate();
  out_->push_back('"');
  AppendEscaped(s, out_);
  out_->push_back('"');
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
  auto r = std::to_chars(buf, buf + 36, v, std::chars_format::general, 6);
  std::string_view s(buf, static_cast<size_t>(r.ptr - buf));
  if (s.find_first_of(".eE") == std::string_view::npos) {
    *r.ptr++ = '.';
    *r.ptr++ = '0';
    s = std::string_view(buf, static_cast<size_t>(r.ptr - buf));
  }
  Raw(s);
}

// Copies runs of verbatim bytes in one append; escapes the rest.
void AppendEscaped(std::string_view s, std::string* out) {
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
    if (c >= 0x80) {
      size_t len;
      if (util::DecodeUtf8(s, i, &len) != util::kInvalid) {
        i += len;  // a valid sequence stays in the run
        continue;
      }
      out->append(s.data() + run, i - run);
      out->append("\xEF\xBF\xBD");
    } else {
      out->append(s.data() + run, i - run);
      AppendControl(c, out);
    }
    run = ++i;
  }
  out->append(s.data() + run, n - run);
}

}  // namespace parley::output
