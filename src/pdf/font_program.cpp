#include "pdf/font_program.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/diag.hpp"

namespace briefmake::pdf {

namespace {

uint32_t be32(std::string_view s, size_t at) {
    return uint32_t(uint8_t(s[at])) << 24 | uint32_t(uint8_t(s[at + 1])) << 16 | uint32_t(uint8_t(s[at + 2])) << 8 |
           uint32_t(uint8_t(s[at + 3]));
}
uint16_t be16(std::string_view s, size_t at) { return uint16_t(uint8_t(s[at]) << 8 | uint8_t(s[at + 1])); }

void put32(std::string& s, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + size_t(i)] = char(v >> (24 - 8 * i));
}
void add16(std::string& s, uint16_t v) {
    s += char(v >> 8);
    s += char(v & 0xFF);
}
void add32(std::string& s, uint32_t v) {
    add16(s, uint16_t(v >> 16));
    add16(s, uint16_t(v & 0xFFFF));
}

uint32_t checksum(std::string_view s) {
    uint32_t sum = 0;
    for (size_t i = 0; i < s.size(); i += 4) {
        uint32_t word = 0;
        for (size_t k = 0; k < 4; ++k) word = word << 8 | (i + k < s.size() ? uint8_t(s[i + k]) : 0);
        sum += word;
    }
    return sum;
}

[[noreturn]] void bad() { throw core::Error({}, "PDF writer: a subset font is malformed (cannot embed it)"); }

}  // namespace

std::string embeddable_font(std::string_view ttf) {
    // Sorted by tag, as the table directory must be.
    static constexpr std::array<std::string_view, 9> kKeep = {"cvt ", "fpgm", "glyf", "head", "hhea",
                                                              "hmtx", "loca", "maxp", "prep"};
    if (ttf.size() < 12) bad();
    const uint16_t count = be16(ttf, 4);
    if (ttf.size() < 12 + size_t(count) * 16) bad();
    struct Table {
        std::string_view tag, data;
        uint32_t sum;
    };
    std::vector<Table> tables;
    for (uint16_t i = 0; i < count; ++i) {
        const size_t rec = 12 + size_t(i) * 16;
        std::string_view tag = ttf.substr(rec, 4);
        if (std::find(kKeep.begin(), kKeep.end(), tag) == kKeep.end()) continue;
        const uint32_t off = be32(ttf, rec + 8), len = be32(ttf, rec + 12);
        if (off > ttf.size() || len > ttf.size() - off) bad();
        tables.push_back({tag, ttf.substr(off, len), be32(ttf, rec + 4)});
    }
    std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) { return a.tag < b.tag; });
    for (std::string_view need : {"glyf", "head", "hhea", "hmtx", "loca", "maxp"})
        if (std::none_of(tables.begin(), tables.end(), [&](const Table& t) { return t.tag == need; })) bad();

    const auto n = uint16_t(tables.size());
    uint16_t pow2 = 1, log2 = 0;
    while (pow2 * 2 <= n) pow2 *= 2, ++log2;
    std::string out;
    add32(out, 0x00010000);
    add16(out, n);
    add16(out, uint16_t(pow2 * 16));
    add16(out, log2);
    add16(out, uint16_t(n * 16 - pow2 * 16));
    size_t offset = 12 + size_t(n) * 16;
    size_t head_at = 0;
    for (const Table& t : tables) {
        out += t.tag;
        // head's checksum is computed with checkSumAdjustment as 0; keep the font's own.
        add32(out, t.tag == "head" ? t.sum : checksum(t.data));
        add32(out, uint32_t(offset));
        add32(out, uint32_t(t.data.size()));
        if (t.tag == "head") head_at = offset;
        offset += (t.data.size() + 3) & ~size_t(3);
    }
    for (const Table& t : tables) {
        out += t.data;
        out.append(((t.data.size() + 3) & ~size_t(3)) - t.data.size(), '\0');
    }
    if (out.size() < head_at + 12) bad();
    put32(out, head_at + 8, 0);
    put32(out, head_at + 8, 0xB1B0AFBAu - checksum(out));
    return out;
}

}  // namespace briefmake::pdf
