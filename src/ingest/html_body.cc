#include "ingest/html_body.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "ingest/html_dom.h"
#include "util/text_builder.h"

namespace parley::ingest::html {
namespace {

// Elements whose content is never article text.
bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_IMG: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// Elements that start and end a paragraph.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_HTML: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

// Blocks that hold one paragraph each: their container is their parent.
bool IsParagraphLike(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_PRE ||
         tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT || tag == GUMBO_TAG_BLOCKQUOTE ||
         IsHeading(tag);
}

// Elements whose class names are not read as furniture: a whole page or article wrapper
// often carries words like "sidebar" or "comments" for its layout.
bool IsWrapper(GumboTag tag) {
  return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ARTICLE ||
         tag == GUMBO_TAG_MAIN;
}

bool IsCollapsible(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

constexpr std::string_view kNbsp = "\xC2\xA0";

// HTML decodes a few old entities even without their ';' ("AT&T" stays, "&amp they" does
// not); the cleaner only decodes complete ones, so these are handled first.
struct BareEntity {
  std::string_view text;  // UTF-8 replacement
  size_t length = 0;      // bytes of the name after '&'; 0 when none
};

BareEntity MatchBareEntity(std::string_view after_amp) {
  static constexpr std::pair<std::string_view, std::string_view> kBare[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"nbsp", "\xC2\xA0"},
      {"copy", "\xC2\xA9"}, {"reg", "\xC2\xAE"}};
  for (const auto& [name, text] : kBare) {
    if (after_amp.substr(0, name.size()) != name) continue;
    const char next = after_amp.size() > name.size() ? after_amp[name.size()] : ' ';
    if (next == ';' || std::isalnum(static_cast<unsigned char>(next)) != 0) return {};
    return {text, name.size()};
  }
  return {};
}

// Text being gathered for one paragraph or one caption.
struct Sink {
  enum class Gap { kNone, kSpace, kNewline };
  util::TextBuilder builder;
  Gap gap = Gap::kNone;
  uint64_t gap_raw = 0, gap_len = 0;
  uint64_t link_bytes = 0;
  CleanStats stats;

  void NoteGap(Gap g, uint64_t raw, uint64_t len) {
    if (builder.empty()) return;  // white space at the start is dropped
    if (gap == Gap::kNone || (g == Gap::kNewline && gap == Gap::kSpace)) {
      gap = g;
      gap_raw = raw;
      gap_len = len;
    }
  }
  void FlushGap() {
    if (gap == Gap::kSpace) builder.AppendReplacement(" ", gap_raw, gap_len);
    if (gap == Gap::kNewline) builder.AppendReplacement("\n", gap_raw, gap_len);
    gap = Gap::kNone;
  }
};

// What entering an element did, undone when leaving it.
struct Frame {
  bool block = false, link = false, soft = false, chrome = false, caption = false;
  size_t first_paragraph = 0;
  size_t depth = 0;
};

class Collector {
 public:
  Collector(std::string_view raw, RawEncoding encoding) : raw_(raw) {
    options_.encoding = encoding;
    // Text nodes can still hold markup the tree builder ignored (a stray </span>, a second
    // <body>): the cleaner removes such leftovers, and never touches decoded "&lt;".
    options_.strip_tags = true;
  }

  PageText Run(const GumboNode* start) {
    FindCandidates(start);
    Walk(
        start, [this](const GumboNode* n, size_t depth) { return Enter(n, depth); },
        [this](const GumboNode* n) { Leave(n); });
    EndParagraph();
    return std::move(page_);
  }

 private:
  bool Enter(const GumboNode* node, size_t depth) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        AddText(node->v.text);
        return false;
      case GUMBO_NODE_DOCUMENT:
        frames_.push_back(Frame{});
        return true;
      case GUMBO_NODE_ELEMENT:
        return EnterElement(node, depth);
      default:  // comments, CDATA, templates
        return false;
    }
  }

