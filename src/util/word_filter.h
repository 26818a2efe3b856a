// WordFilter: a quick test that a word is certainly not in a set, asked before a hash lookup on
// every token. A bitmap keyed by a mix of the word's length and its first two and last two bytes
// (a one-hash Bloom filter): most tokens of a sentence ("the", "of", ",", names) fail it in a
// few instructions, so the full hash of the word is computed only for the few that may be in
// the set.
//
// Input: the words of the set (Add). Output: MayContain, never false for a word of the set.
// Immutable after set-up; safe to read from many threads. constexpr, so that fixed word lists
// get their filter at compile time.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace parley::util {

class WordFilter {
 public:
  constexpr WordFilter() = default;
  template <typename Words>
  constexpr explicit WordFilter(const Words& words) {
    for (std::string_view w : words) Add(w);
  }

  constexpr void Add(std::string_view w) {
    const uint32_t k = Key(w);
    bits_[k / 64] |= uint64_t{1} << (k % 64);
  }

  constexpr bool MayContain(std::string_view w) const {
    const uint32_t k = Key(w);
    return (bits_[k / 64] >> (k % 64) & 1) != 0;
  }

 private:
  static constexpr uint32_t kBits = 1 << 15;
  static constexpr uint32_t Byte(char c) { return static_cast<unsigned char>(c); }
  static constexpr uint32_t Key(std::string_view w) {
    const size_t n = w.size();
    uint32_t h = static_cast<uint32_t>(n) * 0x9E3779B1u;
    if (n > 0) h ^= ((Byte(w[0]) << 8) | Byte(w[n - 1])) * 0x85EBCA77u;
    if (n > 1) h ^= ((Byte(w[1]) << 8) | Byte(w[n - 2])) * 0xC2B2AE3Du;
    return (h ^ (h >> 15) ^ (h >> 23)) % kBits;
  }
  std::array<uint64_t, kBits / 64> bits_{};
};

}  // namespace parley::util
