// Publication dates: every style of the issue, datelines with the year from the URL, and
// strings that must not be read as dates.
#include "ingest/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "parley/ingest.h"

namespace parley::ingest {
namespace {

struct DateCase {
  const char* input;
  std::optional<std::string> want;
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const DateCase& c, std::ostream* os) { *os << c.input; }

class PublicationDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(PublicationDateTest, Parses) {
  EXPECT_EQ(ParsePublicationDate(GetParam().input), GetParam().want) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Styles, PublicationDateTest,
    ::testing::Values(
        DateCase{"July 29, 2025", "2025-07-29"},
        DateCase{"July 29 2025", "2025-07-29"},
        DateCase{"Jul. 29, 2025", "2025-07-29"},
        DateCase{"Sept. 3, 2019", "2019-09-03"},
        DateCase{"Friday, January 4, 2019", "2019-01-04"},
        DateCase{"Fri, Jan 4, 2019", "2019-01-04"},
        DateCase{"29.07.2025", "2025-07-29"},
        DateCase{"4.1.2019", "2019-01-04"},
        DateCase{"2025-07-29", "2025-07-29"},
        DateCase{"2025/07/29", "2025-07-29"},
        DateCase{"2025-07-29T10:00:00Z", "2025-07-29"},
        DateCase{"2025-07-29T10:00:00+03:00", "2025-07-29"},
        DateCase{"2025-07-29 10:00", "2025-07-29"},
        DateCase{"29 July 2025", "2025-07-29"},
        DateCase{"29 Jul 2025", "2025-07-29"},
        DateCase{"4th January 2019", std::nullopt},  // ordinal before the month is not read yet
        DateCase{"January 4th, 2019", "2019-01-04"},
        DateCase{"07/29/2025", "2025-07-29"},
        DateCase{"29/07/2025", "2025-07-29"},
        DateCase{"  July 29, 2025  ", "2025-07-29"},
        DateCase{"July 29, 2025 10:42 am", "2025-07-29"},
        DateCase{"July 29, 2025 | 10:42 a.m. MSK", "2025-07-29"},
        DateCase{"Published: July 29, 2025", "2025-07-29"},
        DateCase{"Updated on 29 July 2025", "2025-07-29"},
        DateCase{"February 29, 2020", "2020-02-29"},
        // Not dates.
        DateCase{"February 29, 2019", std::nullopt},
        DateCase{"2025-13-01", std::nullopt},
        DateCase{"July 32, 2025", std::nullopt},
        DateCase{"July 29", std::nullopt},  // no year: not a whole date
        DateCase{"May", std::nullopt},
        DateCase{"", std::nullopt},
        DateCase{"Kremlin Says Talks Going Nowhere Fast", std::nullopt},
        DateCase{"July 29, 2025 the Kremlin said talks with the United States had stalled",
                 std::nullopt},
        DateCase{"12345", std::nullopt},
        DateCase{"99999999999999999999-01-01", std::nullopt},  // long digit runs (fuzz finding)
        DateCase{"July 99999999999999, 2025", std::nullopt},
        DateCase{"Mayor of Moscow", std::nullopt}));

struct DatelineCase {
  const char* paragraph;
  int year, month, day;  // year 0: the dateline gives none
  const char* rest;      // what follows the dateline
};
void PrintTo(const DatelineCase& c, std::ostream* os) { *os << c.paragraph; }

class DatelineTest : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(DatelineTest, Matches) {
  const DatelineCase& c = GetParam();
  auto m = MatchDateline(c.paragraph);
  ASSERT_TRUE(m.has_value()) << c.paragraph;
  EXPECT_EQ(m->year, c.year);
  EXPECT_EQ(m->month, c.month);
  EXPECT_EQ(m->day, c.day);
  EXPECT_EQ(std::string(c.paragraph).substr(m->length), c.rest);
}

INSTANTIATE_TEST_SUITE_P(
    Styles, DatelineTest,
    ::testing::Values(
        DatelineCase{"MOSCOW, July 29 (Reuters) - The Kremlin said.", 0, 7, 29, "The Kremlin said."},
        DatelineCase{"WASHINGTON, Feb. 27 (AP) \xE2\x80\x94 Talks began.", 0, 2, 27, "Talks began."},
        DatelineCase{"KYIV, Ukraine, July 29 - Shelling went on.", 0, 7, 29, "Shelling went on."},
        DatelineCase{"NEW YORK, 29 July 2025 (AFP) - Markets fell.", 2025, 7, 29, "Markets fell."},
        DatelineCase{"Friday, January 4, 2019\xC2\xA0 An apartment building collapsed.", 2019, 1, 4,
                     "An apartment building collapsed."},
        DatelineCase{"January 4, 2019 - Officials said.", 2019, 1, 4, "Officials said."}));

TEST(DatelineTest, RejectsOrdinarySentences) {
  for (const char* p : {"The Kremlin said on July 29 (Tuesday) - nothing.", "Moscow, July 29 - x",
                        "UN, July - x", "", "MOSCOW (Reuters) - no date here"}) {
    EXPECT_FALSE(MatchDateline(p).has_value()) << p;
  }
}

struct UrlCase {
  const char* url;
  std::optional<std::string> want;
};
void PrintTo(const UrlCase& c, std::ostream* os) { *os << c.url; }
class DateFromUrlTest : public ::testing::TestWithParam<UrlCase> {};
TEST_P(DateFromUrlTest, Finds) { EXPECT_EQ(DateFromUrl(GetParam().url), GetParam().want); }
INSTANTIATE_TEST_SUITE_P(
    Styles, DateFromUrlTest,
    ::testing::Values(
        UrlCase{"https://www.themoscowtimes.com/2025/07/29/kremlin-says-a90009", "2025-07-29"},
        UrlCase{"https://example.com/news/2019-01-04/story", "2019-01-04"},
        UrlCase{"https://example.com/20190104/story.html", "2019-01-04"},
        UrlCase{"https://example.com/2019/13/40/x", std::nullopt},
        UrlCase{"https://example.com/article/12345678/", std::nullopt},
        UrlCase{"https://en.wikinews.org//wiki/Germany_bans_Mahan_Air", std::nullopt},
        UrlCase{"", std::nullopt}));

// A dateline without a year takes the year from the URL, through the JSONL reader.
TEST(DatelineYearFromUrl, ReaderCombinesThem) {
  Document doc = ReadJsonLine(
      R"({"text":"MOSCOW, July 29 (Reuters) - The Kremlin said talks stalled.","url":"https://x.com/2025/07/30/kremlin"})",
      "in.jsonl", 1);
  EXPECT_EQ(doc.published, "2025-07-29");
  Document no_url = ReadJsonLine(R"({"text":"MOSCOW, July 29 (Reuters) - The Kremlin said."})",
                                 "in.jsonl", 2);
  EXPECT_EQ(no_url.published, std::nullopt);
  Document url_only = ReadJsonLine(
      R"({"text":"The Kremlin said talks stalled.","url":"https://x.com/2024/02/29/a"})", "in.jsonl", 3);
  EXPECT_EQ(url_only.published, "2024-02-29");
}

TEST(FormatDateTest, ChecksTheCalendar) {
  EXPECT_EQ(FormatDate(2024, 2, 29), "2024-02-29");
  EXPECT_EQ(FormatDate(2023, 2, 29), std::nullopt);
  EXPECT_EQ(FormatDate(999, 1, 1), std::nullopt);
  EXPECT_EQ(FormatDate(2023, 4, 31), std::nullopt);
}

}  // namespace
}  // namespace parley::ingest
