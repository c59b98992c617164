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
