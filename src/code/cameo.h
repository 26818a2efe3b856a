// The CAMEO taxonomy as parley carries it: every code with its label, Goldstein value, quad
// class and PLOVER type (null for pure statements, which PLOVER has no type for). The table is
// generated once from the taxonomies by scripts/gen_cameo_table.py and compiled in.
#pragma once

#include <string_view>
#include <vector>

namespace parley::code {

struct CameoCode {
  const char* code;       // "042", "1312"
  const char* name;       // short label
  double goldstein;
  int quad_class;         // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  const char* plover;     // PLOVER 2021 type, or nullptr
};

// The code's entry, or nullptr for a code CAMEO does not have.
const CameoCode* FindCameo(std::string_view code);

// Every code, in codebook order.
const std::vector<CameoCode>& AllCameoCodes();

}  // namespace parley::code
