#include "peers/dictionaries.h"
#include "util/ascii.h"

#include <date/date.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;

namespace parley::peers {
namespace {

// Drops `<!-- ... -->` blocks (they may span lines; the peers also write `<! -- ... -->`),
// keeping line breaks so that line numbers stay right.
std::string DropMarkupComments(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "<!") == 0) {
      size_t end = text.find("-->", i);
      if (end == std::string_view::npos) end = text.size();
      for (size_t k = i; k < end; ++k)
        if (text[k] == '\n') out += '\n';
      i = std::min(text.size(), end + 3);
      continue;
    }
    out += text[i++];
  }
  return out;
}

// Calls `fn(line_number, line)` for each line after comments are removed; blank lines too,
// as "", because blank lines end synsets.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  const std::string clean = DropMarkupComments(text);
  std::istringstream in(clean);
  std::string line;
  uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view body = CutComment(line);
    const bool indented = !body.empty() && std::isspace(static_cast<unsigned char>(body.front()));
    fn(number, util::TrimAscii(body), indented);
  }
}

void AddDiagnostic(PeerDictionary* dict, const std::string& file, uint32_t line, std::string message) {
  dict->diagnostics.push_back({file, line, true, std::move(message)});
}

std::string ShiftDay(const std::string& yyyymmdd, int days) {
  const int y = std::stoi(yyyymmdd.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(yyyymmdd.substr(4, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(yyyymmdd.substr(6, 2)));
  const date::year_month_day ymd{date::sys_days{date::year{y} / m / d} + date::days{days}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

bool ValidDate(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return false;
  const int y = std::stoi(yyyymmdd.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(yyyymmdd.substr(4, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(yyyymmdd.substr(6, 2)));
  return date::year_month_day{date::year{y} / m / d}.ok();
}

// The inside of one `[...]` actor code: `CODE`, `CODE <DATE`, `CODE >DATE`, `CODE D1-D2`.
// Returns false when malformed.
bool ParseActorCode(std::string_view inside, std::string* code, std::optional<PeerDatedCode>* dated) {
  std::istringstream in{std::string(inside)};
  std::string first, rest, part;
  in >> first;
  while (in >> part) rest += part;
  if (first.empty()) return false;
  *code = util::UpperAscii(first);
  if (rest.empty()) return true;
  PeerDatedCode d;
  d.code = *code;
  if (rest[0] == '<' || rest[0] == '>') {
    const std::string day = NormalizeDate(rest.substr(1));
    if (day.empty() || !ValidDate(day)) return false;
    (rest[0] == '<' ? d.to : d.from) = ShiftDay(day, rest[0] == '<' ? -1 : 1);
  } else {
    const size_t dash = rest.find('-');
    if (dash == std::string::npos) return false;
    d.from = NormalizeDate(rest.substr(0, dash));
    d.to = NormalizeDate(rest.substr(dash + 1));
    if (d.from.empty() || d.to.empty() || !ValidDate(d.from) || !ValidDate(d.to) || d.to < d.from) return false;
  }
  *dated = d;
  return true;
}

// Reads every `[...]` group of a line into the actor. Returns false on a malformed group.
bool ReadActorCodes(std::string_view rest, PeerActor* actor) {
  while (true) {
    const size_t open = rest.find('[');
    if (open == std::string_view::npos) return true;
    const size_t close = rest.find(']', open);
    if (close == std::string_view::npos) return false;
    std::string code;
    std::optional<PeerDatedCode> dated;
    if (!ParseActorCode(rest.substr(open + 1, close - open - 1), &code, &dated)) return false;
    if (dated) actor->dated.push_back(*dated);
    else actor->code = code;
    rest.remove_prefix(close + 1);
  }
}

}  // namespace

std::string CodeOn(const PeerActor& actor, const std::string& date) {
  for (const auto& d : actor.dated) {
    if ((d.from.empty() || date >= d.from) && (d.to.empty() || date <= d.to)) return d.code;
  }
  return actor.code;
}

const Synset* PeerDictionary::FindSynset(std::string_view name) const {
  for (const auto& s : synsets)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<std::string> SplitWords(std::string_view phrase) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : phrase) {
    if (c == '_' || std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) words.push_back(util::UpperAscii(cur)), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(util::UpperAscii(cur));
  return words;
}

std::string_view CutComment(std::string_view line) {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') ++depth;
    else if (line[i] == ']') depth = std::max(0, depth - 1);
    else if (line[i] == '#' && depth == 0) return line.substr(0, i);
  }
  return line;
}

std::string NormalizeDate(std::string_view digits) {
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  if (digits.size() == 8) return std::string(digits);
  if (digits.size() != 6) return "";
  const int yy = (digits[0] - '0') * 10 + (digits[1] - '0');
  return std::string(yy < 30 ? "20" : "19") + std::string(digits);
}

std::vector<std::string> RegularVerbForms(const std::string& verb) {
  if (verb.empty()) return {};
  std::vector<std::string> forms = {verb};
  const char last = verb.back();
  const bool sibilant = last == 'S' || last == 'X' || last == 'Z' || verb.ends_with("CH") || verb.ends_with("SH");
  const bool consonant_y = last == 'Y' && verb.size() > 1 && std::string_view("AEIOU").find(verb[verb.size() - 2]) == std::string_view::npos;
  if (consonant_y) {
    const std::string stem = verb.substr(0, verb.size() - 1);
    forms.push_back(stem + "IES");
    forms.push_back(stem + "IED");
  } else {
    forms.push_back(verb + (sibilant ? "ES" : "S"));
    forms.push_back(verb + (last == 'E' ? "D" : "ED"));
  }
  forms.push_back((last == 'E' && verb.size() > 2 ? verb.substr(0, verb.size() - 1) : verb) + "ING");
  return forms;
}

std::string RegularPlural(const std::string& word) {
  if (word.empty()) return word;
  const char last = word.back();
  if (last == 'Y' && word.size() > 1 && std::string_view("AEIOU").find(word[word.size() - 2]) == std::string_view::npos)
    return word.substr(0, word.size() - 1) + "IES";
  if (last == 'S' || last == 'X' || last == 'Z' || word.ends_with("CH") || word.ends_with("SH")) return word + "ES";
  return word + "S";
}

void ReadActors(std::string_view text, const std::string& name, PeerDictionary* dict) {
  PeerActor* current = nullptr;
  ForEachLine(text, [&](uint32_t number, std::string_view line, bool indented) {
    if (line.empty()) return;
    const std::string where = name + ":" + std::to_string(number);
    if (line.front() == '[' && current != nullptr) {
      if (!ReadActorCodes(line, current)) AddDiagnostic(dict, name, number, "bad actor code \"" + std::string(line) + "\"");
      return;
    }
    (void)indented;
    const bool synonym = line.front() == '+';
    if (synonym) line.remove_prefix(1);
    const size_t open = line.find('[');
    std::vector<std::string> words = SplitWords(line.substr(0, open));
    if (words.empty()) {
      AddDiagnostic(dict, name, number, "actor line without a phrase");
      return;
    }
    if (!synonym || current == nullptr) {
      dict->actors.emplace_back();
      current = &dict->actors.back();
      current->origin = where;
    }
    current->phrases.push_back(std::move(words));
    if (open != std::string_view::npos && !ReadActorCodes(line.substr(open), current))
      AddDiagnostic(dict, name, number, "bad actor code \"" + std::string(line.substr(open)) + "\"");
  });
}

namespace {

// `!NAME! = A, B, C` substitution sets of the agents file.
using Substitutions = std::map<std::string, std::vector<std::string>>;

// Expands `!NAME!` markers in an agent phrase into every member of the set.
std::vector<std::string> Substitute(const std::string& phrase, const Substitutions& subs) {
  const size_t a = phrase.find('!');
  if (a == std::string::npos) return {phrase};
  const size_t b = phrase.find('!', a + 1);
  if (b == std::string::npos) return {phrase};
  auto it = subs.find(phrase.substr(a, b - a + 1));
  if (it == subs.end()) return {phrase};
  std::vector<std::string> out;
  for (const auto& member : it->second) {
    for (auto& rest : Substitute(phrase.substr(b + 1), subs)) out.push_back(phrase.substr(0, a) + member + rest);
  }
  return out;
}

}  // namespace

void ReadAgents(std::string_view text, const std::string& name, PeerDictionary* dict) {
  Substitutions subs;
  ForEachLine(text, [&](uint32_t number, std::string_view line, bool) {
    if (line.empty()) return;
    if (line.front() == '!' && line.find('=') != std::string_view::npos) {
      const size_t eq = line.find('=');
      std::vector<std::string>& members = subs[std::string(util::TrimAscii(line.substr(0, eq)))];
      std::istringstream in{std::string(line.substr(eq + 1))};
      std::string m;
      while (std::getline(in, m, ',')) members.push_back(util::UpperAscii(util::TrimAscii(m)));
      return;
    }
    const size_t open = line.find('['), close = line.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
      AddDiagnostic(dict, name, number, "agent line without a [code]");
      return;
    }
    std::string code(util::TrimAscii(line.substr(open + 1, close - open - 1)));
    PeerAgent agent;
    agent.origin = name + ":" + std::to_string(number);
    agent.prefix = !code.empty() && code.back() == '~';
    code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
    agent.code = util::UpperAscii(util::TrimAscii(code));
    if (agent.code.empty()) {
      AddDiagnostic(dict, name, number, "agent with an empty code");
      return;
    }
    std::string_view head = line.substr(0, open);
    std::vector<std::string> plurals;
    bool braces = false;
    if (size_t b = head.find('{'); b != std::string_view::npos) {
      braces = true;
      const size_t e = head.find('}', b);
      std::istringstream in{std::string(head.substr(b + 1, (e == std::string_view::npos ? head.size() : e) - b - 1))};
      std::string p;
      while (in >> p) plurals.push_back(p);
      head = head.substr(0, b);
    }
    for (const std::string& phrase : Substitute(util::UpperAscii(util::TrimAscii(head)), subs)) {
      std::vector<std::string> words = SplitWords(phrase);
      if (words.empty()) continue;
      if (!braces) {
        std::vector<std::string> plural = words;
        plural.back() = RegularPlural(plural.back());
        agent.phrases.push_back(std::move(plural));
      }
      agent.phrases.push_back(std::move(words));
    }
    for (const std::string& p : plurals)
      for (const std::string& phrase : Substitute(util::UpperAscii(p), subs))
        if (auto w = SplitWords(phrase); !w.empty()) agent.phrases.push_back(std::move(w));
    if (agent.phrases.empty()) {
      AddDiagnostic(dict, name, number, "agent line without a phrase");
      return;
    }
    dict->agents.push_back(std::move(agent));
  });
}

void ReadDiscards(std::string_view text, const std::string& name, PeerDictionary* dict) {
  ForEachLine(text, [&](uint32_t, std::string_view line, bool) {
    if (line.empty()) return;
    Discard d;
    d.story = line.front() == '+';
    if (d.story) line.remove_prefix(1);
    d.words = SplitWords(line);
    if (!d.words.empty()) dict->discards.push_back(std::move(d));
  });
  (void)name;
}

}  // namespace parley::peers
