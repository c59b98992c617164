// Pagination and furniture: keeps, widows/orphans, page X / Y, bookmarks, lists.
#include <algorithm>

#include "layout_fixture.hpp"

using namespace layout_test;
using layout::LineMark;

namespace {

struct PlacedLine {
    int page;
    LineMark m;
};

std::vector<PlacedLine> all_lines(const layout::Layout& l, const std::string& style = {}) {
    std::vector<PlacedLine> v;
    for (size_t p = 0; p < l.pages.size(); ++p)
        for (const auto& m : l.pages[p].lines)
            if (style.empty() || m.style == style) v.push_back({int(p), m});
    return v;
}

}  // namespace

TEST_CASE("a heading near the page end moves to the next page with at least two lines of its text") {
    int moved = 0;
    for (int filler = 300; filler <= 480; filler += 5) {
        auto d = make_document();
        d.blocks.push_back(para(turkish_text(filler)));
        d.blocks.push_back(heading(2, "Ekonomik İşbirliği", "h-1"));
        d.blocks.push_back(para(turkish_text(90)));
        Run r(d);
        auto lines = all_lines(r.out);
        // The heading line and the two lines after it are on the same page.
        auto it = std::find_if(lines.begin(), lines.end(), [](auto& l) { return l.m.style == "heading2"; });
        REQUIRE(it != lines.end());
        REQUIRE(it + 2 < lines.end());
        INFO("filler " << filler);
        CHECK((it + 1)->page == it->page);
        CHECK((it + 2)->page == it->page);
        REQUIRE(r.out.bookmarks.size() == 1);
        CHECK(r.out.bookmarks[0].page == it->page);
        CHECK(r.out.anchor_pages.at("h-1") == it->page);
        // No page ends with a heading.
        for (const auto& page : r.out.pages) {
            REQUIRE(!page.lines.empty());
            CHECK(page.lines.back().style != "heading2");
        }
        if (it->page == 1 && r.out.bookmarks[0].y == doctest::Approx(d.tmpl.page.margin_top)) ++moved;
    }
    CHECK(moved >= 1);  // some filler length put the heading at the top of page 2
}

TEST_CASE("no paragraph leaves a single line at the bottom or top of a page") {
    auto d = make_document();
    for (int i = 0; i < 40; ++i) d.blocks.push_back(para(turkish_text(15 + (i * 37) % 110)));
    Run r(d);
    REQUIRE(r.out.pages.size() >= 3);
    auto lines = all_lines(r.out, "body");
    int splits = 0;
    size_t start = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].m.last) continue;
        // Paragraph [start, i]: count the lines on each of its pages.
        std::map<int, int> per_page;
        for (size_t k = start; k <= i; ++k) ++per_page[lines[k].page];
        if (per_page.size() > 1) {
            ++splits;
            for (auto [page, n] : per_page) CHECK(n >= 2);
        }
        start = i + 1;
    }
    CHECK(splits >= 1);
}

TEST_CASE("every page carries its number and the page count; the header has a rule under it") {
    auto d = make_document();
    for (int i = 0; i < 12; ++i) d.blocks.push_back(para(turkish_text(150)));
    Run r(d);
    const size_t n = r.out.pages.size();
    REQUIRE(n >= 3);
    for (size_t p = 0; p < n; ++p) {
        const auto& page = r.out.pages[p];
        std::string want = "Sayfa " + std::to_string(p + 1) + " / " + std::to_string(n);
        auto v = runs(page);
        auto it = std::find_if(v.begin(), v.end(), [&](auto* t) { return t->text == want; });
        REQUIRE(it != v.end());
        // Right-aligned in the margins, on the footer line.
        double right = (*it)->x + (*it)->font->width((*it)->text, (*it)->size);
        CHECK(right == doctest::Approx(d.tmpl.page.width - d.tmpl.page.margin_right));
        CHECK((*it)->y == doctest::Approx(d.tmpl.page.height - d.tmpl.page.footer_distance));
        CHECK(page_has_text(page, "GİZLİ"));
        bool rule = std::any_of(page.items.begin(), page.items.end(), [&](auto& i) {
            auto* r = std::get_if<layout::Rule>(&i);
            return r && r->y1 < d.tmpl.page.margin_top && r->y1 > d.tmpl.page.header_distance;
        });
        CHECK(rule);
        // Body text stays inside the margins.
        for (const auto& m : page.lines) {
            CHECK(m.y > d.tmpl.page.margin_top);
            CHECK(m.y < d.tmpl.page.height - d.tmpl.page.margin_bottom);
        }
    }
}

TEST_CASE("the first page can have its own footer") {
    auto d = make_document();
    using P = tmpl::Part;
    d.first_footer = doc::Furniture{};
    d.first_footer->center = {P{P::Literal, "İlk sayfa"}};
    for (int i = 0; i < 8; ++i) d.blocks.push_back(para(turkish_text(150)));
    Run r(d);
    REQUIRE(r.out.pages.size() >= 2);
    CHECK(page_has_text(r.out.pages[0], "İlk sayfa"));
    CHECK(!page_has_text(r.out.pages[0], "Sayfa 1 /"));
    CHECK(page_has_text(r.out.pages[1], "Sayfa 2 /"));
}

