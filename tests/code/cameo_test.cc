// The compiled-in CAMEO table against ../shared/data/cameo (when present), and the pattern
// dictionaries: every file parses and names real codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "code/cameo.h"
#include "code/inflect.h"
#include "code/patterns.h"

namespace parley::code {
namespace {

std::string Shared() {
  std::error_code ec;
  return std::filesystem::is_directory(PARLEY_SHARED_DATA_DIR "/cameo", ec) ? PARLEY_SHARED_DATA_DIR "/cameo" : "";
}

// Splits one CSV line with RFC 4180 quoting.
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
    else if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) out.emplace_back();
    else out.back() += c;
  }
  return out;
}

TEST(CameoTableTest, MatchesTheSharedCodeList) {
  if (Shared().empty()) GTEST_SKIP() << "../shared/data is absent: skipping the CAMEO table check";
  std::ifstream in(Shared() + "/cameo-codes.csv");
  std::string line;
  std::getline(in, line);  // header
  size_t rows = 0;
  std::string record;
  while (std::getline(in, line)) {
    record += line;
    if (std::count(record.begin(), record.end(), '"') % 2 != 0) {  // a quoted newline
      record += "\n";
      continue;
    }
    auto f = CsvFields(record);
    record.clear();
    ASSERT_GE(f.size(), 7u);
    const CameoCode* c = FindCameo(f[0]);
    ASSERT_NE(c, nullptr) << f[0];
    EXPECT_DOUBLE_EQ(c->goldstein, std::stod(f[4])) << f[0];
    EXPECT_EQ(c->quad_class, std::stoi(f[5])) << f[0];
    ++rows;
  }
  EXPECT_EQ(rows, AllCameoCodes().size());
}

TEST(CameoTableTest, PloverTypes) {
  struct Case { const char* code; const char* plover; };
  for (auto c : std::vector<Case>{{"112", "ACCUSE"}, {"042", "CONSULT"}, {"1312", "THREATEN"},
                                  {"161", "SANCTION"}, {"0871", "RETREAT"}, {"020", "REQUEST"},
                                  {"190", "ASSAULT"}, {"061", "COOPERATE"},
                                  // The PLOVER manual over the conversion table (see
                                  // scripts/gen_cameo_table.py): sanctions are SANCTION,
                                  // lifting a curfew is a CONCEDE.
                                  {"163", "SANCTION"}, {"0813", "CONCEDE"}, {"0814", "CONCEDE"},
                                  {"0841", "RETREAT"}, {"1711", "COERCE"}}) {
    const CameoCode* e = FindCameo(c.code);
    ASSERT_NE(e, nullptr) << c.code;
    ASSERT_NE(e->plover, nullptr) << c.code;
    EXPECT_STREQ(e->plover, c.plover) << c.code;
  }
  EXPECT_EQ(FindCameo("012")->plover, nullptr);  // statements have no PLOVER type
  EXPECT_EQ(FindCameo("999"), nullptr);
  const CameoCode* root = FindCameo("10");  // roots are codes too, with their quad class
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->quad_class, 3);
  EXPECT_STREQ(root->plover, "REQUEST");
}

TEST(InflectTest, VerbForms) {
  IrregularTable irregular = {{"hold", {{"held"}, {"held"}}}, {"seek", {{"sought"}, {"sought"}}}};
  auto has = [](const std::vector<std::string>& v, const char* w) {
    return std::find(v.begin(), v.end(), w) != v.end();
  };
  auto accuse = VerbForms("accuse", irregular);
  for (const char* w : {"accuse", "accuses", "accused", "accusing"}) EXPECT_TRUE(has(accuse, w)) << w;
  auto stop = VerbForms("ban", irregular);
  for (const char* w : {"bans", "banned", "banning"}) EXPECT_TRUE(has(stop, w)) << w;
  auto visit = VerbForms("visit", irregular);
  EXPECT_TRUE(has(visit, "visited"));
  EXPECT_FALSE(has(visit, "visitted"));
  auto expel = VerbForms("expel", irregular);
  EXPECT_TRUE(has(expel, "expelled"));
  auto deny = VerbForms("deny", irregular);
  for (const char* w : {"denies", "denied", "denying"}) EXPECT_TRUE(has(deny, w)) << w;
  auto hold = VerbForms("hold", irregular);
  EXPECT_TRUE(has(hold, "held"));
  EXPECT_TRUE(has(VerbForms("seek", irregular), "sought"));
  EXPECT_TRUE(has(VerbForms("cancel", irregular), "cancelled"));
  EXPECT_TRUE(has(NounForms("sanction"), "sanctions"));
  EXPECT_TRUE(has(NounForms("property"), "properties"));
}

TEST(PatternFilesTest, AllParseWithRealCodes) {
  auto set = PatternSet::Load({PARLEY_SOURCE_DIR "/dict"});
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_GT(set->size(), 300u);
  // A null code (`---`) codes nothing, so it names no CAMEO code.
  for (uint32_t i = 0; i < set->size(); ++i)
    if (!set->pattern(i).null_code) EXPECT_NE(FindCameo(set->pattern(i).code), nullptr) << set->pattern(i).where;
}

TEST(PatternFilesTest, BadLinesNameTheirPlace) {
  std::unordered_map<std::string, std::vector<std::string>> irregular;
  auto bad_code = PatternSet::ParseLine("999 accuse~ TGT", "f.txt:3", irregular);
  ASSERT_FALSE(bad_code.ok());
  EXPECT_NE(bad_code.status().message().find("f.txt:3"), std::string::npos);
  EXPECT_FALSE(PatternSet::ParseLine("112 TGT accuse~", "f.txt:4", irregular).ok());
  EXPECT_FALSE(PatternSet::ParseLine("112 accuse~ :: sometimes", "f.txt:5", irregular).ok());
  auto ok = PatternSet::ParseLine("112 accuse~ TGT of :: id=accuse", "f.txt:6", irregular);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->id, "accuse");
  EXPECT_EQ(ok->elements.size(), 3u);
}

}  // namespace
}  // namespace parley::code
