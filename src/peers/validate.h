// The validation runner: codes every record of a peer's validation file with the dictionaries
// the file names (or given ones), by parley's own actor recogniser and event coder with the
// records' parses as clause hints (peers/record_coder.h), and compares with the expected codings.
//
// A record passes when its coder error equals the expected error, or when there is no error
// and the set of (source, target, code) triples equals the expected set (no event for
// noevents="True"). Records are skipped, each with a reason, when the file's <Include> list
// leaves their category out, when the suite marks them sentence="false", or when an earlier
// record has the same text, parse, date and options but expects a different coding (the
// expectation then cannot follow from the words). Pure function of its inputs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "peers/dictionaries.h"
#include "peers/records.h"

namespace parley::peers {

enum class Outcome { kPassed, kFailed, kSkipped };

struct RecordResult {
  const ValidationRecord* record = nullptr;
  Outcome outcome = Outcome::kPassed;
  CodeResult got;
  std::string reason;  // skipped: why
};

struct CategoryCount {
  int passed = 0, failed = 0, skipped = 0;
};

struct ValidationReport {
  std::vector<RecordResult> results;
  std::map<std::string, CategoryCount> by_category;
  CategoryCount total;
};

// The records are coded by parley's own pipeline (peers/record_coder.h). When its Lexicon
// cannot be built, every record fails with that error.
ValidationReport Validate(const RecordSet& records, const PeerDictionary& dict);

// "SRC TGT CODE; ..." or "no events" or "error=NAME".
std::string DescribeExpected(const ValidationRecord& r);
std::string DescribeGot(const CodeResult& got);

}  // namespace parley::peers
