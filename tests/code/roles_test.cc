// The role finder's views and word lists on real sentences, with actor mentions tagged by
// name: modality cues, speech frames, and that views and indexes reused from document to
// document (as the coder's per-thread scratch does) give what fresh ones give.
#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "code/roles.h"
#include "text/segmenter.h"

namespace parley::code {
namespace {

const std::vector<std::string> kNames = {"russia", "ukraine", "israel", "peskov", "iran"};

CodedDocument Tag(const std::string& text) {
  CodedDocument cd;
  cd.doc.text = text;
  cd.layer = text::Segment(text);
  for (uint32_t si = 0; si < cd.layer.sentences.size(); ++si) {
    const Sentence& s = cd.layer.sentences[si];
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const Token& tok = cd.layer.tokens[t];
      if (std::find(kNames.begin(), kNames.end(), tok.norm) == kNames.end()) continue;
      ActorMention m;
      m.start = tok.start;
      m.end = tok.end;
      m.sentence = si;
      m.code = "XXX";
      cd.actors.push_back(m);
    }
  }
  return cd;
}

// The token of the first sentence whose norm is `word`.
uint32_t TokenOf(const CodedDocument& cd, const std::string& word) {
  for (uint32_t t = 0; t < cd.layer.tokens.size(); ++t) {
    if (cd.layer.tokens[t].norm == word) return t;
  }
  ADD_FAILURE() << "no token " << word;
  return 0;
}

struct CueCase {
  std::string text, anchor, cue;
};
void PrintTo(const CueCase& c, std::ostream* os) { *os << c.text; }

class ModalityCueTest : public testing::TestWithParam<CueCase> {};

TEST_P(ModalityCueTest, FromTheWordsBeforeTheVerb) {
  const CueCase& c = GetParam();
  const CodedDocument cd = Tag(c.text);
  const DocumentIndex index = IndexDocument(cd);
  SentenceView v;
  FillSentenceView(cd.doc.text, cd.layer, 0, index, &v);
  const uint32_t anchor = TokenOf(cd, c.anchor);
  EXPECT_EQ(ModalityCue(v, ClauseStart(v, anchor), anchor), c.cue) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Cases, ModalityCueTest,
                         testing::Values(CueCase{"Russia attacked Ukraine.", "attacked", ""},
                                         CueCase{"Russia didn't attack Ukraine.", "attack", "negated"},
                                         CueCase{"Russia has never attacked Ukraine.", "attacked", "negated"},
                                         CueCase{"Russia has yet to attack Ukraine.", "attack", "negated"},
                                         CueCase{"Russia may attack Ukraine.", "attack", "hypothetical"},
                                         CueCase{"Russia plans to attack Ukraine.", "attack", "hypothetical"},
                                         CueCase{"Israel urged Russia to attack Ukraine.", "attack", "hypothetical"},
                                         CueCase{"Iran denied that Russia attacked Ukraine.", "attacked", "negated"},
                                         CueCase{"Russia would have attacked Ukraine.", "attacked", "negated"},
                                         CueCase{"A deal would have allowed Russia to attack Ukraine.", "attack", "negated"},
                                         CueCase{"Russia would have to attack Ukraine.", "attack", "hypothetical"},
                                         CueCase{"Putin said he would have talks with Erdogan.", "talks", "hypothetical"},
                                         CueCase{"Russia would attack Ukraine.", "attack", "hypothetical"}));

// A quoted "we" or "I" before a verb (over auxiliaries and adverbs) is the quotation's speaker;
// outside quotation marks, or with another subject, it is not.
TEST(FirstPerson, AQuotedWeOrIIsTheSubject) {
  for (const auto& [text, anchor, expected] : std::vector<std::tuple<std::string, std::string, bool>>{
           {"\"We will attack Iran,\" Peskov said.", "attack", true},
           {"\"I strongly condemn Israel,\" Peskov said.", "condemn", true},
           {"\"We said the army will attack Iran,\" Peskov said.", "attack", false},
           {"We will attack Iran, Peskov said.", "attack", false},
           {"\"They will attack Iran,\" Peskov said.", "attack", false}}) {
    const CodedDocument cd = Tag(text);
    const DocumentIndex index = IndexDocument(cd);
    SentenceView v;
    FillSentenceView(cd.doc.text, cd.layer, 0, index, &v);
    EXPECT_EQ(FirstPersonSubject(v, TokenOf(cd, anchor)), expected) << text;
  }
}

// The object search from a phrase inside a quotation stops where the quotation closes.
TEST(ObjectSearch, StopsAtTheClosingQuote) {
  for (const auto& [text, verb, object] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"\"We must act now,\" Peskov said after talks with Iran.", "act", ""},
           {"\"We must act against Iran,\" Peskov said.", "act", "iran"},
           {"Russia will act now with Iran.", "act", "iran"}}) {
    const CodedDocument cd = Tag(text);
    const DocumentIndex index = IndexDocument(cd);
    SentenceView v;
    FillSentenceView(cd.doc.text, cd.layer, 0, index, &v);
    const int32_t a = ObjectAfter(v, TokenOf(cd, verb) + 1, -1, true);
    EXPECT_EQ(a < 0 ? std::string() : cd.layer.tokens[v.mention_first[static_cast<size_t>(a)]].norm, object) << text;
  }
}

