#include "ingest/html_meta.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

#include "ingest/html_dom.h"
#include "parley/ingest.h"
#include "util/text_builder.h"
#include "util/utf8.h"

namespace parley::ingest::html {
namespace {

constexpr size_t kMaxCollected = 500;  // per kind: enough for any real page, bounded for junk
constexpr size_t kMaxAncestors = 4096;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The charset named in "text/html; charset=windows-1252".
std::string CharsetFromContentType(std::string_view content) {
  std::string lower = AsciiLower(content);
  size_t p = lower.find("charset=");
  if (p == std::string::npos) return "";
  p += 8;
  while (p < lower.size() && (lower[p] == '"' || lower[p] == '\'' || lower[p] == ' ')) ++p;
  size_t e = p;
  while (e < lower.size() && lower[e] != ';' && lower[e] != '"' && lower[e] != '\'' && !IsSpace(lower[e])) ++e;
  return lower.substr(p, e - p);
}

void CollectMetaTag(const GumboNode* node, MetaSources* out) {
  if (out->charset.empty()) {
    if (std::string_view cs = AttrValue(node, "charset"); !cs.empty()) {
      out->charset = AsciiLower(cs);
    } else if (EqualsNoCase(AttrValue(node, "http-equiv"), "content-type")) {
      out->charset = CharsetFromContentType(AttrValue(node, "content"));
    }
  }
  const GumboAttribute* content = FindAttr(node, "content");
  if (content == nullptr || out->metas.size() >= kMaxCollected) return;
  for (const char* key_attr : {"property", "name", "itemprop"}) {
    std::string_view key = AttrValue(node, key_attr);
    if (!key.empty()) out->metas.emplace_back(AsciiLower(key), content);
  }
}

void CollectElement(const GumboNode* node, MetaSources* out) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_META:
      CollectMetaTag(node, out);
      break;
    case GUMBO_TAG_TITLE:
      if (out->title == nullptr) out->title = node;
      break;
    case GUMBO_TAG_LINK:
      if (out->canonical == nullptr && EqualsNoCase(AttrValue(node, "rel"), "canonical"))
        out->canonical = FindAttr(node, "href");
      break;
    case GUMBO_TAG_BASE:
      if (out->base == nullptr) out->base = FindAttr(node, "href");
      break;
    case GUMBO_TAG_SCRIPT:
      if (EqualsNoCase(AttrValue(node, "type"), "application/ld+json") && out->json_ld.size() < 20)
        out->json_ld.push_back(node);
      break;
    case GUMBO_TAG_TIME:
      if (out->times.size() < kMaxCollected) out->times.push_back(node);
      break;
    case GUMBO_TAG_H1:
      if (out->h1s.size() < kMaxCollected) out->h1s.push_back(node);
      break;
    default:
      break;
  }
}

// Collapses white space and trims; the text has no offsets to keep.
std::string Collapse(std::string_view s) {
  std::string out;
  bool gap = false;
  for (char c : s) {
    if (IsSpace(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    out.push_back(c);
  }
  return out;
}

std::string AttrText(const GumboAttribute* a, RawEncoding encoding) {
  if (a == nullptr) return "";
  std::string_view v(a->original_value.data, a->original_value.length);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    v = v.substr(1, v.size() - 2);
  return CleanShortText(v, encoding);
}

// The text inside an element (for <title>, <h1>, <time>).
std::string NodeText(const GumboNode* node, RawEncoding encoding) {
  std::string raw_text;
  Walk(
      node,
      [&](const GumboNode* n, size_t) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
          raw_text.append(n->v.text.original_text.data, n->v.text.original_text.length);
          raw_text.push_back(' ');
          return false;
        }
        return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag != GUMBO_TAG_SCRIPT &&
               n->v.element.tag != GUMBO_TAG_STYLE;
      },
      [](const GumboNode*) {});
  return CleanShortText(raw_text, encoding);
}

bool HasAncestor(const GumboNode* node, const GumboNode* ancestor) {
  size_t steps = 0;
  for (const GumboNode* n = node; n != nullptr && steps < kMaxAncestors; n = n->parent, ++steps) {
    if (n == ancestor) return true;
  }
  return false;
}

