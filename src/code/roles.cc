#include "code/roles.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "util/hash.h"
#include "util/word_filter.h"

namespace parley::code {
namespace {

// The word lists the role finder asks about. Each is one bit of a token's word classes (see
// WordClasses below), so that asking whether a token is in a list is one bit test.
constexpr std::array<std::string_view, 32> kPrepositions = {
    "of",     "in",     "at",      "from",  "to",      "with",    "against", "on",
    "for",    "by",     "toward",  "towards", "between", "into",  "over",    "about",
    "under",  "near",   "across",  "through", "among",  "within", "without", "via",
    "including", "like", "upon",  "onto",   "amid",    "despite", "than",    "per"};
constexpr std::array<std::string_view, 14> kSkippable = {
    "the", "a", "an", "its", "their", "his", "her", "top", "senior", "former", "then", "new",
    "both", "all"};
constexpr std::array<std::string_view, 44> kSpeechVerbs = {
    "said",      "says",      "say",       "saying",   "told",      "tells",     "tell",
    "telling",   "stated",    "states",    "announced", "announces", "announcing", "added",
    "adds",      "claimed",   "claims",    "insisted", "insists",   "suggested", "suggests",
    "noted",     "notes",     "declared",  "declares", "stressed",  "stresses",  "explained",
    "explains",  "wrote",     "writes",    "tweeted",  "replied",   "responded", "argued",
    "argues",    "confirmed", "confirms",  "reported", "reports",   "asserted",  "commented",
    "remarked",  "acknowledged"};
constexpr std::array<std::string_view, 9> kNegations = {"not", "n't", "never", "no", "neither",
                                                        "nor", "without", "cannot", "nobody"};
constexpr std::array<std::string_view, 23> kHypothetical = {
    "may",      "might",    "could",   "would",    "should",   "will",     "shall",   "'ll",    "must",
    "if",       "unless",   "plans",   "planned",  "plan",     "intends",  "intend",  "wants",
    "want",     "expected", "likely",  "possible", "potential", "considering"};
constexpr std::array<std::string_view, 6> kPossessivePronouns = {"its", "their", "his", "her", "our", "my"};
constexpr std::array<std::string_view, 8> kBeForms = {"is", "are", "was", "were", "be", "been", "being", "got"};
constexpr std::array<std::string_view, 12> kClauseOpeners = {
    "which", "who", "whom", "while", "whereas", "but", "although", "though", "because",
    "saying", "as", "after"};

constexpr std::array<std::string_view, 10> kSubordinators = {
    "if", "unless", "until", "because", "while", "whereas", "although", "when", "before", "after"};

constexpr std::array<std::string_view, 17> kDirections = {
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north", "south", "east", "west", "neighbouring", "neighboring", "mainland", "occupied"};
constexpr std::array<std::string_view, 8> kAdverbialOpeners = {
    "while", "whereas", "but", "although", "though", "because", "as", "after"};
constexpr std::array<std::string_view, 14> kOpeners = {
    "with", "after", "following", "despite", "in", "during", "amid", "before", "since", "under", "on", "at", "for",
    "upon"};
constexpr std::array<std::string_view, 16> kDisposition = {
    "committed", "prepared", "scheduled", "determined", "poised", "set",     "resolved", "inclined",
    "slated",    "supposed", "obliged",   "bound",      "disposed", "intended", "engaged", "involved"};
constexpr std::array<std::string_view, 4> kDenials = {"denied", "denies", "deny", "denying"};
constexpr std::array<std::string_view, 9> kPlots = {
    "plot", "plots", "plotted", "plotting", "conspiracy", "conspired", "conspiring", "scheme", "schemed"};
constexpr std::array<std::string_view, 16> kAsks = {
    "ask",   "asks",   "asked",   "asking",   "urge",  "urges",   "urged",    "urging",
    "press", "pressed", "pressing", "encouraged", "begged", "implored", "pressured", "persuade"};
// Words that can stand between a clause's opener and its verb without being its subject:
// auxiliaries, negations, short adverbs and unresolved pronouns (which refer back to the
// subject outside the clause).
constexpr std::array<std::string_view, 44> kClauseTransparent = {
    "has",    "have",  "had",     "is",     "are",  "was",   "were",   "be",     "been",
    "being",  "will",  "would",   "could",  "should", "may", "might",  "must",   "can",
    "shall",  "'ll",   "did",     "does",   "do",   "not",   "n't",    "never",  "also",
    "already", "still", "then",   "again",  "now",  "to",    "just",   "later",  "soon",
    "once",   "yet",   "it",      "they",   "he",   "she",   "we",     "i"};
constexpr std::array<std::string_view, 4> kRelativePronouns = {"that", "which", "who", "whom"};
constexpr std::array<std::string_view, 7> kPersonalPronouns = {"it", "they", "he", "she", "we", "i", "you"};
constexpr std::array<std::string_view, 7> kNounMarkers = {"the", "a", "an", "its", "their", "his", "her"};
// A clause starts after one of these (ClauseStart).
constexpr std::array<std::string_view, 4> kClauseBreaks = {";", ":", "that", "and"};
// Every word ObjectAfter stops at or looks at more closely: the tokens without this bit (most)
// skip its word tests.
constexpr std::array<std::string_view, 13> kObjectStops = {
    ";", "according", ",", "and", "which", "who", "whom", "that", "to", "following", "amid", "despite", "since"};
constexpr std::array<std::string_view, 1> kAccording = {"according"};

// Comparisons of norms go through string_view, which compares lengths first (std::string ==
// "x" calls compare, a memcmp, in this standard library).
bool IsPunct(const Token& t, std::string_view p) { return t.norm == p; }
std::string_view Norm(const SentenceView& v, uint32_t t) { return v.tok(t).norm; }

// One bit per word list; kNegation also holds words in "n't" ("didn't"). kSpeech and kInQuote
// are not lists but per-token facts of the sentence (FillSentenceView).
namespace wc {
constexpr uint32_t kPrepositions = 1u << 0, kSkippable = 1u << 1, kSpeechVerbs = 1u << 2, kNegation = 1u << 3,
                   kHypothetical = 1u << 4, kPossessivePronouns = 1u << 5, kBeForms = 1u << 6,
                   kClauseOpeners = 1u << 7, kSubordinators = 1u << 8, kDirections = 1u << 9,
                   kAdverbialOpeners = 1u << 10, kOpeners = 1u << 11, kDisposition = 1u << 12, kDenials = 1u << 13,
                   kPlots = 1u << 14, kAsks = 1u << 15, kClauseTransparent = 1u << 16, kRelativePronouns = 1u << 17,
                   kPersonalPronouns = 1u << 18, kNounMarkers = 1u << 19, kClauseBreaks = 1u << 20,
                   kObjectStops = 1u << 21, kAccording = 1u << 22,
                   kSpeech = 1u << 30, kInQuote = 1u << 31;
}  // namespace wc

// The words of all lists by Token::key, each with the bits of the lists that hold it: an open
// addressing table of 1,024 slots (about 250 words), so that a token's classes cost one or two
// probes instead of a scan of every list. A word is known by its 64-bit key and its length,
// as the event matcher's anchor index knows its words by key: the bytes are not compared again.
class WordClassTable {
 public:
  WordClassTable() {
    Add(kPrepositions, wc::kPrepositions);
    Add(kSkippable, wc::kSkippable);
    Add(kSpeechVerbs, wc::kSpeechVerbs);
    Add(kNegations, wc::kNegation);
    Add(kHypothetical, wc::kHypothetical);
    Add(kPossessivePronouns, wc::kPossessivePronouns);
    Add(kBeForms, wc::kBeForms);
    Add(kClauseOpeners, wc::kClauseOpeners);
    Add(kSubordinators, wc::kSubordinators);
    Add(kDirections, wc::kDirections);
    Add(kAdverbialOpeners, wc::kAdverbialOpeners);
    Add(kOpeners, wc::kOpeners);
    Add(kDisposition, wc::kDisposition);
    Add(kDenials, wc::kDenials);
    Add(kPlots, wc::kPlots);
    Add(kAsks, wc::kAsks);
    Add(kClauseTransparent, wc::kClauseTransparent);
    Add(kRelativePronouns, wc::kRelativePronouns);
    Add(kPersonalPronouns, wc::kPersonalPronouns);
    Add(kNounMarkers, wc::kNounMarkers);
    Add(kClauseBreaks, wc::kClauseBreaks);
    Add(kObjectStops, wc::kObjectStops);
    Add(kAccording, wc::kAccording);
  }

  uint32_t Find(uint64_t key, std::string_view w) const {
    for (uint64_t i = key;; ++i) {
      const Slot& s = slots_[i & (kSlots - 1)];
      if (s.bits == 0) return 0;
      if (s.key == key && s.size == w.size()) return s.bits;
    }
  }

 private:
  static constexpr uint64_t kSlots = 1024;
  struct Slot {  // 16 bytes: the table fits in 16 KB
    uint64_t key = 0;
    uint32_t bits = 0;  // 0: empty
    uint32_t size = 0;  // of the word
  };
  template <size_t N>
  void Add(const std::array<std::string_view, N>& words, uint32_t bit) {
    for (std::string_view w : words) {
      const uint64_t key = WordKey(w);
      uint64_t i = key;
      while (slots_[i & (kSlots - 1)].bits != 0 && slots_[i & (kSlots - 1)].key != key) ++i;
      Slot& s = slots_[i & (kSlots - 1)];
      s.key = key;
      s.size = static_cast<uint32_t>(w.size());
      s.bits |= bit;
    }
  }
  std::array<Slot, kSlots> slots_{};
};

// Built once at start-up rather than as a function's static, whose guard every call tests.
const WordClassTable kWordClassTable;

// The list bits of one token (no kSpeech, no kInQuote). Inline: asked for every token.
inline uint32_t WordClasses(const Token& t) {
  const std::string& n = t.norm;
  uint32_t bits = kWordClassTable.Find(t.key != 0 ? t.key : WordKey(n), n);
  const size_t k = n.size();
  if (k > 3 && n[k - 3] == 'n' && n[k - 2] == '\'' && n[k - 1] == 't') bits |= wc::kNegation;  // "didn't"
  return bits;
}

// WordClasses out of line, for the rare token outside the view's cache.
[[gnu::noinline]] uint32_t UncachedClasses(const Token& t) { return WordClasses(t); }

// The classes of token `t`: cached by FillSentenceView for the sentence's own tokens. Inlined
// into the role finder's scans, which ask it for token after token.
[[gnu::always_inline]] inline uint32_t ClassesAt(const SentenceView& v, uint32_t t) {
  return t >= v.first && t - v.first < v.word_class.size() ? v.word_class[t - v.first] : UncachedClasses(v.tok(t));
}
[[gnu::always_inline]] inline bool Is(const SentenceView& v, uint32_t t, uint32_t bits) { return (ClassesAt(v, t) & bits) != 0; }

}  // namespace

bool IsSpeechVerb(const std::string& norm) {
  // Asked for nearly every token of every sentence: a hash set rather than a scan of the list,
  // and a filter before it that turns most words away without hashing them.
  static constexpr util::WordFilter kFilter(kSpeechVerbs);
  if (!kFilter.MayContain(norm)) return false;
  static const std::unordered_set<std::string_view> kSet(kSpeechVerbs.begin(), kSpeechVerbs.end());
  return kSet.count(norm) > 0;
}

// The token span [first, last) of bytes [start, end) among tokens [lo, hi); first == hi when
// no token overlaps.
static std::pair<uint32_t, uint32_t> TokenSpan(const std::vector<Token>& tokens, uint32_t lo, uint32_t hi,
                                               uint32_t start, uint32_t end) {
  auto first = std::partition_point(tokens.begin() + lo, tokens.begin() + hi,
                                    [&](const Token& t) { return t.end <= start; });
  auto last = std::partition_point(first, tokens.begin() + hi, [&](const Token& t) { return t.start < end; });
  if (first == last) return {hi, hi};
  return {static_cast<uint32_t>(first - tokens.begin()), static_cast<uint32_t>(last - tokens.begin())};
}

// Empties the first n lists of `by` and makes it n lists long, keeping their capacity.
static void ResetLists(size_t n, std::vector<std::vector<uint32_t>>* by) {
  for (size_t i = 0; i < std::min(n, by->size()); ++i) (*by)[i].clear();
  by->resize(n);
}

void IndexDocument(const CodedDocument& cd, DocumentIndex* out) {
  const size_t n = cd.layer.sentences.size();
  DocumentIndex& idx = *out;
  ResetLists(n, &idx.actors);
  ResetLists(n, &idx.times);
  ResetLists(n, &idx.places);
  idx.mention_first.assign(cd.actors.size(), 0);
  idx.mention_end.assign(cd.actors.size(), 0);
  for (uint32_t a = 0; a < cd.actors.size(); ++a) {
    const ActorMention& m = cd.actors[a];
    if (m.sentence >= n) continue;
    const Sentence& s = cd.layer.sentences[m.sentence];
    auto [first, last] = TokenSpan(cd.layer.tokens, s.first_token, s.end_token, m.start, m.end);
    if (first == s.end_token) continue;
    idx.mention_first[a] = first;
    idx.mention_end[a] = last;
    idx.actors[m.sentence].push_back(a);
  }
  for (uint32_t t = 0; t < cd.times.size(); ++t) {
    if (cd.times[t].sentence < n) idx.times[cd.times[t].sentence].push_back(t);
  }
  for (uint32_t p = 0; p < cd.places.size(); ++p) {
    if (cd.places[p].sentence < n) idx.places[cd.places[p].sentence].push_back(p);
  }
}

DocumentIndex IndexDocument(const CodedDocument& cd) {
  DocumentIndex idx;
  IndexDocument(cd, &idx);
  return idx;
}

void FillSentenceView(std::string_view text, const TextLayer& layer, uint32_t sentence,
                      const DocumentIndex& index, SentenceView* view) {
  FillSentenceActors(text, layer, sentence, index, view);
  FillSentenceWords(view);
}

void FillSentenceActors(std::string_view text, const TextLayer& layer, uint32_t sentence,
                        const DocumentIndex& index, SentenceView* view) {
  SentenceView& v = *view;  // every field is set again; the vectors keep their capacity
  v.actors.clear();
  const Sentence& s = layer.sentences[sentence];
  v.tokens = &layer.tokens;
  v.first = s.first_token;
  v.end = s.end_token;
  const size_t n = v.end - v.first;
  v.actor_at.assign(n, -1);
  v.actor_cover.assign(n, -1);
  v.text = text;
  v.capitalized.clear();  // FillSentenceWords fills it: the matcher reads capitals from the text
  v.mention_first = index.mention_first;
  v.mention_end = index.mention_end;
  for (uint32_t a : index.actors[sentence]) {
    const uint32_t first = index.mention_first[a], last = index.mention_end[a];
    if (v.actor_at[first - v.first] < 0) v.actor_at[first - v.first] = static_cast<int32_t>(a);
    for (uint32_t t = first; t < last; ++t) v.actor_cover[t - v.first] = static_cast<int32_t>(a);
    v.actors.push_back(a);
  }
  v.word_class.clear();  // FillSentenceWords fills them
  v.word_classes_any = 0;
  v.clause_start.clear();
}

void FillSentenceWords(SentenceView* view) {
  SentenceView& v = *view;
  const uint32_t n = v.end - v.first;
  v.word_class.resize(n);
  v.clause_start.resize(n);
  v.capitalized.resize(n);
  // Local pointers and bounds: stores into the uint32_t arrays could alias v.first and v.end,
  // which the loop would otherwise read again after every store.
  const Token* tokens = v.tokens->data() + v.first;
  uint8_t* capitalized = v.capitalized.data();
  const char* bytes = v.text.data();
  const int32_t* cover = v.actor_cover.data();
  uint32_t* classes = v.word_class.data();
  uint32_t* starts = v.clause_start.data();
  const uint32_t first = v.first;
  bool open = false;  // inside quotation marks
  uint32_t prev = 0, clause = first;  // the previous token's classes, the current clause's start
  uint32_t any = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const Token& tok = tokens[i];
    uint32_t bits = WordClasses(tok);
    // StartsWithCapital, branch-free: the words' first letters are unpredictable.
    const unsigned char c = static_cast<unsigned char>(bytes[tok.start]);
    const bool capital = (tok.kind == TokenKind::kWord) & (static_cast<unsigned char>(c - 'A') <= 'Z' - 'A' || c >= 0xC3);
    capitalized[i] = capital ? 1 : 0;
    // A capitalised "States" or "Reports" inside a sentence is a name ("the United States" as
    // a place), not a speech verb.
    if ((bits & wc::kSpeechVerbs) != 0 && (i == 0 || !capital)) bits |= wc::kSpeech;
    const bool quote = tok.kind == TokenKind::kQuote && std::string_view(tok.norm) != "'";
    if (quote) open = !open;
    if (open || quote) bits |= wc::kInQuote;
    classes[i] = bits;
    any |= bits;
    // ClauseStart of every token, in the same pass: a token starts a clause when the token
    // before it is a clause break or a speech verb, or a comma before a clause opener; else its
    // clause starts where the previous token's does (what ClauseStart's scan back finds). Most
    // tokens have none of these bits: one test passes them.
    if (i > 0 && ((prev & (wc::kClauseBreaks | wc::kSpeech)) | (bits & wc::kClauseOpeners)) != 0) {
      const bool speech = (prev & wc::kSpeech) != 0 && cover[i - 1] < 0;
      const bool opener = (bits & wc::kClauseOpeners) != 0 && std::string_view(tokens[i - 1].norm) == ",";
      if ((prev & wc::kClauseBreaks) != 0 || speech || opener) clause = first + i;
    }
    starts[i] = clause;
    prev = bits;
  }
  v.word_classes_any = any;
}

// A speech verb at token t, not a word of a name ("the United States", "Reporters Says").
static bool SpeechVerbAt(const SentenceView& v, uint32_t t) {
  if (v.ActorCovering(t) >= 0) return false;
  return t >= v.first && t - v.first < v.word_class.size() ? (v.word_class[t - v.first] & wc::kSpeech) != 0
                                                            : IsSpeechVerb(v.tok(t).norm);
}

static bool TitleToken(const SentenceView& v, uint32_t t) {
  return v.capitalized[t - v.first] || Norm(v, t) == "of";
}

int32_t ClusterHead(const SentenceView& v, uint32_t actor) {
  // "U.S. Secretary of State Marco Rubio", "Russian President Vladimir Putin": mentions
  // separated only by title words form one cluster; its last mention names the actor.
  uint32_t head = actor;
  for (bool moved = true; moved;) {  // moves strictly rightwards, so it ends
    moved = false;
    for (uint32_t t = v.mention_end[head], k = 0; t < v.end && k < 5; ++t, ++k) {
      int32_t next = v.ActorAt(t);
      if (next >= 0 && static_cast<uint32_t>(next) != head) {
        head = static_cast<uint32_t>(next);
        moved = true;
        break;
      }
      if (!TitleToken(v, t) || v.ActorCovering(t) >= 0) break;
    }
  }
  return static_cast<int32_t>(head);
}

// The first token of the cluster that ends with `actor`.
static uint32_t ClusterStart(const SentenceView& v, uint32_t actor) {
  uint32_t p = v.mention_first[actor];
  for (int k = 0; k < 6 && p > v.first; ++k) {
    if (v.ActorCovering(p - 1) >= 0) {
      p = v.mention_first[static_cast<size_t>(v.ActorCovering(p - 1))];
      continue;
    }
    if (!TitleToken(v, p - 1)) break;
    --p;
  }
  // Do not swallow a capitalised sentence opener that is not part of a title.
  while (p < v.mention_first[actor] && v.ActorCovering(p) < 0 && !v.capitalized[p - v.first]) ++p;
  return p;
}

// The actor ending right before a joiner ("and", ",") that precedes token `t`, or -1.
static int32_t JoinedBefore(const SentenceView& v, uint32_t actor) {
  uint32_t p = ClusterStart(v, actor);
  while (p > v.first && Is(v, p - 1, wc::kSkippable)) --p;
  if (p <= v.first) return -1;
  const std::string_view j = v.tok(p - 1).norm;
  if (j != "and" && j != ",") return -1;
  if (j == "and" && p - 1 > v.first && IsPunct(v.tok(p - 2), ",")) --p;  // "A, B, and C"
  if (p - 1 <= v.first) return -1;
  int32_t a = v.ActorCovering(p - 2);
  return a >= 0 && v.mention_end[static_cast<size_t>(a)] == p - 1 ? ClusterHead(v, static_cast<uint32_t>(a)) : -1;
}

std::vector<uint32_t> ActorGroup(const SentenceView& v, uint32_t actor) {
  std::vector<uint32_t> group;
  ActorGroup(v, actor, &group);
  return group;
}

void ActorGroup(const SentenceView& v, uint32_t actor, std::vector<uint32_t>* out) {
  // Leftwards first, so that the group starts at its first member.
  uint32_t head = static_cast<uint32_t>(ClusterHead(v, actor));
  for (int guard = 0; guard < 16; ++guard) {  // bounded: clusters could point at each other
    int32_t prev = JoinedBefore(v, head);
    if (prev < 0 || static_cast<uint32_t>(prev) == head || v.mention_first[static_cast<size_t>(prev)] >= v.mention_first[head]) break;
    head = static_cast<uint32_t>(prev);
  }
  actor = head;
  std::vector<uint32_t>& group = *out;
  group.assign(1, actor);
  // Rightwards: "A and B", "A, B and C", "A as well as B".
  uint32_t cur = actor;
  while (true) {
    uint32_t t = v.mention_end[cur];
    uint32_t skip = 0;
    while (t < v.end && skip < 3 && (IsPunct(v.tok(t), ",") || Norm(v, t) == "and" ||
                                     Norm(v, t) == "as" || Norm(v, t) == "well" ||
                                     Is(v, t, wc::kSkippable))) {
      ++t;
      ++skip;
    }
    const bool joined = skip > 0 && (Norm(v, v.mention_end[cur]) == "and" ||
                                     IsPunct(v.tok(v.mention_end[cur]), ",") ||
                                     Norm(v, v.mention_end[cur]) == "as");
    // Titles before the next name: "and U.S. Secretary of State Marco Rubio".
    for (uint32_t k = 0; k < 5 && t < v.end && v.ActorAt(t) < 0 && TitleToken(v, t); ++k) ++t;
    int32_t next = v.ActorAt(t);
    if (next >= 0) next = ClusterHead(v, static_cast<uint32_t>(next));
    if (!joined || next < 0 || std::find(group.begin(), group.end(), next) != group.end()) break;
    group.push_back(static_cast<uint32_t>(next));
    cur = static_cast<uint32_t>(next);
  }
}

bool IsPrepositionalObject(const SentenceView& v, uint32_t actor) {
  // "in central Nairobi", "into southern Lebanon": a word of direction may stand between.
  // Titles before a name belong to it: "in support of US President Donald Trump".
  uint32_t p = ClusterStart(v, actor);
  while (p > v.first && Is(v, p - 1, wc::kSkippable | wc::kDirections)) --p;
  return p > v.first && Is(v, p - 1, wc::kPrepositions);
}

bool IsPossessivePronounBeforeNoun(const SentenceView& v, uint32_t actor) {
  const uint32_t first = v.mention_first[actor], end = v.mention_end[actor];
  if (end != first + 1 || end >= v.end || !Is(v, first, wc::kPossessivePronouns)) return false;
  return v.tok(end).kind == TokenKind::kWord && v.ActorCovering(end) < 0;  // "its EU partners" names one
}

int32_t PossessorBefore(const SentenceView& v, uint32_t anchor) {
  for (uint32_t t = anchor, k = 0; t > v.first && k < 4; --t, ++k) {
    if (t > v.first + 1 && Norm(v, t - 1) == "'s") {
      int32_t a = v.ActorCovering(t - 2);
      return a;
    }
    if (Is(v, t - 1, wc::kPossessivePronouns)) return v.ActorCovering(t - 1);  // "their first meeting"
    if (t == v.first + 1) break;
    if (v.tok(t - 1).kind != TokenKind::kWord || v.ActorCovering(t - 1) >= 0) break;
  }
  return -1;
}

// True when the actor is the object of an infinitive ("to eliminate Islamic State elements"):
// an actor right after "to" and a lowercase verb is acted on, never a later phrase's subject.
static bool IsInfinitiveObject(const SentenceView& v, uint32_t actor) {
  uint32_t p = ClusterStart(v, actor);
  while (p > v.first && Is(v, p - 1, wc::kSkippable)) --p;
  if (p < v.first + 2) return false;
  const uint32_t verb = p - 1;
  if (v.tok(verb).kind != TokenKind::kWord || v.capitalized[verb - v.first] || v.ActorCovering(verb) >= 0 ||
      Is(v, verb, wc::kPrepositions | wc::kBeForms | wc::kClauseTransparent | wc::kSkippable))
    return false;
  return Norm(v, verb - 1) == "to";
}

int32_t SubjectBefore(const SentenceView& v, uint32_t anchor, const std::vector<bool>* not_subjects) {
  int32_t possessor_fallback = -1;
  for (uint32_t t = anchor; t-- > v.first;) {
    if (IsPunct(v.tok(t), ";")) break;
    int32_t a = v.ActorCovering(t);
    if (a < 0) continue;
    uint32_t start = v.mention_first[static_cast<size_t>(a)];
    t = start;  // the rest of this mention is done
    if (not_subjects != nullptr && (*not_subjects)[static_cast<size_t>(a)]) continue;
    if (IsPrepositionalObject(v, static_cast<uint32_t>(a))) continue;
    if (IsInfinitiveObject(v, static_cast<uint32_t>(a))) continue;
    // A possessor ("Poland's parliament", "Trump's efforts") stands for the subject only
    // when no other actor does.
    const bool possessor = (v.mention_end[static_cast<size_t>(a)] < v.end &&
                            Norm(v, v.mention_end[static_cast<size_t>(a)]) == "'s") ||
                           Is(v, start, wc::kPossessivePronouns);  // its partners
    if (possessor) {
      if (possessor_fallback < 0) possessor_fallback = a;
      continue;
    }
    return a;
  }
  return possessor_fallback;
}



enum class OwnSubject { kNone, kPronoun, kActor, kOther };

// What stands right before the verb at `anchor` within its clause [from, anchor): walking left
// over auxiliaries, negations and adverbs, the first word is the clause's own subject: an
// actor, a pronoun (which refers back to the subject outside the clause) or another noun.
static OwnSubject OwnSubjectOf(const SentenceView& v, uint32_t from, uint32_t anchor) {
  for (uint32_t t = anchor; t-- > from;) {
    const Token& tok = v.tok(t);
    if (v.ActorCovering(t) >= 0) return OwnSubject::kActor;
    if (tok.kind == TokenKind::kNumber) return OwnSubject::kOther;
    if (tok.kind != TokenKind::kWord) continue;
    const std::string_view n = tok.norm;
    if (Is(v, t, wc::kPersonalPronouns)) return OwnSubject::kPronoun;
    if (Is(v, t, wc::kClauseTransparent | wc::kNegation)) continue;
    if (n.size() > 4 && n.compare(n.size() - 2, 2, "ly") == 0) continue;  // "flatly", "jointly"
    return OwnSubject::kOther;
  }
  return OwnSubject::kNone;
}

// The relative pronoun that opens the clause starting at `clause_start` (the clause may start at
// the pronoun, after ", which", or right after it, after "that"), or UINT32_MAX.
static uint32_t RelativePronoun(const SentenceView& v, uint32_t clause_start) {
  if (clause_start < v.end && Is(v, clause_start, wc::kRelativePronouns)) return clause_start;
  if (clause_start > v.first && Is(v, clause_start - 1, wc::kRelativePronouns)) return clause_start - 1;
  return UINT32_MAX;
}

int32_t RelativeAntecedent(const SentenceView& v, uint32_t clause_start) {
  uint32_t p = RelativePronoun(v, clause_start);
  if (p == UINT32_MAX || p <= v.first) return -1;
  if (p > v.first && IsPunct(v.tok(p - 1), ",")) --p;
  return p > v.first ? v.ActorCovering(p - 1) : -1;
}

// "Thousands of Nigerians", "A member of the Syrian parliament": the actor of an "of" phrase
// that opens the clause.
static int32_t LeadingOfActor(const SentenceView& v, uint32_t clause_start, uint32_t anchor,
                              const std::vector<bool>* not_subjects) {
  for (uint32_t a : v.actors) {
    const uint32_t first = v.mention_first[a];
    if (first < clause_start || first >= anchor) continue;
    if (not_subjects != nullptr && (*not_subjects)[a]) continue;
    uint32_t p = std::max(ClusterStart(v, a), clause_start);  // "supporters of former President X"
    while (p > clause_start && Is(v, p - 1, wc::kSkippable)) --p;
    if (p > clause_start && Norm(v, p - 1) == "of" && p - 1 - clause_start <= 4) return static_cast<int32_t>(a);
    return -1;  // only the first actor of the clause can be its subject this way
  }
  return -1;
}

// "Pakistan, a key U.S. ally in the war, has refused": when the verb (with its auxiliaries)
// follows an appositive opened by "a", "an" or "the", the subject stands before the appositive.
// Returns the token to search back from.
static uint32_t BeforeAppositive(const SentenceView& v, uint32_t anchor) {
  uint32_t t = anchor;
  while (t > v.first && Is(v, t - 1, wc::kClauseTransparent | wc::kNegation) &&
         !Is(v, t - 1, wc::kPersonalPronouns))
    --t;
  if (t <= v.first || !IsPunct(v.tok(t - 1), ",")) return anchor;
  for (uint32_t k = t - 1, n = 0; k > v.first && n < 16; --k, ++n) {
    const Token& tok = v.tok(k - 1);
    if (IsPunct(tok, ";") || IsPunct(tok, ":") || tok.kind == TokenKind::kQuote) return anchor;
    if (!IsPunct(tok, ",")) continue;
    const std::string_view opener = v.tok(k).norm;
    return opener == "a" || opener == "an" || opener == "the" ? k - 1 : anchor;
  }
  return anchor;
}

int32_t ClauseSubject(const SentenceView& v, uint32_t anchor, const std::vector<bool>* not_subjects) {
  const uint32_t clause = ClauseStart(v, anchor);
  int32_t s = SubjectBefore(v, BeforeAppositive(v, anchor), not_subjects);
  // Only a verb has a clause of its own; "announced a suspension of" is the announcer's.
  const bool nominal = anchor > v.first && Is(v, anchor - 1, wc::kNounMarkers);
  const uint32_t pronoun = RelativePronoun(v, clause);
  const bool relative = pronoun != UINT32_MAX && pronoun < anchor;
  const bool subordinate = relative || (clause > v.first && SpeechVerbAt(v, clause - 1));
  if (!nominal && subordinate && (s < 0 || v.mention_first[static_cast<size_t>(s)] < clause)) {
    switch (OwnSubjectOf(v, relative ? pronoun + 1 : clause, anchor)) {
      case OwnSubject::kOther: return -1;  // "that Soviet forces murdered": no actor
      case OwnSubject::kNone:              // "the group that has seized": the antecedent
        if (relative) return RelativeAntecedent(v, clause);
        break;
      case OwnSubject::kPronoun:
      case OwnSubject::kActor: break;
    }
  }
  // ", as authorities in Croatia cracked down": an adverbial clause has a subject of its own;
  // when that is no actor (only an actor inside a prepositional phrase), an actor outside the
  // clause does not stand in for it.
  const bool adverbial = clause > v.first && Norm(v, clause - 1) == "," && Is(v, clause, wc::kAdverbialOpeners);
  if (!nominal && adverbial && s >= 0 && v.mention_first[static_cast<size_t>(s)] < clause) {
    const OwnSubject own = OwnSubjectOf(v, clause + 1, anchor);
    if (own == OwnSubject::kOther || own == OwnSubject::kActor) return -1;
  }
  // "demonstrators protesting election results": a participle after a plural noun that is no
  // actor has that noun as its subject; after an actor's name, that actor, even when it is the
  // object of an earlier phrase ("used tear gas to disperse demonstrators protesting ...") or of
  // a preposition ("with the police killing of a teenager").
  const std::string_view verb = v.tok(anchor).norm;
  if (!nominal && anchor > v.first && verb.size() > 5 && verb.ends_with("ing") && verb != "according") {
    const int32_t before = v.ActorCovering(anchor - 1);
    if (before >= 0 && v.mention_end[static_cast<size_t>(before)] == anchor &&
        !Is(v, anchor - 1, wc::kPossessivePronouns) && !Is(v, anchor - 1, wc::kPersonalPronouns))
      return before;
  }
  if (!nominal && anchor > v.first && verb.size() > 5 && verb.compare(verb.size() - 3, 3, "ing") == 0 &&
      v.ActorCovering(anchor - 1) < 0 && !v.capitalized[anchor - 1 - v.first]) {
    const std::string_view prev = v.tok(anchor - 1).norm;
    if (prev.size() > 4 && prev.back() == 's' && OwnSubjectOf(v, anchor - 1, anchor) == OwnSubject::kOther &&
        !Is(v, anchor - 1, wc::kPossessivePronouns))
      return -1;
  }
  if (s < 0) s = LeadingOfActor(v, clause, anchor, not_subjects);
  return s;
}

// "that" opening a relative clause ("the militia that has seized") rather than a complement
// ("demanded that Israel ease"): a verb follows it, not a subject.
static bool IsRelativeThat(const SentenceView& v, uint32_t t) {
  if (t + 1 >= v.end) return false;
  const uint32_t next = t + 1;
  if (v.ActorAt(next) >= 0 || v.capitalized[next - v.first]) return false;
  return !Is(v, next, wc::kSkippable) && !Is(v, next, wc::kPersonalPronouns);
}

// True when the comma at `comma` opens a trailing attribution: "..., a spokeswoman for the
// U.S. embassy said." Its actors say the event; they are not its object.
static bool IsAttributionTail(const SentenceView& v, uint32_t comma) {
  for (uint32_t t = comma + 1; t < v.end && t < comma + 12; ++t) {
    const std::string_view n = v.tok(t).norm;
    if (n == "," || n == ";" || n == ":" || v.tok(t).kind == TokenKind::kQuote) return false;
    if (SpeechVerbAt(v, t)) return t > comma + 1;  // ", said X" is handled by the speech frame
  }
  return false;
}

// True when token `t` lies in a phrase that opens the sentence with a preposition and has not
// yet been closed by a comma: "With the signing of a deal, Sudan and Chad agreed".
static bool InOpeningPhrase(const SentenceView& v, uint32_t t) {
  if (t <= v.first || !Is(v, v.first, wc::kOpeners)) return false;
  for (uint32_t k = v.first; k < t; ++k) {
    if (Norm(v, k) == ",") return false;
  }
  return true;
}

// The word tests of ObjectAfter at token t (one of kObjectStops): true when the search for an
// object stops there.
static bool StopsObject(const SentenceView& v, uint32_t from, uint32_t t, bool opening) {
  const std::string_view n = v.tok(t).norm;
  if (n == ";" || n == "according") return true;
  if (opening && n == ",") return true;  // the opening phrase ends; the main clause's actors are not its objects
  // "hailed the report and warned that Biden ...": a coordinated past-tense verb starts an
  // action of its own, whose actors are not this one's objects.
  if (n == "and" && t > from && t + 1 < v.end && v.ActorCovering(t + 1) < 0 && !v.capitalized[t + 1 - v.first] &&
      v.tok(t + 1).norm.size() > 4 && v.tok(t + 1).norm.ends_with("ed"))
    return true;
  if (n == "," && t + 1 < v.end && Is(v, t + 1, wc::kClauseOpeners)) return true;
  if (n == "," && IsAttributionTail(v, t)) return true;
  // "criticized the militia that has seized parts of Mali": a relative clause qualifies the
  // object, its actors are not the object ("demanded that Russia ..." goes on).
  if (n == "which" || n == "who" || n == "whom" || (n == "that" && t > from && IsRelativeThat(v, t))) return true;
  // "rejected an ultimatum to hand over a guard ... in front of the Yugoslav consulate": an
  // infinitive after the object starts another action, whose actors are not this one's.
  if (n == "to" && t > from && IsRelativeThat(v, t)) return true;
  // "reimposed blockades in the West Bank following the deaths of two Israelis": a phrase
  // of cause or circumstance tells what led to the action; its actors are not acted on.
  return n == "following" || n == "amid" || n == "despite" || n == "since";
}

// True when token `t` is a quotation mark that closes the quotation holding the phrase ending
// before `from`: what follows it is the reporter's text, whose actors are not the phrase's objects.
static bool ClosesQuotation(const SentenceView& v, uint32_t from, uint32_t t) {
  if (v.tok(t).kind != TokenKind::kQuote || std::string_view(v.tok(t).norm) == "'") return false;
  return from > v.first && from - 1 < t && v.tok(from - 1).kind != TokenKind::kQuote && Is(v, from - 1, wc::kInQuote);
}

bool FirstPersonSubject(const SentenceView& v, uint32_t anchor) {
  const uint32_t clause = ClauseStart(v, anchor);
  for (uint32_t t = anchor; t-- > clause;) {
    const Token& tok = v.tok(t);
    if (tok.kind != TokenKind::kWord || v.ActorCovering(t) >= 0) return false;
    const std::string_view n = tok.norm;
    if (n == "we" || n == "i") return InQuotation(v, t);
    if (Is(v, t, wc::kClauseTransparent | wc::kNegation)) continue;
    if (n.size() > 4 && n.ends_with("ly")) continue;  // "We strongly condemn"
    return false;
  }
  return false;
}

bool InQuotation(const SentenceView& v, uint32_t t) {
  return t >= v.first && t - v.first < v.word_class.size() && v.tok(t).kind != TokenKind::kQuote &&
         Is(v, t, wc::kInQuote);
}

int32_t ObjectAfter(const SentenceView& v, uint32_t from, int32_t skip, bool allow_by) {
  const bool opening = InOpeningPhrase(v, from);
  for (uint32_t t = from; t < v.end && t < from + 16; ++t) {
    if (Is(v, t, wc::kObjectStops) && StopsObject(v, from, t, opening)) break;
    if (ClosesQuotation(v, from, t)) break;
    if (SpeechVerbAt(v, t)) break;
    // "demanded a truce with Moslem forces before allowing U.N. convoys": a subordinate clause
    // has actors of its own.
    if (t > from && Is(v, t, wc::kSubordinators)) break;
    int32_t a = v.ActorAt(t);
    if (a < 0 || a == skip) continue;
    if (Is(v, t, wc::kPossessivePronouns)) continue;  // "its proposal" is not an object
    uint32_t p = t;
    while (p > v.first && Is(v, p - 1, wc::kSkippable)) --p;
    if (!allow_by && p > v.first && Norm(v, p - 1) == "by") continue;
    a = ClusterHead(v, static_cast<uint32_t>(a));
    if (a == skip) continue;
    return a;
  }
  return -1;
}

// "allowed", "taken", "met": the shapes of regular and most irregular past participles.
static bool LooksParticiple(std::string_view n) {
  return n.size() >= 3 && (n.ends_with("ed") || n.ends_with("en") || n.ends_with("t"));
}

bool IsPassive(const SentenceView& v, uint32_t anchor, uint32_t match_end) {
  if (!LooksParticiple(v.tok(anchor).norm)) return false;
  // "is committed to", "is prepared to lift", "is scheduled to attend": participles of
  // readiness or arrangement after "be" describe the subject, who is the actor; without a
  // "by" agent they are adjectives, not passives.
  if (Is(v, anchor, wc::kDisposition) && PassiveAgent(v, match_end) < 0) return false;
  for (uint32_t t = anchor, k = 0; t > v.first && k < 3; ++k) {
    --t;
    if (Is(v, t, wc::kBeForms)) return true;
    if (Norm(v, t) == "has" || Norm(v, t) == "have" || Norm(v, t) == "had") return false;
    if (v.tok(t).kind != TokenKind::kWord) break;
  }
  // A reduced relative clause: "properties seized by the U.S.".
  return match_end < v.end && Norm(v, match_end) == "by" && PassiveAgent(v, match_end) >= 0;
}

bool PassiveSubjectIsNoActor(const SentenceView& v, uint32_t anchor) {
  bool be = false;
  for (uint32_t t = anchor; t-- > v.first;) {
    const Token& tok = v.tok(t);
    if (tok.kind != TokenKind::kWord || v.ActorCovering(t) >= 0) return false;
    const std::string_view n = tok.norm;
    if (Is(v, t, wc::kBeForms)) {
      be = true;
      continue;
    }
    if (Is(v, t, wc::kPersonalPronouns | wc::kRelativePronouns)) return false;
    if (Is(v, t, wc::kClauseTransparent | wc::kNegation) || (n.size() > 4 && n.ends_with("ly"))) continue;
    // "the militant leader was killed": one unnamed person; a plural ("civilians", "properties")
    // stands for a place's people or goods, whose place or owner nearby is the target.
    return be && !v.capitalized[t - v.first] && !n.ends_with("s");
  }
  return false;
}

int32_t PassiveAgent(const SentenceView& v, uint32_t match_end) {
  // "was condemned in a joint statement by Egypt": a short phrase may stand before "by", but
  // not a clause boundary.
  for (uint32_t t = match_end; t < v.end && t < match_end + 6; ++t) {
    const std::string_view n = v.tok(t).norm;
    if (n == "," || n == ";" || n == ":" || n == "and" || n == "but" || v.ActorCovering(t) >= 0) break;
    if (n != "by") continue;
    uint32_t p = t + 1;
    while (p < v.end && Is(v, p, wc::kSkippable)) ++p;
    // "by Argentine President Javier Milei": title words before the name.
    for (uint32_t k = 0; k < 4 && p < v.end && v.ActorAt(p) < 0 && TitleToken(v, p); ++k) ++p;
    return v.ActorAt(p);
  }
  return -1;
}

// True when the tokens before the cluster of `actor` are ", or a closing quote: the speaker
// follows a quotation (`"...," Kremlin spokesman Dmitry Peskov told reporters`).
static bool AfterQuotation(const SentenceView& v, uint32_t actor) {
  uint32_t p = ClusterStart(v, actor);
  while (p > v.first && Is(v, p - 1, wc::kSkippable)) --p;
  if (p == v.first) return false;
  const Token& prev = v.tok(p - 1);
  return IsPunct(prev, ",") || prev.kind == TokenKind::kQuote;
}

// The actor saying what the speech verb at `verb` reports, from the left. In "..., relief
// officials in Nairobi said" the speaker is the noun phrase after the last comma, which names
// no actor: the actor before that comma (an object of the reported event) is not the speaker.
static int32_t SpeakerBefore(const SentenceView& v, uint32_t verb) {
  const int32_t before = SubjectBefore(v, verb, nullptr);
  if (before < 0) return -1;
  for (uint32_t t = verb; t-- > v.mention_end[static_cast<size_t>(before)];) {
    if (Norm(v, t) != "," && v.tok(t).kind != TokenKind::kQuote) continue;
    for (uint32_t k = t + 1; k < verb; ++k) {
      if (v.tok(k).kind == TokenKind::kWord && !Is(v, k, wc::kClauseTransparent)) return -1;
    }
    break;  // ", said X" or ", X said" with only auxiliaries between: the actor before speaks
  }
  return before;
}

std::vector<SpeechFrame> FindSpeechFrames(const SentenceView& v) {
  std::vector<SpeechFrame> frames;
  FindSpeechFrames(v, &frames);
  return frames;
}

void FindSpeechFrames(const SentenceView& v, std::vector<SpeechFrame>* out) {
  std::vector<SpeechFrame>& frames = *out;
  frames.clear();
  if ((v.word_classes_any & (wc::kSpeech | wc::kAccording)) == 0) return;  // no speech verb, no "according"
  for (uint32_t t = v.first; t < v.end; ++t) {
    // Only speech verbs and "according" open a frame: the other tokens are passed by one bit test.
    if ((v.word_class[t - v.first] & (wc::kSpeech | wc::kAccording)) == 0) continue;
    const std::string_view n = v.tok(t).norm;  // compares lengths first, unlike std::string == "x"
    if (n == "according" && t + 1 < v.end && Norm(v, t + 1) == "to") {
      int32_t who = ObjectAfter(v, t + 2, -1, true);
      if (who >= 0) frames.push_back({t, who, v.mention_end[static_cast<size_t>(who)], v.end});
      continue;
    }
    if (!SpeechVerbAt(v, t) || (v.word_class[t - v.first] & wc::kInQuote) != 0) continue;
    SpeechFrame f;
    f.verb = t;
    const int32_t before = SpeakerBefore(v, t);
    int32_t after = v.ActorAt(t + 1);
    if (after >= 0) after = ClusterHead(v, static_cast<uint32_t>(after));
    const bool verb_after_comma = t > v.first && (Norm(v, t - 1) == "," || v.tok(t - 1).kind == TokenKind::kQuote);
    const bool short_tail = v.end - t <= 4;  // "... told reporters."
    if (after >= 0 && (verb_after_comma || v.mention_end[static_cast<size_t>(after)] + 1 >= v.end)) {
      f.speaker = after;  // "..., said Peskov."
      f.content_first = v.first;
      f.content_end = t;
    } else if (before >= 0) {
      f.speaker = before;
      const bool content_first = short_tail || AfterQuotation(v, static_cast<uint32_t>(before));
      f.content_first = content_first ? v.first : t + 1;
      f.content_end = content_first ? ClusterStart(v, static_cast<uint32_t>(before)) : v.end;
    } else if (after >= 0) {
      f.speaker = after;
      f.content_first = v.first;
      f.content_end = t;
    }
    if (f.speaker >= 0) frames.push_back(f);
  }
}

uint32_t ClauseStart(const SentenceView& v, uint32_t anchor) {
  if (anchor >= v.first && anchor - v.first < v.clause_start.size()) return v.clause_start[anchor - v.first];
  for (uint32_t t = anchor; t > v.first; --t) {
    const std::string_view n = v.tok(t - 1).norm;  // compares lengths first, unlike std::string == "x"
    if (n == ";" || n == ":" || n == "that" || n == "and" || SpeechVerbAt(v, t - 1)) return t;
    if (n == "," && Is(v, t, wc::kClauseOpeners)) return t;
  }
  return v.first;
}

std::string_view ModalityCue(const SentenceView& v, uint32_t clause_start, uint32_t anchor) {
  bool hypothetical = false;
  for (uint32_t t = clause_start; t < anchor; ++t) {
    const std::string_view n = v.tok(t).norm;
    if (Is(v, t, wc::kNegation)) return "negated";
    // "has yet to sign", "is yet to reply": what has not happened yet is not asserted.
    if (n == "yet" && t + 1 < anchor && Norm(v, t + 1) == "to") return "negated";
    // "would have allowed Iran to ...", "would have attacked": a counterfactual tells what did
    // not happen ("would have to" is an obligation, still hypothetical).
    // "would have talks" is a plan, not a counterfactual: the word after "have" must be a participle.
    if (n == "would" && t + 2 <= anchor && Norm(v, t + 1) == "have" && LooksParticiple(Norm(v, t + 2)))
      return "negated";
    if (Is(v, t, wc::kHypothetical)) hypothetical = true;
  }
  // "denied that X attacked Y": a clause under a denial tells what its speaker says did not happen.
  if (clause_start > v.first + 1 && Norm(v, clause_start - 1) == "that" &&
      Is(v, clause_start - 2, wc::kDenials))
    return "negated";
  // "a plot to kill", "conspired to overthrow": a planned action is not (yet) done.
  if (anchor > v.first + 1 && Norm(v, anchor - 1) == "to" && Is(v, anchor - 2, wc::kPlots))
    hypothetical = true;
  // "asked Carrie Lam, who is backed by Beijing, to resign", "urged Iran to release": an action
  // asked of someone has not (yet) happened.
  if (anchor > v.first + 1 && Norm(v, anchor - 1) == "to") {
    for (uint32_t t = anchor - 1, k = 0; t-- > v.first && k < 24; ++k) {
      if (Norm(v, t) == ";" || Norm(v, t) == ":") break;
      if (Is(v, t, wc::kAsks)) {
        hypothetical = true;
        break;
      }
    }
  }
  // "if" or "unless" anywhere before the clause in the same sentence also counts.
  for (uint32_t t = v.first; t < clause_start; ++t) {
    if (Norm(v, t) == "if" || Norm(v, t) == "unless") hypothetical = true;
  }
  return hypothetical ? "hypothetical" : "";
}

}  // namespace parley::code
