#include "extract/times/time_words.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <vector>
#include <cstdlib>
#include <string>
#include <utility>

#include "util/hash.h"

namespace parley::extract::times {
namespace {

using Entry = std::pair<std::string_view, int>;

template <size_t N>
int Find(const std::array<Entry, N>& table, std::string_view norm) {
  for (const auto& [word, value] : table) {
    if (word == norm) return value;
  }
  return -1;
}

constexpr std::array<Entry, 36> kMonths = {{
    {"january", 1},  {"jan.", 1},  {"jan", 1},   {"february", 2}, {"feb.", 2},  {"feb", 2},
    {"march", 3},    {"mar.", 3},  {"april", 4}, {"apr.", 4},     {"apr", 4},   {"may", 5},
    {"june", 6},     {"jun.", 6},  {"july", 7},  {"jul.", 7},     {"august", 8}, {"aug.", 8},
    {"aug", 8},      {"september", 9}, {"sept.", 9}, {"sep.", 9}, {"sept", 9},  {"october", 10},
    {"oct.", 10},    {"oct", 10},  {"november", 11}, {"nov.", 11}, {"nov", 11}, {"december", 12},
    {"dec.", 12},    {"dec", 12},  {"jun", 6},   {"jul", 7},      {"sep", 9},   {"mar", 3},
}};

constexpr std::array<Entry, 14> kWeekdays = {{
    {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
    {"saturday", 6}, {"sunday", 7}, {"mon.", 1}, {"tue.", 2}, {"tues.", 2}, {"wed.", 3},
    {"thu.", 4}, {"thurs.", 4}, {"fri.", 5},
}};

constexpr std::array<Entry, 7> kSetWeekdays = {{
    {"mondays", 1}, {"tuesdays", 2}, {"wednesdays", 3}, {"thursdays", 4}, {"fridays", 5},
    {"saturdays", 6}, {"sundays", 7},
}};

constexpr std::array<Entry, 32> kCounts = {{
    {"a", 1},       {"an", 1},        {"one", 1},      {"two", 2},       {"three", 3},
    {"four", 4},    {"five", 5},      {"six", 6},      {"seven", 7},     {"eight", 8},
    {"nine", 9},    {"ten", 10},      {"eleven", 11},  {"twelve", 12},   {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},    {"fifty", 50},
    {"sixty", 60},  {"seventy", 70},  {"eighty", 80},  {"ninety", 90},   {"hundred", 100},
    {"dozen", 12},  {"single", 1},
}};

constexpr std::array<Entry, 12> kOrdinals = {{
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6},
    {"seventh", 7}, {"eighth", 8}, {"ninth", 9}, {"tenth", 10}, {"eleventh", 11}, {"twelfth", 12},
}};

struct UnitEntry {
  std::string_view word;
  Unit unit;
  bool plural;
};

constexpr std::array<UnitEntry, 24> kUnits = {{
    {"second", Unit::kSecond, false}, {"seconds", Unit::kSecond, true},
    {"minute", Unit::kMinute, false}, {"minutes", Unit::kMinute, true},
    {"hour", Unit::kHour, false},     {"hours", Unit::kHour, true},
    {"day", Unit::kDay, false},       {"days", Unit::kDay, true},
    {"weekend", Unit::kWeekend, false}, {"weekends", Unit::kWeekend, true},
    {"week", Unit::kWeek, false},     {"weeks", Unit::kWeek, true},
    {"month", Unit::kMonth, false},   {"months", Unit::kMonth, true},
    {"quarter", Unit::kQuarter, false}, {"quarters", Unit::kQuarter, true},
    {"year", Unit::kYear, false},     {"years", Unit::kYear, true},
    {"decade", Unit::kDecade, false}, {"decades", Unit::kDecade, true},
    {"century", Unit::kCentury, false}, {"centuries", Unit::kCentury, true},
    {"yr", Unit::kYear, false},       {"yrs", Unit::kYear, true},
}};

// "twenty-five", "twenty five" is two tokens and handled by the caller.
int HyphenatedCount(std::string_view norm) {
  const size_t dash = norm.find('-');
  if (dash == std::string_view::npos) return -1;
  const int tens = Find(kCounts, norm.substr(0, dash));
  const int ones = Find(kCounts, norm.substr(dash + 1));
  if (tens < 20 || tens % 10 != 0 || tens > 90 || ones < 1 || ones > 9) return -1;
  return tens + ones;
}

// Words that name a time by themselves (with months, weekdays, units, seasons, parts of day).
constexpr std::string_view kStrongTriggers[] = {
    "today", "yesterday", "tomorrow", "tonight", "now", "currently", "presently", "nowadays",
    "recently", "lately", "current", "future", "recent", "past", "noon", "midday", "midnight",
    "christmas", "halloween", "thanksgiving", "year-earlier", "year-ago", "overnight", "daily",
    "nightly", "weekly", "monthly", "yearly", "hourly", "spring", "summer", "fall", "autumn",
    "winter", "morning", "afternoon", "evening", "night", "twenties", "thirties", "forties",
    "fifties", "sixties", "seventies", "eighties", "nineties"};

// Words that begin an expression only before a time word ("last week", "the end of May").
constexpr std::string_view kWeakTriggers[] = {
    "the", "a", "an", "that", "last", "next", "this", "coming", "past", "previous", "following",
    "upcoming", "preceding", "present", "early", "late", "earlier", "later", "mid", "within",
    "between", "from", "fiscal", "every", "each", "twice", "once", "new", "few", "several",
    "many", "couple", "near", "end", "beginning", "start", "middle", "rest", "comparable",
    "same", "latest", "full", "whole", "entire", "election"};

constexpr std::string_view kFutureCues[] = {
    "will", "'ll", "shall", "won't", "expected", "expects", "scheduled", "planned", "plans",
    "plan", "due", "upcoming", "would", "intends", "aims", "hopes", "going", "tomorrow",
    "wants", "until", "might", "can", "soon", "planning", "ready", "effective"};

constexpr std::string_view kPastCues[] = {
    "said", "told", "was", "were", "had", "did", "ago", "last", "earlier", "held", "met",
    "took", "made", "came", "went", "gave", "saw", "began", "left", "led", "won", "lost",
    "fell", "rose", "struck", "found", "sent", "brought", "thought", "knew", "got", "spoke",
    "wrote", "became", "kept", "paid", "sold", "bought", "fled", "fought", "shot", "spent",
    "stood", "broke", "chose", "drove", "flew", "threw", "heard", "felt", "built", "caught",
    "ran", "meant", "yesterday", "previously", "recently", "since", "taken", "been",
    "stole", "slept", "hid"};

// The words after "the" that may go on into a time expression, besides counts, ordinals, units,
// numbers and hyphenated words: what the patterns that begin with "the" read next ("the
// following day", "the past year", "the first quarter", "the early summer", "the nineties").
constexpr std::string_view kTheFollowers[] = {
    "following", "previous", "preceding", "next", "last", "past", "coming", "upcoming", "this",
    "current", "present", "first", "future", "latest", "recent", "quarter", "early", "late",
    "mid", "spring", "summer", "fall", "autumn", "winter", "comparable", "same", "full", "fiscal",
    "whole", "entire", "between", "few", "several", "many", "couple", "twenties", "thirties",
    "forties", "fifties", "sixties", "seventies", "eighties", "nineties"};

enum WordFlag : uint8_t {
  kStrong = 1, kWeak = 8, kFuture = 2, kPast = 4, kAfterThe = 16,
  kPlural = 32,  // a unit in the plural ("days")
};

// Everything the tables say about one word, found with one lookup: eight bytes, so that a
// slot of the key index holds it beside its key and a lookup reads one cache line.
struct WordInfo {
  uint8_t flags = 0;
  int8_t month = -1, weekday = -1, set_weekday = -1, ordinal = -1, unit = -1;
  int8_t count = -1;    // no count word is above 100
  uint8_t length = 0;   // of the word, in the key index (0 marks an empty slot)
};
static_assert(sizeof(WordInfo) == 8);

// Eight bytes at a time: this runs on most words of a text.
bool HasHyphen(std::string_view w) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  constexpr uint64_t kHyphens = kOnes * static_cast<uint8_t>('-');
  size_t i = 0;
  for (; i + 8 <= w.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, w.data() + i, 8);
    v ^= kHyphens;
    if ((v - kOnes) & ~v & kHighs) return true;
  }
  for (; i < w.size(); ++i) {
    if (w[i] == '-') return true;
  }
  return false;
}

