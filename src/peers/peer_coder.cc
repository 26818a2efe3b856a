#include "peers/peer_coder.h"
#include "util/ascii.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

#include "peers/penn_tree.h"
#include "util/hash.h"

namespace parley::peers {
namespace {

std::vector<std::string> SplitCodes(const std::string& code) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= code.size()) {
    const size_t slash = code.find('/', start);
    std::string part = code.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!part.empty()) out.push_back(std::move(part));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool IsClauseLabel(const std::string& l) { return l == "S" || l == "SBAR" || l == "VP" || l == "SINV" || l == "SQ"; }
bool IsSubjectClause(const std::string& l) { return l == "S" || l == "SINV" || l == "SQ"; }
bool IsBe(const std::string& w) {
  static const std::set<std::string> kBe = {"IS", "WAS", "WERE", "ARE", "BE", "BEEN", "BEING", "'S", "'RE", "AM"};
  return kBe.count(w) != 0;
}

// One coded noun phrase member: its actor (empty: none) and agent codes.
struct Member {
  std::string actor;
  std::vector<std::string> prefixes, roles;
  bool empty() const { return actor.empty() && prefixes.empty() && roles.empty(); }
};

// "GOV" and "GOVMED" appended to "HGWGOVMED" add nothing: role codes already present (in
// three-letter groups after the country) are not repeated.
std::string Compose(const Member& m) {
  std::string code;
  for (const auto& p : m.prefixes) code += p;
  code += m.actor.empty() ? "---" : m.actor;
  std::set<std::string> have;
  for (size_t i = 3; i + 3 <= code.size(); i += 3) have.insert(code.substr(i, 3));
  for (const auto& r : m.roles) {
    for (size_t i = 0; i < r.size(); i += 3) {
      const std::string chunk = r.substr(i, 3);
      if (have.insert(chunk).second) code += chunk;
    }
  }
  return code;
}

}  // namespace

std::string PeerCoder::CodeOn(const PeerActor& actor, const std::string& date) {
  for (const auto& d : actor.dated) {
    if ((d.from.empty() || date >= d.from) && (d.to.empty() || date <= d.to)) return d.code;
  }
  return actor.code;
}

PeerCoder::PeerCoder(const PeerDictionary& dict, const code::PatternSet& patterns) : dict_(dict), patterns_(patterns) {
  for (uint32_t i = 0; i < dict.actors.size(); ++i)
    for (const auto& p : dict.actors[i].phrases) phrases_[p[0]].push_back({p, i, false});
  for (uint32_t i = 0; i < dict.agents.size(); ++i)
    for (const auto& p : dict.agents[i].phrases) phrases_[p[0]].push_back({p, i, true});
  for (auto& [w, list] : phrases_)
    std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
      return a.words.size() != b.words.size() ? a.words.size() > b.words.size() : (!a.agent && b.agent);
    });
}

// Everything about one record while it is coded.
struct SentenceCoder {
  const PeerCoder& coder;
  const ValidationRecord& record;
  PennTree tree;
  std::vector<std::string> words;  // upper case
  struct Hit {
    uint32_t begin, end, entry;
    bool agent;
  };
  std::vector<Hit> hits;
  std::vector<int32_t> hit_at, hit_ending;  // by leaf: hit starting / ending there (-1)
  CodeResult* result;

  const PeerDictionary& dict() const { return coder.dict_; }

  bool Matches(const std::vector<std::string>& phrase, uint32_t at) const {
    if (at + phrase.size() > words.size()) return false;
    for (size_t k = 0; k < phrase.size(); ++k)
      if (words[at + k] != phrase[k]) return false;
    return true;
  }

