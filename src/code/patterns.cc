#include "code/patterns.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include "code/cameo.h"
#include "code/inflect.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace parley::code {
namespace {

constexpr int kMaxGap = 4;

constexpr std::string_view kNumberWords[] = {"one",    "two",    "three",  "four",     "five",    "six",
                                    "seven",  "eight",  "nine",   "ten",      "eleven",  "twelve",
                                    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
                                    "a",      "several", "few"};

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

// `&NAME`: one phrase of a named word set, longest members first (so the longest match is
// tried first).
Result<Element> WordSetElement(const std::string& token, const WordSets* sets, const std::string& where) {
  std::string name = token.substr(1);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto it = sets == nullptr ? WordSets::const_iterator() : sets->find(name);
  if (sets == nullptr || it == sets->end())
    return Status(StatusCode::kParseError, where + ": unknown word set \"" + token + "\" (define it with a `&NAME` line first)");
  Element e;
  e.kind = ElementKind::kPhrases;
  e.phrases = it->second;
  std::stable_sort(e.phrases.begin(), e.phrases.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return e;
}

ElementKind SlotKind(const std::string& token) {
  if (token == "TGT") return ElementKind::kTarget;
  if (token == "SRC") return ElementKind::kSource;
  if (token == "CMP") return ElementKind::kCompound;
  if (token == "SKIP") return ElementKind::kSkip;
  if (token == "*") return ElementKind::kGap;
  if (token == "...") return ElementKind::kAny;
  if (token == "NUM") return ElementKind::kNumber;
  return ElementKind::kWords;
}

Result<Element> ParseElement(std::string token, const IrregularTable& irregular, const WordSets* sets,
                             const std::string& where) {
  Element e;
  bool optional = false;
  if (token.size() > 2 && token.front() == '[' && token.back() == ']') {
    optional = true;
    token = token.substr(1, token.size() - 2);
  }
  if (token.size() > 1 && token[0] == '&') {
    auto set = WordSetElement(token, sets, where);
    if (set.ok()) set->optional = optional;
    return set;
  }
  e.optional = optional;
  e.kind = SlotKind(token);
  if (e.kind != ElementKind::kWords) return e;
  const std::vector<std::string> alts = Split(token, '|');
  // `word*`: a prefix (TABARI's stems); every alternative of the element must be one.
  const bool prefix = !alts.empty() && std::all_of(alts.begin(), alts.end(), [](const std::string& a) {
    return a.size() > 1 && a.back() == '*';
  });
  if (prefix) e.kind = ElementKind::kPrefix;
  for (const std::string& alt : alts) {
    std::string w = prefix ? alt.substr(0, alt.size() - 1) : alt;
    std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
    if (w.empty() || w.find_first_of("[]*") != std::string::npos)
      return Status(StatusCode::kParseError, where + ": bad pattern element \"" + token + "\"");
    std::vector<std::string> forms;
    if (prefix) forms = {w};
    else if (w.back() == '~') forms = VerbForms(w.substr(0, w.size() - 1), irregular);
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
    else if (opt == "peer") p->peer_code = true;
    else if (opt == "discard=sentence") p->discard = Discard::kSentence;
    else if (opt == "discard=story") p->discard = Discard::kStory;
    else if (opt.rfind("rank=", 0) == 0 && opt.size() > 5 && opt.size() < 10 &&
             std::all_of(opt.begin() + 5, opt.end(), [](unsigned char c) { return std::isdigit(c); }))
      p->specificity = std::stoi(opt.substr(5)), p->ranked = true;
    else if (opt.rfind("id=", 0) == 0) p->id = opt.substr(3);
    else if (opt.rfind("requires=", 0) == 0) p->requires_words = Split(opt.substr(9), ',');
    else if (opt.rfind("forbids=", 0) == 0) p->forbids_words = Split(opt.substr(8), ',');
    else return Status(StatusCode::kParseError, p->where + ": unknown option \"" + opt + "\"");
  }
  return Status::Ok();
}

// A determiner or title word passed over before an actor slot ("the", "a", "an", "its", "their",
// "his", "her", "our", "top", "senior"), by the norm's length first: each compare is then of a known size, which
// the compiler does inline (a scan of the list called memcmp per word).
bool IsDeterminer(const Token& t) {
  const std::string_view n = t.norm;
  switch (n.size()) {
    case 1: return n[0] == 'a';
    case 2: return n == "an";
    case 3: return n == "the" || n == "its" || n == "his" || n == "her" || n == "our" || n == "top";
    case 5: return n == "their";
    case 6: return n == "senior";
    default: return false;
  }
}

// Token norm == word, the sizes compared first (std::string == const char* calls strlen).
bool Is(const Token& t, std::string_view word) { return std::string_view(t.norm) == word; }

// The token's key; computed here only for tokens not made by the tokenizer (key left 0).
uint64_t KeyOf(const Token& t) { return t.key != 0 ? t.key : WordKey(t.norm); }

// The hot test of matching: is the token one of an element's words? By keys (`keys[i]` is
// the WordKey of `words[i]`): an integer compare per word, the string compared on a key hit.
// Inlined into its callers (the matcher's inner loops), where a call costs as much as the test.
[[gnu::always_inline]] inline bool HasKey(const std::vector<uint64_t>& keys, const std::vector<std::string>& words,
                                          const Token& t) {
  const uint64_t k = KeyOf(t);
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == k && words[i] == t.norm) return true;
  }
  return false;
}
[[gnu::always_inline]] inline bool HasWord(const Element& el, const Token& t) {
  return (el.key_bits >> (KeyOf(t) % 64) & 1) != 0 && HasKey(el.keys, el.words, t);
}

