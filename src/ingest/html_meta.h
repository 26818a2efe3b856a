// Article metadata of an HTML page: title, publication date, canonical URL, site name and the
// declared character set, from the usual places: Open Graph and article: meta tags, JSON-LD
// (NewsArticle, Article, BlogPosting... also inside @graph), <time datetime>, Dublin Core
// and other date meta tags, <link rel=canonical>, <title> and the article's <h1>.
//
// CollectMeta gathers the raw sources in one iterative walk; ResolveMeta decodes them (with
// the page's encoding, which the declared charset helps to decide) and applies the order of
// preference. Thread-safety: pure functions over a tree that the caller owns.
#pragma once

#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/cleaner.h"

namespace parley::ingest::html {

struct MetaSources {
  // Lower-cased property/name/itemprop of each <meta> with its content attribute.
  std::vector<std::pair<std::string, const GumboAttribute*>> metas;
  const GumboNode* title = nullptr;            // the first <title>
  const GumboAttribute* canonical = nullptr;   // <link rel=canonical href>
  const GumboAttribute* base = nullptr;        // <base href>
  std::vector<const GumboNode*> json_ld;       // <script type=application/ld+json>
  std::vector<const GumboNode*> times;         // <time> elements
  std::vector<const GumboNode*> h1s;           // <h1> elements
  std::string charset;                         // declared charset, lower-cased ("" when none)
};

MetaSources CollectMeta(const GumboNode* document);

struct PageMeta {
  std::optional<std::string> title, published, url, source;
  std::string json_ld_body;  // JSON-LD articleBody, for pages whose body is not in the markup
  const GumboNode* json_ld_script = nullptr;  // the script it came from
};

// `body_root` is the element chosen as the article body (it tells which <h1> and <time>
// belong to the article); may be nullptr.
PageMeta ResolveMeta(const MetaSources& sources, std::string_view raw, RawEncoding encoding,
                     const GumboNode* body_root);

// Cleans a short piece of text (an attribute, a JSON string): entities decoded, tags removed,
// white space collapsed and trimmed.
std::string CleanShortText(std::string_view s, RawEncoding encoding);

// Removes the site name from a title: "Talks stall | The Daily" -> "Talks stall". With no
// site name known, only a short last segment after " | " or " - " is removed, and only when
// `guess` is set (for <title>, which nearly always carries the site name).
std::string StripSiteName(std::string title, const std::optional<std::string>& site, bool guess);

}  // namespace parley::ingest::html
