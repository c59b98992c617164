// Tests for attachment name patterns (--name) and ASCII names (--ascii-names).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "batch/names.hpp"
#include "core/diag.hpp"
#include "text/translit.hpp"

using namespace briefmake;

namespace {
spec::Brief sample() {
    spec::Brief b;
    b.title.value = "OSPG 8. Toplantısı";
    b.reference = spec::Text{"OSPG-8/2026", {}};
    b.meeting.name.value = "Ortak Stratejik Planlama Grubu";
    b.meeting.number = 8;
    b.meeting.date = {2026, 2, 2};
    b.meeting.location = spec::Text{"Ankara", {}};
    return b;
}
}  // namespace

TEST_CASE("name patterns expand brief fields") {
    spec::Brief b = sample();
    CHECK(batch::NamePattern().expand(b, "ospg-8") == "ospg-8");
    CHECK(batch::NamePattern("{reference}-{meeting.date}").expand(b, "s") == "OSPG-8-2026-2026-02-02");
    CHECK(batch::NamePattern("{meeting.number}. {title} ({meeting.location})").expand(b, "s") ==
          "8. OSPG 8. Toplantısı (Ankara)");
    CHECK(batch::NamePattern("{{x}} {stem}").expand(b, "s") == "{x} s");
    // Missing optional values are empty; a name that comes out empty or hidden falls back to the stem.
    CHECK(batch::NamePattern("{subtitle}").expand(b, "stem") == "stem");
    CHECK(batch::NamePattern(".{title}").expand(b, "stem") == "stem");
    b.title.value = "a\\b/c\td";
    CHECK(batch::NamePattern("{title}").expand(b, "s") == "a-b-cd");
}

TEST_CASE("unknown fields and stray braces are errors") {
    CHECK_THROWS_WITH_AS(batch::NamePattern("{referense}"), doctest::Contains("unknown field {referense}"),
                         core::Error);
    CHECK_THROWS_WITH_AS(batch::NamePattern("{meeting}"), doctest::Contains("known fields: stem"), core::Error);
    CHECK_THROWS_AS(batch::NamePattern("{title"), core::Error);
    CHECK_THROWS_AS(batch::NamePattern("title}"), core::Error);
}

TEST_CASE("text::to_ascii: Turkish letters, Cyrillic through ICU, nothing else left") {
    CHECK(text::to_ascii("şğıİçöüŞĞÇÖÜ") == "sgiIcouSGCOU");
    CHECK(text::to_ascii("Türkiye-Kazakistan Toplantısı") == "Turkiye-Kazakistan Toplantisi");
    CHECK(text::to_ascii("Москва") == "Moskva");
    CHECK(text::to_ascii("Астана, Қазақстан") == "Astana, Qazaqstan");
    CHECK(text::to_ascii("plain (ASCII) 1-2") == "plain (ASCII) 1-2");
    std::string mixed = text::to_ascii("Ελλάδα 東京 \x01 — é");
    for (char c : mixed) CHECK((c >= 0x20 && c < 0x7F));
}

TEST_CASE("text::to_ascii: every Kazakh letter, Russian as BGN/PCGN, no letter lost") {
    // The nine letters Kazakh adds to Russian's, as their base letters in Kazakh's Latin alphabet.
    CHECK(text::to_ascii("ә ғ қ ң ө ұ ү һ і") == "a g q n o u u h i");
    CHECK(text::to_ascii("Ә Ғ Қ Ң Ө Ұ Ү Һ І") == "A G Q N O U U H I");
    CHECK(text::to_ascii("Тілді тексеруге арналған анықтама үлгісі") == "Tildi tekseruge arnalgan anyqtama ulgisi");
    CHECK(text::to_ascii("Сыртқы істер министрлігі") == "Syrtqy ister ministrligi");
    CHECK(text::to_ascii("Жұмыс тобы, ЖҰМЫС") == "Zhumys toby, ZHUMYS");
    // Russian letters with more than one Latin letter; hard and soft signs leave nothing behind
    // (no quotes or apostrophes in a file name), nor do BGN's separating dots (Братск, not Brat·sk).
    CHECK(text::to_ascii("Жук Щука Хабаровск Цех Чай Шар Юрий Яков") == "Zhuk Shchuka Khabarovsk Tsekh Chay Shar Yuriy Yakov");
    CHECK(text::to_ascii("Совместная группа") == "Sovmestnaya gruppa");
    CHECK(text::to_ascii("Съезд, объект, Ельцин, Братск") == "Syezd, obyekt, Yeltsin, Bratsk");
    // Turkish, as before.
    CHECK(text::to_ascii("Dışişleri Bakanlığı İkili Siyasi İşler") == "Disisleri Bakanligi Ikili Siyasi Isler");
    // Only ASCII letters for the letters of the three languages (no '_', no quote for ъ or ь).
    const char* all[] = {"абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "әғқңөұүһіӘҒҚҢӨҰҮҺІ",
                         "çğıöşüÇĞİÖŞÜâîû"};
    for (const char* s : all) {
        std::string a = text::to_ascii(s);
        bool letters = !a.empty() && std::all_of(a.begin(), a.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        });
        CHECK_MESSAGE(letters, s, " -> ", a);
    }
}
