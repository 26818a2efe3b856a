#include "code/coder.h"

#include <algorithm>

#include "code/cameo.h"
#include "code/clause_hints.h"
#include "code/roles.h"
#include "util/hash.h"

namespace parley::code {
namespace {

// Token norms are read as std::string_view where they are compared with literals: a view
// compares sizes inline, while std::string == const char* is an out-of-line strlen + compare.

// What the document-level passes need to remember between sentences.
struct AccountTimes {
  // The last explicit date seen for an actor: its coreference chain, else its code and name.
  // Views into the document, which outlives the coding of it; a document has few such actors.
  struct Entry {
    int32_t entity;
    std::string_view code, name, date;
    uint32_t sentence, paragraph;
  };
  std::vector<Entry> by_entity;

  static bool SameEntity(const Entry& e, const ActorMention& m) {
    return m.entity >= 0 ? e.entity == m.entity : e.entity < 0 && e.code == m.code && e.name == m.name;
  }
  const Entry* Find(const ActorMention& m) const {
    for (const Entry& e : by_entity)
      if (SameEntity(e, m)) return &e;
    return nullptr;
  }
  void Set(const ActorMention& m, std::string_view date, uint32_t sentence, uint32_t paragraph) {
    const Entry entry{m.entity, m.code, m.name, date, sentence, paragraph};
    for (Entry& e : by_entity) {
      if (SameEntity(e, m)) {
        e = entry;
        return;
      }
    }
    by_entity.push_back(entry);
  }
};

bool IsDateLike(const TimeExpr& t) {
  if (t.type != "DATE" && t.type != "TIME") return false;
  return !t.value.empty() && t.value[0] >= '0' && t.value[0] <= '9';
}

// The date part of a time expression's value (before any `T`): a view into it.
std::string_view DateOf(const TimeExpr& t) {
  const std::string_view v = t.value;
  return v.substr(0, v.find('T'));
}

// Token index of a byte offset inside the sentence view.
uint32_t TokenAt(const SentenceView& v, uint32_t byte) {
  for (uint32_t t = v.first; t < v.end; ++t) {
    if (v.tok(t).end > byte) return t;
  }
  return v.end > v.first ? v.end - 1 : v.first;
}

uint32_t Distance(uint32_t a, uint32_t b) { return a > b ? a - b : b - a; }

// The norm of token t as a view: compared with a literal it checks the length first, where
// std::string == "x" calls strlen and compare.
std::string_view NormAt(const SentenceView& v, uint32_t t) { return v.tok(t).norm; }

struct Candidate {
  PatternMatch match;
  int32_t source = -1, target = -1;
  std::string_view modality;  // a literal
  std::optional<std::string_view> date;  // into the document (its times or its date)
  bool date_explicit = false;
  // Clause hints only: the members of a coordinated subject or object ("X, Y and Z").
  std::vector<uint32_t> source_group, target_group;
  bool among = false;  // clause hints only: the members of the source group act on each other
  bool untargeted = false;  // clause hints only: with no target, the event is still coded (target "")
  bool no_target = false;  // the target is a noun that is no actor: none is taken from the context
};

}  // namespace

struct CoderBuffers {
  std::vector<Candidate> candidates;  // of the sentence being coded
  AccountTimes account;               // of the document being coded
};

CoderScratch::CoderScratch() = default;
CoderScratch::~CoderScratch() = default;

namespace {

// The speaker of the frame whose content holds `token`, or -1.
int32_t SpeakerFor(const std::vector<SpeechFrame>& frames, uint32_t token) {
  for (const auto& f : frames) {
    if (token >= f.content_first && token < f.content_end) return f.speaker;
  }
  return -1;
}

bool IsPeopleMention(const ActorMention& m);
bool IsPeoplePlural(const ActorMention& m);

// Two actors an event can link, source `a` and target `b`: different codes, and not a country
// and its own government or people ("Moscow ... Russia"); domestic events between two roles
// stay ("RUSCOP RUSOPP"), and so do those of a challenger of the state against its own
// country ("Sudanese rebels shelled Juba", "the opposition leader promised to democratize
// Serbia"). A bare country acting on one of its own roles, or an organ of the state (police,
// army) on its own country, is mostly a misread clause ("a United States jury convicted",
// "protesters gathered around Hong Kong's police complex ... chanted"); but not a bare country
// acting on its own challengers, nor anyone acting on a people named by its plural.
bool DistinctActors(const ActorMention& a, const ActorMention& b) {
  static constexpr std::string_view kChallengers[] = {"REB", "OPP", "RAD", "SEP", "INS"};
  auto challenger = [&](const ActorMention& m) {
    return m.sector && std::find(std::begin(kChallengers), std::end(kChallengers), *m.sector) != std::end(kChallengers);
  };
  if (a.code.empty() || b.code.empty() || a.code == b.code) return false;
  if (a.country != b.country || (a.sector && b.sector)) return true;
  // A state acts on its own rebels ("Croatia is investigating Croatian extremists"), and a
  // people named by its plural ("ethnic Albanians") is not the state its country code names:
  // "Serb forces killed three ethnic Albanians", "Albanians vowed to fight the government".
  if (!a.sector && challenger(b)) return true;
  if ((a.sector && IsPeoplePlural(b)) || (b.sector && IsPeoplePlural(a))) return true;
  return a.sector && !b.sector && challenger(a);
}

// The actor the statement is about: the nearest actor to `anchor` that is not the source (or
// the same country's, see DistinctActors), preferring actors that are not objects of prepositions.
int32_t NearestOther(const SentenceView& v, uint32_t anchor, int32_t source,
                     const std::vector<ActorMention>& actors, bool forward_only = false) {
  int32_t best[2] = {-1, -1};
  uint32_t best_d[2] = {UINT32_MAX, UINT32_MAX};
  for (uint32_t a : v.actors) {
    if (static_cast<int32_t>(a) == source) continue;
    if (source >= 0 && !DistinctActors(actors[static_cast<size_t>(source)], actors[a])) continue;
    if (forward_only && v.mention_first[a] < anchor) continue;
    const int kind = IsPrepositionalObject(v, a) ? 1 : 0;
    const uint32_t d = Distance(v.mention_first[a], anchor);
    if (d < best_d[kind]) best_d[kind] = d, best[kind] = static_cast<int32_t>(a);
  }
  return best[0] >= 0 ? best[0] : best[1];
}

// The source and target of one match.
void AssignRoles(const SentenceView& v, const Pattern& p, const std::vector<SpeechFrame>& frames,
                 const std::vector<ActorMention>& cd_actors, const std::vector<bool>& objects,
                 const std::vector<bool>& objects_after, Candidate* c) {
  const PatternMatch& m = c->match;
  if (p.speech) {
    // The event is the speaker's statement: without a speaker there is none.
    c->source = SpeakerFor(frames, m.anchor);
    c->target = m.target_actor;
    if (c->target < 0 && m.target_place < 0) c->target = NearestOther(v, m.anchor, c->source, cd_actors);
    // '"We must ...," Johnson said during a visit with Varadkar': the words quoted address
    // no one named after the quotation closes.
    if (m.target_actor < 0 && c->target >= 0 && InQuotation(v, m.anchor) &&
        !InQuotation(v, v.mention_first[static_cast<size_t>(c->target)]))
      c->target = -1;
    return;
  }
  if (m.source_actor >= 0) c->source = m.source_actor;
  if (c->source < 0 && !p.anchor_is_verb) c->source = PossessorBefore(v, m.anchor);
  if (IsPassive(v, m.anchor, m.end) && m.source_actor < 0) {
    c->source = PassiveAgent(v, m.end);
    // "officials said three civilians were killed by ...": the passive's subject is its own
    // clause's, never the speaker's.
    c->target = m.target_actor >= 0 ? m.target_actor : ClauseSubject(v, m.anchor, nullptr);
    if (c->target < 0) {  // "a camp for Congolese refugees was attacked by ...": the subject's phrase
      const uint32_t clause = ClauseStart(v, m.anchor);
      const bool own_clause = clause == v.first || !IsSpeechVerb(v.tok(clause - 1).norm);
      for (uint32_t t = m.anchor; t-- > clause && own_clause && c->target < 0;) c->target = v.ActorCovering(t);
      if (c->target == c->source) c->target = -1;
    }
    // "The militant leader was killed by U.S. forces in Pakistan": the target is the leader.
    if (c->target < 0 && PassiveSubjectIsNoActor(v, m.anchor)) c->no_target = true;
    if (c->target < 0 && c->source >= 0 && !c->no_target)  // "seized by the U.S. from Russia"
      c->target = ObjectAfter(v, v.mention_end[static_cast<size_t>(c->source)], c->source, false);
    return;
  }
  // '"We will impose sanctions on Iran," the president said': the speaker is the "we".
  if (c->source < 0 && FirstPersonSubject(v, m.anchor)) c->source = SpeakerFor(frames, m.anchor);
  if (c->source < 0) {
    // "X was indicted ... and will resign": a verb coordinated with a passive shares its subject.
    const uint32_t clause = ClauseStart(v, m.anchor);
    const bool coordinated = p.anchor_is_verb && clause > v.first && NormAt(v, clause - 1) == "and";
    c->source = ClauseSubject(v, m.anchor, coordinated ? &objects_after : &objects);
  }
  if (c->source >= 0) c->source = ClusterHead(v, static_cast<uint32_t>(c->source));
  if (m.target_place >= 0) return;  // the place in the TGT slot is the target (EmitCandidate)
  if (m.source_actor >= 0 && m.target_actor < 0 && !p.reciprocal) {
    // "Georgia received assurances from Russia", "Obama faced criticism from Congress": the
    // source sits in the phrase, so the clause's subject is on the receiving end.
    const int32_t subject = ClauseSubject(v, m.anchor, &objects);
    if (subject >= 0 && subject != m.source_actor) {
      c->target = ClusterHead(v, static_cast<uint32_t>(subject));
      return;
    }
  }
  c->target = m.target_actor >= 0 ? m.target_actor : ObjectAfter(v, m.end, c->source, true);
  // "..., the World Food Program said": the speaker of a statement is not the object of the
  // event it reports.
  if (m.target_actor < 0 && c->target >= 0) {
    const int32_t speaker = SpeakerFor(frames, m.anchor);
    if (speaker >= 0 && (ClusterHead(v, static_cast<uint32_t>(speaker)) == c->target ||
                         cd_actors[static_cast<size_t>(speaker)].code == cd_actors[static_cast<size_t>(c->target)].code))
      c->target = -1;
  }
  // "Israel, which Hamas attacked on Sunday": a relative clause's object is the actor it qualifies.
  if (c->target < 0 && c->source >= 0) {
    const uint32_t clause = ClauseStart(v, m.anchor);
    if (v.mention_first[static_cast<size_t>(c->source)] >= clause) {
      const int32_t antecedent = RelativeAntecedent(v, clause);
      if (antecedent >= 0 && antecedent != c->source) c->target = antecedent;
    }
  }
  // A threat or an ultimatum often names its target later ("warned of sanctions ... if
  // Russia does not"): look through the rest of the sentence.
  if (c->target < 0 && p.code.rfind("13", 0) == 0)
    c->target = NearestOther(v, m.end, c->source, cd_actors, /*forward_only=*/true);
}

std::string_view Modality(const SentenceView& v, const Pattern& p, const std::vector<SpeechFrame>& frames,
                          const std::vector<ActorMention>& actors, const Candidate& c) {
  const uint32_t clause = ClauseStart(v, c.match.anchor);
  if (p.code.rfind("13", 0) == 0) {
    // A threat or an ultimatum is itself asserted; a negation inside its condition ("if
    // Russia does not ...") does not negate it.
    uint32_t until = c.match.anchor;
    for (uint32_t t = clause; t < c.match.anchor; ++t) {
      if (NormAt(v, t) == "if" || NormAt(v, t) == "unless") {
        until = t;
        break;
      }
    }
    return ModalityCue(v, clause, until) == "negated" ? "negated" : "asserted";
  }
  const std::string_view cue = ModalityCue(v, clause, c.match.anchor);
  if (cue == "negated") return cue;
  if (!cue.empty()) return cue;
  if (!p.speech) {
    int32_t speaker = SpeakerFor(frames, c.match.anchor);
    if (speaker >= 0 && speaker != c.source && speaker != c.target) {
      const auto& sp = actors[static_cast<size_t>(speaker)];
      const auto& src = actors[static_cast<size_t>(c.source)];
      if (sp.code != src.code || sp.name != src.name) return "reported";
    }
  }
  return "asserted";
}

// Each time expression of the sentence goes to the nearest match anchor.
void AssignExplicitDates(const SentenceView& v, const std::vector<TimeExpr>& times,
                         const std::vector<uint32_t>& in_sentence, std::vector<Candidate>* cands) {
  for (uint32_t ti : in_sentence) {
    const TimeExpr& t = times[ti];
    if (!IsDateLike(t)) continue;
    const uint32_t at = TokenAt(v, t.start);
    Candidate* best = nullptr;
    uint32_t best_d = UINT32_MAX;
    for (auto& c : *cands) {
      uint32_t d = Distance(c.match.anchor, at);
      if (d < best_d) best_d = d, best = &c;
    }
    if (best != nullptr && !best->date_explicit) {
      best->date = DateOf(t);
      best->date_explicit = true;
    }
  }
}

// Remembers explicit dates for the actors around each time expression, so that a sentence
// continuing the account ("Trump accused Putin ...", "He warned ...") keeps that day.
void RecordAccountTimes(const SentenceView& v, const std::vector<TimeExpr>& times,
                        const std::vector<uint32_t>& in_sentence, const std::vector<ActorMention>& actors,
                        const Sentence& s, uint32_t sentence, AccountTimes* acc) {
  for (uint32_t ti : in_sentence) {
    const TimeExpr& t = times[ti];
    if (!IsDateLike(t)) continue;
    const uint32_t at = TokenAt(v, t.start);
    const bool relative_anchor = t.text.size() > 5 && (t.text.ends_with("after") || t.text.ends_with("before"));
    for (uint32_t a : v.actors) {
      const uint32_t pos = v.mention_first[a];
      if (relative_anchor && pos < at) continue;  // "His remarks came a day after Trump said"
      if (Distance(pos, at) > 12) continue;
      acc->Set(actors[a], DateOf(t), sentence, s.paragraph);
    }
  }
}

std::optional<std::string_view> AccountDate(const AccountTimes& acc, const ActorMention& source,
                                            uint32_t sentence, uint32_t paragraph) {
  const AccountTimes::Entry* e = acc.Find(source);
  if (e == nullptr || sentence - e->sentence > 2 || paragraph - e->paragraph > 1) return std::nullopt;
  return e->date;
}

std::optional<EventLocation> LocationFor(const CodedDocument& cd, const SentenceView& v,
                                         const std::vector<uint32_t>& in_sentence, uint32_t anchor) {
  const Place* best = nullptr;
  uint32_t best_d = 12;
  for (uint32_t pi : in_sentence) {
    const Place& p = cd.places[pi];
    const uint32_t at = TokenAt(v, p.start);
    if (at == v.first) continue;
    const std::string_view prev = v.tok(at - 1).norm;
    if (prev != "in" && prev != "at" && prev != "near") continue;
    uint32_t d = Distance(at, anchor);
    if (d < best_d) best_d = d, best = &p;
  }
  if (best == nullptr) return std::nullopt;
  return EventLocation{best->name, best->country, best->lat, best->lon};
}

// The target of an event: an actor mention, or a country taken from the context.
struct TargetRef {
  std::string_view code, text;  // into the document's actors and places, or literals
  const char* why = "is the first actor after the phrase";
  bool self = false;  // the source may be that very country ("Algeria's leading activist")
};

// The event of candidate `c` from actor `src` to `t`, made where it is stored: converted to an
// Event inside emplace_back, so that each string is constructed once from its source, with no
// default construction, assignment or move.
struct EventParts {
  const CodedDocument& cd;
  const SentenceView& v;
  const Pattern& p;
  const Candidate& c;
  uint32_t src;
  const TargetRef& t;
  uint32_t sentence;
  std::optional<EventLocation> location;

