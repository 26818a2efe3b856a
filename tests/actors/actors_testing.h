// Helpers shared by the actor tests: the built-in dictionaries loaded once, a text coded by the
// actor stage as of a date, a one-line dump of what was found for failure messages, and the
// table check of expected mentions.
#pragma once

#include <gtest/gtest.h>

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

// The `occurrence`-th actor mention whose text is `text`, or null.
inline const ActorMention* FindActor(const Coded& c, const std::string& text, int occurrence = 0) {
  for (const auto& a : c.actors) {
    if (a.text == text && occurrence-- == 0) return &a;
  }
  return nullptr;
}

// An actor mention expected in `text` on `date`: its text and code (empty code: it must not be
// an actor), and its kind when `kind` is given.
struct ActorCase {
  const char* rule;
  const char* text;
  const char* date;
  const char* mention;
  const char* code;
  const char* kind = nullptr;
};

inline void CheckActors(const std::vector<ActorCase>& cases) {
  for (const auto& c : cases) {
    const Coded coded = CodeText(c.text, c.date);
    const ActorMention* a = FindActor(coded, c.mention);
    if (std::string(c.code).empty()) {
      EXPECT_EQ(a, nullptr) << c.rule << ": \"" << c.mention << "\" must not be an actor in: " << c.text << "\n"
                            << Dump(coded);
      continue;
    }
    ASSERT_NE(a, nullptr) << c.rule << ": no \"" << c.mention << "\" in: " << c.text << "\n" << Dump(coded);
    EXPECT_EQ(a->code, c.code) << c.rule << ": " << c.text << "\n" << Dump(coded);
    if (c.kind != nullptr) {
      EXPECT_EQ(a->kind, c.kind) << c.rule << ": " << c.text;
    }
    EXPECT_EQ(a->country, a->code.substr(0, 3)) << c.rule;
    EXPECT_EQ(std::string(c.text).substr(a->start, a->end - a->start), a->text) << c.rule;
  }
}

}  // namespace parley::extract::actors_testing
