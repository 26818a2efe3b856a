// bench_ingest [MB] [THREADS]: `parley ingest` over the Wikinews corpus repeated to at least MB
// megabytes (default 100). Every copy is made distinct (copy number in id, title and URL) so
// the run measures ingest, not duplicate detection. Reports documents/s, MB/s, events stored per
// second, database size per 1,000 documents, peak memory (the child's max RSS), and the time
// spent storing as a share of the time spent coding (from ingest's own summary). Checks its
// answer: every document new, none failed. Exit status 1 when a check fails or storing costs
// more than 25% of coding.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Writes the repeated corpus; returns (documents, bytes).
std::pair<long, long> BuildCorpus(const std::string& source, const std::string& out_path, long min_bytes) {
  std::vector<nlohmann::json> docs;
  std::ifstream in(source);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) docs.push_back(nlohmann::json::parse(line));
  }
  std::ofstream out(out_path, std::ios::binary);
  long n = 0, bytes = 0;
  for (int copy = 1; bytes < min_bytes; ++copy) {
    for (auto d : docs) {
      const std::string tag = std::to_string(copy);
      d["id"] = "copy" + tag + "/" + d["id"].get<std::string>();
      d["title"] = d.value("title", std::string()) + " (copy " + tag + ")";
      if (d.contains("url")) d["url"] = d["url"].get<std::string>() + "#copy" + tag;
      const std::string s = d.dump() + "\n";
      out << s;
      bytes += static_cast<long>(s.size());
      ++n;
    }
  }
  return {n, bytes};
}

struct Run {
  int status = -1;
  double seconds = 0;
  long max_rss_kb = 0;
  std::string out;
};

Run RunIngest(const std::vector<std::string>& args, const std::string& out_path) {
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen(out_path.c_str(), "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    std::vector<char*> argv;
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  Run r;
  struct rusage usage {};
  int status = 0;
  wait4(pid, &status, 0, &usage);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.max_rss_kb = usage.ru_maxrss;
  std::ifstream in(out_path);
  std::stringstream ss;
  ss << in.rdbuf();
  r.out = ss.str();
  return r;
}

double Field(const std::string& out, const std::string& re) {
  std::smatch m;
  return std::regex_search(out, m, std::regex(re)) ? std::stod(m[1]) : -1;
}

}  // namespace

int main(int argc, char** argv) {
  const long mb = argc > 1 ? std::stol(argv[1]) : 100;
  const std::string threads = argc > 2 ? argv[2] : std::to_string(std::max(1u, std::thread::hardware_concurrency()));
  const std::string source = std::string(PARLEY_SHARED_DATA_DIR) + "/wikinews/wikinews-2019-2021.jsonl";
  if (!fs::exists(source)) {
    std::printf("bench_ingest: %s is absent: nothing to measure\n", source.c_str());
    return 0;
  }
  const fs::path dir = fs::temp_directory_path() / ("parley-bench-ingest-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string corpus = (dir / "corpus.jsonl").string(), db = (dir / "bench.db").string();
  const auto [docs, bytes] = BuildCorpus(source, corpus, mb * 1000 * 1000);
  std::printf("corpus: %ld documents, %.1f MB (Wikinews repeated, each copy distinct); %s threads\n", docs,
              static_cast<double>(bytes) / 1e6, threads.c_str());
  const Run r = RunIngest({PARLEY_BINARY, "ingest", corpus, "--db", db, "--threads", threads},
                          (dir / "summary.txt").string());
  std::error_code ec;
  const double db_bytes = static_cast<double>(fs::file_size(db, ec));
  const double fresh = Field(r.out, "\\n  new:\\s+(\\d+)"), failed = Field(r.out, "\\n  failed:\\s+(\\d+)");
  const double events = Field(r.out, "\\n  events:\\s+(\\d+)"), quotes = Field(r.out, "\\n  quotations:\\s+(\\d+)");
  const double code_s = Field(r.out, "coding ([0-9.]+) s"), store_s = Field(r.out, "storing ([0-9.]+) s");
  const double share = code_s > 0 ? store_s / code_s : 1.0;
  std::printf("ingest: exit %d, %.1f s wall\n", r.status, r.seconds);
  std::printf("  documents/s:            %.1f\n", docs / r.seconds);
  std::printf("  MB/s:                   %.2f\n", static_cast<double>(bytes) / 1e6 / r.seconds);
  std::printf("  events stored/s:        %.1f (%.0f events, %.0f quotations)\n", events / r.seconds, events, quotes);
  std::printf("  database size:          %.1f MB, %.2f MB per 1,000 documents\n", db_bytes / 1e6,
              db_bytes / 1e6 / static_cast<double>(docs) * 1000.0);
  std::printf("  peak memory (max RSS):  %.1f MB\n", static_cast<double>(r.max_rss_kb) / 1024.0);
  std::printf("  CPU time: coding %.1f s, storing %.1f s: storing is %.1f%% of coding (limit 25%%)\n",
              code_s, store_s, 100.0 * share);
  bool ok = r.status == 0 && fresh == static_cast<double>(docs) && failed == 0 && share <= 0.25;
  if (!ok) std::printf("bench_ingest: CHECK FAILED\n%s", r.out.c_str());
  fs::remove_all(dir, ec);
  return ok ? 0 : 1;
}
