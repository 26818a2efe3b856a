#include "util/text_builder.h"

namespace parley::util {

void TextBuilder::AddSegment(uint64_t raw_start, uint64_t raw_length, uint64_t clean_length) {
  auto& segs = map_.segments;
  const uint64_t clean_start = text_.size();
  // Merge with the previous verbatim segment when both are contiguous and verbatim.
  if (!segs.empty() && raw_length == clean_length) {
    auto& last = segs.back();
    if (last.raw_length == last.clean_length && last.raw_start + last.raw_length == raw_start &&
        last.clean_start + last.clean_length == clean_start) {
      last.raw_length += raw_length;
      last.clean_length += clean_length;
      return;
    }
  }
  segs.push_back({clean_start, raw_start, raw_length, clean_length});
}

void TextBuilder::AppendVerbatim(std::string_view piece, uint64_t raw_start) {
  if (piece.empty()) return;
  AddSegment(raw_start, piece.size(), piece.size());
  text_.append(piece);
}

void TextBuilder::AppendReplacement(std::string_view replacement, uint64_t raw_start,
                                    uint64_t raw_length) {
  if (replacement.empty()) return;
  AddSegment(raw_start, raw_length, replacement.size());
  text_.append(replacement);
}

void TextBuilder::Finish(std::string* text, OffsetMap* map) {
  *text = std::move(text_);
  *map = std::move(map_);
  text_.clear();
  map_ = OffsetMap();
}

}  // namespace parley::util