// A Bloom filter of the word keys of one sentence (1,024 bits): a pattern one of whose
// required elements has none of its words in the sentence cannot match there.
class SentenceWords {
 public:
  SentenceWords(const std::vector<Token>& tokens, const Sentence& s) {
    for (uint32_t t = s.first_token; t < s.end_token; ++t) Set(KeyOf(tokens[t]));
  }
  bool MayHave(uint64_t k) const { return (bits_[k >> 6 & 15] >> (k & 63) & 1) != 0; }
  bool MayHaveAny(const std::vector<uint64_t>& keys) const {
    return std::any_of(keys.begin(), keys.end(), [this](uint64_t k) { return MayHave(k); });
  }
  // A pattern's gate (PatternSet::gate_keys_): runs of [count, (index, mask) x count], one per
  // required element, the element's keys grouped by the filter word they fall in; true when
  // every run has a key that may be in the sentence. A verb's many inflections are tested a
  // filter word at a time.
  bool MayHaveAll(const uint64_t* run, const uint64_t* end) const {
    while (run < end) {
      const uint64_t* pair = run + 1;
      run = pair + 2 * *run;
      while (pair < run && (bits_[pair[0]] & pair[1]) == 0) pair += 2;  // a plain loop: runs are short
      if (pair == run) return false;
    }
    return true;
  }
  static constexpr uint64_t kWords = 16;  // filter words; a key's word is k >> 6 & 15

 private:
  void Set(uint64_t k) { bits_[k >> 6 & 15] |= uint64_t{1} << (k & 63); }
  uint64_t bits_[16] = {};
};

std::vector<uint64_t> KeysOf(const std::vector<std::string>& words) {
  std::vector<uint64_t> keys;
  keys.reserve(words.size());
  for (const std::string& w : words) keys.push_back(WordKey(w));
  return keys;
}

bool HasPrefix(const std::vector<std::string>& prefixes, const std::string& norm) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& w) { return norm.starts_with(w); });
}

// Matches the elements after the anchor left to right (From) and those before it right to
// left (Back); fills the match.
struct Matcher {
  const Pattern& p;
  const std::vector<Token>& tokens;
  uint32_t limit;  // sentence end token
  uint32_t base;   // sentence first token
  const ActorSpans& actors;
  PatternMatch* m;
  uint32_t window = 0;  // where `...` after the anchor stops (the anchor's phrase, else the sentence)

