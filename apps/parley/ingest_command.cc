// `parley ingest INPUT... [--db FILE] [--threads N] [--date YYYY-MM-DD] [--dict DIR] [--recode]`
// Reads documents (this thread), skips known content, codes on N threads, and stores on one
// writer thread in batches of one transaction each, in input order. A kill at any moment
// loses at most the open batch; the next run skips what was stored and goes on.
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "commands.h"
#include "parley/ingest.h"
#include "parley/pipeline.h"
#include "parley/store.h"

namespace parley::cli {
namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread, in nanoseconds: coding and storing are compared by the work
// they do, not by wall time, which on a busy machine also counts time spent waiting for a core.
uint64_t ThreadCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db = "parley.db";
  int threads = 0;
  std::string date;
  std::vector<std::string> dicts;
  bool recode = false;
  int batch = 256;
};

// A closable queue; Pop waits up to `timeout` and returns nothing on timeout or when closed
// and drained.
template <typename T>
class Queue {
 public:
  void Push(T item) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      items_.push_back(std::move(item));
    }
    cv_.notify_one();
  }
  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    cv_.notify_all();
  }
  std::optional<T> Pop(std::chrono::milliseconds timeout = std::chrono::hours(24)) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, timeout, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }
  bool Drained() {
    std::lock_guard<std::mutex> lock(mu_);
    return closed_ && items_.empty();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<T> items_;
  bool closed_ = false;
};

struct Task {
  uint64_t seq = 0;
  Document doc;
  store::DocHashes hashes;
  bool recode = false;
};

struct Coded {
  uint64_t seq = 0;
  CodedDocument cd;
  store::DocHashes hashes;
  bool recode = false;
};

struct Stats {
  std::atomic<uint64_t> read{0}, fresh{0}, versions{0}, duplicates{0}, recoded{0};
  std::atomic<uint64_t> events{0}, quotes{0}, warned{0};
  std::atomic<uint64_t> code_ns{0}, store_ns{0};  // time in Pipeline::Code (all threads), in the store
  std::mutex mu;
  std::vector<std::string> failures;  // "id: reason"
  void Fail(std::string what) {
    std::lock_guard<std::mutex> lock(mu);
    failures.push_back(std::move(what));
  }
  uint64_t Done() {
    std::lock_guard<std::mutex> lock(mu);
    return fresh + versions + duplicates + recoded + failures.size();
  }
};

// Limits how many documents are between the reader and the writer, so memory stays flat.
class InFlight {
 public:
  explicit InFlight(size_t cap) : cap_(cap) {}
  void Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return n_ < cap_; });
    ++n_;
  }
  void Release() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      --n_;
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  size_t n_ = 0, cap_;
};

// A progress bar on a terminal, a plain line every few seconds otherwise.
class Progress {
 public:
  Progress(std::optional<uint64_t> total, bool tty) : total_(total), tty_(tty) {}

  void Update(uint64_t done, bool force = false) {
    const auto now = Clock::now();
    const auto every = tty_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000);
    if (!force && now - last_ < every) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
    std::string eta = "?";
    if (total_ && rate > 0 && *total_ >= done) eta = Duration((static_cast<double>(*total_ - done)) / rate);
    if (tty_) {
      std::fprintf(stderr, "\r%s %llu%s docs  %.1f docs/s  ETA %s   ", Bar(done).c_str(),
                   static_cast<unsigned long long>(done), TotalText().c_str(), rate, eta.c_str());
    } else {
      std::fprintf(stderr, "parley ingest: %llu%s documents, %.1f docs/s, ETA %s\n",
                   static_cast<unsigned long long>(done), TotalText().c_str(), rate, eta.c_str());
    }
    std::fflush(stderr);
  }
  void Finish() {
    if (tty_) std::fprintf(stderr, "\r%80s\r", "");
  }
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  static std::string Duration(double s) {
    const long t = static_cast<long>(s + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    return buf;
  }
  std::string TotalText() const { return total_ ? "/" + std::to_string(*total_) : ""; }
  std::string Bar(uint64_t done) const {
    if (!total_ || *total_ == 0) return "";
    const size_t width = 30, filled = std::min<uint64_t>(width, done * width / *total_);
    return "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
  }

  std::optional<uint64_t> total_;
  bool tty_;
  Clock::time_point start_ = Clock::now(), last_ = start_;
};

