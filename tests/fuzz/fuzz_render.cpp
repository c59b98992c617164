// fuzz_render: a whole render in memory, from brief bytes to PDF and DOCX bytes:
// spec::parse_brief -> template -> doc::merge -> layout::lay_out -> pdf::write_pdf -> docx::write_docx.
#include <cstdlib>

#include "doc/merge.hpp"
#include "docx/writer.hpp"
#include "fonts/font.hpp"
#include "fuzz_common.hpp"
#include "layout/layout.hpp"
#include "pdf/writer.hpp"
#include "spec/reader.hpp"
#include "tmpl/template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmake;
    static fonts::FontSet fonts;  // faces are loaded once, as in a CLI run over many briefs
    core::WarningSink warnings;
    core::Context ctx = fuzz::context();
    ctx.warnings = &warnings;
    try {
        spec::Brief b = spec::parse_brief(fuzz::bytes(data, size), "fuzz.yaml", fuzz::data_dir(), ctx);
        tmpl::Template t = tmpl::load_template(b.template_name, fuzz::data_dir(), b.template_loc, ctx);
        doc::Document d = doc::merge(b, t, ctx);
        layout::Layout l = layout::lay_out(d, fonts, ctx);
        std::string pdf = pdf::write_pdf(l, pdf::Options{}, ctx);
        if (pdf.compare(0, 5, "%PDF-") != 0) std::abort();
        docx::Options o;
        for (const auto& [anchor, page] : l.anchor_pages) o.anchor_pages[anchor] = page + 1;
        o.page_count = static_cast<int>(l.pages.size());
        std::string docx = docx::write_docx(d, o, ctx);
        if (docx.compare(0, 2, "PK") != 0) std::abort();
    } catch (const core::Error&) {
    }
    return 0;
}
