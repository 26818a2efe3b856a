// The compiled phrase trie (src/lexicon/phrase_trie.h) against a slow reference: every name of
// the built-in dictionaries, tokenized and compared norm by norm, must give the same phrases at
// every token of real text (Wikinews, the sample article) and of text written here; and the
// gate Lookup() opens with must never reject a word that starts a phrase.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/testing.h"
#include "parley/ingest.h"
#include "parley/lexicon.h"
#include "text/segmenter.h"

namespace parley::lexicon {
namespace {

// The loader's case rule, restated: short all-capital names and names with an inner dot
// followed by a letter match only as written.
bool ExactCase(const std::string& name) {
  size_t letters = 0;
  bool all_caps = true;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == '.' && i + 1 < name.size() && std::isalpha(static_cast<unsigned char>(name[i + 1]))) return true;
    if (std::isalpha(c)) {
      ++letters;
      all_caps = all_caps && std::isupper(c);
    } else if (c == ' ') {
      all_caps = false;
    }
  }
  return all_caps && letters > 0 && letters <= 4;
}

struct RefPhrase {
  std::vector<std::string> norms, surface;
  uint32_t entry = 0;
  bool exact = false;
};

// Phrases by the norm of their first word; matching compares strings, no hashing of ours.
class Reference {
 public:
  explicit Reference(const Lexicon& lex) : lex_(lex) {
    for (uint32_t id = 0; id < lex.entries().size(); ++id) {
      for (const std::string& name : lex.entry(id).names) Add(id, name);
    }
  }

  std::set<std::pair<uint32_t, uint32_t>> At(std::string_view text, const std::vector<Token>& tokens, uint32_t i,
                                             uint32_t end) const {
    std::set<std::pair<uint32_t, uint32_t>> out;  // (end, entry)
    if (tokens[i].kind != TokenKind::kWord) return out;
    const bool lower = text[tokens[i].start] >= 'a' && text[tokens[i].start] <= 'z';
    auto it = by_first_.find(tokens[i].norm);
    if (it == by_first_.end()) return out;
    for (const RefPhrase& p : it->second) {
      if (i + p.norms.size() > end || (lower && lex_.entry(p.entry).kind != Kind::kAgent)) continue;
      bool ok = true;
      for (size_t k = 0; ok && k < p.norms.size(); ++k) {
        const Token& t = tokens[i + k];
        ok = t.norm == p.norms[k] && (!p.exact || text.substr(t.start, t.end - t.start) == p.surface[k]);
      }
      if (ok) out.insert({static_cast<uint32_t>(i + p.norms.size()), p.entry});
    }
    return out;
  }

 private:
  void Add(uint32_t id, const std::string& name) {
    std::vector<Token> tokens;
    text::Tokenize(name, 0, static_cast<uint32_t>(name.size()), &tokens);
    if (tokens.empty()) return;
    RefPhrase p;
    p.entry = id;
    p.exact = ExactCase(name);
    for (const Token& t : tokens) {
      p.norms.push_back(t.norm);
      p.surface.push_back(name.substr(t.start, t.end - t.start));
    }
    by_first_[p.norms[0]].push_back(std::move(p));
  }

  const Lexicon& lex_;
  std::unordered_map<std::string, std::vector<RefPhrase>> by_first_;
};

std::shared_ptr<const Lexicon> BuiltIn() {
  static auto lex = Lexicon::Load({parley::testing::SourceDir() + "/dict"});
  return lex.ok() ? lex.value() : nullptr;
}

// Every token of `text`: the same (end, entry) pairs as the reference, longest first, and the
// gate open wherever the reference finds a phrase. Returns the number of phrases found.
size_t CheckText(const Lexicon& lex, const Reference& ref, std::string_view text) {
  const TextLayer layer = text::Segment(text);
  size_t found = 0;
  for (const Sentence& s : layer.sentences) {
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      std::vector<Hit> hits;
      lex.Lookup(text, layer.tokens, i, s.end_token, &hits);
      std::set<std::pair<uint32_t, uint32_t>> got;
      for (size_t h = 0; h < hits.size(); ++h) {
        got.insert({hits[h].end, hits[h].entry});
        EXPECT_EQ(hits[h].kind, lex.entry(hits[h].entry).kind);
        if (h > 0) EXPECT_LE(hits[h].end, hits[h - 1].end) << "longest first";
      }
      const auto want = ref.At(text, layer.tokens, i, s.end_token);
      const Token& t = layer.tokens[i];
      EXPECT_EQ(got, want) << "at \"" << text.substr(t.start, t.end - t.start) << "\" in: "
                           << text.substr(s.start, s.end - s.start);
      if (!want.empty() && static_cast<unsigned char>(text[t.start]) < 0x80) {
        EXPECT_TRUE(lex.MayStart(t.key, text[t.start] >= 'a' && text[t.start] <= 'z')) << t.norm;
      }
      found += want.size();
    }
  }
  return found;
}

TEST(LexiconTrie, MatchesTheReferenceOnTextWrittenHere) {
  auto lex = BuiltIn();
  ASSERT_NE(lex, nullptr);
  const Reference ref(*lex);
  const char* const texts[] = {
      "Kremlin spokesman Dmitry Peskov told reporters that the U.S. and the UK were wrong.",
      "us troops and US troops met Russian officials in New York, New Delhi and San Francisco.",
      "The United Nations Security Council met in Geneva; the IAEA, NATO and the EU said nothing.",
      "President Putin and Sergei Lavrov spoke with Marco Rubio in Istanbul on Tuesday.",
      "Ivory Coast, Cote d'Ivoire, Bosnia and Herzegovina, Guinea-Bissau and St. Kitts.",
  };
  size_t found = 0;
  for (const char* t : texts) found += CheckText(*lex, ref, t);
  EXPECT_GT(found, 20u);
}

TEST(LexiconTrie, MatchesTheReferenceOnWikinewsAndTheSample) {
  PARLEY_REQUIRE_SHARED_DATA();
  auto lex = BuiltIn();
  ASSERT_NE(lex, nullptr);
  const Reference ref(*lex);
  const std::string data = parley::testing::SharedDataDir();
  size_t found = CheckText(*lex, ref, parley::testing::ReadFileOrDie(data + "/samples/moscow-times-2025-07-29.txt"));
  std::ifstream in(data + "/wikinews/wikinews-2019-2021.jsonl");
  std::string line;
  for (size_t n = 1; n <= 60 && std::getline(in, line); ++n) {
    const Document doc = ingest::ReadJsonLine(line, "wikinews.jsonl", n);
    found += CheckText(*lex, ref, doc.text);
  }
  EXPECT_GT(found, 500u);
}

}  // namespace
}  // namespace parley::lexicon