// The time words in a small open-addressing index (length and first letter kept beside each
// entry, so a probe rarely touches the entries), behind a filter on the first two letters that
// turns most ordinary words away before any hashing. std::unordered_map cost more than the rest
// of the recognizer put together.
class WordTable {
 public:
  WordTable() {
    entries_.reserve(512);
    for (const auto& e : kMonths) At(e.first).month = static_cast<int8_t>(e.second);
    for (const auto& e : kWeekdays) At(e.first).weekday = static_cast<int8_t>(e.second);
    for (const auto& e : kSetWeekdays) At(e.first).set_weekday = static_cast<int8_t>(e.second);
    for (const auto& e : kUnits) {
      At(e.word).unit = static_cast<int8_t>(e.unit);
      if (e.plural) At(e.word).flags |= kPlural;
    }
    for (auto& entry : entries_) entry.info.flags |= kStrong;
    for (const auto& e : kCounts) At(e.first).count = static_cast<int8_t>(e.second);
    for (const auto& e : kOrdinals) At(e.first).ordinal = static_cast<int8_t>(e.second);
    for (const auto& e : kCounts) At(e.first).flags |= kWeak;
    for (const auto& e : kOrdinals) At(e.first).flags |= kWeak;
    for (auto w : kStrongTriggers) At(w).flags |= kStrong;
    for (auto w : kWeakTriggers) At(w).flags |= kWeak;
    for (auto w : kTheFollowers) At(w).flags |= kAfterThe;
    for (auto w : kFutureCues) At(w).flags |= kFuture;
    for (auto w : kPastCues) At(w).flags |= kPast;
    for (const auto& e : entries_) {
      if (e.info.flags & kStrong) strong_shapes_[ShapeIndex(e.key)] |= SecondBit(e.key);
      // Hyphenated time words open with a count, an ordinal or a unit ("two-day",
      // "third-quarter", "week-long"), or with "mid", "late", "early" ("mid-August").
      if (e.key.size() >= 2 && e.key[0] >= 'a' && e.key[0] <= 'z' &&
          (e.info.count >= 0 || e.info.ordinal >= 0 || e.info.unit >= 0))
        AddHyphenHead(e.key);
    }
    for (std::string_view head : {"mid", "late", "early"}) AddHyphenHead(head);  // "late-November"
    BuildGates();
  }

