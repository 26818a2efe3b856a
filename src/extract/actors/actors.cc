#include "extract/actors/actors.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "extract/actors/coref.h"
#include "util/flat_map.h"
#include "extract/actors/rules.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace parley::extract {
namespace {

using lexicon::Entry;
using lexicon::Hit;
using lexicon::Kind;
using lexicon::Lexicon;

constexpr uint32_t kUnknownPerson = 0xFFFFFFFF;
constexpr uint64_t kLargeCity = 500000;  // large enough to be a place without a preposition

// Up to eight bytes as one integer, to compare short words without a call per candidate.
constexpr uint64_t Pack(std::string_view w) {
  uint64_t v = 0;
  for (size_t k = 0; k < w.size() && k < 8; ++k) v |= uint64_t{static_cast<unsigned char>(w[k])} << (8 * k);
  return v;
}

// A short list of words and the set of their lengths: most words looked up in one have a
// length none of its words has, and are rejected without comparing strings.
template <size_t N>
struct WordList {
  std::array<std::string_view, N> words;
  std::array<uint64_t, N> heads{};  // Pack() of each word: most candidates differ there
  uint64_t lengths = 0;
  constexpr WordList(std::array<std::string_view, N> w) : words(w) {
    for (size_t k = 0; k < N; ++k) {
      lengths |= uint64_t{1} << std::min<size_t>(words[k].size(), 63);
      heads[k] = Pack(words[k]);
    }
  }
};

// After these a country or capital is where something happens, not who does it.
constexpr WordList<11> kLocative{std::array<std::string_view, 11>{
    "in", "at", "near", "inside", "outside", "across", "throughout", "within", "into", "around", "via"}};
constexpr WordList<24> kCompass{std::array<std::string_view, 24>{
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "north-eastern",
    "north-western", "south-eastern", "south-western", "northeastern", "northwestern", "southeastern",
    "southwestern"}};
// Last words of organisations, never of a person's name ("Saudi Press Agency").
constexpr WordList<24> kOrganisationWords{std::array<std::string_view, 24>{
    "agency", "ministry", "council", "party", "army", "force", "forces", "police", "office", "department",
    "committee", "commission", "court", "bank", "company", "group", "university", "news", "times", "post",
    "service", "guard", "corps", "authority"}};
// Capitalised words after a country that make it part of a state body ("United States
// Department of State"): the country's government.
constexpr WordList<10> kGovernmentWords{std::array<std::string_view, 10>{
    "department", "ministry", "government", "embassy", "administration", "agency", "office", "cabinet",
    "authorities", "commission"}};
// Name particles: "Hamza bin Laden" is not "bin Laden".
constexpr WordList<12> kNameParticles{std::array<std::string_view, 12>{
    "bin", "ibn", "al", "el", "de", "van", "von", "da", "di", "la", "le", "abu"}};
// Verbs of leaving whose object is a place ("left the UK").
constexpr WordList<5> kDepartures{std::array<std::string_view, 5>{"left", "leave", "leaving", "fled", "exited"}};
// Nouns of movement before "to" whose object is a place ("flights to Cuba").
constexpr WordList<20> kMotions{std::array<std::string_view, 20>{
    "flights", "flight", "flew", "return", "returned", "returning", "came", "come", "went", "go",
    "travel", "traveled", "travelled", "moved", "fled", "deployed", "sending", "trip", "visit", "journey"}};
// Lower-case nouns after a capital that make it a place ("a Baghdad airport").
constexpr WordList<8> kPlaceNouns{std::array<std::string_view, 8>{
    "airport", "province", "city", "street", "hotel", "region", "area", "governorate"}};
// Nouns of settlements and areas a nationality places in its state ("the Bosnian town of
// Gorazde", "the Rwandan capital, Kigali").
constexpr WordList<14> kSettlementNouns{std::array<std::string_view, 14>{
    "capital", "city", "town", "port", "village", "province", "region", "district", "state", "enclave",
    "island", "governorate", "county", "municipality"}};
// Prepositions that introduce a town ("talks in Istanbul", "flights to Sochi", "mayor of Lviv").
constexpr WordList<9> kPlacePreps{std::array<std::string_view, 9>{
    "to", "from", "of", "toward", "towards", "between", "outside", "near", "via"}};
// Capitalised words that are never part of a person's name and may stand for a surname.
constexpr WordList<19> kCalendarWords{std::array<std::string_view, 19>{
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}};
// Words before a bare surname that show a person is meant ("Mr. Putin", "President Putin").
constexpr WordList<22> kHonorifics{std::array<std::string_view, 22>{
    "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "president", "minister", "secretary", "senator", "sen.",
    "chancellor", "premier", "gen.", "general", "king", "queen", "prince", "leader", "spokesman", "spokeswoman"}};
// Verbs that follow a people's name ("the French said", "the British have").
constexpr WordList<16> kSpeechVerbs{std::array<std::string_view, 16>{
    "said", "say", "says", "have", "has", "had", "were", "are", "was", "will", "would", "could",
    "did", "do", "want", "wanted"}};
// Capitalised words that open a sentence or clause and start no name ("In Idlib, a ...").
constexpr WordList<20> kClauseOpeners{std::array<std::string_view, 20>{
    "in", "on", "at", "after", "before", "with", "for", "from", "by", "the", "a", "an", "last", "this",
    "but", "and", "meanwhile", "according", "earlier", "later"}};

// Nouns of events and of what one state does to another: a nationality adjective before
// one names the state as the actor ("an Indian proposal", "American sanctions").
constexpr WordList<40> kEventNouns{std::array<std::string_view, 40>{
    "proposal", "proposals", "offer", "offers", "ultimatum", "attack", "attacks", "strike", "strikes",
    "airstrike", "airstrikes", "sanctions", "demand", "demands", "plan", "initiative", "invasion",
    "offensive", "raid", "raids", "threat", "threats", "warning", "criticism", "protest", "aid",
    "delegation", "troops", "bombing", "bombardment", "crackdown", "blockade", "embargo", "incursion",
    "veto", "request", "appeal", "accusation", "accusations", "mediation"}};
// Roles that belong to the place they are in ("demonstrators in Baghdad"); soldiers,
// diplomats and refugees are often foreigners there ("troops in Iraq", "refugees in
// Somalia"), so they are not listed.
constexpr WordList<8> kLocalRoles{std::array<std::string_view, 8>{
    "CVL", "OPP", "REB", "INS", "COP", "SEP", "UAF", "LAB"}};

template <size_t N>
bool In(const WordList<N>& list, std::string_view w) {
  if (((list.lengths >> std::min<size_t>(w.size(), 63)) & 1) == 0) return false;  // most words
  // The first eight bytes as one integer, compared with every word's without a call; the
  // rest only when they match.
  uint64_t head;
  if (std::endian::native == std::endian::little && w.size() >= 8) {
    std::memcpy(&head, w.data(), 8);
  } else {
    head = Pack(w);
  }
  for (size_t k = 0; k < N; ++k) {
    if (list.heads[k] == head && list.words[k].size() == w.size() &&
        (w.size() <= 8 || list.words[k].substr(8) == w.substr(8)))
      return true;
  }
  return false;
}

// One recognised span of a sentence, before combination.
struct Item {
  uint32_t begin = 0, end = 0;  // tokens
  uint32_t entry = 0;           // lexicon entry, or kUnknownPerson (then `unknown` indexes)
  Kind kind = Kind::kPerson;
  uint32_t unknown = 0;
  bool short_name = false;
};

struct UnknownPerson {
  std::string_view name;  // bytes of the document's text
  std::string code;
  char gender = 0;
  std::string_view role_word;  // folded, owned by the Lexicon
};

// One output candidate of a sentence: a mention, or a reference to resolve. Lean: spans, the
// code (short: no allocation) and a view of the name; the output mention's strings are made
// only for the pieces emitted, in place in the output (Extractor::Emit).
struct Piece {
  uint32_t begin = 0;           // first token
  uint32_t start = 0, end = 0;  // bytes of the mention's text
  uint32_t sentence = 0;
  std::string code;
  // The canonical name: `name` (owned by the Lexicon or the text), the mention's own text, or
  // `name` + " government".
  enum class NameIs : uint8_t { kView, kText, kGovernment };
  NameIs name_is = NameIs::kView;
  bool sector_always = false;  // the sector is code[3, 6) even when the code is shorter than 6
  std::string_view name;
  MentionTraits traits;
  EntityKey key;
  bool is_reference = false;
  Reference ref;
  bool fallback = false;  // a reference that is emitted as `mention` when it does not resolve
  // A bare role ("police", "the government") coded with its sentence's country by
  // CodeGenericActors, or dropped: the role code (owned by the Lexicon), else empty.
  std::string_view generic_role;

