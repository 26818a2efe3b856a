#include "text/segmenter.h"

#include <array>
#include <string>

#include "text/sentence_breaks.h"
#include "util/utf8.h"

namespace parley::text {
namespace {

// Words that begin a new sentence after "U.S." and the like ("... the U.S. It has ...").
constexpr std::array<std::string_view, 40> kSentenceStarters = {
    "the",   "it",    "he",     "she",   "they",  "we",      "i",       "but",      "and",
    "in",    "on",    "a",      "an",    "this",  "that",    "there",   "his",      "her",
    "its",   "their", "our",    "after", "before", "when",   "while",   "according", "however",
    "meanwhile", "also", "if",  "as",    "at",    "for",     "some",    "many",     "both",
    "these", "those", "earlier", "later"};

bool IsSentenceStarter(std::string_view folded) {
  for (auto w : kSentenceStarters) {
    if (w == folded) return true;
  }
  return false;
}

bool IsNewline(char c) { return c == '\n'; }

// True when a line ends without sentence punctuation and the next starts in lower case.
bool Continues(std::string_view text, size_t line_end, size_t next_start) {
  size_t len;
  size_t e = line_end;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  char32_t last = util::PrevCodePoint(text, e, &len);
  if (last == '.' || last == '!' || last == '?' || last == ':' || util::IsQuoteMark(last) || last == 0)
    return false;
  if (next_start >= text.size()) return false;
  char32_t first = util::DecodeUtf8(text, next_start, &len);
  return first != util::kInvalid && util::IsLower(first);
}

struct Block {
  uint32_t start, end, paragraph;
};

// Blocks of text between hard breaks (newline runs that do not continue a sentence).
std::vector<Block> SplitBlocks(std::string_view text) {
  std::vector<Block> blocks;
  uint32_t paragraph = 0;
  size_t start = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsNewline(text[i])) {
      ++i;
      continue;
    }
    size_t run_end = i;
    while (run_end < text.size() && (text[run_end] == '\n' || text[run_end] == ' ' ||
                                     text[run_end] == '\t' || text[run_end] == '\r')) {
      ++run_end;
    }
    if (!Continues(text, i, run_end)) {
      blocks.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), paragraph});
      start = run_end;
      ++paragraph;
    }
    i = run_end;
  }
  if (start < text.size()) blocks.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(text.size()), paragraph});
  return blocks;
}

// The first word after position `pos` (skipping spaces, quotes and brackets).
size_t FirstWordAfter(const std::vector<Token>& tokens, size_t from_token, uint32_t pos) {
  for (size_t t = from_token; t < tokens.size(); ++t) {
    if (tokens[t].start < pos) continue;
    if (tokens[t].kind == TokenKind::kQuote || tokens[t].norm == "(" || tokens[t].norm == "[") continue;
    return t;
  }
  return tokens.size();
}

bool AfterInitial(std::string_view text, const std::vector<Token>& tokens, size_t prev);

// Decides whether a proposed boundary at `pos` really ends a sentence, given the tokens
// of the block. `prev` is the last token before pos, `next` the first word after it.
bool KeepBoundary(std::string_view text, const std::vector<Token>& tokens, size_t prev, size_t next) {
  if (next >= tokens.size() || prev >= tokens.size()) return true;
  const Token& n = tokens[next];
  size_t len;
  char32_t first = util::DecodeUtf8(text, n.start, &len);
  if (first != util::kInvalid && util::IsLower(first)) return false;  // "?" he asked; "e.g. x"
  const Token& p = tokens[prev];
  if (AfterInitial(text, tokens, prev)) return false;
  if (p.kind != TokenKind::kWord || p.norm.empty() || p.norm.back() != '.') return true;
  // A trailing abbreviation.
  if (p.norm == "u.s." || p.norm == "u.k." || p.norm == "u.n." || p.norm == "e.u." ||
      p.norm == "d.c." || p.norm == "a.m." || p.norm == "p.m.") {
    return IsSentenceStarter(n.norm);
  }
  if (p.norm == "no." || p.norm == "nos.") return n.kind != TokenKind::kNumber;
  if (IsAbbreviation(p.norm)) return false;
  // An initial: "John F. Kennedy".
  if (p.end - p.start == 2 && util::IsUpper(static_cast<unsigned char>(text[p.start]))) return false;
  return true;
}

// An initial before the cut: one capital letter (not the pronoun "I") and its dot, as the
// tokenizer gives them ("F", "."), right after a capitalised name: "John F. Kennedy".
bool AfterInitial(std::string_view text, const std::vector<Token>& tokens, size_t prev) {
  if (prev < 2 || tokens[prev].norm != ".") return false;
  const Token& letter = tokens[prev - 1];
  const Token& name = tokens[prev - 2];
  if (letter.end != tokens[prev].start || letter.end - letter.start != 1) return false;
  const char c = text[letter.start];
  if (c < 'A' || c > 'Z' || c == 'I' || name.kind != TokenKind::kWord) return false;
  size_t len;
  return util::IsUpper(util::DecodeUtf8(text, name.start, &len));
}

}  // namespace

TextLayer Segment(std::string_view text) {
  TextLayer layer;
  layer.tokens.reserve(text.size() / 4 + 1);  // news runs ~5.5 bytes a token: one allocation
  std::vector<uint32_t> cuts;
  for (const Block& block : SplitBlocks(text)) {
    const size_t first_token = layer.tokens.size();
    Tokenize(text, block.start, block.end, &layer.tokens);
    if (layer.tokens.size() == first_token) continue;
    // Candidate boundaries of Unicode's sentence rules over the block (byte offsets).
    cuts.clear();
    SentenceBreaks(text, block.start, block.end, &cuts);
    if (cuts.empty() || cuts.back() != block.end) cuts.push_back(block.end);
    // Walk the tokens, closing a sentence at each accepted cut.
    size_t sent_first = first_token;
    size_t t = first_token;
    for (uint32_t cut : cuts) {
      while (t < layer.tokens.size() && layer.tokens[t].end <= cut) ++t;
      if (t == sent_first) continue;
      const bool last_cut = cut == block.end;
      if (!last_cut) {
        size_t next = FirstWordAfter(layer.tokens, t, cut);
        if (!KeepBoundary(text, layer.tokens, t - 1, next)) continue;
      }
      Sentence s;
      s.first_token = static_cast<uint32_t>(sent_first);
      s.end_token = static_cast<uint32_t>(t);
      s.start = layer.tokens[sent_first].start;
      s.end = layer.tokens[t - 1].end;
      s.paragraph = block.paragraph;
      layer.sentences.push_back(s);
      sent_first = t;
    }
    if (sent_first < layer.tokens.size()) {  // tokens after the last accepted cut
      Sentence s{layer.tokens[sent_first].start, layer.tokens.back().end,
                 static_cast<uint32_t>(sent_first), static_cast<uint32_t>(layer.tokens.size()),
                 block.paragraph};
      layer.sentences.push_back(s);
    }
  }
  return layer;
}

}  // namespace parley::text
