#include "docx/writer.hpp"

#include "docx/chart.hpp"
#include "docx/content.hpp"
#include "docx/furniture.hpp"
#include "docx/image.hpp"
#include "docx/metadata.hpp"
#include "docx/package.hpp"
#include "docx/reference_docx.hpp"

namespace briefmake::docx {

namespace {
const std::string kWml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
}

std::string write_docx(const doc::Document& d, const Options& opt, const core::Context& ctx) {
    const tmpl::Page& pg = d.tmpl.page;
    long text_width = twips(pg.width - pg.margin_left - pg.margin_right);
    StyleMap styles(d.tmpl);
    const tmpl::Style* list_style = styles.style("list");
    Numbering numbering(list_style ? list_style->indent_left : 18.0);

    Rels rels;
    rels.add("styles", "styles.xml");
    rels.add("numbering", "numbering.xml");
    rels.add("settings", "settings.xml");
    rels.add("fontTable", "fontTable.xml");
    if (d.tmpl.reference && !d.tmpl.reference->theme_xml.empty()) rels.add("theme", "theme/theme1.xml");

    State s(d, opt, ctx, styles, &rels, numbering, text_width);
    assign_bookmarks(s);

    pugi::xml_document document;
    auto root = new_part(document, "w:document");
    attr(root, "xmlns:w", kNsW);
    attr(root, "xmlns:r", kNsR);
    attr(root, "xmlns:wp", kNsWp);  // inline drawings (charts)
    if (opt.layout.tabular_figures) {  // w14:numSpacing in tables (content.cpp), for Word 2010 on
        attr(root, "xmlns:mc", "http://schemas.openxmlformats.org/markup-compatibility/2006");
        attr(root, "xmlns:w14", "http://schemas.microsoft.com/office/word/2010/wordml");
        attr(root, "mc:Ignorable", "w14");
    }
    auto body = el(root, "w:body");
    add_blocks(body, d.blocks, s);
    add_logo(body, s);  // first in the body, as the PDF draws it above the first block
    // Word wants a paragraph after a table at the end of the body (it adds one otherwise).
    if (!body.last_child() || std::string(body.last_child().name()) != "w:p") el(body, "w:p");
    std::vector<Part> furniture = add_furniture(body, s);

    std::vector<Part> parts;
    Rels package_rels;
    package_rels.add("officeDocument", "word/document.xml");
    package_rels.add("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                     "docProps/core.xml");
    package_rels.add("extended-properties", "docProps/app.xml");
    parts.push_back({"_rels/.rels", "", package_rels.xml()});
    parts.push_back({"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", core_xml(d.meta)});
    parts.push_back({"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                     app_xml(d.meta, opt)});
    parts.push_back({"word/document.xml", kWml + "document.main+xml", to_string(document)});
    document.reset();  // the body's tree, once written out: 30 MB for a 1,000-page brief
    parts.push_back({"word/_rels/document.xml.rels", "", rels.xml()});
    ListStyleNums list_styles{numbering.add_style_num(NumberingKind::Decimal),
                              numbering.add_style_num(NumberingKind::Bullet)};
    std::string styles_part = styles_xml(d, styles, text_width, list_styles);
    if (d.tmpl.reference) styles_part = merge_styles(*d.tmpl.reference, styles_part);
    parts.push_back({"word/styles.xml", kWml + "styles+xml", styles_part});
    parts.push_back({"word/numbering.xml", kWml + "numbering+xml", numbering.xml()});
    parts.push_back({"word/settings.xml", kWml + "settings+xml", settings_xml(d.meta)});
    parts.push_back({"word/fontTable.xml", kWml + "fontTable+xml", font_table_xml(d.tmpl)});
    if (d.tmpl.reference && !d.tmpl.reference->theme_xml.empty())  // its styles may name theme fonts and colours
        parts.push_back({"word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml",
                         d.tmpl.reference->theme_xml});
    for (auto& p : furniture) parts.push_back(std::move(p));
    for (auto& p : s.parts) parts.push_back(std::move(p));  // charts and their workbooks
    return zip_package(parts);
}

}  // namespace briefmake::docx
