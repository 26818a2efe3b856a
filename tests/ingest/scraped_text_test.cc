// The scraped .txt reader: title, date line, captions, "Related article" lines, the
// "Original url:" trailer, broken sentences rejoined, files without a title, huge lines.
#include <gtest/gtest.h>

#include <string>

#include "offset_check.h"
#include "parley/ingest.h"

namespace parley::ingest {
namespace {

bool Contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

struct TxtCase {
  const char* name;
  std::string raw;
  std::optional<std::string> title;
  std::optional<std::string> published;
  std::optional<std::string> url;
  std::vector<std::string> captions;
  std::vector<std::string> in_text;      // must appear in the clean text
  std::vector<std::string> not_in_text;  // must not
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const TxtCase& c, std::ostream* os) { *os << c.name; }

class ScrapedTextTest : public ::testing::TestWithParam<TxtCase> {};

TEST_P(ScrapedTextTest, Reads) {
  const TxtCase& c = GetParam();
  Document doc = ReadScrapedText(c.raw, "doc.txt");
  EXPECT_EQ(doc.id, "doc.txt");
  EXPECT_EQ(doc.title, c.title);
  EXPECT_EQ(doc.published, c.published);
  EXPECT_EQ(doc.url, c.url);
  EXPECT_EQ(doc.captions, c.captions);
  for (const auto& s : c.in_text) EXPECT_TRUE(Contains(doc.text, s)) << s << "\n--\n" << doc.text;
  for (const auto& s : c.not_in_text) EXPECT_FALSE(Contains(doc.text, s)) << s << "\n--\n" << doc.text;
  EXPECT_FALSE(doc.unreadable);
  testing::ExpectWordsMapBack(c.raw, doc.text, doc.raw_map);
}

const TxtCase kTxtCases[] = {
    {"seed_shape",
     "\n\nKremlin Says Talks 'Going Nowhere Fast'\n\nJuly 29, 2025\n\n\n\n"
     "Kremlin spokesman Dmitry Peskov. kremlin.ru\n\n"
     "The Kremlin <u>said</u> Tuesday that talks have stalled.\n\n"
     "Related article: Russia Says Talks Useful\n\n"
     "He warned of new sanctions and said he may impose\n\n"
     "secondary tariffs if Russia does not make peace.\n\n"
     "Original url:\n\nhttps://www.themoscowtimes.com/2025/07/29/kremlin-says-going-nowhere -fast-a90009",
     "Kremlin Says Talks 'Going Nowhere Fast'",
     "2025-07-29",
     "https://www.themoscowtimes.com/2025/07/29/kremlin-says-going-nowhere-fast-a90009",
     {"Kremlin spokesman Dmitry Peskov. kremlin.ru"},
     {"The Kremlin said Tuesday", "he may impose secondary tariffs if Russia"},
     {"<u>", "Related article", "Original url", "kremlin.ru", "https://", "July 29, 2025"}},
    {"weekday_date_line",
     "Germany bans Mahan Air\n\nFriday, January 4, 2019\n\nGermany on Monday banned the airline.",
     "Germany bans Mahan Air", "2019-01-04", std::nullopt, {}, {"Germany on Monday banned"}, {"Friday"}},
    {"european_date_line", "A title\n\n29.07.2025\n\nBody text here goes on.", "A title", "2025-07-29",
     std::nullopt, {}, {"Body text"}, {"29.07"}},
    {"iso_date_line", "A title\n\n2025-07-29T08:15:00Z\n\nBody text here goes on.", "A title",
     "2025-07-29", std::nullopt, {}, {"Body text"}, {"2025"}},
    {"day_month_year_line", "A title\n\n29 July 2025\n\nBody text here goes on.", "A title",
     "2025-07-29", std::nullopt, {}, {"Body text"}, {"July"}},
    {"url_on_label_line",
     "Title here\n\nJuly 1, 2020\n\nBody sentence one.\n\nOriginal url: https://ex.com/a/b c",
     "Title here", "2020-07-01", "https://ex.com/a/bc", {}, {"Body sentence one."}, {"ex.com"}},
    {"url_broken_by_newline_and_tab",
     "Title here\n\nBody sentence one.\n\nOriginal url:\n\nhttps://ex.com/2020/07/01/some-\tlong -slug",
     "Title here", "2020-07-01", "https://ex.com/2020/07/01/some-long-slug", {}, {"Body"}, {"https"}},
    {"bare_url_at_end", "Title here\n\nBody sentence one.\n\nhttps://ex.com/x", "Title here",
     std::nullopt, "https://ex.com/x", {}, {"Body sentence one."}, {"https"}},
    {"boilerplate_lines",
     "Title here\n\nFirst paragraph.\n\nRead more: Something else\n\nAdvertisement\n\n"
     "Last paragraph.",
     "Title here", std::nullopt, std::nullopt, {}, {"First paragraph.", "Last paragraph."},
     {"Read more", "Advertisement"}},
    {"caption_in_body",
     "Title here\n\nFirst paragraph of the story.\n\nProtesters in Tbilisi. Photo: Reuters\n\n"
     "Second paragraph of the story.",
     "Title here", std::nullopt, std::nullopt, {"Protesters in Tbilisi. Photo: Reuters"},
     {"First paragraph", "Second paragraph"}, {"Tbilisi"}},
    {"broken_sentence_rejoined",
     "Title here\n\nThe talks stalled.\n\nTrump said he may impose\n\nsecondary tariffs on Russia.\n\n"
     "New paragraph.",
     "Title here", std::nullopt, std::nullopt, {}, {"he may impose secondary tariffs on Russia.\n\nNew"},
     {"impose\n"}},
    {"paragraph_ending_sentence_not_joined",
     "Title here\n\nThe talks stalled.\n\nmeanwhile, in lower case.", "Title here", std::nullopt,
     std::nullopt, {}, {"stalled.\n\nmeanwhile"}, {}},
    {"no_title_one_paragraph", "Just one paragraph of body text, nothing else.", std::nullopt,
     std::nullopt, std::nullopt, {}, {"Just one paragraph of body text, nothing else."}, {}},
    {"no_title_long_first_paragraph",
     "This first paragraph is a long sentence and so cannot be a title because it goes on and on "
     "well past the fifteen words that a title might have.\n\nSecond paragraph.",
     std::nullopt, std::nullopt, std::nullopt, {}, {"This first paragraph", "Second paragraph."}, {}},
    {"crlf_file", "Title here\r\n\r\nJuly 29, 2025\r\n\r\nBody one.\r\n\r\nBody two.", "Title here",
     "2025-07-29", std::nullopt, {}, {"Body one.\n\nBody two."}, {"\r"}},
    {"entities_in_title", "AT&amp;T <b>wins</b>\n\nBody.", "AT&T wins", std::nullopt, std::nullopt,
     {}, {"Body."}, {}},
    {"dateline_in_body_year_from_url",
     "Title here\n\nMOSCOW, July 29 (Reuters) - The Kremlin said talks stalled.\n\n"
     "Original url:\n\nhttps://ex.com/2025/07/30/kremlin",
     "Title here", "2025-07-29", "https://ex.com/2025/07/30/kremlin", {}, {"The Kremlin said"}, {}},
};

INSTANTIATE_TEST_SUITE_P(Cases, ScrapedTextTest, ::testing::ValuesIn(kTxtCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ScrapedTextEdgeTest, EmptyAndBlankInputs) {
  for (const char* raw : {"", "\n\n\n", "   \n \t \n"}) {
    Document doc = ReadScrapedText(raw, "e.txt");
    EXPECT_TRUE(doc.text.empty()) << doc.text;
    EXPECT_FALSE(doc.title.has_value());
  }
}

TEST(ScrapedTextEdgeTest, FiftyMegabyteSingleLine) {
  std::string raw;
  raw.reserve(50u << 20);
  const std::string unit = "the talks went nowhere and <u>the</u> Kremlin said so &amp; more, ";
  while (raw.size() < (50u << 20)) raw += unit;
  Document doc = ReadScrapedText(raw, "big.txt");
  EXPECT_FALSE(doc.unreadable);
  EXPECT_FALSE(doc.title.has_value());  // a single paragraph is body, not a title
  EXPECT_GT(doc.text.size(), 40u << 20);
  EXPECT_EQ(doc.text.find("<u>"), std::string::npos);
  EXPECT_EQ(doc.text.find("&amp;"), std::string::npos);
  // Spot checks of the map at the start, middle and end (the whole check is too slow here).
  for (size_t at : {size_t{0}, doc.text.size() / 2, doc.text.size() - 8}) {
    const uint64_t r = doc.raw_map.ToRaw(at);
    ASSERT_LT(r, raw.size());
    EXPECT_EQ(raw[r], doc.text[at]) << "clean offset " << at;
  }
}

TEST(ScrapedTextEdgeTest, InvalidUtf8IsReportedNotFatal) {
  Document doc = ReadScrapedText("Title\n\nCaf\xC3\xA9 body \xFF here.", "bad.txt");
  EXPECT_FALSE(doc.unreadable);
  ASSERT_FALSE(doc.errors.empty());
  EXPECT_EQ(doc.errors[0].code, "invalid_utf8");
  EXPECT_NE(doc.text.find("\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace parley::ingest
