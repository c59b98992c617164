// Tables, figures, charts and the table of contents.
#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "layout_fixture.hpp"

using namespace layout_test;

namespace {

doc::TableCell cell(const std::string& s, bool numeric = false) { return {{doc::Span{s, 0, {}, false}}, numeric}; }

doc::Table trade_table(int rows) {
    doc::Table t;
    t.widths = {3, 1, 1};
    t.rows.push_back({cell("Ülke"), cell("İhracat"), cell("İthalat")});
    for (int i = 0; i < rows; ++i)
        t.rows.push_back({cell("Satır " + std::to_string(i + 1) + " Kazakistan Cumhuriyeti ile ticaret"),
                          cell(std::to_string(100 + i) + ",5", true), cell(std::to_string(7 * i) + ",25", true)});
    return t;
}

doc::Block figure_block(doc::Figure f) { return doc::Block{std::move(f), {"brief.yaml", 40, 3}}; }

// 1234.56 -> "1.234,56" (two decimals, Turkish marks), for chart labels.
std::string text_of(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf, out;
    size_t dot = s.find('.');
    for (size_t i = 0; i < dot; ++i) {
        if (i && (dot - i) % 3 == 0) out += '.';
        out += s[i];
    }
    return out + "," + s.substr(dot + 1);
}

const layout::TextRun* find_run(const layout::Page& p, const std::string& s) {
    for (auto* r : runs(p))
        if (r->text == s) return r;
    return nullptr;
}

}  // namespace

TEST_CASE("a 100-row table spans pages with its header row and a continued caption on each") {
    auto d = make_document();
    d.blocks.push_back(para(turkish_text(120)));
    doc::Figure f;
    f.label = "Tablo 1";
    f.caption = {doc::Span{"Tablo 1. Dış ticaret", 0, {}, false}};
    f.table = trade_table(100);
    f.source = {doc::Span{"Kaynak: TÜİK", 0, {}, false}};
    d.blocks.push_back(figure_block(f));
    Run r(d);
    REQUIRE(r.out.pages.size() >= 3);
    std::vector<int> seen(101, 0);
    for (size_t p = 0; p < r.out.pages.size(); ++p) {
        const auto& page = r.out.pages[p];
        bool rows = false;
        double first_row_y = 1e9;
        for (auto* t : runs(page))
            if (t->text.rfind("Satır ", 0) == 0) {
                rows = true;
                first_row_y = std::min(first_row_y, t->y);
                ++seen[size_t(std::stoi(t->text.substr(7)))];
            }
        if (!rows) continue;
        INFO("page " << p + 1);
        auto* h = find_run(page, "İhracat");
        REQUIRE(h != nullptr);
        CHECK(h->y < first_row_y);
        CHECK(h->color == tmpl::Color{255, 255, 255});
        CHECK(h->font->postscript_name() == "LiberationSerif-Bold");
        bool shaded = std::any_of(page.items.begin(), page.items.end(), [&](auto& i) {
            auto* rc = std::get_if<layout::Rect>(&i);
            return rc && rc->fill == tmpl::Color{0x1F, 0x38, 0x64} && rc->y < h->y && rc->y + rc->h > h->y;
        });
        CHECK(shaded);
        if (p > 0) {
            CHECK(page_has_text(page, "(devam)"));
            CHECK(page_has_text(page, "Tablo 1. Dış ticaret"));
        }
        for (const auto& m : page.lines) CHECK(m.width <= m.measure + 0.01);
    }
    for (int i = 1; i <= 100; ++i) CHECK(seen[size_t(i)] == 1);  // every row once: none split or lost
    CHECK(!page_has_text(r.out.pages[0], "(devam)"));
    CHECK(page_has_text(r.out.pages.back(), "Kaynak: TÜİK"));
}

