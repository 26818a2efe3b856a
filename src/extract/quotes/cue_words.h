// Cue words for quotations: the speech verbs (with every inflection) that introduce what was
// said, and the small closed word classes the speaker finder needs to tell a noun phrase from
// the clause around it (determiners, pronouns, prepositions, auxiliaries).
//
// Input: a token's case-folded norm. Output: what kind of cue or word it is. The tables are
// built once on first use and are immutable afterwards: safe to call from many threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "parley/text.h"

namespace parley::extract::quotes {

// How a verb introduces speech.
enum class CueClass : uint8_t {
  kNone,
  kSpeech,      // "said", "warned", "told": a quotation, or a reported clause with or without "that"
  kThatOnly,    // "believes", "found", "hopes": a reported clause only when "that" follows
  kEvaluative,  // "accused", "called", "requested": governs a partial quotation, no clause
};

struct CueInfo {
  CueClass cls = CueClass::kNone;
  bool invertible = false;   // "..., said Peskov": the verb may come before its speaker
  bool participle = false;   // "saying", "adding": its speaker is the main clause's subject
  bool takes_object = false; // "told reporters": the addressee follows the verb
  bool quote_only = false;   // "continued": a speech cue only next to quote marks
  // May open reported speech without quote marks: a speech or thought verb that is not
  // quote-only, or "according" (as in "according to", the one entry that is no verb).
  bool reports = false;
};

// The cue class of a folded word form ("said", "says", "saying", "told" ...).
CueInfo LookupCue(std::string_view norm);
// The same for a token, by Token::key (one probe of a table keyed by WordKey; the norm is
// compared only on a hit): what DocView asks for every token of a document.
CueInfo LookupCue(const Token& token);
// LookupCue of every token, appended to `out` (one table access for the whole document).
void LookupCues(const std::vector<Token>& tokens, std::vector<CueInfo>* out);

bool IsPersonalPronoun(std::string_view norm);  // he, she, they, it, we, i, you
bool IsDeterminer(std::string_view norm);       // the, a, another, his, several, two ...
// Words that end a speaker's noun phrase: prepositions (but "of"), conjunctions, relatives,
// auxiliaries and copulas.
bool IsPhraseStop(std::string_view norm);
// Words allowed between a speaker and its verb: auxiliaries and adverbs ("has also said").
bool IsVerbModifier(std::string_view norm);
// Days and relative time words that may sit between a speaker and its verb or after a cue
// ("Peskov on Tuesday said", "said Tuesday that").
bool IsTimeWord(std::string_view norm);
// Words that may start a reported clause after a speech verb without "that".
bool IsClauseOpener(std::string_view norm);
// Particles of a name that may be lower case inside it ("de", "al", "bin", "van").
bool IsNameParticle(std::string_view norm);

}  // namespace parley::extract::quotes