  // The gates over Token::key: a bit of a 4 KB table per word, set for the keys (util::WordKey)
  // of the words of one kind. A clear bit tells the word is certainly not one of them.
  bool KeyMayBeStrong(const Token& t) const {
    if (t.kind != TokenKind::kWord) return t.kind == TokenKind::kNumber;
    return HasKey(strong_keys_, t.key);
  }
  bool KeyMayBeStrongWord(uint64_t key) const { return HasKey(strong_keys_, key); }
  bool KeyMayBeWeak(uint64_t key) const { return HasKey(weak_keys_, key); }
  bool KeyMayBeCue(uint64_t key) const { return HasKey(cue_keys_, key); }
  // Asks for the slot where FindKey's probe for `key` starts.
  void PrefetchKey(uint64_t key) const { __builtin_prefetch(&key_slots_[key & kKeyMask]); }

  // Whether a word may be a hyphenated time word ("two-day", "mid-August", "third-quarter"):
  // a hyphen right after a head of one of the lengths in `heads` (bit n: a head of n bytes
  // opening with the word's first two letters). Reads at most a few bytes of the word.
  static bool HyphenAfterHead(std::string_view w, uint32_t heads) {
    while (heads != 0) {
      const auto n = static_cast<size_t>(__builtin_ctz(heads));
      if (n + 1 >= w.size()) return false;  // heads ascend: the longer ones cannot fit either
      if (w[n] == '-') return true;
      heads &= heads - 1;
    }
    return false;
  }

  // The exact test: the word up to its first hyphen is a count, an ordinal, a unit or one of
  // "mid", "late", "early", and something follows the hyphen.
  bool IsHyphenatedTimeWord(std::string_view w) const {
    if (w.size() < 2 || !HyphenAfterHead(w, hyphen_heads_[PairIndex(w.data())])) return false;
    const size_t dash = w.find('-');
    const std::string_view head = w.substr(0, dash);
    if (head == "mid" || head == "late" || head == "early") return true;
    const WordInfo* info = Find(head);
    return info != nullptr && (info->count >= 0 || info->ordinal >= 0 || info->unit >= 0);
  }

  // Find, for words that may be strong triggers only: a word whose first letter, length and
  // second letter match no strong trigger is turned away by one test of a 2 KB table.
  const WordInfo* FindStrong(std::string_view w) const {
    if (w.size() < 2 || w.size() > kMaxLength || w[0] < 'a' || w[0] > 'z') return nullptr;
    if ((strong_shapes_[ShapeIndex(w)] & SecondBit(w)) == 0) return nullptr;
    return Find(w);
  }

  // Find by a token's key: a probe of kKeySlots by the key's low bits. A hit compares the
  // 64-bit key and the length, not the bytes (util/hash.h: equal keys mean equal norms in
  // practice), so the recognizer's many lookups call no memcmp.
  const WordInfo* FindKey(const Token& t) const {
    for (size_t i = t.key & kKeyMask;; i = (i + 1) & kKeyMask) {
      const KeySlot& slot = key_slots_[i];
      if (slot.info.length == 0) return nullptr;
      if (slot.key == t.key && slot.info.length == t.norm.size()) return &slot.info;
    }
  }

