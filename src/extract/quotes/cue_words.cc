#include "extract/quotes/cue_words.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "util/hash.h"
#include "util/word_filter.h"

namespace parley::extract::quotes {
namespace {

// Heterogeneous lookup: a token's norm is looked up without building a std::string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Verbs that report speech: they take a quotation or a reported clause, with or without "that".
// Marked: i = may come before the speaker ("said Peskov"), o = takes an addressee ("told
// reporters"), q = a cue only next to quote marks ("continued").
struct VerbSpec {
  const char* lemma;
  const char* flags;
};
constexpr VerbSpec kSpeechVerbs[] = {
    {"say", "i"},        {"tell", "o"},       {"add", "i"},        {"claim", ""},
    {"insist", "i"},     {"argue", "i"},      {"warn", "i"},       {"suggest", ""},
    {"note", "i"},       {"explain", "i"},    {"declare", "i"},
    {"announce", ""},    {"write", "i"},      {"tweet", "i"},      {"acknowledge", ""},
    {"admit", ""},       {"assert", ""},      {"stress", ""},      {"emphasize", ""},
    {"emphasise", ""},   {"contend", ""},     {"maintain", ""},    {"predict", ""},
    {"report", ""},      {"reveal", ""},      {"confirm", ""},     {"deny", ""},
    {"complain", "i"},   {"allege", ""},      {"charge", ""},      {"recall", "i"},
    {"reply", "i"},      {"respond", ""},     {"testify", ""},     {"concede", ""},
    {"indicate", ""},    {"promise", ""},     {"vow", ""},         {"pledge", ""},
    {"ask", "iq"},       {"continue", "iq"},  {"observe", "i"},    {"remark", "i"},
    {"comment", "q"},    {"answer", "iq"},    {"counter", "i"},    {"retort", "i"},
    {"quip", "i"},       {"joke", "i"},       {"boast", ""},       {"caution", ""},
    {"conclude", ""},    {"mention", ""},     {"post", "q"},       {"shout", "iq"},
    {"exclaim", "i"},    {"proclaim", ""},    {"recount", ""},     {"muse", "iq"},
    {"lament", "i"},     {"urge", ""},        {"demand", ""},      {"threaten", ""},
    {"specify", ""},     {"assure", "o"},     {"inform", "o"},     {"remind", "o"},
    {"write", "i"},      {"agree", ""},       {"brag", ""},        {"speculate", ""},
    {"clarify", ""},     {"affirm", ""},      {"reiterate", ""},   {"repeat", ""},
};

// Verbs of thought and finding: a reported clause only with "that".
constexpr const char* kThatVerbs[] = {
    "believe", "think",  "fear",       "hope",     "worry",   "estimate", "find",
    "show",    "learn",  "know",       "expect",   "feel",    "realize",  "signal",
    "hint",    "reckon", "understand", "assume",   "imply",   "prove",    "recognize",
    "remember", "rule",  "decide",     "discover", "hold",    "suspect",  "determine",
    "doubt",   "notice", "read",       "allow",    "guess",   "predict",  "conclude",
};

// Verbs that govern a partial quotation without a reported clause.
constexpr const char* kEvaluativeVerbs[] = {
    "accuse",  "call",     "describe", "request",   "criticize", "criticise", "praise",
    "blast",   "slam",     "label",    "dub",       "denounce",  "condemn",   "dismiss",
    "welcome", "decry",    "reject",   "question",  "characterize", "term",   "brand",
    "hail",    "mock",     "lambaste", "attack",    "refer",     "want",      "liken",
    "compare", "cite",     "tout",     "defend",    "ridicule",  "deride",    "scoff",
    "bemoan",  "applaud",  "thank",    "blame",     "seek",      "offer",     "vow",
    "pledge",  "promise",  "urge",     "demand",    "warn",      "pan",       "tweet",
    "lash",    "excoriate", "chide",   "fault",     "rebuke",    "scold",     "laud",
    "celebrate", "mourn",  "invoke",   "quote",     "echo",      "recall",    "ask",
};

// Past tense and participles that do not follow the rules below.
const std::unordered_map<std::string, std::vector<std::string>>& Irregulars() {
  static const auto* m = new std::unordered_map<std::string, std::vector<std::string>>{
      {"say", {"said"}},       {"tell", {"told"}},          {"write", {"wrote", "written"}},
      {"think", {"thought"}},  {"find", {"found"}},         {"know", {"knew", "known"}},
      {"feel", {"felt"}},      {"hold", {"held"}},          {"understand", {"understood"}},
      {"read", {"read"}},      {"learn", {"learnt"}},       {"show", {"shown"}},
      {"seek", {"sought"}},    {"lash", {}},
  };
  return *m;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Verbs whose final consonant doubles before -ed and -ing.
bool Doubles(const std::string& lemma) {
  static const std::unordered_set<std::string> kDoubling = {"admit", "quip", "refer", "brag",
                                                            "pan", "dub", "regret", "commit"};
  return kDoubling.count(lemma) > 0;
}

// The regular inflections of a lemma: base, -s, -ed, -ing.
std::vector<std::string> Inflect(const std::string& lemma) {
  std::vector<std::string> forms = {lemma};
  const char last = lemma.back();
  const bool y_after_consonant = last == 'y' && lemma.size() > 1 && !IsVowel(lemma[lemma.size() - 2]);
  const std::string stem = y_after_consonant ? lemma.substr(0, lemma.size() - 1) : lemma;
  const bool sibilant = last == 's' || last == 'x' || last == 'z' || lemma.ends_with("sh") ||
                        lemma.ends_with("ch") || last == 'o';
  forms.push_back(y_after_consonant ? stem + "ies" : sibilant ? lemma + "es" : lemma + "s");
  std::string doubled = Doubles(lemma) ? lemma + last : lemma;
  if (!Irregulars().count(lemma)) {
    forms.push_back(y_after_consonant ? stem + "ied" : last == 'e' ? lemma + "d" : doubled + "ed");
  }
  const bool drop_e = last == 'e' && !lemma.ends_with("ee");
  forms.push_back(drop_e ? lemma.substr(0, lemma.size() - 1) + "ing" : doubled + "ing");
  auto it = Irregulars().find(lemma);
  if (it != Irregulars().end()) forms.insert(forms.end(), it->second.begin(), it->second.end());
  return forms;
}

void AddForms(const std::string& lemma, CueInfo info,
              std::unordered_map<std::string, CueInfo, StringHash, std::equal_to<>>* table) {
  for (const std::string& form : Inflect(lemma)) {
    CueInfo f = info;
    f.participle = form.ends_with("ing");
    auto [it, inserted] = table->emplace(form, f);
    // A verb in several lists keeps its strongest class (speech over evaluative).
    if (!inserted && static_cast<int>(f.cls) < static_cast<int>(it->second.cls)) it->second = f;
  }
}

using CueMap = std::unordered_map<std::string, CueInfo, StringHash, std::equal_to<>>;

const CueMap& CueTable() {
  static const auto* table = [] {
    auto* t = new CueMap();
    for (const VerbSpec& v : kSpeechVerbs) {
      const std::string flags = v.flags;
      CueInfo info{CueClass::kSpeech, flags.find('i') != std::string::npos, false,
                   flags.find('o') != std::string::npos, flags.find('q') != std::string::npos};
      AddForms(v.lemma, info, t);
    }
    for (const char* lemma : kThatVerbs) AddForms(lemma, CueInfo{CueClass::kThatOnly}, t);
    for (const char* lemma : kEvaluativeVerbs) AddForms(lemma, CueInfo{CueClass::kEvaluative}, t);
    for (auto& [form, info] : *t) {
      info.reports = (info.cls == CueClass::kSpeech || info.cls == CueClass::kThatOnly) && !info.quote_only;
    }
    CueInfo according;
    according.reports = true;
    t->emplace("according", according);
    return t;
  }();
  return *table;
}

// A small closed set of words, asked about every token of a document: a bit per (first
// byte, length) rejects most tokens before any comparison, and a word that passes is compared
// only with the words of its first byte. Built once, then read-only.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : words_(words) {
    std::stable_sort(words_.begin(), words_.end(), [](std::string_view a, std::string_view b) {
      return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
    });
    for (size_t i = 0; i < words_.size(); ++i) {
      const auto first = static_cast<unsigned char>(words_[i][0]);
      shape_[first] |= LengthBit(words_[i].size());
      if (end_[first] == 0) begin_[first] = static_cast<uint16_t>(i);
      end_[first] = static_cast<uint16_t>(i + 1);
    }
  }
  bool Has(std::string_view norm) const {
    if (norm.empty()) return false;
    const auto first = static_cast<unsigned char>(norm[0]);
    if ((shape_[first] & LengthBit(norm.size())) == 0) return false;
    for (uint16_t i = begin_[first]; i < end_[first]; ++i) {
      if (words_[i] == norm) return true;
    }
    return false;
  }

