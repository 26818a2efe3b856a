// The event coder on real sentences, with actor mentions from a small test tagger (so that
// these tests exercise the coder alone): roles, passives, compounds, modality, dates.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "code/coder.h"
#include "text/segmenter.h"

namespace parley::code {
namespace {

// name (token norms separated by spaces) -> code
const std::map<std::string, std::string> kTestActors = {
    {"russia", "RUS"},        {"kremlin", "RUSGOV"},     {"putin", "RUSGOV"},
    {"peskov", "RUSGOV"},     {"trump", "USAGOV"},       {"u.s.", "USA"},
    {"united states", "USA"}, {"washington", "USAGOV"},  {"ukraine", "UKR"},
    {"israel", "ISR"},        {"hamas", "PSEREB"},       {"qatar", "QAT"},
    {"lavrov", "RUSGOV"},     {"rubio", "USAGOV"},       {"white house", "USAGOV"},
    {"moscow", "RUSGOV"},     {"china", "CHN"},          {"japan", "JPN"},
    {"iran", "IRN"},          {"france", "FRA"},         {"germany", "DEU"},
    {"he", "USAGOV"}};

CodedDocument Tag(const std::string& text, const std::string& date = "2025-07-29") {
  CodedDocument cd;
  cd.doc.text = text;
  cd.doc.published = date;
  cd.layer = text::Segment(text);
  for (uint32_t si = 0; si < cd.layer.sentences.size(); ++si) {
    const Sentence& s = cd.layer.sentences[si];
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      for (uint32_t len = 2; len >= 1; --len) {
        if (t + len > s.end_token) continue;
        std::string key;
        for (uint32_t k = 0; k < len; ++k) key += (k ? " " : "") + cd.layer.tokens[t + k].norm;
        auto it = kTestActors.find(key);
        if (it == kTestActors.end()) continue;
        ActorMention m;
        m.start = cd.layer.tokens[t].start;
        m.end = cd.layer.tokens[t + len - 1].end;
        m.text = text.substr(m.start, m.end - m.start);
        m.sentence = si;
        m.code = it->second;
        m.country = it->second.substr(0, 3);
        m.name = key;
        cd.actors.push_back(m);
        t += len - 1;
        break;
      }
    }
  }
  return cd;
}

const PatternSet& Patterns() {
  static const PatternSet set = [] {
    auto s = PatternSet::Load({PARLEY_SOURCE_DIR "/dict"});
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(s.value()) : PatternSet();
  }();
  return set;
}

std::string Summary(const std::vector<Event>& events) {
  std::ostringstream out;
  for (const auto& e : events)
    out << e.source << ">" << e.target << ":" << e.code << ":" << e.modality << ";";
  return out.str();
}

bool Has(const std::vector<Event>& events, const std::string& src, const std::string& tgt,
         const std::string& code_prefix, const std::string& modality = "") {
  for (const auto& e : events) {
    if (e.source == src && e.target == tgt && e.code.rfind(code_prefix, 0) == 0 &&
        (modality.empty() || e.modality == modality))
      return true;
  }
  return false;
}

struct Case {
  const char* what;
  const char* text;
  const char* source;
  const char* target;
  const char* code;  // prefix
  const char* modality;
};

TEST(CoderTest, TableOfRules) {
  const Case cases[] = {
      {"subject verb object", "Trump accused Putin of lying.", "USAGOV", "RUSGOV", "112", "asserted"},
      {"ultimatum", "Trump gave Russia 10 days to end the war.", "USAGOV", "RUS", "139", "asserted"},
      {"threat with sanctions", "Trump warned of new sanctions against Russia.", "USAGOV", "RUS", "1312", "asserted"},
      {"negation", "China did not criticize Japan.", "CHN", "JPN", "111", "negated"},
      {"hypothetical modal", "France may impose sanctions on Iran.", "FRA", "IRN", "163", "hypothetical"},
      {"conditional", "Germany will send weapons to Ukraine if Russia attacks.", "DEU", "UKR", "072", "hypothetical"},
      {"passive with by", "Six properties were seized by the U.S. from Russia.", "USA", "RUS", "171", ""},
      {"reported speech", "Peskov said Ukraine attacked Russia.", "UKR", "RUS", "180", "reported"},
      {"prepositional object is not the subject", "In Moscow, Israel praised Qatar.", "ISR", "QAT", "051", ""},
      {"reject efforts to broker", "Putin has so far rejected Trump's efforts to broker a truce.", "RUSGOV", "USAGOV", "12", ""},
      {"speech pattern", "The Kremlin said talks with the United States have stalled.", "RUSGOV", "USA", "012", ""},
      {"visit", "Lavrov visited China on Monday.", "RUSGOV", "CHN", "042", ""},
  };
  for (const auto& c : cases) {
    CodedDocument cd = Tag(c.text);
    auto events = CodeEvents(cd, Patterns(), false);
    EXPECT_TRUE(Has(events, c.source, c.target, c.code, c.modality))
        << c.what << ": \"" << c.text << "\" gave " << Summary(events);
  }
}

TEST(CoderTest, CompoundSubjectIsReciprocal) {
  CodedDocument cd = Tag("Lavrov and Rubio held the first direct talks.");
  // Lavrov and Rubio are both coded USAGOV/RUSGOV: talks go both ways.
  auto events = CodeEvents(cd, Patterns(), false);
  EXPECT_TRUE(Has(events, "RUSGOV", "USAGOV", "04")) << Summary(events);
  EXPECT_TRUE(Has(events, "USAGOV", "RUSGOV", "04")) << Summary(events);
}

TEST(CoderTest, CompoundObjectExpands) {
  CodedDocument cd = Tag("Trump criticized China and Iran.");
  auto events = CodeEvents(cd, Patterns(), false);
  EXPECT_TRUE(Has(events, "USAGOV", "CHN", "111")) << Summary(events);
  EXPECT_TRUE(Has(events, "USAGOV", "IRN", "111")) << Summary(events);
}

TEST(CoderTest, NoActorsNoEvents) {
  CodedDocument cd = Tag("The committee accused the company of fraud.");
  EXPECT_TRUE(CodeEvents(cd, Patterns(), false).empty());
}

TEST(CoderTest, OneActorNoEvent) {
  CodedDocument cd = Tag("Russia condemned the decision.");
  EXPECT_TRUE(CodeEvents(cd, Patterns(), false).empty()) << Summary(CodeEvents(cd, Patterns(), false));
}

TEST(CoderTest, RepeatedEventCountsMentions) {
  CodedDocument cd = Tag("Trump criticized China. Later, Trump criticized China again.");
  auto events = CodeEvents(cd, Patterns(), false);
  ASSERT_EQ(events.size(), 1u) << Summary(events);
  EXPECT_EQ(events[0].mentions, 2u);
}

TEST(CoderTest, TableFieldsComeFromCameo) {
  CodedDocument cd = Tag("Trump accused Putin of lying.");
  auto events = CodeEvents(cd, Patterns(), true);
  ASSERT_FALSE(events.empty());
  const Event& e = events[0];
  EXPECT_EQ(e.root, "11");
  EXPECT_EQ(e.plover.value_or(""), "ACCUSE");
  EXPECT_EQ(e.quad_class, 3);
  EXPECT_LT(e.goldstein, 0);
  EXPECT_EQ(e.date.value_or(""), "2025-07-29");
  EXPECT_EQ(e.evidence, "Trump accused Putin of lying.");
  EXPECT_EQ(e.source_text, "Trump");
  EXPECT_EQ(e.target_text, "Putin");
  EXPECT_NE(e.explanation.find("pattern"), std::string::npos);
}

TEST(CoderTest, ExplicitTimeDatesTheNearestEvent) {
  CodedDocument cd = Tag("Russia raised the issue during talks with Qatar on Feb. 27.");
  TimeExpr t;
  t.text = "Feb. 27";
  t.start = static_cast<uint32_t>(cd.doc.text.find("Feb."));
  t.end = t.start + 7;
  t.type = "DATE";
  t.value = "2025-02-27";
  cd.times.push_back(t);
  auto events = CodeEvents(cd, Patterns(), false);
  ASSERT_FALSE(events.empty()) << Summary(events);
  EXPECT_EQ(events[0].date.value_or(""), "2025-02-27");
}

// Everything an event carries, for comparing two runs.
std::string Full(const std::vector<Event>& events) {
  std::ostringstream out;
  for (const auto& e : events)
    out << e.source << ">" << e.target << ":" << e.code << ":" << e.date.value_or("-") << ":" << e.sentence << ":"
        << e.mentions << ":" << e.modality << ":" << e.pattern << ":" << e.verb_text << ":" << e.source_text << ":"
        << e.target_text << ":" << (e.location ? e.location->name : "-") << ";";
  return out.str();
}

// One scratch carried from document to document (as the pipeline does per thread) must not
// leak anything from one document into the next: the events equal those of a fresh coder,
// whichever document came before (long after short, short after long, repeated statements).
TEST(CoderTest, ScratchReusedAcrossDocumentsGivesTheSameEvents) {
  const std::vector<std::string> texts = {
      "Trump accused Putin of lying. Putin rejected the accusation. Trump accused Putin of lying again.",
      "China did not criticize Japan.",
      "Lavrov and Rubio held the first direct talks in Moscow on Monday, and Russia praised Qatar.",
      "The committee accused the company of fraud.",
      "Trump criticized China and Iran. He warned of new sanctions against Russia on Feb. 27.",
      "Germany will send weapons to Ukraine if Russia attacks.",
      "Six properties were seized by the U.S. from Russia."};
  std::vector<std::string> fresh;
  for (const auto& t : texts) fresh.push_back(Full(CodeEvents(Tag(t), Patterns(), true)));
  for (bool reversed : {false, true}) {
    CoderScratch scratch;
    for (size_t k = 0; k < texts.size(); ++k) {
      const size_t i = reversed ? texts.size() - 1 - k : k;
      EXPECT_EQ(Full(CodeEvents(Tag(texts[i]), Patterns(), true, nullptr, &scratch)), fresh[i]) << texts[i];
    }
  }
}

}  // namespace
}  // namespace parley::code
