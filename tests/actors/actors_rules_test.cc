// Resolution rules of the actor stage (extract/actors/rules.h and the rules in actors.cc that
// use them): one table per rule, on sentences written for the rule and real Wikinews
// sentences (../shared/data/wikinews, quoted as published), with cases that must NOT fire.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/actors_testing.h"
#include "common/testing.h"
#include "extract/actors/actors.h"
#include "extract/actors/rules.h"
#include "text/segmenter.h"

namespace parley::extract {
namespace {

using actors_testing::CheckActors;

TEST(ActorRules, CoordinatedNationalities) {
  CheckActors({
      {"two adjectives, one role", "Senior Hungarian and Romanian officials agreed to cooperate.", "2000-01-01",
       "Hungarian", "HUNGOV"},
      {"the one next to the role", "Senior Hungarian and Romanian officials agreed to cooperate.", "2000-01-01",
       "Romanian officials", "ROUGOV"},
      {"a list with commas", "Israeli, Jordanian and Egyptian negotiators met in Cairo.", "2000-01-01", "Jordanian",
       "JORGOV"},
      {"a list with commas, first", "Israeli, Jordanian and Egyptian negotiators met in Cairo.", "2000-01-01",
       "Israeli", "ISRGOV"},
      {"or", "No Russian or Ukrainian troops were seen near the border.", "2022-01-10", "Russian", "RUSMIL"},
      {"the sides of a negotiation", "The Turkish and Greek sides agreed to share information.", "2000-01-01",
       "Turkish", "TURGOV"},
      {"a side of a border is a place", "Shells fell on the Syrian side of the border.", "2000-01-01",
       "Syrian side", ""},
      {"a country before is no nationality", "Iran and Russian officials signed the deal.", "2020-01-01", "Iran",
       "IRN"},
      {"an adjective not in a list stays alone", "The Russian language and Ukrainian officials were discussed.",
       "2020-01-01", "Russian", ""},
  });
}

TEST(ActorRules, RoleOfANamedCountry) {
  CheckActors({
      {"not the last president named", "Putin offered to negotiate with the president of Armenia.", "2000-01-01",
       "president of Armenia", "ARMGOV"},
      {"the foreign minister of X", "Lavrov met the foreign minister of Italy. Putin later met the president of Italy.",
       "2020-02-01", "president of Italy", "ITAGOV"},
      {"Wikinews 2019-05-21",
       "He was awarded the Most Brilliant Order of the Sun, first class — a high national honor conferred by the "
       "president of Namibia — in 2014.",
       "2019-05-21", "president of Namibia", "NAMGOV"},
      {"institution in a country", "Authorities in Croatia cracked down on Serbian nationalists.", "2000-01-01",
       "Authorities in Croatia", "HRVGOV"},
      {"court in a country", "A court in Guyana has issued arrest warrants for two Brazilian men.", "2008-08-06",
       "court in Guyana", "GUYJUD"},
      {"government in a capital", "Talks with the government in Kabul broke down.", "2019-09-08",
       "government in Kabul", "AFGGOV"},
      {"officials in a capital may be foreign", "Officials in Baghdad declined to comment.", "2020-01-05",
       "Officials in Baghdad", ""},
  });
}

TEST(ActorRules, DatesAfterANameAreNotPartOfIt) {
  CheckActors({
      {"country, weekday", "Israel Friday reimposed blockades in the West Bank.", "2000-01-01", "Israel", "ISR"},
      {"capital, weekday", "Washington Tuesday rejected the offer.", "2020-01-01", "Washington", "USAGOV"},
      {"a longer name still is one", "The Washington Post reported it.", "2020-01-01", "Washington", ""},
  });
}

TEST(ActorRules, HyphenatedCompounds) {
  CheckActors({
      {"adjective-led + agent", "Vietnamese-led forces launched artillery fire against the camps.", "1985-01-01",
       "Vietnamese-led forces", "VNMMIL"},
      {"adjective-backed + agent", "Russian-backed rebels shelled the airport.", "2015-01-20",
       "Russian-backed rebels", "RUSREB"},
      {"Wikinews 2019-11-10: dotted name split by the tokenizer",
       "The current government of Iraq was established in 2003 after a U.S.-led coalition ousted Saddam Hussein.",
       "2019-11-10", "U.S.-led", "USA"},
      {"Wikinews 2020-01-05",
       "al-Muhandis was the deputy commander of the Popular Mobilization Forces (PMF), an Iranian-backed militia.",
       "2020-01-05", "Iranian-backed militia", "IRNUAF"},
      {"pro- is no sponsor", "Pro-Russia rebels attacked the airport.", "2015-01-20", "Pro-Russia rebels", ""},
      {"occupied is no role", "Settlers moved into the Israeli-occupied West Bank.", "2015-01-20",
       "Israeli-occupied", ""},
      {"a lower-case word is no name", "The state-backed militias withdrew.", "2015-01-20", "state-backed militias",
       ""},
  });
}

TEST(ActorRules, EthnicMinoritiesTakeTheirCountryOfResidence) {
  CheckActors({
      {"object, country named after", "Serb forces killed three ethnic Albanians in southern Serbia.",
       "2000-01-01", "Albanians", "SRB"},
      {"subject, possessive country", "Ethnic Albanians vowed to fight on near Macedonia's border.", "2001-05-01",
       "Albanians", "MKD"},
      {"with a role", "Ethnic Albanian guerrillas operating in Macedonia have been demobilized.", "2001-09-01",
       "Albanian guerrillas", "MKDREB"},
      {"no other country: their own", "Ethnic Albanians protested on Sunday.", "2001-05-01", "Albanians", "ALB"},
      {"without ethnic: the state", "Albanians protested in Macedonia on Sunday.", "2001-05-01", "Albanians", "ALB"},
  });
}

TEST(ActorRules, CountriesActedOnAfterAPreposition) {
  CheckActors({
      {"fired ... at", "Barack Obama fired anti-aircraft batteries at Russia this week.", "2015-01-01", "Russia",
       "RUS"},
      {"fired ... into", "Hamas fired rockets into Israel overnight.", "2014-07-10", "Israel", "ISR"},
      {"refuge in", "Some 800,000 Iraqi Kurds sought refuge in Germany last month.", "1991-05-01", "Germany",
       "DEU"},
      {"asylum in", "The dissident was granted asylum in Sweden.", "2019-05-01", "Sweden", "SWE"},
      {"talks in stay a place", "Talks were held in Germany last month.", "2019-05-01", "Germany", ""},
      {"shot at a rally in", "He was shot at a rally in Moscow.", "2019-05-01", "Moscow", ""},
      {"another clause between", "Troops fired on protesters, and fighting continued in Syria.", "2019-05-01",
       "Syria", ""},
  });
}

TEST(ActorRules, NationalityBeforeAModifiedEventNoun) {
  CheckActors({
      {"peace plan", "Ivory Coast rebels rejected a Senegalese peace plan.", "2002-12-01", "Senegalese", "SEN"},
      {"air strikes", "Hamas condemned the Israeli air strikes.", "2014-07-10", "Israeli", "ISR"},
      {"not an event noun", "She joined the Russian peace movement.", "2014-07-10", "Russian", ""},
  });
}

TEST(ActorRules, GenericActorsTakeTheCountryTheSentenceIsSetIn) {
  CheckActors({
      {"places in one country", "Insurgents bombarded a government-held part of Syria's second city Aleppo.",
       "2014-01-01", "Insurgents", "SYRINS"},
      {"Wikinews 2019-07-23",
       "Early Saturday morning, somewhat after midnight, police in Clairton, Pennsylvania, in the eastern United "
       "States, responded to multiple reports of a shooting at a graduation party.",
       "2019-07-23", "police", "USACOP"},
      {"a foreign actor makes it unclear", "Police arrested two Russians in London.", "2019-01-01", "Police", ""},
      {"no place: never guessed", "The government expressed appreciation for China's assistance.", "2019-01-01",
       "government", ""},
      {"no place at all", "Police said the suspect fled.", "2019-01-01", "Police", ""},
  });
}

// The word tests alone.
TEST(ActorRules, WordTests) {
  struct Compound {
    const char* norm;
    size_t prefix;
  };
  for (const Compound& c : std::vector<Compound>{{"vietnamese-led", 10}, {"russian-backed", 7}, {"saudi-sponsored", 5},
                                                 {"israeli-occupied", 0}, {"led", 0}, {"-led", 0}, {"pro-russia", 0},
                                                 {"full-scale", 0}, {"al-qaeda-led", 8}}) {
    EXPECT_EQ(rules::CompoundPrefix(c.norm), c.prefix) << c.norm;
  }
  struct Suffix {
    const char* text;
    size_t hyphen;
    bool expected;
  };
  for (const Suffix& c : std::vector<Suffix>{{"U.S.-led coalition", 4, true}, {"U.S.-led", 4, true},
                                             {"U.S.-Mexican border", 4, false}, {"U.S.-ledger", 4, false},
                                             {"U.S. led", 4, false}}) {
    EXPECT_EQ(rules::CompoundSuffixAt(c.text, c.hyphen), c.expected) << c.text;
  }
  EXPECT_TRUE(rules::MarksMinority("ethnic", ""));
  EXPECT_FALSE(rules::MarksMinority("the", "officials"));
  EXPECT_TRUE(rules::IsLocalInstitution("authorities"));
  EXPECT_FALSE(rules::IsLocalInstitution("officials"));
  EXPECT_TRUE(rules::IsCountryOfficial("officials"));
  EXPECT_FALSE(rules::IsCountryOfficial("troops"));
  EXPECT_TRUE(rules::IsGenericActor("police"));
  EXPECT_FALSE(rules::IsGenericActor("troops"));
}

TEST(ActorRules, ActedOnAfterLooksOnlyInItsClause) {
  struct Prep {
    const char* text;
    const char* prep;  // the preposition looked at (its first occurrence)
    bool expected;
  };
  for (const Prep& c : std::vector<Prep>{{"They fired two rockets at Israel.", "at", true},
                                         {"They sought refuge in Germany.", "in", true},
                                         {"They met in Germany.", "in", false},
                                         {"They fired, then met at Geneva.", "at", false},
                                         {"At Geneva they fired.", "at", false},
                                         {"They fired on the crowd for a long time at night at Geneva.", "at",
                                          false}}) {
    const TextLayer layer = text::Segment(c.text);
    uint32_t prep = 0;
    while (prep < layer.tokens.size() && layer.tokens[prep].norm != c.prep) ++prep;
    ASSERT_LT(prep, layer.tokens.size()) << c.text;
    EXPECT_EQ(rules::ActedOnAfter(layer.tokens, 0, prep), c.expected) << c.text;
  }
}

// An explicit country in a nominal ("the U.S. government") wins over a back-reference to a
// mention of another state with the same role; without one ("the government") the nominal
// still refers back, and with the same country it still does.
TEST(ActorRules, ExplicitCountryWinsOverCoreference) {
  CheckActors({
      {"Wikinews 2019-08-04",
       "Foreign Secretary Marcelo Ebrard said the Mexican government would pressure the U.S. government to provide "
       "better protections for Mexicans in the United States.",
       "2019-08-04", "U.S. government", "USAGOV"},
      {"Wikinews 2019-08-04, the first", "Foreign Secretary Marcelo Ebrard said the Mexican government would pressure "
       "the U.S. government.", "2019-08-04", "Mexican government", "MEXGOV"},
      {"another sentence", "The German government said Navalny was poisoned. The Russian government dismissed the "
       "claim from Berlin as groundless.", "2020-09-03", "Russian government", "RUSGOV"},
      {"demonym government", "The Iranian government rejected the claim. The Iraqi government said it would respond.",
       "2020-01-05", "Iraqi government", "IRQGOV"},
      {"bare nominal still refers back", "The Iranian government rejected the claim. The government said it would "
       "respond.", "2020-01-05", "government", "IRNGOV", "nominal"},
      {"same country still refers back", "Russian President Vladimir Putin met Emmanuel Macron. The Russian president "
       "said talks went well.", "2020-01-05", "Russian president", "RUSGOV", "nominal"},
      {"Wikinews 2019-08-24",
       "Brazilian President Jair Bolsonaro opposed Macron's statement: \"The French president's suggestion that "
       "Amazon issues be discussed at the G-7 evokes a colonialist mentality\".",
       "2019-08-24", "French president", "FRAGOV"},
      {"plural officials", "Russian officials met the Chinese delegation. Ukrainian officials said no.", "2020-01-05",
       "Ukrainian officials", "UKRGOV"},
  });
}

// "officials in COUNTRY" combines like "authorities in COUNTRY", for every form of the name;
// not with a capital, where officials are often foreign.
TEST(ActorRules, OfficialsInACountry) {
  CheckActors({
      {"the United States", "Officials in the United States said the talks would continue.", "2020-01-05",
       "Officials in the United States", "USAGOV"},
      {"the U.S.", "Officials in the U.S. declined to comment.", "2020-01-05", "Officials in the U.S.", "USAGOV"},
      {"the UK", "Officials in the UK said no.", "2020-01-05", "Officials in the UK", "GBRGOV"},
      {"plain name", "Officials in Croatia said the border would stay open.", "2000-01-01", "Officials in Croatia",
       "HRVGOV"},
      {"lawmakers", "Lawmakers in Germany voted against the bill.", "2020-01-05", "Lawmakers in Germany", "DEULEG"},
      {"authorities, the same way", "Authorities in the United States said no.", "2020-01-05",
       "Authorities in the United States", "USAGOV"},
      {"a foreign official keeps his country", "US officials in Iraq said no.", "2020-01-05", "US officials",
       "USAGOV"},
      {"not in a capital (events dev)",
       "Sudanese rebels shelled the southern regional capital Juba for the first time in a year on Sunday and "
       "Monday, killing about 20 people, relief officials in Nairobi said.",
       "2000-01-01", "officials in Nairobi", ""},
  });
}

// "the Bosnian town of Gorazde": the town a nationality and a settlement noun introduce is in
// that nationality's state (a same-named town elsewhere is not meant) and is a place.
TEST(ActorRules, TownOfANationality) {
  struct PlaceCase {
    const char* rule;
    const char* text;
    const char* place;
    const char* country;
  };
  for (const PlaceCase& c : std::vector<PlaceCase>{
           {"Wikinews 2019-01-14", "An individual has been arrested after Paweł Adamowicz, mayor of the Polish city "
            "of Gdańsk, was stabbed last night whilst on stage at a fundraising event.", "Gdańsk", "POL"},
           {"Wikinews 2019-02-12", "The Hotel Arpit Palace in the Karol Bagh area of the Indian capital, New Delhi, "
            "caught fire yesterday morning.", "New Delhi", "IND"},
           {"Wikinews 2020-10-31", "On the Greek island of Samos, two people died when a wall collapsed.", "Samos",
            "GRC"},
           {"Wikinews 2019-03-08", "Yesterday, an all-women crew ran the Tippu Express in the Indian state of "
            "Karnataka.", "Karnataka", "IND"},
           {"another state's capital", "Clashes broke out in the north Lebanese port of Tripoli.", "Tripoli", "LBN"},
           {"the same state's capital is the town", "The Libyan capital, Tripoli, was calm.", "Tripoli", "LBY"},
           {"a town the gazetteer lacks", "Fighting erupted in the Syrian town of Kafr Nabl.", "Kafr Nabl", "SYR"},
           {"without a nationality", "Clashes broke out in Tripoli.", "Tripoli", "LBY"},
           {"apposition", "The Indian capital New Delhi was shrouded in smog.", "New Delhi", "IND"},
           {"Wikinews 2020-07-12", "Anti-government protests have been taking place since Tuesday in the Serbian "
            "capital Belgrade after the government announced new lockdown measures.", "Belgrade", "SRB"},
           {"Wikinews 2019-04-16", "The roof of Notre Dame cathedral in French capital Paris caught fire yesterday.",
            "Paris", "FRA"},
           {"a capital not named", "Rebels shelled the Rwandan capital on Sunday.", "Rwandan capital", "RWA"},
           {"capital as money is no place", "Chinese capital flows into Africa rose.", "Chinese capital", ""},
           {"state media is no place", "The Russian state news agency reported the talks.", "Russian state", ""},
       }) {
    const actors_testing::Coded coded = actors_testing::CodeText(c.text, "2020-01-01");
    const Place* found = nullptr;
    for (const Place& p : coded.places) {
      if (p.text == c.place) found = &p;
    }
    if (std::string(c.country).empty()) {
      EXPECT_EQ(found, nullptr) << c.rule << ": " << c.place << " is no place";
      continue;
    }
    ASSERT_NE(found, nullptr) << c.rule << ": no place " << c.place << "\n" << actors_testing::Dump(coded);
    EXPECT_EQ(found->country, c.country) << c.rule << "\n" << actors_testing::Dump(coded);
    EXPECT_EQ(actors_testing::FindActor(coded, c.place), nullptr) << c.rule << ": " << c.place << " is no actor";
  }
  // A nationality before a settlement noun with no name after it is left as it was.
  CheckActors({{"no town named", "Rebels shelled the Rwandan capital.", "2000-01-01", "Rwandan", ""}});
}

}  // namespace
}  // namespace parley::extract
