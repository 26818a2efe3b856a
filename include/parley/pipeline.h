// Pipeline: runs every stage on one Document and returns a CodedDocument.
//   Document -> text::Segment -> actors/places -> times -> quotes -> events
// A Pipeline is built once (dictionaries compiled) and is immutable afterwards: Code() is
// safe to call from many threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parley/annotations.h"
#include "parley/document.h"
#include "parley/status.h"

namespace parley {

namespace lexicon {
class Lexicon;
}
namespace code {
class PatternSet;
}

struct PipelineOptions {
  // Dictionary folders, layered in order: later folders add to and override earlier ones.
  // Empty means the built-in folder only (see DefaultDictDir()).
  std::vector<std::string> dict_dirs;
  bool explain = false;  // fill Event::explanation
};

class Pipeline {
 public:
  static Result<std::shared_ptr<const Pipeline>> Create(const PipelineOptions& options);

  CodedDocument Code(Document doc) const;

  const lexicon::Lexicon& lexicon() const { return *lexicon_; }
  const code::PatternSet& patterns() const { return *patterns_; }

 private:
  Pipeline() = default;
  PipelineOptions options_;
  std::shared_ptr<const lexicon::Lexicon> lexicon_;
  std::shared_ptr<const code::PatternSet> patterns_;
};

// The built-in dictionary folder: $PARLEY_DICT_DIR if set, else `dict/` next to the
// executable's parent folder or the installed share folder, else the source tree's `dict/`.
std::string DefaultDictDir();

}  // namespace parley