  int32_t ActorAt(uint32_t pos) const {
    if (pos < base || pos >= limit || pos - base >= actors.starts_at.size()) return -1;
    return actors.starts_at[pos - base];
  }
  // The actor that ends right before `pos`, or -1 (for slots before the anchor).
  int32_t ActorEndingAt(uint32_t pos) const {
    for (uint32_t k = base; k < pos && k < limit && k - base < actors.starts_at.size(); ++k) {
      const int32_t a = actors.starts_at[k - base];
      if (a >= 0 && actors.end_token[static_cast<size_t>(a)] == pos) return a;
    }
    return -1;
  }
  bool Capitalized(uint32_t pos) const {
    if (pos < base || pos >= limit) return false;
    if (!actors.capitalized.empty()) return pos - base < actors.capitalized.size() && actors.capitalized[pos - base] != 0;
    return !actors.text.empty() && StartsWithCapital(actors.text, tokens[pos]);
  }
  // Skips determiners, then titles before a name ("Russian President Vladimir Putin",
  // "Secretary of State Marco Rubio"): up to four capitalised words (and "of") that end
  // right where an actor starts.
  uint32_t SkipDeterminers(uint32_t pos) const {
    while (pos < limit && ActorAt(pos) < 0 && IsDeterminer(tokens[pos])) ++pos;
    if (ActorAt(pos) >= 0) return pos;
    for (uint32_t k = pos; k < limit && k < pos + 5; ++k) {
      if (ActorAt(k) >= 0) return k;
      if (!Capitalized(k) && !(k > pos && Is(tokens[k], "of"))) break;
    }
    return pos;
  }
  // Transparent tokens between elements: quote marks.
  uint32_t SkipQuotes(uint32_t pos) const {
    while (pos < limit && tokens[pos].kind == TokenKind::kQuote) ++pos;
    return pos;
  }
  uint32_t SkipQuotesBack(uint32_t pos) const {
    while (pos > base && tokens[pos - 1].kind == TokenKind::kQuote) --pos;
    return pos;
  }
  bool IsClauseBreak(uint32_t pos) const {
    const std::string& n = tokens[pos].norm;
    return (n.size() == 1 && (n[0] == ';' || n[0] == ':' || n[0] == ',' || n[0] == '.')) ||
           tokens[pos].kind == TokenKind::kQuote;
  }
  bool PhraseAt(const std::vector<std::string>& phrase, uint32_t at) const {
    if (at < base || at + phrase.size() > limit) return false;
    for (size_t k = 0; k < phrase.size(); ++k)
      if (tokens[at + k].norm != phrase[k]) return false;
    return true;
  }
  // The ends of the noun phrases (clause hints) that start at `pos`, shortest first; or, going
  // back, the starts of those that end there.
  std::vector<uint32_t> HintedPhrases(uint32_t pos, bool forward) const {
    std::vector<uint32_t> out;
    for (const auto& [b, e] : actors.noun_phrases)
      if (e > b && b >= base && e <= limit && (forward ? b == pos : e == pos)) out.push_back(forward ? e : b);
    std::sort(out.begin(), out.end());
    if (!forward) std::reverse(out.begin(), out.end());
    return out;
  }
  void Capture(ElementKind kind, int32_t actor) const {
    if (kind == ElementKind::kTarget) m->target_actor = actor;
    else if (kind == ElementKind::kSource) m->source_actor = actor;
    else if (kind == ElementKind::kCompound) m->compound_actor = actor;
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
        if (pos < limit && HasWord(el, tokens[pos])) return From(e + 1, pos + 1);
        return -1;
      case ElementKind::kNumber:
        if (pos < limit && IsNumberToken(tokens[pos])) return From(e + 1, pos + 1);
        return -1;
      case ElementKind::kTarget:
      case ElementKind::kSource:
      case ElementKind::kCompound: {
        uint32_t at = SkipDeterminers(pos);
        int32_t actor = ActorAt(at);
        if (actor < 0 && el.kind == ElementKind::kTarget) return TakePlace(e, at);
        if (actor < 0) return -1;
        uint32_t after = actors.end_token[static_cast<size_t>(actor)];
        if (after < limit && Is(tokens[after], "'s")) ++after;  // "Trump's efforts"
        int64_t end = From(e + 1, after);
        if (end < 0 && el.kind == ElementKind::kTarget) {  // "asked Carrie Lam, who ..., to resign"
          const uint32_t past = AfterRelativeClause(after);
          if (past != after) end = From(e + 1, past);
        }
        if (end >= 0) Capture(el.kind, actor);
        return end;
      }
      case ElementKind::kGap:
        for (int skip = 0; skip <= kMaxGap && pos + skip <= limit; ++skip) {
          if (skip > 0 && (IsClauseBreak(pos + skip - 1) || ActorAt(pos + skip - 1) >= 0)) break;
          int64_t end = From(e + 1, pos + static_cast<uint32_t>(skip));
          if (end >= 0) return end;
        }
        return -1;
      default:
        return TakeMore(e, pos);
    }
    return -1;
  }

  // The token after a relative clause set off by commas at `pos` (", who is backed by Beijing,"),
  // or `pos` when none starts there.
  uint32_t AfterRelativeClause(uint32_t pos) const {
    if (pos + 2 >= limit || !Is(tokens[pos], ",")) return pos;
    const std::string& w = tokens[pos + 1].norm;
    if (w != "who" && w != "which" && w != "whose") return pos;
    for (uint32_t t = pos + 2; t < limit && t < pos + 16; ++t) {
      const std::string& n = tokens[t].norm;
      if (n == ";" || n == ":" || n == "." || tokens[t].kind == TokenKind::kQuote) return pos;
      if (n == ",") return t + 1;
    }
    return pos;
  }

  // A TGT slot with no actor takes a place named there ("closed its embassy in Iran").
  int64_t TakePlace(size_t e, uint32_t at) {
    if (at < base || at >= limit || at - base >= actors.place_at.size()) return -1;
    const int32_t place = actors.place_at[at - base];
    if (place < 0) return -1;
    const int64_t end = From(e + 1, actors.place_end[at - base]);
    if (end >= 0) m->target_place = place;
    return end;
  }

  // The element kinds of the peers' patterns (kept out of Take, the hot path of parley's own).
  int64_t TakeMore(size_t e, uint32_t pos) {
    const Element& el = p.elements[e];
    switch (el.kind) {
      case ElementKind::kPrefix:
        if (pos < limit && HasPrefix(el.words, tokens[pos].norm)) return From(e + 1, pos + 1);
        return -1;
      case ElementKind::kAny:  // the next element starts before the window's end
        if (e + 1 == p.elements.size()) return pos;
        for (uint32_t at = pos; at < window; ++at) {
          if (int64_t end = From(e + 1, at); end >= 0) return end;
        }
        return -1;
      case ElementKind::kPhrases:
        for (const auto& phrase : el.phrases) {
          if (!PhraseAt(phrase, pos)) continue;
          if (int64_t end = From(e + 1, pos + static_cast<uint32_t>(phrase.size())); end >= 0) return end;
        }
        return -1;
      case ElementKind::kSkip: {
        std::vector<uint32_t> ends;
        if (int32_t a = ActorAt(pos); a >= 0) ends.push_back(actors.end_token[static_cast<size_t>(a)]);
        if (ends.empty()) ends = HintedPhrases(pos, true);
        if (ends.empty() && actors.noun_phrases.empty() && pos < limit && tokens[pos].kind == TokenKind::kWord)
          ends.push_back(pos + 1);
        for (uint32_t end_at : ends) {
          if (int64_t end = From(e + 1, end_at); end >= 0) return end;
        }
        return -1;
      }
      default:
        return -1;
    }
  }

  // Returns the first token of a successful match of elements [0, e) that ends at pos, or -1.
  int64_t Back(size_t e, uint32_t pos) {
    if (e == 0) return pos;
    const Element& el = p.elements[e - 1];
    if (el.optional) {
      int64_t with = TakeBack(e - 1, pos);
      if (with >= 0) return with;
      return Back(e - 1, pos);
    }
    return TakeBack(e - 1, pos);
  }

  int64_t TakeBack(size_t e, uint32_t pos) {
    const Element& el = p.elements[e];
    pos = SkipQuotesBack(pos);
    const bool word = pos > base;
    switch (el.kind) {
      case ElementKind::kWords:
        return word && HasWord(el, tokens[pos - 1]) ? Back(e, pos - 1) : -1;
      case ElementKind::kPrefix:
        return word && HasPrefix(el.words, tokens[pos - 1].norm) ? Back(e, pos - 1) : -1;
      case ElementKind::kNumber:
        return word && IsNumberToken(tokens[pos - 1]) ? Back(e, pos - 1) : -1;
      case ElementKind::kTarget:
      case ElementKind::kSource:
      case ElementKind::kCompound: {
        const int32_t actor = ActorEndingAt(pos);
        if (actor < 0) return -1;
        uint32_t start = pos;
        while (start > base && actors.starts_at[start - 1 - base] != actor) --start;
        const int64_t begin = Back(e, start - 1);
        if (begin >= 0) Capture(el.kind, actor);
        return begin;
      }
      case ElementKind::kGap:
        for (uint32_t skip = 0; skip <= kMaxGap && pos >= base + skip; ++skip) {
          if (skip > 0 && (IsClauseBreak(pos - skip) || ActorAt(pos - skip) >= 0)) break;
          if (int64_t begin = Back(e, pos - skip); begin >= 0) return begin;
        }
        return -1;
      case ElementKind::kAny:
        for (uint32_t at = pos + 1; at-- > base;) {
          if (int64_t begin = Back(e, at); begin >= 0) return begin;
        }
        return -1;
      case ElementKind::kPhrases:
        for (const auto& phrase : el.phrases) {
          if (pos < base + phrase.size() || !PhraseAt(phrase, pos - static_cast<uint32_t>(phrase.size()))) continue;
          if (int64_t begin = Back(e, pos - static_cast<uint32_t>(phrase.size())); begin >= 0) return begin;
        }
        return -1;
      case ElementKind::kSkip: {
        std::vector<uint32_t> starts;
        if (int32_t a = ActorEndingAt(pos); a >= 0) {
          uint32_t start = pos;
          while (start > base && actors.starts_at[start - 1 - base] != a) --start;
          starts.push_back(start - 1);
        }
        if (starts.empty()) starts = HintedPhrases(pos, false);
        if (starts.empty() && actors.noun_phrases.empty() && word && tokens[pos - 1].kind == TokenKind::kWord)
          starts.push_back(pos - 1);
        for (uint32_t s : starts) {
          if (int64_t begin = Back(e, s); begin >= 0) return begin;
        }
        return -1;
      }
    }
    return -1;
  }
};

