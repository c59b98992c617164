// Colour contrast (WCAG 2.1, success criterion 1.4.3, level AA): every text colour a template
// sets, against the background it is drawn on, in both outputs.
#pragma once
#include <string>
#include <vector>

#include "tmpl/template.hpp"

namespace briefmake::tmpl {

// The page, and the text of chart labels, axes and legends (layout/chart.cpp, docx/chart.cpp).
inline constexpr Color kPageColor{0xFF, 0xFF, 0xFF};
inline constexpr Color kChartText{0x26, 0x26, 0x26};

// WCAG 2.1 relative luminance (sRGB) and contrast ratio (1 to 21).
double relative_luminance(Color c);
double contrast_ratio(Color a, Color b);

// One text colour on one background.
struct ContrastPair {
    std::string text;        // "style table-header"
    std::string background;  // "colors.table-header"
    Color fg, bg;
    double ratio = 0;
    double required = 4.5;  // 3 for large text: 18 pt, or 14 pt bold
    std::string style;      // the style key, or empty (chart labels)
    std::string fill;       // the colours key of the background, or empty (the page)
    bool passes() const { return ratio + 1e-9 >= required; }
};

// Every pair the template draws: each style's colour on the page; the table header's on its
// shading; table text on the stripes too; chart labels on the page.
std::vector<ContrastPair> contrast_pairs(const Template& t);

// "style header (8B0000) on the page (FFFFFF): 10.02:1, needs 4.5:1"
std::string describe(const ContrastPair& p);

}  // namespace briefmake::tmpl
