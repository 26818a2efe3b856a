// Fuzzes the .html reader (ReadHtml) and the sentence splitter on its output.
#include <cstdint>
#include <string>

#include "../fuzz_check.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  Document doc = ingest::ReadHtml(raw, "fuzz.html");
  PARLEY_FUZZ_CHECK(util::IsValidUtf8(doc.text));
  if (doc.title) PARLEY_FUZZ_CHECK(util::IsValidUtf8(*doc.title));
  fuzz::CheckLayer(doc.text, text::Segment(doc.text));
  return 0;
}
