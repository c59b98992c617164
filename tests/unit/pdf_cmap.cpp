// The compact cmap handed to libharu: the same code point -> glyph mapping in fewer segments.
#include <doctest/doctest.h>
#include <hb.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "fonts/font.hpp"
#include "pdf/cmap.hpp"

using namespace briefmake;

namespace {

// Glyph of every BMP code point, as HarfBuzz reads the font's cmap (0 when unmapped).
std::vector<unsigned> glyphs(const std::string& ttf) {
    hb_blob_t* blob = hb_blob_create(ttf.data(), unsigned(ttf.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    std::vector<unsigned> out(0x10000, 0);
    for (hb_codepoint_t cp = 0; cp < 0xFFFF; ++cp) {
        hb_codepoint_t g = 0;
        if (hb_font_get_nominal_glyph(font, cp, &g)) out[cp] = g;
    }
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

// segCountX2 of the (3,1) subtable that the table directory's cmap entry points to.
unsigned segments(const std::string& ttf) {
    auto u16 = [&](size_t at) { return (unsigned(uint8_t(ttf[at])) << 8) | uint8_t(ttf[at + 1]); };
    auto u32 = [&](size_t at) { return (u16(at) << 16) | u16(at + 2); };
    for (unsigned i = 0; i < u16(4); ++i) {
        if (ttf.compare(12 + 16 * i, 4, "cmap") != 0) continue;
        const size_t cmap = u32(12 + 16 * i + 8);
        for (unsigned r = 0; r < u16(cmap + 2); ++r)
            if (u16(cmap + 4 + 8 * r) == 3 && u16(cmap + 4 + 8 * r + 2) == 1)
                return u16(cmap + u32(cmap + 4 + 8 * r + 4) + 6) / 2;
    }
    return 0;
}

}  // namespace

TEST_CASE("with_compact_cmap keeps every mapping of a subset font in fewer segments") {
    auto font = fonts::Font::load(std::filesystem::path(BRIEFMAKE_SOURCE_DIR) / "fonts/LiberationSerif-Regular.ttf");
    std::set<char32_t> codes;
    for (char32_t c : std::u32string(U"Türkçe ağaç ışık İstanbul şeker öğün üzüm ÇĞİÖŞÜ 0123456789 “”–€ Қазақ әңұүө"))
        codes.insert(c);
    const std::string subset = font->subset(codes);
    const std::string compact = pdf::with_compact_cmap(subset);
    CHECK(compact != subset);
    CHECK(segments(compact) < segments(subset));
    CHECK(segments(compact) <= 6);
    CHECK(glyphs(compact) == glyphs(subset));
}

TEST_CASE("with_compact_cmap leaves what it cannot read alone") {
    CHECK(pdf::with_compact_cmap("") == "");
    CHECK(pdf::with_compact_cmap("not a font at all") == "not a font at all");
    const std::string no_cmap = std::string("\0\1\0\0\0\0", 6) + std::string(6, '\0');
    CHECK(pdf::with_compact_cmap(no_cmap) == no_cmap);
}
