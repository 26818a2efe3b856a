// quotes_eval: scores parley's quotations against the PolNeAR development set.
//
// Reads polnear-dev/quotes-polnear-dev.jsonl through parley's own reader and pipeline
// (ingest::ReadJsonLine, Pipeline::Code) and compares `quotes` with the hand-annotated
// attributions of quotes-polnear-dev.gold.jsonl (content spans, source spans, direct or not).
//
// Matching is overlap-based, per document and per class: parley's direct and partial
// quotations against gold `direct: true`, its indirect ones against `direct: false`.
//   precision = predictions overlapping a gold attribution of their class / predictions
//               ("lenient": a prediction overlapping only a gold attribution of the other class
//               is left out, since PolNeAR marks a partial quotation inside reported speech
//               either way; "strict" counts it as wrong)
//   recall    = gold attributions overlapped by a prediction of their class / gold
//   speaker accuracy = over gold attributions found that have a source span: the best
//               overlapping prediction's speaker span overlaps a gold source span
// A discontinuous gold quotation ("A," he said, "B.") is found by either part; each part
// parley outputs counts as a correct prediction.
//
// Usage: quotes_eval [--data DIR] [--floor NAME=VALUE ...] [--show N]
// Floors: direct_f1, direct_speaker, indirect_f1, indirect_speaker. Exit 0 when all floors
// hold, 1 when one fails, 77 (CTest's skip) when the data folder is absent.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/quotes/quotes.h"
#include "parley/ingest.h"
#include "parley/pipeline.h"
#include "text/segmenter.h"

namespace {

using Span = std::pair<uint32_t, uint32_t>;

struct GoldAttribution {
  std::vector<Span> content, source;
  bool direct = false;
};

struct Counts {
  int predicted = 0, correct_strict = 0, correct_lenient = 0, neutral = 0;
  int gold = 0, found = 0, speaker_total = 0, speaker_ok = 0;
  double Precision(bool lenient) const {
    const int denom = lenient ? predicted - neutral : predicted;
    return denom ? double(lenient ? correct_lenient : correct_strict) / denom : 0.0;
  }
  double Recall() const { return gold ? double(found) / gold : 0.0; }
  double F1(bool lenient) const {
    const double p = Precision(lenient), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double SpeakerAccuracy() const { return speaker_total ? double(speaker_ok) / speaker_total : 0.0; }
};

bool Overlaps(Span a, Span b) { return a.first < b.second && b.first < a.second; }
uint32_t OverlapLen(Span a, Span b) {
  const uint32_t lo = std::max(a.first, b.first), hi = std::min(a.second, b.second);
  return hi > lo ? hi - lo : 0;
}
bool OverlapsAny(Span a, const std::vector<Span>& spans) {
  return std::any_of(spans.begin(), spans.end(), [&](Span b) { return Overlaps(a, b); });
}

std::vector<Span> ReadSpans(const nlohmann::json& j) {
  std::vector<Span> out;
  if (!j.is_array()) return out;
  for (const auto& s : j) out.emplace_back(s[0].get<uint32_t>(), s[1].get<uint32_t>());
  return out;
}

bool IsQuoted(const parley::Quote& q) { return q.kind != "indirect"; }

// Which quotations a score counts: quoted ones (direct and partial) against gold direct,
// indirect against gold indirect, or every kind against every attribution.
enum class Class { kDirect, kIndirect, kAny };
bool InClass(const parley::Quote& q, Class c) {
  return c == Class::kAny || IsQuoted(q) == (c == Class::kDirect);
}
bool InClass(const GoldAttribution& g, Class c) {
  return c == Class::kAny || g.direct == (c == Class::kDirect);
}

void ScoreClass(const std::vector<parley::Quote>& quotes, const std::vector<GoldAttribution>& gold,
                Class cls, Counts* c) {
  for (const parley::Quote& q : quotes) {
    if (!InClass(q, cls)) continue;
    ++c->predicted;
    bool same = false, other = false;
    for (const GoldAttribution& g : gold) {
      (InClass(g, cls) ? same : other) |= OverlapsAny({q.start, q.end}, g.content);
    }
    c->correct_strict += same;
    c->correct_lenient += same;
    c->neutral += !same && other;
  }
  for (const GoldAttribution& g : gold) {
    if (!InClass(g, cls)) continue;
    ++c->gold;
    const parley::Quote* best = nullptr;
    uint32_t best_len = 0;
    for (const parley::Quote& q : quotes) {
      if (!InClass(q, cls)) continue;
      for (Span s : g.content) {
        const uint32_t len = OverlapLen({q.start, q.end}, s);
        if (len > best_len) best = &q, best_len = len;
      }
    }
    if (best == nullptr) continue;
    ++c->found;
    if (g.source.empty()) continue;
    ++c->speaker_total;
    if (best->speaker_start && OverlapsAny({*best->speaker_start, *best->speaker_end}, g.source)) {
      ++c->speaker_ok;
    } else if (std::getenv("QUOTES_EVAL_SPEAKERS") != nullptr) {
      std::fprintf(stderr, "SPEAKER %s got [%s] cue [%s] want [%u,%u) for: %s\n", best->kind.c_str(),
                   best->speaker.value_or("-").c_str(), best->cue.value_or("-").c_str(),
                   g.source.front().first, g.source.front().second, best->text.substr(0, 120).c_str());
    }
  }
}

void Print(const char* name, const Counts& c) {
  std::printf("%-9s predicted %4d  gold %4d  P %.3f (strict %.3f)  R %.3f  F1 %.3f (strict %.3f)"
              "  speaker %.3f (%d/%d)\n",
              name, c.predicted, c.gold, c.Precision(true), c.Precision(false), c.Recall(),
              c.F1(true), c.F1(false), c.SpeakerAccuracy(), c.speaker_ok, c.speaker_total);
}

struct Options {
  std::string data;
  std::map<std::string, double> floors;
  int show = 0;  // print up to N misses per class to stderr
};

std::string DefaultData() {
#ifdef PARLEY_SHARED_DATA_DIR
  return std::string(PARLEY_SHARED_DATA_DIR) + "/polnear-dev";
#else
  return "../shared/data/polnear-dev";
#endif
}

bool ParseArgs(int argc, char** argv, Options* o) {
  o->data = DefaultData();
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      o->data = argv[++i];
    } else if (a == "--floor" && i + 1 < argc) {
      const std::string f = argv[++i];
      const size_t eq = f.find('=');
      if (eq == std::string::npos) return false;
      o->floors[f.substr(0, eq)] = std::stod(f.substr(eq + 1));
    } else if (a == "--show" && i + 1 < argc) {
      o->show = std::stoi(argv[++i]);
    } else {
      return false;
    }
  }
  return true;
}

