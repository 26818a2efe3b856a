// The cleaner, table-driven: tags, entities, mojibake both ways, invalid UTF-8, CRLF, control
// characters, NFC, and for every case the offset map back to the raw bytes.
#include "ingest/cleaner.h"

#include <gtest/gtest.h>

#include <string>

#include "offset_check.h"
#include "util/text_builder.h"

namespace parley::ingest {
namespace {

struct Cleaned {
  std::string text;
  OffsetMap map;
  CleanStats stats;
  std::vector<DocError> errors;
};

// Cleans the whole input as one span, the way the readers do, then normalizes to NFC.
Cleaned Clean(std::string_view raw) {
  Cleaned c;
  util::TextBuilder b;
  CleanOptions opts;
  opts.encoding = ChooseEncoding(raw);
  CleanInto(raw, 0, opts, &b, &c.stats);
  b.Finish(&c.text, &c.map);
  NormalizeNfc(&c.text, &c.map);
  ReportCleanStats(c.stats, &c.errors);
  return c;
}

bool HasError(const Cleaned& c, std::string_view code) {
  for (const auto& e : c.errors)
    if (e.code == code) return true;
  return false;
}

struct Case {
  const char* name;
  std::string raw;
  std::string want;
  const char* error = nullptr;  // an error code the document must carry, if any
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class CleanerTest : public ::testing::TestWithParam<Case> {};

TEST_P(CleanerTest, CleansAndMapsBack) {
  const Case& c = GetParam();
  Cleaned got = Clean(c.raw);
  EXPECT_EQ(got.text, c.want);
  if (c.error != nullptr) {
    EXPECT_TRUE(HasError(got, c.error)) << "expected error " << c.error;
  } else {
    EXPECT_TRUE(got.errors.empty()) << got.errors.front().code;
  }
  testing::ExpectWordsMapBack(c.raw, got.text, got.map);
}

const Case kCases[] = {
    // Clean text passes through byte for byte, quotes, dashes and spaces included.
    {"plain", "Peskov said talks stalled.", "Peskov said talks stalled."},
    {"curly_quotes_dashes",
     "\xE2\x80\x9CSo far\xE2\x80\x9D \xE2\x80\x94 he said \xE2\x80\x93 it\xE2\x80\x99s slow.",
     "\xE2\x80\x9CSo far\xE2\x80\x9D \xE2\x80\x94 he said \xE2\x80\x93 it\xE2\x80\x99s slow."},
    {"double_spaces_nbsp", "Friday, January 4, 2019\xC2\xA0 Two  spaces.",
     "Friday, January 4, 2019\xC2\xA0 Two  spaces."},
    {"non_latin", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 and \xE5\x8C\x97\xE4\xBA\xAC",
     "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 and \xE5\x8C\x97\xE4\xBA\xAC"},
    // Tags.
    {"inline_tags", "Trump <u>said</u> he was <b>very</b> disappointed.",
     "Trump said he was very disappointed."},
    {"tag_with_attributes", "See <a href=\"https://x.org/a?b=1\" class='x'>the report</a> now.",
     "See the report now."},
    {"block_tag_between_words", "first<br>second<p>third</p>", "first second third"},
    {"self_closing", "one<br/>two <br /> three", "one two  three"},
    {"upper_case_tags", "A <STRONG>bold</STRONG> move.", "A bold move."},
    {"comment", "Before <!-- an ad slot -->after.", "Before after."},
    {"script_body_dropped", "Text <script>var x = 1 < 2;</script>more.", "Text more."},
    {"style_body_dropped", "A<style>p { color: red }</style> B", "A B"},
    {"not_a_tag_less_than", "if a < b and c<d then", "if a < b and c<d then"},
    {"unknown_tag_kept", "x <foo>y</foo> z", "x <foo>y</foo> z"},
    {"unclosed_tag_kept", "a <b unfinished", "a <b unfinished"},
    {"unterminated_comment_kept", "a <!-- b", "a <!-- b"},
    // Entities.
    {"named_entities", "AT&amp;T &lt;b&gt; &quot;q&quot; caf&eacute;", "AT&T <b> \"q\" caf\xC3\xA9"},
    {"numeric_entities", "it&#8217;s &#x201C;x&#x201D; &#169;",
     "it\xE2\x80\x99s \xE2\x80\x9Cx\xE2\x80\x9D \xC2\xA9"},
    {"cp1252_numeric_entity", "&#146;quoted&#148;", "\xE2\x80\x99quoted\xE2\x80\x9D"},
    {"nbsp_entity", "10&nbsp;km", "10\xC2\xA0km"},
    {"bare_ampersand", "Johnson & Johnson &c &unknown; &#;", "Johnson & Johnson &c &unknown; &#;"},
    {"bad_numeric_entity", "a&#0;b&#xD800;c&#99999999;d", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c&#99999999;d"},
    // Mojibake: UTF-8 read as Windows-1252 ...
    {"mojibake_apostrophe", "it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s", "it\xE2\x80\x99s",
     "mojibake_repaired"},
    {"mojibake_accent", "Caf\xC3\x83\xC2\xA9 Sarkozy", "Caf\xC3\xA9 Sarkozy", "mojibake_repaired"},
    {"mojibake_quotes", "\xC3\xA2\xE2\x82\xAC\xC5\x93Hi\xC3\xA2\xE2\x82\xAC\xC2\x9D", "\xE2\x80\x9CHi\xE2\x80\x9D",
     "mojibake_repaired"},
    {"real_accent_not_mojibake", "\xC3\xA9t\xC3\xA9 \xC3\x82ge", "\xC3\xA9t\xC3\xA9 \xC3\x82ge"},
    // ... and Windows-1252 read as UTF-8 (the input has no valid multi-byte sequence).
    {"cp1252_input", "it\x92s \x93quoted\x94 caf\xE9", "it\xE2\x80\x99s \xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9",
     "decoded_windows_1252"},
    // Invalid UTF-8 in otherwise UTF-8 text becomes U+FFFD and is reported.
    {"invalid_utf8", "caf\xC3\xA9 bad\xFF byte", "caf\xC3\xA9 bad\xEF\xBF\xBD byte", "invalid_utf8"},
    {"truncated_sequence", "ok \xE2\x80 end \xC3\xA9", "ok \xEF\xBF\xBD\xEF\xBF\xBD end \xC3\xA9",
     "invalid_utf8"},
    {"overlong", "x\xC0\xAFy \xC3\xA9", "x\xEF\xBF\xBD\xEF\xBF\xBDy \xC3\xA9", "invalid_utf8"},
    // Line ends and controls.
    {"crlf", "one\r\ntwo\r\n\r\nthree", "one\ntwo\n\nthree"},
    {"lone_cr", "one\rtwo", "one\ntwo"},
    {"controls_dropped", "a\x01 b \x1B" "c\x7F d", "a b c d", "control_characters"},
    {"tab_newline_kept", "a\tb\nc", "a\tb\nc"},
    {"bom_dropped", "\xEF\xBB\xBFHello", "Hello"},
    // NFC: decomposed accents are composed; the map still points into the raw bytes.
    {"nfc_compose", "Cafe\xCC\x81 in Mu\xCC\x88nchen", "Caf\xC3\xA9 in M\xC3\xBCnchen"},
    {"nfc_after_entity", "e&#769; x", "\xC3\xA9 x"},
    // Everything at once.
    {"mixed", "<p>Peskov&nbsp;<u>said</u>:\r\n\xC3\xA2\xE2\x82\xAC\xC5\x93No.\xC3\xA2\xE2\x82\xAC\xC2\x9D</p>",
     "Peskov\xC2\xA0said:\n\xE2\x80\x9CNo.\xE2\x80\x9D", "mojibake_repaired"},
    {"empty", "", ""},
};

INSTANTIATE_TEST_SUITE_P(Cases, CleanerTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(CleanerTest, CleanInputIsByteIdenticalWithIdentityMap) {
  const std::string raw = "The Kremlin said \xE2\x80\x9Cno\xE2\x80\x9D \xE2\x80\x94 again.\n\nNext.";
  Cleaned c = Clean(raw);
  EXPECT_EQ(c.text, raw);
  for (size_t i = 0; i <= raw.size(); ++i) EXPECT_EQ(c.map.ToRaw(i), i);
}

TEST(CleanerTest, RawOffsetIsAddedToTheMap) {
  util::TextBuilder b;
  CleanStats stats;
  const std::string whole = "HEADER\nBody <u>said</u> this.";
  const std::string_view body = std::string_view(whole).substr(7);
  CleanInto(body, 7, CleanOptions{}, &b, &stats);
  std::string text;
  OffsetMap map;
  b.Finish(&text, &map);
  EXPECT_EQ(text, "Body said this.");
  testing::ExpectWordsMapBack(whole, text, map);
  EXPECT_EQ(map.ToRaw(0), 7u);
}

TEST(CleanerTest, ReportsFirstInvalidOffset) {
  Cleaned c = Clean("abc \xC3\xA9 \xFF tail \xFE");
  ASSERT_TRUE(HasError(c, "invalid_utf8"));
  EXPECT_EQ(c.stats.invalid_bytes, 2u);
  for (const auto& e : c.errors) {
    if (e.code != "invalid_utf8") continue;
    ASSERT_TRUE(e.offset.has_value());
    EXPECT_EQ(c.text.substr(*e.offset, 3), "\xEF\xBF\xBD");
    EXPECT_NE(e.message.find('2'), std::string::npos) << e.message;
  }
}

TEST(CleanerTest, TagsCanBeKeptForParsedHtml) {
  util::TextBuilder b;
  CleanStats stats;
  CleanOptions opts;
  opts.strip_tags = false;
  CleanInto("a <b>c</b> &amp;", 0, opts, &b, &stats);
  EXPECT_EQ(b.text(), "a <b>c</b> &");
}

struct EncodingCase {
  const char* name;
  std::string raw;
  RawEncoding want;
};
void PrintTo(const EncodingCase& c, std::ostream* os) { *os << c.name; }

class ChooseEncodingTest : public ::testing::TestWithParam<EncodingCase> {};
TEST_P(ChooseEncodingTest, Chooses) { EXPECT_EQ(ChooseEncoding(GetParam().raw), GetParam().want); }
INSTANTIATE_TEST_SUITE_P(
    Cases, ChooseEncodingTest,
    ::testing::Values(EncodingCase{"ascii", "plain", RawEncoding::kUtf8},
                      EncodingCase{"utf8", "caf\xC3\xA9", RawEncoding::kUtf8},
                      EncodingCase{"cp1252", "caf\xE9", RawEncoding::kWindows1252},
                      EncodingCase{"utf8_with_one_bad_byte", "caf\xC3\xA9 \xFF", RawEncoding::kUtf8},
                      EncodingCase{"empty", "", RawEncoding::kUtf8}),
    [](const auto& info) { return std::string(info.param.name); });

struct BinaryCase {
  const char* name;
  std::string raw;
  bool want;
};
void PrintTo(const BinaryCase& c, std::ostream* os) { *os << c.name; }
class LooksBinaryTest : public ::testing::TestWithParam<BinaryCase> {};
TEST_P(LooksBinaryTest, Decides) { EXPECT_EQ(LooksBinary(GetParam().raw), GetParam().want); }
INSTANTIATE_TEST_SUITE_P(
    Cases, LooksBinaryTest,
    ::testing::Values(BinaryCase{"text", "Hello.\r\n\tWorld.\f", false},
                      BinaryCase{"empty", "", false},
                      BinaryCase{"nul", std::string("PK\x03\x04\0\0", 6), true},
                      BinaryCase{"controls", std::string(50, '\x01') + "abc", true},
                      BinaryCase{"few_controls", "a\x01" + std::string(100, 'b'), false},
                      BinaryCase{"utf8", "\xD0\x9C\xD0\xBE\xD1\x81", false}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace parley::ingest