bool SentenceHas(const std::vector<Token>& tokens, const Sentence& s, const std::vector<uint64_t>& keys,
                 const std::vector<std::string>& words) {
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    if (HasKey(keys, words, tokens[t])) return true;
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

namespace {

// Parses the elements of a pattern. A token whose parts are joined by `_` is one run of
// adjacent elements; `@` marks the anchor, and the run that holds the anchor is the verb.
Status ParseElements(const std::string& body, const IrregularTable& table, const WordSets* sets, Pattern* p,
                     std::string* text) {
  std::istringstream in(body);
  std::string token;
  int anchor = -1;
  while (in >> token) {
    const std::vector<std::string> parts =
        token.find('_') == std::string::npos ? std::vector<std::string>{token} : Split(token, '_');
    const auto run_first = static_cast<uint32_t>(p->elements.size());
    bool has_anchor = false;
    for (std::string part : parts) {
      if (part.size() > 1 && part[0] == '@') {
        if (anchor >= 0) return Status(StatusCode::kParseError, p->where + ": a pattern has one anchor `@`");
        part.erase(0, 1);
        anchor = static_cast<int>(p->elements.size());
        has_anchor = true;
      }
      auto el = ParseElement(part, table, sets, p->where);
      if (!el.ok()) return el.status();
      const bool counts = !el->optional && el->kind != ElementKind::kGap && el->kind != ElementKind::kAny;
      p->specificity += counts ? 2 : 0;
      p->elements.push_back(std::move(el.value()));
    }
    if (has_anchor || p->elements.size() == parts.size()) {  // the run of `@`, else the first run
      p->verb_first = run_first;
      p->verb_end = static_cast<uint32_t>(p->elements.size());
    }
    *text += (text->empty() ? "" : ".") + token;
  }
  p->anchor = anchor < 0 ? 0 : static_cast<uint32_t>(anchor);
  if (anchor >= 0) p->anchor_is_verb = true;  // words before the anchor: a peer's verb pattern
  return Status::Ok();
}

}  // namespace

Result<Pattern> PatternSet::ParseLine(const std::string& raw_line, const std::string& where,
                                      const IrregularTable& table, const WordSets* sets) {
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
  std::string body, text;
  std::getline(in, body);
  if (Status s = ParseElements(body, table, sets, &p, &text); !s.ok()) return s;
  if (p.elements.empty()) return Status(StatusCode::kParseError, where + ": pattern has no elements");
  const Element& anchor = p.elements[p.anchor];
  if (anchor.kind != ElementKind::kWords || anchor.optional)
    return Status(StatusCode::kParseError, where + ": a pattern's anchor must be a word, lemma~ or noun^");
  p.id = p.code + ":" + text;
  {
    std::istringstream first(line);
    std::string code_word, anchor_word;
    first >> code_word >> anchor_word;
    p.anchor_is_verb = p.anchor_is_verb || anchor_word.find('~') != std::string::npos;
  }
  if (Status s = ParseOptions(options, &p); !s.ok()) return s;
  p.null_code = p.code == "---";
  if (!p.null_code && !p.peer_code && FindCameo(p.code) == nullptr)
    return Status(StatusCode::kParseError, where + ": \"" + p.code + "\" is not a CAMEO code");
  if (p.peer_code && (p.code.empty() || p.code.find_first_of("[]") != std::string::npos))
    return Status(StatusCode::kParseError, where + ": bad code \"" + p.code + "\"");
  return p;
}

Status PatternSet::ParseWordSet(const std::string& raw_line, const std::string& where, WordSets* sets) {
  const std::string line = Trim(raw_line.substr(0, raw_line.find('#')));
  std::istringstream in(line);
  std::string name, rest;
  in >> name;
  std::getline(in, rest);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (name.size() < 2 || name[0] != '&') return Status(StatusCode::kParseError, where + ": a word set starts with &NAME");
  std::vector<std::vector<std::string>> members;
  for (const std::string& raw : Split(rest, '|')) {
    std::string member = Trim(raw);
    std::transform(member.begin(), member.end(), member.begin(), [](unsigned char c) { return std::tolower(c); });
    if (member.empty()) continue;
    if (member[0] == '&') {
      const auto it = sets->find(member.substr(1));
      if (it == sets->end()) return Status(StatusCode::kParseError, where + ": unknown word set \"" + member + "\"");
      members.insert(members.end(), it->second.begin(), it->second.end());
      continue;
    }
    std::replace(member.begin(), member.end(), '_', ' ');
    std::vector<std::string> words = Split(member, ' ');
    if (!words.empty()) members.push_back(std::move(words));
  }
  if (members.empty()) return Status(StatusCode::kParseError, where + ": word set " + name + " has no members");
  (*sets)[name.substr(1)] = std::move(members);
  return Status::Ok();
}

void PatternSet::Add(Pattern p) {
  const auto index = static_cast<uint32_t>(patterns_.size());
  p.cameo = FindCameo(p.code);
  for (Element& el : p.elements) {
    el.keys = KeysOf(el.words);
    el.key_bits = 0;
    for (uint64_t k : el.keys) el.key_bits |= uint64_t{1} << (k % 64);
  }
  p.requires_keys = KeysOf(p.requires_words);
  p.forbids_keys = KeysOf(p.forbids_words);
  for (uint32_t e = 0; e < p.elements.size(); ++e) {
    const Element& el = p.elements[e];
    if (el.optional || e == p.anchor) continue;
    if (el.kind == ElementKind::kWords) p.required_words.push_back(e);
    if (el.kind == ElementKind::kTarget || el.kind == ElementKind::kSource || el.kind == ElementKind::kCompound)
      p.needs_actor = true;
  }
  AddGate(p);
  if (p.discard != Discard::kNone) discards_.push_back(index);
  else
    IndexAnchor(index, p);
  patterns_.push_back(std::move(p));
}

// The required elements with the fewest words first: a run that fails costs its length.
void PatternSet::AddGate(const Pattern& p) {
  std::vector<uint32_t> order = p.required_words;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return p.elements[a].keys.size() < p.elements[b].keys.size();
  });
  Gate gate;
  gate.pattern = static_cast<uint32_t>(gates_.size());
  gate.begin = static_cast<uint32_t>(gate_keys_.size());
  gate.score = p.specificity * 100;
  gate.needs_actor = p.needs_actor;
  gate.ranked = p.ranked;
  for (uint32_t e : order) {
    uint64_t masks[16] = {};  // the filter's bits of the element's keys, by filter word
    for (uint64_t k : p.elements[e].keys) masks[k >> 6 & 15] |= uint64_t{1} << (k & 63);
    const size_t count_at = gate_keys_.size();
    gate_keys_.push_back(0);
    for (uint64_t w = 0; w < 16; ++w) {
      if (masks[w] == 0) continue;
      gate_keys_.push_back(w);
      gate_keys_.push_back(masks[w]);
      ++gate_keys_[count_at];
    }
  }
  gate.end = static_cast<uint32_t>(gate_keys_.size());
  // An actor slot right after the anchor: tested once per anchor token, before any pattern.
  const size_t next = p.anchor + 1;
  gate.slot_next = next < p.elements.size() && !p.elements[next].optional &&
                   (p.elements[next].kind == ElementKind::kTarget || p.elements[next].kind == ElementKind::kSource ||
                    p.elements[next].kind == ElementKind::kCompound);
  gates_.push_back(gate);
}

