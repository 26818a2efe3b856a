// The JSON Lines writer: always valid JSON, whatever bytes the text holds (control characters,
// invalid UTF-8, quotes, backslashes), with the contract's fields in order.
#include "output/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "output/writers.h"
#include "util/utf8.h"

namespace parley::output {
namespace {

std::string Escaped(std::string_view s) {
  std::string out;
  AppendEscaped(s, &out);
  return out;
}

struct EscapeCase {
  const char* name;
  std::string in;
  std::string want;  // the decoded JSON string
};
// Shown by CTest and in failures instead of the struct's raw bytes.
void PrintTo(const EscapeCase& c, std::ostream* os) { *os << c.name; }

class EscapeTest : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(EscapeTest, RoundTrips) {
  const EscapeCase& c = GetParam();
  const std::string json = "\"" + Escaped(c.in) + "\"";
  nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
  ASSERT_FALSE(parsed.is_discarded()) << json;
  EXPECT_EQ(parsed.get<std::string>(), c.want);
  for (unsigned char ch : json) EXPECT_GE(ch, 0x20) << "raw control byte in output";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EscapeTest,
    ::testing::Values(
        EscapeCase{"plain", "Peskov said.", "Peskov said."},
        EscapeCase{"quotes_backslash", "a \"b\" \\c", "a \"b\" \\c"},
        EscapeCase{"newlines_tabs", "a\nb\r\tc", "a\nb\r\tc"},
        EscapeCase{"controls", std::string("\0\x01\x1F\x7F\b\f", 6), std::string("\0\x01\x1F\x7F\b\f", 6)},
        EscapeCase{"utf8_kept", "\xE2\x80\x9C\xD0\x9C\xF0\x9F\x98\x80", "\xE2\x80\x9C\xD0\x9C\xF0\x9F\x98\x80"},
        EscapeCase{"invalid_bytes", "a\xFF" "b\xC3", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD"},
        EscapeCase{"surrogate_bytes", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        EscapeCase{"line_separators", "\xE2\x80\xA8\xE2\x80\xA9", "\xE2\x80\xA8\xE2\x80\xA9"},
        EscapeCase{"empty", "", ""}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(EscapeTest, RandomBytesAlwaysGiveValidJson) {
  std::mt19937 rng(20250729);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 64, '\0');
    for (auto& c : s) c = static_cast<char>(rng() % 256);
    const std::string json = "\"" + Escaped(s) + "\"";
    nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << "round " << round;
  }
}

// The writer copies runs of plain bytes eight at a time; a byte-by-byte reference must give the
// same bytes for any string, with the special bytes at every position of an 8-byte word.
std::string ReferenceEscaped(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    if (c >= 0x80) {
      if (util::DecodeUtf8(s, i, &len) == util::kInvalid) {
        out += "\xEF\xBF\xBD";
        len = 1;
      } else {
        out.append(s.substr(i, len));
      }
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\b') {
      out += "\\b";
    } else if (c == '\f') {
      out += "\\f";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
    i += len;
  }
  return out;
}

TEST(EscapeTest, SameBytesAsAByteByByteReference) {
  std::mt19937 rng(6);
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1F", "\x7F", "\xC3\xA9",
                                  "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xFF", "\xC3", "\xED\xA0\x80"};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t n = rng() % 40;
    for (size_t i = 0; i < n; ++i) {
      if (rng() % 6 == 0) {
        s += specials[rng() % std::size(specials)];
      } else {
        s += static_cast<char>(0x20 + rng() % 95);
      }
    }
    ASSERT_EQ(Escaped(s), ReferenceEscaped(s)) << "round " << round;
  }
}

// What PutJsonDouble writes for one double.
std::string WrittenDouble(double v) {
  char buf[kJsonNumberBound];
  return std::string(buf, PutJsonDouble(buf, v));
}

// The reference: printf's %.6g, with ".0" added to integers so the value stays a JSON double.
std::string PrintfSixDigits(double v) {
  char want[40];
  std::snprintf(want, sizeof want, "%.6g", v);
  std::string expected = want;
  if (expected.find_first_of(".eE") == std::string::npos) expected += ".0";
  return expected;
}

TEST(PutJsonDoubleTest, DoublesAsPrintfSixDigits) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> any(-400, 400);
  for (int round = 0; round < 20000; ++round) {
    double v = any(rng);
    if (round % 3 == 1) v = static_cast<double>(static_cast<int>(v));
    if (round % 3 == 2) v = std::round(v * 100) / 100;
    ASSERT_EQ(WrittenDouble(v), PrintfSixDigits(v)) << v;
  }
}

// Multi-byte sequences: every lead byte with every second byte (and some third bytes), whole,
// cut short at the end of the string, and followed by more text, as the reference has them.
TEST(EscapeTest, EveryShortSequenceAsTheReference) {
  for (int lead = 0x80; lead < 0x100; ++lead) {
    for (int second = 0; second < 0x100; ++second) {
      const std::string two = {static_cast<char>(lead), static_cast<char>(second)};
      ASSERT_EQ(Escaped(two), ReferenceEscaped(two)) << lead << " " << second;
      ASSERT_EQ(Escaped("ab" + two + "cdefghij"), ReferenceEscaped("ab" + two + "cdefghij"));
      for (int third : {0x00, 0x41, 0x80, 0x9D, 0xBF, 0xC0, 0xFF}) {
        const std::string three = two + static_cast<char>(third);
        ASSERT_EQ(Escaped(three), ReferenceEscaped(three)) << lead << " " << second << " " << third;
        ASSERT_EQ(Escaped(three + "xyz"), ReferenceEscaped(three + "xyz"));
      }
    }
    const std::string alone(1, static_cast<char>(lead));
    ASSERT_EQ(Escaped("text " + alone), ReferenceEscaped("text " + alone));
  }
}

// Short decimals take a fast path: every count of decimals and digits, the edges of six
// significant digits and of the fixed notation, both signs and the zeros, as printf has them.
TEST(PutJsonDoubleTest, ShortDecimalsAsPrintfSixDigits) {
  std::mt19937_64 rng(11);
  std::vector<double> values = {0.0, -0.0, 1e-4, -1e-4, 1e-5, 0.00015, 999999.0, 1e6, -999999.0,
                                99999.95, 123456.7, 0.1 + 0.2, 41.01, 28.95, -2.0, 10.0, 3.4};
  for (int round = 0; round < 20000; ++round) {
    const int decimals = static_cast<int>(rng() % 7);
    const int64_t limit = round % 2 == 0 ? 10000000 : 1000;
    const auto k = static_cast<int64_t>(rng() % (2 * limit)) - limit;
    values.push_back(static_cast<double>(k) / std::pow(10.0, decimals));
  }
  for (double v : values) {
    ASSERT_EQ(WrittenDouble(v), PrintfSixDigits(v)) << v;
  }
}

// Strings of any size and bytes (long ones past the 16-byte steps): PutJsonString writes what
// AppendEscaped writes, quoted, within JsonStringBound.
TEST(EscapeTest, StringsOfAnySizeAsAppendEscaped) {
  std::mt19937 rng(4242);
  const std::string alphabet = std::string("ab \"\\\n\x01\xC3\xA9\xFF\0", 11);  // and NUL
  for (int round = 0; round < 4000; ++round) {
    const size_t size = rng() % 3 == 0 ? rng() % 2000 : rng() % 70;
    std::string s;
    for (size_t i = 0; i < size; ++i) s += alphabet[rng() % alphabet.size()];
    std::vector<char> buf(JsonStringBound(s.size()));
    char* end = PutJsonString(buf.data(), s);
    ASSERT_LE(static_cast<size_t>(end - buf.data()), buf.size());
    ASSERT_EQ(std::string(buf.data(), end), "\"" + Escaped(s) + "\"") << "round " << round;
  }
}

// PutJsonString checks 16, 8 or 4 bytes at a time by the string's length: at every length up to
// 80, with one special byte at every position (or none), it writes what the reference writes.
TEST(EscapeTest, DirectStringsAsTheReferenceAtEveryLengthAndPosition) {
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1F", "\xC3\xA9",
                                  "\xE2\x80\x9C", "\xFF", "\xC3", "\xED\xA0\x80"};
  std::vector<char> buf(6 * 100 + 2);
  for (size_t n = 0; n <= 80; ++n) {
    std::string plain;
    for (size_t i = 0; i < n; ++i) plain += static_cast<char>('a' + i % 26);
    for (size_t at = 0; at <= n; ++at) {
      for (const std::string& special : specials) {
        const std::string s = at == n ? plain : plain.substr(0, at) + special + plain.substr(at);
        char* end = PutJsonString(buf.data(), s);
        ASSERT_LE(static_cast<size_t>(end - buf.data()), JsonStringBound(s.size()));
        ASSERT_EQ(std::string(buf.data(), end), "\"" + ReferenceEscaped(s) + "\"") << n << " " << at;
      }
    }
  }
}

