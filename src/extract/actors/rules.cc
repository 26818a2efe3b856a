#include "extract/actors/rules.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace parley::extract::rules {
namespace {

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Verbs and nouns of firing and aiming: what follows "at" or "into" is the target
// ("fired anti-aircraft batteries at Russia", "rockets it fires at Israel").
constexpr std::array<std::string_view, 26> kFiring{
    "fire",    "fired",   "fires",    "firing",   "shoot",    "shoots",   "shot",     "shooting", "aim",
    "aimed",   "aims",    "aiming",   "lob",      "lobbed",   "lobbing",  "launch",   "launched", "launches",
    "launching", "hurled", "hurling", "directed", "lashed",   "lashing",  "rockets",  "missiles"};
// Seeking protection from a state: "sought refuge in Germany", "asylum in Sweden".
constexpr std::array<std::string_view, 5> kRefuge{"refuge", "asylum", "sanctuary", "shelter", "haven"};
// After a hyphen: the name before it leads or sponsors ("Saudi-led", "Iranian-backed").
constexpr std::array<std::string_view, 7> kCompoundSuffixes{"led",    "backed",    "sponsored", "brokered",
                                                            "funded", "supported", "trained"};
// Institutions that belong to the country they are in. Diplomats, troops and refugees are
// often foreigners there, so they are not listed.
constexpr std::array<std::string_view, 8> kLocalInstitutions{
    "authorities", "government", "court", "courts", "parliament", "judiciary", "judges", "prosecutors"};
// Officials in a country are its own ("officials in the United States"): a foreign one is named
// with his country first ("US officials in Iraq"), which combines before this rule is asked.
// Officials in a capital are often foreign ("relief officials in Nairobi"), so not there.
constexpr std::array<std::string_view, 3> kCountryOfficials{"officials", "lawmakers", "legislators"};
constexpr std::array<std::string_view, 16> kEventNounModifiers{
    "peace", "military", "trade", "economic", "diplomatic", "nuclear", "air", "ground",
    "naval", "missile", "rocket", "artillery", "drone", "border", "ceasefire", "security"};

constexpr std::array<std::string_view, 17> kGenericActors{
    "government", "army", "military", "police", "rebels", "insurgents", "militants",
    "guerrillas", "authorities", "parliament", "protesters", "demonstrators", "opposition",
    // Heads of government and legislators: "the president", "the prime minister", "lawmakers".
    "president", "minister", "lawmakers", "legislators"};

constexpr uint32_t kFiringWindow = 6;  // words between the verb and "at" ("fired two rockets at")

}  // namespace

bool ActedOnAfter(const std::vector<Token>& tokens, uint32_t first, uint32_t prep) {
  if (prep <= first || prep >= tokens.size()) return false;
  const std::string_view p = tokens[prep].norm;
  if (p == "in") return OneOf(kRefuge, tokens[prep - 1].norm);
  if (p != "at" && p != "into") return false;
  const uint32_t stop = prep - first > kFiringWindow ? prep - kFiringWindow : first;
  for (uint32_t j = prep; j > stop; --j) {
    const Token& t = tokens[j - 1];
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote) return false;  // another clause
    if (OneOf(kFiring, t.norm)) return true;
  }
  return false;
}

size_t CompoundPrefix(std::string_view norm) {
  if (norm.size() < 6 || norm.back() != 'd') return 0;  // every suffix ends in "d"
  const size_t hyphen = norm.rfind('-');
  if (hyphen == std::string_view::npos || hyphen == 0) return 0;
  return IsCompoundSuffix(norm.substr(hyphen + 1)) ? hyphen : 0;
}

bool IsCompoundSuffix(std::string_view w) { return OneOf(kCompoundSuffixes, w); }

bool CompoundSuffixAt(std::string_view text, size_t hyphen) {
  if (hyphen >= text.size() || text[hyphen] != '-') return false;
  size_t end = hyphen + 1;
  while (end < text.size() && end - hyphen <= 10 && text[end] >= 'a' && text[end] <= 'z') ++end;
  const bool word_ends = end == text.size() || !(text[end] >= 'A' && text[end] <= 'Z');
  return word_ends && IsCompoundSuffix(text.substr(hyphen + 1, end - hyphen - 1));
}

bool MarksMinority(std::string_view word_before, std::string_view role_word) {
  return word_before == "ethnic" || role_word == "minority" || role_word == "minorities";
}

bool IsLocalInstitution(std::string_view role_word) { return OneOf(kLocalInstitutions, role_word); }

bool IsCountryOfficial(std::string_view role_word) { return OneOf(kCountryOfficials, role_word); }

bool IsGenericActor(std::string_view role_word) { return OneOf(kGenericActors, role_word); }

bool SkipsBeforeEventNoun(std::string_view w) { return OneOf(kEventNounModifiers, w); }

bool IsOffice(std::string_view role_word) { return role_word == "president" || role_word == "minister"; }

namespace {
// "2020-05-01" shifted by `years` (the same day; only compared as a string).
std::string ShiftYears(std::string_view date, int years) {
  int y = 0;
  for (size_t k = 0; k < 4 && k < date.size(); ++k) y = y * 10 + (date[k] - '0');
  std::string out = std::to_string(y + years);
  out.append(date.substr(std::min<size_t>(4, date.size())));
  return out;
}
}  // namespace

bool NearOffice(const std::vector<lexicon::DatedCode>& dated, std::string_view date) {
  // Only a date that starts with a year ("2020-03-01", "2020"): anything else compares as nonsense.
  if (date.size() < 4 || !std::all_of(date.begin(), date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) ||
      (date.size() > 4 && date[4] != '-'))
    return false;
  const std::string after = ShiftYears(date, -4);  // an office that ended after this
  const std::string before = ShiftYears(date, 1);  // or starts before this
  for (const lexicon::DatedCode& d : dated) {
    const bool ended_since = d.to.empty() || d.to >= after;
    const bool started = d.from.empty() || d.from <= before;
    if (ended_since && started) return true;
  }
  return false;
}

void NoteCountry(std::string_view country, std::string* one, bool* mixed) {
  if (country.size() != 3 || country == "IGO" || country == "NGO" || country == "IMG") return;
  if (one->empty()) {
    one->assign(country);
  } else if (*one != country) {
    *mixed = true;
  }
}

std::string RecentCountry(const std::vector<ActorMention>& actors, const std::vector<Place>& places, uint32_t s) {
  // Both vectors are in sentence order: walk them back together, one sentence at a time.
  size_t a = actors.size();
  size_t p = places.size();
  for (uint32_t back = 1; back <= kLookBack && back <= s; ++back) {
    const uint32_t sentence = s - back;
    std::string one;
    bool mixed = false;
    for (; a > 0 && actors[a - 1].sentence >= sentence; --a) {
      if (actors[a - 1].sentence == sentence) NoteCountry(actors[a - 1].country, &one, &mixed);
    }
    for (; p > 0 && places[p - 1].sentence >= sentence; --p) {
      if (places[p - 1].sentence == sentence) NoteCountry(places[p - 1].country, &one, &mixed);
    }
    if (mixed) return "";
    if (!one.empty()) return one;
  }
  return "";
}

}  // namespace parley::extract::rules
