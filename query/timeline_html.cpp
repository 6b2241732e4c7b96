// TimelineHtml: the chart plus the evidence behind every cell, as one self-contained page.
#include <algorithm>

#include "query/index_reader.h"
#include "query/timeline.h"

namespace claimdex {
namespace {

using query_internal::XmlEscape;

const char kStyle[] = R"(<style>
body { font-family: Inter, "Segoe UI", Helvetica, Arial, sans-serif; color: #202124;
       margin: 24px; max-width: 1200px; }
h2 { font-size: 16px; font-weight: 600; margin: 28px 0 8px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e8eaed; }
th { color: #5f6368; font-weight: 600; }
td.date { white-space: nowrap; color: #5f6368; }
.support { color: #2171b5; font-weight: 600; }
.oppose { color: #d74827; font-weight: 600; }
.mixed, .neutral { color: #5f6368; font-weight: 600; }
a { color: #1a73e8; text-decoration: none; }
</style>
)";

// Only web URLs become links: a crawled "javascript:" URL must not run in the analyst's browser.
std::string Link(const std::string& url, const std::string& text) {
  bool web = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  if (!web) return XmlEscape(text);
  return "<a href=\"" + XmlEscape(url) + "\" rel=\"noopener noreferrer\">" + XmlEscape(text) + "</a>";
}

std::string LabelClass(const std::string& label) {
  if (label == "support" || label == "oppose" || label == "mixed") return label;
  return "neutral";
}

// A timeline over a whole index can count millions of claims; a page that size helps nobody.
constexpr size_t kMaxEvidenceRows = 2000;

std::string EvidenceTable(const Timeline& t) {
  std::string by = t.by.empty() ? "row" : t.by;
  by[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(by[0])));
  size_t shown = std::min(t.evidence.size(), kMaxEvidenceRows);
  size_t total = std::max(t.evidence_total, t.evidence.size());
  std::string out = "<h2>Evidence (" + std::to_string(total) + " claims" +
                    (shown < total ? ", the first " + std::to_string(shown) +
                                         " shown; all claim ids: --format csv"
                                   : std::string()) +
                    ")</h2>\n";
  out += "<table>\n<tr><th>Date</th><th>" + XmlEscape(by) +
         "</th><th>Stance</th><th>Claim</th><th>Source</th></tr>\n";
  for (size_t i = 0; i < shown; ++i) {
    const TimelineEvidence& e = t.evidence[i];
    std::string source = e.outlet + (e.title.empty() ? "" : " — " + e.title);
    out += "<tr><td class=\"date\">" + XmlEscape(e.date) + "</td><td>" + XmlEscape(e.row) +
           "</td><td class=\"" + LabelClass(e.label) + "\">" + XmlEscape(e.label) + "</td><td>" +
           XmlEscape(e.text) + " <span style=\"color:#80868b\">" + XmlEscape(e.claim_id) +
           "</span></td><td>" + Link(e.url, source) + "</td></tr>\n";
  }
  return out + "</table>\n";
}

}  // namespace

std::string TimelineHtml(const Timeline& t) {
  std::string svg = TimelineSvg(t);
  size_t start = svg.find("<svg");  // drop the XML declaration inside HTML
  std::string range = t.since.empty() ? "" : ", " + t.since + " – " + t.until;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + XmlEscape("Stance on " + t.target_name + " by " + t.by + range) + "</title>\n";
  out += kStyle;
  out += "</head>\n<body>\n";
  out += svg.substr(start == std::string::npos ? 0 : start);
  out += EvidenceTable(t);
  return out + "</body>\n</html>\n";
}

}  // namespace claimdex