  std::string_view Country() const { return std::string_view(code).substr(0, 3); }
};

// A pronoun to resolve: kept apart from the pieces, since most never resolve and a full
// mention is built only for those that do.
struct Pronoun {
  uint32_t token = 0;
  RefType type = RefType::kHe;
};

constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// Words that may refer back (pronouns, "it", surnames met so far), as a small set of
// word keys (Token::key) folded to 12 bits: a clear bit means none of them.
struct ReferSet {
  static constexpr uint64_t kMask = 4095;
  std::array<uint64_t, (kMask + 1) / 64> bits{};
  void Add(std::string_view w) {
    if (w.empty()) return;
    const uint64_t k = WordKey(w) & kMask;
    bits[k >> 6] |= uint64_t{1} << (k & 63);
  }
  bool Has(uint64_t word_key) const {
    const uint64_t k = word_key & kMask;
    return ((bits[k >> 6] >> (k & 63)) & 1) != 0;
  }
};

// Every word PronounType() or PronounAt() accepts.
constexpr std::array<std::string_view, 14> kPronounWords{"he",   "him",  "his",   "himself",    "she",
                                                         "her",  "hers", "herself", "they",     "them",
                                                         "their", "themselves", "its", "it"};
const ReferSet& PronounSet() {
  static const ReferSet set = [] {
    ReferSet r;
    for (std::string_view w : kPronounWords) r.Add(w);
    return r;
  }();
  return set;
}

// The pronoun `w` is ("he", "their", ...), or null. By length first: most words are none.
std::optional<RefType> PronounType(std::string_view w) {
  if (w.size() == 10) return w == "themselves" ? std::optional<RefType>(RefType::kThey) : std::nullopt;
  if (w.size() < 2 || w.size() > 7 || (w[0] != 'h' && w[0] != 's' && w[0] != 't' && w[0] != 'i')) return std::nullopt;
  switch (Pack(w)) {
    case Pack("he"):
    case Pack("him"):
    case Pack("his"):
    case Pack("himself"):
      return RefType::kHe;
    case Pack("she"):
    case Pack("her"):
    case Pack("hers"):
    case Pack("herself"):
      return RefType::kShe;
    case Pack("they"):
    case Pack("them"):
    case Pack("their"):
      return RefType::kThey;
    case Pack("its"):
      return RefType::kIts;
  }
  return std::nullopt;
}

// A token of a sentence worth a closer look (Extractor::Candidates), and why. The flags are
// 32 bits, not 8: a store of a byte may alias anything, and the scan would reload every
// pointer it reads after each candidate it writes.
struct Cand {
  static constexpr uint32_t kMayMatter = 1;  // starts a phrase (kGate), may refer back, or is not ASCII
  static constexpr uint32_t kCompound = 2;   // a capitalised word that may be "Vietnamese-led"
  static constexpr uint32_t kGate = 4;       // passed Lexicon::MayStart
  static constexpr uint32_t kLower = 8;      // written in lower case (starts only agents)
  static constexpr uint32_t kCapital = 16;   // not in lower case (kept whatever else it is)
  uint32_t token = 0;
  uint32_t flags = 0;
};

// What FindActors keeps from one document to the next on a thread: cleared, never freed, so
// that a document allocates only what it outputs (a one-sentence document used to allocate a
// dozen vectors and hash tables, and free them).
struct Scratch {
  Coref coref;
  std::vector<Hit> hits;
  std::vector<Item> items;  // of the current sentence
  std::vector<Piece> pieces;
  std::vector<char> used;
  std::vector<std::string_view> roles;  // folded, owned by the Lexicon
  std::vector<Pronoun> pronouns;
  std::vector<Token> compound;  // CompoundItem's scratch: the name part of "Vietnamese-led"
  std::vector<uint32_t> order;  // FeedInOrder's scratch
  std::vector<Cand> cands;      // Candidates() of the sentence being recognised
  std::vector<Cand> next_cands; // ... and of the next one
  util::FlatMap introduced;           // people named so far (entry ids)
  util::FlatMap surnames;             // key of the last word of a full name -> person
  std::vector<UnknownPerson> unknown;
  util::FlatMap unknown_by_surname;   // by the surname's word key
  // Lower-case words that may matter (start an agent: Lexicon::MayStart, or are pronouns), one
  // bit by the top bits of the key, for the Lexicon of serial lower_serial: one test rejects
  // most words of a text. Built at the first document coded with a Lexicon on the thread.
  static constexpr int kLowerBits = lexicon::Lexicon::kGateLowerBits;
  uint64_t lower_serial = 0;
  std::array<uint64_t, (size_t{1} << kLowerBits) / 64> lower_matter{};

  void Mark(uint64_t key) {
    const uint64_t b = key >> (64 - kLowerBits);
    lower_matter[b >> 6] |= uint64_t{1} << (b & 63);
  }
  void PrepareFor(const Lexicon& lex) {
    if (lower_serial == lex.serial()) return;
    lower_matter.fill(0);
    // MayStart(key, true) reads only the key's top kLowerBits bits: one call per bitmap bit.
    for (uint64_t b = 0; b < (uint64_t{1} << kLowerBits); ++b) {
      if (lex.MayStart(b << (64 - kLowerBits), true)) lower_matter[b >> 6] |= uint64_t{1} << (b & 63);
    }
    for (std::string_view w : kPronounWords) Mark(WordKey(w));
    // Words with an empty norm are kept (Candidates): their key (and 0, a key left unset).
    Mark(WordKey(""));
    Mark(0);
    lower_serial = lex.serial();
  }
};

class Extractor {
 public:
  Extractor(const Document& doc, const TextLayer& layer, const Lexicon& lex, std::vector<ActorMention>* actors,
            std::vector<Place>* places, Scratch* scratch)
      : doc_(doc), layer_(layer), lex_(lex), text_(doc.text), date_(doc.published.value_or("")),
        day_(Lexicon::DayOf(date_)),
        places_(places), actors_(actors), coref_(scratch->coref), hits_(scratch->hits), items_(scratch->items),
        pieces_(scratch->pieces), used_(scratch->used), roles_(scratch->roles), pronouns_(scratch->pronouns),
        compound_(scratch->compound), order_(scratch->order), cands_(scratch->cands),
        next_cands_(scratch->next_cands),
        introduced_(scratch->introduced), surnames_(scratch->surnames), unknown_(scratch->unknown),
        unknown_by_surname_(scratch->unknown_by_surname), lower_matter_(scratch->lower_matter.data()),
        pronoun_set_(PronounSet()), refers_(pronoun_set_) {
    scratch->PrepareFor(lex);
    coref_.Reset(actors);
    introduced_.Clear();
    surnames_.Clear();
    unknown_.clear();
    unknown_by_surname_.Clear();
    // Room for one mention a sentence: Wikinews averages one every three, but political
    // news names more, and a growth moves every mention made so far (1% of FindActors at
    // one every two sentences).
    coref_.Reserve(layer.sentences.size() + 8);
  }

  // The candidates of each sentence are found one sentence ahead, and the memory their
  // lookups will read asked for then, so that it arrives while the sentence before is coded.
  void Run() {
    const std::vector<Sentence>& sentences = layer_.sentences;
    if (!sentences.empty()) cand_count_ = Candidates(sentences[0], &cands_);
    for (uint32_t s = 0; s < sentences.size(); ++s) {
      const size_t next_count = s + 1 < sentences.size() ? Candidates(sentences[s + 1], &next_cands_) : 0;
      sentence_ = s;
      // Scratch vectors live across sentences: most sentences would allocate them anew.
      items_.clear();
      pieces_.clear();
      pronouns_.clear();
      Recognise(sentences[s], &items_);
      // Most sentences name nobody (and refer to nobody): nothing to combine or feed.
      if (!items_.empty()) Combine(s, items_, &pieces_);
      if (!pieces_.empty() || !pronouns_.empty()) FeedInOrder(s, &pieces_);
      std::swap(cands_, next_cands_);
      cand_count_ = next_count;
    }
  }