  // How many leaves `phrase` covers from leaf `at` (a leaf may hold words joined by `_`,
  // "Dol_Amroth"), or 0 when it does not match there.
  uint32_t MatchLen(const std::vector<std::string>& phrase, uint32_t at) const {
    size_t k = 0;
    uint32_t i = at;
    while (k < phrase.size()) {
      if (i >= words.size()) return 0;
      const std::string& w = words[i++];
      size_t start = 0;
      while (true) {
        const size_t us = w.find('_', start);
        const std::string_view part = std::string_view(w).substr(start, us == std::string::npos ? std::string::npos : us - start);
        if (!part.empty()) {
          if (k >= phrase.size() || part != phrase[k]) return 0;
          ++k;
        }
        if (us == std::string::npos) break;
        start = us + 1;
      }
    }
    return i - at;
  }

  void FindHits() {
    hit_at.assign(words.size(), -1);
    hit_ending.assign(words.size() + 1, -1);
    for (uint32_t i = 0; i < words.size();) {
      auto it = coder.phrases_.find(words[i].substr(0, words[i].find('_', 1)));
      const PeerCoder::Phrase* best = nullptr;
      uint32_t len = 0;
      if (it != coder.phrases_.end())
        for (const auto& p : it->second)
          if ((len = MatchLen(p.words, i)) > 0) {
            best = &p;
            break;
          }
      if (best == nullptr) {
        ++i;
        continue;
      }
      const uint32_t end = i + len;
      hit_at[i] = static_cast<int32_t>(hits.size());
      hit_ending[end] = static_cast<int32_t>(hits.size());
      hits.push_back({i, end, best->entry, best->agent});
      i = end;
    }
  }

  // Leaves of `n` outside nested clauses.
  void FlatLeaves(uint32_t n, std::vector<bool>* keep, bool top) const {
    const TreeNode& node = tree.node(n);
    if (!top && IsClauseLabel(node.label)) return;
    if (node.children.empty()) {
      if (node.first_leaf < keep->size()) (*keep)[node.first_leaf] = true;
      return;
    }
    for (uint32_t c : node.children) FlatLeaves(c, keep, false);
  }

  std::vector<Member> CodeLeaves(uint32_t from, uint32_t to, const std::vector<bool>* keep) const {
    Member m;
    std::vector<std::string> actors;
    for (uint32_t i = from; i < to; ++i) {
      const int32_t h = hit_at[i];
      if (h < 0 || (keep != nullptr && !(*keep)[i])) continue;
      const Hit& hit = hits[static_cast<size_t>(h)];
      if (hit.end > to) continue;
      if (!hit.agent) {
        if (actors.empty()) actors = SplitCodes(PeerCoder::CodeOn(dict().actors[hit.entry], record.date));
        continue;
      }
      const PeerAgent& a = dict().agents[hit.entry];
      (a.prefix ? m.prefixes : m.roles).push_back(a.code);
    }
    std::vector<Member> out;
    if (actors.empty()) {
      if (!m.empty()) out.push_back(m);
      return out;
    }
    for (const auto& code : actors) {
      Member each = m;
      each.actor = code;
      out.push_back(std::move(each));
    }
    return out;
  }

  // PETRARCH's new actors: an uncoded proper-noun phrase of at most N words is coded by its text.
  std::vector<Member> NewActor(uint32_t n) const {
    const int limit = record.options.new_actor_length;
    const TreeNode& node = tree.node(n);
    std::string text;
    int count = 0;
    bool proper = false;
    for (uint32_t i = node.first_leaf; i < node.end_leaf; ++i) {
      const std::string& tag = tree.tag(i);
      if (tag == "POS" || !std::isalnum(static_cast<unsigned char>(words[i][0]))) continue;
      if (tag.rfind("NNP", 0) == 0) proper = true;
      text += (text.empty() ? "" : " ") + words[i];
      ++count;
    }
    if (limit <= 0 || !proper || count > limit) return {};
    Member m;
    m.actor = "\"" + text + "\"";  // PETRARCH writes a new actor's code as its quoted text
    return {m};
  }

