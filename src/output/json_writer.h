// JsonWriter: a small streaming JSON writer (objects, arrays, escaped UTF-8 strings, numbers)
// used for the contract's JSON Lines output. Writes compact JSON at the end of a std::string.
// It is on the hot path of `parley code` (one call per field of every document): it writes
// through a pointer into room it reserves ahead in the string (a std::string append costs a
// hundred instructions), numbers go through std::to_chars and strings are copied in runs of
// bytes that need no escaping. The string holds exactly what was written once the writer is
// destroyed; until then it may hold reserved bytes past the end. Not thread-safe; one writer
// per output string at a time.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace parley::output {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out);
  ~JsonWriter();  // trims the string to what was written
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // A plain ASCII field name (the contract's: letters and '_'), written as it is. Inline, so
  // that a literal key is copied with its length known at compile time.
  void Key(std::string_view key) {
    Reserve(key.size() + 4);
    if (!after_key_ && need_comma_) *pos_++ = ',';
    *pos_++ = '"';
    std::memcpy(pos_, key.data(), key.size());
    pos_ += key.size();
    *pos_++ = '"';
    *pos_++ = ':';
    after_key_ = true;
  }

  void String(std::string_view s);
  void OptString(const std::optional<std::string>& s) { s ? String(*s) : Null(); }
  void Int(int64_t v);
  void Double(double v);
  void OptDouble(const std::optional<double>& v) { v ? Double(*v) : Null(); }
  void Bool(bool v) { Raw(v ? "true" : "false"); }
  void Null() { Raw("null"); }

  // Key + value shorthands.
  void Field(std::string_view key, std::string_view v) { Key(key); String(v); }
  void Field(std::string_view key, const std::string& v) { Key(key); String(v); }
  void Field(std::string_view key, const char* v) { Key(key); String(v); }
  void Field(std::string_view key, const std::optional<std::string>& v) { Key(key); OptString(v); }
  void Field(std::string_view key, int64_t v) { Key(key); Int(v); }

 private:
  static constexpr size_t kShort = 64;  // values up to this size are checked, then copied whole

  // Room for n more bytes at pos_.
  void Reserve(size_t n) {
    if (static_cast<size_t>(end_ - pos_) < n) Grow(n);
  }
  void Grow(size_t n);
  void Put(char c) {
    Reserve(1);
    *pos_++ = c;
  }
  void Put(std::string_view s) {
    Reserve(s.size());
    std::memcpy(pos_, s.data(), s.size());
    pos_ += s.size();
  }
  // The separator before a value or key: a comma unless it opens a container or follows a key.
  void Separate() {
    if (after_key_) {
      after_key_ = false;
    } else if (need_comma_) {
      Put(',');
    }
  }
  void Open(char c) {
    Separate();
    Put(c);
    need_comma_ = false;
  }
  void Close(char c) {
    Put(c);
    need_comma_ = true;
  }
  void Raw(std::string_view s) {
    Separate();
    Put(s);
    need_comma_ = true;
  }
  void Escaped(std::string_view s);

  std::string* out_;
  char* pos_ = nullptr;  // next byte to write, inside out_'s reserved tail
  char* end_ = nullptr;
  bool need_comma_ = false;
  bool after_key_ = false;
};

// Appends `s` to `out` as a JSON string body (no quotes), escaping what JSON requires.
// Invalid UTF-8 is written as U+FFFD so the output is always valid JSON.
void AppendEscaped(std::string_view s, std::string* out);

}  // namespace parley::output
