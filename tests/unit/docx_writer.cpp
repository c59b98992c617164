// DOCX writer: the package, its parts as parsed XML, determinism. What programs nobody here wrote
// make of the same sample (xmllint, the Open XML SDK validator, LibreOffice + pdftotext) is
// checked by tests/integration/docx_writer.sh.
#include <doctest/doctest.h>
#include <pugixml.hpp>
#include <zip.h>

#include <map>
#include <string>
#include <vector>

#include "docx/writer.hpp"
#include "docx_sample.hpp"
#include "zip_parts.hpp"

using namespace briefmake;
using namespace docx_sample;

namespace {

using Package = test::ZipParts;
Package unzip(const std::string& bytes) { return test::read_zip(bytes); }

pugi::xml_document parse(const Package& p, const std::string& name) {
    pugi::xml_document doc;
    auto it = p.parts.find(name);
    REQUIRE_MESSAGE(it != p.parts.end(), "missing part " << name);
    auto r = doc.load_buffer(it->second.data(), it->second.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    REQUIRE_MESSAGE(r, name << " is not well-formed: " << r.description() << " at " << r.offset);
    return doc;
}

std::string xpath_text(const pugi::xml_document& d, const char* xpath) {
    return d.select_node(xpath).node().text().as_string();
}

std::string attr_at(const pugi::xml_document& d, const char* xpath) {
    return d.select_node(xpath).attribute().value();
}

// All text of w:t nodes below `n`, in order.
std::string text_of(pugi::xml_node n) {
    std::string out;
    for (auto t : n.select_nodes(".//w:t")) out += t.node().text().as_string();
    return out;
}

const Package& sample_package() {
    static const Package p = [] {
        core::Context ctx;
        return unzip(docx::write_docx(sample(), options(), ctx));
    }();
    return p;
}

}  // namespace

TEST_CASE("docx: the package holds the parts in a fixed order, with content types and relationships") {
    const Package& p = sample_package();
    std::vector<std::string> expected = {
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
        "word/fontTable.xml", "word/header1.xml", "word/header2.xml", "word/footer1.xml", "word/footer2.xml",
        "word/charts/chart1.xml", "word/charts/_rels/chart1.xml.rels", "word/embeddings/Microsoft_Excel_Worksheet1.xlsx"};
    CHECK(p.names == expected);
    for (const auto& name : p.names)
        if (!name.ends_with(".xlsx")) parse(p, name);  // every XML part well-formed

    auto ct = parse(p, "[Content_Types].xml");
    auto override_type = [&](const std::string& part) {
        std::string xp = "/Types/Override[@PartName='/" + part + "']/@ContentType";
        return std::string(ct.select_node(xp.c_str()).attribute().value());
    };
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    CHECK(override_type("word/document.xml") == wml + "document.main+xml");
    CHECK(override_type("word/styles.xml") == wml + "styles+xml");
    CHECK(override_type("word/numbering.xml") == wml + "numbering+xml");
    CHECK(override_type("word/header1.xml") == wml + "header+xml");
    CHECK(override_type("word/footer2.xml") == wml + "footer+xml");
    CHECK(override_type("docProps/core.xml") == "application/vnd.openxmlformats-package.core-properties+xml");
    CHECK(attr_at(ct, "/Types/Default[@Extension='rels']/@ContentType") ==
          "application/vnd.openxmlformats-package.relationships+xml");

    // Every internal relationship of the document points at a part that exists.
    auto rels = parse(p, "word/_rels/document.xml.rels");
    int internal = 0;
    for (auto r : rels.select_nodes("/Relationships/Relationship")) {
        std::string target = r.node().attribute("Target").value();
        if (std::string(r.node().attribute("TargetMode").value()) == "External") continue;
        ++internal;
        CHECK_MESSAGE(p.parts.count("word/" + target), "dangling relationship to " << target);
    }
    CHECK(internal == 9);  // styles, numbering, settings, fontTable, 2 headers, 2 footers, chart
    auto root_rels = parse(p, "_rels/.rels");
    CHECK(attr_at(root_rels, "/Relationships/Relationship[@Target='word/document.xml']/@Type") ==
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument");
}

TEST_CASE("docx: identical input gives identical bytes") {
    core::Context ctx;
    std::string a = docx::write_docx(sample(), options(), ctx);
    std::string b = docx::write_docx(sample(), options(), ctx);
    CHECK(a.size() > 1000);
    CHECK(a == b);
    doc::Document other = sample();
    other.meta.title += " 2";
    CHECK(docx::write_docx(other, options(), ctx) != a);
}

TEST_CASE("docx: styles are real Word styles derived from the template") {
    auto s = parse(sample_package(), "word/styles.xml");
    // The language Word proofs and upper-cases with.
    CHECK(attr_at(s, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == "tr-TR");
    CHECK(attr_at(s, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:ascii") == "Times New Roman");
    CHECK(attr_at(s, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val") == "24");

    auto normal = s.select_node("/w:styles/w:style[@w:styleId='Normal']").node();
    REQUIRE(normal);
    CHECK(std::string(normal.attribute("w:default").value()) == "1");
    CHECK(normal.select_node("w:pPr/w:widowControl"));
    CHECK(std::string(normal.select_node("w:pPr/w:jc/@w:val").attribute().value()) == "both");
    CHECK(std::string(normal.select_node("w:pPr/w:spacing/@w:line").attribute().value()) == "288");  // 1.2 * 240
    CHECK(std::string(normal.select_node("w:pPr/w:spacing/@w:after").attribute().value()) == "120");  // 6 pt

    for (int l = 1; l <= 3; ++l) {
        std::string xp = "/w:styles/w:style[@w:styleId='Heading" + std::to_string(l) + "']";
        auto h = s.select_node(xp.c_str()).node();
        REQUIRE_MESSAGE(h, "no Heading" << l);
        CHECK(std::string(h.child("w:name").attribute("w:val").value()) == "heading " + std::to_string(l));
        CHECK(h.select_node("w:pPr/w:outlineLvl").node().attribute("w:val").as_int() == l - 1);
        CHECK(h.select_node("w:pPr/w:keepNext"));
        CHECK(h.select_node("w:pPr/w:suppressAutoHyphens"));
        CHECK(h.select_node("w:rPr/w:b"));
    }
    // transform: upper is w:caps in the style, never changed text.
    CHECK(s.select_node("/w:styles/w:style[@w:styleId='Heading1']/w:rPr/w:caps"));
    CHECK_FALSE(s.select_node("/w:styles/w:style[@w:styleId='Heading2']/w:rPr/w:caps"));
    CHECK(s.select_node("/w:styles/w:style[@w:styleId='Subtitle']/w:rPr/w:caps"));
    CHECK(attr_at(s, "/w:styles/w:style[@w:styleId='Title']/w:pPr/w:jc/@w:val") == "center");
    CHECK(attr_at(s, "/w:styles/w:style[@w:styleId='Title']/w:rPr/w:sz/@w:val") == "28");
    CHECK(attr_at(s, "/w:styles/w:style[@w:styleId='Heading3']/w:rPr/w:i/@w:val").empty());
    CHECK(s.select_node("/w:styles/w:style[@w:styleId='Heading3']/w:rPr/w:i"));
    CHECK(attr_at(s, "/w:styles/w:style[@w:styleId='ListParagraph']/w:pPr/w:ind/@w:left") == "360");
    CHECK(attr_at(s, "/w:styles/w:style[@w:styleId='Header']/w:rPr/w:color/@w:val") == "8B0000");
    CHECK(attr_at(s, "/w:styles/w:style[@w:styleId='Header']/w:pPr/w:tabs/w:tab[@w:val='right']/@w:pos") == "9071");
    CHECK(attr_at(s, "/w:styles/w:style[@w:styleId='Caption']/w:name/@w:val") == "caption");
    for (const char* id : {"Title", "Subtitle", "ListParagraph", "ListNumber", "ListBullet", "Caption", "Header",
                           "Footer", "TOC1", "TOC2", "TOC3", "TOCHeading", "Hyperlink", "BriefTable",
                           "BriefMetaTable", "TableNormal", "Source", "Note", "TableText", "TableHeader", "MetaLabel"}) {
        std::string xp = std::string("/w:styles/w:style[@w:styleId='") + id + "']";
        CHECK_MESSAGE(s.select_node(xp.c_str()), "missing style " << id);
    }
    CHECK(attr_at(s, "/w:styles/w:style[@w:styleId='TOC1']/w:pPr/w:tabs/w:tab/@w:leader") == "dot");
    // TOC levels are cased as the PDF lists them: heading 1 is upper-cased, so TOC 1 is w:caps
    // (upper-cased by the document's w:lang, tr-TR above); headings 2 and 3 are not.
    CHECK(s.select_node("/w:styles/w:style[@w:styleId='TOC1']/w:rPr/w:caps"));
    CHECK_FALSE(s.select_node("/w:styles/w:style[@w:styleId='TOC2']/w:rPr/w:caps"));
    CHECK_FALSE(s.select_node("/w:styles/w:style[@w:styleId='TOC3']/w:rPr/w:caps"));
    // The table style: rules in the template's colour, a shaded header row that repeats.
    auto table = s.select_node("/w:styles/w:style[@w:styleId='BriefTable']").node();
    CHECK(std::string(table.attribute("w:type").value()) == "table");
    CHECK(std::string(table.select_node("w:tblPr/w:tblBorders/w:insideH/@w:color").attribute().value()) == "404040");
    // The PDF's rules, and no others: 0.75 pt above the table, under the header row and under
    // the last row, thin ones between body rows (0.5 pt: see styles.cpp), nothing down the
    // sides or between columns.
    auto border = [&](const pugi::xml_node& n, const std::string& side, const char* what) {
        auto b = n.select_node(("w:" + side).c_str()).node();
        if (!b) return std::string("absent");
        return std::string(b.attribute(what).value());
    };
    auto borders = table.select_node("w:tblPr/w:tblBorders").node();
    REQUIRE(borders);
    for (const char* side : {"left", "right", "insideV"}) {
        CAPTURE(side);
        CHECK(border(borders, side, "w:val") == "nil");
    }
    for (const char* side : {"top", "bottom", "insideH"}) {
        CAPTURE(side);
        CHECK(border(borders, side, "w:val") == "single");
    }
    CHECK(border(borders, "top", "w:sz") == "6");  // eighths of a point
    CHECK(border(borders, "bottom", "w:sz") == "6");
    CHECK(border(borders, "insideH", "w:sz") == "4");
    auto first = table.select_node("w:tblStylePr[@w:type='firstRow']").node();
    auto first_borders = first.select_node("w:tcPr/w:tcBorders").node();
    REQUIRE(first_borders);
    CHECK(border(first_borders, "bottom", "w:val") == "single");
    CHECK(border(first_borders, "bottom", "w:sz") == "6");
    CHECK(border(first_borders, "bottom", "w:color") == "404040");
    CHECK(std::string(first.select_node("w:tcPr/w:shd/@w:fill").attribute().value()) == "1F3864");
    CHECK(std::string(first.select_node("w:rPr/w:color/@w:val").attribute().value()) == "FFFFFF");
    CHECK(first.select_node("w:trPr/w:tblHeader"));
    CHECK(attr_at(s, "/w:styles/w:style[@w:styleId='BriefMetaTable']/w:tblPr/w:tblBorders/w:insideH/@w:val") == "nil");

    auto settings = parse(sample_package(), "word/settings.xml");
    // Word and LibreOffice break words only at the PDF's soft hyphens.
    CHECK_FALSE(settings.select_node("/w:settings/w:autoHyphenation"));
    CHECK(attr_at(settings, "/w:settings/w:themeFontLang/@w:val") == "tr-TR");
    CHECK_FALSE(settings.select_node("/w:settings/w:updateFields"));
    CHECK(settings.select_node("/w:settings/w:compat/w:doNotExpandShiftReturn"));
    auto fonts = parse(sample_package(), "word/fontTable.xml");
    CHECK(fonts.select_node("/w:fonts/w:font[@w:name='Times New Roman']/w:family[@w:val='roman']"));
    CHECK(fonts.select_node("/w:fonts/w:font[@w:name='Arial']/w:family[@w:val='swiss']"));
}

TEST_CASE("docx: numbering: agenda 1. / 1.1. / 1.1.1., bullets, restarts") {
    const Package& p = sample_package();
    auto n = parse(p, "word/numbering.xml");
    auto lvl_text = [&](int abstract, int level) {
        std::string xp = "/w:numbering/w:abstractNum[@w:abstractNumId='" + std::to_string(abstract) + "']/w:lvl[@w:ilvl='" +
                         std::to_string(level) + "']/w:lvlText/@w:val";
        return std::string(n.select_node(xp.c_str()).attribute().value());
    };
    CHECK(lvl_text(1, 0) == "%1.");
    CHECK(lvl_text(1, 1) == "%1.%2.");
    CHECK(lvl_text(1, 2) == "%1.%2.%3.");
    CHECK(lvl_text(2, 0) == "%1.");
    CHECK(lvl_text(3, 0) == "\u2022");
    CHECK(attr_at(n, "/w:numbering/w:abstractNum[@w:abstractNumId='3']/w:lvl[@w:ilvl='0']/w:numFmt/@w:val") == "bullet");
    CHECK(attr_at(n, "/w:numbering/w:abstractNum[@w:abstractNumId='1']/w:lvl[@w:ilvl='1']/w:numFmt/@w:val") == "decimal");

    // Agenda (1 instance, nested items share it), bullets, two separate numbered lists; then
    // one instance each for the List Number and List Bullet styles.
    auto nums = n.select_nodes("/w:numbering/w:num");
    REQUIRE(nums.size() == 6);
    CHECK(attr_at(n, "/w:numbering/w:num[@w:numId='3']/w:abstractNumId/@w:val") == "2");
    CHECK(attr_at(n, "/w:numbering/w:num[@w:numId='4']/w:abstractNumId/@w:val") == "2");
    CHECK(attr_at(n, "/w:numbering/w:num[@w:numId='4']/w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val") == "1");

    // The list styles carry numbering, so a paragraph given the style in Word is numbered or
    // bulleted: List Number at the decimal list, List Bullet at the bullets, each restarting.
    auto s = parse(p, "word/styles.xml");
    auto style_num = [&](const char* id) {
        std::string xp = std::string("/w:styles/w:style[@w:styleId='") + id + "']/w:pPr/w:numPr/w:numId/@w:val";
        return std::string(s.select_node(xp.c_str()).attribute().value());
    };
    REQUIRE(style_num("ListNumber") == "5");
    REQUIRE(style_num("ListBullet") == "6");
    CHECK(attr_at(n, "/w:numbering/w:num[@w:numId='5']/w:abstractNumId/@w:val") == "2");
    CHECK(attr_at(n, "/w:numbering/w:num[@w:numId='6']/w:abstractNumId/@w:val") == "3");
    CHECK(attr_at(n, "/w:numbering/w:num[@w:numId='5']/w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val") == "1");

    auto d = parse(p, "word/document.xml");
    auto items = d.select_nodes("//w:p[w:pPr/w:numPr]");
    REQUIRE(items.size() == 10);
    auto numpr = [&](size_t i) {
        auto pr = items[i].node().child("w:pPr").child("w:numPr");
        return std::pair{pr.child("w:numId").attribute("w:val").as_int(), pr.child("w:ilvl").attribute("w:val").as_int()};
    };
    CHECK(numpr(0) == std::pair{1, 0});  // 1. Siyasi ilişkiler
    CHECK(numpr(1) == std::pair{1, 1});  // 1.1.
    CHECK(numpr(2) == std::pair{1, 1});  // 1.2.
    CHECK(numpr(3) == std::pair{1, 0});  // 2.
    CHECK(numpr(4) == std::pair{2, 0});  // bullets
    CHECK(numpr(6) == std::pair{3, 0});
    CHECK(numpr(8) == std::pair{4, 0});
    CHECK(text_of(items[1].node()) == "Enerji işbirliği");
    CHECK(std::string(items[0].node().select_node("w:pPr/w:pStyle/@w:val").attribute().value()) == "ListNumber");
    CHECK(std::string(items[4].node().select_node("w:pPr/w:pStyle/@w:val").attribute().value()) == "ListBullet");
}

TEST_CASE("docx: a list that continues the previous one keeps its numbering instance") {
    doc::Document d = sample();
    d.blocks.clear();
    doc::List a;
    a.kind = doc::ListKind::Ordered;
    a.style = "numbered";
    a.items = {item("1.", "bir"), item("2.", "iki")};
    doc::List b = a;
    b.start = 3;
    b.items = {item("3.", "üç")};
    d.blocks = {{a, {}}, para("body", {span("arada")}), {b, {}}};
    core::WarningSink sink;
    core::Context ctx;
    ctx.warnings = &sink;
    auto p = unzip(docx::write_docx(d, {}, ctx));
    auto n = parse(p, "word/numbering.xml");
    CHECK(n.select_nodes("/w:numbering/w:num").size() == 1 + 2);  // + the two list styles' own
    CHECK(sink.items().empty());

    // Labels Word cannot produce are reported, not silently changed.
    d.blocks = {{b, {}}};
    d.blocks[0].v = [&] { doc::List c = b; c.items[0].label = "a)"; return c; }();
    docx::write_docx(d, {}, ctx);
    REQUIRE(sink.items().size() == 1);
    CHECK(sink.items()[0].message.find("'3.'") != std::string::npos);
}

TEST_CASE("docx: TOC entries are cased as the PDF lists them") {
    doc::Document d = sample();
    d.tmpl.styles["heading2"].transform = tmpl::CaseTransform::Upper;
    d.tmpl.styles["heading3"].transform = tmpl::CaseTransform::Lower;
    d.blocks.push_back(heading(3, "İSTANBUL Ofisi", "h-4"));
    core::Context ctx;
    auto p = unzip(docx::write_docx(d, options(), ctx));
    auto s = parse(p, "word/styles.xml");
    CHECK(s.select_node("/w:styles/w:style[@w:styleId='TOC1']/w:rPr/w:caps"));
    CHECK(s.select_node("/w:styles/w:style[@w:styleId='TOC2']/w:rPr/w:caps"));
    CHECK_FALSE(s.select_node("/w:styles/w:style[@w:styleId='TOC3']/w:rPr/w:caps"));
    // Word has no lower-case property: the cached entry is lowered, by Turkish rules (İ -> i).
    auto doc = parse(p, "word/document.xml");
    auto toc3 = doc.select_nodes("/w:document/w:body/w:p[w:pPr/w:pStyle/@w:val='TOC3']");
    REQUIRE(toc3.size() == 2);
    CHECK(text_of(toc3[0].node()) == "ticaret2");
    CHECK(text_of(toc3[1].node()).starts_with("istanbul ofisi"));
    // Upper case stays typed text under w:caps, which Word keeps when it updates the field.
    auto toc2 = doc.select_node("/w:document/w:body/w:p[w:pPr/w:pStyle/@w:val='TOC2']").node();
    CHECK(text_of(toc2) == "Bağlam2");

    // A TOC style of its own that lowers: no caps from the headings.
    d.tmpl.styles["toc"].transform = tmpl::CaseTransform::Lower;
    auto q = unzip(docx::write_docx(d, options(), ctx));
    CHECK_FALSE(parse(q, "word/styles.xml").select_node("/w:styles/w:style[@w:styleId='TOC1']/w:rPr/w:caps"));
}

TEST_CASE("docx: content: headings, bookmarks, TOC field, links, breaks, tabs, soft hyphens, tables") {
    const Package& p = sample_package();
    auto d = parse(p, "word/document.xml");
    auto body = d.select_node("/w:document/w:body").node();

    // Headings: Word's heading styles, a bookmark the TOC links to, text as typed (caps is a style).
    auto h1 = body.select_node("w:p[w:pPr/w:pStyle/@w:val='Heading1']").node();
    REQUIRE(h1);
    CHECK(text_of(h1) == "istişare gündemi");
    CHECK(std::string(h1.child("w:bookmarkStart").attribute("w:name").value()) == "_Toc_h_1");
    CHECK(std::string(h1.child("w:bookmarkEnd").attribute("w:id").value()) ==
          h1.child("w:bookmarkStart").attribute("w:id").value());
    CHECK_FALSE(h1.select_node(".//w:softHyphen"));

    // The TOC: one field, instruction, cached entries linking to the bookmarks with our page numbers.
    auto instr = d.select_nodes("//w:instrText");
    REQUIRE(instr.size() >= 1);
    CHECK(std::string(instr[0].node().text().as_string()) == " TOC \\o \"1-3\" \\h \\z \\u ");
    auto toc_entries = body.select_nodes(
        "w:p[w:pPr/w:pStyle/@w:val='TOC1' or w:pPr/w:pStyle/@w:val='TOC2' or w:pPr/w:pStyle/@w:val='TOC3']");
    REQUIRE(toc_entries.size() == 3);
    CHECK(std::string(toc_entries[0].node().select_node("w:pPr/w:pStyle/@w:val").attribute().value()) == "TOC1");
    CHECK(std::string(toc_entries[2].node().select_node("w:pPr/w:pStyle/@w:val").attribute().value()) == "TOC3");
    CHECK(std::string(toc_entries[1].node().select_node("w:hyperlink/@w:anchor").attribute().value()) == "_Toc_h_2");
    CHECK(text_of(toc_entries[1].node()) == "Bağlam2");
    CHECK(toc_entries[0].node().select_node("w:r/w:fldChar[@w:fldCharType='begin']"));
    CHECK(toc_entries[0].node().select_node("w:r/w:fldChar[@w:fldCharType='separate']"));
    CHECK(toc_entries[2].node().select_node("w:r/w:fldChar[@w:fldCharType='end']"));
    CHECK_FALSE(d.select_node("//w:fldChar[@w:dirty]"));
    auto toc_title = body.select_node("w:p[w:pPr/w:pStyle/@w:val='TOCHeading']").node();
    CHECK(text_of(toc_title) == "İçindekiler");

    // A link to a web page: an external relationship; a link to a heading: its bookmark.
    auto rels = parse(p, "word/_rels/document.xml.rels");
    auto link = body.select_node(".//w:hyperlink[@r:id]").node();
    REQUIRE(link);
    std::string xp = std::string("/Relationships/Relationship[@Id='") + link.attribute("r:id").value() + "']";
    auto rel = rels.select_node(xp.c_str()).node();
    CHECK(std::string(rel.attribute("Target").value()) == "https://www.mfa.gov.tr/?a=1&b=2");
    CHECK(std::string(rel.attribute("TargetMode").value()) == "External");
    CHECK(std::string(rel.attribute("Type").value()) ==
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink");
    CHECK(std::string(link.select_node("w:r/w:rPr/w:rStyle/@w:val").attribute().value()) == "Hyperlink");
    CHECK(text_of(link) == "Bakanlık sitesi");
    auto inner = link.parent().select_node("w:hyperlink[@w:anchor]").node();
    CHECK(std::string(inner.attribute("w:anchor").value()) == "_Toc_h_2");
    CHECK(link.parent().select_node("w:r/w:br"));

    // Control characters never reach the XML; tabs become w:tab; bold is w:b.
    const std::string& raw = p.parts.at("word/document.xml");
    CHECK(raw.find('\x01') == std::string::npos);
    CHECK(raw.find('\x1F') == std::string::npos);
    CHECK(raw.find("&#") == std::string::npos);
    std::string all;
    for (auto par : body.select_nodes("w:p")) all += text_of(par.node()) + "\n";
    CHECK(all.find("Son\u00ADcümle") == std::string::npos);
    auto body_paras = body.select_nodes("w:p[not(w:pPr/w:pStyle)]");
    REQUIRE(body_paras.size() >= 3);
    CHECK(text_of(body_paras[0].node()).find("kontrolkarakteri temizlenir.") != std::string::npos);
    CHECK(body_paras[0].node().select_node("w:r/w:tab"));
    CHECK(body_paras[0].node().select_node("w:r[w:rPr/w:b]"));
    CHECK(body_paras[0].node().select_node("w:r[w:rPr/w:i]"));
    std::string second = text_of(body_paras[2].node());
    CHECK(second == "Orta Koridor güzergâhındaki lojistik darboğazların giderilmesi için kapsamlı "
                    "değerlendirmeler yapılacaktır. Soncümle.");

    // No layout facts, no soft hyphens: they go only where the PDF hyphenated a line end
    // (the next test case), so the text carries no U+00AD.
    CHECK_FALSE(d.select_node("//w:softHyphen"));
    CHECK(raw.find("\u00AD") == std::string::npos);

    // Tables: the named style, a repeating header row, rows that do not split, widths in twips.
    auto tables = body.select_nodes("w:tbl");
    REQUIRE(tables.size() == 2);  // meta, figure table (the chart is a native chart: docx_chart.cpp)
    auto meta = tables[0].node();
    CHECK(std::string(meta.select_node("w:tblPr/w:tblStyle/@w:val").attribute().value()) == "BriefMetaTable");
    CHECK_FALSE(meta.select_node("w:tr/w:trPr/w:tblHeader"));
    CHECK(std::string(meta.select_node("w:tr/w:tc/w:p/w:pPr/w:pStyle/@w:val").attribute().value()) == "MetaLabel");
    auto t = tables[1].node();
    CHECK(std::string(t.select_node("w:tblPr/w:tblStyle/@w:val").attribute().value()) == "BriefTable");
    auto rows = t.select_nodes("w:tr");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].node().select_node("w:trPr/w:tblHeader"));
    CHECK_FALSE(rows[1].node().select_node("w:trPr/w:tblHeader"));
    for (auto r : rows) CHECK(r.node().select_node("w:trPr/w:cantSplit"));
    std::vector<int> grid;
    for (auto g : t.select_nodes("w:tblGrid/w:gridCol")) grid.push_back(g.node().attribute("w:w").as_int());
    CHECK(grid == std::vector<int>{5443, 1814, 1814});  // 3:1:1 of the 9071-twip text width
    CHECK(rows[1].node().select_node("w:tc[1]/w:tcPr/w:tcW/@w:w").attribute().as_int() == 5443);
    CHECK(std::string(rows[1].node().select_node("w:tc[2]/w:p/w:pPr/w:jc/@w:val").attribute().value()) == "right");
    CHECK_FALSE(rows[1].node().select_node("w:tc[1]/w:p/w:pPr/w:jc"));
    CHECK(std::string(rows[0].node().select_node("w:tc[1]/w:p/w:pPr/w:pStyle/@w:val").attribute().value()) ==
          "TableHeader");

    // Figures: caption, table, source; the chart as an inline drawing, then the note.
    auto caption = t.previous_sibling();
    CHECK(std::string(caption.select_node("w:pPr/w:pStyle/@w:val").attribute().value()) == "Caption");
    CHECK(text_of(caption) == "Tablo 1. Dış ticaret (milyon ABD doları)");
    CHECK(text_of(t.next_sibling()) == "Kaynak: TÜİK");
    auto chart = body.select_node("w:p[w:r/w:drawing]").node();
    REQUIRE(chart);
    CHECK(text_of(chart.previous_sibling()) == "Şekil 1. Yolcu sayısı");
    CHECK(text_of(chart.next_sibling()) == "Not: geçici veriler.");
    CHECK(std::string(chart.next_sibling().select_node("w:pPr/w:pStyle/@w:val").attribute().value()) == "Note");
    // The body ends with a paragraph, then the section properties.
    CHECK(std::string(body.last_child().name()) == "w:sectPr");
}

TEST_CASE("docx: numeric cells align on the decimal mark where the PDF's layout puts it") {
    doc::Document d = sample();
    const doc::Table* table = nullptr;
    for (const auto& b : d.blocks)
        if (auto* f = std::get_if<doc::Figure>(&b.v); f && f->table) table = &*f->table;
    REQUIRE(table);
    docx::Options o = options();
    o.layout.decimal_indents[&table->rows[1][1]] = 5.5;  // as if its fraction were a digit shorter
    core::Context ctx;
    auto doc = parse(unzip(docx::write_docx(d, o, ctx)), "word/document.xml");
    auto rows = doc.select_nodes("//w:tbl[w:tblPr/w:tblStyle/@w:val='BriefTable']/w:tr");
    REQUIRE(rows.size() == 3);
    auto ppr = [&](size_t r, size_t c) {
        return rows[r].node().select_node(("w:tc[" + std::to_string(c + 1) + "]/w:p/w:pPr").c_str()).node();
    };
    // Right-aligned, and indented on the right by as much as the PDF moved the number (twips).
    CHECK(ppr(1, 1).select_node("w:ind/@w:right").attribute().as_int() == 110);
    CHECK(std::string(ppr(1, 1).select_node("w:jc/@w:val").attribute().value()) == "right");
    CHECK(std::string(ppr(1, 1).last_child().name()) == "w:jc");  // after w:ind (schema order)
    // The others were not moved: flush right, as before; the header cell too.
    for (auto [r, c] : {std::pair<size_t, size_t>{2, 1}, {1, 2}, {2, 2}, {0, 1}}) {
        CAPTURE(r);
        CAPTURE(c);
        CHECK_FALSE(ppr(r, c).select_node("w:ind"));
        CHECK(std::string(ppr(r, c).select_node("w:jc/@w:val").attribute().value()) == "right");
    }
}

TEST_CASE("docx: section, header and footer") {
    const Package& p = sample_package();
    auto d = parse(p, "word/document.xml");
    auto sect = d.select_node("/w:document/w:body/w:sectPr").node();
    CHECK(sect.child("w:pgSz").attribute("w:w").as_int() == 11906);
    CHECK(sect.child("w:pgSz").attribute("w:h").as_int() == 16838);
    CHECK(sect.child("w:pgMar").attribute("w:left").as_int() == 1417);
    CHECK(sect.child("w:pgMar").attribute("w:header").as_int() == 680);
    CHECK(sect.child("w:titlePg"));
    CHECK(sect.select_nodes("w:headerReference").size() == 2);
    CHECK(sect.select_nodes("w:footerReference[@w:type='first']").size() == 1);

    auto footer = parse(p, "word/footer1.xml");
    auto fp = footer.select_node("/w:ftr/w:p").node();
    CHECK(std::string(fp.select_node("w:pPr/w:pStyle/@w:val").attribute().value()) == "Footer");
    auto instr = footer.select_nodes("//w:instrText");
    REQUIRE(instr.size() == 2);
    CHECK(std::string(instr[0].node().text().as_string()) == " PAGE ");
    CHECK(std::string(instr[1].node().text().as_string()) == " NUMPAGES ");
    CHECK(fp.select_nodes("w:r/w:tab").size() == 2);  // left, (empty centre), right
    CHECK(text_of(fp).find("HİZMETE ÖZEL") == 0);
    CHECK(text_of(fp).find("Sayfa 1 / 3") != std::string::npos);  // cached field results
    auto first_header = parse(p, "word/header2.xml");
    CHECK(text_of(first_header.select_node("/w:hdr/w:p").node()) == "HİZMETE ÖZEL");

    auto core = parse(p, "docProps/core.xml");
    CHECK(xpath_text(core, "/cp:coreProperties/dc:title") == "Türkiye-Kazakistan Ortak Stratejik Planlama Grubu");
    CHECK(xpath_text(core, "/cp:coreProperties/dc:creator") == "İkili Siyasi İşler Genel Müdürlüğü");
    CHECK(xpath_text(core, "/cp:coreProperties/dc:subject") == "OSPG-8");
    CHECK(xpath_text(core, "/cp:coreProperties/dc:language") == "tr-TR");
    CHECK(xpath_text(core, "/cp:coreProperties/dcterms:created") == "2026-02-02T00:00:00Z");
    CHECK(xpath_text(core, "/cp:coreProperties/dcterms:modified") == "2026-02-02T00:00:00Z");
    auto app = parse(p, "docProps/app.xml");
    CHECK(xpath_text(app, "/Properties/Pages") == "3");
}

TEST_CASE("docx: a soft hyphen exactly where the layout hyphenated a line end, nowhere else") {
    doc::Document d = sample();
    // The paragraph "Orta Koridor güzergâhındaki ...": its one span.
    const doc::Span* span = nullptr;
    for (const auto& b : d.blocks)
        if (const auto* p = std::get_if<doc::Paragraph>(&b.v))
            if (!p->content.empty() && p->content[0].text.starts_with("Orta Koridor güz")) span = &p->content[0];
    REQUIRE(span);
    docx::Options o = options();
    // "Orta Kori|dor güzergâhın|daki": code points 9 and 23 of the span's text; the span's
    // control characters (dropped from the DOCX) come later and do not shift them. A break after
    // them, before "cümle" (code point 113 counts \x01 and \x1F), lands where clean text has it.
    const size_t cumle = 113;
    REQUIRE(span->text.ends_with("cümle."));
    o.layout.hyphen_breaks = {{span, 9}, {span, 23}, {span, cumle}};
    core::Context ctx;
    auto p = unzip(docx::write_docx(d, o, ctx));
    auto doc = parse(p, "word/document.xml");
    CHECK(doc.select_nodes("//w:softHyphen").size() == 3);
    std::string pieces;
    for (auto par : doc.select_nodes("//w:p"))
        for (auto c : par.node().select_nodes(".//w:r/*")) {
            std::string name = c.node().name();
            if (name == "w:softHyphen") pieces += "|";
            else if (name == "w:t") pieces += c.node().text().as_string();
        }
    CHECK(pieces.find("Orta Kori|dor güzergâhın|daki lojistik") != std::string::npos);
    CHECK(pieces.find("Son|cümle.") != std::string::npos);
}