bool InsidePageChrome(const GumboNode* node) {
  size_t steps = 0;
  for (const GumboNode* n = node->parent; n != nullptr && steps < kMaxAncestors; n = n->parent, ++steps) {
    const GumboTag t = TagOf(n);
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) return false;
    if (t == GUMBO_TAG_HEADER || t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE)
      return true;
  }
  return false;
}

// The part of the page the article's own title and date live in: the <article> around the
// body, else the body's parent (the title usually precedes the body container).
const GumboNode* ArticleScope(const GumboNode* body_root) {
  if (body_root == nullptr) return nullptr;
  size_t steps = 0;
  for (const GumboNode* n = body_root; n != nullptr && steps < kMaxAncestors; n = n->parent, ++steps) {
    if (TagOf(n) == GUMBO_TAG_ARTICLE) return n;
  }
  const GumboNode* up = body_root->parent;
  return up != nullptr && TagOf(up) != GUMBO_TAG_HTML ? up : body_root;
}

// ---- JSON-LD ----

struct JsonLdArticle {
  std::string headline, date, url, publisher, body;
};

bool IsArticleType(const nlohmann::json& type) {
  auto check = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.find("Article") != std::string::npos || s.find("BlogPosting") != std::string::npos ||
           s == "Report";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), check);
  return check(type);
}

std::string StringField(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {  // {"@id": url} or {"name": ...}
    for (const char* inner : {"name", "@id", "url"}) {
      auto in = it->find(inner);
      if (in != it->end() && in->is_string()) return in->get<std::string>();
    }
  }
  if (it->is_array() && !it->empty()) {
    const auto& first = it->front();
    if (first.is_string()) return first.get<std::string>();
    if (first.is_object()) {
      auto in = first.find("name");
      if (in != first.end() && in->is_string()) return in->get<std::string>();
    }
  }
  return "";
}

// Finds the first article object anywhere in the JSON (arrays, @graph, nested), iteratively.
const nlohmann::json* FindArticle(const nlohmann::json& root) {
  std::vector<const nlohmann::json*> stack{&root};
  size_t visited = 0;
  while (!stack.empty() && ++visited < 20000) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_object()) {
      auto type = j->find("@type");
      if (type != j->end() && IsArticleType(*type)) return j;
    }
    if (j->is_object() || j->is_array()) {
      // Push in reverse so that the first child is looked at first.
      std::vector<const nlohmann::json*> kids;
      for (const auto& child : *j) {
        if (child.is_object() || child.is_array()) kids.push_back(&child);
      }
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
    }
  }
  return nullptr;
}

std::optional<JsonLdArticle> ParseJsonLd(std::string_view text) {
  auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return std::nullopt;
  const nlohmann::json* a = FindArticle(json);
  if (a == nullptr) return std::nullopt;
  JsonLdArticle out;
  out.headline = StringField(*a, "headline");
  if (out.headline.empty()) out.headline = StringField(*a, "name");
  out.date = StringField(*a, "datePublished");
  if (out.date.empty()) out.date = StringField(*a, "dateCreated");
  out.url = StringField(*a, "url");
  if (out.url.empty()) out.url = StringField(*a, "mainEntityOfPage");
  out.publisher = StringField(*a, "publisher");
  out.body = StringField(*a, "articleBody");
  return out;
}

std::optional<JsonLdArticle> FirstJsonLd(const MetaSources& sources, RawEncoding encoding,
                                         const GumboNode** script) {
  for (const GumboNode* node : sources.json_ld) {
    const GumboVector& kids = node->v.element.children;
    if (kids.length == 0) continue;
    const auto* text = static_cast<const GumboNode*>(kids.data[0]);
    if (text->type != GUMBO_NODE_TEXT && text->type != GUMBO_NODE_WHITESPACE) continue;
    std::string_view raw(text->v.text.original_text.data, text->v.text.original_text.length);
    auto article = encoding == RawEncoding::kUtf8 && util::IsValidUtf8(raw) ? ParseJsonLd(raw)
                                                                             : std::nullopt;
    if (!article) {
      // Not UTF-8, or HTML-escaped: clean it first (the cleaner transcodes and decodes).
      util::TextBuilder b;
      CleanStats stats;
      CleanInto(raw, 0, CleanOptions{encoding, false}, &b, &stats);
      article = ParseJsonLd(b.text());
    }
    if (article) {
      *script = node;
      return article;
    }
  }
  return std::nullopt;
}

