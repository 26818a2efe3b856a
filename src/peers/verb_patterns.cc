#include "peers/verb_patterns.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "code/cameo.h"

namespace parley::peers {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// True when the text holds no space or control byte (the pattern reader splits on them).
bool Plain(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

// A peer word as a parley pattern word: lower case, and nothing the pattern language reads
// as syntax. Empty when the word cannot be written.
std::string Word(std::string_view w) {
  std::string out = Lower(w);
  if (out.empty() || !Plain(out) || out.find_first_of("[]*|~^_@&#:") != std::string::npos || out == "...") return "";
  return out;
}

// A synset's members as written in a `&NAME` line ("" when none can be written: a nested
// synset left unresolved, or words the pattern language cannot hold).
std::string SynsetMembers(const Synset& s) {
  std::string members;
  for (const auto& phrase : s.phrases) {
    std::string m;
    for (const auto& w : phrase) m += (m.empty() ? "" : " ") + Word(w);
    if (phrase.empty() || std::any_of(phrase.begin(), phrase.end(), [](const std::string& w) { return Word(w).empty(); }))
      continue;
    members += (members.empty() ? "" : " | ") + m;
  }
  return members;
}

// A synset's name as parley writes it (`&name`), or "" when the language cannot hold it.
std::string SetName(const std::string& name) {
  std::string out = Lower(name);
  if (out.empty() || !Plain(out) || out.find_first_of("|[]#:_*~^@&") != std::string::npos) return "";
  return out;
}

std::string Item(const PatternItem& it, const PeerDictionary& dict) {
  switch (it.kind) {
    case PatternItemKind::kSource: return "SRC";
    case PatternItemKind::kTarget: return "TGT";
    case PatternItemKind::kCompound: return "CMP";
    case PatternItemKind::kSkip: return "SKIP";
    case PatternItemKind::kSynset: {
      const Synset* s = dict.FindSynset(it.text);
      return s != nullptr && !SetName(s->name).empty() && !SynsetMembers(*s).empty() ? "&" + SetName(s->name) : "";
    }
    case PatternItemKind::kWord: return Word(it.text);
    case PatternItemKind::kVerb: return "";
  }
  return "";
}

// The items before the verb (`joined`: the last one touches the verb) or after it (`joined`:
// the first one touches the verb); "" when an item cannot be written.
bool Items(const std::vector<PatternItem>& items, const PeerDictionary& dict, bool before, bool verb_joined,
           std::string* out) {
  for (size_t k = 0; k < items.size(); ++k) {
    const std::string text = Item(items[k], dict);
    if (text.empty()) return false;
    if (before) {
      *out += text + (items[k].joined ? " " : " ... ");
    } else {
      const bool touches = k == 0 ? verb_joined : items[k - 1].joined;
      *out += (touches ? " " : " ... ") + text;
    }
  }
  return true;
}

// One verb run: the words of a verb form joined by `_`, `@` on the inflected word, which
// lists every inflection of the forms that share the other words.
struct VerbRun {
  std::string text;
  size_t length = 0;
};

std::vector<VerbRun> VerbRuns(const PeerVerb& v) {
  std::map<std::vector<std::string>, std::vector<std::string>> by_rest;  // other words -> verb words
  std::vector<std::vector<std::string>> order;
  for (const auto& f : v.forms) {
    if (v.verb_word >= f.size()) continue;
    std::vector<std::string> rest = f;
    rest[v.verb_word] = "";
    auto [it, fresh] = by_rest.try_emplace(rest);
    if (fresh) order.push_back(rest);
    const std::string w = Word(f[v.verb_word]);
    if (!w.empty() && std::find(it->second.begin(), it->second.end(), w) == it->second.end()) it->second.push_back(w);
  }
  std::vector<VerbRun> runs;
  for (const auto& rest : order) {
    const auto& verbs = by_rest[rest];
    if (verbs.empty()) continue;
    VerbRun run;
    run.length = rest.size();
    bool ok = true;
    for (size_t k = 0; k < rest.size(); ++k) {
      std::string part;
      if (k == v.verb_word) {
        part = "@";
        for (size_t i = 0; i < verbs.size(); ++i) part += (i ? "|" : "") + verbs[i];
      } else if ((part = Word(rest[k])).empty()) {
        ok = false;
      }
      run.text += (k ? "_" : "") + part;
    }
    if (ok) runs.push_back(std::move(run));
  }
  return runs;
}

// "file:line" without the file's folders: the comments stay the same wherever it was read.
std::string Origin(const std::string& origin) { return std::filesystem::path(origin).filename().string(); }

// The code as written in a pattern line; "" when it cannot be one (a space, `#`, brackets).
std::string Code(const std::string& code, const PatternTextOptions& options) {
  if (!Plain(code) || code.find_first_of("#[]") != std::string::npos || code.find("::") != std::string::npos) return "";
  if (code.empty() || code == "---") return "---";
  if (options.cameo_only && code::FindCameo(code) == nullptr) return "---";
  return code;
}

void WriteBlock(const PeerDictionary& dict, const VerbBlock& b, const PatternTextOptions& options, std::ostream& out) {
  out << "\n# " << b.name << " [" << b.code << "]  (" << Origin(b.origin) << ")\n";
  for (const PeerVerb& v : b.verbs) {
    for (const VerbRun& run : VerbRuns(v)) {
      const size_t rank = run.length * 1000;
      const std::string code = Code(v.code.empty() ? b.code : v.code, options);
      if (code.empty()) out << "# not written (a code the pattern language cannot hold): " << Origin(b.origin) << "\n";
      else out << code << "  " << run.text << "  :: peer rank=" << rank << "\n";
      for (const VerbPattern& p : b.patterns) {
        std::string before, after;
        if (Code(p.code, options).empty() || !Items(p.before, dict, true, false, &before) ||
            !Items(p.after, dict, false, p.verb_joined, &after)) {
          out << "# not written (a code or word the pattern language cannot hold, or an unknown synset): " << Origin(p.origin) << "\n";
          continue;
        }
        out << Code(p.code, options) << "  " << before << run.text << after
            << "  :: peer rank=" << rank + 2 + p.before.size() + p.after.size() << "  # " << Origin(p.origin) << "\n";
      }
    }
  }
}

}  // namespace

std::string PatternText(const PeerDictionary& dict, const PatternTextOptions& options) {
  std::ostringstream out;
  out << "# The peers' verb dictionary in parley's pattern language (dict/verbs/README.md), written by parley.\n";
  for (const Synset& s : dict.synsets) {
    if (const std::string members = SynsetMembers(s); !members.empty() && !SetName(s.name).empty())
      out << "&" << SetName(s.name) << "  " << members << "\n";
  }
  for (const VerbBlock& b : dict.blocks) WriteBlock(dict, b, options, out);
  if (!dict.discards.empty()) out << "\n# Discards: a sentence (or story) holding one of these phrases is not coded.\n";
  for (const Discard& d : dict.discards) {
    std::string words;
    bool ok = !d.words.empty();
    for (const auto& w : d.words) {
      ok = ok && !Word(w).empty();
      words += (words.empty() ? "" : " ") + Word(w);
    }
    if (ok) out << "---  " << words << "  :: discard=" << (d.story ? "story" : "sentence") << "\n";
  }
  return out.str();
}

Result<code::PatternSet> CompilePatterns(const PeerDictionary& dict) {
  return code::PatternSet::Parse(PatternText(dict), "peers");
}

}  // namespace parley::peers
