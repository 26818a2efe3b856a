// `parley events [--db FILE] [filters] [--format table|csv|jsonl|gdelt] [--mentions]`
// Deduplicated events from the store (one per source, target, code and date, with mentions,
// sources and articles counts); --mentions lists every statement instead.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "analysis/export.h"
#include "commands.h"
#include "parley/store.h"

namespace parley::cli {
namespace {

struct EventsArgs {
  std::string db = "parley.db";
  std::string source, target, actor, dyad, code, since, until, modality, text, format;
  int quad = 0;
  int64_t limit = 0;
  bool mentions = false;
  CLI::Option* quad_opt = nullptr;   // given or not (0 is a value to refuse, not "absent")
  CLI::Option* limit_opt = nullptr;
};

int Usage(const std::string& message) {
  std::fprintf(stderr, "parley events: %s\n", message.c_str());
  return kExitUsage;
}

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// Builds the store filter from the options; fails with the message to show.
Result<store::EventFilter> MakeFilter(const EventsArgs& a) {
  store::EventFilter f;
  f.source = NonEmpty(a.source);
  f.target = NonEmpty(a.target);
  f.actor = NonEmpty(a.actor);
  if (!a.dyad.empty()) {
    const size_t comma = a.dyad.find(',');
    if (comma == std::string::npos || a.dyad.find(',', comma + 1) != std::string::npos) {
      return Status(StatusCode::kInvalidArgument, "--dyad: give two actor codes as A,B (e.g. USA,RUS)");
    }
    f.dyad = std::make_pair(a.dyad.substr(0, comma), a.dyad.substr(comma + 1));
  }
  f.code = NonEmpty(a.code);
  if (a.quad_opt->count() > 0) f.quad = a.quad;
  f.since = NonEmpty(a.since);
  f.until = NonEmpty(a.until);
  f.modality = NonEmpty(a.modality);
  f.text = NonEmpty(a.text);
  if (a.limit_opt->count() > 0) f.limit = a.limit;
  if (Status st = store::ValidateEventFilter(&f); !st.ok()) return st;
  return f;
}

analysis::Format ParseFormat(const std::string& name) {
  if (name == "csv") return analysis::Format::kCsv;
  if (name == "jsonl") return analysis::Format::kJsonl;
  if (name == "gdelt") return analysis::Format::kGdelt;
  if (name == "table") return analysis::Format::kTable;
  return isatty(STDOUT_FILENO) ? analysis::Format::kTable : analysis::Format::kJsonl;
}

int RunEvents(const EventsArgs& args) {
  auto filter = MakeFilter(args);
  if (!filter.ok()) return Usage(filter.status().message());
  const analysis::Format format = ParseFormat(args.format);
  if (args.mentions && format == analysis::Format::kGdelt) {
    return Usage("--format gdelt lists events; it cannot be combined with --mentions");
  }
  auto db = store::Store::Open(args.db, store::Store::Mode::kReadOnly);
  if (!db.ok()) {
    std::fprintf(stderr, "parley: %s\n", db.status().message().c_str());
    return kExitUnreadable;
  }
  std::string out;
  Status st;
  if (args.mentions) {
    auto rows = (*db)->Mentions(*filter);
    if (rows.ok()) analysis::WriteMentions(*rows, format, &out);
    st = rows.status();
  } else {
    auto rows = (*db)->Events(*filter);
    if (rows.ok()) analysis::WriteEvents(*rows, format, &out);
    st = rows.status();
  }
  if (!st.ok()) {
    if (st.code() == StatusCode::kInvalidArgument) return Usage(st.message());
    std::fprintf(stderr, "parley: %s\n", st.message().c_str());
    return kExitUnreadable;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Command RegisterEvents(CLI::App& app) {
  auto a = std::make_shared<EventsArgs>();
  CLI::App* cmd = app.add_subcommand("events", "List stored events (deduplicated across articles)");
  cmd->add_option("--db", a->db, "The store")->capture_default_str();
  cmd->add_option("--source", a->source, "Source actor code or prefix (RUS, RUSGOV)");
  cmd->add_option("--target", a->target, "Target actor code or prefix");
  cmd->add_option("--actor", a->actor, "Actor code or prefix on either side");
  cmd->add_option("--dyad", a->dyad, "Two actor codes A,B: events between them, both directions");
  cmd->add_option("--code", a->code, "CAMEO code or prefix (13 = every threat)");
  a->quad_opt = cmd->add_option("--quad", a->quad, "Quad class 1-4");
  cmd->add_option("--since", a->since, "Events on or after this date (YYYY[-MM[-DD]])");
  cmd->add_option("--until", a->until, "Events on or before this date (YYYY[-MM[-DD]])");
  cmd->add_option("--modality", a->modality, "asserted, negated, hypothetical or reported");
  cmd->add_option("--text", a->text, "Full-text search over the evidence (SQLite FTS5 syntax)");
  a->limit_opt = cmd->add_option("--limit", a->limit, "At most this many rows");
  cmd->add_option("--format", a->format, "table (default on a terminal), csv, jsonl or gdelt")
      ->check(CLI::IsMember({"table", "csv", "jsonl", "gdelt"}));
  cmd->add_flag("--mentions", a->mentions, "List every mention (statement in a document), not events");
  return {cmd, [a] { return RunEvents(*a); }};
}

}  // namespace parley::cli
