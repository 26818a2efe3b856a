// The event coder: turns each sentence into zero or more CAMEO events with PLOVER type,
// Goldstein value, quad class, date, location, modality and evidence.
//
// Per sentence: patterns (dict/verbs/) are matched at their anchors; the source comes from a
// SRC slot, a passive's "by" agent, the speaker (speech patterns) or the clause's subject; the
// target from a TGT slot or the first actor after the phrase in the same clause. Compound
// actors expand to every pair; reciprocal patterns code a compound subject both ways. The
// event date follows the contract: the clause's own time expression, then the time of the
// account the sentence continues, then the article date. The same event stated twice in one
// document is output once with `mentions` counted. Thread-safe; reads only its arguments.
#pragma once

#include <vector>

#include "code/patterns.h"
#include "parley/annotations.h"

namespace parley::code {

std::vector<Event> CodeEvents(const CodedDocument& doc, const PatternSet& patterns, bool explain);

}  // namespace parley::code
