// Blocks -> the vertical flow: paragraphs, headings (bookmarks, anchors), lists with hanging
// labels, tables, figures (kept together when they fit a page), and the table of contents.
#include <algorithm>
#include <cmath>

#include "layout/internal.hpp"

#include "core/i18n.hpp"

namespace briefmake::layout::detail {

namespace {

using doc::kTableGap;

struct Builder {
    Engine& e;
    Flow& flow;
    const std::vector<HeadingRef>& headings;
    int parent = 0;  // the structure element new blocks go under (the Document, a list item's body)
    int depth = 0;   // 0: top-level blocks (the DOCX body's); more inside list items

    void blocks(const std::vector<doc::Block>& bs, double x, double w) {
        for (const auto& b : bs) block(b, x, w);
    }

    void block(const doc::Block& b, double x, double w) {
        const size_t first = flow.boxes.size();
        const int elem = int(e.structure.size());
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, doc::Paragraph>) paragraph(v, b.loc, x, w);
                else if constexpr (std::is_same_v<T, doc::Heading>) heading(v, b.loc, x, w);
                else if constexpr (std::is_same_v<T, doc::List>) list(v, b.loc, x, w);
                else if constexpr (std::is_same_v<T, doc::Table>) table(v, b.loc, x, w);
                else if constexpr (std::is_same_v<T, doc::Figure>) figure(v, b.loc, x, w);
                else if constexpr (std::is_same_v<T, doc::Toc>) toc(v, b.loc, x, w);
            },
            b.v);
        if (depth == 0 && first < flow.boxes.size()) {
            flow.boxes[first].block = &b;
            flow.boxes[first].first_elem = elem;
        }
    }

    std::vector<VBox> para(const std::string& style, const tmpl::Style& st, const doc::Inlines& in,
                           const SourceLoc& loc, double x, double w) {
        ParaSpec spec;
        spec.style = &st;
        spec.style_name = style;
        spec.content = &in;
        spec.x = x;
        spec.width = w;
        spec.loc = loc;
        return paragraph_boxes(e, spec);
    }

    void paragraph(const doc::Paragraph& p, const SourceLoc& loc, double x, double w) {
        const auto& st = e.style(p.style);
        auto boxes = para(p.style, st, p.content, loc, x, w);
        tag_boxes(e, boxes, add_elem(e, "P", parent));
        flow.add(std::move(boxes), st.space_before, st.space_after, st.keep_with_next);
    }

    void heading(const doc::Heading& h, const SourceLoc& loc, double x, double w) {
        std::string name = "heading" + std::to_string(std::clamp(h.level, 1, 3));
        const auto& st = e.style(name);
        auto boxes = para(name, st, h.content, loc, x, w);
        if (boxes.empty()) return;
        tag_boxes(e, boxes, add_elem(e, "H" + std::to_string(std::clamp(h.level, 1, 3)), parent));
        for (size_t i = 1; i < boxes.size(); ++i) boxes[i].breakable = false;  // a heading stays whole
        boxes[0].bookmark = Bookmark{e.transform(plain_text(h.content), st.transform), h.level, 0, 0};
        boxes[0].anchor = h.anchor;
        flow.add(std::move(boxes), st.space_before, st.space_after, st.keep_with_next);
    }

    void list(const doc::List& l, const SourceLoc& loc, double x, double w) {
        const auto& st = e.style("list");
        FontPtr face = e.face(st);
        double label_w = 0;
        for (const auto& it : l.items) label_w = std::max(label_w, text_width(e, it.label, face, st.size, loc));
        const double hang = std::max(st.indent_left, label_w + st.size / 2);
        // Item paragraphs hang from the label column; the style's own left indent is the hang.
        const int list_elem = add_elem(e, "L", parent), outer = parent;
        ++depth;
        for (const auto& it : l.items) {
            const int item_elem = add_elem(e, "LI", list_elem);
            const int label_elem = add_elem(e, "Lbl", item_elem);
            parent = add_elem(e, "LBody", item_elem);
            size_t first = flow.boxes.size();
            for (const auto& b : it.blocks) {
                if (auto* p = std::get_if<doc::Paragraph>(&b.v)) {
                    tmpl::Style ps = e.style(p->style);
                    ps.indent_left = 0;
                    // An agenda item's title is never left alone at the foot of a page (the
                    // DOCX marks it keep-with-next too).
                    bool title = l.style == "agenda" && &b == &it.blocks.front() && it.blocks.size() > 1;
                    auto boxes = para(p->style, ps, p->content, b.loc, x + hang, w - hang);
                    tag_boxes(e, boxes, add_elem(e, "P", parent));
                    flow.add(std::move(boxes), ps.space_before, ps.space_after, ps.keep_with_next || title);
                } else {
                    block(b, x + hang, w - hang);
                }
            }
            if (flow.boxes.size() == first) {  // an empty item: the label alone
                VBox lb;
                lb.height = st.size * st.leading;
                lb.first_baseline = lb.height * 0.8;
                flow.add({std::move(lb)}, 0, st.space_after, false);
            }
            VBox& fb = flow.boxes[first];
            double baseline = fb.first_baseline >= 0 ? fb.first_baseline : st.size;
            const size_t label_from = fb.items.size();
            set_text(e, fb.items, it.label, face, st.size, st.color, x, baseline, loc);
            tag_items(e, fb.items, label_elem, label_from);
        }
        parent = outer;
        --depth;
    }

    // Header rows, then body rows; `group` makes the header repeat on every page it continues to.
    // Returns the index in `out` of the last row's first box (out.size() without body rows).
    size_t table_boxes(TableBoxes& tb, int group, bool splittable, std::vector<VBox>& out) {
        for (size_t i = 0; i < tb.header.size(); ++i) {
            if (i > 0) tb.header[i].breakable = false;
            out.push_back(std::move(tb.header[i]));
        }
        const bool has_header = !tb.header.empty();
        size_t last_row = out.size();
        for (size_t i = 0; i < tb.body.size(); ++i) {
            last_row = out.size();
            for (size_t k = 0; k < tb.body[i].size(); ++k) {
                VBox& b = tb.body[i][k];
                // The header stays with the first body row; a table without a header starts
                // anywhere. A row cut into slices (taller than a page) breaks between them.
                b.breakable = k > 0 || (i == 0 ? !has_header : splittable);
                b.group = group;
                b.group_first = i == 0 && k == 0 && !has_header;
                out.push_back(std::move(b));
            }
        }
        return last_row;
    }

    // The height that must share a page with the block about to be added, above it: when the
    // last block keeps with the next (a heading), its boxes back to the last one a page may
    // break before, and the space down to the new block (`before` and the space after them).
    double kept_above(double before) const {
        if (!flow.keep_next || flow.boxes.empty()) return 0;
        double h = flow.pending_after + before;
        for (size_t i = flow.boxes.size(); i-- > 0;) {
            h += flow.boxes[i].height;
            if (flow.boxes[i].breakable) break;
            h += flow.boxes[i].gap;
        }
        return h;
    }

    // The caption that starts a page continuing a table, with the space below it.
    std::vector<VBox> continued_caption(const doc::Inlines& cont, const SourceLoc& loc, double x, double w,
                                        double& height) {
        const auto& cap_st = e.style("caption");
        std::vector<VBox> rep = para("caption", cap_st, cont, loc, x, w);
        if (!rep.empty()) rep.back().height += cap_st.space_after;
        height = 0;
        for (const auto& b : rep) height += b.height;
        return rep;
    }

    void table(const doc::Table& t, const SourceLoc& loc, double x, double w) {
        int group = int(flow.headers.size());
        // Continued on a later page: "(devam)" in the caption style, then the header rows.
        doc::Inlines cont{doc::Span{e.label("continued"), 0, {}, false}};
        double cont_h = 0;
        std::vector<VBox> rep = continued_caption(cont, loc, x, w, cont_h);
        TableBoxes tb;
        if (t.style == "changes") {
            // The changes box: a section of its own, its title a heading one level below the
            // last one before it, its changes a list.
            int level = 1;
            for (const auto& el : e.structure)
                if (el.role.size() == 2 && el.role[0] == 'H') level = std::min(3, el.role[1] - '0' + 1);
            const int sect = add_elem(e, "Sect", parent);
            BoxTags box{add_elem(e, "H" + std::to_string(level), sect), -1};
            box.list = add_elem(e, "L", sect);
            tb = lay_out_table(e, t, x, w, kept_above(kTableGap), cont_h, loc, -1, &box);
        } else {
            tb = lay_out_table(e, t, x, w, kept_above(kTableGap), cont_h, loc, add_elem(e, "Table", parent));
        }
        for (auto& h : tb.header) rep.push_back(h);
        untag(rep);  // the header repeated on later pages is an artifact
        flow.headers.push_back(std::move(rep));
        std::vector<VBox> boxes;
        table_boxes(tb, group, true, boxes);
        flow.add(std::move(boxes), kTableGap, kTableGap, false);
    }

    void figure(const doc::Figure& f, const SourceLoc& loc, double x, double w) {
        const auto& cap_st = e.style("caption");
        const auto& src_st = e.style("source");
        const auto& note_st = e.style("note");
        std::vector<VBox> boxes = para("caption", cap_st, f.caption, loc, x, w);
        // A table's caption is the Table's first child; a chart's precedes its Figure.
        const int table_elem = f.table ? add_elem(e, "Table", parent) : -1;
        tag_boxes(e, boxes, add_elem(e, "Caption", f.table ? table_elem : parent));
        for (size_t i = 1; i < boxes.size(); ++i) boxes[i].breakable = false;
        double gap = cap_st.space_after;
        size_t body_first = boxes.size();
        int group = -1;
        size_t last_row = 0;
        bool sliced = false;  // a row taller than a page
        if (f.table) {
            // The repeated header on later pages: "Tablo 1. ... (devam)" and the header rows.
            doc::Inlines cont = f.caption;
            cont.push_back(doc::Span{" " + e.label("continued"), 0, {}, false});
            double cont_h = 0;
            std::vector<VBox> rep = continued_caption(cont, loc, x, w, cont_h);
            // Above the header rows on the table's first page: the caption and what it keeps with.
            double lead = kept_above(cap_st.space_before) + gap;
            for (const auto& b : boxes) lead += b.height + b.gap;
            TableBoxes tb = lay_out_table(e, *f.table, x, w, lead, cont_h, loc, table_elem);
            for (const auto& row : tb.body) sliced = sliced || row.size() > 1;
            for (auto& h : tb.header) rep.push_back(h);
            untag(rep);  // the caption and header repeated on later pages are artifacts
            group = int(flow.headers.size());
            flow.headers.push_back(std::move(rep));
            last_row = table_boxes(tb, group, true, boxes);
        } else if (f.chart) {
            VBox chart = lay_out_chart(e, *f.chart, x, w, loc);
            // Its gridlines and axes (rules) stay artifacts; without alt text, the caption says
            // what it shows.
            tag_items(e, chart.items, add_elem(e, "Figure", parent, f.alt.empty() ? plain_text(f.caption) : f.alt));
            boxes.push_back(std::move(chart));
        }
        if (body_first < boxes.size()) boxes[body_first].gap = gap;
        gap = src_st.space_before;
        double after = src_st.space_after;  // below the figure, as below its source line
        if (!f.source.empty()) {
            auto src = para("source", src_st, f.source, loc, x, w);
            tag_boxes(e, src, add_elem(e, "P", parent));
            if (!src.empty()) src[0].gap = gap;
            for (auto& b : src) boxes.push_back(std::move(b));
            after = src_st.space_after;
            gap = 0;
        }
        if (!f.note.empty()) {
            auto note = para("note", note_st, f.note, loc, x, w);
            tag_boxes(e, note, add_elem(e, "P", parent));
            if (!note.empty()) note[0].gap = std::max(gap, note_st.space_before);
            for (auto& b : note) boxes.push_back(std::move(b));
            after = note_st.space_after;
        }
        // Never split a figure that fits on a page; a table too long for one page splits
        // between rows (never before its first row or after its last).
        double total = 0;
        for (size_t i = 0; i < boxes.size(); ++i) total += boxes[i].height + (i ? boxes[i].gap : 0);
        bool split = f.table && (total > e.height || sliced);
        if (!f.table && total > e.height)
            e.ctx.warn(loc, _("the figure is taller than the page; it runs over the bottom margin"),
                       _("shorten its caption, source or note, or use a larger page"));
        for (size_t i = 1; i < boxes.size(); ++i) {
            bool body_row = boxes[i].group == group && group >= 0;
            if (!split || !body_row) boxes[i].breakable = false;
        }
        // Keep the source and the first row with their neighbours: the last row stays with the
        // one before it, unless it is cut into slices (its last slice keeps the source company).
        bool has_rows = last_row < boxes.size() && boxes[last_row].group == group && group >= 0;
        bool cut = has_rows && last_row + 1 < boxes.size() && boxes[last_row + 1].group == group;
        if (split && has_rows && !cut) boxes[last_row].breakable = false;
        // A figure kept whole may float to the top of the next page (paginate.cpp); one inside a
        // list item stays, as the DOCX could not move it out of its item.
        if (e.t.float_figures && depth == 0 && !split && total <= e.height) boxes[0].float_boxes = boxes.size();
        flow.add(std::move(boxes), cap_st.space_before, after, false);
    }

    void toc(const doc::Toc& t, const SourceLoc& loc, double x, double w) {
        const auto& title_st = e.style("toc-title");
        doc::Inlines title{doc::Span{t.title.empty() ? e.label("contents") : t.title, 0, {}, false}};
        auto title_boxes = para("toc-title", title_st, title, loc, x, w);
        tag_boxes(e, title_boxes, add_elem(e, "P", parent));
        flow.add(std::move(title_boxes), title_st.space_before, title_st.space_after, true);
        const int toc_elem = add_elem(e, "TOC", parent);

        tmpl::Style st = e.style("toc");
        st.align = tmpl::Align::Left;
        st.indent_first = 0;
        FontPtr face = e.face(st);
        const double reserve = text_width(e, "0000", face, st.size, loc);
        const double dot_w = text_width(e, ". ", face, st.size, loc);
        for (const auto& h : headings) {
            if (h.level > 3) continue;
            tmpl::Style es = st;
            es.indent_left = st.indent_left + (h.level - 1) * st.size;
            doc::Inlines content{doc::Span{h.title, 0, {}, false}};
            auto lines = set_paragraph(e, ParaSpec{&es, "toc", &content, x, w - reserve - dot_w, std::nullopt, loc});
            if (lines.empty()) continue;
            VBox box;
            double y = 0;
            for (auto& l : lines) {
                for (auto& it : l.items) {
                    shift(it, 0, y);
                    box.items.push_back(std::move(it));
                }
                l.mark.y += y;
                box.lines.push_back(l.mark);
                y += l.height;
            }
            box.height = y;
            box.first_baseline = lines[0].baseline;
            const LineMark& last = box.lines.back();
            auto found = e.anchors.find(h.anchor);
            std::string num = found == e.anchors.end() ? std::string() : std::to_string(found->second.first + 1);
            double num_w = text_width(e, num, face, st.size, loc);
            double right = x + w;
            set_text(e, box.items, num, face, st.size, st.color, right - num_w, last.y, loc);
            const int entry_elem = add_elem(e, "TOCI", toc_elem);
            tag_items(e, box.items, entry_elem);  // the dot leaders after it stay artifacts
            double from = last.x + last.width + dot_w / 2, to = right - reserve;
            if (to > from) {
                auto n = size_t(std::floor((to - from) / dot_w));
                std::string dots;
                for (size_t i = 0; i < n; ++i) dots += ". ";
                if (n > 0) set_text(e, box.items, dots, face, st.size, st.color, to - double(n) * dot_w, last.y, loc);
            }
            if (found != e.anchors.end()) {
                box.items.push_back(Link{x, 0, w, y, {}, found->second.first, found->second.second});
                tag_items(e, box.items, entry_elem, box.items.size() - 1, h.title);
            }
            flow.add({std::move(box)}, 0, 0, false);
        }
        flow.pending_after = std::max(st.space_after, title_st.space_after);
    }
};

}  // namespace

void build_flow(Engine& e, Flow& flow, const std::vector<doc::Block>& blocks, const std::vector<HeadingRef>& headings) {
    Builder{e, flow, headings}.blocks(blocks, e.left, e.width);
}

}  // namespace briefmake::layout::detail
