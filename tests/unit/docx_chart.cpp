// Native DOCX charts: chart parts and embedded workbooks as parsed XML (pugixml), number format
// codes, axis scaling, and how write_docx hooks them into the package.
#include <doctest/doctest.h>
#include <pugixml.hpp>
#include <zip.h>

#include <map>
#include <string>
#include <vector>

#include "docx/chart.hpp"
#include "docx/workbook.hpp"
#include "docx/writer.hpp"
#include "doc/merge.hpp"
#include "spec/reader.hpp"
#include "zip_parts.hpp"

using namespace briefmake;

namespace {

using Zip = test::ZipParts;
using test::read_zip;

pugi::xml_document parse_xml(const std::string& text) {
    pugi::xml_document doc;
    auto r = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    REQUIRE_MESSAGE(r, "not well-formed: " << r.description() << " at " << r.offset);
    return doc;
}

pugi::xml_document part(const Zip& z, const std::string& name) {
    auto it = z.parts.find(name);
    REQUIRE_MESSAGE(it != z.parts.end(), "missing part " << name);
    return parse_xml(it->second);
}

std::string at(const pugi::xml_node& n, const char* xpath) {
    auto x = n.select_node(xpath);
    if (x.attribute()) return x.attribute().value();
    return x.node().text().as_string();
}

std::vector<std::string> all(const pugi::xml_node& n, const char* xpath) {
    std::vector<std::string> out;
    for (auto x : n.select_nodes(xpath)) out.push_back(x.attribute() ? x.attribute().value() : x.node().text().as_string());
    return out;
}

doc::Chart bar_chart() {
    doc::Chart c;
    c.kind = spec::FigureKind::Bar;
    c.categories = {"Makine, cihaz", "Tekstil", "Gıda"};
    c.series = {{"2024", {1234.56, 842.1, 506.35}, {"1.234,56", "842,10", "506,35"}},
                {"2025", {1518.75, 977.2, 612.4}, {"1.518,75", "977,20", "612,40"}}};
    c.value_axis_title = "milyon $";
    c.decimals = 2;
    return c;
}

docx::ChartLook look_tr() {
    docx::ChartLook look;
    look.locale = "tr-TR";
    look.palette = {{0x1F, 0x38, 0x64}, {0xC0, 0x50, 0x4D}, {0x9B, 0xBB, 0x59}};
    look.font = "Times New Roman";
    return look;
}

}  // namespace

TEST_CASE("docx chart: number format codes name the locale, so LibreOffice uses its decimal mark") {
    CHECK(docx::number_format_code(2, "tr-TR") == "[$-41F]#,##0.00");
    CHECK(docx::number_format_code(0, "tr-TR") == "[$-41F]#,##0");
    CHECK(docx::number_format_code(1, "en-GB") == "[$-809]#,##0.0");
    CHECK(docx::number_format_code(3, "en-US") == "[$-409]#,##0.000");
    CHECK(docx::number_format_code(2, "ru-RU") == "[$-419]#,##0.00");
    CHECK(docx::number_format_code(2, "kk-KZ") == "[$-43F]#,##0.00");
    CHECK(docx::number_format_code(2, "xx-YY") == "#,##0.00");  // unknown: no locale, plain code
}

TEST_CASE("docx chart: decimals from the figure, else as many as the values need") {
    doc::Chart c = bar_chart();
    CHECK(docx::value_decimals(c) == 2);
    c.decimals = 0;
    CHECK(docx::value_decimals(c) == 0);
    c.decimals = -1;
    c.series = {{"a", {1.5, 2.25, 3}, {}}};
    CHECK(docx::value_decimals(c) == 2);
    c.series = {{"a", {3, 40, 1200}, {}}};
    CHECK(docx::value_decimals(c) == 0);
    c.series = {{"a", {0.1, 0.7}, {}}};  // binary fractions must not ask for 17 digits
    CHECK(docx::value_decimals(c) == 1);
}

