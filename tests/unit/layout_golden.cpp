// The dump of a small document against tests/golden/layout/small.dump: the format is part of the
// interface (tests and debugging read it). Set BRIEFMAKE_UPDATE_GOLDEN=1 to rewrite the file
// after an intended change, then review the diff.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "helpers.hpp"
#include "layout_fixture.hpp"

using namespace layout_test;

TEST_CASE("the dump of a small document matches the golden file") {
    auto d = make_document();
    d.blocks.push_back(para("T.C.", "letterhead"));
    d.blocks.push_back(heading(1, "Gündem", "h-1"));
    d.blocks.push_back(para("Kısa bir paragraf.", "meta"));
    doc::Table t;
    t.style = "meta";
    t.header_rows = 0;
    t.widths = {1, 2};
    t.rows.push_back({{{doc::Span{"Yer", 0, {}, false}}, false}, {{doc::Span{"Ankara", 0, {}, false}}, false}});
    d.blocks.push_back(doc::Block{t, {}});
    doc::Block link{doc::Paragraph{"meta", {doc::Span{"mfa.gov.tr", 0, "https://www.mfa.gov.tr", false}}}, {}};
    d.blocks.push_back(link);
    Run r(d);
    std::string got = layout::dump(r.out);
    auto path = briefmake::test::golden_path("layout/small.dump");
    if (briefmake::test::update_golden()) {
        std::ofstream(path, std::ios::binary) << got;
    }
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream want;
    want << in.rdbuf();
    CHECK(got == want.str());
}
