#include "docx/tables.hpp"

#include <algorithm>
#include <cmath>

#include "docx/content.hpp"
#include "docx/reference.hpp"

namespace briefmake::docx {

std::vector<long> column_widths(const std::vector<double>& weights, size_t columns, long total) {
    std::vector<long> out;
    if (columns == 0) return out;
    bool usable = weights.size() == columns &&
                  std::all_of(weights.begin(), weights.end(), [](double w) { return std::isfinite(w) && w > 0; });
    double sum = 0;
    for (size_t i = 0; i < columns; ++i) sum += usable ? weights[i] : 1.0;
    long used = 0;
    for (size_t i = 0; i < columns; ++i) {
        long w = i + 1 == columns ? total - used : std::lround(total * (usable ? weights[i] : 1.0) / sum);
        out.push_back(w);
        used += w;
    }
    return out;
}

void add_table(pugi::xml_node parent, const doc::Table& t, State& s, const std::string& caption,
               const std::string& description) {
    size_t columns = 0;
    for (const auto& row : t.rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    bool meta = t.style == "meta";
    int header_rows = meta ? 0 : std::max(0, t.header_rows);
    std::vector<long> widths = column_widths(t.widths, columns, s.text_width);
    // As in the PDF: a column with numbers has its header cells right-aligned too.
    std::vector<bool> numeric_column(columns, false);
    for (size_t r = size_t(header_rows); r < t.rows.size(); ++r)
        for (size_t c = 0; c < t.rows[r].size(); ++c)
            numeric_column[c] = numeric_column[c] || t.rows[r][c].numeric;

    auto tbl = el(parent, "w:tbl");
    auto pr = el(tbl, "w:tblPr");
    // With a reference document, its table style (merge_styles gives it our stripes and rules
    // where it has none).
    const RefStyle* ref_style = s.d.tmpl.reference ? s.d.tmpl.reference->table_style() : nullptr;
    el(pr, "w:tblStyle", meta ? kMetaTableStyle : ref_style ? ref_style->id.c_str() : kTableStyle);
    auto tw = el(pr, "w:tblW");
    attr(tw, "w:w", num(s.text_width));
    attr(tw, "w:type", "dxa");
    attr(el(pr, "w:tblLayout"), "w:type", "fixed");
    if (ref_style && !meta) {
        // The PDF's cell padding (as in our own table style), over the reference style's margins:
        // wider ones would wrap cells the PDF keeps on one line.
        auto mar = el(pr, "w:tblCellMar");
        for (auto [side, w] : {std::pair{"w:top", 50L}, {"w:left", 80L}, {"w:bottom", 50L}, {"w:right", 80L}}) {
            auto m = el(mar, side);
            attr(m, "w:w", num(w));
            attr(m, "w:type", "dxa");
        }
    }
    // Conditional formats the style defines: header row, horizontal stripes (not for "meta").
    bool first_row = header_rows > 0;
    bool no_hband = meta;
    auto look = el(pr, "w:tblLook");
    attr(look, "w:val", [&] {
        unsigned v = (first_row ? 0x0020u : 0u) | (no_hband ? 0x0200u : 0u) | 0x0400u;
        static const char d[] = "0123456789ABCDEF";
        return std::string{d[(v >> 12) & 15], d[(v >> 8) & 15], d[(v >> 4) & 15], d[v & 15]};
    }());
    attr(look, "w:firstRow", first_row ? "1" : "0");
    attr(look, "w:lastRow", "0");
    attr(look, "w:firstColumn", "0");
    attr(look, "w:lastColumn", "0");
    attr(look, "w:noHBand", no_hband ? "1" : "0");
    attr(look, "w:noVBand", "1");
    if (!caption.empty()) el(pr, "w:tblCaption", clean_text(caption));
    if (!description.empty()) el(pr, "w:tblDescription", clean_text(description));

    auto grid = el(tbl, "w:tblGrid");
    for (long w : widths) attr(el(grid, "w:gridCol"), "w:w", num(w));

    std::string header_fill = hex(template_color(s.d.tmpl, "table-header"));
    for (size_t r = 0; r < t.rows.size(); ++r) {
        bool header = static_cast<int>(r) < header_rows;
        auto tr = el(tbl, "w:tr");
        auto trpr = el(tr, "w:trPr");
        if (!s.opt.layout.split_rows.count({&t, r})) el(trpr, "w:cantSplit");
        if (header) el(trpr, "w:tblHeader");  // repeats on every page
        for (size_t c = 0; c < columns; ++c) {
            static const doc::TableCell empty_cell;
            const doc::TableCell& cell = c < t.rows[r].size() ? t.rows[r][c] : empty_cell;
            auto tc = el(tr, "w:tc");
            auto tcpr = el(tc, "w:tcPr");
            auto w = el(tcpr, "w:tcW");
            attr(w, "w:w", num(widths[c]));
            attr(w, "w:type", "dxa");
            if (header) {
                // Also set on the cell: the style's firstRow shading covers only the first row.
                auto shd = el(tcpr, "w:shd", "clear");
                attr(shd, "w:color", "auto");
                attr(shd, "w:fill", header_fill);
            }
            std::string key = meta ? (c == 0 ? "meta-label" : "meta") : header ? "table-header" : "table";
            auto p = add_paragraph(tc, key, s);
            if (cell.numeric || (header && numeric_column[c])) {
                auto ppr = paragraph_props(p);
                // Aligned on the decimal mark as in the PDF: a number with a shorter fraction than
                // the column's widest stops short of the right edge by the difference, which the
                // layout measured. (A decimal tab would do it in Word, but LibreOffice aligns it on
                // its own locale's mark: in an English LibreOffice, 0,62 and 42,5 stayed unaligned.)
                if (auto it = s.opt.layout.decimal_indents.find(&cell); it != s.opt.layout.decimal_indents.end())
                    attr(el(ppr, "w:ind"), "w:right", num(std::lround(it->second * 20)));
                el(ppr, "w:jc", "right");
            }
            InlineOptions io = inline_options(key, s);
            if (cell.numeric) io.hyphenate = false;
            io.tabular = cell.numeric && !meta && s.opt.layout.tabular_figures;
            add_inlines(p, cell.content, s, io);
        }
    }
}

}  // namespace briefmake::docx