  std::vector<Member> CodeConjunction(uint32_t n) const {
    const TreeNode& node = tree.node(n);
    std::vector<std::vector<uint32_t>> segments(1);
    const bool has_cc = HasChild(n, "CC");
    for (uint32_t c : node.children) {
      const std::string& l = tree.node(c).label;
      if (l == "CC" || l == "," || l == ":") segments.emplace_back();
      else if (!has_cc) segments.push_back({c});  // "(NP (NP Old foes) (NP Gondor and Osgiliath))"
      else segments.back().push_back(c);
    }
    std::vector<Member> all;
    std::vector<size_t> agent_only;
    for (const auto& seg : segments) {
      if (seg.empty()) continue;
      std::vector<Member> part = seg.size() == 1 && !tree.node(seg[0]).children.empty()
                                     ? CodeNode(seg[0])
                                     : CodeLeaves(tree.node(seg.front()).first_leaf, tree.node(seg.back()).end_leaf, nullptr);
      for (auto& m : part) {
        if (m.actor.empty()) agent_only.push_back(all.size());
        all.push_back(std::move(m));
      }
    }
    // "Danish media and government": a conjunct with agents only shares the actor (and the
    // modifiers) of the first conjunct that has one.
    const Member* donor = nullptr;
    for (const auto& m : all)
      if (!m.actor.empty()) {
        donor = &m;
        break;
      }
    if (donor != nullptr) {
      const Member base = *donor;
      for (size_t i : agent_only) {
        Member& m = all[i];
        m.actor = base.actor;
        std::vector<std::string> roles(base.roles.begin(), base.roles.empty() ? base.roles.end() : base.roles.end() - 1);
        roles.insert(roles.end(), m.roles.begin(), m.roles.end());
        m.roles = std::move(roles);
        if (m.prefixes.empty()) m.prefixes = base.prefixes;
      }
    }
    return all;
  }

  // "The ambassadors of Arnor, Osgiliath and Gondor": a head with agents only takes the actors
  // of its prepositional phrase.
  std::vector<Member> CodeHeadWithPP(uint32_t head, uint32_t pp) const {
    std::vector<Member> h = CodeNode(head, false);
    for (const auto& m : h)
      if (!m.actor.empty()) return h;
    int32_t inner = -1;
    for (uint32_t c : tree.node(pp).children)
      if (tree.node(c).label == "NP") {
        inner = static_cast<int32_t>(c);
        break;
      }
    if (inner < 0) return h;
    std::vector<Member> in = CodeNode(static_cast<uint32_t>(inner), false);
    if (h.empty()) return in;
    std::vector<Member> out;
    for (const auto& a : h)
      for (const auto& b : in) {
        if (b.actor.empty()) continue;
        Member m = b;
        m.prefixes.insert(m.prefixes.end(), a.prefixes.begin(), a.prefixes.end());
        m.roles.insert(m.roles.end(), a.roles.begin(), a.roles.end());
        out.push_back(std::move(m));
      }
    return out.empty() ? h : out;
  }

  // True when a phrase found on the words runs across two children ("Ministry | of Silly
  // Walks", "the Prince | of Dol Amroth"): the structure then does not separate them.
  bool HitCrossesChildren(uint32_t n) const {
    for (uint32_t c : tree.node(n).children) {
      const uint32_t end = tree.node(c).end_leaf;
      for (uint32_t i = tree.node(n).first_leaf; i < end; ++i) {
        const int32_t h = hit_at[i];
        if (h >= 0 && hits[static_cast<size_t>(h)].end > end) return true;
      }
    }
    return false;
  }

  // "(NP (NP Eriadori and Calenardhon) leaders)": the inner compound, each member with the
  // agents of the words around it.
  std::vector<Member> CodeInnerCompound(uint32_t n, uint32_t inner) const {
    std::vector<Member> members = CodeNode(inner);
    std::vector<bool> keep(words.size(), false);
    FlatLeaves(n, &keep, true);
    for (uint32_t i = tree.node(inner).first_leaf; i < tree.node(inner).end_leaf; ++i) keep[i] = false;
    std::vector<Member> around = CodeLeaves(tree.node(n).first_leaf, tree.node(n).end_leaf, &keep);
    if (around.empty()) return members;
    if (!around[0].actor.empty()) return {};
    for (auto& m : members) {
      m.prefixes.insert(m.prefixes.end(), around[0].prefixes.begin(), around[0].prefixes.end());
      m.roles.insert(m.roles.end(), around[0].roles.begin(), around[0].roles.end());
    }
    return members;
  }

