#include "peers/validate.h"

#include <algorithm>
#include <memory>

#include "peers/record_coder.h"
#include "peers/verb_patterns.h"

namespace parley::peers {
namespace {

std::string Describe(const std::vector<ExpectedEvent>& events) {
  if (events.empty()) return "no events";
  std::string s;
  for (const auto& e : events) s += (s.empty() ? "" : "; ") + e.source + " " + e.target + " " + e.code;
  return s;
}

std::string SkipReason(const ValidationRecord& r, const RecordSet& set,
                       std::map<std::string, const ValidationRecord*>* seen) {
  if (!set.include.empty() && std::find(set.include.begin(), set.include.end(), r.category) == set.include.end())
    return "category " + r.category + " is not in the file's <Include> list";
  if (!r.sentence) return "marked sentence=\"false\" by the suite";
  const std::string key = r.text + "\n" + r.parse + "\n" + r.date + "\n" + (r.options.require_dyad ? "1" : "0") +
                          std::to_string(r.options.new_actor_length);
  auto [it, fresh] = seen->emplace(key, &r);
  if (!fresh) {
    const ValidationRecord& first = *it->second;
    if (DescribeExpected(first) != DescribeExpected(r))
      return "same text, parse, date and options as " + first.id + " but a different expected coding";
  }
  return "";
}

bool Passes(const ValidationRecord& r, const CodeResult& got) {
  if (!r.expect_error.empty()) return got.error == r.expect_error;
  if (!got.error.empty()) return false;
  std::vector<ExpectedEvent> want = r.expected;
  std::sort(want.begin(), want.end());
  want.erase(std::unique(want.begin(), want.end()), want.end());
  return want == got.events;
}

}  // namespace

std::string DescribeExpected(const ValidationRecord& r) {
  if (!r.expect_error.empty()) return "error=" + r.expect_error;
  return Describe(r.expected);
}

std::string DescribeGot(const CodeResult& got) {
  if (!got.error.empty()) return "error=" + got.error;
  return Describe(got.events);
}

ValidationReport Validate(const RecordSet& records, const PeerDictionary& dict) {
  ValidationReport report;
  std::shared_ptr<const code::PatternSet> patterns = dict.patterns;
  if (patterns == nullptr) {
    auto compiled = CompilePatterns(dict);
    patterns = std::make_shared<const code::PatternSet>(compiled.ok() ? std::move(compiled.value()) : code::PatternSet());
  }
  auto own = RecordCoder::Create(dict, patterns);
  auto code = [&](const ValidationRecord& r) {
    if (own.ok()) return own->Code(r);
    CodeResult failed;
    failed.error = own.status().message();
    return failed;
  };
  std::map<std::string, const ValidationRecord*> seen;
  for (const auto& r : records.records) {
    RecordResult res;
    res.record = &r;
    res.reason = SkipReason(r, records, &seen);
    if (!res.reason.empty()) {
      res.outcome = Outcome::kSkipped;
    } else {
      res.got = code(r);
      res.outcome = r.problem.empty() && Passes(r, res.got) ? Outcome::kPassed : Outcome::kFailed;
      if (!r.problem.empty()) res.reason = r.problem;
    }
    CategoryCount& c = report.by_category[r.category];
    for (CategoryCount* count : {&c, &report.total}) {
      if (res.outcome == Outcome::kPassed) ++count->passed;
      else if (res.outcome == Outcome::kFailed) ++count->failed;
      else ++count->skipped;
    }
    report.results.push_back(std::move(res));
  }
  return report;
}

}  // namespace parley::peers
