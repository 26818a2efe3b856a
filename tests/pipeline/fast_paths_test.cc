// The pipeline's fast paths give what the general code gives: the JSONL reader's
// "YYYY-MM-DD" shortcut against ParsePublicationDate, and the quotation finder's cue lookup by
// Token::key against the lookup by norm, over every token of the development texts.
#include <gtest/gtest.h>

#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "common/testing.h"
#include "extract/quotes/cue_words.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

namespace parley {
namespace {

struct DateCase {
  const char* date;
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << c.date; }

class JsonlDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(JsonlDateTest, SameAsTheGeneralParser) {
  const std::string line = std::string(R"({"text": "Talks resumed.", "date": ")") + GetParam().date + "\"}";
  const Document doc = ingest::ReadJsonLine(line, "t.jsonl", 1);
  const auto want = ingest::ParsePublicationDate(GetParam().date);
  EXPECT_EQ(doc.published, want);
  bool bad_date = false;
  for (const auto& e : doc.errors) bad_date = bad_date || e.code == "bad_date";
  EXPECT_EQ(bad_date, !want.has_value());
}

INSTANTIATE_TEST_SUITE_P(
    Dates, JsonlDateTest,
    ::testing::Values(DateCase{"2025-07-29"}, DateCase{"2000-01-01"}, DateCase{"2024-02-29"},
                      DateCase{"2023-02-29"}, DateCase{"2025-13-01"}, DateCase{"2025-00-10"},
                      DateCase{"2025-04-31"}, DateCase{"0999-12-31"}, DateCase{"0000-01-01"},
                      DateCase{"9999-12-31"}, DateCase{"2025/07/29"}, DateCase{"2025-7-29"},
                      DateCase{"2025-07-29T10:00:00Z"}, DateCase{"29 July 2025"}, DateCase{"20x5-07-29"},
                      DateCase{" 2025-07-29"}, DateCase{"2025-07-2a"}));

// Every token of a corpus: the keyed table and the map by norm agree on every field.
TEST(CueLookupTest, ByKeyEqualsByNorm) {
  PARLEY_REQUIRE_SHARED_DATA();
  std::ifstream in(testing::SharedDataDir() + "/wikinews/wikinews-2019-2021.jsonl");
  ASSERT_TRUE(in.good());
  size_t cues = 0, tokens = 0;
  std::string line;
  for (uint64_t n = 1; std::getline(in, line) && n <= 60; ++n) {
    const Document doc = ingest::ReadJsonLine(line, "wikinews", n);
    const TextLayer layer = text::Segment(doc.text);
    std::vector<extract::quotes::CueInfo> batch;
    extract::quotes::LookupCues(layer.tokens, &batch);
    ASSERT_EQ(batch.size(), layer.tokens.size());
    for (size_t i = 0; i < layer.tokens.size(); ++i) {
      const extract::quotes::CueInfo want = extract::quotes::LookupCue(layer.tokens[i].norm);
      const extract::quotes::CueInfo got = extract::quotes::LookupCue(layer.tokens[i]);
      ASSERT_EQ(got.cls, want.cls) << layer.tokens[i].norm;
      ASSERT_EQ(got.invertible, want.invertible) << layer.tokens[i].norm;
      ASSERT_EQ(got.participle, want.participle) << layer.tokens[i].norm;
      ASSERT_EQ(got.takes_object, want.takes_object) << layer.tokens[i].norm;
      ASSERT_EQ(got.quote_only, want.quote_only) << layer.tokens[i].norm;
      ASSERT_EQ(got.reports, want.reports) << layer.tokens[i].norm;
      ASSERT_EQ(batch[i].cls, want.cls);
      cues += want.cls != extract::quotes::CueClass::kNone;
      ++tokens;
    }
  }
  EXPECT_GT(tokens, 10000u);
  EXPECT_GT(cues, 100u);  // the comparison saw cue words, not only other words
}

}  // namespace
}  // namespace parley
