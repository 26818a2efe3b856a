// Sentences and tokens: byte spans into Document::text, produced by the text stage and read by
// every extraction stage. Plain data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley {

enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with digits, inner apostrophes, hyphens or dots ("U.S.", "it's")
  kNumber,  // digits with inner separators ("1,000", "10.5", "2016")
  kPunct,   // punctuation other than quote marks
  kQuote,   // a quote mark: " “ ” ‘ ’ « » and ' when it opens or closes a quotation
  kSymbol,  // anything else ($, %, emoji)
};

struct Token {
  uint32_t start = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  std::string norm;  // case-folded form; curly apostrophes folded to '
  uint64_t key = 0;  // util::WordKey(norm), set by the tokenizer: stages look words up by it
};

struct Sentence {
  uint32_t start = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // index into the token vector; tokens [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t paragraph = 0;  // 0-based paragraph index
};

// The text stage's output for one document.
struct TextLayer {
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
};

}  // namespace parley
