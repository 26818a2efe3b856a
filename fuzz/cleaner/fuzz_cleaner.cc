// Fuzzes the cleaner: CleanInto (both encodings, tags stripped or kept), NormalizeNfc and the
// offset map they build. The clean text must be valid UTF-8 and the map monotonic and in range;
// clean ASCII input (nothing to repair) must come back byte for byte.
#include <cstdint>
#include <string>

#include "../fuzz_check.h"
#include "ingest/cleaner.h"
#include "util/text_builder.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string_view raw(reinterpret_cast<const char*>(data) + 1, size - 1);
  ingest::CleanOptions opts;
  opts.encoding = (mode & 1) ? ingest::RawEncoding::kWindows1252 : ingest::ChooseEncoding(raw);
  opts.strip_tags = (mode & 2) == 0;
  util::TextBuilder b;
  ingest::CleanStats stats;
  const uint64_t base = (mode & 4) && !raw.empty() ? 1 : 0;  // a non-zero raw offset, like a paragraph's
  ingest::CleanInto(raw.substr(base), base, opts, &b, &stats);
  Document doc;
  b.Finish(&doc.text, &doc.raw_map);
  ingest::NormalizeNfc(&doc.text, &doc.raw_map);
  ingest::ReportCleanStats(stats, &doc.errors);
  fuzz::CheckDocument(raw, doc);
  bool plain = true;
  for (char c : raw.substr(base)) {
    const auto u = static_cast<unsigned char>(c);
    plain &= (u >= 0x20 && u < 0x7F && c != '<' && c != '&') || c == '\n' || c == '\t';
  }
  if (plain) PARLEY_FUZZ_CHECK(doc.text == raw.substr(base));
  return 0;
}
