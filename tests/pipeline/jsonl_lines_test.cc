// Reading a JSONL file: the reader cuts lines out of large blocks itself (std::getline cost as
// much as reading a short document). Its documents must be the ones a line-by-line reader gives:
// the same lines (cut by a block's end or not, with "\r\n", blank lines, a last line without a
// line break), the same line numbers in ids, and the raw hash of each line as Hash128Hex has it.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "common/testing.h"
#include "parley/ingest.h"
#include "util/hash.h"

namespace parley {
namespace {

struct Expected {
  std::string id;
  std::string hash;
};

// What the reader gave before: std::getline, "\r" dropped, blank lines skipped.
std::vector<Expected> LineByLine(const std::string& content, const std::string& path) {
  std::vector<Expected> out;
  std::istringstream in(content);
  std::string line;
  for (uint64_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    out.push_back({path + ":" + std::to_string(number), Hash128Hex(line)});
  }
  return out;
}

std::vector<Expected> Read(const std::string& content, const std::string& path) {
  {
    std::ofstream f(path, std::ios::binary);
    f << content;
  }
  std::vector<Expected> out;
  ingest::ReadSource({path, InputFormat::kJsonl, false}, {}, [&](Document&& doc) {
    out.push_back({doc.id, doc.raw_hash});
  });
  return out;
}

TEST(JsonlLinesTest, SameDocumentsAsLineByLine) {
  const std::string path = testing::TempDir() + "/lines.jsonl";
  std::mt19937 rng(17);
  for (int round = 0; round < 12; ++round) {
    std::string content;
    // Lines of every size up to ~220 KB, so that block ends fall everywhere and some lines span
    // more than one whole 64 KB block.
    while (content.size() < (round % 3 == 0 ? 600000u : 5000u)) {
      const size_t words = rng() % 4 == 0 ? rng() % 30000 : rng() % 40;
      std::string text;
      for (size_t w = 0; w < words; ++w) text += w % 9 == 0 ? "Peskov said. " : "talks ";
      content += R"({"text":")" + text + "\"}";
      const unsigned end = rng() % 8;
      content += end == 0 ? "\r\n" : end == 1 ? "\n  \t\n" : end == 2 ? "\n\n" : "\n";
    }
    if (round % 2 == 1) content += R"({"text":"no line break at the end"})";
    const std::vector<Expected> want = LineByLine(content, path);
    const std::vector<Expected> got = Read(content, path);
    ASSERT_EQ(got.size(), want.size()) << "round " << round;
    for (size_t i = 0; i < want.size(); ++i) {
      ASSERT_EQ(got[i].id, want[i].id) << "round " << round;
      ASSERT_EQ(got[i].hash, want[i].hash) << got[i].id;
    }
  }
}

TEST(HashHexTest, SameDigitsAsPrintf) {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 200; ++i) {
    XXH128_hash_t h{rng(), rng()};
    if (i == 0) h = {0, 0};
    if (i == 1) h = {~0ull, ~0ull};
    char want[33];
    std::snprintf(want, sizeof want, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    EXPECT_EQ(HashHex(h), want);
  }
}

TEST(JsonlLinesTest, EmptyAndBlankFiles) {
  const std::string path = testing::TempDir() + "/blank.jsonl";
  for (const std::string content : {"", "\n", "\r\n", "  \n\t\n", "\n\n\n"}) {
    EXPECT_TRUE(Read(content, path).empty()) << "[" << content << "]";
  }
}

}  // namespace
}  // namespace parley