 private:
  static uint64_t LengthBit(size_t n) { return uint64_t{1} << (n < 63 ? n : 63); }
  std::vector<std::string_view> words_;  // grouped by first byte
  uint64_t shape_[256] = {};
  uint16_t begin_[256] = {}, end_[256] = {};  // the words of each first byte
};


}  // namespace

CueInfo LookupCue(std::string_view norm) {
  const auto& table = CueTable();
  // Asked for every token: most are turned away before their hash is computed.
  static const util::WordFilter kFilter = [&] {
    util::WordFilter f;
    for (const auto& entry : table) f.Add(entry.first);
    return f;
  }();
  if (!kFilter.MayContain(norm)) return CueInfo{};
  auto it = table.find(norm);
  return it == table.end() ? CueInfo{} : it->second;
}

namespace {

// CueTable() keyed by WordKey in open addressing (a quarter full): a token that is no cue
// mostly lands on an empty slot.
class CueKeyTable {
 public:
  CueKeyTable() {
    const CueMap& table = CueTable();
    size_t n = 16;
    while (n < 4 * table.size()) n *= 2;
    slots_.resize(n);
    mask_ = n - 1;
    for (const auto& [form, info] : table) {
      const uint64_t key = WordKey(form);
      size_t i = key & mask_;
      while (slots_[i].form != nullptr) i = (i + 1) & mask_;
      slots_[i] = {key, &form, info};
    }
  }
  CueInfo Find(const Token& t) const {  // inline: called for every token
    const uint64_t key = t.key != 0 ? t.key : WordKey(t.norm);
    for (size_t i = key & mask_; slots_[i].form != nullptr; i = (i + 1) & mask_) {
      if (slots_[i].key == key && *slots_[i].form == t.norm) return slots_[i].info;
    }
    return CueInfo{};
  }

