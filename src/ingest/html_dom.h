// Small layer over gumbo for the .html reader: a parse tree whose memory lives in an arena
// (so freeing it never recurses over a deep tree), attribute look-ups, an iterative tree
// walk (no recursion, whatever the nesting depth), and the class/id vocabulary that marks
// page furniture (share boxes, ads, related links) and article containers.
// Input: the raw page bytes, which must outlive the ParsedHtml (gumbo points into them).
// Thread-safety: a ParsedHtml is used by one thread; the free functions are pure.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley::ingest::html {

class ParsedHtml {
 public:
  explicit ParsedHtml(std::string_view raw);
  ~ParsedHtml();
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;

  const GumboNode* document() const { return output_->document; }
  const GumboNode* root() const { return output_->root; }  // the <html> element

 private:
  struct Arena;
  static void* Allocate(void* arena, size_t size);
  static void Deallocate(void* arena, void* ptr);
  std::unique_ptr<Arena> arena_;
  GumboOutput* output_ = nullptr;
};

// The attribute `name` of an element (nullptr when absent or not an element).
const GumboAttribute* FindAttr(const GumboNode* node, const char* name);
// Gumbo's decoded value of attribute `name` ("" when absent).
std::string_view AttrValue(const GumboNode* node, const char* name);
bool IsElement(const GumboNode* node, GumboTag tag);
GumboTag TagOf(const GumboNode* node);  // GUMBO_TAG_UNKNOWN for non-elements
// Children of an element, template or document node; nullptr for text and comments.
const GumboVector* Children(const GumboNode* node);

// Lower-cased ASCII copy.
std::string AsciiLower(std::string_view s);
// Case-insensitive ASCII comparison.
bool EqualsNoCase(std::string_view a, std::string_view b);

// Visits the subtree of `start` in document order without recursion. `enter(node, depth)`
// returns true to visit the node's children; `leave(node)` is called after the children of
// every node whose children were visited.
template <typename Enter, typename Leave>
void Walk(const GumboNode* start, Enter&& enter, Leave&& leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack;
  if (start == nullptr || !enter(start, size_t{0})) return;
  stack.push_back({start, 0});
  while (!stack.empty()) {
    const GumboNode* node = stack.back().node;
    const GumboVector* kids = Children(node);
    if (kids == nullptr || stack.back().next >= kids->length) {
      stack.pop_back();
      leave(node);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids->data[stack.back().next++]);
    if (enter(child, stack.size())) stack.push_back({child, 0});
  }
}

// What an element's class and id say about it.
enum class ElementRole {
  kNeutral,
  kJunk,     // share/social/related/newsletter/ad/promo/subscribe/comments/cookie boxes...
  kContent,  // an article-body container ("entry-content", "article-body", "story-body")
  kCaption,  // a caption or photo credit ("caption", "wp-caption-text", "credit")
};
ElementRole RoleFromClassAndId(const GumboNode* node);

// Hidden by the `hidden` attribute, aria-hidden="true" or an inline display:none.
bool IsHidden(const GumboNode* node);

}  // namespace parley::ingest::html
