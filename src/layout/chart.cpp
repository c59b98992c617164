// Charts as vectors: bar (grouped), line (polyline + markers), pie (sectors + legend).
// Value axes use round ticks (1-2-5 steps), light gridlines and the brief's number format.
#include <algorithm>
#include <cmath>

#include "layout/internal.hpp"
#include "core/i18n.hpp"
#include "text/text.hpp"
#include "tmpl/contrast.hpp"

namespace briefmake::layout::detail {

namespace {

constexpr tmpl::Color kGrid{0xD9, 0xD9, 0xD9};
constexpr tmpl::Color kText = tmpl::kChartText;  // checked for contrast with every template (tmpl/contrast)
constexpr double kTick = 8, kValue = 7.5, kMinValue = 5, kCategory = 8.5, kLegend = 9;

struct Axis {
    double lo = 0, hi = 1, step = 1;
    int decimals = 0;
};

// Round ticks covering [lo, hi] in about five steps of 1, 2 or 5 times a power of ten.
Axis nice_axis(double lo, double hi) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    if (hi - lo < 1e-12) hi = lo + 1;
    double raw = (hi - lo) / 5;
    double mag = std::pow(10, std::floor(std::log10(raw)));
    double norm = raw / mag;
    double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
    Axis a;
    a.step = step;
    a.lo = std::floor(lo / step + 1e-9) * step;
    a.hi = std::ceil(hi / step - 1e-9) * step;
    if (a.hi <= a.lo) a.hi = a.lo + step;
    a.decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    return a;
}

struct Chart {
    Engine& e;
    const doc::Chart& c;
    double x, width;
    const SourceLoc& loc;
    VBox box;
    FontPtr face;
    tmpl::Style label_style;
    std::vector<tmpl::Color> palette;

    Chart(Engine& en, const doc::Chart& ch, double x0, double w, const SourceLoc& l)
        : e(en), c(ch), x(x0), width(w), loc(l) {
        label_style = e.style("table");
        label_style.bold = label_style.italic = false;
        label_style.transform = tmpl::CaseTransform::None;
        label_style.indent_left = label_style.indent_first = 0;
        label_style.color = kText;
        face = e.face(label_style);
        palette = e.t.chart_palette;
        if (palette.empty())  // distinct in greyscale too
            palette = {{0x1F, 0x38, 0x64}, {0xA6, 0xA6, 0xA6}, {0x59, 0x59, 0x59}, {0xD9, 0xD9, 0xD9}, {0x80, 0x80, 0x80}};
    }

    tmpl::Color color(size_t i) const { return palette[i % palette.size()]; }

    double width_of(const std::string& s, double size) { return text_width(e, s, face, size, loc); }
    void text(const std::string& s, double size, double tx, double baseline) {
        set_text(e, box.items, s, face, size, kText, tx, baseline, loc);
    }
    std::string value_label(size_t s, size_t i) const {
        const auto& sr = c.series[s];
        if (i < sr.labels.size() && !sr.labels[i].empty()) return sr.labels[i];
        return text::format_number(sr.values[i], c.decimals, e.lang);
    }

    // Lines of a wrapped, centred label; returns their height. Items go to the box at y0.
    double wrapped(const std::string& s, double size, double lx, double lw, double y0, bool draw) {
        tmpl::Style st = label_style;
        st.size = size;
        st.leading = 1.1;
        st.align = tmpl::Align::Center;
        doc::Inlines in{doc::Span{s, 0, {}, false}};
        auto lines = set_paragraph(e, ParaSpec{&st, "chart", &in, lx, std::max(lw, 4.0), std::nullopt, loc});
        double y = y0;
        for (auto& l : lines) {
            if (draw)
                for (auto& it : l.items) {
                    shift(it, 0, y);
                    box.items.push_back(std::move(it));
                }
            y += l.height;
        }
        return y - y0;
    }

