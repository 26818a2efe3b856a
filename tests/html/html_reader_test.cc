// The .html reader on hand-written pages of common layouts (tests/html/pages/): metadata,
// the article body without page furniture, captions, and the map back to the raw bytes.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <sstream>

#include "common/testing.h"
#include "parley/ingest.h"

namespace parley::testing {
namespace {

std::string PagePath(const std::string& name) { return SourceDir() + "/tests/html/pages/" + name; }

Document ReadPage(const std::string& name) {
  return ingest::ReadHtml(ReadFileOrDie(PagePath(name)), name);
}

struct PageCase {
  std::string file;
  std::optional<std::string> title, published, url, source;
  std::vector<std::string> in_body;      // must appear in the text
  std::vector<std::string> not_in_body;  // furniture that must not
  std::vector<std::string> in_captions;  // must appear in some caption
  size_t paragraphs;                     // exact number of body paragraphs
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const PageCase& c, std::ostream* os) { *os << c.file; }

const std::vector<PageCase>& Cases() {
  static const std::vector<PageCase> cases = {
      {"news-article.html", "Ministers Agree to Resume Border Talks", "2025-03-14",
       "https://www.dailyledger.example/world/ministers-agree-to-resume-border-talks-a4471",
       "The Daily Ledger",
       {"The foreign ministers of the two neighbouring states agreed on Thursday",
        "\xE2\x80\x9CWe have chosen dialogue over confrontation,\xE2\x80\x9D", "A fragile opening",
        "without consulting parliament."},
       {"cookies", "Share on", "Advertisement", "Border clash leaves three dead", "briefing",
        "reader comment", "All rights reserved", "Floods displace", "By Marta", "Tags:",
        "The Daily Ledger", "dataLayer", "display: flex"},
       {"The two foreign ministers met in Vienna on Thursday."},
       6},
      {"wordpress-blog.html", "Why the coalition talks collapsed", "2024-11-08",
       "https://parliamentwatch.example/2024/11/08/why-the-coalition-talks-collapsed/",
       "Parliament Watch",
       {"After six weeks of negotiations", "minority government",
        "\xE2\x80\x9CWe were close, but not close enough,\xE2\x80\x9D"},
       {"Share this", "Read more", "Budget committee", "Leave a Reply", "liberals were never serious",
        "covered parliament since 2015", "Powered by WordPress", "Recent Posts", "Skip to",
        "\xC2\xA0"},
       {"Party leaders leave the final round of talks."},
       4},
      {"wire-dateline.html", "Talks on grain corridor resume in Istanbul", "2025-07-29",
       "https://wire.example/world/europe/2025/07/29/grain-corridor-talks-resume-idUS2025",
       std::nullopt,
       {"ISTANBUL, July 29 (Wire) - Delegations", "Wheat prices fell 2% in Chicago"},
       {"Reporting by", "Licensing", "Trending", "Oil steadies", "4 min read", "quotes delayed"},
       {},
       5},
      {"jsonld-only.html", "Parliament votes to extend peacekeeping mission by a year",
       "2023-06-21", "https://courier.example/news/parliament-votes-to-extend-mission",
       "Capital Courier",
       {"Lawmakers voted on Wednesday", "demanded a full review before any further extension."},
       {"Rail strike", "Most read", "Defence"},
       {},
       3},
      {"figure-photo.html", "Protesters rally outside parliament for a third night", "2024-02-02",
       "https://harbourpost.example/news/protesters-rally-third-night", "Harbour Post",
       {"Thousands of protesters gathered", "27 people had been detained",
        "urged the government to drop the legislation."},
       {"Demonstrators gather", "Riot police", "Published", "Photo:"},
       {"Demonstrators gather in front of the parliament building on Friday.",
        "Riot police stand guard near the main entrance."},
       4},
      {"legacy-table.html", "Governor signs water-sharing accord", "2009-05-18", std::nullopt,
       std::nullopt,
       {"The governor on Monday signed an accord", "\"This is the first time in forty years",
        "threatened to challenge it."},
       {"Classifieds", "Contact Us", "Copyright", "May 18, 2009", "Valley Gazette"},
       {},
       4},
      {"windows-1252.html", "Minister d\xC3\xA9nies report on arms sales", "2021-09-30",
       "https://courrier.example/en/2021/minister-denies-report", "Le Courrier International",
       {"\xE2\x80\x9Cpure fiction.\xE2\x80\x9D", "Ren\xC3\xA9 Lef\xC3\xA8vre",
        "National Assembly\xE2\x80\x99s", "\xE2\x82\xAC" "12 million", "third country \xE2\x80\x94 a claim"},
       {"Accueil", "Tous droits", "\xEF\xBF\xBD"},
       {},
       4},
      {"broken-markup.html", "Ceasefire holds as aid convoys enter the city", "2022-10-05",
       std::nullopt, std::nullopt,
       {"overnight & they warned", "AT&T-sized delegations met again in the afternoon, officials said.",
        "\"a slow disaster\" <3", "40 more trucks by the end of the week"},
       {"Home", "Tweet", "</span>", "&amp"},
       {},
       5},
      {"div-paragraphs.html", "Central bank raises rates for the third time this year",
       "2022-09-22", "https://marketherald.example/economy/central-bank-raises-rates",
       "Market Herald",
       {"The central bank raised its main interest rate", "ready to act again if needed.",
        "would hit small firms hardest."},
       {"Subscribe", "Five charts", "Markets"},
       {},
       4},
  };
  return cases;
}

std::vector<std::string_view> Paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t sep = text.find("\n\n", start);
    if (sep == std::string_view::npos) sep = text.size();
    out.push_back(text.substr(start, sep - start));
    start = sep + 2;
  }
  return out;
}