  const WordInfo* Find(std::string_view w) const {
    if (w.empty() || w.size() > kMaxLength || ((entry_lengths_[ShortPair(w)] >> w.size()) & 1) == 0)
      return nullptr;
    for (size_t i = Hash(w) & kMask;; i = (i + 1) & kMask) {
      const Slot slot = slots_[i];
      if (slot.length == 0) return nullptr;
      if (slot.length == w.size() && slot.first == w[0] && entries_[slot.entry].key == w)
        return &entries_[slot.entry].info;
    }
  }

 private:
  static constexpr size_t kSize = 1024, kMask = kSize - 1, kMaxLength = 16;
  struct Slot {
    uint8_t length = 0;
    char first = 0;
    uint16_t entry = 0;
  };
  struct Entry {
    std::string_view key;
    WordInfo info;
  };

  static size_t ShapeIndex(std::string_view w) {
    return static_cast<size_t>(w[0] - 'a') * (kMaxLength + 1) + w.size();
  }
  static uint32_t SecondBit(std::string_view w) {
    const char c = w[1];
    return 1u << (c >= 'a' && c <= 'z' ? c - 'a' : 26);
  }
  // Length, the first two and the last letters: enough to spread a few hundred words, and no
  // loop over the word.
  static uint32_t Hash(std::string_view w) {
    const auto at = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(w[i])); };
    const uint32_t second = w.size() > 1 ? at(1) : 0;
    const uint32_t h = (static_cast<uint32_t>(w.size()) * 2654435761u) ^ (at(0) * 40503u) ^
                       (second * 9973u) ^ (at(w.size() - 1) * 6151u);
    return h ^ (h >> 13);
  }
  WordInfo& At(std::string_view w) {
    for (size_t i = Hash(w) & kMask;; i = (i + 1) & kMask) {
      Slot& slot = slots_[i];
      if (slot.length == 0) {
        slot = {static_cast<uint8_t>(w.size()), w[0], static_cast<uint16_t>(entries_.size())};
        entries_.push_back({w, WordInfo{}});
      }
      if (slot.length == w.size() && slot.first == w[0] && entries_[slot.entry].key == w)
        return entries_[slot.entry].info;
    }
  }

  static constexpr size_t kKeySlots = 1024, kKeyMask = kKeySlots - 1;
  struct alignas(16) KeySlot {  // four to a cache line
    uint64_t key = 0;
    WordInfo info;  // a copy of the entry's, with its length set
  };
  std::array<KeySlot, kKeySlots> key_slots_{};
  std::array<Slot, kSize> slots_{};
  std::vector<Entry> entries_;
  std::array<uint32_t, 26 * (kMaxLength + 1)> strong_shapes_{};
  std::array<uint32_t, 28 * 28> hyphen_heads_{};  // bit n: a hyphen head of n bytes opens so
  // Bit n when a word of the table of n bytes opens with these two bytes (ShortPair): what Find
  // tests before hashing.
  std::array<uint32_t, 1024> entry_lengths_{};
  using KeyBits = std::array<uint64_t, 512>;  // bit (key mod 64) of word (key >> 55)
  KeyBits strong_keys_{}, weak_keys_{}, cue_keys_{};
  static_assert(sizeof(KeyBits) * 8 == 1u << 15);

  // The first two bytes of a word, five bits each (a one-byte word pairs with 0): exact for
  // letters, and any other byte shares an entry with a letter.
  static size_t ShortPair(std::string_view w) {
    return static_cast<size_t>(w[0] & 31) << 5 | static_cast<size_t>(w.size() > 1 ? w[1] & 31 : 0);
  }
  // The word from the key's top bits and the bit from its low ones: one shift fewer than
  // (key >> 6) mod 512 in the gate's loop.
  static bool HasKey(const KeyBits& bits, uint64_t key) {
    return ((bits[key >> 55] >> (key & 63)) & 1) != 0;
  }
  static void AddKey(KeyBits* bits, std::string_view w) {
    const uint64_t key = WordKey(w);
    (*bits)[key >> 55] |= uint64_t{1} << (key & 63);
  }

  static constexpr std::array<uint8_t, 256> kByteClass = [] {
    std::array<uint8_t, 256> classes{};
    for (size_t c = 0; c < 256; ++c) {
      classes[c] = c >= 'a' && c <= 'z' ? static_cast<uint8_t>(c - 'a') : c >= '0' && c <= '9' ? 26 : 27;
    }
    return classes;
  }();
  static size_t PairIndex(const char* w) {
    return kByteClass[static_cast<unsigned char>(w[0])] * 28u + kByteClass[static_cast<unsigned char>(w[1])];
  }

  // Records the length of a head a hyphenated time word may open with.
  void AddHyphenHead(std::string_view head) {
    if (head.size() < 16) hyphen_heads_[PairIndex(head.data())] |= 1u << head.size();
  }

  void BuildGates() {
    for (size_t n = 0; n < entries_.size(); ++n) {
      // The slot keeps the length in a byte, and 0 marks an empty slot: table words are short.
      assert(!entries_[n].key.empty() && entries_[n].key.size() < 256);
      const uint64_t key = WordKey(entries_[n].key);
      size_t i = key & kKeyMask;
      while (key_slots_[i].info.length != 0) i = (i + 1) & kKeyMask;
      key_slots_[i] = {key, entries_[n].info};
      key_slots_[i].info.length = static_cast<uint8_t>(entries_[n].key.size());
    }
    for (const auto& e : entries_) {
      if (e.key.size() < 32) entry_lengths_[ShortPair(e.key)] |= 1u << e.key.size();
      if (e.info.flags & kStrong) AddKey(&strong_keys_, e.key);
      if (e.info.flags & kWeak) AddKey(&weak_keys_, e.key);
      if (e.info.flags & (kFuture | kPast)) AddKey(&cue_keys_, e.key);
    }
    // CueAt reads "to" and "set" too ("is to resume", "set for Friday").
    for (std::string_view w : {"to", "set"}) AddKey(&cue_keys_, w);
  }
};

