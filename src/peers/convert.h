// `parley dict convert`: a peer dictionary (PeerDictionary) written out as parley's own
// dictionary files, and read back.
//
// Output folder: actors/peers.txt and agents/peers.txt in parley's format (dict/README.md);
// dated codes become ISO ranges, made disjoint so that the peers' "first listed wins" rule
// survives parley's "the covering range wins"; prefix agents (`[NGO~]`) carry
// `position=prefix`. The verb blocks, synsets and discards go to peers/verbs.txt and
// peers/discards.txt, rewritten in the peers' syntax with every verb form spelled out:
// parley's pattern language has no words before the verb, no `_` adjacency, no `$ + % ^`
// slots and only CAMEO codes, so those patterns stay in the syntax that can hold them.
// Codes parley's format does not accept (`ELR/GAL`, `+++`, `YEMNO`) are written as they are;
// `parley dict check` then names them. LoadConverted() reads such a folder back into the
// same model, so the validator codes identically with either. Pure functions over files.
#pragma once

#include <string>

#include "parley/status.h"
#include "peers/dictionaries.h"

namespace parley::peers {

struct ConvertStats {
  size_t actors = 0, agents = 0, blocks = 0, patterns = 0, synsets = 0, discards = 0;
};

Status WriteParleyFolder(const PeerDictionary& dict, const std::string& out_dir, ConvertStats* stats);
Result<PeerDictionary> LoadConverted(const std::string& dir);

// For `parley code --dict-format petrarch|tabari --dict DIR`: converts DIR into a fresh folder
// under the system's temporary folder and returns its path. parley's text coder then uses the
// peers' actors and agents; their verb patterns stay in OUT/peers/, which it does not read.
Result<std::string> ConvertToTemporaryFolder(const std::string& dir, PeerFormat format);

}  // namespace parley::peers