  bool EnterElement(const GumboNode* node, size_t depth) {
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      LineBreak(node->v.element);
      return false;
    }
    if (IsSkipped(tag) || IsHidden(node)) return false;
    ElementRole role = RoleFromClassAndId(node);
    if (role == ElementRole::kJunk && (IsWrapper(tag) || protected_.count(node) > 0))
      role = ElementRole::kNeutral;
    if (role == ElementRole::kJunk) return false;
    Frame f;
    f.depth = depth;
    auto found = tiers_.find(node);
    const int tier = found == tiers_.end() ? -1 : found->second;
    f.block = IsBlock(tag) || tier >= 0;
    if (f.block) {
      BlockBoundary();
      f.first_paragraph = page_.paragraphs.size();
      blocks_.push_back({node, depth});
    }
    if (tier >= 0) page_.candidates.push_back({node, tier});
    if (caption_depth_ == 0 && (tag == GUMBO_TAG_FIGCAPTION || role == ElementRole::kCaption)) {
      f.caption = true;
      caption_ = Sink{};
    }
    caption_depth_ += f.caption ? 1 : 0;
    f.link = tag == GUMBO_TAG_A;
    link_depth_ += f.link ? 1 : 0;
    f.chrome = tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER;
    f.soft = f.chrome || tag == GUMBO_TAG_FORM;
    if (f.soft) soft_.push_back(depth);
    chrome_ += f.chrome ? 1 : 0;
    frames_.push_back(f);
    return true;
  }

  void Leave(const GumboNode* node) {
    const Frame f = frames_.back();
    frames_.pop_back();
    if (f.caption) {
      --caption_depth_;
      EndCaption();
    }
    if (f.block) {
      BlockBoundary();
      blocks_.pop_back();
      page_.ranges[node] = {f.first_paragraph, page_.paragraphs.size(), f.depth};
    }
    link_depth_ -= f.link ? 1 : 0;
    chrome_ -= f.chrome ? 1 : 0;
    if (f.soft) soft_.pop_back();
  }

  // Finds the article containers first, so that an element around one of them is never
  // skipped as furniture (an unclosed <div class="nav"> swallows the rest of a page).
  void FindCandidates(const GumboNode* start) {
    Walk(
        start,
        [this](const GumboNode* n, size_t) {
          if (n->type == GUMBO_NODE_DOCUMENT) return true;
          if (n->type != GUMBO_NODE_ELEMENT || IsSkipped(n->v.element.tag)) return false;
          const int tier = CandidateTier(n, n->v.element.tag, RoleFromClassAndId(n));
          if (tier < 0) return true;
          tiers_[n] = tier;
          for (const GumboNode* up = n->parent; up != nullptr && protected_.insert(up).second;
               up = up->parent) {
          }
          return true;
        },
        [](const GumboNode*) {});
  }

  // -1 when the element is no article container; else its tier (0 is the surest).
  static int CandidateTier(const GumboNode* node, GumboTag tag, ElementRole role) {
    if (EqualsNoCase(AttrValue(node, "itemprop"), "articleBody")) return 0;
    if (role == ElementRole::kContent) return 1;
    if (tag == GUMBO_TAG_ARTICLE || EqualsNoCase(AttrValue(node, "role"), "article")) return 2;
    return -1;
  }

  Sink& Current() { return caption_depth_ > 0 ? caption_ : para_; }

  void BlockBoundary() {
    if (caption_depth_ > 0) {
      caption_.NoteGap(Sink::Gap::kSpace, 0, 0);
      return;
    }
    EndParagraph();
  }

  void LineBreak(const GumboElement& br) {
    const uint64_t pos = br.start_pos.offset;
    const uint64_t len = br.original_tag.length;
    if (caption_depth_ > 0) {
      caption_.NoteGap(Sink::Gap::kSpace, pos, len);
    } else {
      // Table-and-font layouts separate paragraphs, and the headline from the date line, with
      // <br>s. A sentence that a <br> cuts is joined again by the sentence splitter (a line
      // that goes on in lower case), as for scraped text.
      EndParagraph();
    }
  }

  void AddText(const GumboText& text) {
    const char* data = text.original_text.data;
    const size_t len = text.original_text.length;
    if (data == nullptr || len == 0 || data < raw_.data() || data + len > raw_.data() + raw_.size())
      return;  // only text that stands in the raw page can be mapped back to it
    const uint64_t offset = static_cast<uint64_t>(data - raw_.data());
    const std::string_view slice(data, len);
    util::TextBuilder cleaned;
    size_t from = 0;
    for (size_t k = slice.find('&'); k != std::string_view::npos; k = slice.find('&', k + 1)) {
      const BareEntity e = MatchBareEntity(slice.substr(k + 1));
      if (e.length == 0) continue;
      CleanInto(slice.substr(from, k - from), offset + from, options_, &cleaned, &Current().stats);
      cleaned.AppendReplacement(e.text, offset + k, e.length + 1);
      from = k + 1 + e.length;
    }
    CleanInto(slice.substr(from), offset + from, options_, &cleaned, &Current().stats);
    std::string clean_text;
    OffsetMap clean_map;
    cleaned.Finish(&clean_text, &clean_map);
    for (const auto& seg : clean_map.segments) {
      std::string_view piece(clean_text.data() + seg.clean_start, seg.clean_length);
      if (seg.raw_length == seg.clean_length) {
        AddVerbatim(piece, seg.raw_start);
      } else {
        AddReplacement(piece, seg.raw_start, seg.raw_length);
      }
    }
  }

  // Copies text that maps byte for byte, collapsing white-space runs.
  void AddVerbatim(std::string_view piece, uint64_t raw_start) {
    size_t k = 0;
    while (k < piece.size()) {
      size_t start = k;
      if (IsCollapsible(piece[k])) {
        while (k < piece.size() && IsCollapsible(piece[k])) ++k;
        Current().NoteGap(Sink::Gap::kSpace, raw_start + start, k - start);
        continue;
      }
      if (Current().builder.empty() && piece.substr(k, 2) == kNbsp) {
        k += 2;  // a paragraph does not start with no-break spaces (<p>&nbsp;</p>)
        continue;
      }
      while (k < piece.size() && !IsCollapsible(piece[k])) ++k;
      Emit(piece.substr(start, k - start), raw_start + start, k - start);
    }
  }

  void AddReplacement(std::string_view piece, uint64_t raw_start, uint64_t raw_length) {
    bool blank = true;
    for (char c : piece) blank = blank && IsCollapsible(c);
    if (blank) {
      Current().NoteGap(Sink::Gap::kSpace, raw_start, raw_length);
    } else if (!(piece == kNbsp && Current().builder.empty())) {
      Emit(piece, raw_start, raw_length);
    }
  }

  void Emit(std::string_view piece, uint64_t raw_start, uint64_t raw_length) {
    Sink& sink = Current();
    if (sink.builder.empty() && caption_depth_ == 0) StartParagraph();
    sink.FlushGap();
    sink.builder.AppendReplacement(piece, raw_start, raw_length);
    if (link_depth_ > 0) sink.link_bytes += piece.size();
  }

  void StartParagraph() {
    current_ = HtmlParagraph{};
    if (!blocks_.empty()) {
      current_.owner = blocks_.back().first;
      current_.tag = TagOf(current_.owner);
    }
    current_.soft_depth = soft_.empty() ? 0 : soft_.back() + 1;
    current_.chrome = chrome_ > 0;
  }

  void EndParagraph() {
    if (para_.builder.empty()) {
      para_ = Sink{};
      return;
    }
    current_.link_bytes = para_.link_bytes;
    current_.stats = para_.stats;
    para_.builder.Finish(&current_.text, &current_.map);
    const auto& last = current_.map.segments.back();
    current_.raw_end = last.raw_start + last.raw_length;
    page_.paragraphs.push_back(std::move(current_));
    para_ = Sink{};
  }

  void EndCaption() {
    std::string text;
    OffsetMap map;
    caption_.builder.Finish(&text, &map);
    if (!text.empty()) page_.captions.push_back(std::move(text));
    caption_ = Sink{};
  }

  std::string_view raw_;
  std::unordered_map<const GumboNode*, int> tiers_;  // article containers and their tiers
  std::unordered_set<const GumboNode*> protected_;   // elements around a container
  CleanOptions options_;
  PageText page_;
  std::vector<Frame> frames_;
  std::vector<std::pair<const GumboNode*, size_t>> blocks_;  // open block elements and depths
  std::vector<size_t> soft_;  // depths of open <header>/<footer>/<form>
  size_t chrome_ = 0, link_depth_ = 0, caption_depth_ = 0;
  Sink para_, caption_;
  HtmlParagraph current_;
};

