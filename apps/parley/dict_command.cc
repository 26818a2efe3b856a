// `parley dict check [DIR...]`: loads the dictionaries (the built-in folder when no DIR is
// given; several DIRs are layered in order, as `--dict` does), checks the actor files and the
// event patterns of verbs/ (src/code/pattern_checks.h), and prints every problem as
// `file:line: error|warning: message`. Exit status 0 when there is no error (warnings are
// printed but do not fail), 1 when there is any, 2 when a folder does not exist.
#include <cstdio>
#include <string>
#include <vector>

#include "code/pattern_checks.h"
#include "commands.h"
#include "parley/lexicon.h"
#include "parley/pipeline.h"
#include "peers/convert.h"
#include "peers/dictionaries.h"

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
  const code::PatternCheckReport patterns = code::CheckPatternFolders(dirs);
  for (const auto& f : patterns.findings) {
    std::printf("%s\n", f.ToString().c_str());
    ++(f.error ? errors : warnings);
  }
  std::printf("parley dict check: %zu entries, %zu patterns, %zu errors, %zu warnings\n",
              (*lex)->entries().size(), patterns.patterns, errors, warnings);
  return errors == 0 ? kExitOk : kExitUnreadable;
}

struct ConvertArgs {
  std::string from = "petrarch";
  std::string in_dir, out_dir;
};

// `parley dict convert --from petrarch|tabari IN_DIR OUT_DIR`: a peer dictionary folder
// written as parley's own files (see src/peers/convert.h). Exit 1 when the input has bad
// lines (each printed as file:line; the rest is converted), 2 when a folder is unusable.
int RunConvert(const ConvertArgs& a) {
  auto dict = peers::LoadFolder(a.in_dir, a.from == "tabari" ? peers::PeerFormat::kTabari : peers::PeerFormat::kPetrarch);
  if (!dict.ok()) {
    std::fprintf(stderr, "parley dict convert: %s\n", dict.status().message().c_str());
    return kExitUsage;
  }
  for (const auto& d : dict->diagnostics) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  peers::ConvertStats st;
  if (Status s = peers::WriteParleyFolder(*dict, a.out_dir, &st); !s.ok()) {
    std::fprintf(stderr, "parley dict convert: %s\n", s.message().c_str());
    return kExitUsage;
  }
  std::printf("parley dict convert: %zu actors, %zu agents, %zu verb blocks (%zu patterns), %zu synsets, %zu discards -> %s\n",
              st.actors, st.agents, st.blocks, st.patterns, st.synsets, st.discards, a.out_dir.c_str());
  return dict->diagnostics.empty() ? kExitOk : kExitUnreadable;
}

}  // namespace

Command RegisterDict(CLI::App& app) {
  auto dirs = std::make_shared<std::vector<std::string>>();
  CLI::App* dict = app.add_subcommand("dict", "Work with dictionaries");
  dict->require_subcommand(1);
  CLI::App* check = dict->add_subcommand(
      "check", "Report malformed lines, duplicates, conflicting codes and overlapping dates of office");
  check->add_option("dirs", *dirs, "Dictionary folders (default: the built-in one), layered in order");
  auto conv = std::make_shared<ConvertArgs>();
  CLI::App* convert = dict->add_subcommand("convert", "Write a TABARI/PETRARCH dictionary folder in parley's own format");
  convert->add_option("--from", conv->from, "The input's format: petrarch or tabari")
      ->check(CLI::IsMember({"petrarch", "tabari"}));
  convert->add_option("in_dir", conv->in_dir, "Folder of peer dictionaries (*actors*, *agents*, *verbs*, *discards*)")->required();
  convert->add_option("out_dir", conv->out_dir, "Folder to write")->required();
  return {dict, [dirs, conv, convert] { return convert->parsed() ? RunConvert(*conv) : RunCheck(*dirs); }};
}

}  // namespace parley::cli
