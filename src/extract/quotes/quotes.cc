// Quotations in text order: quoted spans (direct or partial) and reported clauses, each with its
// cue and speaker. One pass keeps the last speaker so that a quotation with no cue of its own
// continues it (also across a paragraph break), and "he" can fall back to the last named one.
#include "extract/quotes/quotes.h"

#include <algorithm>
#include <optional>

#include "extract/quotes/cue_words.h"
#include "extract/quotes/doc_view.h"
#include "extract/quotes/indirect.h"
#include "extract/quotes/marks.h"
#include "extract/quotes/resolve.h"
#include "extract/quotes/speaker.h"

namespace parley::extract {
namespace {

using quotes::Attribution;
using quotes::DocView;
using quotes::Phrase;
using quotes::QuotedSpan;

constexpr uint32_t kContinuationParagraphs = 2;  // how far back a cue-less quotation looks

// One quotation found, before it becomes a Quote.
struct Found {
  uint32_t start = 0, end = 0;  // bytes of the content
  uint32_t first_token = 0;
  const char* kind = "direct";
  std::optional<Attribution> attribution;
  bool inherited = false;  // the speaker of an earlier quotation
};

// The speaker the next cue-less quotation continues.
struct LastSpeaker {
  Attribution attribution;
  uint32_t paragraph = 0;
};

uint32_t WordCount(const DocView& v, const QuotedSpan& q) {
  uint32_t n = 0;
  for (uint32_t i = q.first_inner; i < q.end_inner; ++i) n += v.IsWord(i) ? 1 : 0;
  return n;
}

// A short phrase of capitalised words ("Access Hollywood", "The Art of the Deal"): a title.
bool TitleLike(const DocView& v, const QuotedSpan& q) {
  uint32_t words = 0;
  for (uint32_t i = q.first_inner; i < q.end_inner; ++i) {
    if (!v.IsWord(i)) continue;
    ++words;
    if (!v.IsCapitalized(i) && v.norm(i).size() > 3) return false;
  }
  return words > 0 && words <= 6 && !v.IsPunct(q.end_inner - 1, ".?!,");
}

// A whole quotation opens a sentence or a clause (after ":", a sentence end, or "he said,"
// before a capital) or holds sentences of its own; anything else is a partial quotation.
bool IsWhole(const DocView& v, const QuotedSpan& q, std::optional<uint32_t> prev_close) {
  const uint32_t o = q.open_token;
  if (o == 0 || o == v.ParagraphBegin(o)) return true;
  const uint32_t p = o - 1;
  if (v.IsSentenceEnd(p) || v.IsPunct(p, ":") || v.IsQuote(p)) return true;
  if (v.IsPunct(p, ",-(")) {
    if (v.IsCapitalized(q.first_inner)) return true;
    if (prev_close && o - *prev_close <= 8) return true;  // "...," he said, "and then ..."
  }
  for (uint32_t i = q.first_inner; i + 1 < q.end_inner; ++i) {
    if (v.IsSentenceEnd(i) && v.IsCapitalized(i + 1)) return true;
  }
  return false;
}

std::optional<Attribution> Inherit(const std::optional<LastSpeaker>& last, uint32_t paragraph) {
  if (!last || paragraph > last->paragraph + kContinuationParagraphs) return std::nullopt;
  return last->attribution;
}

// Direct quotation: a cue after it, before it, or the previous speaker.
std::optional<Found> Direct(const DocView& v, const QuotedSpan& q, const std::optional<LastSpeaker>& last) {
  Found f{q.inner_start, q.inner_end, q.first_inner, "direct", quotes::CueAfter(v, q), false};
  if (!f.attribution) f.attribution = quotes::CueBefore(v, q);
  if (f.attribution) return f;
  if (WordCount(v, q) <= 3 || TitleLike(v, q)) return std::nullopt;  // a title or scare quotes
  f.attribution = Inherit(last, v.ParagraphOf(q.open_token));
  f.inherited = f.attribution.has_value();
  return f;
}

// Partial quotation: the verb governing it; scare quotes and titles with no cue are dropped.
std::optional<Found> Partial(const DocView& v, const QuotedSpan& q, const std::optional<LastSpeaker>& last) {
  // A cue right after the quotation ("...," he said) outranks a verb earlier in the sentence.
  const bool cue_follows = v.IsPunct(q.end_inner - 1, ",") ||
                           (q.close_token + 1 < v.size() && v.IsPunct(q.close_token + 1, ","));
  std::optional<Attribution> after = cue_follows ? quotes::CueAfter(v, q) : std::nullopt;
  Found f{q.inner_start, q.inner_end, q.first_inner, "partial",
          after ? after : quotes::GoverningCue(v, q), false};
  const uint32_t words = WordCount(v, q);
  // One or two words far from any cue are scare quotes, not somebody's words.
  if (f.attribution && words <= 2 && q.open_token > f.attribution->cue.end + 20) f.attribution.reset();
  if (f.attribution && !TitleLike(v, q)) return f;
  if (words < 5 || TitleLike(v, q)) return std::nullopt;
  f.attribution = Inherit(last, v.ParagraphOf(q.open_token));
  f.inherited = f.attribution.has_value();
  return f;
}

// "PENCE: Well, the question ...": a transcript paragraph, a whole quotation without marks.
std::optional<Found> Transcript(const DocView& v, uint32_t begin, uint32_t end) {
  if (begin < end && v.IsQuote(begin)) ++begin;  // a transcript quoted paragraph by paragraph
  uint32_t colon = begin;
  while (colon < end && colon - begin < 3 && v.IsWord(colon) &&
         (v.IsAllCaps(colon) || v.norm(colon) == "mr." || v.norm(colon) == "ms."))
    ++colon;
  if (colon == begin || colon + 3 >= end || !v.IsPunct(colon, ":")) return std::nullopt;
  if (!v.IsAllCaps(colon - 1)) return std::nullopt;
  Found f{v.tok(colon + 1).start, v.tok(end - 1).end, colon + 1, "direct",
          Attribution{{begin, colon}, {colon, colon + 1}}, false};
  return f;
}

std::vector<Found> FindTranscripts(const DocView& v) {
  std::vector<Found> out;
  for (uint32_t i = 0; i < v.size(); i = v.ParagraphEnd(i)) {
    if (auto f = Transcript(v, i, v.ParagraphEnd(i))) out.push_back(*f);
  }
  return out;
}

bool OverlapsAny(const std::vector<Found>& found, const QuotedSpan& q) {
  return std::any_of(found.begin(), found.end(), [&](const Found& f) {
    return f.start < q.inner_end && q.inner_start < f.end;
  });
}

std::vector<Found> FindQuoted(const DocView& v, const std::vector<Found>& reported) {
  if (!v.HasQuoteMarks() && !v.HasColon()) return {};  // no quoted span, no transcript
  std::vector<Found> out = v.HasColon() ? FindTranscripts(v) : std::vector<Found>();
  const std::vector<Found> transcripts = out;
  std::optional<LastSpeaker> last;
  std::optional<uint32_t> prev_close;
  size_t r = 0;
  for (const QuotedSpan& q : quotes::FindQuotedSpans(v)) {
    // Reported speech before this quotation changes who speaks next.
    for (; r < reported.size() && reported[r].start < q.inner_start; ++r) {
      last = LastSpeaker{*reported[r].attribution, v.ParagraphOf(reported[r].first_token)};
    }
    if (OverlapsAny(transcripts, q)) continue;  // marks inside or around a speaker's turn
    std::optional<Found> f = IsWhole(v, q, prev_close) ? Direct(v, q, last) : Partial(v, q, last);
    prev_close = q.close_token;
    if (!f) continue;
    if (f->attribution) last = LastSpeaker{*f->attribution, v.ParagraphOf(q.open_token)};
    out.push_back(*f);
  }
  return out;
}

std::vector<Found> FindIndirect(const DocView& v) {
  std::vector<Found> out;
  for (uint32_t s = 0; s < v.sentences().size(); ++s) {
    for (const quotes::Reported& r : quotes::FindReported(v, s)) {
      const uint32_t start = v.tok(r.content.begin).start, end = v.tok(r.content.end - 1).end;
      out.push_back(Found{start, end, r.content.begin, "indirect", r.attribution, false});
    }
  }
  return out;
}

// A reported clause that is itself a whole quotation is not reported speech.
void DropCoveredIndirect(const std::vector<Found>& quoted, std::vector<Found>* indirect) {
  std::erase_if(*indirect, [&](const Found& r) {
    for (const Found& q : quoted) {
      if (std::string_view(q.kind) == "direct" && q.start < r.end && r.start < q.end) return true;
    }
    return false;
  });
}

std::string SpanText(const DocView& v, Phrase p) { return std::string(v.Span(p.begin, p.end)); }

Quote ToQuote(const DocView& v, const std::vector<ActorMention>& actors, const Found& f,
              std::optional<quotes::ResolvedSpeaker>* last_named) {
  Quote q;
  q.text = std::string(v.text().substr(f.start, f.end - f.start));
  q.start = f.start;
  q.end = f.end;
  q.sentence = v.SentenceOf(f.first_token);
  q.kind = f.kind;
  if (!f.attribution) return q;
  const Phrase s = f.attribution->speaker;
  quotes::ResolvedSpeaker r = quotes::Resolve(v, actors, s.begin, s.end, *last_named);
  if (r.named) *last_named = r;
  q.speaker = r.name;
  q.speaker_code = r.code;
  q.speaker_start = v.tok(s.begin).start;
  q.speaker_end = v.tok(s.end - 1).end;
  if (!f.inherited && !f.attribution->cue.empty()) q.cue = SpanText(v, f.attribution->cue);
  return q;
}

}  // namespace

std::vector<Quote> FindQuotes(const Document& doc, const TextLayer& layer,
                              const std::vector<ActorMention>& actors) {
  if (layer.tokens.empty() || layer.sentences.empty()) return {};
  // The view's tables are kept per thread: FindQuotes runs on many threads at once.
  thread_local quotes::DocViewBuffers buffers;
  const DocView v(doc.text, layer, &buffers);
  if (!v.MayHoldQuotes()) return {};
  std::vector<Found> indirect = FindIndirect(v);
  std::vector<Found> all = FindQuoted(v, indirect);
  DropCoveredIndirect(all, &indirect);
  all.insert(all.end(), indirect.begin(), indirect.end());
  std::stable_sort(all.begin(), all.end(), [](const Found& a, const Found& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::vector<Quote> out;
  std::optional<quotes::ResolvedSpeaker> last_named;
  for (const Found& f : all) out.push_back(ToQuote(v, actors, f, &last_named));
  return out;
}

}  // namespace parley::extract