constexpr uint64_t kMinProse = 25;        // shorter fragments are labels, not prose
constexpr uint64_t kMinCandidate = 120;   // an explicit container must hold at least this
constexpr double kCandidateShare = 0.5;   // ... and this share of the best-scored block

// Scores of containers, in the order they were first met (for deterministic ties).
struct Scores {
  std::vector<const GumboNode*> order;
  std::unordered_map<const GumboNode*, double> score;

  void Add(const GumboNode* node, double s) {
    auto [it, inserted] = score.emplace(node, 0.0);
    if (inserted) order.push_back(node);
    it->second += s;
  }
};

// The nearest block element at or above `node` (ranges are kept for block elements only).
const GumboNode* NearestBlock(const PageText& page, const GumboNode* node) {
  while (node != nullptr && page.ranges.find(node) == page.ranges.end()) node = node->parent;
  return node;
}

// The best-scored container and its score.
std::pair<const GumboNode*, double> BestScored(const PageText& page) {
  Scores scores;
  for (const auto& p : page.paragraphs) {
    const uint64_t prose = ProseBytes(p);
    if (prose == 0 || p.owner == nullptr) continue;
    // A <div> that holds one paragraph is a paragraph too (sites that write no <p>s).
    const BlockRange& own = page.ranges.at(p.owner);
    const bool paragraph_like = IsParagraphLike(p.tag) || own.last - own.first == 1;
    const GumboNode* container = paragraph_like ? NearestBlock(page, p.owner->parent) : p.owner;
    if (container == nullptr) continue;
    scores.Add(container, static_cast<double>(prose));
    if (const GumboNode* up = NearestBlock(page, container->parent)) {
      scores.Add(up, static_cast<double>(prose) / 2);
    }
  }
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const GumboNode* n : scores.order) {
    if (scores.score[n] > best_score) {
      best = n;
      best_score = scores.score[n];
    }
  }
  return {best, best_score};
}

}  // namespace

