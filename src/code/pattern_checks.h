// What `parley dict check` reports about the event patterns (dirs/verbs/ of each dictionary
// folder, layered in order as PatternSet::Load reads them): every line the pattern parser
// rejects (bad elements, unknown options, codes CAMEO does not have, unknown word sets; the
// check goes on after each), irregular.txt lines that are not BASE PAST PARTICIPLE, duplicate
// pattern ids and exact duplicate patterns (same code, words and options) as errors, and one
// pattern given a different code as a warning. Input: folder paths; output: the findings with
// file:line, in file order. Reads files only; pure otherwise, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace parley::code {

struct PatternFinding {
  std::string file;
  uint32_t line = 0;
  bool error = true;  // false: a warning
  std::string message;
  std::string ToString() const;  // "file:line: error: message", as the actor checks print
};

struct PatternCheckReport {
  size_t patterns = 0;  // pattern lines parsed without error
  std::vector<PatternFinding> findings;
};

PatternCheckReport CheckPatternFolders(const std::vector<std::string>& dirs);

}  // namespace parley::code
