// Reader for scraped .txt articles: title, date line, captions, boilerplate lines, the
// "Original url:" trailer, and body paragraphs (with paragraphs that scraping broke inside a
// sentence joined again). See ReadScrapedText in parley/ingest.h.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/cleaner.h"
#include "ingest/dates.h"
#include "ingest/paragraphs.h"
#include "parley/ingest.h"

namespace parley::ingest {
namespace {

// Lines in the header (before the first body paragraph) that are neither title nor date.
constexpr size_t kMaxTitleBytes = 300;

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// "Original url:", "URL:", "Source URL:" introduce the article's address.
std::optional<size_t> UrlLabelLength(std::string_view line) {
  static constexpr std::string_view kLabels[] = {"original url:", "source url:", "url:",
                                                 "original link:", "link:"};
  for (auto label : kLabels) {
    if (StartsWithIgnoreCase(line, label)) return label.size();
  }
  return std::nullopt;
}

std::string StripWhitespace(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

// Splits paragraphs off the trailer: everything from an "Original url:" line on.
void TakeUrlTrailer(std::vector<Paragraph>* paras, std::string_view raw, Document* doc) {
  for (size_t p = 0; p < paras->size(); ++p) {
    std::string_view text = (*paras)[p].View(raw);
    auto label = UrlLabelLength(text);
    if (!label) continue;
    // The URL is the rest of this paragraph plus the next paragraph when this one ends at
    // the label; whitespace that scraping put inside it is removed.
    std::string url = StripWhitespace(text.substr(*label));
    size_t consumed = p + 1;
    if (url.empty() && p + 1 < paras->size()) {
      url = StripWhitespace((*paras)[p + 1].View(raw));
      consumed = p + 2;
    }
    if (url.rfind("http", 0) != 0 && url.rfind("www.", 0) != 0) continue;
    doc->url = url;
    paras->erase(paras->begin() + static_cast<long>(p), paras->begin() + static_cast<long>(consumed));
    return;
  }
  // A bare URL as the last paragraph.
  if (!paras->empty()) {
    std::string_view last = paras->back().View(raw);
    if ((last.rfind("http://", 0) == 0 || last.rfind("https://", 0) == 0) && last.size() < 2048) {
      doc->url = StripWhitespace(last);
      paras->pop_back();
    }
  }
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t' || c == '\n';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// The header: the title line, the date line, and captions before the body starts.
void ReadHeader(std::vector<Paragraph>* paras, std::string_view raw, Document* doc) {
  size_t p = 0;
  // Title: the first paragraph when it is one short line and more follows.
  if (paras->size() > 1) {
    std::string_view first = (*paras)[0].View(raw);
    if (first.size() <= kMaxTitleBytes && first.find('\n') == std::string_view::npos &&
        !ParsePublicationDate(first) && (first.back() != '.' || WordCount(first) <= 15)) {
      util::TextBuilder b;
      CleanStats stats;
      CleanInto(first, (*paras)[0].start, CleanOptions{}, &b, &stats);
      doc->title = b.text();
      (*paras)[0].kind = ParagraphKind::kDropped;
      p = 1;
    }
  }
  // Date and captions among the next few short paragraphs.
  while (p < paras->size() && p < 6) {
    std::string_view text = (*paras)[p].View(raw);
    if (!doc->published) {
      if (auto d = ParsePublicationDate(text)) {
        doc->published = *d;
        (*paras)[p].kind = ParagraphKind::kDropped;
        ++p;
        continue;
      }
    }
    if (IsCaption(text, /*in_header=*/true)) {
      (*paras)[p].kind = ParagraphKind::kCaption;
      ++p;
      continue;
    }
    break;
  }
}

}  // namespace

Document ReadScrapedText(std::string_view raw, std::string id) {
  Document doc;
  doc.id = std::move(id);
  doc.format = InputFormat::kText;
  std::vector<Paragraph> paras = SplitParagraphs(raw);
  TakeUrlTrailer(&paras, raw, &doc);
  ReadHeader(&paras, raw, &doc);
  for (auto& para : paras) {
    if (para.kind != ParagraphKind::kBody) continue;
    std::string_view text = para.View(raw);
    if (IsBoilerplate(text)) para.kind = ParagraphKind::kDropped;
    else if (IsCaption(text, /*in_header=*/false)) para.kind = ParagraphKind::kCaption;
  }
  BuildBody(raw, paras, &doc);
  FillDateFromTextOrUrl(&doc);
  return doc;
}

}  // namespace parley::ingest