namespace {

// The key of an (anchor word, next word) pair. Word keys are XXH3 values, already well mixed,
// so a multiply and a rotation combine them (hashing the pair again cost more than its lookup).
uint64_t PairKey(uint64_t anchor, uint64_t next) {
  const uint64_t n = next * 0x9E3779B97F4A7C15ull;
  return anchor ^ (n << 29 | n >> 35);
}

// Pushes `gate` unless its pattern is already last (an element may list a word twice: "cut",
// "cut"); true when pushed.
template <typename G>
bool PushOnce(std::vector<G>* list, const G& gate) {
  if (!list->empty() && list->back().pattern == gate.pattern) return false;
  list->push_back(gate);
  return true;
}

}  // namespace

// Patterns are added in index order, so every list stays in pattern order: ties between equally
// specific patterns go to the first, as when every pattern was tried.
void PatternSet::IndexAnchor(uint32_t index, const Pattern& p) {
  const Gate& gate = gates_[index];
  const size_t next = p.anchor + 1;
  const bool paired = next < p.elements.size() && p.elements[next].kind == ElementKind::kWords &&
                      !p.elements[next].optional;
  for (const auto& w : p.elements[p.anchor].words) {
    by_anchor_[w].push_back(index);
    const uint64_t key = WordKey(w);
    anchor_keys_[key / 64 % (kAnchorBits / 64)] |= uint64_t{1} << (key % 64);
    bool fresh = false;
    const uint32_t slot = anchor_index_.TryEmplace(key, static_cast<uint32_t>(anchors_.size()), &fresh);
    if (fresh) anchors_.emplace_back();
    AnchorPatterns& entry = anchors_[slot];
    if (!paired) {
      if (PushOnce(&entry.open, gate))
        for (uint32_t list : entry.pairs) PushOnce(&pair_lists_[list], gate);
      continue;
    }
    for (const auto& n : p.elements[next].words) {
      const uint64_t pair = PairKey(key, WordKey(n));
      const uint32_t list = pair_index_.TryEmplace(pair, static_cast<uint32_t>(pair_lists_.size()), &fresh);
      if (fresh) {
        pair_lists_.push_back(entry.open);
        entry.pairs.push_back(list);
      }
      PushOnce(&pair_lists_[list], gate);
    }
  }
}

