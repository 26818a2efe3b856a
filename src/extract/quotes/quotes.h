// Quotations: direct, partial and indirect speech with their speakers, resolved to actors.
//
// Input: the document, its sentences and tokens, and the actor mentions found before.
// Output: the contract's `quotes`, in text order. `text`/`start`/`end` is the content without
// its quote marks (and without the comma before a closing mark); `sentence` is where it starts.
//   direct   a whole quotation in quote marks, over sentences and paragraphs ("...," Peskov
//            told reporters / Peskov said: "..." / a cue-less quotation continuing the last
//            speaker / a transcript turn "PENCE: ...")
//   partial  quote marks around part of a sentence, attributed to the verb governing it
//            (accused Putin of holding "..."); scare quotes and titles with no cue are dropped
//   indirect a reported clause without marks (Peskov suggested Washington was ..., [clause],
//            officials said / According to X, [clause])
// The speaker span comes from the text (speaker.h); the code from the ActorMention matching or
// covering it, through antecedents for "he" or "the spokesman" (resolve.h).
// Thread-safe; reads only its arguments (its scratch tables are kept per thread).
#pragma once

#include <vector>

#include "parley/annotations.h"

namespace parley::extract {

std::vector<Quote> FindQuotes(const Document& doc, const TextLayer& layer,
                              const std::vector<ActorMention>& actors);

}  // namespace parley::extract
