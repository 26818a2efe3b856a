#include <algorithm>

#include "parley/document.h"

namespace parley {

uint64_t OffsetMap::ToRaw(uint64_t clean_offset) const {
  if (segments.empty()) return clean_offset;
  auto it = std::upper_bound(segments.begin(), segments.end(), clean_offset,
                             [](uint64_t off, const Segment& s) { return off < s.clean_start; });
  if (it == segments.begin()) return segments.front().raw_start;
  const Segment& s = *std::prev(it);
  const uint64_t delta = clean_offset - s.clean_start;
  if (s.raw_length == s.clean_length) return s.raw_start + std::min(delta, s.raw_length);
  return delta >= s.clean_length ? s.raw_start + s.raw_length : s.raw_start;
}

uint64_t OffsetMap::ToRawEnd(uint64_t clean_end) const {
  if (segments.empty() || clean_end == 0) return ToRaw(clean_end);
  auto it = std::upper_bound(segments.begin(), segments.end(), clean_end - 1,
                             [](uint64_t off, const Segment& s) { return off < s.clean_start; });
  if (it == segments.begin()) return ToRaw(clean_end);
  const Segment& s = *std::prev(it);
  const uint64_t delta = clean_end - s.clean_start;
  if (s.raw_length == s.clean_length) return s.raw_start + std::min(delta, s.raw_length);
  return s.raw_start + s.raw_length;  // any part of a replacement stands for all its source
}

}  // namespace parley