 private:
  // ---- tokens ----
  const Token& Tok(uint32_t i) const { return layer_.tokens[i]; }
  // The entry's code and office on the document's date, from the Lexicon's day table.
  std::string CodeOf(uint32_t entry) const { return lex_.CodeOnDay(entry, day_, date_); }
  bool InOffice(uint32_t entry) const { return lex_.InOfficeOnDay(entry, day_, date_); }
  std::string_view Norm(uint32_t i) const { return layer_.tokens[i].norm; }
  bool Capitalized(uint32_t i) const {
    const Token& t = Tok(i);
    if (t.kind != TokenKind::kWord) return false;
    const unsigned char c = static_cast<unsigned char>(text_[t.start]);
    if (c < 0x80) return c >= 'A' && c <= 'Z';  // most words: no decoding
    size_t len;
    return util::IsUpper(util::DecodeUtf8(text_, t.start, &len));
  }
  // The word before token i, skipping one "the" ("in the Kremlin") and one compass word
  // ("into northeast Syria"), or "" at the start.
  // The token of WordBefore() (only when there is one).
  uint32_t PrepositionBefore(uint32_t i, uint32_t first) const {
    if (i > first && In(kCompass, Norm(i - 1))) --i;
    if (i > first && Norm(i - 1) == "the") --i;
    return i - 1;
  }
  std::string_view WordBefore(uint32_t i, uint32_t first) const {
    if (i > first && In(kCompass, Norm(i - 1))) --i;
    if (i > first && Norm(i - 1) == "the") --i;
    return i > first ? Norm(i - 1) : std::string_view();
  }

  // Where, not who: "in Ukraine", "flights to Cuba", "left the UK", "Istanbul, Turkey",
  // "mayor of London", "a Baghdad airport".
  bool Locative(uint32_t s, const Item& item) const {
    const uint32_t first = layer_.sentences[s].first_token;
    const std::string_view before = WordBefore(item.begin, first);
    if (In(kLocative, before)) return !rules::ActedOnAfter(layer_.tokens, first, PrepositionBefore(item.begin, first));
    if (In(kDepartures, before)) return true;
    const Kind kind = lex_.entry(item.entry).kind;
    if (kind == Kind::kCapital && (before == "of" || (item.end < layer_.sentences[s].end_token &&
                                                        In(kPlaceNouns, Norm(item.end)))))
      return true;
    uint32_t at = item.begin;
    if (at > first && Norm(at - 1) == "the") --at;
    if (before == "to" && at >= first + 2) return In(kMotions, Norm(at - 2));
    // "Istanbul, Turkey." but not "In Moscow, Israel praised Qatar": the town's country
    // ends the phrase.
    const bool phrase_ends = item.end >= layer_.sentences[s].end_token || Tok(item.end).kind == TokenKind::kPunct;
    return before == "," && at >= first + 2 && placeish_end_ == at - 1 && phrase_ends;
  }

  // ---- 1. recognition ----
  // The tokens of sentence `s` worth a closer look, in order, into `out` (their count), each
  // tagged with why (Cand flags). One tight pass over the token array: most tokens are
  // lower-case words that no agent starts and no pronoun is, rejected by one bit of
  // lower_matter_; only capitalised words read their norm, and all of them are kept.
  // Nothing here depends on the sentences before (Recognise tests a capitalised word against
  // the surnames met so far), so that it can run a sentence ahead. The Lexicon's lines that the
  // lookups of its words read first are asked for here: the word's and its pair's with the
  // next word (lower-case agents are a few common words, but "government" + the next word is
  // a line of its own).
  size_t Candidates(const Sentence& s, std::vector<Cand>* buffer) const {
    // Grown, never shrunk nor cleared: resize() would zero it at every sentence.
    if (buffer->size() < s.end_token - s.first_token) buffer->resize(s.end_token - s.first_token);
    Cand* const begin = buffer->data();
    Cand* out = begin;
    const Token* const tokens = layer_.tokens.data();
    const char* const text = text_.data();
    const ReferSet& pronouns = pronoun_set_;
    const uint32_t end = s.end_token;
    // In locals: the scan would reload them from *this after each candidate it writes.
    const uint64_t* const lower_matter = lower_matter_;
    for (uint32_t i = s.first_token; i < end; ++i) {
      const Token& t = tokens[i];
      if (t.kind != TokenKind::kWord) continue;
      const auto c0 = static_cast<unsigned char>(text[t.start]);
      if (IsAsciiLower(static_cast<char>(c0))) {
        // One bit test (an empty norm's key has its bit set: Scratch::PrepareFor).
        const uint64_t b = t.key >> (64 - Scratch::kLowerBits);
        if (((lower_matter[b >> 6] >> (b & 63)) & 1) == 0) continue;  // most words
        // A surname met so far never matters in lower case (KnownSurname wants a capital).
        const bool gate = lex_.MayStart(t.key, true);
        *out = Cand{i, Cand::kMayMatter | Cand::kLower | (gate ? Cand::kGate : 0)};
        out += static_cast<uint32_t>(gate | pronouns.Has(t.key) | t.norm.empty());  // kept when it may matter
        continue;
      }
      // "Vietnamese-led": a capitalised word of six bytes or more ending in "d" may be a
      // name and a suffix (CompoundItem).
      uint32_t flags = Cand::kCapital;
      if (t.norm.size() >= 6 && t.norm.back() == 'd' && (c0 < 0x80 ? c0 >= 'A' && c0 <= 'Z' : Capitalized(i)))
        flags |= Cand::kCompound;
      if (lex_.MayStart(t.key, false)) {
        flags |= Cand::kGate | Cand::kMayMatter;
      } else if (c0 >= 0x80 || t.norm.empty() || pronouns.Has(t.key)) {
        flags |= Cand::kMayMatter;
      }
      *out = Cand{i, flags};
      ++out;
    }
    // A call per word would make the scan above reload what it reads after each one.
    for (const Cand* c = begin; c != out; ++c) {
      if ((c->flags & Cand::kGate) == 0) continue;
      lex_.Prefetch(tokens[c->token].key, c->token + 1 < end ? tokens[c->token + 1].key : 0);
    }
    return static_cast<size_t>(out - begin);
  }

  // Names, and the pronouns between them (pronouns_): the candidates in order, skipping
  // those inside a name found before them.
  void Recognise(const Sentence& s, std::vector<Item>* items) {
    uint32_t i = s.first_token;
    for (size_t k = 0; k < cand_count_; ++k) {
      const Cand c = cands_[k];
      if (c.token < i) continue;  // inside the last name
      i = c.token;
      if ((c.flags & Cand::kCompound) != 0) {
        if (std::optional<Item> item = CompoundItem(i)) {
          items->push_back(*item);
          i = item->end;
          continue;
        }
      }
      // A capitalised word nobody's name starts with matters when it may refer back.
      if ((c.flags & Cand::kMayMatter) == 0 && !refers_.Has(Tok(i).key)) continue;
      hits_.clear();
      if ((c.flags & Cand::kGate) != 0)
        lex_.LookupGated(text_, layer_.tokens, i, s.end_token, (c.flags & Cand::kLower) != 0, &hits_);
      std::optional<Item> item;
      if (!hits_.empty()) item = Choose(s, i);
      if (!item || (item->end == i + 1 && item->kind != Kind::kPerson)) {
        if (auto known = KnownSurname(i)) item = known;
      }
      if (item) {
        ExtendOverCompound(s, &*item);
        PrefetchEntry(*item);
        items->push_back(*item);
        i = item->end;
      } else {
        if (std::optional<RefType> type = PronounAt(s, i)) pronouns_.push_back({i, *type});
        i = c.token + 1;
      }
    }
  }

  // Asks for the first lines of the item's entry (kind, name, dates, code: what Combine and
  // Classify read), so that the cache misses of a sentence's entries overlap with the rest of
  // its recognition instead of stalling Combine one entry after another.
  void PrefetchEntry(const Item& item) const {
    if (item.entry == kUnknownPerson) return;
    const char* e = reinterpret_cast<const char*>(&lex_.entry(item.entry));
    for (size_t line = 0; line < 3; ++line) __builtin_prefetch(e + 64 * line);
  }

  // Longest first; among the entries of one length, the kind with the highest priority.
  std::optional<Item> Choose(const Sentence& s, uint32_t i) {
    size_t k = 0;
    while (k < hits_.size()) {
      size_t group_end = k;
      while (group_end < hits_.size() && hits_[group_end].end == hits_[k].end) ++group_end;
      std::optional<Item> best;
      for (size_t h = k; h < group_end; ++h) {
        const Hit& hit = hits_[h];
        if (!Accept(s, hit)) continue;
        Item cand{hit.begin, hit.end, hit.entry, hit.kind, 0, hit.short_name};
        if (!best || Better(cand, *best)) best = cand;
      }
      if (best) return best;
      k = group_end;
    }
    (void)i;
    return std::nullopt;
  }

  static int Priority(Kind k) {
    switch (k) {
      case Kind::kPerson: return 9;
      case Kind::kSeat: return 8;
      case Kind::kOrganisation: return 7;
      case Kind::kGroup: return 6;
      case Kind::kCountry: return 5;
      case Kind::kCapital: return 4;
      case Kind::kAdjective: return 3;
      case Kind::kAgent: return 2;
      case Kind::kPlace: return 1;
    }
    return 0;
  }