namespace {
// The figure of a one-figure brief in `lang`, merged with the default template.
doc::Figure merged_figure(const std::string& figure, const std::string& lang) {
    core::Context ctx;
    ctx.resource_dir = BRIEFMAKE_SOURCE_DIR;
    std::string yaml = "brief: 1\ntitle: T\nlanguage: " + lang +
                       "\nmeeting: {name: M, date: 2026-02-02}\nagenda: []\nfigures:\n" + figure;
    auto b = spec::parse_brief(yaml, "b.yaml", ".", ctx);
    auto t = tmpl::load_template("default", ".", {}, ctx);
    for (const auto& blk : doc::merge(b, t, ctx).blocks)
        if (auto* f = std::get_if<doc::Figure>(&blk.v)) return *f;
    FAIL("no figure in the merged brief");
    return {};
}

doc::Chart merged_chart(const std::string& figure, const std::string& lang) {
    auto f = merged_figure(figure, lang);
    REQUIRE(f.chart);
    return *f.chart;
}

std::string caption_text(const doc::Figure& f) {
    std::string s;
    for (const auto& span : f.caption) s += span.text;
    return s;
}
}  // namespace

TEST_CASE("docx chart: without `decimals`, the labels show what the PDF shows, one number of decimals a chart") {
    // The PDF prints the merged labels; the DOCX prints the values in its number format. Both
    // used to differ: -3,5 / 2,25 / 0,125 in the PDF, -3,500 / 2,250 / 0,125 in the DOCX.
    auto c = merged_chart("  - {id: a, title: A, kind: bar, categories: [x, y, z],\n"
                          "     series: [{name: s, values: [-3.5, 2.25, 0.125]}]}\n",
                          "tr");
    CHECK(c.decimals == 3);
    CHECK(c.series[0].labels == std::vector<std::string>{"-3,500", "2,250", "0,125"});
    CHECK(docx::value_decimals(c) == 3);
    auto x = parse_xml(docx::chart_xml(c, look_tr(), "rId1"));
    CHECK(at(x, "//c:ser/c:dLbls/c:numFmt/@formatCode") == "[$-41F]#,##0.000");
    CHECK(at(x, "//c:ser/c:val/c:numRef/c:numCache/c:formatCode") == "[$-41F]#,##0.000");

    // At most three decimals unless the figure asks for more; whole numbers get none.
    c = merged_chart("  - {id: a, title: A, kind: line, categories: [x, y],\n"
                     "     series: [{name: s, values: [0.123456, 1]}, {name: t, values: [2.5, 3]}]}\n",
                     "en");
    CHECK(c.decimals == 3);
    CHECK(c.series[0].labels == std::vector<std::string>{"0.123", "1.000"});
    CHECK(c.series[1].labels == std::vector<std::string>{"2.500", "3.000"});
    c = merged_chart("  - {id: a, title: A, kind: pie, categories: [x, y],\n"
                     "     series: [{name: s, values: [3000, 40]}]}\n",
                     "en");
    CHECK(c.decimals == 0);
    CHECK(c.series[0].labels == std::vector<std::string>{"3,000", "40"});
    // The figure's own `decimals` wins.
    c = merged_chart("  - {id: a, title: A, kind: bar, categories: [x], decimals: 4,\n"
                     "     series: [{name: s, values: [0.5]}]}\n",
                     "en");
    CHECK(c.decimals == 4);
    CHECK(c.series[0].labels == std::vector<std::string>{"0.5000"});
}

TEST_CASE("docx chart: a pie keeps its unit (in the caption) and labels each slice with value and share, as the PDF") {
    const std::string pie = "  - {id: p, title: Pay, kind: pie, unit: milyon $, decimals: 2, categories: [A, B, C, D],\n"
                            "     series: [{name: s, values: [45.3, 25.75, 20, 8.95]}]}\n";
    auto f = merged_figure(pie, "tr");
    CHECK(caption_text(f) == "Şekil 1. Pay (milyon $)");
    REQUIRE(f.chart);
    CHECK(f.chart->shares == std::vector<std::string>{"%45,3", "%25,8", "%20,0", "%9,0"});
    auto x = parse_xml(docx::chart_xml(*f.chart, look_tr(), "rId1"));
    auto dls = x.select_nodes("//c:pieChart/c:ser/c:dLbls/c:dLbl");
    REQUIRE(dls.size() == 4);
    std::vector<std::string> texts;
    for (auto d : dls) {
        std::string t;
        for (auto r : d.node().select_nodes("c:tx/c:rich/a:p/a:r/a:t")) t += r.node().text().as_string();
        texts.push_back(t);
        CHECK(at(d.node(), "c:dLblPos/@val") == "outEnd");
    }
    CHECK(texts == std::vector<std::string>{"45,30 (%45,3)", "25,75 (%25,8)", "20,00 (%20,0)", "8,95 (%9,0)"});
    CHECK(at(x, "//c:pieChart/c:ser/c:dLbl[1]/c:idx/@val") == "");  // c:dLbl lives in c:dLbls
    CHECK(all(x, "//c:pieChart/c:ser/c:dLbls/c:dLbl/c:idx/@val") == std::vector<std::string>{"0", "1", "2", "3"});

    f = merged_figure(pie, "en");
    CHECK(caption_text(f) == "Figure 1. Pay (milyon $)");
    CHECK(f.chart->shares == std::vector<std::string>{"45.3%", "25.8%", "20.0%", "9.0%"});
    // Bars and lines show the unit on their value axis, not in the caption.
    f = merged_figure("  - {id: b, title: Pay, kind: bar, unit: milyon $, categories: [A], series: [{name: s, values: [1]}]}\n",
                      "tr");
    CHECK(caption_text(f) == "Şekil 1. Pay");
    CHECK(f.chart->value_axis_title == "milyon $");
    CHECK(f.chart->shares.empty());
}

