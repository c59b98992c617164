#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/diag.hpp"
#include "fonts/font.hpp"

using namespace briefmake;

namespace {
std::filesystem::path font_path(const char* name) { return std::filesystem::path(BRIEFMAKE_SOURCE_DIR) / "fonts" / name; }
}  // namespace

TEST_CASE("advances and widths match the hmtx table of Liberation Serif") {
    auto f = fonts::Font::load(font_path("LiberationSerif-Regular.ttf"));
    // Read independently from hmtx/cmap with a separate parser (upem 2048):
    // A=1479 n=1024 k=1024 a=909 r=682, total 6027. Also the Times-Roman AFM widths
    // (722+500+500+444+333+444 = 2943/1000 em), which Liberation is metric-compatible with.
    CHECK(f->advance(U'A') == doctest::Approx(1479.0 / 2048));
    CHECK(f->advance(U'r') == doctest::Approx(682.0 / 2048));
    CHECK(f->width("Ankara", 12) == doctest::Approx(6027.0 / 2048 * 12));
    CHECK(f->width("Ankara", 12) == doctest::Approx(2.943 * 12).epsilon(0.001));
    // Multi-byte UTF-8: İ=682 s=797 t=569 a=909 n=1024 b=1024 u=1024 l=569.
    CHECK(f->width("İstanbul", 10) == doctest::Approx(6598.0 / 2048 * 10));
    CHECK(f->advance(U'ş') == doctest::Approx(797.0 / 2048));
    CHECK(f->width("", 12) == 0);

    auto b = fonts::Font::load(font_path("LiberationSerif-Bold.ttf"));
    CHECK(b->width("Ankara", 12) == doctest::Approx(6714.0 / 2048 * 12));
    CHECK(b->postscript_name() == "LiberationSerif-Bold");
    CHECK(f->postscript_name() == "LiberationSerif");
}

TEST_CASE("vertical metrics") {
    auto f = fonts::Font::load(font_path("LiberationSerif-Regular.ttf"));
    CHECK(f->ascender() > 0.8);
    CHECK(f->ascender() < 1.0);
    CHECK(f->descender() < -0.1);
    CHECK(f->descender() > -0.4);
}

TEST_CASE("coverage of Turkish and Kazakh letters") {
    auto f = fonts::Font::load(font_path("LiberationSerif-Regular.ttf"));
    for (char32_t cp : {U'ş', U'ğ', U'ı', U'İ', U'ç', U'ö', U'ü', U'ә', U'ң', U'ұ', U'қ', U'ө', U'ү', U'һ', U'і'}) {
        CAPTURE(uint32_t(cp));
        CHECK(f->has(cp));
        CHECK(f->advance(cp) > 0);
    }
    CHECK_FALSE(f->has(U'\u4E00'));
    CHECK(f->advance(U'\u4E00') == 0);
    CHECK_FALSE(f->has(U'\U0001F600'));
    // A truncated UTF-8 sequence measures as U+FFFD rather than reading past the end.
    CHECK(f->width("\xC3", 12) == doctest::Approx(f->advance(0xFFFD) * 12));
    CHECK(f->width("a\xC3", 12) == doctest::Approx((f->advance(U'a') + f->advance(0xFFFD)) * 12));
}

TEST_CASE("subset keeps the requested letters, loads back and is small") {
    auto f = fonts::Font::load(font_path("LiberationSerif-Regular.ttf"));
    std::set<char32_t> cps;
    for (char32_t c : std::u32string(U"Ankara ilişkilerin Қазақстан әңұ")) cps.insert(c);
    std::string sub = f->subset(cps);
    CAPTURE(sub.size());
    const auto whole = std::filesystem::file_size(font_path("LiberationSerif-Regular.ttf"));
    CAPTURE(whole);
    CHECK(sub.size() < whole * 3 / 10);

    auto tmp = std::filesystem::temp_directory_path() / "briefmake_fonts_subset_test.ttf";
    {
        FILE* out = std::fopen(tmp.c_str(), "wb");
        REQUIRE(out);
        std::fwrite(sub.data(), 1, sub.size(), out);
        std::fclose(out);
    }
    auto s = fonts::Font::load(tmp);
    std::filesystem::remove(tmp);
    for (char32_t c : cps) CHECK(s->has(c));
    for (char32_t c : {U' ', U'x', U'H'}) CHECK(s->has(c));
    CHECK_FALSE(s->has(U'Z'));
    CHECK(s->width("Ankara", 12) == doctest::Approx(f->width("Ankara", 12)));
    CHECK(s->postscript_name() == f->postscript_name());
}

