// `parley dict check` on event patterns: temp dictionary folders with bad pattern lines give
// the expected file:line findings and exit status; the built-in dict/ passes.
#include "code/pattern_checks.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/testing.h"

namespace parley::code {
namespace {
namespace fs = std::filesystem;

struct File {
  std::string name;  // under DIR/verbs/
  std::string text;
};

// A fresh dictionary folder holding only these verb files.
std::string MakeDict(const std::string& name, const std::vector<File>& files) {
  const fs::path dir = fs::path(parley::testing::TempDir()) / name;
  fs::create_directories(dir / "verbs");
  for (const auto& f : files) std::ofstream(dir / "verbs" / f.name) << f.text;
  return dir.string();
}

struct Case {
  std::string name;
  std::vector<File> files;
  int exit_code;
  std::vector<std::string> expected;  // substrings of the output, with file:line
  std::string summary;                // the counts in the last line
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"unknown_option", {{"a.txt", "010 say~\n\n# comment\n042 visit~ TGT :: loud\n"}}, 1,
       {"/verbs/a.txt:4: error: unknown option \"loud\""}, "1 patterns, 1 errors, 0 warnings"},
      {"not_cameo", {{"a.txt", "999 say~\n0420 visit~ TGT\n042 visit~ TGT\n"}}, 1,
       {"/verbs/a.txt:1: error: \"999\" is not a CAMEO code", "/verbs/a.txt:2: error: \"0420\" is not a CAMEO code"},
       "1 patterns, 2 errors"},
      {"bad_element_and_anchor", {{"a.txt", "042 visit~ [TGT\n042 [visit~] TGT\n042 visit~ &nosuch\n"}}, 1,
       {"/verbs/a.txt:1: error: bad pattern element", "/verbs/a.txt:2: error: a pattern's anchor must be",
        "/verbs/a.txt:3: error: unknown word set \"&nosuch\""},
       "0 patterns, 3 errors"},
      {"bad_word_set", {{"a.txt", "&empty |  |\n&ok meet | talk\n042 visit~ &ok\n"}}, 1,
       {"/verbs/a.txt:1: error: word set &empty has no members"}, "1 patterns, 1 errors"},
      {"exact_duplicate", {{"a.txt", "042 visit~ TGT\n"}, {"b.txt", "043 host~ TGT\n042   visit~  TGT   # again\n"}}, 1,
       {"/verbs/b.txt:2: error: duplicate pattern \"042 visit~ TGT\" (also at ", "/verbs/a.txt:1)"},
       "3 patterns, 1 errors, 0 warnings"},
      {"duplicate_id", {{"a.txt", "042 visit~ TGT :: id=visit\n043 host~ TGT :: id=visit\n"}}, 1,
       {"/verbs/a.txt:2: error: duplicate pattern id \"visit\" (also at "}, "2 patterns, 1 errors"},
      {"different_code_warns", {{"a.txt", "080 give~ in to TGT\n083 give~ in to TGT :: id=other\n"}}, 0,
       {"/verbs/a.txt:2: warning: pattern \"give~ in to TGT\" has code 083 here and 080 at "},
       "2 patterns, 0 errors, 1 warnings"},
      {"different_conditions_pass", {{"a.txt", "080 give~ in\n083 give~ in :: forbids=war\n"}}, 0, {},
       "2 patterns, 0 errors, 0 warnings"},
      {"bad_irregular_line", {{"irregular.txt", "# BASE PAST PARTICIPLE\ngo went\nsee saw seen\n"}, {"a.txt", "042 see~ TGT\n"}},
       1, {"/verbs/irregular.txt:2: error: an irregular verb line is BASE PAST PARTICIPLE"}, "1 patterns, 1 errors"},
  };
  return cases;
}

TEST(PatternChecks, BadLinesAreReportedWithFileAndLine) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    auto r = parley::testing::RunParley({"dict", "check", MakeDict(c.name, c.files)});
    EXPECT_EQ(r.exit_code, c.exit_code) << r.out << r.err;
    for (const auto& want : c.expected) EXPECT_NE(r.out.find(want), std::string::npos) << want << "\n" << r.out;
    EXPECT_NE(r.out.find(c.summary), std::string::npos) << r.out;
  }
}

// Layers are checked as --dict reads them: a later folder repeating an earlier folder's
// pattern is a duplicate in the later file; one giving it another code is a warning.
TEST(PatternChecks, LayersAreCheckedTogether) {
  const std::string base = MakeDict("layer_base", {{"a.txt", "042 visit~ TGT\n080 give~ in\n"}});
  const std::string over = MakeDict("layer_over", {{"z.txt", "042 visit~ TGT\n081 give~ in\n"}});
  auto r = parley::testing::RunParley({"dict", "check", base, over});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("layer_over/verbs/z.txt:1: error: duplicate pattern"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("layer_base/verbs/a.txt:1)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("layer_over/verbs/z.txt:2: warning: pattern \"give~ in\" has code 081"), std::string::npos)
      << r.out;
}

TEST(PatternChecks, BuiltInPatternsPass) {
  const PatternCheckReport report = CheckPatternFolders({parley::testing::SourceDir() + "/dict"});
  EXPECT_GT(report.patterns, 1000u);
  for (const auto& f : report.findings) ADD_FAILURE() << f.ToString();
  auto r = parley::testing::RunParley({"dict", "check", parley::testing::SourceDir() + "/dict"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(" patterns, 0 errors, 0 warnings"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace parley::code
