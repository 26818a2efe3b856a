#include "peers/clause_hints_from_parse.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <string_view>

#include "util/hash.h"

namespace parley::peers {
namespace {

// Penn's escapes for brackets and quotes, as the text had them.
std::string_view Unescape(std::string_view w) {
  if (w == "-LRB-" || w == "-LCB-") return "(";
  if (w == "-RRB-" || w == "-RCB-") return ")";
  if (w == "``" || w == "''") return "\"";
  return w;
}

TokenKind KindOf(std::string_view w) {
  if (w == "\"") return TokenKind::kQuote;
  const bool digits = std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c) || c == ',' || c == '.'; });
  if (digits && std::isdigit(static_cast<unsigned char>(w[0]))) return TokenKind::kNumber;
  return std::isalnum(static_cast<unsigned char>(w[0])) ? TokenKind::kWord : TokenKind::kPunct;
}

void AddToken(std::string_view w, ParsedSentence* out) {
  if (!out->text.empty()) out->text += ' ';
  Token t;
  t.start = static_cast<uint32_t>(out->text.size());
  out->text += w;
  t.end = static_cast<uint32_t>(out->text.size());
  t.kind = KindOf(w);
  t.norm.resize(w.size());
  std::transform(w.begin(), w.end(), t.norm.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  t.key = WordKey(t.norm);
  out->layer.tokens.push_back(std::move(t));
}

// The words, one token per part of a word joined with `_`.
void Tokenize(const PennTree& tree, ParsedSentence* out) {
  for (uint32_t i = 0; i < tree.leaves.size(); ++i) {
    out->leaf_token.push_back(static_cast<uint32_t>(out->layer.tokens.size()));
    const std::string_view w = Unescape(tree.word(i));
    size_t start = 0;
    while (start <= w.size()) {
      const size_t us = w.find('_', start);
      const std::string_view part = w.substr(start, us == std::string_view::npos ? std::string_view::npos : us - start);
      if (!part.empty()) AddToken(part, out);
      if (us == std::string_view::npos) break;
      start = us + 1;
    }
    if (out->leaf_token.back() == out->layer.tokens.size()) AddToken(w.empty() ? "_" : w, out);  // "_" alone
  }
  out->leaf_token.push_back(static_cast<uint32_t>(out->layer.tokens.size()));
}

bool IsSubjectClause(const std::string& l) { return l == "S" || l == "SINV" || l == "SQ"; }

bool IsBe(std::string_view w) {
  static constexpr std::string_view kBe[] = {"is", "was", "were", "are", "be", "been", "being", "'s", "'re", "am"};
  std::string lower(w);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(std::begin(kBe), std::end(kBe), lower) != std::end(kBe);
}

struct HintBuilder {
  const PennTree& tree;
  const ParsedSentence& out;

  code::TokenSpan Span(uint32_t node) const {
    const TreeNode& n = tree.node(node);
    return {out.leaf_token[n.first_leaf], out.leaf_token[n.end_leaf], Coordinated(node)};
  }

  // "(NP (NP Gondor) (CC and) (NP Osgiliath))", "(NP (NP Old foes) (NP Gondor and Osgiliath))":
  // a noun phrase of conjuncts (or of noun phrases only), each an actor of its own.
  bool Coordinated(uint32_t node) const {
    const auto& kids = tree.node(node).children;
    if (kids.size() < 2) return false;
    bool cc = false, all_np = true;
    for (uint32_t c : kids) {
      const std::string& l = tree.node(c).label;
      cc = cc || l == "CC";
      all_np = all_np && (l == "NP" || l == "," || l == "CC");
    }
    return cc || all_np;
  }

  // The clauses holding the preterminal `pre`, innermost first: for each, the last noun
  // phrase before the branch that holds the verb ("a woman believed linked to ...": a reduced
  // relative's subject is the noun it qualifies).
  std::vector<code::ClauseStep> Clauses(uint32_t pre) const {
    std::vector<code::ClauseStep> steps;
    uint32_t child = pre;
    for (int32_t p = tree.node(pre).parent; p >= 0; child = static_cast<uint32_t>(p), p = tree.node(child).parent) {
      const TreeNode& a = tree.node(static_cast<uint32_t>(p));
      if (a.label == "SBAR") {
        code::ClauseStep s;
        s.subordinate = true;
        s.clause_begin = out.leaf_token[a.first_leaf];
        steps.push_back(s);
        continue;
      }
      const bool relative = a.label == "NP" && tree.node(child).label == "VP";
      if (!IsSubjectClause(a.label) && !relative) continue;
      int32_t np = -1;
      for (uint32_t c : a.children) {
        if (c == child) break;
        if (tree.node(c).label == "NP") np = static_cast<int32_t>(c);
      }
      if (np < 0) continue;
      const TreeNode& cand = tree.node(static_cast<uint32_t>(np));
      code::ClauseStep s;
      s.subject = Span(static_cast<uint32_t>(np));
      s.pronoun = cand.end_leaf - cand.first_leaf == 1 && tree.tag(cand.first_leaf).rfind("PRP", 0) == 0;
      steps.push_back(s);
    }
    return steps;
  }

  // The noun phrases of the verb's phrase after the verb, outer before inner.
  std::vector<code::TokenSpan> Objects(uint32_t vp, uint32_t verb_leaf) const {
    std::vector<code::TokenSpan> found;
    std::function<void(uint32_t)> visit = [&](uint32_t n) {
      const TreeNode& node = tree.node(n);
      if (node.end_leaf <= verb_leaf + 1) return;
      if (node.label == "NP" && node.first_leaf > verb_leaf) found.push_back(Span(n));
      for (uint32_t c : node.children) visit(c);
    };
    visit(vp);
    return found;
  }

  // True when a form of "be" precedes the VP chain that holds the verb ("was opposed").
  bool AfterBe(uint32_t vp) const {
    for (int32_t a = static_cast<int32_t>(vp); a >= 0 && tree.node(static_cast<uint32_t>(a)).label == "VP";
         a = tree.node(static_cast<uint32_t>(a)).parent) {
      const int32_t parent = tree.node(static_cast<uint32_t>(a)).parent;
      if (parent < 0) break;
      for (uint32_t c : tree.node(static_cast<uint32_t>(parent)).children) {
        if (c == static_cast<uint32_t>(a)) break;
        if (tree.node(c).children.empty() && IsBe(tree.node(c).word)) return true;
      }
    }
    return false;
  }

  // A passive verb's "by" noun phrase; it may sit deeper ("opposed earlier by X": inside an
  // ADVP), never in a clause of its own.
  int32_t ByPhrase(uint32_t n) const {
    for (uint32_t c : tree.node(n).children) {
      const TreeNode& k = tree.node(c);
      if (k.label == "S" || k.label == "SBAR" || k.label == "VP") continue;
      if (k.label == "PP" && k.first_leaf < k.end_leaf && IsBy(tree.word(k.first_leaf))) {
        for (uint32_t g : k.children)
          if (tree.node(g).label == "NP") return static_cast<int32_t>(g);
      }
      if (int32_t r = ByPhrase(c); r >= 0) return r;
    }
    return -1;
  }
  static bool IsBy(std::string_view w) { return w.size() == 2 && (w[0] == 'b' || w[0] == 'B') && (w[1] == 'y' || w[1] == 'Y'); }

  void AddVerb(uint32_t leaf, code::ClauseHints* hints) const {
    const uint32_t pre = tree.leaves[leaf];
    const int32_t vp = tree.node(pre).parent;
    if (vp < 0) return;
    code::VerbHint h;
    h.verb = out.leaf_token[leaf];
    h.clauses = Clauses(pre);
    h.objects = Objects(static_cast<uint32_t>(vp), leaf);
    h.phrase_end = out.leaf_token[tree.node(static_cast<uint32_t>(vp)).end_leaf];
    if (tree.tag(leaf) == "VBN" && AfterBe(static_cast<uint32_t>(vp)))
      if (const int32_t by = ByPhrase(static_cast<uint32_t>(vp)); by >= 0) h.passive_agent = Span(static_cast<uint32_t>(by));
    hints->verbs.push_back(std::move(h));
  }
};

}  // namespace

