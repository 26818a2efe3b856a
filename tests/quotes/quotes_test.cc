// Quotations: one table row per pattern (quote marks, cue and speaker on either side,
// continuation, partial and indirect speech, scare quotes), speaker spans from the text alone,
// codes from ActorMentions built here, and the sample article end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "common/testing.h"
#include "extract/quotes/doc_view.h"
#include "extract/quotes/quotes.h"
#include "parley/ingest.h"
#include "parley/pipeline.h"
#include "text/segmenter.h"

namespace parley {
namespace {

std::vector<Quote> Quotes(const std::string& text, const std::vector<ActorMention>& actors = {}) {
  Document doc;
  doc.text = text;
  const TextLayer layer = text::Segment(doc.text);
  return extract::FindQuotes(doc, layer, actors);
}

std::string SpeakerSpan(const std::string& text, const Quote& q) {
  if (!q.speaker_start) return "";
  return text.substr(*q.speaker_start, *q.speaker_end - *q.speaker_start);
}

// The quotation of `kind` whose text contains `needle`, or null.
const Quote* FindQuote(const std::vector<Quote>& quotes, const std::string& kind,
                       const std::string& needle) {
  for (const Quote& q : quotes) {
    if (q.kind == kind && q.text.find(needle) != std::string::npos) return &q;
  }
  return nullptr;
}

struct Case {
  const char* name;
  std::string text;
  std::string kind;     // expected kind
  std::string needle;   // a piece of the expected quotation text
  std::string speaker;  // expected speaker span ("" when none)
  std::string cue;      // expected cue ("" when none)
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class QuotesPatternTest : public ::testing::TestWithParam<Case> {};

TEST_P(QuotesPatternTest, FindsQuotationSpeakerAndCue) {
  const Case& c = GetParam();
  const std::vector<Quote> quotes = Quotes(c.text);
  const Quote* q = FindQuote(quotes, c.kind, c.needle);
  ASSERT_NE(q, nullptr) << c.name << ": no " << c.kind << " quotation with [" << c.needle << "]";
  EXPECT_EQ(c.text.substr(q->start, q->end - q->start), q->text);
  EXPECT_EQ(SpeakerSpan(c.text, *q), c.speaker) << c.name;
  EXPECT_EQ(q->cue.value_or(""), c.cue) << c.name;
}

const Case kCases[] = {
    {"cue after, subject first",
     "\"So far, the process is going nowhere fast,\" Kremlin spokesman Dmitry Peskov told reporters.",
     "direct", "So far, the process is going nowhere fast", "Kremlin spokesman Dmitry Peskov",
     "told reporters"},
    {"curly quotes, verb first", "\u201CWe will respond in kind,\u201D said Maria Zakharova.",
     "direct", "We will respond in kind", "Maria Zakharova", "said"},
    {"cue before with a colon", "Peskov said: \"The talks will go on next week.\"", "direct",
     "The talks will go on next week.", "Peskov", "said"},
    {"pronoun speaker", "\"It is far too early to judge,\" he added.", "direct",
     "It is far too early to judge", "he", "added"},
    {"according to", "\"The strikes hit military targets only,\" according to the ministry.",
     "direct", "The strikes hit military targets only", "the ministry", "according to"},
    {"in a statement", "\"We condemn the attack in the strongest terms,\" the ministry said in a statement.",
     "direct", "We condemn the attack", "the ministry", "said in a statement"},
    {"appositive speaker",
     "\"We are not worried about it,\" Peskov, the Kremlin spokesman, said on Tuesday.", "direct",
     "We are not worried", "Peskov", "said"},
    {"several sentences", "\"That was the first point. Here is the second one,\" Lavrov said.",
     "direct", "first point. Here is the second one", "Lavrov", "said"},
    {"editorial brackets",
     "\"The process of normalizing [relations with the U.S.] is slow,\" Peskov said.", "direct",
     "[relations with the U.S.] is slow", "Peskov", "said"},
    {"interrupted quotation", "\"We are ready,\" he said, \"and we will wait for them.\"",
     "direct", "and we will wait for them.", "he", "said"},
    {"doubled apostrophes as marks", "''This isn't tax reform,'' said Douglas Holtz-Eakin.",
     "direct", "This isn't tax reform", "Douglas Holtz-Eakin", "said"},
    {"speaker with a title and a parenthesis",
     "\"Mitt Romney was prepared,\" Sen. Claire McCaskill (D-Mo.) said.", "direct",
     "Mitt Romney was prepared", "Sen. Claire McCaskill", "said"},
    {"speaker with a prepositional phrase",
     "\"Why didn't he pay his taxes?\" a narrator in the ad asks.", "direct",
     "Why didn't he pay", "a narrator", "asks"},
    {"partial after accused",
     "Trump accused Putin of holding \"nice and respectful conversations\" with him.", "partial",
     "nice and respectful conversations", "Trump", "accused"},
    {"partial after a participle",
     "Peskov suggested Washington was not doing enough, saying the talks require \"initiative from both sides.\"",
     "partial", "initiative from both sides", "Peskov", "saying"},
    {"partial with the cue after",
     "The talks were \"going nowhere fast,\" Peskov said.", "partial", "going nowhere fast",
     "Peskov", "said"},
    {"partial in reported speech", "Trump said he was \"very disappointed\" in Putin.", "partial",
     "very disappointed", "Trump", "said"},
    {"continuation in the same paragraph",
     "\"We are ready,\" Peskov told reporters. \"We'd like to see a bit more movement in the talks.\"",
     "direct", "a bit more movement", "Peskov", ""},
    {"continuation across paragraphs",
     "\"We are ready,\" Peskov told reporters.\n\n\"We'd like to see a bit more movement in the talks.\"",
     "direct", "a bit more movement", "Peskov", ""},
    {"quotation over two paragraphs",
     "Lavrov said: \"The first paragraph of the statement ends here.\n\n\"The second paragraph continues it.\"",
     "direct", "continues it", "Lavrov", "said"},
    {"transcript turn", "PENCE: Well, the question really should be why they did it.", "direct",
     "the question really should be", "PENCE", ":"},
    {"indirect, bare clause", "Peskov suggested Washington was not doing its part.", "indirect",
     "Washington was not doing its part", "Peskov", "suggested"},
    {"indirect with that and a day",
     "The Kremlin said Tuesday that talks with the United States have stalled.", "indirect",
     "talks with the United States have stalled", "The Kremlin", "said"},
    {"indirect, cue at the end", "The talks have stalled completely, officials said.", "indirect",
     "The talks have stalled completely", "officials", "said"},
    {"indirect, verb first at the end", "The talks have stalled completely, said one diplomat.",
     "indirect", "The talks have stalled completely", "one diplomat", "said"},
    {"indirect, according to first",
     "According to the Kremlin, U.S. officials have tied the flights to a ceasefire.", "indirect",
     "U.S. officials have tied the flights", "the Kremlin", "According to"},
    {"indirect holding a partial", "Trump said he was \"very disappointed\" in Putin.", "indirect",
     "he was \"very disappointed\" in Putin", "Trump", "said"},
    {"indirect after told", "He told reporters that the war would continue regardless.",
     "indirect", "the war would continue regardless", "He", "told reporters"},
    {"indirect, that after an adjunct",
     "Trump said during a rally in Michigan that Clinton once praised the deal.", "indirect",
     "Clinton once praised the deal", "Trump", "said"},
    {"indirect, says with a bare noun", "Homeland Security Secretary Jeh Johnson says hackers are taking aim.",
     "indirect", "hackers are taking aim", "Homeland Security Secretary Jeh Johnson", "says"},
    {"indirect, coordinated verb", "He warned of new sanctions and said he may impose tariffs soon.",
     "indirect", "he may impose tariffs soon", "He", "said"},
};

INSTANTIATE_TEST_SUITE_P(QuotesPatterns, QuotesPatternTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& param_info) {
                           std::string n = param_info.param.name;
                           std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return n;
                         });

struct NoQuoteCase {
  const char* name;
  std::string text;
};

void PrintTo(const NoQuoteCase& c, std::ostream* os) { *os << c.name; }

class QuotesNegativeTest : public ::testing::TestWithParam<NoQuoteCase> {};

TEST_P(QuotesNegativeTest, FindsNoQuotedSpeech) {
  const NoQuoteCase& c = GetParam();
  for (const Quote& q : Quotes(c.text)) {
    EXPECT_EQ(q.kind, "indirect") << c.name << ": found " << q.kind << " [" << q.text << "]";
  }
}

const NoQuoteCase kNoQuoteCases[] = {
    {"scare quotes", "The so-called \"reforms\" were announced in May by the government."},
    {"a title", "He read \"The Art of the Deal\" on the plane to Moscow."},
    {"an apostrophe", "The players' union met the league's officials on Monday."},
    {"a lone mark", "The talks \" went on and on without any result at all."},
};

INSTANTIATE_TEST_SUITE_P(QuotesNegatives, QuotesNegativeTest, ::testing::ValuesIn(kNoQuoteCases),
                         [](const ::testing::TestParamInfo<NoQuoteCase>& param_info) {
                           std::string n = param_info.param.name;
                           std::replace(n.begin(), n.end(), ' ', '_');
                           return n;
                         });

TEST(QuotesTest, ThoughtVerbsNeedThat) {
  EXPECT_EQ(FindQuote(Quotes("Officials think the plan works well enough."), "indirect", "plan"),
            nullptr);
  EXPECT_NE(FindQuote(Quotes("Officials think that the plan works well enough."), "indirect", "plan"),
            nullptr);
}

TEST(QuotesTest, SentenceIsWhereTheQuotationStarts) {
  const std::string text = "The talks stalled. \"We are ready,\" Peskov said.";
  const std::vector<Quote> quotes = Quotes(text);
  const Quote* q = FindQuote(quotes, "direct", "We are ready");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->sentence, 1u);
}

ActorMention Mention(const std::string& text, const std::string& in, const std::string& code,
                     std::optional<uint32_t> antecedent = std::nullopt, size_t from = 0) {
  ActorMention m;
  m.text = text;
  m.start = static_cast<uint32_t>(in.find(text, from));
  m.end = m.start + static_cast<uint32_t>(text.size());
  m.code = code;
  m.name = text;
  m.antecedent = antecedent;
  return m;
}

struct CodeCase {
  const char* name;
  std::string text;
  std::vector<ActorMention> actors;
  std::string needle;
  std::string code;
};

void PrintTo(const CodeCase& c, std::ostream* os) { *os << c.name; }

class QuotesSpeakerCodeTest : public ::testing::TestWithParam<CodeCase> {};

TEST_P(QuotesSpeakerCodeTest, TakesTheCodeOfTheSpeakersActor) {
  const CodeCase& c = GetParam();
  const std::vector<Quote> quotes = Quotes(c.text, c.actors);
  const Quote* q = nullptr;
  for (const Quote& each : quotes) {
    if (each.kind != "indirect" && each.text.find(c.needle) != std::string::npos) q = &each;
  }
  ASSERT_NE(q, nullptr) << c.name;
  EXPECT_EQ(q->speaker_code.value_or(""), c.code) << c.name;
}

const std::string kNamed = "\"We are ready,\" Kremlin spokesman Dmitry Peskov told reporters.";
const std::string kPronoun = "Dmitry Peskov spoke on Tuesday. \"We are ready,\" he said.";
const std::string kFallback = "\"We are ready,\" Peskov said. \"Nothing has changed,\" he added.";
const std::string kNominal = "\"We condemn the attack,\" the ministry said in a statement.";

const CodeCase kCodeCases[] = {
    {"a name inside the speaker span", kNamed, {Mention("Dmitry Peskov", kNamed, "RUSGOV")},
     "We are ready", "RUSGOV"},
    {"a pronoun with an antecedent", kPronoun,
     {Mention("Dmitry Peskov", kPronoun, "RUSGOV"), Mention("he", kPronoun, "", 0)},
     "We are ready", "RUSGOV"},
    {"a pronoun the actors left unresolved", kFallback, {Mention("Peskov", kFallback, "RUSGOV")},
     "Nothing has changed", "RUSGOV"},
    {"a nominal", kNominal, {Mention("the ministry", kNominal, "RUSGOV")}, "We condemn", "RUSGOV"},
    {"no actor", kNominal, {}, "We condemn", ""},
};

INSTANTIATE_TEST_SUITE_P(QuotesCodes, QuotesSpeakerCodeTest, ::testing::ValuesIn(kCodeCases),
                         [](const ::testing::TestParamInfo<CodeCase>& param_info) {
                           std::string n = param_info.param.name;
                           std::replace(n.begin(), n.end(), ' ', '_');
                           return n;
                         });

// Bad input never crashes: unbalanced, nested and stray marks of every kind.
TEST(QuotesTest, SurvivesRandomQuoteMarks) {
  const std::vector<std::string> pieces = {"\"", "\u201C", "\u201D", "'", "\u2018", "\u2019",
                                           " said ", "Peskov", ",", ".", "\n\n", " he ", ":",
                                           "according to", " the talks ", "\u00AB", "\u00BB"};
  std::mt19937 rng(7);
  for (int doc = 0; doc < 300; ++doc) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += pieces[rng() % pieces.size()];
    for (const Quote& q : Quotes(text)) {
      ASSERT_LE(q.start, q.end);
      ASSERT_LE(q.end, text.size());
    }
  }
}

