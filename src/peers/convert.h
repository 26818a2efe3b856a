// `parley dict convert`: a peer dictionary (PeerDictionary) written out as parley's own
// dictionary files, and read back.
//
// Output folder: actors/peers.txt and agents/peers.txt in parley's format (dict/README.md);
// dated codes become ISO ranges, made disjoint so that the peers' "first listed wins" rule
// survives parley's "the covering range wins"; prefix agents (`[NGO~]`) carry
// `position=prefix`. The verb blocks, synsets and discards go to verbs/peers.txt in parley's
// own pattern language (peers/verb_patterns.h), which PatternSet::Load reads like any verbs
// file. Actor codes parley's format does not accept (`ELR/GAL`, `+++`, `YEMNO`) are written as
// they are; `parley dict check` then names them. LoadConverted() reads such a folder back
// (actors and agents into the peers' model, verbs as parley patterns), so the validator codes
// identically with either. Pure functions over files.
#pragma once

#include <string>

#include "parley/status.h"
#include "peers/dictionaries.h"
#include "peers/verb_patterns.h"

namespace parley::peers {

struct ConvertStats {
  size_t actors = 0, agents = 0, blocks = 0, patterns = 0, synsets = 0, discards = 0;
};

Status WriteParleyFolder(const PeerDictionary& dict, const std::string& out_dir, ConvertStats* stats,
                         const PatternTextOptions& options = {});
Result<PeerDictionary> LoadConverted(const std::string& dir);

// For `parley code --dict-format petrarch|tabari --dict DIR`: converts DIR into a fresh folder
// under the system's temporary folder and returns its path. parley's text coder then uses the
// peers' actors, agents and verb patterns (a pattern whose code is not CAMEO codes nothing).
Result<std::string> ConvertToTemporaryFolder(const std::string& dir, PeerFormat format);

}  // namespace parley::peers
