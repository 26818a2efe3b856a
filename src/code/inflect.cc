#include "code/inflect.h"

#include <algorithm>
#include <array>

namespace parley::code {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Verbs of more than one syllable that double their last consonant (stress on the end).
constexpr std::array<const char*, 34> kDoubling = {
    "commit", "admit", "omit", "permit", "submit", "transmit", "emit", "remit", "regret",
    "refer", "prefer", "confer", "defer", "deter", "infer", "expel", "compel", "propel",
    "repel", "dispel", "patrol", "control", "equip", "occur", "incur", "recur", "abet",
    "acquit", "allot", "embed", "kidnap", "outstrip", "rebut", "overstep"};

int Syllables(const std::string& w) {
  int n = 0;
  bool prev = false;
  for (char c : w) {
    bool v = IsVowel(c) || c == 'y';
    if (v && !prev) ++n;
    prev = v;
  }
  return n;
}

// "stop" -> "stopp": one-syllable consonant-vowel-consonant verbs and the listed ones.
bool Doubles(const std::string& w) {
  if (std::find_if(kDoubling.begin(), kDoubling.end(), [&](const char* d) { return w == d; }) !=
      kDoubling.end())
    return true;
  if (w.size() < 3 || Syllables(w) != 1) return false;
  const char a = w[w.size() - 3], b = w[w.size() - 2], c = w.back();
  return !IsVowel(a) && IsVowel(b) && !IsVowel(c) && c != 'w' && c != 'x' && c != 'y';
}

std::string ThirdPerson(const std::string& w) {
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
      EndsWith(w, "sh") || EndsWith(w, "o"))
    return w + "es";
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
  return w + "s";
}

std::string Past(const std::string& w) {
  if (EndsWith(w, "e")) return w + "d";
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ied";
  if (Doubles(w)) return w + w.back() + "ed";
  return w + "ed";
}

std::string Gerund(const std::string& w) {
  if (EndsWith(w, "ie")) return w.substr(0, w.size() - 2) + "ying";
  if (EndsWith(w, "e") && !EndsWith(w, "ee") && !EndsWith(w, "ye") && !EndsWith(w, "oe") && w.size() > 2)
    return w.substr(0, w.size() - 1) + "ing";
  if (Doubles(w)) return w + w.back() + "ing";
  return w + "ing";
}

}  // namespace

std::vector<std::string> VerbForms(const std::string& lemma, const IrregularTable& irregular) {
  // Multi-word lemmas inflect their first word ("pull out" -> "pulled out").
  const size_t space = lemma.find(' ');
  if (space != std::string::npos) {
    std::vector<std::string> out;
    for (const auto& f : VerbForms(lemma.substr(0, space), irregular)) out.push_back(f + lemma.substr(space));
    return out;
  }
  std::vector<std::string> forms = {lemma, ThirdPerson(lemma), Gerund(lemma)};
  auto it = irregular.find(lemma);
  if (it != irregular.end()) {
    forms.insert(forms.end(), it->second.past.begin(), it->second.past.end());
    forms.insert(forms.end(), it->second.participle.begin(), it->second.participle.end());
  } else {
    forms.push_back(Past(lemma));
    // British spelling doubles a final l after one vowel: cancel -> cancelled.
    if (lemma.size() > 2 && lemma.back() == 'l' && IsVowel(lemma[lemma.size() - 2]) &&
        !IsVowel(lemma[lemma.size() - 3])) {
      forms.push_back(lemma + "led");
      forms.push_back(lemma + "ling");
    }
  }
  if (lemma == "be") forms = {"be", "is", "are", "am", "was", "were", "been", "being"};
  if (lemma == "have") forms = {"have", "has", "had", "having"};
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  return forms;
}

std::vector<std::string> NounForms(const std::string& noun) {
  if (noun.empty()) return {};
  std::vector<std::string> forms = {noun};
  if (EndsWith(noun, "s") || EndsWith(noun, "x") || EndsWith(noun, "ch") || EndsWith(noun, "sh")) {
    forms.push_back(noun + "es");
  } else if (noun.size() > 1 && noun.back() == 'y' && !IsVowel(noun[noun.size() - 2])) {
    forms.push_back(noun.substr(0, noun.size() - 1) + "ies");
  } else {
    forms.push_back(noun + "s");
  }
  return forms;
}

}  // namespace parley::code
