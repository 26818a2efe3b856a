#include "peers/convert.h"
#include "util/ascii.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <date/date.h>
#include <stdlib.h>

namespace fs = std::filesystem;

namespace parley::peers {
namespace {

constexpr const char* kOpenLow = "00000000";
constexpr const char* kOpenHigh = "99999999";

std::string Shift(const std::string& yyyymmdd, int days) {
  if (yyyymmdd == kOpenLow || yyyymmdd == kOpenHigh) return yyyymmdd;
  const date::year_month_day ymd{date::sys_days{date::year{std::stoi(yyyymmdd.substr(0, 4))} /
                                                static_cast<unsigned>(std::stoi(yyyymmdd.substr(4, 2))) /
                                                static_cast<unsigned>(std::stoi(yyyymmdd.substr(6, 2)))} +
                                 date::days{days}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string Iso(const std::string& d) {
  if (d == kOpenLow || d == kOpenHigh) return "";
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

// The peers let the first listed dated code win; parley lets the covering range win. Each
// range loses what earlier ranges already cover, so that the two rules agree.
std::vector<PeerDatedCode> Disjoint(const std::vector<PeerDatedCode>& dated) {
  std::vector<std::pair<std::string, std::string>> covered;
  std::vector<PeerDatedCode> out;
  for (const auto& d : dated) {
    std::vector<std::pair<std::string, std::string>> pieces = {
        {d.from.empty() ? kOpenLow : d.from, d.to.empty() ? kOpenHigh : d.to}};
    for (const auto& [cf, ct] : covered) {
      std::vector<std::pair<std::string, std::string>> next;
      for (const auto& [f, t] : pieces) {
        if (ct < f || cf > t) {
          next.emplace_back(f, t);
          continue;
        }
        if (f < cf) next.emplace_back(f, Shift(cf, -1));
        if (ct < t) next.emplace_back(Shift(ct, 1), t);
      }
      pieces = std::move(next);
    }
    covered.emplace_back(d.from.empty() ? kOpenLow : d.from, d.to.empty() ? kOpenHigh : d.to);
    for (const auto& [f, t] : pieces) out.push_back({d.code, f == kOpenLow ? "" : f, t == kOpenHigh ? "" : t});
  }
  return out;
}

std::string Title(const std::string& word) {
  if (word.find('.') != std::string::npos) return word;  // "U.S.": parley matches it as written
  std::string w = word;
  for (size_t i = 1; i < w.size(); ++i) w[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
  return w;
}

std::string Names(const std::vector<std::vector<std::string>>& phrases) {
  std::string out;
  for (const auto& p : phrases) {
    std::string name;
    for (const auto& w : p) name += (name.empty() ? "" : " ") + Title(w);
    out += (out.empty() ? "" : " | ") + name;
  }
  return out;
}

std::string ActorLine(const PeerActor& a) {
  std::string codes;
  for (const auto& d : Disjoint(a.dated)) codes += (codes.empty() ? "" : " ; ") + d.code + " " + Iso(d.from.empty() ? kOpenLow : d.from) + ".." + Iso(d.to.empty() ? kOpenHigh : d.to);
  if (!a.code.empty()) codes += (codes.empty() ? "" : " ; ") + a.code;
  if (codes.empty()) codes = "---";
  return Names(a.phrases) + " :: " + codes + "  # " + a.origin;
}

Status WriteFile(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) return Status(StatusCode::kIoError, path.string() + ": cannot be written");
  return Status::Ok();
}

}  // namespace

Status WriteParleyFolder(const PeerDictionary& d, const std::string& out_dir, ConvertStats* stats,
                         const PatternTextOptions& options) {
  std::ostringstream actors, agents;
  actors << "# Converted from a peer dictionary by `parley dict convert` (NAMES :: CODES, dict/README.md).\n";
  for (const auto& a : d.actors) actors << ActorLine(a) << "\n";
  agents << "# Converted from a peer dictionary by `parley dict convert` (NAMES :: ROLE).\n";
  for (const auto& a : d.agents)
    agents << Names(a.phrases) << " :: " << a.code << (a.prefix ? " :: position=prefix" : "") << "  # " << a.origin << "\n";
  for (const auto& [name, text] : {std::pair{"actors/peers.txt", actors.str()}, {"agents/peers.txt", agents.str()},
                                   {"verbs/peers.txt", PatternText(d, options)}}) {
    if (Status s = WriteFile(fs::path(out_dir) / name, text); !s.ok()) return s;
  }
  if (stats != nullptr) {
    stats->actors = d.actors.size();
    stats->agents = d.agents.size();
    stats->blocks = d.blocks.size();
    for (const auto& b : d.blocks) stats->patterns += b.patterns.size();
    stats->synsets = d.synsets.size();
    stats->discards = d.discards.size();
  }
  return Status::Ok();
}

}  // namespace parley::peers

namespace parley::peers {
namespace {

std::vector<std::string> SplitOn(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + sep.size();
  }
  return out;
}

std::vector<std::vector<std::string>> ReadNames(const std::string& field) {
  std::vector<std::vector<std::string>> phrases;
  for (const auto& name : SplitOn(field, " | ")) {
    std::istringstream in(name);
    std::vector<std::string> words;
    std::string w;
    while (in >> w) {
      for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      words.push_back(w);
    }
    if (!words.empty()) phrases.push_back(std::move(words));
  }
  return phrases;
}

std::string Compact(const std::string& iso) {
  std::string d;
  for (char c : iso)
    if (c != '-') d += c;
  return d;
}

// One `NAMES :: CODES` or `NAMES :: ROLE [:: position=prefix]` line, comment removed.
void ReadConvertedLine(const std::string& raw, bool agents, PeerDictionary* d, const std::string& where) {
  const std::string line = std::string(util::TrimAscii(std::string_view(raw).substr(0, raw.find('#'))));
  if (line.empty()) return;
  const auto fields = SplitOn(line, " :: ");
  if (fields.size() < 2) {
    d->diagnostics.push_back({where, 0, true, "malformed converted line \"" + line + "\""});
    return;
  }
  if (agents) {
    PeerAgent a;
    a.phrases = ReadNames(fields[0]);
    a.code = std::string(util::TrimAscii(fields[1]));
    a.prefix = fields.size() > 2 && util::TrimAscii(fields[2]) == "position=prefix";
    a.origin = where;
    d->agents.push_back(std::move(a));
    return;
  }
  PeerActor a;
  a.phrases = ReadNames(fields[0]);
  a.origin = where;
  for (const auto& code : SplitOn(fields[1], " ; ")) {
    std::istringstream in(code);
    std::string c, range;
    in >> c >> range;
    if (range.empty()) {
      a.code = c;
      continue;
    }
    const size_t dots = range.find("..");
    a.dated.push_back({c, Compact(range.substr(0, dots)), dots == std::string::npos ? "" : Compact(range.substr(dots + 2))});
  }
  d->actors.push_back(std::move(a));
}

void ReadConvertedFiles(const fs::path& dir, bool agents, PeerDictionary* d) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) ReadConvertedLine(line, agents, d, f.string() + ":" + std::to_string(++n));
  }
}

}  // namespace

Result<PeerDictionary> LoadConverted(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status(StatusCode::kNotFound, dir + ": not a folder");
  PeerDictionary d;
  ReadConvertedFiles(fs::path(dir) / "actors", false, &d);
  ReadConvertedFiles(fs::path(dir) / "agents", true, &d);
  // The verbs, synsets and discards are parley patterns now: loaded as parley loads any.
  auto patterns = code::PatternSet::Load({dir});
  if (!patterns.ok()) return patterns.status();
  d.patterns = std::make_shared<const code::PatternSet>(std::move(patterns.value()));
  return d;
}

Result<std::string> ConvertToTemporaryFolder(const std::string& dir, PeerFormat format) {
  auto dict = LoadFolder(dir, format);
  if (!dict.ok()) return dict.status();
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "parley-peers-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return Status(StatusCode::kIoError, pattern + ": cannot be created");
  PatternTextOptions options;
  options.cameo_only = true;  // parley's output carries CAMEO codes only
  if (Status s = WriteParleyFolder(*dict, pattern, nullptr, options); !s.ok()) return s;
  return pattern;
}

}  // namespace parley::peers
