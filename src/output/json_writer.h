// JSON writing for the contract's JSON Lines output, in two layers.
// - Put* functions and JsonRoom: direct writing of one value at a raw position, for writers
//   that know the shape of what they write. The document writer of `parley code` (jsonl.cc)
//   uses them: it is on the hot path (every field of every document).
// - JsonWriter: a small streaming writer (objects, arrays, strings, numbers) that tracks the
//   separators itself, for everything else; it writes its values with the Put* functions.
// Strings are escaped only where a byte needs it (checked 16 bytes at a time), invalid UTF-8
// becomes U+FFFD, numbers go through std::to_chars. Not thread-safe: one writer or room per
// output string at a time (a room's buffer is kept per thread).
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace parley::output {

// Writes compact JSON at the end of a std::string. The string holds exactly what was written
// once the writer is destroyed; until then it may hold reserved bytes past the end.
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

  std::string* out_;
  char* pos_ = nullptr;  // next byte to write, inside out_'s reserved tail
  char* end_ = nullptr;
  bool need_comma_ = false;
  bool after_key_ = false;
};

// Appends `s` to `out` as a JSON string body (no quotes), escaping what JSON requires.
// Invalid UTF-8 is written as U+FFFD so the output is always valid JSON.
void AppendEscaped(std::string_view s, std::string* out);

// Direct writing, for writers that know the shape of what they write (the document writer
// of jsonl.cc): each Put* writes one value at `p` and returns the position after it, with no
// bounds check and no separator logic, so that the write position stays in a register. The
// caller makes room first (JsonRoom::Reserve) for at most the bounds below.
inline constexpr size_t kJsonNumberBound = 40;  // any PutJson{Int,UInt,Double}
// Quotes plus six bytes per input byte (a control byte becomes \u00XX).
inline constexpr size_t JsonStringBound(size_t n) { return 6 * n + 2; }

// `s` as a quoted, escaped JSON string (what JsonWriter::String writes).
char* PutJsonString(char* p, std::string_view s);
// Six significant digits as JsonWriter::Double; null when not finite.
char* PutJsonDouble(char* p, double v);
inline char* PutJsonInt(char* p, int64_t v) { return std::to_chars(p, p + 24, v).ptr; }
inline char* PutJsonUInt(char* p, uint64_t v) { return std::to_chars(p, p + 24, v).ptr; }
// A string literal (a field name with its quotes and separators, "null"): its length is
// known at compile time, so the copy is a few moves.
template <size_t N>
inline char* PutJsonLiteral(char* p, const char (&s)[N]) {
  std::memcpy(p, s, N - 1);
  return p + N - 1;
}

// Room for direct writing: Reserve(n) returns a position with room for n bytes; Commit(p)
// keeps what was written up to p; the room appends what it kept to the string when it is
// destroyed. It writes into a buffer kept per thread and grown without zero-filling (a
// std::string's resize fills every byte it adds, which cost more than the writing), so a
// document costs one copy of its bytes. Rooms may nest (a nested one owns its buffer).
class JsonRoom {
 public:
  explicit JsonRoom(std::string* out);
  ~JsonRoom();
  JsonRoom(const JsonRoom&) = delete;
  JsonRoom& operator=(const JsonRoom&) = delete;

  char* Reserve(size_t n) {
    if (size_ - used_ < n) Grow(n);
    reserved_ = used_ + n;
    return data_ + used_;
  }
  // Writing past the reserved room is a bug in the caller's bound: stop before more harm.
  void Commit(char* p) {
    used_ = static_cast<size_t>(p - data_);
    if (used_ > reserved_) std::abort();
  }

  struct Buffer {
    std::unique_ptr<char[]> data;
    size_t size = 0;
    bool busy = false;
  };

 private:
  void Grow(size_t n);
  std::string* out_;
  Buffer* buffer_;  // this thread's, or own_ when that one is busy
  Buffer own_;
  char* data_;
  size_t size_;
  size_t used_ = 0;
  size_t reserved_ = 0;  // Commit may keep up to here
};

}  // namespace parley::output
