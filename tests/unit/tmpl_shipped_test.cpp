// The shipped templates (templates/*.yaml): each one loads, and those that extend default change
// only what they override (labels, fonts, palette and the styles they leave alone stay default's).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "helpers.hpp"
#include "tmpl/template.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace fs = std::filesystem;

namespace {
tmpl::Template shipped(const std::string& name) { return tmpl::load_template(name, ".", {}, context()); }

std::vector<std::string> shipped_names() {
    std::vector<std::string> v;
    for (const auto& e : fs::directory_iterator(fs::path(BRIEFMAKE_SOURCE_DIR) / "templates"))
        if (e.path().extension() == ".yaml") v.push_back(e.path().stem().string());
    std::sort(v.begin(), v.end());
    return v;
}
}  // namespace

TEST_CASE("every shipped template loads, with every style on a known font") {
    auto names = shipped_names();
    for (const char* want : {"compact", "default", "memo-en"})
        CHECK(std::find(names.begin(), names.end(), want) != names.end());
    for (const auto& name : names) {
        CAPTURE(name);
        tmpl::Template t;
        REQUIRE_NOTHROW(t = shipped(name));
        CHECK(t.name == name);
        for (const auto& [key, st] : t.styles) {
            CAPTURE(key);
            CHECK(t.fonts.count(st.font) == 1);
        }
        for (const char* lang : {"tr", "en", "ru", "kk"}) {
            CAPTURE(lang);
            CHECK(t.labels.count(lang) == 1);
        }
    }
}

// Rec. 709 luma (0..1) of an sRGB colour: roughly the grey a greyscale printer or copier gives it.
double luma(const tmpl::Color& c) { return (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255.0; }

TEST_CASE("every shipped template's chart colours stay apart when printed in greyscale") {
    // Briefs are often printed or copied in black and white: two series (or pie slices) must not
    // turn into the same grey. The old default palette had C0504D and 8064A2 at 0.41 and 0.43.
    const double min_gap = 0.12;
    for (const auto& name : shipped_names()) {
        CAPTURE(name);
        auto t = shipped(name);
        REQUIRE(t.chart_palette.size() >= 6);
        for (size_t i = 0; i < 6; ++i)
            for (size_t j = i + 1; j < 6; ++j) {
                CAPTURE(i);
                CAPTURE(j);
                CHECK(std::fabs(luma(t.chart_palette[i]) - luma(t.chart_palette[j])) >= min_gap);
            }
    }
    // The reader's own palette, for a template that names none.
    auto ctx = context();
    auto bare = tmpl::parse_template("name: bare\nfonts:\n  serif: {regular: LiberationSerif-Regular.ttf}\n"
                                     "styles:\n  body: {font: serif}\n",
                                     "bare.yaml", ctx.templates_dir(), ctx);
    REQUIRE(bare.chart_palette.size() >= 4);
    for (size_t i = 0; i < bare.chart_palette.size(); ++i)
        for (size_t j = i + 1; j < bare.chart_palette.size(); ++j)
            CHECK(std::fabs(luma(bare.chart_palette[i]) - luma(bare.chart_palette[j])) >= min_gap);
}

TEST_CASE("compact: sans-serif, small type, narrow margins, no letterhead, no sections") {
    auto base = shipped("default");
    auto t = shipped("compact");
    CHECK(t.chain.size() == 2);
    for (const auto& [key, st] : t.styles) {
        CAPTURE(key);
        CHECK(st.font == "sans");
    }
    CHECK(t.fonts.at("sans").docx_name == "Arial");
    CHECK(t.styles.at("body").size >= 10);
    CHECK(t.styles.at("body").size <= 10.5);
    CHECK(t.page.margin_left < base.page.margin_left);
    CHECK(t.page.margin_top < base.page.margin_top);
    CHECK(t.page.width == doctest::Approx(base.page.width));  // A4
    CHECK(t.letterhead.empty());
    CHECK(t.blocks == std::vector<std::string>{"title", "meeting", "summary", "agenda", "figures"});
    CHECK_FALSE(t.first_header);
    // inherited as they are
    CHECK(t.labels == base.labels);
    CHECK(t.fonts == base.fonts);
    CHECK(t.chart_palette == base.chart_palette);
    CHECK(t.color("table-header", {}) == base.color("table-header", {}));
    CHECK(t.styles.at("heading1").keep_with_next);          // not restated, kept from default
    CHECK(t.styles.at("heading1").docx_name == "Heading 1");  // idem
    CHECK(t.styles.at("table-header").color == base.styles.at("table-header").color);
}

TEST_CASE("memo-en: Letter, serif 11 pt, memo letterhead, summary first, own first-page header") {
    auto base = shipped("default");
    auto t = shipped("memo-en");
    CHECK(t.chain.size() == 2);
    CHECK(t.page.width == doctest::Approx(612));
    CHECK(t.page.height == doctest::Approx(792));
    CHECK(t.styles.at("body").font == "serif");
    CHECK(t.styles.at("body").size == 11);
    CHECK(t.styles.at("heading1").color != tmpl::Color{});
    CHECK(t.styles.at("heading1").transform == tmpl::CaseTransform::None);
    REQUIRE(t.letterhead.size() == 2);
    CHECK(t.letterhead[0].text == "MEMORANDUM");
    CHECK(t.letterhead[1].text == "{{ author }}");
    CHECK(t.header.center.text == "{{ classification | upper }}");
    CHECK(t.footer.center.text == "Page {{ page }} of {{ pages }}");
    CHECK(t.footer.left.text.empty());
    CHECK(t.footer.right.text.empty());
    REQUIRE(t.first_header);
    CHECK(t.first_header->center.text == "{{ classification | upper }}");
    CHECK(t.first_header->right.text.empty());
    CHECK_FALSE(t.first_footer);
    auto at = [&](const char* b) { return std::find(t.blocks.begin(), t.blocks.end(), b) - t.blocks.begin(); };
    CHECK(at("summary") < at("meeting"));
    CHECK(at("meeting") < at("agenda"));
    // inherited as they are
    CHECK(t.labels == base.labels);
    CHECK(t.fonts == base.fonts);
    CHECK(t.chart_palette == base.chart_palette);
    CHECK(t.styles.at("table-header").color == base.styles.at("table-header").color);
    CHECK(t.styles.at("heading2").keep_with_next);
    CHECK(t.styles.at("caption").bold);  // only its size, alignment and colour change
    CHECK(t.styles.at("caption").keep_with_next == base.styles.at("caption").keep_with_next);
}

TEST_CASE("a test template that extends default and upper-cases heading 2 changes nothing else") {
    auto base = shipped("default");
    auto t = tmpl::load_template("upper-headings.yaml", fs::path(BRIEFMAKE_TEST_DATA) / "data" / "tmpl", {}, context());
    CHECK(t.styles.at("heading2").transform == tmpl::CaseTransform::Upper);
    t.styles.at("heading2").transform = base.styles.at("heading2").transform;
    t.name = base.name;
    t.chain = base.chain;
    t.file = base.file;
    CHECK(t == base);
}
