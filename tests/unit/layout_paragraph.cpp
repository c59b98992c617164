// Paragraph layout: measure, justification, hyphenation, wide tokens, fallback characters.
#include <algorithm>
#include <map>

#include "layout_fixture.hpp"
#include "text/hyphenate.hpp"

using namespace layout_test;
using layout::LineMark;
using layout::TextRun;

namespace {

double run_right(const TextRun& r) {
    return r.x + r.font->width(r.text, r.size) + (r.hyphen ? r.font->advance(U'-') * r.size : 0);
}

// The text runs drawn on a line (same baseline, inside the line's measure).
std::vector<const TextRun*> line_runs(const layout::Page& p, const LineMark& m) {
    std::vector<const TextRun*> v;
    for (auto* r : runs(p))
        if (std::abs(r->y - m.y) < 0.01 && r->x >= m.x - 0.01 && r->x <= m.x + m.measure + 0.01) v.push_back(r);
    std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->x < b->x; });
    return v;
}

doc::Document narrow(doc::Document d, double text_width) {
    d.tmpl.page.margin_right = d.tmpl.page.width - d.tmpl.page.margin_left - text_width;
    return d;
}

}  // namespace

TEST_CASE("no line is wider than its measure and justified lines are flush on both sides") {
    auto d = make_document();
    for (int i = 0; i < 6; ++i) d.blocks.push_back(para(turkish_text(60 + 25 * i)));
    Run r(d);
    CHECK(r.sink.items().empty());
    int justified = 0, lines = 0;
    for (const auto& page : r.out.pages)
        for (const auto& m : page.lines) {
            ++lines;
            CHECK(m.width <= m.measure + 0.01);
            auto v = line_runs(page, m);
            REQUIRE(!v.empty());
            CHECK(v.front()->x == doctest::Approx(m.x).epsilon(1e-4));
            for (auto* run : v) CHECK(run_right(*run) <= m.x + m.measure + 0.01);
            if (!m.last) {
                CHECK(m.justified);
                ++justified;
                CHECK(run_right(*v.back()) == doctest::Approx(m.x + m.measure).epsilon(1e-5));
            } else {
                // The last line is left-aligned: ragged, unless total fit squeezed it.
                CHECK(run_right(*v.back()) <= m.x + m.measure + 0.01);
                if (m.justified) CHECK(run_right(*v.back()) == doctest::Approx(m.x + m.measure).epsilon(1e-5));
            }
        }
    CHECK(justified > 20);
    CHECK(lines > justified);
}

TEST_CASE("Turkish text hyphenates at valid points, never more than two lines in a row") {
    auto d = narrow(make_document(), 190);
    d.blocks.push_back(para(turkish_text(400)));
    Run r(d);
    std::vector<std::pair<const layout::Page*, LineMark>> all;
    for (const auto& page : r.out.pages)
        for (const auto& m : page.lines) all.emplace_back(&page, m);
    int hyphenated = 0, run = 0, max_run = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        const auto& [page, m] = all[i];
        auto v = line_runs(*page, m);
        REQUIRE(!v.empty());
        CHECK(v.back()->hyphen == m.hyphen);
        for (size_t k = 0; k + 1 < v.size(); ++k) CHECK(!v[k]->hyphen);
        if (!m.hyphen) {
            run = 0;
            continue;
        }
        ++hyphenated;
        max_run = std::max(max_run, ++run);
        REQUIRE(i + 1 < all.size());
        auto next = line_runs(*all[i + 1].first, all[i + 1].second);
        REQUIRE(!next.empty());
        CHECK(v.back()->text.back() != '-');  // the writer draws the hyphen
        // The word's part on this line, after any space or explicit hyphen.
        std::string head = v.back()->text.substr(v.back()->text.find_last_of(" -") + 1);
        std::string tail = next.front()->text.substr(0, next.front()->text.find_first_of(" -"));
        // The break is at one of the word's hyphenation points (punctuation stays attached).
        std::string word = head + tail;
        std::string core = word;
        while (!core.empty() && (core.back() == '.' || core.back() == ',')) core.pop_back();
        auto points = text::hyphenation_points(core, "tr");
        INFO(word);
        CHECK(std::find(points.begin(), points.end(), head.size()) != points.end());
    }
    CHECK(hyphenated >= 3);
    CHECK(max_run <= 2);
}

TEST_CASE("an explicit hyphen is a break opportunity and is kept in the text") {
    auto d = narrow(make_document(), 80);
    d.blocks.push_back(para("Türkiye-Kazakistan Türkiye-Kazakistan", "meta"));
    Run r(d);
    bool broke_after_hyphen = false;
    for (const auto& page : r.out.pages)
        for (auto* run : runs(page))
            if (run->text == "Türkiye-") broke_after_hyphen = true;
    CHECK(broke_after_hyphen);
    for (const auto& page : r.out.pages)
        for (const auto& m : page.lines) CHECK(m.width <= m.measure + 0.01);
}

