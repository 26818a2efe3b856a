// bench_actors: what actor and place recognition costs.
//
//   bench_actors [--passes N] [--loads N] [--data DIR] [--dict DIR]   (--passes 0: the load alone,
//   e.g. under callgrind)
//
// 1. Load: Lexicon::Load of the built-in dictionaries, 10 times (--loads); reports the fastest and the
//    median, in wall-clock and in CPU time (the machine is shared; CPU time is steadier).
//    Goal: under 100 ms.
// 2. Corpus: the Wikinews JSONL corpus, N passes (default 5) of read+clean+split
//    (ReadJsonLine + text::Segment), then N passes of the same plus FindActors. Reports
//    documents/s, MB/s, the added time in percent (goal: at most 20%) and peak memory, and
//    checks its answer: every pass finds the same number of actors and places, and some.
// Exit status 1 when a check fails (not when a goal is missed: it prints the figures).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <time.h>
#include <fstream>
#include <string>
#include <vector>

#include "common/bench_util.h"
#include "extract/actors/actors.h"
#include "parley/ingest.h"
#include "parley/lexicon.h"
#include "text/segmenter.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
  double wall = 0, cpu = 0;
};

template <typename F>
Timing Measure(F&& f) {
  const auto w0 = Clock::now();
  const std::clock_t c0 = std::clock();
  f();
  return {std::chrono::duration<double>(Clock::now() - w0).count(),
          static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC};
}

struct Counts {
  uint64_t actors = 0, places = 0, sentences = 0;
  double find_seconds = 0;  // wall time inside FindActors alone
  double find_cpu = 0;      // this thread's CPU time inside FindActors alone
};

Counts Pass(const std::vector<std::string>& lines, const parley::lexicon::Lexicon* lex) {
  Counts c;
  for (size_t i = 0; i < lines.size(); ++i) {
    parley::Document doc = parley::ingest::ReadJsonLine(lines[i], "bench.jsonl", i + 1);
    parley::TextLayer layer = parley::text::Segment(doc.text);
    c.sentences += layer.sentences.size();
    if (lex == nullptr) continue;
    std::vector<parley::ActorMention> actors;
    std::vector<parley::Place> places;
    const auto t0 = Clock::now();
    const double c0 = parley::bench::ThreadCpuSeconds();
    parley::extract::FindActors(doc, layer, *lex, &actors, &places);
    c.find_cpu += parley::bench::ThreadCpuSeconds() - c0;
    c.find_seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    c.actors += actors.size();
    c.places += places.size();
  }
  return c;
}

int LoadBenchmark(const std::string& dict, int loads) {
  std::vector<Timing> runs;
  size_t entries = 0;
  for (int i = 0; i < loads; ++i) {
    runs.push_back(Measure([&] {
      auto lex = parley::lexicon::Lexicon::Load({dict});
      if (lex.ok()) entries = (*lex)->entries().size();
    }));
  }
  std::sort(runs.begin(), runs.end(), [](const Timing& a, const Timing& b) { return a.cpu < b.cpu; });
  std::printf("load: %zu entries; fastest %.1f ms wall / %.1f ms CPU; median %.1f ms wall / %.1f ms CPU (goal < 100 ms)\n",
              entries, runs[0].wall * 1e3, runs[0].cpu * 1e3, runs[runs.size() / 2].wall * 1e3, runs[runs.size() / 2].cpu * 1e3);
  return entries > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = PARLEY_SHARED_DATA_DIR, dict = PARLEY_DICT_DIR;
  int passes = 5, loads = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--passes") passes = std::max(0, std::atoi(argv[i + 1]));
    if (a == "--data") data = argv[i + 1];
    if (a == "--dict") dict = argv[i + 1];
    if (a == "--loads") loads = std::max(1, std::atoi(argv[i + 1]));
  }
  int rc = LoadBenchmark(dict, loads);
  if (passes == 0) return rc;
  std::vector<std::string> lines = parley::bench::ReadLines(data + "/wikinews/wikinews-2019-2021.jsonl");
  auto lex = parley::lexicon::Lexicon::Load({dict});
  if (lines.empty() || !lex.ok()) {
    std::printf("corpus or dictionaries missing: nothing to measure\n");
    return 1;
  }
  size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size() + 1;
  Counts base, full, first;
  Timing split = Measure([&] { for (int p = 0; p < passes; ++p) base = Pass(lines, nullptr); });
  Timing with = Measure([&] {
    for (int p = 0; p < passes; ++p) {
      full = Pass(lines, lex->get());
      if (p == 0) first = full;
      if (full.actors != first.actors || full.places != first.places) rc = 1;
    }
  });
  const double docs = static_cast<double>(lines.size()) * passes, mb = bytes * passes / 1e6;
  std::printf("read+clean+split:          %.2f s CPU (%.2f s wall), %.0f docs/s, %.2f MB/s\n", split.cpu, split.wall,
              docs / split.cpu, mb / split.cpu);
  std::printf("read+clean+split+actors:   %.2f s CPU (%.2f s wall), %.0f docs/s, %.2f MB/s\n", with.cpu, with.wall,
              docs / with.cpu, mb / with.cpu);
  std::printf("actors add %.1f%% CPU (goal <= 20%%); %llu actors, %llu places, %llu sentences per pass; peak %.0f MB\n",
              100.0 * (with.cpu - split.cpu) / split.cpu, static_cast<unsigned long long>(full.actors),
              static_cast<unsigned long long>(full.places), static_cast<unsigned long long>(full.sentences), parley::bench::PeakMb());
  std::printf("FindActors alone: %.3f s wall, %.1f ms CPU per pass: %.0f MB/s (goal >= 250 MB/s)\n",
              full.find_seconds, full.find_cpu * 1e3, bytes / 1e6 / full.find_cpu);
  if (full.actors == 0) rc = 1;
  return rc;
}
