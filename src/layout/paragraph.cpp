// Paragraphs: collect -> break -> finalize. Finalizing places every word at its own x (libharu's
// word spacing does not work with UTF-8 fonts), marks hyphenated line ends, and lays links
// over the words that carry them.
#include <cmath>

#include "doc/edition.hpp"
#include <type_traits>

#include "core/utf8.hpp"
#include "layout/internal.hpp"

namespace briefmake::layout::detail {

namespace {

constexpr size_t kMaxTotalFitWords = 2000;

bool is_forced(const Piece& p) { return p.kind == Piece::Penalty && p.penalty <= -kInf; }

}  // namespace

std::string plain_text(const doc::Inlines& in) {
    std::string s;
    for (const auto& sp : in)
        if (sp.change != doc::kDeleted) s += sp.line_break ? std::string(" ") : sp.text;
    return s;
}

void shift(Item& item, double dx, double dy) {
    std::visit(
        [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, Rule>) {
                it.x1 += dx, it.x2 += dx, it.y1 += dy, it.y2 += dy;
            } else if constexpr (std::is_same_v<T, Path>) {
                for (auto& [x, y] : it.points) x += dx, y += dy;
            } else if constexpr (std::is_same_v<T, Sector>) {
                it.cx += dx, it.cy += dy;
            } else {
                it.x += dx, it.y += dy;
            }
        },
        item);
}

