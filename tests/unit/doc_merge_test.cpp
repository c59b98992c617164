// Golden test: the document tree of the sample briefs. Regenerate with BRIEFMAKE_UPDATE_GOLDEN=1
// after a deliberate change, and read the diff.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "doc/dump.hpp"
#include "doc/merge.hpp"
#include "helpers.hpp"
#include "spec/reader.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace fs = std::filesystem;

namespace {
void check_golden(const std::string& brief_name) {
    auto ctx = context();
    fs::path brief = fs::path(BRIEFMAKE_SOURCE_DIR) / "briefs" / (brief_name + ".yaml");
    auto b = spec::read_brief(brief, ctx);
    auto t = tmpl::load_template(b.template_name, brief.parent_path(), b.template_loc, ctx);
    std::string got = doc::dump(doc::merge(b, t, ctx));
    fs::path golden = golden_path(brief_name + ".doc.txt");
    if (update_golden()) {
        std::ofstream(golden, std::ios::binary) << got;
    }
    std::string want = core::read_file(golden);
    CHECK(got == want);
}
}  // namespace

TEST_CASE("golden: document tree of ospg-8 (tr)") { check_golden("ospg-8"); }
TEST_CASE("golden: document tree of ospg-8-en (en)") { check_golden("ospg-8-en"); }

TEST_CASE("merge: dates, numbers and labels in the brief's language") {
    auto ctx = context();
    fs::path brief = fs::path(BRIEFMAKE_SOURCE_DIR) / "briefs" / "ospg-8.yaml";
    auto b = spec::read_brief(brief, ctx);
    auto t = tmpl::load_template("default", ".", {}, ctx);
    std::string d = doc::dump(doc::merge(b, t, ctx));
    CHECK(d.find("\"2 Şubat 2026\"") != std::string::npos);
    CHECK(d.find("\"Gündem\"") != std::string::npos);
    CHECK(d.find("#\"8,95\"") != std::string::npos);       // a numeric table cell
    CHECK(d.find("#\"3.000\"") != std::string::npos);      // grouping in Turkish
    CHECK(d.find("\"Tablo 1. ") != std::string::npos);
    CHECK(d.find("\"Şekil 1. ") != std::string::npos);
    CHECK(d.find("\"HİZMETE ÖZEL\"") != std::string::npos);  // header, upper-cased with Turkish rules

    b.language = "en";
    std::string e = doc::dump(doc::merge(b, t, ctx));
    CHECK(e.find("\"2 February 2026\"") != std::string::npos);
    CHECK(e.find("#\"8.95\"") != std::string::npos);
    CHECK(e.find("#\"3,000\"") != std::string::npos);
    CHECK(e.find("\"Table 1. ") != std::string::npos);
}

TEST_CASE("merge: file dates come from the brief, or SOURCE_DATE_EPOCH when set") {
    auto ctx = context();
    fs::path brief = fs::path(BRIEFMAKE_SOURCE_DIR) / "briefs" / "ospg-8.yaml";
    auto b = spec::read_brief(brief, ctx);
    auto t = tmpl::load_template("default", ".", {}, ctx);
    // edition 2026-02-01, at noon UTC
    CHECK(doc::merge(b, t, ctx).meta.date_epoch == 1769947200);
    b.edition.reset();  // the meeting date, 2026-02-02
    CHECK(doc::merge(b, t, ctx).meta.date_epoch == 1769947200 + 86400);
    ctx.source_date_epoch = 1700000000;
    CHECK(doc::merge(b, t, ctx).meta.date_epoch == 1700000000);
    // The edition's own date, which editions name, stays the brief's.
    CHECK(doc::merge(b, t, ctx).meta.edition_epoch == 1769947200 + 86400);
}
