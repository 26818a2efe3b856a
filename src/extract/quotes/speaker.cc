#include "extract/quotes/speaker.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string_view>

#include "extract/quotes/cue_words.h"

namespace parley::extract::quotes {
namespace {

constexpr uint32_t kMaxPhrase = 9;  // tokens in a speaker's noun phrase

// Past forms and participles of cue verbs: they end a noun phrase ("the report [said]" keeps
// "report", a noun; "officials [said]" stops at "said").
bool IsVerbForm(const DocView& v, uint32_t i) {
  if (v.Cue(i).cls == CueClass::kNone) return false;
  const std::string_view norm = v.norm(i);
  return norm.ends_with("ed") || norm.ends_with("ing") || norm == "said" || norm == "told" ||
         norm == "wrote" || norm == "thought" || norm == "found" || norm == "knew";
}

bool StopsPhrase(const DocView& v, uint32_t i) {
  if (!v.IsWord(i)) return true;
  const std::string_view n = v.norm(i);
  if (IsPhraseStop(n) && !(v.IsCapitalized(i) && i > v.SentenceBegin(i) && n != "but" && n != "and"))
    return true;
  return !v.IsCapitalized(i) && IsVerbForm(v, i);
}

// "for", "of", "and", "on" between capitalised words inside a name ("Committee for a
// Responsible Federal Budget", "Secretary of State").
bool JoinsName(const DocView& v, uint32_t k, uint32_t lo, bool capital_after) {
  const std::string_view n = v.norm(k);
  const bool connector = n == "of" || n == "for" || n == "and" || n == "on";
  return connector && capital_after && k > lo && v.IsCapitalized(k - 1);
}

// Skips a parenthesis ending at `k` ("McCaskill (D-Mo.)"): returns the token before "(".
uint32_t SkipParenthesis(const DocView& v, uint32_t k, uint32_t lo) {
  for (uint32_t j = k; j > lo && k - j < 8;) {
    --j;
    if (v.IsPunct(j, "(")) return j;
  }
  return k;
}

// The plain noun phrase ending at `end` (exclusive), not before `lo`.
Phrase PlainPhraseBefore(const DocView& v, uint32_t end, uint32_t lo) {
  if (end > lo && v.IsPunct(end - 1, ")")) end = SkipParenthesis(v, end - 1, lo);
  if (end <= lo) return {};
  if (IsPersonalPronoun(v.norm(end - 1))) return {end - 1, end};
  uint32_t begin = end;
  bool capital = false;  // the phrase so far holds a capitalised word
  for (uint32_t k = end; k > lo && end - k < kMaxPhrase;) {
    --k;
    const std::string_view n = v.norm(k);
    if (IsDeterminer(n) && v.IsWord(k)) {
      begin = k;
      if (k > lo + 1 && (v.norm(k - 1) == "of" || JoinsName(v, k - 1, lo, capital))) continue;
      break;
    }
    if (n == "'s" && begin < end) {  // "Russia's foreign ministry"
      begin = k;
      continue;
    }
    if (JoinsName(v, k, lo, capital)) {
      begin = k;
      continue;
    }
    if (StopsPhrase(v, k) || IsPersonalPronoun(n)) break;
    begin = k;
    capital |= v.IsCapitalized(k);
  }
  while (begin < end && (v.norm(begin) == "of" || v.norm(begin) == "'s")) ++begin;
  if (end - begin == 1 && IsDeterminer(v.norm(begin))) return {};  // "the" alone names nobody
  return {begin, end};
}

// Skips auxiliaries, adverbs and time words ("has also", "on Tuesday") before a verb.
uint32_t SkipModifiersBack(const DocView& v, uint32_t verb, uint32_t lo) {
  uint32_t j = verb;
  while (j > lo) {
    const std::string_view n = v.norm(j - 1);
    const bool time_on = n == "on" && j < verb && IsTimeWord(v.norm(j));
    if (!(v.IsWord(j - 1) && (IsVerbModifier(n) || IsTimeWord(n) || time_on))) break;
    if (v.IsCapitalized(j - 1) && !IsTimeWord(n)) break;  // "Will Smith", "May"
    --j;
  }
  return j;
}

bool IsSpeechCueAt(const DocView& v, uint32_t i) {
  if (!v.IsWord(i) || v.IsCapitalized(i)) return false;
  return v.Cue(i).cls == CueClass::kSpeech;
}

bool IsAccordingTo(const DocView& v, uint32_t i) {
  return i + 1 < v.size() && v.norm(i) == "according" && v.norm(i + 1) == "to";
}

// A cue at `t` after a closing mark, where the tokens [k, t) must be its whole subject.
std::optional<Attribution> SubjectCue(const DocView& v, uint32_t k, uint32_t t, uint32_t hi) {
  if (t == k && v.Cue(t).invertible) {  // "..., said Peskov"
    Phrase s = PhraseAfter(v, t + 1, hi);
    if (!s.empty()) return Attribution{s, {t, t + 1}};
    return std::nullopt;
  }
  Phrase s = SubjectBefore(v, t, k);
  if (!s.empty() && s.begin == k) return Attribution{s, CuePhrase(v, t, hi)};
  // A subject with a prepositional phrase: "a narrator in the Clinton ad asks".
  Phrase head = PhraseAfter(v, k, t);
  if (head.empty() || t - k > 12) return std::nullopt;
  for (uint32_t i = head.end; i < t; ++i) {
    if (IsCueWord(v, i, true) || IsPersonalPronoun(v.norm(i)) || v.IsQuote(i)) return std::nullopt;
  }
  return Attribution{head, CuePhrase(v, t, hi)};
}

uint32_t ClauseLimit(const DocView& v, uint32_t from, uint32_t max_tokens) {
  const uint32_t para_end = v.ParagraphEnd(from);
  uint32_t hi = from;
  while (hi < para_end && hi - from < max_tokens && !v.IsSentenceEnd(hi) && !v.IsQuote(hi) &&
         !v.IsPunct(hi, ":"))
    ++hi;
  return hi;
}

// "PENCE: ..." or "Mr. Obama: ...": a transcript speaker opening its paragraph.
std::optional<Attribution> TranscriptSpeaker(const DocView& v, uint32_t colon) {
  const uint32_t begin = v.ParagraphBegin(colon);
  if (colon == begin || colon - begin > 3) return std::nullopt;
  for (uint32_t i = begin; i < colon; ++i) {
    if (!v.IsCapitalized(i)) return std::nullopt;
  }
  return Attribution{{begin, colon}, {colon, colon + 1}};
}

}  // namespace

bool IsCueWordAt(const DocView& v, uint32_t i, bool near_quote) {
  if (!v.IsWord(i)) return false;
  const CueInfo& c = v.Cue(i);  // the cheapest test first: most words are no cue
  if (c.cls == CueClass::kNone || (!near_quote && c.quote_only) || v.IsCapitalized(i)) return false;
  return !(i > 0 && IsDeterminer(v.norm(i - 1)));  // "the attack", "a report": nouns
}

Phrase SubjectBefore(const DocView& v, uint32_t verb, uint32_t lo) {
  const uint32_t end = SkipModifiersBack(v, verb, lo);
  if (end <= lo) return {};
  if (!v.IsPunct(end - 1, ",")) return PlainPhraseBefore(v, end, lo);
  // An appositive: "Peskov, the Kremlin spokesman, said".
  for (uint32_t c = end - 1; c > lo && end - c < 30;) {
    --c;
    if (v.IsSentenceEnd(c) || v.IsQuote(c)) break;
    if (!v.IsPunct(c, ",")) continue;
    Phrase head = PlainPhraseBefore(v, c, lo);
    if (!head.empty() && head.end == c) return head;
    break;
  }
  return {};
}

Phrase PhraseAfter(const DocView& v, uint32_t from, uint32_t hi) {
  if (from >= hi || (!v.IsWord(from) && v.tok(from).kind != TokenKind::kNumber)) return {};
  if (IsPersonalPronoun(v.norm(from))) return {from, from + 1};
  uint32_t k = from;
  if (IsDeterminer(v.norm(k))) ++k;
  bool saw_capital = false;
  for (; k < hi && k - from < kMaxPhrase; ++k) {
    const std::string_view n = v.norm(k);
    if (n == "'s") {
      saw_capital = false;
      continue;
    }
    if (IsNameParticle(n) && k + 1 < hi && v.IsCapitalized(k + 1)) continue;
    if (v.tok(k).kind == TokenKind::kNumber && !saw_capital) continue;  // "9/11 widow Terry Strada"
    if (StopsPhrase(v, k) || IsPersonalPronoun(n)) break;
    if (v.IsCapitalized(k)) {
      saw_capital = true;
    } else if (saw_capital || IsTimeWord(n) || IsCueWord(v, k, true)) {
      break;
    }
  }
  while (k > from && IsNameParticle(v.norm(k - 1))) --k;  // "Biden of"
  if (k == from || (k == from + 1 && IsDeterminer(v.norm(from)))) return {};
  return {from, k};
}

Phrase CuePhrase(const DocView& v, uint32_t verb, uint32_t hi) {
  Phrase cue{verb, verb + 1};
  if (IsAccordingTo(v, verb)) return {verb, verb + 2};
  if (v.Cue(verb).takes_object) {
    Phrase obj = PhraseAfter(v, verb + 1, hi);
    if (!obj.empty() && obj.end - obj.begin <= 3) cue.end = obj.end;
  }
  // "said in a statement", "said in an interview".
  if (cue.end + 2 < hi && v.norm(cue.end) == "in" &&
      (v.norm(cue.end + 1) == "a" || v.norm(cue.end + 1) == "an") &&
      (v.norm(cue.end + 2) == "statement" || v.norm(cue.end + 2) == "interview"))
    cue.end += 3;
  return cue;
}

std::optional<Attribution> CueAfter(const DocView& v, const QuotedSpan& q) {
  if (!q.closed) return std::nullopt;
  uint32_t k = q.close_token + 1;
  if (k >= v.size() || v.ParagraphOf(k) != v.ParagraphOf(q.close_token)) return std::nullopt;
  if (v.IsPunct(k, ",-")) ++k;
  const uint32_t hi = ClauseLimit(v, k, 24);
  for (uint32_t t = k; t < hi && t - k < 18; ++t) {
    if (IsAccordingTo(v, t) && t == k) {
      Phrase s = PhraseAfter(v, t + 2, hi);
      if (!s.empty()) return Attribution{s, {t, t + 2}};
    }
    if (!IsSpeechCueAt(v, t)) continue;
    return SubjectCue(v, k, t, hi);
  }
  return std::nullopt;
}

// The subject at a sentence's start, for a participle cue with no cue before it
// ("In August, several environmental groups granted ..., saying \"...\""). A leading
// adverbial up to the first comma is skipped.
static std::optional<Attribution> SentenceSubject(const DocView& v, uint32_t sb, uint32_t cue) {
  Phrase s = PhraseAfter(v, sb, cue);
  for (uint32_t c = sb; s.empty() && c < cue && c - sb < 10; ++c) {
    if (v.IsPunct(c, ",")) s = PhraseAfter(v, c + 1, cue);
  }
  if (s.empty()) return std::nullopt;
  return Attribution{s, CuePhrase(v, cue, v.SentenceEnd(cue))};
}

// A speech verb after the closing mark in the same sentence: "... \"...\" in Putin, Trump said."
static std::optional<Attribution> LaterCue(const DocView& v, const QuotedSpan& q) {
  if (!q.closed) return std::nullopt;
  const uint32_t se = v.SentenceEnd(q.close_token);
  const uint32_t after = q.close_token + 1;
  for (uint32_t t = after; t < se; ++t) {
    if (v.IsQuote(t)) break;
    if (!IsSpeechCueAt(v, t)) continue;
    if (v.IsPunct(t - 1, ",") && v.Cue(t).invertible) {
      Phrase s = PhraseAfter(v, t + 1, se);
      if (!s.empty()) return Attribution{s, {t, t + 1}};
    }
    if (!v.IsPunct(t - 1, ",") && !v.Cue(t).participle) {
      Phrase s = SubjectBefore(v, t, after);
      if (!s.empty() && (s.begin == after || v.IsPunct(s.begin - 1, ",")))
        return Attribution{s, CuePhrase(v, t, se)};
    }
    break;
  }
  return std::nullopt;
}

// The main clause's cue and subject before token `from` in its sentence: what a participle
// cue (", saying ...") or a cue-less partial quotation hangs on.
static std::optional<Attribution> MainCue(const DocView& v, uint32_t from, uint32_t* participle) {
  const uint32_t sb = v.SentenceBegin(from);
  for (uint32_t t = from; t > sb && from - t < 50;) {
    --t;
    if (IsAccordingTo(v, t)) {
      Phrase s = PhraseAfter(v, t + 2, from);
      if (!s.empty()) return Attribution{s, {t, t + 2}};
    }
    if (!IsCueWord(v, t, false)) continue;
    const CueInfo info = v.Cue(t);
    if (info.participle) {  // "a tweet saying": the tweet is no speaker
      if (*participle == UINT32_MAX && info.cls != CueClass::kThatOnly) *participle = t;
      continue;
    }
    Phrase s = SubjectBefore(v, t, sb);
    if (s.empty()) continue;
    // The cue is the verb that governs the quotation: the participle when one was passed.
    const uint32_t cue = *participle == UINT32_MAX ? t : *participle;
    return Attribution{s, CuePhrase(v, cue, from)};
  }
  return std::nullopt;
}

std::optional<Attribution> GoverningCue(const DocView& v, const QuotedSpan& q) {
  uint32_t participle = UINT32_MAX;
  if (auto a = MainCue(v, q.open_token, &participle)) return a;
  if (auto later = LaterCue(v, q)) return later;
  if (participle != UINT32_MAX) return SentenceSubject(v, v.SentenceBegin(q.open_token), participle);
  return std::nullopt;
}

std::optional<Attribution> CueBefore(const DocView& v, const QuotedSpan& q) {
  if (q.open_token == 0 || v.ParagraphOf(q.open_token - 1) != v.ParagraphOf(q.open_token))
    return std::nullopt;
  const uint32_t j = q.open_token - 1;
  if (!v.IsPunct(j, ":,-")) return std::nullopt;
  if (v.IsPunct(j, ":")) {
    if (auto t = TranscriptSpeaker(v, j)) return t;
  }
  const uint32_t lo = v.ParagraphBegin(j);
  for (uint32_t t = j; t > lo && j - t < 10;) {
    --t;
    if (v.IsSentenceEnd(t) || v.IsQuote(t)) break;
    if (IsAccordingTo(v, t)) {
      Phrase s = PhraseAfter(v, t + 2, j);
      if (!s.empty()) return Attribution{s, {t, t + 2}};
    }
    if (!IsCueWord(v, t, true)) continue;
    if (v.Cue(t).participle) {  // ", saying, \"...\"": the main clause speaks
      uint32_t participle = t;
      if (auto main = MainCue(v, t, &participle)) return Attribution{main->speaker, {t, j}};
      return SentenceSubject(v, v.SentenceBegin(t), t);
    }
    Phrase s = SubjectBefore(v, t, std::max(lo, v.SentenceBegin(t)));
    if (s.empty()) return std::nullopt;
    return Attribution{s, {t, j}};
  }
  return std::nullopt;
}

}  // namespace parley::extract::quotes
