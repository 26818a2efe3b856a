// Checks shared by the ingest tests: the offset map from clean text back to raw bytes.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "parley/document.h"

namespace parley::testing {

// The map is monotonic, stays inside the raw input, and every ASCII word of the clean text
// maps back ([ToRaw(start), ToRawEnd(end))) to the same word in the raw input.
inline void ExpectWordsMapBack(std::string_view raw, std::string_view text, const OffsetMap& map) {
  uint64_t last = 0;
  for (uint64_t i = 0; i <= text.size(); ++i) {
    const uint64_t r = map.ToRaw(i);
    ASSERT_LE(r, raw.size()) << "clean offset " << i;
    ASSERT_GE(r, last) << "map goes backwards at clean offset " << i;
    last = r;
    ASSERT_LE(map.ToRawEnd(i), raw.size());
  }
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  size_t i = 0;
  while (i < text.size()) {
    if (!is_word(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && is_word(text[j])) ++j;
    const uint64_t a = map.ToRaw(i), b = map.ToRawEnd(j);
    EXPECT_EQ(raw.substr(a, b - a), text.substr(i, j - i))
        << "clean [" << i << "," << j << ") maps to raw [" << a << "," << b << ")";
    i = j;
  }
}

}  // namespace parley::testing