// Built at start-up (from the constant tables above, in this file), so lookups need no guard.
const WordTable kTable;

const WordTable& Table() { return kTable; }

const WordInfo* Info(std::string_view norm) { return Table().Find(norm); }
const WordInfo* StrongInfo(std::string_view norm) { return Table().FindStrong(norm); }
const WordInfo* Info(const Token& t) { return Table().FindKey(t); }

uint8_t FlagsOf(std::string_view norm) {
  const WordInfo* info = Info(norm);
  return info == nullptr ? 0 : info->flags;
}

}  // namespace

WordFacts FactsOf(std::string_view norm) {
  WordFacts facts;
  facts.hyphen = norm.size() >= 3 && HasHyphen(norm);
  if (const WordInfo* info = Info(norm)) {
    facts.month = info->month, facts.weekday = info->weekday, facts.ordinal = info->ordinal;
    facts.count = info->count, facts.unit = info->unit >= 0;
  }
  return facts;
}

WordFacts FactsOf(const Token& t) {
  WordFacts facts;
  facts.hyphen = t.norm.size() >= 3 && HasHyphen(t.norm);
  if (const WordInfo* info = Info(t)) {
    facts.month = info->month, facts.weekday = info->weekday, facts.ordinal = info->ordinal;
    facts.count = info->count, facts.unit = info->unit >= 0;
  }
  return facts;
}

int TriggerOf(std::string_view norm) {
  if (norm.empty()) return 0;
  if (norm[0] >= '0' && norm[0] <= '9') return 2;
  const uint8_t f = FlagsOf(norm);
  if (f & kStrong) return 2;
  if (f & kWeak) return 1;  // no weak word has a hyphen
  return HasHyphen(norm) ? 2 : 0;
}

int TriggerOf(const Token& t) {
  const std::string_view norm = t.norm;
  if (norm.empty()) return 0;
  if (norm[0] >= '0' && norm[0] <= '9') return 2;
  const WordInfo* info = Info(t);
  const uint8_t f = info == nullptr ? 0 : info->flags;
  if (f & kStrong) return 2;
  if (f & kWeak) return 1;
  return HasHyphen(norm) ? 2 : 0;
}

bool MayBeWeakTrigger(const Token& t) { return Table().KeyMayBeWeak(t.key); }

bool MayFollowThe(const Token& t) {
  const std::string_view norm = t.norm;
  if (norm.empty()) return false;
  if ((norm[0] >= '0' && norm[0] <= '9') || HasHyphen(norm)) return true;
  const WordInfo* info = Info(t);
  return info != nullptr && ((info->flags & kAfterThe) != 0 || info->count >= 0 ||
                             info->ordinal > 0 || info->unit >= 0);
}

bool MayBeTenseCue(const Token& t) {
  if (Table().KeyMayBeCue(t.key)) return true;
  const std::string& w = t.norm;
  return w.size() > 4 && w[w.size() - 2] == 'e' && w[w.size() - 1] == 'd';
}

uint32_t NextMayBeTenseCue(const std::vector<Token>& tokens, uint32_t k, uint32_t end) {
  while (k < end && !MayBeTenseCue(tokens[k])) ++k;
  return k;
}

uint32_t PrevMayBeTenseCue(const std::vector<Token>& tokens, uint32_t first, uint32_t k) {
  while (k > first) {
    if (MayBeTenseCue(tokens[--k])) return k;
  }
  return kNoCue;
}

