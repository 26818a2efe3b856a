// The dictionary loader: dates of office, layering, case rules, the trie, and the checks
// behind `parley dict check` (on test folders under testdata/ and on the built-in dict/).
#include "parley/lexicon.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "common/testing.h"
#include "lexicon/dict_parser.h"
#include "text/segmenter.h"

namespace parley::lexicon {
namespace {

std::string TestData(const std::string& name) {
  return parley::testing::SourceDir() + "/tests/lexicon/testdata/" + name;
}

std::shared_ptr<const Lexicon> LoadOrDie(const std::vector<std::string>& dirs) {
  auto lex = Lexicon::Load(dirs);
  EXPECT_TRUE(lex.ok()) << lex.status().message();
  return lex.ok() ? lex.value() : nullptr;
}

const Entry* Find(const Lexicon& lex, const std::string& name, Kind kind) {
  for (const auto& e : lex.entries()) {
    if (e.name == name && e.kind == kind) return &e;
  }
  return nullptr;
}

struct DateCase {
  const char* person;
  const char* date;
  const char* code;
};

TEST(Lexicon, CodesFollowDatesOfOffice) {
  auto lex = LoadOrDie({TestData("good")});
  ASSERT_NE(lex, nullptr);
  const DateCase cases[] = {
      {"Donald Trump", "2018-06-01", "USAGOV"}, {"Donald Trump", "2017-01-20", "USAGOV"},  // inclusive start
      {"Donald Trump", "2021-01-20", "USAGOV"}, {"Donald Trump", "2021-01-21", "USAELI"},  // inclusive end
      {"Donald Trump", "2023-05-05", "USAELI"}, {"Donald Trump", "2025-07-29", "USAGOV"},
      {"Donald Trump", "2008-01-01", "USAELI"}, {"Donald Trump", "", "USAGOV"},  // no date: most recent
      {"Marco Rubio", "2024-12-01", "USALEG"},  {"Marco Rubio", "2025-01-21", "USAGOV"},
      {"Marco Rubio", "2008-03-01", "USAELI"},  {"Ada Example", "1999-01-01", "GBRGOV"},
      {"Ada Example", "2011-01-01", "GBRELI"},  {"Ivan Sample", "2010-01-01", "IGOUNO"},
      {"Ivan Sample", "2020-01-01", "RUSELI"},  // out of an IGO post: the country's elite
  };
  for (const auto& c : cases) {
    const Entry* e = Find(*lex, c.person, Kind::kPerson);
    ASSERT_NE(e, nullptr) << c.person;
    EXPECT_EQ(lex->CodeOn(*e, c.date), c.code) << c.person << " on " << c.date;
  }
}

struct MatchCase {
  const char* text;
  const char* expected_name;  // "" when nothing may match at the first token
};

TEST(Lexicon, TrieMatchesLongestPhraseAndRespectsCase) {
  auto lex = LoadOrDie({TestData("good")});
  ASSERT_NE(lex, nullptr);
  const MatchCase cases[] = {
      {"U.S. officials", "US"},   {"US troops", "US"},          {"us troops", ""},
      {"United States envoy", "US"}, {"UN envoy", "United Nations"}, {"un envoy", ""},
      {"Donald Trump said", "Donald Trump"}, {"Kremlin said", "Kremlin"},
      {"Old Exampleton is", "Exampleton"},
  };
  for (const auto& c : cases) {
    TextLayer layer = text::Segment(c.text);
    std::vector<Hit> hits;
    lex->Lookup(c.text, layer.tokens, 0, static_cast<uint32_t>(layer.tokens.size()), &hits);
    if (std::string(c.expected_name).empty()) {
      EXPECT_TRUE(hits.empty()) << c.text;
      continue;
    }
    ASSERT_FALSE(hits.empty()) << c.text;
    EXPECT_EQ(lex->entry(hits[0].entry).name, c.expected_name) << c.text;
    for (size_t i = 1; i < hits.size(); ++i) EXPECT_LE(hits[i].end, hits[0].end) << "longest first: " << c.text;
  }
}

TEST(Lexicon, IsoCountriesAreLoadedFromIsoCodes) {
  auto lex = LoadOrDie({TestData("good")});
  ASSERT_NE(lex, nullptr);
  for (const char* code : {"FRA", "UKR", "TUR", "BRA", "ZAF"}) EXPECT_NE(lex->Country(code), nullptr) << code;
  EXPECT_NE(Find(*lex, "France", Kind::kCountry), nullptr);
}

TEST(Lexicon, UserFolderReplacesAndAdds) {
  auto lex = LoadOrDie({TestData("good"), TestData("user")});
  ASSERT_NE(lex, nullptr);
  const Entry* kremlin = Find(*lex, "Kremlin", Kind::kSeat);
  ASSERT_NE(kremlin, nullptr);
  EXPECT_EQ(kremlin->code, "RUSMIL");
  int kremlins = 0;
  for (const auto& e : lex->entries()) kremlins += e.name == "Kremlin";
  EXPECT_EQ(kremlins, 1);
  EXPECT_NE(Find(*lex, "Jane Newcomer", Kind::kPerson), nullptr);
  EXPECT_NE(Find(*lex, "Donald Trump", Kind::kPerson), nullptr);
}

TEST(Lexicon, MissingFolderIsAnError) {
  auto lex = Lexicon::Load({TestData("no-such-folder")});
  EXPECT_FALSE(lex.ok());
}

struct DiagnosticCase {
  const char* file;  // file name suffix
  uint32_t line;
  const char* message_part;
};

TEST(Lexicon, CheckReportsEveryProblemWithFileAndLine) {
  auto lex = LoadOrDie({TestData("bad")});
  ASSERT_NE(lex, nullptr);
  const DiagnosticCase cases[] = {
      {"bad-people.txt", 2, "overlapping dates of office"},
      {"bad-people.txt", 4, "malformed line"},
      {"bad-people.txt", 6, "bad date range"},
      {"bad-people.txt", 8, "duplicate entry"},
      {"bad-people.txt", 10, "gender"},
      {"bad-orgs.txt", 3, "conflicting codes"},
      {"bad-orgs.txt", 5, "bad code"},
      {"bad-agents.txt", 1, "malformed agent line"},
  };
  for (const auto& c : cases) {
    bool found = false;
    for (const auto& d : lex->diagnostics()) {
      const bool file_ok = d.file.size() >= std::string(c.file).size() &&
                           d.file.compare(d.file.size() - std::string(c.file).size(), std::string::npos, c.file) == 0;
      found = found || (file_ok && d.line == c.line && d.error && d.message.find(c.message_part) != std::string::npos);
    }
    EXPECT_TRUE(found) << "expected \"" << c.message_part << "\" at " << c.file << ":" << c.line;
  }
  for (const auto& d : lex->diagnostics()) EXPECT_NE(d.ToString().find(":"), std::string::npos);
}

TEST(Lexicon, GoodTestFolderHasNoErrors) {
  auto lex = LoadOrDie({TestData("good"), TestData("user")});
  ASSERT_NE(lex, nullptr);
  for (const auto& d : lex->diagnostics()) EXPECT_FALSE(d.error) << d.ToString();
}

// The gate (MayStart) that callers test before Lookup() must never reject a word that starts a
// phrase: every name of every built-in entry is found again through the gate and Lookup().
// The dense population table agrees with the entries, and each Lexicon has its own serial
// (what per-thread caches of derived tables are keyed by).
TEST(Lexicon, PopulationTableAndSerial) {
  auto a = LoadOrDie({parley::testing::SourceDir() + "/dict"});
  auto b = LoadOrDie({TestData("good"), TestData("user")});
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(a->serial(), b->serial());
  size_t places = 0;
  for (const auto* lex : {a.get(), b.get()}) {
    for (uint32_t id = 0; id < lex->entries().size(); ++id) {
      ASSERT_EQ(lex->population(id), lex->entry(id).population) << lex->entry(id).name;
      places += lex->entry(id).population > 0;
    }
  }
  EXPECT_GT(places, 1000u);
}

TEST(Lexicon, GateRejectsNoPhraseOfTheBuiltInDictionaries) {
  auto lex = LoadOrDie({parley::testing::SourceDir() + "/dict"});
  ASSERT_NE(lex, nullptr);
  size_t checked = 0;
  for (uint32_t id = 0; id < lex->entries().size(); ++id) {
    const Entry& e = lex->entries()[id];
    for (const std::string& name : e.names) {
      std::vector<Token> tokens;
      text::Tokenize(name, 0, static_cast<uint32_t>(name.size()), &tokens);
      if (tokens.empty() || tokens[0].kind != TokenKind::kWord) continue;
      ASSERT_TRUE(lex->MayStart(tokens[0].key, false)) << name;
      if (e.kind == Kind::kAgent) {
        ASSERT_TRUE(lex->MayStart(tokens[0].key, true)) << name;
      }
      // Written in lower case ("la Nucia"), only agents match: Lookup()'s own rule.
      if (name[0] >= 'a' && name[0] <= 'z' && e.kind != Kind::kAgent) continue;
      std::vector<Hit> hits;
      lex->Lookup(name, tokens, 0, static_cast<uint32_t>(tokens.size()), &hits);
      bool found = false;
      for (const Hit& h : hits) found = found || (h.entry == id && h.end == tokens.size());
      EXPECT_TRUE(found) << name << " (" << e.origin << ")";
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000u);
}

TEST(DictCheckCommand, BuiltInDictionariesPass) {
  auto r = parley::testing::RunParley({"dict", "check", parley::testing::SourceDir() + "/dict"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("0 errors"), std::string::npos) << r.out;
}

TEST(DictCheckCommand, BadFolderFailsWithLocations) {
  auto r = parley::testing::RunParley({"dict", "check", TestData("bad")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("bad-people.txt:2: error: overlapping dates of office"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bad-orgs.txt:3: error: conflicting codes"), std::string::npos) << r.out;
}

TEST(DictCheckCommand, MissingFolderIsBadUsage) {
  auto r = parley::testing::RunParley({"dict", "check", TestData("no-such-folder")});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(DictParser, ValidatesCodesAndDates) {
  EXPECT_TRUE(IsActorCode("USAGOV"));
  EXPECT_TRUE(IsActorCode("IGOEU"));  // the contract's EU code
  EXPECT_FALSE(IsActorCode("USAGO"));
  EXPECT_FALSE(IsActorCode("usagov"));
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2025-1-01"));
}

// ParseDouble takes a shortcut for plain decimals (every gazetteer coordinate); it must give
// exactly what std::from_chars gives, value and acceptance, on those and on everything else.
TEST(DictParser, ParseDoubleAgreesWithFromChars) {
  std::vector<std::string> inputs = {
      "52.0017", "-0", "-0.0", "0", "90", "-180.0000", "0.1234567890123456789", "-179.99999999999999999",
      "12345678901234567", "123456789012345", "999999999999999.", "0.000000000000001", ".5", "5.", "-.5",
      "1e1", "2E-1", "inf", "nan", "0x10", "52.0017abc", "", "-", ".", "+5", "1..2", "--1", " 1", "1 "};
  std::mt19937_64 random(20251125);  // fixed seed: the same cases on every run
  for (int i = 0; i < 20000; ++i) {
    const int64_t whole = static_cast<int64_t>(random() % 400000000) - 200000000;
    const int decimals = static_cast<int>(random() % 12);
    std::string s = std::to_string(whole);
    if (decimals > 0) s.insert(s.size() - std::min<size_t>(s.size() - (whole < 0), decimals), ".");
    inputs.push_back(s);
  }
  for (const std::string& s : inputs) {
    double expected = 0, got = 0;
    const bool expected_ok = std::from_chars(s.data(), s.data() + s.size(), expected).ec == std::errc();
    ASSERT_EQ(ParseDouble(s, &got), expected_ok) << "\"" << s << "\"";
    if (!expected_ok) continue;
    if (std::isnan(expected)) {
      EXPECT_TRUE(std::isnan(got)) << s;
    } else {
      EXPECT_EQ(std::memcmp(&expected, &got, sizeof got), 0) << "\"" << s << "\": " << expected << " vs " << got;
    }
  }
}

TEST(DictParser, CodeSetHoldsWhatWasInserted) {
  CodeSet codes;
  for (const char* c : {"USA", "AAA", "ZZZ", "XKX1", ""}) codes.Insert(c);
  for (const char* c : {"USA", "AAA", "ZZZ", "XKX1", ""}) EXPECT_TRUE(codes.Contains(c)) << c;
  for (const char* c : {"GBR", "usa", "US", "USAA", "ZZY", "AAB", "XKX"}) EXPECT_FALSE(codes.Contains(c)) << c;
}

struct PlaceRowCase {
  const char* row;
  const char* error;  // a part of the expected message; "" when the row is good
};

// Gazetteer rows: good rows fill every field, bad rows give no entry and one error at the
// row's file and line.
TEST(DictParser, PlaceRowsAreCheckedColumnByColumn) {
  const PlaceRowCase cases[] = {
      {"Exampleton\tGBR\t51.5\t-0.25\t20000\tOld Exampleton|Exampleton Town", ""},
      {"Exampleton\tGBR\t51.5\t-0.25\t20000", ""},
      {" Exampleton \t GBR \t 51.5 \t -0.25 \t 20000 \t ", ""},
      {"Exampleton\tXXX\t51.5\t-0.25\t20000\t", "unknown country code"},
      {"Exampleton\tGBR\t91\t-0.25\t20000\t", "bad latitude"},
      {"Exampleton\tGBR\t51.5\t-180.5\t20000\t", "bad latitude"},
      {"Exampleton\tGBR\tnorth\t-0.25\t20000\t", "bad latitude"},
      {"Exampleton\tGBR\t51.5\t-0.25\t-3\t", "bad latitude"},
      {"Exampleton\tGBR\t51.5\t-0.25", "malformed place line"},
      {"Exampleton\tGBR\t51.5\t-0.25\t1\tA\tB", "malformed place line"},
      {"\tGBR\t51.5\t-0.25\t1\t", "malformed place line"},
  };
  CodeSet iso3;
  iso3.Insert("GBR");
  for (const auto& c : cases) {
    std::vector<Diagnostic> diagnostics;
    const LineContext ctx{"places/test.tsv", 17, Kind::kPlace, &iso3, &diagnostics};
    Entry e;
    const bool ok = ParsePlaceLine(c.row, ctx, &e);
    if (std::string(c.error).empty()) {
      ASSERT_TRUE(ok) << c.row;
      EXPECT_TRUE(diagnostics.empty()) << c.row;
      EXPECT_EQ(e.kind, Kind::kPlace);
      EXPECT_EQ(e.name, "Exampleton");
      EXPECT_EQ(e.names.front(), "Exampleton");
      EXPECT_EQ(e.country, "GBR");
      EXPECT_EQ(e.lat, 51.5);
      EXPECT_EQ(e.lon, -0.25);
      EXPECT_EQ(e.population, 20000u);
      EXPECT_EQ(e.origin, "places/test.tsv:17");
      continue;
    }
    EXPECT_FALSE(ok) << c.row;
    ASSERT_EQ(diagnostics.size(), 1u) << c.row;
    EXPECT_EQ(diagnostics[0].ToString().rfind("places/test.tsv:17: error: ", 0), 0u) << diagnostics[0].ToString();
    EXPECT_NE(diagnostics[0].message.find(c.error), std::string::npos) << diagnostics[0].message;
  }
}

struct ActorLineCase {
  const char* line;
  size_t names, dated;
  const char* code;
  const char* error;  // a part of the first expected message; "" when none
};

TEST(DictParser, ActorLinesSplitIntoNamesCodesAndAttributes) {
  const ActorLineCase cases[] = {
      {"The Example League | EL :: IGOEXL :: type=organisation", 2, 0, "IGOEXL", ""},
      {"Ada Example :: GBRGOV 1990-01-01..2000-12-31 ; GBRELI 2001-01-01.. :: gender=f title=prime_minister", 1, 2, "", ""},
      {"Ada Example :: GBRGOV 1990-01-01..2000-12-31 2001", 0, 0, "", "expected CODE FROM..TO"},
      {"Ada Example :: GBRGOV 2000-02-30..", 0, 0, "", "bad date range"},
      {"Ada Example :: GBRGOV 2001-01-01..2000-01-01", 0, 0, "", "ends before it starts"},
      {"Ada | | Example :: GBR", 0, 0, "", "empty name"},
      {"Ada :: GBR :: x=1 :: y", 0, 0, "", "malformed line"},
      {"Ada :: gbr", 0, 0, "", "bad code"},
      {"Ada | Ada :: GBR", 2, 0, "GBR", "duplicate name"},
      {"Ada :: GBR :: gender=x", 1, 0, "GBR", "gender must be"},
  };
  CodeSet iso3;
  iso3.Insert("GBR");
  for (const auto& c : cases) {
    std::vector<Diagnostic> diagnostics;
    const LineContext ctx{"actors/test.txt", 3, Kind::kOrganisation, &iso3, &diagnostics};
    Entry e;
    const bool ok = ParseActorLine(c.line, ctx, &e);
    EXPECT_EQ(ok, c.names > 0) << c.line;
    if (ok) {
      EXPECT_EQ(e.names.size(), c.names) << c.line;
      EXPECT_EQ(e.dated.size(), c.dated) << c.line;
      EXPECT_EQ(e.code, c.code) << c.line;
      EXPECT_EQ(e.origin, "actors/test.txt:3");
    }
    if (std::string(c.error).empty()) {
      EXPECT_TRUE(diagnostics.empty()) << c.line << ": " << diagnostics.front().ToString();
    } else {
      ASSERT_FALSE(diagnostics.empty()) << c.line;
      EXPECT_EQ(diagnostics[0].line, 3u);
      EXPECT_NE(diagnostics[0].message.find(c.error), std::string::npos) << diagnostics[0].message;
    }
  }
}

}  // namespace
}  // namespace parley::lexicon
