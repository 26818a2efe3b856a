#include "extract/actors/coref.h"

#include <optional>

namespace parley::extract {

int32_t Coref::EntityOf(const std::string& key) {
  auto [it, fresh] = entities_.try_emplace(key, static_cast<int32_t>(entities_.size()));
  return it->second;
}

void Coref::AddMention(ActorMention m, MentionTraits traits) {
  m.entity = EntityOf(traits.entity_key);
  auto prev = last_in_entity_.find(m.entity);
  // A person named again ("Peskov" after "Dmitry Peskov") points back to the last mention.
  if (traits.person && prev != last_in_entity_.end()) m.antecedent = static_cast<uint32_t>(prev->second);
  last_in_entity_[m.entity] = out_->size();
  out_->push_back(std::move(m));
  traits_.push_back(std::move(traits));
}

bool Coref::Compatible(size_t i, const Reference& ref) const {
  const MentionTraits& t = traits_[i];
  switch (ref.type) {
    case RefType::kHe:
      return t.person && t.gender != 'f';
    case RefType::kShe:
      return t.person && t.gender != 'm';
    case RefType::kThey:
      return !t.person && (t.plural || t.institution);
    case RefType::kIts:
      return !t.person && t.institution && !t.plural;
    case RefType::kNominal:
      // Only a person introduced with that role or holding that title: a shared sector
      // alone would make "the envoy" the spokesman.
      if (!t.person) return false;
      if (t.role_word == ref.role || t.role_word == ref.head) return true;
      for (const auto& title : t.titles) {
        if (title == ref.role || title == ref.head) return true;
      }
      return false;
  }
  return false;
}

// The nearest compatible mention of the pronoun's own sentence (before it), else the first of
// the nearest previous sentence that has one, at most three sentences back. Nominals prefer
// a mention whose role or title matches the word over one that only shares the sector.
std::optional<size_t> Coref::Resolve(const ActorMention& m, const Reference& ref) const {
  if (out_->empty()) return std::nullopt;
  const uint32_t oldest = m.sentence >= 3 ? m.sentence - 3 : 0;
  size_t i = out_->size();
  while (i > 0) {
    const uint32_t s = (*out_)[i - 1].sentence;
    if (s < oldest) break;
    size_t first = i;
    while (first > 0 && (*out_)[first - 1].sentence == s) --first;
    // Own sentence: the nearest ("Trump said he"); earlier ones: the first, most often the
    // subject ("Trump accused Putin of ... He warned").
    const bool own = s == m.sentence;
    std::optional<size_t> best;
    for (size_t k = first; k < i; ++k) {
      if (!Compatible(k, ref)) continue;
      const bool exact = ref.type != RefType::kNominal || traits_[k].role_word == ref.head;
      const bool best_exact = best && (ref.type != RefType::kNominal || traits_[*best].role_word == ref.head);
      if (!best || (exact && !best_exact) || (own && exact == best_exact)) best = k;
    }
    if (best) return best;
    i = first;
  }
  return std::nullopt;
}

bool Coref::AddReference(ActorMention m, const Reference& ref) {
  std::optional<size_t> a = Resolve(m, ref);
  if (!a) return false;
  const ActorMention& ante = (*out_)[*a];
  m.kind = ref.type == RefType::kNominal ? "nominal" : "pronoun";
  m.code = ante.code;
  m.country = ante.country;
  m.sector = ante.sector;
  m.name = ante.name;
  m.entity = ante.entity;
  m.antecedent = static_cast<uint32_t>(*a);
  MentionTraits t = traits_[*a];
  last_in_entity_[m.entity] = out_->size();
  out_->push_back(std::move(m));
  traits_.push_back(std::move(t));
  return true;
}

}  // namespace parley::extract
