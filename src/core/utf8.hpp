// The one UTF-8 decoder. Strict, as RFC 3629 and Unicode 3.9 (table 3-7) define UTF-8: overlong
// forms, surrogates (U+D800..U+DFFF), code points above U+10FFFF and truncated sequences are
// malformed. A malformed sequence decodes to U+FFFD for its maximal subpart (the bytes that could
// still have begun a well-formed sequence; Unicode's recommended practice, and ICU's): "E2 82 41"
// is U+FFFD then "A". So decoding always moves on and keeps the valid text around an error.
//
// The readers reject malformed input with a located error (core::check_text), so past them the
// replacement is never seen; the stages decode with next_code_point() and need no error path.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace briefmake::core {

inline constexpr char32_t kReplacementChar = 0xFFFD;

enum class Utf8Error : std::uint8_t {
    none,
    bad_lead,          // a byte that starts nothing: 80..BF (a stray continuation byte), F8..FF
    truncated,         // the text ends inside the sequence
    bad_continuation,  // a byte inside the sequence is not 80..BF
    overlong,          // C0, C1, E0 80..9F, F0 80..8F: a shorter sequence exists
    surrogate,         // ED A0..BF: U+D800..U+DFFF
    too_large,         // F4 90..BF, F5..F7: above U+10FFFF
};

struct Utf8Char {
    char32_t cp = 0;         // the code point, or U+FFFD when malformed
    std::size_t length = 0;  // bytes taken: the sequence, or its maximal subpart (at least 1)
    Utf8Error error = Utf8Error::none;
    bool ok() const { return error == Utf8Error::none; }
};

constexpr bool is_utf8_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Length of the sequence that `lead` starts: 1 to 4, or 0 for a byte that cannot start a
// well-formed one (80..BF, C0, C1, F5..FF).
constexpr std::size_t utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead < 0xC2) return 0;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    if (lead < 0xF5) return 4;
    return 0;
}

// Decodes the sequence at s[i]; i < s.size().
Utf8Char decode_utf8(std::string_view s, std::size_t i);

// Decodes the code point at s[i] and moves i past it (U+FFFD for a malformed subpart).
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        ++i;
        return b;
    }
    const Utf8Char c = decode_utf8(s, i);
    i += c.length;
    return c.cp;
}

// Code points in `s`, a malformed subpart counting as one.
std::size_t count_code_points(std::string_view s);

// True when `s` is well-formed UTF-8 throughout.
bool is_valid_utf8(std::string_view s);

// The code points of `s` (U+FFFD for each malformed subpart).
std::u32string to_u32(std::string_view s);

// Appends the encoding of `cp`; surrogates and values above U+10FFFF append U+FFFD.
void append_utf8(std::string& out, char32_t cp);

}  // namespace briefmake::core
