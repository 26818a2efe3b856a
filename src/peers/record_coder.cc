#include "peers/record_coder.h"

#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "code/coder.h"
#include "extract/actors/actors.h"
#include "peers/clause_hints_from_parse.h"
#include "peers/convert.h"
#include "peers/penn_tree.h"
#include "util/ascii.h"

namespace parley::peers {
namespace {

namespace fs = std::filesystem;

// "CEBU CITY: -- ...": a wire-service dateline left in the sentence.
bool HasDateline(const std::string& t) {
  const size_t colon = t.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 40) return false;
  int letters = 0;
  for (size_t k = 0; k < colon; ++k) {
    const unsigned char c = static_cast<unsigned char>(t[k]);
    if (std::islower(c)) return false;
    if (std::isalpha(c)) ++letters;
  }
  return letters >= 2;
}

std::vector<std::string> ShallowWords(const std::string& text) {
  std::vector<std::string> parts;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    if (cur.size() > 2 && cur.ends_with("'s")) parts.push_back(cur.substr(0, cur.size() - 2)), parts.push_back("'s");
    else parts.push_back(cur);
    cur.clear();
  };
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) flush();
    else if (c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')') flush(), parts.push_back(std::string(1, c));
    else cur += c;
  }
  flush();
  return parts;
}

std::string ShallowLeaf(const std::string& w) {
  if (w == "," || w == "." || w == ";" || w == ":") return "(" + w + " " + w + ")";
  if (w == "(" || w == ")") return std::string(w == "(" ? "(-LRB- -LRB-)" : "(-RRB- -RRB-)");
  const std::string u = util::UpperAscii(w);
  return std::string(u == "AND" || u == "OR" || u == "NOR" ? "(CC " : u == "'S" ? "(POS " : "(NN ") + w + ")";
}

// TABARI's records carry no parse: a shallow one, as TABARI itself reads a sentence. The
// words before the first verb of the dictionary are the subject phrase, the words after it
// the object phrase ("and", "or", "nor" and commas still separate compounds).
std::string ShallowParse(const std::string& text, const code::PatternSet& patterns) {
  const std::vector<std::string> parts = ShallowWords(text);
  size_t verb = parts.size();
  for (size_t i = 0; i < parts.size() && verb == parts.size(); ++i) {
    std::string lower = parts[i];
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (patterns.IsAnchor(lower)) verb = i;
  }
  std::string out = "(ROOT (S (NP";
  for (size_t i = 0; i < std::min(verb, parts.size()); ++i) out += " " + ShallowLeaf(parts[i]);
  out += ")";
  if (verb < parts.size()) {
    out += " (VP (VBD " + parts[verb] + ") (NP";
    for (size_t i = verb + 1; i < parts.size(); ++i) out += " " + ShallowLeaf(parts[i]);
    out += "))";
  }
  return out + "))";
}

// The peers' null actor code `---` (a name known to stand for no state, or for none over some
// dates) is not a code parley's dictionaries accept: it goes in as XXX, the code travel
// documents use for an unspecified nationality (ICAO 9303), and comes back out as `---`.
constexpr std::string_view kNullCode = "---", kNullStandIn = "XXX";

std::string Swap(const std::string& code, std::string_view from, std::string_view to) {
  return code.compare(0, from.size(), from) == 0 ? std::string(to) + code.substr(from.size()) : code;
}

PeerDictionary WithNullStandIns(const PeerDictionary& dict) {
  PeerDictionary d;
  d.actors = dict.actors;
  d.agents = dict.agents;
  for (PeerActor& a : d.actors) {
    a.code = Swap(a.code, kNullCode, kNullStandIn);
    for (PeerDatedCode& c : a.dated) c.code = Swap(c.code, kNullCode, kNullStandIn);
  }
  return d;
}

void SortByStart(CodedDocument* cd);