TEST_CASE("docx chart: the value axis starts at 0 for positive data and uses round steps, like the PDF") {
    doc::Chart c;
    c.series = {{"s", {2.91, 6.04, 8.95}, {}}};
    auto a = docx::value_axis(c);
    CHECK(a.min == 0);
    CHECK(a.max == 10);
    CHECK(a.step == 2);
    CHECK(a.decimals == 0);
    c.series = {{"s", {-3, 7}, {}}};
    a = docx::value_axis(c);
    CHECK(a.min == -4);
    CHECK(a.max == 8);
    CHECK(a.step == 2);
    c.series = {{"s", {0.12, 0.31}, {}}};
    a = docx::value_axis(c);
    CHECK(a.step == doctest::Approx(0.1));
    CHECK(a.max == doctest::Approx(0.4));
    CHECK(a.decimals == 1);
    CHECK(docx::number_text(a.step) == "0.1");  // tidied: no 0.30000000000000004 in the XML
}

TEST_CASE("docx chart: sheet references and numbers are locale-free spreadsheet text") {
    CHECK(docx::column_letters(0) == "A");
    CHECK(docx::column_letters(25) == "Z");
    CHECK(docx::column_letters(26) == "AA");
    CHECK(docx::column_letters(27) == "AB");
    CHECK(docx::column_letters(701) == "ZZ");
    CHECK(docx::column_letters(702) == "AAA");
    CHECK(docx::sheet_range(0, 1, 3) == "Sheet1!$A$2:$A$4");
    CHECK(docx::sheet_range(2, 0, 0) == "Sheet1!$C$1");
    CHECK(docx::number_text(1234.56) == "1234.56");
    CHECK(docx::number_text(-0.5) == "-0.5");
    CHECK(docx::number_text(3000) == "3000");
    CHECK(docx::number_text(-0.0) == "0");
    CHECK(docx::number_text(0.1 + 0.2) == "0.30000000000000004");  // exact round trip
}