uint64_t ProseBytes(const HtmlParagraph& p) {
  if (p.chrome || IsHeading(p.tag)) return 0;
  const uint64_t own = p.text.size() > p.link_bytes ? p.text.size() - p.link_bytes : 0;
  return own < kMinProse ? 0 : own;
}

PageText CollectText(const GumboNode* start, std::string_view raw, RawEncoding encoding) {
  return Collector(raw, encoding).Run(start);
}

BodyChoice ChooseBody(const PageText& page) {
  std::vector<uint64_t> prefix(page.paragraphs.size() + 1, 0);
  for (size_t i = 0; i < page.paragraphs.size(); ++i)
    prefix[i + 1] = prefix[i] + ProseBytes(page.paragraphs[i]);
  auto prose_of = [&](const GumboNode* n) {
    const BlockRange& r = page.ranges.at(n);
    return prefix[r.last] - prefix[r.first];
  };
  BodyChoice choice;
  // An explicit container must hold at least half the best container's score: a teaser
  // <article> beside an unmarked story div does not, the story's own <article> does.
  const auto [scored, best_score] = BestScored(page);
  for (int tier = 0; tier <= 2 && choice.root == nullptr; ++tier) {
    const GumboNode* best = nullptr;
    for (const auto& [node, t] : page.candidates) {
      if (t == tier && (best == nullptr || prose_of(node) > prose_of(best))) best = node;
    }
    if (best != nullptr && prose_of(best) >= kMinCandidate &&
        static_cast<double>(prose_of(best)) >= kCandidateShare * best_score)
      choice.root = best;
  }
  if (choice.root == nullptr) choice.root = scored;
  if (choice.root == nullptr) {
    // No prose anywhere: keep whatever text lies outside headers and footers.
    for (size_t i = 0; i < page.paragraphs.size(); ++i) {
      if (page.paragraphs[i].soft_depth == 0) choice.paragraphs.push_back(i);
    }
    return choice;
  }
  const BlockRange& r = page.ranges.at(choice.root);
  for (size_t i = r.first; i < r.last; ++i) {
    const HtmlParagraph& p = page.paragraphs[i];
    if (p.soft_depth > 0 && p.soft_depth - 1 > r.depth) continue;  // a header/footer/form inside
    choice.paragraphs.push_back(i);
  }
  return choice;
}

}  // namespace parley::ingest::html
