// `parley validate RECORDS [--dict-format petrarch|tabari] [--dict DIR] [--verbose]`: runs a
// peer's validation records (PETRARCH XML or TABARI text) and prints one line per failing
// record (id, category, expected, got), then per-category counts and the closing line
// `N passed, N failed, N skipped`. The dictionaries are those the records name (relative to
// the records file) unless --dict gives a folder. Exit status 0 when no record failed, 1 when
// some did, 2 for bad usage or unreadable records or dictionaries.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include <filesystem>

#include "peers/convert.h"
#include "peers/dictionaries.h"
#include "peers/records.h"
#include "peers/validate.h"

namespace parley::cli {
namespace {

struct ValidateArgs {
  std::string records;
  std::string dict_dir;
  std::string format = "petrarch";
  bool verbose = false;
};

Result<peers::PeerDictionary> LoadDictionaries(const ValidateArgs& a, const peers::RecordSet& set) {
  std::error_code ec;
  const std::filesystem::path dir(a.dict_dir);
  if (!a.dict_dir.empty() && (std::filesystem::is_directory(dir / "verbs", ec) || std::filesystem::is_directory(dir / "actors", ec)))
    return peers::LoadConverted(a.dict_dir);  // parley's own format: a folder written by `parley dict convert`
  if (!a.dict_dir.empty())
    return peers::LoadFolder(a.dict_dir, a.format == "tabari" ? peers::PeerFormat::kTabari : peers::PeerFormat::kPetrarch);
  return peers::LoadFiles(set.actors, set.agents, set.verbs, set.discards,
                          set.tabari ? peers::PeerFormat::kTabari : peers::PeerFormat::kPetrarch);
}

void PrintReport(const peers::ValidationReport& report, bool verbose) {
  for (const auto& r : report.results) {
    const auto& rec = *r.record;
    if (r.outcome == peers::Outcome::kFailed)
      std::printf("FAIL %s [%s] expected: %s | got: %s%s\n", rec.id.c_str(), rec.category.c_str(),
                  peers::DescribeExpected(rec).c_str(), peers::DescribeGot(r.got).c_str(),
                  r.reason.empty() ? "" : (" (" + r.reason + ")").c_str());
    else if (r.outcome == peers::Outcome::kSkipped && verbose)
      std::printf("SKIP %s [%s] %s\n", rec.id.c_str(), rec.category.c_str(), r.reason.c_str());
    if (verbose && r.outcome != peers::Outcome::kSkipped)
      for (const auto& t : r.got.trace) std::printf("  %s: %s\n", rec.id.c_str(), t.c_str());
  }
  for (const auto& [cat, c] : report.by_category)
    std::printf("category %-10s %3d passed, %3d failed, %3d skipped\n", cat.c_str(), c.passed, c.failed, c.skipped);
  std::printf("%d passed, %d failed, %d skipped\n", report.total.passed, report.total.failed, report.total.skipped);
}

int RunValidate(const ValidateArgs& a) {
  auto set = peers::ReadRecords(a.records);
  if (!set.ok()) {
    std::fprintf(stderr, "parley validate: %s\n", set.status().message().c_str());
    return kExitUsage;
  }
  auto dict = LoadDictionaries(a, *set);
  if (!dict.ok()) {
    std::fprintf(stderr, "parley validate: %s\n", dict.status().message().c_str());
    return kExitUsage;
  }
  for (const auto& d : dict->diagnostics) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  const peers::ValidationReport report = peers::Validate(*set, *dict);
  PrintReport(report, a.verbose);
  return report.total.failed == 0 ? kExitOk : kExitUnreadable;
}

}  // namespace

Command RegisterValidate(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand("validate", "Run a peer's validation records (PETRARCH XML, TABARI text)");
  cmd->add_option("records", args->records, "The validation records file")->required();
  cmd->add_option("--dict", args->dict_dir,
                  "A folder of peer dictionaries, or one written by `parley dict convert` (default: those the records name)");
  cmd->add_option("--dict-format", args->format, "Format of --dict: petrarch or tabari")
      ->check(CLI::IsMember({"petrarch", "tabari"}));
  cmd->add_flag("--verbose", args->verbose, "Also print skipped records, the actors found and why each event was coded");
  return {cmd, [args] { return RunValidate(*args); }};
}

}  // namespace parley::cli
