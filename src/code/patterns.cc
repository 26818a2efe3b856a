#include "code/patterns.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "code/cameo.h"
#include "code/inflect.h"

namespace fs = std::filesystem;

namespace parley::code {
namespace {

constexpr int kMaxGap = 4;

constexpr std::string_view kNumberWords[] = {"one",    "two",    "three",  "four",     "five",    "six",
                                    "seven",  "eight",  "nine",   "ten",      "eleven",  "twelve",
                                    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
                                    "a",      "several", "few"};
constexpr std::string_view kDeterminers[] = {"the", "a", "an", "its", "their", "his", "her", "our", "top", "senior"};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, sep)) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

IrregularTable ToTable(const std::unordered_map<std::string, std::vector<std::string>>& irregular) {
  IrregularTable t;
  for (const auto& [base, forms] : irregular) {
    if (forms.size() >= 2) t[base] = {Split(forms[0], '|'), Split(forms[1], '|')};
  }
  return t;
}

Result<Element> ParseElement(std::string token, const IrregularTable& irregular, const std::string& where) {
  Element e;
  if (token.size() > 2 && token.front() == '[' && token.back() == ']') {
    e.optional = true;
    token = token.substr(1, token.size() - 2);
  }
  if (token == "TGT") e.kind = ElementKind::kTarget;
  else if (token == "SRC") e.kind = ElementKind::kSource;
  else if (token == "*") e.kind = ElementKind::kGap;
  else if (token == "NUM") e.kind = ElementKind::kNumber;
  if (e.kind != ElementKind::kWords) return e;
  for (const std::string& alt : Split(token, '|')) {
    std::string w = alt;
    std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
    if (w.empty() || w.find_first_of("[]*") != std::string::npos)
      return Status(StatusCode::kParseError, where + ": bad pattern element \"" + token + "\"");
    std::vector<std::string> forms;
    if (w.back() == '~') forms = VerbForms(w.substr(0, w.size() - 1), irregular);
    else if (w.back() == '^') forms = NounForms(w.substr(0, w.size() - 1));
    else forms = {w};
    e.words.insert(e.words.end(), forms.begin(), forms.end());
  }
  return e;
}

Status ParseOptions(const std::string& options, Pattern* p) {
  for (const std::string& opt : Split(options, ' ')) {
    if (opt == "speech") p->speech = true;
    else if (opt == "reciprocal") p->reciprocal = true;
    else if (opt == "continues") p->continues = true;
    else if (opt.rfind("id=", 0) == 0) p->id = opt.substr(3);
    else if (opt.rfind("requires=", 0) == 0) p->requires_words = Split(opt.substr(9), ',');
    else if (opt.rfind("forbids=", 0) == 0) p->forbids_words = Split(opt.substr(8), ',');
    else return Status(StatusCode::kParseError, p->where + ": unknown option \"" + opt + "\"");
  }
  return Status::Ok();
}

// The hot test of matching: is `norm` one of an element's words? Comparing the length and
// the first byte first skips the memcmp call for almost every word that differs.
bool HasWord(const std::vector<std::string>& words, const std::string& norm) {
  if (norm.empty()) return std::find(words.begin(), words.end(), norm) != words.end();
  for (const std::string& w : words) {
    if (w.size() == norm.size() && w[0] == norm[0] && w == norm) return true;
  }
  return false;
}

// Matches elements [e, end) from token `pos`; fills the match and returns the end token.
struct Matcher {
  const Pattern& p;
  const std::vector<Token>& tokens;
  uint32_t limit;  // sentence end token
  uint32_t base;   // sentence first token
  const ActorSpans& actors;
  PatternMatch* m;

