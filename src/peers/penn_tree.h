// A Penn Treebank bracketed parse ("(ROOT (S (NP (NNP Arnor)) (VP ...)))"), as the
// PETRARCH validation records carry it, read into a flat tree of nodes with leaf spans.
//
// Input: the bracket text. Output: PennTree (node 0 is the outermost bracket). Unbalanced or
// empty input is a kParseError Status (never a crash). Pure function; the tree is plain data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::peers {

struct TreeNode {
  std::string label;   // "NP", "VBD", ... (a leaf's POS tag for preterminals)
  std::string word;    // preterminals only: the word
  int32_t parent = -1;
  std::vector<uint32_t> children;
  uint32_t first_leaf = 0, end_leaf = 0;  // the words [first_leaf, end_leaf) under this node
};

struct PennTree {
  std::vector<TreeNode> nodes;
  std::vector<uint32_t> leaves;  // preterminal node of each word, in order

  const TreeNode& node(uint32_t i) const { return nodes[i]; }
  const std::string& word(uint32_t leaf) const { return nodes[leaves[leaf]].word; }
  const std::string& tag(uint32_t leaf) const { return nodes[leaves[leaf]].label; }
  // The innermost node labelled `label` that contains node `n` (not `n` itself), or -1.
  int32_t Ancestor(uint32_t n, std::string_view label) const;
};

Result<PennTree> ParsePenn(std::string_view text);

}  // namespace parley::peers
