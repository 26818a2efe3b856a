// Ingest: turns what the user names on the command line (files, folders, `-` for stdin) into
// Documents. Readers for scraped .txt, .html and .jsonl, plus the cleaner they share.
//
// Contract (../shared/docs/contract.md): folders are read recursively in sorted path order,
// files with other extensions in a folder are skipped with one notice; a file named explicitly
// with an unknown extension is an error. Document ids: the JSONL `id`, else the path as given
// (folder argument joined with the relative path), plus ":LINE" for a JSONL line without id.
// Every reader is linear in its input and never throws: problems go into Document::errors.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"

namespace parley::ingest {

struct InputSource {
  std::string path;   // as it will appear in ids; "-" for stdin
  InputFormat format = InputFormat::kText;
  bool is_stdin = false;
};

struct ExpandResult {
  std::vector<InputSource> sources;
  std::vector<std::string> problems;  // one line each: unreadable paths, unknown extensions
  std::vector<std::string> notices;   // skipped files in folders (not errors)
};

// Expands command-line inputs into sources, in order. Never fails as a whole.
ExpandResult ExpandInputs(const std::vector<std::string>& inputs);

struct ReadOptions {
  std::optional<std::string> fallback_date;  // --date: used when a document carries none
};

// Reads one source and calls `sink` once per document, in input order. Documents that could
// not be read at all arrive with `unreadable` set and an entry in `errors`.
void ReadSource(const InputSource& source, const ReadOptions& options,
                const std::function<void(Document&&)>& sink);

// Single-document readers (raw bytes of one input). They fill text, metadata and errors.
Document ReadScrapedText(std::string_view raw, std::string id);
Document ReadHtml(std::string_view raw, std::string id);
// One JSONL line; `line_number` is 1-based and used for the id when the line has none.
Document ReadJsonLine(std::string_view line, const std::string& path, uint64_t line_number);

// Parses a publication date written in any of the styles news uses ("July 29, 2025",
// "Friday, January 4, 2019", "29.07.2025", "2025-07-29", "2025-07-29T10:00:00Z",
// "29 July 2025"). Returns YYYY-MM-DD, or nothing when the string is not a whole date.
std::optional<std::string> ParsePublicationDate(std::string_view s);

// Finds a date in a URL path (/2025/07/29/ or /20250729/), for datelines without a year.
std::optional<std::string> DateFromUrl(std::string_view url);

}  // namespace parley::ingest
