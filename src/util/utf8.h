// Small UTF-8 helpers shared by the stages: decoding one code point, validation, ASCII case
// folding and character classes. Pure functions over bytes; no allocation unless noted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::util {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[i]. Sets *len to its byte length (1 for an invalid
// byte) and returns kInvalid for an invalid or truncated sequence.
inline constexpr char32_t kInvalid = 0xFFFFFFFF;
char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// The offset of the first non-ASCII byte at or after `from`, or s.size(). Reads eight bytes at
// a time: most text is ASCII, and several stages only care about what is not.
size_t SkipAscii(std::string_view s, size_t from);

// True when every byte sequence in s is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// Lower-cases ASCII letters and folds non-ASCII letters with ICU case folding; maps curly
// apostrophes (’ ‘) to ' . Used for token norms and dictionary keys.
std::string FoldCase(std::string_view s);

// The code point before byte offset i (0 when i == 0), and its length.
char32_t PrevCodePoint(std::string_view s, size_t i, size_t* len);

bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
bool IsDigit(char32_t cp);
bool IsSpace(char32_t cp);  // includes no-break and other Unicode spaces
// Quote marks: " “ ” „ ‘ ’ ‚ « » ' and their CJK/prime look-alikes.
bool IsQuoteMark(char32_t cp);
bool IsDash(char32_t cp);  // - ‐ ‑ ‒ – — ―

}  // namespace parley::util
