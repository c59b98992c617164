// The reference document reader: styles through basedOn and docDefaults, theme fonts and colours
// (the theme wins over an explicit attribute, as in Word), the first section, the header's text
// and fields; and the refusals: not a zip, a zip bomb, macros, malformed XML, external targets.
// Documents made by programs nobody here wrote are checked in tests/integration/reference_doc.sh.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "docx/package.hpp"
#include "docx/reference.hpp"

using namespace briefmake;
using namespace briefmake::docx;

namespace {

const std::string W = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
                      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
const std::string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string rels(const std::string& body) {
    return R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" + body +
           "</Relationships>";
}

struct Doc {
    std::string content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    std::string styles = R"(<w:styles )" + W + R"(>
      <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:asciiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>
        <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="000000" w:themeColor="accent1"/></w:pBdr>
          <w:spacing w:before="240" w:after="0"/><w:jc w:val="center"/></w:pPr>
        <w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/><w:color w:val="FF0000" w:themeColor="accent1"/><w:sz w:val="32"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:basedOn w:val="Kop1"/>
        <w:pPr><w:pBdr><w:bottom w:val="nil"/></w:pBdr></w:pPr>
        <w:rPr><w:i/><w:b w:val="0"/><w:color w:val="123456"/><w:spacing w:val="20"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/></w:style>
      <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/><w:rPr><w:caps/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs></w:pPr></w:style>
    </w:styles>)";
    std::string theme = R"(<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements>
      <a:clrScheme name="x"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:accent1><a:srgbClr val="4F81BD"/></a:accent1></a:clrScheme>
      <a:fontScheme name="x"><a:majorFont><a:latin typeface="Cambria"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme>
      </a:themeElements></a:theme>)";
    std::string document = R"(<w:document )" + W + R"(><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>
      <w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>
      <w:pgMar w:top="1134" w:right="1417" w:bottom="1134" w:left="1984" w:header="567" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>)";
    std::string header = R"(<w:hdr )" + W + R"(><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>
      <w:r><w:t>MINISTRY</w:t></w:r><w:r><w:tab/></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">Page </w:t></w:r>
      <w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> of </w:t></w:r>
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES \* MERGEFORMAT </w:instrText></w:r>
      <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>)";
    std::string header_rels = rels("");
    std::vector<Part> extra;

    std::string zip() const {
        std::vector<Part> parts = {
            {"_rels/.rels", "", rels(R"(<Relationship Id="rId1" Type=")" + R + R"(officeDocument" Target="word/document.xml"/>)")},
            {"word/document.xml", content_type, document},
            {"word/_rels/document.xml.rels", "",
             rels(R"(<Relationship Id="rIdS" Type=")" + R + R"(styles" Target="styles.xml"/>)"
                  R"(<Relationship Id="rIdT" Type=")" + R + R"(theme" Target="theme/theme1.xml"/>)"
                  R"(<Relationship Id="rIdH" Type=")" + R + R"(header" Target="header1.xml"/>)")},
            {"word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", styles},
            {"word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml", theme},
            {"word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml", header},
            {"word/_rels/header1.xml.rels", "", header_rels},
        };
        parts.insert(parts.end(), extra.begin(), extra.end());
        return zip_package(parts);
    }
};

