// A linear pre-scan of raw HTML that estimates how deeply the tree builder will nest
// elements. Gumbo's tree builder walks its stack of open elements and its list of active
// formatting elements on many tags, so a page of 100,000 unclosed <div>s (or of distinct
// unclosed <b id=N>s) costs quadratic time. The reader refuses the tree builder for such
// pages and reads them as plain text instead. The estimate follows the HTML rules closely
// enough for real pages (void elements, elements closed implicitly by their siblings,
// end tags that close what they enclose, self-closing tags in SVG/MathML) and errs on the
// deep side for the rest.
// Input: raw bytes (any). Output: the deepest nesting and longest formatting list seen.
// Thread-safe (pure).
#pragma once

#include <cstddef>
#include <string_view>

namespace parley::ingest::html {

struct NestingEstimate {
  size_t max_depth = 0;             // open elements that the tree builder keeps stacked
  size_t max_formatting = 0;        // distinct formatting elements left open at once
};

NestingEstimate EstimateNesting(std::string_view raw);

// Limits above which the reader does not build a tree (browsers cap the DOM depth at 512 too).
inline constexpr size_t kMaxNestingDepth = 512;
inline constexpr size_t kMaxOpenFormatting = 128;

inline bool TooDeep(const NestingEstimate& e) {
  return e.max_depth > kMaxNestingDepth || e.max_formatting > kMaxOpenFormatting;
}

}  // namespace parley::ingest::html
