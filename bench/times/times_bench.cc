// bench_times: what time-expression recognition adds to read + clean + split.
//
//   bench_times [--rounds N] [--data DIR] [--max-ratio X] [--times-only 1]
//
// --times-only 1 runs FindTimes alone over pre-segmented documents (for profiling with
// callgrind) and prints a digest of every expression's span, type and value, so that two builds
// can be checked to find the same expressions.
//
// Reads the Wikinews JSONL corpus (../shared/data/wikinews) 2N times (default N = 20, about
// 27 MB of text each way), alternating a pass of ReadJsonLine + text::Segment (the
// foundation's read+clean+split) with a pass that also runs extract::FindTimes, on one thread.
// The difference is what time expressions add. Reports documents/s, MB/s, expressions found,
// and the ratio of the added time to the read+clean+split time (thread CPU time, not wall
// time: the machine is shared); checks its answer (every round finds the same expressions) and exits
// 1 when the ratio is above --max-ratio (default 0.15).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "extract/times/times.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

namespace {

// Thread CPU time: the machine is shared, so wall time would measure the neighbours.
struct Clock {
  using duration = std::chrono::nanoseconds;
  using time_point = std::chrono::nanoseconds;
  static time_point now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
  }
};

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

struct Totals {
  Clock::duration read{}, with_times{};
  size_t documents = 0, bytes = 0, expressions = 0;
};

// One pass over the corpus: read + clean + split, and FindTimes when `times` is set. Whole
// passes are timed, not single documents: a CPU-time clock read costs about a microsecond on a
// virtual machine, as much as FindTimes on a short document.
Clock::duration Pass(const std::vector<std::string>& lines, bool times, Totals* t) {
  uint64_t n = 0;
  size_t found = 0, bytes = 0;
  const auto a = Clock::now();
  for (const auto& line : lines) {
    parley::Document doc = parley::ingest::ReadJsonLine(line, "wikinews.jsonl", ++n);
    const parley::TextLayer layer = parley::text::Segment(doc.text);
    if (times) found += parley::extract::FindTimes(doc, layer).size();
    bytes += doc.text.size();
  }
  const auto d = Clock::now() - a;
  if (times) {
    t->documents += lines.size();
    t->bytes += bytes;
    t->expressions += found;
  }
  return d;
}

// Alternates passes without and with FindTimes, so that both see the same machine.
void RunRound(const std::vector<std::string>& lines, Totals* t) {
  t->read += Pass(lines, false, t);
  t->with_times += Pass(lines, true, t);
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 20;
  bool times_only = false;  // --times-only: profile FindTimes alone over pre-segmented docs
  double max_ratio = 0.15;
  std::string data = PARLEY_SHARED_DATA_DIR;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--rounds") rounds = std::atoi(argv[i + 1]);
    if (a == "--data") data = argv[i + 1];
    if (a == "--max-ratio") max_ratio = std::atof(argv[i + 1]);
    if (a == "--times-only") times_only = std::atoi(argv[i + 1]) != 0;
  }
  std::ifstream in(data + "/wikinews/wikinews-2019-2021.jsonl", std::ios::binary);
  if (!in) {
    std::printf("bench_times: %s/wikinews is absent: nothing to measure\n", data.c_str());
    return 0;
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  if (times_only) {
    std::vector<std::pair<parley::Document, parley::TextLayer>> docs;
    uint64_t n = 0;
    for (const auto& line : lines) {
      parley::Document doc = parley::ingest::ReadJsonLine(line, "wikinews.jsonl", ++n);
      parley::TextLayer layer = parley::text::Segment(doc.text);
      docs.emplace_back(std::move(doc), std::move(layer));
    }
    size_t found = 0;
    uint64_t digest = 0;  // of every expression's span, type and value: compares two builds
    const auto a = Clock::now();
    for (int r = 0; r < rounds; ++r) {
      for (const auto& [doc, layer] : docs) {
        const auto times = parley::extract::FindTimes(doc, layer);
        found += times.size();
        for (const auto& t : times) {
          digest = digest * 1000003u + std::hash<std::string>{}(t.type + t.value + t.value_max.value_or("")) +
                   t.start * 31u + t.end;
        }
      }
    }
    std::printf("times only: %.3f s for %d rounds, %zu expressions, digest %016llx\n",
                Seconds(Clock::now() - a), rounds, found, static_cast<unsigned long long>(digest));
    return 0;
  }
  Totals first;
  RunRound(lines, &first);  // warm-up, and the answer every round must repeat
  Totals t;
  for (int r = 0; r < rounds; ++r) RunRound(lines, &t);
  const bool answer_ok = t.expressions == first.expressions * static_cast<size_t>(rounds);
  const double read_s = Seconds(t.read), times_s = Seconds(t.with_times - t.read);
  const double ratio = times_s / read_s;
  std::printf("documents %zu, text %.1f MB, time expressions %zu (%zu per round)\n", t.documents,
              t.bytes / 1e6, t.expressions, first.expressions);
  std::printf("read+clean+split %.3f s (%.1f MB/s, %.0f docs/s)\n", read_s, t.bytes / 1e6 / read_s,
              t.documents / read_s);
  std::printf("times            %.3f s (%.1f MB/s, %.0f docs/s)\n", times_s, t.bytes / 1e6 / times_s,
              t.documents / times_s);
  std::printf("times / read+clean+split = %.1f%% (limit %.0f%%)%s\n", 100 * ratio, 100 * max_ratio,
              answer_ok ? "" : "  ANSWER CHANGED BETWEEN ROUNDS");
  return answer_ok && ratio <= max_ratio ? 0 : 1;
}