ParsedSentence FromParse(const PennTree& tree) {
  ParsedSentence out;
  Tokenize(tree, &out);
  const auto n = static_cast<uint32_t>(out.layer.tokens.size());
  out.layer.sentences.push_back(Sentence{0, static_cast<uint32_t>(out.text.size()), 0, n, 0});
  code::ClauseHints& hints = out.hints;
  hints.phrase_end.assign(n, 0);
  const HintBuilder b{tree, out};
  for (uint32_t i = 0; i < tree.leaves.size(); ++i) {
    // `...` after a word stops where the phrase holding it ends.
    if (const int32_t parent = tree.node(tree.leaves[i]).parent; parent >= 0)
      for (uint32_t t = out.leaf_token[i]; t < out.leaf_token[i + 1]; ++t)
        hints.phrase_end[t] = out.leaf_token[tree.node(static_cast<uint32_t>(parent)).end_leaf];
    if (tree.tag(i).rfind("VB", 0) == 0) b.AddVerb(i, &hints);
  }
  for (uint32_t k = 0; k < tree.nodes.size(); ++k)
    if (tree.node(k).label == "NP" && tree.node(k).end_leaf > tree.node(k).first_leaf) {
      const code::TokenSpan s = b.Span(k);
      hints.noun_phrases.emplace_back(s.begin, s.end);
      if (s.coordinated) hints.coordinations.push_back(s);
    }
  return out;
}

}  // namespace parley::peers
