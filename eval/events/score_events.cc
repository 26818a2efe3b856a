// Scores parley's events against the events dev sets (../shared/data/events-dev):
//   score_events DATA_DIR [--min-f1 X] [--min-f1-upetrarch X] [--min-precision X] [--verbose]
// For each of the two sets it codes every sentence with the full pipeline (as `parley code`
// does), matches predicted events one-to-one to gold events per sentence on (source country,
// target country, event type), and prints precision, recall and F1, plus type-only and
// dyad-only F1. Conventions (design.md): country = the first three letters of a code; a gold
// side listing several countries is matched by any of them and further expansions of that
// compound event are not false positives, nor is one phrase coded towards two actors of the
// same country once one of them matched; an empty gold side or `---` accepts anything;
// PLOVER types compare by their 2021 names; UniversalPetrarch compares CAMEO roots.
// Negated events are left out (they did not happen), and so are events with no PLOVER type
// (pure statements) when scoring against PLOVER records.
// Exit status 1 when a floor is not reached.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "parley/ingest.h"
#include "parley/pipeline.h"
#include "scoring.h"

namespace {

using nlohmann::json;

using parley::eval::Counts;
using parley::eval::GoldEvent;
using parley::eval::Mode;
using parley::eval::Predicted;
using parley::eval::Score;

std::string Country(const std::string& code) { return code.substr(0, 3); }

std::vector<std::string> Countries(const json& list) {
  std::vector<std::string> out;
  for (const auto& c : list) {
    std::string code = c.get<std::string>();
    // A few source typos in the PLOVER records.
    if (code == "JAP") code = "JPN";
    if (code == "ITL") code = "ITA";
    if (code == "VTN") code = "VNM";
    out.push_back(code == "---" ? code : Country(code));
  }
  return out;
}

std::vector<GoldEvent> ReadGold(const json& doc, bool plover) {
  std::vector<GoldEvent> out;
  for (const auto& e : doc["events"]) {
    GoldEvent g;
    if (plover) {
      g.sources = Countries(e["source_countries"]);
      g.targets = Countries(e["target_countries"]);
      g.type = e["plover_2021"].get<std::string>();
    } else {
      g.sources = Countries(json::array({e["source"]}));
      g.targets = Countries(json::array({e["target"]}));
      g.type = e["root"].get<std::string>();
    }
    out.push_back(g);
  }
  return out;
}

// What the coder saw, for bucketing the misses: the actors it recognised and every event it
// coded, including those the scoring leaves out (negated, no PLOVER type), with their pattern.
void PrintDiagnostics(const parley::CodedDocument& cd) {
  std::printf("\n   actors:");
  for (const auto& a : cd.actors) std::printf(" [%s \"%s\"]", a.code.c_str(), a.text.c_str());
  std::printf("\n   all:   ");
  for (const auto& e : cd.events)
    std::printf(" [%s>%s %s %s %s \"%s\"]", e.source.c_str(), e.target.c_str(), e.code.c_str(),
                e.modality.c_str(), e.pattern.c_str(), e.verb_text.c_str());
  std::printf("\n");
}

struct SetResult {
  Counts full, type_only, dyad_only;
  int documents = 0;
};

SetResult RunSet(const parley::Pipeline& pipeline, const std::string& input, const std::string& gold_path,
                 bool plover, bool verbose) {
  SetResult r;
  std::ifstream in(input), gold_in(gold_path);
  std::string line, gold_line;
  uint64_t number = 0;
  while (std::getline(in, line) && std::getline(gold_in, gold_line)) {
    ++number;
    json gold_doc = json::parse(gold_line);
    parley::Document doc = parley::ingest::ReadJsonLine(line, input, number);
    if (!doc.published) doc.published = "2000-01-01";
    parley::CodedDocument cd = pipeline.Code(std::move(doc));
    std::vector<Predicted> pred;
    for (const auto& e : cd.events) {
      // A negated event did not happen; PLOVER has no type for pure statements (01x), so
      // they are outside what the PLOVER records can confirm or refute.
      if (e.modality == "negated") continue;
      if (plover && !e.plover) continue;
      Predicted p{Country(e.source), Country(e.target), plover ? e.plover.value_or("-") : e.root,
                  e.verb_text};
      pred.push_back(p);
    }
    std::vector<GoldEvent> gold = ReadGold(gold_doc, plover);
    Counts before = r.full;
    Score(gold, pred, Mode::kFull, &r.full);
    Score(gold, pred, Mode::kTypeOnly, &r.type_only);
    Score(gold, pred, Mode::kDyadOnly, &r.dyad_only);
    ++r.documents;
    if (verbose && (r.full.fp != before.fp || r.full.fn != before.fn)) {
      std::printf("-- %s: %s\n   gold:", gold_doc["id"].get<std::string>().c_str(), cd.doc.text.c_str());
      for (const auto& g : gold) {
        std::printf(" [%s>%s %s]", g.sources.empty() ? "*" : g.sources[0].c_str(),
                    g.targets.empty() ? "*" : g.targets[0].c_str(), g.type.c_str());
      }
      std::printf("\n   got: ");
      for (const auto& p : pred) std::printf(" [%s>%s %s \"%s\"]", p.source.c_str(), p.target.c_str(), p.type.c_str(), p.text.c_str());
      PrintDiagnostics(cd);
    }
  }
  return r;
}

void Print(const char* name, const SetResult& r) {
  std::printf("%-12s docs %3d  P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)  type-only F1 %.3f  dyad-only F1 %.3f\n",
              name, r.documents, r.full.P(), r.full.R(), r.full.F(), r.full.tp, r.full.fp, r.full.fn,
              r.type_only.F(), r.dyad_only.F());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: score_events DATA_DIR [--min-f1 X] [--min-precision X] [--verbose]\n");
    return 2;
  }
  const std::string dir = std::string(argv[1]) + "/events-dev";
  double min_f1 = 0, min_f1_up = 0, min_p = 0;
  bool verbose = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--min-f1" && i + 1 < argc) min_f1 = std::stod(argv[++i]);
    else if (a == "--min-f1-upetrarch" && i + 1 < argc) min_f1_up = std::stod(argv[++i]);
    else if (a == "--min-precision" && i + 1 < argc) min_p = std::stod(argv[++i]);
    else if (a == "--verbose") verbose = true;
  }
  if (!std::ifstream(dir + "/plover-dev.jsonl")) {
    std::printf("score_events: %s is absent (a fresh clone): nothing to score, skipping\n", dir.c_str());
    return 0;
  }
  auto pipeline = parley::Pipeline::Create({});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "score_events: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  SetResult plover = RunSet(**pipeline, dir + "/plover-dev.jsonl", dir + "/plover-dev.gold.jsonl", true, verbose);
  SetResult upetr = RunSet(**pipeline, dir + "/upetrarch-dev.jsonl", dir + "/upetrarch-dev.gold.jsonl", false, verbose);
  Print("plover-dev", plover);
  Print("upetrarch", upetr);
  const bool ok = plover.full.F() >= min_f1 && upetr.full.F() >= min_f1_up && plover.full.P() >= min_p &&
                  upetr.full.P() >= min_p;
  if (!ok)
    std::printf("score_events: below the floors (F1 >= %.2f plover, >= %.2f upetrarch; precision >= %.2f)\n",
                min_f1, min_f1_up, min_p);
  return ok ? 0 : 1;
}
