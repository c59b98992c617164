// A correct ToUnicode CMap for libharu's UTF-8 CID fonts, whose own one is malformed
// (poppler: "Invalid 'begincidrange' operator"). With HPDF_UseUTFEncodings the content stream
// codes are the BMP code points themselves (2 bytes, Identity-H), so the map is the identity
// over the code points a font draws.
#pragma once
#include <set>
#include <string>

namespace briefmake::pdf {

// The CMap program text mapping each BMP code point in `codes` to itself (surrogates and
// code points above U+FFFF are left out: libharu cannot draw them).
std::string to_unicode_cmap(const std::set<char32_t>& codes);

}  // namespace briefmake::pdf
