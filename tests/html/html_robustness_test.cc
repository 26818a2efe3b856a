// The .html reader on bad input: it never crashes, never stops, stays linear on pathological
// nesting, and says what it did in Document::errors.
#include <random>
#include <string>

#include "common/testing.h"
#include "parley/ingest.h"

namespace parley::testing {
namespace {

bool HasError(const Document& doc, const std::string& code) {
  for (const auto& e : doc.errors) {
    if (e.code == code) return true;
  }
  return false;
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

struct OddInput {
  std::string name;
  std::string html;
};

TEST(HtmlRobustnessTest, OddInputsGiveADocument) {
  const std::vector<OddInput> inputs = {
      {"empty", ""},
      {"only spaces", "   \n\t  "},
      {"plain text", "Just a sentence without any markup at all."},
      {"nul bytes", std::string("<p>a\0b</p>", 10)},
      {"unclosed comment", "<p>Before</p><!-- never closed <p>hidden</p>"},
      {"unclosed script", "<p>Before the script.</p><script>var a = '<p>x</p>';"},
      {"unclosed attribute", "<p class=\"x>Text that never closes"},
      {"lone ampersands", "<p>&&&;&#;&#x;&#99999999999;&unknown;&amp</p>"},
      {"stray end tags", "</p></div></body></html><p>Text</p></table></td>"},
      {"frameset", "<frameset><frame src=a.html></frameset>"},
      {"svg only", "<svg><text>label</text><path d='M0'/></svg>"},
      {"template", "<template><p>not shown</p></template><p>shown text here</p>"},
      {"bad json-ld", "<script type=application/ld+json>{\"@type\": \"NewsArticle\", </script><p>x</p>"},
      {"deep json-ld", "<script type=application/ld+json>" + Repeat("[", 100000) + "</script>"},
      {"invalid utf-8", "<p>caf\xC3 \xFF\xFE text</p>"},
      {"huge attribute", "<div class=\"" + std::string(200000, 'a') + "\"><p>Body</p></div>"},
  };
  for (const auto& in : inputs) {
    Document doc = ingest::ReadHtml(in.html, in.name);
    EXPECT_EQ(doc.id, in.name);
    EXPECT_EQ(doc.format, InputFormat::kHtml);
    for (size_t i = 0; i <= doc.text.size(); ++i) ASSERT_LE(doc.raw_map.ToRaw(i), in.html.size()) << in.name;
  }
}

TEST(HtmlRobustnessTest, InvalidUtf8IsReported) {
  Document doc = ingest::ReadHtml("<p>The caf\xC3\xA9 and the \xFF\xFE bytes are here.</p>", "x");
  EXPECT_TRUE(HasError(doc, "invalid_utf8"));
  EXPECT_NE(doc.text.find("caf\xC3\xA9"), std::string::npos);
}

TEST(HtmlRobustnessTest, RandomBytesNeverCrash) {
  std::mt19937 rng(20251124);
  const std::string alphabet = "<>/=\"' &;#abcdiv pPtable\n\xC3\xA9\xFF-!";
  for (int round = 0; round < 300; ++round) {
    std::string html;
    const size_t n = rng() % 400;
    for (size_t i = 0; i < n; ++i) html.push_back(alphabet[rng() % alphabet.size()]);
    Document doc = ingest::ReadHtml(html, "random");
    for (size_t i = 0; i <= doc.text.size(); ++i) ASSERT_LE(doc.raw_map.ToRaw(i), html.size());
  }
}

TEST(HtmlRobustnessTest, TruncatedPagesNeverCrash) {
  const std::string page = ReadFileOrDie(SourceDir() + "/tests/html/pages/news-article.html");
  for (size_t cut = 0; cut < page.size(); cut += 61) {
    Document doc = ingest::ReadHtml(page.substr(0, cut), "cut");
    for (size_t i = 0; i <= doc.text.size(); i += 7) ASSERT_LE(doc.raw_map.ToRaw(i), cut);
  }
}

// Nesting that would make the tree builder quadratic is read as text instead; ordinary
// markup that only looks repetitive is not.
struct DeepCase {
  std::string name;
  std::string html;
  bool too_deep;
  std::string kept;  // text that must survive either way
};

std::string DistinctBold(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "<b id=" + std::to_string(i) + ">x";
  return s;
}

TEST(HtmlRobustnessTest, PathologicalNestingFallsBackToText) {
  const std::string para = "<p>The minister said the talks would go on next week.</p>";
  const std::string kept = "talks would go on";
  const std::vector<DeepCase> cases = {
      {"100k divs", Repeat("<div>", 100000) + para, true, kept},
      {"self-closed divs", Repeat("<div/>", 100000) + para, true, kept},
      {"distinct bold", DistinctBold(20000) + para, true, kept},
      {"nested spans", Repeat("<span>", 50000) + para, true, kept},
      {"300 divs", Repeat("<div>", 300) + para + Repeat("</div>", 300), false, kept},
      {"closed divs", Repeat("<div>" + para + "</div>", 5000), false, kept},
      {"unclosed paragraphs", Repeat("<p>Some text in an unclosed paragraph.", 20000), false,
       "unclosed paragraph"},
      // Identical unclosed <font>s are cheap for the formatting list but still nest.
      {"unclosed fonts", Repeat("<font face=Arial>word ", 20000) + para, true, kept},
      {"some unclosed fonts", Repeat("<font face=Arial>word ", 200) + para, false, kept},
      {"svg sprite", "<svg>" + Repeat("<path d='M0 0'/>", 20000) + "</svg>" + para, false, kept},
      {"list items", "<ul>" + Repeat("<li>item text", 20000) + "</ul>" + para, false, kept},
  };
  for (const auto& c : cases) {
    Document doc = ingest::ReadHtml(c.html, c.name);
    EXPECT_EQ(HasError(doc, "html_too_deep"), c.too_deep) << c.name;
    EXPECT_NE(doc.text.find(c.kept), std::string::npos) << c.name;
  }
}

}  // namespace
}  // namespace parley::testing
