// Time expressions: finds dates, times, durations and sets in a document and normalizes them
// to TIMEX3 values against the document's date (Document::published), with deadlines.
// Thread-safe; reads only its arguments.
#pragma once

#include <vector>

#include "parley/annotations.h"

namespace parley::extract {

std::vector<TimeExpr> FindTimes(const Document& doc, const TextLayer& layer);

}  // namespace parley::extract
