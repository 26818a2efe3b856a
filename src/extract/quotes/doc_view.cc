#include "extract/quotes/doc_view.h"

#include <algorithm>

#include "util/utf8.h"

namespace parley::extract::quotes {

DocView::DocView(std::string_view text, const TextLayer& layer) : text_(text), layer_(layer) {
  Fill(&own_);
}

DocView::DocView(std::string_view text, const TextLayer& layer, DocViewBuffers* buffers)
    : text_(text), layer_(layer) {
  Fill(buffers);
}

void DocView::Fill(DocViewBuffers* buffers) {
  buffers->cues.clear();
  LookupCues(layer_.tokens, &buffers->cues);
  cues_ = buffers->cues.data();
  for (const Token& t : layer_.tokens) {
    has_quote_marks_ |= t.kind == TokenKind::kQuote;
    has_colon_ |= t.kind == TokenKind::kPunct && t.end == t.start + 1 && text_[t.start] == ':';
  }
  FillSentences(buffers);
}

// The sentence of each token, and whether each sentence may report speech.
void DocView::FillSentences(DocViewBuffers* buffers) {
  std::vector<uint32_t>& sentence_of = buffers->sentence_of;
  sentence_of.assign(size(), 0);
  buffers->may_report.assign(layer_.sentences.size(), 0);
  for (uint32_t s = 0; s < layer_.sentences.size(); ++s) {
    const Sentence& sent = layer_.sentences[s];
    bool report = false;
    for (uint32_t i = sent.first_token, end = std::min(sent.end_token, size()); i < end; ++i) {
      sentence_of[i] = s;
      report |= cues_[i].reports;
    }
    buffers->may_report[s] = report ? 1 : 0;
    any_report_ |= report;
  }
  sentence_of_ = sentence_of.data();
  may_report_ = buffers->may_report.data();
}

std::string_view DocView::Surface(uint32_t i) const {
  return text_.substr(tok(i).start, tok(i).end - tok(i).start);
}

std::string_view DocView::Span(uint32_t begin_token, uint32_t end_token) const {
  if (begin_token >= end_token) return {};
  const uint32_t a = tok(begin_token).start, b = tok(end_token - 1).end;
  return text_.substr(a, b - a);
}

uint32_t DocView::ParagraphOf(uint32_t token) const {
  if (layer_.sentences.empty()) return 0;
  return layer_.sentences[sentence_of_[token]].paragraph;
}

uint32_t DocView::SentenceBegin(uint32_t token) const {
  return layer_.sentences.empty() ? 0 : layer_.sentences[sentence_of_[token]].first_token;
}

uint32_t DocView::SentenceEnd(uint32_t token) const {
  return layer_.sentences.empty() ? size() : layer_.sentences[sentence_of_[token]].end_token;
}

uint32_t DocView::ParagraphBegin(uint32_t token) const {
  uint32_t s = sentence_of_[token];
  const uint32_t p = ParagraphOf(token);
  while (s > 0 && layer_.sentences[s - 1].paragraph == p) --s;
  return layer_.sentences.empty() ? 0 : layer_.sentences[s].first_token;
}

uint32_t DocView::ParagraphEnd(uint32_t token) const {
  if (layer_.sentences.empty()) return size();
  uint32_t s = sentence_of_[token];
  const uint32_t p = ParagraphOf(token);
  while (s + 1 < layer_.sentences.size() && layer_.sentences[s + 1].paragraph == p) ++s;
  return layer_.sentences[s].end_token;
}

uint32_t DocView::SentenceAtOffset(uint32_t offset) const {
  const auto& sents = layer_.sentences;
  auto it = std::upper_bound(sents.begin(), sents.end(), offset,
                             [](uint32_t off, const Sentence& s) { return off < s.start; });
  return it == sents.begin() ? 0 : static_cast<uint32_t>(it - sents.begin() - 1);
}

bool DocView::IsCapitalized(uint32_t i) const {
  if (!IsWord(i)) return false;
  const auto first = static_cast<unsigned char>(text_[tok(i).start]);
  if (first < 0x80) return first >= 'A' && first <= 'Z';  // most words: no decoding
  size_t len = 0;
  const char32_t cp = util::DecodeUtf8(text_, tok(i).start, &len);
  return cp != util::kInvalid && util::IsUpper(cp);
}

bool DocView::IsAllCaps(uint32_t i) const {
  if (!IsWord(i)) return false;
  std::string_view s = Surface(i);
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

bool DocView::IsSentenceEnd(uint32_t i) const {
  if (IsPunct(i, "?!;")) return true;
  if (!IsPunct(i, ".")) return false;
  const uint32_t end = SentenceEnd(i);
  return i + 1 >= end || (i + 2 >= end && IsQuote(i + 1));
}

bool DocView::PunctAmong(uint32_t i, std::string_view chars) const {
  std::string_view s = Surface(i);
  if (s.size() == 1) return chars.find(s[0]) != std::string_view::npos;
  // Dashes are multi-byte: '-' in `chars` stands for any dash.
  size_t len = 0;
  return chars.find('-') != std::string_view::npos && util::IsDash(util::DecodeUtf8(s, 0, &len));
}

}  // namespace parley::extract::quotes
