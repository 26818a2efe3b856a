#include "store/pack.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace parley::store {
namespace {

// Appends one JSON array of values to a string; the caller opens and closes the outer array.
class JsonRow {
 public:
  explicit JsonRow(std::string* out) : out_(*out) { out_ += out_.size() > 1 ? ",[" : "["; }
  ~JsonRow() { out_ += ']'; }

  JsonRow& operator<<(int64_t v) {
    Sep();
    char buf[24];
    out_.append(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, v).ptr - buf));
    return *this;
  }
  JsonRow& operator<<(uint32_t v) { return *this << int64_t{v}; }
  JsonRow& operator<<(int32_t v) { return *this << int64_t{v}; }
  JsonRow& operator<<(double v) {
    if (!std::isfinite(v)) return *this << std::optional<double>();
    Sep();
    char buf[32];  // shortest form that reads back to the same double
    out_.append(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, v).ptr - buf));
    return *this;
  }
  JsonRow& operator<<(std::string_view s) {
    Sep();
    Quote(s);
    return *this;
  }
  JsonRow& operator<<(const std::string& s) { return *this << std::string_view(s); }
  template <typename T>
  JsonRow& operator<<(const std::optional<T>& v) {
    if (v) return *this << *v;
    Sep();
    out_ += "null";
    return *this;
  }

 private:
  void Sep() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  // Copies runs of plain bytes at once; escapes quotes, backslashes and control bytes.
  void Quote(std::string_view s) {
    out_ += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += static_cast<char>(c);
      } else {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(c));
        out_ += esc;
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  std::string& out_;
  bool first_ = true;
};

template <typename T, typename F>
std::optional<std::string> Pack(const std::vector<T>& items, F row) {
  if (items.empty()) return std::nullopt;
  std::string out = "[";
  out.reserve(items.size() * 64);
  for (const T& item : items) {
    JsonRow r(&out);
    row(r, item);
  }
  out += ']';
  return out;
}

}  // namespace

std::optional<std::string_view> UnlessSpan(const std::string& text, uint32_t start, uint32_t end,
                                           const std::string& body) {
  if (start <= end && end <= body.size() && body.compare(start, end - start, text) == 0) {
    return std::nullopt;
  }
  return std::string_view(text);
}

std::optional<std::string> PackActors(const std::vector<ActorMention>& actors, const std::string& body) {
  return Pack(actors, [&](JsonRow& r, const ActorMention& a) {
    r << a.start << a.end << a.sentence << a.kind << a.code << a.country << a.sector << a.name;
    r << a.entity << a.antecedent << UnlessSpan(a.text, a.start, a.end, body);
  });
}

std::optional<std::string> PackPlaces(const std::vector<Place>& places, const std::string& body) {
  return Pack(places, [&](JsonRow& r, const Place& p) {
    r << p.start << p.end << p.sentence << p.name << p.country << p.lat << p.lon;
    r << UnlessSpan(p.text, p.start, p.end, body);
  });
}

std::optional<std::string> PackTimes(const std::vector<TimeExpr>& times, const std::string& body) {
  return Pack(times, [&](JsonRow& r, const TimeExpr& t) {
    r << t.start << t.end << t.sentence << t.type << t.value << t.value_max << t.anchor;
    if (t.deadline) {
      r << t.deadline->earliest << t.deadline->latest;
    } else {
      r << std::optional<std::string>() << std::optional<std::string>();
    }
    r << UnlessSpan(t.text, t.start, t.end, body);
  });
}

}  // namespace parley::store
