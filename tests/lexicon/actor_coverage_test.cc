// Coverage of the built-in actor dictionaries: regions, peoples, religious and ethnic
// communities, organisations and armed groups of the 1990s-2000s, and office holders of the
// states in the news then, each coded as of the article's date. One table per family, on
// sentences written like wire stories; the recogniser is the real one (extract/actors).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/testing.h"
#include "extract/actors/actors.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

namespace parley::lexicon {
namespace {

const Lexicon& BuiltIn() {
  static auto lex = Lexicon::Load({parley::testing::SourceDir() + "/dict"});
  PARLEY_CHECK(lex.ok());
  return **lex;
}

// One mention expected in `text` on `date`: its exact text and code ("" = must not be an
// actor, e.g. a region after "in", which is a place).
struct Case {
  const char* text;
  const char* date;
  const char* mention;
  const char* code;
};

std::vector<ActorMention> Actors(const std::string& text, const std::string& date) {
  Document doc;
  doc.text = text;
  doc.published = date;
  TextLayer layer = text::Segment(doc.text);
  std::vector<ActorMention> actors;
  std::vector<Place> places;
  extract::FindActors(doc, layer, BuiltIn(), &actors, &places);
  return actors;
}

std::string Dump(const std::vector<ActorMention>& actors) {
  std::string s;
  for (const auto& a : actors) s += "[" + a.text + " " + a.code + "] ";
  return s;
}

void Check(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    const std::vector<ActorMention> actors = Actors(c.text, c.date);
    const ActorMention* found = nullptr;
    for (const auto& a : actors) {
      if (a.text == c.mention) {
        found = &a;
        break;
      }
    }
    if (std::string(c.code).empty()) {
      EXPECT_EQ(found, nullptr) << "\"" << c.mention << "\" must not be an actor in: " << c.text << "\n"
                                << Dump(actors);
      continue;
    }
    ASSERT_NE(found, nullptr) << "no \"" << c.mention << "\" in: " << c.text << " (" << c.date << ")\n"
                              << Dump(actors);
    EXPECT_EQ(found->code, c.code) << c.text << " (" << c.date << ")";
  }
}

TEST(ActorCoverage, RegionsActForTheirSideAndArePlacesAfterPrepositions) {
  Check({
      {"Gaza fired more rockets at southern Israel overnight, the army said.", "2008-12-30", "Gaza", "PSE"},
      {"Israel reimposed a closure on the West Bank after the attack.", "2001-05-19", "West Bank", "PSE"},
      {"Chechnya rejected the Kremlin's offer of talks.", "1996-08-20", "Chechnya", "RUS"},
      {"Kashmir's chief minister called for calm after the clashes.", "2010-07-06", "Kashmir", "IND"},
      {"Somaliland has asked the African Union to recognise its independence.", "2007-03-01", "Somaliland",
       "SOM"},
      {"Heavy fighting was reported in Chechnya on Sunday.", "1995-01-08", "Chechnya", ""},
      {"Aid agencies have struggled to reach civilians in Darfur.", "2004-08-10", "Darfur", ""},
  });
}

TEST(ActorCoverage, PeoplesAreCodedToTheStateTheyLiveIn) {
  Check({
      {"Bosnian Serbs shelled the eastern enclave of Gorazde on Tuesday.", "1994-04-12", "Bosnian Serbs",
       "BIHSER"},
      {"Chechen rebels ambushed a Russian convoy near Grozny.", "1995-03-02", "Chechen rebels", "RUSREB"},
      {"Tamil rebels attacked an army camp in the north of the island.", "1997-06-11", "Tamil rebels",
       "LKAREB"},
      {"Tibetans staged a rare protest in Lhasa, witnesses said.", "2008-03-14", "Tibetans", "CHNTIB"},
      {"Irish nationalist guerrillas wounded two soldiers in a bomb attack.", "1992-02-07",
       "Irish nationalist guerrillas", "GBRREB"},
      {"Kampuchean guerrillas shelled a border camp.", "1985-02-01", "Kampuchean guerrillas", "KHMREB"},
  });
}

TEST(ActorCoverage, CommunitiesCombineWithTheirState) {
  Check({
      {"Some 800,000 Iraqi Kurds sought refuge in Turkey and Iran.", "1991-04-20", "Iraqi Kurds", "IRQKUR"},
      {"Lebanese Shiites rallied in Beirut's southern suburbs.", "2006-12-01", "Lebanese Shiites",
       "LBNMOSSHI"},
      {"Egyptian Christians protested outside the cathedral.", "2011-10-10", "Egyptian Christians", "EGYCHR"},
      {"Nigerian junior foreign minister John Doe summoned the envoy.", "1999-05-04",
       "John Doe", "NGAGOV"},
      {"The president has reneged on his promise to the Zambian people.", "2005-06-01", "Zambian people",
       "ZMBCVL"},
  });
}

TEST(ActorCoverage, OrganisationsAndArmedGroupsOfTheNinetiesAndTwoThousands) {
  Check({
      {"The Red Cross suspended aid deliveries in Baghdad.", "2003-10-29", "Red Cross", "IGOIRC"},
      {"Greece demanded that the European Community refuse to recognise the republic.", "1992-04-01",
       "European Community", "IGOEU"},
      {"The SPLA shelled the southern town on Sunday.", "1995-03-05", "SPLA", "SDNREBSPL"},
      {"UNITA rejected the government's peace plan.", "1998-05-10", "UNITA", "AGOREBUNT"},
      {"UNITA accused the ruling party of fraud.", "2008-09-10", "UNITA", "AGOOPPUNT"},
      {"The Kosovo Liberation Army said it had shot down a helicopter.", "1998-08-01", "Kosovo Liberation Army",
       "KSVSEPKLA"},
      {"The Khmer Rouge attacked a village in the northwest.", "1996-01-15", "Khmer Rouge", "KHMREBKRG"},
      {"The Rwandan Patriotic Front demanded a ceasefire.", "1993-02-10", "Rwandan Patriotic Front",
       "RWAREBRPF"},
      {"The Rwandan Patriotic Front won a large majority.", "2008-09-18", "Rwandan Patriotic Front",
       "RWAGOVRPF"},
  });
}

TEST(ActorCoverage, OfficeHoldersOnTheArticleDate) {
  Check({
      {"President Franjo Tudjman rejected the plan.", "1995-05-02", "Franjo Tudjman", "HRVGOV"},
      {"Radovan Karadzic rejected the peace plan.", "1994-07-20", "Radovan Karadzic", "BIHREB"},
      {"Radovan Karadzic was arrested in Belgrade.", "2008-07-21", "Radovan Karadzic", "BIHELI"},
      {"President Levy Mwanawasa dissolved the cabinet.", "2006-10-05", "Levy Mwanawasa", "ZMBGOV"},
      {"President Bush threatened further action against Iraq.", "1991-02-15", "President Bush", "USAGOV"},
      {"President Bush threatened further action against Iraq.", "2003-02-15", "President Bush", "USAGOV"},
      {"Charles Taylor's fighters shelled Monrovia.", "1992-10-20", "Charles Taylor", "LBRREB"},
      {"Charles Taylor accused Guinea of backing the rebels.", "2001-01-10", "Charles Taylor", "LBRGOV"},
      {"Rauf Denktash walked out of the talks.", "1999-12-10", "Rauf Denktash", "CYPSEP"},
      {"Ibrahim Rugova called for independence.", "1998-03-01", "Ibrahim Rugova", "KSVOPP"},
      {"Ibrahim Rugova met the UN envoy.", "2004-05-01", "Ibrahim Rugova", "KSVGOV"},
      {"Hun Sen ordered troops to the border.", "2008-07-16", "Hun Sen", "KHMGOV"},
      {"Vice-President Moody Awori declined to resign.", "2006-02-20", "Moody Awori", "KENGOV"},
      {"Prosper Avril declared a state of siege.", "1990-01-20", "Prosper Avril", "HTIGOV"},
  });
}

TEST(ActorCoverage, FormerSeatsOfGovernment) {
  Check({
      {"Juba said it would not negotiate.", "2000-01-01", "Juba", "SDN"},
      {"Juba said it would not negotiate.", "2015-01-01", "Juba", "SSDGOV"},
      {"Bonn welcomed the decision.", "1995-06-01", "Bonn", "DEUGOV"},
  });
}

}  // namespace
}  // namespace parley::lexicon