    // A legend of colour keys and names, centred in rows; returns its height.
    double legend(const std::vector<std::string>& names, double y0, bool draw) {
        const double key = 7, gap = 4, sep = 14, row_h = kLegend * 1.4;
        std::vector<std::vector<size_t>> rows(1);
        std::vector<double> row_w(1, 0);
        for (size_t i = 0; i < names.size(); ++i) {
            double w = key + gap + width_of(names[i], kLegend);
            if (!rows.back().empty() && row_w.back() + sep + w > width) {
                rows.emplace_back();
                row_w.push_back(0);
            }
            row_w.back() += (rows.back().empty() ? 0 : sep) + w;
            rows.back().push_back(i);
        }
        if (draw)
            for (size_t r = 0; r < rows.size(); ++r) {
                double lx = x + (width - row_w[r]) / 2, base = y0 + r * row_h + kLegend;
                for (size_t i : rows[r]) {
                    box.items.push_back(Rect{lx, base - key, key, key, color(i), std::nullopt, 0});
                    lx += key + gap;
                    text(names[i], kLegend, lx, base);
                    lx += width_of(names[i], kLegend) + sep;
                }
            }
        return double(rows.size()) * row_h;
    }

    void axes_chart(bool bars) {
        const size_t n = c.categories.size(), ns = c.series.size();
        double lo = 0, hi = 0;
        for (const auto& s : c.series)
            for (double v : s.values) lo = std::min(lo, v), hi = std::max(hi, v);
        Axis a = nice_axis(lo, hi);
        const double H = std::clamp(width * 0.5, 160.0, 260.0);
        double title_h = c.value_axis_title.empty() ? 0 : kTick * 1.6;
        if (!c.value_axis_title.empty()) text(c.value_axis_title, kTick, x, kTick);

        std::vector<std::string> ticks;
        double tick_w = 0;
        int steps = int(std::lround((a.hi - a.lo) / a.step));
        for (int k = 0; k <= steps; ++k) {
            ticks.push_back(text::format_number(a.lo + k * a.step, a.decimals, e.lang));
            tick_w = std::max(tick_w, width_of(ticks.back(), kTick));
        }
        const double px0 = x + tick_w + 6, px1 = x + width;
        const double slot = (px1 - px0) / double(std::max<size_t>(n, 1));
        double cat_h = 0;
        for (const auto& cat : c.categories) cat_h = std::max(cat_h, wrapped(cat, kCategory, 0, slot - 4, 0, false));
        std::vector<std::string> names;
        for (const auto& s : c.series) names.push_back(s.name);
        const double legend_h = ns > 1 ? legend(names, 0, false) + 6 : 0;
        const double py0 = title_h + kValue * 1.8, py1 = H - cat_h - 6 - legend_h;
        auto Y = [&](double v) { return py1 - (v - a.lo) / (a.hi - a.lo) * (py1 - py0); };

        for (int k = 0; k <= steps; ++k) {
            double v = a.lo + k * a.step, y = Y(v);
            bool zero = std::fabs(v) < a.step * 1e-6;
            box.items.push_back(Rule{px0, y, px1, y, zero ? 0.75 : 0.25, zero ? kText : kGrid});
            text(ticks[size_t(k)], kTick, px0 - 4 - width_of(ticks[size_t(k)], kTick), y + kTick * 0.35);
        }
        box.items.push_back(Rule{px0, py0, px0, py1, 0.5, kText});

        const double group = slot * 0.7, bw = group / double(std::max<size_t>(ns, 1));
        // Bar labels shrink (to 5 pt) to stay over their bar, a point clear of the neighbours'
        // labels. When one would still be wider, the chart has none: labels over each other
        // cannot be read, and the value axis still gives the values. The DOCX follows.
        bool bar_labels = bars;
        for (size_t s = 0; bar_labels && s < ns; ++s)
            for (size_t i = 0; bar_labels && i < n && i < c.series[s].values.size(); ++i)
                bar_labels = width_of(value_label(s, i), kMinValue) <= bw - 1;
        if (bars && !bar_labels) e.facts.unlabelled_charts.insert(&c);
        for (size_t s = 0; s < ns; ++s) {
            const auto& sr = c.series[s];
            Path line;
            line.stroke = color(s);
            line.stroke_width = 1.5;
            for (size_t i = 0; i < n && i < sr.values.size(); ++i) {
                double v = sr.values[i];
                std::string lab = value_label(s, i);
                double lw = width_of(lab, kValue);
                if (bars) {
                    double bx = px0 + slot * double(i) + (slot - group) / 2 + bw * double(s);
                    double y0 = Y(0), y1 = Y(v);
                    box.items.push_back(Rect{bx, std::min(y0, y1), bw, std::fabs(y1 - y0), color(s), std::nullopt, 0});
                    if (!bar_labels) continue;
                    double size = lw > bw - 1 ? std::max(kMinValue, kValue * (bw - 1) / lw) : kValue;
                    lw = width_of(lab, size);
                    double base = v >= 0 ? y1 - 2 : y1 + size + 1;
                    text(lab, size, bx + (bw - lw) / 2, base);
                } else {
                    double cx = px0 + slot * (double(i) + 0.5), cy = Y(v);
                    line.points.emplace_back(cx, cy);
                    // With two lines, the lower point's label goes below it, clear of the other
                    // line's label and markers.
                    bool below = false;
                    if (ns == 2 && i < c.series[1 - s].values.size()) {
                        double other = c.series[1 - s].values[i];
                        below = v < other || (v == other && s == 1);
                    }
                    if (ns <= 2) text(lab, kValue, cx - lw / 2, below ? cy + kValue + 4 : cy - 4);
                }
            }
            if (!bars && !line.points.empty()) {
                box.items.push_back(line);
                for (auto [mx, my] : line.points)
                    box.items.push_back(Rect{mx - 2.5, my - 2.5, 5, 5, color(s), std::nullopt, 0});
            }
        }
        for (size_t i = 0; i < n; ++i)
            wrapped(c.categories[i], kCategory, px0 + slot * double(i) + 2, slot - 4, py1 + 4, true);
        if (ns > 1) legend(names, py1 + 6 + cat_h + 6, true);
        box.height = H;
    }

