// The TrueType program embedded for a CIDFontType2 font. A PDF renderer reaches glyphs through
// the CIDToGIDMap, never the font's cmap, and takes names and metrics from the PDF's own font
// dictionaries: only the tables ISO 32000-1 (9.9) requires for TrueType programs are kept.
#pragma once
#include <string>
#include <string_view>

namespace briefmake::pdf {

// `ttf` (a TrueType font, e.g. a HarfBuzz subset) with only head, hhea, hmtx, loca, maxp, glyf
// and, when present, cvt, fpgm and prep; table data unchanged, 4-byte aligned, with a fresh
// directory and head.checkSumAdjustment. Throws core::Error on a malformed font.
std::string embeddable_font(std::string_view ttf);

}  // namespace briefmake::pdf
