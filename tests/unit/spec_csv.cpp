// Tests for the RFC 4180 CSV reader used by figures.
#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "spec/csv.hpp"

using namespace briefmake;
using namespace briefmake::test;

namespace {
std::string csv_error(const std::string& text) {
    return error_of([&] { spec::parse_csv(text, "d.csv"); });
}
}  // namespace

TEST_CASE("csv: quoted fields hold commas, line breaks and doubled quotes") {
    auto rows = spec::parse_csv("a,b,c\n\"x, y\",\"two\nlines\",\"say \"\"hi\"\"\"\n", "d.csv");
    REQUIRE(rows.size() == 2);
    REQUIRE(rows[1].size() == 3);
    CHECK(rows[1][0].text == "x, y");
    CHECK(rows[1][0].quoted);
    CHECK(rows[1][1].text == "two\nlines");
    CHECK(rows[1][2].text == "say \"hi\"");
    CHECK(rows[1][2].loc == core::SourceLoc{"d.csv", 3, 8});
    CHECK(!rows[0][0].quoted);
}

TEST_CASE("csv: line ends, empty fields, blank lines, UTF-8 columns") {
    auto rows = spec::parse_csv("\xEF\xBB\xBFşğ,b\r\n\r\n,\r\n\"\",ü,\n", "d.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0].text == "şğ");
    CHECK(rows[0][1].loc == core::SourceLoc{"d.csv", 1, 4});
    REQUIRE(rows[1].size() == 2);
    CHECK(rows[1][0].text.empty());
    CHECK(rows[1][0].loc.line == 3);
    REQUIRE(rows[2].size() == 3);  // a trailing comma is an empty last field
    CHECK(rows[2][0].quoted);
    CHECK(rows[2][2].text.empty());
    CHECK(spec::parse_csv("", "d.csv").empty());
    CHECK(spec::parse_csv("a", "d.csv").size() == 1);  // no final line end
}

TEST_CASE("csv: malformed input is located") {
    CHECK(csv_error("a,\"b\nc\n") == "d.csv:1:3: error: unterminated quoted field; expected a closing '\"'");
    CHECK(csv_error("a,\"b\"c\n") ==
          "d.csv:1:6: error: unexpected text after a closing quote; expected ',' or the end of the line "
          "(inside quotes, write a quote as \"\")");
    CHECK(csv_error("ab\"c\n") ==
          "d.csv:1:3: error: quote inside an unquoted field; expected the whole field in quotes "
          "(write \"a \"\"b\"\" c\" for a \"b\" c)");
    CHECK(csv_error("a\rb\n") == "d.csv:1:2: error: carriage return without line feed; expected LF or CRLF line ends");
    CHECK(csv_error("a,b\n\xFF\n") == "d.csv:2:1: error: invalid UTF-8 byte; expected UTF-8 text");
}
