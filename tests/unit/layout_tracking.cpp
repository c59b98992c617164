// Letterspaced header and footer (the style's tracking): the runs carry the spacing, are wider
// by it, and the centred and right slots are placed by the tracked width.
#include <algorithm>

#include "core/utf8.hpp"
#include "layout_fixture.hpp"

using namespace layout_test;

namespace {

const layout::TextRun* find_run(const layout::Page& p, const std::string& text) {
    auto v = runs(p);
    auto it = std::find_if(v.begin(), v.end(), [&](auto* t) { return t->text == text; });
    return it == v.end() ? nullptr : *it;
}

}  // namespace

TEST_CASE("a tracked header run is wider by the tracking after each letter, and stays centred") {
    auto plain = make_document();
    plain.blocks.push_back(para(turkish_text(20)));
    auto tracked = plain;
    tracked.tmpl.styles["header"].tracking = 0.05;
    tracked.tmpl.styles["footer"].tracking = 0.05;
    Run a(plain), b(tracked);
    REQUIRE(a.out.pages.size() == 1);
    REQUIRE(b.out.pages.size() == 1);

    const std::string mark = "GİZLİ";
    const auto* ra = find_run(a.out.pages[0], mark);
    const auto* rb = find_run(b.out.pages[0], mark);
    REQUIRE(ra);
    REQUIRE(rb);
    CHECK(ra->char_space == 0);
    CHECK(rb->char_space == doctest::Approx(0.5));  // 5% of 10 pt

    // Five letters, 0.5 pt after each: 2.5 pt wider, so the centred run starts 1.25 pt further left.
    const double glyphs = rb->font->width(mark, rb->size);
    const double n = double(core::count_code_points(mark));
    REQUIRE(n == 5);
    const double wa = ra->font->width(mark, ra->size);
    const double wb = glyphs + n * rb->char_space;
    CHECK(wb - wa == doctest::Approx(2.5));
    CHECK(ra->x - rb->x == doctest::Approx(1.25));
    const auto& t = tracked.tmpl.page;
    const double middle = t.margin_left + (t.width - t.margin_left - t.margin_right) / 2;
    CHECK(rb->x + wb / 2 == doctest::Approx(middle));

    // The right-aligned footer ends at the margin with its tracking counted.
    const std::string page = "Sayfa 1 / 1";
    const auto* fa = find_run(a.out.pages[0], page);
    const auto* fb = find_run(b.out.pages[0], page);
    REQUIRE(fa);
    REQUIRE(fb);
    const double right = t.width - t.margin_right;
    CHECK(fa->x + fa->font->width(page, fa->size) == doctest::Approx(right));
    const double fw = fb->font->width(page, fb->size) + double(core::count_code_points(page)) * fb->char_space;
    CHECK(fb->x + fw == doctest::Approx(right));
    CHECK(fa->x - fb->x == doctest::Approx(0.5 * 11));

    // Body text is not tracked.
    for (auto* r : runs(b.out.pages[0]))
        if (r->text != mark && r->text != page) CHECK(r->char_space == 0);
}

TEST_CASE("a reference style's letter spacing is laid out in body text: widths count it") {
    auto plain = make_document();
    plain.blocks.push_back(para(turkish_text(60)));
    auto tracked = plain;
    tracked.tmpl.styles["body"].tracking = 0.0625;  // 0.75 pt at 12 pt, as Word's w:spacing="15"
    Run a(plain), b(tracked);
    REQUIRE(a.out.pages.size() == 1);
    REQUIRE(b.out.pages.size() == 1);
    auto body = [](const layout::Page& p) {
        std::vector<const layout::TextRun*> v;
        for (auto* r : runs(p))
            if (r->size == 12) v.push_back(r);
        return v;
    };
    const auto ra = body(a.out.pages[0]), rb = body(b.out.pages[0]);
    REQUIRE(!rb.empty());
    for (auto* r : rb) CHECK(r->char_space == doctest::Approx(0.75));
    // Wider letters take more lines, and no line runs past the right margin with them counted.
    auto lines = [](const std::vector<const layout::TextRun*>& v) {
        std::vector<double> ys;
        for (auto* r : v)
            if (std::find(ys.begin(), ys.end(), r->y) == ys.end()) ys.push_back(r->y);
        return ys.size();
    };
    CHECK(lines(rb) > lines(ra));
    const auto& t = tracked.tmpl.page;
    const double right = t.width - t.margin_right;
    for (auto* r : rb) {
        const double w = r->font->width(r->text, r->size) + double(core::count_code_points(r->text)) * r->char_space +
                         (r->hyphen ? r->font->width("-", r->size) + r->char_space : 0);
        CHECK(r->x + w <= right + 0.01);
    }
}

TEST_CASE("a reference style's bottom border: a rule under the last line, in the paragraph's height") {
    auto plain = make_document();
    plain.blocks.push_back(para("Bilgi Notu", "body"));
    plain.blocks.push_back(para("İkinci paragraf.", "body", 2));
    auto bordered = plain;
    bordered.tmpl.styles["body"].border_below = tmpl::Style::Border{1.0, 4.0, {0x4F, 0x81, 0xBD}};
    Run a(plain), b(bordered);
    auto rules = [](const layout::Page& p) {
        std::vector<layout::Rule> v;
        for (const auto& it : p.items)
            if (auto* r = std::get_if<layout::Rule>(&it); r && r->color == tmpl::Color{0x4F, 0x81, 0xBD}) v.push_back(*r);
        return v;
    };
    CHECK(rules(a.out.pages[0]).empty());
    const auto rs = rules(b.out.pages[0]);
    REQUIRE(rs.size() == 2);  // one under each paragraph
    const auto& t = bordered.tmpl.page;
    CHECK(rs[0].x1 == doctest::Approx(t.margin_left));
    CHECK(rs[0].x2 == doctest::Approx(t.width - t.margin_right));
    CHECK(rs[0].width == 1.0);
    auto first_y = [](const layout::Page& p, const std::string& s) {
        for (auto* r : runs(p))
            if (r->text.find(s) != std::string::npos) return r->y;
        return -1.0;
    };
    // The rule sits 4 pt + half its width below the line box; the next paragraph moves down by 5 pt.
    const double line_h = 12 * bordered.tmpl.styles["body"].leading;
    const double y0 = first_y(b.out.pages[0], "Bilgi");
    CHECK(rs[0].y1 > y0);
    CHECK(first_y(b.out.pages[0], "İkinci") - first_y(a.out.pages[0], "İkinci") == doctest::Approx(5));
    CHECK(rs[1].y1 - rs[0].y1 == doctest::Approx(line_h + 6 + 5));  // line, space after 6, border
}