// What the view finds before the finders run: quote marks, a ":", and which sentences may
// report speech (a speech or thought verb that is not quote-only, or "according").
struct SignalCase {
  const char* name;
  std::string text;
  bool may_hold, marks, colon, first_reports;
};

void PrintTo(const SignalCase& c, std::ostream* os) { *os << c.name; }

class DocViewSignalTest : public ::testing::TestWithParam<SignalCase> {};

TEST_P(DocViewSignalTest, FlagsWhatTheFindersNeed) {
  const SignalCase& c = GetParam();
  const TextLayer layer = text::Segment(c.text);
  ASSERT_FALSE(layer.sentences.empty());
  extract::quotes::DocViewBuffers buffers;
  const extract::quotes::DocView v(c.text, layer, &buffers);
  EXPECT_EQ(v.MayHoldQuotes(), c.may_hold);
  EXPECT_EQ(v.HasQuoteMarks(), c.marks);
  EXPECT_EQ(v.HasColon(), c.colon);
  EXPECT_EQ(v.MayReport(0), c.first_reports);
  // A view that owns its tables sees the same.
  const extract::quotes::DocView own(c.text, layer);
  EXPECT_EQ(own.MayHoldQuotes(), c.may_hold);
  EXPECT_EQ(own.MayReport(0), c.first_reports);
  if (!c.may_hold) {
    EXPECT_TRUE(Quotes(c.text).empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Signals, DocViewSignalTest,
    ::testing::Values(
        SignalCase{"plain_event", "Troops attacked the town on Monday.", false, false, false, false},
        SignalCase{"evaluative_only", "The minister condemned the attack.", false, false, false, false},
        SignalCase{"speech_verb", "The minister said the talks failed.", true, false, false, true},
        SignalCase{"thought_verb", "Officials believe that the talks failed.", true, false, false, true},
        SignalCase{"quote_only_cue", "The talks continued for hours.", false, false, false, false},
        SignalCase{"according", "According to the ministry, the talks failed.", true, false, false, true},
        SignalCase{"marks", "He called it a \"farce\" on Monday.", true, true, false, false},
        SignalCase{"colon", "PENCE: Well, the question is open.", true, false, true, false},
        SignalCase{"second_sentence", "Troops attacked. Officials said more died.", true, false, false,
                   false}),
    [](const auto& row) { return std::string(row.param.name); });

// FindQuotes keeps its tables per thread: a document's quotations do not depend on the
// documents read before it.
TEST(QuotesTest, SameQuotationsInAnyDocumentOrder) {
  const std::vector<std::string> texts = {
      "\"We are ready,\" Peskov told reporters. \"Talks go on.\"",
      "Troops attacked the town on Monday.",
      "According to the ministry, the talks failed after two rounds.",
      "PENCE: Well, the question is what comes next for all of us.\n\nHARRIS: We will see.",
      "The minister said the talks failed, adding that more rounds would follow.",
  };
  auto key = [](const std::vector<Quote>& quotes) {
    std::string k;
    for (const Quote& q : quotes) {
      k += q.kind + "|" + q.text + "|" + std::to_string(q.start) + "|" + q.speaker.value_or("-") +
           "|" + q.cue.value_or("-") + "\n";
    }
    return k;
  };
  std::vector<std::string> forward, backward(texts.size());
  for (const std::string& t : texts) forward.push_back(key(Quotes(t)));
  for (size_t i = texts.size(); i-- > 0;) backward[i] = key(Quotes(texts[i]));
  EXPECT_EQ(forward, backward);
  EXPECT_NE(forward[0], "");  // the comparison saw quotations
  EXPECT_EQ(forward[1], "");
}

// The sample article end to end, with the actors stage: who said what.
TEST(QuotesTest, SampleArticleSpeakers) {
  PARLEY_REQUIRE_SHARED_DATA();
  const std::string path = testing::SharedDataDir() + "/samples/moscow-times-2025-07-29.txt";
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  const CodedDocument cd =
      (*pipeline)->Code(ingest::ReadScrapedText(testing::ReadFileOrDie(path), path));
  struct Want {
    std::string needle, code_prefix;
  };
  const std::vector<Want> wants = {
      {"going nowhere fast", "RUSGOV"},      {"a bit more movement", "RUSGOV"},
      {"initiative from both sides", "RUSGOV"}, {"taken into account", "RUSGOV"},
      {"very disappointed", "USAGOV"},       {"nice and respectful conversations", "USAGOV"},
      {"launch rockets", "USAGOV"},          {"clearer answers", "RUS"},
  };
  for (const Want& w : wants) {
    const Quote* q = nullptr;
    for (const Quote& each : cd.quotes) {
      if (each.kind != "indirect" && each.text.find(w.needle) != std::string::npos) q = &each;
    }
    ASSERT_NE(q, nullptr) << w.needle;
    EXPECT_EQ(q->speaker_code.value_or("").rfind(w.code_prefix, 0), 0u)
        << w.needle << ": " << q->speaker.value_or("-") << " " << q->speaker_code.value_or("-");
  }
}

}  // namespace
}  // namespace parley
