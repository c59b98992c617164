// Header and footer on every page (the first page may have its own), resolved once the page
// count is known: "Sayfa 3 / 7". Left, centre and right slots inside the margins.
#include <string>

#include "layout/internal.hpp"

namespace briefmake::layout::detail {

namespace {

std::string resolve(const doc::SlotText& parts, int page, int pages) {
    std::string s;
    for (const auto& p : parts) {
        switch (p.kind) {
            case tmpl::Part::Literal: s += p.text; break;
            case tmpl::Part::Page: s += std::to_string(page); break;
            case tmpl::Part::Pages: s += std::to_string(pages); break;
        }
    }
    return s;
}

// Draws the three slots with their baseline at `baseline`; returns whether anything was drawn.
bool slots(Engine& e, const doc::Furniture& f, const std::string& style, double baseline, int page, int pages,
           std::vector<Item>& out) {
    const tmpl::Style& st = e.style(style);
    FontPtr face = e.face(st);
    SourceLoc loc{e.t.file.string(), 0, 0};
    // Letterspaced: the tracking follows each character, so a centred or right-aligned slot is
    // placed by its tracked width, as Word's tab stops place the same text.
    const double track = st.tracking * st.size;
    bool any = false;
    const doc::SlotText* parts[3] = {&f.left, &f.center, &f.right};
    for (int k = 0; k < 3; ++k) {
        std::string text = e.transform(resolve(*parts[k], page, pages), st.transform);
        if (text.empty()) continue;
        double w = text_width(e, text, face, st.size, loc, track);
        // A reference document's tab stops, where it has them (tmpl::Template::header_center_at).
        const bool foot = style == "footer";
        const double center = foot ? e.t.footer_center_at : e.t.header_center_at;
        const double right = foot ? e.t.footer_right_at : e.t.header_right_at;
        double x = k == 0   ? e.left
                   : k == 1 ? (center > 0 ? e.left + center - w / 2 : e.left + (e.width - w) / 2)
                            : (right > 0 ? e.left + right - w : e.left + e.width - w);
        set_text(e, out, text, face, st.size, st.color, x, baseline, loc, track);
        any = true;
    }
    return any;
}

}  // namespace

void add_furniture(Engine& e, Layout& out) {
    const int pages = int(out.pages.size());
    const auto& doc = e.doc;
    const tmpl::Color rule_color = e.color("rule", {0x40, 0x40, 0x40});
    for (int i = 0; i < pages; ++i) {
        Page& page = out.pages[size_t(i)];
        const doc::Furniture& header = i == 0 && doc.first_header ? *doc.first_header : doc.header;
        const doc::Furniture& footer = i == 0 && doc.first_footer ? *doc.first_footer : doc.footer;
        const double hb = e.t.page.header_distance;
        if (slots(e, header, "header", hb, i + 1, pages, page.items) && !e.t.reference_header) {
            const tmpl::Style& st = e.style("header");
            double ry = hb + st.size * 0.35;
            page.items.emplace_back(Rule{e.left, ry, e.left + e.width, ry, 0.5, rule_color});
        }
        slots(e, footer, "footer", page.height - e.t.page.footer_distance, i + 1, pages, page.items);
        // A reference document's header and footer images, where Word puts them: from the top of
        // the header area down, up from the bottom of the footer area.
        for (const auto& im : e.t.furniture_images) {
            double x = im.align == tmpl::Align::Center ? e.left + (e.width - im.width) / 2
                       : im.align == tmpl::Align::Right ? e.left + e.width - im.width
                                                        : e.left;
            const double rest = im.footer ? e.t.page.footer_distance - e.style("footer").size * 0.25
                                          : e.t.page.header_distance - e.style("header").size * 0.9;
            const double top = (im.footer ? page.height - rest - im.height : rest) + im.offset;
            page.items.emplace_back(Image{x, top, im.width, im.height, im.name, -1, im.bytes});
        }
    }
}

}  // namespace briefmake::layout::detail
