#include "extract/actors/coref.h"

#include <optional>
#include <string_view>

#include "util/hash.h"

namespace parley::extract {

uint64_t EntityKey::Text(char tag, std::string_view a, std::string_view b) {
  const uint64_t h = XXH3_64bits_withSeed(a.data(), a.size(), static_cast<unsigned char>(tag));
  return XXH3_64bits_withSeed(b.data(), b.size(), h);
}

int32_t Coref::NewEntity() {
  last_in_entity_.push_back(kNoMention);
  return static_cast<int32_t>(last_in_entity_.size() - 1);
}

int32_t Coref::EntityOf(const EntityKey& key) {
  bool fresh;
  uint32_t& entity = key.entry != EntityKey::kNoEntry ? person_entities_.TryEmplace(key.entry, 0, &fresh)
                                                      : entities_.TryEmplace(key.text, 0, &fresh);
  if (fresh) entity = static_cast<uint32_t>(NewEntity());
  return static_cast<int32_t>(entity);
}

ActorMention& Coref::AddMention(const MentionTraits& traits, const EntityKey& key) {
  const int32_t entity = EntityOf(key);
  ActorMention& m = out_->emplace_back();
  m.entity = entity;
  size_t& last = last_in_entity_[static_cast<size_t>(entity)];
  // A person named again ("Peskov" after "Dmitry Peskov") points back to the last mention.
  if (traits.person && last != kNoMention) m.antecedent = static_cast<uint32_t>(last);
  last = out_->size() - 1;
  traits_.push_back(traits);
  return m;
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
      if (ref.country[0] != 0 && (*out_)[i].country != std::string_view(ref.country.data(), 3)) return false;
      if (t.role_word == ref.role || t.role_word == ref.head) return true;
      if (t.titles == nullptr) return false;
      for (const auto& title : *t.titles) {
        if (title == ref.role || title == ref.head) return true;
      }
      return false;
  }
  return false;
}

// The nearest compatible mention of the pronoun's own sentence (before it), else the first of
// the nearest previous sentence that has one, at most three sentences back. Nominals prefer
// a mention whose role or title matches the word over one that only shares the sector.
std::optional<size_t> Coref::Resolve(uint32_t sentence, const Reference& ref) const {
  if (out_->empty()) return std::nullopt;
  const uint32_t oldest = sentence >= 3 ? sentence - 3 : 0;
  size_t i = out_->size();
  while (i > 0) {
    const uint32_t s = (*out_)[i - 1].sentence;
    if (s < oldest) break;
    size_t first = i;
    while (first > 0 && (*out_)[first - 1].sentence == s) --first;
    // Own sentence: the nearest ("Trump said he"); earlier ones: the first, most often the
    // subject ("Trump accused Putin of ... He warned").
    const bool own = s == sentence;
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

namespace {

// A resolved reference is its antecedent's actor: code, country, sector, name and entity.
void TakeFromAntecedent(ActorMention* m, const ActorMention& ante, const Reference& ref, size_t antecedent) {
  m->kind = ref.type == RefType::kNominal ? "nominal" : "pronoun";
  m->code = ante.code;
  m->country = ante.country;
  m->sector = ante.sector;
  m->name = ante.name;
  m->entity = ante.entity;
  m->antecedent = static_cast<uint32_t>(antecedent);
}

}  // namespace

void Coref::AddResolvedPronoun(uint32_t start, uint32_t end, uint32_t sentence, std::string_view text,
                               const Reference& ref, size_t antecedent) {
  // Built in place at the end of *out_ (then no mention is moved); the antecedent is read
  // after the vector grew, by index.
  ActorMention& m = out_->emplace_back();
  const ActorMention& ante = (*out_)[antecedent];
  m.text.assign(text);
  m.start = start;
  m.end = end;
  m.sentence = sentence;
  TakeFromAntecedent(&m, ante, ref, antecedent);
  last_in_entity_[static_cast<size_t>(m.entity)] = out_->size() - 1;
  const MentionTraits traits = traits_[antecedent];
  traits_.push_back(traits);
}

}  // namespace parley::extract
