// Differential fuzzing of the sentence break candidates: wherever the fast rules cover the
// input, they must give exactly ICU's boundaries (sentence_breaks.h), on the whole input and
// on a sub-range of it.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "../fuzz_check.h"
#include "text/sentence_breaks.h"

using namespace parley;

namespace {

void Compare(std::string_view text, uint32_t start, uint32_t end) {
  std::vector<uint32_t> fast, icu;
  if (!text::FastSentenceBreaks(text, start, end, &fast)) {
    PARLEY_FUZZ_CHECK(fast.empty());
    return;
  }
  text::IcuSentenceBreaks(text, start, end, &icu);
  PARLEY_FUZZ_CHECK(fast == icu);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto n = static_cast<uint32_t>(size);
  Compare(text, 0, n);
  if (n > 2) {  // a range inside the text, its ends chosen by the input itself
    const uint32_t a = data[0] % n, b = n - data[n - 1] % (n / 2);
    Compare(text, std::min(a, b), std::max(a, b));
  }
  return 0;
}
