// Alternative text for figures, written from their data in the brief's language: what a screen
// reader says for a chart or a table (DOCX wp:docPr/@descr and w:tblDescription, PDF /Alt).
#pragma once
#include <string>

#include "doc/doc.hpp"

namespace briefmake::doc {

// A chart: its kind, its title, the categories (a range when there are many), the unit, then
// per series the run from first to last value (line), the highest and lowest (bar), or the
// largest shares (pie). Numbers are the chart's own labels, formatted in `lang`.
// "Çizgi grafik: Üye ülkelerle toplam ticaret, 2019–2025, milyar $; 14,7’den 19,8’e yükseliyor."
std::string chart_alt(const std::string& title, const std::string& unit, const Chart& c, const std::string& lang);

// A table: "Tablo: <title>, <unit>; 6 satır; sütunlar: Yıl, İhracat, İthalat."
std::string table_alt(const std::string& title, const std::string& unit, const Table& t, const std::string& lang);

// The Turkish case ending a number takes when read aloud, after an apostrophe: `kase` is
// 'a' (dative: 19,8’e, 7’ye), 'l' (locative: 14’te, 20’de) or 'b' (ablative: 14,7’den, 3’ten).
// The number is a formatted label ("1.234,5", "-3"); vowel harmony follows its last spoken word.
std::string turkish_number_case(const std::string& number, char kase);

}  // namespace briefmake::doc
