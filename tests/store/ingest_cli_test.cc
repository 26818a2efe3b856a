// `parley ingest`, `events`, `quotes` and `dyad` through the binary: idempotent ingest that
// agrees with `parley code`, kill-and-resume, versions, recoding, failures, every export format,
// bad filter values (exit 2) and databases that are refused unchanged.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <thread>

#include "common/testing.h"
#include "parley/store.h"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;
using store::Store;

int64_t SummaryField(const std::string& out, const std::string& name) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex("\\n  " + name + ":\\s+(\\d+)"))) return -1;
  return std::stoll(m[1]);
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> docs;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) docs.push_back(nlohmann::json::parse(line));
  }
  return docs;
}

size_t CountLines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

store::Totals TotalsOf(const std::string& db) {
  auto s = Store::Open(db, Store::Mode::kReadOnly);
  EXPECT_TRUE(s.ok()) << s.status().message();
  if (!s.ok()) return {};
  auto t = (*s)->Count();
  EXPECT_TRUE(t.ok());
  return t.ok() ? *t : store::Totals{};
}

// Inputs that exist on every clone, plus the shared sample when it is here.
std::vector<std::string> DemoInputs() {
  std::vector<std::string> in = {SourceDir() + "/examples"};
  if (!SharedDataDir().empty()) in.push_back(SharedDataDir() + "/samples");
  return in;
}

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(IngestCliTest, IngestTwiceStoresOnceAndAgreesWithCode) {
  const std::string dir = TempDir(), db = dir + "/p.db";
  auto first = RunParley(Concat({"ingest", "--db", db, "--threads", "2"}, DemoInputs()));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto coded = RunParley(Concat({"code", "--format", "jsonl"}, DemoInputs()));
  ASSERT_EQ(coded.exit_code, 0);
  const auto docs = JsonLines(coded.out);
  int64_t events = 0, quotes = 0, actors = 0, times = 0, sentences = 0;
  for (const auto& d : docs) {
    events += static_cast<int64_t>(d["events"].size());
    quotes += static_cast<int64_t>(d["quotes"].size());
    actors += static_cast<int64_t>(d["actors"].size());
    times += static_cast<int64_t>(d["times"].size());
    sentences += static_cast<int64_t>(d["sentences"].size());
  }
  EXPECT_EQ(SummaryField(first.out, "documents read"), static_cast<int64_t>(docs.size()));
  EXPECT_EQ(SummaryField(first.out, "new"), static_cast<int64_t>(docs.size()));
  EXPECT_EQ(SummaryField(first.out, "events"), events);
  EXPECT_EQ(SummaryField(first.out, "quotations"), quotes);
  const store::Totals t1 = TotalsOf(db);
  EXPECT_EQ(t1.documents, static_cast<int64_t>(docs.size()));
  EXPECT_EQ(t1.mentions, events);
  EXPECT_EQ(t1.quotes, quotes);
  EXPECT_EQ(t1.actors, actors);
  EXPECT_EQ(t1.times, times);
  EXPECT_EQ(t1.sentences, sentences);

  auto second = RunParley(Concat({"ingest", "--db", db}, DemoInputs()));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(SummaryField(second.out, "new"), 0);
  EXPECT_EQ(SummaryField(second.out, "duplicate"), static_cast<int64_t>(docs.size()));
  const store::Totals t2 = TotalsOf(db);
  EXPECT_EQ(t2.versions, t1.versions);
  EXPECT_EQ(t2.mentions, t1.mentions);
  EXPECT_EQ(t2.quotes, t1.quotes);

  auto recode = RunParley(Concat({"ingest", "--db", db, "--recode"}, DemoInputs()));
  ASSERT_EQ(recode.exit_code, 0) << recode.err;
  EXPECT_EQ(SummaryField(recode.out, "recoded"), static_cast<int64_t>(docs.size()));
  const store::Totals t3 = TotalsOf(db);
  EXPECT_EQ(t3.versions, t1.versions);
  EXPECT_EQ(t3.mentions, t1.mentions);
  EXPECT_EQ(t3.sentences, t1.sentences);
  fs::remove_all(dir);
}

