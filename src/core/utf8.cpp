#include "core/utf8.hpp"

namespace briefmake::core {

Utf8Char decode_utf8(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const std::size_t length = utf8_sequence_length(b0);
    if (length == 1) return {b0, 1, Utf8Error::none};
    if (length == 0) {
        Utf8Error e = b0 < 0xC0 ? Utf8Error::bad_lead
                      : b0 < 0xC2 ? Utf8Error::overlong
                      : b0 < 0xF8 ? Utf8Error::too_large
                                  : Utf8Error::bad_lead;
        return {kReplacementChar, 1, e};
    }
    // Four lead bytes allow a narrower range for the second byte (table 3-7): that is where
    // overlong forms, surrogates and values above U+10FFFF are told apart from real ones.
    unsigned char low = 0x80, high = 0xBF;
    Utf8Error outside = Utf8Error::bad_continuation;
    switch (b0) {
        case 0xE0: low = 0xA0, outside = Utf8Error::overlong; break;
        case 0xED: high = 0x9F, outside = Utf8Error::surrogate; break;
        case 0xF0: low = 0x90, outside = Utf8Error::overlong; break;
        case 0xF4: high = 0x8F, outside = Utf8Error::too_large; break;
        default: break;
    }
    char32_t cp = b0 & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if (i + k >= s.size()) return {kReplacementChar, k, Utf8Error::truncated};
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (!is_utf8_continuation(b)) return {kReplacementChar, k, Utf8Error::bad_continuation};
        if (k == 1 && (b < low || b > high)) return {kReplacementChar, 1, outside};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {cp, length, Utf8Error::none};
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) next_code_point(s, i);
    return n;
}

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const Utf8Char c = decode_utf8(s, i);
        if (!c.ok()) return false;
        i += c.length;
    }
    return true;
}

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

}  // namespace briefmake::core
