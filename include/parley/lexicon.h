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
  Kind kind = Kind::kPerson;  // entry(entry).kind, so that callers need not load the entry
};

class PhraseTrie;

class Lexicon {
 public:
  ~Lexicon();
  // Loads and compiles the dictionaries of `dirs` (later folders layered over earlier ones).
  // Fails only when a folder is missing; bad lines are skipped and kept in diagnostics().
  static Result<std::shared_ptr<const Lexicon>> Load(const std::vector<std::string>& dirs);

  const std::vector<Entry>& entries() const { return entries_; }
  const Entry& entry(uint32_t id) const { return entries_[id]; }
  // entry(id).population from a dense array: callers that compare the populations of the
  // places a word may name read one small table, not a line of each (large) entry.
  uint64_t population(uint32_t id) const { return populations_[id]; }
  // Everything the loader and the consistency checks found wrong, in file order. The
  // consistency checks (checks.h) run at the first call, not in Load(): they only report,
  // and `parley code` never asks. Thread-safe (std::call_once).
  const std::vector<Diagnostic>& diagnostics() const;

  // Appends every phrase that starts at tokens[i] (within [i, end)) to `hits`, longest
  // first. Short all-capital names and names with inner dots ("US", "U.S.", "IS") match
  // only as written in `text`. A word token that starts in lower case starts only agents
  // (every other kind is written with a capital); other tokens start nothing. Words are
  // looked up by Token::key (hashed here only when a caller left it 0).
  // Inline: the gate (MayStart) rejects most tokens before any call.
  void Lookup(std::string_view text, const std::vector<Token>& tokens, uint32_t i, uint32_t end,
              std::vector<Hit>* hits) const {
    if (i >= end || tokens[i].kind != TokenKind::kWord) return;
    const bool lower = IsLowerAscii(text[tokens[i].start]);
    if (MayStart(tokens[i].key != 0 ? tokens[i].key : HashWord(tokens[i].norm), lower))
      LookupFrom(text, tokens, i, end, lower, hits);
  }

  // Lookup() for a word token that passed MayStart(key, lower) already (callers that gate
  // each word themselves): no second gate.
  void LookupGated(std::string_view text, const std::vector<Token>& tokens, uint32_t i, uint32_t end, bool lower,
                   std::vector<Hit>* hits) const {
    if (i < end) LookupFrom(text, tokens, i, end, lower, hits);
  }
  // A hint for callers about to look up several words (a sentence's): asks for the memory
  // the lookup of the word of key `key` reads first, and with `next_key` (the key of the
  // token after it, 0 for none) what a two-word name starting there reads, so that the
  // words' cache misses overlap. Changes no result. Inline (a call per word cost as much as
  // the hint): the trie's slot of a path is at trie_slots_ + (hash >> trie_shift_) * 32.
  void Prefetch(uint64_t key, uint64_t next_key = 0) const {
    if (trie_slots_ == nullptr) return;
    const uint64_t path = TrieStep(0, key);
    __builtin_prefetch(trie_slots_ + (path >> trie_shift_) * kTrieSlotBytes);
    if (next_key != 0) __builtin_prefetch(trie_slots_ + (TrieStep(path, next_key) >> trie_shift_) * kTrieSlotBytes);
  }
  // The hash of a path of word keys, one key at a time from 0: where the trie
  // (src/lexicon/phrase_trie.h) places a node's slot, the top bits.
  static constexpr uint64_t TrieStep(uint64_t path, uint64_t key) { return (path ^ key) * 0x9E3779B97F4A7C15ull; }
  static constexpr size_t kTrieSlotBytes = 32;

