// Calendar arithmetic of time expressions: year inference, weekdays, month ends, leap days,
// ISO weeks across New Year.
#include "extract/times/calendar.h"

#include <gtest/gtest.h>

namespace parley::extract::times {
namespace {

Day D(const char* iso) { return *ParseIsoDay(iso); }

TEST(Calendar, ParsesOnlyRealDates) {
  EXPECT_TRUE(ParseIsoDay("2024-02-29"));
  EXPECT_FALSE(ParseIsoDay("2025-02-29"));
  EXPECT_FALSE(ParseIsoDay("2025-13-01"));
  EXPECT_FALSE(ParseIsoDay("July 29"));
  EXPECT_EQ(FormatDay(*ParseIsoDay("1998-12-05T09:42")), "1998-12-05");
}

struct YearCase {
  const char* anchor;
  int month, day;
  Direction dir;
  int year;
};

TEST(Calendar, YearForMonthDay) {
  const YearCase cases[] = {
      {"2025-07-29", 2, 27, Direction::kPast, 2025},
      {"2025-07-29", 2, 27, Direction::kNearest, 2025},
      {"2025-07-29", 4, 10, Direction::kFuture, 2026},
      {"2025-07-29", 7, 29, Direction::kFuture, 2025},
      {"2025-07-29", 7, 29, Direction::kPast, 2025},
      // Around New Year.
      {"2025-01-03", 12, 30, Direction::kPast, 2024},
      {"2025-01-03", 12, 30, Direction::kNearest, 2024},
      {"2024-12-28", 1, 5, Direction::kFuture, 2025},
      {"2024-12-28", 1, 5, Direction::kNearest, 2025},
      // A past clause still means the coming weeks when last year's date is far away.
      {"1989-11-20", 12, 15, Direction::kPast, 1989},
      {"2025-01-03", 12, 0, Direction::kPast, 2024},
      {"2025-12-20", 1, 0, Direction::kFuture, 2026},
      // A month alone keeps the tense unless the other side is within weeks.
      {"1989-10-27", 1, 0, Direction::kPast, 1989},
      {"1989-11-27", 12, 0, Direction::kPast, 1989},
      {"1989-03-01", 12, 0, Direction::kFuture, 1989},
      // Leap days go to a leap year.
      {"2025-03-10", 2, 29, Direction::kPast, 2024},
      {"2025-03-10", 2, 29, Direction::kFuture, 2028},
      {"2024-02-10", 2, 29, Direction::kFuture, 2024},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(YearForMonthDay(D(c.anchor), c.month, c.day, c.dir), c.year)
        << c.anchor << " month " << c.month << " day " << c.day;
  }
}

TEST(Calendar, WeekdayFrom) {
  const Day tuesday = D("2025-07-29");
  EXPECT_EQ(FormatDay(WeekdayFrom(tuesday, 2, Direction::kPast)), "2025-07-29");
  EXPECT_EQ(FormatDay(WeekdayFrom(tuesday, 1, Direction::kPast)), "2025-07-28");
  EXPECT_EQ(FormatDay(WeekdayFrom(tuesday, 3, Direction::kPast)), "2025-07-23");
  EXPECT_EQ(FormatDay(WeekdayFrom(tuesday, 3, Direction::kFuture)), "2025-07-30");
  EXPECT_EQ(FormatDay(WeekdayFrom(tuesday, 2, Direction::kPast, true)), "2025-07-22");
  EXPECT_EQ(FormatDay(WeekdayFrom(tuesday, 2, Direction::kFuture, true)), "2025-08-05");
  // Across New Year.
  EXPECT_EQ(FormatDay(WeekdayFrom(D("2025-01-01"), 5, Direction::kPast)), "2024-12-27");
}

TEST(Calendar, ShiftKeepsMonthEnds) {
  EXPECT_EQ(FormatDay(ShiftDay(D("2025-01-31"), Unit::kMonth, 1)), "2025-02-28");
  EXPECT_EQ(FormatDay(ShiftDay(D("2024-01-31"), Unit::kMonth, 1)), "2024-02-29");
  EXPECT_EQ(FormatDay(ShiftDay(D("2024-02-29"), Unit::kYear, 1)), "2025-02-28");
  EXPECT_EQ(FormatDay(ShiftDay(D("2025-07-28"), Unit::kDay, 10)), "2025-08-07");
  EXPECT_EQ(FormatDay(ShiftDay(D("2025-12-30"), Unit::kWeek, 1)), "2026-01-06");
}

TEST(Calendar, IsoWeeksAcrossNewYear) {
  EXPECT_EQ(FormatWeek(D("2025-07-29")), "2025-W31");
  EXPECT_EQ(FormatWeek(D("2024-12-30")), "2025-W01");
  EXPECT_EQ(FormatWeek(D("2021-01-03")), "2020-W53");
}

}  // namespace
}  // namespace parley::extract::times