  operator Event() && {  // NOLINT: the implicit conversion is what builds in place
    const ActorMention& s = cd.actors[src];
    const CameoCode* cameo = p.cameo;
    const Sentence& sent = cd.layer.sentences[sentence];
    const std::string_view text = cd.doc.text;
    const uint32_t vb = v.tok(c.match.anchor).start, ve = v.tok(c.match.end - 1).end;
    return Event{.source = s.code,
                 .target = std::string(t.code),
                 .code = p.code,
                 .root = std::string(p.code, 0, 2),
                 .plover = cameo != nullptr && cameo->plover != nullptr ? std::optional<std::string>(cameo->plover)
                                                                        : std::nullopt,
                 .quad_class = cameo != nullptr ? cameo->quad_class : 0,
                 .goldstein = cameo != nullptr ? cameo->goldstein : 0.0,
                 .date = c.date ? std::optional<std::string>(*c.date) : std::nullopt,
                 .location = std::move(location),
                 .sentence = sentence,
                 .mentions = 1,
                 .evidence = std::string(text.substr(sent.start, sent.end - sent.start)),
                 .source_text = s.text,
                 .target_text = std::string(t.text),
                 .verb_text = std::string(text.substr(vb, ve - vb)),
                 .pattern = p.id,
                 .modality = std::string(c.modality),
                 .explanation = {}};
  }
};

std::string Explain(const Pattern& p, const Event& e, const Candidate& c, bool passive, const char* target_why) {
  std::string why = "pattern " + p.id + " (" + p.where + ") matched \"" + e.verb_text + "\"; source \"" +
                    e.source_text + "\" ";
  why += p.speech ? "is the speaker" : passive ? "is the agent of a passive" :
         c.match.source_actor >= 0 ? "fills SRC" : "is the clause's subject";
  why += "; target \"" + e.target_text + "\" " + (c.match.target_actor >= 0 ? "fills TGT" : target_why);
  why += "; date " + e.date.value_or("unknown") + (c.date_explicit ? " from the clause's time expression" : "");
  why += "; modality " + e.modality;
  return why;
}

// Roots whose events gold coders give a place as target ("lifted a curfew in Montenegro",
// "suspended aid deliveries in Baghdad"): intents, material cooperation and material conflict.
// Talks and statements in a place are not about the place.
// The CAMEO root of a code: its first two digits.
std::string_view RootOf(std::string_view code) { return code.substr(0, 2); }

// Appeals (02x) and demands (10x) ask for an action; the action is part of them.
bool AsksForAction(std::string_view code) { return RootOf(code) == "02" || RootOf(code) == "10"; }

bool TakesPlaceTarget(std::string_view root) {
  return root == "03" || (root >= "06" && root <= "09") || (root >= "15" && root <= "20");
}

// Roots whose events are domestic when no target is named ("demonstrators rioted", "the
// prime minister will resign", "police arrested 12"): yield, protest, force posture, coercion.
// Reads the digits as characters: asked per candidate, where prefix and substring compares
// were out-of-line calls.
bool DomesticByDefault(std::string_view code) {
  if (code.size() < 2) return false;
  const char a = code[0], b = code[1], c = code.size() > 2 ? code[2] : '\0';
  if (a == '1' && b == '7' && c == '4') return false;  // deportations cross a border by definition
  if (code == "1231") return true;  // "declined to resign": a leader's refusal at home
  // "threatened to impose a curfew", "threatened to crack down": threats of domestic repression.
  if ((a == '1' && b == '3' && c == '2') || code == "137") return true;
  return (a == '0' && b == '8') || (a == '1' && (b == '4' || b == '5' || b == '7'));
}

// A place right after the event phrase, in its clause: "in Montenegro", "into southern Lebanon".
const Place* PlaceAfter(const CodedDocument& cd, const SentenceView& v, const std::vector<uint32_t>& places,
                        uint32_t match_end) {
  static constexpr std::string_view kInto[] = {"in", "into", "inside", "across", "throughout", "to", "from"};
  for (uint32_t pi : places) {
    const Place& place = cd.places[pi];
    const uint32_t at = TokenAt(v, place.start);
    if (at < match_end || at - match_end > 10) continue;
    bool clause_break = false;
    for (uint32_t t = match_end; t < at; ++t) {
      const std::string_view n = v.tok(t).norm;
      if (n == "," || n == ";" || n == ":" || n == "that" || n == "which" || n == "who") clause_break = true;
    }
    if (clause_break) continue;
    uint32_t p = at;  // skip "the", "southern", "central" ...
    for (int k = 0; k < 2 && p > match_end && NormAt(v, p - 1) != "in" && v.tok(p - 1).kind == TokenKind::kWord &&
                    std::find(std::begin(kInto), std::end(kInto), v.tok(p - 1).norm) == std::end(kInto);
         ++k)
      --p;
    if (p > v.first && std::find(std::begin(kInto), std::end(kInto), v.tok(p - 1).norm) != std::end(kInto))
      return &place;
  }
  return nullptr;
}

// True when the phrase at `anchor` is a verb's action. A noun ("during riots", "in protest",
// "Occupied Protest") is often background whose actor the sentence does not name, so its
// target is not guessed from context.
bool IsVerbalAction(const SentenceView& v, const Pattern& p, uint32_t anchor) {
  const std::string_view w = v.tok(anchor).norm;
  // A participle after a comma or "and" ("killing one and arresting 12") acts like a past form.
  const bool past = (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) || (w.size() > 5 && w.ends_with("ing"));
  const bool modal = w == "will" || w == "would" || w == "shall" || w == "must";
  if (!p.anchor_is_verb && !past && !modal) return false;
  if (anchor == v.first) return true;
  if (v.capitalized[anchor - v.first]) return false;  // "Capitol Hill Occupied Protests"
  static constexpr std::string_view kNotBeforeVerb[] = {
      "in",  "during", "after", "before", "of",  "for", "by",  "against", "amid", "following", "where",
      "the", "a",      "an",    "its",    "their", "his", "her", "our",   "'s",   "these",     "those"};
  const std::string_view prev = v.tok(anchor - 1).norm;
  // "led to protests": after "to" an infinitive has its base form; a plural is a noun.
  if (prev == "to" && w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') return false;
  return std::find(std::begin(kNotBeforeVerb), std::end(kNotBeforeVerb), prev) == std::end(kNotBeforeVerb);
}

// "Nigerians", "Kurds": a people named by the plural of its demonym, not the state.
bool IsPeopleMention(const ActorMention& m) {
  return !m.sector && m.text.size() > m.name.size() && m.text.back() == 's' && m.text.starts_with(m.name);
}

// "Albanians", "Kurds", "Israelis": one capitalised word in the plural, coded as a bare country.
// Country names that end in "s" end in -es, -as, -os, -us ("Philippines", "Bahamas", "Cyprus").
bool IsPeoplePlural(const ActorMention& m) {
  if (IsPeopleMention(m)) return true;
  const std::string& t = m.text;
  if (m.sector || t.size() < 4 || t.back() != 's' || t.find(' ') != std::string::npos || t[0] < 'A' || t[0] > 'Z')
    return false;
  const char before = t[t.size() - 2];
  return before != 'e' && before != 'a' && before != 'o' && before != 'u' && before != 's' && t != "Netherlands";
}

bool IsCountryCode(std::string_view c) {
  if (c.size() != 3) return false;
  // The three letters as one number, compared inline with each code that names no country.
  auto packed = [](char a, char b, char d) {
    return static_cast<uint32_t>(static_cast<unsigned char>(a)) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(b)) << 8 | static_cast<unsigned char>(d);
  };
  const uint32_t k = packed(c[0], c[1], c[2]);
  return k != packed('I', 'G', 'O') && k != packed('N', 'G', 'O') && k != packed('I', 'M', 'G') &&
         k != packed('I', 'S', 'M') && k != packed('M', 'N', 'C') && k != packed('-', '-', '-');
}

// The target of an event whose phrase names none, from its context: a place the action is
// directed at, else the source's own country for events that are domestic by default.
std::optional<TargetRef> ContextTarget(const CodedDocument& cd, const SentenceView& v,
                                       const std::vector<uint32_t>& places, const Pattern& p,
                                       const Candidate& c) {
  if (p.speech || p.reciprocal || c.source < 0) return std::nullopt;
  if (!IsVerbalAction(v, p, c.match.anchor)) return std::nullopt;
  const std::string_view root = RootOf(p.code);
  // A refusal of a material action ("refused to deploy peacekeepers in Iraq", 122x/124x) is
  // directed at the place of that action, as the action itself would be.
  const bool refused_action = p.code.starts_with("122") || p.code.starts_with("124");
  if (TakesPlaceTarget(root) || refused_action) {
    if (const Place* place = PlaceAfter(cd, v, places, c.match.end); place != nullptr && IsCountryCode(place->country))
      // "India imposed a curfew in Kashmir": a state's domestic action in its own territory.
      return TargetRef{place->country, place->text, "is the place the action is directed at",
                       DomesticByDefault(p.code) && place->country == cd.actors[static_cast<size_t>(c.source)].country};
  }
  const ActorMention& src = cd.actors[static_cast<size_t>(c.source)];
  if (DomesticByDefault(p.code) && IsCountryCode(src.country)) {
    // A possessor stands for someone of that country, whose domestic event it codes; so does
    // a people's plural name ("Thousands of Nigerians rallied").
    const uint32_t after = v.mention_end[static_cast<size_t>(c.source)];
    const bool possessor = after < v.end && NormAt(v, after) == "'s";
    return TargetRef{src.country, src.text, "is the source's own country (a domestic event)",
                     possessor || IsPeopleMention(src)};
  }
  return std::nullopt;
}

// True when the nominal anchor stands in a phrase of circumstance: "during a visit",
// "on his trip", "after talks" (up to three words of the noun phrase between).
bool InCircumstance(const SentenceView& v, const Pattern& p, uint32_t anchor) {
  static constexpr std::string_view kCircumstance[] = {"during", "on", "after", "before", "amid", "following", "ahead"};
  static constexpr std::string_view kSubjects[] = {"he", "she", "it", "they", "we", "i", "you"};
  if (p.speech) return false;
  for (uint32_t t = anchor, k = 0; t > v.first && k < 4; --t, ++k) {
    const std::string_view prev = v.tok(t - 1).norm;
    if (std::find(std::begin(kCircumstance), std::end(kCircumstance), prev) != std::end(kCircumstance)) return k > 0;
    // "a warning against travel to Kenya", "a ban on visits to": the object of another noun.
    if (k == 0 && (prev == "against" || prev == "of" || prev == "about" || prev == "for")) return true;
    // "on Monday visited", "after he flew to": a name or a pronoun is a clause's subject.
    if (v.tok(t - 1).kind != TokenKind::kWord || v.ActorCovering(t - 1) >= 0 || v.capitalized[t - 1 - v.first] ||
        std::find(std::begin(kSubjects), std::end(kSubjects), prev) != std::end(kSubjects))
      return false;
  }
  return false;
}

// The place that fills the pattern's TGT slot ("closed its embassy in Iran"), if any. A state's
// domestic action in its own territory is coded towards that country, as ContextTarget does.
// Otherwise a source of the place's own country acts at home ("flew to Moscow"): no target. A
// noun inside a phrase of circumstance ("during a visit to Lebanon") is background.
std::optional<TargetRef> SlotPlaceTarget(const CodedDocument& cd, const SentenceView& v, const Pattern& p,
                                         const Candidate& c) {
  if (c.match.target_place < 0 || c.source < 0 || InCircumstance(v, p, c.match.anchor)) return std::nullopt;
  const Place& place = cd.places[static_cast<size_t>(c.match.target_place)];
  const bool own = place.country == cd.actors[static_cast<size_t>(c.source)].country;
  if (own && !DomesticByDefault(p.code)) return std::nullopt;
  return TargetRef{place.country, place.text, "fills TGT (a place)", own};
}

// Drops matches whose anchor lies inside a more specific match.
void DropNested(const PatternSet& patterns, std::vector<PatternMatch>* matches) {
  if (matches->size() < 2) return;  // most sentences: nothing to compare
  std::vector<PatternMatch> kept;
  for (const auto& m : *matches) {
    bool inside = false;
    for (const auto& o : *matches) {
      if (&o == &m) continue;
      if (m.anchor <= o.anchor || m.anchor >= o.end) continue;
      // "ended mediation efforts between ...": an event noun inside a verb's phrase is that
      // verb's object, not an event of its own.
      const Pattern& outer = patterns.pattern(o.pattern);
      const Pattern& inner = patterns.pattern(m.pattern);
      if (outer.specificity >= inner.specificity || (outer.anchor_is_verb && !inner.anchor_is_verb)) inside = true;
    }
    if (!inside) kept.push_back(m);
  }
  *matches = std::move(kept);
}

// "A second round took place on April 10": an event told again without its actors takes
// them from the last event of the same root in the two sentences before.
void ContinueEvent(const CodedDocument& cd, const SentenceView& v, const std::vector<uint32_t>& times_here,
                   const Pattern& p, const PatternMatch& m, uint32_t si, bool explain, std::vector<Event>* out) {
  if (!v.actors.empty()) return;  // with actors of its own, the ordinary patterns apply
  std::vector<Event> again;
  uint32_t from_sentence = 0;
  for (auto it = out->rbegin(); it != out->rend(); ++it) {
    if (si - it->sentence > 2) break;
    if (it->root != RootOf(p.code)) continue;
    if (!again.empty() && it->sentence != from_sentence) break;
    from_sentence = it->sentence;
    Event e = *it;
    e.sentence = si;
    e.mentions = 1;
    const Sentence& sent = cd.layer.sentences[si];
    e.evidence = cd.doc.text.substr(sent.start, sent.end - sent.start);
    const uint32_t vb = v.tok(m.anchor).start, ve = v.tok(m.end - 1).end;
    e.verb_text = cd.doc.text.substr(vb, ve - vb);
    e.pattern = p.id;
    e.date = cd.doc.published;
    for (uint32_t ti : times_here) {
      if (IsDateLike(cd.times[ti])) e.date = DateOf(cd.times[ti]);
    }
    e.location = std::nullopt;
    if (explain) e.explanation = "pattern " + p.id + " (" + p.where + ") continues the event of sentence " +
                                 std::to_string(it->sentence) + ", whose actors it takes";
    again.push_back(std::move(e));
  }
  out->insert(out->end(), again.begin(), again.end());
}

// True when a clause boundary (punctuation or a conjunction) lies in tokens [from, to).
bool ClauseBreakBetween(const SentenceView& v, uint32_t from, uint32_t to) {
  static constexpr std::string_view kBreaks[] = {",", ";", ":", "and", "but", "or", "while", "as", "after",
                                                 "before", "when", "because", "which", "who", "that", "--"};
  for (uint32_t t = from; t < to; ++t) {
    if (std::find(std::begin(kBreaks), std::end(kBreaks), v.tok(t).norm) != std::end(kBreaks)) return true;
  }
  return false;
}

// "... a resolution that aims to tighten sanctions", "demanded that the US cancel plans to
// sell weapons": an infinitive governed by an earlier event phrase of the same sentence is
// part of that event, not an event of its own.
bool IsSubordinateInfinitive(const SentenceView& v, const std::vector<Candidate>& earlier, const PatternMatch& m) {
  uint32_t to = m.anchor;
  // "aims to tighten sanctions and impose a blockade": a verb coordinated with an infinitive
  // is governed by the same phrase.
  if (to > v.first + 1 && (NormAt(v, to - 1) == "and" || NormAt(v, to - 1) == "or")) {
    for (uint32_t t = to - 1, k = 0; t-- > v.first && k < 8; ++k) {
      const std::string_view n = v.tok(t).norm;
      if (n == "," || n == ";" || n == ":" || v.ActorCovering(t) >= 0) break;
      if (n == "to") {
        to = t + 1;
        break;
      }
    }
  }
  if (to == v.first || NormAt(v, to - 1) != "to") return false;
  for (const auto& c : earlier) {
    if (c.match.end > to) continue;
    if (to - c.match.anchor <= 12) return true;
    // "prevented the demonstration staged by students at ... on 15 October to protest": a
    // longer object, with no clause boundary before the infinitive, still governs it.
    if (to - c.match.anchor <= 24 && !ClauseBreakBetween(v, c.match.end, to)) return true;
  }
  return false;
}

// "began a hunger strike to protest against Sweden's decision": an infinitive of purpose that
// is part of an earlier event of the same root names the target that event left unnamed.
void LendTarget(const SentenceView& v, const PatternSet& patterns, const PatternMatch& m, std::vector<Candidate>* earlier) {
  if (m.target_actor < 0) return;
  for (auto it = earlier->rbegin(); it != earlier->rend(); ++it) {
    if (it->match.end > m.anchor) continue;
    if (it->source >= 0 && it->target < 0 &&
        RootOf(patterns.pattern(it->match.pattern).code) == RootOf(patterns.pattern(m.pattern).code))
      it->target = ClusterHead(v, static_cast<uint32_t>(m.target_actor));
    return;
  }
}

// "demanded that Israel ease restrictions", "called on X to", "urged that Y withdraw": the
// action a demand or an appeal asks for is part of that event, not an event of its own.
bool IsDemandedAction(const SentenceView& v, const Pattern& p, const std::vector<Candidate>& earlier,
                      const PatternSet& patterns, const PatternMatch& m) {
  if (p.speech) return false;
  for (const auto& c : earlier) {
    const std::string& code = patterns.pattern(c.match.pattern).code;
    if (!AsksForAction(code)) continue;
    if (c.match.end > m.anchor || m.anchor - c.match.end > 10) continue;
    for (uint32_t t = c.match.anchor; t < m.anchor; ++t) {  // the anchor itself may be "must"
      const std::string_view n = v.tok(t).norm;
      if (n == ";" || n == ":") break;
      if (n == "that" || n == "must" || n == "should") return true;
    }
  }
  return false;
}

// "the decision of sending troops", "accused Putin of holding talks": a gerund after "of"
// belongs to the noun before it; its actor is not the clause's subject.
bool IsGerundOfNoun(const SentenceView& v, const Pattern& p, const PatternMatch& m) {
  if (!p.anchor_is_verb || m.source_actor >= 0 || m.anchor <= v.first) return false;
  const std::string_view w = v.tok(m.anchor).norm;
  return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0 && NormAt(v, m.anchor - 1) == "of";
}

// "on the occupied West Bank", "a banned party": a participle after an article qualifies a
// noun; it tells no event.
bool IsAdjectivalParticiple(const SentenceView& v, const Pattern& p, const PatternMatch& m) {
  if (!p.anchor_is_verb || m.anchor <= v.first) return false;
  // Also after a preposition or a gerund: "the release of jailed reporters", "guarding
  // captured militants".
  static constexpr std::string_view kBefore[] = {"the", "a", "an", "of", "for", "about", "with", "against"};
  const std::string_view prev = v.tok(m.anchor - 1).norm;
  const bool gerund = prev.size() > 5 && prev.compare(prev.size() - 3, 3, "ing") == 0 && v.ActorCovering(m.anchor - 1) < 0;
  if (std::find(std::begin(kBefore), std::end(kBefore), prev) == std::end(kBefore) && !gerund) return false;
  const std::string_view w = v.tok(m.anchor).norm;
  return w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0;
}

// "people accused of crimes", "two Americans charged with spying": a participle of a verb that
// takes its object before "of"/"with" right after a noun is a reduced relative clause telling
// what someone else did to that noun; with no object before "of" it is not the active verb.
bool IsReducedRelative(const SentenceView& v, const PatternMatch& m) {
  static constexpr std::string_view kParticiples[] = {"accused", "suspected", "convicted", "charged", "indicted"};
  if (m.anchor <= v.first || m.anchor + 1 >= v.end) return false;
  const std::string_view w = v.tok(m.anchor).norm, next = v.tok(m.anchor + 1).norm;
  if (std::find(std::begin(kParticiples), std::end(kParticiples), w) == std::end(kParticiples)) return false;
  if (next != "of" && next != "with") return false;
  const Token& prev = v.tok(m.anchor - 1);
  static constexpr std::string_view kNotNoun[] = {"is", "are", "was", "were", "be", "been", "being", "has",
                                                  "have", "had", "also", "not", "never", "and", "who", "that"};
  return prev.kind == TokenKind::kWord &&
         std::find(std::begin(kNotNoun), std::end(kNotNoun), std::string_view(prev.norm)) == std::end(kNotNoun) &&
         !std::string_view(prev.norm).ends_with("ly");
}

// "saying he must resign", "X and Y must reach an agreement": what someone must or should do
// is asked for, not done; the demand is the event (10x, 02x), not the action.
bool IsOwedAction(const SentenceView& v, const Pattern& p, const PatternMatch& m) {
  if (p.speech || AsksForAction(p.code)) return false;
  for (uint32_t t = ClauseStart(v, m.anchor); t < m.anchor; ++t) {
    const std::string_view n = v.tok(t).norm;
    if (n == "must" || n == "should" || n == "ought") return true;
  }
  return false;
}

// Where an event of the sentence whose events start at out[first] goes: two phrases of one
// sentence with the same dyad and root ("staged a demonstration to protest", "criticized and
// accused") tell one event, and the more specific code is kept. Returns a new Event at the end
// of `out` (kNewEvent), or the index of the event it replaces, or kKeepEvent when an event
// already told stays. Decided before the event is built, so that nothing is built for nothing.
constexpr size_t kNewEvent = SIZE_MAX, kKeepEvent = SIZE_MAX - 1;
size_t EventSlot(const Pattern& p, std::string_view source, std::string_view target, uint32_t sentence,
                 size_t first, const std::vector<Event>& out) {
  const std::string_view root = RootOf(p.code);
  const char* plover = p.cameo != nullptr ? p.cameo->plover : nullptr;
  for (size_t i = first; i < out.size(); ++i) {
    const Event& o = out[i];
    if (o.sentence != sentence || o.source != source || o.target != target || o.root != root) continue;
    // "opened fire to disperse demonstrators, killing one and arresting 12": codes of one root
    // that PLOVER tells apart (ASSAULT, COERCE) are two events.
    if (plover == nullptr ? o.plover.has_value() : (!o.plover || *o.plover != plover)) continue;
    return p.code.size() <= o.code.size() ? kKeepEvent : i;
  }
  return kNewEvent;
}

// What the emission of one sentence's events needs.
struct SentenceScope {
  const CodedDocument& cd;
  const DocumentIndex& index;
  const SentenceView& v;
  const std::vector<SpeechFrame>& frames;
  uint32_t sentence;
  bool explain;
  size_t first_event;  // index in the output of the sentence's first event
  CoderScratch* scratch;  // buffers for the groups and pairs of one candidate
};

// "Chad and Sudan agreed to reopen their border": what a compound subject agrees to, its
// members agree on with each other.
bool AgreedAmong(const SentenceView& v, const PatternMatch& m) {
  return NormAt(v, m.anchor).starts_with("agree") && m.target_actor < 0;
}

// True when the target is named as a partner: "talks with (Ukrainian President) Zelensky".
bool WithPartner(const SentenceView& v, uint32_t target) {
  for (uint32_t t = v.mention_first[target], k = 0; t > v.first && k < 6; --t, ++k) {
    const Token& prev = v.tok(t - 1);
    if (std::string_view(prev.norm) == "with") return true;
    if (prev.kind != TokenKind::kWord) return false;
  }
  return false;
}

// The (source, target) actor pairs of a candidate: compound sources and targets expand to
// every pair; reciprocal patterns go both ways.
// `targets` is a buffer for the target's group.
void ActorPairs(const SentenceView& v, const Pattern& p, const Candidate& c, const std::vector<uint32_t>& sources,
                std::vector<uint32_t>* targets, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  std::vector<std::pair<uint32_t, uint32_t>>& pairs = *out;
  pairs.clear();
  if ((p.reciprocal || c.among || AgreedAmong(v, c.match)) && sources.size() > 1 && (c.match.target_actor < 0 || c.target < 0)) {
    for (uint32_t a : sources)
      for (uint32_t b : sources)
        if (a != b) pairs.emplace_back(a, b);
  } else if (c.target >= 0) {
    if (c.target_group.empty()) ActorGroup(v, static_cast<uint32_t>(c.target), targets);
    const std::vector<uint32_t>& group = c.target_group.empty() ? *targets : c.target_group;
    for (uint32_t a : sources) {
      for (uint32_t b : group) {
        // "met with Y" is coded from the subject only, as news coders do; a compound
        // subject ("Lavrov and Rubio held talks") is what runs both ways, and so does a
        // negotiation (046), which takes two sides: "X held talks with Y" is Y's too.
        pairs.emplace_back(a, b);
        if (p.code == "046" && WithPartner(v, static_cast<uint32_t>(c.target))) pairs.emplace_back(b, a);
      }
    }
  }
}

// Emits the events of one candidate: one per actor pair, else towards a target from context.
void EmitCandidate(const SentenceScope& scope, const Pattern& p, Candidate* c, std::vector<Event>* out) {
  const CodedDocument& cd = scope.cd;
  const SentenceView& v = scope.v;
  std::vector<uint32_t>& sources = scope.scratch->sources;
  if (c->source_group.empty()) ActorGroup(v, static_cast<uint32_t>(c->source), &sources);
  else sources = c->source_group;
  std::vector<std::pair<uint32_t, uint32_t>>& pairs = scope.scratch->pairs;
  ActorPairs(v, p, *c, sources, &scope.scratch->targets, &pairs);
  std::optional<TargetRef> context;
  if (pairs.empty() && c->target < 0) context = SlotPlaceTarget(cd, v, p, *c);
  if (pairs.empty() && c->target < 0 && !context && !c->no_target) context = ContextTarget(cd, v, scope.index.places[scope.sentence], p, *c);
  if (pairs.empty() && !context && c->untargeted && c->target < 0) context = TargetRef{"", "", "no target: the clause names none"};
  if (pairs.empty() && !context) return;
  c->modality = Modality(v, p, scope.frames, cd.actors, *c);
  auto emit = [&](uint32_t a, const TargetRef& target) {
    const size_t slot = EventSlot(p, cd.actors[a].code, target.code, scope.sentence, scope.first_event, *out);
    if (slot == kKeepEvent) return;
    EventParts parts{cd, v, p, *c, a, target, scope.sentence,
                     LocationFor(cd, v, scope.index.places[scope.sentence], c->match.anchor)};
    Event* e = slot == kNewEvent ? &out->emplace_back(std::move(parts)) : &((*out)[slot] = std::move(parts));
    if (scope.explain) {
      const bool passive = !p.speech && IsPassive(v, c->match.anchor, c->match.end);
      e->explanation = Explain(p, *e, *c, passive, target.why);
    }
  };
  bool linked = false;
  for (auto [a, b] : pairs) {
    if (!DistinctActors(cd.actors[a], cd.actors[b])) continue;
    linked = true;
    emit(a, TargetRef{cd.actors[b].code, cd.actors[b].text});
  }
  // "Algeria's activist ... protest against Algerian security forces": a domestic event whose
  // target is of the source's own country is coded towards that country.
  const ActorMention& src = cd.actors[static_cast<size_t>(c->source)];
  if (!context && !linked && !pairs.empty() && DomesticByDefault(p.code) && IsCountryCode(src.country) &&
      IsVerbalAction(v, p, c->match.anchor))
    context = TargetRef{src.country, cd.actors[pairs[0].second].text, "is of the source's own country (a domestic event)", true};
  if (!context) return;
  for (uint32_t a : sources) {
    if (cd.actors[a].code == context->code && !context->self) continue;  // a country is not its own target
    emit(a, *context);
  }
}

// ---- Clause hints (code/clause_hints.h): roles from a parse, for callers that have one ----

// The first actor of the sentence whose mention starts inside `span`, or -1. A possessive
// pronoun before a noun ("their resumption of ties") qualifies the noun: it is passed over.
int32_t ActorIn(const SentenceView& v, TokenSpan span) {
  for (uint32_t a : v.actors)
    if (v.mention_first[a] >= span.begin && v.mention_first[a] < span.end && !IsPossessivePronounBeforeNoun(v, a))
      return static_cast<int32_t>(a);
  return -1;
}

// Every actor of a coordinated span ("Evil Mordor, the awful Fornost, and good Gondor"; a
// mention may reach out of it: "the ambassadors of | Arnor, Osgiliath and Gondor"); empty for
// a span that is no coordination.
std::vector<uint32_t> MembersOf(const SentenceView& v, TokenSpan span) {
  std::vector<uint32_t> out;
  if (!span.coordinated) return out;
  for (uint32_t a : v.actors)
    if (v.mention_end[a] > span.begin && v.mention_first[a] < span.end && !IsPossessivePronounBeforeNoun(v, a))
      out.push_back(a);
  if (out.size() < 2) out.clear();
  return out;
}

// The actor a noun phrase of the parse names: its first actor, or the mention right after it
// when that adds roles to the same code (a name's bare BRE, then a role's BREGOV: the role's),
// and the group it stands for: all members of a coordination, else itself alone (the parse
// has drawn the phrase's bounds).
int32_t HeadIn(const SentenceView& v, const ClauseHints& hints, const std::vector<ActorMention>& actors,
               TokenSpan span, std::vector<uint32_t>* group) {
  int32_t head = ActorIn(v, span);
  if (head < 0) return head;
  *group = MembersOf(v, span);
  // "a resumption of ties with Gondor and Osgiliath": the coordination inside the phrase.
  const uint32_t first = v.mention_first[static_cast<size_t>(head)], end = v.mention_end[static_cast<size_t>(head)];
  for (const TokenSpan& c : hints.coordinations)
    if (group->empty() && span.Contains(c.begin, c.end) && end > c.begin && first < c.end) *group = MembersOf(v, c);
  if (!group->empty()) return head;
  for (uint32_t a : v.actors) {
    if (v.mention_first[a] != v.mention_end[static_cast<size_t>(head)] || v.mention_end[a] > span.end) continue;
    const std::string& best = actors[static_cast<size_t>(head)].code;
    const std::string& code = actors[a].code;
    if (code.size() > best.size() && code.compare(0, best.size(), best) == 0) head = static_cast<int32_t>(a);
  }
  group->push_back(static_cast<uint32_t>(head));
  return head;
}

// The subject of the innermost clause that names an actor. A subordinate clause that starts
// at or before the pattern's first word (`reach`) ends the search, unless a subject was passed
// over: the one the pattern's TGT took (`taken`), or a lone pronoun that refers up.
int32_t HintedSubject(const SentenceView& v, const VerbHint& h, uint32_t reach, int32_t taken, TokenSpan* span) {
  bool skipped = false;
  for (const ClauseStep& s : h.clauses) {
    if (s.subordinate) {
      if (!skipped && s.clause_begin <= reach) return -1;
      continue;
    }
    if (taken >= 0 && s.subject.Contains(v.mention_first[static_cast<size_t>(taken)], v.mention_end[static_cast<size_t>(taken)])) {
      skipped = true;
      continue;
    }
    if (const int32_t a = ActorIn(v, s.subject); a >= 0) {
      *span = s.subject;
      return a;
    }
    skipped = skipped || s.pronoun;
  }
  return -1;
}

// The first noun phrase of the verb's phrase after `after` (outside the subject) that names an actor.
int32_t HintedObject(const SentenceView& v, const VerbHint& h, uint32_t after, TokenSpan subject, TokenSpan* span) {
  for (const TokenSpan& o : h.objects) {
    if (o.begin < after || subject.Contains(o.begin, o.end)) continue;
    if (const int32_t a = ActorIn(v, o); a >= 0) {
      *span = o;
      return a;
    }
  }
  return -1;
}

// Roles from the parse: a passive's "by" agent acts on the clause's subject; otherwise the
// subject acts on the first object after the verb. SRC and TGT slots of the pattern win.
void ApplyClauseHints(const SentenceView& v, const Pattern& p, const ClauseHints& hints,
                      const std::vector<ActorMention>& actors, Candidate* c) {
  const PatternMatch& m = c->match;
  const VerbHint* h = hints.ForVerb(m.anchor);
  if (h == nullptr || p.speech) return;
  int32_t source = m.source_actor, target = m.target_actor;
  TokenSpan subject, object;
  // A compound slot (CMP) after the verb is its object; before it, the compound acts within itself.
  const bool compound_before = m.compound_actor >= 0 && v.mention_first[static_cast<size_t>(m.compound_actor)] < m.anchor;
  if (m.compound_actor >= 0 && !compound_before && target < 0) target = m.compound_actor;
  if (source < 0 && target < 0 && !h->passive_agent.empty()) {
    source = HeadIn(v, hints, actors, h->passive_agent, &c->source_group);
    if (HintedSubject(v, *h, m.begin, -1, &subject) >= 0) target = HeadIn(v, hints, actors, subject, &c->target_group);
  }
  if (source < 0 && HintedSubject(v, *h, m.begin, target, &subject) >= 0)
    source = HeadIn(v, hints, actors, subject, &c->source_group);
  if (target < 0 && HintedObject(v, *h, std::max(m.verb_end, m.anchor + 1), subject, &object) >= 0)
    target = HeadIn(v, hints, actors, object, &c->target_group);
  c->source = source;
  c->untargeted = !hints.require_dyad;
  c->target = target == source ? -1 : target;
  if (c->target < 0) c->target_group.clear();
  // "Gondor and Osgiliath renewed ties" with a paired code ("064:064"): each member acts on the others.
  const bool paired = p.code.find(':') != std::string::npos;
  if (c->source_group.size() > 1 && (compound_before || (paired && c->target < 0))) {
    c->among = true;
    c->target = -1;
    c->target_group.clear();
  }
}

// "is said to be about to restore ...", "abandoned efforts to stop ...": a verb inside the
// phrase of another verb that codes an event is part of that event; its own candidate goes.
void DropGovernedByHints(const ClauseHints& hints, std::vector<Candidate>* cands) {
  std::vector<uint32_t> coded;
  for (const auto& c : *cands)
    if (c.source >= 0) coded.push_back(c.match.anchor);
  std::erase_if(*cands, [&](const Candidate& c) {
    for (uint32_t verb : coded) {
      const VerbHint* h = hints.ForVerb(verb);
      if (h != nullptr && verb < c.match.anchor && c.match.anchor < h->phrase_end) return true;
    }
    return false;
  });
}

// The places of the sentence a pattern's TGT slot may take, into `scratch`: those with a
// country code, countries and towns ("closed its embassy in Iran", "a visit to Washington":
// news coders code a visit to a capital as one to its country). Left empty when there are none.
void PlaceSpans(const CodedDocument& cd, const SentenceView& v, const std::vector<uint32_t>& places,
                CoderScratch* scratch) {
  scratch->place_at.clear();
  scratch->place_end.clear();
  for (uint32_t pi : places) {
    const Place& place = cd.places[pi];
    if (!IsCountryCode(place.country) || place.end <= place.start) continue;
    if (scratch->place_at.empty()) {
      scratch->place_at.assign(v.end - v.first, -1);
      scratch->place_end.assign(v.end - v.first, 0);
    }
    const uint32_t at = TokenAt(v, place.start);
    if (scratch->place_at[at - v.first] >= 0) continue;
    scratch->place_at[at - v.first] = static_cast<int32_t>(pi);
    scratch->place_end[at - v.first] = TokenAt(v, place.end - 1) + 1;
  }
}

// `scratch` holds the sentence's view and buffers, reused from sentence to sentence. `hints`:
// clause hints from a parse, or null.
void CodeSentence(const CodedDocument& cd, const DocumentIndex& index, const PatternSet& patterns,
                  bool explain, uint32_t si, AccountTimes* acc, CoderScratch* scratch, std::vector<Event>* out,
                  const ClauseHints* hints = nullptr) {
  const Sentence& s = cd.layer.sentences[si];
  const size_t first_event = out->size();
  SentenceView* view = &scratch->view;
  FillSentenceActors(cd.doc.text, cd.layer, si, index, view);
  const SentenceView& v = *view;
  ActorSpans spans;
  spans.starts_at = v.actor_at;
  spans.end_token = v.mention_end;
  spans.text = cd.doc.text;  // capitals read where asked (v.capitalized comes with the word classes)
  PlaceSpans(cd, v, index.places[si], scratch);
  spans.place_at = scratch->place_at;
  spans.place_end = scratch->place_end;
  if (hints != nullptr && s.end_token <= hints->phrase_end.size()) {
    spans.phrase_end = std::span<const uint32_t>(hints->phrase_end).subspan(s.first_token, s.end_token - s.first_token);
    spans.noun_phrases = hints->noun_phrases;
  }
  std::vector<PatternMatch>& matches = scratch->matches;
  patterns.Match(cd.layer.tokens, s, spans, &matches);
  // "riot police", "U.S. military aid to Ukraine": a match anchored inside an actor's name is
  // no event, and must not hide the real one around it, so it goes before nesting is judged.
  std::erase_if(matches, [&](const PatternMatch& m) { return v.ActorCovering(m.anchor) >= 0; });
  DropNested(patterns, &matches);
  // The word classes and speech frames serve only the candidates of matches: most sentences
  // have none.
  std::vector<SpeechFrame>& frames = scratch->frames;
  frames.clear();
  if (!matches.empty()) {
    FillSentenceWords(view);
    FindSpeechFrames(v, &frames);
  }
  std::vector<Candidate>& cands = scratch->buffers->candidates;
  cands.clear();
  std::vector<bool>& objects = scratch->objects;  // objects of earlier event phrases
  std::vector<bool>& objects_after = scratch->objects_after;  // those that follow their phrase
  if (!matches.empty()) {  // the flags serve only the candidates of matches
    objects.assign(cd.actors.size(), false);
    objects_after.assign(cd.actors.size(), false);
  }
  for (const auto& m : matches) {
    if (patterns.pattern(m.pattern).continues) {
      ContinueEvent(cd, v, index.times[si], patterns.pattern(m.pattern), m, si, explain, out);
      continue;
    }
    if (IsSubordinateInfinitive(v, cands, m)) {
      LendTarget(v, patterns, m, &cands);
      continue;
    }
    if (IsDemandedAction(v, patterns.pattern(m.pattern), cands, patterns, m)) continue;
    if (IsGerundOfNoun(v, patterns.pattern(m.pattern), m)) continue;
    if (IsAdjectivalParticiple(v, patterns.pattern(m.pattern), m)) continue;
    if (IsOwedAction(v, patterns.pattern(m.pattern), m)) continue;
    if (IsReducedRelative(v, m)) continue;
    // "releasing his tax returns", "an offensive in its war": a possessive pronoun in the
    // target's slot qualifies the noun after it; the owner is not what the action is done to.
    if (m.target_actor >= 0 && IsPossessivePronounBeforeNoun(v, static_cast<uint32_t>(m.target_actor)))
      continue;
    Candidate c;
    c.match = m;
    AssignRoles(v, patterns.pattern(m.pattern), frames, cd.actors, objects, objects_after, &c);
    if (hints != nullptr) ApplyClauseHints(v, patterns.pattern(m.pattern), *hints, cd.actors, &c);
    if (c.target >= 0) {
      const bool after = v.mention_first[static_cast<size_t>(c.target)] > m.anchor;
      ActorGroup(v, static_cast<uint32_t>(c.target), &scratch->group);
      for (uint32_t a : scratch->group) {
        objects[a] = true;
        objects_after[a] = objects_after[a] || after;
      }
    }
    if (c.source < 0 && !patterns.pattern(m.pattern).reciprocal) continue;
    cands.push_back(std::move(c));
  }
  if (hints != nullptr) DropGovernedByHints(*hints, &cands);
  AssignExplicitDates(v, cd.times, index.times[si], &cands);
  RecordAccountTimes(v, cd.times, index.times[si], cd.actors, s, si, acc);
  const SentenceScope scope{cd, index, v, frames, si, explain, first_event, scratch};
  for (auto& c : cands) {
    if (c.source < 0) continue;
    const Pattern& p = patterns.pattern(c.match.pattern);
    if (!c.date) c.date = AccountDate(*acc, cd.actors[static_cast<size_t>(c.source)], si, s.paragraph);
    if (!c.date && cd.doc.published) c.date = *cd.doc.published;
    EmitCandidate(scope, p, &c, out);
  }
}

// The same event (source, target, code, date) stated again is one event with more mentions.
// A document has few events: each is compared with those kept, by a hash of its key first
// (no key strings are built).
std::string_view DateKey(const Event& e) { return e.date ? std::string_view(*e.date) : std::string_view(); }

uint64_t EventKeyHash(const Event& e) {
  uint64_t h = WordKey(e.source);
  for (std::string_view part : {std::string_view(e.target), std::string_view(e.code), DateKey(e)})
    h = h * 0x9E3779B97F4A7C15ull ^ WordKey(part);
  return h;
}

bool SameEvent(const Event& a, const Event& b) {
  return a.source == b.source && a.target == b.target && a.code == b.code && DateKey(a) == DateKey(b);
}

// Compacts `events` in place (the first statement is kept, in order).
void Deduplicate(std::vector<Event>* events) {
  if (events->size() < 2) return;
  std::vector<uint64_t> keys;  // of the events kept, events[0, kept)
  keys.reserve(events->size());
  size_t kept = 0;
  for (size_t n = 0; n < events->size(); ++n) {
    Event& e = (*events)[n];
    const uint64_t key = EventKeyHash(e);
    size_t i = 0;
    while (i < kept && (keys[i] != key || !SameEvent((*events)[i], e))) ++i;
    if (i < kept) {
      ++(*events)[i].mentions;
      continue;
    }
    keys.push_back(key);
    if (kept != n) (*events)[kept] = std::move(e);
    ++kept;
  }
  events->erase(events->begin() + static_cast<std::ptrdiff_t>(kept), events->end());
}

}  // namespace

std::vector<Event> CodeEvents(const CodedDocument& cd, const PatternSet& patterns, bool explain) {
  return CodeEvents(cd, patterns, explain, nullptr);
}

std::vector<Event> CodeEvents(const CodedDocument& cd, const PatternSet& patterns, bool explain,
                              const ClauseHints* hints) {
  CoderScratch scratch;
  return CodeEvents(cd, patterns, explain, hints, &scratch);
}

std::vector<Event> CodeEvents(const CodedDocument& cd, const PatternSet& patterns, bool explain,
                              const ClauseHints* hints, CoderScratch* scratch) {
  std::vector<Event> events;
  if (cd.actors.empty() || patterns.size() == 0) return events;
  if (!scratch->buffers) scratch->buffers = std::make_unique<CoderBuffers>();
  AccountTimes& acc = scratch->buffers->account;
  acc.by_entity.clear();
  IndexDocument(cd, &scratch->index);
  const DocumentIndex& index = scratch->index;
  for (uint32_t si = 0; si < cd.layer.sentences.size(); ++si) {
    CodeSentence(cd, index, patterns, explain, si, &acc, scratch, &events, hints);
  }
  Deduplicate(&events);
  return events;
}

}  // namespace parley::code