  bool HasChild(uint32_t n, std::string_view label) const {
    for (uint32_t c : tree.node(n).children)
      if (tree.node(c).label == label) return true;
    return false;
  }

  // `whole`: a new actor (PETRARCH's new_actor_length) may only be the whole phrase asked
  // for, never a part of it ("the Ministry" of "the Ministry of Magic").
  std::vector<Member> CodeNode(uint32_t n, bool whole = true) const {
    const TreeNode& node = tree.node(n);
    std::vector<Member> out;
    const auto& kids = node.children;
    const bool crosses = HitCrossesChildren(n);
    const bool conj = kids.size() > 1 && !crosses && std::any_of(kids.begin(), kids.end(), [&](uint32_t c) {
                        return tree.node(c).label == "CC";
                      });
    const bool all_np = kids.size() > 1 && !crosses && std::all_of(kids.begin(), kids.end(), [&](uint32_t c) {
                          const std::string& l = tree.node(c).label;
                          return l == "NP" || l == "," || l == "CC";
                        });
    int32_t inner = -1;
    for (uint32_t c : kids)
      if (tree.node(c).label == "NP" && HasChild(c, "CC")) inner = static_cast<int32_t>(c);
    if (conj || all_np) {
      out = CodeConjunction(n);
    } else if (!crosses && kids.size() > 1 && tree.node(kids[0]).label == "NP" && tree.node(kids[1]).label == "PP") {
      out = CodeHeadWithPP(kids[0], kids[1]);
    } else if (!crosses && inner >= 0 && !(out = CodeInnerCompound(n, static_cast<uint32_t>(inner))).empty()) {
    } else if (!kids.empty()) {
      std::vector<bool> keep(words.size(), false);
      FlatLeaves(n, &keep, true);
      out = CodeLeaves(node.first_leaf, node.end_leaf, &keep);
    }
    if (out.empty() && whole) out = NewActor(n);
    return out;
  }

  std::vector<std::string> Codes(const std::vector<Member>& members) const {
    std::vector<std::string> out;
    for (const auto& m : members) out.push_back(Compose(m));
    return out;
  }

  // The subject of the clause holding `pre` (a preterminal): the last NP before the branch
  // that holds it, in the nearest S that has a coded one; for a reduced relative ("a woman
  // believed linked to ..."), the noun it modifies. The search stops at a subordinate clause
  // (SBAR) unless that clause's own subject was taken by the pattern (`taken`: leaves used by
  // `+`, which then cannot be the source too).
  // `reach`: the first word the verb's pattern matched; a subordinate clause that starts after
  // it ("is inching nearer to accord": a pattern from "inching" on) does not stop the search.
  std::vector<Member> Subject(uint32_t pre, uint32_t* subject_node, const std::vector<bool>& taken,
                              uint32_t reach) const {
    uint32_t child = pre;
    bool skipped = false;
    for (int32_t p = tree.node(pre).parent; p >= 0; child = static_cast<uint32_t>(p), p = tree.node(static_cast<uint32_t>(p)).parent) {
      const TreeNode& a = tree.node(static_cast<uint32_t>(p));
      if (a.label == "SBAR" && !skipped && a.first_leaf <= reach) return {};
      const bool relative = a.label == "NP" && tree.node(child).label == "VP";
      if (!IsSubjectClause(a.label) && !relative) continue;
      int32_t np = -1;
      for (uint32_t c : a.children) {
        if (c == child) break;
        if (tree.node(c).label == "NP") np = static_cast<int32_t>(c);
      }
      if (np < 0) continue;
      const TreeNode& cand = tree.node(static_cast<uint32_t>(np));
      bool uses_taken = false;
      for (uint32_t i = cand.first_leaf; i < cand.end_leaf; ++i) uses_taken = uses_taken || taken[i];
      if (uses_taken) {
        skipped = true;
        continue;
      }
      auto members = CodeNode(static_cast<uint32_t>(np));
      if (!members.empty()) {
        *subject_node = static_cast<uint32_t>(np);
        return members;
      }
      // A pronoun subject ("Ethiopia indicated it would act") refers up to the clause above.
      if (cand.end_leaf - cand.first_leaf == 1 && tree.tag(cand.first_leaf).rfind("PRP", 0) == 0) skipped = true;
    }
    return {};
  }

