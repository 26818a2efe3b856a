// bench_events: a corpus runner for the whole pipeline, one thread.
//
//   bench_events [--sentences N] [--data DIR] [--corpus all|dev|wikinews] [--stages 1|0]
//
// 1. Sentences: the events dev sets (PLOVER records and UniversalPetrarch sentences), one
//    document per sentence, repeated until at least N sentences (default 100,000) have been
//    coded; each copy gets a distinct id. Reports sentences/s, documents/s, events/s and peak
//    memory, and checks its answer: the event count is copies x the count of one copy.
// 2. Wikinews: the 295-article JSONL corpus coded once, with documents/s, sentences/s, MB/s.
// 3. Stages: both corpora once more, stage by stage as Pipeline::Code runs them (read, split,
//    actors, times, quotes, events) plus the JSON writing of `parley code`, with each stage's
//    share of the CPU time; checks that the stage-by-stage run finds the same events.
// --corpus and --stages narrow the run (e.g. to profile one corpus under callgrind).
// Times are this thread's CPU time (the machine may be shared). Exit status 1 when a check fails.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "common/bench_util.h"
#include "code/coder.h"
#include "extract/actors/actors.h"
#include "extract/quotes/quotes.h"
#include "extract/times/times.h"
#include "output/writers.h"
#include "parley/ingest.h"
#include "parley/pipeline.h"
#include "text/segmenter.h"

