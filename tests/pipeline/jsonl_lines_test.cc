// Reading a JSONL file: the reader cuts lines out of large blocks itself (std::getline cost as
// much as reading a short document). Its documents must be the ones a line-by-line reader gives:
// the same lines (cut by a block's end or not, with "\r\n", blank lines, a last line without a
// line break), the same line numbers in ids, and the raw hash of each line as Hash128Hex has it.
#include <gtest/gtest.h>

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
    // Lines of every size around the 64 KB block, so that block ends fall everywhere.
    while (content.size() < (round % 3 == 0 ? 300000u : 5000u)) {
      const size_t words = rng() % 4 == 0 ? rng() % 9000 : rng() % 40;
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

TEST(JsonlLinesTest, EmptyAndBlankFiles) {
  const std::string path = testing::TempDir() + "/blank.jsonl";
  for (const std::string content : {"", "\n", "\r\n", "  \n\t\n", "\n\n\n"}) {
    EXPECT_TRUE(Read(content, path).empty()) << "[" << content << "]";
  }
}

}  // namespace
}  // namespace parley
