// The event coder: turns each sentence into zero or more CAMEO events (with PLOVER type,
// Goldstein value, quad class, date, location, modality and evidence). Thread-safe.
#pragma once

#include <vector>

#include "parley/annotations.h"
#include "parley/lexicon.h"

namespace parley::code {

std::vector<Event> CodeEvents(const CodedDocument& doc, const lexicon::Lexicon& lexicon, bool explain);

}  // namespace parley::code