// The peers code every dictionary phrase as an actor wherever it stands; parley's recogniser
// reads a country after "in", "at" or "into" as a place. For the peers' records, such a place
// is the country's actor again ("closure of guest houses in Bree": BRE).
void PlacesAsActors(CodedDocument* cd) {
  for (const Place& p : cd->places) {
    if (p.country.size() != 3) continue;
    ActorMention m;
    m.text = p.text;
    m.start = p.start;
    m.end = p.end;
    m.sentence = p.sentence;
    m.code = p.country;
    m.country = p.country;
    m.name = p.name;
    cd->actors.push_back(std::move(m));
  }
  cd->places.clear();
  SortByStart(cd);
}

// Back in text order; references back keep pointing at the same mentions.
void SortByStart(CodedDocument* cd) {
  std::vector<uint32_t> order(cd->actors.size()), moved_to(cd->actors.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return cd->actors[a].start < cd->actors[b].start; });
  std::vector<ActorMention> sorted;
  for (uint32_t i = 0; i < order.size(); ++i) moved_to[order[i]] = i, sorted.push_back(std::move(cd->actors[order[i]]));
  for (ActorMention& m : sorted)
    if (m.antecedent) m.antecedent = moved_to[*m.antecedent];
  cd->actors = std::move(sorted);
}

// The role codes of the agents named in tokens [begin, end) ("soldiers": MIL), in order.
std::vector<std::string> AgentRoles(const lexicon::Lexicon& lex, const std::string& text, const TextLayer& layer,
                                    uint32_t begin, uint32_t end) {
  std::vector<std::string> roles;
  std::vector<lexicon::Hit> hits;
  for (uint32_t i = begin; i < end; ++i) {
    hits.clear();
    lex.Lookup(text, layer.tokens, i, end, &hits);
    for (const lexicon::Hit& h : hits)
      if (lex.entry(h.entry).kind == lexicon::Kind::kAgent) {
        roles.push_back(lex.entry(h.entry).code);
        i = h.end - 1;
        break;
      }
  }
  return roles;
}

// "GON" with "MIL" is GONMIL; a role already in the code ("HGWGOVMED" and "GOV") adds nothing.
std::string WithRoles(std::string code, const std::vector<std::string>& roles) {
  for (const std::string& r : roles)
    for (size_t i = 0; i + 3 <= r.size(); i += 3) {
      bool have = false;
      for (size_t k = 3; k + 3 <= code.size() && !have; k += 3) have = code.compare(k, 3, r, i, 3) == 0;
      if (!have) code += r.substr(i, 3);
    }
  return code;
}

// The peers code a noun phrase as a whole: "(NP (NP Soldiers) (PP from (NP Gondor)))", "the
// ambassadors of Arnor, Osgiliath and Gondor", "Lawmakers in Fornost and Gondor": a head
// that names agents but no actor gives its roles to every actor of the phrase after it.
void ComposeHeadWithPhrase(const PennTree& tree, const ParsedSentence& ps, const lexicon::Lexicon& lex,
                           const std::string& text, CodedDocument* cd) {
  for (const TreeNode& n : tree.nodes) {
    if (n.label != "NP" || n.children.size() < 2) continue;
    const TreeNode& head = tree.node(n.children[0]);
    const TreeNode& pp = tree.node(n.children[1]);
    if (head.label != "NP" || pp.label != "PP") continue;
    const uint32_t hb = ps.leaf_token[head.first_leaf], he = ps.leaf_token[head.end_leaf];
    const uint32_t pb = ps.leaf_token[pp.first_leaf], pe = ps.leaf_token[pp.end_leaf];
    if (hb >= he || pb >= pe) continue;  // brackets with no words
    const auto& toks = cd->layer.tokens;
    bool head_actor = false;
    for (const ActorMention& m : cd->actors) head_actor = head_actor || (m.start >= toks[hb].start && m.end <= toks[he - 1].end);
    if (head_actor) continue;
    const std::vector<std::string> roles = AgentRoles(lex, text, cd->layer, hb, he);
    if (roles.empty()) continue;
    for (ActorMention& m : cd->actors) {
      if (m.start < toks[pb].start || m.end > toks[pe - 1].end) continue;
      m.code = WithRoles(m.code, roles);
      if (m.code.size() >= 6) m.sector = m.code.substr(3, 3);
    }
  }
}

