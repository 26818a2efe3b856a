// Clause hints: what a syntactic parse of a document's sentences says about their clauses,
// handed to the event coder (CodeEvents) as an optional extra input. parley's coder finds
// roles from tokens and actor mentions alone; a caller that has a parse (the validator runs
// the peers' records, which carry a Penn Treebank parse: src/peers/clause_hints_from_parse.h)
// can tell it, per verb, where the clause's subject, object and passive agent are, how far the
// verb's phrase runs (what `...` of a pattern may span) and which token runs are noun phrases
// (what SKIP passes over).
//
// All token indexes are absolute (into TextLayer::tokens); a span is [begin, end), empty when
// begin == end. Without hints (a null pointer) the coder behaves exactly as it does on its own.
// With hints, a verb that has a VerbHint takes its roles from it, unless the pattern's own
// SRC/TGT slots fill them: a passive's source is the actor of its "by" phrase and its target
// the clause's subject; otherwise the source is the first clause subject (innermost first)
// that names an actor, and the target the first object noun phrase after the verb that names
// one (a CMP slot after the verb is the object). A coordinated phrase stands for all its
// actors; a compound subject with a CMP slot before the verb, or with a paired code ("064:064")
// and no object, acts on itself (each member on the others). A verb inside the phrase of a verb
// that codes an event is part of that event.
// Plain data; thread-safe to share read-only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace parley::code {

struct TokenSpan {
  uint32_t begin = 0, end = 0;
  bool coordinated = false;  // a coordination ("X, Y and Z"): every actor in it is a member
  bool empty() const { return begin >= end; }
  bool Contains(uint32_t b, uint32_t e) const { return b >= begin && e <= end && b < e; }
};

// One step up from a verb towards the sentence's root: a clause that holds it. A subordinate
// clause ("that ...", "which ...") is a step with `subordinate` set and no subject of its own
// here (its subject, if any, is the step before it).
struct ClauseStep {
  TokenSpan subject;         // the clause's subject noun phrase (a reduced relative: the noun it qualifies)
  bool pronoun = false;      // the subject is a lone pronoun ("it would act"): it refers up
  bool subordinate = false;  // an SBAR: the search for a subject stops here...
  uint32_t clause_begin = 0;  // ...when the clause starts at or before the pattern's first word
};

struct VerbHint {
  uint32_t verb = 0;                 // the verb's token
  std::vector<ClauseStep> clauses;   // innermost first
  std::vector<TokenSpan> objects;    // noun phrases of the verb's phrase, in reading order (outer before inner)
  TokenSpan passive_agent;           // a passive verb's "by" noun phrase (empty: not a passive with an agent)
  uint32_t phrase_end = 0;           // end of the verb's phrase
};

struct ClauseHints {
  std::vector<VerbHint> verbs;  // sorted by verb token
  // By absolute token: the end of the phrase a verb there heads (0: no verb there).
  std::vector<uint32_t> phrase_end;
  std::vector<std::pair<uint32_t, uint32_t>> noun_phrases;  // [begin, end) of every noun phrase
  std::vector<TokenSpan> coordinations;  // every coordinated noun phrase, outer before inner
  // False: an event whose clause names no target is still coded, with an empty target (the
  // peers' require_dyad option off).
  bool require_dyad = true;

  // The hint of the verb at `token`, or null.
  const VerbHint* ForVerb(uint32_t token) const {
    std::size_t lo = 0, hi = verbs.size();
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (verbs[mid].verb < token) lo = mid + 1;
      else hi = mid;
    }
    return lo < verbs.size() && verbs[lo].verb == token ? &verbs[lo] : nullptr;
  }
};

}  // namespace parley::code
