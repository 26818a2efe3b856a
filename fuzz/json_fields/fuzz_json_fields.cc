// Differential fuzzing of the JSONL field scanner against nlohmann::json: a line the scanner
// takes must be one the parser accepts, with the same fields (json_fields.h).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "../fuzz_check.h"
#include "ingest/json_fields.h"

using namespace parley;

namespace {

void CheckField(const nlohmann::json& obj, const char* key, const ingest::JsonField& field) {
  auto it = obj.find(key);
  switch (field.kind) {
    case ingest::JsonFieldKind::kAbsent: PARLEY_FUZZ_CHECK(it == obj.end()); break;
    case ingest::JsonFieldKind::kNull: PARLEY_FUZZ_CHECK(it != obj.end() && it->is_null()); break;
    case ingest::JsonFieldKind::kString:
      PARLEY_FUZZ_CHECK(it != obj.end() && it->is_string() && it->get<std::string>() == field.value);
      break;
    case ingest::JsonFieldKind::kNumber: PARLEY_FUZZ_CHECK(false); break;  // only the parser's
    case ingest::JsonFieldKind::kOther:
      PARLEY_FUZZ_CHECK(it != obj.end() && (it->is_boolean() || it->is_array() || it->is_object()));
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  ingest::JsonLineFields fields;
  if (!ingest::ScanJsonLine(line, &fields)) return 0;
  const nlohmann::json obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  PARLEY_FUZZ_CHECK(!obj.is_discarded() && obj.is_object());
  CheckField(obj, "id", fields.id);
  CheckField(obj, "title", fields.title);
  CheckField(obj, "date", fields.date);
  CheckField(obj, "published", fields.published);
  CheckField(obj, "url", fields.url);
  CheckField(obj, "source", fields.source);
  CheckField(obj, "text", fields.text);
  return 0;
}
