#include <doctest/doctest.h>

#include "helpers.hpp"
#include "tmpl/template.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace fs = std::filesystem;

namespace {
const fs::path kData = fs::path(BRIEFMAKE_TEST_DATA) / "data" / "tmpl";

// The error loading template `name` gives (from brief.yaml:3:11), or "no error".
std::string template_error(const std::string& name) {
    const std::string e = error_of([&] { tmpl::load_template(name, kData, {"brief.yaml", 3, 11}, context()); });
    return e.empty() ? "no error" : e;
}
}  // namespace

TEST_CASE("the default template reads with its styles, fonts and labels") {
    auto t = tmpl::load_template("default", ".", {}, context());
    CHECK(t.name == "default");
    CHECK(t.page.width == doctest::Approx(595.276));
    CHECK(t.page.margin_left == doctest::Approx(25 * 72 / 25.4));
    CHECK(t.styles.at("body").size == 12);
    CHECK(t.styles.at("body").align == tmpl::Align::Justify);
    CHECK(t.styles.at("heading1").transform == tmpl::CaseTransform::Upper);
    CHECK(t.styles.at("heading1").keep_with_next);
    CHECK(t.fonts.at("serif").docx_name == "Times New Roman");
    CHECK(t.fonts.at("serif").regular.filename() == "LiberationSerif-Regular.ttf");
    CHECK(t.label("tr", "agenda") == "Gündem");
    CHECK(t.label("kk", "agenda") == "Күн тәртібі");
    CHECK(t.label("en-US", "agenda") == "Agenda");
    CHECK(t.color("table-header", {}).hex() == "1F3864");
    CHECK(t.chain.size() == 1);
}

TEST_CASE("a template that extends default changes only what it overrides") {
    auto base = tmpl::load_template("default", ".", {}, context());
    auto ours = tmpl::load_template("ours.yaml", kData, {}, context());
    CHECK(ours.name == "ours");
    CHECK(ours.chain.size() == 2);
    CHECK(ours.styles.at("title").size == 20);
    // everything else in the title style is inherited
    auto title = ours.styles.at("title");
    title.size = base.styles.at("title").size;
    CHECK(title == base.styles.at("title"));
    CHECK(ours.footer.center.text == "{{ reference }} · {{ page }}");
    CHECK(ours.footer.left == base.footer.left);
    // all the rest is equal
    ours.styles = base.styles;
    ours.footer = base.footer;
    ours.name = base.name;
    ours.chain = base.chain;
    ours.file = base.file;
    CHECK(ours == base);
}

TEST_CASE("placeholders expand, with filters, page and pages") {
    tmpl::Pattern p{"{{ classification | upper }} — Sayfa {{ page }} / {{ pages }}", {"t.yaml", 4, 12}, {}};
    auto parts = tmpl::expand(p, {{"classification", "hizmete özel"}}, "tr");
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].text == "HİZMETE ÖZEL — Sayfa ");
    CHECK(parts[1].kind == tmpl::Part::Page);
    CHECK(parts[2].text == " / ");
    CHECK(parts[3].kind == tmpl::Part::Pages);
    auto d = tmpl::expand({"{{ meeting.date | date }}", {}, {}}, {{"meeting.date", "2026-02-02"}}, "tr");
    REQUIRE(d.size() == 1);
    CHECK(d[0].text == "2 Şubat 2026");
}

TEST_CASE("template errors point at the template's line and column") {
    CHECK(template_error("bad-placeholder.yaml").find("bad-placeholder.yaml:3:15: error: unknown placeholder \"clasification\"") !=
          std::string::npos);
    CHECK(template_error("bad-placeholder.yaml").find("did you mean \"classification\"?") != std::string::npos);
    CHECK(template_error("bad-filter.yaml").find("bad-filter.yaml:3:21: error: unknown filter \"uper\"") != std::string::npos);
    CHECK(template_error("bad-style.yaml").find("bad-style.yaml:3:20: error: unknown key \"algin\"") != std::string::npos);
    CHECK(template_error("loop.yaml").find("loop.yaml:1:10: error: template \"loop.yaml\" extends itself") != std::string::npos);
    CHECK(template_error("defualt").find("brief.yaml:3:11: error: unknown template \"defualt\"") != std::string::npos);
    CHECK(template_error("defualt").find("did you mean \"default\"?") != std::string::npos);
}

TEST_CASE("a placeholder error points at the file even where the value is escaped, quoted or folded") {
    // The columns are where "nope" stands in each file, not where it stands in the decoded text.
    CHECK(template_error("bad-escaped.yaml").find("bad-escaped.yaml:3:26: error: unknown placeholder \"nope\"") !=
          std::string::npos);
    CHECK(template_error("bad-quoted.yaml").find("bad-quoted.yaml:3:21: error: unknown placeholder \"nope\"") !=
          std::string::npos);
    CHECK(template_error("bad-block.yaml").find("bad-block.yaml:5:8: error: unknown placeholder \"nope\"") !=
          std::string::npos);
    CHECK(template_error("bad-folded.yaml").find("bad-folded.yaml:4:8: error: unknown placeholder \"nope\"") !=
          std::string::npos);
}

TEST_CASE("a letterhead line cannot hold a page number") {
    CHECK(template_error("page-in-letterhead.yaml")
              .find("page-in-letterhead.yaml:4:15: error: {{ page }} has no value here; expected it in a header or "
                    "footer slot") != std::string::npos);
}

TEST_CASE("tracking: em on the header and footer styles, a located error elsewhere") {
    auto ctx = context();
    auto read = [&](const std::string& text) { return tmpl::parse_template(text, "mem.yaml", ctx.templates_dir(), ctx); };
    auto err = [&](const std::string& text) { return error_of([&] { read(text); }); };
    auto base = tmpl::load_template("default", ".", {}, ctx);
    CHECK(base.styles.at("header").tracking == doctest::Approx(0.05));
    CHECK(base.styles.at("footer").tracking == doctest::Approx(0.05));
    CHECK(base.styles.at("body").tracking == 0);
    CHECK(read("extends: default\nstyles:\n  header: {tracking: 0.1em}\n").styles.at("header").tracking ==
          doctest::Approx(0.1));
    CHECK(read("extends: default\nstyles:\n  footer: {tracking: 0}\n").styles.at("footer").tracking == 0);
    CHECK(err("extends: default\nstyles:\n  header: {tracking: 2pt}\n").rfind(
              "mem.yaml:3:22: error: expected a tracking between -0.1em and 0.5em such as 0.05em", 0) == 0);
    CHECK(err("extends: default\nstyles:\n  header: {tracking: 0.9}\n").rfind("mem.yaml:3:22: error: expected a tracking", 0) ==
          0);
    CHECK(err("extends: default\nstyles:\n  body: {tracking: 0.05em}\n") ==
          "mem.yaml:3:20: error: tracking is laid out on the header and footer styles only, not on \"body\"");
}
