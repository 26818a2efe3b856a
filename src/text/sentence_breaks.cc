#include "text/sentence_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <memory>

#include "util/utf8.h"

namespace parley::text {
namespace {

// A class the fast rules hand back to ICU: CR pairs with LF (SB3; clean text has none), and
// invalid bytes are ICU's to interpret.
constexpr uint8_t kUncovered = 0xFF;

bool IsExtendOrFormat(uint8_t c) { return c == U_SB_EXTEND || c == U_SB_FORMAT; }
bool IsParaSep(uint8_t c) { return c == U_SB_SEP || c == U_SB_LF; }
bool IsTerm(uint8_t c) { return c == U_SB_ATERM || c == U_SB_STERM; }

struct AsciiTables {
  std::array<uint8_t, 128> cls{};     // Sentence_Break class (CR as kUncovered)
  std::array<bool, 128> matters{};    // a terminator or separator: the scan stops there
};

AsciiTables MakeAsciiTables() {
  AsciiTables t;
  for (UChar32 c = 0; c < 128; ++c) {
    const auto v = static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    t.cls[c] = v == U_SB_CR ? kUncovered : v;
    t.matters[c] = IsTerm(v) || IsParaSep(v) || v == U_SB_CR;
  }
  return t;
}

const AsciiTables& Ascii() {
  static const AsciiTables tables = MakeAsciiTables();
  return tables;
}

// The Sentence_Break class of each character, from ICU's own data (so that the classes cannot
// drift from the reference); ASCII from a table. Extend and Format characters (combining
// marks, ZWJ, soft hyphens) belong to the character before them (SB5): At() returns them as
// part of its length; where nothing precedes them (after a separator, at the start) they stand
// alone and act like any other character.
class Classes {
 public:
  Classes(std::string_view text, uint32_t start, uint32_t end)
      : text_(text), start_(start), end_(end), ascii_(Ascii()) {}

  // True when the ASCII byte b can be passed over: not a terminator, separator or CR.
  bool Skippable(unsigned char b) const { return b < 0x80 && !ascii_.matters[b]; }

  // The class of the character at i and its length in bytes, trailing Extend/Format included.
  uint8_t At(size_t i, size_t* len) const {
    uint8_t c = Single(i, len);
    if (c == kUncovered || c == U_SB_LF || c == U_SB_SEP) return c;
    if (IsExtendOrFormat(c)) c = U_SB_OTHER;
    // No ASCII character is Extend or Format: only a non-ASCII byte can start one.
    while (i + *len < end_ && static_cast<unsigned char>(text_[i + *len]) >= 0x80) {
      size_t more;
      const uint8_t next = Single(i + *len, &more);
      if (!IsExtendOrFormat(next)) break;
      *len += more;
    }
    return c;
  }

  // The class of the character before byte i, Extend/Format skipped (SB5). Only SB7 asks, for
  // Upper or Lower; the text before i has been decoded already, so it is valid UTF-8.
  uint8_t Before(size_t i) const {
    while (i > start_) {
      size_t k = i - 1;
      while (k > start_ && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) --k;
      size_t len;
      const uint8_t c = Single(k, &len);
      if (!IsExtendOrFormat(c)) return c;
      i = k;
    }
    return U_SB_OTHER;
  }

 private:
  uint8_t Single(size_t i, size_t* len) const {
    const auto b = static_cast<unsigned char>(text_[i]);
    *len = 1;
    if (b < 0x80) return ascii_.cls[b];
    const char32_t cp = util::DecodeUtf8(text_, i, len);
    if (cp == util::kInvalid || i + *len > end_) return kUncovered;
    return static_cast<uint8_t>(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_SENTENCE_BREAK));
  }

