// Actors named by their context (issue 6, news gold set): bare roles that take the country the
// story is about, people introduced by an appositive role, and "the" + a nationality standing
// for its people. Sentences written for each rule, with cases that must NOT fire.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/actors_testing.h"
#include "extract/actors/rules.h"

namespace parley::extract {
namespace {

using actors_testing::CheckActors;

TEST(ActorContext, BareRolesTakeTheCountryOfTheStory) {
  CheckActors({
      {"the sentence before names one country", "Thousands marched in Hong Kong on Sunday. "
       "Their demands include that the government withdraw the bill.", "2019-09-04", "government", "HKGGOV"},
      {"a sentence without names in between", "Iraqi protesters blocked roads. Shops stayed shut. "
       "Police fired tear gas.", "2019-11-01", "Police", "IRQCOP"},
      {"its own sentence names the same country", "Riots spread across Iraq. "
       "Lawmakers said Iraq must act.", "2019-11-01", "Lawmakers", "IRQLEG"},
      {"the president with no antecedent", "Turkey sent troops across the border. "
       "On Monday the president defended the decision.", "2019-10-14", "president", "TURGOV"},
      {"two countries before: unclear", "France and Germany signed the treaty. "
       "The government said it would help.", "2019-01-22", "government", ""},
      {"another country in its own sentence", "Riots spread across Iraq. "
       "Iran said protesters were paid.", "2019-11-01", "protesters", ""},
      {"too far back", "Riots spread across Iraq. It rained. Shops closed. Schools shut. "
       "Police fired tear gas.", "2019-11-01", "Police", ""},
  });
}

TEST(ActorContext, PersonIntroducedByAnAppositiveRole) {
  CheckActors({
      {"name, a role for a group", "Ahmed al-Assadi, a spokesman for the PMF, blamed Israel.", "2020-01-03",
       "Ahmed al-Assadi", "IRQUAFPMF"},
      {"the role's own mention", "Ahmed al-Assadi, a spokesman for the PMF, blamed Israel.", "2020-01-03",
       "spokesman for the PMF", "IRQUAFPMF"},
      {"surname later", "Agnes Callamard, a UN rapporteur, spoke on Thursday. "
       "Callamard encouraged the CIA to release the files.", "2019-09-29", "Callamard", "IGOUNO"},
      {"a date is no name", "On Monday, a Russian spokesman denied it.", "2019-01-01", "Monday", ""},
      {"a clause opener is no name", "In Idlib Province, a Syrian spokesman denied it.", "2019-01-01",
       "In Idlib Province", ""},
      {"a country for a brief is not the role's", "John Smith, the envoy for Syria, resigned.", "2019-01-01",
       "John Smith", ""},
  });
}

TEST(ActorContext, TheNationalityAloneIsItsPeople) {
  CheckActors({
      {"the + nationality + verb", "The British relinquished control of Hong Kong to China in 1997.",
       "2019-07-02", "British", "GBR"},
      {"at the end of a clause", "The protesters blamed the French.", "2019-01-01", "French", "FRA"},
      {"before a noun: not alone", "The British economy shrank.", "2019-01-01", "British", ""},
      {"before a name: not alone", "She visited the British Museum.", "2019-01-01", "British", ""},
      {"a list of nationalities before a role: each takes the role", "The French, German and British ministers met.",
       "2019-01-01", "French", "FRAGOV"},
  });
}

TEST(ActorContext, SurnameOfARecentOrComingOfficeHolder) {
  CheckActors({
      {"out of office three years", "Biden said the deal was bad.", "2020-03-01", "Biden", "USAELI"},
      {"in office", "Biden said the deal was bad.", "2022-03-01", "Biden", "USAGOV"},
      {"out of office for years", "Biden said the deal was bad.", "2031-03-01", "Biden", ""},
  });
}

TEST(ActorContext, RecentCountryLooksBackOverSentencesThatNameNone) {
  auto actor = [](uint32_t sentence, const char* country) {
    ActorMention a;
    a.sentence = sentence;
    a.country = country;
    return a;
  };
  auto place = [](uint32_t sentence, const char* country) {
    Place p;
    p.sentence = sentence;
    p.country = country;
    return p;
  };
  const std::vector<ActorMention> actors = {actor(0, "USA"), actor(1, "IRQ"), actor(1, "IGO")};
  const std::vector<Place> places = {place(1, "IRQ"), place(3, "FRA"), place(3, "DEU")};
  EXPECT_EQ(rules::RecentCountry(actors, places, 2), "IRQ");  // IGO names no state
  EXPECT_EQ(rules::RecentCountry(actors, places, 1), "USA");
  EXPECT_EQ(rules::RecentCountry(actors, places, 4), "");   // two states: unclear
  EXPECT_EQ(rules::RecentCountry(actors, places, 0), "");   // nothing before
  EXPECT_EQ(rules::RecentCountry({actor(0, "USA")}, {}, 5), "");  // more than kLookBack back
}

}  // namespace
}  // namespace parley::extract