  // The gate Lookup() opens with, for callers that test more per word: false when no phrase
  // starts with the word of key `key` (Token::key; most words), one bit of a small bitmap
  // indexed by the key's top bits. A word written in lower case (`lower`: its first byte is
  // a-z) can start only agents, whose bitmap is smaller still.
  bool MayStart(uint64_t key, bool lower) const {
    const uint64_t bit = lower ? key >> (64 - kGateLowerBits) : key >> (64 - kGateBits);
    const uint64_t word = lower ? gate_lower_[bit >> 6] : gate_all_[bit >> 6];
    return ((word >> (bit & 63)) & 1) != 0;
  }
  static constexpr bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
  // A number no other Lexicon of this process has had: callers that derive tables from one
  // (a per-thread cache) key them by it, as an address may be reused by a later Lexicon.
  uint64_t serial() const { return serial_; }
  static constexpr int kGateBits = 18, kGateLowerBits = 15;  // 32 KB and 4 KB

  // The entry's code on `date` (YYYY-MM-DD; empty: the most recent code). A person with no
  // code covering the date and no default is their country plus ELI.
  std::string CodeOn(const Entry& entry, std::string_view date) const;
  // True when one of the entry's dated codes covers `date`.
  static bool InOffice(const Entry& entry, std::string_view date);

  // The same by entry id for callers that test many entries against one date (a document's):
  // `day` is DayOf(date), and the dates of office are read from a dense table of day numbers
  // built at load (no string compared, no entry line read until a code is returned).
  // DayOf("YYYY-MM-DD") is year*10000 + month*100 + day, ordered like the text; kNoDay for ""
  // and kTextDay for any other form: then the functions above answer.
  static constexpr int32_t kNoDay = 0, kTextDay = -1;
  static int32_t DayOf(std::string_view date);
  std::string CodeOnDay(uint32_t id, int32_t day, std::string_view date) const;
  bool InOfficeOnDay(uint32_t id, int32_t day, std::string_view date) const;

  // The gazetteer place named like `entry` in `country` with the largest population, or null.
  const Entry* PlaceIn(const Entry& entry, std::string_view country) const;
  // The country entry of an alpha-3 code, or null.
  const Entry* Country(std::string_view alpha3) const;

 private:
  friend class Builder;
  Lexicon();

  static uint64_t HashWord(std::string_view norm);  // util::WordKey
  void LookupFrom(std::string_view text, const std::vector<Token>& tokens, uint32_t i, uint32_t end, bool lower,
                  std::vector<Hit>* hits) const;

  std::vector<Entry> entries_;
  mutable std::once_flag checks_once_;
  mutable std::vector<Diagnostic> diagnostics_;  // the loader's; the checks' added at first use
  // MayStart's bitmaps: the top bits of the key of every first word (all kinds), and of the
  // first words of agents, the only phrases that match in lower case ("troops"), so that
  // "of" or "police" in lower case stop here too. Both stay in the first-level cache.
  std::vector<uint64_t> gate_all_, gate_lower_;
  // The names as a token trie keyed by word keys (src/lexicon/phrase_trie.h).
  std::unique_ptr<PhraseTrie> trie_;
  const char* trie_slots_ = nullptr;  // the trie's slot table (null when empty), for Prefetch
  int trie_shift_ = 64;
  std::unordered_map<std::string, uint32_t> countries_;  // alpha-3 -> entry
  std::unordered_map<std::string, std::vector<uint32_t>> places_;  // folded name -> places
  uint64_t serial_ = 0;
  std::vector<uint64_t> populations_;  // by entry
  // The dates of office as day numbers (DayOf; open ends as the lowest and highest): entry
  // id's are day_ranges_[dated_at_[id], dated_at_[id + 1]), in the order of Entry::dated.
  // day_dates_ is false when a date is not YYYY-MM-DD: then the string forms answer.
  struct DayRange {
    int32_t from, to;
  };
  std::vector<uint32_t> dated_at_;
  std::vector<DayRange> day_ranges_;
  bool day_dates_ = true;
  std::string CodeWithoutDate(const Entry& entry) const;  // CodeOn when no dated code covers the date
  void FillDayRanges();
};

}  // namespace parley::lexicon
