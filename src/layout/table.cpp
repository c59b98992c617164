// Tables: one box per row, so pages can break between rows. "table": ruled, shaded header row
// in white bold, optional stripes, numeric cells right-aligned. "meta": key/value pairs without
// rules, the first column in the label style.
#include <algorithm>

#include "layout/internal.hpp"
#include "text/text.hpp"

namespace briefmake::layout::detail {

TableBoxes lay_out_table(Engine& e, const doc::Table& t, double x, double width, const SourceLoc& loc) {
    TableBoxes out;
    const bool ruled = t.style != "meta";
    size_t ncols = t.widths.size();
    for (const auto& r : t.rows) ncols = std::max(ncols, r.size());
    if (ncols == 0) return out;

    // Columns without a weight get the average of the given ones.
    double given = 0;
    int given_n = 0;
    for (double w : t.widths)
        if (w > 0) given += w, ++given_n;
    std::vector<double> col_w(ncols, given_n ? given / given_n : 1.0), col_x(ncols);
    double sum = 0;
    for (size_t c = 0; c < ncols; ++c) {
        if (c < t.widths.size() && t.widths[c] > 0) col_w[c] = t.widths[c];
        sum += col_w[c];
    }
    double cx = x;
    for (size_t c = 0; c < ncols; ++c) {
        col_w[c] = width * col_w[c] / sum;
        col_x[c] = cx;
        cx += col_w[c];
    }
    const size_t header_rows = size_t(std::clamp(t.header_rows, 0, int(t.rows.size())));
    std::vector<bool> col_numeric(ncols, false);
    for (size_t r = header_rows; r < t.rows.size(); ++r)
        for (size_t c = 0; c < t.rows[r].size(); ++c) col_numeric[c] = col_numeric[c] || t.rows[r][c].numeric;

    // Numeric columns align on the decimal mark: each cell is moved left by how much narrower
    // its fraction ("," and after) is than the widest one in the column.
    const std::string mark = text::format_number(0.5, 1, e.lang).substr(1, 1);
    auto fraction_width = [&](const doc::TableCell& cell) {
        std::string s = plain_text(cell.content);
        size_t at = s.rfind(mark);
        if (at == std::string::npos || mark.empty()) return 0.0;
        const tmpl::Style& st = e.style(ruled ? "table" : "meta");
        return text_width(e, std::string_view(s).substr(at), e.face(st), st.size, loc);
    };
    std::vector<double> col_frac(ncols, 0);
    for (size_t r = header_rows; r < t.rows.size(); ++r)
        for (size_t c = 0; c < t.rows[r].size(); ++c)
            if (t.rows[r][c].numeric) col_frac[c] = std::max(col_frac[c], fraction_width(t.rows[r][c]));

    const double pad_x = ruled ? 4 : 0, pad_y = ruled ? 2.5 : 1;
    const double gutter = ruled ? 0 : 6;  // meta tables: space between key and value
    const tmpl::Color header_fill = e.color("table-header", {0x1F, 0x38, 0x64});
    const tmpl::Color rule_color = e.color("rule", {0x40, 0x40, 0x40});
    auto stripe = e.t.colors.find("table-stripe");
    const bool striped = ruled && stripe != e.t.colors.end();

    for (size_t r = 0; r < t.rows.size(); ++r) {
        const bool header = r < header_rows;
        const auto& row = t.rows[r];
        VBox box;
        std::vector<SetLine> cells_lines;
        double content_h = 0;
        for (size_t c = 0; c < row.size(); ++c) {
            std::string name = ruled ? (header ? "table-header" : "table") : (header || c == 0 ? "meta-label" : "meta");
            const tmpl::Style& st = e.style(name);
            ParaSpec spec;
            spec.style = &st;
            spec.style_name = name;
            spec.content = &row[c].content;
            double inner_x = col_x[c] + pad_x, inner_w = col_w[c] - 2 * pad_x - (c + 1 < ncols ? gutter : 0);
            spec.x = inner_x;
            if (!header && row[c].numeric) inner_w -= col_frac[c] - fraction_width(row[c]);
            spec.width = std::max(1.0, inner_w);
            spec.align = (row[c].numeric || (header && col_numeric[c])) ? tmpl::Align::Right : tmpl::Align::Left;
            spec.loc = loc;
            auto lines = set_paragraph(e, spec);
            double y = pad_y, h = 0;
            for (auto& l : lines) {
                for (auto& it : l.items) shift(it, 0, y);
                l.mark.y += y;
                y += l.height;
                h += l.height;
            }
            content_h = std::max(content_h, h);
            for (auto& l : lines) cells_lines.push_back(std::move(l));
        }
        if (content_h == 0) content_h = e.style(ruled ? "table" : "meta").size * 1.15;
        box.height = content_h + 2 * pad_y;
        if (box.height > e.height)
            e.ctx.warn(loc, "table row " + std::to_string(r + 1) + " is taller than the page; it runs over the bottom margin",
                       "split the cell text over several rows");

        // Fills first, then text, then rules on top.
        if (ruled && header)
            box.items.push_back(Rect{x, 0, width, box.height, header_fill, std::nullopt, 0});
        else if (striped && (r - header_rows) % 2 == 1)
            box.items.push_back(Rect{x, 0, width, box.height, stripe->second, std::nullopt, 0});
        for (auto& l : cells_lines) {
            for (auto& it : l.items) box.items.push_back(std::move(it));
            box.lines.push_back(l.mark);
        }
        if (!cells_lines.empty()) box.first_baseline = cells_lines[0].mark.y;
        if (ruled) {
            if (r == 0) box.items.push_back(Rule{x, 0, x + width, 0, 0.75, rule_color});
            bool heavy = r + 1 == header_rows || r + 1 == t.rows.size();
            box.items.push_back(
                Rule{x, box.height, x + width, box.height, heavy ? 0.75 : 0.25, rule_color});
        }
        (header ? out.header : out.body).push_back(std::move(box));
    }
    return out;
}

}  // namespace briefmake::layout::detail
