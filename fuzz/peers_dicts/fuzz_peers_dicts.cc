// Fuzzes the peers' dictionary readers: the first byte picks the reader (actors, agents,
// PETRARCH verbs, TABARI verbs, discards; 'P': a file of parley's own pattern language), the rest
// is the file. Any text gives a dictionary (bad lines become diagnostics with their line);
// its translation into parley's patterns always compiles (a failure is a bug of the
// translation); the coder then runs with it on a fixed record without crashing.
#include <cstdint>
#include <memory>
#include <string>

#include "../fuzz_check.h"
#include "peers/dictionaries.h"
#include "peers/record_coder.h"
#include "peers/verb_patterns.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  peers::PeerDictionary d;
  const bool parley_patterns = data[0] == 'P';
  if (parley_patterns) {  // parley's pattern language: errors are values, matching never crashes
    auto set = code::PatternSet::Parse(text, "f");
    if (set.ok()) d.patterns = std::make_shared<const code::PatternSet>(std::move(set.value()));
  }
  switch (parley_patterns ? 5 : data[0] % 5) {
    case 5: break;
    case 0: peers::ReadActors(text, "f", &d); break;
    case 1: peers::ReadAgents(text, "f", &d); break;
    case 2: peers::ReadVerbs(text, "f", &d); break;
    case 3: peers::ReadTabariVerbs(text, "f", &d); break;
    default: peers::ReadDiscards(text, "f", &d); break;
  }
  for (const auto& a : d.actors) PARLEY_FUZZ_CHECK(!a.phrases.empty());
  for (const auto& a : d.agents) PARLEY_FUZZ_CHECK(!a.phrases.empty() && !a.code.empty());
  for (const auto& b : d.blocks)
    for (const auto& v : b.verbs) PARLEY_FUZZ_CHECK(!v.words.empty() && v.verb_word < v.words.size());
  for (const auto& x : d.diagnostics) PARLEY_FUZZ_CHECK(x.line > 0 && !x.message.empty());
  peers::ValidationRecord r;
  r.date = "19950101";
  r.text = "Arnor is about to restore full diplomatic ties with Gondor.";
  r.parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (VB restore) (NP (JJ full) (NNS ties)) "
            "(PP (IN with) (NP (NNP Gondor))))) (. .)))";
  if (d.patterns == nullptr) {
    auto compiled = peers::CompilePatterns(d);
    PARLEY_FUZZ_CHECK(compiled.ok());
    d.patterns = std::make_shared<const code::PatternSet>(std::move(compiled.value()));
  }
  auto coder = peers::RecordCoder::Create(d, d.patterns);
  if (!coder.ok()) return 0;  // a dictionary parley's Lexicon cannot load is an error, not a crash
  (void)coder->Code(r);
  r.parse.clear();  // the shallow, TABARI-style reading
  (void)coder->Code(r);
  return 0;
}
