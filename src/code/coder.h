// The event coder: turns each sentence into zero or more CAMEO events with PLOVER type,
// Goldstein value, quad class, date, location, modality and evidence.
//
// Per sentence: patterns (dict/verbs/) are matched at their anchors; the source comes from a
// SRC slot, a passive's "by" agent, the speaker (speech patterns) or the clause's subject (a
// subordinate or relative clause has its own subject; a leading "of" phrase or an appositive
// is looked through); the target from a TGT slot, the first actor after the phrase in the same
// clause (never the speaker of a trailing "..., X said", never inside a relative clause or a
// later infinitive), the actor a relative clause qualifies, or the clause's subject when the
// source fills SRC ("received assurances from X"). A verb's action with no target named takes
// it from context: a place it is directed at ("lifted a curfew in Montenegro": intents,
// material cooperation and conflict), else the source's own country for events that are
// domestic by default (yield, protest, force posture, coercion). Two phrases of one sentence
// with the same dyad and root are one event (the more specific code is kept). Compound
// actors expand to every pair; reciprocal patterns code a compound subject both ways. The
// event date follows the contract: the clause's own time expression, then the time of the
// account the sentence continues, then the article date. The same event stated twice in one
// document is output once with `mentions` counted. Phrases that tell no event of their own
// are skipped: an infinitive or a coordinated verb governed by an earlier phrase, the action a
// demand asks for ("demanded that X lift", "X must withdraw"), a gerund after "of", a
// participle after an article ("the occupied West Bank"), an event noun inside a verb's
// phrase. "met with Y" is coded from the subject only; a compound subject runs both ways,
// and so do what it agrees to ("Chad and Sudan agreed to ...") and a negotiation with a
// partner (046, "held talks with Y"). Thread-safe; reads only its arguments.
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "code/clause_hints.h"
#include "code/patterns.h"
#include "code/roles.h"
#include "parley/annotations.h"

namespace parley::code {

std::vector<Event> CodeEvents(const CodedDocument& doc, const PatternSet& patterns, bool explain);
// The same with clause hints from a parse (code/clause_hints.h; null: none, as above): each
// verb with a hint takes its roles from it, `...` stops at the end of the verb's phrase and
// SKIP passes over the parse's noun phrases.
std::vector<Event> CodeEvents(const CodedDocument& doc, const PatternSet& patterns, bool explain,
                              const ClauseHints* hints);

// The coder's own buffers (coder.cc): the candidates of a sentence and the account times of a
// document, kept for their capacity.
struct CoderBuffers;

// Buffers the coder reuses from sentence to sentence and from document to document, so that
// coding a short document allocates little besides its events. A caller that codes many
// documents keeps one per thread (the pipeline does); one scratch serves one call at a time.
struct CoderScratch {
  CoderScratch();
  ~CoderScratch();  // in coder.cc, where CoderBuffers is complete
  std::unique_ptr<CoderBuffers> buffers;  // made at the first call
  DocumentIndex index;
  SentenceView view;
  std::vector<PatternMatch> matches;
  std::vector<bool> objects, objects_after;
  // The actor groups and pairs of the candidate being emitted.
  std::vector<uint32_t> sources, targets, group;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  std::vector<SpeechFrame> frames;  // of the sentence being coded
  std::vector<int32_t> place_at;    // by relative token: a place a TGT slot may take (PlaceSpans)
  std::vector<uint32_t> place_end;  // by relative token: that place's end token
};
// The same, reusing `scratch` (not null).
std::vector<Event> CodeEvents(const CodedDocument& doc, const PatternSet& patterns, bool explain,
                              const ClauseHints* hints, CoderScratch* scratch);

}  // namespace parley::code
