#include "analysis/dyad.h"

#include <date/date.h>
#include <date/iso_week.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace parley::analysis {
namespace {

constexpr size_t kMaxFilledPeriods = 2000;

std::optional<date::sys_days> ParseDay(const std::string& d) {
  if (d.size() != 10) return std::nullopt;
  const date::year_month_day ymd{date::year{std::stoi(d.substr(0, 4))},
                                 date::month{static_cast<unsigned>(std::stoi(d.substr(5, 2)))},
                                 date::day{static_cast<unsigned>(std::stoi(d.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd};
}

std::string DayString(date::sys_days d) { return date::format("%F", d); }

// The first day of the period after the one `d` is in.
date::sys_days NextPeriodStart(date::sys_days d, Period period) {
  using namespace date;
  if (period == Period::kDay) return d + days{1};
  if (period == Period::kWeek) return d + days{7};
  const year_month_day ymd{d};
  return sys_days{(ymd.year() / ymd.month() / 1) + months{1}};
}

// Every period from the first to the last, so a chart shows quiet periods as quiet.
std::vector<std::string> AllPeriods(const std::string& first_day, const std::string& last_day,
                                    Period period) {
  std::vector<std::string> out;
  auto from = ParseDay(first_day), to = ParseDay(last_day);
  if (!from || !to) return out;
  const std::string last = PeriodOf(last_day, period);
  for (date::sys_days d = *from; out.size() <= kMaxFilledPeriods; d = NextPeriodStart(d, period)) {
    out.push_back(PeriodOf(DayString(d), period));
    if (out.back() == last) return out;
  }
  return {};
}

}  // namespace

std::string PeriodOf(const std::string& day, Period period) {
  if (period == Period::kMonth) return day.substr(0, 7);
  if (period == Period::kDay) return day;
  auto d = ParseDay(day);
  if (!d) return day;
  const iso_week::year_weeknum_weekday w{*d};
  return fmt::format("{}-W{:02}", static_cast<int>(w.year()), static_cast<unsigned>(w.weeknum()));
}

std::vector<DyadRow> DyadSeries(const std::vector<store::DyadEvent>& events, Period period,
                                int* coarse) {
  std::map<std::string, DyadRow> by_period;
  std::string first, last;
  if (coarse) *coarse = 0;
  for (const auto& e : events) {
    if (e.quad_class < 1 || e.quad_class > 4) continue;
    if (!e.last_date.empty() && PeriodOf(e.last_date, period) != PeriodOf(e.date, period)) {
      if (coarse) ++*coarse;
      continue;
    }
    DyadRow& row = by_period[PeriodOf(e.date, period)];
    (e.forward ? row.forward : row.backward)[e.quad_class - 1]++;
    row.goldstein_sum += e.goldstein;
    row.events++;
    if (first.empty() || e.date < first) first = e.date;
    if (last.empty() || e.date > last) last = e.date;
  }
  std::vector<DyadRow> rows;
  if (by_period.empty()) return rows;
  std::vector<std::string> periods = AllPeriods(first, last, period);
  if (periods.empty()) {
    for (const auto& [p, row] : by_period) periods.push_back(p);
  }
  for (const auto& p : periods) {
    DyadRow row = by_period.count(p) ? by_period[p] : DyadRow{};
    row.period = p;
    rows.push_back(row);
  }
  return rows;
}

namespace {

std::string Bar(int n, int max, int width, const char* glyph) {
  const int len = max > 0 ? (n * width + max - 1) / max : 0;
  std::string s;
  for (int i = 0; i < len; ++i) s += glyph;
  return s;
}

int Cooperation(const DyadRow& r) {
  return r.forward[0] + r.forward[1] + r.backward[0] + r.backward[1];
}
int Conflict(const DyadRow& r) { return r.forward[2] + r.forward[3] + r.backward[2] + r.backward[3]; }

}  // namespace

void WriteDyadTable(const std::string& a, const std::string& b, const std::vector<DyadRow>& rows,
                    std::string* out) {
  *out += fmt::format("{:<10} | {:^23} | {:^23} | {:>6} | {:>9}\n", "period", a + " -> " + b,
                      b + " -> " + a, "events", "Goldstein");
  *out += fmt::format("{:<10} | {:>5}{:>6}{:>6}{:>6} | {:>5}{:>6}{:>6}{:>6} | {:>6} | {:>9}\n", "",
                      "vcoop", "mcoop", "vconf", "mconf", "vcoop", "mcoop", "vconf", "mconf", "", "mean");
  *out += std::string(80, '-') + "\n";
  for (const auto& r : rows) {
    *out += fmt::format("{:<10} | {:>5}{:>6}{:>6}{:>6} | {:>5}{:>6}{:>6}{:>6} | {:>6} | {:>9}\n",
                        r.period, r.forward[0], r.forward[1], r.forward[2], r.forward[3],
                        r.backward[0], r.backward[1], r.backward[2], r.backward[3], r.events,
                        r.events ? fmt::format("{:+.2f}", r.MeanGoldstein()) : std::string("-"));
  }
  int max = 0;
  for (const auto& r : rows) max = std::max({max, Cooperation(r), Conflict(r)});
  *out += fmt::format("\n{:<10}   {:>30} | {:<30}  {}\n", "", "conflict (quad 3-4)",
                      "cooperation (quad 1-2)", "mean Goldstein");
  for (const auto& r : rows) {
    const std::string left = Bar(Conflict(r), max, 30, "#");
    *out += fmt::format("{:<10}   {:>30} | {:<30}  {}\n", r.period, left,
                        Bar(Cooperation(r), max, 30, "="),
                        r.events ? fmt::format("{:+.1f}", r.MeanGoldstein()) : std::string());
  }
}

namespace {

std::string XmlEscape(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '&': o += "&amp;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

constexpr const char* kQuadColors[4] = {"#4c9be8", "#1f5fa8", "#f0a04b", "#c8372d"};
constexpr const char* kQuadNames[4] = {"verbal cooperation", "material cooperation",
                                       "verbal conflict", "material conflict"};

struct Frame {
  double left = 60, top = 50, width = 0, height = 300;
  double slot = 0;
  int max_count = 1;
  double Y(double count) const { return top + height - height * count / max_count; }
  double GoldsteinY(double g) const { return top + height * (10.0 - g) / 20.0; }
};

void SvgAxes(const Frame& f, std::string* out) {
  *out += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\"/>\n"
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" stroke=\"#333\"/>\n"
      "<line x1=\"{0}\" y1=\"{4}\" x2=\"{3}\" y2=\"{4}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n"
      "<text x=\"{5}\" y=\"{1}\" font-size=\"11\" text-anchor=\"end\">{6}</text>\n"
      "<text x=\"{5}\" y=\"{2}\" font-size=\"11\" text-anchor=\"end\">0</text>\n"
      "<text x=\"{7}\" y=\"{1}\" font-size=\"11\">+10</text>\n"
      "<text x=\"{7}\" y=\"{4}\" font-size=\"11\">0</text>\n"
      "<text x=\"{7}\" y=\"{2}\" font-size=\"11\">-10</text>\n",
      f.left, f.top, f.top + f.height, f.left + f.width, f.GoldsteinY(0), f.left - 6, f.max_count,
      f.left + f.width + 6);
}

void SvgBars(const Frame& f, const std::vector<DyadRow>& rows, std::string* out) {
  const size_t label_every = std::max<size_t>(1, rows.size() / 12);
  for (size_t i = 0; i < rows.size(); ++i) {
    const double x = f.left + f.slot * static_cast<double>(i) + f.slot * 0.1;
    double stacked = 0;
    for (int q = 0; q < 4; ++q) {
      const int n = rows[i].forward[q] + rows[i].backward[q];
      if (n == 0) continue;
      *out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
          "<title>{}: {} {}</title></rect>\n",
          x, f.Y(stacked + n), f.slot * 0.8, f.Y(stacked) - f.Y(stacked + n), kQuadColors[q],
          XmlEscape(rows[i].period), n, kQuadNames[q]);
      stacked += n;
    }
    if (i % label_every == 0) {
      *out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"middle\">{}</text>\n",
                          x + f.slot * 0.4, f.top + f.height + 14, XmlEscape(rows[i].period));
    }
  }
}

void SvgGoldstein(const Frame& f, const std::vector<DyadRow>& rows, std::string* out) {
  std::string points;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].events == 0) continue;
    const double x = f.left + f.slot * (static_cast<double>(i) + 0.5);
    const double y = f.GoldsteinY(rows[i].MeanGoldstein());
    points += fmt::format("{:.1f},{:.1f} ", x, y);
    *out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#222\"><title>{}: mean Goldstein {:+.2f}</title></circle>\n",
                        x, y, XmlEscape(rows[i].period), rows[i].MeanGoldstein());
  }
  if (!points.empty()) {
    *out += "<polyline fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\" points=\"" + points + "\"/>\n";
  }
}