TEST_CASE("docx chart: a grouped bar chart with caches, formulas, colours, axes, legend and language") {
    auto d = parse_xml(docx::chart_xml(bar_chart(), look_tr(), "rId1"));
    auto cs = d.child("c:chartSpace");
    REQUIRE(cs);
    CHECK(std::string(cs.attribute("xmlns:c").value()) == docx::kNsC);
    CHECK(at(cs, "c:lang/@val") == "tr-TR");
    CHECK(at(cs, "c:externalData/@r:id") == "rId1");
    CHECK(at(cs, "c:externalData/c:autoUpdate/@val") == "0");
    CHECK(at(cs, "c:chart/c:autoTitleDeleted/@val") == "1");
    CHECK(at(cs, "c:txPr/a:p/a:pPr/a:defRPr/@lang") == "tr-TR");
    CHECK(at(cs, "c:txPr/a:p/a:pPr/a:defRPr/a:latin/@typeface") == "Times New Roman");

    auto bar = cs.select_node("c:chart/c:plotArea/c:barChart").node();
    REQUIRE(bar);
    CHECK(at(bar, "c:barDir/@val") == "col");
    CHECK(at(bar, "c:grouping/@val") == "clustered");
    auto sers = bar.select_nodes("c:ser");
    REQUIRE(sers.size() == 2);
    auto s1 = sers[1].node();
    CHECK(at(s1, "c:idx/@val") == "1");
    CHECK(at(s1, "c:tx/c:strRef/c:f") == "Sheet1!$C$1");
    CHECK(at(s1, "c:tx/c:strRef/c:strCache/c:pt/c:v") == "2025");
    CHECK(at(s1, "c:spPr/a:solidFill/a:srgbClr/@val") == "C0504D");
    CHECK(at(sers[0].node(), "c:spPr/a:solidFill/a:srgbClr/@val") == "1F3864");
    CHECK(at(s1, "c:cat/c:strRef/c:f") == "Sheet1!$A$2:$A$4");
    CHECK(at(s1, "c:cat/c:strRef/c:strCache/c:ptCount/@val") == "3");
    CHECK(all(s1, "c:cat/c:strRef/c:strCache/c:pt/c:v") == std::vector<std::string>{"Makine, cihaz", "Tekstil", "Gıda"});
    CHECK(at(s1, "c:val/c:numRef/c:f") == "Sheet1!$C$2:$C$4");
    CHECK(at(s1, "c:val/c:numRef/c:numCache/c:formatCode") == "[$-41F]#,##0.00");
    CHECK(all(s1, "c:val/c:numRef/c:numCache/c:pt/c:v") == std::vector<std::string>{"1518.75", "977.2", "612.4"});
    CHECK(all(s1, "c:val/c:numRef/c:numCache/c:pt/@idx") == std::vector<std::string>{"0", "1", "2"});
    // Data labels: the values, in the chart's format (not linked to the sheet's).
    CHECK(at(s1, "c:dLbls/c:showVal/@val") == "1");
    CHECK(at(s1, "c:dLbls/c:numFmt/@formatCode") == "[$-41F]#,##0.00");
    CHECK(at(s1, "c:dLbls/c:numFmt/@sourceLinked") == "0");
    CHECK(at(s1, "c:dLbls/c:txPr/a:p/a:pPr/a:defRPr/@lang") == "tr-TR");
    // Schema order inside c:ser: tx, spPr, invertIfNegative, dLbls, cat, val.
    std::vector<std::string> order;
    for (auto ch : s1.children()) order.push_back(ch.name());
    CHECK(order == std::vector<std::string>{"c:idx", "c:order", "c:tx", "c:spPr", "c:invertIfNegative", "c:dLbls",
                                            "c:cat", "c:val"});

    // Axes: ids cross-linked; the value axis has light grey gridlines, the unit as its title,
    // round bounds and a number format.
    auto plot = cs.select_node("c:chart/c:plotArea").node();
    auto ids = all(bar, "c:axId/@val");
    REQUIRE(ids.size() == 2);
    CHECK(at(plot, "c:catAx/c:axId/@val") == ids[0]);
    CHECK(at(plot, "c:catAx/c:crossAx/@val") == ids[1]);
    CHECK(at(plot, "c:valAx/c:axId/@val") == ids[1]);
    CHECK(at(plot, "c:valAx/c:crossAx/@val") == ids[0]);
    CHECK(at(plot, "c:valAx/c:majorGridlines/c:spPr/a:ln/a:solidFill/a:srgbClr/@val") == "D9D9D9");
    CHECK(at(plot, "c:valAx/c:title/c:tx/c:rich/a:p/a:r/a:t") == "milyon $");
    CHECK(at(plot, "c:valAx/c:title/c:tx/c:rich/a:p/a:r/a:rPr/@lang") == "tr-TR");
    CHECK(at(plot, "c:valAx/c:scaling/c:min/@val") == "0");
    CHECK(at(plot, "c:valAx/c:scaling/c:max/@val") == "2000");
    CHECK(at(plot, "c:valAx/c:majorUnit/@val") == "500");
    CHECK(at(plot, "c:valAx/c:numFmt/@formatCode") == "[$-41F]#,##0");
    CHECK(at(plot, "c:valAx/c:numFmt/@sourceLinked") == "0");
    // Two series: a legend.
    CHECK(at(cs, "c:chart/c:legend/c:legendPos/@val") == "b");
}