TEST(IngestCliTest, VersionsFailuresAndStdin) {
  const std::string dir = TempDir(), db = dir + "/v.db";
  const std::string v1 = R"({"id":"a","url":"https://x.org/a","date":"2025-07-01","text":"Russia accused Ukraine of shelling the city."})";
  const std::string v2 = R"({"id":"a","url":"https://x.org/a","date":"2025-07-01","text":"Russia accused Ukraine of shelling the city again."})";
  std::ofstream(dir + "/one.jsonl") << v1 << "\n" << v1 << "\n";
  auto r1 = RunParley({"ingest", "--db", db, dir + "/one.jsonl"});
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  EXPECT_EQ(SummaryField(r1.out, "new"), 1);
  EXPECT_EQ(SummaryField(r1.out, "duplicate"), 1);
  auto r2 = RunParley({"ingest", "--db", db, "-"}, v2 + "\n{not json\n");
  EXPECT_EQ(r2.exit_code, 1);
  EXPECT_EQ(SummaryField(r2.out, "new versions"), 1);
  EXPECT_EQ(SummaryField(r2.out, "failed"), 1);
  EXPECT_NE(r2.out.find("    - "), std::string::npos) << "each failure is listed with its reason";
  const store::Totals t = TotalsOf(db);
  EXPECT_EQ(t.documents, 1);
  EXPECT_EQ(t.versions, 2);
  auto missing = RunParley({"ingest", "--db", db, dir + "/nope.jsonl"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(SummaryField(missing.out, "failed"), 1);
  fs::remove_all(dir);
}

// A document is known by its raw bytes: the same file under two paths is stored once; JSONL
// lines that differ in bytes (here only their id) are two documents.
TEST(IngestCliTest, RawBytesDecideWhatIsADuplicate) {
  const std::string dir = TempDir(), db = dir + "/raw.db";
  std::error_code ec;
  fs::create_directories(dir + "/a", ec);
  fs::create_directories(dir + "/b", ec);
  const std::string article = "Talks stall\n\nJuly 29, 2025\n\nRussia accused Ukraine of shelling the city.\n";
  std::ofstream(dir + "/a/story.txt") << article;
  std::ofstream(dir + "/b/copy.txt") << article;
  std::ofstream(dir + "/c.jsonl")
      << R"({"id":"x1","date":"2025-07-01","text":"China criticized Japan over the islands."})" << "\n"
      << R"({"id":"x2","date":"2025-07-01","text":"China criticized Japan over the islands."})" << "\n"
      << R"({"id":"x1","date":"2025-07-01","text":"China criticized Japan over the islands."})" << "\r\n";
  auto r = RunParley({"ingest", "--db", db, dir + "/a", dir + "/b", dir + "/c.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(SummaryField(r.out, "documents read"), 5);
  EXPECT_EQ(SummaryField(r.out, "new"), 3);
  EXPECT_EQ(SummaryField(r.out, "duplicate"), 2) << "the copied file, and the line repeated with CRLF";
  std::ofstream(dir + "/b/copy.txt", std::ios::app) << " ";  // one byte more: other raw bytes
  auto again = RunParley({"ingest", "--db", db, dir + "/b"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(SummaryField(again.out, "new"), 1);
  fs::remove_all(dir);
}

// ---- Kill at random moments, resume, and compare with an uninterrupted run. ----

std::string SyntheticCorpus(const std::string& dir, int docs) {
  static const char* kActors[] = {"Russia", "Ukraine", "the United States", "China", "Turkey", "Iran",
                                  "France", "the European Union", "Israel", "Germany"};
  static const char* kVerbs[] = {"accused", "criticized", "met with", "threatened", "praised",
                                 "attacked", "urged", "signed an agreement with", "condemned", "warned"};
  const std::string path = dir + "/corpus.jsonl";
  std::ofstream out(path);
  for (int i = 0; i < docs; ++i) {
    std::string text;
    for (int s = 0; s < 24; ++s) {
      const int a = (i * 7 + s * 3) % 10, b = (i * 3 + s * 7 + 1) % 10, v = (i + s * 5) % 10;
      if (a == b) continue;
      text += std::string(kActors[a]) + " " + kVerbs[v] + " " + kActors[b] + " on Monday, officials said in report " +
              std::to_string(i) + "-" + std::to_string(s) + ". ";
      if (s % 6 == 5) text += "\n\n";
    }
    nlohmann::json j = {{"id", "doc-" + std::to_string(i)},
                        {"title", "Report " + std::to_string(i)},
                        {"date", "2025-07-" + std::to_string(10 + i % 18)},
                        {"source", i % 2 ? "Wire A" : "Wire B"},
                        {"text", text}};
    out << j.dump() << "\n";
  }
  return path;
}

pid_t Spawn(const std::vector<std::string>& args) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> argv;
    std::string bin = ParleyBinary();
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

struct DocCounts {
  size_t sentences, actors, times, quotes, events;
  bool operator==(const DocCounts& o) const {
    return std::tie(sentences, actors, times, quotes, events) ==
           std::tie(o.sentences, o.actors, o.times, o.quotes, o.events);
  }
};

std::map<std::string, DocCounts> PerDocument(const std::string& db) {
  std::map<std::string, DocCounts> out;
  auto s = Store::Open(db, Store::Mode::kReadOnly);
  if (!s.ok()) return out;
  auto docs = (*s)->LoadDocuments({});
  EXPECT_TRUE(docs.ok());
  if (!docs.ok()) return out;
  for (const auto& d : *docs) {
    out[d.doc.id] = DocCounts{d.layer.sentences.size(), d.actors.size(), d.times.size(), d.quotes.size(),
                              d.events.size()};
  }
  return out;
}

TEST(IngestCliTest, KillAtRandomMomentsThenResume) {
  const std::string dir = TempDir();
  const std::string corpus = SyntheticCorpus(dir, 200);
  const std::string clean_db = dir + "/clean.db", db = dir + "/killed.db";
  const auto start = std::chrono::steady_clock::now();
  auto clean = RunParley({"ingest", corpus, "--db", clean_db, "--threads", "2", "--batch", "5"});
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  const auto reference = PerDocument(clean_db);
  ASSERT_EQ(reference.size(), 200u);

  const unsigned seed = static_cast<unsigned>(std::random_device{}());
  std::mt19937 rng(seed);
  std::uniform_int_distribution<long> when(5, std::max<long>(10, static_cast<long>(full_ms * 9 / 10)));
  for (int round = 0; round < 5; ++round) {
    const long ms = when(rng);
    SCOPED_TRACE("seed " + std::to_string(seed) + ", round " + std::to_string(round) + ", kill after " +
                 std::to_string(ms) + " ms");
    const pid_t pid = Spawn({"ingest", corpus, "--db", db, "--threads", "2", "--batch", "5"});
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    // Whatever was stored is whole: every stored document has exactly its annotations.
    for (const auto& [id, counts] : PerDocument(db)) {
      ASSERT_TRUE(reference.count(id)) << id;
      EXPECT_TRUE(counts == reference.at(id)) << "half-stored document " << id;
    }
  }
  auto resume = RunParley({"ingest", corpus, "--db", db, "--threads", "2"});
  ASSERT_EQ(resume.exit_code, 0) << resume.err;
  EXPECT_EQ(SummaryField(resume.out, "new") + SummaryField(resume.out, "duplicate"), 200);
  EXPECT_EQ(PerDocument(db).size(), reference.size());
  EXPECT_TRUE(PerDocument(db) == reference);
  const store::Totals a = TotalsOf(clean_db), b = TotalsOf(db);
  EXPECT_EQ(a.documents, b.documents);
  EXPECT_EQ(a.versions, b.versions);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.mentions, b.mentions);
  EXPECT_EQ(a.quotes, b.quotes);
  fs::remove_all(dir);
}

// ---- Queries through the CLI. ----

class QueryCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(TempDir());
    db_ = new std::string(*dir_ + "/q.db");
    std::vector<std::string> inputs = DemoInputs();
    if (!SharedDataDir().empty()) inputs.push_back(SharedDataDir() + "/wikinews/as-scraped");
    auto r = RunParley(Concat({"ingest", "--db", *db_}, inputs));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
  }
  static std::string* dir_;
  static std::string* db_;
};
std::string* QueryCliTest::dir_ = nullptr;
std::string* QueryCliTest::db_ = nullptr;

TEST_F(QueryCliTest, EveryFormat) {
  const store::Totals t = TotalsOf(*db_);
  ASSERT_GT(t.events, 0) << "the demo inputs should give some events";
  auto jsonl = RunParley({"events", "--db", *db_, "--format", "jsonl"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  const auto rows = JsonLines(jsonl.out);
  EXPECT_EQ(static_cast<int64_t>(rows.size()), t.events);
  int64_t mention_sum = 0;
  for (const auto& r : rows) mention_sum += r["articles"].get<int64_t>();
  EXPECT_EQ(mention_sum, t.mentions) << "each mention belongs to one event in one article";
  auto csv = RunParley({"events", "--db", *db_, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out.rfind("event_id,date,source,target,code", 0), 0u);
  auto gdelt = RunParley({"events", "--db", *db_, "--format", "gdelt"});
  ASSERT_EQ(gdelt.exit_code, 0);
  EXPECT_EQ(static_cast<int64_t>(CountLines(gdelt.out)), t.events + 1);
  std::istringstream in(gdelt.out);
  std::string line;
  while (std::getline(in, line)) EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
  auto table = RunParley({"events", "--db", *db_, "--format", "table", "--limit", "3"});
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("\"", 0), std::string::npos) << "the table shows the evidence";
  auto mentions = RunParley({"events", "--db", *db_, "--mentions", "--format", "jsonl"});
  ASSERT_EQ(mentions.exit_code, 0);
  EXPECT_EQ(static_cast<int64_t>(JsonLines(mentions.out).size()), t.mentions);
  auto limited = RunParley({"events", "--db", *db_, "--format", "jsonl", "--limit", "2"});
  EXPECT_EQ(JsonLines(limited.out).size(), std::min<size_t>(2, rows.size()));
}

TEST_F(QueryCliTest, FiltersAgreeWithTheRows) {
  auto all = JsonLines(RunParley({"events", "--db", *db_, "--format", "jsonl"}).out);
  ASSERT_FALSE(all.empty());
  const std::string source = all[0]["source"].get<std::string>().substr(0, 3);
  auto by_source = JsonLines(RunParley({"events", "--db", *db_, "--format", "jsonl", "--source", source}).out);
  size_t want = 0;
  for (const auto& r : all) want += r["source"].get<std::string>().rfind(source, 0) == 0;
  EXPECT_EQ(by_source.size(), want);
  for (int quad = 1; quad <= 4; ++quad) {
    auto rows = JsonLines(RunParley({"events", "--db", *db_, "--format", "jsonl", "--quad", std::to_string(quad)}).out);
    size_t n = 0;
    for (const auto& r : all) n += r["quad_class"] == quad;
    EXPECT_EQ(rows.size(), n) << quad;
  }
  const std::string word = all[0]["verb_text"];
  auto text = JsonLines(RunParley({"events", "--db", *db_, "--format", "jsonl", "--text", "\"" + word + "\""}).out);
  EXPECT_GE(text.size(), 1u);
}

TEST_F(QueryCliTest, BadFilterValuesExitTwo) {
  const std::vector<std::vector<std::string>> cases = {
      {"events", "--source", "R1"},        {"events", "--target", "RUSG"},  {"events", "--actor", "x"},
      {"events", "--dyad", "USA"},         {"events", "--dyad", "USA,RUS,CHN"}, {"events", "--code", "1"},
      {"events", "--code", "abc"},         {"events", "--quad", "5"},       {"events", "--quad", "x"},
      {"events", "--since", "2025-13"},    {"events", "--until", "soon"},   {"events", "--modality", "maybe"},
      {"events", "--limit", "0"},          {"events", "--format", "xml"},   {"events", "--text", "\"open"},
      {"events", "--mentions", "--format", "gdelt"},
      {"quotes", "--since", "2025-02-30"}, {"quotes", "--limit", "-1"},
      {"dyad", "USA", "R"},                {"dyad", "USA", "RUS", "--by", "year"},
      {"dyad", "USA", "RUS", "--since", "x"}};
  for (auto args : cases) {
    args.push_back("--db");
    args.push_back(*db_);
    auto r = RunParley(args);
    EXPECT_EQ(r.exit_code, 2) << args[1] << " " << args[2] << ": " << r.err;
    EXPECT_FALSE(r.err.empty());
  }
}

TEST_F(QueryCliTest, QuotesAndDyad) {
  auto quotes = RunParley({"quotes", "--db", *db_, "--format", "jsonl"});
  ASSERT_EQ(quotes.exit_code, 0) << quotes.err;
  const auto all = JsonLines(quotes.out);
  EXPECT_EQ(static_cast<int64_t>(all.size()), TotalsOf(*db_).quotes);
  for (const auto& q : all) {
    if (!q["speaker_code"].is_string()) continue;
    const std::string code = q["speaker_code"];
    auto some = JsonLines(RunParley({"quotes", "--db", *db_, "--format", "jsonl", "--speaker", code}).out);
    size_t want = 0;
    for (const auto& o : all) want += o["speaker_code"].is_string() && o["speaker_code"].get<std::string>().rfind(code, 0) == 0;
    EXPECT_EQ(some.size(), want) << code;
    break;
  }
  const std::string svg = *dir_ + "/dyad.svg";
  auto dyad = RunParley({"dyad", "USA", "RUS", "--by", "month", "--db", *db_, "--svg", svg});
  ASSERT_EQ(dyad.exit_code, 0) << dyad.err;
  EXPECT_FALSE(dyad.out.empty());
  EXPECT_EQ(ReadFileOrDie(svg).rfind("<svg", 0), 0u);
}

TEST(QueryCliRefusalTest, MissingForeignAndLockedDatabases) {
  const std::string dir = TempDir();
  auto missing = RunParley({"events", "--db", dir + "/none.db"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("parley ingest"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(dir + "/none.db")) << "a query never creates a database";
  const std::string notes = dir + "/notes.txt.db";
  std::ofstream(notes) << std::string(2000, 'n');
  const std::string before = ReadFileOrDie(notes);
  auto ingest = RunParley({"ingest", "--db", notes, SourceDir() + "/examples"});
  EXPECT_EQ(ingest.exit_code, 1);
  EXPECT_NE(ingest.err.find("not a SQLite database"), std::string::npos) << ingest.err;
  EXPECT_EQ(ReadFileOrDie(notes), before);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley::testing
