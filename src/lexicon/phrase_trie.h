// PhraseTrie: the Lexicon's compiled index of names for the one-pass scan over a text's
// tokens. A token trie keyed by word keys (Token::key, util::WordKey of the norm, computed
// once by the tokenizer), so that matching hashes no string and builds none.
//
// Input: the names as token sequences (Add), then Compile() once. Output: Lookup() appends the
// phrases that start at a token, longest first (within one length, in the order added,
// reversed: what the Lexicon always returned).
// Layout, for the cache (the scan runs at every capitalised word of every text): the first
// words sit in an open-addressing table of 8-byte slots (a 32-bit tag of the key and the
// node); nodes are one flat array with each node's children contiguous and sorted by key;
// phrases are one flat array. A miss costs one table line; a match a few more lines.
// Thread-safety: immutable after Compile(); Lookup() is const and safe from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/lexicon.h"
#include "parley/text.h"

namespace parley::lexicon {

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
    for (const Slot& s : first_) {
      if (s.node != kNone) f(nodes_[s.node].key, first_has_agent_[s.node]);
    }
  }

  // Appends the phrases that start at tokens[i] within [i, end), longest first. With
  // `lower` (the word is written in lower case) only agents.
  void Lookup(std::string_view text, const std::vector<Token>& tokens, uint32_t i, uint32_t end, bool lower,
              std::vector<Hit>* hits) const;

  // A token's key; computed here when the caller left it unset (0).
  static uint64_t KeyOf(const Token& t);

  // Asks for the first-word table line that Lookup() of the word of key `key` reads first.
  // A hint (it changes nothing): callers that will look up several words issue it for all of
  // them first, so that their cache misses overlap instead of following one another.
  void Prefetch(uint64_t key) const {
    if (!first_.empty()) __builtin_prefetch(&first_[key & first_mask_]);
  }

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFF;
  struct Node {
    uint64_t key = 0;          // word key of the edge into this node
    uint32_t children = 0;     // first child: children are contiguous, sorted by key
    uint32_t child_count = 0;
    uint32_t phrases = 0;      // first phrase in phrases_
    uint32_t phrase_count = 0;
  };
  struct Slot {
    uint32_t tag = 0;  // the key's high half
    uint32_t node = kNone;
  };
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

  uint32_t FindFirst(uint64_t key) const;
  uint32_t FindChild(const Node& n, uint64_t key) const;
  bool SameSurface(std::string_view text, const std::vector<Token>& tokens, uint32_t i, const Phrase& p,
                   uint32_t length) const;
  uint32_t BuildChild(uint32_t parent, uint64_t key);
  RootSlot& RootSlotOf(uint64_t key);  // the root table's slot of `key`, or the empty one for it
  void GrowRoot();

  std::vector<Slot> first_;
  uint64_t first_mask_ = 0;
  std::vector<Node> nodes_;
  std::vector<Phrase> phrases_;
  std::vector<std::string> surfaces_;   // tokens as written, of exact-case phrases
  std::vector<char> first_has_agent_;   // by node: a phrase under this first word is an agent

  std::vector<BuildNode> build_;  // node 0 is the root
  std::vector<BuildPhrase> build_phrases_;
  std::vector<RootSlot> root_;  // first word key -> build node
  size_t root_count_ = 0;
};

}  // namespace parley::lexicon
