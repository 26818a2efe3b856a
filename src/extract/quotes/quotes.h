// Quotations: direct, partial and indirect speech with their speakers, resolved to actors.
// Thread-safe; reads only its arguments.
#pragma once

#include <vector>

#include "parley/annotations.h"

namespace parley::extract {

std::vector<Quote> FindQuotes(const Document& doc, const TextLayer& layer,
                              const std::vector<ActorMention>& actors);

}  // namespace parley::extract
