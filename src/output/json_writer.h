// JSON writing for the contract's JSON Lines output: Put* functions and JsonRoom write one
// value at a raw position, for writers that know the shape of what they write (the document
// writer of `parley code`, jsonl.cc, on the hot path: every field of every document), and
// AppendEscaped appends a string body to a std::string.
// Strings are escaped only where a byte needs it (checked 16 bytes at a time), invalid UTF-8
// becomes U+FFFD, numbers go through std::to_chars. Not thread-safe: one room per
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

// `s` as a quoted, escaped JSON string (AppendEscaped's body between quotes).
char* PutJsonString(char* p, std::string_view s);
// Six significant digits (as printf's %.6g, ".0" added to integers); null when not finite.
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
