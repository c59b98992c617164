// Floating figures (paginate.cpp): a chart that does not fit below the text before it goes to the
// top of the next page while whole paragraphs after it fill its place; never past another figure.
#include "layout_fixture.hpp"

using namespace layout_test;

namespace {

doc::Block chart(const std::string& label) {
    doc::Figure f;
    f.kind = spec::FigureKind::Bar;
    f.label = label;
    f.caption = {doc::Span{label + ". Deneme", 0, {}, false}};
    doc::Chart c;
    c.kind = spec::FigureKind::Bar;
    c.categories = {"A", "B", "C"};
    c.series = {doc::ChartSeries{"2025", {1, 2, 3}, {"1", "2", "3"}}};
    f.chart = c;
    return doc::Block{f, {"brief.yaml", 1, 1}};
}

struct Where {
    int page = -1;
    double y = 0;
};

Where find(const layout::Layout& l, const std::string& s) {
    for (size_t p = 0; p < l.pages.size(); ++p)
        for (auto* r : runs(l.pages[p]))
            if (r->text.rfind(s, 0) == 0) return {int(p), r->y};
    return {};
}

}  // namespace

TEST_CASE("a chart that does not fit floats to the top of the next page; the text after it fills the gap") {
    int floated = 0;
    for (bool on : {true, false})
        for (int filler = 200; filler <= 520; filler += 20) {
            auto d = make_document();
            d.tmpl.float_figures = on;
            d.blocks.push_back(para(turkish_text(filler)));
            d.blocks.push_back(chart("Şekil 1"));
            d.blocks.push_back(heading(2, "Değerlendirme", "h-1"));
            d.blocks.push_back(para("Sonrası " + turkish_text(30)));
            d.blocks.push_back(chart("Şekil 2"));
            Run r(d);
            INFO("filler " << filler << ", float " << on);
            Where one = find(r.out, "Şekil 1."), two = find(r.out, "Şekil 2."), after = find(r.out, "Sonrası");
            REQUIRE(one.page >= 0);
            REQUIRE(two.page >= 0);
            REQUIRE(after.page >= 0);
            // Figure numbers stay in reading order, and no page ends with the heading.
            CHECK((two.page > one.page || (two.page == one.page && two.y > one.y)));
            for (size_t p = 0; p + 1 < r.out.pages.size(); ++p)
                CHECK(r.out.pages[p].lines.back().style != "heading2");
            const bool moved = after.page < one.page;
            CHECK(moved == !r.out.facts.floated_figures.empty());
            if (!on) CHECK(!moved);
            if (moved) {
                ++floated;
                // The floated chart's caption is the first line of its page, which it reached
                // from the page just before; the DOCX writes it after the paragraph that filled it.
                CHECK(one.page == after.page + 1);
                CHECK(r.out.pages[size_t(one.page)].lines.front().style == "caption");
                REQUIRE(r.out.facts.floated_figures.size() == 1);
                CHECK(r.out.facts.floated_figures.begin()->first == &d.blocks[1]);
                CHECK(r.out.facts.floated_figures.begin()->second == &d.blocks[3]);
            }
        }
    CHECK(floated >= 1);  // some filler length left the chart no room below it
}
