// Scores parley's events on hand-coded news articles (tests/events_news: Wikinews politics and
// diplomacy articles, gold written by hand; see its README):
//   score_news DATA_DIR GOLD_DIR [--min-f1 X] [--min-precision X] [--min-recall X] [--verbose]
// DATA_DIR is ../shared/data (the articles are read from wikinews/wikinews-2019-2021.jsonl);
// GOLD_DIR holds documents.txt (the scored article ids, one a line: an article with no gold
// event still counts its false events) and gold.jsonl (one hand-coded event a line).
// Each article is coded with the full pipeline (as `parley code` does); predicted events are
// matched one-to-one to gold events per document on (source country, target country, CAMEO
// root), with the conventions of design.md ("Dev-set scoring", eval/events/scoring.h).
// Negated events are left out on both sides (they did not happen). Prints precision, recall and
// F1, plus type-only (root alone) and dyad-only (countries alone); --verbose lists, per article,
// the misses with their sentence and the actors parley found there, and the false events with
// their sentence, pattern and modality. Exit status 1 when a floor is not reached; 0 with a
// message when DATA_DIR has no Wikinews corpus (a clone without ../shared).
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "parley/ingest.h"
#include "parley/pipeline.h"
#include "scoring.h"

namespace {

using nlohmann::json;
using parley::eval::Alignment;
using parley::eval::Counts;
using parley::eval::GoldEvent;
using parley::eval::Mode;
using parley::eval::Predicted;

// One hand-coded event with what is needed to show it in a listing.
struct GoldRecord {
  GoldEvent event;
  std::string sentence, code, modality, note;
};

struct Options {
  std::string data_dir, gold_dir;
  double min_f1 = 0, min_p = 0, min_r = 0;
  bool verbose = false;
};

std::string Country(const std::string& code) { return code.substr(0, 3); }

std::vector<std::string> Countries(const json& side) {
  std::vector<std::string> out;
  for (const auto& c : side) out.push_back(Country(c.get<std::string>()));
  return out;
}

void AddGoldLine(const json& j, std::map<std::string, std::vector<GoldRecord>>* out) {
  GoldRecord r;
  r.event.sources = Countries(j.at("source"));
  r.event.targets = Countries(j.at("target"));
  r.code = j.at("code").get<std::string>();
  r.event.type = r.code.substr(0, 2);
  r.sentence = j.at("sentence").get<std::string>();
  r.modality = j.at("modality").get<std::string>();
  r.note = j.value("note", "");
  (*out)[j.at("doc").get<std::string>()].push_back(std::move(r));
}

std::map<std::string, std::vector<GoldRecord>> ReadGold(const std::string& path) {
  std::map<std::string, std::vector<GoldRecord>> out;
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    try {
      AddGoldLine(json::parse(line), &out);
    } catch (const json::exception& e) {  // a malformed or incomplete line: name it and stop
      std::fprintf(stderr, "score_news: %s:%d: bad gold line: %s\n", path.c_str(), number, e.what());
      std::exit(2);
    }
  }
  return out;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

// The articles of the corpus whose id is wanted, as JSONL lines with their line numbers.
std::map<std::string, std::pair<std::string, uint64_t>> ReadArticles(const std::string& path,
                                                                    const std::set<std::string>& wanted) {
  std::map<std::string, std::pair<std::string, uint64_t>> out;
  std::ifstream in(path);
  std::string line;
  uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("id") || !j["id"].is_string()) continue;
    std::string id = j["id"].get<std::string>();
    if (wanted.count(id)) out[id] = {line, number};
  }
  return out;
}

std::string SentenceText(const parley::CodedDocument& cd, uint32_t s) {
  if (s >= cd.layer.sentences.size()) return "";
  const auto& span = cd.layer.sentences[s];
  return cd.doc.text.substr(span.start, span.end - span.start);
}

// The sentence a gold record points at (by its opening words), or -1.
int FindSentence(const parley::CodedDocument& cd, const std::string& opening) {
  size_t at = cd.doc.text.find(opening);
  if (at == std::string::npos) return -1;
  for (size_t s = 0; s < cd.layer.sentences.size(); ++s) {
    if (at >= cd.layer.sentences[s].start && at < cd.layer.sentences[s].end) return int(s);
  }
  return -1;
}

void PrintMiss(const parley::CodedDocument& cd, const GoldRecord& g) {
  std::printf("  MISS  %s>%s %s  \"%s...\"  (%s)\n", g.event.sources.empty() ? "*" : g.event.sources[0].c_str(),
              g.event.targets.empty() ? "*" : g.event.targets[0].c_str(), g.code.c_str(), g.sentence.c_str(),
              g.note.c_str());
  const int s = FindSentence(cd, g.sentence);
  std::printf("        actors:");
  for (const auto& a : cd.actors) {
    if (int(a.sentence) == s) std::printf(" [%s \"%s\"]", a.code.c_str(), a.text.c_str());
  }
  std::printf("\n        coded: ");
  for (const auto& e : cd.events) {
    if (int(e.sentence) == s)
      std::printf(" [%s>%s %s %s %s \"%s\"]", e.source.c_str(), e.target.c_str(), e.code.c_str(),
                  e.modality.c_str(), e.pattern.c_str(), e.verb_text.c_str());
  }
  std::printf("\n");
}