bool IsClause(const std::string& l) { return l == "S" || l == "SBAR" || l == "VP" || l == "SINV" || l == "SQ" || l == "PP"; }

// The tokens of node `n` outside its clauses and prepositional phrases.
void FlatTokens(const PennTree& tree, const ParsedSentence& ps, uint32_t n, bool top, std::vector<bool>* keep) {
  const TreeNode& node = tree.node(n);
  if (!top && IsClause(node.label)) return;
  if (node.children.empty()) {
    if (node.end_leaf == node.first_leaf) return;  // "(NP)": a bracket with no word
    for (uint32_t t = ps.leaf_token[node.first_leaf]; t < ps.leaf_token[node.first_leaf + 1]; ++t) (*keep)[t] = true;
    return;
  }
  for (uint32_t c : node.children) FlatTokens(tree, ps, c, false, keep);
}

// The peers code a noun phrase from its first actor and every agent in it ("Ithilen's awful
// and evil minister Calimehtar": ITHGOV): agents parley's recogniser left uncombined (words
// between them and the actor) join the phrase's first actor. Coordinations are left alone.
void ComposeAgentsInPhrase(const PennTree& tree, const ParsedSentence& ps, const lexicon::Lexicon& lex,
                           const std::vector<std::string>& prefix_roles, CodedDocument* cd) {
  const auto& toks = cd->layer.tokens;
  std::vector<bool> keep, covered(toks.size(), false);
  for (const ActorMention& m : cd->actors)
    for (uint32_t t = 0; t < toks.size(); ++t) covered[t] = covered[t] || (toks[t].start >= m.start && toks[t].end <= m.end);
  for (uint32_t n = 0; n < tree.nodes.size(); ++n) {
    const TreeNode& node = tree.node(n);
    if (node.label != "NP" || ps.hints.coordinations.end() != std::find_if(ps.hints.coordinations.begin(), ps.hints.coordinations.end(),
        [&](const code::TokenSpan& c) { return c.begin == ps.leaf_token[node.first_leaf] && c.end == ps.leaf_token[node.end_leaf]; }))
      continue;
    keep.assign(toks.size(), false);
    FlatTokens(tree, ps, n, true, &keep);
    ActorMention* first = nullptr;
    for (ActorMention& m : cd->actors)
      for (uint32_t t = 0; t < toks.size() && first == nullptr; ++t)
        if (keep[t] && toks[t].start == m.start) first = &m;
    if (first == nullptr) continue;
    std::vector<std::string> roles;
    for (uint32_t t = ps.leaf_token[node.first_leaf]; t < ps.leaf_token[node.end_leaf]; ++t) {
      if (!keep[t] || covered[t]) continue;
      uint32_t end = t;
      while (end < toks.size() && keep[end] && !covered[end]) ++end;
      for (std::string& r : AgentRoles(lex, cd->doc.text, cd->layer, t, end)) roles.push_back(std::move(r));
      t = end;
    }
    for (const std::string& r : roles) {
      const bool prefix = std::find(prefix_roles.begin(), prefix_roles.end(), r) != prefix_roles.end();
      if (prefix && first->code.compare(0, r.size(), r) != 0) first->code = r + first->code;
      if (!prefix) first->code = WithRoles(first->code, {r});
    }
  }
}

bool HasConjunct(const PennTree& tree, uint32_t n) {
  for (uint32_t c : tree.node(n).children)
    if (tree.node(c).label == "CC" || tree.node(c).label == ",") return true;
  return false;
}

