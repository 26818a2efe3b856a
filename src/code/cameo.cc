#include "code/cameo.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace parley::code {

const std::vector<CameoCode>& AllCameoCodes() {
  static const std::vector<CameoCode> kCodes = {
#include "code/cameo_table.inc"
  };
  return kCodes;
}

const CameoCode* FindCameo(std::string_view code) {
  static const std::unordered_map<std::string, const CameoCode*> kIndex = [] {
    std::unordered_map<std::string, const CameoCode*> index;
    for (const auto& c : AllCameoCodes()) index.emplace(c.code, &c);
    return index;
  }();
  auto it = kIndex.find(std::string(code));
  return it == kIndex.end() ? nullptr : it->second;
}

}  // namespace parley::code