// The document writer reserves room per object from the sizes of its strings: strings that
// escape to six bytes per byte in every field of every kind of object must still fit (the
// writer aborts when it writes past its room) and give the same values back.
TEST(WriteJsonTest, WorstCaseStringsInEveryFieldRoundTrip) {
  const std::string worst(300, '\x01');  // each byte becomes \u0001
  CodedDocument cd;
  cd.doc.id = cd.doc.text = worst;
  cd.doc.title = cd.doc.published = cd.doc.url = cd.doc.source = worst;
  cd.doc.captions = {worst, worst};
  cd.doc.errors.push_back({worst, worst, 7});
  cd.layer.sentences.push_back({0, 300, 0, 0, 0});
  ActorMention a;
  a.text = a.kind = a.code = a.country = a.name = worst;
  a.sector = worst;
  a.antecedent = 3;
  cd.actors = {a, a};
  Place pl;
  pl.text = pl.name = pl.country = worst;
  pl.lat = 41.01;
  cd.places = {pl};
  TimeExpr t;
  t.text = t.type = t.value = worst;
  t.value_max = t.anchor = worst;
  t.deadline = Deadline{worst, worst};
  cd.times = {t, t};
  Quote q;
  q.text = q.kind = worst;
  q.speaker = q.speaker_code = q.cue = worst;
  q.speaker_start = 1;
  cd.quotes = {q};
  Event e;
  e.source = e.target = e.code = e.root = e.evidence = e.source_text = e.target_text = worst;
  e.verb_text = e.pattern = e.modality = e.explanation = worst;
  e.plover = e.date = worst;
  e.location = EventLocation{worst, worst, 1.5, std::nullopt};
  cd.events = {e, e, e};
  std::string out = "before";
  WriteJson(cd, &out);
  ASSERT_EQ(out.substr(0, 6), "before");
  nlohmann::json j = nlohmann::json::parse(out.substr(6), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["text"], worst);
  EXPECT_EQ(j["captions"][1], worst);
  EXPECT_EQ(j["actors"][1]["sector"], worst);
  EXPECT_EQ(j["actors"][1]["antecedent"], 3);
  EXPECT_EQ(j["places"][0]["lat"], 41.01);
  EXPECT_EQ(j["times"][1]["deadline"]["latest"], worst);
  EXPECT_EQ(j["quotes"][0]["cue"], worst);
  EXPECT_EQ(j["events"][2]["explanation"], worst);
  EXPECT_EQ(j["events"][2]["location"]["name"], worst);
  EXPECT_TRUE(j["events"][2]["location"]["lon"].is_null());
  EXPECT_EQ(j["errors"][0]["offset"], 7);
}

