// Hash128Hex: XXH3-128 of a byte string as 32 lowercase hex digits (high half first). Used to
// recognise documents by their raw bytes and by their content. WordKey: the 64-bit key of a
// token's norm, computed once by the tokenizer (Token::key) so that the stages look words up
// in their tables by one integer instead of hashing strings again. Pure, thread-safe,
// header-only.
#pragma once

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdint>
#include <cstddef>
#include <string>
#include <string_view>

namespace parley {

// 32 lowercase hex digits, high half first (as "%016llx%016llx"), written by a loop: snprintf
// cost 1,500 instructions a document, as much as the rest of reading a short line.
inline std::string HashHex(XXH128_hash_t h) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(32, '0');
  for (size_t i = 0; i < 16; ++i) {
    hex[15 - i] = kDigits[(h.high64 >> (4 * i)) & 15];
    hex[31 - i] = kDigits[(h.low64 >> (4 * i)) & 15];
  }
  return hex;
}

inline std::string Hash128Hex(std::string_view bytes) {
  return HashHex(XXH3_128bits(bytes.data(), bytes.size()));
}

// The key of a word's norm (Token::norm): equal norms have equal keys. 64 bits, so that
// tables keyed by it need no string comparison in practice (they may still verify).
inline uint64_t WordKey(std::string_view norm) { return XXH3_64bits(norm.data(), norm.size()); }

}  // namespace parley
