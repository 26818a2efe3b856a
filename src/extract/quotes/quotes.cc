// Placeholder: the quotations issue fills this in.
#include "extract/quotes/quotes.h"

namespace parley::extract {

std::vector<Quote> FindQuotes(const Document&, const TextLayer&, const std::vector<ActorMention>&) {
  return {};
}

}  // namespace parley::extract
