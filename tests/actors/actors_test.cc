// Actor and place recognition with the built-in dictionaries: one table per rule (names,
// surnames, titles, roles, agents, metonymy, places, dates of office, coreference), on
// sentences written for the rule and sentences from ../shared/data, plus the sample article.
#include "extract/actors/actors.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/actors_testing.h"
#include "common/testing.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

namespace parley::extract {
namespace {

using actors_testing::BuiltIn;
using actors_testing::Coded;
using actors_testing::CodeText;
using actors_testing::Dump;
using actors_testing::ActorCase;
using actors_testing::CheckActors;
using actors_testing::FindActor;

TEST(Actors, NamesAndSurnames) {
  CheckActors({
      {"full name", "Vladimir Putin met the envoy.", "2025-07-29", "Vladimir Putin", "RUSGOV", "actor"},
      {"surname of a person in office", "Putin met the envoy.", "2025-07-29", "Putin", "RUSGOV", "actor"},
      {"title + surname", "The envoy met President Putin.", "2025-07-29", "Putin", "RUSGOV", "actor"},
      {"possessive", "Trump's envoy arrived.", "2025-07-29", "Trump", "USAGOV", "actor"},
      {"month is not a surname", "The talks resumed in May.", "2018-01-10", "May", "", ""},
      {"lower case is not a name", "the kremlin wall", "2025-07-29", "kremlin", "", ""},
      {"all-caps short name as written", "US troops left.", "2025-07-29", "US troops", "USAMIL", "actor"},
      {"us is not the US", "He told us about it.", "2025-07-29", "us", "", ""},
  });
}

TEST(Actors, DatesOfOffice) {
  CheckActors({
      {"first term", "Donald Trump spoke.", "2018-05-01", "Donald Trump", "USAGOV", "actor"},
      {"between terms", "Donald Trump spoke.", "2023-05-01", "Donald Trump", "USAELI", "actor"},
      {"second term", "Donald Trump spoke.", "2025-07-29", "Donald Trump", "USAGOV", "actor"},
      {"senator before", "Marco Rubio spoke.", "2024-06-01", "Marco Rubio", "USALEG", "actor"},
      {"secretary after", "Marco Rubio spoke.", "2025-03-01", "Marco Rubio", "USAGOV", "actor"},
      {"no date: the latest code", "Marco Rubio spoke.", "", "Marco Rubio", "USAGOV", "actor"},
      {"2008 office holders", "Gordon Brown spoke.", "2008-03-01", "Gordon Brown", "GBRGOV", "actor"},
      {"out of office", "Gordon Brown spoke.", "2012-03-01", "Gordon Brown", "GBRELI", "actor"},
  });
}

TEST(Actors, RolesAndAgents) {
  CheckActors({
      {"role + name, one mention", "Kremlin spokesman Dmitry Peskov told reporters.", "2025-07-29",
       "Dmitry Peskov", "RUSGOV", "actor"},
      {"adjective + title + name", "Russian Foreign Minister Sergei Lavrov arrived.", "2025-07-29",
       "Sergei Lavrov", "RUSGOV", "actor"},
      {"adjective + agent", "Russian troops crossed the river.", "2025-07-29", "Russian troops", "RUSMIL", "actor"},
      {"country + agent", "U.S. officials declined to comment.", "2025-07-29", "U.S. officials", "USAGOV", "actor"},
      {"modifier before", "Top Russian officials accused Kyiv.", "2025-07-29", "Russian officials", "RUSGOV", "actor"},
      {"the + adjective + agent", "Shells fell as the Israeli army advanced.", "2024-03-01", "Israeli army",
       "ISRMIL", "actor"},
      {"agent + of + country", "The talks were led by the foreign minister of Iran.", "2024-03-01",
       "foreign minister of Iran", "IRNGOV", "actor"},
      {"possessive country + agent", "Iran's foreign minister left.", "2024-03-01", "Iran's foreign minister",
       "IRNGOV", "actor"},
      {"unknown person after a role", "Kremlin spokesman Ivan Madeupov said no.", "2025-07-29", "Ivan Madeupov",
       "RUSGOV", "actor"},
      {"a bare agent is no actor", "Officials declined to comment.", "2025-07-29", "Officials", "", ""},
      {"a verb between is no combination", "Iran launched missiles at the base.", "2020-01-13", "Iran", "IRN",
       "actor"},
      {"an organisation is not a person's name", "The Saudi press agency Asharq Agency said.", "2019-09-15",
       "Asharq Agency", "", ""},
  });
}

TEST(Actors, MetonymyAndPlaces) {
  CheckActors({
      {"capital acting", "Washington was not doing its part.", "2025-07-29", "Washington", "USAGOV", "actor"},
      {"capital acting", "Moscow is seeking the return of six properties.", "2025-07-29", "Moscow", "RUSGOV", "actor"},
      {"seat of power", "The White House declined to comment.", "2025-07-29", "White House", "USAGOV", "actor"},
      {"seat of power", "The Kremlin said on Tuesday.", "2025-07-29", "Kremlin", "RUSGOV", "actor"},
      {"capital as a place", "The talks in Moscow ended.", "2025-07-29", "Moscow", "", ""},
      {"country as a place", "A ceasefire in Ukraine is far off.", "2025-07-29", "Ukraine", "", ""},
      {"country as an actor", "Russia invaded Ukraine.", "2025-07-29", "Ukraine", "UKR", "actor"},
      {"capital inside a name", "The Washington Post reported it.", "2025-07-29", "Washington", "", ""},
      {"country of a town", "He died in the consulate in Istanbul, Turkey.", "2019-09-29", "Turkey", "", ""},
      {"country after a town, acting", "In Moscow, Israel praised Qatar.", "2019-09-29", "Israel", "ISR", "actor"},
      {"country in a longer name", "Collins of New Mexico objected.", "2019-09-29", "Mexico", "", ""},
      {"state body", "The United States Department of Transportation acted.", "2019-09-29",
       "United States Department", "USAGOV", "actor"},
      {"currency", "It cost US$3 billion.", "2019-09-29", "US", "", ""},
  });
}

TEST(Actors, DemonymsAsActors) {
  CheckActors({
      {"plural demonym", "Palestinians protested outside the embassy.", "2024-03-01", "Palestinians", "PSE", "actor"},
      {"the + plural demonym", "Talks with the Russians collapsed on Friday.", "2024-03-01", "Russians", "RUS",
       "actor"},
      {"plural demonym as object", "Police arrested dozens of Nigerians in Accra.", "2024-03-01", "Nigerians", "NGA",
       "actor"},
      {"modifier + plural demonym", "Gunmen attacked ethnic Albanians near the border.", "2001-05-01", "Albanians",
       "ALB", "actor"},
      {"two demonyms: the people where they live", "Bosnian Serbs shelled the town.", "1994-05-01", "Bosnian Serbs",
       "BIHSER", "actor"},
      {"singular adjective before a plain noun", "She studied the Russian language for years.", "2024-03-01",
       "Russian", "", ""},
      {"adjective before food", "He ordered French fries at the airport.", "2024-03-01", "French", "", ""},
      {"adjective before sport", "They watched American football on Sunday.", "2024-03-01", "American", "", ""},
      {"double s is not a plural", "The Swiss banks froze the accounts.", "2024-03-01", "Swiss", "", ""},
  });
}

TEST(Actors, LocalRoleInPlace) {
  CheckActors({
      {"role in capital", "Demonstrators in Baghdad stormed the compound.", "2019-12-31",
       "Demonstrators in Baghdad", "IRQOPP", "actor"},
      {"role in the country", "Rebels in the Ivory Coast seized the town.", "2002-10-01",
       "Rebels in the Ivory Coast", "CIVREB", "actor"},
      {"security forces in country", "Security forces in Guinea fired on protesters.", "2009-09-28",
       "Security forces in Guinea", "GINCOP", "actor"},
      {"refugees are often foreigners", "Refugees in Somalia lack food.", "2011-08-01", "Refugees in Somalia", "",
       ""},
      {"foreign troops stay unplaced", "Troops in Iraq came under fire.", "2007-05-01", "Troops in Iraq", "", ""},
      {"a singular role is not a people", "A civilian in Syria was killed.", "2024-03-01", "civilian in Syria", "",
       ""},
  });
}

TEST(Actors, AdjectiveBeforeEventNoun) {
  CheckActors({
      {"proposal", "Pakistan rejected an Indian proposal for talks.", "2019-03-01", "Indian", "IND", "actor"},
      {"ultimatum", "Baghdad ignored an Australian ultimatum.", "2003-03-01", "Australian", "AUS", "actor"},
      {"attack", "Ukraine condemned the Russian attack on Kharkiv.", "2024-03-01", "Russian", "RUS", "actor"},
      {"sanctions", "Iran vowed to defy American sanctions.", "2019-03-01", "American", "USA", "actor"},
      {"agent still wins", "Russian troops shelled the city.", "2024-03-01", "Russian", "", ""},
  });
}

struct PlaceCase {
  const char* text;
  const char* place;
  const char* country;  // "" when it must not be a place
  bool has_coordinates;
};

TEST(Actors, GazetteerPlaces) {
  const PlaceCase cases[] = {
      {"Russia raised the issue during talks in Istanbul on Feb. 27.", "Istanbul", "TUR", true},
      {"The talks in Moscow ended.", "Moscow", "RUS", true},
      {"A ceasefire in Ukraine is far off.", "Ukraine", "UKR", false},
      {"Delegates flew to Sochi for the summit.", "Sochi", "RUS", true},
      {"Police said nothing.", "Police", "", false},       // a town in Poland, and a common word
      {"The vote was held in March.", "March", "", false},  // a town in England, and a month
  };
  for (const auto& c : cases) {
    Coded coded = CodeText(c.text, "2025-07-29");
    const Place* found = nullptr;
    for (const auto& p : coded.places) {
      if (p.text == c.place) found = &p;
    }
    if (std::string(c.country).empty()) {
      EXPECT_EQ(found, nullptr) << c.text << "\n" << Dump(coded);
      continue;
    }
    ASSERT_NE(found, nullptr) << c.text << "\n" << Dump(coded);
    EXPECT_EQ(found->country, c.country) << c.text;
    EXPECT_EQ(found->lat.has_value(), c.has_coordinates) << c.text;
  }
}

// A reference and the mention it must resolve to (by text and occurrence).
struct CorefCase {
  const char* rule;
  const char* text;
  const char* reference;
  int reference_occurrence;
  const char* antecedent_name;
  const char* kind;
};

TEST(Actors, Coreference) {
  const CorefCase cases[] = {
      {"he: the subject of the previous sentence",
       "Donald Trump accused Vladimir Putin of stalling. He warned of new sanctions.", "He", 0, "Donald Trump",
       "pronoun"},
      {"he: nearest in the same sentence", "Peskov spoke. Later Donald Trump said he was disappointed.", "he", 0,
       "Donald Trump", "pronoun"},
      {"his: across sentences", "Kremlin spokesman Dmitry Peskov spoke. His remarks came a day later.", "His", 0,
       "Dmitry Peskov", "pronoun"},
      {"she: gender from the dictionary", "Kamala Harris met Donald Trump. She said the talks went well.", "She",
       0, "Kamala Harris", "pronoun"},
      {"they: a group", "Russian troops crossed the river. They shelled the town.", "They", 0, "Russian troops",
       "pronoun"},
      {"its: an institution", "Washington was not doing its part.", "its", 0, "Washington", "pronoun"},
      // Every pronoun form (the recogniser matches them by length and packed bytes).
      {"her: object", "Kamala Harris spoke. Reporters asked her about the talks.", "her", 0, "Kamala Harris",
       "pronoun"},
      {"him: object", "Donald Trump spoke. Reporters asked him about Iran.", "him", 0, "Donald Trump", "pronoun"},
      {"himself", "Vladimir Putin spoke. He said himself that the talks failed.", "himself", 0, "Vladimir Putin",
       "pronoun"},
      {"themselves", "Russian troops crossed the river. They dug themselves in.", "themselves", 0,
       "Russian troops", "pronoun"},
      {"It: an institution acting", "The European Union met. It has also requested talks.", "It", 0,
       "European Union", "pronoun"},
      {"the spokesman", "Kremlin spokesman Dmitry Peskov spoke. The envoy left and the spokesman smiled.",
       "spokesman", 0, "Dmitry Peskov", "nominal"},
      {"the Kremlin leader: a title", "Vladimir Putin spoke. Peskov said the Kremlin leader was busy.",
       "Kremlin leader", 0, "Vladimir Putin", "nominal"},
      {"repeated surname", "Kremlin spokesman Dmitry Peskov spoke. Peskov added more.", "Peskov", 0,
       "Dmitry Peskov", "actor"},
      {"surname withheld by the dictionary, named in full before",
       "Bernie Sanders ended his bid. Sanders thanked his supporters.", "Sanders", 0, "Bernie Sanders", "actor"},
  };
  for (const auto& c : cases) {
    Coded coded = CodeText(c.text, "2025-07-29");
    const ActorMention* ref = nullptr;
    int seen = 0;
    for (const auto& a : coded.actors) {
      if (a.text == c.reference && seen++ == c.reference_occurrence) ref = &a;
    }
    ASSERT_NE(ref, nullptr) << c.rule << ": " << Dump(coded);
    EXPECT_EQ(ref->name, c.antecedent_name) << c.rule << ": " << Dump(coded);
    EXPECT_EQ(ref->kind, c.kind) << c.rule;
    ASSERT_TRUE(ref->antecedent.has_value()) << c.rule;
    ASSERT_LT(*ref->antecedent, coded.actors.size());
    const ActorMention& ante = coded.actors[*ref->antecedent];
    EXPECT_EQ(ante.entity, ref->entity) << c.rule;
    EXPECT_LT(ante.start, ref->start) << c.rule;
    EXPECT_EQ(ante.name, c.antecedent_name) << c.rule;
  }
}

TEST(Actors, BadInputDoesNotCrash) {
  for (const std::string& text : {std::string(), std::string("he he he they its"), std::string(5000, '\''),
                                 std::string("Kremlin spokesman"), std::string("the the the Kremlin the")}) {
    Coded c = CodeText(text, "");
    for (const auto& a : c.actors) EXPECT_LE(a.end, text.size());
  }
}

// The done-when list of the issue, on the seed article.
TEST(Actors, SampleArticle) {
  PARLEY_REQUIRE_SHARED_DATA();
  const std::string path = parley::testing::SharedDataDir() + "/samples/moscow-times-2025-07-29.txt";
  Document doc = ingest::ReadScrapedText(parley::testing::ReadFileOrDie(path), path);
  ASSERT_EQ(doc.published.value_or(""), "2025-07-29");
  TextLayer layer = text::Segment(doc.text);
  Coded c;
  FindActors(doc, layer, BuiltIn(), &c.actors, &c.places);
  struct Expect {
    const char* text;
    const char* code;
  };
  const Expect expected[] = {{"Kremlin", "RUSGOV"},      {"Dmitry Peskov", "RUSGOV"}, {"Peskov", "RUSGOV"},
                             {"Washington", "USAGOV"},   {"Donald Trump", "USAGOV"},  {"Trump", "USAGOV"},
                             {"Vladimir Putin", "RUSGOV"}, {"Putin", "RUSGOV"},       {"Ukraine", "UKR"},
                             {"White House", "USAGOV"},  {"Sergei Lavrov", "RUSGOV"}, {"Marco Rubio", "USAGOV"},
                             {"Russian officials", "RUSGOV"}, {"Moscow", "RUSGOV"},   {"U.S. officials", "USAGOV"}};
  for (const auto& e : expected) {
    int found = 0;
    for (const auto& a : c.actors) {
      if (a.text != e.text || a.kind != "actor") continue;
      ++found;
      EXPECT_EQ(a.code, e.code) << e.text << " at " << a.start;
    }
    EXPECT_GT(found, 0) << e.text << "\n" << Dump(c);
  }
  bool istanbul = false;
  for (const auto& p : c.places) istanbul = istanbul || (p.text == "Istanbul" && p.country == "TUR" && p.lat);
  EXPECT_TRUE(istanbul) << Dump(c);
  for (const auto& a : c.actors) EXPECT_NE(a.text, "Istanbul");
}

}  // namespace
}  // namespace parley::extract