TEST_CASE("numeric cells are right-aligned in their column, stripes alternate") {
    auto d = make_document();
    d.blocks.push_back(doc::Block{trade_table(4), {}});
    Run r(d);
    const auto& p = r.out.pages[0];
    auto* a = find_run(p, "100,5");
    auto* b = find_run(p, "103,5");
    REQUIRE((a && b));
    double ra = a->x + a->font->width(a->text, a->size), rb = b->x + b->font->width(b->text, b->size);
    CHECK(ra == doctest::Approx(rb));
    double text_w = d.tmpl.page.width - d.tmpl.page.margin_left - d.tmpl.page.margin_right;
    CHECK(ra == doctest::Approx(d.tmpl.page.margin_left + text_w * 4 / 5 - 4));  // column 2 of weights 3:1:1
    int stripes = 0;
    for (auto& i : p.items)
        if (auto* rc = std::get_if<layout::Rect>(&i); rc && rc->fill == tmpl::Color{0xEE, 0xF1, 0xF7}) ++stripes;
    CHECK(stripes == 2);
}

TEST_CASE("a meta table has no rules and a bold first column") {
    auto d = make_document();
    doc::Table t;
    t.style = "meta";
    t.header_rows = 0;
    t.widths = {1, 3};
    t.rows.push_back({cell("Tarih"), cell("2 Şubat 2026")});
    t.rows.push_back({cell("Yer"), cell("Ankara")});
    d.blocks.push_back(doc::Block{t, {}});
    d.header = {};
    Run r(d);
    const auto& p = r.out.pages[0];
    auto* k = find_run(p, "Tarih");
    auto* v = find_run(p, "Ankara");
    REQUIRE((k && v));
    CHECK(k->font->postscript_name() == "LiberationSerif-Bold");
    CHECK(v->font->postscript_name() == "LiberationSerif");
    CHECK(std::none_of(p.items.begin(), p.items.end(), [](auto& i) { return std::holds_alternative<layout::Rule>(i); }));
}

TEST_CASE("a figure that fits a page is never split: it moves to the next page whole") {
    int moved = 0;
    for (int filler = 250; filler <= 450; filler += 20) {
        auto d = make_document();
        d.blocks.push_back(para(turkish_text(filler)));
        doc::Figure f;
        f.caption = {doc::Span{"Tablo 1. Dış ticaret", 0, {}, false}};
        f.table = trade_table(12);
        f.source = {doc::Span{"Kaynak: TÜİK", 0, {}, false}};
        d.blocks.push_back(figure_block(f));
        Run r(d);
        int cap = -1, src = -1;
        for (size_t p = 0; p < r.out.pages.size(); ++p) {
            if (page_has_text(r.out.pages[p], "Tablo 1. Dış ticaret")) cap = int(p);
            if (page_has_text(r.out.pages[p], "Kaynak: TÜİK")) src = int(p);
        }
        INFO("filler " << filler);
        CHECK(cap == src);
        CHECK(!page_has_text(r.out.pages[size_t(cap)], "(devam)"));
        if (cap == 1) ++moved;
    }
    CHECK(moved >= 1);
}

