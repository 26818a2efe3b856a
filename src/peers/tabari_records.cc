// TABARI validation records (layout in dict/README.md, "The peers' formats"): a header of
// `ACTORS:`, `AGENTS:`, `VERBS:`, `DISCARDS:` lines naming the dictionaries (relative to the
// records file) and `OPTION name value` switches; then records, each TABARI's story layout
// `YYMMDD ID [CATEGORY]`, the text on the following lines, and the expected codings as
// `<EVENT> SRC TGT CODE`, `<NOEVENTS>` or `<ERROR> NAME` lines; a blank line ends a record.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "peers/dictionaries.h"
#include "peers/records.h"

namespace fs = std::filesystem;

namespace parley::peers {
namespace {

struct TabariReader {
  RecordSet set;
  RecordOptions options;
  fs::path base;
  ValidationRecord* open = nullptr;
  std::string file;

  void Header(const std::string& key, const std::string& value) {
    const std::string path = (base / value).lexically_normal().string();
    if (key == "ACTORS:") set.actors = path;
    else if (key == "AGENTS:") set.agents = path;
    else if (key == "VERBS:") set.verbs = path;
    else if (key == "DISCARDS:") set.discards = path;
  }

  void Option(std::istringstream& in) {
    std::string name, value;
    in >> name >> value;
    for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "require_dyad") options.require_dyad = value != "false";
    else if (name == "new_actor_length") options.new_actor_length = std::atoi(value.c_str());
  }

  void Start(std::istringstream& in, const std::string& first, int number) {
    ValidationRecord r;
    r.date = NormalizeDate(first);
    in >> r.id >> r.category;
    r.options = options;
    if (r.id.empty()) r.problem = file + ":" + std::to_string(number) + ": a record without an id";
    set.records.push_back(std::move(r));
    open = &set.records.back();
  }

  void Expectation(const std::string& key, std::istringstream& in, int number) {
    if (key == "<NOEVENTS>") {
      open->expect_none = true;
    } else if (key == "<ERROR>") {
      in >> open->expect_error;
    } else {
      ExpectedEvent e;
      in >> e.source >> e.target >> e.code;
      if (e.code.empty()) open->problem = file + ":" + std::to_string(number) + ": <EVENT> needs SRC TGT CODE";
      open->expected.push_back(e);
    }
  }

  void Line(const std::string& raw, int number) {
    const std::string line = raw.substr(0, raw[0] == '#' ? 0 : std::string::npos);
    std::istringstream in(line);
    std::string first;
    in >> first;
    if (first.empty()) {
      open = nullptr;
      return;
    }
    if (open == nullptr) {
      if (first.back() == ':') {
        std::string value;
        in >> value;
        Header(first, value);
      } else if (first == "OPTION") {
        Option(in);
      } else if (first.size() == 6 || first.size() == 8) {
        Start(in, first, number);
      }
      return;
    }
    if (first == "<EVENT>" || first == "<NOEVENTS>" || first == "<ERROR>") return Expectation(first, in, number);
    open->text += (open->text.empty() ? "" : " ") + line.substr(line.find_first_not_of(" \t"));
  }
};

}  // namespace

Result<RecordSet> ReadTabariRecords(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot be read");
  TabariReader r;
  r.base = fs::path(path).parent_path();
  r.file = path;
  r.set.tabari = true;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    r.Line(line, ++number);
    // Pointers into the vector move when it grows: keep only the index alive.
    if (r.open != nullptr) r.open = &r.set.records.back();
  }
  for (auto& rec : r.set.records) {
    if (rec.date.empty() && rec.problem.empty()) rec.problem = "bad date";
    if (rec.text.empty() && rec.problem.empty()) rec.problem = "no text";
  }
  return std::move(r.set);
}

}  // namespace parley::peers
