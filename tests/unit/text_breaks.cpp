// UAX #14 line-break opportunities, as byte offsets into UTF-8.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/text.hpp"

using namespace briefmake::text;

namespace {
std::vector<size_t> offsets(std::string_view s, std::string_view lang = "tr") {
    std::vector<size_t> out;
    for (const BreakOpportunity& b : line_breaks(s, lang)) out.push_back(b.offset);
    return out;
}
}  // namespace

TEST_CASE("breaks after a hyphen and at spaces, never inside a word") {
    const std::string s = "Türkiye-Kazakistan ortak";
    // "Türkiye-" is 9 bytes (ü takes two), "Kazakistan " 11 more, then "ortak".
    CHECK(offsets(s) == std::vector<size_t>{9, 20, 25});
    for (const BreakOpportunity& b : line_breaks(s, "tr")) CHECK_FALSE(b.hard);
}

TEST_CASE("the end of the text is always an opportunity") {
    CHECK(offsets("Bakanlığı") == std::vector<size_t>{12});  // ı ğ ı take two bytes each
    CHECK(offsets("").empty());
}

TEST_CASE("mandatory breaks are marked hard") {
    const auto breaks = line_breaks("bir\niki üç", "tr");
    REQUIRE(breaks.size() == 3);
    CHECK(breaks[0].offset == 4);
    CHECK(breaks[0].hard);
    CHECK(breaks[1].offset == 8);
    CHECK_FALSE(breaks[1].hard);
    CHECK(breaks[2].offset == 12);
}

TEST_CASE("no break at a no-break space or inside numbers") {
    CHECK(offsets("1\xC2\xA0" "234,56 ABD") == std::vector<size_t>{10, 13});
    CHECK(offsets("8,95 milyar") == std::vector<size_t>{5, 11});
    CHECK(offsets("2 февраля 2026\xC2\xA0г.", "ru") == std::vector<size_t>{2, 17, 26});
}

TEST_CASE("punctuation stays with the word before it") {
    // "(OSPG-8/2026)" is one unit; the break comes at the space after the comma.
    CHECK(offsets("toplantı, (OSPG-8/2026)") == std::vector<size_t>{11, 24});
}