// Prints gold quotations no prediction found, and predictions that match no gold.
void ShowMisses(const std::string& text, const std::vector<parley::Quote>& quotes,
                const std::vector<GoldAttribution>& gold, int* budget) {
  for (const GoldAttribution& g : gold) {
    if (*budget <= 0) return;
    bool found = false;
    for (const parley::Quote& q : quotes) {
      if (IsQuoted(q) == g.direct && OverlapsAny({q.start, q.end}, g.content)) found = true;
    }
    if (found) continue;
    --*budget;
    const Span s = g.content.front();
    std::fprintf(stderr, "MISS %s: %s\n", g.direct ? "direct" : "indirect",
                 text.substr(s.first, std::min<uint32_t>(s.second - s.first, 160)).c_str());
  }
  for (const parley::Quote& q : quotes) {
    if (*budget <= 0) return;
    bool any = false;
    for (const GoldAttribution& g : gold) any |= OverlapsAny({q.start, q.end}, g.content);
    if (any) continue;
    --*budget;
    std::fprintf(stderr, "EXTRA %s [%s]: %s\n", q.kind.c_str(), q.speaker.value_or("-").c_str(),
                 q.text.substr(0, 160).c_str());
  }
}

void MapToRaw(const parley::OffsetMap& map, std::vector<parley::Quote>* quotes) {
  auto raw = [&](uint32_t off) { return static_cast<uint32_t>(map.ToRaw(off)); };
  for (parley::Quote& q : *quotes) {
    q.start = raw(q.start);
    q.end = raw(q.end);
    if (q.speaker_start) q.speaker_start = raw(*q.speaker_start), q.speaker_end = raw(*q.speaker_end);
  }
}

