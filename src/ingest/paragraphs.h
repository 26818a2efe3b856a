// Paragraph-level structure shared by the readers: splitting raw text into lines/paragraphs,
// recognising captions and boilerplate lines, and building the clean body (paragraph
// separators kept as they were, dropped paragraphs removed, paragraphs that scraping broke
// inside a sentence joined with one space).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "parley/document.h"

namespace parley::ingest {

enum class ParagraphKind { kBody, kCaption, kDropped };

struct Paragraph {
  uint64_t start = 0, end = 0;          // raw offsets of the paragraph's text (no newlines)
  uint64_t sep_start = 0, sep_end = 0;  // raw offsets of the newline run that follows it
  ParagraphKind kind = ParagraphKind::kBody;
  std::string_view View(std::string_view raw) const { return raw.substr(start, end - start); }
};

// Splits raw text at every run of newlines (lines that hold only spaces count as blank).
// Leading blank lines are skipped. Linear.
std::vector<Paragraph> SplitParagraphs(std::string_view raw);

// A photo caption or credit: "Kremlin spokesman Dmitry Peskov. kremlin.ru",
// "Protesters in Tbilisi. Photo: Reuters". In the header, a short line that does not end a
// sentence also counts.
bool IsCaption(std::string_view paragraph, bool in_header);

// "Related article: ...", "Read more: ...", "Advertisement", share and subscribe prompts.
bool IsBoilerplate(std::string_view paragraph);

// True when paragraph `a` stops mid-sentence and `b` carries on with a lower-case word.
bool IsBrokenSentence(std::string_view a, std::string_view b);

// Cleans the body paragraphs into doc->text (with doc->raw_map), captions into
// doc->captions, and records cleaning warnings in doc->errors. With `keep_layout` (text the
// user handed over as a document, i.e. JSONL) whitespace before the first and after the last
// paragraph is kept and broken lines are not joined, so clean input comes out byte-identical
// (the contract) and offsets stay those of the input.
void BuildBody(std::string_view raw, const std::vector<Paragraph>& paras, Document* doc,
               bool keep_layout = false);

// Fills doc->published from a dateline at the start of the text, or from the URL, when the
// document has no date yet.
void FillDateFromTextOrUrl(Document* doc);

}  // namespace parley::ingest
