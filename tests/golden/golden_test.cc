// Golden cases for whole documents: each file under cases/ names an input and the fields
// expected from reading it (title, published, url, captions, sentence texts, ...). See README.md.
// Also checks the 20 Wikinews as-scraped files against the JSONL corpus (same articles): the
// body read from the .txt must be the JSONL body, up to whitespace and the dateline.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "common/testing.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(PARLEY_GOLDEN_DIR)) {
    if (e.path().extension() == ".json") files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// "$SHARED/x" and "$SOURCE/x" to real paths; "" when the shared data is absent.
std::string Resolve(const std::string& input) {
  if (input.rfind("$SHARED/", 0) == 0) {
    const std::string dir = SharedDataDir();
    return dir.empty() ? "" : dir + input.substr(7);
  }
  if (input.rfind("$SOURCE/", 0) == 0) return SourceDir() + input.substr(7);
  return input;
}

// Reads `path` ("file" or "file.jsonl:LINE") into documents the way `parley code` does.
std::vector<Document> Read(const std::string& path) {
  std::string file = path;
  long line = 0;
  if (auto colon = path.rfind(':'); colon != std::string::npos && path.find(".jsonl:") != std::string::npos) {
    file = path.substr(0, colon);
    line = std::stol(path.substr(colon + 1));
  }
  auto expanded = ingest::ExpandInputs({file});
  EXPECT_TRUE(expanded.problems.empty()) << path;
  std::vector<Document> docs;
  for (const auto& src : expanded.sources) {
    ingest::ReadSource(src, {}, [&](Document&& d) { docs.push_back(std::move(d)); });
  }
  if (line > 0) {
    if (static_cast<size_t>(line) > docs.size()) return {};
    return {std::move(docs[static_cast<size_t>(line) - 1])};
  }
  return docs;
}

json OptionalJson(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, Matches) {
  std::ifstream in(std::string(PARLEY_GOLDEN_DIR) + "/" + GetParam());
  const json c = json::parse(in);
  const std::string input = c.at("input");
  const std::string path = Resolve(input);
  if (path.empty()) GTEST_SKIP() << "../shared/data is absent: skipping " << GetParam();
  const std::vector<Document> docs = Read(path);
  ASSERT_EQ(docs.size(), 1u) << input;
  const Document& d = docs[0];
  const json& want = c.at("expect");
  SCOPED_TRACE(GetParam() + ": " + c.value("feature", ""));
  if (want.contains("id")) { EXPECT_EQ(json(d.id), want["id"]); }
  if (want.contains("title")) { EXPECT_EQ(OptionalJson(d.title), want["title"]); }
  if (want.contains("published")) { EXPECT_EQ(OptionalJson(d.published), want["published"]); }
  if (want.contains("url")) { EXPECT_EQ(OptionalJson(d.url), want["url"]); }
  if (want.contains("captions")) { EXPECT_EQ(json(d.captions), want["captions"]); }
  for (const auto& s : want.value("text_contains", json::array()))
    EXPECT_NE(d.text.find(s.get<std::string>()), std::string::npos) << s;
  for (const auto& s : want.value("text_excludes", json::array()))
    EXPECT_EQ(d.text.find(s.get<std::string>()), std::string::npos) << s;
  std::vector<std::string> codes;
  for (const auto& e : d.errors) codes.push_back(e.code);
  EXPECT_EQ(json(codes), want.value("errors", json::array()));
  const TextLayer layer = text::Segment(d.text);
  std::vector<std::string> sentences;
  for (const auto& s : layer.sentences) sentences.push_back(d.text.substr(s.start, s.end - s.start));
  if (want.contains("sentences")) {
    const auto& ws = want["sentences"];
    for (size_t i = 0; i < std::max(ws.size(), sentences.size()); ++i) {
      EXPECT_EQ(i < sentences.size() ? json(sentences[i]) : json(nullptr), i < ws.size() ? ws[i] : json(nullptr))
          << "sentence " << i;
    }
  }
  if (want.contains("sentence_count")) { EXPECT_EQ(json(sentences.size()), want["sentence_count"]); }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::ValuesIn(CaseFiles()), [](const auto& info) {
  std::string name = info.param.substr(0, info.param.size() - 5);
  for (auto& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
});

// Whitespace-free form, for comparing bodies laid out differently.
std::string Squeeze(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      i += 2;
      continue;
    }
    if (!std::isspace(static_cast<unsigned char>(s[i]))) out.push_back(s[i]);
    ++i;
  }
  return out;
}

TEST(WikinewsAsScraped, AgreesWithTheJsonlCorpus) {
  PARLEY_REQUIRE_SHARED_DATA();
  std::map<std::string, json> by_url;
  std::ifstream in(SharedDataDir() + "/wikinews/wikinews-2019-2021.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    json j = json::parse(line);
    by_url[j["url"]] = j;
  }
  const std::vector<Document> docs = Read(SharedDataDir() + "/wikinews/as-scraped");
  ASSERT_EQ(docs.size(), 20u);
  for (const Document& d : docs) {
    SCOPED_TRACE(d.id);
    ASSERT_TRUE(d.url.has_value());
    auto it = by_url.find(*d.url);
    ASSERT_NE(it, by_url.end()) << "url not in the corpus: " << *d.url;
    const json& j = it->second;
    EXPECT_EQ(d.title, j["title"].get<std::string>());
    EXPECT_EQ(d.published, j["date"].get<std::string>());
    EXPECT_TRUE(d.errors.empty());
    // The JSONL body may open with a weekday dateline that the .txt gives as its date line;
    // lines the .txt reader took for captions (a map legend) are left out of the comparison.
    std::string body = j["text"];
    if (auto m = ingest::ParsePublicationDate(body.substr(0, body.find('\n')))) body = body.substr(body.find('\n'));
    for (const std::string& caption : d.captions) {
      const size_t at = body.find(caption);
      ASSERT_NE(at, std::string::npos) << "caption not in the article: " << caption;
      body.erase(at, caption.size());
    }
    EXPECT_EQ(Squeeze(d.text), Squeeze(body));
    // Paragraph breaks come through: every paragraph ends in a sentence end.
    const TextLayer layer = text::Segment(d.text);
    EXPECT_GT(layer.sentences.size(), 3u);
  }
}

}  // namespace
}  // namespace parley::testing
