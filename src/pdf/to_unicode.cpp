#include "pdf/to_unicode.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace briefmake::pdf {

namespace {

struct Entry {
    unsigned code_lo, code_hi;
    char32_t cp;
};

}  // namespace

std::string to_unicode_cmap(const std::map<unsigned, char32_t>& code_to_cp, int code_bytes) {
    const unsigned digits = code_bytes == 1 ? 2 : 4;
    std::vector<std::pair<unsigned, char32_t>> map;
    for (auto [code, cp] : code_to_cp)
        if (cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF)) map.emplace_back(code, cp);

    std::string s =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n";
    s += code_bytes == 1 ? "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
                         : "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<Entry> ranges, singles;
    for (size_t i = 0; i < map.size();) {
        size_t j = i + 1;
        while (j < map.size() && map[j].first == map[j - 1].first + 1 && map[j].second == map[j - 1].second + 1 &&
               (map[j].first >> 8) == (map[i].first >> 8))
            ++j;
        (j - i >= 2 ? ranges : singles).push_back({map[i].first, map[j - 1].first, map[i].second});
        i = j;
    }
    // At most 100 entries per block.
    auto blocks = [&](const std::vector<Entry>& v, const char* kind) {
        for (size_t i = 0; i < v.size(); i += 100) {
            size_t n = std::min<size_t>(100, v.size() - i);
            s += std::to_string(n) + " begin" + kind + "\n";
            for (size_t k = i; k < i + n; ++k) {
                char line[40];
                if (v[k].code_lo == v[k].code_hi)
                    std::snprintf(line, sizeof line, "<%0*X> <%04X>\n", int(digits), v[k].code_lo, unsigned(v[k].cp));
                else
                    std::snprintf(line, sizeof line, "<%0*X> <%0*X> <%04X>\n", int(digits), v[k].code_lo, int(digits),
                                  v[k].code_hi, unsigned(v[k].cp));
                s += line;
            }
            s += std::string("end") + kind + "\n";
        }
    };
    blocks(ranges, "bfrange");
    blocks(singles, "bfchar");
    s += "endcmap\n"
         "CMapName currentdict /CMap defineresource pop\n"
         "end\n"
         "end\n";
    return s;
}

std::string to_unicode_cmap(const std::set<char32_t>& codes) {
    std::map<unsigned, char32_t> identity;
    for (char32_t c : codes)
        if (c <= 0xFFFF) identity.emplace(unsigned(c), c);
    return to_unicode_cmap(identity, 2);
}

}  // namespace briefmake::pdf