bool IsStrongTrigger(std::string_view norm) {
  if (norm.empty()) return false;
  if (norm[0] >= '0' && norm[0] <= '9') {
    // "1,000" and "250000" count things; times are short numbers, years and dates.
    return norm.size() <= 10 && norm.find(',') == std::string_view::npos;
  }
  if (norm.size() < 3) return false;  // "of", "in", "to": no time word is that short
  const WordInfo* info = StrongInfo(norm);
  if (info != nullptr) return (info->flags & kStrong) != 0;
  return Table().IsHyphenatedTimeWord(norm);  // "two-day", "mid-August"
}

bool IsStrongTrigger(const Token& t) {
  const std::string_view norm = t.norm;
  if (norm.empty() || (norm[0] >= '0' && norm[0] <= '9') || norm.size() < 3)
    return IsStrongTrigger(norm);
  if (const WordInfo* info = Info(t)) return (info->flags & kStrong) != 0;
  return Table().IsHyphenatedTimeWord(norm);  // "two-day", "mid-August"
}

namespace {

// The exact test for the few tokens the gate lets through.
bool StrongToken(const Token& t) {
  return (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) && IsStrongTrigger(t);
}

}  // namespace

bool LinksCountToTime(std::string_view next) {
  return next == "-" || next == "to" || next == "or" || next == "\xe2\x80\x93" || next == "a.m." ||
         next == "p.m." || next == "am" || next == "pm" || next == "a.m" || next == "p.m";
}