// The anchor word's open patterns, or its list merged with those paired with the next word
// (quote marks skipped, as the matcher does).
const std::vector<PatternSet::Gate>* PatternSet::CandidatesAt(const std::vector<Token>& tokens, const Sentence& s,
                                                              uint32_t t, uint64_t key) const {
  const uint32_t* slot = anchor_index_.Find(key);
  if (slot == nullptr) return nullptr;
  const AnchorPatterns& entry = anchors_[*slot];
  if (!entry.pairs.empty()) {
    uint32_t next = t + 1;
    while (next < s.end_token && tokens[next].kind == TokenKind::kQuote) ++next;
    if (next < s.end_token) {
      const uint32_t* list = pair_index_.Find(PairKey(key, KeyOf(tokens[next])));
      if (list != nullptr) return &pair_lists_[*list];
    }
  }
  return &entry.open;
}

Result<PatternSet> PatternSet::Load(const std::vector<std::string>& dirs) {
  PatternSet set;
  WordSets sets;
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
      if (Status st = set.AddLines(in, file.string(), table, &sets); !st.ok()) return st;
    }
  }
  return set;
}

Status PatternSet::AddLines(std::istream& in, const std::string& name, const IrregularTable& table, WordSets* sets) {
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string body = Trim(line.substr(0, line.find('#')));
    if (body.empty()) continue;
    const std::string where = name + ":" + std::to_string(number);
    if (body[0] == '&') {  // a named word set, for the lines after it
      if (Status st = ParseWordSet(body, where, sets); !st.ok()) return st;
      continue;
    }
    auto p = ParseLine(line, where, table, sets);
    if (!p.ok()) return p.status();
    Add(std::move(p.value()));
  }
  return Status::Ok();
}

