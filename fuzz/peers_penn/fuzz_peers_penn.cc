// Fuzzes the Penn Treebank reader, the clause hints read from it and parley's coder run with
// them: any bracket text is a tree or an error; a tree's leaf spans nest; coding a record with
// it never crashes.
#include <cstdint>
#include <memory>
#include <string>

#include "../fuzz_check.h"
#include "peers/dictionaries.h"
#include "peers/record_coder.h"
#include "peers/penn_tree.h"
#include "peers/verb_patterns.h"

using namespace parley;

namespace {
const peers::PeerDictionary& Dictionary() {
  static const peers::PeerDictionary d = [] {
    peers::PeerDictionary x;
    peers::ReadActors("ARNOR [ARN]\nGONDOR [GON]\nMINAS_TIRITH [GON]\n", "a", &x);
    peers::ReadAgents("OFFICIAL [~GOV]\nMSF {} [NGO~]\n", "g", &x);
    peers::ReadVerbs("&T\n+FULL\n\n--- RESTORE [064] ---\nRESTORE\n- * &T TIES [065]\n- % * [031:031]\n- + WAS * BY $ [066]\n"
                     "--- SAID [023] ---\nSAID\n", "v", &x);
    auto patterns = peers::CompilePatterns(x);
    x.patterns = std::make_shared<const code::PatternSet>(patterns.ok() ? std::move(patterns.value()) : code::PatternSet());
    return x;
  }();
  return d;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto tree = peers::ParsePenn(text);
  if (tree.ok()) {
    for (const auto& n : tree->nodes) {
      PARLEY_FUZZ_CHECK(n.first_leaf <= n.end_leaf && n.end_leaf <= tree->leaves.size());
      if (n.parent >= 0) {
        const auto& p = tree->nodes[static_cast<size_t>(n.parent)];
        PARLEY_FUZZ_CHECK(p.first_leaf <= n.first_leaf && n.end_leaf <= p.end_leaf);
      }
    }
  }
  static const peers::PeerDictionary dict = Dictionary();
  static const peers::RecordCoder coder = peers::RecordCoder::Create(dict, dict.patterns).value();
  peers::ValidationRecord r;
  r.date = "19950101";
  r.text = "Arnor restored ties with Gondor.";
  r.parse = text;
  const peers::CodeResult got = coder.Code(r);
  PARLEY_FUZZ_CHECK(tree.ok() || text.empty() || got.error == "bad_input_parse");  // empty: read shallowly
  return 0;
}
