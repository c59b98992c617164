// The UTF-8 decoder: well-formed text of every length, and each kind of malformed sequence with
// the error it reports and the bytes its U+FFFD stands for.
#include <doctest/doctest.h>

#include <string>

#include "core/utf8.hpp"

using namespace briefmake::core;

namespace {

// Decodes the first sequence of `bytes`.
Utf8Char first(const std::string& bytes) { return decode_utf8(bytes, 0); }

}  // namespace

TEST_CASE("utf8: well-formed sequences of one to four bytes") {
    CHECK(first("A").cp == U'A');
    CHECK(first("A").length == 1);
    CHECK(first(std::string(1, '\0')).ok());
    CHECK(first("ş").cp == U'ş');
    CHECK(first("ş").length == 2);
    CHECK(first("€").cp == U'€');
    CHECK(first("€").length == 3);
    CHECK(first("😀").cp == U'😀');
    CHECK(first("😀").length == 4);
    // The ends of each range.
    CHECK(first("\x7F").cp == 0x7F);
    CHECK(first("\xC2\x80").cp == 0x80);
    CHECK(first("\xDF\xBF").cp == 0x7FF);
    CHECK(first("\xE0\xA0\x80").cp == 0x800);
    CHECK(first("\xED\x9F\xBF").cp == 0xD7FF);
    CHECK(first("\xEE\x80\x80").cp == 0xE000);
    CHECK(first("\xEF\xBF\xBF").cp == 0xFFFF);
    CHECK(first("\xF0\x90\x80\x80").cp == 0x10000);
    CHECK(first("\xF4\x8F\xBF\xBF").cp == 0x10FFFF);
    // Every code point survives a round trip.
    int wrong = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp == 0xD800) cp = 0xE000;
        std::string s;
        append_utf8(s, cp);
        Utf8Char c = first(s);
        if (!c.ok() || c.cp != cp || c.length != s.size() || c.length != utf8_sequence_length(uint8_t(s[0]))) ++wrong;
    }
    CHECK(wrong == 0);
}

TEST_CASE("utf8: overlong forms") {
    CHECK(first("\xC0\x80").error == Utf8Error::overlong);  // U+0000 in two bytes
    CHECK(first("\xC1\xBF").error == Utf8Error::overlong);
    CHECK(first("\xE0\x80\x80").error == Utf8Error::overlong);
    CHECK(first("\xE0\x9F\xBF").error == Utf8Error::overlong);  // U+07FF in three bytes
    CHECK(first("\xF0\x80\x80\x80").error == Utf8Error::overlong);
    CHECK(first("\xF0\x8F\xBF\xBF").error == Utf8Error::overlong);  // U+FFFF in four bytes
    // The lead byte alone is replaced; the rest are stray continuation bytes.
    CHECK(first("\xE0\x80\x80").length == 1);
    CHECK(to_u32("\xC0\xAF") == U"\uFFFD\uFFFD");
}

TEST_CASE("utf8: surrogates") {
    CHECK(first("\xED\xA0\x80").error == Utf8Error::surrogate);  // U+D800
    CHECK(first("\xED\xBF\xBF").error == Utf8Error::surrogate);  // U+DFFF
    CHECK(first("\xED\xA0\x80").cp == kReplacementChar);
    // A surrogate pair written as two three-byte sequences (CESU-8) is refused byte by byte: ED
    // fails at its second byte, and the continuation bytes after it stand alone.
    CHECK(to_u32("\xED\xA0\xBD\xED\xB8\x80") == std::u32string(6, kReplacementChar));
    std::string s;
    append_utf8(s, 0xD800);
    CHECK(s == "\xEF\xBF\xBD");
}

TEST_CASE("utf8: above U+10FFFF") {
    CHECK(first("\xF4\x90\x80\x80").error == Utf8Error::too_large);  // U+110000
    CHECK(first("\xF5\x80\x80\x80").error == Utf8Error::too_large);
    CHECK(first("\xF7\xBF\xBF\xBF").error == Utf8Error::too_large);
    CHECK(first("\xF8\x88\x80\x80\x80").error == Utf8Error::bad_lead);  // old five-byte form
    CHECK(first("\xFF").error == Utf8Error::bad_lead);
    std::string s;
    append_utf8(s, 0x110000);
    CHECK(s == "\xEF\xBF\xBD");
}

TEST_CASE("utf8: truncated sequences and bad continuation bytes") {
    CHECK(first("\xC3").error == Utf8Error::truncated);
    CHECK(first("\xE2\x82").error == Utf8Error::truncated);
    CHECK(first("\xE2\x82").length == 2);  // one U+FFFD for the whole beginning
    CHECK(first("\xF0\x9F\x98").length == 3);
    CHECK(first("\xE2\x82" "A").error == Utf8Error::bad_continuation);
    CHECK(first("\xE2\x82" "A").length == 2);
    CHECK(first("\xC3" "A").error == Utf8Error::bad_continuation);
    CHECK(first("\x80").error == Utf8Error::bad_lead);
    CHECK(first("\xBF").length == 1);
    // Decoding goes on after each error with the next byte that may start a sequence.
    CHECK(to_u32("a\xE2\x82" "b\xF0\x9F\x98") == U"a\uFFFDb\uFFFD");
    CHECK(to_u32("\xE2\x82\xE2\x82\xAC") == U"\uFFFD€");
    CHECK(to_u32("a\xFF" "b") == U"a\uFFFDb");
}

TEST_CASE("utf8: sequence length, counting, validity, stepping") {
    CHECK(utf8_sequence_length('a') == 1);
    CHECK(utf8_sequence_length(0xC2) == 2);
    CHECK(utf8_sequence_length(0xE0) == 3);
    CHECK(utf8_sequence_length(0xF4) == 4);
    for (int b : {0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF}) CHECK(utf8_sequence_length(uint8_t(b)) == 0);
    CHECK(is_utf8_continuation(0x80));
    CHECK_FALSE(is_utf8_continuation('a'));
    CHECK_FALSE(is_utf8_continuation(0xC3));

    CHECK(count_code_points("") == 0);
    CHECK(count_code_points("İstişare €😀") == 11);
    CHECK(count_code_points("a\xE2\x82" "b") == 3);
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("Қазақстан, Türkiye, 😀"));
    CHECK_FALSE(is_valid_utf8("ok\xC0\x80"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
    CHECK_FALSE(is_valid_utf8("€\xE2\x82"));

    std::string s = "aş😀";
    std::size_t i = 0;
    CHECK(next_code_point(s, i) == U'a');
    CHECK(i == 1);
    CHECK(next_code_point(s, i) == U'ş');
    CHECK(i == 3);
    CHECK(next_code_point(s, i) == U'😀');
    CHECK(i == s.size());
    CHECK(to_u32("aş€😀") == U"aş€😀");
}
