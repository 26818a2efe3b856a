#include "code/cameo.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace parley::code {

const std::vector<CameoCode>& AllCameoCodes() {
  static const std::vector<CameoCode> kCodes = {
#include "code/cameo_table.inc"
  };
  return kCodes;
}

const CameoCode* FindCameo(std::string_view code) {
  // Keyed by views of the table's own literals: a lookup (one per event) builds no string.
  static const std::unordered_map<std::string_view, const CameoCode*> kIndex = [] {
    std::unordered_map<std::string_view, const CameoCode*> index;
    for (const auto& c : AllCameoCodes()) index.emplace(c.code, &c);
    return index;
  }();
  auto it = kIndex.find(code);
  return it == kIndex.end() ? nullptr : it->second;
}

}  // namespace parley::code
