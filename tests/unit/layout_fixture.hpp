// A hand-built template and document helpers for the layout tests (the template reader is
// tested on its own; here every field is set directly).
#pragma once
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "doc/doc.hpp"
#include "fonts/font.hpp"
#include "layout/layout.hpp"

namespace layout_test {

using namespace briefmake;

inline std::filesystem::path font(const char* name) {
    return std::filesystem::path(BRIEFMAKE_SOURCE_DIR) / "fonts" / name;
}

inline tmpl::Style style(double size, bool bold, tmpl::Align align, double before, double after, double leading = 1.2,
                         bool keep = false) {
    tmpl::Style s;
    s.font = "serif";
    s.size = size;
    s.bold = bold;
    s.align = align;
    s.space_before = before;
    s.space_after = after;
    s.leading = leading;
    s.keep_with_next = keep;
    return s;
}

// The default template's values (templates/default.yaml).
inline tmpl::Template make_template() {
    using A = tmpl::Align;
    tmpl::Template t;
    t.name = "test";
    t.fonts["serif"] = {"serif", font("LiberationSerif-Regular.ttf"), font("LiberationSerif-Bold.ttf"),
                        font("LiberationSerif-Italic.ttf"), font("LiberationSerif-BoldItalic.ttf"), "Times New Roman"};
    t.fallback_font = font("DejaVuSans.ttf");
    t.styles["letterhead"] = style(12, true, A::Center, 0, 0, 1.15);
    t.styles["title"] = style(14, true, A::Center, 12, 2);
    t.styles["subtitle"] = style(12, true, A::Center, 0, 12);
    t.styles["subtitle"].transform = tmpl::CaseTransform::Upper;
    t.styles["heading1"] = style(12, true, A::Left, 12, 6, 1.15, true);
    t.styles["heading1"].transform = tmpl::CaseTransform::Upper;
    t.styles["heading2"] = style(12, true, A::Left, 10, 4, 1.15, true);
    t.styles["heading3"] = style(12, true, A::Left, 8, 3, 1.15, true);
    t.styles["heading3"].italic = true;
    t.styles["body"] = style(12, false, A::Justify, 0, 6);
    t.styles["list"] = style(12, false, A::Justify, 0, 3);
    t.styles["list"].indent_left = 18;
    t.styles["meta"] = style(12, false, A::Left, 0, 1);
    t.styles["meta-label"] = style(12, true, A::Left, 0, 0);
    t.styles["caption"] = style(11, true, A::Center, 8, 4, 1.15, true);
    t.styles["source"] = style(10, false, A::Left, 2, 8);
    t.styles["source"].italic = true;
    t.styles["note"] = style(10, false, A::Left, 0, 6);
    t.styles["table"] = style(11, false, A::Left, 0, 0, 1.15);
    t.styles["table-header"] = style(11, true, A::Left, 0, 0, 1.15);
    t.styles["table-header"].color = {255, 255, 255};
    t.styles["header"] = style(10, true, A::Left, 0, 0);
    t.styles["header"].color = {0x8B, 0, 0};
    t.styles["footer"] = style(10, false, A::Left, 0, 0);
    t.styles["toc-title"] = style(12, true, A::Left, 0, 6);
    t.styles["toc-title"].transform = tmpl::CaseTransform::Upper;
    t.styles["toc"] = style(12, false, A::Left, 0, 0, 1.3);
    t.colors["rule"] = {0x40, 0x40, 0x40};
    t.colors["table-header"] = {0x1F, 0x38, 0x64};
    t.colors["table-stripe"] = {0xEE, 0xF1, 0xF7};
    t.chart_palette = {{0x1F, 0x38, 0x64}, {0xC0, 0x50, 0x4D}, {0x9B, 0xBB, 0x59}};
    t.labels["tr"] = {{"continued", "(devam)"}, {"page", "Sayfa"}, {"contents", "İçindekiler"}};
    t.labels["en"] = {{"continued", "(continued)"}, {"page", "Page"}, {"contents", "Contents"}};
    return t;
}

inline doc::Document make_document() {
    doc::Document d;
    d.meta.title = "OSPG-8 Toplantısı";
    d.meta.author = "Dışişleri Bakanlığı";
    d.meta.language = "tr";
    d.meta.locale = "tr-TR";
    d.meta.date_epoch = 1770000000;
    d.tmpl = make_template();
    using P = tmpl::Part;
    d.footer.right = {P{P::Literal, "Sayfa "}, P{P::Page, ""}, P{P::Literal, " / "}, P{P::Pages, ""}};
    d.header.center = {P{P::Literal, "GİZLİ"}};
    return d;
}

inline doc::Block para(const std::string& text, const std::string& style = "body", int line = 1) {
    return doc::Block{doc::Paragraph{style, {doc::Span{text, 0, {}, false}}}, {"brief.yaml", line, 1}};
}

inline doc::Block heading(int level, const std::string& text, const std::string& anchor) {
    return doc::Block{doc::Heading{level, {doc::Span{text, 0, {}, false}}, anchor}, {"brief.yaml", 1, 1}};
}

// Turkish running text of about `words` words.
inline std::string turkish_text(int words) {
    static const char* w[] = {"Türkiye-Kazakistan", "Stratejik", "Planlama", "Grubu", "toplantısında",
                              "ekonomik", "işbirliğinin", "güçlendirilmesi", "konusundaki", "müzakereler",
                              "Cumhurbaşkanlığı", "düzeyinde", "sürdürülmektedir", "ve", "taraflar",
                              "enerji,", "ulaştırma", "ile", "savunma", "sanayii", "alanlarında",
                              "ortak", "projelerin", "hayata", "geçirilmesini", "öngörmektedir.",
                              "Ankara'da", "gerçekleştirilecek", "görüşmelerde", "uluslararası",
                              "kuruluşlardaki", "dayanışmanın", "artırılması", "da", "ele", "alınacaktır."};
    std::string s;
    for (int i = 0; i < words; ++i) {
        if (i) s += ' ';
        s += w[(size_t(i) * 7 + size_t(i) * size_t(i) / 3 + size_t(i) / 11) % (sizeof w / sizeof *w)];
    }
    return s;
}

struct Run {
    core::WarningSink sink;
    core::Context ctx;
    fonts::FontSet fonts;
    layout::Layout out;
    explicit Run(const doc::Document& d) {
        ctx.warnings = &sink;
        out = layout::lay_out(d, fonts, ctx);
    }
    bool warned(const std::string& part) const {
        for (const auto& w : sink.items())
            if (w.message.find(part) != std::string::npos) return true;
        return false;
    }
};

inline std::vector<const layout::TextRun*> runs(const layout::Page& p) {
    std::vector<const layout::TextRun*> v;
    for (const auto& it : p.items)
        if (auto* r = std::get_if<layout::TextRun>(&it)) v.push_back(r);
    return v;
}

inline bool page_has_text(const layout::Page& p, const std::string& s) {
    for (auto* r : runs(p))
        if (r->text.find(s) != std::string::npos) return true;
    return false;
}

}  // namespace layout_test
