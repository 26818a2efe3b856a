// Loading: the ISO countries, then each folder in order; then the token trie. The consistency
// checks (checks.cc) run at the first diagnostics() call. Everything here runs once per process.
#include "parley/lexicon.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_set>

#include "lexicon/checks.h"
#include "lexicon/dict_parser.h"
#include "lexicon/phrase_trie.h"
#include "text/segmenter.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace parley::lexicon {
namespace fs = std::filesystem;

const char* KindName(Kind kind) {
  static const char* const kNames[] = {"person", "country", "capital", "seat", "organisation",
                                       "group", "adjective", "agent", "place"};
  return kNames[static_cast<int>(kind)];
}

std::string Diagnostic::ToString() const {
  return file + ":" + std::to_string(line) + ": " + (error ? "error: " : "warning: ") + message;
}

namespace {

constexpr const char* kIsoFile = "/usr/share/iso-codes/json/iso_3166-1.json";

// CAMEO country-level codes that ISO 3166-1 lacks: Kosovo, historical states and regions.
constexpr const char* kCameoExtraCodes[] = {
    "KSV", "USR", "YUG", "CSK", "DDR", "SCG", "AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU",
    "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS",
    "SEA", "SAF", "WAF", "WST", "CRB"};

bool ReadFile(const fs::path& path, std::string* out) {
  // Straight into one buffer of the file's size (a stringstream copied the gazetteer twice).
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size < 0) return false;
  out->resize(static_cast<size_t>(size));
  in.seekg(0);
  in.read(out->data(), size);
  out->resize(static_cast<size_t>(in.gcount()));
  return !in.bad();
}

// Sorted regular files with `ext` under `dir` (recursively), or none when it is absent.
std::vector<fs::path> FilesUnder(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ext) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool InPeopleFolder(const fs::path& file) {
  for (const auto& part : file.parent_path()) {
    if (part == "people") return true;
  }
  return false;
}

// ISO names such as "Iran, Islamic Republic of" are not what news writes; the part before
// the comma is used when no other country shares it ("Korea" does not qualify).
std::vector<std::string> IsoNames(const nlohmann::json& c) {
  std::vector<std::string> names;
  for (const char* key : {"common_name", "name", "official_name"}) {
    if (!c.contains(key) || !c[key].is_string()) continue;
    std::string n = c[key].get<std::string>();
    if (n.find('(') != std::string::npos) continue;
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  return names;
}

}  // namespace

// Collects entries layer by layer, then compiles the Lexicon. Entries are parsed in place into
// the vector that becomes Lexicon::entries_ (no copy of the 29,000 entries); the few replaced
// by a later layer are squeezed out in Finish().
class Builder {
 public:
  Builder() {
    entries_.reserve(32768);
    meta_.reserve(32768);
    for (const char* code : kCameoExtraCodes) known_codes_.Insert(code);
  }

