// TextBuilder: builds a clean text piece by piece while recording where each piece came from
// in the raw input, producing the Document's OffsetMap. Readers and the cleaner append to it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parley/document.h"

namespace parley::util {

class TextBuilder {
 public:
  // Appends bytes copied unchanged from raw offset `raw_start`.
  void AppendVerbatim(std::string_view piece, uint64_t raw_start);
  // Appends `replacement` standing for raw bytes [raw_start, raw_start + raw_length).
  void AppendReplacement(std::string_view replacement, uint64_t raw_start, uint64_t raw_length);

  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }
  char back() const { return text_.back(); }

  // Moves the result out; the builder is empty afterwards.
  void Finish(std::string* text, OffsetMap* map);

 private:
  void AddSegment(uint64_t raw_start, uint64_t raw_length, uint64_t clean_length);
  std::string text_;
  OffsetMap map_;
};

}  // namespace parley::util
