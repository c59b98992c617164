// Pagination: boxes fill a page until one does not fit; the page then ends at the latest box
// before which a break is allowed (keeps, widows/orphans and whole figures are encoded as
// boxes that forbid a break before them). One scan, each box looked at a bounded number of
// times. A page that continues a split table starts with its repeated header.
#include "layout/internal.hpp"

namespace briefmake::layout::detail {

namespace {

constexpr double kEps = 1e-6;

void place(Engine& e, const VBox& b, double y, Page& page, int page_index, Layout& out) {
    for (const Item& it : b.items) {
        page.items.push_back(it);
        shift(page.items.back(), 0, y);
    }
    for (LineMark m : b.lines) {
        m.y += y;
        page.lines.push_back(std::move(m));
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

}  // namespace

void paginate(Engine& e, const Flow& flow, Layout& out) {
    const auto& boxes = flow.boxes;
    const double page_w = e.t.page.width, page_h = e.t.page.height;
    size_t i = 0;
    while (i < boxes.size()) {
        const size_t start = i;
        const std::vector<VBox>* header = nullptr;
        if (boxes[start].group >= 0 && !boxes[start].group_first) header = &flow.headers[size_t(boxes[start].group)];
        double y = 0;
        if (header)
            for (const auto& h : *header) y += h.height;
        size_t j = start;
        for (; j < boxes.size(); ++j) {
            double gap = j == start ? 0 : boxes[j].gap;
            if (j > start && y + gap + boxes[j].height > e.height + kEps) break;
            y += gap + boxes[j].height;
        }
        size_t end = j;
        if (j < boxes.size()) {
            size_t k = j;
            while (k > start && !boxes[k].breakable) --k;
            if (k > start) end = k;  // else nothing allows a break: cut where the page is full
        }

        Page page;
        page.width = page_w;
        page.height = page_h;
        const int index = int(out.pages.size());
        double at = e.top;
        if (header)
            for (const auto& h : *header) {
                place(e, h, at, page, index, out);
                at += h.height;
            }
        for (size_t k = start; k < end; ++k) {
            if (k > start) at += boxes[k].gap;
            place(e, boxes[k], at, page, index, out);
            at += boxes[k].height;
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