// ---- preferences ----

std::string MetaValue(const MetaSources& sources, std::string_view key, RawEncoding encoding) {
  for (const auto& [k, attr] : sources.metas) {
    if (k == key) {
      std::string v = AttrText(attr, encoding);
      if (!v.empty()) return v;
    }
  }
  return "";
}

bool IsAbsoluteUrl(std::string_view u) {
  return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0;
}

// Resolves a root-relative or protocol-relative URL against an absolute one.
std::string ResolveUrl(const std::string& rel, const std::string& against) {
  if (rel.rfind("//", 0) == 0) return (against.rfind("https:", 0) == 0 ? "https:" : "http:") + rel;
  if (rel.empty() || rel[0] != '/' || !IsAbsoluteUrl(against)) return "";
  size_t host_end = against.find('/', against.find("//") + 2);
  return against.substr(0, host_end == std::string::npos ? against.size() : host_end) + rel;
}

std::optional<std::string> ChooseUrl(const MetaSources& s, RawEncoding enc, const JsonLdArticle* ld) {
  std::string canonical = AttrText(s.canonical, enc);
  std::string og = MetaValue(s, "og:url", enc);
  std::string ld_url = ld != nullptr ? CleanShortText(ld->url, enc) : "";
  for (const std::string* u : {&canonical, &og, &ld_url}) {
    if (IsAbsoluteUrl(*u)) return *u;
  }
  std::string base = AttrText(s.base, enc);
  for (const std::string* against : {&og, &ld_url, &base}) {
    std::string r = ResolveUrl(canonical, *against);
    if (!r.empty()) return r;
  }
  for (const std::string* u : {&canonical, &og, &ld_url}) {
    if (!u->empty()) return *u;
  }
  return std::nullopt;
}

// The <time> that dates the article: one marked as the publication time, else the first
// inside the article's scope.
std::optional<std::string> TimeDate(const MetaSources& s, RawEncoding enc, const GumboNode* scope) {
  auto date_of = [&](const GumboNode* t) -> std::optional<std::string> {
    std::string v = AttrText(FindAttr(t, "datetime"), enc);
    if (auto d = ParsePublicationDate(v)) return d;
    return ParsePublicationDate(NodeText(t, enc));
  };
  for (const GumboNode* t : s.times) {
    const bool marked = EqualsNoCase(AttrValue(t, "itemprop"), "datePublished") ||
                        FindAttr(t, "pubdate") != nullptr ||
                        AsciiLower(AttrValue(t, "class")).find("publish") != std::string::npos;
    if (marked) {
      if (auto d = date_of(t)) return d;
    }
  }
  for (const GumboNode* t : s.times) {
    if (scope != nullptr && HasAncestor(t, scope)) {
      if (auto d = date_of(t)) return d;
    }
  }
  return std::nullopt;
}

std::optional<std::string> ChooseDate(const MetaSources& s, RawEncoding enc, const JsonLdArticle* ld,
                                      const GumboNode* scope) {
  if (auto d = ParsePublicationDate(MetaValue(s, "article:published_time", enc))) return d;
  if (ld != nullptr) {
    if (auto d = ParsePublicationDate(CleanShortText(ld->date, enc))) return d;
  }
  if (auto d = ParsePublicationDate(MetaValue(s, "datepublished", enc))) return d;
  if (auto d = TimeDate(s, enc, scope)) return d;
  static constexpr std::string_view kDateKeys[] = {
      "og:published_time", "article:published", "published_time", "date", "pubdate",
      "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
      "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date",
      "parsely-pub-date", "article.published", "originalpublicationdate", "date.published",
      "citation_publication_date", "dc.date.published"};
  for (auto key : kDateKeys) {
    if (auto d = ParsePublicationDate(MetaValue(s, key, enc))) return d;
  }
  return std::nullopt;
}

// A usable title: not empty, not the site's name alone, not a page swallowed by an
// unclosed <title>.
bool UsableTitle(const std::string& t, const std::optional<std::string>& site) {
  return !t.empty() && t.size() <= 400 && !(site && *site == t);
}

