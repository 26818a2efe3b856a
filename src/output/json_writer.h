// JsonWriter: a small streaming JSON writer (objects, arrays, escaped UTF-8 strings, numbers)
// used for the contract's JSON Lines output. Writes compact JSON into a std::string.
// It is on the hot path of `parley code` (one call per field of every document): separators
// are inline, numbers go through std::to_chars and strings are copied in runs of bytes that
// need no escaping. Not thread-safe; one writer per output string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::output {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);

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
  void Separate() {
    if (after_key_) {
      after_key_ = false;
    } else if (need_comma_) {
      out_->push_back(',');
    }
  }
  void Open(char c) {
    Separate();
    out_->push_back(c);
    need_comma_ = false;
  }
  void Close(char c) {
    out_->push_back(c);
    need_comma_ = true;
  }
  void Raw(std::string_view s) {
    Separate();
    out_->append(s);
    need_comma_ = true;
  }
  std::string* out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

// Appends `s` to `out` as a JSON string body (no quotes), escaping what JSON requires.
// Invalid UTF-8 is written as U+FFFD so the output is always valid JSON.
void AppendEscaped(std::string_view s, std::string* out);

}  // namespace parley::output
