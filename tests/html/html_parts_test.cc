// The .html reader's parts: the nesting pre-scan, class/id vocabulary, site-name stripping,
// encodings, line breaks, hidden elements and the JSON-LD body fallback.
#include <string>

#include "common/testing.h"
#include "ingest/html_dom.h"
#include "ingest/html_meta.h"
#include "ingest/html_scan.h"
#include "parley/ingest.h"

namespace parley::testing {
namespace {

using ingest::html::ElementRole;

struct ScanCase {
  std::string html;
  size_t depth;
  size_t formatting;
};

TEST(HtmlScanTest, EstimatesNesting) {
  const std::vector<ScanCase> cases = {
      {"<div><div><div></div></div></div>", 3, 0},
      {"<div><span></div><div></div>", 2, 0},  // </div> closes the span inside it
      {"<p>a<p>b<p>c<li>d<li>e", 0, 0},        // closed by their siblings
      {"<br><img src=x><hr><meta charset=utf-8>", 0, 0},
      {"<b>x</b><b>y</b><i>z", 1, 1},
      {"<b class=a><b class=b><b class=c>", 3, 3},
      {"<b><b><b><b><b>", 5, 3},  // identical ones count three times at most
      {"<svg><g><path/><path/></g></svg>", 2, 0},
      {"<div/><div/>", 2, 0},  // not self-closing in HTML
      {"<script>if (a<b) { '<div><div>' }</script><div>", 1, 0},
      {"<!-- <div><div><div> --><div>", 1, 0},
      {"</div></div><div>", 1, 0},  // stray end tags are ignored
  };
  for (const auto& c : cases) {
    auto e = ingest::html::EstimateNesting(c.html);
    EXPECT_EQ(e.max_depth, c.depth) << c.html;
    EXPECT_EQ(e.max_formatting, c.formatting) << c.html;
  }
}

struct RoleCase {
  std::string attrs;
  ElementRole role;
};

TEST(HtmlDomTest, ClassAndIdVocabulary) {
  const std::vector<RoleCase> cases = {
      {"class=\"share-bar\"", ElementRole::kJunk},
      {"class=\"shareButtons\"", ElementRole::kJunk},
      {"class=\"ad-slot ad-slot--inline\"", ElementRole::kJunk},
      {"id=\"jp-relatedposts\"", ElementRole::kJunk},
      {"class=\"newsletter-signup\"", ElementRole::kJunk},
      {"id=\"comments\"", ElementRole::kJunk},
      {"class=\"cookie-consent\"", ElementRole::kJunk},
      {"class=\"relatedStories\"", ElementRole::kJunk},
      {"class=\"header\"", ElementRole::kNeutral},  // "ad" inside a word is no ad
      {"class=\"headline read-time\"", ElementRole::kNeutral},
      {"class=\"commentary\"", ElementRole::kNeutral},
      {"class=\"tag-social-media category-ads has-comments\"", ElementRole::kNeutral},
      {"class=\"entry-content\"", ElementRole::kContent},
      {"class=\"c-article-body__content has-share\"", ElementRole::kContent},
      {"id=\"storytext\"", ElementRole::kContent},
      {"class=\"wp-caption-text\"", ElementRole::kCaption},
      {"class=\"photo-credit\"", ElementRole::kCaption},
      {"", ElementRole::kNeutral},
  };
  for (const auto& c : cases) {
    const std::string html = "<div " + c.attrs + ">x</div>";
    ingest::html::ParsedHtml parsed(html);
    const GumboNode* node = parsed.root();
    while (node != nullptr && ingest::html::TagOf(node) != GUMBO_TAG_DIV) {
      const GumboVector* kids = ingest::html::Children(node);
      node = kids != nullptr && kids->length > 0 ? static_cast<const GumboNode*>(kids->data[kids->length - 1]) : nullptr;
    }
    ASSERT_NE(node, nullptr) << c.attrs;
    EXPECT_EQ(ingest::html::RoleFromClassAndId(node), c.role) << c.attrs;
  }
}

struct TitleCase {
  std::string title;
  std::optional<std::string> site;
  bool guess;
  std::string want;
};

TEST(HtmlMetaTest, StripsSiteNames) {
  const std::vector<TitleCase> cases = {
      {"Talks stall | The Daily", "The Daily", false, "Talks stall"},
      {"The Daily - Talks stall", "The Daily", false, "Talks stall"},
      {"Talks stall \xE2\x80\x93 The Daily", "The Daily", false, "Talks stall"},
      {"Talks stall | World | The Daily", std::nullopt, true, "Talks stall | World"},
      {"Governor signs water accord - Valley Gazette Online", std::nullopt, true,
       "Governor signs water accord"},
      {"Governor signs water accord - Valley Gazette Online", std::nullopt, false,
       "Governor signs water accord - Valley Gazette Online"},
      {"Putin - a long profile of the man who rules Russia", std::nullopt, true,
       "Putin - a long profile of the man who rules Russia"},
      {"Russia-U.S. talks going nowhere", std::nullopt, true, "Russia-U.S. talks going nowhere"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ingest::html::StripSiteName(c.title, c.site, c.guess), c.want) << c.title;
  }
}

TEST(HtmlReaderTest, DeclaredWindows1252ButUtf8BytesStaysUtf8) {
  Document doc = ingest::ReadHtml(
      "<meta charset=windows-1252><p>The caf\xC3\xA9 on the corner reopened on Monday after repairs.</p>", "x");
  EXPECT_NE(doc.text.find("caf\xC3\xA9"), std::string::npos) << doc.text;
  EXPECT_TRUE(doc.errors.empty());
}

bool HasError(const Document& doc, const std::string& code) {
  for (const auto& e : doc.errors) {
    if (e.code == code) return true;
  }
  return false;
}

// KOI8-R is decoded through ICU; offsets still point into the raw KOI8-R bytes.
TEST(HtmlReaderTest, LegacyCharsetIsDecodedAndMappedBack) {
  const std::string raw =
      "<meta charset=koi8-r><p>\xF0\xD2\xC5\xDA\xC9\xC4\xC5\xCE\xD4 said the talks would go on.</p>";
  Document doc = ingest::ReadHtml(raw, "x");
  const std::string president = "\xD0\x9F\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x82";
  EXPECT_EQ(doc.text, president + " said the talks would go on.");
  EXPECT_TRUE(HasError(doc, "decoded_charset"));
  const size_t word_raw = raw.find("\xF0");
  EXPECT_EQ(doc.raw_map.ToRaw(0), word_raw);
  EXPECT_EQ(doc.raw_map.ToRaw(2), word_raw + 1);  // the second letter is the second raw byte
  const size_t said = doc.text.find("said");
  EXPECT_EQ(raw.substr(doc.raw_map.ToRaw(said), 4), "said");
}

TEST(HtmlReaderTest, UnknownCharsetIsReported) {
  Document doc = ingest::ReadHtml(
      "<meta charset=x-no-such-charset><p>\xF0\xD2\xC5 said the talks would go on.</p>", "x");
  EXPECT_TRUE(HasError(doc, "unsupported_charset"));
  EXPECT_NE(doc.text.find("said the talks would go on."), std::string::npos);
}

TEST(HtmlReaderTest, LineBreaksHiddenElementsAndEntities) {
  Document doc = ingest::ReadHtml(
      "<html><head><meta property='og:title' content='Talks &amp; trade &#8212; a &quot;test&quot;'>"
      "</head><body><div class=text>"
      "<p>First line of the statement from the ministry<br>second line of it here.</p>"
      "<p hidden>Hidden paragraph text.</p><p style='display: none'>Invisible paragraph.</p>"
      "<p aria-hidden=true>Screen readers skip this.</p>"
      "<p>The\n    spokesman   said\tso.</p></div></body></html>",
      "x");
  EXPECT_EQ(doc.title, "Talks & trade \xE2\x80\x94 a \"test\"");
  EXPECT_EQ(doc.text,
            "First line of the statement from the ministry\n\nsecond line of it here.\n\n"
            "The spokesman said so.");
}

TEST(HtmlReaderTest, JsonLdBodyWhenTheMarkupHasNone) {
  Document doc = ingest::ReadHtml(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Vote delayed\",\"datePublished\":\"2020-01-02\",\"articleBody\":"
      "\"The vote on the budget was delayed by a week, the speaker said on Thursday.\\nOpposition "
      "parties called the delay a manoeuvre to win time for more negotiations.\"}</script></head>"
      "<body><div id=root></div><noscript>Enable JavaScript</noscript></body></html>",
      "x");
  EXPECT_EQ(doc.title, "Vote delayed");
  EXPECT_EQ(doc.published, "2020-01-02");
  EXPECT_EQ(doc.text,
            "The vote on the budget was delayed by a week, the speaker said on Thursday.\n\n"
            "Opposition parties called the delay a manoeuvre to win time for more negotiations.");
  EXPECT_TRUE(HasError(doc, "body_from_json_ld"));
}

TEST(HtmlReaderTest, ArticleBeatsTeaserArticles) {
  std::string teasers;
  for (int i = 0; i < 6; ++i) {
    teasers += "<article class=teaser><h3><a href=/t" + std::to_string(i) +
               ">Another story headline here</a></h3><p>A short teaser sentence for story.</p></article>";
  }
  const std::string main_article =
      "<article><h1>Main story</h1><p>The main story has a long first paragraph that explains what "
      "happened at the summit and who said what to whom.</p><p>Its second paragraph goes on with "
      "more detail about the agreement that was signed there.</p></article>";
  Document doc = ingest::ReadHtml("<body>" + teasers + main_article + teasers + "</body>", "x");
  EXPECT_EQ(doc.text.find("teaser"), std::string::npos) << doc.text;
  EXPECT_NE(doc.text.find("The main story has a long first paragraph"), std::string::npos);
  EXPECT_EQ(doc.title, "Main story");
}

}  // namespace
}  // namespace parley::testing