  void AddIso() {
    std::string raw;
    if (!ReadFile(kIsoFile, &raw)) {
      diagnostics_.push_back({kIsoFile, 0, false, "ISO 3166-1 list not found (install iso-codes)"});
      return;
    }
    auto json = nlohmann::json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.contains("3166-1")) {
      diagnostics_.push_back({kIsoFile, 0, true, "ISO 3166-1 list is not valid JSON"});
      return;
    }
    for (const auto& c : json["3166-1"]) known_codes_.Insert(c.value("alpha_3", ""));
    AddIsoEntries(json["3166-1"]);
  }

  Status AddFolder(const std::string& dir, int layer) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status(StatusCode::kNotFound, "dictionary folder not found: " + dir);
    for (const auto& f : FilesUnder(fs::path(dir) / "actors", ".txt"))
      AddFile(f, layer, InPeopleFolder(f) ? Kind::kPerson : Kind::kOrganisation, &ParseActorLine);
    for (const auto& f : FilesUnder(fs::path(dir) / "agents", ".txt")) AddFile(f, layer, Kind::kAgent, &ParseAgentLine);
    for (const auto& f : FilesUnder(fs::path(dir) / "places", ".tsv")) AddFile(f, layer, Kind::kPlace, &ParsePlaceLine);
    return Status::Ok();
  }

  std::shared_ptr<Lexicon> Finish() {
    LayerPlaces();
    std::shared_ptr<Lexicon> lex(new Lexicon());
    const size_t staged = entries_.size();
    DropReplaced();
    lex->entries_ = std::move(entries_);
    lex->populations_.reserve(lex->entries_.size());
    for (auto& e : lex->entries_) {
      if (e.kind == Kind::kAgent) e.folded = util::FoldCase(e.name);
      lex->populations_.push_back(e.population);
    }
    lex->places_.reserve(staged);
    for (uint32_t id = 0; id < lex->entries_.size(); ++id) Index(lex.get(), id);
    lex->trie_->Compile();
    lex->trie_->SlotTable(&lex->trie_slots_, &lex->trie_shift_);
    FillGates(lex.get());
    lex->FillDayRanges();
    lex->diagnostics_ = std::move(diagnostics_);
    return lex;
  }

 private:
  // What layering needs of entries_[i]: its folder, and whether a later one replaced it.
  struct Meta {
    int layer = 0;
    bool dropped = false;
  };

  void AddIsoEntries(const nlohmann::json& list) {
    std::unordered_map<std::string, int> prefix_count;
    for (const auto& c : list) {
      for (const auto& n : IsoNames(c)) {
        size_t comma = n.find(", ");
        ++prefix_count[comma == std::string::npos ? n : n.substr(0, comma)];
      }
    }
    for (const auto& c : list) {
      Entry e;
      e.kind = Kind::kCountry;
      e.code = c.value("alpha_3", "");
      e.origin = std::string(kIsoFile) + ":0";
      for (const auto& n : IsoNames(c)) {
        size_t comma = n.find(", ");
        std::string use = comma == std::string::npos ? n : n.substr(0, comma);
        if (comma != std::string::npos && prefix_count[use] > 1) continue;
        if (std::find(e.names.begin(), e.names.end(), use) == e.names.end()) e.names.push_back(use);
      }
      if (e.names.empty() || e.code.size() != 3) continue;
      e.name = e.names.front();
      entries_.push_back(std::move(e));
      Stage(-1, kIsoFile, 0);
    }
  }

  using LineParser = bool (*)(std::string_view, const LineContext&, Entry*);

  void AddFile(const fs::path& path, int layer, Kind default_kind, LineParser parse) {
    std::string raw;
    LineContext ctx{path.string(), 0, default_kind, &known_codes_, &diagnostics_};
    if (!ReadFile(path, &raw)) {
      diagnostics_.push_back({ctx.file, 0, true, "cannot read file"});
      return;
    }
    const std::string_view all(raw);
    Reserve(entries_.size() + static_cast<size_t>(std::count(all.begin(), all.end(), '\n')) + 1);
    size_t pos = 0;
    while (pos < all.size()) {
      size_t nl = all.find('\n', pos);
      std::string_view line = all.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? all.size() : nl + 1;
      ++ctx.line;
      line = StripLine(line);
      if (line.empty()) continue;
      if (!util::IsValidUtf8(line)) {
        diagnostics_.push_back({ctx.file, ctx.line, true, "invalid UTF-8"});
        continue;
      }
      if (parse(line, ctx, &entries_.emplace_back())) Stage(layer, ctx.file, ctx.line);
      else entries_.pop_back();
    }
  }

  // Room for `count` entries, so that no entry is moved while a file is read.
  void Reserve(size_t count) {
    if (count <= entries_.capacity()) return;
    count = std::max(count, 2 * entries_.capacity());
    entries_.reserve(count);
    meta_.reserve(count);
  }

  // Layering of the entry just parsed (entries_.back()): a later folder's entry with the same
  // key replaces the earlier one; the same key twice within one folder is a duplicate, and
  // the second is removed (places excepted: many towns share a name; layered in Finish).
  void Stage(int layer, const std::string& file, uint32_t line) {
    const auto index = static_cast<uint32_t>(entries_.size() - 1);
    const Entry& e = entries_.back();
    if (e.kind == Kind::kPlace) {
      max_place_layer_ = std::max(max_place_layer_, layer);
      meta_.push_back(Meta{layer});
      return;
    }
    KeyOf(e, &key_);
    auto [it, fresh] = by_key_.try_emplace(key_, index);
    if (!fresh) {
      Meta& first = meta_[it->second];
      if (first.layer == layer) {
        if (layer >= 0) {  // (ISO lists a name twice: not the user's problem)
          diagnostics_.push_back({file, line, true, "duplicate entry \"" + e.name + "\" (first at " +
                                                        entries_[it->second].origin + ")"});
        }
        entries_.pop_back();
        return;
      }
      first.dropped = true;
      it->second = index;
    }
    meta_.push_back(Meta{layer});
  }

  // A place of a later folder replaces the earlier places of the same name and country.
  void LayerPlaces() {
    if (max_place_layer_ <= 0) return;
    std::unordered_map<std::string, int> latest;
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].kind != Kind::kPlace) continue;
      KeyOf(entries_[i], &key_);
      int& l = latest[key_];
      l = std::max(l, meta_[i].layer);
    }
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].kind != Kind::kPlace) continue;
      KeyOf(entries_[i], &key_);
      if (latest[key_] > meta_[i].layer) meta_[i].dropped = true;
    }
  }

  // Removes the entries a later layer replaced, keeping the order of the others.
  void DropReplaced() {
    size_t kept = 0;
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (meta_[i].dropped) continue;
      if (kept != i) entries_[kept] = std::move(entries_[i]);
      ++kept;
    }
    entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(kept), entries_.end());
  }

  static void KeyOf(const Entry& e, std::string* key) {
    key->assign(e.kind == Kind::kAgent ? "g:" : e.kind == Kind::kPlace ? "p:" : "a:");
    if (e.kind == Kind::kPlace) key->append(e.country).append(1, ':');
    key->append(util::FoldCase(e.name));
  }

  void Index(Lexicon* lex, uint32_t id) {
    const Entry& e = lex->entries_[id];
    if (e.kind == Kind::kCountry && e.code.size() == 3) lex->countries_[e.code] = id;  // later wins
    for (const auto& name : e.names) {
      Insert(lex, id, name);
      if (e.kind == Kind::kPlace && !tokens_.empty()) lex->places_[folded_].push_back(id);
    }
  }

  // Names of ASCII letters and single spaces (most of the gazetteer) are split here; the
  // tokenizer would give the same tokens, only slower.
  bool SimpleTokens(const std::string& name) {
    tokens_.clear();
    folded_.resize(name.size());  // ASCII: one byte folds to one byte
    uint32_t start = 0;
    for (uint32_t i = 0; i <= name.size(); ++i) {
      const char c = i < name.size() ? name[i] : ' ';
      if (c == ' ') {
        if (i == start) return false;
        Token& t = tokens_.emplace_back();
        t.start = start;
        t.end = i;
        t.norm.assign(folded_, start, i - start);
        t.key = parley::WordKey(t.norm);
        start = i + 1;
        if (i < name.size()) folded_[i] = ' ';
        continue;
      }
      const char lower = static_cast<char>(c | 0x20);
      if (lower < 'a' || lower > 'z') return false;  // ASCII letters only (std::isalpha is locale-bound)
      folded_[i] = lower;
    }
    return true;
  }

  void Insert(Lexicon* lex, uint32_t id, const std::string& name) {
    if (!SimpleTokens(name)) {
      tokens_.clear();
      text::Tokenize(name, 0, static_cast<uint32_t>(name.size()), &tokens_);
      folded_ = util::FoldCase(name);
    }
    if (tokens_.empty()) return;
    const Entry& e = lex->entries_[id];
    const bool short_name = tokens_.size() == 1 && name != e.name;
    lex->trie_->Add(tokens_, name, PhraseTrie::Phrase{id, e.kind, ExactCase(name), short_name, 0});
  }

  static void FillGates(Lexicon* lex) {
    lex->gate_all_.assign((size_t{1} << Lexicon::kGateBits) / 64, 0);
    lex->gate_lower_.assign((size_t{1} << Lexicon::kGateLowerBits) / 64, 0);
    lex->trie_->ForEachFirstWord([lex](uint64_t key, bool agent) {
      const uint64_t all = key >> (64 - Lexicon::kGateBits), lower = key >> (64 - Lexicon::kGateLowerBits);
      lex->gate_all_[all >> 6] |= uint64_t{1} << (all & 63);
      if (agent) lex->gate_lower_[lower >> 6] |= uint64_t{1} << (lower & 63);
    });
  }

  // Short all-capital names and names with inner dots match only as written: "US", "U.S.".
  static bool ExactCase(std::string_view name) {
    if (name.find('.') == std::string_view::npos) {  // most names: stop at the first small letter
      size_t letters = 0;
      for (const char c : name) {
        if (c == ' ' || (c >= 'a' && c <= 'z')) return false;
        letters += c >= 'A' && c <= 'Z' ? 1 : 0;
      }
      return letters > 0 && letters <= 4;
    }
    size_t letters = 0;
    bool all_caps = true;
    for (size_t i = 0; i < name.size(); ++i) {
      const char c = name[i];
      if (c == '.' && i + 1 < name.size() && IsAsciiLetter(name[i + 1])) return true;
      if (IsAsciiLetter(c)) {
        ++letters;
        all_caps = all_caps && c >= 'A' && c <= 'Z';
      } else if (c == ' ') {
        all_caps = false;
      }
    }
    return all_caps && letters > 0 && letters <= 4;
  }
  // std::isalpha in the "C" locale, without the call (bytes of UTF-8 sequences are no letters).
  static bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  std::vector<Entry> entries_;  // becomes Lexicon::entries_
  std::vector<Meta> meta_;      // by entry
  std::unordered_map<std::string, uint32_t> by_key_;  // KeyOf -> the entry that holds it
  std::string key_;                                   // KeyOf's buffer
  CodeSet known_codes_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<Token> tokens_;
  std::string folded_;
  int max_place_layer_ = -1;
};

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::vector<std::string>& dirs) {
  Builder builder;
  builder.AddIso();
  for (size_t i = 0; i < dirs.size(); ++i) {
    Status s = builder.AddFolder(dirs[i], static_cast<int>(i));
    if (!s.ok()) return s;
  }
  return std::shared_ptr<const Lexicon>(builder.Finish());
}

