// Tables: one box per row, so pages can break between rows; a body row taller than a page is
// cut into slices of whole lines, so pages break inside it too. "table": ruled, shaded header
// row in white bold, optional stripes, numeric cells right-aligned. "meta": key/value pairs
// without rules, the first column in the label style.
#include <algorithm>
#include <limits>

#include "layout/internal.hpp"
#include "core/i18n.hpp"
#include "core/utf8.hpp"
#include "text/text.hpp"

namespace briefmake::layout::detail {

namespace {

// A row, or a slice of a row too tall for a page.
struct Slice {
    std::vector<SetLine> lines;  // positioned from the slice's top, cell by cell
    double height = 0;
    bool last = false;  // of its row
};

// Cells (each cell's lines from its own top) -> slices no taller than `budget` (the first no
// taller than `first_budget`): each takes the next whole lines of every cell that fit, with the
// padding above the first slice and below the last. A row that fits `budget` is one slice. A
// cell keeps two lines on each side of a slice break when it can (as paragraphs do on each side
// of a page break). `overfull` is set when a line does not fit even alone: that slice takes one
// line of each cell and is taller than `budget`.
std::vector<Slice> slice_row(std::vector<std::vector<SetLine>> cells, double pad_y, double empty_h,
                             double first_budget, double budget, bool& overfull) {
    const size_t n = cells.size();
    std::vector<size_t> next(n, 0);
    auto done = [&](const std::vector<size_t>& ends) {
        for (size_t c = 0; c < n; ++c)
            if (ends[c] < cells[c].size()) return false;
        return true;
    };
    auto take = [&](double room, bool keep) {
        std::vector<size_t> ends(n);
        for (size_t c = 0; c < n; ++c) {
            const auto& ls = cells[c];
            size_t k = next[c];
            for (double h = 0; k < ls.size() && h + ls[k].height <= room; ++k) h += ls[k].height;
            if (keep && k < ls.size())
                while (k > next[c] && (k < 2 || ls.size() - k < 2)) --k;
            ends[c] = k;
        }
        return ends;
    };
    // The row's last slice needs room for the bottom padding; any other may fill the room (but
    // not so full that it ends the row without its padding).
    auto fill = [&](double room) {
        std::vector<size_t> ends;
        for (bool keep : {true, false}) {
            ends = take(room - pad_y, keep);
            if (!done(ends))
                if (auto more = take(room, keep); !done(more)) ends = std::move(more);
            if (ends != next) break;
        }
        return ends;
    };
    double tallest = 0;
    for (const auto& ls : cells) {
        double h = 0;
        for (const auto& l : ls) h += l.height;
        tallest = std::max(tallest, h);
    }
    if (tallest + 2 * pad_y <= budget)  // it fits a page: one slice, whatever the rounding
        first_budget = budget = std::numeric_limits<double>::infinity();

    std::vector<Slice> out;
    do {
        const bool first = out.empty();
        const double top = first ? pad_y : 0;
        std::vector<size_t> ends = fill((first ? first_budget : budget) - top);
        if (first && ends == next) ends = fill(budget - top);  // what precedes it leaves no room
        if (ends == next && !done(next)) {
            overfull = true;
            for (size_t c = 0; c < n; ++c) ends[c] = std::min(next[c] + 1, cells[c].size());
        }
        Slice s;
        s.last = done(ends);
        double content = 0;
        for (size_t c = 0; c < n; ++c) {
            double y = top, h = 0;
            for (size_t k = next[c]; k < ends[c]; ++k) {
                SetLine& l = cells[c][k];
                for (auto& it : l.items) shift(it, 0, y);
                l.mark.y += y;
                y += l.height;
                h += l.height;
                s.lines.push_back(std::move(l));
            }
            content = std::max(content, h);
        }
        if (first && s.last && content == 0) content = empty_h;
        s.height = content + ((first ? pad_y : 0) + (s.last ? pad_y : 0));
        out.push_back(std::move(s));
        next = std::move(ends);
    } while (!out.back().last);
    return out;
}

}  // namespace

TableBoxes lay_out_table(Engine& e, const doc::Table& t, double x, double width, double lead, double reserved,
                         const SourceLoc& loc, int table_elem, const BoxTags* box) {
    TableBoxes out;
    int head_elem = -1, body_elem = -1;  // THead and TBody, made when their first row is
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
        const FontPtr face = e.face(st);
        std::string fraction;  // in the cells' figures: tabular in ruled tables
        for (size_t k = at; k < s.size();) {
            const char32_t cp = core::next_code_point(s, k);
            core::append_utf8(fraction, ruled ? face->tabular(cp) : cp);
        }
        return text_width(e, fraction, face, st.size, loc, st.tracking * st.size);
    };
    std::vector<double> col_frac(ncols, 0);
    for (size_t r = header_rows; r < t.rows.size(); ++r)
        for (size_t c = 0; c < t.rows[r].size(); ++c)
            if (t.rows[r][c].numeric) col_frac[c] = std::max(col_frac[c], fraction_width(t.rows[r][c]));

    const double pad_x = ruled ? 4 : 0, pad_y = ruled ? 2.5 : 1;
    const double gutter = ruled ? 0 : 6;  // meta tables: space between key and value
    const tmpl::Color header_fill = e.color("table-header", {0x1F, 0x38, 0x64});
    // Table rules: "table-rule" when the template names it, else the general "rule" colour.
    const tmpl::Color rule_color = e.color("table-rule", e.color("rule", {0x40, 0x40, 0x40}));
    auto stripe = e.t.colors.find("table-stripe");
    const bool striped = ruled && stripe != e.t.colors.end();

