// parley's pattern language as extended for the peers' verb dictionaries (dict/verbs/README.md,
// "What the peers' verb dictionaries need"): each construct matched on small sentences, and
// the translation of peer verb blocks into it. Sentences are written with actors in brackets
// ("[Arnor] said ..."); tokens are the words, lower case.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "code/patterns.h"
#include "peers/dictionaries.h"
#include "peers/verb_patterns.h"
#include "util/hash.h"

namespace parley::peers {
namespace {

struct Sentence {
  std::vector<Token> tokens;
  std::vector<int32_t> starts;  // by token: the actor starting there
  std::vector<uint32_t> ends;   // by actor: its end token
  parley::Sentence span;
  // The actor views PatternSet::Match reads (no clause hints).
  code::ActorSpans Spans() const {
    code::ActorSpans a;
    a.starts_at = starts;
    a.end_token = ends;
    return a;
  }
};

// "[Arnor] met [Gondor and Rohan]": bracketed runs are actors.
Sentence Read(const std::string& text) {
  Sentence s;
  std::string word;
  int32_t open = -1;
  auto flush = [&] {
    if (word.empty()) return;
    Token t;
    t.kind = TokenKind::kWord;
    t.norm = word;
    t.key = WordKey(word);
    s.tokens.push_back(t);
    s.starts.push_back(-1);
    word.clear();
  };
  for (char c : text) {
    if (c == '[') {
      flush();
      open = static_cast<int32_t>(s.tokens.size());
    } else if (c == ']') {
      flush();
      s.starts[static_cast<size_t>(open)] = static_cast<int32_t>(s.ends.size());
      s.ends.push_back(static_cast<uint32_t>(s.tokens.size()));
    } else if (c == ' ') {
      flush();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  flush();
  s.span.end_token = static_cast<uint32_t>(s.tokens.size());
  return s;
}

struct Case {
  const char* file;      // a pattern file
  const char* sentence;  // actors in brackets
  const char* code;      // the code matched at the first match, "" for none
  int source, target, compound;  // actor indexes captured (-1: none)
};

TEST(PeerPatternLanguage, EachConstructMatches) {
  const Case cases[] = {
      // words before the anchor, `...` gaps on both sides
      {"082  said ... @agree|agreed ... to ... attend  :: peer", "[Arnor] said it agreed to go and attend", "082", -1, -1, -1},
      {"082  said ... @agree|agreed ... to ... attend  :: peer", "[Arnor] agreed to attend", "", -1, -1, -1},
      // adjacency: no gap means the next token
      {"111  failed to @agree|agreed  :: peer", "[Arnor] failed to agree", "111", -1, -1, -1},
      {"111  failed to @agree|agreed  :: peer", "[Arnor] failed then to agree", "", -1, -1, -1},
      // SRC before the verb, TGT after it
      {"053  TGT was @praised ... by ... SRC  :: peer", "[Gondor] was praised warmly by [Arnor]", "053", 1, 0, -1},
      {"122  despite SRC ... @rejected  :: peer", "despite [Arnor] they rejected it", "122", 0, -1, -1},
      // CMP: the compound slot, before or after the verb
      {"043  CMP ... @met  :: peer", "[Arnor and Gondor] met", "043", -1, -1, 0},
      {"031  @met ... with ... CMP  :: peer", "they met today with [Arnor and Gondor]", "031", -1, -1, 0},
      // SKIP passes over an actor (or one word without a parse)
      {"071  @sent SKIP to TGT  :: peer", "[Arnor] sent [Rohan] to [Gondor]", "071", -1, 2, -1},
      {"071  @sent SKIP to TGT  :: peer", "[Arnor] sent envoys to [Gondor]", "071", -1, 1, -1},
      // named word sets, phrases of several words, longest first
      {"&arms  swords | long bows\n195  @attacked ... with &arms  :: peer", "[Arnor] attacked [Gondor] with long bows", "195", -1, -1, -1},
      {"&arms  swords | long bows\n195  @attacked ... with &arms  :: peer", "[Arnor] attacked [Gondor] with bows", "", -1, -1, -1},
      // nested sets copy members
      {"&a  swords\n&b  &a | spears\n195  @attacked ... &b  :: peer", "[Arnor] attacked with swords", "195", -1, -1, -1},
      // a multi-word verb (`_`) and a prefix (`word*`)
      {"161  @break|broke_off ... TGT  :: peer", "[Arnor] broke off ties with [Gondor]", "161", -1, 1, -1},
      {"183  @attacked ... with bomb*|shell*  :: peer", "[Arnor] attacked [Gondor] with bombers", "183", -1, -1, -1},
      {"183  @attacked ... with bomb*|shell*  :: peer", "[Arnor] attacked [Gondor] with rockets", "", -1, -1, -1},
      // a null code wins at its anchor and codes nothing
      {"190  @attacked  :: peer rank=1000\n---  @attacked ... by  :: peer rank=1003", "[Arnor] was attacked by [Gondor]", "", -1, -1, -1},
      // rank: the higher wins; ties go to the first, not the longest match
      {"051  @praised  :: peer rank=1000\n052  @praised ... warmly  :: peer rank=1003", "[Arnor] praised [Gondor] warmly", "052", -1, -1, -1},
      {"051  @praised ... gondor  :: peer rank=5\n052  @praised ... warmly  :: peer rank=5", "[Arnor] praised gondor warmly", "051", -1, -1, -1},
      // peer codes: paired codes are kept as written
      {"013:012  @admitted  :: peer", "[Arnor] admitted it", "013:012", -1, -1, -1},
      // a discard stops the sentence
      {"190  @attacked  :: peer\n---  months later  :: discard=sentence", "months later [Arnor] attacked", "", -1, -1, -1},
  };
  for (const Case& c : cases) {
    auto set = code::PatternSet::Parse(c.file, "t");
    ASSERT_TRUE(set.ok()) << c.file << ": " << set.status().message();
    Sentence s = Read(c.sentence);
    code::ActorSpans spans = s.Spans();
    const auto matches = set->Match(s.tokens, s.span, spans);
    if (std::string(c.code).empty()) {
      EXPECT_TRUE(matches.empty()) << c.file << " | " << c.sentence;
      continue;
    }
    ASSERT_EQ(matches.size(), 1u) << c.file << " | " << c.sentence;
    const code::PatternMatch& m = matches[0];
    EXPECT_EQ(set->pattern(m.pattern).code, c.code) << c.file << " | " << c.sentence;
    EXPECT_EQ(m.source_actor, c.source) << c.sentence;
    EXPECT_EQ(m.target_actor, c.target) << c.sentence;
    EXPECT_EQ(m.compound_actor, c.compound) << c.sentence;
    EXPECT_LE(m.begin, m.verb_begin);
    EXPECT_LT(m.verb_begin, m.verb_end);
  }
}

TEST(PeerPatternLanguage, VerbSpanAndContextStart) {
  auto set = code::PatternSet::Parse("161  cannot ... @break|broke_off  :: peer", "t");
  ASSERT_TRUE(set.ok()) << set.status().message();
  Sentence s = Read("[Arnor] cannot really broke off now");
  code::ActorSpans spans = s.Spans();
  const auto m = set->Match(s.tokens, s.span, spans);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].begin, 1u);       // "cannot"
  EXPECT_EQ(m[0].anchor, 3u);      // "broke"
  EXPECT_EQ(m[0].verb_begin, 3u);
  EXPECT_EQ(m[0].verb_end, 5u);    // "broke off"
  EXPECT_EQ(set->Discarded(s.tokens, s.span), code::Discard::kNone);
}

TEST(PeerPatternLanguage, ClauseHintsBoundGapsAndSkips) {
  auto set = code::PatternSet::Parse("036  @met ... talks  :: peer\n071  @sent SKIP to TGT  :: peer", "t");
  ASSERT_TRUE(set.ok()) << set.status().message();
  Sentence s = Read("[Arnor] met [Gondor] , and held talks");
  code::ActorSpans spans = s.Spans();
  EXPECT_EQ(set->Match(s.tokens, s.span, spans).size(), 1u);  // to the sentence end
  const std::vector<uint32_t> phrase_end = {0, 3, 0, 0, 0, 0, 0};  // "met" heads "met Gondor"
  spans.phrase_end = phrase_end;
  EXPECT_TRUE(set->Match(s.tokens, s.span, spans).empty());
  // SKIP over a hinted noun phrase of two words
  Sentence t = Read("[Arnor] sent more envoys to [Gondor]");
  const std::vector<std::pair<uint32_t, uint32_t>> nps = {{2, 4}};
  code::ActorSpans hinted;
  hinted.starts_at = t.starts;
  hinted.end_token = t.ends;
  hinted.noun_phrases = nps;
  const auto m = set->Match(t.tokens, t.span, hinted);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].target_actor, 1);
}

