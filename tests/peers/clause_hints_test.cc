// Clause hints from a Penn parse (peers/clause_hints_from_parse.h) and parley's own coder
// running the peers' records with them (peers/record_coder.h): table-driven cases with
// sentences written for these tests, and the PETRARCH unit-test suite run by both coders.
#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "common/testing.h"
#include "peers/clause_hints_from_parse.h"
#include "peers/dictionaries.h"
#include "peers/record_coder.h"
#include "peers/records.h"
#include "peers/validate.h"
#include "peers/verb_patterns.h"

namespace parley::peers {
namespace {

std::string TextOf(const ParsedSentence& ps, code::TokenSpan span) {
  if (span.empty()) return "";
  const auto& t = ps.layer.tokens;
  return ps.text.substr(t[span.begin].start, t[span.end - 1].end - t[span.begin].start);
}

struct HintCase {
  const char* name;
  const char* parse;
  const char* verb;        // the verb's word
  const char* subject;     // the innermost clause subject ("" none)
  const char* first_object;  // the first noun phrase of the verb's phrase ("" none)
  const char* passive_agent;
  const char* phrase_end;  // the word the verb's phrase ends before ("" = the sentence's end)
  bool subject_coordinated;
};
void PrintTo(const HintCase& c, std::ostream* os) { *os << c.name; }

class ClauseHintsFromParse : public ::testing::TestWithParam<HintCase> {};

TEST_P(ClauseHintsFromParse, RolesFollowTheTree) {
  const HintCase& c = GetParam();
  auto tree = ParsePenn(c.parse);
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  const ParsedSentence ps = FromParse(*tree);
  ASSERT_EQ(ps.layer.sentences.size(), 1u);
  EXPECT_EQ(ps.layer.sentences[0].end_token, ps.layer.tokens.size());
  const code::VerbHint* h = nullptr;
  for (const auto& v : ps.hints.verbs)
    if (ps.layer.tokens[v.verb].norm == c.verb) h = &v;
  ASSERT_NE(h, nullptr) << c.verb;
  EXPECT_EQ(ps.hints.ForVerb(h->verb), h);
  code::TokenSpan subject;
  for (const auto& step : h->clauses)
    if (!step.subordinate && subject.empty()) subject = step.subject;
  EXPECT_EQ(TextOf(ps, subject), c.subject);
  EXPECT_EQ(subject.coordinated, c.subject_coordinated);
  EXPECT_EQ(h->objects.empty() ? "" : TextOf(ps, h->objects[0]), c.first_object);
  EXPECT_EQ(TextOf(ps, h->passive_agent), c.passive_agent);
  const std::string end = h->phrase_end < ps.layer.tokens.size() ? ps.layer.tokens[h->phrase_end].norm : "";
  EXPECT_EQ(end, c.phrase_end);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClauseHintsFromParse,
    ::testing::Values(
        HintCase{"active", "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))",
                 "restored", "Arnor", "ties", "", ".", false},
        HintCase{"passive_by", "(ROOT (S (NP (NNS Ties)) (VP (VBD were) (VP (VBN restored) (PP (IN by) (NP (NNP Arnor))))) (. .)))",
                 "restored", "Ties", "Arnor", "Arnor", ".", false},
        HintCase{"passive_without_be_is_no_passive",
                 "(ROOT (S (NP (NNP Arnor)) (VP (VBD saw) (NP (NP (NNS ties)) (VP (VBN restored) (PP (IN by) (NP (NNP Gondor)))))) (. .)))",
                 "restored", "ties", "Gondor", "", ".", false},
        HintCase{"coordinated_subject",
                 "(ROOT (S (NP (NP (NNP Arnor)) (, ,) (NP (DT the) (NNP Calormen)) (CC and) (NP (NNP Gondor))) (VP (VBD met)) (. .)))",
                 "met", "Arnor , the Calormen and Gondor", "", "", ".", true},
        HintCase{"subordinate_clause_has_its_own_subject",
                 "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Rohan)))))) (. .)))",
                 "attacked", "Gondor", "Rohan", "", ".", false},
        HintCase{"joined_words_are_tokens", "(ROOT (S (NP (NNP Dol_Amroth)) (VP (VBD attacked) (NP (NNP Minas_Tirith)))))",
                 "attacked", "Dol Amroth", "Minas Tirith", "", "", false}),
    [](const ::testing::TestParamInfo<HintCase>& i) { return std::string(i.param.name); });

TEST(ClauseHintsFromParse, SubordinateClauseIsAStep) {
  auto tree = ParsePenn("(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (IN that) (S (NP (PRP it)) (VP (VBD attacked) (NP (NNP Rohan))))))))");
  ASSERT_TRUE(tree.ok());
  const ParsedSentence ps = FromParse(*tree);
  const code::VerbHint* h = ps.hints.ForVerb(4);  // Arnor said that it attacked
  ASSERT_NE(h, nullptr);
  ASSERT_GE(h->clauses.size(), 3u);
  EXPECT_TRUE(h->clauses[0].pronoun);
  EXPECT_TRUE(h->clauses[1].subordinate);
  EXPECT_EQ(h->clauses[1].clause_begin, 2u);
  EXPECT_EQ(TextOf(ps, h->clauses[2].subject), "Arnor");
  EXPECT_EQ(ps.hints.ForVerb(0), nullptr);
}

// parley's coder with the parse's roles, on a dictionary written for this test.
const PeerDictionary& Dictionary() {
  static const PeerDictionary d = [] {
    PeerDictionary x;
    ReadActors("ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nCALORMEN [CAL]\nOSGILIATH [OSG]\n", "a", &x);
    ReadAgents("OFFICIAL [~GOV]\nLAWMAKER [~LEG]\n", "g", &x);
    ReadVerbs("--- RESTORE [064] ---\nRESTORE\n--- ATTACK [190] ---\nATTACK\n--- PRAISE [051] ---\nPRAISE\n", "v", &x);
    auto patterns = CompilePatterns(x);
    x.patterns = std::make_shared<const code::PatternSet>(patterns.ok() ? std::move(patterns.value()) : code::PatternSet());
    return x;
  }();
  return d;
}

struct CoderCase {
  const char* name;
  const char* parse;
  const char* expected;  // DescribeGot() of the result
  bool require_dyad = true;
};
void PrintTo(const CoderCase& c, std::ostream* os) { *os << c.name; }

class RecordCoderWithHints : public ::testing::TestWithParam<CoderCase> {};

TEST_P(RecordCoderWithHints, CodesFromTheParse) {
  auto coder = RecordCoder::Create(Dictionary(), Dictionary().patterns);
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  ValidationRecord r;
  r.id = GetParam().name;
  r.date = "19950101";
  r.parse = GetParam().parse;
  r.text = "text";
  r.options.require_dyad = GetParam().require_dyad;
  EXPECT_EQ(DescribeGot(coder->Code(r)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RecordCoderWithHints,
    ::testing::Values(
        CoderCase{"subject_and_object", "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))", "ARN GON 190"},
        CoderCase{"passive_agent_acts_on_the_subject",
                  "(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNP Arnor))))) (. .)))",
                  "ARN GON 190"},
        CoderCase{"coordinated_subject_with_words_between",
                  "(ROOT (S (NP (NP (JJ Evil) (NNP Arnor)) (, ,) (NP (DT the) (JJ awful) (NNP Calormen)) (, ,) (CC and) (NP (JJ good) (NNP Rohan)))"
                  " (VP (VBD praised) (NP (NNP Osgiliath))) (. .)))",
                  "ARN OSG 051; CAL OSG 051; ROH OSG 051"},
        CoderCase{"subordinate_clause_keeps_its_subject",
                  "(ROOT (S (NP (NNP Rohan)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))))) (. .)))",
                  "ARN GON 190"},
        CoderCase{"bare_agent_is_an_actor_of_no_country",
                  "(ROOT (S (NP (DT the) (JJ senior) (NN official)) (VP (VBD praised) (NP (NNP Gondor))) (. .)))", "---GOV GON 051"},
        CoderCase{"coordinated_bare_agents_act_each",
                  "(ROOT (S (NP (NN official) (CC and) (NN lawmaker)) (VP (VBD praised) (NP (NNP Gondor))) (. .)))",
                  "---GOV GON 051; ---LEG GON 051"},
        CoderCase{"bare_conjunct_takes_the_country_before_it",
                  "(ROOT (S (NP (NNP Arnor) (NN official) (CC and) (NN lawmaker)) (VP (VBD praised) (NP (NNP Gondor))) (. .)))",
                  "ARNGOV GON 051; ARNLEG GON 051"},
        CoderCase{"conjunct_of_words_is_its_first_actor",
                  "(ROOT (S (NP (NP (NNP Calormen)) (CC and) (NP (DT the) (NNP Arnor) (JJ awful) (NNP Rohan)))"
                  " (VP (VBD praised) (NP (NNP Osgiliath))) (. .)))",
                  "ARN OSG 051; CAL OSG 051"},
        CoderCase{"no_target_codes_nothing_by_default",
                  "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (PP (IN at) (NP (NN dawn)))) (. .)))", "no events"},
        CoderCase{"no_target_is_coded_without_require_dyad",
                  "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (PP (IN at) (NP (NN dawn)))) (. .)))", "ARN --- 190", false},
        CoderCase{"unbalanced_parse_is_an_error", "(ROOT (S (NP (NNP Arnor))", "error=bad_input_parse"},
        CoderCase{"brackets_without_words_code_nothing_and_never_crash",
                  "(ROOT (S (NP (NP) (PP (IN of) (NP))) (VP (VBD attacked) (NP (NNP Gondor)) (NP))) (NP))", "no events"}),
    [](const ::testing::TestParamInfo<CoderCase>& i) { return std::string(i.param.name); });

}  // namespace
}  // namespace parley::peers
