// Invariants the fuzz targets check on every input; a failure aborts (libFuzzer reports it).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "parley/document.h"
#include "parley/text.h"
#include "util/utf8.h"

namespace parley::fuzz {

#define PARLEY_FUZZ_CHECK(cond)                                             \
  do {                                                                      \
    if (!(cond)) {                                                          \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                         \
    }                                                                       \
  } while (0)

// The clean text is valid UTF-8 and its map is monotonic and inside the raw input.
inline void CheckDocument(std::string_view raw, const Document& doc) {
  PARLEY_FUZZ_CHECK(util::IsValidUtf8(doc.text));
  uint64_t last = 0;
  const uint64_t step = doc.text.size() > 4096 ? doc.text.size() / 4096 : 1;
  for (uint64_t i = 0; i <= doc.text.size(); i += step) {
    const uint64_t r = doc.raw_map.ToRaw(i);
    PARLEY_FUZZ_CHECK(r <= raw.size());
    PARLEY_FUZZ_CHECK(r >= last);
    last = r;
  }
  for (const auto& e : doc.errors) PARLEY_FUZZ_CHECK(!e.code.empty() && !e.message.empty());
}

// Sentences and tokens are in order, non-empty, inside the text and cover every token.
inline void CheckLayer(std::string_view text, const TextLayer& layer) {
  uint32_t last_end = 0, next_token = 0;
  for (const auto& s : layer.sentences) {
    PARLEY_FUZZ_CHECK(s.start < s.end && s.end <= text.size() && s.start >= last_end);
    PARLEY_FUZZ_CHECK(s.first_token == next_token && s.first_token < s.end_token);
    PARLEY_FUZZ_CHECK(s.end_token <= layer.tokens.size());
    last_end = s.end;
    next_token = s.end_token;
  }
  PARLEY_FUZZ_CHECK(next_token == layer.tokens.size());
  for (const auto& t : layer.tokens) PARLEY_FUZZ_CHECK(t.start < t.end && t.end <= text.size());
}

}  // namespace parley::fuzz