TEST(PeerPatternLanguage, ErrorsNameTheLine) {
  const char* bad[] = {
      "195  @attacked ... &arms  :: peer",      // a set used before it is defined
      "190  @attacked @struck  :: peer",         // two anchors
      "190  ... @attacked  :: rank=x",           // a bad rank
      "345  @abandoned",                         // not a CAMEO code without `peer`
      "&empty  ",                                // a set without members
      "190  SKIP  :: peer",                      // the anchor must be a word
  };
  for (const char* line : bad) {
    auto set = code::PatternSet::Parse(line, "f.txt");
    ASSERT_FALSE(set.ok()) << line;
    EXPECT_NE(set.status().message().find("f.txt:1"), std::string::npos) << set.status().message();
  }
}

// A PETRARCH verb block translated: every verb form with its default code and each pattern,
// `$ + % ^` as slots, `_` kept as adjacency, synsets as word sets, discards as discard lines.
TEST(PeerVerbTranslation, BlocksBecomeParlePatterns) {
  PeerDictionary d;
  ReadVerbs("&ARMS\n+SWORDS\n+LONG_BOWS\n\n--- ATTACK [190] ---\nATTACK\n+BREAK_OFF {+BROKE_OFF}\n"
            "- * &ARMS [195]\n- + WAS * BY $ [---]\n- REFUSED_TO_* [125]\n- % * [043:043]\n",
            "v.txt", &d);
  ReadDiscards("MONTHS LATER\n+TYPHOON\n", "d.txt", &d);
  ASSERT_TRUE(d.diagnostics.empty()) << d.diagnostics[0].ToString();
  const std::string text = PatternText(d);
  for (const char* want : {"&arms  swords | long bows", "190  @attack|attacks|attacked|attacking  :: peer rank=1000",
                           "195  @attack|attacks|attacked|attacking ... &arms  :: peer rank=1003",
                           "---  TGT ... was ... @attack|attacks|attacked|attacking ... by ... SRC",
                           "125  refused to @attack|attacks|attacked|attacking",
                           "043:043  CMP ... @attack", "@break|breaks|breaked|breaking|broke_off  :: peer rank=2000",
                           "---  months later  :: discard=sentence", "---  typhoon  :: discard=story"})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  auto set = CompilePatterns(d);
  ASSERT_TRUE(set.ok()) << set.status().message();
  // The CAMEO-only text for parley's coder nulls the peers' own codes.
  PatternTextOptions cameo;
  cameo.cameo_only = true;
  EXPECT_NE(PatternText(d, cameo).find("---  CMP ... @attack"), std::string::npos);
}

}  // namespace
}  // namespace parley::peers
