// The cheap gates of the time recognizer against the exact tests they stand in front of
// (differential tests of a fast filter against the slow reference): the per-document gate over
// Token::key and hyphens (GateTokens) must let through every token the exact test calls
// strong, so that MarkStrong over the gated tokens marks exactly what it marks over all
// tokens; MayBeWeakTrigger and MayBeTenseCue must never turn away a weak trigger or a tense
// cue. Checked on crafted sentences and, when ../shared/data is present, on every token of
// the Wikinews corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#include "common/testing.h"
#include "extract/times/recognizer.h"
#include "extract/times/time_words.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

namespace parley::extract::times {
namespace {

// Counts of what was checked, so that a test can tell it checked something.
struct Checked {
  size_t tokens = 0, strong = 0, weak = 0, cues = 0, known = 0;
};

// The lookups by Token::key must answer as the lookups by norm do, for every token.
void CheckKeyLookups(const Token& t, Checked* c) {
  const std::string_view norm = t.norm;
  const WordFacts a = FactsOf(t), b = FactsOf(norm);
  EXPECT_EQ(a.month, b.month) << norm;
  EXPECT_EQ(a.weekday, b.weekday) << norm;
  EXPECT_EQ(a.ordinal, b.ordinal) << norm;
  EXPECT_EQ(a.count, b.count) << norm;
  EXPECT_EQ(a.unit, b.unit) << norm;
  EXPECT_EQ(a.hyphen, b.hyphen) << norm;
  EXPECT_EQ(TriggerOf(t), TriggerOf(norm)) << norm;
  EXPECT_EQ(IsStrongTrigger(t), IsStrongTrigger(norm)) << norm;
  EXPECT_EQ(TenseCueOf(t), TenseCueOf(norm)) << norm;
  EXPECT_EQ(MonthOf(t), MonthOf(norm)) << norm;
  EXPECT_EQ(WeekdayOf(t), WeekdayOf(norm)) << norm;
  EXPECT_EQ(CountOf(t), CountOf(norm)) << norm;
  EXPECT_EQ(OrdinalOf(t), OrdinalOf(norm)) << norm;
  bool plural_a = false, plural_b = false;
  EXPECT_EQ(UnitOf(t, &plural_a), UnitOf(norm, &plural_b)) << norm;
  EXPECT_EQ(plural_a, plural_b) << norm;
  c->known += MonthOf(norm) > 0 || WeekdayOf(norm) > 0 || CountOf(norm) >= 0 ||
              OrdinalOf(norm) > 0 || UnitOf(norm).has_value();
}

// The searches for the verb around an expression (Next/PrevMayBeTenseCue) from every token of
// a sentence: each lands on a token MayBeTenseCue lets through, with none such in between.
void CheckCueSearch(const std::vector<Token>& tokens, const Sentence& s) {
  for (uint32_t k = s.first_token; k <= s.end_token; ++k) {
    const uint32_t next = NextMayBeTenseCue(tokens, k, s.end_token);
    ASSERT_GE(next, k);
    ASSERT_LE(next, s.end_token);
    if (next < s.end_token) {
      EXPECT_TRUE(MayBeTenseCue(tokens[next])) << tokens[next].norm;
    }
    for (uint32_t p = k; p < next; ++p) EXPECT_FALSE(MayBeTenseCue(tokens[p])) << tokens[p].norm;
    const uint32_t prev = PrevMayBeTenseCue(tokens, s.first_token, k);
    const uint32_t after = prev == kNoCue ? s.first_token : prev + 1;
    if (prev != kNoCue) {
      ASSERT_GE(prev, s.first_token);
      ASSERT_LT(prev, k);
      EXPECT_TRUE(MayBeTenseCue(tokens[prev])) << tokens[prev].norm;
    }
    for (uint32_t p = after; p < k; ++p) EXPECT_FALSE(MayBeTenseCue(tokens[p])) << tokens[p].norm;
  }
}

// Compares the gated MarkStrong with the ungated one for each sentence, and the key gates
// with the exact lookups for each token; returns what it checked.
Checked CheckText(const std::string& text) {
  Checked c;
  const TextLayer layer = text::Segment(text);
  std::vector<uint32_t> buffer;
  const std::span<const uint32_t> gated = GateTokens(text, layer.tokens, &buffer);
  for (const Sentence& s : layer.sentences) {
    const uint32_t n = s.end_token - s.first_token;
    std::vector<uint32_t> all(n);
    std::iota(all.begin(), all.end(), s.first_token);
    std::vector<uint32_t> mine;
    for (uint32_t k : gated) {
      if (k >= s.first_token && k < s.end_token) mine.push_back(k);
    }
    std::vector<uint8_t> want(n), got(n);
    const bool any_want = MarkStrong(layer.tokens, s.first_token, s.end_token, all, want.data());
    const bool any_got = MarkStrong(layer.tokens, s.first_token, s.end_token, mine, got.data());
    EXPECT_EQ(any_got, any_want) << text.substr(s.start, s.end - s.start);
    EXPECT_EQ(got, want) << text.substr(s.start, s.end - s.start);
    for (uint8_t w : want) c.strong += w;
    CheckCueSearch(layer.tokens, s);
  }
  for (const Token& t : layer.tokens) {
    ++c.tokens;
    CheckKeyLookups(t, &c);
    if (TriggerOf(t.norm) == 1) {
      ++c.weak;
      EXPECT_TRUE(MayBeWeakTrigger(t)) << t.norm;
    }
    if (TenseCueOf(t.norm) != 0 || t.norm == "to" || t.norm == "set") {
      ++c.cues;
      EXPECT_TRUE(MayBeTenseCue(t)) << t.norm;
    }
  }
  return c;
}

struct Case {
  const char* text;
  size_t min_strong;  // strong triggers the sentence holds at least
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.text; }

class GateTest : public ::testing::TestWithParam<Case> {};

TEST_P(GateTest, GatedMarkingEqualsTheExactOne) {
  const Checked c = CheckText(GetParam().text);
  EXPECT_GE(c.strong, GetParam().min_strong);
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, GateTest,
    ::testing::Values(
        Case{"Trump said Monday Russia had 10 to 12 days to end the war.", 3},
        Case{"The two-day summit in mid-August followed a third-quarter slump.", 3},
        Case{"Talks resumed on Feb. 27, 2025 and again on April 10 at 5 p.m.", 4},
        Case{"In the 1990s, 250,000 people fled; 5 people died in 2016-18.", 2},
        Case{"He may march on, the Fall collection was handed to Tues. buyers.", 1},
        Case{"Nothing here: the minister is to resume talks set for later.", 0},
        Case{"Twenty-five years ago, the year-earlier quarter was weak -- very weak.", 3},
        Case{"«Yesterday» she said \"tomorrow\" – twice a week, every Monday.", 4},
        Case{"On the 27th, the third of nine days, forty-two hours and 3 weeks in.", 4}));

// The gate's buffer is reused from text to text (grown, never cleared): a shorter text after a
// longer one must not see what the longer one left in it.
TEST(GateBufferTest, ReusedBufferGivesEachTextItsOwnAnswer) {
  const std::string texts[] = {
      "On Monday, 2019 and the two-day summit in mid-August ended; 5 p.m. Friday, too.",
      "Nothing to see here.",
      "A well-known twenty-five-year-old came in March.",
      "",
      "Sunday-"};
  std::vector<uint32_t> shared;
  for (const std::string& text : texts) {
    const TextLayer layer = text::Segment(text);
    std::vector<uint32_t> fresh;
    const std::span<const uint32_t> want = GateTokens(text, layer.tokens, &fresh);
    const std::span<const uint32_t> got = GateTokens(text, layer.tokens, &shared);
    EXPECT_EQ(std::vector<uint32_t>(got.begin(), got.end()),
              std::vector<uint32_t>(want.begin(), want.end()))
        << text;
    EXPECT_TRUE(std::is_sorted(got.begin(), got.end())) << text;
    EXPECT_EQ(std::adjacent_find(got.begin(), got.end()), got.end()) << text;  // no repeats
  }
}

TEST(GateCorpusTest, WikinewsTokensPassTheirGates) {
  PARLEY_REQUIRE_SHARED_DATA();
  std::ifstream in(testing::SharedDataDir() + "/wikinews/wikinews-2019-2021.jsonl");
  ASSERT_TRUE(in.good());
  Checked total;
  uint64_t n = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const Document doc = ingest::ReadJsonLine(line, "wikinews.jsonl", ++n);
    const Checked c = CheckText(doc.text);
    total.tokens += c.tokens, total.strong += c.strong, total.weak += c.weak, total.cues += c.cues;
    total.known += c.known;
  }
  EXPECT_GT(total.tokens, 100000u);
  EXPECT_GT(total.strong, 1000u);
  EXPECT_GT(total.weak, 1000u);
  EXPECT_GT(total.cues, 1000u);
  EXPECT_GT(total.known, 1000u);
}

// MatchFrom resets its answer with Found::Clear before each token it tries: a finding left
// half-written by a failed pattern must not leak into the next one.
TEST(FoundTest, ClearGivesADefaultFound) {
  Found f;
  f.first = 3, f.end = 7, f.type = "DATE", f.value = "2019-01-04", f.value_max = "P3D";
  f.relative = true, f.day = Day(date::days(17900)), f.limit = true;
  f.limit_min = 10, f.limit_max = 12, f.limit_unit = Unit::kYear, f.quarter_year = 2019;
  f.quarter = 3, f.clause_anchor = true, f.time_of_day = true, f.anchor_day = f.day;
  f.Clear();
  const Found want;
  EXPECT_EQ(f.first, want.first);
  EXPECT_EQ(f.end, want.end);
  EXPECT_EQ(f.type, want.type);
  EXPECT_EQ(f.value, want.value);
  EXPECT_EQ(f.value_max, want.value_max);
  EXPECT_EQ(f.relative, want.relative);
  EXPECT_EQ(f.day, want.day);
  EXPECT_EQ(f.limit, want.limit);
  EXPECT_EQ(f.limit_min, want.limit_min);
  EXPECT_EQ(f.limit_max, want.limit_max);
  EXPECT_EQ(f.limit_unit, want.limit_unit);
  EXPECT_EQ(f.quarter_year, want.quarter_year);
  EXPECT_EQ(f.quarter, want.quarter);
  EXPECT_EQ(f.clause_anchor, want.clause_anchor);
  EXPECT_EQ(f.time_of_day, want.time_of_day);
  EXPECT_EQ(f.anchor_day, want.anchor_day);
}

}  // namespace
}  // namespace parley::extract::times
