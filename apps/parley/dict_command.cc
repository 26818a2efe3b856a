// `parley dict check [DIR...]`: loads the dictionaries (the built-in folder when no DIR is
// given; several DIRs are layered in order, as `--dict` does) and prints every problem as
// `file:line: error|warning: message`. Exit status 0 when there is no error (warnings are
// printed but do not fail), 1 when there is any, 2 when a folder does not exist.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "parley/lexicon.h"
#include "parley/pipeline.h"

namespace parley::cli {
namespace {

int RunCheck(const std::vector<std::string>& dirs_given) {
  std::vector<std::string> dirs = dirs_given;
  if (dirs.empty()) dirs.push_back(DefaultDictDir());
  auto lex = lexicon::Lexicon::Load(dirs);
  if (!lex.ok()) {
    std::fprintf(stderr, "parley dict check: %s\n", lex.status().message().c_str());
    return kExitUsage;
  }
  size_t errors = 0, warnings = 0;
  for (const auto& d : (*lex)->diagnostics()) {
    std::printf("%s\n", d.ToString().c_str());
    ++(d.error ? errors : warnings);
  }
  std::printf("parley dict check: %zu entries, %zu errors, %zu warnings\n", (*lex)->entries().size(), errors,
              warnings);
  return errors == 0 ? kExitOk : kExitUnreadable;
}

}  // namespace

Command RegisterDict(CLI::App& app) {
  auto dirs = std::make_shared<std::vector<std::string>>();
  CLI::App* dict = app.add_subcommand("dict", "Work with dictionaries");
  dict->require_subcommand(1);
  CLI::App* check = dict->add_subcommand(
      "check", "Report malformed lines, duplicates, conflicting codes and overlapping dates of office");
  check->add_option("dirs", *dirs, "Dictionary folders (default: the built-in one), layered in order");
  return {dict, [dirs] { return RunCheck(*dirs); }};
}

}  // namespace parley::cli
