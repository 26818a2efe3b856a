// The peers' dictionary readers, construct by construct (table-driven), and the Penn reader.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "peers/dictionaries.h"
#include "peers/penn_tree.h"

namespace parley::peers {
namespace {

using Words = std::vector<std::string>;

struct DateCase {
  const char* line;
  const char* date;
  const char* code;
};

TEST(PeerActors, DateRestrictionsInEveryForm) {
  const DateCase cases[] = {
      {"GOLLUM [HOB]\n\t[HOBGOV <950601]", "19950531", "HOBGOV"},       // six-digit before
      {"GOLLUM [HOB]\n\t[HOBGOV <950601]", "19950601", "HOB"},          // before is strict
      {"GOLLUM [HOB]\n\t[HOBGOV < 19950601]", "19950531", "HOBGOV"},    // spaced, eight digits
      {"GOLLUM [HOB]\n\t[HOBREB >990816]", "19990817", "HOBREB"},       // after
      {"GOLLUM [HOB]\n\t[HOBREB >990816]", "19990816", "HOB"},          // after is strict
      {"GOLLUM [HOB]\n\t[HOBGOV 19950601 - 19990815]", "19950601", "HOBGOV"},  // range, inclusive
      {"GOLLUM [HOB]\n\t[HOBGOV 19950601-19990815]", "19990815", "HOBGOV"},
      {"GOLLUM [HOB]\n\t[HOBGOV 950601-990815]", "19990816", "HOB"},
      {"GOLLUM [HOB]\n\t[ORC 20100109-20100112]\n\t[MIL 20080120-20121109]", "20100110", "ORC"},  // first wins
      {"GOLLUM [HOB]\n\t[ORC 20100109-20100112]\n\t[MIL 20080120-20121109]", "20100113", "MIL"},
      {"ZIMBABWE\n\t[RHO <790606]\n\t[ZBW]", "20010101", "ZBW"},        // undated code on its own line
      {"ZIMBABWE\n\t[RHO <790606]\n\t[ZBW]", "19781223", "RHO"},
      {"PALESTINIAN [pse]", "20000101", "PSE"},                          // codes are upper-cased
  };
  for (const auto& c : cases) {
    PeerDictionary d;
    ReadActors(c.line, "t", &d);
    ASSERT_EQ(d.actors.size(), 1u) << c.line;
    EXPECT_EQ(CodeOn(d.actors[0], c.date), c.code) << c.line << " on " << c.date;
    EXPECT_TRUE(d.diagnostics.empty()) << c.line;
  }
}

TEST(PeerActors, SynonymsJoinsCommentsAndBadCodes) {
  PeerDictionary d;
  ReadActors(
      "<!-- a comment\n spanning lines -->\nUNITED_STATES  [USA] # note\n+USA\n+U.S.  #JW\nNEW ZEALAND [NZE]\n"
      "ARNOR_  [ARN]\nLORIEN [ELR/GAL]\n#NASGUL [###]\nBAD [XYZ 1999x]\n",
      "actors.txt", &d);
  ASSERT_EQ(d.actors.size(), 5u);
  EXPECT_EQ(d.actors[0].phrases, (std::vector<Words>{{"UNITED", "STATES"}, {"USA"}, {"U.S."}}));
  EXPECT_EQ(d.actors[0].code, "USA");
  EXPECT_EQ(d.actors[1].phrases[0], (Words{"NEW", "ZEALAND"}));
  EXPECT_EQ(d.actors[2].phrases[0], (Words{"ARNOR"}));
  EXPECT_EQ(d.actors[3].code, "ELR/GAL");
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_EQ(d.diagnostics[0].file, "actors.txt");
  EXPECT_EQ(d.diagnostics[0].line, 10u);
}

struct AgentCase {
  const char* line;
  Words phrase;   // one phrase the entry must have
  bool present;   // whether it must be there
  const char* code;
  bool prefix;
};

TEST(PeerAgents, PluralsSubstitutionsAndAffixes) {
  const AgentCase cases[] = {
      {"OFFICIAL  [~GOV]", {"OFFICIALS"}, true, "GOV", false},                 // regular plural
      {"AUTHORITY  [~GOV]", {"AUTHORITIES"}, true, "GOV", false},              // -y -> -ies
      {"POLICE {} [ ~COP]", {"POLICES"}, false, "COP", false},                 // {}: no plural
      {"GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]", {"GOLDEN", "GEESE"}, true, "GGS", false},  // explicit
      {"MSF {}  [NGO~]", {"MSF"}, true, "NGO", true},                          // prefix code
      {"HUMAN_RIGHTS_ORGANIZATION  [  NGO~]", {"HUMAN", "RIGHTS", "ORGANIZATION"}, true, "NGO", true},
      {"!P! = MAN, MEN\nCONGRESS!P! [~LEG]", {"CONGRESSMEN"}, true, "LEG", false},        // substitution
      {"!M! = MINISTER, MINISTRY\n!M!_OF_SILLY_WALKS [~GOV]", {"MINISTRY", "OF", "SILLY", "WALKS"}, true, "GOV", false},
  };
  for (const auto& c : cases) {
    PeerDictionary d;
    ReadAgents(c.line, "agents.txt", &d);
    ASSERT_EQ(d.agents.size(), 1u) << c.line;
    const auto& p = d.agents[0].phrases;
    EXPECT_EQ(std::find(p.begin(), p.end(), c.phrase) != p.end(), c.present) << c.line;
    EXPECT_EQ(d.agents[0].code, c.code) << c.line;
    EXPECT_EQ(d.agents[0].prefix, c.prefix) << c.line;
  }
}

TEST(PeerVerbs, BlocksFormsPatternsAndSynsets) {
  PeerDictionary d;
  ReadVerbs(
      "&TIE\n+MILITARY\n+ECONOMIC\n\n&OUTER\n+&TIE\n+CLOSER\n\n"
      "--- BREAK [1717] ---\nBREAK { BROKE BROKEN  }\n+BREAK_DOWN {+BROKE_DOWN}\nWIRE_+TAP [1711]\n"
      "- * NEW_&TIE_RELATIONS [903] # comment\n- SUGGESTED_+ * OFF_ [---]\n- *_OUT [074]\n- % HAVE * [031:032]\n"
      "--- BAD ---\n- * FOO\n",
      "verbs.txt", &d);
  ASSERT_EQ(d.blocks.size(), 1u);
  const VerbBlock& b = d.blocks[0];
  EXPECT_EQ(b.code, "1717");
  ASSERT_EQ(b.verbs.size(), 3u);
  auto has = [](const PeerVerb& v, const Words& w) { return std::find(v.forms.begin(), v.forms.end(), w) != v.forms.end(); };
  EXPECT_TRUE(has(b.verbs[0], {"BROKEN"}));
  EXPECT_TRUE(has(b.verbs[0], {"BREAKING"}));
  EXPECT_TRUE(has(b.verbs[1], {"BROKE", "DOWN"}));
  EXPECT_TRUE(has(b.verbs[1], {"BREAKS", "DOWN"}));
  EXPECT_EQ(b.verbs[2].verb_word, 1u);
  EXPECT_TRUE(has(b.verbs[2], {"WIRE", "TAPS"}));  // no doubling: the peers list such forms in {}
  EXPECT_EQ(b.verbs[2].code, "1711");
  ASSERT_EQ(b.patterns.size(), 4u);
  const auto& p0 = b.patterns[0];
  ASSERT_EQ(p0.after.size(), 3u);
  EXPECT_EQ(p0.after[1].kind, PatternItemKind::kSynset);
  EXPECT_TRUE(p0.after[0].joined);
  EXPECT_TRUE(p0.after[1].joined);
  EXPECT_FALSE(p0.verb_joined);
  const auto& p1 = b.patterns[1];
  ASSERT_EQ(p1.before.size(), 2u);
  EXPECT_EQ(p1.before[1].kind, PatternItemKind::kTarget);
  EXPECT_TRUE(p1.before[0].joined);
  EXPECT_EQ(p1.code, "---");
  EXPECT_TRUE(p1.after[0].joined);  // "OFF_"
  EXPECT_TRUE(b.patterns[2].verb_joined);
  EXPECT_EQ(b.patterns[3].before[0].kind, PatternItemKind::kCompound);
  EXPECT_EQ(b.patterns[3].code, "031:032");
  const Synset* outer = d.FindSynset("OUTER");
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(outer->phrases.size(), 3u);  // nested synset expanded
  EXPECT_EQ(d.diagnostics.size(), 2u);   // the header without a code, and its pattern
  EXPECT_EQ(d.diagnostics[0].line, 17u);
}

TEST(PeerVerbs, TabariVerbLinesOpenTheirOwnBlocks) {
  PeerDictionary d;
  ReadTabariVerbs("ATTACK [190]\n- * &ARMS [195]\nSEND {SENT} [070]\n- * ^ TO + [071]\nIGNORE [---]\n", "t.verbs", &d);
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[0].code, "190");
  EXPECT_EQ(d.blocks[0].patterns.size(), 1u);
  EXPECT_EQ(d.blocks[1].patterns[0].after[0].kind, PatternItemKind::kSkip);
  EXPECT_EQ(d.blocks[2].code, "---");
  EXPECT_TRUE(d.diagnostics.empty());
}

TEST(PeerVerbs, RegularForms) {
  EXPECT_EQ(RegularVerbForms("DEPART"), (Words{"DEPART", "DEPARTS", "DEPARTED", "DEPARTING"}));
  EXPECT_EQ(RegularVerbForms("RESTORE"), (Words{"RESTORE", "RESTORES", "RESTORED", "RESTORING"}));
  EXPECT_EQ(RegularVerbForms("DENY"), (Words{"DENY", "DENIES", "DENIED", "DENYING"}));
  EXPECT_EQ(RegularVerbForms("APPROACH")[1], "APPROACHES");
}

TEST(PeerDiscards, StoryAndSentence) {
  PeerDictionary d;
  ReadDiscards("# c\nMONTHS LATER\n+World Golf Championships   # x\n", "discards.txt", &d);
  ASSERT_EQ(d.discards.size(), 2u);
  EXPECT_FALSE(d.discards[0].story);
  EXPECT_TRUE(d.discards[1].story);
  EXPECT_EQ(d.discards[1].words, (Words{"WORLD", "GOLF", "CHAMPIONSHIPS"}));
}

TEST(PeerDates, SixAndEightDigits) {
  EXPECT_EQ(NormalizeDate("950601"), "19950601");
  EXPECT_EQ(NormalizeDate("080120"), "20080120");
  EXPECT_EQ(NormalizeDate("20121109"), "20121109");
  EXPECT_EQ(NormalizeDate("1995061"), "");
  EXPECT_EQ(NormalizeDate("95x601"), "");
}

TEST(PennTree, ReadsAndRejects) {
  auto t = ParsePenn("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->leaves.size(), 3u);
  EXPECT_EQ(t->word(1), "left");
  EXPECT_EQ(t->tag(1), "VBD");
  EXPECT_GE(t->Ancestor(t->leaves[1], "S"), 0);
  const char* bad[] = {"(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .))", "(ROOT (S (NP x)))) )", "", "word",
                       "(ROOT (NP (NNP a) b))"};
  for (const char* b : bad) EXPECT_FALSE(ParsePenn(b).ok()) << b;
}

}  // namespace
}  // namespace parley::peers
