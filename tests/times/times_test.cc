// Time expressions end to end through the text stage: recognition, TIMEX3 values against the
// document date, the tense of the clause, reported speech and continued accounts, deadlines.
// Table-driven: each case is a short text, its document date and one expected expression.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/testing.h"
#include "extract/times/times.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

namespace parley::extract {
namespace {

std::vector<TimeExpr> Find(const std::string& text, const char* date) {
  Document doc;
  doc.text = text;
  if (date != nullptr) doc.published = date;
  const TextLayer layer = text::Segment(doc.text);
  return FindTimes(doc, layer);
}

struct Case {
  const char* text;
  const char* date;
  const char* span;   // the expression's text
  const char* type;
  const char* value;
  const char* value_max = nullptr;
};

const TimeExpr* Lookup(const std::vector<TimeExpr>& times, const std::string& span) {
  for (const auto& t : times) {
    if (t.text == span) return &t;
  }
  return nullptr;
}

void Check(const Case& c) {
  const auto times = Find(c.text, c.date);
  const TimeExpr* t = Lookup(times, c.span);
  ASSERT_NE(t, nullptr) << "no \"" << c.span << "\" in: " << c.text;
  EXPECT_EQ(t->type, c.type) << c.text;
  EXPECT_EQ(t->value, c.value) << c.text;
  if (c.value_max != nullptr) {
    ASSERT_TRUE(t->value_max.has_value()) << c.text;
    EXPECT_EQ(*t->value_max, c.value_max) << c.text;
  }
  EXPECT_EQ(c.text + std::string(), std::string(c.text).substr(0))
      << "offsets point into the text";
  EXPECT_EQ(std::string(c.text).substr(t->start, t->end - t->start), t->text);
}

TEST(Times, AbsoluteDates) {
  const Case cases[] = {
      {"The deal was signed on July 29, 2025.", "2025-08-01", "July 29, 2025", "DATE", "2025-07-29"},
      {"The deal was signed on 29 July 2025 in Minsk.", "2025-08-01", "29 July 2025", "DATE", "2025-07-29"},
      {"Talks were held on the 3rd of March.", "2025-08-01", "3rd of March", "DATE", "2025-03-03"},
      {"Elections were held in 2022.", "2025-08-01", "2022", "DATE", "2022"},
      {"Inflation soared in the 1990s.", "2025-08-01", "1990s", "DATE", "199"},
      {"Troops will leave by mid-August.", "2025-07-01", "mid-August", "DATE", "2025-08"},
      {"Growth slowed in early 2024.", "2025-07-01", "early 2024", "DATE", "2024"},
      {"The report is dated 2025-07-29.", "2025-08-01", "2025-07-29", "DATE", "2025-07-29"},
      {"The ceasefire began in July 1997.", "2025-08-01", "July 1997", "DATE", "1997-07"},
      {"Friday, January 4, 2019 The summit opened.", "2019-01-04", "Friday, January 4, 2019", "DATE", "2019-01-04"},
      {"Profits rose in the third quarter of 2024.", "2025-08-01", "the third quarter of 2024", "DATE", "2024-Q3"},
      {"He arrived on Christmas Eve.", "2025-01-10", "Christmas Eve", "DATE", "2024-12-24"},
      {"The blast occurred at about 10:35 a.m. Friday.", "1998-08-08", "10:35 a.m. Friday", "TIME", "1998-08-07T10:35"},
      {"The blast occurred at about 10:35 a.m. on Friday.", "1998-08-08", "10:35 a.m.", "TIME", "1998-08-07T10:35"},
      {"Last summer the army withdrew.", "2025-07-29", "Last summer", "DATE", "2024-SU"},
  };
  for (const auto& c : cases) Check(c);
}

TEST(Times, RelativeToTheDocumentDate) {
  const Case cases[] = {
      {"The Kremlin said Tuesday that talks had stalled.", "2025-07-29", "Tuesday", "DATE", "2025-07-29"},
      {"The minister resigned on Monday.", "2025-07-29", "Monday", "DATE", "2025-07-28"},
      {"The minister will resign on Monday.", "2025-07-29", "Monday", "DATE", "2025-08-04"},
      {"Parliament is expected to vote Friday.", "2025-07-29", "Friday", "DATE", "2025-08-01"},
      {"Rebels attacked the town yesterday.", "2025-07-29", "yesterday", "DATE", "2025-07-28"},
      {"Rebels attacked the town last week.", "2025-07-29", "last week", "DATE", "2025-W30"},
      {"Prices rose earlier this month.", "2025-07-29", "earlier this month", "DATE", "2025-07"},
      {"Elections are due next year.", "2025-07-29", "next year", "DATE", "2026"},
      {"The army withdrew two days ago.", "2025-07-29", "two days ago", "DATE", "2025-07-27"},
      {"The talks may resume this summer.", "2025-07-29", "this summer", "DATE", "2025-SU"},
      {"Fighting has intensified in recent weeks.", "2025-07-29", "recent weeks", "DURATION", "PXW"},
      {"The president is now in Kyiv.", "2025-07-29", "now", "DATE", "PRESENT_REF"},
      {"Sanctions were imposed last Friday.", "2025-07-29", "last Friday", "DATE", "2025-07-25"},
      {"A truce was agreed a year earlier.", "2025-07-29", "a year earlier", "DATE", "2024"},
      {"Troops arrived Tuesday evening.", "2025-07-30", "Tuesday evening", "DATE", "2025-07-29TEV"},
      {"Envoys met this morning.", "2025-07-30", "this morning", "TIME", "2025-07-30TMO"},
  };
  for (const auto& c : cases) Check(c);
}

TEST(Times, YearLeftOutFollowsTense) {
  const Case cases[] = {
      {"Talks took place in Istanbul on Feb. 27.", "2025-07-29", "Feb. 27", "DATE", "2025-02-27"},
      {"A second round took place on April 10.", "2025-07-29", "April 10", "DATE", "2025-04-10"},
      {"Earlier in February, the ministers met.", "2025-07-29", "February", "DATE", "2025-02"},
      {"The next round will be held on April 10.", "2025-07-29", "April 10", "DATE", "2026-04-10"},
      // Around New Year.
      {"The rebels attacked on Dec. 30.", "2025-01-03", "Dec. 30", "DATE", "2024-12-30"},
      {"The summit will open on Jan. 5.", "2024-12-28", "Jan. 5", "DATE", "2025-01-05"},
      {"He said the payment is due Dec. 15.", "1989-11-20", "Dec. 15", "DATE", "1989-12-15"},
      {"Voting ended in December.", "2025-01-03", "December", "DATE", "2024-12"},
      // Leap days.
      {"The treaty was signed on Feb. 29.", "2025-03-10", "Feb. 29", "DATE", "2024-02-29"},
      {"The vote will be held on Feb. 29.", "2024-02-10", "Feb. 29", "DATE", "2024-02-29"},
  };
  for (const auto& c : cases) Check(c);
}

TEST(Times, RangesDurationsAndSets) {
  const Case cases[] = {
      {"Six properties were seized between 2016 and 2018.", "2025-07-29", "between 2016 and 2018", "DATE", "2016/2018"},
      {"The war lasted from 1991 to 1995.", "2025-07-29", "from 1991 to 1995", "DATE", "1991/1995"},
      {"He was jailed for three years.", "2025-07-29", "three years", "DURATION", "P3Y"},
      {"Russia has 10 to 12 days to act.", "2025-07-29", "10 to 12 days", "DURATION", "P10D", "P12D"},
      {"Russia has 10-12 days to act.", "2025-07-29", "10-12 days", "DURATION", "P10D", "P12D"},
      {"After a 16-hour flight he landed.", "2025-07-29", "16-hour", "DURATION", "PT16H"},
      {"They ended a two-day visit.", "2025-07-29", "two-day", "DURATION", "P2D"},
      {"Inspectors report every week.", "2025-07-29", "every week", "SET", "P1W"},
      {"The council meets every Monday.", "2025-07-29", "every Monday", "SET", "XXXX-WXX-1"},
      {"Shelling continues daily.", "2025-07-29", "daily", "SET", "P1D"},
      {"Talks lasted five hours.", "2025-07-29", "five hours", "DURATION", "PT5H"},
      {"Results for the first nine months were weak.", "2025-07-29", "the first nine months", "DURATION", "P9M"},
  };
  for (const auto& c : cases) Check(c);
}

// TimeML's conventions, as the TimeML development set marks them.
TEST(Times, TimeMlConventions) {
  const Case cases[] = {
      // A month with "this year" / "last year" after it is one expression of that year.
      {"The process began in February this year.", "1998-12-03", "February this year", "DATE", "1998-02"},
      {"Prices peaked in July last year.", "1998-02-19", "July last year", "DATE", "1997-07"},
      // A quarter named after a year given by other words.
      {"Sales for this year's third quarter fell.", "1989-11-01", "this year's third quarter", "DATE", "1989-Q3"},
      {"Net rose from the year-ago third quarter.", "1989-11-01", "the year-ago third quarter", "DATE", "1988-Q3"},
      // "the year": a stretch when it ends on a date, else the current year.
      {"Profit for the year ended Sept. 30 rose.", "1989-11-02", "the year", "DURATION", "P1Y"},
      {"Volume was flat for the year.", "1989-11-02", "the year", "DATE", "1989"},
      {"Rains delayed planting earlier in the year.", "1989-10-26", "the year", "DATE", "1989"},
      // Vague past, rates, spelled-out years.
      {"Growth slowed in recent years.", "1989-10-30", "recent years", "DATE", "PAST_REF"},
      {"The recent attacks shocked the city.", "1998-08-10", "recent", "DATE", "PAST_REF"},
      {"The plan saves $500 million a year.", "1989-10-30", "a year", "SET", "P1Y"},
      {"Atlanta, nineteen ninety-six. A bomb exploded.", "1998-02-27", "nineteen ninety-six", "DATE", "1996"},
      {"His promise ran to the year two thousand.", "1998-02-05", "the year two thousand", "DATE", "2000"},
      // A time of day with its weekday (and time zone) takes that day.
      {"The deadline was extended until 9 a.m. EST Tuesday.", "2000-04-03", "9 a.m. EST Tuesday", "TIME", "2000-04-04T09:00"},
      {"Negotiations broke off at noon Thursday.", "1998-02-13", "noon Thursday", "TIME", "1998-02-12T12:00"},
      {"Rallies are expected in late-November.", "1999-10-28", "late-November", "DATE", "1999-11"},
  };
  for (const auto& c : cases) Check(c);
}

// The verb before an expression gives its tense; a speech verb after it does not override it.
TEST(Times, TenseComesFromTheVerbBefore) {
  const Case cases[] = {
      {"The father will leave at dawn Thursday, Castro said.", "2000-04-05", "Thursday", "DATE", "2000-04-06"},
      {"Qantas will double its flights by August in markets untouched by the crisis.", "1998-02-13", "August", "DATE", "1998-08"},
      {"Mr. Schwarz will succeed Mr. Davison Feb. 1.", "1989-10-26", "Feb. 1", "DATE", "1990-02-01"},
      {"On Friday, the ministers met in Rome.", "2025-07-29", "Friday", "DATE", "2025-07-25"},
  };
  for (const auto& c : cases) Check(c);
}

// A plan told in the past tense is over; "set" and "could" do not look ahead by themselves;
// "effective" and "is to" do.
TEST(Times, TenseOfPlansAndModals) {
  const Case cases[] = {
      {"The offer had been due to expire Friday evening.", "1989-11-06", "Friday evening", "DATE", "1989-11-03TEV"},
      {"The vote was scheduled for Monday.", "2025-07-30", "Monday", "DATE", "2025-07-28"},
      {"The vote is scheduled for Monday.", "2025-07-30", "Monday", "DATE", "2025-08-04"},
      {"His trial has been scheduled for November.", "2019-06-28", "November", "DATE", "2019-11"},
      {"The index closed near the record high set on Aug. 6.", "1998-02-06", "Aug. 6", "DATE", "1997-08-06"},
      {"The court set Friday as the deadline.", "2000-01-09", "Friday", "DATE", "2000-01-07"},
      {"The talks are set for Friday.", "2000-01-09", "Friday", "DATE", "2000-01-14"},
      {"The stock is to resume trading in Paris Tuesday.", "1989-10-27", "Tuesday", "DATE", "1989-10-31"},
      {"The new pact takes hold, effective June 1.", "1989-10-26", "June 1", "DATE", "1990-06-01"},
      {"Relatives could not be located Wednesday.", "2000-01-06", "Wednesday", "DATE", "2000-01-05"},
  };
  for (const auto& c : cases) Check(c);
}

// "that year", "the following month", "the next morning", "the previous Friday" refer back to
// the last date the document named, not to the document date.
TEST(Times, ReferencesBackToTheLastDateNamed) {
  const Case cases[] = {
      {"On May 22, 1995, he was made a general, and the following year he retired.", "1998-04-18",
       "the following year", "DATE", "1996"},
      {"The plant opened in March 1989. The following month it closed.", "1989-10-27",
       "The following month", "DATE", "1989-04"},
      {"Sales fell in 1988. Profit rose that year.", "1989-11-02", "that year", "DATE", "1988"},
      {"The riot began on Feb. 22. The next morning the army moved in.", "2000-02-24",
       "The next morning", "DATE", "2000-02-23"},
      {"Rates rose on Friday, Oct. 27. The previous Friday they fell.", "1989-10-30",
       "The previous Friday", "DATE", "1989-10-20"},
      {"The bomb went off on Oct. 23, 1998. Earlier that same day police had left.", "1999-10-24",
       "Earlier that same day", "DATE", "1998-10-23"},
  };
  for (const auto& c : cases) Check(c);
  const auto times = Find("The bomb went off on Oct. 23, 1998. Earlier that day police had left.", "1999-10-24");
  const TimeExpr* t = Lookup(times, "Earlier that day");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->anchor.value_or(""), "1998-10-23");  // the day named, not the document date
  // With no date named before, "that year" is not guessed.
  EXPECT_EQ(Lookup(Find("Profit rose that year.", "1989-11-02"), "that year"), nullptr);
}

TEST(Times, SpelledYearsCenturiesAndComingSpans) {
  const Case cases[] = {
      {"January nineteen ninety-seven. Atlanta again.", "1998-02-27", "January nineteen ninety-seven", "DATE", "1997-01"},
      {"Prices hit that level in the winter of nineteen ninety-four.", "1998-02-23",
       "the winter of nineteen ninety-four", "DATE", "1994-WI"},
      {"She is a 20th century democrat.", "1998-02-13", "20th century", "DATE", "19"},
      {"They visited the fabled 11th century temple.", "1998-02-19", "11th century", "DATE", "10"},
      {"Prices will rise in coming weeks.", "1989-10-26", "coming weeks", "DURATION", "PXW"},
      {"Prices will rise in the coming years.", "1989-10-26", "the coming years", "DURATION", "PXY"},
  };
  for (const auto& c : cases) Check(c);
}

// Which words give a clause its tense: names, nouns and adjectives in -ed or "plan" do not.
TEST(Times, TenseCuesSkipNamesNounsAndAdjectives) {
  const Case cases[] = {
      {"Craig said the father would be traveling to the United States Thursday.", "2000-04-05",
       "Thursday", "DATE", "2000-04-06"},
      {"On Friday, when Albright set aside vacation plans, the department lifted a warning.",
       "1998-08-17", "Friday", "DATE", "1998-08-14"},
      {"A memorial service planned at the university for Saturday was canceled.", "1999-10-24",
       "Saturday", "DATE", "1999-10-23"},
      {"The team planned to leave Nairobi on Thursday.", "1998-09-30", "Thursday", "DATE", "1998-10-01"},
      {"The split would be paid on a still unspecified date in January.", "1989-10-26", "January",
       "DATE", "1990-01"},
      {"Until Thursday, they had not called him a suspect.", "1999-05-07", "Thursday", "DATE", "1999-05-06"},
      {"They will stay until Thursday.", "1999-05-07", "Thursday", "DATE", "1999-05-13"},
      // A weekday's event named by its day has been told ("Wednesday's ruling").
      {"Relatives would look for ways to get around Wednesday's ruling.", "2000-01-07", "Wednesday",
       "DATE", "2000-01-05"},
      // A month alone: the tense wins unless the other side is within weeks.
      {"In January, American Medical brought in a new chief.", "1989-10-27", "January", "DATE", "1989-01"},
      {"The reduced dividend is payable Jan. 2.", "1989-11-02", "Jan. 2", "DATE", "1990-01-02"},
      {"Protesters demand talks and pledge to march this summer.", "1998-03-22", "this summer", "DATE",
       "1998-SU"},
  };
  for (const auto& c : cases) Check(c);
}

// Earnings reports: the period a comparison is made with.
TEST(Times, ReportPeriods) {
  const Case cases[] = {
      {"Profit rose in the third quarter from $5 million a year earlier.", "1989-10-26",
       "a year earlier", "DATE", "1988-Q3"},
      {"Profit rose in the third quarter. For the nine months, net fell from $9 million a year earlier.",
       "1989-10-26", "a year earlier", "DATE", "1988"},
      {"Profit rose in the third quarter. Interest costs were lower in the 1988 period.", "1989-10-26",
       "the 1988 period", "DATE", "1988-Q3"},
      {"In the quarter ended July 31, Jayark had a loss.", "1989-10-30", "the quarter", "DATE", "1989-Q2"},
      {"In the quarter ended Jan. 31, sales fell.", "1989-03-01", "the quarter", "DATE", "1988-Q4"},
      {"Sales for the current fiscal year will rise.", "1989-10-30", "the current fiscal year", "DATE",
       "1989"},
      {"Hate groups grew over the past year.", "1998-03-03", "the past year", "DATE", "1997"},
      {"Hate groups grew over the past decade.", "1998-03-03", "the past decade", "DURATION", "P10Y"},
  };
  for (const auto& c : cases) Check(c);
}

// Counts with a half, a word between count and unit, decades and centuries, holidays, titles.
TEST(Times, CountsDecadesHolidays) {
  const Case cases[] = {
      {"The surgery lasted 5 1/2 hours.", "1998-08-17", "5 1/2 hours", "DURATION", "PT5H30M"},
      {"He served 2 1/2 years in jail.", "1998-08-17", "2 1/2 years", "DURATION", "P2Y6M"},
      {"It took a minute and a half.", "1998-01-14", "a minute and a half", "DURATION", "PT1M30S"},
      {"They need two more weeks.", "2000-06-01", "two more weeks", "DURATION", "P2W"},
      {"The index rose for eight trading days.", "1989-10-30", "eight trading days", "DURATION", "P8D"},
      {"He wants an additional year.", "1989-10-30", "an additional year", "DURATION", "P1Y"},
      {"Growth will slow over the next couple of years.", "1989-10-26", "next couple of years",
       "DURATION", "P2Y"},
      {"Hate groups declined through the nineties.", "1998-03-03", "the nineties", "DATE", "199"},
      {"Jazz flourished in the twenties.", "2025-07-29", "the twenties", "DATE", "202"},
      {"The feud is decades-long.", "2000-01-15", "decades-long", "DURATION", "PXY"},
      {"The shrine stood for centuries.", "1998-01-21", "centuries", "DURATION", "PXC"},
      {"Islam will one day be the second religion.", "1998-03-03", "one day", "DATE", "FUTURE_REF"},
      {"The offer expires at 5 p.m. EST, Nov. 6.", "1989-10-30", "5 p.m. EST, Nov. 6", "TIME",
       "1989-11-06T17:00"},
      {"He was last seen Oct. 23. Police reopened the case from last Oct. 23.", "1999-04-19",
       "last Oct. 23", "DATE", "1998-10-23"},
      {"It is a theme of our campaign from now to Election Day.", "1998-10-26", "Election Day", "DATE",
       "1998-11-03"},
      {"Voters go to the polls on Election Day.", "2020-10-01", "Election Day", "DATE", "2020-11-03"},
      {"A strike hit the plant in the early summer.", "1989-10-26", "the early summer", "DATE", "1989-SU"},
      {"\"Last week we met,\" he said.", "1998-03-03", "Last week", "DATE", "1998-W09"},
  };
  for (const auto& c : cases) Check(c);
  // Programmes and names, not times.
  const char* titles[] = {"Baker, speaking on ABC News' \"This Week,\" said so.",
                          "Gonzalez said on CBS's \"60 Minutes.\"", "He is in his nineties.",
                          "Thousands joined this march through the city."};
  for (const char* text : titles) EXPECT_TRUE(Find(text, "1990-08-13").empty()) << text;
}

TEST(Times, DeadlinesAreCountedFromTheAnchor) {
  const auto times = Find("Trump said Monday Russia had 10 to 12 days to end the war.", "2025-07-29");
  const TimeExpr* t = Lookup(times, "10 to 12 days");
  ASSERT_NE(t, nullptr);
  ASSERT_TRUE(t->anchor && t->deadline);
  EXPECT_EQ(*t->anchor, "2025-07-28");  // anchored to when it was said
  EXPECT_EQ(t->deadline->earliest, "2025-08-07");
  EXPECT_EQ(t->deadline->latest, "2025-08-09");

  const auto within = Find("He said sanctions will follow within 30 days.", "2025-07-29");
  const TimeExpr* w = Lookup(within, "within 30 days");
  ASSERT_NE(w, nullptr);
  ASSERT_TRUE(w->deadline);
  EXPECT_EQ(w->deadline->earliest, "2025-08-28");
  EXPECT_EQ(w->deadline->latest, "2025-08-28");
  // A duration that sets no limit has no deadline.
  const auto plain = Find("He was jailed for three years.", "2025-07-29");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_FALSE(plain[0].deadline);
}

TEST(Times, AnAccountKeepsItsDay) {
  const std::string text =
      "His remarks came a day after President Ivan Petrov said he was disappointed.\n\n"
      "Petrov accused the rebels of stalling. He warned of sanctions within 10 to 12 days.\n\n"
      "The spokesman said the threat changed nothing within 10 days.";
  const auto times = Find(text, "2025-07-29");
  const TimeExpr* after = Lookup(times, "a day after");
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->value, "2025-07-28");
  std::vector<const TimeExpr*> limits;
  for (const auto& t : times) {
    if (t.deadline) limits.push_back(&t);
  }
  ASSERT_EQ(limits.size(), 2u);
  EXPECT_EQ(*limits[0]->anchor, "2025-07-28");  // "He warned ..." goes on with the account
  EXPECT_EQ(limits[0]->deadline->earliest, "2025-08-07");
  EXPECT_EQ(*limits[1]->anchor, "2025-07-29");  // another speaker: back to the article date
}