// The noun phrase an agent at leaf `leaf` stands in for: up through noun phrases until a
// coordination (its members stand alone) or the top of the noun phrase. `flat`: the agent is a
// bare conjunct of it ("(NP Clerics and lawmakers)"), an actor of its own.
uint32_t AgentPhrase(const PennTree& tree, uint32_t leaf, bool* flat) {
  uint32_t n = tree.node(tree.leaves[leaf]).parent < 0 ? tree.leaves[leaf] : static_cast<uint32_t>(tree.node(tree.leaves[leaf]).parent);
  *flat = HasConjunct(tree, n);
  if (*flat) return n;
  for (int32_t p = tree.node(n).parent; p >= 0; p = tree.node(n).parent) {
    const uint32_t up = static_cast<uint32_t>(p);
    if (tree.node(up).label != "NP" || HasConjunct(tree, up)) break;
    n = up;
  }
  return n;
}

// The code a bare conjunct takes from the first of `cd`'s first `n` actors that starts in
// [begin, before), without the role of its head noun ("Danish Islamist media" DNKMUSMED:
// DNKMUS), else the null stand-in.
std::string CodeBefore(const CodedDocument& cd, const lexicon::Lexicon& lex, size_t n, uint32_t begin, uint32_t before) {
  const auto& toks = cd.layer.tokens;
  for (size_t i = 0; i < n; ++i) {
    const ActorMention& m = cd.actors[i];
    if (m.start < begin || m.start >= before || m.country.size() != 3) continue;
    std::string code = m.code;
    std::vector<lexicon::Hit> hits;
    for (uint32_t k = 0; k < toks.size(); ++k) {
      if (toks[k].start < m.start || toks[k].end > m.end) continue;
      hits.clear();
      lex.Lookup(cd.doc.text, toks, k, static_cast<uint32_t>(toks.size()), &hits);
      for (const lexicon::Hit& h : hits) {
        const std::string& role = lex.entry(h.entry).code;
        if (h.kind == lexicon::Kind::kAgent && toks[h.end - 1].end == m.end && code.size() >= 3 + role.size() &&
            code.ends_with(role))
          return code.substr(0, code.size() - role.size());
      }
    }
    return code;
  }
  return std::string(kNullStandIn);
}

// The actor of `cd`'s first `n` whose mention ends at byte `end`, or null.
ActorMention* ActorEndingAt(CodedDocument* cd, size_t n, uint32_t end) {
  for (size_t i = 0; i < n; ++i)
    if (cd->actors[i].end == end) return &cd->actors[i];
  return nullptr;
}

// "(NP (NP Calenardhon) and (NP the evil Arnor awful Gondor))": the peers code a conjunct of
// words alone by its first actor; later actors in it are words of that conjunct.
void FirstActorPerConjunct(const PennTree& tree, const ParsedSentence& ps, CodedDocument* cd) {
  const auto& toks = cd->layer.tokens;
  std::vector<bool> drop(cd->actors.size(), false);
  for (const TreeNode& n : tree.nodes) {
    if (n.label != "NP" || n.parent < 0 || !HasConjunct(tree, static_cast<uint32_t>(n.parent)) || n.end_leaf <= n.first_leaf) continue;
    bool words_only = true;
    for (uint32_t c : n.children) words_only = words_only && tree.node(c).children.empty();
    if (!words_only) continue;
    const uint32_t b = toks[ps.leaf_token[n.first_leaf]].start, e = toks[ps.leaf_token[n.end_leaf] - 1].end;
    bool seen = false;
    for (size_t i = 0; i < cd->actors.size(); ++i) {
      if (cd->actors[i].start < b || cd->actors[i].end > e) continue;
      drop[i] = seen;
      seen = true;
    }
  }
  if (std::find(drop.begin(), drop.end(), true) == drop.end()) return;
  std::vector<ActorMention> kept;
  std::vector<int32_t> moved_to(cd->actors.size(), -1);
  for (size_t i = 0; i < cd->actors.size(); ++i)
    if (!drop[i]) moved_to[i] = static_cast<int32_t>(kept.size()), kept.push_back(std::move(cd->actors[i]));
  for (ActorMention& m : kept)
    if (m.antecedent) {
      if (moved_to[*m.antecedent] >= 0) m.antecedent = static_cast<uint32_t>(moved_to[*m.antecedent]);
      else m.antecedent.reset();
    }
  cd->actors = std::move(kept);
}

