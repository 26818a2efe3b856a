// Lexicon: parley's dictionaries (actors, agents, places, later verb patterns) compiled once
// into an immutable structure with stable ids. Loaded from one or more dictionary folders
// layered in order (see dict/README.md): the ISO 3166-1 countries from Debian's iso-codes come
// first, then each folder's actors/, agents/ and places/ files; an entry of a later folder with
// the same canonical name (and kind) replaces the earlier one.
//
// Input: folders of plain-text dictionaries. Output: entries with stable ids (the index into
// entries()) and a token trie keyed on Token::norm for one-pass, longest-match-first lookup.
// Bad lines never stop a load: they are skipped and recorded as Diagnostics (what
// `parley dict check` prints). Immutable after Load(): safe to share across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/status.h"
#include "parley/text.h"

namespace parley::lexicon {

enum class Kind : uint8_t {
  kPerson,
  kCountry,       // a state ("Russia"): an actor, or a place after "in", "across" ...
  kCapital,       // a capital ("Moscow"): the government when it acts, a place otherwise
  kSeat,          // a seat of power ("the Kremlin"): always the government
  kOrganisation,  // IGOs, NGOs, companies, parties
  kGroup,         // armed and militant groups
  kAdjective,     // a demonym or adjective ("Russian"): combines with an agent
  kAgent,         // a role ("troops", "spokesman"): combines with a country or organisation
  kPlace,         // a gazetteer place (places/*.tsv)
};
const char* KindName(Kind kind);

// A code valid over an inclusive range of ISO dates; an empty end is open.
struct DatedCode {
  std::string code;
  std::string from;  // YYYY-MM-DD or ""
  std::string to;    // YYYY-MM-DD or ""
};

struct Entry {
  Kind kind = Kind::kPerson;
  std::string name;                // canonical name (the first phrase)
  std::vector<std::string> names;  // every phrase, as written (leading "the" removed)
  std::vector<DatedCode> dated;    // dates of office
  std::string code;                // the undated default code ("" when none); agents: the role
  char gender = 0;                 // 'm', 'f' or 0
  bool plural = false;             // agents such as "troops": "they" can refer back to them
  std::vector<std::string> titles;  // folded office words ("president", "kremlin leader")
  std::string country;              // places: ISO alpha-3
  std::optional<double> lat, lon;   // places
  uint64_t population = 0;          // places
  std::string origin;               // file:line of the entry
  std::string folded;               // agents: the name case-folded (coreference compares roles)
};

// One problem found in a dictionary line.
struct Diagnostic {
  std::string file;
  uint32_t line = 0;
  bool error = true;  // false: a warning (reported, does not fail `dict check`)
  std::string message;
  std::string ToString() const;  // "file:line: error: message"
};

// A phrase found in the text: tokens [begin, end) match `entry`.
struct Hit {
  uint32_t begin = 0, end = 0;
  uint32_t entry = 0;
  bool short_name = false;  // a single-token phrase that is not the entry's canonical name
};

class Lexicon {
 public:
  // Loads and compiles the dictionaries of `dirs` (later folders layered over earlier ones).
  // Fails only when a folder is missing; bad lines are skipped and kept in diagnostics().
  static Result<std::shared_ptr<const Lexicon>> Load(const std::vector<std::string>& dirs);

  const std::vector<Entry>& entries() const { return entries_; }
  const Entry& entry(uint32_t id) const { return entries_[id]; }
  // Everything the loader and the consistency checks found wrong, in file order. The
  // consistency checks (checks.h) run at the first call, not in Load(): they only report,
  // and `parley code` never asks. Thread-safe (std::call_once).
  const std::vector<Diagnostic>& diagnostics() const;

  // Appends every phrase that starts at tokens[i] (within [i, end)) to `hits`, longest
  // first. Short all-capital names and names with inner dots ("US", "U.S.", "IS") match
  // only as written in `text`. A word token that starts in lower case starts only agents
  // (every other kind is written with a capital); other tokens start nothing.
  // Inline: a cheap test rejects most tokens before any hashing or call.
  void Lookup(std::string_view text, const std::vector<Token>& tokens, uint32_t i, uint32_t end,
              std::vector<Hit>* hits) const {
    if (i < end && tokens[i].kind == TokenKind::kWord && QuickMayStart(text, tokens[i]))
      LookupFrom(text, tokens, i, end, hits);
  }

