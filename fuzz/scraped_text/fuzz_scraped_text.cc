// Fuzzes the scraped .txt reader and then the sentence splitter on its output.
#include <cstdint>
#include <string>

#include "../fuzz_check.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  Document doc = ingest::ReadScrapedText(raw, "fuzz.txt");
  fuzz::CheckDocument(raw, doc);
  if (doc.title) PARLEY_FUZZ_CHECK(util::IsValidUtf8(*doc.title));
  if (doc.published) PARLEY_FUZZ_CHECK(doc.published->size() == 10);
  fuzz::CheckLayer(doc.text, text::Segment(doc.text));
  return 0;
}