const std::vector<Diagnostic>& Lexicon::diagnostics() const {
  std::call_once(checks_once_, [this] { CheckEntries(entries_, &diagnostics_); });
  return diagnostics_;
}

Lexicon::Lexicon() : trie_(std::make_unique<PhraseTrie>()) {
  static std::atomic<uint64_t> loaded{0};
  serial_ = ++loaded;
}
Lexicon::~Lexicon() = default;

uint64_t Lexicon::HashWord(std::string_view norm) { return parley::WordKey(norm); }

void Lexicon::LookupFrom(std::string_view text, const std::vector<Token>& tokens, uint32_t i, uint32_t end,
                         bool lower, std::vector<Hit>* hits) const {
  trie_->Lookup(text, tokens, i, end, lower, hits);
}


namespace {
bool Covers(const DatedCode& d, std::string_view date) {
  return (d.from.empty() || d.from <= date) && (d.to.empty() || date <= d.to);
}

// The latest code: open-ended first, then the latest end date.
const DatedCode* MostRecent(const std::vector<DatedCode>& dated) {
  const DatedCode* best = nullptr;
  for (const auto& d : dated) {
    if (best == nullptr || (!best->to.empty() && (d.to.empty() || d.to > best->to))) best = &d;
  }
  return best;
}
}  // namespace