TEST(Times, BadInputNeverCrashes) {
  const char* texts[] = {"", "Tuesday", "between 2016 and", "within", "10 to", "Feb. 30, 2025 happened.",
                         "at 99:99 p.m. on 2025-02-30", "every", "the end of", "mid-", "\xff\xfe Monday"};
  for (const char* text : texts) {
    for (const char* date : {static_cast<const char*>(nullptr), "2025-07-29", "not a date"}) {
      for (const auto& t : Find(text, date)) {
        EXPECT_LE(t.end, std::string(text).size());
        EXPECT_FALSE(t.value.empty());
      }
    }
  }
  // Without a document date, relative expressions are left unresolved rather than guessed.
  const auto times = Find("The minister resigned on Monday.", nullptr);
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(times[0].value, "XXXX-WXX-1");
  EXPECT_FALSE(times[0].anchor);
}

TEST(Times, NoFalseAlarms) {
  const char* texts[] = {"About 2000 troops were deployed.", "The march was peaceful.",
                         "He may resign.", "Some 1500 people died.", "A score of 3:1 ended it.",
                         "A second round took place.", "Mr. Reupke, 52 years old, resigned.",
                         "Three-quarters of voters agreed.", "A quarter of the votes were lost."};
  for (const char* text : texts) EXPECT_TRUE(Find(text, "2025-07-29").empty()) << text;
}