TEST(SpeechFrames, ACapitalisedVerbInsideTheSentenceIsAName) {
  for (const auto& [text, frames] : std::vector<std::pair<std::string, size_t>>{
           {"Peskov said Russia attacked Ukraine.", 1},
           {"Russia Reports attacked Ukraine.", 0},
           {"Reports said Israel attacked Iran.", 1},
           {"\"Russia said nothing,\" Israel wrote.", 1}}) {
    const CodedDocument cd = Tag(text);
    const DocumentIndex index = IndexDocument(cd);
    SentenceView v;
    FillSentenceView(cd.doc.text, cd.layer, 0, index, &v);
    EXPECT_EQ(FindSpeechFrames(v).size(), frames) << text;
  }
}

// Everything a view tells about a sentence, to compare a reused view with a fresh one.
std::string Describe(const SentenceView& v) {
  std::string out;
  for (uint32_t t = v.first; t < v.end; ++t) {
    out += std::to_string(v.ActorAt(t)) + "/" + std::to_string(v.ActorCovering(t)) + "/" +
           std::to_string(v.capitalized[t - v.first]) + " ";
  }
  for (const SpeechFrame& f : FindSpeechFrames(v)) out += "frame " + std::to_string(f.speaker);
  for (uint32_t a : v.actors) out += " group " + std::to_string(ActorGroup(v, a).size());
  return out;
}

TEST(Reuse, ViewsAndIndexesReusedAcrossDocumentsGiveWhatFreshOnesGive) {
  const std::vector<std::string> docs = {
      "Peskov said Russia and Ukraine agreed on talks. Israel attacked Iran, Russia said.",
      "Iran condemned Israel.",
      "\"We will not attack,\" Peskov told reporters. Russia, Ukraine and Iran met in Doha. "
      "Israel rejected it."};
  DocumentIndex reused_index;
  SentenceView reused_view;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : docs) {
      const CodedDocument cd = Tag(text);
      const DocumentIndex fresh_index = IndexDocument(cd);
      IndexDocument(cd, &reused_index);
      ASSERT_EQ(reused_index.actors, fresh_index.actors) << text;
      EXPECT_EQ(reused_index.mention_first, fresh_index.mention_first) << text;
      EXPECT_EQ(reused_index.mention_end, fresh_index.mention_end) << text;
      for (uint32_t si = 0; si < cd.layer.sentences.size(); ++si) {
        SentenceView fresh_view;
        FillSentenceView(cd.doc.text, cd.layer, si, fresh_index, &fresh_view);
        FillSentenceView(cd.doc.text, cd.layer, si, reused_index, &reused_view);
        EXPECT_EQ(Describe(reused_view), Describe(fresh_view)) << text << " sentence " << si;
      }
    }
  }
}

// The view's per-sentence tables against what they stand for: ClauseStart's table against its
// scan back (a view without the table), the two-step fill against FillSentenceView, and the
// overloads that fill a caller's buffer against those that return a vector.
TEST(Tables, ClauseStartsAndBufferedResultsEqualThePlainScans) {
  const std::vector<std::string> docs = {
      "Peskov said that Russia and Ukraine agreed; Israel, which attacked Iran, denied it.",
      "Iran condemned Israel, while Russia, Ukraine and Iran met, and Peskov told reporters so.",
      "\"We will not attack,\" Peskov said: Russia warned Ukraine, as Israel said Iran would reply."};
  for (const std::string& text : docs) {
    const CodedDocument cd = Tag(text);
    const DocumentIndex index = IndexDocument(cd);
    for (uint32_t si = 0; si < cd.layer.sentences.size(); ++si) {
      SentenceView v, two_step, no_table;
      FillSentenceView(cd.doc.text, cd.layer, si, index, &v);
      FillSentenceActors(cd.doc.text, cd.layer, si, index, &two_step);
      FillSentenceWords(&two_step);
      EXPECT_EQ(two_step.word_class, v.word_class) << text;
      EXPECT_EQ(two_step.clause_start, v.clause_start) << text;
      no_table = v;
      no_table.clause_start.clear();
      for (uint32_t t = v.first; t < v.end; ++t)
        EXPECT_EQ(ClauseStart(v, t), ClauseStart(no_table, t)) << text << " token " << t;
      std::vector<SpeechFrame> frames = {SpeechFrame{}};  // filled buffers are cleared first
      FindSpeechFrames(v, &frames);
      EXPECT_EQ(frames.size(), FindSpeechFrames(v).size()) << text;
      std::vector<uint32_t> group = {99};
      for (uint32_t a : v.actors) {
        ActorGroup(v, a, &group);
        EXPECT_EQ(group, ActorGroup(v, a)) << text << " actor " << a;
      }
    }
  }
}

}  // namespace
}  // namespace parley::code
