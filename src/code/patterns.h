// Event patterns (dict/verbs/*.txt, format in dict/verbs/README.md) compiled into a set
// indexed by anchor word, and matched against the tokens of a sentence.
//
// Load() reads every pattern file of the given folders in order (later folders add to earlier
// ones), generating inflections and reading named word sets (`&NAME` lines); errors name
// file:line. Match() is a pure function over its arguments: thread-safe on a const PatternSet.
// The language also holds what the peers' (TABARI, PETRARCH) verb dictionaries need: words
// before the anchor, unbounded gaps, compound and skipped-phrase slots, named word sets, null
// codes, prefixes, sentence discards and an explicit rank; src/peers translates them into it.
#pragma once

#include <cstdint>
#include <string>
#include <istream>
#include <map>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "code/inflect.h"
#include "util/flat_map.h"
#include "parley/status.h"
#include "parley/text.h"

namespace parley::code {

// kAny: `...`, any run of tokens up to the end of the anchor's phrase (ActorSpans::phrase_end)
// or the sentence; kCompound: `CMP`, an actor (the peers' `%`); kSkip: `SKIP`, an actor or a
// noun phrase passed over (the peers' `^`); kPhrases: `&NAME`, one phrase of a named word set;
// kPrefix: `word*`, any token starting with one of the words (TABARI's stems).
enum class ElementKind : uint8_t { kWords, kTarget, kSource, kGap, kNumber, kAny, kCompound, kSkip, kPhrases, kPrefix };

struct Element {
  ElementKind kind = ElementKind::kWords;
  std::vector<std::string> words;  // kWords: accepted norms (inflections expanded); kPrefix: prefixes
  std::vector<std::vector<std::string>> phrases;  // kPhrases: the set's members, longest first
  bool optional = false;
  // WordKey of each of `words` (kWords), filled by PatternSet::Add: tokens are compared by
  // Token::key first, so a word that differs costs one integer compare.
  std::vector<uint64_t> keys;
  // One bit per key (key % 64), filled by PatternSet::Add: a token whose bit is not set is
  // none of the words, told by one test instead of a scan of `keys`.
  uint64_t key_bits = 0;
};

// Named word sets (`&NAME  member | two words | ...`), by lower-case name without `&`.
using WordSets = std::unordered_map<std::string, std::vector<std::vector<std::string>>>;

enum class Discard : uint8_t { kNone, kSentence, kStory };

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
  std::vector<uint64_t> requires_keys, forbids_keys;  // their WordKeys, filled by PatternSet::Add
  // Filled by PatternSet::Add, to turn a pattern away before matching: the elements other than
  // the anchor that must match one of their words, and whether a slot must match an actor.
  std::vector<uint32_t> required_words;
  bool needs_actor = false;
  int specificity = 0;  // fixed words and slots (or `rank=N`): the most specific match wins at one anchor
  bool ranked = false;  // `rank=N` set the specificity: ties go to the first pattern, not the longest match
  uint32_t anchor = 0;  // index of the anchor element (`@`): elements before it match leftwards
  uint32_t verb_first = 0, verb_end = 0;  // elements [verb_first, verb_end) are the verb (`a_@b_c`)
  bool null_code = false;  // code `---`: wins at its anchor and codes nothing
  bool peer_code = false;  // `peer`: the code is a peer's own (not checked against CAMEO; may be `A:B`)
  Discard discard = Discard::kNone;  // `discard=sentence|story`: the phrase stops coding
  std::string where;    // file:line
  const struct CameoCode* cameo = nullptr;  // FindCameo(code), set by PatternSet::Add: looked up once, not per event
};

// One pattern matched at an anchor token. Token indexes are absolute (into TextLayer::tokens).
struct PatternMatch {
  uint32_t pattern = 0;
  uint32_t anchor = 0;  // the anchor token
  uint32_t end = 0;     // one past the last matched token
  int32_t target_actor = -1;  // index into the actor mentions when TGT matched
  int32_t source_actor = -1;  // index when SRC matched
  int32_t compound_actor = -1;  // index when CMP matched
  // Index into the document's places when TGT matched a place with a country code ("closed its
  // embassy in Iran": the actor stage reports a country in a locative frame as a place).
  int32_t target_place = -1;
  uint32_t begin = 0;   // first matched token (before the anchor when words precede it)
  uint32_t verb_begin = 0, verb_end = 0;  // the tokens of the verb's own words
};

// What matching needs to know about actors: for each token of the sentence, the actor mention
// that starts there (-1 when none) and where it ends.
// Views of the coder's sentence data (no copies).
// The last two views are optional clause hints (from a parse, as the validator has): without
// them `...` runs to the sentence end and SKIP passes over an actor or one word.
struct ActorSpans {
  std::span<const int32_t> starts_at;   // by token index relative to the sentence's first token
  std::span<const uint32_t> end_token;  // by actor index: absolute end token
  std::span<const uint8_t> capitalized;  // by relative token: starts with a capital (empty: see `text`)
  std::string_view text;  // the document's text: with `capitalized` empty, capitals are read from it (empty: none known)
  std::span<const uint32_t> phrase_end;  // hint, by relative token: end of the phrase a verb there heads (0: none)
  std::span<const std::pair<uint32_t, uint32_t>> noun_phrases;  // hint: absolute [begin, end) of noun phrases
  // Places a TGT slot may take when no actor stands there (empty: none): by relative token,
  // the place starting there (-1 when none) and its absolute end token.
  std::span<const int32_t> place_at;
  std::span<const uint32_t> place_end;
};