namespace {

struct Totals {
  uint64_t documents = 0, sentences = 0, events = 0, bytes = 0;
};

Totals CodeAll(const parley::Pipeline& pipeline, const std::vector<std::string>& lines, const std::string& name) {
  Totals t;
  uint64_t number = 0;
  for (const auto& line : lines) {
    parley::Document doc = parley::ingest::ReadJsonLine(line, name, ++number);
    if (!doc.published) doc.published = "2000-01-01";
    t.bytes += doc.text.size();
    parley::CodedDocument cd = pipeline.Code(std::move(doc));
    ++t.documents;
    t.sentences += cd.layer.sentences.size();
    t.events += cd.events.size();
  }
  return t;
}

// CPU seconds per stage, in the order Pipeline::Code runs them (keep the two in step).
constexpr const char* kStages[] = {"read", "split", "actors", "times", "quotes", "events", "json"};
constexpr int kStageCount = 7;

struct StageTimes {
  double secs[kStageCount] = {};
  uint64_t documents = 0, events = 0;
};

void CodeByStage(const parley::Pipeline& pipeline, const std::vector<std::string>& lines,
                 const std::string& name, StageTimes* st) {
  uint64_t number = 0;
  std::string out;
  // One scratch for the run, as Pipeline::Code keeps one per thread.
  static parley::code::CoderScratch* const scratch = new parley::code::CoderScratch();
  for (const auto& line : lines) {
    double t = parley::bench::ThreadCpuSeconds();
    auto lap = [&](int stage) {
      const double now = parley::bench::ThreadCpuSeconds();
      st->secs[stage] += now - t;
      t = now;
    };
    parley::CodedDocument cd;
    cd.doc = parley::ingest::ReadJsonLine(line, name, ++number);
    if (!cd.doc.published) cd.doc.published = "2000-01-01";
    lap(0);
    cd.layer = parley::text::Segment(cd.doc.text);
    lap(1);
    parley::extract::FindActors(cd.doc, cd.layer, pipeline.lexicon(), &cd.actors, &cd.places);
    lap(2);
    cd.times = parley::extract::FindTimes(cd.doc, cd.layer);
    lap(3);
    cd.quotes = parley::extract::FindQuotes(cd.doc, cd.layer, cd.actors);
    lap(4);
    cd.events = parley::code::CodeEvents(cd, pipeline.patterns(), false, nullptr, scratch);
    lap(5);
    out.clear();
    parley::output::WriteJson(cd, &out);
    lap(6);
    ++st->documents;
    st->events += cd.events.size();
  }
}

bool ReportStages(const parley::Pipeline& pipeline, const std::vector<std::string>& lines,
                  const std::string& name, uint64_t copies, const Totals& want) {
  StageTimes st;
  for (uint64_t c = 0; c < copies; ++c) CodeByStage(pipeline, lines, name + "-" + std::to_string(c), &st);
  double total = 0;
  for (double s : st.secs) total += s;
  std::printf("stages (%s, %llu docs, CPU us/doc and share):", name.c_str(),
              static_cast<unsigned long long>(st.documents));
  for (int i = 0; i < kStageCount; ++i) {
    std::printf(" %s %.1f (%.0f%%)", kStages[i], st.secs[i] * 1e6 / static_cast<double>(st.documents),
                100 * st.secs[i] / total);
  }
  const bool ok = st.events == want.events * copies;
  std::printf("%s\n", ok ? "" : "  CHECK FAILED: not the pipeline's events");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = PARLEY_SHARED_DATA_DIR;
  uint64_t want = 100000;
  std::string corpus = "all";
  bool stages = true;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--sentences") want = std::stoull(argv[i + 1]);
    if (a == "--data") data = argv[i + 1];
    if (a == "--corpus") corpus = argv[i + 1];
    if (a == "--stages") stages = std::string(argv[i + 1]) != "0";
  }
  const bool run_dev = corpus != "wikinews", run_wiki = corpus != "dev";
  std::vector<std::string> dev = parley::bench::ReadLines(data + "/events-dev/plover-dev.jsonl");
  for (auto& l : parley::bench::ReadLines(data + "/events-dev/upetrarch-dev.jsonl")) dev.push_back(l);
  std::vector<std::string> wiki = parley::bench::ReadLines(data + "/wikinews/wikinews-2019-2021.jsonl");
  if (dev.empty() || wiki.empty()) {
    std::printf("bench_events: %s is absent: nothing to measure\n", data.c_str());
    return 0;
  }
  double t0 = parley::bench::ThreadCpuSeconds();
  auto pipeline = parley::Pipeline::Create({});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "bench_events: %s\n", pipeline.status().message().c_str());
    return 1;
  }
  std::printf("dictionaries loaded in %.0f ms\n", (parley::bench::ThreadCpuSeconds() - t0) * 1000);
  const Totals one = run_dev ? CodeAll(**pipeline, dev, "dev") : Totals{};
  uint64_t copies = !run_dev ? 0 : one.sentences == 0 ? 1 : (want + one.sentences - 1) / one.sentences;
  Totals all;
  t0 = parley::bench::ThreadCpuSeconds();
  for (uint64_t c = 0; c < copies; ++c) {
    Totals t = CodeAll(**pipeline, dev, "dev-copy-" + std::to_string(c));
    all.documents += t.documents, all.sentences += t.sentences, all.events += t.events, all.bytes += t.bytes;
  }
  double secs = parley::bench::ThreadCpuSeconds() - t0;
  bool ok = all.events == copies * one.events && all.sentences == copies * one.sentences;
  if (run_dev) std::printf("sentences: %llu sentences (%llu copies) in %.2f s: %.0f sentences/s, %.0f docs/s, %.0f events/s, %.1f MB/s%s\n",
              static_cast<unsigned long long>(all.sentences), static_cast<unsigned long long>(copies), secs,
              all.sentences / secs, all.documents / secs, all.events / secs, all.bytes / secs / 1e6,
              ok ? "" : "  CHECK FAILED: counts are not copies x one copy");
  t0 = parley::bench::ThreadCpuSeconds();
  Totals w = run_wiki ? CodeAll(**pipeline, wiki, "wikinews") : Totals{};
  secs = parley::bench::ThreadCpuSeconds() - t0;
  if (run_wiki) std::printf("wikinews: %llu docs, %llu sentences, %llu events in %.2f s: %.0f docs/s, %.0f sentences/s, %.2f MB/s\n",
              static_cast<unsigned long long>(w.documents), static_cast<unsigned long long>(w.sentences),
              static_cast<unsigned long long>(w.events), secs, w.documents / secs, w.sentences / secs,
              w.bytes / secs / 1e6);
  if (stages && run_dev) ok = ReportStages(**pipeline, dev, "dev", std::max<uint64_t>(1, copies / 10), one) && ok;
  if (stages && run_wiki) ok = ReportStages(**pipeline, wiki, "wikinews", 1, w) && ok;
  std::printf("peak memory: %.0f MB\n", parley::bench::PeakMb());
  return ok ? 0 : 1;
}
