// parley: political event data from news text. Thin: parse arguments, call the library,
// map results to exit codes (see ../shared/docs/contract.md).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
  using namespace parley::cli;
  CLI::App app{"parley: political event data from news text"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "parley 0.1.0");
  const std::vector<Command> commands = {
      RegisterCode(app),
      RegisterDict(app),
      RegisterIngest(app),
      RegisterEvents(app),
      RegisterQuotes(app),
      RegisterDyad(app),
      RegisterValidate(app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) {
      try {
        return command.run();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "parley: internal error: %s\n", e.what());
        return kExitUnreadable;
      }
    }
  }
  return kExitUsage;
}
