#include "docx/workbook.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <vector>

#include "docx/package.hpp"
#include "docx/xml.hpp"

namespace briefmake::docx {

namespace {

const std::string kSml = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
constexpr const char* kNsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// Shared strings in order of first use; the same text is stored once.
class SharedStrings {
public:
    size_t index(const std::string& text) {
        auto [it, added] = index_.emplace(text, list_.size());
        if (added) list_.push_back(text);
        return it->second;
    }
    size_t unique() const { return list_.size(); }
    const std::vector<std::string>& list() const { return list_; }
    size_t uses = 0;

private:
    std::map<std::string, size_t> index_;
    std::vector<std::string> list_;
};

std::string cell_ref(size_t col, size_t row) { return column_letters(col) + std::to_string(row + 1); }

void string_cell(pugi::xml_node row, size_t col, size_t r, const std::string& text, SharedStrings& ss) {
    auto c = el(row, "c");
    attr(c, "r", cell_ref(col, r));
    attr(c, "t", "s");
    ++ss.uses;
    el(c, "v").text().set(std::to_string(ss.index(clean_text(text))).c_str());
}

std::string sheet_xml(const doc::Chart& c, SharedStrings& ss) {
    pugi::xml_document doc;
    auto root = new_part(doc, "worksheet");
    attr(root, "xmlns", kNsMain);
    attr(root, "xmlns:r", kNsR);
    size_t rows = c.categories.size() + 1, cols = c.series.size() + 1;
    attr(el(root, "dimension"), "ref", "A1:" + cell_ref(cols - 1, rows - 1));
    auto views = el(root, "sheetViews");
    auto view = el(views, "sheetView");
    attr(view, "tabSelected", "1");
    attr(view, "workbookViewId", "0");
    auto fmt = el(root, "sheetFormatPr");
    attr(fmt, "defaultRowHeight", "15");
    // Category names are often longer than numbers: a wider first column.
    auto col_a = el(el(root, "cols"), "col");
    attr(col_a, "min", "1");
    attr(col_a, "max", "1");
    attr(col_a, "width", "28");
    attr(col_a, "customWidth", "1");
    auto data = el(root, "sheetData");

    auto header = el(data, "row");
    attr(header, "r", "1");
    for (size_t j = 0; j < c.series.size(); ++j) string_cell(header, j + 1, 0, c.series[j].name, ss);
    for (size_t i = 0; i < c.categories.size(); ++i) {
        auto row = el(data, "row");
        attr(row, "r", std::to_string(i + 2));
        string_cell(row, 0, i + 1, c.categories[i], ss);
        for (size_t j = 0; j < c.series.size(); ++j) {
            if (i >= c.series[j].values.size()) continue;
            auto cell = el(row, "c");
            attr(cell, "r", cell_ref(j + 1, i + 1));
            attr(cell, "s", "1");  // the chart's number format (styles.xml, cellXfs[1])
            el(cell, "v").text().set(number_text(c.series[j].values[i]).c_str());
        }
    }
    auto margins = el(root, "pageMargins");
    for (auto [k, v] : {std::pair{"left", "0.7"}, {"right", "0.7"}, {"top", "0.75"}, {"bottom", "0.75"},
                        {"header", "0.3"}, {"footer", "0.3"}})
        attr(margins, k, v);
    return to_string(doc);
}

std::string shared_strings_xml(const SharedStrings& ss) {
    pugi::xml_document doc;
    auto root = new_part(doc, "sst");
    attr(root, "xmlns", kNsMain);
    attr(root, "count", std::to_string(ss.uses));
    attr(root, "uniqueCount", std::to_string(ss.unique()));
    for (const auto& s : ss.list()) {
        auto t = el(el(root, "si"), "t");
        if (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.find_first_of("\t\n\r") != std::string::npos))
            attr(t, "xml:space", "preserve");
        t.text().set(s.c_str());
    }
    return to_string(doc);
}

std::string styles_xml(const std::string& format_code) {
    pugi::xml_document doc;
    auto root = new_part(doc, "styleSheet");
    attr(root, "xmlns", kNsMain);
    auto fmts = el(root, "numFmts");
    attr(fmts, "count", "1");
    auto nf = el(fmts, "numFmt");
    attr(nf, "numFmtId", "164");  // the first id free for custom formats
    attr(nf, "formatCode", format_code);

    auto fonts = el(root, "fonts");
    attr(fonts, "count", "1");
    auto font = el(fonts, "font");
    attr(el(font, "sz"), "val", "11");
    attr(el(font, "name"), "val", "Calibri");
    attr(el(font, "family"), "val", "2");

    auto fills = el(root, "fills");
    attr(fills, "count", "2");
    attr(el(el(fills, "fill"), "patternFill"), "patternType", "none");
    attr(el(el(fills, "fill"), "patternFill"), "patternType", "gray125");

    auto borders = el(root, "borders");
    attr(borders, "count", "1");
    auto border = el(borders, "border");
    for (const char* side : {"left", "right", "top", "bottom", "diagonal"}) el(border, side);

    auto style_xfs = el(root, "cellStyleXfs");
    attr(style_xfs, "count", "1");
    auto sxf = el(style_xfs, "xf");
    for (const char* a : {"numFmtId", "fontId", "fillId", "borderId"}) attr(sxf, a, "0");

    auto xfs = el(root, "cellXfs");
    attr(xfs, "count", "2");
    auto xf0 = el(xfs, "xf");
    for (const char* a : {"numFmtId", "fontId", "fillId", "borderId", "xfId"}) attr(xf0, a, "0");
    auto xf1 = el(xfs, "xf");
    attr(xf1, "numFmtId", "164");
    for (const char* a : {"fontId", "fillId", "borderId", "xfId"}) attr(xf1, a, "0");
    attr(xf1, "applyNumberFormat", "1");

    auto cell_styles = el(root, "cellStyles");
    attr(cell_styles, "count", "1");
    auto normal = el(cell_styles, "cellStyle");
    attr(normal, "name", "Normal");
    attr(normal, "xfId", "0");
    attr(normal, "builtinId", "0");
    return to_string(doc);
}

std::string workbook_xml() {
    pugi::xml_document doc;
    auto root = new_part(doc, "workbook");
    attr(root, "xmlns", kNsMain);
    attr(root, "xmlns:r", kNsR);
    auto sheet = el(el(root, "sheets"), "sheet");
    attr(sheet, "name", kSheetName);
    attr(sheet, "sheetId", "1");
    attr(sheet, "r:id", "rId1");
    return to_string(doc);
}

}  // namespace