TEST_CASE("bookmarks and anchors point at the pages where the headings are drawn") {
    auto d = make_document();
    for (int i = 0; i < 6; ++i) {
        d.blocks.push_back(heading(1 + i % 2, "Bölüm " + std::to_string(i + 1), "h-" + std::to_string(i + 1)));
        d.blocks.push_back(para(turkish_text(200)));
    }
    Run r(d);
    REQUIRE(r.out.bookmarks.size() == 6);
    for (int i = 0; i < 6; ++i) {
        const auto& b = r.out.bookmarks[size_t(i)];
        std::string title = i % 2 == 0 ? "BÖLÜM " + std::to_string(i + 1) : "Bölüm " + std::to_string(i + 1);
        CHECK(b.title == title);
        CHECK(b.level == 1 + i % 2);
        CHECK(page_has_text(r.out.pages[size_t(b.page)], title));
        CHECK(r.out.anchor_pages.at("h-" + std::to_string(i + 1)) == b.page);
        // y is the top of the heading: its baseline is just below.
        for (auto* t : runs(r.out.pages[size_t(b.page)]))
            if (t->text == title) CHECK((t->y > b.y && t->y < b.y + 20));
    }
    CHECK(r.out.bookmarks.back().page >= 2);
}

TEST_CASE("list labels hang in the indent and nested lists indent further") {
    auto d = make_document();
    doc::List inner{doc::ListKind::Ordered, "agenda", 1, 1, {}};
    inner.items.push_back({"1.1.", {para(turkish_text(40), "list")}});
    doc::List outer{doc::ListKind::Ordered, "agenda", 0, 1, {}};
    outer.items.push_back({"1.", {para("Açılış", "list"), doc::Block{inner, {}}}});
    outer.items.push_back({"2.", {para(turkish_text(30), "list")}});
    d.blocks.push_back(doc::Block{outer, {}});
    Run r(d);
    const auto& p = r.out.pages[0];
    auto v = runs(p);
    auto find = [&](const std::string& s) {
        auto it = std::find_if(v.begin(), v.end(), [&](auto* t) { return t->text == s; });
        REQUIRE(it != v.end());
        return *it;
    };
    auto* l1 = find("1.");
    auto* l11 = find("1.1.");
    auto* open = find("Açılış");
    auto* l2 = find("2.");
    CHECK(l1->x == doctest::Approx(d.tmpl.page.margin_left));
    CHECK(l1->y == doctest::Approx(open->y));
    CHECK(open->x >= l1->x + 18 - 1e-6);
    CHECK(l11->x == doctest::Approx(open->x));  // the nested label starts where the parent text does
    for (const auto& m : p.lines) {
        CHECK(m.width <= m.measure + 0.01);
        if (m.y > l11->y - 1 && m.y < l2->y - 1) CHECK(m.x > l11->x);  // the nested item's text
        if (m.y > l2->y - 1) CHECK(m.x == doctest::Approx(open->x));
    }
}

TEST_CASE("layout is deterministic and the dump is stable") {
    auto d = make_document();
    d.blocks.push_back(heading(1, "Gündem", "h-1"));
    d.blocks.push_back(para(turkish_text(300)));
    Run a(d), b(d);
    core::Context ctx;
    fonts::FontSet fs;
    CHECK(layout::lay_out(d, fs, ctx) == layout::lay_out(d, fs, ctx));
    std::string s = layout::dump(a.out);
    CHECK(s == layout::dump(b.out));
    CHECK(s.find("page 1 text x=70.87 ") != std::string::npos);
    CHECK(s.find(" font=LiberationSerif-Bold color=000000 \"GÜNDEM\"") != std::string::npos);
    CHECK(s.find("page 1 line x=70.87 ") != std::string::npos);
    CHECK(s.find("bookmark level=1 page=1 ") != std::string::npos);
    CHECK(s.find("anchor h-1 page=1") != std::string::npos);
    CHECK(s.find("info title=\"OSPG-8 Toplantısı\"") != std::string::npos);
    CHECK(s.find("creator=\"briefmake\"") != std::string::npos);
}

TEST_CASE("the template's logo is centred above the first block, scaled to its width") {
    auto d = make_document();
    d.tmpl.logo = std::filesystem::path(BRIEFMAKE_SOURCE_DIR) / "tests/data/layout/logo.png";  // 40 x 20 px
    d.tmpl.logo_width = 60;
    d.blocks.push_back(para("T.C.", "letterhead"));
    Run r(d);
    const auto& p = r.out.pages[0];
    auto it = std::find_if(p.items.begin(), p.items.end(), [](auto& i) { return std::holds_alternative<layout::Image>(i); });
    REQUIRE(it != p.items.end());
    const auto& img = std::get<layout::Image>(*it);
    CHECK(img.w == doctest::Approx(60));
    CHECK(img.h == doctest::Approx(30));
    CHECK(img.x + img.w / 2 == doctest::Approx(d.tmpl.page.width / 2));
    CHECK(img.y == doctest::Approx(d.tmpl.page.margin_top));
    REQUIRE(!p.lines.empty());
    CHECK(p.lines[0].y > img.y + img.h);

    d.tmpl.logo = std::filesystem::path(BRIEFMAKE_SOURCE_DIR) / "fonts/README.md";
    Run bad(d);
    CHECK(bad.warned("logo not drawn"));
}
