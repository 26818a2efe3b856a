// The event coder end to end on the project's sample article: the events a user expects from
// it (see the event-coder issue), with their dates, modality and location. The article is
// read from ../shared/data; the test skips without it.
#include <gtest/gtest.h>

#include "common/testing.h"
#include "parley/ingest.h"
#include "parley/pipeline.h"

namespace parley::testing {
namespace {

struct Expected {
  const char* what;
  const char* source_country;
  const char* target_country;
  const char* code_prefix;
  const char* date;      // "" = any
  const char* modality;  // "" = any
};

bool Found(const std::vector<Event>& events, const Expected& x) {
  for (const auto& e : events) {
    if (e.source.substr(0, 3) == x.source_country && e.target.substr(0, 3) == x.target_country &&
        e.code.rfind(x.code_prefix, 0) == 0 && (!*x.date || e.date.value_or("") == x.date) &&
        (!*x.modality || e.modality == x.modality))
      return true;
  }
  return false;
}

TEST(SampleEventsTest, WhatAUserExpects) {
  PARLEY_REQUIRE_SHARED_DATA();
  const std::string path = SharedDataDir() + "/samples/moscow-times-2025-07-29.txt";
  Document doc = ingest::ReadScrapedText(ReadFileOrDie(path), path);
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  CodedDocument cd = (*pipeline)->Code(std::move(doc));
  const Expected expected[] = {
      {"pessimistic comment on the talks", "RUS", "USA", "012", "2025-07-29", ""},
      {"disappointment in Putin, the day before", "USA", "RUS", "11", "2025-07-28", ""},
      {"accusation, the day before", "USA", "RUS", "112", "2025-07-28", "asserted"},
      {"threat of sanctions", "USA", "RUS", "13", "2025-07-28", "asserted"},
      {"the threatened tariffs", "USA", "RUS", "163", "2025-07-28", "hypothetical"},
      {"demand for the properties", "RUS", "USA", "02", "", ""},
      {"seizure of the properties", "USA", "RUS", "171", "2016/2018", ""},
      {"rejection of mediation", "RUS", "USA", "12", "", ""},
      {"talks in Istanbul", "RUS", "USA", "04", "2025-02-27", ""},
      {"the second round", "RUS", "USA", "04", "2025-04-10", ""},
      {"Lavrov and Rubio", "RUS", "USA", "04", "2025-02", ""},
      {"Lavrov and Rubio, both ways", "USA", "RUS", "04", "2025-02", ""},
  };
  for (const auto& x : expected) EXPECT_TRUE(Found(cd.events, x)) << x.what;
  bool located = false;
  for (const auto& e : cd.events) {
    if (e.date.value_or("") == "2025-02-27" && e.location) located = e.location->country == "TUR";
  }
  EXPECT_TRUE(located) << "the Istanbul talks carry a location in TUR";
  for (const auto& e : cd.events) {
    EXPECT_NE(e.source, e.target);
    EXPECT_FALSE(e.evidence.empty());
  }
}

}  // namespace
}  // namespace parley::testing
