// The verbs file of the peers: synsets (`&NAME` then `+member` lines), verb blocks
// (`--- NAME [CODE] ---`, the verb, its synonyms with `{forms}` and own `[codes]`), and the
// block's patterns (`- words * words [CODE]`). Also the folder loaders.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "peers/dictionaries.h"
#include "peers/verb_patterns.h"
#include "util/ascii.h"

namespace fs = std::filesystem;

namespace parley::peers {
namespace {

// Words of a verb phrase; the one written with a leading `+` is the inflected verb (the
// first word when none is marked).
PeerVerb ParseVerbPhrase(std::string_view phrase) {
  PeerVerb v;
  std::string cur;
  bool marked = false;
  auto flush = [&] {
    if (cur.empty()) return;
    if (cur.front() == '+') {
      cur.erase(0, 1);
      v.verb_word = static_cast<uint32_t>(v.words.size());
      marked = true;
    }
    if (!cur.empty()) v.words.push_back(util::UpperAscii(cur));
    cur.clear();
  };
  for (char c : phrase) {
    if (c == '_' || std::isspace(static_cast<unsigned char>(c))) flush();
    else cur += c;
  }
  flush();
  if (!marked) v.verb_word = 0;
  if (v.verb_word >= v.words.size()) v.verb_word = 0;
  return v;
}

// Every inflection of the verb word, other words fixed.
void AddForms(PeerVerb* v, const std::vector<PeerVerb>& explicit_forms) {
  if (v->words.empty()) return;
  std::set<std::vector<std::string>> seen;
  auto add = [&](std::vector<std::string> f) {
    if (seen.insert(f).second) v->forms.push_back(std::move(f));
  };
  for (const std::string& form : RegularVerbForms(v->words[v->verb_word])) {
    std::vector<std::string> words = v->words;
    words[v->verb_word] = form;
    add(std::move(words));
  }
  for (const PeerVerb& e : explicit_forms)
    if (!e.words.empty()) add(e.words);
}

// One verb or synonym line: `PHRASE [{FORMS}] [[CODE]]`.
PeerVerb ParseVerbLine(std::string_view line) {
  std::string_view head = line;
  std::string code;
  if (size_t open = head.find('['); open != std::string_view::npos) {
    const size_t close = head.find(']', open);
    code = util::UpperAscii(util::TrimAscii(head.substr(open + 1, (close == std::string_view::npos ? head.size() : close) - open - 1)));
    head = head.substr(0, open);
  }
  std::vector<PeerVerb> explicit_forms;
  if (size_t b = head.find('{'); b != std::string_view::npos) {
    const size_t e = head.find('}', b);
    std::istringstream in{std::string(head.substr(b + 1, (e == std::string_view::npos ? head.size() : e) - b - 1))};
    std::string f;
    while (in >> f) explicit_forms.push_back(ParseVerbPhrase(f));
    head = head.substr(0, b);
  }
  PeerVerb v = ParseVerbPhrase(util::TrimAscii(head));
  v.code = code;
  AddForms(&v, explicit_forms);
  return v;
}

// Splits a pattern body into items; `_` joins an item to the next.
std::vector<PatternItem> PatternItems(std::string_view body) {
  std::vector<PatternItem> items;
  std::istringstream in{std::string(body)};
  std::string token;
  while (in >> token) {
    size_t start = 0;
    while (start <= token.size()) {
      size_t us = token.find('_', start);
      const std::string part = token.substr(start, us == std::string::npos ? std::string::npos : us - start);
      if (!part.empty()) {
        PatternItem it;
        if (part == "*") it.kind = PatternItemKind::kVerb;
        else if (part == "$") it.kind = PatternItemKind::kSource;
        else if (part == "+") it.kind = PatternItemKind::kTarget;
        else if (part == "%") it.kind = PatternItemKind::kCompound;
        else if (part == "^") it.kind = PatternItemKind::kSkip;
        else if (part[0] == '&') it.kind = PatternItemKind::kSynset, it.text = util::UpperAscii(part.substr(1));
        else it.text = util::UpperAscii(part);
        items.push_back(std::move(it));
      } else if (!items.empty() && start > 0) {
        items.back().joined = true;  // "IN__" or a trailing "_"
      }
      if (us == std::string::npos) break;
      if (!items.empty() && !part.empty()) items.back().joined = true;
      start = us + 1;
    }
  }
  return items;
}

// `- BEFORE * AFTER [CODE]`.
bool ParsePattern(std::string_view line, VerbPattern* p) {
  const size_t open = line.rfind('['), close = line.rfind(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return false;
  p->code = util::UpperAscii(util::TrimAscii(line.substr(open + 1, close - open - 1)));
  std::vector<PatternItem> items = PatternItems(line.substr(1, open - 1));
  auto star = std::find_if(items.begin(), items.end(), [](const PatternItem& i) { return i.kind == PatternItemKind::kVerb; });
  if (star == items.end() || p->code.empty()) return false;
  p->verb_joined = star->joined;
  p->before.assign(items.begin(), star);
  p->after.assign(star + 1, items.end());
  return true;
}

// Expands nested synsets (`+&OTHER` members) in place; cycles are cut.
void ExpandSynsets(PeerDictionary* dict) {
  for (int round = 0; round < 4; ++round) {
    for (Synset& s : dict->synsets) {
      std::vector<std::vector<std::string>> out;
      for (const auto& phrase : s.phrases) {
        const Synset* inner = phrase.size() == 1 && phrase[0][0] == '&' ? dict->FindSynset(phrase[0].substr(1)) : nullptr;
        if (inner != nullptr && inner != &s) out.insert(out.end(), inner->phrases.begin(), inner->phrases.end());
        else out.push_back(phrase);
      }
      s.phrases = std::move(out);
    }
  }
}

struct VerbsState {
  PeerDictionary* dict;
  const std::string& name;
  bool tabari = false;
  int synset = -1;  // indexes into the dictionary (the vectors grow while reading)
  int block = -1;
  Synset* Set() { return synset < 0 ? nullptr : &dict->synsets[static_cast<size_t>(synset)]; }
  VerbBlock* Block() { return block < 0 ? nullptr : &dict->blocks[static_cast<size_t>(block)]; }
};

void VerbsLine(VerbsState& st, uint32_t number, std::string_view line) {
  const std::string where = st.name + ":" + std::to_string(number);
  auto bad = [&](const std::string& msg) { st.dict->diagnostics.push_back({st.name, number, true, msg}); };
  if (line.empty()) {
    st.synset = -1;
    return;
  }
  if (line.front() == '&') {
    std::string name = util::UpperAscii(util::TrimAscii(line.substr(1)));
    while (!name.empty() && name.back() == '_') name.pop_back();  // "&PREPOSIT1_"
    st.dict->synsets.push_back({name, {}});
    st.synset = static_cast<int>(st.dict->synsets.size()) - 1;
    st.block = -1;
    return;
  }
  if (st.synset >= 0 && line.front() == '+') {
    std::string_view m = util::TrimAscii(line.substr(1));
    if (!m.empty() && m.front() == '&') st.Set()->phrases.push_back({"&" + util::UpperAscii(m.substr(1))});
    else if (auto w = SplitWords(m); !w.empty()) st.Set()->phrases.push_back(std::move(w));
    return;
  }
  st.synset = -1;
  if (line.starts_with("---")) {
    VerbBlock b;
    b.origin = where;
    std::string_view inner = util::TrimAscii(line.substr(3));
    if (inner.ends_with("---")) inner = util::TrimAscii(inner.substr(0, inner.size() - 3));
    const size_t open = inner.find('['), close = inner.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
      st.block = -1;  // its lines must not join the block before
      return bad("verb block header without a [code]");
    }
    b.name = util::UpperAscii(util::TrimAscii(inner.substr(0, open)));
    b.code = util::UpperAscii(util::TrimAscii(inner.substr(open + 1, close - open - 1)));
    st.dict->blocks.push_back(std::move(b));
    st.block = static_cast<int>(st.dict->blocks.size()) - 1;
    return;
  }
  if (st.tabari && line.front() != '-') {
    // TABARI: a verb line opens its own block, with its code as the default.
    VerbBlock b;
    b.origin = where;
    PeerVerb v = ParseVerbLine(line);
    if (v.words.empty()) return bad("verb line without a verb");
    b.name = v.words[v.verb_word];
    b.code = v.code.empty() ? "---" : v.code;
    v.code.clear();
    b.verbs.push_back(std::move(v));
    st.dict->blocks.push_back(std::move(b));
    st.block = static_cast<int>(st.dict->blocks.size()) - 1;
    return;
  }
  if (st.block < 0) return bad("line outside a verb block: \"" + std::string(line) + "\"");
  if (line.front() == '-') {
    VerbPattern p;
    p.origin = where;
    if (!ParsePattern(line, &p)) return bad("bad pattern \"" + std::string(line) + "\"");
    st.Block()->patterns.push_back(std::move(p));
    return;
  }
  PeerVerb v = ParseVerbLine(line);
  if (v.words.empty()) return bad("verb line without a verb");
  st.Block()->verbs.push_back(std::move(v));
}

}  // namespace

namespace {
void ReadVerbsAs(std::string_view text, const std::string& name, PeerDictionary* dict, bool tabari);
}  // namespace

void ReadVerbs(std::string_view text, const std::string& name, PeerDictionary* dict) {
  ReadVerbsAs(text, name, dict, false);
}

void ReadTabariVerbs(std::string_view text, const std::string& name, PeerDictionary* dict) {
  ReadVerbsAs(text, name, dict, true);
}

namespace {
void ReadVerbsAs(std::string_view text, const std::string& name, PeerDictionary* dict, bool tabari) {
  std::string clean;
  clean.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "<!") == 0) {
      size_t end = text.find("-->", i);
      if (end == std::string_view::npos) end = text.size();
      for (size_t k = i; k < end; ++k)
        if (text[k] == '\n') clean += '\n';
      i = std::min(text.size(), end + 3);
    } else {
      clean += text[i++];
    }
  }
  VerbsState st{dict, name, tabari};
  std::istringstream in(clean);
  std::string line;
  uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    VerbsLine(st, number, util::TrimAscii(CutComment(line)));
  }
  ExpandSynsets(dict);
}
}  // namespace

