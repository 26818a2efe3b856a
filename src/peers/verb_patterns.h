// The peers' verb dictionaries in parley's own pattern language: the verb blocks, synsets and
// discards of a PeerDictionary written as one parley verbs file (dict/verbs/README.md), and
// compiled into the PatternSet that both parley's coder and the validator match with.
//
// Each verb form of a block becomes its default line (the verb's or the block's code) and one
// line per block pattern: words before the verb are matched leftwards from it, items the peers
// do not join with `_` are separated by `...`, `$ + % ^` become SRC TGT CMP SKIP, synsets
// `&NAME` word sets, and `rank=` keeps the peers' order of preference (the longest verb form,
// then a pattern over the default, then the pattern with most items, then the first in the
// file). Codes are kept as the peers write them (`peer`); `[---]` is a null code. Discards
// become `discard=sentence|story` lines. Pure functions.
#pragma once

#include <string>

#include "code/patterns.h"
#include "parley/status.h"
#include "peers/dictionaries.h"

namespace parley::peers {

struct PatternTextOptions {
  // For parley's text coder, whose output carries CAMEO codes only: a pattern with a code
  // that is not one (a WEIS code, `A:B`) is written as a null code, so that it still wins at
  // its verb but codes nothing.
  bool cameo_only = false;
};

// The text of a parley verbs file holding the dictionary's verbs, synsets and discards.
std::string PatternText(const PeerDictionary& dict, const PatternTextOptions& options = {});
// PatternText() compiled as PatternSet::Load compiles the same text read from a file.
Result<code::PatternSet> CompilePatterns(const PeerDictionary& dict);

}  // namespace parley::peers