  bool Better(const Item& a, const Item& b) const {
    if (Priority(a.kind) != Priority(b.kind)) return Priority(a.kind) > Priority(b.kind);
    // Places by population, from the Lexicon's dense table (a town's entry is rarely cached).
    if (a.kind == Kind::kPlace) return lex_.population(a.entry) > lex_.population(b.entry);
    if (a.kind == Kind::kPerson) {
      const bool oa = InOffice(a.entry), ob = InOffice(b.entry);
      if (oa != ob) return oa;
      const bool ia = introduced_.Contains(a.entry), ib = introduced_.Contains(b.entry);
      if (ia != ib) return ia;
    }
    return a.entry > b.entry;  // later layers and files win
  }

  bool Accept(const Sentence& s, const Hit& hit) const {
    if (hit.kind == Kind::kAgent) return true;
    if (!Capitalized(hit.begin) || InCapitals(s, hit) || GluedToSymbol(hit)) return false;
    if (hit.kind == Kind::kCountry && AfterCapitalisedWord(s, hit.begin)) return false;  // "New Mexico"
    if (hit.kind == Kind::kPlace) return AcceptPlace(s, hit);
    if (hit.kind == Kind::kCapital && PartOfLongerName(s, hit)) return false;
    if (hit.kind == Kind::kPerson && hit.short_name) return AcceptSurname(s, hit);
    return true;
  }

  // "THE USA IS GREAT": a short all-capital name among all-capital words is not a name.
  bool InCapitals(const Sentence& s, const Hit& hit) const {
    if (hit.end - hit.begin != 1 || Tok(hit.begin).end - Tok(hit.begin).start > 4) return false;
    auto caps = [&](uint32_t i) {
      const Token& t = Tok(i);
      if (t.kind != TokenKind::kWord || t.end - t.start < 2) return false;
      for (uint32_t b = t.start; b < t.end; ++b) {
        if (text_[b] >= 'a' && text_[b] <= 'z') return false;
      }
      return true;
    };
    return (hit.begin > s.first_token && caps(hit.begin - 1)) || (hit.end < s.end_token && caps(hit.end));
  }

  // "US$3.6 billion" is a currency, "U.S.-Mexican border" an adjective: not actors.
  bool GluedToSymbol(const Hit& hit) const {
    const uint32_t end = Tok(hit.end - 1).end;
    return end + 1 < text_.size() && (text_[end] == '$' || (text_[end] == '-' && std::isalpha(static_cast<unsigned char>(text_[end + 1])) && !rules::CompoundSuffixAt(text_, end)));
  }

  bool AfterCapitalisedWord(const Sentence& s, uint32_t i) const {
    return i > s.first_token + 1 && Capitalized(i - 1) && !In(kHonorifics, Norm(i - 1)) &&
           Norm(i - 1) != "the" && Tok(i - 1).end < Tok(i).start;
  }

  // "Hamza bin Laden", "Hunter Biden": a bare surname after another first name or a particle.
  bool AfterAnotherName(const Sentence& s, uint32_t i) const {
    if (i <= s.first_token) return false;
    if (In(kNameParticles, Norm(i - 1))) return true;
    return i > s.first_token + 1 && Capitalized(i - 1) && !In(kHonorifics, Norm(i - 1));
  }

  // "Washington Post", "George Washington": a capitalised word on either side.
  bool PartOfLongerName(const Sentence& s, const Hit& hit) const {
    // "Washington Tuesday said": a day or month after it is a date, not part of a name.
    const bool next = hit.end < s.end_token && Capitalized(hit.end) && Norm(hit.end) != "'s" &&
                      !In(kCalendarWords, Norm(hit.end));
    const bool prev = hit.begin > s.first_token + 1 && Capitalized(hit.begin - 1);
    return next || prev;
  }

  bool AcceptPlace(const Sentence& s, const Hit& hit) const {
    if (!Capitalized(hit.end - 1) || PartOfLongerName(s, hit) || In(kCalendarWords, Norm(hit.begin))) return false;
    std::string_view before = WordBefore(hit.begin, s.first_token);
    return In(kLocative, before) || In(kPlacePreps, before) || lex_.population(hit.entry) >= kLargeCity;
  }

  // A bare surname names a person who was introduced, who is in office, or after a title;
  // a surname that is also a month ("May") needs the introduction or the title.
  bool AcceptSurname(const Sentence& s, const Hit& hit) const {
    if (AfterAnotherName(s, hit.begin)) return false;
    const bool titled = hit.begin > s.first_token && In(kHonorifics, Norm(hit.begin - 1));
    if (titled || introduced_.Contains(hit.entry)) return true;
    if (In(kCalendarWords, Norm(hit.begin))) return false;
    return InOffice(hit.entry) || rules::NearOffice(lex_.entry(hit.entry).dated, date_);
  }

  // The surname of someone named in full earlier in the document, even when the dictionary
  // withholds it as ambiguous ("Bernie Sanders ... Sanders said"), or of someone introduced
  // by role ("Kremlin spokesman John Doe ... Doe said").
  std::optional<Item> KnownSurname(uint32_t i) const {
    if ((surnames_.empty() && unknown_by_surname_.empty()) || !Capitalized(i)) return std::nullopt;
    // The maps first: most capitalised words are nobody's surname.
    const uint64_t key = Tok(i).key;
    std::optional<Item> item;
    if (const uint32_t* person = surnames_.Find(key)) {
      item = Item{i, i + 1, *person, Kind::kPerson, 0, true};
    } else if (const uint32_t* u = unknown_by_surname_.Find(key)) {
      item = Item{i, i + 1, kUnknownPerson, Kind::kPerson, *u, true};
    }
    if (item && AfterAnotherName(layer_.sentences[sentence_], i)) return std::nullopt;
    return item;
  }

  // ---- 2. combination and classification ----
  void Combine(uint32_t s, const std::vector<Item>& items, std::vector<Piece>* out);
  void CombineAgent(uint32_t s, const std::vector<Item>& items, size_t k, std::vector<char>* used,
                    std::vector<std::string_view>* roles, std::vector<Piece>* out);
  bool NameAfterRole(uint32_t s, const std::vector<Item>& items, size_t next, uint32_t span_end,
                     const std::string& code, const Entry& agent, std::vector<Piece>* out);
  void NameBeforeRole(uint32_t s, const std::vector<Item>& items, size_t first_item, uint32_t begin,
                      const std::string& code, const Entry& agent, std::vector<Piece>* out);
  uint32_t UnknownNameBefore(uint32_t s, uint32_t end) const;
  void AddUnknownPerson(uint32_t s, uint32_t begin, uint32_t end, const std::string& code, const Entry& agent,
                        std::vector<Piece>* out);
  Piece& AddRolePiece(uint32_t s, uint32_t begin, uint32_t end, const std::string& code, const Entry& agent,
                      std::vector<Piece>* out) const;
  void Classify(uint32_t s, const Item& item, std::string_view role_word, std::vector<Piece>* out);
  bool CountryInName(uint32_t s, const std::vector<Item>& items, size_t k, std::vector<Piece>* out);
  bool AdjectiveActs(uint32_t s, const Item& item) const;
  bool NationalityAlone(uint32_t s, const Item& item) const;
  std::optional<size_t> BaseBefore(const std::vector<Item>& items, size_t k, const std::vector<char>& used) const;
  std::optional<size_t> BaseAfter(const std::vector<Item>& items, size_t k, const std::vector<char>& used) const;
  std::string CombinedCode(const Item& base, const Entry& agent) const;
  uint32_t UnknownName(uint32_t from, uint32_t end) const;
  std::optional<RefType> PronounAt(const Sentence& sent, uint32_t i) const;
  void FeedInOrder(uint32_t s, std::vector<Piece>* pieces);
  void FeedPronoun(uint32_t s, const Pronoun& p);
  void FillPiece(Piece* p, uint32_t s, uint32_t begin, uint32_t end, std::string code, std::string_view name) const;
  void Emit(const Piece& p, ActorMention* m) const;
  void AddPlace(uint32_t s, const Item& item, const Entry& place_or_country, const Entry* coords);
  void Feed(Piece& p);
  // ---- resolution rules (issue 6; word tests in rules.h) ----
  std::optional<Item> CompoundItem(uint32_t i);
  void ExtendOverCompound(const Sentence& s, Item* item) const;
  void CoordinatedBases(uint32_t s, const std::vector<Item>& items, size_t base, const Entry& agent,
                        std::vector<char>* used, std::vector<Piece>* out);
  bool Conjunction(uint32_t from, uint32_t to) const;
  void RecodeMinorities(uint32_t s, const std::vector<Item>& items, std::vector<Piece>* out) const;
  void CodeGenericActors(uint32_t s, std::vector<Piece>* out) const;
  std::string SentenceCountry(uint32_t s, const std::vector<Piece>& pieces) const;
  std::string StoryCountry(uint32_t s, const std::vector<Piece>& pieces) const;
  std::string OtherCountry(const std::vector<Item>& items, std::string_view own) const;
  bool DemonymPlace(uint32_t s, const std::vector<Item>& items, size_t k, std::vector<char>* used);
  void AddUnlocatedPlace(uint32_t s, uint32_t begin, uint32_t end, const std::string& country);
  void PlaceNamedIn(uint32_t s, const Item& item, const std::string& country, std::vector<char>* used, size_t k);

