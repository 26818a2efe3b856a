#include "lexicon/phrase_trie.h"

#include <algorithm>

#include "util/hash.h"

namespace parley::lexicon {

uint64_t PhraseTrie::KeyOf(const Token& t) { return t.key != 0 ? t.key : WordKey(t.norm); }

PhraseTrie::RootSlot& PhraseTrie::RootSlotOf(uint64_t key) {
  const uint64_t mask = root_.size() - 1;
  for (uint64_t i = key & mask;; i = (i + 1) & mask) {
    if (root_[i].node == kNone || root_[i].key == key) return root_[i];
  }
}

void PhraseTrie::GrowRoot() {
  std::vector<RootSlot> old(std::max<size_t>(1024, root_.size() * 2));
  old.swap(root_);
  for (const RootSlot& s : old) {
    if (s.node != kNone) RootSlotOf(s.key) = s;
  }
}

uint32_t PhraseTrie::BuildChild(uint32_t parent, uint64_t key) {
  RootSlot* slot = nullptr;
  if (parent == 0) {
    if ((root_count_ + 1) * 2 > root_.size()) GrowRoot();
    slot = &RootSlotOf(key);
    if (slot->node != kNone) return slot->node;
  } else {
    for (uint32_t c = build_[parent].first_child; c != kNone; c = build_[c].next_sibling) {
      if (build_[c].key == key) return c;
    }
  }
  const auto child = static_cast<uint32_t>(build_.size());
  build_.emplace_back().key = key;
  build_[child].next_sibling = build_[parent].first_child;
  build_[parent].first_child = child;
  if (slot != nullptr) {
    *slot = RootSlot{key, child};
    ++root_count_;
  }
  return child;
}

void PhraseTrie::Add(const std::vector<Token>& tokens, std::string_view name, Phrase phrase) {
  if (tokens.empty()) return;
  if (build_.empty()) build_.emplace_back();
  uint32_t node = 0;
  for (const Token& t : tokens) node = BuildChild(node, KeyOf(t));
  if (phrase.kind == Kind::kAgent) build_[BuildChild(0, KeyOf(tokens[0]))].agent_start = true;
  for (uint32_t q = build_[node].first_phrase; q != kNone; q = build_phrases_[q].next) {
    const Phrase& seen = build_phrases_[q].phrase;
    if (seen.entry == phrase.entry && seen.exact_case == phrase.exact_case) return;
  }
  if (phrase.exact_case) {
    phrase.surface = static_cast<uint32_t>(surfaces_.size());
    for (const Token& t : tokens) surfaces_.emplace_back(name.substr(t.start, t.end - t.start));
  }
  const auto q = static_cast<uint32_t>(build_phrases_.size());
  build_phrases_.push_back(BuildPhrase{phrase, kNone});
  BuildNode& n = build_[node];
  (n.last_phrase == kNone ? n.first_phrase : build_phrases_[n.last_phrase].next) = q;
  n.last_phrase = q;
}

// Breadth first: a node's children get consecutive ids, so one node's children are one range.
void PhraseTrie::Compile() {
  if (build_.empty()) build_.emplace_back();
  std::vector<uint32_t> order{0};  // build ids in the new order
  order.reserve(build_.size());
  nodes_.assign(1, Node{});
  nodes_.reserve(build_.size());
  phrases_.reserve(build_phrases_.size());
  first_has_agent_.assign(build_.size(), 0);
  std::vector<std::pair<uint64_t, uint32_t>> children;
  for (size_t q = 0; q < order.size(); ++q) {
    const BuildNode& b = build_[order[q]];
    children.clear();
    for (uint32_t c = b.first_child; c != kNone; c = build_[c].next_sibling) children.emplace_back(build_[c].key, c);
    std::sort(children.begin(), children.end());
    nodes_[q].children = static_cast<uint32_t>(order.size());
    nodes_[q].child_count = static_cast<uint32_t>(children.size());
    nodes_[q].phrases = static_cast<uint32_t>(phrases_.size());
    for (uint32_t p = b.first_phrase; p != kNone; p = build_phrases_[p].next) phrases_.push_back(build_phrases_[p].phrase);
    nodes_[q].phrase_count = static_cast<uint32_t>(phrases_.size()) - nodes_[q].phrases;
    for (const auto& [key, child] : children) {
      first_has_agent_[order.size()] = q == 0 && build_[child].agent_start;
      order.push_back(child);
      nodes_.emplace_back().key = key;
    }
  }
  size_t size = 1024;
  while (size < nodes_[0].child_count * 2) size *= 2;
  first_.assign(size, Slot{});
  first_mask_ = size - 1;
  for (uint32_t c = nodes_[0].children; c < nodes_[0].children + nodes_[0].child_count; ++c) {
    uint64_t i = nodes_[c].key & first_mask_;
    while (first_[i].node != kNone) i = (i + 1) & first_mask_;
    first_[i] = {static_cast<uint32_t>(nodes_[c].key >> 32), c};
  }
  build_ = {};
  build_phrases_ = {};
  root_ = {};
  root_count_ = 0;
}

uint32_t PhraseTrie::FindFirst(uint64_t key) const {
  const auto tag = static_cast<uint32_t>(key >> 32);
  for (uint64_t i = key & first_mask_;; i = (i + 1) & first_mask_) {
    const Slot& s = first_[i];
    if (s.node == kNone) return kNone;
    if (s.tag == tag && nodes_[s.node].key == key) return s.node;
  }
}

// Most nodes have a child or two (a scan); "New", "San" or "Saint" have many (a search).
uint32_t PhraseTrie::FindChild(const Node& n, uint64_t key) const {
  const Node* first = nodes_.data() + n.children;
  const Node* last = first + n.child_count;
  if (n.child_count > 8) {
    first = std::lower_bound(first, last, key, [](const Node& c, uint64_t k) { return c.key < k; });
    return first != last && first->key == key ? static_cast<uint32_t>(first - nodes_.data()) : kNone;
  }
  for (; first != last; ++first) {
    if (first->key == key) return static_cast<uint32_t>(first - nodes_.data());
  }
  return kNone;
}

bool PhraseTrie::SameSurface(std::string_view text, const std::vector<Token>& tokens, uint32_t i, const Phrase& p,
                             uint32_t length) const {
  for (uint32_t k = 0; k < length; ++k) {
    const Token& t = tokens[i + k];
    if (text.substr(t.start, t.end - t.start) != surfaces_[p.surface + k]) return false;
  }
  return true;
}

void PhraseTrie::Lookup(std::string_view text, const std::vector<Token>& tokens, uint32_t i, uint32_t end,
                        bool lower, std::vector<Hit>* hits) const {
  if (i >= end || first_.empty()) return;
  const size_t before = hits->size();
  uint32_t node = FindFirst(KeyOf(tokens[i]));
  for (uint32_t j = i; node != kNone;) {
    const Node& n = nodes_[node];
    for (uint32_t k = n.phrases; k < n.phrases + n.phrase_count; ++k) {
      const Phrase& p = phrases_[k];
      if (lower && p.kind != Kind::kAgent) continue;  // what news writes in lower case
      if (p.exact_case && !SameSurface(text, tokens, i, p, j + 1 - i)) continue;
      hits->push_back({i, j + 1, p.entry, p.short_name, p.kind});
    }
    if (++j >= end || n.child_count == 0) break;
    node = FindChild(n, KeyOf(tokens[j]));
  }
  std::reverse(hits->begin() + static_cast<std::ptrdiff_t>(before), hits->end());
}

}  // namespace parley::lexicon
