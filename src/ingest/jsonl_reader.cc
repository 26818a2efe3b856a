// Reader for one JSONL line: `text` required; `id`, `title`, `date` (or `published`), `url`,
// `source` optional; other fields ignored. A fast scanner (json_fields.h) reads the common
// line; nlohmann::json parses whatever it leaves.
#include <nlohmann/json.hpp>

#include <string>

#include "ingest/cleaner.h"
#include "ingest/dates.h"
#include "ingest/json_fields.h"
#include "ingest/paragraphs.h"
#include "parley/ingest.h"
#include "util/utf8.h"

namespace parley::ingest {
namespace {

// What the reader takes from a field: strings, and numbers as the JSON library writes them.
std::optional<std::string> OptionalString(const JsonField& field) {
  if (field.kind == JsonFieldKind::kString || field.kind == JsonFieldKind::kNumber) return field.value;
  return std::nullopt;
}

void FieldFromJson(const nlohmann::json& obj, const char* key, JsonField* field) {
  auto it = obj.find(key);
  if (it == obj.end()) return;
  if (it->is_null()) {
    field->kind = JsonFieldKind::kNull;
  } else if (it->is_string()) {
    field->kind = JsonFieldKind::kString;
    field->value = it->get<std::string>();
  } else if (it->is_number()) {
    field->kind = JsonFieldKind::kNumber;
    field->value = it->dump();
  } else {
    field->kind = JsonFieldKind::kOther;
  }
}

void FieldsFromJson(const nlohmann::json& obj, JsonLineFields* fields) {
  FieldFromJson(obj, "id", &fields->id);
  FieldFromJson(obj, "title", &fields->title);
  FieldFromJson(obj, "date", &fields->date);
  FieldFromJson(obj, "published", &fields->published);
  FieldFromJson(obj, "url", &fields->url);
  FieldFromJson(obj, "source", &fields->source);
  FieldFromJson(obj, "text", &fields->text);
}

Document Unreadable(std::string id, std::string code, std::string message) {
  Document doc;
  doc.id = std::move(id);
  doc.format = InputFormat::kJsonl;
  doc.unreadable = true;
  doc.errors.push_back({std::move(code), std::move(message), std::nullopt});
  return doc;
}

// Text fields are cleaned like any other text (tags, entities, mojibake) so that a dirty
// title still reads well; clean ones come back unchanged.
std::string CleanField(const std::string& s) {
  util::TextBuilder b;
  CleanStats stats;
  CleanInto(s, 0, CleanOptions{}, &b, &stats);
  return b.text();
}

// "YYYY-MM-DD", the date of most JSONL lines, read without the general parser (which reads
// it the same way: FormatDate checks the calendar; anything else goes to the parser).
std::optional<std::string> ParseIsoDate(std::string_view s) {
  auto digit = [&](size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!digit(i)) return std::nullopt;
  auto num = [&](size_t i, size_t n) {
    int v = 0;
    for (size_t k = i; k < i + n; ++k) v = v * 10 + (s[k] - '0');
    return v;
  };
  return FormatDate(num(0, 4), num(5, 2), num(8, 2));
}

void ReadDate(const JsonLineFields& fields, Document* doc) {
  auto date = OptionalString(fields.date);
  if (!date) date = OptionalString(fields.published);
  if (!date) return;
  auto parsed = ParseIsoDate(*date);
  if (!parsed) parsed = ParsePublicationDate(*date);
  if (parsed) {
    doc->published = *parsed;
  } else {
    doc->errors.push_back({"bad_date", "date \"" + date->substr(0, 64) + "\" is not a date parley reads", std::nullopt});
  }
}

// nlohmann's parser recurses per nesting level: refuse absurd nesting before parsing.
bool NestingTooDeep(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > 64) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

// Replaces invalid UTF-8 bytes so that the JSON parser accepts the line.
std::string RepairUtf8(std::string_view line, uint64_t* replaced) {
  util::TextBuilder b;
  CleanStats stats;
  CleanOptions opts;
  opts.strip_tags = false;
  CleanInto(line, 0, opts, &b, &stats);
  *replaced = stats.invalid_bytes;
  return b.text();
}

// The general path: nlohmann::json parses the line (after replacing invalid UTF-8, which it
// rejects). Returns the unreadable document when the line cannot be read.
std::optional<Document> ParseLine(std::string_view line, const std::string& fallback_id,
                                  uint64_t line_number, JsonLineFields* fields, uint64_t* replaced) {
  if (NestingTooDeep(line)) {
    return Unreadable(fallback_id, "bad_json",
                      "line " + std::to_string(line_number) + " nests JSON deeper than 64 levels");
  }
  nlohmann::json obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded() && !util::IsValidUtf8(line)) {
    obj = nlohmann::json::parse(RepairUtf8(line, replaced), nullptr, false);
  }
  if (obj.is_discarded()) {
    return Unreadable(fallback_id, "bad_json", "line " + std::to_string(line_number) +
                                                   " is not valid JSON (truncated or malformed)");
  }
  if (!obj.is_object()) {
    return Unreadable(fallback_id, "bad_json",
                      "line " + std::to_string(line_number) + " is not a JSON object");
  }
  FieldsFromJson(obj, fields);
  return std::nullopt;
}

// ReadJsonLine into a Document the caller made, so that the document is built in place.
void ReadLine(std::string_view line, const std::string& path, uint64_t line_number, Document* out) {
  // Built only when needed: most lines carry an id.
  auto fallback_id = [&] { return path + ":" + std::to_string(line_number); };
  JsonLineFields fields;
  uint64_t replaced = 0;
  // The scanner reads the common line; anything it does not handle goes to the full parser.
  if (!ScanJsonLine(line, &fields)) {
    fields = JsonLineFields();
    if (auto unreadable = ParseLine(line, fallback_id(), line_number, &fields, &replaced)) {
      *out = std::move(*unreadable);
      return;
    }
  }
  const bool has_id = fields.id.kind == JsonFieldKind::kString || fields.id.kind == JsonFieldKind::kNumber;
  // An empty id could not name the document anywhere: the fallback replaces it too.
  std::string id = has_id && !fields.id.value.empty() ? std::move(fields.id.value) : fallback_id();
  if (fields.text.kind != JsonFieldKind::kString) {
    *out = Unreadable(id, "missing_text",
                      "line " + std::to_string(line_number) + " has no string field \"text\"");
    return;
  }
  const std::string& raw = fields.text.value;
  Document& doc = *out;
  doc.id = std::move(id);
  doc.format = InputFormat::kJsonl;
  if (auto t = OptionalString(fields.title)) doc.title = CleanField(*t);
  if (fields.url.kind == JsonFieldKind::kString || fields.url.kind == JsonFieldKind::kNumber)
    doc.url = std::move(fields.url.value);
  if (auto s = OptionalString(fields.source)) doc.source = CleanField(*s);
  ReadDate(fields, &doc);
  // The text is the document as the user gave it: only character-level repairs and
  // boilerplate lines; no caption guessing or line joining, so that clean text (and offsets
  // into it, e.g. of dev-set gold spans) comes back unchanged.
  std::vector<Paragraph> paras = SplitParagraphs(raw);
  for (auto& p : paras) {
    if (IsBoilerplate(p.View(raw))) p.kind = ParagraphKind::kDropped;
  }
  BuildBody(raw, paras, &doc, /*keep_layout=*/true);
  FillDateFromTextOrUrl(&doc);
  if (replaced > 0) {
    doc.errors.push_back({"invalid_utf8", std::to_string(replaced) +
                                              " invalid UTF-8 bytes in the line replaced with U+FFFD",
                          std::nullopt});
  }
  if (doc.text.empty()) doc.errors.push_back({"empty_document", "the document has no text", std::nullopt});
}

}  // namespace

Document ReadJsonLine(std::string_view line, const std::string& path, uint64_t line_number) {
  Document doc;  // one return object: built in place, never moved
  ReadLine(line, path, line_number, &doc);
  return doc;
}

}  // namespace parley::ingest