// "a senior official said", "Clerics and lawmakers believe": the peers code an agent with no
// actor in its noun phrase as an actor of unknown country (`---GOV`). A coordination's
// members are one each; the agents of one plain noun phrase are one actor.
void BareAgents(const PennTree& tree, const ParsedSentence& ps, const lexicon::Lexicon& lex, CodedDocument* cd) {
  const auto& toks = cd->layer.tokens;
  std::vector<bool> covered(toks.size(), false);
  for (const ActorMention& m : cd->actors)
    for (uint32_t t = 0; t < toks.size(); ++t) covered[t] = covered[t] || (toks[t].start < m.end && toks[t].end > m.start);
  std::vector<lexicon::Hit> hits;
  int32_t last_phrase = -1;
  const size_t before = cd->actors.size();
  for (uint32_t leaf = 0; leaf < tree.leaves.size(); ++leaf) {
    const uint32_t t = ps.leaf_token[leaf];
    if (t >= toks.size() || covered[t]) continue;
    hits.clear();
    lex.Lookup(cd->doc.text, toks, t, static_cast<uint32_t>(toks.size()), &hits);
    const auto agent = std::find_if(hits.begin(), hits.end(), [&](const lexicon::Hit& h) { return lex.entry(h.entry).kind == lexicon::Kind::kAgent; });
    if (agent == hits.end()) continue;
    bool flat = false;
    const uint32_t np = AgentPhrase(tree, leaf, &flat);
    const TreeNode& node = tree.node(np);
    bool has_actor = false;
    for (uint32_t k = ps.leaf_token[node.first_leaf]; k < ps.leaf_token[node.end_leaf] && k < toks.size(); ++k) has_actor = has_actor || covered[k];
    // "(NP (NP Lawmakers and officials) (PP in (NP Fornost and Gondor)))": the head's agents
    // went to the actors of its phrase.
    if (const int32_t up = node.parent; !has_actor && up >= 0 && tree.node(static_cast<uint32_t>(up)).label == "NP" &&
        tree.node(static_cast<uint32_t>(up)).children[0] == np)
      for (uint32_t k = ps.leaf_token[node.end_leaf]; k < ps.leaf_token[tree.node(static_cast<uint32_t>(up)).end_leaf] && k < toks.size(); ++k)
        has_actor = has_actor || covered[k];
    std::string country(kNullStandIn);
    // "(NP Danish media and government)": a bare conjunct takes the country of an actor before it.
    // "Danish Islamist media and ...": an agent right after an actor of the conjunct adds its role.
    if (ActorMention* prev = has_actor && flat && t > 0 ? ActorEndingAt(cd, before, toks[t - 1].end) : nullptr) {
      prev->code = WithRoles(prev->code, {lex.entry(agent->entry).code});
      prev->end = toks[agent->end - 1].end;
      prev->text = cd->doc.text.substr(prev->start, prev->end - prev->start);
      while (leaf + 1 < tree.leaves.size() && ps.leaf_token[leaf + 1] < agent->end) ++leaf;
      continue;
    }
    if (has_actor && flat) country = CodeBefore(*cd, lex, before, toks[ps.leaf_token[node.first_leaf]].start, toks[t].start);
    if ((has_actor && country == kNullStandIn) || node.label != "NP") continue;
    const std::string& role = lex.entry(agent->entry).code;
    if (!flat && last_phrase == static_cast<int32_t>(np) && cd->actors.size() > before) {
      ActorMention& m = cd->actors.back();
      m.code = WithRoles(m.code, {role});
      m.end = toks[agent->end - 1].end;
      m.text = cd->doc.text.substr(m.start, m.end - m.start);
    } else {
      ActorMention m;
      m.start = toks[t].start;
      m.end = toks[agent->end - 1].end;
      m.text = cd->doc.text.substr(m.start, m.end - m.start);
      m.code = WithRoles(country, {role});
      m.country = country.substr(0, 3);
      if (m.code.size() >= 6) m.sector = m.code.substr(3, 3);
      cd->actors.push_back(std::move(m));
    }
    last_phrase = static_cast<int32_t>(np);
    while (leaf + 1 < tree.leaves.size() && ps.leaf_token[leaf + 1] < agent->end) ++leaf;
  }
  if (cd->actors.size() > before) SortByStart(cd);
}

