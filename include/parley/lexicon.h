// Lexicon: parley's dictionaries (actors, agents, places, later verb patterns) compiled once
// into an immutable structure with stable ids. Loaded from one or more dictionary folders
// layered in order (see dict/README.md). Immutable after Load(): safe to share across threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parley/status.h"

namespace parley::lexicon {

class Lexicon {
 public:
  // Loads and compiles the dictionaries of `dirs` (later folders layered over earlier ones).
  static Result<std::shared_ptr<const Lexicon>> Load(const std::vector<std::string>& dirs);

  virtual ~Lexicon() = default;

 protected:
  Lexicon() = default;
};

}  // namespace parley::lexicon
