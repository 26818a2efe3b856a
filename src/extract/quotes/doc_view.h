// DocView: read-only helpers over one document's text and tokens for the quotation finder
// (the sentence and paragraph of a token, capitalisation, punctuation tests). Built once per
// FindQuotes call; it borrows the text and the layer, which outlive it. Read-only after
// construction, which looks up every token's cue class once. Its per-token tables live in
// DocViewBuffers, which a caller may keep per thread and hand to the next document's view so
// that a document allocates none (a view built without them owns its own).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/quotes/cue_words.h"
#include "parley/text.h"

namespace parley::extract::quotes {

// The per-token tables of a DocView. Not thread-safe: one view at a time uses them.
struct DocViewBuffers {
  std::vector<uint32_t> sentence_of;
  std::vector<CueInfo> cues;
  std::vector<uint8_t> may_report;  // by sentence
};

class DocView {
 public:
  DocView(std::string_view text, const TextLayer& layer);
  // Fills and borrows `buffers` (which must outlive the view) instead of owning its tables.
  DocView(std::string_view text, const TextLayer& layer, DocViewBuffers* buffers);
  DocView(const DocView&) = delete;
  DocView& operator=(const DocView&) = delete;

  std::string_view text() const { return text_; }
  const std::vector<Token>& tokens() const { return layer_.tokens; }
  const std::vector<Sentence>& sentences() const { return layer_.sentences; }
  uint32_t size() const { return static_cast<uint32_t>(layer_.tokens.size()); }

  const Token& tok(uint32_t i) const { return layer_.tokens[i]; }
  std::string_view norm(uint32_t i) const { return layer_.tokens[i].norm; }
  std::string_view Surface(uint32_t i) const;
  std::string_view Span(uint32_t begin_token, uint32_t end_token) const;  // tokens [b, e)

  uint32_t SentenceOf(uint32_t token) const { return sentence_of_[token]; }
  uint32_t ParagraphOf(uint32_t token) const;
  uint32_t SentenceBegin(uint32_t token) const;  // first token of the token's sentence
  uint32_t SentenceEnd(uint32_t token) const;    // one past its last token
  uint32_t ParagraphBegin(uint32_t token) const;
  uint32_t ParagraphEnd(uint32_t token) const;
  // The sentence containing byte offset `offset` (the last one starting at or before it).
  uint32_t SentenceAtOffset(uint32_t offset) const;

  bool IsWord(uint32_t i) const { return tok(i).kind == TokenKind::kWord; }
  bool IsCapitalized(uint32_t i) const;  // a word whose first letter is upper case
  bool IsAllCaps(uint32_t i) const;      // a word of two or more letters, all upper case
  // A punct token among `chars`. Inline for its first test: the finders ask it of every
  // token they walk over, and most are words.
  bool IsPunct(uint32_t i, std::string_view chars) const {
    return tok(i).kind == TokenKind::kPunct && PunctAmong(i, chars);
  }
  bool IsQuote(uint32_t i) const { return tok(i).kind == TokenKind::kQuote; }
  // Punctuation that ends a sentence here: "?", "!", ";", or a "." the sentence splitter ended
  // a sentence on (not the dot of "R-Ky." inside "McConnell, R-Ky., said").
  bool IsSentenceEnd(uint32_t i) const;
  // LookupCue(norm(i)), looked up once per token: the finders ask about the same tokens again
  // and again while they walk back and forth over a sentence.
  const CueInfo& Cue(uint32_t i) const { return cues_[i]; }
  // What the finders need before they start, found while the view is built. Quoted spans need
  // a quote mark, transcripts a ":", reported speech "according" or a speech or thought verb
  // (an evaluative or quote-only cue acts only next to quote marks). Many sentences of news
  // have none of them, and the finders then need not run at all.
  bool MayHoldQuotes() const { return has_quote_marks_ || has_colon_ || any_report_; }
  bool HasQuoteMarks() const { return has_quote_marks_; }
  bool HasColon() const { return has_colon_; }
  // False when sentence s holds no speech or thought verb other than a quote-only cue, and no
  // "according": it reports no speech.
  bool MayReport(uint32_t s) const { return may_report_[s] != 0; }

 private:
  bool PunctAmong(uint32_t i, std::string_view chars) const;  // IsPunct for a punct token

  void Fill(DocViewBuffers* buffers);
  void FillSentences(DocViewBuffers* buffers);

  std::string_view text_;
  const TextLayer& layer_;
  DocViewBuffers own_;                  // unused when the caller lends buffers
  const uint32_t* sentence_of_ = nullptr;  // by token, into the buffers
  const CueInfo* cues_ = nullptr;          // by token
  const uint8_t* may_report_ = nullptr;    // by sentence
  bool has_quote_marks_ = false, has_colon_ = false, any_report_ = false;
};

}  // namespace parley::extract::quotes