TEST_CASE("docx chart: one series has no legend; labels shrink to fit narrow grouped bars") {
    doc::Chart c = bar_chart();
    c.series.resize(1);
    auto d = parse_xml(docx::chart_xml(c, look_tr(), "rId1"));
    CHECK_FALSE(d.select_node("//c:legend"));
    std::string wide = at(d, "//c:ser/c:dLbls/c:txPr/a:p/a:pPr/a:defRPr/@sz");

    doc::Chart many = bar_chart();
    for (int k = 0; k < 3; ++k) many.series.push_back(many.series[0]);
    many.categories = {"a", "b", "c", "d", "e", "f"};
    for (auto& s : many.series) {
        s.values.assign(6, 1234.56);
        s.labels.assign(6, "1.234,56");
    }
    auto m = parse_xml(docx::chart_xml(many, look_tr(), "rId1"));
    std::string narrow = at(m, "//c:ser/c:dLbls/c:txPr/a:p/a:pPr/a:defRPr/@sz");
    CHECK(std::stoi(narrow) < std::stoi(wide));
    CHECK(std::stoi(narrow) >= 500);  // never below 5 pt, the PDF's smallest
    CHECK(m.select_nodes("//c:ser/c:spPr/a:solidFill/a:srgbClr[@val='1F3864']").size() == 2);  // palette cycles
}

TEST_CASE("docx chart: a bar chart the PDF drew without value labels (no room) has none either") {
    doc::Chart c = bar_chart();
    docx::ChartLook look = look_tr();
    look.value_labels = false;
    auto x = parse_xml(docx::chart_xml(c, look, "rId1"));
    CHECK(x.select_nodes("//c:barChart/c:ser/c:dLbls/c:delete[@val='1']").size() == 2);
    CHECK_FALSE(x.select_node("//c:barChart/c:ser/c:dLbls/c:showVal"));

    // Through write_docx: the layout names the chart in the options.
    doc::Document d;
    d.meta.language = "tr";
    d.meta.locale = "tr-TR";
    doc::Figure f;
    f.id = "g";
    f.kind = spec::FigureKind::Bar;
    f.caption = {doc::Span{"Şekil 1. Ticaret", 0, {}, false}};
    f.chart = bar_chart();
    d.blocks.push_back({f, {}});
    d.blocks.push_back({f, {}});
    const doc::Chart* first = &*std::get<doc::Figure>(d.blocks[0].v).chart;
    docx::Options o;
    o.layout.unlabelled_charts.insert(first);
    core::Context ctx;
    Zip z = read_zip(docx::write_docx(d, o, ctx));
    auto one = part(z, "word/charts/chart1.xml"), two = part(z, "word/charts/chart2.xml");
    CHECK(one.select_nodes("//c:ser/c:dLbls/c:delete[@val='1']").size() == 2);
    CHECK(two.select_nodes("//c:ser/c:dLbls/c:delete").size() == 0);
    CHECK(two.select_nodes("//c:ser/c:dLbls/c:showVal[@val='1']").size() == 2);
}

TEST_CASE("docx chart: line chart with markers; two series put the lower line's values below it") {
    doc::Chart c;
    c.kind = spec::FigureKind::Line;
    c.categories = {"Ocak", "Şubat", "Mart"};
    c.series = {{"2025", {118.6, 104.2, 127.95}, {}}, {"2024", {112.4, 98.75, 120.5}, {}}};
    c.decimals = 2;
    auto d = parse_xml(docx::chart_xml(c, look_tr(), "rId1"));
    auto lc = d.select_node("//c:plotArea/c:lineChart").node();
    REQUIRE(lc);
    CHECK(at(lc, "c:grouping/@val") == "standard");
    CHECK(at(lc, "c:marker/@val") == "1");
    auto sers = lc.select_nodes("c:ser");
    REQUIRE(sers.size() == 2);
    CHECK(at(sers[0].node(), "c:spPr/a:ln/a:solidFill/a:srgbClr/@val") == "1F3864");
    CHECK(at(sers[0].node(), "c:marker/c:symbol/@val") == "square");
    CHECK(at(sers[0].node(), "c:dLbls/c:dLblPos/@val") == "t");
    CHECK(at(sers[1].node(), "c:dLbls/c:dLblPos/@val") == "b");
    CHECK(d.select_node("//c:valAx"));
    CHECK(d.select_node("//c:catAx"));
    CHECK_FALSE(d.select_node("//c:valAx/c:title"));  // no unit, no axis title

    c.series.push_back({"2023", {100, 90, 110}, {}});
    auto three = parse_xml(docx::chart_xml(c, look_tr(), "rId1"));
    CHECK(three.select_nodes("//c:ser/c:dLbls/c:delete[@val='1']").size() == 3);  // would collide
}