std::vector<SetLine> set_paragraph(Engine& e, const ParaSpec& spec) {
    const tmpl::Style& st = *spec.style;
    const tmpl::Align align = spec.align.value_or(st.align);
    const double x0 = spec.x + st.indent_left;
    const double width = spec.width - st.indent_left;
    const Measure m{width - st.indent_first, width};
    CollectOptions opt;
    opt.min_measure = std::max(1.0, std::min(m.first, m.rest));
    opt.hyphenate = align == tmpl::Align::Justify;
    opt.tabular = spec.tabular;
    Collected c = collect(e, *spec.content, st, opt, spec.loc);
    const auto& p = c.pieces;
    std::vector<SetLine> out;
    if (p.empty()) return out;

    std::vector<size_t> breaks;
    if (align == tmpl::Align::Justify) {
        size_t words = 0;
        for (const auto& q : p) words += q.kind == Piece::Glue;
        std::optional<std::vector<size_t>> tf;
        if (words <= kMaxTotalFitWords) {
            tf = total_fit(p, m, 1.5, false);
            if (!tf) tf = total_fit(p, m, 2);
            if (!tf) tf = total_fit(p, m, 5);
        }
        breaks = tf ? std::move(*tf) : first_fit(p, m);
    } else {
        breaks = first_fit(p, m);
    }

    FontPtr primary = e.face(st);
    const double size = st.size;
    const double track = st.tracking * size;  // letter spacing, counted in the pieces' widths
    const double asc = primary->ascender() * size, desc = -primary->descender() * size;
    const double line_h = size * st.leading;
    const double baseline = (line_h - (asc + desc)) / 2 + asc;

    // Editions: a line is changed when it holds inserted text, or the place where deleted text
    // was (each place belongs to the line that starts at or before it).
    const doc::Inlines& spans = *spec.content;
    size_t next_deleted = 0;

    size_t s = 0;
    while (s < p.size() && p[s].kind != Piece::Box && !is_forced(p[s])) ++s;
    out.reserve(breaks.size());
    for (size_t li = 0; li < breaks.size(); ++li) {
        const size_t b = breaks[li];
        size_t ce = b;
        while (ce > s && p[ce - 1].kind == Piece::Glue) --ce;
        const bool hyphen = p[b].kind == Piece::Penalty && p[b].flagged && p[b].width > 0;
        const bool last = is_forced(p[b]);
        double natural = 0, stretch = 0, shrink = 0;
        int glues = 0;
        for (size_t i = s; i < ce; ++i) {
            if (p[i].kind == Piece::Penalty) continue;
            natural += p[i].width;
            if (p[i].kind == Piece::Glue) stretch += p[i].stretch, shrink += p[i].shrink, ++glues;
        }
        if (hyphen) natural += p[b].width;
        const double measure = m.at(li);
        const double lx = x0 + (li == 0 ? st.indent_first : 0);
        // Justified lines stretch or shrink to the measure; a last line only shrinks (total fit
        // may have chosen to squeeze it), else it stays ragged.
        const bool justify = glues > 0 && ((align == tmpl::Align::Justify && !last && natural < measure && stretch > 0) ||
                                           (natural > measure + 1e-9 && shrink > 0));
        const double diff = measure - natural;
        double x = lx;
        if (align == tmpl::Align::Center) x += diff / 2;
        if (align == tmpl::Align::Right) x += diff;

        SetLine line;
        line.height = line_h;
        line.baseline = baseline;
        TextRun run;
        std::string run_link;
        bool open = false, space_pending = false;
        double space_w = 0;
        long link_idx = -1;
        auto close = [&] {
            if (open) line.items.emplace_back(std::move(run));
            open = false;
            run = TextRun{};
        };
        for (size_t i = s; i < ce; ++i) {
            const Piece& q = p[i];
            if (q.kind == Piece::Penalty) continue;
            if (q.kind == Piece::Glue) {
                double g = q.width;
                if (justify) g += diff > 0 ? diff * q.stretch / stretch : diff * q.shrink / shrink;
                x += g;
                space_pending = true;
                space_w = justify ? -1 : q.width;
                continue;
            }
            const std::string& uri = (*spec.content)[q.span].link;
            std::string_view txt(c.text.data() + q.begin, q.end - q.begin);
            const FontPtr& face = e.keep(q.face);
            // Tabular figures: digits become the face's stand-ins for its tnum glyphs (their text
            // is still the digits: the PDF's ToUnicode maps them back).
            std::string tab;
            if (spec.tabular && txt.find_first_of("0123456789") != std::string_view::npos) {
                for (size_t k = 0; k < txt.size();) core::append_utf8(tab, face->tabular(core::next_code_point(txt, k)));
                if (tab != txt) e.facts.tabular_figures = true;
                txt = tab;
            }
            bool merge = open && run.font == face && run_link == uri &&
                         (!space_pending || std::fabs(space_w - (face->advance(U' ') * size + track)) < 1e-6);
            if (merge) {
                if (space_pending) run.text += ' ';
                run.text += txt;
            } else {
                close();
                run.x = x;
                run.y = baseline;
                run.text.assign(txt);
                run.font = face;
                run.size = size;
                run.char_space = track;
                run.color = uri.empty() ? st.color : e.t.color("link", st.color);
                run_link = uri;
                open = true;
            }
            if (!uri.empty()) {
                if (link_idx >= 0 && std::get<Link>(line.items[size_t(link_idx)]).uri == uri) {
                    auto& l = std::get<Link>(line.items[size_t(link_idx)]);
                    l.w = x + q.width - l.x;
                } else {
                    line.items.emplace_back(Link{x, baseline - asc, q.width, asc + desc, uri, -1, 0});
                    link_idx = long(line.items.size() - 1);
                }
            } else {
                link_idx = -1;
            }
            x += q.width;
            space_pending = false;
        }
        if (open && hyphen) run.hyphen = true;
        close();
        if (e.t.link_underline) {  // a rule under each link's extent on the line, in the link's colour
            const double under = baseline + size * 0.12, thick = std::max(0.4, size * 0.05);
            const tmpl::Color lc = e.t.color("link", st.color);
            std::vector<Item> rules;
            for (const Item& it : line.items)
                if (const auto* l = std::get_if<Link>(&it)) rules.emplace_back(Rule{l->x, under, l->x + l->w, under, thick, lc});
            for (auto& r : rules) line.items.push_back(std::move(r));
        }
        double right = x + (hyphen ? p[b].width : 0);
        line.mark = LineMark{lx, baseline, right - lx, measure, spec.style_name, justify, last, hyphen};
        uint32_t line_end = 0;
        for (size_t i = s; i < ce; ++i) {
            if (p[i].kind != Piece::Box) continue;
            line_end = std::max(line_end, p[i].end);
            if (p[i].span < spans.size() && spans[p[i].span].change == doc::kInserted) line.mark.changed = true;
        }
        const bool last_line = li + 1 == breaks.size();
        while (next_deleted < c.deleted_at.size() && (last_line || c.deleted_at[next_deleted] < line_end)) {
            line.mark.changed = true;
            ++next_deleted;
        }
        // Where in the brief's text the line ends inside a token: the DOCX follows (LayoutFacts).
        const bool in_token = !hyphen && !last && p[b].kind == Piece::Penalty && !p[b].flagged && b > 0 &&
                              p[b - 1].kind == Piece::Box;
        if (hyphen || in_token) {
            size_t nb = b + 1;
            while (nb < p.size() && p[nb].kind != Piece::Box) ++nb;
            if (nb < p.size() && p[nb].begin < c.source_cp.size() && c.source_cp[p[nb].begin] != kNoSource) {
                auto at = std::pair{&(*spec.content)[p[nb].span], size_t(c.source_cp[p[nb].begin])};
                (hyphen ? line.hyphen_at : line.word_break_at) = at;
            }
        }
        out.push_back(std::move(line));
        s = b + 1;
        while (s < p.size() && p[s].kind != Piece::Box && !is_forced(p[s])) ++s;
    }
    return out;
}

