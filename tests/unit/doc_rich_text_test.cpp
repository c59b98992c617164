#include <doctest/doctest.h>

#include "doc/dump.hpp"
#include "doc/merge.hpp"

using namespace briefmake;

namespace {
std::string dump_blocks(const std::vector<doc::Block>& blocks) {
    doc::Document d;
    d.blocks = blocks;
    std::string all = doc::dump(d);
    return all.substr(all.find("footer"));  // skip meta, template, header lines
}
}  // namespace

TEST_CASE("rich text: paragraphs, strong, emphasis, links and hard breaks") {
    spec::RichText rt{"İki **ülke** arasındaki *ilişkiler*\nsürüyor.\n\nBkz. [TDT](https://www.turkicstates.org)  \nson satır", {"b.yaml", 3, 10}};
    auto blocks = doc::parse_rich_text(rt, "body");
    REQUIRE(blocks.size() == 2);
    CHECK(dump_blocks(blocks) ==
          "footer \"\" \"\" \"\"\n"
          "para body: \"İki \" b:\"ülke\" \" arasındaki \" i:\"ilişkiler\" \" sürüyor.\"\n"
          "para body: \"Bkz. \" @https://www.turkicstates.org:\"TDT\" <br> \"son satır\"\n");
}

TEST_CASE("rich text: bullet and numbered lists with nesting") {
    spec::RichText rt{"- bir\n- iki\n  1. alt\n  2. alt iki\n", {}};
    auto blocks = doc::parse_rich_text(rt, "body");
    REQUIRE(blocks.size() == 1);
    const auto& l = std::get<doc::List>(blocks[0].v);
    CHECK(l.kind == doc::ListKind::Bullet);
    REQUIRE(l.items.size() == 2);
    CHECK(l.items[0].label == "•");
    const auto& nested = std::get<doc::List>(l.items[1].blocks.at(1).v);
    CHECK(nested.kind == doc::ListKind::Ordered);
    CHECK(nested.level == 1);
    CHECK(nested.items[1].label == "2.");
}

TEST_CASE("rich text: anything else is kept as literal text, never dropped") {
    spec::RichText rt{"# Başlık\n\n> alıntı\n\n`kod` ve ![resim](x.png) ve [yerel](file:///etc/passwd)\n", {}};
    auto blocks = doc::parse_rich_text(rt, "body");
    std::string d = dump_blocks(blocks);
    CHECK(d.find("\"# Başlık\"") != std::string::npos);
    CHECK(d.find("\"> alıntı\"") != std::string::npos);
    CHECK(d.find("`kod`") != std::string::npos);
    CHECK(d.find("![resim](x.png)") != std::string::npos);
    CHECK(d.find("[yerel](file:///etc/passwd)") != std::string::npos);
    CHECK(d.find("@file:") == std::string::npos);  // never a link to a local file
}
