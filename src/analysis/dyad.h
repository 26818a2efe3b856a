// Dyad series: the events between two actors per day, ISO week or month, counted by quad class
// in both directions, with the mean Goldstein value; written as a table with a small terminal
// chart, or as a self-contained SVG chart for reports. Pure functions; thread-safe.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "parley/store.h"

namespace parley::analysis {

enum class Period { kDay, kWeek, kMonth };

struct DyadRow {
  std::string period;             // 2025-07-28, 2025-W31 or 2025-07
  std::array<int, 4> forward{};   // A -> B events by quad class 1..4
  std::array<int, 4> backward{};  // B -> A
  double goldstein_sum = 0;
  int events = 0;
  double MeanGoldstein() const { return events ? goldstein_sum / events : 0.0; }
};

// The period a YYYY-MM-DD date falls in.
std::string PeriodOf(const std::string& date, Period period);

// One row per period from the first to the last event, empty periods included (unless that
// would be more than 2,000 rows, when only periods with events are kept). Events dated more
// coarsely than the period ("2007" in a monthly series) are left out rather than put in the
// period their interval starts in; `*coarse` (when given) counts them.
std::vector<DyadRow> DyadSeries(const std::vector<store::DyadEvent>& events, Period period,
                                int* coarse = nullptr);

void WriteDyadTable(const std::string& a, const std::string& b, const std::vector<DyadRow>& rows,
                    std::string* out);
void WriteDyadSvg(const std::string& a, const std::string& b, const std::vector<DyadRow>& rows,
                  std::string* out);

}  // namespace parley::analysis
