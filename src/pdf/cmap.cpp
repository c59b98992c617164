#include "pdf/cmap.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace briefmake::pdf {

namespace {

// Code points closer than this share a segment; the gap costs 2 bytes per code point.
constexpr uint32_t kMaxGap = 256;

uint32_t u16(const std::string& b, size_t at) {
    return at + 2 <= b.size() ? (uint32_t(uint8_t(b[at])) << 8) | uint8_t(b[at + 1]) : 0;
}
uint32_t u32(const std::string& b, size_t at) { return (u16(b, at) << 16) | u16(b, at + 2); }
void put16(std::string& b, uint32_t v) {
    b += char((v >> 8) & 0xFF);
    b += char(v & 0xFF);
}
void set32(std::string& b, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + i] = char((v >> (24 - 8 * i)) & 0xFF);
}

uint32_t checksum(const std::string& b, size_t at, size_t len) {
    uint32_t sum = 0;
    for (size_t i = 0; i < len; i += 4) {
        uint32_t word = 0;
        for (size_t k = 0; k < 4; ++k) word = (word << 8) | (i + k < len ? uint8_t(b[at + i + k]) : 0);
        sum += word;
    }
    return sum;
}

}  // namespace

std::string with_compact_cmap(std::string ttf, const std::vector<std::pair<char32_t, unsigned>>& extra) {
    if (ttf.size() < 12) return ttf;
    const uint32_t tables = u16(ttf, 4);
    if (12 + size_t(16) * tables > ttf.size()) return ttf;
    size_t entry = 0;
    for (uint32_t i = 0; i < tables; ++i)
        if (ttf.compare(12 + 16 * i, 4, "cmap") == 0) entry = 12 + 16 * i;
    if (entry == 0 || entry + 16 > ttf.size()) return ttf;
    const size_t cmap = u32(ttf, entry + 8), cmap_len = u32(ttf, entry + 12);
    if (cmap + cmap_len > ttf.size() || cmap_len < 4) return ttf;

    // The (3,1) format-4 subtable, as libharu picks it.
    size_t sub = 0;
    for (uint32_t i = 0, n = u16(ttf, cmap + 2); i < n && cmap + 4 + 8 * i + 8 <= cmap + cmap_len; ++i) {
        const size_t rec = cmap + 4 + 8 * i;
        if (u16(ttf, rec) == 3 && u16(ttf, rec + 2) == 1 && u16(ttf, cmap + u32(ttf, rec + 4)) == 4) {
            sub = cmap + u32(ttf, rec + 4);
            break;
        }
    }
    if (sub == 0 || sub + 14 > ttf.size()) return ttf;
    const uint32_t segs = u16(ttf, sub + 6) / 2;
    const size_t ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                 ranges = deltas + 2 * segs;
    if (ranges + 2 * segs > ttf.size()) return ttf;

    // Every mapped code point below U+FFFF, in order.
    std::vector<std::pair<uint32_t, uint32_t>> map;  // code point, glyph
    for (uint32_t s = 0; s < segs; ++s) {
        const uint32_t end = u16(ttf, ends + 2 * s), start = u16(ttf, starts + 2 * s);
        const uint32_t delta = u16(ttf, deltas + 2 * s), range = u16(ttf, ranges + 2 * s);
        for (uint32_t cp = start; cp <= end && cp < 0xFFFF; ++cp) {
            uint32_t glyph;
            if (range == 0) {
                glyph = (cp + delta) & 0xFFFF;
            } else {
                glyph = u16(ttf, ranges + 2 * s + range + 2 * (cp - start));
                if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
            }
            if (glyph != 0) map.emplace_back(cp, glyph);
        }
    }
    for (auto [cp, glyph] : extra)
        if (cp < 0xFFFF && glyph != 0 && glyph <= 0xFFFF) map.emplace_back(uint32_t(cp), glyph);
    if (!extra.empty()) {
        std::stable_sort(map.begin(), map.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        // The added mappings win over the font's own (none expected: they are unmapped code points).
        std::vector<std::pair<uint32_t, uint32_t>> unique;
        for (const auto& m : map) {
            if (!unique.empty() && unique.back().first == m.first) unique.back() = m;
            else unique.push_back(m);
        }
        map = std::move(unique);
    }
    if (map.empty()) return ttf;

    // Runs of code points less than kMaxGap apart become one segment over a glyph index array.
    std::vector<std::pair<size_t, size_t>> runs;  // [first, last] indexes into map
    for (size_t i = 0; i < map.size(); ++i) {
        if (runs.empty() || map[i].first - map[runs.back().second].first > kMaxGap)
            runs.emplace_back(i, i);
        else
            runs.back().second = i;
    }
    const uint32_t new_segs = uint32_t(runs.size()) + 1;  // and the closing 0xFFFF segment
    if (new_segs >= segs && extra.empty()) return ttf;

    std::vector<uint32_t> glyph_array;
    std::vector<uint32_t> range_offsets;
    for (size_t r = 0; r < runs.size(); ++r) {
        // idRangeOffset counts from its own slot to the segment's first glyph index.
        range_offsets.push_back(2 * (new_segs - r) + 2 * uint32_t(glyph_array.size()));
        uint32_t cp = map[runs[r].first].first;
        for (size_t i = runs[r].first; i <= runs[r].second; ++i, ++cp) {
            while (cp < map[i].first) {
                glyph_array.push_back(0);
                ++cp;
            }
            glyph_array.push_back(map[i].second);
        }
    }
    uint32_t search = 1, selector = 0;
    while (search * 2 <= new_segs) {
        search *= 2;
        ++selector;
    }

    std::string sub4;
    put16(sub4, 4);
    put16(sub4, 16 + 8 * new_segs + 2 * uint32_t(glyph_array.size()));  // length
    put16(sub4, 0);                                                      // language
    put16(sub4, 2 * new_segs);
    put16(sub4, 2 * search);
    put16(sub4, selector);
    put16(sub4, 2 * new_segs - 2 * search);
    for (const auto& [first, last] : runs) put16(sub4, map[last].first);
    put16(sub4, 0xFFFF);
    put16(sub4, 0);  // reservedPad
    for (const auto& [first, last] : runs) put16(sub4, map[first].first);
    put16(sub4, 0xFFFF);
    for (size_t r = 0; r < runs.size(); ++r) put16(sub4, 0);  // idDelta
    put16(sub4, 1);                                           // 0xFFFF + 1 = glyph 0
    for (uint32_t off : range_offsets) put16(sub4, off);
    put16(sub4, 0);
    for (uint32_t g : glyph_array) put16(sub4, g);
    if (sub4.size() > 0xFFFF) return ttf;  // a format-4 length is 16 bits

    std::string table;
    put16(table, 0);  // version
    put16(table, 2);  // two encoding records share the subtable
    for (uint32_t platform_encoding : {0x00000003u, 0x00030001u}) {
        put16(table, platform_encoding >> 16);
        put16(table, platform_encoding & 0xFFFF);
        put16(table, 0);
        put16(table, 4 + 8 * 2);
    }
    table += sub4;

    ttf.resize((ttf.size() + 3) & ~size_t(3), '\0');
    const size_t at = ttf.size();
    ttf += table;
    ttf.resize((ttf.size() + 3) & ~size_t(3), '\0');
    set32(ttf, entry + 4, checksum(ttf, at, table.size()));
    set32(ttf, entry + 8, uint32_t(at));
    set32(ttf, entry + 12, uint32_t(table.size()));
    return ttf;
}

}  // namespace briefmake::pdf
