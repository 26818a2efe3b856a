#include "lexicon/phrase_trie.h"

#include <algorithm>

#include "util/hash.h"

namespace parley::lexicon {

uint64_t PhraseTrie::KeyOf(const Token& t) { return t.key != 0 ? t.key : WordKey(t.norm); }

uint32_t PhraseTrie::BuildChild(uint32_t parent, uint64_t key) {
  if (parent == 0) {
    auto [it, fresh] = root_.try_emplace(key, static_cast<uint32_t>(build_.size()));
    if (!fresh) return it->second;
  } else {
    for (const auto& [k, child] : build_[parent].children) {
      if (k == key) return child;
    }
  }
  const auto child = static_cast<uint32_t>(build_.size());
  build_[parent].children.emplace_back(key, child);
  build_.emplace_back().key = key;
  return child;
}

void PhraseTrie::Add(const std::vector<Token>& tokens, std::string_view name, Phrase phrase) {
  if (tokens.empty()) return;
  if (build_.empty()) build_.emplace_back();
  uint32_t node = 0;
  for (const Token& t : tokens) node = BuildChild(node, KeyOf(t));
  if (phrase.kind == Kind::kAgent) build_[BuildChild(0, KeyOf(tokens[0]))].agent_start = true;
  auto& payload = build_[node].phrases;
  for (const Phrase& q : payload) {
    if (q.entry == phrase.entry && q.exact_case == phrase.exact_case) return;
  }
  if (phrase.exact_case) {
    phrase.surface = static_cast<uint32_t>(surfaces_.size());
    for (const Token& t : tokens) surfaces_.emplace_back(name.substr(t.start, t.end - t.start));
  }
  payload.push_back(phrase);
}

// Breadth first: a node's children get consecutive ids, so one node's children are one range.
void PhraseTrie::Compile() {
  if (build_.empty()) build_.emplace_back();
  std::vector<uint32_t> order{0};  // build ids in the new order
  order.reserve(build_.size());
  nodes_.assign(1, Node{});
  nodes_.reserve(build_.size());
  first_has_agent_.assign(build_.size(), 0);
  for (size_t q = 0; q < order.size(); ++q) {
    BuildNode& b = build_[order[q]];
    std::sort(b.children.begin(), b.children.end());
    nodes_[q].children = static_cast<uint32_t>(order.size());
    nodes_[q].child_count = static_cast<uint32_t>(b.children.size());
    nodes_[q].phrases = static_cast<uint32_t>(phrases_.size());
    nodes_[q].phrase_count = static_cast<uint32_t>(b.phrases.size());
    phrases_.insert(phrases_.end(), b.phrases.begin(), b.phrases.end());
    for (const auto& [key, child] : b.children) {
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
  root_ = {};
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
