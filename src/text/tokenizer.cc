#include <algorithm>
#include <array>
#include <string>

#include "text/segmenter.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace parley::text {
namespace {

using util::DecodeUtf8;

// Abbreviations that are followed by a name or a number and so do not end a sentence.
constexpr std::array<std::string_view, 70> kAbbreviations = {
    "mr.",    "mrs.",  "ms.",   "dr.",    "prof.", "gen.",  "lt.",   "col.",  "maj.",  "capt.",
    "sgt.",   "adm.",  "cmdr.", "sen.",   "rep.",  "gov.",  "pres.", "amb.",  "rev.",  "st.",
    "jan.",   "feb.",  "mar.",  "apr.",   "jun.",  "jul.",  "aug.",  "sep.",  "sept.", "oct.",
    "nov.",   "dec.",  "no.",   "nos.",   "vs.",   "v.",    "etc.",  "inc.",  "corp.", "ltd.",
    "co.",    "jr.",   "sr.",   "fig.",   "approx.", "dept.", "est.", "gov't.", "u.s.", "u.k.",
    "u.n.",   "e.u.",  "a.m.",  "p.m.",   "i.e.",  "e.g.",  "d.c.",  "ft.",   "mt.",   "ave.",
    "blvd.",  "rd.",   "atty.", "supt.",  "cpl.",  "pvt.",  "brig.", "mich.", "calif.", "mass."};

// ASCII signs that are symbols, not punctuation (parley/text.h: "$", "%", math signs).
bool IsAsciiSymbol(char32_t c) {
  return c == '$' || c == '%' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' ||
         c == '`' || c == '|' || c == '~';
}

constexpr bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Byte tables for the hot loops (a word's letters, a norm's case): one load per byte.
struct ByteTables {
  std::array<bool, 256> alnum{};    // ASCII letter or digit
  std::array<char, 256> lower{};    // ASCII upper case lowered, every other byte as it is
  constexpr ByteTables() {
    for (int b = 0; b < 256; ++b) {
      const auto c = static_cast<unsigned char>(b);
      alnum[c] = IsAsciiLetter(c) || IsAsciiDigit(c);
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
};
constexpr ByteTables kBytes;

struct Scanner {
  std::string_view s;
  size_t end;

  char32_t At(size_t i, size_t* len) const {
    if (i >= end) {
      *len = 0;
      return 0;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      *len = 1;
      return b;
    }
    char32_t cp = DecodeUtf8(s, i, len);
    return cp == util::kInvalid ? 0xFFFD : cp;
  }
  bool LetterAt(size_t i) const {
    size_t len;
    char32_t cp = At(i, &len);
    return len > 0 && (util::IsLetter(cp) || (cp >= 0x300 && cp < 0x370));
  }
  bool DigitAt(size_t i) const {
    size_t len;
    char32_t cp = At(i, &len);
    return len > 0 && util::IsDigit(cp);
  }
  bool ApostropheAt(size_t i, size_t* len) const {
    char32_t cp = At(i, len);
    return cp == '\'' || cp == 0x2019;
  }
};

// "U.S.", "a.m.": single letters each followed by a dot, at least two of them.
size_t DottedAbbreviationEnd(const Scanner& sc, size_t i) {
  size_t j = i;
  int letters = 0;
  while (j + 1 < sc.end && IsAsciiLetter(static_cast<unsigned char>(sc.s[j])) && sc.s[j + 1] == '.') {
    j += 2;
    ++letters;
    if (j < sc.end && IsAsciiLetter(static_cast<unsigned char>(sc.s[j])) &&
        (j + 1 >= sc.end || sc.s[j + 1] != '.'))
      return i;  // "U.Sx": not an abbreviation
  }
  return letters >= 2 ? j : i;
}

// True when word[i, j) followed by its dot is a known abbreviation. ASCII words are folded
// on the stack: this runs for every word before a full stop.
bool AbbreviationBefore(const Scanner& sc, size_t i, size_t j) {
  constexpr size_t kLongest = 8;  // "approx." with room to spare
  const size_t n = j + 1 - i;
  char folded[kLongest];
  bool ascii = n <= kLongest;
  for (size_t k = 0; ascii && k < n; ++k) {
    const auto b = static_cast<unsigned char>(sc.s[i + k]);
    ascii = b < 0x80;
    folded[k] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  }
  if (ascii) return IsAbbreviation(std::string_view(folded, n));
  // Non-ASCII letters can fold to ASCII ("ſt.", "gov’t."): fold the whole word.
  bool all_ascii = true;
  for (size_t k = i; k <= j && all_ascii; ++k) all_ascii = static_cast<unsigned char>(sc.s[k]) < 0x80;
  return !all_ascii && IsAbbreviation(util::FoldCase(sc.s.substr(i, n)));
}

size_t AsciiAlnumEnd(const Scanner& sc, size_t j) {
  const char* const data = sc.s.data();
  while (j < sc.end && kBytes.alnum[static_cast<unsigned char>(data[j])]) ++j;
  return j;
}

size_t WordEnd(const Scanner& sc, size_t i) {
  size_t dotted = DottedAbbreviationEnd(sc, i);
  if (dotted > i) return dotted;
  size_t j = i;
  while (j < sc.end) {
    j = AsciiAlnumEnd(sc, j);  // the common case, without decoding
    if (j >= sc.end) break;
    const auto b = static_cast<unsigned char>(sc.s[j]);
    if (b < 0x80 && b != '\'' && b != '-') break;  // no other ASCII byte goes on a word
    size_t len;
    if (sc.LetterAt(j) || sc.DigitAt(j)) {
      sc.At(j, &len);
      j += len;
      continue;
    }
    // Inner apostrophe ("don't", "O'Brien") but not the possessive 's, split off below.
    if (sc.ApostropheAt(j, &len) && sc.LetterAt(j + len)) {
      size_t after;
      sc.At(j + len, &after);
      const bool possessive = (sc.s[j + len] | 0x20) == 's' && !sc.LetterAt(j + len + after);
      if (possessive) break;
      j += len;
      continue;
    }
    // Inner hyphen or dot followed by a letter ("full-scale", "al-Assad").
    char32_t cp = sc.At(j, &len);
    if ((cp == '-' || cp == 0x2010 || cp == 0x2011) && sc.LetterAt(j + len)) {
      j += len;
      continue;
    }
    break;
  }
  // A trailing dot belongs to a known abbreviation ("Mr.", "Feb.").
  if (j < sc.end && sc.s[j] == '.' && AbbreviationBefore(sc, i, j)) ++j;
  return j;
}

size_t NumberEnd(const Scanner& sc, size_t i) {
  size_t j = i;
  while (j < sc.end) {
    const auto c = static_cast<unsigned char>(sc.s[j]);
    size_t len;
    if (IsAsciiDigit(c)) {
      ++j;
    } else if (c >= 0x80 && util::IsDigit(sc.At(j, &len))) {
      j += len;  // other scripts' digits ("२०२०"): without this a number made only of them
                 // gave an empty token and the tokenizer never advanced
    } else if ((c == ',' || c == '.' || c == ':' || c == '/') && j + 1 < sc.end &&
               IsAsciiDigit(static_cast<unsigned char>(sc.s[j + 1]))) {
      ++j;
    } else if (IsAsciiLetter(c)) {
      ++j;  // "1990s", "10th", "5pm"
    } else {
      break;
    }
  }
  return j;
}

// Appends a token, building its norm in place: ASCII is lower-cased byte by byte (most
// norms fit in the string's own buffer, so most tokens cost no allocation at all).
void Push(std::string_view text, size_t start, size_t end, TokenKind kind, std::vector<Token>* out) {
  Token& t = out->emplace_back();
  t.start = static_cast<uint32_t>(start);
  t.end = static_cast<uint32_t>(end);
  t.kind = kind;
  const size_t n = end - start;
  t.norm.resize(n);
  char* norm = t.norm.data();
  const char* from = text.data() + start;
  unsigned char high = 0;
  for (size_t k = 0; k < n; ++k) {
    const auto b = static_cast<unsigned char>(from[k]);
    high |= b;
    norm[k] = kBytes.lower[b];
  }
  if (high >= 0x80) t.norm = util::FoldCase(text.substr(start, n));
  t.key = WordKey(t.norm);
}

}  // namespace

bool IsAbbreviation(std::string_view folded) {
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), folded) != kAbbreviations.end();
}