TEST_CASE("a grouped bar chart: bars per value, round ticks, value labels, legend, wrapped categories") {
    auto d = make_document();
    doc::Figure f;
    f.kind = spec::FigureKind::Bar;
    f.caption = {doc::Span{"Şekil 1. Ticaret hacmi", 0, {}, false}};
    doc::Chart c;
    c.kind = spec::FigureKind::Bar;
    c.categories = {"2023", "2024", "2025 (ilk dokuz ay; geçici veriler, Türkiye İstatistik Kurumu)"};
    c.series = {{"İhracat", {8.95, 12.4, 10.1}, {"8,95", "12,4", "10,1"}},
                {"İthalat", {3.2, 4.75, 5.5}, {"3,2", "4,75", "5,5"}}};
    c.value_axis_title = "milyar ABD doları";
    f.chart = c;
    d.blocks.push_back(figure_block(f));
    Run r(d);
    const auto& p = r.out.pages[0];
    std::vector<const layout::Rect*> bars[2];
    for (auto& i : p.items)
        if (auto* rc = std::get_if<layout::Rect>(&i); rc && rc->h > 8) {
            if (rc->fill == d.tmpl.chart_palette[0]) bars[0].push_back(rc);
            if (rc->fill == d.tmpl.chart_palette[1]) bars[1].push_back(rc);
        }
    REQUIRE(bars[0].size() == 3);
    REQUIRE(bars[1].size() == 3);
    // Heights are proportional to values; bars stand on one baseline.
    CHECK(bars[0][1]->h / bars[0][0]->h == doctest::Approx(12.4 / 8.95).epsilon(1e-3));
    CHECK(bars[0][0]->y + bars[0][0]->h == doctest::Approx(bars[1][2]->y + bars[1][2]->h));
    CHECK(find_run(p, "-5") == nullptr);
    for (auto* l : {"8,95", "4,75", "İhracat", "İthalat", "milyar ABD doları", "0", "5", "10", "15"})
        CHECK_MESSAGE(find_run(p, l) != nullptr, l);
    CHECK(find_run(p, "20") == nullptr);  // ticks stop at the first round value above the maximum
    // The long category wraps: its words are on more than one baseline.
    std::set<double> ys;
    for (auto* t : runs(p))
        if (t->text.find("ilk") != std::string::npos || t->text.find("Kurumu") != std::string::npos) ys.insert(t->y);
    CHECK(ys.size() >= 2);
}

namespace {
// A bar chart of `categories` x `series` values, each labelled "1.234,56" (wide for its bar).
doc::Figure crowded_bars(size_t categories, size_t series) {
    doc::Chart c;
    c.kind = spec::FigureKind::Bar;
    for (size_t i = 0; i < categories; ++i) c.categories.push_back("K" + std::to_string(i + 1));
    for (size_t j = 0; j < series; ++j) {
        doc::ChartSeries s{"S" + std::to_string(j + 1), {}, {}};
        for (size_t i = 0; i < categories; ++i) {
            s.values.push_back(1000 + 100.0 * double(i) + 10.0 * double(j) + 0.56);
            s.labels.push_back(text_of(s.values.back()));
        }
        c.series.push_back(s);
    }
    doc::Figure f;
    f.kind = spec::FigureKind::Bar;
    f.chart = c;
    return f;
}
}  // namespace

TEST_CASE("value labels too wide for their bars even at 5 pt are left out of that chart, in the PDF and the DOCX") {
    // 12 categories x 3 series: 5-pt labels overlapped each other; now the chart has none.
    auto d = make_document();
    d.blocks.push_back(figure_block(crowded_bars(12, 3)));
    Run r(d);
    const auto& p = r.out.pages[0];
    int value_labels = 0, bars = 0;
    for (auto* t : runs(p)) value_labels += t->text.find(',') != std::string::npos;
    for (auto& i : p.items)
        if (auto* rc = std::get_if<layout::Rect>(&i); rc && rc->h > 8) ++bars;
    CHECK(bars == 36);
    CHECK(value_labels == 0);
    CHECK(page_has_text(p, "K12"));  // categories and ticks stay
    const auto& chart = *std::get<doc::Figure>(d.blocks.back().v).chart;
    CHECK(r.out.facts.unlabelled_charts.count(&chart) == 1);  // the DOCX leaves them out too

    // 4 categories x 3 series: the labels shrink but fit; none overlaps its neighbour.
    auto d2 = make_document();
    d2.blocks.push_back(figure_block(crowded_bars(4, 3)));
    Run r2(d2);
    std::vector<std::pair<double, double>> spans;  // x extents of the value labels
    double smallest = 100;
    for (auto* t : runs(r2.out.pages[0]))
        if (t->text.find(',') != std::string::npos) {
            spans.emplace_back(t->x, t->x + t->font->width(t->text, t->size));
            smallest = std::min(smallest, t->size);
        }
    REQUIRE(spans.size() == 12);
    CHECK(smallest >= 5);
    CHECK(smallest < 7.5);  // shrunk
    std::sort(spans.begin(), spans.end());
    for (size_t k = 1; k < spans.size(); ++k) CHECK(spans[k].first >= spans[k - 1].second);
    CHECK(r2.out.facts.unlabelled_charts.empty());
}