// A month, weekday or unit name begins only its own class's pattern (the recognizer
// dispatches on the word's class): each still begins its expression, and as another word
// ("may" the verb, "day" alone) it begins none.
TEST(Times, ClassWordsBeginTheirOwnPatterns) {
  const Case cases[] = {
      {"The vote is set for May 5.", "2025-04-01", "May 5", "DATE", "2025-05-05"},
      {"Talks resumed on Friday.", "2025-07-29", "Friday", "DATE", "2025-07-25"},
      {"Rebels held the town for years.", "2025-07-29", "years", "DURATION", "PXY"},
      {"Prices rose over months of unrest.", "2025-07-29", "months", "DURATION", "PXM"},
      {"The truce ended in Sept. 2024.", "2025-07-29", "Sept. 2024", "DATE", "2024-09"},
  };
  for (const auto& c : cases) Check(c);
  const char* texts[] = {"Voters may stay home.", "Day one of the talks ended.",
                         "Years of war left scars."};
  for (const char* text : texts) EXPECT_TRUE(Find(text, "2025-07-29").empty()) << text;
}

// The shortcuts of the recognizer: "the" before a word no pattern reads after it begins
// nothing, and four plain digits from 1000 begin only a year or a quarter. Each case is one the
// shortcuts must leave to the full patterns (answers as before the shortcuts).
TEST(Times, ShortcutsLeaveEveryPatternItsWords) {
  const Case cases[] = {
      {"The shift began at 0800 hours.", "2020-03-10", "0800 hours", "DURATION", "PT800H"},
      {"Sales fell in the fiscal year 2019-20.", "2020-03-10", "2019-20", "DATE", "2019/2020"},
      {"Prices rose from 1999 - 2000.", "2020-03-10", "from 1999 - 2000", "DATE", "1999/2000"},
      {"The 1988 third quarter was weak.", "2020-03-10", "The 1988 third quarter", "DATE", "1988-Q3"},
      {"Wars marked the 20th century.", "2020-03-10", "the 20th century", "DATE", "19"},
      {"Sales fell in the 3rd quarter.", "2020-03-10", "the 3rd quarter", "DATE", "2019-Q3"},
      {"Sales fell in the third-quarter results.", "2020-03-10", "the third-quarter", "DATE", "2019-Q3"},
      {"The year-ago quarter was cited.", "2020-03-10", "The year-ago quarter", "DATE", "2019"},
      {"He saw the comparable year-earlier period.", "2020-03-10",
       "the comparable year-earlier period", "DATE", "2019"},
      {"The past two months were calm.", "2020-03-10", "The past two months", "DURATION", "P2M"},
      {"The first nine months were calm.", "2020-03-10", "The first nine months", "DURATION", "P9M"},
      {"Rain fell in the early summer.", "2020-03-10", "the early summer", "DATE", "2019-SU"},
      {"Bands of the nineties returned.", "2020-03-10", "the nineties", "DATE", "199"},
      {"Talks resume in the coming weeks.", "2020-03-10", "the coming weeks", "DURATION", "PXW"},
      {"Sales fell for the whole year.", "2020-03-10", "the whole year", "DATE", "2020"},
      {"He waited the twenty-five days.", "2020-03-10", "the twenty-five days", "DURATION", "P25D"},
      {"He waited the 10 to 12 days.", "2020-03-10", "the 10 to 12 days", "DURATION", "P10D", "P12D"},
      {"The election was held in 1999.", "2020-03-10", "1999", "DATE", "1999"},
  };
  for (const auto& c : cases) Check(c);
}

