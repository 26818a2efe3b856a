// Actors and places: finds actor mentions (countries, organisations, people, agents,
// metonyms, pronouns through coreference) and places in a document, coded as of the
// document's date. Thread-safe; reads only its arguments.
#pragma once

#include <vector>

#include "parley/annotations.h"
#include "parley/lexicon.h"

namespace parley::extract {

void FindActors(const Document& doc, const TextLayer& layer, const lexicon::Lexicon& lexicon,
                std::vector<ActorMention>* actors, std::vector<Place>* places);

}  // namespace parley::extract