  // The first coded noun phrase of the verb's phrase after the verb (in reading order).
  std::vector<Member> Object(uint32_t vp, uint32_t after, uint32_t skip_from, uint32_t skip_to) const {
    std::vector<Member> found, agents_only;
    std::function<bool(uint32_t)> visit = [&](uint32_t n) {
      const TreeNode& node = tree.node(n);
      if (node.end_leaf <= after) return false;
      if (node.label == "NP" && node.first_leaf >= after && !(node.first_leaf >= skip_from && node.end_leaf <= skip_to)) {
        found = CodeNode(n);
        bool has_actor = std::any_of(found.begin(), found.end(), [](const Member& m) { return !m.actor.empty(); });
        if (has_actor) return true;
        if (agents_only.empty()) agents_only = found;  // "arrested students": ---EDU if nothing better
        found.clear();
      }
      for (uint32_t c : node.children)
        if (visit(c)) return true;
      return false;
    };
    visit(vp);
    return found.empty() ? agents_only : found;
  }

  // ---- the verb patterns: parley's PatternSet over the parse's words -----------------
  std::vector<Token> toks;                  // the leaves as tokens (norm: lower case)
  std::vector<code::PatternMatch> matches;  // at most one per anchor leaf
  std::vector<int32_t> match_at;            // by leaf: index into matches (-1: none)

  // Clause hints from the parse: the phrase each verb heads (where `...` after it stops) and
  // the noun phrases (and agents) a SKIP may pass over. Actors for SRC TGT CMP are the actor
  // phrases found on the words (agents alone are not actors).
  void MatchVerbs() {
    Sentence s;
    s.first_token = 0;
    s.end_token = static_cast<uint32_t>(words.size());
    for (uint32_t i = 0; i < words.size(); ++i) {
      Token t;
      t.kind = TokenKind::kWord;
      t.norm = words[i];
      std::transform(t.norm.begin(), t.norm.end(), t.norm.begin(), [](unsigned char c) { return std::tolower(c); });
      t.key = WordKey(t.norm);
      toks.push_back(std::move(t));
    }
    std::vector<int32_t> starts(words.size(), -1);
    std::vector<uint32_t> ends;
    std::vector<std::pair<uint32_t, uint32_t>> nps;
    for (uint32_t h = 0; h < hits.size(); ++h) {
      ends.push_back(hits[h].end);
      if (hits[h].agent) nps.emplace_back(hits[h].begin, hits[h].end);
      else starts[hits[h].begin] = static_cast<int32_t>(h);
    }
    for (const TreeNode& node : tree.nodes)
      if (node.label == "NP" && node.end_leaf > node.first_leaf) nps.emplace_back(node.first_leaf, node.end_leaf);
    std::vector<uint32_t> phrase_end(words.size(), 0);
    for (uint32_t i = 0; i < words.size(); ++i)
      if (const int32_t vp = tree.node(tree.leaves[i]).parent; vp >= 0) phrase_end[i] = tree.node(static_cast<uint32_t>(vp)).end_leaf;
    code::ActorSpans spans;
    spans.starts_at = starts;
    spans.end_token = ends;
    spans.phrase_end = phrase_end;
    spans.noun_phrases = nps;
    matches = coder.patterns_.Match(toks, s, spans);
    match_at.assign(words.size(), -1);
    for (size_t k = 0; k < matches.size(); ++k) match_at[matches[k].anchor] = static_cast<int32_t>(k);
  }

