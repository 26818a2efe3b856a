// bench_read: a corpus runner for the ingest and text stages (read + clean + split).
//
//   bench_read [--mb N] [--data DIR] [--adversarial-only | --corpus-only]
//   bench_read --dump INPUT...
//   bench_read --dump-raw jsonl|txt|html|text FILE...
//
// 1. Corpus: the Wikinews JSONL corpus (../shared/data/wikinews) repeated until it is at least
//    N MB (default 100). Each copy is made distinct (copy number in the id and the title), as
//    design.md asks, so the figures measure ingest and not duplicate detection. Every line goes
//    through ReadJsonLine (parse, clean, NFC) and text::Segment (sentences and tokens) on one
//    thread. Reports documents/s, sentences/s, tokens/s, MB/s and peak memory (ru_maxrss), and
//    checks its answer: the sentence and token counts must be copies x those of one copy.
// 2. Adversarial inputs: for each kind (many '<', many '&', one long line, many newlines, ...)
//    the time of ReadScrapedText + Segment on 1 MB and on 8 MB; a ratio far above 8 means
//    worse-than-linear time. Exit status 1 when a check fails.
// 3. --dump: prints everything the ingest and text stages produce for the inputs (metadata,
//    text, raw map, errors, sentences, tokens with kinds and norms), so that a speed change can
//    be checked byte for byte against the previous build with diff. --dump-raw does the same
//    for files that each hold one input of one reader (the fuzz corpora).
#include <sys/resource.h>
#include <time.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common/bench_util.h"
#include "parley/ingest.h"
#include "text/segmenter.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// The corpus repeated `copies` times, each copy with its copy number in id and title.
std::vector<std::string> Repeat(const std::vector<std::string>& lines, size_t copies, size_t* bytes) {
  std::vector<std::string> out;
  out.reserve(lines.size() * copies);
  *bytes = 0;
  for (size_t c = 0; c < copies; ++c) {
    for (const auto& line : lines) {
      nlohmann::json obj = nlohmann::json::parse(line);
      obj["id"] = obj.value("id", std::string("doc")) + "#copy" + std::to_string(c);
      obj["title"] = obj.value("title", std::string()) + " (copy " + std::to_string(c) + ")";
      out.push_back(obj.dump());
      *bytes += out.back().size() + 1;
    }
  }
  return out;
}

struct Counts {
  uint64_t docs = 0, sentences = 0, tokens = 0, text_bytes = 0, errors = 0;
  double read_s = 0, split_s = 0;  // time in the reader and in the splitter
};

Counts ReadAndSplit(const std::vector<std::string>& lines, size_t begin, size_t end) {
  Counts c;
  for (size_t i = begin; i < end; ++i) {
    const double t0 = parley::bench::ThreadCpuSeconds();
    parley::Document doc = parley::ingest::ReadJsonLine(lines[i], "bench.jsonl", i + 1);
    const double t1 = parley::bench::ThreadCpuSeconds();
    parley::TextLayer layer = parley::text::Segment(doc.text);
    c.read_s += t1 - t0;
    c.split_s += parley::bench::ThreadCpuSeconds() - t1;
    ++c.docs;
    c.sentences += layer.sentences.size();
    c.tokens += layer.tokens.size();
    c.text_bytes += doc.text.size();
    c.errors += doc.unreadable ? 1 : 0;
  }
  return c;
}