namespace {

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

Result<PeerDictionary> LoadFiles(const std::string& actors, const std::string& agents, const std::string& verbs,
                                 const std::string& discards, PeerFormat format) {
  PeerDictionary dict;
  const std::pair<const std::string*, void (*)(std::string_view, const std::string&, PeerDictionary*)> files[] = {
      {&actors, ReadActors},
      {&agents, ReadAgents},
      {&verbs, format == PeerFormat::kTabari ? ReadTabariVerbs : ReadVerbs},
      {&discards, ReadDiscards}};
  for (const auto& [path, reader] : files) {
    if (path->empty()) continue;
    auto text = ReadWhole(*path);
    if (!text.ok()) return text.status();
    reader(*text, *path, &dict);
  }
  auto patterns = CompilePatterns(dict);
  if (!patterns.ok()) return patterns.status();  // a bug of the translation, not of the input
  dict.patterns = std::make_shared<const code::PatternSet>(std::move(patterns.value()));
  return dict;
}

Result<PeerDictionary> LoadFolder(const std::string& dir, PeerFormat format) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status(StatusCode::kNotFound, dir + ": not a folder");
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file()) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::string kinds[4];
  const char* const keys[4] = {"actors", "agents", "verbs", "discards"};
  for (const auto& p : paths) {
    std::string lower = p.filename().string();
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (int k = 0; k < 4; ++k)
      if (lower.find(keys[k]) != std::string::npos && kinds[k].empty()) kinds[k] = p.string();
  }
  return LoadFiles(kinds[0], kinds[1], kinds[2], kinds[3], format);
}

}  // namespace parley::peers
