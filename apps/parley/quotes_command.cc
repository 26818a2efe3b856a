// `parley quotes [--db FILE] [--speaker NAME|CODE] [--since D] [--until D] [--limit N]
//  [--format table|csv|jsonl]`: stored quotations, dated by their article.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "analysis/export.h"
#include "commands.h"
#include "parley/store.h"

namespace parley::cli {
namespace {

struct QuotesArgs {
  std::string db = "parley.db";
  std::string speaker, since, until, format;
  int64_t limit = 0;
  CLI::Option* limit_opt = nullptr;
};

int RunQuotes(const QuotesArgs& a) {
  store::QuoteFilter f;
  if (!a.speaker.empty()) f.speaker = a.speaker;
  if (!a.since.empty()) f.since = a.since;
  if (!a.until.empty()) f.until = a.until;
  if (a.limit_opt->count() > 0) f.limit = a.limit;
  if (Status st = store::ValidateQuoteFilter(&f); !st.ok()) {
    std::fprintf(stderr, "parley quotes: %s\n", st.message().c_str());
    return kExitUsage;
  }
  auto db = store::Store::Open(a.db, store::Store::Mode::kReadOnly);
  if (!db.ok()) {
    std::fprintf(stderr, "parley: %s\n", db.status().message().c_str());
    return kExitUnreadable;
  }
  auto rows = (*db)->Quotes(f);
  if (!rows.ok()) {
    std::fprintf(stderr, "parley: %s\n", rows.status().message().c_str());
    return kExitUnreadable;
  }
  analysis::Format format = a.format == "csv"     ? analysis::Format::kCsv
                            : a.format == "jsonl" ? analysis::Format::kJsonl
                            : a.format == "table" ? analysis::Format::kTable
                            : isatty(STDOUT_FILENO) ? analysis::Format::kTable
                                                    : analysis::Format::kJsonl;
  std::string out;
  analysis::WriteQuotes(*rows, format, &out);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Command RegisterQuotes(CLI::App& app) {
  auto a = std::make_shared<QuotesArgs>();
  CLI::App* cmd = app.add_subcommand("quotes", "List stored quotations");
  cmd->add_option("--db", a->db, "The store")->capture_default_str();
  cmd->add_option("--speaker", a->speaker, "Speaker name (any part) or actor code prefix (RUSGOV)");
  cmd->add_option("--since", a->since, "Articles on or after this date (YYYY[-MM[-DD]])");
  cmd->add_option("--until", a->until, "Articles on or before this date (YYYY[-MM[-DD]])");
  a->limit_opt = cmd->add_option("--limit", a->limit, "At most this many rows");
  cmd->add_option("--format", a->format, "table (default on a terminal), csv or jsonl")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}));
  return {cmd, [a] { return RunQuotes(*a); }};
}

}  // namespace parley::cli
