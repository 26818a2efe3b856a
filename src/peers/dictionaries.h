// The peers' dictionaries (TABARI and PETRARCH formats): actors, agents, verbs with their
// patterns and synsets, and discards, read into one plain model that parley's validator and
// `parley dict convert` share.
//
// Input: the peers' text files (format notes in dict/README.md, "The peers' formats"). Output:
// a PeerDictionary. Words are kept upper case, as the peers write them; phrases are split on
// spaces and `_`. Bad lines never stop a load: each is recorded as a Diagnostic naming
// file:line. Readers are pure functions; the model is plain data (safe to share once built).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/lexicon.h"
#include "parley/status.h"

namespace parley::code {
class PatternSet;
}

namespace parley::peers {

// A code valid over an inclusive range of dates (YYYYMMDD, "" = open end).
struct PeerDatedCode {
  std::string code;
  std::string from, to;
};

struct PeerActor {
  std::vector<std::vector<std::string>> phrases;  // the head phrase first, then `+` synonyms
  std::string code;                                // undated code ("" when none)
  std::vector<PeerDatedCode> dated;                // in file order: the first that covers wins
  std::string origin;                              // file:line
};

struct PeerAgent {
  std::vector<std::vector<std::string>> phrases;  // singular and plural forms, expanded
  std::string code;                                // the role codes ("GOV", "GOVFRM")
  bool prefix = false;                             // `[NGO~]`: written before the actor's code
  std::string origin;
};

enum class PatternItemKind : uint8_t { kWord, kSynset, kVerb, kSource, kTarget, kCompound, kSkip };
struct PatternItem {
  PatternItemKind kind = PatternItemKind::kWord;
  std::string text;         // kWord: the word; kSynset: its name without `&`
  bool joined = false;      // `_` joins it to the next item: no word may come between
};

struct VerbPattern {
  std::vector<PatternItem> before;  // the items before `*`, in text order
  std::vector<PatternItem> after;   // the items after `*`
  bool verb_joined = false;         // `*_WORD`: the next item follows the verb directly
  std::string code;                 // "---" is a null code
  std::string origin;
};

// One verb of a block: its words (one is the inflected verb) and its own code, if any.
struct PeerVerb {
  std::vector<std::string> words;
  uint32_t verb_word = 0;            // index of the inflected word
  std::vector<std::vector<std::string>> forms;  // every accepted word sequence
  std::string code;                  // "" = the block's code
};

struct VerbBlock {
  std::string name;
  std::string code;                  // the block's default code ("---" = none)
  std::vector<PeerVerb> verbs;
  std::vector<VerbPattern> patterns;
  std::string origin;
};

struct Synset {
  std::string name;                              // without `&`
  std::vector<std::vector<std::string>> phrases;  // members (nested synsets expanded)
};

struct Discard {
  std::vector<std::string> words;
  bool story = false;  // `+`: the whole story is discarded, else the sentence
};

struct PeerDictionary {
  std::vector<PeerActor> actors;
  std::vector<PeerAgent> agents;
  std::vector<VerbBlock> blocks;
  std::vector<Synset> synsets;
  std::vector<Discard> discards;
  std::vector<lexicon::Diagnostic> diagnostics;
  // The verbs, synsets and discards compiled into parley's patterns (peers/verb_patterns.h):
  // set by LoadFiles/LoadFolder, or read from a converted folder's verbs/ (LoadConverted).
  std::shared_ptr<const code::PatternSet> patterns;
  const Synset* FindSynset(std::string_view name) const;
};

enum class PeerFormat : uint8_t { kPetrarch, kTabari };

// Each reader parses the text of one file (`name` is used in diagnostics) into `dict`.
void ReadActors(std::string_view text, const std::string& name, PeerDictionary* dict);
void ReadAgents(std::string_view text, const std::string& name, PeerDictionary* dict);
void ReadVerbs(std::string_view text, const std::string& name, PeerDictionary* dict);
// TABARI's verbs files have no `--- BLOCK ---` headers: each verb line starts its own block,
// its patterns follow it.
void ReadTabariVerbs(std::string_view text, const std::string& name, PeerDictionary* dict);
void ReadDiscards(std::string_view text, const std::string& name, PeerDictionary* dict);

// Loads a folder: files are recognised by name (`*actors*`, `*agents*`, `*verbs*`,
// `*discards*`; `.txt` or no extension). Fails only when the folder cannot be read.
Result<PeerDictionary> LoadFolder(const std::string& dir, PeerFormat format);
// Loads the named files (any may be empty).
Result<PeerDictionary> LoadFiles(const std::string& actors, const std::string& agents,
                                 const std::string& verbs, const std::string& discards,
                                 PeerFormat format = PeerFormat::kPetrarch);

// The code of an actor on a YYYYMMDD date: the first dated code that covers it, else the
// undated code (the peers' rule; `parley dict convert` makes the ranges disjoint for parley's).
std::string CodeOn(const PeerActor& actor, const std::string& date);
// The words of a peer phrase (split at `_` and spaces), in upper case.
std::vector<std::string> SplitWords(std::string_view phrase);
// `line` without its `#` comment (a `#` inside `[...]` is part of a code).
std::string_view CutComment(std::string_view line);
// A six- or eight-digit peer date as YYYYMMDD ("" when malformed). Two-digit years below 30
// are 20xx, others 19xx.
std::string NormalizeDate(std::string_view digits);
// The regular inflections of a verb (base, -s, -ed, -ing), as the peers generate them.
std::vector<std::string> RegularVerbForms(const std::string& verb);
// The regular plural of a noun phrase's last word.
std::string RegularPlural(const std::string& word);

}  // namespace parley::peers
