// Native, editable Word charts: for each doc::Chart a DrawingML chart part
// (word/charts/chartN.xml) whose caches hold every point, so Word and LibreOffice draw it
// without opening the data, plus an embedded workbook (workbook.hpp) the c:f formulas point
// into, so Word's "Edit Data" works. In document.xml the chart is an inline drawing as wide as
// the text.
#pragma once
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "doc/doc.hpp"
#include "tmpl/template.hpp"

namespace briefmake::docx {

struct State;

inline constexpr const char* kNsC = "http://schemas.openxmlformats.org/drawingml/2006/chart";
inline constexpr const char* kNsA = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* kNsWp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr const char* kChartContentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
inline constexpr const char* kXlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// What a chart takes from the document besides its data.
struct ChartLook {
    std::string locale;                // "tr-TR": the chart's language (c:lang, text runs, number formats)
    std::vector<tmpl::Color> palette;  // series colours (bar, line) or slice colours (pie), cycled
    std::string font;                  // Word font name for the chart's text; empty: the application's
    double font_size = 9;              // points
    double width = 453;                // points: the drawing's width (value labels shrink to fit bars)
    bool value_labels = true;          // bars: false when the PDF found no room for them
};

// The digits after the decimal mark the chart's numbers show: the chart's `decimals` (the merge
// sets it, from the figure or its values), or for a chart without (< 0), the merge's rule: as
// many as the most precise value needs, at most doc::kMaxAutoDecimals.
int value_decimals(const doc::Chart& c);

// An Excel format code for `decimals` digits with grouping, "#,##0" / "#,##0.00", preceded by
// the locale's LCID ("[$-41F]#,##0.00" for tr-TR) when it is one we know: LibreOffice reads
// chart number formats as en-US unless told, and would print 8.95 in a Turkish document.
std::string number_format_code(int decimals, const std::string& locale);

// Round value-axis bounds and step (1, 2 or 5 times a power of ten, about five steps, 0
// included), as the PDF draws them.
struct ValueAxis {
    double min = 0, max = 1, step = 1;
    int decimals = 0;  // what the step needs
};
ValueAxis value_axis(const doc::Chart& c);

// word/charts/chartN.xml: chartSpace with the bar/line/pie chart, axes, legend, data labels and
// caches; c:externalData names `workbook_rid` (the relationship to the embedded workbook).
std::string chart_xml(const doc::Chart& c, const ChartLook& look, const std::string& workbook_rid);

// Adds the chart after the caption: a centred paragraph holding the inline drawing, and its
// parts (chart, its relationships, the workbook) to s.parts. `description` is the alternative
// text (the caption). A chart without categories or series adds nothing (the PDF side warns).
void add_chart(pugi::xml_node parent, const doc::Chart& c, const std::string& description, State& s);

}  // namespace briefmake::docx
