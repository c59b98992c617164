#include "docx/styles.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "core/ascii.hpp"
#include "docx/reference.hpp"
#include "docx/xml.hpp"

namespace briefmake::docx {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = core::ascii_lower(c);
    return s;
}

// Word's built-in styles: the name Word writes (case matters to Word) and the id it uses.
struct BuiltIn {
    const char* name;
    const char* id;
};
const BuiltIn* builtin(const std::string& name) {
    static const BuiltIn table[] = {
        {"Normal", "Normal"},           {"Title", "Title"},
        {"Subtitle", "Subtitle"},       {"heading 1", "Heading1"},
        {"heading 2", "Heading2"},      {"heading 3", "Heading3"},
        {"heading 4", "Heading4"},      {"heading 5", "Heading5"},
        {"heading 6", "Heading6"},      {"List Paragraph", "ListParagraph"},
        {"caption", "Caption"},         {"header", "Header"},
        {"footer", "Footer"},           {"TOC Heading", "TOCHeading"},
        {"List Number", "ListNumber"},  {"List Bullet", "ListBullet"},
        {"Quote", "Quote"},             {"No Spacing", "NoSpacing"},
    };
    std::string l = lower(name);
    for (const auto& b : table)
        if (lower(b.name) == l) return &b;
    return nullptr;
}

// The Word name a template key gets when the template names none.
std::string default_name(const std::string& key) {
    static const std::map<std::string, std::string> known = {
        {"body", "Normal"},          {"title", "Title"},         {"subtitle", "Subtitle"},
        {"heading1", "heading 1"},   {"heading2", "heading 2"},  {"heading3", "heading 3"},
        {"list", "List Paragraph"},  {"caption", "caption"},     {"header", "header"},
        {"footer", "footer"},        {"toc-title", "TOC Heading"}, {"table", "Table Text"},
        {"table-header", "Table Header"},
    };
    if (auto it = known.find(key); it != known.end()) return it->second;
    // "meta-label" -> "Meta Label"
    std::string name;
    bool start = true;
    for (char c : key) {
        if (c == '-' || c == '_' || c == ' ') {
            name += ' ';
            start = true;
        } else {
            name += start ? core::ascii_upper(c) : c;
            start = false;
        }
    }
    return name;
}

std::string id_from_name(const std::string& name) {
    std::string id;
    bool start = true;
    for (char c : name) {
        if (core::ascii_alnum(c)) {
            id += start ? core::ascii_upper(c) : c;
            start = false;
        } else {
            start = true;
        }
    }
    return id.empty() ? "Style" : id;
}

int heading_level(const std::string& key) {
    if (key.size() == 8 && key.compare(0, 7, "heading") == 0 && key[7] >= '1' && key[7] <= '9') return key[7] - '0';
    return 0;
}

const char* jc(tmpl::Align a) {
    switch (a) {
        case tmpl::Align::Center: return "center";
        case tmpl::Align::Right: return "right";
        case tmpl::Align::Justify: return "both";
        case tmpl::Align::Left: break;
    }
    return "left";
}

std::string font_name(const tmpl::Template& t, const std::string& family) {
    auto it = t.fonts.find(family);
    if (it == t.fonts.end()) return {};
    return clean_text(it->second.docx_name);
}