Result<PatternSet> PatternSet::Parse(std::string_view text, const std::string& name) {
  PatternSet set;
  WordSets sets;
  std::istringstream in{std::string(text)};
  if (Status st = set.AddLines(in, name, IrregularTable{}, &sets); !st.ok()) return st;
  return set;
}

namespace {

// True when an actor slot (TGT, SRC, CMP) can start at `pos`, an actor or (for TGT) a place: what Matcher::Take tests first
// for such an element (quote marks, determiners and titles skipped). `any` is any pattern:
// these steps do not read it.
bool ActorSlotAt(const Pattern& any, const std::vector<Token>& tokens, const Sentence& s, const ActorSpans& actors,
                 uint32_t pos) {
  PatternMatch unused;
  const Matcher m{any, tokens, s.end_token, s.first_token, actors, &unused};
  const uint32_t at = m.SkipDeterminers(m.SkipQuotes(pos));
  if (m.ActorAt(at) >= 0) return true;
  // A TGT slot also takes a place with a country (Matcher::TakePlace): "bombed Idlib".
  return at >= s.first_token && at - s.first_token < actors.place_at.size() && actors.place_at[at - s.first_token] >= 0;
}

// Matches pattern `p` with its anchor at token `t`; false when it does not match.
bool MatchAt(const Pattern& p, uint32_t pi, const std::vector<Token>& tokens, const Sentence& s,
             const ActorSpans& actors, uint32_t t, PatternMatch* m) {
  m->pattern = pi;
  m->anchor = t;
  Matcher matcher{p, tokens, s.end_token, s.first_token, actors, m};
  matcher.window = s.end_token;
  if (t - s.first_token < actors.phrase_end.size() && actors.phrase_end[t - s.first_token] > t)
    matcher.window = std::min(s.end_token, actors.phrase_end[t - s.first_token]);
  const int64_t end = matcher.From(p.anchor + 1, t + 1);
  if (end < 0) return false;
  int64_t begin = t;
  if (p.anchor > 0 && (begin = matcher.Back(p.anchor, t)) < 0) return false;
  m->end = static_cast<uint32_t>(end);
  m->begin = static_cast<uint32_t>(begin);
  // The verb's own words are single adjacent words (`break_@down`, `klm_nop_@rst`).
  m->verb_begin = t - (p.anchor - p.verb_first);
  m->verb_end = t + (p.verb_end - p.anchor);
  return true;
}

}  // namespace

