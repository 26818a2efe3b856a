#include "extract/quotes/indirect.h"

#include <optional>

#include "extract/quotes/cue_words.h"

namespace parley::extract::quotes {
namespace {

constexpr uint32_t kMinContent = 3;  // tokens: shorter clauses are not reported speech

// The sentence's last content token plus one: final punctuation and closing marks dropped.
uint32_t ContentEnd(const DocView& v, uint32_t sb, uint32_t se) {
  uint32_t e = se;
  while (e > sb && (v.IsPunct(e - 1, ".?!;:") || v.IsPunct(e - 1, ")"))) --e;
  return e;
}

// Skips what may sit between a verb and its clause: "Tuesday", "on Tuesday", "in a statement".
uint32_t SkipAdjuncts(const DocView& v, uint32_t k, uint32_t end) {
  while (k < end) {
    const std::string_view n = v.norm(k);
    if (IsTimeWord(n) && n != "now") {
      ++k;
    } else if (n == "on" && k + 1 < end && IsTimeWord(v.norm(k + 1))) {
      k += 2;
    } else if (n == "in" && k + 2 < end && (v.norm(k + 1) == "a" || v.norm(k + 1) == "an") &&
               (v.norm(k + 2) == "statement" || v.norm(k + 2) == "interview")) {
      k += 3;
    } else if (v.IsPunct(k, ",") && k + 1 < end && v.norm(k + 1) == "that") {
      ++k;
    } else {
      break;
    }
  }
  return k;
}

// A "that" a few tokens on, past an adjunct: "said during a rally in Michigan that ...".
std::optional<uint32_t> ThatAhead(const DocView& v, uint32_t k, uint32_t end) {
  for (uint32_t i = k; i < end && i - k < 12; ++i) {
    if (v.IsSentenceEnd(i) || v.IsQuote(i) || v.IsPunct(i, ":") || IsCueWord(v, i, false))
      return std::nullopt;
    if (v.norm(i) == "that" && v.IsWord(i)) return i + 1;
  }
  return std::nullopt;
}

bool IsSay(std::string_view norm) {
  return norm == "say" || norm == "says" || norm == "said" || norm == "saying";
}

// Where the clause reported by the verb at `verb` begins, or nothing.
std::optional<uint32_t> ClauseStart(const DocView& v, uint32_t verb, uint32_t end) {
  const CueInfo cue = v.Cue(verb);
  uint32_t k = verb + 1;
  bool object = false;
  if (cue.takes_object) {
    Phrase obj = PhraseAfter(v, k, end);
    if (!obj.empty()) k = obj.end, object = true;
  }
  k = SkipAdjuncts(v, k, end);
  if (k >= end) return std::nullopt;
  if (v.norm(k) == "that" && v.IsWord(k)) return k + 1;
  if (auto that = ThatAhead(v, k, end)) return that;
  if (cue.cls != CueClass::kSpeech) return std::nullopt;
  const std::string_view n = v.norm(k);
  if (IsClauseOpener(n) || v.IsCapitalized(k) || v.tok(k).kind == TokenKind::kNumber) return k;
  // "say" and "told X" rarely take a plain object: a lower-case word starts the clause
  // ("Pence says too much is made of ...", "says hackers are taking aim").
  const bool loose = IsSay(v.norm(verb)) || object;
  if (loose && v.IsWord(k) && !IsPhraseStop(n) && !IsCueWord(v, k, true) && n != "so")
    return k;
  return std::nullopt;
}

// Where a reported clause ends: before ", saying", ", adding", ", according to", a second
// verb of the speaker (", but declined to ...") or the end.
uint32_t ClauseEnd(const DocView& v, uint32_t from, uint32_t end) {
  for (uint32_t k = from; k + 1 < end; ++k) {
    if (!v.IsPunct(k, ",-;")) continue;
    const CueInfo c = v.Cue(k + 1);
    if ((c.participle && c.cls != CueClass::kNone) || v.norm(k + 1) == "according") return k;
    const std::string_view n = v.norm(k + 1);
    if ((n == "but" || n == "and") && k + 2 < end && !v.IsCapitalized(k + 2) &&
        (v.norm(k + 2).ends_with("ed") || IsCueWord(v, k + 2, false)))
      return k;
  }
  return end;
}

// The subject of a verb with no subject of its own: the main clause's ("He warned ... and said").
Phrase MainSubject(const DocView& v, uint32_t sb, uint32_t verb, const std::vector<Reported>& found) {
  if (!found.empty()) return found.back().attribution.speaker;
  Phrase s = PhraseAfter(v, sb, verb);
  return s;
}

bool StartsWithQuote(const DocView& v, Phrase content) {
  return !content.empty() && v.IsQuote(content.begin);
}

// "According to the Kremlin, U.S. officials have ...".
std::optional<Reported> AccordingFirst(const DocView& v, uint32_t sb, uint32_t end) {
  if (end < sb + 4 || v.norm(sb) != "according" || v.norm(sb + 1) != "to") return std::nullopt;
  for (uint32_t c = sb + 2; c < end; ++c) {
    if (!v.IsPunct(c, ",")) continue;
    Phrase s = PhraseAfter(v, sb + 2, c);
    if (s.empty() || end - (c + 1) < kMinContent) return std::nullopt;
    return Reported{{c + 1, end}, {s, {sb, sb + 2}}};
  }
  return std::nullopt;
}

// The cue after the last comma: "[clause], sources said." / ", said Peskov." / ", according to X."
std::optional<Reported> CueLast(const DocView& v, uint32_t sb, uint32_t end) {
  uint32_t c = end;
  while (c > sb && !v.IsPunct(c - 1, ",")) --c;
  if (c <= sb + kMinContent || end - c > 14) return std::nullopt;
  const uint32_t comma = c - 1;
  std::optional<Attribution> a;
  if (v.norm(c) == "according" && c + 1 < end && v.norm(c + 1) == "to") {
    Phrase s = PhraseAfter(v, c + 2, end);
    if (!s.empty()) a = Attribution{s, {c, c + 2}};
  } else {
    for (uint32_t t = c; t < end && !a; ++t) {
      if (!IsCueWord(v, t, false) || v.Cue(t).cls != CueClass::kSpeech) continue;
      if (t == c && v.Cue(t).invertible) {
        Phrase s = PhraseAfter(v, t + 1, end);
        if (!s.empty()) a = Attribution{s, {t, t + 1}};
      } else if (Phrase s = SubjectBefore(v, t, c); !s.empty() && s.begin == c) {
        a = Attribution{s, CuePhrase(v, t, end)};
      }
      break;
    }
  }
  if (!a || end - a->cue.end > 6 || StartsWithQuote(v, {sb, comma})) return std::nullopt;
  return Reported{{sb, comma}, *a};
}

// "Peskov suggested [Washington was not doing its part], saying [the talks require ...]".
std::vector<Reported> CuesFirst(const DocView& v, uint32_t sb, uint32_t end) {
  std::vector<Reported> found;
  for (uint32_t t = sb; t < end; ++t) {
    if (!IsCueWord(v, t, false) || v.Cue(t).cls == CueClass::kEvaluative) continue;
    std::optional<uint32_t> start = ClauseStart(v, t, end);
    if (!start) continue;
    Phrase speaker = SubjectBefore(v, t, sb);
    const bool joined = t > sb && (v.IsPunct(t - 1, ",") || v.norm(t - 1) == "and");
    if (speaker.empty() && (v.Cue(t).participle || joined))
      speaker = MainSubject(v, sb, t, found);
    if (speaker.empty()) continue;
    const uint32_t stop = ClauseEnd(v, *start, end);
    Phrase content{*start, stop};
    if (stop - *start < kMinContent || StartsWithQuote(v, content)) continue;
    found.push_back({content, {speaker, CuePhrase(v, t, end)}});
    t = stop;
  }
  return found;
}

}  // namespace

std::vector<Reported> FindReported(const DocView& v, uint32_t sentence) {
  const Sentence& s = v.sentences()[sentence];
  // Every shape above needs "according" or a speech or thought verb (many sentences have none).
  if (s.end_token <= s.first_token || !v.MayReport(sentence)) return {};
  const uint32_t sb = s.first_token;
  const uint32_t end = ContentEnd(v, sb, s.end_token);
  if (auto r = AccordingFirst(v, sb, end)) return {*r};
  if (auto r = CueLast(v, sb, end)) return {*r};
  return CuesFirst(v, sb, end);
}

}  // namespace parley::extract::quotes
