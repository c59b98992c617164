// ASCII case and classes that ignore the process locale: under tr_TR's LC_CTYPE (which
// core::init_locale takes for gettext) std::toupper('i') is 'i' and std::tolower('I') is 'I'.
#pragma once

namespace briefmake::core {

constexpr char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr bool ascii_upper_letter(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
constexpr bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace briefmake::core