void fonts(pugi::xml_node rpr, const std::string& name) {
    if (name.empty()) return;
    auto f = el(rpr, "w:rFonts");
    for (const char* a : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"}) attr(f, a, name);
}

struct Extra {
    int outline_level = -1;  // 0-based; -1: none
    bool widow_control = false;
    std::vector<std::pair<const char*, long>> tabs;  // kind, position (twips)
    const char* tab_leader = nullptr;
    bool no_hyphens = false;
    long extra_indent = 0;  // TOC levels
};

// Paragraph and run properties of a template style, in schema order. Properties equal to the
// base (Normal) are left out, so the style inherits them.
void write_props(pugi::xml_node style, const tmpl::Template& t, const tmpl::Style& s, const tmpl::Style* base,
                 const Extra& x) {
    auto ppr = el(style, "w:pPr");
    if (s.keep_with_next) el(ppr, "w:keepNext");
    if (x.widow_control) el(ppr, "w:widowControl");
    if (!x.tabs.empty()) {
        auto tabs = el(ppr, "w:tabs");
        for (const auto& [kind, pos] : x.tabs) {
            auto tab = el(tabs, "w:tab", kind);
            if (x.tab_leader) attr(tab, "w:leader", x.tab_leader);
            attr(tab, "w:pos", num(pos));
        }
    }
    if (x.no_hyphens) el(ppr, "w:suppressAutoHyphens");
    auto sp = el(ppr, "w:spacing");
    attr(sp, "w:before", num(twips(s.space_before)));
    attr(sp, "w:after", num(twips(s.space_after)));
    // Exact line height, as the PDF's layout uses (size × leading). Word's "auto" multiple
    // would multiply the font's own line gap (1.15 em for Times New Roman) instead, and the
    // DOCX would then paginate differently from the PDF.
    attr(sp, "w:line", num(twips(s.size * s.leading)));
    attr(sp, "w:lineRule", "exact");
    auto ind = el(ppr, "w:ind");
    attr(ind, "w:left", num(twips(s.indent_left) + x.extra_indent));
    attr(ind, "w:right", "0");
    if (s.indent_first < 0)
        attr(ind, "w:hanging", num(-twips(s.indent_first)));
    else
        attr(ind, "w:firstLine", num(twips(s.indent_first)));
    el(ppr, "w:jc", jc(s.align));
    if (x.outline_level >= 0) el(ppr, "w:outlineLvl", num(x.outline_level));

    auto rpr = el(style, "w:rPr");
    std::string font = font_name(t, s.font);
    if (!base || font != font_name(t, base->font)) fonts(rpr, font);
    auto flag = [&](const char* name, bool on, bool base_on) {
        if (on) el(rpr, name);
        else if (base_on) el(rpr, name, "0");
    };
    flag("w:b", s.bold, base && base->bold);
    flag("w:bCs", s.bold, base && base->bold);
    flag("w:i", s.italic, base && base->italic);
    flag("w:iCs", s.italic, base && base->italic);
    // Word upper-cases with the run's language (Turkish i -> İ) and keeps the typed text.
    bool caps = s.transform == tmpl::CaseTransform::Upper;
    flag("w:caps", caps, base && base->transform == tmpl::CaseTransform::Upper);
    if (!base || !(s.color == base->color)) el(rpr, "w:color", hex(s.color));
    // Letter spacing (the template's tracking, in em) in twentieths of a point, after each
    // character as the PDF's Tc: the header's capitals sit where they do in the PDF.
    if (s.tracking != 0) el(rpr, "w:spacing", num(twips(s.tracking * s.size)));
    el(rpr, "w:sz", num(half_points(s.size)));
    el(rpr, "w:szCs", num(half_points(s.size)));
}

pugi::xml_node add_style(pugi::xml_node root, const char* type, const std::string& id, const std::string& name,
                         const std::string& based_on, bool qformat, int priority = -1) {
    auto st = el(root, "w:style");
    attr(st, "w:type", type);
    attr(st, "w:styleId", id);
    el(st, "w:name", name);
    if (!based_on.empty()) el(st, "w:basedOn", based_on);
    if (priority >= 0) el(st, "w:uiPriority", num(priority));
    if (qformat) el(st, "w:qFormat");
    return st;
}

// A border `eighths` eighths of a point wide (Word's unit; 2 is its thinnest, 0.25 pt).
void border(pugi::xml_node parent, const char* name, const char* val, const std::string& color, int eighths = 4) {
    auto b = el(parent, name, val);
    if (std::string(val) != "nil") {
        attr(b, "w:sz", std::to_string(eighths));
        attr(b, "w:space", "0");
        attr(b, "w:color", color);
    }
}

void shading(pugi::xml_node parent, const std::string& fill) {
    auto s = el(parent, "w:shd", "clear");
    attr(s, "w:color", "auto");
    attr(s, "w:fill", fill);
}

void cell_margins(pugi::xml_node tblpr, long left, long right, long top_bottom = 0) {
    auto mar = el(tblpr, "w:tblCellMar");
    for (auto [side, w] : {std::pair{"w:top", top_bottom}, {"w:left", left}, {"w:bottom", top_bottom}, {"w:right", right}}) {
        auto m = el(mar, side);
        attr(m, "w:w", num(w));
        attr(m, "w:type", "dxa");
    }
}

}  // namespace

