// The JSONL field scanner against nlohmann::json (the reference): whenever the scanner takes a
// line, the full parser must accept it too and give the same fields; lines the scanner is
// meant to handle must not fall back. Table-driven cases, random mutations of real lines, and
// the whole Wikinews corpus.
#include "ingest/json_fields.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "common/testing.h"

namespace parley::ingest {
namespace {

// One field as nlohmann reads it, in the scanner's terms ("kind:value").
std::string Reference(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "absent";
  if (it->is_null()) return "null";
  if (it->is_string()) return "string:" + it->get<std::string>();
  if (it->is_number()) return "number";
  return "other";
}

std::string Scanned(const JsonField& f) {
  switch (f.kind) {
    case JsonFieldKind::kAbsent: return "absent";
    case JsonFieldKind::kNull: return "null";
    case JsonFieldKind::kString: return "string:" + f.value;
    case JsonFieldKind::kNumber: return "number";
    case JsonFieldKind::kOther: return "other";
  }
  return "?";
}

// Checks the scanner on `line` against nlohmann; returns whether the scanner took it.
bool CheckAgainstReference(const std::string& line) {
  JsonLineFields fields;
  const bool taken = ScanJsonLine(line, &fields);
  if (!taken) return false;
  const nlohmann::json obj = nlohmann::json::parse(line, nullptr, false);
  EXPECT_FALSE(obj.is_discarded()) << "the scanner took a line the parser rejects: " << line;
  EXPECT_TRUE(obj.is_object()) << line;
  if (!obj.is_object()) return true;
  const std::pair<const char*, const JsonField*> keys[] = {
      {"id", &fields.id},   {"title", &fields.title}, {"date", &fields.date},
      {"published", &fields.published}, {"url", &fields.url}, {"source", &fields.source},
      {"text", &fields.text}};
  for (const auto& [key, field] : keys) {
    EXPECT_EQ(Scanned(*field), Reference(obj, key)) << key << " in " << line;
  }
  return true;
}

struct ScanCase {
  const char* name;
  std::string line;
  bool taken;  // the scanner handles it itself
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const ScanCase& c, std::ostream* os) { *os << c.name; }

class JsonFieldsTest : public ::testing::TestWithParam<ScanCase> {};

TEST_P(JsonFieldsTest, MatchesTheParser) {
  EXPECT_EQ(CheckAgainstReference(GetParam().line), GetParam().taken) << GetParam().line;
}

const ScanCase kScanCases[] = {
    {"plain", R"({"id":"a","text":"Hello."})", true},
    {"spaces", " {\t\"text\" : \"x\" ,\r\n \"url\":null } ", true},
    {"escapes", R"({"text":"a\"b\\c\/d\b\f\n\r\t"})", true},
    {"unicode_escape", R"({"text":"caf\u00e9 \u201cq\u201d"})", true},
    {"surrogate_pair", R"({"text":"\ud83d\ude00"})", true},
    {"nul_escape", R"({"text":"a\u0000b"})", true},
    {"raw_utf8", "{\"text\":\"caf\xC3\xA9 \xE2\x80\x9C\"}", true},
    {"duplicate_last_wins", R"({"text":"one","text":"two"})", true},
    {"ignored_values", R"({"n":-1.5,"z":0,"a":[1,[true,false],{"b":null}],"o":{},"text":"t"})", true},
    {"null_and_other", R"({"title":null,"date":true,"source":[],"text":"t"})", true},
    {"empty_object", "{}", true},
    {"number_in_read_field", R"({"id":12,"text":"t"})", false},
    {"exponent", R"({"x":1e999,"text":"t"})", false},
    {"escaped_key", R"({"t\u0065xt":"t"})", false},
    {"bom", "\xEF\xBB\xBF{\"text\":\"t\"}", false},
    {"lone_high_surrogate", R"({"text":"\ud83d x"})", false},
    {"lone_low_surrogate", R"({"text":"\ude00"})", false},
    {"bad_escape", R"({"text":"\x"})", false},
    {"raw_control", "{\"text\":\"a\tb\"}", false},
    {"invalid_utf8", "{\"text\":\"\xC3\x28\"}", false},
    {"overlong_utf8", "{\"text\":\"\xC0\xAF\"}", false},
    {"truncated", R"({"text":"abc)", false},
    {"trailing_comma", R"({"text":"t",})", false},
    {"trailing_garbage", R"({"text":"t"} x)", false},
    {"two_objects", R"({"text":"t"}{})", false},
    {"array_top", R"(["text"])", false},
    {"leading_zero", R"({"n":01,"text":"t"})", false},
    {"bare_minus", R"({"n":-,"text":"t"})", false},
    {"bad_literal", R"({"n":tru,"text":"t"})", false},
    {"single_quotes", R"({'text':'t'})", false},
    {"too_deep", std::string("{\"a\":") + std::string(70, '[') + std::string(70, ']') + "}", false},
};

INSTANTIATE_TEST_SUITE_P(Cases, JsonFieldsTest, ::testing::ValuesIn(kScanCases),
                         [](const auto& info) { return std::string(info.param.name); });

// Random edits of valid lines (dropped, repeated and foreign bytes) must never make the
// scanner disagree with the parser.
TEST(JsonFieldsTest, MutatedLinesAgreeWithTheParser) {
  const std::vector<std::string> seeds = {
      R"({"id":"x1","title":"T \"q\"","date":"2020-01-02","text":"A\nB \u00e9 \ud83d\ude00","n":[1,2.5,{"k":null}]})",
      "{\"url\":\"http://e.com/a\",\"source\":\"S\",\"text\":\"caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D\"}",
      R"({"published":"x","text":"","title":null,"o":{"text":"inner"}})"};
  const std::string foreign = "{}[]\",:\\u0e9Ex-. \n\x01\x80\xC3\xFF";
  std::mt19937 rng(7);
  int taken = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line = seeds[rng() % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !line.empty(); ++e) {
      const size_t at = rng() % line.size();
      switch (rng() % 3) {
        case 0: line.erase(at, 1 + rng() % 3); break;
        case 1: line.insert(at, line.substr(at, 1 + rng() % 4)); break;
        default: line.insert(at, 1, foreign[rng() % foreign.size()]); break;
      }
    }
    taken += CheckAgainstReference(line) ? 1 : 0;
  }
  EXPECT_GT(taken, 100) << "some edits keep the line valid; the scanner must take those";
}

// Every Wikinews line is read by the scanner itself, with the parser's fields.
TEST(JsonFieldsTest, WikinewsLinesAreTakenAndMatch) {
  PARLEY_REQUIRE_SHARED_DATA();
  std::ifstream in(parley::testing::SharedDataDir() + "/wikinews/wikinews-2019-2021.jsonl");
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    EXPECT_TRUE(CheckAgainstReference(line)) << "line " << lines;
  }
  EXPECT_EQ(lines, 295);
}

}  // namespace
}  // namespace parley::ingest
