// Reported (indirect) speech: a speech verb with its speaker and the clause it reports, without
// quote marks. Three shapes: "Peskov suggested [Washington was not doing its part]" (the clause
// after the verb, with or without "that"; verbs of thought only with "that"), "[clause], sources
// said." (the cue at the sentence's end) and "According to the Kremlin, [clause]." A participle
// cue (", saying ...", ", adding that ...") takes the speaker of its main clause.
//
// Input: a DocView and one sentence. Output: the reported clauses it holds. Pure function.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/quotes/doc_view.h"
#include "extract/quotes/speaker.h"

namespace parley::extract::quotes {

struct Reported {
  Phrase content;  // tokens of the reported clause
  Attribution attribution;
};

std::vector<Reported> FindReported(const DocView& v, uint32_t sentence);

}  // namespace parley::extract::quotes