TEST_CASE("a URL wider than the line is broken at characters with a warning and carries its link") {
    auto d = make_document();
    std::string url = "https://www.mfa.gov.tr/belgeler?kimlik=kazakistanstratejikplanlamagrubusekizincitoplantisiortak"
                      "bildirisiveeylemplaniankaradisisleribakanligi";
    doc::Block b{doc::Paragraph{"body", {doc::Span{"Bkz. ", 0, {}, false}, doc::Span{url, 0, url, false},
                                         doc::Span{" adresi.", 0, {}, false}}},
                 {"brief.yaml", 12, 5}};
    d.blocks.push_back(b);
    Run r(d);
    REQUIRE(r.warned("too wide for the line; broken"));
    CHECK(r.sink.items()[0].loc.line == 12);
    for (const auto& page : r.out.pages)
        for (const auto& m : page.lines) CHECK(m.width <= m.measure + 0.01);
    std::string joined;
    int links = 0;
    for (auto& it : r.out.pages[0].items) {
        if (auto* l = std::get_if<layout::Link>(&it)) {
            CHECK(l->uri == url);
            CHECK(l->w > 0);
            ++links;
        }
        if (auto* t = std::get_if<TextRun>(&it)) joined += t->text;
    }
    CHECK(links >= 2);  // one per line the URL spans
    for (auto& page : r.out.pages)
        for (auto* t : runs(page)) CHECK(!t->hyphen);  // an address never gets a hyphen
    CHECK(joined.find(url.substr(0, 30)) != std::string::npos);
}

TEST_CASE("characters the face lacks come from the fallback font; missing ones are reported") {
    auto d = make_document();
    d.blocks.push_back(para("Onay ✓ işareti ve 中 karakteri"));
    Run r(d);
    bool dejavu = false;
    for (auto* run : runs(r.out.pages[0]))
        if (run->text == "✓") dejavu = run->font->postscript_name() == "DejaVuSans";
    CHECK(dejavu);
    CHECK(r.warned("character U+4E2D is in neither font"));
    CHECK(!r.warned("U+2713"));
}

TEST_CASE("styles apply their case transform in the document language") {
    auto d = make_document();
    d.blocks.push_back(heading(1, "gündem ve istişare", "h-1"));
    Run r(d);
    CHECK(page_has_text(r.out.pages[0], "GÜNDEM VE İSTİŞARE"));
    auto v = runs(r.out.pages[0]);
    auto it = std::find_if(v.begin(), v.end(), [](auto* t) { return t->text == "GÜNDEM VE İSTİŞARE"; });
    REQUIRE(it != v.end());
    CHECK((*it)->font->postscript_name() == "LiberationSerif-Bold");
}

TEST_CASE("left, centred and right-aligned lines sit where their alignment says") {
    auto d = make_document();
    d.blocks.push_back(para("T.C.", "letterhead"));
    d.blocks.push_back(para("Sağa yaslı", "meta"));
    d.tmpl.styles["meta"].align = tmpl::Align::Right;
    Run r(d);
    const auto& p = r.out.pages[0];
    REQUIRE(p.lines.size() == 2);
    auto c = line_runs(p, p.lines[0]);
    REQUIRE(c.size() == 1);
    double mid = p.lines[0].x + p.lines[0].measure / 2;
    CHECK((c[0]->x + run_right(*c[0])) / 2 == doctest::Approx(mid));
    auto rr = line_runs(p, p.lines[1]);
    REQUIRE(!rr.empty());
    CHECK(run_right(*rr.back()) == doctest::Approx(p.lines[1].x + p.lines[1].measure));
}

TEST_CASE("a huge justified paragraph falls back to first fit and stays within the measure") {
    auto d = make_document();
    d.blocks.push_back(para(turkish_text(2600)));
    Run r(d);
    CHECK(r.out.pages.size() >= 5);
    int hy_run = 0;
    for (const auto& page : r.out.pages)
        for (const auto& m : page.lines) {
            CHECK(m.width <= m.measure + 0.01);
            hy_run = m.hyphen ? hy_run + 1 : 0;
            CHECK(hy_run <= 2);
        }
}

TEST_CASE("hard line breaks end a line without justifying it") {
    auto d = make_document();
    doc::Block b{doc::Paragraph{"body", {doc::Span{"Birinci satır", 0, {}, false}, doc::Span{"", 0, {}, true},
                                         doc::Span{"ikinci satır", 2, {}, false}}},
                 {}};
    d.blocks.push_back(b);
    Run r(d);
    const auto& p = r.out.pages[0];
    REQUIRE(p.lines.size() == 2);
    CHECK(p.lines[0].last);
    CHECK(!p.lines[0].justified);
    CHECK(page_has_text(p, "ikinci satır"));
    for (auto* t : runs(p))
        if (t->text == "ikinci satır") CHECK(t->font->postscript_name() == "LiberationSerif-Italic");
}

TEST_CASE("a word too wide for a narrow line is hyphenated, without a warning, when that makes it fit") {
    auto d = narrow(make_document(), 70);
    d.blocks.push_back(para("Cumhurbaşkanlığı", "meta"));  // left-aligned text is not hyphenated otherwise
    Run r(d);
    CHECK(r.sink.items().empty());
    const auto& p = r.out.pages[0];
    REQUIRE(p.lines.size() >= 2);
    CHECK(p.lines[0].hyphen);
    std::string joined;
    for (auto* t : runs(p))
        if (t->y < 700) joined += t->text;
    CHECK(joined.find("Cumhurbaşkanlığı") != std::string::npos);
    for (const auto& m : p.lines) CHECK(m.width <= m.measure + 0.01);
}

TEST_CASE("soft hyphens are hyphenation points and zero-width spaces break opportunities; neither is drawn") {
    auto d = narrow(make_document(), 40);
    d.blocks.push_back(para("abc\u00ADdefgh\u00ADijk x", "meta"));
    d.blocks.push_back(para("abcde\u200Bfghij", "meta"));
    Run r(d);
    CHECK(r.sink.items().empty());
    const auto& p = r.out.pages[0];
    bool hy = false;
    for (auto* t : runs(p)) {
        CHECK(t->text.find("\u00AD") == std::string::npos);
        CHECK(t->text.find("\u200B") == std::string::npos);
        if (t->hyphen) hy = true;
    }
    CHECK(hy);
    CHECK(page_has_text(p, "fghij"));
    CHECK(!page_has_text(p, "abcdefghij"));
}
