// ISO 3166-1 alpha-3 -> FIPS 10-4 country codes, the codes GDELT's geo columns use. Written by
// the team from the two public standards; CAMEO's own codes for what ISO lacks (KSV, USR, YUG)
// are included. Territories FIPS 10-4 has no single code for (Aland, Bonaire, the US Minor
// Outlying Islands) map to "".
#include <algorithm>
#include <array>
#include <string_view>

#include "parley/store.h"

namespace parley::store {
namespace {

struct Pair {
  std::string_view iso3, fips;
};

// Sorted by ISO code (checked by a test).
constexpr std::array kIsoToFips = {
    Pair{"ABW", "AA"}, Pair{"AFG", "AF"}, Pair{"AGO", "AO"}, Pair{"AIA", "AV"}, Pair{"ALB", "AL"},
    Pair{"AND", "AN"}, Pair{"ARE", "AE"}, Pair{"ARG", "AR"}, Pair{"ARM", "AM"}, Pair{"ASM", "AQ"},
    Pair{"ATA", "AY"}, Pair{"ATF", "FS"}, Pair{"ATG", "AC"}, Pair{"AUS", "AS"}, Pair{"AUT", "AU"},
    Pair{"AZE", "AJ"}, Pair{"BDI", "BY"}, Pair{"BEL", "BE"}, Pair{"BEN", "BN"}, Pair{"BFA", "UV"},
    Pair{"BGD", "BG"}, Pair{"BGR", "BU"}, Pair{"BHR", "BA"}, Pair{"BHS", "BF"}, Pair{"BIH", "BK"},
    Pair{"BLM", "TB"}, Pair{"BLR", "BO"}, Pair{"BLZ", "BH"}, Pair{"BMU", "BD"}, Pair{"BOL", "BL"},
    Pair{"BRA", "BR"}, Pair{"BRB", "BB"}, Pair{"BRN", "BX"}, Pair{"BTN", "BT"}, Pair{"BVT", "BV"},
    Pair{"BWA", "BC"}, Pair{"CAF", "CT"}, Pair{"CAN", "CA"}, Pair{"CCK", "CK"}, Pair{"CHE", "SZ"},
    Pair{"CHL", "CI"}, Pair{"CHN", "CH"}, Pair{"CIV", "IV"}, Pair{"CMR", "CM"}, Pair{"COD", "CG"},
    Pair{"COG", "CF"}, Pair{"COK", "CW"}, Pair{"COL", "CO"}, Pair{"COM", "CN"}, Pair{"CPV", "CV"},
    Pair{"CRI", "CS"}, Pair{"CUB", "CU"}, Pair{"CUW", "UC"}, Pair{"CXR", "KT"}, Pair{"CYM", "CJ"},
    Pair{"CYP", "CY"}, Pair{"CZE", "EZ"}, Pair{"DEU", "GM"}, Pair{"DJI", "DJ"}, Pair{"DMA", "DO"},
    Pair{"DNK", "DA"}, Pair{"DOM", "DR"}, Pair{"DZA", "AG"}, Pair{"ECU", "EC"}, Pair{"EGY", "EG"},
    Pair{"ERI", "ER"}, Pair{"ESH", "WI"}, Pair{"ESP", "SP"}, Pair{"EST", "EN"}, Pair{"ETH", "ET"},
    Pair{"FIN", "FI"}, Pair{"FJI", "FJ"}, Pair{"FLK", "FK"}, Pair{"FRA", "FR"}, Pair{"FRO", "FO"},
    Pair{"FSM", "FM"}, Pair{"GAB", "GB"}, Pair{"GBR", "UK"}, Pair{"GEO", "GG"}, Pair{"GGY", "GK"},
    Pair{"GHA", "GH"}, Pair{"GIB", "GI"}, Pair{"GIN", "GV"}, Pair{"GLP", "GP"}, Pair{"GMB", "GA"},
    Pair{"GNB", "PU"}, Pair{"GNQ", "EK"}, Pair{"GRC", "GR"}, Pair{"GRD", "GJ"}, Pair{"GRL", "GL"},
    Pair{"GTM", "GT"}, Pair{"GUF", "FG"}, Pair{"GUM", "GQ"}, Pair{"GUY", "GY"}, Pair{"HKG", "HK"},
    Pair{"HMD", "HM"}, Pair{"HND", "HO"}, Pair{"HRV", "HR"}, Pair{"HTI", "HA"}, Pair{"HUN", "HU"},
    Pair{"IDN", "ID"}, Pair{"IMN", "IM"}, Pair{"IND", "IN"}, Pair{"IOT", "IO"}, Pair{"IRL", "EI"},
    Pair{"IRN", "IR"}, Pair{"IRQ", "IZ"}, Pair{"ISL", "IC"}, Pair{"ISR", "IS"}, Pair{"ITA", "IT"},
    Pair{"JAM", "JM"}, Pair{"JEY", "JE"}, Pair{"JOR", "JO"}, Pair{"JPN", "JA"}, Pair{"KAZ", "KZ"},
    Pair{"KEN", "KE"}, Pair{"KGZ", "KG"}, Pair{"KHM", "CB"}, Pair{"KIR", "KR"}, Pair{"KNA", "SC"},
    Pair{"KOR", "KS"}, Pair{"KSV", "KV"}, Pair{"KWT", "KU"}, Pair{"LAO", "LA"}, Pair{"LBN", "LE"},
    Pair{"LBR", "LI"}, Pair{"LBY", "LY"}, Pair{"LCA", "ST"}, Pair{"LIE", "LS"}, Pair{"LKA", "CE"},
    Pair{"LSO", "LT"}, Pair{"LTU", "LH"}, Pair{"LUX", "LU"}, Pair{"LVA", "LG"}, Pair{"MAC", "MC"},
    Pair{"MAF", "RN"}, Pair{"MAR", "MO"}, Pair{"MCO", "MN"}, Pair{"MDA", "MD"}, Pair{"MDG", "MA"},
    Pair{"MDV", "MV"}, Pair{"MEX", "MX"}, Pair{"MHL", "RM"}, Pair{"MKD", "MK"}, Pair{"MLI", "ML"},
    Pair{"MLT", "MT"}, Pair{"MMR", "BM"}, Pair{"MNE", "MJ"}, Pair{"MNG", "MG"}, Pair{"MNP", "CQ"},
    Pair{"MOZ", "MZ"}, Pair{"MRT", "MR"}, Pair{"MSR", "MH"}, Pair{"MTQ", "MB"}, Pair{"MUS", "MP"},
    Pair{"MWI", "MI"}, Pair{"MYS", "MY"}, Pair{"MYT", "MF"}, Pair{"NAM", "WA"}, Pair{"NCL", "NC"},
    Pair{"NER", "NG"}, Pair{"NFK", "NF"}, Pair{"NGA", "NI"}, Pair{"NIC", "NU"}, Pair{"NIU", "NE"},
    Pair{"NLD", "NL"}, Pair{"NOR", "NO"}, Pair{"NPL", "NP"}, Pair{"NRU", "NR"}, Pair{"NZL", "NZ"},
    Pair{"OMN", "MU"}, Pair{"PAK", "PK"}, Pair{"PAN", "PM"}, Pair{"PCN", "PC"}, Pair{"PER", "PE"},
    Pair{"PHL", "RP"}, Pair{"PLW", "PS"}, Pair{"PNG", "PP"}, Pair{"POL", "PL"}, Pair{"PRI", "RQ"},
    Pair{"PRK", "KN"}, Pair{"PRT", "PO"}, Pair{"PRY", "PA"}, Pair{"PSE", "WE"}, Pair{"PYF", "FP"},
    Pair{"QAT", "QA"}, Pair{"REU", "RE"}, Pair{"ROU", "RO"}, Pair{"RUS", "RS"}, Pair{"RWA", "RW"},
    Pair{"SAU", "SA"}, Pair{"SDN", "SU"}, Pair{"SEN", "SG"}, Pair{"SGP", "SN"}, Pair{"SGS", "SX"},
    Pair{"SHN", "SH"}, Pair{"SJM", "SV"}, Pair{"SLB", "BP"}, Pair{"SLE", "SL"}, Pair{"SLV", "ES"},
    Pair{"SMR", "SM"}, Pair{"SOM", "SO"}, Pair{"SPM", "SB"}, Pair{"SRB", "RI"}, Pair{"SSD", "OD"},
    Pair{"STP", "TP"}, Pair{"SUR", "NS"}, Pair{"SVK", "LO"}, Pair{"SVN", "SI"}, Pair{"SWE", "SW"},
    Pair{"SWZ", "WZ"}, Pair{"SXM", "NN"}, Pair{"SYC", "SE"}, Pair{"SYR", "SY"}, Pair{"TCA", "TK"},
    Pair{"TCD", "CD"}, Pair{"TGO", "TO"}, Pair{"THA", "TH"}, Pair{"TJK", "TI"}, Pair{"TKL", "TL"},
    Pair{"TKM", "TX"}, Pair{"TLS", "TT"}, Pair{"TON", "TN"}, Pair{"TTO", "TD"}, Pair{"TUN", "TS"},
    Pair{"TUR", "TU"}, Pair{"TUV", "TV"}, Pair{"TWN", "TW"}, Pair{"TZA", "TZ"}, Pair{"UGA", "UG"},
    Pair{"UKR", "UP"}, Pair{"URY", "UY"}, Pair{"USA", "US"}, Pair{"USR", "UR"}, Pair{"UZB", "UZ"},
    Pair{"VAT", "VT"}, Pair{"VCT", "VC"}, Pair{"VEN", "VE"}, Pair{"VGB", "VI"}, Pair{"VIR", "VQ"},
    Pair{"VNM", "VM"}, Pair{"VUT", "NH"}, Pair{"WLF", "WF"}, Pair{"WSM", "WS"}, Pair{"YEM", "YM"},
    Pair{"YUG", "YI"}, Pair{"ZAF", "SF"}, Pair{"ZMB", "ZA"}, Pair{"ZWE", "ZI"},
};

}  // namespace

std::string IsoToFips(const std::string& iso3) {
  auto it = std::lower_bound(kIsoToFips.begin(), kIsoToFips.end(), iso3,
                             [](const Pair& p, const std::string& key) { return p.iso3 < key; });
  if (it == kIsoToFips.end() || it->iso3 != iso3) return "";
  return std::string(it->fips);
}

bool IsoToFipsTableIsSorted() {
  return std::is_sorted(kIsoToFips.begin(), kIsoToFips.end(),
                        [](const Pair& a, const Pair& b) { return a.iso3 < b.iso3; });
}

}  // namespace parley::store
