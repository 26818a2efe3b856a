// Speakers and cues: finds the speech verb that introduces a quotation and the noun phrase of
// its speaker, from the text alone ("..., Kremlin spokesman Dmitry Peskov told reporters",
// "said Peskov", "Peskov said: ...", "according to the ministry", "he added", "the ministry
// said in a statement"). No part-of-speech tagger: noun phrases are bounded by closed word
// classes (determiners, prepositions, auxiliaries, punctuation) and capitalisation.
//
// Input: a DocView and token positions. Output: token ranges. Pure functions.
#pragma once

#include <cstdint>
#include <optional>

#include "extract/quotes/doc_view.h"
#include "extract/quotes/marks.h"

namespace parley::extract::quotes {

// Tokens [begin, end).
struct Phrase {
  uint32_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
};

// A speech cue and its speaker, both as token ranges.
struct Attribution {
  Phrase speaker;
  Phrase cue;
};

// The subject of the verb at `verb`: the noun phrase just before it (auxiliaries, adverbs and
// time words between them skipped), not reaching before `lo`. For an appositive ("Peskov, the
// Kremlin spokesman, said") the name before it.
Phrase SubjectBefore(const DocView& v, uint32_t verb, uint32_t lo);
// The noun phrase starting at `from` and ending before `hi` ("said [the Kremlin spokesman
// Dmitry Peskov] in ...").
Phrase PhraseAfter(const DocView& v, uint32_t from, uint32_t hi);
// The cue phrase of the verb at `verb`: the verb and its addressee ("told reporters") or a
// short "in a statement".
Phrase CuePhrase(const DocView& v, uint32_t verb, uint32_t hi);

// A cue right after the closing mark: "...," Peskov told reporters / said Peskov / he added.
std::optional<Attribution> CueAfter(const DocView& v, const QuotedSpan& q);
// A cue right before the opening mark: Peskov said: "..." / he told reporters, "..." /
// According to the ministry, "..." / PENCE: ...
std::optional<Attribution> CueBefore(const DocView& v, const QuotedSpan& q);
// The verb that governs a quotation inside a sentence: accused Putin of holding "...", said he
// was "...", or a cue later in the sentence.
std::optional<Attribution> GoverningCue(const DocView& v, const QuotedSpan& q);

// IsCueWord for a token whose cue class is not kNone.
bool IsCueWordAt(const DocView& v, uint32_t i, bool near_quote);
// True when token i is a lower-case cue word usable here (quote_only cues need quote marks).
// Inline for its first test: the finders ask it of every token they walk over, and most are
// no cue.
inline bool IsCueWord(const DocView& v, uint32_t i, bool near_quote) {
  return v.Cue(i).cls != CueClass::kNone && IsCueWordAt(v, i, near_quote);
}

}  // namespace parley::extract::quotes
