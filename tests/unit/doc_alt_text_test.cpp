// Alternative text from the data (doc/alt_text): kinds, subjects, ranges and leading values in
// tr, en, ru and kk, the Turkish case endings on numbers, and a brief's own alt: winning.
#include <doctest/doctest.h>

#include "doc/alt_text.hpp"
#include "doc/merge.hpp"
#include "helpers.hpp"
#include "spec/reader.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace fs = std::filesystem;

namespace {
// The figures of a brief in `lang` with `figures` (YAML list items), merged with the default template.
std::vector<doc::Figure> merged(const std::string& figures, const std::string& lang) {
    core::Context ctx = context();
    std::string yaml = "brief: 1\ntitle: T\nlanguage: " + lang +
                       "\nmeeting: {name: M, date: 2026-02-02}\nagenda: []\nfigures:\n" + figures;
    auto b = spec::parse_brief(yaml, "b.yaml", ".", ctx);
    auto t = tmpl::load_template("default", ".", {}, ctx);
    std::vector<doc::Figure> out;
    for (const auto& blk : doc::merge(b, t, ctx).blocks)
        if (auto* f = std::get_if<doc::Figure>(&blk.v)) out.push_back(*f);
    return out;
}

const char* kTrade =
    "  - id: trade\n    kind: line\n    title: Üye ülkelerle toplam ticaret\n    unit: milyar $\n"
    "    categories: ['2019', '2020', '2021', '2022', '2023', '2024', '2025']\n"
    "    series: [{name: Ticaret, values: [14.7, 13.2, 15.8, 17.1, 18.0, 18.9, 19.8]}]\n";
}  // namespace

TEST_CASE("alt text: a line chart in the four languages") {
    CHECK(merged(kTrade, "tr").at(0).alt ==
          "Çizgi grafik: Üye ülkelerle toplam ticaret, 2019–2025, milyar $; 14,7’den 19,8’e yükseliyor.");
    CHECK(merged(kTrade, "en").at(0).alt ==
          "Line chart: Üye ülkelerle toplam ticaret, 2019–2025, milyar $; rising from 14.7 to 19.8.");
    CHECK(merged(kTrade, "ru").at(0).alt ==
          "Линейная диаграмма: Üye ülkelerle toplam ticaret, 2019–2025, milyar $; растёт с 14,7 до 19,8.");
    CHECK(merged(kTrade, "kk").at(0).alt ==
          "Сызықтық диаграмма: Üye ülkelerle toplam ticaret, 2019–2025, milyar $; 14,7 мәнінен 19,8 мәніне дейін өседі.");
}

TEST_CASE("alt text: bars give each series' extremes, pies their leading shares, tables their shape") {
    const std::string figs =
        "  - {id: b, kind: bar, title: Trade, unit: USD bn, categories: [Exports, Imports, Total],\n"
        "     series: [{name: '2024', values: [2.5, 6.0, 8.5]}, {name: '2025', values: [2.9, 6.0, 8.95]}]}\n"
        "  - {id: p, kind: pie, title: Sectors, unit: '%', categories: [A, B, C, D],\n"
        "     series: [{name: s, values: [10, 45, 25, 20]}]}\n"
        "  - {id: t, kind: table, title: Indicators, columns: [Name, Value], rows: [[a, 1], [b, 2]]}\n";
    auto en = merged(figs, "en");
    REQUIRE(en.size() == 3);
    CHECK(en[0].alt ==
          "Bar chart: Trade (Exports, Imports, Total), USD bn; 2024: highest Total (8.50), lowest Exports (2.50); "
          "2025: highest Total (8.95), lowest Exports (2.90).");
    CHECK(en[1].alt == "Pie chart: Sectors; largest shares: B 45.0%, C 25.0%, D 20.0%.");
    CHECK(en[2].alt == "Table: Indicators; 2 rows; columns: Name, Value.");
    auto tr = merged(figs, "tr");
    CHECK(tr[0].alt ==
          "Sütun grafik: Trade (Exports, Imports, Total), USD bn; 2024: en yüksek Total (8,50), en düşük Exports (2,50); "
          "2025: en yüksek Total (8,95), en düşük Exports (2,90).");
    CHECK(tr[1].alt == "Pasta grafik: Sectors; en büyük paylar: B %45,0, C %25,0, D %20,0.");
    auto ru = merged(figs, "ru");
    CHECK(ru[0].alt.rfind("Столбчатая диаграмма: Trade (Exports, Imports, Total), USD bn; 2024: максимум — Total (8,50)", 0) == 0);
    CHECK(ru[2].alt == "Таблица: Indicators; строк: 2; столбцы: Name, Value.");
    auto kk = merged(figs, "kk");
    CHECK(kk[1].alt.rfind("Дөңгелек диаграмма: Sectors; ең үлкен үлестер: B 45,0", 0) == 0);
    CHECK(kk[2].alt == "Кесте: Indicators; жол саны: 2; бағандар: Name, Value.");
}