TEST_CASE("docx chart: pie chart with a colour per slice, values outside, a legend, no axes") {
    doc::Chart c;
    c.kind = spec::FigureKind::Pie;
    c.categories = {"İnşaat", "Enerji", "Gıda ve tarım", "Madencilik"};
    c.series = {{"Pay", {45.3, 25.75, 20, 8.95}, {}}};
    c.decimals = 2;
    auto d = parse_xml(docx::chart_xml(c, look_tr(), "rId1"));
    auto pie = d.select_node("//c:plotArea/c:pieChart").node();
    REQUIRE(pie);
    CHECK(at(pie, "c:varyColors/@val") == "1");
    CHECK(all(pie, "c:ser/c:dPt/c:spPr/a:solidFill/a:srgbClr/@val") ==
          std::vector<std::string>{"1F3864", "C0504D", "9BBB59", "1F3864"});
    CHECK(at(pie, "c:ser/c:dLbls/c:dLblPos/@val") == "outEnd");
    CHECK(all(pie, "c:ser/c:val/c:numRef/c:numCache/c:pt/c:v") == std::vector<std::string>{"45.3", "25.75", "20", "8.95"});
    CHECK_FALSE(d.select_node("//c:valAx"));
    CHECK_FALSE(d.select_node("//c:catAx"));
    CHECK_FALSE(pie.select_node("c:axId"));
    CHECK(at(d, "//c:legend/c:legendPos/@val") == "r");
}