void Tokenize(std::string_view text, uint32_t start, uint32_t end, std::vector<Token>* tokens) {
  Scanner sc{text, end};
  size_t i = start;
  while (i < end) {
    size_t len;
    char32_t cp = sc.At(i, &len);
    const bool ascii = cp < 0x80;  // ASCII classes inline: most characters are ASCII
    if (ascii ? cp == ' ' || (cp >= '\t' && cp <= '\r') : util::IsSpace(cp)) {
      i += len;
      continue;
    }
    if (ascii ? IsAsciiDigit(static_cast<unsigned char>(cp)) : util::IsDigit(cp)) {
      size_t j = std::max(NumberEnd(sc, i), i + len);  // always advance
      Push(text, i, j, TokenKind::kNumber, tokens);
      i = j;
    } else if (ascii ? IsAsciiLetter(static_cast<unsigned char>(cp)) : sc.LetterAt(i)) {
      size_t j = std::max(WordEnd(sc, i), i + len);
      Push(text, i, j, TokenKind::kWord, tokens);
      i = j;
    } else if ((cp == '\'' || cp == 0x2019) && !tokens->empty() && tokens->back().end == i &&
               i + len < end && (text[i + len] | 0x20) == 's' && !sc.LetterAt(i + len + 1)) {
      Push(text, i, i + len + 1, TokenKind::kWord, tokens);  // possessive 's
      i += len + 1;
    } else if (util::IsQuoteMark(cp)) {
      Push(text, i, i + len, TokenKind::kQuote, tokens);
      i += len;
    } else if (cp == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.') {
      Push(text, i, i + 3, TokenKind::kPunct, tokens);
      i += 3;
    } else if (cp < 0x80 ? std::ispunct(static_cast<int>(cp)) != 0 && !IsAsciiSymbol(cp)
                         : (util::IsDash(cp) || cp == 0x2026)) {
      Push(text, i, i + len, TokenKind::kPunct, tokens);
      i += len;
    } else {
      Push(text, i, i + len, TokenKind::kSymbol, tokens);
      i += len;
    }
  }
}

}  // namespace parley::text
