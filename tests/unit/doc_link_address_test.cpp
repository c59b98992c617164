// Links for print (doc/link_address.hpp): the address lines a template's link-address adds.
#include <doctest/doctest.h>

#include "doc/edition.hpp"
#include "doc/link_address.hpp"

using namespace briefmake;
using doc::Block;
using doc::Paragraph;
using doc::Span;

namespace {

Span text(std::string t, std::string link = {}) { return Span{std::move(t), 0, std::move(link), false}; }

std::string plain(const doc::Inlines& in) {
    std::string s;
    for (const auto& sp : in) s += sp.line_break ? std::string("\n") : sp.text;
    return s;
}

}  // namespace

TEST_CASE("a paragraph with outside links is followed by their addresses, once each, in order") {
    doc::Document d;
    d.tmpl.link_address = true;
    d.blocks.push_back(Block{Paragraph{"body",
                                       {text("See "), text("the site", "https://a.example/x"), text(" and "),
                                        text("mail", "mailto:info@a.example"), text(", "),
                                        text("the site", "https://a.example/x"), text(" and "), text("below", "#h-2")}},
                             {}});
    d.blocks.push_back(Block{Paragraph{"body", {text("No links here.")}}, {}});
    doc::List l;
    doc::ListItem item;
    item.label = "1.";
    item.blocks.push_back(Block{Paragraph{"list", {text("An "), text("item link", "https://b.example")}}, {}});
    l.items.push_back(item);
    d.blocks.push_back(Block{l, {}});
    doc::add_link_addresses(d);
    REQUIRE(d.blocks.size() == 4);
    const auto& line = std::get<Paragraph>(d.blocks[1].v);
    CHECK(line.style == "note");  // the template has no "link-address" style
    CHECK(plain(line.content) == "the site: https://a.example/x\nmail: info@a.example");
    CHECK(line.content[1].link == "https://a.example/x");  // the address is a link itself
    CHECK(line.content[4].link == "mailto:info@a.example");
    CHECK(std::get<Paragraph>(d.blocks[2].v).content.size() == 1);  // no line after a paragraph without links
    const auto& items = std::get<doc::List>(d.blocks[3].v).items[0].blocks;
    REQUIRE(items.size() == 2);
    CHECK(plain(std::get<Paragraph>(items[1].v).content) == "item link: https://b.example");
}

TEST_CASE("without link-address, or for internal and deleted links, nothing is added") {
    doc::Document d;
    d.blocks.push_back(Block{Paragraph{"body", {text("site", "https://a.example")}}, {}});
    doc::add_link_addresses(d);
    CHECK(d.blocks.size() == 1);
    d.tmpl.link_address = true;
    d.tmpl.styles["link-address"] = tmpl::Style{};
    Span gone = text("old", "https://old.example");
    gone.change = doc::kDeleted;
    d.blocks[0] = Block{Paragraph{"body", {text("top", "#h-1"), gone}}, {}};
    d.blocks.push_back(Block{Paragraph{"body", {text("site", "https://a.example")}}, {}});
    doc::add_link_addresses(d);
    REQUIRE(d.blocks.size() == 3);
    CHECK(std::get<Paragraph>(d.blocks[2].v).style == "link-address");  // the template's own style
}
