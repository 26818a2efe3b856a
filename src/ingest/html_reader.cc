// Reader for .html article pages (see ReadHtml in parley/ingest.h). Steps:
//   1. a linear pre-scan refuses pages nested too deeply for the tree builder (they are read
//      as plain text with the tags stripped, and say so in `errors`);
//   2. gumbo parses the page (memory in an arena, so no recursion on the way out);
//   3. metadata sources are gathered and the encoding decided (declared charset + bytes);
//   4. the page's text becomes paragraphs (html_body.h), the article's container is chosen
//      and its paragraphs filtered (headline repeated, bylines, date lines, link lists,
//      boilerplate lines, stray photo credits);
//   5. the kept paragraphs are joined with "\n\n", each byte mapped back to the raw page.
#include <algorithm>
#include <string>
#include <string_view>

#include "ingest/cleaner.h"
#include "ingest/html_body.h"
#include "ingest/html_charset.h"
#include "ingest/html_dom.h"
#include "ingest/html_meta.h"
#include "ingest/html_scan.h"
#include "ingest/paragraphs.h"
#include "parley/ingest.h"
#include "util/text_builder.h"
#include "util/utf8.h"

namespace parley::ingest {
namespace {

using html::HtmlParagraph;

bool IsWindows1252Family(std::string_view cs) {
  for (std::string_view name : {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
                                "latin1", "latin-1", "l1", "iso-8859-15", "us-ascii", "ascii"}) {
    if (cs == name) return true;
  }
  return false;
}

bool IsUtf8Name(std::string_view cs) { return cs.empty() || cs == "utf-8" || cs == "utf8"; }

// A declared charset that the cleaner cannot decode itself and the bytes do not contradict
// (valid UTF-8 under another label was re-encoded on the way and is read as UTF-8).
bool NeedsTranscoding(std::string_view raw, const std::string& declared) {
  return !IsUtf8Name(declared) && !IsWindows1252Family(declared) && !util::IsValidUtf8(raw);
}

// The declared charset decides only when the bytes agree with it: a page that declares
// Windows-1252 but is valid UTF-8 was re-encoded on the way (and the other way round).
RawEncoding DecideEncoding(std::string_view raw, const std::string& declared,
                           std::vector<DocError>* errors) {
  if (IsWindows1252Family(declared)) {
    return util::IsValidUtf8(raw) ? RawEncoding::kUtf8 : RawEncoding::kWindows1252;
  }
  if (NeedsTranscoding(raw, declared)) {
    errors->push_back({"unsupported_charset",
                       "the page declares charset \"" + declared.substr(0, 40) +
                           "\", which parley does not decode; read as UTF-8",
                       std::nullopt});
  }
  return ChooseEncoding(raw);
}

// Reads a page in another legacy charset through its UTF-8 conversion, then maps the
// offsets back to the raw bytes.
std::optional<Document> ReadTranscoded(std::string_view raw, const std::string& charset,
                                       const std::string& id) {
  auto t = html::TranscodeToUtf8(raw, charset);
  if (!t) return std::nullopt;
  Document doc = ReadHtml(t->utf8, id);
  html::MapToRaw(*t, &doc.raw_map);
  doc.errors.push_back({"decoded_charset", "the page was decoded from " + charset.substr(0, 40),
                        std::nullopt});
  return doc;
}

const GumboNode* FindBody(const GumboNode* html_root) {
  const GumboVector* kids = html::Children(html_root);
  if (kids == nullptr) return nullptr;
  for (unsigned i = 0; i < kids->length; ++i) {
    const auto* child = static_cast<const GumboNode*>(kids->data[i]);
    if (html::IsElement(child, GUMBO_TAG_BODY)) return child;
  }
  return nullptr;
}

std::string_view TrimEnd(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool EndsSentence(std::string_view s) {
  s = TrimEnd(s);
  if (s.empty()) return false;
  size_t len;
  const char32_t c = util::PrevCodePoint(s, s.size(), &len);
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || util::IsQuoteMark(c);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// "By Jane Doe", "By JANE DOE and John Roe, Reuters": a byline, not a sentence.
bool IsByline(std::string_view s) {
  if (s.size() > 80 || EndsSentence(s)) return false;
  if (!(StartsWith(s, "By ") || StartsWith(s, "BY ") || StartsWith(s, "by "))) return false;
  size_t len;
  const char32_t next = util::DecodeUtf8(s, 3, &len);
  return next != util::kInvalid && util::IsUpper(next);
}

// Agency trailers: "Reporting by ...; Editing by ...", "Additional reporting by ...".
bool IsCreditLine(std::string_view s) {
  if (s.size() > 300) return false;
  if (!s.empty() && s.front() == '(') s.remove_prefix(1);
  for (std::string_view p : {"Reporting by ", "Additional reporting by ", "Writing by ",
                             "Editing by ", "Compiled by ", "Produced by "}) {
    if (StartsWith(s, p)) return true;
  }
  return false;
}

// "Copyright 2009 The Gazette. All rights reserved.", "(c) 2024 ...", "© 2024 ..."
bool IsCopyrightLine(std::string_view s) {
  if (s.size() > 200) return false;
  return StartsWith(s, "Copyright ") || StartsWith(s, "\xC2\xA9") || StartsWith(s, "(c) ") ||
         StartsWith(s, "(C) ") || s.find("All rights reserved") != std::string_view::npos ||
         s.find("all rights reserved") != std::string_view::npos;
}

// "4 min read", "Listen", "Image": a short label with no sentence in it.
bool IsFragment(const HtmlParagraph& p) {
  const std::string_view t = p.text;
  if (t.size() >= 40 || EndsSentence(t) || p.tag == GUMBO_TAG_TD || p.tag == GUMBO_TAG_TH) return false;
  if (p.tag >= GUMBO_TAG_H1 && p.tag <= GUMBO_TAG_H6) return false;  // subheads stay
  return std::count(t.begin(), t.end(), ' ') < 5;
}

bool SameText(std::string_view a, std::string_view b) {
  a = TrimEnd(a);
  b = TrimEnd(b);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

enum class Fate { kBody, kCaption, kDate, kDrop };

Fate Classify(const HtmlParagraph& p, bool body_started, const std::optional<std::string>& title) {
  const std::string_view t = p.text;
  if (p.tag == GUMBO_TAG_H1 && (!body_started || (title && SameText(t, *title)))) return Fate::kDrop;
  if (title && !body_started && SameText(t, *title)) return Fate::kDrop;
  if (IsBoilerplate(t) || IsByline(t) || IsCreditLine(t) || IsCopyrightLine(t)) return Fate::kDrop;
  if (p.link_bytes * 10 > t.size() * 6) return Fate::kDrop;  // a link list or "read more" teaser
  if (t.size() <= 120 && ParsePublicationDate(t)) return Fate::kDate;
  if (IsFragment(p)) return Fate::kDrop;
  if (t.size() < 200 && !EndsSentence(t) && IsCaption(t, /*in_header=*/false)) return Fate::kCaption;
  return Fate::kBody;
}

// Appends a paragraph with its own map to the document text.
void AppendParagraph(const HtmlParagraph& p, util::TextBuilder* out) {
  for (const auto& seg : p.map.segments) {
    std::string_view piece(p.text.data() + seg.clean_start, seg.clean_length);
    if (seg.raw_length == seg.clean_length) {
      out->AppendVerbatim(piece, seg.raw_start);
    } else {
      out->AppendReplacement(piece, seg.raw_start, seg.raw_length);
    }
  }
}

void Accumulate(const CleanStats& s, CleanStats* total) {
  total->tags_removed += s.tags_removed;
  total->entities_decoded += s.entities_decoded;
  total->mojibake_repaired += s.mojibake_repaired;
  total->invalid_bytes += s.invalid_bytes;
  total->cp1252_bytes += s.cp1252_bytes;
  total->controls_removed += s.controls_removed;
}

void AssembleBody(const html::PageText& page, const html::BodyChoice& choice, Document* doc) {
  util::TextBuilder body;
  CleanStats stats;
  const HtmlParagraph* prev = nullptr;
  for (size_t index : choice.paragraphs) {
    const HtmlParagraph& p = page.paragraphs[index];
    switch (Classify(p, prev != nullptr, doc->title)) {
      case Fate::kDrop:
        continue;
      case Fate::kDate:
        if (!doc->published) doc->published = ParsePublicationDate(p.text);
        continue;
      case Fate::kCaption:
        doc->captions.push_back(p.text);
        continue;
      case Fate::kBody:
        break;
    }
    if (prev != nullptr) body.AppendReplacement("\n\n", prev->raw_end, 0);
    AppendParagraph(p, &body);
    Accumulate(p.stats, &stats);
    prev = &p;
  }
  body.Finish(&doc->text, &doc->raw_map);
  NormalizeNfc(&doc->text, &doc->raw_map);
  const size_t bad = doc->text.find("\xEF\xBF\xBD");
  if (stats.invalid_bytes > 0 && bad != std::string::npos) stats.first_invalid_clean_offset = static_cast<int64_t>(bad);
  ReportCleanStats(stats, &doc->errors);
}

// A JSON-LD articleBody for pages that carry the text only there (script-rendered pages).
// Its bytes are escaped JSON in the raw page, so every offset maps to the script's start.
void BodyFromJsonLd(const html::PageMeta& meta, RawEncoding encoding, Document* doc) {
  const GumboNode* script = meta.json_ld_script;
  const uint64_t raw_pos = script != nullptr ? script->v.element.start_pos.offset : 0;
  util::TextBuilder body;
  size_t i = 0;
  const std::string& s = meta.json_ld_body;
  while (i < s.size()) {
    size_t nl = s.find('\n', i);
    if (nl == std::string::npos) nl = s.size();
    std::string para = html::CleanShortText(std::string_view(s).substr(i, nl - i), encoding);
    if (!para.empty()) {
      if (!body.empty()) body.AppendReplacement("\n\n", raw_pos, 0);
      body.AppendReplacement(para, raw_pos, 0);
    }
    i = nl + 1;
  }
  body.Finish(&doc->text, &doc->raw_map);
  NormalizeNfc(&doc->text, &doc->raw_map);
  doc->errors.push_back({"body_from_json_ld",
                         "the page has no article text in its markup; the text comes from its "
                         "JSON-LD articleBody (offsets map to the script element)",
                         std::nullopt});
}

// Pages too deeply nested for a tree: the tags are stripped and the text kept.
void ReadAsPlainText(std::string_view raw, Document* doc) {
  doc->errors.push_back({"html_too_deep",
                         "the page nests elements more than " +
                             std::to_string(html::kMaxNestingDepth) +
                             " levels deep; read as text with the tags stripped",
                         std::nullopt});
  BuildBody(raw, SplitParagraphs(raw), doc);
  FillDateFromTextOrUrl(doc);
}

}  // namespace

Document ReadHtml(std::string_view raw, std::string id) {
  Document doc;
  doc.id = std::move(id);
  doc.format = InputFormat::kHtml;
  if (html::TooDeep(html::EstimateNesting(raw))) {
    ReadAsPlainText(raw, &doc);
    return doc;
  }
  html::ParsedHtml parsed(raw);
  const html::MetaSources sources = html::CollectMeta(parsed.document());
  if (NeedsTranscoding(raw, sources.charset)) {
    if (auto transcoded = ReadTranscoded(raw, sources.charset, doc.id)) return std::move(*transcoded);
  }
  const RawEncoding encoding = DecideEncoding(raw, sources.charset, &doc.errors);
  const GumboNode* body = FindBody(parsed.root());
  const html::PageText page =
      html::CollectText(body != nullptr ? body : parsed.document(), raw, encoding);
  const html::BodyChoice choice = html::ChooseBody(page);
  html::PageMeta meta = html::ResolveMeta(sources, raw, encoding, choice.root);
  doc.title = meta.title;
  doc.published = meta.published;
  doc.url = meta.url;
  doc.source = meta.source;
  doc.captions = page.captions;
  AssembleBody(page, choice, &doc);
  if (doc.text.size() < 200 && meta.json_ld_body.size() > 2 * doc.text.size()) {
    BodyFromJsonLd(meta, encoding, &doc);
  }
  FillDateFromTextOrUrl(&doc);
  return doc;
}

}  // namespace parley::ingest