bool hyphenates(const std::string& key) {
    static const std::set<std::string> no = {"title",  "subtitle", "letterhead", "caption",      "toc",
                                             "toc-title", "header", "footer",    "table-header", "meta-label"};
    return heading_level(key) == 0 && !no.count(key);
}

tmpl::Color template_color(const tmpl::Template& t, const std::string& name) {
    if (auto it = t.colors.find(name); it != t.colors.end()) return it->second;
    if (name == "table-header") return {0x1F, 0x38, 0x64};
    if (name == "table-stripe") return {0xEE, 0xF1, 0xF7};
    if (name == "table-rule") return template_color(t, "rule");  // unless the template sets its own
    return {0x40, 0x40, 0x40};  // "rule"
}

StyleMap::StyleMap(const tmpl::Template& t) : t_(t) {
    std::set<std::string> ids = {kListNumber, kListBullet, kHyperlink, kTableStyle, kMetaTableStyle,
                                 "TableNormal", "DefaultParagraphFont"};
    for (int l = 1; l <= 9; ++l) ids.insert(toc_style_id(l));
    // With a reference document, our keys land on its styles by name ("heading 1" -> its
    // Heading1, whatever id it gave it); the styles it lacks get ids none of its own have.
    std::set<std::string> ref_taken;
    if (t.reference)
        for (const auto& rs : t.reference->styles) ids.insert(rs.id);
    // "body" first so that it claims Normal even if another key names Normal too.
    std::vector<std::string> keys;
    if (t.styles.count("body")) keys.push_back("body");
    for (const auto& [key, s] : t.styles)
        if (key != "body") keys.push_back(key);
    for (const auto& key : keys) {
        const tmpl::Style& s = t.styles.at(key);
        if (key == "toc") {  // becomes TOC 1..3
            by_key_[key] = {key, toc_style_id(1), "toc 1"};
            continue;
        }
        std::string name = s.docx_name.empty() ? default_name(key) : clean_text(s.docx_name);
        std::string id;
        const RefStyle* rs = t.reference ? t.reference->by_name(name) : nullptr;
        const bool mapped = rs && rs->type == "paragraph" && !ref_taken.count(rs->id);
        if (mapped) {
            name = rs->name;
            id = rs->id;
            ref_taken.insert(id);
        } else if (const BuiltIn* b = builtin(name)) {
            name = b->name;
            id = b->id;
        } else {
            id = id_from_name(name);
        }
        if (!mapped && ids.count(id)) {  // two keys naming one Word style: the second gets its own
            id = id_from_name(name + " " + key);
            name = name + " (" + key + ")";
        }
        ids.insert(id);
        by_key_[key] = {key, id, name};
        if (key == "table" || key == "table-header" || key == "meta" || key == "meta-label") {
            tmpl::Style cell = s;
            cell.align = tmpl::Align::Left;
            cell.space_before = cell.space_after = 0;
            cells_[key] = cell;
        }
    }
}

std::string StyleMap::id(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? std::string() : it->second.id;
}

const tmpl::Style* StyleMap::style(const std::string& key) const {
    if (auto c = cells_.find(key); c != cells_.end()) return &c->second;
    auto it = t_.styles.find(key);
    return it == t_.styles.end() ? nullptr : &it->second;
}

