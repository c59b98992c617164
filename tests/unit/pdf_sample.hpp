// The sample layout of the PDF writer's tests: two A4 pages with Turkish and Kazakh text in three
// Liberation Serif faces, a hyphenated word, graphics, images, links and nested bookmarks, and the
// helpers that build it. Shared by tests/unit/pdf_writer.cpp and tests/integration/write_samples.cpp
// (which writes it for pdf_writer.sh).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "fonts/font.hpp"
#include "layout/frame.hpp"

namespace pdf_sample {

using namespace briefmake;
namespace fs = std::filesystem;

inline fs::path source(const std::string& rel) { return fs::path(BRIEFMAKE_SOURCE_DIR) / rel; }
inline fs::path data(const std::string& name) { return source("tests/data/pdf") / name; }

inline fonts::FontSet& font_set() {
    static fonts::FontSet set;
    return set;
}
inline std::shared_ptr<const fonts::Font> face(const char* name) { return font_set().get(source("fonts") / name); }

inline layout::TextRun text(double x, double y, std::string s, const char* font, double size = 12, bool hyphen = false) {
    layout::TextRun t;
    t.x = x;
    t.y = y;
    t.text = std::move(s);
    t.font = face(font);
    t.size = size;
    t.hyphen = hyphen;
    return t;
}

// Two A4 pages with Turkish and Kazakh text in three Liberation Serif faces, a word hyphenated
// across lines, graphics, links and nested bookmarks.
inline layout::Layout sample() {
    layout::Layout l;
    layout::Page p1, p2;
    p1.items.push_back(text(72, 100, "Türkçe: ağaç, ışık, İstanbul, şeker, öğün, üzüm", "LiberationSerif-Regular.ttf"));
    p1.items.push_back(text(72, 130, "Қазақ тілі: әңгіме, ұлт, қала, өнер, үй", "LiberationSerif-Bold.ttf"));
    p1.items.push_back(text(72, 160, "Eğik yazı", "LiberationSerif-Italic.ttf", 11));
    // "Uluslararası ilişki-" / "lerin güçlenmesi": each word placed by the layout.
    auto reg = "LiberationSerif-Regular.ttf";
    p1.items.push_back(text(72, 200, "Uluslararası", reg));
    p1.items.push_back(text(72 + face(reg)->width("Uluslararası ", 12), 200, "ilişki", reg, 12, true));
    p1.items.push_back(text(72, 215, "lerin", reg));
    p1.items.push_back(text(72 + face(reg)->width("lerin ", 12), 215, "güçlenmesi.", reg));
    p1.items.push_back(layout::Rule{72, 230, 523, 230, 0.75, {0x1F, 0x38, 0x64}});
    p1.items.push_back(layout::Rect{72, 240, 100, 40, layout::Color{0xDD, 0xEE, 0xFF}, layout::Color{0, 0, 0}, 0.5});
    layout::Path chart;
    chart.points = {{200, 280}, {240, 250}, {280, 265}, {320, 240}};
    chart.stroke = layout::Color{0xC0, 0, 0};
    p1.items.push_back(chart);
    p1.items.push_back(layout::Sector{400, 270, 30, 0, 135, {0x44, 0x88, 0x22}, layout::Color{255, 255, 255}});
    p1.items.push_back(layout::Sector{400, 270, 30, 135, 360, {0x22, 0x44, 0x88}, std::nullopt});
    p1.items.push_back(text(72, 320, "örnek.org bağlantısı", reg));
    p1.items.push_back(layout::Link{72, 310, 120, 14, "https://example.org/ara?q=%C5%9F", -1, 0});
    p1.items.push_back(text(72, 340, "İkinci sayfaya git", reg));
    p1.items.push_back(layout::Link{72, 330, 100, 14, "", 1, 72});
    p1.items.push_back(layout::Image{72, 360, 64, 32, data("rgba.png")});
    p1.items.push_back(layout::Image{150, 360, 32, 32, data("grey.jpg")});
    p1.items.push_back(layout::Image{200, 360, 32, 16, data("rgb.png")});
    p2.items.push_back(text(72, 90, "Қорытынды және сонғы сөз", "LiberationSerif-Bold.ttf", 16));
    p2.items.push_back(text(72, 120, "Son söz: güle güle.", reg));
    l.pages = {p1, p2};
    l.bookmarks = {{"Giriş", 1, 0, 72}, {"Ağaçlar ve ışık", 2, 0, 190}, {"Қорытынды", 1, 1, 72}};
    l.info.title = "Yıllık Rapor — Қазақстан";
    l.info.author = "Ayşe Yılmaz";
    l.info.subject = "Deneme";
    l.info.keywords = "rapor, şirket";
    l.info.creator = "briefmake";
    l.info.language = "tr";
    l.info.date_epoch = 1700000000;  // 2023-11-14 22:13:20 UTC
    return l;
}

}  // namespace pdf_sample
