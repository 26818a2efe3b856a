// Tokens: byte spans, kinds and case-folded norms for abbreviations, possessives, numbers,
// quote marks of every kind, hyphens and non-Latin scripts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/segmenter.h"

namespace parley::text {
namespace {

struct Tok {
  std::string text;
  TokenKind kind;
  std::string norm;
  bool operator==(const Tok& o) const { return text == o.text && kind == o.kind && norm == o.norm; }
};

std::ostream& operator<<(std::ostream& os, const Tok& t) {
  return os << "{" << t.text << "," << static_cast<int>(t.kind) << "," << t.norm << "}";
}

std::vector<Tok> Tokens(const std::string& text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), &tokens);
  std::vector<Tok> out;
  for (const auto& t : tokens) out.push_back({text.substr(t.start, t.end - t.start), t.kind, t.norm});
  return out;
}

constexpr auto W = TokenKind::kWord;
constexpr auto N = TokenKind::kNumber;
constexpr auto P = TokenKind::kPunct;
constexpr auto Q = TokenKind::kQuote;
constexpr auto S = TokenKind::kSymbol;

struct TokCase {
  const char* name;
  std::string text;
  std::vector<Tok> want;
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const TokCase& c, std::ostream* os) { *os << c.name; }

class TokenizerTest : public ::testing::TestWithParam<TokCase> {};
TEST_P(TokenizerTest, Tokenizes) { EXPECT_EQ(Tokens(GetParam().text), GetParam().want); }

const TokCase kTokCases[] = {
    {"words_case_folded", "The Kremlin", {{"The", W, "the"}, {"Kremlin", W, "kremlin"}}},
    {"dotted_abbreviation", "U.S. a.m.", {{"U.S.", W, "u.s."}, {"a.m.", W, "a.m."}}},
    {"title_keeps_dot", "Mr. Gen. Sen.", {{"Mr.", W, "mr."}, {"Gen.", W, "gen."}, {"Sen.", W, "sen."}}},
    {"month_keeps_dot", "Feb. 27", {{"Feb.", W, "feb."}, {"27", N, "27"}}},
    {"plain_word_loses_dot", "stalled.", {{"stalled", W, "stalled"}, {".", P, "."}}},
    {"possessive", "Russia's Trump\xE2\x80\x99s",
     {{"Russia", W, "russia"}, {"'s", W, "'s"}, {"Trump", W, "trump"}, {"\xE2\x80\x99s", W, "'s"}}},
    {"contraction", "don't O'Brien", {{"don't", W, "don't"}, {"O'Brien", W, "o'brien"}}},
    {"numbers", "1,000 10.5 2016 10:30 1990s",
     {{"1,000", N, "1,000"}, {"10.5", N, "10.5"}, {"2016", N, "2016"}, {"10:30", N, "10:30"},
      {"1990s", N, "1990s"}}},
    {"number_then_stop", "in 2022.", {{"in", W, "in"}, {"2022", N, "2022"}, {".", P, "."}}},
    {"other_script_digits", "\xE0\xA5\xA8\xE0\xA5\xA6 \xD9\xA3",
     {{"\xE0\xA5\xA8\xE0\xA5\xA6", N, "\xE0\xA5\xA8\xE0\xA5\xA6"}, {"\xD9\xA3", N, "\xD9\xA3"}}},
    {"hyphenated", "full-scale al-Assad", {{"full-scale", W, "full-scale"}, {"al-Assad", W, "al-assad"}}},
    {"straight_quotes", "\"no\"", {{"\"", Q, "\""}, {"no", W, "no"}, {"\"", Q, "\""}}},
    {"curly_quotes", "\xE2\x80\x9Cno\xE2\x80\x9D",
     {{"\xE2\x80\x9C", Q, "\xE2\x80\x9C"}, {"no", W, "no"}, {"\xE2\x80\x9D", Q, "\xE2\x80\x9D"}}},
    {"guillemets", "\xC2\xAB" "da\xC2\xBB",
     {{"\xC2\xAB", Q, "\xC2\xAB"}, {"da", W, "da"}, {"\xC2\xBB", Q, "\xC2\xBB"}}},
    {"single_quotes", "'Going Nowhere'",
     {{"'", Q, "'"}, {"Going", W, "going"}, {"Nowhere", W, "nowhere"}, {"'", Q, "'"}}},
    {"punctuation", "a, b; (c) -- d\xE2\x80\x94", 
     {{"a", W, "a"}, {",", P, ","}, {"b", W, "b"}, {";", P, ";"}, {"(", P, "("}, {"c", W, "c"},
      {")", P, ")"}, {"-", P, "-"}, {"-", P, "-"}, {"d", W, "d"}, {"\xE2\x80\x94", P, "\xE2\x80\x94"}}},
    {"ellipsis", "wait...", {{"wait", W, "wait"}, {"...", P, "..."}}},
    {"symbols", "$5 10% \xE2\x82\xAC",
     {{"$", S, "$"}, {"5", N, "5"}, {"10", N, "10"}, {"%", S, "%"}, {"\xE2\x82\xAC", S, "\xE2\x82\xAC"}}},
    {"non_latin_folded", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
     {{"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", W, "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"}}},
    {"accented", "Caf\xC3\xA9 \xC3\x89lys\xC3\xA9" "e",
     {{"Caf\xC3\xA9", W, "caf\xC3\xA9"}, {"\xC3\x89lys\xC3\xA9" "e", W, "\xC3\xA9lys\xC3\xA9" "e"}}},
    {"spaces_skipped", " \t\xC2\xA0 x \n", {{"x", W, "x"}}},
    {"empty", "", {}},
};

INSTANTIATE_TEST_SUITE_P(Cases, TokenizerTest, ::testing::ValuesIn(kTokCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(TokenizerTest, RespectsTheRange) {
  const std::string text = "skip this. Tokenize only this. not this";
  std::vector<Token> tokens;
  const auto start = static_cast<uint32_t>(text.find("Tokenize"));
  const auto end = static_cast<uint32_t>(text.find(" not"));
  Tokenize(text, start, end, &tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens.front().start, start);
  EXPECT_EQ(tokens.back().end, end);
}

TEST(AbbreviationTest, KnownAndUnknown) {
  for (const char* a : {"mr.", "gen.", "sen.", "feb.", "u.s.", "no.", "a.m."}) EXPECT_TRUE(IsAbbreviation(a)) << a;
  for (const char* a : {"the.", "talks.", "mr", ""}) EXPECT_FALSE(IsAbbreviation(a)) << a;
}

}  // namespace
}  // namespace parley::text