TEST_CASE("line and pie charts") {
    auto d = make_document();
    doc::Chart line;
    line.kind = spec::FigureKind::Line;
    line.categories = {"Oca", "Şub", "Mar", "Nis"};
    line.series = {{"Turist", {1, 3, 2, 4}, {"1", "3", "2", "4"}}};
    doc::Chart pie;
    pie.kind = spec::FigureKind::Pie;
    pie.categories = {"Enerji", "Tarım", "Diğer"};
    pie.series = {{"Pay", {50, 30, 20}, {"50", "30", "20"}}};
    doc::Figure f1, f2;
    f1.kind = spec::FigureKind::Line;
    f1.chart = line;
    f2.kind = spec::FigureKind::Pie;
    f2.chart = pie;
    d.blocks.push_back(figure_block(f1));
    d.blocks.push_back(figure_block(f2));
    Run r(d);
    const auto& p = r.out.pages[0];
    int polylines = 0;
    double sweep = 0;
    int sectors = 0;
    for (auto& i : p.items) {
        if (auto* pa = std::get_if<layout::Path>(&i)) {
            ++polylines;
            CHECK(pa->points.size() == 4);
            CHECK(pa->points[3].second < pa->points[0].second);  // higher value, higher on the page
        }
        if (auto* s = std::get_if<layout::Sector>(&i)) {
            ++sectors;
            sweep += s->end - s->start;
        }
    }
    CHECK(polylines == 1);
    CHECK(sectors == 3);
    CHECK(sweep == doctest::Approx(360));
    CHECK(page_has_text(p, "Enerji: 50 (%50,0)"));
    CHECK(find_run(p, "-1") == nullptr);  // all values positive: the axis starts at 0
}

TEST_CASE("the table of contents lists headings with dot leaders, page numbers and links") {
    auto d = make_document();
    d.blocks.push_back(doc::Block{doc::Toc{"İçindekiler"}, {}});
    for (int i = 0; i < 5; ++i) {
        d.blocks.push_back(heading(1, "Bölüm " + std::to_string(i + 1), "h-" + std::to_string(i + 1)));
        d.blocks.push_back(para(turkish_text(350)));
    }
    Run r(d);
    const auto& p = r.out.pages[0];
    CHECK(page_has_text(p, "İÇİNDEKİLER"));
    std::vector<const layout::Link*> links;
    for (auto& i : p.items)
        if (auto* l = std::get_if<layout::Link>(&i); l && l->dest_page >= 0) links.push_back(l);
    REQUIRE(links.size() == 5);
    for (int i = 0; i < 5; ++i) {
        std::string a = "h-" + std::to_string(i + 1);
        int page = r.out.anchor_pages.at(a);
        CHECK(links[size_t(i)]->dest_page == page);
        CHECK(links[size_t(i)]->dest_y == doctest::Approx(r.out.bookmarks[size_t(i)].y));
        // The page number is right-aligned at the margin, on the entry's baseline.
        auto* entry = find_run(p, "BÖLÜM " + std::to_string(i + 1));
        auto* num = [&]() -> const layout::TextRun* {
            for (auto* t : runs(p))
                if (entry && t->text == std::to_string(page + 1) && std::abs(t->y - entry->y) < 0.01) return t;
            return nullptr;
        }();
        REQUIRE(entry != nullptr);
        REQUIRE(num != nullptr);
        CHECK(num->x + num->font->width(num->text, num->size) ==
              doctest::Approx(d.tmpl.page.width - d.tmpl.page.margin_right));
        bool leaders = false;
        for (auto* t : runs(p))
            if (std::abs(t->y - entry->y) < 0.01 && t->text.rfind(". . .", 0) == 0) leaders = true;
        CHECK(leaders);
    }
    CHECK(r.out.anchor_pages.at("h-5") >= 3);
    CHECK(r.sink.items().empty());
}

