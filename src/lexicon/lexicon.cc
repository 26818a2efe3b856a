// Placeholder lexicon: loads nothing. The actors issue replaces it with the real loader.
#include "parley/lexicon.h"

namespace parley::lexicon {
namespace {
class EmptyLexicon : public Lexicon {};
}  // namespace

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::vector<std::string>& /*dirs*/) {
  return std::shared_ptr<const Lexicon>(std::make_shared<EmptyLexicon>());
}

}  // namespace parley::lexicon
