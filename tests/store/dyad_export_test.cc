// Exports (GDELT column by column, CSV, JSONL, table) and dyad series (periods, counts, mean
// Goldstein, gap filling, ISO weeks, SVG), from rows built here.
#include <nlohmann/json.hpp>

#include <sstream>

#include "analysis/dyad.h"
#include "analysis/export.h"
#include "common/testing.h"

namespace parley::testing {
namespace {

using analysis::DyadRow;
using analysis::Period;

store::StoredEvent SampleEvent() {
  store::StoredEvent ev;
  ev.id = 42;
  ev.mentions = 5;
  ev.sources = 2;
  ev.articles = 3;
  ev.in_lead = true;
  ev.added_at = "20261124213000";
  ev.first.event_id = 42;
  ev.first.doc = store::DocRef{"doc-1", std::string("https://example.org/a"), std::string("Wire"),
                               std::string("Title"), std::string("2025-07-29")};
  Event& e = ev.first.event;
  e.source = "USAGOVMIL";
  e.target = "IGOUNO";
  e.code = "1123";
  e.root = "11";
  e.plover = "ACCUSE";
  e.quad_class = 3;
  e.goldstein = -2.0;
  e.date = "2025-07-28";
  e.location = EventLocation{"Istanbul", "TUR", 41.0082, 28.9784};
  e.evidence = "US generals accused the UN of bias.";
  e.source_text = "US generals";
  e.target_text = "the UN";
  e.verb_text = "accused";
  e.pattern = "accuse.of";
  e.modality = "asserted";
  return ev;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

TEST(GdeltExportTest, EveryColumn) {
  const std::vector<std::string> row = analysis::GdeltRow(SampleEvent());
  ASSERT_EQ(row.size(), 61u);
  ASSERT_EQ(analysis::kGdeltColumns.size(), 61u);
  const std::map<std::string, std::string> want = {
      {"GLOBALEVENTID", "42"}, {"SQLDATE", "20250728"}, {"MonthYear", "202507"}, {"Year", "2025"},
      {"FractionDate", "2025.6521"},  // 2025 + (7 * 30 + 28) / 365
      {"Actor1Code", "USAGOVMIL"}, {"Actor1Name", "US GENERALS"}, {"Actor1CountryCode", "USA"},
      {"Actor1KnownGroupCode", ""}, {"Actor1EthnicCode", ""}, {"Actor1Religion1Code", ""},
      {"Actor1Religion2Code", ""}, {"Actor1Type1Code", "GOV"}, {"Actor1Type2Code", "MIL"},
      {"Actor1Type3Code", ""},
      {"Actor2Code", "IGOUNO"}, {"Actor2Name", "THE UN"}, {"Actor2CountryCode", ""},
      {"Actor2KnownGroupCode", "UNO"}, {"Actor2EthnicCode", ""}, {"Actor2Religion1Code", ""},
      {"Actor2Religion2Code", ""}, {"Actor2Type1Code", "IGO"}, {"Actor2Type2Code", ""},
      {"Actor2Type3Code", ""},
      {"IsRootEvent", "1"}, {"EventCode", "1123"}, {"EventBaseCode", "112"}, {"EventRootCode", "11"},
      {"QuadClass", "3"}, {"GoldsteinScale", "-2.0"}, {"NumMentions", "5"}, {"NumSources", "2"},
      {"NumArticles", "3"}, {"AvgTone", ""},
      {"Actor1Geo_Type", ""}, {"Actor1Geo_FullName", ""}, {"Actor1Geo_CountryCode", ""},
      {"Actor1Geo_ADM1Code", ""}, {"Actor1Geo_ADM2Code", ""}, {"Actor1Geo_Lat", ""},
      {"Actor1Geo_Long", ""}, {"Actor1Geo_FeatureID", ""},
      {"Actor2Geo_Type", ""}, {"Actor2Geo_FullName", ""}, {"Actor2Geo_CountryCode", ""},
      {"Actor2Geo_ADM1Code", ""}, {"Actor2Geo_ADM2Code", ""}, {"Actor2Geo_Lat", ""},
      {"Actor2Geo_Long", ""}, {"Actor2Geo_FeatureID", ""},
      {"ActionGeo_Type", "4"}, {"ActionGeo_FullName", "Istanbul"}, {"ActionGeo_CountryCode", "TU"},
      {"ActionGeo_ADM1Code", ""}, {"ActionGeo_ADM2Code", ""}, {"ActionGeo_Lat", "41.0082"},
      {"ActionGeo_Long", "28.9784"}, {"ActionGeo_FeatureID", ""},
      {"DATEADDED", "20261124213000"}, {"SOURCEURL", "https://example.org/a"}};
  ASSERT_EQ(want.size(), 61u);
  for (size_t i = 0; i < 61; ++i) {
    const std::string name = analysis::kGdeltColumns[i];
    ASSERT_TRUE(want.count(name)) << "unexpected column " << name;
    EXPECT_EQ(row[i], want.at(name)) << "column " << i + 1 << " " << name;
  }
}

TEST(GdeltExportTest, FallbacksAndCountryLevelPlaces) {
  store::StoredEvent ev = SampleEvent();
  ev.first.event.date = std::nullopt;  // no event date: the article date
  ev.first.event.location = EventLocation{"Russia", "RUS", std::nullopt, std::nullopt};
  ev.first.event.source = "REB";
  ev.first.doc.url = std::nullopt;
  ev.in_lead = false;
  const auto row = analysis::GdeltRow(ev);
  std::map<std::string, std::string> got;
  for (size_t i = 0; i < row.size(); ++i) got[analysis::kGdeltColumns[i]] = row[i];
  EXPECT_EQ(got["SQLDATE"], "20250729");
  EXPECT_EQ(got["Actor1CountryCode"], "");
  EXPECT_EQ(got["Actor1Type1Code"], "REB");
  EXPECT_EQ(got["IsRootEvent"], "0");
  EXPECT_EQ(got["ActionGeo_Type"], "1");
  EXPECT_EQ(got["ActionGeo_CountryCode"], "RS");
  EXPECT_EQ(got["ActionGeo_ADM1Code"], "RS");
  EXPECT_EQ(got["ActionGeo_FeatureID"], "RS");
  EXPECT_EQ(got["ActionGeo_Lat"], "");
  EXPECT_EQ(got["SOURCEURL"], "doc-1");
  ev.first.event.date = "2016/2018";
  ev.first.event.location = EventLocation{"Austin", "USA", 30.27, -97.74};
  const auto row2 = analysis::GdeltRow(ev);
  EXPECT_EQ(row2[1], "20160101");
  EXPECT_EQ(row2[51], "3");  // ActionGeo_Type: a US city
  EXPECT_EQ(row2[53], "US");
}

TEST(GdeltExportTest, FileHasHeaderAndSixtyOneTabSeparatedColumns) {
  store::StoredEvent ev = SampleEvent();
  ev.first.event.source_text = "tab\there";
  std::string out;
  analysis::WriteEvents({ev, SampleEvent()}, analysis::Format::kGdelt, &out);
  std::istringstream in(out);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    auto fields = SplitTabs(line);
    EXPECT_EQ(fields.size(), 61u) << line;
    if (n == 0) { EXPECT_EQ(fields[0], "GLOBALEVENTID"); }
    ++n;
  }
  EXPECT_EQ(n, 3);
}

TEST(EventExportTest, CsvQuotesFieldsAndJsonlKeepsContractFields) {
  store::StoredEvent ev = SampleEvent();
  ev.first.event.evidence = "He said, \"no\".\nThen left.";
  std::string csv;
  analysis::WriteEvents({ev}, analysis::Format::kCsv, &csv);
  EXPECT_EQ(csv.rfind("event_id,date,source,target,code,", 0), 0u);
  EXPECT_NE(csv.find("\"He said, \"\"no\"\".\nThen left.\""), std::string::npos) << csv;
  std::string jsonl;
  analysis::WriteEvents({ev}, analysis::Format::kJsonl, &jsonl);
  auto j = nlohmann::json::parse(jsonl);
  for (const char* key : {"source", "target", "code", "root", "plover", "quad_class", "goldstein", "date",
                          "location", "sentence", "mentions", "evidence", "source_text", "target_text",
                          "verb_text", "pattern", "modality", "sources", "articles", "document"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["mentions"], 5);
  EXPECT_EQ(j["articles"], 3);
  EXPECT_EQ(j["location"]["country"], "TUR");
  EXPECT_EQ(j["document"]["id"], "doc-1");
  std::string table;
  analysis::WriteEvents({ev}, analysis::Format::kTable, &table);
  std::istringstream lines(table);
  std::string line;
  while (std::getline(lines, line)) {
    size_t cps = 0;
    for (unsigned char c : line) cps += (c & 0xC0) != 0x80;
    EXPECT_LE(cps, 100u) << line;
  }
  EXPECT_NE(table.find("Then left."), std::string::npos);
}

TEST(EventExportTest, WrapKeepsWordsAndWidth) {
  const std::string text = "one two three four five six seven eight nine ten eleven twelve";
  const std::string wrapped = analysis::Wrap(text, 20, 2);
  std::istringstream in(wrapped);
  std::string line, joined;
  while (std::getline(in, line)) {
    EXPECT_LE(line.size(), 20u);
    EXPECT_EQ(line.rfind("  ", 0), 0u);
    joined += (joined.empty() ? "" : " ") + line.substr(2);
  }
  EXPECT_EQ(joined, text);
}

store::DyadEvent DE(const std::string& date, bool forward, int quad, double g,
                    const std::string& last = "") {
  return store::DyadEvent{date, last.empty() ? date : last, forward, quad, g};
}

TEST(DyadSeriesTest, PeriodsOfDates) {
  struct Case {
    std::string date;
    Period period;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"2025-07-28", Period::kDay, "2025-07-28"},  {"2025-07-28", Period::kMonth, "2025-07"},
      {"2025-07-28", Period::kWeek, "2025-W31"},   {"2024-12-30", Period::kWeek, "2025-W01"},
      {"2021-01-03", Period::kWeek, "2020-W53"},   {"2021-01-04", Period::kWeek, "2021-W01"}};
  for (const auto& c : cases) EXPECT_EQ(analysis::PeriodOf(c.date, c.period), c.want) << c.date;
}

TEST(DyadSeriesTest, CountsByQuadBothWaysWithGapsFilled) {
  const std::vector<store::DyadEvent> events = {
      DE("2025-01-05", true, 1, 3.0),  DE("2025-01-20", true, 3, -2.0), DE("2025-01-21", false, 3, -4.0),
      DE("2025-03-02", false, 4, -10.0), DE("2025-03-03", true, 2, 7.0)};
  const auto months = analysis::DyadSeries(events, Period::kMonth);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].period, "2025-01");
  EXPECT_EQ(months[0].forward, (std::array<int, 4>{1, 0, 1, 0}));
  EXPECT_EQ(months[0].backward, (std::array<int, 4>{0, 0, 1, 0}));
  EXPECT_EQ(months[0].events, 3);
  EXPECT_DOUBLE_EQ(months[0].MeanGoldstein(), -1.0);
  EXPECT_EQ(months[1].period, "2025-02");
  EXPECT_EQ(months[1].events, 0);
  EXPECT_EQ(months[2].forward, (std::array<int, 4>{0, 1, 0, 0}));
  EXPECT_EQ(months[2].backward, (std::array<int, 4>{0, 0, 0, 1}));
  EXPECT_DOUBLE_EQ(months[2].MeanGoldstein(), -1.5);
  const auto days = analysis::DyadSeries(events, Period::kDay);
  EXPECT_EQ(days.size(), 58u);  // 2025-01-05 .. 2025-03-03
  int total = 0;
  for (const auto& d : days) total += d.events;
  EXPECT_EQ(total, 5);
  const auto weeks = analysis::DyadSeries(events, Period::kWeek);
  EXPECT_EQ(weeks.front().period, "2025-W01");
  EXPECT_EQ(weeks.back().period, "2025-W10");
  EXPECT_EQ(weeks.size(), 10u);
  EXPECT_TRUE(analysis::DyadSeries({}, Period::kMonth).empty());
  // An event dated only by its year does not belong to January in a monthly series.
  std::vector<store::DyadEvent> with_year = events;
  with_year.push_back(DE("2024-01-01", true, 4, -10.0, "2024-12-31"));
  int coarse = 0;
  const auto kept = analysis::DyadSeries(with_year, Period::kMonth, &coarse);
  EXPECT_EQ(coarse, 1);
  EXPECT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept.front().period, "2025-01");
}

TEST(DyadSeriesTest, TableAndSvg) {
  const auto rows = analysis::DyadSeries({DE("2025-01-05", true, 1, 3.0), DE("2025-02-20", false, 4, -9.0)},
                                         Period::kMonth);
  std::string table;
  analysis::WriteDyadTable("USA", "RUS", rows, &table);
  EXPECT_NE(table.find("USA -> RUS"), std::string::npos);
  EXPECT_NE(table.find("RUS -> USA"), std::string::npos);
  EXPECT_NE(table.find("2025-02"), std::string::npos);
  EXPECT_NE(table.find("-9.00"), std::string::npos);
  std::string svg;
  analysis::WriteDyadSvg("USA", "RUS", rows, &svg);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  size_t rects = 0;
  for (size_t p = svg.find("<rect x="); p != std::string::npos; p = svg.find("<rect x=", p + 1)) ++rects;
  EXPECT_EQ(rects, 2u + 4u);  // one bar segment per month with events, four legend keys
}

}  // namespace
}  // namespace parley::testing
