// Quote marks: pairs opening and closing marks into quoted spans. Double marks (straight " and
// curly “ ” « ») are paired first; single marks (‘ ’ and ' used as quote marks) only outside
// them and within one paragraph. A quotation left open at a paragraph's end runs on when the
// next paragraph opens with a quote mark (the news convention for multi-paragraph quotations);
// otherwise it ends with its paragraph.
//
// Input: a DocView. Output: spans in text order, never overlapping. Pure function.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/quotes/doc_view.h"

namespace parley::extract::quotes {

struct QuotedSpan {
  uint32_t open_token = 0;     // the opening mark
  uint32_t close_token = 0;    // the closing mark, or one past the last token when left open
  bool closed = true;          // false: the closing mark was left off
  uint32_t inner_start = 0;    // byte span of the words inside the marks (no marks, no
  uint32_t inner_end = 0;      //   trailing comma)
  uint32_t first_inner = 0;    // tokens [first_inner, end_inner) inside the marks
  uint32_t end_inner = 0;
  bool single = false;         // single quote marks
};

std::vector<QuotedSpan> FindQuotedSpans(const DocView& view);

}  // namespace parley::extract::quotes
