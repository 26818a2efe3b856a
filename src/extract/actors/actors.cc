// Placeholder: the actors issue fills this in.
#include "extract/actors/actors.h"

namespace parley::extract {

void FindActors(const Document&, const TextLayer&, const lexicon::Lexicon&,
                std::vector<ActorMention>*, std::vector<Place>*) {}

}  // namespace parley::extract