  const Document& doc_;
  const TextLayer& layer_;
  const Lexicon& lex_;
  std::string_view text_;
  std::string date_;
  int32_t day_;  // Lexicon::DayOf(date_)
  std::vector<Place>* places_;
  const std::vector<ActorMention>* actors_;  // the mentions of the sentences before (Coref's output)
  // Per-thread scratch (Scratch: what each one holds).
  Coref& coref_;
  std::vector<Hit>& hits_;
  std::vector<Item>& items_;
  std::vector<Piece>& pieces_;
  std::vector<char>& used_;
  std::vector<std::string_view>& roles_;
  std::vector<Pronoun>& pronouns_;
  std::vector<Token>& compound_;
  std::vector<uint32_t>& order_;
  std::vector<Cand>& cands_;
  std::vector<Cand>& next_cands_;
  util::FlatMap& introduced_;
  util::FlatMap& surnames_;
  std::vector<UnknownPerson>& unknown_;
  util::FlatMap& unknown_by_surname_;
  const uint64_t* lower_matter_;  // Scratch::lower_matter
  size_t cand_count_ = 0;          // of the current sentence, in cands_ (of the next: next_cands_)
  uint32_t sentence_ = 0;
  uint32_t placeish_end_ = 0xFFFFFFFF;  // Combine: the comma after a town just before this item
  const ReferSet& pronoun_set_;  // PronounSet(), asked once a document (not once a sentence)
  ReferSet refers_;  // pronouns and the keys of surnames_ and unknown_by_surname_
};

// Fills a piece over tokens [begin, end) of sentence s. `code` by value: most callers hand
// over a code they no longer need.
void Extractor::FillPiece(Piece* p, uint32_t s, uint32_t begin, uint32_t end, std::string code,
                          std::string_view name) const {
  p->start = Tok(begin).start;
  p->end = Tok(end - 1).end;
  p->sentence = s;
  p->code = std::move(code);
  p->name = name;
}

// The output mention of a piece, in place (`m`: fresh, entity and antecedent set).
void Extractor::Emit(const Piece& p, ActorMention* m) const {
  m->text.assign(text_.substr(p.start, p.end - p.start));
  m->start = p.start;
  m->end = p.end;
  m->sentence = p.sentence;
  m->country.assign(p.code, 0, 3);
  if (p.sector_always) {
    m->sector.emplace(p.code.substr(3, 3));
  } else if (p.code.size() >= 6) {
    m->sector.emplace(p.code, 3, 3);
  }
  m->code = p.code;
  switch (p.name_is) {
    case Piece::NameIs::kView:
      m->name = p.name;
      break;
    case Piece::NameIs::kText:
      m->name = m->text;
      break;
    case Piece::NameIs::kGovernment:
      m->name.reserve(p.name.size() + 11);
      m->name.assign(p.name).append(" government");
      break;
  }
}

void Extractor::AddPlace(uint32_t s, const Item& item, const Entry& e, const Entry* coords) {
  Place& p = places_->emplace_back();
  p.start = Tok(item.begin).start;
  p.end = Tok(item.end - 1).end;
  p.text.assign(text_.substr(p.start, p.end - p.start));
  p.sentence = s;
  p.name = e.name;
  if (e.kind == Kind::kPlace) {
    p.country = e.country;
  } else {
    p.country.assign(e.code, 0, 3);
  }
  if (coords != nullptr) {
    p.lat = coords->lat;
    p.lon = coords->lon;
  }
}

std::optional<size_t> Extractor::BaseBefore(const std::vector<Item>& items, size_t k,
                                            const std::vector<char>& used) const {
  if (k == 0 || used[k - 1]) return std::nullopt;
  const Item& prev = items[k - 1];
  const Item& agent = items[k];
  if (prev.entry == kUnknownPerson || prev.kind == Kind::kPerson || prev.kind == Kind::kPlace ||
      prev.kind == Kind::kAgent)
    return std::nullopt;
  if (prev.end == agent.begin) return k - 1;
  // One token between: only the possessive ("Iran's foreign minister"). A lower-case word
  // may be a verb ("Iran launched missiles"), so "Russian military officials" is RUSMIL.
  if (prev.end + 1 != agent.begin) return std::nullopt;
  return Tok(prev.end).norm == "'s" ? std::optional<size_t>(k - 1) : std::nullopt;
}

// "the foreign minister of Iran": of [the] COUNTRY/ORGANISATION right after the agent.
std::optional<size_t> Extractor::BaseAfter(const std::vector<Item>& items, size_t k,
                                           const std::vector<char>& used) const {
  if (k + 1 >= items.size() || used[k + 1]) return std::nullopt;
  const Item& next = items[k + 1];
  uint32_t at = items[k].end;
  if (at >= layer_.tokens.size()) return std::nullopt;
  // "Demonstrators in Baghdad": a plural local role in a country or capital is its people.
  const Entry& agent = lex_.entry(items[k].entry);
  const std::string_view role = Norm(items[k].end - 1);
  const bool plural = agent.plural || (role.size() > 3 && role.back() == 's');
  const bool official = rules::IsCountryOfficial(role);
  const bool in = Norm(at) == "in" && ((plural && In(kLocalRoles, std::string_view(agent.code).substr(0, 3))) ||
                                       rules::IsLocalInstitution(role) || official);
  // "a spokesman for the PMF": one who speaks or acts for a body is its own (a country
  // after "for" is rather a brief: "the envoy for Syria").
  const bool for_body = Norm(at) == "for" && !plural;
  if (Norm(at) != "of" && !in && !for_body) return std::nullopt;
  ++at;
  if (at < next.begin && Norm(at) == "the") ++at;
  const bool body = next.kind == Kind::kOrganisation || next.kind == Kind::kGroup || next.kind == Kind::kSeat;
  const bool kind_ok = in         ? next.kind == Kind::kCountry || (next.kind == Kind::kCapital && !official)
                       : for_body ? body
                                  : next.kind == Kind::kCountry || body;
  return (next.begin == at && kind_ok && next.entry != kUnknownPerson) ? std::optional<size_t>(k + 1)
                                                                        : std::nullopt;
}

std::string Extractor::CombinedCode(const Item& base, const Entry& agent) const {
  const Entry& b = lex_.entry(base.entry);
  std::string code = CodeOf(base.entry);
  const std::string_view prefix = std::string_view(code).substr(0, 3);
  if (b.kind == Kind::kOrganisation || b.kind == Kind::kGroup || prefix == "IGO" || prefix == "NGO" ||
      prefix == "IMG")
    return code;
  code.resize(prefix.size());  // the country, then the agent's code: no second string
  code += agent.code;
  return code;
}

// One to three capitalised words after a role: an unknown person's name ("John Doe").
uint32_t Extractor::UnknownName(uint32_t from, uint32_t end) const {
  uint32_t j = from;
  while (j < end && j < from + 3 && Capitalized(j) && !In(kCalendarWords, Norm(j)) && Norm(j) != "'s") ++j;
  return j;
}

void Extractor::Feed(Piece& p) {
  if (p.is_reference) {
    if (std::optional<size_t> a = coref_.Resolve(p.sentence, p.ref)) {
      coref_.AddResolvedPronoun(p.start, p.end, p.sentence, text_.substr(p.start, p.end - p.start), p.ref, *a);
      return;
    }
    if (!p.fallback) return;
  }
  Emit(p, &coref_.AddMention(p.traits, p.key));
}


void Extractor::Combine(uint32_t s, const std::vector<Item>& items, std::vector<Piece>* out) {
  std::vector<char>& used = used_;
  std::vector<std::string_view>& roles = roles_;
  used.assign(items.size(), false);
  roles.clear();
  roles.resize(items.size());
  for (size_t k = 0; k < items.size(); ++k) {
    if (items[k].kind == Kind::kAgent && !used[k]) CombineAgent(s, items, k, &used, &roles, out);
  }
  for (size_t k = 0; k < items.size(); ++k) {
    if (used[k]) continue;
    // "Istanbul, Turkey": a country right after a town and a comma is where the town is.
    placeish_end_ = k > 0 && (items[k - 1].kind == Kind::kPlace || items[k - 1].kind == Kind::kCapital) &&
                            items[k - 1].end + 1 == items[k].begin
                        ? items[k - 1].end
                        : 0xFFFFFFFF;
    if (items[k].kind == Kind::kCountry && CountryInName(s, items, k, out)) continue;
    if (items[k].kind == Kind::kAdjective && DemonymPlace(s, items, k, &used)) continue;
    Classify(s, items[k], roles[k], out);
  }
  RecodeMinorities(s, items, out);
  CodeGenericActors(s, out);
}

// A country followed by a capitalised word nobody recognised is part of a longer name: a
// state body ("United States Department of Transportation": the government) or something
// else ("United States Constitution", "Iran-Iraq War": no actor). True when handled.
bool Extractor::CountryInName(uint32_t s, const std::vector<Item>& items, size_t k, std::vector<Piece>* out) {
  const uint32_t next = items[k].end;
  if (next >= layer_.sentences[s].end_token || !Capitalized(next) || Norm(next) == "'s") return false;
  if (In(kCalendarWords, Norm(next))) return false;  // "Israel Friday reimposed": a date follows
  if (k + 1 < items.size() && items[k + 1].begin == next) {
    // "United States Department of State", "US State Department": the body names itself.
    const Item& body = items[k + 1];
    const std::string country = CodeOf(items[k].entry).substr(0, 3);
    return body.entry != kUnknownPerson && (body.kind == Kind::kSeat || body.kind == Kind::kOrganisation) &&
           CodeOf(body.entry).compare(0, 3, country) == 0;
  }
  if (!In(kGovernmentWords, Norm(next))) return true;
  const Entry& e = lex_.entry(items[k].entry);
  const std::string code = CodeOf(items[k].entry).substr(0, 3) + "GOV";
  Piece p;
  p.begin = items[k].begin;
  FillPiece(&p, s, items[k].begin, next + 1, code, e.name);
  p.name_is = Piece::NameIs::kGovernment;
  p.traits = MentionTraits{false, false, true, 0, {}, nullptr};
  p.key.text = EntityKey::Text('g', code);
  out->push_back(std::move(p));
  return true;
}

// A role before a name: the name is the mention ("Kremlin spokesman Dmitry Peskov"). A known
// person keeps their own code; the role only tells coreference how they were introduced.
void Extractor::CombineAgent(uint32_t s, const std::vector<Item>& items, size_t k, std::vector<char>* used,
                             std::vector<std::string_view>* roles, std::vector<Piece>* out) {
  const Entry& agent = lex_.entry(items[k].entry);
  std::optional<size_t> base = BaseBefore(items, k, *used);
  const bool after = !base && (base = BaseAfter(items, k, *used)).has_value();
  const uint32_t begin = base && !after ? items[*base].begin : items[k].begin;
  const uint32_t end = after ? items[*base].end : items[k].end;
  const std::string code = base ? CombinedCode(items[*base], agent) : "";
  const size_t next = after ? *base + 1 : k + 1;
  if (base) (*used)[*base] = true;
  if (base && !after) CoordinatedBases(s, items, *base, agent, used, out);
  (*used)[k] = true;
  if (next < items.size() && items[next].kind == Kind::kPerson && items[next].begin == end) {
    (*roles)[next] = agent.folded;
    return;
  }
  if (!code.empty() && !agent.plural && NameAfterRole(s, items, next, end, code, agent, out)) return;
  if (!code.empty() && !agent.plural) NameBeforeRole(s, items, base && !after ? *base : k, begin, code, agent, out);
  // "the president of Armenia" names its own country: no reference back to another president.
  const bool the = !after && begin > layer_.sentences[s].first_token && Norm(begin - 1) == "the";
  const bool generic =
      code.empty() && rules::IsGenericActor(Norm(end - 1)) && (the || !rules::IsOffice(Norm(end - 1)));
  if (code.empty() && !(the && !agent.plural) && !generic) return;
  Piece& p = AddRolePiece(s, begin, end, code, agent, out);
  if (generic) p.generic_role = agent.code;
  // "the government", "the military": an institution, never what "she" refers back to.
  if (generic && !rules::IsOffice(Norm(end - 1)))
    p.traits = MentionTraits{false, agent.plural, true, 0, agent.folded, nullptr};
  if (the && !agent.plural) {
    p.is_reference = true;
    p.fallback = !code.empty() || generic;
    p.ref.type = RefType::kNominal;
    p.ref.head = agent.folded;  // ref.role: the folded phrase, set by AddRolePiece
    if (code.size() >= 3) std::copy_n(code.data(), 3, p.ref.country.begin());
  }
}

// Built in place at the end of `out`; ref.role gets the folded phrase (what a nominal
// reference compares, and the piece's key), folded once.
Piece& Extractor::AddRolePiece(uint32_t s, uint32_t begin, uint32_t end, const std::string& code,
                               const Entry& agent, std::vector<Piece>* out) const {
  Piece& p = out->emplace_back();
  p.begin = begin;
  FillPiece(&p, s, begin, end, code, {});
  p.name_is = Piece::NameIs::kText;  // the name is the span's text
  const std::string_view text = text_.substr(p.start, p.end - p.start);
  p.traits.plural = agent.plural;
  p.traits.institution = agent.plural;
  p.traits.person = !agent.plural;
  p.traits.gender = agent.gender;
  p.traits.role_word = agent.folded;
  p.ref.role = util::FoldCase(text);
  p.key.text = EntityKey::Text('x', code, p.ref.role);
  return p;
}

// "Kremlin spokesman John Doe": one to three capitalised words nobody knows become a person
// with the role's code; their surname is recognised for the rest of the document.
bool Extractor::NameAfterRole(uint32_t s, const std::vector<Item>& items, size_t next, uint32_t span_end,
                              const std::string& code, const Entry& agent, std::vector<Piece>* out) {
  uint32_t limit = layer_.sentences[s].end_token;
  if (next < items.size()) limit = std::min(limit, items[next].begin);
  const uint32_t name_end = UnknownName(span_end, limit);
  // A first name and a surname, not an organisation's last word ("Saudi Press Agency").
  if (name_end < span_end + 2 || In(kOrganisationWords, Norm(name_end - 1))) return false;
  AddUnknownPerson(s, span_end, name_end, code, agent, out);
  return true;
}

// "Ahmed al-Assadi, a spokesman for the PMF", "Jane Doe, the Kremlin's envoy": two or three
// names nobody knows, a comma and an article before a coded role name a person of that role
// (a mention of its own, beside the role's); their surname is recognised later in the document.
void Extractor::NameBeforeRole(uint32_t s, const std::vector<Item>& items, size_t first_item, uint32_t begin,
                               const std::string& code, const Entry& agent, std::vector<Piece>* out) {
  const uint32_t first = layer_.sentences[s].first_token;
  if (begin < first + 4) return;
  const std::string_view article = Norm(begin - 1);
  if ((article != "a" && article != "an" && article != "the") || Norm(begin - 2) != ",") return;
  const uint32_t name_end = begin - 2;
  const uint32_t name_begin = UnknownNameBefore(s, name_end);
  if (name_end < name_begin + 2 || In(kOrganisationWords, Norm(name_end - 1))) return;
  // A name the dictionary knows (or a town's) is coded as such, not as this role.
  for (size_t j = first_item; j > 0; --j) {
    if (items[j - 1].end > name_begin) return;
  }
  AddUnknownPerson(s, name_begin, name_end, code, agent, out);
}

// Where a name of two or three words ending before token `end` begins (`end` when there is
// none): capitalised words, "al-" names included, that open a clause (the sentence's start,
// punctuation or a lower-case word before them) and are no calendar or sentence-opening word.
uint32_t Extractor::UnknownNameBefore(uint32_t s, uint32_t end) const {
  const uint32_t first = layer_.sentences[s].first_token;
  const auto name_word = [&](uint32_t i) {
    const std::string_view w = Norm(i);
    if (In(kCalendarWords, w) || w == "'s") return false;
    const bool particle = (w.rfind("al-", 0) == 0 || w.rfind("el-", 0) == 0) && w.size() > 3 &&
                          text_[Tok(i).start + 3] >= 'A' && text_[Tok(i).start + 3] <= 'Z';
    return Capitalized(i) || particle;
  };
  uint32_t b = end;
  while (b > first && end - b < 3 && name_word(b - 1)) --b;
  if (b == end) return end;
  if (b > first && Tok(b - 1).kind == TokenKind::kWord && Capitalized(b - 1)) return end;  // a longer name
  if (In(kClauseOpeners, Norm(b))) return end;
  return b;
}

// A person nobody knows over tokens [begin, end), coded `code` by the role that names them.
void Extractor::AddUnknownPerson(uint32_t s, uint32_t begin, uint32_t end, const std::string& code,
                                 const Entry& agent, std::vector<Piece>* out) {
  UnknownPerson u;
  u.name = text_.substr(Tok(begin).start, Tok(end - 1).end - Tok(begin).start);
  u.code = code;
  u.gender = agent.gender;
  u.role_word = agent.folded;
  unknown_by_surname_.Set(Tok(end - 1).key, static_cast<uint32_t>(unknown_.size()));
  refers_.Add(Norm(end - 1));
  const std::string_view role_word = u.role_word;
  unknown_.push_back(std::move(u));
  Classify(s, Item{begin, end, kUnknownPerson, Kind::kPerson, static_cast<uint32_t>(unknown_.size() - 1), false},
           role_word, out);
}

// The piece is built in place in `out`: moving a finished one there cost more than building it.
void Extractor::Classify(uint32_t s, const Item& item, std::string_view role_word, std::vector<Piece>* out) {
  if (item.entry == kUnknownPerson) {
    const UnknownPerson& u = unknown_[item.unknown];
    Piece& p = out->emplace_back();
    p.begin = item.begin;
    FillPiece(&p, s, item.begin, item.end, u.code, u.name);
    p.traits = MentionTraits{true, false, false, u.gender, u.role_word, nullptr};
    p.key.text = EntityKey::Text('u', u.name);
    return;
  }
  const Entry& e = lex_.entry(item.entry);
  switch (e.kind) {
    case Kind::kCountry:
    case Kind::kCapital:
      if (Locative(s, item)) {
        AddPlace(s, item, e, e.kind == Kind::kCapital ? lex_.PlaceIn(e, e.code.substr(0, 3)) : nullptr);
        return;
      }
      break;
    case Kind::kPlace:
      AddPlace(s, item, e, &e);
      return;
    case Kind::kAdjective:
      if (!AdjectiveActs(s, item)) return;
      break;
    case Kind::kAgent:
      return;
    default:
      break;
  }
  std::string code = CodeOf(item.entry);
  Piece& p = out->emplace_back();
  p.begin = item.begin;
  if (e.kind == Kind::kPerson) {
    introduced_.Set(item.entry, 0);
    if (item.end - item.begin > 1 && Capitalized(item.end - 1)) {
      surnames_.Set(Tok(item.end - 1).key, item.entry);
      refers_.Add(Norm(item.end - 1));
    }
    p.traits = MentionTraits{true, false, false, e.gender, role_word, &e.titles};
    p.key.entry = item.entry;
  } else {  // countries and capitals that act, seats, organisations, groups
    p.traits = MentionTraits{false, e.kind == Kind::kGroup, true, 0, {}, nullptr};
    p.key.text = EntityKey::Text('g', code);
  }
  FillPiece(&p, s, item.begin, item.end, std::move(code), e.name);
}

// A nationality word that names its state or people on its own: a plural demonym ("the
// Russians", "ethnic Albanians") or an adjective before an event noun ("an Indian proposal").
bool Extractor::AdjectiveActs(uint32_t s, const Item& item) const {
  const std::string_view last = Norm(item.end - 1);
  if (last.size() > 3 && last.back() == 's' && last[last.size() - 2] != 's') return true;
  if (NationalityAlone(s, item)) return true;
  const uint32_t end = layer_.sentences[s].end_token;
  if (item.end < end && In(kEventNouns, Norm(item.end))) return true;
  // "a Senegalese peace plan", "Israeli air strikes": one modifier before the event noun.
  return item.end + 1 < end && rules::SkipsBeforeEventNoun(Norm(item.end)) && In(kEventNouns, Norm(item.end + 1));
}

// "The British relinquished control", "blamed the French.": "the" and a nationality that no
// noun follows (a verb, a clause's end) name its people and state, as a plural demonym does.
bool Extractor::NationalityAlone(uint32_t s, const Item& item) const {
  const Sentence& sent = layer_.sentences[s];
  if (item.begin == sent.first_token || Norm(item.begin - 1) != "the") return false;
  if (item.end >= sent.end_token) return true;
  const Token& next = Tok(item.end);
  // A comma ends it too ("not the MDC, not the British,"); a list of nationalities before a
  // role ("the French, German and British ministers") is combined with the role before this.
  if (next.kind == TokenKind::kPunct) return next.norm != "-" && next.norm != "'s";
  if (Capitalized(item.end)) return false;
  const std::string_view w = next.norm;
  return (w.size() > 4 && w.ends_with("ed")) || In(kSpeechVerbs, w);
}

// A pronoun not inside a recognised name (Recognise asks). "It" only as a subject that acts ("It has also
// requested"), since "it is unclear" refers to nothing.
std::optional<RefType> Extractor::PronounAt(const Sentence& sent, uint32_t i) const {
  const std::string_view w = Norm(i);
  if (std::optional<RefType> type = PronounType(w)) return type;
  if (w == "it" && i == sent.first_token && i + 1 < sent.end_token &&
      (Norm(i + 1) == "has" || Norm(i + 1) == "had" || Norm(i + 1) == "also" || Norm(i + 1) == "said"))
    return RefType::kIts;
  return std::nullopt;
}

// The sentence's pieces and pronouns in text order (pieces first at equal starts).
void Extractor::FeedInOrder(uint32_t s, std::vector<Piece>* pieces) {
  order_.resize(pieces->size());
  for (uint32_t k = 0; k < order_.size(); ++k) order_[k] = k;
  const auto before = [&](uint32_t a, uint32_t b) { return (*pieces)[a].begin < (*pieces)[b].begin; };
  // Pieces come almost in order, a handful per sentence: most sentences need no sort (and
  // so no stable_sort buffer).
  if (!std::is_sorted(order_.begin(), order_.end(), before)) std::stable_sort(order_.begin(), order_.end(), before);
  size_t r = 0;
  for (uint32_t k : order_) {
    for (; r < pronouns_.size() && pronouns_[r].token < (*pieces)[k].begin; ++r) FeedPronoun(s, pronouns_[r]);
    Feed((*pieces)[k]);
  }
  for (; r < pronouns_.size(); ++r) FeedPronoun(s, pronouns_[r]);
}

void Extractor::FeedPronoun(uint32_t s, const Pronoun& p) {
  Reference ref;
  ref.type = p.type;
  if (std::optional<size_t> a = coref_.Resolve(s, ref)) {
    const Token& t = Tok(p.token);
    coref_.AddResolvedPronoun(t.start, t.end, s, text_.substr(t.start, t.end - t.start), ref, *a);
  }
}

// ---- resolution rules (issue 6) ----

// "Vietnamese-led forces", "Kremlin-backed": the name before the hyphen, as an item over the
// whole word (it then combines with the agent after it like the name alone would).
std::optional<Item> Extractor::CompoundItem(uint32_t i) {
  const Token& t = Tok(i);
  const size_t prefix = rules::CompoundPrefix(t.norm);
  if (prefix == 0 || !Capitalized(i)) return std::nullopt;
  compound_.resize(1);
  Token& part = compound_[0];
  part.start = t.start;
  part.end = t.start + static_cast<uint32_t>(prefix);
  part.kind = TokenKind::kWord;
  part.norm.assign(t.norm, 0, prefix);
  part.key = WordKey(part.norm);
  hits_.clear();
  lex_.Lookup(text_, compound_, 0, 1, &hits_);
  std::optional<Item> best;
  for (const Hit& h : hits_) {
    const Kind kind = lex_.entry(h.entry).kind;
    if (kind == Kind::kPerson || kind == Kind::kAgent || kind == Kind::kPlace) continue;
    const Item cand{i, i + 1, h.entry, kind, 0, false};
    if (!best || Better(cand, *best)) best = cand;
  }
  return best;
}

// "U.S.-led coalition": the tokenizer splits a dotted name from "-led"; the item takes both.
void Extractor::ExtendOverCompound(const Sentence& s, Item* item) const {
  const uint32_t e = item->end;
  if (item->kind == Kind::kPerson || item->kind == Kind::kAgent || e + 1 >= s.end_token) return;
  if (Norm(e) != "-" || Tok(e).start != Tok(e - 1).end || Tok(e + 1).start != Tok(e).end) return;
  if (rules::IsCompoundSuffix(Norm(e + 1))) item->end = e + 2;
}

// "Hungarian and Romanian officials", "Israeli, Jordanian and Egyptian negotiators": each
// nationality listed before the one next to the role takes the role too (a mention each).
void Extractor::CoordinatedBases(uint32_t s, const std::vector<Item>& items, size_t base, const Entry& agent,
                                 std::vector<char>* used, std::vector<Piece>* out) {
  if (items[base].kind != Kind::kAdjective) return;
  for (size_t k = base; k > 0 && !(*used)[k - 1]; --k) {
    const Item& prev = items[k - 1];
    if (prev.kind != Kind::kAdjective || prev.entry == kUnknownPerson || !Conjunction(prev.end, items[k].begin))
      return;
    (*used)[k - 1] = true;
    AddRolePiece(s, prev.begin, prev.end, CombinedCode(prev, agent), agent, out);
  }
}

// Tokens [from, to) join two words of a list: "and", "or", ",", ", and".
bool Extractor::Conjunction(uint32_t from, uint32_t to) const {
  if (to <= from || to - from > 2) return false;
  const std::string_view a = Norm(from);
  if (to - from == 1) return a == "and" || a == "or" || a == ",";
  return a == "," && (Norm(from + 1) == "and" || Norm(from + 1) == "or");
}

// "ethnic Albanians in Macedonia": a people named after one state and living in another is
// coded with the other country its sentence names; with none, it keeps its own.
void Extractor::RecodeMinorities(uint32_t s, const std::vector<Item>& items, std::vector<Piece>* out) const {
  const uint32_t first = layer_.sentences[s].first_token;
  for (Piece& p : *out) {
    if (p.is_reference || p.begin <= first || p.Country().size() != 3) continue;
    if (!rules::MarksMinority(Norm(p.begin - 1), {})) continue;
    const std::string other = OtherCountry(items, p.Country());
    if (other.empty()) continue;
    p.code.replace(0, 3, other);
    p.name_is = Piece::NameIs::kText;
    p.key.entry = EntityKey::kNoEntry;
    p.key.text = EntityKey::Text('m', p.code, text_.substr(p.start, p.end - p.start));
  }
}

// "the Bosnian town of Gorazde", "the north Lebanese port of Tripoli", "the Syrian capital,
// Damascus": the town a nationality and a settlement noun introduce is in that nationality's
// state, and the nationality names no actor (true: handled). Asked after the agents took
// their nationalities ("the Syrian city council" stays an actor), for a nationality left alone.
bool Extractor::DemonymPlace(uint32_t s, const std::vector<Item>& items, size_t k, std::vector<char>* used) {
  const uint32_t end = layer_.sentences[s].end_token;
  const Item& adj = items[k];
  uint32_t noun = adj.end;
  if (noun < end && Norm(noun) == "border") ++noun;  // "the Syrian border town of Azaz"
  if (noun + 1 >= end || adj.entry == kUnknownPerson || !In(kSettlementNouns, Norm(noun))) return false;
  const std::string country = CodeOf(adj.entry).substr(0, 3);
  if (country.size() != 3) return false;
  const bool of = Norm(noun + 1) == "of";
  // "the Indian capital New Delhi", "the Syrian capital, Damascus", "the town of Gorazde".
  const uint32_t at = of || Norm(noun + 1) == "," ? noun + 2 : noun + 1;
  const bool next_here = k + 1 < items.size() && items[k + 1].begin == at;
  if (next_here && (items[k + 1].kind == Kind::kPlace || items[k + 1].kind == Kind::kCapital)) {
    PlaceNamedIn(s, items[k + 1], country, used, k + 1);
  } else if (of && !next_here && at < end && Capitalized(at)) {
    // An unknown town ("the Syrian town of Kafr Nabl"): a place of that state, unlocated.
    const uint32_t limit = k + 1 < items.size() ? std::min(end, items[k + 1].begin) : end;
    AddUnlocatedPlace(s, at, UnknownName(at, limit), country);
  } else if (Norm(noun) == "capital" && adj.begin > layer_.sentences[s].first_token && Norm(adj.begin - 1) == "the") {
    // "the Rwandan capital": the capital of that state, named by the phrase.
    AddUnlocatedPlace(s, adj.begin, noun + 1, country);
  } else {
    return false;
  }
  return true;
}

// A place over tokens [begin, end) of `country` that the gazetteer does not locate.
void Extractor::AddUnlocatedPlace(uint32_t s, uint32_t begin, uint32_t end, const std::string& country) {
  if (end <= begin) return;
  Place& p = places_->emplace_back();
  p.start = Tok(begin).start;
  p.end = Tok(end - 1).end;
  p.text.assign(text_.substr(p.start, p.end - p.start));
  p.name = p.text;
  p.sentence = s;
  p.country = country;
}

// A known name after "the Lebanese port of" or "the Bosnian capital,": the town, never the
// government (a capital so introduced is told as a town); another state's ("Tripoli", Libya's
// capital) is looked up again in this one, and is this state's unlocated place when the
// gazetteer has no such town.
void Extractor::PlaceNamedIn(uint32_t s, const Item& item, const std::string& country, std::vector<char>* used,
                             size_t k) {
  const Entry& e = lex_.entry(item.entry);
  (*used)[k] = true;
  if (const Entry* found = lex_.PlaceIn(e, country)) {
    AddPlace(s, item, *found, found);
    return;
  }
  AddUnlocatedPlace(s, item.begin, item.end, country);
}

// The first state the sentence's names belong to other than `own` (countries, capitals,
// seats, nationalities, towns), or "".
std::string Extractor::OtherCountry(const std::vector<Item>& items, std::string_view own) const {
  for (const Item& item : items) {
    if (item.entry == kUnknownPerson || item.kind == Kind::kPerson || item.kind == Kind::kAgent) continue;
    const Entry& e = lex_.entry(item.entry);
    if (item.kind == Kind::kOrganisation || item.kind == Kind::kGroup) continue;
    const std::string country = item.kind == Kind::kPlace ? e.country : CodeOf(item.entry).substr(0, 3);
    if (country.size() == 3 && country != own && country != "IGO" && country != "NGO" && country != "IMG")
      return country;
  }
  return "";
}

// "Insurgents bombarded ... Aleppo", "the government" in a sentence set in one country: a
// bare role takes that country when the text makes it clear (SentenceCountry); otherwise it
// is no actor (a reference may still resolve), never a guess.
void Extractor::CodeGenericActors(uint32_t s, std::vector<Piece>* out) const {
  if (std::none_of(out->begin(), out->end(), [](const Piece& p) { return !p.generic_role.empty(); })) return;
  std::string country = SentenceCountry(s, *out);
  if (country.empty()) country = StoryCountry(s, *out);
  for (size_t k = out->size(); k > 0; --k) {
    Piece& p = (*out)[k - 1];
    if (p.generic_role.empty()) continue;
    if (country.empty()) {
      p.fallback = false;
      if (!p.is_reference) out->erase(out->begin() + static_cast<std::ptrdiff_t>(k - 1));
      continue;
    }
    p.code.assign(country).append(p.generic_role);
    p.sector_always = true;
    p.key.text = EntityKey::Text('x', p.code, util::FoldCase(text_.substr(p.start, p.end - p.start)));
  }
}

// The one country the sentence's places are in ("in Aleppo", "in Croatia") when no actor of
// another country is named in it, else "".
std::string Extractor::SentenceCountry(uint32_t s, const std::vector<Piece>& pieces) const {
  std::string country;
  for (size_t k = places_->size(); k > 0 && (*places_)[k - 1].sentence == s; --k) {
    const std::string& c = (*places_)[k - 1].country;
    if (!country.empty() && c != country) return "";
    country = c;
  }
  if (country.empty()) return "";
  for (const Piece& p : pieces) {
    const std::string_view c = p.Country();
    if (p.generic_role.empty() && c.size() == 3 && c != country && c != "IGO" && c != "NGO" && c != "IMG") return "";
  }
  return country;
}

// A sentence that names no state, or only the one the story is about, lends its bare roles
// the country of the story so far ("... in Hong Kong. Protesters' demands include ... that
// the government cease"): rules::RecentCountry, when clear; else "" (no guess).
std::string Extractor::StoryCountry(uint32_t s, const std::vector<Piece>& pieces) const {
  std::string own;
  bool mixed = false;
  for (size_t k = places_->size(); k > 0 && (*places_)[k - 1].sentence == s; --k)
    rules::NoteCountry((*places_)[k - 1].country, &own, &mixed);
  for (const Piece& p : pieces) {
    if (p.generic_role.empty()) rules::NoteCountry(p.Country(), &own, &mixed);
  }
  if (mixed) return "";
  std::string recent = rules::RecentCountry(*actors_, *places_, s);
  if (!own.empty() && own != recent) return "";
  return recent;
}

}  // namespace

void FindActors(const Document& doc, const TextLayer& layer, const lexicon::Lexicon& lexicon,
                std::vector<ActorMention>* actors, std::vector<Place>* places) {
  thread_local Scratch scratch;
  Extractor(doc, layer, lexicon, actors, places, &scratch).Run();
}

}  // namespace parley::extract