void SvgLegend(const Frame& f, std::string* out) {
  double x = f.left;
  const double y = f.top + f.height + 34;
  for (int q = 0; q < 4; ++q) {
    *out += fmt::format("<rect x=\"{:.0f}\" y=\"{:.0f}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                        "<text x=\"{:.0f}\" y=\"{:.0f}\" font-size=\"11\">{}</text>\n",
                        x, y, kQuadColors[q], x + 14, y + 9, kQuadNames[q]);
    x += 150;
  }
  *out += fmt::format("<line x1=\"{0:.0f}\" y1=\"{1:.0f}\" x2=\"{2:.0f}\" y2=\"{1:.0f}\" stroke=\"#222\" stroke-width=\"1.5\"/>"
                      "<text x=\"{3:.0f}\" y=\"{4:.0f}\" font-size=\"11\">mean Goldstein (right axis)</text>\n",
                      x, y + 5, x + 20, x + 24, y + 9);
}

}  // namespace

void WriteDyadSvg(const std::string& a, const std::string& b, const std::vector<DyadRow>& rows,
                  std::string* out) {
  Frame f;
  f.width = std::max(640.0, std::min(1600.0, 24.0 * static_cast<double>(rows.size())));
  f.slot = rows.empty() ? f.width : f.width / static_cast<double>(rows.size());
  for (const auto& r : rows) {
    int n = 0;
    for (int q = 0; q < 4; ++q) n += r.forward[q] + r.backward[q];
    f.max_count = std::max(f.max_count, n);
  }
  const double total_w = f.left + f.width + 60, total_h = f.top + f.height + 60;
  *out += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"sans-serif\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2:.0f}\" y=\"28\" font-size=\"16\">{3}</text>\n",
      total_w, total_h, f.left,
      XmlEscape(a + " \u2194 " + b + ": events by quad class (both directions) and mean Goldstein"));
  SvgAxes(f, out);
  SvgBars(f, rows, out);
  SvgGoldstein(f, rows, out);
  SvgLegend(f, out);
  *out += "</svg>\n";
}

}  // namespace parley::analysis