TEST(Times, SampleArticle) {
  PARLEY_REQUIRE_SHARED_DATA();
  const std::string path = testing::SharedDataDir() + "/samples/moscow-times-2025-07-29.txt";
  const Document doc = ingest::ReadScrapedText(testing::ReadFileOrDie(path), path);
  ASSERT_EQ(doc.published.value_or(""), "2025-07-29");
  const auto times = FindTimes(doc, text::Segment(doc.text));
  struct Expected {
    const char* span;
    const char* value;
  };
  const Expected expected[] = {{"Tuesday", "2025-07-29"},       {"a day after", "2025-07-28"},
                               {"within 10 to 12 days", "P10D"}, {"between 2016 and 2018", "2016/2018"},
                               {"Feb. 27", "2025-02-27"},        {"April 10", "2025-04-10"},
                               {"February", "2025-02"},          {"2022", "2022"}};
  for (const auto& e : expected) {
    const TimeExpr* t = Lookup(times, e.span);
    ASSERT_NE(t, nullptr) << e.span;
    EXPECT_EQ(t->value, e.value) << e.span;
  }
  const TimeExpr* limit = Lookup(times, "within 10 to 12 days");
  ASSERT_TRUE(limit->deadline && limit->anchor && limit->value_max);
  EXPECT_EQ(*limit->value_max, "P12D");
  EXPECT_EQ(*limit->anchor, "2025-07-28");
  EXPECT_EQ(limit->deadline->earliest, "2025-08-07");
  EXPECT_EQ(limit->deadline->latest, "2025-08-09");
}

}  // namespace
}  // namespace parley::extract
