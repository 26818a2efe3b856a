// Fuzzes the JSONL reader on one line. Any line gives a document: readable, or unreadable with
// an error; never a crash.
#include <cstdint>
#include <string>

#include "../fuzz_check.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  Document doc = ingest::ReadJsonLine(line, "fuzz.jsonl", 1);
  PARLEY_FUZZ_CHECK(!doc.id.empty());
  if (doc.unreadable) {
    PARLEY_FUZZ_CHECK(!doc.errors.empty());
    return 0;
  }
  PARLEY_FUZZ_CHECK(util::IsValidUtf8(doc.text));
  if (doc.published) PARLEY_FUZZ_CHECK(doc.published->size() == 10);
  fuzz::CheckLayer(doc.text, text::Segment(doc.text));
  return 0;
}