bool Lexicon::InOffice(const Entry& entry, std::string_view date) {
  if (date.empty()) return std::any_of(entry.dated.begin(), entry.dated.end(), [](const DatedCode& d) { return d.to.empty(); });
  return std::any_of(entry.dated.begin(), entry.dated.end(), [&](const DatedCode& d) { return Covers(d, date); });
}

std::string Lexicon::CodeOn(const Entry& entry, std::string_view date) const {
  if (date.empty()) {
    if (const DatedCode* d = MostRecent(entry.dated)) return d->code;
  } else {
    for (const auto& d : entry.dated) {
      if (Covers(d, date)) return d.code;
    }
  }
  return CodeWithoutDate(entry);
}

std::string Lexicon::CodeWithoutDate(const Entry& entry) const {
  if (!entry.code.empty() || entry.kind != Kind::kPerson || entry.dated.empty()) return entry.code;
  // Out of office: their country's elites. IGO posts say nothing about the country; someone
  // only ever coded with an organisation (al-Qaeda's founder) keeps its latest code.
  for (auto it = entry.dated.rbegin(); it != entry.dated.rend(); ++it) {
    std::string prefix = it->code.substr(0, 3);
    if (prefix != "IGO" && prefix != "NGO" && prefix != "IMG") return prefix + "ELI";
  }
  return MostRecent(entry.dated)->code;
}

