#include "code/pattern_checks.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "code/inflect.h"
#include "code/patterns.h"

namespace parley::code {
namespace fs = std::filesystem;

std::string PatternFinding::ToString() const {
  return file + ":" + std::to_string(line) + ": " + (error ? "error: " : "warning: ") + message;
}

namespace {

std::vector<std::string> Words(const std::string& s, char sep = ' ') {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  if (sep == ' ') {
    while (in >> item) out.push_back(item);
  } else {
    while (std::getline(in, item, sep))
      if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// A pattern line's words and its options but its id, spacing normalized: two lines with the
// same key match the same text in the same way, so they should not differ in code.
struct LineKey {
  std::string code, words;
};

LineKey KeyOf(const std::string& raw) {
  std::string line = raw.substr(0, raw.find('#'));
  std::string options;
  if (size_t sep = line.find("::"); sep != std::string::npos) {
    options = line.substr(sep + 2);
    line.resize(sep);
  }
  std::vector<std::string> words = Words(line);
  LineKey key;
  if (!words.empty()) key.code = words.front(), words.erase(words.begin());
  std::vector<std::string> opts = Words(options);
  std::erase_if(opts, [](const std::string& o) { return o.rfind("id=", 0) == 0; });
  std::sort(opts.begin(), opts.end());
  key.words = Join(words) + (opts.empty() ? "" : " :: " + Join(opts));
  return key;
}

class Checker {
 public:
  explicit Checker(PatternCheckReport* report) : report_(report) {}
  void CheckDir(const fs::path& verbs);

 private:
  struct Seen {
    std::string code, where;
  };
  PatternCheckReport* report_;
  WordSets sets_;  // as Load: a set defined in one file serves the files and folders after it
  std::unordered_map<std::string, std::string> ids_;          // id -> where first
  std::unordered_map<std::string, std::vector<Seen>> lines_;  // LineKey::words -> codes seen

  void Add(const std::string& file, uint32_t line, bool error, std::string message) {
    report_->findings.push_back({file, line, error, std::move(message)});
  }
  IrregularTable ReadIrregular(const fs::path& path);
  void CheckFile(const fs::path& path, const IrregularTable& table);
  void CheckPattern(const Pattern& p, const std::string& raw, const std::string& file, uint32_t line);
};

IrregularTable Checker::ReadIrregular(const fs::path& path) {
  IrregularTable table;
  std::ifstream in(path);
  std::string raw;
  uint32_t number = 0;
  while (std::getline(in, raw)) {
    ++number;
    const std::vector<std::string> parts = Words(raw.substr(0, raw.find('#')));
    if (parts.empty()) continue;
    if (parts.size() != 3) {
      Add(path.string(), number, true, "an irregular verb line is BASE PAST PARTICIPLE (3 words, not " +
                                           std::to_string(parts.size()) + ")");
      continue;
    }
    table[parts[0]] = {Words(parts[1], '|'), Words(parts[2], '|')};
  }
  return table;
}

// The parser's message is "file:line: what"; the finding keeps only "what".
std::string WithoutWhere(const std::string& message, const std::string& where) {
  const std::string prefix = where + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

void Checker::CheckFile(const fs::path& path, const IrregularTable& table) {
  std::ifstream in(path);
  const std::string file = path.string();
  std::string raw;
  uint32_t number = 0;
  while (std::getline(in, raw)) {
    ++number;
    const std::string where = file + ":" + std::to_string(number);
    const std::vector<std::string> body = Words(raw.substr(0, raw.find('#')));
    if (body.empty()) continue;
    if (body.front()[0] == '&') {
      if (Status st = PatternSet::ParseWordSet(raw, where, &sets_); !st.ok())
        Add(file, number, true, WithoutWhere(st.message(), where));
      continue;
    }
    auto p = PatternSet::ParseLine(raw, where, table, &sets_);
    if (!p.ok()) {
      Add(file, number, true, WithoutWhere(p.status().message(), where));
      continue;
    }
    ++report_->patterns;
    CheckPattern(*p, raw, file, number);
  }
}

void Checker::CheckPattern(const Pattern& p, const std::string& raw, const std::string& file, uint32_t line) {
  const std::string where = file + ":" + std::to_string(line);
  const LineKey key = KeyOf(raw);
  std::vector<Seen>& seen = lines_[key.words];
  const auto same = std::find_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.code == key.code; });
  if (same != seen.end()) {  // its id is the same too: reported once
    Add(file, line, true, "duplicate pattern \"" + key.code + " " + key.words + "\" (also at " + same->where + ")");
    return;
  }
  if (!seen.empty()) {
    Add(file, line, false, "pattern \"" + key.words + "\" has code " + key.code + " here and " + seen.front().code +
                               " at " + seen.front().where);
  }
  seen.push_back({key.code, where});
  const auto [it, fresh] = ids_.emplace(p.id, where);
  if (!fresh) Add(file, line, true, "duplicate pattern id \"" + p.id + "\" (also at " + it->second + ")");
}

void Checker::CheckDir(const fs::path& verbs) {
  std::error_code ec;
  if (!fs::is_directory(verbs, ec)) return;
  const IrregularTable table = ReadIrregular(verbs / "irregular.txt");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(verbs, ec)) {
    if (entry.path().extension() == ".txt" && entry.path().filename() != "irregular.txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // Load's order: word sets are defined before use
  for (const auto& file : files) CheckFile(file, table);
}

}  // namespace

PatternCheckReport CheckPatternFolders(const std::vector<std::string>& dirs) {
  PatternCheckReport report;
  Checker checker(&report);
  for (const auto& dir : dirs) checker.CheckDir(fs::path(dir) / "verbs");
  return report;
}

}  // namespace parley::code
