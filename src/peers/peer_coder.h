// The coder the validator runs on the peers' records: PETRARCH/TABARI actors and agents (a
// PeerDictionary) and the dictionary's verbs compiled into parley's own PatternSet
// (peers/verb_patterns.h), applied to a sentence that comes with its Penn Treebank parse.
//
// Per record: the parse is read (an unbalanced parse is an error, as the peers report it);
// datelines and discard phrases (the PatternSet's discard lines) stop coding with an error;
// actor and agent phrases are found on the parse's words; the verbs are matched by parley's
// matcher (PatternSet::Match) over the parse's words, with clause hints from the parse: the
// verb phrase a verb heads bounds `...`, and noun phrases are what SKIP passes over. For each
// verb (VB* leaf) with a match, the event goes from the SRC slot, the passive's "by" agent or
// the clause's subject to the TGT/CMP slot or the first coded noun phrase after the verb; each
// noun phrase is coded from its actors and agents (compounds, "X's agent", "agent of X",
// prefix and suffix agent codes, dated codes as of the record's date). The parse-driven roles
// are what parley's text coder (src/code/coder.cc) does not take as hints yet.
//
// Thread-safe after construction: Code() reads only its arguments and the compiled tables.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "code/patterns.h"
#include "peers/dictionaries.h"
#include "peers/records.h"

namespace parley::peers {

struct CodeResult {
  std::vector<ExpectedEvent> events;  // sorted, without duplicates
  std::string error;                  // "bad_input_parse", "dateline", "sentencediscard", "storydiscard"
  std::vector<std::string> trace;     // why each event was coded (for --explain)
};

class PeerCoder {
 public:
  // `patterns`: the dictionary's verbs compiled into parley's PatternSet (verb_patterns.h).
  PeerCoder(const PeerDictionary& dict, const code::PatternSet& patterns);
  CodeResult Code(const ValidationRecord& record) const;

  // The code of an actor on a YYYYMMDD date: the first dated code that covers it, else the
  // undated code.
  static std::string CodeOn(const PeerActor& actor, const std::string& date);

 private:
  struct Phrase {
    std::vector<std::string> words;
    uint32_t entry;
    bool agent;
  };
  friend struct SentenceCoder;
  const PeerDictionary& dict_;
  std::unordered_map<std::string, std::vector<Phrase>> phrases_;    // by first word, longest first
  const code::PatternSet& patterns_;
};

}  // namespace parley::peers