std::vector<VBox> paragraph_boxes(Engine& e, const ParaSpec& spec) {
    auto lines = set_paragraph(e, spec);
    std::vector<VBox> boxes;
    boxes.reserve(lines.size());
    const size_t n = lines.size();
    for (size_t i = 0; i < n; ++i) {
        VBox b;
        b.height = lines[i].height;
        b.items = std::move(lines[i].items);
        b.lines.push_back(lines[i].mark);
        if (lines[i].hyphen_at) b.hyphen_breaks.push_back(*lines[i].hyphen_at);
        if (lines[i].word_break_at) b.word_breaks.push_back(*lines[i].word_break_at);
        b.first_baseline = lines[i].baseline;
        // No widows or orphans: at least two lines on each side of a page break.
        b.breakable = i == 0 || (i >= 2 && n - i >= 2);
        boxes.push_back(std::move(b));
    }
    // A rule under the paragraph (a reference style's bottom border), inside its last box.
    if (const auto& border = spec.style->border_below; border && !boxes.empty()) {
        VBox& last = boxes.back();
        const double y = last.height + border->space + border->width / 2;
        last.items.emplace_back(Rule{spec.x + spec.style->indent_left, y, spec.x + spec.width, y, border->width, border->color});
        last.height += border->space + border->width;
    }
    return boxes;
}

double text_width(Engine& e, std::string_view text, const FontPtr& face, double size, const SourceLoc& loc,
                  double char_space) {
    double w = 0;
    for (size_t i = 0; i < text.size();) {
        char32_t cp = core::next_code_point(text, i);
        w += e.pick(face.get(), cp, loc)->advance(cp) * size + (cp == 0xAD ? 0 : char_space);
    }
    return w;
}

double set_text(Engine& e, std::vector<Item>& out, std::string_view text, const FontPtr& face, double size,
                tmpl::Color color, double x, double baseline, const SourceLoc& loc, double char_space) {
    double x0 = x;
    const fonts::Font* cur = nullptr;
    size_t run_begin = 0;
    double run_x = x;
    auto flush = [&](size_t end) {
        if (cur && end > run_begin)
            out.emplace_back(TextRun{run_x, baseline, std::string(text.substr(run_begin, end - run_begin)),
                                     e.keep(cur), size, color, false, -1, char_space});
    };
    for (size_t i = 0; i < text.size();) {
        size_t at = i;
        char32_t cp = core::next_code_point(text, i);
        const fonts::Font* f = e.pick(face.get(), cp, loc);
        if (f != cur) {
            flush(at);
            cur = f;
            run_begin = at;
            run_x = x;
        }
        x += f->advance(cp) * size + (cp == 0xAD ? 0 : char_space);  // U+00AD is not drawn
    }
    flush(text.size());
    return x - x0;
}

}  // namespace briefmake::layout::detail