  int32_t ActorAt(uint32_t pos) const {
    if (pos < base || pos >= limit) return -1;
    return actors.starts_at[pos - base];
  }
  bool Capitalized(uint32_t pos) const {
    return pos >= base && pos < limit && actors.capitalized != nullptr && (*actors.capitalized)[pos - base];
  }
  // Skips determiners, then titles before a name ("Russian President Vladimir Putin",
  // "Secretary of State Marco Rubio"): up to four capitalised words (and "of") that end
  // right where an actor starts.
  uint32_t SkipDeterminers(uint32_t pos) const {
    while (pos < limit && ActorAt(pos) < 0 &&
           std::any_of(std::begin(kDeterminers), std::end(kDeterminers),
                       [&](std::string_view d) { return tokens[pos].norm == d; }))
      ++pos;
    if (ActorAt(pos) >= 0) return pos;
    for (uint32_t k = pos; k < limit && k < pos + 5; ++k) {
      if (ActorAt(k) >= 0) return k;
      if (!Capitalized(k) && !(k > pos && tokens[k].norm == "of")) break;
    }
    return pos;
  }
  // Transparent tokens between elements: quote marks.
  uint32_t SkipQuotes(uint32_t pos) const {
    while (pos < limit && tokens[pos].kind == TokenKind::kQuote) ++pos;
    return pos;
  }
  bool IsClauseBreak(uint32_t pos) const {
    const std::string& n = tokens[pos].norm;
    return n == ";" || n == ":" || n == "," || n == "." || tokens[pos].kind == TokenKind::kQuote;
  }

  // Returns the end token of a successful match of elements [e..) from pos, or -1.
  int64_t From(size_t e, uint32_t pos) {
    if (e == p.elements.size()) return pos;
    const Element& el = p.elements[e];
    if (el.optional) {
      int64_t with = Take(e, pos);
      if (with >= 0) return with;
      return From(e + 1, pos);
    }
    return Take(e, pos);
  }

  int64_t Take(size_t e, uint32_t pos) {
    const Element& el = p.elements[e];
    pos = SkipQuotes(pos);
    switch (el.kind) {
      case ElementKind::kWords:
        if (pos < limit && HasWord(el.words, tokens[pos].norm)) return From(e + 1, pos + 1);
        return -1;
      case ElementKind::kNumber:
        if (pos < limit && IsNumberToken(tokens[pos])) return From(e + 1, pos + 1);
        return -1;
      case ElementKind::kTarget:
      case ElementKind::kSource: {
        uint32_t at = SkipDeterminers(pos);
        int32_t actor = ActorAt(at);
        if (actor < 0) return -1;
        uint32_t after = actors.end_token[static_cast<size_t>(actor)];
        if (after < limit && tokens[after].norm == "'s") ++after;  // "Trump's efforts"
        int64_t end = From(e + 1, after);
        if (end >= 0) (el.kind == ElementKind::kTarget ? m->target_actor : m->source_actor) = actor;
        return end;
      }
      case ElementKind::kGap:
        for (int skip = 0; skip <= kMaxGap && pos + skip <= limit; ++skip) {
          if (skip > 0 && (IsClauseBreak(pos + skip - 1) || ActorAt(pos + skip - 1) >= 0)) break;
          int64_t end = From(e + 1, pos + static_cast<uint32_t>(skip));
          if (end >= 0) return end;
        }
        return -1;
    }
    return -1;
  }
};

bool SentenceHas(const std::vector<Token>& tokens, const Sentence& s, const std::vector<std::string>& words) {
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    if (HasWord(words, tokens[t].norm)) return true;
  }
  return false;
}

}  // namespace

bool IsNumberToken(const Token& t) {
  if (t.kind == TokenKind::kNumber) return true;
  return std::any_of(std::begin(kNumberWords), std::end(kNumberWords),
                     [&](std::string_view w) { return t.norm == w; });
}

Result<Pattern> PatternSet::ParseLine(const std::string& raw_line, const std::string& where,
                                      const std::unordered_map<std::string, std::vector<std::string>>& irregular) {
  return ParseLine(raw_line, where, ToTable(irregular));
}