std::string IsoDate(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return "";
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

}  // namespace

Result<RecordCoder> RecordCoder::Create(const PeerDictionary& dict, std::shared_ptr<const code::PatternSet> patterns) {
  std::error_code ec;
  std::string dir = (fs::temp_directory_path(ec) / "parley-validate-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return Status(StatusCode::kIoError, dir + ": cannot be created");
  Status written = WriteParleyFolder(WithNullStandIns(dict), dir, nullptr);
  auto lexicon = written.ok() ? lexicon::Lexicon::Load({dir}) : Result<std::shared_ptr<const lexicon::Lexicon>>(written);
  fs::remove_all(dir, ec);  // loaded: the folder is no longer needed
  if (!lexicon.ok()) return lexicon.status();
  RecordCoder coder;
  coder.lexicon_ = std::move(lexicon.value());
  coder.patterns_ = std::move(patterns);
  for (const PeerAgent& a : dict.agents)
    if (a.prefix) coder.prefix_roles_.push_back(a.code);
  return coder;
}

CodeResult RecordCoder::Code(const ValidationRecord& record) const {
  CodeResult result;
  if (HasDateline(record.text)) {
    result.error = "dateline";
    return result;
  }
  auto tree = ParsePenn(record.parse.empty() ? ShallowParse(record.text, *patterns_) : record.parse);
  if (!tree.ok()) {
    result.error = "bad_input_parse";
    result.trace.push_back(tree.status().message());
    return result;
  }
  ParsedSentence ps = FromParse(*tree);
  ps.hints.require_dyad = record.options.require_dyad;
  if (const code::Discard d = patterns_->Discarded(ps.layer.tokens, ps.layer.sentences[0]); d != code::Discard::kNone) {
    result.error = d == code::Discard::kStory ? "storydiscard" : "sentencediscard";
    return result;
  }
  CodedDocument cd;
  cd.doc.id = record.id;
  cd.doc.text = std::move(ps.text);
  if (const std::string iso = IsoDate(record.date); !iso.empty()) cd.doc.published = iso;
  cd.layer = std::move(ps.layer);
  extract::FindActors(cd.doc, cd.layer, *lexicon_, &cd.actors, &cd.places);
  PlacesAsActors(&cd);
  ComposeHeadWithPhrase(*tree, ps, *lexicon_, cd.doc.text, &cd);
  ComposeAgentsInPhrase(*tree, ps, *lexicon_, prefix_roles_, &cd);
  FirstActorPerConjunct(*tree, ps, &cd);
  BareAgents(*tree, ps, *lexicon_, &cd);
  for (const ActorMention& a : cd.actors) result.trace.push_back("actor \"" + a.text + "\" " + a.code);
  for (const Event& e : code::CodeEvents(cd, *patterns_, /*explain=*/true, &ps.hints)) {
    // A peer's paired code ("032:033"): the first goes from source to target, the second back.
    const size_t colon = e.code.find(':');
    const std::string source = Swap(e.source, kNullStandIn, kNullCode);
    const std::string target = e.target.empty() ? std::string(kNullCode) : Swap(e.target, kNullStandIn, kNullCode);
    result.events.push_back({source, target, e.code.substr(0, colon)});
    if (colon != std::string::npos) result.events.push_back({target, source, e.code.substr(colon + 1)});
    result.trace.push_back(e.source + " " + e.target + " " + e.code + ": " + e.explanation);
  }
  std::sort(result.events.begin(), result.events.end());
  result.events.erase(std::unique(result.events.begin(), result.events.end()), result.events.end());
  return result;
}

}  // namespace parley::peers
