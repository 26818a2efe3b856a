// Lexicon::DayOf, CodeOnDay and InOfficeOnDay: the dense day-number table the actor stage reads
// must answer exactly what CodeOn and InOffice answer on the date strings, for every dated
// entry of the built-in dictionaries, on the boundaries of every range and on dates in no form
// the table reads.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "common/testing.h"
#include "parley/lexicon.h"

namespace parley::lexicon {
namespace {

TEST(LexiconDays, DayOfReadsOnlyIsoDates) {
  struct Case {
    const char* date;
    int32_t day;
  };
  const Case cases[] = {
      {"2019-01-04", 20190104},          {"1999-12-31", 19991231},           {"", Lexicon::kNoDay},
      {"2019-1-04", Lexicon::kTextDay},  {"2019-01-04T10", Lexicon::kTextDay}, {"2019/01/04", Lexicon::kTextDay},
      {"20a9-01-04", Lexicon::kTextDay}, {"2019-05", Lexicon::kTextDay},       {"0000-00-00", Lexicon::kTextDay},
  };
  for (const Case& c : cases) EXPECT_EQ(Lexicon::DayOf(c.date), c.day) << c.date;
}

TEST(LexiconDays, DayNumbersOrderLikeTheText) {
  const std::vector<std::string> dates = {"1999-12-31", "2000-01-01", "2019-01-31", "2019-02-01",
                                          "2019-10-09", "2019-10-10", "2020-02-29", "2021-01-20"};
  for (const auto& a : dates) {
    for (const auto& b : dates) EXPECT_EQ(a < b, Lexicon::DayOf(a) < Lexicon::DayOf(b)) << a << " " << b;
  }
}

TEST(LexiconDays, DayTableAnswersLikeTheDateStrings) {
  auto loaded = Lexicon::Load({parley::testing::SourceDir() + "/dict"});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const Lexicon& lex = *loaded.value();
  size_t dated = 0, compared = 0;
  for (uint32_t id = 0; id < lex.entries().size(); ++id) {
    const Entry& e = lex.entry(id);
    if (e.dated.empty() && id % 97 != 0) continue;  // undated entries: a sample
    dated += e.dated.empty() ? 0 : 1;
    // Each range's ends, and dates just outside them (the text's neighbours in order).
    std::set<std::string> dates = {"", "2019-05", "2019-06-15", "1990-01-01", "2030-12-31"};
    for (const DatedCode& d : e.dated) {
      for (const std::string& end : {d.from, d.to}) {
        if (end.size() != 10) continue;
        dates.insert(end);
        std::string before = end, after = end;
        before[9] = before[9] == '0' ? '0' : static_cast<char>(before[9] - 1);
        after[9] = after[9] == '9' ? '9' : static_cast<char>(after[9] + 1);
        dates.insert(before);
        dates.insert(after);
      }
    }
    for (const std::string& date : dates) {
      const int32_t day = Lexicon::DayOf(date);
      EXPECT_EQ(lex.CodeOnDay(id, day, date), lex.CodeOn(e, date)) << e.name << " on " << date;
      EXPECT_EQ(lex.InOfficeOnDay(id, day, date), Lexicon::InOffice(e, date)) << e.name << " on " << date;
      ++compared;
    }
  }
  EXPECT_GT(dated, 100u);  // the built-in people have dates of office
  EXPECT_GT(compared, 1000u);
}

}  // namespace
}  // namespace parley::lexicon