std::string error_of(const std::string& bytes, const ReferenceLimits& limits = {}) {
    try {
        parse_reference(bytes, "ministry.dotx", {}, limits);
    } catch (const core::Error& e) {
        CHECK(e.loc().file == "ministry.dotx");
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("styles resolve through basedOn, docDefaults and the theme") {
    Reference r = parse_reference(Doc{}.zip(), "ministry.dotx");
    const RefStyle* normal = r.normal();
    REQUIRE(normal);
    CHECK(normal->font == "Calibri");  // minorHAnsi beside ascii="Arial": the theme wins
    CHECK(normal->size == 11);
    CHECK(normal->space_after == 8);
    CHECK(normal->line_rule == RefStyle::LineRule::Auto);
    CHECK(normal->line == doctest::Approx(259.0 / 240));
    const RefStyle* h1 = r.by_name("Heading 1");  // Word matches names case-insensitively
    REQUIRE(h1);
    CHECK(h1->id == "Kop1");
    CHECK(h1->font == "Cambria");
    CHECK(h1->size == 16);
    CHECK(h1->bold);
    CHECK(h1->keep_with_next);
    CHECK(h1->align == "center");
    CHECK(h1->space_before == 12);
    CHECK(h1->space_after == 0);
    REQUIRE(h1->color);
    CHECK(*h1->color == RefColor{0x4F, 0x81, 0xBD});  // themeColor wins over val
    const RefStyle* h2 = r.by_name("heading 2");
    REQUIRE(h2);
    CHECK(h2->size == 16);  // from heading 1
    CHECK(h2->font == "Cambria");
    CHECK_FALSE(h2->bold);
    CHECK(h2->italic);
    CHECK(*h2->color == RefColor{0x12, 0x34, 0x56});
    CHECK(h2->letter_spacing == 1);
    CHECK(h1->letter_spacing == 0);
    // A bottom border: 8 eighths (1 pt), 4 pt below the text, its colour the theme's.
    REQUIRE(h1->border_bottom);
    CHECK(h1->border_bottom->width == 1);
    CHECK(h1->border_bottom->space == 4);
    CHECK(h1->border_bottom->color == RefColor{0x4F, 0x81, 0xBD});
    CHECK_FALSE(h2->border_bottom);  // "nil" turns the base's off
    CHECK_FALSE(normal->border_bottom);
    CHECK(h2->space_after == 0);
    CHECK(r.by_name("Loop B"));  // a basedOn loop ends; it does not hang
}

TEST_CASE("the first section's page and its header") {
    Reference r = parse_reference(Doc{}.zip(), "ministry.dotx");
    CHECK(r.page.width == doctest::Approx(841.9));
    CHECK(r.page.height == doctest::Approx(595.3));
    CHECK(r.page.left == doctest::Approx(99.2));
    CHECK(r.page.top == doctest::Approx(56.7));
    CHECK(r.page.header == doctest::Approx(28.35));
    REQUIRE(r.header);
    CHECK_FALSE(r.footer);
    REQUIRE(r.header->paragraphs.size() == 1);
    const RefParagraph& p = r.header->paragraphs[0];
    REQUIRE(p.tabs.size() == 2);
    CHECK(p.tabs[1].kind == "right");
    std::vector<RefRun::Kind> kinds;
    for (const auto& run : p.runs) kinds.push_back(run.kind);
    using K = RefRun::Kind;
    CHECK(kinds == std::vector<K>{K::Text, K::Tab, K::Tab, K::Text, K::Page, K::Text, K::Pages});
    CHECK(p.runs[0].text == "MINISTRY");
    CHECK(p.runs[3].text == "Page ");
}

TEST_CASE("hostile references are refused, naming the file and the part") {
    CHECK(error_of("plain text, not a zip").find("not a zip") != std::string::npos);
    {
        Doc d;
        d.styles = d.styles.substr(0, d.styles.size() / 2);
        std::string e = error_of(d.zip());
        CHECK(e.find("word/styles.xml") != std::string::npos);
        CHECK(e.find("ministry.dotx") != std::string::npos);
    }
    {
        Doc d;
        d.content_type = "application/vnd.ms-word.document.macroEnabled.main+xml";
        CHECK(error_of(d.zip()).find("macro") != std::string::npos);
    }
    {
        Doc d;
        d.extra.push_back({"word/vbaProject.bin", "application/vnd.ms-office.vbaProject", "x"});
        CHECK(error_of(d.zip()).find("macro") != std::string::npos);
    }
    {
        Doc d;
        d.header_rels = rels(R"(<Relationship Id="rIdI" Type=")" + R +
                             R"(image" Target="http://example.org/logo.png" TargetMode="External"/>)");
        std::string e = error_of(d.zip());
        CHECK(e.find("external") != std::string::npos);
        CHECK(e.find("word/header1.xml") != std::string::npos);
    }
    {
        Doc d;
        d.extra.push_back({"word/media/zeros.bin", "", std::string(4 << 20, '\0')});
        std::string e = error_of(d.zip());
        CHECK(e.find("zip bomb") != std::string::npos);
        CHECK(e.find("word/media/zeros.bin") != std::string::npos);
        ReferenceLimits small;
        small.max_part = 1000;
        CHECK(error_of(Doc{}.zip(), small).find("zip bomb") != std::string::npos);
    }
}

TEST_CASE("parts we do not take are never read") {
    Doc d;
    // A malformed settings part and an external attached template: neither is opened.
    d.extra.push_back({"word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml", "<w:settings"});
    d.extra.push_back({"word/_rels/settings.xml.rels", "",
                       rels(R"(<Relationship Id="rId1" Type=")" + R +
                            R"(attachedTemplate" Target="http://example.org/evil.dotm" TargetMode="External"/>)")});
    CHECK_NOTHROW(parse_reference(d.zip(), "ministry.dotx"));
}

TEST_CASE("the table style: the default one that says something, through basedOn") {
    Doc d;
    const std::string tables = R"(
      <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>
      <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
        <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
      <w:style w:type="table" w:styleId="Base"><w:name w:val="Ministry Base"/><w:rPr><w:sz w:val="18"/></w:rPr>
        <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="112233"/><w:left w:val="single" w:sz="12" w:color="445566"/>
          <w:insideH w:val="nil"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>
        <w:tblStylePr w:type="band1Horz"><w:tcPr><w:shd w:val="clear" w:fill="EEEEEE"/></w:tcPr></w:tblStylePr></w:style>
      <w:style w:type="table" w:styleId="Bakanlik"><w:name w:val="Ministry Table"/><w:basedOn w:val="Base"/>
        <w:tblPr><w:tblBorders><w:right w:val="double" w:sz="6" w:color="778899"/><w:insideV w:val="none"/></w:tblBorders></w:tblPr>
        <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
          <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="4F81BD"/></w:tcPr></w:tblStylePr></w:style>
    </w:styles>)";
    d.styles.replace(d.styles.rfind("</w:styles>"), std::string::npos, tables);
    // Neither "Normal Table" nor a "Table Grid" with automatic rules says anything: no style.
    Reference none = parse_reference(d.zip(), "a.docx");
    CHECK(none.table_style() == nullptr);
    // The default table style, resolved through its base.
    d.styles.replace(d.styles.find(R"(w:default="1" w:styleId="TableNormal")"), 37, R"(w:styleId="TableNormal"      )");
    d.styles.replace(d.styles.find(R"(w:styleId="Bakanlik")"), 20, R"(w:default="1" w:styleId="Bakanlik")");
    Reference r = parse_reference(d.zip(), "b.docx");
    const RefStyle* t = r.table_style();
    REQUIRE(t);
    CHECK(t->id == "Bakanlik");
    CHECK(t->sets_size);
    CHECK_FALSE(t->sets_font);
    CHECK(t->size == 9);
    CHECK(t->border_color == RefColor{0x11, 0x22, 0x33});  // insideH is nil: the top's
    CHECK(t->header_fill == RefColor{0x4F, 0x81, 0xBD});
    CHECK(t->header_color == RefColor{0xFF, 0xFF, 0xFF});
    CHECK(t->header_bold == true);
    CHECK(t->band_fill == RefColor{0xEE, 0xEE, 0xEE});
    // Vertical rules side by side through basedOn: the base's left (12 eighths: 1.5 pt), its own
    // right; the base's insideV turned off ("none").
    REQUIRE(t->rule_left);
    CHECK(t->rule_left->width == 1.5);
    CHECK(t->rule_left->color == RefColor{0x44, 0x55, 0x66});
    REQUIRE(t->rule_right);
    CHECK(t->rule_right->width == 0.75);
    CHECK(t->rule_right->color == RefColor{0x77, 0x88, 0x99});
    CHECK_FALSE(t->rule_inside_v);
    const RefStyle* base = r.by_id("Base");
    REQUIRE(base);
    REQUIRE(base->rule_inside_v);
    CHECK(base->rule_inside_v->width == 0.5);
    CHECK_FALSE(base->rule_inside_v->color);  // no colour: automatic
    CHECK_FALSE(base->rule_right);
}