std::optional<std::string> ChooseTitle(const MetaSources& s, RawEncoding enc, const JsonLdArticle* ld,
                                       const GumboNode* scope, const std::optional<std::string>& site) {
  auto h1_text = [&](bool in_scope) {
    for (const GumboNode* h : s.h1s) {
      const bool fits = in_scope ? scope != nullptr && HasAncestor(h, scope) : !InsidePageChrome(h);
      if (!fits) continue;
      std::string t = NodeText(h, enc);
      if (!t.empty()) return t;
    }
    return std::string();
  };
  // In order of preference; each is computed only when the ones before it fail.
  for (int source = 0; source < 6; ++source) {
    std::string t;
    bool guess = false;
    switch (source) {
      case 0: t = MetaValue(s, "og:title", enc); break;
      case 1: t = ld != nullptr ? CleanShortText(ld->headline, enc) : ""; break;
      case 2: t = h1_text(/*in_scope=*/true); break;
      case 3: t = MetaValue(s, "twitter:title", enc); break;
      case 4:
        t = s.title != nullptr ? NodeText(s.title, enc) : "";
        guess = true;  // <title> nearly always carries the site name
        break;
      default: t = h1_text(/*in_scope=*/false); break;
    }
    t = StripSiteName(std::move(t), site, guess);
    if (UsableTitle(t, site)) return t;
  }
  return std::nullopt;
}

constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                                 " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 "};

size_t CountWords(std::string_view s) {
  return s.empty() ? 0 : static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

}  // namespace

MetaSources CollectMeta(const GumboNode* document) {
  MetaSources out;
  Walk(
      document,
      [&](const GumboNode* n, size_t) {
        if (n->type == GUMBO_NODE_DOCUMENT) return true;
        if (n->type != GUMBO_NODE_ELEMENT) return false;
        CollectElement(n, &out);
        return n->v.element.tag != GUMBO_TAG_SCRIPT && n->v.element.tag != GUMBO_TAG_STYLE;
      },
      [](const GumboNode*) {});
  return out;
}

std::string CleanShortText(std::string_view s, RawEncoding encoding) {
  if (s.size() > 1 << 20) s = s.substr(0, 1 << 20);  // metadata, not a body
  util::TextBuilder b;
  CleanStats stats;
  CleanInto(s, 0, CleanOptions{encoding, true}, &b, &stats);
  return Collapse(b.text());
}

std::string StripSiteName(std::string title, const std::optional<std::string>& site, bool guess) {
  for (auto sep : kTitleSeparators) {
    if (site && !site->empty()) {
      const std::string suffix = std::string(sep) + *site;
      if (title.size() > suffix.size() && title.compare(title.size() - suffix.size(), suffix.size(), suffix) == 0)
        return title.substr(0, title.size() - suffix.size());
      const std::string prefix = *site + std::string(sep);
      if (title.size() > prefix.size() && title.compare(0, prefix.size(), prefix) == 0)
        return title.substr(prefix.size());
    }
  }
  if (!guess) return title;
  for (auto sep : kTitleSeparators) {
    size_t p = title.rfind(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string_view tail = std::string_view(title).substr(p + sep.size());
    if (CountWords(tail) <= 4 && tail.size() < p) return StripSiteName(title.substr(0, p), site, false);
  }
  return title;
}

PageMeta ResolveMeta(const MetaSources& sources, std::string_view /*raw*/, RawEncoding encoding,
                     const GumboNode* body_root) {
  PageMeta meta;
  std::optional<JsonLdArticle> ld = FirstJsonLd(sources, encoding, &meta.json_ld_script);
  const JsonLdArticle* ldp = ld ? &*ld : nullptr;
  const GumboNode* scope = ArticleScope(body_root);
  std::string site = MetaValue(sources, "og:site_name", encoding);
  if (site.empty() && ldp != nullptr) site = CleanShortText(ldp->publisher, encoding);
  if (site.empty()) site = MetaValue(sources, "application-name", encoding);
  if (!site.empty()) meta.source = site;
  meta.title = ChooseTitle(sources, encoding, ldp, scope, meta.source);
  meta.published = ChooseDate(sources, encoding, ldp, scope);
  meta.url = ChooseUrl(sources, encoding, ldp);
  if (ldp != nullptr) meta.json_ld_body = ldp->body;
  return meta;
}

}  // namespace parley::ingest::html
