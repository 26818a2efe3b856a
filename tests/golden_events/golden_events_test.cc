// Runs the golden event cases of tests/code/golden/ through the whole pipeline.
//
// Each file holds cases separated by blank lines, in the spirit of TABARI's validation records:
//   # what: passive with by-agent
//   date: 2025-07-29
//   text: Moscow is seeking the return of six properties seized by the U.S. in 2016.
//   expect: USA RUS 171            # source-country target-country code-prefix [modality]
//   expect-none: RUS USA 04        # an event that must not be produced
// A country of `*` matches any actor. A case passes when every `expect` finds an event with
// that source country, target country, code prefix (and modality when given) and no event
// matches an `expect-none`. Cases need only the dictionaries in dict/, not ../shared.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/testing.h"
#include "parley/pipeline.h"

namespace fs = std::filesystem;

namespace {

struct Expectation {
  std::string source, target, code, modality;
  std::string line;  // as written, for messages
};

struct GoldenCase {
  std::string where;  // file:line
  std::string what, date, text;
  std::vector<Expectation> expect, expect_none;
};

std::string Trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

bool ParseExpectation(const std::string& value, Expectation* e) {
  std::istringstream in(Trim(value.substr(0, value.find('#'))));
  in >> e->source >> e->target >> e->code >> e->modality;
  e->line = Trim(value);
  return !e->source.empty() && !e->target.empty() && !e->code.empty();
}

// Adds one "key: value" line to the case; returns false on a line it does not understand.
bool AddField(const std::string& line, GoldenCase* c) {
  const size_t colon = line.find(':');
  if (colon == std::string::npos) return false;
  const std::string key = Trim(line.substr(0, colon)), value = Trim(line.substr(colon + 1));
  if (key == "date") c->date = value;
  else if (key == "text") c->text = value;
  else if (key == "expect" || key == "expect-none") {
    Expectation e;
    if (!ParseExpectation(value, &e)) return false;
    (key == "expect" ? c->expect : c->expect_none).push_back(e);
  } else {
    return false;
  }
  return true;
}

std::vector<GoldenCase> ReadCases(const fs::path& file) {
  std::vector<GoldenCase> cases;
  std::ifstream in(file);
  std::string line;
  GoldenCase cur;
  int number = 0;
  auto flush = [&] {
    if (!cur.text.empty() || !cur.expect.empty()) cases.push_back(cur);
    cur = GoldenCase();
  };
  while (std::getline(in, line)) {
    ++number;
    const std::string t = Trim(line);
    if (t.empty()) {
      flush();
      continue;
    }
    if (cur.where.empty()) cur.where = file.filename().string() + ":" + std::to_string(number);
    if (t.rfind("# what:", 0) == 0) cur.what = Trim(t.substr(7));
    else if (t[0] == '#') continue;
    else if (!AddField(t, &cur)) ADD_FAILURE() << file.string() << ":" << number << ": cannot read \"" << t << "\"";
  }
  flush();
  return cases;
}

std::vector<fs::path> CaseFiles() {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(PARLEY_GOLDEN_EVENTS_DIR, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool CountryMatches(const std::string& want, const std::string& code) {
  return want == "*" || code.compare(0, want.size(), want) == 0;
}

bool Matches(const parley::Event& e, const Expectation& x) {
  return CountryMatches(x.source, e.source) && CountryMatches(x.target, e.target) &&
         e.code.compare(0, x.code.size(), x.code) == 0 && (x.modality.empty() || e.modality == x.modality);
}

std::string Summary(const std::vector<parley::Event>& events) {
  std::string out;
  for (const auto& e : events) {
    out += "\n    " + e.source + " > " + e.target + " " + e.code + " " + e.modality + "  [" + e.pattern +
           " \"" + e.verb_text + "\"]";
  }
  return out.empty() ? " (none)" : out;
}

const parley::Pipeline& SharedPipeline() {
  static std::shared_ptr<const parley::Pipeline> pipeline = [] {
    auto p = parley::Pipeline::Create({});
    if (!p.ok()) ADD_FAILURE() << "pipeline: " << p.status().message();
    return p.ok() ? p.value() : nullptr;
  }();
  return *pipeline;
}

void CheckCase(const GoldenCase& c) {
  parley::Document doc;
  doc.id = c.where;
  doc.text = c.text;
  doc.format = parley::InputFormat::kJsonl;
  if (!c.date.empty()) doc.published = c.date;
  const parley::CodedDocument cd = SharedPipeline().Code(std::move(doc));
  for (const auto& x : c.expect) {
    const bool found = std::any_of(cd.events.begin(), cd.events.end(), [&](const auto& e) { return Matches(e, x); });
    EXPECT_TRUE(found) << c.where << " (" << c.what << "): expected " << x.line << "\n  text: " << c.text
                       << "\n  got:" << Summary(cd.events);
  }
  for (const auto& x : c.expect_none) {
    const bool found = std::any_of(cd.events.begin(), cd.events.end(), [&](const auto& e) { return Matches(e, x); });
    EXPECT_FALSE(found) << c.where << " (" << c.what << "): must not produce " << x.line << "\n  text: " << c.text
                        << "\n  got:" << Summary(cd.events);
  }
}

TEST(GoldenEventsTest, EveryCaseOfEveryFile) {
  const std::vector<fs::path> files = CaseFiles();
  ASSERT_FALSE(files.empty()) << "no golden files in " << PARLEY_GOLDEN_EVENTS_DIR;
  size_t count = 0;
  for (const auto& file : files) {
    for (const auto& c : ReadCases(file)) {
      SCOPED_TRACE(c.where);
      EXPECT_FALSE(c.text.empty()) << c.where << ": a case needs a text";
      EXPECT_FALSE(c.expect.empty() && c.expect_none.empty()) << c.where << ": a case needs an expectation";
      CheckCase(c);
      ++count;
    }
  }
  EXPECT_GE(count, 40u) << "the golden set should keep at least 40 cases";
}

}  // namespace