TEST(WriteJsonTest, ContractShapeForAnyText) {
  CodedDocument cd;
  cd.doc.id = "x\"1\n";
  cd.doc.title = "T\x01";
  cd.doc.published = "2025-07-29";
  cd.doc.text = std::string("Bad \xFF byte\0 and \"quotes\".", 24);
  cd.doc.errors.push_back({"invalid_utf8", "1 invalid byte", 4});
  cd.layer.sentences.push_back({0, 10, 0, 0, 0});
  std::string out;
  WriteJson(cd, &out);
  EXPECT_EQ(out.find('\n'), std::string::npos) << "one line per document";
  nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out;
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["id"], "x\"1\n");
  EXPECT_EQ(j["title"], "T\x01");
  EXPECT_EQ(j["published"], "2025-07-29");
  EXPECT_TRUE(j["url"].is_null());
  EXPECT_TRUE(j["source"].is_null());
  EXPECT_EQ(j["sentences"], nlohmann::json::parse(R"([{"start":0,"end":10}])"));
  for (const char* k : {"actors", "places", "times", "quotes", "events"}) EXPECT_EQ(j[k], nlohmann::json::array()) << k;
  EXPECT_EQ(j["errors"][0]["code"], "invalid_utf8");
  EXPECT_EQ(j["errors"][0]["offset"], 4);
  // The order of the contract's keys.
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  (void)keys;  // nlohmann sorts keys; check the order in the raw line instead
  const char* order[] = {"\"schema\"", "\"id\"", "\"title\"", "\"published\"", "\"url\"", "\"source\"",
                         "\"text\"", "\"sentences\"", "\"actors\"", "\"places\"", "\"times\"",
                         "\"quotes\"", "\"events\"", "\"errors\""};
  size_t last = 0;
  for (const char* k : order) {
    const size_t at = out.find(k);
    ASSERT_NE(at, std::string::npos) << k;
    EXPECT_GE(at, last) << k;
    last = at;
  }
}

}  // namespace
}  // namespace parley::output
