// Event patterns (dict/verbs/*.txt, format in dict/verbs/README.md) compiled into a set
// indexed by anchor word, and matched against the tokens of a sentence.
//
// Load() reads every pattern file of the given folders in order (later folders add to earlier
// ones), generating inflections; errors name file:line. Match() is a pure function over its
// arguments: thread-safe on a const PatternSet.
#pragma once

#include <cstdint>
#include <string>
#include <map>
#include <span>
#include <unordered_map>
#include <vector>

#include "code/inflect.h"
#include "parley/status.h"
#include "parley/text.h"

namespace parley::code {

enum class ElementKind : uint8_t { kWords, kTarget, kSource, kGap, kNumber };

struct Element {
  ElementKind kind = ElementKind::kWords;
  std::vector<std::string> words;  // kWords: accepted norms (inflections expanded)
  bool optional = false;
};

struct Pattern {
  std::string code;  // CAMEO code
  std::string id;    // shown in the output's `pattern`
  std::vector<Element> elements;
  bool speech = false;
  bool reciprocal = false;
  bool anchor_is_verb = false;  // the first element is a verb lemma (`word~`)
  bool continues = false;       // an event told again without its actors ("a second round")
  std::vector<std::string> requires_words;
  std::vector<std::string> forbids_words;
  int specificity = 0;  // fixed words and slots: the most specific match wins at one anchor
  std::string where;    // file:line
};

// One pattern matched at an anchor token. Token indexes are absolute (into TextLayer::tokens).
struct PatternMatch {
  uint32_t pattern = 0;
  uint32_t anchor = 0;  // first token
  uint32_t end = 0;     // one past the last matched token
  int32_t target_actor = -1;  // index into the actor mentions when TGT matched
  int32_t source_actor = -1;  // index when SRC matched
};

// What matching needs to know about actors: for each token of the sentence, the actor mention
// that starts there (-1 when none) and where it ends.
// Views of the coder's sentence data (no copies).
struct ActorSpans {
  std::span<const int32_t> starts_at;   // by token index relative to the sentence's first token
  std::span<const uint32_t> end_token;  // by actor index: absolute end token
  const std::vector<bool>* capitalized = nullptr;  // by relative token: starts with a capital
};

class PatternSet {
 public:
  // Loads the pattern files of dirs/verbs/ for each dir (missing folders are skipped).
  static Result<PatternSet> Load(const std::vector<std::string>& dirs);
  // Parses one pattern line; exposed for tests and `dict check`.
  static Result<Pattern> ParseLine(const std::string& line, const std::string& where,
                                   const std::unordered_map<std::string, std::vector<std::string>>& irregular);
  // The same with the irregular-verb table already built (what Load uses: built once).
  static Result<Pattern> ParseLine(const std::string& line, const std::string& where,
                                   const IrregularTable& irregular);

  void Add(Pattern p);
  size_t size() const { return patterns_.size(); }
  const Pattern& pattern(uint32_t i) const { return patterns_[i]; }

  // The most specific pattern matching at each anchor token of sentence `s`.
  std::vector<PatternMatch> Match(const std::vector<Token>& tokens, const Sentence& s,
                                  const ActorSpans& actors) const;

 private:
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_anchor_;
};

// True for number tokens and number words ("ten", "twelve").
bool IsNumberToken(const Token& t);

}  // namespace parley::code
