// Fuzzes the validation-record readers (PETRARCH XML when the input starts with '<', TABARI's
// text layout otherwise) through a file, as `parley validate` reads them: a record set or an
// error, never a crash; every record read has a date and a text, or says what is wrong with it.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "../fuzz_check.h"
#include "peers/records.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/fuzz_peers_records." + std::to_string(getpid());
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  auto set = peers::ReadRecords(path);
  if (set.ok())
    for (const auto& r : set->records) PARLEY_FUZZ_CHECK(!r.problem.empty() || (r.date.size() == 8 && !r.text.empty()));
  return 0;
}
