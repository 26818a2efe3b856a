// Verb and noun inflection for pattern dictionaries: a lemma written `accuse~` matches
// accuse, accuses, accused, accusing; `talk^` matches talk and talks. Regular English rules
// plus a table of irregular verbs (dict/verbs/irregular.txt). Pure functions.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace parley::code {

// BASE -> {past forms, participle forms}.
struct IrregularForms {
  std::vector<std::string> past;
  std::vector<std::string> participle;
};
using IrregularTable = std::map<std::string, IrregularForms>;

// All forms of a verb lemma (base, 3rd person singular, past, participle, -ing), deduplicated.
std::vector<std::string> VerbForms(const std::string& lemma, const IrregularTable& irregular);

// Singular and plural of a noun.
std::vector<std::string> NounForms(const std::string& noun);

}  // namespace parley::code
