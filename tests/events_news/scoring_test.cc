// The one-to-one matching of eval/events/scoring.h, shared by score_events and score_news:
// compound gold sides, expansions that are not false events, empty sides, and the pairing of
// events of the same sentence first.
#include "scoring.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using parley::eval::Counts;
using parley::eval::GoldEvent;
using parley::eval::Mode;
using parley::eval::Predicted;

struct Case {
  const char* what;
  std::vector<GoldEvent> gold;
  std::vector<Predicted> pred;
  Mode mode;
  int tp, fp, fn;
};

TEST(EventsScoringTest, CountsFollowTheConvention) {
  const std::vector<Case> cases = {
      {"exact match", {{{"USA"}, {"IRN"}, "11"}}, {{"USA", "IRN", "11", "blamed"}}, Mode::kFull, 1, 0, 0},
      {"wrong root is a false event and a miss", {{{"USA"}, {"IRN"}, "11"}}, {{"USA", "IRN", "16", "banned"}},
       Mode::kFull, 0, 1, 1},
      {"wrong root still matches dyad-only", {{{"USA"}, {"IRN"}, "11"}}, {{"USA", "IRN", "16", "banned"}},
       Mode::kDyadOnly, 1, 0, 0},
      {"wrong target still matches type-only", {{{"USA"}, {"IRN"}, "11"}}, {{"USA", "SYR", "11", "blamed"}},
       Mode::kTypeOnly, 1, 0, 0},
      {"swapped dyad is no match", {{{"USA"}, {"IRN"}, "11"}}, {{"IRN", "USA", "11", "blamed"}}, Mode::kFull, 0,
       1, 1},
      {"a compound side is matched by any member; the other expansion is not false",
       {{{"IRQ"}, {"ISR", "USA"}, "11"}},
       {{"IRQ", "USA", "11", "blamed"}, {"IRQ", "ISR", "11", "blamed"}},
       Mode::kFull, 1, 0, 0},
      {"an empty gold side accepts anything", {{{}, {"TUR"}, "11"}}, {{"GRC", "TUR", "11", "criticism"}},
       Mode::kFull, 1, 0, 0},
      {"one phrase towards two actors of one country is one event",
       {{{"RUS"}, {"UKR"}, "11"}},
       {{"RUS", "UKR", "11", "condemned"}, {"RUS", "UKR", "11", "condemned"}},
       Mode::kFull, 1, 0, 0},
      {"two phrases towards one country are two events",
       {{{"RUS"}, {"UKR"}, "11"}},
       {{"RUS", "UKR", "11", "condemned"}, {"RUS", "UKR", "11", "denounced"}},
       Mode::kFull, 1, 1, 0},
      {"the same phrase in two sentences is two events",
       {{{"RUS"}, {"UKR"}, "11", 0}},
       {{"RUS", "UKR", "11", "condemned", 0}, {"RUS", "UKR", "11", "condemned", 2}},
       Mode::kFull, 1, 1, 0},
      {"a compound's expansion told in another sentence is a false event",
       {{{"IRQ"}, {"ISR", "USA"}, "11", 1}},
       {{"IRQ", "USA", "11", "blamed", 1}, {"IRQ", "ISR", "11", "blamed", 4}},
       Mode::kFull, 1, 1, 0},
      {"no gold: every prediction is false", {}, {{"DEU", "FRA", "04", "met"}}, Mode::kFull, 0, 1, 0},
      {"no prediction: every gold event is missed", {{{"DEU"}, {"FRA"}, "04"}, {{"FRA"}, {"DEU"}, "04"}}, {},
       Mode::kFull, 0, 0, 2},
  };
  for (const Case& c : cases) {
    Counts counts;
    parley::eval::Score(c.gold, c.pred, c.mode, &counts);
    EXPECT_EQ(counts.tp, c.tp) << c.what;
    EXPECT_EQ(counts.fp, c.fp) << c.what;
    EXPECT_EQ(counts.fn, c.fn) << c.what;
  }
}

TEST(EventsScoringTest, EventsOfTheSameSentencePairFirst) {
  // The same dyad and root told in sentences 0 and 3; parley coded only sentence 3. The
  // prediction pairs with the gold event of its own sentence, so the listing shows sentence 0
  // as the miss.
  GoldEvent told_first{{"USA"}, {"IRN"}, "11", 0};
  GoldEvent told_again{{"USA"}, {"IRN"}, "11", 3};
  Predicted coded{"USA", "IRN", "11", "blaming", 3};
  Counts counts;
  auto a = parley::eval::Score({told_first, told_again}, {coded}, Mode::kFull, &counts);
  EXPECT_EQ(counts.tp, 1);
  EXPECT_EQ(counts.fn, 1);
  ASSERT_EQ(a.used_gold.size(), 2u);
  EXPECT_FALSE(a.used_gold[0]);
  EXPECT_TRUE(a.used_gold[1]);
}

TEST(EventsScoringTest, PrecisionRecallAndF1) {
  Counts c;
  c.tp = 3;
  c.fp = 1;
  c.fn = 3;
  EXPECT_DOUBLE_EQ(c.P(), 0.75);
  EXPECT_DOUBLE_EQ(c.R(), 0.5);
  EXPECT_DOUBLE_EQ(c.F(), 0.6);
  EXPECT_DOUBLE_EQ(Counts{}.F(), 0.0);  // nothing predicted, nothing gold: no division by zero
}

}  // namespace
