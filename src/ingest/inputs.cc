// Command-line inputs to documents: folder expansion, format by extension, file reading, and
// the per-document fallback date. See parley/ingest.h for the contract.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "ingest/cleaner.h"
#include "parley/ingest.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace parley::ingest {
namespace {

std::optional<InputFormat> FormatOf(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".txt") return InputFormat::kText;
  if (ext == ".html" || ext == ".htm") return InputFormat::kHtml;
  if (ext == ".jsonl") return InputFormat::kJsonl;
  return std::nullopt;
}

void ExpandFolder(const std::string& arg, ExpandResult* out) {
  std::vector<std::pair<std::string, InputFormat>> found;
  size_t skipped = 0;
  std::string example;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out->problems.push_back(arg + ": cannot read folder: " + ec.message());
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      out->problems.push_back(arg + ": error while reading folder: " + ec.message());
      break;
    }
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    auto format = FormatOf(it->path());
    std::string rel = fs::relative(it->path(), arg, type_ec).generic_string();
    if (type_ec) rel = it->path().filename().string();
    if (!format) {
      if (++skipped == 1) example = rel;
      continue;
    }
    found.emplace_back((fs::path(arg) / rel).generic_string(), *format);
  }
  std::sort(found.begin(), found.end());
  for (auto& [path, format] : found) out->sources.push_back({path, format, false});
  if (skipped > 0) {
    out->notices.push_back(arg + ": skipped " + std::to_string(skipped) +
                           " file(s) that are not .txt, .html, .htm or .jsonl (e.g. " + example + ")");
  }
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kIoError, path + ": cannot read: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status(StatusCode::kIoError, path + ": read error");
  return ss.str();
}

Document UnreadableDoc(const InputSource& src, std::string code, std::string message) {
  Document doc;
  doc.id = src.path;
  doc.format = src.format;
  doc.unreadable = true;
  doc.errors.push_back({std::move(code), std::move(message), std::nullopt});
  return doc;
}

void Finish(Document* doc, const ReadOptions& options) {
  if (!doc->published && options.fallback_date) doc->published = options.fallback_date;
}

// Hands each line of `in` (without its '\n') to `on_line` as std::getline splits them (a last
// line without '\n' too), reading blocks and cutting them with memchr: std::getline cost about
// 2,000 instructions a line, as much as reading a short document. stdin is read with read(2),
// which returns what a pipe holds, so that lines are coded as they arrive.
template <typename OnLine>
void ForEachLine(std::istream& in, bool is_stdin, OnLine&& on_line) {
  constexpr size_t kBlock = 1 << 16;
  std::unique_ptr<char[]> block(new char[kBlock]);
  std::string carry;  // the start of a line cut by the end of a block
  while (true) {
    size_t got = 0;
    if (is_stdin) {
      // As the stream does before it reads (std::cin is tied to std::cout): what was written
      // goes out before parley waits for more input, so that a pipe's documents stream.
      if (std::ostream* tied = in.tie()) tied->flush();
      const ssize_t n = ::read(STDIN_FILENO, block.get(), kBlock);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got = static_cast<size_t>(n);
    } else {
      in.read(block.get(), kBlock);
      got = static_cast<size_t>(in.gcount());
      if (got == 0) break;
    }
    const char* p = block.get();
    const char* const end = p + got;
    for (const char* nl; (nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr;
         p = nl + 1) {
      if (carry.empty()) {
        on_line(std::string_view(p, static_cast<size_t>(nl - p)));
      } else {
        carry.append(p, nl);
        on_line(std::string_view(carry));
        carry.clear();
      }
    }
    carry.append(p, end);
  }
  if (!carry.empty()) on_line(std::string_view(carry));
}

void ReadJsonlStream(std::istream& in, const InputSource& src, const ReadOptions& options,
                     const std::function<void(Document&&)>& sink) {
  uint64_t number = 0;
  ForEachLine(in, src.is_stdin, [&](std::string_view line) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // blank lines are not documents
    Document doc = ReadJsonLine(line, src.path, number);
    doc.raw_hash = Hash128Hex(line);
    Finish(&doc, options);
    sink(std::move(doc));
  });
}

}  // namespace

ExpandResult ExpandInputs(const std::vector<std::string>& inputs) {
  ExpandResult out;
  for (const auto& arg : inputs) {
    if (arg == "-") {
      out.sources.push_back({"-", InputFormat::kJsonl, true});
      continue;
    }
    std::error_code ec;
    auto status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back(arg + ": no such file or folder");
    } else if (fs::is_directory(status)) {
      ExpandFolder(arg, &out);
    } else if (auto format = FormatOf(arg)) {
      out.sources.push_back({arg, *format, false});
    } else {
      out.problems.push_back(arg + ": unknown extension \"" + fs::path(arg).extension().string() +
                             "\" (parley reads .txt, .html, .htm and .jsonl)");
    }
  }
  return out;
}

void ReadSource(const InputSource& src, const ReadOptions& options,
                const std::function<void(Document&&)>& sink) {
  if (src.is_stdin) {
    ReadJsonlStream(std::cin, src, options, sink);
    return;
  }
  if (src.format == InputFormat::kJsonl) {
    std::ifstream in(src.path, std::ios::binary);
    if (!in) {
      sink(UnreadableDoc(src, "unreadable", src.path + ": cannot read: " + std::strerror(errno)));
      return;
    }
    ReadJsonlStream(in, src, options, sink);
    return;
  }
  auto raw = ReadFile(src.path);
  if (!raw.ok()) {
    sink(UnreadableDoc(src, "unreadable", raw.status().message()));
    return;
  }
  if (LooksBinary(*raw)) {
    sink(UnreadableDoc(src, "binary", src.path + ": looks like a binary file, not text"));
    return;
  }
  Document doc = src.format == InputFormat::kHtml ? ReadHtml(*raw, src.path)
                                                  : ReadScrapedText(*raw, src.path);
  doc.raw_hash = Hash128Hex(*raw);
  if (doc.text.empty()) doc.errors.push_back({"empty_document", "the document has no text", std::nullopt});
  Finish(&doc, options);
  sink(std::move(doc));
}

}  // namespace parley::ingest