  // A passive verb ("was opposed by X"): its "by" phrase's noun phrase, or -1.
  int32_t PassiveAgent(uint32_t pre, uint32_t vp) const {
    if (tree.tag(tree.node(pre).first_leaf) != "VBN") return -1;
    bool be = false;
    for (int32_t a = static_cast<int32_t>(vp); a >= 0 && tree.node(static_cast<uint32_t>(a)).label == "VP";
         a = tree.node(static_cast<uint32_t>(a)).parent) {
      const TreeNode& node = tree.node(static_cast<uint32_t>(a));
      const int32_t parent = node.parent;
      if (parent < 0) break;
      for (uint32_t c : tree.node(static_cast<uint32_t>(parent)).children) {
        if (c == static_cast<uint32_t>(a)) break;
        if (tree.node(c).children.empty() && IsBe(words[tree.node(c).first_leaf])) be = true;
      }
    }
    if (!be) return -1;
    // The "by" phrase may sit deeper ("opposed earlier by X": inside an ADVP), never in a
    // clause of its own.
    std::function<int32_t(uint32_t)> find = [&](uint32_t n) -> int32_t {
      for (uint32_t c : tree.node(n).children) {
        const TreeNode& k = tree.node(c);
        if (k.label == "S" || k.label == "SBAR" || k.label == "VP") continue;
        if (k.label == "PP" && k.first_leaf < words.size() && words[k.first_leaf] == "BY") {
          for (uint32_t g : k.children)
            if (tree.node(g).label == "NP") return static_cast<int32_t>(g);
        }
        if (int32_t r = find(c); r >= 0) return r;
      }
      return -1;
    };
    return find(vp);
  }

  std::vector<Member> HitMembers(uint32_t h) const {
    const Hit& hit = hits[h];
    return CodeLeaves(hit.begin, hit.end, nullptr);
  }

  // The noun phrase a captured actor stands in (so "Gondor's government" keeps its agent).
  std::vector<Member> CaptureMembers(uint32_t h) const {
    const Hit& hit = hits[h];
    int32_t best = -1;
    for (uint32_t n = 0; n < tree.nodes.size(); ++n) {
      const TreeNode& node = tree.node(n);
      if (node.label != "NP" || node.first_leaf > hit.begin || node.end_leaf < hit.end) continue;
      if (best < 0 || node.end_leaf - node.first_leaf < tree.node(static_cast<uint32_t>(best)).end_leaf - tree.node(static_cast<uint32_t>(best)).first_leaf)
        best = static_cast<int32_t>(n);
    }
    if (best >= 0) {
      // Only when the phrase names no other actor ("Archenland to Calormen" is two).
      const TreeNode& np = tree.node(static_cast<uint32_t>(best));
      bool other = false;
      for (const Hit& o : hits) other = other || (&o != &hit && !o.agent && o.begin >= np.first_leaf && o.end <= np.end_leaf);
      auto m = CodeNode(static_cast<uint32_t>(best));
      if (!m.empty() && !other) return m;
    }
    return HitMembers(h);
  }

  struct Pending {
    uint32_t verb;
    ExpectedEvent event;
    std::string why;
  };
  std::vector<Pending> pending;

  void Emit(uint32_t verb, const std::vector<std::string>& sources, const std::vector<std::string>& targets,
            const std::string& code, const std::string& why) {
    const size_t colon = code.find(':');
    const std::string forward = code.substr(0, colon);
    const std::string back = colon == std::string::npos ? "" : code.substr(colon + 1);
    std::vector<std::string> s = sources, t = targets;
    if (s.empty() || t.empty()) {
      if (record.options.require_dyad) return;
      if (s.empty()) s.push_back("---");
      if (t.empty()) t.push_back("---");
    }
    for (const auto& a : s)
      for (const auto& b : t) {
        if (a == b) continue;
        pending.push_back({verb, {a, b, forward}, why});
        if (!back.empty()) pending.push_back({verb, {b, a, back}, why});
      }
  }

