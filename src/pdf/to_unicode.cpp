#include "pdf/to_unicode.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace briefmake::pdf {

std::string to_unicode_cmap(const std::set<char32_t>& codes) {
    std::vector<unsigned> bmp;
    for (char32_t c : codes)
        if (c <= 0xFFFF && (c < 0xD800 || c > 0xDFFF)) bmp.push_back(unsigned(c));

    std::string s =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // At most 100 entries per block, as the CMap specification requires.
    for (size_t i = 0; i < bmp.size(); i += 100) {
        size_t n = std::min<size_t>(100, bmp.size() - i);
        s += std::to_string(n) + " beginbfchar\n";
        for (size_t k = i; k < i + n; ++k) {
            char line[20];
            std::snprintf(line, sizeof line, "<%04X> <%04X>\n", bmp[k], bmp[k]);
            s += line;
        }
        s += "endbfchar\n";
    }
    s += "endcmap\n"
         "CMapName currentdict /CMap defineresource pop\n"
         "end\n"
         "end\n";
    return s;
}

}  // namespace briefmake::pdf