namespace {

// A plain loop: find_first_not_of calls memchr once per byte.
bool IsAllDigits(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Most numbers count things ("5 people"): a number may begin a time only with a year's shape,
// a separator or letters ("10:35", "1990s"), or before a time word or a link ("10 to 12",
// "5 p.m."). The same test as the recognizer's, made once per number here so that the words
// before a count are not tried as openers. The next token is read only when the number's own
// shape leaves the answer open.
bool NumberMayBeginTime(const std::vector<Token>& tokens, uint32_t k, uint32_t end) {
  const std::string& w = tokens[k].norm;
  if (w.size() == 4 || !IsAllDigits(w)) return true;
  if (k + 1 >= end) return false;
  const Token& next = tokens[k + 1];
  if (StrongToken(next)) return true;
  return LinksCountToTime(next.norm) ||
         (next.kind != TokenKind::kWord && next.kind != TokenKind::kNumber &&
          IsStrongTrigger(std::string_view(next.norm)));
}

}  // namespace

namespace {

// The exact answer for a token the gate let through: a strong word, or a number that may
// begin a time (which the token after it decides).
bool StrongAt(const std::vector<Token>& tokens, uint32_t k, uint32_t end) {
  const Token& t = tokens[k];
  if (!StrongToken(t)) return false;
  return t.kind != TokenKind::kNumber || NumberMayBeginTime(tokens, k, end);
}

}  // namespace

namespace {

// The word tokens that hold a hyphen, in order, written from out[0]; returns how many. Tokens
// are sorted and disjoint, so the token holding offset h is the first one that ends after it.
uint32_t HyphenatedWords(std::string_view text, const std::vector<Token>& tokens, uint32_t* out) {
  const char* const base = text.data();
  uint32_t count = 0;
  auto from = tokens.begin();
  for (size_t at = 0; at < text.size();) {
    const void* h = std::memchr(base + at, '-', text.size() - at);
    if (h == nullptr) break;
    const auto hyphen = static_cast<uint32_t>(static_cast<const char*>(h) - base);
    from = std::upper_bound(from, tokens.end(), hyphen,
                            [](uint32_t offset, const Token& t) { return offset < t.end; });
    if (from == tokens.end()) break;
    if (from->start <= hyphen && from->kind == TokenKind::kWord)
      out[count++] = static_cast<uint32_t>(from - tokens.begin());
    at = std::max<size_t>(hyphen + 1, from->end);
  }
  return count;
}

// Merges the sorted extra[0, n_extra) into the sorted a[0, n_a), leaving out the values `a`
// holds already; returns the new length. Both hold distinct token indices below the number of
// tokens, and `extra` lies past that number, so the merged answer never reaches it; merged
// from the back, nothing of `a` is overwritten before it is read.
uint32_t MergeInto(uint32_t* a, uint32_t n_a, uint32_t* extra, uint32_t n_extra) {
  uint32_t kept = 0;
  for (uint32_t e = 0; e < n_extra; ++e) {  // few: the hyphenated words of a text
    if (!std::binary_search(a, a + n_a, extra[e])) extra[kept++] = extra[e];
  }
  uint32_t i = n_a, j = kept, w = n_a + kept;
  while (j > 0) a[--w] = i > 0 && a[i - 1] > extra[j - 1] ? a[--i] : extra[--j];
  return n_a + kept;
}

}  // namespace

// Most tokens fail the gate on their kind and key alone: the loop over every token of a text
// holds nothing else. A hyphenated time word ("two-day") has no fixed key: the hyphens of the
// text are found by memchr afterwards, each looked up among the tokens by its offset, and the
// words that hold one are merged into the answer. The tokenizer folds case byte for byte, so a
// hyphen of a norm is a hyphen of the text.
std::span<const uint32_t> GateTokens(std::string_view text, const std::vector<Token>& tokens,
                                     std::vector<uint32_t>* buffer) {
  const WordTable& table = Table();
  const Token* const data = tokens.data();
  const auto n = static_cast<uint32_t>(tokens.size());
  // Grown, never shrunk, and never cleared: only what is written is read.
  if (buffer->size() < 2 * size_t{n} + 1) buffer->resize(2 * size_t{n} + 1);
  uint32_t* const out = buffer->data();
  size_t count = 0;  // a full register: the store needs no widening
  // No branch on the token: which tokens pass follows no pattern a predictor could learn, and
  // a mispredicted branch per few tokens cost more than the test itself. Each index is
  // written, and kept only when its token passes.
#pragma GCC unroll 4
  for (uint32_t k = 0; k < n; ++k) {
    const Token& t = data[k];
    // A number passes always, any other token on its key's bit. A punctuation mark whose key
    // shares a bit with a strong word passes too: MarkStrong's exact test reads the kind, so
    // the gate spends no test on it here.
    const auto number = static_cast<size_t>(t.kind == TokenKind::kNumber);
    const auto hit = static_cast<size_t>(table.KeyMayBeStrongWord(t.key));
    out[count] = k;
    count += hit | number;
  }
  // The hyphenated words go to the room after the answer (at most one per token), then merge.
  uint32_t* const extra = out + n + 1;
  const uint32_t n_extra = HyphenatedWords(text, tokens, extra);
  if (n_extra > 0) count = MergeInto(out, static_cast<uint32_t>(count), extra, n_extra);
  // MarkStrong and the matchers look each candidate and the word after it up in the key
  // index, whose lines the text stage evicts between documents: asked for all at once here,
  // they arrive together instead of being missed one after another there.
  for (size_t c = 0; c < count; ++c) {
    const uint32_t k = out[c];
    if (k > 0) table.PrefetchKey(data[k - 1].key);
    table.PrefetchKey(data[k].key);
    if (k + 1 < n) table.PrefetchKey(data[k + 1].key);
    if (k + 2 < n) table.PrefetchKey(data[k + 2].key);
  }
  return {out, count};
}

bool MarkStrong(const std::vector<Token>& tokens, uint32_t first, uint32_t end,
                std::span<const uint32_t> candidates, uint8_t* out) {
  std::memset(out, 0, end - first);
  bool any = false;
  for (const uint32_t k : candidates) {
    const bool strong = StrongAt(tokens, k, end);
    out[k - first] = strong;
    any |= strong;
  }
  return any;
}

namespace {

// TenseCueOf from the word's flags in the tables.
int CueFromFlags(uint8_t f, std::string_view norm) {
  if (f & kFuture) return 1;
  if (f & kPast) return -1;
  // A word in -ed is a past form, but not "succeed", "need", "indeed" (-eed).
  if (norm.size() > 4 && norm.compare(norm.size() - 2, 2, "ed") == 0 && norm[0] >= 'a' &&
      norm[norm.size() - 3] != 'e')
    return -1;
  return 0;
}

}  // namespace

int TenseCueOf(std::string_view norm) { return CueFromFlags(FlagsOf(norm), norm); }

int TenseCueOf(const Token& t) {
  const WordInfo* info = Info(t);
  return CueFromFlags(info == nullptr ? 0 : info->flags, t.norm);
}


int MonthOf(std::string_view norm) {
  const WordInfo* info = Info(norm);
  return info == nullptr ? -1 : info->month;
}

int WeekdayOf(std::string_view norm) {
  const WordInfo* info = Info(norm);
  return info == nullptr ? -1 : info->weekday;
}

int SetWeekdayOf(std::string_view norm) {
  const WordInfo* info = Info(norm);
  return info == nullptr ? -1 : info->set_weekday;
}

int CountOf(std::string_view norm) {
  if (norm.empty()) return -1;
  if (norm[0] >= '0' && norm[0] <= '9') {
    int n = 0;
    for (char c : norm) {
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
      if (n > 100000) return -1;
    }
    return n;
  }
  const WordInfo* info = Info(norm);
  if (info != nullptr && info->count >= 0) return info->count;
  return norm.find('-') != std::string_view::npos ? HyphenatedCount(norm) : -1;
}

int OrdinalOf(std::string_view norm) {
  const WordInfo* info = Info(norm);
  if (info != nullptr && info->ordinal >= 0) return info->ordinal;
  if (norm.size() < 3 || norm[0] < '0' || norm[0] > '9') return -1;
  const std::string_view suffix = norm.substr(norm.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return -1;
  const int n = CountOf(norm.substr(0, norm.size() - 2));
  return n >= 1 && n <= 31 ? n : -1;
}

std::optional<Unit> UnitOf(std::string_view norm, bool* plural) {
  const WordInfo* info = Info(norm);
  if (info == nullptr || info->unit < 0) return std::nullopt;
  if (plural != nullptr) *plural = (info->flags & kPlural) != 0;
  return static_cast<Unit>(info->unit);
}

int MonthOf(const Token& t) {
  const WordInfo* info = Info(t);
  return info == nullptr ? -1 : info->month;
}

int WeekdayOf(const Token& t) {
  const WordInfo* info = Info(t);
  return info == nullptr ? -1 : info->weekday;
}

// The table answers for most words; digits and hyphenated counts ("twenty-five") are read.
int CountOf(const Token& t) {
  const std::string_view norm = t.norm;
  if (norm.empty() || (norm[0] >= '0' && norm[0] <= '9')) return CountOf(norm);
  const WordInfo* info = Info(t);
  if (info != nullptr && info->count >= 0) return info->count;
  return norm.find('-') != std::string_view::npos ? HyphenatedCount(norm) : -1;
}

int OrdinalOf(const Token& t) {
  const WordInfo* info = Info(t);
  if (info != nullptr && info->ordinal >= 0) return info->ordinal;
  if (t.norm.size() < 3 || t.norm[0] < '0' || t.norm[0] > '9') return -1;
  return OrdinalOf(std::string_view(t.norm));  // a number in -st, -nd, -rd, -th
}

std::optional<Unit> UnitOf(const Token& t, bool* plural) {
  const WordInfo* info = Info(t);
  if (info == nullptr || info->unit < 0) return std::nullopt;
  if (plural != nullptr) *plural = (info->flags & kPlural) != 0;
  return static_cast<Unit>(info->unit);
}

std::string_view SeasonOf(std::string_view norm) {
  if (norm == "spring") return "SP";
  if (norm == "summer") return "SU";
  if (norm == "fall" || norm == "autumn") return "FA";
  if (norm == "winter") return "WI";
  return "";
}

std::string_view PartOfDayOf(std::string_view norm) {
  if (norm == "morning") return "MO";
  if (norm == "afternoon") return "AF";
  if (norm == "evening") return "EV";
  if (norm == "night" || norm == "overnight") return "NI";
  return "";
}

int DecadeWordOf(std::string_view norm) {
  static constexpr std::array<std::string_view, 8> kDecades = {
      "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"};
  for (size_t d = 0; d < kDecades.size(); ++d) {
    if (norm == kDecades[d]) return static_cast<int>(d) + 2;
  }
  return -1;
}

std::string_view SetAdverbOf(std::string_view norm) {
  if (norm == "daily" || norm == "nightly") return "P1D";
  if (norm == "weekly") return "P1W";
  if (norm == "monthly") return "P1M";
  if (norm == "yearly") return "P1Y";
  if (norm == "hourly") return "PT1H";
  return "";
}

std::string DurationValue(int n, Unit unit) {
  // The count in the unit TIMEX3 writes ("P2D" for a weekend, "P10Y" for a decade).
  int scale = 1;
  std::string_view letter = "D";
  bool clock = false;
  switch (unit) {
    case Unit::kSecond: letter = "S", clock = true; break;
    case Unit::kMinute: letter = "M", clock = true; break;
    case Unit::kHour: letter = "H", clock = true; break;
    case Unit::kDay: break;
    case Unit::kWeekend: scale = 2; break;
    case Unit::kWeek: letter = "W"; break;
    case Unit::kMonth: letter = "M"; break;
    case Unit::kQuarter: letter = "Q"; break;
    case Unit::kHalf: letter = "M", scale = 6; break;
    case Unit::kYear: letter = "Y"; break;
    // Some decades or centuries: TimeBank writes "PXY" ("decades-long") and "PXC" ("centuries").
    case Unit::kDecade: letter = "Y", scale = 10; break;
    case Unit::kCentury: letter = n < 0 ? "C" : "Y", scale = 100; break;
  }
  std::string value(clock ? "PT" : "P");
  value.append(n < 0 ? std::string("X") : std::to_string(n * scale));
  value.append(letter);
  return value;
}

}  // namespace parley::extract::times
