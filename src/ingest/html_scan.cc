#include "ingest/html_scan.h"

#include <cstring>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace parley::ingest::html {
namespace {

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> set) {
  for (auto s : set) {
    if (name == s) return true;
  }
  return false;
}

// Elements that never have children.
bool IsVoid(std::string_view n) {
  return OneOf(n, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
                   "image", "isindex"});
}

// Elements that the next sibling of their kind (or their parent's end) closes: they do not
// pile up however often they are left open.
bool IsSelfLimiting(std::string_view n) {
  return OneOf(n, {"p", "li", "dd", "dt", "option", "optgroup", "tr", "td", "th", "tbody",
                   "thead", "tfoot", "rb", "rt", "rp", "rtc", "colgroup", "html", "head",
                   "body", "caption"});
}

bool IsFormatting(std::string_view n) {
  return OneOf(n, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                   "strong", "tt", "u"});
}

// Elements whose content is raw text up to their end tag.
bool IsRawText(std::string_view n) {
  return OneOf(n, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                   "noframes"});
}

// HTML elements that break out of SVG/MathML content.
bool BreaksForeign(std::string_view n) {
  return OneOf(n, {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl",
                   "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
                   "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
                   "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul",
                   "var", "font"});
}

class Scanner {
 public:
  explicit Scanner(std::string_view raw) : raw_(raw) {}

  NestingEstimate Run() {
    size_t i = 0;
    while (i < raw_.size()) {
      const void* lt = std::memchr(raw_.data() + i, '<', raw_.size() - i);
      if (lt == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(lt) - raw_.data());
      i = Tag(i);
    }
    return estimate_;
  }

 private:
  // Handles the markup at raw_[i] == '<'; returns where scanning goes on.
  size_t Tag(size_t i) {
    if (raw_.compare(i, 4, "<!--") == 0) return SkipPast(i + 4, "-->");
    const bool closing = i + 1 < raw_.size() && raw_[i + 1] == '/';
    size_t name_start = i + (closing ? 2 : 1);
    if (name_start >= raw_.size() || !IsAsciiAlpha(raw_[name_start])) {
      return (i + 1 < raw_.size() && (raw_[i + 1] == '!' || raw_[i + 1] == '?'))
                 ? SkipPast(i + 1, ">")
                 : i + 1;
    }
    size_t j = name_start;
    std::string name;
    while (j < raw_.size() && !std::strchr(" \t\n\r\f/>", raw_[j])) {
      if (name.size() < 32) name.push_back(static_cast<char>(raw_[j] | 0x20));
      ++j;
    }
    const size_t gt = raw_.find('>', j);
    if (gt == std::string_view::npos) return raw_.size();
    const bool self_closing = gt > j && raw_[gt - 1] == '/';
    if (closing) {
      Close(name);
    } else if (IsRawText(name)) {
      // No elements inside: skip to the end tag (which closes it).
      const size_t end = SkipPast(gt + 1, "</" + name);
      return end >= raw_.size() ? end : SkipPast(end, ">");
    } else if (name == "plaintext") {
      return raw_.size();
    } else {
      Open(name, raw_.substr(j, gt - j), self_closing);
    }
    return gt + 1;
  }

  // The position after the next case-insensitive occurrence of `what` (end when none).
  size_t SkipPast(size_t from, const std::string& what) {
    for (size_t p = from; p + what.size() <= raw_.size(); ++p) {
      if (raw_[p] != what[0]) continue;
      size_t k = 1;
      while (k < what.size() && (raw_[p + k] | 0x20) == (what[k] | 0x20)) ++k;
      if (k == what.size()) return p + what.size();
    }
    return raw_.size();
  }

  void Open(const std::string& name, std::string_view attrs, bool self_closing) {
    if (foreign_ > 0 && BreaksForeign(name)) PopForeign();
    if (IsVoid(name) || IsSelfLimiting(name)) return;
    if (self_closing && foreign_ > 0) return;  // <path/> in SVG really is empty
    if (IsFormatting(name)) OpenFormatting(name, attrs);
    const bool foreign_root = name == "svg" || name == "math";
    stack_.push_back({name, foreign_root});
    ++open_[name];
    if (foreign_root) ++foreign_;
    estimate_.max_depth = std::max(estimate_.max_depth, stack_.size());
  }

  // Identical formatting elements stay at most three times in the list (the "Noah's Ark"
  // rule); distinct ones pile up.
  void OpenFormatting(const std::string& name, std::string_view attrs) {
    size_t key = std::hash<std::string_view>()(attrs) ^ std::hash<std::string>()(name);
    if (++formatting_keys_[key] > 3) return;
    ++formatting_open_[name];
    ++formatting_;
    estimate_.max_formatting = std::max(estimate_.max_formatting, formatting_);
  }

  void Close(const std::string& name) {
    auto f = formatting_open_.find(name);
    if (f != formatting_open_.end() && f->second > 0) {
      --f->second;
      --formatting_;
    }
    auto it = open_.find(name);
    if (it == open_.end() || it->second == 0) return;  // a stray end tag is ignored
    while (!stack_.empty()) {
      Entry e = std::move(stack_.back());
      stack_.pop_back();
      --open_[e.name];
      if (e.foreign_root) --foreign_;
      if (e.name == name) break;
    }
  }

  // Pops everything up to and including the outermost open <svg>/<math>.
  void PopForeign() {
    while (!stack_.empty() && foreign_ > 0) {
      Entry e = std::move(stack_.back());
      stack_.pop_back();
      --open_[e.name];
      if (e.foreign_root) --foreign_;
    }
  }

  struct Entry {
    std::string name;
    bool foreign_root;
  };
  std::string_view raw_;
  std::vector<Entry> stack_;
  std::unordered_map<std::string, size_t> open_;
  std::unordered_map<std::string, size_t> formatting_open_;
  std::unordered_map<size_t, size_t> formatting_keys_;
  size_t formatting_ = 0;
  size_t foreign_ = 0;
  NestingEstimate estimate_;
};

}  // namespace

NestingEstimate EstimateNesting(std::string_view raw) { return Scanner(raw).Run(); }

}  // namespace parley::ingest::html
