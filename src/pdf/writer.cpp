#include "pdf/writer.hpp"

#include <hpdf.h>

#include <vector>

#include "core/diag.hpp"
#include "pdf/content.hpp"
#include "pdf/document.hpp"
#include "pdf/fonts.hpp"
#include "pdf/hpdf_internal.hpp"
#include "pdf/metadata.hpp"
#include "pdf/pack.hpp"
#include "pdf/pdfa.hpp"
#include "pdf/tags.hpp"

namespace briefmake::pdf {

namespace {

std::vector<HPDF_Page> create_pages(Document& doc, const layout::Layout& l) {
    std::vector<HPDF_Page> pages;
    for (const auto& p : l.pages) {
        HPDF_Page page = doc.check_handle("adding a page", HPDF_AddPage(doc.get()));
        doc.check("setting the page width", HPDF_Page_SetWidth(page, HPDF_REAL(p.width)));
        doc.check("setting the page height", HPDF_Page_SetHeight(page, HPDF_REAL(p.height)));
        pages.push_back(page);
    }
    return pages;
}

// libharu gives every page a /ProcSet, which PDF 1.4 and later ignore.
void drop_proc_sets(Document& doc, const std::vector<HPDF_Page>& pages) {
    for (HPDF_Page page : pages) {
        HPDF_Dict res = hpdf::get_dict(doc, page, "Resources", "finding a page's resources");
        hpdf::remove_array(doc, res, "ProcSet", "dropping a page's ProcSet");
    }
}

}  // namespace

namespace {

// `consumed`, when given, is `l` itself, which may be emptied as it is written.
std::string write(const layout::Layout& l, layout::Layout* consumed, const Options& opt, const core::Context& ctx) {
    if (l.pages.empty()) throw core::Error({}, "PDF writer: the document has no pages");
    Document doc;
    HPDF_Doc pdf = doc.get();
    doc.check("setting compression", HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL));
    doc.check("enabling UTF-8", HPDF_UseUTFEncodings(pdf));
    IdHasher id;
    hash_layout(id, l);

    // Fonts first: the text decides what each subset holds, and the pages draw with them.
    EmbeddedFonts fonts(doc, opt, ctx);
    for (const auto& page : l.pages)
        for (const auto& item : page.items)
            if (auto* t = std::get_if<layout::TextRun>(&item)) fonts.prepare(*t);
    fonts.embed(id);

    const std::vector<HPDF_Page> pages = create_pages(doc, l);
    Content content(doc, l, pages, fonts, id);
    {
        Tagger tags(doc, consumed ? std::move(consumed->structure) : l.structure, pages);
        content.set_tagger(&tags);
        for (size_t i = 0; i < pages.size(); ++i) {
            content.draw_page(i);
            if (consumed) {  // drawn: no longer needed
                std::vector<layout::Item>().swap(consumed->pages[i].items);
                std::vector<layout::LineMark>().swap(consumed->pages[i].lines);
            }
        }
        tags.finish();
        content.set_tagger(nullptr);
    }
    drop_proc_sets(doc, pages);

    add_bookmarks(doc, l, pages);
    set_info(doc, l.info);
    set_id(doc, id);
    add_xmp(doc, l.info, opt.pdfa);
    if (opt.pdfa) add_pdfa(doc, l.info);
    // libharu writes 1.3 whatever is used. Tagged PDF as PDF/UA-1 knows it is PDF 1.7 (/Tabs
    // alone needs 1.5).
    hpdf::set_version(pdf, HPDF_VER_17);
    std::string saved = doc.save();
    doc.release();  // libharu's objects go before the file is packed
    return pack_objects(saved);
}

}  // namespace

std::string write_pdf(const layout::Layout& l, const Options& opt, const core::Context& ctx) {
    return write(l, nullptr, opt, ctx);
}

std::string write_pdf(layout::Layout&& l, const Options& opt, const core::Context& ctx) {
    return write(l, &l, opt, ctx);
}

}  // namespace briefmake::pdf
