// Actors and places: finds actor mentions (countries, organisations, people, agents,
// metonyms, pronouns through coreference) and places in a document, coded as of the
// document's date (Document::published; the most recent codes when absent).
//
// How (one pass per sentence, then coreference in text order):
//  1. Lexicon::Lookup at each token, longest phrase first; gates reject what news writes in
//     lower case, bare surnames of people not yet introduced nor in office, and gazetteer towns
//     that are common words (they need a place preposition or a large population).
//  2. Combinations: a country, adjective, seat or organisation before an agent ("Russian
//     troops" RUSMIL, "Iran's foreign minister" IRNGOV), or "of X" after it ("the foreign
//     minister of Iran"). A role before a name gives ONE mention, spanning the name: a known
//     person keeps their own dated code; an unknown one ("Kremlin spokesman John Doe") gets the
//     role's code and their surname is recognised later in the document.
//  3. Countries and capitals after a locative preposition ("in Ukraine", "talks in Moscow") are
//     places only; elsewhere they are actors (a capital stands for its government: "Moscow is
//     seeking"). Seats of power ("the Kremlin") are always actors. Gazetteer towns are places.
//  4. Coreference: he/she/him/his/her, they/them/their, "its", and "the" + a role or title
//     ("the spokesman", "the Kremlin leader") become mentions of kind "pronoun" or "nominal"
//     with the antecedent's code and name; the antecedent is the first compatible mention
//     (the subject) in the same sentence before it, else in the nearest of the three previous
//     sentences. Repeated people point back to their previous mention.
// Thread-safe: reads only its arguments; its working memory is a per-thread scratch
// (thread_local), cleared and reused from one document to the next so that a document
// allocates only what it outputs.
#pragma once

#include <vector>

#include "parley/annotations.h"
#include "parley/lexicon.h"

namespace parley::extract {

void FindActors(const Document& doc, const TextLayer& layer, const lexicon::Lexicon& lexicon,
                std::vector<ActorMention>* actors, std::vector<Place>* places);

}  // namespace parley::extract
