#include "docx/furniture.hpp"

#include <algorithm>

#include "docx/content.hpp"
#include "docx/reference.hpp"
#include "docx/reference_docx.hpp"

namespace briefmake::docx {

namespace {

void field(pugi::xml_node p, const std::string& code, const std::string& cached) {
    auto begin = el(el(p, "w:r"), "w:fldChar");
    attr(begin, "w:fldCharType", "begin");
    auto t = el(el(p, "w:r"), "w:instrText");
    t.append_attribute("xml:space") = "preserve";
    t.text().set(code.c_str());
    attr(el(el(p, "w:r"), "w:fldChar"), "w:fldCharType", "separate");
    auto r = el(p, "w:r");
    el(r, "w:t").text().set(cached.c_str());
    attr(el(el(p, "w:r"), "w:fldChar"), "w:fldCharType", "end");
}

void slot(pugi::xml_node p, const doc::SlotText& parts, State& s) {
    for (const auto& part : parts) {
        switch (part.kind) {
            case tmpl::Part::Literal: {
                doc::Inlines text{text_span(part.text)};
                add_inlines(p, text, s, InlineOptions{});
                break;
            }
            case tmpl::Part::Page: field(p, " PAGE ", "1"); break;
            case tmpl::Part::Pages:
                field(p, " NUMPAGES ", std::to_string(s.opt.page_count > 0 ? s.opt.page_count : 1));
                break;
        }
    }
}

void tab(pugi::xml_node p) { el(el(p, "w:r"), "w:tab"); }

// One paragraph in the Header/Footer style, whose centre and right tab stops are at half and
// the whole text width: "left <tab> centre <tab> right".
std::string furniture_xml(const doc::Furniture& f, bool header, State& s) {
    pugi::xml_document doc;
    auto root = new_part(doc, header ? "w:hdr" : "w:ftr");
    attr(root, "xmlns:w", kNsW);
    attr(root, "xmlns:r", kNsR);
    auto p = add_paragraph(root, header ? "header" : "footer", s);
    if (header) {
        // The thin rule the PDF draws under the header (the template's "rule" colour, 0.5 pt).
        pugi::xml_node ppr = p.child("w:pPr");
        if (!ppr) ppr = p.prepend_child("w:pPr");
        auto bdr = el(ppr, "w:pBdr");  // after w:pStyle, as the schema orders them
        auto bottom = el(bdr, "w:bottom");
        attr(bottom, "w:val", "single");
        attr(bottom, "w:sz", "4");
        attr(bottom, "w:space", "1");
        attr(bottom, "w:color", template_color(s.d.tmpl, "rule").hex());
    }
    if (const Reference* ref = s.d.tmpl.reference.get()) {
        // The reference's Header/Footer style may have its tab stops elsewhere (another page
        // size): ours at the centre and the right margin, its own cleared.
        pugi::xml_node ppr = p.child("w:pPr");
        if (!ppr) ppr = p.prepend_child("w:pPr");
        pugi::xml_node after = ppr.child("w:pBdr") ? ppr.child("w:pBdr") : ppr.child("w:pStyle");
        pugi::xml_node tabs = after ? ppr.insert_child_after("w:tabs", after) : ppr.prepend_child("w:tabs");
        // The reference paragraph's own centre and right stops when the slots came from one.
        const tmpl::Template& tp = s.d.tmpl;
        double center_at = header ? tp.header_center_at : tp.footer_center_at;
        double right_at = header ? tp.header_right_at : tp.footer_right_at;
        long center = center_at > 0 ? twips(center_at) : s.text_width / 2;
        long right = right_at > 0 ? twips(right_at) : s.text_width;
        std::vector<std::pair<long, const char*>> stops = {{center, "center"}, {right, "right"}};
        if (const RefStyle* rs = ref->by_name(header ? "header" : "footer"))
            for (const auto& t : rs->tabs)
                if (twips(t.pos) != center && twips(t.pos) != right) stops.push_back({twips(t.pos), "clear"});
        std::sort(stops.begin(), stops.end());
        for (const auto& [pos, kind] : stops) {
            auto t = el(tabs, "w:tab", kind);
            attr(t, "w:pos", num(pos));
        }
    }
    slot(p, f.left, s);
    if (!f.center.empty() || !f.right.empty()) tab(p);
    slot(p, f.center, s);
    if (!f.right.empty()) tab(p);
    slot(p, f.right, s);
    return to_string(doc);
}

}  // namespace

std::vector<Part> add_furniture(pugi::xml_node body, State& s) {
    const doc::Document& d = s.d;
    const tmpl::Page& pg = d.tmpl.page;
    bool title_page = d.first_header.has_value() || d.first_footer.has_value();

    std::vector<Part> parts;
    auto sect = el(body, "w:sectPr");
    int headers = 0, footers = 0;
    auto add = [&](const doc::Furniture& f, bool header, const char* type) {
        int n = header ? ++headers : ++footers;
        std::string name = std::string(header ? "header" : "footer") + std::to_string(n) + ".xml";
        std::string id = s.rels->add(header ? "header" : "footer", name);
        // Links in headers would need the header's own relationships; slots hold none.
        // The reference document's own header (footer), with its images, when it has one.
        const auto* theirs = d.tmpl.reference ? (header ? &d.tmpl.reference->header : &d.tmpl.reference->footer) : nullptr;
        if (theirs && *theirs && std::string(type) == "default") {
            std::string ours = d.tmpl.reference_beside ? furniture_xml(f, header, s) : std::string();
            for (auto& p : reference_furniture(**theirs, name, header, ours)) parts.push_back(std::move(p));
        } else {
            parts.push_back({"word/" + name,
                             std::string("application/vnd.openxmlformats-officedocument.wordprocessingml.") +
                                 (header ? "header" : "footer") + "+xml",
                             furniture_xml(f, header, s)});
        }
        auto ref = el(sect, header ? "w:headerReference" : "w:footerReference");
        attr(ref, "w:type", type);
        attr(ref, "r:id", id);
    };
    // With a distinct first page, its header and footer are both needed: an absent one would
    // leave the first page blank where the others have furniture.
    if (!d.header.empty()) add(d.header, true, "default");
    if (title_page) add(d.first_header.value_or(d.header), true, "first");
    if (!d.footer.empty()) add(d.footer, false, "default");
    if (title_page) add(d.first_footer.value_or(d.footer), false, "first");

    auto size = el(sect, "w:pgSz");
    attr(size, "w:w", num(twips(pg.width)));
    attr(size, "w:h", num(twips(pg.height)));
    if (pg.width > pg.height) attr(size, "w:orient", "landscape");
    auto mar = el(sect, "w:pgMar");
    attr(mar, "w:top", num(twips(pg.margin_top)));
    attr(mar, "w:right", num(twips(pg.margin_right)));
    attr(mar, "w:bottom", num(twips(pg.margin_bottom)));
    attr(mar, "w:left", num(twips(pg.margin_left)));
    // The PDF's baselines: the header line's top is its ascent above, the footer line's bottom
    // (an exact line, size × leading) its height less the ascent below.
    double header_top = pg.header_distance - s.opt.layout.header_ascent;
    double footer_bottom = pg.footer_distance;
    if (auto f = d.tmpl.styles.find("footer"); f != d.tmpl.styles.end() && s.opt.layout.footer_ascent > 0)
        footer_bottom -= f->second.size * f->second.leading - s.opt.layout.footer_ascent;
    attr(mar, "w:header", num(twips(std::max(0.0, header_top))));
    attr(mar, "w:footer", num(twips(std::max(0.0, footer_bottom))));
    attr(mar, "w:gutter", "0");
    attr(el(sect, "w:cols"), "w:space", "708");
    if (title_page) el(sect, "w:titlePg");
    return parts;
}

}  // namespace briefmake::docx
