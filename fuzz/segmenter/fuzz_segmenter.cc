// Fuzzes the sentence splitter and tokenizer on arbitrary text (valid UTF-8 or not: the text
// stage must survive bytes it was never meant to see), and the JSON writer on the result.
#include <cstdint>
#include <string>

#include "../fuzz_check.h"
#include "output/json_writer.h"
#include "text/segmenter.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  TextLayer layer = text::Segment(text);
  fuzz::CheckLayer(text, layer);
  std::string json;
  output::AppendEscaped(text, &json);
  PARLEY_FUZZ_CHECK(util::IsValidUtf8(json));
  for (unsigned char c : json) PARLEY_FUZZ_CHECK(c >= 0x20);
  return 0;
}
