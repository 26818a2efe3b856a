// Actor precision on 30 hand-annotated Wikinews politics articles (annotations/README.md).
// Every predicted actor mention (kind "actor") is looked up by (document, text, occurrence of
// that text in the document); it is right when the annotation gives the same code. Reports the
// figure; fails under the floor. Predictions without an annotation (a dictionary grew) are
// counted apart and may be at most a tenth of all predictions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "common/testing.h"
#include "extract/actors/actors.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

namespace parley::extract {
namespace {

constexpr double kPrecisionFloor = 0.93;

using Key = std::tuple<std::string, std::string, int>;  // doc, text, occurrence

std::map<Key, std::string> ReadAnnotations(std::set<std::string>* docs) {
  std::ifstream in(parley::testing::SourceDir() + "/tests/actors/annotations/wikinews-politics.jsonl");
  std::map<Key, std::string> gold;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    const std::string code = j["code"].is_null() ? "" : j["code"].get<std::string>();
    gold[{j["doc"], j["text"], j["occurrence"]}] = code;
    docs->insert(j["doc"].get<std::string>());
  }
  return gold;
}

// Which occurrence of `needle` in `text` starts at `start`.
int Occurrence(const std::string& text, const std::string& needle, size_t start) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos && at < start; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(ActorsPrecision, WikinewsPolitics) {
  PARLEY_REQUIRE_SHARED_DATA();
  std::set<std::string> docs;
  const auto gold = ReadAnnotations(&docs);
  ASSERT_GT(gold.size(), 500u);
  ASSERT_EQ(docs.size(), 30u);
  auto lex = lexicon::Lexicon::Load({parley::testing::SourceDir() + "/dict"});
  ASSERT_TRUE(lex.ok());
  std::ifstream in(parley::testing::SharedDataDir() + "/wikinews/wikinews-2019-2021.jsonl");
  std::string line;
  uint64_t line_no = 0, right = 0, wrong = 0, unannotated = 0, seen_docs = 0;
  while (std::getline(in, line)) {
    Document doc = ingest::ReadJsonLine(line, "wikinews.jsonl", ++line_no);
    if (docs.count(doc.id) == 0) continue;
    ++seen_docs;
    TextLayer layer = text::Segment(doc.text);
    std::vector<ActorMention> actors;
    std::vector<Place> places;
    FindActors(doc, layer, **lex, &actors, &places);
    for (const auto& a : actors) {
      if (a.kind != "actor") continue;
      auto it = gold.find({doc.id, a.text, Occurrence(doc.text, a.text, a.start)});
      if (it == gold.end()) {
        ++unannotated;
      } else if (it->second == a.code) {
        ++right;
      } else {
        ++wrong;
        std::printf("  wrong: %s: \"%s\" %s (annotated %s)\n", doc.id.c_str(), a.text.c_str(), a.code.c_str(),
                    it->second.empty() ? "not an actor" : it->second.c_str());
      }
    }
  }
  ASSERT_EQ(seen_docs, 30u);
  const double precision = static_cast<double>(right) / static_cast<double>(right + wrong);
  std::printf("actor precision on %llu annotated mentions of 30 Wikinews politics articles: %.1f%% "
              "(%llu right, %llu wrong; %llu predictions without annotation)\n",
              static_cast<unsigned long long>(right + wrong), 100.0 * precision,
              static_cast<unsigned long long>(right), static_cast<unsigned long long>(wrong),
              static_cast<unsigned long long>(unannotated));
  EXPECT_GE(precision, kPrecisionFloor);
  EXPECT_LE(unannotated * 10, right + wrong + unannotated);
}

}  // namespace
}  // namespace parley::extract
