#include "extract/quotes/marks.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <optional>

#include "util/utf8.h"

namespace parley::extract::quotes {
namespace {

enum class Role : uint8_t { kOpen, kClose, kEither };

struct Mark {
  uint32_t token;  // the mark's first token
  Role role;
  bool single;
  uint32_t width = 1;  // tokens: 2 for a doubled apostrophe ('' as in some newspapers' style)
};

bool IsSingleMark(char32_t cp) { return cp == '\'' || cp == 0x2018 || cp == 0x2019; }

bool IsDoubleMark(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB ||
         cp == 0x201F || cp == 0x2033 || cp == 0x301D || cp == 0x301E;
}

// Opening context: nothing, a space, an opening bracket, a dash or a slash before the mark.
bool OpensBefore(std::string_view text, uint32_t at) {
  if (at == 0) return true;
  size_t len = 0;
  const char32_t cp = util::PrevCodePoint(text, at, &len);
  return util::IsSpace(cp) || util::IsDash(cp) || cp == '(' || cp == '[' || cp == '{' ||
         cp == '/' || util::IsQuoteMark(cp);
}

// Closing context: nothing, a space or punctuation after the mark.
bool ClosesAfter(std::string_view text, uint32_t at) {
  if (at >= text.size()) return true;
  size_t len = 0;
  const char32_t cp = util::DecodeUtf8(text, at, &len);
  if (cp == util::kInvalid) return true;
  return util::IsSpace(cp) || util::IsDash(cp) || util::IsQuoteMark(cp) ||
         (cp < 0x80 && !util::IsLetter(cp) && !util::IsDigit(cp)) || cp == 0x2026;
}

// Two apostrophes written as one double mark: ''Like this,'' he said.
std::optional<Mark> DoubledApostrophe(const DocView& v, uint32_t i) {
  if (i + 1 >= v.size() || !v.IsQuote(i + 1) || v.tok(i + 1).start != v.tok(i).end) return std::nullopt;
  size_t len = 0;
  const char32_t a = util::DecodeUtf8(v.text(), v.tok(i).start, &len);
  const char32_t b = util::DecodeUtf8(v.text(), v.tok(i + 1).start, &len);
  if (!IsSingleMark(a) || !IsSingleMark(b)) return std::nullopt;
  const bool open = OpensBefore(v.text(), v.tok(i).start);
  const bool close = ClosesAfter(v.text(), v.tok(i + 1).end);
  if (open == close) return std::nullopt;
  return Mark{i, open ? Role::kOpen : Role::kClose, false, 2};
}

std::optional<Mark> Classify(const DocView& v, uint32_t i) {
  if (auto doubled = DoubledApostrophe(v, i)) return doubled;
  const Token& t = v.tok(i);
  size_t len = 0;
  const char32_t cp = util::DecodeUtf8(v.text(), t.start, &len);
  const bool single = !IsDoubleMark(cp);
  if (cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0x2018 || cp == 0x201A || cp == 0x2039)
    return Mark{i, Role::kOpen, single};
  if (cp == 0x201D || cp == 0xBB || cp == 0x2019 || cp == 0x203A) return Mark{i, Role::kClose, single};
  const bool open = OpensBefore(v.text(), t.start);
  const bool close = ClosesAfter(v.text(), t.end);
  if (open && !close) return Mark{i, Role::kOpen, single};
  if (close && !open) return Mark{i, Role::kClose, single};
  if (single) return std::nullopt;  // a lone ' between spaces or letters is no quote mark
  return Mark{i, Role::kEither, single};
}

// Fills the inner byte span and tokens of a span whose marks are known; false when empty.
bool FillInner(const DocView& v, QuotedSpan* q) {
  uint32_t last = q->end_inner;
  while (last > q->first_inner && v.IsPunct(last - 1, ",")) --last;
  if (last <= q->first_inner) return false;
  q->inner_start = v.tok(q->first_inner).start;
  q->inner_end = v.tok(last - 1).end;
  return true;
}

// `close` is the closing mark, or one past the paragraph when the mark was left off.
void Emit(const DocView& v, const Mark& open, uint32_t close, uint32_t close_width, bool closed,
          std::vector<QuotedSpan>* out) {
  QuotedSpan q;
  q.open_token = open.token;
  q.close_token = closed ? close + close_width - 1 : close;
  q.closed = closed;
  q.single = open.single;
  q.first_inner = open.token + open.width;
  q.end_inner = close;
  if (FillInner(v, &q)) out->push_back(q);
}

// Pairs double marks in text order (see the header for paragraph-spanning quotations).
std::vector<QuotedSpan> PairDouble(const DocView& v, const std::vector<Mark>& marks) {
  std::vector<QuotedSpan> out;
  Mark open{0, Role::kEither, false, 1};
  bool is_open = false;
  uint32_t last_para_token = 0;  // a token of the paragraph the open quotation has reached
  for (const Mark& m : marks) {
    if (is_open && v.ParagraphOf(m.token) != v.ParagraphOf(last_para_token)) {
      const bool next_para = v.ParagraphOf(m.token) == v.ParagraphOf(last_para_token) + 1;
      if (next_para && m.token == v.ParagraphBegin(m.token) && m.role != Role::kClose) {
        last_para_token = m.token;  // the quotation runs on into this paragraph
        continue;
      }
      // Left open: a quotation only when its opener was a sure one.
      if (open.role == Role::kOpen) Emit(v, open, v.ParagraphEnd(last_para_token), 0, false, &out);
      is_open = false;
    }
    if (!is_open) {
      if (m.role != Role::kClose) open = m, is_open = true, last_para_token = m.token;
    } else if (m.role != Role::kOpen) {
      Emit(v, open, m.token, m.width, true, &out);
      is_open = false;
    } else {
      open = m, last_para_token = m.token;  // an opener while open: the first was stray
      open.role = Role::kOpen;
    }
  }
  if (is_open && open.role == Role::kOpen) {
    Emit(v, open, v.ParagraphEnd(last_para_token), 0, false, &out);
  }
  return out;
}

// Pairs single marks outside double quotations, each opener with the next closer of its
// paragraph.
void PairSingle(const DocView& v, const std::vector<Mark>& marks, std::vector<QuotedSpan>* out) {
  Mark open{0, Role::kEither, true, 1};
  bool is_open = false;
  for (const Mark& m : marks) {
    if (is_open && v.ParagraphOf(m.token) != v.ParagraphOf(open.token)) is_open = false;
    if (m.role == Role::kOpen) {
      open = m, is_open = true;
    } else if (is_open && m.role == Role::kClose && m.token - open.token <= 80) {
      Emit(v, open, m.token, m.width, true, out);
      is_open = false;
    }
  }
}

bool Inside(const std::vector<QuotedSpan>& spans, uint32_t token) {
  for (const QuotedSpan& q : spans) {
    if (token > q.open_token && token < q.close_token) return true;
  }
  return false;
}

}  // namespace

std::vector<QuotedSpan> FindQuotedSpans(const DocView& v) {
  std::vector<Mark> doubles, singles;
  for (uint32_t i = 0; i < v.size(); ++i) {
    if (!v.IsQuote(i)) continue;
    if (auto m = Classify(v, i)) {
      (m->single ? singles : doubles).push_back(*m);
      i += m->width - 1;
    }
  }
  std::vector<QuotedSpan> spans = PairDouble(v, doubles);
  std::vector<Mark> outside;
  for (const Mark& m : singles) {
    if (!Inside(spans, m.token)) outside.push_back(m);
  }
  std::vector<QuotedSpan> single_spans;
  PairSingle(v, outside, &single_spans);
  for (const QuotedSpan& q : single_spans) {
    bool overlaps = false;
    for (const QuotedSpan& d : spans) overlaps |= q.open_token < d.close_token && d.open_token < q.close_token;
    if (!overlaps) spans.push_back(q);
  }
  std::sort(spans.begin(), spans.end(),
            [](const QuotedSpan& a, const QuotedSpan& b) { return a.open_token < b.open_token; });
  return spans;
}

}  // namespace parley::extract::quotes
