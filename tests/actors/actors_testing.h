// Helpers shared by the actor tests: the built-in dictionaries loaded once, a text coded by the
// actor stage as of a date, and a one-line dump of what was found for failure messages.
#pragma once

#include <string>
#include <vector>

#include "common/testing.h"
#include "extract/actors/actors.h"
#include "text/segmenter.h"

namespace parley::extract::actors_testing {

inline const lexicon::Lexicon& BuiltIn() {
  static auto lex = lexicon::Lexicon::Load({parley::testing::SourceDir() + "/dict"});
  PARLEY_CHECK(lex.ok());
  return **lex;
}

struct Coded {
  std::vector<ActorMention> actors;
  std::vector<Place> places;
};

// `date` "": no publication date.
inline Coded CodeText(const std::string& text, const std::string& date) {
  Document doc;
  doc.text = text;
  if (!date.empty()) doc.published = date;
  TextLayer layer = text::Segment(doc.text);
  Coded c;
  FindActors(doc, layer, BuiltIn(), &c.actors, &c.places);
  return c;
}

inline std::string Dump(const Coded& c) {
  std::string s;
  for (const auto& a : c.actors) s += "[" + a.text + " " + a.code + " " + a.kind + "] ";
  for (const auto& p : c.places) s += "{" + p.text + " " + p.country + "} ";
  return s;
}

}  // namespace parley::extract::actors_testing