int RunCorpus(const std::string& data, double target_mb) {
  const std::string path = data + "/wikinews/wikinews-2019-2021.jsonl";
  std::vector<std::string> base = parley::bench::ReadLines(path);
  if (base.empty()) {
    std::fprintf(stderr, "bench_read: cannot read %s\n", path.c_str());
    return 1;
  }
  size_t one_bytes = 0;
  Repeat(base, 1, &one_bytes);
  const size_t copies = static_cast<size_t>(target_mb * 1e6 / static_cast<double>(one_bytes)) + 1;
  size_t bytes = 0;
  std::vector<std::string> lines = Repeat(base, copies, &bytes);
  const Counts one = ReadAndSplit(lines, 0, base.size());  // also warms ICU up
  const auto t0 = Clock::now();
  const double c0 = parley::bench::ThreadCpuSeconds();
  const Counts all = ReadAndSplit(lines, 0, lines.size());
  const double s = parley::bench::ThreadCpuSeconds() - c0;  // figures are per CPU second of one core
  const double wall = Seconds(t0, Clock::now());
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %zu docs x %zu copies = %llu docs, %.1f MB of JSONL (%.1f MB clean text)\n",
              base.size(), copies, static_cast<unsigned long long>(all.docs), mb,
              static_cast<double>(all.text_bytes) / 1e6);
  std::printf("read+clean+split, 1 thread: %.2f s CPU (read+clean %.2f s, split %.2f s), %.2f s wall\n",
              s, all.read_s, all.split_s, wall);
  std::printf("per CPU second of one core:\n");
  std::printf("  %10.0f documents/s\n  %10.0f sentences/s\n  %10.0f tokens/s\n  %10.1f MB/s\n",
              static_cast<double>(all.docs) / s, static_cast<double>(all.sentences) / s,
              static_cast<double>(all.tokens) / s, mb / s);
  std::printf("  peak memory (ru_maxrss): %.0f MB (the corpus itself is held in memory)\n", parley::bench::PeakMb());
  const bool ok = all.sentences == one.sentences * copies && all.tokens == one.tokens * copies &&
                  all.errors == 0 && one.sentences > 0;
  std::printf("check: %llu sentences = %zu x %llu: %s\n",
              static_cast<unsigned long long>(all.sentences), copies,
              static_cast<unsigned long long>(one.sentences), ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}