TEST_CASE("numeric cells align on the decimal mark") {
    auto d = make_document();
    doc::Table t;
    t.widths = {1, 1};
    t.rows.push_back({cell("Kalem"), cell("Tutar")});
    t.rows.push_back({cell("A"), cell("1.234,5", true)});
    t.rows.push_back({cell("B"), cell("7,25", true)});
    t.rows.push_back({cell("C"), cell("12", true)});
    d.blocks.push_back(doc::Block{t, {}});
    Run r(d);
    const auto& p = r.out.pages[0];
    auto comma_x = [&](const std::string& s) {
        auto* run = find_run(p, s);
        REQUIRE(run != nullptr);
        size_t at = s.find(',');
        return run->x + run->font->width(s.substr(0, at == std::string::npos ? s.size() : at), run->size);
    };
    CHECK(comma_x("1.234,5") == doctest::Approx(comma_x("7,25")));
    CHECK(comma_x("12") == doctest::Approx(comma_x("7,25")));
    auto* wide = find_run(p, "7,25");
    CHECK(wide->x + wide->font->width("7,25", wide->size) ==
          doctest::Approx(d.tmpl.page.width - d.tmpl.page.margin_right - 4));
}

TEST_CASE("the layout tells the DOCX how far each number moved left to align its decimal mark") {
    auto d = make_document();
    doc::Table t;
    t.widths = {1, 1, 1};
    t.rows.push_back({cell("Kalem"), cell("Tutar"), cell("Adet")});
    t.rows.push_back({cell("A"), cell("1.234,5", true), cell("3", true)});
    t.rows.push_back({cell("B"), cell("7,25", true), cell("12", true)});
    t.rows.push_back({cell("C"), cell("12", true), cell("4", true)});
    d.blocks.push_back(doc::Block{t, {}});
    Run r(d);
    const auto& laid = std::get<doc::Table>(d.blocks.back().v);
    const auto& p = r.out.pages[0];
    auto* wide = find_run(p, "7,25");
    REQUIRE(wide != nullptr);
    auto moved = [&](const std::string& s) {  // how far the run ends left of the widest fraction's end
        auto* run = find_run(p, s);
        REQUIRE(run != nullptr);
        return wide->x + wide->font->width("7,25", wide->size) - (run->x + run->font->width(s, run->size));
    };
    const auto& ind = r.out.facts.decimal_indents;
    // "1.234,5": one digit short of ",25"; "12": all of ",25".
    REQUIRE(ind.count(&laid.rows[1][1]) == 1);
    CHECK(ind.at(&laid.rows[1][1]) == doctest::Approx(moved("1.234,5")));
    CHECK(ind.at(&laid.rows[1][1]) == doctest::Approx(wide->font->width("5", wide->size)));
    REQUIRE(ind.count(&laid.rows[3][1]) == 1);
    CHECK(ind.at(&laid.rows[3][1]) == doctest::Approx(wide->font->width(",25", wide->size)));
    CHECK(ind.count(&laid.rows[2][1]) == 0);  // the widest: flush right
    for (size_t row = 0; row < laid.rows.size(); ++row) {
        CHECK(ind.count(&laid.rows[row][0]) == 0);  // text
        CHECK(ind.count(&laid.rows[row][2]) == 0);  // whole numbers only: flush right
    }
}