 private:
  struct Slot {
    uint64_t key = 0;
    const std::string* form = nullptr;  // owned by CueTable(), which is never freed
    CueInfo info;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace

const CueKeyTable& KeyTable() {
  static const CueKeyTable kTable;
  return kTable;
}

CueInfo LookupCue(const Token& token) { return KeyTable().Find(token); }

void LookupCues(const std::vector<Token>& tokens, std::vector<CueInfo>* out) {
  const CueKeyTable& table = KeyTable();
  const size_t base = out->size();
  out->resize(base + tokens.size());
  CueInfo* dst = out->data() + base;
  for (const Token& t : tokens) *dst++ = table.Find(t);
}

bool IsPersonalPronoun(std::string_view norm) {
  static const WordSet kPronouns({"he", "she", "they", "it", "we", "i", "you"});
  return kPronouns.Has(norm);
}

bool IsDeterminer(std::string_view norm) {
  static const WordSet kDeterminers({"the", "a", "an", "another", "his", "her", "its", "their", "our", "my",
                      "your", "this", "these", "those", "some", "many", "several", "two", "three",
                      "four", "five", "one", "most", "other", "both", "few", "all", "any", "each",
                      "every", "no", "such", "numerous", "various", "multiple", "dozens"});
  return kDeterminers.Has(norm);
}

bool IsPhraseStop(std::string_view norm) {
  static const WordSet kPhraseStops({"after", "before", "in", "on", "at", "to", "with", "by", "from", "about",
                      "as", "than", "since", "while", "when", "because", "if", "although",
                      "though", "but", "and", "or", "nor", "so", "that", "which", "who", "whom",
                      "whose", "where", "why", "how", "what", "not", "is", "was", "were", "are",
                      "be", "been", "being", "has", "have", "had", "will", "would", "could",
                      "should", "can", "may", "might", "must", "do", "does", "did", "into",
                      "over", "under", "against", "during", "without", "through", "per", "via",
                      "for", "also", "then", "yet", "however", "meanwhile", "but", "said",
                      "told", "says", "there", "here", "like", "until", "whether", "upon",
                      "amid", "among", "toward", "towards", "across", "behind", "near", "despite",
                      "including", "unlike", "besides", "beyond", "around", "within", "along",
                      "following", "whereas", "instead", "because", "unless"});
  return kPhraseStops.Has(norm);
}

bool IsVerbModifier(std::string_view norm) {
  // Adverbs in -ly ("flatly", "egregiously"), but not nouns that end so.
  static const WordSet kNounsInLy({"assembly", "family", "ally", "rally", "supply", "monopoly",
                                   "anomaly", "italy", "july", "daily", "weekly", "bully", "majority"});
  if (norm.size() > 4 && norm.ends_with("ly") && !kNounsInLy.Has(norm)) return true;
  static const WordSet kModifiers({"has", "have", "had", "is", "was", "were", "are", "also", "later", "then",
                      "previously", "again", "repeatedly", "reportedly", "once", "further",
                      "recently", "simply", "just", "only", "already", "would", "will", "could",
                      "may", "might", "should", "can", "did", "does", "do", "not", "never",
                      "publicly", "privately", "separately", "earlier", "still", "been", "even",
                      "often", "frequently", "flatly", "bluntly", "openly", "angrily", "quickly",
                      "immediately", "subsequently", "similarly", "likewise", "too", "first",
                      "initially", "originally", "finally", "long", "since", "had", "has",
                      "herself", "himself", "themselves", "itself", "must", "shall", "reportedly",
                      "allegedly", "apparently", "specifically", "explicitly", "clearly",
                      "famously", "memorably", "once", "yesterday", "today", "tonight", "ever"});
  return kModifiers.Has(norm);
}

bool IsTimeWord(std::string_view norm) {
  static const WordSet kTimeWords({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday", "yesterday", "today", "tonight", "earlier", "later", "recently",
                      "previously", "again", "also", "then", "now"});
  return kTimeWords.Has(norm);
}

bool IsClauseOpener(std::string_view norm) {
  static const WordSet kClauseOpeners({"he", "she", "it", "they", "we", "i", "you", "there", "this", "these",
                      "those", "the", "a", "an", "his", "her", "its", "their", "our", "my",
                      "some", "many", "no", "all", "most", "both", "nobody", "everyone",
                      "anyone", "nothing", "none", "several", "every", "each", "any", "such"});
  return kClauseOpeners.Has(norm);
}

bool IsNameParticle(std::string_view norm) {
  static const WordSet kNameParticles({"de", "da", "di", "del", "della", "der", "den", "van", "von", "al", "el",
                      "bin", "ibn", "la", "le", "du", "dos", "das", "ben", "'s", "of", "st."});
  return kNameParticles.Has(norm);
}

}  // namespace parley::extract::quotes
