// A TrueType cmap that libharu walks quickly. HPDF_GetFont(..., "UTF-8") looks up all 65,536
// BMP code points, each with a linear search over the cmap's format-4 segments; a subset font
// from HarfBuzz has one segment per run of consecutive code points (about 35 for a Turkish
// brief), so that walk costs ~10 million instructions per face. Merging nearby runs into a few
// segments (the gaps map to glyph 0 through the glyph index array) gives the same mapping at a
// fraction of the cost.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace briefmake::pdf {

// `ttf` with its cmap replaced by one format-4 subtable (platform 0/3 and 3/1) that maps the
// same BMP code points to the same glyphs in fewer segments. The new table is appended and the
// table directory points to it (libharu copies only the tables it needs into the PDF and
// recomputes their checksums). Returns `ttf` unchanged when it has no format-4 Unicode cmap or
// nothing would be gained. `extra` adds mappings the subset's cmap lacks (tabular figures'
// private-use stand-ins, fonts::Font::tabular); with them the cmap is always rewritten.
std::string with_compact_cmap(std::string ttf, const std::vector<std::pair<char32_t, unsigned>>& extra = {});

}  // namespace briefmake::pdf