namespace {

// Words that occur once each, in order: "söz1 söz2 ...".
std::string numbered_words(int from, int to) {
    std::string s;
    for (int i = from; i <= to; ++i) s += (i > from ? " söz" : "söz") + std::to_string(i);
    return s;
}

// The words of a page's runs that start with `prefix`, in drawing order (table cells are set
// ragged right, so no word is hyphenated).
void collect_words(const layout::Page& p, const std::string& prefix, std::vector<std::string>& out) {
    for (auto* r : runs(p)) {
        std::istringstream in(r->text);
        for (std::string w; in >> w;)
            if (w.rfind(prefix, 0) == 0) out.push_back(w);
    }
}

}  // namespace

TEST_CASE("a table row taller than a page is split inside its cells, under the header on every page") {
    auto d = make_document();
    doc::Table t;
    t.widths = {1, 2, 1};
    t.rows.push_back({cell("Başlık"), cell("Açıklama"), cell("Not")});
    t.rows.push_back({cell("Kısa satır"), cell("Önce"), cell("1")});
    // The second body row (striped): ~2.5 pages in the middle column, ~1 page on the right.
    const int words = 1300;
    t.rows.push_back({cell("Uzun satır"), cell(numbered_words(1, words)), cell(turkish_text(260))});
    t.rows.push_back({cell("Son satır"), cell("Sonra"), cell("2")});
    d.blocks.push_back(para(turkish_text(60)));
    d.blocks.push_back(doc::Block{t, {"brief.yaml", 77, 1}});
    Run r(d);
    const double top = d.tmpl.page.margin_top;
    const double bottom = d.tmpl.page.height - d.tmpl.page.margin_bottom;
    const tmpl::Color stripe{0xEE, 0xF1, 0xF7};

    REQUIRE(r.out.pages.size() >= 3);
    CHECK(!r.warned("taller than the page"));
    std::vector<std::string> seen;
    int spanned = 0;
    for (size_t p = 0; p < r.out.pages.size(); ++p) {
        const auto& page = r.out.pages[p];
        INFO("page " << p + 1);
        // Nothing of the body below the bottom margin: text (the footer aside), lines, fills.
        for (auto* run : runs(page))
            if (run->y != doctest::Approx(page.height - d.tmpl.page.footer_distance)) CHECK(run->y <= bottom);
        for (const auto& m : page.lines) CHECK(m.y <= bottom);
        for (const auto& it : page.items)
            if (auto* rc = std::get_if<layout::Rect>(&it)) CHECK(rc->y + rc->h <= bottom + 1e-6);

        size_t before = seen.size();
        collect_words(page, "söz", seen);
        if (seen.size() == before) continue;
        ++spanned;
        // The header row starts the table on every page it spans, above all of its text.
        auto* h = find_run(page, "Açıklama");
        REQUIRE(h != nullptr);
        CHECK(h->y < top + 40);
        for (auto* run : runs(page))
            if (run->text.rfind("söz", 0) == 0) CHECK(run->y > h->y);
        if (p > 0) CHECK(page_has_text(page, "(devam)"));
        // The row's stripe is drawn behind each slice's lines.
        for (auto* run : runs(page)) {
            if (run->text.rfind("söz", 0) != 0) continue;
            bool shaded = std::any_of(page.items.begin(), page.items.end(), [&](auto& i) {
                auto* rc = std::get_if<layout::Rect>(&i);
                return rc && rc->fill == stripe && rc->y < run->y && rc->y + rc->h > run->y;
            });
            CHECK(shaded);
        }
    }
    CHECK(spanned >= 3);
    // Every word of the tall cell once, in order: no line lost or drawn twice at a slice break.
    REQUIRE(seen.size() == size_t(words));
    for (int i = 1; i <= words; ++i) CHECK(seen[size_t(i - 1)] == "söz" + std::to_string(i));
    // The rows around it are there, once each, and the table ends with the last row.
    int short_rows = 0, last_rows = 0;
    for (const auto& page : r.out.pages) {
        short_rows += page_has_text(page, "Kısa satır");
        last_rows += page_has_text(page, "Son satır");
    }
    CHECK(short_rows == 1);
    CHECK(last_rows == 1);
    CHECK(page_has_text(r.out.pages.back(), "Son satır"));
}

