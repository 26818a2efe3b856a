// The text of an HTML page as paragraphs, and the choice of which paragraphs are the article.
//
// CollectText walks the parsed page once (iteratively) and turns it into paragraphs the way
// a browser lays text out: block elements (<p>, <div>, <li>, <h2>, <td>...) and two <br>s in
// a row end a paragraph, one <br> is a line break, runs of white space become one space,
// entities are decoded and the page's encoding repaired by the cleaner. Scripts, styles,
// forms' controls, <nav>/<aside>, hidden elements and elements whose class or id names page
// furniture (share, related, newsletter, ad, comments, cookie...) are skipped; <figcaption>
// and caption-classed elements go to `captions`. Every paragraph keeps its map back to the
// raw bytes (through the text nodes' offsets in the raw page).
//
// ChooseBody picks the element holding the article: an explicit container (itemprop=
// articleBody, an article-body class, <article>) when it holds a fair share of the page's
// prose, else the element that collects the most paragraph text (readability-style scoring:
// each paragraph scores its non-link text for its container and half of it for the
// container's parent).
//
// Thread-safety: pure functions over a tree that the caller owns.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/cleaner.h"
#include "parley/document.h"

namespace parley::ingest::html {

struct HtmlParagraph {
  std::string text;               // clean, white space collapsed, no leading/trailing space
  OffsetMap map;                  // offsets into `text` -> raw offsets
  uint64_t raw_end = 0;           // raw offset just after the paragraph's last byte
  uint64_t link_bytes = 0;        // bytes of `text` inside links
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // the innermost block element holding it
  const GumboNode* owner = nullptr;  // that element
  size_t soft_depth = 0;          // 1 + depth of the innermost <header>/<footer>/<form> around it; 0 none
  bool chrome = false;            // inside a <header> or <footer>
  CleanStats stats;               // what cleaning this paragraph repaired
};

// Paragraphs [first, last) lie inside an element at tree depth `depth`.
struct BlockRange {
  size_t first = 0, last = 0;
  size_t depth = 0;
};

struct PageText {
  std::vector<HtmlParagraph> paragraphs;
  std::vector<std::string> captions;
  std::unordered_map<const GumboNode*, BlockRange> ranges;  // every block element
  // Explicit article containers in document order with their tier (0 best).
  std::vector<std::pair<const GumboNode*, int>> candidates;
};

// `start` is usually the <body> element; `raw` the whole page.
PageText CollectText(const GumboNode* start, std::string_view raw, RawEncoding encoding);

// The chosen element and the paragraphs that belong to the article, in order.
struct BodyChoice {
  const GumboNode* root = nullptr;  // nullptr when the page has no paragraph at all
  std::vector<size_t> paragraphs;   // indexes into PageText::paragraphs
};

BodyChoice ChooseBody(const PageText& page);

// Non-link bytes of a paragraph that count as prose (0 for headings, page chrome and
// fragments shorter than a short sentence).
uint64_t ProseBytes(const HtmlParagraph& p);

}  // namespace parley::ingest::html
