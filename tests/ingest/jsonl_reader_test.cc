// The JSONL reader: fields, ids, `date` vs `published`, numbers as ids, missing text,
// truncated lines, invalid UTF-8, deep nesting, and byte-identical text on clean input (all
// 295 Wikinews documents).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "common/testing.h"
#include "offset_check.h"
#include "parley/ingest.h"

namespace parley::ingest {
namespace {

bool HasError(const Document& d, std::string_view code) {
  for (const auto& e : d.errors)
    if (e.code == code) return true;
  return false;
}

struct LineCase {
  const char* name;
  std::string line;
  std::string id;
  std::optional<std::string> title, published, url, source;
  std::string text;
  bool unreadable = false;
  const char* error = nullptr;
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const LineCase& c, std::ostream* os) { *os << c.name; }

class JsonLineTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(JsonLineTest, Reads) {
  const LineCase& c = GetParam();
  Document doc = ReadJsonLine(c.line, "in.jsonl", 7);
  EXPECT_EQ(doc.id, c.id);
  EXPECT_EQ(doc.unreadable, c.unreadable);
  EXPECT_EQ(doc.text, c.text);
  if (!c.unreadable) {
    EXPECT_EQ(doc.title, c.title);
    EXPECT_EQ(doc.published, c.published);
    EXPECT_EQ(doc.url, c.url);
    EXPECT_EQ(doc.source, c.source);
  }
  if (c.error != nullptr) {
    EXPECT_TRUE(HasError(doc, c.error)) << c.error;
    for (const auto& e : doc.errors) EXPECT_FALSE(e.message.empty());
  }
  if (c.unreadable) {
    ASSERT_FALSE(doc.errors.empty());
    EXPECT_NE(doc.errors[0].message.find("line 7"), std::string::npos) << doc.errors[0].message;
  }
}

const LineCase kLineCases[] = {
    {"all_fields",
     R"({"id":"a1","title":"T","date":"2019-01-04","url":"https://x.org/a","source":"Wire","text":"Body."})",
     "a1", "T", "2019-01-04", "https://x.org/a", "Wire", "Body."},
    {"no_id_uses_path_and_line", R"({"text":"Body."})", "in.jsonl:7", std::nullopt, std::nullopt,
     std::nullopt, std::nullopt, "Body."},
    {"number_id", R"({"id":42,"text":"Body."})", "42", std::nullopt, std::nullopt, std::nullopt,
     std::nullopt, "Body."},
    {"empty_id_uses_path_and_line", R"({"id":"","text":"Body."})", "in.jsonl:7", std::nullopt,
     std::nullopt, std::nullopt, std::nullopt, "Body."},
    {"null_fields", R"({"id":null,"title":null,"date":null,"text":"Body."})", "in.jsonl:7",
     std::nullopt, std::nullopt, std::nullopt, std::nullopt, "Body."},
    {"published_instead_of_date", R"({"text":"Body.","published":"July 29, 2025"})", "in.jsonl:7",
     std::nullopt, "2025-07-29", std::nullopt, std::nullopt, "Body."},
    {"date_wins_over_published", R"({"text":"Body.","date":"2020-01-01","published":"2021-02-02"})",
     "in.jsonl:7", std::nullopt, "2020-01-01", std::nullopt, std::nullopt, "Body."},
    {"iso_datetime", R"({"text":"Body.","date":"2020-01-01T12:30:00Z"})", "in.jsonl:7", std::nullopt,
     "2020-01-01", std::nullopt, std::nullopt, "Body."},
    {"bad_date_is_a_warning", R"({"text":"Body.","date":"yesterday"})", "in.jsonl:7", std::nullopt,
     std::nullopt, std::nullopt, std::nullopt, "Body.", false, "bad_date"},
    {"extra_fields_ignored", R"({"text":"Body.","tags":["a",{"b":[1,2]}],"score":1.5})", "in.jsonl:7",
     std::nullopt, std::nullopt, std::nullopt, std::nullopt, "Body."},
    {"escapes_decoded", R"({"text":"Line\none \"q\" \u2019s \ud83d\ude00"})", "in.jsonl:7",
     std::nullopt, std::nullopt, std::nullopt, std::nullopt,
     "Line\none \"q\" \xE2\x80\x99s \xF0\x9F\x98\x80"},
    {"dirty_title_cleaned", R"({"text":"Body.","title":"AT&amp;T <b>wins</b>"})", "in.jsonl:7",
     "AT&T wins", std::nullopt, std::nullopt, std::nullopt, "Body."},
    {"empty_text", R"({"id":"e","text":""})", "e", std::nullopt, std::nullopt, std::nullopt,
     std::nullopt, "", false, "empty_document"},
    {"missing_text", R"({"id":"m","title":"T"})", "m", {}, {}, {}, {}, "", true, "missing_text"},
    {"text_not_string", R"({"id":"n","text":17})", "n", {}, {}, {}, {}, "", true, "missing_text"},
    {"truncated", R"({"id":"t","text":"Body that never ends)", "in.jsonl:7", {}, {}, {}, {}, "", true,
     "bad_json"},
    {"not_an_object", R"(["text","Body."])", "in.jsonl:7", {}, {}, {}, {}, "", true, "bad_json"},
    {"garbage", "not json at all", "in.jsonl:7", {}, {}, {}, {}, "", true, "bad_json"},
    {"deep_nesting", std::string(100000, '[') + std::string(100000, ']'), "in.jsonl:7", {}, {}, {}, {},
     "", true, "bad_json"},
    {"deep_nesting_in_field",
     R"({"text":"Body.","x":)" + std::string(5000, '{') + std::string(5000, '}') + "}", "in.jsonl:7",
     {}, {}, {}, {}, "", true, "bad_json"},
    {"brackets_inside_strings_are_not_nesting",
     R"({"text":")" + std::string(200, '[') + R"("})", "in.jsonl:7", std::nullopt, std::nullopt,
     std::nullopt, std::nullopt, std::string(200, '[')},
    {"invalid_utf8_replaced", "{\"id\":\"u\",\"text\":\"caf\xC3\xA9 \xFF ok\"}", "u", std::nullopt,
     std::nullopt, std::nullopt, std::nullopt, "caf\xC3\xA9 \xEF\xBF\xBD ok", false, "invalid_utf8"},
    {"layout_kept", R"({"text":"\n\nFriday, May 3, 2019\u00a0\n\n\nHe may\nimpose it.\n\nA caption. Photo: Reuters\n\n\n"})",
     "in.jsonl:7", std::nullopt, "2019-05-03", std::nullopt, std::nullopt,
     "\n\nFriday, May 3, 2019\xC2\xA0\n\n\nHe may\nimpose it.\n\nA caption. Photo: Reuters\n\n\n"},
    {"boilerplate_line_dropped", R"({"text":"One.\n\nRead more: elsewhere\n\nTwo."})", "in.jsonl:7",
     std::nullopt, std::nullopt, std::nullopt, std::nullopt, "One.\n\nTwo."},
    {"whitespace_only_text", R"({"id":"w","text":" \n\t\n"})", "w", std::nullopt, std::nullopt,
     std::nullopt, std::nullopt, "", false, "empty_document"},
    {"dirty_text_cleaned", R"({"text":"He <u>said</u> it&#8217;s over."})", "in.jsonl:7",
     std::nullopt, std::nullopt, std::nullopt, std::nullopt, "He said it\xE2\x80\x99s over."},
};