// Documents the inputs will give, for the ETA: one per .txt/.html file, one per non-blank
// JSONL line. Unknown for stdin.
std::optional<uint64_t> EstimateTotal(const std::vector<ingest::InputSource>& sources) {
  uint64_t total = 0;
  for (const auto& s : sources) {
    if (s.is_stdin) return std::nullopt;
    if (s.format != InputFormat::kJsonl) {
      ++total;
      continue;
    }
    std::ifstream in(s.path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) total += line.find_first_not_of(" \t\r") != std::string::npos;
  }
  return total;
}

class Ingest {
 public:
  Ingest(const IngestArgs& args, std::shared_ptr<const Pipeline> pipeline,
         std::unique_ptr<store::Store> writer_store, std::unique_ptr<store::Store> reader_store)
      : args_(args),
        pipeline_(std::move(pipeline)),
        writer_store_(std::move(writer_store)),
        reader_store_(std::move(reader_store)),
        in_flight_(static_cast<size_t>(4 * Threads() + 16)) {}

  int Run(const std::vector<ingest::InputSource>& sources, const std::vector<std::string>& problems);

 private:
  int Threads() const {
    const int hw = static_cast<int>(std::thread::hardware_concurrency());
    return args_.threads > 0 ? args_.threads : std::max(1, hw);
  }
  void Offer(Document&& doc, bool force_recode);
  void CodeLoop();
  void WriteLoop(Progress* progress);
  bool Store(Coded& c);
  void PrintSummary(double seconds);

  const IngestArgs& args_;
  std::shared_ptr<const Pipeline> pipeline_;
  std::unique_ptr<store::Store> writer_store_, reader_store_;
  Queue<Task> tasks_;
  Queue<Coded> coded_;
  InFlight in_flight_;
  Stats stats_;
  std::unordered_set<std::string> seen_;
  uint64_t next_seq_ = 0;
  std::atomic<bool> fatal_{false};
  std::string fatal_message_;
};

// Reader side: counts, drops unreadable and known documents, hands the rest to the coders.
void Ingest::Offer(Document&& doc, bool force_recode) {
  ++stats_.read;
  if (doc.unreadable) {
    stats_.Fail(doc.id + ": " + (doc.errors.empty() ? "unreadable" : doc.errors.front().message));
    return;
  }
  if (!doc.errors.empty()) ++stats_.warned;
  store::DocHashes hashes = store::HashDocument(doc);
  if (!seen_.insert(hashes.Identity()).second) {
    ++stats_.duplicates;
    return;
  }
  auto known = reader_store_->HasContent(hashes);
  const bool stored = known.ok() && *known;
  if (stored && !(args_.recode || force_recode)) {
    ++stats_.duplicates;
    return;
  }
  in_flight_.Acquire();
  tasks_.Push(Task{next_seq_++, std::move(doc), std::move(hashes), stored});
}

void Ingest::CodeLoop() {
  while (auto task = tasks_.Pop()) {
    Coded c;
    c.seq = task->seq;
    c.hashes = std::move(task->hashes);
    c.recode = task->recode;
    const uint64_t t0 = ThreadCpuNs();
    c.cd = pipeline_->Code(std::move(task->doc));
    stats_.code_ns += ThreadCpuNs() - t0;
    coded_.Push(std::move(c));
  }
}

bool Ingest::Store(Coded& c) {
  const uint64_t t0 = ThreadCpuNs();
  auto outcome = writer_store_->Put(c.cd, c.hashes, c.recode);
  stats_.store_ns += ThreadCpuNs() - t0;
  if (!outcome.ok()) {
    fatal_message_ = c.cd.doc.id + ": " + outcome.status().message();
    return false;
  }
  switch (*outcome) {
    case store::PutOutcome::kNew: ++stats_.fresh; break;
    case store::PutOutcome::kNewVersion: ++stats_.versions; break;
    case store::PutOutcome::kDuplicate: ++stats_.duplicates; return true;
    case store::PutOutcome::kRecoded: ++stats_.recoded; break;
  }
  stats_.events += c.cd.events.size();
  stats_.quotes += c.cd.quotes.size();
  return true;
}

