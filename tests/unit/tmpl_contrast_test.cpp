// Contrast (WCAG 2.1 AA): every text colour of every shipped template against its background,
// and the warning a user template with a faint pair gets.
#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.hpp"
#include "tmpl/contrast.hpp"
#include "tmpl/template.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace fs = std::filesystem;

TEST_CASE("contrast: WCAG's ratios") {
    CHECK(tmpl::contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    CHECK(tmpl::contrast_ratio({255, 255, 255}, {0, 0, 0}) == doctest::Approx(21.0));
    CHECK(tmpl::contrast_ratio({0x77, 0x77, 0x77}, {255, 255, 255}) == doctest::Approx(4.48).epsilon(0.01));
    CHECK(tmpl::contrast_ratio({0x76, 0x76, 0x76}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
    CHECK(tmpl::contrast_ratio({0x8B, 0, 0}, {255, 255, 255}) == doctest::Approx(10.02).epsilon(0.01));
}

TEST_CASE("contrast: every text colour of every shipped template reaches AA on its background") {
    size_t templates = 0;
    for (const auto& e : fs::directory_iterator(fs::path(BRIEFMAKE_SOURCE_DIR) / "templates")) {
        if (e.path().extension() != ".yaml") continue;
        ++templates;
        core::WarningSink sink;
        core::Context ctx = context();
        ctx.warnings = &sink;
        const tmpl::Template t = tmpl::load_template(e.path().stem().string(), ".", {}, ctx);
        const auto pairs = tmpl::contrast_pairs(t);
        // Each style on the page (the header row's on its shading), stripes, chart labels.
        CHECK(pairs.size() >= t.styles.size() + 1);
        bool header_on_fill = false;
        for (const auto& p : pairs) {
            CAPTURE(t.name);
            CAPTURE(tmpl::describe(p));
            CHECK(p.passes());
            header_on_fill |= p.style == "table-header" && p.fill == "table-header";
        }
        CHECK(header_on_fill);
        CHECK(sink.items().empty());
    }
    CHECK(templates >= 3);
}

TEST_CASE("contrast: large bold text needs 3:1, other text 4.5:1") {
    tmpl::Template t;
    tmpl::Style big;
    big.size = 14;
    big.bold = true;
    big.color = {0x8A, 0x8A, 0x8A};  // 3.45:1 on white
    tmpl::Style small = big;
    small.bold = false;
    t.styles = {{"title", big}, {"body", small}};
    for (const auto& p : tmpl::contrast_pairs(t)) {
        if (p.style == "title") CHECK((p.required == 3.0 && p.passes()));
        if (p.style == "body") CHECK((p.required == 4.5 && !p.passes()));
    }
}

TEST_CASE("contrast: a user template below AA gets a warning naming the pair, at its colour") {
    TempDir dir;
    dir.write("faint.yaml",
              "extends: default\n"
              "name: faint\n"
              "styles:\n"
              "  caption: {color: \"999999\"}\n"
              "colors:\n"
              "  table-stripe: \"606060\"\n");
    core::WarningSink sink;
    core::Context ctx = context();
    ctx.warnings = &sink;
    tmpl::load_template("faint.yaml", dir.path, {}, ctx);
    std::vector<std::string> got;
    for (const auto& d : sink.items()) got.push_back(core::format(d));
    REQUIRE(got.size() == 2);
    std::sort(got.begin(), got.end());
    CAPTURE(got[0]);
    CHECK(got[0].find("faint.yaml:4:20: warning: low contrast: style caption (999999) on the page (FFFFFF): 2.85:1, "
                      "needs 4.5:1") != std::string::npos);
    CHECK(got[1].find("faint.yaml:6:17: warning: low contrast: style table (000000) on colors.table-stripe (606060)") !=
          std::string::npos);
}
