#include "peers/penn_tree.h"

#include <cctype>

namespace parley::peers {
namespace {

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The next atom (a run of characters other than spaces and brackets) from `pos`.
std::string Atom(std::string_view text, size_t* pos) {
  while (*pos < text.size() && IsSpace(text[*pos])) ++*pos;
  const size_t start = *pos;
  while (*pos < text.size() && !IsSpace(text[*pos]) && text[*pos] != '(' && text[*pos] != ')') ++*pos;
  return std::string(text.substr(start, *pos - start));
}

Status Error(const std::string& what, size_t pos) {
  return Status(StatusCode::kParseError, "parse tree: " + what + " at byte " + std::to_string(pos));
}

}  // namespace

int32_t PennTree::Ancestor(uint32_t n, std::string_view label) const {
  for (int32_t p = nodes[n].parent; p >= 0; p = nodes[static_cast<size_t>(p)].parent)
    if (nodes[static_cast<size_t>(p)].label == label) return p;
  return -1;
}

Result<PennTree> ParsePenn(std::string_view text) {
  PennTree tree;
  std::vector<uint32_t> stack;
  size_t pos = 0;
  bool closed_root = false;
  while (pos < text.size()) {
    const char c = text[pos];
    if (IsSpace(c)) {
      ++pos;
    } else if (c == '(') {
      if (closed_root) return Error("text after the end of the tree", pos);
      ++pos;
      TreeNode n;
      n.label = Atom(text, &pos);
      n.parent = stack.empty() ? -1 : static_cast<int32_t>(stack.back());
      const auto id = static_cast<uint32_t>(tree.nodes.size());
      if (!stack.empty()) tree.nodes[stack.back()].children.push_back(id);
      n.first_leaf = n.end_leaf = static_cast<uint32_t>(tree.leaves.size());
      tree.nodes.push_back(std::move(n));
      stack.push_back(id);
    } else if (c == ')') {
      if (stack.empty()) return Error("unbalanced ')'", pos);
      ++pos;
      tree.nodes[stack.back()].end_leaf = static_cast<uint32_t>(tree.leaves.size());
      stack.pop_back();
      if (stack.empty()) closed_root = true;
    } else {
      if (stack.empty()) return Error("a word outside brackets", pos);
      TreeNode& n = tree.nodes[stack.back()];
      if (!n.children.empty() || !n.word.empty()) return Error("a word beside a bracket", pos);
      n.word = Atom(text, &pos);
      tree.leaves.push_back(stack.back());
    }
  }
  if (!stack.empty()) return Error("unbalanced '(': " + std::to_string(stack.size()) + " left open", text.size());
  if (tree.nodes.empty() || tree.leaves.empty()) return Error("an empty tree", 0);
  return tree;
}

}  // namespace parley::peers
