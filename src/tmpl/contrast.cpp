#include "tmpl/contrast.hpp"

#include <cmath>
#include <cstdio>

#include "core/i18n.hpp"

namespace briefmake::tmpl {

namespace {

double channel(uint8_t v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// WCAG's "large scale" text: at least 18 pt, or 14 pt and bold.
double required_ratio(const Style& s) { return s.size >= 18 || (s.bold && s.size >= 14) ? 3.0 : 4.5; }

}  // namespace

double relative_luminance(Color c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

double contrast_ratio(Color a, Color b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

std::vector<ContrastPair> contrast_pairs(const Template& t) {
    std::vector<ContrastPair> out;
    auto add = [&](const std::string& style, const Color& fg, double required, const std::string& fill, Color bg) {
        ContrastPair p;
        p.text = style.empty() ? std::string(_("chart labels")) : core::trf("style {}", {style});
        p.background = fill.empty() ? std::string(_("the page")) : "colors." + fill;
        p.fg = fg;
        p.bg = bg;
        p.ratio = contrast_ratio(fg, bg);
        p.required = required;
        p.style = style;
        p.fill = fill;
        out.push_back(p);
    };
    // The header row's shading when the template sets none (layout/table.cpp, docx/styles.cpp).
    const Color header_fill = t.color("table-header", {0x1F, 0x38, 0x64});
    for (const auto& [key, st] : t.styles) {
        if (key == "table-header") {
            add(key, st.color, required_ratio(st), "table-header", header_fill);
            continue;
        }
        add(key, st.color, required_ratio(st), "", kPageColor);
        if (key == "table")
            if (auto it = t.colors.find("table-stripe"); it != t.colors.end())
                add(key, st.color, required_ratio(st), "table-stripe", it->second);
    }
    add("", kChartText, 4.5, "", kPageColor);
    return out;
}

std::string describe(const ContrastPair& p) {
    char ratio[32], required[32];
    std::snprintf(ratio, sizeof ratio, "%.2f", p.ratio);
    std::snprintf(required, sizeof required, "%.1f", p.required);
    return core::trf("{} ({}) on {} ({}): {}:1, needs {}:1",
                     {p.text, p.fg.hex(), p.background, p.bg.hex(), ratio, required});
}

}  // namespace briefmake::tmpl
