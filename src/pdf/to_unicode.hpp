// ToUnicode CMaps for our CID fonts (libharu's own one is malformed; poppler: "Invalid
// 'begincidrange' operator"). Content stream codes are either the BMP code points themselves
// (2 bytes, Identity-H, libharu's scheme) or glyph ids of a small subset (1 byte).
#pragma once
#include <map>
#include <set>
#include <string>

namespace briefmake::pdf {

// The CMap program text mapping each code in `code_to_cp` (`code_bytes` 1 or 2 bytes) to its
// BMP code point; runs where code and code point both go up by one become bfrange lines (a
// run never crosses a change of the code's high byte, as the CMap specification requires).
// Surrogates and code points above U+FFFF are left out: libharu cannot draw them.
std::string to_unicode_cmap(const std::map<unsigned, char32_t>& code_to_cp, int code_bytes);

// The identity over the BMP code points in `codes`, 2-byte codes.
std::string to_unicode_cmap(const std::set<char32_t>& codes);

}  // namespace briefmake::pdf