void PrintFalse(const parley::CodedDocument& cd, const parley::Event& e) {
  std::printf("  FALSE %s>%s %s %s %s \"%s\"\n        in: %s\n", e.source.c_str(), e.target.c_str(),
              e.code.c_str(), e.modality.c_str(), e.pattern.c_str(), e.verb_text.c_str(),
              SentenceText(cd, e.sentence).c_str());
}

struct Totals {
  Counts full, type_only, dyad_only;
  int documents = 0;
};

void ScoreArticle(const parley::CodedDocument& cd, const std::vector<GoldRecord>& records, bool verbose,
                  Totals* t) {
  std::vector<GoldEvent> gold;
  std::vector<const GoldRecord*> kept;
  for (const auto& r : records) {
    if (r.modality == "negated") continue;
    gold.push_back(r.event);
    gold.back().sentence = FindSentence(cd, r.sentence);
    kept.push_back(&r);
  }
  std::vector<Predicted> pred;
  std::vector<const parley::Event*> pred_events;
  for (const auto& e : cd.events) {
    if (e.modality == "negated") continue;
    pred.push_back({Country(e.source), Country(e.target), e.root, e.verb_text, int(e.sentence)});
    pred_events.push_back(&e);
  }
  Alignment a = parley::eval::Score(gold, pred, Mode::kFull, &t->full);
  parley::eval::Score(gold, pred, Mode::kTypeOnly, &t->type_only);
  parley::eval::Score(gold, pred, Mode::kDyadOnly, &t->dyad_only);
  ++t->documents;
  if (!verbose) return;
  std::printf("-- %s\n", cd.doc.id.c_str());
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!a.used_gold[g]) PrintMiss(cd, *kept[g]);
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    if (a.counted_fp[p]) PrintFalse(cd, *pred_events[p]);
  }
}

bool ParseArgs(int argc, char** argv, Options* o) {
  if (argc < 3) return false;
  o->data_dir = argv[1];
  o->gold_dir = argv[2];
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--min-f1" && i + 1 < argc) o->min_f1 = std::stod(argv[++i]);
    else if (a == "--min-precision" && i + 1 < argc) o->min_p = std::stod(argv[++i]);
    else if (a == "--min-recall" && i + 1 < argc) o->min_r = std::stod(argv[++i]);
    else if (a == "--verbose") o->verbose = true;
    else return false;
  }
  return true;
}

void Print(const Totals& t) {
  std::printf("news        docs %3d  P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)  type-only P %.3f R %.3f F1 %.3f"
              "  dyad-only P %.3f R %.3f F1 %.3f\n",
              t.documents, t.full.P(), t.full.R(), t.full.F(), t.full.tp, t.full.fp, t.full.fn, t.type_only.P(),
              t.type_only.R(), t.type_only.F(), t.dyad_only.P(), t.dyad_only.R(), t.dyad_only.F());
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, &o)) {
    std::fprintf(stderr,
                 "usage: score_news DATA_DIR GOLD_DIR [--min-f1 X] [--min-precision X] [--min-recall X] [--verbose]\n");
    return 2;
  }
  const std::string corpus = o.data_dir + "/wikinews/wikinews-2019-2021.jsonl";
  if (!std::ifstream(corpus)) {
    std::printf("score_news: %s is absent (a fresh clone): nothing to score, skipping\n", corpus.c_str());
    return 0;
  }
  const std::vector<std::string> ids = ReadLines(o.gold_dir + "/documents.txt");
  const auto gold = ReadGold(o.gold_dir + "/gold.jsonl");
  const auto articles = ReadArticles(corpus, std::set<std::string>(ids.begin(), ids.end()));
  auto pipeline = parley::Pipeline::Create({});
  if (!pipeline.ok() || ids.empty()) {
    std::fprintf(stderr, "score_news: %s\n", ids.empty() ? "no documents listed" : pipeline.status().message().c_str());
    return 2;
  }
  Totals t;
  for (const auto& id : ids) {
    auto it = articles.find(id);
    if (it == articles.end()) {
      std::fprintf(stderr, "score_news: article %s is not in %s\n", id.c_str(), corpus.c_str());
      return 2;
    }
    parley::Document doc = parley::ingest::ReadJsonLine(it->second.first, corpus, it->second.second);
    parley::CodedDocument cd = (*pipeline)->Code(std::move(doc));
    auto g = gold.find(id);
    ScoreArticle(cd, g == gold.end() ? std::vector<GoldRecord>{} : g->second, o.verbose, &t);
  }
  Print(t);
  const bool ok = t.full.F() >= o.min_f1 && t.full.P() >= o.min_p && t.full.R() >= o.min_r;
  if (!ok)
    std::printf("score_news: below the floors (F1 >= %.2f, precision >= %.2f, recall >= %.2f)\n", o.min_f1, o.min_p,
                o.min_r);
  return ok ? 0 : 1;
}