    const double empty_h = e.style(ruled ? "table" : "meta").size * 1.15;
    // What a page holds of a body row: below the header rows and what comes above them, on the
    // table's first page (`lead`) and on the pages it continues to (`reserved`).
    double first_budget = e.height - lead, budget = e.height - reserved;

    for (size_t r = 0; r < t.rows.size(); ++r) {
        const bool header = r < header_rows;
        const auto& row = t.rows[r];
        std::vector<std::vector<SetLine>> cells;
        int row_elem = -1;
        if (box) {
            if (!header) row_elem = add_elem(e, "LI", box->list);
        } else if (table_elem >= 0) {
            int& section = header ? head_elem : body_elem;
            // A key/value table without header rows: its rows are the Table's own children.
            if (section < 0) section = !ruled && header_rows == 0 ? table_elem : add_elem(e, header ? "THead" : "TBody", table_elem);
            row_elem = add_elem(e, "TR", section);
        }
        for (size_t c = 0; c < row.size(); ++c) {
            std::string name = ruled ? (header ? "table-header" : "table") : (header || c == 0 ? "meta-label" : "meta");
            const tmpl::Style& st = e.style(name);
            ParaSpec spec;
            spec.style = &st;
            spec.style_name = name;
            spec.content = &row[c].content;
            double inner_x = col_x[c] + pad_x, inner_w = col_w[c] - 2 * pad_x - (c + 1 < ncols ? gutter : 0);
            spec.x = inner_x;
            if (!header && row[c].numeric) {
                double shift = col_frac[c] - fraction_width(row[c]);
                inner_w -= shift;
                if (shift > 0) e.facts.decimal_indents[&row[c]] = shift;
            }
            spec.width = std::max(1.0, inner_w);
            spec.align = (row[c].numeric || (header && col_numeric[c])) ? tmpl::Align::Right : tmpl::Align::Left;
            spec.loc = loc;
            spec.tabular = ruled && row[c].numeric;  // figures line up in their column
            cells.push_back(set_paragraph(e, spec));
            if (box) {
                const int cell = header ? box->heading : add_elem(e, "LBody", row_elem);
                for (auto& l : cells.back()) tag_items(e, l.items, cell);
            } else if (row_elem >= 0) {
                // Header cells head their column; a key/value table's keys head their row.
                const int cell = header ? add_elem(e, "TH", row_elem, {}, "Column")
                                 : !ruled && c == 0 ? add_elem(e, "TH", row_elem, {}, "Row")
                                                    : add_elem(e, "TD", row_elem);
                for (auto& l : cells.back()) tag_items(e, l.items, cell);
            }
        }
        // Header rows repeat on every page, so they are never cut.
        bool overfull = false;
        const double inf = std::numeric_limits<double>::infinity();
        const bool first_body = r == header_rows;  // stays on the page with the header rows
        auto slices = slice_row(std::move(cells), pad_y, empty_h, header ? inf : first_body ? first_budget : budget,
                                header ? inf : budget, overfull);
        if (slices.size() > 1) e.facts.split_rows.insert({&t, r});
        if (header) {
            first_budget -= slices[0].height;
            budget -= slices[0].height;
            if (slices[0].height > e.height)
                e.ctx.warn(loc,
                           core::trf("table header row {} is taller than the page; it runs over the bottom margin",
                                     {std::to_string(r + 1)}),
                           _("shorten the header row's text"));
        }
        if (overfull)
            e.ctx.warn(loc,
                       core::trf("table row {} has a line taller than the page leaves below the table header; it "
                                 "runs over the bottom margin",
                                 {std::to_string(r + 1)}),
                       _("shorten the header rows, or use a larger page"));

        std::vector<VBox> boxes;
        for (size_t k = 0; k < slices.size(); ++k) {
            Slice& s = slices[k];
            VBox box;
            box.height = s.height;
            // Fills first, then text, then rules on top.
            if (ruled && header)
                box.items.push_back(Rect{x, 0, width, box.height, header_fill, std::nullopt, 0});
            else if (striped && (r - header_rows) % 2 == 1)
                box.items.push_back(Rect{x, 0, width, box.height, stripe->second, std::nullopt, 0});
            for (auto& l : s.lines) {
                for (auto& it : l.items) box.items.push_back(std::move(it));
                box.lines.push_back(l.mark);
                if (l.hyphen_at) box.hyphen_breaks.push_back(*l.hyphen_at);
                if (l.word_break_at) box.word_breaks.push_back(*l.word_break_at);
            }
            if (!s.lines.empty()) box.first_baseline = s.lines[0].mark.y;
            if (ruled) {
                // Vertical rules (a reference's table style may have them), under the horizontal ones.
                auto vertical = [&](const std::optional<tmpl::Template::VerticalRule>& v, double at) {
                    if (v) box.items.push_back(Rule{at, 0, at, box.height, v->width, v->color.value_or(rule_color)});
                };
                vertical(e.t.table_rule_left, x);
                for (size_t c = 1; c < ncols; ++c) vertical(e.t.table_rule_inside, col_x[c]);
                vertical(e.t.table_rule_right, x + width);
                if (r == 0 && k == 0) box.items.push_back(Rule{x, 0, x + width, 0, 0.75, rule_color});
                // A slice that does not end its row ends with a thin rule (at the foot of a page).
                bool heavy = s.last && (r + 1 == header_rows || r + 1 == t.rows.size());
                box.items.push_back(
                    Rule{x, box.height, x + width, box.height, heavy ? 0.75 : 0.25, rule_color});
            }
            boxes.push_back(std::move(box));
        }
        if (header)
            out.header.push_back(std::move(boxes[0]));
        else
            out.body.push_back(std::move(boxes));
    }
    return out;
}

}  // namespace briefmake::layout::detail