TEST_CASE("a heading, a caption and a table's header stay on the page with the first slice of a tall first row") {
    for (bool in_figure : {false, true}) {
        auto d = make_document();
        d.blocks.push_back(para(turkish_text(200)));
        d.blocks.push_back(heading(1, "Ekler", "h-1"));  // kept with the next block
        doc::Table t;
        t.widths = {1, 2};
        t.rows.push_back({cell("Başlık"), cell("Açıklama")});
        t.rows.push_back({cell("Uzun satır"), cell(numbered_words(1, 900))});
        if (in_figure) {
            doc::Figure f;
            f.caption = {doc::Span{"Tablo 1. Ekler", 0, {}, false}};
            f.table = t;
            d.blocks.push_back(figure_block(f));
        } else {
            d.blocks.push_back(doc::Block{t, {}});
        }
        Run r(d);
        INFO("in a figure: " << in_figure);
        REQUIRE(r.out.pages.size() >= 3);
        for (size_t p = 0; p < r.out.pages.size(); ++p) {
            const auto& page = r.out.pages[p];
            INFO("page " << p + 1);
            std::vector<std::string> words;
            collect_words(page, "söz", words);
            // No page ends with the table's header and nothing under it.
            if (find_run(page, "Açıklama")) CHECK(!words.empty());
            if (page_has_text(page, "EKLER")) {
                CHECK(!words.empty());
                CHECK((!words.empty() && words.front() == "söz1"));
                if (in_figure) CHECK(page_has_text(page, "Tablo 1. Ekler"));
            }
            for (const auto& m : page.lines) CHECK(m.y <= d.tmpl.page.height - d.tmpl.page.margin_bottom);
        }
    }
}

TEST_CASE("a table line taller than the page is reported, and its row still ends a line at a time") {
    auto d = make_document();
    d.tmpl.page.margin_bottom = d.tmpl.page.height - d.tmpl.page.margin_top - 300;  // 300 pt of text
    d.tmpl.styles["table"].size = 300;                                                // 345 pt lines
    doc::Table t;
    t.widths = {1};
    t.rows.push_back({cell("Başlık")});
    t.rows.push_back({cell("A B C")});
    d.blocks.push_back(doc::Block{t, {"brief.yaml", 77, 1}});
    Run r(d);
    REQUIRE(r.warned("table row 2 has a line taller than the page leaves below the table header"));
    CHECK(r.sink.items().back().loc.line == 77);
    std::vector<std::string> letters;
    for (const auto& p : r.out.pages) {
        CHECK(page_has_text(p, "Başlık"));
        std::vector<std::string> on_page;
        for (auto* run : runs(p))
            if (run->size == 300) on_page.push_back(run->text);
        CHECK(on_page.size() <= 1);  // one line per slice, one slice per page
        letters.insert(letters.end(), on_page.begin(), on_page.end());
    }
    CHECK(letters == std::vector<std::string>{"A", "B", "C"});
}

TEST_CASE("a table outside a figure repeats its header with a continued label") {
    auto d = make_document();
    d.blocks.push_back(doc::Block{trade_table(80), {}});
    Run r(d);
    REQUIRE(r.out.pages.size() >= 2);
    CHECK(!page_has_text(r.out.pages[0], "(devam)"));
    for (size_t p = 1; p < r.out.pages.size(); ++p) {
        auto* c = find_run(r.out.pages[p], "(devam)");
        auto* h = find_run(r.out.pages[p], "İhracat");
        REQUIRE((c && h));
        CHECK(c->y < h->y);
    }
}
