// Political parties (dict/actors/parties.txt): full names, short forms and acronyms code as
// COUNTRY + PTY + party; names shared by several countries' parties, common phrases that
// contain a party's name, and acronyms that mean other things are not party actors.
#include <gtest/gtest.h>

#include "actors_testing.h"

namespace parley::extract {
namespace {

using actors_testing::ActorCase;
using actors_testing::CheckActors;

TEST(Parties, FullNamesShortFormsAndAcronyms) {
  CheckActors({
      {"full name", "The ruling Justice and Development Party won most votes in Istanbul.", "2019-04-01",
       "Justice and Development Party", "TURPTYAKP", "actor"},
      {"acronym", "Erdogan's AKP lost the mayoralty of Ankara for the first time.", "2019-04-01", "AKP", "TURPTYAKP"},
      {"acronym", "The BJP swept the state elections in Uttar Pradesh.", "2022-03-10", "BJP", "INDPTYBJP"},
      {"full name", "The Bharatiya Janata Party held a rally in New Delhi on Sunday.", "2022-03-10",
       "Bharatiya Janata Party", "INDPTYBJP"},
      {"the party said", "The Umma Party said it would boycott the talks with the army.", "2021-11-02",
       "Umma Party", "SDNPTYUMM"},
      {"one-word name", "Likud failed to form a coalition before the deadline.", "2019-05-29", "Likud", "ISRPTYLIK"},
      {"transliteration", "Pakistan Tehreek-e-Insaf supporters marched on Islamabad.", "2023-05-10",
       "Pakistan Tehreek-e-Insaf", "PAKPTYPTI"},
      {"world usage: U.S.", "The Republican Party nominated Trump again in Milwaukee.", "2024-07-18", "Republican Party",
       "USAPTYREP"},
      {"longest name wins", "The Republican People's Party won the mayoral race in Istanbul.", "2019-06-23",
       "Republican People's Party", "TURPTYCHP"},
      {"longest name wins", "The Alliance Party of Northern Ireland gained a seat in North Down.", "2019-12-13",
       "Alliance Party of Northern Ireland", "GBRPTYAPN"},
      {"longest name wins", "Zhirinovsky's Liberal Democratic Party of Russia backed the bill.", "2019-06-01",
       "Liberal Democratic Party of Russia", "RUSPTYLDP"},
      {"world usage: Japan", "The Liberal Democratic Party chose a new leader on Wednesday.", "2021-09-29",
       "Liberal Democratic Party", "JPNPTYLDP"},
      {"qualified form", "The Scottish National Party called for a second referendum.", "2019-12-13",
       "Scottish National Party", "GBRPTYSNP"},
      {"party list", "United Russia kept its majority in the State Duma.", "2021-09-20", "United Russia", "RUSPTYUNR"},
  });
}

TEST(Parties, NotParties) {
  CheckActors({
      {"a celebration", "She threw a birthday party for her daughter on Saturday.", "2021-05-01", "birthday party", ""},
      {"a celebration", "She threw a birthday party for her daughter on Saturday.", "2021-05-01", "party", ""},
      {"a contract's party", "The party of the first part agrees to pay the rent.", "2021-05-01", "party", ""},
      {"a holiday", "Shops and banks close on Labour Day.", "2021-05-01", "Labour Day", ""},
      {"a holiday", "Shops and banks close on Labour Day.", "2021-05-01", "Labour", ""},
      {"a movement, not Lebanon's party", "The Fridays for Future movement marched in Berlin.", "2019-09-20",
       "Future movement", ""},
      {"a plural, not PiS", "The PIs on the project signed the letter.", "2020-02-01", "PIs", ""},
      {"a news agency, not Imran Khan's party", "The figures were reported by PTI on Monday.", "2020-02-01", "PTI", ""},
      {"a prosecutor, not Taiwan's DPP", "The DPP decided not to bring charges.", "2020-02-01", "DPP", ""},
      {"not the U.S. Democrats", "Germany's Social Democratic Party won the vote.", "2021-09-27", "Democratic Party", ""},
  });
}

}  // namespace
}  // namespace parley::extract