class PageTest : public ::testing::TestWithParam<PageCase> {};

TEST_P(PageTest, Metadata) {
  const PageCase& c = GetParam();
  Document doc = ReadPage(c.file);
  EXPECT_EQ(doc.format, InputFormat::kHtml);
  EXPECT_EQ(doc.title, c.title);
  EXPECT_EQ(doc.published, c.published);
  EXPECT_EQ(doc.url, c.url);
  EXPECT_EQ(doc.source, c.source);
  EXPECT_FALSE(doc.unreadable);
}

TEST_P(PageTest, BodyWithoutFurniture) {
  const PageCase& c = GetParam();
  Document doc = ReadPage(c.file);
  for (const auto& s : c.in_body) EXPECT_NE(doc.text.find(s), std::string::npos) << s << "\n---\n" << doc.text;
  for (const auto& s : c.not_in_body) EXPECT_EQ(doc.text.find(s), std::string::npos) << s << "\n---\n" << doc.text;
  EXPECT_EQ(Paragraphs(doc.text).size(), c.paragraphs) << doc.text;
  for (std::string_view p : Paragraphs(doc.text)) {
    ASSERT_FALSE(p.empty());
    EXPECT_NE(p.front(), ' ');
    EXPECT_NE(p.back(), ' ');
    EXPECT_EQ(p.find("  "), std::string_view::npos) << p;  // white space collapsed
  }
  for (const char* leftover : {"<p", "</", "<div", "&nbsp;", "&#"}) {
    EXPECT_EQ(doc.text.find(leftover), std::string::npos) << leftover;
  }
}

TEST_P(PageTest, Captions) {
  const PageCase& c = GetParam();
  Document doc = ReadPage(c.file);
  for (const auto& want : c.in_captions) {
    bool found = false;
    for (const auto& cap : doc.captions) found = found || cap.find(want) != std::string::npos;
    EXPECT_TRUE(found) << want;
  }
  if (c.in_captions.empty()) { EXPECT_TRUE(doc.captions.empty()); }
}

// Every ASCII word of the clean text stands verbatim at its mapped raw offset, and every
// clean offset maps inside the raw page, in order.
TEST_P(PageTest, RawMapPointsAtTheSource) {
  const PageCase& c = GetParam();
  const std::string raw = ReadFileOrDie(PagePath(c.file));
  Document doc = ingest::ReadHtml(raw, c.file);
  const std::string& t = doc.text;
  size_t words = 0;
  for (size_t i = 0; i < t.size();) {
    if (!std::isalnum(static_cast<unsigned char>(t[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && std::isalnum(static_cast<unsigned char>(t[j]))) ++j;
    const uint64_t r = doc.raw_map.ToRaw(i);
    ASSERT_LE(r + (j - i), raw.size());
    EXPECT_EQ(raw.substr(r, j - i), t.substr(i, j - i)) << "clean offset " << i;
    ++words;
    i = j;
  }
  EXPECT_GT(words, 30u);
  uint64_t last = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    const uint64_t r = doc.raw_map.ToRaw(i);
    EXPECT_LE(r, raw.size());
    EXPECT_GE(r, last) << "clean offset " << i;
    last = r;
  }
}

TEST_P(PageTest, NoWarningsOnCleanPages) {
  const PageCase& c = GetParam();
  Document doc = ReadPage(c.file);
  for (const auto& e : doc.errors) {
    // Only the Windows-1252 page may say how it was decoded.
    EXPECT_TRUE(c.file == "windows-1252.html" && e.code == "decoded_windows_1252") << e.code << ": " << e.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Pages, PageTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<PageCase>& info) {
                           std::string name = info.param.file.substr(0, info.param.file.find('.'));
                           for (auto& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

TEST(HtmlPagesTest, EveryPageHasACase) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(SourceDir() + "/tests/html/pages")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".html") continue;
    ++files;
    bool covered = false;
    for (const auto& c : Cases()) covered = covered || c.file == name;
    EXPECT_TRUE(covered) << name << " has no test case";
  }
  EXPECT_GE(files, 8u);
}

// The CLI reads a folder of pages: ids are the paths, every page gives one document.
TEST(HtmlPagesTest, ParleyCodeReadsThePagesFolder) {
  const std::string dir = SourceDir() + "/tests/html/pages";
  auto r = RunParley({"code", dir, "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  size_t docs = 0;
  while (std::getline(in, line)) {
    auto d = nlohmann::json::parse(line);
    EXPECT_EQ(d["id"].get<std::string>().rfind(dir + "/", 0), 0u) << d["id"];
    EXPECT_TRUE(d["title"].is_string()) << d["id"];
    EXPECT_TRUE(d["published"].is_string()) << d["id"];
    EXPECT_GT(d["sentences"].size(), 2u) << d["id"];
    ++docs;
  }
  EXPECT_EQ(docs, Cases().size());
}

}  // namespace
}  // namespace parley::testing
