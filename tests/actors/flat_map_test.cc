// FlatMap (src/util/flat_map.h): the per-thread map behind the actor stage's
// per-document state. Checked against std::unordered_map on random operations, across
// Clear() (the generation counter) and growth.
#include "util/flat_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <unordered_map>

namespace parley::util {
namespace {

TEST(FlatMap, AgreesWithUnorderedMapAcrossClearsAndGrowth) {
  struct Case {
    int documents;     // Clear() between them
    int operations;    // per document
    uint64_t key_range;  // small ranges repeat keys (Set over an existing key)
  };
  const Case cases[] = {{1, 10, 5}, {50, 40, 30}, {5, 5000, 1000}, {3, 2000, ~uint64_t{0}}};
  std::mt19937_64 rng(7);
  for (const Case& c : cases) {
    FlatMap map;
    for (int d = 0; d < c.documents; ++d) {
      map.Clear();
      std::unordered_map<uint64_t, uint32_t> want;
      EXPECT_TRUE(map.empty());
      for (int op = 0; op < c.operations; ++op) {
        const uint64_t key = c.key_range == ~uint64_t{0} ? rng() : rng() % c.key_range;
        const auto value = static_cast<uint32_t>(rng());
        if (op % 3 == 0) {
          bool fresh = false;
          const uint32_t got = map.TryEmplace(key, value, &fresh);
          const auto [it, inserted] = want.try_emplace(key, value);
          EXPECT_EQ(fresh, inserted);
          EXPECT_EQ(got, it->second);
        } else if (op % 3 == 1) {
          map.Set(key, value);
          want[key] = value;
        }
        const uint64_t probe = c.key_range == ~uint64_t{0} ? rng() : rng() % c.key_range;
        const uint32_t* found = map.Find(probe);
        const auto it = want.find(probe);
        ASSERT_EQ(found != nullptr, it != want.end()) << "key " << probe;
        if (found != nullptr) EXPECT_EQ(*found, it->second);
      }
      for (const auto& [key, value] : want) {
        ASSERT_TRUE(map.Contains(key));
        EXPECT_EQ(*map.Find(key), value);
      }
      EXPECT_EQ(map.empty(), want.empty());
    }
  }
}

TEST(FlatMap, ClearForgetsEveryKey) {
  FlatMap map;
  for (uint64_t k = 0; k < 100; ++k) map.Set(k, static_cast<uint32_t>(k));
  map.Clear();
  for (uint64_t k = 0; k < 100; ++k) EXPECT_FALSE(map.Contains(k)) << k;
  map.Set(3, 9);
  EXPECT_EQ(*map.Find(3), 9u);
  EXPECT_FALSE(map.Contains(4));
}

}  // namespace
}  // namespace parley::util
