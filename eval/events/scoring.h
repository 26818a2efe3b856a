// One-to-one matching of predicted events to gold events within one document, shared by the
// events scorers (score_events: the dev sets; score_news: hand-coded Wikinews articles).
// Inputs: gold events (each side a list of countries, empty = anything) and predicted events
// (one country per side), both already reduced to the type being compared. Output: counts of
// true positives, false positives and misses, and which gold and predicted events matched.
// Conventions (design.md, "Dev-set scoring"): a gold side listing several countries is matched
// by any one of them and further expansions of that compound event are not false positives, nor
// is one phrase coded towards two actors of the same country once one of them matched; an empty
// gold side or `---` accepts anything. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace parley::eval {

struct GoldEvent {
  std::vector<std::string> sources, targets;  // countries; empty = anything
  std::string type;
  int sentence = -1;  // where the gold event is told, when known: matched there first
};
struct Predicted {
  std::string source, target, type;
  std::string text;  // the verb phrase: two events of one phrase are one event at country level
  int sentence = -1;
};

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double P() const { return tp + fp == 0 ? 0 : double(tp) / (tp + fp); }
  double R() const { return tp + fn == 0 ? 0 : double(tp) / (tp + fn); }
  double F() const { return P() + R() == 0 ? 0 : 2 * P() * R() / (P() + R()); }
};

enum class Mode { kFull, kTypeOnly, kDyadOnly };

// Which events of one document matched: used_gold[g], used_pred[p]; counted_fp[p] is false for
// matched events and for expansions that the convention does not count.
struct Alignment {
  std::vector<bool> used_gold, used_pred, counted_fp;
};

inline bool SideMatches(const std::vector<std::string>& gold, const std::string& country) {
  if (gold.empty()) return true;
  for (const auto& g : gold) {
    if (g == "---" || g == country) return true;
  }
  return false;
}

inline bool Matches(const GoldEvent& g, const Predicted& p, Mode mode) {
  const bool dyad = SideMatches(g.sources, p.source) && SideMatches(g.targets, p.target);
  const bool type = g.type == p.type;
  return mode == Mode::kFull ? dyad && type : mode == Mode::kTypeOnly ? type : dyad;
}

// Whether two events are told in one sentence, as far as both know (-1: unknown).
inline bool SameSentence(int a, int b) { return a < 0 || b < 0 || a == b; }

// Whether an unmatched prediction is another expansion of a matched compound gold event, or the
// same phrase as a matched prediction towards the same countries, in the same sentence.
inline bool IsExpansion(const std::vector<GoldEvent>& gold, const std::vector<Predicted>& pred,
                        const Alignment& a, size_t p, Mode mode) {
  for (size_t g = 0; g < gold.size(); ++g) {
    if (a.used_gold[g] && Matches(gold[g], pred[p], mode) && SameSentence(gold[g].sentence, pred[p].sentence) &&
        (gold[g].sources.size() > 1 || gold[g].targets.size() > 1))
      return true;
  }
  for (size_t q = 0; q < pred.size(); ++q) {
    if (a.used_pred[q] && pred[q].source == pred[p].source && pred[q].target == pred[p].target &&
        pred[q].type == pred[p].type && pred[q].text == pred[p].text && SameSentence(pred[q].sentence, pred[p].sentence))
      return true;
  }
  return false;
}

inline Alignment Score(const std::vector<GoldEvent>& gold, const std::vector<Predicted>& pred, Mode mode,
                       Counts* c) {
  Alignment a{std::vector<bool>(gold.size(), false), std::vector<bool>(pred.size(), false),
              std::vector<bool>(pred.size(), false)};
  // First pass: events of the same sentence (when both sides know it), so that a gold event
  // does not take a matching prediction told elsewhere in the document from its own gold event.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t g = 0; g < gold.size(); ++g) {
      for (size_t p = 0; p < pred.size() && !a.used_gold[g]; ++p) {
        const bool same = gold[g].sentence >= 0 && gold[g].sentence == pred[p].sentence;
        if (!a.used_pred[p] && (pass == 1 || same) && Matches(gold[g], pred[p], mode)) {
          a.used_gold[g] = a.used_pred[p] = true;
          ++c->tp;
        }
      }
    }
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    if (a.used_pred[p] || IsExpansion(gold, pred, a, p, mode)) continue;
    a.counted_fp[p] = true;
    ++c->fp;
  }
  for (bool u : a.used_gold) c->fn += u ? 0 : 1;
  return a;
}

}  // namespace parley::eval
