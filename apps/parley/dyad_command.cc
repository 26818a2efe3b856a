// `parley dyad A B [--by day|week|month] [--since D] [--until D] [--svg FILE] [--db FILE]`:
// events between two actors per period, by quad class in both directions, with the mean
// Goldstein value, as a table and a terminal chart; --svg writes a chart for reports.
#include <cstdio>
#include <fstream>
#include <string>

#include "analysis/dyad.h"
#include "commands.h"
#include "parley/store.h"

namespace parley::cli {
namespace {

struct DyadArgs {
  std::string db = "parley.db";
  std::string a, b, by = "month", svg;
  std::string since, until;
};

int Usage(const std::string& message) {
  std::fprintf(stderr, "parley dyad: %s\n", message.c_str());
  return kExitUsage;
}

int RunDyad(DyadArgs args) {
  if (Status st = store::ValidateActorCode("A", &args.a); !st.ok()) return Usage(st.message());
  if (Status st = store::ValidateActorCode("B", &args.b); !st.ok()) return Usage(st.message());
  std::optional<std::string> since, until;
  if (!args.since.empty()) since = args.since;
  if (!args.until.empty()) until = args.until;
  if (Status st = store::ValidateDateBound("--since", true, &since); !st.ok()) return Usage(st.message());
  if (Status st = store::ValidateDateBound("--until", false, &until); !st.ok()) return Usage(st.message());
  const analysis::Period period = args.by == "day"    ? analysis::Period::kDay
                                  : args.by == "week" ? analysis::Period::kWeek
                                                      : analysis::Period::kMonth;
  auto db = store::Store::Open(args.db, store::Store::Mode::kReadOnly);
  if (!db.ok()) {
    std::fprintf(stderr, "parley: %s\n", db.status().message().c_str());
    return kExitUnreadable;
  }
  auto events = (*db)->DyadEvents(args.a, args.b, since, until);
  if (!events.ok()) {
    std::fprintf(stderr, "parley: %s\n", events.status().message().c_str());
    return kExitUnreadable;
  }
  int coarse = 0;
  const auto rows = analysis::DyadSeries(*events, period, &coarse);
  std::string out;
  if (rows.empty()) out = "no dated events between " + args.a + " and " + args.b + "\n";
  else analysis::WriteDyadTable(args.a, args.b, rows, &out);
  if (coarse > 0) {
    out += "(" + std::to_string(coarse) + (coarse == 1 ? " event dated only by a longer span, such as a year, is"
                                                      : " events dated only by a longer span, such as a year, are") +
           " left out)\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!args.svg.empty()) {
    std::string svg;
    analysis::WriteDyadSvg(args.a, args.b, rows, &svg);
    std::ofstream f(args.svg, std::ios::binary);
    f << svg;
    if (!f) {
      std::fprintf(stderr, "parley: cannot write %s\n", args.svg.c_str());
      return kExitUnreadable;
    }
  }
  return kExitOk;
}

}  // namespace

Command RegisterDyad(CLI::App& app) {
  auto a = std::make_shared<DyadArgs>();
  CLI::App* cmd = app.add_subcommand("dyad", "Events between two actors over time");
  cmd->add_option("A", a->a, "First actor code or prefix (USA, RUSGOV)")->required();
  cmd->add_option("B", a->b, "Second actor code or prefix")->required();
  cmd->add_option("--by", a->by, "day, week or month")->check(CLI::IsMember({"day", "week", "month"}))
      ->capture_default_str();
  cmd->add_option("--since", a->since, "Events on or after this date (YYYY[-MM[-DD]])");
  cmd->add_option("--until", a->until, "Events on or before this date (YYYY[-MM[-DD]])");
  cmd->add_option("--svg", a->svg, "Also write the chart as an SVG file");
  cmd->add_option("--db", a->db, "The store")->capture_default_str();
  return {cmd, [a] { return RunDyad(*a); }};
}

}  // namespace parley::cli