int32_t Lexicon::DayOf(std::string_view date) {
  if (date.empty()) return kNoDay;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return kTextDay;
  int32_t value = 0;
  for (size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7) continue;
    if (date[i] < '0' || date[i] > '9') return kTextDay;
    value = value * 10 + (date[i] - '0');
  }
  return value > 0 ? value : kTextDay;  // "0000-00-00": as text
}

void Lexicon::FillDayRanges() {
  dated_at_.reserve(entries_.size() + 1);
  dated_at_.push_back(0);
  for (const Entry& e : entries_) {
    for (const DatedCode& d : e.dated) {
      const int32_t from = d.from.empty() ? INT32_MIN : DayOf(d.from);
      const int32_t to = d.to.empty() ? INT32_MAX : DayOf(d.to);
      if (from == kTextDay || to == kTextDay) day_dates_ = false;
      day_ranges_.push_back({from, to});
    }
    dated_at_.push_back(static_cast<uint32_t>(day_ranges_.size()));
  }
}

std::string Lexicon::CodeOnDay(uint32_t id, int32_t day, std::string_view date) const {
  if (day <= kNoDay || !day_dates_) return CodeOn(entries_[id], date);
  const uint32_t first = dated_at_[id];
  for (uint32_t k = first; k < dated_at_[id + 1]; ++k) {
    if (day_ranges_[k].from <= day && day <= day_ranges_[k].to) return entries_[id].dated[k - first].code;
  }
  return CodeWithoutDate(entries_[id]);
}

bool Lexicon::InOfficeOnDay(uint32_t id, int32_t day, std::string_view date) const {
  if (day <= kNoDay || !day_dates_) return InOffice(entries_[id], date);
  for (uint32_t k = dated_at_[id]; k < dated_at_[id + 1]; ++k) {
    if (day_ranges_[k].from <= day && day <= day_ranges_[k].to) return true;
  }
  return false;
}

const Entry* Lexicon::PlaceIn(const Entry& entry, std::string_view country) const {
  const Entry* best = nullptr;
  for (const auto& name : entry.names) {
    auto it = places_.find(util::FoldCase(name));
    if (it == places_.end()) continue;
    for (uint32_t id : it->second) {
      const Entry& p = entries_[id];
      if ((country.empty() || p.country == country) && (best == nullptr || p.population > best->population)) best = &p;
    }
  }
  return best;
}

const Entry* Lexicon::Country(std::string_view alpha3) const {
  auto it = countries_.find(std::string(alpha3));
  return it == countries_.end() ? nullptr : &entries_[it->second];
}

}  // namespace parley::lexicon