TEST_CASE("docx chart: the embedded workbook holds the chart's data where the formulas point") {
    doc::Chart c = bar_chart();
    std::string bytes = docx::chart_workbook(c, "[$-41F]#,##0.00");
    CHECK(bytes == docx::chart_workbook(c, "[$-41F]#,##0.00"));  // deterministic
    Zip z = read_zip(bytes);
    REQUIRE(!z.names.empty());
    CHECK(z.names[0] == "[Content_Types].xml");
    auto types = part(z, "[Content_Types].xml");
    CHECK(at(types, "//*[local-name()='Override'][@PartName='/xl/workbook.xml']/@ContentType") ==
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    CHECK(at(types, "//*[local-name()='Override'][@PartName='/xl/worksheets/sheet1.xml']/@ContentType") ==
          "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
    auto rels = part(z, "_rels/.rels");
    CHECK(at(rels, "//*[local-name()='Relationship']/@Target") == "xl/workbook.xml");
    auto wb = part(z, "xl/workbook.xml");
    CHECK(at(wb, "//*[local-name()='sheet']/@name") == "Sheet1");
    std::string sheet_rid = at(wb, "//*[local-name()='sheet']/@r:id");
    auto wb_rels = part(z, "xl/_rels/workbook.xml.rels");
    std::string xp = "//*[local-name()='Relationship'][@Id='" + sheet_rid + "']/@Target";
    CHECK(at(wb_rels, xp.c_str()) == "worksheets/sheet1.xml");
    auto styles = part(z, "xl/styles.xml");
    CHECK(at(styles, "//*[local-name()='numFmt']/@formatCode") == "[$-41F]#,##0.00");

    // Cells by reference, shared strings resolved.
    auto sst = part(z, "xl/sharedStrings.xml");
    std::vector<std::string> strings = all(sst, "//*[local-name()='si']/*[local-name()='t']");
    auto sheet = part(z, "xl/worksheets/sheet1.xml");
    std::map<std::string, std::string> cells;
    for (auto x : sheet.select_nodes("//*[local-name()='c']")) {
        auto cell = x.node();
        std::string v = cell.child("v").text().as_string();
        if (std::string(cell.attribute("t").value()) == "s") v = strings.at(std::stoul(v));
        cells[cell.attribute("r").value()] = v;
    }
    CHECK(cells["B1"] == "2024");
    CHECK(cells["C1"] == "2025");
    CHECK(cells["A2"] == "Makine, cihaz");
    CHECK(cells["A4"] == "Gıda");
    CHECK(cells["B2"] == "1234.56");
    CHECK(cells["C4"] == "612.4");
    CHECK(cells.count("A1") == 0);
    CHECK(at(sheet, "//*[local-name()='dimension']/@ref") == "A1:C4");
    CHECK(at(sheet, "//*[local-name()='c'][@r='C3']/@s") == "1");  // the number format's xf
}

TEST_CASE("docx chart: write_docx puts each chart in an inline drawing with its parts and relationships") {
    doc::Document d;
    d.meta.language = "tr";
    d.meta.locale = "tr-TR";
    d.tmpl.page.margin_left = d.tmpl.page.margin_right = 70.866;
    d.tmpl.chart_palette = {{0x1F, 0x38, 0x64}, {0xC0, 0x50, 0x4D}};
    tmpl::Style body;
    body.docx_name = "Normal";
    d.tmpl.styles["body"] = body;
    tmpl::Style caption;
    caption.docx_name = "Caption";
    d.tmpl.styles["caption"] = caption;
    for (int k = 1; k <= 2; ++k) {
        doc::Figure f;
        f.id = "g" + std::to_string(k);
        f.kind = spec::FigureKind::Bar;
        f.label = "Şekil " + std::to_string(k);
        f.caption = {doc::Span{"Şekil " + std::to_string(k) + ". Ticaret", 0, {}, false}};
        f.chart = bar_chart();
        d.blocks.push_back({f, {}});
    }
    core::Context ctx;
    std::string bytes = docx::write_docx(d, {}, ctx);
    CHECK(bytes == docx::write_docx(d, {}, ctx));
    Zip z = read_zip(bytes);
    for (const char* name : {"word/charts/chart1.xml", "word/charts/chart2.xml", "word/charts/_rels/chart1.xml.rels",
                             "word/embeddings/Microsoft_Excel_Worksheet1.xlsx",
                             "word/embeddings/Microsoft_Excel_Worksheet2.xlsx"})
        CHECK_MESSAGE(z.parts.count(name) == 1, "missing " << name);

    auto types = part(z, "[Content_Types].xml");
    CHECK(at(types, "//*[@PartName='/word/charts/chart2.xml']/@ContentType") == docx::kChartContentType);
    CHECK(at(types, "//*[@PartName='/word/embeddings/Microsoft_Excel_Worksheet1.xlsx']/@ContentType") ==
          docx::kXlsxContentType);
    auto chart_rels = part(z, "word/charts/_rels/chart1.xml.rels");
    CHECK(at(chart_rels, "//*[local-name()='Relationship']/@Type") ==
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package");
    CHECK(at(chart_rels, "//*[local-name()='Relationship']/@Target") == "../embeddings/Microsoft_Excel_Worksheet1.xlsx");
    auto chart1 = part(z, "word/charts/chart1.xml");
    CHECK(at(chart1, "//c:externalData/@r:id") == at(chart_rels, "//*[local-name()='Relationship']/@Id"));
    read_zip(z.parts["word/embeddings/Microsoft_Excel_Worksheet2.xlsx"]);  // a readable zip

    auto doc = part(z, "word/document.xml");
    auto rels = part(z, "word/_rels/document.xml.rels");
    auto inlines = doc.select_nodes("//w:p/w:r/w:drawing/wp:inline");
    REQUIRE(inlines.size() == 2);
    CHECK(all(doc, "//wp:inline/wp:docPr/@id") == std::vector<std::string>{"1", "2"});
    CHECK(at(doc, "//wp:inline/wp:docPr/@descr") == "Şekil 1. Ticaret");
    // As wide as the text: 595.276 - 2 x 70.866 pt = 9071 twips = 5760085 EMU.
    CHECK(at(doc, "//wp:inline/wp:extent/@cx") == "5760085");
    for (size_t k = 0; k < 2; ++k) {
        auto inl = inlines[k].node();
        CHECK(at(inl, "a:graphic/a:graphicData/@uri") == docx::kNsC);
        std::string rid = at(inl, "a:graphic/a:graphicData/c:chart/@r:id");
        std::string xp = "//*[local-name()='Relationship'][@Id='" + rid + "']";
        auto rel = rels.select_node(xp.c_str()).node();
        CHECK(std::string(rel.attribute("Type").value()) ==
              "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart");
        CHECK(std::string(rel.attribute("Target").value()) == "charts/chart" + std::to_string(k + 1) + ".xml");
    }
    // The caption comes first, then the chart paragraph (single line spacing, centred).
    auto p = inlines[0].node().parent().parent().parent();
    CHECK(at(p.previous_sibling(), "w:pPr/w:pStyle/@w:val") == "Caption");
    CHECK(at(p, "w:pPr/w:jc/@w:val") == "center");
    CHECK(at(p, "w:pPr/w:spacing/@w:lineRule") == "auto");
    CHECK_FALSE(doc.select_node("//w:tbl"));  // no chart as a table of values any more
}
