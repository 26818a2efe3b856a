// The coder the validator runs on the peers' records: PETRARCH/TABARI dictionaries (a
// PeerDictionary) applied to a sentence that comes with its Penn Treebank parse.
//
// Per record: the parse is read (an unbalanced parse is an error, as the peers report it);
// datelines and discard phrases stop coding with an error; actor and agent phrases are found
// on the parse's words; each noun phrase is coded from its actors and agents (compounds,
// "X's agent", "agent of X", prefix and suffix agent codes, dated codes as of the record's
// date); each verb of the verb dictionary then picks its most specific pattern (words before
// and after the verb, `_` adjacency, synsets, `$` source, `+` target, `%` compound, `^`
// skipped actor) and codes an event from the clause's subject (or the passive's "by" agent)
// to the first coded noun phrase after the verb. This is a parse-driven path for validation
// records only: plain text is coded by src/code as before.
//
// Thread-safe after construction: Code() reads only its arguments and the compiled tables.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

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
  explicit PeerCoder(const PeerDictionary& dict);
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
  struct VerbForm {
    std::vector<std::string> words;
    uint32_t verb_word;
    uint32_t block, verb;
  };
  friend struct SentenceCoder;
  const PeerDictionary& dict_;
  std::unordered_map<std::string, std::vector<Phrase>> phrases_;    // by first word, longest first
  std::unordered_map<std::string, std::vector<VerbForm>> verbs_;    // by the inflected word
};

}  // namespace parley::peers
