#include "extract/quotes/resolve.h"

#include <algorithm>

#include "extract/quotes/cue_words.h"

namespace parley::extract::quotes {
namespace {

uint32_t Overlap(const ActorMention& m, uint32_t start, uint32_t end) {
  const uint32_t a = std::max(m.start, start), b = std::min(m.end, end);
  return b > a ? b - a : 0;
}

// Follows antecedent links to the first mention that carries a code.
const ActorMention* WithCode(const std::vector<ActorMention>& actors, const ActorMention* m) {
  for (int hops = 0; m != nullptr && hops < 16; ++hops) {
    if (!m->code.empty()) return m;
    if (!m->antecedent || *m->antecedent >= actors.size()) return nullptr;
    m = &actors[*m->antecedent];
  }
  return nullptr;
}

// The actor opening the sentence before the one holding byte `offset`: the likely subject
// that "it" or "they" refers back to.
const ActorMention* PreviousSubject(const DocView& v, const std::vector<ActorMention>& actors,
                                    uint32_t offset) {
  const uint32_t s = v.SentenceAtOffset(offset);
  if (s == 0) return nullptr;
  const Sentence& prev = v.sentences()[s - 1];
  for (const ActorMention& m : actors) {
    if (m.start < prev.start || m.start >= prev.end) continue;
    if (m.start - prev.start <= 4 && !m.code.empty()) return &m;  // "Moscow is seeking ..."
  }
  return nullptr;
}

}  // namespace

const ActorMention* MentionFor(const std::vector<ActorMention>& actors, uint32_t start,
                               uint32_t end) {
  const ActorMention* best = nullptr;
  uint32_t best_overlap = 0;
  for (const ActorMention& m : actors) {
    const uint32_t o = Overlap(m, start, end);
    if (o == 0) continue;
    // The longest overlap wins; on a tie the later mention (the head of "U.S. President Trump").
    if (o >= best_overlap) best = &m, best_overlap = o;
  }
  return best;
}

ResolvedSpeaker Resolve(const DocView& v, const std::vector<ActorMention>& actors,
                        uint32_t begin_token, uint32_t end_token,
                        const std::optional<ResolvedSpeaker>& last_named) {
  ResolvedSpeaker r;
  const uint32_t start = v.tok(begin_token).start, end = v.tok(end_token - 1).end;
  r.name = std::string(v.text().substr(start, end - start));
  const bool pronoun = end_token - begin_token == 1 && IsPersonalPronoun(v.norm(begin_token));
  bool has_capital = false;
  for (uint32_t i = begin_token; i < end_token; ++i) has_capital |= v.IsCapitalized(i);
  r.named = !pronoun && has_capital;
  if (const ActorMention* m = WithCode(actors, MentionFor(actors, start, end))) {
    r.code = m->code;
    if (!r.named && !m->name.empty()) r.name = m->name;
    return r;
  }
  if (!pronoun) return r;
  const std::string_view n = v.norm(begin_token);
  if ((n == "he" || n == "she") && last_named) {
    r.name = last_named->name;
    r.code = last_named->code;
  } else if (n == "it" || n == "they") {
    if (const ActorMention* m = PreviousSubject(v, actors, start)) {
      r.name = m->name.empty() ? m->text : m->name;
      r.code = m->code;
    }
  }
  return r;
}

}  // namespace parley::extract::quotes
