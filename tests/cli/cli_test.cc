// End-to-end checks of `parley code` through the binary: the contract's ids, exit codes and
// output shape.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "common/testing.h"

namespace parley::testing {
namespace {

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> docs;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) docs.push_back(nlohmann::json::parse(line));
  return docs;
}

TEST(CliTest, SampleArticleMetadata) {
  PARLEY_REQUIRE_SHARED_DATA();
  const std::string path = SharedDataDir() + "/samples/moscow-times-2025-07-29.txt";
  auto r = RunParley({"code", path, "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto docs = Lines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  const auto& d = docs[0];
  EXPECT_EQ(d["schema"], 1);
  EXPECT_EQ(d["id"], path);
  EXPECT_EQ(d["title"], "Kremlin Says Russia-U.S. Diplomatic Talks 'Going Nowhere Fast'");
  EXPECT_EQ(d["published"], "2025-07-29");
  EXPECT_EQ(d["url"],
            "https://www.themoscowtimes.com/2025/07/29/"
            "kremlin-says-russia-us-diplomatic-talks-going-nowhere-fast-a90009");
  const std::string text = d["text"];
  EXPECT_EQ(text.find("<u>"), std::string::npos);
  EXPECT_EQ(text.find("Related article"), std::string::npos);
  EXPECT_EQ(text.find("Original url"), std::string::npos);
  EXPECT_EQ(text.find("kremlin.ru"), std::string::npos);
  EXPECT_NE(text.find("he may impose secondary tariffs"), std::string::npos);
  for (const char* key : {"sentences", "actors", "places", "times", "quotes", "events", "errors"})
    EXPECT_TRUE(d[key].is_array()) << key;
}

TEST(CliTest, JsonlIdsAndLineNumbers) {
  std::string dir = TempDir();
  std::ofstream(dir + "/a.jsonl") << R"({"id":"x1","text":"Hello there.","date":"2020-01-02"})" "\n"
                                  << R"({"text":"No id here."})" "\n";
  auto r = RunParley({"code", dir + "/a.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto docs = Lines(r.out);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0]["id"], "x1");
  EXPECT_EQ(docs[0]["published"], "2020-01-02");
  EXPECT_EQ(docs[0]["text"], "Hello there.");
  EXPECT_EQ(docs[1]["id"], dir + "/a.jsonl:2");
}

TEST(CliTest, StdinAndFallbackDate) {
  auto r = RunParley({"code", "-", "--date", "2021-03-04"}, R"({"text":"A line."})" "\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto docs = Lines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["id"], "-:1");
  EXPECT_EQ(docs[0]["published"], "2021-03-04");
}

TEST(CliTest, ExitCodes) {
  EXPECT_EQ(RunParley({"code", "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(RunParley({"code", "-", "--date", "2021-02-30"}, "").exit_code, 2);
  auto missing = RunParley({"code", "/nonexistent/file.txt"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("/nonexistent/file.txt"), std::string::npos);
  std::string dir = TempDir();
  std::ofstream(dir + "/notes.pdf") << "x";
  auto unknown = RunParley({"code", dir + "/notes.pdf"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("unknown extension"), std::string::npos);
}

TEST(CliTest, BadLineDoesNotStopTheBatch) {
  std::string dir = TempDir();
  std::ofstream(dir + "/b.jsonl") << R"({"id":"ok1","text":"First."})" "\n"
                                  << R"({"id":"broken","text":"trunc)" "\n"
                                  << R"({"id":"ok2","text":"Third."})" "\n";
  auto r = RunParley({"code", dir + "/b.jsonl"});
  EXPECT_EQ(r.exit_code, 1);
  auto docs = Lines(r.out);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0]["id"], "ok1");
  EXPECT_EQ(docs[1]["id"], dir + "/b.jsonl:2");
  EXPECT_EQ(docs[1]["errors"][0]["code"], "bad_json");
  EXPECT_EQ(docs[2]["id"], "ok2");
  EXPECT_NE(r.err.find("b.jsonl:2"), std::string::npos);
}

TEST(CliTest, FolderInSortedOrderSkipsOtherFiles) {
  std::string dir = TempDir();
  std::filesystem::create_directories(dir + "/sub");
  std::ofstream(dir + "/b.txt") << "Title B\n\nBody of b.";
  std::ofstream(dir + "/a.txt") << "Title A\n\nBody of a.";
  std::ofstream(dir + "/sub/c.txt") << "Title C\n\nBody of c.";
  std::ofstream(dir + "/skip.pdf") << "x";
  auto r = RunParley({"code", dir});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto docs = Lines(r.out);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0]["id"], dir + "/a.txt");
  EXPECT_EQ(docs[1]["id"], dir + "/b.txt");
  EXPECT_EQ(docs[2]["id"], dir + "/sub/c.txt");
  EXPECT_NE(r.err.find("skipped 1"), std::string::npos);
}

TEST(CliTest, TableFitsInHundredColumns) {
  PARLEY_REQUIRE_SHARED_DATA();
  auto r = RunParley({"code", SharedDataDir() + "/samples/moscow-times-2025-07-29.txt", "--format", "table"});
  ASSERT_EQ(r.exit_code, 0);
  std::istringstream in(r.out);
  std::string line;
  size_t lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    size_t cols = 0;
    for (unsigned char c : line) cols += (c & 0xC0) != 0x80;
    EXPECT_LE(cols, 100u) << line;
  }
  EXPECT_GT(lines, 10u);
}

}  // namespace
}  // namespace parley::testing