// Writer side: stores coded documents in input order, one transaction per batch.
void Ingest::WriteLoop(Progress* progress) {
  std::map<uint64_t, Coded> pending;
  uint64_t want = 0;
  int in_batch = 0;
  auto batch_start = Clock::now();
  auto commit = [&] {
    if (in_batch == 0) return true;
    const uint64_t t0 = ThreadCpuNs();
    Status st = writer_store_->Commit();
    stats_.store_ns += ThreadCpuNs() - t0;
    in_batch = 0;
    if (!st.ok()) fatal_message_ = "commit: " + st.message();
    return st.ok();
  };
  while (!coded_.Drained()) {
    if (auto c = coded_.Pop(std::chrono::milliseconds(200))) pending.emplace(c->seq, std::move(*c));
    for (auto it = pending.find(want); it != pending.end() && !fatal_; it = pending.find(want)) {
      if (in_batch == 0) {
        if (Status st = writer_store_->Begin(); !st.ok()) {
          fatal_message_ = "begin: " + st.message();
          fatal_ = true;
          break;
        }
        batch_start = Clock::now();
      }
      ++in_batch;
      if (!Store(it->second)) {
        writer_store_->Rollback();
        fatal_ = true;
      }
      pending.erase(it);
      ++want;
      in_flight_.Release();
      if (!fatal_ && (in_batch >= args_.batch || Clock::now() - batch_start > std::chrono::seconds(2))) {
        if (!commit()) fatal_ = true;
      }
    }
    if (fatal_) {
      // Let the reader and coders finish without storing anything more.
      for (size_t i = 0; i < pending.size(); ++i) in_flight_.Release();
      pending.clear();
    }
    progress->Update(stats_.Done());
  }
  if (!fatal_ && !commit()) fatal_ = true;
}

void Ingest::PrintSummary(double seconds) {
  auto totals = writer_store_->Count();
  const uint64_t stored = stats_.fresh + stats_.versions;
  std::printf("ingest summary (%s, %.1f s)\n", args_.db.c_str(), seconds);
  std::printf("  documents read: %llu\n", static_cast<unsigned long long>(stats_.read.load()));
  std::printf("  new:            %llu\n", static_cast<unsigned long long>(stored));
  std::printf("  new versions:   %llu\n", static_cast<unsigned long long>(stats_.versions.load()));
  std::printf("  duplicate:      %llu\n", static_cast<unsigned long long>(stats_.duplicates.load()));
  if (args_.recode) std::printf("  recoded:        %llu\n", static_cast<unsigned long long>(stats_.recoded.load()));
  std::printf("  failed:         %zu\n", stats_.failures.size());
  for (const auto& f : stats_.failures) std::printf("    - %s\n", f.c_str());
  std::printf("  events:         %llu\n", static_cast<unsigned long long>(stats_.events.load()));
  std::printf("  quotations:     %llu\n", static_cast<unsigned long long>(stats_.quotes.load()));
  if (stats_.warned > 0) {
    std::printf("  (%llu documents carried warnings; they are stored with them)\n",
                static_cast<unsigned long long>(stats_.warned.load()));
  }
  const double code_s = static_cast<double>(stats_.code_ns) / 1e9;
  const double store_s = static_cast<double>(stats_.store_ns) / 1e9;
  std::printf("  CPU time:       coding %.2f s (all threads), storing %.2f s (%.1f%% of coding)\n",
              code_s, store_s, code_s > 0 ? 100.0 * store_s / code_s : 0.0);
  if (totals.ok()) {
    std::printf("  in the store:   %lld documents, %lld events (%lld mentions), %lld quotations\n",
                static_cast<long long>(totals->documents), static_cast<long long>(totals->events),
                static_cast<long long>(totals->mentions), static_cast<long long>(totals->quotes));
  }
  std::fflush(stdout);
}

