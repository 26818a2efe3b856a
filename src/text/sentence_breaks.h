// Sentence break candidates: the boundaries of Unicode's default sentence segmentation
// (UAX #29), which the segmenter then vetoes with news rules (abbreviations, initials, ...).
//
// ICU's sentence BreakIterator is the reference, but it is slow for what it does (UText over
// UTF-8, a state machine per character, a break cache). The rules themselves are short: a
// sentence can only end after a terminator (. ! ? and the like) followed by closing
// punctuation, spaces and at most one paragraph separator, or after a paragraph separator; a
// handful of rules (SB6-SB8a) then keep some of those together. FastSentenceBreaks applies
// them directly, with the characters' Sentence_Break classes taken from ICU, and hands back
// any text it does not cover (CR, invalid UTF-8) to ICU, so the result is always ICU's. A differential test (tests/text) and a fuzz target
// (fuzz/sentence_breaks) compare the two.
//
// Input: UTF-8 text and a byte range. Output: boundaries as byte offsets into `text`, in
// increasing order, each in (start, end]; `end` itself is always the last one (when the range
// is not empty). Thread-safe (ICU iterators are per thread).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace parley::text {

// The boundaries of text[start, end), appended to `cuts`: FastSentenceBreaks when it covers
// the range, else ICU.
void SentenceBreaks(std::string_view text, uint32_t start, uint32_t end, std::vector<uint32_t>* cuts);

// The rules applied directly. Returns false, leaving `cuts` as it was, when the range holds a
// character the rules here do not cover.
bool FastSentenceBreaks(std::string_view text, uint32_t start, uint32_t end,
                        std::vector<uint32_t>* cuts);

// ICU's sentence BreakIterator (English), the reference.
void IcuSentenceBreaks(std::string_view text, uint32_t start, uint32_t end,
                       std::vector<uint32_t>* cuts);

}  // namespace parley::text
