// Reader for .html article pages (placeholder: strips markup with the cleaner; the real
// reader with gumbo, metadata and boilerplate removal replaces this file).
#include "ingest/cleaner.h"
#include "ingest/paragraphs.h"
#include "parley/ingest.h"

namespace parley::ingest {

Document ReadHtml(std::string_view raw, std::string id) {
  Document doc;
  doc.id = std::move(id);
  doc.format = InputFormat::kHtml;
  auto paras = SplitParagraphs(raw);
  BuildBody(raw, paras, &doc);
  return doc;
}

}  // namespace parley::ingest
