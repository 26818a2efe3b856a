// Sentence break candidates: the fast rules against ICU's BreakIterator (the reference).
// Table-driven cases for each rule of UAX #29 that the fast path applies, a differential test
// on random strings over the characters the rules care about, and one on every paragraph of
// the Wikinews corpus (which must also go through the fast path, or it would be no faster).
#include "text/sentence_breaks.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "common/testing.h"
#include "parley/ingest.h"

namespace parley::text {
namespace {

std::vector<uint32_t> Icu(std::string_view s) {
  std::vector<uint32_t> cuts;
  IcuSentenceBreaks(s, 0, static_cast<uint32_t>(s.size()), &cuts);
  return cuts;
}

// The fast rules' cuts, or {-1} when they hand the text back.
std::vector<uint32_t> Fast(std::string_view s) {
  std::vector<uint32_t> cuts;
  if (!FastSentenceBreaks(s, 0, static_cast<uint32_t>(s.size()), &cuts)) return {UINT32_MAX};
  return cuts;
}

struct BreakCase {
  const char* name;
  std::string text;
  std::vector<uint32_t> want;  // boundaries, the end of the text last
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const BreakCase& c, std::ostream* os) { *os << c.name; }

class SentenceBreaksTest : public ::testing::TestWithParam<BreakCase> {};

TEST_P(SentenceBreaksTest, FastAndIcuAgree) {
  const BreakCase& c = GetParam();
  EXPECT_EQ(Icu(c.text), c.want) << "the reference moved: " << c.text;
  EXPECT_EQ(Fast(c.text), c.want) << c.text;
}

const BreakCase kBreakCases[] = {
    {"plain", "It rained. We left.", {11, 19}},
    {"question_exclamation", "Why? Now! Go.", {5, 10, 13}},
    {"sb6_numeric", "Up 3.5 points. Then", {15, 19}},
    {"sb7_upper_aterm_upper", "The U.S.A. is big. Yes", {19, 22}},
    {"sb8_lower_follows", "See e.g. the rest. Ok", {19, 21}},
    {"sb8_through_punct", "He said so. (and left) Ok", {25}},
    {"sb8_not_after_stop", "Really? he asked. Ok", {8, 18, 20}},
    {"sb8a_continue", "The end., said he. Ok", {19, 21}},
    {"sb8a_terms", "What?! No.", {7, 10}},
    {"close_then_space", "He said \"Go.\" Then left.", {14, 24}},
    {"paragraph_separator", "One\ntwo. \nThree", {4, 10, 15}},
    {"curly_close", "It ended.\xE2\x80\x9D Then", {13, 17}},
    {"non_ascii_letters", "\xC3\x89t\xC3\xA9. \xC3\x89t\xC3\xA9", {7, 12}},
    {"sb5_extend_after_term", "No.\xCC\x81 Then", {6, 10}},
    {"sb5_zwj_in_word", "A\xE2\x80\x8D. B", {6, 7}},
    {"sb5_extend_after_separator", "A.\n\xCC\x81x", {3, 6}},
    {"no_terminator", "no stop here", {12}},
    {"terminator_at_end", "Stop.", {5}},
    {"ellipsis_is_no_terminator", "Wait\xE2\x80\xA6 Then", {12}},
};

INSTANTIATE_TEST_SUITE_P(Cases, SentenceBreaksTest, ::testing::ValuesIn(kBreakCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(SentenceBreaksTest, UncoveredCharactersGoToIcu) {
  for (std::string s : {"cr\r\nlf. B", "bad \xFF. B", "cut \xE2\x80"}) {
    std::vector<uint32_t> cuts = {7};
    EXPECT_FALSE(FastSentenceBreaks(s, 0, static_cast<uint32_t>(s.size()), &cuts)) << s;
    EXPECT_EQ(cuts, std::vector<uint32_t>{7}) << "cuts must be left as they were";
    std::vector<uint32_t> routed;
    SentenceBreaks(s, 0, static_cast<uint32_t>(s.size()), &routed);
    EXPECT_EQ(routed, Icu(s)) << s;
  }
}

TEST(SentenceBreaksTest, RangesAreOffsetsIntoTheWholeText) {
  const std::string s = "xx. Aa. Bb. yy";
  std::vector<uint32_t> fast, icu;
  ASSERT_TRUE(FastSentenceBreaks(s, 4, 11, &fast));
  IcuSentenceBreaks(s, 4, 11, &icu);
  EXPECT_EQ(fast, icu);
  EXPECT_EQ(fast, (std::vector<uint32_t>{8, 11}));
}

// Random strings over the characters that matter to the rules: every class, several members.
TEST(SentenceBreaksTest, RandomStringsMatchIcu) {
  const std::vector<std::string> alphabet = {
      "a", "b", "Z", "Q", "1", "0", ".", ".", "?", "!", " ", " ", "\t", "\n", ",", ";", ":", "-",
      "\"", "'", "(", ")", "[", "]", "$", "%", "&", "*", "/",
      "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\x94", "\xE2\x80\x93",  // “ ” ’ — –
      "\xE2\x80\xA6", "\xC2\xA0", "\xC3\xA9", "\xC3\x89", "\xC2\xAB", "\xC2\xBB",     // … nbsp é É « »
      "\xE3\x80\x82", "\xEF\xBC\x8E", "\xD8\x9F", "\xE4\xB8\xAD", "\xE2\x80\xA8",    // 。 ． ؟ 中 LS
      "\xEF\xBC\x8C", "\xE3\x80\x81", "\xC2\xB9", "\xE2\x80\xA2",                   // ， 、 ¹ •
      "\xCC\x81", "\xE2\x80\x8D", "\xC2\xAD", "\xE2\x80\x8B", "\xEF\xBB\xBF"};  // Extend, Format
  std::mt19937 rng(20251124);
  int covered = 0;
  const int kStrings = 20000;
  for (int n = 0; n < kStrings; ++n) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) s += alphabet[rng() % alphabet.size()];
    std::vector<uint32_t> fast;
    if (!FastSentenceBreaks(s, 0, static_cast<uint32_t>(s.size()), &fast)) continue;
    ++covered;
    ASSERT_EQ(fast, Icu(s)) << "text: \"" << s << "\"";
  }
  EXPECT_EQ(covered, kStrings) << "every character of this alphabet is covered";
}

// Every Wikinews document, whole (so with its paragraph separators): the same cuts, and
// (almost) all by the fast rules.
TEST(SentenceBreaksTest, WikinewsDocumentsMatchIcu) {
  PARLEY_REQUIRE_SHARED_DATA();
  std::ifstream in(parley::testing::SharedDataDir() + "/wikinews/wikinews-2019-2021.jsonl");
  std::string line;
  size_t docs = 0, covered = 0, line_number = 0;
  while (std::getline(in, line)) {
    const Document doc = ingest::ReadJsonLine(line, "wikinews.jsonl", ++line_number);
    const auto size = static_cast<uint32_t>(doc.text.size());
    std::vector<uint32_t> fast, icu;
    IcuSentenceBreaks(doc.text, 0, size, &icu);
    if (FastSentenceBreaks(doc.text, 0, size, &fast)) {
      ++covered;
      ASSERT_EQ(fast, icu) << doc.id;
    }
    ++docs;
  }
  ASSERT_GT(docs, 200u);
  EXPECT_GE(covered * 100, docs * 95) << covered << " of " << docs << " documents";
}

}  // namespace
}  // namespace parley::text
