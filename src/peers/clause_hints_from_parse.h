// A sentence that comes with its Penn Treebank parse (the peers' validation records), turned
// into what parley's pipeline reads: a one-sentence TextLayer whose tokens are the parse's
// words, and the clause hints (code/clause_hints.h) the parse gives the event coder.
//
// Input: a PennTree (peers/penn_tree.h). Output: the text (the words joined by spaces, Penn
// escapes such as -LRB- and `` undone), its tokens (a word joined with `_`, "Dol_Amroth", is
// one token per part), one sentence over all of them, and per verb (VB* leaf): the clauses that
// hold it with their subjects, the noun phrases of its phrase, a passive's "by" agent and where
// its phrase ends; the noun phrases of the sentence for SKIP. Pure function; plain data out.
#pragma once

#include <string>
#include <vector>

#include "code/clause_hints.h"
#include "parley/text.h"
#include "peers/penn_tree.h"

namespace parley::peers {

struct ParsedSentence {
  std::string text;
  TextLayer layer;
  code::ClauseHints hints;
  std::vector<uint32_t> leaf_token;  // first token of each leaf, then the end token
};

ParsedSentence FromParse(const PennTree& tree);

}  // namespace parley::peers