TEST_CASE("alt text: a falling and a flat line") {
    auto f = merged("  - {id: l, kind: line, title: X, categories: [a, b, c], series: [{name: s, values: [30, 12, 4]}]}\n"
                    "  - {id: m, kind: line, title: Y, categories: [a, b], series: [{name: s, values: [3, 3]}]}\n",
                    "tr");
    CHECK(f.at(0).alt == "Çizgi grafik: X, a–c; 30’dan 4’e düşüyor.");
    CHECK(f.at(1).alt == "Çizgi grafik: Y, a–b; 3’te sabit kalıyor.");
}

TEST_CASE("alt text: a brief's alt: wins over the generated words") {
    auto f = merged("  - id: trade\n    kind: line\n    title: T\n    alt: Trade grew steadily after 2020.\n"
                    "    categories: [a, b]\n    series: [{name: s, values: [1, 2]}]\n",
                    "en");
    CHECK(f.at(0).alt == "Trade grew steadily after 2020.");
}

TEST_CASE("alt text: Turkish case endings follow the number's last spoken word") {
    using doc::turkish_number_case;
    CHECK(turkish_number_case("14,7", 'b') == "’den");    // yedi
    CHECK(turkish_number_case("19,8", 'a') == "’e");      // sekiz
    CHECK(turkish_number_case("112,40", 'b') == "’tan");  // kırk
    CHECK(turkish_number_case("15.905,50", 'a') == "’ye");  // elli
    CHECK(turkish_number_case("3", 'b') == "’ten");       // üç
    CHECK(turkish_number_case("6", 'a') == "’ya");        // altı
    CHECK(turkish_number_case("9", 'l') == "’da");        // dokuz
    CHECK(turkish_number_case("40", 'l') == "’ta");       // kırk
    CHECK(turkish_number_case("100", 'a') == "’e");       // yüz
    CHECK(turkish_number_case("2.000", 'b') == "’den");   // bin
    CHECK(turkish_number_case("3.000.000", 'a') == "’a");  // milyon
    CHECK(turkish_number_case("0", 'a') == "’a");         // sıfır
    CHECK(turkish_number_case("-4,25", 'b') == "’ten");   // beş
}

TEST_CASE("alt text: the logo's is the template's alt, else the letterhead's, else a warning") {
    TempDir dir;
    write_file(dir.path / "logo.png", core::read_file(fs::path(BRIEFMAKE_SOURCE_DIR) / "tests/data/tmpl/logo.png"));
    dir.write("named.yaml", "extends: default\nname: named\nlogo: {file: logo.png, alt: Ministry emblem}\n");
    dir.write("letterhead.yaml", "extends: default\nname: lh\nlogo: {file: logo.png}\n");
    dir.write("bare.yaml", "extends: default\nname: bare\nletterhead: []\nlogo: {file: logo.png}\n");
    const std::string yaml = "brief: 1\ntitle: T\nmeeting: {name: M, date: 2026-02-02}\nagenda: []\n";
    auto logo_alt = [&](const std::string& tmpl_file, core::WarningSink& sink) {
        core::Context ctx = context();
        ctx.warnings = &sink;
        auto b = spec::parse_brief(yaml, "b.yaml", dir.path, ctx);
        auto t = tmpl::load_template(tmpl_file, dir.path, {}, ctx);
        return doc::merge(b, t, ctx).meta.logo_alt;
    };
    core::WarningSink a, b, c;
    CHECK(logo_alt("named.yaml", a) == "Ministry emblem");
    CHECK(logo_alt("letterhead.yaml", b) == "T.C. DIŞİŞLERİ BAKANLIĞI");
    CHECK(a.items().empty());
    CHECK(b.items().empty());
    CHECK(logo_alt("bare.yaml", c) == "");
    REQUIRE(c.items().size() == 1);
    CHECK(c.items()[0].message == "the template's logo has no alternative text");
}