parley::CodedDocument Code(const parley::Result<std::shared_ptr<const parley::Pipeline>>& pipeline,
                           parley::Document doc) {
  if (pipeline.ok()) return pipeline.value()->Code(std::move(doc));
  parley::CodedDocument cd;
  cd.doc = std::move(doc);
  cd.layer = parley::text::Segment(cd.doc.text);
  cd.quotes = parley::extract::FindQuotes(cd.doc, cd.layer, cd.actors);
  return cd;
}

// Names the first byte where the clean text departs from the input.
void ReportDifference(const std::string& id, const std::string& input, const std::string& clean) {
  size_t i = 0;
  while (i < input.size() && i < clean.size() && input[i] == clean[i]) ++i;
  const size_t from = i > 30 ? i - 30 : 0;
  std::fprintf(stderr, "TEXT %s differs at byte %zu: input [%s] clean [%s]\n", id.c_str(), i,
               input.substr(from, 60).c_str(), clean.substr(from, 60).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!ParseArgs(argc, argv, &opt)) {
    std::fprintf(stderr, "usage: quotes_eval [--data DIR] [--floor NAME=VALUE ...] [--show N]\n");
    return 2;
  }
  const std::string input = opt.data + "/quotes-polnear-dev.jsonl";
  const std::string gold_path = opt.data + "/quotes-polnear-dev.gold.jsonl";
  if (!std::filesystem::exists(input) || !std::filesystem::exists(gold_path)) {
    std::printf("quotes_eval: %s is absent: skipped\n", opt.data.c_str());
    return 77;
  }
  // The whole pipeline when the dictionaries load (speaker codes); else the text stage and
  // FindQuotes alone, which is all the spans need.
  auto pipeline = parley::Pipeline::Create({});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "quotes_eval: dictionaries failed to load (%s): scoring without actors\n",
                 pipeline.status().message().c_str());
  }
  std::ifstream in(input), gin(gold_path);
  std::string line, gline;
  Counts direct, indirect, any;
  int docs = 0, mismatched_text = 0, budget = opt.show;
  uint64_t line_number = 0;
  while (std::getline(in, line) && std::getline(gin, gline)) {
    ++line_number;
    const nlohmann::json g = nlohmann::json::parse(gline, nullptr, false);
    if (g.is_discarded()) continue;
    parley::CodedDocument cd = Code(pipeline, parley::ingest::ReadJsonLine(line, input, line_number));
    ++docs;
    // Gold offsets are bytes into the original text: where cleaning changed it (joined
    // lines, repaired mojibake), parley's offsets are mapped back through raw_map.
    const std::string original = g["text"].get<std::string>();
    if (cd.doc.text != original) {
      ++mismatched_text;
      if (opt.show > 0) ReportDifference(cd.doc.id, original, cd.doc.text);
      MapToRaw(cd.doc.raw_map, &cd.quotes);
    }
    std::vector<GoldAttribution> gold;
    for (const auto& a : g["attributions"]) {
      gold.push_back({ReadSpans(a["content_spans"]), ReadSpans(a["source_spans"]),
                      a["direct"].get<bool>()});
    }
    ScoreClass(cd.quotes, gold, Class::kDirect, &direct);
    ScoreClass(cd.quotes, gold, Class::kIndirect, &indirect);
    ScoreClass(cd.quotes, gold, Class::kAny, &any);
    if (budget > 0) ShowMisses(original, cd.quotes, gold, &budget);
  }
  std::printf("PolNeAR dev: %d documents (%d with clean text differing from the input: offsets "
              "mapped back through raw_map)\n",
              docs, mismatched_text);
  Print("direct", direct);
  Print("indirect", indirect);
  Print("any kind", any);
  const std::map<std::string, double> figures = {
      {"direct_f1", direct.F1(true)}, {"direct_speaker", direct.SpeakerAccuracy()},
      {"indirect_f1", indirect.F1(true)}, {"indirect_speaker", indirect.SpeakerAccuracy()}};
  int failed = 0;
  for (const auto& [name, floor] : opt.floors) {
    auto it = figures.find(name);
    if (it == figures.end() || it->second < floor) {
      std::printf("FAIL %s = %.3f is under its floor %.3f\n", name.c_str(),
                  it == figures.end() ? 0.0 : it->second, floor);
      ++failed;
    }
  }
  return failed ? 1 : 0;
}