  // The first test Lookup() makes, for callers that test more per word with the same key:
  // false when no phrase starts with a word of QuickKey(norm) `key` (most words). A word
  // written in lower case (`lower`) can start only agents.
  static uint32_t QuickKey(std::string_view w) {
    const uint32_t n = static_cast<uint32_t>(w.size());
    const uint32_t a = static_cast<unsigned char>(w[0]), b = n > 1 ? static_cast<unsigned char>(w[1]) : 0,
                   c = static_cast<unsigned char>(w[n - 1]);
    return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u) ^ (c * 0xC2B2AE3Du) ^ (n * 0x27D4EB2Fu)) >> (32 - kQuickBits);
  }
  bool MayStartQuick(uint32_t key, bool lower) const {
    const std::vector<uint64_t>& bits = lower ? quick_lower_ : quick_all_;
    return ((bits[key >> 6] >> (key & 63)) & 1) != 0;
  }
  static constexpr uint32_t kQuickBits = 18;

  // The entry's code on `date` (YYYY-MM-DD; empty: the most recent code). A person with no
  // code covering the date and no default is their country plus ELI.
  std::string CodeOn(const Entry& entry, std::string_view date) const;
  // True when one of the entry's dated codes covers `date`.
  static bool InOffice(const Entry& entry, std::string_view date);

  // The gazetteer place named like `entry` in `country` with the largest population, or null.
  const Entry* PlaceIn(const Entry& entry, std::string_view country) const;
  // The country entry of an alpha-3 code, or null.
  const Entry* Country(std::string_view alpha3) const;

 private:
  friend class Builder;
  Lexicon() = default;

  // An open-addressing table (power-of-two size, linear probing) from a non-zero 64-bit key
  // to a 32-bit value. The trie is walked at every token; std::unordered_map's chained
  // buckets and modulo made that walk cost more than splitting the text.
  class FlatTable {
   public:
    void Insert(uint64_t key, uint32_t value);
    // Sizes the table for `n` keys at once (growing by doubling rehashed every key a few times).
    void Reserve(size_t n);
    // The value of `key`, or kMissing.
    uint32_t Find(uint64_t key) const {
      if (slots_.empty()) return kMissing;
      for (uint64_t i = Mix(key) & mask_;; i = (i + 1) & mask_) {
        if (slots_[i].key == key) return slots_[i].value;
        if (slots_[i].key == 0) return kMissing;
      }
    }
    static constexpr uint32_t kMissing = 0xFFFFFFFF;

   private:
    struct Slot {
      uint64_t key = 0;
      uint32_t value = 0;
    };
    static uint64_t Mix(uint64_t k) { return (k * 0x9E3779B97F4A7C15ull) >> 20; }
    void Grow();
    std::vector<Slot> slots_;
    uint64_t mask_ = 0;
    size_t size_ = 0;
  };
  static uint64_t WordKey(std::string_view w);  // never 0
  void LookupFrom(std::string_view text, const std::vector<Token>& tokens, uint32_t i, uint32_t end,
                  std::vector<Hit>* hits) const;
  // Before hashing a token: a bitmap over (length, first two bytes, last byte) of the words
  // that start a phrase, one for words written in lower case (agents) and one for all.
  // Most lower-case words ("the", "said") stop here at the cost of a few instructions.
  bool QuickMayStart(std::string_view text, const Token& t) const {
    if (t.norm.empty()) return false;
    const char c0 = text[t.start];
    return MayStartQuick(QuickKey(t.norm), c0 >= 'a' && c0 <= 'z');
  }
  std::vector<uint64_t> quick_all_, quick_lower_;
  uint32_t WordId(std::string_view w) const;    // FlatTable::kMissing when not in any name
  struct Phrase {
    uint32_t entry;
    bool exact_case;
    bool short_name;
    std::vector<std::string> surface;  // tokens as written, for exact-case phrases
  };

  std::vector<Entry> entries_;
  mutable std::once_flag checks_once_;
  mutable std::vector<Diagnostic> diagnostics_;  // the loader's; the checks' added at first use
  // Words are known by their 64-bit hash alone: with some 50,000 words, the chance that a
  // token of the text collides with one is about 1e-15 per token.
  FlatTable vocabulary_;             // WordKey(norm) -> word id
  uint32_t word_count_ = 0;
  std::vector<uint32_t> root_child_;  // word id -> child of the root (kMissing: none)
  // A Bloom filter (two bits a word, 32 KB: stays in cache) of the words that start a phrase:
  // most tokens of a text start none, and this rejects them without touching the tables.
  // A second filter holds the first words of agents, the only phrases that match in lower
  // case ("troops"), so that "of" or "police" in lower case stop here too.
  std::vector<uint64_t> first_words_, first_words_lower_;
  static bool MayStart(const std::vector<uint64_t>& filter, uint64_t key) {
    const uint64_t a = key & kFilterMask, b = (key >> 32) & kFilterMask;
    return ((filter[a >> 6] >> (a & 63)) & (filter[b >> 6] >> (b & 63)) & 1) != 0;
  }
  static void AddToFilter(std::vector<uint64_t>* filter, uint64_t key) {
    const uint64_t a = key & kFilterMask, b = (key >> 32) & kFilterMask;
    (*filter)[a >> 6] |= uint64_t{1} << (a & 63);
    (*filter)[b >> 6] |= uint64_t{1} << (b & 63);
  }
  static constexpr uint64_t kFilterBits = 1u << 18, kFilterMask = kFilterBits - 1;
  FlatTable edges_;                   // (node << 32 | word) + 1 -> child node
  std::vector<std::vector<Phrase>> nodes_;        // node 0 is the root
  std::unordered_map<std::string, uint32_t> countries_;  // alpha-3 -> entry
  std::unordered_map<std::string, std::vector<uint32_t>> places_;  // folded name -> places
};

}  // namespace parley::lexicon