// Adversarial inputs built from a repeated unit up to `bytes`.
std::string Fill(const std::string& unit, size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

struct Adversary {
  const char* name;
  std::string unit;
};

double TimeOne(const std::string& raw) {
  const double t0 = parley::bench::ThreadCpuSeconds();
  parley::Document doc = parley::ingest::ReadScrapedText(raw, "adversarial.txt");
  parley::TextLayer layer = parley::text::Segment(doc.text);
  const double s = parley::bench::ThreadCpuSeconds() - t0;
  if (layer.sentences.size() == static_cast<size_t>(-1)) std::puts("");  // keep the work
  return s;
}

int RunAdversarial() {
  const std::vector<Adversary> kinds = {
      {"many '<'", "<<<< <a <b x"},
      {"unclosed tags", "<span class=\"x\" "},
      {"many '&'", "&&amp &#12 &#x; &nbsp"},
      {"comment opener", "<!-- "},
      {"script opener", "<script>x "},
      {"one long line", "word and more words, "},
      {"many newlines", "a\n"},
      {"blank paragraphs", "Word.\n\n\n"},
      {"broken sentences", "it goes on and\n\nthen "},
      {"dots", ". . . U.S. a.b.c.d. "},
      {"quotes", "\"'\xE2\x80\x9C\xE2\x80\x9D "},
      {"mojibake", "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2 "},
      {"invalid utf-8", "\xC3\x28\xFF\xE2\x82 "},
      {"combining marks", "e\xCC\x81\xCC\x81 "},
      {"no spaces", "abcdefghijklmnopqrstuvwxyz"},
  };
  int failures = 0;
  std::printf("\nadversarial inputs (ReadScrapedText + Segment, CPU time), 1 MB vs 8 MB:\n");
  for (const auto& k : kinds) {
    const double small = TimeOne(Fill(k.unit, 1 << 20));
    const double large = TimeOne(Fill(k.unit, 8 << 20));
    const double ratio = large / std::max(small, 1e-6);
    // Linear gives ~8; allow noise and cache effects, flag clear super-linearity.
    const bool ok = ratio < 20.0 || large < 0.05;
    failures += ok ? 0 : 1;
    std::printf("  %-18s 1 MB %7.3f s  8 MB %7.3f s  (%5.1f MB/s)  ratio %5.1f %s\n", k.name, small,
                large, 8.0 * 1.048576 / std::max(large, 1e-9), ratio, ok ? "" : " NOT LINEAR");
  }
  return failures == 0 ? 0 : 1;
}

// One line per field, sentence and token; strings in JSON so that any byte shows.
void DumpDocument(const parley::Document& doc, std::string* out) {
  auto str = [](const std::string& v) {
    return nlohmann::json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  auto opt = [&](const std::optional<std::string>& v) { return v ? str(*v) : std::string("null"); };
  *out += "doc " + str(doc.id) + " title " + opt(doc.title) + " published " + opt(doc.published) +
          " url " + opt(doc.url) + " source " + opt(doc.source) +
          " unreadable " + std::to_string(doc.unreadable) + "\n";
  *out += "text " + str(doc.text) + "\n";
  for (const auto& c : doc.captions) *out += "caption " + str(c) + "\n";
  for (const auto& e : doc.errors)
    *out += "error " + e.code + " " + str(e.message) + " " +
            (e.offset ? std::to_string(*e.offset) : std::string("-")) + "\n";
  for (const auto& m : doc.raw_map.segments)
    *out += "map " + std::to_string(m.clean_start) + " " + std::to_string(m.raw_start) + " " +
            std::to_string(m.raw_length) + " " + std::to_string(m.clean_length) + "\n";
  const parley::TextLayer layer = parley::text::Segment(doc.text);
  for (const auto& s : layer.sentences)
    *out += "sentence " + std::to_string(s.start) + " " + std::to_string(s.end) + " " +
            std::to_string(s.first_token) + " " + std::to_string(s.end_token) + " " +
            std::to_string(s.paragraph) + "\n";
  for (const auto& t : layer.tokens)
    *out += "token " + std::to_string(t.start) + " " + std::to_string(t.end) + " " +
            std::to_string(static_cast<int>(t.kind)) + " " + str(t.norm) + "\n";
}

// --dump-raw KIND FILE...: each file is one input of a single-document reader (a fuzz corpus):
// KIND is jsonl (one line), txt, html, or text (the text stage alone).
int DumpRaw(const std::string& kind, const std::vector<std::string>& files) {
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::string raw = content.str();
    parley::Document doc;
    if (kind == "jsonl") doc = parley::ingest::ReadJsonLine(raw, file, 1);
    else if (kind == "txt") doc = parley::ingest::ReadScrapedText(raw, file);
    else if (kind == "html") doc = parley::ingest::ReadHtml(raw, file);
    else doc.text = raw;
    std::string out;
    DumpDocument(doc, &out);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}

int Dump(const std::vector<std::string>& inputs) {
  const parley::ingest::ExpandResult expanded = parley::ingest::ExpandInputs(inputs);
  for (const auto& p : expanded.problems) std::printf("problem %s\n", p.c_str());
  for (const auto& source : expanded.sources) {
    parley::ingest::ReadSource(source, {}, [](parley::Document&& doc) {
      std::string out;
      DumpDocument(doc, &out);
      std::fwrite(out.data(), 1, out.size(), stdout);
    });
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // show figures as they come
  double mb = 100;
  std::string data = PARLEY_SHARED_DATA_DIR;
  bool adversarial_only = false, corpus_only = false;
  if (argc > 1 && std::string(argv[1]) == "--dump") {
    return Dump(std::vector<std::string>(argv + 2, argv + argc));
  }
  if (argc > 2 && std::string(argv[1]) == "--dump-raw") {
    return DumpRaw(argv[2], std::vector<std::string>(argv + 3, argv + argc));
  }
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) mb = std::atof(argv[++i]);
    else if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--adversarial-only") adversarial_only = true;
    else if (a == "--corpus-only") corpus_only = true;
    else {
      std::fprintf(stderr, "usage: bench_read [--mb N] [--data DIR] [--adversarial-only | --corpus-only] | --dump INPUT...\n");
      return 2;
    }
  }
  int rc = adversarial_only ? 0 : RunCorpus(data, mb);
  if (!corpus_only) rc |= RunAdversarial();
  return rc;
}