INSTANTIATE_TEST_SUITE_P(Cases, JsonLineTest, ::testing::ValuesIn(kLineCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(JsonLineTest, TextMapsBackToTheJsonString) {
  const std::string text = "He <u>said</u> caf&eacute; and <b>more</b>.\n\nNext  paragraph.";
  nlohmann::json obj = {{"text", text}};
  Document doc = ReadJsonLine(obj.dump(), "x.jsonl", 1);
  testing::ExpectWordsMapBack(text, doc.text, doc.raw_map);
}

// Every Wikinews document is clean: its text must come back byte for byte, with a map that is
// the identity, and nothing reported.
TEST(JsonLineTest, WikinewsTextIsByteIdentical) {
  PARLEY_REQUIRE_SHARED_DATA();
  std::ifstream in(testing::SharedDataDir() + "/wikinews/wikinews-2019-2021.jsonl");
  std::string line;
  size_t n = 0, identical = 0;
  while (std::getline(in, line)) {
    ++n;
    nlohmann::json obj = nlohmann::json::parse(line);
    const std::string want = obj["text"];
    Document doc = ReadJsonLine(line, "wikinews.jsonl", n);
    EXPECT_EQ(doc.id, obj["id"].get<std::string>());
    EXPECT_EQ(doc.title, obj["title"].get<std::string>());
    EXPECT_EQ(doc.published, obj["date"].get<std::string>());
    EXPECT_EQ(doc.url, obj["url"].get<std::string>());
    EXPECT_FALSE(doc.unreadable);
    if (doc.text == want) {
      ++identical;
      EXPECT_EQ(doc.raw_map.ToRaw(want.size() / 2), want.size() / 2) << doc.id;
    } else {
      ADD_FAILURE() << doc.id << ": text differs from the input (" << doc.text.size() << " vs "
                    << want.size() << " bytes)";
    }
  }
  EXPECT_EQ(n, 295u);
  EXPECT_EQ(identical, n);
}

}  // namespace
}  // namespace parley::ingest
