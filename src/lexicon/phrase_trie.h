// PhraseTrie: the Lexicon's compiled index of names for the one-pass scan over a text's
// tokens. A token trie keyed by word keys (Token::key, util::WordKey of the norm, computed
// once by the tokenizer), so that matching hashes no string and builds none.
//
// Input: the names as token sequences (Add), then Compile() once. Output: Lookup() appends the
// phrases that start at a token, longest first (within one length, in the order added,
// reversed: what the Lexicon always returned).
// Layout, for the cache (the scan runs at every capitalised word of every text): every node is
// one 32-byte slot of a single open-addressing table, found by (parent slot, word key) and
// placed by a hash of the path of word keys from the root. A slot holds what a step down the
// trie needs: the key check, whether there are children, and the node's phrase inline when it
// has one (most nodes; the others point into one flat array). A step reads one cache line, and
// since the placement depends on the words alone, callers can ask for the lines of a word and
// of the pair it starts (Lexicon::Prefetch, from the slot table) before they look anything up.
// Thread-safety: immutable after Compile(); Lookup() is const and safe from many threads.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/lexicon.h"
#include "parley/text.h"

namespace parley::lexicon {

// Allocates arrays of 2 MB or more on 2 MB boundaries and asks the kernel for huge pages (a
// hint, Linux only): the trie's slots are 4 MB read at random, and with 4 KB pages most lookups
// also missed the TLB.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocators convert implicitly
  T* allocate(size_t n);
  void deallocate(T* p, size_t) { std::free(p); }
  bool operator==(const HugePageAllocator&) const { return true; }
};

class PhraseTrie {
 public:
  struct Phrase {
    uint32_t entry = 0;
    Kind kind = Kind::kPerson;
    bool exact_case = false;  // matches only as written: surfaces_ [surface, surface + length)
    bool short_name = false;
    uint32_t surface = 0;
  };

  // Adds the phrase of `tokens` (norm and key set; offsets into `name`). The same entry with
  // the same case rule twice at one node is kept once ("Kyiv" listed twice).
  void Add(const std::vector<Token>& tokens, std::string_view name, Phrase phrase);
  // Lays the trie out flat; Add() may not be called after it.
  void Compile();

  // The word keys of the phrases' first words (agents' apart: they also start in lower
  // case), for the Lexicon's gate. Valid after Compile().
  template <typename F>
  void ForEachFirstWord(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.parent == kRoot) f(s.key, s.agent_start != 0);
    }
  }

  // Appends the phrases that start at tokens[i] within [i, end), longest first. With
  // `lower` (the word is written in lower case) only agents.
  void Lookup(std::string_view text, const std::vector<Token>& tokens, uint32_t i, uint32_t end, bool lower,
              std::vector<Hit>* hits) const;

  // The slot table and the shift that turns a path's hash into a slot index, for the
  // Lexicon's inline Prefetch (null when the table is empty). Valid after Compile().
  void SlotTable(const char** slots, int* shift) const {
    *slots = slots_.empty() ? nullptr : reinterpret_cast<const char*>(slots_.data());
    *shift = shift_;
  }

  // A token's key; computed here when the caller left it unset (0).
  static uint64_t KeyOf(const Token& t);

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFF;  // an empty slot's parent; no node
  static constexpr uint32_t kRoot = 0xFFFFFFFE;  // the parent of first words
  // A node: 32 bytes, aligned, two per cache line.
  struct alignas(32) Slot {
    uint64_t key = 0;          // word key of the edge into this node
    uint32_t parent = kNone;   // the parent's slot, kRoot, or kNone (an empty slot)
    uint32_t phrases = 0;      // phrase_count > 1: the first of them in phrases_
    uint16_t phrase_count = 0;
    uint8_t has_children = 0;
    uint8_t agent_start = 0;   // first words: a phrase under it is an agent
    Phrase phrase;             // phrase_count == 1: the phrase itself
  };
  static_assert(sizeof(Slot) == 32 && sizeof(Slot) == Lexicon::kTrieSlotBytes, "a slot is half a cache line");
  // Building: flat arrays, no allocation per node or phrase (the loader adds 35,000 phrases).
  // A node's children and phrases are singly linked lists through build_ and build_phrases_;
  // the root's children are also found through an open-addressing table of first-word keys.
  struct BuildNode {
    uint64_t key = 0;
    uint32_t first_child = kNone;   // build_ index; siblings linked by next_sibling
    uint32_t next_sibling = kNone;
    uint32_t first_phrase = kNone;  // build_phrases_ index, in the order added
    uint32_t last_phrase = kNone;
    bool agent_start = false;  // a first word that starts an agent
  };
  struct BuildPhrase {
    Phrase phrase;
    uint32_t next = kNone;
  };
  struct RootSlot {
    uint64_t key = 0;
    uint32_t node = kNone;
  };

  // The hash of a path of word keys, one key at a time (Step(0, first word) for a first word):
  // where a node's slot is probed first, the top bits.
  static uint64_t Step(uint64_t path, uint64_t key) { return Lexicon::TrieStep(path, key); }
  uint32_t Find(uint64_t path, uint32_t parent, uint64_t key) const;
  uint32_t Place(uint32_t build_node, uint64_t path, uint32_t parent);  // its slot
  bool SameSurface(std::string_view text, const std::vector<Token>& tokens, uint32_t i, const Phrase& p,
                   uint32_t length) const;
  uint32_t BuildChild(uint32_t parent, uint64_t key);
  RootSlot& RootSlotOf(uint64_t key);  // the root table's slot of `key`, or the empty one for it
  void GrowRoot();

  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  uint64_t mask_ = 0;
  int shift_ = 64;
  std::vector<Phrase> phrases_;         // of nodes with more than one phrase
  std::vector<std::string> surfaces_;   // tokens as written, of exact-case phrases

  std::vector<BuildNode> build_;  // node 0 is the root
  std::vector<BuildPhrase> build_phrases_;
  std::vector<RootSlot> root_;  // first word key -> build node
  size_t root_count_ = 0;
};

}  // namespace parley::lexicon