TEST_CASE("load errors name the file") {
    auto missing = font_path("NoSuchFont.ttf");
    try {
        fonts::Font::load(missing);
        FAIL("expected an error");
    } catch (const core::Error& e) {
        CHECK(e.loc().file == missing.string());
        CHECK(std::string(e.what()).find("cannot load font") != std::string::npos);
    }
    // A text file is not a font.
    auto license = font_path("LICENSE-Liberation.txt");
    CHECK_THROWS_AS(fonts::Font::load(license), core::Error);
    // A font header with nothing behind it.
    auto tmp = std::filesystem::temp_directory_path() / "briefmake_fonts_bad.ttf";
    {
        FILE* out = std::fopen(tmp.c_str(), "wb");
        REQUIRE(out);
        const char hdr[16] = {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        std::fwrite(hdr, 1, sizeof hdr, out);
        std::fclose(out);
    }
    CHECK_THROWS_AS(fonts::Font::load(tmp), core::Error);
    std::filesystem::remove(tmp);
}

TEST_CASE("FontSet shares one face per path across threads") {
    fonts::FontSet set;
    auto p = font_path("LiberationSerif-Italic.ttf");
    std::vector<std::shared_ptr<const fonts::Font>> got(4);
    std::vector<std::thread> ts;
    for (int i = 0; i < 4; ++i) ts.emplace_back([&, i] { got[i] = set.get(p); });
    for (auto& t : ts) t.join();
    for (auto& g : got) CHECK(g.get() == got[0].get());
    CHECK(set.get(p).get() == got[0].get());
    CHECK(set.get(font_path("LiberationSerif-Regular.ttf")).get() != got[0].get());
}

TEST_CASE("tabular figures: tnum glyphs behind private-use stand-ins, only where they differ") {
    // Liberation's figures are tabular already: every digit stays itself.
    auto lib = fonts::Font::load(font_path("LiberationSerif-Regular.ttf"));
    for (char32_t d = U'0'; d <= U'9'; ++d) CHECK(lib->tabular(d) == d);
    CHECK(lib->tabular(U'a') == U'a');

    // Caladea (Debian's fonts-crosextra-caladea, installed by scripts/setup): proportional
    // default figures ("1" 362 units, "0" 517 of 1000) and a tnum feature.
    const std::filesystem::path caladea = "/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf";
    REQUIRE_MESSAGE(std::filesystem::exists(caladea), "fonts-crosextra-caladea is missing (run scripts/setup)");
    auto f = fonts::Font::load(caladea);
    CHECK(f->advance(U'1') < f->advance(U'0'));
    const char32_t one = f->tabular(U'1'), zero = f->tabular(U'0');
    CHECK(one != U'1');
    CHECK(one >= 0xE000);
    CHECK(one <= 0xF8FF);
    CHECK(f->has(one));
    CHECK(f->source(one) == U'1');
    CHECK(f->source(U'1') == U'1');
    // Its tabular figures share one advance (554 units); its tnum lookup leaves "9" as it is
    // (HarfBuzz gives the default glyph back), so "9" needs no stand-in.
    const double tab = f->advance(zero);
    CHECK(tab == doctest::Approx(0.554));
    for (char32_t d = U'0'; d <= U'8'; ++d) CHECK(f->advance(f->tabular(d)) == doctest::Approx(tab));
    CHECK(f->tabular(U'9') == U'9');
    CHECK(f->advance(one) > f->advance(U'1'));

    // The subset keeps the tnum glyph and names it for the cmap the PDF writer makes; loaded
    // back, that glyph has the tabular advance.
    std::vector<std::pair<char32_t, unsigned>> extra;
    std::string sub = f->subset({U'1', one, U'5'}, &extra);
    REQUIRE(extra.size() == 1);
    CHECK(extra[0].first == one);
    CHECK(extra[0].second != 0);
    const std::string path = (std::filesystem::temp_directory_path() / "briefmake-tnum-subset.ttf").string();
    FILE* out = std::fopen(path.c_str(), "wb");
    REQUIRE(out);
    std::fwrite(sub.data(), 1, sub.size(), out);
    std::fclose(out);
    auto back = fonts::Font::load(path);
    std::remove(path.c_str());
    CHECK(back->has(U'1'));
    CHECK_FALSE(back->has(one));  // not in the subset's own cmap: the PDF writer adds it
}
