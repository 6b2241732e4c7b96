// TimelineSvg: the stance grid chart. One row per row key (most claims first), one column per
// period; a cell's colour is its net stance on a diverging scale (oppose red-orange, neutral
// grey, support blue) and its size grows with the number of claims.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "query/index_reader.h"
#include "query/periods.h"
#include "query/timeline.h"

namespace claimdex {
namespace {

using query_internal::XmlEscape;

constexpr double kRowHeight = 34;
constexpr double kTop = 92;
constexpr double kRightColumn = 56;
constexpr size_t kMaxLabelChars = 30;
const char kFont[] = "font-family=\"Inter, 'Segoe UI', Helvetica, Arial, sans-serif\"";

struct Rgb {
  double r, g, b;
};
constexpr Rgb kOppose = {215, 72, 39};
constexpr Rgb kNeutral = {189, 189, 189};
constexpr Rgb kSupport = {33, 113, 181};

std::string Hex(const Rgb& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(c.r)),
                static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
  return buf;
}

std::string NetColour(double net) {
  net = std::clamp(net, -1.0, 1.0);
  const Rgb& end = net < 0 ? kOppose : kSupport;
  double f = std::fabs(net);
  return Hex({kNeutral.r + (end.r - kNeutral.r) * f, kNeutral.g + (end.g - kNeutral.g) * f,
              kNeutral.b + (end.b - kNeutral.b) * f});
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Signed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f", v);
  return buf;
}

// Layout computed once from the timeline's shape.
struct Layout {
  size_t rows = 0;
  double label_width = 0, cell_width = 0, grid_width = 0, grid_bottom = 0;
  size_t label_step = 1;  // label every label_step-th period so that labels never overlap
  double width = 0, height = 0;
  size_t max_claims = 1;
};

Layout ComputeLayout(const Timeline& t) {
  Layout l;
  l.rows = std::min(t.rows.size(), std::max<size_t>(t.max_rows, 1));
  size_t longest = 8;
  for (size_t i = 0; i < l.rows; ++i) {
    longest = std::max(longest, std::min(query_internal::DisplayWidth(t.rows[i]), kMaxLabelChars));
  }
  l.label_width = 24 + 7.4 * static_cast<double>(longest);
  size_t periods = std::max<size_t>(t.periods.size(), 1);
  l.cell_width = std::clamp(780.0 / static_cast<double>(periods), 24.0, 72.0);
  l.grid_width = l.cell_width * static_cast<double>(periods);
  l.grid_bottom = kTop + kRowHeight * static_cast<double>(std::max<size_t>(l.rows, 1));
  // "10 Feb" (weeks) needs about 40 px at 11 px; "Feb" or "Q1" about 26 px.
  double label_px = t.interval == "week" ? 44 : 30;
  l.label_step = static_cast<size_t>(std::ceil(label_px / l.cell_width));
  for (const TimelineCell& c : t.cells) l.max_claims = std::max(l.max_claims, c.claims);
  double axis = 58;  // period label, year line, axis title
  // Wide enough for the grid and for the legend under it (colour bar + three size samples).
  l.width = std::max({l.label_width + l.grid_width + kRightColumn + 24, l.label_width + 500, 640.0});
  l.height = l.grid_bottom + axis + 96;
  return l;
}

double CellSide(const Layout& l, size_t claims) {
  double full = std::min(l.cell_width, kRowHeight) - 4;
  double share = std::sqrt(static_cast<double>(claims) / static_cast<double>(l.max_claims));
  return full * (0.42 + 0.58 * share);
}

void Header(const Timeline& t, std::string* out) {
  std::string range = t.since.empty() ? "no dates"
                                      : query_internal::ReadableDate(t.since) + " – " +
                                            query_internal::ReadableDate(t.until);
  std::string by = t.by == "entity" ? "entity" : t.by;
  *out += "<text x=\"24\" y=\"34\" font-size=\"19\" font-weight=\"600\" fill=\"#1a1a1a\">Stance on " +
          XmlEscape(t.target_name) + " by " + by + ", " + XmlEscape(range) + "</text>\n";
  size_t claims = 0;
  for (const TimelineCell& c : t.cells) claims += c.claims;
  std::string sub = std::to_string(claims) + (claims == 1 ? " claim" : " claims") + " · " +
                    std::to_string(t.rows.size()) + " " + by + (t.rows.size() == 1 ? "" : "s") +
                    " · per " + t.interval + " · colour: net stance · size: number of claims";
  *out += "<text x=\"24\" y=\"58\" font-size=\"12.5\" fill=\"#5f6368\">" + XmlEscape(sub) + "</text>\n";

}

void RowLabels(const Timeline& t, const Layout& l, std::string* out) {
  std::map<std::string, size_t> totals;
  for (const TimelineCell& c : t.cells) totals[c.row] += c.claims;
  double right = l.label_width + l.grid_width;
  *out += "<text x=\"" + Num(right + 12) + "\" y=\"" + Num(kTop - 10) +
          "\" font-size=\"11\" fill=\"#80868b\">claims</text>\n";
  for (size_t i = 0; i < l.rows; ++i) {
    double y = kTop + kRowHeight * (static_cast<double>(i) + 0.5) + 4.5;
    std::string label = query_internal::Truncate(t.rows[i], kMaxLabelChars);
    *out += "<text x=\"" + Num(l.label_width - 12) + "\" y=\"" + Num(y) +
            "\" font-size=\"13\" text-anchor=\"end\" fill=\"#202124\">" + XmlEscape(label) +
            "<title>" + XmlEscape(t.rows[i]) + "</title></text>\n";
    *out += "<text x=\"" + Num(right + 12) + "\" y=\"" + Num(y) +
            "\" font-size=\"12\" fill=\"#5f6368\">" + std::to_string(totals[t.rows[i]]) + "</text>\n";
  }
}

void Grid(const Timeline& t, const Layout& l, std::string* out) {
  *out += "<g>\n";
  for (size_t r = 0; r < l.rows; ++r) {
    for (size_t p = 0; p < t.periods.size(); ++p) {
      *out += "<rect x=\"" + Num(l.label_width + l.cell_width * static_cast<double>(p) + 1) +
              "\" y=\"" + Num(kTop + kRowHeight * static_cast<double>(r) + 1) + "\" width=\"" +
              Num(l.cell_width - 2) + "\" height=\"" + Num(kRowHeight - 2) +
              "\" rx=\"2\" fill=\"" + (r % 2 ? "#f1f3f4" : "#f8f9fa") + "\"/>\n";
    }
  }
  *out += "</g>\n";
}

void Cells(const Timeline& t, const Layout& l, std::string* out) {
  std::map<std::string, size_t> row_index, period_index;
  for (size_t i = 0; i < l.rows; ++i) row_index.emplace(t.rows[i], i);
  for (size_t i = 0; i < t.periods.size(); ++i) period_index.emplace(t.periods[i], i);
  for (const TimelineCell& c : t.cells) {
    auto r = row_index.find(c.row);
    auto p = period_index.find(c.period);
    if (r == row_index.end() || p == period_index.end()) continue;
    double side = CellSide(l, c.claims);
    double cx = l.label_width + l.cell_width * (static_cast<double>(p->second) + 0.5);
    double cy = kTop + kRowHeight * (static_cast<double>(r->second) + 0.5);
    std::string tip = c.row + " · " + c.period + "\n" + std::to_string(c.claims) +
                      (c.claims == 1 ? " claim: " : " claims: ") + std::to_string(c.support) +
                      " support, " + std::to_string(c.oppose) + " oppose, " +
                      std::to_string(c.mixed) + " mixed, " + std::to_string(c.neutral) +
                      " neutral\nnet " + Signed(c.net);
    *out += "<g><title>" + XmlEscape(tip) + "</title>";
    *out += "<rect x=\"" + Num(cx - side / 2) + "\" y=\"" + Num(cy - side / 2) + "\" width=\"" +
            Num(side) + "\" height=\"" + Num(side) + "\" rx=\"3\" fill=\"" + NetColour(c.net) + "\"/>";
    if (side >= 14) {
      std::string ink = std::fabs(c.net) >= 0.5 ? "#ffffff" : "#202124";
      *out += "<text x=\"" + Num(cx) + "\" y=\"" + Num(cy + 4) +
              "\" font-size=\"11\" font-weight=\"600\" text-anchor=\"middle\" fill=\"" + ink + "\">" +
              std::to_string(c.claims) + "</text>";
    }
    *out += "</g>\n";
  }
}

std::string Capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// The y axis title over the row labels.
void RowAxisTitle(const Timeline& t, const Layout& l, std::string* out) {
  *out += "<text x=\"" + Num(l.label_width - 12) + "\" y=\"" + Num(kTop - 10) +
          "\" font-size=\"11\" font-weight=\"600\" text-anchor=\"end\" fill=\"#5f6368\">" +
          XmlEscape(Capitalised(t.by)) + " (most claims first)</text>\n";
}

// Period labels ("Feb", "10 Feb", "Q1"), the year under the first label and wherever it
// changes, and the axis title under them.
void PeriodAxis(const Timeline& t, const Layout& l, std::string* out) {
  double y = l.grid_bottom + 16;
  std::string last_year;
  for (size_t p = 0; p < t.periods.size(); p += l.label_step) {
    double x = l.label_width + l.cell_width * (static_cast<double>(p) + 0.5);
    query_internal::PeriodLabel label = query_internal::LabelOf(t.periods[p]);
    *out += "<text x=\"" + Num(x) + "\" y=\"" + Num(y) +
            "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#3c4043\">" +
            XmlEscape(label.label) + "<title>" + XmlEscape(t.periods[p]) + "</title></text>\n";
    if (label.year != last_year) {
      *out += "<text x=\"" + Num(x) + "\" y=\"" + Num(y + 14) +
              "\" font-size=\"11\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#5f6368\">" +
              XmlEscape(label.year) + "</text>\n";
      last_year = label.year;
    }
  }
  std::string title = t.interval == "week"      ? "Week (labelled by its Monday)"
                      : t.interval == "quarter" ? "Quarter"
                                                : "Month";
  *out += "<text x=\"" + Num(l.label_width + l.grid_width / 2) + "\" y=\"" + Num(y + 34) +
          "\" font-size=\"11\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#5f6368\">" +
          title + " of publication</text>\n";
}

void Legend(const Timeline& t, const Layout& l, std::string* out) {
  double y = l.height - 62;
  double x = l.label_width;
  *out += "<defs><linearGradient id=\"stance\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">"
          "<stop offset=\"0\" stop-color=\"" + Hex(kOppose) + "\"/>"
          "<stop offset=\"0.5\" stop-color=\"" + Hex(kNeutral) + "\"/>"
          "<stop offset=\"1\" stop-color=\"" + Hex(kSupport) + "\"/></linearGradient></defs>\n";
  *out += "<text x=\"" + Num(x) + "\" y=\"" + Num(y - 8) +
          "\" font-size=\"11\" fill=\"#5f6368\">net stance = (support − oppose) / claims</text>\n";
  *out += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"220\" height=\"12\" rx=\"2\" fill=\"url(#stance)\"/>\n";
  const char* labels[] = {"oppose −1", "neutral 0", "support +1"};
  const char* anchors[] = {"start", "middle", "end"};
  for (int i = 0; i < 3; ++i) {
    *out += "<text x=\"" + Num(x + 110.0 * i) + "\" y=\"" + Num(y + 27) + "\" font-size=\"11\" text-anchor=\"" +
            anchors[i] + "\" fill=\"#5f6368\">" + labels[i] + "</text>\n";
  }
  double sx = x + 270;
  *out += "<text x=\"" + Num(sx) + "\" y=\"" + Num(y - 8) + "\" font-size=\"11\" fill=\"#5f6368\">claims per cell</text>\n";
  std::vector<size_t> sizes = {1};
  if (l.max_claims >= 3) sizes.push_back((l.max_claims + 1) / 2);
  if (l.max_claims >= 2) sizes.push_back(l.max_claims);
  for (size_t n : sizes) {
    double side = CellSide(l, n);
    *out += "<rect x=\"" + Num(sx) + "\" y=\"" + Num(y + 12 - side / 2) + "\" width=\"" + Num(side) +
            "\" height=\"" + Num(side) + "\" rx=\"3\" fill=\"" + Hex(kNeutral) + "\"/>";
    *out += "<text x=\"" + Num(sx + side + 5) + "\" y=\"" + Num(y + 16) + "\" font-size=\"11\" fill=\"#5f6368\">" +
            std::to_string(n) + "</text>\n";
    sx += side + 30;
  }
  if (t.rows.size() > l.rows) {
    *out += "<text x=\"" + Num(x) + "\" y=\"" + Num(l.height - 12) + "\" font-size=\"11\" fill=\"#80868b\">+" +
            std::to_string(t.rows.size() - l.rows) +
            " more rows not shown (all rows: --format csv or json)</text>\n";
  }
}

}  // namespace

std::string TimelineSvg(const Timeline& t) {
  Layout l = ComputeLayout(t);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(l.width) + "\" height=\"" +
         Num(l.height) + "\" viewBox=\"0 0 " + Num(l.width) + " " + Num(l.height) + "\" " + kFont + ">\n";
  out += "<title>" + XmlEscape("Stance on " + t.target_name + " by " + t.by) + "</title>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  Header(t, &out);
  if (t.rows.empty()) {
    out += "<text x=\"24\" y=\"" + Num(kTop + 20) + "\" font-size=\"13\" fill=\"#5f6368\">No dated claims on " +
           XmlEscape(t.target_name) + " in this range.</text>\n";
  } else {
    Grid(t, l, &out);
    Cells(t, l, &out);
    RowAxisTitle(t, l, &out);
    RowLabels(t, l, &out);
    PeriodAxis(t, l, &out);
    Legend(t, l, &out);
  }
  return out + "</svg>\n";
}

}  // namespace claimdex
