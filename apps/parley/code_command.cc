// `parley code [INPUT...] [--format jsonl|table] [--date YYYY-MM-DD] [--dict DIR] [--explain]`
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "output/writers.h"
#include "parley/ingest.h"
#include "parley/pipeline.h"

namespace parley::cli {
namespace {

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string format;
  std::string date;
  std::vector<std::string> dicts;
  bool explain = false;
};

void Report(const Document& doc) {
  for (const auto& e : doc.errors) {
    std::fprintf(stderr, "parley: %s: %s: %s\n", doc.unreadable ? "error" : "warning",
                 doc.id.c_str(), e.message.c_str());
  }
}

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
  popts.explain = args.explain;
  auto pipeline = Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley: %s\n", pipeline.status().message().c_str());
    return kExitUsage;
  }
  const bool table = args.format.empty() ? isatty(STDOUT_FILENO) != 0 : args.format == "table";
  ingest::ExpandResult expanded = ingest::ExpandInputs(inputs);
  for (const auto& n : expanded.notices) std::fprintf(stderr, "parley: notice: %s\n", n.c_str());
  int rc = kExitOk;
  for (const auto& p : expanded.problems) {
    std::fprintf(stderr, "parley: error: %s\n", p.c_str());
    rc = kExitUnreadable;
  }
  ingest::ReadOptions ropts;
  if (!args.date.empty()) ropts.fallback_date = args.date;
  std::string out;
  for (const auto& source : expanded.sources) {
    ingest::ReadSource(source, ropts, [&](Document&& doc) {
      Report(doc);
      if (doc.unreadable) rc = kExitUnreadable;
      CodedDocument coded = (*pipeline)->Code(std::move(doc));
      out.clear();
      if (table) {
        output::WriteTable(coded, 100, &out);
      } else {
        output::WriteJson(coded, &out);
      }
      out.push_back('\n');
      std::fwrite(out.data(), 1, out.size(), stdout);
    });
  }
  std::fflush(stdout);
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
  cmd->add_flag("--explain", args->explain, "Explain each event: pattern, source and target words, why");
  return {cmd, [args] { return Run(*args); }};
}

}  // namespace parley::cli
