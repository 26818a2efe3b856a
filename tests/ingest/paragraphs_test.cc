// Boilerplate lines: the prefixes news sites use, in any letter case and with trailing blanks,
// and body text that only looks like them.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "ingest/paragraphs.h"

namespace parley::ingest {
namespace {

struct BoilerplateCase {
  const char* name;
  std::string paragraph;
  bool boilerplate;
};

void PrintTo(const BoilerplateCase& c, std::ostream* os) { *os << c.name; }

class BoilerplateTest : public ::testing::TestWithParam<BoilerplateCase> {};

TEST_P(BoilerplateTest, DropsOnlyBoilerplate) {
  const BoilerplateCase& c = GetParam();
  EXPECT_EQ(IsBoilerplate(c.paragraph), c.boilerplate) << c.paragraph;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, BoilerplateTest,
    ::testing::Values(
        BoilerplateCase{"related_article", "Related article: Kremlin says talks stall", true},
        BoilerplateCase{"upper_case", "READ MORE: Sanctions explained", true},
        BoilerplateCase{"mixed_case", "Share On Twitter", true},
        BoilerplateCase{"trailing_blanks", "Advertisement  \t", true},
        BoilerplateCase{"apostrophe", "Editor's Pick", true},
        BoilerplateCase{"long_prefix", "You might also like these stories", true},
        BoilerplateCase{"body_sentence", "The ministry said talks would resume.", false},
        BoilerplateCase{"same_first_letter", "Russia read out a statement.", false},
        BoilerplateCase{"prefix_inside", "He said: read more: nothing", false},
        BoilerplateCase{"prefix_without_colon", "Related talks begin today.", false},
        BoilerplateCase{"empty", "", false},
        BoilerplateCase{"blanks_only", "   ", false},
        BoilerplateCase{"non_ascii_start", "\xC3\x89lys\xC3\xA9\x65 statement", false},
        BoilerplateCase{"too_long", "Related article: " + std::string(420, 'x'), false}),
    [](const auto& row) { return std::string(row.param.name); });

}  // namespace
}  // namespace parley::ingest
