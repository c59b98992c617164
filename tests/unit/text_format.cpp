// Dates, times, numbers and case mapping in the four brief languages.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/text.hpp"

using namespace briefmake::text;

namespace {
const std::string NBSP = "\xC2\xA0";
}

TEST_CASE("languages and locale tags") {
    CHECK(is_supported_language("tr"));
    CHECK(is_supported_language("en"));
    CHECK(is_supported_language("en-US"));
    CHECK(is_supported_language("en-GB"));
    CHECK(is_supported_language("ru"));
    CHECK(is_supported_language("kk"));
    CHECK_FALSE(is_supported_language("de"));
    CHECK_FALSE(is_supported_language(""));
    CHECK(locale_tag("tr") == "tr-TR");
    CHECK(locale_tag("en") == "en-GB");
    CHECK(locale_tag("en-US") == "en-US");
    CHECK(locale_tag("en_us") == "en-US");
    CHECK(locale_tag("TR") == "tr-TR");
    CHECK(locale_tag("de_DE") == "de-DE");  // unknown: passed on, ICU falls back
    CHECK(locale_tag("ru") == "ru-RU");
    CHECK(locale_tag("kk") == "kk-KZ");
}

TEST_CASE("long dates follow CLDR in each language") {
    CHECK(format_date(2026, 2, 2, "tr") == "2 Şubat 2026");
    CHECK(format_date(2026, 2, 2, "en") == "2 February 2026");
    CHECK(format_date(2026, 2, 2, "en-GB") == "2 February 2026");
    CHECK(format_date(2026, 2, 2, "en-US") == "February 2, 2026");
    // CLDR keeps the year and its abbreviation together with U+00A0 (the contract's
    // "2 февраля 2026 г." and "2026 ж. 2 ақпан" look the same; the space must not break).
    CHECK(format_date(2026, 2, 2, "ru") == "2 февраля 2026" + NBSP + "г.");
    CHECK(format_date(2026, 2, 2, "kk") == "2026" + NBSP + "ж. 2 ақпан");
    // Month names and boundaries: first and last day of the year, leap day.
    CHECK(format_date(2025, 12, 31, "tr") == "31 Aralık 2025");
    CHECK(format_date(2026, 1, 1, "ru") == "1 января 2026" + NBSP + "г.");
    CHECK(format_date(2024, 2, 29, "en") == "29 February 2024");
    CHECK(format_date(2026, 8, 30, "kk") == "2026" + NBSP + "ж. 30 тамыз");
    CHECK_THROWS(format_date(2026, 2, 29, "tr"));
    CHECK_THROWS(format_date(2026, 13, 1, "tr"));
    CHECK_THROWS(format_date(2026, 4, 31, "en"));
}

TEST_CASE("times") {
    CHECK(format_time(14, 30, "tr") == "14:30");
    CHECK(format_time(9, 5, "en") == "09:05");
    CHECK(format_time(14, 30, "ru") == "14:30");
    CHECK(format_time(14, 30, "kk") == "14:30");
    CHECK(format_time(14, 30, "en-US") == "2:30" + NBSP + "PM");
    CHECK_THROWS(format_time(24, 0, "tr"));
}

TEST_CASE("numbers use the language's marks") {
    CHECK(format_number(8.95, 2, "tr") == "8,95");
    CHECK(format_number(1234.56, 2, "tr") == "1.234,56");
    CHECK(format_number(3000, 0, "tr") == "3.000");
    CHECK(format_number(8.95, 2, "en") == "8.95");
    CHECK(format_number(1234.56, 2, "en") == "1,234.56");
    CHECK(format_number(3000, 0, "en") == "3,000");
    CHECK(format_number(1234.56, 2, "en-US") == "1,234.56");
    CHECK(format_number(1234.56, 2, "ru") == "1" + NBSP + "234,56");
    CHECK(format_number(8950.5, 2, "ru") == "8" + NBSP + "950,50");
    CHECK(format_number(1234.56, 2, "kk") == "1" + NBSP + "234,56");
    CHECK(format_number(3000, 0, "kk") == "3" + NBSP + "000");
    CHECK(format_number(8.95, 2, "ru") == "8,95");
    CHECK(format_number(1234567.5, 1, "tr") == "1.234.567,5");
}