int Ingest::Run(const std::vector<ingest::InputSource>& sources, const std::vector<std::string>& problems) {
  for (const auto& p : problems) stats_.Fail(p);
  Progress progress(EstimateTotal(sources), isatty(STDERR_FILENO) != 0);
  std::vector<std::thread> coders;
  for (int i = 0; i < Threads(); ++i) coders.emplace_back([this] { CodeLoop(); });
  std::thread writer([&] { WriteLoop(&progress); });
  ingest::ReadOptions ropts;
  if (!args_.date.empty()) ropts.fallback_date = args_.date;
  for (const auto& source : sources) {
    if (fatal_) break;
    ingest::ReadSource(source, ropts, [&](Document&& doc) {
      if (!fatal_) Offer(std::move(doc), false);
    });
  }
  if (sources.empty() && args_.recode && !fatal_) {
    auto stored = reader_store_->LoadDocuments({});
    if (stored.ok()) {
      for (auto& cd : *stored) Offer(std::move(cd.doc), true);
    }
  }
  tasks_.Close();
  for (auto& t : coders) t.join();
  coded_.Close();
  writer.join();
  progress.Update(stats_.Done(), true);
  progress.Finish();
  if (fatal_) {
    std::fprintf(stderr, "parley ingest: stopped: %s (everything stored before this is kept; "
                 "run again to go on)\n", fatal_message_.c_str());
  }
  PrintSummary(progress.Seconds());
  return fatal_ || !stats_.failures.empty() ? kExitUnreadable : kExitOk;
}

int RunIngest(const IngestArgs& args) {
  if (!args.date.empty() && !IsIsoDate(args.date)) {
    std::fprintf(stderr, "parley: --date: \"%s\" is not a date in the form YYYY-MM-DD\n", args.date.c_str());
    return kExitUsage;
  }
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty() && !args.recode) {
    if (isatty(STDIN_FILENO)) {
      std::fprintf(stderr, "parley ingest: give files, folders, or - for JSONL on stdin\n");
      return kExitUsage;
    }
    inputs.push_back("-");
  }
  PipelineOptions popts;
  popts.dict_dirs = args.dicts;
  auto pipeline = Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley: %s\n", pipeline.status().message().c_str());
    return kExitUsage;
  }
  auto writer = store::Store::Open(args.db, store::Store::Mode::kReadWrite);
  if (!writer.ok()) {
    std::fprintf(stderr, "parley: %s\n", writer.status().message().c_str());
    return kExitUnreadable;
  }
  auto reader = store::Store::Open(args.db, store::Store::Mode::kReadOnly);
  if (!reader.ok()) {
    std::fprintf(stderr, "parley: %s\n", reader.status().message().c_str());
    return kExitUnreadable;
  }
  ingest::ExpandResult expanded = ingest::ExpandInputs(inputs);
  for (const auto& n : expanded.notices) std::fprintf(stderr, "parley: notice: %s\n", n.c_str());
  Ingest ingest(args, std::move(pipeline.value()), std::move(writer.value()), std::move(reader.value()));
  return ingest.Run(expanded.sources, expanded.problems);
}

}  // namespace

Command RegisterIngest(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Code documents and add them to the store");
  cmd->add_option("inputs", args->inputs, "Files (.txt, .html, .jsonl), folders, or - for JSONL on stdin");
  cmd->add_option("--db", args->db, "The store (SQLite file; created when missing)")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Coding threads (default: all cores)")->check(CLI::Range(1, 256));
  cmd->add_option("--date", args->date, "Document date (YYYY-MM-DD) for documents that carry none");
  cmd->add_option("--dict", args->dicts, "A dictionary folder laid over the built-in one (repeatable)");
  cmd->add_flag("--recode", args->recode,
                "Re-code documents already stored (after a dictionary change); with no INPUT, "
                "re-code everything stored");
  cmd->add_option("--batch", args->batch, "Documents per transaction")->check(CLI::Range(1, 100000));
  return {cmd, [args] { return RunIngest(*args); }};
}

}  // namespace parley::cli