std::string styles_xml(const doc::Document& d, const StyleMap& map, long text_width, const ListStyleNums& lists) {
    const tmpl::Template& t = d.tmpl;
    pugi::xml_document doc;
    auto root = new_part(doc, "w:styles");
    attr(root, "xmlns:w", kNsW);
    attr(root, "xmlns:r", kNsR);

    const tmpl::Style* body = map.style("body");
    std::string normal_key;
    for (const auto& [key, ws] : map.all())
        if (ws.id == "Normal") normal_key = key;
    const tmpl::Style* normal = normal_key.empty() ? body : map.style(normal_key);

    // Document defaults: the body font and size, and the language Word proofs and upper-cases with.
    auto defaults = el(root, "w:docDefaults");
    auto rpr = el(el(defaults, "w:rPrDefault"), "w:rPr");
    if (normal) {
        fonts(rpr, font_name(t, normal->font));
        el(rpr, "w:sz", num(half_points(normal->size)));
        el(rpr, "w:szCs", num(half_points(normal->size)));
    }
    std::string lang = clean_text(d.meta.locale.empty() ? d.meta.language : d.meta.locale);
    if (!lang.empty()) {
        auto l = el(rpr, "w:lang", lang);
        attr(l, "w:eastAsia", lang);
        attr(l, "w:bidi", lang);
    }
    el(el(defaults, "w:pPrDefault"), "w:pPr");

    // Normal first: every other paragraph style is based on it.
    {
        auto st = add_style(root, "paragraph", "Normal", "Normal", "", true);
        attr(st, "w:default", "1");
        if (normal) {
            Extra x;
            x.widow_control = true;
            x.no_hyphens = normal->align != tmpl::Align::Justify;  // as the PDF: justified text only
            write_props(st, t, *normal, nullptr, x);
        } else {
            el(el(st, "w:pPr"), "w:widowControl");
        }
    }
    {
        auto st = add_style(root, "character", "DefaultParagraphFont", "Default Paragraph Font", "", false, 1);
        attr(st, "w:default", "1");
    }

    for (const auto& [key, ws] : map.all()) {
        if (ws.id == "Normal") continue;
        const tmpl::Style& s = *map.style(key);
        if (key == "toc") {
            for (int level = 1; level <= 3; ++level) {
                auto st = add_style(root, "paragraph", toc_style_id(level), "toc " + num(level), "Normal", false, 39);
                Extra x;
                x.tabs = {{"right", text_width}};
                x.tab_leader = "dot";
                x.extra_indent = (level - 1) * 240;
                x.no_hyphens = true;
                // The PDF lists a heading as its style sets it: an upper-cased heading level
                // upper-cases its TOC level too (w:caps, by the document's w:lang: i -> İ).
                tmpl::Style entry = s;
                const tmpl::Style* h = map.style("heading" + num(level));
                if (h && h->transform == tmpl::CaseTransform::Upper && s.transform == tmpl::CaseTransform::None)
                    entry.transform = tmpl::CaseTransform::Upper;
                write_props(st, t, entry, normal, x);
            }
            continue;
        }
        Extra x;
        x.no_hyphens = !hyphenates(key) || s.align != tmpl::Align::Justify;
        if (int level = heading_level(key); level >= 1 && level <= 9) x.outline_level = level - 1;
        if (key == "header" || key == "footer") x.tabs = {{"center", text_width / 2}, {"right", text_width}};
        bool builtin_style = builtin(ws.name) != nullptr;
        auto st = add_style(root, "paragraph", ws.id, ws.name, "Normal", true, builtin_style ? 9 : 20);
        write_props(st, t, s, normal, x);
        if (key == "header" || key == "footer") {
            // One line each, set where the PDF sets it: no space inherited from the body style
            // lifts the footer off its distance from the page's bottom edge.
            if (auto sp = st.child("w:pPr").child("w:spacing")) {
                for (const char* a : {"w:before", "w:after"})
                    if (auto v = sp.attribute(a)) v.set_value("0");
            }
        }
        if (x.outline_level >= 0) {
            // Headings are followed by body text (Word's "Style for following paragraph").
            st.insert_child_after("w:next", st.child("w:basedOn")).append_attribute("w:val") = "Normal";
        }
    }

    // List styles: numbered and bulleted items; indents and labels come from numbering.xml.
    // The styles carry numbering too, so applying them in Word numbers a paragraph; the
    // document's own list paragraphs name their list instance and level themselves.
    std::string list_base = map.id("list").empty() ? "Normal" : map.id("list");
    auto list_style = [&](const char* id, const char* name, int num_id) {
        auto st = add_style(root, "paragraph", id, name, list_base, true, 10);
        if (num_id > 0) el(el(el(st, "w:pPr"), "w:numPr"), "w:numId", num(num_id));
    };
    list_style(kListNumber, "List Number", lists.number);
    list_style(kListBullet, "List Bullet", lists.bullet);

    {
        auto st = add_style(root, "character", kHyperlink, "Hyperlink", "DefaultParagraphFont", false, 99);
        auto r = el(st, "w:rPr");
        // The template's link look, as the PDF prints it: its colour (else the text's), underlined or not.
        if (auto c = t.colors.find("link"); c != t.colors.end()) el(r, "w:color", hex(c->second));
        el(r, "w:u", t.link_underline ? "single" : "none");
    }

    // Tables: Word's default, then the ruled "Brief Table" with a shaded repeating header row and
    // stripes, and the rule-less "Brief Meta Table" for the meeting block.
    {
        auto st = add_style(root, "table", "TableNormal", "Normal Table", "", false, 99);
        attr(st, "w:default", "1");
        auto tp = el(st, "w:tblPr");
        auto ind = el(tp, "w:tblInd");
        attr(ind, "w:w", "0");
        attr(ind, "w:type", "dxa");
        cell_margins(tp, 108, 108);
    }
    std::string rule = hex(template_color(t, "table-rule"));
    {
        auto st = add_style(root, "table", kTableStyle, "Brief Table", "TableNormal", false, 59);
        auto tp = el(st, "w:tblPr");
        el(tp, "w:tblStyleRowBandSize", "1");
        // The PDF's rules and no others: 0.75 pt above the table, under the header row and under
        // the last row; none at the sides or between columns. Between body rows 0.5 pt, not the
        // PDF's 0.25: Word and LibreOffice add a rule's width to the row, and with 0.25 pt
        // LibreOffice fitted 38 rows of the long brief's table on a page where the PDF, which
        // also prints a "(devam)" caption there, has 37.
        auto b = el(tp, "w:tblBorders");
        border(b, "w:top", "single", rule, 6);
        border(b, "w:left", "nil", rule);
        border(b, "w:bottom", "single", rule, 6);
        border(b, "w:right", "nil", rule);
        border(b, "w:insideH", "single", rule, 4);
        border(b, "w:insideV", "nil", rule);
        cell_margins(tp, 80, 80, 50);  // the PDF's cell padding: 4 pt beside, 2.5 pt above and below
        auto first = el(st, "w:tblStylePr");
        attr(first, "w:type", "firstRow");
        auto fr = el(first, "w:rPr");
        el(fr, "w:b");
        el(fr, "w:bCs");
        if (const tmpl::Style* th = map.style("table-header")) el(fr, "w:color", hex(th->color));
        el(el(first, "w:trPr"), "w:tblHeader");
        auto first_cells = el(first, "w:tcPr");
        border(el(first_cells, "w:tcBorders"), "w:bottom", "single", rule, 6);
        shading(first_cells, hex(template_color(t, "table-header")));
        auto band = el(st, "w:tblStylePr");
        attr(band, "w:type", "band2Horz");
        shading(el(band, "w:tcPr"), hex(template_color(t, "table-stripe")));
    }
    {
        auto st = add_style(root, "table", kMetaTableStyle, "Brief Meta Table", "TableNormal", false, 59);
        auto tp = el(st, "w:tblPr");
        auto b = el(tp, "w:tblBorders");
        for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
            border(b, side, "nil", rule);
        cell_margins(tp, 0, 120, 20);  // the PDF's: a 6 pt gutter, 1 pt above and below
    }
    return to_string(doc);
}

}  // namespace briefmake::docx