  void CodeVerb(uint32_t i) {
    if (match_at[i] < 0) return;
    const code::PatternMatch& m = matches[static_cast<size_t>(match_at[i])];
    const code::Pattern& p = coder.patterns_.pattern(m.pattern);
    const uint32_t pre = tree.leaves[i];
    const int32_t vp_i = tree.node(pre).parent;
    if (vp_i < 0) return;
    const auto vp = static_cast<uint32_t>(vp_i);
    struct {
      uint32_t begin, end;
      std::string code;
    } vm{m.verb_begin, m.verb_end, p.code};
    std::vector<Member> source, target;
    if (m.source_actor >= 0) source = CaptureMembers(static_cast<uint32_t>(m.source_actor));
    if (m.target_actor >= 0) target = CaptureMembers(static_cast<uint32_t>(m.target_actor));
    const int32_t compound = m.compound_actor;  // the hit a `%` took
    const bool compound_after = compound >= 0 && hits[static_cast<size_t>(compound)].begin >= vm.end;
    if (compound_after) target = CompoundMembers(static_cast<uint32_t>(compound));
    uint32_t subject_node = UINT32_MAX;
    std::vector<bool> taken(words.size(), false);
    if (m.target_actor >= 0)
      for (uint32_t k = hits[static_cast<size_t>(m.target_actor)].begin; k < hits[static_cast<size_t>(m.target_actor)].end; ++k)
        taken[k] = true;
    const int32_t by = PassiveAgent(pre, vp);
    if (source.empty() && by >= 0 && target.empty()) {
      source = CodeNode(static_cast<uint32_t>(by));
      target = Subject(pre, &subject_node, taken, m.begin);
    }
    if (source.empty()) source = Subject(pre, &subject_node, taken, m.begin);
    const std::string why = "verb \"" + words[i] + "\" pattern " + p.id + " (" + p.where + ")";
    // `%` before the verb, or a paired code ("064:064") with a compound subject and no
    // object: the members act on each other.
    if (target.empty() && subject_node != UINT32_MAX) {
      uint32_t sf = tree.node(subject_node).first_leaf, st = tree.node(subject_node).end_leaf;
      target = Object(vp, vm.end, sf, st);
    } else if (target.empty()) {
      target = Object(vp, vm.end, 0, 0);
    }
    const bool among = (compound >= 0 && !compound_after) ||
                       (target.empty() && vm.code.find(':') != std::string::npos && source.size() > 1);
    if (among) {
      const auto codes = Codes(source);
      for (const auto& a : codes) {
        std::vector<std::string> others;
        for (const auto& b : codes)
          if (b != a) others.push_back(b);
        Emit(i, {a}, others, vm.code.substr(0, vm.code.find(':')), "members of a compound: " + why);
      }
      return;
    }
    Emit(i, Codes(source), Codes(target), vm.code, why);
  }

  // A compound the `%` of a pattern names: the noun phrase of the hit, widened to the
  // coordination it belongs to ("the Philippines and France").
  std::vector<Member> CompoundMembers(uint32_t h) const {
    int32_t n = tree.node(tree.leaves[hits[h].begin]).parent;
    int32_t best = -1;
    while (n >= 0 && tree.node(static_cast<uint32_t>(n)).label == "NP") {
      if (HasChild(static_cast<uint32_t>(n), "CC")) best = n;
      n = tree.node(static_cast<uint32_t>(n)).parent;
    }
    return best >= 0 ? CodeNode(static_cast<uint32_t>(best)) : CaptureMembers(h);
  }

  // A verb inside the phrase of another verb that coded an event is part of that event
  // ("is said to be about to restore ...", "abandoned efforts to stop ..."): its own events go.
  void KeepGoverningEvents() {
    std::set<uint32_t> coded;
    for (const auto& p : pending) coded.insert(p.verb);
    for (const auto& p : pending) {
      bool governed = false;
      for (uint32_t v : coded) {
        if (v == p.verb) continue;
        const int32_t vp = tree.node(tree.leaves[v]).parent;
        const TreeNode& phrase = tree.node(static_cast<uint32_t>(vp));
        if (p.verb > v && p.verb >= phrase.first_leaf && p.verb < phrase.end_leaf) governed = true;
      }
      if (governed) continue;
      result->events.push_back(p.event);
      result->trace.push_back(p.event.source + " " + p.event.target + " " + p.event.code + ": " + p.why);
    }
  }

