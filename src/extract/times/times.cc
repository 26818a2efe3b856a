// The driver of time expressions: walks the sentences, chooses each sentence's anchor and
// turns the Recognizer's findings into the contract's TimeExpr.
//
// Anchoring, from the language of news:
// - The anchor is the document date (Document::published).
// - Reported speech dated by its own expression ("Trump said Monday Russia had 10 days") anchors
//   what follows the speech verb to that day.
// - An account dated relative to another ("His remarks came a day after Trump said ...") keeps
//   its day while the following sentences go on telling it: they open with the same speaker
//   ("Trump accused ...") or, inside the paragraph, with a pronoun ("He warned ...").
#include "extract/times/times.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <span>

#include "extract/times/calendar.h"
#include "extract/times/recognizer.h"

namespace parley::extract {
namespace {

using times::Day;
using times::Found;

constexpr std::array<std::string_view, 16> kSpeechVerbs = {
    "said", "says", "told", "announced", "warned", "declared", "added", "stated", "claimed",
    "insisted", "wrote", "tweeted", "reported", "threatened", "demanded", "vowed"};

bool IsSpeechVerb(std::string_view w) {
  return std::find(kSpeechVerbs.begin(), kSpeechVerbs.end(), w) != kSpeechVerbs.end();
}

// A dated account that later sentences may continue.
struct Account {
  std::string speaker;  // case-folded surname of who speaks or acts
  Day day;
  uint32_t paragraph = 0;
  bool active = false;
};

struct SentenceScan {
  const Document& doc;
  const TextLayer& layer;
  const Sentence& sentence;
  times::DocMemory* memory;
};

// Zero bytes after the marks of a sentence's tokens, so that the scan reads a few tokens past
// its end with no bounds test.
constexpr uint32_t kStrongPad = 8;

// The first strong token at or after k, or `end` when there is none: eight marks at a time
// (most of a sentence is no time word), then byte by byte.
uint32_t NextStrong(const uint8_t* marks, uint32_t k, uint32_t end) {
  for (uint64_t word; k < end; k += 8) {
    std::memcpy(&word, marks + k, 8);
    if (word != 0) break;
  }
  while (k < end && marks[k] == 0) ++k;
  return std::min(k, end);
}

// Recognizes the expressions of tokens [from, sentence end) against `anchor` and appends them
// to *found. `strong_tokens` holds times::MarkStrong's answer for each token of the sentence,
// followed by kStrongPad zeros. A token is tried only with a strong trigger among it and the
// three after it.
void Scan(const SentenceScan& s, const std::vector<uint8_t>& strong_tokens, uint32_t from,
          std::optional<Day> anchor, std::vector<Found>* found) {
  times::Recognizer rec(s.doc.text, s.layer.tokens, s.sentence.first_token, s.sentence.end_token,
                        anchor, s.memory);
  const uint32_t base = s.sentence.first_token, end = s.sentence.end_token - base;
  const uint8_t* const marks = strong_tokens.data();  // marks[k]: token base + k
  Found f;
  for (uint32_t k = from - base; k < end;) {
    bool here = marks[k] != 0, ahead = (marks[k + 1] | marks[k + 2] | marks[k + 3]) != 0;
    if (!here && !ahead) {
      // No strong word in sight: jump to three tokens before the next one.
      const uint32_t next = NextStrong(marks, k + 4, end);
      if (next == end) break;
      k = next - 3;
      here = false, ahead = true;
    }
    if (!rec.MatchAt(base + k, here, ahead, &f)) {
      ++k;
      continue;
    }
    if (f.quarter > 0) s.memory->quarter_year = f.quarter_year, s.memory->quarter = f.quarter;
    s.memory->Remember(f);
    if (!f.anchor_day) f.anchor_day = anchor;  // anaphoric expressions bring their own
    k = std::max(f.end - base, k + 1);
    found->push_back(std::move(f));
  }
}

// The speaker of the speech verb at or after token `from`: the capitalized word before it.
std::optional<std::pair<uint32_t, std::string>> SpeechAfter(const SentenceScan& s, uint32_t from) {
  const auto& tokens = s.layer.tokens;
  for (uint32_t i = from; i < s.sentence.end_token; ++i) {
    if (!IsSpeechVerb(tokens[i].norm)) continue;
    if (i == 0 || i <= s.sentence.first_token) return std::nullopt;
    const Token& subject = tokens[i - 1];
    const char c = s.doc.text[subject.start];
    if (subject.kind != TokenKind::kWord || c < 'A' || c > 'Z') return std::make_pair(i, std::string());
    return std::make_pair(i, subject.norm);
  }
  return std::nullopt;
}

// A single-day date right beside a speech verb ("said Monday", "on Monday said").
std::optional<size_t> SpeechDate(const SentenceScan& s, const std::vector<Found>& found,
                                 uint32_t* verb) {
  const auto& tokens = s.layer.tokens;
  for (size_t k = 0; k < found.size(); ++k) {
    const Found& f = found[k];
    if (!f.day || f.type != "DATE" || f.clause_anchor) continue;
    uint32_t before = f.first > s.sentence.first_token ? f.first - 1 : f.first;
    if (before > s.sentence.first_token && tokens[before].norm == "on") --before;
    if (before != f.first && IsSpeechVerb(tokens[before].norm)) {
      *verb = before;
      return k;
    }
    if (f.end < s.sentence.end_token && IsSpeechVerb(tokens[f.end].norm)) {
      *verb = f.end;
      return k;
    }
  }
  return std::nullopt;
}

// Re-reads what follows token `from` against `day`, replacing the earlier findings there.
void Reanchor(const SentenceScan& s, const std::vector<uint8_t>& strong, uint32_t from, Day day,
              std::vector<Found>* found) {
  found->erase(std::remove_if(found->begin(), found->end(),
                              [&](const Found& f) { return f.first >= from; }),
               found->end());
  Scan(s, strong, from, day, found);
}

// Reported speech and dated accounts inside one sentence; may start an account.
void AnchorSpeech(const SentenceScan& s, const std::vector<uint8_t>& strong,
                  std::optional<Day> reference, std::vector<Found>* found, Account* account) {
  uint32_t verb = 0;
  if (auto k = SpeechDate(s, *found, &verb)) {
    const Day day = *(*found)[*k].day;
    const auto speaker = SpeechAfter(s, verb > 0 ? verb : 0);
    account->speaker = speaker && speaker->first == verb ? speaker->second : std::string();
    if (account->speaker.empty() && verb + 1 < s.sentence.end_token &&
        (*found)[*k].end == verb) {
      account->speaker.clear();
    }
    *account = {account->speaker, day, s.sentence.paragraph, !account->speaker.empty()};
    const uint32_t from = std::max(verb + 1, (*found)[*k].end);
    if (!reference || day != *reference) Reanchor(s, strong, from, day, found);
    return;
  }
  for (const Found& f : *found) {
    if (!f.clause_anchor || !f.day) continue;
    const auto speaker = SpeechAfter(s, f.end);
    if (!speaker) continue;
    *account = {speaker->second, *f.day, s.sentence.paragraph, !speaker->second.empty()};
    Reanchor(s, strong, speaker->first + 1, *f.day, found);
    return;
  }
}

// True when the sentence goes on telling the account: it opens with the account's speaker or,
// in the same paragraph, with a personal pronoun.
bool Continues(const SentenceScan& s, const Account& account) {
  if (!account.active) return false;
  for (uint32_t i = s.sentence.first_token; i < s.sentence.end_token; ++i) {
    const Token& t = s.layer.tokens[i];
    if (t.kind == TokenKind::kQuote) continue;
    if (t.norm == account.speaker) return true;
    return (t.norm == "he" || t.norm == "she") && s.sentence.paragraph == account.paragraph;
  }
  return false;
}

// Times of day take the day of the nearest date in their sentence ("10:35 a.m. Friday").
void DateTimesOfDay(std::vector<Found>* found) {
  for (Found& t : *found) {
    if (!t.time_of_day) continue;
    const Found* best = nullptr;
    uint32_t best_distance = 9;
    for (const Found& d : *found) {
      if (!d.day || d.time_of_day) continue;
      const uint32_t dist = d.first > t.end ? d.first - t.end : t.first > d.end ? t.first - d.end : 0;
      if (dist < best_distance) best_distance = dist, best = &d;
    }
    if (best == nullptr) continue;
    t.value = times::FormatDay(*best->day) + t.value.substr(t.value.find('T'));
    t.relative = best->relative;
  }
}

// The anchor last written out: most expressions of a document share one (its date).
struct AnchorText {
  std::optional<Day> day;
  std::string text;
  const std::string& Of(Day d) {
    if (day != d) day = d, text = times::FormatDay(d);
    return text;
  }
};

// Fills `t`, a new element of the answer, in place; takes the strings of `f`, which is not read
// again.
void ToTimeExpr(const Document& doc, const TextLayer& layer, uint32_t sentence_index, Found& f,
                AnchorText* anchors, TimeExpr& t) {
  t.start = layer.tokens[f.first].start;
  t.end = layer.tokens[f.end - 1].end;
  t.text.assign(doc.text, t.start, t.end - t.start);
  t.sentence = sentence_index;
  t.type = f.type;
  t.value = std::move(f.value);
  t.value_max = std::move(f.value_max);
  if ((f.relative || f.limit) && f.anchor_day) t.anchor = anchors->Of(*f.anchor_day);
  if (f.limit && f.anchor_day) {
    t.deadline = Deadline{
        times::FormatDay(times::ShiftDay(*f.anchor_day, f.limit_unit, f.limit_min)),
        times::FormatDay(times::ShiftDay(*f.anchor_day, f.limit_unit, f.limit_max))};
  }
}

// Per-thread buffers that FindTimes reuses from document to document: a document of one
// sentence should cost no allocation before it finds anything.
struct Scratch {
  std::vector<uint32_t> candidates;  // GateTokens' buffer
  std::vector<uint8_t> strong;  // MarkStrong's answer for the tokens of one sentence, padded
  std::vector<Found> found;          // the findings of one sentence
  std::vector<Found> kept;           // the findings of the document, in order
  std::vector<uint32_t> kept_sentence;  // the sentence of each
};

}  // namespace

std::vector<TimeExpr> FindTimes(const Document& doc, const TextLayer& layer) {
  std::vector<TimeExpr> out;
  thread_local Scratch scratch;
  const std::span<const uint32_t> gate =
      times::GateTokens(doc.text, layer.tokens, &scratch.candidates);
  // A text with no time word costs the gate and nothing else (no date parsed, nothing built).
  if (gate.empty()) return out;
  const std::optional<Day> doc_anchor =
      doc.published ? times::ParseIsoDay(*doc.published) : std::nullopt;
  times::DocMemory memory;
  Account account;
  AnchorText anchors;
  std::vector<uint8_t>& strong = scratch.strong;
  std::vector<Found>& found = scratch.found;
  scratch.kept.clear();
  scratch.kept_sentence.clear();
  const uint32_t* next_candidate = gate.data();
  const uint32_t* const gated = gate.data() + gate.size();
  const auto n_sentences = static_cast<uint32_t>(layer.sentences.size());
  for (uint32_t si = 0; si < n_sentences; ++si) {
    // Past the last token the gate let through, nothing more is found; and while no account
    // goes on (the commonest case), a sentence with no such token changes nothing: go straight
    // to the sentence of the next one.
    if (next_candidate == gated) break;
    if (!account.active) {
      while (si < n_sentences && layer.sentences[si].end_token <= *next_candidate) ++si;
      if (si == n_sentences) break;
    }
    const SentenceScan s{doc, layer, layer.sentences[si], &memory};
    std::optional<Day> reference = doc_anchor;
    if (Continues(s, account)) {
      reference = account.day;
      account.paragraph = s.sentence.paragraph;
    } else {
      account.active = false;
    }
    // Most sentences hold no time word at all: the gate let no token of theirs through.
    while (next_candidate != gated && *next_candidate < s.sentence.first_token) ++next_candidate;
    const uint32_t* const from = next_candidate;
    while (next_candidate != gated && *next_candidate < s.sentence.end_token) ++next_candidate;
    if (from == next_candidate) continue;
    const uint32_t length = s.sentence.end_token - s.sentence.first_token;
    strong.resize(length + kStrongPad);
    std::memset(strong.data() + length, 0, kStrongPad);
    if (!times::MarkStrong(layer.tokens, s.sentence.first_token, s.sentence.end_token,
                           std::span<const uint32_t>(from, next_candidate), strong.data()))
      continue;
    found.clear();
    Scan(s, strong, s.sentence.first_token, reference, &found);
    AnchorSpeech(s, strong, reference, &found, &account);
    DateTimesOfDay(&found);
    // Mostly in order already (only a re-read sentence is not): sorting would move each one.
    const auto by_start = [](const Found& a, const Found& b) { return a.first < b.first; };
    if (!std::is_sorted(found.begin(), found.end(), by_start))
      std::sort(found.begin(), found.end(), by_start);
    for (Found& f : found) scratch.kept.push_back(std::move(f));
    scratch.kept_sentence.resize(scratch.kept.size(), si);
  }
  // The answer is allocated once, at its size, and its elements are built in place.
  out.reserve(scratch.kept.size());
  for (size_t k = 0; k < scratch.kept.size(); ++k)
    ToTimeExpr(doc, layer, scratch.kept_sentence[k], scratch.kept[k], &anchors, out.emplace_back());
  return out;
}

}  // namespace parley::extract
