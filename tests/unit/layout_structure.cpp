// The logical structure for the tagged PDF: elements in document order, every item of the body
// pointing to its element, the running header and footer, rules and a table's repeated header
// rows left as artifacts.
#include <map>
#include <set>

#include "layout_fixture.hpp"

using namespace layout_test;

namespace {

doc::TableCell cell(const std::string& s) { return {{doc::Span{s, 0, {}, false}}, false}; }

int tag_of(const layout::Item& it) {
    return std::visit(
        [](const auto& v) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, layout::Rule>)
                return -1;
            else
                return v.tag;
        },
        it);
}

}  // namespace

TEST_CASE("the structure follows the document; body text is tagged, furniture and repeated headers are not") {
    auto d = make_document();
    d.blocks.push_back(heading(1, "Özet", "h-1"));
    d.blocks.push_back(para(turkish_text(60)));
    doc::List l;
    l.items.push_back({"1.", {para("Birinci madde")}});
    d.blocks.push_back(doc::Block{l, {"brief.yaml", 5, 1}});
    doc::Table meta;
    meta.style = "meta";
    meta.header_rows = 0;
    meta.rows = {{cell("Tarih"), cell("2 Şubat 2026")}};
    d.blocks.push_back(doc::Block{meta, {"brief.yaml", 6, 1}});
    doc::Figure f;
    f.caption = {doc::Span{"Tablo 1. Uzun tablo", 0, {}, false}};
    doc::Table t;
    t.widths = {1, 1};
    t.rows.push_back({cell("Ülke"), cell("Değer")});
    for (int i = 0; i < 90; ++i) t.rows.push_back({cell("Satır " + std::to_string(i)), cell(std::to_string(i))});
    f.table = t;
    d.blocks.push_back(doc::Block{f, {"brief.yaml", 7, 1}});
    doc::Figure c;
    c.caption = {doc::Span{"Şekil 1. Ticaret", 0, {}, false}};
    c.kind = spec::FigureKind::Bar;
    doc::Chart ch;
    ch.kind = spec::FigureKind::Bar;
    ch.categories = {"2024", "2025"};
    ch.series = {{"İhracat", {1, 2}, {"1", "2"}}};
    c.chart = ch;
    d.blocks.push_back(doc::Block{c, {"brief.yaml", 8, 1}});
    Run r(d);
    const auto& s = r.out.structure;
    REQUIRE(!s.empty());
    CHECK(s[0].role == "Document");
    CHECK(s[0].parent == -1);
    std::vector<std::string> top;
    for (size_t i = 1; i < s.size(); ++i) {
        CHECK(s[i].parent >= 0);
        CHECK(size_t(s[i].parent) < i);
        if (s[i].parent == 0) top.push_back(s[i].role);
    }
    CHECK(top == std::vector<std::string>{"H1", "P", "L", "Table", "Table", "Caption", "Figure"});
    std::map<std::string, int> count;
    for (const auto& e : s) ++count[e.role];
    CHECK(count["LI"] == 1);
    CHECK(count["Lbl"] == 1);
    CHECK(count["LBody"] == 1);
    CHECK(count["THead"] == 1);  // the long table: one THead, one TBody, 91 rows
    CHECK(count["TBody"] == 1);
    CHECK(count["TR"] == 1 + 91);
    for (const auto& e : s) {
        if (e.role == "TH") CHECK((e.scope == "Column" || e.scope == "Row"));
        if (e.role == "Figure") CHECK(e.alt == "Şekil 1. Ticaret");  // no alt: the caption says it
    }
    // The meta table's key heads its row.
    bool row_th = false;
    for (const auto& e : s) row_th = row_th || (e.role == "TH" && e.scope == "Row");
    CHECK(row_th);

    REQUIRE(r.out.pages.size() >= 3);
    std::set<int> used;
    for (size_t p = 0; p < r.out.pages.size(); ++p) {
        for (const auto& it : r.out.pages[p].items) {
            const int tag = tag_of(it);
            if (tag >= 0) used.insert(tag);
            if (auto* t = std::get_if<layout::TextRun>(&it)) {
                CAPTURE(t->text);
                CAPTURE(p);
                const bool furniture = t->text == "GİZLİ" || t->text.rfind("Sayfa", 0) == 0;
                // The table's header row and caption repeated on later pages are artifacts.
                const bool repeated = p > 0 && (t->text == "Ülke" || t->text == "Değer" ||
                                                  t->text.find("(devam)") != std::string::npos);
                if (furniture || repeated)
                    CHECK(tag < 0);
                else if (t->text == "Ülke" || t->text == "Değer")
                    CHECK(s.at(size_t(tag)).role == "TH");
                else
                    CHECK(tag >= 0);
            }
            if (std::holds_alternative<layout::Rule>(it)) CHECK(tag < 0);
        }
    }
    // Every element holding content is used by some item; the table's rows on later pages
    // belong to the one Table.
    for (int tag : used) CHECK(size_t(tag) < s.size());
}
