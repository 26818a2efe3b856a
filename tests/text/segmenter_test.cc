// Sentence splitting, table-driven: abbreviations news uses, initials, "a.m.", quotations
// running over sentence ends, headlines without a full stop, paragraphs, and the invariants
// every split must keep (offsets inside the text, in order, on token boundaries).
#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::text {
namespace {

std::vector<std::string> Sentences(std::string_view text, const TextLayer& layer) {
  std::vector<std::string> out;
  for (const auto& s : layer.sentences) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

// Invariants of any split.
void ExpectWellFormed(std::string_view text, const TextLayer& layer) {
  uint32_t last_end = 0, last_token = 0, last_paragraph = 0;
  for (const auto& s : layer.sentences) {
    EXPECT_LE(last_end, s.start);
    EXPECT_LT(s.start, s.end);
    EXPECT_LE(s.end, text.size());
    EXPECT_EQ(s.first_token, last_token);
    EXPECT_LT(s.first_token, s.end_token);
    EXPECT_LE(s.end_token, layer.tokens.size());
    EXPECT_EQ(layer.tokens[s.first_token].start, s.start);
    EXPECT_EQ(layer.tokens[s.end_token - 1].end, s.end);
    EXPECT_GE(s.paragraph, last_paragraph);
    last_end = s.end;
    last_token = s.end_token;
    last_paragraph = s.paragraph;
  }
  EXPECT_EQ(last_token, layer.tokens.size());
  for (const auto& t : layer.tokens) {
    EXPECT_LT(t.start, t.end);
    EXPECT_LE(t.end, text.size());
  }
}

struct SplitCase {
  const char* name;
  std::string text;
  std::vector<std::string> want;
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const SplitCase& c, std::ostream* os) { *os << c.name; }

class SegmenterTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SegmenterTest, Splits) {
  const SplitCase& c = GetParam();
  TextLayer layer = Segment(c.text);
  EXPECT_EQ(Sentences(c.text, layer), c.want);
  ExpectWellFormed(c.text, layer);
}

const SplitCase kSplitCases[] = {
    {"two_plain", "The talks stalled. Moscow blamed Washington.",
     {"The talks stalled.", "Moscow blamed Washington."}},
    {"month_abbreviation", "Talks began on Feb. 27 in Istanbul. A second round followed.",
     {"Talks began on Feb. 27 in Istanbul.", "A second round followed."}},
    {"us_before_name", "U.S. President Donald Trump spoke. He was angry.",
     {"U.S. President Donald Trump spoke.", "He was angry."}},
    {"us_at_sentence_end", "The sanctions hit the U.S. The Kremlin did not comment.",
     {"The sanctions hit the U.S.", "The Kremlin did not comment."}},
    {"us_mid_sentence_before_capital", "Flights between Russia and the U.S. Congress discussed were cut.",
     {"Flights between Russia and the U.S. Congress discussed were cut."}},
    {"titles", "Gen. Mark Milley met Sen. Lindsey Graham and Mr. Smith. They talked.",
     {"Gen. Mark Milley met Sen. Lindsey Graham and Mr. Smith.", "They talked."}},
    {"more_titles", "Dr. Jones and Gov. Newsom spoke with Rep. Omar. It ended.",
     {"Dr. Jones and Gov. Newsom spoke with Rep. Omar.", "It ended."}},
    {"number_abbreviation", "He lives at No. 5 Downing St. in London. No. The other one.",
     {"He lives at No. 5 Downing St. in London.", "No.", "The other one."}},
    {"initials", "John F. Kennedy was shot. Harry S. Truman was not.",
     {"John F. Kennedy was shot.", "Harry S. Truman was not."}},
    {"am_pm", "The blast came at 10 a.m. Monday. Police arrived at 3 p.m. They stayed.",
     {"The blast came at 10 a.m. Monday.", "Police arrived at 3 p.m.", "They stayed."}},
    {"quote_runs_on", "\"Where are the talks going?\" he asked. Nobody answered.",
     {"\"Where are the talks going?\" he asked.", "Nobody answered."}},
    {"curly_quote_runs_on",
     "\xE2\x80\x9CWe will respond!\xE2\x80\x9D said Peskov. Talks ended.",
     {"\xE2\x80\x9CWe will respond!\xE2\x80\x9D said Peskov.", "Talks ended."}},
    {"quote_two_sentences_inside",
     "\"So far it is going nowhere. We want more,\" Peskov said. Then he left.",
     {"\"So far it is going nowhere.", "We want more,\" Peskov said.", "Then he left."}},
    {"closing_quote_after_stop", "He said \"the talks are over.\" Then he left.",
     {"He said \"the talks are over.\"", "Then he left."}},
    {"headline_without_stop", "Kremlin Says Talks Going Nowhere Fast\nThe Kremlin said Tuesday.",
     {"Kremlin Says Talks Going Nowhere Fast", "The Kremlin said Tuesday."}},
    {"paragraphs", "First paragraph.\n\n\nSecond paragraph.\n\nThird one",
     {"First paragraph.", "Second paragraph.", "Third one"}},
    {"broken_line_continues", "He said he may impose\nsecondary tariffs on Russia. Done.",
     {"He said he may impose\nsecondary tariffs on Russia.", "Done."}},
    {"decimal_numbers", "Growth was 2.5 percent in 2019. It fell to 1.1.",
     {"Growth was 2.5 percent in 2019.", "It fell to 1.1."}},
    {"ellipsis", "He paused... Then he spoke again.", {"He paused...", "Then he spoke again."}},
    {"question_exclamation", "Why now? Because! Fine.", {"Why now?", "Because!", "Fine."}},
    {"lower_case_after_stop_continues", "The U.N. said e.g. aid would flow. Fine.",
     {"The U.N. said e.g. aid would flow.", "Fine."}},
    {"brackets", "Peskov said [relations with the U.S.] are stalled. Fine.",
     {"Peskov said [relations with the U.S.] are stalled.", "Fine."}},
    {"non_latin", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82. \xD0\x9C\xD0\xB8\xD1\x80.",
     {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82.", "\xD0\x9C\xD0\xB8\xD1\x80."}},
    {"empty", "", {}},
    {"only_spaces", "  \n\n \t ", {}},
    {"no_final_stop", "The talks stalled", {"The talks stalled"}},
};

INSTANTIATE_TEST_SUITE_P(Cases, SegmenterTest, ::testing::ValuesIn(kSplitCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(SegmenterTest, ParagraphIndexes) {
  const std::string text = "One. Two.\n\nThree.\n\nFour.";
  TextLayer layer = Segment(text);
  ASSERT_EQ(layer.sentences.size(), 4u);
  EXPECT_EQ(layer.sentences[0].paragraph, 0u);
  EXPECT_EQ(layer.sentences[1].paragraph, 0u);
  EXPECT_EQ(layer.sentences[2].paragraph, 1u);
  EXPECT_EQ(layer.sentences[3].paragraph, 2u);
}

// Odd inputs still give well-formed layers (the fuzz target checks the same at scale).
TEST(SegmenterTest, OddInputsAreWellFormed) {
  const std::vector<std::string> inputs = {
      std::string("a\0b. c", 6), "\xFF\xFE. \xC3", ". . . .", "\"\"\"\" ''''", "U.S.U.S.U.S.",
      std::string(10000, '.'), std::string(5000, '\n'), "\xE0\xA5\xA8\xE0\xA5\xA6 ok",
      "e\xCC\x81\xCC\x81\xCC\x81", "Mr. Mr. Mr. Mr."};
  for (const auto& s : inputs) {
    TextLayer layer = Segment(s);
    ExpectWellFormed(s, layer);
  }
}

}  // namespace
}  // namespace parley::text
