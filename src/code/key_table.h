// KeyTable: a map from 64-bit word keys (util::WordKey, already well mixed) to 32-bit values,
// for the lookups the matcher makes at every anchor token. Open addressing in a power-of-two
// array probed from the key's low bits: a lookup is a mask and a compare or two, where
// std::unordered_map divides by a prime and follows a node pointer.
//
// Input: Insert(key, value) while a PatternSet is built. Output: Find(key), the value or
// kMissing. Not thread-safe to insert; safe to read from many threads once built. Copyable.
#pragma once

#include <cstdint>
#include <vector>

namespace parley::code {

class KeyTable {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  uint32_t Find(uint64_t key) const {
    if (slots_.empty()) return kMissing;
    const uint64_t mask = slots_.size() - 1;
    for (uint64_t i = key & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.value == kMissing || s.key == key) return s.value;
    }
  }

  // Sets the value of `key` (a new key, or a new value for one already there).
  void Insert(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot& s = SlotOf(key);
    if (s.value == kMissing) ++size_;
    s = Slot{key, value};
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = kMissing;  // kMissing: empty
  };
  Slot& SlotOf(uint64_t key) {
    const uint64_t mask = slots_.size() - 1;
    uint64_t i = key & mask;
    while (slots_[i].value != kMissing && slots_[i].key != key) i = (i + 1) & mask;
    return slots_[i];
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    for (const Slot& s : old)
      if (s.value != kMissing) SlotOf(s.key) = s;
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace parley::code