  // TABARI's records carry no parse: a shallow one, as TABARI itself reads a sentence. The
  // words before the first verb of the dictionary are the subject phrase, the words after it
  // the object phrase ("and", "or", "nor" and commas still separate compounds).
  std::string ShallowParse() const {
    std::vector<std::string> parts;
    std::string cur;
    auto flush = [&] {
      if (cur.empty()) return;
      if (cur.size() > 2 && cur.ends_with("'s")) parts.push_back(cur.substr(0, cur.size() - 2)), parts.push_back("'s");
      else parts.push_back(cur);
      cur.clear();
    };
    for (char c : record.text) {
      if (std::isspace(static_cast<unsigned char>(c))) flush();
      else if (c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')') flush(), parts.push_back(std::string(1, c));
      else cur += c;
    }
    flush();
    size_t verb = parts.size();
    for (size_t i = 0; i < parts.size() && verb == parts.size(); ++i)
      if (coder.patterns_.IsAnchor(Lower(parts[i]))) verb = i;
    auto leaf = [](const std::string& w) {
      if (w == "," || w == "." || w == ";" || w == ":") return "(" + w + " " + w + ")";
      if (w == "(" || w == ")") return std::string(w == "(" ? "(-LRB- -LRB-)" : "(-RRB- -RRB-)");
      const std::string u = util::UpperAscii(w);
      return std::string(u == "AND" || u == "OR" || u == "NOR" ? "(CC " : u == "'S" ? "(POS " : "(NN ") + w + ")";
    };
    std::string out = "(ROOT (S (NP";
    for (size_t i = 0; i < std::min(verb, parts.size()); ++i) out += " " + leaf(parts[i]);
    out += ")";
    if (verb < parts.size()) {
      out += " (VP (VBD " + parts[verb] + ") (NP";
      for (size_t i = verb + 1; i < parts.size(); ++i) out += " " + leaf(parts[i]);
      out += "))";
    }
    return out + "))";
  }

  // "CEBU CITY: -- ...": a wire-service dateline left in the sentence.
  bool HasDateline() const {
    const std::string& t = record.text;
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

  void Run() {
    if (HasDateline()) {
      result->error = "dateline";
      return;
    }
    auto parsed = ParsePenn(record.parse.empty() ? ShallowParse() : record.parse);
    if (!parsed.ok()) {
      result->error = "bad_input_parse";
      result->trace.push_back(parsed.status().message());
      return;
    }
    tree = std::move(parsed.value());
    for (uint32_t i = 0; i < tree.leaves.size(); ++i) words.push_back(util::UpperAscii(tree.word(i)));
    FindHits();
    MatchVerbs();
    if (const code::Discard d = coder.patterns_.Discarded(toks, Sentence{0, 0, 0, static_cast<uint32_t>(toks.size()), 0});
        d != code::Discard::kNone) {
      result->error = d == code::Discard::kStory ? "storydiscard" : "sentencediscard";
      return;
    }
    for (uint32_t i = 0; i < words.size(); ++i)
      if (tree.tag(i).rfind("VB", 0) == 0) CodeVerb(i);
    KeepGoverningEvents();
    std::sort(result->events.begin(), result->events.end());
    result->events.erase(std::unique(result->events.begin(), result->events.end()), result->events.end());
  }
};

CodeResult PeerCoder::Code(const ValidationRecord& record) const {
  CodeResult result;
  SentenceCoder sc{*this, record, {}, {}, {}, {}, {}, &result, {}, {}, {}, {}};
  sc.Run();
  return result;
}

}  // namespace parley::peers
