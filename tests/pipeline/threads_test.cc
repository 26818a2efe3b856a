// `parley code --threads N`: documents coded in parallel batches come out byte for byte as
// with one thread, in input order, whatever N and whatever the inputs (JSONL, .txt, folders,
// documents that cannot be read, the table format).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "common/testing.h"

namespace parley {
namespace {

using testing::RunParley;

struct ThreadsCase {
  const char* name;
  std::vector<std::string> inputs;   // relative to the shared data folder
  std::vector<std::string> options;
};

void PrintTo(const ThreadsCase& c, std::ostream* os) { *os << c.name; }

class ThreadsTest : public ::testing::TestWithParam<ThreadsCase> {};

TEST_P(ThreadsTest, OutputDoesNotDependOnThreads) {
  PARLEY_REQUIRE_SHARED_DATA();
  std::vector<std::string> args = {"code"};
  for (const std::string& in : GetParam().inputs) args.push_back(testing::SharedDataDir() + "/" + in);
  args.insert(args.end(), GetParam().options.begin(), GetParam().options.end());
  const testing::CommandResult one = RunParley(args);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_FALSE(one.out.empty());
  for (const char* threads : {"2", "3", "0"}) {
    std::vector<std::string> with = args;
    with.insert(with.end(), {"--threads", threads});
    const testing::CommandResult many = RunParley(with);
    EXPECT_EQ(many.exit_code, one.exit_code) << "--threads " << threads;
    EXPECT_TRUE(many.out == one.out) << "--threads " << threads << " changed the output";
    EXPECT_EQ(many.err, one.err) << "--threads " << threads;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, ThreadsTest,
    ::testing::Values(
        ThreadsCase{"wikinews_jsonl", {"wikinews/wikinews-2019-2021.jsonl"}, {"--format", "jsonl"}},
        ThreadsCase{"dev_sets", {"events-dev/plover-dev.jsonl", "events-dev/upetrarch-dev.jsonl"}, {}},
        ThreadsCase{"scraped_folder_table", {"wikinews/as-scraped"}, {"--format", "table"}},
        ThreadsCase{"sample_explain", {"samples/moscow-times-2025-07-29.txt"}, {"--explain", "--format", "jsonl"}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ThreadsTest, UnreadableInputKeepsItsExitStatusAndOrder) {
  const std::string dir = testing::TempDir();
  const std::string input = dir + "/docs.jsonl";
  std::string lines;
  for (int i = 0; i < 600; ++i) {
    lines += i % 97 == 5 ? "{not json\n" : "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Russia accused Ukraine.\"}\n";
  }
  FILE* f = std::fopen(input.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fwrite(lines.data(), 1, lines.size(), f);
  std::fclose(f);
  const testing::CommandResult one = RunParley({"code", input, "--format", "jsonl"});
  const testing::CommandResult two = RunParley({"code", input, "--format", "jsonl", "--threads", "2"});
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(two.exit_code, one.exit_code);
  EXPECT_TRUE(two.out == one.out);
  EXPECT_EQ(std::count(two.out.begin(), two.out.end(), '\n'), 600);
}

TEST(ThreadsTest, RejectsANegativeCount) {
  EXPECT_EQ(RunParley({"code", "-", "--threads", "-1"}, "").exit_code, 2);
}

}  // namespace
}  // namespace parley
