// `parley code [INPUT...] [--format jsonl|table] [--date YYYY-MM-DD] [--dict DIR] [--explain]
//              [--dict-format petrarch|tabari] [--threads N]`
// Reads documents on this thread; codes them on this thread, or with --threads N in batches on
// N threads; writes them in input order (the output does not depend on N).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "output/writers.h"
#include "parley/ingest.h"
#include "parley/pipeline.h"
#include "peers/convert.h"

namespace parley::cli {
namespace {

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string format;
  std::string date;
  std::vector<std::string> dicts;
  std::string dict_format;  // "petrarch" or "tabari": the --dict folders are in a peer's format
  bool explain = false;
  int threads = 1;  // 0: one per core
};

void Report(const Document& doc) {
  for (const auto& e : doc.errors) {
    std::fprintf(stderr, "parley: %s: %s: %s\n", doc.unreadable ? "error" : "warning",
                 doc.id.c_str(), e.message.c_str());
  }
}

// Codes documents and writes them to stdout in input order. With one thread each document
// is coded as it is read; with more, documents are gathered in batches, coded in parallel
// (each thread takes the next document of the batch) and written in order after the batch.
class Coder {
 public:
  Coder(const Pipeline& pipeline, bool table, unsigned threads)
      : pipeline_(pipeline), table_(table), threads_(threads) {}

  void Add(Document&& doc) {
    if (threads_ <= 1) {
      CodeOne(std::move(doc), &out_);
      std::fwrite(out_.data(), 1, out_.size(), stdout);
      return;
    }
    batch_bytes_ += doc.text.size();
    batch_.push_back(std::move(doc));
    if (batch_.size() >= kBatchDocs || batch_bytes_ >= kBatchBytes) Flush();
  }

  void Flush() {
    outs_.resize(std::max(outs_.size(), batch_.size()));
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < batch_.size();) CodeOne(std::move(batch_[i]), &outs_[i]);
    };
    std::vector<std::thread> helpers;
    for (unsigned k = 1; k < threads_ && k < batch_.size(); ++k) helpers.emplace_back(work);
    work();
    for (auto& t : helpers) t.join();
    for (size_t i = 0; i < batch_.size(); ++i) std::fwrite(outs_[i].data(), 1, outs_[i].size(), stdout);
    batch_.clear();
    batch_bytes_ = 0;
  }

 private:
  static constexpr size_t kBatchDocs = 256, kBatchBytes = 8 << 20;

  void CodeOne(Document&& doc, std::string* out) const {
    CodedDocument coded = pipeline_.Code(std::move(doc));
    out->clear();
    if (table_) {
      output::WriteTable(coded, 100, out);
    } else {
      output::WriteJson(coded, out);
    }
    out->push_back('\n');
  }

  const Pipeline& pipeline_;
  const bool table_;
  const unsigned threads_;
  std::string out_;
  std::vector<Document> batch_;
  size_t batch_bytes_ = 0;
  std::vector<std::string> outs_;
};

int Run(const CodeArgs& args) {
  if (!args.date.empty() && !IsIsoDate(args.date)) {
    std::fprintf(stderr, "parley: --date: \"%s\" is not a date in the form YYYY-MM-DD\n", args.date.c_str());
    return kExitUsage;
  }
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) {
    if (isatty(STDIN_FILENO)) {
      std::fprintf(stderr, "parley code: give a file, a folder, or - for JSONL on stdin\n");
      return kExitUsage;
    }
    inputs.push_back("-");
  }
  PipelineOptions popts;
  popts.dict_dirs = args.dicts;
  std::vector<std::string> converted_dirs;
  for (std::string& dir : popts.dict_dirs) {  // a peer's folder is converted first (src/peers)
    if (args.dict_format.empty()) break;
    auto converted = peers::ConvertToTemporaryFolder(
        dir, args.dict_format == "tabari" ? peers::PeerFormat::kTabari : peers::PeerFormat::kPetrarch);
    if (!converted.ok()) {
      std::fprintf(stderr, "parley: %s\n", converted.status().message().c_str());
      return kExitUsage;
    }
    dir = converted.value();
    converted_dirs.push_back(dir);
  }
  popts.explain = args.explain;
  auto pipeline = Pipeline::Create(popts);
  for (const auto& d : converted_dirs) {  // loaded: the converted copies are no longer needed
    std::error_code ec;
    std::filesystem::remove_all(d, ec);
  }
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley: %s\n", pipeline.status().message().c_str());
    return kExitUsage;
  }
  const bool table = args.format.empty() ? isatty(STDOUT_FILENO) != 0 : args.format == "table";
  // Documents are written whole: a large buffer saves a write call per few KB (a terminal
  // keeps its line buffering). Static: stdio may touch it until the process ends.
  static char out_buffer[1 << 20];
  if (isatty(STDOUT_FILENO) == 0) std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  ingest::ExpandResult expanded = ingest::ExpandInputs(inputs);
  for (const auto& n : expanded.notices) std::fprintf(stderr, "parley: notice: %s\n", n.c_str());
  int rc = kExitOk;
  for (const auto& p : expanded.problems) {
    std::fprintf(stderr, "parley: error: %s\n", p.c_str());
    rc = kExitUnreadable;
  }
  ingest::ReadOptions ropts;
  if (!args.date.empty()) ropts.fallback_date = args.date;
  const unsigned threads = args.threads > 0 ? static_cast<unsigned>(args.threads)
                                            : std::max(1u, std::thread::hardware_concurrency());
  Coder coder(**pipeline, table, threads);
  for (const auto& source : expanded.sources) {
    ingest::ReadSource(source, ropts, [&](Document&& doc) {
      Report(doc);
      if (doc.unreadable) rc = kExitUnreadable;
      coder.Add(std::move(doc));
    });
  }
  coder.Flush();
  std::fflush(stdout);
  // The dictionaries are freed by the process exit: taking them apart entry by entry costs
  // more than coding a hundred short documents.
  static const auto* const kept = new std::shared_ptr<const Pipeline>(std::move(pipeline.value()));
  (void)kept;
  return rc;
}

}  // namespace

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

Command RegisterCode(CLI::App& app) {
  auto args = std::make_shared<CodeArgs>();
  CLI::App* cmd = app.add_subcommand("code", "Code documents and print the result (stores nothing)");
  cmd->add_option("inputs", args->inputs, "Files (.txt, .html, .jsonl), folders, or - for JSONL on stdin");
  cmd->add_option("--format", args->format, "jsonl (default when stdout is not a terminal) or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  cmd->add_option("--date", args->date, "Document date (YYYY-MM-DD) for documents that carry none");
  cmd->add_option("--dict", args->dicts, "A dictionary folder laid over the built-in one (repeatable)");
  cmd->add_option("--dict-format", args->dict_format, "The --dict folders are TABARI or PETRARCH dictionaries")
      ->check(CLI::IsMember({"petrarch", "tabari"}));
  cmd->add_flag("--explain", args->explain, "Explain each event: pattern, source and target words, why");
  cmd->add_option("--threads", args->threads, "Code on N threads (0: one per core); the output is the same")
      ->check(CLI::Range(0, 1024));
  return {cmd, [args] { return Run(*args); }};
}

}  // namespace parley::cli