std::string column_letters(size_t index) {
    std::string s;
    for (size_t n = index + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    return s;
}

std::string sheet_range(size_t col, size_t row0, size_t row1) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "$" + std::string.
    std::string col_text;
    col_text.append("$").append(column_letters(col)).append("$");
    std::string out(kSheetName);
    out.append("!").append(col_text).append(std::to_string(row0 + 1));
    if (row1 != row0) out.append(":").append(col_text).append(std::to_string(row1 + 1));
    return out;
}

std::string number_text(double v) {
    if (!std::isfinite(v)) return "0";
    if (v == 0) return "0";  // also for -0
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string chart_workbook(const doc::Chart& c, const std::string& format_code) {
    SharedStrings ss;
    std::string sheet = sheet_xml(c, ss);

    Rels package_rels;
    package_rels.add("officeDocument", "xl/workbook.xml");
    Rels workbook_rels;
    workbook_rels.add("worksheet", "worksheets/sheet1.xml");  // rId1, as workbook.xml names it
    workbook_rels.add("styles", "styles.xml");
    workbook_rels.add("sharedStrings", "sharedStrings.xml");

    std::vector<Part> parts;
    parts.push_back({"_rels/.rels", "", package_rels.xml()});
    parts.push_back({"xl/workbook.xml", kSml + "sheet.main+xml", workbook_xml()});
    parts.push_back({"xl/_rels/workbook.xml.rels", "", workbook_rels.xml()});
    parts.push_back({"xl/worksheets/sheet1.xml", kSml + "worksheet+xml", sheet});
    parts.push_back({"xl/styles.xml", kSml + "styles+xml", styles_xml(format_code)});
    parts.push_back({"xl/sharedStrings.xml", kSml + "sharedStrings+xml", shared_strings_xml(ss)});
    return zip_package(parts);
}

}  // namespace briefmake::docx
