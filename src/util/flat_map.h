// FlatMap: a small open-addressing hash map from 64-bit keys to 32-bit values: the actor
// stage's per-document state (people introduced, surnames, coreference chains) kept in
// per-thread scratch, and the event matcher's anchor and word-pair indexes. Clear() is O(1) (a generation counter marks the live slots),
// and the table allocates only when a document needs more room than any before it on the
// thread, so a document costs no allocation and no per-node free as std::unordered_map did.
// Keys are any 64-bit value (word keys, entry ids); values are never removed one by one.
// Not thread-safe to write: one instance per thread (or per document); a built map may be
// read from many threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::util {

class FlatMap {
 public:
  void Clear() {
    count_ = 0;
    if (++gen_ != 0) return;
    for (Slot& s : slots_) s.gen = 0;  // the counter wrapped: forget every slot for real
    gen_ = 1;
  }
  bool empty() const { return count_ == 0; }

  // The value of `key`, or null.
  const uint32_t* Find(uint64_t key) const {
    if (count_ == 0) return nullptr;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.gen != gen_) return nullptr;
      if (s.key == key) return &s.value;
    }
  }
  bool Contains(uint64_t key) const { return Find(key) != nullptr; }

  // The value of `key`, inserted as `value` when absent; `fresh` tells which.
  uint32_t& TryEmplace(uint64_t key, uint32_t value, bool* fresh) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Home(key);
    for (; slots_[i].gen == gen_; i = (i + 1) & mask_) {
      if (slots_[i].key == key) {
        *fresh = false;
        return slots_[i].value;
      }
    }
    slots_[i] = Slot{key, value, gen_};
    ++count_;
    *fresh = true;
    return slots_[i].value;
  }
  // Sets `key` to `value` (inserted or replaced).
  void Set(uint64_t key, uint32_t value) {
    bool fresh;
    TryEmplace(key, value, &fresh) = value;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
    uint32_t gen = 0;  // live when equal to gen_
  };
  // Fibonacci hashing: entry ids are small consecutive integers, word keys already hashes.
  size_t Home(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    const size_t size = old.empty() ? 32 : old.size() * 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    shift_ = 64;
    for (size_t s = size; s > 1; s >>= 1) --shift_;
    const uint32_t gen = gen_;
    gen_ = 1;
    count_ = 0;
    for (const Slot& s : old) {
      bool fresh;
      if (s.gen == gen) TryEmplace(s.key, s.value, &fresh);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 64;
  size_t count_ = 0;
  uint32_t gen_ = 1;
};

}  // namespace parley::util