Result<Pattern> PatternSet::ParseLine(const std::string& raw_line, const std::string& where,
                                      const IrregularTable& table) {
  std::string line = Trim(raw_line.substr(0, raw_line.find('#')));
  Pattern p;
  p.where = where;
  std::string options;
  if (size_t sep = line.find("::"); sep != std::string::npos) {
    options = Trim(line.substr(sep + 2));
    line = Trim(line.substr(0, sep));
  }
  std::istringstream in(line);
  in >> p.code;
  if (FindCameo(p.code) == nullptr)
    return Status(StatusCode::kParseError, where + ": \"" + p.code + "\" is not a CAMEO code");
  std::string token, text;
  while (in >> token) {
    auto el = ParseElement(token, table, where);
    if (!el.ok()) return el.status();
    p.specificity += el->optional ? 0 : (el->kind == ElementKind::kGap ? 0 : 2);
    p.elements.push_back(std::move(el.value()));
    text += (text.empty() ? "" : ".") + token;
  }
  if (p.elements.empty()) return Status(StatusCode::kParseError, where + ": pattern has no elements");
  if (p.elements[0].kind != ElementKind::kWords || p.elements[0].optional)
    return Status(StatusCode::kParseError, where + ": a pattern must start with a word, lemma~ or noun^");
  p.id = p.code + ":" + text;
  {
    std::istringstream first(line);
    std::string code_word, anchor_word;
    first >> code_word >> anchor_word;
    p.anchor_is_verb = anchor_word.find('~') != std::string::npos;
  }
  if (Status s = ParseOptions(options, &p); !s.ok()) return s;
  return p;
}

void PatternSet::Add(Pattern p) {
  const auto index = static_cast<uint32_t>(patterns_.size());
  for (const auto& w : p.elements[0].words) by_anchor_[w].push_back(index);
  patterns_.push_back(std::move(p));
}

Result<PatternSet> PatternSet::Load(const std::vector<std::string>& dirs) {
  PatternSet set;
  for (const auto& dir : dirs) {
    fs::path verbs = fs::path(dir) / "verbs";
    std::error_code ec;
    if (!fs::is_directory(verbs, ec)) continue;
    std::unordered_map<std::string, std::vector<std::string>> irregular;
    if (std::ifstream irr(verbs / "irregular.txt"); irr) {
      std::string line;
      while (std::getline(irr, line)) {
        line = Trim(line.substr(0, line.find('#')));
        auto parts = Split(line, ' ');
        if (parts.size() == 3) irregular[parts[0]] = {parts[1], parts[2]};
      }
    }
    const IrregularTable table = ToTable(irregular);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(verbs, ec)) {
      if (entry.path().extension() == ".txt" && entry.path().filename() != "irregular.txt")
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::ifstream in(file);
      std::string line;
      int number = 0;
      while (std::getline(in, line)) {
        ++number;
        if (Trim(line.substr(0, line.find('#'))).empty()) continue;
        auto p = ParseLine(line, file.string() + ":" + std::to_string(number), table);
        if (!p.ok()) return p.status();
        set.Add(std::move(p.value()));
      }
    }
  }
  return set;
}

std::vector<PatternMatch> PatternSet::Match(const std::vector<Token>& tokens, const Sentence& s,
                                            const ActorSpans& actors) const {
  std::vector<PatternMatch> out;
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    auto it = by_anchor_.find(tokens[t].norm);
    if (it == by_anchor_.end()) continue;
    PatternMatch best;
    int best_score = -1;
    for (uint32_t pi : it->second) {
      const Pattern& p = patterns_[pi];
      PatternMatch m;
      m.pattern = pi;
      m.anchor = t;
      Matcher matcher{p, tokens, s.end_token, s.first_token, actors, &m};
      int64_t end = matcher.From(1, t + 1);
      if (end < 0) continue;
      // Checked after matching (same result): most patterns at an anchor do not match.
      if (!p.requires_words.empty() && !SentenceHas(tokens, s, p.requires_words)) continue;
      if (!p.forbids_words.empty() && SentenceHas(tokens, s, p.forbids_words)) continue;
      m.end = static_cast<uint32_t>(end);
      const int score = p.specificity * 100 + static_cast<int>(m.end - m.anchor);
      if (score > best_score) {
        best_score = score;
        best = m;
      }
    }
    if (best_score >= 0) out.push_back(best);
  }
  return out;
}

}  // namespace parley::code