    void pie() {
        const auto& sr = c.series.front();
        double total = 0;
        for (double v : sr.values) total += std::max(0.0, v);
        std::vector<std::string> rows;
        double rows_w = 0;
        for (size_t i = 0; i < c.categories.size() && i < sr.values.size(); ++i) {
            // The merge gives the shares (the DOCX labels its slices with the same text).
            std::string pct = i < c.shares.size() ? c.shares[i]
                                                  : text::format_percent(total > 0 ? 100 * std::max(0.0, sr.values[i]) / total : 0, 1, e.lang);
            rows.push_back(c.categories[i] + ": " + value_label(0, i) + " (" + pct + ")");
            rows_w = std::max(rows_w, width_of(rows.back(), kLegend));
        }
        const double row_h = kLegend * 1.5;
        const double H = std::clamp(double(rows.size()) * row_h + 20, 160.0, 240.0);
        const double r = std::min((H - 20) / 2, width * 0.25);
        const double cx = x + std::max(r + 10, (width - (2 * r + 30 + rows_w)) / 2 + r), cy = H / 2;
        double angle = 0;
        for (size_t i = 0; i < rows.size(); ++i) {
            double v = std::max(0.0, sr.values[i]);
            if (v <= 0 || total <= 0) continue;
            double sweep = 360 * v / total;
            box.items.push_back(Sector{cx, cy, r, angle, angle + sweep, color(i), tmpl::Color{255, 255, 255}});
            angle += sweep;
        }
        double lx = cx + r + 30, ly = cy - double(rows.size()) * row_h / 2;
        for (size_t i = 0; i < rows.size(); ++i) {
            double base = ly + double(i) * row_h + kLegend;
            box.items.push_back(Rect{lx, base - 7, 7, 7, color(i), std::nullopt, 0});
            text(rows[i], kLegend, lx + 11, base);
        }
        box.height = H;
    }
};

}  // namespace

VBox lay_out_chart(Engine& e, const doc::Chart& c, double x, double width, const SourceLoc& loc) {
    Chart ch(e, c, x, width, loc);
    if (c.series.empty() || c.categories.empty()) {
        e.ctx.warn(loc, _("the chart has no data; nothing drawn"));
        return ch.box;
    }
    if (c.kind == spec::FigureKind::Pie)
        ch.pie();
    else
        ch.axes_chart(c.kind != spec::FigureKind::Line);
    return ch.box;
}

}  // namespace briefmake::layout::detail
