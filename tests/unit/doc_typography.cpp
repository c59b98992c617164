// Typographic punctuation of the merged document (doc/typography.hpp).
#include <doctest/doctest.h>

#include "doc/typography.hpp"

using namespace briefmake;

namespace {
std::string set(std::string_view s, const char* lang) {
    doc::QuoteState st{0, false, lang};
    return doc::typeset_text(s, st);
}
}  // namespace

TEST_CASE("apostrophes, quotes by language, number ranges; code spans and addresses stay straight") {
    CHECK(set("Grubu'nun Ankara'da", "tr") == "Grubu’nun Ankara’da");
    CHECK(set("\"ortak\" bildiri", "tr") == "“ortak” bildiri");
    CHECK(set("the \"joint\" note ('draft')", "en") == "the “joint” note (‘draft’)");
    CHECK(set("\"совместное\" заявление", "ru") == "«совместное» заявление");
    CHECK(set("(\"бірлескен\")", "kk") == "(«бірлескен»)");
    CHECK(set("2019-2025 ve (12-13).", "tr") == "2019–2025 ve (12–13).");
    CHECK(set("OSPG-8 2026-02-02 Türkiye-Kazakistan", "tr") == "OSPG-8 2026-02-02 Türkiye-Kazakistan");
    CHECK(set("`dosya'adı \"x\".txt` ve 'a'", "tr") == "`dosya'adı \"x\".txt` ve ‘a’");
    CHECK(set("https://a.org/x'y\"z 1-2", "tr") == "https://a.org/x'y\"z 1–2");
}

TEST_CASE("a quote opened in one span closes in the next") {
    doc::QuoteState st{0, false, "tr"};
    std::string a = doc::typeset_text("Bakan \"", st);
    std::string b = doc::typeset_text("ortak", st);
    std::string c = doc::typeset_text("\" dedi.", st);
    CHECK(a + b + c == "Bakan “ortak” dedi.");
}
