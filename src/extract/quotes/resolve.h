// Speaker resolution: maps a speaker's span to an actor. The code comes from the ActorMention
// whose span matches, covers or lies inside the speaker span, following `antecedent` links for
// pronouns and nominals ("he", "the spokesman"). When the actors stage left a pronoun
// unresolved, a small fallback applies: "he"/"she" is the last named speaker quoted; "it"/"they"
// is the actor that opens the previous sentence (its subject).
//
// Input: the document's actor mentions and a speaker span. Output: a display name and a code.
// Pure functions over their arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/quotes/doc_view.h"
#include "parley/annotations.h"

namespace parley::extract::quotes {

struct ResolvedSpeaker {
  std::string name;                 // the actor's canonical name, else the span's text
  std::optional<std::string> code;  // the actor's code, when an actor was found
  bool named = false;               // the span names someone (not a pronoun or a nominal)
};

// The best actor mention for byte span [start, end), or null.
const ActorMention* MentionFor(const std::vector<ActorMention>& actors, uint32_t start,
                               uint32_t end);

// `last_named`: the last speaker resolved from a name, for the "he"/"she" fallback.
ResolvedSpeaker Resolve(const DocView& v, const std::vector<ActorMention>& actors,
                        uint32_t begin_token, uint32_t end_token,
                        const std::optional<ResolvedSpeaker>& last_named);

}  // namespace parley::extract::quotes
