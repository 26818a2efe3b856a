// The table view: every line fits in the width (counted in code points), long words and URLs
// are cut, nothing is lost.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "output/writers.h"

namespace parley::output {
namespace {

size_t Columns(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

struct TableCase {
  const char* name;
  std::string text;
  std::string url;
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const TableCase& c, std::ostream* os) { *os << c.name; }

class TableTest : public ::testing::TestWithParam<TableCase> {};

TEST_P(TableTest, FitsTheWidth) {
  for (int width : {100, 80, 40}) {
    CodedDocument cd;
    cd.doc.id = "some/long/path/" + std::string(150, 'p') + ".txt";
    cd.doc.title = "A title";
    cd.doc.url = GetParam().url;
    cd.doc.text = GetParam().text;
    cd.doc.captions.push_back(std::string(30, 'c') + " " + std::string(130, 'd'));
    cd.doc.errors.push_back({"invalid_utf8", std::string(250, 'm'), std::nullopt});
    if (!cd.doc.text.empty())
      cd.layer.sentences.push_back({0, static_cast<uint32_t>(cd.doc.text.size()), 0, 0, 0});
    std::string out;
    WriteTable(cd, width, &out);
    std::istringstream in(out);
    std::string line;
    size_t lines = 0;
    while (std::getline(in, line)) {
      ++lines;
      EXPECT_LE(Columns(line), static_cast<size_t>(width)) << line;
    }
    EXPECT_GT(lines, 5u);
    // Words of the text all appear (wrapping must not drop any).
    std::istringstream words(GetParam().text);
    std::string w;
    while (words >> w) {
      if (Columns(w) < static_cast<size_t>(width) - 20) { EXPECT_NE(out.find(w), std::string::npos) << w; }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TableTest,
    ::testing::Values(
        TableCase{"prose", "The Kremlin said Tuesday that talks with the United States on restoring "
                           "bilateral ties, including efforts to resume regular embassy operations, "
                           "have stalled, and that nobody knows when they will resume again.",
                  "https://www.themoscowtimes.com/2025/07/29/kremlin-says-russia-us-diplomatic-talks-going-nowhere-fast-a90009"},
        TableCase{"one_long_word", std::string(350, 'x') + " end", "https://x.org/"},
        TableCase{"multibyte", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 " +
                                   std::string(60, 'a') + " \xE2\x80\x9C" + std::string(120, 'b'),
                  ""},
        TableCase{"long_multibyte_word", [] {
                    std::string s;
                    for (int i = 0; i < 150; ++i) s += "\xD0\x96";
                    return s;
                  }(), ""},
        TableCase{"newlines", "one\ntwo\n\n\nthree\tfour", ""},
        TableCase{"empty", "", ""}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace parley::output
