// The parley CLI's subcommands. Each registers itself on the CLI11 app and returns the
// callback that runs it; `main` maps what they return to the contract's exit codes:
// 0 all read, 1 some input unreadable, 2 bad usage.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace parley::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUnreadable = 1;
inline constexpr int kExitUsage = 2;

// A registered subcommand's runner; called after parsing when that subcommand was chosen.
using Runner = std::function<int()>;
struct Command {
  CLI::App* app;
  Runner run;
};

Command RegisterCode(CLI::App& app);
Command RegisterDict(CLI::App& app);
Command RegisterIngest(CLI::App& app);
Command RegisterEvents(CLI::App& app);
Command RegisterQuotes(CLI::App& app);
Command RegisterDyad(CLI::App& app);
Command RegisterValidate(CLI::App& app);

// Checks a YYYY-MM-DD date given on the command line.
bool IsIsoDate(const std::string& s);

}  // namespace parley::cli
