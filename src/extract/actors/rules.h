// Resolution rules of the actor stage: small tests on the words around a mention that decide
// how a name the matcher found is coded (issue 6: the actor misses that cost events).
//  - ActedOnAfter: "fired at Russia", "sought refuge in Germany", "rockets fired into Israel":
//    a country after a locative preposition that an action is aimed at is an actor, not a place.
//  - CompoundPrefix / IsCompoundSuffix: "Vietnamese-led forces", "U.S.-backed": the country
//    before the hyphen leads or sponsors (the first country's role).
//  - MarksMinority: "ethnic Albanians", "the Hungarian minority": a people named after one
//    state and living in another; coded with the country where the sentence places them.
//  - IsLocalInstitution: "authorities in Croatia", "a court in Guyana": an institution that
//    belongs to the country it is in; IsCountryOfficial: "officials in the United States" too,
//    but not in a capital ("relief officials in Nairobi").
//  - SkipsBeforeEventNoun: "a Senegalese peace plan": one modifier between a nationality and
//    the event noun it names the actor of.
// Input: the document's tokens (Token::norm, case-folded) and token indexes. Pure functions,
// thread-safe; they run only where a mention or a trigger word is, and build no strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/annotations.h"
#include "parley/lexicon.h"
#include "parley/text.h"

namespace parley::extract::rules {

// True when the country after the preposition at token `prep` ("at", "into", "in") is what
// an action is done to: a verb of firing or aiming before "at"/"into" in the same clause
// (within a few words), refuge or asylum before "in". ("An incursion into Syria" stays a
// place: the incursion is told as a movement, and its target is coded from the invader.)
// `first`: the sentence's first token.
bool ActedOnAfter(const std::vector<Token>& tokens, uint32_t first, uint32_t prep);

// "vietnamese-led" -> 10 (the bytes of "vietnamese"); 0 when the word is no such compound.
size_t CompoundPrefix(std::string_view norm);
// The words after a hyphen that make the name before it the leader or sponsor ("led").
bool IsCompoundSuffix(std::string_view w);
// True when text[hyphen] is '-' followed by such a word and no more letters ("U.S.-led").
bool CompoundSuffixAt(std::string_view text, size_t hyphen);

// "ethnic" before a nationality, or "minority"/"minorities" as its role word.
bool MarksMinority(std::string_view word_before, std::string_view role_word);

// A folded role word that, followed by "in COUNTRY", belongs to that country.
bool IsLocalInstitution(std::string_view role_word);

// A folded role word that, followed by "in COUNTRY" (a state, not a capital), belongs to it.
bool IsCountryOfficial(std::string_view role_word);

// A bare role word that names the people or institution of the country a sentence is set in
// ("police", "rebels", "the government"); troops, officials and diplomats are often foreign.
bool IsGenericActor(std::string_view role_word);

// An office held by one person ("president", "minister"): a bare role only as "the president"
// ("ran for president", "as president" name the office, not its holder).
bool IsOffice(std::string_view role_word);

// A lower-case modifier that may stand between a nationality and an event noun ("peace",
// "military", "air").
bool SkipsBeforeEventNoun(std::string_view w);

// True when `date` (YYYY-MM-DD) falls in the year before one of the dated offices or in the
// four years after it: news still calls a former or coming office-holder by the surname alone
// ("Biden" in 2020). An empty date never.
bool NearOffice(const std::vector<lexicon::DatedCode>& dated, std::string_view date);

// The country a document is about at sentence `s`, for bare roles that name none of their own
// ("the government", "police", "the president"): news goes on about one state for a few
// sentences. The one country named (by actors and places alike) in the nearest of the
// kLookBack sentences before `s` that names any; "" when that sentence names two or more, or
// none does. `actors` and `places` are the document's so far, in sentence order.
inline constexpr uint32_t kLookBack = 3;
std::string RecentCountry(const std::vector<ActorMention>& actors, const std::vector<Place>& places, uint32_t s);

// Folds `country` into the countries named in one sentence: `*one` is the single state so
// far, `*mixed` is set once a second shows up. IGO, NGO and IMG codes name no state.
void NoteCountry(std::string_view country, std::string* one, bool* mixed);

}  // namespace parley::extract::rules
