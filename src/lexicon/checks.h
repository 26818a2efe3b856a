// Consistency checks over loaded entries (what `parley dict check` adds to the line parser's
// findings): overlapping dates of office within an entry, and one phrase naming entries with
// conflicting codes. Appends to `diagnostics`; pure otherwise.
#pragma once

#include <vector>

#include "parley/lexicon.h"

namespace parley::lexicon {

void CheckEntries(const std::vector<Entry>& entries, std::vector<Diagnostic>* diagnostics);

}  // namespace parley::lexicon
