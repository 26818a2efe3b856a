#include "lexicon/phrase_trie.h"

#include <algorithm>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "util/hash.h"

namespace parley::lexicon {

template <typename T>
T* HugePageAllocator<T>::allocate(size_t n) {
  constexpr size_t kHuge = size_t{2} << 20;
  size_t bytes = n * sizeof(T);
  const size_t align = bytes >= kHuge ? kHuge : 64;
  bytes = (bytes + align - 1) / align * align;  // aligned_alloc wants a multiple of the alignment
  void* p = std::aligned_alloc(align, bytes);
  if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (align == kHuge) madvise(p, bytes, MADV_HUGEPAGE);
#endif
  return static_cast<T*>(p);
}

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

// Every node gets the slot its path's hash points to (or the next free one): at most half
// the table is used, so a probe that finds nothing reads one or two slots.
void PhraseTrie::Compile() {
  if (build_.empty()) build_.emplace_back();
  size_t size = 1024;
  while (size < build_.size() * 2) size *= 2;
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  shift_ = 64;
  for (size_t s = size; s > 1; s >>= 1) --shift_;
  phrases_.reserve(build_phrases_.size() / 8);
  // Parents before children: a child's slot records its parent's.
  struct Pending {
    uint32_t node;  // build_ index
    uint32_t parent;  // the parent's slot, or kRoot
    uint64_t path;
  };
  std::vector<Pending> stack;
  for (uint32_t c = build_[0].first_child; c != kNone; c = build_[c].next_sibling)
    stack.push_back({c, kRoot, Step(0, build_[c].key)});
  while (!stack.empty()) {
    const Pending p = stack.back();
    stack.pop_back();
    const uint32_t slot = Place(p.node, p.path, p.parent);
    for (uint32_t c = build_[p.node].first_child; c != kNone; c = build_[c].next_sibling)
      stack.push_back({c, slot, Step(p.path, build_[c].key)});
  }
  build_ = {};
  build_phrases_ = {};
  root_ = {};
  root_count_ = 0;
}

uint32_t PhraseTrie::Place(uint32_t build_node, uint64_t path, uint32_t parent) {
  const BuildNode& b = build_[build_node];
  size_t i = path >> shift_;
  while (slots_[i].parent != kNone) i = (i + 1) & mask_;
  Slot& s = slots_[i];
  s.key = b.key;
  s.parent = parent;
  s.has_children = b.first_child != kNone;
  s.agent_start = parent == kRoot && b.agent_start;
  uint32_t count = 0;
  for (uint32_t p = b.first_phrase; p != kNone; p = build_phrases_[p].next) ++count;
  s.phrase_count = static_cast<uint16_t>(count);
  if (count == 1) {
    s.phrase = build_phrases_[b.first_phrase].phrase;
  } else if (count > 1) {
    s.phrases = static_cast<uint32_t>(phrases_.size());
    for (uint32_t p = b.first_phrase; p != kNone; p = build_phrases_[p].next) phrases_.push_back(build_phrases_[p].phrase);
  }
  return static_cast<uint32_t>(i);
}

uint32_t PhraseTrie::Find(uint64_t path, uint32_t parent, uint64_t key) const {
  for (size_t i = path >> shift_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.parent == kNone) return kNone;
    if (s.key == key && s.parent == parent) return static_cast<uint32_t>(i);
  }
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
  if (i >= end || slots_.empty()) return;
  const size_t before = hits->size();
  uint64_t key = KeyOf(tokens[i]);
  uint64_t path = Step(0, key);
  uint32_t at = Find(path, kRoot, key);
  for (uint32_t j = i; at != kNone;) {
    const Slot& n = slots_[at];
    const Phrase* first = n.phrase_count == 1 ? &n.phrase : phrases_.data() + n.phrases;
    for (const Phrase* p = first; p != first + n.phrase_count; ++p) {
      if (lower && p->kind != Kind::kAgent) continue;  // what news writes in lower case
      if (p->exact_case && !SameSurface(text, tokens, i, *p, j + 1 - i)) continue;
      hits->push_back({i, j + 1, p->entry, p->short_name, p->kind});
    }
    if (++j >= end || !n.has_children) break;
    key = KeyOf(tokens[j]);
    path = Step(path, key);
    at = Find(path, at, key);
  }
  std::reverse(hits->begin() + static_cast<std::ptrdiff_t>(before), hits->end());
}

template struct HugePageAllocator<PhraseTrie::Slot>;

}  // namespace parley::lexicon