TEST_CASE("numbers: decimals") {
    CHECK(format_number(8.9, 2, "tr") == "8,90");      // fixed: trailing zeros kept
    CHECK(format_number(2.5, 0, "en") == "3");         // half up, not half even
    CHECK(format_number(0.125, 2, "en") == "0.13");
    CHECK(format_number(8.95, -1, "tr") == "8,95");    // as many as needed
    CHECK(format_number(3000, -1, "tr") == "3.000");
    CHECK(format_number(1.5, -1, "en") == "1.5");
    CHECK(format_number(1.0 / 3.0, -1, "en") == "0.333333");  // at most 6
    CHECK(format_number(-1234.5, 1, "en") == "-1,234.5");
    CHECK(format_number(-1234.5, 1, "tr") == "-1.234,5");
    CHECK(format_number(-0.001, 2, "tr") == "0,00");  // never "-0,00"
    CHECK(format_number(0.5, -1, "ru") == "0,5");
}

TEST_CASE("percentages put the sign where the language does") {
    CHECK(format_percent(45.3, 1, "tr") == "%45,3");
    CHECK(format_percent(45.3, 1, "en") == "45.3%");
    CHECK(format_percent(45.3, 1, "en-US") == "45.3%");
    CHECK(format_percent(9, 1, "ru") == "9,0\u00A0%");
    CHECK(format_percent(9, 1, "kk") == "9,0\u00A0%");
}

TEST_CASE("numbers: the digits a value needs after the decimal mark") {
    CHECK(fraction_digits(3000, 3) == 0);
    CHECK(fraction_digits(-3.5, 3) == 1);
    CHECK(fraction_digits(2.25, 3) == 2);
    CHECK(fraction_digits(0.125, 3) == 3);
    CHECK(fraction_digits(0.1, 3) == 1);      // not the 17 digits of the nearest double
    CHECK(fraction_digits(1234.56, 3) == 2);
    CHECK(fraction_digits(1.0 / 3.0, 3) == 3);  // capped
    CHECK(fraction_digits(0.123456, 6) == 6);
    CHECK(fraction_digits(1e300, 3) == 0);
}

TEST_CASE("case mapping is language-aware") {
    CHECK(to_upper("istişare", "tr") == "İSTİŞARE");
    CHECK(to_upper("ışık", "tr") == "IŞIK");
    CHECK(to_upper("bilgi notu", "tr") == "BİLGİ NOTU");
    CHECK(to_upper("istanbul", "en") == "ISTANBUL");
    CHECK(to_upper("istanbul", "tr") == "İSTANBUL");
    CHECK(to_lower("IŞIK", "tr") == "ışık");
    CHECK(to_lower("İSTİŞARE", "tr") == "istişare");
    CHECK(to_lower("ISTANBUL", "en") == "istanbul");
    CHECK(to_upper("справка", "ru") == "СПРАВКА");
    CHECK(to_upper("анықтама", "kk") == "АНЫҚТАМА");
    CHECK(to_upper("", "tr") == "");
}

TEST_CASE("UTF-8 helpers") {
    CHECK(to_u32("aş€😀") == U"aş€😀");
    CHECK(to_utf8(U"aş€😀") == "aş€😀");
    CHECK(to_u32("a\xFF" "b") == U"a\uFFFDb");
    std::string s;
    append_utf8(s, U'İ');
    CHECK(s == "İ");
}

TEST_CASE("formatting from many threads gives the same results") {
    std::vector<std::thread> threads;
    std::vector<int> failures(8, 0);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([t, &failures] {
            for (int i = 0; i < 200; ++i) {
                if (format_date(2026, 2, 2, "tr") != "2 Şubat 2026") ++failures[t];
                if (format_number(1234.56, 2, "tr") != "1.234,56") ++failures[t];
                if (line_breaks("bir iki üç", "tr").size() != 3) ++failures[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int f : failures) CHECK(f == 0);
}