class PatternSet {
 public:
  // Loads the pattern files of dirs/verbs/ for each dir (missing folders are skipped).
  static Result<PatternSet> Load(const std::vector<std::string>& dirs);
  // Parses one pattern line; exposed for tests and `dict check`.
  static Result<Pattern> ParseLine(const std::string& line, const std::string& where,
                                   const std::unordered_map<std::string, std::vector<std::string>>& irregular);
  // The same with the irregular-verb table already built (what Load uses: built once), and
  // the named word sets `&NAME` elements may use.
  static Result<Pattern> ParseLine(const std::string& line, const std::string& where,
                                   const IrregularTable& irregular, const WordSets* sets = nullptr);
  // Parses a `&NAME  member | two words | &OTHER` line into `sets` (members of an earlier set
  // named with `&` are copied in).
  static Status ParseWordSet(const std::string& line, const std::string& where, WordSets* sets);

  // Compiles the text of one pattern file (word sets and patterns), as Load() reads a file;
  // `name` is used in errors. Verbs are inflected by the regular rules only.
  static Result<PatternSet> Parse(std::string_view text, const std::string& name);

  void Add(Pattern p);
  // True when some pattern is anchored on this word (`norm`, lower case).
  bool IsAnchor(const std::string& norm) const { return by_anchor_.count(norm) != 0; }
  size_t size() const { return patterns_.size(); }
  const Pattern& pattern(uint32_t i) const { return patterns_[i]; }

  // The most specific pattern matching at each anchor token of sentence `s` (null codes win
  // and are left out). None when a discard phrase is in the sentence.
  std::vector<PatternMatch> Match(const std::vector<Token>& tokens, const Sentence& s,
                                  const ActorSpans& actors) const;
  // The same into `out` (cleared first), whose capacity a caller may reuse.
  void Match(const std::vector<Token>& tokens, const Sentence& s, const ActorSpans& actors,
             std::vector<PatternMatch>* out) const;
  // The strongest discard phrase of sentence `s` (kStory beats kSentence).
  Discard Discarded(const std::vector<Token>& tokens, const Sentence& s) const;

 private:
  std::vector<Pattern> patterns_;
  std::vector<uint32_t> discards_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_anchor_;
  // The test before matching a candidate pattern, in one record so that turning a pattern away
  // touches no Pattern: whether a slot needs an actor, the score the pattern starts from
  // (specificity), and for each element other than the anchor that must match one of its
  // words, a run in gate_keys_ of its WordKeys as filter bits (tested against a per-sentence
  // filter of the sentence's keys; format in patterns.cc, SentenceWords::MayHaveAll).
  struct Gate {
    uint32_t pattern = 0;
    uint32_t begin = 0, end = 0;  // the runs in gate_keys_
    int32_t score = 0;            // specificity * 100
    bool needs_actor = false;
    bool ranked = false;
    bool slot_next = false;  // the element after the anchor is a required actor slot
  };
  // The patterns tried at an anchor token, by Token::key, in pattern order: `open` are those
  // whose element after the anchor is not one required word. The others are in pair_lists_ under
  // PairKey(anchor word, next word), merged there with `open` (so a token whose next word fits
  // reads one list), and `pairs` lists those keys so that a later open pattern joins them too.
  struct AnchorPatterns {
    std::vector<Gate> open;
    std::vector<uint32_t> pairs;  // indexes into pair_lists_
  };
  std::vector<AnchorPatterns> anchors_;
  util::FlatMap anchor_index_;  // anchor word key -> index into anchors_ ("by_key")
  std::vector<std::vector<Gate>> pair_lists_;
  util::FlatMap pair_index_;  // PairKey -> index into pair_lists_ ("by_pair")
  void IndexAnchor(uint32_t index, const Pattern& p);
  // The candidates at anchor token t (whose key is `key`), or null.
  const std::vector<Gate>* CandidatesAt(const std::vector<Token>& tokens, const Sentence& s, uint32_t t,
                                        uint64_t key) const;
  // The keys of the anchor words, one bit each by the key's low bits: most tokens are no anchor,
  // and this turns them away with one load (the key was computed by the tokenizer).
  static constexpr uint64_t kAnchorBits = uint64_t{1} << 16;
  std::vector<uint64_t> anchor_keys_ = std::vector<uint64_t>(kAnchorBits / 64);
  bool MayBeAnchor(uint64_t key) const { return (anchor_keys_[key / 64 % (kAnchorBits / 64)] >> (key % 64) & 1) != 0; }
  std::vector<Gate> gates_;  // by pattern index
  std::vector<uint64_t> gate_keys_;
  void AddGate(const Pattern& p);
  Status AddLines(std::istream& in, const std::string& name, const IrregularTable& table, WordSets* sets);
};

// True when token `t` is a word starting with a capital letter (or a non-ASCII letter) in `text`.
inline bool StartsWithCapital(std::string_view text, const Token& t) {
  const unsigned char c = static_cast<unsigned char>(text[t.start]);
  return t.kind == TokenKind::kWord && ((c >= 'A' && c <= 'Z') || c >= 0xC3);
}

// True for number tokens and number words ("ten", "twelve").
bool IsNumberToken(const Token& t);

}  // namespace parley::code
