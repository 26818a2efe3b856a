#include "extract/quotes/doc_view.h"

#include <algorithm>

#include "util/utf8.h"

namespace parley::extract::quotes {

DocView::DocView(std::string_view text, const TextLayer& layer) : text_(text), layer_(layer) {
  sentence_of_.assign(layer.tokens.size(), 0);
  for (uint32_t s = 0; s < layer.sentences.size(); ++s) {
    const Sentence& sent = layer.sentences[s];
    for (uint32_t i = sent.first_token; i < sent.end_token && i < sentence_of_.size(); ++i) {
      sentence_of_[i] = s;
    }
  }
  LookupCues(layer.tokens, &cues_);
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