std::vector<PatternMatch> PatternSet::Match(const std::vector<Token>& tokens, const Sentence& s,
                                            const ActorSpans& actors) const {
  std::vector<PatternMatch> out;
  Match(tokens, s, actors, &out);
  return out;
}

void PatternSet::Match(const std::vector<Token>& tokens, const Sentence& s, const ActorSpans& actors,
                       std::vector<PatternMatch>* out) const {
  out->clear();
  if (!discards_.empty() && Discarded(tokens, s) != Discard::kNone) return;
  std::optional<SentenceWords> words;  // built at the first anchor
  const bool has_actor = std::any_of(actors.starts_at.begin(), actors.starts_at.end(), [](int32_t a) { return a >= 0; });
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    const uint64_t key = KeyOf(tokens[t]);
    if (!MayBeAnchor(key)) continue;
    const std::vector<Gate>* candidates = CandidatesAt(tokens, s, t, key);
    if (candidates == nullptr) continue;
    PatternMatch best;
    int best_score = -1;
    int slot_next = -1;  // whether an actor can fill a slot right after the anchor (-1: not asked yet)
    for (const Gate& gate : *candidates) {
      // The gate turns most candidates away without touching their Pattern (the anchor's next
      // word was checked by CandidatesAt).
      if (gate.needs_actor && !has_actor) continue;
      if (gate.slot_next) {
        if (slot_next < 0) slot_next = ActorSlotAt(patterns_[gate.pattern], tokens, s, actors, t + 1) ? 1 : 0;
        if (slot_next == 0) continue;
      }
      if (!words) words.emplace(tokens, s);
      if (!words->MayHaveAll(gate_keys_.data() + gate.begin, gate_keys_.data() + gate.end)) continue;
      // A match ends by the sentence's end: a pattern that cannot outscore the best match at
      // this anchor even then is not tried (ties go to the first, which is the best so far).
      if (gate.score + (gate.ranked ? 0 : static_cast<int>(s.end_token - t)) <= best_score) continue;
      const uint32_t pi = gate.pattern;
      const Pattern& p = patterns_[pi];
      if (!p.requires_keys.empty() && !words->MayHaveAny(p.requires_keys)) continue;
      PatternMatch m;
      if (!MatchAt(p, pi, tokens, s, actors, t, &m)) continue;
      // The sentence scans, after matching (same result): most patterns at an anchor do not
      // match, and the filter answers most sentences that lack the words.
      if (!p.requires_words.empty() && !SentenceHas(tokens, s, p.requires_keys, p.requires_words)) continue;
      if (!p.forbids_words.empty() && words->MayHaveAny(p.forbids_keys) &&
          SentenceHas(tokens, s, p.forbids_keys, p.forbids_words))
        continue;
      // A ranked pattern (a peer's) ranks by its rank alone: ties go to the first.
      const int score = p.specificity * 100 + (p.ranked ? 0 : static_cast<int>(m.end - m.anchor));
      if (score > best_score) {
        best_score = score;
        best = m;
      }
    }
    if (best_score >= 0 && !patterns_[best.pattern].null_code) out->push_back(best);
  }
}

Discard PatternSet::Discarded(const std::vector<Token>& tokens, const Sentence& s) const {
  Discard found = Discard::kNone;
  const ActorSpans none;
  for (uint32_t pi : discards_) {
    const Pattern& p = patterns_[pi];
    for (uint32_t t = s.first_token; t < s.end_token && found < p.discard; ++t) {
      PatternMatch m;
      if (HasWord(p.elements[p.anchor], tokens[t]) && MatchAt(p, pi, tokens, s, none, t, &m))
        found = p.discard;
    }
  }
  return found;
}

}  // namespace parley::code
