// The coder the validator runs on the peers' records: parley's own pipeline pieces on a
// Lexicon built from the peer dictionary (as `parley code --dict-format` builds one) and the
// dictionary's verbs compiled into parley's PatternSet (peers/verb_patterns.h).
//
// Per record: a wire-service dateline and an unbalanced parse are errors, as the peers report
// them; the record's parse (TABARI's records have none: a shallow one is made, as TABARI reads
// a sentence) becomes a one-sentence TextLayer with clause hints (peers/clause_hints_from_parse.h);
// the pattern set's discard phrases stop coding; actors are found by parley's actor recogniser
// (extract/actors) as of the record's date; events by parley's coder (code/coder.h) with the
// clause hints. Events are (source, target, code) triples.
//
// Thread-safe after construction: Code() reads only its arguments and the compiled tables.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "code/patterns.h"
#include "parley/lexicon.h"
#include "peers/dictionaries.h"
#include "peers/records.h"

namespace parley::peers {

class RecordCoder {
 public:
  // Builds the Lexicon of `dict`'s actors and agents (written to a temporary folder in parley's
  // format and loaded from it). `patterns`: the dictionary's verbs compiled (verb_patterns.h).
  static Result<RecordCoder> Create(const PeerDictionary& dict, std::shared_ptr<const code::PatternSet> patterns);
  CodeResult Code(const ValidationRecord& record) const;

 private:
  std::shared_ptr<const lexicon::Lexicon> lexicon_;
  std::shared_ptr<const code::PatternSet> patterns_;
  std::vector<std::string> prefix_roles_;  // agents written before the actor's code (`[NGO~]`)
};

}  // namespace parley::peers
