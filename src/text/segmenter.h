// The text stage: splits a Document's clean text into sentences and tokens.
//
// Sentences: paragraph breaks (newline runs) always end a sentence, except a break inside a
// sentence (the line stops mid-sentence and the next begins in lower case); inside a
// paragraph, Unicode's sentence rules (UAX #29, as ICU's BreakIterator applies them; see
// sentence_breaks.h) propose boundaries and news-specific rules veto
// the wrong ones: abbreviations ("Feb. 27", "Gen.", "Sen.", "Mr.", "No. 5", initials,
// "a.m."), "U.S." and the like before a capitalised name, quotations that run on ("...?"
// he asked), and anything followed by a lower-case word.
// Tokens: byte spans with a kind and a case-folded norm; "Russia's" splits into "Russia"
// and "'s"; "U.S." and "Mr." keep their dots.
//
// Thread-safe: each thread keeps its own clone of the ICU iterator (sentence_breaks.h).
#pragma once

#include <string_view>
#include <vector>

#include "parley/text.h"

namespace parley::text {

// Splits `text` into sentences and tokens.
TextLayer Segment(std::string_view text);

// Tokenizes text[start, end), appending to `tokens`.
void Tokenize(std::string_view text, uint32_t start, uint32_t end, std::vector<Token>* tokens);

// True when `word` (case-folded, with its trailing dot) is an abbreviation that does not
// end a sentence before a capitalised word ("mr.", "gen.", "feb.", "u.s.").
bool IsAbbreviation(std::string_view folded_word);

}  // namespace parley::text
