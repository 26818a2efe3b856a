#include "ingest/html_dom.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <iterator>

namespace parley::ingest::html {

// Gumbo allocates and frees many small blocks; an arena makes freeing the whole tree one
// step, so gumbo_destroy_output (which recurses over the tree) is never needed.
struct ParsedHtml::Arena {
  static constexpr size_t kBlock = 64 * 1024;
  std::vector<void*> blocks;
  char* cur = nullptr;
  size_t left = 0;

  ~Arena() {
    for (void* b : blocks) std::free(b);
  }
  void* Take(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > kBlock / 4) return NewBlock(size);  // large buffers get their own block
    if (size > left) {
      cur = static_cast<char*>(NewBlock(kBlock));
      left = kBlock;
    }
    void* p = cur;
    cur += size;
    left -= size;
    return p;
  }
  void* NewBlock(size_t size) {
    void* b = std::malloc(size);
    if (b == nullptr) std::abort();  // out of memory: nothing sensible is left to do
    blocks.push_back(b);
    return b;
  }
};

void* ParsedHtml::Allocate(void* arena, size_t size) {
  return static_cast<Arena*>(arena)->Take(size);
}

void ParsedHtml::Deallocate(void* /*arena*/, void* /*ptr*/) {}

ParsedHtml::ParsedHtml(std::string_view raw) : arena_(std::make_unique<Arena>()) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &ParsedHtml::Allocate;
  options.deallocator = &ParsedHtml::Deallocate;
  options.userdata = arena_.get();
  options.max_errors = 0;  // parse errors are not reported; recording them only costs memory
  output_ = gumbo_parse_with_options(&options, raw.data(), raw.size());
}

ParsedHtml::~ParsedHtml() = default;  // the arena owns every byte of output_

const GumboAttribute* FindAttr(const GumboNode* node, const char* name) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return nullptr;
  return gumbo_get_attribute(&node->v.element.attributes, name);
}

std::string_view AttrValue(const GumboNode* node, const char* name) {
  const GumboAttribute* a = FindAttr(node, name);
  return a == nullptr || a->value == nullptr ? std::string_view() : std::string_view(a->value);
}

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node != nullptr && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

GumboTag TagOf(const GumboNode* node) {
  if (node == nullptr || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE))
    return GUMBO_TAG_UNKNOWN;
  return node->v.element.tag;
}

const GumboVector* Children(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return &node->v.element.children;
    default:
      return nullptr;
  }
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

namespace {

// Whole words (after splitting class names at '-', '_' and camelCase) that mark furniture.
constexpr std::string_view kJunkWords[] = {
    "ad",          "ads",        "adv",         "advert",      "adverts",     "advertisement",
    "advertising", "adsense",    "adslot",      "adunit",      "dfp",         "banner",
    "sponsor",     "sponsored",  "promo",       "promos",      "promotion",   "promoted",
    "outbrain",    "taboola",    "newsletter",  "newsletters", "subscribe",   "subscription",
    "signup",      "paywall",    "share",       "shares",      "sharing",     "sharebar",
    "social",      "related",    "recommended", "recommendations", "recirc",  "comment",
    "comments",    "disqus",     "cookie",      "cookies",     "consent",     "gdpr",
    "sidebar",     "breadcrumb", "breadcrumbs", "nav",         "navbar",      "navigation",
    "menu",        "masthead",   "footer",      "popup",       "modal",       "byline",
    "trending",    "popular",    "mostread",    "widget",      "toolbar",     "tags",
    "login",       "facebook"};
// Word prefixes that mark furniture ("shareButtons", "relatedStories", "subscribeBox").
constexpr std::string_view kJunkPrefixes[] = {
    "share", "social", "related", "newsletter", "subscri", "advert",
    "sponsor", "recommend", "outbrain", "taboola", "disqus", "cookie"};
// Substrings of a class name with '-' and '_' removed that mark an article body.
constexpr std::string_view kContentNames[] = {
    "articlebody", "articlecontent", "articletext", "articlecopy",  "entrycontent",
    "postcontent", "postbody",       "posttext",    "storybody",    "storycontent",
    "storytext",   "contentbody",    "bodytext",    "bodycopy",     "newsbody",
    "newscontent", "newstext",       "articlemain", "singlecontent", "textcontent"};

// Class names that describe the post rather than the element (WordPress "tag-social-media",
// "category-ads", "has-comments") and must not be read as furniture.
bool IsTaxonomyClass(std::string_view name) {
  for (std::string_view prefix : {"tag-", "category-", "cat-", "topic-", "has-", "section-"}) {
    if (name.size() > prefix.size() && EqualsNoCase(name.substr(0, prefix.size()), prefix))
      return true;
  }
  return false;
}

// Splits a class name into lower-case words at non-alphanumerics and camelCase humps.
std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    const bool hump = c >= 'A' && c <= 'Z' && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z';
    if ((!alnum || hump) && !cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
    if (alnum) cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

bool IsJunkWord(std::string_view w) {
  if (std::find(std::begin(kJunkWords), std::end(kJunkWords), w) != std::end(kJunkWords)) return true;
  for (auto p : kJunkPrefixes) {
    if (w.size() >= p.size() && w.substr(0, p.size()) == p) return true;
  }
  return false;
}

bool IsContentName(std::string_view name) {
  std::string squeezed;
  for (char c : name) {
    if (c != '-' && c != '_') squeezed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  for (auto n : kContentNames) {
    if (squeezed.find(n) != std::string::npos) return true;
  }
  return false;
}

// The role one class name or id gives.
ElementRole RoleOfName(std::string_view name) {
  if (name.empty() || name.size() > 80 || IsTaxonomyClass(name)) return ElementRole::kNeutral;
  if (IsContentName(name)) return ElementRole::kContent;
  bool caption = false;
  for (const auto& w : Words(name)) {
    if (IsJunkWord(w)) return ElementRole::kJunk;
    if (w == "caption" || w == "figcaption" || w == "credit" || w == "credits") caption = true;
  }
  return caption ? ElementRole::kCaption : ElementRole::kNeutral;
}

}  // namespace

ElementRole RoleFromClassAndId(const GumboNode* node) {
  ElementRole role = ElementRole::kNeutral;
  auto merge = [&role](ElementRole r) {
    // Content wins over everything (a body container may carry a furniture word too);
    // then junk, then caption.
    if (r == ElementRole::kContent || role == ElementRole::kContent) {
      role = ElementRole::kContent;
    } else if (r == ElementRole::kJunk || role == ElementRole::kJunk) {
      role = ElementRole::kJunk;
    } else if (r == ElementRole::kCaption) {
      role = r;
    }
  };
  std::string_view cls = AttrValue(node, "class");
  size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && std::isspace(static_cast<unsigned char>(cls[i]))) ++i;
    size_t j = i;
    while (j < cls.size() && !std::isspace(static_cast<unsigned char>(cls[j]))) ++j;
    if (j > i) merge(RoleOfName(cls.substr(i, j - i)));
    i = j;
  }
  merge(RoleOfName(AttrValue(node, "id")));
  return role;
}

bool IsHidden(const GumboNode* node) {
  if (FindAttr(node, "hidden") != nullptr) return true;
  if (EqualsNoCase(AttrValue(node, "aria-hidden"), "true")) return true;
  std::string_view style = AttrValue(node, "style");
  if (style.empty() || style.size() > 2000) return false;
  std::string squeezed;
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n') squeezed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return squeezed.find("display:none") != std::string::npos ||
         squeezed.find("visibility:hidden") != std::string::npos;
}

}  // namespace parley::ingest::html
