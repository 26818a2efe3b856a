// GDELT 2.0 event table rows. What parley fills and what stays empty is listed in README.md
// ("Store and queries"); a test checks every column.
#include <cctype>
#include <cstdio>
#include <string_view>

#include "analysis/export.h"
#include "util/ascii.h"

namespace parley::analysis {

const std::array<const char*, 61> kGdeltColumns = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL"};

namespace {

// Prefixes of actor codes that name an organisation rather than a country; GDELT puts the
// organisation's own code in KnownGroupCode and the prefix in Type1Code.
bool IsOrganisationPrefix(std::string_view p) {
  return p == "IGO" || p == "NGO" || p == "IMG" || p == "MNC" || p == "NGM";
}

// CAMEO role codes that can open a code with no country ("REB", "GOVMIL").
bool IsRoleCode(std::string_view p) {
  static constexpr std::string_view kRoles[] = {
      "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "INS",
      "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "OPP", "PTY", "RAD", "REB", "REF", "REL", "SEP",
      "SPY", "UAF", "UIS", "SET", "IRC", "CHR", "MOS", "JEW"};
  for (auto r : kRoles) {
    if (p == r) return true;
  }
  return false;
}

struct ActorParts {
  std::string country, known_group;
  std::array<std::string, 3> types;
};

ActorParts SplitActorCode(const std::string& code) {
  ActorParts parts;
  size_t pos = 0, n_types = 0;
  auto add_type = [&](std::string t) {
    if (n_types < parts.types.size()) parts.types[n_types++] = std::move(t);
  };
  const std::string first = code.substr(0, 3);
  if (IsOrganisationPrefix(first)) {
    add_type(first);
    parts.known_group = code.substr(3, 3);
    pos = 6;
  } else if (!IsRoleCode(first)) {
    parts.country = first;
    pos = 3;
  }
  for (; pos + 3 <= code.size(); pos += 3) add_type(code.substr(pos, 3));
  return parts;
}

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

void AddActor(const std::string& code, const std::string& name, std::vector<std::string>* row) {
  const ActorParts p = SplitActorCode(code);
  row->insert(row->end(), {code, util::UpperAscii(name), p.country, p.known_group, "", "", "",
                           p.types[0], p.types[1], p.types[2]});
}

// GDELT dates: SQLDATE, MonthYear, Year, FractionDate (year + (month * 30 + day) / 365, as
// GDELT's codebook defines it). The first day of the event's date interval; the article date
// when the event has none.
void AddDates(const store::StoredEvent& ev, std::vector<std::string>* row) {
  std::optional<std::pair<std::string, std::string>> bounds;
  if (ev.first.event.date) bounds = store::DateBounds(*ev.first.event.date);
  if (!bounds && ev.first.doc.published) bounds = store::DateBounds(*ev.first.doc.published);
  if (!bounds) {
    row->insert(row->end(), {"", "", "", ""});
    return;
  }
  const std::string& d = bounds->first;
  const int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  row->push_back(d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2));
  row->push_back(d.substr(0, 4) + d.substr(5, 2));
  row->push_back(d.substr(0, 4));
  row->push_back(Fixed(y + (m * 30 + day) / 365.0, 4));
}

void AddEmptyGeo(std::vector<std::string>* row) { row->insert(row->end(), 8, ""); }

// ActionGeo from the event's location: a country (type 1) without coordinates, else a city
// (3 in the US, 4 elsewhere). Country-level rows carry the FIPS code as ADM1 and feature id,
// as GDELT's do.
void AddActionGeo(const std::optional<EventLocation>& loc, std::vector<std::string>* row) {
  if (!loc) return AddEmptyGeo(row);
  const std::string fips = store::IsoToFips(loc->country);
  const bool country_level = !loc->lat || !loc->lon;
  const std::string type = country_level ? "1" : (loc->country == "USA" ? "3" : "4");
  row->insert(row->end(), {type, loc->name, fips, country_level ? fips : "", "",
                           loc->lat ? Fixed(*loc->lat, 4) : "", loc->lon ? Fixed(*loc->lon, 4) : "",
                           country_level ? fips : ""});
}

}  // namespace

std::vector<std::string> GdeltRow(const store::StoredEvent& ev) {
  const Event& e = ev.first.event;
  std::vector<std::string> row;
  row.reserve(kGdeltColumns.size());
  row.push_back(std::to_string(ev.id));
  AddDates(ev, &row);
  AddActor(e.source, e.source_text, &row);
  AddActor(e.target, e.target_text, &row);
  row.push_back(ev.in_lead ? "1" : "0");
  row.push_back(e.code);
  row.push_back(e.code.substr(0, 3));
  row.push_back(e.root);
  row.push_back(std::to_string(e.quad_class));
  row.push_back(Fixed(e.goldstein, 1));
  row.push_back(std::to_string(ev.mentions));
  row.push_back(std::to_string(ev.sources));
  row.push_back(std::to_string(ev.articles));
  row.push_back("");  // AvgTone: parley does not score tone
  AddEmptyGeo(&row);  // Actor1Geo: parley does not place actors
  AddEmptyGeo(&row);  // Actor2Geo
  AddActionGeo(e.location, &row);
  row.push_back(ev.added_at);
  row.push_back(ev.first.doc.url.value_or(ev.first.doc.id));
  return row;
}

}  // namespace parley::analysis
