// Language-aware text services through ICU: case, dates, numbers, break opportunities.
// ICU objects are created once per language and reused (they are costly to build).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"

namespace briefmake::text {

// Languages briefmake knows: tr, en, ru, kk (BCP 47 tags; "en-US" is accepted too).
bool is_supported_language(std::string_view lang);
// "tr" -> "tr-TR", "en" -> "en-GB", "en-US" -> "en-US", "ru" -> "ru-RU", "kk" -> "kk-KZ".
std::string locale_tag(std::string_view lang);

// Language-aware case mapping (Turkish/Azeri dotted and dotless i, etc.).
std::string to_upper(std::string_view utf8, std::string_view lang);
std::string to_lower(std::string_view utf8, std::string_view lang);

// CLDR long date in the language: 2 Şubat 2026 / 2 February 2026 / 2 февраля 2026 г. / 2026 ж. 2 ақпан.
std::string format_date(int year, int month, int day, std::string_view lang);
// "14:30" style time for the language.
std::string format_time(int hour, int minute, std::string_view lang);

// Number with the language's decimal and grouping marks: 8,95 / 1.234,56 (tr); 1,234.56 (en);
// 1 234,56 with U+00A0 (ru, kk). decimals < 0: as many as needed (up to 6), none trailing.
std::string format_number(double value, int decimals, std::string_view lang);
// A percentage (45.3 for 45.3 %) with the percent sign where the language puts it: %45,3 (tr),
// 45.3% (en), 45,3 % with a no-break space (ru, kk and the others).
std::string format_percent(double percent, int decimals, std::string_view lang);
// The fewest digits after the decimal mark, at most `max_digits`, that give back `value` (to
// within a binary fraction's rounding noise): 3 -> 0, 2.25 -> 2, 0.1 -> 1, 0.123456 -> max_digits.
int fraction_digits(double value, int max_digits);

// Line-break opportunities (UAX #14) in a UTF-8 string: byte offsets where a line may end
// (a break is allowed *before* the byte at that offset). Includes the end of the text.
// `hard` is set for mandatory breaks.
struct BreakOpportunity {
    size_t offset;
    bool hard;
};
std::vector<BreakOpportunity> line_breaks(std::string_view utf8, std::string_view lang);

// UTF-8 to code points and back: core/utf8.hpp's decoder, here for the callers of text/.
using core::append_utf8;
using core::to_u32;
std::string to_utf8(std::u32string_view s);
// Decodes the UTF-8 sequence at utf8[i] into cp and returns its length, or 0 when it is not a
// valid sequence (truncated, overlong, a surrogate, above U+10FFFF); core::decode_utf8 says which.
inline size_t decode_utf8(std::string_view utf8, size_t i, char32_t& cp) {
    const core::Utf8Char c = core::decode_utf8(utf8, i);
    if (!c.ok()) return 0;
    cp = c.cp;
    return c.length;
}

}  // namespace briefmake::text
