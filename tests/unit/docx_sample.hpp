// The sample document of the DOCX writer's tests: the default template's styles and geometry
// built by hand, and a document with every kind of block (headings, nested and restarted lists,
// a table of contents, links, a table and a chart). Shared by tests/unit/docx_writer.cpp and
// tests/integration/write_samples.cpp (which writes it for docx_writer.sh).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "docx/writer.hpp"

namespace docx_sample {

using namespace briefmake;

inline doc::Span span(std::string text, uint8_t flags = 0, std::string link = {}) {
    doc::Span s;
    s.text = std::move(text);
    s.flags = flags;
    s.link = std::move(link);
    return s;
}

inline doc::Block para(std::string style, doc::Inlines content) { return {doc::Paragraph{std::move(style), std::move(content)}, {}}; }

inline doc::Block heading(int level, std::string text, std::string anchor) {
    return {doc::Heading{level, {span(std::move(text))}, std::move(anchor)}, {}};
}

inline doc::ListItem item(std::string label, std::string text, std::vector<doc::Block> more = {}) {
    doc::ListItem it;
    it.label = std::move(label);
    it.blocks.push_back(para("list", {span(std::move(text))}));
    for (auto& b : more) it.blocks.push_back(std::move(b));
    return it;
}

inline tmpl::Style style(double size, bool bold = false) {
    tmpl::Style s;
    s.size = size;
    s.bold = bold;
    return s;
}

// The default template's styles and geometry (templates/default.yaml), built by hand.
inline tmpl::Template default_template() {
    tmpl::Template t;
    t.name = "default";
    t.page.margin_top = t.page.margin_bottom = t.page.margin_left = t.page.margin_right = 70.866;
    t.page.header_distance = t.page.footer_distance = 34.016;
    t.fonts["serif"] = {"serif", {}, {}, {}, {}, "Times New Roman"};
    t.fonts["sans"] = {"sans", {}, {}, {}, {}, "Arial"};
    auto& st = t.styles;
    st["letterhead"] = style(12, true), st["letterhead"].align = tmpl::Align::Center;
    st["title"] = style(14, true), st["title"].align = tmpl::Align::Center, st["title"].space_before = 12,
    st["title"].space_after = 2, st["title"].leading = 1.2, st["title"].docx_name = "Title";
    st["subtitle"] = style(12, true), st["subtitle"].align = tmpl::Align::Center, st["subtitle"].space_after = 12,
    st["subtitle"].transform = tmpl::CaseTransform::Upper, st["subtitle"].docx_name = "Subtitle";
    for (int l = 1; l <= 3; ++l) {
        auto& h = st["heading" + std::to_string(l)] = style(12, true);
        h.space_before = 14 - 2 * l, h.space_after = 6, h.keep_with_next = true, h.docx_name = "Heading " + std::to_string(l);
    }
    st["heading1"].transform = tmpl::CaseTransform::Upper;
    st["heading3"].italic = true;
    st["body"] = style(12), st["body"].align = tmpl::Align::Justify, st["body"].leading = 1.2, st["body"].space_after = 6,
    st["body"].docx_name = "Normal";
    st["list"] = style(12), st["list"].align = tmpl::Align::Justify, st["list"].leading = 1.2, st["list"].space_after = 3,
    st["list"].indent_left = 18, st["list"].docx_name = "List Paragraph";
    st["meta"] = style(12), st["meta"].leading = 1.2;
    st["meta-label"] = style(12, true);
    st["caption"] = style(11, true), st["caption"].align = tmpl::Align::Center, st["caption"].space_before = 8,
    st["caption"].space_after = 4, st["caption"].keep_with_next = true, st["caption"].docx_name = "Caption";
    st["source"] = style(10), st["source"].italic = true, st["source"].space_after = 8;
    st["note"] = style(10), st["note"].space_after = 6;
    st["table"] = style(11), st["table"].leading = 1.15;
    st["table-header"] = style(11, true), st["table-header"].color = {0xFF, 0xFF, 0xFF};
    st["header"] = style(10, true), st["header"].color = {0x8B, 0, 0};
    st["footer"] = style(10);
    st["toc-title"] = style(12, true), st["toc-title"].transform = tmpl::CaseTransform::Upper;
    st["toc"] = style(12), st["toc"].leading = 1.3;
    t.colors["rule"] = {0x40, 0x40, 0x40};
    t.colors["table-header"] = {0x1F, 0x38, 0x64};
    t.colors["table-stripe"] = {0xEE, 0xF1, 0xF7};
    return t;
}

inline doc::Document sample() {
    doc::Document d;
    d.tmpl = default_template();
    d.meta.title = "Türkiye-Kazakistan Ortak Stratejik Planlama Grubu";
    d.meta.subtitle = "Bilgi Notu";
    d.meta.author = "İkili Siyasi İşler Genel Müdürlüğü";
    d.meta.subject = "OSPG-8";
    d.meta.language = "tr";
    d.meta.locale = "tr-TR";
    d.meta.date_epoch = 1769990400;  // 2026-02-02T00:00:00Z

    using P = tmpl::Part;
    d.header.center = {{P::Literal, "HİZMETE ÖZEL"}};
    d.header.right = {{P::Literal, "OSPG-8/2026"}};
    d.footer.left = {{P::Literal, "HİZMETE ÖZEL"}};
    d.footer.right = {{P::Literal, "Sayfa "}, {P::Page, ""}, {P::Literal, " / "}, {P::Pages, ""}};
    d.first_header = doc::Furniture{};  // no header on the first page
    d.first_header->center = {{P::Literal, "HİZMETE ÖZEL"}};

    auto& b = d.blocks;
    b.push_back(para("letterhead", {span("T.C.")}));
    b.push_back(para("title", {span(d.meta.title)}));
    b.push_back(para("subtitle", {span("Bilgi Notu")}));
    b.push_back({doc::Toc{"İçindekiler"}, {}});
    b.push_back(heading(1, "istişare gündemi", "h-1"));
    doc::List agenda;
    agenda.kind = doc::ListKind::Ordered;
    agenda.style = "agenda";
    doc::List sub;
    sub.kind = doc::ListKind::Ordered;
    sub.style = "agenda";
    sub.level = 1;
    sub.items = {item("1.1.", "Enerji işbirliği"), item("1.2.", "Ulaştırma koridorları")};
    agenda.items = {item("1.", "Siyasi ilişkiler", {{sub, {}}}), item("2.", "Ekonomik ilişkiler")};
    b.push_back({agenda, {}});
    b.push_back(heading(2, "Bağlam", "h-2"));
    b.push_back(para("body", {span("Orta Koridor "), span("Türkiye-Kazakistan", doc::Bold),
                              span(" ilişkilerinin görüşülmesi sırasında değerlendirilecektir.\tSekme sonrası"),
                              span("", 0, {}), span("kontrol\x01karakteri\x1F temizlenir.", doc::Italic)}));
    doc::Span br;
    br.line_break = true;
    b.push_back(para("body", {span("Ayrıntılar için "), span("Bakanlık sitesi", 0, "https://www.mfa.gov.tr/?a=1&b=2"),
                                        span(" ve "), span("bağlam bölümü", 0, "#h-2"), br, span("yeni satır.")}));
    b.push_back(para("body", {span("Orta Koridor güzergâhındaki lojistik darboğazların giderilmesi için "
                                   "kapsamlı değerlendirmeler yapılacaktır.\x01 Son\x1F" "cümle.")}));
    doc::List bullets;
    bullets.items = {item("•", "Kazakistan heyeti"), item("•", "Türkiye heyeti")};
    b.push_back({bullets, {}});
    doc::List numbered;
    numbered.kind = doc::ListKind::Ordered;
    numbered.style = "numbered";
    numbered.items = {item("1.", "Birinci"), item("2.", "İkinci")};
    b.push_back({numbered, {}});
    doc::List numbered2 = numbered;  // a separate list: restarts at 1
    b.push_back({numbered2, {}});

    doc::Table meta;
    meta.style = "meta";
    meta.widths = {1, 3};
    meta.header_rows = 0;
    meta.rows = {{{{span("Tarih")}, false}, {{span("2 Şubat 2026")}, false}}, {{{span("Yer")}, false}, {{span("Astana")}, false}}};
    b.push_back({meta, {}});

    b.push_back(heading(3, "Ticaret", "h-3"));
    doc::Figure fig;
    fig.id = "ticaret";
    fig.label = "Tablo 1";
    fig.caption = {span("Tablo 1. Dış ticaret (milyon ABD doları)")};
    doc::Table t;
    t.widths = {3, 1, 1};
    t.rows = {{{{span("Yıl")}, false}, {{span("İhracat")}, true}, {{span("İthalat")}, true}},
              {{{span("2024")}, false}, {{span("1.234,5")}, true}, {{span("2.345,6")}, true}},
              {{{span("2025")}, false}, {{span("1.456,7")}, true}, {{span("2.567,8")}, true}}};
    fig.table = t;
    fig.source = {span("Kaynak: TÜİK")};
    b.push_back({fig, {}});
    doc::Figure chart;
    chart.id = "grafik";
    chart.kind = spec::FigureKind::Bar;
    chart.label = "Şekil 1";
    chart.caption = {span("Şekil 1. Yolcu sayısı")};
    doc::Chart c;
    c.kind = spec::FigureKind::Bar;
    c.categories = {"2024", "2025"};
    c.series = {{"Yolcu", {1.5, 2.25}, {"1,5", "2,25"}}};
    c.value_axis_title = "milyon";
    c.decimals = 2;
    chart.chart = c;
    chart.note = {span("Not: geçici veriler.")};
    b.push_back({chart, {}});
    return d;
}

inline docx::Options options() {
    docx::Options o;
    o.anchor_pages = {{"h-1", 1}, {"h-2", 2}, {"h-3", 2}};
    o.page_count = 3;
    return o;
}

}  // namespace docx_sample
