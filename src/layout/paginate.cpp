// Pagination: boxes fill a page until one does not fit; the page then ends at the latest box
// before which a break is allowed (keeps, widows/orphans and whole figures are encoded as
// boxes that forbid a break before them). One scan, each box looked at a bounded number of
// times. A page that continues a split table starts with its repeated header.
#include <algorithm>

#include "layout/internal.hpp"

namespace briefmake::layout::detail {

namespace {

constexpr double kEps = 1e-6;

// Puts `b` on `page` at `y`. A box placed only once (`once`: the flow's own, not a repeated
// table header) gives its items and lines up rather than being copied: the flow and the pages
// then never both hold the document's text (34 MB each for the 1,001-page brief).
void place(Engine& e, VBox& b, bool once, double y, Page& page, int page_index, Layout& out) {
    for (Item& it : b.items) {
        if (once) page.items.push_back(std::move(it));
        else page.items.push_back(it);
        shift(page.items.back(), 0, y);
    }
    for (LineMark& m : b.lines) {
        if (once) page.lines.push_back(std::move(m));
        else page.lines.push_back(m);
        page.lines.back().y += y;
    }
    if (once) {
        std::vector<Item>().swap(b.items);
        std::vector<LineMark>().swap(b.lines);
    }
    for (const auto& h : b.hyphen_breaks) e.facts.hyphen_breaks.insert(h);
    for (const auto& w : b.word_breaks) e.facts.word_breaks.insert(w);
    if (b.bookmark) {
        Bookmark bm = *b.bookmark;
        bm.page = page_index;
        bm.y = y + bm.y;
        out.bookmarks.push_back(std::move(bm));
    }
    if (!b.anchor.empty()) {
        out.anchor_pages[b.anchor] = page_index;
        e.placed[b.anchor] = {page_index, y};
    }
}

// A box in page order: which flow box, whether a page may end before it and the space above
// it there (both change where a floated figure leaves or joins the flow).
struct Slot {
    size_t box = 0;
    bool breakable = true;
    double gap = 0;
};

// Whether a top-level block may fill the gap a floated figure leaves: text (paragraphs,
// headings, lists of text). A figure or table ends the text that may pass a figure, so
// figures keep their order (Şekil 2 stays the second figure) and never pass a table either.
bool fills_gap(const std::vector<doc::Block>& blocks);
bool fills_gap(const doc::Block& b) {
    if (std::holds_alternative<doc::Paragraph>(b.v) || std::holds_alternative<doc::Heading>(b.v)) return true;
    if (const auto* l = std::get_if<doc::List>(&b.v)) {
        for (const auto& item : l->items)
            if (!fills_gap(item.blocks)) return false;
        return true;
    }
    return false;
}
bool fills_gap(const std::vector<doc::Block>& blocks) {
    return std::all_of(blocks.begin(), blocks.end(), [](const doc::Block& b) { return fills_gap(b); });
}

// The page from seq[start] ends before seq[end] (seq[j] was the first box that did not fit,
// `top` is the height of a repeated table header above the boxes). When a figure that may float
// is what moved to the next page (its first box at or after `end`, before or at `j`), the whole
// blocks of text after it that fit go up in its place and the figure starts the next page, as
// LaTeX floats a figure to the top of the next page. Only whole blocks pass it, so the DOCX can
// write the figure after the last of them (LayoutFacts::floated_figures), and a page may end
// only where it may in the flow: a heading still keeps with the text after it. The float is
// taken only when it fills the page more. Returns where the page ends.
size_t float_figure(Engine& e, const std::vector<VBox>& boxes, std::vector<Slot>& seq, size_t start, size_t end,
                    size_t j, double top) {
    size_t f = end;
    while (f <= j && f < seq.size() && boxes[seq[f].box].float_boxes == 0) ++f;
    if (f > j || f >= seq.size() || f == start) return end;
    const size_t fe = f + boxes[seq[f].box].float_boxes;
    if (fe >= seq.size()) return end;
    for (size_t k = f; k < fe; ++k)
        if (seq[k].box != seq[f].box + (k - f)) return end;  // not in flow order: moved already
    auto block_start = [&](size_t k) { return k >= seq.size() || boxes[seq[k].box].block != nullptr; };
    const VBox& fill_first = boxes[seq[fe].box];
    if (!fill_first.block || !fills_gap(*fill_first.block)) return end;
    // A heading right above the figure would be left over another section's heading: then the
    // figure stays with it (both go to the next page, as without floats).
    if (!seq[f].breakable && std::holds_alternative<doc::Heading>(fill_first.block->v)) return end;

    // The space above the first box of the text when it follows what stood above the figure, and
    // whether a page may end before it there (not after a heading kept with the figure).
    const VBox& fig = boxes[seq[f].box];
    const double join_gap = (seq[f].gap - fig.before) + fill_first.before;
    const bool join_breakable = seq[f].breakable && seq[fe].breakable;
    const double fig_after = seq[fe].gap - fill_first.before;  // space below the figure

    // What the page holds without the figure, then the text after it, box by box.
    double y = top;
    for (size_t k = start; k < f; ++k) y += (k > start ? seq[k].gap : 0) + boxes[seq[k].box].height;
    double natural = top;
    for (size_t k = start; k < end; ++k) natural += (k > start ? seq[k].gap : 0) + boxes[seq[k].box].height;
    size_t q = 0;  // where the page would end: a block start, a page may end before it
    double q_y = 0;
    for (size_t k = fe;; ++k) {
        const bool at_end = k >= seq.size() || (block_start(k) && !fills_gap(*boxes[seq[k].box].block));
        const bool may_end = k == fe ? join_breakable : k >= seq.size() || seq[k].breakable;
        if (k > fe && block_start(k) && may_end) q = k, q_y = y;
        if (at_end) break;
        const double gap = k == fe ? join_gap : seq[k].gap;
        if (y + gap + boxes[seq[k].box].height > e.height + kEps) break;
        y += gap + boxes[seq[k].box].height;
    }
    if (q == 0 || q_y <= natural + kEps) return end;

    // The new order: the text [fe, q) where the figure was, then the figure, then the rest.
    std::vector<Slot> moved(seq.begin() + std::ptrdiff_t(fe), seq.begin() + std::ptrdiff_t(q));
    moved.front().gap = join_gap;
    moved.front().breakable = join_breakable;
    const doc::Block* after = nullptr;
    for (const Slot& s : moved)
        if (boxes[s.box].block) after = boxes[s.box].block;
    std::vector<Slot> figure(seq.begin() + std::ptrdiff_t(f), seq.begin() + std::ptrdiff_t(fe));
    figure.front().breakable = true;
    if (q < seq.size()) seq[q].gap = fig_after + boxes[seq[q].box].before;
    std::copy(figure.begin(), figure.end(), std::copy(moved.begin(), moved.end(), seq.begin() + std::ptrdiff_t(f)));
    e.facts.floated_figures[fig.block] = after;
    const int to = q < seq.size() ? boxes[seq[q].box].first_elem : int(e.structure.size());
    e.elem_moves.push_back({fig.first_elem, fill_first.first_elem, to});
    return f + moved.size();
}

}  // namespace

void paginate(Engine& e, Flow& flow, Layout& out) {
    auto& boxes = flow.boxes;
    const double page_w = e.t.page.width, page_h = e.t.page.height;
    // The boxes in page order: the flow's, but for the figures that floated.
    std::vector<Slot> seq(boxes.size());
    for (size_t k = 0; k < boxes.size(); ++k) seq[k] = {k, boxes[k].breakable, boxes[k].gap};
    size_t i = 0;
    while (i < seq.size()) {
        const size_t start = i;
        const VBox& first = boxes[seq[start].box];
        std::vector<VBox>* header = nullptr;
        if (first.group >= 0 && !first.group_first) header = &flow.headers[size_t(first.group)];
        double top = 0;
        if (header)
            for (const auto& h : *header) top += h.height;
        double y = top;
        size_t j = start;
        for (; j < seq.size(); ++j) {
            double gap = j == start ? 0 : seq[j].gap;
            const double h = boxes[seq[j].box].height;
            if (j > start && y + gap + h > e.height + kEps) break;
            y += gap + h;
        }
        size_t end = j;
        if (j < seq.size()) {
            size_t k = j;
            while (k > start && !seq[k].breakable) --k;
            if (k > start) end = k;  // else nothing allows a break: cut where the page is full
            if (e.t.float_figures) end = float_figure(e, boxes, seq, start, end, j, top);
        }

        Page page;
        page.width = page_w;
        page.height = page_h;
        const int index = int(out.pages.size());
        double at = e.top;
        if (header)
            for (auto& h : *header) {
                place(e, h, false, at, page, index, out);
                at += h.height;
            }
        for (size_t k = start; k < end; ++k) {
            if (k > start) at += seq[k].gap;
            place(e, boxes[seq[k].box], true, at, page, index, out);
            at += boxes[seq[k].box].height;
        }
        out.pages.push_back(std::move(page));
        i = end;
    }
    if (out.pages.empty()) {
        Page page;
        page.width = page_w;
        page.height = page_h;
        out.pages.push_back(std::move(page));
    }
}

}  // namespace briefmake::layout::detail