  std::string_view text_;
  uint32_t start_, end_;
  const AsciiTables& ascii_;
};

// SB8: after "ATerm Close* Sp*", no break when the next letter-like character is lower case.
// Sets *uncovered when the look-ahead meets a character the rules do not cover.
bool LowerFollows(const Classes& cls, size_t p, uint32_t end, bool* uncovered) {
  while (p < end) {
    size_t len;
    const uint8_t c = cls.At(p, &len);
    if (c == kUncovered) return *uncovered = true, false;
    if (c == U_SB_LOWER) return true;
    if (c == U_SB_OLETTER || c == U_SB_UPPER || IsParaSep(c) || IsTerm(c)) return false;
    p += len;
  }
  return false;
}

// After the terminator whose class is `term` (ending at `after`, preceded by a character of
// class `before`): the end of its run of Close* Sp* ParaSep? (SB9-SB11) and whether the
// sentence breaks there. Returns false when a character is not covered.
bool TerminatorRun(const Classes& cls, uint8_t term, uint8_t before, size_t after, uint32_t end,
                   size_t* run_end, bool* breaks) {
  size_t p = after, len = 0;
  uint8_t c = 0;
  for (const uint8_t skip : {U_SB_CLOSE, U_SB_SP}) {
    while (p < end && (c = cls.At(p, &len)) == skip) p += len;
  }
  if (p < end && c == kUncovered) return false;
  *run_end = p;
  *breaks = true;
  if (p >= end) return true;
  if (IsParaSep(c)) {
    *run_end = p + len;  // SB4/SB11: the break comes after the separator
    return true;
  }
  if (term == U_SB_ATERM && p == after &&
      (c == U_SB_NUMERIC || (c == U_SB_UPPER && (before == U_SB_UPPER || before == U_SB_LOWER)))) {
    *breaks = false;  // SB6 "3.5", SB7 "U.S"
  } else if (c == U_SB_SCONTINUE || IsTerm(c)) {
    *breaks = false;  // SB8a "?!", "etc.,"
  } else if (term == U_SB_ATERM) {
    bool uncovered = false;
    *breaks = !LowerFollows(cls, p, end, &uncovered);  // SB8 "e.g. the"
    if (uncovered) return false;
  }
  return true;
}

// One clone of ICU's English sentence iterator per thread.
icu::BreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    return U_SUCCESS(status) ? std::move(bi) : nullptr;
  }();
  return it.get();
}

}  // namespace

bool FastSentenceBreaks(std::string_view text, uint32_t start, uint32_t end,
                        std::vector<uint32_t>* cuts) {
  const Classes cls(text, start, end);
  const size_t first_cut = cuts->size();
  size_t i = start;
  while (i < end) {
    if (cls.Skippable(static_cast<unsigned char>(text[i]))) {  // most bytes: no decision here
      ++i;
      continue;
    }
    size_t len, run_end;
    bool breaks;
    const uint8_t c = cls.At(i, &len);
    if (c == kUncovered ||
        (IsTerm(c) && !TerminatorRun(cls, c, cls.Before(i), i + len, end, &run_end, &breaks))) {
      cuts->resize(first_cut);
      return false;
    }
    if (IsParaSep(c)) {
      cuts->push_back(static_cast<uint32_t>(i + len));  // SB4
    } else if (IsTerm(c)) {
      if (breaks) cuts->push_back(static_cast<uint32_t>(run_end));
      len = std::max(run_end, i + len) - i;  // the run holds no terminator: go on after it
    }
    i += len;
  }
  if (end > start && (cuts->size() == first_cut || cuts->back() != end)) cuts->push_back(end);
  return true;
}

void IcuSentenceBreaks(std::string_view text, uint32_t start, uint32_t end,
                       std::vector<uint32_t>* cuts) {
  icu::BreakIterator* bi = ThreadIterator();
  if (bi != nullptr && end > start) {
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data() + start, static_cast<int64_t>(end - start), &status);
    if (U_SUCCESS(status)) {
      bi->setText(ut, status);
      for (int32_t p = bi->next(); p != icu::BreakIterator::DONE; p = bi->next()) {
        cuts->push_back(start + static_cast<uint32_t>(p));
      }
    }
    utext_close(ut);
  }
}

void SentenceBreaks(std::string_view text, uint32_t start, uint32_t end, std::vector<uint32_t>* cuts) {
  if (!FastSentenceBreaks(text, start, end, cuts)) IcuSentenceBreaks(text, start, end, cuts);
}

}  // namespace parley::text
