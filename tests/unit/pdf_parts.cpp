// The writer's pure parts: the ToUnicode CMap text and the image checks.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "fonts/font.hpp"
#include "pdf/font_program.hpp"
#include "pdf/images.hpp"
#include "pdf/pdfa.hpp"
#include "pdf/to_unicode.hpp"

using namespace briefmake;

namespace {
std::string data(const char* name) {
    std::ifstream in(std::filesystem::path(BRIEFMAKE_SOURCE_DIR) / "tests/data/pdf" / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
size_t count(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t at = 0; (at = hay.find(needle, at)) != std::string::npos; at += needle.size()) ++n;
    return n;
}
}  // namespace

TEST_CASE("ToUnicode CMap: identity over the drawn BMP code points, runs as ranges, at most 100 per block") {
    std::string c = pdf::to_unicode_cmap({U'a', U'b', U'c', U'ş', U'\u00AD', U'қ', U'\U0001F600', char32_t(0xD800)});
    CHECK(c.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n") != std::string::npos);
    CHECK(c.find("1 beginbfrange\n<0061> <0063> <0061>\nendbfrange\n") != std::string::npos);
    CHECK(c.find("3 beginbfchar\n<00AD> <00AD>\n<015F> <015F>\n<049B> <049B>\nendbfchar\n") != std::string::npos);
    CHECK(c.find("cidrange") == std::string::npos);
    CHECK(c.find("1F600") == std::string::npos);
    CHECK(c.find("D800") == std::string::npos);
    CHECK(c.find("/CMapType 2 def") != std::string::npos);

    // A run stops where the high byte changes.
    std::string hb = pdf::to_unicode_cmap({0xFE, 0xFF, 0x100, 0x101});
    CHECK(hb.find("2 beginbfrange\n<00FE> <00FF> <00FE>\n<0100> <0101> <0100>\nendbfrange\n") != std::string::npos);

    std::set<char32_t> many;  // every other code point: 250 single entries
    for (char32_t cp = 0x400; cp < 0x400 + 500; cp += 2) many.insert(cp);
    std::string m = pdf::to_unicode_cmap(many);
    CHECK(count(m, "100 beginbfchar") == 2);
    CHECK(count(m, "50 beginbfchar") == 1);
    CHECK(count(m, "endbfchar") == 3);
    CHECK(count(m, "<05F2> <05F2>") == 1);
    CHECK(m.find("bfrange") == std::string::npos);
}

TEST_CASE("embedded font program: only the tables a renderer uses, a valid directory and checksum") {
    fonts::FontSet set;
    auto f = set.get(std::filesystem::path(BRIEFMAKE_SOURCE_DIR) / "fonts/LiberationSerif-Regular.ttf");
    const std::string subset = f->subset({U' ', U'a', U'ğ', U'x', U'H'});
    const std::string p = pdf::embeddable_font(subset);
    auto be16 = [&](size_t at) { return unsigned(uint8_t(p[at])) << 8 | uint8_t(p[at + 1]); };
    auto be32 = [&](size_t at) { return uint32_t(be16(at)) << 16 | be16(at + 2); };
    const unsigned n = be16(4);
    std::vector<std::string> tags;
    for (unsigned i = 0; i < n; ++i) {
        tags.push_back(p.substr(12 + 16 * i, 4));
        const uint32_t off = be32(12 + 16 * i + 8), len = be32(12 + 16 * i + 12);
        CHECK(off % 4 == 0);
        CHECK(off + len <= p.size());
    }
    CHECK(tags == std::vector<std::string>{"glyf", "head", "hhea", "hmtx", "loca", "maxp"});
    CHECK(p.size() < subset.size());
    uint32_t sum = 0;
    for (size_t i = 0; i + 3 < p.size(); i += 4) sum += be32(i);
    CHECK(p.size() % 4 == 0);
    CHECK(sum == 0xB1B0AFBAu);  // head.checkSumAdjustment makes the whole font sum to this
    CHECK_THROWS_AS(pdf::embeddable_font(subset.substr(0, 40)), core::Error);
}

TEST_CASE("JPEG validation") {
    const std::string jpg = data("grey.jpg");
    auto info = pdf::validate_jpeg(jpg, "grey.jpg");
    CHECK(info.width == 8);
    CHECK(info.height == 8);
    CHECK(info.components == 1);
    CHECK_NOTHROW(pdf::validate_jpeg(jpg + std::string("\0\0\r\n", 4), "padded.jpg"));
    // Fill bytes before a marker are allowed.
    std::string filled = jpg;
    filled.insert(2, "\xFF\xFF");
    CHECK_NOTHROW(pdf::validate_jpeg(filled, "filled.jpg"));

    for (const char* bad : {"truncated.jpg", "short-sof.jpg", "rgb.png"}) {
        CAPTURE(bad);
        try {
            pdf::validate_jpeg(data(bad), bad);
            FAIL("expected an error");
        } catch (const core::Error& e) {
            CHECK(e.loc().file == bad);
        }
    }
    CHECK_THROWS_AS(pdf::validate_jpeg("", "empty.jpg"), core::Error);
    CHECK_THROWS_AS(pdf::validate_jpeg("\xFF\xD8\xFF\xD9", "eoi-only.jpg"), core::Error);
    CHECK_THROWS_AS(pdf::validate_jpeg(jpg.substr(0, jpg.size() - 10), "cut-in-scan.jpg"), core::Error);
}

TEST_CASE("PNG decoding") {
    auto rgba = pdf::decode_png(data("rgba.png"), "rgba.png");
    CHECK(rgba.width == 16);
    CHECK(rgba.height == 8);
    CHECK_FALSE(rgba.gray);
    REQUIRE(rgba.color.size() == 16 * 8 * 3);
    REQUIRE(rgba.alpha.size() == 16 * 8);
    // Row 1, column 2 was written as (32, 64, 223, 138).
    const size_t px = 1 * 16 + 2;
    CHECK(uint8_t(rgba.color[px * 3]) == 32);
    CHECK(uint8_t(rgba.color[px * 3 + 1]) == 64);
    CHECK(uint8_t(rgba.color[px * 3 + 2]) == 223);
    CHECK(uint8_t(rgba.alpha[px]) == 138);

    auto rgb = pdf::decode_png(data("rgb.png"), "rgb.png");
    CHECK(rgb.alpha.empty());
    CHECK(rgb.color.size() == 16 * 8 * 3);

    for (const char* bad : {"truncated.png", "corrupt.png", "grey.jpg"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(pdf::decode_png(data(bad), bad), core::Error);
    }
    CHECK(pdf::sniff_image(data("rgb.png")) == pdf::ImageKind::Png);
    CHECK(pdf::sniff_image(data("grey.jpg")) == pdf::ImageKind::Jpeg);
    CHECK(pdf::sniff_image("GIF89a") == pdf::ImageKind::Unknown);
}

TEST_CASE("XMP packet: escaped, only the fields that are set, dates in UTC") {
    layout::Info info;
    info.title = "A <b> & \"c\"\x01 Ş";
    info.date_epoch = 0;
    std::string x = pdf::xmp_packet(info, "P");
    CHECK(x.find("<rdf:li xml:lang=\"x-default\">A &lt;b&gt; &amp; &quot;c&quot; Ş</rdf:li>") != std::string::npos);
    CHECK(x.find("\x01") == std::string::npos);
    CHECK(x.find("dc:creator") == std::string::npos);
    CHECK(x.find("pdf:Keywords") == std::string::npos);
    CHECK(x.find("<xmp:CreateDate>1970-01-01T00:00:00Z</xmp:CreateDate>") != std::string::npos);
    CHECK(x.find("<pdf:Producer>P</pdf:Producer>") != std::string::npos);
    CHECK(x.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(x.find("<pdfaid:conformance>A</pdfaid:conformance>") != std::string::npos);
    const std::string ua = pdf::xmp_packet(info, "P", false);  // without --pdfa: PDF/UA alone
    CHECK(ua.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(ua.find("pdfaid:") == std::string::npos);
    CHECK(ua.find("pdfaExtension") == std::string::npos);
    CHECK(pdf::iso_date(1700000000) == "2023-11-14T22:13:20Z");
    CHECK(pdf::iso_date(951782400) == "2000-02-29T00:00:00Z");
    CHECK(pdf::iso_date(-86400) == "1969-12-31T00:00:00Z");
}

TEST_CASE("ID hasher: order and boundaries matter") {
    auto id = [](std::initializer_list<std::string_view> parts) {
        pdf::IdHasher h;
        for (auto p : parts) h.add(p);
        return h.digest();
    };
    CHECK(id({"ab", "c"}) != id({"a", "bc"}));
    CHECK(id({"a", "b"}) != id({"b", "a"}));
    CHECK(id({"a", "b"}) == id({"a", "b"}));
    auto d = id({"x"});
    CHECK(std::vector<uint8_t>(d.begin(), d.begin() + 8) != std::vector<uint8_t>(d.begin() + 8, d.end()));
}
