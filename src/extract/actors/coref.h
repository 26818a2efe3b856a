// Coreference within one document, fed in text order by FindActors: lexical mentions get an
// entity (chain) id, repeated people point back to their previous mention, and pronouns and
// nominals ("he", "they", "the spokesman") are resolved to the first compatible mention of
// their own sentence before them, else of the nearest of the three previous sentences.
// Not thread-safe (one instance per document).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/flat_map.h"
#include "parley/annotations.h"

namespace parley::extract {

// What a mention can be referred back to by. Copied for every pronoun that resolves, so it
// holds no strings of its own: the role and titles live in the Lexicon, which outlives it.
struct MentionTraits {
  bool person = false;       // he/she/his, "the spokesman"
  bool plural = false;       // they/their ("Russian troops", "the Taliban")
  bool institution = false;  // its/they (countries, organisations, governments)
  char gender = 0;           // 'm', 'f' or 0 (unknown: either)
  std::string_view role_word;  // the folded role that introduced a person ("spokesman")
  const std::vector<std::string>* titles = nullptr;  // folded office words from the dictionary
};

// Same key, same chain: a person of the dictionary by entry id (most chains), anything
// else by a text key, a 64-bit hash of a tag and up to two strings (Text('g', "RUSGOV"),
// Text('u', "John Doe")): built without allocating, compared as one integer.
struct EntityKey {
  uint32_t entry = kNoEntry;
  uint64_t text = 0;  // used when entry is kNoEntry
  static constexpr uint32_t kNoEntry = 0xFFFFFFFF;
  static uint64_t Text(char tag, std::string_view a, std::string_view b = {});
};

enum class RefType { kHe, kShe, kThey, kIts, kNominal };

struct Reference {
  RefType type = RefType::kHe;
  std::string role;       // nominals: the folded phrase ("kremlin leader", "spokesman")
  std::string_view head;  // nominals: the folded agent alone ("leader"), owned by the Lexicon
  // Nominals that name their country ("the U.S. government"): only a mention of that country
  // may be referred back to; the explicit country wins over a role shared with another state.
  // Three letters in place ({} when none): a string here cost every piece a construction.
  std::array<char, 3> country{};
};

class Coref {
 public:
  Coref() = default;
  explicit Coref(std::vector<ActorMention>* out) : out_(out) {}
  // Starts a new document writing to `out`, keeping the memory of the last one (per-thread
  // scratch: a document then allocates nothing here).
  void Reset(std::vector<ActorMention>* out) {
    out_ = out;
    traits_.clear();
    person_entities_.Clear();
    entities_.Clear();
    last_in_entity_.clear();
  }

  // Room for `n` more mentions: growing the vectors one doubling at a time moved every
  // mention several times per document.
  void Reserve(size_t n) {
    out_->reserve(out_->size() + n);
    traits_.reserve(traits_.size() + n);
  }

  // Appends a lexical mention with its entity and antecedent set, and returns it for the
  // caller to fill the rest in place (text, span, sentence, code, name): a mention is built
  // once, where it stays. The reference is valid until the next Add.
  ActorMention& AddMention(const MentionTraits& traits, const EntityKey& key);
  // The mention a reference of `sentence` would resolve to, or null. Lets the caller build
  // the mention only for the few references that resolve.
  std::optional<size_t> Resolve(uint32_t sentence, const Reference& ref) const;
  // Appends a reference resolved by Resolve() to `antecedent`, known by its span (bytes
  // [start, end) of the text, `text`): the mention is built in place.
  void AddResolvedPronoun(uint32_t start, uint32_t end, uint32_t sentence, std::string_view text,
                          const Reference& ref, size_t antecedent);

 private:
  bool Compatible(size_t i, const Reference& ref) const;
  int32_t EntityOf(const EntityKey& key);
  int32_t NewEntity();

  std::vector<ActorMention>* out_ = nullptr;
  std::vector<MentionTraits> traits_;  // parallel to *out_
  util::FlatMap person_entities_;  // entry -> entity
  util::FlatMap entities_;         // EntityKey::text -> entity
  // Entity ids are dense (0, 1, 2 ... in order of appearance): a vector, not a map.
  static constexpr size_t kNoMention = static_cast<size_t>(-1);
  std::vector<size_t> last_in_entity_;  // entity -> index in *out_ of its last mention
};

}  // namespace parley::extract
