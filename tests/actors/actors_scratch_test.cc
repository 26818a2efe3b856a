// The speed machinery of the actor stage must not change a single answer:
//  - Lexicon::LookupGated (no second gate) and Lexicon::Prefetch (a hint, of a word and of
//    the pair it starts) against the plain
//    Lookup on every word of the Wikinews corpus;
//  - FindActors' per-thread scratch, kept from one document to the next: a document's
//    mentions and places do not depend on the documents coded before it on the thread.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "actors_testing.h"
#include "parley/ingest.h"

namespace parley::extract {
namespace {

using actors_testing::BuiltIn;

std::vector<std::string> WikinewsLines() {
  std::ifstream in(parley::testing::SharedDataDir() + "/wikinews/wikinews-2019-2021.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string Code(const std::string& line, size_t line_no, const lexicon::Lexicon& lex = BuiltIn()) {
  Document doc = ingest::ReadJsonLine(line, "wikinews.jsonl", line_no);
  TextLayer layer = text::Segment(doc.text);
  actors_testing::Coded c;
  FindActors(doc, layer, lex, &c.actors, &c.places);
  std::string out = actors_testing::Dump(c);
  for (const auto& a : c.actors)
    out += std::to_string(a.entity) + ":" + (a.antecedent ? std::to_string(*a.antecedent) : "-") + " ";
  return out;
}

TEST(ActorsScratch, GatedLookupAndPrefetchChangeNoHit) {
  PARLEY_REQUIRE_SHARED_DATA();
  const lexicon::Lexicon& lex = BuiltIn();
  const std::vector<std::string> lines = WikinewsLines();
  ASSERT_FALSE(lines.empty());
  size_t compared = 0, with_hits = 0;
  std::vector<lexicon::Hit> want, got;
  for (size_t n = 0; n < lines.size(); ++n) {
    Document doc = ingest::ReadJsonLine(lines[n], "wikinews.jsonl", n + 1);
    TextLayer layer = text::Segment(doc.text);
    for (const Sentence& s : layer.sentences) {
      for (uint32_t i = s.first_token; i < s.end_token; ++i)
        lex.Prefetch(layer.tokens[i].key, i + 1 < s.end_token ? layer.tokens[i + 1].key : 0);
      for (uint32_t i = s.first_token; i < s.end_token; ++i) {
        const Token& t = layer.tokens[i];
        want.clear();
        got.clear();
        lex.Lookup(doc.text, layer.tokens, i, s.end_token, &want);
        const bool lower = lexicon::Lexicon::IsLowerAscii(doc.text[t.start]);
        if (t.kind == TokenKind::kWord && lex.MayStart(t.key, lower))
          lex.LookupGated(doc.text, layer.tokens, i, s.end_token, lower, &got);
        ASSERT_EQ(want.size(), got.size()) << "token " << t.norm << " in line " << n + 1;
        for (size_t h = 0; h < want.size(); ++h) {
          EXPECT_EQ(want[h].end, got[h].end);
          EXPECT_EQ(want[h].entry, got[h].entry);
        }
        ++compared;
        with_hits += !want.empty();
      }
    }
  }
  EXPECT_GT(compared, 100000u);
  EXPECT_GT(with_hits, 1000u);
}

TEST(ActorsScratch, ADocumentsAnswerDoesNotDependOnTheDocumentsBeforeIt) {
  PARLEY_REQUIRE_SHARED_DATA();
  const std::vector<std::string> lines = WikinewsLines();
  ASSERT_GT(lines.size(), 10u);
  // Forward on this thread, then backward, then each document on a fresh thread (a fresh
  // scratch) for a sample: the same answer every time.
  std::vector<std::string> forward(lines.size());
  for (size_t n = 0; n < lines.size(); ++n) forward[n] = Code(lines[n], n + 1);
  for (size_t n = lines.size(); n > 0; --n) {
    EXPECT_EQ(Code(lines[n - 1], n), forward[n - 1]) << "line " << n << " coded after line " << n + 1;
  }
  size_t found = 0;
  for (size_t n = 0; n < lines.size(); n += 37) {
    std::string fresh;
    std::thread([&] { fresh = Code(lines[n], n + 1); }).join();
    EXPECT_EQ(fresh, forward[n]) << "line " << n + 1 << " on a fresh thread";
    found += fresh.empty() ? 0 : 1;
  }
  EXPECT_GT(found, 0u);
}

// The scratch keeps tables derived from the Lexicon (which lower-case words may matter):
// documents coded alternately with two Lexicons on one thread get what a fresh thread gets.
TEST(ActorsScratch, AnotherLexiconOnTheSameThreadChangesNoAnswer) {
  PARLEY_REQUIRE_SHARED_DATA();
  auto other = lexicon::Lexicon::Load({parley::testing::SourceDir() + "/tests/lexicon/testdata/good"});
  ASSERT_TRUE(other.ok());
  const std::vector<std::string> lines = WikinewsLines();
  ASSERT_GT(lines.size(), 10u);
  size_t differ = 0;
  for (size_t n = 0; n < lines.size(); n += 23) {
    std::string want_builtin, want_other;
    std::thread([&] { want_builtin = Code(lines[n], n + 1); }).join();
    std::thread([&] { want_other = Code(lines[n], n + 1, **other); }).join();
    EXPECT_EQ(Code(lines[n], n + 1, **other), want_other) << "line " << n + 1;
    EXPECT_EQ(Code(lines[n], n + 1), want_builtin) << "line " << n + 1;
    differ += want_builtin != want_other;
  }
  EXPECT_GT(differ, 0u);  // the two Lexicons do tell the documents apart
}

}  // namespace
}  // namespace parley::extract
