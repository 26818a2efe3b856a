#include "lexicon/checks.h"

#include <algorithm>
#include <map>
#include <string>

#include "util/utf8.h"

namespace parley::lexicon {
namespace {

Diagnostic At(const Entry& e, bool error, std::string message) {
  size_t colon = e.origin.rfind(':');
  Diagnostic d;
  d.file = e.origin.substr(0, colon);
  d.line = colon == std::string::npos ? 0 : static_cast<uint32_t>(std::stoul("0" + e.origin.substr(colon + 1)));
  d.error = error;
  d.message = std::move(message);
  return d;
}

// Inclusive ranges with open ends ("" = unbounded).
bool Overlap(const DatedCode& a, const DatedCode& b) {
  const bool a_before_b = !a.to.empty() && !b.from.empty() && a.to < b.from;
  const bool b_before_a = !b.to.empty() && !a.from.empty() && b.to < a.from;
  return !a_before_b && !b_before_a;
}

std::string Range(const DatedCode& d) { return d.code + " " + d.from + ".." + d.to; }

void CheckOverlaps(const Entry& e, std::vector<Diagnostic>* out) {
  for (size_t i = 0; i < e.dated.size(); ++i) {
    for (size_t j = i + 1; j < e.dated.size(); ++j) {
      if (Overlap(e.dated[i], e.dated[j])) {
        out->push_back(At(e, true, "overlapping dates of office for \"" + e.name + "\": " + Range(e.dated[i]) +
                                       " and " + Range(e.dated[j])));
      }
    }
  }
}

// A code that two entries give on the same day, differently.
bool Clash(const Entry& a, const Entry& b) {
  if (!a.code.empty() && !b.code.empty() && a.code != b.code) return true;
  for (const auto& x : a.dated) {
    for (const auto& y : b.dated) {
      if (x.code != y.code && Overlap(x, y)) return true;
    }
  }
  return false;
}

bool IsIso(const Entry& e) { return e.origin.find("iso_3166") != std::string::npos; }

bool Institutional(Kind k) {
  return k == Kind::kCountry || k == Kind::kOrganisation || k == Kind::kGroup || k == Kind::kSeat ||
         k == Kind::kCapital;
}

void CheckPair(const std::string& phrase, const Entry& a, const Entry& b, std::vector<Diagnostic>* out) {
  if (IsIso(a) && IsIso(b)) return;
  const std::string where = " (also at " + a.origin + ")";
  if (Clash(a, b)) {
    if (a.kind == Kind::kPerson && b.kind == Kind::kPerson) {
      out->push_back(At(b, false, "\"" + phrase + "\" names two people in office at the same time" + where));
    } else if (a.kind == b.kind || (Institutional(a.kind) && Institutional(b.kind))) {
      out->push_back(At(b, true, "conflicting codes for \"" + phrase + "\": " + (b.code.empty() ? b.dated[0].code : b.code) +
                                     " here, " + (a.code.empty() ? a.dated[0].code : a.code) + where));
    }
  } else if (a.kind == b.kind && a.code == b.code && !a.code.empty() && !IsIso(a) && !IsIso(b)) {
    out->push_back(At(b, false, "\"" + phrase + "\" is listed twice with the same code" + where));
  }
}

}  // namespace

void CheckEntries(const std::vector<Entry>& entries, std::vector<Diagnostic>* diagnostics) {
  std::map<std::string, std::vector<uint32_t>> by_phrase;
  for (uint32_t id = 0; id < entries.size(); ++id) {
    const Entry& e = entries[id];
    if (e.kind == Kind::kPlace) continue;
    CheckOverlaps(e, diagnostics);
    for (const auto& n : e.names) {
      auto& ids = by_phrase[(e.kind == Kind::kAgent ? "g:" : "a:") + util::FoldCase(n)];
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  for (const auto& [key, ids] : by_phrase) {
    for (size_t i = 0; i < ids.size(); ++i) {
      for (size_t j = i + 1; j < ids.size(); ++j) CheckPair(key.substr(2), entries[ids[i]], entries[ids[j]], diagnostics);
    }
  }
  std::stable_sort(diagnostics->begin(), diagnostics->end(), [](const Diagnostic& x, const Diagnostic& y) {
    return x.file != y.file ? x.file < y.file : x.line < y.line;
  });
}

}  // namespace parley::lexicon
