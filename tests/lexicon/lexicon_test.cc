// The dictionary loader: dates of office, layering, case rules, the trie, and the checks
// behind `parley dict check` (on test folders under testdata/ and on the built-in dict/).
#include "parley/lexicon.h"

#include <gtest/gtest.h>

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
      if (e.kind == Kind::kAgent) ASSERT_TRUE(lex->MayStart(tokens[0].key, true)) << name;
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

}  // namespace
}  // namespace parley::lexicon
